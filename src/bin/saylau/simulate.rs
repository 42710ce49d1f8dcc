//! `saylau simulate`: read a JSON scenario, run the Monte Carlo vote model
//! around its votes, print the seat projections.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use saylau::scenario::Scenario;
use saylau::simulate::{Report, RunOptions, SeatStats, Simulation, Swing, Uncertainty};
use serde::Serialize;

use crate::cli::{SimulateArgs, SimulateFormat};
use crate::input::plural;
use crate::output::{Table, notes};
use crate::report_error;
use crate::scenario_file::{failure, load};
use crate::{Failure, write_stdout};

/// The exit code of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
const INTERRUPTED: u8 = 130;

/// Set by the Ctrl-C handler; the simulator checks it before each block of runs.
static STOP: AtomicBool = AtomicBool::new(false);

/// Runs `saylau simulate` and gives the exit code.
pub fn main(args: &SimulateArgs) -> ExitCode {
    let (source, scenario) = match load(&args.file) {
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
    let view = View { source: &source, scenario: &scenario, report: &report, histogram: args.histogram };
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
        SimulateFormat::Table => table(&view, out),
        SimulateFormat::Json => json(&view, out),
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
    if scenario.lists.is_empty() && scenario.districts.is_empty() {
        return Err(Failure::Input(format!(
            "{source}: nothing to simulate: the scenario gives neither \"lists\" nor \"districts\""
        )));
    }
    scenario.simulation().map_err(|e| failure(e, scenario, source))
}

/// Runs the simulation with the progress bar (when standard error is a
/// terminal) and Ctrl-C handling.
fn run(sim: &Simulation, args: &SimulateArgs) -> Result<Report, String> {
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

/// Everything the output formats need.
struct View<'a> {
    source: &'a str,
    scenario: &'a Scenario,
    report: &'a Report,
    histogram: bool,
}

// --- json ----------------------------------------------------------------

/// Seat statistics in JSON: total seats of a party, coalition, or group.
#[derive(Serialize)]
struct JsonStats<'a> {
    mean: f64,
    p05: u32,
    p50: u32,
    p95: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    histogram: Option<&'a [u64]>,
}

impl<'a> JsonStats<'a> {
    fn new(s: &'a SeatStats, histogram: bool) -> JsonStats<'a> {
        JsonStats {
            mean: s.mean,
            p05: s.p05,
            p50: s.p50,
            p95: s.p95,
            histogram: histogram.then_some(s.histogram.as_slice()),
        }
    }
}

/// The JSON document of `--format json`.
#[derive(Serialize)]
struct JsonReport<'a> {
    runs: u64,
    seed: u64,
    seats: u32,
    parties: Vec<JsonParty<'a>>,
    independents: JsonStats<'a>,
    vacant: JsonStats<'a>,
    undecided: u32,
    coalitions: Vec<JsonCoalition<'a>>,
    runs_with_lot: u64,
    interrupted: bool,
    notes: &'a [String],
}

/// One party in the JSON output: its total seats flattened in, then the tiers.
#[derive(Serialize)]
struct JsonParty<'a> {
    party: &'a str,
    #[serde(flatten)]
    total: JsonStats<'a>,
    p_majority: f64,
    p_threshold: Option<f64>,
    list: Option<JsonStats<'a>>,
    district: Option<JsonStats<'a>>,
    p_two_thirds: f64,
    p_three_quarters: f64,
    centre_share: Option<f64>,
    mean_share: Option<f64>,
}

/// One coalition in the JSON output.
#[derive(Serialize)]
struct JsonCoalition<'a> {
    name: &'a str,
    parties: &'a [String],
    #[serde(flatten)]
    total: JsonStats<'a>,
    p_majority: f64,
    p_two_thirds: f64,
    p_three_quarters: f64,
}

