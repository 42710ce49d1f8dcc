//! Disproportionality and fragmentation indices of an election result.
//!
//! Every index compares each party's share of the votes with its share of
//! the seats. Shares are computed from the integer counts (`votes / base`,
//! `seats / seats_total`) and the indices are real numbers (`f64`): they
//! describe a result, they never decide one.
//!
//! # The vote base
//!
//! [`Metrics::compute`] takes the parties' votes, their seats and
//! `extra_votes`: votes that count in the base but are not a party's and
//! elected nobody, such as Kazakhstan's "against all" line (the same base as
//! the legal threshold) or the votes of lists not given separately.
//!
//! - **Disproportionality** (Gallagher, Loosemore–Hanby, Sainte-Laguë,
//!   D'Hondt, Rae, advantage ratios, seat bonus) uses vote shares of the
//!   *vote base* `V = Σ votes + extra_votes`, below-threshold parties
//!   included. In the sums of Gallagher, Loosemore–Hanby and Sainte-Laguë the
//!   `extra_votes` count as **one more group with no seats**, so that both the
//!   vote shares and the seat shares add up to 100% (a party may not be
//!   unrepresented more cheaply by being called "against all"). Pass
//!   `extra_votes = 0` to leave them out entirely.
//! - **Fragmentation** (effective numbers, Golosov) is over the parties only:
//!   vote shares of `Σ votes`, without `extra_votes` ("against all" is not a
//!   party); seat shares of `Σ seats`.
//!
//! Shares are in **percent** (0 to 100) for the disproportionality indices,
//! as in the literature; the effective numbers use fractions.
//!
//! # References
//!
//! - M. Gallagher, "Proportionality, disproportionality and electoral
//!   systems", *Electoral Studies* 10(1), 1991, pp. 33–51 (least squares,
//!   Sainte-Laguë and D'Hondt indices).
//! - J. Loosemore and V. J. Hanby, "The theoretical limits of maximum
//!   distortion: some analytic expressions for electoral systems", *British
//!   Journal of Political Science* 1(4), 1971, pp. 467–477.
//! - D. W. Rae, *The Political Consequences of Electoral Laws*, Yale
//!   University Press, 1967.
//! - M. Laakso and R. Taagepera, "'Effective' number of parties: a measure
//!   with application to West Europe", *Comparative Political Studies* 12(1),
//!   1979, pp. 3–27.
//! - G. V. Golosov, "The effective number of parties: a new approach", *Party
//!   Politics* 16(2), 2010, pp. 171–192.
//!
//! # Example
//!
//! ```
//! use saylau::metrics::Metrics;
//! // Two parties, 60% and 40% of the votes, 7 and 3 of 10 seats.
//! let m = Metrics::compute(&[600, 400], &[7, 3], 0)?;
//! // Gallagher: sqrt(((60 - 70)^2 + (40 - 30)^2) / 2) = 10.
//! assert!((m.gallagher - 10.0).abs() < 1e-9);
//! // Loosemore–Hanby: (10 + 10) / 2 = 10.
//! assert!((m.loosemore_hanby - 10.0).abs() < 1e-9);
//! // Effective number of parties by votes: 1 / (0.36 + 0.16).
//! assert!((m.enep - 1.0 / 0.52).abs() < 1e-9);
//! assert_eq!(m.largest_party, 0);
//! assert!((m.largest_party_bonus - 10.0).abs() < 1e-9);
//! # Ok::<(), saylau::Error>(())
//! ```

use crate::arith::cmp_products;
use crate::error::{Error, Result};
use crate::ratio::Ratio;
use crate::system::{Ballots, BodyResult};

/// Rae's original cut-off: parties under 0.5% of the vote base are left out
/// of his index (Rae 1967). As an exact [`Ratio`] of percent: 1/2.
pub const RAE_CUTOFF_PERCENT: Ratio = Ratio::from_parts(1, 2);

