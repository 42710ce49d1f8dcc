//! Kazakh bodies under their statutory rules: presets, tier rules, scenario
//! files, and official results from `data/` (copies of the CEC figures with
//! their sources; never our own output).

use saylau::district::{AgainstAllRule, Candidate, District};
use saylau::note::{Assumption, Note};
use saylau::referendum::Verdict;
use saylau::runner_up::{LeftOver, RunnerUp};
use saylau::scenario::{Outcome, Scenario, ScenarioError};
use saylau::source::Applies;
use saylau::system::{Ballots, Overrides, PartyList, Preset, UnfilledSeats};
use saylau::{Error, Method, TieBreak};
use serde_json::Value;

const MAZHILIS_2023: &str = include_str!("../../data/mazhilis-2023.json");
const REFERENDUMS: &str = include_str!("../../data/referendums.json");

fn run(json: &str) -> Outcome {
    match Scenario::from_json(json).and_then(|s| s.run()) {
        Ok(o) => o,
        Err(e) => panic!("scenario failed: {e}"),
    }
}

fn body_result(json: &str) -> saylau::system::BodyResult {
    match run(json) {
        Outcome::Body(b) => b,
        Outcome::Referendum(_) => panic!("expected a body"),
    }
}

fn lists(votes: &[(&str, u64)]) -> Vec<PartyList> {
    votes.iter().map(|&(p, v)| PartyList { party: p.into(), votes: v, candidates: None }).collect()
}

fn race(name: &str, cands: &[(&str, Option<&str>, u64)], against_all: u64) -> District {
    District {
        name: name.into(),
        candidates: cands
            .iter()
            .map(|&(n, p, v)| Candidate { name: n.into(), party: p.map(Into::into), votes: v })
            .collect(),
        against_all,
    }
}

/// CEC final results of 19 March 2023 (data/mazhilis-2023.json): the 69
/// list seats from the 7 lists' votes and the "against all" votes.
#[test]
fn mazhilis_2023_list_seats_match_the_cec() {
    let data: Value = serde_json::from_str(MAZHILIS_2023).unwrap();
    let official: Vec<(String, u64, u64)> = data["lists"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["party"].as_str().unwrap().to_string(),
                l["votes"].as_u64().unwrap(),
                l["seats"].as_u64().unwrap(),
            )
        })
        .collect();
    let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    let ballots = Ballots {
        lists: official
            .iter()
            .map(|(p, v, _)| PartyList { party: p.clone(), votes: *v, candidates: None })
            .collect(),
        against_all: data["against_all"].as_u64().unwrap(),
        districts: vec![],
    };
    let result = body.elect(&ballots).unwrap();
    assert_eq!(result.seats, 98);
    for ((party, _, seats), got) in official.iter().zip(&result.parties) {
        assert_eq!(&got.party, party);
        assert_eq!(got.list_seats as u64, *seats, "{party}");
    }
    assert_eq!(result.undecided, 29, "no district results were given");
    assert!(result.notes.iter().any(|n| n.to_string().contains("Baytaq")), "{:?}", result.notes);
}

#[test]
fn mazhilis_2023_scenario_file_reproduces_the_cec() {
    let data: Value = serde_json::from_str(MAZHILIS_2023).unwrap();
    let result = body_result(include_str!("../../scenarios/mazhilis-2023.json"));
    let official: Vec<u64> =
        data["lists"].as_array().unwrap().iter().map(|l| l["seats"].as_u64().unwrap()).collect();
    let got: Vec<u64> = result.parties.iter().map(|p| p.list_seats as u64).collect();
    assert_eq!(got, official);
}

/// data/referendums.json: the CEC's outcomes of 2022, 2024 and 2026.
#[test]
fn referendums_reproduce_official_outcomes() {
    let data: Value = serde_json::from_str(REFERENDUMS).unwrap();
    let files = [
        include_str!("../../scenarios/referendum-2022.json"),
        include_str!("../../scenarios/referendum-2024.json"),
        include_str!("../../scenarios/referendum-2026.json"),
    ];
    let official = data["referendums"].as_array().unwrap();
    assert_eq!(official.len(), files.len());
    for (file, r) in files.iter().zip(official) {
        let Outcome::Referendum(o) = run(file) else { panic!("expected a referendum") };
        let want = match r["outcome"].as_str().unwrap() {
            "adopted" => Verdict::Adopted,
            "rejected" => Verdict::Rejected,
            other => panic!("unexpected outcome {other}"),
        };
        assert_eq!(o.outcome, want, "{}", r["date"]);
        assert!(o.valid);
    }
}

#[test]
fn every_scenario_file_runs() {
    for file in [
        include_str!("../../scenarios/mazhilis-2023.json"),
        include_str!("../../scenarios/regional-maslikhat-illustrative.json"),
        include_str!("../../scenarios/district-maslikhat-illustrative.json"),
        include_str!("../../scenarios/akim-illustrative.json"),
        include_str!("../../scenarios/referendum-2022.json"),
        include_str!("../../scenarios/referendum-2024.json"),
        include_str!("../../scenarios/referendum-2026.json"),
    ] {
        if let Outcome::Body(b) = run(file) {
            let decided: u32 = b.parties.iter().map(|p| p.seats).sum::<u32>() + b.independents;
            assert_eq!(decided + b.vacant + b.undecided, b.seats, "{}", b.body);
        }
    }
}

