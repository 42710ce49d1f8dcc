//! Requests: one typed request per command, the layer every face (the
//! `saylau` command, the Python package, a page) builds on.
//!
//! A face parses its own syntax (flags, keyword arguments, a form) into a
//! request and runs it; the request holds every option with its default,
//! checks every limit, decides, and gives the command's view or a
//! [`RequestError`] whose [`kind`](RequestError::kind) the face maps to an
//! exit code or an exception. Requests are serde types: a request saved as
//! JSON (`{"command": "elect", "scenario": {...}}`) reproduces its run
//! (`saylau run request.json`).
//!
//! | request | what it gives |
//! |---|---|
//! | [`AllocateRequest`] | seats for a table of votes under one method |
//! | [`ElectRequest`] | a scenario's body elected, or its referendum decided |
//! | [`SimulateRequest`] | a Monte Carlo projection of the seats |
//! | [`MetricsRequest`] | disproportionality and fragmentation of the result |
//! | [`CompareRequest`] | the votes under other methods, thresholds, sizes or designs |
//! | [`FragilityRequest`] | how many votes each list is from a seat |
//! | [`DiffRequest`] | two elections side by side |
//! | [`HemicycleRequest`] | the parliament diagram, SVG or PNG |
//! | `ReportRequest` | the HTML page (with the `html` feature) |
//!
//! ```
//! use saylau::request::{Output, Request};
//! let request = Request::from_json(r#"{"command": "allocate", "seats": 8, "method": "dhondt",
//!     "parties": [{"party": "A", "votes": 100000}, {"party": "B", "votes": 80000},
//!                 {"party": "C", "votes": 30000}, {"party": "D", "votes": 20000}]}"#)?;
//! let Output::Allocation(out) = request.run()? else { unreachable!() };
//! let seats: Vec<u32> = out.view.parties.iter().map(|p| p.seats).collect();
//! assert_eq!(seats, [4, 3, 1, 0]);
//! # Ok::<(), saylau::request::RequestError>(())
//! ```

mod allocate;
mod compare;
mod elect;
mod error;
mod picture;
#[cfg(feature = "html")]
mod report;
mod scenario;
mod simulate;

pub use allocate::{AllocateRequest, Allocated, AllocationOutput, Parties};
pub use compare::{CompareBy, CompareRequest, ComparisonOutput, HOUSES_AROUND, MAX_HOUSE};
pub use elect::{
    BodyOutput, DiffOutput, DiffRequest, ElectOutput, ElectRequest, FragilityOutput, FragilityRequest,
    MetricsOutput, MetricsRequest, ReferendumOutput, ScenarioInput,
};
pub use error::{QUOTE_MAX, RequestError, Tied, quote};
pub use picture::{DEFAULT_SCALE, HemicycleRequest, Picture, PictureFormat, svg_to_png};
#[cfg(feature = "html")]
pub use report::{MAX_REPORT_RUNS, ReportRequest};
pub use scenario::{MAX_INPUT_BYTES, read_input, read_scenario};
pub use simulate::{Control, MAX_RUNS, MAX_THREADS, ProjectionOutput, SimulateRequest};

use crate::error::ErrorKind;

/// The commands a request may name.
const COMMANDS: &str = "allocate, elect, simulate, metrics, compare, fragility, diff, hemicycle, report";

/// A request's fields, with the path of a refused one
/// (`scenario.lists[0].votes`), what it holds, and the field meant by a typo.
fn fields<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, RequestError> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let message = e.inner().to_string();
        let mut text = if path == "." { message.clone() } else { format!("at {path}: {message}") };
        if let Some(hint) = scenario::field_hint(&path) {
            text.push_str(&format!(" ({hint})"));
        }
        if let Some(s) = scenario::suggestion(&message) {
            text.push_str(&format!(" (did you mean `{s}`?)"));
        }
        RequestError::input(text)
    })
}

