//! Differential oracle: a slow, obviously correct apportionment written from
//! the textbook definitions with big rationals (`num-rational`), compared
//! with the fast library on seeded random cases across every method,
//! threshold, tie policy and excess policy.
//!
//! This is independent of `tests/reference/mod.rs` (which has its own
//! 256-bit arithmetic): every number here is a `BigRational`, and the
//! divisor methods give seats one at a time to the largest `v / d(s)`.
//!
//! - `oracle_agrees_on_random_cases` runs in CI (20,000 cases; set
//!   `ORACLE_CASES` for more).
//! - `oracle_one_million_cases` is ignored; run it in release:
//!   `cargo test --release --test core -- --ignored oracle::`.
//!
//! A failure prints the seed of the case; `ORACLE_SEED=0x... cargo test
//! --test core oracle::oracle_replays_one_seed` replays it alone.

use std::cmp::Ordering;

use num_bigint::BigInt;
use num_rational::BigRational;
use num_traits::{One, Zero};
use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};
use saylau::{Allocation, Error, ExcessPolicy, Method, Quota, Ratio, Threshold, TieBreak, TieResolution};

type Q = BigRational;

fn int(n: impl Into<BigInt>) -> Q {
    Q::from_integer(n.into())
}

// ---------------------------------------------------------------------------
// The oracle
// ---------------------------------------------------------------------------

/// A claim `v / d(s)`; `None` is infinite (a zero divisor).
type Claim = Option<Q>;

fn cmp_claim(a: &Claim, b: &Claim) -> Ordering {
    match (a, b) {
        (None, None) => Ordering::Equal,
        (None, Some(_)) => Ordering::Greater,
        (Some(_), None) => Ordering::Less,
        (Some(x), Some(y)) => x.cmp(y),
    }
}

/// The divisor `d(s)` of a party's seat `s + 1`, from the textbook; for
/// Huntington-Hill its square `s(s+1)` (quotients are then compared squared).
fn divisor(method: Method, s: u64) -> Q {
    let s = int(s);
    let two = int(2);
    match method {
        Method::DHondt => &s + Q::one(),
        // 1, 3, 5, ...
        Method::SainteLague => &two * &s + Q::one(),
        // F, 3, 5, 7, ...
        Method::ModifiedSainteLague(f) if s.is_zero() => {
            Q::new(BigInt::from(f.numer()), BigInt::from(f.denom()))
        }
        Method::ModifiedSainteLague(_) => &two * &s + Q::one(),
        Method::HuntingtonHill => &s * (&s + Q::one()),
        Method::Adams => s,
        Method::Dean => &two * &s * (&s + Q::one()) / (&two * &s + Q::one()),
        // 1, 4, 7, ...
        Method::Danish => int(3) * &s + Q::one(),
        // 2, 3, 4, ...
        Method::Imperiali => &s + &two,
        Method::LargestRemainder(_) => unreachable!("not a divisor method"),
    }
}

fn claim(method: Method, v: u64, s: u64) -> Claim {
    let d = divisor(method, s);
    if d.is_zero() {
        return None;
    }
    let v = int(v);
    let numer = if method == Method::HuntingtonHill { &v * &v } else { v };
    Some(numer / d)
}

/// The seats that are certain and, if the last seats cannot be given without
/// choosing between equal claims, those parties and the seats they contest.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Exact {
    seats: Vec<u64>,
    tie: Option<(Vec<usize>, u64)>,
}

