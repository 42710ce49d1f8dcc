//! Scenarios: `saylau.elect`, `saylau.simulate`, `saylau.metrics`,
//! `saylau.compare`, `saylau.fragility` and the hemicycle, as the commands
//! of the same names build them (`src/bin/saylau/`).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use pyo3::prelude::*;
use pyo3::types::PyDict;
use saylau::Ratio;
use saylau::compare;
use saylau::describe::figure::body_picture;
use saylau::describe::view::body::{ListAudit, picture_title};
use saylau::describe::view::comparison::By;
use saylau::describe::view::projection::ProjectionView;
use saylau::describe::view::referendum::ReferendumView;
use saylau::describe::view::{About, BodyView, ComparisonView, MetricsView, NoteView};
use saylau::note::Note;
use saylau::scenario::{Outcome, Scenario, WhatIf};
use saylau::simulate::{Projection, RunOptions, Simulation};
use saylau::system::{Ballots, Body, BodyResult};

use crate::allocate::whole;
use crate::errors::{Failure, IntoPy};
use crate::json;
use crate::messages;

/// Parses a scenario's JSON text; `source` names it in messages.
fn parse(text: &str, source: &str) -> Result<Scenario, Failure> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    Scenario::from_json(text).map_err(|e| Failure::Input(messages::scenario_parse(source, &e)))
}

/// Parses a scenario and applies the "what if" changes (`{"method": "dhondt",
/// ...}`, as the command line's `--method` and the like): the scenario and
/// the notes saying what changed.
fn load(
    text: &str,
    source: &str,
    changes: Option<&Bound<'_, PyDict>>,
) -> Result<(Scenario, Vec<Note>), Failure> {
    let mut scenario = parse(text, source)?;
    let changed = match changes {
        Some(c) => scenario.apply(&what_if(c)?),
        None => Vec::new(),
    };
    Ok((scenario, changed))
}

/// The "what if" changes from a dict of keyword arguments (`None`: unchanged).
fn what_if(changes: &Bound<'_, PyDict>) -> Result<WhatIf, Failure> {
    let mut w = WhatIf::default();
    for (key, value) in changes.iter() {
        if value.is_none() {
            continue;
        }
        let key = key.str()?.to_string();
        let text = value.str()?.to_string();
        let named = |e: saylau::Error| Failure::Input(format!("{key}: {e}"));
        match key.as_str() {
            "body" => w.body = Some(text.parse().map_err(named)?),
            "threshold" => w.threshold = crate::allocate::threshold(Some(&value))?,
            "method" => w.method = Some(text.parse().map_err(named)?),
            "ties" => w.ties = Some(text.parse().map_err(named)?),
            "list_seats" => {
                w.list_seats = Some(whole(&value, "list_seats", u32::MAX.into(), "of seats ")? as u32)
            }
            "district_seats" => {
                w.district_seats = Some(whole(&value, "district_seats", u32::MAX.into(), "of seats ")? as u32)
            }
            "min_parties" => {
                w.min_parties = Some(whole(&value, "min_parties", u32::MAX.into(), "")? as usize)
            }
            other => {
                return Err(Failure::Input(format!(
                    "unknown what-if change {other:?}: expected body, threshold, method, list_seats, \
                     district_seats, ties or min_parties"
                )));
            }
        }
    }
    Ok(w)
}

/// A scenario whose body was elected: what the analyses need.
#[pyclass(module = "saylau", name = "_Elected", frozen)]
#[derive(Debug)]
pub struct Elected {
    source: String,
    scenario: Scenario,
    body: Body,
    ballots: Ballots,
    result: BodyResult,
}

/// Elects a scenario's body; `nothing` says why a referendum is refused.
fn elected(
    py: Python<'_>,
    text: &str,
    source: &str,
    nothing: &str,
    changes: Option<&Bound<'_, PyDict>>,
) -> Result<Elected, Failure> {
    let (scenario, changed) = load(text, source, changes)?;
    if scenario.is_referendum() {
        return Err(Failure::Input(format!(
            "{source}: {nothing}: a referendum elects no seats (decide it with saylau.elect)"
        )));
    }
    let fail = |e| messages::scenario(py, e, &scenario, source);
    let Outcome::Body(mut result) = scenario.run().map_err(fail)? else {
        return Err(Failure::Input(format!("{source}: {nothing}: a referendum elects no seats")));
    };
    let body = scenario.body().map_err(fail)?;
    let ballots = scenario.ballots();
    result.notes.splice(0..0, changed);
    Ok(Elected { source: source.to_string(), scenario, body, ballots, result })
}