/// Disproportionality and fragmentation of one result. See the
/// [module docs](self) for the bases and the references.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Metrics {
    /// The vote base `Σ votes + extra_votes` of the disproportionality indices.
    pub vote_base: u128,
    /// The votes in the base that belong to no party (`extra_votes`).
    pub extra_votes: u64,
    /// The seats: `Σ seats`.
    pub seats_total: u64,
    /// Each party's share of the vote base, in percent (input order).
    pub vote_shares: Vec<f64>,
    /// Each party's share of the seats, in percent (input order).
    pub seat_shares: Vec<f64>,
    /// Gallagher's least-squares index, in percentage points:
    /// `sqrt(½ Σ (v_i − s_i)²)`, with the extra votes as one seatless group.
    pub gallagher: f64,
    /// Loosemore–Hanby index, in percentage points: `½ Σ |v_i − s_i|`, with
    /// the extra votes as one seatless group. The share of seats held by
    /// parties beyond their vote share.
    pub loosemore_hanby: f64,
    /// Rae's index, in percentage points: the mean of `|v_i − s_i|` over the
    /// parties in [`Metrics::rae_parties`] (vote share at least
    /// [`RAE_CUTOFF_PERCENT`], Rae's original rule; the extra votes are not a
    /// party here). `None` if no party reaches the cut-off.
    pub rae: Option<f64>,
    /// The parties included in [`Metrics::rae`] (input positions).
    pub rae_parties: Vec<usize>,
    /// Sainte-Laguë index `Σ (s_i − v_i)² / v_i` over parties with votes
    /// (shares in percent), with the extra votes as one seatless group.
    pub sainte_lague: f64,
    /// D'Hondt index `max s_i / v_i`: the largest ratio of seat share to vote
    /// share. `None` if a party has seats but no votes (the ratio is
    /// infinite).
    pub dhondt: Option<f64>,
    /// Effective number of parties by votes (Laakso–Taagepera) `1 / Σ p_i²`,
    /// `p_i` the share of the parties' votes `Σ votes`.
    pub enep: f64,
    /// Effective number of parties by seats (Laakso–Taagepera) `1 / Σ p_i²`.
    pub enpp: f64,
    /// Golosov's effective number by votes `Σ p_i / (p_i + p_1² − p_i²)`,
    /// `p_1` the largest share, over parties with votes.
    pub golosov_votes: f64,
    /// Golosov's effective number by seats, over parties with seats.
    pub golosov_seats: f64,
    /// Votes that elected nobody: parties without seats (below the threshold
    /// or too small), plus `extra_votes`.
    pub wasted_votes: u128,
    /// `wasted_votes` as a percent of the vote base.
    pub wasted_share: f64,
    /// Each party's advantage ratio, seat share / vote share (`None` for a
    /// party without votes).
    pub advantage_ratios: Vec<Option<f64>>,
    /// The party with the most votes (the first listed of equals).
    pub largest_party: usize,
    /// The largest party's seat bonus, seat share − vote share, in
    /// percentage points (negative for a penalty).
    pub largest_party_bonus: f64,
}

