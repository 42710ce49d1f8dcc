//! The command line: subcommands, options, and the parsers of their values.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use saylau::{ExcessPolicy, Method, Threshold, TieBreak};

/// Exact seat allocation for Kazakhstan's elections (and any other
/// proportional or apportionment problem).
#[derive(Debug, Parser)]
#[command(name = "saylau", version)]
pub struct Cli {
    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Allocate seats to parties from a CSV file of votes.
    #[command(long_about = ALLOCATE_ABOUT, after_long_help = ALLOCATE_AFTER)]
    Allocate(AllocateArgs),
}

/// The long description of `saylau allocate`.
const ALLOCATE_ABOUT: &str = "\
Allocate seats to parties from a CSV file of votes, exactly: no floating point decides a seat.

The input is CSV with a header row naming the columns `party` and `votes` (any case, any order;
other columns are ignored). Every row must have as many fields as the header. Votes are whole
numbers from 0 to 18446744073709551615. A UTF-8 byte-order mark and CRLF line endings are accepted.";

/// The text after the options of `saylau allocate --help`.
const ALLOCATE_AFTER: &str = "\
Methods (any case): dhondt (jefferson), sainte-lague (webster), modified-sainte-lague[:FIRST]
(first divisor 1.4 unless given), huntington-hill, adams, dean, danish, imperiali; largest
remainder: hare (hamilton), droop, hagenbach-bischoff, imperiali-quota.

Threshold: a party takes part only if votes x 100 >= PERCENT x (the sum of all rows' votes).
Parties with zero votes never take part.

Output: `table` is for people (the shares are rounded, for display only). `json` prints
{\"method\", \"seats\", \"parties\": [{\"party\", \"votes\", \"eligible\", \"seats\"}]} in input order,
plus \"threshold\", \"min_parties\", \"tie\" and \"audit\" when they apply. `csv` has the columns
party,votes,eligible,seats; with --explain it adds whole,remainder (largest-remainder methods)
or last_quotient,next_quotient (divisor methods).

Exit codes: 0 success; 2 bad input or usage (also a quota over-allocation under --excess error,
and output that cannot be written); 3 a tie that the policy does not break: the message names
the tied parties and the seats in contention.

Example:
  saylau allocate --method hare --seats 69 --threshold 5 --ties order --format json votes.csv";

/// The options of `saylau allocate`.
#[derive(Debug, Args)]
pub struct AllocateArgs {
    /// Apportionment method, e.g. dhondt, sainte-lague, hare (see below).
    #[arg(long, value_name = "METHOD", value_parser = parse_method)]
    pub method: Method,

    /// Number of seats to fill, from 1 to 4294967295.
    #[arg(long, value_name = "N", value_parser = parse_seats, allow_hyphen_values = true)]
    pub seats: u32,

    /// Legal threshold in percent of all rows' votes, from 0 to 100 (e.g. 5 or 4.99); none by default.
    #[arg(long, value_name = "PERCENT", value_parser = parse_threshold, allow_hyphen_values = true)]
    pub threshold: Option<Threshold>,

    /// Tie-break policy: error (exit 3), lot (seeded draw, see --seed), order (the row listed
    /// first wins), votes (more votes wins; equal votes: as error).
    #[arg(long, value_name = "POLICY", default_value = "error", value_parser = parse_ties)]
    pub ties: TiesArg,

    /// Seed of the draw for --ties lot: the same seed gives the same draw (default 0).
    #[arg(long, value_name = "S", value_parser = parse_seed, allow_hyphen_values = true)]
    pub seed: Option<u64>,

    /// When a quota (Hagenbach-Bischoff, Imperiali) gives more whole seats than the house has:
    /// remove the extra seats from the smallest remainders, or stop with exit code 2.
    #[arg(long, value_enum, value_name = "POLICY", default_value_t = Excess::Remove, ignore_case = true)]
    pub excess: Excess,

    /// Admit the best parties below the threshold until at least N take part (the 2009
    /// "at least two parties" rule); 0 turns it off.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub min_parties: usize,

    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Table, ignore_case = true)]
    pub format: Format,

    /// Also print the audit trail: the quota and remainders, or the quotients and the range of
    /// divisors that give the result (table: a section after the table; json: an "audit" field;
    /// csv: extra columns).
    #[arg(long)]
    pub explain: bool,

    /// CSV file with the columns party and votes; `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table for people.
    Table,
    /// One JSON object.
    Json,
    /// CSV with the columns party,votes,eligible,seats.
    Csv,
}

/// The over-allocation policies, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Excess {
    /// Take the extra seats back from the smallest remainders.
    Remove,
    /// Refuse (exit code 2).
    Error,
}

impl From<Excess> for ExcessPolicy {
    fn from(e: Excess) -> ExcessPolicy {
        match e {
            Excess::Remove => ExcessPolicy::RemoveSmallestRemainders,
            Excess::Error => ExcessPolicy::Error,
        }
    }
}

/// A tie policy as typed: `lot:SEED` carries its own seed.
#[derive(Debug, Clone, Copy)]
pub struct TiesArg {
    /// The policy (for `lot` without a seed, seed 0 until `--seed` says otherwise).
    pub policy: TieBreak,
    /// Whether the text named the seed (`lot:SEED`).
    pub seeded: bool,
}

fn parse_method(s: &str) -> Result<Method, String> {
    s.parse().map_err(|e: saylau::Error| e.to_string())
}

fn parse_threshold(s: &str) -> Result<Threshold, String> {
    if s.trim().starts_with('-') {
        return Err("the threshold cannot be negative: expected a percentage from 0 to 100".into());
    }
    s.parse().map_err(|e: saylau::Error| match e {
        saylau::Error::InvalidThreshold { .. } => e.to_string(),
        _ => format!("{e}: expected a percentage from 0 to 100"),
    })
}

fn parse_ties(s: &str) -> Result<TiesArg, String> {
    let policy = s.parse().map_err(|e: saylau::Error| e.to_string())?;
    Ok(TiesArg { policy, seeded: s.contains(':') })
}

fn parse_seed(s: &str) -> Result<u64, String> {
    let t = s.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err("the seed must be a whole number from 0 to 18446744073709551615".into());
    }
    t.parse().map_err(|_| "the seed is too large: the maximum is 18446744073709551615".into())
}

/// Reads a house size: digits only, from 1 to `u32::MAX`.
fn parse_seats(s: &str) -> Result<u32, String> {
    let t = s.trim();
    let max = u32::MAX;
    let too_many = || saylau::Error::TooManySeats { seats: t.parse().unwrap_or(u64::MAX), max: max.into() };
    if t.is_empty() {
        return Err("the number of seats is empty".into());
    }
    if t.starts_with('-') {
        return Err(format!(
            "the number of seats cannot be negative: expected a whole number from 1 to {max}"
        ));
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("the number of seats must be a whole number from 1 to {max}"));
    }
    let n: u64 = t.parse().map_err(|_| format!("{t} seats is more than the supported maximum of {max}"))?;
    if n == 0 {
        return Err(saylau::Error::NoSeats.to_string());
    }
    u32::try_from(n).map_err(|_| too_many().to_string())
}
