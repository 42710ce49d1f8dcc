//! `allocate`: one apportionment of a table of votes, with a threshold and
//! "against all".

use std::collections::HashMap;

use super::error::{RequestError, prefixed, vote_table_tie};
use crate::apportion::{Allocation, Apportioner, Audit, ExcessPolicy, Method, TieBreak};
use crate::describe::view::AllocationView;
use crate::describe::view::allocation::Counted;
use crate::describe::words::{counted, thousands};
use crate::error::{Error, ErrorKind};
use crate::threshold::Threshold;
use crate::votes::PartyVotes;

/// The parties of a vote table: their votes in input order and, when the
/// input names them, their names. Unnamed parties are named by their
/// position, counting from 0.
///
/// In a request's JSON: `[{"party": "A", "votes": 600}, ...]`, or the votes
/// alone, `[600, 400]`.
///
/// ```
/// # use saylau::request::Parties;
/// let p: Parties = serde_json::from_str(r#"[{"party": "A", "votes": 600}, {"party": "B", "votes": 400}]"#)?;
/// assert_eq!(p.votes(), &[600, 400]);
/// assert_eq!(p.names().unwrap()[1], "B");
/// let q: Parties = serde_json::from_str("[600, 400]")?;
/// assert!(q.names().is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parties {
    names: Option<Vec<String>>,
    votes: Vec<u64>,
}

impl Parties {
    /// Parties known by position only.
    pub fn unnamed(votes: Vec<u64>) -> Parties {
        Parties { names: None, votes }
    }

    /// Named parties: `names` and `votes` in the same order. The names are
    /// checked when the request runs (none empty, none twice).
    ///
    /// # Errors
    ///
    /// [`Error::LengthMismatch`] when the lengths differ.
    pub fn named(names: Vec<String>, votes: Vec<u64>) -> Result<Parties, Error> {
        if names.len() != votes.len() {
            return Err(Error::LengthMismatch {
                what: "party names for the vote counts",
                expected: votes.len(),
                given: names.len(),
            });
        }
        Ok(Parties { names: Some(names), votes })
    }

    /// The votes, in input order.
    pub fn votes(&self) -> &[u64] {
        &self.votes
    }

    /// The names, when the input gave them.
    pub fn names(&self) -> Option<&[String]> {
        self.names.as_deref()
    }

    /// Every party's name: its own, or its position.
    pub fn labels(&self) -> Vec<String> {
        match &self.names {
            Some(n) => n.iter().map(|s| s.trim().to_string()).collect(),
            None => (0..self.votes.len()).map(|i| i.to_string()).collect(),
        }
    }

    /// Refuses an empty or repeated name (names are compared trimmed). A
    /// short list is compared pair by pair on the stack, without allocating.
    fn check_names(&self) -> Result<(), Error> {
        /// Up to this many names, pairs are compared directly.
        const PAIRWISE: usize = 32;
        let Some(names) = &self.names else { return Ok(()) };
        if names.len() <= PAIRWISE {
            let mut trimmed: smallvec::SmallVec<[&str; PAIRWISE]> = smallvec::SmallVec::new();
            for (index, name) in names.iter().enumerate() {
                let name = name.trim();
                if name.is_empty() {
                    return Err(Error::EmptyPartyName { index });
                }
                if let Some(first) = trimmed.iter().position(|n| n.len() == name.len() && *n == name) {
                    return Err(Error::DuplicateParty { name: name.to_string(), first, second: index });
                }
                trimmed.push(name);
            }
            return Ok(());
        }
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(names.len());
        for (index, name) in names.iter().enumerate() {
            let name = name.trim();
            if name.is_empty() {
                return Err(Error::EmptyPartyName { index });
            }
            if let Some(first) = seen.insert(name, index) {
                return Err(Error::DuplicateParty { name: name.to_string(), first, second: index });
            }
        }
        Ok(())
    }
}

