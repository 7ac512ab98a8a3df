//! Places the gazetteer lacks but the text marks: a name followed by the
//! state or country it lies in (`Vinita, Oklahoma`), a name in a list of
//! known places (`Edgewater, Englewood Cliffs and Leonia`), a name in
//! apposition to a place noun (`Stridon, a village near Emona`), a name
//! after one (`the islands La Désirade, Petite Terre and …`), and a
//! direction standing for a region (`the Midwest`, `from the North`).

use super::{Occurrence, is_major_place};
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::{Feature, Lexicon, NameKind, PlaceMatch};
use crate::analysis::names::rules::{self, Ballot};
use crate::analysis::tokens::{TokenKind, is_clitic};
use std::ops::Range;

/// Cast the votes of the place cues of one occurrence.
pub fn votes(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    if web_address(o.full) {
        b.cast(&rules::WEB_ADDRESS_NO_PLACE);
    }
    if compound_modifier(o.full) {
        b.cast(&rules::COMPOUND_MODIFIER_NO_PLACE);
    }
    if possessor_of_facility(doc, lex, o) {
        b.cast(&rules::POSSESSOR_OF_FACILITY);
        if o.facts.surname_last && o.facts.organization.is_none() && o.facts.place.is_none() {
            b.cast(&rules::PATRON_OF_FACILITY);
        }
    }
    if currency_sign_after(doc, o) {
        b.cast(&rules::CURRENCY_OF_A_PLACE);
    }
    if o.span.title.is_some() || o.span.role.is_some() || o.facts.organization.is_some() {
        return;
    }
    // (a party of `the decision in Ratych and Bloomer` is someone: see
    // `around::parties_of_a_case`)
    if o.facts.place.is_none()
        && case_after_court_noun(doc, lex, o)
        && !super::around::parties_of_a_case(doc, lex, o.span.tokens.clone())
    {
        b.cast(&rules::CASE_AFTER_COURT_NOUN);
    }
    if then_region(doc, lex, o) {
        b.cast(&rules::PLACE_THEN_REGION);
    }
    if o.facts.place.is_none() && region_after_town(doc, lex, o) {
        b.cast(&rules::REGION_AFTER_TOWN);
    }
    // (a town that is also a given name or a word, `Gilbert`, `Chandler`,
    // is the town in a list of towns; a region, `England`, may be a team)
    let town = |m: PlaceMatch| m.place.feature == Feature::City && !is_major_place(&m);
    if o.facts.place.is_none_or(town) && listed_with_places(doc, lex, o) {
        b.cast(&rules::LISTED_WITH_PLACES);
    }
    if apposition_to_place_noun(doc, lex, o) {
        b.cast(&rules::APPOSITION_TO_PLACE_NOUN);
    }
    if direction_as_region(doc, lex, o) {
        b.cast(&rules::DIRECTION_AS_REGION);
    }
    if unknown_after_place_preposition(doc, lex, o) {
        b.cast(&rules::UNKNOWN_AFTER_PLACE_PREPOSITION);
    }
    if o.facts.organization.is_none()
        && !o.facts.calendar
        && !o.facts.first_cue
        && !o.facts.last_cue
        && place_on_place(doc, lex, o)
    {
        b.cast(&rules::PLACE_ON_PLACE);
    }
    if !o.facts.first_cue
        && !o.facts.last_cue
        && !o.facts.calendar
        && !o.facts.demonym
        && after_place_noun(doc, lex, o)
    {
        b.cast(&rules::AFTER_PLACE_NOUN);
    }
}

