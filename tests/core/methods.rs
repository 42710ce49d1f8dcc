//! Every method on published or hand-checked examples.
//!
//! Expected seats come from the cited sources, or were worked out by hand
//! from each method's textbook definition (the working is in the comments),
//! never from saylau's own output.

use saylau::{Audit, Error, ExcessPolicy, Method, Quota, TieBreak};

fn seats(method: Method, votes: &[u64], house: u32) -> Vec<u32> {
    match method.apportion(votes, house) {
        Ok(a) => a.into_seats(),
        Err(e) => panic!("{method} on {votes:?} with {house} seats failed: {e}"),
    }
}

/// <https://en.wikipedia.org/wiki/D%27Hondt_method>, worked example: parties
/// A to D, 8 seats. The same example appears in the Sainte-Laguë article,
/// where Webster gives 3, 3, 1, 1.
const WIKI_DHONDT: [u64; 4] = [100_000, 80_000, 30_000, 20_000];

#[test]
fn dhondt_wikipedia_example() {
    assert_eq!(seats(Method::DHondt, &WIKI_DHONDT, 8), [4, 3, 1, 0]);
}

#[test]
fn sainte_lague_wikipedia_example() {
    assert_eq!(seats(Method::SainteLague, &WIKI_DHONDT, 8), [3, 3, 1, 1]);
}

#[test]
fn imperiali_divisors_favour_the_largest_party() {
    // Divisors 2, 3, 4, ...: A's quotients 50k, 33.3k, 25k, 20k, 16.7k
    // beat B's 26.7k only from the 4th on; D's 10k never makes it.
    assert_eq!(seats(Method::Imperiali, &WIKI_DHONDT, 8), [5, 3, 0, 0]);
}

/// <https://en.wikipedia.org/wiki/Largest_remainder_method>, worked example:
/// six parties, 100,000 votes, 10 seats.
const WIKI_LR: [u64; 6] = [47_000, 16_000, 15_800, 12_000, 6_100, 3_100];

#[test]
fn hare_wikipedia_example() {
    // Quota 10,000: whole seats 4, 1, 1, 1, 0, 0 (7); remainders .70, .60,
    // .58, .20, .61, .31 -> the 3 left go to Yellows, Blues and Whites.
    assert_eq!(seats(Method::HARE, &WIKI_LR, 10), [5, 2, 1, 1, 1, 0]);
}

#[test]
fn droop_wikipedia_example() {
    // Quota floor(100000/11) + 1 = 9,091: whole 5, 1, 1, 1, 0, 0 (8);
    // remainders 1545, 6909, 6709, 2909, 6100, 3100 -> Whites and Reds.
    assert_eq!(seats(Method::DROOP, &WIKI_LR, 10), [5, 2, 2, 1, 0, 0]);
}

#[test]
fn hagenbach_bischoff_and_imperiali_quota_on_wikipedia_example() {
    // Quota 100000/11 = 9090.9: as Droop here. Quota 100000/12 = 8333.3:
    // whole 5, 1, 1, 1, 0, 0; remainders 5333, 7667, 7467, 3667, 6100, 3100.
    assert_eq!(seats(Method::HAGENBACH_BISCHOFF, &WIKI_LR, 10), [5, 2, 2, 1, 0, 0]);
    assert_eq!(seats(Method::IMPERIALI_QUOTA, &WIKI_LR, 10), [5, 2, 2, 1, 0, 0]);
}

#[test]
fn small_party_methods_on_wikipedia_example() {
    // Adams (divisors 0, 1, 2, ...) and Huntington-Hill give every party a
    // seat first; D'Hondt gives none to the two smallest.
    assert_eq!(seats(Method::Adams, &WIKI_LR, 10), [3, 2, 2, 1, 1, 1]);
    assert_eq!(seats(Method::HuntingtonHill, &WIKI_LR, 10), [4, 2, 1, 1, 1, 1]);
    assert_eq!(seats(Method::Dean, &WIKI_LR, 10), [4, 2, 1, 1, 1, 1]);
    assert_eq!(seats(Method::DHondt, &WIKI_LR, 10), [5, 2, 2, 1, 0, 0]);
    assert_eq!(seats(Method::SainteLague, &WIKI_LR, 10), [4, 2, 2, 1, 1, 0]);
    assert_eq!(seats(Method::Danish, &WIKI_LR, 10), [4, 2, 2, 1, 1, 0]);
    assert_eq!(seats(Method::MODIFIED_SAINTE_LAGUE, &WIKI_LR, 10), [5, 2, 2, 1, 0, 0]);
}

