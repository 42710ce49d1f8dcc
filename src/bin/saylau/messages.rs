//! Library errors as messages for people: the one place that names the
//! file, the field or party, and the fix, and decides the exit code (2 for
//! bad input, 3 for a tie the policy refuses).

use saylau::describe::message::{self, Kind};
use saylau::describe::words::{counted, join_names};
use saylau::scenario::{Scenario, ScenarioError};
use saylau::{Error, PartyVotes, TieBreak};

use crate::Failure;

/// A scenario that could not be read, with the line, column and field
/// (worded by the library, as the Python package words it).
pub fn scenario_parse(source: &str, e: &ScenarioError) -> String {
    message::scenario_parse(source, e)
}

/// A scenario's rules or votes refused, naming parties, candidates and
/// fields (worded by the library, as the Python package words it).
pub fn scenario(e: Error, scenario: &Scenario, source: &str) -> Failure {
    let m = message::scenario(e, scenario, source);
    match m.kind {
        Kind::Tie { .. } => Failure::Tie(m.text),
        Kind::Input | Kind::Other => Failure::Input(m.text),
    }
}

/// An apportionment refused, naming parties by name.
pub fn allocation(e: Error, parties: &PartyVotes, source: &str, ties: TieBreak) -> Failure {
    match e {
        Error::Tie { parties: tied, seats } => {
            let names = join_names(tied.iter().map(|&i| match parties.names().get(i) {
                Some(name) => format!("{name:?}"),
                None => format!("#{}", i + 1),
            }));
            let advice = if ties == TieBreak::MoreVotes {
                "they have equal votes, so --ties votes cannot decide; choose lot or order with --ties"
            } else {
                "choose a tie policy with --ties (lot, order or votes)"
            };
            Failure::Tie(format!(
                "tie: parties {names} are tied for {}; {advice}",
                counted(seats.into(), "seat")
            ))
        }
        Error::OverAllocation { .. } => {
            Failure::Input(format!("{e}; use --excess remove to take the extra seats back"))
        }
        other => Failure::Input(format!("{source}: {other}")),
    }
}
