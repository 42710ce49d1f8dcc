//! The view of a Monte Carlo projection: what `saylau simulate` prints in
//! every format, and the projection section of the HTML report.

use std::io::{self, Write};

use serde::Serialize;

use super::body::{SELF_NOMINATED, VACANT, heading, label, write_notes};
use super::{About, NoteView};
use crate::describe::table::{Align, Table};
use crate::describe::words::{counted, probability, thousands};
use crate::scenario::{Poll, PooledPolls};
use crate::simulate::{Projection, SeatStats, Swing, Uncertainty};

/// Seat statistics over the runs: mean, 50% and 90% intervals, median, and
/// the histogram when asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatsView {
    /// Mean seats.
    pub mean: f64,
    /// 5th percentile.
    pub p05: u32,
    /// 25th percentile.
    pub p25: u32,
    /// Median.
    pub p50: u32,
    /// 75th percentile.
    pub p75: u32,
    /// 95th percentile.
    pub p95: u32,
    /// Runs with 0, 1, 2, ... seats (with `--histogram`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub histogram: Option<Vec<u64>>,
}

impl StatsView {
    fn new(s: &SeatStats, histogram: bool) -> StatsView {
        StatsView {
            mean: s.mean,
            p05: s.p05,
            p25: s.p25,
            p50: s.p50,
            p75: s.p75,
            p95: s.p95,
            histogram: histogram.then(|| s.histogram.clone()),
        }
    }

    /// Seat statistics that are the same in every run: `seats` each time.
    fn fixed(seats: u32) -> StatsView {
        StatsView {
            mean: seats.into(),
            p05: seats,
            p25: seats,
            p50: seats,
            p75: seats,
            p95: seats,
            histogram: None,
        }
    }

    /// The 90% interval: `58-65`, or `62` when it is one number.
    ///
    /// ```
    /// # use saylau::describe::view::projection::StatsView;
    /// let s = StatsView { mean: 61.5, p05: 58, p25: 60, p50: 62, p75: 63, p95: 65, histogram: None };
    /// assert_eq!(s.interval(), "58-65");
    /// assert_eq!(s.interval50(), "60-63");
    /// ```
    pub fn interval(&self) -> String {
        span(self.p05, self.p95)
    }

    /// The 50% interval (25th to 75th percentile): `60-63`, or `62`.
    pub fn interval50(&self) -> String {
        span(self.p25, self.p75)
    }

    /// `40.1 (38-42)`: mean and 90% interval in one cell.
    pub fn summary(&self) -> String {
        format!("{:.1} ({})", self.mean, self.interval())
    }
}

/// `a-b`, or `a` when they are equal, with thousands separators.
fn span(a: u32, b: u32) -> String {
    if a == b { thousands(a) } else { format!("{}-{}", thousands(a), thousands(b)) }
}

/// A party's projection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyProjectionView {
    /// The party.
    pub party: String,
    /// Its total seats.
    #[serde(flatten)]
    pub total: StatsView,
    /// Share of runs with more than half of all seats (`null`: not computed,
    /// because some seats are outside the model).
    pub p_majority: Option<f64>,
    /// Share of runs in which its list passed the threshold (`null`: no list).
    pub p_threshold: Option<f64>,
    /// Its list seats (`null`: no list tier simulated).
    pub list: Option<StatsView>,
    /// Its district seats (`null`: no districts simulated).
    pub district: Option<StatsView>,
    /// Share of runs with at least two thirds of all seats (`null`: not computed).
    pub p_two_thirds: Option<f64>,
    /// Share of runs with at least three quarters (`null`: not computed).
    pub p_three_quarters: Option<f64>,
    /// Its list share in the scenario (0 to 1).
    pub centre_share: Option<f64>,
    /// Its mean simulated list share (0 to 1).
    pub mean_share: Option<f64>,
}

