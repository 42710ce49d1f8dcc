//! Why a table could not be read, and where.

use std::fmt;

use super::number::VotesError;
use super::spreadsheet::column_letters;
use super::{Column, Workbook, delimiter_name, delimiter_option, join_names, plural, quoted};

/// A place in a table: a line or field of CSV text, or a sheet, row or cell
/// of a workbook. Lines, rows and columns count from 1.
///
/// ```
/// use saylau::tabular::Place;
/// assert_eq!(Place::Field { line: 3, column: 2 }.to_string(), "line 3: column 2");
/// let cell = Place::Cell { sheet: "Votes".into(), column: 2, row: 7 };
/// assert_eq!(cell.to_string(), "sheet \"Votes\", cell B7");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Place {
    /// A line of CSV text.
    Line {
        /// The line, from 1 (blank lines counted).
        line: u64,
    },
    /// A field of CSV text.
    Field {
        /// The line, from 1.
        line: u64,
        /// The column, from 1.
        column: usize,
    },
    /// A row of a workbook's sheet.
    Row {
        /// The sheet's name.
        sheet: String,
        /// The row, from 1, as the spreadsheet numbers it.
        row: u64,
    },
    /// A cell of a workbook's sheet, as in `B7`.
    Cell {
        /// The sheet's name.
        sheet: String,
        /// The column, from 1: `2` for `B` (messages show the letters).
        column: u64,
        /// The row, from 1 (`7`).
        row: u64,
    },
}

impl Place {
    /// Whether the place is in a workbook's sheet (else in CSV text).
    pub fn in_sheet(&self) -> bool {
        matches!(self, Place::Row { .. } | Place::Cell { .. })
    }

    /// `line 4` or `row 4`: another line or row of the same table, as in
    /// "it already appears on line 4".
    fn other(&self, number: u64) -> String {
        if self.in_sheet() { format!("row {number}") } else { format!("line {number}") }
    }

    /// `2` in CSV text, `B` in a sheet: how a message names a column from
    /// its number (from 1) in a table at this place.
    fn column_label(&self, number: usize) -> String {
        if self.in_sheet() {
            column_letters(u64::try_from(number).unwrap_or(u64::MAX))
        } else {
            number.to_string()
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Line { line } => write!(f, "line {line}"),
            Place::Field { line, column } => write!(f, "line {line}: column {column}"),
            Place::Row { sheet, row } => write!(f, "sheet {sheet:?}, row {row}"),
            Place::Cell { sheet, column, row } => {
                write!(f, "sheet {sheet:?}, cell {}{row}", column_letters(*column))
            }
        }
    }
}

/// A kind of file that is not a table saylau reads, recognised from its
/// first bytes so that it is named rather than read as CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// An Excel binary workbook (.xlsb).
    Xlsb,
    /// An Excel 97-2003 workbook (.xls) or another Office 97-2003 document.
    Xls,
    /// A Word document (.docx).
    Docx,
    /// A PowerPoint presentation (.pptx).
    Pptx,
    /// An OpenDocument file that is not a spreadsheet.
    OpenDocument,
    /// A zip archive that is not a spreadsheet.
    Zip,
    /// An empty zip archive.
    EmptyZip,
    /// A PDF document.
    Pdf,
    /// A gzip-compressed file.
    Gzip,
    /// A PNG image.
    Png,
    /// A JPEG image.
    Jpeg,
    /// A GIF image.
    Gif,
    /// A program (ELF executable).
    Executable,
    /// A 7-Zip archive.
    SevenZip,
    /// A RAR archive.
    Rar,
    /// An SQLite database.
    Sqlite,
    /// An RTF document.
    Rtf,
    /// JSON, perhaps a scenario file.
    Json,
    /// A web page (HTML).
    Html,
    /// An XML file, perhaps an Excel 2003 XML spreadsheet.
    Xml,
    /// Other binary data: NUL or other control bytes.
    Binary,
}

