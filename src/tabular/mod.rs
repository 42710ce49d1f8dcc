//! Vote tables read from bytes: CSV text, Excel workbooks (.xlsx) and
//! OpenDocument spreadsheets (.ods), with the feature `tabular`.
//!
//! A table has a header row naming the columns `party` and `votes` (any
//! case, any order, other columns ignored), then one row per party.
//! [`read`] takes the bytes of a file and finds what they are:
//!
//! - **CSV text**, separated by commas, semicolons or tabs: the delimiter is
//!   the one that finds both columns in the header row, or the one Excel's
//!   `sep=;` first line names, or [`ReadOptions::delimiter`]. UTF-8 (with or
//!   without a byte-order mark) or UTF-16 with a byte-order mark (Excel's
//!   "Unicode text").
//! - **Workbooks**: the first sheet, or [`ReadOptions::sheet`]; the table
//!   may start at any cell.
//! - **Anything else** (a PDF, an old .xls, a zip, JSON, binary data) is
//!   named in [`Error::NotATable`] rather than read as text.
//!
//! Votes are whole numbers, written with thousands separators or not
//! ([`parse_votes`]): `3 431 510`, `3'431'510`, and `3,431,510` or
//! `3.431.510` where nothing else could be meant. A comma or dot that could
//! be a decimal mark (`1.234`) is read only when another cell of the column
//! settles it ([`parse_vote_column`]); else it is refused, never guessed.
//!
//! The library never opens a file: the caller reads the bytes. Errors name
//! the place in the table (`line 3: column 2`, `sheet "Votes", cell B7`)
//! but not the file; [`Error::in_file`] puts the file's name in front, as
//! the `saylau` binary prints it. Messages name the binary's options
//! (`--delimiter`, `--sheet`) where the fix is to give one, which are the
//! fields of [`ReadOptions`] of the same names.
//!
//! ## Example: the 2023 Mazhilis lists from a Russian-locale Excel CSV
//!
//! ```
//! use saylau::tabular::{self, ReadOptions};
//!
//! // Semicolons, no-break spaces between thousands, a byte-order mark and
//! // CRLF line ends, as Excel saves "CSV UTF-8" in a Russian locale.
//! let csv = "\u{feff}Партия;Party;Votes\r\n\
//!            Аманат;Amanat;3\u{a0}431\u{a0}510\r\n\
//!            Ауыл;Auyl;693\u{a0}938\r\n\
//!            Республика;Respublica;547\u{a0}154\r\n\
//!            Ак Жол;Ak Zhol;535\u{a0}139\r\n\
//!            Народная партия;People's Party of Kazakhstan;432\u{a0}920\r\n\
//!            ОСДП;OSDP;331\u{a0}058\r\n\
//!            Байтак;Baytaq;146\u{a0}431\r\n";
//! let parties = tabular::read(csv.as_bytes(), &ReadOptions::default())?;
//! assert_eq!(parties.votes(), [3_431_510, 693_938, 547_154, 535_139, 432_920, 331_058, 146_431]);
//! assert_eq!(parties.names()[6], "Baytaq");
//! # Ok::<(), tabular::Error>(())
//! ```

mod error;
mod number;
mod sniff;
mod spreadsheet;
mod text;

use std::fmt;

use crate::PartyVotes;

pub use error::{ChosenBy, Error, Format, Place, Split};
pub use number::{Separator, VotesError, parse_vote_column, parse_votes};

use number::Separators;
use sniff::Kind;

/// How to read a table. The default finds the delimiter of CSV text and
/// reads the first sheet of a workbook.
///
/// ```
/// use saylau::tabular::{self, ReadOptions};
/// let options = ReadOptions { delimiter: Some(b';'), ..ReadOptions::default() };
/// let parties = tabular::read(b"party;votes\nA;1,5\n", &options);
/// assert!(parties.unwrap_err().to_string().contains("fractional"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// The CSV delimiter (usually `b','`, `b';'` or `b'\t'`); `None` finds it
    /// from a `sep=` first line or the header row. A workbook with a
    /// delimiter is refused ([`Error::DelimiterForWorkbook`]).
    pub delimiter: Option<u8>,
    /// The workbook's sheet to read, by its name (or the only one equal
    /// ignoring case and surrounding spaces); `None` reads the first. CSV
    /// text with a sheet is refused ([`Error::SheetForText`]).
    pub sheet: Option<String>,
}

