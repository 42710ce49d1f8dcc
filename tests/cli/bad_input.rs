//! The bad-input catalogue: the `saylau` binary run on malformed CSV files,
//! arguments, scenarios and files. Each must exit 2 with a message that
//! names the place (the file or `<stdin>`, the line, the column or field, or
//! the argument) and the problem, without a panic or a backtrace (the
//! harness checks every run for both). A byte-order mark and CRLF line ends
//! are not errors: they must work.
//!
//! `catalogue_has_at_least_40_cases` counts the cases.

use crate::common::{Run, assert_fails, run, run_bytes, scratch};

/// `saylau allocate --method dhondt --seats 5` on `csv` (standard input).
fn allocate_csv(csv: &[u8]) -> Run {
    run_bytes(&["allocate", "--method", "dhondt", "--seats", "5"], csv)
}

/// `saylau allocate ARGS` on a small valid CSV.
fn allocate_args(args: &[&str]) -> Run {
    let mut all = vec!["allocate"];
    all.extend_from_slice(args);
    run(&all, "party,votes\nA,100\nB,50\n")
}

/// `saylau elect -` on `scenario`.
fn elect(scenario: &[u8]) -> Run {
    run_bytes(&["elect", "-"], scenario)
}

/// A CSV case: stdin, exit 2, and the message names `<stdin>` and `needles`.
fn csv_fails(csv: &str, needles: &[&str]) {
    let r = allocate_csv(csv.as_bytes());
    assert_fails(&r, 2, &[&["<stdin>: "], needles].concat());
}

/// An argument case: exit 2, the message names the argument and `needles`.
fn args_fail(args: &[&str], argument: &str, needles: &[&str]) {
    let r = allocate_args(args);
    assert_fails(&r, 2, &[&[argument], needles].concat());
}

/// A scenario case: exit 2, the message names `<stdin>` and `needles`.
fn scenario_fails(scenario: &str, needles: &[&str]) {
    let r = elect(scenario.as_bytes());
    assert_fails(&r, 2, &[&["<stdin>: "], needles].concat());
}

// ---------------------------------------------------------------------------
// CSV (saylau allocate)
// ---------------------------------------------------------------------------

#[test]
fn csv_empty() {
    csv_fails("", &["empty", "header"]);
}

#[test]
fn csv_blank_lines_only() {
    csv_fails("\n  \n,\n", &["empty"]);
}

#[test]
fn csv_header_only() {
    csv_fails("party,votes\n", &["line 1", "no data rows"]);
}

#[test]
fn csv_missing_votes_column() {
    csv_fails("party,count\nA,5\n", &["line 1", "no \"votes\" column", "\"count\""]);
}

#[test]
fn csv_missing_party_column() {
    csv_fails("name,votes\nA,5\n", &["line 1", "no \"party\" column", "\"name\""]);
}

#[test]
fn csv_column_twice() {
    csv_fails("party,votes,Votes\nA,5,6\n", &["line 1", "\"votes\" column twice", "columns 2 and 3"]);
}

#[test]
fn csv_negative_votes() {
    csv_fails("party,votes\nA,10\nB,-5\n", &["line 3", "\"B\"", "\"-5\"", "negative"]);
}

#[test]
fn csv_fractional_votes() {
    csv_fails("party,votes\nA,1.5\n", &["line 2", "\"A\"", "\"1.5\"", "fractional"]);
}

#[test]
fn csv_non_numeric_votes() {
    csv_fails("party,votes\nA,many\n", &["line 2", "\"A\"", "\"many\"", "not a number"]);
}

#[test]
fn csv_votes_with_a_sign_or_separators() {
    csv_fails("party,votes\nA,+5\n", &["line 2", "\"+5\"", "not a number"]);
    csv_fails("party,votes\nA,\"1,000\"\n", &["line 2", "\"1,000\"", "not a number", "separators"]);
    csv_fails("party,votes\nA,1e3\n", &["line 2", "\"1e3\"", "not a number"]);
}

