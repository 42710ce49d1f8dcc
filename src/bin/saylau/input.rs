//! Reading the `party,votes` CSV input, with errors that name the file, the
//! line and the problem.

use std::io::Read;
use std::path::Path;

use saylau::{Error, PartyVotes};

/// Where the input comes from, as named in error messages.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file path as given, or `<stdin>`.
    pub name: String,
}

/// One data row before the names are checked for duplicates.
struct Row {
    party: String,
    votes: u64,
    line: u64,
}

/// The UTF-8 byte-order mark some spreadsheet programs write.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Reads all of `file` (`None` or `-` for standard input) and parses it into
/// parties in input order.
///
/// # Errors
///
/// A message naming the source, the line and what is wrong.
pub fn read(file: Option<&Path>) -> Result<(Source, PartyVotes), String> {
    let (source, bytes) = match file {
        None => read_stdin()?,
        Some(p) if p.as_os_str() == "-" => read_stdin()?,
        Some(p) => {
            let name = p.display().to_string();
            let bytes = std::fs::read(p).map_err(|e| format!("cannot read {name}: {e}"))?;
            (Source { name }, bytes)
        }
    };
    let parties = parse(&source, &bytes)?;
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

/// Parses CSV text: a header row with `party` and `votes` columns (any case,
/// any order, other columns ignored), then one row per party.
///
/// # Errors
///
/// A message naming the source, the line and what is wrong.
pub fn parse(source: &Source, bytes: &[u8]) -> Result<PartyVotes, String> {
    let name = &source.name;
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(bytes);
    let mut records = reader.byte_records();
    let mut lines = LineCounter { bytes, pos: 0, line: 1 };
    let mut next_record = || -> Result<Option<(u64, csv::ByteRecord)>, String> {
        for result in records.by_ref() {
            let record = result.map_err(|e| format!("{name}: malformed CSV: {e}"))?;
            let line = record.position().map_or(0, |p| lines.line_of(p.byte()));
            // Lines holding nothing but spaces and commas are skipped.
            if record.iter().all(|f| f.trim_ascii().is_empty()) {
                continue;
            }
            return Ok(Some((line, record)));
        }
        Ok(None)
    };

    let Some((header_line, header)) = next_record()? else {
        return Err(format!(
            "{name}: the input is empty: expected a header row with the columns party and votes"
        ));
    };
    let columns = Columns::find(&header).map_err(|e| format!("{name}: line {header_line}: {e}"))?;

    let mut rows = Vec::new();
    while let Some((line, record)) = next_record()? {
        let at = |what: String| format!("{name}: line {line}: {what}");
        if record.len() != header.len() {
            let (n, h) = (record.len(), header.len());
            let hint = if n > h { " (quote party names that contain commas)" } else { "" };
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
        let votes_text = field(&record, columns.votes, "votes").map_err(&at)?;
        let votes = parse_votes(votes_text).map_err(|e| at(format!("party {party:?}: {e}")))?;
        rows.push(Row { party: party.to_string(), votes, line });
    }
    if rows.is_empty() {
        return Err(format!(
            "{name}: no parties: the input has a header row (line {header_line}) but no data rows"
        ));
    }

    let lines: Vec<u64> = rows.iter().map(|r| r.line).collect();
    let line_of = |i: usize| lines.get(i).copied().unwrap_or(0);
    PartyVotes::new(rows.into_iter().map(|r| (r.party, r.votes))).map_err(|e| match e {
        Error::DuplicateParty { name: party, first, second } => format!(
            "{name}: line {}: duplicate party {party:?}: it already appears on line {}",
            line_of(second),
            line_of(first)
        ),
        Error::EmptyPartyName { index } => {
            format!("{name}: line {}: the party name is empty", line_of(index))
        }
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

/// Positions of the columns we read.
struct Columns {
    party: usize,
    votes: usize,
}

impl Columns {
    /// Finds `party` and `votes` in the header, ignoring case and surrounding spaces.
    fn find(header: &csv::ByteRecord) -> Result<Columns, String> {
        let names: Vec<String> =
            header.iter().map(|f| String::from_utf8_lossy(f).trim().to_lowercase()).collect();
        let find = |wanted: &str| -> Result<usize, String> {
            let mut hits = names.iter().enumerate().filter(|(_, n)| n.as_str() == wanted).map(|(i, _)| i);
            let first = hits.next().ok_or_else(|| {
                format!(
                    "the header has no {wanted:?} column (it has: {}); the header row must name \
                     the columns party and votes",
                    names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(", ")
                )
            })?;
            if let Some(second) = hits.next() {
                return Err(format!(
                    "the header has the {wanted:?} column twice (columns {} and {})",
                    first + 1,
                    second + 1
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
        format!("the {what} field is not valid UTF-8 (bad byte at offset {} in the field)", e.valid_up_to())
    })?;
    Ok(text.trim())
}

/// Reads a vote count: a whole number from 0 to 2^64 - 1, digits only.
fn parse_votes(text: &str) -> Result<u64, String> {
    if text.is_empty() {
        return Err("votes are empty: expected a whole number from 0 to 18446744073709551615".into());
    }
    let is_number = |s: &str| {
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        !(int.is_empty() && frac.is_empty()) && int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())
    };
    if text.strip_prefix('-').is_some_and(|rest| is_number(rest.trim_start())) {
        return Err(format!("votes {text:?} are negative: expected a whole number from 0"));
    }
    if text.contains('.') && is_number(text) {
        return Err(format!("votes {text:?} are fractional: expected a whole number"));
    }
    if !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "votes {text:?} are not a number: expected a whole number written with digits only \
             (no signs, spaces or thousands separators)"
        ));
    }
    text.parse::<u64>()
        .map_err(|_| format!("votes {text:?} are too large: the maximum is 18446744073709551615 (2^64 - 1)"))
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
        let err = |text: &[u8]| parse(&source, text).unwrap_err();
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
    fn votes_errors_say_what_is_wrong() {
        assert_eq!(parse_votes("0"), Ok(0));
        assert_eq!(parse_votes("18446744073709551615"), Ok(u64::MAX));
        assert!(parse_votes("").unwrap_err().contains("empty"));
        assert!(parse_votes("-5").unwrap_err().contains("negative"));
        assert!(parse_votes("1.5").unwrap_err().contains("fractional"));
        assert!(parse_votes("1e3").unwrap_err().contains("not a number"));
        assert!(parse_votes("+3").unwrap_err().contains("not a number"));
        assert!(parse_votes("18446744073709551616").unwrap_err().contains("too large"));
    }
}
