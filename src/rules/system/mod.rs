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
//! violate quota. The tests in `tests/rules/body_properties.rs`,
//! `tests/core/properties.rs` and `tests/core/methods.rs` check each claim.

pub mod presets;

use std::collections::HashMap;

use crate::apportion::{Allocation, Apportioner, Method, Tie, TieBreak, TieResolution};
use crate::district::{AgainstAllRule, District, DistrictRules, check_names};
use crate::error::{Error, Result};
use crate::note::{Assumption, ListVotes, Note};
use crate::rules::runner_up::{LeftOver, RunnerUp, corrected_count};
use crate::rules::source::Applies;
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
    /// seats times 1.3, to the nearest whole number: 90 for 69, 127 for 98).
    /// A longer list is reported in the notes; it changes no seat.
    pub max_list_length: Option<u32>,
    /// The runner-up rule of 2009 (Art. 97(2)-(3)): when only one list
    /// passes the threshold, the next is admitted with its quotient times
    /// 0.7 (see [`runner_up`](crate::rules::runner_up)). It applies with the
    /// Hare quota; with another method the runner-up is admitted and
    /// counted by that method without the correction.
    #[cfg_attr(feature = "serde", serde(default))]
    pub runner_up: RunnerUp,
    /// Under the runner-up rule, where the seats go that are left after one
    /// round of remainders.
    #[cfg_attr(feature = "serde", serde(default))]
    pub runner_up_left_over: LeftOver,
}

/// The outcome of a list tier. `Default` is an empty outcome, the buffer
/// that [`ListTier::count_into`] fills.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
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
    /// Lists admitted under the runner-up rule, in input order.
    #[cfg_attr(feature = "serde", serde(default))]
    pub runner_up: Vec<usize>,
    /// Whether the runner-up's minimum of seats raised its seats.
    #[cfg_attr(feature = "serde", serde(default))]
    pub runner_up_minimum_applied: bool,
    /// Whether the largest remainders went round a second time under the
    /// runner-up rule.
    #[cfg_attr(feature = "serde", serde(default))]
    pub runner_up_round_again: bool,
}

/// Reusable working memory for [`ListTier::count_into`]: the votes still
/// taking part and the apportionment's [`Scratch`](crate::apportion::Scratch).
/// It holds no result, only capacity, and works with any tier.
#[derive(Debug, Clone, Default)]
pub struct ListScratch {
    active: Vec<u64>,
    apportion: crate::apportion::Scratch,
}

impl ListScratch {
    /// An empty scratch space; it allocates on first use.
    pub fn new() -> ListScratch {
        ListScratch::default()
    }
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
    /// [`Error::LengthMismatch`] if `candidates` and `votes` differ in length,
    /// and the apportionment's errors (a tie the policy cannot break).
    pub fn allocate_votes(
        &self,
        votes: &[u64],
        candidates: &[Option<u32>],
        against_all: u64,
    ) -> Result<ListOutcome> {
        self.count(votes, candidates, against_all, |tie, _| {
            Err(Error::Tie { parties: tie.tied().to_vec(), seats: tie.contested() })
        })
    }

    /// As [`ListTier::allocate_votes`], with `on_tie` deciding a tie the
    /// tier's policy cannot break, from the [`Tie`] (certain seats, tied
    /// lists, seats contested) and the votes of that count, without counting
    /// again: the simulator draws a lot there.
    ///
    /// ```
    /// # use saylau::system::{ListTier, Overrides, Preset};
    /// # use saylau::TieBreak;
    /// let tier = ListTier { ties: TieBreak::Error, ..Preset::Kurultai.body(&Overrides::default())?.list.unwrap() };
    /// assert!(tier.allocate_votes(&[500, 500], &[None, None], 0).is_err());
    /// let out = tier.count(&[500, 500], &[None, None], 0, |tie, votes| tie.resolve(TieBreak::ListOrder, votes))?;
    /// assert_eq!(out.seats, [73, 72]);
    /// # Ok::<(), saylau::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ListTier::allocate_votes`], and `on_tie`'s.
    pub fn count(
        &self,
        votes: &[u64],
        candidates: &[Option<u32>],
        against_all: u64,
        on_tie: impl FnMut(&Tie, &[u64]) -> Result<Allocation>,
    ) -> Result<ListOutcome> {
        let mut out = ListOutcome::default();
        self.count_into(votes, candidates, against_all, &mut out, &mut ListScratch::new(), on_tie)?;
        Ok(out)
    }

