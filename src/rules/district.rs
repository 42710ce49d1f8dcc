//! Single-member districts: first past the post, with Kazakhstan's
//! "against all" line on every ballot.

use std::collections::HashSet;

use crate::apportion::{TieBreak, TieResolution};
use crate::error::{Error, Result};

/// A candidate in a single-member race.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Candidate {
    /// The candidate's name, unique within the district.
    pub name: String,
    /// The nominating party, or `None` for a self-nominated candidate.
    #[cfg_attr(feature = "serde", serde(default))]
    pub party: Option<String>,
    /// Votes received.
    pub votes: u64,
}

/// One single-member district (or an akim race): its candidates and the
/// votes cast "against all".
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct District {
    /// The district's name, unique within the body.
    pub name: String,
    /// The candidates, in ballot (registration) order.
    pub candidates: Vec<Candidate>,
    /// Votes "against all" candidates.
    #[cfg_attr(feature = "serde", serde(default))]
    pub against_all: u64,
}

/// What happens when "against all" polls more than every candidate.
///
/// The election law as amended in 2022 puts "against all" on every ballot
/// but still elects the candidate with the most votes; some drafts and
/// commentators read it as forcing a repeat election. Both are offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum AgainstAllRule {
    /// The leading candidate is elected anyway; the result is reported (default).
    #[default]
    ElectLeader,
    /// No one is elected: the seat stays vacant until a repeat election.
    Repeat,
}

/// The rules of a single-member race.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DistrictRules {
    /// What a win of "against all" does.
    pub against_all: AgainstAllRule,
    /// How an exact tie between leading candidates is decided
    /// ([`TieBreak::ListOrder`] means the candidate listed first on the ballot;
    /// [`TieBreak::MoreVotes`] cannot separate them and so refuses).
    pub ties: TieBreak,
}

/// The outcome of one race.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DistrictOutcome {
    /// The elected candidate's position in the district's list, or `None` if
    /// the seat is vacant (repeat election).
    pub winner: Option<usize>,
    /// Did "against all" poll more than every candidate?
    pub against_all_won: bool,
    /// The tie between leading candidates that the policy broke, if any
    /// (positions are candidates' positions).
    pub tie: Option<TieResolution>,
}

impl DistrictRules {
    /// Decides one race.
    ///
    /// # Example
    ///
    /// ```
    /// # use saylau::district::{AgainstAllRule, Candidate, District, DistrictRules};
    /// let d = District {
    ///     name: "Astana-1".into(),
    ///     candidates: vec![
    ///         Candidate { name: "A".into(), party: Some("Amanat".into()), votes: 400 },
    ///         Candidate { name: "B".into(), party: None, votes: 350 },
    ///     ],
    ///     against_all: 500,
    /// };
    /// let leader = DistrictRules::default().decide(&d)?;
    /// assert_eq!((leader.winner, leader.against_all_won), (Some(0), true));
    /// let repeat = DistrictRules { against_all: AgainstAllRule::Repeat, ..Default::default() };
    /// assert_eq!(repeat.decide(&d)?.winner, None);
    /// # Ok::<(), saylau::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::NoCandidates`], [`Error::NoVotes`] (every candidate has zero
    /// votes), [`Error::DuplicateCandidate`], or [`Error::DistrictTie`] when
    /// leading candidates tie and the policy cannot decide.
    pub fn decide(&self, district: &District) -> Result<DistrictOutcome> {
        let name = || district.name.clone();
        if district.candidates.is_empty() {
            return Err(Error::NoCandidates { district: name() });
        }
        let mut seen = HashSet::new();
        for c in &district.candidates {
            if c.name.trim().is_empty() {
                return Err(Error::EmptyCandidateName { district: name() });
            }
            if !seen.insert(c.name.trim()) {
                return Err(Error::DuplicateCandidate { district: name(), candidate: c.name.clone() });
            }
        }
        let votes: Vec<u64> = district.candidates.iter().map(|c| c.votes).collect();
        self.decide_votes(&votes, district.against_all).map_err(|e| match e {
            Error::Tie { parties, .. } => Error::DistrictTie {
                district: name(),
                candidates: parties.iter().map(|&i| district.candidates[i].name.clone()).collect(),
            },
            Error::ZeroVotes | Error::NoParties => Error::NoVotes { district: name() },
            other => other,
        })
    }

