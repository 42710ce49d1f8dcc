//! Elected bodies: a party-list tier, a single-member tier, or both in
//! parallel (no compensation), and the Kazakh presets in [`presets`].
//!
//! A [`Body`] is data: the rules of each tier. [`Body::elect`] applies them
//! to [`Ballots`] and returns a [`BodyResult`] with each party's list and
//! district seats, the independents, each district's winner, and notes on
//! everything that is not a plain count (seats left vacant, districts where
//! "against all" led, ties broken, assumed rules).
//!
//! # Which monotonicity properties hold
//!
//! The Kazakh list tier is Hare largest remainder among the lists that pass
//! a threshold. It satisfies the quota rule among those lists (each gets the
//! floor or the ceiling of its exact quota), and a list's eligibility never
//! falls when its own votes rise. It is **not** house monotone (the Alabama
//! paradox: one more seat can cost a list a seat) and **not** population
//! monotone. Divisor methods are house and population monotone but can
//! violate quota. The tests in `tests/body_properties.rs`,
//! `tests/properties.rs` and `tests/methods.rs` check each claim.

pub mod presets;

use std::collections::HashMap;

use crate::apportion::{Apportioner, Method, TieBreak, TieResolution};
use crate::district::{District, DistrictRules, check_names};
use crate::error::{Error, Result};
use crate::threshold::{Threshold, base};
use crate::votes::PartyVotes;

pub use presets::{LegalSource, Overrides, Preset};

/// What happens to a list seat that a party wins but cannot fill because
/// its list has too few candidates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum UnfilledSeats {
    /// The party keeps as many seats as it has candidates, and the seats it
    /// cannot fill are apportioned again among the other parties taking part
    /// by the same method (default; an assumption, see the presets).
    #[default]
    Redistribute,
    /// The seats stay vacant.
    Vacant,
}

/// A party's list: its votes and, optionally, how many candidates it has.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct PartyList {
    /// The party's name.
    pub party: String,
    /// Votes for the list.
    pub votes: u64,
    /// Candidates on the list; `None` means enough for any result.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub candidates: Option<u32>,
}

/// The rules of a party-list tier.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListTier {
    /// Seats filled from lists.
    pub seats: u32,
    /// The apportionment method.
    pub method: Method,
    /// The legal threshold.
    pub threshold: Threshold,
    /// Whether "against all" votes count in the threshold base (they never
    /// take seats).
    pub against_all_in_base: bool,
    /// How exactly equal claims to the last seats are decided.
    pub ties: TieBreak,
    /// If fewer parties than this pass the threshold, the next best are
    /// admitted (0: no such rule). See [`Threshold::eligible_at_least`].
    pub min_parties: usize,
    /// What happens to seats a party's list is too short to fill.
    pub unfilled: UnfilledSeats,
    /// The longest list the law allows, if any (for the Mazhilis, the list
    /// seats times 1.3, rounded down). A longer list is reported in the
    /// notes; it changes no seat.
    pub max_list_length: Option<u32>,
}

/// The outcome of a list tier.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ListOutcome {
    /// Which parties took part (passed the threshold or were admitted).
    pub eligible: Vec<bool>,
    /// List seats per party, in input order.
    pub seats: Vec<u32>,
    /// Seats left vacant because lists were too short ([`UnfilledSeats::Vacant`],
    /// or no party had candidates left).
    pub vacant: u32,
    /// Parties that won more seats than they had candidates.
    pub short_lists: Vec<usize>,
    /// The last tie the policy broke, if any (party positions).
    pub tie: Option<TieResolution>,
}

impl ListTier {
    /// Apportions the tier's seats among `lists`, with `against_all` votes
    /// counted in the threshold base when the tier says so.
    ///
    /// # Errors
    ///
    /// Name errors from [`PartyVotes::new`]; [`Error::ZeroVotes`];
    /// [`Error::NoEligibleParty`]; the apportionment's errors (a tie the
    /// policy cannot break).
    pub fn allocate(&self, lists: &[PartyList], against_all: u64) -> Result<ListOutcome> {
        let pv = PartyVotes::new(lists.iter().map(|l| (l.party.as_str(), l.votes)))?;
        let candidates: Vec<Option<u32>> = lists.iter().map(|l| l.candidates).collect();
        self.allocate_votes(pv.votes(), &candidates, against_all)
    }

