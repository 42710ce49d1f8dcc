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
    /// Draw a scenario's result as a parliament diagram (SVG).
    #[command(long_about = HEMICYCLE_ABOUT, after_long_help = HEMICYCLE_AFTER)]
    Hemicycle(HemicycleArgs),
    /// Write one self-contained HTML page analysing a scenario.
    #[command(long_about = REPORT_ABOUT, after_long_help = REPORT_AFTER)]
    Report(ReportArgs),
}

/// The long description of `saylau allocate`.
const ALLOCATE_ABOUT: &str = "\
Allocate seats to parties from a table of votes, exactly: no floating point decides a seat.

The input is a table with a header row naming the columns `party` and `votes` (any case, any
order; other columns are ignored): CSV text separated by commas, semicolons or tabs (found from
the header row, or given with --delimiter), or the first sheet (or --sheet) of an Excel (.xlsx) or
OpenDocument (.ods) workbook. Every CSV row must have as many fields as the header. Votes are whole
numbers from 0 to 18446744073709551615. A UTF-8 byte-order mark, UTF-16 text with a byte-order mark
and CRLF line endings are accepted.";

/// The text after the options of `saylau allocate --help`.
const ALLOCATE_AFTER: &str = "\
Methods (any case): dhondt (jefferson), sainte-lague (webster), modified-sainte-lague[:FIRST]
(first divisor 1.4 unless given), huntington-hill, adams, dean, danish, imperiali; largest
remainder: hare (hamilton), droop, hagenbach-bischoff, imperiali-quota.

Votes may group thousands with spaces or no-break spaces (3 431 510) or apostrophes (3'431'510).
Commas or dots between groups of three (3,431,510 or 3.431.510) are read as thousands separators
only where they cannot be decimal marks: twice in one number, or where other numbers of the votes
column show it. A lone 1,234 or 1.234 that nothing settles is refused, and so is a fraction of a vote.
In a comma-separated file, quote numbers written with commas: \"3,431,510\". A spreadsheet's number
cell must hold a whole number up to 9007199254740992 (enter larger counts as text).

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

Examples:
  saylau allocate --method hare --seats 69 --threshold 5 --ties order --format json votes.csv
  saylau allocate --method hare --seats 69 --threshold 5 --sheet Results votes.xlsx
  saylau allocate --method dhondt --seats 10 --delimiter ';' votes.csv";

/// The long description of `saylau elect`.
const ELECT_ABOUT: &str = "\
Elect a Kazakh body under its statutory rules, or decide a referendum, from a JSON scenario file.

