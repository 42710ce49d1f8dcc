//! The `saylau._saylau` extension module: the Rust half of the `saylau`
//! Python package (`python/saylau/`). Everything a user calls is
//! re-exported, documented and typed by the package; the functions named
//! with a leading underscore are its private helpers.
//!
//! Errors become `saylau.InputError` or `saylau.TieError` with the command
//! line's messages; nothing here unwraps on input, and long work
//! (simulations, large allocations) runs with the GIL released.

#![forbid(unsafe_code)]

mod allocate;
mod errors;
mod input;
mod json;
mod messages;
mod scenario;

use pyo3::prelude::*;

/// The Rust half of the `saylau` package; import `saylau` instead.
#[pymodule]
fn _saylau(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(allocate::allocate, m)?)?;
    m.add_function(wrap_pyfunction!(allocate::_time_rust, m)?)?;
    m.add_class::<allocate::Allocation>()?;
    m.add_class::<allocate::Tie>()?;
    m.add_function(wrap_pyfunction!(scenario::_elect, m)?)?;
    m.add_function(wrap_pyfunction!(scenario::_elected, m)?)?;
    m.add_function(wrap_pyfunction!(scenario::_simulate, m)?)?;
    m.add_class::<scenario::Elected>()?;
    let methods: Vec<String> = saylau::Method::ALL.iter().map(ToString::to_string).collect();
    m.add("METHODS", methods)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
