//! `saylau allocate`: read votes, apply the threshold, apportion, print.

use std::process::ExitCode;

use saylau::{Allocation, Apportioner, Audit, Error, Method, PartyVotes, Threshold, TieBreak};

use crate::cli::{AllocateArgs, Format};
use crate::input::{self, Source, plural};
use crate::output;
use crate::{Failure, write_stdout};

/// Everything the output formats need: the input, the eligibility and the result.
#[derive(Debug)]
pub struct Report {
    /// Where the votes came from.
    pub source: Source,
    /// The parties and their votes, in input order.
    pub parties: PartyVotes,
    /// Whether each party takes part (threshold, `--min-parties`, votes above zero).
    pub eligible: Vec<bool>,
    /// The threshold, if one was given.
    pub threshold: Option<Threshold>,
    /// The `--min-parties` rule (0: off).
    pub min_parties: usize,
    /// The method used.
    pub method: Method,
    /// The house size.
    pub seats: u32,
    /// The seats won and the tie broken, if any.
    pub allocation: Allocation,
    /// The audit trail, with `--explain`.
    pub audit: Option<Audit>,
}

/// Runs `saylau allocate` and gives the exit code.
pub fn main(args: &AllocateArgs) -> ExitCode {
    let report = match compute(args) {
        Ok(report) => report,
        Err(failure) => return failure.exit(),
    };
    write_stdout(ExitCode::SUCCESS, |out| match args.format {
        Format::Table => output::table(&report, out),
        Format::Json => output::json(&report, out),
        Format::Csv => output::csv(&report, out),
    })
}

/// Reads the input and apportions the seats.
fn compute(args: &AllocateArgs) -> Result<Report, Failure> {
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
    let eligible = threshold.eligible_at_least(votes, 0, args.min_parties);
    if !eligible.contains(&true) {
        return Err(Failure::Input(format!(
            "{}: every party is below the threshold of {threshold} of {} votes, so no party can take a seat",
            source.name,
            parties.total()
        )));
    }
    let taking_part: Vec<u64> = votes.iter().zip(&eligible).map(|(&v, &e)| if e { v } else { 0 }).collect();
    let apportioner = Apportioner::new(args.method).ties(ties).excess(args.excess.into());
    let allocation = apportioner
        .apportion(&taking_part, args.seats)
        .map_err(|e| library_failure(e, &parties, &source, ties))?;
    let audit = if args.explain {
        let audit = apportioner
            .explain(&taking_part, &allocation)
            .map_err(|e| library_failure(e, &parties, &source, ties))?;
        Some(audit)
    } else {
        None
    };
    Ok(Report {
        source,
        parties,
        eligible,
        threshold: args.threshold,
        min_parties: args.min_parties,
        method: args.method,
        seats: args.seats,
        allocation,
        audit,
    })
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
    match e {
        Error::Tie { parties: tied, seats } => {
            let names = quoted_names(parties, &tied);
            let advice = if ties == TieBreak::MoreVotes {
                "they have equal votes, so --ties votes cannot decide; choose lot or order with --ties"
            } else {
                "choose a tie policy with --ties (lot, order or votes)"
            };
            Failure::Tie(format!(
                "tie: parties {names} are tied for {seats} seat{}; {advice}",
                plural(seats.into())
            ))
        }
        Error::OverAllocation { .. } => {
            Failure::Input(format!("{e}; use --excess remove to take the extra seats back"))
        }
        other => Failure::Input(format!("{}: {other}", source.name)),
    }
}

/// `"A", "B"`: the names of the parties at `indices`, quoted.
fn quoted_names(parties: &PartyVotes, indices: &[usize]) -> String {
    input::join_names(indices.iter().map(|&i| match parties.names().get(i) {
        Some(name) => format!("{name:?}"),
        None => format!("#{}", i + 1),
    }))
}
