//! `saylau simulate`: read a JSON scenario, run the Monte Carlo vote model
//! around its votes, print the seat projections.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use saylau::describe::view::body::body_summary;
use saylau::describe::view::projection::ProjectionView;
use saylau::describe::view::{About, NoteView};
use saylau::scenario::Scenario;
use saylau::simulate::{Projection, RunOptions, Simulation};

use crate::cli::{Format, SimulateArgs};
use crate::output::{csv_rows, json};
use crate::report_error;
use crate::scenario_file::{Loaded, failure, load};
use crate::{Failure, write_stdout};

/// The exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
const INTERRUPTED: u8 = 130;

/// Set by the Ctrl-C handler; the simulator checks it before each block of runs.
static STOP: AtomicBool = AtomicBool::new(false);

/// Runs `saylau simulate` and gives the exit code.
pub fn main(args: &SimulateArgs) -> ExitCode {
    let Loaded { source, scenario, changed } = match load(&args.file, &args.what_if) {
        Ok(loaded) => loaded,
        Err(message) => {
            report_error(&message);
            return ExitCode::from(2);
        }
    };
    let sim = match build(&source, &scenario) {
        Ok(sim) => sim,
        Err(failure) => return failure.exit(),
    };
    let report = match run(&sim, args) {
        Ok(report) => report,
        Err(message) => {
            report_error(&message);
            return ExitCode::from(2);
        }
    };
    if report.interrupted && report.runs == 0 {
        report_error("interrupted before any run completed: no results");
        return ExitCode::from(INTERRUPTED);
    }
    // `build` compiled the same model, so this cannot fail here.
    let uncertainty = scenario.vote_model().unwrap_or_default();
    let mut view = ProjectionView::new(About::of(&scenario), &report, &uncertainty, args.histogram);
    if let Ok(Some(pooled)) = scenario.pooled_polls() {
        view = view.with_polls(&scenario.polls, &pooled);
    }
    view.notes.splice(0..0, changed.iter().map(NoteView::from));
    let summary = scenario.body().map(|b| body_summary(&b)).unwrap_or_else(|_| scenario.body.to_string());
    let code = if report.interrupted {
        let _ = writeln!(
            io::stderr().lock(),
            "saylau: interrupted: {} of {} runs completed; the results above are partial",
            report.runs,
            args.runs
        );
        ExitCode::from(INTERRUPTED)
    } else {
        ExitCode::SUCCESS
    };
    write_stdout(code, |out| match args.format {
        Format::Table => view.write_text(&summary, &source, out),
        Format::Json => json(&view, out),
        Format::Csv => csv_rows(&view.csv_rows(), out),
    })
}

/// Compiles the scenario's simulation, with messages naming the file.
fn build(source: &str, scenario: &Scenario) -> Result<Simulation, Failure> {
    if scenario.is_referendum() {
        return Err(Failure::Input(format!(
            "{source}: nothing to simulate: a referendum elects no seats (decide it with `saylau elect`)"
        )));
    }
    if scenario.referendum.is_some() {
        return Err(Failure::Input(format!(
            "{source}: the \"referendum\" object belongs only in a scenario with body \"referendum\", not {:?}",
            scenario.body
        )));
    }
    if scenario.lists.is_empty() && scenario.polls.is_empty() && scenario.districts.is_empty() {
        return Err(Failure::Input(format!(
            "{source}: nothing to simulate: the scenario gives neither \"lists\" nor \"districts\" (nor \"polls\")"
        )));
    }
    scenario.simulation().map_err(|e| failure(e, scenario, source))
}

/// Runs the simulation with the progress bar (when standard error is a
/// terminal) and Ctrl-C handling.
fn run(sim: &Simulation, args: &SimulateArgs) -> Result<Projection, String> {
    // A second Ctrl-C, while the runs in flight finish, ends the process at once.
    // Without a handler (it cannot be installed twice) Ctrl-C simply ends the process.
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(INTERRUPTED));
        }
    });
    let bar = io::stderr().is_terminal().then(|| progress_bar(args.runs));
    // Blocks finish out of order: show the largest count reported so far.
    let shown = AtomicU64::new(0);
    let progress = |done: u64| {
        if let Some(bar) = &bar
            && shown.fetch_max(done, Ordering::Relaxed) < done
        {
            bar.set_position(done);
        }
    };
    let options = RunOptions {
        threads: Some(args.threads),
        progress: bar.is_some().then_some(&progress as &(dyn Fn(u64) + Sync)),
        stop: Some(&STOP),
    };
    let report = sim.run_with(args.seed, args.runs, &options).map_err(|e| e.to_string());
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    report
}

/// A progress bar on standard error, counting runs.
fn progress_bar(runs: u64) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(runs), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template(
        "{spinner} [{elapsed_precise}] {wide_bar} {human_pos}/{human_len} runs ({eta} left)",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}
