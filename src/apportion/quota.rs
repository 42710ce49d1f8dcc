//! Largest-remainder methods.
//!
//! # The counting kernel
//!
//! With `m = S`, `S + 1` or `S + 2` (Hare, Hagenbach-Bischoff, Imperiali)
//! each party's whole seats and remainder are `(v m) div V` and `(v m) mod V`;
//! for Droop, `v div q` and `v mod q`. Every remainder then has the same
//! denominator, so remainders are compared as the integers themselves.
//!
//! The width is decided once per call ([`Plan`]): when `V m` (Droop: `V`)
//! fits in a `u64`, so does every `v m`, and the kernel runs on `u64`; only
//! otherwise on `u128`. On `u64` the division by the common divisor is a
//! multiplication by its reciprocal `floor(2^64 / d)`, computed once, and one
//! exact correction step (no division per party); on `u128` it is an exact
//! division.
//!
//! The `k` seats left after the whole seats go to the `k` largest
//! remainders. Up to [`SMALL`] parties the remainders stay on the stack and a
//! sorting network (no branch on the data) gives the `k`-th and `k + 1`-th
//! largest; beyond, the remainders of the parties with votes are copied to a
//! key buffer (the stack up to 64 parties, else the caller's [`Keys`] or one
//! `Vec`) and the `k`-th largest is selected in linear time. When no other
//! remainder equals the `k`-th, every party at or above it gets a seat.
//! Ties at the boundary, seats outnumbering parties (Droop on tiny votes) and
//! over-allocation (Hagenbach-Bischoff, Imperiali) take the general path
//! through [`pick_best`], exactly as before.

use std::ops::{Mul, Sub};

use super::tie::{TieResolution, pick_best};
use super::{ExcessPolicy, Quota, QuotaAudit, QuotaRow, Quotient, TieBreak};
use crate::error::{Error, Result};

/// Whole seats and remainder of a party with `v` votes: `(whole, rem)`,
/// where the remainder in votes is `rem / scale` (see [`scale`]).
///
/// With `m = S`, `S + 1` or `S + 2`, the quota is `V / m`, so
/// `whole = floor(v m / V)` and the remainder is `(v m mod V) / m` votes; for
/// Droop the quota `q` is a whole number and the remainder `v mod q`.
#[inline]
fn split(quota: Quota, v: u64, total: u128, seats: u32) -> (u64, u128) {
    let v = v as u128;
    match quota {
        Quota::Droop => {
            let q = droop(total, seats);
            ((v / q) as u64, v % q)
        }
        _ => {
            let m = multiplier(quota, seats);
            // v < 2^64 and m < 2^33, so v * m fits; whole <= m fits in u64.
            ((v * m / total) as u64, v * m % total)
        }
    }
}

fn droop(total: u128, seats: u32) -> u128 {
    total / (seats as u128 + 1) + 1
}

fn multiplier(quota: Quota, seats: u32) -> u128 {
    seats as u128
        + match quota {
            Quota::Hare | Quota::Droop => 0,
            Quota::HagenbachBischoff => 1,
            Quota::Imperiali => 2,
        }
}

/// The common denominator of all remainders, in votes.
fn scale(quota: Quota, seats: u32) -> u128 {
    match quota {
        Quota::Droop => 1,
        _ => multiplier(quota, seats),
    }
}

/// The integer width of the per-party arithmetic: `u64` or `u128`.
pub(crate) trait Word:
    Copy + Ord + Default + From<u64> + Into<u128> + Mul<Output = Self> + Sub<Output = Self>
{
    /// The common divisor, prepared for many divisions.
    type Divider: Copy;
    /// Prepares `d > 0`.
    fn divider(d: Self) -> Self::Divider;
    /// The divisor itself.
    fn value(d: Self::Divider) -> Self;
    /// `(x div d, x mod d)`, exactly.
    fn div_rem(x: Self, d: Self::Divider) -> (Self, Self);
    /// `x`, known to fit.
    fn narrow(x: u128) -> Self;
    /// A buffer of at least `n` keys from the caller's scratch.
    fn keys(keys: &mut Keys, n: usize) -> &mut [Self];
}

/// A `u64` divisor `d` with its reciprocal `floor(2^64 / d)` (`2^64 - 1` for
/// `d = 1`), for division by one multiplication.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Div64 {
    d: u64,
    recip: u64,
}

