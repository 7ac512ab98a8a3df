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

/// The ASCII beginnings of the organisations' names of several words
/// (`State` of `State Department`), lowercased, as a bitmap of their first,
/// second and last bytes and length: a word whose bit is clear begins no
/// such name when capitalised, told without hashing it (most words of a
/// text). A set bit says "maybe".
pub(crate) struct Beginnings {
    bits: Box<[u64]>,
}

impl Beginnings {
    const BITS: usize = 1 << 16;

    pub(crate) fn of(table: &PhraseTable<Organization>) -> Self {
        let mut bits = vec![0u64; Self::BITS / 64].into_boxed_slice();
        for key in table.beginnings().filter(|k| k.is_ascii()) {
            let bit = Self::bit(&key.to_ascii_lowercase());
            bits[bit / 64] |= 1 << (bit % 64);
        }
        Beginnings { bits }
    }

    fn bit(word: &str) -> usize {
        let b = word.as_bytes();
        let byte = |i: usize| b.get(i).map_or(0, |&c| usize::from(c & 0x7f));
        let last = b.last().map_or(0, |&c| usize::from(c & 0x7f));
        let mixed = ((byte(0) * 31 + byte(1)) * 31 + last) * 16 + b.len().min(15);
        mixed % Self::BITS
    }

    /// Whether an ASCII word in lowercase may begin an organisation's name
    /// of several words once capitalised (`false`: it begins none).
    pub(crate) fn may_begin(&self, lowercase_ascii: &str) -> bool {
        let bit = Self::bit(lowercase_ascii);
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

pub(crate) fn load() -> PhraseTable<Organization> {
    let mut table = PhraseTable::new(false);
    for cols in rows(include_str!("../../../assets/lexicon/organizations.tsv")) {
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
