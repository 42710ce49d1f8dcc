//! Monte Carlo projections of a body's seats from a poll or a previous
//! result, with honest uncertainty.
//!
//! Each run draws a vote count around the scenario's figures, then decides
//! the seats with exactly the same rules and code as [`Body::elect`]. The
//! runs are aggregated in integer counts per party (seat histograms,
//! threshold passes, majorities), so memory does not grow with the number
//! of runs and the result is the same whatever the number of threads.
//!
//! # Vote model
//!
//! Let `p_k` be the centre share of list `k` (and of "against all", which is
//! a category of its own), from the scenario's votes, and `T` the number of
//! list ballots. Each run:
//!
//! 1. **Systematic polling error**: `w_k = p_k * exp(σ_sys * z_k)` with
//!    independent standard normals `z_k`, a shift on the log-ratio scale
//!    common to the whole country (`systematic_sd`, default 0.1). Or, given
//!    in percentage points (`systematic_points`, default none):
//!    `w_k = max(0, p_k + points / 100 * z_k)` for `p_k > 0` (if every
//!    `w_k` falls to 0, the run keeps `p`). District shares swing with the
//!    drawn list shares measured against the scenario's `p_k` (step 4), so
//!    they move with this error as well.
//! 2. **Sampling noise**: shares `s ~ Dirichlet(α * w / Σw)`, with `α` the
//!    effective poll sample size (`concentration`, default 2000; `0` turns
//!    sampling noise off), drawn as normalised `Gamma(α w_k / Σw, 1)`.
//! 3. **Turnout** (optional): `T' = T * max(0, 1 + σ_T * z)` (`turnout_sd`,
//!    default 0). List votes are `round(s_k * T')`, integers, and the list
//!    tier decides on them exactly.
//! 4. **Districts**: a candidate of party `k` with share `c` of its
//!    district's votes moves with the national swing of `k`:
//!    proportional `c * s_k / p_k` (default) or uniform `max(0, c + s_k - p_k)`
//!    (`swing`); self-nominated candidates and parties without a list do not
//!    swing; "against all" swings with the national "against all". Then
//!    district noise: `c' = c_swung * max(0, 1 + σ_d * z)` (`district_sd`,
//!    default 0.1), votes `round(c' * D)` with `D` the district's total, and
//!    the winner by the body's district rules.
//!
//! With no district results in the scenario, the body's single-member
//! districts are generated from the national vote (unless
//! `synthetic_districts` is `false`): in
//! each, one nominee per list with share `p_k * exp(σ_r * z)` renormalised
//! (`regional_sd`, default 0.25), drawn once from a fixed seed. They are
//! labelled synthetic in the notes.
//!
//! # Intervals
//!
//! Each [`SeatStats`] gives the 50% interval `p25..=p75` and the 90% interval
//! `p05..=p95`, read from the integer seat histogram (the `q`-th percentile
//! is the smallest seat count with at least `q`% of runs at or below it), so
//! they cost nothing in the runs. Seats are whole numbers, so an interval
//! holds at least its share of runs, and at most that plus the runs at its
//! two ends; `tests/analysis/calibration.rs` checks that elections drawn from the
//! model fall in them at those rates.
//!
//! # Ties
//!
//! Continuous noise makes exact ties rare, but they happen. A run never
//! stops on a tie: where the rules say [`TieBreak::Error`] (or
//! [`TieBreak::MoreVotes`] finds equal votes), the run draws lots with a seed
//! from its own random stream, and the report counts such runs.
//!
//! # Reproducibility
//!
//! Runs are grouped in blocks of [`BLOCK`]. Block `b` draws from
//! Xoshiro256++ (a named generator whose algorithm is fixed, unlike
//! `StdRng`), its 256-bit state filled by SplitMix64 from the user's seed and
//! `b`. Blocks are combined by adding integer counts, so the output depends
//! only on the scenario, the seed and the number of runs, never on the thread
//! count or the machine: the samplers and `exp` come from the pure-Rust
//! `libm`, not the platform's maths library.
//!
//! # Example
//!
//! ```
//! # use saylau::simulate::{Simulation, Uncertainty};
//! # use saylau::system::{Ballots, Overrides, PartyList, Preset};
//! let body = Preset::Kurultai.body(&Overrides::default())?;
//! let ballots = Ballots {
//!     lists: vec![
//!         PartyList { party: "A".into(), votes: 55_000, candidates: None },
//!         PartyList { party: "B".into(), votes: 41_000, candidates: None },
//!         PartyList { party: "C".into(), votes: 4_000, candidates: None },
//!     ],
//!     ..Default::default()
//! };
//! let sim = Simulation::new(&body, &ballots, &Uncertainty::default())?;
//! let report = sim.run(7, 2_000)?;
//! assert_eq!(report.runs, 2_000);
//! let a = &report.parties[0];
//! assert!(a.p_majority.unwrap() > 0.5, "A polls 55%");
//! // C polls 4%: it passes 5% in some runs, not in most.
//! let c = report.parties[2].p_threshold.unwrap();
//! assert!(c > 0.0 && c < 0.5);
//! # Ok::<(), saylau::Error>(())
//! ```