impl Format {
    /// What the file is, as a message says it: `a PDF document`.
    pub fn description(self) -> &'static str {
        match self {
            Format::Xlsb => "an Excel binary workbook (.xlsb)",
            Format::Xls => "an Excel 97-2003 workbook (.xls) or another Office 97-2003 document",
            Format::Docx => "a Word document (.docx)",
            Format::Pptx => "a PowerPoint presentation (.pptx)",
            Format::OpenDocument => "an OpenDocument file that is not a spreadsheet",
            Format::Zip => "a zip archive that is not a spreadsheet",
            Format::EmptyZip => "an empty zip archive",
            Format::Pdf => "a PDF document",
            Format::Gzip => "a gzip-compressed file",
            Format::Png => "a PNG image",
            Format::Jpeg => "a JPEG image",
            Format::Gif => "a GIF image",
            Format::Executable => "a program (ELF executable)",
            Format::SevenZip => "a 7-Zip archive",
            Format::Rar => "a RAR archive",
            Format::Sqlite => "an SQLite database",
            Format::Rtf => "an RTF document",
            Format::Json => "JSON (perhaps a scenario file)",
            Format::Html => "a web page (HTML)",
            Format::Xml => "an XML file (perhaps an Excel 2003 XML spreadsheet)",
            Format::Binary => "a binary file (it holds NUL or other control bytes)",
        }
    }

    /// What to do instead: save it again from its spreadsheet program, give
    /// another file, or (for JSON) use `saylau elect`.
    pub fn advice(self) -> &'static str {
        match self {
            Format::Xlsb | Format::Xls | Format::Html | Format::Xml => {
                "open it in its spreadsheet program and save it as an Excel workbook (.xlsx) or as \
                 \"CSV UTF-8\""
            }
            Format::Json => {
                "saylau elect reads JSON scenarios; allocate reads a table with the columns party and \
                 votes as CSV text, an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods)"
            }
            _ => {
                "give a CSV text file (in a spreadsheet program: save as \"CSV UTF-8\"), an Excel \
                 workbook (.xlsx) or an OpenDocument spreadsheet (.ods)"
            }
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.description())
    }
}

/// How the columns of a CSV header row were split: the delimiter, and what
/// chose it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// The delimiter byte.
    pub delimiter: u8,
    /// What chose it.
    pub chosen_by: ChosenBy,
}

/// What chose a CSV delimiter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ChosenBy {
    /// Excel's `sep=` first line.
    SepLine,
    /// The header row: the delimiter that finds both columns, or else the
    /// one that splits it into the most fields.
    Header,
    /// [`ReadOptions::delimiter`](super::ReadOptions::delimiter); `alternative`
    /// is another delimiter with which the header has both columns, if any.
    Given {
        /// A delimiter that would have worked.
        alternative: Option<u8>,
    },
}

impl fmt::Display for Split {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = delimiter_name(self.delimiter);
        match self.chosen_by {
            ChosenBy::SepLine => {
                write!(f, "the columns were split at {at}, as the file's first line (sep=) says")
            }
            ChosenBy::Header => write!(
                f,
                "the columns were split at {at}, found from the header row; if the file uses another \
                 delimiter, give it with --delimiter ',', --delimiter ';' or --delimiter tab"
            ),
            ChosenBy::Given { alternative } => {
                write!(f, "the columns were split at {at}, as --delimiter says")?;
                match alternative {
                    Some(o) => {
                        write!(f, ": this header has both columns with --delimiter {}", delimiter_option(o))
                    }
                    None => Ok(()),
                }
            }
        }
    }
}

