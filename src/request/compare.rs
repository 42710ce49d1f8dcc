//! `compare`: a scenario's votes under other methods, thresholds, list-tier
//! sizes or designs of the body.

use super::error::{RequestError, prefixed};
use super::scenario::elect;
use crate::compare;
use crate::describe::view::comparison::By;
use crate::describe::view::{About, ComparisonView};
use crate::describe::words::thousands;
use crate::error::ErrorKind;
use crate::ratio::Ratio;
use crate::scenario::{Scenario, WhatIf};

/// The largest list-tier size a comparison by houses tries.
pub const MAX_HOUSE: u32 = 100_000;

/// How many seats either side of the scenario's list tier a comparison by
/// houses tries when no range is given.
pub const HOUSES_AROUND: u32 = 10;

/// What a comparison varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CompareBy {
    /// Every apportionment method.
    Methods,
    /// A range of thresholds.
    Thresholds,
    /// A range of list-tier sizes.
    Houses,
    /// The body as given, all-list, MMP with the overhang kept, MMP levelled.
    Designs,
}

impl CompareBy {
    fn by(self) -> By {
        match self {
            CompareBy::Methods => By::Methods,
            CompareBy::Thresholds => By::Thresholds,
            CompareBy::Houses => By::Houses,
            CompareBy::Designs => By::Designs,
        }
    }
}

/// `compare`: the scenario's votes under other rules.
///
/// ```
/// # use saylau::request::{CompareRequest, CompareBy, read_scenario};
/// let s = read_scenario("k.json", br#"{"body": "kurultai", "list_seats": 10,
///     "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 3600}, {"party": "C", "votes": 400}]}"#)?;
/// let mut r = CompareRequest::new(CompareBy::Houses, s);
/// r.houses = Some((5, 1));
/// let e = r.run().unwrap_err();
/// assert_eq!(e.field(), Some("houses"));
/// assert!(e.to_string().contains("the range 5..1 is empty"), "{e}");
/// # Ok::<(), saylau::request::RequestError>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompareRequest {
    /// Where the scenario comes from, said first in messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The scenario.
    pub scenario: Scenario,
    /// What-if changes to its rules.
    #[serde(default, skip_serializing_if = "WhatIf::is_empty")]
    pub what_if: WhatIf,
    /// What to vary.
    pub by: CompareBy,
    /// By thresholds: the first threshold, in percent (default 0).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Ratio>,
    /// By thresholds: the last threshold, in percent (default 10).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Ratio>,
    /// By thresholds: the step, in percentage points (default 0.5).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<Ratio>,
    /// By houses: the first and last list-tier sizes, both included (default:
    /// [`HOUSES_AROUND`] either side of the scenario's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub houses: Option<(u32, u32)>,
}

/// A comparison, described.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparisonOutput {
    /// The scenario's name, for the text's heading.
    pub source: String,
    /// The view.
    pub view: ComparisonView,
}

impl CompareRequest {
    /// A comparison `by` of `scenario`, with the defaults.
    pub fn new(by: CompareBy, scenario: Scenario) -> CompareRequest {
        CompareRequest {
            source: None,
            scenario,
            what_if: WhatIf::default(),
            by,
            from: None,
            to: None,
            step: None,
            houses: None,
        }
    }

    /// Refuses options that do not belong to the comparison chosen, and
    /// ranges that are empty or out of bounds.
    fn check(&self) -> Result<(), RequestError> {
        let input =
            |field, text: String| Err(RequestError::input(prefixed(self.source.as_deref(), &text)).at(field));
        let hundred = Ratio::integer(100);
        for (field, value) in [("from", self.from), ("to", self.to), ("step", self.step)] {
            if value.is_some() && self.by != CompareBy::Thresholds {
                return input(field, format!("\"{field}\" applies only to a comparison by thresholds"));
            }
            if let Some(v) = value
                && v > hundred
            {
                return input(
                    field,
                    format!("\"{field}\" is {v}, over 100: expected a percentage from 0 to 100"),
                );
            }
        }
        if self.houses.is_some() && self.by != CompareBy::Houses {
            return input("houses", "\"houses\" applies only to a comparison by houses".into());
        }
        if self.step == Some(Ratio::ZERO) {
            return input("step", "the step must be above zero".into());
        }
        let (from, to, _) = compare::DEFAULT_THRESHOLDS;
        let (from, to) = (self.from.unwrap_or(from), self.to.unwrap_or(to));
        if from > to {
            return input(
                "from",
                format!("the first threshold {from}% is above the last {to}%: the sweep is empty"),
            );
        }
        if let Some((a, b)) = self.houses {
            for n in [a, b] {
                if !(1..=MAX_HOUSE).contains(&n) {
                    return input(
                        "houses",
                        format!("{} is not a house size from 1 to {}", thousands(n), thousands(MAX_HOUSE)),
                    );
                }
            }
            if a > b {
                return input(
                    "houses",
                    format!("the range {a}..{b} is empty: the first size must not exceed the last"),
                );
            }
        }
        Ok(())
    }

    /// Elects the body and varies what was asked.
    ///
    /// # Errors
    ///
    /// Options that do not fit the comparison; as [`super::ElectRequest::run`];
    /// a body without party lists for the list-tier comparisons.
    pub fn run(&self) -> Result<ComparisonOutput, RequestError> {
        self.check()?;
        let e = elect(self.source.as_deref(), &self.scenario, &self.what_if, "nothing to compare")?;
        let about = About::of(&e.scenario);
        let by = self.by.by();
        let mut view = if by == By::Designs {
            let table =
                compare::designs(&e.body, &e.ballots, &compare::ALTERNATIVES).map_err(|err| e.fail(err))?;
            ComparisonView::designs(about, &e.body, &table)
        } else {
            let tier = e.needs_list_tier("nothing to compare", &format!("a comparison by {}", by.name()))?;
            let (lists, against_all) = (&e.ballots.lists, e.ballots.against_all);
            let sweep = match by {
                By::Thresholds => {
                    let (from, to, step) = compare::DEFAULT_THRESHOLDS;
                    let (from, to, step) =
                        (self.from.unwrap_or(from), self.to.unwrap_or(to), self.step.unwrap_or(step));
                    compare::by_threshold(tier, lists, against_all, from, to, step).map_err(|err| {
                        RequestError::new(ErrorKind::Limit, prefixed(e.source.as_deref(), &err.to_string()))
                            .at("step")
                    })?
                }
                By::Houses => {
                    let around = (
                        tier.seats.saturating_sub(HOUSES_AROUND).max(1),
                        tier.seats.saturating_add(HOUSES_AROUND).min(MAX_HOUSE.max(tier.seats)),
                    );
                    let (a, b) = self.houses.unwrap_or(around);
                    compare::by_house(tier, lists, against_all, a..=b).map_err(|err| e.fail(err))?
                }
                _ => compare::by_method(tier, lists, against_all).map_err(|err| e.fail(err))?,
            };
            ComparisonView::sweep(about, &e.body, by, &sweep)
        };
        view.what_if = e.what_if_notes();
        Ok(ComparisonOutput { source: e.source_name(), view })
    }
}
