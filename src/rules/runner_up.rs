//! The runner-up rule of the Mazhilis elections of 2009-2021: Art. 97(2)-(3)
//! of the Constitutional Law "On Elections" as amended on 9 February 2009.
//!
//! The text, as the available English translation gives it:
//!
//! - (2) if only one party list reaches the threshold (7%), the list with the
//!   next largest vote is also admitted, and the two lists' votes divided by
//!   the seats give the first quota;
//! - (3) each admitted list's votes are divided by the first quota; the votes
//!   of the list admitted under (2) are divided by the first quota *and
//!   multiplied by a correction index of 0.7*; the whole part of each result
//!   is the list's number of seats. The translation breaks off at the next
//!   sentence ("A political party, which has not overcome the seven percent
//!   threshold and has been admitted ... s…"); the IPU's summary of the same
//!   law says the runner-up "receives at least two seats".
//!
//! How this crate reads it ([`RunnerUp::CorrectedAtLeastTwo`]):
//!
//! 1. the runner-up is the list with the most votes below the threshold
//!    (lists level with it are all admitted, each corrected);
//! 2. quota `Q = (V1 + V2) / S`; the leader's quotient is `V1 / Q`, the
//!    runner-up's `7/10 x V2 / Q`, both exact fractions over the common
//!    denominator `10 (V1 + V2)`, so remainders compare as integers;
//! 3. each list takes the whole part of its quotient; the runner-up takes at
//!    least two seats (the cut-off clause as the IPU summarises it), and then
//!    no remainder seat;
//! 4. the seats left go one each to the largest remainders; because the
//!    correction leaves out three tenths of the runner-up's quotient, more
//!    seats can be left than lists, and then they go round again in the same
//!    order ([`LeftOver::RoundAgain`]; the other reading,
//!    [`LeftOver::ToLargest`], gives them to the list with the most votes).
//!    Equal remainders follow the tier's tie rule.
//!
//! [`RunnerUp::Corrected`] is the same without the minimum of two seats.
//! Both readings of the cut-off clause and of the left-over seats are noted
//! as unconfirmed when they decide a seat.
//!
//! ```
//! # use saylau::runner_up::{LeftOver, corrected_count};
//! # use saylau::TieBreak;
//! // 10 seats; A 800 passes, B 150 is the runner-up (C 50 is not admitted).
//! // Q = 950 / 10 = 95: A 800 / 95 = 8.421; B 0.7 x 150 / 95 = 1.105.
//! // Whole seats 8 + 1 (B raised to 2); 0 seats left: A 8, B 2.
//! let (passing, admitted) = ([true, false, false], [false, true, false]);
//! let count = corrected_count(&[800, 150, 50], &passing, &admitted, 10, 2, LeftOver::RoundAgain, TieBreak::Error)?;
//! assert_eq!(count.seats, [8, 2, 0]);
//! assert!(count.minimum_applied);
//! # Ok::<(), saylau::Error>(())
//! ```

use std::fmt;
use std::str::FromStr;

use rand::rngs::ChaCha8Rng;
use rand::{Rng, SeedableRng};

use crate::apportion::{TieBreak, TieResolution};
use crate::error::{Error, Result};

/// Whether, and how, a list below the threshold is admitted when only one
/// list reaches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum RunnerUp {
    /// No such rule (the law of 2007; not known to apply since 2023).
    #[default]
    Off,
    /// Art. 97(2)-(3) of 2009: the runner-up is admitted and its quotient is
    /// multiplied by 0.7, with no minimum.
    Corrected,
    /// As [`RunnerUp::Corrected`], and the runner-up takes at least two seats
    /// (the clause the translation cuts off, as the IPU summarises it).
    CorrectedAtLeastTwo,
}

