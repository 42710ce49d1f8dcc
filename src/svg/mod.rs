//! Pictures as standalone SVG documents, written as plain text: parliament
//! diagrams ([`hemicycle`], [`split_view`]), a one-seat race
//! ([`candidate_bars`]) and simple charts ([`seat_distribution`],
//! [`threshold_sweep`], [`seat_vote_scatter`]).
//!
//! Every function returns a `String` holding a complete SVG 1.1 document
//! with `xmlns`, a `viewBox` and a `<title>`, ready to be written to a
//! `.svg` file or inlined in HTML, or an [`Error`] saying why it cannot be
//! drawn. The same input always gives the same bytes. Every text and every
//! attribute value goes through [`escape`] (the five XML special
//! characters, and the control characters XML 1.0 cannot carry), so any
//! name is safe. Floats are used for drawing only; no seat is ever decided
//! here.
//!
//! # Marks that can be counted
//!
//! Every seat of a parliament diagram is one `<circle class="seat KIND">`,
//! where `KIND` is one of
//!
//! | class | seats | mark |
//! |---|---|---|
//! | `seat party` | won by a party | a dot in the party's colour |
//! | `seat independent` | won by a self-nominated member | a grey dot ([`SELF_NOMINATED_COLOUR`]) |
//! | `seat vacant` | left empty by the rules (e.g. a repeat election is due) | a hollow dot with a solid outline ([`EMPTY_SEAT_COLOUR`]) |
//! | `seat undecided` | no result was given for them | a hollow dot with a dashed outline ([`EMPTY_SEAT_COLOUR`]) |
//!
//! Each has a `data-party` attribute (the group's position in the input,
//! counting from 0) and a `<title>` tooltip naming the group ("Vacant",
//! "Undecided" and "Self-nominated" for the last three, in the legend too).
//! Legends use `<rect>` swatches and no other mark is a circle, so the
//! number of `<circle` elements in a diagram is its number of seats. A
//! hemicycle of 3 seats or more also draws the majority, `⌊N/2⌋ + 1`
//! seats: a `<line class="majority">` across the rows where the majority
//! is reached in seat order, and the text "50 for a majority"
//! (`class="majority-label"`) under the diagram.
//!
//! Charts mark their series the same way: `<g class="panel"
//! data-party="i">`, `<polyline class="series" data-party="i">`,
//! `<circle class="point" data-party="i">`, and for a one-seat race
//! `<rect class="bar" data-candidate="i">`. Numbers people read (votes,
//! seats) have thousands separators: 3,431,510.
//!
//! # Geometry
//!
//! For `N` seats, [`layout`] uses `n` rows whose radii are evenly spaced
//! from 0.4 to 1 (in units of the outer radius; one row sits at radius 1).
//! Each row has one seat at each end of its half circle, and the `N - n`
//! gaps between neighbouring seats are apportioned to the rows in
//! proportion to their radii (largest remainders, exact integers), so the
//! distance between neighbours along a row is the same in every row, up to
//! rounding, and the seats per row grow with the radius. The number of
//! rows is the one that makes that distance closest (on a log scale) to the
//! distance between rows, among those that leave every row at least three
//! seats, so the dots are evenly spaced in both directions and small
//! bodies have no row with a lone seat.
//!
//! Seats are then ordered by angle, from the left end (180°) to the right
//! (0°), and at equal angles from the inner row out; angles are compared
//! as exact fractions, never as floats. The first `s_1` seats in that order
//! go to the first group, the next `s_2` to the second, and so on, so every
//! group holds one contiguous wedge. The legend sits below the diagram,
//! and the `viewBox` holds both.
//!
//! # Colours
//!
//! A colour follows the party, never its position in a file: the same
//! party has the same colour in every picture, whatever order it comes in.
//! [`party_colour`] gives it:
//!
//! - the Kazakh parties have fixed colours: Amanat blue, Auyl gold,
//!   Respublica vermillion, Ak Zhol sky blue, the People's Party of
//!   Kazakhstan (QHP) red, the National Social Democratic Party (OSDP,
//!   JSDP) purple, Baytaq green; names are matched without regard to case,
//!   spaces or punctuation, and common short names are known;
//! - any other name takes a colour of [`PALETTE`] picked by its 64-bit
//!   FNV-1a hash (the name trimmed, in lower case, with single spaces), the
//!   same on every platform and in every run. If two parties of one
//!   picture would share a palette colour, the one whose hash is larger
//!   takes the next free one, so the colours of a picture depend on its
//!   set of parties, not on their order.
//!
//! A colour may also be given as `#rgb` or `#rrggbb` (hexadecimal, any
//! case, [`Group::colour`]); anything else is [`Error::InvalidColour`].
//! Self-nominated members are a filled mid grey ([`SELF_NOMINATED_COLOUR`]);
//! empty seats, vacant or undecided, have one darker grey outline
//! ([`EMPTY_SEAT_COLOUR`]) around a white dot. Every colour has a contrast
//! of at least 3:1 against white; the palette draws on Okabe and Ito's and
//! Paul Tol's colour-blind-safe schemes.
//!
//! # Example
//!
//! ```
//! use saylau::svg::{Group, hemicycle};
//!
//! let svg = hemicycle(
//!     "Mazhilis, 2023",
//!     &[Group::new("Amanat", 62), Group::new("Auyl", 8), Group::new("Others", 21), Group::vacant(7)],
//! )?;
//! assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! assert_eq!(svg.matches("<circle").count(), 98);
//! assert_eq!(svg.matches("<circle class=\"seat party\" data-party=\"1\"").count(), 8);
//! assert_eq!(svg.matches("<circle class=\"seat vacant\"").count(), 7);
//! assert!(svg.contains(">50 for a majority</text>"));
//! # Ok::<(), saylau::svg::Error>(())
//! ```

