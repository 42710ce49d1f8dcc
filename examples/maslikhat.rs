//! A regional maslikhat (half list, half single-member) and a city
//! maslikhat (single-member only) under the 2023 rules.
//!
//! The votes are ILLUSTRATIVE (made up for the example; see
//! `scenarios/*-illustrative.json`): only the sizes follow real bodies.
//!
//! Run: `cargo run --example maslikhat`

use saylau::scenario::{Outcome, Scenario, ScenarioError};
use saylau::system::BodyResult;

fn main() -> Result<(), ScenarioError> {
    for json in [
        include_str!("../scenarios/regional-maslikhat-illustrative.json"),
        include_str!("../scenarios/district-maslikhat-illustrative.json"),
    ] {
        let scenario = Scenario::from_json(json)?;
        let Outcome::Body(result) = scenario.run()? else { unreachable!("a body scenario") };
        println!("{}", scenario.title.as_deref().unwrap_or(scenario.body.name()));
        print_body(&result);
        println!();
    }
    Ok(())
}

fn print_body(r: &BodyResult) {
    println!("  {:<30} {:>6} {:>9} {:>6}", "party", "list", "district", "total");
    for p in &r.parties {
        println!("  {:<30} {:>6} {:>9} {:>6}", p.party, p.list_seats, p.district_seats, p.seats);
    }
    println!("  {:<30} {:>6} {:>9} {:>6}", "self-nominated", "", r.independents, r.independents);
    if r.vacant > 0 {
        println!("  {:<30} {:>6} {:>9} {:>6}", "vacant", "", "", r.vacant);
    }
    println!("  {:<30} {:>6} {:>9} {:>6}", "body", "", "", r.seats);
    for d in &r.districts {
        let winner = d.winner.as_deref().unwrap_or("(vacant: repeat election)");
        let party = d.party.as_deref().unwrap_or("self-nominated");
        println!("    {:<28} {winner} ({party})", d.name);
    }
    for n in &r.notes {
        println!("  note: {n}");
    }
}
