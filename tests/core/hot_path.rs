//! The hot path of the largest-remainder methods and the buffer API.
//!
//! - The largest-remainder kernel runs on `u64` when the total times the
//!   quota's multiplier (Droop: the total) fits in a `u64`, and on `u128`
//!   otherwise. The tests here put the total exactly at, just below and just
//!   above that boundary and check both sides against the slow reference
//!   (`tests/reference/mod.rs`, 128/256-bit arithmetic written independently).
//! - [`Apportioner::apportion_into`] gives the same seats, tie and errors as
//!   [`Apportioner::apportion`] for every method, with one `Scratch` and one
//!   output buffer reused across all cases.

use crate::reference;

use proptest::collection::vec;
use proptest::prelude::*;
use saylau::apportion::Scratch;
use saylau::{Apportioner, Error, ExcessPolicy, Method, Quota, TieBreak, TieResolution};

type Parts = Result<(Vec<u32>, Option<TieResolution>), Error>;

fn by_apportion(a: &Apportioner, votes: &[u64], seats: u32) -> Parts {
    a.apportion(votes, seats).map(|x| (x.seats().to_vec(), x.tie().cloned()))
}

/// `apportion_into` into a buffer holding garbage from earlier calls.
fn by_buffer(a: &Apportioner, votes: &[u64], seats: u32, out: &mut Vec<u32>, scratch: &mut Scratch) -> Parts {
    out.clear();
    out.resize(votes.len(), 0xDEAD_BEEF);
    a.apportion_into(votes, seats, out, scratch).map(|tie| (out.clone(), tie))
}

/// The reference's answer under `policy` and `excess`.
fn by_reference(method: Method, votes: &[u64], seats: u32, policy: TieBreak, excess: ExcessPolicy) -> Parts {
    let outcome = reference::apportion(method, votes, seats)?;
    if let (Method::LargestRemainder(q), ExcessPolicy::Error, Some(given)) =
        (method, excess, outcome.over_allocated)
    {
        return Err(Error::OverAllocation { quota: q.label(), given, seats });
    }
    reference::settle(&outcome, votes, policy)
}

/// The multiplier `m` of the quota's numerator scaling (`v m / V`); 1 for
/// Droop, whose kernel divides the votes themselves by the quota.
fn multiplier(quota: Quota, seats: u32) -> u128 {
    let s = seats as u128;
    match quota {
        Quota::Hare => s,
        Quota::Droop => 1,
        Quota::HagenbachBischoff => s + 1,
        Quota::Imperiali => s + 2,
    }
}

/// Splits `total` into votes: one party holding almost everything (so that
/// its `v m` is within a few percent of the total's), then parties shaped by
/// `shape`. Each vote is at most `u64::MAX`.
fn split_total(total: u128, shape: &[u64]) -> Vec<u64> {
    let mut votes = Vec::new();
    let mut left = total;
    for &s in shape {
        let v = (s as u128).min(left);
        votes.push(v as u64);
        left -= v;
    }
    while left > 0 {
        let v = left.min(u64::MAX as u128);
        votes.insert(0, v as u64);
        left -= v;
    }
    votes
}

/// Checks one input under every deterministic tie policy and both excess
/// policies, by `apportion` and by `apportion_into`, against the reference.
fn check_all_ways(method: Method, votes: &[u64], seats: u32, out: &mut Vec<u32>, scratch: &mut Scratch) {
    for policy in [TieBreak::Error, TieBreak::ListOrder, TieBreak::MoreVotes] {
        for excess in [ExcessPolicy::RemoveSmallestRemainders, ExcessPolicy::Error] {
            let a = method.apportioner().ties(policy).excess(excess);
            let want = by_reference(method, votes, seats, policy, excess);
            let got = by_apportion(&a, votes, seats);
            assert_eq!(got, want, "{method} {policy} {excess:?} votes {votes:?} seats {seats}");
            let into = by_buffer(&a, votes, seats, out, scratch);
            assert_eq!(into, want, "into: {method} {policy} {excess:?} votes {votes:?} seats {seats}");
        }
    }
}

/// Vote shapes beside the big party: ties, exact multiples, tiny parties.
const SHAPES: [&[u64]; 6] = [
    &[],
    &[1],
    &[1, 1],
    &[12_345_678_901, 12_345_678_901, 3],
    &[u32::MAX as u64, 1 << 40, 999_999_937, 7, 0],
    &[1 << 62, 1 << 61, 1 << 60, 5, 5],
];

