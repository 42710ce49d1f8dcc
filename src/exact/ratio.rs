//! Exact non-negative fractions read from decimal text.

use std::fmt;
use std::str::FromStr;

use crate::arith::{cmp_products, gcd};
use crate::error::{Error, Result};

/// Most digits after the decimal point that [`Ratio`] reads (`10^30 < 2^100`).
const MAX_DECIMALS: usize = 30;

/// An exact non-negative fraction `numer / denom`, kept in lowest terms.
///
/// Thresholds and divisor parameters are ratios so that no float ever
/// decides a seat: `"4.99"` is read as 499/100, not as the nearest `f64`.
///
/// # Example
///
/// ```
/// # use saylau::Ratio;
/// let r: Ratio = "4.99".parse()?;
/// assert_eq!((r.numer(), r.denom()), (499, 100));
/// assert_eq!(Ratio::new(6, 4)?, Ratio::new(3, 2)?);
/// assert_eq!(r.to_string(), "4.99");
/// # Ok::<(), saylau::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Ratio {
    numer: u128,
    denom: u128,
}

impl Ratio {
    /// Zero.
    pub const ZERO: Ratio = Ratio { numer: 0, denom: 1 };

    /// The fraction `numer / denom` in lowest terms.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidNumber`] if `denom` is zero.
    pub fn new(numer: u128, denom: u128) -> Result<Ratio> {
        if denom == 0 {
            return Err(Error::InvalidNumber {
                value: format!("{numer}/{denom}"),
                reason: "the denominator is zero",
            });
        }
        let g = gcd(numer, denom).max(1);
        Ok(Ratio { numer: numer / g, denom: denom / g })
    }

    /// `numer / denom` with no reduction; the caller guarantees lowest terms.
    pub(crate) const fn from_parts(numer: u128, denom: u128) -> Ratio {
        Ratio { numer, denom }
    }

    /// The whole number `n`.
    pub const fn integer(n: u64) -> Ratio {
        Ratio { numer: n as u128, denom: 1 }
    }

    /// The numerator, in lowest terms.
    pub const fn numer(&self) -> u128 {
        self.numer
    }

    /// The denominator, in lowest terms (never zero).
    pub const fn denom(&self) -> u128 {
        self.denom
    }

    /// The nearest `f64`, for display only.
    pub fn to_f64(&self) -> f64 {
        self.numer as f64 / self.denom as f64
    }
}

impl PartialOrd for Ratio {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ratio {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        cmp_products(self.numer, other.denom, other.numer, self.denom)
    }
}

impl FromStr for Ratio {
    type Err = Error;

    /// Reads a plain decimal (`"5"`, `"4.99"`, `"0.5"`, `".5"`) or a fraction
    /// `"a/b"`. Signs, exponents, `NaN` and `inf` are rejected.
    fn from_str(s: &str) -> Result<Ratio> {
        let bad = |reason| Error::InvalidNumber { value: s.to_string(), reason };
        let t = s.trim();
        if t.is_empty() {
            return Err(bad("it is empty"));
        }
        if let Some((n, d)) = t.split_once('/') {
            let n = parse_digits(n.trim()).ok_or_else(|| bad("expected digits before '/'"))?;
            let d = parse_digits(d.trim()).ok_or_else(|| bad("expected digits after '/'"))?;
            if d == 0 {
                return Err(bad("the denominator is zero"));
            }
            return Ratio::new(n, d);
        }
        let (int, frac) = t.split_once('.').unwrap_or((t, ""));
        if int.is_empty() && frac.is_empty() {
            return Err(bad("expected digits"));
        }
        if !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return Err(bad("expected a plain decimal such as 5 or 4.99"));
        }
        let frac = frac.trim_end_matches('0');
        if frac.len() > MAX_DECIMALS {
            return Err(bad("more than 30 digits after the decimal point"));
        }
        let denom = 10u128.pow(frac.len() as u32);
        let int_part = if int.is_empty() { 0 } else { parse_digits(int).ok_or_else(|| bad("too large"))? };
        let frac_part =
            if frac.is_empty() { 0 } else { parse_digits(frac).ok_or_else(|| bad("too large"))? };
        let numer = int_part
            .checked_mul(denom)
            .and_then(|x| x.checked_add(frac_part))
            .ok_or_else(|| bad("too large"))?;
        Ratio::new(numer, denom)
    }
}

