//! Kazakhstan's elected bodies as rule sets by period, each rule with its
//! source ([`Confirmed`]) or, where no source confirms it, as an
//! [`Assumption`] that says what was checked and what the other reading is.
//!
//! Presets are named by the year their rules took effect; the short names
//! are the rules in force.
//!
//! | preset (other names) | seats | list tier | single-member tier |
//! |---|---|---|---|
//! | `mazhilis-2007` | 98 | 98: 7% of list votes, Hare | none |
//! | `mazhilis-2009` (`mazhilis-2021`) | 98 | 98: 7% of list votes, Hare, runner-up rule of Art. 97(2)-(3) | none |
//! | `mazhilis-2023` (`mazhilis`) | 98 | 69: 5% of list votes + "against all", Hare | 29 |
//! | `maslikhat-2021` | user, at most 50 | all: 7% of list votes, Hare | none |
//! | `regional-maslikhat-2023` (`regional-maslikhat`) | user, at most 50 | half (rounded down): 5%, Hare | the rest |
//! | `city-maslikhat-2023` (`city-maslikhat`) | user, at most 30 | none | every seat |
//! | `district-maslikhat-2023` (`district-maslikhat`) | user, at most 25 | none | every seat |
//! | `akim-2021` (`akim`) | 1 | none | 1 |
//! | `kurultai-2026` (`kurultai`) | 145 | 145: 5%; the rest **not confirmed** | none |
//!
//! # Sources, by preset
//!
//! [`Preset::source`] gives each rule with its source; in short:
//!
//! - `mazhilis-2007`: seats, 7% and Hare from Art. 97 of the election law
//!   (2007-2011 text); no runner-up rule until the amendment of 9 February
//!   2009; the 7% is of the list votes (reproduced from published shares);
//!   127 names at most (2007 practice). Not confirmed: the tie rule.
//! - `mazhilis-2009`: Art. 97(1)-(3) as amended on 9 February 2009 (English
//!   translation; IPU summary), including the tie rule (the list registered
//!   first) and the runner-up rule with the 0.7 index. Not confirmed: the
//!   clause the translation cuts off ("at least two seats"), and what
//!   happens to seats left after one round of remainders.
//! - `mazhilis-2023`: Constitution Art. 51 (2022) for 69 + 29; CEC
//!   statements for the 5%, its base (lists + "against all") and the 90-name
//!   limit; Hare reproduced from the CEC's 2023 seats; Art. 9(2) for
//!   plurality. Not confirmed: the tie rule, an "against all" lead, unfilled
//!   seats, and whether the runner-up rule survives.
//! - `maslikhat-2021`: all-list (the 2023 reform announcement), sizes from
//!   Art. 5(3) of the Law on local public administration. Not confirmed:
//!   the list rules (7%, Hare, ties), taken from the Mazhilis of the time.
//! - `regional-`, `city-` and `district-maslikhat-2023`: the 50/50 split
//!   (CEC), 5% (Astana commission), base and Hare reproduced from published
//!   2023 figures; sizes 50, 30 and 25 from Art. 5(3). Not confirmed: the
//!   odd seat, ties, an "against all" lead.
//! - `akim-2021`: direct election (CEC figures of 2021 and 2023). Not
//!   confirmed: the winner, tie and "against all" rules.
//! - `kurultai-2026`: 145 list seats (Constitution of 2026, Art. 95); 5% as
//!   announced by the President on 20 January 2026. Not confirmed: every
//!   other list rule.
//!
//! ```
//! # use saylau::system::Preset;
//! for p in Preset::ALL {
//!     assert!(!p.source().confirmed.is_empty(), "{p}");
//! }
//! let rules = Preset::Mazhilis.source().confirmed.iter().map(ToString::to_string).collect::<Vec<_>>();
//! assert!(rules.iter().any(|r| r.starts_with("the threshold is a share of the votes for lists plus")));
//! ```
//!
//! Every preset can be changed through [`Overrides`], to ask "what if".

use std::fmt;
use std::str::FromStr;

use super::{Body, DistrictTier, ListTier, UnfilledSeats};
use crate::apportion::{Method, TieBreak};
use crate::district::{AgainstAllRule, DistrictRules};
use crate::error::{Error, Result};
use crate::note::Assumption;
use crate::rules::runner_up::{LeftOver, RunnerUp};
use crate::rules::source::{Applies, Confirmed, Source};
use crate::threshold::Threshold;

