//! The error of a request: what was wrong, where, with which value, and
//! what kind of failure it is, worded once for every face.

use crate::describe::words::{counted, join_names};
use crate::error::{Error, ErrorKind, Quoted};

/// The most characters of a user's value an error message quotes.
pub const QUOTE_MAX: usize = Quoted::MAX;

/// `value` quoted for a message (`"..."`), cut to [`QUOTE_MAX`] characters
/// with the number of characters left out (see [`Quoted`]).
///
/// ```
/// # use saylau::request::quote;
/// assert_eq!(quote("Amanat"), "\"Amanat\"");
/// let long = "x".repeat(1000);
/// assert!(quote(&long).len() < 120);
/// assert!(quote(&long).ends_with("(1,000 characters)"));
/// ```
pub fn quote(value: &str) -> String {
    Quoted(value).to_string()
}

/// A tie that the chosen policy does not break, as a request reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Tied {
    /// The tied parties (or candidates) by name, in input order.
    pub names: Vec<String>,
    /// Their positions in the input (counting from 0), when they are parties
    /// of a vote table (not candidates of a district).
    pub positions: Vec<usize>,
    /// The seats they contest.
    pub seats: u32,
}

/// Why a request was refused: the message for people (starting with the
/// file or other source it is about, when there is one), its
/// [`kind`](RequestError::kind), the request field it concerns and, for a
/// tie, the tied parties.
///
/// ```
/// # use saylau::request::{AllocateRequest, Parties};
/// # use saylau::{ErrorKind, Method};
/// let r = AllocateRequest::new(Parties::unnamed(vec![10, 10]), 1, Method::DHondt);
/// let e = r.count().unwrap_err();
/// assert_eq!(e.kind(), ErrorKind::Tie);
/// assert_eq!(e.field(), Some("ties"));
/// assert_eq!(e.tie().unwrap().positions, [0, 1]);
/// assert!(e.to_string().starts_with("tie: the parties at positions 0 and 1"), "{e}");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct RequestError {
    kind: ErrorKind,
    message: String,
    field: Option<&'static str>,
    tie: Option<Box<Tied>>,
}

impl RequestError {
    /// A refusal of `kind` with its message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> RequestError {
        RequestError { kind, message: message.into(), field: None, tie: None }
    }

    /// Bad input, with its message.
    pub fn input(message: impl Into<String>) -> RequestError {
        RequestError::new(ErrorKind::Input, message)
    }

    /// The same refusal, about the request field `field` (a face names it
    /// in its own syntax: `--ties`, `ties=`).
    pub fn at(mut self, field: &'static str) -> RequestError {
        self.field = Some(field);
        self
    }

    /// A library error as a refusal, prefixed with `source` when given; the
    /// kind is the error's own.
    pub fn of(e: &Error, source: Option<&str>) -> RequestError {
        RequestError::new(e.kind(), prefixed(source, &e.to_string()))
    }

    /// A tie, with its message and the tied parties.
    pub(crate) fn tied(message: String, tied: Tied) -> RequestError {
        RequestError { kind: ErrorKind::Tie, message, field: Some("ties"), tie: Some(Box::new(tied)) }
    }

    /// What kind of failure this is: the only classification the faces use.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The message for people.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The request field the refusal is about, when it is about one
    /// (`"runs"`, `"ties"`, `"houses"`).
    pub fn field(&self) -> Option<&'static str> {
        self.field
    }

    /// The tied parties, for a tie.
    pub fn tie(&self) -> Option<&Tied> {
        self.tie.as_deref()
    }
}

/// `source: message`, or the message alone.
pub(crate) fn prefixed(source: Option<&str>, message: &str) -> String {
    match source {
        Some(s) => format!("{s}: {message}"),
        None => message.to_string(),
    }
}

/// The sentence of a vote table's tie: the parties by name (or position) and
/// the seats, with the policies that decide it.
pub(crate) fn vote_table_tie(
    names: Option<&[String]>,
    parties: &[usize],
    seats: u32,
    equal_votes: bool,
) -> RequestError {
    let shown: Vec<String> = match names {
        Some(names) => parties
            .iter()
            .map(|&i| names.get(i).map_or_else(|| format!("at position {i}"), |n| quote(n)))
            .collect(),
        None => parties.iter().map(ToString::to_string).collect(),
    };
    let who = match names {
        Some(_) => format!("parties {}", join_names(shown.iter())),
        None => format!("the parties at positions {} (counting from 0)", join_names(shown.iter())),
    };
    let advice = if equal_votes {
        "they have equal votes, so the policy \"votes\" cannot decide; choose \"lot\" or \"order\""
    } else {
        "choose a tie policy: \"lot\" (a seeded draw), \"order\" (the party listed first wins) or \"votes\""
    };
    let message = format!("tie: {who} are tied for {}; {advice}", counted(seats.into(), "seat"));
    let names = match names {
        Some(n) => parties.iter().map(|&i| n.get(i).cloned().unwrap_or_default()).collect(),
        None => shown,
    };
    RequestError::tied(message, Tied { names, positions: parties.to_vec(), seats })
}
