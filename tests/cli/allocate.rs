//! End-to-end tests of the `saylau` binary: the contract of the CLI spec
//! (exit codes, JSON and CSV fields, messages naming the problem).

use std::io::Write;
use std::process::{Command, Stdio};

use crate::common::{Run, assert_fails, run, run_bytes, scratch};
use serde_json::Value;

/// Runs `saylau allocate ARGS` with `csv` on standard input.
fn allocate(args: &[&str], csv: &str) -> Run {
    let mut all = vec!["allocate"];
    all.extend_from_slice(args);
    run(&all, csv)
}

/// Runs with `--format json`, expects success and parses the output.
fn allocate_json(args: &[&str], csv: &str) -> Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let r = allocate(&all, csv);
    assert_eq!(r.code, 0, "{r:?}");
    serde_json::from_str(&r.stdout).expect("stdout is one JSON document")
}

/// The `seats` of every party in a JSON result, in order.
fn seats(doc: &Value) -> Vec<u64> {
    doc["parties"]
        .as_array()
        .expect("parties is an array")
        .iter()
        .map(|p| p["seats"].as_u64().unwrap())
        .collect()
}

/// The party names in a JSON result, in order.
fn names(doc: &Value) -> Vec<String> {
    doc["parties"].as_array().unwrap().iter().map(|p| p["party"].as_str().unwrap().to_string()).collect()
}

const MAZHILIS_2023: &str = "party,votes
Amanat,3431510
Auyl,693938
Respublica,547154
Ak Zhol,535139
People's Party of Kazakhstan,432920
OSDP,331058
Baytaq,146431
";

const WIKIPEDIA: &str = "party,votes\nA,100000\nB,80000\nC,30000\nD,20000\n";

const TIE: &str = "party,votes\nA,500\nB,500\n";

// --- results -------------------------------------------------------------

/// Central Election Commission of Kazakhstan, final results of 19 March 2023.
/// The official base also includes 248,291 "against all" votes; the CLI base
/// is the rows' sum, which gives the same eligibility here.
#[test]
fn allocate_mazhilis_2023_json() {
    let doc = allocate_json(
        &["--method", "hare", "--seats", "69", "--threshold", "5", "--ties", "order"],
        MAZHILIS_2023,
    );
    assert_eq!(doc["method"], "hare");
    assert_eq!(doc["seats"], 69);
    assert_eq!(doc["threshold"], "5");
    assert_eq!(seats(&doc), [40, 8, 6, 6, 5, 4, 0]);
    let eligible: Vec<bool> =
        doc["parties"].as_array().unwrap().iter().map(|p| p["eligible"].as_bool().unwrap()).collect();
    assert_eq!(eligible, [true, true, true, true, true, true, false]);
    assert_eq!(doc["parties"][6]["party"], "Baytaq");
    assert_eq!(doc["parties"][6]["votes"], 146431);
    assert!(doc.get("tie").is_none(), "no tie was broken: {doc}");
}

#[test]
fn allocate_mazhilis_2023_table_shows_parties_eligibility_and_total() {
    let r = allocate(&["--method", "hare", "--seats", "69", "--threshold", "5"], MAZHILIS_2023);
    assert_eq!(r.code, 0, "{r:?}");
    let line = |party: &str| r.stdout.lines().find(|l| l.starts_with(party)).unwrap_or_default().to_string();
    let amanat: Vec<String> = line("Amanat").split_whitespace().map(String::from).collect();
    assert_eq!(amanat, ["Amanat", "3,431,510", "56.09%", "yes", "40"]);
    let baytaq = line("Baytaq");
    assert!(baytaq.contains(" no ") && baytaq.trim_end().ends_with(" 0"), "{baytaq}");
    let total: Vec<String> = line("total").split_whitespace().map(String::from).collect();
    assert_eq!(total, ["total", "6,118,150", "100.00%", "69"]);
    assert!(r.stdout.contains("People's Party of Kazakhstan"), "{}", r.stdout);
    assert!(r.stderr.is_empty(), "{r:?}");
}

#[test]
fn dhondt_wikipedia_example_gives_4_3_1_0() {
    let doc = allocate_json(&["--method", "dhondt", "--seats", "8"], WIKIPEDIA);
    assert_eq!(doc["method"], "dhondt");
    assert_eq!(seats(&doc), [4, 3, 1, 0]);
}

