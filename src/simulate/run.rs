//! One simulated election: draw the votes, decide the seats with the
//! body's own rules, count them into the tally.

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

/// Rounds a non-negative vote count to the nearest integer (halves up).
/// Through `i64`, one instruction on x86-64; `as` saturates, so a simulated
/// count is at most `2^63 - 1`.
#[inline]
fn to_votes(x: f64) -> u64 {
    (x + 0.5) as i64 as u64
}

impl Simulation {
    /// One election: draw votes, decide seats, count.
    #[expect(
        clippy::too_many_lines,
        reason = "the hot loop of one simulated election, kept in one function so the compiler sees it whole; to be split into draw, decide and count"
    )]
    pub(super) fn run_once(&self, rng: &mut Xoshiro256PlusPlus, sc: &mut Scratch, tally: &mut Tally) {
        let u = &self.uncertainty;
        sc.list_seats.iter_mut().for_each(|x| *x = 0);
        sc.district_seats.iter_mut().for_each(|x| *x = 0);
        let mut independents = 0u32;
        let mut vacant = 0u32;
        let mut lot = false;
        if let Some(list) = &self.list {
            let k = list.centre.len();
            match &list.fixed_gammas {
                Some(gammas) => {
                    for (g, law) in sc.share.iter_mut().zip(gammas) {
                        *g = law.as_ref().map_or(0.0, |law| law.sample(rng));
                    }
                }
                None => {
                    // The error every poll shares: in points (`systematic_points`),
                    // or on the log-ratio scale (`systematic_sd`, 0 when the
                    // error is given in points).
                    let points = self.points.map(|pts| pts / 100.0);
                    for (w, &p) in sc.share.iter_mut().zip(&list.centre) {
                        *w = if p <= 0.0 {
                            p
                        } else if let Some(sd) = points {
                            let z: f64 = StandardNormal.sample(rng);
                            (p + sd * z).max(0.0)
                        } else if u.systematic_sd > 0.0 {
                            let z: f64 = StandardNormal.sample(rng);
                            p * libm::exp(u.systematic_sd * z)
                        } else {
                            p
                        };
                    }
                    if points.is_some() && sc.share.iter().all(|&w| w == 0.0) {
                        // Every share fell to zero: no systematic error this run.
                        sc.share.copy_from_slice(&list.centre);
                    }
                    if u.concentration > 0.0 {
                        let sum: f64 = sc.share.iter().sum();
                        for w in sc.share.iter_mut() {
                            if *w > 0.0 {
                                *w = Gamma::new(u.concentration * *w / sum, 1.0)
                                    .map_or(0.0, |law| law.sample(rng));
                            }
                        }
                    }
                }
            }
            let sum: f64 = sc.share.iter().sum();
            if sum > 0.0 {
                sc.share.iter_mut().for_each(|s| *s /= sum);
            }
            let turnout = if u.turnout_sd > 0.0 {
                let z: f64 = StandardNormal.sample(rng);
                (1.0 + u.turnout_sd * z).max(0.0)
            } else {
                1.0
            };
            let ballots = list.total * turnout;
            for i in 0..k {
                sc.votes[i] = to_votes(sc.share[i] * ballots);
                sc.ratio[i] = if list.centre[i] > 0.0 { sc.share[i] / list.centre[i] } else { 1.0 };
                sc.shift[i] = sc.share[i] - list.centre[i];
                tally.vote_sum[i] += sc.votes[i] as u128;
            }
            tally.vote_total += sc.votes.iter().map(|&v| v as u128).sum::<u128>();
            let lists = k - 1;
            let against = sc.votes[lists];
            // A tie the rules refuse is drawn by lot from the run's own
            // stream, from the count as it stands (no recount).
            let counted = list.tier.count_into(
                &sc.votes[..lists],
                &list.candidates,
                against,
                &mut sc.outcome,
                &mut sc.tier,
                |tie, votes| {
                    lot = true;
                    tie.resolve(TieBreak::Lot { seed: rng.next_u64() }, votes)
                },
            );
            match counted {
                Ok(()) => {
                    let o = &sc.outcome;
                    for i in 0..lists {
                        sc.list_seats[i] = o.seats[i];
                        if o.eligible[i] {
                            tally.passed[i] += 1;
                        }
                    }
                    vacant += o.vacant;
                }
                // Every list below the threshold (or no votes): no list seats this run.
                Err(_) => vacant += list.tier.seats,
            }
        }
        if let Some(rules) = &self.rules {
            for (di, d) in self.districts.iter().enumerate() {
                // Written in place: the buffer is as wide as the widest district.
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
                    Some(list) => {
                        self.swing(d.against_all_share, list.centre.len() - 1, &sc.ratio, &sc.shift)
                    }
                    None => d.against_all_share,
                };
                let against = self.noisy_votes(against_share, d.total, rng);
                let dvotes = &sc.dvotes[..d.end - d.start];
                let winner = match plurality(dvotes) {
                    Some((leader, false)) if dvotes[leader] > 0 => {
                        rules.seat(leader, dvotes[leader], against).0
                    }
                    // A tie for the lead, or no votes at all: the full rules.
                    _ => match rules.decide_votes(dvotes, against) {
                        Err(Error::Tie { .. }) => {
                            lot = true;
                            let lot_rules =
                                DistrictRules { ties: TieBreak::Lot { seed: rng.next_u64() }, ..*rules };
                            lot_rules.decide_votes(dvotes, against).ok().and_then(|o| o.winner)
                        }
                        other => other.ok().and_then(|o| o.winner),
                    },
                };
                match winner {
                    Some(w) => {
                        tally.cand_wins[d.start + w] += 1;
                        match self.cand_party[d.start + w] {
                            Some(p) => sc.district_seats[p] += 1,
                            None => independents += 1,
                        }
                    }
                    None => {
                        tally.district_vacant[di] += 1;
                        vacant += 1;
                    }
                }
            }
        }
        tally.record(self, sc, independents, vacant, lot);
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
