//! Tie-break policies and the record of a tie that was broken.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};

use crate::error::{Error, Result};

/// What to do when the last seats cannot be given without choosing between
/// parties whose claims are exactly equal.
///
/// A tie exists only at the boundary: parties on equal quotients (or equal
/// remainders) that all get their seats are not tied.
///
/// # Example
///
/// ```
/// # use saylau::{Error, Method, TieBreak};
/// // Two parties with equal votes, one seat.
/// let tie = Method::DHondt.apportion(&[500, 500], 1);
/// assert_eq!(tie, Err(Error::Tie { parties: vec![0, 1], seats: 1 }));
/// let a = Method::DHondt.apportioner().ties(TieBreak::ListOrder).apportion(&[500, 500], 1)?;
/// assert_eq!(a.seats(), &[1, 0]);
/// assert_eq!(a.tie().unwrap().winners, vec![0]);
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TieBreak {
    /// Refuse: return [`Error::Tie`] naming the tied parties and the seats
    /// they contest. The default, so that no tie is ever broken silently.
    #[default]
    Error,
    /// Draw lots with a seeded ChaCha8 generator. Each tied party, in input
    /// order, draws one `u64`; the lowest draws win (equal draws: earlier
    /// party). The same seed always gives the same draw, on every platform.
    Lot {
        /// The seed of the draw.
        seed: u64,
    },
    /// The party listed first wins: registration order, which is the rule of
    /// Kazakhstan's election law for equal remainders.
    ListOrder,
    /// The party with more votes wins; if that still leaves a tie, as
    /// [`TieBreak::Error`].
    MoreVotes,
}

impl fmt::Display for TieBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TieBreak::Error => f.write_str("error"),
            TieBreak::Lot { seed } => write!(f, "lot:{seed}"),
            TieBreak::ListOrder => f.write_str("order"),
            TieBreak::MoreVotes => f.write_str("votes"),
        }
    }
}

impl FromStr for TieBreak {
    type Err = Error;