mod bars;
mod charts;
mod colour;
mod error;
mod hemicycle;
mod writer;

pub use bars::candidate_bars;
pub use charts::{ScatterPoint, seat_distribution, seat_vote_scatter, threshold_sweep};
pub use colour::{EMPTY_SEAT_COLOUR, PALETTE, SELF_NOMINATED_COLOUR, party_colour};
pub use error::{Error, Result};
pub use hemicycle::{Layout, MAX_SEATS, SeatPosition, hemicycle, layout, split_view};
pub use writer::escape;

use writer::{Writer, coord};

/// What the seats of a [`Group`] are: won by a party or a self-nominated
/// member, or empty. Each kind has its own mark (see [marks](self#marks-that-can-be-counted)).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SeatKind {
    /// Won by a party: a dot in the party's colour.
    #[default]
    Party,
    /// Won by self-nominated members: a grey dot.
    SelfNominated,
    /// Left empty by the rules (e.g. a repeat election is due): a hollow
    /// dot with a solid outline.
    Vacant,
    /// No result was given for them: a hollow dot with a dashed outline.
    Undecided,
}

impl SeatKind {
    /// The word people read for seats of this kind in a legend, when they
    /// do not belong to a party: "Self-nominated", "Vacant" or
    /// "Undecided" (`None` for a party, which is named by its label).
    ///
    /// ```
    /// use saylau::svg::SeatKind;
    /// assert_eq!(SeatKind::Vacant.word(), Some("Vacant"));
    /// assert_eq!(SeatKind::Party.word(), None);
    /// ```
    pub fn word(self) -> Option<&'static str> {
        match self {
            SeatKind::Party => None,
            SeatKind::SelfNominated => Some("Self-nominated"),
            SeatKind::Vacant => Some("Vacant"),
            SeatKind::Undecided => Some("Undecided"),
        }
    }

    /// The second word of the seat marks' `class` attribute.
    fn class(self) -> &'static str {
        match self {
            SeatKind::Party => "party",
            SeatKind::SelfNominated => "independent",
            SeatKind::Vacant => "vacant",
            SeatKind::Undecided => "undecided",
        }
    }

    /// The colour when none is given (parties take [`party_colour`]).
    fn default_colour(self) -> Option<&'static str> {
        match self {
            SeatKind::Party => None,
            SeatKind::SelfNominated => Some(SELF_NOMINATED_COLOUR),
            SeatKind::Vacant | SeatKind::Undecided => Some(EMPTY_SEAT_COLOUR),
        }
    }
}

/// One group of seats in a parliament diagram: a party, the self-nominated
/// members, or empty seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The name shown in the legend and in each seat's tooltip.
    pub label: String,
    /// Its seats.
    pub seats: u32,
    /// Its colour, `#rgb` or `#rrggbb`; `None` takes [`party_colour`] for
    /// a party and the grey of its kind otherwise.
    pub colour: Option<String>,
    /// What its seats are, which decides their mark.
    pub kind: SeatKind,
}

