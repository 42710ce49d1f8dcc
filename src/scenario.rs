//! Scenario files: one election of a Kazakh body, as JSON.
//!
//! Every field (unknown fields are an error, so that a typo cannot silently
//! change the rules):
//!
//! | field | type | meaning |
//! |---|---|---|
//! | `body` | string | a preset by the year its rules took effect: `mazhilis-2007`, `mazhilis-2009` (or `mazhilis-2021`), `mazhilis-2023` (or `mazhilis`), `maslikhat-2021`, `regional-maslikhat-2023` (or `regional-maslikhat`), `city-maslikhat-2023` (or `city-maslikhat`), `district-maslikhat-2023` (or `district-maslikhat`), `akim-2021` (or `akim`), `kurultai-2026` (or `kurultai`); or `referendum` (see [`BodyKind`] and [`Preset`]) |
//! | `title`, `date`, `source`, `description` | string | free text, shown in reports |
//! | `seats` | integer | the body's size (required for maslikhats) |
//! | `list_seats`, `district_seats` | integer | override a tier's size (0 removes the tier) |
//! | `threshold_percent` | number or string | the list threshold, e.g. `5` or `"4.99"` (read exactly) |
//! | `method` | string | the list method, e.g. `"hare"`, `"dhondt"` (see [`Method`]) |
//! | `ties` | string | `error`, `lot:SEED`, `order`, `votes` (default `order`, the Kazakh rule) |
//! | `min_parties` | integer | admit the next best lists until this many take part, uncorrected (0: off) |
//! | `runner_up` | string | the 2009 runner-up rule: `off`, `corrected` (quotient times 0.7) or `corrected-at-least-two` (and at least two seats; the default of `mazhilis-2009`) |
//! | `runner_up_left_over` | string | under that rule, the seats left after one round of remainders: `round-again` (default) or `to-largest` |
//! | `against_all_rule` | string | `elect-leader` (default) or `repeat` |
//! | `unfilled_seats` | string | `redistribute` (default) or `vacant` |
//! | `lists` | array | `{"party": "Amanat", "votes": 3431510, "candidates": 89}` in registration order (`candidates` optional) |
//! | `against_all` | integer | "against all" votes on the list ballot |
//! | `polls` | array | instead of `lists` and `against_all`: `[{"pollster": "...", "date": "2026-10-01", "sample": 1200, "shares": {"Amanat": 55, "Respublica": "9.5"}}]`, list shares in percent (see [`Scenario::pooled_polls`]) |
//! | `poll_half_life_days` | integer | with polls: a poll's weight halves for every this many days it is older than the newest |
//! | `poll_ballots` | integer | with polls: the notional list ballots the shares are counted on (default 1,000,000) |
//! | `districts` | array | `{"name": "...", "candidates": [{"name": "...", "party": "Amanat" or null, "votes": 123}], "against_all": 45}` |
//! | `referendum` | object | for `body: "referendum"`: see [`Referendum`] |
//! | `official` | object | the official result, printed beside the computed one: `{"source", "published" (default true), "list_seats": [{"party", "seats"}], "winners": [{"district", "winner"}], "outcome"}` (see [`Official`]) |
//! | `colours` | object | party colours for pictures, `{"Amanat": "#1c5aa6"}` |
//! | `uncertainty` | object | the simulator's vote model (see [`Uncertainty`]); ignored by `elect` |
//!
//! # Example
//!
//! ```
//! # use saylau::scenario::{Outcome, Scenario};
//! let s = Scenario::from_json(r#"{
//!     "body": "kurultai",
//!     "lists": [{"party": "A", "votes": 600}, {"party": "B", "votes": 400}]
//! }"#)?;
//! let Outcome::Body(result) = s.run()? else { unreachable!() };
//! assert_eq!(result.seats, 145);
//! assert_eq!(result.parties[0].seats, 87);
//! # Ok::<(), saylau::scenario::ScenarioError>(())
//! ```

use crate::apportion::{Method, TieBreak};
use crate::district::{AgainstAllRule, District};
use crate::error::Error;
use crate::ratio::Ratio;
use crate::referendum::{Referendum, ReferendumOutcome};
use crate::rules::official::Official;
use crate::rules::runner_up::{LeftOver, RunnerUp};
use crate::simulate::{Simulation, Uncertainty};
use crate::system::{Ballots, Body, BodyResult, Overrides, PartyList, Preset, UnfilledSeats};
use crate::threshold::Threshold;

/// What a scenario elects: a body under a preset's rules, or a referendum.
///
/// Read from the scenario's `body` string, in any case (`"Mazhilis"`,
/// `"regional_maslikhat"`).
///
/// ```
/// # use saylau::scenario::BodyKind;
/// # use saylau::system::Preset;
/// assert_eq!("mazhilis".parse::<BodyKind>()?, BodyKind::Preset(Preset::Mazhilis));
/// assert_eq!("Referendum".parse::<BodyKind>()?, BodyKind::Referendum);
/// assert!("senate".parse::<BodyKind>().is_err());
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BodyKind {
    /// An elected body under a preset's rules.
    Preset(Preset),
    /// A republican referendum.
    Referendum,
}