/// Five parties, 15 seats: seven different outcomes across the twelve
/// methods, each worked out seat by seat with exact fractions.
#[test]
fn neighbouring_methods_differ() {
    let votes = [42, 5_943, 350, 2_149, 910];
    let expected: [(Method, [u32; 5]); 12] = [
        (Method::DHondt, [0, 11, 0, 3, 1]),
        (Method::SainteLague, [0, 10, 1, 3, 1]),
        (Method::MODIFIED_SAINTE_LAGUE, [0, 10, 0, 4, 1]),
        (Method::HuntingtonHill, [1, 9, 1, 3, 1]),
        (Method::Adams, [1, 8, 1, 3, 2]),
        (Method::Dean, [1, 9, 1, 3, 1]),
        (Method::Danish, [0, 9, 1, 3, 2]),
        (Method::Imperiali, [0, 12, 0, 3, 0]),
        (Method::HARE, [0, 10, 1, 3, 1]),
        (Method::DROOP, [0, 10, 0, 4, 1]),
        (Method::HAGENBACH_BISCHOFF, [0, 10, 0, 4, 1]),
        (Method::IMPERIALI_QUOTA, [0, 10, 0, 4, 1]),
    ];
    for (method, want) in expected {
        assert_eq!(seats(method, &votes, 15), want, "{method}");
    }
}

