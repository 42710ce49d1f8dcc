//! Reading the votes of `saylau allocate`: the bytes of a file or of
//! standard input, read as a table by [`saylau::tabular`], with errors that
//! name the file.

use std::path::Path;

use saylau::PartyVotes;

/// How to read the input, from the command line: `--delimiter` and `--sheet`.
pub use saylau::tabular::ReadOptions as InputOptions;

/// Where the input comes from, as named in error messages.
#[derive(Debug, Clone)]
pub struct Source {
    /// The file path as given, or `<stdin>`.
    pub name: String,
}

/// Reads all of `file` (`None` or `-` for standard input) and parses it into
/// parties in input order.
///
/// # Errors
///
/// A message naming the source, the line or cell and what is wrong.
pub fn read(file: Option<&Path>, options: &InputOptions) -> Result<(Source, PartyVotes), String> {
    let (name, bytes) = crate::io::read(file.unwrap_or(Path::new("-")))?;
    let parties = saylau::tabular::read(&bytes, options).map_err(|e| e.in_file(&name))?;
    Ok((Source { name }, parties))
}
