//! `elect`, `metrics`, `fragility` and `diff`: a scenario's result, its
//! measures, its lists' distance from a seat, and two results side by side.

use super::error::{RequestError, prefixed};
use super::scenario::{Decided, Elected, decide, elect, source_name};
use crate::describe::view::body::{ListAudit, body_summary};
use crate::describe::view::diff::DiffView;
use crate::describe::view::fragility::FragilityView;
use crate::describe::view::referendum::ReferendumView;
use crate::describe::view::{About, BodyView, MetricsView};
use crate::scenario::{Scenario, WhatIf};

/// A scenario as a request names it: the scenario, where it comes from, and
/// the what-if changes to its rules.
///
/// ```
/// # use saylau::request::ScenarioInput;
/// let input: ScenarioInput = serde_json::from_str(r#"{"source": "a.json",
///     "scenario": {"body": "kurultai", "lists": [{"party": "A", "votes": 9}]},
///     "what_if": {"threshold": 7}}"#)?;
/// assert_eq!(input.what_if.threshold.unwrap().to_string(), "7%");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioInput {
    /// Where the scenario comes from (a file's name), said first in messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The scenario.
    pub scenario: Scenario,
    /// What-if changes to its rules.
    #[serde(default, skip_serializing_if = "WhatIf::is_empty")]
    pub what_if: WhatIf,
}

impl ScenarioInput {
    /// `scenario` from `source`, unchanged.
    pub fn new(source: impl Into<String>, scenario: Scenario) -> ScenarioInput {
        ScenarioInput { source: Some(source.into()), scenario, what_if: WhatIf::default() }
    }

    /// The body elected; `nothing` says why a referendum is refused.
    pub(crate) fn elect(&self, nothing: &str) -> Result<Elected, RequestError> {
        elect(self.source.as_deref(), &self.scenario, &self.what_if, nothing)
    }
}

/// `elect`: a scenario's body elected (or its referendum decided) under its
/// statutory rules.
///
/// ```
/// # use saylau::request::{ElectRequest, ElectOutput, read_scenario};
/// let s = read_scenario("k.json", br#"{"body": "kurultai", "list_seats": 5,
///     "lists": [{"party": "A", "votes": 700}, {"party": "B", "votes": 300}]}"#)?;
/// let ElectOutput::Body(out) = ElectRequest::new("k.json", s).run()? else { unreachable!() };
/// assert_eq!(out.view.parties[0].seats, 4);
/// # Ok::<(), saylau::request::RequestError>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ElectRequest {
    /// Where the scenario comes from, said first in messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The scenario.
    pub scenario: Scenario,
    /// What-if changes to its rules.
    #[serde(default, skip_serializing_if = "WhatIf::is_empty")]
    pub what_if: WhatIf,
    /// Whether the view carries the list tier's audit trail.
    #[serde(default)]
    pub explain: bool,
}

/// What an [`ElectRequest`] gives.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum ElectOutput {
    /// A body's result.
    Body(BodyOutput),
    /// A referendum's verdict.
    Referendum(ReferendumOutput),
}

/// A body's result, described.
#[derive(Debug, Clone, PartialEq)]
pub struct BodyOutput {
    /// The scenario's name, for the text's heading.
    pub source: String,
    /// The body's rules in one line.
    pub summary: String,
    /// The view.
    pub view: BodyView,
}

/// A referendum's verdict, described.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferendumOutput {
    /// The scenario's name, for the text's heading.
    pub source: String,
    /// The view.
    pub view: ReferendumView,
}

impl ElectRequest {
    /// A request to elect `scenario` from `source` as it is.
    pub fn new(source: impl Into<String>, scenario: Scenario) -> ElectRequest {
        ElectRequest { source: Some(source.into()), scenario, what_if: WhatIf::default(), explain: false }
    }