impl From<PartyVotes> for Parties {
    fn from(p: PartyVotes) -> Parties {
        Parties { names: Some(p.names().to_vec()), votes: p.votes().to_vec() }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Parties {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        #[derive(serde::Serialize)]
        struct Row<'a> {
            party: &'a str,
            votes: u64,
        }
        let mut seq = s.serialize_seq(Some(self.votes.len()))?;
        match &self.names {
            Some(names) => {
                for (party, &votes) in names.iter().zip(&self.votes) {
                    seq.serialize_element(&Row { party, votes })?;
                }
            }
            None => {
                for v in &self.votes {
                    seq.serialize_element(v)?;
                }
            }
        }
        seq.end()
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Parties {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Row {
            party: String,
            votes: u64,
        }
        #[derive(serde::Deserialize)]
        #[serde(untagged, expecting = "a party's votes, or {\"party\": NAME, \"votes\": VOTES}")]
        enum Entry {
            Votes(u64),
            Named(Row),
        }
        let entries = Vec::<Entry>::deserialize(d)?;
        let named = entries.iter().filter(|e| matches!(e, Entry::Named(_))).count();
        if named != 0 && named != entries.len() {
            return Err(serde::de::Error::custom(
                "give every party as {\"party\": NAME, \"votes\": VOTES}, or every party as its votes alone, not both",
            ));
        }
        let mut p = Parties { names: (named > 0).then(Vec::new), votes: Vec::with_capacity(entries.len()) };
        for e in entries {
            match e {
                Entry::Votes(v) => p.votes.push(v),
                Entry::Named(r) => {
                    p.votes.push(r.votes);
                    if let Some(n) = &mut p.names {
                        n.push(r.party);
                    }
                }
            }
        }
        Ok(p)
    }
}

/// `allocate`: seats for a table of votes under one method, with a
/// threshold, "against all" and a tie policy.
///
/// ```
/// # use saylau::request::{AllocateRequest, Parties};
/// # use saylau::{Method, TieBreak};
/// // The 2023 Mazhilis lists: Hare, 69 seats, 5% of party votes plus "against all".
/// let votes = vec![3_431_510, 693_938, 547_154, 535_139, 432_920, 331_058, 146_431];
/// let mut r = AllocateRequest::new(Parties::unnamed(votes), 69, Method::HARE);
/// r.threshold = Some("5".parse()?);
/// r.against_all = 248_291;
/// r.ties = TieBreak::ListOrder;
/// let counted = r.count()?;
/// assert_eq!(counted.allocation.seats(), &[40, 8, 6, 6, 5, 4, 0]);
/// assert_eq!(counted.eligible[6], false);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AllocateRequest {
    /// Where the votes come from (a file's name), said first in messages.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub source: Option<String>,
    /// The parties and their votes.
    pub parties: Parties,
    /// The seats to fill, at least 1.
    pub seats: u32,
    /// The method.
    pub method: Method,
    /// The legal threshold, in percent of the parties' votes plus "against all".
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub threshold: Option<Threshold>,
    /// Votes "against all": in the threshold base, never given seats.
    #[cfg_attr(feature = "serde", serde(default))]
    pub against_all: u64,
    /// Admit the best parties below the threshold until this many take part (0: off).
    #[cfg_attr(feature = "serde", serde(default))]
    pub min_parties: usize,
    /// The tie policy (default: refuse).
    #[cfg_attr(feature = "serde", serde(default))]
    pub ties: TieBreak,
    /// The seed of a draw by lot, when `ties` is `lot` without its own seed.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub seed: Option<u64>,
    /// What a quota that gives too many whole seats does.
    #[cfg_attr(feature = "serde", serde(default))]
    pub excess: ExcessPolicy,
    /// Whether the view carries the audit trail.
    #[cfg_attr(feature = "serde", serde(default))]
    pub explain: bool,
}

/// What an [`AllocateRequest`] counted.
#[derive(Debug, Clone, PartialEq)]
pub struct Allocated {
    /// Whether each party took part (passed the threshold).
    pub eligible: Vec<bool>,
    /// The seats.
    pub allocation: Allocation,
    /// The tie policy applied (with the seed of a draw).
    pub ties: TieBreak,
}

/// The output of an [`AllocateRequest`]: its source and its view.
#[derive(Debug, Clone, PartialEq)]
pub struct AllocationOutput {
    /// Where the votes came from, for the text's heading.
    pub source: String,
    /// The view.
    pub view: AllocationView,
}

impl AllocateRequest {
    /// A request for `seats` seats by `method`: no threshold, no "against
    /// all", ties refused.
    pub fn new(parties: Parties, seats: u32, method: Method) -> AllocateRequest {
        AllocateRequest {
            source: None,
            parties,
            seats,
            method,
            threshold: None,
            against_all: 0,
            min_parties: 0,
            ties: TieBreak::Error,
            seed: None,
            excess: ExcessPolicy::default(),
            explain: false,
        }
    }

