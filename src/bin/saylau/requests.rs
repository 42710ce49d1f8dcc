//! The command line as requests: each subcommand's flags and files become
//! the library's request ([`saylau::request`]), which decides everything
//! else. Reading files is all this adds.

use std::path::{Path, PathBuf};

use saylau::request::{
    AllocateRequest, CompareBy as By, CompareRequest, DiffRequest, ElectRequest, FragilityRequest,
    HemicycleRequest, MetricsRequest, Parties, PictureFormat, ReportRequest, Request, RequestError,
    ScenarioInput, SimulateRequest, read_scenario,
};
use saylau::scenario::{Scenario, WhatIf};

use crate::cli::{AllocateArgs, Command, CompareBy, Format, HemicycleArgs, ReportArgs, RunArgs, WhatIfArgs};
use crate::io::{Written, check_output, read};

/// Where a command's output goes.
#[derive(Debug, Clone)]
pub enum Sink {
    /// Printed on standard output in a format.
    Print(Format),
    /// Written to a file (`-`: standard output), as a picture or a page is.
    File(PathBuf),
}

/// The request a subcommand's arguments make, and where its output goes.
///
/// # Errors
///
/// A file that cannot be read or is not a scenario; an output file of the
/// wrong kind.
pub fn request(command: &Command) -> Result<(Request, Sink), RequestError> {
    Ok(match command {
        Command::Allocate(a) => (allocate(a)?, Sink::Print(a.format)),
        Command::Hemicycle(a) => (hemicycle(a)?, Sink::File(a.output.clone())),
        Command::Report(a) => (report(a)?, Sink::File(a.output.clone())),
        Command::Run(a) => run(a)?,
        Command::Elect(a) => {
            let (source, scenario) = scenario(&a.file)?;
            let what_if = a.what_if.what_if();
            let r = ElectRequest { source: Some(source), scenario, what_if, explain: a.explain };
            (Request::Elect(r), Sink::Print(a.format))
        }
        Command::Simulate(a) => {
            let (source, scenario) = scenario(&a.file)?;
            let mut r = SimulateRequest::new(scenario, a.runs);
            r.source = Some(source);
            r.what_if = a.what_if.what_if();
            r.seed = a.seed;
            r.threads = Some(a.threads);
            r.histogram = a.histogram;
            (Request::Simulate(r), Sink::Print(a.format))
        }
        Command::Metrics(a) => {
            let (source, scenario) = scenario(&a.file)?;
            let r = MetricsRequest { source: Some(source), scenario, what_if: a.what_if.what_if() };
            (Request::Metrics(r), Sink::Print(a.format))
        }
        Command::Fragility(a) => {
            let (source, scenario) = scenario(&a.file)?;
            let r = FragilityRequest { source: Some(source), scenario, what_if: a.what_if.what_if() };
            (Request::Fragility(r), Sink::Print(a.format))
        }
        Command::Compare(a) => {
            let (source, scenario) = scenario(&a.file)?;
            let by = match a.by {
                CompareBy::Methods => By::Methods,
                CompareBy::Thresholds => By::Thresholds,
                CompareBy::Houses => By::Houses,
                CompareBy::Designs => By::Designs,
            };
            let mut r = CompareRequest::new(by, scenario);
            r.source = Some(source);
            r.what_if = a.what_if.what_if();
            (r.from, r.to, r.step, r.houses) = (a.from, a.to, a.step, a.houses);
            (Request::Compare(r), Sink::Print(a.format))
        }
        Command::Diff(a) => {
            let before = input(&a.before, WhatIf::default())?;
            let after = input(&a.after, WhatIf::default())?;
            (Request::Diff(DiffRequest { before, after }), Sink::Print(a.format))
        }
        Command::Completions(_) => {
            return Err(RequestError::input("completions make no request"));
        }
    })
}

/// `saylau allocate`: the vote table read, the options as they are.
fn allocate(a: &AllocateArgs) -> Result<Request, RequestError> {
    let file = a.file.as_deref().unwrap_or(Path::new("-"));
    let (source, bytes) = read(file)?;
    let options = saylau::tabular::ReadOptions { delimiter: a.delimiter, sheet: a.sheet.clone() };
    let parties = saylau::tabular::read(&bytes, &options)
        .map_err(|e| RequestError::new(e.kind(), e.in_file(&source)))?;
    let mut r = AllocateRequest::new(Parties::from(parties), a.seats, a.method);
    r.source = Some(source);
    r.threshold = a.threshold;
    r.against_all = a.against_all;
    r.min_parties = a.min_parties;
    r.ties = a.ties;
    r.seed = a.seed;
    r.excess = a.excess.into();
    r.explain = a.explain;
    Ok(Request::Allocate(r))
}

/// `saylau hemicycle`: the picture's format from the file's name, else `--format`.
fn hemicycle(a: &HemicycleArgs) -> Result<Request, RequestError> {
    check_output(&a.output, Written::Picture)?;
    let (source, scenario) = scenario(&a.file)?;
    let mut r = HemicycleRequest::new(scenario);
    r.source = Some(source);
    r.what_if = a.what_if.what_if();
    r.split = a.split;
    r.scale = a.scale;
    let named = (a.output.as_os_str() != "-")
        .then(|| PictureFormat::of_file_name(&a.output.to_string_lossy()))
        .flatten();
    r.format = named.or(a.format.map(Into::into)).unwrap_or_default();
    Ok(Request::Hemicycle(r))
}

/// `saylau report`: the page, with an earlier election when asked.
fn report(a: &ReportArgs) -> Result<Request, RequestError> {
    check_output(&a.output, Written::Html)?;
    let (source, scenario) = scenario(&a.file)?;
    let mut r = ReportRequest::new(scenario);
    r.source = Some(source);
    r.what_if = a.what_if.what_if();
    r.runs = a.runs;
    r.seed = a.seed;
    r.compare_with = a.compare_with.as_deref().map(|f| input(f, WhatIf::default())).transpose()?;
    Ok(Request::Report(r))
}

/// `saylau run`: a saved request; a picture or a page goes to `-o`.
fn run(a: &RunArgs) -> Result<(Request, Sink), RequestError> {
    let (source, bytes) = read(&a.file)?;
    let text = std::str::from_utf8(&bytes)
        .map_err(|_| RequestError::input(format!("{source}: the request is not UTF-8 text")))?;
    let request = Request::from_json(text)
        .map_err(|e| RequestError::new(e.kind(), format!("{source}: {e}")))?
        .with_default_source(&source);
    let sink = match (&request, &a.output) {
        (Request::Hemicycle(_) | Request::Report(_), out) => {
            Sink::File(out.clone().unwrap_or_else(|| PathBuf::from("-")))
        }
        _ => Sink::Print(a.format),
    };
    Ok((request, sink))
}

/// A scenario file, read and parsed, with its name for messages.
fn scenario(file: &Path) -> Result<(String, Scenario), RequestError> {
    let (source, bytes) = read(file)?;
    let scenario = read_scenario(&source, &bytes)?;
    Ok((source, scenario))
}

/// A scenario file as a request's input.
fn input(file: &Path, what_if: WhatIf) -> Result<ScenarioInput, RequestError> {
    let (source, scenario) = scenario(file)?;
    Ok(ScenarioInput { source: Some(source), scenario, what_if })
}

impl WhatIfArgs {
    /// The library's form of the changes.
    pub fn what_if(&self) -> WhatIf {
        WhatIf {
            body: self.body,
            threshold: self.threshold,
            method: self.method,
            list_seats: self.list_seats,
            district_seats: self.district_seats,
            ties: self.ties,
            min_parties: self.min_parties,
        }
    }
}
