//! The view of the measures of one result: what `saylau metrics` prints in
//! every format, and the metrics section of the HTML report.

use std::io::{self, Write};

use serde::Serialize;

use super::body::{AGAINST_ALL, body_summary, heading, label};
use super::{About, NoteView};
use crate::describe::table::{Align, Table};
use crate::describe::words::{counted, share, thousands};
use crate::metrics::{DistrictWaste, Index, IndexValue, PartyShare, TierMetrics, district_waste};
use crate::system::{Ballots, Body, BodyResult};

/// The indices of one tier: the JSON object of `"list_tier"` and
/// `"whole_body"`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TierView {
    /// The vote base: the parties' votes plus `extra_votes`.
    pub vote_base: u128,
    /// Votes in the base that are no party's ("against all").
    pub extra_votes: u64,
    /// The seats the parties hold in this tier.
    pub seats: u64,
    /// Gallagher's least-squares index (percentage points).
    pub gallagher: f64,
    /// Loosemore-Hanby index (percentage points).
    pub loosemore_hanby: f64,
    /// Rae's index (`null`: no party reaches the cut-off).
    pub rae: Option<f64>,
    /// Sainte-Laguë index.
    pub sainte_lague: f64,
    /// D'Hondt index (`null`: seats won without votes).
    pub dhondt: Option<f64>,
    /// Effective number of parties by votes.
    pub enep: f64,
    /// Effective number of parties by seats.
    pub enpp: f64,
    /// Golosov's effective number by votes.
    pub golosov_votes: f64,
    /// Golosov's effective number by seats.
    pub golosov_seats: f64,
    /// Votes that elected nobody.
    pub wasted_votes: u128,
    /// Those votes as a percent of the vote base.
    pub wasted_share: f64,
    /// The party with the most votes.
    pub largest_party: String,
    /// Its seat share minus its vote share (percentage points).
    pub largest_party_bonus: f64,
    /// Every party: votes, seats, shares, advantage ratio.
    pub parties: Vec<PartyShare>,
    /// Every index with its value, in the order shown (not in JSON: the
    /// fields above are).
    #[serde(skip)]
    pub indices: Vec<(Index, IndexValue)>,
}

impl TierView {
    /// Describes a tier's indices.
    pub fn new(t: &TierMetrics) -> TierView {
        let m = &t.metrics;
        TierView {
            vote_base: m.vote_base,
            extra_votes: m.extra_votes,
            seats: m.seats_total,
            gallagher: m.gallagher,
            loosemore_hanby: m.loosemore_hanby,
            rae: m.rae,
            sainte_lague: m.sainte_lague,
            dhondt: m.dhondt,
            enep: m.enep,
            enpp: m.enpp,
            golosov_votes: m.golosov_votes,
            golosov_seats: m.golosov_seats,
            wasted_votes: m.wasted_votes,
            wasted_share: m.wasted_share,
            largest_party: t.largest_party().to_string(),
            largest_party_bonus: m.largest_party_bonus,
            parties: t.parties.clone(),
            indices: Index::ALL.iter().map(|&i| (i, t.value(i))).collect(),
        }
    }

    /// The indices for people: name, value, meaning.
    pub fn index_table(&self) -> Table {
        let mut t = Table::new([("index", Align::Left), ("value", Align::Right), ("meaning", Align::Left)]);
        for (index, value) in &self.indices {
            t.push([index.name().to_string(), shown(*index, value), index.meaning().to_string()]);
        }
        t
    }

    /// The parties for people: votes, shares, seats and advantage ratio,
    /// then "against all" when it is in the vote base.
    pub fn party_table(&self) -> Table {
        let mut t = Table::new([
            ("party", Align::Left),
            ("votes", Align::Right),
            ("vote %", Align::Right),
            ("seats", Align::Right),
            ("seat %", Align::Right),
            ("seat/vote", Align::Right),
        ]);
        for p in &self.parties {
            t.push([
                p.party.clone(),
                thousands(p.votes),
                format!("{:.2}", p.vote_share),
                thousands(p.seats),
                format!("{:.2}", p.seat_share),
                p.advantage_ratio.map_or_else(|| "-".into(), |r| format!("{r:.3}")),
            ]);
        }
        if self.extra_votes > 0 {
            t.push([
                label(AGAINST_ALL),
                thousands(self.extra_votes),
                format!("{:.2}", share(self.extra_votes.into(), self.vote_base)),
                "0".into(),
                "0.00".into(),
                String::new(),
            ]);
        }
        t
    }

