//! Apportionment paradoxes, found with witnesses: which party, which house
//! sizes or vote vectors, which seats before and after.
//!
//! The phenomena and their names are those of M. L. Balinski and H. P.
//! Young, *Fair Representation: Meeting the Ideal of One Man, One Vote*
//! (Yale University Press, 1982; 2nd ed., Brookings Institution Press, 2001):
//!
//! - the **Alabama paradox** ([`alabama`]): a party loses a seat when the
//!   house grows by one (Alabama, 8 seats of 299 but 7 of 300 under
//!   Hamilton's method with the 1880 census);
//! - the **population paradox** ([`population`]): a party whose votes grow at
//!   least as fast (relatively) as another's loses a seat to it;
//! - the **new states paradox** ([`new_states`]): adding a party (Oklahoma in
//!   1907) with its fair share of new seats moves seats among the others;
//! - **quota violations** ([`quota_violations`]): a party's seats outside
//!   the floor and ceiling of its exact quota `v_i S / V`.
//!
//! Largest-remainder methods show the first three; divisor methods never do
//! (they are house and population monotone), but they violate quota
//! (Balinski and Young's impossibility theorem: no method does both).
//!
//! # Example
//!
//! ```
//! use saylau::paradox::alabama;
//! use saylau::{Method, TieBreak};
//! // Hamilton (Hare), votes 6, 6, 2 (14 in all). At 10 seats the quotas are
//! // 4.29, 4.29, 1.43: floors 4, 4, 1 and the last seat to the .43, C.
//! // At 11 seats: 4.71, 4.71, 1.57: floors 4, 4, 1, the two seats left to
//! // the .71s. C falls from 2 seats to 1 as the house grows.
//! let found = alabama(&Method::HARE.apportioner(), &[6, 6, 2], 10..=11)?;
//! assert_eq!(found.len(), 1);
//! assert_eq!((found[0].party, found[0].house, found[0].seats_before, found[0].seats_after), (2, 10, 2, 1));
//! // D'Hondt never shows it (A and B tie at odd sizes: the first listed wins).
//! let dhondt = Method::DHondt.apportioner().ties(TieBreak::ListOrder);
//! assert!(alabama(&dhondt, &[6, 6, 2], 1..=40)?.is_empty());
//! # Ok::<(), saylau::Error>(())
//! ```

use std::ops::RangeInclusive;

use crate::apportion::Apportioner;
use crate::arith::cmp_products;
use crate::error::{Error, Result};
use crate::ratio::Ratio;

/// A party that loses a seat when the house grows by one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AlabamaParadox {
    /// The party (input position).
    pub party: usize,
    /// The smaller house size; the larger is `house + 1`.
    pub house: u32,
    /// Its seats in a house of `house`.
    pub seats_before: u32,
    /// Its seats in a house of `house + 1` (fewer).
    pub seats_after: u32,
}

/// Every Alabama paradox between consecutive house sizes `h` and `h + 1`,
/// both in `houses`, in order of house size and then party.
///
/// # Errors
///
/// The apportionment's errors at any size ([`Error::NoSeats`] if the range
/// starts at 0, [`Error::Tie`] under [`crate::TieBreak::Error`]).
pub fn alabama(
    apportioner: &Apportioner,
    votes: &[u64],
    houses: RangeInclusive<u32>,
) -> Result<Vec<AlabamaParadox>> {
    let (first, last) = (*houses.start(), *houses.end());
    let mut found = Vec::new();
    if first >= last {
        return Ok(found);
    }
    let mut before = apportioner.apportion(votes, first)?.into_seats();
    for house in first..last {
        let after = apportioner.apportion(votes, house + 1)?.into_seats();
        for (party, (&b, &a)) in before.iter().zip(&after).enumerate() {
            if a < b {
                found.push(AlabamaParadox { party, house, seats_before: b, seats_after: a });
            }
        }
        before = after;
    }
    Ok(found)
}

/// A party whose votes grew at least as fast as a rival's, relatively, yet
/// lost a seat while the rival gained one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PopulationParadox {
    /// The party that grew at least as fast and lost a seat.
    pub faster: usize,
    /// The party that grew more slowly (or as fast) and gained a seat.
    pub slower: usize,
    /// `faster`'s votes before and after.
    pub faster_votes: [u64; 2],
    /// `slower`'s votes before and after.
    pub slower_votes: [u64; 2],
    /// `faster`'s seats before and after.
    pub faster_seats: [u32; 2],
    /// `slower`'s seats before and after.
    pub slower_seats: [u32; 2],
}

