//! End-to-end tests of the analysis commands of `saylau`: `metrics`,
//! `compare`, `hemicycle`, `report` and `elect --explain` (exit codes,
//! values checked against the library, pictures and pages parsed).

use crate::common::{Run, assert_fails, run, run_bytes, scratch};
use roxmltree::Document;
use saylau::metrics::Metrics;
use serde_json::Value;

const MAZHILIS: &str = "scenarios/mazhilis-2023.json";
const DISTRICTS: &str = "scenarios/mazhilis-2023-illustrative-districts.json";
const REFERENDUM: &str = "scenarios/referendum-2022.json";

/// Two lists exactly tied for the 145th Kurultai seat, ties refused.
const TIED_LISTS: &str = r#"{"body": "kurultai", "ties": "error",
  "lists": [{"party": "Alpha", "votes": 500}, {"party": "Beta", "votes": 500}]}"#;

/// The 2023 list votes and "against all" (data/mazhilis-2023.json).
const VOTES: [u64; 7] = [3_431_510, 693_938, 547_154, 535_139, 432_920, 331_058, 146_431];
const AGAINST_ALL: u64 = 248_291;
const LIST_SEATS: [u32; 7] = [40, 8, 6, 6, 5, 4, 0];

fn saylau(args: &[&str]) -> Run {
    run_bytes(args, b"")
}

fn ok_json(args: &[&str]) -> Value {
    ok_json_stdin(args, "")
}

fn ok_json_stdin(args: &[&str], stdin: &str) -> Value {
    let r = run(args, stdin);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.is_empty(), "{r:?}");
    serde_json::from_str(&r.stdout).expect("stdout is one JSON document")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Three lists, 10 list seats by Hare above 5%: C (4%) is out; A and B
/// share 10 seats on 9,600 votes (quota 960: 6.25 and 3.75, so 6 and 4).
const THREE_LISTS: &str = r#"{"body": "kurultai", "title": "Three lists", "list_seats": 10,
  "threshold_percent": "5", "method": "hare",
  "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600}, {"party": "C", "votes": 400}]}"#;

/// The keys of a JSON object, sorted.
fn keys(v: &Value) -> Vec<String> {
    let mut k: Vec<String> =
        v.as_object().unwrap_or_else(|| panic!("an object: {v}")).keys().cloned().collect();
    k.sort();
    k
}

/// `names` sorted, as owned strings.
fn sorted(names: &[&str]) -> Vec<String> {
    let mut k: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    k.sort();
    k
}

/// Parses CSV output: the header and the records, every record as long as
/// the header.
fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("a header row").iter().map(String::from).collect();
    let records: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a well-formed record").iter().map(String::from).collect())
        .collect();
    for r in &records {
        assert_eq!(r.len(), header.len(), "{r:?}");
    }
    (header, records)
}

// --- metrics -------------------------------------------------------------

#[test]
fn metrics_of_the_2023_list_vote_match_the_library() {
    let doc = ok_json(&["metrics", "--format", "json", MAZHILIS]);
    let m = Metrics::compute(&VOTES, &LIST_SEATS, AGAINST_ALL).unwrap();
    let lt = &doc["list_tier"];
    for (key, value) in [
        ("gallagher", m.gallagher),
        ("loosemore_hanby", m.loosemore_hanby),
        ("sainte_lague", m.sainte_lague),
        ("enep", m.enep),
        ("enpp", m.enpp),
        ("golosov_votes", m.golosov_votes),
        ("golosov_seats", m.golosov_seats),
        ("wasted_share", m.wasted_share),
        ("largest_party_bonus", m.largest_party_bonus),
    ] {
        assert!(close(lt[key].as_f64().unwrap(), value), "{key}: {} vs {value}", lt[key]);
    }
    assert!(close(lt["rae"].as_f64().unwrap(), m.rae.unwrap()));
    assert!(close(lt["dhondt"].as_f64().unwrap(), m.dhondt.unwrap()));
    assert_eq!(lt["wasted_votes"].as_u64(), Some(146_431 + AGAINST_ALL));
    assert_eq!(lt["vote_base"].as_u64(), Some(VOTES.iter().sum::<u64>() + AGAINST_ALL));
    assert_eq!(lt["extra_votes"].as_u64(), Some(AGAINST_ALL));
    assert_eq!(lt["seats"].as_u64(), Some(69));
    assert_eq!(lt["largest_party"], "Amanat");
    let parties = lt["parties"].as_array().unwrap();
    assert_eq!(parties.len(), 7);
    assert_eq!(parties[6]["party"], "Baytaq");
    assert_eq!(parties[6]["votes"].as_u64(), Some(146_431));
    assert_eq!(parties[0]["seats"].as_u64(), Some(40));
    // A gallagher of about 4.37: the CEC's figures, exactly as counted.
    assert!((lt["gallagher"].as_f64().unwrap() - 4.37).abs() < 0.01);
    // Lists only: no whole-body figures, no districts.
    assert!(doc["whole_body"].is_null(), "{doc}");
    assert!(doc["district_waste"].is_null(), "{doc}");
}

#[test]
fn metrics_of_a_mixed_body_have_whole_body_and_district_figures() {
    let doc = ok_json(&["metrics", "--format", "json", DISTRICTS]);
    let wb = &doc["whole_body"];
    assert!(wb.is_object(), "{doc}");
    // Amanat's list and district seats together, against its list votes.
    let amanat = &wb["parties"][0];
    assert_eq!(amanat["party"], "Amanat");
    assert_eq!(amanat["seats"].as_u64(), Some(62));
    assert!(wb["gallagher"].as_f64().unwrap() > doc["list_tier"]["gallagher"].as_f64().unwrap());
    let dw = &doc["district_waste"];
    let (cast, wasted) = (dw["cast"].as_u64().unwrap(), dw["wasted"].as_u64().unwrap());
    assert!(cast > 0 && wasted < cast, "{dw}");
    assert!(close(dw["share"].as_f64().unwrap(), wasted as f64 * 100.0 / cast as f64));
}