    /// As [`ListTier::count`], into the caller's `out`, reusing `scratch`:
    /// for loops that count many elections, such as the simulator's (in the
    /// spirit of `csv`'s `read_record`). Once `out` and `scratch` have grown
    /// to the number of lists, a count allocates nothing, except to record a
    /// tie, for a list too short for its seats, under the runner-up rule of
    /// 2009 and when `min_parties` admits lists below the threshold.
    ///
    /// ```
    /// # use saylau::system::{ListOutcome, ListScratch, Overrides, Preset};
    /// let tier = Preset::Mazhilis.body(&Overrides::default())?.list.unwrap();
    /// let (mut out, mut scratch) = (ListOutcome::default(), ListScratch::new());
    /// for swing in [0, 100_000, 200_000] {
    ///     let votes = [3_000_000 - swing, 600_000 + swing, 500_000, 400_000, 100_000];
    ///     tier.count_into(&votes, &[None; 5], 60_000, &mut out, &mut scratch, |tie, _| {
    ///         Err(saylau::Error::Tie { parties: tie.tied().to_vec(), seats: tie.contested() })
    ///     })?;
    ///     assert_eq!(out.seats.iter().sum::<u32>(), 69);
    ///     assert_eq!(out.eligible, [true, true, true, true, false]);
    /// }
    /// // The last count by hand: 4,500,000 votes of the lists above 5% of
    /// // 4,660,000; quotas 42.93, 12.27, 7.67, 6.13 give 67 whole seats, and
    /// // the two largest remainders (0.93, 0.67) the last two.
    /// assert_eq!(out.seats, [43, 12, 8, 6, 0]);
    /// # Ok::<(), saylau::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`ListTier::count`]. On an error the contents of `out` are
    /// unspecified.
    pub fn count_into(
        &self,
        votes: &[u64],
        candidates: &[Option<u32>],
        against_all: u64,
        out: &mut ListOutcome,
        scratch: &mut ListScratch,
        mut on_tie: impl FnMut(&Tie, &[u64]) -> Result<Allocation>,
    ) -> Result<()> {
        let n = votes.len();
        check_counts(votes, candidates)?;
        if self.admit(votes, candidates, against_all, out)? {
            return Ok(());
        }
        let apportioner = self.apportioner();
        // Votes of the lists still taking part: ineligible lists, and lists
        // held at their length, are zero.
        let active = &mut scratch.active;
        active.clear();
        active.extend(votes.iter().zip(&out.eligible).map(|(&v, &e)| if e { v } else { 0 }));
        out.seats.clear();
        out.seats.resize(n, 0);
        out.short_lists.clear();
        out.tie = None;
        out.runner_up.clear();
        out.runner_up_minimum_applied = false;
        out.runner_up_round_again = false;
        let cap = |i: usize| candidates[i].unwrap_or(0);
        let over = |seats: &[u32], active: &[u64], i: usize| {
            active[i] > 0 && candidates[i].is_some_and(|c| seats[i] > c)
        };
        let mut open = self.seats;
        out.vacant = loop {
            if open == 0 || active.iter().all(|&v| v == 0) {
                out.seats.fill(0);
                for &i in &out.short_lists {
                    out.seats[i] = cap(i);
                }
                break open;
            }
            match apportioner.decide_into(active, open, &mut out.seats, &mut scratch.apportion)? {
                Some(open_tie) if open_tie.is_open() => {
                    let tie = Tie::from_open(self.method, out.seats.clone(), open_tie);
                    let alloc = on_tie(&tie, active)?;
                    if alloc.seats().len() != n {
                        return Err(Error::LengthMismatch {
                            what: "seats of the tie's resolution for the lists",
                            expected: n,
                            given: alloc.seats().len(),
                        });
                    }
                    if let Some(t) = alloc.tie() {
                        out.tie = Some(t.clone());
                    }
                    out.seats.copy_from_slice(alloc.seats());
                }
                Some(broken) => out.tie = Some(broken),
                None => {}
            }
            let any_over = (0..n).any(|i| over(&out.seats, active, i));
            for &i in &out.short_lists {
                out.seats[i] = cap(i);
            }
            if !any_over {
                break 0;
            }
            for i in 0..n {
                if over(&out.seats, active, i) {
                    out.seats[i] = cap(i);
                    active[i] = 0;
                    open -= cap(i);
                    out.short_lists.push(i);
                }
            }
            if self.unfilled == UnfilledSeats::Vacant {
                break self.seats - out.seats.iter().sum::<u32>();
            }
        };
        out.short_lists.sort_unstable();
        Ok(())
    }

