//! Names: candidate runs of capitalised words, what kind of name each is, and
//! which real-world person, organisation or place it refers to.
//!
//! 1. [`candidates`]: runs of capitalised words per sentence.
//! 2. [`segment`]: titles and roles off, joined runs split or kept.
//! 3. [`evidence`]: votes per occurrence, summed per name over the document.
//! 4. people ([`people`]), organisations ([`orgs`]) and places are gathered
//!    into entities; a bare family name goes to the most prominent bearer;
//!    a well-known place inside another name is a place mention too
//!    ([`nested`]).

pub mod candidates;
pub mod evidence;
mod explained;
mod geo;
mod nested;
pub mod orgs;
pub mod people;
pub mod rules;
pub mod segment;

use crate::analysis::lexicon::{FastMap, FastSet};
use std::ops::Range;

use crate::analysis::Gender;
use crate::analysis::doc::Doc;
use crate::analysis::explain::{NameExplanation, Trace};
use crate::analysis::lexicon::Lexicon;
use crate::analysis::{EntityKind, Geo};
use crate::span::Span;
use explained::Explained;
use people::PersonName;
use rules::{Ballot, Kind, Votes};
use segment::NameSpan;

/// One mention: the tokens it lies in and its exact bytes (a part of a
/// token for `Trump` in `Trump-Kim`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub tokens: Range<usize>,
    pub span: Span,
}

impl Mention {
    /// The mention of whole tokens `tokens`.
    pub fn at(doc: &Doc, tokens: Range<usize>) -> Self {
        Mention {
            span: doc.span(&tokens),
            tokens,
        }
    }
}

/// An entity as the names step builds it.
#[derive(Clone, Debug)]
pub struct Draft {
    pub kind: EntityKind,
    pub name: String,
    pub roles: Vec<String>,
    pub mentions: Vec<Mention>,
    pub gender: Option<Gender>,
    pub geo: Option<Geo>,
}

/// What the lexicon says of a run of words, worked out at the run's first
/// occurrence in a document and kept by its text, with the words it was
/// worked out for (the same text cut into other words is worked out again):
/// the same at every occurrence, where only the context differs.
pub struct PerRun<'a, T> {
    by_text: FastMap<&'a str, (Vec<&'a str>, T)>,
}

impl<T> Default for PerRun<'_, T> {
    fn default() -> Self {
        PerRun {
            by_text: FastMap::default(),
        }
    }
}

impl<'a, T: Clone> PerRun<'a, T> {
    /// What `work_out` gives for the run `words` (written `full`), or gave
    /// before.
    fn get(&mut self, full: &'a str, words: &[&'a str], work_out: impl FnOnce() -> T) -> T {
        if let Some((known, value)) = self.by_text.get(full)
            && known.as_slice() == words
        {
            return value.clone();
        }
        let value = work_out();
        self.by_text.insert(full, (words.to_vec(), value.clone()));
        value
    }
}

