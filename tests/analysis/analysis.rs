//! Analysis: indices, fragility, paradoxes and what-if comparisons against
//! published or hand-worked values.

use saylau::compare::{
    ALTERNATIVES, CompensatoryError, Design, Overhang, Setting, by_house, by_method, by_threshold, designs,
};
use saylau::compensatory::{compensatory, least_house_where};
use saylau::district::{Candidate, District, DistrictRules};
use saylau::fragility::{fragility, fragility_of_lists, seats_with};
use saylau::metrics::{Index, IndexValue, Metrics, TierMetrics, district_waste, rae};
use saylau::paradox::{
    QuotaSide, alabama, new_states, population, quota_violations, quota_violations_over_houses,
};
use saylau::system::{Ballots, Body, DistrictTier, ListTier, Overrides, PartyList, Preset};
use saylau::{Error, Method, Ratio, Threshold, TieBreak};

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-6, "{a} != {b}");
}

/// The 2023 Mazhilis list ballot from `data/mazhilis-2023.json`.
fn mazhilis() -> (Vec<PartyList>, u64, Vec<u32>) {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/mazhilis-2023.json")).unwrap();
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    let lists = json["lists"].as_array().unwrap();
    let parties = lists
        .iter()
        .map(|l| PartyList {
            party: l["party"].as_str().unwrap().into(),
            votes: l["votes"].as_u64().unwrap(),
            candidates: None,
        })
        .collect();
    let seats = lists.iter().map(|l| l["seats"].as_u64().unwrap() as u32).collect();
    (parties, json["against_all"].as_u64().unwrap(), seats)
}

fn tier(method: Method, seats: u32) -> ListTier {
    let base = Preset::Mazhilis.body(&Overrides::default()).unwrap().list.unwrap();
    ListTier { seats, method, threshold: Threshold::NONE, ties: TieBreak::Error, min_parties: 0, ..base }
}

fn lists(rows: &[(&str, u64)]) -> Vec<PartyList> {
    rows.iter().map(|&(p, v)| PartyList { party: p.into(), votes: v, candidates: None }).collect()
}

// ------------------------------------------------------------------ metrics

/// No published Gallagher index or effective number for the 2023 Mazhilis
/// list tier was found; these values were computed independently from the
/// formulas (Python, double precision) on the CEC figures:
///
/// - vote base 6,118,150 party votes + 248,291 "against all" = 6,366,441;
///   shares 53.9000, 10.8999, 8.5943, 8.4056, 6.8000, 5.2000, 2.3000 and
///   "against all" 3.9000 (the CEC's published percentages);
/// - seat shares of 69: 57.9710, 11.5942, 8.6957, 8.6957, 7.2464, 5.7971, 0;
/// - differences -4.0710, -0.6943, -0.1013, -0.2900, -0.4463, -0.5971,
///   +2.3000, and +3.9000 for "against all": the sum of squares 38.2055, so
///   Gallagher sqrt(38.2055 / 2) = 4.3707; without "against all" in the base
///   (shares of 6,118,150) it is 2.1888;
/// - Loosemore–Hanby (4.0710 + ... + 2.3000 + 3.9000) / 2 = 6.2000, which
///   equals the wasted share: (146,431 + 248,291) / 6,366,441 = 6.2000%;
/// - ENEP 1 / Σ (v_i / 6,118,150)² = 1 / 0.351600 = 2.8441; ENPP
///   69² / (40² + 8² + 6² + 6² + 5² + 4²) = 4761 / 1777 = 2.6792;
/// - D'Hondt index: Amanat's 57.9710 / 53.9000 = 1.0755 is not the largest;
///   OSDP's 5.7971 / 5.2000 = 1.1148 is.
#[test]
fn mazhilis_2023_list_tier_indices() {
    let (lists, against_all, seats) = mazhilis();
    let votes: Vec<u64> = lists.iter().map(|l| l.votes).collect();
    let m = Metrics::compute(&votes, &seats, against_all).unwrap();
    assert_eq!(m.vote_base, 6_366_441);
    assert_eq!(m.seats_total, 69);
    assert!((m.gallagher - 4.3707).abs() < 5e-5, "{}", m.gallagher);
    assert!((m.loosemore_hanby - 6.2000).abs() < 5e-5);
    assert!((m.enep - 2.8441).abs() < 5e-5, "{}", m.enep);
    close(m.enpp, 4761.0 / 1777.0);
    assert!((m.dhondt.unwrap() - 1.1148).abs() < 5e-5);
    assert_eq!(m.wasted_votes, 146_431 + 248_291);
    assert!((m.wasted_share - 6.2000).abs() < 5e-5);
    assert_eq!(m.largest_party, 0);
    assert!((m.largest_party_bonus - 4.0710).abs() < 5e-5);
    assert!((m.golosov_votes - 2.1256).abs() < 5e-5);
    assert!((m.golosov_seats - 2.0110).abs() < 5e-5);
    // Every list has at least 0.5%: Rae over all seven.
    assert_eq!(m.rae_parties, (0..7).collect::<Vec<_>>());
    assert!((m.rae.unwrap() - 1.2143).abs() < 5e-5);
    assert_eq!(m.advantage_ratios[6], Some(0.0));

    let without = Metrics::compute(&votes, &seats, 0).unwrap();
    assert!((without.gallagher - 2.1888).abs() < 5e-5, "{}", without.gallagher);
    assert_eq!(without.enep, m.enep, "fragmentation does not use the extra votes");

    // The same through the body: the preset reproduces the seats, and the
    // list-tier helper gives the same indices.
    let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    let ballots = Ballots { lists, against_all, districts: vec![] };
    let result = body.elect(&ballots).unwrap();
    assert_eq!(Metrics::list_tier(&result, against_all).unwrap(), m);
    // No district data: the whole body has only list seats.
    let whole = Metrics::whole_body(&result, against_all).unwrap();
    assert_eq!(whole.seats_total, 69);
}

