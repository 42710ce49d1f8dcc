//! End-to-end tests of `saylau simulate`: scenario files in, the CLI contract
//! out (the JSON fields and their types, reproducibility whatever the thread
//! count, exit codes, messages naming the file and the problem).

use std::path::PathBuf;

use crate::common::{Run, run_bytes, scratch};
use serde_json::{Value, json};

/// Runs `saylau simulate ARGS` with nothing on standard input.
fn simulate(args: &[&str]) -> Run {
    let mut all = vec!["simulate"];
    all.extend_from_slice(args);
    run_bytes(&all, b"")
}

/// Runs `saylau simulate ARGS -` with `scenario` on standard input.
fn simulate_stdin(args: &[&str], scenario: &str) -> Run {
    let mut all = vec!["simulate"];
    all.extend_from_slice(args);
    all.push("-");
    run_bytes(&all, scenario.as_bytes())
}

/// Parses a successful JSON run.
fn json_of(r: &Run) -> Value {
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.is_empty(), "{r:?}");
    serde_json::from_str(&r.stdout).expect("stdout is one JSON document")
}

/// Simulates a shipped file with `--format json` and extra arguments.
fn json_file(path: &str, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    all.push(path);
    json_of(&simulate(&all))
}

/// Simulates an inline scenario with `--format json` and extra arguments.
fn json_inline(scenario: &str, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    json_of(&simulate_stdin(&all, scenario))
}

/// Asserts a failure with exit code 2 whose one-line message starts
/// `saylau: error: ` and contains every one of `needles`; stdout stays empty.
fn assert_bad(r: &Run, needles: &[&str]) {
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.starts_with("saylau: error: "), "{r:?}");
    for needle in needles {
        assert!(r.stderr.contains(needle), "stderr lacks {needle:?}: {}", r.stderr);
    }
    assert!(r.stdout.is_empty(), "{r:?}");
}

/// The shipped scenario with official list votes and illustrative districts.
const DISTRICTS: &str = "scenarios/mazhilis-2023-illustrative-districts.json";

/// The shipped scenario with `uncertainty` set to `model`, as JSON text.
fn with_uncertainty(path: &str, model: Value) -> String {
    let text = std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc["uncertainty"] = model;
    doc.to_string()
}

/// A small regional maslikhat: 4 list + 4 single-member seats; "Ak Zhol" has
/// district candidates but no list.
const SMALL_REGIONAL: &str = r#"{
  "body": "regional-maslikhat", "title": "Test region", "seats": 8,
  "lists": [{"party": "Amanat", "votes": 6000}, {"party": "Auyl", "votes": 3000},
            {"party": "Baytaq", "votes": 520}],
  "against_all": 480,
  "districts": [
    {"name": "D1", "candidates": [{"name": "A1", "party": "Amanat", "votes": 900},
                                  {"name": "S1", "party": null, "votes": 950}], "against_all": 100},
    {"name": "D2", "candidates": [{"name": "A2", "party": "Amanat", "votes": 800},
                                  {"name": "K2", "party": "Ak Zhol", "votes": 700}]},
    {"name": "D3", "candidates": [{"name": "A3", "party": "Amanat", "votes": 300},
                                  {"name": "U3", "party": "Auyl", "votes": 320}], "against_all": 50},
    {"name": "D4", "candidates": [{"name": "A4", "party": "Amanat", "votes": 500},
                                  {"name": "B4", "party": "Baytaq", "votes": 480}]}
  ],
  "uncertainty": {"coalitions": [{"name": "Not Amanat", "parties": ["Auyl", "Baytaq", "Ak Zhol"]}]}
}"#;

/// The seat-stats objects of a report: every party's total, list and district,
/// the independents, the vacant seats and every coalition.
fn seat_objects(doc: &Value) -> Vec<&Value> {
    let mut all = Vec::new();
    for p in doc["parties"].as_array().unwrap() {
        all.push(p);
        for tier in ["list", "district"] {
            if !p[tier].is_null() {
                all.push(&p[tier]);
            }
        }
    }
    all.push(&doc["independents"]);
    all.push(&doc["vacant"]);
    all.extend(doc["coalitions"].as_array().unwrap());
    all
}

// --- the JSON contract -------------------------------------------------------

