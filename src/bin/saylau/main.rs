//! `saylau`: the command line face of the saylau crate, for people who do not
//! write Rust. The contract (names, fields, exit codes) is in the crate's CLI
//! spec; run `saylau allocate --help`, `saylau elect --help`,
//! `saylau simulate --help`, `saylau metrics --help`, `saylau compare --help`,
//! `saylau fragility --help`, `saylau hemicycle --help`, `saylau report --help`
//! and `saylau run --help` for the details; `saylau completions SHELL` prints
//! a shell completion script.
//!
//! Every command is a thin shell over the library's requests
//! ([`saylau::request`]): its flags and files become a request, the request
//! decides, and its output is written here.
//!
//! Exit codes: 0 success, 2 bad input or usage, 3 a tie the chosen policy
//! (`--ties error`, the default) refuses to break; 130 a simulation
//! interrupted by Ctrl-C (its partial results are printed).

#![forbid(unsafe_code)]

mod cli;
mod completions;
mod io;
mod output;
mod requests;
mod simulate;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;
use saylau::request::{Output, Request, RequestError, error_json, exit_code};

use crate::cli::{Cli, Command, ErrorFormat};
use crate::requests::Sink;

/// Writes a refusal to standard error, in text (`saylau: error: ...`, with
/// the option it concerns) or as JSON, and gives its exit code. A closed
/// standard error is ignored.
fn fail(e: &RequestError, format: ErrorFormat) -> ExitCode {
    let mut err = std::io::stderr().lock();
    let _ = match format {
        ErrorFormat::Text => match e.field().and_then(flag) {
            Some(flag) => writeln!(err, "saylau: error: {e} ({flag})"),
            None => writeln!(err, "saylau: error: {e}"),
        },
        ErrorFormat::Json => writeln!(err, "{}", error_json(e)),
    };
    ExitCode::from(exit_code(e.kind()))
}

/// The option of a request's field, when the command line has one.
fn flag(field: &str) -> Option<&'static str> {
    Some(match field {
        "ties" => "--ties",
        "seed" => "--seed",
        "runs" => "--runs",
        "threads" => "--threads",
        "threshold" => "--threshold",
        "excess" => "--excess",
        "seats" => "--seats",
        "houses" => "--houses",
        "from" => "--from",
        "to" => "--to",
        "step" => "--step",
        "scale" => "--scale",
        "format" => "--format",
        _ => return None,
    })
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
            let _ = writeln!(std::io::stderr().lock(), "saylau: error: cannot write the output: {e}");
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
    if errors_as_json() {
        let message = text.strip_prefix("error: ").unwrap_or(text);
        let e = RequestError::input(message);
        let _ = writeln!(std::io::stderr().lock(), "{}", error_json(&e));
        return ExitCode::from(2);
    }
    let message = match text.strip_prefix("error: ") {
        Some(rest) => format!("saylau: error: {rest}"),
        None => text.to_string(),
    };
    let _ = writeln!(std::io::stderr().lock(), "{message}");
    ExitCode::from(2)
}

/// Whether the command line asks for refusals as JSON, read from the raw
/// arguments (a usage error stops clap before it gives the options).
fn errors_as_json() -> bool {
    let args: Vec<String> = std::env::args().collect();
    args.iter().enumerate().any(|(i, a)| {
        a.eq_ignore_ascii_case("--error-format=json")
            || (a == "--error-format" && args.get(i + 1).is_some_and(|v| v.eq_ignore_ascii_case("json")))
    })
}

/// Writes `request` as JSON to `path`.
fn save(request: &Request, path: &std::path::Path) -> Result<(), RequestError> {
    let text = serde_json::to_string_pretty(request).map_err(|e| {
        RequestError::new(saylau::ErrorKind::Internal, format!("cannot write the request: {e}"))
    })?;
    io::write_file(path, format!("{text}\n").as_bytes())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(e),
    };
    if let Command::Completions(args) = &cli.command {
        return completions::main(args);
    }
    let errors = cli.error_format;
    let (request, sink) = match requests::request(&cli.command) {
        Ok(made) => made,
        Err(e) => return fail(&e, errors),
    };
    if let Some(path) = &cli.save_request
        && let Err(e) = save(&request, path)
    {
        return fail(&e, errors);
    }
    let out = match simulate::run(&request) {
        Ok(out) => out,
        Err(e) => return fail(&e, errors),
    };
    let code = match &out {
        Output::Projection(p) if p.interrupted => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "saylau: interrupted: {} of {} runs completed; the results above are partial",
                p.view.runs,
                p.asked
            );
            ExitCode::from(simulate::INTERRUPTED)
        }
        _ => ExitCode::SUCCESS,
    };
    match sink {
        Sink::Print(format) => write_stdout(code, |w| output::write(&out, format, w)),
        Sink::File(path) if path.as_os_str() == "-" => {
            write_stdout(code, |w| output::write(&out, cli::Format::Table, w))
        }
        Sink::File(path) => {
            // A picture or a page: its bytes as they are.
            let mut bytes = Vec::new();
            let written = output::write(&out, cli::Format::Table, &mut bytes)
                .map_err(|e| {
                    RequestError::new(saylau::ErrorKind::Internal, format!("cannot write the output: {e}"))
                })
                .and_then(|()| io::write_file(&path, &bytes));
            match written {
                Ok(()) => code,
                Err(e) => fail(&e, errors),
            }
        }
    }
}