/// A Kazakh elected body under the rules of one period.
///
/// # Example
///
/// ```
/// # use saylau::system::{Overrides, Preset};
/// let body = Preset::Mazhilis.body(&Overrides::default())?;
/// assert_eq!(body.seats(), 98);
/// assert_eq!(body.list.as_ref().unwrap().seats, 69);
/// assert_eq!("mazhilis-2023".parse::<Preset>()?, Preset::Mazhilis);
/// assert_eq!("mazhilis-2021".parse::<Preset>()?, Preset::Mazhilis2021);
/// let what_if = Preset::Mazhilis.body(&Overrides { list_seats: Some(98), district_seats: Some(0), ..Default::default() })?;
/// assert!(what_if.districts.is_none());
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// The Mazhilis of 2007: 98 seats by party list, 7%, no runner-up rule.
    Mazhilis2007,
    /// The Mazhilis of 2009-2021 (`mazhilis-2009`, also `mazhilis-2021`):
    /// 98 seats by party list, 7%, the runner-up rule of Art. 97(2)-(3).
    Mazhilis2021,
    /// The Mazhilis under the 2022 constitutional reform (elections of 2023).
    Mazhilis,
    /// A maslikhat of 2021: every seat by party list, 7%.
    Maslikhat2021,
    /// A regional maslikhat (17 regions and the cities of Astana, Almaty,
    /// Shymkent) since 2023: half list, half single-member.
    RegionalMaslikhat,
    /// A maslikhat of a city of regional significance since 2023:
    /// single-member only, at most 30 seats.
    CityMaslikhat,
    /// A district maslikhat since 2023: single-member only, at most 25 seats.
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
    /// Rules confirmed by the law's text, an official or official figures,
    /// each with its source.
    pub confirmed: &'static [Confirmed],
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
    /// The runner-up rule of 2009 (Art. 97(2)-(3)), or off.
    pub runner_up: Option<RunnerUp>,
    /// Under the runner-up rule, where the seats left after one round of
    /// remainders go.
    pub runner_up_left_over: Option<LeftOver>,
}

const ELECTIONS_LAW: &str = "Constitutional Law No. 2464 \"On Elections\"";
const LOCAL_LAW: &str = "Law \"On local public administration and self-government\" of 2001";
const VERSION_2007: &str = "as amended on 19 June 2007, No. 268-III, in the English translation of the 2007-2011 text \
     (te.gob.mx)";
const VERSION_2009: &str = "as amended on 9 February 2009, in English translation (te.gob.mx) and as summarised by the IPU (Parline 2165_B)";

const HARE_LAW: Source =
    Source::Law { law: ELECTIONS_LAW, article: "Art. 97(1), (3)", version: VERSION_2009 };
const PLURALITY: Confirmed = Confirmed {
    rule: "the candidate with more votes than every other candidate is elected",
    applies: Applies::Districts,
    source: Source::Law {
        law: ELECTIONS_LAW,
        article: "Art. 9(2)",
        version: "as amended in 2022, quoted by International IDEA (idea.int/node/149918)",
    },
};
const AGAINST_ALL_ON_BALLOT: Confirmed = Confirmed {
    rule: "\"against all\" on every ballot, never given seats",
    applies: Applies::Body,
    source: Source::Official {
        who: "CEC deputy chair K. Petrov, 2023",
        reference: "sailaunews.kz, \"How will the elections to the Mazhilis and maslikhats be held\"",
    },
};
const BASE_2023: Confirmed = Confirmed {
    rule: "the threshold is a share of the votes for lists plus \"against all\"; invalid ballots are left out",
    applies: Applies::Lists,
    source: Source::Official {
        who: "CEC final results, 27 March 2023: \"6,366,441 voted for parties and against all\", the base of \
              every published share",
        reference: "vlast.kz/novosti/54446",
    },
};
const BASE_LIST_VOTES: Confirmed = Confirmed {
    rule: "the threshold is a share of the votes for lists (no \"against all\" line until 2023)",
    applies: Applies::Lists,
    source: Source::Reproduced {
        figures: "the published shares: 2016 on 7,522,868 valid list votes (Nur Otan 82.2%), 2021 on 7,241,562 \
                  (Nur Otan 71.09%), not on the ballots cast",
        reference: "CEC via inform.kz (2016); caravan.kz, zonakz.net (12 January 2021)",
    },
};
const SEVEN_PERCENT: Confirmed = Confirmed {
    rule: "7% threshold",
    applies: Applies::Lists,
    source: Source::Law { law: ELECTIONS_LAW, article: "Art. 97(1)", version: VERSION_2007 },
};
const FIVE_PERCENT_2021: Confirmed = Confirmed {
    rule: "5% threshold",
    applies: Applies::Lists,
    source: Source::Official {
        who: "laws signed on 25 May 2021 lowered it from 7%; CEC, 2023: \"Baytaq, below the required 5%\"",
        reference: "embassynews.info; Kazpravda, \"Итоги выборов в Мажилис подвели в ЦИК\"",
    },
};
const LIST_CAP_98: Confirmed = Confirmed {
    rule: "a list names at most 1.3 times the list seats, to the nearest whole number (127 for 98 seats)",
    applies: Applies::Lists,
    source: Source::Official {
        who: "Nur Otan's 127 names were \"the maximum permitted\" in 2007",
        reference: "enews.fergananews.com/articles/2044",
    },
};
const HARE_98: Confirmed = Confirmed {
    rule: "Hare quota with largest remainders, the list registered first winning equal remainders",
    applies: Applies::Lists,
    source: HARE_LAW,
};

