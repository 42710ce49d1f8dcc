//! The SVG pictures: well-formed documents, one mark per seat, each party
//! one wedge, escaped text, refused input.

use roxmltree::{Document, Node};
use saylau::district::{AgainstAllRule, Candidate, District};
use saylau::simulate::{Simulation, Uncertainty};
use saylau::svg::{self, Error, Group, MAX_SEATS, ScatterPoint};
use saylau::system::{Ballots, Overrides, PartyList, Preset, UnfilledSeats};

/// Parses `svg` and checks the document: root `svg` in the SVG namespace,
/// a `viewBox`, and a `<title>` as its first element.
fn parse(svg: &str) -> Document<'_> {
    let doc = match Document::parse(svg) {
        Ok(d) => d,
        Err(e) => panic!("not well-formed XML: {e}\n{svg}"),
    };
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.tag_name().namespace(), Some("http://www.w3.org/2000/svg"));
    let vb: Vec<f64> = root.attribute("viewBox").unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
    assert_eq!(vb.len(), 4);
    assert!(vb[2] > 0.0 && vb[3] > 0.0);
    let first = root.children().find(Node::is_element).unwrap();
    assert_eq!(first.tag_name().name(), "title");
    doc
}

fn title(doc: &Document<'_>) -> String {
    doc.root_element().children().find(|n| n.has_tag_name("title")).unwrap().text().unwrap_or("").to_string()
}

fn has_class(n: &Node<'_, '_>, class: &str) -> bool {
    n.attribute("class").is_some_and(|c| c.split(' ').any(|x| x == class))
}

/// A seat mark: party index, centre, tier.
#[derive(Debug, Clone)]
struct Seat {
    party: usize,
    x: f64,
    y: f64,
    r: f64,
    class: String,
    tier: Option<String>,
    tooltip: String,
}

fn seats(doc: &Document<'_>) -> Vec<Seat> {
    let f = |n: &Node<'_, '_>, a: &str| -> f64 { n.attribute(a).unwrap().parse().unwrap() };
    doc.descendants()
        .filter(|n| n.has_tag_name("circle") && has_class(n, "seat"))
        .map(|n| Seat {
            party: n.attribute("data-party").unwrap().parse().unwrap(),
            x: f(&n, "cx"),
            y: f(&n, "cy"),
            r: f(&n, "r"),
            class: n.attribute("class").unwrap().to_string(),
            tier: n.attribute("data-tier").map(str::to_string),
            tooltip: n.children().find(|c| c.has_tag_name("title")).unwrap().text().unwrap_or("").to_string(),
        })
        .collect()
}

/// Checks that each party's seats, in input order, form one wedge: every
/// seat of an earlier party is at a larger angle (further left) than every
/// seat of a later one, up to the rounding of coordinates.
fn assert_wedges(marks: &[Seat], parties: usize) {
    if marks.len() < 2 {
        return;
    }
    // The outer row always has a seat at each end, on the base line.
    let (minx, maxx) = marks.iter().fold((f64::MAX, f64::MIN), |(a, b), s| (a.min(s.x), b.max(s.x)));
    let cx = (minx + maxx) / 2.0;
    let base = marks.iter().map(|s| s.y).fold(f64::MIN, f64::max);
    let mut range = vec![(f64::MAX, f64::MIN); parties];
    for s in marks {
        let a = (base - s.y).atan2(s.x - cx);
        assert!((-1e-3..=std::f64::consts::PI + 1e-3).contains(&a), "seat below the base line: {s:?}");
        let r = &mut range[s.party];
        *r = (r.0.min(a), r.1.max(a));
    }
    let present: Vec<(usize, (f64, f64))> =
        range.into_iter().enumerate().filter(|(_, r)| r.0 <= r.1).collect();
    for w in present.windows(2) {
        let ((p, (p_min, _)), (q, (_, q_max))) = (w[0], w[1]);
        assert!(p_min >= q_max - 1e-3, "party {p} (down to {p_min}) and party {q} (up to {q_max}) overlap");
    }
}

/// Dots never overlap.
fn assert_apart(marks: &[Seat]) {
    for (i, a) in marks.iter().enumerate() {
        for b in &marks[i + 1..] {
            let d = (a.x - b.x).hypot(a.y - b.y);
            assert!(d >= a.r + b.r - 0.05, "seats overlap: {a:?} {b:?}");
        }
    }
}

/// A small fixed-seed generator (SplitMix64) for random splits.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Splits `n` seats among `k` parties at random (some may get 0).
fn split(rng: &mut Rng, n: u32, k: usize) -> Vec<u32> {
    let mut cuts: Vec<u32> = (0..k - 1).map(|_| rng.below(u64::from(n) + 1) as u32).collect();
    cuts.sort_unstable();
    let mut out = Vec::with_capacity(k);
    let mut prev = 0;
    for c in cuts.into_iter().chain([n]) {
        out.push(c - prev);
        prev = c;
    }
    out
}

const SIZES: [u32; 24] =
    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 13, 17, 29, 50, 69, 98, 100, 145, 150, 300, 435, 500, 799, 800];

#[test]
fn one_mark_per_seat_and_one_wedge_per_party() {
    let mut rng = Rng(2023);
    for &n in &SIZES {
        for trial in 0..6 {
            let k = 1 + rng.below(if trial == 0 { 1 } else { 12 }) as usize;
            let counts = split(&mut rng, n, k);
            let groups: Vec<Group> =
                counts.iter().enumerate().map(|(i, &s)| Group::new(format!("P{i}"), s)).collect();
            let svg = svg::hemicycle(&format!("{n} seats"), &groups).unwrap();
            let doc = parse(&svg);
            let marks = seats(&doc);
            assert_eq!(marks.len(), n as usize, "{n} seats, split {counts:?}");
            for (i, &c) in counts.iter().enumerate() {
                let mine: Vec<&Seat> = marks.iter().filter(|s| s.party == i).collect();
                assert_eq!(mine.len(), c as usize, "party {i} of {counts:?}");
                assert!(mine.iter().all(|s| s.tooltip == format!("P{i}")));
            }
            assert_wedges(&marks, k);
            if trial == 0 {
                assert_apart(&marks);
            }
        }
    }
}

