//! Reading the votes: a `party,votes` table as CSV text (comma, semicolon or
//! tab separated), an Excel workbook (.xlsx) or an OpenDocument spreadsheet
//! (.ods), with errors that name the file, the line or cell and the problem.

mod number;
mod spreadsheet;

use std::io::Read;
use std::path::Path;

use saylau::{Error, PartyVotes};

use number::Column;

/// Where the input comes from, as named in error messages.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file path as given, or `<stdin>`.
    pub name: String,
}

/// How to read the input, from the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InputOptions {
    /// The CSV delimiter (`,`, `;` or tab); `None` finds it from the header row.
    pub delimiter: Option<u8>,
    /// The spreadsheet's sheet to read; `None` reads the first.
    pub sheet: Option<String>,
}

/// The delimiters that CSV text may use, in the order they are tried.
const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

/// One data row, read but with its votes not yet checked.
struct Entry {
    /// Names the votes cell: `votes.csv: line 3, column 2`.
    cell: String,
    /// Names the row: `votes.csv: line 3`.
    row: String,
    /// The row alone, as in "it already appears on line 3".
    short: String,
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
    Read(Result<u64, String>),
}

/// The UTF-8 byte-order mark some spreadsheet programs write.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads all of `file` (`None` or `-` for standard input) and parses it into
/// parties in input order.
///
/// # Errors
///
/// A message naming the source, the line or cell and what is wrong.
pub fn read(file: Option<&Path>, options: &InputOptions) -> Result<(Source, PartyVotes), String> {
    let (source, bytes) = match file {
        None => read_stdin()?,
        Some(p) if p.as_os_str() == "-" => read_stdin()?,
        Some(p) => {
            let name = p.display().to_string();
            let bytes = std::fs::read(p).map_err(|e| format!("cannot read {name}: {e}"))?;
            (Source { name }, bytes)
        }
    };
    let parties = parse(&source, bytes, options)?;
    Ok((source, parties))
}

fn read_stdin() -> Result<(Source, Vec<u8>), String> {
    let source = Source { name: "<stdin>".to_string() };
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {}: {e}", source.name))?;
    Ok((source, bytes))
}

/// What the bytes of an input are, from their first bytes.
enum Kind {
    /// Text, perhaps CSV.
    Text,
    /// UTF-16 text with a byte-order mark (Excel's "Unicode text"): little-endian or not.
    Utf16 { little_endian: bool },
    /// A workbook that saylau reads.
    Workbook(spreadsheet::Book),
    /// Something else, described for the user, with what to do.
    Other(&'static str, Fix),
}

/// What to do with a file that is not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fix {
    /// Save it again from its spreadsheet program.
    Resave,
    /// Give another file.
    Other,
    /// It is a scenario: `saylau elect` reads it.
    Elect,
}

impl Fix {
    fn advice(self) -> &'static str {
        match self {
            Fix::Resave => {
                "open it in its spreadsheet program and save it as an Excel workbook (.xlsx) or as \
                 \"CSV UTF-8\""
            }
            Fix::Other => {
                "give a CSV text file (in a spreadsheet program: save as \"CSV UTF-8\"), an Excel \
                 workbook (.xlsx) or an OpenDocument spreadsheet (.ods)"
            }
            Fix::Elect => {
                "saylau elect reads JSON scenarios; allocate reads a table with the columns party and \
                 votes as CSV text, an Excel workbook (.xlsx) or an OpenDocument spreadsheet (.ods)"
            }
        }
    }
}

/// Whether `needle` occurs in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The names of the entries of a zip archive, from its local headers and its
/// central directory (either may be missing from a damaged file).
fn zip_names(bytes: &[u8]) -> Vec<&[u8]> {
    let u16_at = |at: usize| match bytes.get(at..at.saturating_add(2)) {
        Some(&[lo, hi]) => usize::from(u16::from_le_bytes([lo, hi])),
        _ => 0,
    };
    let mut names = Vec::new();
    for (i, window) in bytes.windows(4).enumerate() {
        let (len_at, name_at) = match window {
            b"PK\x03\x04" => (i + 26, i + 30),
            b"PK\x01\x02" => (i + 28, i + 46),
            _ => continue,
        };
        if let Some(name) = bytes.get(name_at..name_at.saturating_add(u16_at(len_at))) {
            names.push(name);
        }
    }
    names
}

