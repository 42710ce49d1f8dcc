//! Legal thresholds: a party takes part in the list apportionment only if
//! its votes reach a percentage of a base the caller controls.

use std::fmt;
use std::str::FromStr;

use crate::arith::cmp_products;
use crate::error::{Error, Result};
use crate::ratio::Ratio;

/// A legal threshold: an exact percentage, passed with `>=` (5% passes at
/// exactly 5%).
///
/// The base is the sum of the parties' votes plus any votes that take part in
/// the count but win no seats: in Kazakhstan, the "against all" line
/// (invalid ballots excluded), which is what reproduces the 2023 Mazhilis
/// result.
///
/// # Example
///
/// ```
/// # use saylau::Threshold;
/// let five: Threshold = "5".parse()?;
/// // 5 of 100 votes is exactly 5%: passes.
/// assert!(five.passes(5, 100));
/// assert!(!five.passes(4_999, 100_000));
/// // With 10 "against all" votes added to the base of 90 party votes,
/// // 5 votes is 5% of 100.
/// assert_eq!(five.eligible(&[85, 5], 10), vec![true, true]);
/// assert_eq!(five.eligible(&[85, 4], 11), vec![true, false]);
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "Ratio", into = "Ratio"))]
pub struct Threshold {
    percent: Ratio,
}

impl Threshold {
    /// No threshold: every party with votes takes part.
    pub const NONE: Threshold = Threshold { percent: Ratio::ZERO };

    /// A threshold of `percent` percent.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidThreshold`] if `percent` is over 100.
    pub fn new(percent: Ratio) -> Result<Threshold> {
        if percent > Ratio::integer(100) {
            return Err(Error::InvalidThreshold { value: percent.to_string() });
        }
        Ok(Threshold { percent })
    }

    /// The threshold in percent.
    pub fn percent(&self) -> Ratio {
        self.percent
    }

    /// Does `votes` reach the threshold of `base`? Exactly:
    /// `votes * 100 >= percent * base`.
    pub fn passes(&self, votes: u64, base: u128) -> bool {
        let lhs = votes as u128 * 100;
        cmp_products(lhs, self.percent.denom(), self.percent.numer(), base).is_ge()
    }

    /// The fewest votes that reach the threshold of `base`: the smallest `v`
    /// with `v * 100 >= percent * base`.
    ///
    /// ```
    /// # use saylau::Threshold;
    /// let five: Threshold = "5".parse()?;
    /// // 2023 Mazhilis: 5% of the 6,366,441 votes for lists and "against all".
    /// assert_eq!(five.votes_needed(6_366_441), 318_323);
    /// assert!(five.passes(318_323, 6_366_441) && !five.passes(318_322, 6_366_441));
    /// # Ok::<(), saylau::Error>(())
    /// ```
    pub fn votes_needed(&self, base: u128) -> u128 {
        let reaches = |v: u128| match v.checked_mul(100) {
            Some(lhs) => cmp_products(lhs, self.percent.denom(), self.percent.numer(), base).is_ge(),
            None => true,
        };
        // The answer is at most `base` (the threshold is at most 100%).
        let (mut lo, mut hi) = (0u128, base);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if reaches(mid) { hi = mid } else { lo = mid + 1 }
        }
        lo
    }

    /// The votes of the parties that take part, zero for the others: what
    /// the apportionment counts.
    ///
    /// ```
    /// # use saylau::Threshold;
    /// let five: Threshold = "5".parse()?;
    /// assert_eq!(five.taking_part(&[90, 6, 4], 0), vec![90, 6, 0]);
    /// # Ok::<(), saylau::Error>(())
    /// ```
    pub fn taking_part(&self, votes: &[u64], extra_base: u64) -> Vec<u64> {
        let eligible = self.eligible(votes, extra_base);
        votes.iter().zip(eligible).map(|(&v, e)| if e { v } else { 0 }).collect()
    }

    /// Which parties take part: votes above zero and at the threshold of the
    /// base `sum(votes) + extra_base`.
    pub fn eligible(&self, votes: &[u64], extra_base: u64) -> Vec<bool> {
        let base = base(votes, extra_base);
        votes.iter().map(|&v| v > 0 && self.passes(v, base)).collect()
    }

    /// As [`Threshold::eligible`], but if fewer than `min_parties` pass, the
    /// parties with the most votes below the threshold are admitted until at
    /// least `min_parties` take part (all parties level with the last one
    /// admitted come in together). Parties with zero votes never take part.
    ///
    /// This is the rule of Kazakhstan's election law as amended in 2009
    /// ("at least two parties in the Mazhilis"). Whether it survives the 2022
    /// reform is not confirmed, so it is an option, off unless asked for.
    ///
    /// ```
    /// # use saylau::Threshold;
    /// let seven: Threshold = "7".parse()?;
    /// // Only the first party passes 7%; the next best is admitted.
    /// assert_eq!(seven.eligible_at_least(&[900, 60, 40], 0, 2), vec![true, true, false]);
    /// # Ok::<(), saylau::Error>(())
    /// ```
    pub fn eligible_at_least(&self, votes: &[u64], extra_base: u64, min_parties: usize) -> Vec<bool> {
        let mut eligible = Vec::with_capacity(votes.len());
        self.eligible_into(votes, extra_base, min_parties, &mut eligible);
        eligible
    }

    /// [`Threshold::eligible_at_least`] into `eligible` (cleared first); it
    /// allocates only when `min_parties` admits parties below the threshold.
    pub(crate) fn eligible_into(
        &self,
        votes: &[u64],
        extra_base: u64,
        min_parties: usize,
        eligible: &mut Vec<bool>,
    ) {
        let base = base(votes, extra_base);
        eligible.clear();
        eligible.extend(votes.iter().map(|&v| v > 0 && self.passes(v, base)));
        let count = eligible.iter().filter(|&&e| e).count();
        if count >= min_parties {
            return;
        }
        let mut rest: Vec<usize> = (0..votes.len()).filter(|&i| !eligible[i] && votes[i] > 0).collect();
        rest.sort_by(|&a, &b| votes[b].cmp(&votes[a]).then(a.cmp(&b)));
        let mut last = None;
        for (admitted, i) in (count..).zip(rest) {
            if admitted >= min_parties && last != Some(votes[i]) {
                break;
            }
            eligible[i] = true;
            last = Some(votes[i]);
        }
    }
}

