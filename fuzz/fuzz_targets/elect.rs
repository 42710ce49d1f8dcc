//! Arbitrary bytes as a scenario, through `Scenario::from_json` and
//! `Scenario::run` (what `saylau elect` does after decoding the file).
//!
//! Checks: nothing panics; an elected body's seats add up (parties +
//! self-nominated + vacant + undecided == the body's size); each party's
//! seats are its list plus district seats; the list seats never exceed the
//! list tier; errors have a message.

#![no_main]

use libfuzzer_sys::fuzz_target;
use saylau::scenario::{Outcome, Scenario};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let scenario = match Scenario::from_json(text) {
        Ok(s) => s,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let outcome = match scenario.run() {
        Ok(o) => o,
        Err(e) => {
            assert!(!e.to_string().is_empty());
            return;
        }
    };
    let Outcome::Body(r) = outcome else { return };
    let party_seats: u64 = r.parties.iter().map(|p| p.seats as u64).sum();
    let total = party_seats + r.independents as u64 + r.vacant as u64 + r.undecided as u64;
    assert_eq!(total, r.seats as u64, "seats add up: {r:?}");
    for p in &r.parties {
        assert_eq!(p.seats as u64, p.list_seats as u64 + p.district_seats as u64, "{p:?}");
    }
    let body = scenario.body().expect("the body was built once already");
    let list_seats: u64 = r.parties.iter().map(|p| p.list_seats as u64).sum();
    let list_tier = body.list.as_ref().map_or(0, |l| l.seats as u64);
    assert!(list_seats <= list_tier, "list seats {list_seats} within the tier {list_tier}");
    let district_seats: u64 = r.parties.iter().map(|p| p.district_seats as u64).sum();
    let district_tier = body.districts.as_ref().map_or(0, |d| d.seats as u64);
    assert!(district_seats + r.independents as u64 <= district_tier, "district seats within the tier");
});