/// A table that could not be read: what is wrong and where.
///
/// The message names the place (the line, or the sheet and cell) but not
/// the file, which the library never sees: [`Error::in_file`] puts the
/// file's name in front.
///
/// ```
/// use saylau::tabular::{self, Error, Place, ReadOptions, VotesError};
/// let err = tabular::read(b"party,votes\nAmanat,12.5\n", &ReadOptions::default()).unwrap_err();
/// let Error::Votes { place: Place::Field { line: 2, column: 2 }, problem: VotesError::Fractional { .. }, .. } =
///     &err
/// else {
///     panic!("{err:?}")
/// };
/// assert_eq!(
///     err.in_file("votes.csv"),
///     "votes.csv: line 2: column 2: party \"Amanat\": votes \"12.5\" are fractional: \
///      expected a whole number of votes"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are a file of another kind: a PDF, an old Excel workbook,
    /// a zip that is not a spreadsheet, JSON, binary data...
    #[error("this is {format}; saylau cannot read the votes from it: {}", format.advice())]
    NotATable {
        /// What the file is.
        format: Format,
    },
    /// A workbook that its reader cannot open: damaged or cut short.
    #[error(
        "this is {workbook} but it cannot be read ({reason}); open it in its spreadsheet program and \
         save it again, or save the sheet as \"CSV UTF-8\""
    )]
    DamagedWorkbook {
        /// The kind of workbook.
        workbook: Workbook,
        /// The spreadsheet reader's message.
        reason: String,
    },
    /// A delimiter was given but the input is a workbook.
    #[error(
        "--delimiter {} applies to CSV text, but this is {workbook}: leave --delimiter out",
        delimiter_option(*delimiter)
    )]
    DelimiterForWorkbook {
        /// The delimiter given.
        delimiter: u8,
        /// The kind of workbook.
        workbook: Workbook,
    },
    /// A sheet was named but the input is CSV text.
    #[error(
        "--sheet {sheet:?} applies to spreadsheets (.xlsx, .ods), but this is CSV text: leave --sheet out"
    )]
    SheetForText {
        /// The sheet named.
        sheet: String,
    },
    /// Text with a UTF-16 byte-order mark that is not valid UTF-16.
    #[error(
        "this is UTF-16 text (it starts with a UTF-16 byte-order mark) but it is not valid UTF-16 at \
         byte {at}: save the file again as \"CSV UTF-8\""
    )]
    InvalidUtf16 {
        /// The offset of the bad code unit in the input.
        at: usize,
    },
    /// A CSV field that is not UTF-8: the file is perhaps in a Windows code page.
    #[error(
        "{place}: the {} field is not valid UTF-8 (bad byte at offset {offset} in the field); the file \
         is perhaps saved in a Windows code page such as 1251: save it as UTF-8 text (in a spreadsheet \
         program: \"CSV UTF-8\")",
        column.name()
    )]
    InvalidUtf8 {
        /// The line.
        place: Place,
        /// The column whose field is bad.
        column: Column,
        /// The offset of the first bad byte in the field.
        offset: usize,
    },
    /// CSV text the csv reader refuses.
    #[error("malformed CSV: {reason}")]
    MalformedCsv {
        /// The csv reader's message.
        reason: String,
    },
    /// CSV text without even a header row.
    #[error("the input is empty: expected a header row with the columns party and votes")]
    EmptyInput,
    /// A sheet without even a header row.
    #[error(
        "sheet {sheet:?}: the sheet is empty: expected a header row with the columns party and \
         votes{}",
        first_sheet_hint(other_sheets)
    )]
    EmptySheet {
        /// The sheet read.
        sheet: String,
        /// The workbook's other sheets, when the first was read by default.
        other_sheets: Vec<String>,
    },
    /// The header row lacks the party or the votes column.
    #[error(
        "{place}: the header has no {:?} column (it has: {}); the header row must name the columns \
         party and votes{}{}",
        column.name(),
        join_names(found.iter().map(|n| format!("{n:?}"))),
        split_note(split.as_ref()),
        first_sheet_hint(other_sheets)
    )]
    MissingColumn {
        /// The header row.
        place: Place,
        /// The column missing.
        column: Column,
        /// The header's names that are not empty, trimmed and lower-cased.
        found: Vec<String>,
        /// How a CSV header was split (`None` for a sheet).
        split: Option<Split>,
        /// The workbook's other sheets, when the first was read by default.
        other_sheets: Vec<String>,
    },
    /// The header row has the party or the votes column twice.
    #[error(
        "{place}: the header has the {:?} column twice (columns {} and {}): keep one{}{}",
        column.name(),
        place.column_label(*first),
        place.column_label(*second),
        split_note(split.as_ref()),
        first_sheet_hint(other_sheets)
    )]
    DuplicateColumn {
        /// The header row.
        place: Place,
        /// The column repeated.
        column: Column,
        /// The first column with the name, from 1 (in a sheet, `A` is 1;
        /// messages show the letters).
        first: usize,
        /// The second.
        second: usize,
        /// How a CSV header was split (`None` for a sheet).
        split: Option<Split>,
        /// The workbook's other sheets, when the first was read by default.
        other_sheets: Vec<String>,
    },
    /// A CSV row with more or fewer fields than the header.
    #[error("{place}: {}", field_count(*fields, *header_fields, *delimiter))]
    FieldCount {
        /// The row's line.
        place: Place,
        /// Its number of fields.
        fields: usize,
        /// The header's.
        header_fields: usize,
        /// The delimiter the row was split at.
        delimiter: u8,
    },
    /// A row without a party name.
    #[error("{place}: the party name is empty")]
    EmptyPartyName {
        /// The row, or the party's cell in a sheet.
        place: Place,
    },
    /// A votes cell that is not a whole number of votes.
    #[error("{place}: party {party:?}: {problem}")]
    Votes {
        /// The votes field or cell.
        place: Place,
        /// The party of the row.
        party: String,
        /// What is wrong with the votes.
        problem: VotesError,
    },
    /// A party that appears twice.
    #[error("{place}: duplicate party {party:?}: it already appears on {}", place.other(*first))]
    DuplicateParty {
        /// The second row with the party.
        place: Place,
        /// The party's name.
        party: String,
        /// The line (in CSV text) or row (in a sheet) of its first appearance.
        first: u64,
    },
    /// A header row but no party rows.
    #[error("no parties: the input has a header row ({header}) but no data rows")]
    NoDataRows {
        /// The header row.
        header: Place,
    },
    /// A workbook without sheets.
    #[error("the workbook has no sheets")]
    NoSheets,
    /// The sheet asked for is not in the workbook.
    #[error("there is no sheet {sheet:?}: the sheets are {}; give one of them with --sheet", quoted(sheets))]
    NoSuchSheet {
        /// The sheet asked for.
        sheet: String,
        /// The workbook's sheets.
        sheets: Vec<String>,
    },
    /// The parties read are refused by [`PartyVotes::new`](crate::PartyVotes::new).
    #[error(transparent)]
    Parties(#[from] crate::Error),
}

