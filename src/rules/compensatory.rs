//! A compensatory (mixed-member proportional, MMP) list tier: the list
//! seats make each party's total proportional to its list vote, counting the
//! district seats it already won, instead of being allocated in parallel.
//!
//! The body's size `T` less the district seats not held by a party taking
//! part in the list allocation (won by self-nominated candidates, by parties
//! below the threshold or without a list, or left vacant) is apportioned
//! among the lists taking part by the list method; each such party keeps its
//! district seats and takes the rest of its share from its list. A party
//! whose district seats exceed its share has **overhang**; [`Overhang`] says
//! what happens to it. List lengths are ignored.
//!
//! The count needs every district's result: without them a party's district
//! seats, and so its list seats, are unknown, and the count is refused with
//! [`CompensatoryError::DistrictResultsMissing`].
//!
//! ```
//! use saylau::compensatory::{Overhang, compensatory};
//! use saylau::district::{Candidate, District};
//! use saylau::system::{Ballots, Overrides, PartyList, Preset};
//! // 4 list seats and 2 districts, both won by A's nominees.
//! let body = Preset::RegionalMaslikhat.body(&Overrides {
//!     list_seats: Some(4), district_seats: Some(2), ..Default::default() })?;
//! let district = |name: &str| District { name: name.into(), against_all: 0, candidates: vec![
//!     Candidate { name: format!("{name}-a"), party: Some("A".into()), votes: 60 },
//!     Candidate { name: format!("{name}-b"), party: Some("B".into()), votes: 40 },
//! ] };
//! let ballots = Ballots {
//!     lists: vec![
//!         PartyList { party: "A".into(), votes: 500, candidates: None },
//!         PartyList { party: "B".into(), votes: 500, candidates: None },
//!     ],
//!     against_all: 0,
//!     districts: vec![district("D1"), district("D2")],
//! };
//! let parallel = body.elect(&ballots)?;
//! let mmp = compensatory(&body, &ballots, &parallel, Overhang::Keep)?;
//! // 6 seats split 3 / 3; A's 2 districts count against its 3.
//! assert_eq!(mmp.house, 6);
//! assert_eq!((mmp.parties[0].list, mmp.parties[0].district), (1, 2));
//! assert_eq!((mmp.parties[1].list, mmp.parties[1].district), (3, 0));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashMap;

use crate::apportion::Method;
use crate::error::Error;
use crate::system::{Ballots, Body, BodyResult, ListTier, PartyList};

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

/// Why a compensatory count could not be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompensatoryError {
    /// Not every district has a result: the parties' district seats, and so
    /// their list seats, are unknown.
    #[error("a compensatory tier needs every district's result: {given} of {seats} given")]
    DistrictResultsMissing {
        /// Districts with a result.
        given: u32,
        /// The single-member seats.
        seats: u32,
    },
    /// The count itself failed (no list tier, a tie refused, no list over
    /// the threshold, a levelled body too large).
    #[error(transparent)]
    Count(#[from] Error),
}

/// One party's seats under a compensatory tier.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PartySeats {
    /// The party.
    pub party: String,
    /// Its list seats.
    pub list: u32,
    /// Its district seats, as won in the districts.
    pub district: u32,
}

/// The result of a compensatory count.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CompensatoryResult {
    /// The body's size: the statutory size plus overhang kept, or plus the
    /// levelling seats.
    pub house: u32,
    /// The lists in registration order, then the parties that won districts
    /// without a list.
    pub parties: Vec<PartySeats>,
    /// Seats of self-nominated members.
    pub independents: u32,
    /// District seats left vacant by the rules.
    pub vacant: u32,
    /// Overhang seats: district seats beyond the party's proportional share
    /// at the statutory size.
    pub overhang: u32,
    /// Seats added to level the overhang ([`Overhang::Level`]).
    pub levelling: u32,
}

