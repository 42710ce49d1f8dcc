//! The documented limits hold: a million parties, 10^9 seats (up to
//! `u32::MAX`), 100,000 districts, and simulations whose memory does not
//! grow with the number of runs. No timing assertions here (performance is
//! for the benches), but every test finishes in seconds, even in debug; the
//! heaviest variants are `#[ignore]`d:
//!
//! ```sh
//! cargo test --release --test core -- --ignored --test-threads 1 scale::
//! ```

use saylau::district::{Candidate, District};
use saylau::scenario::{Outcome, Scenario};
use saylau::system::{Ballots, Overrides, PartyList, Preset};
use saylau::{Method, Quota, TieBreak};

/// Deterministic pseudo-random votes (SplitMix64), some of them zero.
fn votes(parties: usize, max: u64, seed: u64) -> Vec<u64> {
    let mut state = seed;
    (0..parties)
        .map(|_| {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^= z >> 31;
            if z % 50 == 0 { 0 } else { z % max }
        })
        .collect()
}

/// Apportions and checks that the seats add up and parties without votes
/// have none. Ties are broken by list order so that every method decides.
fn apportion_checked(method: Method, votes: &[u64], seats: u32) -> Vec<u32> {
    let alloc = method
        .apportioner()
        .ties(TieBreak::ListOrder)
        .apportion(votes, seats)
        .unwrap_or_else(|e| panic!("{method}: {e}"));
    let s = alloc.into_seats();
    assert_eq!(s.len(), votes.len(), "{method}");
    assert_eq!(s.iter().map(|&x| x as u64).sum::<u64>(), seats as u64, "{method}: seats add up");
    assert!(votes.iter().zip(&s).all(|(&v, &x)| v > 0 || x == 0), "{method}: no votes, no seats");
    s
}

// ---------------------------------------------------------------------------
// A million parties
// ---------------------------------------------------------------------------

#[test]
fn a_million_parties_dhondt_sainte_lague_hare() {
    let v = votes(1_000_000, 10_000_000, 1);
    for method in [Method::DHondt, Method::SainteLague, Method::HARE] {
        apportion_checked(method, &v, 100_000);
    }
}

#[test]
fn a_million_parties_more_seats_than_parties() {
    let v = votes(1_000_000, 1_000, 2);
    let s = apportion_checked(Method::DHondt, &v, 3_000_000);
    // With D'Hondt a party with more votes never has fewer seats.
    let mut by_votes: Vec<(u64, u32)> = v.iter().copied().zip(s).collect();
    by_votes.sort_unstable();
    assert!(by_votes.windows(2).all(|w| w[0].1 <= w[1].1));
}

#[test]
#[ignore = "every method on a million parties: a few minutes in debug, seconds in release"]
fn a_million_parties_every_method() {
    let v = votes(1_000_000, u64::MAX / 1_000_000, 3);
    for method in Method::ALL {
        for seats in [1_000, 100_000, 10_000_000] {
            apportion_checked(method, &v, seats);
        }
    }
}

// ---------------------------------------------------------------------------
// A billion seats, and u32::MAX
// ---------------------------------------------------------------------------

#[test]
fn a_billion_seats_for_100_parties_every_method() {
    let v = votes(100, u64::MAX / 100, 4);
    let total: u128 = v.iter().map(|&x| x as u128).sum();
    for method in Method::ALL {
        let s = apportion_checked(method, &v, 1_000_000_000);
        if method == Method::LargestRemainder(Quota::Hare) {
            // Hare gives floor or ceiling of the exact quota.
            for (&x, &seats) in v.iter().zip(&s) {
                let exact = x as u128 * 1_000_000_000;
                assert!(seats as u128 * total <= exact + total && exact < (seats as u128 + 1) * total);
            }
        }
    }
}

#[test]
fn u32_max_seats_every_method() {
    let v = [u64::MAX, u64::MAX - 1, 3, 1, 0];
    for method in Method::ALL {
        apportion_checked(method, &v, u32::MAX);
    }
}

#[test]
#[ignore = "every method on 10,000 parties with u32::MAX seats"]
fn u32_max_seats_for_10_000_parties_every_method() {
    let v = votes(10_000, u64::MAX, 5);
    for method in Method::ALL {
        apportion_checked(method, &v, u32::MAX);
    }
}