impl Word for u64 {
    type Divider = Div64;

    #[inline]
    fn divider(d: u64) -> Div64 {
        // d = 0 is never passed (the total and the Droop quota are
        // positive); `max(1)` keeps it from dividing by zero all the same.
        let d = d.max(1);
        // floor((2^64 - 1) / d) is floor(2^64 / d) unless d divides 2^64,
        // that is, unless d is a power of two; one 64-bit division either way.
        let recip = u64::MAX / d + (d > 1 && d.is_power_of_two()) as u64;
        Div64 { d, recip }
    }

    #[inline]
    fn value(d: Div64) -> u64 {
        d.d
    }

    /// With `r = recip`, `2^64 / d - 1 < r <= 2^64 / d`, so for `x < 2^64`
    /// the estimate `e = floor(x r / 2^64)` has `x / d - 1 < x r / 2^64 <=
    /// x / d`: `e` is the quotient or one less, and `e d <= x`. One exact
    /// correction step gives the quotient.
    #[inline(always)]
    fn div_rem(x: u64, d: Div64) -> (u64, u64) {
        let mut q = ((x as u128 * d.recip as u128) >> 64) as u64;
        let mut r = x - q * d.d;
        if r >= d.d {
            q += 1;
            r -= d.d;
        }
        (q, r)
    }

    #[inline]
    fn narrow(x: u128) -> u64 {
        x as u64
    }

    fn keys(keys: &mut Keys, n: usize) -> &mut [u64] {
        if keys.narrow.len() < n {
            keys.narrow.resize(n, 0);
        }
        &mut keys.narrow[..n]
    }
}

impl Word for u128 {
    type Divider = u128;

    #[inline]
    fn divider(d: u128) -> u128 {
        d
    }

    #[inline]
    fn value(d: u128) -> u128 {
        d
    }

    #[inline]
    fn div_rem(x: u128, d: u128) -> (u128, u128) {
        let q = x / d;
        (q, x - q * d)
    }

    #[inline]
    fn narrow(x: u128) -> u128 {
        x
    }

    fn keys(keys: &mut Keys, n: usize) -> &mut [u128] {
        if keys.wide.len() < n {
            keys.wide.resize(n, 0);
        }
        &mut keys.wide[..n]
    }
}

/// Reusable key buffers of the largest-remainder kernel (part of the public
/// `Scratch`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Keys {
    narrow: Vec<u64>,
    wide: Vec<u128>,
}

/// The per-call arithmetic: `whole = (v mult) div div`, `rem = (v mult) mod div`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Plan {
    /// The multiplier of the votes: `m`, or 1 for Droop.
    pub(crate) mult: u128,
    /// The common divisor: `V`, or the Droop quota.
    pub(crate) div: u128,
    /// Does `V * mult` fit in a `u64`? Then, as every `v <= V`, every `v * mult`
    /// does, and the kernel runs on `u64`.
    pub(crate) narrow: bool,
}

impl Plan {
    /// Decided once per call, from the total and the house size only.
    #[inline]
    pub(crate) fn of(quota: Quota, total: u128, seats: u32) -> Plan {
        // 64-bit operations when the total fits (a u128 multiplication with
        // overflow check, or a u128 division, is several instructions).
        let small = u64::try_from(total).ok();
        let (mult, div) = match (quota, small) {
            (Quota::Droop, Some(t)) => (1, (t / (seats as u64 + 1) + 1) as u128),
            (Quota::Droop, None) => (1, droop(total, seats)),
            _ => (multiplier(quota, seats), total),
        };
        // mult <= 2^32 + 1 fits in a u64.
        let narrow = small.is_some_and(|t| t.checked_mul(mult as u64).is_some());
        Plan { mult, div, narrow }
    }
}

/// Where the kernel finds its key buffer.
pub(crate) enum Buffer<'a> {
    /// The stack for up to 64 parties, else one `Vec` for the call.
    Local,
    /// The caller's reusable buffers.
    Reuse(&'a mut Keys),
}

/// The inputs of one largest-remainder count, which travel together through
/// the kernel: the method's rules and the votes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Input<'a> {
    /// The quota.
    pub(crate) quota: Quota,
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
    /// What over-allocation does.
    pub(crate) excess: ExcessPolicy,
}

