//! Parliament diagrams: one dot per seat in concentric half rings (the
//! geometry is described in the [module documentation](super#geometry)).

use super::colour::assign;
use super::error::{Error, Result};
use super::writer::{coord, thousands};
use super::{Group, SeatKind, Swatch, Writer, document, legend_item, text_width};
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
/// [`Error::NothingToDraw`] for 0 seats, [`Error::TooManySeats`] above
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
/// // No row of a small body has fewer than three seats.
/// assert!(saylau::svg::layout(11)?.rows.iter().all(|&s| s >= 3));
/// # Ok::<(), saylau::svg::Error>(())
/// ```
pub fn layout(seats: u32) -> Result<Layout> {
    check_total(u64::from(seats))?;
    let (weights, rows) = rows_for(seats);
    let n = rows.len();
    let total_weight = weights[n - 1];
    // The outer row's weight is the largest: radii are weight / outer weight.
    let radii: Vec<f64> = weights.iter().map(|&w| w as f64 / total_weight as f64).collect();

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
    let across = if n > 1 { radii[1] - radii[0] } else { f64::INFINITY };
    let dot_radius = (0.4 * along.min(across)).min(0.15);
    Ok(Layout { rows, radii, seats: positions, dot_radius })
}

/// The inner radii tried, in twentieths of the outer radius.
const INNER: [u64; 5] = [6, 7, 8, 9, 10];

/// Integer row weights proportional to radii evenly spaced from `inner`/20
/// to 1: `inner (n-1) + (20 - inner) i`.
fn weights(n: u32, inner: u64) -> Vec<u64> {
    if n == 1 {
        vec![1]
    } else {
        (0..u64::from(n)).map(|i| inner * (u64::from(n) - 1) + (20 - inner) * i).collect()
    }
}

/// The seats per row for `seats` seats in rows of `weights`: each row has
/// a seat at each end, and the gaps between neighbours go to the rows in
/// proportion to their weights (largest remainders, exact integers; equal
/// remainders to the outer, longer row). Written out rather than with the
/// crate's Hare apportionment, which checks votes and reports ties this
/// drawing has no use for.
fn apportion(seats: u32, weights: &[u64]) -> Vec<u32> {
    let gaps = u64::from(seats) - weights.len() as u64;
    let total: u64 = weights.iter().sum();
    let mut per_row: Vec<u64> = weights.iter().map(|&w| gaps * w / total).collect();
    let mut left = gaps - per_row.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(gaps * weights[i] % total), std::cmp::Reverse(i)));
    for &i in &order {
        if left == 0 {
            break;
        }
        per_row[i] += 1;
        left -= 1;
    }
    per_row.iter().map(|&g| g as u32 + 1).collect()
}

/// The rows for `seats` (weights and seats per row): among a few row
/// counts near the one whose spacing along the rows matches the spacing
/// between rows, and a few inner radii, the one whose gaps along the rows
/// are the most even and closest to the gap between rows, keeping rows
/// that grow outwards and (from three seats) hold at least three seats.
fn rows_for(seats: u32) -> (Vec<u64>, Vec<u32>) {
    if seats < 8 {
        return (vec![1], vec![seats]);
    }
    // The first guess, at inner radius 0.4.
    let mut guess = (1, f64::INFINITY);
    for n in 1..seats.min(200) {
        let sum_r: f64 = (0..n).map(|i| 0.4 + 0.6 * f64::from(i) / f64::from((n - 1).max(1))).sum();
        let along = std::f64::consts::PI * sum_r / f64::from(seats - n);
        let across = 0.6 / f64::from(n.saturating_sub(1).max(1));
        let score = (along / across).ln().abs();
        if score < guess.1 {
            guess = (n, score);
        }
    }
    let mut best: Option<(f64, Vec<u64>, Vec<u32>)> = None;
    for n in guess.0.saturating_sub(2).max(1)..=(guess.0 + 2).min(seats - 1) {
        for inner in INNER {
            let w = weights(n, inner);
            let rows = apportion(seats, &w);
            if rows.iter().any(|&s| s < 3) || rows.windows(2).any(|r| r[0] > r[1]) {
                continue;
            }
            let outer = w[w.len() - 1] as f64;
            let gaps: Vec<f64> = rows
                .iter()
                .zip(&w)
                .map(|(&s, &wi)| std::f64::consts::PI * wi as f64 / outer / f64::from(s - 1))
                .collect();
            let (lo, hi) = gaps.iter().fold((f64::MAX, f64::MIN), |(a, b), &g| (a.min(g), b.max(g)));
            let along = gaps.iter().sum::<f64>() / gaps.len() as f64;
            let across = if n > 1 { (20 - inner) as f64 / 20.0 / f64::from(n - 1) } else { 2.0 * along };
            let score = 2.0 * (hi / lo).ln() + (along / across).ln().abs();
            if best.as_ref().is_none_or(|b| score < b.0 - 1e-12) {
                best = Some((score, w, rows));
            }
        }
    }
    match best {
        Some((_, w, rows)) => (w, rows),
        None => {
            let w = weights(guess.0, 8);
            let rows = apportion(seats, &w);
            (w, rows)
        }
    }
}