#[test]
fn presets_have_their_statutory_sizes() {
    let size = |p: Preset, o: Overrides| p.body(&o).map(|b| b.seats());
    assert_eq!(size(Preset::Mazhilis, Overrides::default()), Ok(98));
    assert_eq!(size(Preset::Mazhilis2021, Overrides::default()), Ok(98));
    assert_eq!(size(Preset::Kurultai, Overrides::default()), Ok(145));
    assert_eq!(size(Preset::Akim, Overrides::default()), Ok(1));
    let regional =
        Preset::RegionalMaslikhat.body(&Overrides { seats: Some(36), ..Default::default() }).unwrap();
    assert_eq!((regional.list.unwrap().seats, regional.districts.unwrap().seats), (18, 18));
    // An odd size gives the extra seat to the single-member tier.
    let odd = Preset::RegionalMaslikhat.body(&Overrides { seats: Some(37), ..Default::default() }).unwrap();
    assert_eq!((odd.list.unwrap().seats, odd.districts.unwrap().seats), (18, 19));
    let city = Preset::CityMaslikhat.body(&Overrides { seats: Some(30), ..Default::default() }).unwrap();
    assert!(city.list.is_none());
    assert_eq!(city.districts.unwrap().seats, 30);
    let district =
        Preset::DistrictMaslikhat.body(&Overrides { seats: Some(25), ..Default::default() }).unwrap();
    assert_eq!(district.districts.unwrap().seats, 25);
    let m2021 = Preset::Maslikhat2021.body(&Overrides { seats: Some(50), ..Default::default() }).unwrap();
    assert_eq!((m2021.list.unwrap().seats, m2021.districts), (50, None));
}

#[test]
fn impossible_sizes_are_refused() {
    let err = |p: Preset, o: Overrides| {
        matches!(
            p.body(&o),
            Err(Error::SizeRequired { .. }
                | Error::AboveLegalMaximum { .. }
                | Error::SizeMismatch { .. }
                | Error::EmptyBody { .. }
                | Error::AkimListSeats)
        )
    };
    assert!(err(Preset::RegionalMaslikhat, Overrides::default()), "a maslikhat needs a size");
    assert!(err(Preset::RegionalMaslikhat, Overrides { seats: Some(51), ..Default::default() }));
    assert!(err(Preset::DistrictMaslikhat, Overrides { seats: Some(31), ..Default::default() }));
    assert!(err(Preset::Mazhilis, Overrides { seats: Some(100), ..Default::default() }));
    assert!(err(
        Preset::Mazhilis,
        Overrides { list_seats: Some(0), district_seats: Some(0), ..Default::default() }
    ));
    assert!(err(Preset::Akim, Overrides { list_seats: Some(3), ..Default::default() }));
    assert!(err(Preset::Akim, Overrides { district_seats: Some(2), ..Default::default() }));
}

#[test]
fn mazhilis_2021_rules_apply_seven_percent_and_two_parties() {
    // Only A passes 7%: the 2009 rule admits B, the runner-up, with its
    // quotient times 0.7 (the full arithmetic is in runner_up_rule_worked_by_hand).
    let body = Preset::Mazhilis2021.body(&Overrides::default()).unwrap();
    let ballots = Ballots { lists: lists(&[("A", 900), ("B", 60), ("C", 40)]), ..Default::default() };
    let r = body.elect(&ballots).unwrap();
    let seats: Vec<u32> = r.parties.iter().map(|p| p.seats).collect();
    assert_eq!(seats, [93, 5, 0]);
    assert!(
        r.notes
            .iter()
            .any(|n| matches!(n, Note::RunnerUpAdmitted { lists, minimum: 2, seats: 5 } if lists == &["B"]))
    );
}

fn seats_of(preset: Preset, o: Overrides, votes: &[(&str, u64)], against_all: u64) -> (Vec<u32>, Vec<Note>) {
    let r = preset
        .body(&o)
        .unwrap()
        .elect(&Ballots { lists: lists(votes), against_all, districts: vec![] })
        .unwrap();
    (r.parties.iter().map(|p| p.list_seats).collect(), r.notes)
}

