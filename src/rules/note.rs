//! Typed notes: everything a result says beyond its numbers.
//!
//! A [`Note`] is data (what kind, which parties or districts, which rule or
//! legal source); its English is rendered in the describing layer (its
//! [`Display`](std::fmt::Display), in `describe::notes`), so that a script
//! can tell a tie from an assumption without reading prose, and a
//! translation is one rendering. Notes appear only when
//! they apply to the result: an assumed rule is noted when the result
//! depends on it, not with every result.
//!
//! With the `serde` feature a note serializes as an object with a `kind`
//! (`"below_threshold"`, `"tie_broken"`, ...) and its fields; the binary
//! adds the English `text`.

use std::fmt;

use crate::apportion::TieBreak;
use crate::referendum::RegionalReading;
use crate::rules::source::Confirmed;
use crate::system::UnfilledSeats;

/// A rule that a result relies on but that could not be confirmed against
/// the current text of the law. Each says what was checked and what the
/// other reading would be; the rule can be switched to that reading in a
/// scenario or on the command line where the crate offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Assumption {
    /// Equal remainders for the last list seat: the list registered first wins.
    EarlierListWinsTie,
    /// A district where "against all" led still elects the leading candidate.
    AgainstAllElectsLeader,
    /// Seats a list is too short to fill go to the other lists.
    UnfilledSeatsRedistributed,
    /// The 2009 rule admitting a runner-up when fewer than two lists pass is off.
    RunnerUpRuleOff,
    /// The 2009 rule admitting a runner-up when fewer than two lists pass is on.
    RunnerUpRuleOn,
    /// The clause of Art. 97(3) (2009) that the translation cuts off gives
    /// the runner-up at least two seats.
    RunnerUpAtLeastTwo,
    /// Under the 2009 runner-up rule, seats left after one seat to each of
    /// the largest remainders go round the remainders again.
    RunnerUpRoundAgain,
    /// A constitutional referendum needs a yes majority in two thirds of the regions.
    RegionalYesMajority,
    /// A constitutional referendum needs a turnout above half in two thirds of the regions.
    RegionalTurnout,
    /// A regional maslikhat of odd size gives the extra seat to the districts.
    OddSeatToDistricts,
    /// The Kurultai's list rules are the Mazhilis's.
    KurultaiListRules,
    /// The 2021 maslikhat lists were counted as the Mazhilis lists of the time.
    MaslikhatListRules2021,
    /// A single-member race for akim is decided as a maslikhat district.
    AkimAsDistrict,
}

