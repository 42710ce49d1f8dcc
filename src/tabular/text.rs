//! Reading the votes from CSV text: a header row naming the columns `party`
//! and `votes`, then one row per party, separated by commas, semicolons or
//! tabs.

use crate::PartyVotes;

use super::sniff::BOM;
use super::{ChosenBy, Column, Columns, DELIMITERS, Entry, Error, Place, Split, Votes, finish};

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

    /// The next record that is not blank, with its line.
    ///
    /// # Errors
    ///
    /// [`Error::MalformedCsv`] with the csv reader's message.
    fn next_record(&mut self) -> Result<Option<(u64, csv::ByteRecord)>, Error> {
        self.next().transpose().map_err(|e| Error::MalformedCsv { reason: e.to_string() })
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

/// Whether the header row of `bytes`, split at `d`, has both columns.
fn finds_columns(bytes: &[u8], d: u8) -> bool {
    Records::new(bytes, d)
        .next()
        .and_then(Result::ok)
        .is_some_and(|(_, h)| Columns::find(&header_names(&h), field_number).is_ok())
}

/// The delimiter whose split of the header row finds the party and votes
/// columns; if none does, the one that splits it into the most fields.
fn guess_delimiter(bytes: &[u8]) -> u8 {
    let mut best = (b',', 0);
    for d in DELIMITERS {
        let Some(Ok((_, header))) = Records::new(bytes, d).next() else { return b',' };
        if Columns::find(&header_names(&header), field_number).is_ok() {
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

/// Reads CSV text: a header row with `party` and `votes` columns (any case,
/// any order, other columns ignored), then one row per party. The delimiter
/// is `delimiter`, or named by a `sep=` first line, or found from the header
/// row.
///
/// # Errors
///
/// What is wrong, naming the line.
pub(super) fn read(bytes: &[u8], delimiter: Option<u8>) -> Result<PartyVotes, Error> {
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
    let split = match (delimiter, sep_line) {
        (Some(d), _) => Split {
            delimiter: d,
            chosen_by: ChosenBy::Given {
                alternative: DELIMITERS.into_iter().filter(|&o| o != d).find(|&o| finds_columns(bytes, o)),
            },
        },
        (None, Some((d, _))) => Split { delimiter: d, chosen_by: ChosenBy::SepLine },
        (None, None) => Split { delimiter: guess_delimiter(bytes), chosen_by: ChosenBy::Header },
    };
    let d = split.delimiter;
    let mut records = Records::new(bytes, d);
    let Some((header_line, header)) = records.next_record()? else {
        return Err(Error::EmptyInput);
    };
    let header_at = Place::Line { line: header_line };
    let columns = Columns::find(&header_names(&header), field_number)
        .map_err(|problem| problem.at(header_at.clone(), Some(split), Vec::new()))?;

    let mut entries = Vec::new();
    while let Some((line, record)) = records.next_record()? {
        if record.len() != header.len() {
            return Err(Error::FieldCount {
                place: Place::Line { line },
                fields: record.len(),
                header_fields: header.len(),
                delimiter: d,
            });
        }
        let party = field(&record, line, columns.party, Column::Party)?;
        if party.is_empty() {
            return Err(Error::EmptyPartyName { place: Place::Line { line } });
        }
        let votes = field(&record, line, columns.votes, Column::Votes)?;
        entries.push(Entry {
            cell: Place::Field { line, column: columns.votes + 1 },
            row: Place::Line { line },
            party: party.to_string(),
            votes: Votes::Text(votes.to_string()),
        });
    }
    finish(header_at, entries)
}

/// The trimmed text of the field of `column` at `index`.
///
/// # Errors
///
/// [`Error::InvalidUtf8`] for a field that is not UTF-8.
fn field(record: &csv::ByteRecord, line: u64, index: usize, column: Column) -> Result<&str, Error> {
    // The record has as many fields as the header, so the field is there.
    let bytes = record.get(index).unwrap_or_default();
    let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
        place: Place::Line { line },
        column,
        offset: e.valid_up_to(),
    })?;
    Ok(text.trim())
}

/// A field's number from its index: `1` for the first.
fn field_number(index: usize) -> usize {
    index.saturating_add(1)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The error of reading `text`, with the file name `t`.
    fn err(text: &[u8]) -> String {
        read(text, None).unwrap_err().in_file("t")
    }

    #[test]
    fn line_numbers_count_blank_lines_crlf_and_lone_cr() {
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
        let parties = read(b"sep=;\nparty;votes\nA;1 000\n", None).unwrap();
        assert_eq!(parties.votes(), [1000]);
        assert!(err(b"sep=;\r\nparty;votes\r\nA;x\r\n").starts_with("t: line 3:"));
        let e = read(b"sep=;\nparty,votes\n", None).unwrap_err();
        assert!(
            matches!(
                e,
                Error::MissingColumn {
                    split: Some(Split { delimiter: b';', chosen_by: ChosenBy::SepLine }),
                    ..
                }
            ),
            "{e:?}"
        );
        assert!(e.to_string().contains("split at semicolons, as the file's first line (sep=) says"), "{e}");
    }

    #[test]
    fn any_delimiter_byte_gives_parties_or_an_error() {
        let inputs: [&[u8]; 4] =
            [b"party,votes\nA,1\n", b"\"party\"\t\"votes\"\r\n\"A\"\t1", b"", b"\"\n\"\"\r"];
        for d in 0..=u8::MAX {
            for input in inputs {
                if let Err(e) = read(input, Some(d)) {
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }

    #[test]
    fn a_given_delimiter_that_misses_says_which_would_work() {
        let e = read(b"party;votes\nA;1\n", Some(b',')).unwrap_err();
        let Error::MissingColumn { split: Some(split), .. } = &e else { panic!("{e:?}") };
        assert_eq!(split.chosen_by, ChosenBy::Given { alternative: Some(b';') });
        assert!(
            e.to_string().ends_with("as --delimiter says: this header has both columns with --delimiter ';'")
        );
    }
}
