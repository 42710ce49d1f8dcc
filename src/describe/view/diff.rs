//! The view of two elections side by side: what `saylau diff` prints.

use std::io::{self, Write};

use serde::Serialize;

use crate::describe::table::{Align, Table};
use crate::describe::words::thousands;
use crate::diff::{Diff, Side};

/// One party in one election, as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideView {
    /// The name it ran under.
    pub name: String,
    /// List votes (`null`: districts only).
    pub votes: Option<u64>,
    /// Share of the list-vote base, in percent.
    pub share_percent: Option<f64>,
    /// All its seats.
    pub seats: u32,
}

impl From<&Side> for SideView {
    fn from(s: &Side) -> SideView {
        SideView { name: s.name.clone(), votes: s.votes, share_percent: s.share, seats: s.seats }
    }
}

/// One party in both elections, as printed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffRowView {
    /// The party (its name in the second election when it ran in it).
    pub party: String,
    /// The party registry's identifier (`null`: not a registered party).
    pub registered: Option<&'static str>,
    /// The first election (`null`: it did not run).
    pub before: Option<SideView>,
    /// The second election (`null`: it did not run).
    pub after: Option<SideView>,
    /// Seats after minus seats before.
    pub seat_change: Option<i64>,
    /// Share after minus share before, in percentage points.
    pub swing_points: Option<f64>,
}

/// Two elections side by side: the JSON of `saylau diff`, its table and
/// CSV rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffView {
    /// The first election's title or file.
    pub before: String,
    /// The second election's title or file.
    pub after: String,
    /// Seats of the two bodies.
    pub seats: [u32; 2],
    /// The parties.
    pub parties: Vec<DiffRowView>,
}

/// One row of `saylau diff --format csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DiffCsvRow {
    /// The party.
    pub party: String,
    /// Its name in the first election.
    pub before_name: Option<String>,
    /// Its votes in the first election.
    pub before_votes: Option<u64>,
    /// Its share in the first election, in percent.
    pub before_share_percent: Option<f64>,
    /// Its seats in the first election.
    pub before_seats: Option<u32>,
    /// Its votes in the second election.
    pub after_votes: Option<u64>,
    /// Its share in the second election, in percent.
    pub after_share_percent: Option<f64>,
    /// Its seats in the second election.
    pub after_seats: Option<u32>,
    /// Seats after minus seats before.
    pub seat_change: Option<i64>,
    /// Share after minus share before, in percentage points.
    pub swing_points: Option<f64>,
}

impl DiffView {
    /// Describes `diff` between the elections called `before` and `after`.
    pub fn new(before: String, after: String, diff: &Diff) -> DiffView {
        DiffView {
            before,
            after,
            seats: [diff.seats.0, diff.seats.1],
            parties: diff
                .rows
                .iter()
                .map(|r| DiffRowView {
                    party: r.party.clone(),
                    registered: r.registered,
                    before: r.before.as_ref().map(SideView::from),
                    after: r.after.as_ref().map(SideView::from),
                    seat_change: r.seat_change(),
                    swing_points: r.swing(),
                })
                .collect(),
        }
    }

    /// The table for people.
    pub fn table(&self) -> Table {
        let mut t = Table::new([
            ("party", Align::Left),
            ("votes before", Align::Right),
            ("share", Align::Right),
            ("seats", Align::Right),
            ("votes after", Align::Right),
            ("share", Align::Right),
            ("seats", Align::Right),
            ("swing", Align::Right),
            ("seat change", Align::Right),
        ]);
        let cells = |s: &Option<SideView>| match s {
            None => ["did not run".to_string(), String::new(), String::new()],
            Some(s) => [
                s.votes.map_or_else(|| "-".into(), thousands),
                s.share_percent.map_or_else(|| "-".into(), |p| format!("{p:.2}%")),
                s.seats.to_string(),
            ],
        };
        for r in &self.parties {
            let mut name = r.party.clone();
            if let Some(b) = r.before.as_ref().filter(|b| b.name != r.party) {
                name.push_str(&format!(" (before: {})", b.name));
            }
            let mut row = vec![name];
            row.extend(cells(&r.before));
            row.extend(cells(&r.after));
            row.push(r.swing_points.map_or_else(String::new, |s| format!("{s:+.2} pts")));
            row.push(r.seat_change.map_or_else(String::new, |c| format!("{c:+}")));
            t.push(row);
        }
        t
    }

    /// The comparison as text for people.
    ///
    /// # Errors
    ///
    /// The writer's errors.
    pub fn write_text(&self, w: &mut impl Write) -> io::Result<()> {
        writeln!(w, "before: {}: {} seats", self.before, thousands(self.seats[0]))?;
        writeln!(w, "after:  {}: {} seats", self.after, thousands(self.seats[1]))?;
        writeln!(w)?;
        self.table().write_text(w)?;
        writeln!(w)?;
        writeln!(
            w,
            "shares are of each election's votes for lists (and \"against all\" where it was on the ballot); parties \
             are matched by name, including former names (Nur Otan is Amanat)"
        )
    }

    /// The CSV rows.
    pub fn csv_rows(&self) -> Vec<DiffCsvRow> {
        self.parties
            .iter()
            .map(|r| DiffCsvRow {
                party: r.party.clone(),
                before_name: r.before.as_ref().map(|s| s.name.clone()),
                before_votes: r.before.as_ref().and_then(|s| s.votes),
                before_share_percent: r.before.as_ref().and_then(|s| s.share_percent),
                before_seats: r.before.as_ref().map(|s| s.seats),
                after_votes: r.after.as_ref().and_then(|s| s.votes),
                after_share_percent: r.after.as_ref().and_then(|s| s.share_percent),
                after_seats: r.after.as_ref().map(|s| s.seats),
                seat_change: r.seat_change,
                swing_points: r.swing_points,
            })
            .collect()
    }
}