/// Art. 97(2)-(3) of the election law as amended on 9 February 2009, on
/// constructed votes worked by hand. 98 seats, 7% threshold of the list votes.
#[test]
fn runner_up_rule_worked_by_hand() {
    let m2009 = Preset::Mazhilis2021;
    // Case 1: A 900, B 60, C 40 (1,000 list votes; 7% = 70): only A passes,
    // B (the next largest) is admitted, C is not.
    //   first quota Q = (900 + 60) / 98 = 9.7959...
    //   A: 900 / Q = 900 x 98 / 960 = 91.875       -> 91, remainder .875
    //   B: 0.7 x 60 / Q = 0.7 x 60 x 98 / 960 = 4.2875 -> 4, remainder .2875
    //   whole seats 95, 3 left: one each in remainder order (A, B) -> 92, 5;
    //   the last one round again to A -> 93, 5.
    let (seats, notes) = seats_of(m2009, Overrides::default(), &[("A", 900), ("B", 60), ("C", 40)], 0);
    assert_eq!(seats, [93, 5, 0]);
    assert!(notes.contains(&Note::Assumed { rule: Assumption::RunnerUpRoundAgain }), "{notes:?}");
    assert!(!notes.contains(&Note::Assumed { rule: Assumption::RunnerUpAtLeastTwo }), "{notes:?}");
    // The rule is confirmed for 2009: not noted as assumed.
    assert!(!notes.contains(&Note::Assumed { rule: Assumption::RunnerUpRuleOn }), "{notes:?}");

    // Case 2: A 9,800, B 150, C 50 (10,000 votes; 7% = 700): only A passes.
    //   Q = (9,800 + 150) / 98 = 101.5306...
    //   A: 9,800 x 98 / 9,950 = 96.5226...         -> 96, remainder .5226
    //   B: 0.7 x 150 x 98 / 9,950 = 1.0342...      -> 1, raised to 2 by the
    //      "at least two seats" reading; whole seats 98, none left: 96, 2.
    let votes = [("A", 9_800), ("B", 150), ("C", 50)];
    let (seats, notes) = seats_of(m2009, Overrides::default(), &votes, 0);
    assert_eq!(seats, [96, 2, 0]);
    assert!(notes.contains(&Note::Assumed { rule: Assumption::RunnerUpAtLeastTwo }), "{notes:?}");
    let text: Vec<String> = notes.iter().map(ToString::to_string).collect();
    assert!(
        text.iter().any(|t| t.contains("B admitted as the runner-up")
            && t.contains("0.7")
            && t.contains("at least 2")),
        "{text:?}"
    );
    //   The other reading, no minimum: B keeps 1 (remainder .0342), the one
    //   seat left goes to A's remainder .5226: 97, 1.
    let corrected = Overrides { runner_up: Some(RunnerUp::Corrected), ..Default::default() };
    assert_eq!(seats_of(m2009, corrected, &votes, 0).0, [97, 1, 0]);

    // Case 3: two lists pass (A 800, B 200 of 1,000): the rule does not
    // apply; plain Hare: A 78.4 -> 78, B 19.6 -> 19, the last seat to B.
    assert_eq!(seats_of(m2009, Overrides::default(), &[("A", 800), ("B", 200)], 0).0, [78, 20]);

    // Case 4: the 2007 rules have no runner-up rule: A takes all 98.
    let (seats, _) =
        seats_of(Preset::Mazhilis2007, Overrides::default(), &[("A", 900), ("B", 60), ("C", 40)], 0);
    assert_eq!(seats, [98, 0, 0]);
}

#[test]
fn runner_up_rule_from_a_scenario_field() {
    let json = |rule: &str| {
        format!(
            r#"{{"body": "mazhilis-2021", "runner_up": "{rule}",
                "lists": [{{"party": "A", "votes": 9800}}, {{"party": "B", "votes": 150}}, {{"party": "C", "votes": 50}}]}}"#
        )
    };
    let seats = |rule| body_result(&json(rule)).parties.iter().map(|p| p.seats).collect::<Vec<u32>>();
    assert_eq!(seats("corrected-at-least-two"), [96, 2, 0]);
    assert_eq!(seats("corrected"), [97, 1, 0]);
    assert_eq!(seats("off"), [98, 0, 0]);
    // The 2023 rules: the rule is off, which is not confirmed.
    let r = body_result(
        r#"{"body": "mazhilis-2023", "lists": [{"party": "A", "votes": 9800}, {"party": "B", "votes": 150}]}"#,
    );
    assert!(r.notes.contains(&Note::Assumed { rule: Assumption::RunnerUpRuleOff }), "{:?}", r.notes);
    let off = Note::Assumed { rule: Assumption::RunnerUpRuleOff }.to_string();
    assert!(off.contains("\"runner_up\": \"corrected-at-least-two\""), "{off}");
}