#[test]
fn metrics_table_and_csv() {
    let r = saylau(&["metrics", MAZHILIS]);
    assert_eq!(r.code, 0, "{r:?}");
    for needle in ["Gallagher", "4.37", "effective number of parties", "Baytaq", "(against all)"] {
        assert!(r.stdout.contains(needle), "table lacks {needle:?}: {}", r.stdout);
    }
    let r = saylau(&["metrics", "--format", "csv", DISTRICTS]);
    assert_eq!(r.code, 0, "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines[0], "tier,index,value");
    assert!(lines.iter().any(|l| l.starts_with("list_tier,gallagher,")));
    assert!(lines.iter().any(|l| l.starts_with("whole_body,enpp,")));
    assert!(lines.iter().any(|l| l.starts_with("district_waste,share,")));
    assert!(lines.contains(&"list_tier,largest_party,Amanat"));
}

/// The expected text is written by hand from the figures: vote shares 60,
/// 36 and 4%, seat shares 60, 40 and 0%.
/// - Gallagher sqrt((0 + 16 + 16) / 2) = 4; Loosemore-Hanby (0 + 4 + 4) / 2 = 4;
/// - Rae (0 + 4 + 4) / 3 = 2.67; Sainte-Laguë 16/36 + 16/4 = 4.44;
/// - D'Hondt max(1, 40/36, 0) = 1.111;
/// - ENEP 1 / (.36 + .1296 + .0016) = 2.04; ENPP 1 / (.36 + .16) = 1.92;
/// - Golosov by votes 1 + .36/.5904 + .04/.3984 = 1.71; by seats 1 + .4/.6 = 1.67;
/// - wasted: C's 400 votes, 4% of 10,000; A's bonus 60 - 60 = 0.
#[test]
fn metrics_table_golden_text() {
    let r = run(&["metrics", "-"], THREE_LISTS);
    assert_eq!(r.code, 0, "{r:?}");
    let expected = r#"Three lists
kurultai: 10 seats, 10 party-list (Hare largest remainder, threshold 5%), from <stdin>

list tier: 10 list seats, 3 lists
index                value  meaning
Gallagher             4.00  least-squares gap between vote and seat shares (points; 0 = proportional)
Loosemore-Hanby       4.00  share of seats held beyond vote shares (points)
Rae                   2.67  mean |vote share - seat share| over parties with at least 0.5% (points)
Sainte-Lague          4.44  sum of (seat share - vote share)^2 / vote share
D'Hondt              1.111  largest seat share / vote share: the most over-represented party
ENEP                  2.04  effective number of parties by votes (Laakso-Taagepera)
ENPP                  1.92  effective number of parties by seats (Laakso-Taagepera)
Golosov (votes)       1.71  Golosov's effective number of parties by votes
Golosov (seats)       1.67  Golosov's effective number of parties by seats
wasted votes           400  votes that elected nobody (lists without seats, "against all")
wasted share %        4.00  wasted votes as a share of the vote base
largest party            A  the party with the most votes
largest party bonus   0.00  its seat share minus its vote share (points)

party  votes  vote %  seats  seat %  seat/vote
A      6,000   60.00      6   60.00      1.000
B      3,600   36.00      4   40.00      1.111
C        400    4.00      0    0.00      0.000

notes:
- shares are rounded for display; every seat was decided exactly, the indices are real numbers that only describe the result
"#;
    assert_eq!(r.stdout, expected);
}

#[test]
fn metrics_json_has_the_documented_fields() {
    let tier_fields = [
        "vote_base",
        "extra_votes",
        "seats",
        "gallagher",
        "loosemore_hanby",
        "rae",
        "sainte_lague",
        "dhondt",
        "enep",
        "enpp",
        "golosov_votes",
        "golosov_seats",
        "wasted_votes",
        "wasted_share",
        "largest_party",
        "largest_party_bonus",
        "parties",
    ];
    let party_fields = ["party", "votes", "seats", "vote_share", "seat_share", "advantage_ratio"];
    let doc = ok_json(&["metrics", "--format", "json", DISTRICTS]);
    assert_eq!(keys(&doc), sorted(&["list_tier", "whole_body", "district_waste"]));
    for tier in ["list_tier", "whole_body"] {
        assert_eq!(keys(&doc[tier]), sorted(&tier_fields), "{tier}");
        for p in doc[tier]["parties"].as_array().unwrap() {
            assert_eq!(keys(p), sorted(&party_fields), "{p}");
        }
    }
    assert_eq!(keys(&doc["district_waste"]), sorted(&["cast", "wasted", "share"]));
    // Machine formats keep plain numbers.
    assert!(doc["list_tier"]["vote_base"].is_u64() && doc["list_tier"]["largest_party"].is_string());
}

#[test]
fn metrics_csv_parses_and_matches_the_json() {
    let doc = ok_json(&["metrics", "--format", "json", DISTRICTS]);
    let r = saylau(&["metrics", "--format", "csv", DISTRICTS]);
    assert_eq!(r.code, 0, "{r:?}");
    let (header, records) = parse_csv(&r.stdout);
    assert_eq!(header, ["tier", "index", "value"]);
    // 13 indices for each tier, then cast, wasted and share.
    assert_eq!(records.len(), 13 + 13 + 3);
    for rec in &records {
        let (tier, index, value) = (&rec[0], &rec[1], &rec[2]);
        let expected = &doc[tier.as_str()][index.as_str()];
        match expected {
            Value::String(s) => assert_eq!(value, s),
            Value::Null => assert_eq!(value, ""),
            Value::Number(n) if n.is_u64() => assert_eq!(value, &n.to_string(), "{tier} {index}"),
            Value::Number(n) => assert!(close(value.parse().unwrap(), n.as_f64().unwrap()), "{tier} {index}"),
            other => panic!("{tier} {index}: {other}"),
        }
    }
}

#[test]
fn metrics_refusals() {
    assert_fails(&saylau(&["metrics", REFERENDUM]), 2, &[REFERENDUM, "nothing to measure", "referendum"]);
    assert_fails(&saylau(&["metrics", "no-such-file.json"]), 2, &["no-such-file.json", "cannot read"]);
    assert_fails(&run(&["metrics", "-"], "{\"body\": \"mazhilis\", "), 2, &["<stdin>", "line 1"]);
    assert_fails(&run(&["metrics", "-"], TIED_LISTS), 3, &["<stdin>", "tie", "\"Alpha\"", "\"Beta\""]);
    assert_fails(&saylau(&["metrics", "--format", "xml", MAZHILIS]), 2, &["xml"]);
}

// --- compare -------------------------------------------------------------

#[test]
fn compare_methods_has_twelve_rows() {
    let doc = ok_json(&["compare", MAZHILIS, "--by", "methods", "--format", "json"]);
    assert_eq!(doc["by"], "methods");
    assert_eq!(doc["parties"].as_array().unwrap().len(), 7);
    let rows = doc["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 12);
    assert_eq!(rows[0]["method"], "dhondt");
    assert_eq!(rows[0]["label"], "D'Hondt");
    let hare = rows.iter().find(|r| r["method"] == "hare").expect("a hare row");
    let seats: Vec<u64> = hare["seats"].as_array().unwrap().iter().map(|s| s.as_u64().unwrap()).collect();
    assert_eq!(seats, [40, 8, 6, 6, 5, 4, 0]);
    assert_eq!(hare["eligible"][6], false);
    assert!(hare["error"].is_null());
    for r in rows {
        let sum: u64 = r["seats"].as_array().unwrap().iter().map(|s| s.as_u64().unwrap()).sum();
        assert_eq!(sum, 69, "{r}");
    }
    let r = saylau(&["compare", MAZHILIS, "--by", "methods"]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("Huntington-Hill") && r.stdout.contains("Amanat"), "{}", r.stdout);
    let r = saylau(&["compare", MAZHILIS, "--by", "methods", "--format", "csv"]);
    assert_eq!(r.stdout.lines().count(), 13, "{}", r.stdout);
    assert!(r.stdout.starts_with("method,Amanat,Auyl,"), "{}", r.stdout);
}

#[test]
fn compare_thresholds_and_houses() {
    let doc = ok_json(&[
        "compare",
        MAZHILIS,
        "--by",
        "thresholds",
        "--from",
        "2",
        "--to",
        "4",
        "--step",
        "0.5",
        "--format",
        "json",
    ]);
    let rows = doc["rows"].as_array().unwrap();
    let labels: Vec<&str> = rows.iter().map(|r| r["threshold_percent"].as_str().unwrap()).collect();
    assert_eq!(labels, ["2", "2.5", "3", "3.5", "4"]);
    // Baytaq (2.30%) takes part at 2%, not at 2.5%.
    assert_eq!(rows[0]["eligible"][6], true);
    assert_eq!(rows[1]["eligible"][6], false);
    // The default sweep: 0% to 10% by 0.5.
    let doc = ok_json(&["compare", MAZHILIS, "--by", "thresholds", "--format", "json"]);
    assert_eq!(doc["rows"].as_array().unwrap().len(), 21);

    let doc = ok_json(&["compare", MAZHILIS, "--by", "houses", "--houses", "68..70", "--format", "json"]);
    let rows = doc["rows"].as_array().unwrap();
    let sizes: Vec<u64> = rows.iter().map(|r| r["list_seats"].as_u64().unwrap()).collect();
    assert_eq!(sizes, [68, 69, 70]);
    let r = saylau(&["compare", MAZHILIS, "--by", "houses", "--houses", "69", "--format", "csv"]);
    assert_eq!(
        r.stdout,
        "list_seats,Amanat,Auyl,Respublica,Ak Zhol,People's Party of Kazakhstan,OSDP,Baytaq,error\n69,40,8,6,6,5,4,0,\n"
    );
}

#[test]
fn compare_designs() {
    let doc = ok_json(&["compare", DISTRICTS, "--by", "designs", "--format", "json"]);
    let rows = doc["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0]["design"], "mazhilis as given");
    for r in rows {
        assert!(r["error"].is_null(), "{r}");
        let seats: u64 = r["seats"].as_array().unwrap().iter().map(|s| s.as_u64().unwrap()).sum();
        let house = r["house"].as_u64().unwrap();
        let others = r["independents"].as_u64().unwrap()
            + r["vacant"].as_u64().unwrap()
            + r["undecided"].as_u64().unwrap();
        assert_eq!(seats + others, house, "{r}");
    }
    assert_eq!(rows[1]["house"].as_u64(), Some(98));
    assert_eq!(rows[1]["independents"].as_u64(), Some(0));
    let r = saylau(&["compare", DISTRICTS, "--by", "designs", "--format", "csv"]);
    assert!(r.stdout.starts_with("design,house,Amanat,"), "{}", r.stdout);
    assert_eq!(r.stdout.lines().count(), 5);
}

/// Hare among A and B (C is below 5%) on 9,600 votes: at 4 seats the quotas
/// are 2.5 and 1.5, the remainders tie and the list registered first, A,
/// takes the seat; at 5, 3.125 and 1.875 (B's remainder wins); at 6, 3.75
/// and 2.25 (A's).
#[test]
fn compare_table_golden_text() {
    let r = run(&["compare", "-", "--by", "houses", "--houses", "4..6"], THREE_LISTS);
    assert_eq!(r.code, 0, "{r:?}");
    let expected = r#"Three lists
kurultai: 10 seats, 10 party-list (Hare largest remainder, threshold 5%), from <stdin>

list seats  A  B  C  note
4 seats     3  1  -  tie between A and B for 1 seat: A takes it by the tie rule (the one listed first wins)
5 seats     3  2  -
6 seats     4  2  -

notes:
- "-": the list did not take part (below the threshold)
"#;
    assert_eq!(r.stdout, expected);
}

/// A row whose count fails says why in words, naming the parties.
#[test]
fn compare_row_errors_name_the_parties() {
    // Refusing ties: the body as given (10 seats: 6 and 4) has none, but at
    // 4 seats A and B tie (see compare_table_golden_text).
    let scenario = THREE_LISTS.replace("\"method\": \"hare\"", "\"method\": \"hare\", \"ties\": \"error\"");
    let doc =
        ok_json_stdin(&["compare", "-", "--by", "houses", "--houses", "4..5", "--format", "json"], &scenario);
    let row = &doc["rows"][0];
    assert!(row["seats"].is_null() && row["tie"].is_null(), "{row}");
    let error = row["error"].as_str().unwrap();
    assert!(error.starts_with("tie between A and B for 1 seat"), "{error}");
    assert!(!error.contains("position"), "{error}");
    assert!(doc["rows"][1]["error"].is_null());
    let r = run(&["compare", "-", "--by", "houses", "--houses", "4..5"], &scenario);
    let line = r.stdout.lines().find(|l| l.starts_with("4 seats")).unwrap();
    assert_eq!(line.split_whitespace().nth(2), Some("tie"), "no seats beside the reason: {line}");
    assert!(line.ends_with("exactly equal claims that the tie rule does not break"), "{line}");
    // No list over 55%: the vote base with thousands separators.
    let doc = ok_json(&[
        "compare",
        MAZHILIS,
        "--by",
        "thresholds",
        "--from",
        "55",
        "--to",
        "55",
        "--format",
        "json",
    ]);
    assert_eq!(doc["rows"][0]["error"], "no party reaches the threshold of 55% of 6,366,441 votes");
}

#[test]
fn compare_json_has_the_documented_fields() {
    let doc = ok_json_stdin(
        &["compare", "-", "--by", "houses", "--houses", "4..6", "--format", "json"],
        THREE_LISTS,
    );
    assert_eq!(keys(&doc), sorted(&["by", "parties", "rows"]));
    assert_eq!(doc["by"], "houses");
    assert_eq!(doc["parties"], serde_json::json!(["A", "B", "C"]));
    for row in doc["rows"].as_array().unwrap() {
        assert_eq!(keys(row), sorted(&["label", "list_seats", "seats", "eligible", "tie", "error"]), "{row}");
    }
    let tie = &doc["rows"][0]["tie"];
    assert_eq!(keys(tie), sorted(&["parties", "seats", "winners", "policy"]));
    assert_eq!(tie["parties"], serde_json::json!(["A", "B"]));
    assert_eq!(tie["winners"], serde_json::json!(["A"]));
    assert_eq!(doc["rows"][0]["label"], "4 seats");
    assert_eq!(doc["rows"][0]["list_seats"].as_u64(), Some(4));
    assert!(doc["rows"][1]["tie"].is_null());
    for (by, key) in [("methods", "method"), ("thresholds", "threshold_percent")] {
        let doc = ok_json(&["compare", MAZHILIS, "--by", by, "--format", "json"]);
        assert_eq!(doc["by"], by);
        for row in doc["rows"].as_array().unwrap() {
            assert_eq!(keys(row), sorted(&["label", key, "seats", "eligible", "tie", "error"]), "{row}");
        }
    }
    let doc = ok_json(&["compare", MAZHILIS, "--by", "designs", "--format", "json"]);
    assert_eq!(doc["by"], "designs");
    let design_fields = [
        "design",
        "house",
        "seats",
        "list_seats",
        "district_seats",
        "independents",
        "vacant",
        "undecided",
        "overhang",
        "levelling",
        "error",
    ];
    for row in doc["rows"].as_array().unwrap() {
        assert_eq!(keys(row), sorted(&design_fields), "{row}");
    }
}

#[test]
fn compare_csv_parses_with_party_columns() {
    let r = saylau(&["compare", MAZHILIS, "--by", "methods", "--format", "csv"]);
    assert_eq!(r.code, 0, "{r:?}");
    let (header, records) = parse_csv(&r.stdout);
    let parties =
        ["Amanat", "Auyl", "Respublica", "Ak Zhol", "People's Party of Kazakhstan", "OSDP", "Baytaq"];
    assert_eq!(header[0], "method");
    assert_eq!(&header[1..8], parties);
    assert_eq!(header[8], "error");
    assert_eq!(records.len(), 12);
    for rec in &records {
        let seats: u32 = rec[1..8].iter().map(|s| s.parse::<u32>().unwrap()).sum();
        assert_eq!(seats, 69, "{rec:?}");
        assert_eq!(rec[8], "");
    }
    assert!(records.iter().any(|r| r[0] == "hare" && r[1] == "40"));

    let r = saylau(&["compare", DISTRICTS, "--by", "designs", "--format", "csv"]);
    let (header, records) = parse_csv(&r.stdout);
    assert_eq!(&header[..2], ["design", "house"]);
    assert_eq!(&header[2..9], parties);
    assert_eq!(&header[9..], ["independents", "vacant", "undecided", "overhang", "levelling", "error"]);
    assert_eq!(records.len(), 4);
    for rec in &records {
        let n: Vec<u32> = rec[1..14].iter().map(|s| s.parse().unwrap()).collect();
        // house = the parties' seats + self-nominated + vacant + undecided.
        assert_eq!(n[0], n[1..8].iter().sum::<u32>() + n[8] + n[9] + n[10], "{rec:?}");
    }
}

/// Seats with no result given are "undecided", never "vacant" (the rules
/// left no seat empty here: the scenario gives no district results).
#[test]
fn compare_designs_calls_seats_without_results_undecided() {
    let doc = ok_json(&["compare", MAZHILIS, "--by", "designs", "--format", "json"]);
    let given = &doc["rows"][0];
    assert_eq!(given["design"], "mazhilis as given");
    assert_eq!(given["vacant"].as_u64(), Some(0), "{given}");
    assert_eq!(given["undecided"].as_u64(), Some(29), "{given}");

    let r = saylau(&["compare", MAZHILIS, "--by", "designs"]);
    assert_eq!(r.code, 0, "{r:?}");
    let head = r.stdout.lines().find(|l| l.starts_with("design")).unwrap();
    let columns: Vec<&str> = head.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(&columns[columns.len() - 4..], ["self-nominated", "vacant", "undecided", "note"]);
    let row = r.stdout.lines().find(|l| l.starts_with("mazhilis as given")).unwrap();
    let cells: Vec<&str> = row.split_whitespace().collect();
    // ... Baytaq 0, self-nominated 0, vacant 0, undecided 29 (no note).
    assert_eq!(&cells[cells.len() - 3..], ["0", "0", "29"], "{row}");

    let r = saylau(&["compare", MAZHILIS, "--by", "designs", "--format", "csv"]);
    let (header, records) = parse_csv(&r.stdout);
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!((records[0][at("vacant")].as_str(), records[0][at("undecided")].as_str()), ("0", "29"));
}

/// Without every district's result a compensatory tier means nothing: its
/// rows are refused with the reason, in every format, while the designs
/// that can be counted still are.
#[test]
fn compare_designs_refuses_mmp_without_district_results() {
    const REASON: &str = "a compensatory tier needs every district's result: 0 of 29 given";
    let doc = ok_json(&["compare", MAZHILIS, "--by", "designs", "--format", "json"]);
    let rows = doc["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    for r in &rows[..2] {
        assert!(r["error"].is_null() && r["house"].as_u64() == Some(98), "{r}");
    }
    for r in &rows[2..] {
        assert!(r["design"].as_str().unwrap().starts_with("compensatory"), "{r}");
        assert_eq!(r["error"], REASON);
        for field in ["house", "seats", "list_seats", "vacant", "undecided", "overhang"] {
            assert!(r[field].is_null(), "{field}: {r}");
        }
    }

    let r = saylau(&["compare", MAZHILIS, "--by", "designs"]);
    let mmp: Vec<&str> = r.stdout.lines().filter(|l| l.starts_with("compensatory")).collect();
    assert_eq!(mmp.len(), 2, "{}", r.stdout);
    for line in mmp {
        assert!(line.ends_with(REASON), "{line}");
        assert!(!line.contains(" 98 "), "no seats beside the reason: {line}");
    }

    let r = saylau(&["compare", MAZHILIS, "--by", "designs", "--format", "csv"]);
    let (header, records) = parse_csv(&r.stdout);
    assert_eq!(header.last().map(String::as_str), Some("error"));
    assert_eq!(records[1].last().map(String::as_str), Some(""));
    for rec in &records[2..] {
        assert_eq!(rec.last().map(String::as_str), Some(REASON));
        assert!(rec[1..rec.len() - 1].iter().all(String::is_empty), "{rec:?}");
    }

    // Some districts but not all: refused too, saying how many.
    let partial = r#"{"body": "regional-maslikhat", "list_seats": 2, "district_seats": 2,
      "lists": [{"party": "A", "votes": 60}, {"party": "B", "votes": 40}],
      "districts": [{"name": "D1", "candidates": [{"name": "a", "party": "A", "votes": 5}], "against_all": 0}]}"#;
    let r = run(&["compare", "-", "--by", "designs", "--format", "json"], partial);
    assert_eq!(r.code, 0, "{r:?}");
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["rows"][2]["error"], "a compensatory tier needs every district's result: 1 of 2 given");
}

#[test]
fn compare_refusals_and_row_errors() {
    assert_fails(&saylau(&["compare", REFERENDUM, "--by", "methods"]), 2, &["nothing to compare"]);
    assert_fails(&saylau(&["compare", MAZHILIS]), 2, &["--by"]);
    assert_fails(&saylau(&["compare", MAZHILIS, "--by", "parties"]), 2, &["parties"]);
    assert_fails(&saylau(&["compare", MAZHILIS, "--by", "methods", "--from", "3"]), 2, &["--from"]);
    assert_fails(&saylau(&["compare", MAZHILIS, "--by", "methods", "--houses", "3..5"]), 2, &["--houses"]);
    assert_fails(&saylau(&["compare", MAZHILIS, "--by", "houses", "--houses", "70..60"]), 2, &["70..60"]);
    assert_fails(&saylau(&["compare", MAZHILIS, "--by", "houses", "--houses", "0..5"]), 2, &["house size"]);
    assert_fails(&saylau(&["compare", MAZHILIS, "--by", "thresholds", "--step", "0"]), 2, &["--step"]);
    assert_fails(&saylau(&["compare", MAZHILIS, "--by", "thresholds", "--from", "-1"]), 2, &["negative"]);
    assert_fails(&saylau(&["compare", MAZHILIS, "--by", "thresholds", "--to", "101"]), 2, &["100"]);
    assert_fails(
        &saylau(&["compare", MAZHILIS, "--by", "thresholds", "--from", "6", "--to", "5"]),
        2,
        &["empty"],
    );
    let districts_only = "scenarios/district-maslikhat-illustrative.json";
    assert_fails(
        &saylau(&["compare", districts_only, "--by", "methods"]),
        2,
        &["nothing to compare", "lists"],
    );
    // A tie the scenario refuses stops the body as given...
    assert_fails(&run(&["compare", "-", "--by", "methods"], TIED_LISTS), 3, &["tie"]);
    // ... but in a comparison a failed setting is a row: 60% leaves no list.
    let doc = ok_json(&[
        "compare",
        MAZHILIS,
        "--by",
        "thresholds",
        "--from",
        "55",
        "--to",
        "55",
        "--format",
        "json",
    ]);
    let row = &doc["rows"][0];
    assert!(row["seats"].is_null(), "{row}");
    assert!(row["error"].as_str().unwrap().contains("threshold"), "{row}");
}

// --- hemicycle -----------------------------------------------------------

/// The seat marks of a diagram: (data-party, data-tier) in document order.
fn seat_marks(svg: &str) -> Vec<(usize, Option<String>)> {
    let doc = Document::parse(svg).expect("the SVG is well-formed XML");
    assert_eq!(doc.root_element().tag_name().name(), "svg");
    doc.descendants()
        .filter(|n| n.has_tag_name("circle"))
        .map(|n| {
            assert!(n.attribute("class").unwrap().starts_with("seat"), "{n:?}");
            (
                n.attribute("data-party").unwrap().parse().unwrap(),
                n.attribute("data-tier").map(str::to_string),
            )
        })
        .collect()
}

/// Each party's marks are one run in document order (the seat order of the layout).
fn assert_contiguous(parties: &[usize]) {
    let mut seen = Vec::new();
    for w in parties.windows(2) {
        if w[0] != w[1] {
            seen.push(w[0]);
            assert!(!seen.contains(&w[1]), "party {} comes back after other parties: {parties:?}", w[1]);
        }
    }
}

#[test]
fn hemicycle_has_one_mark_per_seat_in_wedges() {
    let path = scratch("seats.svg");
    let r = saylau(&["hemicycle", DISTRICTS, "-o", path.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.is_empty() && r.stderr.is_empty(), "{r:?}");
    let svg = std::fs::read_to_string(&path).unwrap();
    let marks = seat_marks(&svg);
    assert_eq!(marks.len(), 98);
    assert_contiguous(&marks.iter().map(|m| m.0).collect::<Vec<_>>());
    // Amanat (party 0) holds 62 seats, the self-nominated (after the 7 lists) 7.
    assert_eq!(marks.iter().filter(|m| m.0 == 0).count(), 62);
    assert_eq!(marks.iter().filter(|m| m.0 == 7).count(), 7);
    assert!(svg.contains("#888888"), "self-nominated members are grey");
    let _ = std::fs::remove_file(&path);

    // To standard output; the lists-only scenario leaves 29 seats not decided.
    let r = saylau(&["hemicycle", MAZHILIS, "-o", "-"]);
    assert_eq!(r.code, 0, "{r:?}");
    let marks = seat_marks(&r.stdout);
    assert_eq!(marks.len(), 98);
    assert_eq!(marks.iter().filter(|m| m.0 == 9).count(), 29);
}

#[test]
fn hemicycle_split_shows_the_tiers_apart() {
    let r = saylau(&["hemicycle", DISTRICTS, "--split", "-o", "-"]);
    assert_eq!(r.code, 0, "{r:?}");
    let marks = seat_marks(&r.stdout);
    assert_eq!(marks.len(), 98);
    let tier =
        |t: &str| -> Vec<usize> { marks.iter().filter(|m| m.1.as_deref() == Some(t)).map(|m| m.0).collect() };
    assert_eq!(tier("list").len(), 69);
    assert_eq!(tier("district").len(), 29);
    assert_contiguous(&tier("list"));
    assert_contiguous(&tier("district"));
}

#[test]
fn hemicycle_refusals() {
    let bad = scratch("no-such-dir").join("seats.svg");
    let r = saylau(&["hemicycle", DISTRICTS, "-o", bad.to_str().unwrap()]);
    assert_fails(&r, 2, &[bad.to_str().unwrap(), "cannot write"]);
    assert_fails(&saylau(&["hemicycle", DISTRICTS]), 2, &["--output"]);
    assert_fails(&saylau(&["hemicycle", REFERENDUM, "-o", "-"]), 2, &["nothing to draw"]);
    assert_fails(&run(&["hemicycle", "-", "-o", "-"], TIED_LISTS), 3, &["tie"]);
}

// --- report --------------------------------------------------------------

/// Parses a report: the doctype, then well-formed XHTML.
fn parse_page(html: &str) -> Document<'_> {
    let rest = html.strip_prefix("<!DOCTYPE html>\n").expect("the page starts with the HTML5 doctype");
    let doc = Document::parse(rest).expect("the page is well-formed XHTML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "html");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/1999/xhtml"));
    doc
}

