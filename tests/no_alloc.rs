//! Counting without allocating: the buffer APIs allocate nothing once their
//! buffers have grown, and a simulated election allocates nothing after the
//! first run of a worker.
//!
//! The counting allocator of `allocation-counter` counts the allocations of
//! the thread that measures; the simulator runs on that thread here
//! (`threads: Some(1)`).

use saylau::apportion::Scratch;
use saylau::scenario::Scenario;
use saylau::simulate::{BLOCK, RunOptions};
use saylau::system::{ListOutcome, ListScratch, Overrides, Preset};
use saylau::{Error, Method, TieBreak};

/// Allocations made by `f` on this thread (`allocation-counter` counts per
/// thread, through its global allocator).
fn allocations<R>(f: impl FnOnce() -> R) -> (u64, R) {
    let mut r = None;
    let info = allocation_counter::measure(|| r = Some(f()));
    (info.count_total, r.expect("the closure ran"))
}

/// The 2023 Mazhilis list votes (`scenarios/mazhilis-2023.json`), moved a
/// little each time so that every count differs.
fn votes(step: u64) -> [u64; 7] {
    let swing = (step % 50) * 1_000;
    [3_431_510 - swing, 693_938 + swing, 547_154, 535_139, 432_920, 331_058, 146_431]
}

#[test]
fn counting_loops_allocate_nothing_after_warm_up() {
    // 1. `Apportioner::apportion_into`, every method.
    let methods = [
        Method::HARE,
        Method::LargestRemainder(saylau::Quota::Droop),
        Method::DHondt,
        Method::SainteLague,
        Method::HuntingtonHill,
        Method::Adams,
    ];
    for method in methods {
        let a = method.apportioner().ties(TieBreak::ListOrder);
        let (mut seats, mut scratch) = ([0u32; 7], Scratch::new());
        a.apportion_into(&votes(0), 69, &mut seats, &mut scratch).unwrap();
        let (n, total) = allocations(|| {
            let mut total = 0u32;
            for step in 1..1_000 {
                a.apportion_into(&votes(step), 69, &mut seats, &mut scratch).unwrap();
                total += seats.iter().sum::<u32>();
            }
            total
        });
        assert_eq!(total, 69 * 999, "{method:?}");
        assert_eq!(n, 0, "{method:?}: {n} allocations in 999 counts after warm-up");
    }

    // 2. `ListTier::count_into`: the 2023 Mazhilis tier, Baytaq below 5%.
    let tier = Preset::Mazhilis.body(&Overrides::default()).unwrap().list.unwrap();
    let (mut out, mut scratch) = (ListOutcome::default(), ListScratch::new());
    let refuse = |tie: &saylau::apportion::Tie, _: &[u64]| {
        Err(Error::Tie { parties: tie.tied().to_vec(), seats: tie.contested() })
    };
    tier.count_into(&votes(0), &[None; 7], 248_291, &mut out, &mut scratch, refuse).unwrap();
    let (n, passed) = allocations(|| {
        let mut passed = 0;
        for step in 1..1_000 {
            tier.count_into(&votes(step), &[None; 7], 248_291, &mut out, &mut scratch, refuse).unwrap();
            passed += out.eligible.iter().filter(|&&e| e).count();
        }
        passed
    });
    assert_eq!(passed, 6 * 999);
    assert_eq!(out.seats.iter().sum::<u32>(), 69);
    assert_eq!(n, 0, "{n} allocations in 999 list-tier counts after warm-up");

    // 3. The simulator on one thread: the whole 98-seat Mazhilis (the 29
    // districts generated from the list vote). Its allocations (buffers,
    // tallies, the projection) do not grow with the number of runs, but
    // for ties: with `"ties": "error"` every tie is drawn by lot and counted
    // in `runs_with_lot`, and recording one allocates a few vectors.
    let mut scenario = Scenario::from_json(include_str!("../scenarios/mazhilis-2023.json")).unwrap();
    scenario.ties = Some(TieBreak::Error);
    let sim = scenario.simulation().unwrap();
    let one = RunOptions { threads: Some(1), ..RunOptions::default() };
    let (few, p_few) = allocations(|| sim.run_with(7, 2 * BLOCK, &one).unwrap());
    let (many, p_many) = allocations(|| sim.run_with(7, 40 * BLOCK, &one).unwrap());
    assert_eq!((p_few.runs, p_many.runs), (2 * BLOCK, 40 * BLOCK));
    let extra = many.saturating_sub(few);
    assert!(
        extra <= 20 * p_many.runs_with_lot,
        "{extra} more allocations for {} more simulated elections, {} of them with a tie",
        38 * BLOCK,
        p_many.runs_with_lot
    );
    // Ties are rare: most of the 38,912 more elections allocated nothing.
    assert!(p_many.runs_with_lot < 10, "{} ties", p_many.runs_with_lot);
}
