//! How likely is a small party to pass the Mazhilis's 5% threshold?
//!
//! A HYPOTHETICAL poll (made up, not a real poll, not a forecast) with several
//! small parties near 5%: the example simulates the 69 list seats of the
//! Mazhilis (Hare, 5% of list ballots including "against all") under a few
//! vote models, from no uncertainty at all to a large systematic polling
//! error, and prints for each party the share of runs in which its list
//! passes 5%.
//!
//! `concentration` is the effective poll sample size of the Dirichlet
//! sampling noise and `systematic_sd` the systematic error per party on the
//! log-ratio scale (see the docs of `saylau::simulate`). A party polling
//! exactly 5.0% passes in about half the runs whatever the noise; a party at
//! 6% is safe only when the poll is trusted.
//!
//! Run it with:
//!
//! ```text
//! cargo run --release --example threshold_risk
//! ```

use saylau::simulate::{Simulation, Uncertainty};
use saylau::system::{Ballots, Overrides, PartyList, Preset};

/// A HYPOTHETICAL poll, in percent of list ballots ("against all" included).
const POLL: [(&str, f64); 7] = [
    ("Leader", 45.0),
    ("Runner-up", 20.0),
    ("Small A", 6.0),
    ("Small B", 5.3),
    ("Small C", 5.0),
    ("Small D", 4.7),
    ("Small E", 4.0),
];

/// The HYPOTHETICAL poll's "against all", in percent.
const AGAINST_ALL: f64 = 10.0;

/// List ballots cast.
const BALLOTS: f64 = 6_400_000.0;

const RUNS: u64 = 20_000;
const SEED: u64 = 5;

fn main() -> Result<(), saylau::Error> {
    // The Mazhilis's list tier only: its single-member seats are not at stake here.
    let body = Preset::Mazhilis.body(&Overrides { district_seats: Some(0), ..Overrides::default() })?;
    let votes = |percent: f64| (percent / 100.0 * BALLOTS).round() as u64;
    let ballots = Ballots {
        lists: POLL
            .iter()
            .map(|&(party, percent)| PartyList {
                party: party.into(),
                votes: votes(percent),
                candidates: None,
            })
            .collect(),
        against_all: votes(AGAINST_ALL),
        ..Ballots::default()
    };
    let models = [
        ("no uncertainty", 0.0, 0.0),
        ("poll of 1000, no bias", 1000.0, 0.0),
        ("poll of 5000, no bias", 5000.0, 0.0),
        ("poll of 2000, bias 0.05", 2000.0, 0.05),
        ("poll of 2000, bias 0.1 (default)", 2000.0, 0.1),
        ("poll of 2000, bias 0.2", 2000.0, 0.2),
    ];

    println!("Chance of passing the 5% threshold, from a HYPOTHETICAL poll (not a real poll)");
    println!();
    println!("Assumptions:");
    println!("- 69 list seats of the Mazhilis: Hare, 5% of list ballots (\"against all\" included)");
    println!("- {BALLOTS} list ballots; \"against all\" {AGAINST_ALL}%; the poll shares are in the header");
    println!("- concentration: effective poll sample size (sampling noise, Dirichlet)");
    println!("- bias: systematic_sd, the systematic error per party on the log-ratio scale");
    println!("- {RUNS} runs per model, seed {SEED}");
    println!();
    print!("{:<34}", "model");
    for (party, _) in POLL.iter().skip(2) {
        print!(" {party:>8}");
    }
    println!();
    print!("{:<34}", "poll %");
    for (_, share) in POLL.iter().skip(2) {
        print!(" {share:>8.1}");
    }
    println!();
    for (label, concentration, systematic_sd) in models {
        let uncertainty = Uncertainty { concentration, systematic_sd, ..Uncertainty::default() };
        let report = Simulation::new(&body, &ballots, &uncertainty)?.run(SEED, RUNS)?;
        print!("{label:<34}");
        for p in report.parties.iter().skip(2) {
            print!(" {:>7.1}%", p.p_threshold.unwrap_or(0.0) * 100.0);
        }
        println!();
    }
    Ok(())
}