/// Checks that the page loads nothing and runs nothing.
fn assert_self_contained(html: &str, doc: &Document<'_>) {
    for n in doc.descendants().filter(|n| n.is_element()) {
        let name = n.tag_name().name();
        assert!(!matches!(name, "script" | "link" | "iframe" | "img" | "object" | "embed"), "<{name}>");
        for a in n.attributes() {
            assert!(!matches!(a.name(), "src" | "href") && !a.name().starts_with("on"), "{a:?}");
        }
    }
    let allowed = ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"];
    for scheme in ["http://", "https://"] {
        for (at, _) in html.match_indices(scheme) {
            assert!(
                allowed.iter().any(|ok| html[at..].starts_with(ok)),
                "URL at {at}: {}",
                &html[at..at + 60]
            );
        }
    }
    assert!(!html.contains("@import") && !html.contains("url("), "no CSS loads");
    assert!(!html.contains("<script"), "no script");
}

fn section_ids(doc: &Document<'_>) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("section"))
        .filter_map(|n| n.attribute("id").map(str::to_string))
        .collect()
}

#[test]
fn report_has_every_section_and_loads_nothing() {
    let path = scratch("report.html");
    let r = saylau(&["report", DISTRICTS, "-o", path.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{r:?}");
    let html = std::fs::read_to_string(&path).unwrap();
    let doc = parse_page(&html);
    assert_self_contained(&html, &doc);
    assert_eq!(
        section_ids(&doc),
        ["seats", "result", "metrics", "fragility", "methods", "thresholds", "scatter", "notes"]
    );
    // The diagram is the body's: 98 seats in the plain hemicycle.
    let hemi = doc.descendants().find(|n| n.attribute("id") == Some("hemicycle")).unwrap();
    let first_svg = hemi.descendants().find(|n| n.has_tag_name("svg")).unwrap();
    assert_eq!(first_svg.descendants().filter(|n| n.has_tag_name("circle")).count(), 98);
    // Methods: a row per method.
    let methods = doc.descendants().find(|n| n.attribute("id") == Some("methods")).unwrap();
    let table = methods.descendants().find(|n| n.has_tag_name("tbody")).unwrap();
    assert_eq!(table.children().filter(|n| n.has_tag_name("tr")).count(), 12);
    // The fragility table names every list.
    let frag = doc.descendants().find(|n| n.attribute("id") == Some("fragility")).unwrap();
    let text: String = frag.descendants().filter_map(|n| n.text()).collect();
    assert!(text.contains("Baytaq") && text.contains("votes to gain"), "{text}");
    let _ = std::fs::remove_file(&path);
}

#[test]
fn report_with_runs_adds_the_simulation() {
    let r = saylau(&["report", MAZHILIS, "--runs", "300", "--seed", "3", "-o", "-"]);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = parse_page(&r.stdout);
    assert_self_contained(&r.stdout, &doc);
    let ids = section_ids(&doc);
    assert!(ids.contains(&"simulation".to_string()), "{ids:?}");
    assert_eq!(ids.len(), 9);
    let sim = doc.descendants().find(|n| n.attribute("id") == Some("simulation")).unwrap();
    assert!(sim.descendants().any(|n| n.has_tag_name("svg")));
    // Same seed, same page.
    let again = saylau(&["report", MAZHILIS, "--runs", "300", "--seed", "3", "-o", "-"]);
    assert_eq!(r.stdout, again.stdout);
}

#[test]
fn report_escapes_names() {
    let scenario = r#"{"body": "mazhilis-2021", "title": "<script>alert('x')</script> & co",
      "lists": [{"party": "A<b>&\"'", "votes": 600}, {"party": "http://example.com", "votes": 400},
                {"party": "C\u0001D", "votes": 100}]}"#;
    let r = run(&["report", "-", "-o", "-"], scenario);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = parse_page(&r.stdout);
    assert!(!r.stdout.contains("<script"), "the title is escaped");
    assert!(r.stdout.contains("&lt;script&gt;"));
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some("<script>alert('x')</script> & co"));
    assert!(doc.descendants().any(|n| n.text() == Some("A<b>&\"'")));
    // A control character, which XML cannot hold, is shown as U+FFFD.
    assert!(doc.descendants().any(|n| n.text() == Some("C\u{fffd}D")));
    // The party named like a URL is text, not a link.
    assert!(doc.descendants().all(|n| n.attribute("href").is_none()));
    // Without districts there is no district table; every section is still there.
    assert_eq!(section_ids(&doc).len(), 8);
}

