//! Property tests of the analysis modules: fragility against a search over
//! every vote change, index inequalities, and the classical theorems behind
//! the paradox detectors (Balinski and Young, *Fair Representation*, 2001).
//!
//! Failing cases are saved under
//! `proptest-regressions/analysis_properties.txt` at the crate root.

use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use saylau::fragility::{fragility, seats_with};
use saylau::metrics::{Index, IndexValue, Metrics, TierMetrics};
use saylau::paradox::{alabama, quota_violations};
use saylau::system::{ListTier, Overrides, Preset};
use saylau::{Method, Ratio, Threshold, TieBreak};

const REGRESSIONS: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/analysis_properties.txt");

fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        ..ProptestConfig::default()
    }
}

fn method() -> impl Strategy<Value = Method> {
    (0..Method::ALL.len()).prop_map(|i| Method::ALL[i])
}

fn ties() -> impl Strategy<Value = TieBreak> {
    prop_oneof![
        Just(TieBreak::Error),
        Just(TieBreak::ListOrder),
        Just(TieBreak::MoreVotes),
        (0u64..4).prop_map(|seed| TieBreak::Lot { seed }),
    ]
}

fn threshold() -> impl Strategy<Value = Threshold> {
    prop_oneof![
        Just(Threshold::NONE),
        (1u128..=25).prop_map(|p| Threshold::new(Ratio::integer(p as u64)).unwrap()),
        Just(Threshold::new(Ratio::new(10, 3).unwrap()).unwrap()),
    ]
}

fn tier() -> impl Strategy<Value = ListTier> {
    (1u32..=8, method(), threshold(), any::<bool>(), ties(), 0usize..=2).prop_map(
        |(seats, method, threshold, against_all_in_base, ties, min_parties)| {
            let base = Preset::Mazhilis.body(&Overrides::default()).unwrap().list.unwrap();
            ListTier { seats, method, threshold, against_all_in_base, ties, min_parties, ..base }
        },
    )
}

/// Extra votes searched for a gain by brute force. With at most 4 parties of
/// at most 60 votes and 8 seats, any seat that can be gained is gained with
/// fewer extra votes (D'Hondt's last seat needs v / 8 > 60).
const BOUND: u64 = 600;

