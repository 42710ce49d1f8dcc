//! Integer tallies of the runs, merged by addition, and the report built
//! from them.

use super::run::{RunSeats, Scratch};
use super::*;

/// Integer counts over runs: combined by addition, so any order of blocks
/// gives the same totals.
#[derive(Debug, Clone)]
pub(super) struct Tally {
    pub(super) runs: u64,
    pub(super) list: Vec<Vec<u64>>,
    pub(super) district: Vec<Vec<u64>>,
    pub(super) total: Vec<Vec<u64>>,
    pub(super) independents: Vec<u64>,
    pub(super) vacant: Vec<u64>,
    pub(super) passed: Vec<u64>,
    pub(super) majority: Vec<[u64; 3]>,
    pub(super) coalition: Vec<Vec<u64>>,
    pub(super) coalition_majority: Vec<[u64; 3]>,
    pub(super) vote_sum: Vec<u128>,
    pub(super) vote_total: u128,
    pub(super) runs_with_lot: u64,
    /// Runs each candidate (flat, as the model's candidate arrays) won.
    pub(super) cand_wins: Vec<u64>,
    /// Runs each district was left vacant.
    pub(super) district_vacant: Vec<u64>,
}

impl Tally {
    pub(super) fn new(sim: &Simulation) -> Tally {
        let n = sim.parties.len();
        let list_seats = sim.list.as_ref().map_or(0, |l| l.tier.seats) as usize;
        let bins = |size: usize| vec![vec![0u64; size + 1]; n];
        let k = sim.list.as_ref().map_or(0, |l| l.centre.len());
        Tally {
            runs: 0,
            list: bins(list_seats),
            district: bins(sim.district_seats as usize),
            total: bins(sim.seats as usize),
            independents: vec![0; sim.district_seats as usize + 1],
            vacant: vec![0; sim.seats as usize + 1],
            passed: vec![0; n],
            majority: vec![[0; 3]; n],
            coalition: vec![vec![0; sim.seats as usize + 1]; sim.coalitions.len()],
            coalition_majority: vec![[0; 3]; sim.coalitions.len()],
            vote_sum: vec![0; k],
            vote_total: 0,
            runs_with_lot: 0,
            cand_wins: vec![0; sim.cand_share.len()],
            district_vacant: vec![0; sim.districts.len()],
        }
    }

    /// Adds a run's list votes (the lists, then "against all") to the sums
    /// of the mean shares.
    #[inline]
    pub(super) fn add_list_votes(&mut self, votes: &[u64]) {
        for (sum, &v) in self.vote_sum.iter_mut().zip(votes) {
            *sum += v as u128;
        }
        self.vote_total += votes.iter().map(|&v| v as u128).sum::<u128>();
    }

    /// Counts the lists that passed the threshold in a run (`eligible`, one
    /// entry per list).
    #[inline]
    pub(super) fn add_passed(&mut self, eligible: &[bool]) {
        for (count, &e) in self.passed.iter_mut().zip(eligible) {
            *count += e as u64;
        }
    }

    /// Counts a run's seats: each party's list, district and total seats
    /// (from `sc`), the majorities, the coalitions, and `run`'s
    /// independents, vacant seats and lot.
    pub(super) fn record(&mut self, sim: &Simulation, sc: &Scratch, run: &RunSeats) {
        self.runs += 1;
        let house = sim.seats as u64;
        let levels = |s: u64| [s * 2 > house, s * 3 >= house * 2, s * 4 >= house * 3];
        for (i, (&l, &d)) in sc.list_seats.iter().zip(&sc.district_seats).enumerate() {
            self.list[i][l as usize] += 1;
            self.district[i][d as usize] += 1;
            let t = l + d;
            self.total[i][t as usize] += 1;
            for (count, hit) in self.majority[i].iter_mut().zip(levels(t as u64)) {
                *count += hit as u64;
            }
        }
        for (c, CoalitionModel { members, .. }) in sim.coalitions.iter().enumerate() {
            let t: u32 = members.iter().map(|&i| sc.list_seats[i] + sc.district_seats[i]).sum();
            self.coalition[c][t as usize] += 1;
            for (count, hit) in self.coalition_majority[c].iter_mut().zip(levels(t as u64)) {
                *count += hit as u64;
            }
        }
        self.independents[run.independents as usize] += 1;
        self.vacant[run.vacant as usize] += 1;
        self.runs_with_lot += run.lot as u64;
    }