/// Divisor methods, seat by seat: the next seat goes to the largest claim.
/// When several parties share the largest claim and there are seats for all
/// of them, they all get one (in any order the result is the same); when
/// there are not, they are tied for the seats left.
fn divisor_method(method: Method, votes: &[u64], house: u64) -> Exact {
    let mut seats = vec![0u64; votes.len()];
    let mut claims: Vec<Option<Claim>> =
        votes.iter().map(|&v| (v > 0).then(|| claim(method, v, 0))).collect();
    let mut left = house;
    while left > 0 {
        let mut best: Vec<usize> = Vec::new();
        for i in 0..votes.len() {
            let Some(c) = &claims[i] else { continue };
            match best.first() {
                None => best.push(i),
                Some(&b) => match cmp_claim(c, claims[b].as_ref().expect("has votes")) {
                    Ordering::Greater => best = vec![i],
                    Ordering::Equal => best.push(i),
                    Ordering::Less => {}
                },
            }
        }
        if best.len() as u64 > left {
            return Exact { seats, tie: Some((best, left)) };
        }
        for &i in &best {
            seats[i] += 1;
            claims[i] = Some(claim(method, votes[i], seats[i]));
        }
        left -= best.len() as u64;
    }
    Exact { seats, tie: None }
}

/// The quota `q` for `V` votes and `S` seats.
fn quota(q: Quota, total: u128, house: u64) -> Q {
    let (v, s) = (int(total), int(house));
    match q {
        Quota::Hare => v / s,
        Quota::Droop => (v / (s + Q::one())).floor() + Q::one(),
        Quota::HagenbachBischoff => v / (s + Q::one()),
        Quota::Imperiali => v / (s + int(2)),
    }
}

/// What a largest-remainder method gives: the exact result, or the number
/// of whole seats when they exceed the house.
#[derive(Debug)]
struct QuotaOutcome {
    exact: Exact,
    over_allocated: Option<u64>,
}

/// Largest remainder: `floor(v / q)` whole seats each, then (as the library
/// documents) the seats left one each to the parties with votes, largest
/// remainders first, every such party first getting as many whole rounds
/// as fit; or, if the quota handed out too many, the seats taken back one
/// each from the seat holders with the smallest remainders (whole rounds
/// first likewise). Equal remainders at the boundary are a tie: for seats
/// left, for those seats; when taking back, for keeping a seat.
fn largest_remainder(q: Quota, votes: &[u64], house: u64) -> QuotaOutcome {
    let total: u128 = votes.iter().map(|&v| v as u128).sum();
    let quota = quota(q, total, house);
    let mut whole: Vec<u64> = Vec::new();
    let mut rem: Vec<Q> = Vec::new();
    for &v in votes {
        let share = int(v) / &quota;
        let w = share.floor();
        rem.push((share - &w) * &quota);
        whole.push(u64::try_from(w.to_integer()).expect("whole seats fit u64"));
    }
    let given: u64 = whole.iter().sum();
    let mut tie = None;
    let mut over_allocated = None;
    if given < house {
        let cands: Vec<usize> = (0..votes.len()).filter(|&i| votes[i] > 0).collect();
        let n = cands.len() as u64;
        let (rounds, left) = ((house - given) / n, (house - given) % n);
        for &i in &cands {
            whole[i] += rounds;
        }
        if left > 0 {
            let (won, t) = best_by(&cands, left, |a, b| rem[b].cmp(&rem[a]));
            for i in won {
                whole[i] += 1;
            }
            tie = t;
        }
    } else if given > house {
        over_allocated = Some(given);
        let holders: Vec<usize> = (0..votes.len()).filter(|&i| whole[i] > 0).collect();
        let n = holders.len() as u64;
        let (rounds, left) = ((given - house) / n, (given - house) % n);
        for &i in &holders {
            whole[i] -= rounds;
        }
        if left > 0 {
            // Every holder loses a seat except the `n - left` best remainders.
            for &i in &holders {
                whole[i] -= 1;
            }
            let (kept, t) = best_by(&holders, n - left, |a, b| rem[b].cmp(&rem[a]));
            for i in kept {
                whole[i] += 1;
            }
            tie = t;
        }
    }
    QuotaOutcome { exact: Exact { seats: whole, tie }, over_allocated }
}

