//! `hemicycle`: a result drawn as a parliament diagram, as SVG or as PNG.

use super::allocate::{AllocateRequest, Allocated, seats_title};
use super::error::{RequestError, prefixed};
use super::scenario::elect;
use crate::describe::figure::body_picture;
use crate::describe::view::About;
use crate::error::ErrorKind;
use crate::scenario::{Scenario, WhatIf};

/// The format of a picture.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PictureFormat {
    /// SVG: the picture as drawn (text, scalable).
    #[default]
    Svg,
    /// PNG: the SVG rendered to pixels with the embedded font (with the
    /// `png` feature).
    Png,
}

impl PictureFormat {
    /// The format a file name asks for by its extension (`.svg`, `.png`), if it does.
    pub fn of_file_name(name: &str) -> Option<PictureFormat> {
        let ext = std::path::Path::new(name).extension()?.to_string_lossy().to_ascii_lowercase();
        match ext.as_str() {
            "svg" => Some(PictureFormat::Svg),
            "png" => Some(PictureFormat::Png),
            _ => None,
        }
    }
}

/// The default scale of a PNG picture: pixels per unit of the SVG.
pub const DEFAULT_SCALE: f32 = 2.0;

fn default_scale() -> f32 {
    DEFAULT_SCALE
}

/// `hemicycle`: a scenario's result drawn as a parliament diagram.
///
/// ```
/// # use saylau::request::{HemicycleRequest, read_scenario};
/// let s = read_scenario("k.json", br#"{"body": "kurultai", "list_seats": 10,
///     "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 4000}]}"#)?;
/// let picture = HemicycleRequest::new(s).run()?;
/// assert!(String::from_utf8(picture.bytes).unwrap().starts_with("<svg"));
/// # Ok::<(), saylau::request::RequestError>(())
/// ```
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HemicycleRequest {
    /// Where the scenario comes from, said first in messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The scenario.
    pub scenario: Scenario,
    /// What-if changes to its rules.
    #[serde(default, skip_serializing_if = "WhatIf::is_empty")]
    pub what_if: WhatIf,
    /// The picture's title (default: the scenario's, with the what-if changes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The party-list and single-member seats as two half rings.
    #[serde(default)]
    pub split: bool,
    /// SVG or PNG.
    #[serde(default)]
    pub format: PictureFormat,
    /// PNG only: pixels per unit of the SVG, above 0 and at most 16.
    #[serde(default = "default_scale")]
    pub scale: f32,
}

/// A picture: its format and its bytes (SVG text as UTF-8, or a PNG image).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picture {
    /// The format.
    pub format: PictureFormat,
    /// The bytes.
    pub bytes: Vec<u8>,
}

impl HemicycleRequest {
    /// The SVG diagram of `scenario` as it is.
    pub fn new(scenario: Scenario) -> HemicycleRequest {
        HemicycleRequest {
            source: None,
            scenario,
            what_if: WhatIf::default(),
            title: None,
            split: false,
            format: PictureFormat::Svg,
            scale: DEFAULT_SCALE,
        }
    }

    /// Elects the body and draws the result.
    ///
    /// # Errors
    ///
    /// As [`super::ElectRequest::run`]; a result the diagram cannot hold; a
    /// scale out of range, or PNG without the `png` feature.
    pub fn run(&self) -> Result<Picture, RequestError> {
        let source = self.source.as_deref();
        check_scale(self.format, self.scale, source)?;
        let e = elect(source, &self.scenario, &self.what_if, "nothing to draw")?;
        let title = self.title.clone().unwrap_or_else(|| e.title());
        let svg =
            body_picture(&title, &e.body, &e.result, &e.ballots, self.split, &About::of(&e.scenario).colours)
                .map_err(|err| drawing(source, &err.to_string()))?;
        render(svg, self.format, self.scale, source)
    }
}

impl AllocateRequest {
    /// The diagram of a count: each party's seats together in a half ring;
    /// the title is `title`, or the method and the seats.
    ///
    /// # Errors
    ///
    /// A house larger than the diagram holds.
    pub fn picture(&self, counted: &Allocated, title: Option<&str>) -> Result<String, RequestError> {
        let labels = self.parties.labels();
        let groups: Vec<crate::svg::Group> = labels
            .iter()
            .zip(counted.allocation.seats())
            .filter(|&(_, &s)| s > 0)
            .map(|(n, &s)| crate::svg::Group::new(n.clone(), s))
            .collect();
        let title =
            title.map_or_else(|| seats_title(self.method, counted.allocation.total_seats()), str::to_string);
        crate::svg::hemicycle(&title, &groups).map_err(|e| drawing(self.source.as_deref(), &e.to_string()))
    }
}

/// A drawing refused.
fn drawing(source: Option<&str>, why: &str) -> RequestError {
    RequestError::new(ErrorKind::Limit, prefixed(source, &format!("cannot draw the result: {why}")))
}

/// Refuses a PNG scale out of range, and PNG in a build without it.
fn check_scale(format: PictureFormat, scale: f32, source: Option<&str>) -> Result<(), RequestError> {
    if format == PictureFormat::Svg {
        return Ok(());
    }
    #[cfg(feature = "png")]
    {
        let max = crate::describe::png::MAX_SCALE;
        if !(scale > 0.0 && scale <= max) {
            return Err(RequestError::input(prefixed(
                source,
                &format!("the scale must be a number above 0 and at most {max}, such as 1, 2 or 1.5"),
            ))
            .at("scale"));
        }
        Ok(())
    }
    #[cfg(not(feature = "png"))]
    {
        let _ = scale;
        Err(RequestError::input(prefixed(
            source,
            "this build of saylau draws SVG only: ask for an SVG picture",
        ))
        .at("format"))
    }
}

/// The SVG as asked: itself, or rendered to PNG.
fn render(
    svg: String,
    format: PictureFormat,
    scale: f32,
    source: Option<&str>,
) -> Result<Picture, RequestError> {
    match format {
        PictureFormat::Svg => Ok(Picture { format, bytes: svg.into_bytes() }),
        #[cfg(feature = "png")]
        PictureFormat::Png => crate::describe::png::render(&svg, scale)
            .map(|bytes| Picture { format, bytes })
            .map_err(|e| drawing(source, &format!("as PNG: {e}"))),
        #[cfg(not(feature = "png"))]
        PictureFormat::Png => {
            let _ = scale;
            check_scale(format, scale, source).map(|()| Picture { format, bytes: svg.into_bytes() })
        }
    }
}

/// Renders SVG text as PNG at `scale` (pixels per unit of the SVG).
///
/// # Errors
///
/// A scale out of range; text that is not SVG; PNG without the `png` feature.
pub fn svg_to_png(svg: &str, scale: f32) -> Result<Vec<u8>, RequestError> {
    check_scale(PictureFormat::Png, scale, None)?;
    render(svg.to_string(), PictureFormat::Png, scale, None).map(|p| p.bytes)
}