/// Wikipedia's D'Hondt example (A 100,000, B 80,000, C 30,000, D 20,000;
/// 8 seats: 4, 3, 1, 0). Shares of 230,000: 43.4783, 34.7826, 13.0435,
/// 8.6957; of 8 seats: 50, 37.5, 12.5, 0. Differences -6.5217, -2.7174,
/// 0.5435, 8.6957: Gallagher sqrt(125.8034 / 2) = 7.9318, Loosemore–Hanby
/// 18.4783 / 2 = 9.2391; ENEP 230,000² / (100,000² + ...) = 529 / 177.
#[test]
fn wikipedia_dhondt_example_indices() {
    let votes = [100_000, 80_000, 30_000, 20_000];
    let seats = Method::DHondt.apportion(&votes, 8).unwrap().into_seats();
    assert_eq!(seats, [4, 3, 1, 0]);
    let m = Metrics::compute(&votes, &seats, 0).unwrap();
    assert!((m.gallagher - 7.9318).abs() < 5e-5);
    assert!((m.loosemore_hanby - 9.2391).abs() < 5e-5);
    close(m.enep, 529.0 / 177.0);
    close(m.enpp, 64.0 / 26.0);
    close(m.dhondt.unwrap(), 50.0 / (100.0 / 2.3));
    assert_eq!(m.wasted_votes, 20_000);
    close(m.advantage_ratios[2].unwrap(), 12.5 / (300.0 / 23.0));
    // Sainte-Laguë index: Σ (s - v)² / v.
    let sl: f64 = [(50.0, 1000.0 / 23.0), (37.5, 800.0 / 23.0), (12.5, 300.0 / 23.0), (0.0, 200.0 / 23.0)]
        .iter()
        .map(|(s, v)| (s - v) * (s - v) / v)
        .sum();
    close(m.sainte_lague, sl);
}