/// The per-party arithmetic of a call on width `T` (from its [`Plan`]):
/// `whole = (v mult) div div`, `rem = (v mult) mod div`.
#[derive(Debug, Clone, Copy)]
struct Arith<T: Word> {
    mult: T,
    div: T::Divider,
}

impl<T: Word> Arith<T> {
    /// The arithmetic of `plan` on width `T` (`u64` only when `plan.narrow`).
    #[inline(always)]
    fn of(plan: Plan) -> Arith<T> {
        Arith { mult: T::narrow(plan.mult), div: T::divider(T::narrow(plan.div)) }
    }

    /// The arithmetic of `input` on width `T`, computed again on the rare
    /// paths ([`give_rest`], [`take_back`]) rather than passed to them, so
    /// that the common path need not keep it in memory for them.
    #[inline]
    fn of_input(input: &Input<'_>) -> Arith<T> {
        Arith::of(Plan::of(input.quota, input.total, input.seats))
    }

    /// `(whole, rem)` of a party with `v` votes.
    #[inline(always)]
    fn split(self, v: u64) -> (T, T) {
        T::div_rem(T::from(v) * self.mult, self.div)
    }
}

/// Allocates `input.seats` seats by `input.quota`, writing them to `out`
/// (`out.len() == input.votes.len()`).
pub(crate) fn apportion_into(
    input: &Input<'_>,
    out: &mut [u32],
    buffer: Buffer<'_>,
) -> Result<Option<TieResolution>> {
    let plan = Plan::of(input.quota, input.total, input.seats);
    if plan.narrow { run::<u64>(input, plan, out, buffer) } else { run::<u128>(input, plan, out, buffer) }
}

/// Runs the kernel on width `T` with a key buffer from `buffer`.
#[inline]
pub(crate) fn run<T: Word>(
    input: &Input<'_>,
    plan: Plan,
    out: &mut [u32],
    buffer: Buffer<'_>,
) -> Result<Option<TieResolution>> {
    let arith = Arith::of(plan);
    let n = input.votes.len();
    if n <= SMALL {
        return count_small(input, arith, out);
    }
    match buffer {
        Buffer::Reuse(keys) => count(input, arith, out, T::keys(keys, n)),
        Buffer::Local if n <= 64 => count(input, arith, out, &mut [T::default(); 64]),
        Buffer::Local => count(input, arith, out, &mut vec![T::default(); n]),
    }
}

/// Up to this many parties the kernel keeps the remainders on the stack and
/// finds the cut with a sorting network (no branch on the data).
const SMALL: usize = 8;

/// Sorts 8 keys in descending order with Knuth's 19-comparator network,
/// written out so that the keys stay in registers.
#[inline(always)]
fn sort8_descending<T: Ord + Copy>(a: &mut [T; SMALL]) {
    let [mut k0, mut k1, mut k2, mut k3, mut k4, mut k5, mut k6, mut k7] = *a;
    #[inline(always)]
    fn cas<T: Ord + Copy>(x: &mut T, y: &mut T) {
        let (hi, lo) = ((*x).max(*y), (*x).min(*y));
        *x = hi;
        *y = lo;
    }
    cas(&mut k0, &mut k2);
    cas(&mut k1, &mut k3);
    cas(&mut k4, &mut k6);
    cas(&mut k5, &mut k7);
    cas(&mut k0, &mut k4);
    cas(&mut k1, &mut k5);
    cas(&mut k2, &mut k6);
    cas(&mut k3, &mut k7);
    cas(&mut k0, &mut k1);
    cas(&mut k2, &mut k3);
    cas(&mut k4, &mut k5);
    cas(&mut k6, &mut k7);
    cas(&mut k2, &mut k4);
    cas(&mut k3, &mut k5);
    cas(&mut k1, &mut k4);
    cas(&mut k3, &mut k6);
    cas(&mut k1, &mut k2);
    cas(&mut k3, &mut k4);
    cas(&mut k5, &mut k6);
    *a = [k0, k1, k2, k3, k4, k5, k6, k7];
}