#[test]
fn json_has_the_spec_fields_with_the_right_types() {
    let doc = json_file(DISTRICTS, &["--runs", "2000", "--seed", "11"]);
    assert_eq!(doc["runs"], 2000);
    assert_eq!(doc["seed"], 11);
    assert_eq!(doc["seats"], 98);
    assert_eq!(doc["interrupted"], false);
    assert!(doc["runs_with_lot"].is_u64(), "{doc}");
    assert!(doc["notes"].is_array(), "{doc}");
    assert_eq!(doc["coalitions"], json!([]));
    let parties = doc["parties"].as_array().unwrap();
    let names: Vec<&str> = parties.iter().map(|p| p["party"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["Amanat", "Auyl", "Respublica", "Ak Zhol", "People's Party of Kazakhstan", "OSDP", "Baytaq"]
    );
    for p in parties {
        assert!(p["mean"].is_f64(), "{p}");
        for q in ["p05", "p50", "p95"] {
            assert!(p[q].as_u64().is_some_and(|s| s <= 98), "{q} in {p}");
            assert!(p["list"][q].as_u64().is_some_and(|s| s <= 69), "list {q} in {p}");
            assert!(p["district"][q].as_u64().is_some_and(|s| s <= 29), "district {q} in {p}");
        }
        for f in
            ["p_majority", "p_threshold", "p_two_thirds", "p_three_quarters", "centre_share", "mean_share"]
        {
            let x = p[f].as_f64().unwrap_or_else(|| panic!("{f} in {p}"));
            assert!((0.0..=1.0).contains(&x), "{f} in {p}");
        }
        assert!(p.get("histogram").is_none(), "no histogram without --histogram: {p}");
        // The total is the list plus the district seats, on average.
        let sum = p["list"]["mean"].as_f64().unwrap() + p["district"]["mean"].as_f64().unwrap();
        assert!((p["mean"].as_f64().unwrap() - sum).abs() < 1e-9, "{p}");
    }
    // Amanat polled 53.9% of the list ballots: it holds a majority in almost every run.
    assert!(parties[0]["p_majority"].as_f64().unwrap() > 0.95, "{doc}");
    assert!((parties[0]["centre_share"].as_f64().unwrap() - 0.539).abs() < 0.001, "{doc}");
    // Baytaq polled 2.3%: it never passes 5%.
    assert_eq!(parties[6]["p_threshold"], 0.0);
    for group in ["independents", "vacant"] {
        for q in ["mean", "p05", "p50", "p95"] {
            assert!(doc[group][q].is_number(), "{group}.{q}: {doc}");
        }
    }
    // Seats add up: parties, self-nominated, vacant and undecided fill the house on average.
    let mut total: f64 = parties.iter().map(|p| p["mean"].as_f64().unwrap()).sum();
    total += doc["independents"]["mean"].as_f64().unwrap() + doc["vacant"]["mean"].as_f64().unwrap();
    total += doc["undecided"].as_f64().unwrap();
    assert_eq!(doc["undecided"], 0, "every district is simulated");
    assert!((total - 98.0).abs() < 1e-6, "{total}");
}

#[test]
fn same_seed_same_output_whatever_the_thread_count() {
    let args =
        |threads: &'static str| ["--format", "json", "--runs", "5000", "--seed", "42", "--threads", threads];
    let outputs: Vec<String> = ["1", "2", "4", "0"]
        .iter()
        .map(|t| {
            let mut all = args(t).to_vec();
            all.push(DISTRICTS);
            let r = simulate(&all);
            assert_eq!(r.code, 0, "{r:?}");
            r.stdout
        })
        .collect();
    for (i, out) in outputs.iter().enumerate() {
        assert_eq!(out, &outputs[0], "output {i} differs from --threads 1");
    }
    // The table is reproducible too.
    let table = |t: &str| simulate(&["--runs", "3000", "--seed", "3", "--threads", t, DISTRICTS]).stdout;
    assert_eq!(table("1"), table("4"));
}

#[test]
fn same_seed_twice_gives_identical_json_and_another_seed_differs() {
    let a = simulate(&["--format", "json", "--runs", "3000", "--seed", "9", DISTRICTS]);
    let b = simulate(&["--format", "json", "--runs", "3000", "--seed", "9", DISTRICTS]);
    assert_eq!(a.code, 0, "{a:?}");
    assert_eq!(a.stdout, b.stdout);
    let c = json_file(DISTRICTS, &["--runs", "3000", "--seed", "10"]);
    let a: Value = serde_json::from_str(&a.stdout).unwrap();
    assert_eq!(a["seed"], 9);
    assert_eq!(c["seed"], 10);
    assert_ne!(a["parties"], c["parties"], "different seeds give different draws");
    // The default seed is 0.
    let d = json_file(DISTRICTS, &["--runs", "100"]);
    assert_eq!(d["seed"], 0);
    assert_eq!(d, json_file(DISTRICTS, &["--runs", "100", "--seed", "0"]));
}

#[test]
fn runs_is_echoed_and_histograms_sum_to_it() {
    // Around the block size of 1024, so that a partial last block is counted.
    for runs in [1u64, 1023, 1024, 1025, 2500] {
        let n = runs.to_string();
        let doc = json_inline(SMALL_REGIONAL, &["--runs", &n, "--histogram"]);
        assert_eq!(doc["runs"], runs);
        assert_eq!(doc["seats"], 8);
        let objects = seat_objects(&doc);
        // 4 parties (totals), 3 lists, 4 district tiers, independents, vacant, 1 coalition.
        assert_eq!(objects.len(), 14, "{doc}");
        for obj in objects {
            let histogram = obj["histogram"].as_array().unwrap_or_else(|| panic!("histogram in {obj}"));
            let sum: u64 = histogram.iter().map(|c| c.as_u64().unwrap()).sum();
            assert_eq!(sum, runs, "{obj}");
            // The mean agrees with the histogram.
            let mean = histogram.iter().enumerate().map(|(s, c)| s as f64 * c.as_f64().unwrap()).sum::<f64>()
                / runs as f64;
            assert!((mean - obj["mean"].as_f64().unwrap()).abs() < 1e-9, "{obj}");
        }
        // A total histogram has a bin for every seat count from 0 to the house size.
        assert_eq!(doc["parties"][0]["histogram"].as_array().unwrap().len(), 9);
        assert_eq!(doc["parties"][0]["list"]["histogram"].as_array().unwrap().len(), 5);
    }
}

#[test]
fn percentiles_are_ordered_and_within_the_histogram() {
    let doc = json_file(DISTRICTS, &["--runs", "4000", "--seed", "5", "--histogram"]);
    for obj in seat_objects(&doc) {
        let (p05, p50, p95) =
            (obj["p05"].as_u64().unwrap(), obj["p50"].as_u64().unwrap(), obj["p95"].as_u64().unwrap());
        assert!(p05 <= p50 && p50 <= p95, "{obj}");
        let mean = obj["mean"].as_f64().unwrap();
        let h: Vec<u64> = obj["histogram"].as_array().unwrap().iter().map(|c| c.as_u64().unwrap()).collect();
        let lowest = h.iter().position(|&c| c > 0).unwrap() as f64;
        let highest = h.iter().rposition(|&c| c > 0).unwrap() as f64;
        assert!(lowest <= mean && mean <= highest, "{obj}");
        // At least 5% of runs at or below p05, at least 95% at or below p95.
        let below = |s: u64| h.iter().take(s as usize + 1).sum::<u64>();
        assert!(below(p05) * 100 >= 5 * 4000 && below(p95) * 100 >= 95 * 4000, "{obj}");
    }
}

#[test]
fn without_noise_every_run_gives_the_seats_of_elect() {
    // Districts left undecided on purpose in the list-only scenario, so that
    // every run is exactly the election `elect` counts.
    let model =
        json!({"concentration": 0, "systematic_sd": 0, "district_sd": 0, "synthetic_districts": false});
    for scenario in
        [with_uncertainty(DISTRICTS, model.clone()), with_uncertainty("scenarios/mazhilis-2023.json", model)]
    {
        let sim = json_inline(&scenario, &["--runs", "1500", "--seed", "77"]);
        let elected = run_bytes(&["elect", "--format", "json", "-"], scenario.as_bytes());
        let elected = json_of(&elected);
        let parties = sim["parties"].as_array().unwrap();
        let expected = elected["parties"].as_array().unwrap();
        assert_eq!(parties.len(), expected.len());
        for (p, e) in parties.iter().zip(expected) {
            assert_eq!(p["party"], e["party"]);
            for q in ["p05", "p50", "p95"] {
                assert_eq!(p[q], e["seats"], "{q}: {p} vs {e}");
                assert_eq!(p["list"][q], e["list_seats"], "list {q}: {p} vs {e}");
            }
            assert_eq!(p["mean"].as_f64().unwrap(), e["seats"].as_f64().unwrap(), "{p}");
            let passed = if e["eligible"] == true { 1.0 } else { 0.0 };
            assert_eq!(p["p_threshold"].as_f64().unwrap(), passed, "{p}");
        }
        assert_eq!(sim["independents"]["p50"], elected["independents"]);
        assert_eq!(sim["independents"]["p05"], sim["independents"]["p95"]);
    }
}

#[test]
fn coalitions_are_reported_with_their_probabilities() {
    let doc = json_inline(SMALL_REGIONAL, &["--runs", "3000", "--seed", "1"]);
    let coalitions = doc["coalitions"].as_array().unwrap();
    assert_eq!(coalitions.len(), 1);
    let c = &coalitions[0];
    assert_eq!(c["name"], "Not Amanat");
    assert_eq!(c["parties"], json!(["Auyl", "Baytaq", "Ak Zhol"]));
    for f in ["mean", "p_majority", "p_two_thirds", "p_three_quarters"] {
        assert!(c[f].is_f64(), "{f} in {c}");
    }
    let pm = c["p_majority"].as_f64().unwrap();
    let p23 = c["p_two_thirds"].as_f64().unwrap();
    let p34 = c["p_three_quarters"].as_f64().unwrap();
    assert!(pm >= p23 && p23 >= p34, "{c}");
    // The coalition's mean is the sum of its parties' means.
    let parties = doc["parties"].as_array().unwrap();
    let sum: f64 = parties
        .iter()
        .filter(|p| ["Auyl", "Baytaq", "Ak Zhol"].contains(&p["party"].as_str().unwrap()))
        .map(|p| p["mean"].as_f64().unwrap())
        .sum();
    assert!((sum - c["mean"].as_f64().unwrap()).abs() < 1e-9, "{doc}");
    // Ak Zhol has district candidates but no list: no list statistics, no threshold.
    let ak_zhol = parties.iter().find(|p| p["party"] == "Ak Zhol").expect("Ak Zhol is reported");
    assert!(ak_zhol["list"].is_null(), "{ak_zhol}");
    assert!(ak_zhol["p_threshold"].is_null(), "{ak_zhol}");
    assert!(ak_zhol["centre_share"].is_null(), "{ak_zhol}");
    assert!(ak_zhol["district"]["mean"].is_f64(), "{ak_zhol}");
}

// --- the table ---------------------------------------------------------------

#[test]
fn table_shows_the_projection_coalitions_and_histograms() {
    let r = simulate_stdin(&["--runs", "2000", "--seed", "4", "--histogram"], SMALL_REGIONAL);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.is_empty(), "no progress bar when stderr is not a terminal: {r:?}");
    let out = &r.stdout;
    assert!(out.starts_with("Monte Carlo projection: Test region\n"), "{out}");
    assert!(out.contains("2,000 runs, seed 4"), "{out}");
    assert!(out.contains("concentration 2000"), "{out}");
    for needle in [
        "party",
        "list share",
        "mean",
        "90% interval",
        "median",
        "P(majority)",
        "P(threshold)",
        "list",
        "district",
        "Amanat",
        "(self-nominated)",
        "coalitions",
        "Not Amanat",
        "seat distributions",
        "#",
    ] {
        assert!(out.contains(needle), "table lacks {needle:?}:\n{out}");
    }
    assert!(out.lines().all(|l| l == l.trim_end()), "no trailing spaces:\n{out}");
    let plain = simulate_stdin(&["--runs", "2000", "--seed", "4"], SMALL_REGIONAL).stdout;
    assert!(!plain.contains("seat distributions"), "{plain}");
    // Only a list tier: no list/district columns; the seats outside the model are shown.
    let list_only = with_uncertainty("scenarios/mazhilis-2023.json", json!({"synthetic_districts": false}));
    let list_only = simulate_stdin(&["--runs", "500"], &list_only).stdout;
    assert!(list_only.contains("(undecided)"), "one word for seats no result is given for: {list_only}");
    assert!(list_only.contains("not computed"), "no chance of a majority over undecided seats: {list_only}");
    let header = list_only.lines().find(|l| l.starts_with("party")).unwrap();
    assert!(!header.contains("district"), "{list_only}");
    // By default the districts are generated from the list vote, and the table says so.
    let generated = simulate(&["--runs", "500", "scenarios/mazhilis-2023.json"]).stdout;
    assert!(generated.contains("SYNTHETIC"), "{generated}");
    assert!(!generated.contains("not computed"), "{generated}");
}

