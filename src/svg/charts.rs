//! Simple charts: seat distributions of a simulation, a threshold sweep and
//! a seat–vote scatter, each with axes, ticks, labels and a legend.

use super::colour::assign;
use super::error::{Error, Result};
use super::writer::{coord, decimal, thousands};
use super::{SELF_NOMINATED_COLOUR, Swatch, Writer, document, legend_item, text_width};
use crate::simulate::{Projection, SeatStats};
use crate::system::BodyResult;

/// A plot area in px and the data range it shows.
#[derive(Debug, Clone, Copy)]
struct Frame {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

impl Frame {
    fn x(&self, v: f64) -> f64 {
        self.left + (v - self.x0) / (self.x1 - self.x0) * self.width
    }

    fn y(&self, v: f64) -> f64 {
        self.top + self.height - (v - self.y0) / (self.y1 - self.y0) * self.height
    }
}

/// A round step (1, 2 or 5 times a power of ten) giving about `target`
/// intervals over `span`.
fn nice_step(span: f64, target: f64) -> f64 {
    let raw = (span / target).max(1e-9);
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    let m = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    m * mag
}

/// The multiples of `step` from `lo` to `hi` (inclusive, with slack).
fn ticks(lo: f64, hi: f64, step: f64) -> Vec<f64> {
    let first = (lo / step - 1e-9).ceil() as i64;
    let last = (hi / step + 1e-9).floor() as i64;
    (first..=last).take(1000).map(|k| k as f64 * step).collect()
}

/// A tick label with as many decimals as the step needs, and thousands
/// separators.
fn tick_label(v: f64, step: f64) -> String {
    let decimals = (-step.log10().floor()).clamp(0.0, 6.0) as usize;
    let s = decimal(v, decimals);
    if s.chars().all(|c| c == '0' || c == '.') { "0".to_string() } else { s }
}

/// Grid, axes, ticks, tick labels and axis titles of `f`.
fn axes(out: &mut Writer, f: &Frame, (xstep, ystep): (f64, f64), (xlabel, ylabel): (&str, &str), font: f64) {
    out.open("g").attr("class", "axes").attr("font-size", coord(font));
    for v in ticks(f.y0, f.y1, ystep) {
        let y = coord(f.y(v));
        out.open("line")
            .attr("class", "grid")
            .attr("x1", coord(f.left))
            .attr("y1", y)
            .attr("x2", coord(f.left + f.width))
            .attr("y2", y)
            .attr("stroke", "#e5e5e5")
            .close();
        out.open("text")
            .attr("x", coord(f.left - 6.0))
            .attr("y", coord(f.y(v) + font * 0.35))
            .attr("text-anchor", "end")
            .text(tick_label(v, ystep))
            .close();
    }
    let bottom = f.top + f.height;
    for v in ticks(f.x0, f.x1, xstep) {
        let x = coord(f.x(v));
        out.open("line")
            .attr("class", "tick")
            .attr("x1", x)
            .attr("y1", coord(bottom))
            .attr("x2", x)
            .attr("y2", coord(bottom + 4.0))
            .attr("stroke", "#333333")
            .close();
        out.open("text")
            .attr("x", x)
            .attr("y", coord(bottom + 6.0 + font))
            .attr("text-anchor", "middle")
            .text(tick_label(v, xstep))
            .close();
    }
    let (l, t, r, b) = (coord(f.left), coord(f.top), coord(f.left + f.width), coord(bottom));
    out.open("polyline")
        .attr("class", "axis")
        .attr("points", format_args!("{l},{t} {l},{b} {r},{b}"))
        .attr("fill", "none")
        .attr("stroke", "#333333")
        .close();
    out.open("text")
        .attr("class", "x-label")
        .attr("x", coord(f.left + f.width / 2.0))
        .attr("y", coord(bottom + 2.0 * font + 10.0))
        .attr("text-anchor", "middle")
        .text(xlabel)
        .close();
    let (yx, yy) = (coord(f.left - 3.2 * font - 8.0), coord(f.top + f.height / 2.0));
    out.open("text")
        .attr("class", "y-label")
        .attr("x", yx)
        .attr("y", yy)
        .attr("text-anchor", "middle")
        .attr("transform", format_args!("rotate(-90 {yx} {yy})"))
        .text(ylabel)
        .close();
    out.close();
}

/// The colours of `names`, by name ([`super::party_colour`]).
fn colours<S: AsRef<str>>(names: &[S]) -> Vec<String> {
    let parties: Vec<(&str, Option<&str>)> = names.iter().map(|n| (n.as_ref(), None)).collect();
    // No colour is given, so none can be refused.
    assign(&parties).unwrap_or_default()
}

fn check_share(what: &str, label: &str, value: f64) -> Result<()> {
    if value.is_finite() && (0.0..=100.0).contains(&value) {
        Ok(())
    } else {
        Err(Error::NotAPercentage { what: format!("{what} of {label:?}"), value })
    }
}

/// The shade of the 90% interval behind the bars.
const INTERVAL_90: &str = "#d9d9d9";
/// The shade of the 50% interval, darker, within it.
const INTERVAL_50: &str = "#a6a6a6";

/// Small multiples of the simulated seat distributions in `report`: one
/// panel per party (and one for the self-nominated members if any run
/// elects one), a bar per seat count giving the share of runs, the 90%
/// interval from `p05` to `p95` shaded behind the bars, the 50% interval
/// from `p25` to `p75` shaded darker, and the median as a dashed line. Wide distributions are grouped in bins of several seats
/// (at most 60 bars a panel).
///
/// Each panel is a `<g class="panel" data-party="i">` (`i` the party's
/// position in `report.parties`; the self-nominated panel is the number of
/// parties) holding `<rect class="bar">` marks, in the party's colour
/// ([`super::party_colour`]).
///
/// # Errors
///
/// [`Error::NothingToDraw`] for a report without parties or without runs.
///
/// # Example
///
/// ```
/// # use saylau::simulate::{Simulation, Uncertainty};
/// # use saylau::system::{Ballots, Overrides, PartyList, Preset};
/// let body = Preset::Kurultai.body(&Overrides::default())?;
/// let lists = [("A", 55_000), ("B", 41_000), ("C", 4_000)]
///     .map(|(p, v)| PartyList { party: p.into(), votes: v, candidates: None });
/// let ballots = Ballots { lists: lists.to_vec(), ..Default::default() };
/// let report = Simulation::new(&body, &ballots, &Uncertainty::default())?.run(1, 500)?;
/// let svg = saylau::svg::seat_distribution("Kurultai", &report)?;
/// assert_eq!(svg.matches("class=\"panel\"").count(), 3);
/// assert!(svg.contains("class=\"interval\""));
/// assert!(svg.contains("class=\"interval-50\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[expect(clippy::too_many_lines, reason = "one chart drawn top to bottom: frame, axes, panels, labels")]
pub fn seat_distribution(title: &str, report: &Projection) -> Result<String> {
    if report.parties.is_empty() {
        return Err(Error::NothingToDraw { what: "parties" });
    }
    if report.runs == 0 {
        return Err(Error::NothingToDraw { what: "runs" });
    }
    let names: Vec<&str> = report.parties.iter().map(|p| p.party.as_str()).collect();
    let fills = colours(&names);
    let mut panels: Vec<(usize, &str, &str, &SeatStats)> = report
        .parties
        .iter()
        .zip(&fills)
        .enumerate()
        .map(|(i, (p, c))| (i, p.party.as_str(), c.as_str(), &p.total))
        .collect();
    if report.independents.histogram.iter().skip(1).any(|&c| c > 0) {
        panels.push((report.parties.len(), "Self-nominated", SELF_NOMINATED_COLOUR, &report.independents));
    }
    const PW: f64 = 300.0;
    const PH: f64 = 200.0;
    let cols = panels.len().min(3);
    let rows = panels.len().div_ceil(cols);
    let width = (16.0 + cols as f64 * PW).max(32.0 + text_width(title, 18.0));
    let height = 76.0 + rows as f64 * PH + 8.0;
    let mut out = document(width, height, title);
    out.open("g").attr("class", "legend");
    legend_item(&mut out, (24.0, 42.0), INTERVAL_90, Swatch::Filled, "90% of runs", None);
    legend_item(&mut out, (124.0, 42.0), INTERVAL_50, Swatch::Filled, "50% of runs", None);
    out.open_inline("g").attr("class", "legend-item");
    out.open("line")
        .attr("x1", 224)
        .attr("y1", 48)
        .attr("x2", 242)
        .attr("y2", 48)
        .attr("stroke", "#333333")
        .attr("stroke-width", 1.5)
        .attr("stroke-dasharray", "4 3")
        .close();
    out.open("text").attr("x", 248).attr("y", 52.5).attr("font-size", 13).text("median").close();
    out.close().close();

    let runs = report.runs as f64;
    for (k, &(i, name, fill, stats)) in panels.iter().enumerate() {
        let px = 8.0 + (k % cols) as f64 * PW;
        let py = 68.0 + (k / cols) as f64 * PH;
        let h = &stats.histogram;
        let lo = h.iter().position(|&c| c > 0).unwrap_or(0) as u64;
        let hi = h.iter().rposition(|&c| c > 0).unwrap_or(0) as u64;
        let lo = lo.min(u64::from(stats.p05));
        let hi = hi.max(u64::from(stats.p95));
        // At least five seat counts wide, so that one bar is not a block.
        let (lo, hi) = if hi - lo < 4 {
            let lo = lo.saturating_sub((4 - (hi - lo)) / 2);
            (lo, lo + 4)
        } else {
            (lo, hi)
        };
        let bin = (hi - lo + 1).div_ceil(60).max(1);
        let bins = (hi - lo + 1).div_ceil(bin);
        let mut shares = Vec::with_capacity(bins as usize);
        for b in 0..bins {
            let start = (lo + b * bin) as usize;
            let end = (start + bin as usize).min(h.len());
            let count: u64 = h.get(start..end).map_or(0, |s| s.iter().sum());
            shares.push(count as f64 * 100.0 / runs);
        }
        let top = shares.iter().copied().fold(0.0, f64::max).max(1.0);
        let ystep = nice_step(top, 4.0);
        let f = Frame {
            left: px + 56.0,
            top: py + 34.0,
            width: PW - 76.0,
            height: PH - 88.0,
            x0: lo as f64 - 0.5,
            x1: (lo + bins * bin) as f64 - 0.5,
            y0: 0.0,
            y1: (top / ystep).ceil() * ystep,
        };
        out.open("g").attr("class", "panel").attr("data-party", i);
        out.open("title").text(name).close();
        out.open("text")
            .attr("class", "panel-title")
            .attr("x", coord(px + 8.0))
            .attr("y", coord(py + 4.0))
            .attr("font-size", 13)
            .attr("font-weight", "bold")
            .text(name)
            .close();
        let n = |x: u32| thousands(u64::from(x));
        let range = |a: u32, b: u32| if a == b { n(a) } else { format!("{}\u{2013}{}", n(a), n(b)) };
        out.open("text")
            .attr("class", "panel-note")
            .attr("x", coord(px + 8.0))
            .attr("y", coord(py + 18.0))
            .attr("font-size", 11)
            .attr("fill", "#444444")
            .text(format_args!(
                "mean {}, median {}, 50%: {}, 90%: {}",
                decimal(stats.mean, 1),
                n(stats.p50),
                range(stats.p25, stats.p75),
                range(stats.p05, stats.p95)
            ))
            .close();
        // The 90% interval, and the 50% interval darker within it.
        for (class, (from, to), fill) in [
            ("interval", (stats.p05, stats.p95), INTERVAL_90),
            ("interval-50", (stats.p25, stats.p75), INTERVAL_50),
        ] {
            let band_left = f.x(f64::from(from) - 0.5).max(f.left);
            let band_right = f.x(f64::from(to) + 0.5).min(f.left + f.width);
            out.open("rect")
                .attr("class", class)
                .attr("x", coord(band_left))
                .attr("y", coord(f.top))
                .attr("width", coord((band_right - band_left).max(0.0)))
                .attr("height", coord(f.height))
                .attr("fill", fill)
                .attr("opacity", 0.6)
                .close();
        }
        let xstep = nice_step(f.x1 - f.x0, 5.0).max(1.0).round();
        axes(&mut out, &f, (xstep, ystep), ("seats", "% of runs"), 10.0);
        let gap = if f.width / bins as f64 > 4.0 { 1.0 } else { 0.0 };
        for (b, &share) in shares.iter().enumerate() {
            if share <= 0.0 {
                continue;
            }
            let start = lo + b as u64 * bin;
            let x = f.x(start as f64 - 0.5);
            let x2 = f.x((start + bin) as f64 - 0.5);
            let seats = if bin == 1 {
                format!("{} seats", thousands(start))
            } else {
                format!("{} to {} seats", thousands(start), thousands(start + bin - 1))
            };
            out.open("rect")
                .attr("class", "bar")
                .attr("data-party", i)
                .attr("x", coord(x + gap / 2.0))
                .attr("y", coord(f.y(share)))
                .attr("width", coord((x2 - x - gap).max(0.5)))
                .attr("height", coord(f.y(0.0) - f.y(share)))
                .attr("fill", fill);
            out.open("title").text(format_args!("{name}: {seats} in {share:.1}% of runs")).close();
            out.close();
        }
        let mx = coord(f.x(f64::from(stats.p50)));
        out.open("line")
            .attr("class", "median")
            .attr("x1", mx)
            .attr("y1", coord(f.top))
            .attr("x2", mx)
            .attr("y2", coord(f.top + f.height))
            .attr("stroke", "#333333")
            .attr("stroke-width", 1.5)
            .attr("stroke-dasharray", "4 3")
            .close();
        out.close();
    }
    Ok(out.finish())
}

/// A line chart of seats against the threshold: `points` are (threshold in
/// percent, seats of each party in the order of `parties`), in any order
/// (they are drawn by increasing threshold). One `<polyline
/// class="series" data-party="i">` per party, in the party's colour
/// ([`super::party_colour`]), with a marker per point when there are at
/// most 60.
///
/// # Errors
///
/// [`Error::NothingToDraw`] for no parties or no points;
/// [`Error::NotAPercentage`] for a threshold that is not a number from 0
/// to 100; [`Error::SeriesLength`] for a point whose seats do not match
/// the parties in number.
///
/// # Example
///
/// ```
/// let points = vec![(3.0, vec![50, 30, 18]), (5.0, vec![55, 43, 0]), (7.0, vec![56, 42, 0])];
/// let svg = saylau::svg::threshold_sweep("Sweep", &["A", "B", "C & D"], &points)?;
/// assert_eq!(svg.matches("class=\"series\"").count(), 3);
/// assert!(svg.contains("C &amp; D"));
/// # Ok::<(), saylau::svg::Error>(())
/// ```
pub fn threshold_sweep<S: AsRef<str>>(
    title: &str,
    parties: &[S],
    points: &[(f64, Vec<u32>)],
) -> Result<String> {
    if parties.is_empty() {
        return Err(Error::NothingToDraw { what: "parties" });
    }
    if points.is_empty() {
        return Err(Error::NothingToDraw { what: "points" });
    }
    for (t, seats) in points {
        if !(t.is_finite() && (0.0..=100.0).contains(t)) {
            return Err(Error::NotAPercentage { what: "threshold".into(), value: *t });
        }
        if seats.len() != parties.len() {
            return Err(Error::SeriesLength { threshold: *t, counts: seats.len(), parties: parties.len() });
        }
    }
    let mut sorted: Vec<&(f64, Vec<u32>)> = points.iter().collect();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    let (tmin, tmax) = (sorted[0].0, sorted[sorted.len() - 1].0);
    let (x0, x1) = if tmax > tmin { (tmin, tmax) } else { (tmin - 1.0, tmax + 1.0) };
    let most = points.iter().flat_map(|p| p.1.iter()).copied().max().unwrap_or(0).max(1);
    let ystep = nice_step(f64::from(most), 5.0).max(1.0).round();
    let f = Frame {
        left: 70.0,
        top: 48.0,
        width: 520.0,
        height: 320.0,
        x0,
        x1,
        y0: 0.0,
        y1: (f64::from(most) / ystep).ceil() * ystep,
    };
    let names: Vec<&str> = parties.iter().map(AsRef::as_ref).collect();
    let fills = colours(&names);
    let legend_width = names.iter().map(|n| 18.0 + text_width(n, 13.0)).fold(0.0, f64::max);
    let width = (f.left + f.width + 32.0 + legend_width + 16.0).max(32.0 + text_width(title, 18.0));
    let height = (f.top + f.height + 56.0).max(f.top + 20.0 * names.len() as f64 + 16.0);
    let mut out = document(width, height, title);
    axes(&mut out, &f, (nice_step(x1 - x0, 6.0), ystep), ("threshold (%)", "seats"), 12.0);
    for (i, (name, c)) in names.iter().zip(&fills).enumerate() {
        let pts: Vec<String> = sorted
            .iter()
            .map(|(t, s)| format!("{},{}", coord(f.x(*t)), coord(f.y(f64::from(s[i])))))
            .collect();
        out.open("g").attr("class", "party").attr("data-party", i);
        out.open("polyline")
            .attr("class", "series")
            .attr("data-party", i)
            .attr("points", pts.join(" "))
            .attr("fill", "none")
            .attr("stroke", c)
            .attr("stroke-width", 2)
            .attr("stroke-linejoin", "round");
        out.open("title").text(name).close();
        out.close();
        if sorted.len() <= 60 {
            for (t, s) in &sorted {
                out.open("circle")
                    .attr("class", "marker")
                    .attr("data-party", i)
                    .attr("cx", coord(f.x(*t)))
                    .attr("cy", coord(f.y(f64::from(s[i]))))
                    .attr("r", 3)
                    .attr("fill", c);
                out.open("title")
                    .text(format_args!("{name}: {} seats at {t}%", thousands(u64::from(s[i]))))
                    .close();
                out.close();
            }
        }
        out.close();
    }
    out.open("g").attr("class", "legend");
    for (i, (name, c)) in names.iter().zip(&fills).enumerate() {
        let at = (f.left + f.width + 32.0, f.top + 20.0 * i as f64);
        legend_item(&mut out, at, c, Swatch::Filled, name, Some(i));
    }
    out.close();
    Ok(out.finish())
}

/// One party in a [`seat_vote_scatter`].
#[derive(Debug, Clone, PartialEq)]
pub struct ScatterPoint {
    /// The party.
    pub label: String,
    /// Its share of the votes, in percent.
    pub vote_share: f64,
    /// Its share of the seats, in percent.
    pub seat_share: f64,
}

impl ScatterPoint {
    /// The list tier of `result`: each party with a list, its share of all
    /// list votes and its share of the list seats won (0 if none were won).
    pub fn list_tier(result: &BodyResult) -> Vec<ScatterPoint> {
        let votes: u128 = result.parties.iter().filter_map(|p| p.votes).map(u128::from).sum();
        let seats: u64 =
            result.parties.iter().filter(|p| p.votes.is_some()).map(|p| u64::from(p.list_seats)).sum();
        let share = |x: f64, of: f64| if of > 0.0 { x * 100.0 / of } else { 0.0 };
        result
            .parties
            .iter()
            .filter_map(|p| {
                p.votes.map(|v| ScatterPoint {
                    label: p.party.clone(),
                    vote_share: share(v as f64, votes as f64),
                    seat_share: share(f64::from(p.list_seats), seats as f64),
                })
            })
            .collect()
    }
}

/// A scatter of seat share against vote share, on the same scale on both
/// axes, with the diagonal where seats are exactly proportional: parties
/// above it are over-represented. Each party is a labelled `<circle
/// class="point" data-party="i">` in its colour ([`super::party_colour`]),
/// with a tooltip.
///
/// # Errors
///
/// [`Error::NothingToDraw`] for no points; [`Error::NotAPercentage`] for a
/// share that is not a number from 0 to 100.
///
/// # Example
///
/// ```
/// use saylau::svg::{ScatterPoint, seat_vote_scatter};
///
/// let p = |label: &str, vote_share, seat_share| ScatterPoint { label: label.into(), vote_share, seat_share };
/// let svg = seat_vote_scatter("2023", &[p("Amanat", 53.9, 58.0), p("Auyl", 10.9, 11.6)])?;
/// assert_eq!(svg.matches("class=\"point\"").count(), 2);
/// assert!(svg.contains("class=\"diagonal\""));
/// assert!(seat_vote_scatter("x", &[p("A", f64::NAN, 1.0)]).is_err());
/// # Ok::<(), saylau::svg::Error>(())
/// ```
pub fn seat_vote_scatter(title: &str, points: &[ScatterPoint]) -> Result<String> {
    if points.is_empty() {
        return Err(Error::NothingToDraw { what: "points" });
    }
    for p in points {
        check_share("vote share", &p.label, p.vote_share)?;
        check_share("seat share", &p.label, p.seat_share)?;
    }
    let most = points.iter().map(|p| p.vote_share.max(p.seat_share)).fold(1.0, f64::max);
    let step = nice_step(most, 5.0);
    let top = ((most / step).ceil() * step).min(100.0);
    let f = Frame { left: 70.0, top: 48.0, width: 400.0, height: 400.0, x0: 0.0, x1: top, y0: 0.0, y1: top };
    let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
    let fills = colours(&labels);
    let legend_width = points.iter().map(|p| 18.0 + text_width(&p.label, 13.0)).fold(0.0, f64::max);
    let width = (f.left + f.width + 40.0 + legend_width + 16.0).max(32.0 + text_width(title, 18.0));
    let height = (f.top + f.height + 56.0).max(f.top + 20.0 * points.len() as f64 + 16.0);
    let mut out = document(width, height, title);
    axes(&mut out, &f, (step, step), ("share of votes (%)", "share of seats (%)"), 12.0);
    out.open("line")
        .attr("class", "diagonal")
        .attr("x1", coord(f.x(0.0)))
        .attr("y1", coord(f.y(0.0)))
        .attr("x2", coord(f.x(top)))
        .attr("y2", coord(f.y(top)))
        .attr("stroke", "#888888")
        .attr("stroke-dasharray", "6 4");
    out.open("title").text("seat share = vote share").close();
    out.close();
    // Labels to the upper right of their points, moved down where they
    // would overlap a label placed before them (from the top).
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by(|&a, &b| points[b].seat_share.total_cmp(&points[a].seat_share).then(a.cmp(&b)));
    let mut label_y = vec![0.0; points.len()];
    let mut placed: Vec<(f64, f64, f64)> = Vec::new();
    for &i in &order {
        let x = f.x(points[i].vote_share) + 8.0;
        let right = x + text_width(&points[i].label, 12.0);
        let mut y = f.y(points[i].seat_share) - 6.0;
        for &(px, pr, py) in &placed {
            if x < pr && px < right && (y - py).abs() < 14.0 {
                y = py + 14.0;
            }
        }
        label_y[i] = y;
        placed.push((x, right, y));
    }
    for (i, (p, c)) in points.iter().zip(&fills).enumerate() {
        let (x, y) = (f.x(p.vote_share), f.y(p.seat_share));
        out.open("g").attr("class", "party").attr("data-party", i);
        out.open("circle")
            .attr("class", "point")
            .attr("data-party", i)
            .attr("cx", coord(x))
            .attr("cy", coord(y))
            .attr("r", 5)
            .attr("fill", c);
        out.open("title")
            .text(format_args!("{}: {:.1}% of votes, {:.1}% of seats", p.label, p.vote_share, p.seat_share))
            .close();
        out.close();
        out.open("text")
            .attr("class", "point-label")
            .attr("x", coord(x + 8.0))
            .attr("y", coord(label_y[i]))
            .attr("font-size", 12)
            .text(&p.label)
            .close();
        out.close();
    }
    out.open("g").attr("class", "legend");
    for (i, (p, c)) in points.iter().zip(&fills).enumerate() {
        let at = (f.left + f.width + 40.0, f.top + 20.0 * i as f64);
        legend_item(&mut out, at, c, Swatch::Filled, &p.label, Some(i));
    }
    out.close();
    Ok(out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_and_ticks() {
        assert_eq!(nice_step(100.0, 5.0), 20.0);
        assert_eq!(nice_step(7.0, 5.0), 2.0);
        assert_eq!(ticks(0.0, 10.0, 2.5), vec![0.0, 2.5, 5.0, 7.5, 10.0]);
        assert_eq!(tick_label(2.5, 0.5), "2.5");
        assert_eq!(tick_label(20.0, 5.0), "20");
        assert_eq!(tick_label(2000.0, 500.0), "2,000");
        assert_eq!(tick_label(-1500.5, 0.5), "-1,500.5");
        assert_eq!(tick_label(-0.0001, 0.5), "0");
    }
}
