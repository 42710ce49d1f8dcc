//! The view of one apportionment: what `saylau allocate` prints.

use std::io::{self, Write};

use serde::Serialize;

use super::{AuditView, TieView};
use crate::apportion::{Allocation, Audit, Method};
use crate::describe::notes::tie_rule_words;
use crate::describe::table::{Align, Table};
use crate::describe::view::body::write_audit;
use crate::describe::words::{counted, join_names, percent, share, thousands};
use crate::threshold::Threshold;
use crate::votes::PartyVotes;

/// A party's line: votes, share, eligibility, seats.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationRow {
    /// The party.
    pub party: String,
    /// Its votes.
    pub votes: u64,
    /// Its share of the threshold base, in percent (for display; not in JSON,
    /// whose contract is the four fields below).
    #[serde(skip)]
    pub share_percent: f64,
    /// Whether it took part in the count.
    pub eligible: bool,
    /// Seats won.
    pub seats: u32,
}

/// One apportionment, described: the JSON of `saylau allocate`, and its
/// text and CSV.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationView {
    /// The method's name (`"hare"`).
    pub method: String,
    /// The house size.
    pub seats: u32,
    /// The parties in input order.
    pub parties: Vec<AllocationRow>,
    /// Votes "against all": in the threshold base, never given seats (absent when 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub against_all: Option<u64>,
    /// The votes the shares and the threshold are taken of: all parties'
    /// votes plus "against all" (in JSON with a threshold or "against all").
    #[serde(rename = "base", skip_serializing_if = "Option::is_none")]
    pub base_shown: Option<u128>,
    /// The same base, always (not in JSON).
    #[serde(skip)]
    pub base: u128,
    /// The threshold in percent (absent without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub threshold: Option<String>,
    /// The fewest votes that pass the threshold (absent without one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub votes_needed: Option<u128>,
    /// The "at least N parties" rule (absent when off).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_parties: Option<usize>,
    /// The tie the policy broke (absent when none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tie: Option<TieView>,
    /// The audit trail (with `--explain`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audit: Option<AuditView>,
    /// The method's long name, for text.
    #[serde(skip)]
    pub method_label: String,
}

/// What was counted, for [`AllocationView::new`].
#[derive(Debug, Clone, Copy)]
pub struct Counted<'a> {
    /// The parties and their votes.
    pub parties: &'a PartyVotes,
    /// Votes "against all".
    pub against_all: u64,
    /// The threshold, if any.
    pub threshold: Option<Threshold>,
    /// The "at least N parties" rule (0: off).
    pub min_parties: usize,
    /// Which parties took part.
    pub eligible: &'a [bool],
    /// The method.
    pub method: Method,
    /// The result.
    pub allocation: &'a Allocation,
    /// The audit, if asked for.
    pub audit: Option<&'a Audit>,
}

impl AllocationView {
    /// Describes an apportionment.
    pub fn new(c: Counted<'_>) -> AllocationView {
        let names = c.parties.names();
        let base = c.parties.total() + u128::from(c.against_all);
        AllocationView {
            method: c.method.to_string(),
            seats: c.allocation.total_seats(),
            parties: (0..names.len())
                .map(|i| AllocationRow {
                    party: names[i].clone(),
                    votes: c.parties.votes()[i],
                    share_percent: share(c.parties.votes()[i].into(), base),
                    eligible: c.eligible[i],
                    seats: c.allocation.seats()[i],
                })
                .collect(),
            against_all: (c.against_all > 0).then_some(c.against_all),
            base_shown: (c.against_all > 0 || c.threshold.is_some()).then_some(base),
            base,
            threshold: c.threshold.map(|t| t.percent().to_string()),
            votes_needed: c.threshold.map(|t| t.votes_needed(base)),
            min_parties: (c.min_parties > 0).then_some(c.min_parties),
            tie: c.allocation.tie().map(|t| TieView::new(t, names)),
            audit: c.audit.map(|a| AuditView::new(a, names)),
            method_label: c.method.label(),
        }
    }

