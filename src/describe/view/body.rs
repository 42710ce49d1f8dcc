//! The view of one election of a body: what `saylau elect` prints in every
//! format, and the result section of the HTML report.

use std::io::{self, Write};

use serde::Serialize;

use super::{About, AuditView, NoteView};
use crate::describe::table::{Align, Table};
use crate::describe::words::{counted, percent, share, thousands};
use crate::note::Note;
use crate::system::{Ballots, Body, BodyResult, DistrictResult, TierSeats};

/// The one word for seats the rules left empty.
pub const VACANT: &str = "vacant";
/// The one word for seats no result was given for.
pub const UNDECIDED: &str = "undecided";
/// The one word for districts won by candidates without a party.
pub const SELF_NOMINATED: &str = "self-nominated";
/// The ballot line "against all".
pub const AGAINST_ALL: &str = "against all";

/// A party's row: votes, share, eligibility and seats per tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyRow {
    /// The party.
    pub party: String,
    /// List votes (absent for a party that ran only in districts).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes: Option<u64>,
    /// Its share of the threshold base, in percent (for display).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub share_percent: Option<f64>,
    /// Whether its list took part in the count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub eligible: Option<bool>,
    /// List seats.
    pub list_seats: u32,
    /// Single-member seats.
    pub district_seats: u32,
    /// All its seats.
    pub seats: u32,
}

/// The threshold as applied: the percentage, the base and the votes needed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ThresholdView {
    /// The threshold in percent, as written (`"5"`).
    pub percent: String,
    /// The votes the percentage is taken of.
    pub base: u128,
    /// The fewest votes that pass.
    pub needed: u128,
    /// Whether "against all" votes are in the base.
    pub against_all_in_base: bool,
}

impl ThresholdView {
    /// `"5% of 6,366,441 = 318,323 votes"`.
    pub fn words(&self) -> String {
        format!("{}% of {} = {} votes", self.percent, thousands(self.base), thousands(self.needed))
    }
}

/// A candidate's line in a race.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateRow {
    /// The candidate.
    pub name: String,
    /// The nominating party (`null`: self-nominated).
    pub party: Option<String>,
    /// Votes received.
    pub votes: u64,
    /// Share of the votes for candidates and "against all", in percent.
    pub share_percent: f64,
    /// Whether this candidate was elected.
    pub elected: bool,
}

/// One race: the winner, every candidate's votes, the margin.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistrictView {
    /// The district.
    pub name: String,
    /// The elected candidate (`null`: vacant until a repeat election).
    pub winner: Option<String>,
    /// The winner's party (`null`: self-nominated or no winner).
    pub party: Option<String>,
    /// Whether "against all" polled more than every candidate.
    pub against_all_won: bool,
    /// The candidates in ballot order.
    pub candidates: Vec<CandidateRow>,
    /// Votes "against all".
    pub against_all: u64,
    /// Votes for candidates and "against all".
    pub total_votes: u128,
    /// The leader's lead over the runner-up, in votes (`null` with one candidate).
    pub margin: Option<u64>,
}

impl DistrictView {
    fn new(d: &DistrictResult) -> DistrictView {
        let total = d.total_votes();
        DistrictView {
            name: d.name.clone(),
            winner: d.winner.clone(),
            party: d.party.clone(),
            against_all_won: d.against_all_won,
            candidates: d
                .candidates
                .iter()
                .map(|c| CandidateRow {
                    name: c.name.clone(),
                    party: c.party.clone(),
                    votes: c.votes,
                    share_percent: share(c.votes.into(), total),
                    elected: d.winner.as_deref() == Some(c.name.as_str()),
                })
                .collect(),
            against_all: d.against_all,
            total_votes: total,
            margin: d.margin,
        }
    }
}

/// The rules applied: tier sizes, method, threshold, tie rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RulesView {
    /// List seats.
    pub list_seats: u32,
    /// Single-member seats.
    pub district_seats: u32,
    /// The list method (`null`: no list tier).
    pub method: Option<String>,
    /// The list threshold in percent (`null`: no list tier).
    pub threshold_percent: Option<String>,
    /// The tie rule in force.
    pub ties: String,
}

