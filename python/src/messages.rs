//! Library errors as messages for people, as the command line words them
//! (`src/bin/saylau/messages.rs`), with the advice given in the Python
//! keywords (`ties="order"`) instead of command-line options.

use pyo3::prelude::*;
use pyo3::types::PyString;
use saylau::describe::words::{counted, join_names};
use saylau::scenario::{Scenario, ScenarioError};
use saylau::{Error, TieBreak};

use crate::errors::Failure;

/// A scenario that could not be read, with the line, column and field.
pub fn scenario_parse(source: &str, e: &ScenarioError) -> String {
    match e {
        ScenarioError::Parse { path, message, .. } => {
            let mut text = format!("{source}: {e}");
            if let Some(hint) = field_hint(path) {
                text.push_str(&format!(" ({hint})"));
            }
            if let Some(s) = suggestion(message) {
                text.push_str(&format!(" (did you mean `{s}`?)"));
            }
            text
        }
        other => format!("{source}: {other}"),
    }
}

/// What a field holds, from the scenario format: said when a value of the
/// field is refused.
fn field_hint(path: &str) -> Option<&'static str> {
    let field = path.rsplit('.').next().unwrap_or(path);
    let field = field.split('[').next().unwrap_or(field);
    Some(match field {
        "votes" | "against_all" | "registered" | "took_part" | "yes" | "no" | "invalid" => {
            "expected a whole number of votes from 0 to 18,446,744,073,709,551,615"
        }
        "seats" | "list_seats" | "district_seats" | "candidates" => {
            "expected a whole number of seats from 0 to 4,294,967,295"
        }
        "min_parties" => "expected a whole number from 0",
        "threshold_percent" => "expected a percentage from 0 to 100, such as 5 or \"4.99\"",
        _ => return None,
    })
}

/// The known field nearest to an unknown one, when close enough to be a typo.
fn suggestion(message: &str) -> Option<String> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, expected) = rest.split_once('`')?;
    let (distance, best) = expected
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|known| (strsim::levenshtein(field, known), known))
        .min()?;
    (distance <= 2.max(field.chars().count() / 4)).then(|| best.to_string())
}

/// A scenario's rules or votes refused, naming parties, candidates and fields.
pub fn scenario(py: Python<'_>, e: Error, scenario: &Scenario, source: &str) -> Failure {
    let ties = scenario.ties.unwrap_or(TieBreak::ListOrder);
    match e {
        Error::Tie { parties, seats } => {
            let name = |i: usize| match scenario.lists.get(i) {
                Some(l) => l.party.trim().to_string(),
                None => format!("#{}", i + 1),
            };
            let names = join_names(parties.iter().map(|&i| format!("{:?}", name(i))));
            let advice = if ties == TieBreak::MoreVotes {
                "their votes are equal, so \"ties\": \"votes\" cannot decide; set \"ties\" in the scenario \
                 to \"order\" (the list registered first wins) or \"lot:SEED\""
            } else {
                "set \"ties\" in the scenario to \"order\" (the list registered first wins, the default), \
                 \"votes\" or \"lot:SEED\""
            };
            let message = format!(
                "{source}: tie: the lists of {names} are tied for {}; {advice}",
                counted(seats.into(), "list seat")
            );
            let parties = parties.iter().map(|&i| PyString::new(py, &name(i)).into_any().unbind()).collect();
            Failure::Tie { message, parties, seats }
        }
        Error::DistrictTie { district, candidates } => {
            let names = join_names(candidates.iter().map(|c| format!("{c:?}")));
            let message = format!(
                "{source}: tie in district {district:?}: candidates {names} have equal votes for its 1 seat; \
                 set \"ties\" in the scenario to \"order\" (the candidate listed first wins) or \"lot:SEED\""
            );
            let parties = candidates.iter().map(|c| PyString::new(py, c).into_any().unbind()).collect();
            Failure::Tie { message, parties, seats: 1 }
        }
        Error::DuplicateParty { name, first, second } => Failure::Input(format!(
            "{source}: \"lists\": party {name:?} appears twice (entries {} and {})",
            first + 1,
            second + 1
        )),
        Error::EmptyPartyName { index } => {
            Failure::Input(format!("{source}: \"lists\": entry {} has an empty party name", index + 1))
        }
        Error::ZeroVotes => Failure::Input(format!(
            "{source}: \"lists\": every list has zero votes, so there are no list seats to apportion"
        )),
        Error::InvalidThreshold { .. } => Failure::Input(format!("{source}: \"threshold_percent\": {e}")),
        Error::DuplicateDistrict { .. } | Error::EmptyDistrictName => {
            Failure::Input(format!("{source}: \"districts\": {e}"))
        }
        Error::Threads(_) => Failure::Other(format!("{source}: {e}")),
        other => Failure::Input(format!("{source}: {other}")),
    }
}
