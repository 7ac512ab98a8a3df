//! Finding an article's notes by its text, for an article whose own id has
//! none: a file copied or moved, the same text piped to `gloss -`.
//!
//! Every store keeps a copy of the text its notes point into
//! (`KEY.article.json`). An article is the same as a stored one when its
//! clean text is the same (the SHA-256 the notes file records), else when
//! the texts are close: their shingles (runs of [`SHINGLE_WORDS`] words,
//! letters and digits only, lowercased) overlap by at least [`CLOSE`]
//! (Jaccard: shared over all). An edit, a paragraph added or a change of
//! punctuation or quotation marks keeps a text close; another article on
//! the same story does not come near. Texts of fewer than [`MIN_SHINGLES`]
//! shingles are matched exactly only.
//!
//! Notes imported without their article have no copy of its text; they are
//! the article's when most of their passages are in its text, each with the
//! words recorded around it (a file sent from another machine, say).
//!
//! To be fast with thousands of stores, each stored text is summarised once
//! (its hash and a MinHash signature of [`SIGNATURE`] values) in
//! `cache/content-index.json` in the notes folder. The cache holds while the
//! folder's modification time stays the same (gloss replaces a file by
//! renaming a new one over it, which changes that time); when it changed,
//! the folder is listed and each copy whose size or time changed is
//! summarised again (a copy written by another gloss meanwhile, say). A
//! look-up then compares signatures and reads the few texts whose
//! signatures come near, to measure their overlap exactly.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;
use std::time::UNIX_EPOCH;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use serde::{Deserialize, Serialize};

use super::notebook::text_hash;
use super::store::{Store, read_regular_file};
use crate::article_id::ArticleId;

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;
/// The least shingle overlap (Jaccard) at which two texts are one article.
pub const CLOSE: f64 = 0.5;
/// Texts with fewer shingles than this are matched by their hash only.
pub const MIN_SHINGLES: usize = 8;
/// Values in a MinHash signature. The estimate's standard error is at most
/// 1/(2·√64) = 0.06, so a text whose estimate is 0.2 under [`CLOSE`] is
/// still measured.
pub const SIGNATURE: usize = 64;
/// How far under [`CLOSE`] an estimate may be and the text still be measured.
const MARGIN: f64 = 0.2;
/// At most this many texts are measured exactly per look-up.
const MEASURED: usize = 8;

/// The cache, in a folder of its own so that writing it does not change
/// the notes folder's modification time.
const INDEX_DIR: &str = "cache";
const INDEX_FILE: &str = "content-index.json";
const INDEX_VERSION: u32 = 1;
/// A folder time this much older than a listing is taken as settled: a
/// change after the listing cannot carry the same time (even on file systems
/// that keep times to the second or two).
const SETTLED_NANOS: u64 = 3_000_000_000;

/// Notes found by content: whose they are and how close the text is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The article the notes were made on (as stored).
    pub id: ArticleId,
    pub how: Match,
}

/// How an article's text matched a stored one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    /// The same clean text.
    Exact,
    /// Close text: this percentage of shingles shared.
    Close { percent: u8 },
    /// Notes kept without their text (imported): `found` of their `of`
    /// passages are in this text, each with the words around it.
    Passages { found: usize, of: usize },
}

impl Found {
    /// For the user: `notes found by content from /old/path`, and how close
    /// the text is when it is not the same.
    pub fn describe(&self) -> String {
        let from = match &self.id {
            ArticleId::Content(_) if self.id == ArticleId::for_content(crate::source::SAMPLE) => {
                "the bundled sample".to_string()
            }
            ArticleId::Content(_) => format!("text read earlier ({})", self.id),
            other => other.to_string(),
        };
        match self.how {
            Match::Exact => format!("notes found by content from {from}"),
            Match::Close { percent } => {
                format!("notes found by content from {from} (close text: {percent}% the same)")
            }
            Match::Passages { found, of } => format!(
                "notes found by content from {from} (imported; {found} of {of} passages found)"
            ),
        }
    }
}