#[test]
fn layout_fits_every_size() {
    for n in (1..=800).chain([999, 1000, 5000, MAX_SEATS]) {
        let l = svg::layout(n).unwrap();
        assert_eq!(l.seats.len(), n as usize);
        assert_eq!(l.rows.iter().sum::<u32>(), n);
        assert!(l.rows.iter().all(|&s| s >= 1));
        assert!(l.rows.windows(2).all(|r| r[0] <= r[1]), "{n}: rows {:?}", l.rows);
        assert!(l.dot_radius > 0.0);
        // Seats in order: angles never increase.
        assert!(l.seats.windows(2).all(|s| s[1].angle <= s[0].angle + 1e-12));
        // Every seat on its row's half circle.
        for s in &l.seats {
            let r = l.radii[s.row as usize];
            assert!((s.x.hypot(s.y) - r).abs() < 1e-9 && s.y >= -1e-12);
        }
        // Evenly spaced: the gap to the next seat along a row is the same in
        // every row, up to rounding.
        if l.rows.len() > 1 {
            let gaps: Vec<f64> = l
                .rows
                .iter()
                .zip(&l.radii)
                .filter(|&(&s, _)| s > 1)
                .map(|(&s, &r)| std::f64::consts::PI * r / f64::from(s - 1))
                .collect();
            let (lo, hi) = gaps.iter().fold((f64::MAX, f64::MIN), |(a, b), &g| (a.min(g), b.max(g)));
            if n >= 100 {
                assert!(hi / lo < 1.25, "{n}: gaps from {lo} to {hi}");
            }
        }
    }
    assert_eq!(svg::layout(0), Err(Error::NothingToDraw { what: "seats" }));
    assert_eq!(svg::layout(MAX_SEATS + 1), Err(Error::TooManySeats { seats: 10_001, max: 10_000 }));
}

#[test]
fn names_are_escaped() {
    let name = "<Q&A> \"left\" 'right'";
    let svg = svg::hemicycle("Title <&>\"'", &[Group::new(name, 3), Group::new("B", 2)]).unwrap();
    assert!(!svg.contains(name));
    assert!(svg.contains("&lt;Q&amp;A&gt; &quot;left&quot; &apos;right&apos;"));
    let doc = parse(&svg);
    assert_eq!(title(&doc), "Title <&>\"'");
    let marks = seats(&doc);
    assert!(marks.iter().filter(|s| s.party == 0).all(|s| s.tooltip == name));
    let legend: Vec<String> = doc
        .descendants()
        .filter(|n| has_class(n, "legend-item"))
        .map(|n| n.descendants().filter(Node::is_text).filter_map(|t| t.text()).collect())
        .collect();
    assert_eq!(legend, [format!("{name}: 3"), "B: 2".to_string()]);
}

#[test]
fn colours_given_or_from_the_palette() {
    let svg = svg::hemicycle("c", &[Group::new("A", 2).colour("#ABC"), Group::new("Amanat", 2)]).unwrap();
    let doc = parse(&svg);
    let fill = |p: &str| {
        doc.descendants()
            .find(|n| n.has_tag_name("circle") && n.attribute("data-party") == Some(p))
            .and_then(|n| n.attribute("fill"))
            .unwrap()
            .to_string()
    };
    assert_eq!(fill("0"), "#abc");
    assert_eq!(fill("1"), svg::party_colour("Amanat"));
    for bad in ["red", "#12", "#abcd", "#ggg", "", "abc", "#1234567", "url(#x)"] {
        let e = svg::hemicycle("c", &[Group::new("A", 2), Group::new("B", 1).colour(bad)]).unwrap_err();
        assert_eq!(e, Error::InvalidColour { label: "B".into(), colour: bad.into() });
    }
    // A bad colour is refused even for a group without seats.
    assert!(svg::hemicycle("c", &[Group::new("A", 2), Group::new("B", 0).colour("x")]).is_err());
}

#[test]
fn refused_sizes() {
    assert_eq!(svg::hemicycle("x", &[]), Err(Error::NothingToDraw { what: "groups" }));
    assert_eq!(svg::hemicycle("x", &[Group::new("A", 0)]), Err(Error::NothingToDraw { what: "seats" }));
    assert_eq!(
        svg::hemicycle("x", &[Group::new("A", u32::MAX), Group::new("B", u32::MAX)]),
        Err(Error::TooManySeats { seats: 2 * u64::from(u32::MAX), max: 10_000 })
    );
    assert!(svg::hemicycle("x", &[Group::new("A", 9_000), Group::new("B", 1_000)]).is_ok());
}

#[test]
fn hollow_groups_and_empty_groups() {
    let svg = svg::hemicycle("h", &[Group::new("A", 4), Group::new("none", 0), Group::vacant(2)]).unwrap();
    let doc = parse(&svg);
    let marks = seats(&doc);
    assert_eq!(marks.iter().filter(|s| s.class == "seat vacant" && s.party == 2).count(), 2);
    assert_eq!(marks.iter().filter(|s| s.party == 1).count(), 0);
    // The group without seats is not in the legend.
    assert_eq!(doc.descendants().filter(|n| has_class(n, "legend-item")).count(), 2);
}

fn race(name: &str, cands: &[(&str, Option<&str>, u64)], against_all: u64) -> District {
    District {
        name: name.into(),
        candidates: cands
            .iter()
            .map(|&(n, p, v)| Candidate { name: n.into(), party: p.map(Into::into), votes: v })
            .collect(),
        against_all,
    }
}