#[test]
fn shipped_scenarios_run() {
    let doc = json_file(DISTRICTS, &["--runs", "2000"]);
    assert_eq!(doc["runs"], 2000);
    for file in ["scenarios/mazhilis-2023.json", "scenarios/akim-illustrative.json"] {
        let r = simulate(&["--runs", "2000", file]);
        assert_eq!(r.code, 0, "{file}: {r:?}");
        assert!(!r.stdout.is_empty(), "{file}");
    }
}

#[test]
fn synthetic_districts_are_simulated_and_labelled() {
    let scenario = with_uncertainty("scenarios/mazhilis-2023.json", json!({"synthetic_districts": true}));
    let doc = json_inline(&scenario, &["--runs", "1000"]);
    let amanat = &doc["parties"][0];
    assert!(amanat["district"]["mean"].as_f64().unwrap() > 10.0, "{doc}");
    let notes = doc["notes"].as_array().unwrap();
    assert!(notes.iter().any(|n| n["text"].as_str().unwrap().contains("SYNTHETIC")), "{doc}");
    assert!(notes.iter().any(|n| n["kind"] == "synthetic_districts" && n["seats"] == 29), "{doc}");
}

// --- bad input: exit code 2 ---------------------------------------------------

#[test]
fn bad_runs_exit_2() {
    for (runs, needle) in [
        ("0", "at least 1"),
        ("-5", "negative"),
        ("abc", "whole number"),
        ("1.5", "whole number"),
        ("", "empty"),
        ("10000000001", "maximum"),
    ] {
        let r = simulate(&["--runs", runs, DISTRICTS]);
        assert_bad(&r, &["--runs", needle]);
    }
    // --runs is required.
    assert_bad(&simulate(&[DISTRICTS]), &["--runs"]);
    // Bad --seed and --threads too.
    assert_bad(&simulate(&["--runs", "10", "--seed", "-1", DISTRICTS]), &["seed"]);
    assert_bad(&simulate(&["--runs", "10", "--threads", "-2", DISTRICTS]), &["threads", "negative"]);
    assert_bad(&simulate(&["--runs", "10", "--threads", "many", DISTRICTS]), &["threads"]);
    assert_bad(&simulate(&["--runs", "10", "--format", "xml", DISTRICTS]), &["xml"]);
}

