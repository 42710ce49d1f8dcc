//! `saylau diff`: two elections side by side.

use std::process::ExitCode;

use saylau::describe::view::diff::DiffView;
use saylau::diff::diff;

use crate::cli::{DiffArgs, Format, WhatIfArgs};
use crate::output::{csv_rows, json};
use crate::scenario_file::{Elected, elected};
use crate::write_stdout;

/// Runs `saylau diff` and gives the exit code.
pub fn main(args: &DiffArgs) -> ExitCode {
    let same = WhatIfArgs::default();
    let both = elected(&args.before, &same, "nothing to compare")
        .and_then(|a| Ok((a, elected(&args.after, &same, "nothing to compare")?)));
    let (a, b) = match both {
        Ok(both) => both,
        Err(f) => return f.exit(),
    };
    let view = DiffView::new(name(&a), name(&b), &diff(&a.result, &b.result));
    write_stdout(ExitCode::SUCCESS, |out| match args.format {
        Format::Table => view.write_text(out),
        Format::Json => json(&view, out),
        Format::Csv => csv_rows(&view.csv_rows(), out),
    })
}

/// An election as named in the output: its title and file.
fn name(e: &Elected) -> String {
    format!("{}, from {}", e.title(), e.source)
}
