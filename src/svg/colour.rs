//! Colours: fixed ones for the Kazakh parties, a stable pick from the
//! palette for any other name, greys for self-nominated members and empty
//! seats.

use super::error::{Error, Result};

/// The colours for parties without a fixed colour (see [colours](super#colours)).
/// Each has a contrast of at least 3:1 against white, and none is one of
/// the fixed party colours.
pub const PALETTE: [&str; 8] = [
    "#332288", // Tol indigo
    "#882255", // Tol wine
    "#999933", // Tol olive
    "#cc79a7", // Okabe-Ito reddish purple
    "#2b8c83", // teal
    "#c51b7d", // ColorBrewer magenta
    "#5a6bb0", // slate blue
    "#7f3b08", // ColorBrewer dark brown
];

/// The colour of self-nominated members: a mid grey, filled (3.5:1
/// against white).
pub const SELF_NOMINATED_COLOUR: &str = "#888888";

/// The colour of empty seats, vacant or undecided: a dark grey outline
/// around a white dot (7.5:1 against white), darker than
/// [`SELF_NOMINATED_COLOUR`] so that the two never look alike.
pub const EMPTY_SEAT_COLOUR: &str = "#555555";

/// The fixed colour of a registered Kazakh party, if `name` is one (any of
/// its names: see [`crate::party`]).
fn fixed(name: &str) -> Option<&'static str> {
    crate::party::find(name).map(|p| p.colour)
}

/// The 64-bit FNV-1a hash of `bytes` (written out: the same on every
/// platform and in every run, unlike the standard library's hasher).
fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A name as hashed: trimmed, lower case, runs of white space as one space.
fn normalised(name: &str) -> String {
    name.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

/// The palette position a name prefers.
fn slot(name: &str) -> usize {
    (fnv1a(normalised(name).as_bytes()) % PALETTE.len() as u64) as usize
}

/// The colour of party `name`, whatever its position in a file or a
/// picture: the fixed colour of a Kazakh party (Amanat, Auyl, Respublica,
/// Ak Zhol, the People's Party of Kazakhstan, the National Social
/// Democratic Party, Baytaq; matched case-insensitively, with common short
/// names such as "QHP" and "OSDP"), and for any other name a colour of
/// [`PALETTE`] picked by a stable hash of the name (trimmed, in lower
/// case).
///
/// Two other parties may prefer the same palette colour; a picture then
/// moves one of them to the next free colour (see [colours](super#colours)).
///
/// ```
/// use saylau::svg::{PALETTE, party_colour};
///
/// assert_eq!(party_colour("Amanat"), party_colour("AMANAT"));
/// assert_eq!(party_colour("People's Party of Kazakhstan"), party_colour("QHP"));
/// assert_eq!(party_colour("Ak Zhol"), party_colour("ak-zhol"));
/// assert_eq!(party_colour("Green  Party"), party_colour(" green party"));
/// assert!(PALETTE.contains(&party_colour("Green Party")));
/// assert!(!PALETTE.contains(&party_colour("Amanat")));
/// ```
pub fn party_colour(name: &str) -> &'static str {
    fixed(name).unwrap_or_else(|| PALETTE[slot(name)])
}

/// Checks a `#rgb` or `#rrggbb` colour for `label` and gives it in lower
/// case.
pub(crate) fn check_colour(label: &str, colour: &str) -> Result<String> {
    let hex = colour.strip_prefix('#').unwrap_or("");
    if colour.starts_with('#') && matches!(hex.len(), 3 | 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(colour.to_ascii_lowercase())
    } else {
        Err(Error::InvalidColour { label: label.to_string(), colour: colour.to_string() })
    }
}

/// The colours of the parties of one picture, `(name, colour given)` each:
/// the colour given (checked), else [`party_colour`]; where two parties
/// without a fixed colour prefer the same palette colour, or one already
/// given, the one whose normalised name comes later (by hash, then name)
/// takes the next free palette colour. The result depends only on the set
/// of parties, never on their order.
pub(crate) fn assign(parties: &[(&str, Option<&str>)]) -> Result<Vec<String>> {
    let mut colours: Vec<Option<String>> = Vec::with_capacity(parties.len());
    let mut used = [false; PALETTE.len()];
    for (name, given) in parties {
        let c = match given {
            Some(c) => Some(check_colour(name, c)?),
            None => fixed(name).map(str::to_string),
        };
        if let Some(c) = &c
            && let Some(k) = PALETTE.iter().position(|p| p == c)
        {
            used[k] = true;
        }
        colours.push(c);
    }
    let mut rest: Vec<(u64, String, usize)> = colours
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_none())
        .map(|(i, _)| {
            let n = normalised(parties[i].0);
            (fnv1a(n.as_bytes()), n, i)
        })
        .collect();
    rest.sort();
    let mut given_to: Vec<(String, usize)> = Vec::new();
    for (h, n, i) in rest {
        // The same name twice takes the same colour.
        if let Some((_, k)) = given_to.iter().find(|(m, _)| *m == n) {
            colours[i] = Some(PALETTE[*k].to_string());
            continue;
        }
        let start = (h % PALETTE.len() as u64) as usize;
        let k = (0..PALETTE.len()).map(|d| (start + d) % PALETTE.len()).find(|&k| !used[k]).unwrap_or(start);
        used[k] = true;
        given_to.push((n, k));
        colours[i] = Some(PALETTE[k].to_string());
    }
    Ok(colours.into_iter().map(Option::unwrap_or_default).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_colours() {
        assert_eq!(check_colour("a", "#ABC").unwrap(), "#abc");
        assert_eq!(check_colour("a", "#00ff7F").unwrap(), "#00ff7f");
        for bad in ["", "#", "abc", "#abcd", "#ggg", "red", "#12345", "#1234567", "##abc"] {
            assert!(matches!(check_colour("a", bad), Err(Error::InvalidColour { .. })), "{bad}");
        }
    }

    #[test]
    fn fixed_colours_are_apart() {
        let colours: Vec<&str> = crate::party::PARTIES.iter().map(|p| p.colour).collect();
        for (i, c) in colours.iter().enumerate() {
            assert!(!PALETTE.contains(c));
            assert!(!colours[i + 1..].contains(c));
            assert_ne!(*c, SELF_NOMINATED_COLOUR);
            assert_ne!(*c, EMPTY_SEAT_COLOUR);
        }
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn assignment_ignores_order_and_avoids_clashes() {
        let names: Vec<String> = (0..8).map(|i| format!("Party {i}")).collect();
        let forward: Vec<(&str, Option<&str>)> = names.iter().map(|n| (n.as_str(), None)).collect();
        let mut backward = forward.clone();
        backward.reverse();
        let a = assign(&forward).unwrap();
        let mut b = assign(&backward).unwrap();
        b.reverse();
        assert_eq!(a, b);
        let mut distinct = a.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), a.len());
    }
}
