//! Reading vote counts written by people and spreadsheets: `3431510`,
//! `3 431 510` (spaces or no-break spaces), `3'431'510`, and `3,431,510` or
//! `3.431.510` where nothing else could be meant.
//!
//! A comma or a dot between digit groups of three is read as a thousands
//! separator only when it cannot be a decimal mark: when it appears twice in
//! the cell (`1.234.567`), when the cell also has a decimal mark of the other
//! kind (`1,234.00`), or when other cells of the same column settle it. A
//! lone `1.234` or `1,234` in a column that does not say which is refused:
//! guessing would count a thousand times too many or too few votes.
//!
//! ```
//! use saylau::tabular::{parse_vote_column, parse_votes, VotesError};
//! assert_eq!(parse_votes("3 431 510"), Ok(3_431_510));
//! assert_eq!(parse_votes("3.431.510"), Ok(3_431_510));
//! assert!(matches!(parse_votes("1.234"), Err(VotesError::Ambiguous { .. })));
//! // Another cell of the column shows that dots group thousands.
//! assert_eq!(parse_vote_column(&["1.234", "3.431.510"]), [Ok(1234), Ok(3_431_510)]);
//! ```

/// A character between digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Separator {
    /// A space, a no-break space (U+00A0), a narrow no-break space (U+202F)
    /// or a thin space (U+2009): always a thousands separator.
    Space,
    /// `'` or `’`: always a thousands separator (Swiss style).
    Apostrophe,
    /// `,`: a thousands separator or a decimal mark.
    Comma,
    /// `.`: a thousands separator or a decimal mark.
    Dot,
}

impl Separator {
    /// The separator a character is, if any.
    fn of(c: char) -> Option<Separator> {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' => Some(Separator::Space),
            '\'' | '\u{2019}' => Some(Separator::Apostrophe),
            ',' => Some(Separator::Comma),
            '.' => Some(Separator::Dot),
            _ => None,
        }
    }

    /// How a message names it: `space`, `apostrophe`, `comma`, `dot`.
    pub fn name(self) -> &'static str {
        match self {
            Separator::Space => "space",
            Separator::Apostrophe => "apostrophe",
            Separator::Comma => "comma",
            Separator::Dot => "dot",
        }
    }

    /// How a message names it as a decimal mark.
    fn decimal_name(self) -> &'static str {
        match self {
            Separator::Dot => "point",
            other => other.name(),
        }
    }

    /// The character, as in examples in messages: the space for all spaces.
    pub fn char(self) -> char {
        match self {
            Separator::Space => ' ',
            Separator::Apostrophe => '\'',
            Separator::Comma => ',',
            Separator::Dot => '.',
        }
    }
}

/// What a comma or a dot means in one column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Role {
    /// No cell says, or cells disagree.
    #[default]
    Unknown,
    /// A thousands separator.
    Group,
    /// A decimal mark.
    Decimal,
}

/// What the cells of one column say about commas and dots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Separators {
    /// What a comma means.
    comma: Role,
    /// What a dot means.
    dot: Role,
}

impl Separators {
    /// Looks at every cell of a column for commas and dots whose meaning
    /// the cell itself settles.
    pub(super) fn survey<'a>(cells: impl IntoIterator<Item = &'a str>) -> Separators {
        #[derive(Default)]
        struct Seen {
            group: bool,
            decimal: bool,
        }
        let (mut comma, mut dot) = (Seen::default(), Seen::default());
        for cell in cells {
            let Ok(shape) = shape(unsign(cell.trim()).1) else { continue };
            let (group, decimal) = match shape {
                Shape::Whole { group, .. } => (group, None),
                Shape::Decimal { group, mark, .. } => (group, Some(mark)),
                Shape::Either { .. } => (None, None),
            };
            for (sep, is_group) in [(group, true), (decimal, false)] {
                let seen = match sep {
                    Some(Separator::Comma) => &mut comma,
                    Some(Separator::Dot) => &mut dot,
                    _ => continue,
                };
                if is_group {
                    seen.group = true;
                } else {
                    seen.decimal = true;
                }
            }
        }
        // A comma is a thousands separator if the column shows that it is,
        // or that the dot is the decimal mark; and the other way round.
        let role = |own: &Seen, other: &Seen| match (own.group || other.decimal, own.decimal || other.group) {
            (true, false) => Role::Group,
            (false, true) => Role::Decimal,
            _ => Role::Unknown,
        };
        Separators { comma: role(&comma, &dot), dot: role(&dot, &comma) }
    }

    fn role(self, mark: Separator) -> Role {
        match mark {
            Separator::Comma => self.comma,
            Separator::Dot => self.dot,
            Separator::Space | Separator::Apostrophe => Role::Group,
        }
    }
}