fn count(marks: &[Seat], tier: &str, pred: impl Fn(&Seat) -> bool) -> usize {
    marks.iter().filter(|s| s.tier.as_deref() == Some(tier) && pred(s)).count()
}

#[test]
fn split_view_of_a_mixed_body() {
    let overrides = Overrides {
        against_all_rule: Some(AgainstAllRule::Repeat),
        unfilled_seats: Some(UnfilledSeats::Vacant),
        ..Default::default()
    };
    let body = Preset::Mazhilis.body(&overrides).unwrap();
    let lists = vec![
        PartyList { party: "Amanat".into(), votes: 600, candidates: None },
        PartyList { party: "Short & <Co>".into(), votes: 300, candidates: Some(3) },
        PartyList { party: "C".into(), votes: 100, candidates: None },
    ];
    let mut districts = vec![
        race("D1", &[("a", Some("Amanat"), 10), ("b", None, 5)], 0),
        race("D2", &[("c", None, 10), ("d", Some("C"), 5)], 0),
        race("D3", &[("e", Some("Amanat"), 10)], 20),
        race("D4", &[("f", Some("Green"), 10)], 0),
    ];
    for i in 5..=20 {
        districts.push(race(&format!("D{i}"), &[("g", Some("Amanat"), 10), ("h", Some("C"), 9)], 0));
    }
    let result = body.elect(&Ballots { lists, against_all: 0, districts }).unwrap();
    assert!(result.vacant > 1 && result.undecided == 9 && result.independents == 1);
    let svg = svg::split_view("Mixed", &body, &result, &[("C", "#123456")]).unwrap();
    let doc = parse(&svg);
    let marks = seats(&doc);
    let p = result.parties.len();
    assert_eq!(marks.len(), result.seats as usize);
    assert_eq!(count(&marks, "list", |_| true), 69);
    assert_eq!(count(&marks, "district", |_| true), 29);
    for (i, party) in result.parties.iter().enumerate() {
        assert_eq!(count(&marks, "list", |s| s.party == i), party.list_seats as usize, "{}", party.party);
        assert_eq!(
            count(&marks, "district", |s| s.party == i),
            party.district_seats as usize,
            "{}",
            party.party
        );
        assert!(marks.iter().filter(|s| s.party == i).all(|s| s.tooltip == party.party));
    }
    let independents = count(&marks, "district", |s| s.class == "seat independent" && s.party == p);
    let vacant = marks.iter().filter(|s| s.class == "seat vacant" && s.party == p + 1).count();
    let undecided = marks.iter().filter(|s| s.class == "seat undecided" && s.party == p + 2).count();
    assert_eq!(independents, result.independents as usize);
    assert_eq!(vacant, result.vacant as usize);
    assert_eq!(undecided, result.undecided as usize);
    let won: usize = result.parties.iter().map(|x| x.seats as usize).sum();
    assert_eq!(won + independents + vacant + undecided, result.seats as usize);
    // Each ring is a hemicycle of wedges in the result's order.
    for tier in ["list", "district"] {
        let ring: Vec<Seat> = marks.iter().filter(|s| s.tier.as_deref() == Some(tier)).cloned().collect();
        assert_wedges(&ring, p + 3);
    }
    // The given colour, and escaped names.
    assert!(marks.iter().filter(|s| s.party == 2).count() > 0);
    assert!(svg.contains("fill=\"#123456\""));
    assert!(svg.contains("Short &amp; &lt;Co&gt;"));
}

#[test]
fn split_view_without_list_votes_and_misfits() {
    let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    let ballots = Ballots {
        districts: vec![race("D1", &[("a", Some("X"), 10)], 0), race("D2", &[("b", None, 10)], 0)],
        ..Default::default()
    };
    let result = body.elect(&ballots).unwrap();
    let svg = svg::split_view("No lists", &body, &result, &[]).unwrap();
    let marks = seats(&parse(&svg));
    assert_eq!(count(&marks, "list", |s| s.class == "seat undecided"), 69);
    assert_eq!(count(&marks, "district", |s| s.class == "seat undecided"), 27);
    assert_eq!(marks.len(), 98);

    // A result of another body is refused, not drawn wrong.
    let other = Preset::Kurultai.body(&Overrides::default()).unwrap();
    assert!(matches!(
        svg::split_view("x", &other, &result, &[]),
        Err(Error::ResultDoesNotFit { what: "seats in the body", found: 98, .. })
    ));
    let mut broken = result.clone();
    broken.independents += 5;
    broken.seats = 98;
    assert!(matches!(
        svg::split_view("x", &body, &broken, &[]),
        Err(Error::ResultDoesNotFit { what: "single-member seats in the body", expected: 29, found: 34, .. })
    ));
    broken = result.clone();
    broken.list = broken.list.map(|t| saylau::system::TierSeats { undecided: 0, ..t });
    assert!(matches!(
        svg::split_view("x", &body, &broken, &[]),
        Err(Error::ResultDoesNotFit { expected: 69, found: 0, .. })
    ));
    assert!(matches!(
        svg::split_view("x", &body, &result, &[("X", "green")]),
        Err(Error::InvalidColour { .. })
    ));
}