#[test]
fn csv_votes_over_2_64() {
    csv_fails(
        "party,votes\nA,18446744073709551616\n",
        &["line 2", "\"18446744073709551616\"", "too large", "18446744073709551615"],
    );
    csv_fails("party,votes\nA,99999999999999999999999999999\n", &["line 2", "too large"]);
}

#[test]
fn csv_empty_votes() {
    csv_fails("party,votes\nA,\n", &["line 2", "\"A\"", "votes are empty"]);
}

#[test]
fn csv_duplicate_party_names() {
    csv_fails("party,votes\nA,1\nB,2\nA,3\n", &["line 4", "duplicate party \"A\"", "line 2"]);
    // Names are trimmed before they are compared.
    csv_fails("party,votes\nA,1\n  A ,3\n", &["line 3", "duplicate party \"A\""]);
}

#[test]
fn csv_empty_party_name() {
    csv_fails("party,votes\nA,1\n,5\n", &["line 3", "party name is empty"]);
    csv_fails("party,votes\n\"   \",5\n", &["line 2", "party name is empty"]);
}

#[test]
fn csv_ragged_rows() {
    csv_fails("party,votes\nA,1\nB\n", &["line 3", "too few fields", "1 field", "header has 2"]);
    csv_fails("party,votes\nA,1,2\n", &["line 2", "too many fields", "3 fields", "quote party names"]);
    // An unterminated quote swallows the rest of the file into one field.
    csv_fails("party,votes\n\"A,5\nB,6\n", &["line 2", "too few fields"]);
}

#[test]
fn csv_invalid_utf8() {
    let r = allocate_csv(b"party,votes\nA\xff\xfe,5\n");
    assert_fails(&r, 2, &["<stdin>: ", "line 2", "party field", "not valid UTF-8"]);
    let r = allocate_csv(b"party,votes\nA,5\xff\n");
    assert_fails(&r, 2, &["<stdin>: ", "line 2", "votes field", "not valid UTF-8"]);
}

#[test]
fn csv_invalid_utf8_in_header_is_not_a_crash() {
    let r = allocate_csv(b"part\xffy,votes\nA,5\n");
    assert_fails(&r, 2, &["<stdin>: ", "line 1", "no \"party\" column"]);
}

#[test]
fn csv_nul_bytes_are_not_a_crash() {
    let r = allocate_csv(b"party,votes\nA,5\x00\n");
    assert_fails(&r, 2, &["<stdin>: ", "line 2", "not a number"]);
}

#[test]
fn csv_byte_order_mark_works() {
    let r = allocate_csv(b"\xEF\xBB\xBFparty,votes\nA,100\nB,40\n");
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains('A') && r.stderr.is_empty(), "{r:?}");
}

#[test]
fn csv_crlf_line_ends_work() {
    let r = run_bytes(
        &["allocate", "--method", "dhondt", "--seats", "3", "--format", "csv"],
        b"party,votes\r\nA,100\r\n\r\nB,50\r\n",
    );
    assert_eq!(r.code, 0, "{r:?}");
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines, ["party,votes,eligible,seats", "A,100,true,2", "B,50,true,1"], "{r:?}");
}

#[test]
fn csv_crlf_errors_count_lines() {
    csv_fails("party,votes\r\nA,1\r\n\r\nB,x\r\n", &["line 4", "\"x\"", "not a number"]);
}

#[test]
fn csv_bom_and_crlf_from_a_file_work() {
    let path = scratch("bom-crlf.csv");
    std::fs::write(&path, b"\xEF\xBB\xBFParty,Votes\r\nA,100\r\nB,50\r\n").unwrap();
    let r = run(&["allocate", "--method", "hare", "--seats", "3", path.to_str().unwrap()], "");
    std::fs::remove_file(&path).ok();
    assert_eq!(r.code, 0, "{r:?}");
}

#[test]
fn csv_errors_in_a_file_name_the_file() {
    let path = scratch("bad-votes.csv");
    std::fs::write(&path, "party,votes\nA,1\nB,-2\n").unwrap();
    let name = path.to_str().unwrap();
    let r = run(&["allocate", "--method", "hare", "--seats", "3", name], "");
    std::fs::remove_file(&path).ok();
    assert_fails(&r, 2, &[&format!("{name}: line 3"), "negative"]);
}

