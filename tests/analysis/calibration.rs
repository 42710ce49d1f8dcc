//! Honest calibration: when elections are drawn from the stated vote model
//! itself, the projection's 50% and 90% seat intervals cover the drawn
//! seats at their nominal rates, within sampling error.
//!
//! For each case, one projection of `RUNS` runs gives the intervals; then
//! `DRAWS` further elections are drawn from the same model, each as a
//! projection of one run with a seed of its own (its seat histogram holds
//! the one drawn seat count), and each party's and coalition's drawn seats
//! are checked against the intervals.
//!
//! Seats are whole numbers, so an interval from the 25th to the 75th
//! percentile holds at least 50% of the model's runs and at most 50% plus
//! the share of runs at its two ends (the percentile is the smallest seat
//! count with at least 25% of runs at or below it); likewise for 90%. The
//! tests check:
//!
//! 1. the model's own coverage `q` (from the projection's histogram) lies
//!    between the nominal rate and the nominal rate plus the mass at the
//!    interval's ends;
//! 2. the drawn elections' coverage is at least the nominal rate less three
//!    binomial standard errors (the issue's criterion);
//! 3. and it is within four standard errors of `q`, counting the error of
//!    `q` itself (estimated from `RUNS` runs): an interval that is too wide
//!    fails this as surely as one that is too narrow.
//!
//! The seeds are fixed, so the tests are deterministic; with four standard
//! errors, a correct simulator fails a given check with a probability below
//! one in 10,000 for a new choice of seeds.

use saylau::scenario::Scenario;
use saylau::simulate::{Projection, RunOptions, SeatStats, Simulation};

/// Runs of the projection whose intervals are checked.
const RUNS: u64 = 20_480;
/// Elections drawn from the model to check them against.
const DRAWS: u64 = 3_000;

fn projection(sim: &Simulation, seed: u64, runs: u64) -> Projection {
    sim.run_with(seed, runs, &RunOptions { threads: Some(1), ..RunOptions::default() }).unwrap()
}

/// The seat count of a one-run projection's histogram.
fn drawn(stats: &SeatStats) -> u32 {
    let at = stats.histogram.iter().position(|&c| c == 1);
    u32::try_from(at.expect("a one-run histogram has one count")).unwrap()
}

/// Share of the histogram's runs with seats in `lo..=hi`, and the share at
/// the two ends.
fn mass(stats: &SeatStats, lo: u32, hi: u32) -> (f64, f64) {
    let total: u64 = stats.histogram.iter().sum();
    let at = |s: u32| stats.histogram[s as usize] as f64 / total as f64;
    let inside: u64 = stats.histogram[lo as usize..=hi as usize].iter().sum();
    let ends = if lo == hi { at(lo) } else { at(lo) + at(hi) };
    (inside as f64 / total as f64, ends)
}