/// The shingles of a text: a hash of each run of [`SHINGLE_WORDS`] words,
/// sorted, each once. A text of fewer words is one shingle (none if empty).
pub fn shingles(text: &str) -> Vec<u64> {
    // the last SHINGLE_WORDS word hashes, oldest first, rather than a list
    // of every word: a 100 MB text would hold 17 M of them at once
    let mut run = [0u64; SHINGLE_WORDS];
    let mut words = 0usize;
    let mut out = Vec::new();
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        run.rotate_left(1);
        run[SHINGLE_WORDS - 1] = word_hash(w);
        words += 1;
        if words >= SHINGLE_WORDS {
            out.push(shingle(&run));
        }
    }
    if (1..SHINGLE_WORDS).contains(&words) {
        out.push(shingle(&run[SHINGLE_WORDS - words..]));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The hash of a run of word hashes, in order.
fn shingle(run: &[u64]) -> u64 {
    run.iter().fold(
        0x9e37_79b9_7f4a_7c15_u64,
        |h, &w| mix(h.rotate_left(17) ^ w),
    )
}

/// Shared shingles over all shingles of two sorted, deduplicated lists.
pub fn jaccard(a: &[u64], b: &[u64]) -> f64 {
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let all = a.len() + b.len() - shared;
    if all == 0 {
        return 0.0;
    }
    shared as f64 / all as f64
}

/// A word's hash: FNV-1a over its lowercase UTF-8, stable across builds
/// (the cache keeps signatures made from it).
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    };
    if word.is_ascii() {
        word.bytes().for_each(|b| feed(b.to_ascii_lowercase()));
    } else {
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut feed);
        }
    }
    h
}

/// splitmix64's finaliser: every input bit moves every output bit.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The MinHash signature of a set of shingles: for each of [`SIGNATURE`]
/// hash functions, the least value over the set. The share of positions at
/// which two signatures agree estimates the Jaccard overlap of the sets.
/// Each value keeps the top 16 bits of its minimum: two different minima
/// agree by chance once in 65,536, which the estimate can bear.
pub fn signature(shingles: &[u64]) -> [u16; SIGNATURE] {
    let mut sig = [u64::MAX; SIGNATURE];
    for &s in shingles {
        for (i, slot) in sig.iter_mut().enumerate() {
            let seed = (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let v = mix(s ^ seed);
            if v < *slot {
                *slot = v;
            }
        }
    }
    sig.map(|v| (v >> 48) as u16)
}

fn estimate(a: &[u16; SIGNATURE], b: &[u16; SIGNATURE]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / SIGNATURE as f64
}

/// What the cache keeps of one stored text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Entry {
    /// Size and modification time (ns since 1970) of `KEY.article.json`
    /// when it was summarised.
    len: u64,
    modified: u64,
    /// `sha256:HEX` of the clean text.
    hash: String,
    shingles: usize,
    /// The signature, as little-endian `u16`s in base64.
    signature: String,
}

impl Entry {
    fn signature(&self) -> Option<[u16; SIGNATURE]> {
        let bytes = STANDARD_NO_PAD.decode(&self.signature).ok()?;
        if bytes.len() != 2 * SIGNATURE {
            return None;
        }
        let mut sig = [0u16; SIGNATURE];
        for (slot, chunk) in sig.iter_mut().zip(bytes.chunks_exact(2)) {
            *slot = u16::from_le_bytes([chunk[0], chunk[1]]);
        }
        Some(sig)
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    version: u32,
    /// The notes folder's modification time (ns) when it was last listed,
    /// if the entries may be trusted while it stays the same; else 0.
    #[serde(default)]
    folder_modified: u64,
    /// The stores with notes and a copy of their text, by key.
    entries: BTreeMap<String, Entry>,
    /// The keys of stores with notes but no text (imported without their
    /// article), matched by their passages.
    #[serde(default)]
    apart: Vec<String>,
}

/// A stored text as the directory lists it.
struct Listed {
    key: String,
    len: u64,
    modified: u64,
}

fn nanos(meta: &std::fs::Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// The stores that have both notes and a copy of their text, and the keys
/// of those with notes alone (kept apart: imported without their article).
/// Only the copies are looked at (size and time); notes files are named.
fn list(dir: &Path) -> (Vec<Listed>, Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (Vec::new(), Vec::new());
    };
    let mut articles: BTreeMap<String, std::fs::DirEntry> = BTreeMap::new();
    let mut notes: Vec<String> = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if let Some(key) = name.strip_suffix(".article.json") {
            articles.insert(key.to_string(), entry);
        } else if let Some(key) = name.strip_suffix(".notes.json") {
            notes.push(key.to_string());
        }
    }
    notes.sort();
    let (with_copy, apart): (Vec<String>, Vec<String>) = notes
        .into_iter()
        .partition(|key| articles.contains_key(key));
    let listed = with_copy
        .into_iter()
        .filter_map(|key| {
            let meta = articles.get(&key)?.metadata().ok()?;
            Some(Listed {
                key,
                len: meta.len(),
                modified: nanos(&meta),
            })
        })
        .collect();
    (listed, apart)
}

