//! Places named inside other names: `University of Colorado`, `Fisht
//! Stadium in Sochi`'s `Sochi` is its own, but `Kyoto` in `Kyoto
//! University`, `Houston` in `Houston Astros` and `Canada` in `Fan Expo
//! Canada` are mentions of those places too ("the UK Parliament" still
//! mentions the country). A name that is no person's and no well-known
//! organisation's (`Columbia University` is known whole), and not itself a
//! place but for a facility (`Volgograd Arena`; `Manila Bay` is its own
//! place), gives a place mention for each run of its words that is a
//! well-known place: a country, continent, capital or state, or a
//! city of 100,000 people or more whose name is no ordinary word or given
//! name. (A town inside a name is as often a family's or a founder's name.)

use std::ops::Range;

use super::Draft;
use super::evidence::{ends_in_facility_head, is_common};
use crate::analysis::EntityKind;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::{Feature, Lexicon, NameKind, PlaceMatch};

/// The longest run of words a nested place can have.
const LONGEST: usize = 4;

/// The places inside the name at `tokens` (of two words or more, of the
/// `kind` the rules gave it, never a person), each with its tokens and the
/// gazetteer's place when it knows it, leftmost and longest first.
pub fn places_inside(
    doc: &Doc,
    lex: &Lexicon,
    tokens: Range<usize>,
    kind: Option<EntityKind>,
) -> Vec<(Range<usize>, Option<PlaceMatch>)> {
    let mut out = Vec::new();
    let n = tokens.len();
    if n < 2 || kind == Some(EntityKind::Person) {
        return out;
    }
    let full = doc.slice(&tokens);
    if lex.place(full).is_some() {
        return out;
    }
    let words = doc.words(tokens.clone());
    // (a place the gazetteer knows, by one of its words, only inside a
    // facility, or an organisation not known whole)
    let host = match kind {
        Some(EntityKind::Place) => {
            // (a street named after a place names the street only:
            // `Pennsylvania Avenue`, `S Detroit Ave.`, `Bergen Blvd`)
            let last = words[n - 1].trim_end_matches('.');
            ends_in_facility_head(lex, &words)
                && !lex.lists.place_last_words.contains(last)
                && !lex.lists.road_kinds.contains(last)
                && !lex.lists.abbreviations.contains(last)
        }
        _ => lex.organization(full).is_none(),
    };
    // (an event is named after the town it is held in, a smaller one too:
    // `Avignon Festival`, `Cannes Film Festival Award`)
    let event = words[1..]
        .iter()
        .any(|w| lex.lists.event_last_words.contains(w));
    let mut at = tokens.start;
    while at < tokens.end {
        // a place named by its own place word, known or not, inside any
        // longer name: `Tampa Bay Rays`, `Westchester County Airport` (but
        // a facility by a known town's harbour or bay is the town's:
        // `Oslo Harbour Arena`, `Oakland Bay Bridge`)
        // (unless the town's name is a given name too: `Madison Square
        // Garden` is on Madison Square, named after a person)
        let word_run = place_word_run(doc, lex, at, tokens.end).filter(|run| {
            kind != Some(EntityKind::Place)
                || well_known(lex, doc.slice(&(run.start..run.end - 1)), event).is_none()
                || lex.given_name(doc.word(run.start)).is_some()
        });
        if let Some(run) = word_run {
            let m = lex
                .place(doc.slice(&run))
                .filter(|m| m.how != NameKind::Variant);
            at = run.end;
            out.push((run, m));
            continue;
        }
        if !host {
            at += 1;
            continue;
        }
        // (a place's name after a given name is a family name: `George
        // Washington Bus Station`)
        if at > tokens.start && lex.given_name(doc.word(at - 1)).is_some_and(|g| g > 0.02) {
            at += 1;
            continue;
        }
        let found = (1..=LONGEST.min(tokens.end - at))
            .rev()
            .filter(|&len| len < n)
            .find_map(|len| {
                let run = at..at + len;
                well_known(lex, doc.slice(&run), event).map(|m| (run, m))
            });
        match found {
            Some((mut run, mut m)) => {
                // `Washington State University`: the state is `Washington
                // State` (not the city of that name)
                if run.end + 1 < tokens.end && doc.word(run.end) == "State" {
                    let state = lex
                        .places(doc.slice(&run))
                        .into_iter()
                        .find(|p| p.place.feature == Feature::State && p.how != NameKind::Variant);
                    if let Some(state) = state {
                        run.end += 1;
                        m = state;
                    }
                }
                at = run.end;
                out.push((run, Some(m)));
            }
            None => at += 1,
        }
    }
    out
}