/// The kinds of workbook [`read`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Workbook {
    /// Office Open XML, as Excel saves (.xlsx).
    Xlsx,
    /// OpenDocument, as LibreOffice saves (.ods).
    Ods,
}

impl fmt::Display for Workbook {
    /// `an Excel workbook (.xlsx)`, `an OpenDocument spreadsheet (.ods)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Workbook::Xlsx => "an Excel workbook (.xlsx)",
            Workbook::Ods => "an OpenDocument spreadsheet (.ods)",
        })
    }
}

/// The columns a table must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// `party`: the party's name.
    Party,
    /// `votes`: its vote count.
    Votes,
}

impl Column {
    /// The column's name in the header row: `party` or `votes`.
    pub fn name(self) -> &'static str {
        match self {
            Column::Party => "party",
            Column::Votes => "votes",
        }
    }
}

/// Reads a table of parties and votes from the bytes of a CSV text file, an
/// Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods), parties in
/// the table's order.
///
/// ```
/// use saylau::tabular::{self, Error, Format, ReadOptions};
/// let parties = tabular::read(b"Votes,Party\n1'000,A\n\n2 000,B\n", &ReadOptions::default())?;
/// assert_eq!(parties.votes(), [1000, 2000]);
/// let pdf = tabular::read(b"%PDF-1.7 ...", &ReadOptions::default());
/// assert_eq!(pdf, Err(Error::NotATable { format: Format::Pdf }));
/// # Ok::<(), Error>(())
/// ```
///
/// # Errors
///
/// An [`Error`] saying what is wrong and where: bytes that are not a table,
/// text that is not UTF-8 or UTF-16, a header without the party or votes
/// column, a cell that is not a whole number of votes, an empty or
/// duplicate party name, a missing sheet.
pub fn read(bytes: &[u8], options: &ReadOptions) -> Result<PartyVotes, Error> {
    let decoded;
    let text = match sniff::sniff(bytes) {
        Kind::Workbook(workbook) => {
            if let Some(delimiter) = options.delimiter {
                return Err(Error::DelimiterForWorkbook { delimiter, workbook });
            }
            return spreadsheet::read(bytes, workbook, options.sheet.as_deref());
        }
        Kind::Other(format) => return Err(Error::NotATable { format }),
        Kind::Utf16 { little_endian } => {
            decoded = sniff::utf16(bytes, little_endian)?;
            decoded.as_bytes()
        }
        Kind::Text => bytes,
    };
    if let Some(sheet) = &options.sheet {
        return Err(Error::SheetForText { sheet: sheet.clone() });
    }
    text::read(text, options.delimiter)
}

/// One data row, read but with its votes not yet checked.
struct Entry {
    /// The votes field or cell.
    cell: Place,
    /// The row.
    row: Place,
    /// The party name, trimmed and not empty.
    party: String,
    /// The votes cell.
    votes: Votes,
}

/// A votes cell.
enum Votes {
    /// Text, read by the rules for numbers written by people, which look at
    /// the whole column.
    Text(String),
    /// A spreadsheet's number cell, already read.
    Read(Result<u64, VotesError>),
}

/// Reads the votes of every row, then checks the parties.
///
/// # Errors
///
/// The first row whose votes cannot be read, a duplicate party, or no rows.
fn finish(header: Place, entries: Vec<Entry>) -> Result<PartyVotes, Error> {
    if entries.is_empty() {
        return Err(Error::NoDataRows { header });
    }
    let column = Separators::survey(entries.iter().filter_map(|e| match &e.votes {
        Votes::Text(text) => Some(text.as_str()),
        Votes::Read(_) => None,
    }));
    let mut rows = Vec::with_capacity(entries.len());
    for entry in &entries {
        let votes = match &entry.votes {
            Votes::Text(text) => number::parse(text, column),
            Votes::Read(read) => read.clone(),
        };
        let votes = votes.map_err(|problem| Error::Votes {
            place: entry.cell.clone(),
            party: entry.party.clone(),
            problem,
        })?;
        rows.push((entry.party.clone(), votes));
    }
    let row = |i: usize| entries.get(i).map(|e| e.row.clone());
    let number = |place: Place| match place {
        Place::Line { line } | Place::Field { line, .. } => line,
        Place::Row { row, .. } | Place::Cell { row, .. } => row,
    };
    PartyVotes::new(rows).map_err(|e| match e {
        crate::Error::DuplicateParty { name, first, second } => match (row(first), row(second)) {
            (Some(first), Some(place)) => Error::DuplicateParty { place, party: name, first: number(first) },
            _ => Error::Parties(crate::Error::DuplicateParty { name, first, second }),
        },
        crate::Error::EmptyPartyName { index } => match row(index) {
            Some(place) => Error::EmptyPartyName { place },
            None => Error::Parties(e),
        },
        other => Error::Parties(other),
    })
}

