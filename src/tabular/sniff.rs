//! What the bytes of an input are, from their first bytes: text, UTF-16
//! text, a workbook, or something else that is named rather than read.

use super::{Error, Format, Workbook};

/// What the bytes of an input are.
pub(super) enum Kind {
    /// Text, perhaps CSV.
    Text,
    /// UTF-16 text with a byte-order mark (Excel's "Unicode text"): little-endian or not.
    Utf16 { little_endian: bool },
    /// A workbook that is read.
    Workbook(Workbook),
    /// Something else.
    Other(Format),
}

/// The UTF-8 byte-order mark some spreadsheet programs write.
pub(super) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether `needle` occurs in `hay`.
fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// The names of the entries of a zip archive, from its local headers and its
/// central directory (either may be missing from a damaged file).
fn zip_names(bytes: &[u8]) -> Vec<&[u8]> {
    let u16_at = |at: usize| match bytes.get(at..at.saturating_add(2)) {
        Some(&[lo, hi]) => usize::from(u16::from_le_bytes([lo, hi])),
        _ => 0,
    };
    let mut names = Vec::new();
    for (i, window) in bytes.windows(4).enumerate() {
        let (len_at, name_at) = match window {
            b"PK\x03\x04" => (i + 26, i + 30),
            b"PK\x01\x02" => (i + 28, i + 46),
            _ => continue,
        };
        if let Some(name) = bytes.get(name_at..name_at.saturating_add(u16_at(len_at))) {
            names.push(name);
        }
    }
    names
}

/// What a zip archive is, from its entries' names and its first bytes.
fn zip_kind(bytes: &[u8]) -> Kind {
    let head = bytes.get(..256).unwrap_or(bytes);
    let names = zip_names(bytes);
    if contains(head, b"application/vnd.oasis.opendocument.spreadsheet") {
        Kind::Workbook(Workbook::Ods)
    } else if names.iter().any(|n| n.starts_with(b"xl/workbook.bin")) {
        Kind::Other(Format::Xlsb)
    } else if names.iter().any(|n| n.starts_with(b"xl/")) {
        Kind::Workbook(Workbook::Xlsx)
    } else if names.iter().any(|n| n.starts_with(b"word/")) {
        Kind::Other(Format::Docx)
    } else if names.iter().any(|n| n.starts_with(b"ppt/")) {
        Kind::Other(Format::Pptx)
    } else if contains(head, b"application/vnd.oasis.opendocument") {
        Kind::Other(Format::OpenDocument)
    } else {
        Kind::Other(Format::Zip)
    }
}

/// Recognises spreadsheets, documents, archives and other binary files, so
/// that they are named rather than read as CSV.
pub(super) fn sniff(bytes: &[u8]) -> Kind {
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(b"PK\x03\x04") {
        return zip_kind(bytes);
    }
    let magic: [(&[u8], Format); 12] = [
        (b"PK\x05\x06", Format::EmptyZip),
        (OLE, Format::Xls),
        (b"%PDF", Format::Pdf),
        (b"\x1F\x8B", Format::Gzip),
        (b"\x89PNG", Format::Png),
        (b"\xFF\xD8\xFF", Format::Jpeg),
        (b"GIF8", Format::Gif),
        (b"\x7FELF", Format::Executable),
        (b"7z\xBC\xAF\x27\x1C", Format::SevenZip),
        (b"Rar!\x1A\x07", Format::Rar),
        (b"SQLite format 3\0", Format::Sqlite),
        (b"{\\rtf", Format::Rtf),
    ];
    if let Some(&(_, format)) = magic.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Kind::Other(format);
    }
    // Text formats that are not tables, by their first characters.
    let start = bytes.strip_prefix(BOM).unwrap_or(bytes).trim_ascii_start();
    let start_lower = start.get(..256).unwrap_or(start).to_ascii_lowercase();
    if start.starts_with(b"{") {
        return Kind::Other(Format::Json);
    }
    if start_lower.starts_with(b"<!doctype html") || start_lower.starts_with(b"<html") {
        return Kind::Other(Format::Html);
    }
    if start_lower.starts_with(b"<?xml") {
        return Kind::Other(Format::Xml);
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Kind::Utf16 { little_endian: true };
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Kind::Utf16 { little_endian: false };
    }
    // Text has no control bytes but tab, line ends and form feed; a stray
    // one is a bad field, many are binary data.
    let sample = bytes.get(..8192).unwrap_or(bytes);
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C)).count();
    if controls >= 4 && controls.saturating_mul(100) >= sample.len() {
        return Kind::Other(Format::Binary);
    }
    Kind::Text
}

