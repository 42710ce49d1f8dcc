//! Apportionment with arbitrary votes, seats, method, threshold, tie and
//! excess policy. Checks invariants, not only the absence of a crash:
//!
//! - an allocation has one entry per party, adds up to the house, gives
//!   nothing to parties without votes, and any broken tie is consistent;
//! - for up to 2000 seats the result (or the error) equals the seat-by-seat
//!   reference of `tests/reference/mod.rs`;
//! - for huge houses (up to `u32::MAX` seats, few parties) divisor results
//!   satisfy the divisor criterion and Hare results stay within quota;
//! - thresholds decide exactly (`votes * 100 >= percent * base`).

#![no_main]

use std::cmp::Ordering;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use saylau::{Error, ExcessPolicy, Method, Quota, Ratio, Threshold, TieBreak};

#[path = "../../tests/reference/mod.rs"]
#[allow(dead_code)]
mod reference;

/// One party's votes, biased towards values that tie or overflow.
#[derive(Debug, Arbitrary)]
enum Vote {
    Zero,
    Tiny(u8),
    Small(u16),
    Mid(u32),
    Any(u64),
    NearMax(u16),
    /// A multiple of a common unit, so that quotients and remainders tie.
    Multiple(u8),
}

impl Vote {
    fn value(&self, unit: u64) -> u64 {
        match *self {
            Vote::Zero => 0,
            Vote::Tiny(x) => x as u64 % 8,
            Vote::Small(x) => x as u64,
            Vote::Mid(x) => x as u64,
            Vote::Any(x) => x,
            Vote::NearMax(x) => u64::MAX - x as u64,
            Vote::Multiple(k) => (k as u64 % 16).saturating_mul(unit),
        }
    }
}

#[derive(Debug, Arbitrary)]
struct Input {
    votes: Vec<Vote>,
    unit: u32,
    seats: u32,
    huge: bool,
    method: u8,
    first_numer: u16,
    first_denom: u16,
    threshold_numer: u32,
    threshold_denom: u16,
    extra_base: u64,
    tie: u8,
    seed: u64,
    excess_error: bool,
}

const MAX_PARTIES: usize = 64;
const MAX_REFERENCE_SEATS: u32 = 2000;

fuzz_target!(|input: Input| check(input));

fn check(input: Input) {
    let unit = (input.unit as u64).max(1);
    let raw: Vec<u64> = input.votes.iter().take(MAX_PARTIES).map(|v| v.value(unit)).collect();
    let method = match input.method as usize % (Method::ALL.len() + 1) {
        i if i < Method::ALL.len() => Method::ALL[i],
        _ => match Ratio::new(input.first_numer as u128, input.first_denom.max(1) as u128) {
            Ok(r) => match Method::modified_sainte_lague(r) {
                Ok(m) => m,
                Err(Error::InvalidDivisor { .. }) => {
                    // Refused exactly when F is not in (0, 3).
                    assert!(r.numer() == 0 || r.numer() >= 3 * r.denom(), "{r:?} refused");
                    return;
                }
                Err(e) => panic!("unexpected error for a divisor: {e:?}"),
            },
            Err(_) => return,
        },
    };
    assert_eq!(method.to_string().parse::<Method>(), Ok(method), "name round trip");
    let ties = match input.tie % 4 {
        0 => TieBreak::Error,
        1 => TieBreak::ListOrder,
        2 => TieBreak::MoreVotes,
        _ => TieBreak::Lot { seed: input.seed },
    };
    let excess = if input.excess_error { ExcessPolicy::Error } else { ExcessPolicy::RemoveSmallestRemainders };
    let seats = if input.huge && raw.len() <= 8 { input.seats } else { input.seats % (MAX_REFERENCE_SEATS + 1) };

    // The threshold: an exact percentage up to 100.
    let denom = input.threshold_denom.max(1) as u128;
    let numer = input.threshold_numer as u128 % (100 * denom + 1);
    let threshold = Threshold::new(Ratio::new(numer, denom).expect("denominator above zero"))
        .expect("at most 100 percent");
    let eligible = threshold.eligible(&raw, input.extra_base);
    let base: u128 = raw.iter().map(|&v| v as u128).sum::<u128>() + input.extra_base as u128;
    for (&v, &e) in raw.iter().zip(&eligible) {
        // v * 100 * denom < 2^87 and numer * base < 2^94: exact in u128.
        let passes = v as u128 * 100 * denom >= numer * base;
        assert_eq!(e, v > 0 && passes, "threshold {numer}/{denom}% of {base} for {v} votes");
    }
    let votes: Vec<u64> = raw.iter().zip(&eligible).map(|(&v, &e)| if e { v } else { 0 }).collect();

    let apportioner = method.apportioner().ties(ties).excess(excess);
    let result = apportioner.apportion(&votes, seats);

    if let Ok(alloc) = &result {
        let s = alloc.seats();
        assert_eq!(s.len(), votes.len());
        assert_eq!(s.iter().map(|&x| x as u64).sum::<u64>(), seats as u64, "seats add up");
        assert_eq!(alloc.total_seats(), seats);
        for (&v, &x) in votes.iter().zip(s) {
            assert!(v > 0 || x == 0, "a party without votes won a seat");
        }
        if let Some(t) = alloc.tie() {
            assert!(ties != TieBreak::Error, "a tie was broken under TieBreak::Error");
            assert_eq!(t.winners.len(), t.seats as usize);
            assert!(t.parties.len() > t.seats as usize && t.seats > 0, "{t:?}");
            assert!(t.parties.windows(2).all(|w| w[0] < w[1]), "tied parties in input order");
            assert!(t.winners.iter().all(|w| t.parties.contains(w)), "winners are tied parties");
        }
        // The audit trail never panics on a real allocation.
        apportioner.explain(&votes, alloc).expect("an allocation can be explained");
    }
    match &result {
        Err(Error::Tie { parties, seats: contested }) => {
            assert!(parties.len() > *contested as usize && *contested > 0, "{parties:?} {contested}");
        }
        Err(Error::OverAllocation { .. }) => assert_eq!(excess, ExcessPolicy::Error),
        _ => {}
    }

    if seats <= MAX_REFERENCE_SEATS {
        compare_with_reference(method, &votes, seats, ties, excess, &result);
    } else if let Ok(alloc) = &result {
        check_huge(method, &votes, seats, alloc.seats());
    }
}