/// A coalition's projection.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CoalitionView {
    /// The coalition.
    pub name: String,
    /// Its parties.
    pub parties: Vec<String>,
    /// Its combined seats.
    #[serde(flatten)]
    pub total: StatsView,
    /// Share of runs with more than half of all seats (`null`: not computed,
    /// because some seats are outside the model).
    pub p_majority: Option<f64>,
    /// Share of runs with at least two thirds (`null`: not computed).
    pub p_two_thirds: Option<f64>,
    /// Share of runs with at least three quarters (`null`: not computed).
    pub p_three_quarters: Option<f64>,
}

/// A candidate's chance of winning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CandidateChanceView {
    /// The candidate.
    pub name: String,
    /// The nominating party (`null`: self-nominated).
    pub party: Option<String>,
    /// Share of runs won.
    pub p_win: f64,
}

/// One district's chances.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DistrictChances {
    /// The district.
    pub name: String,
    /// Its candidates, in ballot order.
    pub candidates: Vec<CandidateChanceView>,
    /// Share of runs the seat was left vacant.
    pub p_vacant: f64,
}

/// A projection, described: the JSON of `saylau simulate`, its tables and
/// its CSV rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProjectionView {
    /// Runs completed.
    pub runs: u64,
    /// The seed.
    pub seed: u64,
    /// The body's size.
    pub seats: u32,
    /// Seats needed for a majority.
    pub majority: u32,
    /// The parties.
    pub parties: Vec<PartyProjectionView>,
    /// Seats won by self-nominated candidates.
    pub independents: StatsView,
    /// Seats the rules left vacant.
    pub vacant: StatsView,
    /// Seats the scenario gives no votes for: in no run's count.
    pub undecided: u32,
    /// The coalitions asked for.
    pub coalitions: Vec<CoalitionView>,
    /// Each district of the scenario: every candidate's chance of winning it.
    pub districts: Vec<DistrictChances>,
    /// Runs in which a tie was broken by lot.
    pub runs_with_lot: u64,
    /// Whether the run was stopped early.
    pub interrupted: bool,
    /// The vote model in one sentence.
    pub model: String,
    /// The polls the list vote comes from (absent when the scenario gives votes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub polls: Option<PollsView>,
    /// Notes on the model.
    pub notes: Vec<NoteView>,
    /// The scenario's descriptive fields.
    #[serde(skip)]
    pub about: About,
}

impl ProjectionView {
    /// Describes `report`, simulated with `uncertainty`; `histogram` keeps
    /// the seat distributions.
    pub fn new(
        about: About,
        report: &Projection,
        uncertainty: &Uncertainty,
        histogram: bool,
    ) -> ProjectionView {
        let h = histogram;
        ProjectionView {
            runs: report.runs,
            seed: report.seed,
            seats: report.seats,
            majority: report.seats / 2 + 1,
            parties: report
                .parties
                .iter()
                .map(|p| PartyProjectionView {
                    party: p.party.clone(),
                    total: StatsView::new(&p.total, h),
                    p_majority: p.p_majority,
                    p_threshold: p.p_threshold,
                    list: p.list.as_ref().map(|s| StatsView::new(s, h)),
                    district: p.district.as_ref().map(|s| StatsView::new(s, h)),
                    p_two_thirds: p.p_two_thirds,
                    p_three_quarters: p.p_three_quarters,
                    centre_share: p.centre_share,
                    mean_share: p.mean_share,
                })
                .collect(),
            independents: StatsView::new(&report.independents, h),
            vacant: StatsView::new(&report.vacant, h),
            undecided: report.undecided,
            coalitions: report
                .coalitions
                .iter()
                .map(|c| CoalitionView {
                    name: c.name.clone(),
                    parties: c.parties.clone(),
                    total: StatsView::new(&c.total, h),
                    p_majority: c.p_majority,
                    p_two_thirds: c.p_two_thirds,
                    p_three_quarters: c.p_three_quarters,
                })
                .collect(),
            districts: report
                .districts
                .iter()
                .map(|d| DistrictChances {
                    name: d.name.clone(),
                    candidates: d
                        .candidates
                        .iter()
                        .map(|c| CandidateChanceView {
                            name: c.name.clone(),
                            party: c.party.clone(),
                            p_win: c.p_win,
                        })
                        .collect(),
                    p_vacant: d.p_vacant,
                })
                .collect(),
            runs_with_lot: report.runs_with_lot,
            interrupted: report.interrupted,
            model: model_sentence(uncertainty, report.parties.iter().any(|p| p.district.is_some())),
            polls: None,
            notes: report.notes.iter().map(NoteView::from).collect(),
            about,
        }
    }