    /// Marks the lists taking part in `out.eligible`; returns `true` when
    /// the runner-up rule's corrected count has filled `out` whole.
    fn admit(
        &self,
        votes: &[u64],
        candidates: &[Option<u32>],
        against_all: u64,
        out: &mut ListOutcome,
    ) -> Result<bool> {
        let extra = if self.against_all_in_base { against_all } else { 0 };
        self.threshold.eligible_into(votes, extra, self.min_parties, &mut out.eligible);
        if self.runner_up != RunnerUp::Off {
            let (passing, runner_up) = self.runner_up_admitted(votes, extra);
            if !runner_up.is_empty() {
                if self.method == Method::HARE {
                    *out = self.corrected(votes, candidates, &passing, &runner_up)?;
                    return Ok(true);
                }
                for &i in &runner_up {
                    out.eligible[i] = true;
                }
            }
        }
        if !out.eligible.contains(&true) {
            return Err(Error::NoEligibleParty {
                threshold: self.threshold.percent().to_string(),
                base: base(votes, extra),
            });
        }
        Ok(false)
    }

    /// The lists passing the threshold, and the lists the runner-up rule
    /// admits (empty unless the rule is on and exactly one list passes).
    fn runner_up_admitted(&self, votes: &[u64], extra: u64) -> (Vec<bool>, Vec<usize>) {
        let passing = self.threshold.eligible(votes, extra);
        if self.runner_up == RunnerUp::Off || passing.iter().filter(|&&p| p).count() != 1 {
            return (passing, Vec::new());
        }
        let admitted = self.threshold.eligible_at_least(votes, extra, 2);
        let runner_up = (0..votes.len()).filter(|&i| admitted[i] && !passing[i]).collect();
        (passing, runner_up)
    }

    /// The count of Art. 97(3) (2009) with the runner-ups corrected by 0.7;
    /// a list too short for its seats keeps as many as it has candidates,
    /// and the rest go to the other lists taking part that have room
    /// ([`UnfilledSeats::Redistribute`]) or stay vacant.
    fn corrected(
        &self,
        votes: &[u64],
        candidates: &[Option<u32>],
        passing: &[bool],
        runner_up: &[usize],
    ) -> Result<ListOutcome> {
        let n = votes.len();
        let mut admitted = vec![false; n];
        for &i in runner_up {
            admitted[i] = true;
        }
        let count = corrected_count(
            votes,
            passing,
            &admitted,
            self.seats,
            self.runner_up.minimum(),
            self.runner_up_left_over,
            self.ties,
        )?;
        let eligible: Vec<bool> = (0..n).map(|i| passing[i] || admitted[i]).collect();
        let mut seats = count.seats;
        let mut short_lists = Vec::new();
        let mut vacant = 0;
        for i in 0..n {
            if let Some(c) = candidates[i]
                && seats[i] > c
            {
                vacant += seats[i] - c;
                seats[i] = c;
                short_lists.push(i);
            }
        }
        if self.unfilled == UnfilledSeats::Redistribute {
            for i in (0..n).filter(|&i| eligible[i] && !short_lists.contains(&i)) {
                let room = candidates[i].map_or(u32::MAX, |c| c - seats[i]);
                let give = room.min(vacant);
                seats[i] += give;
                vacant -= give;
            }
        }
        Ok(ListOutcome {
            eligible,
            seats,
            vacant,
            short_lists,
            tie: count.tie,
            runner_up: runner_up.to_vec(),
            runner_up_minimum_applied: count.minimum_applied,
            runner_up_round_again: count.went_round_again,
        })
    }

    /// The apportioner of this tier: its method and tie rule.
    pub fn apportioner(&self) -> Apportioner {
        Apportioner::new(self.method).ties(self.ties)
    }

    /// The votes of the lists taking part in the count: the votes of the
    /// lists `outcome` found eligible, zero for the others.
    pub fn taking_part(votes: &[u64], outcome: &ListOutcome) -> Vec<u64> {
        votes.iter().zip(&outcome.eligible).map(|(&v, &e)| if e { v } else { 0 }).collect()
    }

