//! Reproduces the party-list seats of Kazakhstan's 2023 Mazhilis election.
//!
//! The 69 list seats were allocated among the parties that reached 5% of the
//! party-list votes plus the "against all" votes (invalid ballots excluded),
//! by the Hare quota with largest remainders. This example:
//!
//! 1. reads the official figures embedded from `data/mazhilis-2023.json`
//!    (source: Central Election Commission of Kazakhstan, final results of
//!    19 March 2023, as reported by the Astana Times, vlast.kz and
//!    kazpravda.kz; see `data/README.md`);
//! 2. applies the 5% threshold with [`Threshold::eligible`];
//! 3. allocates the seats by Hare with [`TieBreak::ListOrder`] and prints,
//!    per party, the votes, the share of the threshold base, eligibility,
//!    whole seats and remainder (from [`Apportioner::explain`]), the seats
//!    and the official seats;
//! 4. says whether the result matches the official one (exit code 1 if not);
//! 5. shows the same votes under every method in [`Method::ALL`];
//! 6. elects a full 98-seat Mazhilis with the `mazhilis` preset: the official
//!    list votes plus 29 single-member districts whose candidate votes are
//!    ILLUSTRATIVE (per-district votes were not published in the sources available; they are made up
//!    so that the winners match the official aggregate, 22 Amanat and 7
//!    self-nominated);
//! 7. elects the same list votes under the 2021 rules (98 list seats, 7%) and
//!    under the 2026 Kurultai preset (145 list seats, assumed Mazhilis rules).
//!
//! Run it with:
//!
//! ```text
//! cargo run --release --example mazhilis_2023
//! ```

use std::process::ExitCode;

use saylau::district::{Candidate, District};
use saylau::system::{Ballots, BodyResult, Overrides, PartyList, Preset};
use saylau::{Audit, Method, Threshold, TieBreak};
use serde_json::Value;

/// The official figures, embedded at compile time (nothing is read at run time).
const DATA: &str = include_str!("../data/mazhilis-2023.json");

struct List {
    party: String,
    votes: u64,
    official: u32,
}

/// `1234567` as `1,234,567`.
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A short column header for each method of [`Method::ALL`].
fn short(method: Method) -> &'static str {
    match method.to_string().as_str() {
        "dhondt" => "DH",
        "sainte-lague" => "SL",
        "modified-sainte-lague" => "mSL",
        "huntington-hill" => "HH",
        "adams" => "Adams",
        "dean" => "Dean",
        "danish" => "Dan",
        "imperiali" => "Imp",
        "hare" => "Hare",
        "droop" => "Droop",
        "hagenbach-bischoff" => "HB",
        "imperiali-quota" => "ImpQ",
        _ => "?",
    }
}

