//! The HTML report: an [`AnalysisView`] rendered as one self-contained
//! XHTML5 page by the template `templates/report.html` (askama).
//!
//! The page is `<!DOCTYPE html>` and then well-formed XML in the XHTML
//! namespace: inline CSS and inline SVG, no script, no link and no URL other
//! than the XHTML and SVG namespace names, so that it opens offline and can
//! be checked by an XML parser. Every text is escaped by the template (with
//! [`Xml`]); only the SVG drawings, written by [`crate::svg`]'s own escaping
//! writer, are inserted as they are.

use std::fmt;

use askama::Template;

use crate::describe::table::{Align, Table};
use crate::describe::view::analysis::{AnalysisView, Block};

/// The page's template.
#[derive(Template)]
#[template(path = "report.html", config = "templates/askama.toml")]
struct Page<'a> {
    view: &'a AnalysisView,
    version: &'static str,
}

impl Page<'_> {
    /// Whether column `i` of `t` holds numbers (flush right).
    fn numeric(t: &Table, i: &usize) -> bool {
        t.columns.get(*i).is_some_and(|c| c.align == Align::Right)
    }
}

/// Renders the report page.
///
/// ```
/// use saylau::describe::html::page;
/// use saylau::describe::view::About;
/// use saylau::describe::view::analysis::{Analysed, AnalysisView};
/// use saylau::scenario::Scenario;
/// let s = Scenario::from_json(r#"{"body": "kurultai", "title": "A & B <test>", "list_seats": 10,
///   "threshold_percent": "5", "method": "hare",
///   "lists": [{"party": "A", "votes": 6000}, {"party": "B", "votes": 4000}]}"#)?;
/// let (body, ballots) = (s.body()?, s.ballots());
/// let result = body.elect(&ballots)?;
/// let about = About::of(&s);
/// let a = Analysed { about: &about, source: "k.json", body: &body, ballots: &ballots, result: &result };
/// let html = page(&AnalysisView::new(a, None))?;
/// assert!(html.starts_with("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""));
/// assert!(html.contains("<title>A &amp; B &lt;test&gt;</title>"));
/// assert!(html.contains("<td class=\"n\">6,000</td>"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// Only a formatting error of the writer (none for a `String`).
pub fn page(view: &AnalysisView) -> Result<String, fmt::Error> {
    Page { view, version: env!("CARGO_PKG_VERSION") }.render().map_err(|_| fmt::Error)
}

/// The template's escaper: text and attribute values for XML, as
/// [`crate::svg::escape`] writes them (`&amp; &lt; &gt; &quot; &apos;`,
/// and control characters, which XML cannot hold, as U+FFFD).
#[derive(Debug, Clone, Copy)]
pub struct Xml;

impl askama::filters::Escaper for Xml {
    fn write_escaped_str<W: fmt::Write>(&self, mut dest: W, string: &str) -> fmt::Result {
        dest.write_str(&crate::svg::escape(string))
    }
}