impl BodyKind {
    /// The name as written in scenarios.
    pub fn name(&self) -> &'static str {
        match self {
            BodyKind::Preset(p) => p.name(),
            BodyKind::Referendum => "referendum",
        }
    }
}

impl std::fmt::Display for BodyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for BodyKind {
    type Err = Error;

    fn from_str(s: &str) -> Result<BodyKind, Error> {
        if s.trim().eq_ignore_ascii_case("referendum") {
            return Ok(BodyKind::Referendum);
        }
        s.parse().map(BodyKind::Preset)
    }
}

impl serde::Serialize for BodyKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> serde::Deserialize<'de> for BodyKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A scenario file: a body, its overrides, and the votes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The body's preset, or a referendum.
    pub body: BodyKind,
    /// A title for reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The election date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the figures come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The body's total size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seats: Option<u32>,
    /// List tier size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_seats: Option<u32>,
    /// Single-member tier size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_seats: Option<u32>,
    /// The list threshold in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold_percent: Option<Ratio>,
    /// The list apportionment method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// The tie rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ties: Option<TieBreak>,
    /// The "at least this many parties" rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_parties: Option<usize>,
    /// What a win of "against all" in a district does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub against_all_rule: Option<AgainstAllRule>,
    /// What happens to list seats a party cannot fill.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unfilled_seats: Option<UnfilledSeats>,
    /// The runner-up rule of 2009 (Art. 97(2)-(3)), or off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runner_up: Option<RunnerUp>,
    /// Under the runner-up rule, where the seats left after one round of
    /// remainders go.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runner_up_left_over: Option<LeftOver>,
    /// Party lists in registration order.
    #[serde(default)]
    pub lists: Vec<PartyList>,
    /// "Against all" votes on the list ballot.
    #[serde(default)]
    pub against_all: u64,
    /// Opinion polls giving the list vote in percent, instead of `lists`
    /// and `against_all` (see [`Scenario::pooled_polls`]). Their pooled
    /// sample is the simulator's concentration (see [`Scenario::vote_model`]):
    /// the `concentration` of `uncertainty` is then not used, and
    /// [`Scenario::from_json`] refuses it.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "deserialize_polls")]
    pub polls: Vec<Poll>,
    /// With polls: weigh each poll by half for every this many days between
    /// it and the newest poll (`None`: by sample size alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_half_life_days: Option<std::num::NonZeroU32>,
    /// With polls: the notional list ballots the pooled shares are counted
    /// on (`None`: [`DEFAULT_POLL_BALLOTS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poll_ballots: Option<std::num::NonZeroU64>,
    /// Single-member races.
    #[serde(default)]
    pub districts: Vec<District>,
    /// Referendum figures (for `body: "referendum"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub referendum: Option<Referendum>,
    /// The official result, to set beside the computed one (see [`Official`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official: Option<Official>,
    /// Colours for parties in pictures, `{"Party": "#rrggbb"}` (`#rgb` also),
    /// in place of the party registry's or the palette's.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub colours: std::collections::BTreeMap<String, String>,
    /// The simulator's vote model; `None` uses [`Uncertainty::default`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<Uncertainty>,
}

/// The notional number of list ballots a poll scenario's shares are counted
/// on, unless `poll_ballots` says otherwise.
pub const DEFAULT_POLL_BALLOTS: u64 = 1_000_000;

/// The largest `sample` a poll may give (more people than any electorate).
pub const MAX_POLL_SAMPLE: u64 = 100_000_000;

/// A calendar date, `YYYY-MM-DD`, for a poll's age.
///
/// ```
/// # use saylau::scenario::PollDate;
/// let a: PollDate = "2026-10-01".parse()?;
/// let b: PollDate = "2026-09-01".parse()?;
/// assert_eq!(a.days_since(b), 30);
/// assert_eq!(a.to_string(), "2026-10-01");
/// assert!("2026-02-30".parse::<PollDate>().is_err());
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PollDate {
    year: i32,
    month: u32,
    day: u32,
}

impl PollDate {
    /// Days from 1970-01-01 (proleptic Gregorian calendar).
    fn ordinal(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Days from `earlier` to `self` (negative if `earlier` is later).
    pub fn days_since(&self, earlier: PollDate) -> i64 {
        self.ordinal() - earlier.ordinal()
    }
}

impl std::str::FromStr for PollDate {
    type Err = Error;

    fn from_str(s: &str) -> Result<PollDate, Error> {
        let bad = |reason| Error::InvalidDate { value: s.to_string(), reason };
        let parts: Vec<&str> = s.trim().split('-').collect();
        let [y, m, d] = parts.as_slice() else {
            return Err(bad("expected a date such as 2026-10-01 (year-month-day)"));
        };
        let digits = |t: &str, n: usize| t.len() == n && t.bytes().all(|b| b.is_ascii_digit());
        if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
            return Err(bad("expected a date such as 2026-10-01 (year-month-day)"));
        }
        let (year, month, day): (i32, u32, u32) =
            (y.parse().unwrap_or(0), m.parse().unwrap_or(0), d.parse().unwrap_or(0));
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let length = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(bad("the month is not from 01 to 12")),
        };
        if day == 0 || day > length {
            return Err(bad("the month has no such day"));
        }
        Ok(PollDate { year, month, day })
    }
}

