//! Criterion benchmarks of every apportionment method on four workloads.
//!
//! Run with `cargo bench --bench apportion`. Groups are named by the method's
//! CLI name (`dhondt`, `hare`, `modified-sainte-lague`, ...); inside a group,
//! `saylau/<workload>` times [`Apportioner::apportion`], `into/<workload>`
//! times [`Apportioner::apportion_into`] (caller-owned seats buffer and
//! [`Scratch`], reused across iterations), and `float/<workload>` times a
//! textbook `f64` implementation of the same method written in this file
//! (the float floor: what a float-based crate costs on the same votes, see
//! [`float_apportion`]). The workloads:
//!
//! - `mazhilis_7p_69s`: the 7 list votes of the 2023 Mazhilis election
//!   (`data/mazhilis-2023.json`), Baytaq zeroed because it is below the 5%
//!   threshold, 69 seats;
//! - `us_house_50p_435s`: the 50 state populations of the 2020 US census
//!   (`data/us-census-2020-apportionment.json`), 435 seats;
//! - `1000p_10000s`: 1,000 parties with votes uniform in `1..=10^6`, 10,000 seats;
//! - `100p_1000000s`: 100 parties with votes uniform in `1..=10^9`, 1,000,000 seats.
//!
//! Random votes come from a fixed-seed `SplitMix64`, so every run measures the
//! same inputs. Every input is built outside the timed closure, and every
//! method runs with [`TieBreak::ListOrder`] so that a rare exact tie cannot
//! abort the run. The group `explain` times [`Apportioner::explain`] for
//! D'Hondt and Hare on the Mazhilis votes.

use std::collections::BinaryHeap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use saylau::apportion::Scratch;
use saylau::{Apportioner, Method, Quota, Threshold, TieBreak};
use serde_json::Value;

const MAZHILIS: &str = include_str!("../data/mazhilis-2023.json");
const US_CENSUS: &str = include_str!("../data/us-census-2020-apportionment.json");

/// One benchmark input: a name, the votes and the house size.
struct Workload {
    name: &'static str,
    votes: Vec<u64>,
    seats: u32,
}

/// The 2023 Mazhilis list votes with the parties below 5% of (party votes +
/// "against all") set to zero, as in the legal computation.
fn mazhilis() -> Workload {
    let data: Value = serde_json::from_str(MAZHILIS).expect("data/mazhilis-2023.json is valid JSON");
    let lists = data["lists"].as_array().expect("mazhilis: `lists` array");
    let votes: Vec<u64> =
        lists.iter().map(|l| l["votes"].as_u64().expect("mazhilis: list `votes` number")).collect();
    let against_all = data["against_all"].as_u64().expect("mazhilis: `against_all` number");
    let seats = u32::try_from(data["list_seats"].as_u64().expect("mazhilis: `list_seats` number"))
        .expect("mazhilis: `list_seats` fits in u32");
    let five: Threshold = "5".parse().expect("5% threshold");
    let eligible = five.eligible(&votes, against_all);
    let votes: Vec<u64> = votes.iter().zip(&eligible).map(|(&v, &e)| if e { v } else { 0 }).collect();
    assert_eq!(votes.len(), 7, "mazhilis: expected 7 lists");
    assert_eq!(votes[6], 0, "mazhilis: Baytaq (below 5%) should be zeroed");
    assert_eq!(seats, 69, "mazhilis: expected 69 list seats");
    Workload { name: "mazhilis_7p_69s", votes, seats }
}