/// Find the people, organisations and places of a document. `explain`,
/// when given, receives each name's rules (the same votes, recorded).
pub fn resolve(doc: &Doc, lex: &Lexicon, explain: Option<&mut Vec<NameExplanation>>) -> Vec<Draft> {
    let mut spans: Vec<NameSpan> = Vec::new();
    // (the rules' view of each token's case, told once)
    let shapes = doc
        .parts
        .rules
        .then(|| candidates::Shapes::of(lex, doc.text, &doc.tokens));
    if let Some(shapes) = &shapes {
        let mut runs = segment::Runs::default();
        for (k, sentence) in doc.sentences.iter().enumerate() {
            for cand in candidates::in_sentence(lex, doc.text, &doc.tokens, shapes, sentence, k) {
                spans.extend(segment::segment(doc, lex, &cand, &mut runs));
            }
        }
    } else {
        spans = evidence::tagged_spans(doc);
    }
    // votes per name, over the whole document
    let keys: Vec<String> = spans.iter().map(|s| key(doc.slice(&s.tokens))).collect();
    let mut trace = Trace::when(explain.is_some());
    let mut explained = Explained::default();
    let mut totals: FastMap<&str, Votes> = FastMap::default();
    let mut facts = evidence::Facts::default();
    for (s, k) in spans.iter().zip(&keys) {
        let mut votes = Votes::default();
        let mut ballot = Ballot::new(&mut votes, &mut trace, || doc.span(&s.tokens));
        if doc.parts.rules {
            evidence::votes(doc, lex, s, &mut facts, &mut ballot);
        } else {
            evidence::tagger_only_votes(doc, s, &mut ballot);
        }
        totals.entry(k.as_str()).or_default().add(votes);
        if trace.is_on() {
            explained.occurrence(doc, k, s, trace.take());
        }
    }
    // a guide's entry under a heading of places (`Islands`, `Cities`): a
    // name opening a block of that section is one of them
    if doc.parts.rules {
        let sections = evidence::place_sections(doc, lex);
        for (s, k) in spans.iter().zip(&keys) {
            if evidence::listed_under_place_heading(doc, &sections, s)
                && let Some(v) = totals.get_mut(k.as_str())
            {
                let words = doc.words(s.tokens.clone());
                let f = facts.of(lex, doc.slice(&s.tokens), &words);
                if f.only_common || f.calendar || f.organization.is_some() {
                    continue;
                }
                let mut ballot = Ballot::new(v, &mut trace, || doc.span(&s.tokens));
                ballot.cast(&rules::LISTED_UNDER_PLACE_HEADING);
                ballot.cast(&rules::LISTED_UNDER_PLACE_HEADING_NOT_PERSON);
                explained.later(k, trace.take());
            }
        }
    }
    // a name used with a place word after it elsewhere is that place
    // (`Coron Island` makes `Coron` a place, whatever a tagger thinks)
    let as_places: Vec<(String, f32, Span)> = totals
        .iter()
        .filter_map(|(k, v)| {
            let (head, last) = k.rsplit_once(' ')?;
            let is_feature = lex.lists.place_words_after_name.contains(last);
            (is_feature && !head.contains(' ') && v.leads(Kind::Place))
                .then(|| (head.to_string(), v.place, explained.first_at(k)))
        })
        .collect();
    for (head, place, at) in as_places {
        if let Some(v) = totals.get_mut(head.as_str()) {
            Ballot::new(v, &mut trace, || at).cast_weighing(
                &rules::NAMED_WITH_PLACE_WORD_ELSEWHERE,
                place.min(rules::NAMED_WITH_PLACE_WORD_ELSEWHERE.weight),
            );
            explained.later(&head, trace.take());
        }
    }
    // the one word after `the` of a place's name (`the States of the
    // Union`), used alone after `the` elsewhere, is the place it is of
    let objects: Vec<(String, Span)> = totals
        .iter()
        .filter_map(|(k, v)| {
            let (head, object) = k.split_once(" of the ")?;
            let is_place = v.leads(Kind::Place);
            (is_place && !head.contains(' ') && !object.contains(' '))
                .then(|| (object.to_string(), explained.first_at(k)))
        })
        .collect();
    for (object, at) in objects {
        let after_the = spans.iter().zip(&keys).any(|(s, k)| {
            *k == object && s.tokens.start > 0 && doc.word(s.tokens.start - 1) == "the"
        });
        if let Some(v) = totals.get_mut(object.as_str())
            && after_the
        {
            Ballot::new(v, &mut trace, || at).cast(&rules::OBJECT_OF_PLACE_NAME_ELSEWHERE);
            explained.later(&object, trace.take());
        }
    }
    // the first words of an organisation's name, used alone, are that
    // organisation (`Florida State` after `Florida State University`), but
    // not a division's (`City of Morlund` after `City of Morlund Council`)
    // nor a place the gazetteer knows, which the organisation is named
    // after (`San Francisco` after `San Francisco Bulletin`)
    let short_orgs: Vec<(String, Span)> = totals
        .iter()
        .filter_map(|(k, v)| {
            let (head, last) = k.rsplit_once(' ')?;
            if head
                .split_once(" of ")
                .is_some_and(|(d, _)| evidence::is_division(lex, d))
            {
                return None;
            }
            (head.contains(' ') && org_ending_in_cue(lex, v, last))
                .then(|| (head.to_string(), explained.first_at(k)))
        })
        .filter(|(head, _)| {
            // (the head as first written, for the gazetteer's case)
            let written = keys
                .iter()
                .position(|k| k == head)
                .map(|i| doc.slice(&spans[i].tokens));
            written.is_none_or(|w| lex.place(w).is_none())
        })
        .collect();
    for (head, at) in short_orgs {
        if let Some(v) = totals.get_mut(head.as_str()) {
            Ballot::new(v, &mut trace, || at).cast(&rules::SHORT_FORM_OF_ORG);
            explained.later(&head, trace.take());
        }
    }
    // an acronym brought in for lowercase words is a term, wherever it is
    // used (`sea surface salinity (SSS)`)
    // (or for capitalised ordinary words that name no organisation:
    // `Compact Fluorescent Light (CFL)`)
    let terms: Vec<(&str, Span, &rules::Rule)> = spans
        .iter()
        .zip(&keys)
        .filter(|_| doc.parts.rules)
        .filter_map(|(s, k)| {
            let rule = if evidence::acronym_of_lowercase_words(doc, lex, s) {
                &rules::ACRONYM_OF_LOWERCASE_WORDS
            } else if evidence::acronym_of_ordinary_words(doc, lex, s) {
                &rules::ACRONYM_OF_ORDINARY_WORDS
            } else {
                return None;
            };
            Some((k.as_str(), doc.span(&s.tokens), rule))
        })
        .collect();
    for (k, at, rule) in terms {
        if let Some(v) = totals.get_mut(k) {
            Ballot::new(v, &mut trace, || at).cast(rule);
            explained.later(k, trace.take());
        }
    }
    // an unknown acronym whose letters are the initials of capitalised
    // words the rules take for no name, written elsewhere in the text
    // (`Iodine Deficiency Disorders` … `the effects of IDD`), stands for
    // them: a term, no organisation
    if doc.parts.rules {
        acronyms_of_unnamed_words(
            doc,
            lex,
            &spans,
            &keys,
            &mut totals,
            &mut trace,
            &mut explained,
        );
    }
    // a storm's name used alone, or after the initials of its kind (`T C
    // Phailin` after `Cyclone Phailin`), is the storm's, no one's
    let storms: FastMap<String, Span> = spans
        .iter()
        .filter_map(|s| {
            let words = doc.words(s.tokens.clone());
            evidence::storm_name(lex, &words).map(|name| (key(name), doc.span(&s.tokens)))
        })
        .collect();
    if !storms.is_empty() {
        for (k, v) in totals.iter_mut() {
            let mut words: Vec<&str> = k.split(' ').collect();
            let Some(last) = words.pop() else { continue };
            let initials = words
                .iter()
                .all(|w| w.trim_end_matches('.').chars().count() <= 2);
            if let Some(&at) = storms.get(last)
                && initials
            {
                Ballot::new(v, &mut trace, || at).cast(&rules::STORM_NAME_ALONE);
                explained.later(k, trace.take());
            }
        }
    }
    // a text that names a road by its number beside a road's word names its
    // other road-shaped numbers after `the` as roads too (`the A59 and the
    // M62` after `the M1 northbound`; not `A1 steak sauce`)
    let road_at = spans
        .iter()
        .filter(|_| doc.parts.rules)
        .find(|s| evidence::number_in_road_context(doc, lex, s))
        .map(|s| doc.span(&s.tokens));
    if let Some(at) = road_at {
        let roads: FastSet<&str> = spans
            .iter()
            .zip(&keys)
            .filter(|(s, _)| {
                evidence::road_number_after_the(doc, s)
                    || evidence::number_in_road_context(doc, lex, s)
            })
            .map(|(_, k)| k.as_str())
            .collect();
        for k in roads {
            if let Some(v) = totals.get_mut(k) {
                Ballot::new(v, &mut trace, || at).cast(&rules::ROAD_NUMBER_ELSEWHERE);
                explained.later(k, trace.take());
            }
        }
    }
    // the first word of a longer organisation name, used alone and never
    // with a title, is that organisation (`Packard` after `Packard Motor Car
    // Company`), but not a place (`Sydney` in `Sydney Morning Herald`); a
    // family name of someone named in full stays theirs (below), and two-word
    // names are left alone (`Trump` after `Trump Organization`)
    let titled: FastSet<&str> = spans
        .iter()
        .zip(&keys)
        .filter(|(s, _)| s.title.is_some() || s.role.is_some())
        .map(|(_, k)| k.as_str())
        .collect();
    let first_words: Vec<(String, Span)> = totals
        .iter()
        .filter_map(|(k, v)| {
            let words: Vec<&str> = k.split(' ').collect();
            if words.len() < 3 || k.contains(" of ") {
                return None;
            }
            org_ending_in_cue(lex, v, words[words.len() - 1])
                .then(|| (words[0].to_string(), explained.first_at(k)))
        })
        .collect();
    for (head, at) in first_words {
        if titled.contains(head.as_str()) {
            continue;
        }
        if let Some(v) = totals.get_mut(head.as_str())
            && v.none.max(v.place) < v.person.max(v.org)
            && !evidence::is_common(lex, &head)
        {
            // (`none` is below the others here: the lead over all four is
            // the lead over the three)
            Ballot::new(v, &mut trace, || at).cast(&rules::FIRST_WORD_OF_ORG);
            explained.later(&head, trace.take());
        }
    }
    // a town a school is named after (`Harrow School`), used alone, is the
    // school (`sent to Harrow`, `other Harrow boys`), unless the text puts
    // something in the town (`a house in Harrow`) or the town is a major
    // place (`Boston College` … `in Boston`)
    if doc.parts.rules {
        let mut schools: Vec<(String, Span)> = spans
            .iter()
            .zip(&keys)
            .filter(|(s, _)| {
                s.tokens.len() >= 2
                    && lex
                        .lists
                        .schools_named_after_towns
                        .contains(doc.word(s.tokens.end - 1))
            })
            .filter_map(|(_, k)| {
                let v = totals.get(k.as_str())?;
                let (town, _) = k.rsplit_once(' ')?;
                v.leads(Kind::Org)
                    .then(|| (town.to_string(), explained.first_at(k)))
            })
            .collect();
        schools.sort_by(|a, b| a.0.cmp(&b.0));
        schools.dedup_by(|a, b| a.0 == b.0);
        for (town, at) in schools {
            let mut uses = spans.iter().zip(&keys).filter(|(_, k)| **k == town);
            let Some((first, _)) = uses.clone().next() else {
                continue;
            };
            let small_town = lex
                .place(doc.slice(&first.tokens))
                .is_some_and(|m| !evidence::is_major_place(&m));
            let in_it = uses.any(|(s, _)| {
                s.tokens.start > 0
                    && lex
                        .lists
                        .located_in_prepositions
                        .contains(doc.word(s.tokens.start - 1))
            });
            if let Some(v) = totals.get_mut(town.as_str())
                && small_town
                && !in_it
            {
                Ballot::new(v, &mut trace, || at).cast(&rules::SCHOOL_NAMED_AFTER_TOWN);
                explained.later(&town, trace.take());
            }
        }
    }
    // a name no rule decides, on one side of `v`/`vs` whose other side is
    // an organisation (`the Eton v Harrow cricket match`, Harrow a school),
    // is a side of the same kind
    if doc.parts.rules {
        let leads_org = |v: &Votes| v.leads(Kind::Org);
        let undecided = |v: &Votes| v.person <= 0.0 && v.org <= 0.0 && v.place <= 0.0;
        let mut sides: Vec<(String, Span)> = Vec::new();
        for (a, b) in spans.iter().zip(&keys).zip(spans.iter().zip(&keys).skip(1)) {
            let ((sa, ka), (sb, kb)) = (a, b);
            let between = sa.tokens.end + 1 == sb.tokens.start
                && matches!(doc.word(sa.tokens.end), "v" | "vs" | "vs." | "versus");
            if !between {
                continue;
            }
            let (Some(va), Some(vb)) = (totals.get(ka.as_str()), totals.get(kb.as_str())) else {
                continue;
            };
            if undecided(va) && leads_org(vb) {
                sides.push((ka.clone(), doc.span(&sb.tokens)));
            } else if undecided(vb) && leads_org(va) {
                sides.push((kb.clone(), doc.span(&sa.tokens)));
            }
        }
        for (k, at) in sides {
            if let Some(v) = totals.get_mut(k.as_str()) {
                Ballot::new(v, &mut trace, || at).cast(&rules::SIDE_OF_A_MATCH_WITH_ORG);
                explained.later(&k, trace.take());
            }
        }
    }
    // a full name shares the votes of its last word used alone
    // (`Mr. Georgelis` makes `Tasos Georgelis` a person)
    let singles: FastMap<&str, Votes> = totals
        .iter()
        .filter(|(k, _)| !k.contains(' '))
        .map(|(k, v)| (*k, *v))
        .collect();
    // (each name of several words as first written)
    let written: FastMap<&str, &str> = keys
        .iter()
        .zip(&spans)
        .filter(|(k, _)| k.contains(' '))
        .map(|(k, s)| (k.as_str(), doc.slice(&s.tokens)))
        .collect();
    // (how often each single word is used alone, and how often of those
    // not opening a sentence)
    let mut alone: FastMap<&str, (u32, u32)> = FastMap::default();
    for (s, k) in spans.iter().zip(&keys).filter(|(_, k)| !k.contains(' ')) {
        let n = alone.entry(k.as_str()).or_default();
        n.0 += 1;
        n.1 += u32::from(!s.sentence_initial);
    }
    for (k, v) in totals.iter_mut() {
        // `Évariste Galois` … `Galois`: a name of two or three words that no
        // cue made anything else, whose last word is used alone elsewhere
        // (once at least mid-sentence) twice or more, or once with some vote
        // for a person (and is no known organisation or major place), is a
        // person's (`Mozilla Firefox` … `Firefox` once is not enough)
        if let Some((_, last)) = k.rsplit_once(' ')
            && let Some(single) = singles.get(last)
            && let Some(&(times, mid_sentence)) = alone.get(last)
            && mid_sentence >= 1
            && (times >= 2 || single.person > 0.0)
            && let Some(name) = written.get(k)
            && named_again_by_last_word(lex, name, last, v, single)
        {
            Ballot::new(v, &mut trace, || explained.first_at(last))
                .cast(&rules::NAMED_AGAIN_BY_LAST_WORD);
            explained.later(k, trace.take());
        }
        if let Some((_, last)) = k.rsplit_once(' ')
            && let Some(single) = singles.get(last)
            && single.person > single.org.max(single.place).max(single.none)
        {
            let rule = &rules::FULL_NAME_SHARES_LAST_WORD;
            Ballot::new(v, &mut trace, || explained.first_at(last))
                .cast_weighing(rule, single.person.min(4.0) * rule.weight);
            explained.later(k, trace.take());
        }
    }
    if doc.parts.rules {
        coordinated_with_person(
            doc,
            lex,
            &spans,
            &keys,
            &mut totals,
            &mut trace,
            &mut explained,
        );
        affiliated_with_person(
            doc,
            lex,
            &spans,
            &keys,
            &mut totals,
            &mut trace,
            &mut explained,
        );
    }
    let kind_of = |k: &str| -> Option<EntityKind> {
        let v = totals.get(k)?;
        let best = v.person.max(v.org).max(v.place);
        if best < rules::THRESHOLD || best <= v.none {
            return None;
        }
        Some(if best == v.person {
            EntityKind::Person
        } else if best == v.org {
            EntityKind::Organization
        } else {
            EntityKind::Place
        })
    };

    let mut people = People::default();
    let mut orgs = Named::default();
    let mut places: Vec<Draft> = Vec::new();
    let mut place_index: FastMap<String, usize> = FastMap::default();
    let mut pending_single: Vec<usize> = Vec::new();
    let mut pending_titles: Vec<usize> = Vec::new();

    // full names first, so that a bare family name can find its bearer
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| {
        (
            std::cmp::Reverse(spans[i].tokens.len()),
            spans[i].tokens.start,
        )
    });
    for &i in &order {
        let s = &spans[i];
        let words = doc.words(s.tokens.clone());
        let mention = Mention::at(doc, s.tokens.clone());
        // a single word that is the family name of someone named in full is
        // that person, whatever else the word can be (`Hamilton`, `Fetter`)
        if people::is_family_form(lex, &words) && people.has_family(doc.slice(&s.tokens)) {
            pending_single.push(i);
            continue;
        }
        // a title alone (`the Secretary of State`, `the Director`) refers to
        // the one person who holds it, if any: decided once people are known
        if lex.title(doc.slice(&s.tokens)).is_some() {
            pending_titles.push(i);
            continue;
        }
        match kind_of(&keys[i]) {
            Some(EntityKind::Person) if words.len() >= 2 => {
                let name = people::parse(lex, &words);
                people.add_full(doc, lex, s, name, mention);
            }
            Some(EntityKind::Person) => pending_single.push(i),
            Some(EntityKind::Organization) => {
                let written = doc.slice(&s.tokens);
                // the lexicon's own name for a known organisation (`the Fed` →
                // Federal Reserve), but not for an acronym, which may be another's
                let name = match lex.organization(written) {
                    Some(o) if written.chars().any(char::is_lowercase) => o.name,
                    _ => written,
                };
                orgs.add(
                    EntityKind::Organization,
                    name,
                    mention,
                    s.role.as_deref(),
                    None,
                );
            }
            Some(EntityKind::Place) => {
                let (name, geo) = match lex.place(doc.slice(&s.tokens)) {
                    Some(m) => (m.place.name.to_string(), Some(m.place.geo())),
                    None => (clean_name(doc.slice(&s.tokens)), None),
                };
                add_place(&mut places, &mut place_index, name, geo, mention);
            }
            None => {
                // a bare family name of someone named in full elsewhere
                if words.len() == 1 {
                    pending_single.push(i);
                }
            }
        }
    }
    // places named inside other names (`Kyoto` in `Kyoto University`)
    for (s, k) in spans.iter().zip(&keys) {
        let kind = kind_of(k);
        if kind == Some(EntityKind::Person) || lex.title(doc.slice(&s.tokens)).is_some() {
            continue;
        }
        for (run, m) in nested::places_inside(doc, lex, s.tokens.clone(), kind) {
            let mention = Mention::at(doc, run);
            let (name, geo) = match m {
                Some(m) => (m.place.name.to_string(), Some(m.place.geo())),
                None => (clean_name(doc.slice(&mention.tokens)), None),
            };
            add_place(&mut places, &mut place_index, name, geo, mention);
        }
    }
    // people named inside a place's name after their title (`Sheikh
    // Lotfollah` in `Sheikh Lotfollah Mosque`, `Madame Tussauds` in `Madame
    // Tussauds Museum`): a person too, named without the title
    let mut named_after: Vec<NameSpan> = Vec::new();
    for (s, k) in spans.iter().zip(&keys) {
        if kind_of(k) != Some(EntityKind::Place) {
            continue;
        }
        if let Some(inner) = person_inside_place(doc, lex, s) {
            if inner.tokens.len() >= 2 {
                let words = doc.words(inner.tokens.clone());
                let mention = Mention::at(doc, inner.tokens.clone());
                people.add_full(doc, lex, &inner, people::parse(lex, &words), mention);
            } else {
                named_after.push(inner);
            }
        }
    }
    // one person under two names: a maiden name (`Ellen Gille, née
    // Fetter` and `Ellen Fetter`), a full name and a word after it
    // (`Margaret Hamilton Lego minifigure` and `Margaret Hamilton`)
    people.merge_maiden_names(doc);
    people.merge_extended_names(doc, lex);
    // bare names: to the most prominent bearer of that family (or given) name
    pending_single.sort_by_key(|&i| spans[i].tokens.start);
    for &i in &pending_single {
        let s = &spans[i];
        let word = doc.slice(&s.tokens);
        let mention = Mention::at(doc, s.tokens.clone());
        let decided = kind_of(&keys[i]) == Some(EntityKind::Person) || people.has_family(word);
        if people.add_bracketed_family(doc, lex, s, word, &mention) {
            continue;
        }
        if !people.add_bare(doc, lex, s, word, mention.clone(), decided)
            // hyphenated pairs: `Trump-Kim summit`
            && !people.add_hyphenated(doc, s)
            // a double-barrelled family name cited alone: `Hartsell-Gundy
            // et al., 2015` is one author, no pair (not a line's first
            // words: `All-Star (2015)` heads a section)
            && decided
            && !s.sentence_initial
            && evidence::cited_author(doc, s)
        {
            people.add_new(doc, lex, s, word, mention);
        }
    }

    for inner in &named_after {
        let mention = Mention::at(doc, inner.tokens.clone());
        people.add_bare(doc, lex, inner, doc.slice(&inner.tokens), mention, true);
    }

    // a title in apposition to someone (`Norton I, Emperor of the United
    // States`, `the King of Athens, Theseus`) is a mention of them
    pending_titles.retain(|&i| {
        let s = &spans[i];
        let mention = Mention::at(doc, s.tokens.clone());
        !people.add_apposed_title(doc, mention)
    });
    people.add_by_role(pending_titles.iter().map(|&i| {
        let s = &spans[i];
        let mention = Mention::at(doc, s.tokens.clone());
        (doc.slice(&s.tokens), mention)
    }));

    let mut out = people.into_drafts();
    if let Some(shapes) = &shapes {
        orgs::known_in_lowercase(doc, lex, shapes, &mut orgs);
    }
    let mut orgs = orgs.list;
    orgs::merge(&mut orgs);
    orgs::merge_same_place_and_head(doc, lex, &mut orgs);
    orgs::merge_word_alone_into_its_organisation(doc, lex, &mut orgs);
    orgs::lowercase_mentions(doc, lex, &mut orgs);
    orgs::name_by_longest_mention(doc, &mut orgs);
    out.extend(orgs);
    nested::short_forms_merged(lex, &mut places);
    geo::resolve(doc, lex, &mut places);
    out.extend(nested::same_places_merged(places));
    other_names_of_acting_states(lex, &mut out);
    for d in &mut out {
        d.mentions.sort_by_key(|m| m.span.start);
        d.mentions.dedup_by_key(|m| m.span);
    }
    out.retain(|d| !d.mentions.is_empty());
    if let Some(explain) = explain {
        *explain = explained.finish(&totals, &out);
    }
    out
}

