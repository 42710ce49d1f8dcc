//! Polls as the list vote, end to end: shares in percent accepted (numbers
//! or strings), what is refused and where, the pooling weights on cases
//! worked by hand, reproducibility, and the poll example in `simulate`,
//! `elect` and `report`.

use crate::common::{Run, assert_fails, run};
use serde_json::Value;

const EXAMPLE: &str = "scenarios/poll-2026-example.json";

fn json_of(r: &Run) -> Value {
    assert_eq!(r.code, 0, "{r:?}");
    serde_json::from_str(&r.stdout).expect("stdout is one JSON document")
}

fn simulate_json(scenario: &str, runs: &str) -> Value {
    json_of(&run(&["simulate", "--runs", runs, "--seed", "3", "--format", "json", "-"], scenario))
}

/// Two polls, no half-life: weights 600/1000 and 400/1000. A's pooled share
/// is 0.6 × 50 + 0.4 × 45 = 48%, B's 0.6 × 40 + 0.4 × 42.5 = 41%; the 11%
/// left is "against all"; the pooled sample is 1,000 people.
const TWO_POLLS: &str = r#"{"body": "kurultai", "polls": [
    {"pollster": "P", "date": "2026-10-01", "sample": 600, "shares": {"A": 50, "B": "40"}},
    {"pollster": "Q", "date": "2026-08-31", "sample": 400, "shares": {"A": "45.0", "B": 42.5}}
]}"#;

#[test]
fn shares_in_percent_are_pooled_by_sample_size() {
    let doc = simulate_json(TWO_POLLS, "1000");
    let polls = &doc["polls"];
    assert_eq!(polls["sample"], 1000.0);
    assert_eq!(polls["polls"][0]["weight"], 0.6);
    assert_eq!(polls["polls"][1]["weight"], 0.4);
    assert_eq!(polls["polls"][1]["date"], "2026-08-31");
    assert_eq!(polls["shares"][0]["party"], "A");
    assert!((polls["shares"][0]["percent"].as_f64().unwrap() - 48.0).abs() < 1e-9, "{polls}");
    assert!((polls["shares"][1]["percent"].as_f64().unwrap() - 41.0).abs() < 1e-9, "{polls}");
    assert!((polls["rest_percent"].as_f64().unwrap() - 11.0).abs() < 1e-9, "{polls}");
    assert_eq!(polls["ballots"], 1_000_000);
    // The centre share is of the list ballots, "against all" included.
    assert!((doc["parties"][0]["centre_share"].as_f64().unwrap() - 0.48).abs() < 1e-12);
    assert!(doc["model"].as_str().unwrap().contains("a poll of 1,000 people"), "{doc}");
}

/// With a half-life of 30 days, the poll 31 days older than the newest
/// weighs 400 × 2^(-31/30) = 195.5 people against 600: weights 0.7542 and
/// 0.2458, a pooled sample of 795.5.
#[test]
fn a_half_life_halves_a_poll_for_each_period_of_its_age() {
    let scenario = TWO_POLLS.replacen("]}", "], \"poll_half_life_days\": 30}", 1);
    let doc = simulate_json(&scenario, "1000");
    let old = 400.0 * 2f64.powf(-31.0 / 30.0);
    let polls = &doc["polls"];
    assert!((polls["sample"].as_f64().unwrap() - (600.0 + old)).abs() < 1e-9, "{polls}");
    let w0 = polls["polls"][0]["weight"].as_f64().unwrap();
    assert!((w0 - 600.0 / (600.0 + old)).abs() < 1e-12, "{polls}");
    let a = polls["shares"][0]["percent"].as_f64().unwrap();
    assert!((a - (600.0 * 50.0 + old * 45.0) / (600.0 + old)).abs() < 1e-9, "{polls}");
}