#[test]
fn presets_by_period_and_their_names() {
    for (name, preset) in [
        ("mazhilis-2007", Preset::Mazhilis2007),
        ("mazhilis-2009", Preset::Mazhilis2021),
        ("mazhilis-2021", Preset::Mazhilis2021),
        ("mazhilis-2023", Preset::Mazhilis),
        ("mazhilis", Preset::Mazhilis),
        ("maslikhat-2021", Preset::Maslikhat2021),
        ("regional-maslikhat-2023", Preset::RegionalMaslikhat),
        ("regional-maslikhat", Preset::RegionalMaslikhat),
        ("city-maslikhat", Preset::CityMaslikhat),
        ("district-maslikhat-2023", Preset::DistrictMaslikhat),
        ("akim", Preset::Akim),
        ("akim-2021", Preset::Akim),
        ("kurultai-2026", Preset::Kurultai),
        ("Kurultai", Preset::Kurultai),
    ] {
        assert_eq!(name.parse::<Preset>(), Ok(preset), "{name}");
    }
    for p in Preset::ALL {
        assert_eq!(p.names()[0], p.period());
        assert!(p.names().contains(&p.name()), "{p}");
    }
    let Err(e) = "senate".parse::<Preset>() else { panic!("refused") };
    let e = e.to_string();
    assert!(e.contains("mazhilis-2009 (mazhilis-2021)") && e.contains("kurultai-2026 (kurultai)"), "{e}");
    // The list rules of each period: threshold, its base, the runner-up rule.
    let tier =
        |p: Preset| p.body(&Overrides { seats: Some(20), ..Default::default() }).ok().and_then(|b| b.list);
    let rules =
        |p: Preset| tier(p).map(|t| (t.threshold.percent().to_string(), t.against_all_in_base, t.runner_up));
    assert_eq!(rules(Preset::Mazhilis2007), None, "98 seats, not 20");
    let tier98 = |p: Preset| p.body(&Overrides::default()).unwrap().list.unwrap();
    for (p, percent, base, runner_up) in [
        (Preset::Mazhilis2007, "7", false, RunnerUp::Off),
        (Preset::Mazhilis2021, "7", false, RunnerUp::CorrectedAtLeastTwo),
        (Preset::Mazhilis, "5", true, RunnerUp::Off),
        (Preset::Kurultai, "5", true, RunnerUp::Off),
    ] {
        let t = tier98(p);
        assert_eq!(
            (t.threshold.percent().to_string(), t.against_all_in_base, t.runner_up),
            (percent.into(), base, runner_up),
            "{p}"
        );
    }
    assert_eq!(rules(Preset::Maslikhat2021), Some(("7".into(), false, RunnerUp::Off)));
    assert_eq!(rules(Preset::RegionalMaslikhat), Some(("5".into(), true, RunnerUp::Off)));
}

#[test]
fn list_length_limit_is_1_3_times_the_seats_to_the_nearest() {
    // CEC 2023: at most 90 names for 69 seats (69 x 1.3 = 89.7); 2007: Nur
    // Otan's 127 names for 98 seats were the maximum (98 x 1.3 = 127.4).
    let max = |p: Preset| p.body(&Overrides::default()).unwrap().list.unwrap().max_list_length;
    assert_eq!(max(Preset::Mazhilis), Some(90));
    assert_eq!(max(Preset::Mazhilis2007), Some(127));
    assert_eq!(max(Preset::Mazhilis2021), Some(127));
}

#[test]
fn threshold_base_follows_the_period() {
    // B has 7 of 100 list votes (7%); with 10 "against all" it would have
    // 7 of 110 (6.4%). Before 2023 "against all" is not in the base.
    let votes = [("A", 93), ("B", 7)];
    let (seats, _) = seats_of(Preset::Mazhilis2007, Overrides::default(), &votes, 10);
    assert!(seats[1] > 0, "{seats:?}");
    let seven = Overrides { threshold: Some("7".parse().unwrap()), ..Default::default() };
    let (seats, _) = seats_of(Preset::Mazhilis, seven, &votes, 10);
    assert_eq!(seats[1], 0, "2023: \"against all\" is in the base");
}

#[test]
fn maslikhat_sizes_say_which_maslikhat() {
    let err = |p: Preset, seats| {
        p.body(&Overrides { seats: Some(seats), ..Default::default() }).unwrap_err().to_string()
    };
    let city = err(Preset::CityMaslikhat, 31);
    assert!(
        city.contains("city-maslikhat") && city.contains("at most 30") && city.contains("Astana"),
        "{city}"
    );
    let district = err(Preset::DistrictMaslikhat, 26);
    assert!(
        district.contains("district maslikhat has at most 25") && district.contains("city-maslikhat"),
        "{district}"
    );
    let regional = err(Preset::RegionalMaslikhat, 51);
    assert!(regional.contains("Astana, Almaty and Shymkent") && regional.contains("50"), "{regional}");
    let need = Preset::DistrictMaslikhat.body(&Overrides::default()).unwrap_err().to_string();
    assert!(need.contains("at most 25 for a district maslikhat"), "{need}");
}

#[test]
fn every_rule_of_every_preset_has_a_source() {
    for p in Preset::ALL {
        let s = p.source();
        assert!(!s.law.is_empty() && !s.confirmed.is_empty(), "{p}");
        for c in s.confirmed {
            let text = c.to_string();
            assert!(!c.rule.is_empty() && text.len() > c.rule.len() + 10, "{p}: {text}");
        }
        for a in s.assumed {
            assert!(!a.checked().is_empty() && !a.alternative().is_empty(), "{p}: {a:?}");
        }
        let all: String = s
            .confirmed
            .iter()
            .map(ToString::to_string)
            .chain(s.assumed.iter().map(ToString::to_string))
            .collect();
        for internal in ["brief", "our ", "we "] {
            assert!(!all.to_lowercase().contains(internal), "{p}: {internal:?} in {all}");
        }
    }
}

