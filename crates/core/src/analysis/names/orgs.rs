//! Organisations: one entity per organisation however it is written — an
//! acronym and its full name (`MIT`, `Massachusetts Institute of Technology`),
//! both word orders (`Defense Department`, `Department of Defense`), a short
//! form inside a longer one (`Tax Policy Center`, `Urban-Brookings Tax Policy
//! Center`), and lowercase occurrences of a multi-word name (`the state
//! department`).

use super::candidates::Shapes;
use super::{Draft, Mention, Named, key};
use crate::analysis::EntityKind;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::FastMap;
use crate::analysis::lexicon::Lexicon;

mod occurrences;

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
#[cfg(test)]
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
    // each name's forms, made once (names do not change while merging)
    let mut forms: Vec<Forms> = orgs.iter().map(|o| Forms::new(&o.name)).collect();
    let mut i = 0;
    while i < orgs.len() {
        let target = (0..orgs.len()).find(|&j| {
            j != i && orgs[j].name.len() > orgs[i].name.len() && same_forms(&forms[i], &forms[j])
        });
        match target {
            Some(j) => {
                let from = orgs.remove(i);
                forms.remove(i);
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

/// An organisation's name read as a place and a head word: `U.S.
/// Congress` and `United States Congress` are (United States, congress);
/// or a country's own body (`National Congress`: congress).
#[derive(Debug, PartialEq)]
enum PlaceAndHead {
    /// The place the words before the head name (by the gazetteer's own
    /// name, so that aliases meet), whether it is a country, and the head's key.
    Of(&'static str, bool, String),
    /// A word of [`national_words`](crate::lists::WordLists::national_words) and the head's key.
    National(String),
}

fn place_and_head(lex: &Lexicon, written: &str) -> Option<PlaceAndHead> {
    let (front, head) = written.trim().rsplit_once(' ')?;
    if !written.chars().next().is_some_and(char::is_uppercase)
        || lex.org_cue(head).is_none()
        || head.contains(['\n', '\r'])
    {
        return None;
    }
    if lex.lists.national_words.contains(front) {
        return Some(PlaceAndHead::National(key(head)));
    }
    let m = lex
        .place(front)
        .filter(|m| m.how != crate::analysis::lexicon::NameKind::Variant)?;
    let country = m.place.feature == crate::analysis::lexicon::Feature::Country;
    Some(PlaceAndHead::Of(m.place.name, country, key(head)))
}

/// Merge organisations named by the same place in other words and the same
/// organisation word (`U.S. Congress`, `United States Congress`), and a
/// country's own body (`the National Congress`) with the one organisation
/// of that word named after a country in the text.
pub fn merge_same_place_and_head(doc: &Doc, lex: &Lexicon, orgs: &mut Vec<Draft>) {
    let mut forms: Vec<Vec<PlaceAndHead>> = orgs
        .iter()
        .map(|o| {
            let mut f: Vec<PlaceAndHead> = Vec::new();
            for m in &o.mentions {
                if let Some(p) = place_and_head(lex, m.span.slice(doc.text))
                    && !f.contains(&p)
                {
                    f.push(p);
                }
            }
            f
        })
        .collect();
    if forms.iter().all(Vec::is_empty) {
        return;
    }
    let absorb =
        |orgs: &mut Vec<Draft>, forms: &mut Vec<Vec<PlaceAndHead>>, into: usize, from: usize| {
            let o: Draft = orgs.remove(from);
            let f = forms.remove(from);
            let into = if into > from { into - 1 } else { into };
            orgs[into].mentions.extend(o.mentions);
            for r in o.roles {
                if !orgs[into].roles.contains(&r) {
                    orgs[into].roles.push(r);
                }
            }
            for p in f {
                if !forms[into].contains(&p) {
                    forms[into].push(p);
                }
            }
        };
    // the same place and head
    let mut i = 0;
    while i < orgs.len() {
        let same = (i + 1..orgs.len()).find(|&j| {
            forms[i]
                .iter()
                .any(|p| matches!(p, PlaceAndHead::Of(..)) && forms[j].contains(p))
        });
        match same {
            Some(j) => absorb(orgs, &mut forms, i, j),
            None => i += 1,
        }
    }
    // a country's own body: into the one organisation of that head named
    // after a country
    let mut i = 0;
    while i < orgs.len() {
        let national = forms[i].iter().find_map(|p| match p {
            PlaceAndHead::National(h) => Some(h.clone()),
            PlaceAndHead::Of(..) => None,
        });
        let named_after_place = forms[i].iter().any(|p| matches!(p, PlaceAndHead::Of(..)));
        let target = national.filter(|_| !named_after_place).and_then(|h| {
            let mut of_country = (0..orgs.len()).filter(|&j| {
                j != i
                    && forms[j]
                        .iter()
                        .any(|p| matches!(p, PlaceAndHead::Of(_, true, head) if *head == h))
            });
            let first = of_country.next()?;
            of_country.next().is_none().then_some(first)
        });
        match target {
            Some(j) => absorb(orgs, &mut forms, j, i),
            None => i += 1,
        }
    }
}

/// Merge an organisation word used alone (`the Court`, `the Party`) into
/// the one organisation of the text whose name ends in it (`Supreme Court`,
/// `New People Party`), unless that name opens with a place or a people
/// (`European Parliament`, `Texas Senate`: `Parliament` alone is most
/// often the reader's own country's).
pub fn merge_word_alone_into_its_organisation(doc: &Doc, lex: &Lexicon, orgs: &mut Vec<Draft>) {
    let mut i = 0;
    while i < orgs.len() {
        let alone = {
            let o = &orgs[i];
            let mut written = o.mentions.iter().map(|m| m.span.slice(doc.text));
            let first = written.next().unwrap_or_default();
            (!first.contains(char::is_whitespace)
                && lex.org_cue(first).is_some()
                && written.all(|w| w == first))
            .then(|| first.to_string())
        };
        let target = alone.and_then(|word| {
            let ends_in_it = |o: &Draft| {
                o.mentions.iter().any(|m| {
                    let w = m.span.slice(doc.text);
                    w.rsplit_once(' ').is_some_and(|(front, last)| {
                        last == word
                            && front.chars().next().is_some_and(char::is_uppercase)
                            && lex.place(front).is_none()
                            && lex.demonym(front).is_none()
                            && lex
                                .place(front.split(' ').next().unwrap_or_default())
                                .is_none()
                            && lex
                                .demonym(front.split(' ').next().unwrap_or_default())
                                .is_none()
                    })
                })
            };
            let mut owners = (0..orgs.len()).filter(|&j| j != i && ends_in_it(&orgs[j]));
            let first = owners.next()?;
            owners.next().is_none().then_some(first)
        });
        match target {
            Some(j) => {
                let from = orgs.remove(i);
                let j = if j > i { j - 1 } else { j };
                orgs[j].mentions.extend(from.mentions);
            }
            None => i += 1,
        }
    }
}

/// What [`same_forms`] compares of a name, made once per name.
struct Forms {
    name: String,
    key: String,
    /// The letters without periods, when the name is an acronym.
    as_acronym: Option<String>,
    /// Its [`acronym`].
    acronym: String,
    /// The key of the name reordered (`Department of Defense` → `defense department`).
    reordered_key: Option<String>,
    words: usize,
    /// The key's words split at spaces and hyphens, as byte ranges of `key`.
    parts: Vec<std::ops::Range<usize>>,
    /// The key without its top-level domain, when the name is a web
    /// address (`Wired.com` → `wired`).
    site_key: Option<String>,
}

impl Forms {
    fn new(name: &str) -> Self {
        let k = key(name);
        let mut parts = Vec::new();
        let mut start = 0;
        for (i, c) in k.char_indices().filter(|&(_, c)| c == ' ' || c == '-') {
            parts.push(start..i);
            start = i + c.len_utf8();
        }
        parts.push(start..k.len());
        Forms {
            parts,
            name: name.to_string(),
            key: k,
            as_acronym: is_acronym(name).then(|| name.replace('.', "")),
            acronym: acronym(name),
            reordered_key: reordered(name).map(|r| key(&r)),
            words: name.split(' ').count(),
            site_key: site(name).map(key),
        }
    }
}

/// Whether the shorter name `a` names the organisation `b`.
#[cfg(test)]
fn same(a: &str, b: &str) -> bool {
    same_forms(&Forms::new(a), &Forms::new(b))
}

/// The site's name of a web address of one word (`Wired.com` → `Wired`).
fn site(name: &str) -> Option<&str> {
    let (site, tld) = name.rsplit_once('.')?;
    (!site.is_empty()
        && !site.contains([' ', '.'])
        && (2..=4).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_lowercase()))
    .then_some(site)
}

fn same_forms(a: &Forms, b: &Forms) -> bool {
    // `Wired` and its site `Wired.com`
    if b.site_key.as_ref().is_some_and(|s| *s == a.key) {
        return true;
    }
    if a.as_acronym
        .as_ref()
        .is_some_and(|letters| b.acronym == *letters)
    {
        return true;
    }
    if b.reordered_key.as_ref().is_some_and(|r| *r == a.key)
        || a.reordered_key.as_ref().is_some_and(|r| *r == b.key)
    {
        return true;
    }
    // a short form of at least two words, or one distinctive word, inside the long name
    part_of(a, b) && (a.words >= 2 || b.name.starts_with(&a.name))
}

/// [`is_part_of`] on the keys, with their words split once.
fn part_of(short: &Forms, long: &Forms) -> bool {
    let (s, l) = (&short.parts, &long.parts);
    let same = |x: &[std::ops::Range<usize>], y: &[std::ops::Range<usize>]| {
        x.iter()
            .zip(y)
            .all(|(a, b)| short.key[a.clone()] == long.key[b.clone()])
    };
    s.len() < l.len() && (same(s, &l[l.len() - s.len()..]) || same(s, &l[..s.len()]))
}

/// Well-known organisations of two or three words written in lowercase, as
/// careless or machine-translated text does: `of the state department`.
pub(super) fn known_in_lowercase(doc: &Doc, lex: &Lexicon, shapes: &Shapes, orgs: &mut Named) {
    let is_lower = |i: usize| shapes.lowercase(i);
    let mut first = String::new();
    let mut phrase = String::new();
    // whether a known name of two or three words starts with the word
    // (capitalised), asked once per distinct word
    let mut starts: FastMap<&str, bool> = FastMap::default();
    for sentence in &doc.sentences {
        let range = sentence.tokens.clone();
        let mut i = range.start;
        while i + 1 < range.end {
            let mut taken = 0;
            // no known name of two or three words starts with this word: skip
            // (every name looked for has two words at least, both lowercase)
            // (`the hill`, `the verge`: a determiner and a common noun,
            // however a newspaper is named)
            let may_start =
                is_lower(i) && is_lower(i + 1) && !lex.lists.determiners.contains(doc.word(i)) && {
                    let w = doc.word(i);
                    *starts.entry(w).or_insert_with(|| {
                        capitalise_into(w, &mut first);
                        lex.organization_goes_on(&first)
                    })
                };
            if may_start {
                // the words title-cased, joined by spaces: two, and a third
                // if some name goes on after those two (the longer first)
                phrase.clear();
                push_capitalised(doc.word(i), &mut phrase);
                phrase.push(' ');
                push_capitalised(doc.word(i + 1), &mut phrase);
                let (two, goes_on) = lex.organization_and_goes_on(&phrase);
                let mut found = None;
                if goes_on && i + 3 <= range.end && is_lower(i + 2) {
                    phrase.push(' ');
                    push_capitalised(doc.word(i + 2), &mut phrase);
                    found = lex.organization(&phrase).map(|o| (3, o));
                }
                if let Some((n, org)) = found.or(two.map(|o| (2, o))) {
                    let mention = Mention::at(doc, i..i + n);
                    orgs.add(EntityKind::Organization, org.name, mention, None, None);
                    taken = n;
                }
            }
            i += taken.max(1);
        }
    }
}

/// `word` with its first letter in capitals, into a reused buffer.
fn capitalise_into(word: &str, out: &mut String) {
    out.clear();
    push_capitalised(word, out);
}

/// `word` with its first letter in capitals, added to `out`.
fn push_capitalised(word: &str, out: &mut String) {
    let mut c = word.chars();
    if let Some(f) = c.next() {
        out.extend(f.to_uppercase());
        out.push_str(c.as_str());
    }
}

/// Lowercase occurrences of multi-word names: `the state department`.
pub fn lowercase_mentions(doc: &Doc, lex: &Lexicon, orgs: &mut [Draft]) {
    // (not a name that opens with a determiner: `the hill` after `The Hill`
    // is a hill)
    let opens_with_determiner = |name: &str| {
        name.split(' ')
            .next()
            .is_some_and(|w| lex.lists.determiners.contains(&w.to_lowercase()))
    };
    let names: Vec<(usize, String)> = orgs
        .iter()
        .enumerate()
        .filter(|(_, org)| org.name.contains(' ') && !opens_with_determiner(&org.name))
        .map(|(o, org)| (o, org.name.to_lowercase()))
        .collect();
    if names.is_empty() {
        return;
    }
    let mut needles: Vec<&str> = names.iter().map(|(_, n)| n.as_str()).collect();
    needles.sort_unstable();
    needles.dedup();
    let Some(mut found) = occurrences::in_lowercase(doc.text, &needles) else {
        return; // offsets would not line up
    };
    for (o, needle) in &names {
        let org = &mut orgs[*o];
        let Ok(n) = needles.binary_search(&needle.as_str()) else {
            continue;
        };
        let mut starts = std::mem::take(&mut found[n]);
        starts.sort_unstable();
        // the leftmost occurrence at or after `from`, as `str::find` finds it
        let mut from = 0;
        for &start in &starts {
            if start < from {
                continue;
            }
            let end = start + needle.len();
            from = end;
            let text = &doc.text[start..end];
            // only lowercase occurrences are added (the others are the
            // names' own mentions, or not mentions at all)
            if !text.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
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
            let first = doc.tokens.partition_point(|t| t.span().end <= start);
            let last = doc.tokens.partition_point(|t| t.span().start < end);
            org.mentions.push(Mention {
                tokens: first..last.max(first + 1),
                span: crate::span::Span::new(start, end),
            });
        }
        found[n] = starts;
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
        assert!(same("Wired", "Wired.com"));
        assert!(!same("Wired", "Wired.co.uk.example"));
        assert!(!same("Wire", "Wired.com"));
    }

    #[test]
    fn a_place_and_an_organisation_word_are_read_by_the_places_own_name() {
        let lex = crate::analysis::lexicon::get();
        let us = place_and_head(lex, "U.S. Congress");
        assert!(
            matches!(&us, Some(PlaceAndHead::Of(_, true, h)) if h == "congress"),
            "{us:?}"
        );
        assert_eq!(us, place_and_head(lex, "United States Congress"));
        assert_eq!(
            place_and_head(lex, "National Congress"),
            Some(PlaceAndHead::National("congress".into()))
        );
        assert_ne!(us, place_and_head(lex, "Mexico Congress"));
        // no organisation word at the end, or no place before it
        assert_eq!(place_and_head(lex, "United States Bridge"), None);
        assert_eq!(place_and_head(lex, "Whig Congress"), None);
        assert_eq!(place_and_head(lex, "Congress"), None);
    }

    #[test]
    fn words_split_once_compare_as_split_each_time() {
        let names = [
            "Tax Policy Center",
            "Urban-Brookings Tax Policy Center",
            "Policy Center",
            "Urban",
            "urban-brookings",
            "Harvard",
            "Harvard University",
            "",
            "Center-",
            "A  B",
        ];
        for a in names {
            for b in names {
                let (fa, fb) = (Forms::new(a), Forms::new(b));
                assert_eq!(
                    part_of(&fa, &fb),
                    is_part_of(&fa.key, &fb.key),
                    "{a:?} {b:?}"
                );
            }
        }
    }
}
