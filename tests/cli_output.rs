#![cfg(feature = "cli")]
//! End-to-end tests of what the binary writes: output files refused by
//! their extension, and the words and marks every format shares.

mod common;

use common::{assert_fails, run, scratch};

const DISTRICTS: &str = "scenarios/mazhilis-2023-illustrative-districts.json";
const MAZHILIS: &str = "scenarios/mazhilis-2023.json";

#[test]
fn a_picture_file_named_for_another_format_is_refused_before_any_work() {
    for name in ["seats.png", "seats.PDF", "seats.html"] {
        let path = scratch(name);
        let r = run(&["hemicycle", DISTRICTS, "-o", path.to_str().unwrap()], "");
        let ext = name.rsplit('.').next().unwrap().to_lowercase();
        assert_fails(&r, 2, &[name, &format!("cannot write a .{ext} file"), "SVG", ".svg"]);
        assert!(!path.exists(), "nothing was written to {name}");
    }
    let ok = scratch("seats.SVG");
    let r = run(&["hemicycle", DISTRICTS, "-o", ok.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{r:?}");
    assert!(std::fs::read_to_string(&ok).unwrap().starts_with("<svg"));
}

#[test]
fn a_report_file_named_for_another_format_is_refused() {
    let path = scratch("report.svg");
    let r = run(&["report", MAZHILIS, "-o", path.to_str().unwrap()], "");
    assert_fails(&r, 2, &["report.svg", "cannot write a .svg file", "HTML", ".html"]);
    assert!(!path.exists());
}

#[test]
fn vacant_and_undecided_have_one_word_each_in_every_format() {
    // 29 districts without results: undecided, never "vacant" or "not decided".
    let table = run(&["elect", MAZHILIS], "").stdout;
    let csv = run(&["elect", "--format", "csv", MAZHILIS], "").stdout;
    let simulated = run(&["simulate", "--runs", "200", MAZHILIS], "").stdout;
    for out in [&table, &csv, &simulated] {
        assert!(out.contains("(undecided)"), "{out}");
        assert!(!out.contains("(vacant)"), "nothing is vacant: {out}");
        assert!(!out.to_lowercase().contains("not decided"), "{out}");
        assert!(!out.contains("(not simulated)"), "{out}");
    }
    // A repeat election leaves a seat vacant: "(vacant)" in table and CSV.
    let repeat = r#"{"body": "akim", "against_all_rule": "repeat", "districts": [{"name": "Okrug",
        "candidates": [{"name": "X", "party": "Amanat", "votes": 30}], "against_all": 90}]}"#;
    for format in ["table", "csv"] {
        let out = run(&["elect", "--format", format, "-"], repeat).stdout;
        assert!(out.contains("(vacant)"), "{format}: {out}");
        assert!(!out.contains("(undecided)"), "{format}: {out}");
    }
}