impl Assumption {
    /// The rule, in a few words.
    pub fn rule(self) -> &'static str {
        match self {
            Assumption::EarlierListWinsTie => "equal remainders: the list registered first takes the seat",
            Assumption::AgainstAllElectsLeader => {
                "a district where \"against all\" leads still elects the leading candidate"
            }
            Assumption::UnfilledSeatsRedistributed => {
                "list seats a party cannot fill (too few candidates) go to the other lists"
            }
            Assumption::RunnerUpRuleOff => {
                "the 2009 rule admitting the runner-up list when only one list passes the threshold is not applied"
            }
            Assumption::RunnerUpRuleOn => {
                "the 2009 rule admitting the runner-up list when only one list passes the threshold is applied"
            }
            Assumption::OddSeatToDistricts => {
                "an odd-sized regional maslikhat gives the extra seat to the districts"
            }
            Assumption::KurultaiListRules => {
                "the Kurultai's lists are counted as the Mazhilis's were: Hare quota with largest remainders, \
                 \"against all\" in the 5% base, the list registered first wins equal remainders"
            }
            Assumption::AkimAsDistrict => "an akim race is decided as a single-member maslikhat district",
            Assumption::MaslikhatListRules2021 => {
                "the 2021 maslikhat lists are counted as the Mazhilis lists of the time: 7% of the list votes, Hare \
                 quota with largest remainders, the list registered first wins equal remainders, no runner-up rule"
            }
            Assumption::RunnerUpAtLeastTwo => {
                "the runner-up list admitted under the 2009 rule takes at least two seats"
            }
            Assumption::RunnerUpRoundAgain => {
                "under the 2009 runner-up rule, seats left after one seat to each largest remainder go round the \
                 remainders again"
            }
            Assumption::RegionalYesMajority => {
                "a constitutional change needs a yes majority in at least two thirds of the regions"
            }
            Assumption::RegionalTurnout => {
                "a constitutional change needs a turnout above half in at least two thirds of the regions"
            }
        }
    }

    /// What was checked, and what was found.
    pub fn checked(self) -> &'static str {
        match self {
            Assumption::EarlierListWinsTie => {
                "found in the 2009 text of the election law (Art. 97, as summarised by the IPU); the wording \
                 after the 2022 amendments was not read"
            }
            Assumption::AgainstAllElectsLeader => {
                "Art. 9(2) elects the candidate with more votes than the other candidates; no consequence of an \
                 \"against all\" lead was found in the law, and a CEC official said a lead is no ground for a \
                 repeat election"
            }
            Assumption::UnfilledSeatsRedistributed => {
                "not found in the law; the 2009 text leaves a mid-term vacancy empty when a list is exhausted"
            }
            Assumption::RunnerUpRuleOff | Assumption::RunnerUpRuleOn => {
                "the rule is in the 2009-2021 text of Art. 97(2)-(3); no source says whether it survived the \
                 2021-2022 amendments, and none says it was repealed"
            }
            Assumption::RunnerUpAtLeastTwo => {
                "the English translation of Art. 97(3) (9 February 2009) breaks off at the clause on the admitted \
                 list; the IPU's summary of that law says it \"receives at least two seats\""
            }
            Assumption::RunnerUpRoundAgain => {
                "Art. 97(3) gives the seats left to the largest remainders and does not say what happens when, \
                 after the 0.7 correction, more seats are left than lists"
            }
            Assumption::RegionalYesMajority | Assumption::RegionalTurnout => {
                "the statute's wording was not read; secondary sources of 2022 (ortcom.kz, armenpress) give a yes \
                 majority in two thirds of the regions, while the CEC chair (13 March 2026, zakon.kz) gave a \
                 turnout above half in two thirds of the regions"
            }
            Assumption::OddSeatToDistricts => {
                "not found in the law; every regional maslikhat size published for 2023 is even"
            }
            Assumption::KurultaiListRules => {
                "the 2026 Constitution gives 145 seats by party lists in one nationwide district and a 5% \
                 threshold was announced; the constitutional law on Kurultai elections was not available"
            }
            Assumption::MaslikhatListRules2021 => {
                "the maslikhat articles of the election law in force in January 2021 were not read; Art. 97 gives \
                 these rules for the Mazhilis, and the 7% was lowered to 5% by the laws of 25 May 2021"
            }
            Assumption::AkimAsDistrict => {
                "plurality is reported in every akim election seen; no statutory winner, tie or \"against all\" \
                 rule for akims was found"
            }
        }
    }

    /// The other reading, and how to ask for it where the crate offers it.
    pub fn alternative(self) -> &'static str {
        match self {
            Assumption::EarlierListWinsTie => {
                "a lot, or more votes, decides: \"ties\": \"lot:SEED\" or \"votes\""
            }
            Assumption::AgainstAllElectsLeader => {
                "the seat stays vacant until a repeat election: \"against_all_rule\": \"repeat\""
            }
            Assumption::UnfilledSeatsRedistributed => "the seats stay vacant: \"unfilled_seats\": \"vacant\"",
            Assumption::RunnerUpRuleOff => {
                "the runner-up is admitted with its quotient times 0.7: \"runner_up\": \"corrected-at-least-two\" \
                 (or \"corrected\" without the minimum)"
            }
            Assumption::RunnerUpRuleOn => {
                "no runner-up is admitted: \"runner_up\": \"off\" and \"min_parties\": 0"
            }
            Assumption::RunnerUpAtLeastTwo => {
                "no minimum, the corrected quotient alone decides: \"runner_up\": \"corrected\""
            }
            Assumption::RunnerUpRoundAgain => {
                "the seats left after one round go to the list with the most votes: \"runner_up_left_over\": \
                 \"to-largest\""
            }
            Assumption::RegionalYesMajority => {
                "turnout above half in two thirds of the regions: \"regional_rule\": \"turnout\" (with each \
                 region's \"registered\")"
            }
            Assumption::RegionalTurnout => {
                "a yes majority in two thirds of the regions: \"regional_rule\": \"yes-majority\""
            }
            Assumption::OddSeatToDistricts => {
                "the extra seat goes to the lists: give \"list_seats\" and \"district_seats\""
            }
            Assumption::KurultaiListRules => {
                "other rules: set \"method\", \"threshold_percent\" and \"ties\", and leave \"against_all\" at 0 \
                 to keep it out of the base"
            }
            Assumption::AkimAsDistrict => "a majority with a run-off, which the crate does not model",
            Assumption::MaslikhatListRules2021 => {
                "other rules: set \"threshold_percent\", \"method\", \"ties\" and \"runner_up\""
            }
        }
    }
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (not confirmed: {}; the other reading: {})",
            self.rule(),
            self.checked(),
            self.alternative()
        )
    }
}