use std::sync::atomic::{AtomicBool, Ordering};

use rand::rngs::{ChaCha8Rng, Xoshiro256PlusPlus};
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Gamma, StandardNormal};

use crate::apportion::TieBreak;
use crate::district::{DistrictRules, plurality};
use crate::error::{Error, Result};
use crate::note::Note;
use crate::system::{Ballots, Body, ListTier};

mod driver;
mod model;
mod run;
mod tally;

use driver::{Worker, block_rng};
use model::{DistrictModel, ListModel};

/// Runs per block: the unit of seeding and of parallel work.
pub const BLOCK: u64 = 1024;

/// The most runs the `saylau` command and the Python package accept for one
/// projection: ten billion, about an hour and a half on 2 cores at 1.7
/// million elections a second. [`Simulation::run`] itself takes any number.
pub const MAX_RUNS: u64 = 10_000_000_000;

/// Most seat-histogram counters a simulation keeps per worker: three per
/// party and one per coalition, each as long as the body has seats plus one
/// (so a 98-seat body with 8 parties needs 2,376). Bigger bodies are refused
/// by [`Simulation::new`].
pub const MAX_HISTOGRAM_CELLS: u64 = 1 << 22;

/// How shares move in single-member districts with the national vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Swing {
    /// A party's district shares scale with its national share (default).
    #[default]
    Proportional,
    /// A party's district shares move by its national change in points.
    Uniform,
}

/// A named group of parties whose combined seats are tracked.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Coalition {
    /// The coalition's name.
    pub name: String,
    /// Its parties, by name.
    pub parties: Vec<String>,
}

/// The spread of the vote model (the scenario's `uncertainty` object). See
/// the [module docs](self) for the formulas.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields, default))]
pub struct Uncertainty {
    /// Dirichlet concentration: the effective poll sample size (0: no
    /// sampling noise). Default 2000. Left out of the JSON at its default, so
    /// that a poll scenario written back (whose polls set it) reads again.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Uncertainty::is_default_concentration"))]
    pub concentration: f64,
    /// Standard deviation of the systematic log-ratio error per party. Default 0.1.
    /// Not used when `systematic_points` is given.
    pub systematic_sd: f64,
    /// The systematic error in percentage points: each list's share (and
    /// "against all"'s) moves by an independent normal error with this
    /// standard deviation, common to the whole country, before the sampling
    /// noise. `None` (the default) uses `systematic_sd` instead; when given,
    /// `systematic_sd` must be left at its default or 0 (it is then not used).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub systematic_points: Option<f64>,
    /// Relative standard deviation of turnout. Default 0.
    pub turnout_sd: f64,
    /// District swing model. Default proportional.
    pub swing: Swing,
    /// Relative standard deviation of each district candidate's votes. Default 0.1.
    pub district_sd: f64,
    /// Generate the body's districts from the national vote when the
    /// scenario gives none: `None` (the default) does so whenever the body
    /// has single-member seats, no district results are given and there are
    /// list votes to generate them from, and says so in a note; `Some(false)`
    /// leaves those seats undecided, and then no chance of a majority is
    /// computed (it would depend on them).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub synthetic_districts: Option<bool>,
    /// Regional variation of synthetic districts (log scale). Default 0.25.
    pub regional_sd: f64,
    /// Coalitions whose majorities are tracked.
    pub coalitions: Vec<Coalition>,
}