#[test]
fn csv_zero_votes_everywhere() {
    let r = allocate_csv(b"party,votes\nA,0\nB,0\n");
    assert_fails(&r, 2, &["zero votes"]);
}

// ---------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------

#[test]
fn arg_unknown_method() {
    args_fail(&["--method", "borda", "--seats", "3"], "--method", &["\"borda\"", "unknown method", "dhondt"]);
}

#[test]
fn arg_bad_modified_sainte_lague_divisor() {
    args_fail(&["--method", "modified-sainte-lague:3", "--seats", "3"], "--method", &["first divisor 3"]);
    args_fail(&["--method", "modified-sainte-lague:0", "--seats", "3"], "--method", &["first divisor 0"]);
    args_fail(&["--method", "modified-sainte-lague:x", "--seats", "3"], "--method", &["\"x\""]);
}

#[test]
fn arg_seats_zero() {
    args_fail(&["--method", "dhondt", "--seats", "0"], "--seats", &["at least 1"]);
}

#[test]
fn arg_seats_over_u32_max() {
    for n in ["4294967296", "18446744073709551615", "18446744073709551616"] {
        args_fail(&["--method", "dhondt", "--seats", n], "--seats", &[n, "4294967295"]);
    }
}

#[test]
fn arg_seats_negative_or_not_a_number() {
    args_fail(&["--method", "dhondt", "--seats", "-1"], "--seats", &["negative"]);
    args_fail(&["--method", "dhondt", "--seats", "abc"], "--seats", &["whole number"]);
    args_fail(&["--method", "dhondt", "--seats", "2.5"], "--seats", &["whole number"]);
}

#[test]
fn arg_seats_missing() {
    args_fail(&["--method", "dhondt"], "--seats", &["required"]);
}

#[test]
fn arg_threshold_nan() {
    args_fail(&["--method", "dhondt", "--seats", "3", "--threshold", "NaN"], "--threshold", &["\"NaN\""]);
    args_fail(&["--method", "dhondt", "--seats", "3", "--threshold", "inf"], "--threshold", &["\"inf\""]);
}

#[test]
fn arg_threshold_negative() {
    args_fail(&["--method", "dhondt", "--seats", "3", "--threshold", "-1"], "--threshold", &["negative"]);
}

#[test]
fn arg_threshold_over_100() {
    args_fail(&["--method", "dhondt", "--seats", "3", "--threshold", "101"], "--threshold", &["101", "100"]);
    args_fail(
        &["--method", "dhondt", "--seats", "3", "--threshold", "100.000001"],
        "--threshold",
        &["100.000001", "between 0 and 100"],
    );
}

#[test]
fn arg_unknown_tie_policy() {
    args_fail(
        &["--method", "dhondt", "--seats", "3", "--ties", "coin"],
        "--ties",
        &["\"coin\"", "unknown tie policy"],
    );
    args_fail(&["--method", "dhondt", "--seats", "3", "--ties", "lot:x"], "--ties", &["\"lot:x\""]);
}

#[test]
fn arg_unknown_format() {
    args_fail(&["--method", "dhondt", "--seats", "3", "--format", "xml"], "--format", &["xml", "json"]);
    let r = run(&["elect", "--format", "yaml", "scenarios/akim-illustrative.json"], "");
    assert_fails(&r, 2, &["--format", "yaml"]);
}

#[test]
fn arg_unknown_excess_policy_or_seed() {
    args_fail(&["--method", "hare", "--seats", "3", "--excess", "never"], "--excess", &["never"]);
    args_fail(
        &["--method", "dhondt", "--seats", "3", "--ties", "lot", "--seed", "x"],
        "--seed",
        &["whole number"],
    );
}

// ---------------------------------------------------------------------------
// Scenarios (saylau elect)
// ---------------------------------------------------------------------------

