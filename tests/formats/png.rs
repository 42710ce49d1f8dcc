//! PNG pictures (`saylau::describe::png`): the size is the SVG's times the
//! scale, the seats' colours are in the pixels, the embedded font draws
//! Kazakh letters whatever family the SVG names, and bad input is a typed
//! error. The PNG is decoded with the `png` crate, not by the renderer.

use std::collections::HashMap;

use saylau::describe::png::{self, Error, MAX_PIXELS, MAX_SCALE, SIGNATURE};
use saylau::svg::{EMPTY_SEAT_COLOUR, Group, hemicycle, party_colour};

/// A decoded PNG: width, height and its RGBA pixels.
struct Image {
    width: u32,
    height: u32,
    rgba: Vec<[u8; 4]>,
}

fn decode(bytes: &[u8]) -> Image {
    assert!(bytes.starts_with(SIGNATURE), "not a PNG");
    let mut reader =
        png_decoder::Decoder::new(std::io::Cursor::new(bytes)).read_info().expect("a PNG header");
    let mut buf = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut buf).expect("a PNG frame");
    assert_eq!(info.color_type, png_decoder::ColorType::Rgba);
    assert_eq!(info.bit_depth, png_decoder::BitDepth::Eight);
    let rgba = buf[..info.buffer_size()].chunks_exact(4).map(|p| [p[0], p[1], p[2], p[3]]).collect();
    Image { width: info.width, height: info.height, rgba }
}

/// `#rrggbb` as opaque RGBA.
fn rgba(hex: &str) -> [u8; 4] {
    let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    [byte(1), byte(3), byte(5), 255]
}

/// How many pixels of each colour.
fn histogram(image: &Image) -> HashMap<[u8; 4], usize> {
    let mut counts = HashMap::new();
    for p in &image.rgba {
        *counts.entry(*p).or_insert(0) += 1;
    }
    counts
}

/// The `viewBox` width and height of an SVG document.
fn view_box(svg: &str) -> (f64, f64) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let v: Vec<f64> =
        doc.root_element().attribute("viewBox").unwrap().split(' ').map(|x| x.parse().unwrap()).collect();
    (v[2], v[3])
}

/// The fill of the first seat of group `party` (its `data-party`).
fn seat_fill(svg: &str, party: usize) -> String {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let party = party.to_string();
    let seat = doc
        .descendants()
        .find(|n| n.has_tag_name("circle") && n.attribute("data-party") == Some(party.as_str()))
        .expect("a seat of the party");
    seat.attribute("fill").unwrap().to_string()
}

fn mazhilis() -> String {
    hemicycle(
        "Mazhilis",
        &[Group::new("Amanat", 62), Group::new("Ақ жол", 6), Group::new("Auyl", 8), Group::undecided(22)],
    )
    .unwrap()
}

/// An SVG of one line of `text` in `family`, 200 by 40.
fn line(text: &str, family: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\" viewBox=\"0 0 200 40\">\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\
         <text x=\"10\" y=\"30\" font-size=\"24\" font-family=\"{family}\">{text}</text></svg>"
    )
}

#[test]
fn the_image_is_the_svgs_size_times_the_scale() {
    let svg = mazhilis();
    let (w, h) = view_box(&svg);
    for scale in [1.0_f32, 2.0, 0.5, 1.5, 3.0] {
        let image = decode(&png::render(&svg, scale).unwrap());
        let expected = ((w * f64::from(scale)).ceil() as u32, (h * f64::from(scale)).ceil() as u32);
        assert_eq!((image.width, image.height), expected, "scale {scale}");
        assert_eq!(png::size(&svg, scale).unwrap(), expected);
        assert_eq!(image.rgba.len(), (expected.0 * expected.1) as usize);
    }
}

#[test]
fn the_header_gives_the_decoded_size() {
    let bytes = png::render(&mazhilis(), 2.0).unwrap();
    let image = decode(&bytes);
    assert_eq!(png::dimensions(&bytes), Some((image.width, image.height)));
    assert_eq!(png::dimensions(b"not a png"), None);
    assert_eq!(png::dimensions(&bytes[..12]), None);
    assert_eq!(png::dimensions(&[]), None);
}

#[test]
fn every_partys_colour_and_the_empty_seats_grey_are_in_the_pixels() {
    let svg = mazhilis();
    let image = decode(&png::render(&svg, 2.0).unwrap());
    let counts = histogram(&image);
    let count = |hex: &str| counts.get(&rgba(hex)).copied().unwrap_or(0);
    // At scale 2 a seat is a disc of radius about 17 px: hundreds of pixels
    // in the party's exact colour.
    for (party, seats, name) in [(0, 62, "Amanat"), (1, 6, "Ақ жол"), (2, 8, "Auyl")] {
        let fill = seat_fill(&svg, party);
        assert_eq!(fill, party_colour(name).to_ascii_lowercase(), "{name}");
        assert!(count(&fill) >= seats * 200, "{name}: {} pixels of {fill} for {seats} seats", count(&fill));
    }
    // More seats, more pixels.
    assert!(count(&seat_fill(&svg, 0)) > count(&seat_fill(&svg, 2)));
    // Undecided seats: dashed rings in the empty-seat grey.
    assert!(count(EMPTY_SEAT_COLOUR) >= 22 * 20, "{} grey pixels", count(EMPTY_SEAT_COLOUR));
    // The background is white and opaque.
    assert!(count("#ffffff") > image.rgba.len() / 2);
    assert!(image.rgba.iter().all(|p| p[3] == 255), "every pixel is opaque");
}