#[test]
fn seat_distribution_has_a_panel_per_party() {
    let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    let ballots = Ballots {
        lists: [("A <1>", 50_000), ("B", 30_000), ("C", 15_000), ("D", 5_000)]
            .map(|(p, v)| PartyList { party: p.into(), votes: v, candidates: None })
            .to_vec(),
        ..Default::default()
    };
    let uncertainty = Uncertainty { synthetic_districts: Some(true), ..Default::default() };
    let report = Simulation::new(&body, &ballots, &uncertainty).unwrap().run(5, 1_000).unwrap();
    let svg = svg::seat_distribution("Projection & co", &report).unwrap();
    let doc = parse(&svg);
    assert_eq!(title(&doc), "Projection & co");
    let panels: Vec<Node<'_, '_>> = doc.descendants().filter(|n| has_class(n, "panel")).collect();
    let independents = usize::from(report.independents.histogram.iter().skip(1).any(|&c| c > 0));
    assert_eq!(panels.len(), report.parties.len() + independents);
    for (i, panel) in panels.iter().enumerate() {
        assert_eq!(panel.attribute("data-party"), Some(i.to_string().as_str()));
        let name = panel.children().find(|c| c.has_tag_name("title")).unwrap().text().unwrap();
        if i < report.parties.len() {
            assert_eq!(name, report.parties[i].party);
        }
        let bars: Vec<Node<'_, '_>> = panel.descendants().filter(|n| has_class(n, "bar")).collect();
        assert!(!bars.is_empty());
        assert!(bars.iter().all(|b| b.attribute("data-party") == Some(i.to_string().as_str())));
        // Bar heights add up to 100% of runs: heights are proportional, so
        // check that every bar has a tooltip and a positive height instead.
        assert!(bars.iter().all(|b| b.attribute("height").unwrap().parse::<f64>().unwrap() > 0.0));
        assert_eq!(panel.descendants().filter(|n| has_class(n, "interval")).count(), 1);
        assert_eq!(panel.descendants().filter(|n| has_class(n, "median")).count(), 1);
        assert!(panel.descendants().any(|n| has_class(&n, "axes")));
    }
    assert!(svg.contains("A &lt;1&gt;"));
    let mut empty = report.clone();
    empty.runs = 0;
    assert_eq!(svg::seat_distribution("x", &empty), Err(Error::NothingToDraw { what: "runs" }));
    empty = report.clone();
    empty.parties.clear();
    assert_eq!(svg::seat_distribution("x", &empty), Err(Error::NothingToDraw { what: "parties" }));
}

#[test]
fn wide_distributions_are_binned() {
    let body =
        Preset::Mazhilis2021.body(&Overrides { list_seats: Some(2_000), ..Default::default() }).unwrap();
    let ballots = Ballots {
        lists: [("A", 50_000), ("B", 50_000)]
            .map(|(p, v)| PartyList { party: p.into(), votes: v, candidates: None })
            .to_vec(),
        ..Default::default()
    };
    let uncertainty = Uncertainty { systematic_sd: 0.5, ..Default::default() };
    let report = Simulation::new(&body, &ballots, &uncertainty).unwrap().run(1, 300).unwrap();
    let svg = svg::seat_distribution("wide", &report).unwrap();
    let doc = parse(&svg);
    for panel in doc.descendants().filter(|n| has_class(n, "panel")) {
        let bars = panel.descendants().filter(|n| has_class(n, "bar")).count();
        assert!((1..=60).contains(&bars), "{bars} bars");
    }
}

#[test]
fn threshold_sweep_has_a_line_per_party() {
    let parties = ["Amanat", "Auyl", "<Small & \"Co\">"];
    let points: Vec<(f64, Vec<u32>)> =
        vec![(7.0, vec![45, 14, 0]), (1.0, vec![40, 9, 10]), (5.0, vec![45, 14, 0]), (3.0, vec![42, 10, 7])];
    let svg = svg::threshold_sweep("Sweep", &parties, &points).unwrap();
    let doc = parse(&svg);
    let lines: Vec<Node<'_, '_>> = doc.descendants().filter(|n| has_class(n, "series")).collect();
    assert_eq!(lines.len(), 3);
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(line.attribute("data-party"), Some(i.to_string().as_str()));
        assert_eq!(line.children().find(|c| c.has_tag_name("title")).unwrap().text(), Some(parties[i]));
        let xs: Vec<f64> = line
            .attribute("points")
            .unwrap()
            .split(' ')
            .map(|p| p.split(',').next().unwrap().parse().unwrap())
            .collect();
        assert_eq!(xs.len(), 4);
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "drawn by increasing threshold");
    }
    assert_eq!(doc.descendants().filter(|n| has_class(n, "legend-item")).count(), 3);
    assert!(doc.descendants().any(|n| has_class(&n, "x-label") && n.text() == Some("threshold (%)")));

    assert_eq!(
        svg::threshold_sweep::<&str>("x", &[], &points),
        Err(Error::NothingToDraw { what: "parties" })
    );
    assert_eq!(svg::threshold_sweep("x", &parties, &[]), Err(Error::NothingToDraw { what: "points" }));
    assert_eq!(
        svg::threshold_sweep("x", &parties, &[(5.0, vec![1, 2])]),
        Err(Error::SeriesLength { threshold: 5.0, counts: 2, parties: 3 })
    );
    for bad in [f64::NAN, f64::INFINITY, -1.0, 101.0] {
        assert!(matches!(
            svg::threshold_sweep("x", &parties, &[(bad, vec![1, 2, 3])]),
            Err(Error::NotAPercentage { .. })
        ));
    }
    // One point, all zero: still drawn.
    parse(&svg::threshold_sweep("x", &parties, &[(5.0, vec![0, 0, 0])]).unwrap());
}

