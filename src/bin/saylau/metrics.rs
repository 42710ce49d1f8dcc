//! `saylau metrics`: elect a scenario's body, then measure the result
//! (disproportionality, fragmentation, wasted votes).

use std::io::{self, Write};
use std::process::ExitCode;

use saylau::metrics::{DistrictWaste, Metrics, district_waste};
use serde::Serialize;

use crate::cli::{DataFormat, MetricsArgs};
use crate::input::plural;
use crate::output::{Table, csv_io, notes};
use crate::scenario_file::{Elected, elected};
use crate::write_stdout;

/// One tier's parties (votes and seats as counted) and indices.
#[derive(Debug)]
pub struct Tier {
    /// The parties, in the result's order.
    pub names: Vec<String>,
    /// Their votes.
    pub votes: Vec<u64>,
    /// Their seats.
    pub seats: Vec<u32>,
    /// The indices.
    pub metrics: Metrics,
}

/// Every figure of `saylau metrics`.
#[derive(Debug)]
pub struct Measures {
    /// The list tier: list votes against list seats (`None` without lists
    /// or without list seats won).
    pub list_tier: Option<Tier>,
    /// The whole body, for a body with both tiers and lists.
    pub whole_body: Option<Tier>,
    /// District votes that elected nobody, with districts.
    pub district_waste: Option<DistrictWaste>,
}

/// Computes the measures of an elected scenario.
pub fn measures(e: &Elected) -> Measures {
    let against_all = e.scenario.against_all;
    let r = &e.result;
    let lists: Vec<_> = r.parties.iter().filter(|p| p.votes.is_some()).collect();
    let list_tier =
        (e.list_tier().is_some()).then(|| Metrics::list_tier(r, against_all).ok()).flatten().map(|metrics| {
            Tier {
                names: lists.iter().map(|p| p.party.clone()).collect(),
                votes: lists.iter().map(|p| p.votes.unwrap_or(0)).collect(),
                seats: lists.iter().map(|p| p.list_seats).collect(),
                metrics,
            }
        });
    let mixed = e.body.list.as_ref().is_some_and(|t| t.seats > 0)
        && e.body.districts.as_ref().is_some_and(|t| t.seats > 0);
    let whole_body = (mixed && !e.scenario.lists.is_empty() && !e.ballots.districts.is_empty())
        .then(|| Metrics::whole_body(r, against_all).ok())
        .flatten()
        .map(|metrics| Tier {
            names: r.parties.iter().map(|p| p.party.clone()).collect(),
            votes: r.parties.iter().map(|p| p.votes.unwrap_or(0)).collect(),
            seats: r.parties.iter().map(|p| p.seats).collect(),
            metrics,
        });
    let district_waste = (!e.ballots.districts.is_empty()).then(|| district_waste(&e.ballots, r));
    Measures { list_tier, whole_body, district_waste }
}

/// Runs `saylau metrics` and gives the exit code.
pub fn main(args: &MetricsArgs) -> ExitCode {
    let e = match elected(&args.file, "nothing to measure") {
        Ok(e) => e,
        Err(f) => return f.exit(),
    };
    let m = measures(&e);
    write_stdout(ExitCode::SUCCESS, |out| match args.format {
        DataFormat::Table => table(&e, &m, out),
        DataFormat::Json => json(&m, out),
        DataFormat::Csv => csv(&m, out),
    })
}

/// One index: its JSON name, its name for people, its value, what it means.
pub struct Index {
    /// The JSON field name.
    pub key: &'static str,
    /// The index's name for people.
    pub name: &'static str,
    /// Its value for people (`-` when undefined).
    pub value: String,
    /// Its value for CSV (empty when undefined).
    pub raw: String,
    /// A short explanation.
    pub meaning: &'static str,
}