/// When a store's notes were last changed: the most recently used notes win
/// among equally close texts.
fn notes_modified(store: &Store, key: &str) -> u64 {
    std::fs::metadata(store.dir().join(format!("{key}.notes.json"))).map_or(0, |m| nanos(&m))
}

/// The clean text of a stored copy, without the rest of the article.
fn stored_text(store: &Store, key: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct TextOnly {
        text: String,
    }
    let bytes = read_regular_file(&store.dir().join(format!("{key}.article.json"))).ok()?;
    serde_json::from_slice::<TextOnly>(&bytes)
        .ok()
        .map(|t| t.text)
}

fn summarise(text: &str, len: u64, modified: u64) -> Entry {
    let shingles = shingles(text);
    let sig = signature(&shingles);
    let bytes: Vec<u8> = sig.iter().flat_map(|v| v.to_le_bytes()).collect();
    Entry {
        len,
        modified,
        hash: text_hash(text),
        shingles: shingles.len(),
        signature: STANDARD_NO_PAD.encode(bytes),
    }
}

fn read_index(path: &Path) -> Index {
    read_regular_file(path)
        .ok()
        .and_then(|b| serde_json::from_slice::<Index>(&b).ok())
        .filter(|i| i.version == INDEX_VERSION)
        .unwrap_or_default()
}

/// Write the cache; a failure only costs time at the next look-up. A
/// temporary file renamed over the old one, so that a reader never sees
/// half a cache; not flushed to disk (a cache lost in a crash is rebuilt).
fn write_index(dir: &Path, index: &Index) {
    let Ok(bytes) = serde_json::to_vec(index) else {
        return;
    };
    let Ok(mut tmp) = tempfile::Builder::new()
        .prefix(".content-index.")
        .suffix(".tmp")
        .tempfile_in(dir)
    else {
        return;
    };
    if std::io::Write::write_all(&mut tmp, &bytes).is_ok() {
        let _ = tmp.persist(dir.join(INDEX_FILE));
    }
}

/// The cache, brought up to date: every store with notes and a copy of its
/// text, summarised. While the notes folder's modification time is the one
/// the cache was made at, nothing was added, removed or replaced (gloss
/// replaces files by renaming), and the cache is used as it is; else the
/// folder is listed and each copy whose size or time changed is read again.
fn index(store: &Store) -> Index {
    let dir = store.dir();
    let cache_dir = dir.join(INDEX_DIR);
    let mut index = read_index(&cache_dir.join(INDEX_FILE));
    if dir.is_dir() && !cache_dir.is_dir() {
        // made before the folder's time is read: making it changes that time
        let _ = super::atomic::private_dir(&cache_dir);
    }
    let listing_started = now_nanos();
    let folder_modified = std::fs::metadata(dir).map_or(0, |m| nanos(&m));
    if folder_modified != 0 && index.folder_modified == folder_modified {
        return index;
    }
    let (listed, apart) = list(dir);
    let before = index.entries.len();
    let mut changed = index.version != INDEX_VERSION || index.apart != apart;
    index.apart = apart;
    index.version = INDEX_VERSION;
    let keys: HashSet<&str> = listed.iter().map(|l| l.key.as_str()).collect();
    index.entries.retain(|key, _| keys.contains(key.as_str()));
    changed |= index.entries.len() != before;
    for l in &listed {
        let fresh = index
            .entries
            .get(&l.key)
            .is_some_and(|e| e.len == l.len && e.modified == l.modified);
        if fresh {
            continue;
        }
        match stored_text(store, &l.key) {
            Some(text) => {
                index
                    .entries
                    .insert(l.key.clone(), summarise(&text, l.len, l.modified));
            }
            None => {
                index.entries.remove(&l.key);
            }
        }
        changed = true;
    }
    let settled =
        folder_modified != 0 && folder_modified.saturating_add(SETTLED_NANOS) <= listing_started;
    let trusted = if settled { folder_modified } else { 0 };
    changed |= index.folder_modified != trusted;
    index.folder_modified = trusted;
    // nothing to keep and nothing kept before: no cache in an empty folder
    let anything = !index.entries.is_empty() || !index.apart.is_empty();
    if changed && (anything || cache_dir.join(INDEX_FILE).exists()) {
        write_index(&cache_dir, &index);
    }
    index
}