/// Every population paradox between two elections with the same parties
/// and house size: pairs `(a, b)`, both with votes before, where
/// `a_after / a_before >= b_after / b_before` (compared exactly) but `a`
/// loses seats and `b` gains. This is the population monotonicity of
/// Balinski and Young (2001, ch. 6).
///
/// ```
/// use saylau::Method;
/// use saylau::paradox::population;
/// // Hare, 9 seats. Before: 12, 12, 1 (25): quotas 4.32, 4.32, 0.36; the
/// // one seat left goes to C's .36: 4, 4, 1. After: 12, 15, 2 (29): quotas
/// // 3.72, 4.66, 0.62; floors 3, 4, 0; the two seats left go to .72 and
/// // .66: 4, 5, 0. C doubled its votes (B grew by a quarter) and lost its
/// // seat to B.
/// let found = population(&Method::HARE.apportioner(), &[12, 12, 1], &[12, 15, 2], 9)?;
/// assert_eq!(found.len(), 1);
/// assert_eq!((found[0].faster, found[0].slower), (2, 1));
/// assert_eq!((found[0].faster_seats, found[0].slower_seats), ([1, 0], [4, 5]));
/// # Ok::<(), saylau::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::LengthMismatch`] if the vectors differ in length; the
/// apportionment's errors for either vector.
pub fn population(
    apportioner: &Apportioner,
    before: &[u64],
    after: &[u64],
    seats: u32,
) -> Result<Vec<PopulationParadox>> {
    if before.len() != after.len() {
        return Err(Error::LengthMismatch {
            what: "population paradox: vote counts after the change",
            expected: before.len(),
            given: after.len(),
        });
    }
    let s0 = apportioner.apportion(before, seats)?.into_seats();
    let s1 = apportioner.apportion(after, seats)?.into_seats();
    let mut found = Vec::new();
    for a in 0..before.len() {
        if s1[a] >= s0[a] || before[a] == 0 {
            continue;
        }
        for b in 0..before.len() {
            if b == a || s1[b] <= s0[b] || before[b] == 0 {
                continue;
            }
            // a1 / a0 >= b1 / b0  <=>  a1 * b0 >= b1 * a0.
            let grew_faster =
                cmp_products(after[a] as u128, before[b] as u128, after[b] as u128, before[a] as u128)
                    .is_ge();
            if grew_faster {
                found.push(PopulationParadox {
                    faster: a,
                    slower: b,
                    faster_votes: [before[a], after[a]],
                    slower_votes: [before[b], after[b]],
                    faster_seats: [s0[a], s1[a]],
                    slower_seats: [s0[b], s1[b]],
                });
            }
        }
    }
    Ok(found)
}

/// One party's seats before and after a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SeatChange {
    /// The party (input position).
    pub party: usize,
    /// Seats before.
    pub before: u32,
    /// Seats after.
    pub after: u32,
}

/// The witness of a new states paradox.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NewStatesParadox {
    /// The new party's votes.
    pub new_votes: u64,
    /// Seats added to the house for it.
    pub added_seats: u32,
    /// The seats it won in the enlarged house.
    pub new_party_seats: u32,
    /// Whether it won exactly the seats added, so that the old parties
    /// share the old house size among themselves differently: the paradox in
    /// the strict sense.
    pub strict: bool,
    /// The old parties whose seats changed.
    pub changes: Vec<SeatChange>,
}

/// Adds a party with `new_votes` to `votes` (at the end) and enlarges the
/// house by `added_seats`, or by default by its fair share at the old ratio,
/// `new_votes * seats / Σ votes` rounded to nearest (halves up), exactly.
/// Returns the witness if any old party's seats change.
///
/// ```
/// use saylau::Method;
/// use saylau::paradox::new_states;
/// // Hare, 7 seats, votes 2, 12, 1 (15): quotas 0.93, 5.6, 0.47; floors
/// // 0, 5, 0; the 2 seats left go to .93 and .6: 1, 6, 0. A party with 3
/// // votes has fair share 3 * 7 / 15 = 1.4, so 1 seat: 8 seats for 2, 12,
/// // 1, 3 (18): quotas 0.89, 5.33, 0.44, 1.33; floors 0, 5, 0, 1; the 2
/// // left go to .89 and .44: 1, 5, 1, 1. B's seat moved to C.
/// let p = new_states(&Method::HARE.apportioner(), &[2, 12, 1], 7, 3, None)?.unwrap();
/// assert_eq!((p.added_seats, p.new_party_seats, p.strict), (1, 1, true));
/// assert_eq!(p.changes.len(), 2);
/// assert_eq!((p.changes[0].party, p.changes[0].before, p.changes[0].after), (1, 6, 5));
/// # Ok::<(), saylau::Error>(())
/// ```
///
/// # Errors
///
/// The apportionment's errors; [`Error::TooManySeats`] if the enlarged house
/// does not fit a `u32`.
pub fn new_states(
    apportioner: &Apportioner,
    votes: &[u64],
    seats: u32,
    new_votes: u64,
    added_seats: Option<u32>,
) -> Result<Option<NewStatesParadox>> {
    let before = apportioner.apportion(votes, seats)?.into_seats();
    let total: u128 = votes.iter().map(|&v| v as u128).sum();
    let added = match added_seats {
        Some(a) => a as u128,
        // round(n S / V) = floor((2 n S + V) / (2 V)); n S < 2^96.
        None => (2 * new_votes as u128 * seats as u128 + total) / (2 * total),
    };
    let house = seats as u128 + added;
    let house = u32::try_from(house)
        .map_err(|_| Error::TooManySeats { seats: house as u64, max: u32::MAX as u64 })?;
    let mut with_new = votes.to_vec();
    with_new.push(new_votes);
    let after = apportioner.apportion(&with_new, house)?.into_seats();
    let changes: Vec<SeatChange> = (0..votes.len())
        .filter(|&p| before[p] != after[p])
        .map(|p| SeatChange { party: p, before: before[p], after: after[p] })
        .collect();
    let new_party_seats = after[votes.len()];
    Ok((!changes.is_empty()).then(|| NewStatesParadox {
        new_votes,
        added_seats: house - seats,
        new_party_seats,
        strict: new_party_seats == house - seats,
        changes,
    }))
}