    /// As [`ListTier::allocate`], from the lists' votes and list lengths
    /// alone (input order, names already checked): the core shared with the
    /// simulator.
    ///
    /// # Errors
    ///
    /// [`Error::NoParties`], [`Error::ZeroVotes`], [`Error::NoEligibleParty`],
    /// [`Error::InvalidRules`] if `candidates` and `votes` differ in length,
    /// and the apportionment's errors.
    pub fn allocate_votes(
        &self,
        votes: &[u64],
        candidates: &[Option<u32>],
        against_all: u64,
    ) -> Result<ListOutcome> {
        let n = votes.len();
        if n == 0 {
            return Err(Error::NoParties);
        }
        if candidates.len() != n {
            return Err(Error::InvalidRules(format!(
                "{} list lengths given for {n} lists",
                candidates.len()
            )));
        }
        if votes.iter().all(|&v| v == 0) {
            return Err(Error::ZeroVotes);
        }
        let extra = if self.against_all_in_base { against_all } else { 0 };
        let eligible = self.threshold.eligible_at_least(votes, extra, self.min_parties);
        if !eligible.contains(&true) {
            return Err(Error::NoEligibleParty {
                threshold: self.threshold.percent().to_string(),
                base: base(votes, extra),
            });
        }
        let apportioner = Apportioner::new(self.method).ties(self.ties);
        // Votes of the lists still taking part: ineligible lists, and lists
        // held at their length, are zero.
        let mut active: Vec<u64> =
            votes.iter().zip(&eligible).map(|(&v, &e)| if e { v } else { 0 }).collect();
        let mut short_lists: Vec<usize> = Vec::new();
        let cap = |i: usize| candidates[i].unwrap_or(0);
        let mut tie = None;
        let mut open = self.seats;
        let (seats, vacant) = loop {
            if open == 0 || active.iter().all(|&v| v == 0) {
                let mut seats = vec![0u32; n];
                for &i in &short_lists {
                    seats[i] = cap(i);
                }
                break (seats, open);
            }
            let alloc = apportioner.apportion(&active, open)?;
            if let Some(t) = alloc.tie() {
                tie = Some(t.clone());
            }
            let mut seats = alloc.into_seats();
            let over: Vec<usize> =
                (0..n).filter(|&i| active[i] > 0 && candidates[i].is_some_and(|c| seats[i] > c)).collect();
            for &i in short_lists.iter().chain(&over) {
                seats[i] = cap(i);
            }
            if over.is_empty() {
                break (seats, 0);
            }
            for &i in &over {
                active[i] = 0;
                open -= cap(i);
                short_lists.push(i);
            }
            if self.unfilled == UnfilledSeats::Vacant {
                let vacant = self.seats - seats.iter().sum::<u32>();
                break (seats, vacant);
            }
        };
        short_lists.sort_unstable();
        Ok(ListOutcome { eligible, seats, vacant, short_lists, tie })
    }
}

/// The rules of a single-member tier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DistrictTier {
    /// The number of single-member districts.
    pub seats: u32,
    /// How each race is decided.
    pub rules: DistrictRules,
}

/// An elected body: one or both tiers, in parallel.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Body {
    /// The body's name, as in the output (`"mazhilis"`).
    pub name: String,
    /// The party-list tier, if any.
    pub list: Option<ListTier>,
    /// The single-member tier, if any.
    pub districts: Option<DistrictTier>,
    /// Notes printed with every result: assumed rules, sources.
    pub notes: Vec<String>,
}

/// The votes of one election of a body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Ballots {
    /// Party lists, in registration order (empty: the list tier is not decided).
    pub lists: Vec<PartyList>,
    /// "Against all" votes on the list ballot.
    pub against_all: u64,
    /// Single-member races (fewer than the tier's seats: the rest are not decided).
    pub districts: Vec<District>,
}

/// One party's seats in a body.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PartyResult {
    /// The party.
    pub party: String,
    /// List votes (`None` for a party that ran only in districts).
    pub votes: Option<u64>,
    /// Whether its list took part in the apportionment.
    pub eligible: Option<bool>,
    /// Seats from the list tier.
    pub list_seats: u32,
    /// Single-member seats won by its nominees.
    pub district_seats: u32,
    /// `list_seats + district_seats`.
    pub seats: u32,
}

/// One district's result.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DistrictResult {
    /// The district.
    pub name: String,
    /// The elected candidate (`None`: vacant, a repeat election is due).
    pub winner: Option<String>,
    /// The winner's party (`None`: self-nominated, or no winner).
    pub party: Option<String>,
    /// Whether "against all" polled more than every candidate.
    pub against_all_won: bool,
}