#[test]
fn u64_and_u128_paths_agree_where_the_product_stops_fitting() {
    let mut out = Vec::new();
    let mut scratch = Scratch::new();
    let max = u64::MAX as u128;
    for quota in [Quota::Hare, Quota::Droop, Quota::HagenbachBischoff, Quota::Imperiali] {
        let method = Method::LargestRemainder(quota);
        for seats in [1u32, 2, 3, 69, 253, 254, 255, 256, 435, 65_535, 1_000_000, u32::MAX - 2, u32::MAX] {
            let m = multiplier(quota, seats);
            // The largest total on the u64 path: total * m <= u64::MAX.
            let edge = max / m;
            for total in [edge - 1, edge, edge + 1, edge + 2] {
                for shape in SHAPES {
                    let votes = split_total(total, shape);
                    assert_eq!(votes.iter().map(|&v| v as u128).sum::<u128>(), total);
                    check_all_ways(method, &votes, seats, &mut out, &mut scratch);
                }
            }
        }
    }
}

#[test]
fn the_product_is_exactly_u64_max_on_the_u64_side() {
    // u64::MAX = 3 * 5 * 17 * 257 * 641 * 65537 * 6700417, so with m = 255
    // the total u64::MAX / 255 makes V m exactly u64::MAX (the last total on
    // the u64 path) and one vote more makes it u64::MAX + 255.
    let mut out = Vec::new();
    let mut scratch = Scratch::new();
    let edge = u64::MAX / 255;
    assert_eq!(edge as u128 * 255, u64::MAX as u128);
    for (quota, seats) in [(Quota::Hare, 255), (Quota::HagenbachBischoff, 254), (Quota::Imperiali, 253)] {
        assert_eq!(multiplier(quota, seats), 255);
        let method = Method::LargestRemainder(quota);
        for total in [edge as u128, edge as u128 + 1] {
            // The largest party's v m is u64::MAX - 255 * 2 on the u64 side.
            for votes in [
                vec![total as u64 - 2, 1, 1],
                vec![(total / 2) as u64, (total - total / 2) as u64],
                vec![(total / 3) as u64, (total / 3) as u64, (total - 2 * (total / 3)) as u64],
                vec![total as u64 - 1, 0, 1],
            ] {
                assert_eq!(votes.iter().map(|&v| v as u128).sum::<u128>(), total);
                check_all_ways(method, &votes, seats, &mut out, &mut scratch);
            }
        }
    }
    // Droop: the kernel is u64 while the total fits in a u64.
    for votes in [vec![u64::MAX - 1, 1], vec![u64::MAX, 1], vec![u64::MAX / 2, u64::MAX / 2 + 1, 1]] {
        for seats in [1, 2, 69, 255] {
            check_all_ways(Method::DROOP, &votes, seats, &mut out, &mut scratch);
        }
    }
}

#[test]
fn remainders_one_apart_near_u64_max() {
    // Two parties whose remainders differ by one unit out of ~2^64: a float
    // comparison of v m / V could not tell them apart.
    let mut out = Vec::new();
    let mut scratch = Scratch::new();
    let seats = 3u32;
    let total = u64::MAX / 3;
    // v = total / 3 + d for small d: the remainders v*3 mod total differ by 3d.
    let third = total / 3;
    for d in 0..4u64 {
        let votes = [third + d, third, total - 2 * third - d];
        check_all_ways(Method::HARE, &votes, seats, &mut out, &mut scratch);
        check_all_ways(Method::DROOP, &votes, seats, &mut out, &mut scratch);
    }
}

#[test]
fn apportion_into_rejects_a_buffer_of_the_wrong_length() {
    let mut scratch = Scratch::new();
    for method in Method::ALL {
        let a = method.apportioner();
        for len in [0, 2, 4] {
            let mut out = vec![0u32; len];
            let r = a.apportion_into(&[10, 20, 30], 5, &mut out, &mut scratch);
            assert!(matches!(r, Err(Error::LengthMismatch { expected: 3, .. })), "{method} len {len}: {r:?}");
        }
        // The input errors come first, as in `apportion`.
        assert_eq!(a.apportion_into(&[], 5, &mut [], &mut scratch), Err(Error::NoParties));
        assert_eq!(a.apportion_into(&[0, 0], 5, &mut [0, 0], &mut scratch), Err(Error::ZeroVotes));
        assert_eq!(a.apportion_into(&[1, 2], 0, &mut [0, 0], &mut scratch), Err(Error::NoSeats));
    }
}