/// Elects a scenario (JSON text): the view's JSON as Python objects, and the
/// elected body for the analyses (`None` for a referendum).
#[pyfunction]
#[pyo3(signature = (text, source, explain = false, changes = None))]
pub fn _elect(
    py: Python<'_>,
    text: &str,
    source: &str,
    explain: bool,
    changes: Option<&Bound<'_, PyDict>>,
) -> PyResult<(Py<PyAny>, Option<Elected>)> {
    let (scenario, changed) = load(text, source, changes).py_err(py)?;
    let fail = |e| messages::scenario(py, e, &scenario, source).into_pyerr(py);
    match scenario.run().map_err(fail)? {
        Outcome::Referendum(o) => match &scenario.referendum {
            Some(figures) => {
                let view = ReferendumView::new(About::of(&scenario), figures, &o);
                Ok((json::to_python(py, &view)?, None))
            }
            None => {
                Err(Failure::Input(format!("{source}: body \"referendum\" needs a \"referendum\" object"))
                    .into_pyerr(py))
            }
        },
        Outcome::Body(mut result) => {
            result.notes.splice(0..0, changed);
            let body = scenario.body().map_err(fail)?;
            let ballots = scenario.ballots();
            let mut view = BodyView::new(About::of(&scenario), &body, &result);
            if explain {
                view.audit = Some(ListAudit::of(&body, &ballots).map_err(fail)?);
            }
            let data = json::to_python(py, &view)?;
            Ok((data, Some(Elected { source: source.to_string(), scenario, body, ballots, result })))
        }
    }
}

/// Elects a scenario for an analysis (`metrics`, `compare`, `fragility`,
/// `hemicycle`); `nothing` words the refusal of a referendum.
#[pyfunction]
#[pyo3(signature = (text, source, nothing, changes = None))]
pub fn _elected(
    py: Python<'_>,
    text: &str,
    source: &str,
    nothing: &str,
    changes: Option<&Bound<'_, PyDict>>,
) -> PyResult<Elected> {
    elected(py, text, source, nothing, changes).py_err(py)
}

impl Elected {
    fn fail(&self, py: Python<'_>, e: saylau::Error) -> PyErr {
        messages::scenario(py, e, &self.scenario, &self.source).into_pyerr(py)
    }

    fn list_tier(&self) -> Option<&saylau::system::ListTier> {
        self.body.list.as_ref().filter(|t| t.seats > 0 && !self.ballots.lists.is_empty())
    }

    /// The scenario's title, or `body: N seats`; a what-if picture says so.
    fn title(&self) -> String {
        picture_title(self.scenario.title.as_deref(), &self.result)
    }

    /// The what-if changes, as the analyses' `what_if` field gives them.
    fn what_if_notes(&self) -> Vec<NoteView> {
        let changed = self.result.notes.iter().filter(|n| matches!(n, Note::Overridden { .. }));
        changed.map(NoteView::from).collect()
    }

    fn nothing(&self, what: &str, needs: &str) -> Failure {
        Failure::Input(format!(
            "{}: nothing to {what}: {needs} needs party lists and a party-list tier, and the scenario gives {}",
            self.source,
            if self.ballots.lists.is_empty() { "no \"lists\"" } else { "a body without list seats" }
        ))
    }
}

#[pymethods]
impl Elected {
    /// The measures of `saylau metrics`.
    fn _metrics(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let view = MetricsView::new(About::of(&self.scenario), &self.body, &self.ballots, &self.result);
        json::to_python(py, &view)
    }

    /// The table of `saylau compare --by BY`.
    #[pyo3(signature = (by, start = None, stop = None, step = None, houses = None))]
    fn _compare(
        &self,
        py: Python<'_>,
        by: &str,
        start: Option<String>,
        stop: Option<String>,
        step: Option<String>,
        houses: Option<(u32, u32)>,
    ) -> PyResult<Py<PyAny>> {
        let mut view = self.comparison(py, by, start, stop, step, houses)?;
        view.what_if = self.what_if_notes();
        json::to_python(py, &view)
    }

    /// The votes each list needs to gain a seat or can lose before losing one.
    fn _fragility(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let tier = self.list_tier().ok_or_else(|| self.nothing("measure", "fragility").into_pyerr(py))?;
        let rows = saylau::fragility::fragility_of_lists(tier, &self.ballots.lists, self.ballots.against_all)
            .map_err(|e| self.fail(py, e))?;
        json::to_python(py, &rows)
    }