#[test]
fn sainte_lague_wikipedia_example_gives_3_3_1_1() {
    let doc = allocate_json(&["--method", "sainte-lague", "--seats", "8"], WIKIPEDIA);
    assert_eq!(doc["method"], "sainte-lague");
    assert_eq!(seats(&doc), [3, 3, 1, 1]);
}

#[test]
fn method_aliases_are_case_insensitive_and_print_canonical_names() {
    for (alias, canonical, expected) in [
        ("Jefferson", "dhondt", [4, 3, 1, 0]),
        ("WEBSTER", "sainte-lague", [3, 3, 1, 1]),
        ("hamilton", "hare", [3, 3, 1, 1]),
    ] {
        let doc = allocate_json(&["--method", alias, "--seats", "8"], WIKIPEDIA);
        assert_eq!(doc["method"], canonical, "{alias}");
        assert_eq!(seats(&doc), expected, "{alias}");
    }
}

#[test]
fn json_has_exactly_the_base_fields_in_input_order() {
    let input = "party,votes\nZeta,10\nAlpha,30\nMid,20\n";
    let doc = allocate_json(&["--method", "dhondt", "--seats", "6"], input);
    let keys: Vec<&String> = doc.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 3, "no threshold, tie or audit was asked for: {doc}");
    assert_eq!(names(&doc), ["Zeta", "Alpha", "Mid"]);
    let first = doc["parties"][0].as_object().unwrap();
    let mut fields: Vec<&str> = first.keys().map(String::as_str).collect();
    fields.sort_unstable();
    assert_eq!(fields, ["eligible", "party", "seats", "votes"]);
    assert_eq!(doc["parties"][0]["votes"], 10);
    assert_eq!(doc["parties"][0]["eligible"], true);
    assert_eq!(seats(&doc), [1, 3, 2]);
}

#[test]
fn csv_output_parses_with_the_contract_columns() {
    let input = "party,votes\n\"Party, with comma\",100000\nB,80000\nC,30000\nD,20000\n";
    let r = allocate(&["--method", "dhondt", "--seats", "8", "--format", "csv"], input);
    assert_eq!(r.code, 0, "{r:?}");
    let mut reader = csv::Reader::from_reader(r.stdout.as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["party", "votes", "eligible", "seats"]);
    let rows: Vec<Vec<String>> =
        reader.records().map(|rec| rec.unwrap().iter().map(String::from).collect()).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(rows[0], ["Party, with comma", "100000", "true", "4"]);
    assert_eq!(rows[3], ["D", "20000", "true", "0"]);
}

#[test]
fn threshold_is_inclusive_at_exactly_the_percentage() {
    // 5 of 100 votes is exactly 5%: C takes part; D with 4 does not.
    let input = "party,votes\nA,60\nB,31\nC,5\nD,4\n";
    let doc = allocate_json(&["--method", "dhondt", "--seats", "100", "--threshold", "5"], input);
    let eligible: Vec<bool> =
        doc["parties"].as_array().unwrap().iter().map(|p| p["eligible"].as_bool().unwrap()).collect();
    assert_eq!(eligible, [true, true, true, false]);
    assert_eq!(seats(&doc)[3], 0);
    assert_eq!(seats(&doc).iter().sum::<u64>(), 100);
}

#[test]
fn min_parties_admits_the_best_party_below_the_threshold() {
    let input = "party,votes\nA,900\nB,60\nC,40\n";
    let doc = allocate_json(
        &["--method", "hare", "--seats", "10", "--threshold", "7", "--min-parties", "2"],
        input,
    );
    let eligible: Vec<bool> =
        doc["parties"].as_array().unwrap().iter().map(|p| p["eligible"].as_bool().unwrap()).collect();
    assert_eq!(eligible, [true, true, false]);
    assert_eq!(doc["min_parties"], 2);
    assert_eq!(seats(&doc), [9, 1, 0]);
}

// --- ties ----------------------------------------------------------------

#[test]
fn tie_exits_3_naming_both_parties_and_the_seats() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], TIE);
    assert_fails(&r, 3, &["\"A\"", "\"B\"", "tied for 1 seat", "--ties"]);
}