/// The elements in document order.
fn elements<'a>(doc: &'a Document<'_>) -> Vec<roxmltree::Node<'a, 'a>> {
    doc.descendants().filter(|n| n.is_element()).collect()
}

/// The text of a node and its descendants.
fn text_of(node: roxmltree::Node<'_, '_>) -> String {
    node.descendants().filter(|n| n.is_text()).filter_map(|n| n.text()).collect()
}

#[test]
fn report_opens_with_the_seats_and_the_picture() {
    let r = saylau(&["report", DISTRICTS, "-o", "-"]);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = parse_page(&r.stdout);
    let all = elements(&doc);
    let at = |pred: &dyn Fn(&roxmltree::Node<'_, '_>) -> bool| all.iter().position(pred).unwrap();
    let h1 = at(&|n| n.has_tag_name("h1"));
    let summary = at(&|n| n.has_tag_name("p") && n.attribute("class") == Some("summary"));
    let compact = at(&|n| n.has_tag_name("table") && n.attribute("class") == Some("compact"));
    let hemicycle =
        at(&|n| n.has_tag_name("svg") && n.parent().unwrap().attribute("id") == Some("hemicycle"));
    let long = at(&|n| n.has_tag_name("table") && n.attribute("class").is_none());
    let first_p = at(&|n| n.has_tag_name("p"));
    assert!(h1 < summary && summary < compact && compact < hemicycle && hemicycle < long);
    assert_eq!(first_p, summary, "one summary line right under the title");
    // The summary line says the body, its tiers and the majority.
    let line = text_of(all[summary]);
    assert!(
        line.contains("98 seats") && line.contains("29 single-member") && line.contains("majority 50"),
        "{line}"
    );
    // The compact table: party, list, district, seats; 62 seats for Amanat, 98 in total.
    let table = all[compact];
    let head: Vec<String> = table.descendants().filter(|n| n.has_tag_name("th")).map(text_of).collect();
    assert_eq!(head, ["party", "list", "district", "seats"]);
    let rows: Vec<Vec<String>> = table
        .descendants()
        .filter(|n| n.has_tag_name("tr"))
        .skip(1)
        .map(|tr| tr.children().filter(|n| n.has_tag_name("td")).map(text_of).collect())
        .collect();
    assert_eq!(rows[0], ["Amanat", "40", "22", "62"]);
    assert_eq!(rows.last().unwrap(), &["total", "69", "29", "98"]);
    // Numbers flush right.
    assert!(
        table
            .descendants()
            .filter(|n| n.has_tag_name("td"))
            .skip(1)
            .take(3)
            .all(|n| n.attribute("class") == Some("n"))
    );
}