#[test]
fn metrics_edge_cases() {
    assert_eq!(Metrics::compute(&[], &[], 0), Err(Error::NoParties));
    assert!(matches!(Metrics::compute(&[1, 2], &[1], 0), Err(Error::LengthMismatch { .. })));
    assert_eq!(Metrics::compute(&[0, 0], &[1, 0], 5), Err(Error::ZeroVotes));
    assert_eq!(Metrics::compute(&[1, 2], &[0, 0], 0), Err(Error::NoSeats));
    // Perfect proportionality.
    let m = Metrics::compute(&[50, 30, 20], &[5, 3, 2], 0).unwrap();
    close(m.gallagher, 0.0);
    close(m.loosemore_hanby, 0.0);
    close(m.sainte_lague, 0.0);
    close(m.dhondt.unwrap(), 1.0);
    close(m.enep, m.enpp);
    // A seat won with no votes: the D'Hondt index is infinite.
    let m = Metrics::compute(&[10, 0], &[1, 1], 0).unwrap();
    assert_eq!(m.dhondt, None);
    assert_eq!(m.advantage_ratios[1], None);
    // Golosov with one party: 1; equal parties: their number.
    close(Metrics::compute(&[7], &[3], 0).unwrap().golosov_votes, 1.0);
    close(Metrics::compute(&[5, 5, 5, 5], &[1, 1, 1, 1], 0).unwrap().golosov_seats, 4.0);
    // Huge votes do not overflow.
    let m = Metrics::compute(&[u64::MAX, u64::MAX], &[1, 1], u64::MAX).unwrap();
    assert_eq!(m.vote_base, 3 * u64::MAX as u128);
    // Rae's cut-off is exact: 1 of 200 is exactly 0.5%.
    let (_, included) = rae(&[199, 1], &[1, 0], 0, "0.5".parse().unwrap()).unwrap();
    assert_eq!(included, [0, 1]);
    let (_, included) = rae(&[200, 1], &[1, 0], 0, "0.5".parse().unwrap()).unwrap();
    assert_eq!(included, [0]);
}

#[test]
fn whole_body_and_district_waste() {
    let body = Body {
        name: "test".into(),
        list: Some(ListTier { threshold: "5".parse().unwrap(), ..tier(Method::HARE, 4) }),
        districts: Some(DistrictTier { seats: 2, rules: DistrictRules::default() }),
        preset: None,
    };
    let ballots = Ballots {
        lists: lists(&[("A", 600), ("B", 400)]),
        against_all: 0,
        districts: vec![
            District {
                name: "D1".into(),
                against_all: 5,
                candidates: vec![
                    Candidate { name: "a1".into(), party: Some("A".into()), votes: 70 },
                    Candidate { name: "c1".into(), party: Some("C".into()), votes: 25 },
                ],
            },
            District {
                name: "D2".into(),
                against_all: 0,
                candidates: vec![
                    Candidate { name: "c2".into(), party: Some("C".into()), votes: 55 },
                    Candidate { name: "i2".into(), party: None, votes: 45 },
                ],
            },
        ],
    };
    let r = body.elect(&ballots).unwrap();
    // List 600/400 of 4: 2.4 and 1.6 -> 2, 2. A also wins D1; C (no list) D2.
    let whole = Metrics::whole_body(&r, 0).unwrap();
    assert_eq!(whole.seats_total, 6);
    assert_eq!(whole.seat_shares.len(), 3);
    assert_eq!(whole.dhondt, None, "C won a seat with no list votes");
    let list = Metrics::list_tier(&r, 0).unwrap();
    assert_eq!(list.seats_total, 4);
    let w = district_waste(&ballots, &r);
    assert_eq!((w.cast, w.wasted), (200, 75));
}

#[test]
fn tier_metrics_name_every_party() {
    let (lists, against_all, seats) = mazhilis();
    let named: Vec<(&str, u64, u32)> =
        lists.iter().zip(&seats).map(|(l, &s)| (l.party.as_str(), l.votes, s)).collect();
    let t = TierMetrics::new(&named, against_all).unwrap();
    let m = Metrics::compute(&named.iter().map(|p| p.1).collect::<Vec<_>>(), &seats, against_all).unwrap();
    assert_eq!(t.metrics, m);
    assert_eq!(t.largest_party(), "Amanat");
    assert_eq!(t.parties.len(), 7);
    assert_eq!(t.parties[6].party, "Baytaq");
    assert_eq!((t.parties[6].votes, t.parties[6].seats), (146_431, 0));
    assert_eq!(t.parties[6].advantage_ratio, Some(0.0));
    close(t.parties[0].vote_share, m.vote_shares[0]);
    close(t.parties[0].seat_share, 40.0 * 100.0 / 69.0);
    assert_eq!(t.value(Index::LargestParty), IndexValue::Party("Amanat".into()));
    assert_eq!(t.value(Index::WastedVotes), IndexValue::Votes(146_431 + 248_291));
    assert_eq!(t.value(Index::Gallagher), IndexValue::Real(m.gallagher));
    // From a body's result, as Metrics::list_tier, with names.
    let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    let result = body.elect(&Ballots { lists, against_all, districts: vec![] }).unwrap();
    assert_eq!(TierMetrics::list_tier(&result, against_all).unwrap(), t);
    // An undefined index is said so, not a number.
    let none = TierMetrics::new(&[("A", 10, 1), ("B", 0, 1)], 0).unwrap();
    assert_eq!(none.value(Index::DHondt), IndexValue::Undefined);
}