The scenario names the body and gives the votes: party lists (seats by the list method among the
lists that pass the threshold), single-member districts (first past the post, with the \"against
all\" line), or both. Seats are exact: no floating point decides a seat. Every rule that is assumed
rather than confirmed in law is printed as a note with the result.";

/// The text after the options of `saylau elect --help`.
const ELECT_AFTER: &str = "\
Bodies (\"body\"):
  mazhilis            98 seats: 69 party-list (5% of party votes plus \"against all\", Hare)
                      + 29 single-member districts (2023 rules)
  mazhilis-2021       98 party-list seats, 7% of party votes, Hare, at least two lists take
                      part (the last rule assumed)
  regional-maslikhat  \"seats\" (at most 50): half party-list (rounded down), the rest single-member
  district-maslikhat  \"seats\" (at most 30), all single-member
  akim                one single-member race
  kurultai            145 party-list seats (2026 constitution; the Mazhilis list rules are assumed)
  referendum          turnout and majority rules, from a \"referendum\" object

Scenario fields (unknown fields are an error, so that a typo cannot change the rules):
  body                 one of the bodies above (required)
  title, date, source, description
                       free text, shown in the output
  seats                the body's size (required for maslikhats)
  list_seats, district_seats
                       override a tier's size (0 removes the tier)
  threshold_percent    the list threshold, e.g. 5 or \"4.99\" (read exactly)
  method               the list method: hare, droop, dhondt, sainte-lague, ... (as in allocate)
  ties                 order (default: the list or candidate registered first wins), votes,
                       lot:SEED, or error (stop with exit code 3)
  min_parties          admit the next best lists until this many take part (0: off)
  against_all_rule     elect-leader (default) or repeat: when \"against all\" leads a district
  unfilled_seats       redistribute (default) or vacant: seats a list is too short to fill
  lists                [{\"party\": \"Amanat\", \"votes\": 3431510, \"candidates\": 89}, ...]
                       in registration order (candidates optional)
  against_all          \"against all\" votes on the list ballot (in the threshold base, never seats)
  districts            [{\"name\": \"Astana-1\", \"candidates\": [{\"name\": \"...\",
                       \"party\": \"Amanat\" or null, \"votes\": 123}], \"against_all\": 45}, ...]
  referendum           {\"registered\", \"took_part\", \"yes\", \"no\", \"invalid\",
                       \"constitutional\", \"regions\": [{\"name\", \"took_part\", \"yes\"}]}
  uncertainty          the vote model of `saylau simulate` (see `saylau simulate --help`);
                       ignored by elect

Votes are whole numbers from 0 to 18446744073709551615. A scenario may give lists without
districts (the district seats are then reported as undecided) or districts without lists. The
full reference is docs/scenario.md and the crate documentation of saylau::scenario.

Output: `table` is for people: the parties (votes with thousands separators; share of all list
votes, \"against all\" included, rounded for display), the threshold as \"5% of 6,366,441 = 318,323
votes\", every district's candidates with votes, shares and the winner's margin, and the notes
that apply. `json` prints {\"body\", \"seats\", \"majority\", \"parties\": [{\"party\", \"votes\",
\"share_percent\", \"eligible\", \"list_seats\", \"district_seats\", \"seats\"}], \"independents\",
\"vacant\", \"undecided\", \"tiers\": {\"list\", \"district\"} (each {\"seats\", \"won\", \"vacant\",
\"undecided\"} or null), \"against_all\", \"threshold\": {\"percent\", \"base\", \"needed\",
\"against_all_in_base\"}, \"districts\": [{\"name\", \"winner\", \"party\", \"against_all_won\",
\"candidates\": [{\"name\", \"party\", \"votes\", \"share_percent\", \"elected\"}], \"against_all\",
\"total_votes\", \"margin\"}], \"rules\", \"notes\": [{\"kind\", \"text\", ...}]} plus \"title\",
\"date\", \"source\" and \"description\" when the scenario gives them (\"votes\", \"share_percent\"
and \"eligible\" only for parties with a list; \"winner\" is null for a vacant seat, \"party\" null
for a self-nominated winner). Vacant seats are those the rules left empty (a repeat election, a
list too short); undecided seats are those the scenario gives no result for. `csv` has the
columns party,list_seats,district_seats,seats,votes,share_percent,eligible,district,candidate,
elected,margin: one row per party, then (against all), (self-nominated), (vacant) and
(undecided) when they apply, so that the seats column adds up to the body's size, then one row
per candidate and per district's \"against all\". For a referendum, json prints {\"body\":
\"referendum\", \"outcome\": \"adopted\" | \"rejected\" | \"invalid\", \"valid\", \"yes_majority\",
\"turnout_percent\", \"yes_percent\", \"regions_with_yes_majority\", \"regional_rule_met\",
\"notes\", ...} and csv has the columns field,value.

Exit codes: 0 success; 2 bad input or usage (the message names the file, the line and column or
the field, and what is wrong); 3 a tie that the scenario's \"ties\" policy does not break (only
with \"ties\": \"error\", or \"votes\" when the votes are equal): the message names the tied
parties or candidates and the seats in contention.

--explain adds the audit trail of the list tier, computed on the votes taking part (the lists
under the threshold count as zero): for largest-remainder methods the quota, each list's whole
seats and remainder; for divisor methods each list's last and next quotient and the range of
divisors that give the result. json: \"audit\": {\"type\": \"quota\", \"quota\", \"whole_seats\",
\"parties\": [{\"party\", \"whole\", \"remainder\", \"adjustment\", \"seats\"}]} or {\"type\":
\"divisor\", \"lowest_winning\", \"highest_losing\", \"parties\": [{\"party\", \"seats\",
\"last_quotient\", \"next_quotient\"}]} (quotients as {\"exact\", \"approx\"}), null without a list
tier. When a list was too short for its seats, the audit is of the first count and a note says so.

Examples:
  saylau elect scenarios/mazhilis-2023.json
  saylau elect --explain scenarios/mazhilis-2023.json
  saylau elect --format json scenarios/referendum-2022.json
  cat scenario.json | saylau elect --format csv -";

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
}

/// The long description of `saylau simulate`.
const SIMULATE_ABOUT: &str = "\
Project a body's seats by Monte Carlo simulation: draw many elections around a scenario's votes
and decide each one with exactly the rules and code of `saylau elect`.

The scenario is the same JSON file as for `saylau elect`; its votes are the centre of the vote
model and its optional \"uncertainty\" object sets the spread. Every run draws list votes and
district votes, decides the seats exactly, and adds them to integer counts per party, so memory
does not grow with --runs.";

/// The text after the options of `saylau simulate --help`.
const SIMULATE_AFTER: &str = "\
Vote model, each run (the formulas are in the crate documentation of saylau::simulate):
  1. systematic error: each list's centre share p_k (\"against all\" is a category of its own)
     is multiplied by exp(systematic_sd * z_k), z_k standard normal;
  2. sampling noise: shares ~ Dirichlet(concentration * w / sum w), like a poll of
     `concentration` people;
  3. turnout: the list ballots are scaled by max(0, 1 + turnout_sd * z); list votes are rounded
     to whole votes and the list seats are decided exactly;
  4. districts: each party's candidates swing with its national list share (proportional:
     share * s_k / p_k, or uniform: share + s_k - p_k), self-nominated candidates do not; then
     each candidate's votes are multiplied by max(0, 1 + district_sd * z) and the district is
     decided by the body's rules. Exact ties that the rules refuse are drawn by lot (counted in
     \"runs_with_lot\").

The scenario's \"uncertainty\" object (every field optional; unknown fields are an error):
  concentration        effective poll sample size; 0 turns sampling noise off (default 2000)
  systematic_sd        systematic polling error per list, log-ratio scale (default 0.1)
  turnout_sd           relative standard deviation of turnout (default 0)
  swing                proportional (default) or uniform: how district shares follow the lists
  district_sd          relative noise of each district candidate's votes (default 0.1)
  synthetic_districts  with no \"districts\" in the scenario, generate the body's single-member
                       districts from the list vote, one nominee per list (default false)
  regional_sd          regional variation of synthetic districts, log scale (default 0.25)
  coalitions           [{\"name\": \"Opposition\", \"parties\": [\"Auyl\", \"OSDP\"]}, ...]: groups whose
                       combined seats and majorities are reported (default none)
With \"concentration\": 0, \"systematic_sd\": 0 and \"district_sd\": 0 (and turnout_sd 0) every
run reproduces the scenario's votes, so every run gives the seats of `saylau elect`.

Reproducibility: runs are drawn in blocks of 1024, each from a generator seeded by --seed and
the block's number, and combined by adding integer counts: the same scenario, --seed and --runs
give the same output on any machine, whatever --threads.

Output: `table` is for people: the vote model in one line, then per party the centre list
share, the mean seats, the 90% interval (5th to 95th percentile), the median, P(majority) (more
than half of all seats alone), P(2/3) and P(threshold) (its list passed the threshold), written
\">99.9%\" or \"<0.1%\" rather than rounded to a certainty, list and district columns when the body
has both tiers, the coalitions and the notes; --histogram adds each party's seat distribution.
`json` prints {\"runs\", \"seed\", \"seats\", \"majority\", \"parties\": [{\"party\", \"mean\",
\"p05\", \"p50\", \"p95\", \"p_majority\", \"p_threshold\", \"list\", \"district\",
\"p_two_thirds\", \"p_three_quarters\", \"centre_share\", \"mean_share\"}], \"independents\",
\"vacant\", \"undecided\", \"coalitions\": [{\"name\", \"parties\", \"mean\", \"p05\", \"p50\",
\"p95\", \"p_majority\", \"p_two_thirds\", \"p_three_quarters\"}], \"runs_with_lot\",
\"interrupted\", \"model\", \"notes\"}. Seats (mean, p05, p50, p95) are total seats; \"list\",
\"district\", \"independents\" and \"vacant\" are {\"mean\", \"p05\", \"p50\", \"p95\"} (\"list\"
and \"p_threshold\" are null for a party without a list, \"district\" null for a body without
single-member seats). Probabilities are shares of runs, from 0 to 1; the shares are of list votes
plus \"against all\". --histogram adds \"histogram\": [runs with 0 seats, with 1 seat, ...] to
every seat object. `csv` has one row per party, coalition and kind of seat no party holds, with
the columns row,name,mean,p05,p50,p95,p_majority,p_two_thirds,p_three_quarters,p_threshold,
list_mean,district_mean,centre_share,mean_share,parties.

A progress bar is drawn on standard error when it is a terminal. Ctrl-C stops the runs cleanly:
the results of the runs completed so far are printed with \"interrupted\": true and a note.

Exit codes: 0 success; 2 bad input or usage (the message names the file, the line and column or
the field, and what is wrong; a referendum has nothing to simulate); 130 interrupted by Ctrl-C
(partial results printed).

Examples:
  saylau simulate scenarios/mazhilis-2023-illustrative-districts.json --runs 100000
  saylau simulate scenarios/mazhilis-2023.json --runs 1000000 --seed 7 --format json
  cat scenario.json | saylau simulate - --runs 10000 --histogram";

/// The options of `saylau simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// Number of simulated elections, from 1 to 10000000000.
    #[arg(long, value_name = "N", value_parser = parse_runs, allow_hyphen_values = true)]
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
}

/// The largest `--runs`.
pub const MAX_RUNS: u64 = 10_000_000_000;

/// The largest `--threads`.
const MAX_THREADS: usize = 1024;

/// Reads `--runs`: digits only, from 1 to [`MAX_RUNS`].
fn parse_runs(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let range = format!("a whole number from 1 to {MAX_RUNS}");
    if t.is_empty() {
        return Err(format!("the number of runs is empty: expected {range}"));
    }
    if t.starts_with('-') {
        return Err(format!("the number of runs cannot be negative: expected {range}"));
    }
    if !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("the number of runs must be {range}, written with digits only"));
    }
    match t.parse::<u64>() {
        Ok(0) => Err(format!("the number of runs must be at least 1: expected {range}")),
        Ok(n) if n <= MAX_RUNS => Ok(n),
        _ => Err(format!("{t} runs is more than the supported maximum of {MAX_RUNS}")),
    }
}

/// Reads `--threads`: digits only, from 0 (all cores) to [`MAX_THREADS`].
fn parse_threads(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let range = format!("a whole number from 0 (all cores) to {MAX_THREADS}");
    if t.starts_with('-') {
        return Err(format!("the number of threads cannot be negative: expected {range}"));
    }
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("the number of threads must be {range}"));
    }
    match t.parse::<usize>() {
        Ok(n) if n <= MAX_THREADS => Ok(n),
        _ => Err(format!("{t} threads is more than the supported maximum of {MAX_THREADS}")),
    }
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

/// The analysis commands' format (the one [`Format`]).
pub type DataFormat = Format;

/// The long description of `saylau metrics`.
const METRICS_ABOUT: &str = "\
Elect a scenario's body (as `saylau elect` does) and measure its result: how far each party's
seat share is from its vote share (disproportionality), how many parties count (fragmentation),
and how many votes elected nobody.

The list tier compares each list's votes with its list seats; \"against all\" is in the vote base
as one more group without seats. For a mixed body the whole body compares each party's list votes
with all its seats (list and single-member). With districts, the district waste counts the votes
for losing candidates, \"against all\" and votes in districts left vacant.";

/// The text after the options of `saylau metrics --help`.
const METRICS_AFTER: &str = "\
Indices (shares in percent; the definitions and references are in the crate documentation of
saylau::metrics):
  gallagher          least squares: sqrt(1/2 sum (v - s)^2), percentage points
  loosemore_hanby    1/2 sum |v - s|: the share of seats held beyond vote shares
  rae                mean |v - s| over parties with at least 0.5% of the votes
  sainte_lague       sum (s - v)^2 / v
  dhondt             max s / v: the most over-represented party's advantage ratio
  enep, enpp         effective number of parties by votes and by seats (Laakso-Taagepera)
  golosov_votes, golosov_seats
                     Golosov's effective number of parties
  wasted_votes, wasted_share
                     votes that elected nobody (lists without seats and \"against all\")
  largest_party, largest_party_bonus
                     the party with the most votes and its seat share minus vote share

Output: `table` is for people, with a line on each index. `json` prints {\"list_tier\",
\"whole_body\", \"district_waste\"}: \"list_tier\" and \"whole_body\" are {\"vote_base\",
\"extra_votes\", \"seats\", \"gallagher\", \"loosemore_hanby\", \"rae\", \"sainte_lague\", \"dhondt\",
\"enep\", \"enpp\", \"golosov_votes\", \"golosov_seats\", \"wasted_votes\", \"wasted_share\",
\"largest_party\", \"largest_party_bonus\", \"parties\": [{\"party\", \"votes\", \"seats\",
\"vote_share\", \"seat_share\", \"advantage_ratio\"}]} or null when they do not apply (no lists; a
body with one tier has no separate whole-body figures); \"district_waste\" is {\"cast\", \"wasted\",
\"share\"} or null without districts. `csv` has the columns tier,index,value.

Exit codes: 0 success; 2 bad input (also a referendum: it elects no seats); 3 a tie that the
scenario's \"ties\" policy does not break.

Examples:
  saylau metrics scenarios/mazhilis-2023.json
  saylau metrics --format json scenarios/mazhilis-2023-illustrative-districts.json";

/// The options of `saylau metrics`.
#[derive(Debug, Args)]
pub struct MetricsArgs {
    /// Output format.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = DataFormat::Table, ignore_case = true)]
    pub format: DataFormat,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,
}

/// The long description of `saylau compare`.
const COMPARE_ABOUT: &str = "\
Count a scenario's votes again under other rules: every apportionment method, a range of
thresholds, a range of list-tier sizes, or other designs of the body. Every other rule of the
scenario stays as it is. A setting that cannot be counted (a tie the scenario's policy refuses, no
list over the threshold) is a row with its reason: the comparison goes on.";

/// The text after the options of `saylau compare --help`.
const COMPARE_AFTER: &str = "\
Comparisons (--by):
  methods      the list tier under each of the 12 methods of `saylau allocate`
  thresholds   the list tier with thresholds from --from to --to by --step percent
               (default 0 to 10 by 0.5)
  houses       the list tier with each size in --houses A..B (default the tier's size +-10)
  designs      the body as given, all seats by list, and a compensatory (MMP) list tier with
               overhang kept or levelled (the district results stay as counted)

Output: `table` is for people: one row per setting, one column per party. `json` prints {\"by\",
\"parties\", \"rows\"}; each row of methods, thresholds and houses has \"label\", one of \"method\",
\"threshold_percent\" or \"list_seats\", then \"seats\" and \"eligible\" (arrays in the order of
\"parties\", null when the count failed), \"tie\" (the tie broken, or null) and \"error\" (null, or
why the count failed). Rows of designs have \"design\", \"house\", \"seats\", \"list_seats\",
\"district_seats\", \"independents\", \"vacant\", \"overhang\", \"levelling\" and \"error\". `csv` has
one column for the setting (method, threshold_percent, list_seats or design; designs add house),
one per party, and error.

Exit codes: 0 success; 2 bad input (a referendum, no party lists to compare, a bad range);
3 a tie that the scenario's \"ties\" policy does not break in the body as given (--by designs).

Examples:
  saylau compare scenarios/mazhilis-2023.json --by methods
  saylau compare scenarios/mazhilis-2023.json --by thresholds --from 3 --to 7 --step 1 --format csv
  saylau compare scenarios/mazhilis-2023.json --by houses --houses 60..80
  saylau compare scenarios/mazhilis-2023-illustrative-districts.json --by designs";

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
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = DataFormat::Table, ignore_case = true)]
    pub format: DataFormat,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,
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

/// The largest house size `--houses` accepts.
pub const MAX_HOUSE: u32 = 100_000;

/// Reads a percentage or step: a plain decimal from 0 to 100.
fn parse_percent(s: &str) -> Result<saylau::Ratio, String> {
    if s.trim().starts_with('-') {
        return Err("cannot be negative: expected a percentage from 0 to 100".into());
    }
    let r: saylau::Ratio =
        s.parse().map_err(|e: saylau::Error| format!("{e}: expected a percentage from 0 to 100"))?;
    if r > saylau::Ratio::integer(100) {
        return Err(format!("{} is over 100: expected a percentage from 0 to 100", s.trim()));
    }
    Ok(r)
}

/// Reads `A..B` (or `A..=B`, or one size `A`): house sizes from 1 to [`MAX_HOUSE`], A <= B.
fn parse_houses(s: &str) -> Result<(u32, u32), String> {
    let t = s.trim();
    let (a, b) = match t.split_once("..") {
        Some((a, b)) => (a, b.strip_prefix('=').unwrap_or(b)),
        None => (t, t),
    };
    let one = |x: &str| -> Result<u32, String> {
        let x = x.trim();
        if x.is_empty() || !x.bytes().all(|c| c.is_ascii_digit()) {
            return Err(format!(
                "expected house sizes A..B, whole numbers from 1 to {MAX_HOUSE}, such as 60..80"
            ));
        }
        match x.parse::<u32>() {
            Ok(n) if (1..=MAX_HOUSE).contains(&n) => Ok(n),
            _ => Err(format!("{x} is not a house size from 1 to {MAX_HOUSE}")),
        }
    };
    let (a, b) = (one(a)?, one(b)?);
    if a > b {
        return Err(format!("the range {a}..{b} is empty: the first size must not exceed the last"));
    }
    Ok((a, b))
}

/// The long description of `saylau hemicycle`.
const HEMICYCLE_ABOUT: &str = "\
Elect a scenario's body (as `saylau elect` does) and draw the result as a parliament diagram: one
dot per seat in half rings, each party one contiguous wedge, as a standalone SVG file.";

/// The text after the options of `saylau hemicycle --help`.
const HEMICYCLE_AFTER: &str = "\
Parties come in the scenario's order, each in its own colour whatever its position (the Kazakh
parties in fixed colours, others by name from a colour-blind-safe palette); self-nominated
members are grey, vacant seats (left empty by the rules) hollow with a solid ring, undecided
seats (no result given) hollow with a dashed ring; a line and a label mark the majority. A body
of one seat decided by one race (an akim) is drawn as a bar chart of its candidates. --split draws the party-list and the single-member seats as two
half rings side by side. Each seat is one <circle class=\"seat ...\" data-party=\"i\"> with the
party's name as its tooltip, so the number of <circle elements is the number of seats.

Exit codes: 0 success; 2 bad input, a referendum, more than 10000 seats, an output file named
for another format (-o seats.png), or an output file that cannot be written; 3 a tie that the scenario's \"ties\" policy does not break.

Examples:
  saylau hemicycle scenarios/mazhilis-2023-illustrative-districts.json -o seats.svg
  saylau hemicycle scenarios/mazhilis-2023-illustrative-districts.json --split -o - > split.svg";

/// The options of `saylau hemicycle`.
#[derive(Debug, Args)]
pub struct HemicycleArgs {
    /// The SVG file to write; `-` writes to standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Show the party-list and single-member seats as two half rings.
    #[arg(long)]
    pub split: bool,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,
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
    #[arg(long, value_name = "N", value_parser = parse_report_runs, allow_hyphen_values = true)]
    pub runs: Option<u64>,

    /// Seed of the simulation's random draws.
    #[arg(long, value_name = "S", default_value_t = 0, value_parser = parse_seed, allow_hyphen_values = true)]
    pub seed: u64,

    /// The scenario, a JSON file; `-` reads standard input.
    #[arg(value_name = "SCENARIO.json")]
    pub file: PathBuf,
}

/// The largest `--runs` of a report.
const MAX_REPORT_RUNS: u64 = 10_000_000;

/// Reads `saylau report --runs`: as `simulate --runs`, at most [`MAX_REPORT_RUNS`].
fn parse_report_runs(s: &str) -> Result<u64, String> {
    let n = parse_runs(s)?;
    if n > MAX_REPORT_RUNS {
        return Err(format!("{n} runs is more than a report's maximum of {MAX_REPORT_RUNS}"));
    }
    Ok(n)
}