#[test]
fn results_print_the_sources_that_decided_them() {
    let r = body_result(include_str!("../../scenarios/mazhilis-2023.json"));
    let Some(Note::Rules { period, confirmed, .. }) = r.notes.first() else { panic!("{:?}", r.notes) };
    assert_eq!(*period, "mazhilis-2023");
    // Lists were counted, no district was: the list rules are there, the
    // single-member rule is not.
    assert!(confirmed.iter().any(|c| c.applies == Applies::Lists));
    assert!(!confirmed.iter().any(|c| c.applies == Applies::Districts));
    let text = r.notes[0].to_string();
    assert!(text.starts_with("Rules: mazhilis, the rules of mazhilis-2023 ("), "{text}");
    assert!(text.contains("Confirmed: ") && text.contains("vlast.kz/novosti/54446"), "{text}");
}

#[test]
fn against_all_counts_in_the_mazhilis_threshold_base() {
    // B has 5,000 of 100,000 party votes (5%) but 4.76% of the base with
    // 5,000 "against all" votes: it falls below.
    let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    let mut ballots = Ballots { lists: lists(&[("A", 95_000), ("B", 5_000)]), ..Default::default() };
    assert_eq!(body.elect(&ballots).unwrap().parties[1].list_seats, 3);
    ballots.against_all = 5_000;
    let r = body.elect(&ballots).unwrap();
    assert_eq!((r.parties[0].list_seats, r.parties[1].list_seats), (69, 0));
    assert_eq!(r.parties[1].eligible, Some(false));
}

#[test]
fn short_lists_redistribute_or_leave_seats_vacant() {
    // A wins 8 of 10 seats by Hare but has only 5 candidates.
    let mut l = lists(&[("A", 800), ("B", 150), ("C", 50)]);
    l[0].candidates = Some(5);
    let ballots = Ballots { lists: l, ..Default::default() };
    let o = |unfilled| Overrides {
        list_seats: Some(10),
        district_seats: Some(0),
        threshold: Some("0".parse().unwrap()),
        unfilled_seats: Some(unfilled),
        ..Default::default()
    };
    let redistribute =
        Preset::Kurultai.body(&o(UnfilledSeats::Redistribute)).unwrap().elect(&ballots).unwrap();
    // The 5 open seats among B and C by Hare: quota 40; B 3.75, C 1.25 -> 4, 1.
    let seats: Vec<u32> = redistribute.parties.iter().map(|p| p.seats).collect();
    assert_eq!((seats.as_slice(), redistribute.vacant), (&[5, 4, 1][..], 0));
    let vacant = Preset::Kurultai.body(&o(UnfilledSeats::Vacant)).unwrap().elect(&ballots).unwrap();
    let seats: Vec<u32> = vacant.parties.iter().map(|p| p.seats).collect();
    assert_eq!((seats.as_slice(), vacant.vacant), (&[5, 2, 0][..], 3));
    assert!(vacant.notes.iter().any(|n| n.to_string().contains("vacant")));
}

#[test]
fn lists_longer_than_the_legal_maximum_are_reported() {
    // 69 list seats: at most 1.3 x 69 = 89.7, rounded to 90 names (the CEC
    // allowed 90 in 2023).
    let mut l = lists(&[("A", 800), ("B", 200)]);
    l[0].candidates = Some(91);
    l[1].candidates = Some(90);
    let r = Preset::Mazhilis
        .body(&Overrides::default())
        .unwrap()
        .elect(&Ballots { lists: l, ..Default::default() });
    let notes = r.unwrap().notes;
    assert!(notes.contains(&Note::ListTooLong { party: "A".into(), candidates: 91, max: 90 }), "{notes:?}");
    assert!(!notes.iter().any(|n| matches!(n, Note::ListTooLong { party, .. } if party == "B")));
    let text: Vec<String> = notes.iter().map(ToString::to_string).collect();
    assert!(text.iter().any(|n| n.starts_with("A registered 91 candidates") && n.contains("90")), "{text:?}");
}

#[test]
fn district_tier_counts_party_and_independent_winners() {
    let body = Preset::DistrictMaslikhat.body(&Overrides { seats: Some(3), ..Default::default() }).unwrap();
    let ballots = Ballots {
        districts: vec![
            race("D1", &[("a", Some("Amanat"), 50), ("b", None, 40)], 5),
            race("D2", &[("c", None, 70), ("d", Some("Auyl"), 20)], 5),
            race("D3", &[("e", Some("Auyl"), 30), ("f", Some("Amanat"), 10)], 5),
        ],
        ..Default::default()
    };
    let r = body.elect(&ballots).unwrap();
    assert_eq!(r.independents, 1);
    let names: Vec<(&str, u32)> = r.parties.iter().map(|p| (p.party.as_str(), p.district_seats)).collect();
    assert_eq!(names, [("Amanat", 1), ("Auyl", 1)]);
    assert_eq!(r.districts[1].winner.as_deref(), Some("c"));
    assert_eq!(r.districts[1].party, None);
}

