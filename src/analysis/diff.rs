//! Two elections side by side: each party's votes, share and seats in both,
//! matched by name through the party registry (so Nur Otan in 2016 is Amanat
//! in 2023), and the swing between them.
//!
//! ```
//! use saylau::diff::diff;
//! use saylau::scenario::{Outcome, Scenario};
//!
//! let elect = |json: &str| match Scenario::from_json(json).unwrap().run().unwrap() {
//!     Outcome::Body(r) => r,
//!     Outcome::Referendum(_) => unreachable!(),
//! };
//! let before = elect(r#"{"body": "kurultai", "lists": [{"party": "Nur Otan", "votes": 800}, {"party": "B", "votes": 200}]}"#);
//! let after = elect(r#"{"body": "kurultai", "lists": [{"party": "Amanat", "votes": 600}, {"party": "B", "votes": 400}]}"#);
//! let d = diff(&before, &after);
//! assert_eq!(d.rows[0].party, "Amanat");
//! assert_eq!(d.rows[0].before.as_ref().unwrap().name, "Nur Otan");
//! assert_eq!(d.rows[0].seat_change(), Some(87 - 116));
//! ```

use crate::party;
use crate::system::BodyResult;

/// One party in one election.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// The name the party ran under.
    pub name: String,
    /// List votes (`None`: it ran only in districts).
    pub votes: Option<u64>,
    /// Its share of the votes the threshold is taken of, in percent (for display).
    pub share: Option<f64>,
    /// All its seats.
    pub seats: u32,
}

/// One party in both elections.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffRow {
    /// The party, under its name in the second election (or the first, if it
    /// did not run in the second).
    pub party: String,
    /// The registry's identifier, when the party is registered.
    pub registered: Option<&'static str>,
    /// The party in the first election (`None`: it did not run).
    pub before: Option<Side>,
    /// The party in the second election (`None`: it did not run).
    pub after: Option<Side>,
}

impl DiffRow {
    /// Seats after minus seats before (`None` unless it ran in both).
    pub fn seat_change(&self) -> Option<i64> {
        Some(i64::from(self.after.as_ref()?.seats) - i64::from(self.before.as_ref()?.seats))
    }

    /// The swing: share after minus share before, in percentage points
    /// (`None` unless it had list votes in both).
    pub fn swing(&self) -> Option<f64> {
        Some(self.after.as_ref()?.share? - self.before.as_ref()?.share?)
    }
}

/// Two elections side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    /// The parties: those of the second election in its order, then those
    /// that ran only in the first.
    pub rows: Vec<DiffRow>,
    /// Seats of the two bodies.
    pub seats: (u32, u32),
}

/// The list-vote base of a result: list votes plus "against all".
fn base(r: &BodyResult) -> u128 {
    r.parties.iter().filter_map(|p| p.votes).map(u128::from).sum::<u128>() + u128::from(r.against_all)
}

fn side(r: &BodyResult, i: usize) -> Side {
    let p = &r.parties[i];
    let base = base(r);
    Side {
        name: p.party.clone(),
        votes: p.votes,
        share: p.votes.filter(|_| base > 0).map(|v| v as f64 * 100.0 / base as f64),
        seats: p.seats,
    }
}

/// `before` and `after` side by side, parties matched by the registry's
/// names (current, former, short, any language) and otherwise by the same
/// name compared without case, spaces or punctuation.
pub fn diff(before: &BodyResult, after: &BodyResult) -> Diff {
    let mut used = vec![false; before.parties.len()];
    let mut rows = Vec::with_capacity(after.parties.len() + before.parties.len());
    for (j, p) in after.parties.iter().enumerate() {
        let found =
            (0..before.parties.len()).find(|&i| !used[i] && party::same(&before.parties[i].party, &p.party));
        if let Some(i) = found {
            used[i] = true;
        }
        rows.push(DiffRow {
            party: p.party.clone(),
            registered: party::find(&p.party).map(|r| r.id),
            before: found.map(|i| side(before, i)),
            after: Some(side(after, j)),
        });
    }
    for (i, p) in before.parties.iter().enumerate().filter(|&(i, _)| !used[i]) {
        rows.push(DiffRow {
            party: p.party.clone(),
            registered: party::find(&p.party).map(|r| r.id),
            before: Some(side(before, i)),
            after: None,
        });
    }
    Diff { rows, seats: (before.seats, after.seats) }
}