fn json(v: &View<'_>, w: &mut impl Write) -> io::Result<()> {
    let r = v.report;
    let h = v.histogram;
    let doc = JsonReport {
        runs: r.runs,
        seed: r.seed,
        seats: r.seats,
        parties: r
            .parties
            .iter()
            .map(|p| JsonParty {
                party: &p.party,
                total: JsonStats::new(&p.total, h),
                p_majority: p.p_majority,
                p_threshold: p.p_threshold,
                list: p.list.as_ref().map(|s| JsonStats::new(s, h)),
                district: p.district.as_ref().map(|s| JsonStats::new(s, h)),
                p_two_thirds: p.p_two_thirds,
                p_three_quarters: p.p_three_quarters,
                centre_share: p.centre_share,
                mean_share: p.mean_share,
            })
            .collect(),
        independents: JsonStats::new(&r.independents, h),
        vacant: JsonStats::new(&r.vacant, h),
        undecided: r.undecided,
        coalitions: r
            .coalitions
            .iter()
            .map(|c| JsonCoalition {
                name: &c.name,
                parties: &c.parties,
                total: JsonStats::new(&c.total, h),
                p_majority: c.p_majority,
                p_two_thirds: c.p_two_thirds,
                p_three_quarters: c.p_three_quarters,
            })
            .collect(),
        runs_with_lot: r.runs_with_lot,
        interrupted: r.interrupted,
        notes: &r.notes,
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
    writeln!(w)
}

// --- table ---------------------------------------------------------------

/// A probability as a percentage for people: never rounds a possibility to
/// 0% or 100%.
fn percent(p: f64) -> String {
    if p > 0.0 && p < 0.0005 {
        "<0.1%".into()
    } else if p < 1.0 && p > 0.9995 {
        ">99.9%".into()
    } else {
        format!("{:.1}%", p * 100.0)
    }
}

/// `58-65`, or `62` when the interval is one number.
fn interval(s: &SeatStats) -> String {
    if s.p05 == s.p95 { s.p05.to_string() } else { format!("{}-{}", s.p05, s.p95) }
}

/// `40.1 (38-42)`: mean and 90% interval in one cell.
fn summary(s: &SeatStats) -> String {
    format!("{:.1} ({})", s.mean, interval(s))
}

/// The vote model in one line.
fn model_line(u: &Uncertainty) -> String {
    let swing = match u.swing {
        Swing::Proportional => "proportional",
        Swing::Uniform => "uniform",
    };
    let mut line = format!(
        "vote model: concentration {}, systematic_sd {}, turnout_sd {}, district_sd {}, swing {swing}",
        u.concentration, u.systematic_sd, u.turnout_sd, u.district_sd
    );
    if u.synthetic_districts {
        line.push_str(&format!(", synthetic districts (regional_sd {})", u.regional_sd));
    }
    line
}

/// The heading: title, body and tiers, file, runs and seed, vote model.
fn heading(v: &View<'_>, w: &mut impl Write) -> io::Result<()> {
    let s = v.scenario;
    let r = v.report;
    let body = s.body().ok();
    let mut what = format!("{}: {} seat{}", s.body, r.seats, plural(r.seats.into()));
    let list = body
        .as_ref()
        .and_then(|b| b.list.as_ref())
        .map(|t| format!("{} party-list ({}, threshold {})", t.seats, t.method.label(), t.threshold));
    let district =
        body.as_ref().and_then(|b| b.districts.as_ref()).map(|d| format!("{} single-member", d.seats));
    match (list, district) {
        (Some(l), Some(d)) => what.push_str(&format!(" = {l} + {d}")),
        (Some(x), None) | (None, Some(x)) => what.push_str(&format!(", {x}")),
        (None, None) => {}
    }
    writeln!(w, "Monte Carlo projection: {}", s.title.as_deref().unwrap_or(&what))?;
    let mut line = what;
    if let Some(d) = &s.date {
        line.push_str(&format!(", {d}"));
    }
    line.push_str(&format!(", from {}", v.source));
    writeln!(w, "{line}")?;
    let interrupted = if r.interrupted { " (INTERRUPTED: partial results)" } else { "" };
    writeln!(w, "{} run{}, seed {}{interrupted}", r.runs, plural(r.runs), r.seed)?;
    writeln!(w, "{}", model_line(&s.uncertainty.clone().unwrap_or_default()))?;
    Ok(())
}

/// Tables for people: parties, coalitions, distributions and notes.
fn table(v: &View<'_>, w: &mut impl Write) -> io::Result<()> {
    let r = v.report;
    heading(v, w)?;
    writeln!(w)?;
    writeln!(
        w,
        "seats: mean, 90% interval (5th to 95th percentile) and median over the runs; share %: the \
         scenario's list share"
    )?;
    let shares = r.parties.iter().any(|p| p.centre_share.is_some());
    // List and district columns when both tiers are simulated.
    let districts = !v.scenario.districts.is_empty()
        || v.scenario.uncertainty.as_ref().is_some_and(|u| u.synthetic_districts);
    let tiers = districts
        && r.parties.iter().any(|p| p.list.is_some())
        && r.parties.iter().any(|p| p.district.is_some());
    let two_thirds = r.parties.iter().any(|p| p.p_two_thirds > 0.0);
    let mut headers = vec![("party", false)];
    if shares {
        headers.push(("share %", true));
    }
    headers.extend([("mean", true), ("90% interval", true), ("median", true), ("P(majority)", true)]);
    if two_thirds {
        headers.push(("P(2/3)", true));
    }
    if shares {
        headers.push(("P(threshold)", true));
    }
    if tiers {
        headers.extend([("list", true), ("district", true)]);
    }
    let mut t = Table::new(&headers);
    for p in &r.parties {
        let mut row = vec![p.party.clone()];
        if shares {
            row.push(p.centre_share.map_or_else(|| "-".into(), |s| format!("{:.2}", s * 100.0)));
        }
        row.extend([
            format!("{:.1}", p.total.mean),
            interval(&p.total),
            p.total.p50.to_string(),
            percent(p.p_majority),
        ]);
        if two_thirds {
            row.push(percent(p.p_two_thirds));
        }
        if shares {
            row.push(p.p_threshold.map_or_else(|| "-".into(), percent));
        }
        if tiers {
            row.push(p.list.as_ref().map_or_else(|| "-".into(), summary));
            row.push(p.district.as_ref().map_or_else(|| "-".into(), summary));
        }
        t.rows.push(row);
    }
    for (label, s) in [("(self-nominated)", &r.independents), ("(vacant)", &r.vacant)] {
        if s.mean > 0.0 {
            let mut row = vec![label.to_string()];
            if shares {
                row.push(String::new());
            }
            row.extend([format!("{:.1}", s.mean), interval(s), s.p50.to_string()]);
            t.rows.push(row);
        }
    }
    // Seats outside the model (a tier without votes in the scenario): the same
    // number in every run.
    if r.undecided > 0 {
        let mut row = vec!["(not simulated)".to_string()];
        if shares {
            row.push(String::new());
        }
        let n = r.undecided.to_string();
        row.extend([n.clone(), n.clone(), n]);
        t.rows.push(row);
    }
    t.write(w)?;

    if !r.coalitions.is_empty() {
        writeln!(w)?;
        writeln!(w, "coalitions (combined seats):")?;
        let mut t = Table::new(&[
            ("coalition", false),
            ("mean", true),
            ("90% interval", true),
            ("median", true),
            ("P(majority)", true),
            ("P(2/3)", true),
            ("P(3/4)", true),
            ("parties", false),
        ]);
        for c in &r.coalitions {
            t.rows.push(vec![
                c.name.clone(),
                format!("{:.1}", c.total.mean),
                interval(&c.total),
                c.total.p50.to_string(),
                percent(c.p_majority),
                percent(c.p_two_thirds),
                percent(c.p_three_quarters),
                c.parties.join(", "),
            ]);
        }
        t.write(w)?;
    }

    if v.histogram {
        writeln!(w)?;
        writeln!(w, "seat distributions (seats, runs, share of runs):")?;
        for p in &r.parties {
            distribution(&p.party, &p.total, r.runs, w)?;
        }
        for c in &r.coalitions {
            distribution(&format!("{} (coalition)", c.name), &c.total, r.runs, w)?;
        }
        if r.independents.mean > 0.0 {
            distribution("(self-nominated)", &r.independents, r.runs, w)?;
        }
        if r.vacant.mean > 0.0 {
            distribution("(vacant)", &r.vacant, r.runs, w)?;
        }
    }
    notes(&r.notes, w)
}

/// One distribution as a text bar chart, from the fewest to the most seats
/// that any run gave.
fn distribution(name: &str, s: &SeatStats, runs: u64, w: &mut impl Write) -> io::Result<()> {
    const WIDTH: u64 = 40;
    writeln!(w)?;
    writeln!(w, "{name}:")?;
    let first = s.histogram.iter().position(|&c| c > 0);
    let last = s.histogram.iter().rposition(|&c| c > 0);
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(());
    };
    let most = s.histogram.iter().copied().max().unwrap_or(1).max(1);
    let count_width = most.to_string().len();
    for (seats, &count) in s.histogram.iter().enumerate().take(last + 1).skip(first) {
        let bar = (u128::from(count) * u128::from(WIDTH)).div_ceil(u128::from(most));
        let share = if runs == 0 { 0.0 } else { count as f64 * 100.0 / runs as f64 };
        let line = format!(
            "  {seats:>4}  {count:>count_width$}  {share:>6.2}%  {}",
            "#".repeat(usize::try_from(bar).unwrap_or(0))
        );
        writeln!(w, "{}", line.trim_end())?;
    }
    Ok(())
}