#[test]
fn tie_message_names_parties_by_name_not_position() {
    let input = "party,votes\nAmanat,10\nNur Otan,500\nAuyl,500\n";
    let r = allocate(&["--method", "hare", "--seats", "1"], input);
    assert_fails(&r, 3, &["\"Nur Otan\" and \"Auyl\"", "1 seat"]);
    assert!(!r.stderr.contains("Amanat"), "{}", r.stderr);
}

#[test]
fn ties_order_gives_the_seat_to_the_first_listed() {
    let doc = allocate_json(&["--method", "dhondt", "--seats", "1", "--ties", "order"], TIE);
    assert_eq!(seats(&doc), [1, 0]);
    assert_eq!(doc["tie"]["parties"], serde_json::json!(["A", "B"]));
    assert_eq!(doc["tie"]["winners"], serde_json::json!(["A"]));
    assert_eq!(doc["tie"]["seats"], 1);
    assert_eq!(doc["tie"]["policy"], "order");
}

#[test]
fn table_says_how_a_tie_was_broken() {
    let r = allocate(&["--method", "dhondt", "--seats", "1", "--ties", "order"], TIE);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout.contains(
            "tie between A and B for 1 seat: exactly equal claims; A takes it by the tie rule (the one listed \
             first wins)"
        ),
        "{}",
        r.stdout
    );
}

#[test]
fn ties_votes_still_exits_3_when_votes_are_equal() {
    let r = allocate(&["--method", "dhondt", "--seats", "1", "--ties", "votes"], TIE);
    assert_fails(&r, 3, &["\"A\"", "\"B\"", "1 seat", "equal votes"]);
}

#[test]
fn ties_votes_gives_an_equal_remainder_to_the_party_with_more_votes() {
    // Hare quota 2: B 3 votes and A 5 votes both have remainder 1 for the last seat.
    let input = "party,votes\nB,3\nA,5\nC,2\n";
    let by_votes = allocate_json(&["--method", "hare", "--seats", "5", "--ties", "votes"], input);
    assert_eq!(seats(&by_votes), [1, 3, 1]);
    assert_eq!(by_votes["tie"]["winners"], serde_json::json!(["A"]));
    let by_order = allocate_json(&["--method", "hare", "--seats", "5", "--ties", "order"], input);
    assert_eq!(seats(&by_order), [2, 2, 1]);
}

#[test]
fn ties_lot_with_a_seed_is_deterministic() {
    let input = "party,votes\nA,1\nB,1\nC,1\nD,1\nE,1\nF,1\n";
    let args = ["--method", "sainte-lague", "--seats", "3", "--ties", "lot", "--seed", "7"];
    let first = allocate_json(&args, input);
    let second = allocate_json(&args, input);
    assert_eq!(first, second);
    assert_eq!(seats(&first).iter().sum::<u64>(), 3);
    assert_eq!(first["tie"]["policy"], "lot:7");
    assert_eq!(first["tie"]["winners"].as_array().unwrap().len(), 3);
}

#[test]
fn ties_lot_seed_given_twice_differently_exits_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1", "--ties", "lot:3", "--seed", "4"], TIE);
    assert_fails(&r, 2, &["lot:3", "the seed 4", "(--seed)"]);
}

// --- usage errors ---------------------------------------------------------

#[test]
fn unknown_method_exits_2_listing_the_methods() {
    let r = allocate(&["--method", "borda", "--seats", "3"], WIKIPEDIA);
    assert_fails(&r, 2, &["borda", "unknown method", "dhondt"]);
}

#[test]
fn seats_zero_exits_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "0"], WIKIPEDIA);
    assert_fails(&r, 2, &["--seats", "at least 1"]);
}

#[test]
fn seats_above_u32_max_exits_2_naming_the_maximum() {
    for n in ["18446744073709551615", "4294967296", "99999999999999999999999"] {
        let r = allocate(&["--method", "dhondt", "--seats", n], WIKIPEDIA);
        assert_fails(&r, 2, &[n, "maximum of 4294967295"]);
    }
}

#[test]
fn seats_u32_max_is_accepted() {
    let doc = allocate_json(&["--method", "dhondt", "--seats", "4294967295"], "party,votes\nA,1\n");
    assert_eq!(seats(&doc), [4294967295]);
}

