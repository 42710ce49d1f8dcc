//! `saylau allocate`: read votes, apply the threshold, apportion, print.

use std::process::ExitCode;

use saylau::describe::view::AllocationView;
use saylau::describe::view::allocation::Counted;
use saylau::{Apportioner, Error, PartyVotes, Threshold, TieBreak};

use crate::cli::{AllocateArgs, Format};
use crate::input::{self, Source};
use crate::output;
use crate::{Failure, write_stdout};

/// Runs `saylau allocate` and gives the exit code.
pub fn main(args: &AllocateArgs) -> ExitCode {
    let (source, view) = match compute(args) {
        Ok(done) => done,
        Err(failure) => return failure.exit(),
    };
    write_stdout(ExitCode::SUCCESS, |out| match args.format {
        Format::Table => view.write_text(&source.name, out),
        Format::Json => output::json(&view, out),
        Format::Csv => output::csv_rows(&view.csv_rows(), out),
    })
}

/// Reads the input and apportions the seats.
fn compute(args: &AllocateArgs) -> Result<(Source, AllocationView), Failure> {
    let ties = tie_policy(args).map_err(Failure::Input)?;
    let options = input::InputOptions { delimiter: args.delimiter, sheet: args.sheet.clone() };
    let (source, parties) = input::read(args.file.as_deref(), &options).map_err(Failure::Input)?;
    let votes = parties.votes();
    if parties.total() == 0 {
        return Err(Failure::Input(format!(
            "{}: every party has zero votes, so there is nothing to apportion",
            source.name
        )));
    }
    let threshold = args.threshold.unwrap_or(Threshold::NONE);
    let eligible = threshold.eligible_at_least(votes, args.against_all, args.min_parties);
    if !eligible.contains(&true) {
        return Err(Failure::Input(format!(
            "{}: every party is below the threshold of {threshold} of {} votes, so no party can take a seat",
            source.name,
            parties.total()
        )));
    }
    let taking_part: Vec<u64> = votes.iter().zip(&eligible).map(|(&v, &e)| if e { v } else { 0 }).collect();
    let apportioner = Apportioner::new(args.method).ties(ties).excess(args.excess.into());
    let fail = |e| library_failure(e, &parties, &source, ties);
    let allocation = apportioner.apportion(&taking_part, args.seats).map_err(fail)?;
    let audit =
        if args.explain { Some(apportioner.explain(&taking_part, &allocation).map_err(fail)?) } else { None };
    let view = AllocationView::new(Counted {
        parties: &parties,
        against_all: args.against_all,
        threshold: args.threshold,
        min_parties: args.min_parties,
        eligible: &eligible,
        method: args.method,
        allocation: &allocation,
        audit: audit.as_ref(),
    });
    Ok((source, view))
}

/// The tie policy, with the seed of `--seed` for `lot`.
fn tie_policy(args: &AllocateArgs) -> Result<TieBreak, String> {
    match (args.ties.policy, args.seed) {
        (TieBreak::Lot { seed }, Some(s)) if args.ties.seeded && seed != s => {
            Err(format!("--ties lot:{seed} and --seed {s} name different seeds: give the seed once"))
        }
        (TieBreak::Lot { seed }, given) => Ok(TieBreak::Lot { seed: given.unwrap_or(seed) }),
        (policy, _) => Ok(policy),
    }
}

/// Turns a library error into a message naming parties by name.
fn library_failure(e: Error, parties: &PartyVotes, source: &Source, ties: TieBreak) -> Failure {
    crate::messages::allocation(e, parties, &source.name, ties)
}