    /// The tie policy with `seed` applied to a draw by lot.
    ///
    /// # Errors
    ///
    /// When `ties` names a seed (`lot:7`) and `seed` another one.
    pub fn tie_policy(&self) -> Result<TieBreak, RequestError> {
        match (self.ties, self.seed) {
            (TieBreak::Lot { seed }, Some(s)) if seed != 0 && seed != s => Err(RequestError::input(format!(
                "the tie policy lot:{seed} and the seed {s} name different seeds: give the seed once"
            ))
            .at("seed")),
            (TieBreak::Lot { seed }, given) => Ok(TieBreak::Lot { seed: given.unwrap_or(seed) }),
            (policy, _) => Ok(policy),
        }
    }

    /// Counts the seats: the threshold, then the method.
    ///
    /// # Errors
    ///
    /// A [`RequestError`]: no parties, no votes, no party above the
    /// threshold, names empty or repeated, no seats, a tie the policy does
    /// not break (naming the parties).
    pub fn count(&self) -> Result<Allocated, RequestError> {
        let source = self.source.as_deref();
        let refuse = |e: Error| RequestError::of(&e, source);
        let ties = self.tie_policy()?;
        self.parties.check_names().map_err(refuse)?;
        let votes = self.parties.votes();
        if votes.is_empty() {
            return Err(refuse(Error::NoParties));
        }
        let total: u128 = votes.iter().map(|&v| u128::from(v)).sum();
        if total == 0 {
            return Err(RequestError::input(prefixed(
                source,
                "every party has zero votes, so there is nothing to apportion",
            )));
        }
        let threshold = self.threshold.unwrap_or(Threshold::NONE);
        let eligible = threshold.eligible_at_least(votes, self.against_all, self.min_parties);
        if !eligible.contains(&true) {
            return Err(RequestError::input(prefixed(
                source,
                &format!(
                    "every party is below the threshold of {threshold} of {} votes, so no party can take a seat",
                    thousands(total + u128::from(self.against_all))
                ),
            ))
            .at("threshold"));
        }
        let apportioner = Apportioner::new(self.method).ties(ties).excess(self.excess);
        let counted = if eligible.iter().all(|&e| e) {
            apportioner.apportion(votes, self.seats)
        } else {
            apportioner.apportion(&taking_part(votes, &eligible), self.seats)
        };
        let allocation = counted.map_err(|e| self.refusal(e, ties))?;
        Ok(Allocated { eligible, allocation, ties })
    }

    /// The audit trail of a count.
    ///
    /// # Errors
    ///
    /// None for an allocation that [`AllocateRequest::count`] gave.
    pub fn audit(&self, counted: &Allocated) -> Result<Audit, RequestError> {
        Apportioner::new(self.method)
            .ties(counted.ties)
            .excess(self.excess)
            .explain(&taking_part(self.parties.votes(), &counted.eligible), &counted.allocation)
            .map_err(|e| RequestError::of(&e, self.source.as_deref()))
    }

    /// The view of a count (with the audit when the request asks for it).
    ///
    /// # Errors
    ///
    /// As [`AllocateRequest::audit`].
    pub fn view(&self, counted: &Allocated, explain: bool) -> Result<AllocationView, RequestError> {
        let labels = self.parties.labels();
        let parties = PartyVotes::new(labels.iter().zip(self.parties.votes().iter().copied()))
            .map_err(|e| RequestError::of(&e, self.source.as_deref()))?;
        let audit = if explain { Some(self.audit(counted)?) } else { None };
        Ok(AllocationView::new(Counted {
            parties: &parties,
            against_all: self.against_all,
            threshold: self.threshold,
            min_parties: self.min_parties,
            eligible: &counted.eligible,
            method: self.method,
            allocation: &counted.allocation,
            audit: audit.as_ref(),
        }))
    }

    /// Counts and describes: the command's output.
    ///
    /// # Errors
    ///
    /// As [`AllocateRequest::count`].
    pub fn run(&self) -> Result<AllocationOutput, RequestError> {
        let counted = self.count()?;
        let view = self.view(&counted, self.explain)?;
        Ok(AllocationOutput { source: super::scenario::source_name(self.source.as_deref()), view })
    }