fn now_nanos() -> u64 {
    std::time::SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

/// The notes of another article whose text is `text` or close to it, for
/// the article `id` that has none of its own. Stores without notes are
/// passed over; among several, the exact text wins, then the closest, then
/// the most recently changed notes.
pub fn find(store: &Store, text: &str, id: &ArticleId) -> Option<Found> {
    let own = id.key();
    let index = index(store);
    let hash = text_hash(text);
    // the text's shingles and signature, made when a stored text is first
    // compared with them (never when no other store could be close)
    let mut query: Option<(Vec<u64>, [u16; SIGNATURE])> = None;

    // (exact?, similarity, notes modified, key)
    let mut candidates: Vec<(bool, f64, u64, &str)> = Vec::new();
    let mut near: Vec<(f64, &str)> = Vec::new();
    for (key, entry) in index.entries.iter().filter(|(key, _)| **key != own) {
        if entry.hash == hash {
            candidates.push((true, 1.0, notes_modified(store, key), key));
        } else if entry.shingles >= MIN_SHINGLES
            && let Some(sig) = entry.signature()
        {
            let (shingled, query_sig) = query.get_or_insert_with(|| {
                let shingled = shingles(text);
                let sig = signature(&shingled);
                (shingled, sig)
            });
            if shingled.len() < MIN_SHINGLES {
                continue;
            }
            let estimate = estimate(query_sig, &sig);
            if estimate >= CLOSE - MARGIN {
                near.push((estimate, key));
            }
        }
    }
    near.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    let shingled = query.map(|(shingled, _)| shingled).unwrap_or_default();
    for (_, key) in near.into_iter().take(MEASURED) {
        let Some(stored) = stored_text(store, key) else {
            continue;
        };
        let similarity = jaccard(&shingled, &shingles(&stored));
        if similarity >= CLOSE {
            candidates.push((false, similarity, notes_modified(store, key), key));
        }
    }
    candidates.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then(b.1.total_cmp(&a.1))
            .then(b.2.cmp(&a.2))
            .then(a.3.cmp(b.3))
    });
    let by_text = candidates
        .into_iter()
        .find_map(|(exact, similarity, _, key)| {
            let file = store.read_key(key)?;
            if file.notes.is_empty() || file.article.id == *id {
                return None;
            }
            let how = if exact {
                Match::Exact
            } else {
                Match::Close {
                    percent: (similarity * 100.0).floor() as u8,
                }
            };
            Some(Found {
                id: file.article.id,
                how,
            })
        });
    by_text.or_else(|| by_passages(store, text, id, &index.apart))
}

/// The least length (characters) of a passage with the words recorded
/// around it, for it to tell an article: shorter ones occur anywhere.
pub const PASSAGE_MIN_CHARS: usize = 30;

/// Notes kept without their text (imported before their article was at
/// hand) whose passages are in `text`: at least half of them, each found
/// with the words recorded around it (its prefix and suffix, as far as
/// they go) and at least [`PASSAGE_MIN_CHARS`] long with them. The store
/// with the most passages found wins.
fn by_passages(store: &Store, text: &str, id: &ArticleId, apart: &[String]) -> Option<Found> {
    let own = id.key();
    let mut best: Option<(usize, usize, ArticleId)> = None;
    for key in apart.iter().filter(|key| **key != own) {
        let Some(file) = store.read_key(key) else {
            continue;
        };
        let of = file.notes.len();
        let found = file
            .notes
            .iter()
            .filter(|n| passage_in(&n.target, text))
            .count();
        if found == 0 || 2 * found < of || file.article.id == *id {
            continue;
        }
        if best.as_ref().is_none_or(|(f, _, _)| found > *f) {
            best = Some((found, of, file.article.id));
        }
    }
    best.map(|(found, of, id)| Found {
        id,
        how: Match::Passages { found, of },
    })
}