#[test]
fn index_registry_has_unique_keys_names_and_meanings() {
    let mut keys: Vec<&str> = Index::ALL.iter().map(|i| i.key()).collect();
    assert_eq!(
        keys,
        [
            "gallagher",
            "loosemore_hanby",
            "rae",
            "sainte_lague",
            "dhondt",
            "enep",
            "enpp",
            "golosov_votes",
            "golosov_seats",
            "wasted_votes",
            "wasted_share",
            "largest_party",
            "largest_party_bonus"
        ]
    );
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), Index::ALL.len());
    for i in Index::ALL {
        assert!(!i.name().is_empty() && !i.meaning().is_empty(), "{i:?}");
    }
}

// --------------------------------------------------------------- fragility

#[test]
fn fragility_wikipedia_dhondt() {
    let t = tier(Method::DHondt, 8);
    let rows = fragility(&t, &[100_000, 80_000, 30_000, 20_000], 0).unwrap();
    // The 8th seat went at 25,000 (A's 4th); the best loser is B's 4th at
    // 20,000. C needs 2 x 25,000 = 50,000 (+20,000) to tie A's 4th; ties are
    // refused (no seat for certain), so +20,001.
    assert_eq!(rows[2].votes_to_gain, Some(20_001));
    // A keeps 4 seats while its 4th quotient beats 20,000: at 80,000 it ties
    // B's 4th (refused), so it loses a seat with 20,000 fewer votes.
    assert_eq!(rows[0].votes_to_lose, Some(20_000));
    assert_eq!(rows[0].spare_votes, 19_999);
    // C's one seat is safe while its 30,000 beats the best losers, B's 4th
    // and D's 1st at 20,000 (at 25,000 it still wins, level with A's 4th:
    // both fit); at 20,000 the three tie for one seat.
    assert_eq!(rows[2].votes_to_lose, Some(10_000));
    // Each answer is checked directly.
    let votes = [100_000, 80_000, 30_000, 20_000];
    for r in &rows {
        if let Some(k) = r.votes_to_gain {
            assert!(seats_with(&t, &votes, 0, r.index, r.votes + k) > r.seats);
            assert!(seats_with(&t, &votes, 0, r.index, r.votes + k - 1) <= r.seats);
        }
    }
}

/// Baytaq (146,431 votes) under the 2023 Mazhilis rules: it needs 5% of a
/// base that grows with its own votes, 100 x >= 5 (6,220,010 + x), that is
/// 95 x >= 31,100,050, x >= 327,368.95: 327,369 votes, 180,938 more. Then
/// its Hare quota is 69 x 327,369 / 6,299,088 = 3.59: 3 seats (its
/// remainder .586 is not among the five largest).
#[test]
fn fragility_mazhilis_threshold_crossing() {
    let (lists, against_all, seats) = mazhilis();
    let tier = Preset::Mazhilis.body(&Overrides::default()).unwrap().list.unwrap();
    let rows = fragility_of_lists(&tier, &lists, against_all).unwrap();
    assert_eq!(rows.iter().map(|r| r.seats).collect::<Vec<_>>(), seats);
    let baytaq = &rows[6];
    assert_eq!(baytaq.party.as_deref(), Some("Baytaq"));
    assert_eq!(baytaq.votes_to_gain, Some(180_938));
    assert_eq!(baytaq.seats_after_gain, Some(3));
    assert_eq!(baytaq.votes_to_lose, None);
    assert_eq!(baytaq.spare_votes, 146_431);
    for r in &rows[..6] {
        assert!(r.votes_to_gain.unwrap() > 0 && r.votes_to_lose.unwrap() > 0, "{r:?}");
    }
    // OSDP (331,058, 5.20%) falls below 5% when it loses enough votes:
    // it passes iff 95 x >= 5 x 6,035,383, x >= 317,651.7: at 317,651 it has no seats,
    // so it loses a seat (the 4th) at or before 13,407 fewer votes.
    assert!(rows[5].votes_to_lose.unwrap() <= 331_058 - 317_651);
}