fn check_total(total: u64) -> Result<()> {
    if total == 0 {
        Err(Error::NothingToDraw { what: "seats" })
    } else if total > u64::from(MAX_SEATS) {
        Err(Error::TooManySeats { seats: total, max: u64::from(MAX_SEATS) })
    } else {
        Ok(())
    }
}

/// A group ready to draw.
#[derive(Debug, Clone)]
struct Style {
    label: String,
    colour: String,
    kind: SeatKind,
}

/// One half ring: an optional heading, the `data-tier` value, and the
/// seats of each group (by style index), left to right.
#[derive(Debug)]
struct Ring {
    heading: Option<String>,
    tier: Option<&'static str>,
    counts: Vec<(usize, u32)>,
}

/// The colours of `groups`: given, the party's ([`super::party_colour`]),
/// or the grey of their kind.
fn styles(groups: &[(&str, Option<&str>, SeatKind)]) -> Result<Vec<Style>> {
    let parties: Vec<(&str, Option<&str>)> =
        groups.iter().filter(|g| g.2 == SeatKind::Party).map(|g| (g.0, g.1)).collect();
    let mut party_colours = assign(&parties)?.into_iter();
    groups
        .iter()
        .map(|&(label, given, kind)| {
            let colour = match (kind.default_colour(), given) {
                (None, _) => party_colours.next().unwrap_or_default(),
                (Some(_), Some(c)) => super::colour::check_colour(label, c)?,
                (Some(grey), None) => grey.to_string(),
            };
            Ok(Style { label: label.to_string(), colour, kind })
        })
        .collect()
}

/// A parliament diagram of `groups`, left to right, titled `title`.
///
/// Seat `k` of the [`layout`] order goes to the group that holds it, so
/// each group is one wedge. Each seat is a `<circle class="seat KIND"
/// data-party="i">` with the group's name as its `<title>` (see
/// [marks](super#marks-that-can-be-counted)); a thin line marks where the
/// majority is reached, and the text under the diagram gives it ("50 for
/// a majority" for 98 seats). The legend, below, lists each group with
/// seats as "name: seats" (groups without seats are left out of it).
/// Colours follow the party's name, not its position ([colours](super#colours)).
///
/// # Errors
///
/// [`Error::NothingToDraw`] for no groups or no seats,
/// [`Error::TooManySeats`] above [`MAX_SEATS`], [`Error::InvalidColour`]
/// for a colour that is not `#rgb` or `#rrggbb`.
///
/// # Example
///
/// ```
/// use saylau::svg::{Group, hemicycle};
///
/// let svg = hemicycle("A & B", &[Group::new("A", 3), Group::new("<B>", 2), Group::undecided(1)])?;
/// assert_eq!(svg.matches("<circle").count(), 6);
/// assert_eq!(svg.matches("class=\"seat undecided\"").count(), 1);
/// assert!(svg.contains("<title>A &amp; B</title>"));
/// assert!(svg.contains("&lt;B&gt;: 2"));
/// assert!(svg.contains(">4 for a majority<"));
/// assert!(hemicycle("x", &[Group::new("A", 3).colour("blue")]).is_err());
/// # Ok::<(), saylau::svg::Error>(())
/// ```
pub fn hemicycle(title: &str, groups: &[Group]) -> Result<String> {
    if groups.is_empty() {
        return Err(Error::NothingToDraw { what: "groups" });
    }
    let described: Vec<(&str, Option<&str>, SeatKind)> =
        groups.iter().map(|g| (g.label.as_str(), g.colour.as_deref(), g.kind)).collect();
    let styles = styles(&described)?;
    let total: u64 = groups.iter().map(|g| u64::from(g.seats)).sum();
    check_total(total)?;
    let legend: Vec<(usize, String)> = groups
        .iter()
        .enumerate()
        .filter(|(_, g)| g.seats > 0)
        .map(|(i, g)| (i, format!("{}: {}", g.label, thousands(u64::from(g.seats)))))
        .collect();
    let ring =
        Ring { heading: None, tier: None, counts: groups.iter().map(|g| g.seats).enumerate().collect() };
    render(title, &styles, &[ring], &legend, total)
}