#[test]
fn a_colour_not_drawn_is_not_in_the_pixels() {
    let svg = hemicycle("Two", &[Group::new("Amanat", 10), Group::new("Auyl", 5)]).unwrap();
    let counts = histogram(&decode(&png::render(&svg, 2.0).unwrap()));
    assert!(counts.contains_key(&rgba(party_colour("Amanat"))));
    assert!(!counts.contains_key(&rgba(party_colour("Respublica"))));
    assert!(!counts.contains_key(&rgba(EMPTY_SEAT_COLOUR)), "no empty seats, no grey rings");
}

#[test]
fn kazakh_and_cyrillic_letters_have_glyphs_of_their_own() {
    // A letter the font lacks is drawn as the same box (".notdef") as any
    // other missing letter; U+0378 is unassigned, so no font has it.
    let missing = png::render(&line("\u{378}", "sans-serif"), 1.0).unwrap();
    let mut seen = vec![missing];
    for letter in ["Қ", "қ", "Ә", "ғ", "ң", "ө", "ұ", "ү", "һ", "і", "Ж", "ж"] {
        let image = png::render(&line(letter, "sans-serif"), 1.0).unwrap();
        let dark = decode(&image).rgba.iter().filter(|p| p[0] < 128).count();
        assert!(dark > 10, "{letter} draws something ({dark} dark pixels)");
        assert!(!seen.contains(&image), "{letter} is drawn as a glyph of its own");
        seen.push(image);
    }
}

#[test]
fn every_family_a_picture_names_is_the_embedded_font() {
    let text = "Ақ жол 12,5%";
    let embedded = png::render(&line(text, "DejaVu Sans"), 1.0).unwrap();
    for family in ["sans-serif", "system-ui", "Helvetica, Arial, sans-serif", "serif", "No Such Font"] {
        assert_eq!(png::render(&line(text, family), 1.0).unwrap(), embedded, "font-family {family}");
    }
    // The text is drawn at all.
    let dark = decode(&embedded).rgba.iter().filter(|p| p[0] < 128).count();
    assert!(dark > 100, "{dark} dark pixels");
}

#[test]
fn the_same_svg_gives_the_same_bytes() {
    let svg = mazhilis();
    assert_eq!(png::render(&svg, 2.0).unwrap(), png::render(&svg, 2.0).unwrap());
}

#[test]
fn a_scale_out_of_range_is_refused() {
    let svg = mazhilis();
    for scale in [0.0, -1.0, f32::NAN, f32::INFINITY, MAX_SCALE * 1.01] {
        let err = png::render(&svg, scale).unwrap_err();
        assert!(matches!(err, Error::Scale { .. }), "{scale}: {err:?}");
        assert!(err.to_string().contains("scale"), "{err}");
    }
    let small = line("Amanat", "sans-serif");
    assert_eq!(png::dimensions(&png::render(&small, MAX_SCALE).unwrap()), Some((3200, 640)));
}

#[test]
fn text_that_is_not_svg_is_refused() {
    for text in ["", "not svg", "<html></html>", "<svg", "\u{0}\u{1}"] {
        let err = png::render(text, 1.0).unwrap_err();
        assert!(matches!(err, Error::Svg { .. }), "{text:?}: {err:?}");
        assert!(err.to_string().starts_with("the SVG cannot be read"), "{err}");
    }
}

#[test]
fn an_image_too_large_is_refused_before_it_is_made() {
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100000\" height=\"100000\"/>";
    let err = png::render(svg, 1.0).unwrap_err();
    assert_eq!(err, Error::Size { width: 100_000, height: 100_000 });
    assert!(err.to_string().contains(&MAX_PIXELS.to_string()), "{err}");
    // The largest the crate draws fits at scale 2.
    let seats = vec![Group::new("Amanat", saylau::svg::MAX_SEATS)];
    let big = hemicycle("All seats", &seats).unwrap();
    let (w, h) = png::size(&big, 2.0).unwrap();
    assert!(u64::from(w) * u64::from(h) <= MAX_PIXELS);
}

#[test]
fn linked_files_are_not_read() {
    // An image linking to a file is left out, never read.
    let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" \
               width=\"10\" height=\"10\"><image width=\"10\" height=\"10\" xlink:href=\"/etc/passwd\"/>\
               <image width=\"10\" height=\"10\" href=\"Cargo.toml\"/></svg>";
    let image = decode(&png::render(svg, 1.0).unwrap());
    assert!(image.rgba.iter().all(|p| p[3] == 0), "nothing drawn");
}