/// Recognises spreadsheets, documents, archives and other binary files, so
/// that they are named rather than read as CSV.
fn sniff(bytes: &[u8]) -> Kind {
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(b"PK\x03\x04") {
        let head = bytes.get(..256).unwrap_or(bytes);
        let names = zip_names(bytes);
        return if contains(head, b"application/vnd.oasis.opendocument.spreadsheet") {
            Kind::Workbook(spreadsheet::Book::Ods)
        } else if names.iter().any(|n| n.starts_with(b"xl/workbook.bin")) {
            Kind::Other("an Excel binary workbook (.xlsb)", Fix::Resave)
        } else if names.iter().any(|n| n.starts_with(b"xl/")) {
            Kind::Workbook(spreadsheet::Book::Xlsx)
        } else if names.iter().any(|n| n.starts_with(b"word/")) {
            Kind::Other("a Word document (.docx)", Fix::Other)
        } else if names.iter().any(|n| n.starts_with(b"ppt/")) {
            Kind::Other("a PowerPoint presentation (.pptx)", Fix::Other)
        } else if contains(head, b"application/vnd.oasis.opendocument") {
            Kind::Other("an OpenDocument file that is not a spreadsheet", Fix::Other)
        } else {
            Kind::Other("a zip archive that is not a spreadsheet", Fix::Other)
        };
    }
    let magic: [(&[u8], &'static str, Fix); 12] = [
        (b"PK\x05\x06", "an empty zip archive", Fix::Other),
        (OLE, "an Excel 97-2003 workbook (.xls) or another Office 97-2003 document", Fix::Resave),
        (b"%PDF", "a PDF document", Fix::Other),
        (b"\x1F\x8B", "a gzip-compressed file", Fix::Other),
        (b"\x89PNG", "a PNG image", Fix::Other),
        (b"\xFF\xD8\xFF", "a JPEG image", Fix::Other),
        (b"GIF8", "a GIF image", Fix::Other),
        (b"\x7FELF", "a program (ELF executable)", Fix::Other),
        (b"7z\xBC\xAF\x27\x1C", "a 7-Zip archive", Fix::Other),
        (b"Rar!\x1A\x07", "a RAR archive", Fix::Other),
        (b"SQLite format 3\0", "an SQLite database", Fix::Other),
        (b"{\\rtf", "an RTF document", Fix::Other),
    ];
    if let Some(&(_, what, fix)) = magic.iter().find(|(m, _, _)| bytes.starts_with(m)) {
        return Kind::Other(what, fix);
    }
    // Text formats that are not tables, by their first characters.
    let start = bytes.strip_prefix(BOM).unwrap_or(bytes).trim_ascii_start();
    let start_lower = start.get(..256).unwrap_or(start).to_ascii_lowercase();
    if start.starts_with(b"{") {
        return Kind::Other("JSON (perhaps a scenario file)", Fix::Elect);
    }
    if start_lower.starts_with(b"<!doctype html") || start_lower.starts_with(b"<html") {
        return Kind::Other("a web page (HTML)", Fix::Resave);
    }
    if start_lower.starts_with(b"<?xml") {
        return Kind::Other("an XML file (perhaps an Excel 2003 XML spreadsheet)", Fix::Resave);
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Kind::Utf16 { little_endian: true };
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Kind::Utf16 { little_endian: false };
    }
    // Text has no control bytes but tab, line ends and form feed; a stray
    // one is a bad field, many are binary data.
    let sample = bytes.get(..8192).unwrap_or(bytes);
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    if controls >= 4 && controls.saturating_mul(100) >= sample.len() {
        return Kind::Other("a binary file (it holds NUL or other control bytes)", Fix::Other);
    }
    Kind::Text
}

/// Parses an input of any kind that saylau reads: CSV text or a workbook.
///
/// # Errors
///
/// A message naming the source, the line or cell and what is wrong.
fn parse(source: &Source, bytes: Vec<u8>, options: &InputOptions) -> Result<PartyVotes, String> {
    let name = &source.name;
    let text = match sniff(&bytes) {
        Kind::Workbook(book) => {
            if let Some(d) = options.delimiter {
                return Err(format!(
                    "{name}: --delimiter {} applies to CSV text, but this is {}: leave --delimiter out",
                    delimiter_option(d),
                    book.what()
                ));
            }
            return spreadsheet::read(source, bytes, book, options.sheet.as_deref());
        }
        Kind::Other(what, fix) => {
            return Err(format!(
                "{name}: this is {what}; saylau cannot read the votes from it: {}",
                fix.advice()
            ));
        }
        Kind::Utf16 { little_endian } => utf16(name, &bytes, little_endian)?.into_bytes(),
        Kind::Text => bytes,
    };
    if let Some(sheet) = &options.sheet {
        return Err(format!(
            "{name}: --sheet {sheet:?} applies to spreadsheets (.xlsx, .ods), but this is CSV text: \
             leave --sheet out"
        ));
    }
    parse_csv(source, &text, options.delimiter)
}

/// Decodes UTF-16 text after its byte-order mark.
fn utf16(name: &str, bytes: &[u8], little_endian: bool) -> Result<String, String> {
    let body = bytes.get(2..).unwrap_or_default();
    let bad = |at: usize| {
        format!(
            "{name}: this is UTF-16 text (it starts with a UTF-16 byte-order mark) but it is not valid \
             UTF-16 at byte {at}: save the file again as \"CSV UTF-8\""
        )
    };
    if body.len() % 2 != 0 {
        return Err(bad(bytes.len()));
    }
    let units = body.chunks_exact(2).map(|pair| match (pair, little_endian) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        _ => 0,
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut at = 2;
    for unit in char::decode_utf16(units) {
        let c = unit.map_err(|_| bad(at))?;
        at += c.len_utf16() * 2;
        text.push(c);
    }
    Ok(text)
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

/// How `--delimiter` spells a delimiter.
fn delimiter_option(d: u8) -> String {
    match d {
        b'\t' => "tab".to_string(),
        other => format!("'{}'", char::from(other)),
    }
}

/// The records of CSV text with the line each starts on, blank lines skipped.
struct Records<'a> {
    records: csv::ByteRecordsIntoIter<&'a [u8]>,
    lines: LineCounter<'a>,
}

impl<'a> Records<'a> {
    fn new(bytes: &'a [u8], delimiter: u8) -> Records<'a> {
        let reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(bytes);
        Records { records: reader.into_byte_records(), lines: LineCounter { bytes, pos: 0, line: 1 } }
    }
}

impl Iterator for Records<'_> {
    /// The line and the record, or the csv crate's error.
    type Item = Result<(u64, csv::ByteRecord), csv::Error>;

    fn next(&mut self) -> Option<Self::Item> {
        for result in self.records.by_ref() {
            let record = match result {
                Ok(record) => record,
                Err(e) => return Some(Err(e)),
            };
            let line = record.position().map_or(0, |p| self.lines.line_of(p.byte()));
            // Lines holding nothing but spaces, commas and semicolons are skipped.
            let blank = |f: &[u8]| f.iter().all(|&b| b.is_ascii_whitespace() || b == b',' || b == b';');
            if record.iter().all(blank) {
                continue;
            }
            return Some(Ok((line, record)));
        }
        None
    }
}

/// The delimiter whose split of the header row finds the party and votes
/// columns; if none does, the one that splits it into the most fields.
fn guess_delimiter(bytes: &[u8]) -> u8 {
    let mut best = (b',', 0);
    for d in DELIMITERS {
        let Some(Ok((_, header))) = Records::new(bytes, d).next() else { return b',' };
        if Columns::find(&header_names(&header), number_label).is_ok() {
            return d;
        }
        if header.len() > best.1 {
            best = (d, header.len());
        }
    }
    best.0
}

/// The delimiter named by an Excel `sep=X` first line, and the length of
/// that text (the line end excluded).
fn sep_line(bytes: &[u8]) -> Option<(u8, usize)> {
    let prefix = bytes.get(..4)?;
    if !prefix.eq_ignore_ascii_case(b"sep=") {
        return None;
    }
    let d = *bytes.get(4)?;
    let ends = matches!(bytes.get(5), None | Some(b'\r' | b'\n'));
    (ends && DELIMITERS.contains(&d)).then_some((d, 5))
}

/// The header's names, trimmed and lower-cased.
fn header_names(header: &csv::ByteRecord) -> Vec<String> {
    header.iter().map(|f| String::from_utf8_lossy(f).trim().to_lowercase()).collect()
}

/// Parses CSV text: a header row with `party` and `votes` columns (any case,
/// any order, other columns ignored), then one row per party. The delimiter
/// is `delimiter`, or found from the header row.
///
/// # Errors
///
/// A message naming the source, the line and what is wrong.
#[expect(
    clippy::too_many_lines,
    reason = "the CSV reader's header, delimiter and row checks in reading order, each with its message"
)]
fn parse_csv(source: &Source, bytes: &[u8], delimiter: Option<u8>) -> Result<PartyVotes, String> {
    let name = &source.name;
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // Excel's `sep=;` first line names the delimiter; it is blanked so that
    // the lines keep their numbers.
    let sep_line = sep_line(bytes);
    let blanked;
    let bytes = match sep_line {
        Some((_, len)) => {
            let mut copy = bytes.to_vec();
            copy.iter_mut().take(len).for_each(|b| *b = b' ');
            blanked = copy;
            &blanked[..]
        }
        None => bytes,
    };
    let d = delimiter.or(sep_line.map(|(d, _)| d)).unwrap_or_else(|| guess_delimiter(bytes));
    let mut records = Records::new(bytes, d);
    let mut next_record = || -> Result<Option<(u64, csv::ByteRecord)>, String> {
        records.next().transpose().map_err(|e| format!("{name}: malformed CSV: {e}"))
    };

    let Some((header_line, header)) = next_record()? else {
        return Err(format!(
            "{name}: the input is empty: expected a header row with the columns party and votes"
        ));
    };
    let names = header_names(&header);
    let columns = Columns::find(&names, number_label).map_err(|e| {
        let how = match (delimiter, sep_line) {
            (None, Some(_)) => format!(
                "the columns were split at {}, as the file's first line (sep=) says",
                delimiter_name(d)
            ),
            (None, None) => format!(
                "the columns were split at {}, found from the header row; if the file uses another \
                 delimiter, give it with --delimiter ',', --delimiter ';' or --delimiter tab",
                delimiter_name(d)
            ),
            (Some(_), _) => {
                let works = DELIMITERS.into_iter().filter(|&o| o != d).find(|&o| {
                    Records::new(bytes, o)
                        .next()
                        .and_then(Result::ok)
                        .is_some_and(|(_, h)| Columns::find(&header_names(&h), number_label).is_ok())
                });
                let hint = works.map_or(String::new(), |o| {
                    format!(": this header has both columns with --delimiter {}", delimiter_option(o))
                });
                format!("the columns were split at {}, as --delimiter says{hint}", delimiter_name(d))
            }
        };
        format!("{name}: line {header_line}: {e}; {how}")
    })?;

    let mut entries = Vec::new();
    while let Some((line, record)) = next_record()? {
        let at = |what: String| format!("{name}: line {line}: {what}");
        if record.len() != header.len() {
            let (n, h) = (record.len(), header.len());
            let hint = if n > h {
                match d {
                    b',' => " (quote party names that contain commas, and numbers written with commas \
                             such as \"3,431,510\")"
                        .to_string(),
                    other => format!(" (quote party names that contain {})", delimiter_name(other)),
                }
            } else {
                String::new()
            };
            let fewer = if n < h { "too few fields: " } else { "too many fields: " };
            return Err(at(format!(
                "{fewer}the row has {n} field{} but the header has {h}{hint}",
                plural(n as u64)
            )));
        }
        let party = field(&record, columns.party, "party").map_err(&at)?;
        if party.is_empty() {
            return Err(at("the party name is empty".to_string()));
        }
        let votes = field(&record, columns.votes, "votes").map_err(&at)?;
        entries.push(Entry {
            cell: format!("{name}: line {line}: column {}", columns.votes + 1),
            row: format!("{name}: line {line}"),
            short: format!("line {line}"),
            party: party.to_string(),
            votes: Votes::Text(votes.to_string()),
        });
    }
    finish(name, &format!("line {header_line}"), entries)
}

