//! Zero-copy lookup tables over the embedded text assets.
//!
//! A [`SortedTable`] is a TSV file sorted by its first column, searched
//! through a static hash index (`index.rs`).
//! A [`PhraseTable`] maps short phrases ("Secretary of State") to values and
//! finds the longest phrase at the start of a token sequence.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// A hash map with a fast hasher and a fixed seed (deterministic), for
/// lookups that run once per word.
pub(crate) type FastMap<K, V> = HashMap<K, V, foldhash::fast::FixedState>;
/// A hash set with a fast hasher and a fixed seed.
pub(crate) type FastSet<T> = HashSet<T, foldhash::fast::FixedState>;

use super::index::{self, Index};

/// The lines of a TSV asset sorted by their first column, searchable by it
/// through a hash index ([`Index`]). The text stays where it is (compiled in).
pub(crate) struct SortedTable {
    text: &'static str,
    index: Index,
}

impl SortedTable {
    /// A table whose index is built now.
    #[cfg(test)]
    pub(crate) fn new(text: &'static str) -> Self {
        Self::with_index(text, Cow::Owned(index::build(text)))
    }

    /// A table with the index `build.rs` made of it (see `index.rs`).
    pub(crate) fn with_index(text: &'static str, index: Cow<'static, [u8]>) -> Self {
        let index = Index::new(index).unwrap_or_else(|| {
            // not reachable with the compiled-in indexes; correct all the same
            Index::new(Cow::Owned(index::build(text))).expect("a freshly built index is valid")
        });
        SortedTable { text, index }
    }

    /// Number of data lines.
    pub(crate) fn len(&self) -> usize {
        self.index.lines()
    }

    /// The line starting at byte `start`, without its newline.
    pub(crate) fn line_at(&self, start: usize) -> Option<&'static str> {
        line_at(self.text, start)
    }

    /// The lines whose first column equals `key`, in file order.
    pub(crate) fn find<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        let starts_with_key = |at: usize| {
            let rest = self.text.as_bytes().get(at..).unwrap_or_default();
            rest.starts_with(key.as_bytes())
                && matches!(rest.get(key.len()), None | Some(b'\t' | b'\n'))
        };
        let first = self.index.candidates(key).find(|&at| starts_with_key(at));
        let mut at = first.unwrap_or(self.text.len());
        std::iter::from_fn(move || {
            let line = self.line_at(at).filter(|l| !l.is_empty())?;
            at += line.len() + 1;
            Some(line)
        })
        .take_while(move |line| index::key_of(line) == key)
    }

    /// The other columns of the first line whose first column equals `key`.
    pub(crate) fn get(&self, key: &str) -> Option<std::str::Split<'static, char>> {
        self.find(key).next().map(|line| {
            let mut cols = line.split('\t');
            cols.next();
            cols
        })
    }
}