#[test]
fn fragility_errors() {
    let t = tier(Method::DHondt, 1);
    assert_eq!(fragility(&t, &[5, 5], 0), Err(Error::Tie { parties: vec![0, 1], seats: 1 }));
    assert_eq!(fragility(&t, &[], 0), Err(Error::NoParties));
    // A party with every seat cannot gain.
    let rows = fragility(&t, &[5, 1], 0).unwrap();
    assert_eq!(rows[0].votes_to_gain, None);
    assert_eq!(rows[0].votes_to_lose, Some(4), "at 1 vote it ties");
    // Votes at the top of u64.
    // Sainte-Laguë, 4 seats: M, M/3, M/5 for A and M/2 for B. A's 4th would
    // need M/7 > M/2: never. B needs B/3 > M/5.
    let m = u64::MAX;
    let rows = fragility(&tier(Method::SainteLague, 4), &[m, m / 2], 0).unwrap();
    assert_eq!((rows[0].seats, rows[1].seats), (3, 1));
    assert_eq!(rows[0].votes_to_gain, None);
    let k = rows[1].votes_to_gain.unwrap();
    assert_eq!(rows[1].seats_after_gain, Some(2));
    // B + k > 3 M / 5 >= B + k - 1, exactly (u128).
    let (b, m) = ((m / 2) as u128, m as u128);
    assert!(5 * (b + k as u128) > 3 * m && 5 * (b + k as u128 - 1) <= 3 * m);
}

// ---------------------------------------------------------------- paradoxes

/// Balinski and Young (2001) describe the Alabama paradox with the 1880
/// census (Alabama 8 of 299, 7 of 300 under Hamilton). The historical
/// figures are not reproduced here; the constructed case 6, 6, 2 is worked
/// by hand in the doc of `saylau::paradox`: quotas 4.29, 4.29, 1.43 at 10
/// seats (4, 4, 2) and 4.71, 4.71, 1.57 at 11 (5, 5, 1).
#[test]
fn alabama_paradox_small_case() {
    // A and B tie at many sizes: the list registered first wins.
    let hare = Method::HARE.apportioner().ties(TieBreak::ListOrder);
    let found = alabama(&hare, &[6, 6, 2], 1..=30).unwrap();
    assert!(found.iter().any(|p| (p.party, p.house, p.seats_before, p.seats_after) == (2, 10, 2, 1)));
    for p in &found {
        let a = hare.apportion(&[6, 6, 2], p.house).unwrap();
        let b = hare.apportion(&[6, 6, 2], p.house + 1).unwrap();
        assert!(b.seats()[p.party] < a.seats()[p.party]);
    }
    // Divisor methods are house monotone.
    for m in [Method::DHondt, Method::SainteLague, Method::HuntingtonHill, Method::Adams] {
        let a = m.apportioner().ties(TieBreak::ListOrder);
        assert!(alabama(&a, &[6, 6, 2], 1..=60).unwrap().is_empty(), "{m}");
    }
    assert_eq!(alabama(&hare, &[1], 0..=3), Err(Error::NoSeats));
    assert_eq!(
        alabama(&Method::HARE.apportioner(), &[6, 6, 2], 1..=2),
        Err(Error::Tie { parties: vec![0, 1], seats: 1 })
    );
    assert!(alabama(&hare, &[1], 5..=5).unwrap().is_empty());
}

#[test]
fn population_and_new_states_paradoxes() {
    let hare = Method::HARE.apportioner();
    // Worked by hand in the docs of `population` and `new_states`.
    let p = population(&hare, &[12, 12, 1], &[12, 15, 2], 9).unwrap();
    assert_eq!(p.len(), 1);
    assert_eq!((p[0].faster_votes, p[0].slower_votes), ([1, 2], [12, 15]));
    // Scaled by 1,000 the quotas, and so the paradox, are the same.
    let p = population(&hare, &[12_000, 12_000, 1_000], &[12_000, 15_000, 2_000], 9).unwrap();
    assert_eq!((p[0].faster, p[0].slower), (2, 1));
    // Webster (Sainte-Laguë) is population monotone.
    let webster = Method::SainteLague.apportioner().ties(TieBreak::ListOrder);
    assert!(population(&webster, &[12, 12, 1], &[12, 15, 2], 9).unwrap().is_empty());
    assert!(matches!(population(&hare, &[1], &[1, 2], 3), Err(Error::LengthMismatch { .. })));

    let n = new_states(&hare, &[2, 12, 1], 7, 3, None).unwrap().unwrap();
    assert_eq!(n.changes.len(), 2);
    assert_eq!((n.changes[1].party, n.changes[1].before, n.changes[1].after), (2, 0, 1));
    // D'Hondt: adding a party with its seats never moves the others' seats
    // here.
    assert_eq!(new_states(&Method::DHondt.apportioner(), &[2, 12, 1], 7, 3, Some(1)).unwrap(), None);
}

