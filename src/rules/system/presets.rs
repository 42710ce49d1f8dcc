//! Kazakhstan's elected bodies as rule sets, each with its legal source and
//! a list of which parameters are confirmed and which are assumed.
//!
//! | preset | seats | list tier | single-member tier |
//! |---|---|---|---|
//! | `mazhilis` (2023-2026) | 98 | 69: 5% of party votes + "against all", Hare | 29 |
//! | `mazhilis-2021` | 98 | 98: 7% of party votes, Hare, at least two parties | none |
//! | `regional-maslikhat` | user, at most 50 | half (rounded down): 5%, Hare | the rest |
//! | `district-maslikhat` | user, at most 30 | none | every seat |
//! | `akim` | 1 | none | 1 |
//! | `kurultai` (2026 constitution) | 145 | 145: Mazhilis list rules, **assumed** | none |
//!
//! Every preset can be changed through [`Overrides`], to ask "what if".

use std::fmt;
use std::str::FromStr;

use super::{Body, DistrictTier, ListTier, UnfilledSeats};
use crate::apportion::{Method, TieBreak};
use crate::district::{AgainstAllRule, DistrictRules};
use crate::error::{Error, Result};
use crate::note::Assumption;
use crate::threshold::Threshold;

/// A Kazakh elected body under its statutory rules.
///
/// # Example
///
/// ```
/// # use saylau::system::{Overrides, Preset};
/// let body = Preset::Mazhilis.body(&Overrides::default())?;
/// assert_eq!(body.seats(), 98);
/// assert_eq!(body.list.as_ref().unwrap().seats, 69);
/// let what_if = Preset::Mazhilis.body(&Overrides { list_seats: Some(98), district_seats: Some(0), ..Default::default() })?;
/// assert!(what_if.districts.is_none());
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// The Mazhilis under the 2022 constitutional reform (elections of 2023).
    Mazhilis,
    /// The Mazhilis as elected in 2021: all 98 elected seats by party list.
    Mazhilis2021,
    /// A regional maslikhat (17 regions and the cities of Astana, Almaty,
    /// Shymkent) since 2023: half list, half single-member.
    RegionalMaslikhat,
    /// A city or district maslikhat since 2023: single-member only.
    DistrictMaslikhat,
    /// A directly elected akim: one single-member race.
    Akim,
    /// The unicameral Kurultai of the 2026 constitution: 145 list seats.
    Kurultai,
}

/// Where a preset's rules come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LegalSource {
    /// The legal texts.
    pub law: &'static str,
    /// Parameters confirmed against the law's text or an official result.
    pub confirmed: &'static [&'static str],
    /// Rules that could not be confirmed; each result notes those it depends on.
    pub assumed: &'static [Assumption],
}

/// Changes to a preset's rules. `None` keeps the preset's value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// The body's total size (required for maslikhats unless both tiers are
    /// given; for other bodies it must equal the sum of the tiers).
    pub seats: Option<u32>,
    /// Seats in the list tier (0 removes the tier).
    pub list_seats: Option<u32>,
    /// Seats in the single-member tier (0 removes the tier).
    pub district_seats: Option<u32>,
    /// The list threshold.
    pub threshold: Option<Threshold>,
    /// The list apportionment method.
    pub method: Option<Method>,
    /// The tie rule, for lists and districts.
    pub ties: Option<TieBreak>,
    /// The "at least this many parties" rule (0 turns it off).
    pub min_parties: Option<usize>,
    /// What a win of "against all" in a district does.
    pub against_all_rule: Option<AgainstAllRule>,
    /// What happens to list seats a party cannot fill.
    pub unfilled_seats: Option<UnfilledSeats>,
}

const ELECTIONS_LAW: &str = "Constitutional Law of the Republic of Kazakhstan No. 2464 \"On Elections in the Republic \
     of Kazakhstan\" of 28 September 1995, as amended (notably on 5 November 2022)";

impl Preset {
    /// Every preset.
    pub const ALL: [Preset; 6] = [
        Preset::Mazhilis,
        Preset::Mazhilis2021,
        Preset::RegionalMaslikhat,
        Preset::DistrictMaslikhat,
        Preset::Akim,
        Preset::Kurultai,
    ];