/// The line of `text` starting at byte `start`, without its newline.
pub(crate) fn line_at(text: &'static str, start: usize) -> Option<&'static str> {
    let rest = text.get(start..)?;
    // lines are short: a plain loop beats memchr's set-up
    let end = rest.bytes().position(|b| b == b'\n').unwrap_or(rest.len());
    Some(&rest[..end])
}

/// A big table of `assets/lexicon/` with the index `build.rs` made of it:
/// `indexed_table!("words")`.
macro_rules! indexed_table {
    ($name:literal) => {
        $crate::analysis::lexicon::table::SortedTable::with_index(
            include_str!(concat!("../../../../../assets/lexicon/", $name, ".tsv")),
            std::borrow::Cow::Borrowed(include_bytes!(concat!(
                env!("OUT_DIR"),
                "/",
                $name,
                ".idx"
            ))),
        )
    };
}
pub(crate) use indexed_table;

/// The table `build.rs` made of the beginnings of multi-word place names
/// (see `index::all_prefixes`).
macro_rules! place_prefixes_table {
    () => {
        $crate::analysis::lexicon::table::SortedTable::with_index(
            include_str!(concat!(env!("OUT_DIR"), "/place_prefixes.tsv")),
            std::borrow::Cow::Borrowed(include_bytes!(concat!(
                env!("OUT_DIR"),
                "/place_prefixes.idx"
            ))),
        )
    };
}
pub(crate) use place_prefixes_table;

/// The longest phrase the tokens start with (at most `max` tokens), trying
/// one token more while some phrase starts with those joined so far: `step`
/// gets the joined phrase and tells its value, if it is a phrase, and
/// whether some longer phrase starts with it.
pub(crate) fn longest_phrase<T>(
    tokens: &[&str],
    max: usize,
    step: impl Fn(&str) -> (Option<T>, bool),
) -> Option<(usize, T)> {
    let first = tokens.first()?;
    // one token: itself (straightened), without building a phrase
    let first = straighten(first);
    let mut buf = String::new();
    let mut best = None;
    for n in 1..=tokens.len().min(max) {
        let joined = if n == 1 {
            first.as_ref()
        } else {
            join_tokens(&tokens[..n], &mut buf);
            buf.as_str()
        };
        let (value, goes_on) = step(joined);
        if let Some(v) = value {
            best = Some((n, v));
        }
        if !goes_on {
            break;
        }
    }
    best
}

/// Lowercase `s` and straighten curly apostrophes, without allocating when
/// there is nothing to change.
pub(crate) fn fold(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        // (the same, without decoding: no curly marks to straighten)
        if !s.bytes().any(|b| b.is_ascii_uppercase()) {
            return Cow::Borrowed(s);
        }
        return Cow::Owned(s.to_ascii_lowercase());
    }
    let curly = |c: char| c == '\u{2019}' || c == '\u{2018}';
    if !s.chars().any(|c| c.is_uppercase() || curly(c)) {
        return Cow::Borrowed(s);
    }
    let lower = s.to_lowercase();
    if lower.contains(curly) {
        return Cow::Owned(lower.replace(curly, "'"));
    }
    Cow::Owned(lower)
}

/// `f` of [`fold`]`(s)`, folded on the stack when `s` is short ASCII.
pub(crate) fn with_folded<R>(s: &str, f: impl FnOnce(&str) -> R) -> R {
    crate::analysis::tokens::with_lowered(s, fold, f)
}