/// Decodes UTF-16 text after its byte-order mark.
///
/// # Errors
///
/// [`Error::InvalidUtf16`] at the first bad code unit, or at the end for an
/// odd number of bytes.
pub(super) fn utf16(bytes: &[u8], little_endian: bool) -> Result<String, Error> {
    let body = bytes.get(2..).unwrap_or_default();
    if body.len() % 2 != 0 {
        return Err(Error::InvalidUtf16 { at: bytes.len() });
    }
    let units = body.chunks_exact(2).map(|pair| match (pair, little_endian) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        _ => 0,
    });
    let mut text = String::with_capacity(body.len() / 2);
    let mut at = 2;
    for unit in char::decode_utf16(units) {
        let c = unit.map_err(|_| Error::InvalidUtf16 { at })?;
        at += c.len_utf16() * 2;
        text.push(c);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniff_names_what_is_not_text() {
        let what = |bytes: &[u8]| match sniff(bytes) {
            Kind::Other(format) => format.description().to_string(),
            Kind::Text => "text".to_string(),
            Kind::Utf16 { little_endian } => format!("utf16 {little_endian}"),
            Kind::Workbook(book) => book.to_string(),
        };
        assert_eq!(what(b"party,votes\nA,5\x00\n"), "text");
        assert_eq!(what(b"party,votes\nA\xff\xfe,5\n"), "text");
        assert!(what(b"\x00\x01\x02\x03 party").contains("binary file"));
        assert!(what(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0").contains(".xls"));
        // A zip's local header: the name's length at byte 26, the name at 30.
        let entry = |name: &str| {
            let mut bytes = b"PK\x03\x04".to_vec();
            bytes.resize(26, 0);
            bytes.extend_from_slice(&u16::try_from(name.len()).unwrap_or(0).to_le_bytes());
            bytes.extend_from_slice(&[0, 0]);
            bytes.extend_from_slice(name.as_bytes());
            bytes
        };
        assert!(what(&entry("xl/workbook.xml")).contains(".xlsx"));
        assert!(what(&entry("xl/worksheets/sheet1.xml")).contains(".xlsx"));
        assert!(what(&entry("xl/workbook.bin")).contains(".xlsb"));
        assert!(what(&entry("word/document.xml")).contains(".docx"));
        assert!(what(&entry("xl")).contains("zip archive"));
        assert!(what(b"PK\x03\x04mimetypeapplication/vnd.oasis.opendocument.spreadsheet").contains(".ods"));
        assert!(what(b"PK\x03\x04 hello.txt").contains("zip archive"));
        assert!(what(b"%PDF-1.7").contains("PDF"));
        assert_eq!(what(b"\xFF\xFEp\0"), "utf16 true");
        assert_eq!(what(b"\xFE\xFF\0p"), "utf16 false");
    }

    #[test]
    fn utf16_text_is_decoded() {
        let le: Vec<u8> = "\u{feff}party\tvotes\nҚ\t5\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(utf16(&le, true).unwrap(), "party\tvotes\nҚ\t5\n");
        let be: Vec<u8> = "\u{feff}ab".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(utf16(&be, false).unwrap(), "ab");
        assert!(utf16(b"\xFF\xFEa", true).unwrap_err().to_string().contains("not valid UTF-16"));
        assert_eq!(utf16(b"\xFF\xFE\x00\xD8a\x00", true), Err(Error::InvalidUtf16 { at: 2 }));
    }
}
