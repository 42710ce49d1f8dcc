//! Named vote counts: parties with unique, non-empty names.

use std::collections::HashMap;

use crate::error::{Error, Result};

/// Parties and their votes, in registration (input) order, with names checked
/// to be non-empty and unique.
///
/// The apportionment functions take plain `&[u64]`; this type is for inputs
/// that carry names (files, scenarios) so that errors and results can name
/// parties.
///
/// # Example
///
/// ```
/// # use saylau::{Error, PartyVotes};
/// let pv = PartyVotes::new([("Amanat", 3_431_510), ("Auyl", 693_938)])?;
/// assert_eq!(pv.votes(), &[3_431_510, 693_938]);
/// assert_eq!(pv.index_of("Auyl"), Some(1));
/// let dup = PartyVotes::new([("A", 1), ("A", 2)]);
/// assert_eq!(dup.unwrap_err(), Error::DuplicateParty { name: "A".into(), first: 0, second: 1 });
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct PartyVotes {
    names: Vec<String>,
    votes: Vec<u64>,
}

impl PartyVotes {
    /// Parties from `(name, votes)` pairs. Names are trimmed of surrounding
    /// whitespace.
    ///
    /// # Errors
    ///
    /// [`Error::NoParties`], [`Error::EmptyPartyName`] or [`Error::DuplicateParty`].
    pub fn new<I, S>(rows: I) -> Result<PartyVotes>
    where
        I: IntoIterator<Item = (S, u64)>,
        S: AsRef<str>,
    {
        let mut names = Vec::new();
        let mut votes = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (index, (name, v)) in rows.into_iter().enumerate() {
            let name = name.as_ref().trim().to_string();
            if name.is_empty() {
                return Err(Error::EmptyPartyName { index });
            }
            if let Some(&first) = seen.get(&name) {
                return Err(Error::DuplicateParty { name, first, second: index });
            }
            seen.insert(name.clone(), index);
            names.push(name);
            votes.push(v);
        }
        if names.is_empty() {
            return Err(Error::NoParties);
        }
        Ok(PartyVotes { names, votes })
    }

    /// The names, in input order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The votes, in input order.
    pub fn votes(&self) -> &[u64] {
        &self.votes
    }

    /// The number of parties (at least one).
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Always `false`: construction refuses an empty list.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The sum of all votes.
    pub fn total(&self) -> u128 {
        self.votes.iter().map(|&v| v as u128).sum()
    }

    /// The position of the party called `name`.
    pub fn index_of(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }
}