/// Any request, as a saved request names it: `{"command": "elect", ...}`.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "command", rename_all = "kebab-case")]
#[allow(clippy::large_enum_variant)]
pub enum Request {
    /// Seats for a table of votes.
    Allocate(AllocateRequest),
    /// A scenario elected.
    Elect(ElectRequest),
    /// A projection.
    Simulate(SimulateRequest),
    /// A result measured.
    Metrics(MetricsRequest),
    /// A what-if table.
    Compare(CompareRequest),
    /// Each list's distance from a seat.
    Fragility(FragilityRequest),
    /// Two elections side by side.
    Diff(DiffRequest),
    /// A parliament diagram.
    Hemicycle(HemicycleRequest),
    /// The HTML page.
    #[cfg(feature = "html")]
    Report(ReportRequest),
}

/// What a request gives: the command's view (with what its text needs), a
/// picture or a page.
#[derive(Debug, Clone, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum Output {
    /// Seats for a table of votes.
    Allocation(AllocationOutput),
    /// A body's result.
    Body(BodyOutput),
    /// A referendum's verdict.
    Referendum(ReferendumOutput),
    /// A projection.
    Projection(ProjectionOutput),
    /// A result's measures.
    Metrics(MetricsOutput),
    /// A what-if table.
    Comparison(ComparisonOutput),
    /// Each list's distance from a seat.
    Fragility(FragilityOutput),
    /// Two elections side by side.
    Diff(DiffOutput),
    /// A picture.
    Picture(Picture),
    /// An HTML page.
    Page(String),
}

impl Request {
    /// Reads a saved request: a JSON object whose `command` names the
    /// request, with the request's fields beside it.
    ///
    /// # Errors
    ///
    /// A [`RequestError`] of kind input naming the line and column of a
    /// syntax error, or the field (`scenario.lists[0].votes`) and what it
    /// holds.
    ///
    /// ```
    /// # use saylau::request::Request;
    /// let e = Request::from_json(r#"{"command": "simulate", "runs": "many",
    ///     "scenario": {"body": "kurultai", "lists": [{"party": "A", "votes": 1}]}}"#).unwrap_err();
    /// assert!(e.to_string().starts_with("at runs: "), "{e}");
    /// ```
    pub fn from_json(text: &str) -> Result<Request, RequestError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            let why = e.to_string();
            let why = why.split(" at line ").next().unwrap_or_default();
            RequestError::input(format!("line {}, column {}: not valid JSON: {why}", e.line(), e.column()))
        })?;
        Request::from_value(value)
    }

    /// Reads a request from a JSON value (see [`Request::from_json`]).
    ///
    /// # Errors
    ///
    /// As [`Request::from_json`].
    pub fn from_value(value: serde_json::Value) -> Result<Request, RequestError> {
        let serde_json::Value::Object(mut object) = value else {
            return Err(RequestError::input(
                "a request must be a JSON object such as {\"command\": \"elect\", \"scenario\": {...}}",
            ));
        };
        let command = match object.remove("command") {
            Some(serde_json::Value::String(c)) => c,
            _ => {
                return Err(RequestError::input(format!(
                    "the request names no \"command\": expected one of {COMMANDS}"
                ))
                .at("command"));
            }
        };
        let concentration_with_polls = ["scenario", "before", "after", "compare_with"].iter().any(|at| {
            let scenario = match object.get(*at) {
                Some(side) if *at != "scenario" => side.get("scenario"),
                given => given,
            };
            scenario.is_some_and(crate::scenario::gives_concentration_with_polls)
        });
        let value = serde_json::Value::Object(object);
        let request = match command.trim().to_ascii_lowercase().as_str() {
            "allocate" => Request::Allocate(fields(value)?),
            "elect" => Request::Elect(fields(value)?),
            "simulate" => Request::Simulate(fields(value)?),
            "metrics" => Request::Metrics(fields(value)?),
            "compare" => Request::Compare(fields(value)?),
            "fragility" => Request::Fragility(fields(value)?),
            "diff" => Request::Diff(fields(value)?),
            "hemicycle" => Request::Hemicycle(fields(value)?),
            #[cfg(feature = "html")]
            "report" => Request::Report(fields(value)?),
            _ => {
                return Err(RequestError::input(format!(
                    "unknown command {}: expected one of {COMMANDS}",
                    quote(&command)
                ))
                .at("command"));
            }
        };
        if concentration_with_polls {
            let e = crate::scenario::FieldProblem::ConcentrationWithPolls;
            return Err(RequestError::input(e.to_string()));
        }
        Ok(request)
    }

    /// The request with `name` as the source of its input where it names
    /// none (a request written by hand, read from `name`).
    pub fn with_default_source(mut self, name: &str) -> Request {
        let fill = |source: &mut Option<String>| {
            if source.is_none() {
                *source = Some(name.to_string());
            }
        };
        match &mut self {
            Request::Allocate(r) => fill(&mut r.source),
            Request::Elect(r) => fill(&mut r.source),
            Request::Simulate(r) => fill(&mut r.source),
            Request::Metrics(r) => fill(&mut r.source),
            Request::Compare(r) => fill(&mut r.source),
            Request::Fragility(r) => fill(&mut r.source),
            Request::Diff(r) => {
                fill(&mut r.before.source);
                fill(&mut r.after.source);
            }
            Request::Hemicycle(r) => fill(&mut r.source),
            #[cfg(feature = "html")]
            Request::Report(r) => fill(&mut r.source),
        }
        self
    }

    /// The request's command name: `"elect"`.
    pub fn command(&self) -> &'static str {
        match self {
            Request::Allocate(_) => "allocate",
            Request::Elect(_) => "elect",
            Request::Simulate(_) => "simulate",
            Request::Metrics(_) => "metrics",
            Request::Compare(_) => "compare",
            Request::Fragility(_) => "fragility",
            Request::Diff(_) => "diff",
            Request::Hemicycle(_) => "hemicycle",
            #[cfg(feature = "html")]
            Request::Report(_) => "report",
        }
    }

    /// Runs the request.
    ///
    /// # Errors
    ///
    /// The request's own refusals.
    pub fn run(&self) -> Result<Output, RequestError> {
        self.run_with(Control::default())
    }

    /// Runs the request, following and stopping a long run (a simulation, a
    /// report's projection) with `control`.
    ///
    /// # Errors
    ///
    /// The request's own refusals.
    pub fn run_with(&self, control: Control<'_>) -> Result<Output, RequestError> {
        Ok(match self {
            Request::Allocate(r) => Output::Allocation(r.run()?),
            Request::Elect(r) => match r.run()? {
                ElectOutput::Body(b) => Output::Body(b),
                ElectOutput::Referendum(r) => Output::Referendum(r),
            },
            Request::Simulate(r) => Output::Projection(r.run_with(control)?),
            Request::Metrics(r) => Output::Metrics(r.run()?),
            Request::Compare(r) => Output::Comparison(r.run()?),
            Request::Fragility(r) => Output::Fragility(r.run()?),
            Request::Diff(r) => Output::Diff(r.run()?),
            Request::Hemicycle(r) => Output::Picture(r.run()?),
            #[cfg(feature = "html")]
            Request::Report(r) => Output::Page(r.run_with(control)?),
        })
    }
}