#[test]
fn seats_negative_exits_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "-1"], WIKIPEDIA);
    assert_fails(&r, 2, &["-1", "negative"]);
}

#[test]
fn seats_not_a_number_exits_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "abc"], WIKIPEDIA);
    assert_fails(&r, 2, &["abc", "whole number"]);
}

#[test]
fn threshold_nan_negative_or_over_100_exits_2() {
    for (value, needle) in [("NaN", "not a valid number"), ("-1", "negative"), ("101", "between 0 and 100")] {
        let r = allocate(&["--method", "dhondt", "--seats", "8", "--threshold", value], WIKIPEDIA);
        assert_fails(&r, 2, &["--threshold", value, needle]);
    }
}

#[test]
fn unknown_tie_policy_exits_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1", "--ties", "coin"], TIE);
    assert_fails(&r, 2, &["coin", "unknown tie policy"]);
}

#[test]
fn unknown_format_exits_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1", "--format", "xml"], WIKIPEDIA);
    assert_fails(&r, 2, &["xml", "--format"]);
}

#[test]
fn missing_method_or_unknown_option_exits_2() {
    assert_fails(&allocate(&["--seats", "1"], WIKIPEDIA), 2, &["--method"]);
    assert_fails(&allocate(&["--method", "hare", "--seats", "1", "--bogus"], WIKIPEDIA), 2, &["--bogus"]);
    assert_fails(&run(&["frobnicate"], ""), 2, &["frobnicate"]);
}

#[test]
fn help_and_version_exit_0_on_stdout() {
    let help = run(&["allocate", "--help"], "");
    assert_eq!(help.code, 0, "{help:?}");
    for needle in
        ["--method", "--seats", "--threshold", "--ties", "--seed", "--excess", "--format", "--explain"]
    {
        assert!(help.stdout.contains(needle), "help lacks {needle}");
    }
    let version = run(&["--version"], "");
    assert_eq!(version.code, 0);
    assert!(version.stdout.starts_with("saylau "), "{version:?}");
}

// --- input errors ---------------------------------------------------------

#[test]
fn missing_file_exits_2_naming_it() {
    let path = scratch("does-not-exist.csv");
    let path = path.to_str().unwrap();
    let r = run(&["allocate", "--method", "dhondt", "--seats", "1", path], "");
    assert_fails(&r, 2, &[path, "cannot read"]);
}

#[test]
fn empty_input_exits_2() {
    assert_fails(&allocate(&["--method", "dhondt", "--seats", "1"], ""), 2, &["<stdin>", "empty"]);
}

#[test]
fn header_only_exits_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\n");
    assert_fails(&r, 2, &["<stdin>", "no parties", "no data rows"]);
}

#[test]
fn missing_votes_column_exits_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,count\nA,5\n");
    assert_fails(&r, 2, &["<stdin>: line 1", "no \"votes\" column"]);
}

#[test]
fn negative_votes_exit_2_with_the_line() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\nA,5\nB,-3\n");
    assert_fails(&r, 2, &["<stdin>: line 3", "\"B\"", "\"-3\"", "negative"]);
}

#[test]
fn fractional_votes_exit_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\nA,12.5\n");
    assert_fails(&r, 2, &["line 2", "\"12.5\"", "fractional"]);
}

#[test]
fn non_numeric_votes_exit_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\nA,lots\n");
    assert_fails(&r, 2, &["line 2", "\"lots\"", "not a number"]);
}

#[test]
fn empty_votes_exit_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\nA,5\nB,\n");
    assert_fails(&r, 2, &["line 3", "votes are empty"]);
}

#[test]
fn votes_over_u64_max_exit_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\nA,18446744073709551616\n");
    assert_fails(&r, 2, &["line 2", "too large", "18446744073709551615"]);
}

#[test]
fn duplicate_party_exits_2_naming_both_lines() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\nA,5\nB,6\n A ,7\n");
    assert_fails(&r, 2, &["line 4", "duplicate party \"A\"", "line 2"]);
}

#[test]
fn empty_party_name_exits_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\nA,5\n  ,6\n");
    assert_fails(&r, 2, &["line 3", "party name is empty"]);
}