    /// The name used in scenario files and output (`"mazhilis"`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            Preset::Mazhilis => "mazhilis",
            Preset::Mazhilis2021 => "mazhilis-2021",
            Preset::RegionalMaslikhat => "regional-maslikhat",
            Preset::DistrictMaslikhat => "district-maslikhat",
            Preset::Akim => "akim",
            Preset::Kurultai => "kurultai",
        }
    }

    /// The legal source of the rules, and what is confirmed or assumed.
    pub fn source(&self) -> LegalSource {
        match self {
            Preset::Mazhilis => LegalSource {
                law: "Constitution of the Republic of Kazakhstan, Art. 51 as amended by the referendum of 5 June 2022; \
                      Constitutional Law \"On Elections\" as amended on 5 November 2022",
                confirmed: &[
                    "98 seats = 69 party-list seats in one nationwide constituency + 29 single-member districts \
                     (constitution; CEC 2023 results)",
                    "5% threshold measured on party votes plus \"against all\" (CEC 2023 published base 6,366,441)",
                    "a list may name at most 1.3 times the list seats, rounded to the nearest whole number (CEC: \
                     90 names for 69 seats in 2023; 127 for 98 in 2007)",
                    "Hare quota with largest remainders: reproduces the CEC's 2023 list seats 40, 8, 6, 6, 5, 4, 0",
                    "\"against all\" on every ballot, never given seats",
                ],
                assumed: &[
                    Assumption::EarlierListWinsTie,
                    Assumption::AgainstAllElectsLeader,
                    Assumption::UnfilledSeatsRedistributed,
                    Assumption::RunnerUpRuleOff,
                ],
            },
            Preset::Mazhilis2021 => LegalSource {
                law: ELECTIONS_LAW,
                confirmed: &[
                    "98 elected seats by nationwide party list (a further 9 chosen by the Assembly of the People of \
                     Kazakhstan are not modelled)",
                    "7% threshold of party votes; no \"against all\" line",
                    "Hare quota with largest remainders",
                ],
                assumed: &[Assumption::RunnerUpRuleOn, Assumption::EarlierListWinsTie],
            },
            Preset::RegionalMaslikhat => LegalSource {
                law: ELECTIONS_LAW,
                confirmed: &[
                    "half the seats by party list, half by single-member district (2022 reform; Karaganda 2023: 36 = 18 + 18)",
                    "5% threshold, Hare quota with largest remainders, as for the Mazhilis (2023 seats reproduced)",
                    "\"against all\" in the threshold base (2023 published shares of Astana, Almaty and Karaganda)",
                    "at most 50 seats (Law on local public administration, Art. 5(3))",
                ],
                assumed: &[
                    Assumption::OddSeatToDistricts,
                    Assumption::EarlierListWinsTie,
                    Assumption::AgainstAllElectsLeader,
                    Assumption::UnfilledSeatsRedistributed,
                ],
            },
            Preset::DistrictMaslikhat => LegalSource {
                law: ELECTIONS_LAW,
                confirmed: &[
                    "single-member districts only, first past the post (2022 reform)",
                    "at most 30 seats for a city maslikhat and 25 for a district maslikhat (Law on local public \
                     administration, Art. 5(3))",
                ],
                assumed: &[Assumption::AgainstAllElectsLeader],
            },
            Preset::Akim => LegalSource {
                law: ELECTIONS_LAW,
                confirmed: &[
                    "direct election of rural akims since 2021 (district and city akims piloted from 2023), first past the post",
                ],
                assumed: &[Assumption::AkimAsDistrict],
            },
            Preset::Kurultai => LegalSource {
                law: "Constitution of the Republic of Kazakhstan adopted by the referendum of 15 March 2026",
                confirmed: &["145 deputies elected by nationwide party lists"],
                assumed: &[Assumption::KurultaiListRules],
            },
        }
    }

    /// The body under this preset's rules, changed by `overrides`.
    ///
    /// # Errors
    ///
    /// Impossible sizes: [`Error::SizeRequired`] for a maslikhat without a
    /// size, [`Error::AboveLegalMaximum`], [`Error::SizeMismatch`] for a total
    /// that does not match its tiers, [`Error::AkimListSeats`],
    /// [`Error::EmptyBody`], [`Error::TooManySeats`].
    #[expect(
        clippy::too_many_lines,
        reason = "the sizes, limits and defaults of every preset side by side, as the law gives them"
    )]
    pub fn body(&self, o: &Overrides) -> Result<Body> {
        let body = self.name();
        let (list, districts) = match self {
            Preset::Mazhilis => (69, 29),
            Preset::Mazhilis2021 => (98, 0),
            Preset::Kurultai => (145, 0),
            Preset::Akim => (0, 1),
            Preset::RegionalMaslikhat => match (o.seats, o.list_seats, o.district_seats) {
                (Some(n), _, _) => (n / 2, n - n / 2),
                (None, Some(l), Some(d)) => (l, d),
                _ => {
                    return Err(Error::SizeRequired {
                        body,
                        hint: "\"seats\" (at most 50), or both \"list_seats\" and \"district_seats\"",
                    });
                }
            },
            Preset::DistrictMaslikhat => match (o.seats, o.district_seats) {
                (Some(n), _) | (None, Some(n)) => (0, n),
                (None, None) => {
                    return Err(Error::SizeRequired {
                        body,
                        hint: "\"seats\" (at most 30 for a city maslikhat, 25 for a district maslikhat)",
                    });
                }
            },
        };
        let list = o.list_seats.unwrap_or(list);
        let districts = o.district_seats.unwrap_or(districts);
        let total = list as u64 + districts as u64;
        if let Some(n) = o.seats
            && n as u64 != total
        {
            return Err(Error::SizeMismatch { body, seats: n, list_seats: list, district_seats: districts });
        }
        if *self == Preset::Akim && list > 0 {
            return Err(Error::AkimListSeats);
        }
        let max = match self {
            Preset::RegionalMaslikhat => Some((
                50,
                "a regional maslikhat, including those of Astana, Almaty and Shymkent, has at most 50 seats",
            )),
            Preset::DistrictMaslikhat => {
                Some((30, "a city maslikhat has at most 30 seats and a district maslikhat at most 25"))
            }
            Preset::Akim => Some((1, "an akim is one person")),
            _ => None,
        };
        if total == 0 {
            return Err(Error::EmptyBody { body });
        }
        if let Some((max, which)) = max
            && total > max as u64
        {
            return Err(Error::AboveLegalMaximum { body, seats: total, max, which });
        }
        if total > u32::MAX as u64 {
            return Err(Error::TooManySeats { seats: total, max: u32::MAX as u64 });
        }
        let (default_threshold, against_all_in_base, default_min) = match self {
            Preset::Mazhilis2021 => (Threshold::new(crate::Ratio::integer(7))?, false, 2),
            _ => (Threshold::new(crate::Ratio::integer(5))?, true, 0),
        };
        let ties = o.ties.unwrap_or(TieBreak::ListOrder);
        let list_tier = (list > 0).then(|| ListTier {
            seats: list,
            method: o.method.unwrap_or(Method::HARE),
            threshold: o.threshold.unwrap_or(default_threshold),
            against_all_in_base,
            ties,
            min_parties: o.min_parties.unwrap_or(default_min),
            unfilled: o.unfilled_seats.unwrap_or_default(),
            // 1.3 times the seats, to the nearest whole number (90 for 69).
            max_list_length: Some(((list as u64 * 13 + 5) / 10) as u32),
        });
        let district_tier = (districts > 0).then(|| DistrictTier {
            seats: districts,
            rules: DistrictRules { against_all: o.against_all_rule.unwrap_or_default(), ties },
        });
        Ok(Body {
            name: self.name().to_string(),
            list: list_tier,
            districts: district_tier,
            preset: Some(*self),
        })
    }
}

impl fmt::Display for Preset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Preset {
    type Err = Error;

    fn from_str(s: &str) -> Result<Preset> {
        let lower = s.trim().to_ascii_lowercase().replace('_', "-");
        Preset::ALL
            .into_iter()
            .find(|p| p.name() == lower)
            .ok_or_else(|| Error::UnknownBody { name: s.to_string() })
    }
}
