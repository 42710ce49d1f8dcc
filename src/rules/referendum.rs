//! Republican referendums: turnout and majority rules.
//!
//! Law on the Republican Referendum (Constitutional Law of 2 November 1995,
//! as amended), as summarised in the crate's data notes:
//!
//! - **validity**: more than half of the registered voters take part
//!   (Art. 31(2));
//! - **adoption**: more than half of those who took part vote yes; invalid
//!   ballots count in that base;
//! - **constitutional change**: also a test in at least two thirds of the
//!   regions (12 of 17 in 2022; 14 of 20 after the 2022 regional changes).
//!   The statute's wording was not read, and the sources give two readings
//!   ([`RegionalReading`]): a yes majority in each of those regions
//!   (secondary sources of 2022: ortcom.kz, armenpress; the default), or a
//!   turnout above half in each (the CEC chair, 13 March 2026, zakon.kz).
//!   A result notes the reading it used as unconfirmed.
//!
//! All three are strict or exact integer comparisons.

use crate::error::{Error, Result};
use crate::note::{Assumption, Note};

/// What must hold in two thirds of the regions for a constitutional change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum RegionalReading {
    /// More than half of those who took part in the region voted yes.
    #[default]
    YesMajority,
    /// More than half of the region's registered voters took part.
    Turnout,
}

/// The official figures of one referendum.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Referendum {
    /// Registered voters.
    pub registered: u64,
    /// Voters who took part (ballots issued and cast).
    pub took_part: u64,
    /// Yes votes.
    pub yes: u64,
    /// No votes, if known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub no: Option<u64>,
    /// Invalid ballots, if known.
    #[cfg_attr(feature = "serde", serde(default))]
    pub invalid: Option<u64>,
    /// Does it change the constitution (so the regional rule applies)?
    #[cfg_attr(feature = "serde", serde(default))]
    pub constitutional: bool,
    /// Per-region figures, for the two-thirds-of-regions rule.
    #[cfg_attr(feature = "serde", serde(default))]
    pub regions: Vec<RegionVote>,
    /// Which reading of the regional rule applies (default: a yes majority).
    #[cfg_attr(feature = "serde", serde(default))]
    pub regional_rule: RegionalReading,
}

/// One region's figures.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct RegionVote {
    /// The region (oblast or city of republican significance).
    pub name: String,
    /// Voters who took part in the region.
    pub took_part: u64,
    /// Yes votes in the region.
    pub yes: u64,
    /// Registered voters in the region (needed for the turnout reading).
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "Option::is_none"))]
    pub registered: Option<u64>,
}

/// The verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "kebab-case"))]
pub enum Verdict {
    /// Valid and adopted.
    Adopted,
    /// Valid, but not adopted.
    Rejected,
    /// Not valid: too few voters took part.
    Invalid,
}

/// The outcome of [`Referendum::decide`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ReferendumOutcome {
    /// The verdict.
    pub outcome: Verdict,
    /// More than half of registered voters took part.
    pub valid: bool,
    /// More than half of those who took part voted yes.
    pub yes_majority: bool,
    /// Regions that meet the regional rule (a yes majority, or under the
    /// turnout reading a turnout above half), if regional figures were given.
    pub regions_with_yes_majority: Option<usize>,
    /// The two-thirds-of-regions rule: `None` if it does not apply or could
    /// not be checked.
    pub regional_rule_met: Option<bool>,
    /// Turnout in percent, for display.
    pub turnout_percent: f64,
    /// Yes as a percentage of those who took part, for display.
    pub yes_percent: f64,
    /// What was checked and what could not be.
    pub notes: Vec<Note>,
}