/// A list's votes and its share of the threshold base, for notes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ListVotes {
    /// The party.
    pub party: String,
    /// Its list votes.
    pub votes: u64,
}

/// One line of an official result beside the computed one.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct OfficialRow {
    /// The party, district or figure.
    pub what: String,
    /// The official figure.
    pub official: String,
    /// The computed figure.
    pub computed: String,
    /// Whether they are the same.
    pub agree: bool,
}

/// Something a result says beyond its numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Note {
    /// The rules applied, the law they come from, and the confirmed rules
    /// that decided the result with their sources.
    Rules {
        /// The body, as named in scenarios (`"mazhilis"`).
        body: String,
        /// The rules' name by the year they took effect (`"mazhilis-2023"`;
        /// in JSON only in the text).
        #[cfg_attr(feature = "serde", serde(skip))]
        period: &'static str,
        /// The legal texts.
        law: &'static str,
        /// The confirmed rules this result depends on, each with its source
        /// (in JSON: `rules`, each `{"rule", "source"}`).
        #[cfg_attr(feature = "serde", serde(rename = "rules"))]
        confirmed: Vec<Confirmed>,
    },
    /// The result depends on a rule that is not confirmed.
    Assumed {
        /// The rule.
        rule: Assumption,
    },
    /// No list votes were given, so the list seats are not decided.
    ListsNotGiven {
        /// The list seats.
        seats: u32,
    },
    /// Fewer districts were given than the tier has seats.
    DistrictsMissing {
        /// Districts given.
        given: usize,
        /// Single-member seats.
        seats: u32,
    },
    /// Lists that did not reach the threshold.
    BelowThreshold {
        /// The threshold in percent, as written (`"5"`).
        percent: String,
        /// The base the percentage is taken of.
        base: u128,
        /// The fewest votes that pass.
        needed: u128,
        /// Whether "against all" votes are in the base.
        against_all_in_base: bool,
        /// The lists below, in registration order.
        lists: Vec<ListVotes>,
    },
    /// Lists admitted below the threshold by an "at least N lists" rule.
    AdmittedBelowThreshold {
        /// The number of lists the rule wants.
        min_parties: usize,
        /// The lists admitted.
        lists: Vec<String>,
    },
    /// Only one list passed the threshold: the runner-up was admitted under
    /// Art. 97(2)-(3) of 2009, its quotient multiplied by 0.7.
    RunnerUpAdmitted {
        /// The list(s) admitted.
        lists: Vec<String>,
        /// The fewest seats the runner-up takes (0: no minimum).
        minimum: u32,
        /// Seats they took.
        seats: u32,
    },
    /// A list names more candidates than the law allows (no seat changes).
    ListTooLong {
        /// The party.
        party: String,
        /// Candidates registered.
        candidates: u32,
        /// The most allowed.
        max: u32,
    },
    /// A list won more seats than it has candidates.
    ShortList {
        /// The party.
        party: String,
        /// Its candidates.
        candidates: u32,
        /// What happens to the seats it cannot fill.
        unfilled: UnfilledSeats,
    },
    /// List seats left vacant.
    ListSeatsVacant {
        /// How many.
        seats: u32,
    },
    /// Exactly equal claims to the last list seats, decided by the tie rule.
    ListTieBroken {
        /// The seats contested.
        seats: u32,
        /// The tied lists.
        tied: Vec<String>,
        /// The lists that took the seats.
        winners: Vec<String>,
        /// The rule that decided.
        policy: TieBreak,
    },
    /// "Against all" polled more than every candidate in a district.
    AgainstAllLed {
        /// The district.
        district: String,
        /// "Against all" votes.
        against_all: u64,
        /// The candidate elected anyway, or `None`: the seat is vacant.
        elected: Option<String>,
    },
    /// A rule of the scenario was changed for this result ("what if").
    Overridden {
        /// The scenario field (`"threshold_percent"`, `"method"`, `"body"`, ...).
        field: &'static str,
        /// The file's value (`None`: the preset's default).
        from: Option<String>,
        /// The value used.
        to: String,
    },
    /// A simulation without list votes: the list seats are not simulated.
    ListsNotSimulated {
        /// The list seats.
        seats: u32,
    },
    /// A simulation without (all) district results: those seats are not simulated.
    DistrictsNotSimulated {
        /// The single-member seats not simulated.
        seats: u32,
        /// Whether synthetic districts could stand in (no district result at all).
        synthetic_possible: bool,
    },
    /// A simulation's districts were generated from the list vote.
    SyntheticDistricts {
        /// The districts generated.
        seats: u32,
        /// The regional variation on the log scale, as written.
        regional_sd: String,
    },
    /// Runs whose exact ties the rules refuse to break were decided by lot.
    LotsDrawn {
        /// How many runs.
        runs: u64,
    },
    /// A simulation stopped early.
    Interrupted {
        /// Runs completed.
        runs: u64,
    },
    /// A constitutional referendum without regional figures.
    RegionalRuleUnchecked,
    /// The regions that meet the regional rule, against the two thirds needed.
    RegionalRule {
        /// Which reading of the rule was applied.
        reading: RegionalReading,
        /// Regions that meet it.
        with: usize,
        /// Regions given.
        regions: usize,
        /// Whether two thirds had a yes majority.
        met: bool,
    },
    /// A single-member-only body given no size took it from the districts.
    SizeFromDistricts {
        /// The districts given, now the body's size.
        seats: u32,
    },
    /// The list votes are polls' pooled shares counted on notional ballots,
    /// not votes cast.
    FromPolls {
        /// How many polls were pooled.
        polls: usize,
        /// The notional list ballots the pooled shares are counted on.
        ballots: u64,
        /// The percent the polls give no list, counted as "against all".
        rest: String,
    },
    /// A threshold below 1% that looks like a fraction (0.05 for 5%).
    ThresholdFraction {
        /// The threshold as given, in percent.
        given: String,
        /// The percentage it would be as a fraction.
        suggested: String,
    },
    /// The official result beside the computed one.
    Official {
        /// Where the official result is published.
        source: String,
        /// Whether it was published (`false`: computed by others).
        published: bool,
        /// Each figure, official and computed.
        rows: Vec<OfficialRow>,
    },
    /// Leading candidates with equal votes, decided by the tie rule.
    DistrictTieBroken {
        /// The district.
        district: String,
        /// The tied candidates.
        tied: Vec<String>,
        /// The candidate elected.
        winner: String,
        /// The rule that decided.
        policy: TieBreak,
    },
}

