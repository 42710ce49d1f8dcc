//! The `saylau._saylau` extension module: the Rust half of the `saylau`
//! Python package (`python/saylau/`). Everything a user calls is
//! re-exported, documented and typed by the package; the functions named
//! with a leading underscore are its private helpers.
//!
//! The package is an adapter over the library's requests
//! ([`saylau::request`]): `allocate` builds its request from the arguments
//! here (the fast path), every other command's request is built as JSON by
//! the package and run by [`run::_run`]. Errors become `saylau.InputError`,
//! `saylau.TieError` or `saylau.SaylauError` by their kind; nothing here
//! unwraps on input, and long work runs with the GIL released.

#![forbid(unsafe_code)]

mod allocate;
mod errors;
mod input;
mod json;
mod run;

use pyo3::prelude::*;

/// The Rust half of the `saylau` package; import `saylau` instead.
#[pymodule]
fn _saylau(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(allocate::allocate, m)?)?;
    m.add_function(wrap_pyfunction!(allocate::_time_rust, m)?)?;
    m.add_class::<allocate::Allocation>()?;
    m.add_class::<allocate::Tie>()?;
    m.add_function(wrap_pyfunction!(run::_run, m)?)?;
    m.add_function(wrap_pyfunction!(run::_png, m)?)?;
    let methods: Vec<String> = saylau::Method::ALL.iter().map(ToString::to_string).collect();
    m.add("METHODS", methods)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_INPUT_BYTES", saylau::request::MAX_INPUT_BYTES)?;
    Ok(())
}
