//! `saylau compare`: a scenario's votes under other methods, thresholds,
//! list-tier sizes or designs of the body.

use std::io::{self, Write};
use std::process::ExitCode;

use saylau::compare::{self, Design, DesignTable, Overhang, Setting, Table as Comparison};
use saylau::{Ratio, TieResolution};
use serde::Serialize;

use crate::cli::{CompareArgs, CompareBy, DataFormat};
use crate::output::{JsonTie, Table, csv_io, notes};
use crate::scenario_file::failure;
use crate::scenario_file::{Elected, elected};
use crate::{Failure, write_stdout};

/// What a comparison gave.
#[derive(Debug)]
pub enum Compared {
    /// Methods, thresholds or house sizes: the list tier only.
    List(Comparison),
    /// Designs of the whole body.
    Designs(DesignTable),
}

/// The default threshold sweep: 0% to 10% by 0.5.
pub fn default_sweep() -> (Ratio, Ratio, Ratio) {
    (Ratio::ZERO, Ratio::integer(10), Ratio::new(1, 2).unwrap_or(Ratio::ZERO))
}

/// Runs `saylau compare` and gives the exit code.
pub fn main(args: &CompareArgs) -> ExitCode {
    let result = check(args).and_then(|()| elected(&args.file, "nothing to compare")).and_then(|e| {
        let compared = run(&e, args)?;
        Ok((e, compared))
    });
    let (e, compared) = match result {
        Ok(x) => x,
        Err(f) => return f.exit(),
    };
    write_stdout(ExitCode::SUCCESS, |out| match (args.format, &compared) {
        (DataFormat::Table, c) => table(&e, args.by, c, out),
        (DataFormat::Json, c) => json(args.by, c, out),
        (DataFormat::Csv, c) => csv(args.by, c, out),
    })
}

/// Options that do not belong to the comparison chosen.
fn check(args: &CompareArgs) -> Result<(), Failure> {
    let sweep = args.from.is_some() || args.to.is_some() || args.step.is_some();
    if sweep && args.by != CompareBy::Thresholds {
        return Err(Failure::Input("--from, --to and --step apply only to --by thresholds".into()));
    }
    if args.houses.is_some() && args.by != CompareBy::Houses {
        return Err(Failure::Input("--houses applies only to --by houses".into()));
    }
    if args.step == Some(Ratio::ZERO) {
        return Err(Failure::Input("--step must be above zero".into()));
    }
    if let (Some(from), Some(to)) = (args.from, args.to)
        && from > to
    {
        return Err(Failure::Input(format!("--from {from} is above --to {to}: the sweep is empty")));
    }
    Ok(())
}

/// The comparison asked for.
fn run(e: &Elected, args: &CompareArgs) -> Result<Compared, Failure> {
    let source = &e.source;
    let lists = &e.scenario.lists;
    let against_all = e.scenario.against_all;
    let need_tier = || {
        e.list_tier().ok_or_else(|| {
            Failure::Input(format!(
                "{source}: nothing to compare: --by {} needs party lists and a party-list tier, and the scenario \
                 gives {}",
                by_name(args.by),
                if lists.is_empty() { "no \"lists\"" } else { "a body without list seats" }
            ))
        })
    };
    let lib = |err: saylau::Error| failure(err, &e.scenario, source);
    match args.by {
        CompareBy::Methods => {
            Ok(Compared::List(compare::by_method(need_tier()?, lists, against_all).map_err(lib)?))
        }
        CompareBy::Thresholds => {
            let (from, to, step) = default_sweep();
            let (from, to, step) =
                (args.from.unwrap_or(from), args.to.unwrap_or(to), args.step.unwrap_or(step));
            if from > to {
                return Err(Failure::Input(format!("--from {from} is above --to {to}: the sweep is empty")));
            }
            let t = compare::by_threshold(need_tier()?, lists, against_all, from, to, step)
                .map_err(|err| Failure::Input(format!("--step: {err}")))?;
            Ok(Compared::List(t))
        }
        CompareBy::Houses => {
            let tier = need_tier()?;
            let (a, b) =
                args.houses.unwrap_or((tier.seats.saturating_sub(10).max(1), tier.seats.saturating_add(10)));
            Ok(Compared::List(compare::by_house(tier, lists, against_all, a..=b).map_err(lib)?))
        }
        CompareBy::Designs => {
            let designs = [
                Design::AllList,
                Design::Compensatory(Overhang::Keep),
                Design::Compensatory(Overhang::Level),
            ];
            Ok(Compared::Designs(compare::designs(&e.body, &e.ballots, &designs).map_err(lib)?))
        }
    }
}