    /// A library error of the count, with the parties named.
    fn refusal(&self, e: Error, ties: TieBreak) -> RequestError {
        match e {
            Error::Tie { parties, seats } => {
                vote_table_tie(self.parties.names(), &parties, seats, ties == TieBreak::MoreVotes)
            }
            Error::OverAllocation { .. } => RequestError::new(
                ErrorKind::Rules,
                format!("{e}; choose the excess policy \"remove\" to take the extra seats back from the smallest remainders"),
            )
            .at("excess"),
            Error::NoSeats => RequestError::of(&e, self.source.as_deref()).at("seats"),
            other => RequestError::of(&other, self.source.as_deref()),
        }
    }
}

/// The votes with the parties below the threshold set to 0.
fn taking_part(votes: &[u64], eligible: &[bool]) -> Vec<u64> {
    votes.iter().zip(eligible).map(|(&v, &e)| if e { v } else { 0 }).collect()
}

/// The title of a count's picture: `Hare largest remainder: 69 seats`.
pub(crate) fn seats_title(method: Method, seats: u32) -> String {
    format!("{}: {}", method.label(), counted(seats.into(), "seat"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(names: &[&str]) -> AllocateRequest {
        let names: Vec<String> = names.iter().map(|n| n.to_string()).collect();
        let votes = vec![10; names.len()];
        AllocateRequest::new(Parties::named(names, votes).unwrap(), 5, Method::DHondt)
    }

    #[test]
    fn names_are_checked_pairwise_and_by_hash_alike() {
        for n in [3, 32, 33, 200] {
            let mut names: Vec<String> = (0..n).map(|i| format!("P{i}")).collect();
            let last = names.len() - 1;
            names[last] = " P1 ".into();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            let e = named(&refs).parties.check_names().unwrap_err();
            assert_eq!(e, Error::DuplicateParty { name: "P1".into(), first: 1, second: last }, "{n} names");
            names[last] = "  ".into();
            let refs: Vec<&str> = names.iter().map(String::as_str).collect();
            assert_eq!(named(&refs).parties.check_names(), Err(Error::EmptyPartyName { index: last }));
        }
        assert_eq!(named(&["A", "B"]).parties.check_names(), Ok(()));
    }

    #[test]
    fn a_seed_given_twice_must_agree() {
        let mut r = named(&["A", "B"]);
        r.ties = TieBreak::Lot { seed: 3 };
        r.seed = Some(4);
        assert_eq!(r.tie_policy().unwrap_err().field(), Some("seed"));
        r.seed = Some(3);
        assert_eq!(r.tie_policy(), Ok(TieBreak::Lot { seed: 3 }));
        r.ties = TieBreak::Lot { seed: 0 };
        r.seed = Some(9);
        assert_eq!(r.tie_policy(), Ok(TieBreak::Lot { seed: 9 }));
    }

    #[test]
    fn the_excess_policy_the_refusal_names_is_one_a_request_takes() {
        let r: AllocateRequest =
            serde_json::from_str(r#"{"parties": [6, 3], "seats": 2, "method": "hare", "excess": "remove"}"#)
                .unwrap();
        assert_eq!(r.excess, ExcessPolicy::RemoveSmallestRemainders);
        let e = AllocateRequest {
            excess: ExcessPolicy::Error,
            ..AllocateRequest::new(Parties::unnamed(vec![10, 10]), 1, Method::HAGENBACH_BISCHOFF)
        };
        let refused = e.count().unwrap_err();
        assert_eq!((refused.kind(), refused.field()), (ErrorKind::Rules, Some("excess")), "{refused}");
        assert!(refused.to_string().contains("\"remove\""), "{refused}");
    }

    #[test]
    fn parties_round_trip_through_json() {
        let p = Parties::named(vec!["A".into(), "B".into()], vec![600, 400]).unwrap();
        let text = serde_json::to_string(&p).unwrap();
        assert_eq!(text, r#"[{"party":"A","votes":600},{"party":"B","votes":400}]"#);
        assert_eq!(serde_json::from_str::<Parties>(&text).unwrap(), p);
        let q = Parties::unnamed(vec![1, 2]);
        assert_eq!(serde_json::from_str::<Parties>(&serde_json::to_string(&q).unwrap()).unwrap(), q);
        let mixed = serde_json::from_str::<Parties>(r#"[1, {"party": "B", "votes": 2}]"#).unwrap_err();
        assert!(mixed.to_string().contains("not both"), "{mixed}");
    }
}