/// The notional votes are counted by `elect` with the same rules: 48% and
/// 41% of 1,000,000 ballots, both above 5%, Hare over 145 seats on the list
/// votes: 480,000 / 890,000 × 145 = 78.2 → 78, 410,000 / 890,000 × 145 =
/// 66.8 → 67.
#[test]
fn elect_counts_the_pooled_poll_exactly() {
    let r = run(&["elect", "--format", "json", "-"], TWO_POLLS);
    let doc = json_of(&r);
    let parties = doc["parties"].as_array().unwrap();
    assert_eq!(parties[0]["votes"], 480_000);
    assert_eq!(parties[0]["seats"], 78);
    assert_eq!(parties[1]["votes"], 410_000);
    assert_eq!(parties[1]["seats"], 67);
}

#[test]
fn the_same_seed_gives_the_same_projection_at_any_thread_count() {
    let args = |threads: &'static str| {
        ["simulate", "--runs", "3000", "--seed", "11", "--threads", threads, "--format", "json", EXAMPLE]
    };
    let one = run(&args("1"), "");
    let two = run(&args("2"), "");
    assert_eq!(one.code, 0, "{one:?}");
    assert_eq!(one.stdout, two.stdout);
    let other = run(&["simulate", "--runs", "3000", "--seed", "12", "--format", "json", EXAMPLE], "");
    assert_ne!(one.stdout, other.stdout, "another seed draws other elections");
}

#[test]
fn shares_above_100_are_refused_with_the_path() {
    let bad = r#"{"body": "kurultai", "polls": [{"sample": 1000, "shares": {"A": 60, "B": "40.5"}}]}"#;
    let r = run(&["simulate", "--runs", "10", "-"], bad);
    assert_fails(&r, 2, &["at polls[0].shares", "100.5%", "more than 100%", "line 1"]);
}

#[test]
fn polls_naming_other_lists_are_refused() {
    let bad = r#"{"body": "kurultai", "polls": [
        {"sample": 1000, "shares": {"A": 60, "B": 30}},
        {"sample": 1000, "shares": {"A": 60, "C": 30}}]}"#;
    let r = run(&["simulate", "--runs", "10", "-"], bad);
    assert_fails(&r, 2, &["polls[1].shares", "\"C\"", "polls[0] does not"]);
    let twice = r#"{"body": "kurultai", "polls": [{"sample": 10, "shares": {"A": 6, "A": 3}}]}"#;
    assert_fails(
        &run(&["simulate", "--runs", "10", "-"], twice),
        2,
        &["at polls[0].shares", "\"A\" is given twice"],
    );
}