/// The `--by` value as typed.
fn by_name(by: CompareBy) -> &'static str {
    match by {
        CompareBy::Methods => "methods",
        CompareBy::Thresholds => "thresholds",
        CompareBy::Houses => "houses",
        CompareBy::Designs => "designs",
    }
}

/// The name of the setting column: method, threshold_percent, list_seats or design.
fn setting_key(by: CompareBy) -> &'static str {
    match by {
        CompareBy::Methods => "method",
        CompareBy::Thresholds => "threshold_percent",
        CompareBy::Houses => "list_seats",
        CompareBy::Designs => "design",
    }
}

/// A setting as a machine-readable value.
fn setting_value(s: &Setting) -> serde_json::Value {
    match s {
        Setting::Method(m) => m.to_string().into(),
        Setting::Threshold(t) => t.percent().to_string().into(),
        Setting::House(h) => (*h).into(),
    }
}

/// A setting as CSV text.
fn setting_text(s: &Setting) -> String {
    match setting_value(s) {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    }
}

/// A tie broken, as a sentence with names.
fn tie_text(parties: &[String], t: &TieResolution) -> String {
    let name = |i: &usize| parties.get(*i).cloned().unwrap_or_else(|| format!("#{}", i + 1));
    format!(
        "tie for {} seat(s) between {} broken by {}: {} won",
        t.seats,
        t.parties.iter().map(name).collect::<Vec<_>>().join(", "),
        t.policy,
        t.winners.iter().map(name).collect::<Vec<_>>().join(", ")
    )
}

/// The comparison as a table: the heading cells and the rows (for the
/// table output and the HTML report).
pub fn grid(by: CompareBy, c: &Compared) -> (Vec<String>, Vec<Vec<String>>) {
    match c {
        Compared::List(t) => {
            let mut head = vec![match by {
                CompareBy::Methods => "method".to_string(),
                CompareBy::Thresholds => "threshold".to_string(),
                _ => "list seats".to_string(),
            }];
            head.extend(t.parties.iter().cloned());
            head.push("note".into());
            let rows = t
                .rows
                .iter()
                .map(|r| {
                    let mut cells = vec![r.label.clone()];
                    match (&r.seats, &r.error) {
                        (Some(seats), _) => {
                            let eligible = r.eligible.clone().unwrap_or_default();
                            cells.extend(seats.iter().enumerate().map(|(i, s)| {
                                if eligible.get(i) == Some(&false) { "-".to_string() } else { s.to_string() }
                            }));
                            cells.push(r.tie.as_ref().map(|x| tie_text(&t.parties, x)).unwrap_or_default());
                        }
                        (None, err) => {
                            cells.extend(t.parties.iter().map(|_| String::new()));
                            cells.push(err.clone().unwrap_or_default());
                        }
                    }
                    cells
                })
                .collect();
            (head, rows)
        }
        Compared::Designs(t) => {
            let mut head = vec!["design".to_string(), "seats".to_string()];
            head.extend(t.parties.iter().cloned());
            head.extend(["self-nominated".into(), "vacant".into(), "note".into()]);
            let rows = t
                .rows
                .iter()
                .map(|r| {
                    let mut cells = vec![r.design.clone()];
                    if let Some(err) = &r.error {
                        cells.push(String::new());
                        cells.extend(t.parties.iter().map(|_| String::new()));
                        cells.extend([String::new(), String::new(), err.clone()]);
                        return cells;
                    }
                    cells.push(r.house.to_string());
                    cells.extend(r.seats.iter().map(u32::to_string));
                    let mut note = Vec::new();
                    if r.overhang > 0 {
                        note.push(format!("{} overhang", r.overhang));
                    }
                    if r.levelling > 0 {
                        note.push(format!("{} levelling seats", r.levelling));
                    }
                    cells.extend([r.independents.to_string(), r.vacant.to_string(), note.join(", ")]);
                    cells
                })
                .collect();
            (head, rows)
        }
    }
}

