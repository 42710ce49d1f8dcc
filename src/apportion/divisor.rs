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
        /// `p / 2q` as a float, for the estimate only.
        half: f64,
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
            Method::ModifiedSainteLague(r) => {
                Kind::Modified { p: r.numer(), q: r.denom(), half: r.to_f64() / 2.0 }
            }
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
    #[inline(always)]
    fn quotient(self, v: u64, s: u32) -> Q {
        let (v, s) = (v as u128, s as u128);
        let (num, den) = match self {
            Kind::DHondt => (v, s + 1),
            Kind::SainteLague => (v, 2 * s + 1),
            Kind::Modified { p, q, .. } => (v * q, if s == 0 { p } else { q * (2 * s + 1) }),
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

    /// How many of the divisors `d(0), d(1), ...`, on the scale where they
    /// grow by about 1 a seat, are at most `x`: the seats a party with
    /// `x` divisors' worth of votes wins. A float, used only for the estimate.
    fn seats_at(self, x: f64) -> f64 {
        // `floor` of a non-negative number by truncation (a libm call is slower).
        let floor = |y: f64| if y > 0.0 { (y as u64) as f64 } else { 0.0 };
        match self {
            Kind::HuntingtonHill => floor((-1.0 + (1.0 + 4.0 * x * x).sqrt()) / 2.0) + 1.0,
            Kind::Dean => floor(((x - 1.0) + (x * x + 1.0).sqrt()) / 2.0) + 1.0,
            Kind::Modified { half, .. } => {
                if x < half {
                    0.0
                } else {
                    1.0 + floor(x - 0.5)
                }
            }
            _ => {
                let c = self.offset();
                if x < c { 0.0 } else { floor(x - c) + 1.0 }
            }
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
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        self.q.cmp(other.q).then(other.i.cmp(&self.i))
    }
}

/// Below this many parties the correction scans instead of building heaps.
const SCAN_LIMIT: usize = 24;

/// Reusable buffers of the many-party correction (part of the public
/// `Scratch`): the heaps' storage and the parties changed. Kept empty
/// between calls; only their capacity is reused.
#[derive(Debug, Clone, Default)]
pub(crate) struct Buffers {
    entries: Vec<Entry>,
    reversed: Vec<Reverse<Entry>>,
    changed: Vec<usize>,
}

/// The inputs of one divisor count, which travel together: the votes, the
/// house size and the tie policy. The divisors ([`Kind`]) go beside it: in
/// the struct, the correction's loops kept fewer values in registers
/// (callgrind counted 3% more instructions for D'Hondt on 1,000 parties).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Input<'a> {
    /// The votes, one entry per party.
    pub(crate) votes: &'a [u64],
    /// The sum of `votes`.
    pub(crate) total: u128,
    /// The number of parties with votes.
    pub(crate) positive: usize,
    /// The house size.
    pub(crate) seats: u32,
    /// How a tie for the last seats is broken.
    pub(crate) ties: TieBreak,
}

/// Allocates `input.seats` seats by `kind`, writing them to `s`
/// (`s.len() == input.votes.len()`) and reusing `buffers`. Allocates only to
/// break a tie or when the float estimate was inconsistent (then the heaps
/// of [`correct_by_heaps`]).
pub(crate) fn apportion_into(
    kind: Kind,
    input: &Input<'_>,
    s: &mut [u32],
    buffers: &mut Buffers,
) -> Result<Option<TieResolution>> {
    let Input { votes, total, positive, seats, ties } = *input;
    estimate(kind, votes, total, positive, seats, s);
    let given: u64 = s.iter().map(|&x| x as u64).sum();
    let target = seats as u64;
    let extremes = if votes.len() <= SCAN_LIMIT {
        correct_by_scan(kind, votes, s, given, target)
    } else {
        match adjust_count(kind, votes, s, given, target, buffers) {
            (Some((_, b)), Some((_, w))) if b.cmp(w) == Ordering::Greater => {
                // The float estimate was not consistent with any one divisor
                // (a quotient within rounding of a signpost): exchange seats.
                correct_by_heaps(kind, votes, s, target, target);
                scan_extremes(kind, votes, s)
            }
            extremes => extremes,
        }
    };
    break_tie(kind, votes, s, extremes, ties)
}

/// Seats from one float divisor `V / (S + P(c - 1/2))`, written to `s`. Only
/// a starting point: the correction steps make it exact.
fn estimate(kind: Kind, votes: &[u64], total: u128, positive: usize, seats: u32, s: &mut [u32]) {
    let c = kind.offset();
    let target = seats as f64 + positive as f64 * (c - 0.5);
    let floor_one = kind.first_divisor_is_zero() && positive <= seats as usize;
    let scale = if target > 0.0 { target / total as f64 } else { 0.0 };
    for (si, &v) in s.iter_mut().zip(votes) {
        *si = if v == 0 {
            0
        } else {
            let est = kind.seats_at(v as f64 * scale);
            // `as` saturates and maps NaN to 0; the clamp keeps it within the house.
            let e = est.clamp(0.0, seats as f64) as u32;
            if floor_one { e.max(1) } else { e }
        };
    }
}

/// The best claim to a further seat and the weakest seat held.
type Extremes = (Option<(usize, Q)>, Option<(usize, Q)>);

/// The best next claim (max) and the weakest held seat (min), by scanning.
fn scan_extremes(kind: Kind, votes: &[u64], s: &[u32]) -> Extremes {
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

/// Corrects `s` one seat at a time by scanning; returns the final extremes.
fn correct_by_scan(kind: Kind, votes: &[u64], s: &mut [u32], mut given: u64, target: u64) -> Extremes {
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
            extremes => return extremes,
        }
    }
}