    #[cfg(feature = "parallel")]
    pub(super) fn merge(&mut self, other: &Tally) {
        fn add(a: &mut [u64], b: &[u64]) {
            a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        }
        self.runs += other.runs;
        for (a, b) in self.list.iter_mut().zip(&other.list) {
            add(a, b);
        }
        for (a, b) in self.district.iter_mut().zip(&other.district) {
            add(a, b);
        }
        for (a, b) in self.total.iter_mut().zip(&other.total) {
            add(a, b);
        }
        for (a, b) in self.coalition.iter_mut().zip(&other.coalition) {
            add(a, b);
        }
        add(&mut self.independents, &other.independents);
        add(&mut self.vacant, &other.vacant);
        add(&mut self.passed, &other.passed);
        for (a, b) in self.majority.iter_mut().zip(&other.majority) {
            add(a, b);
        }
        for (a, b) in self.coalition_majority.iter_mut().zip(&other.coalition_majority) {
            add(a, b);
        }
        self.vote_sum.iter_mut().zip(&other.vote_sum).for_each(|(x, y)| *x += y);
        self.vote_total += other.vote_total;
        self.runs_with_lot += other.runs_with_lot;
        add(&mut self.cand_wins, &other.cand_wins);
        add(&mut self.district_vacant, &other.district_vacant);
    }
}

impl Simulation {
    pub(super) fn report(&self, seed: u64, tally: Tally, interrupted: bool) -> Projection {
        let runs = tally.runs;
        let p = |count: u64| if runs == 0 { 0.0 } else { count as f64 / runs as f64 };
        let n_lists = self.list.as_ref().map_or(0, |l| l.centre.len() - 1);
        let simulated = self.list.as_ref().map_or(0, |l| l.tier.seats) + self.districts.len() as u32;
        // A majority is a share of the whole body: with seats outside the
        // model it is not computed rather than computed as if nobody held them.
        let decided = simulated == self.seats;
        let parties = self
            .parties
            .iter()
            .enumerate()
            .map(|(i, name)| {
                let has_list = i < n_lists;
                PartyProjection {
                    party: name.clone(),
                    list: has_list.then(|| SeatStats::from_histogram(&tally.list[i], runs)),
                    district: (!self.districts.is_empty())
                        .then(|| SeatStats::from_histogram(&tally.district[i], runs)),
                    total: SeatStats::from_histogram(&tally.total[i], runs),
                    p_majority: decided.then(|| p(tally.majority[i][0])),
                    p_two_thirds: decided.then(|| p(tally.majority[i][1])),
                    p_three_quarters: decided.then(|| p(tally.majority[i][2])),
                    p_threshold: has_list.then(|| p(tally.passed[i])),
                    centre_share: has_list.then(|| self.list.as_ref().map_or(0.0, |l| l.centre[i])),
                    mean_share: has_list.then(|| {
                        if tally.vote_total == 0 {
                            0.0
                        } else {
                            tally.vote_sum[i] as f64 / tally.vote_total as f64
                        }
                    }),
                }
            })
            .collect();
        let coalitions = self
            .coalitions
            .iter()
            .enumerate()
            .map(|(c, coalition)| CoalitionProjection {
                name: coalition.name.clone(),
                parties: coalition.parties.clone(),
                total: SeatStats::from_histogram(&tally.coalition[c], runs),
                p_majority: decided.then(|| p(tally.coalition_majority[c][0])),
                p_two_thirds: decided.then(|| p(tally.coalition_majority[c][1])),
                p_three_quarters: decided.then(|| p(tally.coalition_majority[c][2])),
            })
            .collect();
        let mut notes = self.notes.clone();
        if tally.runs_with_lot > 0 {
            notes.push(Note::LotsDrawn { runs: tally.runs_with_lot });
        }
        if interrupted {
            notes.push(Note::Interrupted { runs });
        }
        let districts = self.district_chances(&tally, &p);
        Projection {
            districts,
            undecided: self.seats - simulated,
            runs,
            seed,
            seats: self.seats,
            interrupted,
            parties,
            independents: SeatStats::from_histogram(&tally.independents, runs),
            vacant: SeatStats::from_histogram(&tally.vacant, runs),
            coalitions,
            runs_with_lot: tally.runs_with_lot,
            notes,
        }
    }

    /// Each of the scenario's own districts (they come first; generated ones
    /// are not named) with every candidate's chance of winning it.
    fn district_chances(&self, tally: &Tally, p: &dyn Fn(u64) -> f64) -> Vec<DistrictProjection> {
        self.districts
            .iter()
            .zip(&self.district_name)
            .enumerate()
            .map(|(di, (d, name))| DistrictProjection {
                name: name.clone(),
                candidates: (d.start..d.end)
                    .map(|c| CandidateChance {
                        name: self.cand_name[c].clone(),
                        party: self.cand_party[c].map(|k| self.parties[k].clone()),
                        p_win: p(tally.cand_wins[c]),
                    })
                    .collect(),
                p_vacant: p(tally.district_vacant[di]),
            })
            .collect()
    }
}