    /// The audit trail of the tier's count among the lists taking part
    /// ([`Apportioner::explain`]), and whether it is the final count (it is
    /// not when a list was too short for its seats and the rest were counted
    /// again).
    ///
    /// # Errors
    ///
    /// As [`ListTier::allocate`].
    pub fn explain(&self, lists: &[PartyList], against_all: u64) -> Result<(crate::Audit, bool)> {
        let outcome = self.allocate(lists, against_all)?;
        let votes: Vec<u64> = lists.iter().map(|l| l.votes).collect();
        let taking_part = ListTier::taking_part(&votes, &outcome);
        let apportioner = self.apportioner();
        let first = apportioner.apportion(&taking_part, self.seats)?;
        let audit = apportioner.explain(&taking_part, &first)?;
        Ok((audit, first.seats() == outcome.seats.as_slice()))
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
    /// The preset whose rules these are (`None` for a body built by hand):
    /// its legal source, and the unconfirmed rules a result depends on, go
    /// into the result's notes.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub preset: Option<Preset>,
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

/// A candidate's votes in a decided race.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct CandidateResult {
    /// The candidate.
    pub name: String,
    /// The nominating party (`None`: self-nominated).
    pub party: Option<String>,
    /// Votes received.
    pub votes: u64,
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
    /// The candidates in ballot order, with their votes.
    pub candidates: Vec<CandidateResult>,
    /// Votes "against all".
    pub against_all: u64,
    /// The leading candidate's lead over the runner-up, in votes (`None`
    /// with a single candidate).
    pub margin: Option<u64>,
}

impl DistrictResult {
    /// Votes cast for candidates and "against all": the base of the shares.
    pub fn total_votes(&self) -> u128 {
        self.candidates.iter().map(|c| u128::from(c.votes)).sum::<u128>() + u128::from(self.against_all)
    }
}

/// How the seats of one tier were accounted for: every seat is won, vacant
/// (the rules left it empty: a list too short, a repeat election) or
/// undecided (no result was given for it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct TierSeats {
    /// The tier's size.
    pub seats: u32,
    /// Seats won by parties or candidates.
    pub won: u32,
    /// Seats the rules left empty.
    pub vacant: u32,
    /// Seats with no result given.
    pub undecided: u32,
}

/// The result of [`Body::elect`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
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
    /// Each district's result, in input order.
    pub districts: Vec<DistrictResult>,
    /// The list tier's seats: won, vacant, undecided (`None`: no list tier).
    pub list: Option<TierSeats>,
    /// The single-member tier's seats (`None`: no single-member tier).
    pub district: Option<TierSeats>,
    /// Seats left empty by the rules, both tiers: lists too short, repeat
    /// elections.
    pub vacant: u32,
    /// Seats with no result given, both tiers (no lists, or fewer districts
    /// than the tier has).
    pub undecided: u32,
    /// The "against all" votes on the list ballot.
    pub against_all: u64,
    /// Notes on rules, vacancies, ties and the assumptions the result depends on.
    pub notes: Vec<crate::note::Note>,
}

