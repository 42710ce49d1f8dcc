//! An election's official result, to set beside the computed one.
//!
//! A scenario of a real election may carry the result as published (the
//! `official` field): each party's list seats, each district's winner, a
//! referendum's verdict, with the source. The result then ends with a
//! [`Note::Official`] that gives both and says whether they agree. A result
//! that was not published but computed by others from the official votes
//! (for cross-checking) is marked `"published": false`.
//!
//! ```
//! # use saylau::official::{Official, PartySeats};
//! # use saylau::system::{Ballots, Overrides, PartyList, Preset};
//! let official = Official {
//!     source: "illustrative".into(),
//!     published: true,
//!     list_seats: vec![PartySeats { party: "A".into(), seats: 100 }, PartySeats { party: "B".into(), seats: 45 }],
//!     winners: vec![],
//!     outcome: None,
//! };
//! let lists = vec![PartyList { party: "A".into(), votes: 1000, candidates: None }, PartyList { party: "B".into(), votes: 450, candidates: None }];
//! let result = Preset::Kurultai.body(&Overrides::default())?.elect(&Ballots { lists, ..Default::default() })?;
//! let note = official.compare_body(&result);
//! assert!(note.to_string().ends_with("they agree."), "{note}");
//! # Ok::<(), saylau::Error>(())
//! ```

use crate::note::{Note, OfficialRow};
use crate::referendum::{ReferendumOutcome, Verdict};
use crate::system::BodyResult;

/// A party's seats as published.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PartySeats {
    /// The party, as named in the scenario's lists.
    pub party: String,
    /// Its seats.
    pub seats: u32,
}

/// A district's winner as published.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DistrictWinner {
    /// The district, as named in the scenario.
    pub district: String,
    /// The elected candidate.
    pub winner: String,
}

/// The official result of an election or referendum, with its source.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Official {
    /// Where the result is published (or how it was computed).
    pub source: String,
    /// Whether the figures were published (`false`: computed from the
    /// official votes by others, for cross-checking only).
    #[cfg_attr(feature = "serde", serde(default = "published"))]
    pub published: bool,
    /// Each party's list seats.
    #[cfg_attr(feature = "serde", serde(default))]
    pub list_seats: Vec<PartySeats>,
    /// Each district's winner.
    #[cfg_attr(feature = "serde", serde(default))]
    pub winners: Vec<DistrictWinner>,
    /// A referendum's verdict.
    #[cfg_attr(feature = "serde", serde(default))]
    pub outcome: Option<Verdict>,
}

#[cfg(feature = "serde")]
fn published() -> bool {
    true
}

impl Official {
    /// The official and computed results of a body side by side, as a note.
    pub fn compare_body(&self, result: &BodyResult) -> Note {
        let mut rows = Vec::new();
        for p in &self.list_seats {
            let computed = result.parties.iter().find(|r| r.party == p.party.trim()).map(|r| r.list_seats);
            rows.push(OfficialRow {
                what: p.party.clone(),
                official: format!("{} list seat{}", p.seats, if p.seats == 1 { "" } else { "s" }),
                computed: computed.map_or_else(
                    || "not in the lists".to_string(),
                    |s| format!("{s} list seat{}", if s == 1 { "" } else { "s" }),
                ),
                agree: computed == Some(p.seats),
            });
        }
        for w in &self.winners {
            let computed = result
                .districts
                .iter()
                .find(|d| d.name == w.district.trim())
                .map(|d| d.winner.clone().unwrap_or_else(|| "nobody (vacant)".to_string()));
            rows.push(OfficialRow {
                what: w.district.clone(),
                official: w.winner.clone(),
                agree: computed.as_deref() == Some(w.winner.trim()),
                computed: computed.unwrap_or_else(|| "no result given".to_string()),
            });
        }
        self.note(rows)
    }

    /// The official and computed verdicts of a referendum, as a note.
    pub fn compare_referendum(&self, outcome: &ReferendumOutcome) -> Note {
        let rows = self
            .outcome
            .map(|v| OfficialRow {
                what: "verdict".to_string(),
                official: verdict(v).to_string(),
                computed: verdict(outcome.outcome).to_string(),
                agree: v == outcome.outcome,
            })
            .into_iter()
            .collect();
        self.note(rows)
    }

    fn note(&self, rows: Vec<OfficialRow>) -> Note {
        Note::Official { source: self.source.clone(), published: self.published, rows }
    }
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Adopted => "adopted",
        Verdict::Rejected => "rejected",
        Verdict::Invalid => "not valid",
    }
}
