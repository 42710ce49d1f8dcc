//! Reading the votes from a sheet of an Excel workbook (.xlsx) or an
//! OpenDocument spreadsheet (.ods): the first row that is not empty names
//! the columns `party` and `votes`, and every later row that is not empty
//! is a party.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xlsx};

use super::number::VotesError;
use super::{Columns, Entry, Error, Place, Votes, Workbook, finish, parse_votes};

/// The largest number cell read: above 2^53 a spreadsheet's number may have
/// been rounded, so the votes could differ from what was typed.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// Reads `sheet` (or the first sheet) of a workbook.
///
/// # Errors
///
/// What is wrong, naming the sheet and the row or cell.
pub(super) fn read(bytes: &[u8], book: Workbook, sheet: Option<&str>) -> Result<crate::PartyVotes, Error> {
    let unreadable =
        |e: &dyn std::fmt::Display| Error::DamagedWorkbook { workbook: book, reason: e.to_string() };
    let (chosen, others, grid) = match book {
        Workbook::Xlsx => {
            let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
            let (chosen, others) = pick(workbook.sheet_names(), sheet)?;
            // Cell by cell: a stray value far away costs one cell, not a
            // rectangle of millions.
            let mut grid = Grid::new();
            let mut cells = workbook.worksheet_cells_reader(&chosen).map_err(|e| unreadable(&e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
                put(&mut grid, cell.get_position(), Data::from(cell.get_value().clone()));
            }
            (chosen, others, grid)
        }
        Workbook::Ods => {
            let mut workbook = Ods::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
            let (chosen, others) = pick(workbook.sheet_names(), sheet)?;
            let range = workbook.worksheet_range(&chosen).map_err(|e| unreadable(&e))?;
            let (top, left) = range.start().unwrap_or((0, 0));
            let mut grid = Grid::new();
            for (r, c, value) in range.used_cells() {
                let at = |base: u32, i: usize| base.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
                put(&mut grid, (at(top, r), at(left, c)), value.clone());
            }
            (chosen, others, grid)
        }
    };
    // When the first sheet was taken by default, messages about the header
    // say which others there are.
    let others = if sheet.is_none() { others } else { Vec::new() };
    read_grid(&chosen, &grid, others)
}

/// The cells in use of a sheet, by row then column (both from 0), without
/// blank cells.
type Grid = BTreeMap<u32, BTreeMap<u32, Data>>;

/// Puts a cell in the grid unless it is blank.
fn put(grid: &mut Grid, (row, col): (u32, u32), value: Data) {
    let blank = match &value {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    };
    if !blank {
        grid.entry(row).or_default().insert(col, value);
    }
}

/// The sheet to read (the one asked for, or the first) and the others.
fn pick(names: Vec<String>, wanted: Option<&str>) -> Result<(String, Vec<String>), Error> {
    let Some(wanted) = wanted else {
        let mut names = names.into_iter();
        let first = names.next().ok_or(Error::NoSheets)?;
        return Ok((first, names.collect()));
    };
    // The exact name, or the only one that matches ignoring case and spaces.
    let loose = |n: &String| n.trim().to_lowercase() == wanted.trim().to_lowercase();
    let found = names.iter().position(|n| n == wanted).or_else(|| {
        let mut hits = names.iter().enumerate().filter(|(_, n)| loose(n)).map(|(i, _)| i);
        match (hits.next(), hits.next()) {
            (Some(i), None) => Some(i),
            _ => None,
        }
    });
    match found {
        Some(i) => {
            let mut others = names;
            let chosen = others.remove(i);
            Ok((chosen, others))
        }
        None if names.is_empty() => Err(Error::NoSheets),
        None => Err(Error::NoSuchSheet { sheet: wanted.to_string(), sheets: names }),
    }
}

/// `A`, `B`, ..., `Z`, `AA`, ...: a column's letters from its number
/// (`A` is 1; 0 has none).
pub(super) fn column_letters(number: u64) -> String {
    let mut n = number;
    let mut letters = Vec::new();
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + u8::try_from(n % 26).unwrap_or(0)));
        n /= 26;
    }
    letters.iter().rev().collect()
}

/// A cell's text, trimmed; numbers as the spreadsheet shows them unformatted.
fn text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.trim().to_string(),
        Some(other) => other.to_string().trim().to_string(),
    }
}

