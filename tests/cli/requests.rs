//! Saved requests: `--save-request` writes what a command line asks for,
//! `saylau run` gives the same output from it, and refusals carry their kind
//! with `--error-format json`.

use serde_json::Value;

use crate::common::{assert_fails, run, scratch};

const M2023: &str = "scenarios/mazhilis-2023.json";
const DISTRICTS: &str = "scenarios/mazhilis-2023-illustrative-districts.json";

/// Runs `args` with `--save-request`, then `saylau run` on the saved request
/// with `run_args`, and gives both outputs.
fn saved_and_run(name: &str, args: &[&str], run_args: &[&str]) -> (String, String) {
    let file = scratch(&format!("{name}.request.json"));
    let path = file.to_str().unwrap();
    let mut with = args.to_vec();
    with.extend(["--save-request", path]);
    let first = run(&with, "");
    assert_eq!(first.code, 0, "{first:?}");
    let mut again = vec!["run", path];
    again.extend(run_args);
    let second = run(&again, "");
    assert_eq!(second.code, 0, "{second:?}");
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["command"], args[0], "{saved}");
    (first.stdout, second.stdout)
}

#[test]
fn a_saved_request_reproduces_its_run() {
    let cases: [(&str, Vec<&str>); 7] = [
        ("elect", vec!["elect", M2023, "--method", "dhondt", "--format", "json"]),
        // A poll scenario with an "uncertainty" object: its default concentration is not written back,
        // which the polls forbid (the saved request was refused before).
        ("polls", vec!["simulate", "scenarios/poll-2026-example.json", "--runs", "300", "--format", "json"]),
        ("simulate", vec!["simulate", DISTRICTS, "--runs", "500", "--seed", "7", "--format", "json"]),
        ("metrics", vec!["metrics", M2023, "--format", "csv"]),
        ("compare", vec!["compare", M2023, "--by", "houses", "--houses", "60..62", "--format", "json"]),
        ("fragility", vec!["fragility", M2023, "--threshold", "7"]),
        ("diff", vec!["diff", "scenarios/official/mazhilis-2016.json", M2023, "--format", "json"]),
    ];
    for (name, args) in cases {
        let format = args.iter().position(|a| *a == "--format").map(|i| args[i + 1]).unwrap_or("table");
        let (first, second) = saved_and_run(name, &args, &["--format", format]);
        assert_eq!(first, second, "{name}");
    }
}

#[test]
fn an_allocation_from_a_table_is_saved_with_its_parties() {
    let votes = scratch("votes.csv");
    std::fs::write(&votes, "party,votes\nA,100000\nB,80000\nC,30000\nD,20000\n").unwrap();
    let args =
        ["allocate", "--method", "dhondt", "--seats", "8", "--format", "json", votes.to_str().unwrap()];
    let (first, second) = saved_and_run("allocate", &args, &["--format", "json"]);
    assert_eq!(first, second);
    let v: Value = serde_json::from_str(&second).unwrap();
    let seats: Vec<u64> =
        v["parties"].as_array().unwrap().iter().map(|p| p["seats"].as_u64().unwrap()).collect();
    assert_eq!(seats, [4, 3, 1, 0]);
}

#[test]
fn a_picture_and_a_page_go_to_the_output_file() {
    let svg = scratch("run-picture.svg");
    let (first, _) = saved_and_run("hemicycle", &["hemicycle", M2023, "-o", svg.to_str().unwrap()], &[]);
    assert!(first.is_empty());
    let drawn = std::fs::read_to_string(&svg).unwrap();
    let request = scratch("hemicycle.request.json");
    let again = scratch("run-picture-again.svg");
    let r = run(&["run", request.to_str().unwrap(), "-o", again.to_str().unwrap()], "");
    assert_eq!(r.code, 0, "{r:?}");
    assert_eq!(std::fs::read_to_string(&again).unwrap(), drawn);
    assert!(drawn.starts_with("<svg"));
}

#[test]
fn a_request_file_is_checked_field_by_field() {
    let bad = scratch("bad.request.json");
    std::fs::write(&bad, r#"{"command": "simulate", "runs": "many", "scenario": {"body": "kurultai"}}"#)
        .unwrap();
    assert_fails(&run(&["run", bad.to_str().unwrap()], ""), 2, &["at runs: ", "expected u64"]);
    std::fs::write(&bad, r#"{"command": "tally", "scenario": {}}"#).unwrap();
    assert_fails(&run(&["run", bad.to_str().unwrap()], ""), 2, &["unknown command \"tally\"", "elect"]);
    std::fs::write(&bad, r#"{"command": "elect", "scenario": {"body": "kurultai", "list": []}}"#).unwrap();
    assert_fails(
        &run(&["run", bad.to_str().unwrap()], ""),
        2,
        &["at scenario.list", "did you mean `lists`?"],
    );
}

#[test]
fn refusals_in_json_carry_their_kind_and_field() {
    let kinds = [
        (vec!["compare", M2023, "--by", "houses", "--houses", "5..1"], "input", 2),
        (vec!["simulate", M2023, "--runs", "20000000000"], "limit", 2),
        (vec!["fragility", "scenarios/district-maslikhat-illustrative.json"], "rules", 2),
        (vec!["elect", "no-such-file.json"], "io", 2),
        (vec!["elect", M2023, "--body", "senate"], "input", 2),
    ];
    for (args, kind, code) in kinds {
        let mut args = args.clone();
        args.extend(["--error-format", "json"]);
        let r = run(&args, "");
        assert_eq!(r.code, code, "{r:?}");
        let e: Value = serde_json::from_str(&r.stderr).unwrap_or_else(|_| panic!("not JSON: {r:?}"));
        assert_eq!(e["error"]["kind"], kind, "{args:?}: {e}");
        assert!(e["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(r.stdout.is_empty());
    }
    let tie = run(
        &["allocate", "--method", "dhondt", "--seats", "1", "--error-format", "json"],
        "party,votes\nA,5\nB,5\n",
    );
    assert_eq!(tie.code, 3, "{tie:?}");
    let e: Value = serde_json::from_str(&tie.stderr).unwrap();
    assert_eq!(e["error"]["tie"]["names"], serde_json::json!(["A", "B"]));
    assert_eq!(e["error"]["field"], "ties");
}

#[test]
fn an_endless_input_is_refused_after_a_bounded_read() {
    // Before, `elect /dev/zero` read until memory ran out (tens of GB).
    for args in
        [vec!["elect", "/dev/zero"], vec!["allocate", "--method", "hare", "--seats", "3", "/dev/zero"]]
    {
        let mut args = args.clone();
        args.extend(["--error-format", "json"]);
        let r = run(&args, "");
        assert_eq!(r.code, 2, "{r:?}");
        let e: Value = serde_json::from_str(&r.stderr).unwrap();
        assert_eq!(e["error"]["kind"], "limit", "{e}");
        assert!(e["error"]["message"].as_str().unwrap().contains("larger than 64 MB"), "{e}");
    }
}
