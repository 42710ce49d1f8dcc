//! The three output formats of `saylau allocate`: `table`, `json` and `csv`.

use std::io::{self, Write};

use saylau::{Audit, DivisorAudit, Method, QuotaAudit, Quotient, TieBreak, TieResolution};
use serde::Serialize;

use crate::allocate::Report;
use crate::input::{join_names, plural};

/// An aligned table for people, with the audit section under `--explain`.
pub fn table(r: &Report, w: &mut impl Write) -> io::Result<()> {
    let names = r.parties.names();
    let votes = r.parties.votes();
    let seats = r.allocation.seats();
    let total = r.parties.total();
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0).max("party".len());
    let vote_width = total.to_string().len().max("votes".len());

    write!(w, "{} ({}), {} seat{}", r.method, r.method.label(), r.seats, plural(r.seats.into()))?;
    if let Some(t) = r.threshold {
        write!(w, ", threshold {t}")?;
    }
    if r.min_parties > 0 {
        write!(
            w,
            ", at least {} part{} take part",
            r.min_parties,
            if r.min_parties == 1 { "y" } else { "ies" }
        )?;
    }
    writeln!(w, ", votes from {}", r.source.name)?;
    writeln!(w)?;
    writeln!(w, "{} {:>vote_width$}  share %  eligible  seats", pad("party", width), "votes")?;
    for i in 0..names.len() {
        let share = if total == 0 { 0.0 } else { votes[i] as f64 * 100.0 / total as f64 };
        writeln!(
            w,
            "{} {:>vote_width$}  {:>7.2}  {:<8}  {:>5}",
            pad(&names[i], width),
            votes[i],
            share,
            if r.eligible[i] { "yes" } else { "no" },
            seats[i]
        )?;
    }
    let won: u64 = seats.iter().map(|&s| u64::from(s)).sum();
    writeln!(w, "{} {:>vote_width$}  {:>7.2}  {:<8}  {:>5}", pad("total", width), total, 100.0, "", won)?;
    if let Some(tie) = r.allocation.tie() {
        writeln!(w)?;
        writeln!(w, "{}", tie_sentence(r, tie))?;
    }
    if let Some(audit) = &r.audit {
        audit_section(names, r.method, r.seats, audit, w)?;
    }
    Ok(())
}

/// The audit trail as a table section: a blank line, a heading, the quota or
/// the divisor range, and one line per party (`names` in the audit's order).
pub fn audit_section(
    names: &[String],
    method: Method,
    seats: u32,
    audit: &Audit,
    w: &mut impl Write,
) -> io::Result<()> {
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0).max("party".len());
    match audit {
        Audit::Quota(a) => quota_section(names, method, seats, a, width, w),
        Audit::Divisor(a) => divisor_section(names, method, a, width, w),
    }
}

/// `tie between A, B for 1 seat broken by list order: A wins`.
fn tie_sentence(r: &Report, tie: &TieResolution) -> String {
    let winners = tie.winners.len();
    format!(
        "tie between {} for {} seat{} broken by {}: {} win{}",
        join_names(names_of(r, &tie.parties).into_iter()),
        tie.seats,
        plural(tie.seats.into()),
        policy_words(tie.policy),
        join_names(names_of(r, &tie.winners).into_iter()),
        if winners == 1 { "s" } else { "" }
    )
}

/// The policy in words: `list order`, `lot (seed 7)`, `more votes`.
fn policy_words(policy: TieBreak) -> String {
    match policy {
        TieBreak::ListOrder => "list order".into(),
        TieBreak::Lot { seed } => format!("lot (seed {seed})"),
        TieBreak::MoreVotes => "more votes".into(),
        other => other.to_string(),
    }
}

