//! `saylau metrics`: elect a scenario's body, then measure the result
//! (disproportionality, fragmentation, wasted votes) through its view.

use std::process::ExitCode;

use saylau::describe::view::{About, MetricsView};

use crate::cli::{Format, MetricsArgs};
use crate::output;
use crate::scenario_file::{Elected, elected};
use crate::write_stdout;

/// The measures of an elected scenario.
pub fn view(e: &Elected) -> MetricsView {
    MetricsView::new(About::of(&e.scenario), &e.body, &e.ballots, &e.result)
}

/// Runs `saylau metrics` and gives the exit code.
pub fn main(args: &MetricsArgs) -> ExitCode {
    let e = match elected(&args.file, &args.what_if, "nothing to measure") {
        Ok(e) => e,
        Err(f) => return f.exit(),
    };
    let view = view(&e);
    write_stdout(ExitCode::SUCCESS, |out| match args.format {
        Format::Table => view.write_text(&e.source, out),
        Format::Json => output::json(&view, out),
        Format::Csv => output::csv_rows(&view.csv_rows(), out),
    })
}