impl Metrics {
    /// Computes every index from `votes` and `seats` (same order) and
    /// `extra_votes` (votes in the base that elected nobody and belong to no
    /// party, such as "against all").
    ///
    /// # Errors
    ///
    /// [`Error::NoParties`] for empty slices; [`Error::LengthMismatch`] if the
    /// slices differ in length; [`Error::ZeroVotes`] if no party has votes;
    /// [`Error::NoSeats`] if no party has seats.
    pub fn compute(votes: &[u64], seats: &[u32], extra_votes: u64) -> Result<Metrics> {
        if votes.is_empty() {
            return Err(Error::NoParties);
        }
        if votes.len() != seats.len() {
            return Err(Error::LengthMismatch {
                what: "metrics: seat counts for the vote counts",
                expected: votes.len(),
                given: seats.len(),
            });
        }
        let party_votes: u128 = votes.iter().map(|&v| v as u128).sum();
        if party_votes == 0 {
            return Err(Error::ZeroVotes);
        }
        let seats_total: u64 = seats.iter().map(|&s| s as u64).sum();
        if seats_total == 0 {
            return Err(Error::NoSeats);
        }
        let vote_base = party_votes + extra_votes as u128;
        let pct = |x: u128, of: u128| x as f64 * 100.0 / of as f64;
        let vote_shares: Vec<f64> = votes.iter().map(|&v| pct(v as u128, vote_base)).collect();
        let seat_shares: Vec<f64> = seats.iter().map(|&s| pct(s as u128, seats_total as u128)).collect();
        let extra_share = pct(extra_votes as u128, vote_base);

        let diffs = vote_shares.iter().zip(&seat_shares).map(|(v, s)| v - s);
        let squares: f64 = diffs.clone().map(|d| d * d).sum::<f64>() + extra_share * extra_share;
        let gallagher = (squares / 2.0).sqrt();
        let loosemore_hanby = (diffs.map(f64::abs).sum::<f64>() + extra_share) / 2.0;

        let rae_parties: Vec<usize> =
            (0..votes.len()).filter(|&i| reaches(votes[i], vote_base, RAE_CUTOFF_PERCENT)).collect();
        let rae = (!rae_parties.is_empty()).then(|| {
            rae_parties.iter().map(|&i| (vote_shares[i] - seat_shares[i]).abs()).sum::<f64>()
                / rae_parties.len() as f64
        });

        let sainte_lague = (0..votes.len())
            .filter(|&i| votes[i] > 0)
            .map(|i| (seat_shares[i] - vote_shares[i]).powi(2) / vote_shares[i])
            .sum::<f64>()
            + extra_share;

        let dhondt = if (0..votes.len()).any(|i| votes[i] == 0 && seats[i] > 0) {
            None
        } else {
            (0..votes.len())
                .filter(|&i| votes[i] > 0)
                .map(|i| seat_shares[i] / vote_shares[i])
                .fold(None, |m: Option<f64>, r| Some(m.map_or(r, |m| m.max(r))))
        };

        let vote_fractions: Vec<f64> = votes.iter().map(|&v| v as f64 / party_votes as f64).collect();
        let seat_fractions: Vec<f64> = seats.iter().map(|&s| s as f64 / seats_total as f64).collect();

        let wasted_votes =
            votes.iter().zip(seats).filter(|&(_, &s)| s == 0).map(|(&v, _)| v as u128).sum::<u128>()
                + extra_votes as u128;

        let advantage_ratios =
            (0..votes.len()).map(|i| (votes[i] > 0).then(|| seat_shares[i] / vote_shares[i])).collect();
        let largest_party = largest(votes);

        Ok(Metrics {
            vote_base,
            extra_votes,
            seats_total,
            gallagher,
            loosemore_hanby,
            rae,
            rae_parties,
            sainte_lague,
            dhondt,
            enep: effective_number(&vote_fractions),
            enpp: effective_number(&seat_fractions),
            golosov_votes: golosov(&vote_fractions),
            golosov_seats: golosov(&seat_fractions),
            wasted_votes,
            wasted_share: pct(wasted_votes, vote_base),
            advantage_ratios,
            largest_party,
            largest_party_bonus: seat_shares[largest_party] - vote_shares[largest_party],
            vote_shares,
            seat_shares,
        })
    }