/// Reads the votes of every row, then checks the parties.
///
/// # Errors
///
/// The first row whose votes cannot be read, a duplicate party, or no rows.
fn finish(name: &str, header_at: &str, entries: Vec<Entry>) -> Result<PartyVotes, String> {
    if entries.is_empty() {
        return Err(format!("{name}: no parties: the input has a header row ({header_at}) but no data rows"));
    }
    let column = Column::survey(entries.iter().filter_map(|e| match &e.votes {
        Votes::Text(text) => Some(text.as_str()),
        Votes::Read(_) => None,
    }));
    let mut rows = Vec::with_capacity(entries.len());
    for entry in &entries {
        let votes = match &entry.votes {
            Votes::Text(text) => number::parse(text, column),
            Votes::Read(read) => read.clone(),
        };
        let votes = votes.map_err(|e| format!("{}: party {:?}: {e}", entry.cell, entry.party))?;
        rows.push((entry.party.clone(), votes));
    }
    let row = |i: usize| entries.get(i).map_or_else(|| name.to_string(), |e| e.row.clone());
    let short = |i: usize| entries.get(i).map_or_else(String::new, |e| e.short.clone());
    PartyVotes::new(rows).map_err(|e| match e {
        Error::DuplicateParty { name: party, first, second } => {
            format!("{}: duplicate party {party:?}: it already appears on {}", row(second), short(first))
        }
        Error::EmptyPartyName { index } => format!("{}: the party name is empty", row(index)),
        other => format!("{name}: {other}"),
    })
}

