//! A slow, obviously correct reference for every apportionment method.
//!
//! Everything here follows the textbook definitions seat by seat and decides
//! with exact rational comparisons. The wide products are computed by this
//! module's own 256-bit multiply (64-bit limbs), independently of the
//! library's `arith` module. Nothing here is fast: divisor methods cost
//! `O(seats * parties)`.
//!
//! The result of [`apportion`] is an [`Outcome`]: the seats that are certain
//! plus, if the last seats are exactly tied, the tied parties and the number
//! of seats they contest. [`settle`] applies a deterministic
//! [`TieBreak`] policy to it.

use std::cmp::Ordering;

use saylau::{Error, Method, Quota, TieBreak, TieResolution};

/// The exact product `a * b` as four little-endian 64-bit limbs.
pub fn mul_256(a: u128, b: u128) -> [u64; 4] {
    let a = [a as u64, (a >> 64) as u64];
    let b = [b as u64, (b >> 64) as u64];
    let mut r = [0u64; 4];
    for i in 0..2 {
        let mut carry: u128 = 0;
        for j in 0..2 {
            // (2^64 - 1)^2 + 2 (2^64 - 1) = 2^128 - 1: never overflows.
            let t = a[i] as u128 * b[j] as u128 + r[i + j] as u128 + carry;
            r[i + j] = t as u64;
            carry = t >> 64;
        }
        r[i + 2] = carry as u64;
    }
    r
}

/// Compares `a * b` with `c * d` exactly.
pub fn cmp_mul(a: u128, b: u128, c: u128, d: u128) -> Ordering {
    let (x, y) = (mul_256(a, b), mul_256(c, d));
    x.iter().rev().cmp(y.iter().rev())
}

/// An exact non-negative fraction `num / den`; `den == 0` is +infinity.
#[derive(Debug, Clone, Copy)]
struct Frac {
    num: u128,
    den: u128,
}

fn cmp_frac(a: Frac, b: Frac) -> Ordering {
    match (a.den == 0, b.den == 0) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        (false, false) => cmp_mul(a.num, b.den, b.num, a.den),
    }
}

/// The certain part of an allocation and the tie, if any, for the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Seats per party without the contested seats.
    pub base: Vec<u32>,
    /// The exact tie for the last seats, if there is one.
    pub tie: Option<RefTie>,
    /// For quota methods: the whole seats handed out, if more than the house.
    pub over_allocated: Option<u64>,
}

/// Parties (input order) with exactly equal claims, contesting `seats` seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefTie {
    pub parties: Vec<usize>,
    pub seats: u32,
}

/// The reference allocation of `seats` seats among `votes` by `method`,
/// or the input error the library documents.
pub fn apportion(method: Method, votes: &[u64], seats: u32) -> Result<Outcome, Error> {
    if votes.is_empty() {
        return Err(Error::NoParties);
    }
    if seats == 0 {
        return Err(Error::NoSeats);
    }
    if votes.iter().all(|&v| v == 0) {
        return Err(Error::ZeroVotes);
    }
    Ok(match method {
        Method::LargestRemainder(q) => largest_remainder(q, votes, seats),
        m => highest_averages(m, votes, seats),
    })
}

/// The divisor `d(s)` for a party's seat `s + 1`, as the fraction
/// `(numer, denom)`; for Huntington-Hill, `d(s)^2`.
fn divisor(method: Method, s: u32) -> (u128, u128) {
    let s = s as u128;
    match method {
        Method::DHondt => (s + 1, 1),
        Method::SainteLague => (2 * s + 1, 2),
        // On the 1, 3, 5 scale: F, 3, 5, 7, ...
        Method::ModifiedSainteLague(f) if s == 0 => (f.numer(), f.denom()),
        Method::ModifiedSainteLague(_) => (2 * s + 1, 1),
        Method::HuntingtonHill => (s * (s + 1), 1),
        Method::Adams => (s, 1),
        Method::Dean => (2 * s * (s + 1), 2 * s + 1),
        Method::Danish => (3 * s + 1, 3),
        Method::Imperiali => (s + 2, 1),
        Method::LargestRemainder(_) => unreachable!("not a divisor method"),
    }
}

/// The claim `v / d(s)` of a party with `v > 0` votes and `s` seats (for
/// Huntington-Hill, `v^2 / d(s)^2`, which orders the same way).
fn claim(method: Method, v: u64, s: u32) -> Frac {
    let (dn, dd) = divisor(method, s);
    let v = v as u128;
    let num = if method == Method::HuntingtonHill { v * v } else { v * dd };
    Frac { num, den: dn }
}

fn highest_averages(method: Method, votes: &[u64], seats: u32) -> Outcome {
    let parties: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] > 0).collect();
    let mut s = vec![0u32; votes.len()];
    for _ in 0..seats {
        // The highest claim wins the seat; among equals, any will do
        // (here the first): the tie check below looks at the end state.
        let mut best = parties[0];
        for &i in &parties[1..] {
            if cmp_frac(claim(method, votes[i], s[i]), claim(method, votes[best], s[best]))
                == Ordering::Greater
            {
                best = i;
            }
        }
        s[best] += 1;
    }
    // The weakest seat given and the strongest claim left.
    let weakest = parties
        .iter()
        .filter(|&&i| s[i] > 0)
        .map(|&i| claim(method, votes[i], s[i] - 1))
        .min_by(|&a, &b| cmp_frac(a, b))
        .expect("at least one seat was given");
    let strongest = parties
        .iter()
        .map(|&i| claim(method, votes[i], s[i]))
        .max_by(|&a, &b| cmp_frac(a, b))
        .expect("at least one party has votes");
    if cmp_frac(weakest, strongest) != Ordering::Equal {
        return Outcome { base: s, tie: None, over_allocated: None };
    }
    let mut tied = Vec::new();
    let mut contested = 0;
    for &i in &parties {
        if s[i] > 0 && cmp_frac(claim(method, votes[i], s[i] - 1), weakest) == Ordering::Equal {
            s[i] -= 1;
            contested += 1;
            tied.push(i);
        } else if cmp_frac(claim(method, votes[i], s[i]), weakest) == Ordering::Equal {
            tied.push(i);
        }
    }
    Outcome { base: s, tie: Some(RefTie { parties: tied, seats: contested }), over_allocated: None }
}

