//! "What if" comparisons as data: one vote vector under every method, a
//! threshold sweep and a house-size sweep ([`Sweep`]), and a body's ballots
//! under other designs ([`DesignTable`]: all seats by list, a compensatory
//! list tier, other rules).
//!
//! Every row holds its setting and its outcome: the count, or why the count
//! failed (an unbroken tie, no party over the threshold). A failed setting is
//! a row, not an error: the comparison goes on. Rows carry data only; the
//! words for people are the describing layer's
//! (`describe::view::ComparisonView`).
//!
//! The compensatory (MMP) count itself is a rule of its own, in
//! [`crate::compensatory`]; its items are re-exported here.
//!
//! # Example
//!
//! ```
//! use saylau::compare::{Setting, by_method};
//! use saylau::system::{Overrides, PartyList, Preset};
//! use saylau::Method;
//! let lists: Vec<PartyList> = [("A", 100_000), ("B", 80_000), ("C", 30_000), ("D", 20_000)]
//!     .into_iter()
//!     .map(|(p, v)| PartyList { party: p.into(), votes: v, candidates: None })
//!     .collect();
//! let mut tier = Preset::Mazhilis.body(&Overrides::default())?.list.unwrap();
//! tier.seats = 8;
//! let sweep = by_method(&tier, &lists, 0)?;
//! assert_eq!(sweep.parties, ["A", "B", "C", "D"]);
//! let dhondt = sweep.rows.iter().find(|r| r.setting == Setting::Method(Method::DHondt)).unwrap();
//! assert_eq!(dhondt.seats(), Some(&[4, 3, 1, 0][..]));
//! # Ok::<(), saylau::Error>(())
//! ```

use std::collections::HashMap;
use std::ops::RangeInclusive;

use crate::apportion::{Method, TieResolution};
use crate::error::{Error, Result};
use crate::ratio::Ratio;
use crate::rules::compensatory::{CompensatoryResult, PartySeats, compensatory};
use crate::system::{Ballots, Body, BodyResult, ListTier, Overrides, PartyList, Preset};
use crate::threshold::Threshold;
use crate::votes::PartyVotes;

/// The thresholds of the default sweep, `(from, to, step)`: 0% to 10% by
/// 0.5% (`saylau compare --by thresholds` and the report).
pub const DEFAULT_THRESHOLDS: (Ratio, Ratio, Ratio) =
    (Ratio::ZERO, Ratio::integer(10), Ratio::from_parts(1, 2));

/// The most rows a sweep may have.
pub const MAX_ROWS: usize = 100_000;

/// The setting a row of a [`Sweep`] was computed under.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Setting {
    /// Another apportionment method.
    Method(Method),
    /// Another threshold.
    Threshold(Threshold),
    /// Another house size (list seats).
    House(u32),
}

/// A count that went through: seats, who took part, the tie broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counted {
    /// Seats per party, in the order of [`Sweep::parties`].
    pub seats: Vec<u32>,
    /// Which parties took part (passed the threshold), in the same order.
    pub eligible: Vec<bool>,
    /// The tie the policy broke, if any (positions in [`Sweep::parties`]).
    pub tie: Option<TieResolution>,
}

/// One setting and what it gave: the count, or why it failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The setting.
    pub setting: Setting,
    /// The count, or why the count failed (an unbroken tie, no party over
    /// the threshold).
    pub outcome: Result<Counted, Error>,
}

impl Row {
    /// The seats per party, when the count went through.
    pub fn seats(&self) -> Option<&[u32]> {
        self.outcome.as_ref().ok().map(|c| c.seats.as_slice())
    }

    /// Which parties took part, when the count went through.
    pub fn eligible(&self) -> Option<&[bool]> {
        self.outcome.as_ref().ok().map(|c| c.eligible.as_slice())
    }

    /// Why the count failed, when it did.
    pub fn error(&self) -> Option<&Error> {
        self.outcome.as_ref().err()
    }
}

/// A sweep: party names and one row per setting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sweep {
    /// The parties, in input order.
    pub parties: Vec<String>,
    /// One row per setting, in order.
    pub rows: Vec<Row>,
}

impl Sweep {
    /// The rows of a threshold sweep as `(threshold in percent, seats)`
    /// points, for [`crate::svg::threshold_sweep`]; rows that could not be
    /// counted, and rows of other sweeps, are left out.
    pub fn threshold_points(&self) -> Vec<(f64, Vec<u32>)> {
        self.rows
            .iter()
            .filter_map(|r| match (&r.setting, r.seats()) {
                (Setting::Threshold(t), Some(s)) => Some((t.percent().to_f64(), s.to_vec())),
                _ => None,
            })
            .collect()
    }
}