/// The kernel for at most [`SMALL`] parties: remainders in input order on
/// the stack, the cut from a sorting network. A zero-vote party's remainder
/// is 0, no more than any other, so it never moves the cut: with fewer seats
/// left than parties with votes, the `left` largest of all 8 entries are the
/// `left` largest remainders of parties with votes.
#[inline]
fn count_small<T: Word>(
    input: &Input<'_>,
    arith: Arith<T>,
    out: &mut [u32],
) -> Result<Option<TieResolution>> {
    let votes = input.votes;
    let mut rems = [T::default(); SMALL];
    let mut given = 0u64;
    for ((o, &v), key) in out.iter_mut().zip(votes).zip(rems.iter_mut()) {
        let (w, r) = arith.split(v);
        let w = w.into() as u64;
        // Truncated only when over-allocating, where `take_back` recomputes it.
        *o = w as u32;
        given += w;
        *key = r;
    }
    let n = input.positive as u64;
    let house = input.seats as u64;
    if given > house {
        return take_back::<T>(input, given, out);
    }
    let left = house - given;
    if left == 0 {
        return Ok(None);
    }
    if left < n {
        let mut sorted = rems;
        sort8_descending(&mut sorted);
        let (cut, next) = (sorted[left as usize - 1], sorted[left as usize]);
        // No tie: exactly `left` remainders are at least `cut`, and as
        // `cut > next >= 0`, a zero-vote party (remainder 0) is not one.
        if next < cut {
            for (o, &rem) in out.iter_mut().zip(&rems) {
                *o += (rem >= cut) as u32;
            }
            return Ok(None);
        }
    }
    give_rest::<T>(input, left, out)
}

/// The kernel: whole seats into `out`, then the seats left (or taken back).
/// `keys` holds at least `votes.len()` entries.
#[inline]
fn count<T: Word>(
    input: &Input<'_>,
    arith: Arith<T>,
    out: &mut [u32],
    keys: &mut [T],
) -> Result<Option<TieResolution>> {
    let votes = input.votes;
    let keys = &mut keys[..votes.len()];
    let mut given = 0u64;
    let mut n = 0;
    for (o, &v) in out.iter_mut().zip(votes) {
        let (w, r) = arith.split(v);
        // whole <= m < 2^34; above the house size, and then truncated, only
        // on over-allocation, where `take_back` recomputes it.
        let w = w.into() as u64;
        *o = w as u32;
        given += w;
        // The remainders of the parties with votes, packed to the front.
        keys[n] = r;
        n += (v > 0) as usize;
    }
    let house = input.seats as u64;
    if given > house {
        return take_back::<T>(input, given, out);
    }
    let left = house - given;
    if left == 0 {
        return Ok(None);
    }
    if left < n as u64 {
        let keys = &mut keys[..n];
        let (below, &mut cut, _) = keys.select_nth_unstable(n - left as usize);
        // Every remainder below the cut is smaller than it: no tie, and
        // exactly `left` parties have a remainder at least `cut`. `below` is
        // not empty, so `cut > 0` and a zero-vote party is not one of them.
        if !below.contains(&cut) {
            let d = T::value(arith.div);
            for (o, &v) in out.iter_mut().zip(votes) {
                let rem = T::from(v) * arith.mult - T::from(*o as u64) * d;
                *o += (rem >= cut) as u32;
            }
            return Ok(None);
        }
    }
    give_rest::<T>(input, left, out)
}

/// The general path for the seats left: a tie at the boundary, or more
/// seats left than parties with votes (every one first gets the same number
/// of rounds). `out` holds the whole seats. Rare, and marked so: the common
/// path then keeps its values in registers (callgrind counted a few more
/// instructions per call without it).
#[cold]
fn give_rest<T: Word>(input: &Input<'_>, left: u64, out: &mut [u32]) -> Result<Option<TieResolution>> {
    let Input { votes, ties, .. } = *input;
    let arith = Arith::<T>::of_input(input);
    let rem = |i: usize| arith.split(votes[i]).1;
    let mut cands: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] > 0).collect();
    let n = cands.len() as u64;
    let (rounds, left) = (left / n, (left % n) as usize);
    let (chosen, tie) = if left > 0 {
        pick_best(&mut cands, left, |a, b| rem(b).cmp(&rem(a)), votes, ties)?
    } else {
        (Vec::new(), None)
    };
    // Every entry ends at most the house size, a u32.
    for &i in &cands {
        out[i] += rounds as u32;
    }
    for i in chosen {
        out[i] += 1;
    }
    Ok(tie)
}

