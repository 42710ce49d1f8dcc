//! Library-level tests of `saylau::tabular`: CSV text, .xlsx and .ods bytes
//! read directly, and the typed errors a caller can match. The binary's
//! messages are checked end to end in `tests/cli/input.rs`.

use crate::workbooks::{Cell, Rows, ods, xlsx, xlsx_at, zip_of};
use saylau::tabular::{
    self, ChosenBy, Column, Error, Format, Place, ReadOptions, Split, VotesError, Workbook,
};

/// The 2023 Mazhilis party lists, in registration order.
const MAZHILIS: [(&str, u64); 7] = [
    ("Amanat", 3_431_510),
    ("Auyl", 693_938),
    ("Respublica", 547_154),
    ("Ak Zhol", 535_139),
    ("People's Party of Kazakhstan", 432_920),
    ("OSDP", 331_058),
    ("Baytaq", 146_431),
];

/// Reads `bytes` with the default options.
fn read(bytes: &[u8]) -> Result<saylau::PartyVotes, Error> {
    tabular::read(bytes, &ReadOptions::default())
}

/// Asserts that `parties` are the Mazhilis lists with their votes.
fn assert_mazhilis(parties: &saylau::PartyVotes) {
    let names: Vec<&str> = MAZHILIS.iter().map(|&(p, _)| p).collect();
    let votes: Vec<u64> = MAZHILIS.iter().map(|&(_, v)| v).collect();
    assert_eq!(parties.names(), names);
    assert_eq!(parties.votes(), votes);
}

/// `n` with its thousands joined by `sep`: `3{sep}431{sep}510`.
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

/// The Mazhilis lists as a sheet: a header row, then number cells.
fn mazhilis_rows<'a>() -> Rows<'a> {
    let mut rows = vec![vec![Cell::Text("Party"), Cell::Text("Votes")]];
    for (party, votes) in MAZHILIS {
        rows.push(vec![Cell::Text(party), Cell::Number(votes as f64)]);
    }
    rows
}