#[test]
fn quota_violations_found() {
    let v = quota_violations(&[86, 7, 7], &[10, 0, 0]).unwrap();
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].quota, Ratio::new(86, 10).unwrap());
    assert_eq!((v[0].lower, v[0].upper, v[0].side), (8, 9, QuotaSide::Upper));
    // Adams violates lower quota: 1 seat each for 10 small parties leaves
    // the large one 10 of 20 with quota 20 x 91 / 100 = 18.2.
    let votes = [91, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    let seats = Method::Adams.apportion(&votes, 20).unwrap().into_seats();
    let v = quota_violations(&votes, &seats).unwrap();
    assert_eq!((v[0].party, v[0].side, v[0].lower), (0, QuotaSide::Lower, 18));
    // Hamilton always stays within quota.
    let hare = Method::HARE.apportioner().ties(TieBreak::ListOrder);
    assert!(quota_violations_over_houses(&hare, &[86, 7, 7], 1..=50).unwrap().is_empty());
    assert!(
        !quota_violations_over_houses(&Method::DHondt.apportioner(), &[86, 7, 7], 10..=10)
            .unwrap()
            .is_empty()
    );
    assert_eq!(quota_violations(&[0], &[1]), Err(Error::ZeroVotes));
}

// -------------------------------------------------------------- comparisons

#[test]
fn compare_methods_thresholds_and_houses() {
    let (lists, against_all, seats) = mazhilis();
    let tier = Preset::Mazhilis.body(&Overrides::default()).unwrap().list.unwrap();
    let by = by_method(&tier, &lists, against_all).unwrap();
    assert_eq!(by.rows.len(), Method::ALL.len());
    let hare = by.rows.iter().find(|r| r.setting == Setting::Method(Method::HARE)).unwrap();
    assert_eq!(hare.seats(), Some(&seats[..]));
    for r in &by.rows {
        assert_eq!(r.seats().unwrap().iter().sum::<u32>(), 69, "{:?}", r.setting);
    }

    // 0% to 10% in steps of 0.5%: Baytaq (2.30%) takes part up to 2%; OSDP
    // (5.20%) up to 5%.
    let sweep =
        by_threshold(&tier, &lists, against_all, Ratio::ZERO, Ratio::integer(10), "0.5".parse().unwrap())
            .unwrap();
    assert_eq!(sweep.rows.len(), 21);
    assert!(sweep.rows[4].eligible().unwrap()[6]);
    assert!(!sweep.rows[5].eligible().unwrap()[6]);
    assert_eq!(sweep.rows[10].seats(), Some(&seats[..]));
    assert!(!sweep.rows[11].eligible().unwrap()[5]);
    // At 60% no party passes (Amanat has 53.90%).
    let high =
        by_threshold(&tier, &lists, against_all, Ratio::integer(60), Ratio::integer(60), Ratio::integer(1))
            .unwrap();
    // A failed count is a typed error with no seats beside it.
    assert!(matches!(high.rows[0].outcome, Err(Error::NoEligibleParty { .. })), "{:?}", high.rows[0]);
    assert_eq!(high.rows[0].seats(), None);
    assert_eq!(high.threshold_points().len(), 0);
    assert!(by_threshold(&tier, &lists, 0, Ratio::ZERO, Ratio::integer(1), Ratio::ZERO).is_err());
    assert!(by_threshold(&tier, &lists, 0, Ratio::ZERO, Ratio::integer(101), Ratio::integer(1)).is_err());

    let houses = by_house(&tier, &lists, against_all, 0..=98).unwrap();
    assert_eq!(houses.rows.len(), 99);
    assert_eq!(houses.rows[0].seats(), Some(&[0; 7][..]), "a tier of no seats");
    assert_eq!(houses.rows[69].seats(), Some(&seats[..]));
    assert_eq!(houses.rows[69].setting, Setting::House(69));
}

