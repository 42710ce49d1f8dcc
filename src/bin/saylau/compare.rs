//! `saylau compare`: a scenario's votes under other methods, thresholds,
//! list-tier sizes or designs of the body, printed through its view.

use std::process::ExitCode;

use saylau::Ratio;
use saylau::compare;
use saylau::describe::view::NoteView;
use saylau::describe::view::comparison::By;
use saylau::describe::view::{About, ComparisonView};
use saylau::note::Note;

use crate::cli::{CompareArgs, CompareBy, Format};
use crate::output;
use crate::scenario_file::{Elected, elected, failure};
use crate::{Failure, write_stdout};

/// Runs `saylau compare` and gives the exit code.
pub fn main(args: &CompareArgs) -> ExitCode {
    let result =
        check(args).and_then(|()| elected(&args.file, &args.what_if, "nothing to compare")).and_then(|e| {
            let view = view(&e, args)?;
            Ok((e, view))
        });
    let (e, view) = match result {
        Ok(x) => x,
        Err(f) => return f.exit(),
    };
    write_stdout(ExitCode::SUCCESS, |out| match args.format {
        Format::Table => view.write_text(&e.source, out),
        Format::Json => output::json(&view, out),
        Format::Csv => output::csv_rows(&view.csv_rows(), out),
    })
}

/// Options that do not belong to the comparison chosen.
fn check(args: &CompareArgs) -> Result<(), Failure> {
    let sweep = args.from.is_some() || args.to.is_some() || args.step.is_some();
    if sweep && args.by != CompareBy::Thresholds {
        return Err(Failure::Input("--from, --to and --step apply only to --by thresholds".into()));
    }
    if args.houses.is_some() && args.by != CompareBy::Houses {
        return Err(Failure::Input("--houses applies only to --by houses".into()));
    }
    if args.step == Some(Ratio::ZERO) {
        return Err(Failure::Input("--step must be above zero".into()));
    }
    let (from, to, _) = compare::DEFAULT_THRESHOLDS;
    let (from, to) = (args.from.unwrap_or(from), args.to.unwrap_or(to));
    if from > to {
        return Err(Failure::Input(format!("--from {from} is above --to {to}: the sweep is empty")));
    }
    Ok(())
}

/// The comparison asked for, described.
fn view(e: &Elected, args: &CompareArgs) -> Result<ComparisonView, Failure> {
    let (lists, against_all, about) = (&e.ballots.lists, e.ballots.against_all, About::of(&e.scenario));
    let by = match args.by {
        CompareBy::Methods => By::Methods,
        CompareBy::Thresholds => By::Thresholds,
        CompareBy::Houses => By::Houses,
        CompareBy::Designs => By::Designs,
    };
    let lib = |err: saylau::Error| failure(err, &e.scenario, &e.source);
    if by == By::Designs {
        let table = compare::designs(&e.body, &e.ballots, &compare::ALTERNATIVES).map_err(lib)?;
        return Ok(with_what_if(ComparisonView::designs(about, &e.body, &table), e));
    }
    let tier = e.list_tier().ok_or_else(|| {
        Failure::Input(format!(
            "{}: nothing to compare: --by {} needs party lists and a party-list tier, and the scenario gives {}",
            e.source,
            by.name(),
            if lists.is_empty() { "no \"lists\"" } else { "a body without list seats" }
        ))
    })?;
    let sweep = match by {
        By::Thresholds => {
            let (from, to, step) = compare::DEFAULT_THRESHOLDS;
            let (from, to, step) =
                (args.from.unwrap_or(from), args.to.unwrap_or(to), args.step.unwrap_or(step));
            compare::by_threshold(tier, lists, against_all, from, to, step)
                .map_err(|err| Failure::Input(format!("--step: {err}")))?
        }
        By::Houses => {
            let around = (tier.seats.saturating_sub(10).max(1), tier.seats.saturating_add(10));
            let (a, b) = args.houses.unwrap_or(around);
            compare::by_house(tier, lists, against_all, a..=b).map_err(lib)?
        }
        _ => compare::by_method(tier, lists, against_all).map_err(lib)?,
    };
    Ok(with_what_if(ComparisonView::sweep(about, &e.body, by, &sweep), e))
}

/// The view with the command line's what-if changes among its notes.
fn with_what_if(mut view: ComparisonView, e: &Elected) -> ComparisonView {
    let changed = e.result.notes.iter().filter(|n| matches!(n, Note::Overridden { .. }));
    view.what_if = changed.map(NoteView::from).collect();
    view
}