    /// Elects the body or decides the referendum, and describes it.
    ///
    /// # Errors
    ///
    /// The scenario's refusals, worded with its names; a tie its rule does
    /// not break.
    pub fn run(&self) -> Result<ElectOutput, RequestError> {
        let source = self.source.as_deref();
        match decide(source, &self.scenario, &self.what_if)? {
            Decided::Referendum(scenario, outcome) => match &scenario.referendum {
                Some(figures) => Ok(ElectOutput::Referendum(ReferendumOutput {
                    source: source_name(source),
                    view: ReferendumView::new(About::of(&scenario), figures, &outcome),
                })),
                None => Err(RequestError::input(prefixed(
                    source,
                    "body \"referendum\" needs a \"referendum\" object",
                ))),
            },
            Decided::Body(e) => {
                let mut view = BodyView::new(About::of(&e.scenario), &e.body, &e.result);
                if self.explain {
                    view.audit = Some(ListAudit::of(&e.body, &e.ballots).map_err(|err| e.fail(err))?);
                }
                Ok(ElectOutput::Body(BodyOutput {
                    source: e.source_name(),
                    summary: body_summary(&e.body),
                    view,
                }))
            }
        }
    }
}

/// `metrics`: disproportionality, fragmentation and wasted votes of a
/// scenario's result.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsRequest {
    /// Where the scenario comes from, said first in messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The scenario.
    pub scenario: Scenario,
    /// What-if changes to its rules.
    #[serde(default, skip_serializing_if = "WhatIf::is_empty")]
    pub what_if: WhatIf,
}

/// The measures of a result, described.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricsOutput {
    /// The scenario's name, for the text's heading.
    pub source: String,
    /// The view.
    pub view: MetricsView,
}

impl MetricsRequest {
    /// Elects the body and measures the result.
    ///
    /// # Errors
    ///
    /// As [`ElectRequest::run`]; a referendum has nothing to measure.
    pub fn run(&self) -> Result<MetricsOutput, RequestError> {
        let e = elect(self.source.as_deref(), &self.scenario, &self.what_if, "nothing to measure")?;
        let view = MetricsView::new(About::of(&e.scenario), &e.body, &e.ballots, &e.result);
        Ok(MetricsOutput { source: e.source_name(), view })
    }
}

/// `fragility`: the fewest votes each list needs to gain a seat, and the
/// votes it can lose and keep its seats, found exactly.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FragilityRequest {
    /// Where the scenario comes from, said first in messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The scenario.
    pub scenario: Scenario,
    /// What-if changes to its rules.
    #[serde(default, skip_serializing_if = "WhatIf::is_empty")]
    pub what_if: WhatIf,
}

/// The lists' distance from a seat, described.
#[derive(Debug, Clone, PartialEq)]
pub struct FragilityOutput {
    /// The scenario's name, for the text's heading.
    pub source: String,
    /// The view.
    pub view: FragilityView,
}

impl FragilityRequest {
    /// Elects the body and measures each list's distance from a seat.
    ///
    /// # Errors
    ///
    /// As [`ElectRequest::run`]; a body without party lists (or a
    /// referendum) has nothing to measure.
    pub fn run(&self) -> Result<FragilityOutput, RequestError> {
        let e = elect(self.source.as_deref(), &self.scenario, &self.what_if, "nothing to measure")?;
        let tier = e.needs_list_tier("nothing to measure", "fragility")?;
        let rows = crate::fragility::fragility_of_lists(tier, &e.ballots.lists, e.ballots.against_all)
            .map_err(|err| e.fail(err))?;
        let mut view = FragilityView::new(About::of(&e.scenario), &e.body, rows);
        view.what_if = e.what_if_notes();
        Ok(FragilityOutput { source: e.source_name(), view })
    }
}

/// `diff`: two elections side by side: votes, shares, seats and the swing
/// per party.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiffRequest {
    /// The first election.
    pub before: ScenarioInput,
    /// The second election.
    pub after: ScenarioInput,
}

/// Two elections side by side, described.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffOutput {
    /// The view.
    pub view: DiffView,
}

impl DiffRequest {
    /// Elects both bodies and puts the results side by side.
    ///
    /// # Errors
    ///
    /// Either scenario's refusals.
    pub fn run(&self) -> Result<DiffOutput, RequestError> {
        let a = self.before.elect("nothing to compare")?;
        let b = self.after.elect("nothing to compare")?;
        let view = DiffView::new(side_name(&a), side_name(&b), &crate::diff::diff(&a.result, &b.result));
        Ok(DiffOutput { view })
    }
}

/// An election as a diff names it: its title and where it comes from.
pub(crate) fn side_name(e: &Elected) -> String {
    match &e.source {
        Some(source) => format!("{}, from {source}", e.plain_title()),
        None => e.plain_title(),
    }
}
