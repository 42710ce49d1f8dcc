//! The view of a comparison: what `saylau compare` prints in every format,
//! and the methods, thresholds and designs tables of the HTML report.

use std::io::{self, Write};

use serde::Serialize;

use super::body::{SELF_NOMINATED, UNDECIDED, VACANT, body_summary, heading};
use super::{About, NoteView, TieView, party_name};
use crate::compare::{CompensatoryError, Design, DesignTable, Overhang, Row, Setting, Sweep};
use crate::describe::notes::tie_rule_words;
use crate::describe::table::{Align, Table};
use crate::describe::words::{counted, join_names, thousands};
use crate::error::Error;
use crate::system::Body;

/// What a comparison varies: the `"by"` of the JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    /// Every apportionment method.
    Methods,
    /// A range of thresholds.
    Thresholds,
    /// A range of list-tier sizes.
    Houses,
    /// Other designs of the body.
    Designs,
}

impl By {
    /// The name as typed after `--by` and as in JSON: `"methods"`.
    pub fn name(self) -> &'static str {
        match self {
            By::Methods => "methods",
            By::Thresholds => "thresholds",
            By::Houses => "houses",
            By::Designs => "designs",
        }
    }

    /// The name of the setting's field and CSV column: `method`,
    /// `threshold_percent`, `list_seats` or `design`.
    pub fn key(self) -> &'static str {
        match self {
            By::Methods => "method",
            By::Thresholds => "threshold_percent",
            By::Houses => "list_seats",
            By::Designs => "design",
        }
    }

    /// The header of the setting's column for people.
    fn header(self) -> &'static str {
        match self {
            By::Methods => "method",
            By::Thresholds => "threshold",
            By::Houses => "list seats",
            By::Designs => "design",
        }
    }
}

/// A setting, machine-readable: one field named after what varies.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum SettingValue {
    /// The method's name (`"dhondt"`).
    #[serde(rename = "method")]
    Method(String),
    /// The threshold in percent, as written (`"2.5"`).
    #[serde(rename = "threshold_percent")]
    ThresholdPercent(String),
    /// The list tier's size.
    #[serde(rename = "list_seats")]
    ListSeats(u32),
}

impl SettingValue {
    fn new(s: &Setting) -> SettingValue {
        match s {
            Setting::Method(m) => SettingValue::Method(m.to_string()),
            Setting::Threshold(t) => SettingValue::ThresholdPercent(t.percent().to_string()),
            Setting::House(h) => SettingValue::ListSeats(*h),
        }
    }

    fn text(&self) -> String {
        match self {
            SettingValue::Method(s) | SettingValue::ThresholdPercent(s) => s.clone(),
            SettingValue::ListSeats(n) => n.to_string(),
        }
    }
}

/// One row of a method, threshold or house-size comparison. A row has
/// either `seats` and `eligible` (and perhaps `tie`) or an `error`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettingRow {
    /// The setting for people: `"D'Hondt"`, `"7%"`, `"69 seats"`.
    pub label: String,
    /// The setting.
    #[serde(flatten)]
    pub setting: SettingValue,
    /// Seats per party, in the order of the parties (`null`: not counted).
    pub seats: Option<Vec<u32>>,
    /// Which parties took part (`null`: not counted).
    pub eligible: Option<Vec<bool>>,
    /// The tie the policy broke (`null`: none).
    pub tie: Option<TieView>,
    /// Why the count failed (`null`: it went through).
    pub error: Option<String>,
}

impl SettingRow {
    fn new(r: &Row, parties: &[String]) -> SettingRow {
        let label = match &r.setting {
            Setting::Method(m) => m.label(),
            Setting::Threshold(t) => t.to_string(),
            Setting::House(h) => counted((*h).into(), "seat"),
        };
        let (seats, eligible, tie, error) = match &r.outcome {
            Ok(c) => (
                Some(c.seats.clone()),
                Some(c.eligible.clone()),
                c.tie.as_ref().map(|t| TieView::new(t, parties)),
                None,
            ),
            Err(e) => (None, None, None, Some(error_words(e, parties))),
        };
        SettingRow { label, setting: SettingValue::new(&r.setting), seats, eligible, tie, error }
    }
}

