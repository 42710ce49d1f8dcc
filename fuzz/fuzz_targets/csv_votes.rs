//! Arbitrary bytes read as the `saylau allocate` input by the library's
//! table reader (`saylau::tabular`, which the binary calls), then
//! apportioned.
//!
//! The first three bytes choose the method, the house size and the tie
//! policy; the rest is the file. Checks: the reader never panics; every
//! error names the source and, past the header, the line; accepted parties
//! have unique, trimmed, non-empty names; the allocation adds up to the
//! house or reports a tie.

#![no_main]

use libfuzzer_sys::fuzz_target;
use saylau::{Error, Method, TieBreak};

const SOURCE: &str = "fuzz.csv";

fuzz_target!(|data: &[u8]| {
    let (head, bytes) = data.split_at(data.len().min(3));
    let pick = |i: usize| head.get(i).copied().unwrap_or(0) as usize;
    let method = Method::ALL[pick(0) % Method::ALL.len()];
    let seats = 1 + pick(1) as u32 * 7;
    let ties = [TieBreak::Error, TieBreak::ListOrder, TieBreak::MoreVotes, TieBreak::Lot { seed: 1 }][pick(2) % 4];

    let parties = match saylau::tabular::read(bytes, &Default::default()) {
        Ok(p) => p,
        Err(e) => {
            let message = e.in_file(SOURCE);
            assert!(message.starts_with(&format!("{SOURCE}: ")), "the source is named: {message}");
            assert!(!message.trim().is_empty());
            return;
        }
    };
    let names = parties.names();
    assert!(!names.is_empty());
    assert_eq!(names.len(), parties.votes().len());
    let mut sorted: Vec<&String> = names.iter().collect();
    sorted.sort();
    assert!(sorted.windows(2).all(|w| w[0] != w[1]), "names are unique: {names:?}");
    assert!(names.iter().all(|n| !n.is_empty() && n.trim() == n), "names are trimmed: {names:?}");

    match method.apportioner().ties(ties).apportion(parties.votes(), seats) {
        Ok(alloc) => {
            assert_eq!(alloc.seats().iter().map(|&s| s as u64).sum::<u64>(), seats as u64);
            for (&v, &s) in parties.votes().iter().zip(alloc.seats()) {
                assert!(v > 0 || s == 0);
            }
        }
        Err(Error::ZeroVotes) => assert!(parties.votes().iter().all(|&v| v == 0)),
        Err(Error::Tie { parties: tied, seats: contested }) => {
            assert!(matches!(ties, TieBreak::Error | TieBreak::MoreVotes));
            assert!(tied.len() > contested as usize);
        }
        Err(e) => panic!("unexpected error {e:?} for {:?}", parties.votes()),
    }
});
