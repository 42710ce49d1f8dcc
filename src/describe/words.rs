//! English words and numbers for people: thousands separators, plurals,
//! lists of names, percentages. One place for each, so that every table,
//! note and picture says things the same way.

pub use crate::numbers::{Thousands, thousands};

/// `""` for one, `"s"` otherwise: `format!("{n} seat{}", plural(n))`.
///
/// ```
/// use saylau::describe::words::plural;
/// assert_eq!(format!("1 seat{}, 2 seat{}", plural(1), plural(2)), "1 seat, 2 seats");
/// ```
pub fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// `count` and `noun`, with thousands separators and the plural when needed:
/// `counted(29, "seat")` is `"29 seats"`.
pub fn counted(count: u64, noun: &str) -> String {
    format!("{} {noun}{}", Thousands(count.into()), plural(count))
}

/// Names joined for a sentence: `A`, `A and B`, `A, B and C`; more than ten
/// are cut to the first ten and "and N others".
///
/// ```
/// use saylau::describe::words::join_names;
/// assert_eq!(join_names(["A", "B", "C"]), "A, B and C");
/// assert_eq!(join_names(["A"]), "A");
/// ```
pub fn join_names<I, S>(names: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    const SHOWN: usize = 10;
    let mut names = names.into_iter();
    let first: Vec<S> = names.by_ref().take(SHOWN).collect();
    let shown: Vec<&str> = first.iter().map(AsRef::as_ref).collect();
    let rest = names.count();
    match (shown.as_slice(), rest) {
        ([], _) => String::new(),
        ([one], 0) => (*one).to_string(),
        (many, 0) => format!("{} and {}", many[..many.len() - 1].join(", "), many[many.len() - 1]),
        (many, rest) => {
            format!("{} and {} other{}", many.join(", "), Thousands(rest as u128), plural(rest as u64))
        }
    }
}

/// `part` as a percentage of `whole`, with two decimals (`"53.90%"`); for
/// display only (no seat is decided by it). A zero whole gives `"0.00%"`.
pub fn percent(part: u128, whole: u128) -> String {
    format!("{:.2}%", share(part, whole))
}

/// `part` as a percentage of `whole`, as a float for display and JSON.
pub fn share(part: u128, whole: u128) -> f64 {
    if whole == 0 { 0.0 } else { part as f64 * 100.0 / whole as f64 }
}

/// A probability for people: `">99.9%"` and `"<0.1%"` at the ends (never a
/// certain-looking 100% or 0% unless it is exact), one decimal otherwise.
///
/// ```
/// use saylau::describe::words::probability;
/// assert_eq!(probability(1.0), "100%");
/// assert_eq!(probability(0.9996), ">99.9%");
/// assert_eq!(probability(0.5), "50.0%");
/// assert_eq!(probability(0.0004), "<0.1%");
/// assert_eq!(probability(0.0), "0%");
/// ```
pub fn probability(p: f64) -> String {
    if p >= 1.0 {
        "100%".into()
    } else if p <= 0.0 {
        "0%".into()
    } else if p > 0.999 {
        ">99.9%".into()
    } else if p < 0.001 {
        "<0.1%".into()
    } else {
        format!("{:.1}%", p * 100.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_every_three_digits() {
        assert_eq!(thousands(0u32), "0");
        assert_eq!(thousands(1_000u32), "1,000");
        assert_eq!(thousands(6_366_441u64), "6,366,441");
        assert_eq!(thousands(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(format!("{:>8}", Thousands(1234)), "   1,234");
    }

    #[test]
    fn names_are_cut_after_ten() {
        let names: Vec<String> = (0..12).map(|i| format!("P{i}")).collect();
        assert_eq!(join_names(&names), "P0, P1, P2, P3, P4, P5, P6, P7, P8, P9 and 2 others");
        assert_eq!(join_names(["A", "B"]), "A and B");
        assert_eq!(join_names(Vec::<String>::new()), "");
    }

    #[test]
    fn counted_uses_plural_and_separators() {
        assert_eq!(counted(1, "seat"), "1 seat");
        assert_eq!(counted(1_500, "vote"), "1,500 votes");
    }
}