/// Seats by tier, each split into won, vacant and undecided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TiersView {
    /// The party-list tier (`null`: none).
    pub list: Option<TierSeats>,
    /// The single-member tier (`null`: none).
    pub district: Option<TierSeats>,
}

/// The list tier's audit trail (`--explain`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListAudit {
    /// The count, by party name.
    #[serde(flatten)]
    pub audit: AuditView,
    /// Whether this count is the final one (it is not when a list was too
    /// short for its seats and the rest were counted again).
    pub final_count: bool,
    /// The method's name, for the text heading.
    #[serde(skip)]
    pub method: String,
    /// The list seats.
    #[serde(skip)]
    pub seats: u32,
}

impl ListAudit {
    /// The audit of `body`'s list tier on `ballots`, or `None` when the body
    /// has no list seats or the ballots no lists.
    ///
    /// ```
    /// # use saylau::describe::view::body::ListAudit;
    /// # use saylau::system::{Ballots, Overrides, PartyList, Preset};
    /// let body = Preset::Kurultai.body(&Overrides::default())?;
    /// let lists = vec![PartyList { party: "A".into(), votes: 700, candidates: None },
    ///                  PartyList { party: "B".into(), votes: 300, candidates: None }];
    /// let audit = ListAudit::of(&body, &Ballots { lists, ..Ballots::default() })?.unwrap();
    /// assert_eq!((audit.seats, audit.final_count), (145, true));
    /// assert!(ListAudit::of(&body, &Ballots::default())?.is_none());
    /// # Ok::<(), saylau::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ListTier::explain`](crate::system::ListTier::explain).
    pub fn of(body: &Body, ballots: &Ballots) -> crate::Result<Option<ListAudit>> {
        let Some(tier) = body.list.as_ref().filter(|t| t.seats > 0 && !ballots.lists.is_empty()) else {
            return Ok(None);
        };
        let (audit, final_count) = tier.explain(&ballots.lists, ballots.against_all)?;
        let names: Vec<String> = ballots.lists.iter().map(|l| l.party.trim().to_string()).collect();
        Ok(Some(ListAudit {
            audit: AuditView::new(&audit, &names),
            final_count,
            method: tier.method.label(),
            seats: tier.seats,
        }))
    }
}

/// The title of a body's picture: the scenario's `title`, or `body: N seats`,
/// and the what-if changes that made the result, when there are any.
///
/// ```
/// # use saylau::describe::view::body::picture_title;
/// # use saylau::scenario::{Scenario, WhatIf};
/// let mut s = Scenario::from_json(r#"{"body": "kurultai", "lists": [{"party": "A", "votes": 9}]}"#).unwrap();
/// assert_eq!(picture_title(None, &s.body().unwrap().elect(&s.ballots()).unwrap()), "kurultai: 145 seats");
/// // The command and the Python package add the changes to the result's notes.
/// let changed = s.apply(&WhatIf { threshold: Some("7".parse().unwrap()), ..WhatIf::default() });
/// let mut result = s.body().unwrap().elect(&s.ballots()).unwrap();
/// result.notes.extend(changed);
/// let title = picture_title(Some("Mine"), &result);
/// assert!(title.starts_with("Mine (what if: threshold") && title.ends_with("7%)"), "{title}");
/// ```
pub fn picture_title(title: Option<&str>, result: &BodyResult) -> String {
    let title = match title.map(str::trim) {
        Some(t) if !t.is_empty() => t.to_string(),
        _ => format!("{}: {}", result.body, counted(result.seats.into(), "seat")),
    };
    let changes: Vec<String> = result
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Overridden { field, to, .. } => Some(format!("{field} {to}")),
            _ => None,
        })
        .collect();
    if changes.is_empty() { title } else { format!("{title} (what if: {})", changes.join(", ")) }
}