/// The person a place is named after with a title (`Sheikh Lotfollah
/// Mosque`, `Madame Tussauds Museum`, `Queen Elizabeth Hospital`): the
/// capitalised words between a title that opens the place's name and a
/// facility's head word that ends it, none of them an ordinary word or an
/// organisation's word, as a name span with that title.
fn person_inside_place(doc: &Doc, lex: &Lexicon, s: &NameSpan) -> Option<NameSpan> {
    let words = doc.words(s.tokens.clone());
    let n = words.len();
    let (t, title) = lex.title_at(&words)?;
    if n < t + 2 || !evidence::is_facility_head(lex, words[n - 1]) {
        return None;
    }
    let name = &words[t..n - 1];
    let fits = |w: &&str| {
        name_shaped(w)
            && !evidence::is_common(lex, w)
            && lex.org_cue(w).is_none()
            && !evidence::is_facility_head(lex, w)
    };
    name.iter().all(fits).then(|| NameSpan {
        tokens: s.tokens.start + t..s.tokens.end - 1,
        role: Some(words[..t].join(" ")),
        title: Some(title),
        sentence_initial: false,
        institution: false,
    })
}

/// Whether a name's summed votes `v` make the rules sure it is a person's.
fn sure_of_person(v: &Votes) -> bool {
    v.person >= rules::STRONG && v.person - v.org.max(v.place).max(v.none) >= rules::STRONG_MARGIN
}