/// The result's seats in one tier, checked against the body.
struct TierCount {
    vacant: u64,
    undecided: u64,
}

/// A parliament diagram of a mixed body with its tiers apart: two half
/// rings side by side, the party-list seats on the left and the
/// single-member seats on the right (a body with one tier gets one ring).
/// The smaller ring is scaled down so that dots keep about the same size.
///
/// Within each ring the parties come in the result's order, then the
/// self-nominated members, then vacant seats, then undecided seats, each
/// with the same mark as in [`hemicycle`] (see
/// [marks](super#marks-that-can-be-counted)). Every seat carries
/// `data-tier="list"` or `data-tier="district"` and `data-party`: the
/// party's position in `result.parties`, or, for those three groups, the
/// number of parties plus 0, 1 or 2. Colours follow the party's name
/// ([`super::party_colour`]), unless `colours` names the party (`(party,
/// "#rrggbb")`). The text under the rings gives the majority of the whole
/// body.
///
/// The body says how many seats each tier has. Vacant districts are those
/// without a winner; the remaining vacancies are list seats. Undecided
/// seats are the list tier's when the result has no list votes, and the
/// districts' otherwise.
///
/// # Errors
///
/// [`Error::ResultDoesNotFit`] if the result does not fit the body (a
/// tier's seats do not add up), [`Error::InvalidColour`],
/// [`Error::NothingToDraw`] and [`Error::TooManySeats`] as for
/// [`hemicycle`].
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
/// assert!(svg.contains(">Undecided: 27<"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[expect(
    clippy::too_many_lines,
    reason = "checks the result against the body, then draws both tiers and one legend"
)]
pub fn split_view(title: &str, body: &Body, result: &BodyResult, colours: &[(&str, &str)]) -> Result<String> {
    for (party, colour) in colours {
        super::colour::check_colour(party, colour)?;
    }
    let misfit = |what: &'static str, expected: u64, found: u64| Error::ResultDoesNotFit {
        body: body.name.clone(),
        what,
        expected,
        found,
    };
    if body.seats() != result.seats {
        return Err(misfit("seats in the body", u64::from(body.seats()), u64::from(result.seats)));
    }
    let list_size = u64::from(body.list.as_ref().map_or(0, |t| t.seats));
    let district_size = u64::from(body.districts.as_ref().map_or(0, |t| t.seats));
    // The result's own accounting per tier: won, vacant, undecided.
    let (lt, dt) = (result.list.unwrap_or_default(), result.district.unwrap_or_default());
    let list = TierCount { vacant: lt.vacant.into(), undecided: lt.undecided.into() };
    let district = TierCount { vacant: dt.vacant.into(), undecided: dt.undecided.into() };
    let list_won: u64 = result.parties.iter().map(|p| u64::from(p.list_seats)).sum();
    let district_won: u64 = result.parties.iter().map(|p| u64::from(p.district_seats)).sum::<u64>()
        + u64::from(result.independents);
    if list_won + list.vacant + list.undecided != list_size {
        return Err(misfit(
            "party-list seats in the body",
            list_size,
            list_won + list.vacant + list.undecided,
        ));
    }
    if district_won + district.vacant + district.undecided != district_size {
        return Err(misfit(
            "single-member seats in the body",
            district_size,
            district_won + district.vacant + district.undecided,
        ));
    }
    check_total(list_size + district_size)?;

    let p = result.parties.len();
    let special = [SeatKind::SelfNominated, SeatKind::Vacant, SeatKind::Undecided];
    let mut described: Vec<(&str, Option<&str>, SeatKind)> = result
        .parties
        .iter()
        .map(|party| {
            let given = colours.iter().find(|(name, _)| name.trim() == party.party).map(|(_, c)| *c);
            (party.party.as_str(), given, SeatKind::Party)
        })
        .collect();
    described.extend(special.iter().map(|&k| (k.word().unwrap_or_default(), None, k)));
    let styles = styles(&described)?;

    let both = list_size > 0 && district_size > 0;
    let mut legend = Vec::new();
    for (i, party) in result.parties.iter().enumerate().filter(|(_, x)| x.seats > 0) {
        let n = |x: u32| thousands(u64::from(x));
        let text = match (party.list_seats, party.district_seats) {
            (l, d) if both && l > 0 && d > 0 => {
                format!("{}: {} ({} list, {} district)", party.party, n(party.seats), n(l), n(d))
            }
            (_, 0) if both => format!("{}: {} (list)", party.party, n(party.seats)),
            (0, _) if both => format!("{}: {} (district)", party.party, n(party.seats)),
            _ => format!("{}: {}", party.party, n(party.seats)),
        };
        legend.push((i, text));
    }
    let counts =
        [u64::from(result.independents), list.vacant + district.vacant, list.undecided + district.undecided];
    for (k, n) in counts.into_iter().enumerate() {
        if n > 0 {
            legend.push((p + k, format!("{}: {}", special[k].word().unwrap_or_default(), thousands(n))));
        }
    }

    let mut rings = Vec::new();
    let as_u32 = |x: u64| u32::try_from(x).unwrap_or(u32::MAX);
    if list_size > 0 {
        let mut counts: Vec<(usize, u32)> = result.parties.iter().map(|x| x.list_seats).enumerate().collect();
        counts.push((p + 1, as_u32(list.vacant)));
        counts.push((p + 2, as_u32(list.undecided)));
        rings.push(Ring {
            heading: Some(format!("Party lists: {}", thousands(list_size))),
            tier: Some("list"),
            counts,
        });
    }
    if district_size > 0 {
        let mut counts: Vec<(usize, u32)> =
            result.parties.iter().map(|x| x.district_seats).enumerate().collect();
        counts.push((p, result.independents));
        counts.push((p + 1, as_u32(district.vacant)));
        counts.push((p + 2, as_u32(district.undecided)));
        rings.push(Ring {
            heading: Some(format!("Single-member districts: {}", thousands(district_size))),
            tier: Some("district"),
            counts,
        });
    }
    render(title, &styles, &rings, &legend, list_size + district_size)
}

