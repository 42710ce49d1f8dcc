//! Writing outputs: each view in the format asked for, with the one JSON
//! writer and the one CSV writer.

use std::io::{self, Write};

use saylau::request::Output;
use serde::Serialize;

use crate::cli::Format;

/// Writes `out` in `format`: a view's text, JSON or CSV rows; a picture's
/// or a page's bytes as they are.
pub fn write(out: &Output, format: Format, w: &mut impl Write) -> io::Result<()> {
    match out {
        Output::Allocation(o) => match format {
            Format::Table => o.view.write_text(&o.source, w),
            Format::Json => json(&o.view, w),
            Format::Csv => csv_rows(&o.view.csv_rows(), w),
        },
        Output::Body(o) => match format {
            Format::Table => o.view.write_text(&o.summary, &o.source, w),
            Format::Json => json(&o.view, w),
            Format::Csv => csv_rows(&o.view.csv_rows(), w),
        },
        Output::Referendum(o) => match format {
            Format::Table => o.view.write_text(&o.source, w),
            Format::Json => json(&o.view, w),
            Format::Csv => csv_rows(&o.view.csv_rows(), w),
        },
        Output::Projection(o) => match format {
            Format::Table => o.view.write_text(&o.summary, &o.source, w),
            Format::Json => json(&o.view, w),
            Format::Csv => csv_rows(&o.view.csv_rows(), w),
        },
        Output::Metrics(o) => match format {
            Format::Table => o.view.write_text(&o.source, w),
            Format::Json => json(&o.view, w),
            Format::Csv => csv_rows(&o.view.csv_rows(), w),
        },
        Output::Comparison(o) => match format {
            Format::Table => o.view.write_text(&o.source, w),
            Format::Json => json(&o.view, w),
            Format::Csv => csv_rows(&o.view.csv_rows(), w),
        },
        Output::Fragility(o) => match format {
            Format::Table => o.view.write_text(&o.source, w),
            Format::Json => json(&o.view, w),
            Format::Csv => csv_rows(&o.view.csv_rows(), w),
        },
        Output::Diff(o) => match format {
            Format::Table => o.view.write_text(w),
            Format::Json => json(&o.view, w),
            Format::Csv => csv_rows(&o.view.csv_rows(), w),
        },
        Output::Picture(p) => w.write_all(&p.bytes),
        Output::Page(html) => w.write_all(html.as_bytes()),
    }
}

/// Pretty JSON of a value, then a newline.
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