    /// The parliament diagram of `saylau hemicycle`, as SVG.
    #[pyo3(signature = (split = false, title = None))]
    fn _svg(&self, py: Python<'_>, split: bool, title: Option<&str>) -> PyResult<String> {
        let title = title.map_or_else(|| self.title(), str::to_string);
        let colours = About::of(&self.scenario).colours;
        body_picture(&title, &self.body, &self.result, &self.ballots, split, &colours).map_err(|e| {
            Failure::Input(format!("{}: cannot draw the result: {e}", self.source)).into_pyerr(py)
        })
    }
}

impl Elected {
    /// The comparison asked for, as `saylau compare` builds it.
    fn comparison(
        &self,
        py: Python<'_>,
        by: &str,
        start: Option<String>,
        stop: Option<String>,
        step: Option<String>,
        houses: Option<(u32, u32)>,
    ) -> PyResult<ComparisonView> {
        let input = |m: String| Failure::Input(m).into_pyerr(py);
        let by = match by.trim().to_ascii_lowercase().as_str() {
            "methods" | "method" => By::Methods,
            "thresholds" | "threshold" => By::Thresholds,
            "houses" | "house" => By::Houses,
            "designs" | "design" => By::Designs,
            other => {
                return Err(input(format!(
                    "by={other:?}: expected one of \"methods\", \"thresholds\", \"houses\", \"designs\""
                )));
            }
        };
        let sweep = start.is_some() || stop.is_some() || step.is_some();
        if sweep && by != By::Thresholds {
            return Err(input("start, stop and step apply only to by=\"thresholds\"".into()));
        }
        if houses.is_some() && by != By::Houses {
            return Err(input("houses applies only to by=\"houses\"".into()));
        }
        let ratio = |name: &str, v: Option<String>| -> PyResult<Option<Ratio>> {
            v.map(|t| t.parse::<Ratio>().map_err(|e| input(format!("{name}: {e}")))).transpose()
        };
        let (from, to, every) = compare::DEFAULT_THRESHOLDS;
        let from = ratio("start", start)?.unwrap_or(from);
        let to = ratio("stop", stop)?.unwrap_or(to);
        let every = ratio("step", step)?.unwrap_or(every);
        if every == Ratio::ZERO {
            return Err(input("step must be above zero".into()));
        }
        if from > to {
            return Err(input(format!("start {from} is above stop {to}: the sweep is empty")));
        }
        let about = About::of(&self.scenario);
        if by == By::Designs {
            let table = compare::designs(&self.body, &self.ballots, &compare::ALTERNATIVES)
                .map_err(|e| self.fail(py, e))?;
            return Ok(ComparisonView::designs(about, &self.body, &table));
        }
        let tier = self
            .list_tier()
            .ok_or_else(|| self.nothing("compare", &format!("by={:?}", by.name())).into_pyerr(py))?;
        let (lists, against_all) = (&self.ballots.lists, self.ballots.against_all);
        let sweep = match by {
            By::Thresholds => compare::by_threshold(tier, lists, against_all, from, to, every)
                .map_err(|e| input(format!("step: {e}")))?,
            By::Houses => {
                let around = (tier.seats.saturating_sub(10).max(1), tier.seats.saturating_add(10));
                let (a, b) = houses.unwrap_or(around);
                compare::by_house(tier, lists, against_all, a..=b).map_err(|e| self.fail(py, e))?
            }
            _ => compare::by_method(tier, lists, against_all).map_err(|e| self.fail(py, e))?,
        };
        Ok(ComparisonView::sweep(about, &self.body, by, &sweep))
    }
}

/// Compiles a scenario's simulation, with the command line's refusals.
fn simulation(py: Python<'_>, scenario: &Scenario, source: &str) -> Result<Simulation, Failure> {
    if scenario.is_referendum() {
        return Err(Failure::Input(format!(
            "{source}: nothing to simulate: a referendum elects no seats (decide it with saylau.elect)"
        )));
    }
    if scenario.referendum.is_some() {
        return Err(Failure::Input(format!(
            "{source}: the \"referendum\" object belongs only in a scenario with body \"referendum\", not {:?}",
            scenario.body
        )));
    }
    if scenario.ballots().lists.is_empty() && scenario.districts.is_empty() {
        return Err(Failure::Input(format!(
            "{source}: nothing to simulate: the scenario gives neither \"lists\" nor \"districts\""
        )));
    }
    scenario.simulation().map_err(|e| messages::scenario(py, e, scenario, source))
}

