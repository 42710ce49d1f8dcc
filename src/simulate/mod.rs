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
//!    common to the whole country (`systematic_sd`, default 0.1).
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
//! With no district results in the scenario, `synthetic_districts: true`
//! generates the body's single-member districts from the national vote: in
//! each, one nominee per list with share `p_k * exp(σ_r * z)` renormalised
//! (`regional_sd`, default 0.25), drawn once from a fixed seed. They are
//! labelled synthetic in the notes.
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
//! assert!(a.p_majority > 0.5, "A polls 55%");
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
use crate::system::{Ballots, Body, ListTier};

/// Runs per block: the unit of seeding and of parallel work.
pub const BLOCK: u64 = 1024;

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
    /// sampling noise). Default 2000.
    pub concentration: f64,
    /// Standard deviation of the systematic log-ratio error per party. Default 0.1.
    pub systematic_sd: f64,
    /// Relative standard deviation of turnout. Default 0.
    pub turnout_sd: f64,
    /// District swing model. Default proportional.
    pub swing: Swing,
    /// Relative standard deviation of each district candidate's votes. Default 0.1.
    pub district_sd: f64,
    /// Generate the body's districts from the national vote when the
    /// scenario gives none. Default false.
    pub synthetic_districts: bool,
    /// Regional variation of synthetic districts (log scale). Default 0.25.
    pub regional_sd: f64,
    /// Coalitions whose majorities are tracked.
    pub coalitions: Vec<Coalition>,
}