/// Counts `body` with a compensatory list tier on `ballots`, taking the
/// district results from `parallel` (the body counted under its own rules,
/// [`Body::elect`]). The list tier's method, threshold and tie rule apply.
///
/// # Errors
///
/// [`CompensatoryError::DistrictResultsMissing`] when `parallel` has
/// districts without a result; [`CompensatoryError::Count`] with
/// [`Error::NoListTierToCompare`] for a body without a list tier, the list
/// count's errors, and [`Error::LevellingTooLarge`] or
/// [`Error::TooManySeats`] when levelling finds no size.
pub fn compensatory(
    body: &Body,
    ballots: &Ballots,
    parallel: &BodyResult,
    overhang: Overhang,
) -> Result<CompensatoryResult, CompensatoryError> {
    let tier = body.list.as_ref().ok_or_else(|| Error::NoListTierToCompare { body: body.name.clone() })?;
    let districts_total = body.districts.as_ref().map_or(0, |d| d.seats);
    let undecided = parallel.district.map_or(0, |t| t.undecided);
    if undecided > 0 {
        return Err(CompensatoryError::DistrictResultsMissing {
            given: districts_total.saturating_sub(undecided),
            seats: districts_total,
        });
    }
    let lists: Vec<PartyList> =
        ballots.lists.iter().map(|l| PartyList { candidates: None, ..l.clone() }).collect();
    // Which lists take part does not depend on the seats.
    let eligible = ListTier { seats: 1, ..tier.clone() }.allocate(&lists, ballots.against_all)?.eligible;
    // District seats of each list taking part, by position.
    let mut district = vec![0u32; lists.len()];
    let position: HashMap<&str, usize> = lists.iter().enumerate().map(|(i, l)| (l.party.trim(), i)).collect();
    let mut outside = 0u32; // district seats not held by a party taking part
    for p in &parallel.parties {
        match position.get(p.party.as_str()) {
            Some(&i) if eligible[i] => district[i] = district[i].saturating_add(p.district_seats),
            _ => outside = outside.saturating_add(p.district_seats),
        }
    }
    let held = district.iter().fold(0u32, |n, &d| n.saturating_add(d));
    // The seats of the proportional allocation: the list seats plus the
    // district seats held by parties taking part; the other district seats
    // (self-nominated, parties not taking part, vacant) are outside it.
    let base = body.seats().saturating_sub(districts_total).saturating_add(held);
    let vacant =
        districts_total.saturating_sub(held.saturating_add(outside).saturating_add(parallel.independents));
    let share = |seats: u32| -> Result<Vec<u32>, Error> {
        Ok(ListTier { seats, ..tier.clone() }.allocate(&lists, ballots.against_all)?.seats)
    };
    let covered = |s: &[u32]| s.iter().zip(&district).all(|(e, d)| e >= d);
    let entitled = share(base)?;
    let over = entitled.iter().zip(&district).fold(0u32, |n, (e, d)| n.saturating_add(d.saturating_sub(*e)));
    let (entitled, levelling) = match overhang {
        Overhang::Keep => (entitled, 0),
        Overhang::Level => {
            let size = least_house_where(base, tier.method, &|s| share(s).is_ok_and(|e| covered(&e)))?;
            (share(size)?, size - base)
        }
    };
    let mut parties: Vec<PartySeats> = lists
        .iter()
        .enumerate()
        .map(|(i, l)| PartySeats {
            party: l.party.trim().to_string(),
            list: entitled[i].saturating_sub(district[i]),
            district: district[i],
        })
        .collect();
    for p in &parallel.parties {
        match position.get(p.party.as_str()) {
            Some(&i) if eligible[i] => {}
            Some(&i) => parties[i].district = parties[i].district.saturating_add(p.district_seats),
            None => parties.push(PartySeats { party: p.party.clone(), list: 0, district: p.district_seats }),
        }
    }
    let seated = parties.iter().fold(0u32, |n, p| n.saturating_add(p.list).saturating_add(p.district));
    Ok(CompensatoryResult {
        house: seated.saturating_add(parallel.independents).saturating_add(vacant),
        parties,
        independents: parallel.independents,
        vacant,
        overhang: over,
        levelling,
    })
}

/// The most seats [`least_house_where`] adds one at a time under a largest
/// remainder method before giving up.
pub const LEVELLING_SCAN: u32 = 100_000;

/// The least house size `>= base` at which `holds` is true: a binary search
/// for divisor methods (house monotone: a party's share never falls as the
/// house grows), a scan one seat at a time for largest remainders (which can
/// lose a seat as the house grows, the Alabama paradox).
///
/// ```
/// use saylau::Method;
/// use saylau::compensatory::least_house_where;
/// assert_eq!(least_house_where(10, Method::DHondt, &|n| n >= 37)?, 37);
/// assert_eq!(least_house_where(10, Method::HARE, &|n| n % 7 == 0)?, 14);
/// # Ok::<(), saylau::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::TooManySeats`] when a divisor method's search passes
/// `u32::MAX`; [`Error::LevellingTooLarge`] when no size within
/// [`LEVELLING_SCAN`] seats holds under a largest remainder method.
pub fn least_house_where(base: u32, method: Method, holds: &dyn Fn(u32) -> bool) -> Result<u32, Error> {
    if holds(base) {
        return Ok(base);
    }
    if method.is_divisor() {
        // `fails` fails; grow `holding` by doubling the step until it holds.
        let (mut fails, mut holding) = (base, base);
        loop {
            let next = holding
                .checked_add((holding - base).max(1))
                .ok_or(Error::TooManySeats { seats: u32::MAX as u64 + 1, max: u32::MAX as u64 })?;
            if holds(next) {
                holding = next;
                break;
            }
            fails = next;
            holding = next;
        }
        while holding - fails > 1 {
            let mid = fails + (holding - fails) / 2;
            if holds(mid) { holding = mid } else { fails = mid }
        }
        return Ok(holding);
    }
    for size in base.saturating_add(1)..=base.saturating_add(LEVELLING_SCAN) {
        if holds(size) {
            return Ok(size);
        }
    }
    Err(Error::LevellingTooLarge { extra: LEVELLING_SCAN })
}
