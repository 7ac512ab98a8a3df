//! Given names, surnames and family-name-first traditions.
//!
//! Lookups ignore case (`KIM`, `Kim` and `kim` all match): whether a token
//! looks like a name (capitalised, not sentence-initial, ...) is the caller's call.

use super::memo;
use super::table::{FastMap, SortedTable, fold, indexed_table, rows, with_folded};

/// How common a given name is, as the share (in percent) of US men and of US
/// women bearing it in the 1990 Census. Names only the international list
/// holds get a nominal 0.005 for the sex they are given to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GivenName {
    pub male: f32,
    pub female: f32,
}

impl GivenName {
    /// Share of all people bearing the name, in percent.
    pub fn frequency(&self) -> f32 {
        (self.male + self.female) / 2.0
    }

    /// Probability that a bearer is a woman (0.5 when unknown).
    pub fn female_share(&self) -> f32 {
        let total = self.male + self.female;
        if total > 0.0 {
            self.female / total
        } else {
            0.5
        }
    }
}

/// A naming tradition that writes the family name first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tradition {
    Chinese,
    Korean,
    Vietnamese,
    Hungarian,
}

impl Tradition {
    fn parse(code: &str) -> Option<Self> {
        match code {
            "zh" => Some(Tradition::Chinese),
            "ko" => Some(Tradition::Korean),
            "vi" => Some(Tradition::Vietnamese),
            "hu" => Some(Tradition::Hungarian),
            _ => None,
        }
    }
}

pub(crate) struct Names {
    given: SortedTable,
    surnames: SortedTable,
    family_first: FastMap<String, Vec<Tradition>>,
}

impl Names {
    pub(crate) fn load() -> Self {
        let mut family_first: FastMap<String, Vec<Tradition>> = FastMap::default();
        for cols in rows(include_str!(
            "../../../../../assets/lexicon/family_first.tsv"
        )) {
            if let (Some(name), Some(t)) =
                (cols.first(), cols.get(1).and_then(|c| Tradition::parse(c)))
            {
                family_first.entry(name.to_lowercase()).or_default().push(t);
            }
        }
        Names {
            given: indexed_table!("given_names"),
            surnames: indexed_table!("surnames"),
            family_first,
        }
    }

    pub(crate) fn given(&self, name: &str) -> Option<GivenName> {
        memo::cached(&memo::GIVEN, name, || self.given_uncached(name))
    }

    fn given_uncached(&self, name: &str) -> Option<GivenName> {
        let mut cols = self.given.get(&fold(name))?;
        let male = cols.next()?.parse().ok()?;
        let female = cols.next()?.parse().ok()?;
        Some(GivenName { male, female })
    }

    pub(crate) fn surname(&self, name: &str) -> Option<f32> {
        memo::cached(&memo::SURNAME, name, || {
            self.surnames.get(&fold(name))?.next()?.parse().ok()
        })
    }

    pub(crate) fn family_first(&self, name: &str) -> &[Tradition] {
        with_folded(name, |key| self.family_first.get(key)).map_or(&[], Vec::as_slice)
    }

    pub(crate) fn sizes(&self) -> (usize, usize, usize) {
        (
            self.given.len(),
            self.surnames.len(),
            self.family_first.len(),
        )
    }
}
