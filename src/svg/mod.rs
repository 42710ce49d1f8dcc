//! Pictures as standalone SVG documents, written as plain text: parliament
//! diagrams ([`hemicycle`], [`split_view`]) and simple charts
//! ([`seat_distribution`], [`threshold_sweep`], [`seat_vote_scatter`]).
//!
//! Every function returns a `String` holding a complete SVG 1.1 document
//! with `xmlns`, a `viewBox` and a `<title>`, ready to be written to a
//! `.svg` file or inlined in HTML. All text from the input (party names,
//! titles) is escaped, so any name is safe. Floats are used for drawing
//! only; no seat is ever decided here.
//!
//! # Marks that can be counted
//!
//! Every seat of a parliament diagram is one `<circle class="seat …">`
//! with a `data-party` attribute (the group's position in the input,
//! counting from 0) and a `<title>` tooltip naming the group; legends use
//! `<rect>` swatches, so the number of `<circle` elements in a diagram is
//! its number of seats. Charts mark their series the same way:
//! `<g class="panel" data-party="i">`, `<polyline class="series"
//! data-party="i">` and `<circle class="point" data-party="i">`.
//!
//! # Geometry
//!
//! For `N` seats, [`layout`] uses `n` rows whose radii are evenly spaced
//! from 0.4 to 1 (in units of the outer radius; one row sits at radius 1).
//! Each row has one seat at each end of its half circle, and the `N - n`
//! gaps between neighbouring seats are apportioned to the rows in
//! proportion to their radii (largest remainders, exact integers), so the
//! distance between neighbours along a row is the same in every row, up to
//! rounding, and the seats per row are proportional to the radius. The
//! number of rows is the one that makes that distance closest (on a log
//! scale) to the distance between rows, so the dots are evenly spaced in
//! both directions.
//!
//! Seats are then ordered by angle, from the left end (180°) to the right
//! (0°), and at equal angles from the inner row out; angles are compared
//! as exact fractions, never as floats. The first `s_1` seats in that order
//! go to the first group, the next `s_2` to the second, and so on, so every
//! group holds one contiguous wedge.
//!
//! # Colours
//!
//! A group's colour may be given as `#rgb` or `#rrggbb` (hexadecimal, any
//! case); anything else is [`Error::InvalidColour`]. Otherwise the `i`-th
//! group takes the `i`-th colour of [`PALETTE`] (cycling after ten):
//! Okabe and Ito's colour-blind-safe colours, with their orange and sky
//! blue darkened (and their yellow left out) so that every colour has a
//! contrast of at least 3:1 against white, extended by Paul Tol's indigo,
//! wine and olive and ColorBrewer's brown. Self-nominated members are grey
//! ([`INDEPENDENT_COLOUR`]); vacant and undecided seats are hollow circles
//! (undecided ones dashed).
//!
//! # Example
//!
//! ```
//! use saylau::svg::{Group, hemicycle};
//!
//! let svg = hemicycle(
//!     "Mazhilis, 2023",
//!     &[Group::new("Amanat", 62).colour("#1c5aa6"), Group::new("Auyl", 8), Group::new("Others", 28)],
//! )?;
//! assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! assert_eq!(svg.matches("<circle").count(), 98);
//! assert_eq!(svg.matches("<circle class=\"seat party\" data-party=\"1\"").count(), 8);
//! # Ok::<(), saylau::Error>(())
//! ```

mod charts;
mod hemicycle;

use std::fmt::Write as _;

use crate::error::{Error, Result};

pub use charts::{ScatterPoint, seat_distribution, seat_vote_scatter, threshold_sweep};
pub use hemicycle::{Layout, MAX_SEATS, SeatPosition, hemicycle, layout, split_view};

/// The built-in colours, in the order groups take them (see the [module
/// documentation](self#colours)). Each has a contrast of at least 3:1
/// against white.
pub const PALETTE: [&str; 10] = [
    "#0072b2", // Okabe-Ito blue
    "#d55e00", // Okabe-Ito vermillion
    "#009e73", // Okabe-Ito bluish green
    "#cc79a7", // Okabe-Ito reddish purple
    "#a07800", // Okabe-Ito orange, darkened
    "#2f8fcf", // Okabe-Ito sky blue, darkened
    "#332288", // Tol indigo
    "#882255", // Tol wine
    "#999933", // Tol olive
    "#b15928", // ColorBrewer brown
];

