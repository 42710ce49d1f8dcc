//! Largest-remainder methods.

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

pub(crate) fn apportion(
    quota: Quota,
    votes: &[u64],
    total: u128,
    seats: u32,
    ties: TieBreak,
    excess: ExcessPolicy,
) -> Result<(Vec<u32>, Option<TieResolution>)> {
    let mut whole = Vec::with_capacity(votes.len());
    let mut rem = Vec::with_capacity(votes.len());
    for &v in votes {
        let (w, r) = split(quota, v, total, seats);
        whole.push(w);
        rem.push(r);
    }
    let given: u64 = whole.iter().sum();
    let house = seats as u64;
    let by_remainder = |a: usize, b: usize| rem[b].cmp(&rem[a]);
    let mut tie = None;
    if given < house {
        // One extra seat per party with votes, largest remainders first; if
        // seats outnumber those parties (only possible with Droop on tiny
        // votes), every one of them first gets the same number of rounds.
        let mut cands: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] > 0).collect();
        let n = cands.len() as u64;
        let (rounds, left) = ((house - given) / n, ((house - given) % n) as usize);
        for &i in &cands {
            whole[i] += rounds;
        }
        if left > 0 {
            let (chosen, t) = pick_best(&mut cands, left, by_remainder, votes, ties)?;
            for i in chosen {
                whole[i] += 1;
            }
            tie = t;
        }
    } else if given > house {
        if excess == ExcessPolicy::Error {
            return Err(Error::OverAllocation { quota: quota.label(), given, seats });
        }
        // At most two seats too many (Imperiali), so `rounds` is 0 unless a
        // single party holds every seat, and then it holds at least S + 1.
        let mut holders: Vec<usize> = (0..votes.len()).filter(|&i| whole[i] > 0).collect();
        let n = holders.len() as u64;
        let (rounds, left) = ((given - house) / n, ((given - house) % n) as usize);
        for &i in &holders {
            whole[i] -= rounds;
        }
        if left > 0 {
            // The parties with the largest remainders keep their seat.
            let keep = holders.len() - left;
            let (kept, t) = if keep == 0 {
                (Vec::new(), None)
            } else {
                pick_best(&mut holders, keep, by_remainder, votes, ties)?
            };
            let mut keeps = vec![false; votes.len()];
            for i in kept {
                keeps[i] = true;
            }
            for &i in &holders {
                if !keeps[i] {
                    whole[i] -= 1;
                }
            }
            tie = t;
        }
    }
    // Every entry is now at most the house size, a u32.
    Ok((whole.into_iter().map(|w| w as u32).collect(), tie))
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