impl Output {
    /// The output's JSON (the command line's contract), for outputs that
    /// have one (not pictures and pages).
    pub fn json(&self) -> Option<serde_json::Value> {
        let value = match self {
            Output::Allocation(o) => serde_json::to_value(&o.view),
            Output::Body(o) => serde_json::to_value(&o.view),
            Output::Referendum(o) => serde_json::to_value(&o.view),
            Output::Projection(o) => serde_json::to_value(&o.view),
            Output::Metrics(o) => serde_json::to_value(&o.view),
            Output::Comparison(o) => serde_json::to_value(&o.view),
            Output::Fragility(o) => serde_json::to_value(&o.view),
            Output::Diff(o) => serde_json::to_value(&o.view),
            Output::Picture(_) | Output::Page(_) => return None,
        };
        value.ok()
    }
}

/// The JSON of a refusal: `{"error": {"kind": "tie", "message": "...", ...}}`,
/// as `saylau` prints it with `--format json` and a page shows it.
pub fn error_json(e: &RequestError) -> serde_json::Value {
    let mut error = serde_json::json!({ "kind": e.kind(), "message": e.message() });
    if let Some(field) = e.field() {
        error["field"] = field.into();
    }
    if let Some(t) = e.tie() {
        error["tie"] = serde_json::to_value(t).unwrap_or_default();
    }
    serde_json::json!({ "error": error })
}

/// An error kind's exit code for a command line: 3 for a tie, 130 for an
/// interruption, 2 for every other refusal.
pub fn exit_code(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::Tie => 3,
        ErrorKind::Interrupted => 130,
        _ => 2,
    }
}