/// `Tampa Bay` of `Tampa Bay Rays`, `Bataan Peninsula` of `Bataan
/// Peninsula State University`: from `at`, two to four words that end in a
/// place's last word before `end` (the longer name goes on), the others
/// capitalised and no ordinary, organisation or place words.
fn place_word_run(doc: &Doc, lex: &Lexicon, at: usize, end: usize) -> Option<Range<usize>> {
    (2..=LONGEST.min(end.saturating_sub(at + 1)))
        .rev()
        .map(|len| at..at + len)
        .find(|run| {
            let words = doc.words(run.clone());
            let (last, before) = words.split_last().expect("two words or more");
            lex.lists.place_last_words.contains(last)
                && before.iter().all(|w| {
                    w.chars().next().is_some_and(char::is_uppercase)
                        && w.chars().all(char::is_alphabetic)
                        && !is_common(lex, w)
                        && lex.org_cue(w).is_none()
                        && !lex.lists.place_last_words.contains(w)
                })
        })
}

/// The place `name` names when it is well known enough to be a place inside
/// another name (inside an event's name, a town of 50,000 people will do).
fn well_known(lex: &Lexicon, name: &str, event: bool) -> Option<PlaceMatch> {
    if !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let m = lex.place(name)?;
    if m.how == NameKind::Variant {
        return None;
    }
    let major = super::evidence::is_major_place(&m);
    // (a district named after a word, `Olympic`, is smaller still)
    let least = if event { 50_000 } else { 100_000 };
    let city = m.place.population >= least
        && !lex.place_is_common_word(name)
        && lex.given_name(name).is_none_or(|g| g <= 0.02);
    (major || city).then_some(m)
}

/// Places that the gazetteer resolved to the same point of GeoNames are one
/// place (`New York` inside `New York University` and `New York City`
/// elsewhere), named as the one with the most mentions (the longer name on a
/// tie).
pub fn same_places_merged(places: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(places.len());
    // a place put where the place it lies in is (`within`) is not that place
    let own_id = |d: &Draft| {
        d.geo
            .as_ref()
            .filter(|g| g.within.is_none())
            .and_then(|g| g.geonames_id)
    };
    for p in places {
        let same = own_id(&p).and_then(|id| out.iter().position(|o| own_id(o) == Some(id)));
        match same {
            Some(at) => {
                let o = &mut out[at];
                if (p.mentions.len(), p.name.len()) > (o.mentions.len(), o.name.len()) {
                    o.name = p.name;
                    o.geo = p.geo;
                }
                o.mentions.extend(p.mentions);
            }
            None => out.push(p),
        }
    }
    out
}

/// A place of one word that the gazetteer does not know, which is the first
/// word of the one other such place of two or three words, is a short form
/// of it (`in Levico` after `Levico Terme`), unless that name ends in a
/// place's or a facility's word (`Henga` and `Henga Scenic Reserve`, `Coron`
/// and `Coron Island` are two places).
pub fn short_forms_merged(lex: &Lexicon, places: &mut Vec<Draft>) {
    let ends_in_place_word = |name: &str| {
        let words: Vec<&str> = name.split(' ').collect();
        let last = words[words.len() - 1];
        lex.lists.place_last_words.contains(last)
            || lex
                .lists
                .place_words_after_name
                .contains(&last.to_lowercase())
            || ends_in_facility_head(lex, &words)
            || super::evidence::is_facility_head(lex, last)
    };
    // the longer names by their first word: `None` when two share it
    let mut longer: crate::analysis::lexicon::FastMap<&str, Option<usize>> = Default::default();
    for (i, p) in places.iter().enumerate() {
        let words = p.name.split(' ').count();
        if p.geo.is_none() && (2..=3).contains(&words) && !ends_in_place_word(&p.name) {
            let first = p.name.split(' ').next().unwrap_or_default();
            longer
                .entry(first)
                .and_modify(|at| *at = None)
                .or_insert(Some(i));
        }
    }
    let merges: Vec<(usize, usize)> = places
        .iter()
        .enumerate()
        .filter(|(_, p)| p.geo.is_none() && !p.name.contains(' '))
        .filter_map(|(i, p)| Some((i, (*longer.get(p.name.as_str())?)?)))
        .collect();
    if merges.is_empty() {
        return;
    }
    for &(from, into) in &merges {
        let mentions = std::mem::take(&mut places[from].mentions);
        places[into].mentions.extend(mentions);
    }
    places.retain(|p| !p.mentions.is_empty());
}
