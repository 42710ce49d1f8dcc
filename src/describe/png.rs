//! Pictures as PNG (feature `png`): any SVG the crate draws, rendered with
//! [resvg](https://crates.io/crates/resvg) and an embedded font, so that
//! the same SVG gives the same pixels on every machine whatever fonts are
//! installed.
//!
//! The font is DejaVu Sans (Bitstream Vera licence, with the crate in
//! `assets/fonts/`): it covers Latin, Cyrillic with the Kazakh letters
//! (Ә ә Ғ ғ Қ қ Ң ң Ө ө Ұ ұ Ү ү Һ һ І і) and more. Every font family a
//! picture names resolves to it: the generic families (`sans-serif`,
//! `serif`, ...), `system-ui`, and names no font here has (`Helvetica`).
//! Only the regular face is embedded: bold text is drawn regular. Nothing
//! is read from the disk or the network: images the SVG links to are left
//! out.
//!
//! ```
//! use saylau::describe::png;
//! use saylau::svg::{Group, hemicycle};
//!
//! let svg = hemicycle("Mazhilis", &[Group::new("Amanat", 62), Group::new("Ақ жол", 6)])?;
//! let bytes = png::render(&svg, 2.0)?;
//! assert!(bytes.starts_with(png::SIGNATURE));
//! // The image is the SVG's size times the scale (IHDR: width, then height).
//! let (width, height) = png::dimensions(&bytes).expect("a PNG header");
//! assert_eq!((width, height), png::size(&svg, 2.0)?);
//! assert!(width > 0 && height > 0);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::sync::{Arc, OnceLock};

use resvg::{tiny_skia, usvg};

/// The embedded font: DejaVu Sans, regular.
const FONT: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// The family name of [`FONT`], which every family a picture names resolves to.
const FAMILY: &str = "DejaVu Sans";

/// The eight bytes every PNG file starts with.
pub const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The largest image [`render`] makes, in pixels (width times height): 64
/// million, 256 MiB of pixels in memory.
pub const MAX_PIXELS: u64 = 64 * 1024 * 1024;

/// The largest scale [`render`] takes.
pub const MAX_SCALE: f32 = 16.0;

/// Why a picture cannot be rendered as PNG.
///
/// Each variant carries the values a caller needs to say what went wrong;
/// the `Display` text is a sentence for people.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The scale is not a number above 0 and at most [`MAX_SCALE`].
    #[error("the scale {scale} is not a number above 0 and at most {MAX_SCALE}")]
    Scale {
        /// The scale given.
        scale: f32,
    },
    /// The text is not an SVG document the renderer can read.
    #[error("the SVG cannot be read: {reason}")]
    Svg {
        /// The renderer's words.
        reason: String,
    },
    /// The image would have more than [`MAX_PIXELS`] pixels, or none.
    #[error("the image would be {width} by {height} pixels: it must have from 1 to {MAX_PIXELS} pixels")]
    Size {
        /// Its width in pixels.
        width: u64,
        /// Its height in pixels.
        height: u64,
    },
    /// The PNG encoder failed.
    #[error("the PNG cannot be written: {reason}")]
    Encode {
        /// The encoder's words.
        reason: String,
    },
}

/// The font database: the embedded font, named for every generic family.
fn fonts() -> Arc<usvg::fontdb::Database> {
    static FONTS: OnceLock<Arc<usvg::fontdb::Database>> = OnceLock::new();
    Arc::clone(FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_font_source(usvg::fontdb::Source::Binary(Arc::new(FONT)));
        // A family no font has (Helvetica, system-ui) falls back to serif.
        db.set_sans_serif_family(FAMILY);
        db.set_serif_family(FAMILY);
        db.set_monospace_family(FAMILY);
        db.set_cursive_family(FAMILY);
        db.set_fantasy_family(FAMILY);
        Arc::new(db)
    }))
}

/// The renderer's options: the embedded fonts, and no file or image read.
fn options() -> usvg::Options<'static> {
    let mut options = usvg::Options { font_family: FAMILY.to_string(), ..usvg::Options::default() };
    options.fontdb = fonts();
    options.image_href_resolver = usvg::ImageHrefResolver {
        resolve_data: Box::new(|_, _, _| None),
        resolve_string: Box::new(|_, _| None),
    };
    options
}

/// Reads `svg` into the renderer's tree.
fn parse(svg: &str) -> Result<usvg::Tree, Error> {
    usvg::Tree::from_str(svg, &options()).map_err(|e| Error::Svg { reason: e.to_string() })
}

/// The size in pixels of `tree` drawn at `scale`: its size (the `width`
/// and `height`, or the `viewBox`) times `scale`, each rounded up.
fn scaled(tree: &usvg::Tree, scale: f32) -> Result<(u32, u32), Error> {
    if !(scale > 0.0 && scale <= MAX_SCALE) {
        return Err(Error::Scale { scale });
    }
    let size = tree.size();
    let side = |x: f32| -> u64 {
        let x = (f64::from(x) * f64::from(scale)).ceil();
        // At most 2^24 * 16 here: the cast is exact.
        if x.is_finite() && x > 0.0 { x as u64 } else { 0 }
    };
    let (width, height) = (side(size.width()), side(size.height()));
    let pixels = width.saturating_mul(height);
    match (u32::try_from(width), u32::try_from(height)) {
        (Ok(w), Ok(h)) if (1..=MAX_PIXELS).contains(&pixels) => Ok((w, h)),
        _ => Err(Error::Size { width, height }),
    }
}

/// The width and height in pixels of the PNG that [`render`] makes of
/// `svg` at `scale`: the SVG's size times `scale`, each rounded up.
///
/// # Errors
///
/// As [`render`]: a scale out of range, an SVG that cannot be read, an
/// image too large.
pub fn size(svg: &str, scale: f32) -> Result<(u32, u32), Error> {
    scaled(&parse(svg)?, scale)
}

/// Renders `svg` as a PNG image (8-bit RGBA), `scale` pixels for each unit
/// of the SVG: 1 gives the SVG's own size, 2 twice as wide and high for
/// slides and screens that double pixels.
///
/// # Errors
///
/// [`Error::Scale`] for a scale that is not above 0 and at most
/// [`MAX_SCALE`], [`Error::Svg`] for text that is not SVG, [`Error::Size`]
/// for an image of more than [`MAX_PIXELS`] pixels, [`Error::Encode`] if
/// the encoder fails.
pub fn render(svg: &str, scale: f32) -> Result<Vec<u8>, Error> {
    let tree = parse(svg)?;
    let (width, height) = scaled(&tree, scale)?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height)
        .ok_or(Error::Size { width: u64::from(width), height: u64::from(height) })?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| Error::Encode { reason: e.to_string() })
}

/// The width and height of a PNG image, read from its header (`IHDR`), or
/// `None` if `bytes` do not start as a PNG does.
#[must_use]
pub fn dimensions(bytes: &[u8]) -> Option<(u32, u32)> {
    let rest = bytes.strip_prefix(SIGNATURE)?;
    // The first chunk: length (13), "IHDR", width, height (big-endian).
    let (header, rest) = rest.split_first_chunk::<8>()?;
    if &header[4..] != b"IHDR" {
        return None;
    }
    let (width, rest) = rest.split_first_chunk::<4>()?;
    let (height, _) = rest.split_first_chunk::<4>()?;
    Some((u32::from_be_bytes(*width), u32::from_be_bytes(*height)))
}
