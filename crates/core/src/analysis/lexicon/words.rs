//! Ordinary English words and calendar words.

use super::memo;
use super::table::{PhraseTable, SortedTable, fold, indexed_table, rows};

/// How common an English word is (looked up in lowercase).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// 1 = among the most common words (SCOWL size 35), 2 = common (size 50),
    /// 3 = known but rarer (size 70), 4 = only seen in the GUM corpus.
    pub tier: u8,
    /// How often the GUM train corpus (76,760 tokens) writes it in lowercase.
    pub gum_count: u32,
}

impl Word {
    /// A word any reader knows: tier 1 or 2.
    pub fn is_common(&self) -> bool {
        self.tier <= 2
    }
}

/// What kind of calendar word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarKind {
    Weekday,
    Month,
    Holiday,
    /// An era written after a year: `BC`, `BCE`, `AD`, `CE`.
    Era,
}

/// A weekday, month or holiday name, or an abbreviation of one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CalendarWord {
    pub kind: CalendarKind,
    /// The full form: `Dec.` → `December`.
    pub canonical: &'static str,
    /// Also an ordinary word or a given name (`May`, `March`, `Sun.`).
    pub ambiguous: bool,
}

pub(crate) struct Words {
    words: SortedTable,
    calendar: PhraseTable<CalendarWord>,
}

impl Words {
    pub(crate) fn load() -> Self {
        let mut calendar = PhraseTable::new(false);
        for cols in rows(include_str!("../../../../../assets/lexicon/calendar.tsv")) {
            let kind = match cols.get(1).copied() {
                Some("weekday") => CalendarKind::Weekday,
                Some("month") => CalendarKind::Month,
                Some("holiday") => CalendarKind::Holiday,
                Some("era") => CalendarKind::Era,
                _ => continue,
            };
            let (Some(word), Some(canonical)) = (cols.first(), cols.get(2)) else {
                continue;
            };
            let entry = CalendarWord {
                kind,
                canonical,
                ambiguous: cols.get(3) == Some(&"1"),
            };
            calendar.upsert(word, entry, |_, _| {});
            calendar.upsert(&word.to_uppercase(), entry, |_, _| {});
        }
        Words {
            words: indexed_table!("words"),
            calendar,
        }
    }

    pub(crate) fn word(&self, word: &str) -> Option<Word> {
        memo::cached(&memo::WORD, word, || {
            let mut cols = self.words.get(&fold(word))?;
            let tier = cols.next()?.parse().ok()?;
            let gum_count = cols.next()?.parse().ok()?;
            Some(Word { tier, gum_count })
        })
    }

    pub(crate) fn calendar(&self) -> &PhraseTable<CalendarWord> {
        &self.calendar
    }

    pub(crate) fn sizes(&self) -> (usize, usize) {
        (self.words.len(), self.calendar.len())
    }
}