/// Finds the line number of a record from its byte offset.
///
/// The csv crate's own line numbers skip blank lines and lone `\r` line
/// ends, and its byte offset points just after the previous record (before
/// any blank lines), so lines are counted here. Offsets only grow, so the
/// count resumes where the last one stopped.
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// Bytes before `pos` have been counted.
    pos: usize,
    /// The line number at `pos`.
    line: u64,
}

impl LineCounter<'_> {
    /// The line on which the record reported at byte `offset` starts.
    fn line_of(&mut self, offset: u64) -> u64 {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX).min(self.bytes.len());
        let rest = &self.bytes[offset.max(self.pos)..];
        // Skip the line ends of blank lines to the first byte of the record.
        let start = offset.max(self.pos) + rest.iter().take_while(|&&b| b == b'\r' || b == b'\n').count();
        for i in self.pos..start {
            // `\n`, `\r\n` and a lone `\r` each end a line.
            let ends_line = match self.bytes[i] {
                b'\n' => true,
                b'\r' => self.bytes.get(i + 1) != Some(&b'\n'),
                _ => false,
            };
            if ends_line {
                self.line += 1;
            }
        }
        self.pos = self.pos.max(start);
        self.line
    }
}

/// A CSV column's number from its index: `1` for the first.
fn number_label(index: usize) -> String {
    index.saturating_add(1).to_string()
}

