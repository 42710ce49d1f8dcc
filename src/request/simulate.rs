//! `simulate`: a Monte Carlo projection of a scenario's seats.

use std::sync::atomic::AtomicBool;

use super::error::{RequestError, prefixed};
use super::scenario::scenario_error;
use crate::describe::view::body::body_summary;
use crate::describe::view::projection::ProjectionView;
use crate::describe::view::{About, NoteView};
use crate::describe::words::thousands;
use crate::error::ErrorKind;
use crate::scenario::{Scenario, WhatIf};
use crate::simulate::{Projection, RunOptions, Simulation};

/// The most runs a simulation request takes.
pub const MAX_RUNS: u64 = crate::simulate::MAX_RUNS;

/// The most worker threads a request may ask for.
pub const MAX_THREADS: usize = 1024;

/// `simulate`: seats projected by simulating the election many times around
/// the scenario's votes (or polls), with its vote model.
///
/// ```
/// # use saylau::request::{SimulateRequest, read_scenario};
/// # use saylau::ErrorKind;
/// let s = read_scenario("k.json", br#"{"body": "kurultai", "list_seats": 10,
///     "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 4000}]}"#)?;
/// let mut r = SimulateRequest::new(s, 500);
/// r.seed = 7;
/// let out = r.run()?;
/// assert_eq!(out.view.runs, 500);
/// r.runs = 0;
/// assert_eq!(r.run().unwrap_err().kind(), ErrorKind::Input);
/// # Ok::<(), saylau::request::RequestError>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SimulateRequest {
    /// Where the scenario comes from, said first in messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The scenario.
    pub scenario: Scenario,
    /// What-if changes to its rules.
    #[serde(default, skip_serializing_if = "WhatIf::is_empty")]
    pub what_if: WhatIf,
    /// Simulated elections, from 1 to [`MAX_RUNS`].
    pub runs: u64,
    /// The seed of the random draws: the same seed gives the same result.
    #[serde(default)]
    pub seed: u64,
    /// Worker threads (0 or none: all cores), at most [`MAX_THREADS`]. Never
    /// changes the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub threads: Option<usize>,
    /// Whether the view carries each party's seat distribution.
    #[serde(default)]
    pub histogram: bool,
}

/// A projection, described.
#[derive(Debug, Clone, PartialEq)]
pub struct ProjectionOutput {
    /// The scenario's name, for the text's heading.
    pub source: String,
    /// The body's rules in one line.
    pub summary: String,
    /// The view.
    pub view: ProjectionView,
    /// The runs asked for (the view's `runs` are those completed).
    pub asked: u64,
    /// Whether the runs were stopped before all were done.
    pub interrupted: bool,
}

/// How a face follows and stops a long run: a progress callback (runs
/// completed so far) and a flag that stops it.
#[derive(Default, Clone, Copy)]
pub struct Control<'a> {
    /// Called with the runs completed after each block (keep the largest).
    pub progress: Option<&'a (dyn Fn(u64) + Sync)>,
    /// When set, the runs stop after their current block.
    pub stop: Option<&'a AtomicBool>,
}

impl std::fmt::Debug for Control<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Control")
            .field("progress", &self.progress.is_some())
            .field("stop", &self.stop)
            .finish()
    }
}

/// Refuses a number of runs outside 1 to `max`.
pub(crate) fn check_runs(runs: u64, max: u64, source: Option<&str>) -> Result<(), RequestError> {
    if runs == 0 {
        return Err(RequestError::input(prefixed(
            source,
            &format!(
                "the number of runs must be at least 1: expected a whole number from 1 to {}",
                thousands(max)
            ),
        ))
        .at("runs"));
    }
    if runs > max {
        return Err(RequestError::new(
            ErrorKind::Limit,
            prefixed(
                source,
                &format!("{} runs is more than the maximum of {}", thousands(runs), thousands(max)),
            ),
        )
        .at("runs"));
    }
    Ok(())
}