impl std::fmt::Display for PollDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for PollDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PollDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A poll's list shares in percent, in the order the poll gives them (the
/// first poll's order is the lists' registration order). Read from a JSON
/// object `{"Amanat": 55, "Respublica": "9.5"}`: numbers or strings, read
/// exactly as decimals; a party named twice, no party, or shares adding up
/// to more than 100 are refused.
///
/// ```
/// # use saylau::scenario::PollShares;
/// let shares: PollShares = serde_json::from_str(r#"{"B": 40, "A": "9.5"}"#)?;
/// assert_eq!(shares.0[0].0, "B", "in the order given");
/// assert_eq!(shares.0[1].1.to_string(), "9.5");
/// assert_eq!(shares.total(), 49.5);
/// assert!(serde_json::from_str::<PollShares>(r#"{"A": 60, "B": 40.5}"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PollShares(pub Vec<(String, Ratio)>);

impl PollShares {
    /// The sum of the shares, in percent (for display).
    pub fn total(&self) -> f64 {
        self.0.iter().map(|(_, r)| r.to_f64()).sum()
    }
}

impl serde::Serialize for PollShares {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (party, share) in &self.0 {
            map.serialize_entry(party, share)?;
        }
        map.end()
    }
}

impl<'de> serde::Deserialize<'de> for PollShares {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = PollShares;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(
                    "an object of list shares in percent, such as {\"Amanat\": 55, \"Respublica\": 9.5}",
                )
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<PollShares, A::Error> {
                use serde::de::Error as _;
                let mut shares: Vec<(String, Ratio)> = Vec::new();
                while let Some(party) = map.next_key::<String>()? {
                    let share: Ratio = map.next_value()?;
                    let party = party.trim().to_string();
                    if party.is_empty() {
                        return Err(A::Error::custom("a share is given for an empty party name"));
                    }
                    if shares.iter().any(|(p, _)| *p == party) {
                        return Err(A::Error::custom(format!("{party:?} is given twice")));
                    }
                    shares.push((party, share));
                }
                let shares = PollShares(shares);
                if shares.0.is_empty() {
                    return Err(A::Error::custom("the poll gives no list shares"));
                }
                let exact = shares.0.iter().try_fold(Ratio::ZERO, |acc, (_, r)| add_ratios(acc, *r));
                let over = match exact {
                    Some(sum) => sum > Ratio::integer(100),
                    None => shares.total() > 100.0,
                };
                if over {
                    let sum = exact.map_or_else(|| format!("{:.2}", shares.total()), |s| s.to_string());
                    return Err(A::Error::custom(format!(
                        "the shares add up to {sum}%, more than 100% (they are percentages of the list \
                         ballots; what they leave out is counted as \"against all\")"
                    )));
                }
                Ok(shares)
            }
        }
        d.deserialize_map(V)
    }
}

/// `a + b` exactly, `None` on overflow.
fn add_ratios(a: Ratio, b: Ratio) -> Option<Ratio> {
    let numer = a.numer().checked_mul(b.denom())?.checked_add(b.numer().checked_mul(a.denom())?)?;
    Ratio::new(numer, a.denom().checked_mul(b.denom())?).ok()
}

/// One opinion poll: who asked, when, how many people, and the list shares
/// in percent.
///
/// ```
/// # use saylau::scenario::Poll;
/// let poll: Poll = serde_json::from_str(r#"{"date": "2026-10-01", "sample": 1200, "shares": {"A": 55}}"#)?;
/// assert_eq!(poll.sample.get(), 1200);
/// assert_eq!(poll.date.unwrap().to_string(), "2026-10-01");
/// assert!(poll.pollster.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Poll {
    /// Who conducted it (free text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pollster: Option<String>,
    /// When it was conducted (its last day of fieldwork), `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PollDate>,
    /// How many people answered: it sets the sampling noise.
    pub sample: std::num::NonZeroU64,
    /// Each list's share in percent.
    pub shares: PollShares,
}

