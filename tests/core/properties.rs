//! Property tests: the library against a slow seat-by-seat reference
//! (`tests/reference/mod.rs`) and against the classical theorems of
//! apportionment (Balinski and Young, *Fair Representation*, 2nd ed., 2001).
//!
//! Failing cases are saved under `proptest-regressions/properties.txt` at the
//! crate root and replayed first on every run.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{FileFailurePersistence, TestCaseError};
use saylau::{Allocation, Error, ExcessPolicy, Method, Quota, Ratio, Threshold, TieBreak};

use crate::reference::{self, Outcome, cmp_mul};

/// Where proptest saves the seeds of failing cases (crate root).
const REGRESSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/properties.txt");

/// `cases` cases, unless `PROPTEST_CASES` asks for another number (for a
/// longer search: `PROPTEST_CASES=100000 cargo test --release --test core properties::`).
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        ..ProptestConfig::default()
    }
}

// ---------------------------------------------------------------- strategies

/// A first divisor `F` in `(0, 3)` for modified Sainte-Laguë: small
/// fractions, fractions with denominators up to `u64::MAX`, and the edges
/// `1 / q` and `3 - 1 / q`.
fn first_divisor() -> impl Strategy<Value = Ratio> {
    let small = (1u128..=10).prop_flat_map(|q| (1u128..3 * q, Just(q)));
    let huge = (1u128..=u64::MAX as u128).prop_flat_map(|q| (1u128..3 * q, Just(q)));
    let edge = (prop::bool::ANY, prop_oneof![1u128..=100, 1u128..=u64::MAX as u128])
        .prop_map(|(low, q)| (if low { 1 } else { 3 * q - 1 }, q));
    // 0 < p < 3q and q >= 1: the ratio exists and, in lowest terms, is still in (0, 3).
    prop_oneof![small, huge, edge].prop_map(|(p, q)| Ratio::new(p, q).expect("q >= 1"))
}

/// Any method, including modified Sainte-Laguë with a random first divisor.
fn any_method() -> impl Strategy<Value = Method> {
    prop_oneof![
        12 => prop::sample::select(Method::ALL.to_vec()),
        1 => first_divisor().prop_map(|f| Method::modified_sainte_lague(f).expect("F is in (0, 3)")),
    ]
}

fn divisor_method() -> impl Strategy<Value = Method> {
    let divisor: Vec<Method> = Method::ALL.into_iter().filter(Method::is_divisor).collect();
    prop_oneof![
        8 => prop::sample::select(divisor),
        1 => first_divisor().prop_map(|f| Method::modified_sainte_lague(f).expect("F is in (0, 3)")),
    ]
}

/// Every method but Droop, whose rounded quota is not homogeneous.
fn method_with_exact_quota() -> impl Strategy<Value = Method> {
    let exact: Vec<Method> = Method::ALL.into_iter().filter(|&m| m != Method::DROOP).collect();
    prop_oneof![
        11 => prop::sample::select(exact),
        1 => first_divisor().prop_map(|f| Method::modified_sainte_lague(f).expect("F is in (0, 3)")),
    ]
}

/// Votes of 1 to 40 parties: tiny ranges (many ties), moderate, and any `u64`.
fn any_votes() -> impl Strategy<Value = Vec<u64>> {
    prop_oneof![
        vec(0u64..4, 1..=8),
        vec(0u64..20, 1..=40),
        vec(0u64..1_000, 1..=40),
        vec(0u64..1_000_000_000, 1..=40),
        vec(any::<u64>(), 1..=40),
    ]
}

/// As [`any_votes`], with at least one party with votes.
fn some_votes() -> impl Strategy<Value = Vec<u64>> {
    any_votes().prop_map(|mut v| {
        if v.iter().all(|&x| x == 0) {
            v[0] = 1;
        }
        v
    })
}

/// Votes that do not overflow when scaled by up to `2^20` or grown by up to `2^40`.
fn bounded_votes() -> impl Strategy<Value = Vec<u64>> {
    prop_oneof![vec(0u64..20, 1..=40), vec(0u64..1_000_000, 1..=40), vec(0u64..1 << 40, 1..=40)]
}