/// The simulation of a scenario, with the refusals of a scenario that
/// cannot be simulated.
pub(crate) fn simulation(scenario: &Scenario, source: Option<&str>) -> Result<Simulation, RequestError> {
    let input = |text: String| Err(RequestError::input(prefixed(source, &text)));
    if scenario.is_referendum() {
        return input("nothing to simulate: a referendum elects no seats (decide it with elect)".into());
    }
    if scenario.referendum.is_some() {
        return input(format!(
            "the \"referendum\" object belongs only in a scenario with body \"referendum\", not {:?}",
            scenario.body.name()
        ));
    }
    if scenario.lists.is_empty() && scenario.polls.is_empty() && scenario.districts.is_empty() {
        return input(
            "nothing to simulate: the scenario gives neither \"lists\" nor \"districts\" (nor \"polls\")"
                .into(),
        );
    }
    scenario.simulation().map_err(|e| scenario_error(e, scenario, source))
}

impl SimulateRequest {
    /// A request for `runs` runs of `scenario` with seed 0.
    pub fn new(scenario: Scenario, runs: u64) -> SimulateRequest {
        SimulateRequest {
            source: None,
            scenario,
            what_if: WhatIf::default(),
            runs,
            seed: 0,
            threads: None,
            histogram: false,
        }
    }

    /// Runs the simulation to the end.
    ///
    /// # Errors
    ///
    /// As [`SimulateRequest::run_with`].
    pub fn run(&self) -> Result<ProjectionOutput, RequestError> {
        self.run_with(Control::default())
    }

    /// Runs the simulation, reporting progress and stopping when `control`
    /// says so; a stopped run gives the runs completed.
    ///
    /// # Errors
    ///
    /// Runs or threads out of range; a scenario that cannot be simulated;
    /// [`ErrorKind::Interrupted`] when stopped before any run completed.
    pub fn run_with(&self, control: Control<'_>) -> Result<ProjectionOutput, RequestError> {
        let source = self.source.as_deref();
        check_runs(self.runs, MAX_RUNS, source)?;
        if let Some(t) = self.threads
            && t > MAX_THREADS
        {
            return Err(RequestError::new(
                ErrorKind::Limit,
                prefixed(
                    source,
                    &format!(
                        "{} threads is more than the maximum of {}",
                        thousands(t as u64),
                        thousands(MAX_THREADS as u64)
                    ),
                ),
            )
            .at("threads"));
        }
        let mut scenario = self.scenario.clone();
        let changed = scenario.apply(&self.what_if);
        let sim = simulation(&scenario, source)?;
        let options = RunOptions { threads: self.threads, progress: control.progress, stop: control.stop };
        let report =
            sim.run_with(self.seed, self.runs, &options).map_err(|e| scenario_error(e, &scenario, source))?;
        if report.interrupted && report.runs == 0 {
            return Err(RequestError::new(
                ErrorKind::Interrupted,
                prefixed(source, "interrupted before any run completed: no results"),
            ));
        }
        Ok(describe(&scenario, &changed, &report, self.histogram, source, self.runs))
    }
}

/// The view of a projection of `scenario` (with the what-if notes first).
pub(crate) fn describe(
    scenario: &Scenario,
    changed: &[crate::note::Note],
    report: &Projection,
    histogram: bool,
    source: Option<&str>,
    asked: u64,
) -> ProjectionOutput {
    // The model the runs drew from; `simulation` compiled it, so it is valid.
    let uncertainty = scenario.vote_model().unwrap_or_default();
    let mut view = ProjectionView::new(About::of(scenario), report, &uncertainty, histogram);
    if let Ok(Some(pooled)) = scenario.pooled_polls() {
        view = view.with_polls(&scenario.polls, &pooled);
    }
    view.notes.splice(0..0, changed.iter().map(NoteView::from));
    let summary = scenario.body().map(|b| body_summary(&b)).unwrap_or_else(|_| scenario.body.to_string());
    ProjectionOutput {
        source: super::scenario::source_name(source),
        summary,
        view,
        asked,
        interrupted: report.interrupted,
    }
}