/// Reads `polls`, refusing a sample above [`MAX_POLL_SAMPLE`] and polls that
/// do not give shares for the same lists.
fn deserialize_polls<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Poll>, D::Error> {
    use serde::de::Error as _;
    let polls = <Vec<Poll> as serde::Deserialize>::deserialize(d)?;
    for (i, poll) in polls.iter().enumerate() {
        if poll.sample.get() > MAX_POLL_SAMPLE {
            return Err(D::Error::custom(format!(
                "polls[{i}].sample is {}, more than the {} allowed",
                crate::numbers::thousands(poll.sample.get()),
                crate::numbers::thousands(MAX_POLL_SAMPLE)
            )));
        }
    }
    if let Some((first, rest)) = polls.split_first() {
        let names = |p: &Poll| p.shares.0.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        let expected = names(first);
        for (i, poll) in rest.iter().enumerate() {
            let given = names(poll);
            let missing: Vec<&String> = expected.iter().filter(|n| !given.contains(n)).collect();
            let extra: Vec<&String> = given.iter().filter(|n| !expected.contains(n)).collect();
            if let Some(name) = extra.first() {
                return Err(D::Error::custom(format!(
                    "polls[{}].shares gives {name:?}, which polls[0] does not: every poll gives shares for the \
                     same lists (0 for a list that polled nothing)",
                    i + 1
                )));
            }
            if let Some(name) = missing.first() {
                return Err(D::Error::custom(format!(
                    "polls[{}].shares gives no share for {name:?}, which polls[0] gives: every poll gives \
                     shares for the same lists (0 for a list that polled nothing)",
                    i + 1
                )));
            }
        }
    }
    Ok(polls)
}

/// The polls of a scenario pooled into one: the list vote of a poll
/// scenario (see [`Scenario::pooled_polls`]).
#[derive(Debug, Clone, PartialEq)]
pub struct PooledPolls {
    /// The lists, in the first poll's order.
    pub parties: Vec<String>,
    /// Each list's pooled share, in percent: `sum_i w_i s_ik / sum_i w_i`.
    pub shares: Vec<f64>,
    /// Each poll's weight, `w_i = n_i * 2^(-age_i / half_life)` (`n_i`
    /// without a half-life), as a fraction of all the weights.
    pub weights: Vec<f64>,
    /// The pooled sample size, `sum_i w_i`: each poll counts its people,
    /// halved for every half-life of its age. It is the concentration of the
    /// vote model's sampling noise.
    pub sample: f64,
    /// The percent the pooled shares leave out (other lists, "against all",
    /// blank): counted as "against all".
    pub rest: f64,
    /// The notional list ballots the shares are counted on.
    pub ballots: u64,
    /// Each list's votes: its pooled share of `ballots`, rounded to a whole vote.
    pub votes: Vec<u64>,
    /// The "against all" votes: `ballots` less the lists' votes.
    pub against_all: u64,
}

impl PooledPolls {
    /// The lists with their notional votes, in the first poll's order.
    ///
    /// ```
    /// # use saylau::scenario::Scenario;
    /// let s = Scenario::from_json(r#"{"body": "kurultai", "polls": [{"sample": 9, "shares": {"A": 60, "B": 30}}],
    ///     "poll_ballots": 1000}"#)?;
    /// let lists = s.pooled_polls()?.unwrap().lists();
    /// assert_eq!((lists[0].party.as_str(), lists[0].votes), ("A", 600));
    /// assert_eq!(s.ballots().against_all, 100);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lists(&self) -> Vec<PartyList> {
        self.parties
            .iter()
            .zip(&self.votes)
            .map(|(party, &votes)| PartyList { party: party.clone(), votes, candidates: None })
            .collect()
    }
}

/// Changes to a scenario's rules, for "what if": each given field replaces
/// the file's (see [`Scenario::apply`]). In a request's JSON, an object with
/// any of the fields, `{"method": "dhondt", "threshold": 7}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WhatIf {
    /// Another body or period of the rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<BodyKind>,
    /// Another list threshold, in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threshold: Option<Threshold>,
    /// Another list method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// Another list tier size (0 removes the tier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_seats: Option<u32>,
    /// Another single-member tier size (0 removes the tier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district_seats: Option<u32>,
    /// Another tie rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ties: Option<TieBreak>,
    /// Another "at least N lists" rule (0 turns it off).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_parties: Option<usize>,
}

impl WhatIf {
    /// Whether nothing is changed.
    pub fn is_empty(&self) -> bool {
        *self == WhatIf::default()
    }
}

/// What a scenario decides.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// An elected body's seats.
    Body(BodyResult),
    /// A referendum's verdict.
    Referendum(ReferendumOutcome),
}

