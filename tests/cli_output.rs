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

/// The 2023 Mazhilis list votes (Central Election Commission, 19 March 2023).
const MAZHILIS_CSV: &str = "party,votes\nAmanat,3431510\nAuyl,693938\nRespublica,547154\nAk Zhol,535139\n\
People's Party of Kazakhstan,432920\nOSDP,331058\nBaytaq,146431\n";

#[test]
fn allocate_against_all_gives_the_official_base_shares_and_seats() {
    let args =
        ["allocate", "--method", "hare", "--seats", "69", "--threshold", "5", "--against-all", "248291"];
    let r = run(&args, MAZHILIS_CSV);
    assert_eq!(r.code, 0, "{r:?}");
    // The CEC's base: 6,366,441 votes for lists and "against all"; Amanat 53.90%.
    assert!(r.stdout.contains("6,366,441"), "{}", r.stdout);
    assert!(r.stdout.contains("53.90%"), "{}", r.stdout);
    assert!(r.stdout.contains("(against all)"), "{}", r.stdout);
    assert!(r.stdout.contains("5% of 6,366,441 = 318,323 votes"), "{}", r.stdout);
    assert!(r.stdout.contains("\"against all\""), "the table says what the shares are of: {}", r.stdout);
    let mut json_args = args.to_vec();
    json_args.extend(["--format", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&run(&json_args, MAZHILIS_CSV).stdout).unwrap();
    let seats: Vec<u64> =
        doc["parties"].as_array().unwrap().iter().map(|p| p["seats"].as_u64().unwrap()).collect();
    assert_eq!(seats, [40, 8, 6, 6, 5, 4, 0]);
    assert_eq!(doc["against_all"], 248_291);
    assert_eq!(doc["base"], 6_366_441);
    assert_eq!(doc["votes_needed"], 318_323);
    // "Against all" can decide eligibility: 5 of 100 passes 5%, 5 of 101 does not.
    let r = run(
        &["allocate", "--method", "hare", "--seats", "2", "--threshold", "5", "--format", "json"],
        "party,votes\nA,95\nB,5\n",
    );
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout.contains("\"eligible\": true") && !r.stdout.contains("\"eligible\": false"),
        "{}",
        r.stdout
    );
    let r = run(
        &[
            "allocate",
            "--method",
            "hare",
            "--seats",
            "2",
            "--threshold",
            "5",
            "--against-all",
            "1",
            "--format",
            "json",
        ],
        "party,votes\nA,95\nB,5\n",
    );
    assert!(r.stdout.contains("\"eligible\": false"), "{}", r.stdout);
}