const MAZHILIS_2007: LegalSource = LegalSource {
    law: "Constitutional Law No. 2464 \"On Elections\" of 28 September 1995, as amended on 19 June 2007",
    confirmed: &[
        Confirmed {
            rule: "98 elected seats by party list in one nationwide constituency (9 more chosen by the Assembly \
                   of the People of Kazakhstan are not modelled)",
            applies: Applies::Body,
            source: Source::Law { law: ELECTIONS_LAW, article: "Art. 97", version: VERSION_2007 },
        },
        SEVEN_PERCENT,
        BASE_LIST_VOTES,
        LIST_CAP_98,
        Confirmed {
            rule: "Hare quota with largest remainders",
            applies: Applies::Lists,
            source: Source::Law { law: ELECTIONS_LAW, article: "Art. 97(1), (3)", version: VERSION_2007 },
        },
        Confirmed {
            rule: "no runner-up rule: it came in with the amendment of 9 February 2009",
            applies: Applies::Lists,
            source: Source::Official {
                who: "the February 2009 amendment \"to allocate seats to at least two political parties\"",
                reference: "vse-na-vybory.blogspot.com/2009/01; IPU Parline 2165_B",
            },
        },
    ],
    assumed: &[Assumption::EarlierListWinsTie, Assumption::UnfilledSeatsRedistributed],
};

const MAZHILIS_2009: LegalSource = LegalSource {
    law: "Constitutional Law No. 2464 \"On Elections\" of 28 September 1995, as amended on 9 February 2009",
    confirmed: &[
        Confirmed {
            rule: "98 elected seats by party list in one nationwide constituency (9 more chosen by the Assembly \
                   of the People of Kazakhstan are not modelled)",
            applies: Applies::Body,
            source: Source::Law { law: ELECTIONS_LAW, article: "Art. 97", version: VERSION_2009 },
        },
        SEVEN_PERCENT,
        BASE_LIST_VOTES,
        LIST_CAP_98,
        HARE_98,
        Confirmed {
            rule: "when one list alone passes, the list with the next largest vote is admitted; the quota is the \
                   two lists' votes divided by the seats, and the runner-up's quotient is multiplied by 0.7",
            applies: Applies::Lists,
            source: Source::Law { law: ELECTIONS_LAW, article: "Art. 97(2)-(3)", version: VERSION_2009 },
        },
    ],
    assumed: &[
        Assumption::RunnerUpAtLeastTwo,
        Assumption::RunnerUpRoundAgain,
        Assumption::UnfilledSeatsRedistributed,
    ],
};

