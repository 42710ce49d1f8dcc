//! Analysis and simulation: indices, fragility, paradoxes and comparisons
//! (worked values and property tests), the simulator and its points, and the
//! calibration of its seat intervals. One test crate (one binary) for all of
//! them.

mod analysis;
mod analysis_properties;
mod calibration;
mod simulate;
mod simulate_points;