/// How often the waiting thread looks for Ctrl-C.
const SIGNAL_POLL: Duration = Duration::from_millis(50);

/// Runs the simulation with the GIL released, in a worker thread, while this
/// thread checks for Ctrl-C (Python runs signal handlers only on the main
/// thread, between bytecodes): on `KeyboardInterrupt` the worker is told to
/// stop after its current block and the exception is raised.
fn run(
    py: Python<'_>,
    sim: &Simulation,
    seed: u64,
    runs: u64,
    threads: Option<usize>,
) -> Result<Projection, Failure> {
    let stop = AtomicBool::new(false);
    let (done, result) = py.detach(|| {
        std::thread::scope(|s| {
            let (tx, rx) = mpsc::channel();
            let stop = &stop;
            let worker = s.spawn(move || {
                let options = RunOptions { threads, progress: None, stop: Some(stop) };
                let _ = tx.send(sim.run_with(seed, runs, &options));
            });
            let mut signal = None;
            let report = loop {
                match rx.recv_timeout(SIGNAL_POLL) {
                    Ok(report) => break Some(report),
                    Err(mpsc::RecvTimeoutError::Disconnected) => break None,
                    // After Ctrl-C, wait for the worker to stop at its next block.
                    Err(mpsc::RecvTimeoutError::Timeout) if signal.is_some() => {}
                    Err(mpsc::RecvTimeoutError::Timeout) => {
                        if let Err(e) = Python::attach(|py| py.check_signals()) {
                            stop.store(true, Ordering::Relaxed);
                            signal = Some(e);
                        }
                    }
                }
            };
            let joined = worker.join().is_ok();
            (signal, report.filter(|_| joined))
        })
    });
    if let Some(e) = done {
        return Err(Failure::Python(e));
    }
    match result {
        Some(report) => report.map_err(|e| Failure::Other(e.to_string())),
        None => Err(Failure::Other("the simulation stopped unexpectedly".into())),
    }
}

/// Simulates a scenario (JSON text): the JSON of `saylau simulate`.
#[pyfunction]
#[pyo3(signature = (text, source, runs, seed, threads = None, histogram = false, changes = None))]
#[allow(clippy::too_many_arguments)]
pub fn _simulate(
    py: Python<'_>,
    text: &str,
    source: &str,
    runs: &Bound<'_, PyAny>,
    seed: &Bound<'_, PyAny>,
    threads: Option<&Bound<'_, PyAny>>,
    histogram: bool,
    changes: Option<&Bound<'_, PyDict>>,
) -> PyResult<Py<PyAny>> {
    let runs = runs_arg(runs).py_err(py)?;
    let seed = whole(seed, "seed", u64::MAX, "").py_err(py)?;
    let threads = threads.map(|t| whole(t, "threads", 1024, "of threads ")).transpose().py_err(py)?;
    let threads = threads.map(|t| t as usize);
    let (scenario, changed) = load(text, source, changes).py_err(py)?;
    let sim = simulation(py, &scenario, source).py_err(py)?;
    let report = run(py, &sim, seed, runs, threads).py_err(py)?;
    // The model the runs drew from (with polls, their pooled sample), as the
    // command line states it; `simulation` compiled it, so it is valid here.
    let uncertainty = scenario.vote_model().unwrap_or_default();
    let mut view = ProjectionView::new(About::of(&scenario), &report, &uncertainty, histogram);
    if let Ok(Some(pooled)) = scenario.pooled_polls() {
        view = view.with_polls(&scenario.polls, &pooled);
    }
    view.notes.splice(0..0, changed.iter().map(NoteView::from));
    json::to_python(py, &view)
}

/// The number of runs: from 1 to [`saylau::simulate::MAX_RUNS`], as `--runs`.
fn runs_arg(runs: &Bound<'_, PyAny>) -> Result<u64, Failure> {
    match whole(runs, "runs", saylau::simulate::MAX_RUNS, "of runs ") {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(Failure::Input(format!(
            "runs: expected a whole number of runs from 1 to {}, got {}",
            saylau::describe::words::thousands(saylau::simulate::MAX_RUNS),
            runs.repr().map(|r| r.to_string()).unwrap_or_else(|_| "?".into())
        ))),
    }
}