#[test]
fn report_numbers_for_people_have_thousands_separators() {
    let r = saylau(&["report", DISTRICTS, "-o", "-"]);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = parse_page(&r.stdout);
    let result = doc.descendants().find(|n| n.attribute("id") == Some("result")).unwrap();
    assert!(text_of(result).contains("3,431,510"));
    // No number of four digits or more without separators in any table cell
    // (decimals are at most three digits).
    for td in doc.descendants().filter(|n| n.has_tag_name("td")) {
        let cell = text_of(td);
        let mut run = 0;
        for c in cell.chars() {
            run = if c.is_ascii_digit() { run + 1 } else { 0 };
            assert!(run < 4, "{cell:?}");
        }
    }
    // Nor in the sentences outside the pictures.
    for p in doc.descendants().filter(|n| n.has_tag_name("p") && n.attribute("class") != Some("summary")) {
        let text = text_of(p);
        assert!(!text.contains("3431510") && !text.contains("6366441"), "{text}");
    }
    assert!(!r.stdout.contains(">3431510<"));
}

/// A mixed body with a vacant district (against all led) and two districts
/// without results.
const VACANT_AND_UNDECIDED: &str = r#"{"body": "regional-maslikhat", "seats": 8, "against_all_rule": "repeat",
  "lists": [{"party": "Amanat", "votes": 6000}, {"party": "Auyl", "votes": 3000}], "against_all": 480,
  "districts": [
    {"name": "D1", "candidates": [{"name": "A1", "party": "Amanat", "votes": 300},
                                  {"name": "S1", "party": null, "votes": 250}], "against_all": 900},
    {"name": "D2", "candidates": [{"name": "A2", "party": "Amanat", "votes": 800},
                                  {"name": "K2", "party": "Auyl", "votes": 700}]}]}"#;