fn table(e: &Elected, by: CompareBy, c: &Compared, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "{}", e.title())?;
    let what = match (by, e.list_tier()) {
        (CompareBy::Designs, _) | (_, None) => format!("{}: {} seats", e.result.body, e.result.seats),
        (_, Some(t)) => format!(
            "{}: {} party-list seats ({}, threshold {})",
            e.result.body,
            t.seats,
            t.method.label(),
            t.threshold
        ),
    };
    writeln!(w, "{what}, from {}", e.source)?;
    writeln!(w)?;
    let (head, rows) = grid(by, c);
    // The headers are party names: they go in as the first row of a table
    // whose own headers are blank (and so not printed).
    let headers: Vec<(&'static str, bool)> =
        (0..head.len()).map(|i| ("", i > 0 && i + 1 < head.len())).collect();
    let mut t = Table::new(&headers);
    t.rows.push(head.clone());
    t.rows.extend(rows);
    t.write(w)?;
    let mut n = vec!["\"-\": the list did not take part (below the threshold)".to_string()];
    if by == CompareBy::Designs {
        n = vec![
            "compensatory designs apportion the whole body among the lists taking part and subtract each party's \
             district seats; overhang (district seats beyond the proportional share) is kept or levelled"
                .into(),
            "the district results are those counted under the rules as given".into(),
        ];
    }
    notes(&n, w)
}

/// One row of methods, thresholds or houses in JSON.
#[derive(Serialize)]
struct JsonRow<'a> {
    label: &'a str,
    #[serde(flatten)]
    setting: serde_json::Map<String, serde_json::Value>,
    seats: Option<&'a [u32]>,
    eligible: Option<&'a [bool]>,
    tie: Option<JsonTie>,
    error: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonList<'a> {
    by: &'static str,
    parties: &'a [String],
    rows: Vec<JsonRow<'a>>,
}

#[derive(Serialize)]
struct JsonDesigns<'a> {
    by: &'static str,
    parties: &'a [String],
    rows: &'a [compare::DesignRow],
}

fn json(by: CompareBy, c: &Compared, w: &mut impl Write) -> io::Result<()> {
    match c {
        Compared::List(t) => {
            let doc = JsonList {
                by: by_name(by),
                parties: &t.parties,
                rows: t
                    .rows
                    .iter()
                    .map(|r| {
                        let mut setting = serde_json::Map::new();
                        setting.insert(setting_key(by).into(), setting_value(&r.setting));
                        JsonRow {
                            label: &r.label,
                            setting,
                            seats: r.seats.as_deref(),
                            eligible: r.eligible.as_deref(),
                            tie: r.tie.as_ref().map(|x| JsonTie::new(x, &t.parties)),
                            error: r.error.as_deref(),
                        }
                    })
                    .collect(),
            };
            serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
        }
        Compared::Designs(t) => {
            let doc = JsonDesigns { by: by_name(by), parties: &t.parties, rows: &t.rows };
            serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
        }
    }
    writeln!(w)
}

fn csv(by: CompareBy, c: &Compared, w: &mut impl Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    match c {
        Compared::List(t) => {
            let mut head = vec![setting_key(by).to_string()];
            head.extend(t.parties.iter().cloned());
            head.push("error".into());
            out.write_record(&head).map_err(csv_io)?;
            for r in &t.rows {
                let mut row = vec![setting_text(&r.setting)];
                match &r.seats {
                    Some(s) => row.extend(s.iter().map(u32::to_string)),
                    None => row.extend(t.parties.iter().map(|_| String::new())),
                }
                row.push(r.error.clone().unwrap_or_default());
                out.write_record(&row).map_err(csv_io)?;
            }
        }
        Compared::Designs(t) => {
            let mut head = vec!["design".to_string(), "house".to_string()];
            head.extend(t.parties.iter().cloned());
            head.extend([
                "independents".into(),
                "vacant".into(),
                "overhang".into(),
                "levelling".into(),
                "error".into(),
            ]);
            out.write_record(&head).map_err(csv_io)?;
            for r in &t.rows {
                let mut row = vec![r.design.clone(), r.house.to_string()];
                if r.error.is_some() {
                    row.extend(t.parties.iter().map(|_| String::new()));
                } else {
                    row.extend(r.seats.iter().map(u32::to_string));
                }
                row.extend([
                    r.independents.to_string(),
                    r.vacant.to_string(),
                    r.overhang.to_string(),
                    r.levelling.to_string(),
                    r.error.clone().unwrap_or_default(),
                ]);
                out.write_record(&row).map_err(csv_io)?;
            }
        }
    }
    out.flush()
}