    /// Decides a race from the candidates' votes alone (ballot order) and
    /// the "against all" votes: the core of [`DistrictRules::decide`], also
    /// used by the simulator.
    ///
    /// # Errors
    ///
    /// [`Error::NoParties`] without candidates, [`Error::ZeroVotes`] if every
    /// candidate has zero votes, [`Error::Tie`] (candidate positions) when the
    /// leaders tie and the policy cannot decide.
    pub fn decide_votes(&self, votes: &[u64], against_all: u64) -> Result<DistrictOutcome> {
        let (mut leader, tied) = plurality(votes).ok_or(Error::NoParties)?;
        let top = votes[leader];
        if top == 0 {
            return Err(Error::ZeroVotes);
        }
        let tie = if tied {
            let leaders: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] == top).collect();
            let resolution = crate::apportion::resolve_tie(leaders, 1, votes, self.ties)?;
            if resolution.is_open() {
                return Err(Error::Tie { parties: resolution.parties, seats: resolution.seats });
            }
            leader = resolution.winners[0];
            Some(resolution)
        } else {
            None
        };
        let (winner, against_all_won) = self.seat(leader, top, against_all);
        Ok(DistrictOutcome { winner, against_all_won, tie })
    }

    /// Who takes the seat when `leader` leads with `top` votes: the leader,
    /// or no one if "against all" polled more and the rule is
    /// [`AgainstAllRule::Repeat`]. Also whether "against all" polled more.
    #[inline]
    pub(crate) fn seat(&self, leader: usize, top: u64, against_all: u64) -> (Option<usize>, bool) {
        let against_all_won = against_all > top;
        let winner = match (against_all_won, self.against_all) {
            (true, AgainstAllRule::Repeat) => None,
            _ => Some(leader),
        };
        (winner, against_all_won)
    }
}

/// The first candidate with the most votes, and whether another has as many.
#[inline]
pub(crate) fn plurality(votes: &[u64]) -> Option<(usize, bool)> {
    let (&first, rest) = votes.split_first()?;
    let (mut leader, mut top, mut tied) = (0, first, false);
    for (i, &v) in rest.iter().enumerate() {
        if v > top {
            (leader, top, tied) = (i + 1, v, false);
        } else if v == top {
            tied = true;
        }
    }
    Some((leader, tied))
}

/// Checks that district names are non-empty and unique.
pub(crate) fn check_names(districts: &[District]) -> Result<()> {
    let mut seen = HashSet::new();
    for d in districts {
        if d.name.trim().is_empty() {
            return Err(Error::EmptyDistrictName);
        }
        if !seen.insert(d.name.trim()) {
            return Err(Error::DuplicateDistrict { district: d.name.clone() });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn race(votes: &[u64], against_all: u64) -> District {
        District {
            name: "D".into(),
            candidates: votes
                .iter()
                .enumerate()
                .map(|(i, &v)| Candidate { name: format!("C{i}"), party: None, votes: v })
                .collect(),
            against_all,
        }
    }

    #[test]
    fn plurality_elects_the_leader() {
        let o = DistrictRules::default().decide(&race(&[10, 30, 20], 5)).unwrap();
        assert_eq!(o, DistrictOutcome { winner: Some(1), against_all_won: false, tie: None });
    }

    #[test]
    fn against_all_equal_to_leader_does_not_win() {
        // "More than every candidate": a tie with the leader is not a win.
        let o = DistrictRules::default().decide(&race(&[30, 20], 30)).unwrap();
        assert!(!o.against_all_won);
    }

    #[test]
    fn tied_leaders_follow_the_policy() {
        let d = race(&[30, 30, 10], 0);
        assert_eq!(
            DistrictRules::default().decide(&d),
            Err(Error::DistrictTie { district: "D".into(), candidates: vec!["C0".into(), "C1".into()] })
        );
        let first = DistrictRules { ties: TieBreak::ListOrder, ..Default::default() }.decide(&d).unwrap();
        assert_eq!(first.winner, Some(0));
        let votes = DistrictRules { ties: TieBreak::MoreVotes, ..Default::default() }.decide(&d);
        assert!(matches!(votes, Err(Error::DistrictTie { .. })));
    }

    #[test]
    fn empty_races_are_input_errors() {
        assert_eq!(
            DistrictRules::default().decide(&race(&[], 5)),
            Err(Error::NoCandidates { district: "D".into() })
        );
        assert_eq!(
            DistrictRules::default().decide(&race(&[0, 0], 5)),
            Err(Error::NoVotes { district: "D".into() })
        );
        let mut d = race(&[1, 2], 0);
        d.candidates[1].name = "C0".into();
        assert!(matches!(DistrictRules::default().decide(&d), Err(Error::DuplicateCandidate { .. })));
    }
}