impl Referendum {
    /// Applies the rules.
    ///
    /// # Example
    ///
    /// ```
    /// # use saylau::referendum::{Referendum, Verdict};
    /// // 5 June 2022 constitutional referendum, CEC final results.
    /// let r = Referendum {
    ///     registered: 11_734_642, took_part: 7_985_769, yes: 6_163_516,
    ///     no: Some(1_490_470), invalid: Some(205_924), constitutional: true, regions: vec![],
    ///     regional_rule: Default::default(),
    /// };
    /// assert_eq!(r.decide()?.outcome, Verdict::Adopted);
    /// # Ok::<(), saylau::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::NoRegisteredVoters`], or [`Error::ReferendumCount`] if a
    /// figure exceeds the one that contains it: more taking part than
    /// registered, more yes votes than participants, yes + no + invalid above
    /// participants.
    pub fn decide(&self) -> Result<ReferendumOutcome> {
        let exceeds = |field, value: u64, limit_field, limit| {
            Err(Error::ReferendumCount { field, value: value.into(), limit_field, limit })
        };
        if self.registered == 0 {
            return Err(Error::NoRegisteredVoters);
        }
        if self.took_part > self.registered {
            return exceeds("took_part", self.took_part, "registered", self.registered);
        }
        if self.yes > self.took_part {
            return exceeds("yes", self.yes, "took_part", self.took_part);
        }
        let counted = self.yes as u128 + self.no.unwrap_or(0) as u128 + self.invalid.unwrap_or(0) as u128;
        if counted > self.took_part as u128 {
            return Err(Error::ReferendumCount {
                field: "yes + no + invalid",
                value: counted,
                limit_field: "took_part",
                limit: self.took_part,
            });
        }
        let mut notes = Vec::new();
        let valid = self.took_part as u128 * 2 > self.registered as u128;
        let yes_majority = self.took_part > 0 && self.yes as u128 * 2 > self.took_part as u128;
        let mut regions_with_yes_majority = None;
        let mut regional_rule_met = None;
        if self.constitutional {
            if self.regions.is_empty() {
                notes.push(Note::RegionalRuleUnchecked);
            } else {
                let with = self.regions_meeting_the_rule()?;
                let met = with * 3 >= self.regions.len() * 2;
                notes.push(Note::RegionalRule {
                    reading: self.regional_rule,
                    with,
                    regions: self.regions.len(),
                    met,
                });
                notes.push(Note::Assumed {
                    rule: match self.regional_rule {
                        RegionalReading::YesMajority => Assumption::RegionalYesMajority,
                        RegionalReading::Turnout => Assumption::RegionalTurnout,
                    },
                });
                regions_with_yes_majority = Some(with);
                regional_rule_met = Some(met);
            }
        }
        let outcome = if !valid {
            Verdict::Invalid
        } else if yes_majority && regional_rule_met != Some(false) {
            Verdict::Adopted
        } else {
            Verdict::Rejected
        };
        let pct = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 * 100.0 / b as f64 };
        Ok(ReferendumOutcome {
            outcome,
            valid,
            yes_majority,
            regions_with_yes_majority,
            regional_rule_met,
            turnout_percent: pct(self.took_part, self.registered),
            yes_percent: pct(self.yes, self.took_part),
            notes,
        })
    }

    /// The regions that meet the regional rule under its reading.
    fn regions_meeting_the_rule(&self) -> Result<usize> {
        let mut with = 0;
        for r in &self.regions {
            if r.yes > r.took_part {
                return Err(Error::RegionCount {
                    region: r.name.clone(),
                    yes: r.yes,
                    took_part: r.took_part,
                });
            }
            let met = match self.regional_rule {
                RegionalReading::YesMajority => r.yes as u128 * 2 > r.took_part as u128,
                RegionalReading::Turnout => {
                    let registered = r
                        .registered
                        .ok_or_else(|| Error::RegionRegisteredMissing { region: r.name.clone() })?;
                    if r.took_part > registered {
                        return Err(Error::RegionTurnout {
                            region: r.name.clone(),
                            took_part: r.took_part,
                            registered,
                        });
                    }
                    r.took_part as u128 * 2 > registered as u128
                }
            };
            with += usize::from(met);
        }
        Ok(with)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(registered: u64, took_part: u64, yes: u64) -> Referendum {
        Referendum {
            registered,
            took_part,
            yes,
            no: None,
            invalid: None,
            constitutional: false,
            regions: vec![],
            regional_rule: RegionalReading::YesMajority,
        }
    }

    #[test]
    fn exactly_half_turnout_is_not_valid() {
        assert_eq!(r(100, 50, 50).decide().unwrap().outcome, Verdict::Invalid);
        assert_eq!(r(100, 51, 25).decide().unwrap().outcome, Verdict::Rejected);
        assert_eq!(r(100, 51, 26).decide().unwrap().outcome, Verdict::Adopted);
    }

    #[test]
    fn regional_rule_needs_two_thirds() {
        let mut x = r(100, 80, 60);
        x.constitutional = true;
        let region = |yes| RegionVote { name: format!("R{yes}"), took_part: 10, yes, registered: Some(30) };
        x.regions = vec![region(6), region(7), region(4)];
        assert_eq!(x.decide().unwrap().outcome, Verdict::Adopted);
        x.regions = vec![region(6), region(5), region(4)];
        let o = x.decide().unwrap();
        assert_eq!((o.outcome, o.regions_with_yes_majority), (Verdict::Rejected, Some(1)));
        assert!(o.notes.contains(&Note::Assumed { rule: Assumption::RegionalYesMajority }));
    }

    #[test]
    fn regional_rule_turnout_reading() {
        // Yes majority nowhere but turnout above half in two of three
        // regions: adopted under the turnout reading only.
        let mut x = r(100, 80, 60);
        x.constitutional = true;
        let region = |name: &str, took_part, registered| RegionVote {
            name: name.into(),
            took_part,
            yes: took_part / 2,
            registered: Some(registered),
        };
        x.regions = vec![region("A", 20, 30), region("B", 16, 30), region("C", 10, 30)];
        assert_eq!(x.decide().unwrap().outcome, Verdict::Rejected);
        x.regional_rule = RegionalReading::Turnout;
        let o = x.decide().unwrap();
        assert_eq!((o.outcome, o.regions_with_yes_majority), (Verdict::Adopted, Some(2)));
        assert!(o.notes.contains(&Note::Assumed { rule: Assumption::RegionalTurnout }));
        x.regions[0].registered = None;
        assert_eq!(x.decide(), Err(Error::RegionRegisteredMissing { region: "A".into() }));
    }

    #[test]
    fn inconsistent_figures_are_errors() {
        assert!(r(0, 0, 0).decide().is_err());
        assert!(r(10, 11, 0).decide().is_err());
        assert!(r(10, 5, 6).decide().is_err());
        let mut x = r(10, 5, 3);
        x.no = Some(3);
        assert!(x.decide().is_err());
    }
}
