//! A scenario's errors worded for people: the one place that names the
//! file, the field, the parties or candidates and the fix. The `saylau`
//! command prints these messages and the Python package raises them, so both
//! say the same thing.

use crate::describe::words::{counted, join_names};
use crate::scenario::{Scenario, ScenarioError};
use crate::{Error, TieBreak};

/// A refusal worded for people, with what kind of refusal it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The message, starting with the file (or other source) it is about.
    pub text: String,
    /// What kind of refusal it is.
    pub kind: Kind,
}

/// What kind of refusal a [`Message`] is: the command's exit code, the
/// Python exception.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// The input is wrong: a field, a name, a number.
    Input,
    /// A tie that the scenario's tie rule does not break: the tied lists'
    /// (or candidates') names and the seats they contest.
    Tie {
        /// The tied lists or candidates, by name.
        parties: Vec<String>,
        /// The seats in contention.
        seats: u32,
    },
    /// Something other than the input failed (the threads could not start).
    Other,
}

/// A scenario that could not be read: the line, the column and the field,
/// what the field holds, and the field meant when a name is a typing slip
/// away from one.
///
/// ```
/// # use saylau::scenario::Scenario;
/// # use saylau::describe::message::scenario_parse;
/// let e = Scenario::from_json(r#"{"body": "mazhilis", "treshold_percent": 5}"#).unwrap_err();
/// let text = scenario_parse("my.json", &e);
/// assert!(text.starts_with("my.json: "), "{text}");
/// assert!(text.contains("did you mean `threshold_percent`?"), "{text}");
/// ```
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

/// A scenario's rules or votes refused, naming the lists (from its `lists`
/// or its `polls`), candidates and fields, with the scenario field that
/// decides a tie.
///
/// ```
/// # use saylau::scenario::Scenario;
/// # use saylau::describe::message::{scenario, Kind};
/// let s = Scenario::from_json(r#"{"body": "kurultai", "ties": "error",
///     "lists": [{"party": "A", "votes": 500}, {"party": "B", "votes": 500}]}"#).unwrap();
/// let m = scenario(s.run().unwrap_err(), &s, "tie.json");
/// assert_eq!(m.kind, Kind::Tie { parties: vec!["A".into(), "B".into()], seats: 1 });
/// assert!(m.text.starts_with("tie.json: tie: the lists of \"A\" and \"B\" are tied for 1 list seat;"), "{}", m.text);
/// ```
pub fn scenario(e: Error, scenario: &Scenario, source: &str) -> Message {
    let input = |text: String| Message { text, kind: Kind::Input };
    let ties = scenario.ties.unwrap_or(TieBreak::ListOrder);
    match e {
        Error::Tie { parties, seats } => {
            let lists = scenario.ballots().lists;
            let names: Vec<String> = parties
                .iter()
                .map(|&i| match lists.get(i) {
                    Some(l) => l.party.trim().to_string(),
                    None => format!("#{}", i + 1),
                })
                .collect();
            let advice = if ties == TieBreak::MoreVotes {
                "their votes are equal, so \"ties\": \"votes\" cannot decide; set \"ties\" in the scenario \
                 to \"order\" (the list registered first wins) or \"lot:SEED\""
            } else {
                "set \"ties\" in the scenario to \"order\" (the list registered first wins, the default), \
                 \"votes\" or \"lot:SEED\""
            };
            let text = format!(
                "{source}: tie: the lists of {} are tied for {}; {advice}",
                join_names(names.iter().map(|n| format!("{n:?}"))),
                counted(seats.into(), "list seat")
            );
            Message { text, kind: Kind::Tie { parties: names, seats } }
        }
        Error::DistrictTie { district, candidates } => {
            let text = format!(
                "{source}: tie in district {district:?}: candidates {} have equal votes for its 1 seat; \
                 set \"ties\" in the scenario to \"order\" (the candidate listed first wins) or \"lot:SEED\"",
                join_names(candidates.iter().map(|c| format!("{c:?}")))
            );
            Message { text, kind: Kind::Tie { parties: candidates, seats: 1 } }
        }
        Error::DuplicateParty { name, first, second } => input(format!(
            "{source}: \"lists\": party {name:?} appears twice (entries {} and {})",
            first + 1,
            second + 1
        )),
        Error::EmptyPartyName { index } => {
            input(format!("{source}: \"lists\": entry {} has an empty party name", index + 1))
        }
        Error::ZeroVotes if !scenario.polls.is_empty() => input(format!(
            "{source}: \"polls\": every list polled 0%, so there are no list seats to apportion"
        )),
        Error::ZeroVotes => input(format!(
            "{source}: \"lists\": every list has zero votes, so there are no list seats to apportion"
        )),
        Error::InvalidThreshold { .. } => input(format!("{source}: \"threshold_percent\": {e}")),
        Error::DuplicateDistrict { .. } | Error::EmptyDistrictName => {
            input(format!("{source}: \"districts\": {e}"))
        }
        Error::Threads(_) => Message { text: format!("{source}: {e}"), kind: Kind::Other },
        other => input(format!("{source}: {other}")),
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
        assert!(field_hint("polls[0].shares.Amanat").unwrap().contains("share in percent"));
        assert!(field_hint("seats").unwrap().contains("seats"));
        assert_eq!(field_hint("title"), None);
    }
}