#[test]
fn compare_mazhilis_designs() {
    let (lists, against_all, _) = mazhilis();
    let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    let ballots = Ballots { lists, against_all, districts: vec![] };
    let t = designs(
        &body,
        &ballots,
        &[
            Design::AllList,
            Design::Preset {
                preset: Preset::Mazhilis,
                overrides: Overrides { method: Some(Method::DHondt), ..Default::default() },
            },
            Design::Preset {
                preset: Preset::Mazhilis,
                overrides: Overrides { threshold: Some("2".parse().unwrap()), ..Default::default() },
            },
        ],
    )
    .unwrap();
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.rows[0].design, Design::AsGiven);
    let row = |i: usize| t.rows[i].seats().unwrap();
    // As given: 69 list seats, 29 districts undecided (no district data):
    // no result given, not left empty by the rules.
    assert_eq!(row(0).seats, [40, 8, 6, 6, 5, 4, 0]);
    assert_eq!((row(0).vacant, row(0).undecided), (0, 29));
    // All 98 by Hare among the six: quotas 56.31, 11.39, 8.98, 8.78, 7.10,
    // 5.43; floors 56, 11, 8, 8, 7, 5 (95); remainders .98, .78, .43, .39 get
    // the 3 seats left: 56, 11, 9, 9, 7, 6.
    assert_eq!(row(1).seats, [56, 11, 9, 9, 7, 6, 0]);
    assert_eq!(row(1).house, 98);
    assert_eq!((row(1).vacant, row(1).undecided), (0, 0));
    assert!(
        matches!(&t.rows[2].design, Design::Preset { overrides, .. } if overrides.method == Some(Method::DHondt))
    );
    assert_eq!(row(2).seats.iter().sum::<u32>(), 69);
    // At 2% Baytaq takes part.
    assert!(row(3).seats[6] > 0);
    // Every seat is accounted in every row.
    for r in &t.rows {
        let s = r.seats().unwrap();
        let parties: u32 = s.seats.iter().sum();
        assert_eq!(parties + s.independents + s.vacant + s.undecided, s.house, "{r:?}");
    }
}

#[test]
fn compensatory_designs_are_refused_without_every_district_result() {
    let (lists, against_all, _) = mazhilis();
    let body = Preset::Mazhilis.body(&Overrides::default()).unwrap();
    let ballots = Ballots { lists, against_all, districts: vec![] };
    let t = designs(&body, &ballots, &ALTERNATIVES).unwrap();
    assert_eq!(t.rows.len(), 4);
    // The designs that can be counted still are.
    assert!(t.rows[0].seats().is_some() && t.rows[1].seats().is_some());
    for r in &t.rows[2..] {
        assert!(matches!(r.design, Design::Compensatory(_)));
        let e = r.outcome.as_ref().unwrap_err();
        assert_eq!(e, &CompensatoryError::DistrictResultsMissing { given: 0, seats: 29 });
        assert_eq!(e.to_string(), "a compensatory tier needs every district's result: 0 of 29 given");
    }
    // Some districts but not all: still refused, with the count given.
    let (body, mut ballots) = overhang_case(Method::HARE);
    ballots.districts.truncate(2);
    let parallel = body.elect(&ballots).unwrap();
    assert_eq!(
        compensatory(&body, &ballots, &parallel, Overhang::Keep),
        Err(CompensatoryError::DistrictResultsMissing { given: 2, seats: 3 })
    );
}

#[test]
fn least_house_where_searches_divisor_methods_and_scans_remainders() {
    // Divisor methods: the least size, found by doubling then halving.
    for target in [5, 6, 7, 64, 1_000, 99_999] {
        assert_eq!(least_house_where(5, Method::DHondt, &|n| n >= target), Ok(target));
    }
    // Largest remainders: the first size that holds, scanning upward.
    assert_eq!(least_house_where(10, Method::HARE, &|n| n == 10), Ok(10));
    assert_eq!(least_house_where(10, Method::HARE, &|n| n % 13 == 0), Ok(13));
    assert!(matches!(least_house_where(10, Method::HARE, &|_| false), Err(Error::LevellingTooLarge { .. })));
    assert!(matches!(least_house_where(10, Method::DHondt, &|_| false), Err(Error::TooManySeats { .. })));
}