#[test]
fn csv_has_a_row_per_party_coalition_and_empty_seat_kind() {
    let r = simulate_stdin(&["--runs", "500", "--seed", "4", "--format", "csv"], SMALL_REGIONAL);
    assert_eq!(r.code, 0, "{r:?}");
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..6], ["row", "name", "mean", "p05", "p50", "p95"]);
    assert!(header.contains(&"p_majority".to_string()) && header.contains(&"p_two_thirds".to_string()));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let json =
        json_of(&simulate_stdin(&["--runs", "500", "--seed", "4", "--format", "json"], SMALL_REGIONAL));
    let parties = json["parties"].as_array().unwrap();
    let party_rows: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[0] == "party").collect();
    assert_eq!(party_rows.len(), parties.len());
    for (row, p) in party_rows.iter().zip(parties) {
        assert_eq!(&row[1], p["party"].as_str().unwrap());
        assert_eq!(row[2].parse::<f64>().unwrap(), p["mean"].as_f64().unwrap(), "same run, same numbers");
    }
    assert!(rows.iter().any(|r| &r[0] == "coalition"), "the scenario's coalition is a row");
    assert!(rows.iter().any(|r| &r[0] == "vacant"));
}

#[test]
fn missing_file_exits_2_naming_it() {
    let missing = scratch("missing.json");
    let name = missing.display().to_string();
    assert_bad(&simulate(&["--runs", "10", &name]), &[&name, "cannot read"]);
}

