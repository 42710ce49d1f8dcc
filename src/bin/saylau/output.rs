//! Writing views: the one JSON writer and the one CSV writer.

use std::io::{self, Write};

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

/// A CSV writer error as an I/O error, keeping the kind of an I/O failure
/// (a closed pipe must stay recognisable).
pub fn csv_io(e: csv::Error) -> io::Error {
    let text = e.to_string();
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io,
        _ => io::Error::other(text),
    }
}