impl BodyResult {
    /// Seats needed for a majority of the whole body: `seats / 2 + 1`.
    pub fn majority(&self) -> u32 {
        self.seats / 2 + 1
    }
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
    /// [`Error::NoListTier`], [`Error::NoDistrictTier`] or
    /// [`Error::TooManyDistricts`] if the ballots do not fit the body;
    /// [`Error::PartyNameSlip`] if a district candidate's party has no list but
    /// is within a typing slip of a list's name ("Amanatt");
    /// [`Error::TooManySeats`] if the tiers add up to more than `u32::MAX`; otherwise the
    /// errors of [`ListTier::allocate`] and
    /// [`DistrictRules::decide`](crate::district::DistrictRules::decide).
    pub fn elect(&self, ballots: &Ballots) -> Result<BodyResult> {
        if self.total_seats() > u32::MAX as u64 {
            return Err(Error::TooManySeats { seats: self.total_seats(), max: u32::MAX as u64 });
        }
        let mut count = Count::default();
        let list = count.lists(self, ballots)?;
        let district = count.districts(self, ballots)?;
        if let Some(p) = self.preset {
            let source = p.source();
            let decided = |a: Applies| match a {
                Applies::Body => true,
                Applies::Lists => self.list.is_some() && !ballots.lists.is_empty(),
                Applies::Districts => self.districts.is_some() && !ballots.districts.is_empty(),
            };
            let confirmed = source.confirmed.iter().filter(|c| decided(c.applies)).copied().collect();
            count.notes.insert(
                0,
                Note::Rules { body: p.name().to_string(), period: p.period(), law: source.law, confirmed },
            );
        }
        if self.preset == Some(Preset::RegionalMaslikhat)
            && let (Some(l), Some(d)) = (&self.list, &self.districts)
            && d.seats == l.seats + 1
        {
            count.assumed.push(Assumption::OddSeatToDistricts);
        }
        if self.preset == Some(Preset::Kurultai) && !ballots.lists.is_empty() {
            count.assumed.push(Assumption::KurultaiListRules);
        }
        if self.preset == Some(Preset::Maslikhat2021) && !ballots.lists.is_empty() {
            count.assumed.push(Assumption::MaslikhatListRules2021);
        }
        let Count { mut notes, assumed, parties, independents, districts, .. } = count;
        if let Some(p) = self.preset {
            // Only the rules the preset assumes: a rule its sources confirm
            // (the tie rule of 2009) is not noted as assumed, and the
            // readings of the runner-up rule are noted whenever it decides.
            let listed = p.source().assumed;
            let mut seen = Vec::new();
            for rule in assumed {
                let reading = matches!(rule, Assumption::RunnerUpAtLeastTwo | Assumption::RunnerUpRoundAgain);
                if !seen.contains(&rule) && (listed.contains(&rule) || reading) {
                    seen.push(rule);
                    notes.push(Note::Assumed { rule });
                }
            }
        }
        let tiers = [list, district];
        Ok(BodyResult {
            body: self.name.clone(),
            seats: self.seats(),
            parties,
            independents,
            districts,
            list,
            district,
            vacant: tiers.iter().flatten().map(|t| t.vacant).sum(),
            undecided: tiers.iter().flatten().map(|t| t.undecided).sum(),
            against_all: if self.list.is_some() { ballots.against_all } else { 0 },
            notes,
        })
    }
}

/// The votes and list lengths of a count: one of each per list, some votes.
fn check_counts(votes: &[u64], candidates: &[Option<u32>]) -> Result<()> {
    if votes.is_empty() {
        return Err(Error::NoParties);
    }
    if candidates.len() != votes.len() {
        return Err(Error::LengthMismatch {
            what: "list lengths for the lists",
            expected: votes.len(),
            given: candidates.len(),
        });
    }
    if votes.iter().all(|&v| v == 0) {
        return Err(Error::ZeroVotes);
    }
    Ok(())
}

/// A body's result as it is counted, tier by tier.
#[derive(Debug, Default)]
struct Count {
    notes: Vec<Note>,
    /// Unconfirmed rules the result has depended on so far.
    assumed: Vec<Assumption>,
    parties: Vec<PartyResult>,
    /// Party name to its position in `parties`.
    index: HashMap<String, usize>,
    independents: u32,
    districts: Vec<DistrictResult>,
}

impl Count {
    /// The list tier: seats per party, notes, and the tier's accounting.
    fn lists(&mut self, body: &Body, ballots: &Ballots) -> Result<Option<TierSeats>> {
        let tier = match (&body.list, ballots.lists.is_empty()) {
            (None, false) => {
                return Err(Error::NoListTier { body: body.name.clone(), lists: ballots.lists.len() });
            }
            (None, true) => return Ok(None),
            (Some(tier), true) => {
                self.notes.push(Note::ListsNotGiven { seats: tier.seats });
                return Ok(Some(TierSeats { seats: tier.seats, won: 0, vacant: 0, undecided: tier.seats }));
            }
            (Some(tier), false) => tier,
        };
        let out = tier.allocate(&ballots.lists, ballots.against_all)?;
        list_notes(tier, &ballots.lists, ballots.against_all, &out, &mut self.notes, &mut self.assumed);
        for (i, l) in ballots.lists.iter().enumerate() {
            self.index.insert(l.party.trim().to_string(), self.parties.len());
            self.parties.push(PartyResult {
                party: l.party.trim().to_string(),
                votes: Some(l.votes),
                eligible: Some(out.eligible[i]),
                list_seats: out.seats[i],
                district_seats: 0,
                seats: out.seats[i],
            });
        }
        Ok(Some(TierSeats {
            seats: tier.seats,
            won: tier.seats - out.vacant,
            vacant: out.vacant,
            undecided: 0,
        }))
    }