/// A number's digits and separators, as written.
#[derive(Debug, PartialEq, Eq)]
enum Shape<'a> {
    /// A whole number: the digit groups, and their separator if any.
    Whole { digits: Vec<&'a str>, group: Option<Separator> },
    /// A number with a decimal mark that cannot be a thousands separator.
    Decimal { digits: Vec<&'a str>, group: Option<Separator>, mark: Separator, fraction: &'a str },
    /// `1,234` or `1.234`: one comma or dot followed by three digits, which
    /// only the column can tell apart.
    Either { int: &'a str, mark: Separator, last: &'a str },
}

/// Why a text is not a number.
#[derive(Debug, PartialEq, Eq)]
enum Bad {
    /// A character that no number has.
    Character,
    /// Separators of two kinds (neither a decimal mark at the end).
    Mixed(Separator, Separator),
    /// Digit groups that are not of three after a thousands separator.
    Groups(Separator),
}

/// `("-", rest)` for a text starting with a minus sign, else `("", text)`.
fn unsign(text: &str) -> (&str, &str) {
    for minus in ['-', '\u{2212}'] {
        if let Some(rest) = text.strip_prefix(minus) {
            return ("-", rest.trim_start());
        }
    }
    ("", text)
}

/// Splits `text` into digit runs and the single separators between them.
fn shape(text: &str) -> Result<Shape<'_>, Bad> {
    let mut runs: Vec<&str> = Vec::new();
    let mut seps: Vec<Separator> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c.is_ascii_digit() {
            continue;
        }
        let sep = Separator::of(c).ok_or(Bad::Character)?;
        let run = text.get(start..i).unwrap_or("");
        if run.is_empty() {
            // Leading, trailing or doubled separators.
            return Err(Bad::Character);
        }
        runs.push(run);
        seps.push(sep);
        start = i + c.len_utf8();
    }
    let last = text.get(start..).unwrap_or("");
    if last.is_empty() {
        return Err(Bad::Character);
    }
    runs.push(last);

    let Some(&final_sep) = seps.last() else {
        return Ok(Shape::Whole { digits: runs, group: None });
    };
    let first_sep = seps.first().copied().unwrap_or(final_sep);
    let all_same = seps.iter().all(|&s| s == first_sep);
    let decimal_capable = matches!(final_sep, Separator::Comma | Separator::Dot);

    if all_same && (seps.len() >= 2 || !decimal_capable) {
        // Only thousands separators.
        check_groups(&runs, first_sep)?;
        return Ok(Shape::Whole { digits: runs, group: Some(first_sep) });
    }
    if all_same {
        // One comma or dot.
        let (int, frac) = (runs.first().copied().unwrap_or(""), last);
        let could_group = frac.len() == 3 && int.len() <= 3 && !int.starts_with('0');
        if could_group {
            return Ok(Shape::Either { int, mark: final_sep, last: frac });
        }
        return Ok(Shape::Decimal { digits: vec![int], group: None, mark: final_sep, fraction: frac });
    }
    // Two kinds: thousands separators, then one decimal mark at the end.
    let groups = seps.split_last().map_or(&[][..], |(_, rest)| rest);
    let int_runs = runs.split_last().map_or(&[][..], |(_, rest)| rest);
    let group = groups.first().copied().unwrap_or(first_sep);
    if !decimal_capable || groups.contains(&final_sep) || groups.iter().any(|&s| s != group) {
        let other = seps.iter().copied().find(|&s| s != first_sep).unwrap_or(final_sep);
        return Err(Bad::Mixed(first_sep, other));
    }
    check_groups(int_runs, group)?;
    Ok(Shape::Decimal { digits: int_runs.to_vec(), group: Some(group), mark: final_sep, fraction: last })
}