/// One election of a body, described: the JSON of `saylau elect`, and the
/// tables its text, CSV and HTML show.
///
/// Every seat is accounted: the parties' seats, the self-nominated
/// (`independents`), `vacant` (the rules left the seat empty) and
/// `undecided` (no result given), in total and per tier.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyView {
    /// The body (`"mazhilis"`).
    pub body: String,
    /// The scenario's descriptive fields.
    #[serde(flatten)]
    pub about: About,
    /// The body's size.
    pub seats: u32,
    /// Seats needed for a majority of the whole body.
    pub majority: u32,
    /// The parties: lists in registration order, then district-only parties.
    pub parties: Vec<PartyRow>,
    /// Districts won by self-nominated candidates.
    pub independents: u32,
    /// Seats the rules left empty.
    pub vacant: u32,
    /// Seats with no result given.
    pub undecided: u32,
    /// The same accounting per tier.
    pub tiers: TiersView,
    /// "Against all" votes on the list ballot (absent without lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub against_all: Option<u64>,
    /// The list threshold as applied (absent without lists).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<ThresholdView>,
    /// Each race.
    pub districts: Vec<DistrictView>,
    /// The rules applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rules: Option<RulesView>,
    /// Notes that apply to this result.
    pub notes: Vec<NoteView>,
    /// With `--explain`: the list tier's audit, or `null` when there is no
    /// list count to explain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audit: Option<Option<ListAudit>>,
}

impl BodyView {
    /// Describes `result`, elected under `body`'s rules.
    pub fn new(about: About, body: &Body, result: &BodyResult) -> BodyView {
        let list_votes: Vec<u64> = result.parties.iter().filter_map(|p| p.votes).collect();
        let has_lists = !list_votes.is_empty();
        let threshold = body.list.as_ref().filter(|_| has_lists).map(|t| {
            let extra = if t.against_all_in_base { result.against_all } else { 0 };
            let base = list_votes.iter().map(|&v| u128::from(v)).sum::<u128>() + u128::from(extra);
            ThresholdView {
                percent: t.threshold.percent().to_string(),
                base,
                needed: t.threshold.votes_needed(base),
                against_all_in_base: t.against_all_in_base,
            }
        });
        let base = threshold.as_ref().map_or(0, |t| t.base);
        BodyView {
            body: result.body.clone(),
            about,
            seats: result.seats,
            majority: result.majority(),
            parties: result
                .parties
                .iter()
                .map(|p| PartyRow {
                    party: p.party.clone(),
                    votes: p.votes,
                    share_percent: p.votes.map(|v| share(v.into(), base)),
                    eligible: p.eligible,
                    list_seats: p.list_seats,
                    district_seats: p.district_seats,
                    seats: p.seats,
                })
                .collect(),
            independents: result.independents,
            vacant: result.vacant,
            undecided: result.undecided,
            tiers: TiersView { list: result.list, district: result.district },
            against_all: has_lists.then_some(result.against_all),
            threshold,
            districts: result.districts.iter().map(DistrictView::new).collect(),
            rules: Some(RulesView {
                list_seats: body.list.as_ref().map_or(0, |t| t.seats),
                district_seats: body.districts.as_ref().map_or(0, |t| t.seats),
                method: body.list.as_ref().map(|t| t.method.to_string()),
                threshold_percent: body.list.as_ref().map(|t| t.threshold.percent().to_string()),
                ties: body
                    .list
                    .as_ref()
                    .map(|t| t.ties)
                    .or(body.districts.as_ref().map(|t| t.rules.ties))
                    .unwrap_or_default()
                    .to_string(),
            }),
            notes: result.notes.iter().map(NoteView::from).collect(),
            audit: None,
        }
    }