    /// The single-member tier: each race, the seats it gives, its notes.
    fn districts(&mut self, body: &Body, ballots: &Ballots) -> Result<Option<TierSeats>> {
        let tier = match (&body.districts, ballots.districts.is_empty()) {
            (None, false) => {
                return Err(Error::NoDistrictTier {
                    body: body.name.clone(),
                    districts: ballots.districts.len(),
                });
            }
            (None, true) => return Ok(None),
            (Some(tier), _) => tier,
        };
        let given = ballots.districts.len();
        if given > tier.seats as usize {
            return Err(Error::TooManyDistricts { body: body.name.clone(), seats: tier.seats, given });
        }
        check_names(&ballots.districts)?;
        crate::rules::names::check_candidate_parties(&ballots.lists, &ballots.districts)?;
        let undecided = tier.seats - given as u32;
        if undecided > 0 {
            self.notes.push(Note::DistrictsMissing { given, seats: tier.seats });
        }
        let mut vacant = 0;
        for d in &ballots.districts {
            if !self.race(body, tier, d)? {
                vacant += 1;
            }
        }
        Ok(Some(TierSeats { seats: tier.seats, won: given as u32 - vacant, vacant, undecided }))
    }

    /// One race: its notes, and the seat to the winner's party or the
    /// self-nominated. Returns whether anyone was elected.
    fn race(&mut self, body: &Body, tier: &DistrictTier, d: &District) -> Result<bool> {
        let outcome = tier.rules.decide(d)?;
        let winner = outcome.winner.map(|w| &d.candidates[w]);
        if outcome.against_all_won {
            self.notes.push(Note::AgainstAllLed {
                district: d.name.trim().to_string(),
                against_all: d.against_all,
                elected: winner.map(|w| w.name.trim().to_string()),
            });
            if tier.rules.against_all == AgainstAllRule::ElectLeader && winner.is_some() {
                self.assumed.push(Assumption::AgainstAllElectsLeader);
            }
        }
        if let Some(t) = &outcome.tie {
            self.notes.push(Note::DistrictTieBroken {
                district: d.name.trim().to_string(),
                tied: t.parties.iter().map(|&i| d.candidates[i].name.trim().to_string()).collect(),
                winner: d.candidates[t.winners[0]].name.trim().to_string(),
                policy: t.policy,
            });
        }
        if body.preset == Some(Preset::Akim) && (outcome.against_all_won || outcome.tie.is_some()) {
            self.assumed.push(Assumption::AkimAsDistrict);
        }
        self.districts.push(district_result(d, winner, outcome.against_all_won));
        let Some(w) = winner else { return Ok(false) };
        match w.party.as_deref().map(str::trim) {
            None | Some("") => self.independents += 1,
            Some(p) => {
                let at = match self.index.get(p) {
                    Some(&at) => at,
                    None => {
                        self.index.insert(p.to_string(), self.parties.len());
                        self.parties.push(PartyResult {
                            party: p.to_string(),
                            votes: None,
                            eligible: None,
                            list_seats: 0,
                            district_seats: 0,
                            seats: 0,
                        });
                        self.parties.len() - 1
                    }
                };
                self.parties[at].district_seats += 1;
                self.parties[at].seats += 1;
            }
        }
        Ok(true)
    }
}

/// A decided race as a result: the winner, the candidates' votes, the margin.
fn district_result(
    d: &District,
    winner: Option<&crate::district::Candidate>,
    against_all_won: bool,
) -> DistrictResult {
    let mut votes: Vec<u64> = d.candidates.iter().map(|c| c.votes).collect();
    votes.sort_unstable_by(|a, b| b.cmp(a));
    DistrictResult {
        name: d.name.trim().to_string(),
        winner: winner.map(|w| w.name.trim().to_string()),
        party: winner
            .and_then(|w| w.party.as_deref())
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(String::from),
        against_all_won,
        candidates: d
            .candidates
            .iter()
            .map(|c| CandidateResult {
                name: c.name.trim().to_string(),
                party: c.party.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(String::from),
                votes: c.votes,
            })
            .collect(),
        against_all: d.against_all,
        margin: (votes.len() > 1).then(|| votes[0] - votes[1]),
    }
}