impl RunnerUp {
    /// The name as written in scenarios.
    pub fn name(self) -> &'static str {
        match self {
            RunnerUp::Off => "off",
            RunnerUp::Corrected => "corrected",
            RunnerUp::CorrectedAtLeastTwo => "corrected-at-least-two",
        }
    }

    /// The fewest seats the runner-up takes.
    pub fn minimum(self) -> u32 {
        if self == RunnerUp::CorrectedAtLeastTwo { 2 } else { 0 }
    }
}

impl fmt::Display for RunnerUp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for RunnerUp {
    type Err = Error;

    fn from_str(s: &str) -> Result<RunnerUp> {
        let lower = s.trim().to_ascii_lowercase();
        [RunnerUp::Off, RunnerUp::Corrected, RunnerUp::CorrectedAtLeastTwo]
            .into_iter()
            .find(|r| r.name() == lower)
            .ok_or_else(|| Error::UnknownRunnerUpRule { name: s.to_string() })
    }
}

/// Where the seats go that are left after one seat to each of the largest
/// remainders, when the 0.7 correction leaves more seats than lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum LeftOver {
    /// Round the largest remainders again, in the same order (the default).
    #[default]
    RoundAgain,
    /// All to the list with the most votes.
    ToLargest,
}

/// The result of [`corrected_count`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CorrectedCount {
    /// Seats per list, in input order.
    pub seats: Vec<u32>,
    /// Whether the minimum raised a runner-up's seats.
    pub minimum_applied: bool,
    /// Whether more seats were left than lists, so that the largest
    /// remainders went round a second time.
    pub went_round_again: bool,
    /// The tie the tie rule broke, if any.
    pub tie: Option<TieResolution>,
}

/// The count of Art. 97(3) (2009-2021): `passing` lists at full weight,
/// `admitted` runner-ups at 7/10, `seats` seats, the runner-ups taking at
/// least `minimum` seats, the seats left after one round of remainders as
/// `left_over` says, equal remainders decided by `ties`.
///
/// # Errors
///
/// [`Error::LengthMismatch`] if the slices differ in length;
/// [`Error::ZeroVotes`] if the lists taking part have no votes;
/// [`Error::Tie`] for equal remainders that `ties` does not decide.
pub fn corrected_count(
    votes: &[u64],
    passing: &[bool],
    admitted: &[bool],
    seats: u32,
    minimum: u32,
    left_over: LeftOver,
    ties: TieBreak,
) -> Result<CorrectedCount> {
    let n = votes.len();
    for (what, len) in [("lists passing", passing.len()), ("lists admitted", admitted.len())] {
        if len != n {
            return Err(Error::LengthMismatch { what, expected: n, given: len });
        }
    }
    let part = |i: usize| (passing[i] || admitted[i]) && votes[i] > 0;
    let total: u128 = (0..n).filter(|&i| part(i)).map(|i| u128::from(votes[i])).sum();
    if total == 0 {
        return Err(Error::ZeroVotes);
    }
    // Quotient of list i: votes x seats x weight / (10 x total), weight 10
    // for a list that passed, 7 for a runner-up (the index 0.7 = 7/10).
    let denom = total * 10;
    let numer =
        |i: usize| u128::from(votes[i]) * u128::from(seats) * if admitted[i] && !passing[i] { 7 } else { 10 };
    let mut whole: Vec<u32> = (0..n).map(|i| if part(i) { (numer(i) / denom) as u32 } else { 0 }).collect();
    let rem: Vec<u128> = (0..n).map(|i| if part(i) { numer(i) % denom } else { 0 }).collect();
    let mut raised = vec![false; n];
    let floor = minimum.min(seats.saturating_sub(1));
    for i in (0..n).filter(|&i| part(i) && admitted[i] && !passing[i]) {
        if whole[i] < floor {
            whole[i] = floor;
            raised[i] = true;
        }
    }
    // The minimum cannot take more seats than there are: the largest list
    // that passed gives them up.
    while whole.iter().map(|&w| u64::from(w)).sum::<u64>() > u64::from(seats) {
        let Some(top) = (0..n).filter(|&i| passing[i] && whole[i] > 0).max_by_key(|&i| (whole[i], n - i))
        else {
            break;
        };
        whole[top] -= 1;
    }
    let mut left = seats - whole.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..n).filter(|&i| part(i) && !raised[i]).collect();
    order.sort_by(|&a, &b| rem[b].cmp(&rem[a]).then(a.cmp(&b)));
    let mut rounds = 0;
    let mut tie = None;
    while left > 0 && !order.is_empty() {
        rounds += 1;
        if rounds > 1
            && left_over == LeftOver::ToLargest
            && let Some(top) = (0..n).filter(|&i| part(i) && passing[i]).max_by_key(|&i| (votes[i], n - i))
        {
            whole[top] += left;
            break;
        }
        if left as usize >= order.len() {
            for &i in &order {
                whole[i] += 1;
            }
            left -= order.len() as u32;
            continue;
        }
        let (winners, broken) = best_remainders(&order, &rem, votes, left as usize, ties)?;
        for &i in &winners {
            whole[i] += 1;
        }
        tie = broken;
        left = 0;
    }
    Ok(CorrectedCount {
        seats: whole,
        minimum_applied: raised.contains(&true),
        went_round_again: rounds > 1,
        tie,
    })
}

