//! The exact layer: decimals read from text without rounding. (The wide
//! integer comparisons behind every quotient live beside it, crate-private.)

pub mod ratio;
