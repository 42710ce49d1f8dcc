//! `saylau hemicycle`: a scenario's result as a parliament diagram (SVG).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use saylau::svg::{Group, hemicycle, split_view};

use crate::cli::HemicycleArgs;
use crate::metrics::{Elected, elected};
use crate::{Failure, write_stdout};

/// The diagram of an elected scenario: one half ring, or the tiers apart
/// with `split`.
///
/// # Errors
///
/// The library's refusal (more seats than a diagram holds, a result that
/// does not fit the body).
pub fn picture(e: &Elected, split: bool) -> saylau::svg::Result<String> {
    let r = &e.result;
    let title = e.title();
    if split {
        return split_view(&title, &e.body, r, &[]);
    }
    let mut groups: Vec<Group> = r.parties.iter().map(|p| Group::new(p.party.clone(), p.seats)).collect();
    groups.push(Group::self_nominated(r.independents));
    groups.push(Group::vacant(r.vacant));
    groups.push(Group::undecided(r.undecided));
    hemicycle(&title, &groups)
}

/// Writes `text` to `path`, or to standard output for `-`; a failure names the file.
pub fn write_output(path: &Path, text: &str) -> ExitCode {
    if path.as_os_str() == "-" {
        return write_stdout(ExitCode::SUCCESS, |out| out.write_all(text.as_bytes()));
    }
    match std::fs::write(path, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => Failure::Input(format!("{}: cannot write the output: {e}", path.display())).exit(),
    }
}

/// Runs `saylau hemicycle` and gives the exit code.
pub fn main(args: &HemicycleArgs) -> ExitCode {
    let e = match elected(&args.file, "nothing to draw") {
        Ok(e) => e,
        Err(f) => return f.exit(),
    };
    match picture(&e, args.split) {
        Ok(svg) => write_output(&args.output, &svg),
        Err(err) => Failure::Input(format!("{}: cannot draw the result: {err}", e.source)).exit(),
    }
}