/// The indices of `m`, in a fixed order, with `names` naming the parties.
pub fn indices(names: &[String], m: &Metrics) -> Vec<Index> {
    let f = |v: f64, digits: usize| (format!("{v:.digits$}"), v.to_string());
    let o =
        |v: Option<f64>, digits: usize| v.map_or_else(|| ("-".to_string(), String::new()), |v| f(v, digits));
    let largest = names.get(m.largest_party).cloned().unwrap_or_default();
    let rows: Vec<(&'static str, &'static str, (String, String), &'static str)> = vec![
        (
            "gallagher",
            "Gallagher",
            f(m.gallagher, 2),
            "least-squares gap between vote and seat shares (points; 0 = proportional)",
        ),
        (
            "loosemore_hanby",
            "Loosemore-Hanby",
            f(m.loosemore_hanby, 2),
            "share of seats held beyond vote shares (points)",
        ),
        (
            "rae",
            "Rae",
            o(m.rae, 2),
            "mean |vote share - seat share| over parties with at least 0.5% (points)",
        ),
        (
            "sainte_lague",
            "Sainte-Lague",
            f(m.sainte_lague, 2),
            "sum of (seat share - vote share)^2 / vote share",
        ),
        (
            "dhondt",
            "D'Hondt",
            o(m.dhondt, 3),
            "largest seat share / vote share: the most over-represented party",
        ),
        ("enep", "ENEP", f(m.enep, 2), "effective number of parties by votes (Laakso-Taagepera)"),
        ("enpp", "ENPP", f(m.enpp, 2), "effective number of parties by seats (Laakso-Taagepera)"),
        (
            "golosov_votes",
            "Golosov (votes)",
            f(m.golosov_votes, 2),
            "Golosov's effective number of parties by votes",
        ),
        (
            "golosov_seats",
            "Golosov (seats)",
            f(m.golosov_seats, 2),
            "Golosov's effective number of parties by seats",
        ),
        (
            "wasted_votes",
            "wasted votes",
            (m.wasted_votes.to_string(), m.wasted_votes.to_string()),
            "votes that elected nobody (lists without seats, \"against all\")",
        ),
        ("wasted_share", "wasted share %", f(m.wasted_share, 2), "wasted votes as a share of the vote base"),
        ("largest_party", "largest party", (largest.clone(), largest), "the party with the most votes"),
        (
            "largest_party_bonus",
            "largest party bonus",
            f(m.largest_party_bonus, 2),
            "its seat share minus its vote share (points)",
        ),
    ];
    rows.into_iter()
        .map(|(key, name, (value, raw), meaning)| Index { key, name, value, raw, meaning })
        .collect()
}

fn tier_table(heading: &str, tier: &Tier, w: &mut impl Write) -> io::Result<()> {
    let (names, m) = (&tier.names, &tier.metrics);
    writeln!(w)?;
    writeln!(w, "{heading}")?;
    let mut t = Table::new(&[("index", false), ("value", true), ("meaning", false)]);
    for i in indices(names, m) {
        t.rows.push(vec![i.name.to_string(), i.value, i.meaning.to_string()]);
    }
    t.write(w)?;
    writeln!(w)?;
    let mut t = Table::new(&[
        ("party", false),
        ("votes", true),
        ("vote %", true),
        ("seats", true),
        ("seat %", true),
        ("seat/vote", true),
    ]);
    for (i, name) in names.iter().enumerate() {
        t.rows.push(vec![
            name.clone(),
            tier.votes[i].to_string(),
            format!("{:.2}", m.vote_shares[i]),
            tier.seats[i].to_string(),
            format!("{:.2}", m.seat_shares[i]),
            m.advantage_ratios[i].map_or_else(|| "-".into(), |r| format!("{r:.3}")),
        ]);
    }
    if m.extra_votes > 0 {
        let share = m.extra_votes as f64 * 100.0 / m.vote_base as f64;
        t.rows.push(vec![
            "(against all)".into(),
            m.extra_votes.to_string(),
            format!("{share:.2}"),
            "0".into(),
            "0.00".into(),
            String::new(),
        ]);
    }
    t.write(w)
}

fn table(e: &Elected, m: &Measures, w: &mut impl Write) -> io::Result<()> {
    writeln!(w, "{}", e.title())?;
    writeln!(
        w,
        "{}: {} seat{}, from {}",
        e.result.body,
        e.result.seats,
        plural(e.result.seats.into()),
        e.source
    )?;
    if m.list_tier.is_none() && m.whole_body.is_none() && m.district_waste.is_none() {
        writeln!(w)?;
        writeln!(
            w,
            "nothing to measure: the scenario gives no list votes with list seats, and no districts"
        )?;
    }
    if let Some(t) = &m.list_tier {
        let (names, lt) = (&t.names, &t.metrics);
        let extra =
            if lt.extra_votes > 0 { ", \"against all\" in the vote base as a seatless group" } else { "" };
        tier_table(&format!("list tier: {} list seats, {} lists{extra}", lt.seats_total, names.len()), t, w)?;
    }
    if let Some(t) = &m.whole_body {
        let wb = &t.metrics;
        tier_table(
            &format!(
                "whole body: list votes against all {} party seats (self-nominated and vacant seats left out)",
                wb.seats_total
            ),
            t,
            w,
        )?;
    }
    if let Some(d) = &m.district_waste {
        writeln!(w)?;
        writeln!(
            w,
            "districts: votes that elected nobody (losing candidates, \"against all\", vacant districts)"
        )?;
        let share = d.share.map_or_else(|| "-".into(), |s| format!("{s:.2}%"));
        writeln!(w, "cast {}, wasted {} ({share})", d.cast, d.wasted)?;
    }
    notes(
        &["shares are rounded for display; every seat was decided exactly, the indices are real numbers that only \
           describe the result"
            .to_string()],
        w,
    )
}

