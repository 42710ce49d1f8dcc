//! Files and standard streams: reading a file or standard input, writing a
//! result to a file or standard output, with messages that name the file.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

use crate::cli::PictureFormat;
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
        "{}: cannot write a .{ext} file: this command writes {}; name the file {} (or - for standard output)",
        path.display(),
        what.name(),
        what.fix()
    )))
}

/// The format of the picture to write to `path`: its extension (.svg or
/// .png) when it has one, otherwise `flag` (`--format`), otherwise SVG.
/// Call after [`check_output`], which refuses other extensions.
pub fn picture_format(path: &Path, flag: Option<PictureFormat>) -> PictureFormat {
    let ext = match path.as_os_str() == "-" {
        true => None,
        false => path.extension().map(|e| e.to_string_lossy().to_lowercase()),
    };
    match ext.as_deref() {
        Some("png") => PictureFormat::Png,
        Some("svg") => PictureFormat::Svg,
        _ => flag.unwrap_or(PictureFormat::Svg),
    }
}

/// Writes `bytes` (text, or a PNG image) to `path`, or to standard output
/// for `-`; a failure names the file.
pub fn write_output(path: &Path, bytes: impl AsRef<[u8]>) -> ExitCode {
    let bytes = bytes.as_ref();
    if path.as_os_str() == "-" {
        return write_stdout(ExitCode::SUCCESS, |out| out.write_all(bytes));
    }
    match std::fs::write(path, bytes) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => Failure::Input(format!("{}: cannot write the output: {e}", path.display())).exit(),
    }
}