/// The `k` best of `cands` by `order` (`Less`: the first is better), and
/// the tie at the boundary if the `k`-th best is level with the next.
fn best_by(
    cands: &[usize],
    k: u64,
    order: impl Fn(usize, usize) -> Ordering,
) -> (Vec<usize>, Option<(Vec<usize>, u64)>) {
    let k = k as usize;
    let mut sorted = cands.to_vec();
    sorted.sort_by(|&a, &b| order(a, b));
    let cut = sorted[k - 1];
    if sorted.get(k).is_none_or(|&next| order(cut, next) == Ordering::Less) {
        return (sorted[..k].to_vec(), None);
    }
    let better: Vec<usize> = sorted.iter().copied().filter(|&i| order(i, cut) == Ordering::Less).collect();
    let mut level: Vec<usize> =
        sorted.iter().copied().filter(|&i| order(i, cut) == Ordering::Equal).collect();
    level.sort_unstable();
    let contested = (k - better.len()) as u64;
    (better, Some((level, contested)))
}

/// Breaks the tie by `policy` as documented on [`TieBreak`].
fn settle(
    exact: &Exact,
    votes: &[u64],
    policy: TieBreak,
) -> Result<(Vec<u64>, Option<TieResolution>), Error> {
    let Some((tied, contested)) = &exact.tie else {
        return Ok((exact.seats.clone(), None));
    };
    let k = *contested as usize;
    let tie_error = |parties: Vec<usize>, seats: usize| Error::Tie { parties, seats: seats as u32 };
    let mut winners: Vec<usize> = match policy {
        TieBreak::Error => return Err(tie_error(tied.clone(), k)),
        // The list registered first.
        TieBreak::ListOrder => tied[..k].to_vec(),
        // More votes first; if the boundary still falls between equal votes, a tie.
        TieBreak::MoreVotes => {
            let mut order = tied.clone();
            order.sort_by(|&a, &b| votes[b].cmp(&votes[a]));
            let cut = votes[order[k - 1]];
            if order.get(k).is_some_and(|&i| votes[i] == cut) {
                let more = tied.iter().filter(|&&i| votes[i] > cut).count();
                let level = tied.iter().copied().filter(|&i| votes[i] == cut).collect();
                return Err(tie_error(level, k - more));
            }
            order[..k].to_vec()
        }
        // Each tied party in input order draws a u64 from ChaCha8 seeded with
        // the seed; the lowest draws win, equal draws the earlier party.
        TieBreak::Lot { seed } => {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut draws: Vec<(u64, usize)> = tied.iter().map(|&i| (rng.next_u64(), i)).collect();
            draws.sort();
            draws[..k].iter().map(|&(_, i)| i).collect()
        }
    };
    winners.sort_unstable();
    let mut seats = exact.seats.clone();
    for &w in &winners {
        seats[w] += 1;
    }
    Ok((seats, Some(TieResolution { parties: tied.clone(), seats: k as u32, winners, policy })))
}

/// Who passes the threshold: votes above zero and `votes >= percent% of base`.
fn eligible(percent: &Q, votes: &[u64], extra_base: u64) -> Vec<bool> {
    let base = int(votes.iter().map(|&v| v as u128).sum::<u128>() + extra_base as u128);
    let needed = percent * base / int(100);
    votes.iter().map(|&v| v > 0 && int(v) >= needed).collect()
}

/// Seats per party and the tie broken, or the error.
type Answer = Result<(Vec<u64>, Option<TieResolution>), Error>;

/// The whole expected answer for one case: who passes the threshold, and the seats.
fn expected(case: &Case) -> (Vec<bool>, Answer) {
    let percent = Q::new(BigInt::from(case.threshold.0), BigInt::from(case.threshold.1));
    let passing = eligible(&percent, &case.votes, case.extra_base);
    let votes: Vec<u64> = case.votes.iter().zip(&passing).map(|(&v, &e)| if e { v } else { 0 }).collect();
    let result = (|| {
        if votes.is_empty() {
            return Err(Error::NoParties);
        }
        if case.seats == 0 {
            return Err(Error::NoSeats);
        }
        if votes.iter().all(|&v| v == 0) {
            return Err(Error::ZeroVotes);
        }
        let house = case.seats as u64;
        let exact = match case.method {
            Method::LargestRemainder(q) => {
                let out = largest_remainder(q, &votes, house);
                if let (Some(given), ExcessPolicy::Error) = (out.over_allocated, case.excess) {
                    return Err(Error::OverAllocation { quota: q.label(), given, seats: case.seats });
                }
                out.exact
            }
            m => divisor_method(m, &votes, house),
        };
        settle(&exact, &votes, case.ties)
    })();
    (passing, result)
}

