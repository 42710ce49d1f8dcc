//! Compiling a simulation: the list model, the districts (given or
//! synthetic), the coalitions and the memory budget.

use super::*;

/// The list tier's model.
#[derive(Debug, Clone)]
pub(super) struct ListModel {
    pub(super) tier: ListTier,
    /// Centre shares of the lists, then "against all" (last).
    pub(super) centre: Vec<f64>,
    pub(super) candidates: Vec<Option<u32>>,
    /// List ballots in the scenario (party votes plus "against all").
    pub(super) total: f64,
    /// The Gamma laws of the Dirichlet when they do not change between runs.
    pub(super) fixed_gammas: Option<Vec<Option<Gamma<f64>>>>,
}

/// One district, as a range of the flat candidate arrays.
#[derive(Debug, Clone)]
pub(super) struct DistrictModel {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) against_all_share: f64,
    pub(super) total: f64,
}

impl Simulation {
    /// Compiles `body`, the centre `ballots` and the `uncertainty`.
    ///
    /// # Errors
    ///
    /// Whatever [`Body::elect`] refuses about the ballots;
    /// [`Error::InvalidUncertainty`], [`Error::UnknownCoalitionParty`],
    /// [`Error::NothingToSimulate`], [`Error::SimulationTooLarge`].
    #[expect(
        clippy::too_many_lines,
        reason = "compiles the list model, districts, synthetic districts, coalitions and the memory budget in one pass, in the order the checks must run"
    )]
    pub fn new(body: &Body, ballots: &Ballots, uncertainty: &Uncertainty) -> Result<Simulation> {
        uncertainty.validate()?;
        // The centre must itself be a valid election (names, districts, rules);
        // a tie at the centre is no obstacle to simulating around it.
        match body.elect(ballots) {
            Ok(_) | Err(Error::Tie { .. } | Error::DistrictTie { .. }) => {}
            Err(e) => return Err(e),
        }
        let mut notes = Vec::new();
        let mut parties: Vec<String> = ballots.lists.iter().map(|l| l.party.trim().to_string()).collect();
        let list = match (&body.list, ballots.lists.is_empty()) {
            (Some(tier), false) => {
                let against = if tier.against_all_in_base { ballots.against_all } else { 0 };
                let total = ballots.lists.iter().map(|l| l.votes as f64).sum::<f64>() + against as f64;
                let mut centre: Vec<f64> = ballots.lists.iter().map(|l| l.votes as f64 / total).collect();
                centre.push(against as f64 / total);
                let mut model = ListModel {
                    tier: tier.clone(),
                    centre,
                    candidates: ballots.lists.iter().map(|l| l.candidates).collect(),
                    total,
                    fixed_gammas: None,
                };
                if uncertainty.log_ratio_sd() == 0.0
                    && uncertainty.points().is_none()
                    && uncertainty.concentration > 0.0
                {
                    model.fixed_gammas = Some(
                        model
                            .centre
                            .iter()
                            .map(|&p| {
                                (p > 0.0)
                                    .then(|| Gamma::new(uncertainty.concentration * p, 1.0).ok())
                                    .flatten()
                            })
                            .collect(),
                    );
                }
                Some(model)
            }
            (Some(tier), true) => {
                notes.push(Note::ListsNotSimulated { seats: tier.seats });
                None
            }
            (None, _) => None,
        };
        let mut sim = Simulation {
            seats: body.seats(),
            parties: Vec::new(),
            list,
            rules: body.districts.map(|d| d.rules),
            district_seats: body.districts.map_or(0, |d| d.seats),
            districts: Vec::new(),
            cand_share: Vec::new(),
            cand_swing: Vec::new(),
            cand_party: Vec::new(),
            cand_name: Vec::new(),
            district_name: Vec::new(),
            // The runs read `systematic_sd` as the log-ratio error: none when
            // the error is given in points (`points`, drawn in `run_once`).
            uncertainty: Uncertainty { systematic_sd: uncertainty.log_ratio_sd(), ..uncertainty.clone() },
            points: uncertainty.points(),
            coalitions: Vec::new(),
            notes: Vec::new(),
        };
        let list_index = |name: &str, parties: &[String]| parties.iter().position(|p| p == name);
        let n_lists = ballots.lists.len();
        if !ballots.districts.is_empty() {
            for d in &ballots.districts {
                let total = d.candidates.iter().map(|c| c.votes as f64).sum::<f64>() + d.against_all as f64;
                let start = sim.cand_share.len();
                for c in &d.candidates {
                    let party = c.party.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(|p| {
                        list_index(p, &parties).unwrap_or_else(|| {
                            parties.push(p.to_string());
                            parties.len() - 1
                        })
                    });
                    sim.cand_share.push(c.votes as f64 / total);
                    sim.cand_swing.push(party.filter(|&p| p < n_lists && sim.list.is_some()));
                    sim.cand_party.push(party);
                    sim.cand_name.push(c.name.trim().to_string());
                }
                sim.district_name.push(d.name.trim().to_string());
                sim.districts.push(DistrictModel {
                    start,
                    end: sim.cand_share.len(),
                    against_all_share: d.against_all as f64 / total,
                    total,
                });
            }
            // Body::elect (above) refused more districts than seats.
            let undecided =
                sim.district_seats.saturating_sub(u32::try_from(ballots.districts.len()).unwrap_or(u32::MAX));
            if undecided > 0 {
                notes.push(Note::DistrictsNotSimulated { seats: undecided, synthetic_possible: false });
            }
        } else if sim.district_seats > 0 {
            match (&sim.list, uncertainty.synthetic_districts) {
                (Some(list), Some(true) | None) => {
                    sim.synthesise_districts(list.clone(), n_lists);
                    notes.push(Note::SyntheticDistricts {
                        seats: sim.district_seats,
                        regional_sd: uncertainty.regional_sd.to_string(),
                    });
                }
                _ => notes.push(Note::DistrictsNotSimulated {
                    seats: sim.district_seats,
                    synthetic_possible: sim.list.is_some(),
                }),
            }
        }
        for c in &uncertainty.coalitions {
            let mut members = Vec::new();
            for p in &c.parties {
                let i = list_index(p.trim(), &parties).ok_or_else(|| Error::UnknownCoalitionParty {
                    coalition: c.name.clone(),
                    party: p.clone(),
                })?;
                if !members.contains(&i) {
                    members.push(i);
                }
            }
            sim.coalitions.push(CoalitionModel { name: c.name.clone(), parties: c.parties.clone(), members });
        }
        if sim.list.is_none() && sim.districts.is_empty() {
            return Err(Error::NothingToSimulate);
        }
        // Each worker keeps three seat histograms per party (list, district,
        // total) and one per coalition, of the body's size.
        let groups = (parties.len() * 3 + sim.coalitions.len()) as u64;
        let cells = groups.saturating_mul(sim.seats as u64 + 1);
        if cells > MAX_HISTOGRAM_CELLS {
            return Err(Error::SimulationTooLarge {
                parties: parties.len(),
                seats: sim.seats,
                cells,
                max: MAX_HISTOGRAM_CELLS,
            });
        }
        sim.parties = parties;
        sim.notes = notes;
        Ok(sim)
    }

    /// Districts drawn once from the national vote, on a fixed stream.
    fn synthesise_districts(&mut self, list: ListModel, n_lists: usize) {
        let mut rng = ChaCha8Rng::seed_from_u64(0x5341_594c_4155);
        let per_district = list.total / self.district_seats as f64;
        for _ in 0..self.district_seats {
            let start = self.cand_share.len();
            let mut raw: Vec<f64> = list
                .centre
                .iter()
                .map(|&p| {
                    let z: f64 = StandardNormal.sample(&mut rng);
                    p * libm::exp(self.uncertainty.regional_sd * z)
                })
                .collect();
            let sum: f64 = raw.iter().sum();
            if sum > 0.0 {
                raw.iter_mut().for_each(|x| *x /= sum);
            }
            for (k, &share) in raw.iter().enumerate().take(n_lists) {
                if list.centre[k] > 0.0 {
                    self.cand_share.push(share);
                    self.cand_swing.push(Some(k));
                    self.cand_party.push(Some(k));
                    // Generated districts are not reported one by one.
                    self.cand_name.push(String::new());
                }
            }
            self.districts.push(DistrictModel {
                start,
                end: self.cand_share.len(),
                against_all_share: raw[n_lists],
                total: per_district,
            });
        }
    }
}
