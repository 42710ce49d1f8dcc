//! Reading the votes from a sheet of an Excel workbook (.xlsx) or an
//! OpenDocument spreadsheet (.ods): the first row that is not empty names
//! the columns `party` and `votes`, and every later row that is not empty
//! is a party.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Ods, Reader, Xlsx};
use saylau::PartyVotes;

use super::{Columns, Entry, Source, Votes, finish, join_names};

/// The kinds of workbook read here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Book {
    /// Office Open XML, as Excel saves.
    Xlsx,
    /// OpenDocument, as LibreOffice saves.
    Ods,
}

impl Book {
    /// What the file is, for messages.
    pub fn what(self) -> &'static str {
        match self {
            Book::Xlsx => "an Excel workbook (.xlsx)",
            Book::Ods => "an OpenDocument spreadsheet (.ods)",
        }
    }
}

/// The largest number cell read: above 2^53 a spreadsheet's number may have
/// been rounded, so the votes could differ from what was typed.
const MAX_EXACT: f64 = 9_007_199_254_740_992.0;

/// Reads `sheet` (or the first sheet) of a workbook.
///
/// # Errors
///
/// A message naming the file, the sheet, the row or cell and what is wrong.
pub fn read(source: &Source, bytes: Vec<u8>, book: Book, sheet: Option<&str>) -> Result<PartyVotes, String> {
    let name = &source.name;
    let unreadable = |e: &dyn std::fmt::Display| {
        format!(
            "{name}: this is {} but it cannot be read ({e}); open it in its spreadsheet program and \
             save it again, or save the sheet as \"CSV UTF-8\"",
            book.what()
        )
    };
    let (chosen, others, grid) = match book {
        Book::Xlsx => {
            let mut workbook = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
            let (chosen, others) = pick(name, workbook.sheet_names(), sheet)?;
            // Cell by cell: a stray value far away costs one cell, not a
            // rectangle of millions.
            let mut grid = Grid::new();
            let mut cells = workbook.worksheet_cells_reader(&chosen).map_err(|e| unreadable(&e))?;
            while let Some(cell) = cells.next_cell().map_err(|e| unreadable(&e))? {
                put(&mut grid, cell.get_position(), Data::from(cell.get_value().clone()));
            }
            (chosen, others, grid)
        }
        Book::Ods => {
            let mut workbook = Ods::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
            let (chosen, others) = pick(name, workbook.sheet_names(), sheet)?;
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
    // When the first sheet was taken by default, say which others there are.
    let hint = if sheet.is_none() && !others.is_empty() {
        format!(
            " (this is the first sheet; the workbook also has {}: choose one with --sheet)",
            quoted(&others)
        )
    } else {
        String::new()
    };
    read_grid(name, &chosen, &grid, &hint)
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

/// `"A", "B"`: sheet names, quoted.
fn quoted(names: &[String]) -> String {
    join_names(names.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().into_iter())
}

/// The sheet to read (the one asked for, or the first) and the others.
fn pick(name: &str, names: Vec<String>, wanted: Option<&str>) -> Result<(String, Vec<String>), String> {
    let Some(wanted) = wanted else {
        let mut names = names.into_iter();
        let first = names.next().ok_or_else(|| format!("{name}: the workbook has no sheets"))?;
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
            Ok((chosen, Vec::new()))
        }
        None if names.is_empty() => Err(format!("{name}: the workbook has no sheets")),
        None => Err(format!(
            "{name}: there is no sheet {wanted:?}: the sheets are {}; give one of them with --sheet",
            quoted(&names)
        )),
    }
}

/// `A`, `B`, ..., `Z`, `AA`, ...: a column's letters from its index.
fn column_letters(index: u32) -> String {
    let mut n = u64::from(index) + 1;
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

/// Reads the header row and the party rows of a sheet.
fn read_grid(name: &str, sheet: &str, grid: &Grid, hint: &str) -> Result<PartyVotes, String> {
    let row_number = |r: u32| u64::from(r) + 1;
    let mut rows = grid.iter();
    let Some((&header_row, header)) = rows.next() else {
        return Err(format!(
            "{name}, sheet {sheet:?}: the sheet is empty: expected a header row with the columns \
             party and votes{hint}"
        ));
    };
    let header_row = row_number(header_row);
    let cols: Vec<u32> = header.keys().copied().collect();
    let names: Vec<String> = header.values().map(|c| text(Some(c)).to_lowercase()).collect();
    let letters = |i: usize| cols.get(i).map_or_else(String::new, |&c| column_letters(c));
    let columns = Columns::find(&names, letters)
        .map_err(|e| format!("{name}, sheet {sheet:?}, row {header_row}: {e}{hint}"))?;
    let (party_col, votes_col) = (cols.get(columns.party).copied(), cols.get(columns.votes).copied());
    let (party_letters, votes_letters) = (letters(columns.party), letters(columns.votes));

    let mut entries = Vec::new();
    for (&r, cells) in rows {
        let r = row_number(r);
        let party = text(party_col.and_then(|c| cells.get(&c)));
        if party.is_empty() {
            return Err(format!("{name}, sheet {sheet:?}, cell {party_letters}{r}: the party name is empty"));
        }
        let votes = match votes_col.and_then(|c| cells.get(&c)) {
            Some(Data::String(s)) => Votes::Text(s.clone()),
            other => Votes::Read(number_cell(other)),
        };
        entries.push(Entry {
            cell: format!("{name}, sheet {sheet:?}, cell {votes_letters}{r}"),
            row: format!("{name}, sheet {sheet:?}, row {r}"),
            short: format!("row {r}"),
            party,
            votes,
        });
    }
    finish(name, &format!("sheet {sheet:?}, row {header_row}"), entries)
}

/// Reads a votes cell that is not text.
fn number_cell(cell: Option<&Data>) -> Result<u64, String> {
    match cell {
        None | Some(Data::Empty) => {
            Err(format!("votes are empty: expected a whole number from 0 to {}", u64::MAX))
        }
        Some(Data::Int(i)) => {
            u64::try_from(*i).map_err(|_| format!("votes {i} are negative: expected a whole number from 0"))
        }
        Some(Data::Float(f)) => {
            if !f.is_finite() {
                Err(format!("votes {f} are not a number: expected a whole number"))
            } else if *f < 0.0 {
                Err(format!("votes {f} are negative: expected a whole number from 0"))
            } else if f.fract() != 0.0 {
                Err(format!(
                    "votes {f} are fractional: expected a whole number of votes (if the cell shows a \
                     whole number, the spreadsheet rounds it for display only)"
                ))
            } else if *f > MAX_EXACT {
                Err(format!(
                    "votes {f} are too large for a number cell to hold exactly: spreadsheets keep about \
                     15 digits, so above 9007199254740992 (2^53) the number may have been rounded; type the \
                     votes as text (start the cell with an apostrophe)"
                ))
            } else {
                // Whole, from 0 to 2^53: the conversion is exact.
                Ok(*f as u64)
            }
        }
        Some(Data::Bool(b)) => Err(format!(
            "votes are {}, a true/false cell, not a number: type the number of votes",
            if *b { "TRUE" } else { "FALSE" }
        )),
        Some(Data::DateTime(_) | Data::DateTimeIso(_) | Data::DurationIso(_)) => {
            Err("votes are a date or time, not a number: format the votes column as numbers".to_string())
        }
        Some(Data::Error(e)) => Err(format!(
            "votes are a spreadsheet error ({e}), not a number: fix the formula or type the number"
        )),
        Some(Data::String(s)) => Err(format!("votes {s:?} are text")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_go_past_z() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(1), "B");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        assert_eq!(column_letters(u32::MAX), "MWLQKWV");
    }

    #[test]
    fn number_cells_are_whole_and_exact() {
        assert_eq!(number_cell(Some(&Data::Float(3_431_510.0))), Ok(3_431_510));
        assert_eq!(number_cell(Some(&Data::Int(0))), Ok(0));
        assert_eq!(number_cell(Some(&Data::Float(-0.0))), Ok(0));
        assert_eq!(number_cell(Some(&Data::Float(MAX_EXACT))), Ok(1 << 53));
        assert!(number_cell(Some(&Data::Float(12.5))).unwrap_err().contains("fractional"));
        assert!(number_cell(Some(&Data::Float(-3.0))).unwrap_err().contains("negative"));
        assert!(number_cell(Some(&Data::Int(-3))).unwrap_err().contains("negative"));
        assert!(number_cell(Some(&Data::Float(f64::NAN))).unwrap_err().contains("not a number"));
        assert!(number_cell(Some(&Data::Float(f64::INFINITY))).unwrap_err().contains("not a number"));
        assert!(number_cell(Some(&Data::Float(1e19))).unwrap_err().contains("as text"));
        assert!(number_cell(Some(&Data::Bool(true))).unwrap_err().contains("TRUE"));
        assert!(number_cell(None).unwrap_err().contains("empty"));
        assert!(number_cell(Some(&Data::Empty)).unwrap_err().contains("empty"));
    }
}