/// The 2020 US census apportionment populations of the 50 states.
fn us_house() -> Workload {
    let data: Value =
        serde_json::from_str(US_CENSUS).expect("data/us-census-2020-apportionment.json is valid JSON");
    let votes: Vec<u64> = data["states"]
        .as_array()
        .expect("census: `states` array")
        .iter()
        .map(|s| s["population"].as_u64().expect("census: state `population` number"))
        .collect();
    let seats = u32::try_from(data["house_size"].as_u64().expect("census: `house_size` number"))
        .expect("census: `house_size` fits in u32");
    assert_eq!(votes.len(), 50, "census: expected 50 states");
    assert_eq!(seats, 435, "census: expected 435 seats");
    Workload { name: "us_house_50p_435s", votes, seats }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a tiny, fixed, portable generator.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `1..=max` (the modulo bias is below 10^-9 here, irrelevant
    /// for a benchmark input).
    fn votes(&mut self, max: u64) -> u64 {
        1 + self.next_u64() % max
    }
}

fn random(name: &'static str, parties: usize, max_votes: u64, seats: u32) -> Workload {
    let mut rng = SplitMix64(42);
    let votes = (0..parties).map(|_| rng.votes(max_votes)).collect();
    Workload { name, votes, seats }
}

fn workloads() -> Vec<Workload> {
    vec![
        mazhilis(),
        us_house(),
        random("1000p_10000s", 1_000, 1_000_000, 10_000),
        random("100p_1000000s", 100, 1_000_000_000, 1_000_000),
    ]
}

fn apportioner(method: Method) -> Apportioner {
    method.apportioner().ties(TieBreak::ListOrder)
}

// ---------------------------------------------------------------------------
// The float floor: textbook f64 implementations, as float-based crates write
// them. Not exact (a float decides the seats), only a speed reference.
// ---------------------------------------------------------------------------

/// The textbook `f64` allocation of `seats` among `votes` by `method`.
fn float_apportion(method: Method, votes: &[u64], seats: u32) -> Vec<u32> {
    match method {
        Method::LargestRemainder(q) => float_largest_remainder(q, votes, seats),
        m => float_highest_averages(m, votes, seats),
    }
}

/// Largest remainder in `f64`: one division per party by the quota, the
/// floor (by truncation, as the quotients are non-negative: a libm `floor`
/// call would only make the floor slower), then the fractional parts sorted.
fn float_largest_remainder(quota: Quota, votes: &[u64], seats: u32) -> Vec<u32> {
    let total: f64 = votes.iter().map(|&v| v as f64).sum();
    let s = seats as f64;
    let q = match quota {
        Quota::Hare => total / s,
        Quota::Droop => ((total / (s + 1.0)) as u64) as f64 + 1.0,
        Quota::HagenbachBischoff => total / (s + 1.0),
        Quota::Imperiali => total / (s + 2.0),
    };
    let mut seats_of = Vec::with_capacity(votes.len());
    let mut fractions = Vec::with_capacity(votes.len());
    let mut given = 0u64;
    for (i, &v) in votes.iter().enumerate() {
        let x = v as f64 / q;
        let whole = x as u64;
        seats_of.push(whole as u32);
        given += whole;
        if v > 0 {
            fractions.push((x - whole as f64, i));
        }
    }
    fractions.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
    let house = seats as u64;
    if given < house {
        for &(_, i) in fractions.iter().cycle().take((house - given) as usize) {
            seats_of[i] += 1;
        }
    } else if given > house {
        let mut excess = (given - house) as usize;
        for &(_, i) in fractions.iter().rev() {
            if excess > 0 && seats_of[i] > 0 {
                seats_of[i] -= 1;
                excess -= 1;
            }
        }
    }
    seats_of
}

/// The divisor `d(s)` of a party's seat `s + 1` in `f64`.
fn float_divisor(method: Method, s: u32) -> f64 {
    let s = s as f64;
    match method {
        Method::DHondt => s + 1.0,
        Method::SainteLague => 2.0 * s + 1.0,
        Method::ModifiedSainteLague(f) if s == 0.0 => f.to_f64(),
        Method::ModifiedSainteLague(_) => 2.0 * s + 1.0,
        Method::HuntingtonHill => (s * (s + 1.0)).sqrt(),
        Method::Adams => s,
        Method::Dean => 2.0 * s * (s + 1.0) / (2.0 * s + 1.0),
        Method::Danish => 3.0 * s + 1.0,
        Method::Imperiali => s + 2.0,
        Method::LargestRemainder(_) => unreachable!("not a divisor method"),
    }
}

/// A heap entry of the float divisor method: the quotient, then the earlier
/// party first among equal quotients.
#[derive(PartialEq)]
struct FloatClaim(f64, usize);

impl Eq for FloatClaim {}
impl PartialOrd for FloatClaim {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for FloatClaim {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0).then(other.1.cmp(&self.1))
    }
}