#[test]
fn scenario_not_json() {
    scenario_fails("{\"body\": \"mazhilis\", \"lists\": [}", &["line 1, column 32", "not valid JSON"]);
    scenario_fails("body = mazhilis", &["line 1, column 1", "not valid JSON"]);
}

#[test]
fn scenario_empty_file() {
    scenario_fails("  \n", &["empty"]);
}

#[test]
fn scenario_unknown_body() {
    scenario_fails(
        r#"{"body": "senate", "lists": [{"party": "A", "votes": 1}]}"#,
        &["unknown body \"senate\"", "mazhilis"],
    );
}

#[test]
fn scenario_unknown_field() {
    scenario_fails(
        r#"{"body": "mazhilis", "list": []}"#,
        &["line 1, column 27", "unknown field `list`", "`lists`"],
    );
    scenario_fails(
        r#"{"body": "mazhilis", "lists": [{"party": "A", "votes": 1, "colour": "red"}]}"#,
        &["unknown field `colour`"],
    );
}

#[test]
fn scenario_missing_votes() {
    scenario_fails(
        r#"{"body": "mazhilis", "lists": [{"party": "A"}]}"#,
        &["line 1", "missing field `votes`"],
    );
}

#[test]
fn scenario_string_votes() {
    scenario_fails(
        r#"{"body": "mazhilis", "lists": [{"party": "A", "votes": "100"}]}"#,
        &["line 1, column", "invalid type: string \"100\"", "whole number"],
    );
}

#[test]
fn scenario_negative_votes() {
    scenario_fails(
        r#"{"body": "mazhilis", "lists": [{"party": "A", "votes": -100}]}"#,
        &["line 1, column", "-100", "whole number"],
    );
    scenario_fails(
        r#"{"body": "mazhilis", "lists": [{"party": "A", "votes": 1}], "against_all": -1}"#,
        &["-1"],
    );
}

#[test]
fn scenario_fractional_or_huge_votes() {
    scenario_fails(
        r#"{"body": "mazhilis", "lists": [{"party": "A", "votes": 1.5}]}"#,
        &["line 1, column", "1.5"],
    );
    scenario_fails(
        r#"{"body": "mazhilis", "lists": [{"party": "A", "votes": 18446744073709551616}]}"#,
        &["line 1, column", "18,446,744,073,709,551,615"],
    );
}

#[test]
fn scenario_negative_seats_or_threshold() {
    scenario_fails(
        r#"{"body": "regional-maslikhat", "seats": -20, "lists": [{"party": "A", "votes": 1}]}"#,
        &["line 1, column", "-20"],
    );
    scenario_fails(
        r#"{"body": "mazhilis", "threshold_percent": -5, "lists": [{"party": "A", "votes": 1}]}"#,
        &["line 1, column", "-5", "negative"],
    );
}

#[test]
fn scenario_threshold_over_100() {
    scenario_fails(
        r#"{"body": "mazhilis", "threshold_percent": 101, "lists": [{"party": "A", "votes": 1}]}"#,
        &["\"threshold_percent\"", "101%", "between 0 and 100"],
    );
}

#[test]
fn scenario_unknown_method_or_ties() {
    scenario_fails(
        r#"{"body": "mazhilis", "method": "borda", "lists": [{"party": "A", "votes": 1}]}"#,
        &["line 1, column", "unknown method \"borda\""],
    );
    scenario_fails(
        r#"{"body": "mazhilis", "ties": "coin", "lists": [{"party": "A", "votes": 1}]}"#,
        &["line 1, column", "unknown tie policy \"coin\""],
    );
}

#[test]
fn scenario_duplicate_parties() {
    scenario_fails(
        r#"{"body": "mazhilis", "lists": [{"party": "A", "votes": 100}, {"party": "A", "votes": 5}]}"#,
        &["\"lists\"", "\"A\"", "twice"],
    );
}

#[test]
fn scenario_empty_party_name() {
    scenario_fails(
        r#"{"body": "mazhilis", "lists": [{"party": " ", "votes": 1}]}"#,
        &["\"lists\"", "empty party name"],
    );
}