#[test]
fn ragged_rows_exit_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\nA,5\nB\n");
    assert_fails(&r, 2, &["line 3", "too few fields", "1 field", "header has 2"]);
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\nAk, Zhol,5\n");
    assert_fails(&r, 2, &["line 2", "too many fields", "quote"]);
}

#[test]
fn invalid_utf8_exits_2_with_the_line() {
    let r =
        run_bytes(&["allocate", "--method", "dhondt", "--seats", "1"], b"party,votes\nA,5\nB\xff\xfe,6\n");
    assert_fails(&r, 2, &["line 3", "not valid UTF-8"]);
}

#[test]
fn all_zero_votes_exit_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\nA,0\nB,0\n");
    assert_fails(&r, 2, &["zero votes"]);
}

#[test]
fn every_party_below_the_threshold_exits_2() {
    let r = allocate(&["--method", "dhondt", "--seats", "1", "--threshold", "60"], "party,votes\nA,5\nB,5\n");
    assert_fails(&r, 2, &["below the threshold", "60%"]);
}

#[test]
fn excess_error_refuses_a_hagenbach_bischoff_over_allocation() {
    // Quota 4 / 4 = 1 vote: the quota gives 2 + 2 = 4 whole seats for a house of 3.
    let input = "party,votes\nA,2\nB,2\n";
    let r = allocate(&["--method", "hagenbach-bischoff", "--seats", "3", "--excess", "error"], input);
    assert_fails(&r, 2, &["Hagenbach-Bischoff", "4 whole seats", "3"]);
    let doc = allocate_json(&["--method", "hagenbach-bischoff", "--seats", "3", "--ties", "order"], input);
    assert_eq!(seats(&doc), [2, 1]);
}

#[test]
fn garbage_input_never_panics() {
    let inputs: [&[u8]; 8] = [
        b"\"",
        b"party,votes\n\"A,5\n",
        b"\x00\x01\x02",
        b"\xff\xfe\xfd",
        b",,,\n,,,\n",
        b"party,votes,party\nA,1,B\n",
        b"\xef\xbb\xbf",
        b"votes\n5\n",
    ];
    for input in inputs {
        let r = run_bytes(&["allocate", "--method", "dhondt", "--seats", "3"], input);
        assert_eq!(r.code, 2, "{input:?}: {r:?}");
        assert!(r.stderr.starts_with("saylau: error: <stdin>"), "{input:?}: {r:?}");
    }
}

// --- input formats ----------------------------------------------------------

#[test]
fn crlf_input_works() {
    let doc = allocate_json(
        &["--method", "dhondt", "--seats", "8"],
        "party,votes\r\nA,100000\r\nB,80000\r\nC,30000\r\nD,20000\r\n",
    );
    assert_eq!(names(&doc), ["A", "B", "C", "D"]);
    assert_eq!(seats(&doc), [4, 3, 1, 0]);
}

#[test]
fn byte_order_mark_input_works() {
    let doc = allocate_json(
        &["--method", "dhondt", "--seats", "8"],
        "\u{feff}party,votes\nA,100000\nB,80000\nC,30000\nD,20000\n",
    );
    assert_eq!(names(&doc), ["A", "B", "C", "D"]);
    assert_eq!(seats(&doc), [4, 3, 1, 0]);
}

#[test]
fn columns_in_any_order_and_case_with_extra_columns_work() {
    let input = "id, VOTES ,region,Party\n1, 100000 ,x,A\n2,80000,y, B \n3,30000,z,C\n4,20000,w,D\n";
    let doc = allocate_json(&["--method", "dhondt", "--seats", "8"], input);
    assert_eq!(names(&doc), ["A", "B", "C", "D"]);
    assert_eq!(seats(&doc), [4, 3, 1, 0]);
    assert_eq!(doc["parties"][0]["votes"], 100000);
}

#[test]
fn votes_of_u64_max_work_exactly() {
    let input = "party,votes\nA,18446744073709551615\nB,18446744073709551614\nC,1\n";
    let doc = allocate_json(&["--method", "dhondt", "--seats", "2"], input);
    assert_eq!(doc["parties"][0]["votes"].as_u64(), Some(u64::MAX));
    assert_eq!(seats(&doc), [1, 1, 0]);
}