/// Votes near `u64::MAX`, mixed with small and arbitrary ones.
fn votes_near_max() -> impl Strategy<Value = Vec<u64>> {
    let one = prop_oneof![
        6 => (u64::MAX - 1000)..=u64::MAX,
        2 => 0u64..1000,
        1 => any::<u64>(),
        1 => (u64::MAX / 2 - 1000)..=(u64::MAX / 2 + 1000),
    ];
    vec(one, 1..=40)
}

fn reference_seats() -> impl Strategy<Value = u32> {
    1u32..=200
}

/// House sizes for tests that do not run the reference: small, large, huge.
fn any_seats() -> impl Strategy<Value = u32> {
    prop_oneof![8 => 1u32..=200, 3 => 1u32..=1_000_000, 1 => (u32::MAX - 1000)..=u32::MAX]
}

/// Votes with a permutation of their indices.
fn votes_and_permutation() -> impl Strategy<Value = (Vec<u64>, Vec<usize>)> {
    any_votes().prop_flat_map(|v| {
        let n = v.len();
        (Just(v), Just((0..n).collect::<Vec<usize>>()).prop_shuffle())
    })
}

/// Positions of `k >= 2` parties with equal votes among zero-vote parties.
fn tied_layout() -> impl Strategy<Value = Vec<bool>> {
    vec(prop::bool::weighted(0.7), 2..=20).prop_map(|mut l| {
        if l.iter().filter(|&&b| b).count() < 2 {
            l[0] = true;
            l[1] = true;
        }
        l
    })
}

// ------------------------------------------------------------------- helpers

fn run(method: Method, policy: TieBreak, votes: &[u64], seats: u32) -> Result<Allocation, Error> {
    method.apportioner().ties(policy).apportion(votes, seats)
}

fn as_parts(r: Result<Allocation, Error>) -> Result<(Vec<u32>, Option<saylau::TieResolution>), Error> {
    r.map(|a| (a.seats().to_vec(), a.tie().cloned()))
}

/// The library against the reference for one input, under every tie policy
/// (and, for quota methods, both excess policies).
fn check_against_reference(
    method: Method,
    votes: &[u64],
    seats: u32,
    seed: u64,
) -> Result<(), TestCaseError> {
    let expected = reference::apportion(method, votes, seats);
    for policy in [TieBreak::Error, TieBreak::ListOrder, TieBreak::MoreVotes] {
        let want = expected.clone().and_then(|o| reference::settle(&o, votes, policy));
        let got = as_parts(run(method, policy, votes, seats));
        prop_assert_eq!(got, want, "policy {}", policy);
    }
    let lot = TieBreak::Lot { seed };
    let got = run(method, lot, votes, seats);
    prop_assert_eq!(&got, &run(method, lot, votes, seats), "the same seed must draw the same lot");
    match &expected {
        Err(e) => prop_assert_eq!(got, Err(e.clone())),
        Ok(outcome) => check_lot(outcome, got, lot)?,
    }
    if let Method::LargestRemainder(q) = method {
        let strict = method.apportioner().excess(ExcessPolicy::Error).ties(TieBreak::ListOrder);
        let got = as_parts(strict.apportion(votes, seats));
        let want = match &expected {
            Err(e) => Err(e.clone()),
            Ok(Outcome { over_allocated: Some(given), .. }) => {
                Err(Error::OverAllocation { quota: q.label(), given: *given, seats })
            }
            Ok(o) => reference::settle(o, votes, TieBreak::ListOrder),
        };
        prop_assert_eq!(got, want, "ExcessPolicy::Error");
    }
    Ok(())
}

/// A lot is a valid resolution of the reference's tie: the winners are a
/// subset of the tied parties of the tie's size, the rest as the reference.
fn check_lot(outcome: &Outcome, got: Result<Allocation, Error>, lot: TieBreak) -> Result<(), TestCaseError> {
    let got = got.map_err(|e| TestCaseError::fail(format!("{lot} must always decide, got {e:?}")))?;
    match (&outcome.tie, got.tie()) {
        (None, None) => prop_assert_eq!(got.seats(), &outcome.base[..]),
        (Some(t), Some(r)) => {
            prop_assert_eq!(&r.parties, &t.parties);
            prop_assert_eq!(r.seats, t.seats);
            prop_assert_eq!(r.policy, lot);
            prop_assert_eq!(r.winners.len(), t.seats as usize);
            prop_assert!(
                r.winners.windows(2).all(|w| w[0] < w[1]),
                "winners in input order: {:?}",
                r.winners
            );
            prop_assert!(r.winners.iter().all(|w| t.parties.contains(w)), "winners {:?} not tied", r.winners);
            let mut want = outcome.base.clone();
            for &w in &r.winners {
                want[w] += 1;
            }
            prop_assert_eq!(got.seats(), &want[..]);
        }
        (want, have) => prop_assert!(false, "tie: reference {:?}, library {:?}", want, have),
    }
    Ok(())
}

