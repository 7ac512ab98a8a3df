//! Zero-copy lookup tables over the embedded text assets.
//!
//! A [`SortedTable`] is a TSV file sorted by its first column (UTF-8 bytes):
//! loading costs nothing, a lookup is a binary search over the bytes.
//! A [`PhraseTable`] maps short phrases ("Secretary of State") to values and
//! finds the longest phrase at the start of a token sequence.

use std::borrow::Cow;
use std::collections::HashMap;

/// The lines of a sorted TSV asset, searchable by their first column. Nothing
/// is parsed or indexed up front: a lookup binary-searches the bytes.
pub(crate) struct SortedTable {
    text: &'static str,
    /// Where the data starts (after the leading `#` comment lines).
    data: usize,
}

impl SortedTable {
    pub(crate) fn new(text: &'static str) -> Self {
        let mut data = 0;
        while text[data..].starts_with('#') {
            data = memchr::memchr(b'\n', &text.as_bytes()[data..])
                .map_or(text.len(), |n| data + n + 1);
        }
        SortedTable { text, data }
    }

    /// Number of data lines (counts them: for tests and statistics).
    pub(crate) fn len(&self) -> usize {
        let body = &self.text.as_bytes()[self.data..];
        memchr::memchr_iter(b'\n', body).count()
            + usize::from(!body.is_empty() && !body.ends_with(b"\n"))
    }

    /// The line starting at byte `start`, without its newline.
    pub(crate) fn line_at(&self, start: usize) -> Option<&'static str> {
        let rest = self.text.get(start..)?;
        Some(memchr::memchr(b'\n', rest.as_bytes()).map_or(rest, |n| &rest[..n]))
    }

    fn key_at(&self, start: usize) -> &'static str {
        let line = self.line_at(start).unwrap_or("");
        line.split('\t').next().unwrap_or(line)
    }

    /// Start of the first line whose key is not less than `key`.
    fn lower_bound(&self, key: &str) -> usize {
        let bytes = self.text.as_bytes();
        // invariant: lines starting before lo have smaller keys; lines starting at hi or later do not
        let (mut lo, mut hi) = (self.data, self.text.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = memchr::memrchr(b'\n', &bytes[lo..mid]).map_or(lo, |n| lo + n + 1);
            if self.key_at(start) < key {
                lo = memchr::memchr(b'\n', &bytes[start..])
                    .map_or(self.text.len(), |n| start + n + 1);
            } else {
                hi = start;
            }
        }
        lo
    }

    /// The lines whose first column equals `key`, in file order.
    pub(crate) fn find<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'static str> + 'a {
        let mut at = self.lower_bound(key);
        std::iter::from_fn(move || {
            let line = self.line_at(at).filter(|l| !l.is_empty())?;
            at += line.len() + 1;
            Some(line)
        })
        .take_while(move |line| line.split('\t').next() == Some(key))
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

/// Lowercase `s` and straighten curly apostrophes, without allocating when
/// there is nothing to change.
pub(crate) fn fold(s: &str) -> Cow<'_, str> {
    if s.chars()
        .any(|c| c.is_uppercase() || c == '\u{2019}' || c == '\u{2018}')
    {
        Cow::Owned(s.to_lowercase().replace(['\u{2019}', '\u{2018}'], "'"))
    } else {
        Cow::Borrowed(s)
    }
}

/// Straighten curly apostrophes only.
pub(crate) fn straighten(s: &str) -> Cow<'_, str> {
    if s.contains(['\u{2019}', '\u{2018}']) {
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
    map: HashMap<String, V>,
    max_words: usize,
    case_fold: bool,
}

impl<V> PhraseTable<V> {
    /// `case_fold`: keys are stored lowercased and queries are lowercased.
    pub(crate) fn new(case_fold: bool) -> Self {
        PhraseTable {
            map: HashMap::new(),
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
        match self.map.get_mut(&key) {
            Some(old) => merge(old, value),
            None => {
                self.map.insert(key, value);
            }
        }
    }

    pub(crate) fn get(&self, phrase: &str) -> Option<&V> {
        self.map.get(self.norm(phrase).as_ref())
    }

    /// The longest phrase that the tokens start with: its length in tokens and value.
    pub(crate) fn longest_at(&self, tokens: &[&str]) -> Option<(usize, &V)> {
        let mut buf = String::new();
        let max = tokens.len().min(self.max_words);
        (1..=max).rev().find_map(|n| {
            join_tokens(&tokens[..n], &mut buf);
            self.get(&buf).map(|v| (n, v))
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.map.len()
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
    fn fold_lowercases_and_straightens_apostrophes() {
        assert_eq!(fold("O\u{2019}Brien"), "o'brien");
        assert!(matches!(fold("plain"), Cow::Borrowed(_)));
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
    }
}
