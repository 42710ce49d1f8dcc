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
use saylau::compare::{Design, Overhang, Row, Setting, by_method, by_threshold, designs};
use saylau::describe::view::comparison::design_label;
use saylau::scenario::Scenario;
use saylau::svg::{Group, hemicycle, threshold_sweep};

const SCENARIO: &str = include_str!("../scenarios/mazhilis-2023-illustrative-districts.json");

fn seats(seats: &[u32]) -> String {
    seats.iter().map(|n| format!("{n:>4}")).collect()
}

/// A row's seats, or why it was not counted.
fn outcome(r: &Row) -> String {
    match &r.outcome {
        Ok(c) => seats(&c.seats),
        Err(e) => format!("  ({e})"),
    }
}

/// A setting for people.
fn label(s: &Setting) -> String {
    match s {
        Setting::Method(m) => m.label(),
        Setting::Threshold(t) => t.to_string(),
        Setting::House(h) => format!("{h} seats"),
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
        println!("  {:<38}{}", label(&r.setting), outcome(r));
    }

    let sweep = by_threshold(tier, lists, against_all, Ratio::ZERO, Ratio::integer(10), "0.5".parse()?)?;
    println!();
    println!("69 list seats by threshold:");
    for r in sweep.rows.iter().step_by(2) {
        println!("  {:<6}{}", label(&r.setting), outcome(r));
    }

    let t = designs(&body, &ballots, &[Design::AllList, Design::Compensatory(Overhang::Keep)])?;
    println!();
    println!("the whole body under other designs ({}, self-nominated):", t.parties.join(", "));
    for r in &t.rows {
        let design = design_label(&body, &r.design);
        match &r.outcome {
            Ok(s) => println!("  {design:<48} {:>3} seats:{}{:>4}", s.house, seats(&s.seats), s.independents),
            Err(e) => println!("  {design:<48} not counted: {e}"),
        }
    }

    let dir = PathBuf::from(std::env::var("CARGO_TARGET_DIR").unwrap_or_else(|_| "target".into()));
    std::fs::create_dir_all(&dir)?;
    let points = sweep.threshold_points();
    let chart = threshold_sweep("Mazhilis 2023: list seats by threshold", &sweep.parties, &points)?;
    let mmp = t.rows.last().and_then(|r| r.seats()).ok_or("the MMP row")?;
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
