//! The systematic error in percentage points (`systematic_points`): its size
//! against the formula, the districts moving with it, reproducibility, and
//! the inputs refused.

use saylau::Error;
use saylau::scenario::Scenario;
use saylau::simulate::{Projection, RunOptions, SeatStats, Simulation, Uncertainty};
use saylau::system::{Ballots, Overrides, PartyList, Preset};

fn run(sim: &Simulation, seed: u64, runs: u64, threads: usize) -> Projection {
    sim.run_with(seed, runs, &RunOptions { threads: Some(threads), ..RunOptions::default() }).unwrap()
}

fn kurultai(uncertainty: &Uncertainty) -> Result<Simulation, Error> {
    let body = Preset::Kurultai.body(&Overrides::default()).unwrap();
    let lists = [("A", 500_000), ("B", 300_000), ("C", 200_000)]
        .iter()
        .map(|&(p, v)| PartyList { party: p.into(), votes: v, candidates: None })
        .collect();
    Simulation::new(&body, &Ballots { lists, ..Default::default() }, uncertainty)
}

fn sd(stats: &SeatStats) -> f64 {
    let runs: u64 = stats.histogram.iter().sum();
    let var = stats
        .histogram
        .iter()
        .enumerate()
        .map(|(s, &c)| (s as f64 - stats.mean).powi(2) * c as f64)
        .sum::<f64>()
        / runs as f64;
    var.sqrt()
}

/// With no sampling noise, A (50%) moves by `e_A`, renormalised by the sum
/// of the three lists' errors: `s_A = (0.5 + e_A) / (1 + e_A + e_B + e_C)`,
/// whose standard deviation is about `σ sqrt((1 - p)² + 2 p²) = 0.866 σ`
/// (to first order). Its 145 seats (Hare, all three lists pass) follow:
/// sd ≈ 145 × 0.866 × 2% = 2.51 seats, within 5% (the first-order formula
/// and the seat rounding, which adds about 1/12 seat² of variance).
#[test]
fn an_error_of_two_points_moves_a_half_share_by_the_formula() {
    let u = Uncertainty { concentration: 0.0, systematic_points: Some(2.0), ..Uncertainty::default() };
    let report = run(&kurultai(&u).unwrap(), 3, 40_000, 2);
    let expected = (145.0f64 * 0.866 * 0.02).hypot((1.0f64 / 12.0).sqrt());
    let got = sd(&report.parties[0].total);
    assert!((got / expected - 1.0).abs() < 0.05, "sd of A's seats {got}, expected {expected}");
    let mean = report.parties[0].total.mean;
    assert!((mean - 72.5).abs() < 0.1, "the error is centred: mean {mean}");
}

/// Zero points is no systematic error: the same runs as `systematic_sd: 0`.
#[test]
fn zero_points_is_no_systematic_error() {
    let points = Uncertainty { systematic_points: Some(0.0), ..Uncertainty::default() };
    let none = Uncertainty { systematic_sd: 0.0, ..Uncertainty::default() };
    let a = run(&kurultai(&points).unwrap(), 9, 3_000, 1);
    let b = run(&kurultai(&none).unwrap(), 9, 3_000, 1);
    assert_eq!(a.parties, b.parties);
}

/// The same seed gives the same projection on one thread or two, with the
/// centre shifted per run in each worker's own copy of the model.
#[test]
fn points_runs_are_the_same_at_any_thread_count() {
    let s = Scenario::from_json(include_str!("../../scenarios/mazhilis-2023-illustrative-districts.json"))
        .unwrap();
    let mut s = s;
    s.uncertainty = Some(Uncertainty { systematic_points: Some(1.5), ..Uncertainty::default() });
    let sim = s.simulation().unwrap();
    let one = run(&sim, 5, 5_000, 1);
    let two = run(&sim, 5, 5_000, 2);
    assert_eq!(one, two);
}

/// Φ, the standard normal distribution function.
fn phi(x: f64) -> f64 {
    0.5 * (1.0 + libm::erf(x / std::f64::consts::SQRT_2))
}

/// One district, A 51% against B 49%, lists A and B at 50% each, no
/// sampling or district noise: only the systematic error moves the district.
/// Under the proportional swing A keeps the seat when `0.51 s_A > 0.49 s_B`,
/// that is `e_A - (49/51) e_B > -0.5 (1 - 49/51)` with `e ~ N(0, σ²)`:
/// P = Φ(0.5 (1 - r) / (σ sqrt(1 + r²))), r = 49/51. Were the districts not
/// moved with the shifted centre, A would win every run.
#[test]
fn districts_move_with_the_error_in_points() {
    let text = |swing: &str| {
        format!(
            r#"{{"body": "mazhilis",
            "lists": [{{"party": "A", "votes": 500000}}, {{"party": "B", "votes": 500000}}],
            "districts": [{{"name": "D", "candidates": [
                {{"name": "a", "party": "A", "votes": 5100}}, {{"name": "b", "party": "B", "votes": 4900}}]}}],
            "uncertainty": {{"concentration": 0, "district_sd": 0, "systematic_points": 3, "swing": "{swing}"}}}}"#
        )
    };
    let runs = 20_000u64;
    let r: f64 = 49.0 / 51.0;
    let sigma: f64 = 0.03;
    let expected = phi(0.5 * (1.0 - r) / (sigma * (1.0 + r * r).sqrt()));
    let se = (expected * (1.0 - expected) / runs as f64).sqrt();
    let s = Scenario::from_json(&text("proportional")).unwrap();
    let report = run(&s.simulation().unwrap(), 2, runs, 2);
    let p = report.districts[0].candidates[0].p_win;
    assert!((p - expected).abs() < 5.0 * se, "proportional: A wins {p}, expected {expected} ± {}", 5.0 * se);
    // Uniform: A keeps the seat when s_A - s_B > -0.02; to first order in e,
    // e_A - e_B > -0.02, P = Φ(0.02 / (σ √2)), up to the renormalisation.
    let s = Scenario::from_json(&text("uniform")).unwrap();
    let report = run(&s.simulation().unwrap(), 2, runs, 2);
    let p = report.districts[0].candidates[0].p_win;
    let expected = phi(0.02 / (sigma * 2f64.sqrt()));
    assert!((p - expected).abs() < 0.02, "uniform: A wins {p}, expected about {expected}");
}

#[test]
fn points_out_of_range_or_given_with_a_log_ratio_error_are_refused() {
    for bad in [-1.0, f64::NAN, 101.0] {
        let u = Uncertainty { systematic_points: Some(bad), ..Uncertainty::default() };
        let e = kurultai(&u).unwrap_err();
        assert!(matches!(e, Error::InvalidUncertainty { field: "systematic_points", .. }), "{e}");
    }
    let u = Uncertainty { systematic_points: Some(2.0), systematic_sd: 0.2, ..Uncertainty::default() };
    let e = kurultai(&u).unwrap_err();
    assert!(matches!(e, Error::TwoSystematicErrors { .. }), "{e}");
    assert!(e.to_string().contains("systematic_sd = 0.2"), "{e}");
    // 0 is no log-ratio error: no conflict with an error in points.
    let u = Uncertainty { systematic_points: Some(2.0), systematic_sd: 0.0, ..Uncertainty::default() };
    assert!(kurultai(&u).is_ok());
}