impl Uncertainty {
    /// Whether `concentration` is the default's (for serialization).
    #[cfg(feature = "serde")]
    fn is_default_concentration(concentration: &f64) -> bool {
        *concentration == Uncertainty::default().concentration
    }
}

impl Default for Uncertainty {
    fn default() -> Self {
        Uncertainty {
            concentration: 2000.0,
            systematic_sd: 0.1,
            systematic_points: None,
            turnout_sd: 0.0,
            swing: Swing::Proportional,
            district_sd: 0.1,
            synthetic_districts: None,
            regional_sd: 0.25,
            coalitions: Vec::new(),
        }
    }
}

impl Uncertainty {
    /// No noise at all: every run reproduces the scenario's votes.
    pub fn none() -> Uncertainty {
        Uncertainty {
            concentration: 0.0,
            systematic_sd: 0.0,
            systematic_points: None,
            turnout_sd: 0.0,
            district_sd: 0.0,
            regional_sd: 0.0,
            ..Uncertainty::default()
        }
    }

    fn validate(&self) -> Result<()> {
        let fields = [
            ("concentration", self.concentration, 1e15),
            ("systematic_sd", self.systematic_sd, 10.0),
            ("turnout_sd", self.turnout_sd, 10.0),
            ("district_sd", self.district_sd, 10.0),
            ("regional_sd", self.regional_sd, 10.0),
        ];
        for (name, value, max) in fields {
            // Written so that NaN fails.
            if !(value >= 0.0 && value <= max) {
                return Err(Error::InvalidUncertainty {
                    field: name,
                    value: value.to_string(),
                    max: max.to_string(),
                });
            }
        }
        if let Some(points) = self.systematic_points {
            if !(0.0..=100.0).contains(&points) {
                return Err(Error::InvalidUncertainty {
                    field: "systematic_points",
                    value: points.to_string(),
                    max: "100".into(),
                });
            }
            let default = Uncertainty::default().systematic_sd;
            // 0 says "no log-ratio error" too: no conflict.
            if self.systematic_sd != default && self.systematic_sd != 0.0 {
                return Err(Error::TwoSystematicErrors {
                    systematic_sd: self.systematic_sd.to_string(),
                    default: default.to_string(),
                });
            }
        }
        Ok(())
    }

    /// The log-ratio systematic error the runs draw: `systematic_sd`, or 0
    /// when the error is given in points.
    fn log_ratio_sd(&self) -> f64 {
        if self.systematic_points.is_some() { 0.0 } else { self.systematic_sd }
    }

    /// The systematic error in points when given and above zero.
    fn points(&self) -> Option<f64> {
        self.systematic_points.filter(|&p| p > 0.0)
    }
}

/// Seat statistics of one party (or group) over the runs.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SeatStats {
    /// Mean seats.
    pub mean: f64,
    /// 5th percentile: the smallest `s` with at least 5% of runs at or below it.
    pub p05: u32,
    /// 25th percentile: with `p75`, the 50% interval.
    pub p25: u32,
    /// Median.
    pub p50: u32,
    /// 75th percentile.
    pub p75: u32,
    /// 95th percentile: with `p05`, the 90% interval.
    pub p95: u32,
    /// Runs per seat count: `histogram[s]` runs gave exactly `s` seats.
    pub histogram: Vec<u64>,
}