/// Reads the header row and the party rows of a sheet; `others` are the
/// workbook's other sheets when the first was read by default.
fn read_grid(sheet: &str, grid: &Grid, others: Vec<String>) -> Result<crate::PartyVotes, Error> {
    let row_number = |r: u32| u64::from(r) + 1;
    let mut rows = grid.iter();
    let Some((&header_row, header)) = rows.next() else {
        return Err(Error::EmptySheet { sheet: sheet.to_string(), other_sheets: others });
    };
    let header_at = Place::Row { sheet: sheet.to_string(), row: row_number(header_row) };
    let cols: Vec<u32> = header.keys().copied().collect();
    let names: Vec<String> = header.values().map(|c| text(Some(c)).to_lowercase()).collect();
    // Columns by number, `A` is 1.
    let number = |i: usize| cols.get(i).map_or(0, |&c| u64::from(c) + 1);
    let position = |i: usize| usize::try_from(number(i)).unwrap_or(usize::MAX);
    let columns = match Columns::find(&names, position) {
        Ok(columns) => columns,
        Err(problem) => return Err(problem.at(header_at, None, others)),
    };
    let (party_col, votes_col) = (cols.get(columns.party).copied(), cols.get(columns.votes).copied());
    let (party_column, votes_column) = (number(columns.party), number(columns.votes));
    let cell = |column: u64, row: u64| Place::Cell { sheet: sheet.to_string(), column, row };

    let mut entries = Vec::new();
    for (&r, cells) in rows {
        let r = row_number(r);
        let party = text(party_col.and_then(|c| cells.get(&c)));
        if party.is_empty() {
            return Err(Error::EmptyPartyName { place: cell(party_column, r) });
        }
        let votes = match votes_col.and_then(|c| cells.get(&c)) {
            Some(Data::String(s)) => Votes::Text(s.clone()),
            other => Votes::Read(number_cell(other)),
        };
        entries.push(Entry {
            cell: cell(votes_column, r),
            row: Place::Row { sheet: sheet.to_string(), row: r },
            party,
            votes,
        });
    }
    finish(header_at, entries)
}

/// Reads a votes cell that is not text.
fn number_cell(cell: Option<&Data>) -> Result<u64, VotesError> {
    match cell {
        None | Some(Data::Empty) => Err(VotesError::Empty),
        Some(Data::Int(i)) => {
            u64::try_from(*i).map_err(|_| VotesError::NegativeNumber { value: i.to_string() })
        }
        Some(Data::Float(f)) => {
            let value = || f.to_string();
            if !f.is_finite() {
                Err(VotesError::NotFinite { value: value() })
            } else if *f < 0.0 {
                Err(VotesError::NegativeNumber { value: value() })
            } else if f.fract() != 0.0 {
                Err(VotesError::FractionalNumber { value: value() })
            } else if *f > MAX_EXACT {
                Err(VotesError::InexactNumber { value: value() })
            } else {
                // Whole, from 0 to 2^53: the conversion is exact.
                Ok(*f as u64)
            }
        }
        Some(Data::Bool(b)) => Err(VotesError::Boolean { value: *b }),
        Some(Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_)) => Err(VotesError::DateTime),
        Some(Data::Error(e)) => Err(VotesError::CellError { error: e.to_string() }),
        Some(Data::String(s)) => parse_votes(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letters(1), "A");
        assert_eq!(column_letters(2), "B");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(702), "ZZ");
        assert_eq!(column_letters(703), "AAA");
        assert_eq!(column_letters(u64::from(u32::MAX) + 1), "MWLQKWV");
        assert_eq!(column_letters(0), "");
    }

    #[test]
    fn number_cells_are_whole_and_exact() {
        assert_eq!(number_cell(Some(&Data::Float(3_431_510.0))), Ok(3_431_510));
        assert_eq!(number_cell(Some(&Data::Int(0))), Ok(0));
        assert_eq!(number_cell(Some(&Data::Float(-0.0))), Ok(0));
        assert_eq!(number_cell(Some(&Data::Float(MAX_EXACT))), Ok(1 << 53));
        let message = |cell: &Data| number_cell(Some(cell)).unwrap_err().to_string();
        assert!(message(&Data::Float(12.5)).contains("fractional"));
        assert!(message(&Data::Float(-3.0)).contains("negative"));
        assert!(message(&Data::Int(-3)).contains("negative"));
        assert!(message(&Data::Float(f64::NAN)).contains("not a number"));
        assert!(message(&Data::Float(f64::INFINITY)).contains("not a number"));
        assert!(message(&Data::Float(1e19)).contains("as text"));
        assert!(message(&Data::Bool(true)).contains("TRUE"));
        assert!(number_cell(None).unwrap_err().to_string().contains("empty"));
        assert!(message(&Data::Empty).contains("empty"));
    }
}
