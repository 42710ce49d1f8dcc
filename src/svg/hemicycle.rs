//! Parliament diagrams: one dot per seat in concentric half rings (the
//! geometry is described in the [module documentation](super#geometry)).

use std::fmt::Write as _;

use super::{Group, INDEPENDENT_COLOUR, escape, group_colour, legend_item, num, open, text_width, w};
use crate::error::{Error, Result};
use crate::system::{Body, BodyResult};

/// The largest number of seats a diagram can hold.
pub const MAX_SEATS: u32 = 10_000;

/// One seat of a [`Layout`], in units of the outer radius, centre at the
/// origin, `y` pointing up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SeatPosition {
    /// Its row, from 0 (innermost).
    pub row: u32,
    /// Horizontal position, from -1 (left) to 1 (right).
    pub x: f64,
    /// Height above the base line, from 0 to 1.
    pub y: f64,
    /// Its angle in radians, from π (left end) to 0 (right end).
    pub angle: f64,
}

/// The seat positions of a parliament diagram.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// Seats per row, innermost first.
    pub rows: Vec<u32>,
    /// Each row's radius (the outer one is 1).
    pub radii: Vec<f64>,
    /// Every seat, in the order seats are given to groups: by angle from the
    /// left, then by row from the inside.
    pub seats: Vec<SeatPosition>,
    /// A dot radius that leaves a gap between neighbouring dots.
    pub dot_radius: f64,
}

/// The layout of a diagram with `seats` seats (see
/// [Geometry](crate::svg#geometry)).
///
/// # Errors
///
/// [`Error::NoSeats`] for 0 seats, [`Error::TooManySeats`] above
/// [`MAX_SEATS`].
///
/// # Example
///
/// ```
/// let l = saylau::svg::layout(98)?;
/// assert_eq!(l.seats.len(), 98);
/// assert_eq!(l.rows.iter().sum::<u32>(), 98);
/// // Rows grow outwards; the first seat is at the left end.
/// assert!(l.rows.windows(2).all(|r| r[0] <= r[1]));
/// assert!((l.seats[0].angle - std::f64::consts::PI).abs() < 1e-12);
/// # Ok::<(), saylau::Error>(())
/// ```
pub fn layout(seats: u32) -> Result<Layout> {
    if seats == 0 {
        return Err(Error::NoSeats);
    }
    if seats > MAX_SEATS {
        return Err(Error::TooManySeats { seats: u64::from(seats), max: u64::from(MAX_SEATS) });
    }
    let n = rows_for(seats);
    let weights = weights(n);
    let total_weight: u64 = weights.iter().sum();
    let radii: Vec<f64> = weights.iter().map(|&w| radius(w, n)).collect();

    // Apportion the gaps between neighbours to the rows by radius.
    let gaps = u64::from(seats - n);
    let mut per_row: Vec<u64> = weights.iter().map(|&w| gaps * w / total_weight).collect();
    let mut left = gaps - per_row.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Larger remainders first; equal remainders to the outer (longer) row.
    order.sort_by_key(|&i| (std::cmp::Reverse(gaps * weights[i] % total_weight), std::cmp::Reverse(i)));
    for &i in &order {
        if left == 0 {
            break;
        }
        per_row[i] += 1;
        left -= 1;
    }
    let rows: Vec<u32> = per_row.iter().map(|&g| g as u32 + 1).collect();

    // Every seat as (row, position in row), then sorted by angle: seat j of a
    // row of s is at the fraction j / (s - 1) of the half circle from the
    // left (the middle if s = 1).
    let frac = |row: usize, j: u32| -> (u64, u64) {
        match rows[row] {
            1 => (1, 2),
            s => (u64::from(j), u64::from(s - 1)),
        }
    };
    let mut all: Vec<(usize, u32)> =
        rows.iter().enumerate().flat_map(|(r, &s)| (0..s).map(move |j| (r, j))).collect();
    all.sort_by(|&(ra, ja), &(rb, jb)| {
        let (na, da) = frac(ra, ja);
        let (nb, db) = frac(rb, jb);
        (na * db).cmp(&(nb * da)).then(ra.cmp(&rb))
    });
    let positions = all
        .iter()
        .map(|&(r, j)| {
            let (num, den) = frac(r, j);
            let angle = std::f64::consts::PI * (1.0 - num as f64 / den as f64);
            SeatPosition { row: r as u32, x: radii[r] * angle.cos(), y: radii[r] * angle.sin(), angle }
        })
        .collect();

    // Dots fill 80% of the smallest distance between neighbours.
    let along = rows
        .iter()
        .zip(&radii)
        .filter(|&(&s, _)| s > 1)
        .map(|(&s, &r)| 2.0 * r * (std::f64::consts::PI / (2.0 * f64::from(s - 1))).sin())
        .fold(f64::INFINITY, f64::min);
    let across = if n > 1 { 0.6 / f64::from(n - 1) } else { f64::INFINITY };
    let dot_radius = (0.4 * along.min(across)).min(0.15);
    Ok(Layout { rows, radii, seats: positions, dot_radius })
}

