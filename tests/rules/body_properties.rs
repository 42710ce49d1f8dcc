//! Properties of bodies: seat accounting, list plus district, district
//! order, and which monotonicity properties the Kazakh list tier (Hare with
//! a threshold) has.
//!
//! Hare with a threshold is **not** house monotone (the Alabama paradox,
//! `tests/core/methods.rs::alabama_paradox_is_real_for_hare`) and not population
//! monotone. It **does** satisfy the quota rule among the parties that take
//! part, and a party's eligibility never falls when its own votes rise; both
//! are checked here.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use saylau::district::{Candidate, District};
use saylau::system::{Ballots, BodyResult, Overrides, PartyList, Preset, UnfilledSeats};
use saylau::{Error, Threshold};

const REGRESSIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/proptest-regressions/body_properties.txt");

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        ..ProptestConfig::default()
    }
}

const PARTIES: [&str; 5] = ["A", "B", "C", "D", "E"];

fn lists() -> impl Strategy<Value = Vec<PartyList>> {
    vec((0u64..100_000, prop::option::of(0u32..40)), 1..=5).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(|(i, (votes, candidates))| PartyList { party: PARTIES[i].into(), votes, candidates })
            .collect()
    })
}

fn districts() -> impl Strategy<Value = Vec<District>> {
    vec((vec((1u64..1_000, prop::option::of(0usize..6)), 1..=4), 0u64..500), 0..=12).prop_map(|ds| {
        ds.into_iter()
            .enumerate()
            .map(|(d, (cands, against_all))| District {
                name: format!("D{d}"),
                candidates: cands
                    .into_iter()
                    .enumerate()
                    .map(|(c, (votes, p))| Candidate {
                        name: format!("c{c}"),
                        // Index 5 stands for a self-nominated candidate.
                        party: p.and_then(|i| PARTIES.get(i)).map(|s| s.to_string()),
                        votes: votes + c as u64 * 1_000_003, // distinct leaders: no ties
                    })
                    .collect(),
                against_all,
            })
            .collect()
    })
}

fn accounted(r: &BodyResult) -> u32 {
    r.parties.iter().map(|p| p.seats).sum::<u32>() + r.independents + r.vacant + r.undecided
}

