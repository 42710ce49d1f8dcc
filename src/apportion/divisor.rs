//! Divisor (highest averages) methods: an estimate, then exact correction.

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;

use super::tie::{TieResolution, resolve};
use super::{DivisorAudit, DivisorRow, Method, Quotient, TieBreak};
use crate::arith::cmp_products;
use crate::error::Result;

/// The divisor sequence of a method, private to the algorithm.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    DHondt,
    SainteLague,
    /// First divisor `p / q`, then 3, 5, 7, ...
    Modified {
        p: u128,
        q: u128,
    },
    HuntingtonHill,
    Adams,
    Dean,
    Danish,
    Imperiali,
}

/// A quotient `num / den` (for Huntington-Hill its square); `den == 0` is infinite.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Q {
    num: u128,
    den: u128,
}

impl Q {
    #[inline]
    fn cmp(self, other: Q) -> Ordering {
        cmp_products(self.num, other.den, other.num, self.den)
    }
}

impl Kind {
    pub(crate) fn of(method: Method) -> Kind {
        match method {
            Method::DHondt => Kind::DHondt,
            Method::SainteLague => Kind::SainteLague,
            Method::ModifiedSainteLague(r) => Kind::Modified { p: r.numer(), q: r.denom() },
            Method::HuntingtonHill => Kind::HuntingtonHill,
            Method::Adams => Kind::Adams,
            Method::Dean => Kind::Dean,
            Method::Danish => Kind::Danish,
            Method::Imperiali => Kind::Imperiali,
            // Quota methods never reach here; D'Hondt is a safe placeholder.
            Method::LargestRemainder(_) => Kind::DHondt,
        }
    }

    /// The claim of a party with `v` votes and `s` seats to seat `s + 1`.
    ///
    /// Bounds (v < 2^64, s < 2^32): every `num` and `den` fits in `u128`.
    #[inline]
    fn quotient(self, v: u64, s: u32) -> Q {
        let (v, s) = (v as u128, s as u128);
        let (num, den) = match self {
            Kind::DHondt => (v, s + 1),
            Kind::SainteLague => (v, 2 * s + 1),
            Kind::Modified { p, q } => (v * q, if s == 0 { p } else { q * (2 * s + 1) }),
            Kind::HuntingtonHill => (v * v, s * (s + 1)),
            Kind::Adams => (v, s),
            Kind::Dean => (v * (2 * s + 1), 2 * s * (s + 1)),
            Kind::Danish => (v, 3 * s + 1),
            Kind::Imperiali => (v, s + 2),
        };
        Q { num, den }
    }

    /// `c` in `d(s) ~ s + c` (divisors scaled so that they grow by 1 a seat).
    fn offset(self) -> f64 {
        match self {
            Kind::DHondt => 1.0,
            Kind::Adams => 0.0,
            Kind::Danish => 1.0 / 3.0,
            Kind::Imperiali => 2.0,
            _ => 0.5,
        }
    }

    fn first_divisor_is_zero(self) -> bool {
        matches!(self, Kind::HuntingtonHill | Kind::Adams | Kind::Dean)
    }

    fn public(self, q: Q) -> Quotient {
        Quotient::new(q.num, q.den, matches!(self, Kind::HuntingtonHill))
    }
}

/// A heap entry: party `i` when it held `s` seats, with claim `q`.
#[derive(Debug, Clone, Copy)]
struct Entry {
    q: Q,
    i: usize,
    s: u32,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.q.cmp(other.q).then(other.i.cmp(&self.i))
    }
}

/// Below this many parties the correction scans instead of building heaps.
const SCAN_LIMIT: usize = 24;

pub(crate) fn apportion(
    kind: Kind,
    votes: &[u64],
    total: u128,
    positive: usize,
    seats: u32,
    ties: TieBreak,
) -> Result<(Vec<u32>, Option<TieResolution>)> {
    let mut s = estimate(kind, votes, total, positive, seats);
    let given: u64 = s.iter().map(|&x| x as u64).sum();
    if votes.len() <= SCAN_LIMIT {
        correct_by_scan(kind, votes, &mut s, given, seats as u64);
    } else {
        correct_by_heaps(kind, votes, &mut s, given, seats as u64);
    }
    let tie = break_tie(kind, votes, &mut s, ties)?;
    Ok((s, tie))
}

/// Seats from one float divisor `V / (S + P(c - 1/2))`. Only a starting
/// point: [`correct_by_scan`] or [`correct_by_heaps`] make it exact.
fn estimate(kind: Kind, votes: &[u64], total: u128, positive: usize, seats: u32) -> Vec<u32> {
    let c = kind.offset();
    let target = seats as f64 + positive as f64 * (c - 0.5);
    let floor_one = kind.first_divisor_is_zero() && positive <= seats as usize;
    let scale = if target > 0.0 { target / total as f64 } else { 0.0 };
    votes
        .iter()
        .map(|&v| {
            if v == 0 {
                return 0;
            }
            let est = (v as f64 * scale - c).floor() + 1.0;
            // `as` saturates and maps NaN to 0; the clamp keeps it within the house.
            let e = est.clamp(0.0, seats as f64) as u32;
            if floor_one { e.max(1) } else { e }
        })
        .collect()
}