/// One row of a design comparison: the design's seats, or why it could not
/// be counted (`error`, the other fields `null`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DesignRowView {
    /// The design for people.
    pub design: String,
    /// The body's size under this design.
    pub house: Option<u32>,
    /// Total seats per party.
    pub seats: Option<Vec<u32>>,
    /// List seats per party.
    pub list_seats: Option<Vec<u32>>,
    /// District seats per party.
    pub district_seats: Option<Vec<u32>>,
    /// Seats of self-nominated members.
    pub independents: Option<u32>,
    /// Seats the rules left empty.
    pub vacant: Option<u32>,
    /// Seats with no result given.
    pub undecided: Option<u32>,
    /// Overhang seats (compensatory designs).
    pub overhang: Option<u32>,
    /// Seats added to level the overhang.
    pub levelling: Option<u32>,
    /// Why the design could not be counted (`null`: it was).
    pub error: Option<String>,
}

/// The rows of a comparison: settings of the list tier, or designs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ComparisonRows {
    /// Methods, thresholds or house sizes.
    Settings(Vec<SettingRow>),
    /// Designs of the body.
    Designs(Vec<DesignRowView>),
}

/// A comparison, described: the JSON of `saylau compare` (`{"by",
/// "parties", "rows"}`), and the table its text, CSV and HTML show, with
/// the parties as column headers.
///
/// ```
/// use saylau::compare::by_house;
/// use saylau::describe::view::comparison::By;
/// use saylau::describe::view::{About, ComparisonView};
/// use saylau::scenario::Scenario;
/// let s = Scenario::from_json(r#"{"body": "kurultai", "list_seats": 10, "threshold_percent": "5",
///   "method": "hare", "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600},
///   {"party": "C", "votes": 400}]}"#)?;
/// let body = s.body()?;
/// let sweep = by_house(body.list.as_ref().unwrap(), &s.lists, 0, 9..=11)?;
/// let view = ComparisonView::sweep(About::of(&s), &body, By::Houses, &sweep);
/// let json = serde_json::to_value(&view)?;
/// assert_eq!(json["by"], "houses");
/// assert_eq!(json["rows"][2]["list_seats"], 11);
/// assert_eq!(json["rows"][2]["seats"], serde_json::json!([7, 4, 0]));
/// let table = view.table();
/// assert_eq!(table.columns[1].header, "A");
/// // C is below the threshold: "-".
/// assert_eq!(table.rows[2], ["11 seats", "7", "4", "-", ""]);
/// assert_eq!(view.csv_rows()[0], ["list_seats", "A", "B", "C", "error"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComparisonView {
    /// What varies.
    pub by: By,
    /// The parties, in the order of every row's seats.
    pub parties: Vec<String>,
    /// One row per setting or design.
    pub rows: ComparisonRows,
    /// The scenario's descriptive fields (not in JSON).
    #[serde(skip)]
    pub about: About,
    /// The body's rules in one line (not in JSON).
    #[serde(skip)]
    pub summary: String,
    /// What the command line changed ("what if"), as notes (absent when nothing).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub what_if: Vec<NoteView>,
}

impl ComparisonView {
    /// Describes a sweep of `body`'s list tier; `by` says what it varies
    /// ([`By::Methods`], [`By::Thresholds`] or [`By::Houses`]).
    pub fn sweep(about: About, body: &Body, by: By, sweep: &Sweep) -> ComparisonView {
        ComparisonView {
            by,
            parties: sweep.parties.clone(),
            rows: ComparisonRows::Settings(
                sweep.rows.iter().map(|r| SettingRow::new(r, &sweep.parties)).collect(),
            ),
            about,
            summary: body_summary(body),
            what_if: Vec::new(),
        }
    }

    /// Describes `body` under other designs.
    pub fn designs(about: About, body: &Body, table: &DesignTable) -> ComparisonView {
        let rows = table
            .rows
            .iter()
            .map(|r| {
                let design = design_label(body, &r.design);
                match &r.outcome {
                    Ok(s) => DesignRowView {
                        design,
                        house: Some(s.house),
                        seats: Some(s.seats.clone()),
                        list_seats: Some(s.list_seats.clone()),
                        district_seats: Some(s.district_seats.clone()),
                        independents: Some(s.independents),
                        vacant: Some(s.vacant),
                        undecided: Some(s.undecided),
                        overhang: Some(s.overhang),
                        levelling: Some(s.levelling),
                        error: None,
                    },
                    Err(e) => DesignRowView {
                        design,
                        house: None,
                        seats: None,
                        list_seats: None,
                        district_seats: None,
                        independents: None,
                        vacant: None,
                        undecided: None,
                        overhang: None,
                        levelling: None,
                        error: Some(match e {
                            CompensatoryError::Count(e) => error_words(e, &table.parties),
                            refused => refused.to_string(),
                        }),
                    },
                }
            })
            .collect();
        ComparisonView {
            by: By::Designs,
            parties: table.parties.clone(),
            rows: ComparisonRows::Designs(rows),
            about,
            summary: body_summary(body),
            what_if: Vec::new(),
        }
    }