    /// The indices of a body's **list tier**: each list's votes against its
    /// list seats, with `result.parties` in their order (parties that ran only
    /// in districts are left out), and `against_all` as the extra votes.
    ///
    /// # Errors
    ///
    /// As [`Metrics::compute`]; [`Error::NoParties`] if the result has no lists.
    pub fn list_tier(result: &BodyResult, against_all: u64) -> Result<Metrics> {
        let lists: Vec<_> =
            result.parties.iter().filter_map(|p| p.votes.map(|v| (v, p.list_seats))).collect();
        let votes: Vec<u64> = lists.iter().map(|l| l.0).collect();
        let seats: Vec<u32> = lists.iter().map(|l| l.1).collect();
        Metrics::compute(&votes, &seats, against_all)
    }

    /// The indices of the **whole body**: each party's list votes against its
    /// total seats (list plus single-member), with `against_all` as the extra
    /// votes.
    ///
    /// The list vote is the only nationwide measure of party support, so it
    /// is the vote side; the seat side is every seat a party holds, which is
    /// what a parallel system's disproportionality is about. A party that ran
    /// only in districts counts with zero list votes (so [`Metrics::dhondt`]
    /// becomes `None` if it won a seat). Seats of self-nominated members and
    /// vacant seats are not any party's: they are left out of the seat base.
    ///
    /// # Errors
    ///
    /// As [`Metrics::compute`].
    pub fn whole_body(result: &BodyResult, against_all: u64) -> Result<Metrics> {
        let votes: Vec<u64> = result.parties.iter().map(|p| p.votes.unwrap_or(0)).collect();
        let seats: Vec<u32> = result.parties.iter().map(|p| p.seats).collect();
        Metrics::compute(&votes, &seats, against_all)
    }
}

/// One of the indices of [`Metrics`]: the registry of their keys (the JSON
/// and CSV names), their names for people and what they mean, in the order
/// they are shown.
///
/// ```
/// use saylau::metrics::Index;
/// assert_eq!(Index::ALL.len(), 13);
/// assert_eq!(Index::Gallagher.key(), "gallagher");
/// assert_eq!(Index::Gallagher.name(), "Gallagher");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Index {
    /// [`Metrics::gallagher`].
    Gallagher,
    /// [`Metrics::loosemore_hanby`].
    LoosemoreHanby,
    /// [`Metrics::rae`].
    Rae,
    /// [`Metrics::sainte_lague`].
    SainteLague,
    /// [`Metrics::dhondt`].
    DHondt,
    /// [`Metrics::enep`].
    Enep,
    /// [`Metrics::enpp`].
    Enpp,
    /// [`Metrics::golosov_votes`].
    GolosovVotes,
    /// [`Metrics::golosov_seats`].
    GolosovSeats,
    /// [`Metrics::wasted_votes`].
    WastedVotes,
    /// [`Metrics::wasted_share`].
    WastedShare,
    /// [`Metrics::largest_party`], by name.
    LargestParty,
    /// [`Metrics::largest_party_bonus`].
    LargestPartyBonus,
}

impl Index {
    /// Every index, in the order they are shown.
    pub const ALL: [Index; 13] = [
        Index::Gallagher,
        Index::LoosemoreHanby,
        Index::Rae,
        Index::SainteLague,
        Index::DHondt,
        Index::Enep,
        Index::Enpp,
        Index::GolosovVotes,
        Index::GolosovSeats,
        Index::WastedVotes,
        Index::WastedShare,
        Index::LargestParty,
        Index::LargestPartyBonus,
    ];