impl Error {
    /// What kind of failure this is: input, always (the table is not one
    /// saylau can read), but for the parties' own errors, which keep theirs.
    pub fn kind(&self) -> crate::error::ErrorKind {
        match self {
            Error::Parties(e) => e.kind(),
            _ => crate::error::ErrorKind::Input,
        }
    }

    /// The place in the table the message starts with, if any: a line,
    /// field, row or cell (an empty sheet is named in [`Error::EmptySheet`]).
    pub fn place(&self) -> Option<&Place> {
        match self {
            Error::InvalidUtf8 { place, .. }
            | Error::MissingColumn { place, .. }
            | Error::DuplicateColumn { place, .. }
            | Error::FieldCount { place, .. }
            | Error::EmptyPartyName { place }
            | Error::Votes { place, .. }
            | Error::DuplicateParty { place, .. } => Some(place),
            _ => None,
        }
    }

    /// The message with the file's name in front, as the `saylau` binary
    /// prints it: `votes.csv: line 3: ...`, or `book.xlsx, sheet "Votes",
    /// cell B7: ...` when the message starts with a sheet.
    ///
    /// ```
    /// use saylau::tabular::Error;
    /// assert_eq!(Error::NoSheets.in_file("book.ods"), "book.ods: the workbook has no sheets");
    /// let empty = Error::EmptySheet { sheet: "S".into(), other_sheets: vec![] };
    /// assert!(empty.in_file("book.ods").starts_with("book.ods, sheet \"S\": the sheet is empty"));
    /// ```
    pub fn in_file(&self, name: &str) -> String {
        let in_sheet = matches!(self, Error::EmptySheet { .. }) || self.place().is_some_and(Place::in_sheet);
        if in_sheet { format!("{name}, {self}") } else { format!("{name}: {self}") }
    }
}

/// `; the columns were split at ...` for a CSV header.
fn split_note(split: Option<&Split>) -> String {
    split.map_or_else(String::new, |s| format!("; {s}"))
}

/// ` (this is the first sheet; the workbook also has ...)` when there are
/// other sheets.
fn first_sheet_hint(others: &[String]) -> String {
    if others.is_empty() {
        String::new()
    } else {
        format!(
            " (this is the first sheet; the workbook also has {}: choose one with --sheet)",
            quoted(others)
        )
    }
}

/// The message of [`Error::FieldCount`].
fn field_count(n: usize, h: usize, delimiter: u8) -> String {
    let hint = if n > h {
        match delimiter {
            b',' => " (quote party names that contain commas, and numbers written with commas such as \
                     \"3,431,510\")"
                .to_string(),
            other => format!(" (quote party names that contain {})", delimiter_name(other)),
        }
    } else {
        String::new()
    };
    let fewer = if n < h { "too few fields: " } else { "too many fields: " };
    format!("{fewer}the row has {n} field{} but the header has {h}{hint}", plural(n))
}