fn largest_remainder(quota: Quota, votes: &[u64], seats: u32) -> Outcome {
    let total: u128 = votes.iter().map(|&v| v as u128).sum();
    let house = seats as u128;
    // The quota as the fraction qn / qd.
    let (qn, qd) = match quota {
        Quota::Hare => (total, house),
        Quota::Droop => (total / (house + 1) + 1, 1),
        Quota::HagenbachBischoff => (total, house + 1),
        Quota::Imperiali => (total, house + 2),
    };
    // whole = floor(v / quota); remainder = v - whole * quota = rem / qd.
    let mut whole = Vec::new();
    let mut rem = Vec::new();
    for &v in votes {
        let scaled = v as u128 * qd;
        let w = scaled / qn;
        whole.push(w);
        rem.push(scaled - w * qn);
    }
    let given: u128 = whole.iter().sum();
    let mut tie = None;
    let mut over_allocated = None;
    if given < house {
        let mut cands: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] > 0).collect();
        let n = cands.len() as u128;
        let missing = house - given;
        for &i in &cands {
            whole[i] += missing / n;
        }
        let left = (missing % n) as usize;
        if left > 0 {
            // Largest remainders first (stable: input order among equals).
            cands.sort_by(|&a, &b| rem[b].cmp(&rem[a]));
            let cut = rem[cands[left - 1]];
            if cands.get(left).is_some_and(|&i| rem[i] == cut) {
                let better: Vec<usize> = cands.iter().copied().filter(|&i| rem[i] > cut).collect();
                let mut tied: Vec<usize> = cands.iter().copied().filter(|&i| rem[i] == cut).collect();
                tied.sort_unstable();
                for &i in &better {
                    whole[i] += 1;
                }
                tie = Some(RefTie { parties: tied, seats: (left - better.len()) as u32 });
            } else {
                for &i in &cands[..left] {
                    whole[i] += 1;
                }
            }
        }
    } else if given > house {
        over_allocated = Some(given as u64);
        // Take the extra seats back, one per party, from the holders of
        // whole seats with the smallest remainders.
        let mut holders: Vec<usize> = (0..votes.len()).filter(|&i| whole[i] > 0).collect();
        let n = holders.len() as u128;
        let excess = given - house;
        for &i in &holders {
            whole[i] -= excess / n;
        }
        let losers = (excess % n) as usize;
        if losers > 0 {
            holders.sort_by(|&a, &b| rem[a].cmp(&rem[b]));
            let cut = rem[holders[losers - 1]];
            if holders.get(losers).is_some_and(|&i| rem[i] == cut) {
                let worse = holders.iter().filter(|&&i| rem[i] < cut).count();
                let mut tied: Vec<usize> = holders.iter().copied().filter(|&i| rem[i] == cut).collect();
                tied.sort_unstable();
                for &i in &holders {
                    if rem[i] <= cut {
                        // Smaller remainders lose their seat; the tied ones
                        // lose it too unless they win it back in the tie.
                        whole[i] -= 1;
                    }
                }
                let keep = tied.len() - (losers - worse);
                tie = Some(RefTie { parties: tied, seats: keep as u32 });
            } else {
                for &i in &holders[..losers] {
                    whole[i] -= 1;
                }
            }
        }
    }
    let base = whole.into_iter().map(|w| u32::try_from(w).expect("at most the house size")).collect();
    Outcome { base, tie, over_allocated }
}

/// Applies a deterministic tie policy (`Error`, `ListOrder`, `MoreVotes`) to
/// an outcome: the seats and the tie resolution the library should report.
///
/// # Panics
///
/// For [`TieBreak::Lot`], whose draw the reference does not reproduce.
pub fn settle(
    outcome: &Outcome,
    votes: &[u64],
    policy: TieBreak,
) -> Result<(Vec<u32>, Option<TieResolution>), Error> {
    let Some(tie) = &outcome.tie else {
        return Ok((outcome.base.clone(), None));
    };
    let k = tie.seats as usize;
    let mut winners: Vec<usize> = match policy {
        TieBreak::Error => return Err(Error::Tie { parties: tie.parties.clone(), seats: tie.seats }),
        TieBreak::ListOrder => tie.parties[..k].to_vec(),
        TieBreak::MoreVotes => {
            // Most votes first; the sort is stable, so input order among equals.
            let mut order = tie.parties.clone();
            order.sort_by(|&a, &b| votes[b].cmp(&votes[a]));
            let cut = votes[order[k - 1]];
            if order.get(k).is_some_and(|&i| votes[i] == cut) {
                let more = tie.parties.iter().filter(|&&i| votes[i] > cut).count();
                let level: Vec<usize> = tie.parties.iter().copied().filter(|&i| votes[i] == cut).collect();
                return Err(Error::Tie { parties: level, seats: (k - more) as u32 });
            }
            order[..k].to_vec()
        }
        TieBreak::Lot { .. } => panic!("the reference does not draw lots"),
    };
    winners.sort_unstable();
    let mut seats = outcome.base.clone();
    for &w in &winners {
        seats[w] += 1;
    }
    let resolution = TieResolution { parties: tie.parties.clone(), seats: tie.seats, winners, policy };
    Ok((seats, Some(resolution)))
}
