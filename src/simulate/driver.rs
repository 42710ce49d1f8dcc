//! Driving the runs: blocks of runs, each from its own generator, on one
//! thread or many, combined by adding integer tallies.

use super::run::Scratch;
use super::tally::Tally;
use super::*;

/// Runs one block of runs into a worker's tally, with its buffers.
pub(super) type BlockFn<'a> = dyn Fn(&mut Worker, u64) + Sync + 'a;

/// What each worker keeps across the blocks it runs.
pub(super) struct Worker {
    /// Its counts.
    pub(super) tally: Tally,
    /// Its buffers.
    pub(super) scratch: Scratch,
}

impl Worker {
    fn new(sim: &Simulation) -> Worker {
        Worker { tally: Tally::new(sim), scratch: Scratch::new(sim) }
    }
}

/// The generator of block `b`: Xoshiro256++ with its state filled by
/// SplitMix64 from `seed` and `b` (distinct blocks, distinct states).
pub(super) fn block_rng(seed: u64, block: u64) -> Xoshiro256PlusPlus {
    fn splitmix(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    let mut state = seed;
    let mut stream = splitmix(&mut state) ^ block.wrapping_mul(0xD1B5_4A32_D192_ED03);
    let mut bytes = [0u8; 32];
    for chunk in bytes.chunks_exact_mut(8) {
        chunk.copy_from_slice(&splitmix(&mut stream).to_le_bytes());
    }
    Xoshiro256PlusPlus::from_seed(bytes)
}

impl Simulation {
    /// Runs blocks `0..blocks` into tallies (one per worker, not one per
    /// block) and adds them up.
    #[cfg(feature = "parallel")]
    pub(super) fn drive(&self, blocks: u64, threads: Option<usize>, block: &BlockFn<'_>) -> Result<Tally> {
        use rayon::prelude::*;
        if threads == Some(1) {
            return Ok(self.drive_sequential(blocks, block));
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.unwrap_or(0))
            .build()
            .map_err(|e| Error::Threads(e.to_string()))?;
        Ok(pool.install(|| {
            (0..blocks)
                .into_par_iter()
                .fold(
                    || Worker::new(self),
                    |mut worker, b| {
                        block(&mut worker, b);
                        worker
                    },
                )
                .map(|worker| worker.tally)
                .reduce(
                    || Tally::new(self),
                    |mut a, b| {
                        a.merge(&b);
                        a
                    },
                )
        }))
    }

    #[cfg(not(feature = "parallel"))]
    pub(super) fn drive(&self, blocks: u64, _threads: Option<usize>, block: &BlockFn<'_>) -> Result<Tally> {
        Ok(self.drive_sequential(blocks, block))
    }

    fn drive_sequential(&self, blocks: u64, block: &BlockFn<'_>) -> Tally {
        let mut worker = Worker::new(self);
        for b in 0..blocks {
            block(&mut worker, b);
        }
        worker.tally
    }
}
