//! The view of the HTML report (`saylau report`): which sections, in which
//! order, each built from the other views. The page opens with the seats
//! and the picture of the body; the long tables follow.
//!
//! [`crate::describe::html`] renders it; this module decides what is said.

use super::body::{BodyView, body_summary};
use super::comparison::By;
use super::projection::ProjectionView;
use super::{About, ComparisonView, MetricsView};
use crate::compare;
use crate::describe::figure::body_picture;
use crate::describe::table::Table;
use crate::describe::words::{counted, thousands};
use crate::fragility::fragility_of_lists;
use crate::simulate::{Projection, Uncertainty};
use crate::svg::{ScatterPoint, seat_distribution, seat_vote_scatter, threshold_sweep};
use crate::system::{Ballots, Body, BodyResult, ListTier};

/// A picture: an SVG drawing made by [`crate::svg`] (escaped by its own
/// writer) and its caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// The element id of the figure (`hemicycle`), when it has one.
    pub id: Option<&'static str>,
    /// The whole `<svg>` element.
    pub svg: String,
    /// The caption.
    pub caption: String,
}

/// One piece of a section, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A sub-heading.
    Heading(String),
    /// A paragraph.
    Paragraph(String),
    /// A paragraph of explanation, set smaller.
    Aside(String),
    /// A short table, shown at the top of the page.
    Compact(Table),
    /// A table.
    Table(Table),
    /// A picture.
    Figure(Figure),
    /// A bulleted list.
    List(Vec<String>),
}

/// A section of the page: an element id, a heading and its blocks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The element id (`seats`, `result`, ...).
    pub id: &'static str,
    /// The heading.
    pub heading: String,
    /// The content.
    pub blocks: Vec<Block>,
}

impl Section {
    fn new(id: &'static str, heading: &str) -> Section {
        Section { id, heading: heading.into(), blocks: Vec::new() }
    }

    fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    fn figure(&mut self, svg: crate::svg::Result<String>, id: Option<&'static str>, caption: &str) {
        match svg {
            Ok(svg) => self.push(Block::Figure(Figure { id, svg, caption: caption.into() })),
            Err(err) => self.push(Block::Paragraph(format!("No picture: {err}"))),
        }
    }
}

/// What the report analyses: a scenario's body, ballots and result.
#[derive(Debug, Clone, Copy)]
pub struct Analysed<'a> {
    /// The scenario's descriptive fields.
    pub about: &'a About,
    /// The scenario's file as named for people.
    pub source: &'a str,
    /// The rules applied.
    pub body: &'a Body,
    /// The votes.
    pub ballots: &'a Ballots,
    /// The result.
    pub result: &'a BodyResult,
}

impl Analysed<'_> {
    /// The list tier, when the body has list seats and the scenario lists.
    fn list_tier(&self) -> Option<&ListTier> {
        self.body.list.as_ref().filter(|t| t.seats > 0 && !self.ballots.lists.is_empty())
    }

    /// The title: the scenario's, or `body: N seats`.
    fn title(&self) -> String {
        match &self.about.title {
            Some(t) if !t.trim().is_empty() => t.trim().to_string(),
            _ => format!("{}: {}", self.result.body, counted(self.result.seats.into(), "seat")),
        }
    }
}

/// The report page, described: its title, one summary line, and the
/// sections in order.
///
/// The sections (each an element id): `seats` (the seat totals and the
/// parliament diagram), `result`, `metrics`, `fragility`, `methods`,
/// `thresholds`, `scatter`, `simulation` (with a projection) and `notes`.
///
/// ```
/// use saylau::describe::view::About;
/// use saylau::describe::view::analysis::{Analysed, AnalysisView};
/// use saylau::scenario::Scenario;
/// let s = Scenario::from_json(r#"{"body": "kurultai", "list_seats": 10, "threshold_percent": "5",
///   "method": "hare", "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600},
///   {"party": "C", "votes": 400}]}"#)?;
/// let (body, ballots) = (s.body()?, s.ballots());
/// let result = body.elect(&ballots)?;
/// let about = About::of(&s);
/// let a = Analysed { about: &about, source: "k.json", body: &body, ballots: &ballots, result: &result };
/// let view = AnalysisView::new(a, None);
/// let ids: Vec<&str> = view.sections.iter().map(|s| s.id).collect();
/// assert_eq!(ids, ["seats", "result", "metrics", "fragility", "methods", "thresholds", "scatter", "notes"]);
/// assert_eq!(view.summary, "kurultai: 10 seats, 10 party-list (Hare largest remainder, threshold 5%); majority 6");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalysisView {
    /// The page's title.
    pub title: String,
    /// One line under the title: the body's rules, the majority, the date.
    pub summary: String,
    /// The sections, in order.
    pub sections: Vec<Section>,
    /// The line at the foot of the page.
    pub footer: String,
}

