//! The registry of Kazakh parties: the names each goes by (Kazakh, Russian,
//! English, short names, and former names after a renaming) and one colour
//! each, so that a party is the same party, and the same colour, in every
//! election, file and picture.
//!
//! Names are compared as [`key`] gives them: lower case, letters and digits
//! only, so "Ak Zhol", "AK-ZHOL" and "ak zhol" are one name.
//!
//! Renamings recorded: Nur Otan became Amanat (congress of 1 March 2022);
//! the Communist People's Party of Kazakhstan became the People's Party of
//! Kazakhstan (QHP, 2020); the National Social Democratic Party (NSDP) goes by
//! OSDP and JSDP, its Russian and Kazakh abbreviations.
//!
//! ```
//! use saylau::party;
//! let a = party::find("Nur Otan").unwrap();
//! assert_eq!(a.name, "Amanat");
//! assert_eq!(party::find("Аманат").map(|p| p.id), Some("amanat"));
//! assert!(party::same("Communist People's Party of Kazakhstan", "QHP"));
//! assert!(party::find("Green Party").is_none());
//! ```

/// A registered party.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Party {
    /// A stable identifier (`"amanat"`).
    pub id: &'static str,
    /// The current name in English.
    pub name: &'static str,
    /// The current name in Kazakh.
    pub kazakh: &'static str,
    /// The current name in Russian.
    pub russian: &'static str,
    /// Short names and other spellings.
    pub short: &'static [&'static str],
    /// Former names, with the year the party stopped using each.
    pub former: &'static [(&'static str, u16)],
    /// Its colour in every picture (`#rrggbb`; colour-blind safe against the
    /// other registered parties, with the largest ones clearly apart).
    pub colour: &'static str,
}

impl Party {
    /// Every name the party goes by.
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        [self.name, self.kazakh, self.russian]
            .into_iter()
            .chain(self.short.iter().copied())
            .chain(self.former.iter().map(|(n, _)| *n))
    }
}

/// The registered parties: those that took part in Mazhilis elections since
/// 2016, under their current names.
pub const PARTIES: [Party; 8] = [
    Party {
        id: "amanat",
        name: "Amanat",
        kazakh: "Аманат",
        russian: "Аманат",
        short: &["Amanat Party"],
        former: &[("Nur Otan", 2022), ("Нұр Отан", 2022), ("Нур Отан", 2022)],
        colour: "#1c5aa6",
    },
    Party {
        id: "auyl",
        name: "Auyl",
        kazakh: "Ауыл",
        russian: "Ауыл",
        short: &["Auyl People's Democratic Patriotic Party", "Auyl Party"],
        former: &[],
        colour: "#a07800",
    },
    Party {
        id: "respublica",
        name: "Respublica",
        kazakh: "Respublica",
        russian: "Республика",
        short: &["Respublika", "Respublica Party"],
        former: &[],
        colour: "#d55e00",
    },
    Party {
        id: "ak-zhol",
        name: "Ak Zhol",
        kazakh: "Ақ жол",
        russian: "Ак жол",
        short: &["Ak Zhol Democratic Party", "Ak Zhol Party"],
        former: &[],
        colour: "#2f8fcf",
    },
    Party {
        id: "qhp",
        name: "People's Party of Kazakhstan",
        kazakh: "Қазақстан Халық партиясы",
        russian: "Народная партия Казахстана",
        short: &["QHP", "KHP", "Kazakhstan People's Party", "ҚХП"],
        former: &[
            ("Communist People's Party of Kazakhstan", 2020),
            ("Коммунистическая народная партия Казахстана", 2020),
            ("KNPK", 2020),
        ],
        colour: "#b2182b",
    },
    Party {
        id: "nsdp",
        name: "National Social Democratic Party",
        kazakh: "Жалпыұлттық социал-демократиялық партия",
        russian: "Общенациональная социал-демократическая партия",
        short: &[
            "OSDP",
            "JSDP",
            "NSDP",
            "ОСДП",
            "ЖСДП",
            "Nationwide Social Democratic Party",
            "All-National Social Democratic Party",
            "OSDP (Nationwide Social Democratic Party)",
        ],
        former: &[],
        colour: "#6a3d9a",
    },
    Party {
        id: "baytaq",
        name: "Baytaq",
        kazakh: "Байтақ",
        russian: "Байтак",
        short: &["Baitaq", "Green Party Baytaq", "Baytaq Party"],
        former: &[],
        colour: "#009e73",
    },
    Party {
        id: "birlik",
        name: "Birlik",
        kazakh: "Бірлік",
        russian: "Бирлик",
        short: &["Birlik Party"],
        former: &[],
        colour: "#666699",
    },
];

/// A name as compared with the registered names: lower case, letters and
/// digits only.
pub fn key(name: &str) -> String {
    name.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The registered party that goes by `name` (current, former, short, in any
/// of its languages), if any.
pub fn find(name: &str) -> Option<&'static Party> {
    let k = key(name);
    if k.is_empty() {
        return None;
    }
    PARTIES.iter().find(|p| p.names().any(|n| key(n) == k))
}

/// Do the two names mean the same party: the same registered party, or the
/// same name (compared as [`key`] does) outside the registry?
pub fn same(a: &str, b: &str) -> bool {
    match (find(a), find(b)) {
        (Some(x), Some(y)) => x.id == y.id,
        (None, None) => key(a) == key(b) && !key(a).is_empty(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_belongs_to_one_party_and_colours_differ() {
        let mut seen = std::collections::HashMap::new();
        for p in &PARTIES {
            for n in p.names() {
                if let Some(other) = seen.insert(key(n), p.id) {
                    assert_eq!(other, p.id, "{n} names two parties");
                }
            }
        }
        let colours: std::collections::HashSet<&str> = PARTIES.iter().map(|p| p.colour).collect();
        assert_eq!(colours.len(), PARTIES.len());
    }

    #[test]
    fn renamed_parties_are_found_by_their_former_names() {
        assert_eq!(find("NUR OTAN").map(|p| p.id), Some("amanat"));
        assert_eq!(find("Communist People's Party of Kazakhstan").map(|p| p.id), Some("qhp"));
        assert!(same("OSDP", "National Social Democratic Party"));
        assert!(same("Green Party", "green party"));
        assert!(!same("Amanat", "Auyl"));
        assert!(!same("", ""));
    }
}
