//! Draws the 98 seats of the Mazhilis elected on 19 March 2023 (69 list
//! seats from `data/mazhilis-2023.json`, 29 single-member seats as
//! announced by the Central Election Commission) into the target directory,
//! or to the path given. The README's picture, `docs/mazhilis-2023.svg`,
//! is this output:
//!
//! ```text
//! cargo run --example hemicycle                               # target/mazhilis-2023.svg
//! cargo run --example hemicycle -- docs/mazhilis-2023.svg     # refresh the README's picture
//! ```

use std::path::PathBuf;

use saylau::svg::{Group, hemicycle};

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
        Group::self_nominated(7),
    ];
    let svg = hemicycle("Mazhilis elected on 19 March 2023: 98 seats", &groups)?;
    let path = match std::env::args_os().nth(1) {
        Some(p) => PathBuf::from(p),
        None => {
            let dir = PathBuf::from(std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into()));
            std::fs::create_dir_all(&dir)?;
            dir.join("mazhilis-2023.svg")
        }
    };
    std::fs::write(&path, svg)?;
    println!("wrote {}", path.display());
    Ok(())
}