    /// The key: the field name in JSON and the `index` column in CSV.
    pub fn key(self) -> &'static str {
        self.registry().0
    }

    /// The index's name for people.
    pub fn name(self) -> &'static str {
        self.registry().1
    }

    /// What the index means, in a line.
    pub fn meaning(self) -> &'static str {
        self.registry().2
    }

    fn registry(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Index::Gallagher => (
                "gallagher",
                "Gallagher",
                "least-squares gap between vote and seat shares (points; 0 = proportional)",
            ),
            Index::LoosemoreHanby => {
                ("loosemore_hanby", "Loosemore-Hanby", "share of seats held beyond vote shares (points)")
            }
            Index::Rae => {
                ("rae", "Rae", "mean |vote share - seat share| over parties with at least 0.5% (points)")
            }
            Index::SainteLague => {
                ("sainte_lague", "Sainte-Lague", "sum of (seat share - vote share)^2 / vote share")
            }
            Index::DHondt => {
                ("dhondt", "D'Hondt", "largest seat share / vote share: the most over-represented party")
            }
            Index::Enep => ("enep", "ENEP", "effective number of parties by votes (Laakso-Taagepera)"),
            Index::Enpp => ("enpp", "ENPP", "effective number of parties by seats (Laakso-Taagepera)"),
            Index::GolosovVotes => {
                ("golosov_votes", "Golosov (votes)", "Golosov's effective number of parties by votes")
            }
            Index::GolosovSeats => {
                ("golosov_seats", "Golosov (seats)", "Golosov's effective number of parties by seats")
            }
            Index::WastedVotes => (
                "wasted_votes",
                "wasted votes",
                "votes that elected nobody (lists without seats, \"against all\")",
            ),
            Index::WastedShare => {
                ("wasted_share", "wasted share %", "wasted votes as a share of the vote base")
            }
            Index::LargestParty => ("largest_party", "largest party", "the party with the most votes"),
            Index::LargestPartyBonus => {
                ("largest_party_bonus", "largest party bonus", "its seat share minus its vote share (points)")
            }
        }
    }
}

/// The value of an [`Index`] in one tier.
#[derive(Debug, Clone, PartialEq)]
pub enum IndexValue {
    /// A real number (shares in percent or percentage points, ratios,
    /// effective numbers).
    Real(f64),
    /// Not defined for this result (Rae with no party over the cut-off,
    /// D'Hondt with seats won without votes).
    Undefined,
    /// A number of votes.
    Votes(u128),
    /// A party, by name.
    Party(String),
}

/// A party's figures in one tier, by name: votes and seats as counted, and
/// the shares the indices compare.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PartyShare {
    /// The party.
    pub party: String,
    /// Its votes.
    pub votes: u64,
    /// Its seats.
    pub seats: u32,
    /// Its share of the vote base, in percent.
    pub vote_share: f64,
    /// Its share of the seats, in percent.
    pub seat_share: f64,
    /// Seat share / vote share (`None` for a party without votes).
    pub advantage_ratio: Option<f64>,
}

/// The indices of one tier with every party named: [`Metrics`] (the
/// figures of the whole tier) and one [`PartyShare`] per party.
///
/// ```
/// use saylau::metrics::{Index, IndexValue, TierMetrics};
/// let t = TierMetrics::new(&[("A", 600, 7), ("B", 400, 3)], 0)?;
/// assert_eq!(t.largest_party(), "A");
/// assert_eq!(t.parties[1].party, "B");
/// assert_eq!(t.parties[1].seat_share, 30.0);
/// assert_eq!(t.value(Index::LargestParty), IndexValue::Party("A".into()));
/// assert_eq!(t.value(Index::WastedVotes), IndexValue::Votes(0));
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct TierMetrics {
    /// The tier's indices.
    pub metrics: Metrics,
    /// The parties, in the order given.
    pub parties: Vec<PartyShare>,
}

impl TierMetrics {
    /// The indices of `parties` (name, votes, seats) with `extra_votes` in
    /// the vote base (see [`Metrics::compute`]).
    ///
    /// # Errors
    ///
    /// As [`Metrics::compute`].
    pub fn new<S: AsRef<str>>(parties: &[(S, u64, u32)], extra_votes: u64) -> Result<TierMetrics> {
        let votes: Vec<u64> = parties.iter().map(|p| p.1).collect();
        let seats: Vec<u32> = parties.iter().map(|p| p.2).collect();
        let metrics = Metrics::compute(&votes, &seats, extra_votes)?;
        let parties = parties
            .iter()
            .enumerate()
            .map(|(i, (name, votes, seats))| PartyShare {
                party: name.as_ref().to_string(),
                votes: *votes,
                seats: *seats,
                vote_share: metrics.vote_shares[i],
                seat_share: metrics.seat_shares[i],
                advantage_ratio: metrics.advantage_ratios[i],
            })
            .collect();
        Ok(TierMetrics { metrics, parties })
    }