const MAZHILIS_2023: LegalSource = LegalSource {
    law: "Constitution of the Republic of Kazakhstan, Art. 51 as amended by the referendum of 5 June 2022; \
          Constitutional Law \"On Elections\" as amended on 5 November 2022",
    confirmed: &[
        Confirmed {
            rule: "98 seats: 69 by party list in one nationwide constituency, 29 in single-member districts",
            applies: Applies::Body,
            source: Source::Law {
                law: "Constitution of the Republic of Kazakhstan",
                article: "Art. 51",
                version: "as amended by the referendum of 5 June 2022",
            },
        },
        FIVE_PERCENT_2021,
        BASE_2023,
        Confirmed {
            rule: "a list names at most 1.3 times the list seats, to the nearest whole number (90 for 69 seats)",
            applies: Applies::Lists,
            source: Source::Official {
                who: "CEC deputy chair K. Petrov, 9 February 2023: \"a maximum of 90 people\"",
                reference: "Astana Times, 2023-02-09; vlast.kz/novosti/53934",
            },
        },
        Confirmed {
            rule: "Hare quota with largest remainders",
            applies: Applies::Lists,
            source: Source::Reproduced {
                figures: "the CEC's list seats of 2023, 40, 8, 6, 6, 5, 4 and 0 (D'Hondt gives 41, 8, 6, 6, 5, 3)",
                reference: "CEC final results, 27 March 2023 (Astana Times; vlast.kz/novosti/54446)",
            },
        },
        AGAINST_ALL_ON_BALLOT,
        PLURALITY,
    ],
    assumed: &[
        Assumption::EarlierListWinsTie,
        Assumption::AgainstAllElectsLeader,
        Assumption::UnfilledSeatsRedistributed,
        Assumption::RunnerUpRuleOff,
    ],
};

const MASLIKHAT_2021: LegalSource = LegalSource {
    law: "Constitutional Law No. 2464 \"On Elections\" as in force for the maslikhat elections of 10 January \
          2021; Law \"On local public administration and self-government\", Art. 5(3)",
    confirmed: &[
        Confirmed {
            rule: "every seat by party list (single-member districts came back in 2023)",
            applies: Applies::Body,
            source: Source::Official {
                who: "President Tokayev, 19 January 2023, announcing the mixed system for the 2023 maslikhats",
                reference: "bestnews.kz/vlast/14055; Interfax 87063",
            },
        },
        Confirmed {
            rule: "at most 50 seats in a regional maslikhat and in those of Astana, Almaty and Shymkent, 30 in a \
                   city maslikhat, 25 in a district maslikhat",
            applies: Applies::Body,
            source: Source::Law {
                law: LOCAL_LAW,
                article: "Art. 5(3)",
                version: "as published by zakonpravo.kz",
            },
        },
    ],
    assumed: &[Assumption::MaslikhatListRules2021, Assumption::UnfilledSeatsRedistributed],
};

const REGIONAL_SIZE: Confirmed = Confirmed {
    rule: "at most 50 seats in a regional maslikhat, Astana, Almaty and Shymkent included",
    applies: Applies::Body,
    source: Source::Law { law: LOCAL_LAW, article: "Art. 5(3)", version: "as published by zakonpravo.kz" },
};
const SINGLE_MEMBER_2023: Source = Source::Official {
    who: "President Tokayev, 19 January 2023; CEC deputy chair K. Petrov",
    reference: "bestnews.kz/vlast/14055; syrboyi.kz",
};

const REGIONAL_2023: LegalSource = LegalSource {
    law: "Constitutional Law \"On Elections\" as amended on 5 November 2022; Law \"On local public \
          administration and self-government\", Art. 5(3)",
    confirmed: &[
        Confirmed {
            rule: "half the seats by party list, half by single-member district",
            applies: Applies::Body,
            source: Source::Official {
                who: "CEC deputy chair K. Petrov: \"50% majoritarian, 50% party lists\"; Karaganda 2023: 36 = 18 + 18",
                reference: "ernur.kz; syrboyi.kz; inkaraganda.kz",
            },
        },
        Confirmed {
            rule: "5% threshold",
            applies: Applies::Lists,
            source: Source::Official {
                who: "Astana territorial election commission chair, March 2023",
                reference: "kapital.kz/114130",
            },
        },
        Confirmed {
            rule: "the threshold is a share of the votes for lists plus \"against all\"; Hare quota with largest \
                   remainders",
            applies: Applies::Lists,
            source: Source::Reproduced {
                figures: "the published 2023 shares of Astana, Almaty and Karaganda region, and the published \
                          list seats",
                reference: "Kazinform: Karaganda regional maslikhat results, March 2023",
            },
        },
        REGIONAL_SIZE,
        AGAINST_ALL_ON_BALLOT,
        PLURALITY,
    ],
    assumed: &[
        Assumption::OddSeatToDistricts,
        Assumption::EarlierListWinsTie,
        Assumption::AgainstAllElectsLeader,
        Assumption::UnfilledSeatsRedistributed,
    ],
};