impl Group {
    /// A party's seats, in the party's colour ([`party_colour`]).
    ///
    /// ```
    /// use saylau::svg::{Group, party_colour};
    /// let g = Group::new("Amanat", 62);
    /// assert_eq!((g.colour, party_colour("Amanat")), (None, "#1c5aa6"));
    /// ```
    pub fn new(label: impl Into<String>, seats: u32) -> Group {
        Group { label: label.into(), seats, colour: None, kind: SeatKind::Party }
    }

    /// `seats` won by self-nominated members, labelled "Self-nominated".
    pub fn self_nominated(seats: u32) -> Group {
        Group::of_kind(SeatKind::SelfNominated, seats)
    }

    /// `seats` left vacant by the rules, labelled "Vacant".
    pub fn vacant(seats: u32) -> Group {
        Group::of_kind(SeatKind::Vacant, seats)
    }

    /// `seats` with no result, labelled "Undecided".
    pub fn undecided(seats: u32) -> Group {
        Group::of_kind(SeatKind::Undecided, seats)
    }

    fn of_kind(kind: SeatKind, seats: u32) -> Group {
        Group { label: kind.word().unwrap_or_default().to_string(), seats, colour: None, kind }
    }

    /// The same group in `colour` (checked when drawn).
    #[must_use]
    pub fn colour(mut self, colour: impl Into<String>) -> Group {
        self.colour = Some(colour.into());
        self
    }
}

/// A rough width of `text` at `size` px in a sans-serif font.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// A document `width` by `height` px titled `title`, with a white
/// background and the title as a heading centred at the top; the `svg`
/// element is left open.
pub(crate) fn document(width: f64, height: f64, title: &str) -> Writer {
    let (width, height) = (width.ceil(), height.ceil());
    let (w, h) = (coord(width), coord(height));
    let mut out = Writer::default();
    out.open("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("version", "1.1")
        .attr("width", w)
        .attr("height", h)
        .attr("viewBox", format_args!("0 0 {w} {h}"))
        .attr("role", "img")
        .attr("font-family", "Helvetica, Arial, sans-serif");
    out.open("title").text(title).close();
    out.open("rect")
        .attr("class", "background")
        .attr("width", "100%")
        .attr("height", "100%")
        .attr("fill", "#ffffff")
        .close();
    out.open("text")
        .attr("class", "heading")
        .attr("x", coord(width / 2.0))
        .attr("y", 28)
        .attr("font-size", 18)
        .attr("font-weight", "bold")
        .attr("text-anchor", "middle")
        .text(title)
        .close();
    out
}

/// How a legend swatch is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Swatch {
    Filled,
    Hollow,
    Dashed,
}

impl From<SeatKind> for Swatch {
    fn from(kind: SeatKind) -> Swatch {
        match kind {
            SeatKind::Party | SeatKind::SelfNominated => Swatch::Filled,
            SeatKind::Vacant => Swatch::Hollow,
            SeatKind::Undecided => Swatch::Dashed,
        }
    }
}

/// A legend swatch and its text, one line at (`x`, `y`) (top left);
/// `party` is the `data-party` value, if any.
pub(crate) fn legend_item(
    out: &mut Writer,
    (x, y): (f64, f64),
    colour: &str,
    swatch: Swatch,
    text: &str,
    party: Option<usize>,
) {
    out.open_inline("g").attr("class", "legend-item");
    if let Some(p) = party {
        out.attr("data-party", p);
    }
    out.open("rect")
        .attr("x", coord(x + 0.75))
        .attr("y", coord(y + 0.75))
        .attr("width", 10.5)
        .attr("height", 10.5)
        .attr("rx", 2)
        .attr("fill", if swatch == Swatch::Filled { colour } else { "#ffffff" })
        .attr("stroke", colour)
        .attr("stroke-width", 1.5);
    if swatch == Swatch::Dashed {
        out.attr("stroke-dasharray", "2.5 1.5");
    }
    out.close();
    out.open("text")
        .attr("x", coord(x + 18.0))
        .attr("y", coord(y + 10.5))
        .attr("font-size", 13)
        .text(text)
        .close();
    out.close();
}
