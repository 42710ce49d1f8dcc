//! Files and standard streams: reading a file or standard input, writing a
//! result to a file or standard output, with messages that name the file.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::{Failure, write_stdout};

/// The bytes of `file`, or of standard input for `-`, with the name to use
/// in messages (`<stdin>` for `-`).
///
/// # Errors
///
/// A message naming the file and what went wrong.
pub fn read(file: &Path) -> Result<(String, Vec<u8>), String> {
    if file.as_os_str() == "-" {
        let name = "<stdin>".to_string();
        let mut bytes = Vec::new();
        std::io::stdin().lock().read_to_end(&mut bytes).map_err(|e| format!("cannot read {name}: {e}"))?;
        return Ok((name, bytes));
    }
    let name = file.display().to_string();
    let bytes = std::fs::read(file).map_err(|e| format!("cannot read {name}: {e}"))?;
    Ok((name, bytes))
}

/// What a command writes to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    /// An SVG picture.
    Svg,
    /// An HTML (XHTML) page.
    Html,
}

impl Written {
    fn extensions(self) -> &'static [&'static str] {
        match self {
            Written::Svg => &["svg"],
            Written::Html => &["html", "htm", "xhtml"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Written::Svg => "an SVG picture",
            Written::Html => "an HTML page",
        }
    }
}

/// Refuses an output file whose extension says another format than the
/// command writes (`-o seats.png` for an SVG), before any work is done; a
/// file without an extension, and `-`, are fine.
///
/// # Errors
///
/// A message naming the file, what the command writes and the fix.
pub fn check_output(path: &Path, what: Written) -> Result<(), Failure> {
    if path.as_os_str() == "-" {
        return Ok(());
    }
    let Some(ext) = path.extension().map(|e| e.to_string_lossy().to_lowercase()) else {
        return Ok(());
    };
    if what.extensions().contains(&ext.as_str()) {
        return Ok(());
    }
    Err(Failure::Input(format!(
        "{}: cannot write a .{ext} file: this command writes {}; name the file .{} (or - for standard output)",
        path.display(),
        what.name(),
        what.extensions()[0]
    )))
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