/// A divisor method in `f64`: a binary heap of the quotients `v / d(s)`,
/// one seat per pop.
fn float_highest_averages(method: Method, votes: &[u64], seats: u32) -> Vec<u32> {
    let mut seats_of = vec![0u32; votes.len()];
    let mut heap: BinaryHeap<FloatClaim> = votes
        .iter()
        .enumerate()
        .filter(|&(_, &v)| v > 0)
        .map(|(i, &v)| FloatClaim(v as f64 / float_divisor(method, 0), i))
        .collect();
    for _ in 0..seats {
        let Some(FloatClaim(_, i)) = heap.pop() else { break };
        seats_of[i] += 1;
        heap.push(FloatClaim(votes[i] as f64 / float_divisor(method, seats_of[i]), i));
    }
    seats_of
}

fn bench_methods(c: &mut Criterion) {
    let workloads = workloads();
    for method in Method::ALL {
        let a = apportioner(method);
        let mut group = c.benchmark_group(method.to_string());
        group.measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
        for w in &workloads {
            let exact = match a.apportion(&w.votes, w.seats) {
                Ok(alloc) => alloc.into_seats(),
                Err(e) => panic!("{method} on {} failed before timing: {e}", w.name),
            };
            let float = float_apportion(method, &w.votes, w.seats);
            assert_eq!(float.iter().map(|&s| s as u64).sum::<u64>(), w.seats as u64, "float {method}");
            let differ = exact.iter().zip(&float).filter(|(a, b)| a != b).count();
            if differ > 0 {
                eprintln!("note: float {method} differs from saylau on {} for {differ} parties", w.name);
            }
            group.bench_function(BenchmarkId::new("saylau", w.name), |b| {
                b.iter(|| a.apportion(black_box(&w.votes), black_box(w.seats)))
            });
            group.bench_function(BenchmarkId::new("float", w.name), |b| {
                b.iter(|| float_apportion(method, black_box(&w.votes), black_box(w.seats)))
            });
            let mut out = vec![0; w.votes.len()];
            let mut scratch = Scratch::new();
            if let Err(e) = a.apportion_into(&w.votes, w.seats, &mut out, &mut scratch) {
                panic!("{method} into on {} failed before timing: {e}", w.name);
            }
            assert_eq!(out, exact, "{method} on {}: apportion_into differs from apportion", w.name);
            group.bench_function(BenchmarkId::new("into", w.name), |b| {
                b.iter(|| a.apportion_into(black_box(&w.votes), black_box(w.seats), &mut out, &mut scratch))
            });
        }
        group.finish();
    }
}

fn bench_explain(c: &mut Criterion) {
    let w = mazhilis();
    let mut group = c.benchmark_group("explain");
    group.measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
    for method in [Method::DHondt, Method::HARE] {
        let a = apportioner(method);
        let allocation = a
            .apportion(&w.votes, w.seats)
            .unwrap_or_else(|e| panic!("{method} on {} failed before timing: {e}", w.name));
        if let Err(e) = a.explain(&w.votes, &allocation) {
            panic!("explain {method} on {} failed before timing: {e}", w.name);
        }
        group.bench_function(BenchmarkId::new(method.to_string(), w.name), |b| {
            b.iter(|| a.explain(black_box(&w.votes), black_box(&allocation)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_methods, bench_explain);
criterion_main!(benches);