#[test]
fn against_all_win_elects_leader_or_forces_a_repeat() {
    let ballots = Ballots {
        districts: vec![race("D1", &[("a", Some("A"), 30), ("b", None, 20)], 60)],
        ..Default::default()
    };
    let leader = Preset::Akim.body(&Overrides::default()).unwrap().elect(&ballots).unwrap();
    assert_eq!(leader.districts[0].winner.as_deref(), Some("a"));
    assert!(leader.districts[0].against_all_won);
    assert!(leader.notes.iter().any(|n| n.to_string().contains("against all")));
    let repeat = Preset::Akim
        .body(&Overrides { against_all_rule: Some(AgainstAllRule::Repeat), ..Default::default() })
        .unwrap()
        .elect(&ballots)
        .unwrap();
    assert_eq!((repeat.districts[0].winner.as_deref(), repeat.vacant), (None, 1));
}

#[test]
fn district_ties_follow_the_body_tie_rule() {
    let ballots =
        Ballots { districts: vec![race("D1", &[("a", None, 30), ("b", None, 30)], 0)], ..Default::default() };
    let strict = Preset::Akim.body(&Overrides { ties: Some(TieBreak::Error), ..Default::default() }).unwrap();
    assert_eq!(
        strict.elect(&ballots),
        Err(Error::DistrictTie { district: "D1".into(), candidates: vec!["a".into(), "b".into()] })
    );
    // The presets' default: the candidate listed first.
    let r = Preset::Akim.body(&Overrides::default()).unwrap().elect(&ballots).unwrap();
    assert_eq!(r.districts[0].winner.as_deref(), Some("a"));
}

#[test]
fn ballots_that_do_not_fit_the_body_are_refused() {
    let akim = Preset::Akim.body(&Overrides::default()).unwrap();
    let with_lists = Ballots { lists: lists(&[("A", 1)]), ..Default::default() };
    assert!(matches!(akim.elect(&with_lists), Err(Error::NoListTier { lists: 1, .. })));
    let two = Ballots {
        districts: vec![race("D1", &[("a", None, 3)], 0), race("D2", &[("b", None, 3)], 0)],
        ..Default::default()
    };
    assert!(matches!(akim.elect(&two), Err(Error::TooManyDistricts { seats: 1, given: 2, .. })));
    let kurultai = Preset::Kurultai.body(&Overrides::default()).unwrap();
    let dup = Ballots { lists: lists(&[("A", 5), ("A", 6)]), ..Default::default() };
    assert!(matches!(kurultai.elect(&dup), Err(Error::DuplicateParty { .. })));
    let maslikhat =
        Preset::DistrictMaslikhat.body(&Overrides { seats: Some(2), ..Default::default() }).unwrap();
    let same_name = Ballots {
        districts: vec![race("D1", &[("a", None, 3)], 0), race("D1", &[("b", None, 3)], 0)],
        ..Default::default()
    };
    assert_eq!(maslikhat.elect(&same_name), Err(Error::DuplicateDistrict { district: "D1".into() }));
    let empty = Ballots { districts: vec![race("D1", &[], 5)], ..Default::default() };
    assert_eq!(maslikhat.elect(&empty), Err(Error::NoCandidates { district: "D1".into() }));
}

#[test]
fn kurultai_says_its_rules_are_assumed() {
    let r = body_result(
        r#"{"body": "kurultai", "lists": [{"party": "A", "votes": 10}, {"party": "B", "votes": 9}]}"#,
    );
    assert_eq!(r.seats, 145);
    assert!(r.notes.contains(&Note::Assumed { rule: Assumption::KurultaiListRules }), "{:?}", r.notes);
    assert!(
        r.notes.iter().any(|n| n.to_string().starts_with("Assumed:") && n.to_string().contains("Mazhilis"))
    );
}

#[test]
fn overrides_change_one_rule() {
    // The 2023 votes with D'Hondt instead of Hare.
    let mut s = Scenario::from_json(include_str!("../../scenarios/mazhilis-2023.json")).unwrap();
    s.method = Some(Method::DHondt);
    let Outcome::Body(r) = s.run().unwrap() else { panic!() };
    assert_eq!(r.parties.iter().map(|p| p.list_seats).sum::<u32>(), 69);
    // D'Hondt on 3,431,510 / 693,938 / 547,154 / 535,139 / 432,920 /
    // 331,058 gives Amanat more than Hare's 40.
    assert!(r.parties[0].list_seats > 40, "{:?}", r.parties[0]);
}

