//! The Kazakh bodies under their statutory rules: presets and scenario files,
//! the properties of bodies, and the official results reproduced seat for
//! seat. One test crate (one binary) for all of them.

mod bodies;
mod body_properties;
mod official;
