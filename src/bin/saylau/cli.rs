//! The command line: subcommands, options, and the parsers of their values.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use saylau::{ExcessPolicy, Method, Threshold, TieBreak};

/// Exact seat allocation for Kazakhstan's elections (and any other
/// proportional or apportionment problem).
#[derive(Debug, Parser)]
#[command(name = "saylau", version)]
pub struct Cli {
    /// Also write the request this command line makes to FILE as JSON: `saylau run FILE`
    /// reproduces the run.
    #[arg(long, global = true, value_name = "FILE")]
    pub save_request: Option<PathBuf>,

    /// How a refusal is written on standard error: a line of text, or one JSON object
    /// {"error": {"kind", "message", "field", "tie"}} for scripts.
    #[arg(long, global = true, value_enum, value_name = "FORMAT", default_value_t = ErrorFormat::Text, ignore_case = true)]
    pub error_format: ErrorFormat,

    /// The subcommand to run.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Allocate seats to parties from a table of votes (CSV, .xlsx or .ods).
    #[command(long_about = ALLOCATE_ABOUT, after_long_help = ALLOCATE_AFTER)]
    Allocate(AllocateArgs),
    /// Elect a Kazakh body, or decide a referendum, from a JSON scenario file.
    #[command(long_about = ELECT_ABOUT, after_long_help = ELECT_AFTER)]
    Elect(ElectArgs),
    /// Project a body's seats by Monte Carlo simulation around a JSON scenario's votes.
    #[command(long_about = SIMULATE_ABOUT, after_long_help = SIMULATE_AFTER)]
    Simulate(SimulateArgs),
    /// Disproportionality and fragmentation indices of a scenario's result.
    #[command(long_about = METRICS_ABOUT, after_long_help = METRICS_AFTER)]
    Metrics(MetricsArgs),
    /// A scenario's votes under other methods, thresholds, house sizes or designs.
    #[command(long_about = COMPARE_ABOUT, after_long_help = COMPARE_AFTER)]
    Compare(CompareArgs),
    /// Draw a scenario's result as a parliament diagram (SVG or PNG).
    #[command(long_about = HEMICYCLE_ABOUT, after_long_help = HEMICYCLE_AFTER)]
    Hemicycle(HemicycleArgs),
    /// Write one self-contained HTML page analysing a scenario.
    #[command(long_about = REPORT_ABOUT, after_long_help = REPORT_AFTER)]
    Report(ReportArgs),
    /// Put two elections side by side: votes, shares, seats and the swing per party.
    #[command(long_about = DIFF_ABOUT, after_long_help = DIFF_AFTER)]
    Diff(DiffArgs),
    /// How many votes each list is from gaining or losing a seat, found exactly.
    #[command(long_about = FRAGILITY_ABOUT)]
    Fragility(FragilityArgs),
    /// Run a saved request (a JSON file, as --save-request writes it).
    #[command(long_about = RUN_ABOUT)]
    Run(RunArgs),
    /// Print the shell completion script for bash, zsh, fish, powershell or elvish.
    #[command(after_long_help = COMPLETIONS_AFTER)]
    Completions(CompletionsArgs),
}

/// The long description of `saylau allocate`.
const ALLOCATE_ABOUT: &str = include_str!("help/allocate-about.txt");

/// The text after the options of `saylau allocate --help`.
const ALLOCATE_AFTER: &str = include_str!("help/allocate-after.txt");

/// The long description of `saylau elect`.
const ELECT_ABOUT: &str = include_str!("help/elect-about.txt");

/// The text after the options of `saylau elect --help`.
const ELECT_AFTER: &str = include_str!("help/elect-after.txt");

/// The options of `saylau elect`.
#[derive(Debug, Args)]
pub struct ElectArgs {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Table, ignore_case = true)]
    pub format: Format,

    /// Also print the list tier's audit trail: the quota, whole seats and remainders, or the
    /// quotients and the range of divisors, among the lists taking part (table: a section;
    /// json: an "audit" field; csv: unchanged).
    #[arg(long)]
    pub explain: bool,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,

    /// What-if changes to the scenario's rules.
    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

/// "What if" changes to a scenario's rules, on every command that elects one;
/// the output says what was changed.
#[derive(Debug, Clone, Default, Args)]
pub struct WhatIfArgs {
    /// What if: another body or period of the rules (mazhilis-2007, mazhilis-2009, mazhilis-2023,
    /// maslikhat-2021, regional-maslikhat, city-maslikhat, district-maslikhat, akim, kurultai-2026; the
    /// short names are the rules in force).
    #[arg(long, value_name = "BODY", value_parser = parse_body)]
    pub body: Option<saylau::scenario::BodyKind>,

