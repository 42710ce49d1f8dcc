//! The report's layout, measured in a real browser: headless Chromium
//! (Debian's `/usr/bin/chromium`) lays the page out 420 px wide. The tests
//! skip, and say so, when Chromium is not installed.
//!
//! The report has no script, so the measuring script lives in a wrapper page
//! in the test's scratch directory: it holds the report in an `<iframe>` 420
//! px wide, and once the report has loaded writes what it measured into the
//! wrapper's own DOM, which `--dump-dom` prints. A control page 600 px wide
//! is measured the same way, to show that the measure sees an overflow.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{run, run_bytes, scratch};

const CHROMIUM: &str = "/usr/bin/chromium";
const DISTRICTS: &str = "scenarios/mazhilis-2023-illustrative-districts.json";

/// The screen width the report must fit.
const WIDTH: u32 = 420;

/// The wrapper: two iframes (the report and the control), and the script
/// that measures each once both have loaded.
const WRAPPER: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"/></head><body>
<iframe id="report" src="report.html" width="420" height="900" style="border: 0"></iframe>
<iframe id="control" src="control.html" width="420" height="900" style="border: 0"></iframe>
<pre id="out">not measured</pre>
<script>
var loaded = 0;
function measure(id) {
  var d = document.getElementById(id).contentDocument;
  if (!d) { return id + ": no access"; }
  var root = d.documentElement;
  var svg = d.querySelector('#hemicycle svg');
  var long = d.querySelector('table:not(.compact)');
  var order = !svg || !long ? 'missing'
    : (svg.compareDocumentPosition(long) & Node.DOCUMENT_POSITION_FOLLOWING ? 'before' : 'after');
  return id + ': scrollWidth=' + root.scrollWidth + ' clientWidth=' + root.clientWidth
    + ' bodyScrollWidth=' + d.body.scrollWidth
    + ' svgTop=' + (svg ? Math.round(svg.getBoundingClientRect().top) : -1)
    + ' svgWidth=' + (svg ? Math.round(svg.getBoundingClientRect().width) : -1)
    + ' order=' + order;
}
function done() {
  loaded += 1;
  if (loaded === 2) {
    document.getElementById('out').textContent = '\n' + measure('report') + '\n' + measure('control') + '\nend';
  }
}
document.getElementById('report').addEventListener('load', done);
document.getElementById('control').addEventListener('load', done);
</script>
</body></html>
"#;

/// A page wider than the screen: the measure must see it overflow.
const CONTROL: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"/></head><body><div style="width: 600px">wide</div></body></html>
"#;

/// What the wrapper measured in one page.
#[derive(Debug)]
struct Measure {
    scroll_width: i64,
    client_width: i64,
    body_scroll_width: i64,
    svg_top: i64,
    svg_width: i64,
    order: String,
}

impl Measure {
    fn parse(line: &str) -> Measure {
        let field = |name: &str| -> &str {
            let start = line.find(&format!(" {name}=")).unwrap_or_else(|| panic!("{name} in {line:?}"));
            let rest = &line[start + name.len() + 2..];
            rest.split_whitespace().next().unwrap_or("")
        };
        let number =
            |name: &str| field(name).parse::<i64>().unwrap_or_else(|e| panic!("{name} in {line:?}: {e}"));
        Measure {
            scroll_width: number("scrollWidth"),
            client_width: number("clientWidth"),
            body_scroll_width: number("bodyScrollWidth"),
            svg_top: number("svgTop"),
            svg_width: number("svgWidth"),
            order: field("order").to_string(),
        }
    }
}

/// Whether Chromium is here; prints why the test skips when it is not.
fn chromium_present(test: &str) -> bool {
    let present = Path::new(CHROMIUM).exists();
    if !present {
        println!("{test}: skipped: {CHROMIUM} is not installed (apt-get install chromium)");
    }
    present
}

/// Writes `html` as the report next to the wrapper and the control page,
/// opens the wrapper in headless Chromium, and gives what it measured of the
/// report and of the control page.
fn measure(name: &str, html: &str) -> (Measure, Measure) {
    let dir: PathBuf = scratch(&format!("layout-{name}"));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("report.html"), html).unwrap();
    std::fs::write(dir.join("control.html"), CONTROL).unwrap();
    std::fs::write(dir.join("wrapper.html"), WRAPPER).unwrap();
    let profile = dir.join("profile");
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            // The wrapper reads the iframes' documents: same directory, file URLs.
            "--allow-file-access-from-files",
            "--window-size=1000,2000",
            "--virtual-time-budget=5000",
            "--dump-dom",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("file://{}", dir.join("wrapper.html").display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&out.stdout).into_owned();
    let _ = std::fs::remove_dir_all(&dir);
    let lines: Vec<&str> = dom.lines().collect();
    let report = lines.iter().find(|l| l.starts_with("report:"));
    let control = lines.iter().find(|l| l.starts_with("control:"));
    match (report, control) {
        (Some(r), Some(c)) => (Measure::parse(r), Measure::parse(c)),
        _ => panic!("chromium measured nothing: {dom}\n{}", String::from_utf8_lossy(&out.stderr)),
    }
}

/// Checks the report's layout at 420 px: no horizontal scrolling of the
/// page, and the parliament diagram high up, before the long tables.
fn assert_fits(name: &str, html: &str) {
    let (report, control) = measure(name, html);
    // The measure sees an overflow when there is one.
    assert!(control.scroll_width > i64::from(WIDTH), "{control:?}");
    // The report's page does not scroll sideways: wide tables scroll in their own box.
    assert!(report.client_width <= i64::from(WIDTH), "{report:?}");
    assert!(report.scroll_width <= report.client_width, "the page scrolls sideways: {report:?}");
    assert!(report.body_scroll_width <= report.client_width, "{report:?}");
    // The diagram comes before the first long table, in the first screen and a half,
    // and is scaled to the screen.
    assert_eq!(report.order, "before", "{report:?}");
    assert!((0..900).contains(&report.svg_top), "the diagram starts at {} px: {report:?}", report.svg_top);
    assert!(report.svg_width > 200 && report.svg_width <= i64::from(WIDTH), "{report:?}");
}

#[test]
fn report_fits_a_420_px_screen() {
    if !chromium_present("report_fits_a_420_px_screen") {
        return;
    }
    let r = run_bytes(&["report", DISTRICTS, "-o", "-"], b"");
    assert_eq!(r.code, 0, "{r:?}");
    assert_fits("plain", &r.stdout);
}

#[test]
fn report_with_a_projection_fits_a_420_px_screen() {
    if !chromium_present("report_with_a_projection_fits_a_420_px_screen") {
        return;
    }
    let mut s: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(DISTRICTS).unwrap()).unwrap();
    s["uncertainty"] = serde_json::json!({"coalitions": [
        {"name": "A coalition with a long name that has to wrap on a phone", "parties": ["Amanat", "Auyl"]}]});
    let r = run(&["report", "-", "--runs", "2000", "-o", "-"], &s.to_string());
    assert_eq!(r.code, 0, "{r:?}");
    assert_fits("runs", &r.stdout);
}