    /// The party table for people: votes and shares (with lists), seats per
    /// tier, then the self-nominated, vacant and undecided seats, and the total.
    #[expect(
        clippy::too_many_lines,
        reason = "one table, one column set chosen once; the rows for parties, against all, self-nominated, vacant, undecided and total read top to bottom"
    )]
    pub fn party_table(&self) -> Table {
        let lists = self.against_all.is_some();
        let (has_list, has_district) = (self.tiers.list.is_some(), self.tiers.district.is_some());
        let mut columns = vec![("party", Align::Left)];
        if lists {
            columns.extend([("votes", Align::Right), ("share", Align::Right), ("passed", Align::Left)]);
        }
        if has_list {
            columns.push(("list", Align::Right));
        }
        if has_district {
            columns.push(("district", Align::Right));
        }
        columns.push(("seats", Align::Right));
        let mut table = Table::new(columns);
        let base = self.threshold.as_ref().map_or(0, |t| t.base);
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
            if has_list {
                cells.push(list);
            }
            if has_district {
                cells.push(district);
            }
            cells.push(seats);
            table.push(cells);
        };
        for p in &self.parties {
            let votes = p.votes.map(|v| {
                let passed = match p.eligible {
                    Some(true) => "yes",
                    Some(false) => "no",
                    None => "",
                };
                (thousands(v), percent(v.into(), base), passed.to_string())
            });
            row(&p.party, votes, p.list_seats.to_string(), p.district_seats.to_string(), p.seats.to_string());
        }
        if let Some(a) = self.against_all.filter(|&a| a > 0) {
            row(
                &label(AGAINST_ALL),
                Some((thousands(a), percent(a.into(), base), String::new())),
                String::new(),
                String::new(),
                String::new(),
            );
        }
        if self.independents > 0 {
            let n = self.independents.to_string();
            row(&label(SELF_NOMINATED), None, String::new(), n.clone(), n);
        }
        let tier = |t: Option<TierSeats>, f: fn(&TierSeats) -> u32| t.map_or(0, |t| f(&t));
        for (word, total, f) in [
            (VACANT, self.vacant, (|t: &TierSeats| t.vacant) as fn(&TierSeats) -> u32),
            (UNDECIDED, self.undecided, |t: &TierSeats| t.undecided),
        ] {
            if total > 0 {
                row(
                    &label(word),
                    None,
                    tier(self.tiers.list, f).to_string(),
                    tier(self.tiers.district, f).to_string(),
                    total.to_string(),
                );
            }
        }
        let votes = lists.then(|| (thousands(base), "100.00%".to_string(), String::new()));
        row(
            "total",
            votes,
            tier(self.tiers.list, |t| t.seats).to_string(),
            tier(self.tiers.district, |t| t.seats).to_string(),
            self.seats.to_string(),
        );
        table
    }

    /// The seats at a glance: each party's seats (per tier when the body has
    /// both), then the self-nominated, vacant and undecided seats, and the
    /// total; no votes.
    pub fn seat_table(&self) -> Table {
        let both = self.tiers.list.is_some() && self.tiers.district.is_some();
        let mut columns = vec![("party", Align::Left)];
        if both {
            columns.extend([("list", Align::Right), ("district", Align::Right)]);
        }
        columns.push(("seats", Align::Right));
        let mut table = Table::new(columns);
        let mut row = |name: String, list: u32, district: u32, seats: u32| {
            let mut cells = vec![name];
            if both {
                cells.extend([thousands(list), thousands(district)]);
            }
            cells.push(thousands(seats));
            table.push(cells);
        };
        for p in &self.parties {
            row(p.party.clone(), p.list_seats, p.district_seats, p.seats);
        }
        if self.independents > 0 {
            row(label(SELF_NOMINATED), 0, self.independents, self.independents);
        }
        let tier = |t: Option<TierSeats>, f: fn(&TierSeats) -> u32| t.map_or(0, |t| f(&t));
        for (word, total, f) in [
            (VACANT, self.vacant, (|t: &TierSeats| t.vacant) as fn(&TierSeats) -> u32),
            (UNDECIDED, self.undecided, |t: &TierSeats| t.undecided),
        ] {
            if total > 0 {
                row(label(word), tier(self.tiers.list, f), tier(self.tiers.district, f), total);
            }
        }
        row(
            "total".into(),
            tier(self.tiers.list, |t| t.seats),
            tier(self.tiers.district, |t| t.seats),
            self.seats,
        );
        table
    }

    /// Every race, one line per candidate and one for "against all": votes,
    /// share, and who was elected by how many votes.
    pub fn district_table(&self) -> Table {
        let mut table = Table::new([
            ("district", Align::Left),
            ("candidate", Align::Left),
            ("party", Align::Left),
            ("votes", Align::Right),
            ("share", Align::Right),
            ("result", Align::Left),
        ]);
        for d in &self.districts {
            let mut first = true;
            let mut name = || if std::mem::take(&mut first) { d.name.clone() } else { String::new() };
            for c in &d.candidates {
                let result = match (c.elected, d.margin) {
                    (true, Some(m)) => format!("elected, by {}", counted(m, "vote")),
                    (true, None) => "elected, unopposed".to_string(),
                    (false, _) => String::new(),
                };
                table.push([
                    name(),
                    c.name.clone(),
                    c.party.clone().unwrap_or_else(|| SELF_NOMINATED.into()),
                    thousands(c.votes),
                    percent(c.votes.into(), d.total_votes),
                    result,
                ]);
            }
            let result = match (d.against_all_won, &d.winner) {
                (true, Some(_)) => "led every candidate",
                (true, None) => "led: the seat is vacant until a repeat election",
                _ => "",
            };
            table.push([
                name(),
                label(AGAINST_ALL),
                String::new(),
                thousands(d.against_all),
                percent(d.against_all.into(), d.total_votes),
                result.to_string(),
            ]);
        }
        table
    }

    /// The CSV rows of the result: one per party, then `(against all)`,
    /// `(self-nominated)`, `(vacant)` and `(undecided)` when they apply, then
    /// one per candidate and one per district's "against all" line.
    pub fn csv_rows(&self) -> Vec<CsvRow> {
        let mut rows = Vec::new();
        for p in &self.parties {
            rows.push(CsvRow {
                party: p.party.clone(),
                list_seats: Some(p.list_seats),
                district_seats: Some(p.district_seats),
                seats: Some(p.seats),
                votes: p.votes,
                share_percent: p.share_percent,
                eligible: p.eligible,
                ..CsvRow::default()
            });
        }
        if let Some(a) = self.against_all {
            let base = self.threshold.as_ref().map_or(0, |t| t.base);
            rows.push(CsvRow {
                party: label(AGAINST_ALL),
                votes: Some(a),
                share_percent: Some(share(a.into(), base)),
                ..CsvRow::default()
            });
        }
        let tier = |t: Option<TierSeats>, f: fn(&TierSeats) -> u32| Some(t.map_or(0, |t| f(&t)));
        if self.independents > 0 {
            rows.push(CsvRow {
                party: label(SELF_NOMINATED),
                list_seats: Some(0),
                district_seats: Some(self.independents),
                seats: Some(self.independents),
                ..CsvRow::default()
            });
        }
        for (word, total, f) in [
            (VACANT, self.vacant, (|t: &TierSeats| t.vacant) as fn(&TierSeats) -> u32),
            (UNDECIDED, self.undecided, |t: &TierSeats| t.undecided),
        ] {
            if total > 0 {
                rows.push(CsvRow {
                    party: label(word),
                    list_seats: tier(self.tiers.list, f),
                    district_seats: tier(self.tiers.district, f),
                    seats: Some(total),
                    ..CsvRow::default()
                });
            }
        }
        for d in &self.districts {
            for c in &d.candidates {
                rows.push(CsvRow {
                    party: c.party.clone().unwrap_or_else(|| label(SELF_NOMINATED)),
                    votes: Some(c.votes),
                    share_percent: Some(c.share_percent),
                    district: Some(d.name.clone()),
                    candidate: Some(c.name.clone()),
                    elected: Some(c.elected),
                    margin: if c.elected { d.margin } else { None },
                    ..CsvRow::default()
                });
            }
            rows.push(CsvRow {
                party: label(AGAINST_ALL),
                votes: Some(d.against_all),
                share_percent: Some(share(d.against_all.into(), d.total_votes)),
                district: Some(d.name.clone()),
                ..CsvRow::default()
            });
        }
        rows
    }

    /// The whole result as text for people: heading, parties, districts,
    /// audit, notes.
    ///
    /// # Errors
    ///
    /// The writer's errors.
    pub fn write_text(&self, summary: &str, source: &str, w: &mut impl Write) -> io::Result<()> {
        heading(&self.about, summary, source, w)?;
        writeln!(w)?;
        self.party_table().write_text(w)?;
        let majority =
            format!("majority: {} of {}", thousands(self.majority), counted(self.seats.into(), "seat"));
        match &self.threshold {
            Some(t) => {
                let base =
                    if t.against_all_in_base { "votes for lists and \"against all\"" } else { "list votes" };
                writeln!(w, "threshold: {} ({base}); {majority}", t.words())?;
            }
            None if self.seats > 1 => writeln!(w, "{majority}")?,
            None => {}
        }
        if !self.districts.is_empty() {
            writeln!(w)?;
            match self.tiers.district {
                Some(t) => writeln!(w, "districts ({} of {}):", self.districts.len(), t.seats)?,
                None => writeln!(w, "districts ({}):", self.districts.len())?,
            }
            self.district_table().write_text(w)?;
        }
        if let Some(audit) = &self.audit {
            writeln!(w)?;
            match audit {
                Some(a) => {
                    write_audit(&a.audit, &a.method, a.seats, w)?;
                    writeln!(
                        w,
                        "(among the lists taking part: the lists below the threshold count as zero votes)"
                    )?;
                    if !a.final_count {
                        writeln!(
                            w,
                            "the audit is of the first count: a list too short for its seats kept as many seats as \
                             it has candidates, and the rest were counted again (see the notes)"
                        )?;
                    }
                }
                None => writeln!(w, "audit: no party-list count to explain")?,
            }
        }
        write_notes(&self.notes, w)
    }
}