/// The best next claim (max) and the weakest held seat (min), by scanning.
fn scan_extremes(kind: Kind, votes: &[u64], s: &[u32]) -> (Option<(usize, Q)>, Option<(usize, Q)>) {
    let mut best: Option<(usize, Q)> = None;
    let mut worst: Option<(usize, Q)> = None;
    for (i, (&v, &si)) in votes.iter().zip(s).enumerate() {
        if v == 0 {
            continue;
        }
        let next = kind.quotient(v, si);
        if best.is_none_or(|(_, b)| next.cmp(b) == Ordering::Greater) {
            best = Some((i, next));
        }
        if si > 0 {
            let held = kind.quotient(v, si - 1);
            if worst.is_none_or(|(_, w)| held.cmp(w) == Ordering::Less) {
                worst = Some((i, held));
            }
        }
    }
    (best, worst)
}

fn correct_by_scan(kind: Kind, votes: &[u64], s: &mut [u32], mut given: u64, target: u64) {
    loop {
        let (best, worst) = scan_extremes(kind, votes, s);
        match (best, worst) {
            (Some((i, _)), _) if given < target => {
                s[i] += 1;
                given += 1;
            }
            (_, Some((j, _))) if given > target => {
                s[j] -= 1;
                given -= 1;
            }
            (Some((i, bq)), Some((j, wq))) if bq.cmp(wq) == Ordering::Greater => {
                s[i] += 1;
                s[j] -= 1;
            }
            _ => return,
        }
    }
}

fn correct_by_heaps(kind: Kind, votes: &[u64], s: &mut [u32], mut given: u64, target: u64) {
    let next_of = |i: usize, si: u32| Entry { q: kind.quotient(votes[i], si), i, s: si };
    let held_of = |i: usize, si: u32| Reverse(Entry { q: kind.quotient(votes[i], si - 1), i, s: si });
    let mut next: BinaryHeap<Entry> =
        (0..votes.len()).filter(|&i| votes[i] > 0).map(|i| next_of(i, s[i])).collect();
    let mut held: BinaryHeap<Reverse<Entry>> =
        (0..votes.len()).filter(|&i| s[i] > 0).map(|i| held_of(i, s[i])).collect();
    loop {
        while next.peek().is_some_and(|e| e.s != s[e.i]) {
            next.pop();
        }
        while held.peek().is_some_and(|e| e.0.s != s[e.0.i]) {
            held.pop();
        }
        let (up, down) = match (next.peek(), held.peek()) {
            (Some(n), _) if given < target => (Some(n.i), None),
            (_, Some(h)) if given > target => (None, Some(h.0.i)),
            (Some(n), Some(h)) if n.q.cmp(h.0.q) == Ordering::Greater => (Some(n.i), Some(h.0.i)),
            _ => return,
        };
        if let Some(i) = up {
            s[i] += 1;
            given += 1;
            next.push(next_of(i, s[i]));
            held.push(held_of(i, s[i]));
        }
        if let Some(j) = down {
            s[j] -= 1;
            given -= 1;
            next.push(next_of(j, s[j]));
            if s[j] > 0 {
                held.push(held_of(j, s[j]));
            }
        }
    }
}

/// With a correct allocation in `s`, finds whether the weakest seat given
/// and the best claim left are exactly equal. If so, the parties on that
/// quotient are tied for the seats held at it, and `ties` decides.
fn break_tie(kind: Kind, votes: &[u64], s: &mut [u32], ties: TieBreak) -> Result<Option<TieResolution>> {
    let (Some((_, best)), Some((_, worst))) = scan_extremes(kind, votes, s) else {
        return Ok(None);
    };
    if best.cmp(worst) != Ordering::Equal {
        return Ok(None);
    }
    let mut tied = Vec::new();
    let mut contested = 0u32;
    for (i, &v) in votes.iter().enumerate() {
        if v == 0 {
            continue;
        }
        if s[i] > 0 && kind.quotient(v, s[i] - 1).cmp(worst) == Ordering::Equal {
            // Quotients fall strictly with each seat, so a party holds at
            // most one seat at this quotient: take it back into the pool.
            s[i] -= 1;
            contested += 1;
            tied.push(i);
        } else if kind.quotient(v, s[i]).cmp(best) == Ordering::Equal {
            tied.push(i);
        }
    }
    let resolution = resolve(tied, contested, votes, ties)?;
    for &w in &resolution.winners {
        s[w] += 1;
    }
    Ok(Some(resolution))
}

pub(crate) fn explain(kind: Kind, votes: &[u64], seats: &[u32]) -> DivisorAudit {
    let mut parties = Vec::with_capacity(votes.len());
    let (mut low, mut high): (Option<Q>, Option<Q>) = (None, None);
    for (&v, &si) in votes.iter().zip(seats) {
        let last = (v > 0 && si > 0).then(|| kind.quotient(v, si - 1));
        let next = (v > 0).then(|| kind.quotient(v, si));
        if let Some(l) = last {
            low = Some(low.map_or(l, |x| if l.cmp(x) == Ordering::Less { l } else { x }));
        }
        if let Some(n) = next {
            high = Some(high.map_or(n, |x| if n.cmp(x) == Ordering::Greater { n } else { x }));
        }
        parties.push(DivisorRow {
            seats: si,
            last_quotient: last.map(|q| kind.public(q)),
            next_quotient: next.map(|q| kind.public(q)),
        });
    }
    DivisorAudit {
        lowest_winning: low.map(|q| kind.public(q)),
        highest_losing: high.map(|q| kind.public(q)),
        parties,
    }
}