/// `Rem Okafor, Elia Brandt and Dr. Lena Moss`: a name that nothing decides
/// (no kind reaches the threshold), its words shaped like a person's name
/// and no ordinary words, listed (`,`, `and`, `or`; three names or an
/// `and`) with a name the rules are sure is a person's, is a person's too
/// ([`rules::COORDINATED_WITH_PERSON`], once per name).
fn coordinated_with_person<'k>(
    doc: &Doc,
    lex: &Lexicon,
    spans: &[NameSpan],
    keys: &'k [String],
    totals: &mut FastMap<&'k str, Votes>,
    trace: &mut Trace<crate::analysis::explain::Fired>,
    explained: &mut Explained,
) {
    let sure_person = |k: &str| totals.get(k).is_some_and(sure_of_person);
    let undecided = |k: &str| totals.get(k).is_some_and(|v| v.most() < rules::THRESHOLD);
    let shaped = |s: &NameSpan| {
        let words = doc.words(s.tokens.clone());
        (1..=3).contains(&words.len())
            && words
                .iter()
                .all(|w| name_shaped(w) && !evidence::is_common(lex, w))
            && lex.demonym(words[0]).is_none()
    };
    // (spans in the order of the text)
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].tokens.start);
    let listed = |a: &NameSpan, b: &NameSpan| {
        if a.tokens.end >= b.tokens.start
            || doc.sentence_of[a.tokens.start] != doc.sentence_of[b.tokens.start]
        {
            return false;
        }
        let between = doc.words(a.tokens.end..b.tokens.start);
        matches!(
            between.as_slice(),
            [","] | ["and"] | ["or"] | [",", "and"] | [",", "or"]
        )
    };
    // (each list: a run of spans joined so, and a person of it)
    let mut found: Vec<(usize, Span)> = Vec::new();
    let mut k = 0;
    while k < order.len() {
        let mut end = k + 1;
        while end < order.len() && listed(&spans[order[end - 1]], &spans[order[end]]) {
            end += 1;
        }
        let list = &order[k..end];
        k = end;
        // (two names and a comma are a name and its apposition or
        // affiliation: `Marieke Oosterbroek, Rijksmuseum Twenthe`)
        let joined = list
            .windows(2)
            .any(|p| matches!(doc.word(spans[p[1]].tokens.start - 1), "and" | "or"));
        if list.len() < 2 || !(joined || list.len() >= 3) {
            continue;
        }
        let Some(&person) = list.iter().find(|&&i| sure_person(&keys[i])) else {
            continue;
        };
        for &this in list {
            if undecided(&keys[this])
                && shaped(&spans[this])
                && !found.iter().any(|&(i, _)| keys[i] == keys[this])
            {
                found.push((this, doc.span(&spans[person].tokens)));
            }
        }
    }
    for (i, at) in found {
        if let Some(v) = totals.get_mut(keys[i].as_str()) {
            Ballot::new(v, trace, || at).cast(&rules::COORDINATED_WITH_PERSON);
            explained.later(&keys[i], trace.take());
        }
    }
}