/// One party in the JSON output.
#[derive(Serialize)]
struct JsonParty<'a> {
    party: &'a str,
    votes: u64,
    seats: u32,
    vote_share: f64,
    seat_share: f64,
    advantage_ratio: Option<f64>,
}

/// A tier's indices in JSON.
#[derive(Serialize)]
pub struct JsonMetrics<'a> {
    vote_base: u128,
    extra_votes: u64,
    seats: u64,
    gallagher: f64,
    loosemore_hanby: f64,
    rae: Option<f64>,
    sainte_lague: f64,
    dhondt: Option<f64>,
    enep: f64,
    enpp: f64,
    golosov_votes: f64,
    golosov_seats: f64,
    wasted_votes: u128,
    wasted_share: f64,
    largest_party: &'a str,
    largest_party_bonus: f64,
    parties: Vec<JsonParty<'a>>,
}

/// The JSON form of a tier's indices.
pub fn json_metrics(tier: &Tier) -> JsonMetrics<'_> {
    let (names, m) = (&tier.names, &tier.metrics);
    JsonMetrics {
        vote_base: m.vote_base,
        extra_votes: m.extra_votes,
        seats: m.seats_total,
        gallagher: m.gallagher,
        loosemore_hanby: m.loosemore_hanby,
        rae: m.rae,
        sainte_lague: m.sainte_lague,
        dhondt: m.dhondt,
        enep: m.enep,
        enpp: m.enpp,
        golosov_votes: m.golosov_votes,
        golosov_seats: m.golosov_seats,
        wasted_votes: m.wasted_votes,
        wasted_share: m.wasted_share,
        largest_party: names.get(m.largest_party).map_or("", String::as_str),
        largest_party_bonus: m.largest_party_bonus,
        parties: names
            .iter()
            .enumerate()
            .map(|(i, n)| JsonParty {
                party: n,
                votes: tier.votes[i],
                seats: tier.seats[i],
                vote_share: m.vote_shares[i],
                seat_share: m.seat_shares[i],
                advantage_ratio: m.advantage_ratios[i],
            })
            .collect(),
    }
}

/// District waste in JSON.
#[derive(Serialize)]
struct JsonWaste {
    cast: u128,
    wasted: u128,
    share: Option<f64>,
}

/// The JSON document.
#[derive(Serialize)]
struct JsonDoc<'a> {
    list_tier: Option<JsonMetrics<'a>>,
    whole_body: Option<JsonMetrics<'a>>,
    district_waste: Option<JsonWaste>,
}

fn json(m: &Measures, w: &mut impl Write) -> io::Result<()> {
    let doc = JsonDoc {
        list_tier: m.list_tier.as_ref().map(json_metrics),
        whole_body: m.whole_body.as_ref().map(json_metrics),
        district_waste: m.district_waste.map(|d| JsonWaste {
            cast: d.cast,
            wasted: d.wasted,
            share: d.share,
        }),
    };
    serde_json::to_writer_pretty(&mut *w, &doc).map_err(io::Error::from)?;
    writeln!(w)
}

/// CSV: `tier,index,value`.
fn csv(m: &Measures, w: &mut impl Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(["tier", "index", "value"]).map_err(csv_io)?;
    for (tier, metrics) in [("list_tier", &m.list_tier), ("whole_body", &m.whole_body)] {
        if let Some(t) = metrics {
            for i in indices(&t.names, &t.metrics) {
                out.write_record([tier, i.key, i.raw.as_str()]).map_err(csv_io)?;
            }
        }
    }
    if let Some(d) = &m.district_waste {
        let share = d.share.map_or_else(String::new, |s| s.to_string());
        for (k, v) in [("cast", d.cast.to_string()), ("wasted", d.wasted.to_string()), ("share", share)] {
            out.write_record(["district_waste", k, v.as_str()]).map_err(csv_io)?;
        }
    }
    out.flush()
}
