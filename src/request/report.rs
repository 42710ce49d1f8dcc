//! `report`: one self-contained HTML page analysing a scenario.

use super::elect::{ScenarioInput, side_name};
use super::error::{RequestError, prefixed};
use super::scenario::elect;
use super::simulate::{Control, check_runs, simulation};
use crate::describe::html::page;
use crate::describe::view::About;
use crate::describe::view::analysis::{Analysed, AnalysisView, Projected};
use crate::describe::view::diff::DiffView;
use crate::error::ErrorKind;
use crate::scenario::{Scenario, WhatIf};
use crate::simulate::RunOptions;

/// The most runs a report's projection takes (a page is for reading soon).
pub const MAX_REPORT_RUNS: u64 = 10_000_000;

/// `report`: the page analysing a scenario, with a projection and an
/// earlier election beside it when asked.
///
/// ```
/// # use saylau::request::{ReportRequest, read_scenario};
/// let s = read_scenario("k.json", br#"{"body": "kurultai", "list_seats": 10,
///     "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 4000}]}"#)?;
/// let mut r = ReportRequest::new(s);
/// assert!(r.run()?.contains("<section id=\"seats\""));
/// r.runs = Some(20_000_000);
/// assert!(r.run().unwrap_err().to_string().contains("maximum of 10,000,000"));
/// # Ok::<(), saylau::request::RequestError>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// Where the scenario comes from, said first in messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The scenario.
    pub scenario: Scenario,
    /// What-if changes to its rules.
    #[serde(default, skip_serializing_if = "WhatIf::is_empty")]
    pub what_if: WhatIf,
    /// A projection of this many runs, from 1 to [`MAX_REPORT_RUNS`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runs: Option<u64>,
    /// The seed of the projection's draws.
    #[serde(default)]
    pub seed: u64,
    /// An earlier election to set beside this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare_with: Option<ScenarioInput>,
}

impl ReportRequest {
    /// The page of `scenario` as it is, without a projection.
    pub fn new(scenario: Scenario) -> ReportRequest {
        ReportRequest {
            source: None,
            scenario,
            what_if: WhatIf::default(),
            runs: None,
            seed: 0,
            compare_with: None,
        }
    }

    /// Writes the page.
    ///
    /// # Errors
    ///
    /// As [`super::ElectRequest::run`] and [`super::SimulateRequest::run`].
    pub fn run(&self) -> Result<String, RequestError> {
        self.run_with(Control::default())
    }

    /// Writes the page, following and stopping the projection with `control`.
    ///
    /// # Errors
    ///
    /// As [`ReportRequest::run`].
    pub fn run_with(&self, control: Control<'_>) -> Result<String, RequestError> {
        let source = self.source.as_deref();
        if let Some(runs) = self.runs {
            check_runs(runs, MAX_REPORT_RUNS, source)?;
        }
        let e = elect(source, &self.scenario, &self.what_if, "nothing to report")?;
        let report = match self.runs {
            Some(runs) => {
                let sim = simulation(&e.scenario, source)?;
                let options = RunOptions { threads: None, progress: control.progress, stop: control.stop };
                Some(sim.run_with(self.seed, runs, &options).map_err(|err| e.fail(err))?)
            }
            None => None,
        };
        if report.as_ref().is_some_and(|r| r.interrupted) {
            return Err(RequestError::new(
                ErrorKind::Interrupted,
                prefixed(source, "interrupted: the projection did not finish, so no page was written"),
            ));
        }
        let uncertainty = e.scenario.vote_model().map_err(|err| e.fail(err))?;
        let pooled = e.scenario.pooled_polls().map_err(|err| e.fail(err))?;
        let polls = pooled.as_ref().map(|pooled| (e.scenario.polls.as_slice(), pooled));
        let projection = report.as_ref().map(|report| Projected { report, uncertainty: &uncertainty, polls });
        let about = About::of(&e.scenario);
        let name = e.source_name();
        let analysed =
            Analysed { about: &about, source: &name, body: &e.body, ballots: &e.ballots, result: &e.result };
        let mut view = AnalysisView::new(analysed, projection);
        if let Some(before) = &self.compare_with {
            let earlier = before.elect("nothing to compare")?;
            let diff = crate::diff::diff(&earlier.result, &e.result);
            view = view.with_comparison(&DiffView::new(side_name(&earlier), side_name(&e), &diff));
        }
        page(&view).map_err(|_| {
            RequestError::new(ErrorKind::Internal, prefixed(source, "the page could not be written"))
        })
    }
}