    /// What if: another list threshold, in percent.
    #[arg(long, value_name = "PERCENT", value_parser = parse_threshold, allow_hyphen_values = true)]
    pub threshold: Option<Threshold>,

    /// What if: another list method (the names of `saylau allocate --method`).
    #[arg(long, value_name = "METHOD", value_parser = parse_method)]
    pub method: Option<Method>,

    /// What if: another number of list seats (0 removes the list tier).
    #[arg(long, value_name = "N", value_parser = parse_tier, allow_hyphen_values = true)]
    pub list_seats: Option<u32>,

    /// What if: another number of single-member seats (0 removes the tier).
    #[arg(long, value_name = "N", value_parser = parse_tier, allow_hyphen_values = true)]
    pub district_seats: Option<u32>,

    /// What if: another tie rule (error, lot:SEED, order, votes).
    #[arg(long, value_name = "POLICY", value_parser = parse_tie_break)]
    pub ties: Option<TieBreak>,

    /// What if: admit the best lists below the threshold until N take part (0: off).
    #[arg(long, value_name = "N")]
    pub min_parties: Option<usize>,
}

fn parse_body(s: &str) -> Result<saylau::scenario::BodyKind, String> {
    s.parse().map_err(|e: saylau::Error| e.to_string())
}

fn parse_tie_break(s: &str) -> Result<TieBreak, String> {
    s.parse().map_err(|e: saylau::Error| e.to_string())
}

/// A tier size: digits only, from 0 to `u32::MAX`.
fn parse_tier(s: &str) -> Result<u32, String> {
    let t = s.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err("expected a whole number of seats from 0".into());
    }
    t.parse().map_err(|_| format!("{t} seats is more than the supported maximum of {}", u32::MAX))
}

/// The long description of `saylau diff`.
const DIFF_ABOUT: &str = include_str!("help/diff-about.txt");

/// The text after the options of `saylau diff --help`.
const DIFF_AFTER: &str = include_str!("help/diff-after.txt");

/// The options of `saylau diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Table, ignore_case = true)]
    pub format: Format,

    /// The first election, a scenario file; `-` reads standard input.
    #[arg(value_name = "BEFORE.json")]
    pub before: PathBuf,

    /// The second election, a scenario file.
    #[arg(value_name = "AFTER.json")]
    pub after: PathBuf,
}

/// The long description of `saylau simulate`.
const SIMULATE_ABOUT: &str = include_str!("help/simulate-about.txt");

/// The text after the options of `saylau simulate --help`.
const SIMULATE_AFTER: &str = include_str!("help/simulate-after.txt");

/// The options of `saylau simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Number of simulated elections, from 1 to 10000000000.
    #[arg(long, value_name = "N", value_parser = parse_count("runs"), allow_hyphen_values = true)]
    pub runs: u64,

    /// Seed of the random draws: the same seed gives the same output.
    #[arg(long, value_name = "S", default_value_t = 0, value_parser = parse_seed, allow_hyphen_values = true)]
    pub seed: u64,

    /// Worker threads; 0 uses all cores. Never changes the result.
    #[arg(long, value_name = "T", default_value_t = 0, value_parser = parse_threads, allow_hyphen_values = true)]
    pub threads: usize,

    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Table, ignore_case = true)]
    pub format: Format,

    /// Also print the seat distributions (json: a "histogram" array in every seat object;
    /// table: a bar chart per party).
    #[arg(long)]
    pub histogram: bool,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,

    /// What-if changes to the scenario's rules.
    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

/// Reads a whole number (`--runs`, `--threads`): digits only; the request
/// checks its range.
fn parse_count(what: &'static str) -> impl Fn(&str) -> Result<u64, String> + Clone {
    move |s: &str| {
        let t = s.trim();
        if t.is_empty() {
            return Err(format!("the number of {what} is empty: expected a whole number"));
        }
        if t.starts_with('-') {
            return Err(format!("the number of {what} cannot be negative"));
        }
        if !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!("the number of {what} must be a whole number, written with digits only"));
        }
        t.parse::<u64>().map_err(|_| format!("{t} {what} is more than the supported maximum of {}", u64::MAX))
    }
}