    /// The comparison for people: one row per setting or design, one column
    /// per party, then (designs) the seats no party holds, and a note (a tie
    /// broken, overhang, or why the row could not be counted). `-`: the list
    /// did not take part.
    pub fn table(&self) -> Table {
        let parties = self.parties.iter().map(|p| (p.clone(), Align::Right));
        match &self.rows {
            ComparisonRows::Settings(rows) => {
                let mut columns = vec![(self.by.header().to_string(), Align::Left)];
                columns.extend(parties);
                columns.push(("note".into(), Align::Left));
                let mut t = Table::new(columns);
                for r in rows {
                    let mut cells = vec![r.label.clone()];
                    match (&r.seats, &r.error) {
                        (Some(seats), _) => {
                            let eligible = r.eligible.as_deref().unwrap_or_default();
                            cells.extend(seats.iter().enumerate().map(|(i, &s)| {
                                if eligible.get(i) == Some(&false) { "-".to_string() } else { thousands(s) }
                            }));
                            cells.push(r.tie.as_ref().map(tie_words).unwrap_or_default());
                        }
                        (None, error) => {
                            cells.extend(self.parties.iter().map(|_| String::new()));
                            cells.push(error.clone().unwrap_or_default());
                        }
                    }
                    t.push(cells);
                }
                t
            }
            ComparisonRows::Designs(rows) => {
                let mut columns = vec![("design".to_string(), Align::Left), ("seats".into(), Align::Right)];
                columns.extend(parties);
                for word in [SELF_NOMINATED, VACANT, UNDECIDED] {
                    columns.push((word.into(), Align::Right));
                }
                columns.push(("note".into(), Align::Left));
                let mut t = Table::new(columns);
                for r in rows {
                    let mut cells = vec![r.design.clone()];
                    let number = |n: Option<u32>| n.map(thousands).unwrap_or_default();
                    cells.push(number(r.house));
                    match &r.seats {
                        Some(seats) => cells.extend(seats.iter().map(|&s| thousands(s))),
                        None => cells.extend(self.parties.iter().map(|_| String::new())),
                    }
                    cells.extend([number(r.independents), number(r.vacant), number(r.undecided)]);
                    let mut note = Vec::new();
                    if let Some(e) = &r.error {
                        note.push(e.clone());
                    }
                    if let Some(n) = r.overhang.filter(|&n| n > 0) {
                        note.push(counted(n.into(), "overhang seat"));
                    }
                    if let Some(n) = r.levelling.filter(|&n| n > 0) {
                        note.push(counted(n.into(), "levelling seat"));
                    }
                    cells.push(note.join(", "));
                    t.push(cells);
                }
                t
            }
        }
    }

    /// The notes under the table.
    pub fn notes(&self) -> Vec<String> {
        match self.by {
            By::Designs => vec![
                "compensatory designs apportion the whole body among the lists taking part and subtract each \
                 party's district seats; overhang (district seats beyond the proportional share) is kept or \
                 levelled"
                    .into(),
                "the district results are those counted under the rules as given; a compensatory design needs \
                 every district's result"
                    .into(),
                format!("{VACANT}: seats the rules left empty; {UNDECIDED}: seats with no result given"),
            ],
            _ => vec!["\"-\": the list did not take part (below the threshold)".into()],
        }
    }

    /// The comparison as text for people: heading, table, notes.
    ///
    /// # Errors
    ///
    /// The writer's errors.
    pub fn write_text(&self, source: &str, w: &mut impl Write) -> io::Result<()> {
        heading(&self.about, &self.summary, source, w)?;
        writeln!(w)?;
        self.table().write_text(w)?;
        writeln!(w)?;
        writeln!(w, "notes:")?;
        for n in &self.what_if {
            writeln!(w, "- {}", n.text)?;
        }
        for n in self.notes() {
            writeln!(w, "- {n}")?;
        }
        Ok(())
    }

