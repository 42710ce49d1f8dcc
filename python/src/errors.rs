//! Errors as Python exceptions: `saylau.InputError` for input the library
//! refuses, `saylau.TieError` (with the tied parties and the seats they
//! contest) for a tie the chosen policy does not break. The classes are
//! defined in Python (`saylau/_errors.py`), where `InputError` can also be a
//! `ValueError`; they are looked up once.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyType;

static INPUT_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static TIE_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();
static SAYLAU_ERROR: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// Why a call failed, before it becomes a Python exception.
#[derive(Debug)]
pub enum Failure {
    /// Input the library refuses: `saylau.InputError`.
    Input(String),
    /// A tie the policy does not break: `saylau.TieError`, with the tied
    /// parties (as the caller named them) and the seats in contention.
    Tie { message: String, parties: Vec<Py<PyAny>>, seats: u32 },
    /// Something outside the input went wrong (a thread could not start):
    /// `saylau.SaylauError`.
    Other(String),
    /// A Python exception raised on the way (a failing `__index__`, Ctrl-C).
    Python(PyErr),
}

impl From<PyErr> for Failure {
    fn from(e: PyErr) -> Failure {
        Failure::Python(e)
    }
}

impl Failure {
    /// The Python exception.
    pub fn into_pyerr(self, py: Python<'_>) -> PyErr {
        let raised = match self {
            Failure::Python(e) => return e,
            Failure::Input(message) => {
                INPUT_ERROR.import(py, "saylau._errors", "InputError").and_then(|t| t.call1((message,)))
            }
            Failure::Other(message) => {
                SAYLAU_ERROR.import(py, "saylau._errors", "SaylauError").and_then(|t| t.call1((message,)))
            }
            Failure::Tie { message, parties, seats } => TIE_ERROR
                .import(py, "saylau._errors", "TieError")
                .and_then(|t| t.call1((message, parties, seats))),
        };
        match raised {
            Ok(instance) => PyErr::from_value(instance),
            Err(e) => e,
        }
    }
}

/// Converts a `Result<T, Failure>` into a `PyResult<T>`.
pub trait IntoPy<T> {
    /// The result with the failure as a Python exception.
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, Failure> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|f| f.into_pyerr(py))
    }
}
