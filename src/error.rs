//! The crate's error type.

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A user's text in a message: quoted as Rust debug-quotes it, cut to
/// [`Quoted::MAX`] characters with the number of characters left out, so
/// that no message repeats a whole file's cell or a name of a megabyte.
///
/// ```
/// # use saylau::error::Quoted;
/// assert_eq!(Quoted("Amanat").to_string(), "\"Amanat\"");
/// let long = "x".repeat(1000);
/// assert!(Quoted(&long).to_string().ends_with("\"... (1,000 characters)"));
/// assert!(Quoted(&long).to_string().chars().count() < 110);
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Quoted<'a>(pub &'a str);

impl Quoted<'_> {
    /// The most characters of the text a message quotes.
    pub const MAX: usize = 80;
}

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let count = self.0.chars().count();
        if count <= Quoted::MAX {
            return write!(f, "{:?}", self.0);
        }
        let head: String = self.0.chars().take(Quoted::MAX).collect();
        let digits = crate::numbers::Thousands(count as u128);
        write!(f, "{head:?}... ({digits} characters)")
    }
}

/// What kind of failure an error is: the one classification every face uses
/// (the command's exit code, the Python exception, the page's message).
///
/// ```
/// # use saylau::{Error, ErrorKind};
/// assert_eq!(Error::NoSeats.kind(), ErrorKind::Input);
/// assert_eq!(Error::Tie { parties: vec![0, 1], seats: 1 }.kind(), ErrorKind::Tie);
/// assert_eq!(Error::SweepTooLong { max: 10 }.kind(), ErrorKind::Limit);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is wrong: a number, a name, a field, a missing or
    /// contradictory value. Fix the input.
    Input,
    /// The input asks for something the body's rules do not allow or do not
    /// have (a list tier where there is none, a size above the legal
    /// maximum). Change the rules or the input.
    Rules,
    /// The last seats (or a district's seat) cannot be given without choosing
    /// between exactly equal claims, and the tie policy does not choose.
    Tie,
    /// The input is valid but larger than saylau supports (seats, runs,
    /// rows of a sweep, memory for a simulation).
    Limit,
    /// A file or stream could not be read or written.
    Io,
    /// The work was stopped on request (Ctrl-C) before it finished.
    Interrupted,
    /// Something outside the input failed (worker threads could not start).
    Internal,
}

impl ErrorKind {
    /// The kind's name, as the JSON of an error gives it (`"input"`, `"tie"`, ...).
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Input => "input",
            ErrorKind::Rules => "rules",
            ErrorKind::Tie => "tie",
            ErrorKind::Limit => "limit",
            ErrorKind::Io => "io",
            ErrorKind::Interrupted => "interrupted",
            ErrorKind::Internal => "internal",
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl Error {
    /// What kind of failure this is (see [`ErrorKind`]).
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Tie { .. } | Error::DistrictTie { .. } => ErrorKind::Tie,
            Error::Runs { runs, .. } if *runs > 0 => ErrorKind::Limit,
            Error::TooManySeats { .. }
            | Error::SimulationTooLarge { .. }
            | Error::SweepTooLong { .. }
            | Error::LevellingTooLarge { .. } => ErrorKind::Limit,
            Error::OverAllocation { .. }
            | Error::SizeRequired { .. }
            | Error::SizeMismatch { .. }
            | Error::AboveLegalMaximum { .. }
            | Error::EmptyBody { .. }
            | Error::AkimListSeats
            | Error::NoListTier { .. }
            | Error::NoDistrictTier { .. }
            | Error::TooManyDistricts { .. }
            | Error::NoListTierToCompare { .. } => ErrorKind::Rules,
            Error::Threads(_) => ErrorKind::Internal,
            _ => ErrorKind::Input,
        }
    }
}

