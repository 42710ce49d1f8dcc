//! `saylau hemicycle`: a scenario's result as a parliament diagram (SVG,
//! or PNG rendered from it).

use std::process::ExitCode;

use saylau::describe::figure::body_picture;
use saylau::describe::png;
use saylau::describe::view::About;
use saylau::describe::view::body::picture_title;

use crate::Failure;
use crate::cli::{HemicycleArgs, PictureFormat};
use crate::io::{Written, check_output, picture_format, write_output};
use crate::scenario_file::elected;

/// Runs `saylau hemicycle` and gives the exit code.
pub fn main(args: &HemicycleArgs) -> ExitCode {
    if let Err(f) = check_output(&args.output, Written::Picture) {
        return f.exit();
    }
    let format = picture_format(&args.output, args.format);
    let e = match elected(&args.file, &args.what_if, "nothing to draw") {
        Ok(e) => e,
        Err(f) => return f.exit(),
    };
    // A what-if picture says so in its title.
    let title = picture_title(e.scenario.title.as_deref(), &e.result);
    let svg = match body_picture(
        &title,
        &e.body,
        &e.result,
        &e.ballots,
        args.split,
        &About::of(&e.scenario).colours,
    ) {
        Ok(svg) => svg,
        Err(err) => return Failure::Input(format!("{}: cannot draw the result: {err}", e.source)).exit(),
    };
    match format {
        PictureFormat::Svg => write_output(&args.output, svg),
        PictureFormat::Png => match png::render(&svg, args.scale) {
            Ok(bytes) => write_output(&args.output, bytes),
            Err(err) => {
                Failure::Input(format!("{}: cannot render the picture as PNG: {err}", e.source)).exit()
            }
        },
    }
}
