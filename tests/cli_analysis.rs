#![cfg(feature = "cli")]
//! End-to-end tests of the analysis commands of `saylau`: `metrics`,
//! `compare`, `hemicycle`, `report` and `elect --explain` (exit codes,
//! values checked against the library, pictures and pages parsed).

mod common;

use common::{Run, assert_fails, run, run_bytes, scratch};
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
    let r = saylau(args);
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.is_empty(), "{r:?}");
    serde_json::from_str(&r.stdout).expect("stdout is one JSON document")
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
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
        assert_eq!(seats + r["independents"].as_u64().unwrap() + r["vacant"].as_u64().unwrap(), house, "{r}");
    }
    assert_eq!(rows[1]["house"].as_u64(), Some(98));
    assert_eq!(rows[1]["independents"].as_u64(), Some(0));
    let r = saylau(&["compare", DISTRICTS, "--by", "designs", "--format", "csv"]);
    assert!(r.stdout.starts_with("design,house,Amanat,"), "{}", r.stdout);
    assert_eq!(r.stdout.lines().count(), 5);
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
        ["result", "metrics", "hemicycle", "fragility", "methods", "thresholds", "scatter", "notes"]
    );
    // The diagram inside is the body's: 98 seats in the plain hemicycle.
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
      "lists": [{"party": "A<b>&\"'", "votes": 600}, {"party": "http://example.com", "votes": 400}]}"#;
    let r = run(&["report", "-", "-o", "-"], scenario);
    assert_eq!(r.code, 0, "{r:?}");
    let doc = parse_page(&r.stdout);
    assert!(!r.stdout.contains("<script"), "the title is escaped");
    assert!(r.stdout.contains("&lt;script&gt;"));
    let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
    assert_eq!(title.text(), Some("<script>alert('x')</script> & co"));
    assert!(doc.descendants().any(|n| n.text() == Some("A<b>&\"'")));
    // The party named like a URL is text, not a link.
    assert!(doc.descendants().all(|n| n.attribute("href").is_none()));
    // Without districts there is no district table; every section is still there.
    assert_eq!(section_ids(&doc).len(), 8);
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
