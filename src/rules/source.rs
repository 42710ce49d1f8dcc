//! Where a rule comes from: the text of a law (its article and version), an
//! official's statement or the Central Election Commission's (CEC) practice,
//! or official figures that the rule reproduces exactly.
//!
//! A rule that no such source confirms is an
//! [`Assumption`](crate::note::Assumption) instead: it says what was checked
//! and what the other reading would be.
//!
//! ```
//! # use saylau::source::{Confirmed, Applies, Source};
//! let rule = Confirmed {
//!     rule: "5% threshold",
//!     applies: Applies::Lists,
//!     source: Source::Official { who: "CEC final results of 27 March 2023", reference: "vlast.kz/novosti/54446" },
//! };
//! assert_eq!(rule.to_string(), "5% threshold (CEC final results of 27 March 2023; vlast.kz/novosti/54446)");
//! ```

use std::fmt;

/// The source that confirms a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "kind", rename_all = "snake_case"))]
pub enum Source {
    /// The text of a law.
    Law {
        /// The law.
        law: &'static str,
        /// The article (and paragraph).
        article: &'static str,
        /// The version of the text: the amendment and its date.
        version: &'static str,
    },
    /// An official's statement, or the CEC's practice, with its reference.
    Official {
        /// Who said or did it, and when.
        who: &'static str,
        /// Where it is published.
        reference: &'static str,
    },
    /// Official figures that only this rule reproduces exactly.
    Reproduced {
        /// The figures and what they show.
        figures: &'static str,
        /// Where they are published.
        reference: &'static str,
    },
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Law { law, article, version } => write!(f, "{law}, {article}, {version}"),
            Source::Official { who, reference } => write!(f, "{who}; {reference}"),
            Source::Reproduced { figures, reference } => write!(f, "reproduces {figures}; {reference}"),
        }
    }
}

/// Which part of an election a rule decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Applies {
    /// The body's size and make-up: every result depends on it.
    Body,
    /// The party-list count.
    Lists,
    /// The single-member races.
    Districts,
}

/// A rule confirmed by a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Confirmed {
    /// The rule, in a few words.
    pub rule: &'static str,
    /// What it decides (not serialized: the result's notes carry only the
    /// rules that decided it).
    #[cfg_attr(feature = "serde", serde(skip))]
    pub applies: Applies,
    /// Where it comes from.
    pub source: Source,
}

impl fmt::Display for Confirmed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.rule, self.source)
    }
}
