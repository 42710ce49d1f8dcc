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
    /// Parameters assumed: not found in published law, or not checked.
    pub assumed: &'static [&'static str],
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
                    "5% threshold measured on party votes plus \"against all\" (CEC 2023 published shares)",
                    "Hare quota with largest remainders: reproduces the CEC's 2023 list seats 40, 8, 6, 6, 5, 4, 0",
                    "\"against all\" on every ballot, never given seats",
                ],
                assumed: &[
                    "equal remainders: the list registered first wins (our brief; the article was not checked)",
                    "a district where \"against all\" leads still elects the leading candidate (2022 wording as we read it)",
                    "seats a list is too short to fill go to the other parties (not found in the law)",
                    "the 2009 \"at least two parties\" rule is off (not confirmed to survive the 2022 reform)",
                    "a list may name at most 1.3 times the list seats (our brief; reported, never changes a seat)",
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
                assumed: &[
                    "the 2009 rule admitting the runner-up when fewer than two parties pass is on",
                    "equal remainders: the list registered first wins",
                ],
            },
            Preset::RegionalMaslikhat => LegalSource {
                law: ELECTIONS_LAW,
                confirmed: &[
                    "half the seats by party list, half by single-member district (2022 reform; Karaganda 2023: 36 = 18 + 18)",
                    "5% threshold, Hare quota with largest remainders, as for the Mazhilis",
                ],
                assumed: &[
                    "an odd size gives the extra seat to the single-member tier",
                    "at most 50 seats (our brief; not checked against the law's text)",
                    "the threshold base includes \"against all\", as for the Mazhilis",
                ],
            },
            Preset::DistrictMaslikhat => LegalSource {
                law: ELECTIONS_LAW,
                confirmed: &["single-member districts only, first past the post (2022 reform)"],
                assumed: &[
                    "at most 30 seats for city bodies and 25 for district bodies (our brief; not checked)",
                ],
            },
            Preset::Akim => LegalSource {
                law: ELECTIONS_LAW,
                confirmed: &[
                    "direct election of rural akims since 2021 (district and city akims piloted from 2023), first past the post",
                ],
                assumed: &["\"against all\" and ties handled as in single-member maslikhat districts"],
            },
            Preset::Kurultai => LegalSource {
                law: "Constitution of the Republic of Kazakhstan adopted by the referendum of 15 March 2026",
                confirmed: &["145 deputies elected by nationwide party lists"],
                assumed: &[
                    "threshold and method not found in published law: the Mazhilis list rules are used \
                     (5% of party votes plus \"against all\", Hare quota, earlier-registered list wins ties)",
                ],
            },
        }
    }

    /// The body under this preset's rules, changed by `overrides`.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidRules`] for impossible sizes: a maslikhat without a
    /// size or above its legal maximum, a total that does not match its tiers,
    /// an akim race with other than one seat, a body with no seats.
    pub fn body(&self, o: &Overrides) -> Result<Body> {
        let bad = |msg: String| Err(Error::InvalidRules(format!("{}: {msg}", self.name())));
        let (list, districts) = match self {
            Preset::Mazhilis => (69, 29),
            Preset::Mazhilis2021 => (98, 0),
            Preset::Kurultai => (145, 0),
            Preset::Akim => (0, 1),
            Preset::RegionalMaslikhat => match (o.seats, o.list_seats, o.district_seats) {
                (Some(n), _, _) => (n / 2, n - n / 2),
                (None, Some(l), Some(d)) => (l, d),
                _ => return bad("give the body's size with \"seats\" (at most 50), or both \"list_seats\" and \"district_seats\"".into()),
            },
            Preset::DistrictMaslikhat => match (o.seats, o.district_seats) {
                (Some(n), _) | (None, Some(n)) => (0, n),
                (None, None) => return bad("give the body's size with \"seats\" (at most 30)".into()),
            },
        };
        let list = o.list_seats.unwrap_or(list);
        let districts = o.district_seats.unwrap_or(districts);
        let total = list as u64 + districts as u64;
        if let Some(n) = o.seats
            && n as u64 != total
        {
            return bad(format!("seats {n} does not equal list_seats {list} + district_seats {districts}"));
        }
        if *self == Preset::Akim && list > 0 {
            return bad("an akim is elected in one single-member race; list_seats must be 0".into());
        }
        let max = match self {
            Preset::RegionalMaslikhat => Some(50),
            Preset::DistrictMaslikhat => Some(30),
            Preset::Akim => Some(1),
            _ => None,
        };
        if total == 0 {
            return bad("the body has no seats".into());
        }
        if let Some(max) = max
            && total > max
        {
            return bad(format!("{total} seats is more than the legal maximum of {max}"));
        }
        if total > u32::MAX as u64 {
            return bad(format!("{total} seats is more than the supported maximum of {}", u32::MAX));
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
            max_list_length: Some((list as u64 * 13 / 10) as u32),
        });
        let district_tier = (districts > 0).then(|| DistrictTier {
            seats: districts,
            rules: DistrictRules { against_all: o.against_all_rule.unwrap_or_default(), ties },
        });
        let source = self.source();
        let mut notes = vec![format!("Rules: {} ({}).", self.name(), source.law)];
        notes.extend(source.assumed.iter().map(|a| format!("Assumed: {a}.")));
        Ok(Body { name: self.name().to_string(), list: list_tier, districts: district_tier, notes })
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
        Preset::ALL.into_iter().find(|p| p.name() == lower).ok_or_else(|| {
            Error::InvalidRules(format!(
                "unknown body {s:?}: expected one of mazhilis, mazhilis-2021, regional-maslikhat, \
                 district-maslikhat, akim, kurultai, referendum"
            ))
        })
    }
}