/// Positions of the columns we read.
struct Columns {
    party: usize,
    votes: usize,
}

impl Columns {
    /// Finds `party` and `votes` among the header's `names` (trimmed and
    /// lower-cased), ignoring case and surrounding spaces; `label` names a
    /// column by its index for messages.
    fn find(names: &[String], label: impl Fn(usize) -> String) -> Result<Columns, String> {
        let find = |wanted: &str| -> Result<usize, String> {
            let mut hits = names.iter().enumerate().filter(|(_, n)| n.as_str() == wanted).map(|(i, _)| i);
            let first = hits.next().ok_or_else(|| {
                format!(
                    "the header has no {wanted:?} column (it has: {}); the header row must name \
                     the columns party and votes",
                    join_names(
                        names
                            .iter()
                            .filter(|n| !n.is_empty())
                            .map(|n| format!("{n:?}"))
                            .collect::<Vec<_>>()
                            .into_iter()
                    )
                )
            })?;
            if let Some(second) = hits.next() {
                return Err(format!(
                    "the header has the {wanted:?} column twice (columns {} and {}): keep one",
                    label(first),
                    label(second)
                ));
            }
            Ok(first)
        };
        Ok(Columns { party: find("party")?, votes: find("votes")? })
    }
}

/// The trimmed text of field `index` (`what` names the column).
fn field<'r>(record: &'r csv::ByteRecord, index: usize, what: &str) -> Result<&'r str, String> {
    let bytes = record.get(index).ok_or_else(|| format!("the {what} field is missing"))?;
    let text = std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "the {what} field is not valid UTF-8 (bad byte at offset {} in the field); the file is \
             perhaps saved in a Windows code page such as 1251: save it as UTF-8 text (in a \
             spreadsheet program: \"CSV UTF-8\")",
            e.valid_up_to()
        )
    })?;
    Ok(text.trim())
}