/// The audit of a largest-remainder method, as a table section.
fn quota_section(
    names: &[String],
    method: Method,
    seats: u32,
    a: &QuotaAudit,
    width: usize,
    w: &mut impl Write,
) -> io::Result<()> {
    writeln!(w)?;
    writeln!(w, "audit ({}):", method.label())?;
    writeln!(w, "quota: {} votes per seat (exactly {})", a.quota, exact(&a.quota))?;
    let remainder_seats = u64::from(seats).saturating_sub(a.whole_seats);
    writeln!(w, "whole seats by quota: {}; seats left for the remainders: {remainder_seats}", a.whole_seats)?;
    if a.whole_seats > u64::from(seats) {
        writeln!(
            w,
            "the quota gave {} seat(s) too many; they were taken back",
            a.whole_seats - u64::from(seats)
        )?;
    }
    writeln!(
        w,
        "{} {:>10}  {:>16}  {:>6}  {:>5}",
        pad("party", width),
        "whole",
        "remainder",
        "extra",
        "seats"
    )?;
    for (name, row) in names.iter().zip(&a.parties) {
        writeln!(
            w,
            "{} {:>10}  {:>16}  {:>+6}  {:>5}",
            pad(name, width),
            row.whole,
            row.remainder.to_string(),
            row.adjustment,
            row.seats
        )?;
    }
    Ok(())
}

/// The audit of a divisor method, as a table section.
fn divisor_section(
    names: &[String],
    method: Method,
    a: &DivisorAudit,
    width: usize,
    w: &mut impl Write,
) -> io::Result<()> {
    writeln!(w)?;
    writeln!(w, "audit ({}):", method.label())?;
    let show = |q: &Option<Quotient>| q.map_or_else(|| "none".to_string(), |q| q.to_string());
    writeln!(w, "lowest winning quotient: {}", show(&a.lowest_winning))?;
    writeln!(w, "highest losing quotient: {}", show(&a.highest_losing))?;
    match (a.lowest_winning, a.highest_losing) {
        (Some(low), Some(high)) if low == high => {
            writeln!(w, "the last seat was tied at quotient {low}: only that divisor gives this result")?;
        }
        (Some(low), Some(high)) => {
            writeln!(w, "any divisor d with {high} < d <= {low} gives this result")?;
        }
        (Some(low), None) => writeln!(w, "any divisor d with 0 < d <= {low} gives this result")?,
        _ => {}
    }
    writeln!(w, "{} {:>5}  {:>16}  {:>16}", pad("party", width), "seats", "last quotient", "next quotient")?;
    for (name, row) in names.iter().zip(&a.parties) {
        writeln!(
            w,
            "{} {:>5}  {:>16}  {:>16}",
            pad(name, width),
            row.seats,
            show(&row.last_quotient),
            show(&row.next_quotient)
        )?;
    }
    Ok(())
}