/// The outer radius of the largest ring, in px (for 40 seats or more).
const RADIUS: f64 = 200.0;
const MARGIN: f64 = 16.0;
/// A legend line's height, and the gap between legend columns.
const LINE: f64 = 20.0;
const COLUMN_GAP: f64 = 28.0;

/// A ring ready to draw: its layout, outer radius and dot radius in px.
struct Drawn<'a> {
    ring: &'a Ring,
    layout: Layout,
    radius: f64,
    dot: f64,
}

impl Drawn<'_> {
    /// Room beyond the outer row: the dot, and the majority line's end.
    fn pad(&self) -> f64 {
        2.5 * self.dot + 2.0
    }

    fn half_width(&self) -> f64 {
        self.radius + self.pad()
    }

    /// The size of the seat count in the middle: large, but inside the
    /// inner row.
    fn total_font(&self, seats: u32) -> f64 {
        let hole = self.layout.radii[0] * self.radius - self.dot;
        let chars = thousands(u64::from(seats)).len() as f64;
        (self.radius * 0.2).min(0.6 * hole).min(1.5 * hole / chars).max(12.0)
    }
}

/// The majority of `seats`: more than half.
fn majority(seats: u64) -> u64 {
    seats / 2 + 1
}

/// Draws `rings` side by side, the majority of `total` seats, then the
/// legend below.
#[expect(
    clippy::too_many_lines,
    reason = "one picture drawn top to bottom: rows, seats, majority line, legend"
)]
fn render(
    title: &str,
    styles: &[Style],
    rings: &[Ring],
    legend: &[(usize, String)],
    total: u64,
) -> Result<String> {
    let sizes: Vec<u32> = rings.iter().map(|r| r.counts.iter().map(|c| c.1).sum()).collect();
    let largest = sizes.iter().copied().max().unwrap_or(0);
    // Small diagrams are drawn smaller, so that a few seats are not spread
    // over a wide arc; a smaller ring beside a larger one is scaled so that
    // its dots keep about the same size.
    let radius = RADIUS * (f64::from(largest) / 40.0).sqrt().clamp(0.35, 1.0);
    let mut drawn = Vec::new();
    for (ring, &size) in rings.iter().zip(&sizes) {
        let layout = layout(size)?;
        let r = radius * (f64::from(size) / f64::from(largest)).sqrt().max(0.45);
        let dot = layout.dot_radius * r;
        drawn.push(Drawn { ring, layout, radius: r, dot });
    }
    let rings_width: f64 = drawn.iter().map(|d| 2.0 * d.half_width()).sum::<f64>()
        + 24.0 * (drawn.len().saturating_sub(1)) as f64;
    let show_majority = total >= 3;
    let majority_text = format!("{} for a majority", thousands(majority(total)));

    // The legend: as many columns as fit under the rings (at most four),
    // filled top to bottom.
    let item_width = legend.iter().map(|(_, t)| 18.0 + text_width(t, 13.0)).fold(0.0, f64::max);
    let room = rings_width.max(text_width(title, 18.0)).max(360.0);
    let columns = ((room + COLUMN_GAP) / (item_width + COLUMN_GAP)).floor().clamp(1.0, 4.0) as usize;
    let columns = columns.min(legend.len()).max(1);
    let per_column = legend.len().div_ceil(columns);
    let legend_width = columns as f64 * item_width + (columns - 1) as f64 * COLUMN_GAP;

    let width = 2.0 * MARGIN + rings_width.max(legend_width).max(text_width(title, 18.0));
    let top = 44.0;
    let tallest = drawn.iter().map(Drawn::half_width).fold(0.0, f64::max);
    let base = top + tallest;
    let headings = rings.iter().any(|r| r.heading.is_some());
    let mut below = base + 2.0 + drawn.iter().map(|d| d.dot).fold(0.0, f64::max);
    if headings {
        below += 26.0;
    }
    let majority_y = below + 18.0;
    if show_majority {
        below += 24.0;
    }
    let legend_top = below + 14.0;
    let height = legend_top + LINE * per_column as f64 + MARGIN;

    let mut out = document(width, height, title);
    let mut x = (width - rings_width) / 2.0;
    for d in &drawn {
        let cx = x + d.half_width();
        x += 2.0 * d.half_width() + 24.0;
        out.open("g").attr("class", "ring");
        if let Some(t) = d.ring.tier {
            out.attr("data-ring", t);
        }
        if show_majority && drawn.len() == 1 {
            majority_line(&mut out, d, cx, base, total);
        }
        let mut seats = d.layout.seats.iter();
        for &(g, count) in &d.ring.counts {
            let s = &styles[g];
            for seat in seats.by_ref().take(count as usize) {
                seat_mark(&mut out, s, g, d, (cx + seat.x * d.radius, base - seat.y * d.radius));
            }
        }
        let size: u32 = d.ring.counts.iter().map(|c| c.1).sum();
        out.open("text")
            .attr("class", "total")
            .attr("x", coord(cx))
            .attr("y", coord(base - 4.0))
            .attr("font-size", coord(d.total_font(size)))
            .attr("font-weight", "bold")
            .attr("text-anchor", "middle")
            .text(thousands(u64::from(size)))
            .close();
        if let Some(h) = &d.ring.heading {
            out.open("text")
                .attr("class", "ring-heading")
                .attr("x", coord(cx))
                .attr("y", coord(base + d.dot + 22.0))
                .attr("font-size", 14)
                .attr("text-anchor", "middle")
                .text(h)
                .close();
        }
        out.close();
    }
    if show_majority {
        out.open("text")
            .attr("class", "majority-label")
            .attr("x", coord(width / 2.0))
            .attr("y", coord(majority_y))
            .attr("font-size", 13)
            .attr("fill", "#333333")
            .attr("text-anchor", "middle")
            .text(&majority_text)
            .close();
    }
    out.open("g").attr("class", "legend");
    let lx = (width - legend_width) / 2.0;
    for (k, (g, text)) in legend.iter().enumerate() {
        let s = &styles[*g];
        let at = (
            lx + (k / per_column) as f64 * (item_width + COLUMN_GAP),
            legend_top + LINE * (k % per_column) as f64,
        );
        legend_item(&mut out, at, &s.colour, Swatch::from(s.kind), text, Some(*g));
    }
    out.close();
    Ok(out.finish())
}

