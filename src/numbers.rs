//! Whole numbers for people, with thousands separators: the one way every
//! layer that speaks to people (messages, pictures, views) writes them.

use std::fmt;

/// A whole number with thousands separators: `3431510` shows as
/// `3,431,510`.
///
/// ```
/// use saylau::describe::words::Thousands;
/// assert_eq!(Thousands(3_431_510).to_string(), "3,431,510");
/// assert_eq!(Thousands(999).to_string(), "999");
/// assert_eq!(Thousands(u128::MAX).to_string().len(), 39 + 12);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Thousands(pub u128);

impl fmt::Display for Thousands {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        f.pad(&out)
    }
}

/// `n` with thousands separators (see [`Thousands`]).
#[cfg_attr(not(any(feature = "describe", feature = "serde")), allow(dead_code))]
pub fn thousands(n: impl Into<u128>) -> String {
    Thousands(n.into()).to_string()
}
