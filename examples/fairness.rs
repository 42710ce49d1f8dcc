//! How proportional was the 2023 Mazhilis list vote, and how close was each
//! list to its next seat? Prints the disproportionality and fragmentation
//! indices and each list's vote fragility, and writes two pictures into the
//! target directory: `fairness-scatter.svg` (seat share against vote share)
//! and `fairness-list-seats.svg` (the 69 list seats as a hemicycle).
//!
//! ```text
//! cargo run --example fairness
//! ```

use std::path::PathBuf;

use saylau::fragility::fragility_of_lists;
use saylau::metrics::TierMetrics;
use saylau::scenario::Scenario;
use saylau::svg::{Group, ScatterPoint, hemicycle, seat_vote_scatter};

const SCENARIO: &str = include_str!("../scenarios/mazhilis-2023.json");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scenario = Scenario::from_json(SCENARIO)?;
    let body = scenario.body()?;
    let result = body.elect(&scenario.ballots())?;
    let tier = body.list.as_ref().ok_or("the Mazhilis has a list tier")?;

    // Disproportionality of the list tier, "against all" in the vote base.
    let named = TierMetrics::list_tier(&result, scenario.against_all)?;
    let m = &named.metrics;
    println!(
        "Mazhilis 2023, list tier: {} seats by {} above {}",
        tier.seats,
        tier.method.label(),
        tier.threshold
    );
    println!("  Gallagher index        {:6.2} points", m.gallagher);
    println!("  Loosemore-Hanby index  {:6.2} points", m.loosemore_hanby);
    println!("  effective parties      {:6.2} by votes, {:.2} by seats", m.enep, m.enpp);
    println!("  wasted votes           {:6.2}% ({} votes)", m.wasted_share, m.wasted_votes);
    let bonus = format!("{}'s seat bonus", named.largest_party());
    println!("  {bonus:<22} {:+6.2} points", m.largest_party_bonus);

    // Exact fragility: votes each list needed for one more seat, or could lose.
    println!();
    println!("{:<30} {:>9} {:>5} {:>13} {:>13}", "list", "votes", "seats", "votes to gain", "votes to lose");
    for f in fragility_of_lists(tier, &scenario.lists, scenario.against_all)? {
        let show = |v: Option<u64>| v.map_or_else(|| "-".to_string(), |v| v.to_string());
        println!(
            "{:<30} {:>9} {:>5} {:>13} {:>13}",
            f.party.unwrap_or_default(),
            f.votes,
            f.seats,
            show(f.votes_to_gain),
            show(f.votes_to_lose)
        );
    }

    let dir = PathBuf::from(std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into()));
    std::fs::create_dir_all(&dir)?;
    let scatter =
        seat_vote_scatter("Mazhilis 2023: list seats against list votes", &ScatterPoint::list_tier(&result))?;
    let groups: Vec<Group> = result
        .parties
        .iter()
        .filter(|p| p.list_seats > 0)
        .map(|p| Group::new(p.party.clone(), p.list_seats))
        .collect();
    let seats = hemicycle("Mazhilis 2023: the 69 party-list seats", &groups)?;
    for (name, svg) in [("fairness-scatter.svg", scatter), ("fairness-list-seats.svg", seats)] {
        let path = dir.join(name);
        std::fs::write(&path, svg)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
