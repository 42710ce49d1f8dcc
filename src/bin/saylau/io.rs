//! Files and standard streams: reading a file or standard input, writing a
//! result to a file or standard output, with messages that name the file.

use std::io::Write;
use std::path::Path;

use saylau::ErrorKind;
use saylau::request::{RequestError, read_input};

/// The bytes of `file`, or of standard input for `-`, with the name to use
/// in messages (`<stdin>` for `-`).
///
/// # Errors
///
/// A refusal of kind I/O naming the file and what went wrong; of kind limit
/// for more than [`saylau::request::MAX_INPUT_BYTES`] (`/dev/zero` is not
/// read into memory).
pub fn read(file: &Path) -> Result<(String, Vec<u8>), RequestError> {
    if file.as_os_str() == "-" {
        let name = "<stdin>".to_string();
        let bytes = read_input(&name, std::io::stdin().lock())?;
        return Ok((name, bytes));
    }
    let name = file.display().to_string();
    let f = std::fs::File::open(file)
        .map_err(|e| RequestError::new(ErrorKind::Io, format!("cannot read {name}: {e}")))?;
    let bytes = read_input(&name, f)?;
    Ok((name, bytes))
}

/// What a command writes to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// A picture: SVG, or PNG rendered from it.
    Picture,
    /// An HTML (XHTML) page.
    Html,
}

impl Written {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Written::Picture => &["svg", "png"],
            Written::Html => &["html", "htm", "xhtml"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Written::Picture => "an SVG or PNG picture",
            Written::Html => "an HTML page",
        }
    }

    fn fix(self) -> &'static str {
        match self {
            Written::Picture => ".svg or .png",
            Written::Html => ".html",
        }
    }
}

/// Refuses an output file whose extension says another format than the
/// command writes (`-o seats.pdf` for a picture), before any work is done; a
/// file without an extension, and `-`, are fine.
///
/// # Errors
///
/// A message naming the file, what the command writes and the fix.
pub fn check_output(path: &Path, what: Written) -> Result<(), RequestError> {
    if path.as_os_str() == "-" {
        return Ok(());
    }
    let Some(ext) = path.extension().map(|e| e.to_string_lossy().to_lowercase()) else {
        return Ok(());
    };
    if what.extensions().contains(&ext.as_str()) {
        return Ok(());
    }
    Err(RequestError::input(format!(
        "{}: cannot write a .{ext} file: this command writes {}; name the file {} (or - for standard output)",
        path.display(),
        what.name(),
        what.fix()
    )))
}

/// Writes `bytes` to `path`.
///
/// # Errors
///
/// A refusal of kind I/O naming the file.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), RequestError> {
    std::fs::File::create(path).and_then(|mut f| f.write_all(bytes)).map_err(|e| {
        RequestError::new(ErrorKind::Io, format!("{}: cannot write the output: {e}", path.display()))
    })
}