#[test]
fn seat_vote_scatter_has_a_point_per_party() {
    let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    let ballots = Ballots {
        lists: [("Amanat", 3_431_510), ("Auyl", 693_938), ("Baytaq & 'B'", 146_431)]
            .map(|(p, v)| PartyList { party: p.into(), votes: v, candidates: None })
            .to_vec(),
        against_all: 248_291,
        ..Default::default()
    };
    let result = body.elect(&ballots).unwrap();
    let points = ScatterPoint::list_tier(&result);
    assert_eq!(points.len(), 3);
    let shares: f64 = points.iter().map(|p| p.vote_share).sum();
    assert!((shares - 100.0).abs() < 1e-9);
    assert_eq!(points[2].seat_share, 0.0, "below the threshold");
    let svg = svg::seat_vote_scatter("2023", &points).unwrap();
    let doc = parse(&svg);
    let dots: Vec<Node<'_, '_>> = doc.descendants().filter(|n| has_class(n, "point")).collect();
    assert_eq!(dots.len(), 3);
    let labels: Vec<&str> =
        doc.descendants().filter(|n| has_class(n, "point-label")).filter_map(|n| n.text()).collect();
    assert_eq!(labels, ["Amanat", "Auyl", "Baytaq & 'B'"]);
    assert_eq!(doc.descendants().filter(|n| has_class(n, "diagonal")).count(), 1);
    // Amanat is above the diagonal: its seat share is higher than its vote share.
    let amanat = &dots[0];
    let cy: f64 = amanat.attribute("cy").unwrap().parse().unwrap();
    let cx: f64 = amanat.attribute("cx").unwrap().parse().unwrap();
    let d = doc.descendants().find(|n| has_class(n, "diagonal")).unwrap();
    let g = |a: &str| -> f64 { d.attribute(a).unwrap().parse().unwrap() };
    let t = (cx - g("x1")) / (g("x2") - g("x1"));
    assert!(cy < g("y1") + t * (g("y2") - g("y1")), "over-represented parties are above the diagonal");

    let p = |v: f64, s: f64| ScatterPoint { label: "x".into(), vote_share: v, seat_share: s };
    assert_eq!(svg::seat_vote_scatter("x", &[]), Err(Error::NothingToDraw { what: "points" }));
    for (v, s) in [(f64::NAN, 1.0), (1.0, -0.5), (100.5, 1.0), (1.0, f64::INFINITY)] {
        assert!(matches!(svg::seat_vote_scatter("x", &[p(v, s)]), Err(Error::NotAPercentage { .. })));
    }
    parse(&svg::seat_vote_scatter("zeros", &[p(0.0, 0.0), p(100.0, 100.0)]).unwrap());
}

/// The README's picture is what `cargo run --example hemicycle` draws.
#[test]
fn readme_picture_is_up_to_date() {
    let committed = include_str!("../../docs/mazhilis-2023.svg");
    let doc = parse(committed);
    let marks = seats(&doc);
    assert_eq!(marks.len(), 98);
    let expected = [62, 8, 6, 6, 5, 4, 7];
    for (i, &n) in expected.iter().enumerate() {
        assert_eq!(marks.iter().filter(|s| s.party == i).count(), n);
    }
    assert_wedges(&marks, expected.len());
    let groups = [
        Group::new("Amanat", 40 + 22),
        Group::new("Auyl", 8),
        Group::new("Respublica", 6),
        Group::new("Ak Zhol", 6),
        Group::new("People's Party of Kazakhstan", 5),
        Group::new("OSDP", 4),
        Group::self_nominated(7),
    ];
    let fresh = svg::hemicycle("Mazhilis elected on 19 March 2023: 98 seats", &groups).unwrap();
    assert!(
        fresh == committed,
        "docs/mazhilis-2023.svg is stale: run `cargo run --example hemicycle -- docs/mazhilis-2023.svg`"
    );
}

/// The attribute `name` of `n` as a number.
fn number(n: &Node<'_, '_>, name: &str) -> f64 {
    n.attribute(name).unwrap_or_else(|| panic!("no {name} on {n:?}")).parse().unwrap()
}

/// The text of every legend item, in order.
fn legend_texts(doc: &Document<'_>) -> Vec<String> {
    doc.descendants()
        .filter(|n| has_class(n, "legend-item"))
        .map(|n| n.descendants().filter(Node::is_text).filter_map(|t| t.text()).collect())
        .collect()
}

/// The seat circles of `doc` with class `seat KIND`.
fn marks_of<'a, 'input>(doc: &'a Document<'input>, kind: &str) -> Vec<Node<'a, 'input>> {
    let class = format!("seat {kind}");
    doc.descendants().filter(|n| n.has_tag_name("circle") && n.attribute("class") == Some(&class)).collect()
}

