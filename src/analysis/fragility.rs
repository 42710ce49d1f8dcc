//! How far each party is from its next seat, and how many votes it could
//! lose and keep its seats, under a list tier's rules, computed exactly.
//!
//! For party `i` with `v_i` votes and `s_i` seats, the other parties' votes
//! and "against all" unchanged, let `seats_i(x)` be its seats when it has `x`
//! votes, under the tier's method, threshold (whose base includes the
//! party's own votes, so the base moves with `x`; "against all" counts if
//! the tier says so), "at least N parties" rule and tie policy. List lengths
//! are ignored (every list is assumed long enough).
//!
//! - **Votes to gain** is the least `k >= 1` with `seats_i(v_i + k) > s_i`.
//! - **Votes to lose** is the least `k >= 1` with `seats_i(v_i - k) < s_i`;
//!   the party can lose `k - 1` votes (its **spare votes**) and keep its
//!   seats, whatever it loses up to that.
//!
//! A tie that the policy resolves in the party's favour counts as a seat
//! won. A tie the policy cannot resolve ([`TieBreak::Error`], or
//! [`TieBreak::MoreVotes`] between equal votes) counts **against** the
//! party: it is given none of the contested seats, since it does not hold
//! them for certain. A count in which no party passes the threshold gives it
//! no seat.
//!
//! # How it is exact
//!
//! `seats_i(x)` is computed by a full exact apportionment, and the least `k`
//! is found by exponential and binary search on `x`, which is correct when
//! the predicate is monotone on the range searched:
//!
//! - **Divisor methods** are monotone in `x` on the whole range. A divisor
//!   method gives a party no fewer seats when its votes grow and the others'
//!   do not (vote monotonicity), and no fewer seats when a rival leaves the
//!   count (removing a party frees seats for the rest). When `x` grows, the
//!   threshold base grows, so the party can only start to pass it and rivals
//!   can only fall below it; under the "at least N parties" rule its rank can
//!   only rise. A tie that is resolved in its favour at `x` is won outright at
//!   `x + 1`. So `seats_i(x)` never decreases.
//! - **Largest-remainder methods** are not monotone in general: when `x`
//!   grows and a rival falls below the threshold, the quota shrinks, every
//!   remaining party's exact quota scales up, and another party's remainder
//!   can overtake the party's own (Balinski and Young, *Fair
//!   Representation*, 1982, on the population paradox). So the range of `x`
//!   is cut into **segments on which the set of parties taking part is
//!   constant** (the points where a rival's or the party's own eligibility
//!   flips, found exactly by binary search on [`Threshold::passes`](crate::Threshold::passes), and,
//!   under an "at least N parties" rule, the points where `x` passes another
//!   party's votes). Segments are examined in order; the search inside a
//!   segment is binary. Within a segment, the Hare quota is monotone: the
//!   party's exact quota `S x / V` grows while every other party's shrinks,
//!   so a rival overtakes its remainder only by losing a whole seat, which
//!   frees one more remainder seat.
//! - **The Droop, Hagenbach-Bischoff and Imperiali quotas** are not
//!   monotone even within a segment. Droop's whole-number quota
//!   `floor(V / (S + 1)) + 1` steps up by one vote every `S + 1` votes, and a
//!   party's whole seats can fall at the step: with 3 seats and a rival at
//!   14, the party has 3 seats at 45 votes (quota 15), is tied for its third
//!   at 46 (quota 16, remainders 14 and 14) and has 3 again at 47. So for
//!   these quotas every count within [`SCAN`] votes of the actual one is
//!   tried one by one, and only beyond that is the segment search used; the
//!   answer then says it is not proved least ([`Fragility::exact`]).
//!
//! Cost: `O(log V)` apportionments per party and direction for divisor
//! methods, plus one per segment for Hare, plus up to [`SCAN`] for the other
//! quotas.
//!
//! # Example
//!
//! ```
//! use saylau::fragility::fragility;
//! use saylau::system::{Overrides, Preset};
//! use saylau::{Method, Threshold, TieBreak};
//! let mut tier = Preset::Mazhilis.body(&Overrides::default())?.list.unwrap();
//! (tier.seats, tier.method, tier.threshold, tier.ties) = (8, Method::DHondt, Threshold::NONE, TieBreak::Error);
//! // Wikipedia's D'Hondt example: 4, 3, 1, 0 seats; the last seat went at
//! // 25,000 (A's 4th), the best loser was B's 4th at 20,000.
//! let rows = fragility(&tier, &[100_000, 80_000, 30_000, 20_000], 0)?;
//! assert_eq!(rows[0].seats, 4);
//! // B needs 4 x 25,000 = 100,000 for a 4th seat that beats A's 4th:
//! // 20,001 more votes (at exactly 100,000 it ties, and ties are refused).
//! assert_eq!(rows[1].votes_to_gain, Some(20_001));
//! // D needs 25,000 votes for a first seat: 5,001 more.
//! assert_eq!(rows[3].votes_to_gain, Some(5_001));
//! // D holds nothing, so it has nothing to lose.
//! assert_eq!(rows[3].votes_to_lose, None);
//! # Ok::<(), saylau::Error>(())
//! ```

