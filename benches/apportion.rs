//! Criterion benchmarks of every apportionment method on four workloads.
//!
//! Run with `cargo bench --bench apportion`. Groups are named by the method's
//! CLI name (`dhondt`, `hare`, `modified-sainte-lague`, ...), and each
//! benchmark by its workload:
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

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use saylau::{Apportioner, Method, Threshold, TieBreak};
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

fn bench_methods(c: &mut Criterion) {
    let workloads = workloads();
    for method in Method::ALL {
        let a = apportioner(method);
        let mut group = c.benchmark_group(method.to_string());
        group.measurement_time(Duration::from_secs(2)).warm_up_time(Duration::from_millis(500));
        for w in &workloads {
            if let Err(e) = a.apportion(&w.votes, w.seats) {
                panic!("{method} on {} failed before timing: {e}", w.name);
            }
            group.bench_function(w.name, |b| b.iter(|| a.apportion(black_box(&w.votes), black_box(w.seats))));
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
