//! The describing layer: how results are put into words and numbers for
//! people. [`words`] holds the one way each thing is said (thousands
//! separators, plurals, lists of names, probabilities).

pub mod figure;
#[cfg(feature = "html")]
pub mod html;
pub mod notes;
#[cfg(feature = "png")]
pub mod png;
pub mod table;
#[cfg(feature = "serde")]
pub mod view;
pub mod words;
