//! The analysis layer: what a result means. Disproportionality and
//! fragmentation indices, the votes that would change a seat, apportionment
//! paradoxes, and what-if sweeps over methods, thresholds and house sizes.

pub mod compare;
pub mod diff;
pub mod fragility;
pub mod metrics;
pub mod paradox;
