//! What can stop a picture from being drawn.

/// Why a picture cannot be drawn.
///
/// Each variant carries the values a caller needs to say what went wrong;
/// the `Display` text is a sentence for people.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Nothing to draw: no groups, parties, candidates, seats, points or
    /// runs (`what` says which, e.g. `"seats"`).
    #[error("nothing to draw: no {what}")]
    NothingToDraw {
        /// What is missing, in the plural.
        what: &'static str,
    },
    /// More seats than a parliament diagram holds ([`MAX_SEATS`](super::MAX_SEATS)).
    #[error("{seats} seats are more than a diagram can hold ({max})")]
    TooManySeats {
        /// The seats asked for.
        seats: u64,
        /// The most a diagram holds.
        max: u64,
    },
    /// A colour is not `#rgb` or `#rrggbb` (see [colours](super#colours)).
    #[error("colour {colour:?} for {label:?} is not #rgb or #rrggbb")]
    InvalidColour {
        /// The group or party the colour was given for.
        label: String,
        /// The colour as given.
        colour: String,
    },
    /// A share or threshold for a chart is not a number from 0 to 100.
    #[error("the {what} is {value}, not a number from 0 to 100")]
    NotAPercentage {
        /// Which value, e.g. `vote share of "Amanat"` or `threshold`.
        what: String,
        /// The value given.
        value: f64,
    },
    /// A point of a threshold sweep has a seat count for more or fewer
    /// parties than the chart has.
    #[error("the point at threshold {threshold}% gives {counts} seat counts for {parties} parties")]
    SeriesLength {
        /// The point's threshold, in percent.
        threshold: f64,
        /// The seat counts it gives.
        counts: usize,
        /// The parties of the chart.
        parties: usize,
    },
    /// The winner given for a candidate chart is not one of the candidates.
    #[error("candidate {index} is marked as the winner, but there are {candidates} candidates")]
    NoSuchCandidate {
        /// The position given (from 0).
        index: usize,
        /// The number of candidates.
        candidates: usize,
    },
    /// A result does not fit the body it is drawn for: the body expects
    /// `expected` of something, the result gives `found`.
    #[error("the result does not fit the body {body:?}: {expected} {what}, {found} in the result")]
    ResultDoesNotFit {
        /// The body's name.
        body: String,
        /// What is counted, e.g. `"party-list seats in the body"`.
        what: &'static str,
        /// The number the body (or the rest of the result) implies.
        expected: u64,
        /// The number the result gives.
        found: u64,
    },
}

/// The result of drawing: the SVG text, or why it cannot be drawn.
pub type Result<T> = std::result::Result<T, Error>;