/// Over-allocation: takes back the extra seats from the holders of whole
/// seats with the smallest remainders (or refuses, by `excess`). Rare, as
/// [`give_rest`].
#[cold]
fn take_back<T: Word>(input: &Input<'_>, given: u64, out: &mut [u32]) -> Result<Option<TieResolution>> {
    let Input { quota, votes, seats, ties, excess, .. } = *input;
    if excess == ExcessPolicy::Error {
        return Err(Error::OverAllocation { quota: quota.label(), given, seats });
    }
    let arith = Arith::<T>::of_input(input);
    let house = seats as u64;
    let split = |i: usize| arith.split(votes[i]);
    let whole = |i: usize| split(i).0.into() as u64;
    // At most two seats too many (Imperiali), so `rounds` is 0 unless a
    // single party holds every seat, and then it holds at least S + 1.
    let mut holders: Vec<usize> = (0..votes.len()).filter(|&i| whole(i) > 0).collect();
    let n = holders.len() as u64;
    let (rounds, left) = ((given - house) / n, ((given - house) % n) as usize);
    let mut keeps = Vec::new();
    let mut tie = None;
    if left > 0 {
        // The parties with the largest remainders keep their seat.
        let keep = holders.len() - left;
        keeps = vec![false; votes.len()];
        if keep > 0 {
            let (kept, t) = pick_best(&mut holders, keep, |a, b| split(b).1.cmp(&split(a).1), votes, ties)?;
            for i in kept {
                keeps[i] = true;
            }
            tie = t;
        }
    }
    for &i in &holders {
        let lose = left > 0 && !keeps[i];
        // Now at most the house size, a u32.
        out[i] = (whole(i) - rounds - lose as u64) as u32;
    }
    Ok(tie)
}