fn names(lists: &[PartyList]) -> Result<Vec<String>> {
    let pv = PartyVotes::new(lists.iter().map(|l| (l.party.as_str(), l.votes)))?;
    Ok(pv.names().to_vec())
}

fn row(tier: &ListTier, lists: &[PartyList], against_all: u64, setting: Setting) -> Row {
    let outcome = tier.allocate(lists, against_all).map(|out| Counted {
        seats: out.seats,
        eligible: out.eligible,
        tie: out.tie,
    });
    Row { setting, outcome }
}

/// `lists` under every method of [`Method::ALL`], the tier's other rules
/// unchanged.
///
/// # Errors
///
/// Name errors from [`PartyVotes::new`]; a failed count is a row's error.
pub fn by_method(tier: &ListTier, lists: &[PartyList], against_all: u64) -> Result<Sweep> {
    let parties = names(lists)?;
    let rows = Method::ALL
        .iter()
        .map(|&m| {
            let t = ListTier { method: m, ..tier.clone() };
            row(&t, lists, against_all, Setting::Method(m))
        })
        .collect();
    Ok(Sweep { parties, rows })
}

/// `lists` under thresholds `from`, `from + step`, ... up to `to` (percent,
/// exact), the tier's other rules unchanged.
///
/// ```
/// use saylau::compare::{Setting, by_threshold};
/// use saylau::system::{Overrides, PartyList, Preset};
/// use saylau::Ratio;
/// let lists: Vec<PartyList> = [("A", 700), ("B", 240), ("C", 60)]
///     .into_iter()
///     .map(|(p, v)| PartyList { party: p.into(), votes: v, candidates: None })
///     .collect();
/// let tier = Preset::Mazhilis.body(&Overrides::default())?.list.unwrap();
/// let t = by_threshold(&tier, &lists, 0, Ratio::ZERO, Ratio::integer(10), "0.5".parse()?)?;
/// assert_eq!(t.rows.len(), 21);
/// assert_eq!(t.rows[12].setting, Setting::Threshold("6".parse()?));
/// // C has 6%: it takes part up to a 6% threshold, not at 6.5%.
/// assert_eq!(t.rows[12].eligible(), Some(&[true, true, true][..]));
/// assert_eq!(t.rows[13].eligible(), Some(&[true, true, false][..]));
/// # Ok::<(), saylau::Error>(())
/// ```
///
/// # Errors
///
/// Name errors; [`Error::InvalidNumber`] for a zero step or a step whose
/// sums overflow; [`Error::InvalidThreshold`] above 100%;
/// [`Error::SweepTooLong`] for more than [`MAX_ROWS`] rows.
pub fn by_threshold(
    tier: &ListTier,
    lists: &[PartyList],
    against_all: u64,
    from: Ratio,
    to: Ratio,
    step: Ratio,
) -> Result<Sweep> {
    let parties = names(lists)?;
    if step == Ratio::ZERO {
        return Err(Error::InvalidNumber {
            value: step.to_string(),
            reason: "the step of a sweep must be above zero",
        });
    }
    let overflow =
        || Error::InvalidNumber { value: step.to_string(), reason: "the sweep's values are too large" };
    let mut rows = Vec::new();
    for k in 0u128.. {
        // from + k * step = (f.n * s.d + k * s.n * f.d) / (f.d * s.d).
        let numer = from
            .numer()
            .checked_mul(step.denom())
            .and_then(|a| k.checked_mul(step.numer())?.checked_mul(from.denom())?.checked_add(a))
            .ok_or_else(overflow)?;
        let denom = from.denom().checked_mul(step.denom()).ok_or_else(overflow)?;
        let value = Ratio::new(numer, denom)?;
        if value > to {
            break;
        }
        if rows.len() == MAX_ROWS {
            return Err(Error::SweepTooLong { max: MAX_ROWS });
        }
        let threshold = Threshold::new(value)?;
        let t = ListTier { threshold, ..tier.clone() };
        rows.push(row(&t, lists, against_all, Setting::Threshold(threshold)));
    }
    Ok(Sweep { parties, rows })
}

/// `lists` with every list-tier size in `houses`, the tier's other rules
/// unchanged.
///
/// # Errors
///
/// Name errors; [`Error::SweepTooLong`] for more than [`MAX_ROWS`] sizes; a
/// size of 0 is a row's error.
pub fn by_house(
    tier: &ListTier,
    lists: &[PartyList],
    against_all: u64,
    houses: RangeInclusive<u32>,
) -> Result<Sweep> {
    let parties = names(lists)?;
    let count = (*houses.end() as u64 + 1).saturating_sub(*houses.start() as u64);
    if count > MAX_ROWS as u64 {
        return Err(Error::SweepTooLong { max: MAX_ROWS });
    }
    let rows = houses
        .map(|h| {
            let t = ListTier { seats: h, ..tier.clone() };
            row(&t, lists, against_all, Setting::House(h))
        })
        .collect();
    Ok(Sweep { parties, rows })
}

