//! Criterion benches of the Monte Carlo simulator: full 98-seat Mazhilis
//! elections (7 lists plus "against all", 29 districts with 3 to 6
//! candidates each; `scenarios/mazhilis-2023-illustrative-districts.json`),
//! reported as elections per second (`Throughput::Elements(runs)`).
//!
//! `cargo bench --bench simulate`

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use saylau::scenario::Scenario;
use saylau::simulate::RunOptions;

const SCENARIO: &str = include_str!("../scenarios/mazhilis-2023-illustrative-districts.json");

fn simulate(c: &mut Criterion) {
    let scenario = Scenario::from_json(SCENARIO).expect("the shipped scenario parses");
    let sim = scenario.simulation().expect("the shipped scenario simulates");
    let runs: u64 = 65_536;
    let mut group = c.benchmark_group("simulate");
    group.throughput(Throughput::Elements(runs));
    group.sample_size(10).measurement_time(Duration::from_secs(8)).warm_up_time(Duration::from_secs(1));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    for (label, t) in [("1_thread", 1usize), ("all_threads", threads)] {
        group.bench_with_input(BenchmarkId::new("mazhilis_98s_29d", label), &t, |b, &t| {
            let options = RunOptions { threads: Some(t), ..RunOptions::default() };
            b.iter(|| black_box(sim.run_with(black_box(7), runs, &options).expect("simulation runs")));
        });
    }
    group.finish();
}

criterion_group!(benches, simulate);
criterion_main!(benches);