// ---------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct Case {
    seed: u64,
    votes: Vec<u64>,
    seats: u32,
    method: Method,
    /// Percent as `numer / denom`.
    threshold: (u128, u128),
    extra_base: u64,
    ties: TieBreak,
    excess: ExcessPolicy,
}

/// SplitMix64: a tiny deterministic generator for the cases.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `lo..=hi` (bias irrelevant here).
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        match (hi - lo).checked_add(1) {
            Some(span) => lo + self.next() % span,
            None => self.next(),
        }
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// The case of one seed, the same on every machine.
fn case(seed: u64) -> Case {
    let mut g = Gen(seed);
    // Party count and vote family.
    let family = g.range(0, 99);
    let parties = match family {
        0..=1 => g.range(100, 10_000) as usize, // many parties, few seats
        _ => g.range(1, 12) as usize,
    };
    let unit = g.range(1, 1000);
    let votes: Vec<u64> = (0..parties)
        .map(|_| match family {
            0..=1 => g.range(0, 1_000),
            2..=29 => g.range(0, 12),                               // small: ties
            30..=49 => g.range(0, 8) * unit,                        // multiples: quota ties
            50..=64 => u64::MAX - g.range(0, 3) * g.range(0, 1000), // near 2^64
            65..=74 => g.next() >> g.range(0, 63),                  // any magnitude
            _ => g.range(0, 2_000_000),
        })
        .collect();
    let seats = match g.range(0, 99) {
        0 => 0,
        _ if parties > 12 => g.range(1, 20) as u32,
        1..=5 if parties <= 4 => g.range(1, 3_000) as u32,
        6..=40 => g.range(1, 10) as u32,
        _ => g.range(1, 120) as u32,
    };
    let method = match g.range(0, 12) {
        12 => {
            let denom = g.range(1, 1000) as u128;
            // Mostly valid first divisors in (0, 3), sometimes not.
            let numer = if g.chance(90) { g.range(1, 3 * denom as u64 - 1) as u128 } else { 3 * denom };
            Method::ModifiedSainteLague(Ratio::new(numer, denom).expect("denominator above zero"))
        }
        i => Method::ALL[i as usize],
    };
    let threshold = match g.range(0, 9) {
        0..=3 => (0, 1),
        4 => (5, 1),
        5 => (7, 1),
        6 => (100, 1),
        _ => {
            let denom = g.range(1, 100) as u128;
            (g.range(0, 100 * denom as u64) as u128, denom)
        }
    };
    let extra_base =
        if g.chance(30) { g.range(0, votes.iter().copied().max().unwrap_or(0).max(1)) } else { 0 };
    let ties = match g.range(0, 3) {
        0 => TieBreak::Error,
        1 => TieBreak::ListOrder,
        2 => TieBreak::MoreVotes,
        _ => TieBreak::Lot { seed: g.next() },
    };
    let excess = if g.chance(50) { ExcessPolicy::Error } else { ExcessPolicy::RemoveSmallestRemainders };
    Case { seed, votes, seats, method, threshold, extra_base, ties, excess }
}

