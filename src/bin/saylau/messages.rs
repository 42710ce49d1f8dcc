//! Library errors as messages for people: the one place that names the
//! file, the field or party, and the fix, and decides the exit code (2 for
//! bad input, 3 for a tie the policy refuses).

use saylau::describe::words::{counted, join_names};
use saylau::scenario::{Scenario, ScenarioError};
use saylau::{Error, PartyVotes, TieBreak};

use crate::Failure;

/// A scenario that could not be read, with the line, column and field.
pub fn scenario_parse(source: &str, e: &ScenarioError) -> String {
    match e {
        ScenarioError::Parse { path, message, .. } => {
            let mut text = format!("{source}: {e}");
            if let Some(hint) = field_hint(path) {
                text.push_str(&format!(" ({hint})"));
            }
            if path.starts_with("lists[") && path.ends_with(".votes") && message.contains("floating point") {
                text.push_str(
                    " (for list shares in percent, give \"polls\" instead of \"lists\": see docs/scenario.md)",
                );
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
    if path.starts_with("polls[") && path.contains(".shares.") {
        return Some("expected a list's share in percent, from 0 to 100, such as 55 or \"9.5\"");
    }
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
        "sample" => "expected a whole number of people from 1 to 100,000,000",
        "poll_half_life_days" => "expected a whole number of days from 1",
        "poll_ballots" => "expected a whole number of ballots from 1",
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
pub fn scenario(e: Error, scenario: &Scenario, source: &str) -> Failure {
    let ties = scenario.ties.unwrap_or(TieBreak::ListOrder);
    match e {
        Error::Tie { parties, seats } => {
            let lists = scenario.ballots().lists;
            let names = join_names(parties.iter().map(|&i| match lists.get(i) {
                Some(l) => format!("{:?}", l.party.trim()),
                None => format!("#{}", i + 1),
            }));
            let advice = if ties == TieBreak::MoreVotes {
                "their votes are equal, so \"ties\": \"votes\" cannot decide; set \"ties\" in the scenario \
                 to \"order\" (the list registered first wins) or \"lot:SEED\""
            } else {
                "set \"ties\" in the scenario to \"order\" (the list registered first wins, the default), \
                 \"votes\" or \"lot:SEED\""
            };
            Failure::Tie(format!(
                "{source}: tie: the lists of {names} are tied for {}; {advice}",
                counted(seats.into(), "list seat")
            ))
        }
        Error::DistrictTie { district, candidates } => {
            let names = join_names(candidates.iter().map(|c| format!("{c:?}")));
            Failure::Tie(format!(
                "{source}: tie in district {district:?}: candidates {names} have equal votes for its 1 seat; \
                 set \"ties\" in the scenario to \"order\" (the candidate listed first wins) or \"lot:SEED\""
            ))
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
        other => Failure::Input(format!("{source}: {other}")),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_gets_the_nearest_field_and_a_stranger_gets_none() {
        let m = "unknown field `list`, expected one of `body`, `lists`, `against_all`";
        assert_eq!(suggestion(m).as_deref(), Some("lists"));
        let m = "unknown field `zzzzzzzz`, expected one of `body`, `lists`";
        assert_eq!(suggestion(m), None);
    }

    #[test]
    fn hints_follow_the_field_not_the_message() {
        assert!(field_hint("lists[3].votes").unwrap().contains("whole number of votes"));
        assert!(field_hint("seats").unwrap().contains("seats"));
        assert_eq!(field_hint("title"), None);
    }
}