/// One row of `saylau elect --format csv`. Party rows come first (seats,
/// list votes, share, eligibility), then the rows for seats no party holds
/// (`(self-nominated)`, `(vacant)`, `(undecided)`) and list "against all",
/// then one row per candidate (`district`, `candidate`, `elected`,
/// `margin`) and per district's "against all".
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CsvRow {
    /// The party, a candidate's party, or a label in parentheses.
    pub party: String,
    /// List seats.
    pub list_seats: Option<u32>,
    /// Single-member seats.
    pub district_seats: Option<u32>,
    /// All seats.
    pub seats: Option<u32>,
    /// Votes.
    pub votes: Option<u64>,
    /// Share in percent (of the threshold base, or of the district's votes).
    pub share_percent: Option<f64>,
    /// Whether a list took part in the count.
    pub eligible: Option<bool>,
    /// A candidate's district.
    pub district: Option<String>,
    /// The candidate.
    pub candidate: Option<String>,
    /// Whether the candidate was elected.
    pub elected: Option<bool>,
    /// A winner's lead over the runner-up.
    pub margin: Option<u64>,
}

/// A row label for seats or votes that belong to no party: `(vacant)`.
pub fn label(word: &str) -> String {
    format!("({word})")
}

/// A body's rules in one line: `"mazhilis: 98 seats = 69 party-list (Hare,
/// threshold 5%) + 29 single-member"`.
pub fn body_summary(body: &Body) -> String {
    let mut what = format!("{}: {}", body.name, counted(body.seats().into(), "seat"));
    let list = body.list.as_ref().map(|t| {
        format!("{} party-list ({}, threshold {})", thousands(t.seats), t.method.label(), t.threshold)
    });
    let district = body.districts.as_ref().map(|t| format!("{} single-member", thousands(t.seats)));
    match (list, district) {
        (Some(l), Some(d)) => what.push_str(&format!(" = {l} + {d}")),
        (Some(x), None) | (None, Some(x)) => what.push_str(&format!(", {x}")),
        (None, None) => {}
    }
    what
}

