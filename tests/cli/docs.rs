//! The command line's documentation against what it does: every JSON field a
//! command prints is named in its `--help` and in docs/cli.md, and every
//! option of `--help` is in docs/cli.md, so that neither falls behind.

use std::collections::BTreeSet;

use crate::common::run;
use serde_json::Value;

const DOCS: &str = include_str!("../../docs/cli.md");
const DISTRICTS: &str = "scenarios/mazhilis-2023-illustrative-districts.json";
const VOTES: &str = "party,votes\nA,100000\nB,80000\nC,30000\nD,20000\n";

/// The keys of `v` and of the first element of its arrays of objects, one
/// level down (`parties[0]`, `districts[0]`, ...).
fn keys(v: &Value, into: &mut BTreeSet<String>, depth: usize) {
    let Value::Object(map) = v else { return };
    for (k, child) in map {
        into.insert(k.clone());
        if depth == 0 {
            continue;
        }
        match child {
            Value::Array(items) => {
                if let Some(first) = items.first() {
                    keys(first, into, depth - 1);
                }
            }
            Value::Object(_) => keys(child, into, depth - 1),
            _ => {}
        }
    }
}

/// Runs `saylau ARGS --format json` and gives the field names it printed.
fn json_fields(args: &[&str], stdin: &str) -> BTreeSet<String> {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    let r = run(&all, stdin);
    assert_eq!(r.code, 0, "{r:?}");
    let doc: Value = serde_json::from_str(&r.stdout).unwrap();
    let mut out = BTreeSet::new();
    keys(&doc, &mut out, 2);
    out
}

fn help(command: &str) -> String {
    let r = run(&[command, "--help"], "");
    assert_eq!(r.code, 0, "{r:?}");
    r.stdout
}

/// Fields that name the note kinds' own data, documented as "...": every
/// note carries `kind` and `text`, and the rest depends on the kind.
const NOTE_FIELDS: [&str; 12] = [
    "body",
    "law",
    "rule",
    "seats",
    "given",
    "percent",
    "base",
    "needed",
    "against_all_in_base",
    "lists",
    "party",
    "candidates",
];

#[test]
fn every_json_field_is_in_the_help_and_the_docs() {
    let cases: [(&str, Vec<&str>, &str); 8] = [
        (
            "diff",
            vec!["diff", "scenarios/official/mazhilis-2016.json", "scenarios/official/mazhilis-2023.json"],
            "",
        ),
        ("allocate", vec!["allocate", "--method", "hare", "--seats", "8", "--threshold", "5"], VOTES),
        ("elect", vec!["elect", DISTRICTS], ""),
        ("simulate", vec!["simulate", "--runs", "100", DISTRICTS], ""),
        ("simulate", vec!["simulate", "--runs", "100", "scenarios/poll-2026-example.json"], ""),
        ("metrics", vec!["metrics", DISTRICTS], ""),
        ("compare", vec!["compare", DISTRICTS, "--by", "designs"], ""),
        ("fragility", vec!["fragility", DISTRICTS], ""),
    ];
    let mut missing = Vec::new();
    for (command, args, stdin) in cases {
        let text = help(command);
        for field in json_fields(&args, stdin) {
            if NOTE_FIELDS.contains(&field.as_str()) && command == "elect" {
                continue;
            }
            let quoted = format!("\"{field}\"");
            if !text.contains(&quoted) {
                missing.push(format!("`saylau {command} --help` does not name the JSON field {quoted}"));
            }
            if !DOCS.contains(&quoted) && !DOCS.contains(&format!("`{field}`")) {
                missing
                    .push(format!("docs/cli.md does not name the JSON field {quoted} of `saylau {command}`"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_option_of_the_help_is_in_the_docs() {
    let mut missing = Vec::new();
    for command in [
        "allocate",
        "elect",
        "simulate",
        "metrics",
        "compare",
        "hemicycle",
        "report",
        "diff",
        "fragility",
        "run",
    ] {
        let text = help(command);
        let options: BTreeSet<&str> = text
            .split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == ']' || c == '=')
            .filter(|w| {
                w.starts_with("--")
                    && w.len() > 2
                    && w[2..].chars().all(|c| c.is_ascii_lowercase() || c == '-')
            })
            .collect();
        for option in options {
            if option == "--help" || option == "--version" {
                continue;
            }
            if !DOCS.contains(option) {
                missing.push(format!("docs/cli.md does not mention `saylau {command} {option}`"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn every_method_of_the_table_is_in_every_list_of_methods() {
    // `saylau::apportion::NAMES` is the one table; the prose lists must keep up with it.
    let places = [
        ("README.md", include_str!("../../README.md").to_string()),
        ("docs/cli.md", DOCS.to_string()),
        ("src/lib.rs", include_str!("../../src/lib.rs").to_string()),
        ("saylau allocate --help", help("allocate")),
    ];
    let mut missing = Vec::new();
    for (method, name, _) in saylau::apportion::NAMES {
        let unknown = "borda".parse::<saylau::Method>().unwrap_err().to_string();
        assert!(unknown.contains(name), "{unknown}");
        assert_eq!(name.parse::<saylau::Method>(), Ok(method));
        for (place, text) in &places {
            if !text.contains(name) {
                missing.push(format!("{place} does not name the method {name}"));
            }
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}