/// A simple aligned table: the first column left-aligned, the others right-aligned
/// unless marked.
pub struct Table {
    headers: Vec<(&'static str, bool)>,
    /// The rows, one cell per header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these headers: (title, right-aligned).
    pub fn new(headers: &[(&'static str, bool)]) -> Table {
        Table { headers: headers.to_vec(), rows: Vec::new() }
    }

    /// Writes the header line (unless all headers are blank) and the rows.
    pub fn write(&self, w: &mut impl Write) -> io::Result<()> {
        let widths: Vec<usize> = (0..self.headers.len())
            .map(|c| {
                let cells = self.rows.iter().filter_map(|r| r.get(c)).map(|s| s.chars().count());
                cells.chain([self.headers[c].0.chars().count()]).max().unwrap_or(0)
            })
            .collect();
        let line = |cells: Vec<&str>| -> String {
            let parts: Vec<String> = cells
                .iter()
                .enumerate()
                .map(|(c, cell)| {
                    let width = widths[c];
                    if self.headers[c].1 {
                        format!("{}{cell}", " ".repeat(width.saturating_sub(cell.chars().count())))
                    } else {
                        pad(cell, width)
                    }
                })
                .collect();
            parts.join("  ").trim_end().to_string()
        };
        // A table whose headers are all blank has no header line.
        if self.headers.iter().any(|h| !h.0.is_empty()) {
            writeln!(w, "{}", line(self.headers.iter().map(|h| h.0).collect()))?;
        }
        for row in &self.rows {
            writeln!(w, "{}", line(row.iter().map(String::as_str).collect()))?;
        }
        Ok(())
    }
}

/// The notes, as bullet lines.
pub fn notes(notes: &[String], w: &mut impl Write) -> io::Result<()> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    writeln!(w, "notes:")?;
    for n in notes {
        writeln!(w, "- {n}")?;
    }
    Ok(())
}

/// `name` padded with spaces to `width` characters.
pub fn pad(name: &str, width: usize) -> String {
    let n = name.chars().count();
    format!("{name}{}", " ".repeat(width.saturating_sub(n)))
}

/// The names of the parties at `indices`.
fn names_of(r: &Report, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .map(|&i| r.parties.names().get(i).cloned().unwrap_or_else(|| format!("#{}", i + 1)))
        .collect()
}

/// The exact value of a quotient: `n`, `n/d`, `sqrt(n/d)` or `inf`.
fn exact(q: &Quotient) -> String {
    if q.is_infinite() {
        return "inf".into();
    }
    let g = gcd(q.numer(), q.denom()).max(1);
    let (n, d) = (q.numer() / g, q.denom() / g);
    let fraction = if d == 1 { n.to_string() } else { format!("{n}/{d}") };
    if q.is_squared() { format!("sqrt({fraction})") } else { fraction }
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// The JSON document of `--format json`.
#[derive(Serialize)]
struct JsonReport<'a> {
    method: String,
    seats: u32,
    parties: Vec<JsonParty<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    threshold: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_parties: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tie: Option<JsonTie>,
    #[serde(skip_serializing_if = "Option::is_none")]
    audit: Option<JsonAudit<'a>>,
}

/// One party in the JSON output.
#[derive(Serialize)]
struct JsonParty<'a> {
    party: &'a str,
    votes: u64,
    eligible: bool,
    seats: u32,
}

/// A tie that was broken, by party names.
#[derive(Serialize)]
pub struct JsonTie {
    parties: Vec<String>,
    seats: u32,
    winners: Vec<String>,
    policy: String,
}

impl JsonTie {
    /// The tie `t` with its parties named from `names` (input order).
    pub fn new(t: &TieResolution, names: &[String]) -> JsonTie {
        let named = |ix: &[usize]| {
            ix.iter().map(|&i| names.get(i).cloned().unwrap_or_else(|| format!("#{}", i + 1))).collect()
        };
        JsonTie {
            parties: named(&t.parties),
            seats: t.seats,
            winners: named(&t.winners),
            policy: t.policy.to_string(),
        }
    }
}

/// An exact quotient and its nearest float (`null` when infinite).
#[derive(Serialize)]
pub struct JsonQuotient {
    exact: String,
    approx: Option<f64>,
}

impl From<&Quotient> for JsonQuotient {
    fn from(q: &Quotient) -> JsonQuotient {
        JsonQuotient { exact: exact(q), approx: (!q.is_infinite()).then(|| q.to_f64()) }
    }
}

/// The audit trail in JSON, by party name.
#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum JsonAudit<'a> {
    Quota {
        quota: JsonQuotient,
        whole_seats: u64,
        parties: Vec<JsonQuotaRow<'a>>,
    },
    Divisor {
        lowest_winning: Option<JsonQuotient>,
        highest_losing: Option<JsonQuotient>,
        parties: Vec<JsonDivisorRow<'a>>,
    },
}

/// A party's line of a quota audit.
#[derive(Serialize)]
pub struct JsonQuotaRow<'a> {
    party: &'a str,
    whole: u64,
    remainder: JsonQuotient,
    adjustment: i64,
    seats: u32,
}

