//! Writing views: the one JSON writer, the one CSV writer, and the text
//! table used by the commands whose views are not yet in the library.

use std::io::{self, Write};

use saylau::describe::table::{Align, Table as ViewTable};
use serde::Serialize;

/// Pretty JSON of a view, then a newline.
pub fn json<T: Serialize>(view: &T, w: &mut impl Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, view).map_err(io::Error::from)?;
    writeln!(w)
}

/// CSV of a view's rows, with the header from the rows' field names.
pub fn csv_rows<T: Serialize>(rows: &[T], w: &mut impl Write) -> io::Result<()> {
    let mut out = csv::Writer::from_writer(w);
    for row in rows {
        out.serialize(row).map_err(csv_io)?;
    }
    out.flush()
}

/// A simple aligned table: the first column left-aligned, the others
/// right-aligned unless marked (rendered by the library's table).
pub struct Table {
    headers: Vec<(String, bool)>,
    /// The rows, one cell per header.
    pub rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these headers: (title, right-aligned).
    pub fn new<S: AsRef<str>>(headers: &[(S, bool)]) -> Table {
        Table {
            headers: headers.iter().map(|(h, r)| (h.as_ref().to_string(), *r)).collect(),
            rows: Vec::new(),
        }
    }

    /// Writes the header line (unless all headers are blank) and the rows.
    pub fn write(&self, w: &mut impl Write) -> io::Result<()> {
        let mut t = ViewTable::new(
            self.headers.iter().map(|(h, r)| (h.clone(), if *r { Align::Right } else { Align::Left })),
        );
        for row in &self.rows {
            t.push(row.iter().cloned());
        }
        t.write_text(w)
    }
}

/// The notes, as bullet lines.
pub fn notes<S: AsRef<str>>(notes: &[S], w: &mut impl Write) -> io::Result<()> {
    if notes.is_empty() {
        return Ok(());
    }
    writeln!(w)?;
    writeln!(w, "notes:")?;
    for n in notes {
        writeln!(w, "- {}", n.as_ref())?;
    }
    Ok(())
}

/// A CSV writer error as an I/O error, keeping the kind of an I/O failure
/// (a closed pipe must stay recognisable).
pub fn csv_io(e: csv::Error) -> io::Error {
    let text = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        _ => io::Error::other(text),
    }
}
