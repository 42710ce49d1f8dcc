//! Exact wide arithmetic for comparing products of two `u128` factors.
//!
//! Every seat decision in saylau compares two fractions `a / b` and `c / d` by
//! cross-multiplication, `a * d` against `c * b`. Each factor fits in `u128`,
//! so each product fits in 256 bits; this module computes those products
//! exactly and compares them, with a fast path when both fit in `u128`.

use std::cmp::Ordering;

const LOW: u128 = u64::MAX as u128;

/// The full 256-bit product of `a` and `b`, as `(high, low)` halves.
#[inline]
pub(crate) fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    let (a1, a0) = (a >> 64, a & LOW);
    let (b1, b0) = (b >> 64, b & LOW);
    let p00 = a0 * b0;
    let p01 = a0 * b1;
    let p10 = a1 * b0;
    let p11 = a1 * b1;
    // Each term is below 2^64, so the sum of three is below 2^66.
    let mid = (p00 >> 64) + (p01 & LOW) + (p10 & LOW);
    let low = (p00 & LOW) | (mid << 64);
    let high = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (high, low)
}

/// Compares `a * b` with `c * d` exactly.
#[inline]
pub(crate) fn cmp_products(a: u128, b: u128, c: u128, d: u128) -> Ordering {
    if (a | b | c | d) >> 64 == 0 {
        // 64 x 64 -> 128-bit products: one multiply instruction each.
        let (a, b, c, d) = (a as u64, b as u64, c as u64, d as u64);
        return (a as u128 * b as u128).cmp(&(c as u128 * d as u128));
    }
    match (a.checked_mul(b), c.checked_mul(d)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => mul_wide(a, b).cmp(&mul_wide(c, d)),
    }
}

/// Greatest common divisor (Euclid); `gcd(0, 0) == 0`.
pub(crate) fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mul_wide_matches_u128_when_it_fits() {
        for &(a, b) in
            &[(0u128, 0u128), (1, u64::MAX as u128), (u64::MAX as u128, u64::MAX as u128), (12345, 67890)]
        {
            assert_eq!(mul_wide(a, b), (0, a * b));
        }
    }

    #[test]
    fn mul_wide_of_maxima() {
        // (2^128 - 1)^2 = 2^256 - 2^129 + 1: high = 2^128 - 2, low = 1.
        assert_eq!(mul_wide(u128::MAX, u128::MAX), (u128::MAX - 1, 1));
        // 2^64 * 2^64 = 2^128: high = 1, low = 0.
        assert_eq!(mul_wide(1 << 64, 1 << 64), (1, 0));
        // (2^127) * 4 = 2^129.
        assert_eq!(mul_wide(1 << 127, 4), (2, 0));
    }

    #[test]
    fn cmp_products_beyond_u128() {
        let big = u128::MAX;
        assert_eq!(cmp_products(big, big - 1, big - 1, big), Ordering::Equal);
        assert_eq!(cmp_products(big, big, big - 1, big), Ordering::Greater);
        assert_eq!(cmp_products(big - 1, big, big, big), Ordering::Less);
        // Differ only in the lowest bit of a 256-bit product.
        assert_eq!(cmp_products(1 << 100, (1 << 100) + 1, 1 << 101, 1 << 99), Ordering::Greater);
    }

    #[test]
    fn gcd_basics() {
        assert_eq!(gcd(0, 0), 0);
        assert_eq!(gcd(12, 18), 6);
        assert_eq!(gcd(7, 0), 7);
    }
}