#[test]
fn stdin_dash_and_file_argument_give_the_same_result() {
    let path = scratch("wikipedia.csv");
    std::fs::write(&path, WIKIPEDIA).unwrap();
    let from_file = run(
        &["allocate", "--method", "dhondt", "--seats", "8", "--format", "json", path.to_str().unwrap()],
        "",
    );
    let from_dash =
        run(&["allocate", "--method", "dhondt", "--seats", "8", "--format", "json", "-"], WIKIPEDIA);
    std::fs::remove_file(&path).ok();
    assert_eq!(from_file.code, 0, "{from_file:?}");
    assert_eq!(from_dash.code, 0, "{from_dash:?}");
    assert_eq!(from_file.stdout, from_dash.stdout);
    let doc: Value = serde_json::from_str(&from_dash.stdout).unwrap();
    assert_eq!(seats(&doc), [4, 3, 1, 0]);
}

#[test]
fn errors_in_a_file_name_the_file() {
    let path = scratch("bad.csv");
    std::fs::write(&path, "party,votes\nA,x\n").unwrap();
    let r = run(&["allocate", "--method", "dhondt", "--seats", "8", path.to_str().unwrap()], "");
    std::fs::remove_file(&path).ok();
    assert_fails(&r, 2, &[&format!("{}: line 2", path.display()), "not a number"]);
}

// --- explain -------------------------------------------------------------

#[test]
fn explain_hare_shows_the_quota() {
    // Quota 230000 / 8 = 28750 votes per seat.
    let r = allocate(&["--method", "hare", "--seats", "8", "--explain"], WIKIPEDIA);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("quota: 28750.000 votes per seat (exactly 28750)"), "{}", r.stdout);
    assert!(r.stdout.contains("whole seats by quota: 6"), "{}", r.stdout);
}

#[test]
fn explain_dhondt_shows_the_divisor_range() {
    let r = allocate(&["--method", "dhondt", "--seats", "8", "--explain"], WIKIPEDIA);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(
        r.stdout.contains("any divisor d with 20000.000 < d <= 25000.000 gives this result"),
        "{}",
        r.stdout
    );
}

#[test]
fn explain_json_adds_an_audit_field() {
    let doc = allocate_json(&["--method", "dhondt", "--seats", "8", "--explain"], WIKIPEDIA);
    assert_eq!(seats(&doc), [4, 3, 1, 0]);
    let audit = &doc["audit"];
    assert_eq!(audit["type"], "divisor");
    assert_eq!(audit["lowest_winning"]["exact"], "25000");
    assert_eq!(audit["highest_losing"]["exact"], "20000");
    assert_eq!(audit["parties"][3]["party"], "D");
    assert_eq!(audit["parties"][3]["last_quotient"], Value::Null);

    let doc =
        allocate_json(&["--method", "hare", "--seats", "69", "--threshold", "5", "--explain"], MAZHILIS_2023);
    assert_eq!(doc["audit"]["type"], "quota");
    assert_eq!(doc["audit"]["quota"]["exact"], "1990573/23");
    assert_eq!(doc["audit"]["whole_seats"], 67);
}

#[test]
fn explain_csv_adds_audit_columns() {
    let r = allocate(&["--method", "hare", "--seats", "8", "--explain", "--format", "csv"], WIKIPEDIA);
    assert_eq!(r.code, 0, "{r:?}");
    let mut lines = r.stdout.lines();
    assert_eq!(lines.next(), Some("party,votes,eligible,seats,whole,remainder"));
    assert_eq!(lines.next(), Some("A,100000,true,3,3,13750.000"));
}

// --- output robustness --------------------------------------------------------

#[test]
fn closed_stdout_exits_quietly() {
    let mut input = String::from("party,votes\n");
    for i in 0..5000 {
        input.push_str(&format!("Party {i},{}\n", i + 1));
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_saylau"))
        .args(["allocate", "--method", "dhondt", "--seats", "100", "--ties", "order"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
}

#[test]
fn line_numbers_count_blank_lines_and_crlf() {
    let r = allocate(&["--method", "dhondt", "--seats", "1"], "party,votes\r\n\r\nA,5\r\n\r\nB,-5\r\n");
    assert_fails(&r, 2, &["<stdin>: line 5:", "negative"]);
}
