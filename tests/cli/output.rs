//! End-to-end tests of what the binary writes: output files refused by
//! their extension, and the words and marks every format shares.

use crate::common::{assert_fails, run, scratch};

const DISTRICTS: &str = "scenarios/mazhilis-2023-illustrative-districts.json";
const MAZHILIS: &str = "scenarios/mazhilis-2023.json";

#[test]
fn a_picture_file_named_for_another_format_is_refused_before_any_work() {
    for name in ["seats.pdf", "seats.GIF", "seats.html"] {
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
    let undecided = std::fs::read_to_string(MAZHILIS).unwrap().replacen(
        '{',
        r#"{"uncertainty": {"synthetic_districts": false},"#,
        1,
    );
    let simulated = run(&["simulate", "--runs", "200", "-"], &undecided).stdout;
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

/// A regional maslikhat of 4 seats worked by hand: 2 list seats by Hare
/// among A (600) and B (300), C (40 of 1,000 with "against all") below 5%;
/// quota 450: A 1 + .333, B 0 + .667, so one seat each; two districts.
const SMALL: &str = r#"{"body": "regional-maslikhat", "seats": 4,
  "lists": [{"party": "A", "votes": 600}, {"party": "B", "votes": 300}, {"party": "C", "votes": 40}],
  "against_all": 60,
  "districts": [
    {"name": "D1", "candidates": [{"name": "X", "party": "A", "votes": 500}, {"name": "Y", "party": "B", "votes": 300}], "against_all": 100},
    {"name": "D2", "candidates": [{"name": "Z", "votes": 250}, {"name": "W", "party": "A", "votes": 150}], "against_all": 50}
  ]}"#;

#[test]
fn elect_table_golden_text() {
    let r = run(&["elect", "-"], SMALL);
    assert_eq!(r.code, 0, "{r:?}");
    let expected = "\
party             votes    share  passed  list  district  seats
A                   600   60.00%  yes        1         1      2
B                   300   30.00%  yes        1         0      1
C                    40    4.00%  no         0         0      0
(against all)        60    6.00%
(self-nominated)                                       1      1
total             1,000  100.00%             2         2      4
threshold: 5% of 1,000 = 50 votes (votes for lists and \"against all\"); majority: 3 of 4 seats

districts (2 of 2):
district  candidate      party           votes   share  result
D1        X              A                 500  55.56%  elected, by 200 votes
          Y              B                 300  33.33%
          (against all)                    100  11.11%
D2        Z              self-nominated    250  55.56%  elected, by 100 votes
          W              A                 150  33.33%
          (against all)                     50  11.11%
";
    assert!(r.stdout.contains(expected), "expected:\n{expected}\ngot:\n{}", r.stdout);
    assert!(
        r.stdout.contains(
            "- Below the threshold of 5% of 1,000 votes for lists and \"against all\" = 50 votes: C (40 votes, 4.00%)."
        ),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("Assumed"), "no unconfirmed rule decided this result: {}", r.stdout);
}

#[test]
fn allocate_table_golden_text() {
    // D'Hondt, 8 seats (the textbook example): 100,000 / 80,000 / 30,000 / 20,000
    // gives 4, 3, 1, 0.
    let r = run(
        &["allocate", "--method", "dhondt", "--seats", "8"],
        "party,votes\nA,100000\nB,80000\nC,30000\nD,20000\n",
    );
    assert_eq!(r.code, 0, "{r:?}");
    let expected = "\
dhondt (D'Hondt), 8 seats, votes from <stdin>

party    votes    share  eligible  seats
A      100,000   43.48%  yes           4
B       80,000   34.78%  yes           3
C       30,000   13.04%  yes           1
D       20,000    8.70%  yes           0
total  230,000  100.00%                8
shares are of all votes for parties
";
    assert_eq!(r.stdout, expected);
}

#[test]
fn an_odd_seat_note_appears_only_for_an_odd_body() {
    let body = |seats: u32| {
        format!(
            r#"{{"body": "regional-maslikhat", "seats": {seats}, "lists": [{{"party": "A", "votes": 60}}, {{"party": "B", "votes": 40}}]}}"#
        )
    };
    let even = run(&["elect", "-"], &body(34)).stdout;
    assert!(!even.contains("odd"), "34 seats split 17 + 17: {even}");
    let odd = run(&["elect", "-"], &body(35)).stdout;
    assert!(
        odd.contains("Assumed: an odd-sized regional maslikhat gives the extra seat to the districts"),
        "{odd}"
    );
}

#[test]
fn simulate_table_without_noise_is_the_election_worked_by_hand() {
    // Without noise every run is the election of SMALL: A 1 + 1, B 1 + 0,
    // C 0 (below 5%), one self-nominated; a majority is 3 of 4.
    let quiet = SMALL.replacen(
        "\"against_all\": 60,",
        "\"against_all\": 60, \"uncertainty\": {\"concentration\": 0, \"systematic_sd\": 0, \"turnout_sd\": 0, \"district_sd\": 0},",
        1,
    );
    let r = run(&["simulate", "--runs", "100", "-"], &quiet);
    assert_eq!(r.code, 0, "{r:?}");
    let cells = |start: &str| -> Vec<String> {
        let line = r.stdout.lines().find(|l| l.starts_with(start)).unwrap_or_default();
        line.split_whitespace().map(String::from).collect()
    };
    assert!(r.stdout.contains("100 runs, seed 0"), "{}", r.stdout);
    assert!(r.stdout.contains("a majority is 3 of 4 seats"), "{}", r.stdout);
    let header = cells("party");
    assert_eq!(
        header.join(" "),
        "party list share mean median 50% interval 90% interval P(majority) P(2/3) P(threshold) list district"
    );
    let a = ["A", "60.00%", "2.0", "2", "2", "2", "0%", "0%", "100%", "1.0", "(1)", "1.0", "(1)"];
    assert_eq!(cells("A "), a);
    let b = ["B", "30.00%", "1.0", "1", "1", "1", "0%", "0%", "100%", "1.0", "(1)", "0.0", "(0)"];
    assert_eq!(cells("B "), b);
    assert_eq!(
        cells("C "),
        ["C", "4.00%", "0.0", "0", "0", "0", "0%", "0%", "0%", "0.0", "(0)", "0.0", "(0)"]
    );
    assert_eq!(cells("(self-nominated)"), ["(self-nominated)", "1.0", "1", "1", "1"]);
}

#[test]
fn what_if_flags_change_the_rules_and_say_so_in_every_command() {
    // 7% of the 6,366,441 base is 445,651 votes: only Amanat, Auyl, Respublica
    // and Ak Zhol pass (5,207,741 votes). Hare quota 75,474.5: whole seats
    // 45, 9, 7, 7 (68); the last seat to Amanat's remainder .466.
    let r = run(&["elect", "--format", "json", "--threshold", "7", MAZHILIS], "");
    assert_eq!(r.code, 0, "{r:?}");
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let seats: Vec<u64> =
        doc["parties"].as_array().unwrap().iter().map(|p| p["list_seats"].as_u64().unwrap()).collect();
    assert_eq!(seats, [46, 9, 7, 7, 0, 0, 0]);
    assert_eq!(doc["notes"][0]["kind"], "overridden");
    assert_eq!(doc["notes"][0]["field"], "threshold_percent");
    assert_eq!(doc["notes"][0]["to"], "7%");
    assert_eq!(doc["threshold"]["needed"], 445_651);
    for args in [
        vec!["elect", "--threshold", "7", MAZHILIS],
        vec!["metrics", "--threshold", "7", MAZHILIS],
        vec!["compare", "--by", "methods", "--threshold", "7", MAZHILIS],
        vec!["simulate", "--runs", "50", "--threshold", "7", MAZHILIS],
    ] {
        let r = run(&args, "");
        assert_eq!(r.code, 0, "{args:?}: {r:?}");
        assert!(
            r.stdout.contains("What if: threshold_percent is 7% instead of the rules' own."),
            "{args:?}: {}",
            r.stdout
        );
    }
    let r = run(&["hemicycle", "--threshold", "7", "-o", "-", MAZHILIS], "");
    assert!(r.stdout.contains("what if: threshold_percent 7%"), "{}", r.stdout);
    // Another body: the same lists under the Kurultai's 145 seats.
    let doc: serde_json::Value =
        serde_json::from_str(&run(&["elect", "--format", "json", "--body", "kurultai", MAZHILIS], "").stdout)
            .unwrap();
    assert_eq!(doc["seats"], 145);
    assert_eq!(doc["notes"][0]["from"], "mazhilis");
    // All seats by list.
    let doc: serde_json::Value = serde_json::from_str(
        &run(&["elect", "--format", "json", "--list-seats", "98", "--district-seats", "0", MAZHILIS], "")
            .stdout,
    )
    .unwrap();
    assert_eq!(doc["tiers"]["list"]["seats"], 98);
    assert!(doc["tiers"]["district"].is_null());
    // Bad values are usage errors.
    assert_fails(&run(&["elect", "--threshold", "101", MAZHILIS], ""), 2, &["--threshold"]);
    assert_fails(&run(&["elect", "--method", "borda", MAZHILIS], ""), 2, &["--method", "borda"]);
    assert_fails(&run(&["elect", "--body", "senate", MAZHILIS], ""), 2, &["--body", "senate"]);
    assert_fails(&run(&["elect", "--list-seats", "-3", MAZHILIS], ""), 2, &["--list-seats"]);
}

#[test]
fn diff_puts_2016_beside_2023_matching_renamed_parties() {
    const Y2016: &str = "scenarios/official/mazhilis-2016.json";
    const Y2023: &str = "scenarios/official/mazhilis-2023.json";
    let r = run(&["diff", "--format", "json", Y2016, Y2023], "");
    assert_eq!(r.code, 0, "{r:?}");
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let parties = doc["parties"].as_array().unwrap();
    let row =
        |name: &str| parties.iter().find(|p| p["party"] == name).unwrap_or_else(|| panic!("{name}: {doc}"));
    // Nur Otan (2016: 6,183,757 of 7,522,868 list votes, 84 seats; CEC) is
    // Amanat (2023: 3,431,510 of 6,366,441, 40 list seats; CEC).
    let amanat = row("Amanat");
    assert_eq!(amanat["registered"], "amanat");
    assert_eq!(amanat["before"]["name"], "Nur Otan");
    assert_eq!(amanat["before"]["votes"], 6_183_757);
    assert_eq!(amanat["before"]["seats"], 84);
    assert_eq!(amanat["after"]["seats"], 40);
    assert_eq!(amanat["seat_change"], -44);
    let swing = amanat["swing_points"].as_f64().unwrap();
    let expected = 3_431_510.0 * 100.0 / 6_366_441.0 - 6_183_757.0 * 100.0 / 7_522_868.0;
    assert!((swing - expected).abs() < 1e-9, "{swing} vs {expected}");
    // The Communist People's Party of 2016 is the People's Party of 2023: 7 seats, then 5.
    let qhp = row("People's Party of Kazakhstan");
    assert_eq!(qhp["before"]["name"], "Communist People's Party of Kazakhstan");
    assert_eq!(qhp["seat_change"], -2);
    // Respublica did not run in 2016; Birlik did not run in 2023.
    assert!(row("Respublica")["before"].is_null());
    assert!(row("Birlik")["after"].is_null());
    let table = run(&["diff", Y2016, Y2023], "").stdout;
    assert!(
        table.contains("Amanat (before: Nur Otan)")
            && table.contains("6,183,757")
            && table.contains("-28.30 pts"),
        "{table}"
    );
    assert!(table.contains("did not run"), "{table}");
    let csv = run(&["diff", "--format", "csv", Y2016, Y2023], "").stdout;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(reader.records().count(), parties.len());
    assert_fails(&run(&["diff", Y2016, "scenarios/referendum-2022.json"], ""), 2, &["referendum"]);
}

#[test]
fn the_report_can_put_an_earlier_election_beside_the_scenario() {
    let path = scratch("compared.html");
    let r = run(
        &[
            "report",
            "scenarios/official/mazhilis-2023.json",
            "--compare-with",
            "scenarios/official/mazhilis-2016.json",
            "-o",
            path.to_str().unwrap(),
        ],
        "",
    );
    assert_eq!(r.code, 0, "{r:?}");
    let page = std::fs::read_to_string(&path).unwrap();
    let xml = page.split_once('\n').map_or(page.as_str(), |(_, rest)| rest);
    let doc = roxmltree::Document::parse(xml).expect("well-formed XHTML");
    let section =
        doc.descendants().find(|n| n.attribute("id") == Some("compared")).expect("a compared section");
    let text: String =
        section.descendants().filter(|n| n.is_text()).map(|n| n.text().unwrap_or_default()).collect();
    assert!(text.contains("Amanat (before: Nur Otan)") && text.contains("6,183,757"), "{text}");
    let notes = doc.descendants().position(|n| n.attribute("id") == Some("notes"));
    let compared = doc.descendants().position(|n| n.attribute("id") == Some("compared"));
    assert!(compared < notes, "the comparison comes before the notes");
}

#[test]
fn a_scenario_sets_party_colours_and_the_registry_colours_the_rest() {
    let scenario = |colours: &str| {
        format!(
            r#"{{"body": "kurultai", "colours": {colours},
                "lists": [{{"party": "Nur Otan", "votes": 600}}, {{"party": "Auyl", "votes": 400}}]}}"#
        )
    };
    // Nur Otan is Amanat in the registry: Amanat's blue, unless the scenario says otherwise.
    let plain = run(&["hemicycle", "-o", "-", "-"], &scenario("{}")).stdout;
    assert!(plain.contains(saylau::party::find("Amanat").unwrap().colour), "{plain}");
    let given = run(&["hemicycle", "-o", "-", "-"], &scenario(r##"{"Amanat": "#ff0000"}"##)).stdout;
    assert!(given.contains("#ff0000"), "the scenario's colour, matched through the registry: {given}");
    assert!(given.contains(saylau::party::find("Auyl").unwrap().colour), "{given}");
    let bad = run(&["hemicycle", "-o", "-", "-"], &scenario(r#"{"Auyl": "green"}"#));
    assert_fails(&bad, 2, &["green", "Auyl"]);
}

#[test]
fn simulate_gives_each_candidate_their_chance_of_winning() {
    let r = run(
        &[
            "simulate",
            "--runs",
            "3000",
            "--seed",
            "5",
            "--format",
            "json",
            "scenarios/akim-illustrative.json",
        ],
        "",
    );
    assert_eq!(r.code, 0, "{r:?}");
    let doc: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let race = &doc["districts"][0];
    assert_eq!(race["name"], "Rural okrug");
    let chances: Vec<f64> =
        race["candidates"].as_array().unwrap().iter().map(|c| c["p_win"].as_f64().unwrap()).collect();
    // Every run elects one candidate or leaves the seat vacant.
    let total: f64 = chances.iter().sum::<f64>() + race["p_vacant"].as_f64().unwrap();
    assert!((total - 1.0).abs() < 1e-9, "{race}");
    // Candidate A leads with 1,840 of 3,685 votes to B's 1,275: the favourite.
    assert!(chances[0] > chances[1] && chances[1] >= chances[2], "{race}");
    assert_eq!(race["candidates"][0]["party"], "Amanat");
    let table =
        run(&["simulate", "--runs", "3000", "--seed", "5", "scenarios/akim-illustrative.json"], "").stdout;
    assert!(table.contains("chances of winning each district") && table.contains("Candidate A"), "{table}");
    // Without noise, the winner of `elect` wins every run.
    let quiet = std::fs::read_to_string("scenarios/akim-illustrative.json").unwrap().replacen(
        '{',
        r#"{"uncertainty": {"concentration": 0, "systematic_sd": 0, "district_sd": 0},"#,
        1,
    );
    let doc: serde_json::Value =
        serde_json::from_str(&run(&["simulate", "--runs", "100", "--format", "json", "-"], &quiet).stdout)
            .unwrap();
    assert_eq!(doc["districts"][0]["candidates"][0]["p_win"], 1.0);
}