/// Reads `--threads`: digits only; the request checks its range.
fn parse_threads(s: &str) -> Result<usize, String> {
    let n = parse_count("threads")(s)?;
    usize::try_from(n).map_err(|_| format!("{n} threads is more than the supported maximum"))
}

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
    #[arg(long, value_name = "POLICY", default_value = "error", value_parser = parse_tie_break)]
    pub ties: TieBreak,

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

    /// Votes cast "against all": counted in the threshold base and the shares, never given seats
    /// (the Mazhilis rule since 2023).
    #[arg(long, value_name = "VOTES", default_value_t = 0)]
    pub against_all: u64,

    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Table, ignore_case = true)]
    pub format: Format,

    /// Also print the audit trail: the quota and remainders, or the quotients and the range of
    /// divisors that give the result (table: a section after the table; json: an "audit" field;
    /// csv: extra columns).
    #[arg(long)]
    pub explain: bool,

    /// The CSV delimiter: ',', ';' or tab. By default it is found from the header row.
    #[arg(long, value_name = "DELIMITER", value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,

    /// The sheet of an .xlsx or .ods workbook to read (default: the first sheet).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// File with the columns party and votes: CSV text, an .xlsx or an .ods workbook; `-` or
    /// nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
}

/// Reads `--delimiter`: `,`, `;` or `tab` (also `comma`, `semicolon`, or a tab character).
fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s.trim_matches(' ').to_lowercase().as_str() {
        "," | "comma" => Ok(b','),
        ";" | "semicolon" => Ok(b';'),
        "tab" | "\t" | "\\t" => Ok(b'\t'),
        _ => Err(format!("unknown delimiter {s:?}: expected ',', ';' or tab")),
    }
}

/// The output formats of every command that prints data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned tables and notes for people, numbers with thousands separators.
    Table,
    /// One JSON object (the stable contract, plain digits).
    Json,
    /// CSV with a header row (plain digits).
    Csv,
}

/// How refusals are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ErrorFormat {
    /// `saylau: error: MESSAGE`.
    Text,
    /// `{"error": {"kind": "input", "message": "...", ...}}`.
    Json,
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

fn parse_seed(s: &str) -> Result<u64, String> {
    let t = s.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err("the seed must be a whole number from 0 to 18446744073709551615".into());
    }
    t.parse().map_err(|_| "the seed is too large: the maximum is 18446744073709551615".into())
}

/// Reads a house size: digits only, at most `u32::MAX` (the count refuses 0).
fn parse_seats(s: &str) -> Result<u32, String> {
    let t = s.trim();
    let max = u32::MAX;
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
    t.parse().map_err(|_| format!("{t} seats is more than the supported maximum of {max}"))
}

/// The long description of `saylau metrics`.
const METRICS_ABOUT: &str = include_str!("help/metrics-about.txt");

/// The text after the options of `saylau metrics --help`.
const METRICS_AFTER: &str = include_str!("help/metrics-after.txt");

/// The options of `saylau metrics`.
#[derive(Debug, Args)]
pub struct MetricsArgs {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Table, ignore_case = true)]
    pub format: Format,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,

    /// What-if changes to the scenario's rules.
    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

/// The long description of `saylau compare`.
const COMPARE_ABOUT: &str = include_str!("help/compare-about.txt");

/// The text after the options of `saylau compare --help`.
const COMPARE_AFTER: &str = include_str!("help/compare-after.txt");

/// The options of `saylau compare`.
#[derive(Debug, Args)]
pub struct CompareArgs {
    /// What to vary: methods, thresholds, houses or designs.
    #[arg(long, value_enum, value_name = "WHAT", ignore_case = true)]
    pub by: CompareBy,

    /// --by thresholds: the first threshold, in percent (default 0).
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent, allow_hyphen_values = true)]
    pub from: Option<saylau::Ratio>,

    /// --by thresholds: the last threshold, in percent (default 10).
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent, allow_hyphen_values = true)]
    pub to: Option<saylau::Ratio>,

    /// --by thresholds: the step, in percentage points (default 0.5).
    #[arg(long, value_name = "PERCENT", value_parser = parse_percent, allow_hyphen_values = true)]
    pub step: Option<saylau::Ratio>,

    /// --by houses: the list-tier sizes, A..B (both included) or one size.
    #[arg(long, value_name = "A..B", value_parser = parse_houses, allow_hyphen_values = true)]
    pub houses: Option<(u32, u32)>,

    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Table, ignore_case = true)]
    pub format: Format,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,

    /// What-if changes to the scenario's rules.
    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

