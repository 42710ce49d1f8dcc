//! Workbooks written by the tests: .xlsx through `rust_xlsxwriter`, .ods
//! as a zip of XML, and bare zip archives. Shared by `tests/cli/input.rs`
//! and `tests/formats/tabular.rs`, whose crates (`tests/cli/main.rs`,
//! `tests/formats/main.rs`) include it with
//! `#[path = "../common/workbooks.rs"] mod workbooks;`.

#![allow(dead_code)] // Each test binary uses its own subset.

use std::io::{Cursor, Write};

/// A spreadsheet cell.
#[derive(Clone, Copy)]
pub enum Cell<'a> {
    /// A text cell.
    Text(&'a str),
    /// A number cell.
    Number(f64),
}

/// A sheet's rows of cells.
pub type Rows<'a> = Vec<Vec<Cell<'a>>>;

/// A sheet: its name and rows.
pub type Sheet<'a> = (&'a str, Rows<'a>);

/// An .xlsx workbook with `sheets`, the first cell of each at `(top, left)`.
pub fn xlsx_at(sheets: &[Sheet], top: u32, left: u16) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("a valid sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (top + r as u32, left + c as u16);
                match *cell {
                    Cell::Text(text) => sheet.write_string(r, c, text),
                    Cell::Number(n) => sheet.write_number(r, c, n),
                }
                .expect("the cell is written");
            }
        }
    }
    book.save_to_buffer().expect("the workbook is written")
}

/// An .xlsx workbook with `sheets` starting at A1.
pub fn xlsx(sheets: &[Sheet]) -> Vec<u8> {
    xlsx_at(sheets, 0, 0)
}

/// Escapes text for XML.
fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// An .ods workbook with `sheets`.
pub fn ods(sheets: &[Sheet]) -> Vec<u8> {
    let tables: Vec<(&str, String)> = sheets
        .iter()
        .map(|(name, rows)| {
            let mut xml = String::new();
            for row in rows {
                xml.push_str("<table:table-row>");
                for cell in row {
                    xml.push_str(&match *cell {
                        Cell::Text(t) => format!(
                            r#"<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>"#,
                            xml_escape(t)
                        ),
                        Cell::Number(n) => format!(
                            r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
                        ),
                    });
                }
                xml.push_str("</table:table-row>");
            }
            (*name, xml)
        })
        .collect();
    let tables: Vec<(&str, &str)> = tables.iter().map(|(n, x)| (*n, x.as_str())).collect();
    ods_raw(&tables)
}

/// An .ods workbook whose sheets hold the given rows, as XML: a zip whose
/// first entry, `mimetype`, is stored uncompressed, then the manifest and
/// the content.
pub fn ods_raw(tables: &[(&str, &str)]) -> Vec<u8> {
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>"#,
    );
    for (name, rows) in tables {
        content.push_str(&format!(r#"<table:table table:name="{}">{rows}</table:table>"#, xml_escape(name)));
    }
    content.push_str("</office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>"#;
    zip_of(&[
        ("mimetype", "application/vnd.oasis.opendocument.spreadsheet".as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

/// A zip archive of `files`, stored uncompressed.
pub fn zip_of(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in files {
        zip.start_file(*name, stored).expect("a zip entry starts");
        zip.write_all(bytes).expect("a zip entry is written");
    }
    zip.finish().expect("the zip is written").into_inner()
}
