//! One simulated election: draw the votes, decide the seats with the
//! body's own rules, count them into the tally.
//!
//! [`Simulation::run_once`] is a sequence of steps, each drawing from the
//! run's generator in turn, so the order of the draws (and so every seed's
//! elections) is fixed by the order of the steps:
//!
//! 1. the list vote ([`Simulation::draw_list_vote`]): the shares, then turnout
//!    (steps 1 to 3 of the vote model in the [parent module](super));
//! 2. the list tier's count ([`Simulation::count_list_tier`]), and the lots of
//!    a tie its rules refuse;
//! 3. each district in turn: its candidates' votes and then its "against all"
//!    ([`Simulation::draw_district`], step 4 of the vote model), its winner
//!    and the lots of a tie ([`decide_district`]), and the seat
//!    ([`Simulation::seat_district`]);
//! 4. the run's seats into the tally ([`Tally::record`]).

use super::model::{DistrictModel, ListModel};
use super::tally::Tally;
use super::*;
use crate::system::{ListOutcome, ListScratch};

/// Per-thread buffers reused across runs: after the first run, a run
/// allocates nothing (except to record a tie, or on the list tier's rare
/// slow paths, see [`ListTier::count_into`]).
pub(super) struct Scratch {
    pub(super) share: Vec<f64>,
    pub(super) ratio: Vec<f64>,
    pub(super) shift: Vec<f64>,
    pub(super) votes: Vec<u64>,
    pub(super) dvotes: Vec<u64>,
    pub(super) list_seats: Vec<u32>,
    pub(super) district_seats: Vec<u32>,
    /// The list tier's count, and its working memory.
    outcome: ListOutcome,
    tier: ListScratch,
}

impl Scratch {
    pub(super) fn new(sim: &Simulation) -> Scratch {
        let k = sim.list.as_ref().map_or(0, |l| l.centre.len());
        let widest = sim.districts.iter().map(|d| d.end - d.start).max().unwrap_or(0);
        Scratch {
            share: vec![0.0; k],
            ratio: vec![1.0; k],
            shift: vec![0.0; k],
            votes: vec![0; k],
            dvotes: vec![0; widest],
            list_seats: vec![0; sim.parties.len()],
            district_seats: vec![0; sim.parties.len()],
            outcome: ListOutcome::default(),
            tier: ListScratch::new(),
        }
    }
}

/// What one run decided besides each party's seats (those are in
/// [`Scratch::list_seats`] and [`Scratch::district_seats`]).
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct RunSeats {
    /// Seats won by self-nominated candidates.
    pub(super) independents: u32,
    /// Seats left vacant (repeat elections, short lists, no list passing).
    pub(super) vacant: u32,
    /// Whether a tie was drawn by lot in this run.
    pub(super) lot: bool,
}

/// Rounds a non-negative vote count to the nearest integer (halves up).
/// Through `i64`, one instruction on x86-64; `as` saturates, so a simulated
/// count is at most `2^63 - 1`.
#[inline]
fn to_votes(x: f64) -> u64 {
    (x + 0.5) as i64 as u64
}

impl Simulation {
    /// One election: draw votes, decide seats, count (the steps in the
    /// [module docs](self)).
    #[inline]
    pub(super) fn run_once(&self, rng: &mut Xoshiro256PlusPlus, sc: &mut Scratch, tally: &mut Tally) {
        sc.list_seats.fill(0);
        sc.district_seats.fill(0);
        let mut run = RunSeats::default();
        if let Some(list) = &self.list {
            self.draw_list_vote(list, rng, sc);
            tally.add_list_votes(&sc.votes);
            self.count_list_tier(list, rng, sc, tally, &mut run);
        }
        if let Some(rules) = &self.rules {
            for (di, d) in self.districts.iter().enumerate() {
                let against = self.draw_district(d, rng, sc);
                let dvotes = &sc.dvotes[..d.end - d.start];
                let winner = decide_district(rules, dvotes, against, rng, &mut run.lot);
                self.seat_district(di, d, winner, sc, tally, &mut run);
            }
        }
        tally.record(self, sc, &run);
    }