#[test]
fn scenario_typos_are_errors_with_a_position() {
    let e = Scenario::from_json(r#"{"body": "mazhilis", "treshold_percent": 3}"#).unwrap_err();
    let ScenarioError::Parse { line, message, .. } = e else { panic!("parse error expected") };
    assert_eq!(line, 1);
    assert!(message.contains("treshold_percent"), "{message}");
    for bad in [
        "",
        "[]",
        "{}",
        r#"{"body": "senate", "lists": [{"party": "A", "votes": 1}]}"#,
        r#"{"body": "kurultai", "lists": [{"party": "A", "votes": -1}]}"#,
        r#"{"body": "kurultai", "lists": [{"party": "A", "votes": "12"}]}"#,
        r#"{"body": "kurultai", "lists": [{"party": "A"}]}"#,
        r#"{"body": "kurultai", "lists": [{"party": "A", "votes": 1}], "threshold_percent": 101}"#,
        r#"{"body": "kurultai"}"#,
        r#"{"body": "referendum"}"#,
        r#"{"body": "referendum", "lists": [{"party": "A", "votes": 1}], "referendum": {"registered": 2, "took_part": 2, "yes": 2}}"#,
    ] {
        let outcome = Scenario::from_json(bad).and_then(|s| s.run());
        assert!(outcome.is_err(), "{bad:?} should be refused");
    }
}

#[test]
fn a_body_larger_than_u32_seats_is_refused() {
    let mut body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    body.list.as_mut().unwrap().seats = u32::MAX;
    let ballots = Ballots { lists: lists(&[("A", 1)]), ..Default::default() };
    assert!(matches!(body.elect(&ballots), Err(Error::TooManySeats { .. })));
    assert_eq!(body.seats(), u32::MAX);
}

#[test]
fn huge_threshold_numbers_are_refused_briefly() {
    let e = Scenario::from_json(
        r#"{"body": "kurultai", "threshold_percent": 1e300, "lists": [{"party": "A", "votes": 1}]}"#,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("too large") && e.len() < 120, "{e}");
}

#[test]
fn akim_with_list_seats_names_the_list_seats() {
    let o = Overrides { list_seats: Some(1), ..Default::default() };
    let Err(e) = Preset::Akim.body(&o) else { panic!("refused") };
    assert_eq!(e, Error::AkimListSeats);
    assert!(e.to_string().contains("list_seats must be 0"), "{e}");
}

#[test]
fn duplicate_party_message_counts_from_one() {
    let e = Error::DuplicateParty { name: "A".into(), first: 0, second: 2 };
    assert_eq!(e.to_string(), "party name \"A\" appears twice (entries 1 and 3, counting from 1)");
}

#[test]
fn permuting_districts_changes_nothing() {
    let body = Preset::DistrictMaslikhat.body(&Overrides { seats: Some(4), ..Default::default() }).unwrap();
    let ds = vec![
        race("D1", &[("a", Some("A"), 50), ("b", Some("B"), 40)], 5),
        race("D2", &[("c", None, 70), ("d", Some("B"), 20)], 5),
        race("D3", &[("e", Some("B"), 30), ("f", Some("A"), 10)], 5),
        race("D4", &[("g", Some("A"), 30), ("h", Some("B"), 10)], 5),
    ];
    let forward = body.elect(&Ballots { districts: ds.clone(), ..Default::default() }).unwrap();
    let mut rev = ds;
    rev.reverse();
    let backward = body.elect(&Ballots { districts: rev, ..Default::default() }).unwrap();
    let totals = |r: &saylau::system::BodyResult| {
        let mut v: Vec<(String, u32)> = r.parties.iter().map(|p| (p.party.clone(), p.seats)).collect();
        v.sort();
        (v, r.independents)
    };
    assert_eq!(totals(&forward), totals(&backward));
}

#[test]
fn maslikhat_2021_counts_every_seat_by_list_and_says_its_list_rules_are_not_confirmed() {
    // 20 seats, 7% of 1,000 list votes = 70: C (60) is out. Hare among A and
    // B: 700 x 20 / 940 = 14.89 -> 14, 240 x 20 / 940 = 5.11 -> 5; the last
    // seat to A's remainder .89.
    let r = body_result(
        r#"{"body": "maslikhat-2021", "seats": 20,
            "lists": [{"party": "A", "votes": 700}, {"party": "B", "votes": 240}, {"party": "C", "votes": 60}]}"#,
    );
    assert_eq!(r.parties.iter().map(|p| p.seats).collect::<Vec<u32>>(), [15, 5, 0]);
    assert!(r.notes.contains(&Note::Assumed { rule: Assumption::MaslikhatListRules2021 }), "{:?}", r.notes);
}

#[test]
fn a_district_party_close_to_a_list_name_is_refused_with_a_suggestion() {
    let scenario = |party: &str| {
        format!(
            r#"{{"body": "mazhilis", "lists": [{{"party": "Amanat", "votes": 900}}, {{"party": "Auyl", "votes": 100}}],
                "districts": [{{"name": "Astana No. 1", "candidates": [
                    {{"name": "Aigerim", "party": "{party}", "votes": 70}},
                    {{"name": "Bolat", "party": null, "votes": 30}}]}}]}}"#
        )
    };
    let err = Scenario::from_json(&scenario("Amanatt")).unwrap().run().unwrap_err();
    assert_eq!(
        err,
        ScenarioError::Invalid(Error::PartyNameSlip {
            district: "Astana No. 1".into(),
            candidate: "Aigerim".into(),
            party: "Amanatt".into(),
            suggestion: "Amanat".into(),
        })
    );
    assert!(err.to_string().contains("did you mean \"Amanat\"?"), "{err}");
    // The exact name, or a party far from every list's name, is accepted.
    for fine in ["Amanat", "Respublica"] {
        let r = body_result(&scenario(fine));
        assert_eq!(r.districts[0].party.as_deref(), Some(fine));
    }
}