/// Most names a message lists before it says how many more there are.
const NAMES_SHOWN: usize = 10;

/// The names joined with `, `, at most ten of them then `and N more`, so
/// that a tie among a million parties gives a readable message.
pub fn join_names(names: impl ExactSizeIterator<Item = String>) -> String {
    let total = names.len();
    let mut shown: Vec<String> = names.take(NAMES_SHOWN).collect();
    if total > NAMES_SHOWN {
        shown.push(format!("and {} more", total - NAMES_SHOWN));
    }
    shown.join(", ")
}

/// `"s"` unless `n` is 1.
pub fn plural(n: u64) -> &'static str {
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

    #[test]
    fn line_numbers_count_blank_lines_crlf_and_lone_cr() {
        let source = Source { name: "t".into() };
        let err = |text: &[u8]| parse_csv(&source, text, None).unwrap_err();
        assert!(err(b"party,votes\n\nA,-5\n").starts_with("t: line 3:"), "{}", err(b"party,votes\n\nA,-5\n"));
        let crlf = b"party,votes\r\n\r\n\"A\r\nB\",5\r\nC,x\r\n";
        assert!(err(crlf).starts_with("t: line 5:"), "{}", err(crlf));
        assert!(
            err(b"party,votes\rA,1\r\rB,x").starts_with("t: line 4:"),
            "{}",
            err(b"party,votes\rA,1\r\rB,x")
        );
        let dup = b"\xEF\xBB\xBFparty,votes\n\n\nA,1\n \nA,2\n";
        assert!(
            err(dup).starts_with("t: line 6: duplicate party \"A\": it already appears on line 4"),
            "{}",
            err(dup)
        );
    }

    #[test]
    fn the_delimiter_is_found_from_the_header_row() {
        assert_eq!(guess_delimiter(b"party,votes\nA,1\n"), b',');
        assert_eq!(guess_delimiter(b"party;votes\nA;1\n"), b';');
        assert_eq!(guess_delimiter(b"\n\nParty\tVotes\nA\t1\n"), b'\t');
        // A comma inside a quoted field of a semicolon file.
        assert_eq!(guess_delimiter(b"\"party, name\";x;party;votes\n"), b';');
        // No split finds both columns: the one giving the most fields.
        assert_eq!(guess_delimiter(b"name;count\n"), b';');
        assert_eq!(guess_delimiter(b"name\n"), b',');
        assert_eq!(guess_delimiter(b""), b',');
    }

    #[test]
    fn an_excel_sep_line_names_the_delimiter() {
        assert_eq!(sep_line(b"sep=;\r\nparty;votes"), Some((b';', 5)));
        assert_eq!(sep_line(b"SEP=\t\n"), Some((b'\t', 5)));
        assert_eq!(sep_line(b"sep=,"), Some((b',', 5)));
        assert_eq!(sep_line(b"sep=|\n"), None);
        assert_eq!(sep_line(b"sep=;;\n"), None);
        assert_eq!(sep_line(b"sep"), None);
        let source = Source { name: "t".into() };
        let parties = parse_csv(&source, b"sep=;\nparty;votes\nA;1 000\n", None).unwrap();
        assert_eq!(parties.votes(), [1000]);
        let err = parse_csv(&source, b"sep=;\r\nparty;votes\r\nA;x\r\n", None).unwrap_err();
        assert!(err.starts_with("t: line 3:"), "{err}");
        let err = parse_csv(&source, b"sep=;\nparty,votes\n", None).unwrap_err();
        assert!(err.contains("split at semicolons, as the file's first line (sep=) says"), "{err}");
    }

    #[test]
    fn sniff_names_what_is_not_text() {
        let what = |bytes: &[u8]| match sniff(bytes) {
            Kind::Other(what, _) => what.to_string(),
            Kind::Text => "text".to_string(),
            Kind::Utf16 { little_endian } => format!("utf16 {little_endian}"),
            Kind::Workbook(book) => book.what().to_string(),
        };
        assert_eq!(what(b"party,votes\nA,5\x00\n"), "text");
        assert_eq!(what(b"party,votes\nA\xff\xfe,5\n"), "text");
        assert!(what(b"\x00\x01\x02\x03 party").contains("binary file"));
        assert!(what(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").contains(".xls"));
        // A zip's local header: the name's length at byte 26, the name at 30.
        let entry = |name: &str| {
            let mut bytes = b"PK\x03\x04".to_vec();
            bytes.resize(26, 0);
            bytes.extend_from_slice(&u16::try_from(name.len()).unwrap_or(0).to_le_bytes());
            bytes.extend_from_slice(&[0, 0]);
            bytes.extend_from_slice(name.as_bytes());
            bytes
        };
        assert!(what(&entry("xl/workbook.xml")).contains(".xlsx"));
        assert!(what(&entry("xl/worksheets/sheet1.xml")).contains(".xlsx"));
        assert!(what(&entry("xl/workbook.bin")).contains(".xlsb"));
        assert!(what(&entry("word/document.xml")).contains(".docx"));
        assert!(what(&entry("xl")).contains("zip archive"));
        assert!(what(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet").contains(".ods"));
        assert!(what(b"PK\x03\x04 hello.txt").contains("zip archive"));
        assert!(what(b"%PDF-1.7").contains("PDF"));
        assert_eq!(what(b"\xFF\xFEp\0"), "utf16 true");
        assert_eq!(what(b"\xFE\xFF\0p"), "utf16 false");
    }

    #[test]
    fn utf16_text_is_decoded() {
        let le: Vec<u8> = "\u{feff}party\tvotes\nҚ\t5\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(utf16("t", &le, true).unwrap(), "party\tvotes\nҚ\t5\n");
        let be: Vec<u8> = "\u{feff}ab".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16("t", &be, false).unwrap(), "ab");
        assert!(utf16("t", b"\xFF\xFEa", true).unwrap_err().contains("not valid UTF-16"));
        assert!(utf16("t", b"\xFF\xFE\x00\xD8a\x00", true).unwrap_err().contains("at byte 2"));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_give_parties_or_a_message(bytes in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(b"party,votes;\t\r\n \"1,.".to_vec()),
                proptest::num::u8::ANY,
            ],
            0..64,
        )) {
            let source = Source { name: "t".into() };
            let options = InputOptions::default();
            if let Err(e) = parse(&source, bytes, &options) {
                proptest::prop_assert!(e.starts_with("t:"), "{}", e);
            }
        }
    }
}
