//! What every scenario request shares: reading a scenario, electing its body
//! with the what-if changes, and its refusals worded with the names of its
//! lists, candidates and fields.

use super::error::{RequestError, Tied, prefixed, quote};
use crate::apportion::TieBreak;
use crate::describe::view::NoteView;
use crate::describe::view::body::picture_title;
use crate::describe::words::{counted, join_names};
use crate::error::{Error, ErrorKind};
use crate::note::Note;
use crate::scenario::{Outcome, Scenario, ScenarioError, WhatIf};
use crate::system::{Ballots, Body, BodyResult, ListTier};

/// The most bytes a face reads of one input file (a scenario, a vote table,
/// a saved request): far above any election's, low enough that a stream
/// without end (`/dev/zero`, `yes | saylau elect -`) is refused, not read
/// into memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads all of `reader` (a file, standard input), up to [`MAX_INPUT_BYTES`];
/// `source` names it in messages.
///
/// # Errors
///
/// [`ErrorKind::Io`] when it cannot be read; [`ErrorKind::Limit`] when it
/// holds more than [`MAX_INPUT_BYTES`] (the rest is not read).
///
/// ```
/// # use saylau::request::read_input;
/// # use saylau::ErrorKind;
/// assert_eq!(read_input("a.json", &b"{}"[..])?, b"{}");
/// let endless = std::io::repeat(b' ');
/// assert_eq!(read_input("<stdin>", endless).unwrap_err().kind(), ErrorKind::Limit);
/// # Ok::<(), saylau::request::RequestError>(())
/// ```
pub fn read_input(source: &str, reader: impl std::io::Read) -> Result<Vec<u8>, RequestError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| RequestError::new(ErrorKind::Io, format!("cannot read {source}: {e}")))?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(RequestError::new(
            ErrorKind::Limit,
            format!(
                "{source}: the input is larger than {} MB, more than any election's figures: saylau reads at most \
                 {} bytes of one file",
                MAX_INPUT_BYTES / (1024 * 1024),
                crate::numbers::thousands(MAX_INPUT_BYTES)
            ),
        ));
    }
    Ok(bytes)
}

/// Reads a scenario from the bytes of a file: UTF-8 (a byte-order mark is
/// skipped), then JSON; `source` names the file in messages.
///
/// # Errors
///
/// A [`RequestError`] of kind input naming the line, the column, the field
/// and what it holds (and the field meant, for a typing slip).
///
/// ```
/// # use saylau::request::read_scenario;
/// let e = read_scenario("my.json", br#"{"body": "mazhilis", "treshold_percent": 5}"#).unwrap_err();
/// assert!(e.to_string().starts_with("my.json: "), "{e}");
/// assert!(e.to_string().contains("did you mean `threshold_percent`?"), "{e}");
/// ```
pub fn read_scenario(source: &str, bytes: &[u8]) -> Result<Scenario, RequestError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = good.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        RequestError::input(format!(
            "{source}: line {line}, column {column}: the file is not valid UTF-8; save it as UTF-8 text"
        ))
    })?;
    Scenario::from_json(text).map_err(|e| parse_error(source, &e))
}

/// A scenario that could not be read: the line, the column and the field,
/// what the field holds, and the field meant when a name is a typing slip
/// away from one.
pub(crate) fn parse_error(source: &str, e: &ScenarioError) -> RequestError {
    match e {
        ScenarioError::Parse { path, message, .. } => {
            let mut text = format!("{source}: {e}");
            if let Some(hint) = field_hint(path) {
                text.push_str(&format!(" ({hint})"));
            }
            if path.starts_with("lists[") && path.ends_with(".votes") && message.contains("floating point") {
                text.push_str(" (for list shares in percent, give \"polls\" instead of \"lists\")");
            }
            if let Some(s) = suggestion(message) {
                text.push_str(&format!(" (did you mean `{s}`?)"));
            }
            RequestError::input(text)
        }
        ScenarioError::Invalid(inner) => RequestError::new(inner.kind(), format!("{source}: {e}")),
        other => RequestError::input(format!("{source}: {other}")),
    }
}

