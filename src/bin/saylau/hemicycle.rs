//! `saylau hemicycle`: a scenario's result as a parliament diagram (SVG).

use std::process::ExitCode;

use saylau::describe::figure::body_picture;
use saylau::note::Note;

use crate::Failure;
use crate::cli::HemicycleArgs;
use crate::io::{Written, check_output, write_output};
use crate::scenario_file::elected;

/// Runs `saylau hemicycle` and gives the exit code.
pub fn main(args: &HemicycleArgs) -> ExitCode {
    if let Err(f) = check_output(&args.output, Written::Svg) {
        return f.exit();
    }
    let e = match elected(&args.file, &args.what_if, "nothing to draw") {
        Ok(e) => e,
        Err(f) => return f.exit(),
    };
    // A what-if picture says so in its title.
    let changes: Vec<String> = e
        .result
        .notes
        .iter()
        .filter_map(|n| match n {
            Note::Overridden { field, to, .. } => Some(format!("{field} {to}")),
            _ => None,
        })
        .collect();
    let title = match changes.is_empty() {
        true => e.title(),
        false => format!("{} (what if: {})", e.title(), changes.join(", ")),
    };
    match body_picture(&title, &e.body, &e.result, &e.ballots, args.split) {
        Ok(svg) => write_output(&args.output, &svg),
        Err(err) => Failure::Input(format!("{}: cannot draw the result: {err}", e.source)).exit(),
    }
}