/// The first run has one to three digits, every later run three.
fn check_groups(runs: &[&str], sep: Separator) -> Result<(), Bad> {
    let first_ok = runs.first().is_some_and(|r| (1..=3).contains(&r.len()));
    if first_ok && runs.iter().skip(1).all(|r| r.len() == 3) { Ok(()) } else { Err(Bad::Groups(sep)) }
}

/// Why a votes cell is not a whole number of votes. The message starts
/// with `votes`; the caller names the place and the party.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VotesError {
    /// The cell is empty.
    #[error("votes are empty: expected a whole number from 0 to 18446744073709551615")]
    Empty,
    /// Text that is not a number at all.
    #[error(
        "votes {text:?} are not a number: expected a whole number such as 3431510 or 3 431 510 \
         (digits, with thousands separated by spaces if at all)"
    )]
    NotANumber {
        /// The text, trimmed.
        text: String,
    },
    /// Thousands separators of two kinds.
    #[error(
        "votes {text:?} are not a number: they mix thousands separators (a {} and a {}); write \
         the number with one kind, or with digits only",
        first.name(),
        second.name()
    )]
    MixedSeparators {
        /// The text, trimmed.
        text: String,
        /// The first separator.
        first: Separator,
        /// One of another kind.
        second: Separator,
    },
    /// Digit groups that are not of three after a thousands separator.
    #[error(
        "votes {text:?} are not a number: after a thousands separator ({}) the digits must come \
         in groups of three, as in 3{c}431{c}510; write the number with digits only if in doubt",
        separator.name(),
        c = separator.char()
    )]
    BadGroups {
        /// The text, trimmed.
        text: String,
        /// The thousands separator.
        separator: Separator,
    },
    /// A negative number.
    #[error("votes {text:?} are negative: expected a whole number from 0")]
    Negative {
        /// The text, trimmed.
        text: String,
    },
    /// A fraction of a vote.
    #[error("votes {text:?} are fractional: expected a whole number of votes")]
    Fractional {
        /// The text, trimmed.
        text: String,
    },
    /// More than 2^64 - 1 votes.
    #[error("votes {text:?} are too large: the maximum is 18446744073709551615 (2^64 - 1)")]
    TooLarge {
        /// The text, trimmed.
        text: String,
    },
    /// `1,234` or `1.234` in a column that does not say whether the comma
    /// or dot separates thousands or marks a decimal.
    #[error("{}", ambiguous(text, *separator))]
    Ambiguous {
        /// The text, trimmed: one to three digits, the separator, three digits.
        text: String,
        /// The comma or the dot.
        separator: Separator,
    },
    /// A spreadsheet's number cell below zero.
    #[error("votes {value} are negative: expected a whole number from 0")]
    NegativeNumber {
        /// The number as the spreadsheet reader gives it.
        value: String,
    },
    /// A spreadsheet's number cell that is infinite or not a number.
    #[error("votes {value} are not a number: expected a whole number")]
    NotFinite {
        /// The number as the spreadsheet reader gives it.
        value: String,
    },
    /// A spreadsheet's number cell with a fraction.
    #[error(
        "votes {value} are fractional: expected a whole number of votes (if the cell shows a whole \
         number, the spreadsheet rounds it for display only)"
    )]
    FractionalNumber {
        /// The number as the spreadsheet reader gives it.
        value: String,
    },
    /// A spreadsheet's number cell above 2^53, which may have been rounded.
    #[error(
        "votes {value} are too large for a number cell to hold exactly: spreadsheets keep about 15 \
         digits, so above 9007199254740992 (2^53) the number may have been rounded; type the votes \
         as text (start the cell with an apostrophe)"
    )]
    InexactNumber {
        /// The number as the spreadsheet reader gives it.
        value: String,
    },
    /// A spreadsheet's true/false cell.
    #[error(
        "votes are {}, a true/false cell, not a number: type the number of votes",
        if *value { "TRUE" } else { "FALSE" }
    )]
    Boolean {
        /// The cell's value.
        value: bool,
    },
    /// A spreadsheet's date or time cell.
    #[error("votes are a date or time, not a number: format the votes column as numbers")]
    DateTime,
    /// A spreadsheet's error cell (`#DIV/0!`).
    #[error("votes are a spreadsheet error ({error}), not a number: fix the formula or type the number")]
    CellError {
        /// The error as the spreadsheet shows it.
        error: String,
    },
}