    /// Says which polls the list vote was pooled from.
    ///
    /// ```
    /// # use saylau::describe::view::{About, projection::ProjectionView};
    /// # use saylau::scenario::Scenario;
    /// let s = Scenario::from_json(r#"{"body": "kurultai", "polls": [
    ///     {"pollster": "P", "sample": 600, "shares": {"A": 50, "B": 40}},
    ///     {"pollster": "Q", "sample": 400, "shares": {"A": 45, "B": 42.5}}
    /// ]}"#)?;
    /// let report = s.simulation()?.run(1, 100)?;
    /// let pooled = s.pooled_polls()?.unwrap();
    /// let view = ProjectionView::new(About::of(&s), &report, &s.vote_model()?, false)
    ///     .with_polls(&s.polls, &pooled);
    /// let polls = view.polls.as_ref().unwrap();
    /// assert_eq!(polls.sample, 1000.0);
    /// assert_eq!(polls.polls[0].weight, 0.6);
    /// assert!(polls.sentence.contains("2 polls"), "{}", polls.sentence);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_polls(mut self, polls: &[Poll], pooled: &PooledPolls) -> ProjectionView {
        self.polls = Some(PollsView::new(polls, pooled));
        self
    }

    /// The party table: list share, seats (mean, median, 50% and 90% intervals), the
    /// chances of a majority, two thirds and passing the threshold, and the
    /// seats per tier when both tiers were simulated.
    pub fn party_table(&self) -> Table {
        let shares = self.parties.iter().any(|p| p.centre_share.is_some());
        let tiers = self.parties.iter().any(|p| p.list.is_some())
            && self.parties.iter().any(|p| p.district.is_some());
        let mut columns = vec![("party", Align::Left)];
        if shares {
            columns.push(("list share", Align::Right));
        }
        columns.extend([
            ("mean", Align::Right),
            ("median", Align::Right),
            ("50% interval", Align::Right),
            ("90% interval", Align::Right),
            ("P(majority)", Align::Right),
            ("P(2/3)", Align::Right),
        ]);
        if shares {
            columns.push(("P(threshold)", Align::Right));
        }
        if tiers {
            columns.extend([("list", Align::Right), ("district", Align::Right)]);
        }
        let mut t = Table::new(columns);
        for p in &self.parties {
            let mut row = vec![p.party.clone()];
            if shares {
                row.push(p.centre_share.map_or_else(|| "-".into(), |s| format!("{:.2}%", s * 100.0)));
            }
            row.extend([
                format!("{:.1}", p.total.mean),
                thousands(p.total.p50),
                p.total.interval50(),
                p.total.interval(),
                chance(p.p_majority),
                chance(p.p_two_thirds),
            ]);
            if shares {
                row.push(p.p_threshold.map_or_else(|| "-".into(), probability));
            }
            if tiers {
                row.push(p.list.as_ref().map_or_else(|| "-".into(), StatsView::summary));
                row.push(p.district.as_ref().map_or_else(|| "-".into(), StatsView::summary));
            }
            t.push(row);
        }
        let blank = usize::from(shares);
        for (word, s) in [(SELF_NOMINATED, &self.independents), (VACANT, &self.vacant)] {
            if s.mean > 0.0 {
                let mut row = vec![label(word)];
                row.extend(std::iter::repeat_n(String::new(), blank));
                row.extend([format!("{:.1}", s.mean), thousands(s.p50), s.interval50(), s.interval()]);
                t.push(row);
            }
        }
        if self.undecided > 0 {
            let mut row = vec![label(super::body::UNDECIDED)];
            row.extend(std::iter::repeat_n(String::new(), blank));
            let n = thousands(self.undecided);
            row.extend([n.clone(), n.clone(), n.clone(), n]);
            t.push(row);
        }
        t
    }

    /// Each district's candidates with their chance of winning (an akim race:
    /// the one table that matters).
    pub fn district_table(&self) -> Table {
        let mut t = Table::new([
            ("district", Align::Left),
            ("candidate", Align::Left),
            ("party", Align::Left),
            ("P(win)", Align::Right),
        ]);
        for d in &self.districts {
            let mut first = true;
            let mut name = || if std::mem::take(&mut first) { d.name.clone() } else { String::new() };
            for c in &d.candidates {
                t.push([
                    name(),
                    c.name.clone(),
                    c.party.clone().unwrap_or_else(|| SELF_NOMINATED.into()),
                    probability(c.p_win),
                ]);
            }
            if d.p_vacant > 0.0 {
                t.push([name(), label(VACANT), String::new(), probability(d.p_vacant)]);
            }
        }
        t
    }

    /// The coalition table (empty when none was asked for).
    pub fn coalition_table(&self) -> Table {
        let mut t = Table::new([
            ("coalition", Align::Left),
            ("mean", Align::Right),
            ("median", Align::Right),
            ("50% interval", Align::Right),
            ("90% interval", Align::Right),
            ("P(majority)", Align::Right),
            ("P(2/3)", Align::Right),
            ("P(3/4)", Align::Right),
            ("parties", Align::Left),
        ]);
        for c in &self.coalitions {
            t.push([
                c.name.clone(),
                format!("{:.1}", c.total.mean),
                thousands(c.total.p50),
                c.total.interval50(),
                c.total.interval(),
                chance(c.p_majority),
                chance(c.p_two_thirds),
                chance(c.p_three_quarters),
                c.parties.join(", "),
            ]);
        }
        t
    }

    /// The whole projection as text for people.
    ///
    /// # Errors
    ///
    /// The writer's errors.
    pub fn write_text(&self, summary: &str, source: &str, w: &mut impl Write) -> io::Result<()> {
        let about = About {
            title: Some(format!(
                "Monte Carlo projection: {}",
                self.about.title.as_deref().unwrap_or(summary)
            )),
            ..self.about.clone()
        };
        heading(&about, summary, source, w)?;
        let interrupted = if self.interrupted { " (INTERRUPTED: partial results)" } else { "" };
        writeln!(w, "{}, seed {}{interrupted}", counted(self.runs, "run"), self.seed)?;
        writeln!(w, "{}", self.model)?;
        if let Some(polls) = &self.polls {
            writeln!(w, "{}", polls.sentence)?;
        }
        writeln!(w)?;
        writeln!(
            w,
            "seats: mean, median, 50% interval (25th to 75th percentile: half of the runs fall in it) and 90% \
             interval (5th to 95th percentile) over the runs; list share: the scenario's; a majority is {} of {}",
            thousands(self.majority),
            counted(self.seats.into(), "seat")
        )?;
        self.party_table().write_text(w)?;
        if !self.coalitions.is_empty() {
            writeln!(w)?;
            writeln!(w, "coalitions (combined seats):")?;
            self.coalition_table().write_text(w)?;
        }
        if !self.districts.is_empty() {
            writeln!(w)?;
            writeln!(w, "chances of winning each district:")?;
            self.district_table().write_text(w)?;
        }
        if self.parties.first().is_some_and(|p| p.total.histogram.is_some()) {
            writeln!(w)?;
            writeln!(w, "seat distributions (seats, runs, share of runs):")?;
            for p in &self.parties {
                distribution(&p.party, &p.total, self.runs, w)?;
            }
            for c in &self.coalitions {
                distribution(&format!("{} (coalition)", c.name), &c.total, self.runs, w)?;
            }
            if self.independents.mean > 0.0 {
                distribution(&label(SELF_NOMINATED), &self.independents, self.runs, w)?;
            }
            if self.vacant.mean > 0.0 {
                distribution(&label(VACANT), &self.vacant, self.runs, w)?;
            }
        }
        write_notes(&self.notes, w)
    }

    /// The CSV rows: one per party, coalition, and the self-nominated,
    /// vacant and undecided seats, then one per candidate of the scenario's
    /// districts (`candidate`, with `district`, `party` in `parties` and
    /// `p_win`) and per district that may be left vacant (`district_vacant`).
    pub fn csv_rows(&self) -> Vec<ProjectionCsvRow> {
        let mut rows: Vec<ProjectionCsvRow> = self
            .parties
            .iter()
            .map(|p| ProjectionCsvRow {
                p_majority: p.p_majority,
                p_two_thirds: p.p_two_thirds,
                p_three_quarters: p.p_three_quarters,
                p_threshold: p.p_threshold,
                list_mean: p.list.as_ref().map(|s| s.mean),
                district_mean: p.district.as_ref().map(|s| s.mean),
                centre_share: p.centre_share,
                mean_share: p.mean_share,
                ..ProjectionCsvRow::seats("party", p.party.clone(), &p.total)
            })
            .collect();
        for c in &self.coalitions {
            rows.push(ProjectionCsvRow {
                p_majority: c.p_majority,
                p_two_thirds: c.p_two_thirds,
                p_three_quarters: c.p_three_quarters,
                parties: Some(c.parties.join("; ")),
                ..ProjectionCsvRow::seats("coalition", c.name.clone(), &c.total)
            });
        }
        for (word, s) in [(SELF_NOMINATED, &self.independents), (VACANT, &self.vacant)] {
            let row = if word == VACANT { VACANT } else { "self_nominated" };
            rows.push(ProjectionCsvRow::seats(row, label(word), s));
        }
        if self.undecided > 0 {
            let name = label(super::body::UNDECIDED);
            rows.push(ProjectionCsvRow::seats(
                super::body::UNDECIDED,
                name,
                &StatsView::fixed(self.undecided),
            ));
        }
        for d in &self.districts {
            for c in &d.candidates {
                rows.push(ProjectionCsvRow {
                    row: "candidate",
                    name: c.name.clone(),
                    parties: Some(c.party.clone().unwrap_or_else(|| label(SELF_NOMINATED))),
                    district: Some(d.name.clone()),
                    p_win: Some(c.p_win),
                    ..ProjectionCsvRow::default()
                });
            }
            if d.p_vacant > 0.0 {
                rows.push(ProjectionCsvRow {
                    row: "district_vacant",
                    name: label(VACANT),
                    district: Some(d.name.clone()),
                    p_win: Some(d.p_vacant),
                    ..ProjectionCsvRow::default()
                });
            }
        }
        rows
    }
}