/// What `saylau compare` varies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareBy {
    /// Every apportionment method.
    Methods,
    /// A range of thresholds.
    Thresholds,
    /// A range of list-tier sizes.
    Houses,
    /// The body as given, all-list, MMP with overhang kept, MMP levelled.
    Designs,
}

/// Reads a percentage or step: a plain decimal, not negative (the request
/// checks that it is at most 100).
fn parse_percent(s: &str) -> Result<saylau::Ratio, String> {
    if s.trim().starts_with('-') {
        return Err("cannot be negative: expected a percentage from 0 to 100".into());
    }
    s.parse().map_err(|e: saylau::Error| format!("{e}: expected a percentage from 0 to 100"))
}

/// Reads `A..B` (or `A..=B`, or one size `A`): two whole numbers (the
/// request checks the range).
fn parse_houses(s: &str) -> Result<(u32, u32), String> {
    let t = s.trim();
    let (a, b) = match t.split_once("..") {
        Some((a, b)) => (a, b.strip_prefix('=').unwrap_or(b)),
        None => (t, t),
    };
    let one = |x: &str| -> Result<u32, String> {
        let x = x.trim();
        if x.is_empty() || !x.bytes().all(|c| c.is_ascii_digit()) {
            return Err("expected house sizes A..B, whole numbers such as 60..80".into());
        }
        x.parse::<u32>().map_err(|_| format!("{x} is more than the largest house size, {}", u32::MAX))
    };
    Ok((one(a)?, one(b)?))
}

/// The long description of `saylau hemicycle`.
const HEMICYCLE_ABOUT: &str = include_str!("help/hemicycle-about.txt");

/// The text after the options of `saylau hemicycle --help`.
const HEMICYCLE_AFTER: &str = include_str!("help/hemicycle-after.txt");

/// The options of `saylau hemicycle`.
#[derive(Debug, Args)]
pub struct HemicycleArgs {
    /// The file to write, .svg or .png (its extension gives the format); `-` writes to standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// The picture's format when the file's name does not give it (`-`, no extension), svg if not
    /// given; a .svg or .png extension wins over it.
    #[arg(long, value_enum, value_name = "FORMAT", ignore_case = true)]
    pub format: Option<PictureFormat>,

    /// PNG only: pixels per unit of the SVG, above 0 and at most 16 (2 is sharp on slides and
    /// high-density screens).
    #[arg(long, value_name = "X", default_value_t = 2.0, value_parser = parse_scale, allow_hyphen_values = true)]
    pub scale: f32,

    /// Show the party-list and single-member seats as two half rings.
    #[arg(long)]
    pub split: bool,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,

    /// What-if changes to the scenario's rules.
    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

/// The formats of a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PictureFormat {
    /// SVG, the picture as drawn (text, scalable).
    Svg,
    /// PNG, the SVG rendered to pixels with the embedded font.
    Png,
}

impl From<PictureFormat> for saylau::request::PictureFormat {
    fn from(f: PictureFormat) -> Self {
        match f {
            PictureFormat::Svg => saylau::request::PictureFormat::Svg,
            PictureFormat::Png => saylau::request::PictureFormat::Png,
        }
    }
}

/// Reads `--scale`: a number (the request checks its range).
fn parse_scale(s: &str) -> Result<f32, String> {
    s.trim().parse::<f32>().map_err(|_| "the scale must be a number such as 1, 2 or 1.5".to_string())
}

/// The long description of `saylau report`.
const REPORT_ABOUT: &str = "\
Write one self-contained HTML page that analyses a scenario. It opens with the seats: a one-line
summary of the body, each party's seats (per tier when the body has both) and the parliament
diagram. Then the votes and seats in full with every district's race, the disproportionality
indices, how many votes each list is from gaining or losing a seat, the seats under every method
and over a range of thresholds, a seat-vote scatter and the notes; with --runs, a Monte Carlo
projection too (the vote model, each party's and coalition's seats and chances). The page has no
scripts and loads nothing: styles and pictures (SVG) are inline, so it opens offline and can be
mailed as one file. It reads on a phone: wide tables scroll in their own box.";

/// The text after the options of `saylau report`.
const REPORT_AFTER: &str = "\
Sections (each an element with this id), in this order: seats, result, metrics, fragility,
methods, thresholds, scatter, with --runs simulation, and notes. A section that does not apply
(no party lists: no fragility, methods or thresholds) says so. The page is well-formed XHTML5 (it
parses as XML after the doctype); every text from the scenario is escaped.

A referendum has nothing to report: exit code 2 (decide it with `saylau elect`).

