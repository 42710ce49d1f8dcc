//! `saylau`: the command line face of the saylau crate, for people who do not
//! write Rust. The contract (names, fields, exit codes) is in the crate's CLI
//! spec; run `saylau allocate --help`, `saylau elect --help`,
//! `saylau simulate --help`, `saylau metrics --help`, `saylau compare --help`,
//! `saylau hemicycle --help` and `saylau report --help` for the details;
//! `saylau completions SHELL` prints a shell completion script.
//!
//! Exit codes: 0 success, 2 bad input or usage, 3 a tie the chosen policy
//! (`--ties error`, the default) refuses to break; 130 a simulation
//! interrupted by Ctrl-C (its partial results are printed).

#![forbid(unsafe_code)]

mod allocate;
mod cli;
mod compare;
mod completions;
mod diff;
mod elect;
mod hemicycle;
mod input;
mod io;
mod messages;
mod metrics;
mod output;
mod report;
mod scenario_file;
mod simulate;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};

/// Writes `message` to standard error, prefixed `saylau: error: `. A closed
/// standard error is ignored.
fn report_error(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "saylau: error: {message}");
}

/// Why a command failed, which decides the exit code.
#[derive(Debug)]
pub enum Failure {
    /// Bad input or usage: exit code 2.
    Input(String),
    /// A tie the policy does not break: exit code 3.
    Tie(String),
}

impl Failure {
    /// Reports the failure on standard error and gives its exit code.
    fn exit(self) -> ExitCode {
        match self {
            Failure::Input(message) => {
                report_error(&message);
                ExitCode::from(2)
            }
            Failure::Tie(message) => {
                report_error(&message);
                ExitCode::from(3)
            }
        }
    }
}

/// Writes a command's output through a buffered standard output and gives
/// `code`; a reader that went away (`saylau ... | head`) is not an error,
/// any other write error exits 2.
fn write_stdout(
    code: ExitCode,
    write: impl FnOnce(&mut std::io::BufWriter<std::io::StdoutLock<'_>>) -> std::io::Result<()>,
) -> ExitCode {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => {
            report_error(&format!("cannot write the output: {e}"));
            ExitCode::from(2)
        }
    }
}

/// Prints a clap error or the help/version text and gives its exit code.
fn clap_exit(e: clap::Error) -> ExitCode {
    if e.exit_code() == 0 {
        // --help, --version: to standard output; a closed pipe is not an error.
        let _ = e.print();
        return ExitCode::SUCCESS;
    }
    let text = e.render().to_string();
    let text = text.trim_end();
    let message = match text.strip_prefix("error: ") {
        Some(rest) => format!("saylau: error: {rest}"),
        None => text.to_string(),
    };
    let _ = writeln!(std::io::stderr().lock(), "{message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    match cli.command {
        Command::Allocate(args) => allocate::main(&args),
        Command::Elect(args) => elect::main(&args),
        Command::Simulate(args) => simulate::main(&args),
        Command::Metrics(args) => metrics::main(&args),
        Command::Compare(args) => compare::main(&args),
        Command::Hemicycle(args) => hemicycle::main(&args),
        Command::Report(args) => report::main(&args),
        Command::Diff(args) => diff::main(&args),
        Command::Completions(args) => completions::main(&args),
    }
}