/// Brings the total to `target` when there are many parties, in one pass
/// over the parties plus `O(k log k)` for the `k` seats to add or remove,
/// and returns the extremes of the result.
///
/// Each party's claims fall seat by seat, so a party that takes one of the
/// `k` best further claims has its first further claim among the `k` best
/// first claims: keeping the `k + 1` best first claims (one more, so that at
/// least one party in the set is left unchanged and gives the best claim
/// among the unchanged) is exact. Likewise for the `k` weakest seats held.
#[expect(
    clippy::too_many_lines,
    reason = "the add and remove branches mirror each other; one loop keeps the exact correction readable in one place"
)]
fn adjust_count(
    kind: Kind,
    votes: &[u64],
    s: &mut [u32],
    given: u64,
    target: u64,
    buffers: &mut Buffers,
) -> Extremes {
    if given == target {
        return scan_extremes(kind, votes, s);
    }
    let adding = given < target;
    let k = given.abs_diff(target) as usize;
    let m = k.saturating_add(1);
    // Adding: the m best next claims (a min-heap, so the weakest kept is on
    // top). Removing: the m weakest held seats (a max-heap). Both on the
    // reused (empty) storage of `buffers`.
    let mut best_next: BinaryHeap<Reverse<Entry>> = BinaryHeap::from(std::mem::take(&mut buffers.reversed));
    let mut weakest_held: BinaryHeap<Entry> = BinaryHeap::from(std::mem::take(&mut buffers.entries));
    let (mut best, mut worst): Extremes = (None, None);
    for (i, (&v, &si)) in votes.iter().zip(s.iter()).enumerate() {
        if v == 0 {
            continue;
        }
        let next = kind.quotient(v, si);
        if best.is_none_or(|(_, b)| next.cmp(b) == Ordering::Greater) {
            best = Some((i, next));
        }
        if adding {
            let e = Entry { q: next, i, s: si };
            if best_next.len() < m {
                best_next.push(Reverse(e));
            } else if best_next.peek().is_some_and(|w| e.cmp(&w.0) == Ordering::Greater) {
                best_next.pop();
                best_next.push(Reverse(e));
            }
        }
        if si > 0 {
            let held = kind.quotient(v, si - 1);
            if worst.is_none_or(|(_, w)| held.cmp(w) == Ordering::Less) {
                worst = Some((i, held));
            }
            if !adding {
                let e = Entry { q: held, i, s: si };
                if weakest_held.len() < m {
                    weakest_held.push(e);
                } else if weakest_held.peek().is_some_and(|w| e.cmp(w) == Ordering::Less) {
                    weakest_held.pop();
                    weakest_held.push(e);
                }
            }
        }
    }
    let mut changed = std::mem::take(&mut buffers.changed);
    if adding {
        let kept = best_next.into_vec();
        let mut storage = weakest_held.into_vec();
        storage.extend(kept.iter().map(|r| r.0));
        let mut heap = BinaryHeap::from(storage);
        for _ in 0..k {
            let Some(top) = heap.pop() else { break };
            s[top.i] += 1;
            changed.push(top.i);
            heap.push(Entry { q: kind.quotient(votes[top.i], s[top.i]), i: top.i, s: s[top.i] });
        }
        // The best claim left: among the kept parties left unchanged, or a
        // changed party's new claim. The weakest seat: the old weakest or a
        // new seat (a changed party's new seat is below its old ones).
        best = None;
        for e in kept.iter().map(|r| r.0).filter(|e| s[e.i] == e.s) {
            if best.is_none_or(|(_, b)| e.q.cmp(b) == Ordering::Greater) {
                best = Some((e.i, e.q));
            }
        }
        for &i in &changed {
            let next = kind.quotient(votes[i], s[i]);
            if best.is_none_or(|(_, b)| next.cmp(b) == Ordering::Greater) {
                best = Some((i, next));
            }
            let held = kind.quotient(votes[i], s[i] - 1);
            if worst.is_none_or(|(_, w)| held.cmp(w) == Ordering::Less) {
                worst = Some((i, held));
            }
        }
        buffers.reversed = kept;
        buffers.entries = heap.into_vec();
    } else {
        let kept = weakest_held.into_vec();
        let mut storage = best_next.into_vec();
        storage.extend(kept.iter().copied().map(Reverse));
        let mut heap = BinaryHeap::from(storage);
        for _ in 0..k {
            let Some(Reverse(top)) = heap.pop() else { break };
            s[top.i] -= 1;
            changed.push(top.i);
            if s[top.i] > 0 {
                heap.push(Reverse(Entry {
                    q: kind.quotient(votes[top.i], s[top.i] - 1),
                    i: top.i,
                    s: s[top.i],
                }));
            }
        }
        worst = None;
        for e in kept.iter().filter(|e| s[e.i] == e.s) {
            if worst.is_none_or(|(_, w)| e.q.cmp(w) == Ordering::Less) {
                worst = Some((e.i, e.q));
            }
        }
        for &i in &changed {
            let next = kind.quotient(votes[i], s[i]);
            if best.is_none_or(|(_, b)| next.cmp(b) == Ordering::Greater) {
                best = Some((i, next));
            }
            if s[i] > 0 {
                let held = kind.quotient(votes[i], s[i] - 1);
                if worst.is_none_or(|(_, w)| held.cmp(w) == Ordering::Less) {
                    worst = Some((i, held));
                }
            }
        }
        buffers.entries = kept;
        buffers.reversed = heap.into_vec();
    }
    buffers.entries.clear();
    buffers.reversed.clear();
    changed.clear();
    buffers.changed = changed;
    (best, worst)
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
fn break_tie(
    kind: Kind,
    votes: &[u64],
    s: &mut [u32],
    extremes: Extremes,
    ties: TieBreak,
) -> Result<Option<TieResolution>> {
    let (Some((_, best)), Some((_, worst))) = extremes else {
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
