//! What the library writes and reads: SVG and PNG pictures, and tables (CSV,
//! .xlsx and .ods). One test crate (one binary) for all of them.

#[cfg(feature = "tabular")]
#[path = "../common/workbooks.rs"]
mod workbooks;

#[cfg(feature = "png")]
mod png;
mod svg;
#[cfg(feature = "tabular")]
mod tabular;