proptest! {
    #![proptest_config(config(256))]

    /// Votes to gain and to lose equal the least `k` found by trying every
    /// `k` (up to [`BOUND`] for gains, every loss down to zero votes).
    #[test]
    fn fragility_matches_brute_force(
        tier in tier(),
        votes in proptest::collection::vec(0u64..=60, 1..=4),
        against_all in 0u64..=20,
    ) {
        let Ok(rows) = fragility(&tier, &votes, against_all) else {
            // The count at the actual votes fails: nothing to check.
            return Ok(());
        };
        for r in rows {
            // Within the one-by-one scan of the unproved quotas: exact.
            prop_assert!(r.exact);
            let i = r.index;
            let f = |x: u64| seats_with(&tier, &votes, against_all, i, x);
            let gain = (1..=BOUND).find(|&k| f(votes[i] + k) > r.seats);
            match r.votes_to_gain {
                Some(k) if k <= BOUND => prop_assert_eq!(Some(k), gain, "gain {:?}", r),
                Some(_) | None => prop_assert_eq!(gain, None, "gain {:?}", r),
            }
            if let Some(k) = r.votes_to_gain {
                prop_assert_eq!(r.seats_after_gain, Some(f(votes[i] + k)));
            }
            let loss = if r.seats == 0 {
                None
            } else {
                (1..=votes[i]).find(|&k| f(votes[i] - k) < r.seats)
            };
            prop_assert_eq!(r.votes_to_lose, loss, "loss {:?}", r);
            prop_assert_eq!(r.spare_votes, loss.map_or(votes[i], |k| k - 1));
        }
    }

    /// Index inequalities: `0 <= Gallagher <= Loosemore–Hanby <= 100`,
    /// `1 <= ENEP <= number of parties with votes`, and zero
    /// disproportionality for an exactly proportional result.
    #[test]
    fn index_bounds(
        rows in proptest::collection::vec((0u64..=1_000_000, 0u32..=50), 1..=12),
        extra in 0u64..=100_000,
        scale in 1u32..=5,
    ) {
        let votes: Vec<u64> = rows.iter().map(|r| r.0).collect();
        let seats: Vec<u32> = rows.iter().map(|r| r.1).collect();
        if let Ok(m) = Metrics::compute(&votes, &seats, extra) {
            prop_assert!(m.gallagher >= 0.0 && m.gallagher <= m.loosemore_hanby + 1e-9);
            prop_assert!(m.loosemore_hanby <= 100.0 + 1e-9);
            let with_votes = votes.iter().filter(|&&v| v > 0).count() as f64;
            prop_assert!(m.enep >= 1.0 - 1e-9 && m.enep <= with_votes + 1e-9);
            prop_assert!(m.golosov_votes >= 1.0 - 1e-9 && m.golosov_votes <= with_votes + 1e-9);
            prop_assert!(m.wasted_votes <= m.vote_base);
        }
        // Seats exactly proportional to votes.
        let votes: Vec<u64> = seats.iter().map(|&s| s as u64 * scale as u64).collect();
        if let Ok(m) = Metrics::compute(&votes, &seats, 0) {
            prop_assert!(m.gallagher < 1e-9 && m.loosemore_hanby < 1e-9 && m.sainte_lague < 1e-9);
            prop_assert!((m.enep - m.enpp).abs() < 1e-9);
        }
    }

    /// The named figures are the positional ones, party by party, and the
    /// largest party is named by the one with the most votes.
    #[test]
    fn named_metrics_match_positional(
        rows in proptest::collection::vec((0u64..=1_000_000, 0u32..=50), 1..=12),
        extra in 0u64..=100_000,
    ) {
        let named: Vec<(String, u64, u32)> =
            rows.iter().enumerate().map(|(i, r)| (format!("P{i}"), r.0, r.1)).collect();
        let votes: Vec<u64> = rows.iter().map(|r| r.0).collect();
        let seats: Vec<u32> = rows.iter().map(|r| r.1).collect();
        match (TierMetrics::new(&named, extra), Metrics::compute(&votes, &seats, extra)) {
            (Ok(t), Ok(m)) => {
                for (i, p) in t.parties.iter().enumerate() {
                    prop_assert_eq!(&p.party, &named[i].0);
                    prop_assert_eq!((p.votes, p.seats), (votes[i], seats[i]));
                    prop_assert_eq!(p.vote_share, m.vote_shares[i]);
                    prop_assert_eq!(p.seat_share, m.seat_shares[i]);
                    prop_assert_eq!(p.advantage_ratio, m.advantage_ratios[i]);
                }
                let most = votes.iter().copied().max().unwrap_or(0);
                let first = votes.iter().position(|&v| v == most).unwrap_or(0);
                prop_assert_eq!(t.value(Index::LargestParty), IndexValue::Party(format!("P{first}")));
                prop_assert_eq!(t.metrics, m);
            }
            (Err(a), Err(b)) => prop_assert_eq!(a, b),
            (a, b) => prop_assert!(false, "named {:?} vs positional {:?}", a.is_ok(), b.is_ok()),
        }
    }

    /// Divisor methods never show the Alabama paradox (they are house
    /// monotone); Hamilton never violates quota.
    #[test]
    fn paradox_theorems(
        votes in proptest::collection::vec(1u64..=1_000, 2..=6),
        divisor in 0usize..8,
        house in 1u32..=30,
    ) {
        let m = Method::ALL[divisor];
        prop_assert!(m.is_divisor());
        let a = m.apportioner().ties(TieBreak::ListOrder);
        prop_assert!(alabama(&a, &votes, house..=house + 10).unwrap().is_empty());
        let hare = Method::HARE.apportioner().ties(TieBreak::ListOrder);
        let seats = hare.apportion(&votes, house).unwrap().into_seats();
        prop_assert!(quota_violations(&votes, &seats).unwrap().is_empty());
    }
}
