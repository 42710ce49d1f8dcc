//! Errors as Python exceptions, in one match on the library's error kind:
//! `saylau.TieError` (with the tied parties and the seats they contest) for
//! a tie, `saylau.SaylauError` for what is not the input's fault (a file
//! that cannot be read, threads that cannot start), `saylau.InputError`
//! (also a `ValueError`) for everything else. Each carries the kind's name
//! as `.kind`. The classes are defined in Python (`saylau/_errors.py`) and
//! looked up once.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;
use saylau::ErrorKind;
use saylau::request::RequestError;

static INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TIE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SAYLAU_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Why a call failed, before it becomes a Python exception.
#[derive(Debug)]
pub enum Failure {
    /// A refusal of the library: its kind decides the exception. A tie
    /// carries the tied parties as the caller named them.
    Refused(RequestError, Option<Vec<Py<PyAny>>>),
    /// A Python exception raised on the way (a failing `__index__`, Ctrl-C).
    Python(PyErr),
}

impl From<PyErr> for Failure {
    fn from(e: PyErr) -> Failure {
        Failure::Python(e)
    }
}

impl From<RequestError> for Failure {
    fn from(e: RequestError) -> Failure {
        Failure::Refused(e, None)
    }
}

/// A refusal of bad input, worded here (a Python value of the wrong type).
pub fn input(message: impl Into<String>) -> Failure {
    Failure::Refused(RequestError::input(message), None)
}

impl Failure {
    /// The Python exception.
    pub fn into_pyerr(self, py: Python<'_>) -> PyErr {
        let (e, parties) = match self {
            Failure::Python(e) => return e,
            Failure::Refused(e, parties) => (e, parties),
        };
        let kind = e.kind().name();
        // The argument the refusal concerns, by its Python name.
        let message = match e.field() {
            Some(field) => format!("{} ({}=)", e.message(), argument(field)),
            None => e.message().to_string(),
        };
        let raised = match e.kind() {
            ErrorKind::Tie => {
                let parties: Vec<Py<PyAny>> = parties.unwrap_or_else(|| {
                    let names = e.tie().map(|t| t.names.clone()).unwrap_or_default();
                    names
                        .into_iter()
                        .map(|n| pyo3::types::PyString::new(py, &n).into_any().unbind())
                        .collect()
                });
                let seats = e.tie().map_or(0, |t| t.seats);
                TIE_ERROR
                    .import(py, "saylau._errors", "TieError")
                    .and_then(|t| t.call1((message, parties, seats, kind)))
            }
            ErrorKind::Io | ErrorKind::Internal | ErrorKind::Interrupted => SAYLAU_ERROR
                .import(py, "saylau._errors", "SaylauError")
                .and_then(|t| t.call1((message, kind))),
            _ => {
                INPUT_ERROR.import(py, "saylau._errors", "InputError").and_then(|t| t.call1((message, kind)))
            }
        };
        match raised {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        }
    }
}

/// The keyword argument of a request's field (`from` is `start=`, `to` is `stop=`).
fn argument(field: &str) -> &str {
    match field {
        "from" => "start",
        "to" => "stop",
        other => other,
    }
}

/// Converts a `Result<T, Failure>` into a `PyResult<T>`.
pub trait IntoPy<T> {
    /// The result with the failure as a Python exception.
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: Into<Failure>> IntoPy<T> for Result<T, E> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|f| f.into().into_pyerr(py))
    }
}