/// The `k` lists of `order` (sorted by remainder, largest first) with the
/// largest remainders; equal remainders at the cut are decided by `ties`.
fn best_remainders(
    order: &[usize],
    rem: &[u128],
    votes: &[u64],
    k: usize,
    ties: TieBreak,
) -> Result<(Vec<usize>, Option<TieResolution>)> {
    let cut = rem[order[k - 1]];
    if rem[order[k]] != cut {
        return Ok((order[..k].to_vec(), None));
    }
    let sure: Vec<usize> = order.iter().copied().filter(|&i| rem[i] > cut).collect();
    let mut tied: Vec<usize> = order.iter().copied().filter(|&i| rem[i] == cut).collect();
    tied.sort_unstable();
    let open = k - sure.len();
    let mut pick = tied.clone();
    match ties {
        TieBreak::Error => return Err(Error::Tie { parties: tied, seats: open as u32 }),
        TieBreak::ListOrder => {}
        TieBreak::MoreVotes => {
            pick.sort_by(|&a, &b| votes[b].cmp(&votes[a]).then(a.cmp(&b)));
            if votes[pick[open - 1]] == votes[pick[open]] {
                return Err(Error::Tie { parties: tied, seats: open as u32 });
            }
        }
        TieBreak::Lot { seed } => {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            let mut keyed: Vec<(u64, usize)> = tied.iter().map(|&p| (rng.next_u64(), p)).collect();
            keyed.sort_unstable();
            pick = keyed.into_iter().map(|(_, p)| p).collect();
        }
    }
    let mut winners: Vec<usize> = pick[..open].to_vec();
    winners.sort_unstable();
    let resolution =
        TieResolution { parties: tied, seats: open as u32, winners: winners.clone(), policy: ties };
    Ok((sure.into_iter().chain(winners).collect(), Some(resolution)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for r in [RunnerUp::Off, RunnerUp::Corrected, RunnerUp::CorrectedAtLeastTwo] {
            assert_eq!(r.name().parse::<RunnerUp>(), Ok(r));
        }
        assert!("on".parse::<RunnerUp>().is_err());
    }

    #[test]
    fn equal_remainders_follow_the_tie_rule() {
        // 3 seats, A 100 and B 100 both pass (no runner-up): quotients 1.5
        // and 1.5, one seat left for two equal remainders.
        let count = |ties| {
            corrected_count(&[100, 100], &[true, true], &[false, false], 3, 0, LeftOver::RoundAgain, ties)
        };
        assert_eq!(count(TieBreak::ListOrder).unwrap().seats, [2, 1]);
        assert_eq!(count(TieBreak::Error), Err(Error::Tie { parties: vec![0, 1], seats: 1 }));
        assert!(count(TieBreak::MoreVotes).is_err());
    }
}