#[test]
fn apportion_into_on_the_benchmark_shapes() {
    // Many parties (the heaps of the divisor methods, a key buffer beyond the
    // stack), then few: one scratch serves all sizes.
    let mut rng = 42u64;
    let mut next = move || {
        rng = rng.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = rng;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    };
    let cases: Vec<(Vec<u64>, u32)> = vec![
        ((0..1000).map(|_| 1 + next() % 1_000_000).collect(), 10_000),
        ((0..100).map(|_| 1 + next() % 1_000_000_000).collect(), 1_000_000),
        ((0..65).map(|_| next() % 1_000).collect(), 300),
        ((0..7).map(|_| 1 + next() % 3_000_000).collect(), 69),
    ];
    let mut out = Vec::new();
    let mut scratch = Scratch::new();
    for _ in 0..2 {
        for (votes, seats) in &cases {
            for method in Method::ALL {
                let a = method.apportioner().ties(TieBreak::ListOrder);
                let want = by_apportion(&a, votes, *seats);
                assert!(want.is_ok(), "{method}: {want:?}");
                assert_eq!(by_buffer(&a, votes, *seats, &mut out, &mut scratch), want, "{method}");
            }
        }
    }
}

/// Votes of 1 to 80 parties: tiny ranges (ties), moderate, and any `u64`.
fn any_votes() -> impl Strategy<Value = Vec<u64>> {
    prop_oneof![
        vec(0u64..4, 1..=8),
        vec(0u64..20, 1..=80),
        vec(0u64..1_000_000_000, 1..=80),
        vec(any::<u64>(), 1..=80),
        vec((u64::MAX - 1000)..=u64::MAX, 1..=8),
    ]
}

fn any_policy() -> impl Strategy<Value = TieBreak> {
    prop_oneof![
        Just(TieBreak::Error),
        Just(TieBreak::ListOrder),
        Just(TieBreak::MoreVotes),
        any::<u64>().prop_map(|seed| TieBreak::Lot { seed }),
    ]
}

fn any_seats() -> impl Strategy<Value = u32> {
    prop_oneof![8 => 1u32..=200, 3 => 1u32..=1_000_000, 1 => (u32::MAX - 3)..=u32::MAX]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// `apportion_into` (one reused scratch and buffer) equals `apportion`,
    /// errors included, for every method and policy.
    #[test]
    fn apportion_into_equals_apportion(
        cases in vec((any_votes(), any_seats(), any_policy(), any::<bool>()), 1..=4),
        method in prop::sample::select(Method::ALL.to_vec()),
    ) {
        let mut out = Vec::new();
        let mut scratch = Scratch::new();
        for (votes, seats, policy, strict) in cases {
            let excess = if strict { ExcessPolicy::Error } else { ExcessPolicy::RemoveSmallestRemainders };
            let a = method.apportioner().ties(policy).excess(excess);
            let want = by_apportion(&a, &votes, seats);
            let got = by_buffer(&a, &votes, seats, &mut out, &mut scratch);
            prop_assert_eq!(got, want, "{} {} {:?} seats {}", method, policy, excess, seats);
        }
    }

    /// Largest remainder near the u64 boundary of `V m`, random splits of
    /// the total, against the reference.
    #[test]
    fn largest_remainder_near_the_boundary_matches_reference(
        quota in prop::sample::select(vec![Quota::Hare, Quota::Droop, Quota::HagenbachBischoff, Quota::Imperiali]),
        seats in prop_oneof![1u32..=300, 1u32..=1_000_000],
        offset in -3i64..=3,
        cuts in vec(any::<u64>(), 0..=6),
    ) {
        let m = multiplier(quota, seats);
        let total = ((u64::MAX as u128 / m) as i128 + offset as i128).max(1) as u128;
        // Random cut points of the total, sorted: the parties are the gaps.
        let mut points: Vec<u128> = cuts.iter().map(|&c| c as u128 % (total + 1)).collect();
        points.push(0);
        points.push(total);
        points.sort_unstable();
        // A gap wider than a u64 (only for Droop's totals above u64::MAX)
        // becomes two parties.
        let votes: Vec<u64> = points
            .windows(2)
            .flat_map(|w| {
                let gap = w[1] - w[0];
                let first = gap.min(u64::MAX as u128);
                [Some(first as u64), (gap > first).then(|| (gap - first) as u64)]
            })
            .flatten()
            .collect();
        prop_assume!(votes.iter().any(|&v| v > 0));
        let mut out = Vec::new();
        let mut scratch = Scratch::new();
        check_all_ways(Method::LargestRemainder(quota), &votes, seats, &mut out, &mut scratch);
    }
}