/// Runs one case through both; `Err` describes the disagreement, `Ok(true)`
/// says the case had a tie (broken or reported).
fn check(case: &Case) -> Result<bool, String> {
    let (passing, want) = expected(case);
    let (numer, denom) = case.threshold;
    let ratio = Ratio::new(numer, denom).map_err(|e| format!("threshold: {e}"))?;
    let threshold = Threshold::new(ratio).map_err(|e| format!("threshold: {e}"))?;
    let got_passing = threshold.eligible(&case.votes, case.extra_base);
    if got_passing != passing {
        return Err(format!("eligibility: library {got_passing:?}, oracle {passing:?}"));
    }
    let votes: Vec<u64> = case.votes.iter().zip(&passing).map(|(&v, &e)| if e { v } else { 0 }).collect();
    let method = match case.method {
        // The constructor validates the first divisor: 0 < F < 3.
        Method::ModifiedSainteLague(f) => match Method::modified_sainte_lague(f) {
            Ok(m) => m,
            Err(e) => {
                let valid = f.numer() > 0 && f.numer() < 3 * f.denom();
                return if valid { Err(format!("valid divisor {f} refused: {e}")) } else { Ok(false) };
            }
        },
        m => m,
    };
    let got = method.apportioner().ties(case.ties).excess(case.excess).apportion(&votes, case.seats);
    let got = got
        .map(|a: Allocation| (a.seats().iter().map(|&s| s as u64).collect::<Vec<u64>>(), a.tie().cloned()));
    if got != want {
        return Err(format!("library {got:?}\n   oracle {want:?}"));
    }
    Ok(matches!(&want, Err(Error::Tie { .. })) || want.as_ref().is_ok_and(|(_, t)| t.is_some()))
}

fn describe(case: &Case) -> String {
    let mut votes = format!("{:?}", case.votes);
    if votes.len() > 400 {
        votes = format!("{} parties: {}...", case.votes.len(), &votes[..400]);
    }
    format!(
        "seed {:#018x}: method {}, seats {}, threshold {}/{}%, extra base {}, ties {}, excess {:?}, votes {}",
        case.seed,
        case.method,
        case.seats,
        case.threshold.0,
        case.threshold.1,
        case.extra_base,
        case.ties,
        case.excess,
        votes
    )
}

/// Runs `count` cases from `first_seed` on all cores; panics with the seeds
/// of the first failures. Returns how many cases had a tie.
fn run_cases(first_seed: u64, count: u64) -> u64 {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let start = std::time::Instant::now();
    let results: Vec<(Vec<String>, u64)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let (mut failures, mut ties) = (Vec::new(), 0u64);
                    let mut i = t;
                    while i < count && failures.len() < 5 {
                        let c = case(first_seed.wrapping_add(i));
                        match check(&c) {
                            Ok(tie) => ties += tie as u64,
                            Err(why) => failures.push(format!("{}\n   {why}", describe(&c))),
                        }
                        i += threads;
                    }
                    (failures, ties)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().expect("a worker panicked")).collect()
    });
    let ties: u64 = results.iter().map(|r| r.1).sum();
    let failures: Vec<&String> = results.iter().flat_map(|r| &r.0).collect();
    eprintln!("oracle: {count} cases from seed {first_seed:#x} in {:.1?}, {ties} with ties", start.elapsed());
    let text: Vec<&str> = failures.iter().map(|s| s.as_str()).collect();
    assert!(failures.is_empty(), "{} disagreement(s):\n{}", failures.len(), text.join("\n"));
    ties
}