    fn write_text(&self, heading: &str, w: &mut impl Write) -> io::Result<()> {
        writeln!(w)?;
        writeln!(w, "{heading}")?;
        self.index_table().write_text(w)?;
        writeln!(w)?;
        self.party_table().write_text(w)
    }

    fn csv_rows(&self, tier: &str, rows: &mut Vec<MetricsCsvRow>) {
        for (index, value) in &self.indices {
            let value = match value {
                IndexValue::Real(v) => v.to_string(),
                IndexValue::Undefined => String::new(),
                IndexValue::Votes(v) => v.to_string(),
                IndexValue::Party(p) => p.clone(),
            };
            rows.push(MetricsCsvRow { tier: tier.into(), index: index.key().into(), value });
        }
    }
}

/// An index's value for people: two decimals (three for the D'Hondt
/// ratio), votes with thousands separators, `-` when undefined.
fn shown(index: Index, value: &IndexValue) -> String {
    match value {
        IndexValue::Real(v) if index == Index::DHondt => format!("{v:.3}"),
        IndexValue::Real(v) => format!("{v:.2}"),
        IndexValue::Undefined => "-".into(),
        IndexValue::Votes(v) => thousands(*v),
        IndexValue::Party(p) => p.clone(),
    }
}

/// The measures of one result, described: the JSON of `saylau metrics`
/// (`{"list_tier", "whole_body", "district_waste"}`), and the tables its
/// text, CSV and HTML show.
///
/// ```
/// use saylau::describe::view::{About, MetricsView};
/// use saylau::scenario::Scenario;
/// let s = Scenario::from_json(r#"{"body": "kurultai", "list_seats": 10, "threshold_percent": "5",
///   "method": "hare", "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600},
///   {"party": "C", "votes": 400}]}"#)?;
/// let (body, ballots) = (s.body()?, s.ballots());
/// let view = MetricsView::new(About::of(&s), &body, &ballots, &body.elect(&ballots)?);
/// let json = serde_json::to_value(&view)?;
/// assert_eq!(json["list_tier"]["largest_party"], "A");
/// assert_eq!(json["list_tier"]["wasted_votes"], 400);
/// assert!(json["whole_body"].is_null() && json["district_waste"].is_null());
/// // For people: thousands separators; in CSV, plain digits.
/// assert_eq!(view.list_tier.as_ref().unwrap().party_table().rows[0][1], "6,000");
/// assert!(view.csv_rows().iter().any(|r| r.index == "wasted_votes" && r.value == "400"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricsView {
    /// The list tier: list votes against list seats (`null` without lists
    /// or without list seats).
    pub list_tier: Option<TierView>,
    /// The whole body: list votes against all of a party's seats (`null`
    /// unless the body has both tiers, lists and districts).
    pub whole_body: Option<TierView>,
    /// District votes that elected nobody (`null` without districts).
    pub district_waste: Option<DistrictWaste>,
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

impl MetricsView {
    /// Measures `result`, elected under `body`'s rules from `ballots`.
    pub fn new(about: About, body: &Body, ballots: &Ballots, result: &BodyResult) -> MetricsView {
        let against_all = ballots.against_all;
        let has_lists = !ballots.lists.is_empty();
        let has_districts = !ballots.districts.is_empty();
        let list_seats = body.list.as_ref().is_some_and(|t| t.seats > 0);
        let district_seats = body.districts.as_ref().is_some_and(|t| t.seats > 0);
        let list_tier = (list_seats && has_lists)
            .then(|| TierMetrics::list_tier(result, against_all).ok())
            .flatten()
            .map(|t| TierView::new(&t));
        let whole_body = (list_seats && district_seats && has_lists && has_districts)
            .then(|| TierMetrics::whole_body(result, against_all).ok())
            .flatten()
            .map(|t| TierView::new(&t));
        MetricsView {
            list_tier,
            whole_body,
            district_waste: has_districts.then(|| district_waste(ballots, result)),
            about,
            summary: body_summary(body),
            what_if: result
                .notes
                .iter()
                .filter(|n| matches!(n, crate::note::Note::Overridden { .. }))
                .map(NoteView::from)
                .collect(),
        }
    }