/// Everything that can go wrong in saylau's core, with the input that caused it.
///
/// Party positions in the variants are zero-based indices into the vote
/// vector the caller passed, in input order.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The vote vector is empty.
    #[error("no parties were given")]
    NoParties,
    /// Every party has zero votes, so there is nothing to apportion.
    #[error("every party has zero votes")]
    ZeroVotes,
    /// No party reaches the threshold, so no party can take a seat.
    #[error("no party reaches the threshold of {threshold}% of {base} votes")]
    NoEligibleParty {
        /// The threshold, in percent.
        threshold: String,
        /// The base the threshold was measured against.
        base: u128,
    },
    /// The house size is zero.
    #[error("the number of seats must be at least 1")]
    NoSeats,
    /// The house size is larger than saylau supports.
    #[error("{seats} seats is more than the supported maximum of {max}")]
    TooManySeats {
        /// The requested number of seats.
        seats: u64,
        /// The largest supported number of seats.
        max: u64,
    },
    /// A date (a poll's `date`) could not be read.
    #[error("{value_q} is not a valid date: {reason}", value_q = crate::error::Quoted(.value))]
    InvalidDate {
        /// The text as given.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A decimal number could not be read.
    #[error("{value_q} is not a valid number: {reason}", value_q = crate::error::Quoted(.value))]
    InvalidNumber {
        /// The text as given.
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A threshold is outside 0 to 100 percent.
    #[error("threshold {value}% is not between 0 and 100")]
    InvalidThreshold {
        /// The threshold as given.
        value: String,
    },
    /// A divisor parameter is out of range.
    #[error("first divisor {value} must be greater than 0 and less than 3")]
    InvalidDivisor {
        /// The divisor as given.
        value: String,
    },
    /// A method name is not known.
    #[error("unknown method {q0}: expected one of {names}", names = crate::apportion::Method::names(), q0 = crate::error::Quoted(.0))]
    UnknownMethod(String),
    /// A tie-break policy name is not known.
    #[error("unknown tie policy {q0}: expected one of error, lot[:SEED], order, votes", q0 = crate::error::Quoted(.0))]
    UnknownTieBreak(String),
    /// Two parties share a name.
    #[error("party name {name_q} appears twice (entries {} and {}, counting from 1)", first + 1, second + 1, name_q = crate::error::Quoted(.name))]
    DuplicateParty {
        /// The repeated name.
        name: String,
        /// Position of its first appearance.
        first: usize,
        /// Position of its second appearance.
        second: usize,
    },
    /// A party name is empty.
    #[error("the party at entry {} (counting from 1) has an empty name", index + 1)]
    EmptyPartyName {
        /// Position of the party.
        index: usize,
    },
    /// The last seats cannot be given without choosing between parties with
    /// exactly equal claims, and the tie-break policy is
    /// [`TieBreak::Error`](crate::TieBreak::Error) (or
    /// [`TieBreak::MoreVotes`](crate::TieBreak::MoreVotes) found equal votes).
    #[error("parties at positions {parties:?} are tied for {seats} seat(s)")]
    Tie {
        /// The tied parties, in input order.
        parties: Vec<usize>,
        /// How many seats they contest (fewer than `parties.len()`).
        seats: u32,
    },
    /// A quota handed out more whole seats than the house has and the
    /// policy is [`ExcessPolicy::Error`](crate::ExcessPolicy::Error).
    #[error("the {quota} quota gives {given} whole seats but the house has {seats}")]
    OverAllocation {
        /// The quota's name.
        quota: &'static str,
        /// Whole seats the quota handed out.
        given: u64,
        /// The house size.
        seats: u32,
    },
    /// A single-member district has no candidates.
    #[error("district {district_q} has no candidates", district_q = crate::error::Quoted(.district))]
    NoCandidates {
        /// The district.
        district: String,
    },
    /// Every candidate in a district has zero votes.
    #[error("district {district_q} has no votes for any candidate", district_q = crate::error::Quoted(.district))]
    NoVotes {
        /// The district.
        district: String,
    },
    /// A district has no name.
    #[error("a district has an empty name")]
    EmptyDistrictName,
    /// Two districts share a name.
    #[error("district name {district_q} appears twice", district_q = crate::error::Quoted(.district))]
    DuplicateDistrict {
        /// The repeated name.
        district: String,
    },
    /// A candidate has no name.
    #[error("district {district_q} has a candidate with an empty name", district_q = crate::error::Quoted(.district))]
    EmptyCandidateName {
        /// The district.
        district: String,
    },
    /// Two candidates in one district share a name.
    #[error("district {district_q} lists candidate {candidate_q} twice", district_q = crate::error::Quoted(.district), candidate_q = crate::error::Quoted(.candidate))]
    DuplicateCandidate {
        /// The district.
        district: String,
        /// The repeated name.
        candidate: String,
    },
    /// Leading candidates in a district are tied and the policy cannot decide.
    #[error("district {district_q}: candidates {candidates:?} are tied for the seat", district_q = crate::error::Quoted(.district))]
    DistrictTie {
        /// The district.
        district: String,
        /// The tied candidates' names, in ballot order.
        candidates: Vec<String>,
    },
    /// Two inputs that must have one entry per party (or per district) do not.
    #[error("{what}: {expected} entries expected but {given} given")]
    LengthMismatch {
        /// What was being compared, e.g. "seat counts for the vote counts".
        what: &'static str,
        /// The length that was needed.
        expected: usize,
        /// The length that was given.
        given: usize,
    },
    /// A party position is outside the vote vector.
    #[error("party position {party} is out of range (there are {parties} parties)")]
    PartyOutOfRange {
        /// The position asked for (0-based).
        party: usize,
        /// How many parties there are.
        parties: usize,
    },
    /// A body name is not one of the presets or their other names.
    #[error("unknown body {name_q}: expected one of {expected} (or referendum in a scenario)", name_q = crate::error::Quoted(.name))]
    UnknownPreset {
        /// The name as given.
        name: String,
        /// The names accepted.
        expected: String,
    },
    /// The turnout reading of the regional rule needs each region's registered voters.
    #[error("region {region_q}: \"registered\" is needed for \"regional_rule\": \"turnout\"", region_q = crate::error::Quoted(.region))]
    RegionRegisteredMissing {
        /// The region.
        region: String,
    },
    /// More voters took part in a region than were registered there.
    #[error("region {region_q}: took_part {took_part} is more than registered {registered}", region_q = crate::error::Quoted(.region))]
    RegionTurnout {
        /// The region.
        region: String,
        /// Voters who took part.
        took_part: u64,
        /// Registered voters.
        registered: u64,
    },
    /// A district candidate's party is not among the lists but is close to
    /// one of their names.
    #[error(
        "district {district_q}: candidate {candidate_q} is nominated by {party_q}, which has no list; did you mean \
         {suggestion_q}? (write the list's name exactly; a party without a list is allowed when its name is not \
         this close to a list's)", district_q = crate::error::Quoted(.district), candidate_q = crate::error::Quoted(.candidate), party_q = crate::error::Quoted(.party), suggestion_q = crate::error::Quoted(.suggestion))]
    PartyNameSlip {
        /// The district.
        district: String,
        /// The candidate.
        candidate: String,
        /// The party as written.
        party: String,
        /// The list name it is close to.
        suggestion: String,
    },
    /// A runner-up rule name is not known.
    #[error("unknown runner-up rule {name_q}: expected off, corrected or corrected-at-least-two", name_q = crate::error::Quoted(.name))]
    UnknownRunnerUpRule {
        /// The name as given.
        name: String,
    },
    /// A body whose size the law leaves to each election was given no size.
    #[error("{body}: give the body's size with {hint}")]
    SizeRequired {
        /// The preset.
        body: &'static str,
        /// The fields that give the size, with the legal limit.
        hint: &'static str,
    },
    /// The total size does not equal the sum of the tiers.
    #[error("{body}: seats {seats} does not equal list_seats {list_seats} + district_seats {district_seats}")]
    SizeMismatch {
        /// The preset.
        body: &'static str,
        /// The total given.
        seats: u32,
        /// The list tier's size.
        list_seats: u32,
        /// The single-member tier's size.
        district_seats: u32,
    },
    /// A body is larger than the law allows.
    #[error("{body}: {seats} seats is more than the legal maximum of {max} ({which})")]
    AboveLegalMaximum {
        /// The preset.
        body: &'static str,
        /// The size asked for.
        seats: u64,
        /// The legal maximum.
        max: u32,
        /// Which bodies the maximum is for.
        which: &'static str,
    },
    /// A body would have no seats at all.
    #[error("{body}: the body has no seats")]
    EmptyBody {
        /// The preset.
        body: &'static str,
    },
    /// An akim race was given list seats.
    #[error("akim: an akim is elected in one single-member race; list_seats must be 0")]
    AkimListSeats,
    /// The ballots give party lists to a body without a list tier.
    #[error("the body {body_q} has no party-list tier, but the ballots give {lists} list(s)", body_q = crate::error::Quoted(.body))]
    NoListTier {
        /// The body.
        body: String,
        /// How many lists were given.
        lists: usize,
    },
    /// The ballots give districts to a body without a single-member tier.
    #[error("the body {body_q} has no single-member tier, but the ballots give {districts} district(s)", body_q = crate::error::Quoted(.body))]
    NoDistrictTier {
        /// The body.
        body: String,
        /// How many districts were given.
        districts: usize,
    },
    /// The ballots give more districts than the body has single-member seats.
    #[error("the body {body_q} has {seats} single-member seats, but the ballots give {given} districts", body_q = crate::error::Quoted(.body))]
    TooManyDistricts {
        /// The body.
        body: String,
        /// The single-member seats.
        seats: u32,
        /// The districts given.
        given: usize,
    },
    /// A referendum has no registered voters.
    #[error("referendum: registered voters must be more than 0")]
    NoRegisteredVoters,
    /// A referendum figure is larger than the figure that contains it.
    #[error("referendum: {field} {value} exceeds {limit_field} {limit}")]
    ReferendumCount {
        /// The figure that is too large (`"yes + no + invalid"` for the sum).
        field: &'static str,
        /// Its value.
        value: u128,
        /// The figure it must not exceed.
        limit_field: &'static str,
        /// That figure's value.
        limit: u64,
    },
    /// A region of a referendum has more yes votes than participants.
    #[error("referendum: region {region_q}: yes {yes} exceeds took_part {took_part}", region_q = crate::error::Quoted(.region))]
    RegionCount {
        /// The region.
        region: String,
        /// Its yes votes.
        yes: u64,
        /// Its participants.
        took_part: u64,
    },
    /// A parameter of the simulator's vote model is out of range.
    #[error("uncertainty.{field} = {value} is not a number from 0 to {max}")]
    InvalidUncertainty {
        /// The field of the `uncertainty` object.
        field: &'static str,
        /// The value given, as written.
        value: String,
        /// The largest value allowed, as written.
        max: String,
    },
    /// The vote model was given its systematic error twice: in points and
    /// on the log-ratio scale.
    #[error(
        "uncertainty gives both systematic_points and systematic_sd = {systematic_sd}: give the systematic \
         error one way (systematic_points replaces systematic_sd: leave systematic_sd out, at its default {default}, \
         or at 0)"
    )]
    TwoSystematicErrors {
        /// The `systematic_sd` given.
        systematic_sd: String,
        /// Its default.
        default: String,
    },
    /// A coalition names a party that is not in the scenario.
    #[error("coalition {coalition_q} names {party_q}, which is not a party of the scenario", coalition_q = crate::error::Quoted(.coalition), party_q = crate::error::Quoted(.party))]
    UnknownCoalitionParty {
        /// The coalition.
        coalition: String,
        /// The party it names.
        party: String,
    },
    /// A simulation was asked of ballots with no list votes and no districts.
    #[error("nothing to simulate: no list votes and no districts")]
    NothingToSimulate,
    /// A simulation would need more histogram counters than allowed.
    #[error(
        "a simulation keeps seat histograms of the body's size for each party: {parties} parties and {seats} \
         seats need {cells} counters, more than the {max} allowed"
    )]
    SimulationTooLarge {
        /// Parties and coalitions tallied.
        parties: usize,
        /// The body's size.
        seats: u32,
        /// Counters needed.
        cells: u64,
        /// Counters allowed.
        max: u64,
    },
    /// A simulation was asked for no runs, or more than it takes.
    #[error("{runs} runs: expected a whole number of runs from 1 to {max}")]
    Runs {
        /// The runs asked for.
        runs: u64,
        /// The most runs allowed.
        max: u64,
    },
    /// The simulator could not start its worker threads.
    #[error("cannot start the worker threads: {0}")]
    Threads(String),
    /// A what-if sweep would have too many rows.
    #[error("a sweep may have at most {max} rows")]
    SweepTooLong {
        /// The most rows allowed.
        max: usize,
    },
    /// A list-tier comparison was asked of a body without a list tier.
    #[error("the body {body_q} has no party-list tier", body_q = crate::error::Quoted(.body))]
    NoListTierToCompare {
        /// The body.
        body: String,
    },
    /// Levelling an overhang would need an unreasonably large house.
    #[error("levelling the overhang needs more than {extra} extra seats under a largest-remainder method")]
    LevellingTooLarge {
        /// The extra seats tried.
        extra: u32,
    },
}