#[test]
fn bad_json_exits_2_with_line_and_column() {
    let path = scratch("bad.json");
    std::fs::write(&path, "{\"body\": \"mazhilis\",\n  \"lists\": [}\n").unwrap();
    let name = path.display().to_string();
    assert_bad(&simulate(&["--runs", "10", &name]), &[&name, "line 2, column", "not valid JSON"]);
    assert_bad(&simulate_stdin(&["--runs", "10"], ""), &["<stdin>", "empty"]);
    assert_bad(&simulate_stdin(&["--runs", "10"], "[1, 2]"), &["<stdin>", "JSON object"]);
}

#[test]
fn a_typo_in_the_uncertainty_object_exits_2() {
    let scenario = with_uncertainty("scenarios/mazhilis-2023.json", json!({"concentraton": 500}));
    let r = simulate_stdin(&["--runs", "10"], &scenario);
    assert_bad(&r, &["<stdin>", "unknown field `concentraton`", "did you mean `concentration`"]);
    let scenario = with_uncertainty("scenarios/mazhilis-2023.json", json!({"swing": "sideways"}));
    assert_bad(&simulate_stdin(&["--runs", "10"], &scenario), &["<stdin>", "sideways"]);
}

#[test]
fn out_of_range_uncertainty_exits_2() {
    for (field, value) in
        [("concentration", json!(-1)), ("systematic_sd", json!(-0.1)), ("district_sd", json!(11))]
    {
        let scenario = with_uncertainty("scenarios/mazhilis-2023.json", json!({ field: value }));
        let r = simulate_stdin(&["--runs", "10"], &scenario);
        assert_bad(&r, &["<stdin>", &format!("uncertainty.{field}")]);
    }
}