fn cases_from_env(default: u64) -> u64 {
    std::env::var("ORACLE_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[test]
fn oracle_agrees_on_random_cases() {
    let ties = run_cases(0x5A71_A000_0000_0000, cases_from_env(20_000));
    assert!(ties > 1_000, "ties are exercised: {ties}");
}

#[test]
#[ignore = "a million cases: run in release (cargo test --release --test core -- --ignored oracle::)"]
fn oracle_one_million_cases() {
    run_cases(0x0E1E_C710_0000_0000, cases_from_env(1_000_000));
}

/// Replays one case: `ORACLE_SEED=0x... cargo test --test core oracle::oracle_replays_one_seed`.
#[test]
fn oracle_replays_one_seed() {
    let Ok(text) = std::env::var("ORACLE_SEED") else { return };
    let seed = u64::from_str_radix(text.trim_start_matches("0x"), 16).expect("a hexadecimal seed");
    let c = case(seed);
    if let Err(why) = check(&c) {
        panic!("{}\n   {why}", describe(&c));
    }
}

#[test]
fn oracle_knows_the_textbook_examples() {
    // Wikipedia's D'Hondt and Sainte-Laguë examples, checked against the oracle itself.
    let votes = [100_000, 80_000, 30_000, 20_000];
    assert_eq!(divisor_method(Method::DHondt, &votes, 8).seats, [4, 3, 1, 0]);
    assert_eq!(divisor_method(Method::SainteLague, &votes, 8).seats, [3, 3, 1, 1]);
    // Hamilton: 69 Mazhilis list seats of 2023 among the six lists over 5%.
    let mazhilis = [3_431_510, 693_938, 547_154, 535_139, 432_920, 331_058, 0];
    assert_eq!(largest_remainder(Quota::Hare, &mazhilis, 69).exact.seats, [40, 8, 6, 6, 5, 4, 0]);
    // Two equal parties, one seat: a tie for one seat.
    let tie = divisor_method(Method::DHondt, &[5, 5], 1);
    assert_eq!(tie.tie, Some((vec![0, 1], 1)));
    // Adams gives every party with votes its first seat: three parties, two seats, all tied.
    assert_eq!(divisor_method(Method::Adams, &[9, 5, 1], 2).tie, Some((vec![0, 1, 2], 2)));
    // Huntington-Hill, squares: 2 seats for [10, 4] after the first seats: 10^2/2 = 50 > 16.
    assert_eq!(divisor_method(Method::HuntingtonHill, &[10, 4], 3).seats, [2, 1]);
    // Hagenbach-Bischoff over-allocates when every share is whole: [2, 2], one seat, quota 2.
    let over = largest_remainder(Quota::HagenbachBischoff, &[2, 2], 1);
    assert_eq!(over.over_allocated, Some(2));
    assert_eq!(over.exact.tie, Some((vec![0, 1], 1)));
    // Thresholds are inclusive: 5 of 100 is 5%.
    assert_eq!(eligible(&int(5), &[95, 5, 0], 0), [true, true, false]);
    assert_eq!(eligible(&int(5), &[95, 4], 1), [true, false]);
}

#[test]
fn oracle_covers_every_method_and_policy() {
    // The case generator reaches each method, tie policy, excess policy,
    // huge votes and many parties within the CI run.
    let mut methods = std::collections::BTreeSet::new();
    let mut policies = std::collections::BTreeSet::new();
    let (mut near_max, mut many, mut big_house) = (0, 0, 0);
    for i in 0..20_000u64 {
        let c = case(0x5A71_A000_0000_0000 + i);
        methods.insert(match c.method {
            Method::ModifiedSainteLague(_) => "modified".to_string(),
            m => m.to_string(),
        });
        policies.insert(format!("{:?}", (std::mem::discriminant(&c.ties), c.excess)));
        near_max += c.votes.iter().any(|&v| v > u64::MAX - 1_000_000) as u32;
        many += (c.votes.len() >= 1_000) as u32;
        big_house += (c.seats >= 1_000) as u32;
    }
    // The eleven other methods and modified Sainte-Laguë (1.4 or any first divisor).
    assert_eq!(methods.len(), 12, "{methods:?}");
    assert_eq!(policies.len(), 8, "{policies:?}");
    assert!(near_max > 1_000 && many > 100 && big_house > 50, "{near_max} {many} {big_house}");
}

#[test]
fn oracle_agrees_with_extreme_first_divisors() {
    // Modified Sainte-Laguë with first divisors at the edges of (0, 3) and
    // denominators up to 2^64 - 1, on the usual random votes and houses.
    let max = u64::MAX as u128;
    let firsts =
        [(1, max), (3 * max - 1, max), (max - 1, max), (1, 2), (5, 2), (2, 1), (max, max - 1), (1, 3)];
    for (k, &(numer, denom)) in firsts.iter().enumerate() {
        let first = Ratio::new(numer, denom).expect("denominator above zero");
        for i in 0..100u64 {
            let mut c = case(0xF1_0000 + 1000 * k as u64 + i);
            c.method = Method::ModifiedSainteLague(first);
            if let Err(why) = check(&c) {
                panic!("{}\n   {why}", describe(&c));
            }
        }
    }
}