const CITY_2023: LegalSource = LegalSource {
    law: "Constitutional Law \"On Elections\" as amended on 5 November 2022; Law \"On local public \
          administration and self-government\", Art. 5(3)",
    confirmed: &[
        Confirmed {
            rule: "single-member districts only",
            applies: Applies::Body,
            source: SINGLE_MEMBER_2023,
        },
        Confirmed {
            rule: "at most 30 seats in the maslikhat of a city of regional significance",
            applies: Applies::Body,
            source: Source::Law {
                law: LOCAL_LAW,
                article: "Art. 5(3)",
                version: "as published by zakonpravo.kz",
            },
        },
        AGAINST_ALL_ON_BALLOT,
        PLURALITY,
    ],
    assumed: &[Assumption::AgainstAllElectsLeader],
};

const DISTRICT_2023: LegalSource = LegalSource {
    law: CITY_2023.law,
    confirmed: &[
        Confirmed {
            rule: "single-member districts only",
            applies: Applies::Body,
            source: SINGLE_MEMBER_2023,
        },
        Confirmed {
            rule: "at most 25 seats in a district maslikhat",
            applies: Applies::Body,
            source: Source::Law {
                law: LOCAL_LAW,
                article: "Art. 5(3)",
                version: "as published by zakonpravo.kz",
            },
        },
        AGAINST_ALL_ON_BALLOT,
        PLURALITY,
    ],
    assumed: &[Assumption::AgainstAllElectsLeader],
};

const AKIM: LegalSource = LegalSource {
    law: "Constitutional Law \"On Elections\" as amended on 24 May 2021 (direct election of rural akims) and for \
          the district and city akim pilot of 5 November 2023",
    confirmed: &[
        Confirmed {
            rule: "one akim elected directly in one race",
            applies: Applies::Body,
            source: Source::Official {
                who: "CEC: 730 rural akims elected on 25 July 2021; 42 district and 3 city akims on 5 November 2023",
                reference: "inform.kz, 25 July 2021; el.kz; tass.ru/mezhdunarodnaya-panorama/19211159",
            },
        },
        Confirmed {
            rule: "\"against all\" on the ballot and counted",
            applies: Applies::Districts,
            source: Source::Official {
                who: "West Kazakhstan regional commission: Bokeyorda 2023, 178 \"against all\"",
                reference: "mgorod.kz/news/v-zko-izbrali-treh-akimov",
            },
        },
    ],
    assumed: &[Assumption::AkimAsDistrict, Assumption::AgainstAllElectsLeader],
};

const KURULTAI: LegalSource = LegalSource {
    law: "Constitution of the Republic of Kazakhstan adopted by the referendum of 15 March 2026, in force on \
          1 July 2026",
    confirmed: &[
        Confirmed {
            rule: "145 deputies elected by party lists in one nationwide constituency",
            applies: Applies::Body,
            source: Source::Law {
                law: "Constitution of the Republic of Kazakhstan",
                article: "Art. 95 (Section XI of the draft)",
                version: "adopted on 15 March 2026 (inform.kz, 12 February 2026)",
            },
        },
        Confirmed {
            rule: "5% threshold",
            applies: Applies::Lists,
            source: Source::Official {
                who: "President Tokayev at the National Kurultai, 20 January 2026 (an announcement, not a law)",
                reference: "news.rambler.ru/world/55918304",
            },
        },
    ],
    assumed: &[Assumption::KurultaiListRules],
};

impl Preset {
    /// Every preset, oldest rules first.
    pub const ALL: [Preset; 9] = [
        Preset::Mazhilis2007,
        Preset::Mazhilis2021,
        Preset::Mazhilis,
        Preset::Maslikhat2021,
        Preset::RegionalMaslikhat,
        Preset::CityMaslikhat,
        Preset::DistrictMaslikhat,
        Preset::Akim,
        Preset::Kurultai,
    ];

