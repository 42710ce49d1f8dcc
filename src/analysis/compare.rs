//! "What if" comparisons as data: one vote vector under every method, a
//! threshold sweep and a house-size sweep, and a body's ballots under other
//! designs (all seats by list, a compensatory list tier, other rules).
//!
//! Every function returns a table (party names and one row per setting)
//! that serializes to JSON and prints as a table. A setting whose count fails
//! (an unbroken tie, no party over the threshold) is a row with the error's
//! message instead of seats: the comparison goes on.
//!
//! # Example
//!
//! ```
//! use saylau::compare::by_method;
//! use saylau::system::{Overrides, PartyList, Preset};
//! let lists: Vec<PartyList> = [("A", 100_000), ("B", 80_000), ("C", 30_000), ("D", 20_000)]
//!     .into_iter()
//!     .map(|(p, v)| PartyList { party: p.into(), votes: v, candidates: None })
//!     .collect();
//! let mut tier = Preset::Mazhilis.body(&Overrides::default())?.list.unwrap();
//! tier.seats = 8;
//! let table = by_method(&tier, &lists, 0)?;
//! assert_eq!(table.parties, ["A", "B", "C", "D"]);
//! let dhondt = table.rows.iter().find(|r| r.label == "D'Hondt").unwrap();
//! assert_eq!(dhondt.seats.as_deref(), Some(&[4, 3, 1, 0][..]));
//! # Ok::<(), saylau::Error>(())
//! ```

use std::collections::HashMap;
use std::ops::RangeInclusive;

use crate::apportion::{Apportioner, Method, TieResolution};
use crate::error::{Error, Result};
use crate::ratio::Ratio;
use crate::system::{Ballots, Body, BodyResult, ListTier, Overrides, PartyList, Preset};
use crate::threshold::Threshold;
use crate::votes::PartyVotes;

/// The most rows a sweep may have.
pub const MAX_ROWS: usize = 100_000;

/// The setting a row of a [`Table`] was computed under.
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

/// One setting's result.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Row {
    /// The setting.
    pub setting: Setting,
    /// The setting for people: `"D'Hondt"`, `"7%"`, `"69 seats"`.
    pub label: String,
    /// Seats per party, in the order of [`Table::parties`]; `None` if the
    /// count failed.
    pub seats: Option<Vec<u32>>,
    /// Which parties took part (passed the threshold); `None` if the count
    /// failed.
    pub eligible: Option<Vec<bool>>,
    /// The tie the policy broke, if any.
    pub tie: Option<TieResolution>,
    /// Why the count failed (an unbroken tie, no party over the threshold).
    pub error: Option<String>,
}

/// A comparison: party names and one row per setting.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Table {
    /// The parties, in input order.
    pub parties: Vec<String>,
    /// One row per setting, in order.
    pub rows: Vec<Row>,
}

impl Table {
    /// The rows of a threshold sweep as `(threshold in percent, seats)`
    /// points, for [`crate::svg::threshold_sweep`]; rows that could not be
    /// counted, and rows of other sweeps, are left out.
    pub fn threshold_points(&self) -> Vec<(f64, Vec<u32>)> {
        self.rows
            .iter()
            .filter_map(|r| match (&r.setting, &r.seats) {
                (Setting::Threshold(t), Some(s)) => Some((t.percent().to_f64(), s.clone())),
                _ => None,
            })
            .collect()
    }
}

fn names(lists: &[PartyList]) -> Result<Vec<String>> {
    let pv = PartyVotes::new(lists.iter().map(|l| (l.party.as_str(), l.votes)))?;
    Ok(pv.names().to_vec())
}

fn row(tier: &ListTier, lists: &[PartyList], against_all: u64, setting: Setting, label: String) -> Row {
    match tier.allocate(lists, against_all) {
        Ok(out) => Row {
            setting,
            label,
            seats: Some(out.seats),
            eligible: Some(out.eligible),
            tie: out.tie,
            error: None,
        },
        Err(e) => Row { setting, label, seats: None, eligible: None, tie: None, error: Some(e.to_string()) },
    }
}

/// `lists` under every method of [`Method::ALL`], the tier's other rules
/// unchanged.
///
/// # Errors
///
/// Name errors from [`PartyVotes::new`]; a failed count is a row's error.
pub fn by_method(tier: &ListTier, lists: &[PartyList], against_all: u64) -> Result<Table> {
    let parties = names(lists)?;
    let rows = Method::ALL
        .iter()
        .map(|&m| {
            let t = ListTier { method: m, ..tier.clone() };
            row(&t, lists, against_all, Setting::Method(m), m.label())
        })
        .collect();
    Ok(Table { parties, rows })
}