/// A scenario that could not be read or run.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ScenarioError {
    /// The text is not a valid scenario (JSON syntax, a wrong type, an unknown
    /// or missing field); `line` and `column` are 1-based.
    #[error("line {line}, column {column}{}: {}{message}", if path.is_empty() { String::new() } else { format!(", at {path}") }, if *syntax { "not valid JSON: " } else { "" })]
    Parse {
        /// Line of the problem.
        line: usize,
        /// Column of the problem.
        column: usize,
        /// The field where it is, as a path (`lists[2].votes`; empty at the top).
        path: String,
        /// What serde found wrong.
        message: String,
        /// Whether the text is not JSON at all (rather than JSON that is not a scenario).
        syntax: bool,
    },
    /// The text is empty.
    #[error(
        "the file is empty: expected a JSON scenario object such as {{\"body\": \"mazhilis\", \"lists\": [...]}}"
    )]
    Empty,
    /// The text is JSON, but not an object.
    #[error(
        "the scenario must be a JSON object such as {{\"body\": \"mazhilis\", \"lists\": [...]}}, but the file holds {found}"
    )]
    NotAnObject {
        /// What it holds: `"an array"`, `"a string"`, `"a number"`, `"a boolean"` or `"null"`.
        found: &'static str,
    },
    /// The scenario's fields do not fit its body or each other.
    #[error(transparent)]
    Fields(#[from] FieldProblem),
    /// The scenario is well formed but its rules or votes are not.
    #[error(transparent)]
    Invalid(#[from] Error),
}

/// How a scenario's fields do not fit its body or each other (see
/// [`ScenarioError::Fields`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FieldProblem {
    /// A referendum scenario gives lists, districts or seat numbers.
    #[error("a referendum scenario takes only the \"referendum\" object (and descriptive fields)")]
    StrayReferendumFields,
    /// `body: "referendum"` without the `referendum` object.
    #[error("body \"referendum\" needs a \"referendum\" object with its figures")]
    MissingReferendum,
    /// A body scenario carries a `referendum` object.
    #[error("the \"referendum\" object belongs only in a scenario with body \"referendum\"")]
    ReferendumInBody,
    /// A body scenario gives no votes at all.
    #[error("the scenario gives neither \"lists\" nor \"districts\" (nor \"polls\")")]
    NoVotes,
    /// A referendum was given to the simulator.
    #[error("a referendum cannot be simulated: it elects no seats")]
    ReferendumNotSimulated,
    /// A scenario gives both polls and vote counts for the lists.
    #[error(
        "the scenario gives both \"polls\" and list votes (\"lists\" or \"against_all\"): give the list \
         vote either as counts or as polls"
    )]
    PollsWithVotes,
    /// `poll_half_life_days` or `poll_ballots` without `polls`.
    #[error("\"poll_half_life_days\" and \"poll_ballots\" apply only to a scenario with \"polls\"")]
    PollFieldsWithoutPolls,
    /// A poll without a date, when `poll_half_life_days` needs one.
    #[error(
        "polls[{poll}] has no \"date\": with \"poll_half_life_days\" every poll needs one (\"2026-10-01\") \
         to weigh it by its age"
    )]
    PollWithoutDate {
        /// The poll's index in `polls`.
        poll: usize,
    },
    /// `uncertainty.concentration` given with polls.
    #[error(
        "uncertainty.concentration cannot be given with \"polls\": the polls' sample sizes set the sampling \
         noise (change their \"sample\" to change it)"
    )]
    ConcentrationWithPolls,
}

/// Whether a scenario's JSON gives polls and `uncertainty.concentration`
/// (which the polls set): the value must be read from the JSON, since the
/// concentration has a default.
pub(crate) fn gives_concentration_with_polls(scenario: &serde_json::Value) -> bool {
    scenario.get("polls").and_then(|p| p.as_array()).is_some_and(|p| !p.is_empty())
        && scenario.pointer("/uncertainty/concentration").is_some()
}

impl ScenarioError {
    /// What kind of failure this is: input for text that is not a scenario,
    /// the inner error's kind otherwise.
    pub fn kind(&self) -> crate::error::ErrorKind {
        match self {
            ScenarioError::Invalid(e) => e.kind(),
            _ => crate::error::ErrorKind::Input,
        }
    }
}