    /// The table for people.
    pub fn table(&self) -> Table {
        let mut t = Table::new([
            ("party", Align::Left),
            ("votes", Align::Right),
            ("share", Align::Right),
            ("eligible", Align::Left),
            ("seats", Align::Right),
        ]);
        for p in &self.parties {
            let eligible = if p.eligible { "yes" } else { "no" };
            t.push([
                p.party.clone(),
                thousands(p.votes),
                percent(p.votes.into(), self.base),
                eligible.into(),
                p.seats.to_string(),
            ]);
        }
        if let Some(a) = self.against_all {
            t.push([
                "(against all)".into(),
                thousands(a),
                percent(a.into(), self.base),
                String::new(),
                String::new(),
            ]);
        }
        let won: u64 = self.parties.iter().map(|p| u64::from(p.seats)).sum();
        t.push(["total".into(), thousands(self.base), "100.00%".into(), String::new(), won.to_string()]);
        t
    }

    /// The whole result as text for people.
    ///
    /// # Errors
    ///
    /// The writer's errors.
    pub fn write_text(&self, source: &str, w: &mut impl Write) -> io::Result<()> {
        write!(w, "{} ({}), {}", self.method, self.method_label, counted(self.seats.into(), "seat"))?;
        if let Some(t) = &self.threshold {
            write!(w, ", threshold {t}%")?;
        }
        if let Some(n) = self.min_parties {
            write!(w, ", at least {n} part{} take part", if n == 1 { "y" } else { "ies" })?;
        }
        writeln!(w, ", votes from {source}")?;
        writeln!(w)?;
        self.table().write_text(w)?;
        let of = if self.against_all.is_some() {
            "shares are of all votes for parties and \"against all\""
        } else {
            "shares are of all votes for parties"
        };
        match (&self.threshold, self.votes_needed) {
            (Some(t), Some(n)) => {
                writeln!(w, "{of}; threshold {t}% of {} = {} votes", thousands(self.base), thousands(n))?
            }
            _ => writeln!(w, "{of}")?,
        }
        if let Some(tie) = &self.tie {
            writeln!(w)?;
            writeln!(
                w,
                "tie between {} for {}: exactly equal claims; {} take{} {} by the tie rule ({})",
                join_names(&tie.parties),
                counted(tie.seats.into(), "seat"),
                join_names(&tie.winners),
                if tie.winners.len() == 1 { "s" } else { "" },
                if tie.seats == 1 { "it" } else { "them" },
                tie_words(&tie.policy)
            )?;
        }
        if let Some(a) = &self.audit {
            writeln!(w)?;
            write_audit(a, &self.method_label, self.seats, w)?;
        }
        Ok(())
    }
}

fn tie_words(policy: &str) -> String {
    policy.parse().map(tie_rule_words).unwrap_or_else(|_| policy.to_string())
}

/// One row of `saylau allocate --format csv`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AllocationCsvRow {
    /// The party.
    pub party: String,
    /// Its votes.
    pub votes: u64,
    /// Whether it took part.
    pub eligible: bool,
    /// Seats won.
    pub seats: u32,
    /// Whole quotas (with `--explain` and a quota method).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whole: Option<u64>,
    /// The remainder (with `--explain` and a quota method).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remainder: Option<String>,
    /// The quotient of the last seat (with `--explain` and a divisor method).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_quotient: Option<String>,
    /// The quotient of the next seat (with `--explain` and a divisor method).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_quotient: Option<String>,
}

impl AllocationView {
    /// The CSV rows: `party,votes,eligible,seats`, plus the audit's columns
    /// with `--explain`.
    pub fn csv_rows(&self) -> Vec<AllocationCsvRow> {
        let q =
            |x: &Option<super::QuotientView>| {
                Some(x.as_ref().map_or(String::new(), |q| {
                    q.approx.map_or_else(|| q.exact.clone(), |x| format!("{x:.3}"))
                }))
            };
        self.parties
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let mut row = AllocationCsvRow {
                    party: p.party.clone(),
                    votes: p.votes,
                    eligible: p.eligible,
                    seats: p.seats,
                    whole: None,
                    remainder: None,
                    last_quotient: None,
                    next_quotient: None,
                };
                match &self.audit {
                    Some(AuditView::Quota { parties, .. }) => {
                        if let Some(l) = parties.get(i) {
                            row.whole = Some(l.whole);
                            row.remainder = Some(
                                l.remainder
                                    .approx
                                    .map_or_else(|| l.remainder.exact.clone(), |x| format!("{x:.3}")),
                            );
                        }
                    }
                    Some(AuditView::Divisor { parties, .. }) => {
                        if let Some(l) = parties.get(i) {
                            row.last_quotient = q(&l.last_quotient);
                            row.next_quotient = q(&l.next_quotient);
                        }
                    }
                    None => {}
                }
                row
            })
            .collect()
    }
}