use crate::apportion::{Method, TieBreak};
use crate::error::{Error, Result};
use crate::system::{ListTier, PartyList};
use crate::threshold::base;

/// One party's distance from its next seat and from losing one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Fragility {
    /// The party's position (input order).
    pub index: usize,
    /// The party's name, when the input had names.
    pub party: Option<String>,
    /// Its votes.
    pub votes: u64,
    /// Its seats under the rules.
    pub seats: u32,
    /// The fewest extra votes that give it more seats; `None` if no number of
    /// extra votes (up to `u64::MAX` in all) does.
    pub votes_to_gain: Option<u64>,
    /// Its seats with `votes_to_gain` more votes (can be more than one seat
    /// more).
    pub seats_after_gain: Option<u32>,
    /// The fewest lost votes that leave it fewer seats; `None` if it has no
    /// seat to lose.
    pub votes_to_lose: Option<u64>,
    /// Votes it can lose and keep all its seats: `votes_to_lose - 1`, or all
    /// its votes if it has no seat.
    pub spare_votes: u64,
    /// Whether both answers are proved least: always for divisor methods and
    /// Hare; for the other quotas, when each answer lies within [`SCAN`]
    /// votes of the actual count (every vote count in between was tried).
    /// When `false`, an answer beyond that range was found by the segment
    /// search, whose monotonicity is not proved for these quotas.
    pub exact: bool,
}

/// How many vote counts on each side are tried one by one for the Droop,
/// Hagenbach-Bischoff and Imperiali quotas before the segment search.
pub const SCAN: u64 = 4096;

/// [`Fragility`] of every party with votes `votes` (input order) under
/// `tier`, with `against_all` votes (counted in the threshold base if
/// `tier.against_all_in_base`). See the [module docs](self).
///
/// # Errors
///
/// The errors of [`ListTier::allocate_votes`] at the actual votes (an
/// unbroken tie, no party passing the threshold, no votes).
pub fn fragility(tier: &ListTier, votes: &[u64], against_all: u64) -> Result<Vec<Fragility>> {
    let current = tier.allocate_votes(votes, &vec![None; votes.len()], against_all)?.seats;
    (0..votes.len()).map(|i| one(tier, votes, against_all, i, current[i])).collect()
}

/// As [`fragility`], for named lists (list lengths are ignored).
///
/// # Errors
///
/// As [`fragility`], and name errors from [`crate::PartyVotes::new`].
pub fn fragility_of_lists(tier: &ListTier, lists: &[PartyList], against_all: u64) -> Result<Vec<Fragility>> {
    crate::votes::PartyVotes::new(lists.iter().map(|l| (l.party.as_str(), l.votes)))?;
    let votes: Vec<u64> = lists.iter().map(|l| l.votes).collect();
    let mut rows = fragility(tier, &votes, against_all)?;
    for (r, l) in rows.iter_mut().zip(lists) {
        r.party = Some(l.party.trim().to_string());
    }
    Ok(rows)
}

/// [`Fragility`] of the party at `party` alone.
///
/// # Errors
///
/// As [`fragility`]; [`Error::PartyOutOfRange`] if `party` is out of range.
pub fn party_fragility(tier: &ListTier, votes: &[u64], against_all: u64, party: usize) -> Result<Fragility> {
    if party >= votes.len() {
        return Err(Error::PartyOutOfRange { party, parties: votes.len() });
    }
    let current = tier.allocate_votes(votes, &vec![None; votes.len()], against_all)?.seats;
    one(tier, votes, against_all, party, current[party])
}

/// The seats of party `i` when it has `x` votes and the others keep theirs.
///
/// A tie that the tier's policy cannot resolve is resolved against the
/// party (it takes none of the contested seats: [`Tie::resolve_against`](crate::apportion::Tie::resolve_against));
/// a count where no party
/// passes the threshold, or no party has votes, gives it no seats.
///
/// # Panics
///
/// If `i` is not a position in `votes`.
pub fn seats_with(tier: &ListTier, votes: &[u64], against_all: u64, i: usize, x: u64) -> u32 {
    let mut v = votes.to_vec();
    v[i] = x;
    let none = vec![None; v.len()];
    // A tie the policy cannot break goes against the party, from the count
    // as it stands.
    tier.count(&v, &none, against_all, |tie, _| Ok(tie.resolve_against(i))).map_or(0, |o| o.seats[i])
}