/// Straighten curly apostrophes only.
pub(crate) fn straighten(s: &str) -> Cow<'_, str> {
    if !s.is_ascii() && s.contains(['\u{2019}', '\u{2018}']) {
        Cow::Owned(s.replace(['\u{2019}', '\u{2018}'], "'"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Join tokens back into a phrase: a space between tokens, none before a
/// split-off clitic (`People` `'s` `Daily` → `People's Daily`).
pub(crate) fn join_tokens(tokens: &[&str], out: &mut String) {
    out.clear();
    for (i, t) in tokens.iter().enumerate() {
        let t = straighten(t);
        if i > 0 && !t.starts_with('\'') {
            out.push(' ');
        }
        out.push_str(&t);
    }
}

/// Phrases of one or more words mapped to values, matched whole.
pub(crate) struct PhraseTable<V> {
    /// The phrases and the beginnings of the multi-word phrases
    /// (`index::prefixes`), so that one look-up answers both questions.
    entries: FastMap<String, Entry<V>>,
    /// Phrases with a value.
    len: usize,
    max_words: usize,
    case_fold: bool,
}

struct Entry<V> {
    /// The phrase's value, if it is a phrase and not only a beginning.
    value: Option<V>,
    /// Whether some phrase of several words starts with this one (followed
    /// by a space or an apostrophe).
    goes_on: bool,
}

impl<V> PhraseTable<V> {
    /// `case_fold`: keys are stored lowercased and queries are lowercased.
    pub(crate) fn new(case_fold: bool) -> Self {
        PhraseTable {
            entries: FastMap::default(),
            len: 0,
            max_words: 0,
            case_fold,
        }
    }

    fn norm<'a>(&self, s: &'a str) -> Cow<'a, str> {
        if self.case_fold {
            fold(s)
        } else {
            straighten(s)
        }
    }

    /// Insert `phrase`, or merge into the value already there.
    pub(crate) fn upsert(&mut self, phrase: &str, value: V, merge: impl FnOnce(&mut V, V)) {
        let key = self.norm(phrase).into_owned();
        let words = key.split(' ').count() + key.matches('\'').count();
        self.max_words = self.max_words.max(words);
        for prefix in index::prefixes(&key) {
            match self.entries.get_mut(prefix) {
                Some(e) => e.goes_on = true,
                None => {
                    let e = Entry {
                        value: None,
                        goes_on: true,
                    };
                    self.entries.insert(prefix.to_string(), e);
                }
            }
        }
        let e = self.entries.entry(key).or_insert(Entry {
            value: None,
            goes_on: false,
        });
        match &mut e.value {
            Some(old) => merge(old, value),
            empty => {
                *empty = Some(value);
                self.len += 1;
            }
        }
    }

    /// What the table holds for `phrase`, normalised.
    fn entry(&self, phrase: &str) -> Option<&Entry<V>> {
        if self.case_fold {
            return with_folded(phrase, |key| self.entries.get(key));
        }
        self.entries.get(self.norm(phrase).as_ref())
    }

    pub(crate) fn get(&self, phrase: &str) -> Option<&V> {
        self.entry(phrase).and_then(|e| e.value.as_ref())
    }

    /// Whether some phrase of several words starts with `phrase` (followed
    /// by a space or an apostrophe).
    pub(crate) fn goes_on(&self, phrase: &str) -> bool {
        self.entry(phrase).is_some_and(|e| e.goes_on)
    }

    /// [`PhraseTable::get`] and [`PhraseTable::goes_on`] in one look-up.
    pub(crate) fn get_and_goes_on(&self, phrase: &str) -> (Option<&V>, bool) {
        self.entry(phrase)
            .map_or((None, false), |e| (e.value.as_ref(), e.goes_on))
    }

    /// The normalised keys of the phrases (not the beginnings only).
    pub(crate) fn phrases(&self) -> impl Iterator<Item = &str> {
        self.entries
            .iter()
            .filter(|(_, e)| e.value.is_some())
            .map(|(k, _)| k.as_str())
    }

    /// The longest phrase that the tokens start with: its length in tokens and value.
    pub(crate) fn longest_at(&self, tokens: &[&str]) -> Option<(usize, &V)> {
        longest_phrase(tokens, self.max_words, |joined| {
            self.get_and_goes_on(joined)
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// Data lines of a small hand-written TSV asset, split into columns.
pub(crate) fn rows(text: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorted_table_finds_every_line_with_a_key() {
        let t = SortedTable::new("# header\n# two\na\t1\nb\t2\nb\t3\nc\t4\n");
        assert_eq!(t.len(), 4);
        assert_eq!(t.find("a").next(), Some("a\t1"));
        assert_eq!(t.find("b").collect::<Vec<_>>(), ["b\t2", "b\t3"]);
        assert_eq!(t.find("a").count(), 1);
        assert_eq!(t.find("bb").count(), 0);
        assert_eq!(t.find("z").count(), 0);
        assert_eq!(t.get("c").and_then(|mut c| c.next()), Some("4"));
        assert_eq!(t.find("0").count(), 0);
        let unterminated = SortedTable::new("k\tv");
        assert_eq!((unterminated.len(), unterminated.find("k").count()), (1, 1));
    }

    #[test]
    fn sorted_table_finds_every_key_of_a_long_table() {
        let text: String = (0..2000).map(|i| format!("k{i:05}\t{i}\n")).collect();
        let t = SortedTable::new(Box::leak(text.into_boxed_str()));
        for i in (0..2000).step_by(7) {
            let key = format!("k{i:05}");
            assert_eq!(
                t.get(&key).and_then(|mut c| c.next()),
                Some(i.to_string().as_str())
            );
        }
        assert_eq!(t.find("k99999").count(), 0);
    }

    #[test]
    fn compiled_in_indexes_find_every_key() {
        let tables = [
            (
                indexed_table!("given_names"),
                include_str!("../../../../../assets/lexicon/given_names.tsv"),
            ),
            (
                indexed_table!("surnames"),
                include_str!("../../../../../assets/lexicon/surnames.tsv"),
            ),
            (
                indexed_table!("words"),
                include_str!("../../../../../assets/lexicon/words.tsv"),
            ),
            (
                indexed_table!("place_names"),
                include_str!("../../../../../assets/lexicon/place_names.tsv"),
            ),
        ];
        for (table, text) in &tables {
            let data = &text[index::data_start(text)..];
            let mut lines = 0;
            for line in data.lines() {
                let key = index::key_of(line);
                assert!(table.find(key).any(|l| l == line), "{line}");
                lines += 1;
            }
            assert_eq!(table.len(), lines);
            assert_eq!(table.find("no such key \u{1}").count(), 0);
        }
    }

    #[test]
    fn place_name_prefixes_are_where_multi_word_names_go_on() {
        let names = include_str!("../../../../../assets/lexicon/place_names.tsv");
        let prefixes = index::all_prefixes(names);
        let compiled = place_prefixes_table!();
        assert_eq!(compiled.len(), prefixes.lines().count());
        assert!(prefixes.lines().all(|w| compiled.find(w).count() == 1));
        assert!(compiled.find("new").next().is_some());
        assert!(compiled.find("pyongyang").next().is_none());
        let keys: Vec<&str> = index::prefixes("people's republic of china").collect();
        assert_eq!(
            keys,
            [
                "people",
                "people's",
                "people's republic",
                "people's republic of"
            ]
        );
        assert_eq!(index::prefixes("'s-hertogenbosch").count(), 0);
    }

    #[test]
    fn an_index_that_is_not_one_is_rebuilt() {
        let t = SortedTable::with_index("a\t1\nb\t2\n", Cow::Borrowed(&[1, 2, 3]));
        assert_eq!(t.get("b").and_then(|mut c| c.next()), Some("2"));
        let empty = SortedTable::new("# only a comment\n");
        assert_eq!((empty.len(), empty.find("").count()), (0, 0));
    }

    #[test]
    fn fold_lowercases_and_straightens_apostrophes() {
        assert_eq!(fold("O\u{2019}Brien"), "o'brien");
        assert!(matches!(fold("plain"), Cow::Borrowed(_)));
        for s in [
            "O\u{2019}Brien",
            "MiXed",
            "plain",
            "",
            "\u{00c9}LYS\u{00c9}E",
            "x".repeat(70).as_str(),
        ] {
            assert_eq!(with_folded(s, str::to_string), fold(s));
            assert_eq!(
                fold(s),
                s.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'")
            );
        }
    }

    #[test]
    fn phrase_table_prefers_the_longest_phrase() {
        let mut t = PhraseTable::new(true);
        t.upsert("Secretary", 1, |_, _| {});
        t.upsert("Secretary of State", 2, |_, _| {});
        t.upsert("People's Daily", 3, |_, _| {});
        assert_eq!(
            t.longest_at(&["Secretary", "of", "State", "Mike"]),
            Some((3, &2))
        );
        assert_eq!(t.longest_at(&["secretary", "Smith"]), Some((1, &1)));
        assert_eq!(
            t.longest_at(&["People", "\u{2019}s", "Daily"]),
            Some((3, &3))
        );
        assert_eq!(t.longest_at(&["Mike"]), None);
        assert_eq!(t.longest_at(&["People's", "Daily"]), Some((2, &3)));
    }
}