/// Checks the 50% and 90% intervals of every party and coalition of `sim`
/// against elections drawn from `truth`; gives what failed.
fn coverage_failures(name: &str, sim: &Simulation, truth: &Simulation) -> Vec<String> {
    let centre = projection(sim, 1, RUNS);
    let mut groups: Vec<(String, &SeatStats)> =
        centre.parties.iter().map(|p| (p.party.clone(), &p.total)).collect();
    groups.extend(centre.coalitions.iter().map(|c| (format!("coalition {}", c.name), &c.total)));
    let mut covered = vec![[0u64; 2]; groups.len()];
    for draw in 0..DRAWS {
        // Seeds far from the projection's: independent streams.
        let one = projection(truth, 1_000_003 + draw, 1);
        let seats: Vec<u32> = one
            .parties
            .iter()
            .map(|p| drawn(&p.total))
            .chain(one.coalitions.iter().map(|c| drawn(&c.total)))
            .collect();
        for ((_, stats), (&s, hits)) in groups.iter().zip(seats.iter().zip(&mut covered)) {
            hits[0] += u64::from(stats.p25 <= s && s <= stats.p75);
            hits[1] += u64::from(stats.p05 <= s && s <= stats.p95);
        }
    }
    let m = DRAWS as f64;
    let mut failures = Vec::new();
    for ((group, stats), hits) in groups.iter().zip(&covered) {
        let intervals = [(0.5, (stats.p25, stats.p75), hits[0]), (0.9, (stats.p05, stats.p95), hits[1])];
        for (nominal, (lo, hi), hit) in intervals {
            let (q, ends) = mass(stats, lo, hi);
            let what = format!("{name}, {group}, {}% interval {lo}-{hi}", nominal * 100.0);
            if q < nominal {
                failures.push(format!("{what}: the model's own coverage {q} is below {nominal}"));
            }
            if q > nominal + ends + 1e-12 {
                failures.push(format!("{what}: coverage {q} above {nominal} + ends {ends}"));
            }
            let observed = hit as f64 / m;
            let floor = nominal - 3.0 * (nominal * (1.0 - nominal) / m).sqrt();
            if observed < floor {
                failures.push(format!("{what}: drawn elections covered {observed}, below {floor}"));
            }
            let sd = (q * (1.0 - q) / m + q * (1.0 - q) / RUNS as f64).sqrt();
            if (observed - q).abs() > 4.0 * sd + 0.5 / m {
                failures.push(format!(
                    "{what}: drawn elections covered {observed}, the model says {q} (4 sd = {})",
                    4.0 * sd
                ));
            }
        }
    }
    failures
}

/// Checks `sim`'s intervals against elections drawn from `sim` itself.
fn check(name: &str, sim: &Simulation) {
    let failures = coverage_failures(name, sim, sim);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn scenario(text: &str) -> Scenario {
    Scenario::from_json(text).unwrap()
}

/// The 2023 Mazhilis list vote with the default model (log-ratio
/// systematic error, 29 districts generated from the list vote).
#[test]
fn mazhilis_2023_default_model_intervals_cover_at_their_nominal_rates() {
    let s = scenario(include_str!("../../scenarios/mazhilis-2023.json"));
    check("mazhilis-2023", &s.simulation().unwrap());
}

/// The poll example: two polls pooled, a systematic error of 2 points, a
/// coalition.
#[test]
fn poll_example_with_an_error_in_points_intervals_cover_at_their_nominal_rates() {
    let s = scenario(include_str!("../../scenarios/poll-2026-example.json"));
    check("poll-2026-example", &s.simulation().unwrap());
}

/// Given districts under a uniform swing with an error in points: the
/// district shares are moved with the shifted centre.
#[test]
fn districts_with_uniform_swing_and_points_intervals_cover_at_their_nominal_rates() {
    let mut s = scenario(include_str!("../../scenarios/mazhilis-2023-illustrative-districts.json"));
    let text = r#"{"swing": "uniform", "systematic_points": 1.5, "district_sd": 0.05}"#;
    s.uncertainty = Some(serde_json::from_str(text).unwrap());
    check("illustrative districts, uniform swing", &s.simulation().unwrap());
}

/// The check has teeth: intervals from a model with a systematic error of
/// 0.1 (log ratio) are too narrow for elections drawn with 0.3, and too wide
/// for elections drawn with no systematic error, and both are caught.
#[test]
fn intervals_of_the_wrong_model_are_caught() {
    let s = scenario(include_str!("../../scenarios/mazhilis-2023.json"));
    let model = s.simulation().unwrap();
    let mut other = s.clone();
    let wider = r#"{"systematic_sd": 0.3}"#;
    other.uncertainty = Some(serde_json::from_str(wider).unwrap());
    let failures = coverage_failures("too narrow", &model, &other.simulation().unwrap());
    assert!(failures.iter().any(|f| f.contains("below")), "{failures:?}");
    let narrower = r#"{"systematic_sd": 0}"#;
    other.uncertainty = Some(serde_json::from_str(narrower).unwrap());
    let failures = coverage_failures("too wide", &model, &other.simulation().unwrap());
    assert!(failures.iter().any(|f| f.contains("the model says")), "{failures:?}");
}