/// One poll of a projection, with its weight in the pool.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PollView {
    /// Who conducted it.
    pub pollster: Option<String>,
    /// When (`YYYY-MM-DD`).
    pub date: Option<String>,
    /// How many people answered.
    pub sample: u64,
    /// Its weight, as a fraction of all the polls' weights (0 to 1).
    pub weight: f64,
}

/// A list's pooled share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PooledShareView {
    /// The list.
    pub party: String,
    /// Its pooled share, in percent.
    pub percent: f64,
}

/// The polls a projection's list vote was pooled from (see
/// [`Scenario::pooled_polls`](crate::scenario::Scenario::pooled_polls)).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PollsView {
    /// The polls, with their weights.
    pub polls: Vec<PollView>,
    /// The pooled sample size: the sum of the weights in people.
    pub sample: f64,
    /// Each list's pooled share.
    pub shares: Vec<PooledShareView>,
    /// The percent the pooled shares leave out, counted as "against all".
    pub rest_percent: f64,
    /// The notional list ballots the shares are counted on.
    pub ballots: u64,
    /// All of it in one sentence, for people.
    pub sentence: String,
}

impl PollsView {
    fn new(polls: &[Poll], pooled: &PooledPolls) -> PollsView {
        let percent = |x: f64| format!("{:.1}%", x * 100.0);
        let weights: Vec<String> = pooled.weights.iter().map(|&w| percent(w)).collect();
        let people = thousands(pooled.sample.round().max(0.0) as u128);
        let how = if pooled.weights.len() == 1 {
            format!("one poll of {people} people")
        } else {
            format!(
                "{} polls pooled (weights {}), as one poll of {people} people",
                pooled.weights.len(),
                weights.join(", ")
            )
        };
        let rest = if pooled.rest > 0.0 {
            let digits = if pooled.rest < 0.05 { 3 } else { 1 };
            format!("; the {:.digits$}% they give no list is counted as \"against all\"", pooled.rest)
        } else {
            String::new()
        };
        let sentence = format!(
            "polls: {how}{rest}; the shares are counted on {}",
            counted(pooled.ballots, "notional ballot")
        );
        PollsView {
            polls: polls
                .iter()
                .zip(&pooled.weights)
                .map(|(p, &weight)| PollView {
                    pollster: p.pollster.clone(),
                    date: p.date.map(|d| d.to_string()),
                    sample: p.sample.get(),
                    weight,
                })
                .collect(),
            sample: pooled.sample,
            shares: pooled
                .parties
                .iter()
                .zip(&pooled.shares)
                .map(|(party, &percent)| PooledShareView { party: party.clone(), percent })
                .collect(),
            rest_percent: pooled.rest,
            ballots: pooled.ballots,
            sentence,
        }
    }
}

