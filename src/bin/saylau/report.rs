//! `saylau report`: one self-contained HTML page analysing a scenario.
//!
//! The page is XHTML5: `<!DOCTYPE html>` and then well-formed XML in the
//! XHTML namespace, with inline CSS and inline SVG, no script, no link and
//! no URL other than the XHTML and SVG namespace names, so that it opens
//! offline and can be checked by an XML parser.

use std::fmt::Write as _;
use std::process::ExitCode;

use saylau::compare;
use saylau::describe::table::{Align, Table as ViewTable};
use saylau::describe::view::comparison::By;
use saylau::describe::view::metrics::TierView;
use saylau::describe::view::{About, ComparisonView};
use saylau::fragility::fragility_of_lists;
use saylau::svg::{ScatterPoint, seat_distribution, seat_vote_scatter, threshold_sweep};

use saylau::svg::escape as esc;

use crate::Failure;
use crate::cli::ReportArgs;
use crate::compare::default_sweep;
use crate::io::{Written, check_output, write_output};
use crate::metrics::view as metrics_view;
use crate::scenario_file::failure;
use crate::scenario_file::{Elected, elected};
use saylau::describe::figure::body_picture;

/// Inline styles: system fonts only, nothing loaded.
const STYLE: &str = "
body { font-family: system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif; margin: 2em auto;
  max-width: 72em; padding: 0 1em; color: #222; line-height: 1.4; }
h1 { font-size: 1.6em; } h2 { font-size: 1.25em; border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
table { border-collapse: collapse; margin: .8em 0; font-size: .92em; }
th, td { border-bottom: 1px solid #e2e2e2; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; overflow-x: auto; } figure svg { max-width: 100%; height: auto; }
p.meta, figcaption, p.aside { color: #555; font-size: .92em; }
";

/// Runs `saylau report` and gives the exit code.
pub fn main(args: &ReportArgs) -> ExitCode {
    if let Err(f) = check_output(&args.output, Written::Html) {
        return f.exit();
    }
    let page = elected(&args.file, "nothing to report").and_then(|e| page(&e, args));
    match page {
        Ok(html) => write_output(&args.output, &html),
        Err(f) => f.exit(),
    }
}

/// A table: `head` cells, `rows`, and which columns are numeric.
fn table(out: &mut String, head: &[String], rows: &[Vec<String>], numeric: &dyn Fn(usize) -> bool) {
    out.push_str("<table>\n<thead><tr>");
    for (i, h) in head.iter().enumerate() {
        let class = if numeric(i) { " class=\"n\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", esc(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            let class = if numeric(i) { " class=\"n\"" } else { "" };
            let _ = write!(out, "<td{class}>{}</td>", esc(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A paragraph of escaped text.
fn para(out: &mut String, class: &str, text: &str) {
    if class.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(text));
    } else {
        let _ = writeln!(out, "<p class=\"{class}\">{}</p>", esc(text));
    }
}

/// An inline SVG picture with a caption.
fn figure(out: &mut String, svg: &str, caption: &str) {
    out.push_str("<figure>\n");
    out.push_str(svg.trim_end());
    let _ = writeln!(out, "\n<figcaption>{}</figcaption>\n</figure>", esc(caption));
}

fn open_section(out: &mut String, id: &str, heading: &str) {
    let _ = writeln!(out, "<section id=\"{id}\">\n<h2>{}</h2>", esc(heading));
}

fn close_section(out: &mut String) {
    out.push_str("</section>\n");
}

/// The whole page.
fn page(e: &Elected, args: &ReportArgs) -> Result<String, Failure> {
    let s = &e.scenario;
    let r = &e.result;
    let title = e.title();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n\
         <meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"saylau {}\"/>\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header>\n<h1>{}</h1>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&title),
        esc(&title)
    );
    let mut meta = format!("{}: {} seats", r.body, r.seats);
    if let Some(t) = &e.body.list {
        meta.push_str(&format!("; {} party-list ({}, threshold {})", t.seats, t.method.label(), t.threshold));
    }
    if let Some(d) = &e.body.districts {
        meta.push_str(&format!("; {} single-member", d.seats));
    }
    if let Some(d) = &s.date {
        meta.push_str(&format!("; {d}"));
    }
    meta.push_str(&format!("; scenario {}", e.source));
    para(&mut out, "meta", &meta);
    if let Some(src) = &s.source {
        para(&mut out, "meta", &format!("Source: {src}"));
    }
    if let Some(d) = &s.description {
        para(&mut out, "", d);
    }
    out.push_str("</header>\n<main>\n");

    result_section(&mut out, e);
    metrics_section(&mut out, e);
    hemicycle_section(&mut out, e);
    fragility_section(&mut out, e);
    methods_section(&mut out, e);
    thresholds_section(&mut out, e);
    scatter_section(&mut out, e);
    if let Some(runs) = args.runs {
        simulation_section(&mut out, e, runs, args.seed)?;
    }
    notes_section(&mut out, e);
    let _ = write!(
        out,
        "</main>\n<footer>\n<p class=\"aside\">Made by saylau {} from {}. Every seat was decided exactly \
         (integer arithmetic); shares and indices are rounded for display.</p>\n</footer>\n</body>\n</html>\n",
        env!("CARGO_PKG_VERSION"),
        esc(&e.source)
    );
    Ok(out)
}

fn result_section(out: &mut String, e: &Elected) {
    let r = &e.result;
    open_section(out, "result", "Result");
    let lists = !e.scenario.lists.is_empty();
    let base: u128 = e.scenario.lists.iter().map(|l| u128::from(l.votes)).sum::<u128>()
        + u128::from(e.scenario.against_all);
    let share =
        |v: u64| if base == 0 { String::new() } else { format!("{:.2}", v as f64 * 100.0 / base as f64) };
    let mut head = vec!["party".to_string()];
    if lists {
        head.extend(["votes".into(), "share %".into(), "eligible".into()]);
    }
    head.extend(["list seats".into(), "district seats".into(), "seats".into()]);
    let mut rows = Vec::new();
    for p in &r.parties {
        let mut row = vec![p.party.clone()];
        if lists {
            row.push(p.votes.map_or_else(|| "-".into(), |v| v.to_string()));
            row.push(p.votes.map_or_else(|| "-".into(), share));
            row.push(match p.eligible {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => "-".into(),
            });
        }
        row.extend([p.list_seats.to_string(), p.district_seats.to_string(), p.seats.to_string()]);
        rows.push(row);
    }
    let blank = if lists { 3 } else { 0 };
    let mut extra = |label: &str, seats: u32| {
        if seats > 0 {
            let mut row = vec![label.to_string()];
            row.extend(std::iter::repeat_n(String::new(), blank + 2));
            row.push(seats.to_string());
            rows.push(row);
        }
    };
    extra("(self-nominated)", r.independents);
    extra("(vacant)", r.vacant);
    extra("(not decided)", r.undecided);
    if lists && e.scenario.against_all > 0 {
        let a = e.scenario.against_all;
        let mut row = vec!["(against all)".to_string(), a.to_string(), share(a)];
        row.extend(std::iter::repeat_n(String::new(), 4));
        rows.push(row);
    }
    let mut total = vec!["total".to_string()];
    if lists {
        total.extend([base.to_string(), "100.00".into(), String::new()]);
    }
    let list_seats: u32 = r.parties.iter().map(|p| p.list_seats).sum();
    let district_seats: u32 = r.parties.iter().map(|p| p.district_seats).sum::<u32>() + r.independents;
    total.extend([list_seats.to_string(), district_seats.to_string(), r.seats.to_string()]);
    rows.push(total);
    let text_col = if lists { 3 } else { usize::MAX };
    table(out, &head, &rows, &|i| i > 0 && i != text_col);
    if !r.districts.is_empty() {
        let _ = writeln!(out, "<h3>Single-member districts ({})</h3>", r.districts.len());
        let rows: Vec<Vec<String>> = r
            .districts
            .iter()
            .map(|d| {
                vec![
                    d.name.clone(),
                    d.winner.clone().unwrap_or_else(|| "(vacant: repeat election)".into()),
                    match (&d.winner, &d.party) {
                        (None, _) => String::new(),
                        (Some(_), Some(p)) => p.clone(),
                        (Some(_), None) => "self-nominated".into(),
                    },
                    if d.against_all_won { "\"against all\" led".into() } else { String::new() },
                ]
            })
            .collect();
        table(out, &["district".into(), "winner".into(), "party".into(), "".into()], &rows, &|_| false);
    }
    close_section(out);
}

/// A view's table, with its numeric columns marked.
fn view_table(out: &mut String, t: &ViewTable) {
    let head: Vec<String> = t.columns.iter().map(|c| c.header.clone()).collect();
    table(out, &head, &t.rows, &|i| t.columns.get(i).is_some_and(|c| c.align == Align::Right));
}

fn tier_block(out: &mut String, heading: &str, t: &TierView) {
    let _ = writeln!(out, "<h3>{}</h3>", esc(heading));
    view_table(out, &t.index_table());
}

fn metrics_section(out: &mut String, e: &Elected) {
    let m = metrics_view(e);
    open_section(out, "metrics", "Disproportionality and fragmentation");
    para(
        out,
        "aside",
        "Shares in percent. Gallagher, Loosemore-Hanby and Sainte-Laguë count \"against all\" as one more group \
         without seats; the effective numbers are over the parties only.",
    );
    if let Some(t) = &m.list_tier {
        tier_block(out, &format!("List tier: {} list seats", t.seats), t);
    }
    if let Some(t) = &m.whole_body {
        tier_block(out, &format!("Whole body: list votes against all {} party seats", t.seats), t);
    }
    if let Some(d) = &m.district_waste {
        let share = d.share.map_or_else(|| "-".into(), |s| format!("{s:.2}%"));
        para(
            out,
            "",
            &format!(
                "Districts: {} votes cast, {} elected nobody ({share}): votes for losing candidates, \"against \
                 all\" and votes in districts left vacant.",
                d.cast, d.wasted
            ),
        );
    }
    if m.is_empty() {
        para(
            out,
            "",
            "Nothing to measure: the scenario gives no list votes with list seats, and no districts.",
        );
    }
    close_section(out);
}

fn hemicycle_section(out: &mut String, e: &Elected) {
    open_section(out, "hemicycle", "Parliament diagram");
    let one_race = e.result.seats == 1 && e.result.districts.len() == 1;
    match body_picture(&e.title(), &e.body, &e.result, &e.ballots, false) {
        Ok(svg) if one_race => {
            figure(out, &svg, "The votes of each candidate, with their share of all votes cast.")
        }
        Ok(svg) => figure(
            out,
            &svg,
            "One dot per seat; each party one wedge, self-nominated members grey, vacant seats hollow, \
             undecided seats dashed; the dashed line marks the majority.",
        ),
        Err(err) => para(out, "", &format!("No diagram: {err}")),
    }
    let mixed = e.body.list.as_ref().is_some_and(|t| t.seats > 0)
        && e.body.districts.as_ref().is_some_and(|t| t.seats > 0);
    if mixed && let Ok(svg) = body_picture(&e.title(), &e.body, &e.result, &e.ballots, true) {
        figure(
            out,
            &svg,
            "The same seats with the party-list tier (left) and the single-member tier (right) apart.",
        );
    }
    close_section(out);
}

fn fragility_section(out: &mut String, e: &Elected) {
    open_section(out, "fragility", "How many votes from a seat");
    match e.list_tier() {
        None => para(out, "", "No party-list count: nothing to measure."),
        Some(tier) => match fragility_of_lists(tier, &e.scenario.lists, e.scenario.against_all) {
            Err(err) => para(out, "", &format!("Not computed: {err}")),
            Ok(rows) => {
                para(
                    out,
                    "aside",
                    "Each list alone gaining or losing votes, every other count unchanged, under the list tier's \
                     rules (threshold included; list lengths ignored). \"Spare votes\" a list can lose and keep \
                     all its seats.",
                );
                let opt = |v: Option<u64>| v.map_or_else(|| "-".into(), |v| v.to_string());
                let body: Vec<Vec<String>> = rows
                    .iter()
                    .map(|f| {
                        vec![
                            f.party.clone().unwrap_or_else(|| format!("#{}", f.index + 1)),
                            f.votes.to_string(),
                            f.seats.to_string(),
                            opt(f.votes_to_gain),
                            f.seats_after_gain.map_or_else(|| "-".into(), |s| s.to_string()),
                            opt(f.votes_to_lose),
                            f.spare_votes.to_string(),
                            if f.exact { "yes".into() } else { "not proved least".into() },
                        ]
                    })
                    .collect();
                let head: Vec<String> = [
                    "list",
                    "votes",
                    "seats",
                    "votes to gain",
                    "seats then",
                    "votes to lose",
                    "spare votes",
                    "exact",
                ]
                .map(String::from)
                .to_vec();
                table(out, &head, &body, &|i| (1..=6).contains(&i));
            }
        },
    }
    close_section(out);
}

fn methods_section(out: &mut String, e: &Elected) {
    open_section(out, "methods", "Under other methods");
    match e.list_tier() {
        None => para(out, "", "No party-list count: nothing to compare."),
        Some(tier) => match compare::by_method(tier, &e.scenario.lists, e.scenario.against_all) {
            Err(err) => para(out, "", &format!("Not computed: {err}")),
            Ok(t) => {
                para(
                    out,
                    "aside",
                    "The list seats under every method, the tier's other rules unchanged; \"-\": below the threshold.",
                );
                view_table(
                    out,
                    &ComparisonView::sweep(About::of(&e.scenario), &e.body, By::Methods, &t).table(),
                );
            }
        },
    }
    let mixed = e.body.districts.as_ref().is_some_and(|d| d.seats > 0) && !e.ballots.districts.is_empty();
    if mixed && e.list_tier().is_some() {
        if let Ok(t) = compare::designs(&e.body, &e.ballots, &compare::ALTERNATIVES) {
            out.push_str("<h3>Other designs of the body</h3>\n");
            view_table(out, &ComparisonView::designs(About::of(&e.scenario), &e.body, &t).table());
        }
    }
    close_section(out);
}

fn thresholds_section(out: &mut String, e: &Elected) {
    open_section(out, "thresholds", "Under other thresholds");
    let (from, to, step) = default_sweep();
    match e.list_tier() {
        None => para(out, "", "No party-list count: nothing to compare."),
        Some(tier) => {
            match compare::by_threshold(tier, &e.scenario.lists, e.scenario.against_all, from, to, step) {
                Err(err) => para(out, "", &format!("Not computed: {err}")),
                Ok(t) => {
                    let points = t.threshold_points();
                    if !points.is_empty()
                        && let Ok(svg) = threshold_sweep("List seats by threshold", &t.parties, &points)
                    {
                        figure(out, &svg, "List seats of each party as the threshold rises from 0% to 10%.");
                    }
                    let view = ComparisonView::sweep(About::of(&e.scenario), &e.body, By::Thresholds, &t);
                    view_table(out, &view.table());
                }
            }
        }
    }
    close_section(out);
}

fn scatter_section(out: &mut String, e: &Elected) {
    open_section(out, "scatter", "Seats against votes");
    let points = ScatterPoint::list_tier(&e.result);
    match seat_vote_scatter("Seat share against vote share (list tier)", &points) {
        Ok(svg) if e.list_tier().is_some() => figure(
            out,
            &svg,
            "Each list's share of the list seats against its share of the list votes; above the diagonal: \
             over-represented.",
        ),
        Ok(_) | Err(_) => para(out, "", "No party-list count: nothing to plot."),
    }
    close_section(out);
}

fn simulation_section(out: &mut String, e: &Elected, runs: u64, seed: u64) -> Result<(), Failure> {
    let report = e
        .scenario
        .simulation()
        .and_then(|sim| sim.run(seed, runs))
        .map_err(|err| failure(err, &e.scenario, &e.source))?;
    open_section(out, "simulation", "Monte Carlo projection");
    para(
        out,
        "aside",
        &format!(
            "{} runs, seed {}, around the scenario's votes with its \"uncertainty\" model (as `saylau simulate`).",
            report.runs, report.seed
        ),
    );
    let pct = |p: f64| format!("{:.1}%", p * 100.0);
    let mut rows: Vec<Vec<String>> = report
        .parties
        .iter()
        .map(|p| {
            vec![
                p.party.clone(),
                format!("{:.1}", p.total.mean),
                format!("{}-{}", p.total.p05, p.total.p95),
                p.total.p50.to_string(),
                pct(p.p_majority),
                p.p_threshold.map_or_else(|| "-".into(), pct),
            ]
        })
        .collect();
    if report.independents.mean > 0.0 {
        let s = &report.independents;
        rows.push(vec![
            "(self-nominated)".into(),
            format!("{:.1}", s.mean),
            format!("{}-{}", s.p05, s.p95),
            s.p50.to_string(),
            String::new(),
            String::new(),
        ]);
    }
    let head: Vec<String> = ["party", "mean seats", "90% interval", "median", "P(majority)", "P(threshold)"]
        .map(String::from)
        .to_vec();
    table(out, &head, &rows, &|i| i > 0);
    match seat_distribution("Simulated seats", &report) {
        Ok(svg) => figure(
            out,
            &svg,
            "Share of runs giving each number of seats; shaded: 90% of runs; dashed: median.",
        ),
        Err(err) => para(out, "", &format!("No chart: {err}")),
    }
    for n in &report.notes {
        para(out, "aside", n);
    }
    close_section(out);
    Ok(())
}

fn notes_section(out: &mut String, e: &Elected) {
    open_section(out, "notes", "Notes");
    out.push_str("<ul>\n");
    for n in &e.result.notes {
        let _ = writeln!(out, "<li>{}</li>", esc(&n.to_string()));
    }
    let _ = writeln!(
        out,
        "<li>{}</li>",
        esc(
            "Fragility, methods and thresholds vary the party-list tier only; the district results stay as counted."
        )
    );
    out.push_str("</ul>\n");
    close_section(out);
}