/// U.S. Census Bureau, 2020 Census apportionment population and the
/// resulting apportionment of the 435 seats (Table 1 of the 2020 Census
/// Apportionment Results, April 2021), by Huntington-Hill (2 U.S.C. 2a).
#[test]
fn huntington_hill_reproduces_us_house_2020() {
    let states: [(&str, u64, u32); 50] = [
        ("AL", 5_030_053, 7),
        ("AK", 736_081, 1),
        ("AZ", 7_158_923, 9),
        ("AR", 3_013_756, 4),
        ("CA", 39_576_757, 52),
        ("CO", 5_782_171, 8),
        ("CT", 3_608_298, 5),
        ("DE", 990_837, 1),
        ("FL", 21_570_527, 28),
        ("GA", 10_725_274, 14),
        ("HI", 1_460_137, 2),
        ("ID", 1_841_377, 2),
        ("IL", 12_822_739, 17),
        ("IN", 6_790_280, 9),
        ("IA", 3_192_406, 4),
        ("KS", 2_940_865, 4),
        ("KY", 4_509_342, 6),
        ("LA", 4_661_468, 6),
        ("ME", 1_363_582, 2),
        ("MD", 6_185_278, 8),
        ("MA", 7_033_469, 9),
        ("MI", 10_084_442, 13),
        ("MN", 5_709_752, 8),
        ("MS", 2_963_914, 4),
        ("MO", 6_160_281, 8),
        ("MT", 1_085_407, 2),
        ("NE", 1_963_333, 3),
        ("NV", 3_108_462, 4),
        ("NH", 1_379_089, 2),
        ("NJ", 9_294_493, 12),
        ("NM", 2_120_220, 3),
        ("NY", 20_215_751, 26),
        ("NC", 10_453_948, 14),
        ("ND", 779_702, 1),
        ("OH", 11_808_848, 15),
        ("OK", 3_963_516, 5),
        ("OR", 4_241_500, 6),
        ("PA", 13_011_844, 17),
        ("RI", 1_098_163, 2),
        ("SC", 5_124_712, 7),
        ("SD", 887_770, 1),
        ("TN", 6_916_897, 9),
        ("TX", 29_183_290, 38),
        ("UT", 3_275_252, 4),
        ("VT", 643_503, 1),
        ("VA", 8_654_542, 11),
        ("WA", 7_715_946, 10),
        ("WV", 1_795_045, 2),
        ("WI", 5_897_473, 8),
        ("WY", 577_719, 1),
    ];
    let pops: Vec<u64> = states.iter().map(|s| s.1).collect();
    let got = seats(Method::HuntingtonHill, &pops, 435);
    for ((name, _, want), got) in states.iter().zip(&got) {
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn alabama_paradox_is_real_for_hare() {
    // Populations 6, 6, 2 (Balinski and Young's kind of example, Fair
    // Representation, 1982): with 10 seats the quotas are 4.29, 4.29, 1.43
    // and C takes the last seat; with 11 they are 4.71, 4.71, 1.57 and C
    // loses a seat although the house grew.
    let votes = [6, 6, 2];
    assert_eq!(seats(Method::HARE, &votes, 10), [4, 4, 2]);
    assert_eq!(seats(Method::HARE, &votes, 11), [5, 5, 1]);
    // A divisor method cannot do this: D'Hondt's quotients 6, 6, 3, 3, 2, 2,
    // 2, 1.5, 1.5 give [4, 4, 1] for 9 seats; the 10th is tied between A's
    // and B's 1.2; with 11 both get theirs and C keeps its seat.
    assert_eq!(seats(Method::DHondt, &votes, 9), [4, 4, 1]);
    assert_eq!(Method::DHondt.apportion(&votes, 10), Err(Error::Tie { parties: vec![0, 1], seats: 1 }));
    assert_eq!(seats(Method::DHondt, &votes, 11), [5, 5, 1]);
}

#[test]
fn tie_is_reported_with_parties_and_seats() {
    // Three equal parties, two seats: no method can decide.
    for method in Method::ALL {
        assert_eq!(
            method.apportion(&[7, 7, 7], 2),
            Err(Error::Tie { parties: vec![0, 1, 2], seats: 2 }),
            "{method}"
        );
    }
}

#[test]
fn tie_in_the_middle_of_a_divisor_run_is_not_a_tie() {
    // Equal quotients that all get a seat: 2 + 2 seats, nothing contested.
    assert_eq!(seats(Method::DHondt, &[10, 10], 4), [2, 2]);
    // Sainte-Laguë: 30, 30, then A's, B's and C's 10 all fit in 5 seats.
    assert_eq!(seats(Method::SainteLague, &[30, 30, 10], 5), [2, 2, 1]);
    // With 4 seats the three 10s contest 2 seats: a real tie.
    assert_eq!(
        Method::SainteLague.apportion(&[30, 30, 10], 4),
        Err(Error::Tie { parties: vec![0, 1, 2], seats: 2 })
    );
}

#[test]
fn tie_policies_decide_as_documented() {
    // D'Hondt: A 600 (quotients 600, 300, 200), B 300 (300, 150), C 200.
    // Seats 1 to 3: 600, then A's 300 and B's 300, which both fit. The 4th
    // seat: A's 200 against C's 200.
    let votes = [600, 300, 200];
    assert_eq!(seats(Method::DHondt, &votes, 3), [2, 1, 0]);
    let tied = Method::DHondt.apportion(&votes, 4);
    assert_eq!(tied, Err(Error::Tie { parties: vec![0, 2], seats: 1 }));
    let order = Method::DHondt.apportioner().ties(TieBreak::ListOrder).apportion(&votes, 4).unwrap();
    assert_eq!(order.seats(), &[3, 1, 0]);
    let by_votes = Method::DHondt.apportioner().ties(TieBreak::MoreVotes).apportion(&votes, 4).unwrap();
    assert_eq!(by_votes.seats(), &[3, 1, 0]);
    let tie = by_votes.tie().unwrap();
    assert_eq!((tie.parties.as_slice(), tie.seats, tie.winners.as_slice()), (&[0, 2][..], 1, &[0][..]));
    // MoreVotes with equal votes still refuses.
    let equal = Method::HARE.apportioner().ties(TieBreak::MoreVotes).apportion(&[5, 5], 1);
    assert_eq!(equal, Err(Error::Tie { parties: vec![0, 1], seats: 1 }));
}

#[test]
fn lot_is_reproducible_and_reported() {
    let a = Method::HARE.apportioner().ties(TieBreak::Lot { seed: 2023 });
    let first = a.apportion(&[1, 1, 1, 1, 1], 2).unwrap();
    let again = a.apportion(&[1, 1, 1, 1, 1], 2).unwrap();
    assert_eq!(first, again);
    let tie = first.tie().unwrap();
    assert_eq!(tie.parties, vec![0, 1, 2, 3, 4]);
    assert_eq!(tie.winners.len(), 2);
    for &w in &tie.winners {
        assert_eq!(first.seats()[w], 1);
    }
    assert_eq!(first.seats().iter().sum::<u32>(), 2);
}

#[test]
fn first_seat_methods_tie_when_seats_are_fewer_than_parties() {
    // Huntington-Hill, Adams and Dean give every party with votes an
    // infinite claim to its first seat.
    for method in [Method::HuntingtonHill, Method::Adams, Method::Dean] {
        assert_eq!(method.apportion(&[100, 50, 10], 2), Err(Error::Tie { parties: vec![0, 1, 2], seats: 2 }));
        let a = method.apportioner().ties(TieBreak::MoreVotes).apportion(&[100, 50, 10], 2).unwrap();
        assert_eq!(a.seats(), &[1, 1, 0], "{method}");
    }
}

#[test]
fn zero_vote_parties_never_get_seats() {
    for method in Method::ALL {
        let a = method.apportioner().ties(TieBreak::ListOrder).apportion(&[0, 3, 0], 5).unwrap();
        assert_eq!(a.seats(), &[0, 5, 0], "{method}");
    }
}

#[test]
fn droop_with_more_seats_than_votes_fills_the_house() {
    // V = 1, S = 5: quota floor(1/6) + 1 = 1, one whole seat, four left for
    // the only party with votes.
    assert_eq!(seats(Method::DROOP, &[1, 0], 5), [5, 0]);
}

#[test]
fn hagenbach_bischoff_over_allocation_is_taken_back() {
    // One party: quota 100/11, whole seats floor(100 * 11 / 100) = 11 > 10.
    assert_eq!(seats(Method::HAGENBACH_BISCHOFF, &[100], 10), [10]);
    let strict = Method::HAGENBACH_BISCHOFF.apportioner().excess(ExcessPolicy::Error);
    assert_eq!(
        strict.apportion(&[100], 10),
        Err(Error::OverAllocation { quota: "Hagenbach-Bischoff", given: 11, seats: 10 })
    );
}

#[test]
fn imperiali_quota_over_allocation_is_taken_from_smallest_remainders() {
    // Quota 100 / (2 + 2) = 25: A 70 -> 2 whole, remainder 20; B 30 -> 1
    // whole, remainder 5. Three whole seats for a house of two: B, with the
    // smaller remainder, gives its seat back.
    assert_eq!(seats(Method::IMPERIALI_QUOTA, &[70, 30], 2), [2, 0]);
    // Quota 25 again: 2 + 2 = 4 whole seats, two too many, one from each.
    assert_eq!(seats(Method::IMPERIALI_QUOTA, &[50, 50], 2), [1, 1]);
    let strict = Method::IMPERIALI_QUOTA.apportioner().excess(ExcessPolicy::Error);
    assert_eq!(
        strict.apportion(&[70, 30], 2),
        Err(Error::OverAllocation { quota: "Imperiali", given: 3, seats: 2 })
    );
}

#[test]
fn votes_near_u64_max_are_exact() {
    let m = u64::MAX;
    // Equal votes of 2^64 - 1 each: a true tie, not a rounding artefact.
    assert_eq!(Method::SainteLague.apportion(&[m, m], 1), Err(Error::Tie { parties: vec![0, 1], seats: 1 }));
    // One vote apart at 2^64: every method without a zero first divisor
    // must see the difference.
    for method in Method::ALL {
        if matches!(method, Method::HuntingtonHill | Method::Adams | Method::Dean) {
            continue;
        }
        assert_eq!(seats(method, &[m, m - 1], 1), [1, 0], "{method}");
    }
    // Huntington-Hill squares near 2^128: 1 seat each first, then the
    // larger party, by one vote.
    assert_eq!(seats(Method::HuntingtonHill, &[m, m - 1], 3), [2, 1]);
    assert_eq!(seats(Method::Dean, &[m, m - 1, m - 2], 4), [2, 1, 1]);
}

#[test]
fn huge_houses_cost_little() {
    // 10^9 seats and 4 billion-ish seats: the estimate lands near the
    // answer and a few exact steps finish it.
    let votes = [5, 3, 2];
    assert_eq!(seats(Method::DHondt, &votes, 1_000_000_000), [500_000_000, 300_000_000, 200_000_000]);
    let a = Method::SainteLague.apportion(&[1, 1, 1, 1], u32::MAX);
    // 2^32 - 1 is divisible by 3 but not by 4: three seats tied among four.
    assert_eq!(a, Err(Error::Tie { parties: vec![0, 1, 2, 3], seats: 3 }));
}

#[test]
fn bad_input_is_an_error() {
    assert_eq!(Method::DHondt.apportion(&[], 5), Err(Error::NoParties));
    assert_eq!(Method::DHondt.apportion(&[0, 0], 5), Err(Error::ZeroVotes));
    assert_eq!(Method::DHondt.apportion(&[1, 2], 0), Err(Error::NoSeats));
    assert!(matches!("modified-sainte-lague:3".parse::<Method>(), Err(Error::InvalidDivisor { .. })));
    assert!(matches!("modified-sainte-lague:0".parse::<Method>(), Err(Error::InvalidDivisor { .. })));
    assert!(matches!("borda".parse::<Method>(), Err(Error::UnknownMethod(_))));
}

#[test]
fn method_names_round_trip() {
    for method in Method::ALL {
        assert_eq!(method.to_string().parse::<Method>().unwrap(), method);
    }
    let m: Method = "modified-sainte-lague:1.2".parse().unwrap();
    assert_eq!(m.to_string(), "modified-sainte-lague:1.2");
    assert_eq!("JEFFERSON".parse::<Method>().unwrap(), Method::DHondt);
    assert_eq!("Webster".parse::<Method>().unwrap(), Method::SainteLague);
    assert_eq!("hamilton".parse::<Method>().unwrap(), Method::LargestRemainder(Quota::Hare));
}

#[test]
fn modified_sainte_lague_first_divisor_matters() {
    // A 10,000, B 3,000, C 1,050; 7 seats. First divisor 1.4: A 7142.9,
    // 3333.3, 2000, 1428.6, 1111.1; B 2142.9, 1000; C 750 -> [5, 2, 0].
    // First divisor 1 (plain Sainte-Laguë): C's 1050 beats B's 1000 -> [5, 1, 1].
    let votes = [10_000, 3_000, 1_050];
    assert_eq!(seats(Method::MODIFIED_SAINTE_LAGUE, &votes, 7), [5, 2, 0]);
    let plain = Method::modified_sainte_lague("1".parse().unwrap()).unwrap();
    assert_eq!(seats(plain, &votes, 7), [5, 1, 1]);
    assert_eq!(seats(Method::SainteLague, &votes, 7), [5, 1, 1]);
}

#[test]
fn audit_explains_a_hare_allocation() {
    // Hare, 10 seats on the Wikipedia example: quota 10,000.
    let a = Method::HARE.apportioner();
    let alloc = a.apportion(&WIKI_LR, 10).unwrap();
    let Audit::Quota(q) = a.explain(&WIKI_LR, &alloc).unwrap() else { panic!("quota audit expected") };
    assert_eq!(q.quota.to_f64(), 10_000.0);
    assert_eq!(q.whole_seats, 7);
    let whole: Vec<u64> = q.parties.iter().map(|r| r.whole).collect();
    assert_eq!(whole, [4, 1, 1, 1, 0, 0]);
    let bonus: Vec<i64> = q.parties.iter().map(|r| r.adjustment).collect();
    assert_eq!(bonus, [1, 1, 0, 0, 1, 0]);
    assert_eq!(q.parties[0].remainder.to_f64(), 7_000.0);
}