    /// Draws the run's list vote into `sc`: the shares of the lists and
    /// "against all" (`share`, normalised to sum 1 unless all are 0), then
    /// turnout; the whole votes (`votes`), and each category's ratio to and
    /// shift from its centre share (`ratio`, `shift`), which the districts
    /// swing with.
    #[inline]
    fn draw_list_vote(&self, list: &ListModel, rng: &mut Xoshiro256PlusPlus, sc: &mut Scratch) {
        match &list.fixed_gammas {
            Some(gammas) => {
                for (g, law) in sc.share.iter_mut().zip(gammas) {
                    *g = law.as_ref().map_or(0.0, |law| law.sample(rng));
                }
            }
            None => {
                self.draw_systematic_error(list, rng, &mut sc.share);
                self.draw_sampling_noise(rng, &mut sc.share);
            }
        }
        let sum: f64 = sc.share.iter().sum();
        if sum > 0.0 {
            sc.share.iter_mut().for_each(|s| *s /= sum);
        }
        let ballots = list.total * self.draw_turnout(rng);
        for (i, &centre) in list.centre.iter().enumerate() {
            let share = sc.share[i];
            sc.votes[i] = to_votes(share * ballots);
            sc.ratio[i] = if centre > 0.0 { share / centre } else { 1.0 };
            sc.shift[i] = share - centre;
        }
    }

    /// Step 1 of the vote model: each centre share moved by the error every
    /// poll shares, in points (`systematic_points`) or on the log-ratio
    /// scale (`systematic_sd`, 0 when the error is given in points).
    #[inline]
    fn draw_systematic_error(&self, list: &ListModel, rng: &mut Xoshiro256PlusPlus, share: &mut [f64]) {
        let sd = self.uncertainty.systematic_sd;
        let points = self.points.map(|pts| pts / 100.0);
        for (w, &p) in share.iter_mut().zip(&list.centre) {
            *w = if p <= 0.0 {
                p
            } else if let Some(pts) = points {
                let z: f64 = StandardNormal.sample(rng);
                (p + pts * z).max(0.0)
            } else if sd > 0.0 {
                let z: f64 = StandardNormal.sample(rng);
                p * libm::exp(sd * z)
            } else {
                p
            };
        }
        if points.is_some() && share.iter().all(|&w| w == 0.0) {
            // Every share fell to zero: no systematic error this run.
            share.copy_from_slice(&list.centre);
        }
    }

    /// Step 2 of the vote model: sampling noise, the shares drawn from a
    /// Dirichlet around them as Gamma draws (normalised by the caller).
    #[inline]
    fn draw_sampling_noise(&self, rng: &mut Xoshiro256PlusPlus, share: &mut [f64]) {
        let concentration = self.uncertainty.concentration;
        if concentration > 0.0 {
            let sum: f64 = share.iter().sum();
            for w in share.iter_mut().filter(|w| **w > 0.0) {
                *w = Gamma::new(concentration * *w / sum, 1.0).map_or(0.0, |law| law.sample(rng));
            }
        }
    }

    /// Step 3 of the vote model: the turnout factor,
    /// `max(0, 1 + turnout_sd * z)` (1 without turnout noise).
    #[inline]
    fn draw_turnout(&self, rng: &mut Xoshiro256PlusPlus) -> f64 {
        let sd = self.uncertainty.turnout_sd;
        if sd > 0.0 {
            let z: f64 = StandardNormal.sample(rng);
            (1.0 + sd * z).max(0.0)
        } else {
            1.0
        }
    }

    /// Counts the list tier on the drawn votes into `sc.list_seats`, with
    /// the lists that passed the threshold into `tally` and the seats left
    /// vacant into `run`. A tie the rules refuse is drawn by lot from the
    /// run's own stream, from the count as it stands (no recount).
    #[inline]
    fn count_list_tier(
        &self,
        list: &ListModel,
        rng: &mut Xoshiro256PlusPlus,
        sc: &mut Scratch,
        tally: &mut Tally,
        run: &mut RunSeats,
    ) {
        let lists = list.centre.len() - 1;
        let against = sc.votes[lists];
        let counted = list.tier.count_into(
            &sc.votes[..lists],
            &list.candidates,
            against,
            &mut sc.outcome,
            &mut sc.tier,
            |tie, votes| {
                run.lot = true;
                tie.resolve(TieBreak::Lot { seed: rng.next_u64() }, votes)
            },
        );
        match counted {
            Ok(()) => {
                let o = &sc.outcome;
                sc.list_seats[..lists].copy_from_slice(&o.seats[..lists]);
                tally.add_passed(&o.eligible[..lists]);
                run.vacant += o.vacant;
            }
            // Every list below the threshold (or no votes): no list seats this run.
            Err(_) => run.vacant += list.tier.seats,
        }
    }

