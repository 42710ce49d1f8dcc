//! `saylau report`: one self-contained HTML page analysing a scenario. The
//! library decides what the page says ([`AnalysisView`]) and renders it
//! ([`saylau::describe::html`]); this reads, runs and writes.

use std::process::ExitCode;

use saylau::describe::html::page;
use saylau::describe::view::About;
use saylau::describe::view::analysis::{Analysed, AnalysisView, Projected};
use saylau::describe::view::diff::DiffView;
use saylau::diff::diff;

use crate::Failure;
use crate::cli::{ReportArgs, WhatIfArgs};
use crate::io::{Written, check_output, write_output};
use crate::scenario_file::{Elected, elected, failure};

/// Runs `saylau report` and gives the exit code.
pub fn main(args: &ReportArgs) -> ExitCode {
    if let Err(f) = check_output(&args.output, Written::Html) {
        return f.exit();
    }
    match elected(&args.file, &args.what_if, "nothing to report").and_then(|e| html(&e, args)) {
        Ok(html) => write_output(&args.output, &html),
        Err(f) => f.exit(),
    }
}

/// The page of `e`, with a projection of `--runs` runs when asked for.
fn html(e: &Elected, args: &ReportArgs) -> Result<String, Failure> {
    let report = match args.runs {
        Some(runs) => Some(
            e.scenario
                .simulation()
                .and_then(|sim| sim.run(args.seed, runs))
                .map_err(|err| failure(err, &e.scenario, &e.source))?,
        ),
        None => None,
    };
    let uncertainty = e.scenario.vote_model().map_err(|err| failure(err, &e.scenario, &e.source))?;
    let pooled = e.scenario.pooled_polls().map_err(|err| failure(err, &e.scenario, &e.source))?;
    let polls = pooled.as_ref().map(|pooled| (e.scenario.polls.as_slice(), pooled));
    let projection = report.as_ref().map(|report| Projected { report, uncertainty: &uncertainty, polls });
    let about = About::of(&e.scenario);
    let analysed =
        Analysed { about: &about, source: &e.source, body: &e.body, ballots: &e.ballots, result: &e.result };
    let mut view = AnalysisView::new(analysed, projection);
    if let Some(before) = &args.compare_with {
        let earlier = elected(before, &WhatIfArgs::default(), "nothing to compare")?;
        let name = |x: &Elected| format!("{}, from {}", x.title(), x.source);
        view =
            view.with_comparison(&DiffView::new(name(&earlier), name(e), &diff(&earlier.result, &e.result)));
    }
    page(&view).map_err(|_| Failure::Input(format!("{}: the page could not be written", e.source)))
}
