//! The apportionment core: every method on worked examples, the property
//! tests and the differential oracle against slow references, the hot path
//! of the largest-remainder kernel and the buffer API, and the documented
//! limits. One test crate (one binary) for all of them, to build and link
//! fewer test binaries.

#[path = "../reference/mod.rs"]
mod reference;

mod hot_path;
mod methods;
mod oracle;
mod properties;
mod scale;