#[test]
fn report_says_vacant_and_undecided_in_one_word() {
    let r = run(&["report", "-", "-o", "-"], VACANT_AND_UNDECIDED);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = parse_page(&r.stdout);
    assert!(!r.stdout.contains("not decided"));
    let compact = doc.descendants().find(|n| n.attribute("class") == Some("compact")).unwrap();
    let rows: Vec<Vec<String>> = compact
        .descendants()
        .filter(|n| n.has_tag_name("tr"))
        .map(|tr| tr.children().filter(|n| n.is_element()).map(text_of).collect())
        .collect();
    assert!(rows.contains(&vec!["(vacant)".to_string(), "0".into(), "1".into(), "1".into()]), "{rows:?}");
    assert!(rows.contains(&vec!["(undecided)".to_string(), "0".into(), "2".into(), "2".into()]), "{rows:?}");
}

/// The 2023 vote with illustrative districts and a coalition whose chance
/// of two thirds, over 2,000 runs from seed 0, is 0.9995.
fn with_coalition() -> String {
    let mut s: Value = serde_json::from_str(&std::fs::read_to_string(DISTRICTS).unwrap()).unwrap();
    s["uncertainty"] = serde_json::json!({"coalitions": [
        {"name": "Amanat, Respublica and OSDP", "parties": ["Amanat", "Respublica", "OSDP"]}]});
    s.to_string()
}