/// Vacant and undecided seats: one word each, one mark each, the same in
/// both diagrams, one grey for both, and not the self-nominated grey.
#[test]
fn vacant_and_undecided_seats_have_one_word_and_one_mark() {
    let plain = svg::hemicycle(
        "Empty seats",
        &[Group::new("Amanat", 10), Group::self_nominated(2), Group::vacant(3), Group::undecided(4)],
    )
    .unwrap();
    let overrides = Overrides {
        against_all_rule: Some(AgainstAllRule::Repeat),
        unfilled_seats: Some(UnfilledSeats::Vacant),
        ..Default::default()
    };
    let body = Preset::Mazhilis.body(&overrides).unwrap();
    let lists = vec![PartyList { party: "Amanat".into(), votes: 600, candidates: None }];
    let districts = vec![
        race("D1", &[("a", None, 10)], 0),
        race("D2", &[("b", Some("Amanat"), 10)], 20),
        race("D3", &[("c", Some("Amanat"), 10)], 0),
    ];
    let result = body.elect(&Ballots { lists, against_all: 0, districts }).unwrap();
    assert!(result.vacant > 0 && result.undecided > 0 && result.independents > 0);
    let split = svg::split_view("Empty seats", &body, &result, &[]).unwrap();

    for svg in [&plain, &split] {
        let doc = parse(svg);
        let legend = legend_texts(&doc);
        let word = |w: &str| legend.iter().filter(|t| t.starts_with(&format!("{w}: "))).count();
        assert_eq!((word("Vacant"), word("Undecided"), word("Self-nominated")), (1, 1, 1), "{legend:?}");
        for bad in ["Not decided", "not decided", "vacant:", "repeat election", "(undecided)"] {
            assert!(!svg.contains(bad), "{bad}");
        }
        let vacant = marks_of(&doc, "vacant");
        let undecided = marks_of(&doc, "undecided");
        let independent = marks_of(&doc, "independent");
        assert!(!vacant.is_empty() && !undecided.is_empty() && !independent.is_empty());
        // Vacant: hollow, solid outline. Undecided: hollow, dashed outline.
        for m in &vacant {
            assert_eq!(m.attribute("fill"), Some("#ffffff"));
            assert_eq!(m.attribute("stroke"), Some(svg::EMPTY_SEAT_COLOUR));
            assert_eq!(m.attribute("stroke-dasharray"), None);
            assert_eq!(m.children().find(|c| c.has_tag_name("title")).unwrap().text(), Some("Vacant"));
        }
        for m in &undecided {
            assert_eq!(m.attribute("fill"), Some("#ffffff"));
            assert_eq!(m.attribute("stroke"), Some(svg::EMPTY_SEAT_COLOUR));
            assert!(m.attribute("stroke-dasharray").is_some());
            assert_eq!(m.children().find(|c| c.has_tag_name("title")).unwrap().text(), Some("Undecided"));
        }
        for m in &independent {
            assert_eq!(m.attribute("fill"), Some(svg::SELF_NOMINATED_COLOUR));
            assert_eq!(m.attribute("stroke"), None);
        }
        // The legend swatches look like the marks.
        let swatch = |word: &str| {
            doc.descendants()
                .filter(|n| has_class(n, "legend-item"))
                .find(|n| n.descendants().any(|t| t.text().is_some_and(|t| t.starts_with(word))))
                .and_then(|n| n.children().find(|c| c.has_tag_name("rect")))
                .unwrap()
        };
        let (v, u) = (swatch("Vacant"), swatch("Undecided"));
        assert_eq!(
            (v.attribute("fill"), v.attribute("stroke")),
            (Some("#ffffff"), Some(svg::EMPTY_SEAT_COLOUR))
        );
        assert_eq!(
            (u.attribute("fill"), u.attribute("stroke")),
            (Some("#ffffff"), Some(svg::EMPTY_SEAT_COLOUR))
        );
        assert!(v.attribute("stroke-dasharray").is_none() && u.attribute("stroke-dasharray").is_some());
    }
    // One grey for empty seats, another for the self-nominated.
    assert_ne!(svg::EMPTY_SEAT_COLOUR, svg::SELF_NOMINATED_COLOUR);
    assert!(!svg::PALETTE.contains(&svg::EMPTY_SEAT_COLOUR));
    assert!(!svg::PALETTE.contains(&svg::SELF_NOMINATED_COLOUR));
    assert_eq!(Group::vacant(1).label, "Vacant");
    assert_eq!(Group::undecided(1).label, "Undecided");
    assert_eq!(Group::self_nominated(1).label, "Self-nominated");
}

/// The hemicycle shows the majority: a line and "50 for a majority".
#[test]
fn majority_line_and_label() {
    let groups = [Group::new("Amanat", 62), Group::new("Auyl", 8), Group::new("Others", 28)];
    let svg = svg::hemicycle("Mazhilis", &groups).unwrap();
    let doc = parse(&svg);
    let label: Vec<&str> =
        doc.descendants().filter(|n| has_class(n, "majority-label")).filter_map(|n| n.text()).collect();
    assert_eq!(label, ["50 for a majority"]);
    let lines: Vec<Node<'_, '_>> =
        doc.descendants().filter(|n| n.has_tag_name("line") && has_class(n, "majority")).collect();
    assert_eq!(lines.len(), 1);
    // The line is radial: it points at the centre of the hemicycle, and
    // leaves the first 50 seats (in seat order) to its left, up to the
    // seats it crosses.
    let marks = seats(&doc);
    let (minx, maxx) = marks.iter().fold((f64::MAX, f64::MIN), |(a, b), s| (a.min(s.x), b.max(s.x)));
    let (cx, base) = ((minx + maxx) / 2.0, marks.iter().map(|s| s.y).fold(f64::MIN, f64::max));
    let l = &lines[0];
    let (x1, y1, x2, y2) = (number(l, "x1"), number(l, "y1"), number(l, "x2"), number(l, "y2"));
    let cross = (x2 - x1) * (base - y1) - (y2 - y1) * (cx - x1);
    assert!(cross.abs() / (x2 - x1).hypot(y2 - y1) < 1.0, "the line is not radial");
    let side = |s: &Seat| (x2 - cx) * (base - s.y) - (base - y2) * (s.x - cx);
    let left = marks.iter().filter(|s| side(s) > s.r * (x2 - cx).hypot(base - y2)).count();
    let right = marks.iter().filter(|s| side(s) < -s.r * (x2 - cx).hypot(base - y2)).count();
    assert!(left <= 50 && right <= 48 && left + right >= 90, "{left} left, {right} right");
    // 145 seats: 73; 1,500 seats: 751 with a separator.
    let svg = svg::hemicycle("x", &[Group::new("A", 145)]).unwrap();
    assert!(svg.contains(">73 for a majority</text>"));
    let svg = svg::hemicycle("x", &[Group::new("A", 1_500)]).unwrap();
    assert!(svg.contains(">751 for a majority</text>"));
    // The split view gives the majority of the whole body.
    let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    let result =
        body.elect(&Ballots { districts: vec![race("D1", &[("a", None, 1)], 0)], ..Default::default() });
    let split = svg::split_view("x", &body, &result.unwrap(), &[]).unwrap();
    assert!(split.contains(">50 for a majority</text>"));
}

