//! `saylau elect`: read a JSON scenario, elect the body (or decide the
//! referendum) under its statutory rules, print the result through its view.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use saylau::describe::view::body::{ListAudit, body_summary, heading};
use saylau::describe::view::{About, AuditView, BodyView};
use saylau::referendum::{ReferendumOutcome, Verdict};
use saylau::scenario::{Outcome, Scenario};
use saylau::system::Body;
use serde::Serialize;

use crate::cli::{ElectArgs, Format};
use crate::output::{Table, csv_io, csv_rows, json, notes};
use crate::scenario_file::{failure, load};
use crate::{Failure, write_stdout};

/// A scenario that ran: the file's name in messages, the scenario, and the
/// body's view or the referendum's outcome.
#[derive(Debug)]
struct Report {
    /// The file as named in messages (`<stdin>` for `-`).
    source: String,
    /// The scenario as read.
    scenario: Scenario,
    /// What it decided.
    decided: Decided,
}

#[derive(Debug)]
enum Decided {
    Body { summary: String, view: Box<BodyView> },
    Referendum(ReferendumOutcome),
}

/// Runs `saylau elect` and gives the exit code.
pub fn main(args: &ElectArgs) -> ExitCode {
    let report = match compute(&args.file, args.explain) {
        Ok(report) => report,
        Err(failure) => return failure.exit(),
    };
    write_stdout(ExitCode::SUCCESS, |out| match (&report.decided, args.format) {
        (Decided::Body { summary, view }, Format::Table) => view.write_text(summary, &report.source, out),
        (Decided::Body { view, .. }, Format::Json) => json(view, out),
        (Decided::Body { view, .. }, Format::Csv) => csv_rows(&view.csv_rows(), out),
        (Decided::Referendum(o), Format::Table) => referendum_table(&report, o, out),
        (Decided::Referendum(o), Format::Json) => referendum_json(&report, o, out),
        (Decided::Referendum(o), Format::Csv) => referendum_csv(&report, o, out),
    })
}

/// Reads, parses and runs the scenario, and builds its view.
fn compute(file: &Path, explain: bool) -> Result<Report, Failure> {
    let (source, scenario) = load(file).map_err(Failure::Input)?;
    let fail = |e| failure(e, &scenario, &source);
    let decided = match scenario.run().map_err(fail)? {
        Outcome::Referendum(o) => Decided::Referendum(o),
        Outcome::Body(result) => {
            let body = scenario.body().map_err(fail)?;
            let mut view = BodyView::new(About::of(&scenario), &body, &result);
            if explain {
                view.audit = Some(list_audit(&body, &scenario).map_err(fail)?);
            }
            Decided::Body { summary: body_summary(&body), view: Box::new(view) }
        }
    };
    Ok(Report { source, scenario, decided })
}

/// The list tier's audit trail (`--explain`), or `None` when the body has
/// no list count.
fn list_audit(body: &Body, scenario: &Scenario) -> Result<Option<ListAudit>, saylau::Error> {
    let Some(tier) = body.list.as_ref().filter(|t| t.seats > 0 && !scenario.lists.is_empty()) else {
        return Ok(None);
    };
    let (audit, final_count) = tier.explain(&scenario.lists, scenario.against_all)?;
    let names: Vec<String> = scenario.lists.iter().map(|l| l.party.trim().to_string()).collect();
    Ok(Some(ListAudit {
        audit: AuditView::new(&audit, &names),
        final_count,
        method: tier.method.label(),
        seats: tier.seats,
    }))
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
    heading(&About::of(&report.scenario), "referendum", &report.source, w)?;
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
    about: About,
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