pub use crate::rules::compensatory::{CompensatoryError, Overhang, least_house_where};

/// A design of a body, to be applied to the same ballots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Design {
    /// The body under its own rules: the first row of every [`designs`]
    /// table.
    AsGiven,
    /// Every seat of the body by list, under the list tier's rules (the
    /// district ballots are not used).
    AllList,
    /// A compensatory (mixed-member proportional) list tier instead of the
    /// parallel one, with the district results of the body as given; see
    /// [`crate::compensatory`]. What happens to overhang is the option.
    Compensatory(Overhang),
    /// A preset's rules with overrides (another method, threshold, tier
    /// sizes, ...).
    Preset {
        /// The preset.
        preset: Preset,
        /// The changes.
        overrides: Overrides,
    },
    /// Any other body.
    Custom(Body),
}

/// The alternatives `saylau compare --by designs` and the report show: all
/// seats by list, and a compensatory list tier with overhang kept and
/// levelled.
pub const ALTERNATIVES: [Design; 3] =
    [Design::AllList, Design::Compensatory(Overhang::Keep), Design::Compensatory(Overhang::Level)];

/// Why a design could not be counted: the count's error
/// ([`CompensatoryError::Count`]), or, for a compensatory design, district
/// results missing ([`CompensatoryError::DistrictResultsMissing`]).
pub type DesignError = CompensatoryError;

/// A design's seats, per party in the order of [`DesignTable::parties`].
///
/// Every seat is accounted: `house` is the parties' seats plus
/// `independents`, `vacant` and `undecided`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DesignSeats {
    /// The body's size under this design (more than the statutory size when
    /// overhang is kept or levelled).
    pub house: u32,
    /// Total seats per party.
    pub seats: Vec<u32>,
    /// List seats per party.
    pub list_seats: Vec<u32>,
    /// District seats per party.
    pub district_seats: Vec<u32>,
    /// Seats of self-nominated members.
    pub independents: u32,
    /// Seats the rules left empty (lists too short, repeat elections).
    pub vacant: u32,
    /// Seats with no result given (no lists, or fewer districts than the
    /// tier has).
    pub undecided: u32,
    /// Overhang seats (compensatory designs): district seats beyond the
    /// party's proportional share at the statutory size.
    pub overhang: u32,
    /// Seats added to level the overhang ([`Overhang::Level`]).
    pub levelling: u32,
}

/// One design and what it gave: its seats, or why it could not be counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesignRow {
    /// The design.
    pub design: Design,
    /// Its seats, or why it could not be counted.
    pub outcome: std::result::Result<DesignSeats, DesignError>,
}

impl DesignRow {
    /// The seats, when the design was counted.
    pub fn seats(&self) -> Option<&DesignSeats> {
        self.outcome.as_ref().ok()
    }
}

/// The same ballots under several designs; the first row is the body as
/// given ([`Design::AsGiven`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesignTable {
    /// Every party seen in any design, in order of first appearance.
    pub parties: Vec<String>,
    /// One row per design.
    pub rows: Vec<DesignRow>,
}

/// A design's seats before the parties are aligned across designs.
struct Outcome {
    house: u32,
    parties: Vec<PartySeats>,
    independents: u32,
    vacant: u32,
    undecided: u32,
    overhang: u32,
    levelling: u32,
}

impl From<&BodyResult> for Outcome {
    fn from(r: &BodyResult) -> Outcome {
        Outcome {
            house: r.seats,
            parties: r
                .parties
                .iter()
                .map(|p| PartySeats {
                    party: p.party.clone(),
                    list: p.list_seats,
                    district: p.district_seats,
                })
                .collect(),
            independents: r.independents,
            vacant: r.vacant,
            undecided: r.undecided,
            overhang: 0,
            levelling: 0,
        }
    }
}

impl From<CompensatoryResult> for Outcome {
    fn from(r: CompensatoryResult) -> Outcome {
        Outcome {
            house: r.house,
            parties: r.parties,
            independents: r.independents,
            vacant: r.vacant,
            undecided: 0,
            overhang: r.overhang,
            levelling: r.levelling,
        }
    }
}

