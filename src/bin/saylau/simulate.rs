//! Long runs on a terminal: a progress bar on standard error and Ctrl-C,
//! handed to the library's request as its [`Control`].

use std::io::{self, IsTerminal};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use saylau::request::{Control, Output, Request, RequestError};

/// The exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
pub const INTERRUPTED: u8 = 130;

/// Set by the Ctrl-C handler; the simulator checks it before each block of runs.
static STOP: AtomicBool = AtomicBool::new(false);

/// Runs `request`; a simulation (or a report's projection) shows a progress
/// bar when standard error is a terminal, and stops on Ctrl-C.
pub fn run(request: &Request) -> Result<Output, RequestError> {
    let runs = match request {
        Request::Simulate(r) => r.runs,
        Request::Report(r) => match r.runs {
            Some(runs) => runs,
            None => return request.run(),
        },
        _ => return request.run(),
    };
    // A second Ctrl-C, while the runs in flight finish, ends the process at once.
    // Without a handler (it cannot be installed twice) Ctrl-C simply ends the process.
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(i32::from(INTERRUPTED));
        }
    });
    let bar = io::stderr().is_terminal().then(|| progress_bar(runs));
    // Blocks finish out of order: show the largest count reported so far.
    let shown = AtomicU64::new(0);
    let progress = |done: u64| {
        if let Some(bar) = &bar
            && shown.fetch_max(done, Ordering::Relaxed) < done
        {
            bar.set_position(done);
        }
    };
    let control =
        Control { progress: bar.is_some().then_some(&progress as &(dyn Fn(u64) + Sync)), stop: Some(&STOP) };
    let out = request.run_with(control);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    out
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
