//! The three republican referendums of 2022, 2024 and 2026 under the
//! referendum law's turnout and majority rules.
//!
//! Figures: Central Election (Referendum) Commission final results as
//! reported in news media, copied in `data/referendums.json` with their
//! sources, and in the scenario files `scenarios/referendum-*.json`.
//!
//! Run: `cargo run --example referendum`

use saylau::referendum::Verdict;
use saylau::scenario::{Outcome, Scenario, ScenarioError};

const FILES: [(&str, &str); 3] = [
    ("2022", include_str!("../scenarios/referendum-2022.json")),
    ("2024", include_str!("../scenarios/referendum-2024.json")),
    ("2026", include_str!("../scenarios/referendum-2026.json")),
];

fn main() -> Result<(), ScenarioError> {
    println!("{:<6} {:>12} {:>11} {:>8} {:>8}  verdict", "year", "registered", "took part", "turnout", "yes");
    for (year, json) in FILES {
        let scenario = Scenario::from_json(json)?;
        let Outcome::Referendum(o) = scenario.run()? else { unreachable!("a referendum file") };
        let Some(r) = &scenario.referendum else { unreachable!("checked by run") };
        let verdict = match o.outcome {
            Verdict::Adopted => "adopted",
            Verdict::Rejected => "rejected",
            Verdict::Invalid => "invalid (turnout)",
        };
        println!(
            "{year:<6} {:>12} {:>11} {:>7.2}% {:>7.2}%  {verdict}",
            r.registered, r.took_part, o.turnout_percent, o.yes_percent
        );
        if let Some(title) = &scenario.title {
            println!("       {title}");
        }
        for note in &o.notes {
            println!("       note: {note}");
        }
    }
    println!("\nRules: valid if more than half of registered voters take part; adopted if more than half of");
    println!(
        "those who took part vote yes (invalid ballots count in the base); a constitutional change also"
    );
    println!(
        "needs a yes majority in two thirds of the regions (not checkable: regional figures not collected)."
    );
    Ok(())
}