#[test]
fn scenario_duplicate_districts() {
    scenario_fails(
        r#"{"body": "district-maslikhat", "seats": 2, "districts": [
            {"name": "D", "candidates": [{"name": "x", "votes": 1}]},
            {"name": "D", "candidates": [{"name": "y", "votes": 1}]}]}"#,
        &["\"D\"", "twice"],
    );
}

#[test]
fn scenario_duplicate_candidates() {
    scenario_fails(
        r#"{"body": "akim", "districts": [{"name": "D", "candidates": [
            {"name": "x", "votes": 1}, {"name": "x", "votes": 2}]}]}"#,
        &["\"D\"", "\"x\"", "twice"],
    );
}

#[test]
fn scenario_district_without_candidates() {
    scenario_fails(
        r#"{"body": "akim", "districts": [{"name": "D", "candidates": []}]}"#,
        &["\"D\"", "no candidates"],
    );
}

#[test]
fn scenario_impossible_seat_overrides() {
    scenario_fails(
        r#"{"body": "akim", "list_seats": 5, "districts": [{"name": "D", "candidates": [{"name": "x", "votes": 1}]}]}"#,
        &["akim", "list_seats"],
    );
    scenario_fails(
        r#"{"body": "regional-maslikhat", "seats": 20, "list_seats": 15, "district_seats": 15,
            "lists": [{"party": "A", "votes": 1}]}"#,
        &["regional-maslikhat", "seats 20", "list_seats 15", "district_seats 15"],
    );
    scenario_fails(
        r#"{"body": "mazhilis", "seats": 4294967295, "lists": [{"party": "A", "votes": 1}]}"#,
        &["mazhilis", "4294967295"],
    );
}

#[test]
fn scenario_more_districts_than_seats() {
    scenario_fails(
        r#"{"body": "akim", "districts": [
            {"name": "D1", "candidates": [{"name": "x", "votes": 1}]},
            {"name": "D2", "candidates": [{"name": "y", "votes": 1}]}]}"#,
        &["akim", "1 single-member", "2 districts"],
    );
}

#[test]
fn scenario_empty_object() {
    scenario_fails("{}", &["line 1, column 2", "missing field `body`"]);
}

#[test]
fn scenario_array_or_scalar() {
    scenario_fails("[]", &["must be a JSON object", "an array"]);
    scenario_fails("42", &["must be a JSON object", "a number"]);
    scenario_fails("null", &["must be a JSON object", "null"]);
}

#[test]
fn scenario_without_votes() {
    scenario_fails(r#"{"body": "mazhilis"}"#, &["neither \"lists\" nor \"districts\""]);
}

#[test]
fn scenario_invalid_utf8() {
    let r = elect(b"{\"body\": \"mazh\xffilis\"}");
    assert_fails(&r, 2, &["<stdin>: ", "line 1, column 15", "not valid UTF-8"]);
}

#[test]
fn scenario_deeply_nested_json_is_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    scenario_fails(&deep, &["line 1", "not valid JSON"]);
    // Inside an object the field is read first: an array is not a body name.
    let deep = format!("{{\"body\": {}1{}}}", "[".repeat(100_000), "]".repeat(100_000));
    scenario_fails(&deep, &["line 1", "at body", "expected a string"]);
    let deep = format!("{{\"uncertainty\": {}1{}}}", "{\"a\":".repeat(100_000), "}".repeat(100_000));
    scenario_fails(&deep, &["line 1"]);
}

// ---------------------------------------------------------------------------
// Files that do not exist or cannot be read
// ---------------------------------------------------------------------------

#[test]
fn file_does_not_exist() {
    let path = "no/such/votes.csv";
    let r = run(&["allocate", "--method", "dhondt", "--seats", "3", path], "");
    assert_fails(&r, 2, &["cannot read no/such/votes.csv", "No such file"]);
    let r = run(&["elect", "no/such/scenario.json"], "");
    assert_fails(&r, 2, &["cannot read no/such/scenario.json", "No such file"]);
    let r = run(&["simulate", "--runs", "10", "no/such/scenario.json"], "");
    assert_fails(&r, 2, &["cannot read no/such/scenario.json", "No such file"]);
}