/// A party's line of a divisor audit.
#[derive(Serialize)]
pub struct JsonDivisorRow<'a> {
    party: &'a str,
    seats: u32,
    last_quotient: Option<JsonQuotient>,
    next_quotient: Option<JsonQuotient>,
}

/// The audit trail in JSON, with `names` in the audit's order.
pub fn json_audit<'a>(names: &'a [String], audit: &Audit) -> JsonAudit<'a> {
    match audit {
        Audit::Quota(a) => JsonAudit::Quota {
            quota: (&a.quota).into(),
            whole_seats: a.whole_seats,
            parties: names
                .iter()
                .zip(&a.parties)
                .map(|(n, row)| JsonQuotaRow {
                    party: n,
                    whole: row.whole,
                    remainder: (&row.remainder).into(),
                    adjustment: row.adjustment,
                    seats: row.seats,
                })
                .collect(),
        },
        Audit::Divisor(a) => JsonAudit::Divisor {
            lowest_winning: a.lowest_winning.as_ref().map(Into::into),
            highest_losing: a.highest_losing.as_ref().map(Into::into),
            parties: names
                .iter()
                .zip(&a.parties)
                .map(|(n, row)| JsonDivisorRow {
                    party: n,
                    seats: row.seats,
                    last_quotient: row.last_quotient.as_ref().map(Into::into),
                    next_quotient: row.next_quotient.as_ref().map(Into::into),
                })
                .collect(),
        },
    }
}

/// One JSON object, parties in input order.
pub fn json(r: &Report, w: &mut impl Write) -> io::Result<()> {
    let names = r.parties.names();
    let doc = JsonReport {
        method: r.method.to_string(),
        seats: r.seats,
        parties: (0..names.len())
            .map(|i| JsonParty {
                party: &names[i],
                votes: r.parties.votes()[i],
                eligible: r.eligible[i],
                seats: r.allocation.seats()[i],
            })
            .collect(),
        threshold: r.threshold.map(|t| t.percent().to_string()),
        min_parties: (r.min_parties > 0).then_some(r.min_parties),
        tie: r.allocation.tie().map(|t| JsonTie::new(t, r.parties.names())),
        audit: r.audit.as_ref().map(|a| json_audit(names, a)),
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
    writeln!(w)
}

/// CSV with the columns `party,votes,eligible,seats` (and the audit columns
/// under `--explain`).
pub fn csv(r: &Report, w: &mut impl Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    let mut header = vec!["party", "votes", "eligible", "seats"];
    match &r.audit {
        Some(Audit::Quota(_)) => header.extend(["whole", "remainder"]),
        Some(Audit::Divisor(_)) => header.extend(["last_quotient", "next_quotient"]),
        None => {}
    }
    out.write_record(&header).map_err(csv_io)?;
    let show = |q: &Option<Quotient>| q.map_or_else(String::new, |q| q.to_string());
    for (i, name) in r.parties.names().iter().enumerate() {
        let mut row = vec![
            name.clone(),
            r.parties.votes()[i].to_string(),
            r.eligible[i].to_string(),
            r.allocation.seats()[i].to_string(),
        ];
        match &r.audit {
            Some(Audit::Quota(a)) => {
                if let Some(p) = a.parties.get(i) {
                    row.extend([p.whole.to_string(), p.remainder.to_string()]);
                }
            }
            Some(Audit::Divisor(a)) => {
                if let Some(p) = a.parties.get(i) {
                    row.extend([show(&p.last_quotient), show(&p.next_quotient)]);
                }
            }
            None => {}
        }
        out.write_record(&row).map_err(csv_io)?;
    }
    out.flush()
}

/// A CSV writer error as an I/O error, keeping the kind of an I/O failure
/// (a closed pipe must stay recognisable).
pub fn csv_io(e: csv::Error) -> io::Error {
    let text = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        _ => io::Error::other(text),
    }
}