/// Small bodies: rows of at least three seats that grow outwards, with even
/// gaps along every row.
#[test]
fn small_bodies_look_even() {
    for n in 8..=60 {
        let l = svg::layout(n).unwrap();
        assert!(l.rows.iter().all(|&s| s >= 3), "{n}: rows {:?}", l.rows);
        assert!(l.rows.windows(2).all(|r| r[0] < r[1]), "{n}: rows {:?}", l.rows);
        let gaps: Vec<f64> =
            l.rows.iter().zip(&l.radii).map(|(&s, &r)| std::f64::consts::PI * r / f64::from(s - 1)).collect();
        let (lo, hi) = gaps.iter().fold((f64::MAX, f64::MIN), |(a, b), &g| (a.min(g), b.max(g)));
        assert!(hi / lo < 1.2, "{n}: rows {:?}, gaps from {lo} to {hi}", l.rows);
        // The rows are about as far apart as the seats along them.
        if l.rows.len() > 1 {
            let across = l.radii[1] - l.radii[0];
            let along = gaps.iter().sum::<f64>() / gaps.len() as f64;
            assert!((0.6..1.7).contains(&(along / across)), "{n}: {along} along, {across} across");
        }
    }
    for (n, rows) in [(11, 2), (18, 3), (25, 3), (29, 3), (34, 3), (40, 4)] {
        assert_eq!(svg::layout(n).unwrap().rows.len(), rows, "{n}");
    }
    for n in 1..=7 {
        assert_eq!(svg::layout(n).unwrap().rows, [n], "a few seats make one row");
    }
}

/// A box: left, top, right, bottom.
type Box4 = (f64, f64, f64, f64);

fn union(a: Box4, b: Box4) -> Box4 {
    (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3))
}

const EMPTY_BOX: Box4 = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);

/// The legend is below the seats, and the picture holds both.
#[test]
fn legend_never_overlaps_the_seats() {
    let long = "The Nationwide Social Democratic Party of the Republic of Kazakhstan (JSDP)";
    for n in [1u32, 11, 29, 98, 145, 300] {
        let a = n / 2;
        let groups = [
            Group::new(long, a),
            Group::new("Amanat", n / 4),
            Group::new("Another party with a rather long name", n / 8),
            Group::self_nominated(n / 16),
            Group::vacant(n / 32),
            Group::undecided(n - a - n / 4 - n / 8 - n / 16 - n / 32),
        ];
        let svg = svg::hemicycle(&format!("{n} seats"), &groups).unwrap();
        let doc = parse(&svg);
        let seats_box =
            seats(&doc).iter().fold(EMPTY_BOX, |b, s| union(b, (s.x - s.r, s.y - s.r, s.x + s.r, s.y + s.r)));
        let mut legend_box = EMPTY_BOX;
        for item in doc.descendants().filter(|n| has_class(n, "legend-item")) {
            let rect = item.children().find(|c| c.has_tag_name("rect")).unwrap();
            let (x, y) = (number(&rect, "x"), number(&rect, "y"));
            legend_box = union(legend_box, (x, y, x + number(&rect, "width"), y + number(&rect, "height")));
            let text = item.children().find(|c| c.has_tag_name("text")).unwrap();
            let (tx, ty) = (number(&text, "x"), number(&text, "y"));
            // Text extends about 0.6 em per character, and an em above its base line.
            let chars = text.text().unwrap().chars().count() as f64;
            legend_box = union(legend_box, (tx, ty - 13.0, tx + chars * 13.0 * 0.6, ty + 3.0));
        }
        let apart = legend_box.1 >= seats_box.3
            || seats_box.1 >= legend_box.3
            || legend_box.0 >= seats_box.2
            || seats_box.0 >= legend_box.2;
        assert!(apart, "{n} seats: legend {legend_box:?} overlaps seats {seats_box:?}");
        let vb: Vec<f64> =
            doc.root_element().attribute("viewBox").unwrap().split(' ').map(|v| v.parse().unwrap()).collect();
        for b in [seats_box, legend_box] {
            assert!(
                b.0 >= vb[0] && b.1 >= vb[1] && b.2 <= vb[0] + vb[2] && b.3 <= vb[1] + vb[3],
                "{n}: {b:?} outside {vb:?}"
            );
        }
    }
}

fn candidate(name: &str, party: Option<&str>, votes: u64) -> Candidate {
    Candidate { name: name.into(), party: party.map(Into::into), votes }
}

/// A one-seat race is a bar per candidate, with votes and shares.
#[test]
fn one_seat_race_as_candidate_bars() {
    let candidates = [
        candidate("Kassym <K>", Some("Amanat"), 3_431_510),
        candidate("Bolat", None, 693_938),
        candidate("Dana", Some("Ak Zhol"), 146_431),
    ];
    let svg = svg::candidate_bars("Akim & co", &candidates, 248_291, Some(0)).unwrap();
    let doc = parse(&svg);
    assert_eq!(title(&doc), "Akim & co");
    let bars: Vec<Node<'_, '_>> =
        doc.descendants().filter(|n| n.has_tag_name("rect") && n.attribute("class") == Some("bar")).collect();
    assert_eq!(bars.len(), 3);
    let mut seen: Vec<&str> = bars.iter().map(|b| b.attribute("data-candidate").unwrap()).collect();
    seen.sort_unstable();
    assert_eq!(seen, ["0", "1", "2"]);
    // Longer bars for more votes; colours by party, grey for the self-nominated.
    let bar = |i: &str| bars.iter().find(|b| b.attribute("data-candidate") == Some(i)).unwrap();
    assert!(number(bar("0"), "width") > number(bar("1"), "width"));
    assert!(number(bar("1"), "width") > number(bar("2"), "width"));
    assert_eq!(bar("0").attribute("fill"), Some(svg::party_colour("Amanat")));
    assert_eq!(bar("1").attribute("fill"), Some(svg::SELF_NOMINATED_COLOUR));
    // Votes with separators and shares of all votes cast (4,520,170).
    let texts: Vec<&str> =
        doc.descendants().filter(|n| has_class(n, "votes")).filter_map(|n| n.text()).collect();
    assert_eq!(texts, ["3,431,510 (75.9%)", "693,938 (15.4%)", "146,431 (3.2%)", "248,291 (5.5%)"]);
    assert!(svg.contains("4,520,170 votes cast"));
    assert!(svg.contains("Kassym &lt;K&gt;"));
    // The winner, and only the winner, is marked.
    let winners: Vec<Node<'_, '_>> = doc.descendants().filter(|n| has_class(n, "winner")).collect();
    assert_eq!(winners.len(), 1);
    assert_eq!(winners[0].parent().unwrap().attribute("data-candidate"), Some("0"));
    assert_eq!(
        doc.descendants().filter(|n| has_class(n, "against-all") && n.has_tag_name("rect")).count(),
        1
    );
    // No winner (a repeat election), no "against all" votes.
    let svg = svg::candidate_bars("Repeat", &candidates, 0, None).unwrap();
    let doc = parse(&svg);
    assert_eq!(doc.descendants().filter(|n| has_class(n, "winner")).count(), 0);
    assert_eq!(doc.descendants().filter(|n| has_class(n, "against-all")).count(), 0);
    // All zero: still drawn.
    parse(&svg::candidate_bars("Zero", &[candidate("A", None, 0)], 0, None).unwrap());

    assert_eq!(svg::candidate_bars("x", &[], 5, None), Err(Error::NothingToDraw { what: "candidates" }));
    assert_eq!(
        svg::candidate_bars("x", &candidates, 0, Some(3)),
        Err(Error::NoSuchCandidate { index: 3, candidates: 3 })
    );
}

