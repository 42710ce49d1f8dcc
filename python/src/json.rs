//! A view's JSON (the command line's contract) as Python objects.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// `value` serialized as the command line does, then read by `json.loads`.
pub fn to_python<T: serde::Serialize>(py: Python<'_>, value: &T) -> PyResult<Py<PyAny>> {
    let text = serde_json::to_string(value).map_err(|e| {
        crate::errors::Failure::from(saylau::request::RequestError::new(
            saylau::ErrorKind::Internal,
            format!("cannot describe the result: {e}"),
        ))
        .into_pyerr(py)
    })?;
    let loads = LOADS.import(py, "json", "loads")?;
    Ok(loads.call1((text,))?.unbind())
}
