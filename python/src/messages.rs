//! Library errors as Python exceptions: a scenario's refusals in the
//! library's words (`saylau::describe::message`, which the command line
//! prints too).

use pyo3::prelude::*;
use pyo3::types::PyString;
use saylau::Error;
use saylau::describe::message::{self, Kind};
use saylau::scenario::{Scenario, ScenarioError};

use crate::errors::Failure;

/// A scenario that could not be read, with the line, column and field
/// (worded by the library, as the command line words it).
pub fn scenario_parse(source: &str, e: &ScenarioError) -> String {
    message::scenario_parse(source, e)
}

/// A scenario's rules or votes refused, naming parties, candidates and
/// fields (worded by the library, as the command line words it).
pub fn scenario(py: Python<'_>, e: Error, scenario: &Scenario, source: &str) -> Failure {
    let m = message::scenario(e, scenario, source);
    match m.kind {
        Kind::Tie { parties, seats } => {
            let parties = parties.iter().map(|p| PyString::new(py, p).into_any().unbind()).collect();
            Failure::Tie { message: m.text, parties, seats }
        }
        Kind::Input => Failure::Input(m.text),
        Kind::Other => Failure::Other(m.text),
    }
}