/// A party keeps its colour whatever its position.
#[test]
fn colours_follow_the_party_not_the_order() {
    let names =
        ["Amanat", "Auyl", "Respublica", "Ak Zhol", "QHP", "OSDP", "Baytaq", "Green Party", "Alga", "Zhana"];
    let fills = |order: &[usize]| -> Vec<(String, String)> {
        let groups: Vec<Group> = order.iter().map(|&i| Group::new(names[i], 3)).collect();
        let svg = svg::hemicycle("c", &groups).unwrap();
        let doc = parse(&svg);
        let mut out: Vec<(String, String)> = doc
            .descendants()
            .filter(|n| n.has_tag_name("circle"))
            .map(|n| {
                let name =
                    n.children().find(|c| c.has_tag_name("title")).unwrap().text().unwrap().to_string();
                (name, n.attribute("fill").unwrap().to_string())
            })
            .collect();
        out.sort();
        out.dedup();
        out
    };
    let forward: Vec<usize> = (0..names.len()).collect();
    let backward: Vec<usize> = forward.iter().rev().copied().collect();
    let shuffled = [3, 7, 0, 9, 5, 1, 8, 2, 6, 4];
    let a = fills(&forward);
    assert_eq!(a.len(), names.len(), "one colour per party");
    assert_eq!(a, fills(&backward));
    assert_eq!(a, fills(&shuffled));
    // Parties of one picture have different colours.
    let mut colours: Vec<&String> = a.iter().map(|p| &p.1).collect();
    colours.sort();
    colours.dedup();
    assert_eq!(colours.len(), names.len());
    // The fixed colours, by any common name.
    for (x, y) in [
        ("Amanat", "AMANAT"),
        ("People's Party of Kazakhstan", "QHP"),
        ("National Social Democratic Party", "OSDP"),
        ("JSDP", "osdp"),
        ("Ak Zhol", "AK ZHOL"),
        ("Respublica", "respublica"),
        ("Baytaq", "BAYTAQ"),
    ] {
        assert_eq!(svg::party_colour(x), svg::party_colour(y), "{x} and {y}");
        assert!(!svg::PALETTE.contains(&svg::party_colour(x)), "{x} has a fixed colour");
    }
    for name in ["Amanat", "Green Party"] {
        let fill = &a.iter().find(|p| p.0 == name).unwrap().1;
        assert_eq!(fill, svg::party_colour(name), "{name}");
    }
    // Charts too.
    let points = vec![(5.0, vec![1, 2, 3])];
    let sweep = |parties: &[&str]| {
        let svg = svg::threshold_sweep("s", parties, &points).unwrap();
        let doc = parse(&svg);
        let mut out: Vec<(String, String)> = doc
            .descendants()
            .filter(|n| has_class(n, "series"))
            .map(|n| {
                let name =
                    n.children().find(|c| c.has_tag_name("title")).unwrap().text().unwrap().to_string();
                (name, n.attribute("stroke").unwrap().to_string())
            })
            .collect();
        out.sort();
        out
    };
    assert_eq!(sweep(&["Alga", "Amanat", "Zhana"]), sweep(&["Zhana", "Alga", "Amanat"]));
}

/// Numbers people read have thousands separators; text that XML cannot
/// carry is replaced, and the document stays well-formed.
#[test]
fn thousands_separators_and_unsafe_text() {
    let svg = svg::hemicycle("Big", &[Group::new("A", 1_234), Group::vacant(1_000)]).unwrap();
    let doc = parse(&svg);
    assert_eq!(legend_texts(&doc), ["A: 1,234", "Vacant: 1,000"]);
    assert!(doc.descendants().any(|n| has_class(&n, "total") && n.text() == Some("2,234")));
    let points = vec![(1.0, vec![2_500, 10]), (5.0, vec![2_400, 0])];
    let sweep = svg::threshold_sweep("s", &["A", "B"], &points).unwrap();
    assert!(sweep.contains(">2,000<") && sweep.contains("2,500 seats at 1%"));

    let name = "Bad\u{1}\u{b}name\u{fffe} \"x\"\n'y'\t";
    let svg = svg::hemicycle(name, &[Group::new(name, 3)]).unwrap();
    let doc = parse(&svg);
    assert_eq!(title(&doc), "Bad\u{fffd}\u{fffd}name\u{fffd} \"x\"\n'y'\t");
    assert!(!svg.contains('\u{1}') && !svg.contains('\u{b}'));
    let bars = svg::candidate_bars(name, &[candidate(name, Some(name), 5)], 0, Some(0)).unwrap();
    parse(&bars);
}