/// The delimiters that CSV text may use, in the order they are tried.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// Positions of the columns read.
struct Columns {
    party: usize,
    votes: usize,
}

/// What is wrong with a header row, before the place is known.
enum HeaderProblem {
    /// A column is missing; `found` are the header's names that are not empty.
    Missing { column: Column, found: Vec<String> },
    /// A column is there twice, at the columns `first` and `second` (from 1).
    Twice { column: Column, first: usize, second: usize },
}

impl HeaderProblem {
    /// The error, at the header row `place`.
    fn at(self, place: Place, split: Option<Split>, other_sheets: Vec<String>) -> Error {
        match self {
            HeaderProblem::Missing { column, found } => {
                Error::MissingColumn { place, column, found, split, other_sheets }
            }
            HeaderProblem::Twice { column, first, second } => {
                Error::DuplicateColumn { place, column, first, second, split, other_sheets }
            }
        }
    }
}

impl Columns {
    /// Finds `party` and `votes` among the header's `names` (trimmed and
    /// lower-cased); `position` gives a name's column in the table, from 1.
    fn find(names: &[String], position: impl Fn(usize) -> usize) -> Result<Columns, HeaderProblem> {
        let find = |column: Column| -> Result<usize, HeaderProblem> {
            let mut hits =
                names.iter().enumerate().filter(|(_, n)| n.as_str() == column.name()).map(|(i, _)| i);
            let first = hits.next().ok_or_else(|| HeaderProblem::Missing {
                column,
                found: names.iter().filter(|n| !n.is_empty()).cloned().collect(),
            })?;
            if let Some(second) = hits.next() {
                return Err(HeaderProblem::Twice {
                    column,
                    first: position(first),
                    second: position(second),
                });
            }
            Ok(first)
        };
        Ok(Columns { party: find(Column::Party)?, votes: find(Column::Votes)? })
    }
}

/// `commas`, `semicolons`, `tabs`: what the columns were split at.
fn delimiter_name(d: u8) -> String {
    match d {
        b',' => "commas".to_string(),
        b';' => "semicolons".to_string(),
        b'\t' => "tabs".to_string(),
        other => format!("{:?}", char::from(other)),
    }
}

/// How the binary's `--delimiter` spells a delimiter: `';'`, `tab`.
fn delimiter_option(d: u8) -> String {
    match d {
        b'\t' => "tab".to_string(),
        other => format!("'{}'", char::from(other)),
    }
}

/// Most names a message lists before it says how many more there are.
const NAMES_SHOWN: usize = 10;

/// The names joined with `, `, at most ten of them then `and N more`, so
/// that a header of a million columns gives a readable message.
fn join_names(names: impl ExactSizeIterator<Item = String>) -> String {
    let total = names.len();
    let mut shown: Vec<String> = names.take(NAMES_SHOWN).collect();
    if total > NAMES_SHOWN {
        shown.push(format!("and {} more", total - NAMES_SHOWN));
    }
    shown.join(", ")
}

/// `"A", "B"`: sheet names, quoted.
fn quoted(names: &[String]) -> String {
    join_names(names.iter().map(|n| format!("{n:?}")))
}

/// `"s"` unless `n` is 1.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn join_names_stops_after_ten() {
        let names = (0..1_000_000).map(|i| format!("P{i}"));
        let text = join_names(names);
        assert!(text.starts_with("P0, P1, "));
        assert!(text.ends_with("P9, and 999990 more"), "{text}");
        assert_eq!(join_names(["A".to_string(), "B".to_string()].into_iter()), "A, B");
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_give_parties_or_an_error(bytes in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(b"party,votes;\t\r\n \"1,.".to_vec()),
                proptest::num::u8::ANY,
            ],
            0..64,
        )) {
            if let Err(e) = read(&bytes, &ReadOptions::default()) {
                let message = e.in_file("t");
                proptest::prop_assert!(message.starts_with("t: ") || message.starts_with("t, sheet "), "{}", message);
                // Past the header, a row error names its line.
                if let Error::Votes { place, .. } | Error::FieldCount { place, .. } = &e {
                    proptest::prop_assert!(message.starts_with(&format!("t: {place}")), "{}", message);
                }
            }
        }
    }
}