pub(crate) fn explain(quota: Quota, votes: &[u64], total: u128, seats: &[u32], house: u32) -> QuotaAudit {
    let denom = scale(quota, house);
    let mut whole_seats = 0u64;
    let parties = votes
        .iter()
        .zip(seats)
        .map(|(&v, &s)| {
            let (whole, rem) = split(quota, v, total, house);
            whole_seats += whole;
            QuotaRow {
                whole,
                remainder: Quotient::new(rem, denom, false),
                adjustment: s as i64 - whole as i64,
                seats: s,
            }
        })
        .collect();
    let quota = match quota {
        Quota::Droop => Quotient::new(droop(total, house), 1, false),
        _ => Quotient::new(total, multiplier(quota, house), false),
    };
    QuotaAudit { quota, whole_seats, parties }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUOTAS: [Quota; 4] = [Quota::Hare, Quota::Droop, Quota::HagenbachBischoff, Quota::Imperiali];

    #[test]
    fn u64_division_by_reciprocal_is_exact() {
        let p = |e: u32| 1u64 << e;
        let divisors = [
            1,
            2,
            3,
            7,
            255,
            1_000_003,
            p(32) - 1,
            p(32),
            p(53) - 1,
            p(53) + 1,
            p(63),
            u64::MAX - 1,
            u64::MAX,
        ];
        for d in divisors {
            let div = <u64 as Word>::divider(d);
            let mut xs =
                vec![0, 1, d - 1, d, d.saturating_add(1), u64::MAX, u64::MAX - 1, p(53) + 1, p(63) - 1];
            for k in [2u64, 3, 1 << 20, 1 << 33, 1 << 40] {
                if let Some(x) = d.checked_mul(k) {
                    xs.extend([x - 1, x, x.saturating_add(1)]);
                }
            }
            for x in xs {
                assert_eq!(<u64 as Word>::div_rem(x, div), (x / d, x % d), "{x} / {d}");
            }
        }
    }

    #[test]
    fn the_sorting_network_sorts() {
        // The 0-1 principle: a network that sorts every 0/1 input sorts all.
        for bits in 0u32..256 {
            let mut a: [u8; SMALL] = std::array::from_fn(|i| (bits >> i & 1) as u8);
            let mut want = a;
            want.sort_unstable_by(|x, y| y.cmp(x));
            sort8_descending(&mut a);
            assert_eq!(a, want, "{bits:08b}");
        }
    }

    #[test]
    fn the_plan_is_u64_exactly_while_the_product_fits() {
        let edge = u64::MAX as u128 / 255;
        assert!(Plan::of(Quota::Hare, edge, 255).narrow);
        assert!(!Plan::of(Quota::Hare, edge + 1, 255).narrow);
        assert!(Plan::of(Quota::HagenbachBischoff, edge, 254).narrow);
        assert!(!Plan::of(Quota::HagenbachBischoff, edge + 1, 254).narrow);
        assert!(Plan::of(Quota::Imperiali, edge, 253).narrow);
        assert!(!Plan::of(Quota::Imperiali, edge + 1, 253).narrow);
        assert!(Plan::of(Quota::Droop, u64::MAX as u128, u32::MAX).narrow);
        assert!(!Plan::of(Quota::Droop, u64::MAX as u128 + 1, 1).narrow);
        assert!(!Plan::of(Quota::Imperiali, u128::MAX / 2, u32::MAX).narrow);
    }

    /// Runs both widths on one input; the u64 width only where the plan allows it.
    fn both(quota: Quota, votes: &[u64], seats: u32, ties: TieBreak, excess: ExcessPolicy) {
        let total: u128 = votes.iter().map(|&v| v as u128).sum();
        let p = votes.iter().filter(|&&v| v > 0).count();
        let plan = Plan::of(quota, total, seats);
        let input = Input { quota, votes, total, positive: p, seats, ties, excess };
        let mut wide = vec![0; votes.len()];
        let w = run::<u128>(&input, plan, &mut wide, Buffer::Local);
        let mut keys = Keys::default();
        let mut reused = vec![7; votes.len()];
        let r = run::<u128>(&input, plan, &mut reused, Buffer::Reuse(&mut keys));
        assert_eq!((&r, &reused), (&w, &wide), "u128 with reused keys: {quota:?} {votes:?} {seats}");
        if plan.narrow {
            let mut narrow = vec![0; votes.len()];
            let n = run::<u64>(&input, plan, &mut narrow, Buffer::Local);
            assert_eq!((&n, &narrow), (&w, &wide), "u64 against u128: {quota:?} {votes:?} {seats}");
            let r = run::<u64>(&input, plan, &mut reused, Buffer::Reuse(&mut keys));
            assert_eq!((&r, &reused), (&w, &wide), "u64 with reused keys: {quota:?} {votes:?} {seats}");
        }
    }

    #[test]
    fn u64_and_u128_kernels_agree() {
        let mut state = 0x5EED_u64;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            state >> 11
        };
        let policies = [TieBreak::Error, TieBreak::ListOrder, TieBreak::MoreVotes, TieBreak::Lot { seed: 3 }];
        for case in 0..3000u64 {
            let n = 1 + (next() % [4, 9, 70, 200][(case % 4) as usize]) as usize;
            let range = [4u64, 1000, 1 << 30, u64::MAX][(case / 4 % 4) as usize];
            let mut votes: Vec<u64> = (0..n).map(|_| next() % range).collect();
            if case % 7 == 0 {
                // Near the boundary: one party with almost the whole u64 range.
                votes[0] = u64::MAX / (2 + next() % 300);
            }
            if votes.iter().all(|&v| v == 0) {
                votes[0] = 1;
            }
            let seats =
                [1 + (next() % 300) as u32, 1 + (next() % 1_000_000) as u32, u32::MAX - (next() % 3) as u32]
                    [(case % 3) as usize];
            for quota in QUOTAS {
                let ties = policies[(case % 4) as usize];
                for excess in [ExcessPolicy::RemoveSmallestRemainders, ExcessPolicy::Error] {
                    both(quota, &votes, seats, ties, excess);
                }
            }
        }
    }

    #[test]
    fn the_kernel_keeps_the_general_paths() {
        // A tie at the boundary, seats outnumbering parties (Droop rounds),
        // and over-allocation (Hagenbach-Bischoff, Imperiali).
        for (quota, votes, seats) in [
            (Quota::Hare, vec![10, 10, 10], 2),
            (Quota::Droop, vec![1, 1, 0], 7),
            (Quota::HagenbachBischoff, vec![30, 60], 2),
            (Quota::Imperiali, vec![40, 40, 0, 20], 3),
            (Quota::Imperiali, vec![0, 5], u32::MAX),
        ] {
            for ties in [TieBreak::Error, TieBreak::ListOrder] {
                for excess in [ExcessPolicy::RemoveSmallestRemainders, ExcessPolicy::Error] {
                    both(quota, &votes, seats, ties, excess);
                }
            }
        }
    }
}