/// A projection to add to the report: the simulator's report and the vote
/// model it ran with.
#[derive(Debug, Clone, Copy)]
pub struct Projected<'a> {
    /// The runs' results.
    pub report: &'a Projection,
    /// The vote model.
    pub uncertainty: &'a Uncertainty,
    /// The polls the list vote was pooled from, when the scenario gives polls.
    pub polls: Option<(&'a [crate::scenario::Poll], &'a crate::scenario::PooledPolls)>,
}

impl AnalysisView {
    /// Adds, before the notes, a section putting an earlier election beside
    /// this one ([`DiffView`](super::diff::DiffView), as `saylau diff` prints it).
    pub fn with_comparison(mut self, diff: &super::diff::DiffView) -> AnalysisView {
        let mut s = Section::new("compared", "Compared with another election");
        s.push(Block::Paragraph(format!("Before: {}. After: {}.", diff.before, diff.after)));
        s.push(Block::Table(diff.table()));
        s.push(Block::Aside(
            "Shares are of each election's votes for lists (and \"against all\" where it was on the ballot); \
             parties are matched by name, including former names (Nur Otan is Amanat)."
                .into(),
        ));
        let at = self.sections.iter().position(|x| x.id == "notes").unwrap_or(self.sections.len());
        self.sections.insert(at, s);
        self
    }

    /// The report of `a`, with the projection when given.
    pub fn new(a: Analysed<'_>, projection: Option<Projected<'_>>) -> AnalysisView {
        let view = BodyView::new(a.about.clone(), a.body, a.result);
        let mut summary = format!("{}; majority {}", body_summary(a.body), thousands(view.majority));
        if let Some(d) = &a.about.date {
            summary.push_str(&format!("; {d}"));
        }
        let mut sections = vec![
            seats(a, &view),
            result(a, &view),
            metrics(a),
            fragility(a),
            methods(a),
            thresholds(a),
            scatter(a),
        ];
        if let Some(p) = projection {
            sections.push(simulation(a, p));
        }
        sections.push(notes(&view));
        AnalysisView {
            title: a.title(),
            summary,
            sections,
            footer: format!(
                "Made by saylau {} from {}. Every seat was decided exactly (integer arithmetic); shares and \
                 indices are rounded for display.",
                env!("CARGO_PKG_VERSION"),
                a.source
            ),
        }
    }
}

/// Capitalizes the first letter of a sentence.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The opening: the seat totals, the picture, what the scenario says of itself.
fn seats(a: Analysed<'_>, view: &BodyView) -> Section {
    let mut s = Section::new("seats", "Seats");
    s.push(Block::Compact(view.seat_table()));
    let one_race = a.result.seats == 1 && a.result.districts.len() == 1;
    let caption = if one_race {
        "The votes of each candidate, with their share of all votes cast."
    } else {
        "One dot per seat; each party one wedge, self-nominated members grey, vacant seats hollow, \
         undecided seats dashed; the dashed line marks the majority."
    };
    s.figure(
        body_picture(&a.title(), a.body, a.result, a.ballots, false, &a.about.colours),
        Some("hemicycle"),
        caption,
    );
    if let Some(src) = &a.about.source {
        s.push(Block::Aside(format!("Source: {src}")));
    }
    if let Some(d) = &a.about.description {
        s.push(Block::Paragraph(d.clone()));
    }
    s.push(Block::Aside(format!("Scenario file: {}", a.source)));
    s
}