    /// The list tier, by name: as [`Metrics::list_tier`].
    ///
    /// # Errors
    ///
    /// As [`Metrics::list_tier`].
    pub fn list_tier(result: &BodyResult, against_all: u64) -> Result<TierMetrics> {
        let lists: Vec<(&str, u64, u32)> = result
            .parties
            .iter()
            .filter_map(|p| p.votes.map(|v| (p.party.as_str(), v, p.list_seats)))
            .collect();
        TierMetrics::new(&lists, against_all)
    }

    /// The whole body, by name: as [`Metrics::whole_body`].
    ///
    /// # Errors
    ///
    /// As [`Metrics::whole_body`].
    pub fn whole_body(result: &BodyResult, against_all: u64) -> Result<TierMetrics> {
        let parties: Vec<(&str, u64, u32)> =
            result.parties.iter().map(|p| (p.party.as_str(), p.votes.unwrap_or(0), p.seats)).collect();
        TierMetrics::new(&parties, against_all)
    }

    /// The name of the party with the most votes (the first listed of
    /// equals).
    pub fn largest_party(&self) -> &str {
        self.parties.get(self.metrics.largest_party).map_or("", |p| p.party.as_str())
    }

    /// The value of one index.
    pub fn value(&self, index: Index) -> IndexValue {
        let m = &self.metrics;
        let real = |v: Option<f64>| v.map_or(IndexValue::Undefined, IndexValue::Real);
        match index {
            Index::Gallagher => IndexValue::Real(m.gallagher),
            Index::LoosemoreHanby => IndexValue::Real(m.loosemore_hanby),
            Index::Rae => real(m.rae),
            Index::SainteLague => IndexValue::Real(m.sainte_lague),
            Index::DHondt => real(m.dhondt),
            Index::Enep => IndexValue::Real(m.enep),
            Index::Enpp => IndexValue::Real(m.enpp),
            Index::GolosovVotes => IndexValue::Real(m.golosov_votes),
            Index::GolosovSeats => IndexValue::Real(m.golosov_seats),
            Index::WastedVotes => IndexValue::Votes(m.wasted_votes),
            Index::WastedShare => IndexValue::Real(m.wasted_share),
            Index::LargestParty => IndexValue::Party(self.largest_party().to_string()),
            Index::LargestPartyBonus => IndexValue::Real(m.largest_party_bonus),
        }
    }
}

/// Votes cast in single-member districts that elected nobody.
#[derive(Debug, Clone, Copy, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DistrictWaste {
    /// All votes cast in the districts: every candidate plus "against all".
    pub cast: u128,
    /// Votes for candidates who lost, plus "against all", plus every vote in
    /// a district left vacant.
    pub wasted: u128,
    /// `wasted` as a percent of `cast` (`None` if nothing was cast).
    pub share: Option<f64>,
}