fn list_notes(
    tier: &ListTier,
    lists: &[PartyList],
    against_all: u64,
    out: &ListOutcome,
    notes: &mut Vec<Note>,
    assumed: &mut Vec<Assumption>,
) {
    let votes: Vec<u64> = lists.iter().map(|l| l.votes).collect();
    let extra = if tier.against_all_in_base { against_all } else { 0 };
    let base = base(&votes, extra);
    let name = |i: usize| lists[i].party.trim().to_string();
    let below: Vec<ListVotes> = (0..lists.len())
        .filter(|&i| !out.eligible[i] && lists[i].votes > 0)
        .map(|i| ListVotes { party: name(i), votes: lists[i].votes })
        .collect();
    if !below.is_empty() {
        notes.push(Note::BelowThreshold {
            percent: tier.threshold.percent().to_string(),
            base,
            needed: tier.threshold.votes_needed(base),
            against_all_in_base: extra > 0,
            lists: below,
        });
    }
    admission_notes(tier, lists, base, out, notes, assumed);
    if let Some(max) = tier.max_list_length {
        for l in lists.iter().filter(|l| l.candidates.is_some_and(|c| c > max)) {
            notes.push(Note::ListTooLong {
                party: l.party.trim().to_string(),
                candidates: l.candidates.unwrap_or(0),
                max,
            });
        }
    }
    for &i in &out.short_lists {
        notes.push(Note::ShortList {
            party: name(i),
            candidates: lists[i].candidates.unwrap_or(0),
            unfilled: tier.unfilled,
        });
        if tier.unfilled == UnfilledSeats::Redistribute {
            assumed.push(Assumption::UnfilledSeatsRedistributed);
        }
    }
    if out.vacant > 0 {
        notes.push(Note::ListSeatsVacant { seats: out.vacant });
    }
    if let Some(t) = &out.tie {
        notes.push(Note::ListTieBroken {
            seats: t.seats,
            tied: t.parties.iter().map(|&i| name(i)).collect(),
            winners: t.winners.iter().map(|&i| name(i)).collect(),
            policy: t.policy,
        });
        if t.policy == TieBreak::ListOrder {
            assumed.push(Assumption::EarlierListWinsTie);
        }
    }
}

/// The notes on lists taking part below the threshold: the runner-up rule
/// of 2009, an "at least N lists" rule, or neither when only one list passed.
fn admission_notes(
    tier: &ListTier,
    lists: &[PartyList],
    base: u128,
    out: &ListOutcome,
    notes: &mut Vec<Note>,
    assumed: &mut Vec<Assumption>,
) {
    let name = |i: usize| lists[i].party.trim().to_string();
    let admitted: Vec<String> = (0..lists.len())
        .filter(|&i| out.eligible[i] && !tier.threshold.passes(lists[i].votes, base))
        .map(name)
        .collect();
    let passing = (0..lists.len())
        .filter(|&i| lists[i].votes > 0 && tier.threshold.passes(lists[i].votes, base))
        .count();
    if !out.runner_up.is_empty() {
        notes.push(Note::RunnerUpAdmitted {
            lists: out.runner_up.iter().map(|&i| name(i)).collect(),
            minimum: tier.runner_up.minimum(),
            seats: out.runner_up.iter().map(|&i| out.seats[i]).sum(),
        });
        assumed.push(Assumption::RunnerUpRuleOn);
        if out.runner_up_minimum_applied {
            assumed.push(Assumption::RunnerUpAtLeastTwo);
        }
        if out.runner_up_round_again && tier.runner_up_left_over == LeftOver::RoundAgain {
            assumed.push(Assumption::RunnerUpRoundAgain);
        }
    } else if !admitted.is_empty() {
        let min_parties =
            if tier.runner_up == RunnerUp::Off { tier.min_parties } else { tier.min_parties.max(2) };
        notes.push(Note::AdmittedBelowThreshold { min_parties, lists: admitted });
        assumed.push(Assumption::RunnerUpRuleOn);
    } else if tier.runner_up == RunnerUp::Off
        && tier.min_parties == 0
        && passing == 1
        && lists.iter().filter(|l| l.votes > 0).count() > 1
    {
        assumed.push(Assumption::RunnerUpRuleOff);
    }
}