/// What a field holds, from the scenario format: said when a value of the
/// field is refused.
pub(crate) fn field_hint(path: &str) -> Option<&'static str> {
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
        "threshold_percent" | "threshold" => "expected a percentage from 0 to 100, such as 5 or \"4.99\"",
        "runs" => "expected a whole number of runs from 1",
        "seed" => "expected a whole number from 0 to 18,446,744,073,709,551,615",
        "houses" => "expected two house sizes [FIRST, LAST], whole numbers from 1",
        _ => return None,
    })
}

/// The known field nearest to an unknown one, when close enough to be a typo.
pub(crate) fn suggestion(message: &str) -> Option<String> {
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
pub(crate) fn scenario_error(
    e: impl Into<ScenarioError>,
    scenario: &Scenario,
    source: Option<&str>,
) -> RequestError {
    let input = |text: String| RequestError::input(prefixed(source, &text));
    let e = match e.into() {
        ScenarioError::Invalid(e) => e,
        other => return RequestError::new(other.kind(), prefixed(source, &other.to_string())),
    };
    let ties = scenario.ties.unwrap_or(TieBreak::ListOrder);
    match e {
        Error::Tie { parties, seats } => {
            let lists = scenario.ballots().lists;
            let names: Vec<String> = parties
                .iter()
                .map(|&i| {
                    lists.get(i).map_or_else(|| format!("at position {i}"), |l| l.party.trim().to_string())
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
                "tie: the lists of {} are tied for {}; {advice}",
                join_names(names.iter().map(|n| quote(n))),
                counted(seats.into(), "list seat")
            );
            RequestError::tied(prefixed(source, &text), Tied { names, positions: parties, seats })
        }
        Error::DistrictTie { district, candidates } => {
            let text = format!(
                "tie in district {}: candidates {} have equal votes for its 1 seat; \
                 set \"ties\" in the scenario to \"order\" (the candidate listed first wins) or \"lot:SEED\"",
                quote(&district),
                join_names(candidates.iter().map(|c| quote(c)))
            );
            RequestError::tied(
                prefixed(source, &text),
                Tied { names: candidates, positions: Vec::new(), seats: 1 },
            )
        }
        Error::DuplicateParty { name, first, second } => input(format!(
            "\"lists\": party {} appears twice (entries {} and {})",
            quote(&name),
            first + 1,
            second + 1
        )),
        Error::EmptyPartyName { index } => {
            input(format!("\"lists\": entry {} has an empty party name", index + 1))
        }
        Error::ZeroVotes if !scenario.polls.is_empty() => {
            input("\"polls\": every list polled 0%, so there are no list seats to apportion".into())
        }
        Error::ZeroVotes => {
            input("\"lists\": every list has zero votes, so there are no list seats to apportion".into())
        }
        Error::InvalidThreshold { .. } => input(format!("\"threshold_percent\": {e}")),
        Error::DuplicateDistrict { .. } | Error::EmptyDistrictName => input(format!("\"districts\": {e}")),
        other => RequestError::of(&other, source),
    }
}

/// A scenario whose body was elected: what the analyses need.
#[derive(Debug)]
pub(crate) struct Elected {
    /// The name in messages.
    pub source: Option<String>,
    /// The scenario, with the what-if changes applied.
    pub scenario: Scenario,
    /// The rules applied.
    pub body: Body,
    /// The votes.
    pub ballots: Ballots,
    /// The result, with the what-if notes first.
    pub result: BodyResult,
}

/// What a scenario decided: a body elected, or a referendum decided.
pub(crate) enum Decided {
    /// A body, with what the analyses need.
    Body(Box<Elected>),
    /// A referendum: the scenario (with the what-if changes) and its verdict.
    Referendum(Box<Scenario>, crate::referendum::ReferendumOutcome),
}

/// Applies the what-if changes and decides the scenario: the one place the
/// requests elect a body (the changes' notes first among its notes).
pub(crate) fn decide(
    source: Option<&str>,
    scenario: &Scenario,
    what_if: &WhatIf,
) -> Result<Decided, RequestError> {
    let mut scenario = scenario.clone();
    let changed = scenario.apply(what_if);
    let fail = |e: ScenarioError| scenario_error(e, &scenario, source);
    match scenario.run().map_err(fail)? {
        Outcome::Referendum(outcome) => Ok(Decided::Referendum(Box::new(scenario), outcome)),
        Outcome::Body(mut result) => {
            let body = scenario.body().map_err(fail)?;
            let ballots = scenario.ballots();
            result.notes.splice(0..0, changed);
            Ok(Decided::Body(Box::new(Elected {
                source: source.map(str::to_string),
                scenario,
                body,
                ballots,
                result,
            })))
        }
    }
}

/// The body a scenario elects, for an analysis; `nothing` says what it
/// cannot do with a referendum ("nothing to measure", "nothing to compare").
pub(crate) fn elect(
    source: Option<&str>,
    scenario: &Scenario,
    what_if: &WhatIf,
    nothing: &str,
) -> Result<Elected, RequestError> {
    match decide(source, scenario, what_if)? {
        Decided::Body(elected) => Ok(*elected),
        Decided::Referendum(..) => Err(RequestError::input(prefixed(
            source,
            &format!("{nothing}: a referendum elects no seats (decide it with elect)"),
        ))),
    }
}

/// The name of a request's input in headings: its source, or `<request>`.
pub(crate) fn source_name(source: Option<&str>) -> String {
    source.unwrap_or("<request>").to_string()
}

impl Elected {
    /// The name in messages and headings (`<request>` when none was given).
    pub fn source_name(&self) -> String {
        source_name(self.source.as_deref())
    }

    /// A library error about this scenario, worded with its names.
    pub fn fail(&self, e: impl Into<ScenarioError>) -> RequestError {
        scenario_error(e, &self.scenario, self.source.as_deref())
    }

    /// The list tier and the lists, when the body has one and the scenario
    /// gives lists.
    pub fn list_tier(&self) -> Option<&ListTier> {
        self.body.list.as_ref().filter(|t| t.seats > 0 && !self.ballots.lists.is_empty())
    }

    /// The list tier, or the refusal of an analysis (`what`) that needs one.
    pub fn needs_list_tier(&self, nothing: &str, what: &str) -> Result<&ListTier, RequestError> {
        self.list_tier().ok_or_else(|| {
            let given = if self.ballots.lists.is_empty() { "no \"lists\"" } else { "a body without list seats" };
            RequestError::new(
                ErrorKind::Rules,
                prefixed(
                    self.source.as_deref(),
                    &format!("{nothing}: {what} needs party lists and a party-list tier, and the scenario gives {given}"),
                ),
            )
        })
    }

    /// The scenario's title, or `body: N seats`, with the what-if changes.
    pub fn title(&self) -> String {
        picture_title(self.scenario.title.as_deref(), &self.result)
    }

    /// The scenario's title, or `body: N seats`, without the changes.
    pub fn plain_title(&self) -> String {
        match &self.scenario.title {
            Some(t) if !t.trim().is_empty() => t.trim().to_string(),
            _ => format!("{}: {}", self.result.body, counted(self.result.seats.into(), "seat")),
        }
    }

    /// The what-if changes, as the analyses' `what_if` field gives them.
    pub fn what_if_notes(&self) -> Vec<NoteView> {
        let changed = self.result.notes.iter().filter(|n| matches!(n, Note::Overridden { .. }));
        changed.map(NoteView::from).collect()
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