/// The result of [`Body::elect`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct BodyResult {
    /// The body's name.
    pub body: String,
    /// The body's size: list seats plus district seats.
    pub seats: u32,
    /// Parties: those with lists in registration order, then parties that
    /// ran only in districts in order of first appearance.
    pub parties: Vec<PartyResult>,
    /// Districts won by self-nominated candidates.
    pub independents: u32,
    /// Each district's winner, in input order.
    pub districts: Vec<DistrictResult>,
    /// Seats left empty: lists too short, or repeat elections.
    pub vacant: u32,
    /// Seats not decided because the ballots did not cover them (no lists, or
    /// fewer districts than the tier has).
    pub undecided: u32,
    /// Notes on rules, vacancies, ties and assumptions.
    pub notes: Vec<String>,
}

impl Body {
    /// The body's size.
    ///
    /// A body whose tiers together exceed `u32::MAX` seats cannot be elected
    /// ([`Body::elect`] refuses it); for such a body this is `u32::MAX`.
    pub fn seats(&self) -> u32 {
        u32::try_from(self.total_seats()).unwrap_or(u32::MAX)
    }

    fn total_seats(&self) -> u64 {
        self.list.as_ref().map_or(0, |l| l.seats as u64)
            + self.districts.as_ref().map_or(0, |d| d.seats as u64)
    }

    /// Elects the body from `ballots`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRules`] if the ballots do not fit the body (lists for a
    /// body without a list tier, more districts than seats);
    /// [`Error::TooManySeats`] if the tiers add up to more than `u32::MAX`; otherwise the
    /// errors of [`ListTier::allocate`] and
    /// [`DistrictRules::decide`](crate::district::DistrictRules::decide).
    pub fn elect(&self, ballots: &Ballots) -> Result<BodyResult> {
        if self.total_seats() > u32::MAX as u64 {
            return Err(Error::TooManySeats { seats: self.total_seats(), max: u32::MAX as u64 });
        }
        let mut notes = self.notes.clone();
        let mut parties: Vec<PartyResult> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut vacant = 0;
        let mut undecided = 0;

        match (&self.list, ballots.lists.is_empty()) {
            (None, false) => {
                return Err(Error::InvalidRules(format!(
                    "the body {:?} has no party-list tier, but the ballots give {} list(s)",
                    self.name,
                    ballots.lists.len()
                )));
            }
            (Some(tier), true) => {
                undecided += tier.seats;
                notes.push(format!("No list votes given: the {} list seats are not decided.", tier.seats));
            }
            (Some(tier), false) => {
                let out = tier.allocate(&ballots.lists, ballots.against_all)?;
                list_notes(tier, &ballots.lists, ballots.against_all, &out, &mut notes);
                vacant += out.vacant;
                for (i, l) in ballots.lists.iter().enumerate() {
                    index.insert(l.party.trim().to_string(), parties.len());
                    parties.push(PartyResult {
                        party: l.party.trim().to_string(),
                        votes: Some(l.votes),
                        eligible: Some(out.eligible[i]),
                        list_seats: out.seats[i],
                        district_seats: 0,
                        seats: out.seats[i],
                    });
                }
            }
            (None, true) => {}
        }

        let mut districts = Vec::with_capacity(ballots.districts.len());
        let mut independents = 0;
        match (&self.districts, ballots.districts.is_empty()) {
            (None, false) => {
                return Err(Error::InvalidRules(format!(
                    "the body {:?} has no single-member tier, but the ballots give {} district(s)",
                    self.name,
                    ballots.districts.len()
                )));
            }
            (Some(tier), _) => {
                let given = ballots.districts.len();
                if given > tier.seats as usize {
                    return Err(Error::InvalidRules(format!(
                        "the body {:?} has {} single-member seats, but the ballots give {given} districts",
                        self.name, tier.seats
                    )));
                }
                check_names(&ballots.districts)?;
                if given < tier.seats as usize {
                    let missing = tier.seats - given as u32;
                    undecided += missing;
                    notes.push(format!(
                        "{given} of {} single-member districts given: {missing} seat(s) not decided.",
                        tier.seats
                    ));
                }
                for d in &ballots.districts {
                    let outcome = tier.rules.decide(d)?;
                    let winner = outcome.winner.map(|w| &d.candidates[w]);
                    if outcome.against_all_won {
                        notes.push(match winner {
                            Some(w) => format!(
                                "{}: \"against all\" ({}) polled more than every candidate; {} is elected \
                                 under the rule in force.",
                                d.name, d.against_all, w.name
                            ),
                            None => format!(
                                "{}: \"against all\" ({}) polled more than every candidate; the seat is \
                                 vacant until a repeat election.",
                                d.name, d.against_all
                            ),
                        });
                    }
                    if let Some(t) = &outcome.tie {
                        let names: Vec<&str> =
                            t.parties.iter().map(|&i| d.candidates[i].name.as_str()).collect();
                        notes.push(format!(
                            "{}: {} tied for the lead; {} wins by the tie rule ({}).",
                            d.name,
                            names.join(", "),
                            d.candidates[t.winners[0]].name,
                            t.policy
                        ));
                    }
                    match winner {
                        None => vacant += 1,
                        Some(w) => match w.party.as_deref().map(str::trim) {
                            None | Some("") => independents += 1,
                            Some(p) => {
                                let at = *index.entry(p.to_string()).or_insert_with(|| {
                                    parties.push(PartyResult {
                                        party: p.to_string(),
                                        votes: None,
                                        eligible: None,
                                        list_seats: 0,
                                        district_seats: 0,
                                        seats: 0,
                                    });
                                    parties.len() - 1
                                });
                                parties[at].district_seats += 1;
                                parties[at].seats += 1;
                            }
                        },
                    }
                    districts.push(DistrictResult {
                        name: d.name.clone(),
                        winner: winner.map(|w| w.name.clone()),
                        party: winner.and_then(|w| w.party.clone()).filter(|p| !p.trim().is_empty()),
                        against_all_won: outcome.against_all_won,
                    });
                }
            }
            (None, true) => {}
        }

        Ok(BodyResult {
            body: self.name.clone(),
            seats: self.seats(),
            parties,
            independents,
            districts,
            vacant,
            undecided,
            notes,
        })
    }
}