/// The heading of a text output: title, summary with date and file, source,
/// description.
///
/// # Errors
///
/// The writer's errors.
pub fn heading(about: &About, summary: &str, source: &str, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "{}", about.title.as_deref().unwrap_or(summary))?;
    let mut line = summary.to_string();
    if let Some(d) = &about.date {
        line.push_str(&format!(", {d}"));
    }
    line.push_str(&format!(", from {source}"));
    writeln!(w, "{line}")?;
    if let Some(src) = &about.source {
        writeln!(w, "source: {src}")?;
    }
    if let Some(d) = &about.description {
        writeln!(w, "{d}")?;
    }
    Ok(())
}

/// The notes as bullet lines under `notes:` (nothing when there are none).
///
/// # Errors
///
/// The writer's errors.
pub fn write_notes(notes: &[NoteView], w: &mut impl Write) -> io::Result<()> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    writeln!(w, "notes:")?;
    for n in notes {
        writeln!(w, "- {}", n.text)?;
    }
    Ok(())
}

/// The audit trail as text, under `audit (METHOD):`: the quota and the
/// whole seats, or the range of divisors, then one line per party.
///
/// # Errors
///
/// The writer's errors.
pub fn write_audit(audit: &AuditView, method: &str, seats: u32, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "audit ({method}):")?;
    match audit {
        AuditView::Quota { quota, whole_seats, parties } => {
            writeln!(w, "quota: {} votes per seat (exactly {})", approx(Some(quota)), quota.exact)?;
            let left = u64::from(seats).saturating_sub(*whole_seats);
            writeln!(
                w,
                "whole seats by quota: {}; seats left for the remainders: {}",
                thousands(*whole_seats),
                thousands(left)
            )?;
            if *whole_seats > u64::from(seats) {
                writeln!(
                    w,
                    "the quota gave {} too many; they were taken back",
                    counted(whole_seats - u64::from(seats), "seat")
                )?;
            }
            let mut t = Table::new([
                ("party", Align::Left),
                ("whole", Align::Right),
                ("remainder", Align::Right),
                ("extra", Align::Right),
                ("seats", Align::Right),
            ]);
            for p in parties {
                t.push([
                    p.party.clone(),
                    thousands(p.whole),
                    approx(Some(&p.remainder)),
                    format!("{:+}", p.adjustment),
                    p.seats.to_string(),
                ]);
            }
            t.write_text(w)
        }
        AuditView::Divisor { lowest_winning, highest_losing, parties } => {
            let (low, high) = (lowest_winning.as_ref(), highest_losing.as_ref());
            writeln!(w, "lowest winning quotient: {}", approx(low))?;
            writeln!(w, "highest losing quotient: {}", approx(high))?;
            match (low, high) {
                (Some(l), Some(h)) if l.exact == h.exact => writeln!(
                    w,
                    "the last seat was tied at quotient {}: only that divisor gives this result",
                    approx(low)
                )?,
                (Some(_), Some(_)) => writeln!(
                    w,
                    "any divisor d with {} < d <= {} gives this result",
                    approx(high),
                    approx(low)
                )?,
                (Some(_), None) => {
                    writeln!(w, "any divisor d with 0 < d <= {} gives this result", approx(low))?
                }
                _ => {}
            }
            let mut t = Table::new([
                ("party", Align::Left),
                ("seats", Align::Right),
                ("last quotient", Align::Right),
                ("next quotient", Align::Right),
            ]);
            for p in parties {
                t.push([
                    p.party.clone(),
                    p.seats.to_string(),
                    approx(p.last_quotient.as_ref()),
                    approx(p.next_quotient.as_ref()),
                ]);
            }
            t.write_text(w)
        }
    }
}

/// A quotient for people: three decimals, or its exact form when infinite.
fn approx(q: Option<&super::QuotientView>) -> String {
    match q {
        None => "none".into(),
        Some(q) => match q.approx {
            Some(x) => format!("{x:.3}"),
            None => q.exact.clone(),
        },
    }
}