/// Integer row weights proportional to the radii 0.4 .. 1: `2(n-1) + 3i`.
fn weights(n: u32) -> Vec<u64> {
    if n == 1 { vec![1] } else { (0..u64::from(n)).map(|i| 2 * (u64::from(n) - 1) + 3 * i).collect() }
}

fn radius(weight: u64, n: u32) -> f64 {
    if n == 1 { 1.0 } else { weight as f64 / (5.0 * f64::from(n - 1)) }
}

/// The number of rows for `seats`: the one whose spacing along the rows is
/// closest to the spacing between rows.
fn rows_for(seats: u32) -> u32 {
    if seats == 1 {
        return 1;
    }
    let mut best = (1, f64::INFINITY);
    for n in 1..seats.min(200) {
        let sum_r: f64 = weights(n).iter().map(|&w| radius(w, n)).sum();
        let along = std::f64::consts::PI * sum_r / f64::from(seats - n);
        let across = 0.6 / f64::from(n.saturating_sub(1).max(1));
        let score = (along / across).ln().abs();
        if score < best.1 {
            best = (n, score);
        }
    }
    best.0
}

/// How a group's seats are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Filled,
    Hollow,
    Dashed,
}

/// A group ready to draw.
#[derive(Debug, Clone)]
struct Style {
    label: String,
    colour: String,
    mark: Mark,
    class: &'static str,
}

/// One half ring: an optional heading, the `data-tier` value, and the
/// seats of each group (by style index), left to right.
#[derive(Debug)]
struct Ring {
    heading: Option<String>,
    tier: Option<&'static str>,
    counts: Vec<(usize, u32)>,
}