/// The full result: votes, shares and seats per tier, the threshold, the
/// tiers apart, every race.
fn result(a: Analysed<'_>, view: &BodyView) -> Section {
    let mut s = Section::new("result", "Votes and seats");
    s.push(Block::Table(view.party_table()));
    let majority =
        format!("A majority is {} of {}.", thousands(view.majority), counted(view.seats.into(), "seat"));
    match &view.threshold {
        Some(t) => {
            let base =
                if t.against_all_in_base { "votes for lists and \"against all\"" } else { "list votes" };
            s.push(Block::Paragraph(format!("Threshold: {} ({base}). {majority}", t.words())));
        }
        None => s.push(Block::Paragraph(majority)),
    }
    let mixed = a.body.list.as_ref().is_some_and(|t| t.seats > 0)
        && a.body.districts.as_ref().is_some_and(|t| t.seats > 0);
    if mixed {
        s.figure(
            body_picture(&a.title(), a.body, a.result, a.ballots, true, &a.about.colours),
            Some("tiers"),
            "The same seats with the party-list tier (left) and the single-member tier (right) apart.",
        );
    }
    if !view.districts.is_empty() {
        let of = view.tiers.district.map_or(String::new(), |t| format!(" of {}", thousands(t.seats)));
        s.push(Block::Heading(format!(
            "Single-member districts: {}{of}",
            thousands(view.districts.len() as u64)
        )));
        s.push(Block::Table(view.district_table()));
    }
    s
}

fn metrics(a: Analysed<'_>) -> Section {
    let m = MetricsView::new(a.about.clone(), a.body, a.ballots, a.result);
    let mut s = Section::new("metrics", "Disproportionality and fragmentation");
    s.push(Block::Aside(
        "Shares in percent. Gallagher, Loosemore-Hanby and Sainte-Laguë count \"against all\" as one more group \
         without seats; the effective numbers are over the parties only."
            .into(),
    ));
    for (heading, tier) in [(m.list_tier_heading(), &m.list_tier), (m.whole_body_heading(), &m.whole_body)] {
        if let (Some(heading), Some(tier)) = (heading, tier) {
            s.push(Block::Heading(sentence(&heading)));
            s.push(Block::Table(tier.index_table()));
        }
    }
    if let Some(d) = &m.district_waste {
        let share = d.share.map_or_else(|| "-".into(), |s| format!("{s:.2}%"));
        s.push(Block::Paragraph(format!(
            "Districts: {} votes cast, {} elected nobody ({share}): votes for losing candidates, \"against \
             all\" and votes in districts left vacant.",
            thousands(d.cast),
            thousands(d.wasted)
        )));
    }
    if m.is_empty() {
        s.push(Block::Paragraph(
            "Nothing to measure: the scenario gives no list votes with list seats, and no districts.".into(),
        ));
    }
    s
}

fn fragility(a: Analysed<'_>) -> Section {
    let mut s = Section::new("fragility", "How many votes from a seat");
    match a.list_tier() {
        None => s.push(Block::Paragraph("No party-list count: nothing to measure.".into())),
        Some(tier) => match fragility_of_lists(tier, &a.ballots.lists, a.ballots.against_all) {
            Err(err) => s.push(Block::Paragraph(format!("Not computed: {err}"))),
            Ok(rows) => {
                s.push(Block::Aside(
                    "Each list alone gaining or losing votes, every other count unchanged, under the list tier's \
                     rules (threshold included; list lengths ignored). \"Spare votes\" a list can lose and keep \
                     all its seats."
                        .into(),
                ));
                s.push(Block::Table(super::fragility::table(&rows)));
            }
        },
    }
    s
}

fn methods(a: Analysed<'_>) -> Section {
    let mut s = Section::new("methods", "Under other methods");
    let Some(tier) = a.list_tier() else {
        s.push(Block::Paragraph("No party-list count: nothing to compare.".into()));
        return s;
    };
    match compare::by_method(tier, &a.ballots.lists, a.ballots.against_all) {
        Err(err) => s.push(Block::Paragraph(format!("Not computed: {err}"))),
        Ok(t) => {
            s.push(Block::Aside(
                "The list seats under every method, the tier's other rules unchanged; \"-\": below the threshold."
                    .into(),
            ));
            s.push(Block::Table(ComparisonView::sweep(a.about.clone(), a.body, By::Methods, &t).table()));
        }
    }
    let mixed = a.body.districts.as_ref().is_some_and(|d| d.seats > 0) && !a.ballots.districts.is_empty();
    if mixed && let Ok(t) = compare::designs(a.body, a.ballots, &compare::ALTERNATIVES) {
        let view = ComparisonView::designs(a.about.clone(), a.body, &t);
        s.push(Block::Heading("Other designs of the body".into()));
        s.push(Block::Table(view.table()));
        s.push(Block::List(view.notes().iter().map(|n| sentence(n)).collect()));
    }
    s
}

