//! Party names across a scenario: a district candidate's party that is not
//! among the lists but is within a typing slip of one of their names
//! ("Amanatt" for "Amanat") is refused with a suggestion, rather than
//! silently becoming a new party.

use crate::district::District;
use crate::error::{Error, Result};
use crate::system::PartyList;

/// The edits (insertions, deletions, substitutions of a character) that
/// turn `a` into `b`.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The list name `party` is most likely a slip for, if any: the same name
/// in another case or spacing, or one or two characters away from a name
/// of at least 5 or 10 characters (short names such as "Aul" and "Auyl"
/// can be different parties).
pub fn close_list_name<'a>(party: &str, lists: &'a [PartyList]) -> Option<&'a str> {
    let squeeze = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let given = squeeze(party);
    lists
        .iter()
        .map(|l| l.party.trim())
        .filter(|name| *name != party.trim())
        .map(|name| (edit_distance(&given, &squeeze(name)), name))
        .filter(|&(d, name)| {
            let len = name.chars().count();
            d == 0 || (d == 1 && len >= 5) || (d == 2 && len >= 10)
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, name)| name)
}

/// Refuses a district candidate whose party is not a list's name but is
/// close to one.
///
/// # Errors
///
/// [`Error::PartyNameSlip`] naming the district, the candidate, the party
/// as written and the list name meant.
pub fn check_candidate_parties(lists: &[PartyList], districts: &[District]) -> Result<()> {
    for d in districts {
        for c in &d.candidates {
            let Some(party) = c.party.as_deref().map(str::trim).filter(|p| !p.is_empty()) else { continue };
            if lists.iter().any(|l| l.party.trim() == party) {
                continue;
            }
            if let Some(meant) = close_list_name(party, lists) {
                return Err(Error::PartyNameSlip {
                    district: d.name.trim().to_string(),
                    candidate: c.name.trim().to_string(),
                    party: party.to_string(),
                    suggestion: meant.to_string(),
                });
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(names: &[&str]) -> Vec<PartyList> {
        names.iter().map(|&n| PartyList { party: n.into(), votes: 1, candidates: None }).collect()
    }

    #[test]
    fn slips_are_caught_and_different_parties_are_not() {
        let l = lists(&["Amanat", "Auyl", "People's Party of Kazakhstan"]);
        assert_eq!(close_list_name("Amanatt", &l), Some("Amanat"));
        assert_eq!(close_list_name("amanat", &l), Some("Amanat"));
        assert_eq!(close_list_name("Peoples Party of Kazakhstn", &l), Some("People's Party of Kazakhstan"));
        assert_eq!(close_list_name("Aul", &l), None);
        assert_eq!(close_list_name("Respublica", &l), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