#[test]
fn report_with_runs_shows_the_model_coalitions_and_chances() {
    let scenario = with_coalition();
    let r = run(&["report", "-", "--runs", "2000", "--seed", "0", "-o", "-"], &scenario);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = parse_page(&r.stdout);
    assert_self_contained(&r.stdout, &doc);
    let sim = doc.descendants().find(|n| n.attribute("id") == Some("simulation")).unwrap();
    // The vote model in one sentence, above the numbers.
    let blocks: Vec<_> = sim.children().filter(|n| n.is_element()).collect();
    let model = blocks
        .iter()
        .position(|n| {
            text_of(*n).contains("Vote model: each run draws the list shares of a poll of 2,000 people")
        })
        .unwrap();
    let table = blocks.iter().position(|n| n.has_tag_name("div")).unwrap();
    assert!(model < table);
    assert!(text_of(blocks[model]).starts_with("2,000 runs, seed 0"));
    // Every chance as `saylau simulate` words it, from the same runs.
    let json = run(&["simulate", "-", "--runs", "2000", "--seed", "0", "--format", "json"], &scenario);
    let json: Value = serde_json::from_str(&json.stdout).unwrap();
    let tables: Vec<Vec<Vec<String>>> = sim
        .descendants()
        .filter(|n| n.has_tag_name("table"))
        .map(|t| {
            t.descendants()
                .filter(|n| n.has_tag_name("tr"))
                .map(|tr| tr.children().filter(|n| n.is_element()).map(text_of).collect())
                .collect()
        })
        .collect();
    assert_eq!(tables.len(), 3, "parties, coalitions and the districts' chances");
    let column = |t: &[Vec<String>], name: &str| t[0].iter().position(|h| h == name).unwrap();
    let (parties, coalitions, districts) = (&tables[0], &tables[1], &tables[2]);
    // The first district's first candidate, as `simulate` gives the chance.
    let d = &json["districts"][0];
    assert_eq!(districts[1][0], d["name"].as_str().unwrap());
    assert_eq!(districts[1][1], d["candidates"][0]["name"].as_str().unwrap());
    let p_win = saylau::describe::words::probability(d["candidates"][0]["p_win"].as_f64().unwrap());
    assert_eq!(districts[1][column(districts, "P(win)")], p_win);
    // Both intervals, as in `simulate`'s table.
    assert!(parties[0].iter().any(|h| h == "50% interval") && parties[0].iter().any(|h| h == "90% interval"));
    let amanat = &json["parties"][0];
    let interval50 = format!("{}-{}", amanat["p25"], amanat["p75"]);
    assert_eq!(parties[1][column(parties, "50% interval")], interval50);
    for (i, p) in json["parties"].as_array().unwrap().iter().enumerate() {
        let row = &parties[i + 1];
        assert_eq!(row[0], p["party"].as_str().unwrap());
        for (head, key) in
            [("P(majority)", "p_majority"), ("P(2/3)", "p_two_thirds"), ("P(threshold)", "p_threshold")]
        {
            let want = saylau::describe::words::probability(p[key].as_f64().unwrap());
            assert_eq!(row[column(parties, head)], want, "{head} of {}", row[0]);
        }
    }
    let c = &json["coalitions"][0];
    let row = &coalitions[1];
    assert_eq!(row[0], "Amanat, Respublica and OSDP");
    assert_eq!(
        row[column(coalitions, "P(2/3)")],
        saylau::describe::words::probability(c["p_two_thirds"].as_f64().unwrap())
    );
    assert_eq!(row[column(coalitions, "P(2/3)")], ">99.9%", "{c}");
    assert_eq!(row[column(coalitions, "P(majority)")], "100%");
}