/// `sum(votes) + extra`, exactly.
pub(crate) fn base(votes: &[u64], extra: u64) -> u128 {
    votes.iter().map(|&v| v as u128).sum::<u128>() + extra as u128
}

impl FromStr for Threshold {
    type Err = Error;

    /// Reads a percentage such as `5`, `4.99` or `7%`.
    fn from_str(s: &str) -> Result<Threshold> {
        let t = s.trim();
        let t = t.strip_suffix('%').unwrap_or(t);
        let percent: Ratio = t.parse().map_err(|e| match e {
            Error::InvalidNumber { reason, .. } => Error::InvalidNumber { value: s.to_string(), reason },
            other => other,
        })?;
        Threshold::new(percent)
    }
}

impl TryFrom<Ratio> for Threshold {
    type Error = Error;
    fn try_from(percent: Ratio) -> Result<Threshold> {
        Threshold::new(percent)
    }
}

impl From<Threshold> for Ratio {
    fn from(t: Threshold) -> Ratio {
        t.percent
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.percent)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threshold_passes_at_exactly_five_percent() {
        let t: Threshold = "5".parse().unwrap();
        assert!(t.passes(5, 100));
        assert!(t.passes(50_000, 1_000_000));
        assert!(!t.passes(49_999, 1_000_000));
    }

    #[test]
    fn threshold_drops_party_at_4_99_percent() {
        let t: Threshold = "5".parse().unwrap();
        assert!(!t.passes(499, 10_000));
        let t: Threshold = "4.99".parse().unwrap();
        assert!(t.passes(499, 10_000));
        assert!(!t.passes(498, 10_000));
    }

    #[test]
    fn threshold_is_exact_near_u64_max() {
        // 5% of a base of 20 * (2^64 - 1) is exactly 2^64 - 1.
        let t: Threshold = "5".parse().unwrap();
        let base = 20 * u64::MAX as u128;
        assert!(t.passes(u64::MAX, base));
        assert!(!t.passes(u64::MAX, base + 1));
    }

    #[test]
    fn threshold_rejects_out_of_range() {
        for bad in ["100.0001", "-1", "NaN", "inf", "", "abc", "101"] {
            assert!(bad.parse::<Threshold>().is_err(), "{bad:?}");
        }
        assert_eq!("100".parse::<Threshold>().unwrap().percent(), Ratio::integer(100));
        assert_eq!("0".parse::<Threshold>().unwrap(), Threshold::NONE);
    }

    #[test]
    fn zero_vote_parties_never_eligible() {
        assert_eq!(Threshold::NONE.eligible(&[0, 10], 0), vec![false, true]);
        assert_eq!(Threshold::NONE.eligible_at_least(&[0, 10], 0, 2), vec![false, true]);
    }

    #[test]
    fn at_least_rule_admits_all_level_with_the_last() {
        let t: Threshold = "50".parse().unwrap();
        assert_eq!(t.eligible_at_least(&[60, 20, 20, 10], 0, 2), vec![true, true, true, false]);
        assert_eq!(t.eligible_at_least(&[60, 20, 20, 10], 0, 0), vec![true, false, false, false]);
    }
}
