//! Scenario files shared by `saylau elect` and `saylau simulate`: reading a
//! file or standard input, decoding UTF-8, parsing JSON with messages that
//! name the line and column, and turning library errors into messages that
//! name parties, districts and fields.

use std::path::Path;

use saylau::scenario::{Outcome, Scenario};
use saylau::system::{Ballots, Body, BodyResult};

use crate::Failure;
use crate::cli::WhatIfArgs;
pub use crate::messages::scenario as failure;
use saylau::describe::words::counted;
use saylau::note::Note;

/// A scenario as read, with the what-if changes of the command line applied.
#[derive(Debug)]
pub struct Loaded {
    /// The file as named in messages (`<stdin>` for `-`).
    pub source: String,
    /// The scenario, changed.
    pub scenario: Scenario,
    /// What the command line changed, as notes for the result.
    pub changed: Vec<Note>,
}

/// Reads and parses a scenario, and applies the what-if changes.
///
/// # Errors
///
/// A message naming the file and what is wrong.
pub fn load(file: &Path, what_if: &WhatIfArgs) -> Result<Loaded, String> {
    let (source, bytes) = read(file)?;
    let text = decode(&source, &bytes)?;
    let mut scenario = Scenario::from_json(text).map_err(|e| crate::messages::scenario_parse(&source, &e))?;
    let changed = scenario.apply(&what_if.what_if());
    Ok(Loaded { source, scenario, changed })
}

pub use crate::io::read;

/// The text of the file: UTF-8, without a byte-order mark.
pub fn decode<'b>(source: &str, bytes: &'b [u8]) -> Result<&'b str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = good.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        format!("{source}: line {line}, column {column}: the file is not valid UTF-8; save it as UTF-8 text")
    })
}

/// A scenario whose body was elected: everything the analysis commands need.
#[derive(Debug)]
pub struct Elected {
    /// The file as named in messages (`<stdin>` for `-`).
    pub source: String,
    /// The scenario as read.
    pub scenario: Scenario,
    /// The rules applied.
    pub body: Body,
    /// The votes.
    pub ballots: Ballots,
    /// The result.
    pub result: BodyResult,
}

impl Elected {
    /// The scenario's title, or `body: N seats`.
    pub fn title(&self) -> String {
        match &self.scenario.title {
            Some(t) if !t.trim().is_empty() => t.trim().to_string(),
            _ => format!("{}: {}", self.result.body, counted(self.result.seats.into(), "seat")),
        }
    }

    /// The list tier and the lists, when the body has one and the scenario gives lists.
    pub fn list_tier(&self) -> Option<&saylau::system::ListTier> {
        self.body.list.as_ref().filter(|t| t.seats > 0 && !self.ballots.lists.is_empty())
    }
}

/// Reads the scenario and elects its body; `what` names the command's
/// purpose in the refusal of a referendum ("nothing to analyse").
pub fn elected(file: &Path, what_if: &WhatIfArgs, nothing: &str) -> Result<Elected, Failure> {
    let Loaded { source, scenario, changed } = load(file, what_if).map_err(Failure::Input)?;
    if scenario.is_referendum() {
        return Err(Failure::Input(format!(
            "{source}: {nothing}: a referendum elects no seats (decide it with `saylau elect`)"
        )));
    }
    let outcome = scenario.run().map_err(|e| failure(e, &scenario, &source))?;
    let Outcome::Body(mut result) = outcome else {
        return Err(Failure::Input(format!("{source}: {nothing}: a referendum elects no seats")));
    };
    let body = scenario.body().map_err(|e| failure(e, &scenario, &source))?;
    let ballots = scenario.ballots();
    result.notes.splice(0..0, changed);
    Ok(Elected { source, scenario, body, ballots, result })
}