fn compare_with_reference(
    method: Method,
    votes: &[u64],
    seats: u32,
    ties: TieBreak,
    excess: ExcessPolicy,
    result: &Result<saylau::Allocation, Error>,
) {
    let outcome = match reference::apportion(method, votes, seats) {
        Ok(o) => o,
        Err(e) => {
            assert_eq!(result.as_ref().err(), Some(&e), "input errors agree");
            return;
        }
    };
    if excess == ExcessPolicy::Error {
        if let Some(given) = outcome.over_allocated {
            let Method::LargestRemainder(q) = method else { panic!("only quotas over-allocate") };
            let expected = Error::OverAllocation { quota: q.label(), given, seats };
            assert_eq!(result.as_ref().err(), Some(&expected));
            return;
        }
    }
    if let TieBreak::Lot { .. } = ties {
        // The reference does not draw lots: check the certain seats and that
        // the draw gave the contested seats to tied parties.
        let alloc = result.as_ref().expect("lots always decide");
        match (&outcome.tie, alloc.tie()) {
            (None, None) => assert_eq!(alloc.seats(), &outcome.base[..]),
            (Some(rt), Some(t)) => {
                assert_eq!((&rt.parties, rt.seats), (&t.parties, t.seats), "the same tie");
                let mut expected = outcome.base.clone();
                for &w in &t.winners {
                    expected[w] += 1;
                }
                assert_eq!(alloc.seats(), &expected[..]);
            }
            (r, l) => panic!("tie mismatch: reference {r:?}, library {l:?}"),
        }
        return;
    }
    let expected = reference::settle(&outcome, votes, ties);
    match (result, expected) {
        (Ok(alloc), Ok((s, tie))) => {
            assert_eq!(alloc.seats(), &s[..], "seats");
            assert_eq!(alloc.tie(), tie.as_ref(), "tie resolution");
        }
        (Err(e), Err(r)) => assert_eq!(e, &r, "errors"),
        (l, r) => panic!("library {l:?} but reference {r:?}"),
    }
}

/// Exact claim `v / d(s)` as `(numer, denom)`; `denom == 0` is infinite.
/// For Huntington-Hill the square.
fn claim(method: Method, v: u64, s: u32) -> (u128, u128) {
    let (v, s) = (v as u128, s as u128);
    match method {
        Method::DHondt => (v, s + 1),
        Method::SainteLague => (v, 2 * s + 1),
        Method::ModifiedSainteLague(f) if s == 0 => (v * f.denom(), f.numer()),
        Method::ModifiedSainteLague(f) => (v * f.denom(), f.denom() * (2 * s + 1)),
        Method::HuntingtonHill => (v * v, s * (s + 1)),
        Method::Adams => (v, s),
        Method::Dean => (v * (2 * s + 1), 2 * s * (s + 1)),
        Method::Danish => (v, 3 * s + 1),
        Method::Imperiali => (v, s + 2),
        Method::LargestRemainder(_) => unreachable!(),
    }
}

fn cmp_claim(a: (u128, u128), b: (u128, u128)) -> Ordering {
    match (a.1 == 0, b.1 == 0) {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Greater,
        (false, true) => Ordering::Less,
        _ => reference::cmp_mul(a.0, b.1, b.0, a.1),
    }
}

/// Houses too big for the seat-by-seat reference.
fn check_huge(method: Method, votes: &[u64], seats: u32, s: &[u32]) {
    if method.is_divisor() {
        // Every seat won is worth at least every claim left unmet.
        let weakest = (0..votes.len())
            .filter(|&i| s[i] > 0)
            .map(|i| claim(method, votes[i], s[i] - 1))
            .min_by(|&a, &b| cmp_claim(a, b));
        let strongest = (0..votes.len())
            .filter(|&i| votes[i] > 0)
            .map(|i| claim(method, votes[i], s[i]))
            .max_by(|&a, &b| cmp_claim(a, b));
        if let (Some(w), Some(b)) = (weakest, strongest) {
            assert_ne!(cmp_claim(w, b), Ordering::Less, "divisor criterion for {votes:?}, {seats}: {s:?}");
        }
    } else if method == Method::LargestRemainder(Quota::Hare) {
        // Within one seat of the exact quota: v S / V.
        let total: u128 = votes.iter().map(|&v| v as u128).sum();
        for (&v, &x) in votes.iter().zip(s) {
            let exact = v as u128 * seats as u128;
            let lower = exact / total;
            assert!(x as u128 == lower || x as u128 == lower + 1, "Hare quota for {votes:?}, {seats}: {s:?}");
        }
    }
}