/// Is the search proved monotone on each segment (divisor methods, Hare)?
fn proved(method: Method) -> bool {
    method.is_divisor() || method == Method::HARE
}

fn one(tier: &ListTier, votes: &[u64], against_all: u64, i: usize, s: u32) -> Result<Fragility> {
    let v = votes[i];
    let f = |x: u64| seats_with(tier, votes, against_all, i, x);
    let segments = segments(tier, votes, against_all, i);
    let proved = proved(tier.method);
    let mut exact = true;
    // Gain: least x > v with f(x) > s.
    let gained = |x: u64| f(x) > s;
    let mut gain_at = None;
    if v < u64::MAX && s < tier.seats {
        let mut from = v + 1;
        if !proved {
            let to = v.saturating_add(SCAN);
            gain_at = (from..=to).find(|&x| gained(x));
            from = to.saturating_add(1);
            exact = to == u64::MAX;
        }
        if gain_at.is_none() && from > v {
            for (a, b) in segments.iter().copied().filter(|&(_, b)| b >= from) {
                if gained(b) {
                    gain_at = Some(least(a.max(from), b, &gained));
                    break;
                }
            }
        } else {
            exact = true;
        }
    }
    // Loss: greatest x < v with f(x) < s.
    let lost = |x: u64| f(x) < s;
    let mut loss_at = None;
    if s > 0 && v > 0 {
        let mut below = v; // search x < below
        if !proved {
            let to = v.saturating_sub(SCAN);
            loss_at = (to..v).rev().find(|&x| lost(x));
            below = to;
        }
        if loss_at.is_none() && below > 0 {
            exact &= proved;
            for (a, b) in segments.iter().rev().copied().filter(|&(a, _)| a < below) {
                if lost(a) {
                    // lost holds at a and, by monotonicity, up to a boundary.
                    loss_at = Some(greatest(a, b.min(below - 1), &lost));
                    break;
                }
            }
        }
    }
    let votes_to_gain = gain_at.map(|x| x - v);
    let votes_to_lose = loss_at.map(|x| v - x);
    Ok(Fragility {
        index: i,
        party: None,
        votes: v,
        seats: s,
        votes_to_gain,
        seats_after_gain: gain_at.map(f),
        votes_to_lose,
        spare_votes: votes_to_lose.map_or(v, |k| k - 1),
        exact,
    })
}

/// The least `x` in `[a, b]` with `p(x)`, given `p(b)` and `p` monotone
/// (false then true) on `[a, b]`.
fn least(mut a: u64, mut b: u64, p: &impl Fn(u64) -> bool) -> u64 {
    // Exponential search from a, so that small answers cost few steps.
    let mut step = 1u64;
    while a < b {
        let probe = a.saturating_add(step - 1).min(b);
        if p(probe) {
            b = probe;
            break;
        }
        a = probe + 1;
        step = step.saturating_mul(2);
    }
    while a < b {
        let mid = a + (b - a) / 2;
        if p(mid) { b = mid } else { a = mid + 1 }
    }
    b
}

/// The greatest `x` in `[a, b]` with `p(x)`, given `p(a)` and `p` monotone
/// (true then false) on `[a, b]`.
fn greatest(mut a: u64, mut b: u64, p: &impl Fn(u64) -> bool) -> u64 {
    let mut step = 1u64;
    while a < b {
        let probe = b.saturating_sub(step - 1).max(a);
        if p(probe) {
            a = probe;
            break;
        }
        b = probe - 1;
        step = step.saturating_mul(2);
    }
    while a < b {
        let mid = a + (b - a).div_ceil(2);
        if p(mid) { a = mid } else { b = mid - 1 }
    }
    a
}

/// The range `[0, u64::MAX]` of the party's votes cut into segments on which
/// the monotone search is valid. Divisor methods need one segment.
/// Largest remainders need segments on which the set of parties taking part
/// is constant: cuts where a rival falls below the threshold,
/// where the party passes it, and (with an "at least N parties" rule) where
/// it passes a rival's votes.
fn segments(tier: &ListTier, votes: &[u64], against_all: u64, i: usize) -> Vec<(u64, u64)> {
    let mut starts: Vec<u64> = vec![0];
    // A lot draws over the parties tied at the boundary, so who else takes
    // part changes its outcome: a rival crossing the threshold (or being
    // admitted by the "at least N lists" rule) starts a new segment even for
    // a divisor method.
    let lot = matches!(tier.ties, TieBreak::Lot { .. });
    let divisor = tier.method.is_divisor() && !lot;
    let by_votes = !divisor && tier.min_parties > 0;
    if by_votes {
        for (j, &vj) in votes.iter().enumerate() {
            if j != i {
                starts.push(vj);
                starts.push(vj.saturating_add(1));
            }
        }
    }
    if !divisor {
        let extra = if tier.against_all_in_base { against_all } else { 0 };
        let others = base(votes, extra) - votes[i] as u128;
        let t = tier.threshold;
        // The party's own: passes at x iff x >= p, monotone increasing.
        let own = |x: u64| t.passes(x, others + x as u128);
        if let Some(x) = first_true(&own) {
            starts.push(x);
        }
        for (j, &vj) in votes.iter().enumerate() {
            if j == i || vj == 0 {
                continue;
            }
            // Rival j passes while x is small: first x at which it fails.
            let fails = |x: u64| !t.passes(vj, others + x as u128);
            if let Some(x) = first_true(&fails) {
                starts.push(x);
            }
        }
    }
    starts.sort_unstable();
    starts.dedup();
    let mut out = Vec::with_capacity(starts.len());
    for (k, &a) in starts.iter().enumerate() {
        let b = starts.get(k + 1).map_or(u64::MAX, |&n| n - 1);
        out.push((a, b));
    }
    out
}