    /// Reads `error`, `lot` (seed 0), `lot:SEED`, `order` (also `list-order`)
    /// or `votes` (also `more-votes`), in any case.
    fn from_str(s: &str) -> Result<TieBreak> {
        let lower = s.trim().to_ascii_lowercase();
        let unknown = || Error::UnknownTieBreak(s.to_string());
        Ok(match lower.as_str() {
            "error" => TieBreak::Error,
            "lot" => TieBreak::Lot { seed: 0 },
            "order" | "list-order" => TieBreak::ListOrder,
            "votes" | "more-votes" => TieBreak::MoreVotes,
            other => match other.strip_prefix("lot:") {
                Some(seed) => TieBreak::Lot { seed: seed.trim().parse().map_err(|_| unknown())? },
                None => return Err(unknown()),
            },
        })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for TieBreak {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for TieBreak {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A tie that the policy broke: who was tied, for how many seats, who won.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TieResolution {
    /// The tied parties, in input order.
    pub parties: Vec<usize>,
    /// How many seats they contested.
    pub seats: u32,
    /// The parties that took those seats, in input order.
    pub winners: Vec<usize>,
    /// The policy that decided.
    pub policy: TieBreak,
}

/// Chooses `seats` winners among the tied `parties` (input order, all with
/// exactly equal claims) by `policy`.
///
/// A tie the policy cannot break ([`TieBreak::Error`], or
/// [`TieBreak::MoreVotes`] finding equal votes) is not an error here: the
/// record comes back *open* (`policy == TieBreak::Error`), naming the
/// parties still tied and the seats they contest, with provisional winners
/// (the tied parties listed first, after any that more votes did decide), so
/// that the count can finish and [`Apportioner::decide`](super::Apportioner::decide)
/// can report the certain seats without counting again.
pub(crate) fn resolve(
    parties: Vec<usize>,
    seats: u32,
    votes: &[u64],
    policy: TieBreak,
) -> Result<TieResolution> {
    let k = seats as usize;
    let mut order = parties.clone();
    match policy {
        TieBreak::Error => {
            let winners = order[..k].to_vec();
            return Ok(TieResolution { parties, seats, winners, policy: TieBreak::Error });
        }
        TieBreak::ListOrder => {}
        TieBreak::Lot { seed } => {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut keyed: Vec<(u64, usize)> = parties.iter().map(|&p| (rng.next_u64(), p)).collect();
            keyed.sort_unstable();
            order = keyed.into_iter().map(|(_, p)| p).collect();
        }
        TieBreak::MoreVotes => {
            order.sort_by(|&a, &b| votes[b].cmp(&votes[a]).then(a.cmp(&b)));
            let cut = votes[order[k - 1]];
            if order.get(k).is_some_and(|&p| votes[p] == cut) {
                // More votes decides the parties above the cut; those at the
                // cut stay tied for the rest.
                let better: Vec<usize> = order.iter().copied().filter(|&p| votes[p] > cut).collect();
                let tied: Vec<usize> = parties.iter().copied().filter(|&p| votes[p] == cut).collect();
                let open = (k - better.len()) as u32;
                let mut winners = better;
                winners.extend_from_slice(&tied[..open as usize]);
                winners.sort_unstable();
                return Ok(TieResolution { parties: tied, seats: open, winners, policy: TieBreak::Error });
            }
        }
    }
    let mut winners = order[..k].to_vec();
    winners.sort_unstable();
    Ok(TieResolution { parties, seats, winners, policy })
}

impl TieResolution {
    /// Is this tie still open: no rule could break it, and the winners are
    /// provisional?
    pub fn is_open(&self) -> bool {
        self.policy == TieBreak::Error
    }
}

/// Picks the `k` best of `cands` (`0 < k < cands.len()`), best first by
/// `better` (`Less` means the first argument is better). When the boundary
/// falls inside a group of equals, the group is resolved by `policy`.
/// Returns the chosen parties (any order) and the tie, if one was broken.
pub(crate) fn pick_best<F>(
    cands: &mut [usize],
    k: usize,
    better: F,
    votes: &[u64],
    policy: TieBreak,
) -> Result<(Vec<usize>, Option<TieResolution>)>
where
    F: Fn(usize, usize) -> Ordering,
{
    debug_assert!(k > 0 && k < cands.len());
    cands.select_nth_unstable_by(k - 1, |&a, &b| better(a, b));
    let pivot = cands[k - 1];
    if cands[k..].iter().all(|&p| better(pivot, p) == Ordering::Less) {
        return Ok((cands[..k].to_vec(), None));
    }
    let mut chosen: Vec<usize> =
        cands[..k].iter().copied().filter(|&p| better(p, pivot) == Ordering::Less).collect();
    let mut tied: Vec<usize> =
        cands.iter().copied().filter(|&p| better(p, pivot) == Ordering::Equal).collect();
    tied.sort_unstable();
    let contested = (k - chosen.len()) as u32;
    let resolution = resolve(tied, contested, votes, policy)?;
    chosen.extend_from_slice(&resolution.winners);
    Ok((chosen, Some(resolution)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for t in [TieBreak::Error, TieBreak::Lot { seed: 42 }, TieBreak::ListOrder, TieBreak::MoreVotes] {
            assert_eq!(t.to_string().parse::<TieBreak>().unwrap(), t);
        }
        assert_eq!("LOT".parse::<TieBreak>().unwrap(), TieBreak::Lot { seed: 0 });
        assert!("coin".parse::<TieBreak>().is_err());
        assert!("lot:x".parse::<TieBreak>().is_err());
    }

    #[test]
    fn more_votes_leaves_the_tie_open_on_equal_votes() {
        let votes = [10, 10, 10, 20];
        let r = resolve(vec![0, 1, 2, 3], 2, &votes, TieBreak::MoreVotes).unwrap();
        assert!(r.is_open());
        assert_eq!((r.parties, r.seats), (vec![0, 1, 2], 1));
        // Party 3 won by more votes; party 0 holds the open seat provisionally.
        assert_eq!(r.winners, vec![0, 3]);
        let r = resolve(vec![0, 1, 3], 1, &votes, TieBreak::MoreVotes).unwrap();
        assert_eq!(r.winners, vec![3]);
        assert!(!r.is_open());
    }

    #[test]
    fn lot_is_deterministic_and_depends_on_seed() {
        let votes = [1u64; 16];
        let all: Vec<usize> = (0..16).collect();
        let a = resolve(all.clone(), 8, &votes, TieBreak::Lot { seed: 7 }).unwrap();
        let b = resolve(all.clone(), 8, &votes, TieBreak::Lot { seed: 7 }).unwrap();
        assert_eq!(a, b);
        let draws: std::collections::BTreeSet<Vec<usize>> = (0..8)
            .map(|seed| resolve(all.clone(), 8, &votes, TieBreak::Lot { seed }).unwrap().winners)
            .collect();
        assert!(draws.len() > 1, "different seeds should give different draws");
    }
}