/// Compares `body` as given with each of `designs` on the same `ballots`.
///
/// ```
/// use saylau::compare::{Design, Overhang, designs};
/// use saylau::district::{Candidate, District};
/// use saylau::system::{Ballots, Overrides, PartyList, Preset};
/// // A body of 4 list seats and 2 districts, both won by A's nominees.
/// let body = Preset::RegionalMaslikhat.body(&Overrides {
///     list_seats: Some(4), district_seats: Some(2), ..Default::default() })?;
/// let district = |name: &str| District { name: name.into(), against_all: 0, candidates: vec![
///     Candidate { name: format!("{name}-a"), party: Some("A".into()), votes: 60 },
///     Candidate { name: format!("{name}-b"), party: Some("B".into()), votes: 40 },
/// ] };
/// let ballots = Ballots {
///     lists: vec![
///         PartyList { party: "A".into(), votes: 500, candidates: None },
///         PartyList { party: "B".into(), votes: 500, candidates: None },
///     ],
///     against_all: 0,
///     districts: vec![district("D1"), district("D2")],
/// };
/// let t = designs(&body, &ballots, &[Design::AllList, Design::Compensatory(Overhang::Keep)])?;
/// assert_eq!(t.parties, ["A", "B"]);
/// assert_eq!(t.rows[0].design, Design::AsGiven);
/// let seats = |i: usize| t.rows[i].seats().unwrap().seats.clone();
/// // Parallel: A 2 + 2, B 2 + 0. All by list: 3 and 3.
/// assert_eq!(seats(0), [4, 2]);
/// assert_eq!(seats(1), [3, 3]);
/// // Compensatory: 6 seats split 3 / 3; A's 2 districts count against its 3.
/// assert_eq!(seats(2), [3, 3]);
/// assert_eq!(t.rows[2].seats().unwrap().list_seats, [1, 3]);
///
/// // Without the district results a compensatory tier cannot be counted.
/// let lists_only = Ballots { districts: vec![], ..ballots };
/// let t = designs(&body, &lists_only, &[Design::Compensatory(Overhang::Keep)])?;
/// assert_eq!(
///     t.rows[1].outcome.as_ref().unwrap_err().to_string(),
///     "a compensatory tier needs every district's result: 0 of 2 given"
/// );
/// # Ok::<(), saylau::Error>(())
/// ```
///
/// # Errors
///
/// The errors of [`Body::elect`] for `body` as given. A design that cannot
/// be counted is not an error: its row says why.
pub fn designs(body: &Body, ballots: &Ballots, designs: &[Design]) -> Result<DesignTable> {
    let given = body.elect(ballots)?;
    let mut outcomes: Vec<(Design, std::result::Result<Outcome, DesignError>)> =
        vec![(Design::AsGiven, Ok(Outcome::from(&given)))];
    for d in designs {
        let outcome = match d {
            Design::AsGiven => Ok(Outcome::from(&given)),
            Design::AllList => all_list(body, ballots).map_err(DesignError::from),
            Design::Compensatory(o) => compensatory(body, ballots, &given, *o).map(Outcome::from),
            Design::Preset { preset, overrides } => preset
                .body(overrides)
                .and_then(|b| b.elect(ballots))
                .map(|r| Outcome::from(&r))
                .map_err(DesignError::from),
            Design::Custom(b) => b.elect(ballots).map(|r| Outcome::from(&r)).map_err(DesignError::from),
        };
        outcomes.push((d.clone(), outcome));
    }
    let mut parties: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for (_, o) in &outcomes {
        for p in o.iter().flat_map(|o| &o.parties) {
            index.entry(p.party.clone()).or_insert_with(|| {
                parties.push(p.party.clone());
                parties.len() - 1
            });
        }
    }
    let n = parties.len();
    let rows = outcomes
        .into_iter()
        .map(|(design, o)| {
            let outcome = o.map(|o| {
                let (mut list, mut district) = (vec![0u32; n], vec![0u32; n]);
                for p in &o.parties {
                    if let Some(&at) = index.get(&p.party) {
                        list[at] = list[at].saturating_add(p.list);
                        district[at] = district[at].saturating_add(p.district);
                    }
                }
                DesignSeats {
                    house: o.house,
                    seats: list.iter().zip(&district).map(|(a, b)| a.saturating_add(*b)).collect(),
                    list_seats: list,
                    district_seats: district,
                    independents: o.independents,
                    vacant: o.vacant,
                    undecided: o.undecided,
                    overhang: o.overhang,
                    levelling: o.levelling,
                }
            });
            DesignRow { design, outcome }
        })
        .collect();
    Ok(DesignTable { parties, rows })
}

fn all_list(body: &Body, ballots: &Ballots) -> Result<Outcome> {
    let tier = body.list.as_ref().ok_or_else(|| Error::NoListTierToCompare { body: body.name.clone() })?;
    let b = Body {
        name: body.name.clone(),
        list: Some(ListTier { seats: body.seats(), ..tier.clone() }),
        districts: None,
        preset: None,
    };
    let ballots =
        Ballots { lists: ballots.lists.clone(), against_all: ballots.against_all, districts: vec![] };
    b.elect(&ballots).map(|r| Outcome::from(&r))
}