/// Whether the name `written` (of votes `v`) is a person named again by its
/// last word alone (`last`, lowercase, of votes `single`): two or three
/// words (name particles between them), the first no ordinary word, place,
/// demonym or organisation, the last no ordinary word, and neither the name
/// nor the word alone an organisation or a place by any strong cue.
fn named_again_by_last_word(
    lex: &Lexicon,
    written: &str,
    last: &str,
    v: &Votes,
    single: &Votes,
) -> bool {
    let words: Vec<&str> = written.split_whitespace().collect();
    let particle = |w: &str| lex.lists.name_particles.contains(w);
    let capitalised = words.iter().filter(|w| !particle(w)).count();
    let first = words[0];
    (2..=3).contains(&capitalised)
        && words.len() <= 4
        && words.iter().all(|w| particle(w) || name_shaped(w))
        && v.org < rules::THRESHOLD
        && v.place < rules::THRESHOLD
        && v.none < rules::THRESHOLD
        && single.org < rules::KNOWN_ORG.weight
        && single.place < rules::KNOWN_PLACE_CITY.weight
        && !particle(first)
        && !evidence::is_common(lex, first)
        && !evidence::is_common(lex, last)
        && lex.demonym(first).is_none()
        && lex.place(first).is_none()
        && lex.organization(first).is_none()
}

/// The maiden name after a person's name that ends at token `end`: `, née
/// Fetter`, `(born Fetter)`: one capitalised word after `née`, `nee` or
/// `born`.
fn maiden_name_after<'a>(doc: &Doc<'a>, end: usize) -> Option<&'a str> {
    let mut k = end;
    if k < doc.tokens.len() && matches!(doc.word(k), "," | "(") {
        k += 1;
    }
    if k + 1 >= doc.tokens.len() || doc.sentence_of[k + 1] != doc.sentence_of[end - 1] {
        return None;
    }
    let cue = doc.word(k).to_lowercase();
    if !matches!(cue.as_str(), "née" | "nee" | "born") {
        return None;
    }
    let name = doc.word(k + 1);
    let single = k + 2 >= doc.tokens.len()
        || !doc
            .word(k + 2)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
    (single && name_shaped(name)).then_some(name)
}

/// A regnal number after a name (`Norton I`, `Henry VIII`).
fn is_regnal_number(word: &str) -> bool {
    (1..=4).contains(&word.len()) && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

/// Whether a word is shaped like a word of a person's name: a capital, then
/// lowercase letters, with a capital only after a hyphen, an apostrophe or
/// `Mc`/`Mac` (`Okonkwo-Bello`, `O'Hara`, `McFarlane`), no digit or dot (not
/// `OpenOffice`, `XEmacs`, `Just-released`, `AKA`).
pub(crate) fn name_shaped(word: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut chars = word.chars().peekable();
    let mut seen = String::new();
    while let Some(c) = chars.next() {
        let ok = if c.is_uppercase() {
            prev.is_none()
                || matches!(prev, Some('-' | '\'' | '\u{2019}'))
                || seen == "Mc"
                || seen == "Mac"
        } else if c.is_lowercase() {
            prev.is_some()
        } else if matches!(c, '-' | '\'' | '\u{2019}') {
            chars.peek().is_some_and(|n| n.is_uppercase())
        } else {
            false
        };
        if !ok {
            return false;
        }
        seen.push(c);
        prev = Some(c);
    }
    prev.is_some()
}

/// `Isabel Ruiz of Heaven Sent Gaming`, `Nick Rhodes of Duran Duran`: a
/// name after `of` (or `of the`) that follows someone's full name the rules
/// are sure of is what that person belongs to, an organisation, unless the
/// gazetteer knows it or the votes make it a place (`Anna Weiss of Leeds`).
fn affiliated_with_person<'k>(
    doc: &Doc,
    lex: &Lexicon,
    spans: &[NameSpan],
    keys: &'k [String],
    totals: &mut FastMap<&'k str, Votes>,
    trace: &mut Trace<crate::analysis::explain::Fired>,
    explained: &mut Explained,
) {
    let sure_person = |k: &str| totals.get(k).is_some_and(sure_of_person);
    let mut by_start: FastMap<usize, usize> = FastMap::default();
    for (i, s) in spans.iter().enumerate() {
        by_start.entry(s.tokens.start).or_insert(i);
    }
    let mut found: Vec<(usize, Span)> = Vec::new();
    for (p, person) in spans.iter().enumerate() {
        let end = person.tokens.end;
        if person.tokens.len() < 2 || end >= doc.tokens.len() || doc.word(end) != "of" {
            continue;
        }
        let mut at = end + 1;
        if at < doc.tokens.len() && doc.word(at) == "the" {
            at += 1;
        }
        let Some(&x) = by_start.get(&at) else {
            continue;
        };
        if doc.sentence_of[at] != doc.sentence_of[end] || !sure_person(&keys[p]) {
            continue;
        }
        let written = doc.slice(&spans[x].tokens);
        let first = doc.word(spans[x].tokens.start);
        let no_org = lex.place(written).is_some()
            || lex.demonym(first).is_some()
            || lex.calendar(first).is_some()
            || lex.title(written).is_some()
            || sure_person(&keys[x])
            // (one ordinary word: `of the Architectural, Surveying … constituency`)
            || (spans[x].tokens.len() == 1 && evidence::is_common(lex, first));
        if !no_org && !found.iter().any(|&(i, _)| keys[i] == keys[x]) {
            found.push((x, doc.span(&person.tokens)));
        }
    }
    for (i, at) in found {
        if let Some(v) = totals.get_mut(keys[i].as_str())
            && !v.leads(Kind::Place)
        {
            Ballot::new(v, trace, || at).cast(&rules::AFFILIATION_OF_PERSON);
            explained.later(&keys[i], trace.take());
        }
    }
}