    /// The CSV records, the header first: the setting (`method`,
    /// `threshold_percent`, `list_seats`; or `design` and `house`), one
    /// column per party, then (designs) `independents`, `vacant`,
    /// `undecided`, `overhang`, `levelling`, and `error`: why the row could
    /// not be counted. Plain digits; empty cells when not counted.
    pub fn csv_rows(&self) -> Vec<Vec<String>> {
        let mut head = vec![self.by.key().to_string()];
        if self.by == By::Designs {
            head.push("house".into());
        }
        head.extend(self.parties.iter().cloned());
        let blank = || self.parties.iter().map(|_| String::new());
        let mut records = Vec::new();
        match &self.rows {
            ComparisonRows::Settings(rows) => {
                head.push("error".into());
                records.push(head);
                for r in rows {
                    let mut rec = vec![r.setting.text()];
                    match &r.seats {
                        Some(s) => rec.extend(s.iter().map(u32::to_string)),
                        None => rec.extend(blank()),
                    }
                    rec.push(r.error.clone().unwrap_or_default());
                    records.push(rec);
                }
            }
            ComparisonRows::Designs(rows) => {
                head.extend(
                    ["independents", "vacant", "undecided", "overhang", "levelling", "error"]
                        .map(String::from),
                );
                records.push(head);
                for r in rows {
                    let number = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
                    let mut rec = vec![r.design.clone(), number(r.house)];
                    match &r.seats {
                        Some(s) => rec.extend(s.iter().map(u32::to_string)),
                        None => rec.extend(blank()),
                    }
                    rec.extend(
                        [r.independents, r.vacant, r.undecided, r.overhang, r.levelling]
                            .into_iter()
                            .map(number),
                    );
                    rec.push(r.error.clone().unwrap_or_default());
                    records.push(rec);
                }
            }
        }
        records
    }
}

/// A tie broken, in words: `"tie between A and B for 1 seat: A takes it by
/// the tie rule (the one listed first wins)"`.
fn tie_words(tie: &TieView) -> String {
    let rule = tie.policy.parse().map(tie_rule_words).unwrap_or_else(|_| tie.policy.clone());
    format!(
        "tie between {} for {}: {} take{} {} by the tie rule ({rule})",
        join_names(&tie.parties),
        counted(tie.seats.into(), "seat"),
        join_names(&tie.winners),
        if tie.winners.len() == 1 { "s" } else { "" },
        if tie.seats == 1 { "it" } else { "them" },
    )
}

/// Why a count failed, for people: parties by name (`positions` index
/// `parties`), numbers with thousands separators.
fn error_words(e: &Error, parties: &[String]) -> String {
    match e {
        Error::Tie { parties: tied, seats } => format!(
            "tie between {} for {}: exactly equal claims that the tie rule does not break",
            join_names(tied.iter().map(|&i| party_name(parties, i))),
            counted((*seats).into(), "seat")
        ),
        Error::NoEligibleParty { threshold, base } => {
            format!("no party reaches the threshold of {threshold}% of {} votes", thousands(*base))
        }
        other => other.to_string(),
    }
}

/// A design for people: `"all 98 seats by list"`.
pub fn design_label(body: &Body, d: &Design) -> String {
    match d {
        Design::AsGiven => format!("{} as given", body.name),
        Design::AllList => format!("all {} by list", counted(body.seats().into(), "seat")),
        Design::Compensatory(Overhang::Keep) => "compensatory list tier (MMP), overhang kept".into(),
        Design::Compensatory(Overhang::Level) => "compensatory list tier (MMP), overhang levelled".into(),
        Design::Preset { preset, overrides } => {
            let o = overrides;
            let mut parts = vec![preset.name().to_string()];
            let mut add = |k: &str, v: Option<String>| {
                if let Some(v) = v {
                    parts.push(format!("{k} {v}"));
                }
            };
            add("seats", o.seats.map(thousands));
            add("list seats", o.list_seats.map(thousands));
            add("district seats", o.district_seats.map(thousands));
            add("threshold", o.threshold.map(|t| t.to_string()));
            add("method", o.method.map(|m| m.label()));
            add("ties", o.ties.map(tie_rule_words));
            add("at least", o.min_parties.map(|n| format!("{n} part{}", if n == 1 { "y" } else { "ies" })));
            add("against all", o.against_all_rule.map(|r| format!("{r:?}")));
            add("unfilled seats", o.unfilled_seats.map(|u| format!("{u:?}")));
            parts.join(", ")
        }
        Design::Custom(b) => format!("custom body {}", b.name),
    }
}