// ---------------------------------------------------------------------------
// 100,000 districts
// ---------------------------------------------------------------------------

fn districts(n: usize) -> Vec<District> {
    let v = votes(3 * n, 100_000, 6);
    (0..n)
        .map(|i| District {
            name: format!("D{i}"),
            candidates: (0..3)
                .map(|c| Candidate {
                    name: format!("C{i}-{c}"),
                    party: (c < 2).then(|| ["Amanat", "Auyl"][c].to_string()),
                    // Distinct votes per district, so no district is tied.
                    votes: v[3 * i + c] * 3 + c as u64,
                })
                .collect(),
            against_all: (i % 7) as u64,
        })
        .collect()
}

#[test]
fn a_hundred_thousand_districts_through_the_mazhilis() {
    let n = 100_000;
    let overrides = Overrides { district_seats: Some(n as u32), ..Default::default() };
    let body = Preset::Mazhilis.body(&overrides).expect("a Mazhilis with 100,000 districts");
    let ballots = Ballots {
        lists: vec![
            PartyList { party: "Amanat".into(), votes: 3_431_510, candidates: None },
            PartyList { party: "Auyl".into(), votes: 693_938, candidates: None },
        ],
        against_all: 248_291,
        districts: districts(n),
    };
    let r = body.elect(&ballots).expect("elected");
    assert_eq!(r.seats, 69 + n as u32);
    assert_eq!(r.districts.len(), n);
    let district_seats: u64 = r.parties.iter().map(|p| p.district_seats as u64).sum();
    assert_eq!(district_seats + r.independents as u64 + r.vacant as u64, n as u64);
    let total: u64 = r.parties.iter().map(|p| p.seats as u64).sum::<u64>()
        + (r.independents + r.vacant + r.undecided) as u64;
    assert_eq!(total, r.seats as u64);
}

// ---------------------------------------------------------------------------
// Simulations: the report does not grow with the runs
// ---------------------------------------------------------------------------

fn mazhilis_2023() -> Scenario {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/mazhilis-2023.json"))
        .expect("the shipped scenario");
    Scenario::from_json(&text).expect("a valid scenario")
}

/// The sizes of a report's histograms.
fn histogram_lengths(report: &saylau::simulate::Projection) -> Vec<usize> {
    let mut lengths: Vec<usize> = report.parties.iter().map(|p| p.total.histogram.len()).collect();
    lengths.push(report.independents.histogram.len());
    lengths.push(report.vacant.histogram.len());
    lengths
}

#[test]
fn simulation_report_size_does_not_depend_on_runs() {
    let scenario = mazhilis_2023();
    let sim = scenario.simulation().expect("simulation");
    let Outcome::Body(elected) = scenario.run().expect("elect") else { unreachable!() };
    let small = sim.run(7, 1_000).expect("1,000 runs");
    let large = sim.run(7, 100_000).expect("100,000 runs");
    assert_eq!((small.runs, large.runs), (1_000, 100_000));
    let seats = elected.seats as usize;
    for report in [&small, &large] {
        assert_eq!(report.seats as usize, seats);
        // Each party's histogram counts runs per seat count from 0 to the house.
        for p in &report.parties {
            assert_eq!(p.total.histogram.len(), seats + 1, "{}", p.party);
            assert_eq!(p.total.histogram.iter().sum::<u64>(), report.runs);
        }
    }
    assert_eq!(histogram_lengths(&small), histogram_lengths(&large));
    assert_eq!(small.parties.len(), large.parties.len());
}

/// Peak resident memory of this process, in kB (Linux).
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
#[ignore = "10^8 runs: minutes in release; run alone (--test-threads 1) to read the peak memory"]
fn a_hundred_million_runs_keep_memory_flat() {
    let sim = mazhilis_2023().simulation().expect("simulation");
    let warm = sim.run(1, 100_000).expect("warm-up");
    let before = peak_rss_kb();
    let report = sim.run(1, 100_000_000).expect("10^8 runs");
    let after = peak_rss_kb();
    assert_eq!(report.runs, 100_000_000);
    assert_eq!(histogram_lengths(&report), histogram_lengths(&warm));
    if let (Some(before), Some(after)) = (before, after) {
        eprintln!("peak RSS {before} kB after 10^5 runs, {after} kB after 10^8 runs");
        assert!(after <= before + 16 * 1024, "memory grew from {before} kB to {after} kB");
    }
}