fn list_notes(
    tier: &ListTier,
    lists: &[PartyList],
    against_all: u64,
    out: &ListOutcome,
    notes: &mut Vec<String>,
) {
    let votes: Vec<u64> = lists.iter().map(|l| l.votes).collect();
    let extra = if tier.against_all_in_base { against_all } else { 0 };
    let base = base(&votes, extra);
    let below: Vec<String> = lists
        .iter()
        .zip(&out.eligible)
        .filter(|(l, e)| !**e && l.votes > 0)
        .map(|(l, _)| format!("{} ({:.2}%)", l.party, l.votes as f64 * 100.0 / base as f64))
        .collect();
    if !below.is_empty() {
        notes.push(format!(
            "Below the {} threshold of {} votes{}: {}.",
            tier.threshold,
            base,
            if extra > 0 { " (party votes plus \"against all\")" } else { "" },
            below.join(", ")
        ));
    }
    let admitted: Vec<&str> = lists
        .iter()
        .zip(&out.eligible)
        .filter(|(l, e)| **e && !tier.threshold.passes(l.votes, base))
        .map(|(l, _)| l.party.as_str())
        .collect();
    if !admitted.is_empty() {
        notes.push(format!(
            "Admitted below the threshold so that at least {} parties take part: {}.",
            tier.min_parties,
            admitted.join(", ")
        ));
    }
    if let Some(max) = tier.max_list_length {
        for l in lists.iter().filter(|l| l.candidates.is_some_and(|c| c > max)) {
            notes.push(format!(
                "{} registered {} candidates, more than the {max} allowed (list seats x 1.3).",
                l.party,
                l.candidates.unwrap_or(0)
            ));
        }
    }
    for &i in &out.short_lists {
        notes.push(format!(
            "{} won more list seats than its {} candidates; {}.",
            lists[i].party,
            lists[i].candidates.unwrap_or(0),
            match tier.unfilled {
                UnfilledSeats::Redistribute => "the seats it cannot fill go to the other parties",
                UnfilledSeats::Vacant => "the seats it cannot fill stay vacant",
            }
        ));
    }
    if out.vacant > 0 {
        notes.push(format!("{} list seat(s) vacant.", out.vacant));
    }
    if let Some(t) = &out.tie {
        let names = |ix: &[usize]| ix.iter().map(|&i| lists[i].party.as_str()).collect::<Vec<_>>().join(", ");
        notes.push(format!(
            "Tie for {} list seat(s) between {}; won by {} under the tie rule ({}).",
            t.seats,
            names(&t.parties),
            names(&t.winners),
            t.policy
        ));
    }
}
