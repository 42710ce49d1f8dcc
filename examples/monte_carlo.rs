//! A Monte Carlo projection of the 98-seat Mazhilis from a HYPOTHETICAL poll.
//!
//! Nothing here is a real poll or a forecast: the poll shares below are made
//! up to show how the simulator is used. The example
//!
//! 1. turns the HYPOTHETICAL poll (Amanat 48%, Auyl 11%, Respublica 10%,
//!    Ak Zhol 9%, People's Party 7%, OSDP 5.5%, Baytaq 3%, "against all"
//!    6.5%) into list votes of a 6,400,000-ballot electorate;
//! 2. takes the 29 ILLUSTRATIVE single-member districts of
//!    `scenarios/mazhilis-2023-illustrative-districts.json` (made-up
//!    candidate votes; per-district results were not published in the sources available) and moves
//!    each party's candidates proportionally from the 2023 list result to
//!    the poll (a candidate of a party polling 10% less than in 2023 gets 10%
//!    fewer votes); self-nominated candidates keep their votes;
//! 3. runs 100,000 elections with the default vote model (Dirichlet
//!    concentration 2000, systematic error 0.1 on the log-ratio scale,
//!    district noise 0.1; see the docs of `saylau::simulate`) from a fixed
//!    seed, and prints each party's mean seats, 90% interval, P(majority),
//!    P(two thirds) and P(passing 5%), and the chance that all parties but
//!    Amanat together hold a majority.
//!
//! Run it with:
//!
//! ```text
//! cargo run --release --example monte_carlo
//! ```

use std::collections::HashMap;

use saylau::describe::view::projection::chance;
use saylau::scenario::{Scenario, ScenarioError};
use saylau::simulate::{Coalition, Uncertainty};
use saylau::system::PartyList;

/// The 2023 list votes with 29 ILLUSTRATIVE districts.
const DISTRICTS: &str = include_str!("../scenarios/mazhilis-2023-illustrative-districts.json");

/// A HYPOTHETICAL poll, in percent of list ballots ("against all" included).
const POLL: [(&str, f64); 7] = [
    ("Amanat", 48.0),
    ("Auyl", 11.0),
    ("Respublica", 10.0),
    ("Ak Zhol", 9.0),
    ("People's Party of Kazakhstan", 7.0),
    ("OSDP", 5.5),
    ("Baytaq", 3.0),
];

/// The HYPOTHETICAL poll's "against all", in percent.
const AGAINST_ALL: f64 = 6.5;

/// List ballots cast.
const BALLOTS: f64 = 6_400_000.0;

const RUNS: u64 = 100_000;
const SEED: u64 = 2026;

#[expect(clippy::too_many_lines, reason = "an example reads top to bottom as a walk-through")]
fn main() -> Result<(), ScenarioError> {
    let mut scenario = Scenario::from_json(DISTRICTS)?;
    scenario.title = Some("HYPOTHETICAL poll, illustrative districts".into());

    // The 2023 list shares, to move the district votes from.
    let total_2023: u64 = scenario.lists.iter().map(|l| l.votes).sum::<u64>() + scenario.against_all;
    let share_2023: HashMap<String, f64> =
        scenario.lists.iter().map(|l| (l.party.clone(), l.votes as f64 / total_2023 as f64)).collect();
    let against_then = scenario.against_all as f64 / total_2023 as f64;

    let votes = |percent: f64| (percent / 100.0 * BALLOTS).round() as u64;
    scenario.lists = POLL
        .iter()
        .map(|&(party, percent)| PartyList { party: party.into(), votes: votes(percent), candidates: None })
        .collect();
    scenario.against_all = votes(AGAINST_ALL);
    let poll: HashMap<&str, f64> = POLL.iter().map(|&(p, s)| (p, s / 100.0)).collect();
    let against_now = AGAINST_ALL / 100.0;
    for district in &mut scenario.districts {
        for c in &mut district.candidates {
            let Some(party) = &c.party else { continue };
            if let (Some(&now), Some(&then)) = (poll.get(party.as_str()), share_2023.get(party)) {
                c.votes = (c.votes as f64 * now / then).round() as u64;
            }
        }
        district.against_all = (district.against_all as f64 * against_now / against_then).round() as u64;
    }
    let opposition: Vec<String> = POLL.iter().skip(1).map(|&(p, _)| p.to_string()).collect();
    let uncertainty = Uncertainty {
        coalitions: vec![Coalition { name: "All but Amanat".into(), parties: opposition }],
        ..Uncertainty::default()
    };
    scenario.uncertainty = Some(uncertainty.clone());

    let report = scenario.simulation()?.run(SEED, RUNS)?;

    println!("Mazhilis projection from a HYPOTHETICAL poll (not a real poll, not a forecast)");
    println!();
    println!("Assumptions:");
    println!("- poll shares are made up; list ballots: {BALLOTS} (\"against all\" {AGAINST_ALL}%)");
    println!("- 69 list seats: Hare, 5% of list ballots; 29 single-member seats: ILLUSTRATIVE districts");
    println!("  (scenarios/mazhilis-2023-illustrative-districts.json) moved proportionally to the poll");
    println!(
        "- vote model: concentration {}, systematic_sd {}, district_sd {}, proportional swing",
        uncertainty.concentration, uncertainty.systematic_sd, uncertainty.district_sd
    );
    println!("- {} runs, seed {}", report.runs, report.seed);
    println!();
    println!(
        "{:<30} {:>6} {:>6} {:>9} {:>7} {:>11} {:>8} {:>9}",
        "party", "poll %", "mean", "90% int.", "median", "P(majority)", "P(2/3)", "P(>=5%)"
    );
    for p in &report.parties {
        let poll = poll.get(p.party.as_str()).map_or_else(|| "-".into(), |s| format!("{:.1}", s * 100.0));
        println!(
            "{:<30} {:>6} {:>6.1} {:>9} {:>7} {:>11} {:>8} {:>8.1}%",
            p.party,
            poll,
            p.total.mean,
            format!("{}-{}", p.total.p05, p.total.p95),
            p.total.p50,
            chance(p.p_majority),
            chance(p.p_two_thirds),
            p.p_threshold.unwrap_or(0.0) * 100.0
        );
    }
    println!(
        "{:<30} {:>6} {:>6.1} {:>9} {:>7}",
        "(self-nominated)",
        "",
        report.independents.mean,
        format!("{}-{}", report.independents.p05, report.independents.p95),
        report.independents.p50
    );
    println!();
    for c in &report.coalitions {
        println!(
            "{}: mean {:.1} seats (90% interval {}-{}); P(majority) {}",
            c.name,
            c.total.mean,
            c.total.p05,
            c.total.p95,
            chance(c.p_majority)
        );
    }
    for note in &report.notes {
        println!("note: {note}");
    }
    Ok(())
}
