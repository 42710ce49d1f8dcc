//! End-to-end tests of what `saylau allocate` reads: CSV separated by
//! commas, semicolons or tabs, votes with thousands separators, Excel
//! (.xlsx) and OpenDocument (.ods) workbooks, and files that are none of
//! these. The workbooks are written by the tests themselves.

use std::path::{Path, PathBuf};

use crate::common::{Run, assert_fails, run, run_bytes, scratch};
use crate::workbooks::{Cell, Rows, ods, ods_raw, xlsx, xlsx_at, zip_of};
use serde_json::Value;

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

/// Their seats under Hare, 69 seats, 5 % threshold.
const MAZHILIS_SEATS: [u64; 7] = [40, 8, 6, 6, 5, 4, 0];

/// Hare, 69 seats, 5 %, JSON output: the 2023 list tier.
const HARE_69: [&str; 9] =
    ["allocate", "--method", "hare", "--seats", "69", "--threshold", "5", "--format", "json"];

/// A scratch file holding `bytes`, removed when dropped.
struct TempFile(PathBuf);

impl TempFile {
    fn new(name: &str, bytes: &[u8]) -> TempFile {
        let path = scratch(name);
        std::fs::write(&path, bytes).expect("the scratch file is written");
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("scratch paths are UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        std::fs::remove_file(&self.0).ok();
    }
}

/// `saylau allocate` (Hare, 69 seats, 5 %, JSON) with `extra` arguments on `file`.
fn allocate(file: &TempFile, extra: &[&str]) -> Run {
    let mut args = HARE_69.to_vec();
    args.extend_from_slice(extra);
    args.push(file.path());
    run(&args, "")
}

/// The seats of a successful JSON run, in input order.
fn seats(r: &Run) -> Vec<u64> {
    assert_eq!(r.code, 0, "{r:?}");
    assert!(r.stderr.is_empty(), "{r:?}");
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON output");
    doc["parties"].as_array().expect("parties").iter().map(|p| p["seats"].as_u64().expect("seats")).collect()
}

/// The parties and votes of a successful JSON run.
fn votes(r: &Run) -> Vec<(String, u64)> {
    assert_eq!(r.code, 0, "{r:?}");
    let doc: Value = serde_json::from_str(&r.stdout).expect("JSON output");
    let parties = doc["parties"].as_array().expect("parties");
    parties
        .iter()
        .map(|p| (p["party"].as_str().expect("party").to_string(), p["votes"].as_u64().expect("votes")))
        .collect()
}

/// Asserts the 2023 Mazhilis result: the parties, their votes and seats.
fn assert_mazhilis(r: &Run) {
    assert_eq!(seats(r), MAZHILIS_SEATS, "{r:?}");
    let expected: Vec<(String, u64)> = MAZHILIS.iter().map(|&(p, v)| (p.to_string(), v)).collect();
    assert_eq!(votes(r), expected);
}

/// The Mazhilis lists as CSV text: `sep` between fields, votes written by `write`.
fn mazhilis_csv(sep: &str, write: impl Fn(u64) -> String) -> String {
    let mut text = format!("party{sep}votes\n");
    for (party, votes) in MAZHILIS {
        text.push_str(&format!("{party}{sep}{}\n", write(votes)));
    }
    text
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

// ---------------------------------------------------------------------------
// Workbooks written by the tests
// ---------------------------------------------------------------------------

/// The Mazhilis lists as a sheet: a header row, then one row per list with
/// number cells.
fn mazhilis_rows<'a>() -> Rows<'a> {
    let mut rows = vec![vec![Cell::Text("Party"), Cell::Text("Votes")]];
    for (party, votes) in MAZHILIS {
        rows.push(vec![Cell::Text(party), Cell::Number(votes as f64)]);
    }
    rows
}

// ---------------------------------------------------------------------------
// Delimiters
// ---------------------------------------------------------------------------

#[test]
fn comma_csv_gives_the_mazhilis_seats() {
    let file = TempFile::new("mazhilis-comma.csv", mazhilis_csv(",", |v| v.to_string()).as_bytes());
    assert_mazhilis(&allocate(&file, &[]));
}

#[test]
fn semicolon_csv_gives_the_mazhilis_seats() {
    let file = TempFile::new("mazhilis-semicolon.csv", mazhilis_csv(";", |v| v.to_string()).as_bytes());
    assert_mazhilis(&allocate(&file, &[]));
    assert_mazhilis(&allocate(&file, &["--delimiter", ";"]));
    assert_mazhilis(&allocate(&file, &["--delimiter", "semicolon"]));
}

#[test]
fn tab_csv_gives_the_mazhilis_seats() {
    let file = TempFile::new("mazhilis-tab.tsv", mazhilis_csv("\t", |v| v.to_string()).as_bytes());
    assert_mazhilis(&allocate(&file, &[]));
    assert_mazhilis(&allocate(&file, &["--delimiter", "tab"]));
}

#[test]
fn semicolon_csv_from_a_russian_excel_with_bom_crlf_and_commas_in_names() {
    // Excel in a Russian or Kazakh locale: semicolons, CRLF, a byte-order
    // mark, extra columns, and commas inside names and decimals elsewhere.
    let text = "\u{feff}№;Партия;Party;Votes;Share, %\r\n\
                1;«AMANAT»;Amanat, list;3 431 510;53,90\r\n\
                2;«Ауыл»;Auyl;693 938;10,90\r\n";
    let file = TempFile::new("ru-excel.csv", text.as_bytes());
    let r = allocate(&file, &[]);
    assert_eq!(votes(&r), [("Amanat, list".to_string(), 3_431_510), ("Auyl".to_string(), 693_938)]);
}

#[test]
fn an_excel_sep_line_names_the_delimiter() {
    let text = format!("sep=;\r\n{}", mazhilis_csv(";", |v| grouped(v, "\u{a0}")).replace('\n', "\r\n"));
    let file = TempFile::new("sep-line.csv", text.as_bytes());
    assert_mazhilis(&allocate(&file, &[]));
    let file = TempFile::new("sep-line-bad.csv", b"sep=;\nparty;votes\nA;1\nB;x\n");
    assert_fails(&allocate(&file, &[]), 2, &[&format!("{}: line 4: column 2", file.path()), "\"x\""]);
}

#[test]
fn a_csv_in_a_windows_code_page_says_to_save_it_as_utf8() {
    // "Аманат" in Windows-1251, as Excel in a Russian locale saves "CSV".
    let file = TempFile::new("cp1251.csv", b"party;votes\n\xC0\xEC\xE0\xED\xE0\xF2;3431510\n");
    assert_fails(
        &allocate(&file, &[]),
        2,
        &[file.path(), "line 2", "party field", "not valid UTF-8", "1251", "CSV UTF-8"],
    );
}

#[test]
fn the_delimiter_option_overrides_the_guess() {
    // A comma inside the only header field: with --delimiter ';' the row splits at semicolons.
    let file = TempFile::new("forced.csv", b"party;votes;note\nA;100;x, y\nB;50;z\n");
    assert_eq!(seats(&allocate(&file, &["--delimiter", ";"])).len(), 2);
    let r = allocate(&file, &["--delimiter", ","]);
    assert_fails(
        &r,
        2,
        &[
            file.path(),
            "line 1",
            "no \"party\" column",
            "split at commas, as --delimiter says",
            "--delimiter ';'",
        ],
    );
}

#[test]
fn a_header_without_a_party_column_says_which_delimiter_was_assumed() {
    let file = TempFile::new("no-party.csv", b"name;votes\nA;100\n");
    let r = allocate(&file, &[]);
    assert_fails(
        &r,
        2,
        &[file.path(), "line 1", "no \"party\" column", "\"name\"", "split at semicolons", "--delimiter"],
    );
    let file = TempFile::new("pipes.csv", b"party|votes\nA|100\n");
    let r = allocate(&file, &[]);
    assert_fails(&r, 2, &[file.path(), "\"party|votes\"", "split at commas", "--delimiter ';'", "tab"]);
}

#[test]
fn an_unknown_delimiter_is_a_usage_error() {
    let r = run(&["allocate", "--method", "hare", "--seats", "3", "--delimiter", "|"], "party,votes\nA,1\n");
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains("--delimiter") && r.stderr.contains("tab"), "{r:?}");
}

// ---------------------------------------------------------------------------
// Thousands separators
// ---------------------------------------------------------------------------

#[test]
fn thousands_separated_by_spaces() {
    let file = TempFile::new("spaces.csv", mazhilis_csv(";", |v| grouped(v, " ")).as_bytes());
    assert_mazhilis(&allocate(&file, &[]));
    // Spaces are no delimiter: a comma file works as well, unquoted.
    let file = TempFile::new("spaces-comma.csv", mazhilis_csv(",", |v| grouped(v, " ")).as_bytes());
    assert_mazhilis(&allocate(&file, &[]));
}

#[test]
fn thousands_separated_by_no_break_spaces() {
    for (name, sep) in [("nbsp.csv", "\u{a0}"), ("nnbsp.csv", "\u{202f}")] {
        let file = TempFile::new(name, mazhilis_csv("\t", |v| grouped(v, sep)).as_bytes());
        assert_mazhilis(&allocate(&file, &[]));
    }
}

#[test]
fn thousands_separated_by_apostrophes() {
    let file = TempFile::new("apostrophes.csv", mazhilis_csv(";", |v| grouped(v, "'")).as_bytes());
    assert_mazhilis(&allocate(&file, &[]));
}

#[test]
fn thousands_separated_by_commas_in_quotes() {
    // "693,938" alone could be a decimal; 3,431,510 in the same column settles it.
    let file =
        TempFile::new("commas.csv", mazhilis_csv(",", |v| format!("\"{}\"", grouped(v, ","))).as_bytes());
    assert_mazhilis(&allocate(&file, &[]));
}

#[test]
fn thousands_separated_by_dots() {
    let file = TempFile::new("dots.csv", mazhilis_csv(";", |v| grouped(v, ".")).as_bytes());
    assert_mazhilis(&allocate(&file, &[]));
}

#[test]
fn unquoted_commas_in_a_comma_file_say_to_quote() {
    let file = TempFile::new("unquoted.csv", b"party,votes\nAmanat,3,431,510\n");
    assert_fails(&allocate(&file, &[]), 2, &[file.path(), "line 2", "too many fields", "\"3,431,510\""]);
}

#[test]
fn an_ambiguous_column_is_refused_naming_the_cell() {
    let file = TempFile::new("ambiguous.csv", b"party,votes\nA,\"1,234\"\nB,\"5,678\"\n");
    assert_fails(
        &allocate(&file, &[]),
        2,
        &[
            &format!("{}: line 2: column 2", file.path()),
            "party \"A\"",
            "\"1,234\"",
            "not a number that can be read safely",
            "without separators (1234)",
            "spaces (1 234)",
        ],
    );
    let file = TempFile::new("ambiguous-dot.csv", b"party;votes\nA;900\nB;1.234\n");
    assert_fails(
        &allocate(&file, &[]),
        2,
        &[&format!("{}: line 3: column 2", file.path()), "\"1.234\"", "dot may separate thousands"],
    );
}

#[test]
fn a_column_that_proves_dots_are_groups_reads_a_lone_dot() {
    let file = TempFile::new("dots-proved.csv", b"party;votes\nA;1.234.567\nB;1.234\n");
    assert_eq!(votes(&allocate(&file, &[])), [("A".to_string(), 1_234_567), ("B".to_string(), 1234)]);
}

#[test]
fn a_fraction_of_a_vote_is_refused_in_every_style() {
    for (name, text, bad) in [
        ("frac-dot.csv", "party,votes\nA,12.5\n", "\"12.5\""),
        ("frac-comma.csv", "party;votes\nA;1 234,5\n", "\"1 234,5\""),
        ("frac-column.csv", "party;votes\nA;12,5\nB;1,234\n", "\"12,5\""),
        ("frac-grouped.csv", "party,votes\nA,\"3,431,510.5\"\n", "\"3,431,510.5\""),
    ] {
        let file = TempFile::new(name, text.as_bytes());
        assert_fails(&allocate(&file, &[]), 2, &[file.path(), "line 2: column 2", bad, "fractional"]);
    }
    // A whole number written with decimals is whole.
    let file = TempFile::new("whole-decimals.csv", b"party;votes\nA;3 431 510,00\nB;5.0\n");
    assert_eq!(votes(&allocate(&file, &[])), [("A".to_string(), 3_431_510), ("B".to_string(), 5)]);
}

#[test]
fn bad_groups_and_mixed_separators_are_refused() {
    let file = TempFile::new("bad-groups.csv", b"party;votes\nA;12 34\n");
    assert_fails(&allocate(&file, &[]), 2, &[file.path(), "line 2", "\"12 34\"", "groups of three"]);
    let file = TempFile::new("mixed.csv", b"party;votes\nA;1.234 567\n");
    assert_fails(&allocate(&file, &[]), 2, &[file.path(), "line 2", "mix thousands separators"]);
}

#[test]
fn grouped_votes_over_two_to_the_sixty_four_are_too_large() {
    let file = TempFile::new("huge.csv", b"party;votes\nA;18 446 744 073 709 551 616\n");
    assert_fails(&allocate(&file, &[]), 2, &[file.path(), "line 2", "too large", "18446744073709551615"]);
    let file = TempFile::new("max.csv", b"party;votes\nA;18 446 744 073 709 551 615\n");
    let r = run(&["allocate", "--method", "hare", "--seats", "1", "--format", "json", file.path()], "");
    assert_eq!(votes(&r), [("A".to_string(), u64::MAX)]);
}

#[test]
fn utf16_text_from_excel_is_read() {
    // Excel's "Unicode text": UTF-16 little-endian with a byte-order mark, tab separated.
    let text = format!("\u{feff}{}", mazhilis_csv("\t", |v| v.to_string()).replace('\n', "\r\n"));
    let bytes: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let file = TempFile::new("unicode.txt", &bytes);
    assert_mazhilis(&allocate(&file, &[]));
}

// ---------------------------------------------------------------------------
// Workbooks
// ---------------------------------------------------------------------------

#[test]
fn xlsx_gives_the_mazhilis_seats() {
    let file = TempFile::new("mazhilis.xlsx", &xlsx(&[("Results", mazhilis_rows())]));
    assert_mazhilis(&allocate(&file, &[]));
}

#[test]
fn ods_gives_the_mazhilis_seats() {
    let file = TempFile::new("mazhilis.ods", &ods(&[("Results", mazhilis_rows())]));
    assert_mazhilis(&allocate(&file, &[]));
}

#[test]
fn a_workbook_on_standard_input_is_read() {
    let r = run_bytes(&HARE_69, &xlsx(&[("Results", mazhilis_rows())]));
    assert_mazhilis(&r);
    let r = run_bytes(&HARE_69, &ods(&[("Results", mazhilis_rows())]));
    assert_mazhilis(&r);
}

#[test]
fn an_xlsx_renamed_to_csv_is_recognised() {
    let file = TempFile::new("really-xlsx.csv", &xlsx(&[("Results", mazhilis_rows())]));
    assert_mazhilis(&allocate(&file, &[]));
    // Its errors name the sheet and the cell, as for any workbook.
    let rows =
        vec![vec![Cell::Text("party"), Cell::Text("votes")], vec![Cell::Text("A"), Cell::Number(-1.0)]];
    let file = TempFile::new("really-xlsx-bad.csv", &xlsx(&[("Sheet1", rows)]));
    assert_fails(
        &allocate(&file, &[]),
        2,
        &[&format!("{}, sheet \"Sheet1\", cell B2", file.path()), "negative"],
    );
}

#[test]
fn a_workbook_table_may_start_anywhere_and_cells_are_named_by_their_place() {
    // The table starts at C3, after blank rows and columns; the votes are in column D.
    let mut rows = mazhilis_rows();
    rows.insert(1, vec![]);
    if let Some(row) = rows.get_mut(4) {
        row[1] = Cell::Number(12.5);
    }
    let file = TempFile::new("offset.xlsx", &xlsx_at(&[("Results", rows.clone())], 2, 2));
    assert_fails(
        &allocate(&file, &[]),
        2,
        &[
            &format!("{}, sheet \"Results\", cell D7", file.path()),
            "party \"Respublica\"",
            "12.5",
            "fractional",
        ],
    );
    let file = TempFile::new("offset.ods", &ods(&[("Results", rows)]));
    assert_fails(
        &allocate(&file, &[]),
        2,
        &[&format!("{}, sheet \"Results\", cell B5", file.path()), "fractional"],
    );
}

#[test]
fn workbook_text_cells_follow_the_csv_rules_for_numbers() {
    let mut rows = vec![vec![Cell::Text("party"), Cell::Text("votes")]];
    let texts: Vec<String> = MAZHILIS.iter().map(|&(_, v)| grouped(v, "\u{a0}")).collect();
    for ((party, _), text) in MAZHILIS.iter().zip(&texts) {
        rows.push(vec![Cell::Text(party), Cell::Text(text)]);
    }
    let file = TempFile::new("text-cells.xlsx", &xlsx(&[("Results", rows)]));
    assert_mazhilis(&allocate(&file, &[]));

    let rows = vec![
        vec![Cell::Text("party"), Cell::Text("votes")],
        vec![Cell::Text("A"), Cell::Number(5.0)],
        vec![Cell::Text("B"), Cell::Text("1.234")],
    ];
    let file = TempFile::new("text-ambiguous.ods", &ods(&[("Results", rows)]));
    assert_fails(
        &allocate(&file, &[]),
        2,
        &[&format!("{}, sheet \"Results\", cell B3", file.path()), "\"1.234\"", "read safely"],
    );
}

#[test]
fn sheet_chooses_the_sheet() {
    let notes = vec![vec![Cell::Text("Source: Central Election Commission, 2023")]];
    let sheets = [("Notes", notes), ("Results", mazhilis_rows())];
    for (name, bytes) in [("two-sheets.xlsx", xlsx(&sheets)), ("two-sheets.ods", ods(&sheets))] {
        let file = TempFile::new(name, &bytes);
        assert_mazhilis(&allocate(&file, &["--sheet", "Results"]));
        // The first sheet has no table: the message names the other sheets and --sheet.
        assert_fails(
            &allocate(&file, &[]),
            2,
            &[
                &format!("{}, sheet \"Notes\", row 1", file.path()),
                "no \"party\" column",
                "\"Results\"",
                "--sheet",
            ],
        );
    }
}

#[test]
fn a_missing_sheet_lists_the_sheets() {
    let sheets = [("Notes", vec![vec![Cell::Text("x")]]), ("Results", mazhilis_rows())];
    for (name, bytes) in [("sheets.xlsx", xlsx(&sheets)), ("sheets.ods", ods(&sheets))] {
        let file = TempFile::new(name, &bytes);
        assert_fails(
            &allocate(&file, &["--sheet", "Votes"]),
            2,
            &[file.path(), "no sheet \"Votes\"", "\"Notes\", \"Results\"", "--sheet"],
        );
    }
}

#[test]
fn workbook_errors_name_the_sheet_and_cell() {
    let header = vec![Cell::Text("party"), Cell::Text("votes")];
    let twice = vec![Cell::Text("party"), Cell::Text("votes"), Cell::Text(" Votes ")];
    let cases: [(&str, Rows, &[&str]); 6] = [
        ("twice", vec![twice], &["sheet \"S\", row 1", "\"votes\" column twice (columns B and C)"]),
        (
            "dup",
            vec![
                header.clone(),
                vec![Cell::Text("A"), Cell::Number(1.0)],
                vec![Cell::Text("A"), Cell::Number(2.0)],
            ],
            &["sheet \"S\", row 3", "duplicate party \"A\"", "already appears on row 2"],
        ),
        (
            "empty-votes",
            vec![header.clone(), vec![Cell::Text("A")]],
            &["sheet \"S\", cell B2", "votes are empty"],
        ),
        (
            "empty-party",
            vec![header.clone(), vec![Cell::Text(""), Cell::Number(2.0)]],
            &["sheet \"S\", cell A2", "party name is empty"],
        ),
        ("header-only", vec![header.clone()], &["sheet \"S\", row 1", "no data rows"]),
        (
            "too-precise",
            vec![header.clone(), vec![Cell::Text("A"), Cell::Number(1e17)]],
            &["sheet \"S\", cell B2", "as text"],
        ),
    ];
    for (name, rows, needles) in cases {
        for (ext, bytes) in [("xlsx", xlsx(&[("S", rows.clone())])), ("ods", ods(&[("S", rows.clone())]))] {
            let file = TempFile::new(&format!("{name}.{ext}"), &bytes);
            assert_fails(&allocate(&file, &[]), 2, &[&[file.path()], needles].concat());
        }
    }
    let file = TempFile::new("empty-sheet.xlsx", &xlsx(&[("S", vec![])]));
    assert_fails(&allocate(&file, &[]), 2, &[file.path(), "sheet \"S\"", "the sheet is empty"]);
}

#[test]
fn sheet_and_delimiter_apply_to_their_kind_of_file() {
    let csv = TempFile::new("plain.csv", b"party,votes\nA,1\n");
    assert_fails(
        &allocate(&csv, &["--sheet", "Results"]),
        2,
        &[csv.path(), "--sheet", "CSV text", "leave --sheet out"],
    );
    let book = TempFile::new("plain.xlsx", &xlsx(&[("Results", mazhilis_rows())]));
    assert_fails(
        &allocate(&book, &["--delimiter", ";"]),
        2,
        &[book.path(), "--delimiter ';'", "Excel workbook (.xlsx)", "leave --delimiter out"],
    );
}

// ---------------------------------------------------------------------------
// Files that are not tables
// ---------------------------------------------------------------------------

/// Asserts that `r` refused `file` as `what` without printing its bytes.
fn assert_refused_as(r: &Run, file: &TempFile, what: &str) {
    assert_fails(
        r,
        2,
        &[&format!("{}: this is {what}", file.path()), "cannot read the votes", "CSV", ".xlsx"],
    );
    assert!(r.stderr.chars().all(|c| !c.is_control() || c == '\n'), "control characters in {r:?}");
    assert!(!r.stderr.contains('\u{fffd}'), "replacement characters in {r:?}");
}

#[test]
fn a_binary_file_is_named_as_such() {
    let bytes: Vec<u8> = (0..2048u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let file = TempFile::new("random.csv", &bytes);
    assert_refused_as(&allocate(&file, &[]), &file, "a binary file");
    let file = TempFile::new("report.csv", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
    assert_refused_as(&allocate(&file, &[]), &file, "a PDF document");
}

#[test]
fn a_zip_that_is_not_a_spreadsheet_is_named_as_such() {
    let file = TempFile::new("archive.csv", &zip_of(&[("votes.csv", b"party,votes\nA,1\n")]));
    assert_refused_as(&allocate(&file, &[]), &file, "a zip archive that is not a spreadsheet");
    let file = TempFile::new("letter.xlsx", &zip_of(&[("word/document.xml", b"<w:document/>")]));
    assert_refused_as(&allocate(&file, &[]), &file, "a Word document");
}

#[test]
fn an_old_excel_file_is_named_as_such() {
    let mut bytes = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    bytes.resize(1024, 0);
    let file = TempFile::new("old.xls", &bytes);
    assert_refused_as(&allocate(&file, &[]), &file, "an Excel 97-2003 workbook (.xls)");
    assert_fails(&allocate(&file, &[]), 2, &["save it as an Excel workbook (.xlsx)"]);
}

#[test]
fn text_that_is_not_a_table_is_named() {
    let file = TempFile::new("scenario.csv", b"{\"body\": \"mazhilis\", \"lists\": []}");
    assert_refused_as(&allocate(&file, &[]), &file, "JSON (perhaps a scenario file)");
    assert_fails(&allocate(&file, &[]), 2, &["saylau elect"]);
    let file =
        TempFile::new("download.csv", b"\xEF\xBB\xBF\n<!DOCTYPE html><html><body>Not found</body></html>");
    assert_refused_as(&allocate(&file, &[]), &file, "a web page (HTML)");
    let file = TempFile::new("excel2003.xml", b"<?xml version=\"1.0\"?><Workbook></Workbook>");
    assert_refused_as(&allocate(&file, &[]), &file, "an XML file");
}

#[test]
fn a_damaged_workbook_is_refused_without_a_panic() {
    let whole = xlsx(&[("Results", mazhilis_rows())]);
    let cut = whole.get(..whole.len() / 2).unwrap_or_default();
    let file = TempFile::new("cut.xlsx", cut);
    assert_fails(
        &allocate(&file, &[]),
        2,
        &[file.path(), "Excel workbook (.xlsx)", "cannot be read", "save it again"],
    );
    let whole = ods(&[("Results", mazhilis_rows())]);
    let mut broken = whole.clone();
    // Damage the content but keep the zip's headers.
    if let Some(at) = broken.windows(7).position(|w| w == b"<office") {
        broken[at + 1] = b'!';
    }
    let file = TempFile::new("broken.ods", &broken);
    let r = allocate(&file, &[]);
    assert_eq!(r.code, 2, "{r:?}");
    assert!(r.stderr.contains(file.path()), "{r:?}");
}

#[test]
fn every_bad_input_file_path_is_named() {
    // A file that cannot be read at all.
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("saylau-no-such-file.xlsx");
    let r = run(&["allocate", "--method", "hare", "--seats", "3", missing.to_str().unwrap_or_default()], "");
    assert_fails(&r, 2, &["cannot read", "saylau-no-such-file.xlsx"]);
}

#[test]
fn damaged_workbooks_never_panic() {
    // Every byte of a small workbook changed in turn, at a stride: each run
    // either reads some table or fails with exit 2, never a panic (the
    // harness checks), and its message names the file.
    for (ext, whole) in
        [("xlsx", xlsx(&[("Results", mazhilis_rows())])), ("ods", ods(&[("Results", mazhilis_rows())]))]
    {
        let stride = (whole.len() / STRIDE_RUNS).max(1);
        for at in (0..whole.len()).step_by(stride) {
            let mut bytes = whole.clone();
            if let Some(b) = bytes.get_mut(at) {
                *b ^= 0x5A;
            }
            let file = TempFile::new(&format!("flip-{at}.{ext}"), &bytes);
            let r = allocate(&file, &[]);
            assert!(r.code == 0 || r.code == 2, "{r:?}");
            if r.code == 2 {
                assert!(r.stderr.contains(file.path()), "{r:?}");
            }
        }
    }
}

/// How many damaged copies of each workbook `damaged_workbooks_never_panic` runs.
const STRIDE_RUNS: usize = 60;

#[test]
fn a_far_away_cell_does_not_exhaust_memory() {
    // A stray value in the last cell of the sheet (XFD1048576): the table is
    // still read from the cells in use, not from the whole rectangle.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in mazhilis_rows().iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32, c as u16);
            match *cell {
                Cell::Text(text) => sheet.write_string(r, c, text),
                Cell::Number(n) => sheet.write_number(r, c, n),
            }
            .expect("the cell is written");
        }
    }
    sheet.write_string(1_048_575, 16_383, "stray").expect("the last cell is written");
    let file = TempFile::new("far-cell.xlsx", &book.save_to_buffer().expect("the workbook is written"));
    let r = allocate(&file, &[]);
    assert_fails(&r, 2, &[file.path(), "sheet \"Sheet1\", cell A1048576", "party name is empty"]);
}

#[test]
fn a_far_away_cell_in_an_ods_is_refused_without_a_crash() {
    let table = r#"<table:table-row><table:table-cell office:value-type="string"><text:p>party</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>votes</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>A</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048573"><table:table-cell table:number-columns-repeated="16384"/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="16383"/><table:table-cell office:value-type="string"><text:p>stray</text:p></table:table-cell></table:table-row>"#;
    let bytes = ods_raw(&[("S", table)]);
    let file = TempFile::new("far-cell.ods", &bytes);
    let r = allocate(&file, &[]);
    // The reader refuses a sheet of more than 10^8 cells (here 2^34): exit 2, not a crash.
    assert_fails(&r, 2, &[file.path(), "OpenDocument spreadsheet (.ods)", "cannot be read", "CSV UTF-8"]);
}