#[test]
fn csv_in_every_delimiter_and_thousands_style_gives_the_mazhilis_votes() {
    // The delimiter, and how the votes are written.
    type Style = (&'static str, fn(u64) -> String);
    let styles: [Style; 4] = [
        (",", |v| format!("\"{}\"", grouped(v, ","))),
        (";", |v| grouped(v, ".")),
        (";", |v| grouped(v, "\u{a0}")),
        ("\t", |v| grouped(v, "'")),
    ];
    for (sep, write) in styles {
        let mut text = format!("party{sep}votes\r\n");
        for (party, votes) in MAZHILIS {
            text.push_str(&format!("{party}{sep}{}\r\n", write(votes)));
        }
        assert_mazhilis(&read(text.as_bytes()).unwrap_or_else(|e| panic!("{sep:?}: {e}\n{text}")));
    }
}

#[test]
fn utf16_text_gives_the_mazhilis_votes() {
    let mut text = String::from("\u{feff}Party\tVotes\n");
    for (party, votes) in MAZHILIS {
        text.push_str(&format!("{party}\t{votes}\n"));
    }
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_mazhilis(&read(&bytes).expect("UTF-16 text is read"));
}

#[test]
fn xlsx_and_ods_bytes_give_the_mazhilis_votes() {
    assert_mazhilis(&read(&xlsx(&[("Results", mazhilis_rows())])).expect("the .xlsx is read"));
    assert_mazhilis(&read(&ods(&[("Results", mazhilis_rows())])).expect("the .ods is read"));
    // Anywhere on the sheet.
    assert_mazhilis(&read(&xlsx_at(&[("Results", mazhilis_rows())], 4, 3)).expect("the table is found"));
}

#[test]
fn the_sheet_is_chosen_by_name_and_a_missing_one_lists_the_sheets() {
    let empty: Rows = vec![];
    let book = xlsx(&[("Notes", empty), ("Results", mazhilis_rows())]);
    let err = read(&book).unwrap_err();
    assert_eq!(err, Error::EmptySheet { sheet: "Notes".into(), other_sheets: vec!["Results".into()] });
    let results = ReadOptions { sheet: Some(" results ".into()), ..ReadOptions::default() };
    assert_mazhilis(&tabular::read(&book, &results).expect("the sheet is found ignoring case"));
    let missing = ReadOptions { sheet: Some("Totals".into()), ..ReadOptions::default() };
    assert_eq!(
        tabular::read(&book, &missing),
        Err(Error::NoSuchSheet { sheet: "Totals".into(), sheets: vec!["Notes".into(), "Results".into()] })
    );
}

#[test]
fn a_bad_cell_is_named_by_its_sheet_and_place() {
    let mut rows = mazhilis_rows();
    rows[3][1] = Cell::Number(12.5);
    for (book, workbook) in [(xlsx(&[("S", rows.clone())]), "xlsx"), (ods(&[("S", rows.clone())]), "ods")] {
        let err = read(&book).unwrap_err();
        let Error::Votes { place, party, problem } = &err else { panic!("{workbook}: {err:?}") };
        assert_eq!(*place, Place::Cell { sheet: "S".into(), column: 2, row: 4 }, "{workbook}");
        assert_eq!(party, "Respublica");
        assert_eq!(*problem, VotesError::FractionalNumber { value: "12.5".into() });
        assert!(
            err.in_file("book").starts_with("book, sheet \"S\", cell B4: party \"Respublica\": votes 12.5")
        );
    }
}

#[test]
fn a_bad_csv_field_is_named_by_its_line_and_column() {
    let err = read(b"party;votes\nA;1.234\n\nB;7\n").unwrap_err();
    assert_eq!(
        err,
        Error::Votes {
            place: Place::Field { line: 2, column: 2 },
            party: "A".into(),
            problem: VotesError::Ambiguous { text: "1.234".into(), separator: tabular::Separator::Dot },
        }
    );
    assert!(err.in_file("v.csv").starts_with("v.csv: line 2: column 2: party \"A\": votes \"1.234\""));
    let err = read(b"party,votes\nA,1\nA,2\n").unwrap_err();
    assert_eq!(err, Error::DuplicateParty { place: Place::Line { line: 3 }, party: "A".into(), first: 2 });
}

#[test]
fn a_header_without_the_columns_says_how_it_was_split() {
    let err = read(b"name;count\nA;1\n").unwrap_err();
    let Error::MissingColumn { place, column, found, split, other_sheets } = err else { panic!() };
    assert_eq!((place, column), (Place::Line { line: 1 }, Column::Party));
    assert_eq!(found, ["name", "count"]);
    assert_eq!(split, Some(Split { delimiter: b';', chosen_by: ChosenBy::Header }));
    assert!(other_sheets.is_empty());
    let twice = read(b"party,votes,votes\nA,1,2\n").unwrap_err();
    assert!(matches!(twice, Error::DuplicateColumn { column: Column::Votes, first: 2, second: 3, .. }));
    assert!(twice.to_string().contains("(columns 2 and 3)"), "{twice}");
}

#[test]
fn files_that_are_not_tables_are_named() {
    let cases: [(&[u8], Format); 5] = [
        (b"%PDF-1.7\n", Format::Pdf),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0\0", Format::Xls),
        (b" {\"body\": \"mazhilis\"}", Format::Json),
        (b"\x00\x01\x02\x03\x04 party,votes", Format::Binary),
        (&[0x1F, 0x8B, 8, 0], Format::Gzip),
    ];
    for (bytes, format) in cases {
        assert_eq!(read(bytes), Err(Error::NotATable { format }));
    }
    assert_eq!(
        read(&zip_of(&[("votes.csv", b"party,votes\nA,1\n")])),
        Err(Error::NotATable { format: Format::Zip })
    );
    // A workbook cut short: its zip entries say .xlsx, but it cannot be opened.
    let book = xlsx(&[("Results", mazhilis_rows())]);
    let err = read(&book[..book.len() / 2]).unwrap_err();
    assert!(matches!(err, Error::DamagedWorkbook { workbook: Workbook::Xlsx, .. }), "{err:?}");
}

#[test]
fn options_that_do_not_apply_are_refused() {
    let book = xlsx(&[("Results", mazhilis_rows())]);
    let semicolon = ReadOptions { delimiter: Some(b';'), ..ReadOptions::default() };
    assert_eq!(
        tabular::read(&book, &semicolon),
        Err(Error::DelimiterForWorkbook { delimiter: b';', workbook: Workbook::Xlsx })
    );
    let sheet = ReadOptions { sheet: Some("Results".into()), ..ReadOptions::default() };
    assert_eq!(
        tabular::read(b"party,votes\nA,1\n", &sheet),
        Err(Error::SheetForText { sheet: "Results".into() })
    );
}

#[test]
fn empty_inputs_and_headers_alone_are_refused() {
    assert_eq!(read(b""), Err(Error::EmptyInput));
    assert_eq!(read(b"\n \n;;\n"), Err(Error::EmptyInput));
    assert_eq!(read(b"party,votes\n"), Err(Error::NoDataRows { header: Place::Line { line: 1 } }));
    let header = vec![vec![Cell::Text("party"), Cell::Text("votes")]];
    assert_eq!(
        read(&ods(&[("S", header)])),
        Err(Error::NoDataRows { header: Place::Row { sheet: "S".into(), row: 1 } })
    );
}

#[test]
fn the_number_reader_is_public() {
    assert_eq!(tabular::parse_votes("3\u{202f}431\u{202f}510"), Ok(3_431_510));
    assert_eq!(tabular::parse_votes("-5"), Err(VotesError::Negative { text: "-5".into() }));
    assert_eq!(tabular::parse_vote_column(&["1.234", "1.234.567"]), [Ok(1234), Ok(1_234_567)]);
}

#[test]
fn the_error_is_small_enough_to_return() {
    // Clippy's `result_large_err` warns callers from 128 bytes on.
    assert!(std::mem::size_of::<Error>() < 128, "{}", std::mem::size_of::<Error>());
}
