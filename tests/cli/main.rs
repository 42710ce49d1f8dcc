//! End-to-end tests of the `saylau` binary, one module per command or theme,
//! and the bad-input catalogue. One test crate (one binary) for all of them;
//! the harness is `tests/common/`.

#[path = "../common/mod.rs"]
mod common;
#[path = "../common/workbooks.rs"]
mod workbooks;

#[cfg(feature = "cli")]
mod allocate;
#[cfg(feature = "cli")]
mod analysis;
mod bad_input;
#[cfg(feature = "cli")]
mod docs;
#[cfg(feature = "cli")]
mod elect;
mod input;
#[cfg(feature = "cli")]
mod output;
#[cfg(feature = "cli")]
mod png;
#[cfg(feature = "cli")]
mod polls;
#[cfg(feature = "cli")]
mod report;
#[cfg(feature = "cli")]
mod requests;
#[cfg(feature = "cli")]
mod simulate;