#[test]
fn a_single_member_body_without_seats_takes_its_size_from_the_districts() {
    let r = body_result(
        r#"{"body": "district-maslikhat", "districts": [
            {"name": "D1", "candidates": [{"name": "a", "party": "A", "votes": 5}]},
            {"name": "D2", "candidates": [{"name": "b", "party": null, "votes": 5}]},
            {"name": "D3", "candidates": [{"name": "c", "party": "A", "votes": 5}]}]}"#,
    );
    assert_eq!((r.seats, r.undecided), (3, 0));
    assert!(r.notes.contains(&Note::SizeFromDistricts { seats: 3 }), "{:?}", r.notes);
    let text = Note::SizeFromDistricts { seats: 3 }.to_string();
    assert_eq!(text, "No \"seats\" given: the body has the 3 districts given (every seat single-member).");
    // More districts than the law allows is still refused, and saying so.
    let many: Vec<String> = (0..26)
        .map(|i| {
            format!(r#"{{"name": "D{i}", "candidates": [{{"name": "c{i}", "party": null, "votes": 1}}]}}"#)
        })
        .collect();
    let json = format!(r#"{{"body": "district-maslikhat", "districts": [{}]}}"#, many.join(","));
    let err = Scenario::from_json(&json).unwrap().run().unwrap_err().to_string();
    assert!(err.contains("26 seats") && err.contains("at most 25"), "{err}");
}

#[test]
fn a_threshold_below_one_percent_is_questioned() {
    let r = body_result(
        r#"{"body": "kurultai", "threshold_percent": 0.05,
            "lists": [{"party": "A", "votes": 600}, {"party": "B", "votes": 400}]}"#,
    );
    let note = Note::ThresholdFraction { given: "0.05".into(), suggested: "5".into() };
    assert!(r.notes.contains(&note), "{:?}", r.notes);
    assert!(note.to_string().contains("did you mean 5%?"), "{note}");
    // 0 (no threshold) and 1 or more are not questioned.
    for fine in ["0", "1", "5"] {
        let r = body_result(&format!(
            r#"{{"body": "kurultai", "threshold_percent": {fine}, "lists": [{{"party": "A", "votes": 6}}]}}"#
        ));
        assert!(!r.notes.iter().any(|n| matches!(n, Note::ThresholdFraction { .. })), "{fine}");
    }
}

/// When the 0.7 correction leaves more seats than lists, the seats left after
/// one round of remainders go round again (default) or, in the other
/// reading, to the largest list.
#[test]
fn runner_up_left_over_seats_round_again_or_to_the_largest() {
    // 1,000 list votes: A 300 passes 7% (70); B 69 is the runner-up; ten
    // small lists share 631 (nine of 63, one of 64).
    //   Q = (300 + 69) / 98;  A: 300 x 98 / 369 = 79.6748 -> 79 (rem .6748)
    //   B: 0.7 x 69 x 98 / 369 = 12.8276 -> 12 (rem .8276); 7 seats left.
    //   Round again: B, A, B, A, B, A, B -> A 82, B 16.
    //   To the largest: one round (B 13, A 80), then the 5 left to A -> A 85, B 13.
    let mut votes: Vec<(String, u64)> = vec![("A".into(), 300), ("B".into(), 69)];
    votes.extend((1..=10).map(|i| (format!("C{i}"), if i == 10 { 64 } else { 63 })));
    let votes: Vec<(&str, u64)> = votes.iter().map(|(p, v)| (p.as_str(), *v)).collect();
    let (seats, notes) = seats_of(Preset::Mazhilis2021, Overrides::default(), &votes, 0);
    assert_eq!(&seats[..2], [82, 16]);
    assert_eq!(seats[2..].iter().sum::<u32>(), 0);
    assert!(notes.contains(&Note::Assumed { rule: Assumption::RunnerUpRoundAgain }), "{notes:?}");
    let to_largest = Overrides { runner_up_left_over: Some(LeftOver::ToLargest), ..Default::default() };
    let (seats, notes) = seats_of(Preset::Mazhilis2021, to_largest, &votes, 0);
    assert_eq!(&seats[..2], [85, 13]);
    assert!(!notes.contains(&Note::Assumed { rule: Assumption::RunnerUpRoundAgain }), "{notes:?}");
}
