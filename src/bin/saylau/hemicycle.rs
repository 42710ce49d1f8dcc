//! `saylau hemicycle`: a scenario's result as a parliament diagram (SVG).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use saylau::svg::{Group, candidate_bars, hemicycle, split_view};

use crate::cli::HemicycleArgs;
use crate::scenario_file::{Elected, elected};
use crate::{Failure, write_stdout};

/// The diagram of an elected scenario: one half ring, or the tiers apart
/// with `split`; a body of one seat filled by one race is a bar chart of
/// its candidates.
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
    // One seat, one race: the candidates' votes say more than one dot.
    if let ([district], [race]) = (e.ballots.districts.as_slice(), r.districts.as_slice())
        && r.seats == 1
    {
        let winner = race.winner.as_ref().and_then(|w| district.candidates.iter().position(|c| &c.name == w));
        return candidate_bars(&title, &district.candidates, district.against_all, winner);
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