    /// Whether nothing could be measured.
    pub fn is_empty(&self) -> bool {
        self.list_tier.is_none() && self.whole_body.is_none() && self.district_waste.is_none()
    }

    /// The heading of the list tier's tables.
    pub fn list_tier_heading(&self) -> Option<String> {
        self.list_tier.as_ref().map(|t| {
            let extra =
                if t.extra_votes > 0 { ", \"against all\" in the vote base as a seatless group" } else { "" };
            format!(
                "list tier: {}, {}{extra}",
                counted(t.seats, "list seat"),
                counted(t.parties.len() as u64, "list")
            )
        })
    }

    /// The heading of the whole body's tables.
    pub fn whole_body_heading(&self) -> Option<String> {
        self.whole_body.as_ref().map(|t| {
            format!(
                "whole body: list votes against all {} (self-nominated, vacant and undecided seats left out)",
                counted(t.seats, "party seat")
            )
        })
    }

    /// The district waste in a sentence: `"cast 1,000, wasted 400 (40.00%)"`.
    pub fn district_waste_words(&self) -> Option<String> {
        self.district_waste.map(|d| {
            let share = d.share.map_or_else(|| "-".into(), |s| format!("{s:.2}%"));
            format!("cast {}, wasted {} ({share})", thousands(d.cast), thousands(d.wasted))
        })
    }

    /// The measures as text for people: heading, each tier's indices and
    /// parties, the district waste, a note.
    ///
    /// # Errors
    ///
    /// The writer's errors.
    pub fn write_text(&self, source: &str, w: &mut impl Write) -> io::Result<()> {
        heading(&self.about, &self.summary, source, w)?;
        if self.is_empty() {
            writeln!(w)?;
            writeln!(
                w,
                "nothing to measure: the scenario gives no list votes with list seats, and no districts"
            )?;
        }
        if let (Some(t), Some(h)) = (&self.list_tier, self.list_tier_heading()) {
            t.write_text(&h, w)?;
        }
        if let (Some(t), Some(h)) = (&self.whole_body, self.whole_body_heading()) {
            t.write_text(&h, w)?;
        }
        if let Some(words) = self.district_waste_words() {
            writeln!(w)?;
            writeln!(
                w,
                "districts: votes that elected nobody (losing candidates, \"against all\", vacant districts)"
            )?;
            writeln!(w, "{words}")?;
        }
        writeln!(w)?;
        writeln!(w, "notes:")?;
        for n in &self.what_if {
            writeln!(w, "- {}", n.text)?;
        }
        writeln!(
            w,
            "- shares are rounded for display; every seat was decided exactly, the indices are real numbers \
             that only describe the result"
        )
    }

    /// The CSV rows: `tier,index,value`, one per index of each tier, then
    /// `district_waste` `cast`, `wasted` and `share`. Values are plain
    /// digits, full precision; empty when undefined.
    pub fn csv_rows(&self) -> Vec<MetricsCsvRow> {
        let mut rows = Vec::new();
        if let Some(t) = &self.list_tier {
            t.csv_rows("list_tier", &mut rows);
        }
        if let Some(t) = &self.whole_body {
            t.csv_rows("whole_body", &mut rows);
        }
        if let Some(d) = &self.district_waste {
            let share = d.share.map_or_else(String::new, |s| s.to_string());
            for (index, value) in
                [("cast", d.cast.to_string()), ("wasted", d.wasted.to_string()), ("share", share)]
            {
                rows.push(MetricsCsvRow { tier: "district_waste".into(), index: index.into(), value });
            }
        }
        rows
    }
}

/// One row of `saylau metrics --format csv`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetricsCsvRow {
    /// `list_tier`, `whole_body` or `district_waste`.
    pub tier: String,
    /// The index's key ([`Index::key`]) or `cast`, `wasted`, `share`.
    pub index: String,
    /// The value: plain digits, a party's name, or empty when undefined.
    pub value: String,
}