fn thresholds(a: Analysed<'_>) -> Section {
    let mut s = Section::new("thresholds", "Under other thresholds");
    let Some(tier) = a.list_tier() else {
        s.push(Block::Paragraph("No party-list count: nothing to compare.".into()));
        return s;
    };
    let (from, to, step) = crate::compare::DEFAULT_THRESHOLDS;
    match compare::by_threshold(tier, &a.ballots.lists, a.ballots.against_all, from, to, step) {
        Err(err) => s.push(Block::Paragraph(format!("Not computed: {err}"))),
        Ok(t) => {
            let points = t.threshold_points();
            if !points.is_empty() {
                s.figure(
                    threshold_sweep("List seats by threshold", &t.parties, &points),
                    None,
                    "List seats of each party as the threshold rises from 0% to 10%.",
                );
            }
            s.push(Block::Table(ComparisonView::sweep(a.about.clone(), a.body, By::Thresholds, &t).table()));
        }
    }
    s
}

fn scatter(a: Analysed<'_>) -> Section {
    let mut s = Section::new("scatter", "Seats against votes");
    if a.list_tier().is_none() {
        s.push(Block::Paragraph("No party-list count: nothing to plot.".into()));
        return s;
    }
    let points = ScatterPoint::list_tier(a.result);
    s.figure(
        seat_vote_scatter("Seat share against vote share (list tier)", &points),
        None,
        "Each list's share of the list seats against its share of the list votes; above the diagonal: \
         over-represented.",
    );
    s
}

fn simulation(a: Analysed<'_>, p: Projected<'_>) -> Section {
    let mut view = ProjectionView::new(a.about.clone(), p.report, p.uncertainty, false);
    if let Some((polls, pooled)) = p.polls {
        view = view.with_polls(polls, pooled);
    }
    let mut s = Section::new("simulation", "Monte Carlo projection");
    let polls = view.polls.as_ref().map_or_else(String::new, |p| format!(" {}.", sentence(&p.sentence)));
    s.push(Block::Paragraph(format!(
        "{}, seed {}, around the scenario's votes. {}.{polls}",
        counted(view.runs, "run"),
        view.seed,
        sentence(&view.model)
    )));
    s.push(Block::Aside(format!(
        "Seats: mean and median over the runs, the 50% interval (25th to 75th percentile: half of the runs \
         fall in it) and the 90% interval (5th to 95th percentile). P(majority): the share of runs with a \
         majority ({} of {}); P(2/3): with two thirds of the seats; P(threshold): the share of runs in which \
         the list passed the threshold.",
        thousands(view.majority),
        counted(view.seats.into(), "seat")
    )));
    s.push(Block::Table(view.party_table()));
    if !view.coalitions.is_empty() {
        s.push(Block::Heading("Coalitions: combined seats".into()));
        s.push(Block::Table(view.coalition_table()));
    }
    if !view.districts.is_empty() {
        s.push(Block::Heading("Chances of winning each district".into()));
        s.push(Block::Table(view.district_table()));
    }
    s.figure(
        seat_distribution("Simulated seats", p.report),
        None,
        "Share of runs giving each number of seats; shaded: 90% of runs; dashed: median.",
    );
    if !view.notes.is_empty() {
        s.push(Block::List(view.notes.iter().map(|n| sentence(&n.text)).collect()));
    }
    s
}

fn notes(view: &BodyView) -> Section {
    let mut s = Section::new("notes", "Notes");
    let mut items: Vec<String> = view.notes.iter().map(|n| n.text.clone()).collect();
    items.push(
        "Fragility, methods and thresholds vary the party-list tier only; the district results stay as counted."
            .into(),
    );
    s.push(Block::List(items));
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_start_with_a_capital() {
        assert_eq!(sentence("vote model: x"), "Vote model: x");
        assert_eq!(sentence(""), "");
    }
}
