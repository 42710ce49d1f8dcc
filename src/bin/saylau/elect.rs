//! `saylau elect`: read a JSON scenario, elect the body (or decide the
//! referendum) under its statutory rules, print the result.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use saylau::TieBreak;
use saylau::referendum::{ReferendumOutcome, Verdict};
use saylau::scenario::{Outcome, Scenario};
use saylau::system::{Body, BodyResult};
use serde::Serialize;

use crate::cli::{ElectArgs, ElectFormat};
use crate::input::plural;
use crate::output::{Table, csv_io, notes};
use crate::scenario_file::{failure, load};
use crate::{Failure, write_stdout};

/// A scenario that ran, with everything the output formats need.
#[derive(Debug)]
struct Report {
    /// The list tier's audit trail, with `--explain`.
    audit: Option<Explained>,
    /// The file as named in messages (`<stdin>` for `-`).
    source: String,
    /// The scenario as read.
    scenario: Scenario,
    /// The rules applied (`None` for a referendum).
    body: Option<Body>,
    /// What the scenario decided.
    outcome: Outcome,
}

/// Runs `saylau elect` and gives the exit code.
pub fn main(args: &ElectArgs) -> ExitCode {
    let report = match compute(&args.file, args.explain) {
        Ok(report) => report,
        Err(failure) => return failure.exit(),
    };
    write_stdout(ExitCode::SUCCESS, |out| match (&report.outcome, args.format) {
        (Outcome::Body(r), ElectFormat::Table) => body_table(&report, r, args.explain, out),
        (Outcome::Body(r), ElectFormat::Json) => body_json(&report, r, args.explain, out),
        (Outcome::Body(r), ElectFormat::Csv) => body_csv(&report, r, out),
        (Outcome::Referendum(o), ElectFormat::Table) => referendum_table(&report, o, out),
        (Outcome::Referendum(o), ElectFormat::Json) => referendum_json(&report, o, out),
        (Outcome::Referendum(o), ElectFormat::Csv) => referendum_csv(&report, o, out),
    })
}

/// Reads, parses and runs the scenario.
fn compute(file: &Path, explain: bool) -> Result<Report, Failure> {
    let (source, scenario) = load(file).map_err(Failure::Input)?;
    let outcome = scenario.run().map_err(|e| failure(e, &scenario, &source))?;
    let body = match outcome {
        Outcome::Body(_) => scenario.body().ok(),
        Outcome::Referendum(_) => None,
    };
    let audit = match &body {
        Some(b) if explain => explain_list(b, &scenario).map_err(|e| failure(e, &scenario, &source))?,
        _ => None,
    };
    Ok(Report { audit, source, scenario, body, outcome })
}

/// The list tier's audit trail (`--explain`).
#[derive(Debug)]
struct Explained {
    /// The lists, in the scenario's order.
    names: Vec<String>,
    /// The method.
    method: saylau::Method,
    /// The list seats.
    seats: u32,
    /// The audit of the count among the lists taking part.
    audit: saylau::Audit,
    /// A note when the audited count is not the final one (lists too short).
    note: Option<String>,
}

/// Explains the list tier's count: the apportionment among the lists taking
/// part (the others count as zero votes), as the tier does it.
fn explain_list(body: &Body, scenario: &Scenario) -> Result<Option<Explained>, saylau::Error> {
    let Some(tier) = body.list.as_ref().filter(|t| t.seats > 0 && !scenario.lists.is_empty()) else {
        return Ok(None);
    };
    let outcome = tier.allocate(&scenario.lists, scenario.against_all)?;
    let taking_part: Vec<u64> =
        scenario.lists.iter().zip(&outcome.eligible).map(|(l, &e)| if e { l.votes } else { 0 }).collect();
    let apportioner = saylau::compare::apportioner(tier);
    let allocation = apportioner.apportion(&taking_part, tier.seats)?;
    let audit = apportioner.explain(&taking_part, &allocation)?;
    let note = (allocation.seats() != outcome.seats.as_slice()).then(|| {
        "the audit is of the first count: a list too short for its seats kept as many seats as it has \
         candidates, and the rest were counted again (see the notes)"
            .to_string()
    });
    Ok(Some(Explained {
        names: scenario.lists.iter().map(|l| l.party.trim().to_string()).collect(),
        method: tier.method,
        seats: tier.seats,
        audit,
        note,
    }))
}

