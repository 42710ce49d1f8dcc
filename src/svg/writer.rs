//! A small XML element writer: every attribute value and every text node
//! goes through one escaping function, so no call site can forget it.

use std::fmt::{self, Display, Write as _};

/// Escapes text for XML (and so for XHTML and SVG), in text and in
/// attribute values alike:
///
/// - the five special characters become entities (`&amp;`, `&lt;`, `&gt;`,
///   `&quot;`, `&apos;`);
/// - tab, line feed and carriage return become character references
///   (`&#9;`, `&#10;`, `&#13;`), so that an attribute value keeps them;
/// - characters XML 1.0 cannot carry (other control characters, U+FFFE and
///   U+FFFF) become U+FFFD, the replacement character.
///
/// ```
/// assert_eq!(saylau::svg::escape("Nur & <Otan> \"A's\""), "Nur &amp; &lt;Otan&gt; &quot;A&apos;s&quot;");
/// assert_eq!(saylau::svg::escape("a\u{1}b\nc"), "a\u{fffd}b&#10;c");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

/// A `fmt::Write` that escapes what is written through it.
struct Escaping<'a>(&'a mut String);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        push_escaped(self.0, s);
        Ok(())
    }
}

/// A coordinate or length, written with at most two decimals (never
/// `-0`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Coord(f64);

/// `x` as a coordinate or length in the document.
pub(crate) fn coord(x: f64) -> Coord {
    Coord(x)
}

impl Display for Coord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let r = (self.0 * 100.0).round() / 100.0;
        if r == 0.0 || !r.is_finite() { f.write_str("0") } else { write!(f, "{r}") }
    }
}

pub(crate) use crate::numbers::thousands;

/// `x` with `decimals` decimals and thousands separators: `1,234.5`
/// (never `-0`).
pub(crate) fn decimal(x: f64, decimals: usize) -> String {
    let s = format!("{:.decimals$}", x.abs());
    if !x.is_finite() || s.chars().all(|c| c == '0' || c == '.') {
        return if x.is_finite() { s } else { "0".to_string() };
    }
    let (int, frac) = s.split_once('.').map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let int = int.parse::<u64>().map_or_else(|_| int.to_string(), thousands);
    let sign = if x < 0.0 { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{int}.{f}"),
        None => format!("{sign}{int}"),
    }
}

/// Writes elements one at a time: [`open`](Self::open) starts an element,
/// [`attr`](Self::attr) adds an attribute, [`text`](Self::text) adds a text
/// node, and [`close`](Self::close) ends the innermost open element (as
/// `<x …/>` if it has no content). Element and attribute names are fixed
/// in the code; every value and every text is escaped.
#[derive(Debug, Default)]
pub(crate) struct Writer {
    out: String,
    /// The open elements: name, and whether each child starts a line.
    stack: Vec<(&'static str, bool)>,
    /// The innermost element's start tag is not finished yet (no `>`).
    pending: bool,
}

impl Writer {
    /// Ends a pending start tag before content.
    fn start_content(&mut self, newline: bool) {
        if self.pending {
            self.out.push('>');
            self.pending = false;
            if newline && self.stack.last().is_some_and(|p| p.1) {
                self.out.push('\n');
            }
        }
    }

    /// Starts element `name`; the children of `svg` and `g` elements each
    /// start a line.
    pub(crate) fn open(&mut self, name: &'static str) -> &mut Self {
        self.start(name, matches!(name, "svg" | "g"))
    }

    /// Starts element `name`, whose content stays on one line.
    pub(crate) fn open_inline(&mut self, name: &'static str) -> &mut Self {
        self.start(name, false)
    }

    fn start(&mut self, name: &'static str, block: bool) -> &mut Self {
        self.start_content(true);
        self.out.push('<');
        self.out.push_str(name);
        self.stack.push((name, block));
        self.pending = true;
        self
    }

    /// Adds attribute `name="value"` to the element just opened (ignored
    /// once the element has content).
    pub(crate) fn attr(&mut self, name: &'static str, value: impl Display) -> &mut Self {
        debug_assert!(self.pending, "attribute {name} after content");
        if self.pending {
            self.out.push(' ');
            self.out.push_str(name);
            self.out.push_str("=\"");
            let _ = write!(Escaping(&mut self.out), "{value}");
            self.out.push('"');
        }
        self
    }

    /// Adds a text node to the innermost open element.
    pub(crate) fn text(&mut self, text: impl Display) -> &mut Self {
        self.start_content(false);
        let _ = write!(Escaping(&mut self.out), "{text}");
        self
    }

    /// Ends the innermost open element.
    pub(crate) fn close(&mut self) -> &mut Self {
        let Some((name, _)) = self.stack.pop() else { return self };
        if self.pending {
            self.out.push_str("/>");
            self.pending = false;
        } else {
            self.out.push_str("</");
            self.out.push_str(name);
            self.out.push('>');
        }
        if self.stack.last().is_none_or(|p| p.1) {
            self.out.push('\n');
        }
        self
    }

    /// Ends every open element and gives the text.
    pub(crate) fn finish(mut self) -> String {
        while !self.stack.is_empty() {
            self.close();
        }
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_everything() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\u{1}y\u{7f}z\u{ffff}"), "x\u{fffd}y\u{fffd}z\u{fffd}");
        assert_eq!(escape("\t\r\n"), "&#9;&#13;&#10;");
    }

    #[test]
    fn writes_elements() {
        let mut w = Writer::default();
        w.open("g").attr("class", "a\"b");
        w.open("circle").attr("r", coord(1.234)).open("title").text("<x>").close().close();
        w.open("rect").attr("x", coord(-0.001)).close();
        assert_eq!(
            w.finish(),
            "<g class=\"a&quot;b\">\n<circle r=\"1.23\"><title>&lt;x&gt;</title></circle>\n<rect x=\"0\"/>\n</g>\n"
        );
    }

    #[test]
    fn numbers() {
        assert_eq!(coord(-0.001).to_string(), "0");
        assert_eq!(coord(1.234).to_string(), "1.23");
        assert_eq!(coord(10.0).to_string(), "10");
        assert_eq!(thousands(0u64), "0");
        assert_eq!(thousands(999u64), "999");
        assert_eq!(thousands(1000u64), "1,000");
        assert_eq!(thousands(3_431_510u64), "3,431,510");
        assert_eq!(thousands(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(decimal(1234.56, 1), "1,234.6");
        assert_eq!(decimal(-0.01, 1), "0.0");
        assert_eq!(decimal(-1500.0, 0), "-1,500");
    }
}
