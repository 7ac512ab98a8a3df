//! Score the entity tagger alone, as `gloss annotate` would be scored: read an
//! article, split it naively into sentences and tokens, tag the article in
//! one call,
//! gather tagged spans with the same surface string into one entity, and print
//! the annotate JSON (offsets are UTF-8 byte offsets into the printed `text`).
//!
//!     cargo build --release --example tagger_eval
//!     python3 ../shared/eval/score-set.py ../shared/eval/gold/*.json ../shared/eval/gold/gum-dev/*.json \
//!         --cmd 'target/release/examples/tagger_eval'

use gloss::analysis::tagger;
use serde_json::json;
use std::collections::BTreeMap;

/// Tokens with byte offsets: words (letters, digits, inner `.`/`-`/`'`/`&`),
/// a split-off `'s`, and every other non-space character alone.
fn tokenize(text: &str, base: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if !c.is_alphanumeric() {
            out.push((base + i, base + i + c.len_utf8()));
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            let inner = matches!(d, '.' | '-' | '\'' | '\u{2019}' | '&');
            let next_alnum = text[j + d.len_utf8()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            if d.is_alphanumeric() || (inner && next_alnum) {
                end = j + d.len_utf8();
                chars.next();
            } else if d == '.' && text[i..end].chars().all(|x| x.is_uppercase() || x == '.') {
                end = j + 1; // U.S. keeps its last period
                chars.next();
            } else {
                break;
            }
        }
        // split a possessive 's off
        let word = &text[i..end];
        let stem = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"));
        if let Some(stem) = stem.filter(|s| !s.is_empty()) {
            out.push((base + i, base + i + stem.len()));
            out.push((base + i + stem.len(), base + end));
            continue;
        }
        out.push((base + i, base + end));
    }
    out
}

/// Sentences: split after . ! ? followed by a space and a capital or quote,
/// and at line breaks.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let split = c == '\n'
            || (matches!(c, '.' | '!' | '?')
                && b.get(end) == Some(&b' ')
                && text[end + 1..]
                    .chars()
                    .next()
                    .is_some_and(|n| n.is_uppercase() || n == '"')
                && !text[start..i].rsplit(' ').next().is_some_and(|w| {
                    w.len() <= 3 && w.chars().next().is_some_and(char::is_uppercase)
                }));
        if split {
            out.push((start, end));
            start = end;
        }
    }
    out.push((start, text.len()));
    out
}

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: tagger_eval ARTICLE");
        std::process::exit(2);
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("tagger_eval: {path}: {e}");
            std::process::exit(1);
        }
    };
    // the whole article in one call: tokens, and sentences as token ranges
    let mut toks: Vec<(usize, usize)> = Vec::new();
    let mut ranges = Vec::new();
    for (s, e) in sentences(&text) {
        let start = toks.len();
        toks.extend(tokenize(&text[s..e], s));
        ranges.push(start..toks.len());
    }
    let words: Vec<&str> = toks.iter().map(|&(a, b)| &text[a..b]).collect();
    let tags = tagger::ner().tag_article(&words, &ranges);
    // surface string + kind -> mentions
    let mut entities: BTreeMap<(String, &str), Vec<(usize, usize)>> = BTreeMap::new();
    let mut order: Vec<(String, &str)> = Vec::new();
    for range in ranges {
        let mut i = range.start;
        while i < range.end {
            let Some(ty) = tags[i].entity_type() else {
                i += 1;
                continue;
            };
            let mut j = i + 1;
            while j < range.end && !tags[j].begins() && tags[j].entity_type() == Some(ty) {
                j += 1;
            }
            let (a, b) = (toks[i].0, toks[j - 1].1);
            let kind = match ty {
                "PER" => "person",
                "ORG" => "organization",
                _ => "place",
            };
            let key = (text[a..b].to_string(), kind);
            if !entities.contains_key(&key) {
                order.push(key.clone());
            }
            entities.entry(key).or_default().push((a, b));
            i = j;
        }
    }
    let ents: Vec<_> = order
        .iter()
        .enumerate()
        .map(|(n, key)| {
            let mentions: Vec<_> = entities[key]
                .iter()
                .map(|&(s, e)| json!({"start": s, "end": e}))
                .collect();
            json!({"id": format!("e{}", n + 1), "kind": key.1, "name": key.0, "mentions": mentions})
        })
        .collect();
    let title = text.lines().next().map(str::trim).filter(|t| !t.is_empty());
    let out = json!({"title": title, "text": text, "entities": ents, "quotes": []});
    println!("{out}");
}