impl SeatStats {
    fn from_histogram(histogram: &[u64], runs: u64) -> SeatStats {
        let sum: u128 = histogram.iter().enumerate().map(|(s, &c)| s as u128 * c as u128).sum();
        let quantile = |pct: u128| {
            let mut cum = 0u128;
            for (s, &c) in histogram.iter().enumerate() {
                cum += c as u128;
                if cum * 100 >= pct * runs as u128 {
                    return s as u32;
                }
            }
            histogram.len().saturating_sub(1) as u32
        };
        SeatStats {
            mean: if runs == 0 { 0.0 } else { sum as f64 / runs as f64 },
            p05: quantile(5),
            p25: quantile(25),
            p50: quantile(50),
            p75: quantile(75),
            p95: quantile(95),
            histogram: histogram.to_vec(),
        }
    }
}

/// One party's projection.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PartyProjection {
    /// The party.
    pub party: String,
    /// Its list seats (`None` if it has no list or the body no list tier).
    pub list: Option<SeatStats>,
    /// Its single-member seats (`None` if the body has no such tier).
    pub district: Option<SeatStats>,
    /// Its total seats.
    pub total: SeatStats,
    /// Share of runs in which it alone holds more than half of all seats.
    pub p_majority: Option<f64>,
    /// Share of runs in which it alone holds at least two thirds.
    pub p_two_thirds: Option<f64>,
    /// Share of runs in which it alone holds at least three quarters.
    pub p_three_quarters: Option<f64>,
    /// Share of runs in which its list took part (passed the threshold).
    pub p_threshold: Option<f64>,
    /// Its list's share in the scenario (of list votes plus "against all").
    pub centre_share: Option<f64>,
    /// Its mean simulated list share, on the same base.
    pub mean_share: Option<f64>,
}

/// A candidate's chance of winning a district (or an akim race).
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct CandidateChance {
    /// The candidate.
    pub name: String,
    /// The nominating party (`None`: self-nominated).
    pub party: Option<String>,
    /// Share of runs the candidate won.
    pub p_win: f64,
}

/// One district's projection.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct DistrictProjection {
    /// The district.
    pub name: String,
    /// Its candidates, in ballot order.
    pub candidates: Vec<CandidateChance>,
    /// Share of runs the seat was left vacant (a repeat election).
    pub p_vacant: f64,
}

/// A coalition's projection.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CoalitionProjection {
    /// The coalition.
    pub name: String,
    /// Its parties.
    pub parties: Vec<String>,
    /// Its combined seats.
    pub total: SeatStats,
    /// Share of runs with more than half of all seats.
    pub p_majority: Option<f64>,
    /// Share of runs with at least two thirds.
    pub p_two_thirds: Option<f64>,
    /// Share of runs with at least three quarters.
    pub p_three_quarters: Option<f64>,
}

/// The result of [`Simulation::run`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Projection {
    /// Runs completed.
    pub runs: u64,
    /// The seed.
    pub seed: u64,
    /// The body's size.
    pub seats: u32,
    /// Whether the run was stopped early (then `runs` counts completed runs).
    pub interrupted: bool,
    /// Per party: lists in registration order, then parties that appear only in districts.
    pub parties: Vec<PartyProjection>,
    /// Seats won by self-nominated candidates.
    pub independents: SeatStats,
    /// Seats left vacant (repeat elections, short lists, no list passing).
    pub vacant: SeatStats,
    /// Seats the scenario gives no votes for (no lists, or fewer districts
    /// than the body has and no synthetic districts): in no run's count.
    /// In every run, parties + independents + vacant + undecided = `seats`.
    pub undecided: u32,
    /// The coalitions asked for.
    pub coalitions: Vec<CoalitionProjection>,
    /// Each district of the scenario (not the generated ones): every
    /// candidate's chance of winning it.
    pub districts: Vec<DistrictProjection>,
    /// Runs in which a tie was broken by lot because the rules refuse ties.
    pub runs_with_lot: u64,
    /// Notes on the model (synthetic districts, undecided seats, ...).
    pub notes: Vec<Note>,
}

