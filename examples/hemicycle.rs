//! Writes `docs/mazhilis-2023.svg`: the 98 seats of the Mazhilis elected on
//! 19 March 2023 (69 list seats from `data/mazhilis-2023.json`, 29
//! single-member seats as announced by the Central Election Commission).
//!
//! ```text
//! cargo run --example hemicycle [OUTPUT]
//! ```

use saylau::svg::{Group, INDEPENDENT_COLOUR, hemicycle};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // List seats (CEC, data/mazhilis-2023.json) plus district seats: Amanat
    // 40 + 22, self-nominated 7.
    let groups = [
        Group::new("Amanat", 40 + 22),
        Group::new("Auyl", 8),
        Group::new("Respublica", 6),
        Group::new("Ak Zhol", 6),
        Group::new("People's Party of Kazakhstan", 5),
        Group::new("OSDP", 4),
        Group::new("Self-nominated", 7).colour(INDEPENDENT_COLOUR),
    ];
    let svg = hemicycle("Mazhilis elected on 19 March 2023: 98 seats", &groups)?;
    let path = std::env::args().nth(1).unwrap_or_else(|| "docs/mazhilis-2023.svg".into());
    std::fs::write(&path, svg)?;
    println!("wrote {path}");
    Ok(())
}