#[test]
fn file_is_a_directory() {
    let r = run(&["allocate", "--method", "dhondt", "--seats", "3", "src"], "");
    assert_fails(&r, 2, &["cannot read src", "directory"]);
    let r = run(&["elect", "scenarios"], "");
    assert_fails(&r, 2, &["cannot read scenarios", "directory"]);
}

#[test]
fn file_without_read_permission() {
    use std::os::unix::fs::PermissionsExt;
    let path = scratch("unreadable.csv");
    std::fs::write(&path, "party,votes\nA,1\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not stop reading, so there is
        // nothing to test here.
        std::fs::remove_file(&path).ok();
        return;
    }
    let name = path.to_str().unwrap();
    let r = run(&["allocate", "--method", "dhondt", "--seats", "3", name], "");
    let e = run(&["elect", name], "");
    std::fs::remove_file(&path).ok();
    assert_fails(&r, 2, &[&format!("cannot read {name}"), "ermission denied"]);
    assert_fails(&e, 2, &[&format!("cannot read {name}"), "ermission denied"]);
}

// ---------------------------------------------------------------------------
// Unbounded allocation
// ---------------------------------------------------------------------------

/// Runs `saylau ARGS` on `stdin` with its address space limited to
/// `limit_mb`, so that an attempt to allocate without bound fails fast
/// instead of exhausting the machine.
fn run_limited(limit_mb: u64, args: &[&str], stdin: &str) -> Run {
    let command = format!("ulimit -v {}; exec \"$0\" \"$@\"", limit_mb * 1024);
    let mut all = vec!["-c", &command, env!("CARGO_BIN_EXE_saylau")];
    all.extend_from_slice(args);
    let out = std::process::Command::new("sh")
        .args(&all)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("RUST_BACKTRACE")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child.stdin.take().expect("piped").write_all(stdin.as_bytes()).ok();
            child.wait_with_output()
        })
        .expect("sh runs");
    Run {
        // Killed by a signal (an abort on a failed allocation): -1.
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn seats_u64_max_is_refused_without_allocating() {
    let r = run_limited(
        512,
        &["allocate", "--method", "dhondt", "--seats", "18446744073709551615"],
        "party,votes\nA,1\n",
    );
    assert_fails(&r, 2, &["--seats", "4294967295"]);
}

#[test]
fn elect_with_u32_max_seats_does_not_allocate_per_seat() {
    let scenario = r#"{"body": "kurultai", "list_seats": 4294967295,
        "lists": [{"party": "A", "votes": 1000}, {"party": "B", "votes": 500}]}"#;
    let r = run_limited(512, &["elect", "--format", "json", "-"], scenario);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.contains("4294967295"), "{r:?}");
}

/// Regression: `saylau simulate` kept a seat histogram of `seats + 1`
/// counters per party and tier, so a huge house (`list_seats: 4294967295`,
/// 34 GB per histogram) aborted with "memory allocation of 34359738368 bytes
/// failed" (SIGABRT) instead of exiting 2. Found by this catalogue; fixed by
/// refusing bodies whose histograms would not fit (`MAX_HISTOGRAM_CELLS`).
#[test]
fn simulate_with_a_huge_house_is_refused_not_aborted() {
    let scenario = r#"{"body": "kurultai", "list_seats": 4294967295,
        "lists": [{"party": "A", "votes": 1000}, {"party": "B", "votes": 500}]}"#;
    let r = run_limited(1024, &["simulate", "--runs", "10", "--format", "json", "-"], scenario);
    assert!(!r.stderr.contains("memory allocation"), "{r:?}");
    assert_fails(&r, 2, &["<stdin>", "4294967295 seats", "histograms"]);
}

// ---------------------------------------------------------------------------
// The count
// ---------------------------------------------------------------------------

#[test]
fn catalogue_has_at_least_40_cases() {
    // Each test runs at least one malformed input (most run several).
    let tests = include_str!("bad_input.rs").matches("\n#[test]\n").count() - 1;
    assert!(tests >= 40, "only {tests} cases");
}