#[test]
fn bad_poll_fields_are_refused_with_what_and_where() {
    let cases: [(&str, &[&str]); 7] = [
        (r#"{"body": "kurultai", "polls": [{"sample": 0, "shares": {"A": 6}}]}"#, &["polls[0].sample"]),
        (r#"{"body": "kurultai", "polls": [{"sample": 10, "shares": {"A": -6}}]}"#, &["polls[0].shares.A"]),
        (
            r#"{"body": "kurultai", "polls": [{"sample": 10, "date": "2026-13-01", "shares": {"A": 6}}]}"#,
            &["polls[0].date", "month"],
        ),
        (r#"{"body": "kurultai", "polls": [{"sample": 10, "shares": {}}]}"#, &["no list shares"]),
        (
            r#"{"body": "kurultai", "lists": [{"party": "A", "votes": 5}], "polls": [{"sample": 10, "shares": {"A": 6}}]}"#,
            &["both \"polls\" and list votes"],
        ),
        (
            r#"{"body": "kurultai", "poll_half_life_days": 7, "polls": [{"sample": 10, "shares": {"A": 6}}]}"#,
            &["polls[0] has no \"date\""],
        ),
        (
            r#"{"body": "kurultai", "polls": [{"sample": 10, "shares": {"A": 6}}], "uncertainty": {"concentration": 5}}"#,
            &["uncertainty.concentration cannot be given with \"polls\""],
        ),
    ];
    for (scenario, needles) in cases {
        assert_fails(&run(&["simulate", "--runs", "10", "-"], scenario), 2, needles);
    }
}

/// The error of the issue: a percentage given as votes now says where
/// percentages go.
#[test]
fn a_percentage_given_as_votes_points_to_polls() {
    let r = run(
        &["simulate", "--runs", "10", "-"],
        r#"{"body": "kurultai", "lists": [{"party": "A", "votes": 55.0}]}"#,
    );
    assert_fails(&r, 2, &["lists[0].votes", "give \"polls\" instead of \"lists\""]);
}

#[test]
fn the_poll_example_runs_in_simulate_and_report() {
    let r = run(&["simulate", "--runs", "2000", EXAMPLE], "");
    assert_eq!(r.code, 0, "{r:?}");
    for needle in ["HYPOTHETICAL", "2 polls pooled (weights 75.0%, 25.0%)", "1,600 people", "50% interval"] {
        assert!(r.stdout.contains(needle), "{needle:?} missing:\n{}", r.stdout);
    }
    let r = run(&["simulate", "--runs", "2000", "--format", "csv", EXAMPLE], "");
    assert_eq!(r.code, 0, "{r:?}");
    let header = r.stdout.lines().next().unwrap();
    assert!(header.starts_with("row,name,mean,p05,p50,p95,p25,p75,"), "{header}");
    let r = run(&["report", "--runs", "2000", "-o", "-", EXAMPLE], "");
    assert_eq!(r.code, 0, "{r:?}");
    for needle in ["Monte Carlo projection", "50% interval", "90% interval", "2 polls pooled", "Amanat"] {
        assert!(r.stdout.contains(needle), "{needle:?} missing from the report");
    }
}

/// A count of a poll scenario says that its votes are not votes cast: how
/// many polls, on how many notional ballots, and the rest counted as
/// "against all" (here 11%, as worked by hand above).
#[test]
fn elect_says_the_votes_come_from_polls() {
    let doc = json_of(&run(&["elect", "--format", "json", "-"], TWO_POLLS));
    let notes = doc["notes"].as_array().expect("notes");
    let note = notes.iter().find(|n| n["kind"] == "from_polls").expect("a from_polls note");
    assert_eq!(note["polls"], 2);
    assert_eq!(note["ballots"], 1_000_000);
    assert_eq!(note["rest"], "11");
    assert!(note["text"].as_str().unwrap().starts_with("The list votes are not votes cast"), "{note}");
    // A scenario of vote counts has no such note.
    let counted =
        r#"{"body": "kurultai", "lists": [{"party": "A", "votes": 480}, {"party": "B", "votes": 410}]}"#;
    let doc = json_of(&run(&["elect", "--format", "json", "-"], counted));
    assert!(!doc["notes"].as_array().unwrap().iter().any(|n| n["kind"] == "from_polls"), "{doc}");
}

/// A date that is not one is refused as a date, with its field.
#[test]
fn a_date_that_is_not_one_is_refused_as_a_date() {
    let bad =
        r#"{"body": "kurultai", "polls": [{"sample": 100, "date": "2026-02-30", "shares": {"A": 60}}]}"#;
    assert_fails(
        &run(&["elect", "-"], bad),
        2,
        &["at polls[0].date", "\"2026-02-30\" is not a valid date", "no such day"],
    );
    let bad =
        r#"{"body": "kurultai", "polls": [{"sample": 100, "date": "1 Oct 2026", "shares": {"A": 60}}]}"#;
    assert_fails(&run(&["elect", "-"], bad), 2, &["is not a valid date", "2026-10-01 (year-month-day)"]);
}

/// Polls that give every list 0% leave nothing to apportion, and the
/// refusal names the polls, not "lists".
#[test]
fn polls_giving_every_list_nothing_are_refused_by_name() {
    let none = r#"{"body": "kurultai", "polls": [{"sample": 100, "shares": {"A": 0, "B": 0}}]}"#;
    assert_fails(&run(&["elect", "-"], none), 2, &["\"polls\": every list polled 0%"]);
}