fn parse_digits(s: &str) -> Option<u128> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl fmt::Display for Ratio {
    /// Exact decimal when the denominator divides a power of ten, else `n/d`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (mut d, mut twos, mut fives) = (self.denom, 0u32, 0u32);
        while d % 2 == 0 {
            d /= 2;
            twos += 1;
        }
        while d % 5 == 0 {
            d /= 5;
            fives += 1;
        }
        if d != 1 {
            return write!(f, "{}/{}", self.numer, self.denom);
        }
        let places = twos.max(fives);
        if places == 0 {
            return write!(f, "{}", self.numer);
        }
        // denom * scale == 10^places; places <= 127 keeps this in range for
        // any denominator that fits u128 once overflow is checked.
        let Some(scale) = 10u128.checked_pow(places).map(|p| p / self.denom) else {
            return write!(f, "{}/{}", self.numer, self.denom);
        };
        let Some(scaled) = self.numer.checked_mul(scale) else {
            return write!(f, "{}/{}", self.numer, self.denom);
        };
        let pow = 10u128.pow(places);
        write!(f, "{}.{:0width$}", scaled / pow, scaled % pow, width = places as usize)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Ratio {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Ratio {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Ratio;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a non-negative decimal number or a string such as \"4.99\"")
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> std::result::Result<Ratio, E> {
                Ok(Ratio::integer(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> std::result::Result<Ratio, E> {
                u64::try_from(v).map(Ratio::integer).map_err(|_| E::custom(format!("{v} is negative")))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> std::result::Result<Ratio, E> {
                // A JSON number such as 4.99 arrives as the nearest f64; its
                // shortest round-trip text is the decimal the user wrote.
                if !v.is_finite() || v < 0.0 {
                    return Err(E::custom(format!("{v} is not a non-negative number")));
                }
                if v >= 1e30 {
                    return Err(E::custom(format!("{v:e} is too large")));
                }
                let text = format!("{v}");
                text.parse().map_err(E::custom)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<Ratio, E> {
                v.parse().map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_decimals_exactly() {
        assert_eq!("5".parse::<Ratio>().unwrap(), Ratio::integer(5));
        assert_eq!("5.000".parse::<Ratio>().unwrap(), Ratio::integer(5));
        assert_eq!(".5".parse::<Ratio>().unwrap(), Ratio::new(1, 2).unwrap());
        assert_eq!("1.4".parse::<Ratio>().unwrap(), Ratio::new(7, 5).unwrap());
        assert_eq!("7/5".parse::<Ratio>().unwrap(), Ratio::new(7, 5).unwrap());
        assert_eq!(" 0.1 ".parse::<Ratio>().unwrap(), Ratio::new(1, 10).unwrap());
    }

    #[test]
    fn rejects_what_is_not_a_plain_decimal() {
        for bad in ["", "-1", "+1", "1e3", "NaN", "inf", "1.2.3", ".", "abc", "1/0", "5%", "1,5"] {
            assert!(bad.parse::<Ratio>().is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn displays_exact_decimals() {
        assert_eq!(Ratio::new(499, 100).unwrap().to_string(), "4.99");
        assert_eq!(Ratio::new(1, 8).unwrap().to_string(), "0.125");
        assert_eq!(Ratio::new(1, 3).unwrap().to_string(), "1/3");
        assert_eq!(Ratio::integer(100).to_string(), "100");
    }

    #[test]
    fn orders_exactly() {
        let a: Ratio = "4.999999999999999999999".parse().unwrap();
        assert!(a < Ratio::integer(5));
        assert!(Ratio::new(1, 3).unwrap() > Ratio::new(333, 1000).unwrap());
    }
}