/// The message of [`VotesError::Ambiguous`].
fn ambiguous(text: &str, separator: Separator) -> String {
    let (before, after) = text.split_once(separator.char()).unwrap_or((text, ""));
    format!(
        "votes {text:?} are not a number that can be read safely: the {} may separate thousands \
         ({before}{after}) or be a decimal {} (a fraction of a vote), and no other cell in the votes \
         column shows which; write the number without separators ({before}{after}) or group the \
         thousands with spaces ({before} {after})",
        separator.name(),
        separator.decimal_name()
    )
}

/// The digits as a number, or the error for one that is too large.
fn value(text: &str, digits: &[&str]) -> Result<u64, VotesError> {
    let mut n: u64 = 0;
    for b in digits.iter().flat_map(|d| d.bytes()) {
        n = n
            .checked_mul(10)
            .and_then(|n| n.checked_add(u64::from(b - b'0')))
            .ok_or_else(|| VotesError::TooLarge { text: text.to_string() })?;
    }
    Ok(n)
}

/// Reads one vote count written by a person or a spreadsheet: digits, with
/// thousands separated by spaces, apostrophes, or commas or dots where
/// nothing else could be meant. A lone `1.234` or `1,234` is refused as
/// [`VotesError::Ambiguous`]: [`parse_vote_column`] reads it when other
/// cells of its column settle what the comma or dot means.
///
/// ```
/// use saylau::tabular::{parse_votes, VotesError};
/// assert_eq!(parse_votes(" 3\u{a0}431\u{a0}510 "), Ok(3_431_510));
/// assert_eq!(parse_votes("3,431,510.00"), Ok(3_431_510));
/// assert_eq!(parse_votes("1 234,5"), Err(VotesError::Fractional { text: "1 234,5".into() }));
/// ```
///
/// # Errors
///
/// A [`VotesError`] saying what is wrong with the text and how to write it.
pub fn parse_votes(text: &str) -> Result<u64, VotesError> {
    parse(text, Separators::default())
}

/// Reads a column of vote counts as [`parse_votes`] does, except that a
/// lone comma or dot (`1.234`) is read when another cell shows what it
/// means: `1.234.567` (dots group thousands) or `5,0` (the comma is the
/// decimal mark).
///
/// ```
/// use saylau::tabular::parse_vote_column;
/// assert_eq!(parse_vote_column(&["1,234", "5.0"]), [Ok(1234), Ok(5)]);
/// assert!(parse_vote_column(&["1,234"])[0].is_err());
/// ```
pub fn parse_vote_column<S: AsRef<str>>(cells: &[S]) -> Vec<Result<u64, VotesError>> {
    let column = Separators::survey(cells.iter().map(AsRef::as_ref));
    cells.iter().map(|cell| parse(cell.as_ref(), column)).collect()
}