    /// The name used in output, and in scenario files: the short name for
    /// the rules in force (`"mazhilis"`), the period's name for older rules
    /// (`"mazhilis-2007"`).
    pub fn name(&self) -> &'static str {
        match self {
            Preset::Mazhilis => "mazhilis",
            Preset::RegionalMaslikhat => "regional-maslikhat",
            Preset::CityMaslikhat => "city-maslikhat",
            Preset::DistrictMaslikhat => "district-maslikhat",
            Preset::Akim => "akim",
            Preset::Kurultai => "kurultai",
            _ => self.period(),
        }
    }

    /// The name by the year the rules took effect (`"mazhilis-2023"`).
    pub fn period(&self) -> &'static str {
        match self {
            Preset::Mazhilis2007 => "mazhilis-2007",
            Preset::Mazhilis2021 => "mazhilis-2009",
            Preset::Mazhilis => "mazhilis-2023",
            Preset::Maslikhat2021 => "maslikhat-2021",
            Preset::RegionalMaslikhat => "regional-maslikhat-2023",
            Preset::CityMaslikhat => "city-maslikhat-2023",
            Preset::DistrictMaslikhat => "district-maslikhat-2023",
            Preset::Akim => "akim-2021",
            Preset::Kurultai => "kurultai-2026",
        }
    }

    /// Every name a scenario may use for this preset: the period's name,
    /// then the others (`["mazhilis-2009", "mazhilis-2021"]`).
    pub fn names(&self) -> &'static [&'static str] {
        match self {
            Preset::Mazhilis2007 => &["mazhilis-2007"],
            Preset::Mazhilis2021 => &["mazhilis-2009", "mazhilis-2021"],
            Preset::Mazhilis => &["mazhilis-2023", "mazhilis"],
            Preset::Maslikhat2021 => &["maslikhat-2021"],
            Preset::RegionalMaslikhat => &["regional-maslikhat-2023", "regional-maslikhat"],
            Preset::CityMaslikhat => &["city-maslikhat-2023", "city-maslikhat"],
            Preset::DistrictMaslikhat => &["district-maslikhat-2023", "district-maslikhat"],
            Preset::Akim => &["akim-2021", "akim"],
            Preset::Kurultai => &["kurultai-2026", "kurultai"],
        }
    }

    /// The sources of the rules: which are confirmed, by what, and which
    /// are not.
    pub fn source(&self) -> LegalSource {
        match self {
            Preset::Mazhilis2007 => MAZHILIS_2007,
            Preset::Mazhilis2021 => MAZHILIS_2009,
            Preset::Mazhilis => MAZHILIS_2023,
            Preset::Maslikhat2021 => MASLIKHAT_2021,
            Preset::RegionalMaslikhat => REGIONAL_2023,
            Preset::CityMaslikhat => CITY_2023,
            Preset::DistrictMaslikhat => DISTRICT_2023,
            Preset::Akim => AKIM,
            Preset::Kurultai => KURULTAI,
        }
    }

    /// The tiers' sizes, before `o`'s tier sizes.
    fn sizes(&self, o: &Overrides) -> Result<(u32, u32)> {
        let body = self.name();
        let user = |max_hint: &'static str| match (o.seats, o.district_seats) {
            (Some(n), _) | (None, Some(n)) => Ok((0, n)),
            (None, None) => Err(Error::SizeRequired { body, hint: max_hint }),
        };
        match self {
            Preset::Mazhilis => Ok((69, 29)),
            Preset::Mazhilis2007 | Preset::Mazhilis2021 => Ok((98, 0)),
            Preset::Kurultai => Ok((145, 0)),
            Preset::Akim => Ok((0, 1)),
            Preset::Maslikhat2021 => match (o.seats, o.list_seats) {
                (Some(n), _) | (None, Some(n)) => Ok((n, 0)),
                (None, None) => Err(Error::SizeRequired {
                    body,
                    hint: "\"seats\" (at most 50 for a regional maslikhat or those of Astana, Almaty and \
                           Shymkent, 30 for a city maslikhat, 25 for a district maslikhat)",
                }),
            },
            Preset::RegionalMaslikhat => match (o.seats, o.list_seats, o.district_seats) {
                (Some(n), _, _) => Ok((n / 2, n - n / 2)),
                (None, Some(l), Some(d)) => Ok((l, d)),
                _ => Err(Error::SizeRequired {
                    body,
                    hint: "\"seats\" (at most 50), or both \"list_seats\" and \"district_seats\"",
                }),
            },
            Preset::CityMaslikhat => {
                user("\"seats\" (at most 30 for the maslikhat of a city of regional significance)")
            }
            Preset::DistrictMaslikhat => user("\"seats\" (at most 25 for a district maslikhat)"),
        }
    }

    /// The legal maximum size, and whose it is.
    fn maximum(&self) -> Option<(u32, &'static str)> {
        match self {
            Preset::RegionalMaslikhat => Some((
                50,
                "a regional maslikhat, including those of Astana, Almaty and Shymkent, has at most 50 seats",
            )),
            Preset::Maslikhat2021 => Some((
                50,
                "a regional maslikhat, including those of Astana, Almaty and Shymkent, has at most 50 seats, a city \
                 maslikhat 30 and a district maslikhat 25",
            )),
            Preset::CityMaslikhat => Some((
                30,
                "the maslikhat of a city of regional significance has at most 30 seats; Astana, Almaty and \
                 Shymkent elect regional-level maslikhats: regional-maslikhat, at most 50",
            )),
            Preset::DistrictMaslikhat => Some((
                25,
                "a district maslikhat has at most 25 seats; the maslikhat of a city of regional significance is \
                 city-maslikhat, at most 30",
            )),
            Preset::Akim => Some((1, "an akim is one person")),
            _ => None,
        }
    }

    /// The list rules of the period: threshold in percent, "against all" in
    /// the base, the runner-up rule.
    fn list_rules(&self) -> (u64, bool, RunnerUp) {
        match self {
            Preset::Mazhilis2007 | Preset::Maslikhat2021 => (7, false, RunnerUp::Off),
            Preset::Mazhilis2021 => (7, false, RunnerUp::CorrectedAtLeastTwo),
            _ => (5, true, RunnerUp::Off),
        }
    }

    /// The body under this preset's rules, changed by `overrides`.
    ///
    /// # Errors
    ///
    /// Impossible sizes: [`Error::SizeRequired`] for a maslikhat without a
    /// size, [`Error::AboveLegalMaximum`] (the message says which kind of
    /// maslikhat has which maximum), [`Error::SizeMismatch`] for a total
    /// that does not match its tiers, [`Error::AkimListSeats`],
    /// [`Error::EmptyBody`], [`Error::TooManySeats`].
    pub fn body(&self, o: &Overrides) -> Result<Body> {
        let body = self.name();
        let (list, districts) = self.sizes(o)?;
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
        if total == 0 {
            return Err(Error::EmptyBody { body });
        }
        if let Some((max, which)) = self.maximum()
            && total > max as u64
        {
            return Err(Error::AboveLegalMaximum { body, seats: total, max, which });
        }
        if total > u32::MAX as u64 {
            return Err(Error::TooManySeats { seats: total, max: u32::MAX as u64 });
        }
        let (percent, against_all_in_base, runner_up) = self.list_rules();
        let threshold = match o.threshold {
            Some(t) => t,
            None => Threshold::new(crate::Ratio::integer(percent))?,
        };
        let ties = o.ties.unwrap_or(TieBreak::ListOrder);
        let list_tier = (list > 0).then(|| ListTier {
            seats: list,
            method: o.method.unwrap_or(Method::HARE),
            threshold,
            against_all_in_base,
            ties,
            min_parties: o.min_parties.unwrap_or(0),
            unfilled: o.unfilled_seats.unwrap_or_default(),
            // 1.3 times the seats, to the nearest whole number (90 for 69).
            max_list_length: Some(((list as u64 * 13 + 5) / 10) as u32),
            runner_up: o.runner_up.unwrap_or(runner_up),
            runner_up_left_over: o.runner_up_left_over.unwrap_or_default(),
        });
        let district_tier = (districts > 0).then(|| DistrictTier {
            seats: districts,
            rules: DistrictRules { against_all: o.against_all_rule.unwrap_or_default(), ties },
        });
        Ok(Body { name: body.to_string(), list: list_tier, districts: district_tier, preset: Some(*self) })
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
        Preset::ALL.into_iter().find(|p| p.names().contains(&lower.as_str())).ok_or_else(|| {
            let expected: Vec<String> = Preset::ALL
                .iter()
                .map(|p| match p.names() {
                    [period, rest @ ..] if !rest.is_empty() => format!("{period} ({})", rest.join(", ")),
                    names => names.join(", "),
                })
                .collect();
            Error::UnknownPreset { name: s.to_string(), expected: expected.join(", ") }
        })
    }
}
