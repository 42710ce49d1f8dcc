//! One view per command: named, typed records built once from a result.
//!
//! A view's `Serialize` output **is** the command line's JSON contract (see
//! `docs/cli.md`); its tables feed the text output and the HTML report, and
//! its rows the CSV output, so every format says the same thing. Numbers in
//! tables for people carry thousands separators; JSON and CSV keep plain
//! digits.

pub mod allocation;
pub mod analysis;
pub mod body;
pub mod comparison;
pub mod diff;
pub mod fragility;
pub mod metrics;
pub mod projection;
pub mod referendum;

use serde::Serialize;

use crate::apportion::{Audit, Quotient, TieResolution};
use crate::note::Note;

pub use allocation::AllocationView;
pub use body::BodyView;
pub use comparison::ComparisonView;
pub use metrics::MetricsView;

/// What a scenario says about itself: shown in reports, in JSON when given.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct About {
    /// A title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The election date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the figures come from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Free text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Colours the scenario gives parties in pictures (not in JSON).
    #[serde(skip)]
    pub colours: Vec<(String, String)>,
}

impl About {
    /// The descriptive fields of a scenario.
    pub fn of(s: &crate::scenario::Scenario) -> About {
        About {
            title: s.title.clone(),
            date: s.date.clone(),
            source: s.source.clone(),
            description: s.description.clone(),
            colours: s.colours.iter().map(|(p, c)| (p.clone(), c.clone())).collect(),
        }
    }
}

/// A note with its English text, as in JSON: `{"kind": ..., "text": ..., fields}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteView {
    /// The sentence for people.
    pub text: String,
    /// The note's data (`kind` and fields).
    #[serde(flatten)]
    pub note: Note,
}

impl From<&Note> for NoteView {
    fn from(note: &Note) -> NoteView {
        NoteView { text: note.to_string(), note: note.clone() }
    }
}

/// A tie that a policy broke, by name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TieView {
    /// The tied parties.
    pub parties: Vec<String>,
    /// The seats they contested.
    pub seats: u32,
    /// The parties that took the seats.
    pub winners: Vec<String>,
    /// The policy that decided (`order`, `lot:SEED`, `votes`).
    pub policy: String,
}

impl TieView {
    /// The tie `t` with parties named from `names` (input order).
    pub fn new(t: &TieResolution, names: &[String]) -> TieView {
        let named = |ix: &[usize]| ix.iter().map(|&i| party_name(names, i)).collect();
        TieView {
            parties: named(&t.parties),
            seats: t.seats,
            winners: named(&t.winners),
            policy: t.policy.to_string(),
        }
    }
}

/// The name at position `i`, or `#i+1` when there is none: the one place
/// that falls back to a position.
pub fn party_name(names: &[String], i: usize) -> String {
    names.get(i).cloned().unwrap_or_else(|| format!("#{}", i + 1))
}

/// An exact quotient (`n`, `n/d`, `sqrt(n/d)`, `inf`) and its nearest float
/// (`null` when infinite).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotientView {
    /// The exact value.
    pub exact: String,
    /// The nearest float, for display.
    pub approx: Option<f64>,
}

impl From<&Quotient> for QuotientView {
    fn from(q: &Quotient) -> QuotientView {
        QuotientView { exact: format!("{q:#}"), approx: (!q.is_infinite()).then(|| q.to_f64()) }
    }
}

/// The audit trail, by party name.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum AuditView {
    /// A largest-remainder count.
    Quota {
        /// The quota.
        quota: QuotientView,
        /// Seats given as whole quotas.
        whole_seats: u64,
        /// One line per party.
        parties: Vec<QuotaLine>,
    },
    /// A divisor count.
    Divisor {
        /// The smallest quotient that won a seat.
        lowest_winning: Option<QuotientView>,
        /// The largest quotient that did not.
        highest_losing: Option<QuotientView>,
        /// One line per party.
        parties: Vec<DivisorLine>,
    },
}

/// A party's line of a quota audit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuotaLine {
    /// The party.
    pub party: String,
    /// Whole quotas.
    pub whole: u64,
    /// The remainder, in quotas.
    pub remainder: QuotientView,
    /// Seats added (+1) or taken back (-1) by remainders.
    pub adjustment: i64,
    /// Final seats.
    pub seats: u32,
}

/// A party's line of a divisor audit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DivisorLine {
    /// The party.
    pub party: String,
    /// Seats won.
    pub seats: u32,
    /// The quotient of its last seat.
    pub last_quotient: Option<QuotientView>,
    /// The quotient of its next seat.
    pub next_quotient: Option<QuotientView>,
}

impl AuditView {
    /// The audit with parties named from `names` (the audit's order).
    pub fn new(audit: &Audit, names: &[String]) -> AuditView {
        match audit {
            Audit::Quota(a) => AuditView::Quota {
                quota: (&a.quota).into(),
                whole_seats: a.whole_seats,
                parties: a
                    .parties
                    .iter()
                    .enumerate()
                    .map(|(i, row)| QuotaLine {
                        party: party_name(names, i),
                        whole: row.whole,
                        remainder: (&row.remainder).into(),
                        adjustment: row.adjustment,
                        seats: row.seats,
                    })
                    .collect(),
            },
            Audit::Divisor(a) => AuditView::Divisor {
                lowest_winning: a.lowest_winning.as_ref().map(Into::into),
                highest_losing: a.highest_losing.as_ref().map(Into::into),
                parties: a
                    .parties
                    .iter()
                    .enumerate()
                    .map(|(i, row)| DivisorLine {
                        party: party_name(names, i),
                        seats: row.seats,
                        last_quotient: row.last_quotient.as_ref().map(Into::into),
                        next_quotient: row.next_quotient.as_ref().map(Into::into),
                    })
                    .collect(),
            },
        }
    }
}