/// A parliament diagram of `groups`, left to right, titled `title`.
///
/// Seat `k` of the [`layout`] order goes to the group that holds it, so
/// each group is one wedge. Each seat is a `<circle class="seat party"
/// data-party="i">` with the group's name as its `<title>`; the legend
/// lists each group with seats as "name: seats" (groups without seats are
/// left out of it). Palette colours follow the input position, so a party
/// keeps its colour across diagrams of the same list.
///
/// # Errors
///
/// [`Error::NoParties`] for no groups, [`Error::NoSeats`] if they have no
/// seats, [`Error::TooManySeats`] above [`MAX_SEATS`],
/// [`Error::InvalidColour`] for a colour that is not `#rgb` or `#rrggbb`.
///
/// # Example
///
/// ```
/// use saylau::svg::{Group, hemicycle};
///
/// let svg = hemicycle("A & B", &[Group::new("A", 3), Group::new("<B>", 2).hollow()])?;
/// assert_eq!(svg.matches("<circle").count(), 5);
/// assert!(svg.contains("<title>A &amp; B</title>"));
/// assert!(svg.contains("&lt;B&gt;: 2"));
/// assert!(hemicycle("x", &[Group::new("A", 3).colour("blue")]).is_err());
/// # Ok::<(), saylau::Error>(())
/// ```
pub fn hemicycle(title: &str, groups: &[Group]) -> Result<String> {
    if groups.is_empty() {
        return Err(Error::NoParties);
    }
    let styles = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            Ok(Style {
                label: g.label.clone(),
                colour: group_colour(i, &g.label, g.colour.as_deref())?,
                mark: if g.hollow { Mark::Hollow } else { Mark::Filled },
                class: if g.hollow { "vacant" } else { "party" },
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let total: u64 = groups.iter().map(|g| u64::from(g.seats)).sum();
    check_total(total)?;
    let legend: Vec<(usize, String)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.seats > 0)
        .map(|(i, g)| (i, format!("{}: {}", g.label, g.seats)))
        .collect();
    let ring =
        Ring { heading: None, tier: None, counts: groups.iter().map(|g| g.seats).enumerate().collect() };
    render(title, &styles, &[ring], &legend)
}

fn check_total(total: u64) -> Result<()> {
    if total == 0 {
        Err(Error::NoSeats)
    } else if total > u64::from(MAX_SEATS) {
        Err(Error::TooManySeats { seats: total, max: u64::from(MAX_SEATS) })
    } else {
        Ok(())
    }
}

/// A parliament diagram of a mixed body with its tiers apart: two half
/// rings side by side, the party-list seats on the left and the
/// single-member seats on the right (a body with one tier gets one ring).
/// The smaller ring is scaled down so that dots keep about the same size.
///
/// Within each ring the parties come in the result's order, then the
/// self-nominated members (grey, `class="seat independent"`), then vacant
/// seats (hollow, `class="seat vacant"`), then seats not decided (hollow,
/// dashed, `class="seat undecided"`). Every seat carries `data-tier="list"`
/// or `data-tier="district"` and `data-party`: the party's position in
/// `result.parties`, or, for those three groups, the number of parties plus
/// 0, 1 or 2. Colours follow the party's position in the result, unless
/// `colours` names the party (`(party, "#rrggbb")`).
///
/// The body says how many seats each tier has. Vacant districts are those
/// without a winner; the remaining vacancies are list seats. Undecided
/// seats are the list tier's when the result has no list votes, and the
/// districts' otherwise.
///
/// # Errors
///
/// [`Error::InvalidChart`] if the result does not fit the body (a tier's
/// seats do not add up), [`Error::InvalidColour`], [`Error::NoSeats`] and
/// [`Error::TooManySeats`] as for [`hemicycle`].
///
/// # Example
///
/// ```
/// use saylau::district::{Candidate, District};
/// use saylau::svg::split_view;
/// use saylau::system::{Ballots, Overrides, PartyList, Preset};
///
/// let body = Preset::Mazhilis.body(&Overrides::default())?;
/// let lists = [("A", 100), ("B", 90)].map(|(p, v)| PartyList { party: p.into(), votes: v, candidates: None });
/// let race = |i: u32, party: Option<&str>| District {
///     name: format!("D{i}"),
///     candidates: vec![Candidate { name: format!("C{i}"), party: party.map(Into::into), votes: 10 }],
///     against_all: 0,
/// };
/// let ballots = Ballots {
///     lists: lists.to_vec(),
///     against_all: 0,
///     districts: vec![race(1, Some("A")), race(2, None)],
/// };
/// let result = body.elect(&ballots)?;
/// let svg = split_view("Mazhilis", &body, &result, &[("A", "#1c5aa6")])?;
/// assert_eq!(svg.matches("<circle").count(), 98);
/// assert_eq!(svg.matches("data-tier=\"list\"").count(), 69);
/// assert_eq!(svg.matches("class=\"seat undecided\"").count(), 27);
/// # Ok::<(), saylau::Error>(())
/// ```
pub fn split_view(title: &str, body: &Body, result: &BodyResult, colours: &[(&str, &str)]) -> Result<String> {
    for (party, colour) in colours {
        super::check_colour(party, colour)?;
    }
    let misfit = |what: String| {
        Error::InvalidChart(format!("the result does not fit the body {:?}: {what}", body.name))
    };
    if body.seats() != result.seats {
        return Err(misfit(format!("{} seats in the body, {} in the result", body.seats(), result.seats)));
    }
    let list_size = body.list.as_ref().map_or(0, |t| t.seats);
    let district_size = body.districts.as_ref().map_or(0, |t| t.seats);
    let has_lists = result.parties.iter().any(|p| p.votes.is_some());
    let district_vacant = result.districts.iter().filter(|d| d.winner.is_none()).count() as u64;
    let list_vacant = u64::from(result.vacant).checked_sub(district_vacant).ok_or_else(|| {
        misfit(format!("{} vacant seats but {district_vacant} vacant districts", result.vacant))
    })?;
    let list_undecided = if list_size > 0 && !has_lists { u64::from(list_size) } else { 0 };
    let district_undecided = u64::from(result.undecided)
        .checked_sub(list_undecided)
        .ok_or_else(|| misfit(format!("{} undecided seats, fewer than the list tier", result.undecided)))?;
    let list_won: u64 = result.parties.iter().map(|p| u64::from(p.list_seats)).sum();
    let district_won: u64 = result.parties.iter().map(|p| u64::from(p.district_seats)).sum::<u64>()
        + u64::from(result.independents);
    if list_won + list_vacant + list_undecided != u64::from(list_size) {
        return Err(misfit(format!(
            "{list_won} list seats won, {list_vacant} vacant and {list_undecided} undecided, \
             but the list tier has {list_size}"
        )));
    }
    if district_won + district_vacant + district_undecided != u64::from(district_size) {
        return Err(misfit(format!(
            "{district_won} district seats won, {district_vacant} vacant and {district_undecided} \
             undecided, but the single-member tier has {district_size}"
        )));
    }
    check_total(u64::from(list_size) + u64::from(district_size))?;

    let p = result.parties.len();
    let mut styles = Vec::with_capacity(p + 3);
    for (i, party) in result.parties.iter().enumerate() {
        let given = colours.iter().find(|(name, _)| name.trim() == party.party).map(|(_, c)| *c);
        styles.push(Style {
            label: party.party.clone(),
            colour: group_colour(i, &party.party, given)?,
            mark: Mark::Filled,
            class: "party",
        });
    }
    let special = [
        ("Self-nominated", Mark::Filled, "independent"),
        ("Vacant", Mark::Hollow, "vacant"),
        ("Not decided", Mark::Dashed, "undecided"),
    ];
    for (label, mark, class) in special {
        styles.push(Style { label: label.into(), colour: INDEPENDENT_COLOUR.into(), mark, class });
    }

    let both = list_size > 0 && district_size > 0;
    let mut legend = Vec::new();
    for (i, party) in result.parties.iter().enumerate().filter(|(_, x)| x.seats > 0) {
        let text = match (party.list_seats, party.district_seats) {
            (l, d) if both && l > 0 && d > 0 => {
                format!("{}: {} ({l} list, {d} district)", party.party, party.seats)
            }
            (_, 0) if both => format!("{}: {} (list)", party.party, party.seats),
            (0, _) if both => format!("{}: {} (district)", party.party, party.seats),
            _ => format!("{}: {}", party.party, party.seats),
        };
        legend.push((i, text));
    }
    let vacant = list_vacant + district_vacant;
    let undecided = list_undecided + district_undecided;
    for (k, n) in [u64::from(result.independents), vacant, undecided].into_iter().enumerate() {
        if n > 0 {
            legend.push((p + k, format!("{}: {n}", special[k].0)));
        }
    }

    let mut rings = Vec::new();
    let as_u32 = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
    if list_size > 0 {
        let mut counts: Vec<(usize, u32)> = result.parties.iter().map(|x| x.list_seats).enumerate().collect();
        counts.push((p + 1, as_u32(list_vacant)));
        counts.push((p + 2, as_u32(list_undecided)));
        rings.push(Ring { heading: Some(format!("Party lists: {list_size}")), tier: Some("list"), counts });
    }
    if district_size > 0 {
        let mut counts: Vec<(usize, u32)> =
            result.parties.iter().map(|x| x.district_seats).enumerate().collect();
        counts.push((p, result.independents));
        counts.push((p + 1, as_u32(district_vacant)));
        counts.push((p + 2, as_u32(district_undecided)));
        rings.push(Ring {
            heading: Some(format!("Single-member districts: {district_size}")),
            tier: Some("district"),
            counts,
        });
    }
    render(title, &styles, &rings, &legend)
}

/// The outer radius of the largest ring, in px (for 40 seats or more).
const RADIUS: f64 = 200.0;
const MARGIN: f64 = 16.0;

/// Draws `rings` side by side, then the legend.
fn render(title: &str, styles: &[Style], rings: &[Ring], legend: &[(usize, String)]) -> Result<String> {
    let sizes: Vec<u32> = rings.iter().map(|r| r.counts.iter().map(|c| c.1).sum()).collect();
    let largest = sizes.iter().copied().max().unwrap_or(0);
    // Small diagrams are drawn smaller, so that a few seats are not spread
    // over a wide arc; a smaller ring beside a larger one is scaled so that
    // its dots keep about the same size.
    let radius = RADIUS * (f64::from(largest) / 40.0).sqrt().clamp(0.35, 1.0);
    let mut drawn = Vec::new();
    for (ring, &size) in rings.iter().zip(&sizes) {
        let l = layout(size)?;
        let scale = (f64::from(size) / f64::from(largest)).sqrt().max(0.45);
        drawn.push((ring, l, radius * scale));
    }
    let pad = |l: &Layout, r: f64| l.dot_radius * r + 2.0;
    let rings_width: f64 = drawn.iter().map(|(_, l, r)| 2.0 * (r + pad(l, *r))).sum::<f64>()
        + 24.0 * (drawn.len().saturating_sub(1)) as f64;
    let legend_width = legend.iter().map(|(_, t)| 18.0 + text_width(t, 13.0)).fold(0.0, f64::max);
    let title_width = text_width(title, 18.0);
    let width = 2.0 * MARGIN + rings_width.max(legend_width).max(title_width);
    let top = 44.0;
    let tallest = drawn.iter().map(|(_, l, r)| r + pad(l, *r)).fold(0.0, f64::max);
    let base = top + tallest;
    let headings = rings.iter().any(|r| r.heading.is_some());
    let legend_top = base + if headings { 36.0 } else { 16.0 };
    let height = legend_top + 20.0 * legend.len() as f64 + MARGIN;

    let mut out = String::new();
    open(&mut out, width, height, title);
    w!(
        out,
        "<text class=\"heading\" x=\"{}\" y=\"28\" font-size=\"18\" font-weight=\"bold\" text-anchor=\"middle\">{}</text>\n",
        num(width / 2.0),
        escape(title)
    );
    let mut x = (width - rings_width) / 2.0;
    for (ring, l, r) in &drawn {
        let cx = x + r + pad(l, *r);
        x += 2.0 * (r + pad(l, *r)) + 24.0;
        let dot = l.dot_radius * r;
        let tier = ring.tier.map(|t| format!(" data-tier=\"{t}\"")).unwrap_or_default();
        let ring_attr = ring.tier.map(|t| format!(" data-ring=\"{t}\"")).unwrap_or_default();
        w!(out, "<g class=\"ring\"{ring_attr}>\n");
        let mut seats = l.seats.iter();
        for &(g, count) in &ring.counts {
            let s = &styles[g];
            let (fill, stroke) = match s.mark {
                Mark::Filled => (s.colour.as_str(), String::new()),
                Mark::Hollow => {
                    ("#ffffff", format!(" stroke=\"{}\" stroke-width=\"{}\"", s.colour, num(dot * 0.35)))
                }
                Mark::Dashed => (
                    "#ffffff",
                    format!(
                        " stroke=\"{}\" stroke-width=\"{}\" stroke-dasharray=\"{}\"",
                        s.colour,
                        num(dot * 0.35),
                        num(dot * 0.5)
                    ),
                ),
            };
            let label = escape(&s.label);
            for seat in seats.by_ref().take(count as usize) {
                w!(
                    out,
                    "<circle class=\"seat {}\" data-party=\"{g}\"{tier} cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{fill}\"{stroke}><title>{label}</title></circle>\n",
                    s.class,
                    num(cx + seat.x * r),
                    num(base - seat.y * r),
                    num(if s.mark == Mark::Filled { dot } else { dot * 0.82 }),
                );
            }
        }
        let size: u32 = ring.counts.iter().map(|c| c.1).sum();
        w!(
            out,
            "<text class=\"total\" x=\"{}\" y=\"{}\" font-size=\"{}\" font-weight=\"bold\" text-anchor=\"middle\">{size}</text>\n",
            num(cx),
            num(base - 4.0),
            num((r * 0.2).max(14.0))
        );
        if let Some(h) = &ring.heading {
            w!(
                out,
                "<text class=\"ring-heading\" x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"middle\">{}</text>\n",
                num(cx),
                num(base + 24.0),
                escape(h)
            );
        }
        out.push_str("</g>\n");
    }
    out.push_str("<g class=\"legend\">\n");
    let lx = (width - legend_width) / 2.0;
    for (k, (g, text)) in legend.iter().enumerate() {
        let s = &styles[*g];
        let attrs = format!(" data-party=\"{g}\"");
        legend_item(
            &mut out,
            lx,
            legend_top + 20.0 * k as f64,
            &s.colour,
            s.mark != Mark::Filled,
            text,
            &attrs,
        );
    }
    out.push_str("</g>\n</svg>\n");
    Ok(out)
}