    /// Step 4 of the vote model, for district `d`: its candidates' votes,
    /// written in place into `sc.dvotes` (as wide as the widest district),
    /// each swung with its list and then with district noise; returns the
    /// votes against all.
    #[inline]
    fn draw_district(&self, d: &DistrictModel, rng: &mut Xoshiro256PlusPlus, sc: &mut Scratch) -> u64 {
        let dvotes = &mut sc.dvotes[..d.end - d.start];
        let shares = self.cand_share[d.start..d.end].iter().zip(&self.cand_swing[d.start..d.end]);
        for (slot, (&share, &swing)) in dvotes.iter_mut().zip(shares) {
            let share = match swing {
                Some(k) => self.swing(share, k, &sc.ratio, &sc.shift),
                None => share,
            };
            *slot = self.noisy_votes(share, d.total, rng);
        }
        let against_share = match &self.list {
            Some(list) => self.swing(d.against_all_share, list.centre.len() - 1, &sc.ratio, &sc.shift),
            None => d.against_all_share,
        };
        self.noisy_votes(against_share, d.total, rng)
    }

    /// Gives district `di`'s seat to its `winner` (a candidate of `d`, by
    /// position): to the nominating party's district seats or to the
    /// independents; no winner leaves the seat vacant.
    #[inline]
    fn seat_district(
        &self,
        di: usize,
        d: &DistrictModel,
        winner: Option<usize>,
        sc: &mut Scratch,
        tally: &mut Tally,
        run: &mut RunSeats,
    ) {
        let Some(w) = winner else {
            tally.district_vacant[di] += 1;
            run.vacant += 1;
            return;
        };
        tally.cand_wins[d.start + w] += 1;
        match self.cand_party[d.start + w] {
            Some(p) => sc.district_seats[p] += 1,
            None => run.independents += 1,
        }
    }

    #[inline]
    fn swing(&self, share: f64, k: usize, ratio: &[f64], shift: &[f64]) -> f64 {
        match self.uncertainty.swing {
            Swing::Proportional => share * ratio[k],
            Swing::Uniform => (share + shift[k]).max(0.0),
        }
    }

    #[inline]
    fn noisy_votes(&self, share: f64, total: f64, rng: &mut Xoshiro256PlusPlus) -> u64 {
        let sd = self.uncertainty.district_sd;
        let share = if sd > 0.0 {
            let z: f64 = StandardNormal.sample(rng);
            share * (1.0 + sd * z).max(0.0)
        } else {
            share
        };
        to_votes(share * total)
    }
}

/// The winner of a district with candidates' votes `dvotes` and `against`
/// votes against all, by the body's `rules`: the plurality leader straight
/// away, the full rules only on a tie for the lead or no votes at all
/// ([`decide_by_rules`]).
#[inline]
fn decide_district(
    rules: &DistrictRules,
    dvotes: &[u64],
    against: u64,
    rng: &mut Xoshiro256PlusPlus,
    lot: &mut bool,
) -> Option<usize> {
    match plurality(dvotes) {
        Some((leader, false)) if dvotes[leader] > 0 => rules.seat(leader, dvotes[leader], against).0,
        _ => decide_by_rules(rules, dvotes, against, rng, lot),
    }
}

/// A district decided by the full rules (a tie for the lead, or no votes).
/// A tie the rules refuse is drawn by lot with a seed from `rng`, and `lot`
/// is set.
#[inline]
fn decide_by_rules(
    rules: &DistrictRules,
    dvotes: &[u64],
    against: u64,
    rng: &mut Xoshiro256PlusPlus,
    lot: &mut bool,
) -> Option<usize> {
    match rules.decide_votes(dvotes, against) {
        Err(Error::Tie { .. }) => {
            *lot = true;
            let lot_rules = DistrictRules { ties: TieBreak::Lot { seed: rng.next_u64() }, ..*rules };
            lot_rules.decide_votes(dvotes, against).ok().and_then(|o| o.winner)
        }
        other => other.ok().and_then(|o| o.winner),
    }
}
