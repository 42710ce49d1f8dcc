//! The rules layer: what the law says turns votes into seats, beyond the
//! apportionment itself. Thresholds, named vote counts, single-member races,
//! elected bodies with their Kazakh presets, referendums, and the typed notes
//! every result carries.

pub mod compensatory;
pub mod district;
pub mod names;
pub mod note;
pub mod official;
pub mod party;
pub mod referendum;
pub mod runner_up;
pub mod source;
pub mod system;
pub mod threshold;
pub mod votes;
