//! The English of every [`Note`]: notes are data in the rules layer, their
//! words are here, with the describing layer's numbers and names.

use std::fmt;

use crate::apportion::TieBreak;
use crate::describe::words::{Thousands, counted, join_names};
use crate::note::{Note, OfficialRow};
use crate::referendum::RegionalReading;

use crate::system::UnfilledSeats;

/// How a tie rule reads in a sentence.
pub fn tie_rule_words(policy: TieBreak) -> String {
    match policy {
        TieBreak::Error => "no tie rule".into(),
        TieBreak::Lot { seed } => format!("a seeded lot, seed {seed}"),
        TieBreak::ListOrder => "the one listed first wins".into(),
        TieBreak::MoreVotes => "more votes wins".into(),
    }
}

impl fmt::Display for Note {
    #[expect(
        clippy::too_many_lines,
        reason = "one arm per kind of note: the English rendering of every note in one place"
    )]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Note::Rules { body, period, law, confirmed } => {
                if body == period {
                    write!(f, "Rules: {body} ({law}).")?;
                } else {
                    write!(f, "Rules: {body}, the rules of {period} ({law}).")?;
                }
                if !confirmed.is_empty() {
                    let rules: Vec<String> = confirmed.iter().map(ToString::to_string).collect();
                    write!(f, " Confirmed: {}.", rules.join("; "))?;
                }
                Ok(())
            }
            Note::Assumed { rule } => write!(f, "Assumed: {rule}."),
            Note::ListsNotGiven { seats } => {
                write!(f, "No list votes given: the {} are undecided.", counted((*seats).into(), "list seat"))
            }
            Note::DistrictsMissing { given: 0, seats } => write!(
                f,
                "No district results given: the {} are undecided.",
                counted((*seats).into(), "single-member seat")
            ),
            Note::DistrictsMissing { given, seats } => {
                let missing = (*seats as usize).saturating_sub(*given);
                write!(
                    f,
                    "{} of {} single-member districts given: {} undecided.",
                    Thousands(*given as u128),
                    Thousands((*seats).into()),
                    counted(missing as u64, "seat")
                )
            }
            Note::BelowThreshold { percent, base, needed, against_all_in_base, lists } => {
                let what =
                    if *against_all_in_base { "votes for lists and \"against all\"" } else { "list votes" };
                let names: Vec<String> = lists
                    .iter()
                    .map(|l| {
                        format!(
                            "{} ({} votes, {})",
                            l.party,
                            Thousands(l.votes.into()),
                            crate::describe::words::percent(l.votes.into(), *base)
                        )
                    })
                    .collect();
                write!(
                    f,
                    "Below the threshold of {percent}% of {} {what} = {} votes: {}.",
                    Thousands(*base),
                    Thousands(*needed),
                    join_names(&names)
                )
            }
            Note::AdmittedBelowThreshold { min_parties, lists } => write!(
                f,
                "Admitted below the threshold so that at least {min_parties} lists take part: {}.",
                join_names(lists)
            ),
            Note::RunnerUpAdmitted { lists, minimum, seats } => {
                write!(
                    f,
                    "Only one list reached the threshold: {} admitted as the runner-up (Art. 97(2)-(3) of 2009): \
                     the quota is the admitted lists' votes divided by the seats, and the runner-up's quotient is \
                     multiplied by 0.7",
                    join_names(lists)
                )?;
                if *minimum > 0 {
                    write!(f, ", with at least {minimum} seats")?;
                }
                write!(f, "; {} won.", counted((*seats).into(), "seat"))
            }
            Note::ListTooLong { party, candidates, max } => write!(
                f,
                "{party} registered {} candidates, more than the {} allowed (the list seats times 1.3); no seat \
                 changes.",
                Thousands((*candidates).into()),
                Thousands((*max).into())
            ),
            Note::ShortList { party, candidates, unfilled } => write!(
                f,
                "{party} won more list seats than its {} candidates; {}.",
                Thousands((*candidates).into()),
                match unfilled {
                    UnfilledSeats::Redistribute => "the seats it cannot fill go to the other lists",
                    UnfilledSeats::Vacant => "the seats it cannot fill stay vacant",
                }
            ),
            Note::ListSeatsVacant { seats } => write!(f, "{} vacant.", counted((*seats).into(), "list seat")),
            Note::ListTieBroken { seats, tied, winners, policy } => write!(
                f,
                "Tie for {} between {}: exactly equal claims; {} take{} {} by the tie rule ({}).",
                counted((*seats).into(), "list seat"),
                join_names(tied),
                join_names(winners),
                if winners.len() == 1 { "s" } else { "" },
                if *seats == 1 { "it" } else { "them" },
                tie_rule_words(*policy)
            ),
            Note::AgainstAllLed { district, against_all, elected } => {
                write!(
                    f,
                    "{district}: \"against all\" ({} votes) polled more than every candidate; ",
                    Thousands((*against_all).into())
                )?;
                match elected {
                    Some(w) => write!(f, "{w} is elected under the rule in force."),
                    None => write!(f, "the seat is vacant until a repeat election."),
                }
            }
            Note::Overridden { field, from, to } => match from {
                Some(from) => write!(f, "What if: {field} is {to} instead of {from} as the file gives it."),
                None => write!(f, "What if: {field} is {to} instead of the rules' own."),
            },
            Note::ListsNotSimulated { seats } => write!(
                f,
                "No list votes given: the {} are undecided in every run, so no chance of a majority is computed \
                 (it depends on them).",
                counted((*seats).into(), "list seat")
            ),
            Note::DistrictsNotSimulated { seats, synthetic_possible } => {
                write!(
                    f,
                    "The {} without district results are undecided in every run, so no chance of a majority is \
                     computed (it depends on them)",
                    counted((*seats).into(), "single-member seat")
                )?;
                if *synthetic_possible {
                    write!(
                        f,
                        "; leave out uncertainty.synthetic_districts, or set it to true, to generate them"
                    )?;
                }
                write!(f, ".")
            }
            Note::SyntheticDistricts { seats, regional_sd } => write!(
                f,
                "No district results given: the {} single-member districts are SYNTHETIC, generated from the \
                 national list vote with regional variation {regional_sd} (log scale), one nominee per list (set \
                 uncertainty.synthetic_districts to false to leave them undecided).",
                Thousands((*seats).into())
            ),
            Note::LotsDrawn { runs } => write!(
                f,
                "{} had an exact tie that the rules refuse to break; lots were drawn from the run's own stream.",
                counted(*runs, "run")
            ),
            Note::Interrupted { runs } => write!(f, "Interrupted: {} completed.", counted(*runs, "run")),
            Note::RegionalRuleUnchecked => write!(
                f,
                "Constitutional referendum: the two-thirds-of-regions rule could not be checked (no regional \
                 figures); the verdict rests on the national figures."
            ),
            Note::RegionalRule { reading, with, regions, met } => write!(
                f,
                "{} in {with} of {regions} regions; two thirds needed: {}.",
                match reading {
                    RegionalReading::YesMajority => "Yes majority",
                    RegionalReading::Turnout => "Turnout above half",
                },
                if *met { "met" } else { "not met" }
            ),
            Note::SizeFromDistricts { seats } => write!(
                f,
                "No \"seats\" given: the body has the {} given (every seat single-member).",
                counted((*seats).into(), "district")
            ),
            Note::FromPolls { polls, ballots, rest } => write!(
                f,
                "The list votes are not votes cast: they are the pooled shares of {} counted on {} notional \
                 ballots, with the {rest}% the polls give no list counted as \"against all\".",
                counted((*polls).try_into().unwrap_or(u64::MAX), "poll"),
                Thousands((*ballots).into())
            ),
            Note::ThresholdFraction { given, suggested } => write!(
                f,
                "The threshold is {given}%, below 1%: did you mean {suggested}%? \"threshold_percent\" is in \
                 percent (5 for 5%)."
            ),
            Note::Official { source, published, rows } => {
                let what =
                    if *published { "Official result" } else { "Result computed by others, not published" };
                let (same, differ): (Vec<&OfficialRow>, Vec<&OfficialRow>) =
                    rows.iter().partition(|r| r.agree);
                let same: Vec<String> = same.iter().map(|r| format!("{}: {}", r.what, r.official)).collect();
                write!(f, "{what} ({source}): ")?;
                if differ.is_empty() {
                    write!(f, "{}; the computed result is the same: they agree.", join_names(&same))
                } else {
                    let differ: Vec<String> = differ
                        .iter()
                        .map(|r| format!("{}: {} officially, {} computed", r.what, r.official, r.computed))
                        .collect();
                    write!(f, "they DIFFER: {}", join_names(&differ))?;
                    if !same.is_empty() {
                        write!(f, "; the same: {}", join_names(&same))?;
                    }
                    write!(f, ".")
                }
            }
            Note::DistrictTieBroken { district, tied, winner, policy } => write!(
                f,
                "{district}: {} tied for the lead with equal votes; {winner} wins by the tie rule ({}).",
                join_names(tied),
                tie_rule_words(*policy)
            ),
        }
    }
}