/// Reads one cell's vote count, using what the column says about commas
/// and dots.
///
/// # Errors
///
/// What is wrong with the text and how to write it.
pub(super) fn parse(text: &str, column: Separators) -> Result<u64, VotesError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(VotesError::Empty);
    }
    let (sign, unsigned) = unsign(text);
    let owned = || text.to_string();
    let shape = shape(unsigned).map_err(|bad| match bad {
        Bad::Character => VotesError::NotANumber { text: owned() },
        Bad::Mixed(first, second) => VotesError::MixedSeparators { text: owned(), first, second },
        Bad::Groups(separator) => VotesError::BadGroups { text: owned(), separator },
    })?;
    if !sign.is_empty() {
        return Err(VotesError::Negative { text: owned() });
    }
    match shape {
        Shape::Whole { digits, .. } => value(text, &digits),
        Shape::Decimal { digits, fraction, .. } => {
            if fraction.bytes().all(|b| b == b'0') {
                value(text, &digits)
            } else {
                Err(VotesError::Fractional { text: owned() })
            }
        }
        Shape::Either { int, mark, last } => match column.role(mark) {
            Role::Group => value(text, &[int, last]),
            Role::Decimal if last == "000" => value(text, &[int]),
            Role::Decimal => Err(VotesError::Fractional { text: owned() }),
            Role::Unknown => Err(VotesError::Ambiguous { text: owned(), separator: mark }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The largest vote count, as users read it.
    const MAX_TEXT: &str = "18446744073709551615";

    /// `parse` with a column that settles nothing.
    fn alone(text: &str) -> Result<u64, String> {
        parse_votes(text).map_err(|e| e.to_string())
    }

    /// Reads every cell of a column, surveyed together.
    fn column(cells: &[&str]) -> Vec<Result<u64, String>> {
        parse_vote_column(cells).into_iter().map(|r| r.map_err(|e| e.to_string())).collect()
    }

    #[test]
    fn plain_digits() {
        assert_eq!(alone("0"), Ok(0));
        assert_eq!(alone(" 3431510 "), Ok(3_431_510));
        assert_eq!(alone("007"), Ok(7));
        assert_eq!(alone("18446744073709551615"), Ok(u64::MAX));
    }

    #[test]
    fn spaces_of_every_kind_group_thousands() {
        assert_eq!(alone("3 431 510"), Ok(3_431_510));
        assert_eq!(alone("3\u{a0}431\u{a0}510"), Ok(3_431_510));
        assert_eq!(alone("3\u{202f}431\u{202f}510"), Ok(3_431_510));
        assert_eq!(alone("3\u{2009}431 510"), Ok(3_431_510));
        assert_eq!(alone("693 938"), Ok(693_938));
        assert_eq!(alone("\u{a0}1 000\u{a0}"), Ok(1000));
    }

    #[test]
    fn apostrophes_group_thousands() {
        assert_eq!(alone("3'431'510"), Ok(3_431_510));
        assert_eq!(alone("3\u{2019}431\u{2019}510"), Ok(3_431_510));
        assert_eq!(alone("1'000"), Ok(1000));
    }

    #[test]
    fn repeated_commas_or_dots_group_thousands() {
        assert_eq!(alone("3,431,510"), Ok(3_431_510));
        assert_eq!(alone("3.431.510"), Ok(3_431_510));
        assert_eq!(alone("18,446,744,073,709,551,615"), Ok(u64::MAX));
    }

    #[test]
    fn a_decimal_mark_of_the_other_kind_settles_the_cell() {
        assert_eq!(alone("3,431,510.00"), Ok(3_431_510));
        assert_eq!(alone("3.431.510,0"), Ok(3_431_510));
        assert_eq!(alone("1 234,00"), Ok(1234));
        assert_eq!(alone("1,234.00"), Ok(1234));
        assert!(alone("1 234,5").unwrap_err().contains("fractional"));
        assert!(alone("1,234.5").unwrap_err().contains("fractional"));
    }

    #[test]
    fn whole_decimals_are_whole_and_fractions_are_refused() {
        assert_eq!(alone("3431510.0"), Ok(3_431_510));
        assert_eq!(alone("5,00"), Ok(5));
        assert!(alone("12.5").unwrap_err().contains("fractional"));
        assert!(alone("1,5").unwrap_err().contains("fractional"));
        assert!(alone("1234.567").unwrap_err().contains("fractional"));
        assert!(alone("0.500").unwrap_err().contains("fractional"));
    }

    #[test]
    fn a_lone_comma_or_dot_before_three_digits_is_ambiguous() {
        for text in ["1.234", "1,234", "123,456", "1,000"] {
            let err = alone(text).unwrap_err();
            assert!(err.contains("not a number that can be read safely"), "{err}");
            assert!(err.contains("separators") && err.contains(&format!("{text:?}")), "{err}");
        }
        let err = alone("1.234").unwrap_err();
        assert!(
            err.contains("the dot may separate thousands (1234) or be a decimal point")
                && err.contains("(1 234)"),
            "{err}"
        );
    }

    #[test]
    fn the_column_settles_a_lone_comma_or_dot() {
        // Another cell groups with the same mark.
        assert_eq!(column(&["1.234.567", "1.234"]), [Ok(1_234_567), Ok(1234)]);
        assert_eq!(column(&["1,234", "3,431,510"]), [Ok(1234), Ok(3_431_510)]);
        // Another cell uses the other mark as the decimal mark.
        assert_eq!(column(&["1,234", "5.0"]), [Ok(1234), Ok(5)]);
        // Another cell groups with the other mark: this one is a decimal.
        let r = column(&["1.234.567", "1,234"]);
        assert!(r[1].as_ref().unwrap_err().contains("fractional"), "{r:?}");
        assert_eq!(column(&["1.234.567", "1,000"])[1], Ok(1));
        // Another cell uses the same mark as a decimal.
        let r = column(&["12,5", "1,234"]);
        assert!(r[1].as_ref().unwrap_err().contains("fractional"), "{r:?}");
    }

    #[test]
    fn a_column_that_disagrees_settles_nothing() {
        let r = column(&["1,234,567", "12,5", "1,234"]);
        assert!(r[2].as_ref().unwrap_err().contains("read safely"), "{r:?}");
        let r = column(&["1.234.567", "1.5", "1.234"]);
        assert!(r[2].as_ref().unwrap_err().contains("read safely"), "{r:?}");
        // Spaces say nothing about commas.
        let r = column(&["1 234 567", "1,234"]);
        assert!(r[1].as_ref().unwrap_err().contains("read safely"), "{r:?}");
    }

    #[test]
    fn bad_groups_and_mixed_separators_are_refused() {
        for text in ["12 34", "1 2345", "1234 567", "1,23,456", "1.2.3"] {
            let err = alone(text).unwrap_err();
            assert!(err.contains("groups of three"), "{text}: {err}");
        }
        for text in ["1 234'567", "1.234 567", "1,234,567 000", "1.234,567.0"] {
            let err = alone(text).unwrap_err();
            assert!(err.contains("mix thousands separators"), "{text}: {err}");
        }
    }

    #[test]
    fn other_text_is_not_a_number() {
        for text in ["lots", "+5", "1e3", "5\0", "1  234", " ,5", "5.", "12%", "٣"] {
            let err = alone(text).unwrap_err();
            assert!(err.contains("not a number"), "{text}: {err}");
        }
        assert!(alone("").unwrap_err().contains("empty"));
        assert!(alone("  ").unwrap_err().contains("empty"));
    }

    #[test]
    fn negative_numbers_are_refused_in_every_style() {
        for text in ["-5", "- 5", "-1 234", "\u{2212}3,431,510", "-1.5"] {
            let err = alone(text).unwrap_err();
            assert!(err.contains("negative"), "{text}: {err}");
        }
    }

    #[test]
    fn overflow_at_two_to_the_sixty_four() {
        assert_eq!(alone("18 446 744 073 709 551 615"), Ok(u64::MAX));
        for text in [
            "18446744073709551616",
            "18 446 744 073 709 551 616",
            "18.446.744.073.709.551.616",
            "18'446'744'073'709'551'616,0",
            "99999999999999999999999999999",
        ] {
            let err = alone(text).unwrap_err();
            assert!(err.contains("too large") && err.contains(MAX_TEXT), "{text}: {err}");
        }
        assert_eq!(column(&["18.446.744.073.709.551", "18.446"]), [Ok(18_446_744_073_709_551), Ok(18_446)]);
    }

    /// `n` with its thousands joined by `sep`.
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

    proptest::proptest! {
        #[test]
        fn any_text_gives_a_number_or_a_message(text in "\\PC{0,24}", other in "[0-9., '\u{a0}-]{0,16}") {
            let column = Separators::survey([text.as_str(), other.as_str()]);
            for t in [&text, &other] {
                if let Err(e) = parse(t, column) {
                    proptest::prop_assert!(e.to_string().starts_with("votes "), "{}", e);
                }
            }
        }

        #[test]
        fn every_number_reads_back_in_every_unambiguous_style(n: u64) {
            for sep in ["", " ", "\u{a0}", "\u{202f}", "'"] {
                proptest::prop_assert_eq!(parse(&grouped(n, sep), Separators::default()), Ok(n));
            }
            for sep in [",", "."] {
                let text = grouped(n, sep);
                // Settled by the cell itself, or by a cell that groups twice.
                let column = Separators::survey([text.as_str(), &grouped(1_000_000, sep)]);
                proptest::prop_assert_eq!(parse(&text, column), Ok(n));
                if !(1000..1_000_000).contains(&n) {
                    proptest::prop_assert_eq!(parse(&text, Separators::default()), Ok(n));
                } else {
                    proptest::prop_assert!(parse(&text, Separators::default()).is_err());
                }
            }
        }
    }
}