/// One seat: a `<circle>` at `(x, y)` px with its group's tooltip.
fn seat_mark(out: &mut Writer, s: &Style, g: usize, d: &Drawn<'_>, (x, y): (f64, f64)) {
    out.open("circle").attr("class", format_args!("seat {}", s.kind.class())).attr("data-party", g);
    if let Some(t) = d.ring.tier {
        out.attr("data-tier", t);
    }
    out.attr("cx", coord(x)).attr("cy", coord(y));
    let stroke = 0.3 * d.dot;
    match Swatch::from(s.kind) {
        Swatch::Filled => {
            out.attr("r", coord(d.dot)).attr("fill", &s.colour);
        }
        swatch => {
            // The outline inside the dot's circle, so hollow dots are no larger.
            out.attr("r", coord(d.dot - stroke / 2.0))
                .attr("fill", "#ffffff")
                .attr("stroke", &s.colour)
                .attr("stroke-width", coord(stroke));
            if swatch == Swatch::Dashed {
                // About eight dashes around the circle.
                let dash = 2.0 * std::f64::consts::PI * (d.dot - stroke / 2.0) / 16.0;
                out.attr("stroke-dasharray", coord(dash));
            }
        }
    }
    out.open("title").text(&s.label).close();
    out.close();
}

/// The majority line of a hemicycle of `total` seats: radial, between the
/// seat that reaches the majority (in seat order) and the next, from inside
/// the inner row to beyond the outer one.
fn majority_line(out: &mut Writer, d: &Drawn<'_>, cx: f64, base: f64, total: u64) {
    let seats = &d.layout.seats;
    let m = majority(total) as usize;
    let (Some(a), Some(b)) = (seats.get(m - 1), seats.get(m)) else { return };
    let angle = (a.angle + b.angle) / 2.0;
    let inner = d.layout.radii[0] * d.radius - 1.3 * d.dot;
    let outer = d.radius + 2.2 * d.dot;
    let (c, s) = (angle.cos(), angle.sin());
    out.open("line")
        .attr("class", "majority")
        .attr("x1", coord(cx + inner * c))
        .attr("y1", coord(base - inner * s))
        .attr("x2", coord(cx + outer * c))
        .attr("y2", coord(base - outer * s))
        .attr("stroke", "#333333")
        .attr("stroke-width", 1.5)
        .attr("stroke-dasharray", "4 3");
    out.open("title").text(format_args!("{} for a majority", thousands(majority(total)))).close();
    out.close();
}