Exit codes: 0 success; 2 bad input, a referendum, or an output file that cannot be written; 3 a
tie that the scenario's \"ties\" policy does not break.

Examples:
  saylau report scenarios/mazhilis-2023.json -o report.html
  saylau report scenarios/mazhilis-2023-illustrative-districts.json --runs 10000 --seed 7 -o report.html";

/// The options of `saylau report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The HTML file to write; `-` writes to standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Add a Monte Carlo projection with this many runs (as `saylau simulate`), from 1 to 10000000.
    #[arg(long, value_name = "N", value_parser = parse_count("runs"), allow_hyphen_values = true)]
    pub runs: Option<u64>,

    /// Seed of the simulation's random draws.
    #[arg(long, value_name = "S", default_value_t = 0, value_parser = parse_seed, allow_hyphen_values = true)]
    pub seed: u64,

    /// Add a section putting this earlier election (a scenario file) beside the scenario, as `saylau diff`.
    #[arg(long, value_name = "BEFORE.json")]
    pub compare_with: Option<PathBuf>,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,

    /// What-if changes to the scenario's rules.
    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

/// The text after the options of `saylau completions --help`: how to install each script.
const COMPLETIONS_AFTER: &str = "\
Install (one line per shell, then open a new shell):
  bash:       saylau completions bash > ~/.local/share/bash-completion/completions/saylau
  zsh:        saylau completions zsh > ~/.zfunc/_saylau   (with fpath+=~/.zfunc before compinit in ~/.zshrc)
  fish:       saylau completions fish > ~/.config/fish/completions/saylau.fish
  powershell: Add-Content $PROFILE 'saylau completions powershell | Out-String | Invoke-Expression'
  elvish:     echo 'eval (saylau completions elvish | slurp)' >> ~/.config/elvish/rc.elv

Exit codes: 0 success; 2 an unknown shell.";

/// The options of `saylau completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to write the script for.
    #[arg(value_enum, value_name = "SHELL", ignore_case = true)]
    pub shell: clap_complete::Shell,
}

/// The long description of `saylau fragility`.
const FRAGILITY_ABOUT: &str = "\
For each list of a scenario, the fewest extra votes that win it another seat (votes to gain) and the
votes it can lose and keep all its seats (spare votes), each list alone moving and every other count
unchanged, under the list tier's rules (threshold included). Found exactly, not by search over
floating point.

JSON (--format json): the scenario's \"title\", \"date\", \"source\" and \"description\" when it gives
them, \"summary\" (the body's rules in one line), \"parties\" (one object per list: \"index\", \"party\",
\"votes\", \"seats\", \"votes_to_gain\", \"seats_after_gain\", \"votes_to_lose\", \"spare_votes\", \"exact\")
and \"what_if\" (the what-if changes, when there are any). CSV: one row per list with the same columns.

Exit codes: 0 success; 2 bad input, a referendum, or a body without party lists; 3 a tie that the
scenario's \"ties\" policy does not break.

Examples:
  saylau fragility scenarios/mazhilis-2023.json
  saylau fragility scenarios/mazhilis-2023.json --threshold 7 --format csv";

/// The options of `saylau fragility`.
#[derive(Debug, Args)]
pub struct FragilityArgs {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Table, ignore_case = true)]
    pub format: Format,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,

    /// What-if changes to the scenario's rules.
    #[command(flatten)]
    pub what_if: WhatIfArgs,
}

/// The long description of `saylau run`.
const RUN_ABOUT: &str = "\
Run a saved request: a JSON object naming its \"command\" (allocate, elect, simulate, metrics,
compare, fragility, diff, hemicycle, report) with that command's options and its input (the
scenario, or the parties and their votes) beside it. `--save-request FILE` on any command writes
one; the same request gives the same output. A picture or a page is written to -o FILE (or to
standard output); everything else is printed in --format.

Exit codes: 0 success; 2 bad input; 3 a tie the request's policy does not break; 130 interrupted.

Example:
  saylau simulate scenarios/mazhilis-2023.json --runs 1000 --seed 7 --save-request sim.json
  saylau run sim.json --format json";

/// The options of `saylau run`.
#[derive(Debug, Args)]
pub struct RunArgs {
    /// Output format of a request that prints data (not a picture or a page).
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = Format::Table, ignore_case = true)]
    pub format: Format,

    /// Where a picture or a page goes; `-` (the default) writes to standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// The request, a JSON file; `-` reads standard input.
    #[arg(value_name = "REQUEST.json")]
    pub file: PathBuf,
}