/// The colour of self-nominated members (grey, 3.5:1 against white).
pub const INDEPENDENT_COLOUR: &str = "#888888";

/// One group of seats in a parliament diagram: a party, the self-nominated
/// members, or empty seats.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The name shown in the legend and in each seat's tooltip.
    pub label: String,
    /// Its seats.
    pub seats: u32,
    /// Its colour, `#rgb` or `#rrggbb`; `None` takes the palette colour of
    /// the group's position.
    pub colour: Option<String>,
    /// Draws its seats as hollow circles (vacant seats).
    pub hollow: bool,
}

impl Group {
    /// A group with the palette colour of its position.
    pub fn new(label: impl Into<String>, seats: u32) -> Group {
        Group { label: label.into(), seats, colour: None, hollow: false }
    }

    /// The same group in `colour` (checked when drawn).
    #[must_use]
    pub fn colour(mut self, colour: impl Into<String>) -> Group {
        self.colour = Some(colour.into());
        self
    }

    /// The same group drawn as hollow circles.
    #[must_use]
    pub fn hollow(mut self) -> Group {
        self.hollow = true;
        self
    }
}

/// Writes to a `String`, which cannot fail.
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {{
        let _ = write!($out, $($arg)*);
    }};
}
pub(crate) use w;

/// Escapes text for XML (and so for XHTML and SVG): the five special
/// characters become entities, and control characters that XML 1.0 forbids
/// become U+FFFD.
///
/// ```
/// assert_eq!(saylau::svg::escape("Nur & <Otan> \"A's\""), "Nur &amp; &lt;Otan&gt; &quot;A&apos;s&quot;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters other than tab and newlines are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Checks a `#rgb` or `#rrggbb` colour for `label`.
pub(crate) fn check_colour(label: &str, colour: &str) -> Result<String> {
    let hex = colour.strip_prefix('#').unwrap_or("");
    if colour.starts_with('#') && matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(colour.to_ascii_lowercase())
    } else {
        Err(Error::InvalidColour { label: label.to_string(), colour: colour.to_string() })
    }
}

/// The colour of the `i`-th group: its own, checked, or the palette's.
pub(crate) fn group_colour(i: usize, label: &str, colour: Option<&str>) -> Result<String> {
    match colour {
        Some(c) => check_colour(label, c),
        None => Ok(PALETTE[i % PALETTE.len()].to_string()),
    }
}

/// A coordinate or length with two decimals (no `-0.00`).
pub(crate) fn num(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0;
    if r == 0.0 { "0".to_string() } else { format!("{r}") }
}

/// A rough width of `text` at `size` px in a sans-serif font.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.6
}

/// The opening of a document `width` by `height` px titled `title`.
pub(crate) fn open(out: &mut String, width: f64, height: f64, title: &str) {
    let (w, h) = (num(width.ceil()), num(height.ceil()));
    w!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{w}\" height=\"{h}\" \
         viewBox=\"0 0 {w} {h}\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\">\n\
         <title>{}</title>\n<rect class=\"background\" width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n",
        escape(title)
    );
}

/// A legend swatch and its text, one line at (`x`, `y`) (top left).
pub(crate) fn legend_item(
    out: &mut String,
    x: f64,
    y: f64,
    fill: &str,
    hollow: bool,
    text: &str,
    attrs: &str,
) {
    let (fill, stroke) = if hollow { ("#ffffff", fill) } else { (fill, fill) };
    w!(
        out,
        "<g class=\"legend-item\"{attrs}><rect x=\"{}\" y=\"{}\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{fill}\" \
         stroke=\"{stroke}\" stroke-width=\"1.5\"/><text x=\"{}\" y=\"{}\" font-size=\"13\">{}</text></g>\n",
        num(x),
        num(y),
        num(x + 18.0),
        num(y + 10.5),
        escape(text)
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_all_five() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\u{1}y"), "x\u{fffd}y");
    }

    #[test]
    fn colours() {
        assert_eq!(check_colour("a", "#ABC").unwrap(), "#abc");
        assert_eq!(check_colour("a", "#00ff7F").unwrap(), "#00ff7f");
        for bad in ["", "#", "abc", "#abcd", "#ggg", "red", "#12345", "#1234567", "##abc"] {
            assert!(matches!(check_colour("a", bad), Err(Error::InvalidColour { .. })), "{bad}");
        }
    }

    #[test]
    fn numbers() {
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(1.234), "1.23");
        assert_eq!(num(10.0), "10");
    }
}
