//! The crate's error type.

/// A `Result` whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

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
    /// A decimal number could not be read.
    #[error("{value:?} is not a valid number: {reason}")]
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
    #[error(
        "unknown method {0:?}: expected one of dhondt (jefferson), sainte-lague (webster), \
         modified-sainte-lague[:FIRST], huntington-hill, adams, dean, danish, imperiali, \
         hare (hamilton), droop, hagenbach-bischoff, imperiali-quota"
    )]
    UnknownMethod(String),
    /// A tie-break policy name is not known.
    #[error("unknown tie policy {0:?}: expected one of error, lot[:SEED], order, votes")]
    UnknownTieBreak(String),
    /// Two parties share a name.
    #[error("party name {name:?} appears twice (entries {} and {}, counting from 1)", first + 1, second + 1)]
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
    #[error("district {district:?} has no candidates")]
    NoCandidates {
        /// The district.
        district: String,
    },
    /// Every candidate in a district has zero votes.
    #[error("district {district:?} has no votes for any candidate")]
    NoVotes {
        /// The district.
        district: String,
    },
    /// A district has no name.
    #[error("a district has an empty name")]
    EmptyDistrictName,
    /// Two districts share a name.
    #[error("district name {district:?} appears twice")]
    DuplicateDistrict {
        /// The repeated name.
        district: String,
    },
    /// A candidate has no name.
    #[error("district {district:?} has a candidate with an empty name")]
    EmptyCandidateName {
        /// The district.
        district: String,
    },
    /// Two candidates in one district share a name.
    #[error("district {district:?} lists candidate {candidate:?} twice")]
    DuplicateCandidate {
        /// The district.
        district: String,
        /// The repeated name.
        candidate: String,
    },
    /// Leading candidates in a district are tied and the policy cannot decide.
    #[error("district {district:?}: candidates {candidates:?} are tied for the seat")]
    DistrictTie {
        /// The district.
        district: String,
        /// The tied candidates' names, in ballot order.
        candidates: Vec<String>,
    },
    /// A body's rules or a scenario are inconsistent (e.g. impossible seat
    /// numbers); the message says what and where.
    #[error("{0}")]
    InvalidRules(String),
    /// A colour for a picture is not `#rgb` or `#rrggbb` (see
    /// [`svg`](crate::svg#colours)).
    #[error("colour {colour:?} for {label:?} is not #rgb or #rrggbb")]
    InvalidColour {
        /// The group or party the colour was given for.
        label: String,
        /// The colour as given.
        colour: String,
    },
    /// Data for a chart cannot be drawn (no points, a series of the wrong
    /// length, a share that is not a number from 0 to 100); the message
    /// says which value.
    #[error("cannot draw the chart: {0}")]
    InvalidChart(String),
}
