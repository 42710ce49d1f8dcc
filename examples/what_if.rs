//! The 2023 Mazhilis votes under other rules: every apportionment method,
//! thresholds from 0% to 10%, and the whole body as all-list or with a
//! compensatory (MMP) list tier instead of the parallel one. Writes
//! `what-if-thresholds.svg` (seats against the threshold) and
//! `what-if-mmp.svg` (the MMP chamber as a hemicycle) into the target
//! directory.
//!
//! The list votes are official; the 29 single-member districts are the
//! ILLUSTRATIVE ones of `scenarios/mazhilis-2023-illustrative-districts.json`
//! (per-district votes were not published in the sources available), so the designs are a sketch.
//!
//! ```text
//! cargo run --example what_if
//! ```

use std::path::PathBuf;

use saylau::Ratio;
use saylau::compare::{Design, Overhang, by_method, by_threshold, designs};
use saylau::scenario::Scenario;
use saylau::svg::{Group, hemicycle, threshold_sweep};

const SCENARIO: &str = include_str!("../scenarios/mazhilis-2023-illustrative-districts.json");

fn seats(row: Option<&[u32]>, error: Option<&str>) -> String {
    match row {
        Some(s) => s.iter().map(|n| format!("{n:>4}")).collect::<String>(),
        None => format!("  ({})", error.unwrap_or("not counted")),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let scenario = Scenario::from_json(SCENARIO)?;
    let body = scenario.body()?;
    let ballots = scenario.ballots();
    let tier = body.list.as_ref().ok_or("the Mazhilis has a list tier")?;
    let (lists, against_all) = (&scenario.lists, scenario.against_all);

    let methods = by_method(tier, lists, against_all)?;
    println!("69 list seats by method ({}):", methods.parties.join(", "));
    for r in &methods.rows {
        println!("  {:<38}{}", r.label, seats(r.seats.as_deref(), r.error.as_deref()));
    }

    let sweep = by_threshold(tier, lists, against_all, Ratio::ZERO, Ratio::integer(10), "0.5".parse()?)?;
    println!();
    println!("69 list seats by threshold:");
    for r in sweep.rows.iter().step_by(2) {
        println!("  {:<6}{}", r.label, seats(r.seats.as_deref(), r.error.as_deref()));
    }

    let t = designs(&body, &ballots, &[Design::AllList, Design::Compensatory(Overhang::Keep)])?;
    println!();
    println!("the whole body under other designs ({}, self-nominated):", t.parties.join(", "));
    for r in &t.rows {
        println!(
            "  {:<48} {:>3} seats:{}{:>4}",
            r.design,
            r.house,
            seats(Some(&r.seats), None),
            r.independents
        );
    }

    let dir = PathBuf::from(std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into()));
    std::fs::create_dir_all(&dir)?;
    let points = sweep.threshold_points();
    let chart = threshold_sweep("Mazhilis 2023: list seats by threshold", &sweep.parties, &points)?;
    let mmp = t.rows.last().ok_or("the MMP row")?;
    let mut groups: Vec<Group> =
        t.parties.iter().zip(&mmp.seats).map(|(p, &s)| Group::new(p.clone(), s)).collect();
    groups.push(Group::self_nominated(mmp.independents));
    let chamber =
        hemicycle(&format!("2023 votes with a compensatory list tier: {} seats", mmp.house), &groups)?;
    for (name, svg) in [("what-if-thresholds.svg", chart), ("what-if-mmp.svg", chamber)] {
        let path = dir.join(name);
        std::fs::write(&path, svg)?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