/// `lists` under thresholds `from`, `from + step`, ... up to `to` (percent,
/// exact), the tier's other rules unchanged.
///
/// ```
/// use saylau::compare::by_threshold;
/// use saylau::system::{Overrides, PartyList, Preset};
/// use saylau::Ratio;
/// let lists: Vec<PartyList> = [("A", 700), ("B", 240), ("C", 60)]
///     .into_iter()
///     .map(|(p, v)| PartyList { party: p.into(), votes: v, candidates: None })
///     .collect();
/// let tier = Preset::Mazhilis.body(&Overrides::default())?.list.unwrap();
/// let t = by_threshold(&tier, &lists, 0, Ratio::ZERO, Ratio::integer(10), "0.5".parse()?)?;
/// assert_eq!(t.rows.len(), 21);
/// assert_eq!(t.rows[12].label, "6%");
/// // C has 6%: it takes part up to a 6% threshold, not at 6.5%.
/// assert_eq!(t.rows[12].eligible.as_deref(), Some(&[true, true, true][..]));
/// assert_eq!(t.rows[13].eligible.as_deref(), Some(&[true, true, false][..]));
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
) -> Result<Table> {
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
        rows.push(row(&t, lists, against_all, Setting::Threshold(threshold), threshold.to_string()));
    }
    Ok(Table { parties, rows })
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
) -> Result<Table> {
    let parties = names(lists)?;
    let count = (*houses.end() as u64 + 1).saturating_sub(*houses.start() as u64);
    if count > MAX_ROWS as u64 {
        return Err(Error::SweepTooLong { max: MAX_ROWS });
    }
    let rows = houses
        .map(|h| {
            let t = ListTier { seats: h, ..tier.clone() };
            row(&t, lists, against_all, Setting::House(h), format!("{h} seats"))
        })
        .collect();
    Ok(Table { parties, rows })
}

/// What a compensatory list tier does with overhang seats: district seats a
/// party wins beyond its proportional share of the whole body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Overhang {
    /// The party keeps them and the body grows by as many seats; no one else
    /// is compensated (New Zealand's rule).
    #[default]
    Keep,
    /// The body grows, one seat at a time, until no party taking part in the
    /// list allocation has overhang: the least size at which every such
    /// party's proportional share covers its district seats (full levelling,
    /// as in Germany's Bundestag from 2013 to 2020, here in a single national
    /// tier without the Länder). Seats won in districts by parties not taking
    /// part cannot be levelled and are added as they are.
    Level,
}

/// An alternative design for a body, to be applied to the same ballots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Design {
    /// Every seat of the body by list, under the list tier's rules (the
    /// district ballots are not used).
    AllList,
    /// A compensatory (mixed-member proportional) list tier instead of the
    /// parallel one. The body's size `T` less the district seats not held by
    /// a party taking part in the list allocation (won by self-nominated
    /// candidates, by parties below the threshold or without a list, vacant
    /// or not decided) is apportioned among the lists taking part by the list
    /// method; each such party keeps its district seats and takes the rest
    /// of its share from its list. What happens to overhang is the option.
    /// List lengths are ignored.
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

/// One design's result, in the order of [`DesignTable::parties`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DesignRow {
    /// The design, for people.
    pub design: String,
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
    /// Seats left vacant or not decided.
    pub vacant: u32,
    /// Overhang seats (compensatory designs): district seats beyond the
    /// party's proportional share at the statutory size.
    pub overhang: u32,
    /// Seats added to level the overhang ([`Overhang::Level`]).
    pub levelling: u32,
    /// Why this design could not be counted (the other fields are then
    /// empty or zero).
    pub error: Option<String>,
}

/// The same ballots under several designs; the first row is the body as
/// given.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DesignTable {
    /// Every party seen in any design, in order of first appearance.
    pub parties: Vec<String>,
    /// One row per design.
    pub rows: Vec<DesignRow>,
}

/// One party's seats in a design, before alignment.
struct Seats {
    party: String,
    list: u32,
    district: u32,
}

struct Outcome {
    house: u32,
    parties: Vec<Seats>,
    independents: u32,
    vacant: u32,
    overhang: u32,
    levelling: u32,
}