/// The district votes that elected nobody, from the ballots and the body's
/// result (the winner of each district is found by name, in the same order).
///
/// ```
/// use saylau::district::{Candidate, District};
/// use saylau::metrics::district_waste;
/// use saylau::system::{Ballots, Body, DistrictTier};
/// let body = Body { name: "x".into(), list: None, preset: None,
///     districts: Some(DistrictTier { seats: 1, rules: Default::default() }) };
/// let ballots = Ballots { districts: vec![District { name: "D1".into(), against_all: 10,
///     candidates: vec![
///         Candidate { name: "A".into(), party: None, votes: 60 },
///         Candidate { name: "B".into(), party: None, votes: 30 },
///     ] }], ..Default::default() };
/// let w = district_waste(&ballots, &body.elect(&ballots)?);
/// assert_eq!((w.cast, w.wasted), (100, 40));
/// # Ok::<(), saylau::Error>(())
/// ```
pub fn district_waste(ballots: &Ballots, result: &BodyResult) -> DistrictWaste {
    let mut cast = 0u128;
    let mut wasted = 0u128;
    for (i, d) in ballots.districts.iter().enumerate() {
        let all = d.candidates.iter().map(|c| c.votes as u128).sum::<u128>() + d.against_all as u128;
        cast += all;
        let winner = result.districts.get(i).and_then(|r| r.winner.as_deref());
        let won =
            winner.and_then(|w| d.candidates.iter().find(|c| c.name == w)).map_or(0, |c| c.votes as u128);
        wasted += all - won;
    }
    DistrictWaste { cast, wasted, share: (cast > 0).then(|| wasted as f64 * 100.0 / cast as f64) }
}

/// Rae's index with another cut-off: the mean `|v_i − s_i|` (percentage
/// points, shares as in [`Metrics`]) over parties whose vote share of
/// `Σ votes + extra_votes` is at least `cutoff_percent` (exactly compared).
/// Returns the index and the parties included; the index is `None` if none
/// is.
///
/// ```
/// use saylau::Ratio;
/// use saylau::metrics::rae;
/// // All parties (cut-off 0): (|50-60| + |30-40| + |20-0|) / 3 = 13.33...
/// let (index, included) = rae(&[50, 30, 20], &[6, 4, 0], 0, Ratio::ZERO)?;
/// assert_eq!(included, vec![0, 1, 2]);
/// assert!((index.unwrap() - 40.0 / 3.0).abs() < 1e-9);
/// // A 25% cut-off leaves out the third party: (10 + 10) / 2.
/// let (index, included) = rae(&[50, 30, 20], &[6, 4, 0], 0, Ratio::integer(25))?;
/// assert_eq!(included, vec![0, 1]);
/// assert!((index.unwrap() - 10.0).abs() < 1e-9);
/// # Ok::<(), saylau::Error>(())
/// ```
///
/// # Errors
///
/// As [`Metrics::compute`].
pub fn rae(
    votes: &[u64],
    seats: &[u32],
    extra_votes: u64,
    cutoff_percent: Ratio,
) -> Result<(Option<f64>, Vec<usize>)> {
    let m = Metrics::compute(votes, seats, extra_votes)?;
    let included: Vec<usize> =
        (0..votes.len()).filter(|&i| reaches(votes[i], m.vote_base, cutoff_percent)).collect();
    let index = (!included.is_empty()).then(|| {
        included.iter().map(|&i| (m.vote_shares[i] - m.seat_shares[i]).abs()).sum::<f64>()
            / included.len() as f64
    });
    Ok((index, included))
}

/// `votes / base >= percent / 100`, exactly.
fn reaches(votes: u64, base: u128, percent: Ratio) -> bool {
    cmp_products(votes as u128 * 100, percent.denom(), percent.numer(), base).is_ge()
}

/// The first position with the most votes.
fn largest(votes: &[u64]) -> usize {
    let mut best = 0;
    for (i, &v) in votes.iter().enumerate() {
        if v > votes[best] {
            best = i;
        }
    }
    best
}

/// Laakso–Taagepera `1 / Σ p²` of fractions summing to 1.
fn effective_number(p: &[f64]) -> f64 {
    1.0 / p.iter().map(|x| x * x).sum::<f64>()
}

/// Golosov's `Σ p_i / (p_i + p_1² − p_i²)` over `p_i > 0`.
fn golosov(p: &[f64]) -> f64 {
    let top = p.iter().copied().fold(0.0, f64::max);
    p.iter().filter(|&&x| x > 0.0).map(|&x| x / (x + top * top - x * x)).sum()
}