/// One row of `saylau simulate --format csv`; `row` says what it is
/// (`party`, `coalition`, `self_nominated`, `vacant`, `undecided`,
/// `candidate`, `district_vacant`). Cells that do not apply are empty.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ProjectionCsvRow {
    /// What the row is.
    pub row: &'static str,
    /// The party, coalition, candidate or label.
    pub name: String,
    /// Mean seats.
    pub mean: Option<f64>,
    /// 5th percentile.
    pub p05: Option<u32>,
    /// Median.
    pub p50: Option<u32>,
    /// 95th percentile.
    pub p95: Option<u32>,
    /// 25th percentile (after `p95`, so that the columns of earlier
    /// versions keep their places).
    pub p25: Option<u32>,
    /// 75th percentile.
    pub p75: Option<u32>,
    /// Share of runs with a majority.
    pub p_majority: Option<f64>,
    /// Share of runs with two thirds.
    pub p_two_thirds: Option<f64>,
    /// Share of runs with three quarters.
    pub p_three_quarters: Option<f64>,
    /// Share of runs passing the threshold.
    pub p_threshold: Option<f64>,
    /// Mean list seats.
    pub list_mean: Option<f64>,
    /// Mean district seats.
    pub district_mean: Option<f64>,
    /// The scenario's list share (0 to 1).
    pub centre_share: Option<f64>,
    /// The mean simulated list share (0 to 1).
    pub mean_share: Option<f64>,
    /// A coalition's parties, separated by `; `; a candidate's party.
    pub parties: Option<String>,
    /// A candidate's district.
    pub district: Option<String>,
    /// Share of runs the candidate won (or the district was left vacant).
    pub p_win: Option<f64>,
}