fn from_result(r: &BodyResult) -> Outcome {
    Outcome {
        house: r.seats,
        parties: r
            .parties
            .iter()
            .map(|p| Seats { party: p.party.clone(), list: p.list_seats, district: p.district_seats })
            .collect(),
        independents: r.independents,
        vacant: r.vacant + r.undecided,
        overhang: 0,
        levelling: 0,
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
/// // Parallel: A 2 + 2, B 2 + 0. All by list: 3 and 3.
/// assert_eq!(t.rows[0].seats, [4, 2]);
/// assert_eq!(t.rows[1].seats, [3, 3]);
/// // Compensatory: 6 seats split 3 / 3; A's 2 districts count against its 3.
/// assert_eq!(t.rows[2].seats, [3, 3]);
/// assert_eq!(t.rows[2].list_seats, [1, 3]);
/// # Ok::<(), saylau::Error>(())
/// ```
///
/// # Errors
///
/// The errors of [`Body::elect`] for `body` as given. A design that cannot
/// be counted is not an error: its row says why.
pub fn designs(body: &Body, ballots: &Ballots, designs: &[Design]) -> Result<DesignTable> {
    let given = body.elect(ballots)?;
    let mut outcomes: Vec<(String, Result<Outcome>)> =
        vec![(format!("{} as given", body.name), Ok(from_result(&given)))];
    for d in designs {
        let label = label(body, d);
        let outcome = match d {
            Design::AllList => all_list(body, ballots),
            Design::Compensatory(o) => compensatory(body, ballots, &given, *o),
            Design::Preset { preset, overrides } => {
                preset.body(overrides).and_then(|b| b.elect(ballots)).map(|r| from_result(&r))
            }
            Design::Custom(b) => b.elect(ballots).map(|r| from_result(&r)),
        };
        outcomes.push((label, outcome));
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
        .map(|(design, o)| match o {
            Ok(o) => {
                let (mut list, mut district) = (vec![0u32; n], vec![0u32; n]);
                for p in &o.parties {
                    let at = index[&p.party];
                    list[at] = list[at].saturating_add(p.list);
                    district[at] = district[at].saturating_add(p.district);
                }
                DesignRow {
                    design,
                    house: o.house,
                    seats: list.iter().zip(&district).map(|(a, b)| a.saturating_add(*b)).collect(),
                    list_seats: list,
                    district_seats: district,
                    independents: o.independents,
                    vacant: o.vacant,
                    overhang: o.overhang,
                    levelling: o.levelling,
                    error: None,
                }
            }
            Err(e) => DesignRow {
                design,
                house: 0,
                seats: vec![],
                list_seats: vec![],
                district_seats: vec![],
                independents: 0,
                vacant: 0,
                overhang: 0,
                levelling: 0,
                error: Some(e.to_string()),
            },
        })
        .collect();
    Ok(DesignTable { parties, rows })
}

fn label(body: &Body, d: &Design) -> String {
    match d {
        Design::AllList => format!("all {} seats by list", body.seats()),
        Design::Compensatory(Overhang::Keep) => "compensatory list tier (MMP), overhang kept".into(),
        Design::Compensatory(Overhang::Level) => "compensatory list tier (MMP), overhang levelled".into(),
        Design::Preset { preset, overrides } => {
            let o = overrides;
            let mut parts = vec![preset.name().to_string()];
            let mut add = |k: &str, v: Option<String>| {
                if let Some(v) = v {
                    parts.push(format!("{k} {v}"));
                }
            };
            add("seats", o.seats.map(|s| s.to_string()));
            add("list seats", o.list_seats.map(|s| s.to_string()));
            add("district seats", o.district_seats.map(|s| s.to_string()));
            add("threshold", o.threshold.map(|t| t.to_string()));
            add("method", o.method.map(|m| m.label()));
            add("ties", o.ties.map(|t| t.to_string()));
            add("at least", o.min_parties.map(|n| format!("{n} parties")));
            add("against all", o.against_all_rule.map(|r| format!("{r:?}")));
            add("unfilled seats", o.unfilled_seats.map(|u| format!("{u:?}")));
            parts.join(", ")
        }
        Design::Custom(b) => format!("custom body {}", b.name),
    }
}

fn list_tier(body: &Body) -> Result<&ListTier> {
    body.list.as_ref().ok_or_else(|| Error::NoListTierToCompare { body: body.name.clone() })
}

fn all_list(body: &Body, ballots: &Ballots) -> Result<Outcome> {
    let tier = list_tier(body)?;
    let b = Body {
        name: body.name.clone(),
        list: Some(ListTier { seats: body.seats(), ..tier.clone() }),
        districts: None,
        preset: None,
    };
    let ballots =
        Ballots { lists: ballots.lists.clone(), against_all: ballots.against_all, districts: vec![] };
    b.elect(&ballots).map(|r| from_result(&r))
}

fn compensatory(body: &Body, ballots: &Ballots, given: &BodyResult, overhang: Overhang) -> Result<Outcome> {
    let tier = list_tier(body)?;
    let lists: Vec<PartyList> =
        ballots.lists.iter().map(|l| PartyList { candidates: None, ..l.clone() }).collect();
    // Which lists take part does not depend on the seats.
    let eligible = ListTier { seats: 1, ..tier.clone() }.allocate(&lists, ballots.against_all)?.eligible;
    // District seats of each list taking part, by position.
    let mut district = vec![0u32; lists.len()];
    let position: HashMap<&str, usize> = lists.iter().enumerate().map(|(i, l)| (l.party.trim(), i)).collect();
    let mut outside = 0u32; // district seats not held by a party taking part
    for p in &given.parties {
        match position.get(p.party.as_str()) {
            Some(&i) if eligible[i] => district[i] += p.district_seats,
            _ => outside += p.district_seats,
        }
    }
    let held: u32 = district.iter().sum();
    // The seats of the proportional allocation: the list seats plus the
    // district seats held by parties taking part; the other district seats
    // (self-nominated, parties not taking part, vacant, not decided) are
    // outside it.
    let districts_total = body.districts.as_ref().map_or(0, |d| d.seats);
    let base = body.seats() - districts_total + held;
    let vacant =
        districts_total.saturating_sub(held.saturating_add(outside).saturating_add(given.independents));
    let share = |seats: u32| -> Result<Vec<u32>> {
        Ok(ListTier { seats, ..tier.clone() }.allocate(&lists, ballots.against_all)?.seats)
    };
    let covered = |s: &[u32]| s.iter().zip(&district).all(|(e, d)| e >= d);
    let entitled = share(base)?;
    let over: u32 = entitled.iter().zip(&district).map(|(e, d)| d.saturating_sub(*e)).sum();
    let (entitled, levelling) = match overhang {
        Overhang::Keep => (entitled, 0),
        Overhang::Level => {
            let size = level(base, tier.method, &|s| share(s).is_ok_and(|e| covered(&e)))?;
            (share(size)?, size - base)
        }
    };
    let mut parties: Vec<Seats> = lists
        .iter()
        .enumerate()
        .map(|(i, l)| Seats {
            party: l.party.trim().to_string(),
            list: entitled[i].saturating_sub(district[i]),
            district: district[i],
        })
        .collect();
    for p in &given.parties {
        match position.get(p.party.as_str()) {
            Some(&i) if eligible[i] => {}
            Some(&i) => parties[i].district += p.district_seats,
            None => parties.push(Seats { party: p.party.clone(), list: 0, district: p.district_seats }),
        }
    }
    let seated = parties.iter().fold(0u32, |n, p| n.saturating_add(p.list).saturating_add(p.district));
    Ok(Outcome {
        house: seated.saturating_add(given.independents).saturating_add(vacant),
        parties,
        independents: given.independents,
        vacant,
        overhang: over,
        levelling,
    })
}

/// The least house size `>= base` at which `ok` holds: a binary search for
/// divisor methods (house monotone: a party's share never falls as the house
/// grows), a scan one seat at a time for largest remainders (which can lose
/// a seat as the house grows, the Alabama paradox).
fn level(base: u32, method: Method, ok: &dyn Fn(u32) -> bool) -> Result<u32> {
    const SCAN: u32 = 100_000;
    if ok(base) {
        return Ok(base);
    }
    if method.is_divisor() {
        let (mut lo, mut hi) = (base, base);
        loop {
            // lo fails; find hi that holds.
            let next = hi
                .checked_add((hi - base).max(1))
                .ok_or(Error::TooManySeats { seats: u32::MAX as u64 + 1, max: u32::MAX as u64 })?;
            if ok(next) {
                hi = next;
                break;
            }
            lo = next;
            hi = next;
        }
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if ok(mid) { hi = mid } else { lo = mid }
        }
        return Ok(hi);
    }
    for size in base.saturating_add(1)..=base.saturating_add(SCAN) {
        if ok(size) {
            return Ok(size);
        }
    }
    Err(Error::LevellingTooLarge { extra: SCAN })
}

/// An apportioner with `tier`'s method and tie policy (for callers who want
/// to run the [`crate::paradox`] detectors on a tier).
pub fn apportioner(tier: &ListTier) -> Apportioner {
    Apportioner::new(tier.method).ties(tier.ties)
}
