//! A one-seat race (an akim election, a single district) as a bar chart of
//! its candidates: one seat drawn as a hemicycle would be a single dot.

use super::colour::assign;
use super::error::{Error, Result};
use super::writer::{coord, thousands};
use super::{EMPTY_SEAT_COLOUR, SELF_NOMINATED_COLOUR, document, text_width};
use crate::district::Candidate;

const MARGIN: f64 = 16.0;
/// The longest bar, in px.
const BAR: f64 = 360.0;
/// One candidate's line.
const ROW: f64 = 40.0;

/// A bar chart of a one-seat race: a bar per candidate, longest first (by
/// votes, then ballot order), and one for "against all" last if it has
/// votes. Each label gives the votes with thousands separators and the
/// share of all votes cast, "against all" included: "3,431,510 (81.5%)".
///
/// `winner` is the elected candidate's position in `candidates`, as
/// decided by the race's rules ([`DistrictRules::decide`]); no seat is
/// decided here. The winner's name is bold and marked "Elected"
/// (`class="winner"`); `None` (a repeat election, or no result yet) marks
/// no one.
///
/// Each candidate is a `<g class="candidate" data-candidate="i">` holding
/// one `<rect class="bar" data-candidate="i">` (`i` the position in
/// `candidates`), in the colour of the candidate's party
/// ([`super::party_colour`]), grey for the self-nominated
/// ([`SELF_NOMINATED_COLOUR`]); "against all" is a hollow `<rect
/// class="against-all">`.
///
/// [`DistrictRules::decide`]: crate::district::DistrictRules::decide
///
/// # Errors
///
/// [`Error::NothingToDraw`] without candidates, [`Error::NoSuchCandidate`]
/// for a winner that is not one of them.
///
/// # Example
///
/// ```
/// use saylau::district::Candidate;
/// use saylau::svg::candidate_bars;
///
/// let c = |name: &str, party: Option<&str>, votes| Candidate { name: name.into(), party: party.map(Into::into), votes };
/// let svg = candidate_bars(
///     "Akim of Almaty",
///     &[c("A", Some("Amanat"), 1_234_567), c("B", None, 345_678)],
///     12_345,
///     Some(0),
/// )?;
/// assert_eq!(svg.matches("<rect class=\"bar\"").count(), 2);
/// assert!(svg.contains(">1,234,567 (77.5%)<"));
/// assert!(svg.contains("class=\"winner\""));
/// # Ok::<(), saylau::svg::Error>(())
/// ```
#[expect(clippy::too_many_lines, reason = "one picture drawn top to bottom: frame, bars, labels, legend")]
pub fn candidate_bars(
    title: &str,
    candidates: &[Candidate],
    against_all: u64,
    winner: Option<usize>,
) -> Result<String> {
    if candidates.is_empty() {
        return Err(Error::NothingToDraw { what: "candidates" });
    }
    if let Some(w) = winner
        && w >= candidates.len()
    {
        return Err(Error::NoSuchCandidate { index: w, candidates: candidates.len() });
    }
    let parties: Vec<(&str, Option<&str>)> =
        candidates.iter().filter_map(|c| c.party.as_deref()).map(|p| (p, None)).collect();
    let mut party_colours = assign(&parties)?.into_iter();
    let fills: Vec<String> = candidates
        .iter()
        .map(|c| match c.party {
            Some(_) => party_colours.next().unwrap_or_default(),
            None => SELF_NOMINATED_COLOUR.to_string(),
        })
        .collect();

    let cast: u128 = candidates.iter().map(|c| u128::from(c.votes)).sum::<u128>() + u128::from(against_all);
    let share = |v: u64| if cast > 0 { v as f64 * 100.0 / cast as f64 } else { 0.0 };
    let value = |v: u64| format!("{} ({:.1}%)", thousands(v), share(v));
    let longest = candidates.iter().map(|c| c.votes).chain([against_all]).max().unwrap_or(0);
    let length = |v: u64| if longest > 0 { BAR * v as f64 / longest as f64 } else { 0.0 };

    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(candidates[i].votes), i));
    let affiliation = |c: &Candidate| c.party.clone().unwrap_or_else(|| "Self-nominated".to_string());
    let label_width = candidates
        .iter()
        .map(|c| text_width(&c.name, 13.0).max(text_width(&affiliation(c), 11.0)))
        .chain([text_width("Against all", 13.0)])
        .fold(0.0, f64::max);
    let value_width = candidates
        .iter()
        .map(|c| c.votes)
        .chain([against_all])
        .map(|v| text_width(&value(v), 12.0))
        .fold(0.0, f64::max)
        + if winner.is_some() { 8.0 + text_width("Elected", 12.0) } else { 0.0 };
    let bars_left = MARGIN + label_width + 12.0;
    let width = (bars_left + BAR + 8.0 + value_width + MARGIN).max(2.0 * MARGIN + text_width(title, 18.0));
    let lines = candidates.len() + usize::from(against_all > 0);
    let top = 48.0;
    let note_y = top + ROW * lines as f64 + 16.0;
    let height = note_y + MARGIN;

    let mut out = document(width, height, title);
    for (k, &i) in order.iter().enumerate() {
        let c = &candidates[i];
        let y = top + ROW * k as f64;
        let won = winner == Some(i);
        out.open("g").attr("class", "candidate").attr("data-candidate", i);
        out.open("text").attr("class", "name").attr("x", coord(MARGIN)).attr("y", coord(y + 15.0));
        out.attr("font-size", 13);
        if won {
            out.attr("font-weight", "bold");
        }
        out.text(&c.name).close();
        out.open("text")
            .attr("class", "party")
            .attr("x", coord(MARGIN))
            .attr("y", coord(y + 29.0))
            .attr("font-size", 11)
            .attr("fill", "#444444")
            .text(affiliation(c))
            .close();
        out.open("rect")
            .attr("class", "bar")
            .attr("data-candidate", i)
            .attr("x", coord(bars_left))
            .attr("y", coord(y + 6.0))
            .attr("width", coord(length(c.votes)))
            .attr("height", 22)
            .attr("fill", &fills[i]);
        out.open("title").text(format_args!("{}: {} votes", c.name, value(c.votes))).close();
        out.close();
        let vx = bars_left + length(c.votes) + 8.0;
        out.open("text")
            .attr("class", "votes")
            .attr("x", coord(vx))
            .attr("y", coord(y + 21.5))
            .attr("font-size", 12)
            .text(value(c.votes))
            .close();
        if won {
            out.open("text")
                .attr("class", "winner")
                .attr("x", coord(vx + 0.9 * text_width(&value(c.votes), 12.0) + 8.0))
                .attr("y", coord(y + 21.5))
                .attr("font-size", 12)
                .attr("font-weight", "bold")
                .text("Elected")
                .close();
        }
        out.close();
    }
    if against_all > 0 {
        let y = top + ROW * candidates.len() as f64;
        out.open("g").attr("class", "against-all");
        out.open("text")
            .attr("x", coord(MARGIN))
            .attr("y", coord(y + 21.5))
            .attr("font-size", 13)
            .text("Against all")
            .close();
        out.open("rect")
            .attr("class", "against-all")
            .attr("x", coord(bars_left + 0.75))
            .attr("y", coord(y + 6.75))
            .attr("width", coord((length(against_all) - 1.5).max(0.0)))
            .attr("height", 20.5)
            .attr("fill", "#ffffff")
            .attr("stroke", EMPTY_SEAT_COLOUR)
            .attr("stroke-width", 1.5);
        out.open("title").text(format_args!("Against all: {} votes", value(against_all))).close();
        out.close();
        out.open("text")
            .attr("class", "votes")
            .attr("x", coord(bars_left + length(against_all) + 8.0))
            .attr("y", coord(y + 21.5))
            .attr("font-size", 12)
            .text(value(against_all))
            .close();
        out.close();
    }
    let cast = u64::try_from(cast).map_or_else(|_| cast.to_string(), thousands);
    out.open("text")
        .attr("class", "note")
        .attr("x", coord(MARGIN))
        .attr("y", coord(note_y))
        .attr("font-size", 11)
        .attr("fill", "#444444")
        .text(format_args!("Shares of the {cast} votes cast, \"against all\" included."))
        .close();
    Ok(out.finish())
}