/// The audit section of the table output.
fn audit_table(report: &Report, w: &mut impl Write) -> io::Result<()> {
    if let Some(a) = &report.audit {
        crate::output::audit_section(&a.names, a.method, a.seats, &a.audit, w)?;
        writeln!(w, "(among the lists taking part: the lists below the threshold count as zero votes)")?;
        if let Some(n) = &a.note {
            writeln!(w, "{n}")?;
        }
    } else if report.body.as_ref().is_some_and(|b| b.list.is_none()) || report.scenario.lists.is_empty() {
        writeln!(w)?;
        writeln!(w, "audit: no party-list count to explain")?;
    }
    Ok(())
}

// --- bodies --------------------------------------------------------------

/// Seats that no party won, split by tier.
#[derive(Debug, Clone, Copy, Default)]
struct Split {
    list: u32,
    district: u32,
}

impl Split {
    fn total(self) -> u32 {
        self.list + self.district
    }
}

/// The vacant and undecided seats of a result, each split by tier.
fn unassigned(report: &Report, r: &BodyResult) -> (Split, Split) {
    let district_vacant = r.districts.iter().filter(|d| d.winner.is_none()).count() as u32;
    let vacant =
        Split { list: r.vacant.saturating_sub(district_vacant), district: district_vacant.min(r.vacant) };
    let list_tier = report.body.as_ref().and_then(|b| b.list.as_ref()).map_or(0, |t| t.seats);
    let list_undecided = if report.scenario.lists.is_empty() { list_tier.min(r.undecided) } else { 0 };
    let undecided = Split { list: list_undecided, district: r.undecided - list_undecided };
    (vacant, undecided)
}

/// The sizes of the two tiers.
fn tiers(report: &Report) -> (Option<u32>, Option<u32>) {
    match &report.body {
        Some(b) => (b.list.as_ref().map(|t| t.seats), b.districts.as_ref().map(|t| t.seats)),
        None => (None, None),
    }
}

/// The heading of the table output: title, body and tiers, date, file, source.
fn heading(report: &Report, what: &str, w: &mut impl Write) -> io::Result<()> {
    let s = &report.scenario;
    match &s.title {
        Some(t) => writeln!(w, "{t}")?,
        None => writeln!(w, "{what}")?,
    }
    let mut line = what.to_string();
    if let Some(d) = &s.date {
        line.push_str(&format!(", {d}"));
    }
    line.push_str(&format!(", from {}", report.source));
    writeln!(w, "{line}")?;
    if let Some(src) = &s.source {
        writeln!(w, "source: {src}")?;
    }
    if let Some(d) = &s.description {
        writeln!(w, "{d}")?;
    }
    Ok(())
}

