//! `saylau elect`: read a JSON scenario, elect the body (or decide the
//! referendum) under its statutory rules, print the result through its view.

use std::process::ExitCode;

use saylau::describe::view::body::{ListAudit, body_summary};
use saylau::describe::view::referendum::ReferendumView;
use saylau::describe::view::{About, BodyView};
use saylau::scenario::Outcome;

use crate::cli::{ElectArgs, Format};
use crate::output::{csv_rows, json};
use crate::scenario_file::{Loaded, failure, load};
use crate::{Failure, write_stdout};

/// A scenario that ran: the file's name in messages, and the view of what
/// it decided.
#[derive(Debug)]
struct Report {
    /// The file as named in messages (`<stdin>` for `-`).
    source: String,
    /// What it decided.
    decided: Decided,
}

#[derive(Debug)]
enum Decided {
    Body { summary: String, view: Box<BodyView> },
    Referendum(Box<ReferendumView>),
}

/// Runs `saylau elect` and gives the exit code.
pub fn main(args: &ElectArgs) -> ExitCode {
    let report = match compute(args) {
        Ok(report) => report,
        Err(failure) => return failure.exit(),
    };
    write_stdout(ExitCode::SUCCESS, |out| match (&report.decided, args.format) {
        (Decided::Body { summary, view }, Format::Table) => view.write_text(summary, &report.source, out),
        (Decided::Body { view, .. }, Format::Json) => json(view, out),
        (Decided::Body { view, .. }, Format::Csv) => csv_rows(&view.csv_rows(), out),
        (Decided::Referendum(view), Format::Table) => view.write_text(&report.source, out),
        (Decided::Referendum(view), Format::Json) => json(view, out),
        (Decided::Referendum(view), Format::Csv) => csv_rows(&view.csv_rows(), out),
    })
}

/// Reads, parses and runs the scenario, and builds its view.
fn compute(args: &ElectArgs) -> Result<Report, Failure> {
    let Loaded { source, scenario, changed } = load(&args.file, &args.what_if).map_err(Failure::Input)?;
    let fail = |e| failure(e, &scenario, &source);
    let decided = match scenario.run().map_err(fail)? {
        Outcome::Referendum(o) => match &scenario.referendum {
            Some(figures) => {
                Decided::Referendum(Box::new(ReferendumView::new(About::of(&scenario), figures, &o)))
            }
            None => {
                return Err(Failure::Input(format!(
                    "{source}: body \"referendum\" needs a \"referendum\" object"
                )));
            }
        },
        Outcome::Body(mut result) => {
            result.notes.splice(0..0, changed);
            let body = scenario.body().map_err(fail)?;
            let mut view = BodyView::new(About::of(&scenario), &body, &result);
            if args.explain {
                view.audit = Some(ListAudit::of(&body, &scenario.ballots()).map_err(fail)?);
            }
            Decided::Body { summary: body_summary(&body), view: Box::new(view) }
        }
    };
    Ok(Report { source, decided })
}