/// Controls of a run beyond seed and size.
#[derive(Default, Clone, Copy)]
pub struct RunOptions<'a> {
    /// Worker threads (`None` or `Some(0)`: all cores; `Some(1)`: this
    /// thread). Never changes the result. Without the `parallel` feature
    /// every run is on this thread, whatever is asked.
    pub threads: Option<usize>,
    /// Called with the number of runs completed, after each block. With
    /// several threads blocks finish out of order, so calls may arrive with
    /// a smaller total than an earlier call: keep the largest.
    pub progress: Option<&'a (dyn Fn(u64) + Sync)>,
    /// Checked before each block: when set, the run stops early. The blocks
    /// completed by then depend on timing when several threads run, so a
    /// stopped run's partial report is not reproducible (a full one is).
    pub stop: Option<&'a AtomicBool>,
}

impl std::fmt::Debug for RunOptions<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RunOptions")
            .field("threads", &self.threads)
            .field("progress", &self.progress.is_some())
            .field("stop", &self.stop)
            .finish()
    }
}

/// A coalition as simulated: its name, its parties as the scenario names
/// them, and their positions in the report.
#[derive(Debug, Clone)]
struct CoalitionModel {
    name: String,
    parties: Vec<String>,
    members: Vec<usize>,
}

/// A compiled simulation: the body's rules and the vote model. Build once,
/// run many times.
#[derive(Debug, Clone)]
pub struct Simulation {
    seats: u32,
    parties: Vec<String>,
    list: Option<ListModel>,
    rules: Option<DistrictRules>,
    district_seats: u32,
    districts: Vec<DistrictModel>,
    cand_share: Vec<f64>,
    /// The list category a candidate swings with.
    cand_swing: Vec<Option<usize>>,
    /// The party a candidate's seat counts for.
    cand_party: Vec<Option<usize>>,
    /// Each candidate's name (a synthetic district's nominee: the list's party).
    cand_name: Vec<String>,
    /// Each district's name.
    district_name: Vec<String>,
    uncertainty: Uncertainty,
    /// The systematic error in points (`None`: none, or on the log-ratio scale).
    points: Option<f64>,
    coalitions: Vec<CoalitionModel>,
    notes: Vec<Note>,
}

impl Simulation {
    /// The parties, in report order.
    pub fn parties(&self) -> &[String] {
        &self.parties
    }

    /// Runs `runs` elections from `seed` on all cores.
    ///
    /// # Errors
    ///
    /// [`Error::Threads`] if the thread pool cannot be built.
    pub fn run(&self, seed: u64, runs: u64) -> Result<Projection> {
        self.run_with(seed, runs, &RunOptions::default())
    }

    /// Runs with explicit [`RunOptions`].
    ///
    /// # Errors
    ///
    /// [`Error::Runs`] for no runs or more than [`MAX_RUNS`];
    /// [`Error::Threads`] if the thread pool cannot be built.
    ///
    /// ```
    /// # use saylau::scenario::Scenario;
    /// # use saylau::Error;
    /// let s = Scenario::from_json(r#"{"body": "kurultai", "lists": [{"party": "A", "votes": 9}]}"#).unwrap();
    /// let sim = s.simulation()?;
    /// assert_eq!(sim.run(0, 0).unwrap_err(), Error::Runs { runs: 0, max: saylau::simulate::MAX_RUNS });
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn run_with(&self, seed: u64, runs: u64, options: &RunOptions<'_>) -> Result<Projection> {
        if runs == 0 || runs > MAX_RUNS {
            return Err(Error::Runs { runs, max: MAX_RUNS });
        }
        let blocks = runs.div_ceil(BLOCK);
        let done = std::sync::atomic::AtomicU64::new(0);
        let block = |worker: &mut Worker, b: u64| {
            if options.stop.is_some_and(|s| s.load(Ordering::Relaxed)) {
                return;
            }
            let mut rng = block_rng(seed, b);
            let n = BLOCK.min(runs - b * BLOCK);
            let Worker { tally, scratch } = worker;
            for _ in 0..n {
                self.run_once(&mut rng, scratch, tally);
            }
            let total = done.fetch_add(n, Ordering::Relaxed) + n;
            if let Some(progress) = options.progress {
                progress(total);
            }
        };
        let tally = self.drive(blocks, options.threads, &block)?;
        let interrupted = tally.runs < runs;
        Ok(self.report(seed, tally, interrupted))
    }
}