/// `Scientology.org`: a name that ends in a dot and two to four lowercase
/// letters is a web address.
pub(super) fn web_address(full: &str) -> bool {
    full.rsplit_once('.').is_some_and(|(before, tld)| {
        !before.is_empty()
            && !before.ends_with(' ')
            && (2..=4).contains(&tld.len())
            && tld.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// `the Scientology-critic site`: a name that ends in a hyphen and a
/// lowercase word of four letters or more modifies what follows (`-ri`,
/// `-gu` in Korean place names are shorter).
fn compound_modifier(full: &str) -> bool {
    full.rsplit_once('-').is_some_and(|(before, last)| {
        !before.is_empty() && last.len() >= 4 && last.chars().all(|c| c.is_lowercase())
    })
}

/// `the decision in Ratych`, `the courts back in Sirhan`: `in` before the
/// name and a noun of the courts at most three words before `in`, in one
/// sentence.
fn case_after_court_noun(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let start = o.span.tokens.start;
    let sentence = doc.sentence_of[start];
    if start == 0 || !in_sentence(doc, start - 1, sentence) || doc.word(start - 1) != "in" {
        return false;
    }
    (start.saturating_sub(4)..start - 1).any(|k| {
        in_sentence(doc, k, sentence)
            && doc.tokens[k].kind == TokenKind::Word
            && lex.lists.case_nouns.contains(doc.word(k))
    })
}

/// `Platt's Music Hall`: `'s` after the name, then a run of capitalised
/// words that ends in a facility's head noun.
fn possessor_of_facility(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let end = o.span.tokens.end;
    let sentence = doc.sentence_of[o.span.tokens.start];
    let possessive = in_sentence(doc, end, sentence)
        && is_clitic(doc.word(end))
        && doc.word(end).ends_with(['s', 'S']);
    if !possessive {
        return false;
    }
    // (the facility's name may be its head alone: `Music Hall`)
    run_at(doc, end + 1, true, sentence).is_some_and(|run| {
        let words = doc.words(run.clone());
        let heads = &lex.lists.facility_heads;
        heads.contains(doc.slice(&run)) || super::ends_in_facility_head(lex, &words)
    })
}

/// `US$ 10 billion`, `HK$5`: a currency sign glued to the name's end.
fn currency_sign_after(doc: &Doc, o: &Occurrence) -> bool {
    let end = o.span.tokens.end;
    end < doc.tokens.len()
        && doc.tokens[end].kind == TokenKind::Punct
        && doc.tokens[end].span().start == doc.tokens[end - 1].span().end
        && doc
            .word(end)
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '$' | '€' | '£' | '¥'))
}

/// Whether token `i` is a word that starts with a capital letter.
fn capitalised(doc: &Doc, i: usize) -> bool {
    i < doc.tokens.len()
        && doc.tokens[i].kind == TokenKind::Word
        && doc.word(i).chars().next().is_some_and(char::is_uppercase)
}

/// Whether token `i` lies in `sentence`.
fn in_sentence(doc: &Doc, i: usize, sentence: u32) -> bool {
    i < doc.tokens.len() && doc.sentence_of[i] == sentence
}

/// The run of capitalised words that starts at `i` (going right), or ends
/// at `i` (going left), at most four words, in one sentence.
fn run_at(doc: &Doc, i: usize, right: bool, sentence: u32) -> Option<Range<usize>> {
    if !in_sentence(doc, i, sentence) || !capitalised(doc, i) {
        return None;
    }
    let (mut start, mut end) = (i, i + 1);
    if right {
        while end - start < 4 && in_sentence(doc, end, sentence) && capitalised(doc, end) {
            end += 1;
        }
    } else {
        while end - start < 4
            && start > 0
            && in_sentence(doc, start - 1, sentence)
            && capitalised(doc, start - 1)
        {
            start -= 1;
        }
    }
    Some(start..end)
}

/// A place the gazetteer knows, under a name that is no person's: the
/// other items of a list that make a name a place.
fn known_place(doc: &Doc, lex: &Lexicon, run: &Range<usize>) -> bool {
    let name = doc.slice(run);
    lex.place(name).is_some_and(|m: PlaceMatch| {
        is_major_place(&m)
            || (lex.given_name(name).is_none()
                && lex.surname(name).is_none_or(|f| f < 0.02)
                && lex.demonym(name).is_none())
    })
}

/// `Vinita, Oklahoma.`, `Alpine, Arizona, USA`, `Vinita, OK`: a name, a
/// comma and the state, province or country it lies in (or a US state's
/// postal abbreviation), which ends the clause.
fn then_region(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let end = o.span.tokens.end;
    let sentence = doc.sentence_of[o.span.tokens.start];
    if (o.facts.given_first.is_some_and(|g| g >= 0.02) && o.words.len() >= 2)
        || o.facts.acronym
        || o.facts.first_cue
        || o.facts.last_cue
        || (o.words.len() == 1 && o.facts.name_like_first && o.facts.place.is_none())
    {
        // (`Anna Weiss, Texas …` is someone, `CNRS, France` a body; a town
        // that is also a family name, `Campbell, California`, is the town)
        return false;
    }
    // (after a lowercase word, only a preposition of place: `Universidad …
    // a Distancia, Spain` is the end of a longer name)
    let start = o.span.tokens.start;
    if start > 0 && in_sentence(doc, start - 1, sentence) {
        let w = doc.word(start - 1);
        if w.chars().all(char::is_lowercase) && !lex.lists.place_prepositions.contains(w) {
            return false;
        }
    }
    if !(in_sentence(doc, end, sentence) && doc.word(end) == ",") {
        return false;
    }
    let Some(run) = run_at(doc, end + 1, true, sentence) else {
        return false;
    };
    // (a state, a country, a region or a city of a million people: `Flushing,
    // Queens`; the whole run, or its first words: `Arizona, USA`)
    // (or a US state's postal abbreviation: `Coffeyville, KS`)
    let region = lex.places(doc.slice(&run)).iter().any(|m| {
        (matches!(
            m.place.feature,
            Feature::State | Feature::Country | Feature::Region
        ) || m.place.population >= 1_000_000)
            && lex.demonym(doc.slice(&run)).is_none()
    }) || (run.len() == 1
        && lex.lists.state_abbreviations.contains(doc.word(run.start)));
    // (the region ends the clause: `Alpine, Arizona, for`, not `Abbott,
    // Texas governor`)
    let after = run.end;
    region
        && (after >= doc.tokens.len()
            || doc.sentence_of[after] != sentence
            || doc.tokens[after].kind == TokenKind::Punct)
}

/// `born in Exeter, Devon.`: one word after a town the gazetteer knows
/// (itself after a preposition of place) and a comma, ending the clause:
/// the region the town lies in.
fn region_after_town(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let (start, end) = (o.span.tokens.start, o.span.tokens.end);
    let sentence = doc.sentence_of[start];
    // (a word in capitals, `OK`, `USA`, is an abbreviation the gazetteer
    // knows or no region)
    if o.words.len() != 1
        || !o.words[0].chars().any(char::is_lowercase)
        || start < 3
        || doc.word(start - 1) != ","
    {
        return false;
    }
    let Some(run) = run_at(doc, start - 2, false, sentence) else {
        return false;
    };
    let after_preposition = run.start > 0
        && in_sentence(doc, run.start - 1, sentence)
        && lex
            .lists
            .place_prepositions
            .contains(doc.word(run.start - 1));
    let town = lex.place(doc.slice(&run)).is_some_and(|m| {
        m.how != NameKind::Variant && matches!(m.place.feature, Feature::City | Feature::Capital)
    });
    let ends = end >= doc.tokens.len()
        || doc.sentence_of[end] != sentence
        || doc.tokens[end].kind == TokenKind::Punct;
    after_preposition && town && ends
}

/// The words that separate the items of a list.
fn separator(w: &str) -> bool {
    matches!(w, "," | "and" | "or" | "&")
}

/// `Edgewater, Englewood Cliffs, Cliffside Park and Leonia`: a name among
/// the items of a list, two or more of them known places and no more
/// unknown ones than known.
fn listed_with_places(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let sentence = doc.sentence_of[o.span.tokens.start];
    let (mut known, mut unknown) = (0, 0);
    // rightwards
    let mut i = o.span.tokens.end;
    for _ in 0..3 {
        if !in_sentence(doc, i, sentence) || !separator(doc.word(i)) {
            break;
        }
        i += 1;
        if in_sentence(doc, i, sentence) && doc.word(i) == "and" {
            i += 1; // `, and`
        }
        let Some(run) = run_at(doc, i, true, sentence) else {
            break;
        };
        if known_place(doc, lex, &run) {
            known += 1;
        } else {
            unknown += 1;
        }
        i = run.end;
    }
    // leftwards
    let mut i = o.span.tokens.start;
    for _ in 0..3 {
        if i == 0 || !in_sentence(doc, i - 1, sentence) || !separator(doc.word(i - 1)) {
            break;
        }
        i -= 1;
        if i > 0 && doc.word(i) == "and" && doc.word(i - 1) == "," {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        let Some(run) = run_at(doc, i - 1, false, sentence) else {
            break;
        };
        if known_place(doc, lex, &run) {
            known += 1;
        } else {
            unknown += 1;
        }
        i = run.start;
    }
    known >= 2 && unknown <= known
}

/// `Stridon, a village near Emona`, `Mazirat, a small town in the Allier`:
/// a name in apposition to a place noun that ends its phrase.
fn apposition_to_place_noun(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let end = o.span.tokens.end;
    let sentence = doc.sentence_of[o.span.tokens.start];
    if !(in_sentence(doc, end + 1, sentence)
        && doc.word(end) == ","
        && matches!(doc.word(end + 1), "a" | "an" | "the"))
    {
        return false;
    }
    // up to two lowercase words before the noun (`a small fishing town`)
    for k in end + 2..end + 5 {
        if !in_sentence(doc, k, sentence) {
            return false;
        }
        let w = doc.word(k);
        if !w.chars().all(|c| c.is_lowercase() || c == '-') {
            return false;
        }
        if lex.lists.place_of_nouns.contains(w) {
            // the noun ends its phrase (`a town in`, `a village,`), not
            // `a city official`
            let next = k + 1;
            return !in_sentence(doc, next, sentence)
                || doc.tokens[next].kind == TokenKind::Punct
                || lex.lists.prepositions.contains(doc.word(next))
                || matches!(doc.word(next), "where" | "that" | "which" | "whose");
        }
    }
    false
}

/// `in the Midwest`, `from the North`, `of the Southwest`: a direction alone
/// after a preposition and `the`, capitalised mid-sentence, names a region.
fn direction_as_region(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let start = o.span.tokens.start;
    if o.words.len() != 1 || o.span.sentence_initial || o.heading || o.all_caps || start == 0 {
        return false;
    }
    // (after a preposition and `the`: `for the West`; `The South retaliated`
    // is a government)
    if start < 2 || doc.word(start - 1) != "the" || {
        let p = doc.word(start - 2).to_lowercase();
        !(lex.lists.prepositions.contains(p.as_str())
            || lex.lists.place_prepositions.contains(p.as_str())
            || p == "of")
    } {
        return false;
    }
    let w = o.words[0];
    let compass = |w: &str| matches!(w, "North" | "South" | "East" | "West");
    let direction = compass(w)
        || w == "Midwest"
        || ["North", "South"].iter().any(|p| {
            w.strip_prefix(p)
                .is_some_and(|rest| matches!(rest, "east" | "west"))
        });
    // (`the North Sea` is one name already; `the West-` a compound)
    let end = o.span.tokens.end;
    direction
        && !(end < doc.tokens.len()
            && doc.word(end) == "-"
            && doc.tokens[end].span().start == doc.tokens[end - 1].span().end)
}

/// Whether `w` is a noun of a kind of place that takes `of` (`island`,
/// `province`), or its plural (`islands`, `cities`).
fn place_of_noun(lex: &Lexicon, w: &str) -> bool {
    let nouns = &lex.lists.place_of_nouns;
    nouns.contains(w)
        || w.strip_suffix('s').is_some_and(|s| nouns.contains(s))
        || w.strip_suffix("ies")
            .is_some_and(|s| nouns.contains(&format!("{s}y")))
}

/// `the province Britannia Inferior`, `the islands La Désirade, Petite
/// Terre, Marie Galante and La Dominique`: a name right after a determiner
/// and a noun of a kind of place, or in the list that follows them.
fn after_place_noun(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let sentence = doc.sentence_of[o.span.tokens.start];
    let mut i = o.span.tokens.start;
    // (the name, then at most four items of the list before it)
    for _ in 0..5 {
        if i < 2 || !in_sentence(doc, i - 2, sentence) {
            return false;
        }
        let before = doc.word(i - 1);
        if place_of_noun(lex, before) {
            return lex
                .lists
                .determiners
                .contains(&doc.word(i - 2).to_lowercase());
        }
        if !matches!(before, "," | "and" | "or") {
            return false;
        }
        let mut k = i - 1;
        if before == "and" && doc.word(k - 1) == "," {
            k -= 1;
        }
        let Some(run) = run_at(doc, k - 1, false, sentence) else {
            return false;
        };
        i = run.start;
    }
    false
}

/// `a ferry to Skiatook`, `near Qalansia`: one word that no list knows
/// (no given or family name, no ordinary word, no place, organisation or
/// demonym), mid-sentence, after a preposition of place. Not after `at`
/// (`teaching at Tsinghua`: a workplace as often) nor `according to`, not a
/// word shaped like an abstract noun (`to Islamophobia`, `to
/// Catholicism`), not a case named by its party (`the decision in Ratych`).
fn unknown_after_place_preposition(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let start = o.span.tokens.start;
    if o.words.len() != 1
        || !o.facts.first_unknown
        || o.span.sentence_initial
        || o.heading
        || start == 0
        // (the first word of a longer run: `in Levico Terme`)
        || doc.capitalised_in_sentence(o.span.tokens.end, doc.sentence_of[start])
    {
        return false;
    }
    let before = doc.word(start - 1);
    let abstract_noun = ["ism", "phobia", "ology", "ness", "tion", "ment", "ity"]
        .iter()
        .any(|s| o.words[0].ends_with(s));
    lex.lists.place_prepositions.contains(before)
        && before != "at"
        && !(before == "to" && start >= 2 && doc.word(start - 2) == "according")
        && !abstract_noun
        && !case_after_court_noun(doc, lex, o)
        && !super::around::parties_of_a_case(doc, lex, o.span.tokens.clone())
}

/// `a ferry from Marstal on Ærø`, `From Spodsbjerg on Langeland`: a name of
/// one or two words after `on` and a name that follows a preposition of
/// place (not `at`): the island or the land that place lies on.
fn place_on_place(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let start = o.span.tokens.start;
    let sentence = doc.sentence_of[start];
    if o.words.len() > 2
        || o.span.sentence_initial
        || o.heading
        || start < 3
        || doc.word(start - 1) != "on"
        || !in_sentence(doc, start - 2, sentence)
    {
        return false;
    }
    let Some(run) = run_at(doc, start - 2, false, sentence) else {
        return false;
    };
    run.start > 0 && in_sentence(doc, run.start - 1, sentence) && {
        let p = doc.word(run.start - 1).to_lowercase();
        p != "at" && lex.lists.place_prepositions.contains(p.as_str())
    }
}