#[expect(clippy::too_many_lines, reason = "an example reads top to bottom as a walk-through")]
fn main() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let data: Value = serde_json::from_str(DATA)?;
    let field = |key: &str| data[key].as_u64().ok_or_else(|| format!("data: missing number `{key}`"));
    let source = data["source"].as_str().unwrap_or("(no source given)");
    let date = data["date"].as_str().unwrap_or("?");
    let against_all = field("against_all")?;
    let seats = u32::try_from(field("list_seats")?)?;
    let percent = field("threshold_percent")?;
    let lists: Vec<List> = data["lists"]
        .as_array()
        .ok_or("data: missing `lists`")?
        .iter()
        .map(|l| -> Result<List, Box<dyn std::error::Error>> {
            Ok(List {
                party: l["party"].as_str().ok_or("data: list without `party`")?.to_string(),
                votes: l["votes"].as_u64().ok_or("data: list without `votes`")?,
                official: u32::try_from(l["seats"].as_u64().ok_or("data: list without `seats`")?)?,
            })
        })
        .collect::<Result<_, _>>()?;

    let votes: Vec<u64> = lists.iter().map(|l| l.votes).collect();
    let threshold: Threshold = percent.to_string().parse()?;
    let eligible = threshold.eligible(&votes, against_all);
    let base: u64 = votes.iter().sum::<u64>() + against_all;
    let taking_part: Vec<u64> = votes.iter().zip(&eligible).map(|(&v, &e)| if e { v } else { 0 }).collect();

    let hare = Method::HARE.apportioner().ties(TieBreak::ListOrder);
    let allocation = hare.apportion(&taking_part, seats)?;
    let Audit::Quota(audit) = hare.explain(&taking_part, &allocation)? else {
        return Err("Hare gave a divisor audit".into());
    };

    println!("Mazhilis election of {date}: {seats} party-list seats");
    println!("Source: {source}.");
    println!();
    println!(
        "Threshold {threshold} of party votes + 'against all' = {} + {} = {} votes.",
        grouped(base - against_all),
        grouped(against_all),
        grouped(base)
    );
    println!(
        "Hare quota = {} votes of eligible lists / {seats} seats = {} votes per seat; \
         {} seats by whole quotas, {} by largest remainders.",
        grouped(taking_part.iter().sum()),
        audit.quota,
        audit.whole_seats,
        u64::from(seats) - audit.whole_seats
    );
    println!();

    let width = lists.iter().map(|l| l.party.len()).max().unwrap_or(5).max(5);
    println!(
        "{:<width$}  {:>10}  {:>7}  {:>8}  {:>5}  {:>10}   {:>5}  {:>8}",
        "party", "votes", "share", "eligible", "whole", "remainder", "seats", "official"
    );
    for (i, l) in lists.iter().enumerate() {
        let row = &audit.parties[i];
        let share = l.votes as f64 * 100.0 / base as f64;
        let (whole, remainder) = if eligible[i] {
            let mark = if row.adjustment > 0 { "+" } else { " " };
            (row.whole.to_string(), format!("{}{mark}", row.remainder))
        } else {
            ("-".to_string(), "- ".to_string())
        };
        println!(
            "{:<width$}  {:>10}  {:>6.2}%  {:>8}  {:>5}  {:>11}  {:>5}  {:>8}",
            l.party,
            grouped(l.votes),
            share,
            if eligible[i] { "yes" } else { "no" },
            whole,
            remainder,
            allocation.seats()[i],
            l.official
        );
    }
    let total: u32 = allocation.seats().iter().sum();
    let official_total: u32 = lists.iter().map(|l| l.official).sum();
    println!(
        "{:<width$}  {:>10}  {:>7}  {:>8}  {:>5}  {:>11}  {:>5}  {:>8}",
        "total",
        grouped(votes.iter().sum()),
        "",
        "",
        audit.whole_seats,
        "",
        total,
        official_total
    );
    println!("(+ marks the remainders that won a seat)");
    if let Some(tie) = allocation.tie() {
        println!(
            "Tie broken by {}: parties {:?} for {} seat(s), won by {:?}",
            tie.policy, tie.parties, tie.seats, tie.winners
        );
    }
    println!();

    let differs: Vec<String> = lists
        .iter()
        .zip(allocation.seats())
        .filter(|&(l, &s)| l.official != s)
        .map(|(l, &s)| format!("{} ({s} computed, {} official)", l.party, l.official))
        .collect();
    if differs.is_empty() {
        println!("Matches the official CEC result: yes");
    } else {
        println!("Matches the official CEC result: NO — differs for {}", differs.join(", "));
    }
    println!();

    println!("The same votes (5% threshold applied) under every method, {seats} seats:");
    let columns: Vec<(Method, Result<Vec<u32>, saylau::Error>)> = Method::ALL
        .iter()
        .map(|&m| {
            (
                m,
                m.apportioner()
                    .ties(TieBreak::ListOrder)
                    .apportion(&taking_part, seats)
                    .map(saylau::Allocation::into_seats),
            )
        })
        .collect();
    print!("{:<width$}", "party");
    for (m, _) in &columns {
        print!("  {:>5}", short(*m));
    }
    println!("  {:>8}", "official");
    for (i, l) in lists.iter().enumerate() {
        print!("{:<width$}", l.party);
        for (_, r) in &columns {
            match r {
                Ok(s) => print!("  {:>5}", s[i]),
                Err(_) => print!("  {:>5}", "err"),
            }
        }
        println!("  {:>8}", l.official);
    }
    for (m, r) in &columns {
        if let Err(e) = r {
            println!("{}: {e}", m.label());
        }
    }
    let legend: Vec<String> = Method::ALL.iter().map(|&m| format!("{} = {}", short(m), m.label())).collect();
    println!("Methods: {}.", legend.join(", "));
    println!("All columns use ties broken by list order (registration order), as the law does for Hare.");

    println!();
    let party_lists: Vec<PartyList> = lists
        .iter()
        .map(|l| PartyList { party: l.party.clone(), votes: l.votes, candidates: None })
        .collect();
    let against_all = data["against_all"].as_u64().ok_or("against_all missing")?;
    let districts = illustrative_districts(&data)?;
    let full = Preset::Mazhilis.body(&Overrides::default())?;
    let result = full.elect(&Ballots { lists: party_lists.clone(), against_all, districts })?;
    println!("A full 98-seat Mazhilis (preset `mazhilis`): official list votes, ILLUSTRATIVE districts.");
    println!(
        "Per-district candidate votes were not published in the sources available: the 29 races below are made up so that"
    );
    println!("their winners match the official aggregate (22 Amanat, 7 self-nominated).");
    print_body(&result);
    let official_districts = &data["district_seats_won"];
    println!(
        "Official district seats: Amanat {}, self-nominated {}.",
        official_districts["Amanat"], official_districts["independent"]
    );
    println!();

    for (preset, what) in [
        (
            Preset::Mazhilis2021,
            "The same list votes under the 2021 rules (98 list seats, 7% of party votes, no \"against all\"):",
        ),
        (
            Preset::Kurultai,
            "The same list votes under the 2026 Kurultai preset (145 list seats; rules ASSUMED, see notes):",
        ),
    ] {
        println!("{what}");
        let body = preset.body(&Overrides::default())?;
        let r = body.elect(&Ballots { lists: party_lists.clone(), against_all, districts: vec![] })?;
        print_body(&r);
        println!();
    }

    Ok(if differs.is_empty() { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

/// 29 made-up single-member races, named after the official number of
/// districts per region, won by Amanat's nominee in the first 22 and by a
/// self-nominated candidate in the last 7 (the official aggregate).
fn illustrative_districts(data: &Value) -> Result<Vec<District>, Box<dyn std::error::Error>> {
    let regions = data["districts_per_region"].as_object().ok_or("districts_per_region missing")?;
    let mut out = Vec::new();
    for (region, count) in regions {
        for k in 1..=count.as_u64().ok_or("bad district count")? {
            let n = out.len() as u64;
            let independent_wins = n >= 22;
            let base = 90_000 + 3_517 * n;
            let candidate = |name: &str, party: Option<&str>, share: u64| Candidate {
                name: format!("{name} ({region} {k})"),
                party: party.map(str::to_string),
                votes: base * share / 100,
            };
            out.push(District {
                name: format!("{region} No. {k}"),
                candidates: vec![
                    candidate("Nominee A", Some("Amanat"), if independent_wins { 31 } else { 46 }),
                    candidate("Nominee B", Some(if n % 2 == 0 { "Auyl" } else { "Respublica" }), 17 + n % 5),
                    candidate("Self-nominated C", None, if independent_wins { 38 } else { 14 + n % 7 }),
                ],
                against_all: base * (4 + n % 4) / 100,
            });
        }
    }
    Ok(out)
}

fn print_body(r: &BodyResult) {
    let width = r.parties.iter().map(|p| p.party.len()).max().unwrap_or(5).max(14);
    println!("{:<width$}  {:>5}  {:>8}  {:>5}", "party", "list", "district", "total");
    for p in &r.parties {
        println!("{:<width$}  {:>5}  {:>8}  {:>5}", p.party, p.list_seats, p.district_seats, p.seats);
    }
    if r.independents > 0 {
        println!("{:<width$}  {:>5}  {:>8}  {:>5}", "self-nominated", "", r.independents, r.independents);
    }
    if r.undecided > 0 {
        println!("{:<width$}  {:>5}  {:>8}  {:>5}", "not decided", "", "", r.undecided);
    }
    println!("{:<width$}  {:>5}  {:>8}  {:>5}", "body", "", "", r.seats);
    for note in r.notes.iter().filter(|n| !matches!(n, saylau::note::Note::Rules { .. })) {
        println!("  note: {note}");
    }
}