/// Whether a note's passage is in `text` with the words recorded around it.
fn passage_in(target: &super::model::Target, text: &str) -> bool {
    if target.exact.trim().is_empty() {
        return false;
    }
    let with_context = format!("{}{}{}", target.prefix, target.exact, target.suffix);
    with_context.chars().count() >= PASSAGE_MIN_CHARS && text.contains(&with_context)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The three harbour towns agreed on Tuesday to run one ferry service \
        from the spring, the mayor said. Fares will stay as they are for a year, and \
        the timetable will be published in March after a vote of the councils.";

    /// The shingles as first written: every word's hash in a list, each
    /// window of it hashed (the plain path `shingles` must match).
    fn plain_shingles(text: &str) -> Vec<u64> {
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(word_hash)
            .collect();
        let mut out: Vec<u64> = words
            .windows(SHINGLE_WORDS.min(words.len()).max(1))
            .map(shingle)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    #[test]
    fn shingles_from_a_running_window_are_those_of_every_window_of_the_word_list() {
        let texts = [
            "",
            "...",
            "one",
            "one two",
            "one two three four",
            "one two three four five",
            "one two three four five six",
            "“We will sail as one fleet,” Alvarez said. We will sail as one fleet again.",
            "Die Gespräche über Zölle wurden am Montag in Genf fortgesetzt, sagte die Ministerin.",
        ];
        for text in texts {
            assert_eq!(shingles(text), plain_shingles(text), "{text:?}");
        }
    }

    #[test]
    fn shingles_ignore_case_punctuation_and_quotation_marks() {
        let a = shingles("“We will sail as one fleet,” Alvarez said.");
        let b = shingles("\"we will sail as one fleet\" -- alvarez said");
        assert_eq!(a, b);
        assert_eq!(a.len(), 4, "eight words, four runs of five");
        assert_eq!(shingles("Two words").len(), 1);
        assert!(shingles(" … ").is_empty());
    }

    #[test]
    fn an_edited_text_stays_close_another_text_does_not() {
        let base = shingles(TEXT);
        let edited = shingles(&TEXT.replace("Tuesday", "Wednesday"));
        let longer = shingles(&format!(
            "{TEXT}\n\nThe operator welcomed the decision in a short statement."
        ));
        let other = shingles(
            "The city library will open on Sundays from May, the council said on Monday, \
             after a vote of the councils and a year of talks with the staff.",
        );
        assert!(
            jaccard(&base, &edited) >= CLOSE,
            "{}",
            jaccard(&base, &edited)
        );
        assert!(
            jaccard(&base, &longer) >= CLOSE,
            "{}",
            jaccard(&base, &longer)
        );
        assert!(jaccard(&base, &other) < 0.05, "{}", jaccard(&base, &other));
        assert_eq!(jaccard(&base, &base), 1.0);
        assert_eq!(jaccard(&[], &[]), 0.0);
    }

    #[test]
    fn a_passage_tells_an_article_only_with_enough_words_around_it() {
        let target = |prefix: &str, exact: &str, suffix: &str| super::super::model::Target {
            exact: exact.into(),
            prefix: prefix.into(),
            suffix: suffix.into(),
            start: 0,
            end: 0,
        };
        assert!(passage_in(
            &target("Fares will stay ", "as they are", " for a year, and"),
            TEXT
        ));
        // the same words elsewhere, or too few of them, tell nothing
        assert!(!passage_in(
            &target("Prices will stay ", "as they are", " for a year, and"),
            TEXT
        ));
        assert!(!passage_in(&target("", "the mayor said", ""), TEXT));
        assert!(!passage_in(&target("", "", ""), TEXT));
    }

    #[test]
    fn signatures_estimate_the_overlap() {
        let base = shingles(TEXT);
        let edited = shingles(&TEXT.replace("Tuesday", "Wednesday"));
        let (a, b) = (signature(&base), signature(&edited));
        let exact = jaccard(&base, &edited);
        assert!((estimate(&a, &b) - exact).abs() < MARGIN, "{exact}");
        assert_eq!(estimate(&a, &a), 1.0);
        let entry = summarise(TEXT, 1, 2);
        assert_eq!(entry.signature(), Some(a));
    }
}