impl Note {
    /// The note's kind as in JSON (`"below_threshold"`, ...).
    pub fn kind(&self) -> &'static str {
        match self {
            Note::Rules { .. } => "rules",
            Note::Assumed { .. } => "assumed",
            Note::ListsNotGiven { .. } => "lists_not_given",
            Note::DistrictsMissing { .. } => "districts_missing",
            Note::BelowThreshold { .. } => "below_threshold",
            Note::AdmittedBelowThreshold { .. } => "admitted_below_threshold",
            Note::RunnerUpAdmitted { .. } => "runner_up_admitted",
            Note::ListTooLong { .. } => "list_too_long",
            Note::ShortList { .. } => "short_list",
            Note::ListSeatsVacant { .. } => "list_seats_vacant",
            Note::ListTieBroken { .. } => "list_tie_broken",
            Note::AgainstAllLed { .. } => "against_all_led",
            Note::DistrictTieBroken { .. } => "district_tie_broken",
            Note::Overridden { .. } => "overridden",
            Note::ListsNotSimulated { .. } => "lists_not_simulated",
            Note::DistrictsNotSimulated { .. } => "districts_not_simulated",
            Note::SyntheticDistricts { .. } => "synthetic_districts",
            Note::LotsDrawn { .. } => "lots_drawn",
            Note::Interrupted { .. } => "interrupted",
            Note::RegionalRuleUnchecked => "regional_rule_unchecked",
            Note::RegionalRule { .. } => "regional_rule",
            Note::Official { .. } => "official",
            Note::SizeFromDistricts { .. } => "size_from_districts",
            Note::ThresholdFraction { .. } => "threshold_fraction",
            Note::FromPolls { .. } => "from_polls",
        }
    }
}