/// Tables for people: parties, districts and notes.
fn body_table(report: &Report, r: &BodyResult, explain: bool, w: &mut impl Write) -> io::Result<()> {
    let (list_tier, district_tier) = tiers(report);
    let mut what = format!("{}: {} seat{}", r.body, r.seats, plural(r.seats.into()));
    let list_part = report
        .body
        .as_ref()
        .and_then(|b| b.list.as_ref())
        .map(|t| format!("{} party-list ({}, threshold {})", t.seats, t.method.label(), t.threshold));
    let district_part = district_tier.map(|n| format!("{n} single-member"));
    match (list_part, district_part) {
        (Some(l), Some(d)) => what.push_str(&format!(" = {l} + {d}")),
        (Some(x), None) | (None, Some(x)) => what.push_str(&format!(", {x}")),
        (None, None) => {}
    }
    heading(report, &what, w)?;
    writeln!(w)?;

    let lists = !report.scenario.lists.is_empty();
    let mut headers = vec![("party", false)];
    if lists {
        headers.extend([("votes", true), ("share %", true), ("eligible", false)]);
    }
    if list_tier.is_some() {
        headers.push(("list", true));
    }
    if district_tier.is_some() {
        headers.push(("district", true));
    }
    headers.push(("seats", true));
    let mut table = Table::new(&headers);
    let against_all = report.scenario.against_all;
    let base: u128 =
        report.scenario.lists.iter().map(|l| u128::from(l.votes)).sum::<u128>() + u128::from(against_all);
    let share = |v: u64| if base == 0 { 0.0 } else { v as f64 * 100.0 / base as f64 };
    let mut row = |name: &str,
                   votes: Option<(String, String, String)>,
                   list: String,
                   district: String,
                   seats: String| {
        let mut cells = vec![name.to_string()];
        if lists {
            let (v, s, e) = votes.unwrap_or_default();
            cells.extend([v, s, e]);
        }
        if list_tier.is_some() {
            cells.push(list);
        }
        if district_tier.is_some() {
            cells.push(district);
        }
        cells.push(seats);
        table.rows.push(cells);
    };
    for p in &r.parties {
        let votes = match (p.votes, p.eligible) {
            (Some(v), e) => Some((
                v.to_string(),
                format!("{:.2}", share(v)),
                match e {
                    Some(true) => "yes".into(),
                    Some(false) => "no".into(),
                    None => "-".into(),
                },
            )),
            (None, _) => Some(("-".into(), "-".into(), "-".into())),
        };
        row(&p.party, votes, p.list_seats.to_string(), p.district_seats.to_string(), p.seats.to_string());
    }
    if lists && against_all > 0 {
        let votes = Some((against_all.to_string(), format!("{:.2}", share(against_all)), String::new()));
        row("(against all)", votes, String::new(), String::new(), String::new());
    }
    if r.independents > 0 {
        let n = r.independents.to_string();
        row("(self-nominated)", None, String::new(), n.clone(), n);
    }
    let (vacant, undecided) = unassigned(report, r);
    for (label, split) in [("(vacant)", vacant), ("(undecided)", undecided)] {
        if split.total() > 0 {
            row(label, None, split.list.to_string(), split.district.to_string(), split.total().to_string());
        }
    }
    let votes = lists.then(|| (base.to_string(), format!("{:.2}", 100.0), String::new()));
    row(
        "total",
        votes,
        list_tier.unwrap_or(0).to_string(),
        district_tier.unwrap_or(0).to_string(),
        r.seats.to_string(),
    );
    table.write(w)?;

    if !r.districts.is_empty() {
        writeln!(w)?;
        let given = r.districts.len();
        match district_tier {
            Some(n) => writeln!(w, "districts ({given} of {n}):")?,
            None => writeln!(w, "districts ({given}):")?,
        }
        let marked = r.districts.iter().any(|d| d.against_all_won);
        let mut headers = vec![("district", false), ("winner", false), ("party", false)];
        if marked {
            headers.push(("", false));
        }
        let mut table = Table::new(&headers);
        for d in &r.districts {
            let (winner, party) = match &d.winner {
                Some(name) => (name.clone(), d.party.clone().unwrap_or_else(|| "self-nominated".into())),
                None => ("(vacant: repeat election)".into(), String::new()),
            };
            let mut cells = vec![d.name.clone(), winner, party];
            if marked {
                cells.push(if d.against_all_won { "\"against all\" led".into() } else { String::new() });
            }
            table.rows.push(cells);
        }
        table.write(w)?;
    }
    if explain {
        audit_table(report, w)?;
    }
    notes(&r.notes, w)
}

/// The scenario's descriptive fields, in the JSON output when given.
#[derive(Serialize)]
struct About<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
}

impl<'a> About<'a> {
    fn of(s: &'a Scenario) -> About<'a> {
        About {
            title: s.title.as_deref(),
            date: s.date.as_deref(),
            source: s.source.as_deref(),
            description: s.description.as_deref(),
        }
    }
}

/// The JSON document of a body's result.
#[derive(Serialize)]
struct JsonBody<'a> {
    body: &'a str,
    #[serde(flatten)]
    about: About<'a>,
    seats: u32,
    parties: Vec<JsonParty<'a>>,
    independents: u32,
    vacant: u32,
    undecided: u32,
    districts: Vec<JsonDistrict<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rules: Option<JsonRules>,
    notes: &'a [String],
    /// With `--explain` only: the list tier's audit trail, or null.
    #[serde(skip_serializing_if = "Option::is_none")]
    audit: Option<Option<crate::output::JsonAudit<'a>>>,
}

