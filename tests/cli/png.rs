//! End-to-end tests of the binary's PNG pictures and shell completions
//! (issue 12, points 6 and 7): `saylau hemicycle -o seats.png` (or
//! `--format png`) writes a PNG the size of the SVG times `--scale`, with
//! the seats' colours; `saylau completions SHELL` prints a script.

use std::collections::HashMap;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::common::{assert_fails, run, scratch};
use saylau::svg::party_colour;

const MAZHILIS: &str = "scenarios/mazhilis-2023.json";
const DISTRICTS: &str = "scenarios/mazhilis-2023-illustrative-districts.json";
const AKIM: &str = "scenarios/akim-illustrative.json";
const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Runs `saylau ARGS` and gives its exit code and standard output as
/// bytes (the harness reads standard output as text).
fn run_raw(args: &[&str]) -> (i32, Vec<u8>) {
    let out = Command::new(env!("CARGO_BIN_EXE_saylau"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("the saylau binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic in {args:?}: {stderr}");
    (out.status.code().expect("not killed by a signal"), out.stdout)
}

/// Runs `saylau hemicycle ARGS -o FILE` for a fresh file named `name` and gives its bytes.
fn picture(args: &[&str], name: &str) -> Vec<u8> {
    let path = scratch(name);
    let mut all = vec!["hemicycle"];
    all.extend(args);
    all.extend(["-o", path.to_str().unwrap()]);
    let r = run(&all, "");
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stdout.is_empty(), "{r:?}");
    std::fs::read(&path).unwrap()
}

/// The SVG's `viewBox` size and the fill of the first seat of each `data-party`.
fn svg_facts(svg: &str) -> ((f64, f64), HashMap<String, String>) {
    let doc = roxmltree::Document::parse(svg).unwrap();
    let v: Vec<f64> =
        doc.root_element().attribute("viewBox").unwrap().split(' ').map(|x| x.parse().unwrap()).collect();
    let mut fills = HashMap::new();
    for seat in doc.descendants().filter(|n| n.has_tag_name("circle")) {
        if let (Some(party), Some(fill)) = (seat.attribute("data-party"), seat.attribute("fill")) {
            fills.entry(party.to_string()).or_insert_with(|| fill.to_string());
        }
    }
    ((v[2], v[3]), fills)
}

/// A decoded PNG: width, height, and how many pixels of each `#rrggbb` colour (opaque).
fn decode(bytes: &[u8]) -> (u32, u32, HashMap<String, usize>) {
    assert!(bytes.starts_with(SIGNATURE), "not a PNG: {:?}", &bytes[..bytes.len().min(16)]);
    let mut reader = png_decoder::Decoder::new(std::io::Cursor::new(bytes)).read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!(info.color_type, png_decoder::ColorType::Rgba);
    let mut counts = HashMap::new();
    for p in buf[..info.buffer_size()].chunks_exact(4).filter(|p| p[3] == 255) {
        *counts.entry(format!("#{:02x}{:02x}{:02x}", p[0], p[1], p[2])).or_insert(0) += 1;
    }
    (info.width, info.height, counts)
}

/// Asserts that `png` is the picture of `svg` at `scale`: its size, and
/// every seat colour of the SVG with at least `min_pixels` pixels.
fn assert_is_picture_of(png: &[u8], svg: &str, scale: f64, min_pixels: usize) {
    let ((w, h), fills) = svg_facts(svg);
    let (width, height, counts) = decode(png);
    assert_eq!((width, height), ((w * scale).ceil() as u32, (h * scale).ceil() as u32));
    for (party, fill) in fills.iter().filter(|(_, fill)| *fill != "#ffffff") {
        let n = counts.get(fill).copied().unwrap_or(0);
        assert!(n >= min_pixels, "party {party}: {n} pixels of {fill}");
    }
}

#[test]
fn a_png_file_is_the_svg_rendered_at_twice_its_size() {
    let svg = String::from_utf8(picture(&[MAZHILIS], "seats.svg")).unwrap();
    assert!(svg.starts_with("<svg"));
    let png = picture(&[MAZHILIS], "seats.png");
    assert!(png.starts_with(SIGNATURE));
    assert_is_picture_of(&png, &svg, 2.0, 200);
    // Amanat's colour, and the empty-seat grey of the 29 undecided seats.
    let (_, fills) = svg_facts(&svg);
    let amanat = party_colour("Amanat").to_ascii_lowercase();
    assert_eq!(fills["0"], amanat, "Amanat's colour");
    let (_, _, counts) = decode(&png);
    assert!(counts[&amanat] >= 40 * 500, "Amanat's 40 seats: {} pixels", counts[&amanat]);
    assert!(counts.get("#555555").copied().unwrap_or(0) >= 29 * 50, "undecided rings: {counts:?}");
}

#[test]
fn the_scale_sets_the_size() {
    let svg = String::from_utf8(picture(&[MAZHILIS], "scale.svg")).unwrap();
    for scale in ["1", "0.5", "3"] {
        let png = picture(&[MAZHILIS, "--scale", scale], &format!("scale-{scale}.png"));
        assert_is_picture_of(&png, &svg, scale.parse().unwrap(), 10);
    }
}

#[test]
fn the_split_view_and_a_races_bars_are_pngs_too() {
    for (args, name) in
        [(vec![DISTRICTS, "--split"], "split"), (vec![AKIM], "akim"), (vec![DISTRICTS], "all")]
    {
        let svg = String::from_utf8(picture(&args, &format!("{name}.svg"))).unwrap();
        let png = picture(&args, &format!("{name}.PNG"));
        assert_is_picture_of(&png, &svg, 2.0, 100);
    }
    // The bars of the akim race in the candidates' party colours.
    let svg = String::from_utf8(picture(&[AKIM], "bars.svg")).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let (_, _, counts) = decode(&picture(&[AKIM], "bars.png"));
    let bars: Vec<&str> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("bar"))
        .filter_map(|n| n.attribute("fill"))
        .filter(|fill| *fill != "#ffffff")
        .collect();
    assert!(!bars.is_empty());
    for fill in bars {
        assert!(counts.get(fill).copied().unwrap_or(0) > 1000, "bar {fill}");
    }
}

