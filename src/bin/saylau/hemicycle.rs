//! `saylau hemicycle`: a scenario's result as a parliament diagram (SVG).

use std::process::ExitCode;

use saylau::describe::figure::body_picture;

use crate::Failure;
use crate::cli::HemicycleArgs;
use crate::io::{Written, check_output, write_output};
use crate::scenario_file::elected;

/// Runs `saylau hemicycle` and gives the exit code.
pub fn main(args: &HemicycleArgs) -> ExitCode {
    if let Err(f) = check_output(&args.output, Written::Svg) {
        return f.exit();
    }
    let e = match elected(&args.file, "nothing to draw") {
        Ok(e) => e,
        Err(f) => return f.exit(),
    };
    match body_picture(&e.title(), &e.body, &e.result, &e.ballots, args.split) {
        Ok(svg) => write_output(&args.output, &svg),
        Err(err) => Failure::Input(format!("{}: cannot draw the result: {err}", e.source)).exit(),
    }
}
