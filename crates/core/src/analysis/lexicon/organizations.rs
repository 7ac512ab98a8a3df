//! Well-known organisations (news agencies, international bodies, government
//! bodies, parties, companies), matched as written.

use super::table::{PhraseTable, rows};

/// A known organisation that a name or alias refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Organization {
    /// Its full name: `World Health Organization` for `WHO`.
    pub name: &'static str,
    /// media, international, government, military, political, company, education, civil, sports.
    pub category: &'static str,
    /// Matched by an alias rather than the full name.
    pub by_alias: bool,
}

pub(crate) fn load() -> PhraseTable<Organization> {
    let mut table = PhraseTable::new(false);
    for cols in rows(include_str!(
        "../../../../../assets/lexicon/organizations.tsv"
    )) {
        let (Some(name), Some(category)) = (cols.first(), cols.get(1)) else {
            continue;
        };
        let org = Organization {
            name,
            category,
            by_alias: false,
        };
        table.upsert(name, org, |_, _| {});
        let aliases = cols.get(2).map_or("", |a| a);
        for alias in aliases
            .split('|')
            .filter(|a| !a.is_empty() && !a.starts_with("the "))
        {
            // the first organisation listed keeps an alias two share (Pentagon)
            table.upsert(
                alias,
                Organization {
                    by_alias: true,
                    ..org
                },
                |_, _| {},
            );
        }
    }
    table
}