impl Scenario {
    /// Reads a scenario from JSON text.
    ///
    /// # Errors
    ///
    /// [`ScenarioError::Parse`] with the line and column of the problem.
    ///
    /// ```
    /// # use saylau::scenario::{Scenario, ScenarioError};
    /// let bad = r#"{"body": "kurultai", "lists": [{"party": "A", "votes": -1}]}"#;
    /// let Err(ScenarioError::Parse { path, .. }) = Scenario::from_json(bad) else { panic!() };
    /// assert_eq!(path, "lists[0].votes");
    /// ```
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let found = match text.trim_start().bytes().next() {
            None => return Err(ScenarioError::Empty),
            Some(b'[') => Some("an array"),
            Some(b'"') => Some("a string"),
            Some(b'-' | b'0'..=b'9') => Some("a number"),
            Some(b't' | b'f') => Some("a boolean"),
            Some(b'n') => Some("null"),
            _ => None,
        };
        // Something that is not an object is named as such, when it is JSON.
        if let Some(found) = found {
            return Err(match serde_json::from_str::<serde_json::Value>(text) {
                Ok(_) => ScenarioError::NotAnObject { found },
                Err(e) => ScenarioError::Parse {
                    line: e.line(),
                    column: e.column(),
                    path: String::new(),
                    syntax: true,
                    message: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
                },
            });
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let scenario: Scenario = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            ScenarioError::Parse {
                line: inner.line(),
                column: inner.column(),
                path: if path == "." { String::new() } else { path },
                syntax: inner.is_syntax() || inner.is_eof(),
                message: inner.to_string().split(" at line ").next().unwrap_or_default().to_string(),
            }
        })?;
        de.end().map_err(|e| ScenarioError::Parse {
            line: e.line(),
            column: e.column(),
            path: String::new(),
            syntax: true,
            message: e.to_string().split(" at line ").next().unwrap_or_default().to_string(),
        })?;
        if !scenario.polls.is_empty()
            && scenario.uncertainty.is_some()
            && serde_json::from_str::<serde_json::Value>(text)
                .is_ok_and(|v| gives_concentration_with_polls(&v))
        {
            return Err(ScenarioError::Fields(FieldProblem::ConcentrationWithPolls));
        }
        Ok(scenario)
    }

    /// Applies `what_if` and says what changed, as notes for the result.
    ///
    /// ```
    /// # use saylau::scenario::{Scenario, WhatIf};
    /// let mut s = Scenario::from_json(r#"{"body": "kurultai", "lists": [{"party": "A", "votes": 1}]}"#)?;
    /// let notes = s.apply(&WhatIf { threshold: Some("7".parse()?), ..Default::default() });
    /// assert_eq!(notes[0].to_string(), "What if: threshold_percent is 7% instead of the rules' own.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn apply(&mut self, what_if: &WhatIf) -> Vec<crate::note::Note> {
        use crate::note::Note;
        fn set<T: Clone + PartialEq + std::fmt::Display>(
            notes: &mut Vec<Note>,
            field: &'static str,
            slot: &mut Option<T>,
            new: &Option<T>,
        ) {
            if let Some(v) = new
                && slot.as_ref() != Some(v)
            {
                notes.push(Note::Overridden {
                    field,
                    from: slot.as_ref().map(ToString::to_string),
                    to: v.to_string(),
                });
                *slot = Some(v.clone());
            }
        }
        let mut notes = Vec::new();
        if let Some(b) = what_if.body
            && b != self.body
        {
            notes.push(Note::Overridden {
                field: "body",
                from: Some(self.body.to_string()),
                to: b.to_string(),
            });
            self.body = b;
        }
        if let Some(t) = what_if.threshold
            && self.threshold_percent != Some(t.percent())
        {
            let from = self.threshold_percent.map(|p| format!("{p}%"));
            notes.push(Note::Overridden { field: "threshold_percent", from, to: t.to_string() });
            self.threshold_percent = Some(t.percent());
        }
        set(&mut notes, "method", &mut self.method, &what_if.method);
        set(&mut notes, "list_seats", &mut self.list_seats, &what_if.list_seats);
        set(&mut notes, "district_seats", &mut self.district_seats, &what_if.district_seats);
        set(&mut notes, "ties", &mut self.ties, &what_if.ties);
        set(&mut notes, "min_parties", &mut self.min_parties, &what_if.min_parties);
        // A total that no longer matches the tiers would be refused: the
        // tiers given on the command line decide it.
        if (what_if.list_seats.is_some() || what_if.district_seats.is_some())
            && let Some(seats) = self.seats
            && self.list_seats.is_some()
            && self.district_seats.is_some()
        {
            let total = self.list_seats.unwrap_or(0) as u64 + self.district_seats.unwrap_or(0) as u64;
            if total != seats as u64 {
                self.seats = None;
            }
        }
        notes
    }

    /// The size a single-member-only body without `seats` (or
    /// `district_seats`) takes from the districts given.
    fn size_from_districts(&self) -> Option<u32> {
        let single_member_only =
            matches!(self.body, BodyKind::Preset(Preset::CityMaslikhat | Preset::DistrictMaslikhat));
        if !single_member_only
            || self.seats.is_some()
            || self.district_seats.is_some()
            || self.districts.is_empty()
        {
            return None;
        }
        u32::try_from(self.districts.len()).ok()
    }

    /// Notes on how the scenario was read: a size taken from the districts,
    /// a threshold that looks like a fraction.
    fn reading_notes(&self) -> Vec<crate::note::Note> {
        use crate::note::Note;
        let mut notes = Vec::new();
        if let Some(seats) = self.size_from_districts() {
            notes.push(Note::SizeFromDistricts { seats });
        }
        if let Some(p) = self.threshold_percent
            && p > Ratio::ZERO
            && p < Ratio::integer(1)
            && let Some(numer) = p.numer().checked_mul(100)
            && let Ok(suggested) = Ratio::new(numer, p.denom())
        {
            notes.push(Note::ThresholdFraction { given: p.to_string(), suggested: suggested.to_string() });
        }
        if let Ok(Some(pooled)) = self.pooled_polls() {
            let rest = (pooled.rest * 100.0).round() / 100.0;
            notes.push(Note::FromPolls {
                polls: self.polls.len(),
                ballots: pooled.ballots,
                rest: rest.to_string(),
            });
        }
        notes
    }

    /// Is this a referendum?
    pub fn is_referendum(&self) -> bool {
        self.body == BodyKind::Referendum
    }

    /// The overrides the scenario sets.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidThreshold`] for a threshold over 100.
    pub fn overrides(&self) -> Result<Overrides, Error> {
        Ok(Overrides {
            seats: self.seats.or(self.size_from_districts()),
            list_seats: self.list_seats,
            district_seats: self.district_seats,
            threshold: self.threshold_percent.map(Threshold::new).transpose()?,
            method: self.method,
            ties: self.ties,
            min_parties: self.min_parties,
            against_all_rule: self.against_all_rule,
            unfilled_seats: self.unfilled_seats,
            runner_up: self.runner_up,
            runner_up_left_over: self.runner_up_left_over,
        })
    }

    /// The body the scenario describes, with its overrides applied.
    ///
    /// # Errors
    ///
    /// [`ScenarioError::Fields`] for a referendum, and the errors of
    /// [`Preset::body`] for impossible overrides.
    pub fn body(&self) -> Result<Body, ScenarioError> {
        match self.body {
            BodyKind::Preset(preset) => Ok(preset.body(&self.overrides()?)?),
            BodyKind::Referendum => Err(ScenarioError::Fields(FieldProblem::ReferendumNotSimulated)),
        }
    }

    /// The votes: the lists' (or, with polls, the pooled polls' notional
    /// votes; none if [`Scenario::pooled_polls`] refuses the polls, which
    /// [`Scenario::run`] and [`Scenario::simulation`] report) and the
    /// districts'.
    pub fn ballots(&self) -> Ballots {
        let (lists, against_all) = match self.pooled_polls() {
            Ok(Some(pooled)) => (pooled.lists(), pooled.against_all),
            Ok(None) => (self.lists.clone(), self.against_all),
            Err(_) => (Vec::new(), 0),
        };
        Ballots { lists, against_all, districts: self.districts.clone() }
    }

    /// The scenario's polls pooled into one list vote, or `None` without
    /// polls.
    ///
    /// Each poll `i` has the weight `w_i = n_i * 2^(-a_i / h)`: its sample
    /// size `n_i`, halved for every `h = poll_half_life_days` of its age `a_i`
    /// (days before the newest poll; without a half-life, `w_i = n_i`). The
    /// pooled share of each list is the weighted mean `sum_i w_i s_ik /
    /// sum_i w_i`, and the pooled sample size is `sum_i w_i`: an old poll
    /// counts as fewer people. The rest to 100% is "against all" (other
    /// lists, "against all" and blank ballots alike: it counts in the
    /// threshold base where the rules count "against all", and takes no
    /// seat). The shares are counted on `poll_ballots` notional ballots
    /// (default [`DEFAULT_POLL_BALLOTS`]): each list's votes are its share of
    /// them, rounded to a whole vote, and from those whole votes on every
    /// count is exact.
    ///
    /// ```
    /// # use saylau::scenario::Scenario;
    /// let s = Scenario::from_json(r#"{"body": "kurultai", "polls": [
    ///     {"date": "2026-10-01", "sample": 1000, "shares": {"A": 50, "B": 30}},
    ///     {"date": "2026-09-01", "sample": 2000, "shares": {"A": 44, "B": 36}}
    /// ], "poll_half_life_days": 30}"#)?;
    /// let pooled = s.pooled_polls()?.unwrap();
    /// // Weights 1000 and 2000 / 2 = 1000: the plain mean, 2000 people.
    /// assert_eq!(pooled.weights, [0.5, 0.5]);
    /// assert_eq!(pooled.sample, 2000.0);
    /// assert_eq!(pooled.votes, [470_000, 330_000]);
    /// assert_eq!(pooled.against_all, 200_000);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ScenarioError::Fields`] when the scenario also gives list votes,
    /// or a half-life and a poll without a date.
    pub fn pooled_polls(&self) -> Result<Option<PooledPolls>, ScenarioError> {
        let Some(first) = self.polls.first() else {
            if self.poll_half_life_days.is_some() || self.poll_ballots.is_some() {
                return Err(ScenarioError::Fields(FieldProblem::PollFieldsWithoutPolls));
            }
            return Ok(None);
        };
        if !self.lists.is_empty() || self.against_all > 0 {
            return Err(ScenarioError::Fields(FieldProblem::PollsWithVotes));
        }
        let decay = match self.poll_half_life_days {
            None => vec![1.0; self.polls.len()],
            Some(h) => {
                let mut dates = Vec::with_capacity(self.polls.len());
                for (i, poll) in self.polls.iter().enumerate() {
                    dates.push(
                        poll.date.ok_or(ScenarioError::Fields(FieldProblem::PollWithoutDate { poll: i }))?,
                    );
                }
                let newest = dates.iter().copied().max().unwrap_or(dates[0]);
                dates
                    .iter()
                    .map(|d| libm::exp2(-(newest.days_since(*d) as f64) / f64::from(h.get())))
                    .collect()
            }
        };
        let raw: Vec<f64> = self.polls.iter().zip(&decay).map(|(p, d)| p.sample.get() as f64 * d).collect();
        let sample: f64 = raw.iter().sum();
        let parties: Vec<String> = first.shares.0.iter().map(|(n, _)| n.clone()).collect();
        let shares: Vec<f64> = parties
            .iter()
            .map(|party| {
                let weighted: f64 = self
                    .polls
                    .iter()
                    .zip(&raw)
                    .map(|(poll, w)| {
                        let share =
                            poll.shares.0.iter().find(|(n, _)| n == party).map_or(0.0, |(_, r)| r.to_f64());
                        w * share
                    })
                    .sum();
                weighted / sample
            })
            .collect();
        let ballots = self.poll_ballots.map_or(DEFAULT_POLL_BALLOTS, std::num::NonZeroU64::get);
        let votes: Vec<u64> =
            shares.iter().map(|s| (s / 100.0 * ballots as f64 + 0.5).floor().max(0.0) as u64).collect();
        let counted = votes.iter().fold(0u64, |sum, &v| sum.saturating_add(v));
        let against_all = ballots.saturating_sub(counted);
        Ok(Some(PooledPolls {
            rest: (100.0 - shares.iter().sum::<f64>()).max(0.0),
            parties,
            shares,
            weights: raw.iter().map(|w| w / sample).collect(),
            sample,
            ballots,
            votes,
            against_all,
        }))
    }

    /// The simulator's vote model: the scenario's `uncertainty` (or the
    /// defaults), with the pooled polls' sample size as its concentration
    /// when the scenario gives polls.
    ///
    /// ```
    /// # use saylau::scenario::Scenario;
    /// let s = Scenario::from_json(r#"{"body": "kurultai", "polls": [
    ///     {"sample": 700, "shares": {"A": 60}}, {"sample": 500, "shares": {"A": 50}}],
    ///     "uncertainty": {"systematic_points": 2}}"#)?;
    /// let u = s.vote_model()?;
    /// assert_eq!(u.concentration, 1200.0);
    /// assert_eq!(u.systematic_points, Some(2.0));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// Those of [`Scenario::pooled_polls`].
    pub fn vote_model(&self) -> Result<Uncertainty, ScenarioError> {
        let mut u = self.uncertainty.clone().unwrap_or_default();
        if let Some(pooled) = self.pooled_polls()? {
            u.concentration = pooled.sample;
        }
        Ok(u)
    }

    /// A Monte Carlo [`Simulation`] of the scenario, with its `uncertainty`
    /// (or the defaults).
    ///
    /// # Errors
    ///
    /// [`ScenarioError::Fields`] for a referendum (nothing to simulate), and
    /// whatever [`Scenario::body`] and [`Simulation::new`] refuse.
    pub fn simulation(&self) -> Result<Simulation, ScenarioError> {
        if self.is_referendum() {
            return Err(ScenarioError::Fields(FieldProblem::ReferendumNotSimulated));
        }
        self.check_body_fields()?;
        Ok(Simulation::new(&self.body()?, &self.ballots(), &self.vote_model()?)?)
    }

    /// Decides the election or referendum.
    ///
    /// # Errors
    ///
    /// Anything [`Scenario::body`], [`Body::elect`] or [`Referendum::decide`]
    /// refuses; fields that do not belong to the body (lists in a referendum,
    /// a referendum object for a body).
    pub fn run(&self) -> Result<Outcome, ScenarioError> {
        if self.is_referendum() {
            let stray = !self.lists.is_empty()
                || !self.polls.is_empty()
                || !self.districts.is_empty()
                || self.against_all > 0
                || self.seats.is_some()
                || self.list_seats.is_some()
                || self.district_seats.is_some()
                || self.threshold_percent.is_some()
                || self.method.is_some()
                || self.runner_up.is_some()
                || self.runner_up_left_over.is_some();
            if stray {
                return Err(ScenarioError::Fields(FieldProblem::StrayReferendumFields));
            }
            let r = self.referendum.as_ref().ok_or(ScenarioError::Fields(FieldProblem::MissingReferendum))?;
            let mut outcome = r.decide()?;
            if let Some(official) = &self.official {
                outcome.notes.push(official.compare_referendum(&outcome));
            }
            return Ok(Outcome::Referendum(outcome));
        }
        self.check_body_fields()?;
        let mut result = self.body()?.elect(&self.ballots())?;
        let at =
            usize::from(result.notes.first().is_some_and(|n| matches!(n, crate::note::Note::Rules { .. })));
        for (i, note) in self.reading_notes().into_iter().enumerate() {
            result.notes.insert(at + i, note);
        }
        if let Some(official) = &self.official {
            result.notes.push(official.compare_body(&result));
        }
        Ok(Outcome::Body(result))
    }

    /// A body scenario has votes and no referendum object.
    fn check_body_fields(&self) -> Result<(), ScenarioError> {
        if self.referendum.is_some() {
            return Err(ScenarioError::Fields(FieldProblem::ReferendumInBody));
        }
        if self.lists.is_empty() && self.polls.is_empty() && self.districts.is_empty() {
            return Err(ScenarioError::Fields(FieldProblem::NoVotes));
        }
        self.pooled_polls()?;
        Ok(())
    }
}