impl Default for Uncertainty {
    fn default() -> Self {
        Uncertainty {
            concentration: 2000.0,
            systematic_sd: 0.1,
            turnout_sd: 0.0,
            swing: Swing::Proportional,
            district_sd: 0.1,
            synthetic_districts: false,
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
        Ok(())
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
    /// Median.
    pub p50: u32,
    /// 95th percentile.
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
            p50: quantile(50),
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
    pub p_majority: f64,
    /// Share of runs in which it alone holds at least two thirds.
    pub p_two_thirds: f64,
    /// Share of runs in which it alone holds at least three quarters.
    pub p_three_quarters: f64,
    /// Share of runs in which its list took part (passed the threshold).
    pub p_threshold: Option<f64>,
    /// Its list's share in the scenario (of list votes plus "against all").
    pub centre_share: Option<f64>,
    /// Its mean simulated list share, on the same base.
    pub mean_share: Option<f64>,
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
    pub p_majority: f64,
    /// Share of runs with at least two thirds.
    pub p_two_thirds: f64,
    /// Share of runs with at least three quarters.
    pub p_three_quarters: f64,
}

/// The result of [`Simulation::run`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Report {
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
    /// Runs in which a tie was broken by lot because the rules refuse ties.
    pub runs_with_lot: u64,
    /// Notes on the model (synthetic districts, undecided seats, ...).
    pub notes: Vec<String>,
}

/// Controls of a run beyond seed and size.
#[derive(Default, Clone, Copy)]
pub struct RunOptions<'a> {
    /// Worker threads (`None` or `Some(0)`: all cores; `Some(1)`: this
    /// thread). Never changes the result.
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

/// The list tier's model.
#[derive(Debug, Clone)]
struct ListModel {
    tier: ListTier,
    /// Centre shares of the lists, then "against all" (last).
    centre: Vec<f64>,
    candidates: Vec<Option<u32>>,
    /// List ballots in the scenario (party votes plus "against all").
    total: f64,
    /// The Gamma laws of the Dirichlet when they do not change between runs.
    fixed_gammas: Option<Vec<Option<Gamma<f64>>>>,
}

/// One district, as a range of the flat candidate arrays.
#[derive(Debug, Clone)]
struct DistrictModel {
    start: usize,
    end: usize,
    against_all_share: f64,
    total: f64,
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
    uncertainty: Uncertainty,
    coalitions: Vec<(String, Vec<String>, Vec<usize>)>,
    notes: Vec<String>,
}

impl Simulation {
    /// Compiles `body`, the centre `ballots` and the `uncertainty`.
    ///
    /// # Errors
    ///
    /// Whatever [`Body::elect`] refuses about the ballots;
    /// [`Error::InvalidUncertainty`], [`Error::UnknownCoalitionParty`],
    /// [`Error::NothingToSimulate`], [`Error::SimulationTooLarge`].
    #[expect(
        clippy::too_many_lines,
        reason = "compiles the list model, districts, synthetic districts, coalitions and the memory budget in one pass; to be split with the simulator's module split"
    )]
    pub fn new(body: &Body, ballots: &Ballots, uncertainty: &Uncertainty) -> Result<Simulation> {
        uncertainty.validate()?;
        // The centre must itself be a valid election (names, districts, rules);
        // a tie at the centre is no obstacle to simulating around it.
        match body.elect(ballots) {
            Ok(_) | Err(Error::Tie { .. } | Error::DistrictTie { .. }) => {}
            Err(e) => return Err(e),
        }
        let mut notes = Vec::new();
        let mut parties: Vec<String> = ballots.lists.iter().map(|l| l.party.trim().to_string()).collect();
        let list = match (&body.list, ballots.lists.is_empty()) {
            (Some(tier), false) => {
                let against = if tier.against_all_in_base { ballots.against_all } else { 0 };
                let total = ballots.lists.iter().map(|l| l.votes as f64).sum::<f64>() + against as f64;
                let mut centre: Vec<f64> = ballots.lists.iter().map(|l| l.votes as f64 / total).collect();
                centre.push(against as f64 / total);
                let mut model = ListModel {
                    tier: tier.clone(),
                    centre,
                    candidates: ballots.lists.iter().map(|l| l.candidates).collect(),
                    total,
                    fixed_gammas: None,
                };
                if uncertainty.systematic_sd == 0.0 && uncertainty.concentration > 0.0 {
                    model.fixed_gammas = Some(
                        model
                            .centre
                            .iter()
                            .map(|&p| {
                                (p > 0.0)
                                    .then(|| Gamma::new(uncertainty.concentration * p, 1.0).ok())
                                    .flatten()
                            })
                            .collect(),
                    );
                }
                Some(model)
            }
            (Some(tier), true) => {
                notes.push(format!("No list votes given: the {} list seats are not simulated.", tier.seats));
                None
            }
            (None, _) => None,
        };
        let mut sim = Simulation {
            seats: body.seats(),
            parties: Vec::new(),
            list,
            rules: body.districts.map(|d| d.rules),
            district_seats: body.districts.map_or(0, |d| d.seats),
            districts: Vec::new(),
            cand_share: Vec::new(),
            cand_swing: Vec::new(),
            cand_party: Vec::new(),
            uncertainty: uncertainty.clone(),
            coalitions: Vec::new(),
            notes: Vec::new(),
        };
        let list_index = |name: &str, parties: &[String]| parties.iter().position(|p| p == name);
        let n_lists = ballots.lists.len();
        if !ballots.districts.is_empty() {
            for d in &ballots.districts {
                let total = d.candidates.iter().map(|c| c.votes as f64).sum::<f64>() + d.against_all as f64;
                let start = sim.cand_share.len();
                for c in &d.candidates {
                    let party = c.party.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(|p| {
                        list_index(p, &parties).unwrap_or_else(|| {
                            parties.push(p.to_string());
                            parties.len() - 1
                        })
                    });
                    sim.cand_share.push(c.votes as f64 / total);
                    sim.cand_swing.push(party.filter(|&p| p < n_lists && sim.list.is_some()));
                    sim.cand_party.push(party);
                }
                sim.districts.push(DistrictModel {
                    start,
                    end: sim.cand_share.len(),
                    against_all_share: d.against_all as f64 / total,
                    total,
                });
            }
            let undecided = sim.district_seats as usize - ballots.districts.len();
            if undecided > 0 {
                notes.push(format!(
                    "{undecided} single-member seat(s) without district results are not simulated."
                ));
            }
        } else if sim.district_seats > 0 {
            match (&sim.list, uncertainty.synthetic_districts) {
                (Some(list), true) => {
                    sim.synthesise_districts(list.clone(), n_lists);
                    notes.push(format!(
                        "The {} single-member districts are SYNTHETIC: generated from the national list vote with \
                         regional variation {} (log scale), one nominee per list.",
                        sim.district_seats, uncertainty.regional_sd
                    ));
                }
                _ => notes.push(format!(
                    "No district results given: the {} single-member seats are not simulated (set \
                     uncertainty.synthetic_districts to generate them from the list vote).",
                    sim.district_seats
                )),
            }
        }
        for c in &uncertainty.coalitions {
            let mut members = Vec::new();
            for p in &c.parties {
                let i = list_index(p.trim(), &parties).ok_or_else(|| Error::UnknownCoalitionParty {
                    coalition: c.name.clone(),
                    party: p.clone(),
                })?;
                if !members.contains(&i) {
                    members.push(i);
                }
            }
            sim.coalitions.push((c.name.clone(), c.parties.clone(), members));
        }
        if sim.list.is_none() && sim.districts.is_empty() {
            return Err(Error::NothingToSimulate);
        }
        // Each worker keeps three seat histograms per party (list, district,
        // total) and one per coalition, of the body's size.
        let groups = (parties.len() * 3 + sim.coalitions.len()) as u64;
        let cells = groups.saturating_mul(sim.seats as u64 + 1);
        if cells > MAX_HISTOGRAM_CELLS {
            return Err(Error::SimulationTooLarge {
                parties: parties.len(),
                seats: sim.seats,
                cells,
                max: MAX_HISTOGRAM_CELLS,
            });
        }
        sim.parties = parties;
        sim.notes = notes;
        Ok(sim)
    }

    /// Districts drawn once from the national vote, on a fixed stream.
    fn synthesise_districts(&mut self, list: ListModel, n_lists: usize) {
        let mut rng = ChaCha8Rng::seed_from_u64(0x5341_594c_4155);
        let per_district = list.total / self.district_seats as f64;
        for _ in 0..self.district_seats {
            let start = self.cand_share.len();
            let mut raw: Vec<f64> = list
                .centre
                .iter()
                .map(|&p| {
                    let z: f64 = StandardNormal.sample(&mut rng);
                    p * libm::exp(self.uncertainty.regional_sd * z)
                })
                .collect();
            let sum: f64 = raw.iter().sum();
            if sum > 0.0 {
                raw.iter_mut().for_each(|x| *x /= sum);
            }
            for (k, &share) in raw.iter().enumerate().take(n_lists) {
                if list.centre[k] > 0.0 {
                    self.cand_share.push(share);
                    self.cand_swing.push(Some(k));
                    self.cand_party.push(Some(k));
                }
            }
            self.districts.push(DistrictModel {
                start,
                end: self.cand_share.len(),
                against_all_share: raw[n_lists],
                total: per_district,
            });
        }
    }

    /// The parties, in report order.
    pub fn parties(&self) -> &[String] {
        &self.parties
    }

    /// Runs `runs` elections from `seed` on all cores.
    ///
    /// # Errors
    ///
    /// [`Error::Threads`] if the thread pool cannot be built.
    pub fn run(&self, seed: u64, runs: u64) -> Result<Report> {
        self.run_with(seed, runs, &RunOptions::default())
    }

    /// Runs with explicit [`RunOptions`].
    ///
    /// # Errors
    ///
    /// [`Error::Threads`] if the thread pool cannot be built.
    pub fn run_with(&self, seed: u64, runs: u64, options: &RunOptions<'_>) -> Result<Report> {
        let blocks = runs.div_ceil(BLOCK);
        let done = std::sync::atomic::AtomicU64::new(0);
        let block = |tally: &mut Tally, scratch: &mut Scratch, b: u64| {
            if options.stop.is_some_and(|s| s.load(Ordering::Relaxed)) {
                return;
            }
            let mut rng = block_rng(seed, b);
            let n = BLOCK.min(runs - b * BLOCK);
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

    /// Runs blocks `0..blocks` into tallies (one per worker, not one per
    /// block) and adds them up.
    #[cfg(feature = "parallel")]
    fn drive(&self, blocks: u64, threads: Option<usize>, block: &BlockFn<'_>) -> Result<Tally> {
        use rayon::prelude::*;
        if threads == Some(1) {
            return Ok(self.drive_sequential(blocks, block));
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.unwrap_or(0))
            .build()
            .map_err(|e| Error::Threads(e.to_string()))?;
        Ok(pool.install(|| {
            (0..blocks)
                .into_par_iter()
                .fold(
                    || (Tally::new(self), Scratch::new(self)),
                    |(mut tally, mut scratch), b| {
                        block(&mut tally, &mut scratch, b);
                        (tally, scratch)
                    },
                )
                .map(|(tally, _)| tally)
                .reduce(
                    || Tally::new(self),
                    |mut a, b| {
                        a.merge(&b);
                        a
                    },
                )
        }))
    }

    #[cfg(not(feature = "parallel"))]
    fn drive(&self, blocks: u64, _threads: Option<usize>, block: &BlockFn<'_>) -> Result<Tally> {
        Ok(self.drive_sequential(blocks, block))
    }

    fn drive_sequential(&self, blocks: u64, block: &BlockFn<'_>) -> Tally {
        let mut tally = Tally::new(self);
        let mut scratch = Scratch::new(self);
        for b in 0..blocks {
            block(&mut tally, &mut scratch, b);
        }
        tally
    }

    /// One election: draw votes, decide seats, count.
    #[expect(
        clippy::too_many_lines,
        reason = "the hot loop of one simulated election, kept in one function so the compiler sees it whole; to be split into draw, decide and count"
    )]
    fn run_once(&self, rng: &mut Xoshiro256PlusPlus, sc: &mut Scratch, tally: &mut Tally) {
        let u = &self.uncertainty;
        sc.list_seats.iter_mut().for_each(|x| *x = 0);
        sc.district_seats.iter_mut().for_each(|x| *x = 0);
        let mut independents = 0u32;
        let mut vacant = 0u32;
        let mut lot = false;
        if let Some(list) = &self.list {
            let k = list.centre.len();
            match &list.fixed_gammas {
                Some(gammas) => {
                    for (g, law) in sc.share.iter_mut().zip(gammas) {
                        *g = law.as_ref().map_or(0.0, |law| law.sample(rng));
                    }
                }
                None => {
                    for (w, &p) in sc.share.iter_mut().zip(&list.centre) {
                        *w = if p > 0.0 && u.systematic_sd > 0.0 {
                            let z: f64 = StandardNormal.sample(rng);
                            p * libm::exp(u.systematic_sd * z)
                        } else {
                            p
                        };
                    }
                    if u.concentration > 0.0 {
                        let sum: f64 = sc.share.iter().sum();
                        for w in sc.share.iter_mut() {
                            if *w > 0.0 {
                                *w = Gamma::new(u.concentration * *w / sum, 1.0)
                                    .map_or(0.0, |law| law.sample(rng));
                            }
                        }
                    }
                }
            }
            let sum: f64 = sc.share.iter().sum();
            if sum > 0.0 {
                sc.share.iter_mut().for_each(|s| *s /= sum);
            }
            let turnout = if u.turnout_sd > 0.0 {
                let z: f64 = StandardNormal.sample(rng);
                (1.0 + u.turnout_sd * z).max(0.0)
            } else {
                1.0
            };
            let ballots = list.total * turnout;
            for i in 0..k {
                sc.votes[i] = to_votes(sc.share[i] * ballots);
                sc.ratio[i] = if list.centre[i] > 0.0 { sc.share[i] / list.centre[i] } else { 1.0 };
                sc.shift[i] = sc.share[i] - list.centre[i];
                tally.vote_sum[i] += sc.votes[i] as u128;
            }
            tally.vote_total += sc.votes.iter().map(|&v| v as u128).sum::<u128>();
            let lists = k - 1;
            let against = sc.votes[lists];
            let outcome = match list.tier.allocate_votes(&sc.votes[..lists], &list.candidates, against) {
                Err(Error::Tie { .. }) => {
                    lot = true;
                    let mut tier = list.tier.clone();
                    tier.ties = TieBreak::Lot { seed: rng.next_u64() };
                    tier.allocate_votes(&sc.votes[..lists], &list.candidates, against)
                }
                other => other,
            };
            match outcome {
                Ok(o) => {
                    for i in 0..lists {
                        sc.list_seats[i] = o.seats[i];
                        if o.eligible[i] {
                            tally.passed[i] += 1;
                        }
                    }
                    vacant += o.vacant;
                }
                // Every list below the threshold (or no votes): no list seats this run.
                Err(_) => vacant += list.tier.seats,
            }
        }
        if let Some(rules) = &self.rules {
            for d in &self.districts {
                sc.dvotes.clear();
                let shares = &self.cand_share[d.start..d.end];
                for (&share, &swing) in shares.iter().zip(&self.cand_swing[d.start..d.end]) {
                    let share = match swing {
                        Some(k) => self.swing(share, k, sc),
                        None => share,
                    };
                    let votes = self.noisy_votes(share, d.total, rng);
                    sc.dvotes.push(votes);
                }
                let against_share = match &self.list {
                    Some(list) => self.swing(d.against_all_share, list.centre.len() - 1, sc),
                    None => d.against_all_share,
                };
                let against = self.noisy_votes(against_share, d.total, rng);
                let winner = match plurality(&sc.dvotes) {
                    Some((leader, false)) if sc.dvotes[leader] > 0 => {
                        rules.seat(leader, sc.dvotes[leader], against).0
                    }
                    // A tie for the lead, or no votes at all: the full rules.
                    _ => match rules.decide_votes(&sc.dvotes, against) {
                        Err(Error::Tie { .. }) => {
                            lot = true;
                            let lot_rules =
                                DistrictRules { ties: TieBreak::Lot { seed: rng.next_u64() }, ..*rules };
                            lot_rules.decide_votes(&sc.dvotes, against).ok().and_then(|o| o.winner)
                        }
                        other => other.ok().and_then(|o| o.winner),
                    },
                };
                match winner {
                    Some(w) => match self.cand_party[d.start + w] {
                        Some(p) => sc.district_seats[p] += 1,
                        None => independents += 1,
                    },
                    None => vacant += 1,
                }
            }
        }
        tally.record(self, sc, independents, vacant, lot);
    }

    #[inline]
    fn swing(&self, share: f64, k: usize, sc: &Scratch) -> f64 {
        match self.uncertainty.swing {
            Swing::Proportional => share * sc.ratio[k],
            Swing::Uniform => (share + sc.shift[k]).max(0.0),
        }
    }

    #[inline]
    fn noisy_votes(&self, share: f64, total: f64, rng: &mut Xoshiro256PlusPlus) -> u64 {
        let sd = self.uncertainty.district_sd;
        let share = if sd > 0.0 {
            let z: f64 = StandardNormal.sample(rng);
            share * (1.0 + sd * z).max(0.0)
        } else {
            share
        };
        to_votes(share * total)
    }

    fn report(&self, seed: u64, tally: Tally, interrupted: bool) -> Report {
        let runs = tally.runs;
        let p = |count: u64| if runs == 0 { 0.0 } else { count as f64 / runs as f64 };
        let n_lists = self.list.as_ref().map_or(0, |l| l.centre.len() - 1);
        let parties = self
            .parties
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let has_list = i < n_lists;
                PartyProjection {
                    party: name.clone(),
                    list: has_list.then(|| SeatStats::from_histogram(&tally.list[i], runs)),
                    district: (!self.districts.is_empty())
                        .then(|| SeatStats::from_histogram(&tally.district[i], runs)),
                    total: SeatStats::from_histogram(&tally.total[i], runs),
                    p_majority: p(tally.majority[i][0]),
                    p_two_thirds: p(tally.majority[i][1]),
                    p_three_quarters: p(tally.majority[i][2]),
                    p_threshold: has_list.then(|| p(tally.passed[i])),
                    centre_share: has_list.then(|| self.list.as_ref().map_or(0.0, |l| l.centre[i])),
                    mean_share: has_list.then(|| {
                        if tally.vote_total == 0 {
                            0.0
                        } else {
                            tally.vote_sum[i] as f64 / tally.vote_total as f64
                        }
                    }),
                }
            })
            .collect();
        let coalitions = self
            .coalitions
            .iter()
            .enumerate()
            .map(|(c, (name, members, _))| CoalitionProjection {
                name: name.clone(),
                parties: members.clone(),
                total: SeatStats::from_histogram(&tally.coalition[c], runs),
                p_majority: p(tally.coalition_majority[c][0]),
                p_two_thirds: p(tally.coalition_majority[c][1]),
                p_three_quarters: p(tally.coalition_majority[c][2]),
            })
            .collect();
        let mut notes = self.notes.clone();
        if tally.runs_with_lot > 0 {
            notes.push(format!(
                "{} run(s) had an exact tie that the rules refuse to break; lots were drawn from the run's stream.",
                tally.runs_with_lot
            ));
        }
        if interrupted {
            notes.push(format!("Interrupted: {runs} run(s) completed."));
        }
        let simulated = self.list.as_ref().map_or(0, |l| l.tier.seats) + self.districts.len() as u32;
        Report {
            undecided: self.seats - simulated,
            runs,
            seed,
            seats: self.seats,
            interrupted,
            parties,
            independents: SeatStats::from_histogram(&tally.independents, runs),
            vacant: SeatStats::from_histogram(&tally.vacant, runs),
            coalitions,
            runs_with_lot: tally.runs_with_lot,
            notes,
        }
    }
}