/// `floor(v * seats / total)` and whether the division is exact.
fn exact_quota(v: u64, seats: u32, total: u128) -> (u128, bool) {
    let p = v as u128 * seats as u128;
    (p / total, p % total == 0)
}

// ---------------------------------------------------------------- properties

#[test]
fn reference_reproduces_textbook_examples() {
    let ok = |m: Method, votes: &[u64], seats: u32, policy: TieBreak| {
        let o = reference::apportion(m, votes, seats).unwrap();
        reference::settle(&o, votes, policy).unwrap().0
    };
    // Wikipedia's D'Hondt and Sainte-Laguë examples.
    let votes = [100_000, 80_000, 30_000, 20_000];
    assert_eq!(ok(Method::DHondt, &votes, 8, TieBreak::Error), [4, 3, 1, 0]);
    assert_eq!(ok(Method::SainteLague, &votes, 8, TieBreak::Error), [3, 3, 1, 1]);
    // The 2023 Mazhilis list seats (Hare, list order), Baytaq below 5%.
    let mazhilis = [3_431_510, 693_938, 547_154, 535_139, 432_920, 331_058, 0];
    assert_eq!(ok(Method::HARE, &mazhilis, 69, TieBreak::ListOrder), [40, 8, 6, 6, 5, 4, 0]);
    // Adams, Huntington-Hill, Dean give every party with votes a seat first.
    for m in [Method::Adams, Method::HuntingtonHill, Method::Dean] {
        assert_eq!(ok(m, &[1_000, 1, 0], 2, TieBreak::Error), [1, 1, 0]);
        let tie = reference::apportion(m, &[1_000, 1, 2], 2).unwrap().tie.unwrap();
        assert_eq!((tie.parties, tie.seats), (vec![0, 1, 2], 2));
    }
    // Hagenbach-Bischoff over-allocates with [1, 1], 1 seat: quota 1, two
    // whole seats; equal remainders, so a tie for the one seat left.
    let o = reference::apportion(Method::HAGENBACH_BISCHOFF, &[1, 1], 1).unwrap();
    assert_eq!(o.over_allocated, Some(2));
    assert_eq!(o.tie.map(|t| (t.parties, t.seats)), Some((vec![0, 1], 1)));
    // The 256-bit product.
    assert_eq!(reference::mul_256(u128::MAX, u128::MAX), [1, 0, u64::MAX - 1, u64::MAX]);
    assert_eq!(reference::mul_256(1 << 64, 1 << 64), [0, 0, 1, 0]);
    assert_eq!(cmp_mul(u128::MAX, u128::MAX - 1, u128::MAX - 1, u128::MAX), std::cmp::Ordering::Equal);
    assert_eq!(cmp_mul(1 << 100, (1 << 100) + 1, 1 << 101, 1 << 99), std::cmp::Ordering::Greater);
}

