//! Organisations: one entity per organisation however it is written — an
//! acronym and its full name (`MIT`, `Massachusetts Institute of Technology`),
//! both word orders (`Defense Department`, `Department of Defense`), a short
//! form inside a longer one (`Tax Policy Center`, `Urban-Brookings Tax Policy
//! Center`), and lowercase occurrences of a multi-word name (`the state
//! department`).

use super::{Draft, Mention, add_named, key};
use crate::analysis::EntityKind;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::Lexicon;

/// Words skipped when forming an acronym: `Massachusetts Institute of Technology` → MIT.
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "on", "in", "&", "at", "de"];

/// The acronym of a name: its capitalised words' first letters.
pub fn acronym(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !w.is_empty() && !ACRONYM_SKIP.contains(w))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2
        && letters.len() <= 8
        && letters
            .iter()
            .all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// `Department of Defense` → `Defense Department`.
fn reordered(name: &str) -> Option<String> {
    let (head, rest) = name.split_once(" of ")?;
    if head.contains(' ') || rest.split(' ').count() > 3 {
        return None;
    }
    Some(format!("{rest} {head}"))
}

/// Whether `short` is a contiguous run of whole words at the start or end of `long`.
fn is_part_of(short: &str, long: &str) -> bool {
    let s: Vec<&str> = short.split([' ', '-']).collect();
    let l: Vec<&str> = long.split([' ', '-']).collect();
    s.len() < l.len() && (l.ends_with(&s) || l.starts_with(&s))
}

/// Name each organisation by the longest form the article writes
/// (capitalised forms first): `Federal Reserve` rather than the lexicon's
/// name, `Department of the Treasury` only if the article says so.
pub fn name_by_longest_mention(doc: &Doc, orgs: &mut [Draft]) {
    for org in orgs {
        // (a name only ever written in lowercase keeps the lexicon's capitals)
        let best = org
            .mentions
            .iter()
            .map(|m| m.span.slice(doc.text))
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .max_by_key(|w| w.len());
        if let Some(w) = best {
            org.name = super::clean_name(w);
        }
    }
}

/// Merge organisations that are one.
pub fn merge(orgs: &mut Vec<Draft>) {
    let mut i = 0;
    while i < orgs.len() {
        let target = (0..orgs.len()).find(|&j| {
            j != i && same(&orgs[i].name, &orgs[j].name) && orgs[j].name.len() > orgs[i].name.len()
        });
        match target {
            Some(j) => {
                let from = orgs.remove(i);
                let j = if j > i { j - 1 } else { j };
                orgs[j].mentions.extend(from.mentions);
                for r in from.roles {
                    if !orgs[j].roles.contains(&r) {
                        orgs[j].roles.push(r);
                    }
                }
            }
            None => i += 1,
        }
    }
}

/// Whether the shorter name `a` names the organisation `b`.
fn same(a: &str, b: &str) -> bool {
    let (ka, kb) = (key(a), key(b));
    if is_acronym(a) && acronym(b) == a.replace('.', "") {
        return true;
    }
    if reordered(b).is_some_and(|r| key(&r) == ka) || reordered(a).is_some_and(|r| key(&r) == kb) {
        return true;
    }
    // a short form of at least two words, or one distinctive word, inside the long name
    let words = a.split(' ').count();
    is_part_of(&ka, &kb) && (words >= 2 || b.starts_with(a))
}

/// Well-known organisations of two or three words written in lowercase, as
/// careless or machine-translated text does: `of the state department`.
pub fn known_in_lowercase(doc: &Doc, lex: &Lexicon, orgs: &mut Vec<Draft>) {
    let lower = |i: usize| {
        let w = doc.word(i);
        w.chars().all(|c| c.is_lowercase()) && w.chars().any(char::is_alphabetic)
    };
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        let mut i = range.start;
        while i + 1 < range.end {
            let mut taken = 0;
            for n in [3usize, 2] {
                if i + n > range.end || !(i..i + n).all(lower) {
                    continue;
                }
                let title_cased: Vec<String> =
                    (i..i + n).map(|k| capitalise(doc.word(k))).collect();
                if let Some(org) = lex.organization(&title_cased.join(" ")) {
                    let mention = Mention {
                        tokens: i..i + n,
                        span: doc.span(&(i..i + n)),
                    };
                    add_named(
                        orgs,
                        EntityKind::Organization,
                        org.name,
                        mention,
                        None,
                        None,
                    );
                    taken = n;
                    break;
                }
            }
            i += taken.max(1);
        }
    }
}

fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Lowercase occurrences of multi-word names: `the state department`.
pub fn lowercase_mentions(doc: &Doc, orgs: &mut [Draft]) {
    let lower_text = doc.text.to_lowercase();
    if lower_text.len() != doc.text.len() {
        return; // offsets would not line up
    }
    for org in orgs.iter_mut() {
        if !org.name.contains(' ') {
            continue;
        }
        let needle = org.name.to_lowercase();
        let mut from = 0;
        while let Some(found) = lower_text[from..].find(&needle) {
            let start = from + found;
            let end = start + needle.len();
            from = end;
            let text = &doc.text[start..end];
            let bounded = !doc.text[..start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !doc.text[end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric);
            if !bounded
                || text == org.name
                || org
                    .mentions
                    .iter()
                    .any(|m| m.span.start <= start && end <= m.span.end)
            {
                continue;
            }
            if text.chars().next().is_some_and(char::is_lowercase) {
                let first = doc.tokens.partition_point(|t| t.span.end <= start);
                let last = doc.tokens.partition_point(|t| t.span.start < end);
                org.mentions.push(Mention {
                    tokens: first..last.max(first + 1),
                    span: crate::span::Span::new(start, end),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_and_word_orders_name_one_organisation() {
        assert!(same("MIT", "Massachusetts Institute of Technology"));
        assert!(same("Defense Department", "Department of Defense"));
        assert!(same(
            "Tax Policy Center",
            "Urban-Brookings Tax Policy Center"
        ));
        assert!(same("Harvard", "Harvard University"));
        assert!(!same("State Department", "Department of Defense"));
        assert!(!same("University", "Harvard University"));
    }
}