/// Rounds a non-negative vote count to the nearest integer (halves up).
/// Through `i64`, one instruction on x86-64; `as` saturates, so a simulated
/// count is at most `2^63 - 1`.
#[inline]
fn to_votes(x: f64) -> u64 {
    (x + 0.5) as i64 as u64
}

/// The generator of block `b`: Xoshiro256++ with its state filled by
/// SplitMix64 from `seed` and `b` (distinct blocks, distinct states).
fn block_rng(seed: u64, block: u64) -> Xoshiro256PlusPlus {
    fn splitmix(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    let mut state = seed;
    let mut stream = splitmix(&mut state) ^ block.wrapping_mul(0xD1B5_4A32_D192_ED03);
    let mut bytes = [0u8; 32];
    for chunk in bytes.chunks_exact_mut(8) {
        chunk.copy_from_slice(&splitmix(&mut stream).to_le_bytes());
    }
    Xoshiro256PlusPlus::from_seed(bytes)
}

/// Runs one block of runs into a tally, with a worker's buffers.
type BlockFn<'a> = dyn Fn(&mut Tally, &mut Scratch, u64) + Sync + 'a;

/// Per-thread buffers reused across runs: no allocation per run beyond the
/// list tier's own.
struct Scratch {
    share: Vec<f64>,
    ratio: Vec<f64>,
    shift: Vec<f64>,
    votes: Vec<u64>,
    dvotes: Vec<u64>,
    list_seats: Vec<u32>,
    district_seats: Vec<u32>,
}

impl Scratch {
    fn new(sim: &Simulation) -> Scratch {
        let k = sim.list.as_ref().map_or(0, |l| l.centre.len());
        let widest = sim.districts.iter().map(|d| d.end - d.start).max().unwrap_or(0);
        Scratch {
            share: vec![0.0; k],
            ratio: vec![1.0; k],
            shift: vec![0.0; k],
            votes: vec![0; k],
            dvotes: Vec::with_capacity(widest),
            list_seats: vec![0; sim.parties.len()],
            district_seats: vec![0; sim.parties.len()],
        }
    }
}

/// Integer counts over runs: combined by addition, so any order of blocks
/// gives the same totals.
#[derive(Debug, Clone)]
struct Tally {
    runs: u64,
    list: Vec<Vec<u64>>,
    district: Vec<Vec<u64>>,
    total: Vec<Vec<u64>>,
    independents: Vec<u64>,
    vacant: Vec<u64>,
    passed: Vec<u64>,
    majority: Vec<[u64; 3]>,
    coalition: Vec<Vec<u64>>,
    coalition_majority: Vec<[u64; 3]>,
    vote_sum: Vec<u128>,
    vote_total: u128,
    runs_with_lot: u64,
}

impl Tally {
    fn new(sim: &Simulation) -> Tally {
        let n = sim.parties.len();
        let list_seats = sim.list.as_ref().map_or(0, |l| l.tier.seats) as usize;
        let bins = |size: usize| vec![vec![0u64; size + 1]; n];
        let k = sim.list.as_ref().map_or(0, |l| l.centre.len());
        Tally {
            runs: 0,
            list: bins(list_seats),
            district: bins(sim.district_seats as usize),
            total: bins(sim.seats as usize),
            independents: vec![0; sim.district_seats as usize + 1],
            vacant: vec![0; sim.seats as usize + 1],
            passed: vec![0; n],
            majority: vec![[0; 3]; n],
            coalition: vec![vec![0; sim.seats as usize + 1]; sim.coalitions.len()],
            coalition_majority: vec![[0; 3]; sim.coalitions.len()],
            vote_sum: vec![0; k],
            vote_total: 0,
            runs_with_lot: 0,
        }
    }

    fn record(&mut self, sim: &Simulation, sc: &Scratch, independents: u32, vacant: u32, lot: bool) {
        self.runs += 1;
        let house = sim.seats as u64;
        let levels = |s: u64| [s * 2 > house, s * 3 >= house * 2, s * 4 >= house * 3];
        for (i, (&l, &d)) in sc.list_seats.iter().zip(&sc.district_seats).enumerate() {
            self.list[i][l as usize] += 1;
            self.district[i][d as usize] += 1;
            let t = l + d;
            self.total[i][t as usize] += 1;
            for (count, hit) in self.majority[i].iter_mut().zip(levels(t as u64)) {
                *count += hit as u64;
            }
        }
        for (c, (_, _, members)) in sim.coalitions.iter().enumerate() {
            let t: u32 = members.iter().map(|&i| sc.list_seats[i] + sc.district_seats[i]).sum();
            self.coalition[c][t as usize] += 1;
            for (count, hit) in self.coalition_majority[c].iter_mut().zip(levels(t as u64)) {
                *count += hit as u64;
            }
        }
        self.independents[independents as usize] += 1;
        self.vacant[vacant as usize] += 1;
        self.runs_with_lot += lot as u64;
    }

    #[cfg(feature = "parallel")]
    fn merge(&mut self, other: &Tally) {
        fn add(a: &mut [u64], b: &[u64]) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
        self.runs += other.runs;
        for (a, b) in self.list.iter_mut().zip(&other.list) {
            add(a, b);
        }
        for (a, b) in self.district.iter_mut().zip(&other.district) {
            add(a, b);
        }
        for (a, b) in self.total.iter_mut().zip(&other.total) {
            add(a, b);
        }
        for (a, b) in self.coalition.iter_mut().zip(&other.coalition) {
            add(a, b);
        }
        add(&mut self.independents, &other.independents);
        add(&mut self.vacant, &other.vacant);
        add(&mut self.passed, &other.passed);
        for (a, b) in self.majority.iter_mut().zip(&other.majority) {
            add(a, b);
        }
        for (a, b) in self.coalition_majority.iter_mut().zip(&other.coalition_majority) {
            add(a, b);
        }
        self.vote_sum.iter_mut().zip(&other.vote_sum).for_each(|(x, y)| *x += y);
        self.vote_total += other.vote_total;
        self.runs_with_lot += other.runs_with_lot;
    }
}