proptest! {
    #![proptest_config(config(256))]

    /// Every seat of the body is a party's, an independent's, vacant (reported)
    /// or undecided (reported); a party's total is its list plus district seats.
    #[test]
    fn seats_add_up_to_the_body_size(
        lists in lists(),
        against_all in 0u64..10_000,
        districts in districts(),
        vacant in any::<bool>(),
    ) {
        let overrides = Overrides {
            list_seats: Some(20),
            district_seats: Some(12),
            unfilled_seats: Some(if vacant { UnfilledSeats::Vacant } else { UnfilledSeats::Redistribute }),
            ..Default::default()
        };
        let body = Preset::Mazhilis.body(&overrides).unwrap();
        let ballots = Ballots { lists, against_all, districts };
        match body.elect(&ballots) {
            Ok(r) => {
                prop_assert_eq!(accounted(&r), r.seats);
                prop_assert_eq!(r.seats, 32);
                for p in &r.parties {
                    prop_assert_eq!(p.seats, p.list_seats + p.district_seats);
                }
                for (p, l) in r.parties.iter().zip(&ballots.lists) {
                    if let Some(c) = l.candidates {
                        prop_assert!(p.list_seats <= c, "{} took {} seats with {} candidates", p.party, p.list_seats, c);
                    }
                }
            }
            // All-zero or all-below-threshold lists, or a tie the rule cannot break.
            Err(Error::ZeroVotes | Error::NoEligibleParty { .. } | Error::Tie { .. }) => {}
            Err(e) => prop_assert!(false, "unexpected error {e}"),
        }
    }

    /// The order in which districts are listed does not change any party's seats.
    #[test]
    fn permuting_districts_changes_nothing(districts in districts(), seed in any::<u64>()) {
        prop_assume!(!districts.is_empty());
        let body = Preset::DistrictMaslikhat.body(&Overrides { seats: Some(12), ..Default::default() }).unwrap();
        let mut shuffled = districts.clone();
        let n = shuffled.len();
        let mut s = seed;
        for i in (1..n).rev() {
            s = s.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            shuffled.swap(i, (s >> 33) as usize % (i + 1));
        }
        let a = body.elect(&Ballots { districts, ..Default::default() }).unwrap();
        let b = body.elect(&Ballots { districts: shuffled, ..Default::default() }).unwrap();
        let sorted = |r: &BodyResult| {
            let mut v: Vec<(String, u32)> = r.parties.iter().map(|p| (p.party.clone(), p.seats)).collect();
            v.sort();
            (v, r.independents, r.vacant)
        };
        prop_assert_eq!(sorted(&a), sorted(&b));
    }

    /// Among the lists that take part, Hare gives each floor or ceil of its
    /// exact quota `votes * seats / (votes of the lists taking part)`.
    #[test]
    fn hare_list_tier_satisfies_quota_among_eligible(lists in lists(), against_all in 0u64..10_000) {
        let lists: Vec<PartyList> = lists.into_iter().map(|l| PartyList { candidates: None, ..l }).collect();
        let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
        let tier = body.list.as_ref().unwrap();
        let Ok(out) = tier.allocate(&lists, against_all) else { return Ok(()) };
        let v: u128 = lists.iter().zip(&out.eligible).filter(|(_, e)| **e).map(|(l, _)| l.votes as u128).sum();
        for (l, (&s, &e)) in lists.iter().zip(out.seats.iter().zip(&out.eligible)) {
            if !e {
                prop_assert_eq!(s, 0);
                continue;
            }
            let num = l.votes as u128 * 69;
            let (lo, hi) = (num / v, num.div_ceil(v));
            prop_assert!(lo <= s as u128 && s as u128 <= hi, "{}: {} seats, quota {}/{}", l.party, s, num, v);
        }
    }

    /// More votes for one list (others unchanged) never takes its
    /// eligibility away: `v / (V + x)` rises with `v`.
    #[test]
    fn eligibility_is_monotone_in_own_votes(
        votes in vec(0u64..1_000_000, 1..8),
        extra in 0u64..1_000_000,
        who in any::<prop::sample::Index>(),
        gain in 0u64..1_000_000,
        percent in 0u32..=20,
    ) {
        let t = Threshold::new(saylau::Ratio::integer(percent as u64)).unwrap();
        let i = who.index(votes.len());
        let before = t.eligible(&votes, extra)[i];
        let mut more = votes.clone();
        more[i] += gain;
        prop_assert!(!before || t.eligible(&more, extra)[i]);
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// The runner-up rule of 2009 (Art. 97(2)-(3)): every seat is given, the
    /// runner-up takes at least two (or the seats less one, in a tiny body),
    /// the leader (more votes, full weight) never takes fewer than it, the
    /// minimum never lowers the runner-up's seats, and the lists not admitted
    /// take nothing. Exact to the last vote near `u64::MAX`.
    #[test]
    fn runner_up_rule_gives_every_seat_and_its_minimum(
        leader in 1u64..=u64::MAX / 2,
        runner_share in 1u64..70,
        others in vec(0u64..1_000, 0..4),
        seats in 1u32..200,
    ) {
        use saylau::runner_up::{LeftOver, RunnerUp, corrected_count};
        use saylau::TieBreak;
        // The runner-up has runner_share per mille of the leader's votes:
        // below 7% of any base that includes the leader.
        let runner = (leader / 1_000).max(1) * runner_share;
        prop_assume!(runner < leader);
        let mut votes = vec![leader, runner];
        votes.extend(others.iter().map(|&o| o.min(runner.saturating_sub(1))));
        let n = votes.len();
        let mut passing = vec![false; n];
        passing[0] = true;
        let mut admitted = vec![false; n];
        admitted[1] = true;
        for left_over in [LeftOver::RoundAgain, LeftOver::ToLargest] {
            let at_least = corrected_count(&votes, &passing, &admitted, seats, RunnerUp::CorrectedAtLeastTwo.minimum(), left_over, TieBreak::ListOrder).unwrap();
            let plain = corrected_count(&votes, &passing, &admitted, seats, 0, left_over, TieBreak::ListOrder).unwrap();
            for count in [&at_least, &plain] {
                prop_assert_eq!(count.seats.iter().map(|&s| s as u64).sum::<u64>(), seats as u64);
                prop_assert!(count.seats[2..].iter().all(|&s| s == 0));
                if seats >= 4 {
                    prop_assert!(count.seats[0] >= count.seats[1], "{:?}", count.seats);
                }
            }
            prop_assert!(at_least.seats[1] >= 2.min(seats - 1), "{:?}", at_least.seats);
            prop_assert!(at_least.seats[1] >= plain.seats[1]);
        }
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// `ListTier::count_into` into one `ListOutcome` and `ListScratch`
    /// reused across counts of different tiers and numbers of lists (short
    /// lists, vacant or redistributed seats, ties refused, the runner-up rule
    /// of 2009, `min_parties`) gives what a fresh `count` gives, error for
    /// error: nothing of an earlier count leaks into the next.
    #[test]
    fn counting_into_reused_buffers_is_counting_afresh(
        counts in vec((0usize..6, lists(), 0u64..20_000, 1u32..60), 1..6),
    ) {
        use saylau::system::{ListOutcome, ListScratch};
        use saylau::TieBreak;
        let mazhilis = Preset::Mazhilis.body(&Overrides::default()).unwrap().list.unwrap();
        let runner_up = Preset::Mazhilis2021.body(&Overrides::default()).unwrap().list.unwrap();
        let (mut out, mut scratch) = (ListOutcome::default(), ListScratch::new());
        for (variant, lists, against_all, seats) in counts {
            let tier = match variant {
                0 => mazhilis.clone(),
                1 => runner_up.clone(),
                2 => saylau::system::ListTier { unfilled: UnfilledSeats::Vacant, ..mazhilis.clone() },
                3 => saylau::system::ListTier { ties: TieBreak::Error, ..mazhilis.clone() },
                4 => saylau::system::ListTier { min_parties: 2, ..mazhilis.clone() },
                _ => saylau::system::ListTier { method: saylau::Method::DHondt, ..mazhilis.clone() },
            };
            let tier = saylau::system::ListTier { seats, ..tier };
            let votes: Vec<u64> = lists.iter().map(|l| l.votes).collect();
            let candidates: Vec<Option<u32>> = lists.iter().map(|l| l.candidates).collect();
            let refuse = |tie: &saylau::apportion::Tie, _: &[u64]| {
                Err(Error::Tie { parties: tie.tied().to_vec(), seats: tie.contested() })
            };
            let fresh = tier.count(&votes, &candidates, against_all, refuse);
            let reused = tier.count_into(&votes, &candidates, against_all, &mut out, &mut scratch, refuse);
            match (fresh, reused) {
                (Ok(fresh), Ok(())) => prop_assert_eq!(&fresh, &out),
                (Err(a), Err(b)) => prop_assert_eq!(a, b),
                (a, b) => prop_assert!(false, "fresh {:?}, reused {:?}", a, b),
            }
        }
    }
}