/// Which side of its quota a party's seats fall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum QuotaSide {
    /// Fewer seats than the floor of the quota.
    Lower,
    /// More seats than the ceiling of the quota.
    Upper,
}

/// A party whose seats fall outside the floor and ceiling of its exact
/// quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct QuotaViolation {
    /// The party (input position).
    pub party: usize,
    /// The house size.
    pub house: u64,
    /// Its seats.
    pub seats: u32,
    /// Its exact quota `v_i * house / V`.
    pub quota: Ratio,
    /// `floor(quota)`.
    pub lower: u64,
    /// `ceil(quota)`.
    pub upper: u64,
    /// Which bound it breaks.
    pub side: QuotaSide,
}

/// The quota violations of an allocation `seats` of `votes` (same order;
/// the house is `Σ seats`, and the quota is over `Σ votes`, so pass zero for
/// parties below a threshold).
///
/// ```
/// use saylau::Method;
/// use saylau::paradox::{QuotaSide, quota_violations};
/// // D'Hondt, 10 seats, votes 86, 7, 7: A's tenth quotient 8.6 beats B's
/// // and C's first, 7, so A takes all 10, above the ceiling 9 of its quota
/// // 8.6.
/// let votes = [86, 7, 7];
/// let seats = Method::DHondt.apportion(&votes, 10)?.into_seats();
/// assert_eq!(seats, vec![10, 0, 0]);
/// let v = quota_violations(&votes, &seats)?;
/// assert_eq!(v.len(), 1);
/// assert_eq!((v[0].party, v[0].upper, v[0].side), (0, 9, QuotaSide::Upper));
/// # Ok::<(), saylau::Error>(())
/// ```
///
/// # Errors
///
/// [`Error::LengthMismatch`] if the slices differ in length;
/// [`Error::NoParties`], [`Error::ZeroVotes`].
pub fn quota_violations(votes: &[u64], seats: &[u32]) -> Result<Vec<QuotaViolation>> {
    if votes.is_empty() {
        return Err(Error::NoParties);
    }
    if votes.len() != seats.len() {
        return Err(Error::LengthMismatch {
            what: "quota violations: seat counts for the vote counts",
            expected: votes.len(),
            given: seats.len(),
        });
    }
    let total: u128 = votes.iter().map(|&v| v as u128).sum();
    if total == 0 {
        return Err(Error::ZeroVotes);
    }
    let house: u64 = seats.iter().map(|&s| s as u64).sum();
    let mut found = Vec::new();
    for (party, (&v, &s)) in votes.iter().zip(seats).enumerate() {
        // v < 2^64 and house < 2^64: the product fits in u128.
        let numer = v as u128 * house as u128;
        let lower = (numer / total) as u64;
        let upper = numer.div_ceil(total) as u64;
        let side = if (s as u64) < lower {
            QuotaSide::Lower
        } else if s as u64 > upper {
            QuotaSide::Upper
        } else {
            continue;
        };
        found.push(QuotaViolation {
            party,
            house,
            seats: s,
            quota: Ratio::new(numer, total)?,
            lower,
            upper,
            side,
        });
    }
    Ok(found)
}

/// Every quota violation of `apportioner` at each house size in `houses`,
/// in order of size and party.
///
/// # Errors
///
/// The apportionment's errors at any size.
pub fn quota_violations_over_houses(
    apportioner: &Apportioner,
    votes: &[u64],
    houses: RangeInclusive<u32>,
) -> Result<Vec<QuotaViolation>> {
    let mut found = Vec::new();
    for house in houses {
        let seats = apportioner.apportion(votes, house)?.into_seats();
        found.extend(quota_violations(votes, &seats)?);
    }
    Ok(found)
}