#[test]
fn report_refusals() {
    assert_fails(&saylau(&["report", REFERENDUM, "-o", "-"]), 2, &[REFERENDUM, "nothing to report"]);
    let bad = scratch("no-such-dir").join("report.html");
    assert_fails(&saylau(&["report", MAZHILIS, "-o", bad.to_str().unwrap()]), 2, &["cannot write"]);
    assert_fails(&saylau(&["report", MAZHILIS, "-o", "-", "--runs", "0"]), 2, &["at least 1"]);
    assert_fails(&saylau(&["report", MAZHILIS, "-o", "-", "--runs", "99999999999"]), 2, &["maximum"]);
    assert_fails(&run(&["report", "-", "-o", "-"], TIED_LISTS), 3, &["tie"]);
}

// --- elect --explain -----------------------------------------------------

#[test]
fn elect_explain_gives_the_quota_audit() {
    let doc = ok_json(&["elect", "--explain", "--format", "json", MAZHILIS]);
    let audit = &doc["audit"];
    assert_eq!(audit["type"], "quota");
    // Hare quota of the votes taking part (Baytaq out): 5,971,719 / 69.
    let taking_part: u64 = VOTES[..6].iter().sum();
    assert_eq!(taking_part, 5_971_719);
    assert_eq!(audit["quota"]["exact"], "1990573/23");
    assert_eq!(audit["whole_seats"].as_u64(), Some(67));
    let parties = audit["parties"].as_array().unwrap();
    assert_eq!(parties.len(), 7);
    assert_eq!(parties[0]["party"], "Amanat");
    assert_eq!(parties[0]["whole"].as_u64(), Some(39));
    assert_eq!(parties[0]["adjustment"].as_i64(), Some(1));
    assert_eq!(parties[5]["party"], "OSDP");
    assert_eq!(parties[5]["seats"].as_u64(), Some(4));
    assert_eq!(parties[6]["seats"].as_u64(), Some(0));

    // Without --explain there is no audit field.
    let doc = ok_json(&["elect", "--format", "json", MAZHILIS]);
    assert!(doc.get("audit").is_none(), "{doc}");

    let r = saylau(&["elect", "--explain", MAZHILIS]);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("audit (Hare largest remainder):"), "{}", r.stdout);
    assert!(r.stdout.contains("exactly 1990573/23"), "{}", r.stdout);
}

#[test]
fn elect_explain_divisor_and_without_lists() {
    let scenario = r#"{"body": "kurultai", "method": "dhondt",
      "lists": [{"party": "A", "votes": 600}, {"party": "B", "votes": 300}, {"party": "C", "votes": 100}]}"#;
    let r = run(&["elect", "--explain", "--format", "json", "-"], scenario);
    assert_eq!(r.code, 0, "{r:?}");
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(doc["audit"]["type"], "divisor");
    assert!(doc["audit"]["lowest_winning"]["exact"].is_string(), "{doc}");
    // A body without lists has nothing to explain: null, and a line in the table.
    let doc = ok_json(&[
        "elect",
        "--explain",
        "--format",
        "json",
        "scenarios/district-maslikhat-illustrative.json",
    ]);
    assert!(doc["audit"].is_null(), "{doc}");
    let r = saylau(&["elect", "--explain", "scenarios/district-maslikhat-illustrative.json"]);
    assert!(r.stdout.contains("no party-list count to explain"), "{}", r.stdout);
    // CSV is unchanged by --explain.
    let plain = saylau(&["elect", "--format", "csv", MAZHILIS]);
    let explained = saylau(&["elect", "--explain", "--format", "csv", MAZHILIS]);
    assert_eq!(plain.stdout, explained.stdout);
}
