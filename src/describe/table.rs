//! One table type for every table people read: owned headers, an alignment
//! per column, widths measured in terminal columns (so that Kazakh, Russian
//! and wide characters line up), rendered as aligned text here and as HTML
//! by the report.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

/// How a column's cells line up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    /// Text: flush left.
    Left,
    /// Numbers: flush right.
    Right,
}

/// A column: its header and alignment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The header.
    pub header: String,
    /// How its cells line up.
    pub align: Align,
}

/// A table for people: columns and rows of already formatted cells.
///
/// ```
/// use saylau::describe::table::{Align, Table};
/// let mut t = Table::new([("party", Align::Left), ("seats", Align::Right)]);
/// t.push(["Amanat", "40"]);
/// t.push(["Ақ жол", "6"]);
/// assert_eq!(t.to_text(), "party   seats\nAmanat     40\nАқ жол      6\n");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, one cell per column.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these columns.
    pub fn new<S: Into<String>>(columns: impl IntoIterator<Item = (S, Align)>) -> Table {
        Table {
            columns: columns.into_iter().map(|(h, align)| Column { header: h.into(), align }).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row (missing cells are blank, extra cells are dropped).
    pub fn push<S: Into<String>>(&mut self, row: impl IntoIterator<Item = S>) {
        let mut cells: Vec<String> = row.into_iter().map(Into::into).collect();
        cells.resize(self.columns.len(), String::new());
        self.rows.push(cells);
    }

    /// Is any header non-blank? (A table of blank headers has no header line.)
    pub fn has_headers(&self) -> bool {
        self.columns.iter().any(|c| !c.header.is_empty())
    }

    /// Writes the table as aligned text: two spaces between columns, no
    /// trailing spaces.
    ///
    /// # Errors
    ///
    /// The writer's errors.
    pub fn write_text(&self, w: &mut impl Write) -> io::Result<()> {
        let widths: Vec<usize> = (0..self.columns.len())
            .map(|c| {
                let cells = self.rows.iter().filter_map(|r| r.get(c)).map(|cell| cell.width());
                cells.chain([self.columns[c].header.width()]).max().unwrap_or(0)
            })
            .collect();
        let line = |cells: &mut dyn Iterator<Item = &str>| -> String {
            let parts: Vec<String> = cells
                .take(self.columns.len())
                .enumerate()
                .map(|(c, cell)| {
                    let gap = " ".repeat(widths[c].saturating_sub(cell.width()));
                    match self.columns[c].align {
                        Align::Left => format!("{cell}{gap}"),
                        Align::Right => format!("{gap}{cell}"),
                    }
                })
                .collect();
            parts.join("  ").trim_end().to_string()
        };
        if self.has_headers() {
            writeln!(w, "{}", line(&mut self.columns.iter().map(|c| c.header.as_str())))?;
        }
        for row in &self.rows {
            writeln!(w, "{}", line(&mut row.iter().map(String::as_str)))?;
        }
        Ok(())
    }

    /// The table as aligned text.
    pub fn to_text(&self) -> String {
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = self.write_text(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_are_measured_in_columns() {
        let mut t = Table::new([("name", Align::Left), ("n", Align::Right)]);
        t.push(["選挙", "1"]);
        t.push(["ab", "22"]);
        assert_eq!(t.to_text(), "name   n\n選挙   1\nab    22\n");
    }

    #[test]
    fn blank_headers_print_no_header_line_and_short_rows_are_padded() {
        let mut t = Table::new([("", Align::Left), ("", Align::Right)]);
        t.push(["a"]);
        assert_eq!(t.to_text(), "a\n");
    }
}