#[test]
fn a_referendum_has_nothing_to_simulate() {
    let r = simulate(&["--runs", "10", "scenarios/referendum-2022.json"]);
    assert_bad(&r, &["scenarios/referendum-2022.json", "nothing to simulate"]);
    let r = simulate_stdin(&["--runs", "10"], r#"{"body": "kurultai"}"#);
    assert_bad(&r, &["<stdin>", "nothing to simulate"]);
}

#[test]
fn a_coalition_naming_an_unknown_party_exits_2() {
    let scenario = with_uncertainty(
        "scenarios/mazhilis-2023.json",
        json!({"coalitions": [{"name": "Opposition", "parties": ["Auyl", "Nur Otan"]}]}),
    );
    let r = simulate_stdin(&["--runs", "10"], &scenario);
    assert_bad(&r, &["<stdin>", "Opposition", "Nur Otan"]);
    let scenario = with_uncertainty(
        "scenarios/mazhilis-2023.json",
        json!({"coalitions": [{"name": "Opposition", "members": ["Auyl"]}]}),
    );
    assert_bad(&simulate_stdin(&["--runs", "10"], &scenario), &["<stdin>", "members"]);
}

#[test]
fn scenario_errors_shared_with_elect_exit_2() {
    let r = simulate_stdin(
        &["--runs", "10"],
        r#"{"body": "kurultai", "lists": [{"party": "A", "votes": 5}, {"party": "A", "votes": 6}]}"#,
    );
    assert_bad(&r, &["<stdin>", "\"A\"", "twice"]);
    let r = simulate_stdin(&["--runs", "10"], r#"{"body": "senate", "lists": [{"party": "A", "votes": 5}]}"#);
    assert_bad(&r, &["<stdin>", "senate"]);
}

// --- help ----------------------------------------------------------------------

#[test]
fn help_documents_the_model_fields_and_exit_codes() {
    let r = run_bytes(&["simulate", "--help"], b"");
    assert_eq!(r.code, 0, "{r:?}");
    for needle in [
        "--runs",
        "--seed",
        "--threads",
        "--histogram",
        "saylau::simulate",
        "concentration",
        "(default 2000)",
        "systematic_sd",
        "(default 0.1)",
        "turnout_sd",
        "swing",
        "uniform",
        "district_sd",
        "synthetic_districts",
        "regional_sd",
        "(default 0.25)",
        "coalitions",
        "whatever --threads",
        "130",
        "p_threshold",
    ] {
        assert!(r.stdout.contains(needle), "help lacks {needle:?}:\n{}", r.stdout);
    }
    let elect = run_bytes(&["elect", "--help"], b"");
    assert!(elect.stdout.contains("uncertainty"), "{}", elect.stdout);
    assert!(elect.stdout.contains("ignored by elect"), "{}", elect.stdout);
    let top = run_bytes(&["--help"], b"");
    assert!(top.stdout.contains("simulate"), "{}", top.stdout);
}