/// See the call: [`rules::ACRONYM_OF_UNNAMED_WORDS`].
fn acronyms_of_unnamed_words<'k>(
    doc: &Doc,
    lex: &Lexicon,
    spans: &[NameSpan],
    keys: &'k [String],
    totals: &mut FastMap<&'k str, Votes>,
    trace: &mut Trace<crate::analysis::explain::Fired>,
    explained: &mut Explained,
) {
    let org_leads = |v: &Votes| v.leads(Kind::Org);
    // the unknown acronyms taken for organisations (few, most often none)
    let mut acronyms: Vec<(&'k str, &str, Span)> = Vec::new();
    for (s, k) in spans.iter().zip(keys) {
        let word = doc.slice(&s.tokens);
        let letters = word.chars().count();
        if s.tokens.len() == 1
            && (2..=6).contains(&letters)
            && word.chars().all(|c| c.is_ascii_uppercase())
            && lex.organization(word).is_none()
            && totals.get(k.as_str()).is_some_and(org_leads)
            && !acronyms.iter().any(|(a, _, _)| *a == k.as_str())
        {
            acronyms.push((k.as_str(), word, doc.span(&s.tokens)));
        }
    }
    if acronyms.is_empty() {
        return;
    }
    let no_name = |v: &Votes| {
        let best = v.person.max(v.org).max(v.place);
        best < rules::THRESHOLD || best <= v.none
    };
    // the initials of the runs of several words that are no name, each
    // run once
    let mut seen: FastSet<&str> = FastSet::default();
    let mut spelt: FastSet<String> = FastSet::default();
    for (s, sk) in spans.iter().zip(keys) {
        if s.tokens.len() >= 2
            && s.tokens.len() <= 6
            && seen.insert(sk.as_str())
            && totals.get(sk.as_str()).is_some_and(no_name)
        {
            spelt.insert(orgs::acronym(doc.slice(&s.tokens)));
        }
    }
    for (k, word, at) in acronyms {
        if spelt.contains(word)
            && let Some(v) = totals.get_mut(k)
        {
            Ballot::new(v, trace, || at).cast(&rules::ACRONYM_OF_UNNAMED_WORDS);
            explained.later(k, trace.take());
        }
    }
}

/// Whether a name's summed votes `v` make it an organisation and its last
/// word (`last`, from its lowercase key) is an organisation cue when
/// capitalised (`university` → `University`).
fn org_ending_in_cue(lex: &Lexicon, v: &Votes, last: &str) -> bool {
    if v.org <= v.person.max(v.place).max(v.none) {
        return false;
    }
    let mut cue = last.to_string();
    if let Some(first) = cue.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    lex.org_cue(&cue).is_some()
}

/// Whether a single word can refer to someone by given name (`Ellen`,
/// `John`): not an ordinary word, or a frequent given name not after a
/// determiner (`the Bill` is a bill).
fn given_name_reference(doc: &Doc, lex: &Lexicon, s: &NameSpan, word: &str) -> bool {
    if !evidence::is_common(lex, word) {
        return true;
    }
    let after_determiner = s.tokens.start > 0
        && lex
            .lists
            .determiners
            .contains(&doc.word(s.tokens.start - 1).to_lowercase());
    lex.given_name(word).is_some_and(|f| f >= 0.1) && !after_determiner
}

/// The grouping key of a name: straight apostrophes, single spaces, lowercase.
fn key(name: &str) -> String {
    if name.is_ascii() {
        // the same, in one pass (no curly marks to straighten)
        let mut k = String::with_capacity(name.len());
        for w in name.split_whitespace() {
            if !k.is_empty() {
                k.push(' ');
            }
            k.push_str(w);
        }
        k.make_ascii_lowercase();
        return k;
    }
    crate::analysis::tokens::normalize(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// `DPRK` beside `North Korea fired … North Korea stated`: a country or
/// a capital that acts in the article is an organisation (its government,
/// rule `GOVERNMENT_ACTS`), and the place another of its names resolves to
/// (an alias, the gazetteer's own name) is that organisation too: one state,
/// one entity.
fn other_names_of_acting_states(lex: &Lexicon, out: &mut Vec<Draft>) {
    use crate::analysis::lexicon::Feature;
    let mut k = 0;
    while k < out.len() {
        let d = &out[k];
        let state = (d.kind == EntityKind::Place)
            .then(|| {
                out.iter().position(|o| {
                    o.kind == EntityKind::Organization
                        && o.name == d.name
                        && lex.place(&o.name).is_some_and(|m| {
                            matches!(m.place.feature, Feature::Country | Feature::Capital)
                        })
                })
            })
            .flatten();
        match state {
            Some(org) => {
                let place = out.remove(k);
                let org = if org > k { org - 1 } else { org };
                out[org].mentions.extend(place.mentions);
            }
            None => k += 1,
        }
    }
}

/// A display name: single spaces.
/// A place mention, to the place of that name (a new one if none).
fn add_place(
    places: &mut Vec<Draft>,
    index: &mut FastMap<String, usize>,
    name: String,
    geo: Option<Geo>,
    mention: Mention,
) {
    let at = *index.entry(name.clone()).or_insert_with(|| {
        places.push(Draft {
            kind: EntityKind::Place,
            name,
            roles: Vec::new(),
            mentions: Vec::new(),
            gender: None,
            geo,
        });
        places.len() - 1
    });
    places[at].mentions.push(mention);
}

fn clean_name(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Entities gathered by name: one per [`key`].
#[derive(Default)]
struct Named {
    list: Vec<Draft>,
    /// Each draft's place in `list` by the key of its name.
    index: FastMap<String, usize>,
}

impl Named {
    /// Add a mention to the entity of that name, or a new entity.
    fn add(
        &mut self,
        kind: EntityKind,
        name: &str,
        mention: Mention,
        role: Option<&str>,
        geo: Option<Geo>,
    ) {
        let name = clean_name(name);
        let list = &mut self.list;
        let at = *self.index.entry(key(&name)).or_insert_with(|| {
            list.push(Draft {
                kind,
                name,
                roles: Vec::new(),
                mentions: Vec::new(),
                gender: None,
                geo,
            });
            list.len() - 1
        });
        list[at].mentions.push(mention);
        if let Some(r) = role {
            push_role(&mut list[at].roles, r);
        }
    }
}

fn push_role(roles: &mut Vec<String>, role: &str) {
    let r = clean_name(role);
    if r.is_empty() || crate::analysis::names::people::gender_of_title(&r).is_some() && r.len() <= 4
    {
        return;
    }
    if !roles.iter().any(|x| x.eq_ignore_ascii_case(&r)) {
        roles.push(r);
    }
}

/// People being gathered.
#[derive(Default)]
struct People {
    list: Vec<PersonDraft>,
    /// The family names (and their cores) of people named in full, in ASCII
    /// lowercase, for [`People::has_family`]. Only ever grows: a person's
    /// name is only replaced by a fuller one with the same family name.
    families: FastSet<String>,
    /// Everyone by family name and by its core, in ASCII lowercase, in
    /// the order of `list`. (A name is only replaced by one with the same
    /// family name.)
    by_family: FastMap<String, Vec<usize>>,
}

struct PersonDraft {
    name: PersonName,
    display: String,
    roles: Vec<String>,
    mentions: Vec<Mention>,
    gender: Option<Gender>,
    /// Mentions by full name (and in the title), for choosing a bare name's bearer.
    prominence: f32,
    first_at: usize,
    /// Other family names the person is known by (a maiden name), in ASCII
    /// lowercase, for `by_family`.
    other_families: Vec<String>,
}

impl People {
    fn add_full(
        &mut self,
        doc: &Doc,
        lex: &Lexicon,
        s: &NameSpan,
        name: PersonName,
        mention: Mention,
    ) {
        let display = clean_name(doc.slice(&s.tokens));
        let title_bonus = if doc.in_heading(s.tokens.start) {
            2.0
        } else {
            1.0
        };
        let at = match self.list.iter().position(|p| p.name.compatible(&name)) {
            Some(at) => {
                // keep the fullest form as the display name
                let p = &mut self.list[at];
                if name.given.len() > p.name.given.len()
                    || (name.given.len() == p.name.given.len() && display.len() > p.display.len())
                {
                    p.name = name;
                    p.display = display;
                }
                at
            }
            None => {
                self.list.push(PersonDraft {
                    gender: name
                        .given
                        .first()
                        .and_then(|g| people::gender_of_given(lex, g)),
                    name,
                    display,
                    roles: Vec::new(),
                    mentions: Vec::new(),
                    prominence: 0.0,
                    first_at: s.tokens.start,
                    other_families: Vec::new(),
                });
                self.index_person(self.list.len() - 1);
                self.list.len() - 1
            }
        };
        let p = &mut self.list[at];
        p.prominence += title_bonus;
        p.first_at = p.first_at.min(s.tokens.start);
        p.note_role(s);
        p.mentions.push(mention);
        self.index_family(at);
    }

    /// Note a new person `at` in `by_family`.
    fn index_person(&mut self, at: usize) {
        let name = &self.list[at].name;
        let family = name.family.to_ascii_lowercase();
        let core = name.family_core().to_ascii_lowercase();
        if core != family {
            self.by_family.entry(core).or_default().push(at);
        }
        self.by_family.entry(family).or_default().push(at);
        for other in self.list[at].other_families.clone() {
            self.by_family.entry(other).or_default().push(at);
        }
    }

    /// `by_family` made anew, after a name changed or a person went.
    fn reindex_families(&mut self) {
        self.by_family.clear();
        for at in 0..self.list.len() {
            self.index_person(at);
        }
    }

    /// Person `from` into person `into` (the display name of the more
    /// prominent kept), `from` taken out of the list; `by_family` made anew.
    fn merge(&mut self, into: usize, from: usize) {
        let gone = self.list.remove(from);
        let into = if from < into { into - 1 } else { into };
        let p = &mut self.list[into];
        if gone.prominence > p.prominence {
            p.display = gone.display;
            p.name = gone.name.clone();
        }
        if !gone.name.family.eq_ignore_ascii_case(&p.name.family) {
            p.other_families.push(gone.name.family.to_ascii_lowercase());
        }
        let own = p.name.family.to_ascii_lowercase();
        p.other_families.retain(|f| *f != own);
        p.other_families.extend(gone.other_families);
        p.mentions.extend(gone.mentions);
        p.prominence += gone.prominence;
        p.first_at = p.first_at.min(gone.first_at);
        p.gender = p.gender.or(gone.gender);
        for r in &gone.roles {
            push_role(&mut p.roles, r);
        }
        self.reindex_families();
    }

    /// `Ellen Gille, née Fetter` (or `born Fetter`) and `Ellen Fetter`
    /// elsewhere: one person, by her married and her maiden name.
    fn merge_maiden_names(&mut self, doc: &Doc) {
        loop {
            let mut pair = None;
            'people: for (i, p) in self.list.iter().enumerate() {
                let Some(first) = p.name.given.first() else {
                    continue;
                };
                for m in p.mentions.iter().filter(|m| m.tokens.len() >= 2) {
                    let Some(maiden) = maiden_name_after(doc, m.tokens.end) else {
                        continue;
                    };
                    let other = self.list.iter().position(|q| {
                        q.name.family.eq_ignore_ascii_case(maiden)
                            && q.name
                                .given
                                .first()
                                .is_some_and(|g| g.eq_ignore_ascii_case(first))
                    });
                    if let Some(j) = other.filter(|&j| j != i) {
                        pair = Some((i.min(j), i.max(j)));
                        break 'people;
                    }
                }
            }
            match pair {
                Some((into, from)) => self.merge(into, from),
                None => return,
            }
        }
    }

    /// `Margaret Hamilton Lego minifigure`, `Regina Ip In the …`: a person
    /// known only by a name of three words or more, each time before a
    /// lowercase word or ending in an ordinary word, its last word a name
    /// almost no one has, whose words but the last are someone else's full name, is that
    /// someone followed by another word.
    fn merge_extended_names(&mut self, doc: &Doc, lex: &Lexicon) {
        loop {
            let mut pair = None;
            for (i, p) in self.list.iter().enumerate() {
                let n = p.mentions.first().map_or(0, |m| m.tokens.len());
                if n < 3 || p.mentions.iter().any(|m| m.tokens.len() != n) {
                    continue;
                }
                let m = &p.mentions[0];
                let last = doc.word(m.tokens.end - 1);
                let shorter = doc.slice(&(m.tokens.start..m.tokens.end - 1));
                let before_lowercase = p.mentions.iter().all(|m| {
                    m.tokens.end < doc.tokens.len()
                        && doc.sentence_of[m.tokens.end] == doc.sentence_of[m.tokens.start]
                        && doc
                            .word(m.tokens.end)
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase)
                });
                let rare = lex.surname(last).is_none_or(|f| f < 0.001);
                if !(rare && (before_lowercase || evidence::is_common(lex, last))) {
                    continue;
                }
                let other = self.list.iter().position(|q| {
                    q.mentions.len() > p.mentions.len() && key(&q.display) == key(shorter)
                });
                if let Some(j) = other {
                    pair = Some((j, i));
                    break;
                }
            }
            let Some((into, from)) = pair else { return };
            for m in &mut self.list[from].mentions {
                m.tokens.end -= 1;
                m.span = doc.span(&m.tokens);
            }
            let (display, name) = (
                self.list[into].display.clone(),
                self.list[into].name.clone(),
            );
            self.list[from].display = display;
            self.list[from].name = name;
            self.list[from].prominence = 0.0;
            self.merge(into, from);
        }
    }

    /// Note person `at`'s family name for [`People::has_family`].
    fn index_family(&mut self, at: usize) {
        let p = &self.list[at].name;
        if p.given.len() + usize::from(!p.family.is_empty()) >= 2 {
            self.families.insert(p.family.to_ascii_lowercase());
            self.families.insert(p.family_core().to_ascii_lowercase());
        }
    }

    /// Titles used alone: each a mention of the one person with that role,
    /// if exactly one has it.
    fn add_by_role<'t>(&mut self, titled: impl Iterator<Item = (&'t str, Mention)>) {
        let mut titled = titled.peekable();
        if titled.peek().is_none() {
            return;
        }
        // everyone's roles lowercased once: adding mentions leaves them as they are
        let roles: Vec<Vec<String>> = self
            .list
            .iter()
            .map(|p| p.roles.iter().map(|r| r.to_lowercase()).collect())
            .collect();
        for (title, mention) in titled {
            let t = title.to_lowercase();
            let suffix = format!(" {t}");
            let mut holders = (0..roles.len())
                .filter(|&i| roles[i].iter().any(|r| *r == t || r.ends_with(&suffix)));
            if let (Some(only), None) = (holders.next(), holders.next()) {
                self.list[only].mentions.push(mention);
            }
        }
    }

    /// A title (`mention`) in apposition to a person's mention: right after
    /// it and a comma (`Norton I, Emperor of the United States`, `Scott,
    /// the Commander-in-Chief`), or before a comma and it, with what the
    /// title is of between (`the King of Athens, Theseus`). Added to that
    /// person; returns whether it was.
    fn add_apposed_title(&mut self, doc: &Doc, mention: Mention) -> bool {
        let (start, end) = (mention.tokens.start, mention.tokens.end);
        let sentence = doc.sentence_of[start];
        let same = |i: usize| i < doc.tokens.len() && doc.sentence_of[i] == sentence;
        let ends_at = |i: usize| {
            self.list
                .iter()
                .position(|p| p.mentions.iter().any(|m| m.tokens.end == i))
        };
        let starts_at = |i: usize| {
            self.list
                .iter()
                .position(|p| p.mentions.iter().any(|m| m.tokens.start == i))
        };
        // after: `NAME[ I], [the] TITLE`
        let mut k = start;
        if k > 0 && same(k - 1) && doc.word(k - 1).eq_ignore_ascii_case("the") {
            k -= 1;
        }
        let mut after = None;
        if k >= 2 && same(k - 2) && doc.word(k - 1) == "," {
            let mut e = k - 1;
            if is_regnal_number(doc.word(e - 1)) && e >= 2 && same(e - 2) {
                e -= 1;
            }
            after = ends_at(e);
        }
        // before: `TITLE[ of WORDS], NAME`
        let before = || {
            let mut k = end;
            if same(k) && doc.word(k) == "of" {
                k += 1;
                let limit = k + 5;
                while k < limit
                    && same(k)
                    && (doc.word(k) == "the"
                        || doc.word(k).chars().next().is_some_and(char::is_uppercase))
                {
                    k += 1;
                }
            }
            (same(k + 1) && doc.word(k) == ",")
                .then(|| starts_at(k + 1))
                .flatten()
        };
        match after.or_else(before) {
            Some(at) => {
                self.list[at].mentions.push(mention);
                true
            }
            None => false,
        }
    }

    /// Whether someone already named in full has this family name.
    fn has_family(&self, word: &str) -> bool {
        let w = crate::analysis::tokens::normalize(word);
        // (`eq_ignore_ascii_case` with any of them)
        self.families.contains(&w.to_ascii_lowercase())
    }

    /// A single-word name: the most prominent person with that family name,
    /// else a unique person with that given name, else a new person when the
    /// evidence says it is one. Returns whether it was taken.
    fn add_bare(
        &mut self,
        doc: &Doc,
        lex: &Lexicon,
        s: &NameSpan,
        word: &str,
        mention: Mention,
        decided: bool,
    ) -> bool {
        let w = crate::analysis::tokens::normalize(word);
        // those whose family name or its core is `w` (`eq_ignore_ascii_case`)
        let by_family: &[usize] = self
            .by_family
            .get(&w.to_ascii_lowercase())
            .map_or(&[], Vec::as_slice);
        let pick = if !by_family.is_empty() {
            by_family.iter().copied().max_by(|&a, &b| {
                let (pa, pb) = (&self.list[a], &self.list[b]);
                pa.prominence
                    .total_cmp(&pb.prominence)
                    .then(pb.first_at.cmp(&pa.first_at))
            })
        } else if given_name_reference(doc, lex, s, &w) {
            let by_given: Vec<usize> = (0..self.list.len())
                .filter(|&i| {
                    self.list[i]
                        .name
                        .given
                        .first()
                        .is_some_and(|g| g.eq_ignore_ascii_case(&w))
                })
                .collect();
            (by_given.len() == 1).then(|| by_given[0])
        } else {
            None
        };
        let pick = pick.or_else(|| self.misspelt_family(s, &w));
        match pick {
            Some(at) => {
                let p = &mut self.list[at];
                p.note_role(s);
                p.mentions.push(mention);
                true
            }
            None if decided && !word.contains('-') => {
                self.add_new(doc, lex, s, word, mention);
                true
            }
            None => false,
        }
    }

    /// `Jeff [Drake]`: a family name an editor put in brackets right after
    /// someone named by one word completes that person's name.
    fn add_bracketed_family(
        &mut self,
        doc: &Doc,
        lex: &Lexicon,
        s: &NameSpan,
        word: &str,
        mention: &Mention,
    ) -> bool {
        let (start, end) = (s.tokens.start, s.tokens.end);
        if start < 2
            || end >= doc.tokens.len()
            || doc.word(start - 1) != "["
            || doc.word(end) != "]"
        {
            return false;
        }
        let Some(at) = self
            .list
            .iter()
            .position(|p| p.mentions.iter().any(|m| m.tokens.end == start - 1))
        else {
            return false;
        };
        let p = &mut self.list[at];
        if p.name.given.len() + usize::from(!p.name.family.is_empty()) != 1 {
            return false;
        }
        let first = p.display.clone();
        if !p.name.family.is_empty() {
            p.other_families.push(p.name.family.to_ascii_lowercase());
        }
        p.name = people::parse(lex, &[&first, word]);
        p.display = format!("{first} {word}");
        p.mentions.push(mention.clone());
        self.reindex_families();
        self.index_family(at);
        true
    }

    /// A new person named by one word, `word`, at `s`.
    fn add_new(&mut self, doc: &Doc, lex: &Lexicon, s: &NameSpan, word: &str, mention: Mention) {
        let name = people::parse(lex, &[word]);
        self.list.push(PersonDraft {
            name,
            display: clean_name(doc.slice(&s.tokens)),
            roles: Vec::new(),
            mentions: vec![mention],
            gender: s.role.as_deref().and_then(people::gender_of_title),
            prominence: 0.5,
            first_at: s.tokens.start,
            other_families: Vec::new(),
        });
        self.list.last_mut().expect("pushed").note_role(s);
        self.index_person(self.list.len() - 1);
        self.index_family(self.list.len() - 1);
    }

    /// `Ms Bauchtman` after `Lydia Buchtmann`: a family name after an
    /// honorific that no one has, a slip of the pen for the family name of
    /// exactly one person named in full (seven letters or more, the same
    /// first letter, at most two letters changed).
    fn misspelt_family(&self, s: &NameSpan, word: &str) -> Option<usize> {
        let honorific = s
            .title
            .is_some_and(|t| t.is(crate::analysis::lexicon::TitleKind::Honorific));
        if !honorific || word.chars().count() < 7 {
            return None;
        }
        let first = word.chars().next();
        let mut near = self.list.iter().enumerate().filter(|(_, p)| {
            !p.name.given.is_empty()
                && p.name.family.chars().count() >= 7
                && p.name.family.chars().next() == first
                && strsim::levenshtein(&p.name.family, word) <= 2
        });
        match (near.next(), near.next()) {
            (Some((at, _)), None) => Some(at),
            _ => None,
        }
    }

    /// `Trump-Kim`: each part that is a known family name becomes a mention.
    fn add_hyphenated(&mut self, doc: &Doc, s: &NameSpan) -> bool {
        if s.tokens.len() != 1 {
            return false;
        }
        let token = doc.tokens[s.tokens.start];
        let word = doc.word(s.tokens.start);
        if !word.contains('-') {
            return false;
        }
        let mut found = false;
        let mut offset = 0;
        for part in word.split('-') {
            let start = token.span().start + offset;
            offset += part.len() + 1;
            let at = self
                .list
                .iter()
                .enumerate()
                .filter(|(_, p)| p.name.family.eq_ignore_ascii_case(part))
                .max_by(|a, b| a.1.prominence.total_cmp(&b.1.prominence))
                .map(|(i, _)| i);
            if let Some(at) = at {
                self.list[at].mentions.push(Mention {
                    tokens: s.tokens.clone(),
                    span: Span::new(start, start + part.len()),
                });
                found = true;
            }
        }
        found
    }

    fn into_drafts(self) -> Vec<Draft> {
        self.list
            .into_iter()
            .map(|p| Draft {
                kind: EntityKind::Person,
                name: p.display,
                roles: p.roles,
                mentions: p.mentions,
                gender: p.gender,
                geo: None,
            })
            .collect()
    }
}

impl PersonDraft {
    fn note_role(&mut self, s: &NameSpan) {
        if let Some(r) = &s.role {
            if self.gender.is_none() {
                self.gender = people::gender_of_title(r);
            }
            push_role(&mut self.roles, r);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn keys_fold_case_apostrophes_and_spaces() {
        assert_eq!(key("  State   Department "), "state department");
        assert_eq!(key("People\u{2019}s  Daily"), "people's daily");
        assert_eq!(
            key("\u{00c9}lys\u{00e9}e Palace"),
            "\u{00e9}lys\u{00e9}e palace"
        );
    }
}