#[test]
fn the_format_flag_says_it_when_the_name_does_not_and_the_extension_wins() {
    // `-o -` and a name without an extension: --format.
    let (code, stdout) = run_raw(&["hemicycle", MAZHILIS, "--format", "png", "-o", "-"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with(SIGNATURE));
    let (code, svg) = run_raw(&["hemicycle", MAZHILIS, "-o", "-"]);
    assert_eq!(code, 0);
    assert_is_picture_of(&stdout, &String::from_utf8(svg).unwrap(), 2.0, 200);
    let (code, stdout) = run_raw(&["hemicycle", MAZHILIS, "--format", "SVG", "-o", "-"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with(b"<svg"));
    assert!(picture(&[MAZHILIS, "--format", "png"], "no-extension").starts_with(SIGNATURE));
    assert!(picture(&[MAZHILIS], "no-extension-svg").starts_with(b"<svg"));
    // The extension wins over --format.
    assert!(picture(&[MAZHILIS, "--format", "png"], "wins.svg").starts_with(b"<svg"));
    assert!(picture(&[MAZHILIS, "--format", "svg"], "wins.png").starts_with(SIGNATURE));
}

#[test]
fn other_extensions_and_bad_values_are_refused_with_exit_code_2() {
    let pdf = scratch("seats.pdf");
    let r = run(&["hemicycle", MAZHILIS, "-o", pdf.to_str().unwrap()], "");
    assert_fails(&r, 2, &["seats.pdf", "cannot write a .pdf file", "SVG or PNG", ".svg or .png"]);
    assert!(!pdf.exists());
    let out = scratch("bad.png");
    let out = out.to_str().unwrap();
    for (args, needle) in [
        (vec!["--format", "gif"], "--format"),
        (vec!["--scale", "0"], "--scale"),
        (vec!["--scale", "-2"], "--scale"),
        (vec!["--scale", "17"], "at most 16"),
        (vec!["--scale", "NaN"], "--scale"),
        (vec!["--scale", "two"], "--scale"),
    ] {
        let mut all = vec!["hemicycle", MAZHILIS, "-o", out];
        all.extend(&args);
        let r = run(&all, "");
        assert_fails(&r, 2, &[needle]);
    }
    assert!(!Path::new(out).exists());
}

#[test]
fn a_kazakh_party_name_is_drawn_with_the_embedded_font() {
    let scenario = std::fs::read_to_string(MAZHILIS).unwrap().replace("\"Ak Zhol\"", "\"Ақ жол\"");
    assert!(scenario.contains("Ақ жол"));
    let path = scratch("aq-zhol.png");
    let r = run(&["hemicycle", "-", "-o", path.to_str().unwrap()], &scenario);
    assert_eq!(r.code, 0, "{r:?}");
    let png = std::fs::read(&path).unwrap();
    let svg = run(&["hemicycle", "-", "-o", "-"], &scenario).stdout;
    assert!(svg.contains("Ақ жол"));
    assert_is_picture_of(&png, &svg, 2.0, 200);
    // The legend's text differs from the Latin name's: the letters are drawn.
    assert_ne!(png, picture(&[MAZHILIS], "ak-zhol.png"));
}

#[test]
fn the_help_says_which_format_wins() {
    let r = run(&["hemicycle", "--help"], "");
    assert_eq!(r.code, 0);
    for needle in ["--format", "--scale", ".png", "extension wins", "DejaVu Sans"] {
        assert!(r.stdout.contains(needle), "hemicycle --help lacks {needle:?}");
    }
}

#[test]
fn completions_are_printed_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish", "BASH"] {
        let r = run(&["completions", shell], "");
        assert_eq!(r.code, 0, "{shell}: {r:?}");
        assert!(!r.stdout.trim().is_empty(), "{shell}");
        // fish names a long option `-l threshold`, the others `--threshold`.
        let (threshold, format) = match shell {
            "fish" => ("-l threshold", "-l format"),
            _ => ("--threshold", "--format"),
        };
        for needle in ["allocate", "hemicycle", "completions", threshold, format] {
            assert!(r.stdout.contains(needle), "the {shell} script lacks {needle:?}");
        }
        assert!(r.stderr.is_empty(), "{shell}: {}", r.stderr);
    }
    let r = run(&["completions", "tcsh"], "");
    assert_fails(&r, 2, &["tcsh", "bash"]);
    let r = run(&["completions"], "");
    assert_fails(&r, 2, &["SHELL"]);
    let r = run(&["completions", "--help"], "");
    for needle in ["bash", "zsh", "fish", "powershell", "elvish", "$PROFILE"] {
        assert!(r.stdout.contains(needle), "completions --help lacks {needle:?}");
    }
}