/// A body of 4 list seats and 3 districts, all three won by A, whose list
/// has 20% of the votes: A is entitled to 7 x 0.2 = 1.4 of 7 seats, so it has
/// 2 seats of overhang.
fn overhang_case(method: Method) -> (Body, Ballots) {
    let body = Body {
        name: "test".into(),
        list: Some(ListTier { ties: TieBreak::ListOrder, ..tier(method, 4) }),
        districts: Some(DistrictTier { seats: 3, rules: DistrictRules::default() }),
        preset: None,
    };
    let district = |n: u32| District {
        name: format!("D{n}"),
        against_all: 0,
        candidates: vec![
            Candidate { name: format!("a{n}"), party: Some("A".into()), votes: 60 },
            Candidate { name: format!("b{n}"), party: Some("B".into()), votes: 40 },
        ],
    };
    let ballots = Ballots {
        lists: lists(&[("A", 200), ("B", 800)]),
        against_all: 0,
        districts: (1..=3).map(district).collect(),
    };
    (body, ballots)
}

#[test]
fn compensatory_overhang_kept_or_levelled() {
    // Hare, 7 seats: 1.4 and 5.6 -> 1, 6. A keeps its 3 districts: 2 seats
    // of overhang, a body of 9. Levelled: A needs 3 seats by Hare, 0.2 T
    // rounded by remainders: T = 8..12 give A 2 (1.6, ..., 2.4); T = 13 gives
    // 2.6 -> floors 2, 10 and the last seat to A's .6: 3, 10.
    let (body, ballots) = overhang_case(Method::HARE);
    let t = designs(
        &body,
        &ballots,
        &[Design::Compensatory(Overhang::Keep), Design::Compensatory(Overhang::Level)],
    )
    .unwrap();
    // Parallel: the 4 list seats by Hare, 0.8 and 3.2: 1, 3; A adds 3 districts.
    assert_eq!(t.rows[0].seats().unwrap().seats, [4, 3]);
    let keep = t.rows[1].seats().unwrap();
    assert_eq!((keep.house, keep.overhang, keep.levelling), (9, 2, 0));
    assert_eq!(keep.seats, [3, 6]);
    assert_eq!(keep.list_seats, [0, 6]);
    let level = t.rows[2].seats().unwrap();
    assert_eq!((level.house, level.overhang, level.levelling), (13, 2, 6));
    assert_eq!(level.seats, [3, 10]);

    // D'Hondt: A's 3rd quotient 200 / 3 = 66.67 comes after B's 11
    // quotients above it (800 / 11 = 72.7) and A's first two: at T = 14 it
    // ties B's 12th (800 / 12 = 66.67) for the last seat, and the list
    // registered first, A, wins it. At T = 13, A has 2.
    let (body, ballots) = overhang_case(Method::DHondt);
    let t = designs(&body, &ballots, &[Design::Compensatory(Overhang::Level)]).unwrap();
    let level = t.rows[1].seats().unwrap();
    assert_eq!((level.house, level.levelling), (14, 7));
    assert_eq!(level.seats, [3, 11]);

    // A design that cannot be counted is a row's error.
    let no_list = Body { list: None, ..body.clone() };
    let only_districts = Ballots { lists: vec![], ..ballots.clone() };
    let t = designs(&no_list, &only_districts, &[Design::AllList]).unwrap();
    assert!(matches!(t.rows[1].outcome, Err(CompensatoryError::Count(Error::NoListTierToCompare { .. }))));
}

/// A published value: Wikipedia's "Gallagher index" article works the index
/// out for the New Zealand general election of 2005 (party votes in percent
/// to two decimals; seats Labour 50, National 48, NZ First 7, Greens 6,
/// Māori 4, United Future 3, ACT 2, Progressive 1 of 121) and gets 1.11.
/// The percentages are used as the votes (in hundredths of a percent).
/// Wikipedia squares differences of seat shares rounded to two decimals
/// (Māori 3.30 for 4/121 = 3.306, Progressive 0.82 for 0.826, one difference
/// mistyped as 0.04) and its vote shares sum to 99.98%; exact shares give
/// 1.125. The tolerance covers that rounding; a wrong formula (no halving:
/// 1.59; Loosemore-Hanby: 2.27) is far outside it.
#[test]
fn gallagher_matches_the_published_new_zealand_2005_value() {
    let votes = [4110, 3910, 572, 530, 212, 267, 151, 116, 62, 25, 12, 7, 5, 5, 4, 3, 3, 2, 2];
    let seats = [50, 48, 7, 6, 4, 3, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    let m = Metrics::compute(&votes, &seats, 0).unwrap();
    assert!((m.gallagher - 1.11).abs() < 0.02, "Gallagher {}", m.gallagher);
    assert!(m.loosemore_hanby > 2.0, "Loosemore-Hanby {}", m.loosemore_hanby);
}