/// One party in the JSON output.
#[derive(Serialize)]
struct JsonParty<'a> {
    party: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    votes: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    eligible: Option<bool>,
    list_seats: u32,
    district_seats: u32,
    seats: u32,
}

/// One district in the JSON output.
#[derive(Serialize)]
struct JsonDistrict<'a> {
    name: &'a str,
    winner: Option<&'a str>,
    party: Option<&'a str>,
    against_all_won: bool,
}

/// The rules applied, as the scenario and the preset set them.
#[derive(Serialize)]
struct JsonRules {
    list_seats: u32,
    district_seats: u32,
    method: Option<String>,
    threshold_percent: Option<String>,
    ties: String,
}

fn body_json(report: &Report, r: &BodyResult, explain: bool, w: &mut impl Write) -> io::Result<()> {
    let s = &report.scenario;
    let rules = report.body.as_ref().map(|b| JsonRules {
        list_seats: b.list.as_ref().map_or(0, |t| t.seats),
        district_seats: b.districts.as_ref().map_or(0, |t| t.seats),
        method: b.list.as_ref().map(|t| t.method.to_string()),
        threshold_percent: b.list.as_ref().map(|t| t.threshold.percent().to_string()),
        ties: s.ties.unwrap_or(TieBreak::ListOrder).to_string(),
    });
    let doc = JsonBody {
        body: &r.body,
        about: About::of(s),
        seats: r.seats,
        parties: r
            .parties
            .iter()
            .map(|p| JsonParty {
                party: &p.party,
                votes: p.votes,
                eligible: p.eligible,
                list_seats: p.list_seats,
                district_seats: p.district_seats,
                seats: p.seats,
            })
            .collect(),
        independents: r.independents,
        vacant: r.vacant,
        undecided: r.undecided,
        districts: r
            .districts
            .iter()
            .map(|d| JsonDistrict {
                name: &d.name,
                winner: d.winner.as_deref(),
                party: d.party.as_deref(),
                against_all_won: d.against_all_won,
            })
            .collect(),
        rules,
        notes: &r.notes,
        audit: explain.then(|| report.audit.as_ref().map(|a| crate::output::json_audit(&a.names, &a.audit))),
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
    writeln!(w)
}

/// CSV: `party,list_seats,district_seats,seats`, then `(self-nominated)`,
/// `(vacant)` and `(undecided)` rows when they are not zero.
fn body_csv(report: &Report, r: &BodyResult, w: &mut impl Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(["party", "list_seats", "district_seats", "seats"]).map_err(csv_io)?;
    for p in &r.parties {
        let row =
            [p.party.clone(), p.list_seats.to_string(), p.district_seats.to_string(), p.seats.to_string()];
        out.write_record(&row).map_err(csv_io)?;
    }
    let (vacant, undecided) = unassigned(report, r);
    let others = [
        ("(self-nominated)", Split { list: 0, district: r.independents }),
        ("(vacant)", vacant),
        ("(undecided)", undecided),
    ];
    for (label, split) in others {
        if split.total() > 0 {
            let row = [
                label.to_string(),
                split.list.to_string(),
                split.district.to_string(),
                split.total().to_string(),
            ];
            out.write_record(&row).map_err(csv_io)?;
        }
    }
    out.flush()
}

// --- referendums ---------------------------------------------------------

/// The verdict as a word.
fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Adopted => "adopted",
        Verdict::Rejected => "rejected",
        Verdict::Invalid => "invalid",
    }
}

