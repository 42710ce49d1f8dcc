//! The view of a referendum: what `saylau elect` prints for one.

use std::io::{self, Write};

use serde::Serialize;

use super::body::{heading, write_notes};
use super::{About, NoteView};
use crate::describe::table::{Align, Table};
use crate::describe::words::thousands;
use crate::referendum::{Referendum, ReferendumOutcome, Verdict};

/// A referendum, described: the JSON of `saylau elect` for one, its table
/// and its CSV rows (`field,value`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReferendumView {
    /// Always `"referendum"`.
    pub body: &'static str,
    /// The scenario's descriptive fields.
    #[serde(flatten)]
    pub about: About,
    /// `adopted`, `rejected` or `invalid`.
    pub outcome: &'static str,
    /// More than half of registered voters took part.
    pub valid: bool,
    /// More than half of those who took part voted yes.
    pub yes_majority: bool,
    /// Turnout in percent.
    pub turnout_percent: f64,
    /// Yes in percent of those who took part.
    pub yes_percent: f64,
    /// Regions with a yes majority, when regional figures are given.
    pub regions_with_yes_majority: Option<usize>,
    /// Whether the two-thirds-of-regions rule was met, when it applies and could be checked.
    pub regional_rule_met: Option<bool>,
    /// Registered voters.
    pub registered: u64,
    /// Voters who took part.
    pub took_part: u64,
    /// Yes votes.
    pub yes: u64,
    /// No votes, when given.
    pub no: Option<u64>,
    /// Invalid ballots, when given.
    pub invalid: Option<u64>,
    /// Whether it changes the constitution (the regional rule applies).
    pub constitutional: bool,
    /// The number of regions given.
    #[serde(skip)]
    pub regions: usize,
    /// What was checked and what could not be.
    pub notes: Vec<NoteView>,
}

/// One row of `saylau elect --format csv` for a referendum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldValue {
    /// The field, as in JSON.
    pub field: &'static str,
    /// Its value (empty when unknown).
    pub value: String,
}

impl ReferendumView {
    /// Describes `outcome`, decided from `figures`.
    pub fn new(about: About, figures: &Referendum, outcome: &ReferendumOutcome) -> ReferendumView {
        ReferendumView {
            body: "referendum",
            about,
            outcome: match outcome.outcome {
                Verdict::Adopted => "adopted",
                Verdict::Rejected => "rejected",
                Verdict::Invalid => "invalid",
            },
            valid: outcome.valid,
            yes_majority: outcome.yes_majority,
            turnout_percent: outcome.turnout_percent,
            yes_percent: outcome.yes_percent,
            regions_with_yes_majority: outcome.regions_with_yes_majority,
            regional_rule_met: outcome.regional_rule_met,
            registered: figures.registered,
            took_part: figures.took_part,
            yes: figures.yes,
            no: figures.no,
            invalid: figures.invalid,
            constitutional: figures.constitutional,
            regions: figures.regions.len(),
            notes: outcome.notes.iter().map(NoteView::from).collect(),
        }
    }

    /// The figures for people, each with what it decides.
    pub fn table(&self) -> Table {
        let yes_no = |b: bool| if b { "yes" } else { "no" };
        let mut t = Table::new([("", Align::Left), ("", Align::Right), ("", Align::Left)]);
        t.push(["registered voters".into(), thousands(self.registered), String::new()]);
        t.push([
            "took part".into(),
            thousands(self.took_part),
            format!("{:.2}% turnout; more than half needed: {}", self.turnout_percent, yes_no(self.valid)),
        ]);
        t.push([
            "yes".into(),
            thousands(self.yes),
            format!(
                "{:.2}% of those who took part; more than half needed: {}",
                self.yes_percent,
                yes_no(self.yes_majority)
            ),
        ]);
        if let Some(n) = self.no {
            t.push(["no".into(), thousands(n), String::new()]);
        }
        if let Some(n) = self.invalid {
            t.push(["invalid ballots".into(), thousands(n), String::new()]);
        }
        t
    }

    /// The referendum as text for people.
    ///
    /// # Errors
    ///
    /// The writer's errors.
    pub fn write_text(&self, source: &str, w: &mut impl Write) -> io::Result<()> {
        heading(&self.about, "referendum", source, w)?;
        writeln!(w)?;
        writeln!(w, "outcome: {}", self.outcome.to_uppercase())?;
        self.table().write_text(w)?;
        if self.constitutional {
            match (self.regions_with_yes_majority, self.regional_rule_met) {
                (Some(n), Some(met)) => writeln!(
                    w,
                    "constitutional: yes majority in {n} of {} regions; two thirds needed: {}",
                    self.regions,
                    if met { "met" } else { "not met" }
                )?,
                _ => writeln!(w, "constitutional: the two-thirds-of-regions rule was not checked")?,
            }
        }
        write_notes(&self.notes, w)
    }

    /// The CSV rows: `field,value`, unknown values empty.
    pub fn csv_rows(&self) -> Vec<FieldValue> {
        let opt = |v: Option<u64>| v.map_or_else(String::new, |v| v.to_string());
        let row = |field, value: String| FieldValue { field, value };
        vec![
            row("body", self.body.to_string()),
            row("outcome", self.outcome.to_string()),
            row("valid", self.valid.to_string()),
            row("yes_majority", self.yes_majority.to_string()),
            row("turnout_percent", self.turnout_percent.to_string()),
            row("yes_percent", self.yes_percent.to_string()),
            row(
                "regions_with_yes_majority",
                self.regions_with_yes_majority.map_or_else(String::new, |n| n.to_string()),
            ),
            row("regional_rule_met", self.regional_rule_met.map_or_else(String::new, |b| b.to_string())),
            row("registered", self.registered.to_string()),
            row("took_part", self.took_part.to_string()),
            row("yes", self.yes.to_string()),
            row("no", opt(self.no)),
            row("invalid", opt(self.invalid)),
            row("constitutional", self.constitutional.to_string()),
        ]
    }
}