/// The least `x` in `[0, u64::MAX]` where a monotone (false then true)
/// predicate holds.
fn first_true(p: &impl Fn(u64) -> bool) -> Option<u64> {
    if !p(u64::MAX) {
        return None;
    }
    Some(least(0, u64::MAX, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(method: Method, seats: u32, threshold: &str) -> ListTier {
        let base = crate::system::Preset::Mazhilis.body(&Default::default()).unwrap().list.unwrap();
        ListTier { seats, method, threshold: threshold.parse().unwrap(), ties: TieBreak::ListOrder, ..base }
    }

    /// Found by the brute-force property: under a lot, a divisor method's
    /// count is not monotone across a rival's threshold crossing, because
    /// the lot draws over a different set of tied parties. Huntington-Hill
    /// with one seat ties every list with votes at an infinite quotient;
    /// the list at position 2 wins the lot only once the list at position 0
    /// (4 votes) falls below 3% of the base, at 119 votes.
    #[test]
    fn a_lot_over_another_set_of_tied_lists_is_searched_separately() {
        let t = ListTier {
            min_parties: 2,
            ties: TieBreak::Lot { seed: 0 },
            ..tier(Method::HuntingtonHill, 1, "3")
        };
        let votes = [4, 5, 0, 6];
        let f = |x: u64| seats_with(&t, &votes, 0, 2, x);
        let brute = (1..=600).find(|&k| f(k) > 0);
        assert_eq!(brute, Some(119), "the brute-force search this case came from");
        let rows = fragility(&t, &votes, 0).unwrap();
        assert_eq!(rows[2].votes_to_gain, brute);
    }

    #[test]
    fn search_helpers() {
        assert_eq!(least(0, 100, &|x| x >= 37), 37);
        assert_eq!(least(5, 5, &|_| true), 5);
        assert_eq!(least(0, u64::MAX, &|x| x >= u64::MAX - 3), u64::MAX - 3);
        assert_eq!(greatest(0, 100, &|x| x <= 37), 37);
        assert_eq!(greatest(0, u64::MAX, &|x| x <= 2), 2);
        assert_eq!(greatest(0, u64::MAX, &|_| true), u64::MAX);
    }

    #[test]
    fn list_order_tie_counts_as_gain() {
        // 2 seats, D'Hondt, [100, 40]: A's quotients 100, 50; B's 40. At 50
        // votes B ties A's second quotient, and the list registered first (A)
        // wins ties: B needs 51, 11 more.
        let t = tier(Method::DHondt, 2, "0");
        let rows = fragility(&t, &[100, 40], 0).unwrap();
        assert_eq!(rows[1].votes_to_gain, Some(11));
        // A at 80 has second quotient 40, tied with B and won by A; at 79 it
        // is 39.5 and B takes the seat: A loses it with 21 fewer votes.
        assert_eq!(rows[0].votes_to_lose, Some(21));
        assert_eq!(rows[0].spare_votes, 20);
    }

    #[test]
    fn threshold_base_moves_with_own_votes() {
        // 5% of party votes: a party with 4 votes and others at 96 needs
        // 100 x >= 5 (96 + x), x >= 480/95 = 5.05: 6 votes. Then Hare, 10
        // seats, [50, 46, 6] of 102: quotas 4.90, 4.51, 0.59, floors 4, 4, 0,
        // the 2 remainder seats go to .90 and .59: one seat, 2 more votes.
        let t = tier(Method::HARE, 10, "5");
        let r = party_fragility(&t, &[50, 46, 4], 0, 2).unwrap();
        assert_eq!(r.seats, 0);
        assert_eq!(r.votes_to_gain, Some(2));
        assert_eq!(r.seats_after_gain, Some(1));
        assert!(party_fragility(&t, &[1], 0, 3).is_err());
    }
}