proptest! {
    #![proptest_config(config(2048))]

    /// The fast algorithms equal the textbook seat-by-seat definitions
    /// (Balinski and Young, ch. 7 and appendix A), for every method and tie
    /// policy: small vote ranges with many ties, and large ranges.
    #[test]
    fn fast_equals_naive_reference(
        method in any_method(),
        votes in any_votes(),
        seats in reference_seats(),
        seed in any::<u64>(),
    ) {
        check_against_reference(method, &votes, seats, seed)?;
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// As `fast_equals_naive_reference`, with up to 150 parties (the heap
    /// correction) and 800 seats.
    #[test]
    fn fast_equals_naive_reference_for_many_parties_and_seats(
        method in any_method(),
        votes in prop_oneof![vec(0u64..30, 1..=150), vec(0u64..1_000_000, 1..=150), vec(any::<u64>(), 1..=150)],
        seats in 1u32..=800,
        seed in any::<u64>(),
    ) {
        check_against_reference(method, &votes, seats, seed)?;
    }
}

proptest! {
    #![proptest_config(config(1024))]

    /// Exactness: votes within 1000 of `u64::MAX` (products far beyond
    /// `u128` for Huntington-Hill and modified Sainte-Laguë comparisons),
    /// mixed with small ones, give the reference's exact result.
    #[test]
    fn votes_near_u64_max_are_exact(
        method in any_method(),
        votes in votes_near_max(),
        seats in reference_seats(),
        seed in any::<u64>(),
    ) {
        check_against_reference(method, &votes, seats, seed)?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// House size: every allocation gives exactly the house size, for every
    /// method and tie policy; only `Error` and `MoreVotes` may refuse, with
    /// a tie of fewer seats than tied parties.
    #[test]
    fn total_seats_equal_house_size(
        method in any_method(),
        votes in some_votes(),
        seats in any_seats(),
        seed in any::<u64>(),
    ) {
        for policy in [TieBreak::Error, TieBreak::ListOrder, TieBreak::MoreVotes, TieBreak::Lot { seed }] {
            match run(method, policy, &votes, seats) {
                Ok(a) => {
                    let sum: u64 = a.seats().iter().map(|&s| s as u64).sum();
                    prop_assert_eq!(sum, seats as u64, "policy {}", policy);
                    prop_assert_eq!(a.total_seats(), seats);
                    prop_assert!(
                        a.seats().iter().zip(&votes).all(|(&s, &v)| v > 0 || s == 0),
                        "a party without votes got a seat: {:?}", a.seats()
                    );
                }
                Err(Error::Tie { parties, seats: contested })
                    if matches!(policy, TieBreak::Error | TieBreak::MoreVotes) =>
                {
                    prop_assert!(contested >= 1 && (contested as usize) < parties.len());
                    prop_assert!(parties.windows(2).all(|w| w[0] < w[1]));
                }
                Err(e) => prop_assert!(false, "policy {}: unexpected {:?}", policy, e),
            }
        }
    }

    /// Anonymity (Balinski and Young, prop. A.2): permuting the parties
    /// permutes the seats, and a tie names the same parties.
    #[test]
    fn anonymity_permuting_parties_permutes_seats(
        method in any_method(),
        (votes, perm) in votes_and_permutation(),
        seats in any_seats(),
    ) {
        let permuted: Vec<u64> = perm.iter().map(|&p| votes[p]).collect();
        let position: Vec<usize> = {
            let mut pos = vec![0; perm.len()];
            for (j, &p) in perm.iter().enumerate() {
                pos[p] = j;
            }
            pos
        };
        let a = method.apportion(&votes, seats);
        let b = method.apportion(&permuted, seats);
        match (a, b) {
            (Ok(a), Ok(b)) => {
                let want: Vec<u32> = perm.iter().map(|&p| a.seats()[p]).collect();
                prop_assert_eq!(b.seats(), &want[..]);
            }
            (Err(Error::Tie { parties, seats }), b) => {
                let mut moved: Vec<usize> = parties.iter().map(|&p| position[p]).collect();
                moved.sort_unstable();
                prop_assert_eq!(b, Err(Error::Tie { parties: moved, seats }));
            }
            (a, b) => prop_assert_eq!(a.map(|_| ()), b.map(|_| ())),
        }
    }

    /// House monotonicity (Balinski and Young, thm. 4.3: divisor methods
    /// are house monotone): with one more seat no party loses a seat.
    #[test]
    fn divisor_methods_are_house_monotone(
        method in divisor_method(),
        votes in any_votes(),
        seats in prop_oneof![1u32..=200, 1u32..=1_000_000],
    ) {
        if let (Ok(a), Ok(b)) = (method.apportion(&votes, seats), method.apportion(&votes, seats + 1)) {
            for (i, (x, y)) in a.seats().iter().zip(b.seats()).enumerate() {
                prop_assert!(y >= x, "party {} has {} seats at S={} but {} at S+1", i, x, seats, y);
            }
        }
    }

    /// Population monotonicity (Balinski and Young, thm. 4.3 and prop. 6.1):
    /// if one party's votes grow and the others' stay, it does not lose seats.
    #[test]
    fn divisor_methods_are_population_monotone(
        method in divisor_method(),
        votes in bounded_votes(),
        who in any::<Index>(),
        growth in prop_oneof![1u64..=10, 1u64..=1 << 40],
        seats in any_seats(),
    ) {
        let i = who.index(votes.len());
        let mut grown = votes.clone();
        grown[i] += growth;
        if let (Ok(a), Ok(b)) = (method.apportion(&votes, seats), method.apportion(&grown, seats)) {
            prop_assert!(
                b.seats()[i] >= a.seats()[i],
                "party {} fell from {} to {} seats when growing by {}", i, a.seats()[i], b.seats()[i], growth
            );
        }
    }

    /// Quota (Balinski and Young, ch. 6): Hamilton's method gives every party
    /// the floor or the ceiling of its exact quota `v S / V`, where `V` counts
    /// only the parties taking part after a threshold; however ties are
    /// broken. Parties below the threshold or without votes get nothing.
    #[test]
    fn largest_remainder_satisfies_quota(
        votes in any_votes(),
        percent in 0u64..=15,
        against_all in prop_oneof![Just(0u64), 0u64..1_000_000, any::<u64>()],
        seats in any_seats(),
        seed in any::<u64>(),
    ) {
        let threshold = Threshold::new(Ratio::integer(percent)).unwrap();
        let eligible = threshold.eligible(&votes, against_all);
        let taking_part: Vec<u64> =
            votes.iter().zip(&eligible).map(|(&v, &e)| if e { v } else { 0 }).collect();
        let total: u128 = taking_part.iter().map(|&v| v as u128).sum();
        for policy in [TieBreak::ListOrder, TieBreak::Lot { seed }] {
            let got = run(Method::HARE, policy, &taking_part, seats);
            if total == 0 {
                prop_assert_eq!(got, Err(Error::ZeroVotes));
                continue;
            }
            let got = got.expect("ties are decided");
            for (i, (&v, &s)) in taking_part.iter().zip(got.seats()).enumerate() {
                let (floor, exact) = exact_quota(v, seats, total);
                let ceil = if exact { floor } else { floor + 1 };
                prop_assert!(
                    floor <= s as u128 && s as u128 <= ceil,
                    "party {} with {} of {} votes has {} seats, quota in [{}, {}]", i, v, total, s, floor, ceil
                );
            }
        }
    }

    /// Lower quota (Balinski and Young, thm. 6.2 / prop. 3.10): D'Hondt
    /// gives every party at least `floor(v S / V)` seats, whatever the tie.
    #[test]
    fn dhondt_satisfies_lower_quota(
        votes in some_votes(),
        seats in any_seats(),
        seed in any::<u64>(),
    ) {
        let total: u128 = votes.iter().map(|&v| v as u128).sum();
        for policy in [TieBreak::ListOrder, TieBreak::Lot { seed }] {
            let got = run(Method::DHondt, policy, &votes, seats).expect("ties are decided");
            for (i, (&v, &s)) in votes.iter().zip(got.seats()).enumerate() {
                let (floor, _) = exact_quota(v, seats, total);
                prop_assert!(s as u128 >= floor, "party {} has {} seats below its lower quota {}", i, s, floor);
            }
        }
    }

    /// Upper quota (Balinski and Young, thm. 6.2): Adams gives no party more
    /// than `ceil(v S / V)` seats, whatever the tie.
    #[test]
    fn adams_satisfies_upper_quota(
        votes in some_votes(),
        seats in any_seats(),
        seed in any::<u64>(),
    ) {
        let total: u128 = votes.iter().map(|&v| v as u128).sum();
        for policy in [TieBreak::ListOrder, TieBreak::Lot { seed }] {
            let got = run(Method::Adams, policy, &votes, seats).expect("ties are decided");
            for (i, (&v, &s)) in votes.iter().zip(got.seats()).enumerate() {
                let (floor, exact) = exact_quota(v, seats, total);
                let ceil = if exact { floor } else { floor + 1 };
                prop_assert!(s as u128 <= ceil, "party {} has {} seats above its upper quota {}", i, s, ceil);
            }
        }
    }

    /// Thresholds are exact percentages passed with `>=`: for a threshold
    /// `N / 10^k` percent read from decimal text, `passes(v, base)` iff
    /// `v * 100 * 10^k >= N * base`, checked near the boundary; and
    /// `eligible` applies it to the base `sum(votes) + extra`.
    #[test]
    fn threshold_is_exact_percentage(
        whole in 0u64..100,
        decimals in "[0-9]{0,6}",
        base in prop_oneof![1u128..1_000, 1u128..=u64::MAX as u128],
        delta in -2i128..=2,
        votes in any_votes(),
        extra in prop_oneof![Just(0u64), any::<u64>()],
    ) {
        let text = if decimals.is_empty() { format!("{whole}") } else { format!("{whole}.{decimals}") };
        let t: Threshold = text.parse().unwrap();
        let denom = 10u128.pow(decimals.len() as u32);
        let numer = whole as u128 * denom + decimals.parse::<u128>().unwrap_or(0);
        // The least passing vote count: ceil(numer * base / (100 * denom)).
        let least = (numer * base).div_ceil(100 * denom);
        let v = (least as i128 + delta).clamp(0, u64::MAX as i128) as u64;
        let want = cmp_mul(v as u128 * 100, denom, numer, base).is_ge();
        prop_assert_eq!(want, v as u128 >= least);
        prop_assert_eq!(t.passes(v, base), want, "{}% of {}: {} votes", text, base, v);

        let base = votes.iter().map(|&v| v as u128).sum::<u128>() + extra as u128;
        let want: Vec<bool> = votes
            .iter()
            .map(|&v| v > 0 && cmp_mul(v as u128 * 100, denom, numer, base).is_ge())
            .collect();
        prop_assert_eq!(t.eligible(&votes, extra), want);
    }

    /// Thresholds stay exact with 30 decimals and bases up to `u128::MAX`,
    /// where `N * base` needs 256 bits.
    #[test]
    fn threshold_is_exact_percentage_with_long_decimals(
        whole in 0u64..100,
        decimals in "[0-9]{1,30}",
        v in any::<u64>(),
        base in prop_oneof![any::<u128>(), 1u128..=u64::MAX as u128 * 100],
    ) {
        let t: Threshold = format!("{whole}.{decimals}").parse().unwrap();
        let denom = 10u128.pow(decimals.len() as u32);
        let numer = whole as u128 * denom + decimals.parse::<u128>().unwrap();
        let want = cmp_mul(v as u128 * 100, denom, numer, base).is_ge();
        prop_assert_eq!(t.passes(v, base), want);
    }

    /// The "at least `n` parties" rule: if fewer than `n` parties pass, the
    /// parties with most votes below the threshold are admitted until `n`
    /// take part, all parties level with the last one admitted together;
    /// parties without votes never take part.
    #[test]
    fn threshold_at_least_admits_the_best_below(
        votes in prop_oneof![vec(0u64..20, 1..=40), vec(any::<u64>(), 1..=40)],
        percent in 0u64..=100,
        extra in prop_oneof![Just(0u64), 0u64..100, any::<u64>()],
        at_least in 0usize..=10,
    ) {
        let t = Threshold::new(Ratio::integer(percent)).unwrap();
        let passing = t.eligible(&votes, extra);
        let count = passing.iter().filter(|&&e| e).count();
        let mut below: Vec<u64> =
            votes.iter().zip(&passing).filter(|&(&v, &e)| v > 0 && !e).map(|(&v, _)| v).collect();
        below.sort_unstable_by(|a, b| b.cmp(a));
        // The fewest votes admitted from below the threshold, if any are.
        let cut = match at_least.checked_sub(count) {
            None | Some(0) => None,
            Some(need) => below.get(need - 1).or(below.last()).copied(),
        };
        let want: Vec<bool> = votes
            .iter()
            .zip(&passing)
            .map(|(&v, &e)| e || (v > 0 && cut.is_some_and(|c| v >= c)))
            .collect();
        prop_assert_eq!(t.eligible_at_least(&votes, extra, at_least), want);
    }

    /// Ties are reported, not broken: `k` parties with equal votes (among
    /// parties without votes) and a house that is not a multiple of `k` give
    /// `Error::Tie` naming all `k` for `S mod k` seats, under every method;
    /// `MoreVotes` cannot decide either; `ListOrder` favours the first.
    #[test]
    fn ties_are_reported_not_broken(
        method in any_method(),
        layout in tied_layout(),
        v in prop_oneof![1u64..=10, any::<u64>().prop_map(|v| v.max(1)), (u64::MAX - 10)..=u64::MAX],
        seats in 1u32..=200,
    ) {
        let votes: Vec<u64> = layout.iter().map(|&b| if b { v } else { 0 }).collect();
        let parties: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] > 0).collect();
        let k = parties.len() as u32;
        // A multiple of k is no tie: move to the next house size, which is not.
        let seats = if seats % k == 0 { seats + 1 } else { seats };
        let tie = Err(Error::Tie { parties: parties.clone(), seats: seats % k });
        prop_assert_eq!(run(method, TieBreak::Error, &votes, seats), tie.clone());
        prop_assert_eq!(run(method, TieBreak::MoreVotes, &votes, seats), tie);
        let ordered = run(method, TieBreak::ListOrder, &votes, seats).unwrap();
        for (rank, &p) in parties.iter().enumerate() {
            let want = seats / k + u32::from((rank as u32) < seats % k);
            prop_assert_eq!(ordered.seats()[p], want);
        }
    }

    /// Equal claims that all fit are not a tie: `k` parties with equal votes
    /// and `m k` seats get `m` seats each under every method, with no tie.
    #[test]
    fn tie_in_middle_of_divisor_run_is_not_a_tie(
        method in any_method(),
        layout in tied_layout(),
        v in prop_oneof![1u64..=10, any::<u64>().prop_map(|v| v.max(1))],
        m in 1u32..=20,
    ) {
        let votes: Vec<u64> = layout.iter().map(|&b| if b { v } else { 0 }).collect();
        let k = votes.iter().filter(|&&x| x > 0).count() as u32;
        let got = run(method, TieBreak::Error, &votes, m * k).unwrap();
        let want: Vec<u32> = votes.iter().map(|&x| if x > 0 { m } else { 0 }).collect();
        prop_assert_eq!(got.seats(), &want[..]);
        prop_assert!(got.tie().is_none());
    }

    /// Equal quotients across unequal parties mid-run are not a tie either:
    /// with votes `c_i L` and `m sum(c_i)` seats, D'Hondt and Hare give
    /// exactly `c_i m` seats, although every party's last seat is won at the
    /// same D'Hondt quotient `L / m`.
    #[test]
    fn tie_in_middle_of_divisor_run_is_not_a_tie_for_proportional_votes(
        shares in vec(0u64..=10, 1..=40),
        unit in prop_oneof![1u64..=10, 1u64..=1 << 32],
        m in 1u32..=50,
    ) {
        let mut shares = shares;
        if shares.iter().all(|&c| c == 0) {
            shares[0] = 1;
        }
        let parts: u64 = shares.iter().sum();
        let votes: Vec<u64> = shares.iter().map(|&c| c * unit).collect();
        let seats = m * parts as u32;
        let want: Vec<u32> = shares.iter().map(|&c| c as u32 * m).collect();
        for method in [Method::DHondt, Method::HARE] {
            let got = run(method, TieBreak::Error, &votes, seats).unwrap();
            prop_assert_eq!(got.seats(), &want[..], "{}", method);
        }
    }

    /// Homogeneity (Balinski and Young, prop. A.1): multiplying all votes by
    /// a constant changes nothing, ties included, for divisor methods and
    /// the exact quotas (Hare, Hagenbach-Bischoff, Imperiali; not Droop,
    /// whose quota is rounded).
    #[test]
    fn allocation_independent_of_scale(
        method in method_with_exact_quota(),
        votes in bounded_votes(),
        factor in prop_oneof![2u64..=10, 2u64..=1 << 20],
        seats in any_seats(),
    ) {
        let scaled: Vec<u64> = votes.iter().map(|&v| v * factor).collect();
        let a = as_parts(method.apportion(&votes, seats));
        let b = as_parts(method.apportion(&scaled, seats));
        prop_assert_eq!(a, b);
    }
}

proptest! {
    #![proptest_config(config(512))]

    /// The reference on the quota methods' rounds rule: with more seats than
    /// parties with votes left after the whole seats (Droop on tiny votes),
    /// every party with votes gets the same number of extra rounds first.
    #[test]
    fn droop_rounds_match_reference(
        votes in vec(0u64..4, 1..=6),
        seats in 1u32..=200,
        seed in any::<u64>(),
    ) {
        check_against_reference(Method::LargestRemainder(Quota::Droop), &votes, seats, seed)?;
    }
}