/// A readable summary of a referendum.
fn referendum_table(report: &Report, o: &ReferendumOutcome, w: &mut impl Write) -> io::Result<()> {
    heading(report, "referendum", w)?;
    writeln!(w)?;
    writeln!(w, "outcome: {}", verdict(o.outcome).to_uppercase())?;
    let yes_no = |b: bool| if b { "yes" } else { "no" };
    if let Some(f) = &report.scenario.referendum {
        let mut table = Table::new(&[("", false), ("", true), ("", false)]);
        let mut row = |a: &str, b: String, c: String| table.rows.push(vec![a.to_string(), b, c]);
        row("registered voters", f.registered.to_string(), String::new());
        row(
            "took part",
            f.took_part.to_string(),
            format!("{:.2}% turnout; more than half needed: {}", o.turnout_percent, yes_no(o.valid)),
        );
        row(
            "yes",
            f.yes.to_string(),
            format!(
                "{:.2}% of those who took part; more than half needed: {}",
                o.yes_percent,
                yes_no(o.yes_majority)
            ),
        );
        if let Some(n) = f.no {
            row("no", n.to_string(), String::new());
        }
        if let Some(n) = f.invalid {
            row("invalid ballots", n.to_string(), String::new());
        }
        table.write(w)?;
        if f.constitutional {
            match (o.regions_with_yes_majority, o.regional_rule_met) {
                (Some(n), Some(met)) => writeln!(
                    w,
                    "constitutional: yes majority in {n} of {} regions; two thirds needed: {}",
                    f.regions.len(),
                    if met { "met" } else { "not met" }
                )?,
                _ => writeln!(w, "constitutional: the two-thirds-of-regions rule was not checked")?,
            }
        }
    }
    notes(&o.notes, w)
}

/// The JSON document of a referendum.
#[derive(Serialize)]
struct JsonReferendum<'a> {
    body: &'static str,
    #[serde(flatten)]
    about: About<'a>,
    outcome: &'static str,
    valid: bool,
    yes_majority: bool,
    turnout_percent: f64,
    yes_percent: f64,
    regions_with_yes_majority: Option<usize>,
    regional_rule_met: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    registered: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    took_part: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    yes: Option<u64>,
    no: Option<u64>,
    invalid: Option<u64>,
    constitutional: bool,
    notes: &'a [String],
}

fn referendum_json(report: &Report, o: &ReferendumOutcome, w: &mut impl Write) -> io::Result<()> {
    let s = &report.scenario;
    let f = s.referendum.as_ref();
    let doc = JsonReferendum {
        body: "referendum",
        about: About::of(s),
        outcome: verdict(o.outcome),
        valid: o.valid,
        yes_majority: o.yes_majority,
        turnout_percent: o.turnout_percent,
        yes_percent: o.yes_percent,
        regions_with_yes_majority: o.regions_with_yes_majority,
        regional_rule_met: o.regional_rule_met,
        registered: f.map(|f| f.registered),
        took_part: f.map(|f| f.took_part),
        yes: f.map(|f| f.yes),
        no: f.and_then(|f| f.no),
        invalid: f.and_then(|f| f.invalid),
        constitutional: f.is_some_and(|f| f.constitutional),
        notes: &o.notes,
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
    writeln!(w)
}

/// CSV with the columns `field,value`; unknown values are empty.
fn referendum_csv(report: &Report, o: &ReferendumOutcome, w: &mut impl Write) -> io::Result<()> {
    let f = report.scenario.referendum.as_ref();
    let opt = |v: Option<u64>| v.map_or_else(String::new, |v| v.to_string());
    let rows = [
        ("body", "referendum".to_string()),
        ("outcome", verdict(o.outcome).to_string()),
        ("valid", o.valid.to_string()),
        ("yes_majority", o.yes_majority.to_string()),
        ("turnout_percent", o.turnout_percent.to_string()),
        ("yes_percent", o.yes_percent.to_string()),
        (
            "regions_with_yes_majority",
            o.regions_with_yes_majority.map_or_else(String::new, |n| n.to_string()),
        ),
        ("regional_rule_met", o.regional_rule_met.map_or_else(String::new, |b| b.to_string())),
        ("registered", opt(f.map(|f| f.registered))),
        ("took_part", opt(f.map(|f| f.took_part))),
        ("yes", opt(f.map(|f| f.yes))),
        ("no", opt(f.and_then(|f| f.no))),
        ("invalid", opt(f.and_then(|f| f.invalid))),
        ("constitutional", f.is_some_and(|f| f.constitutional).to_string()),
    ];
    let mut out = csv::Writer::from_writer(w);
    out.write_record(["field", "value"]).map_err(csv_io)?;
    for (field, value) in rows {
        out.write_record([field, value.as_str()]).map_err(csv_io)?;
    }
    out.flush()
}