impl ProjectionCsvRow {
    /// A row of seat statistics, the other cells empty.
    fn seats(row: &'static str, name: String, s: &StatsView) -> ProjectionCsvRow {
        ProjectionCsvRow {
            row,
            name,
            mean: Some(s.mean),
            p05: Some(s.p05),
            p50: Some(s.p50),
            p95: Some(s.p95),
            p25: Some(s.p25),
            p75: Some(s.p75),
            ..ProjectionCsvRow::default()
        }
    }
}

/// A chance for people, or "not computed" when it depends on seats outside
/// the model.
pub fn chance(p: Option<f64>) -> String {
    p.map_or_else(|| NOT_COMPUTED.to_string(), probability)
}

/// How a table shows a chance that is not computed.
pub const NOT_COMPUTED: &str = "not computed";

/// The vote model in one sentence, for people; what it says of district
/// candidates only when `districts` are simulated.
///
/// ```
/// # use saylau::describe::view::projection::model_sentence;
/// # use saylau::simulate::Uncertainty;
/// let u = Uncertainty { systematic_points: Some(2.0), ..Uncertainty::default() };
/// let s = model_sentence(&u, true);
/// assert!(s.contains("a poll of 2,000 people"), "{s}");
/// assert!(s.contains("2 percentage points"), "{s}");
/// assert!(s.contains("district candidates move"), "{s}");
/// assert!(!model_sentence(&u, false).contains("district"));
/// ```
pub fn model_sentence(u: &Uncertainty, districts: bool) -> String {
    let pct = |x: f64| format!("{}%", (x * 1000.0).round() / 10.0);
    let sampling = if u.concentration > 0.0 {
        format!(
            "the list shares of a poll of {} people (concentration {})",
            crate::describe::words::thousands(u.concentration.round().max(0.0) as u128),
            u.concentration
        )
    } else {
        format!("the list shares as given, without sampling noise (concentration {})", u.concentration)
    };
    let systematic = match u.systematic_points {
        Some(points) => format!(
            "an error common to every poll of about {points} percentage points on each share \
             (systematic_points {points})"
        ),
        None => format!(
            "an error common to every poll of about {} of each share (systematic_sd {})",
            pct(u.systematic_sd),
            u.systematic_sd
        ),
    };
    let swing = match u.swing {
        Swing::Proportional => "in proportion to their party's national change",
        Swing::Uniform => "by their party's national change in points",
    };
    let lists = format!(
        "vote model: each run draws {sampling}, moved by {systematic}, with turnout noise {} (turnout_sd {})",
        pct(u.turnout_sd),
        u.turnout_sd
    );
    if !districts {
        return lists;
    }
    format!(
        "{lists}; district candidates move {swing} (swing {}), with noise {} (district_sd {})",
        match u.swing {
            Swing::Proportional => "proportional",
            Swing::Uniform => "uniform",
        },
        pct(u.district_sd),
        u.district_sd
    )
}

/// One distribution as a text bar chart, from the fewest to the most seats
/// that any run gave.
fn distribution(name: &str, s: &StatsView, runs: u64, w: &mut impl Write) -> io::Result<()> {
    const WIDTH: u64 = 40;
    let Some(histogram) = &s.histogram else { return Ok(()) };
    writeln!(w)?;
    writeln!(w, "{name}:")?;
    let first = histogram.iter().position(|&c| c > 0);
    let last = histogram.iter().rposition(|&c| c > 0);
    let (Some(first), Some(last)) = (first, last) else {
        return Ok(());
    };
    let most = histogram.iter().copied().max().unwrap_or(1).max(1);
    let count_width = most.to_string().len();
    for (seats, &count) in histogram.iter().enumerate().take(last + 1).skip(first) {
        let bar = (u128::from(count) * u128::from(WIDTH)).div_ceil(u128::from(most));
        let share = if runs == 0 { 0.0 } else { count as f64 * 100.0 / runs as f64 };
        let line = format!(
            "  {seats:>4}  {count:>count_width$}  {share:>6.2}%  {}",
            "#".repeat(usize::try_from(bar).unwrap_or(0))
        );
        writeln!(w, "{}", line.trim_end())?;
    }
    Ok(())
}
