//! The view of how far each list is from a seat: what `saylau fragility`
//! prints, and the report's fragility table.

use std::io::{self, Write};

use serde::Serialize;

use super::body::{body_summary, heading, write_notes};
use super::{About, NoteView};
use crate::describe::table::{Align, Table};
use crate::describe::words::thousands;
use crate::fragility::Fragility;
use crate::system::Body;

/// Each list's distance from a seat under the list tier's rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FragilityView {
    /// What the scenario says about itself.
    #[serde(flatten)]
    pub about: About,
    /// The body's rules in one line.
    pub summary: String,
    /// One row per list, in registration order.
    pub parties: Vec<Fragility>,
    /// The what-if changes that made the result.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub what_if: Vec<NoteView>,
}

impl FragilityView {
    /// Describes the rows of [`crate::fragility::fragility_of_lists`].
    pub fn new(about: About, body: &Body, rows: Vec<Fragility>) -> FragilityView {
        FragilityView { about, summary: body_summary(body), parties: rows, what_if: Vec::new() }
    }

    /// The table for people.
    pub fn table(&self) -> Table {
        table(&self.parties)
    }

    /// The text for people: heading, table, notes.
    ///
    /// # Errors
    ///
    /// The writer's errors.
    pub fn write_text(&self, source: &str, w: &mut impl Write) -> io::Result<()> {
        heading(&self.about, &self.summary, source, w)?;
        writeln!(w)?;
        self.table().write_text(w)?;
        write_notes(&self.what_if, w)?;
        writeln!(w)?;
        writeln!(
            w,
            "Each list alone gaining or losing votes, every other count unchanged, under the list tier's rules \
             (threshold included; list lengths ignored). \"Spare votes\" a list can lose and keep all its seats."
        )
    }

    /// The CSV rows: one per list, plain digits, empty where there is no value.
    pub fn csv_rows(&self) -> Vec<FragilityCsvRow> {
        let opt = |v: Option<u64>| v.map_or_else(String::new, |v| v.to_string());
        self.parties
            .iter()
            .map(|f| FragilityCsvRow {
                party: name(f),
                votes: f.votes,
                seats: f.seats,
                votes_to_gain: opt(f.votes_to_gain),
                seats_after_gain: f.seats_after_gain.map_or_else(String::new, |s| s.to_string()),
                votes_to_lose: opt(f.votes_to_lose),
                spare_votes: f.spare_votes,
                exact: f.exact,
            })
            .collect()
    }
}

/// One CSV row of [`FragilityView::csv_rows`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FragilityCsvRow {
    /// The list.
    pub party: String,
    /// Its votes.
    pub votes: u64,
    /// Its seats.
    pub seats: u32,
    /// The fewest extra votes that win it a seat (empty: none).
    pub votes_to_gain: String,
    /// Its seats then.
    pub seats_after_gain: String,
    /// The fewest lost votes that cost it a seat (empty: no seat to lose).
    pub votes_to_lose: String,
    /// Votes it can lose and keep all its seats.
    pub spare_votes: u64,
    /// Whether the figures are proved least.
    pub exact: bool,
}

/// A list's name, or its position counting from 0.
fn name(f: &Fragility) -> String {
    f.party.clone().unwrap_or_else(|| f.index.to_string())
}

/// The fragility of each list as a table for people.
pub(crate) fn table(rows: &[Fragility]) -> Table {
    let mut t = Table::new([
        ("list", Align::Left),
        ("votes", Align::Right),
        ("seats", Align::Right),
        ("votes to gain", Align::Right),
        ("seats then", Align::Right),
        ("votes to lose", Align::Right),
        ("spare votes", Align::Right),
        ("exact", Align::Left),
    ]);
    let opt = |v: Option<u64>| v.map_or_else(|| "-".into(), thousands);
    for f in rows {
        t.push([
            name(f),
            thousands(f.votes),
            thousands(f.seats),
            opt(f.votes_to_gain),
            f.seats_after_gain.map_or_else(|| "-".into(), thousands),
            opt(f.votes_to_lose),
            thousands(f.spare_votes),
            if f.exact { "yes".into() } else { "not proved least".into() },
        ]);
    }
    t
}
