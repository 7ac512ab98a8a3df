//! Votes from the words around a name: a credit line, a list it stands in,
//! the words after it (`, who`, `said`, `the Obama administration`, `the
//! Punggye Ri nuclear test site`, `Seoul-based`) and before it (`said`,
//! `appointed`, `the province of`, `the journal`).

use super::context::plural_place_noun_after_list;
use super::context::{appositive_to_title, cited_author, coordinated_with_org, credit_ends};
use super::{Occurrence, is_major_place};
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::{Feature, Lexicon};
use crate::analysis::names::rules::{self, Ballot};
use crate::analysis::tokens::{TokenKind, with_lowercase};

/// `via Shutterstock`, `Jeon Heon-Kyun/EPA`: an agency credited for a picture.
/// Not a route (`flights from Sana'a via Al Mukalla`: `from` or `to` in the
/// six words before `via`), nor a pair of ordinary words (`North / South`,
/// `From the Southwest / Oklahoma City`: the word before the slash is no name).
pub fn picture_credit(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let start = o.span.tokens.start;
    if start > 0 {
        let before = doc.word(start - 1);
        let sentence = doc.sentence_of[start];
        let route = || {
            (start.saturating_sub(8)..start - 1)
                .any(|i| doc.sentence_of[i] == sentence && matches!(doc.word(i), "from" | "to"))
        };
        let pair = || super::is_common(lex, doc.word(start - 2));
        if (before == "via" && !route())
            || (before == "/"
                && start >= 2
                && doc.tokens[start - 2].kind == TokenKind::Word
                && !pair())
        {
            // a credit ends its line: `…/EPA`, `via Getty Images`
            b.cast(if credit_ends(doc, o.span) {
                &rules::PICTURE_CREDIT_AT_LINE_END
            } else {
                &rules::PICTURE_CREDIT
            });
        }
    }
}

/// `Photo: Lee Chan`, `Credit Maria Gomez`, `Photograph by Ana Ruiz` at the
/// start of a line, or `JOHN DOE/AFP` ending one: the name of whoever took a
/// picture, no one the article is about.
pub fn credited_for_picture(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let (start, end) = (o.span.tokens.start, o.span.tokens.end);
    // (the credit word, then `:` or `by`, at the start of its line)
    let mut k = start;
    if k > 0 && matches!(doc.word(k - 1), ":" | "by" | "By") {
        k -= 1;
    }
    let credited_before =
        k > 0 && lex.lists.credit_words.contains(doc.word(k - 1)) && line_starts_at(doc, k - 1);
    // (a slash glued to the name, then an agency that ends the line)
    let credited_after = end + 1 < doc.tokens.len()
        && doc.word(end) == "/"
        && doc.tokens[end].span().start == doc.tokens[end - 1].span().end
        && doc.tokens[end + 1].kind == TokenKind::Word
        && line_ends_after(doc, end + 1)
        && o.words.len() >= 2
        && line_starts_at(doc, start);
    if credited_before || credited_after {
        b.cast(&rules::CREDITED_FOR_PICTURE);
    }
}

/// Whether token `i` is the first of its line, or follows only other words
/// of a credit (`Photo by`).
fn line_starts_at(doc: &Doc, i: usize) -> bool {
    let before = &doc.text[..doc.tokens[i].span().start];
    let line = before.rsplit('\n').next().unwrap_or(before);
    line.trim().is_empty()
}

/// Whether nothing but punctuation follows token `i` on its line.
fn line_ends_after(doc: &Doc, i: usize) -> bool {
    let after = &doc.text[doc.tokens[i].span().end..];
    let line = after.split('\n').next().unwrap_or(after);
    line.chars().all(|c| !c.is_alphanumeric())
}

/// `Houston Astros`, `the Lakers beat the Celtics`: a team, named by its
/// place and a plural, or a plural on either side of a match.
pub fn team(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let (words, n) = (o.words, o.words.len());
    let last = words[n - 1];
    // a plural of a name (`Astros`, `Rays`), no place word (`Falls`), no
    // group (`Republicans`), no demonym (`Kenyans`) and no organisation word
    let plural_name = last.len() >= 4
        && last.ends_with('s')
        && !last.ends_with("ss")
        && !last.ends_with("us")
        && last.chars().next().is_some_and(char::is_uppercase)
        && last.chars().skip(1).all(char::is_lowercase)
        && !lex.lists.place_last_words.contains(last)
        && !lex.lists.place_words_after_name.contains(last)
        && !lex.lists.group_words.contains(last)
        && !lex.lists.event_last_words.contains(last)
        && !lex.lists.party_affiliations.contains(last)
        && lex.demonym(last).is_none()
        && lex.org_cue(last).is_none()
        && lex.place(last).is_none();
    if !plural_name {
        return;
    }
    if (2..=4).contains(&n) && !o.span.institution {
        // (the place may be the first words of a longer one: `Tampa Bay`)
        let known = |k: usize| {
            let place = doc.slice(&(o.span.tokens.start..o.span.tokens.start + k));
            lex.place(place)
                .is_some_and(|m| m.place.population >= 50_000 || is_major_place(&m))
                && lex.demonym(place).is_none()
        };
        if (1..n).rev().any(known) {
            b.cast(&rules::TEAM_OF_A_PLACE);
            return;
        }
    }
    // `the Lakers beat the Celtics`, `Owls vs Rams`
    let (start, end) = (o.span.tokens.start, o.span.tokens.end);
    let sentence = doc.sentence_of[start];
    let same = |i: usize| i < doc.tokens.len() && doc.sentence_of[i] == sentence;
    let is_match = |i: usize| same(i) && lex.lists.match_verbs.contains(doc.word(i));
    let mut before = start;
    if before > 0 && matches!(doc.word(before - 1), "the" | "The") {
        before -= 1;
    }
    let match_after =
        is_match(end) && (end + 1..end + 3).any(|i| same(i) && is_capital_plural(doc.word(i)));
    let match_before = before > 0
        && is_match(before - 1)
        && (before.saturating_sub(4)..before - 1)
            .any(|i| same(i) && is_capital_plural(doc.word(i)));
    if match_after || match_before {
        b.cast(&rules::TEAM_IN_A_MATCH);
    }
}

/// `Sweden defeated South Korea 1 – 0`, `Belgium beat debutants Panama`,
/// `Tunisia lost 1 – 2 to England`: a known place on one side of a match
/// (`match_verbs`) with a known place on the other, or with a score after
/// it, is its team. A verb that is as often said of countries
/// (`match_verbs_of_countries`: `face`, `host`) counts only with a score in
/// the sentence.
pub fn place_in_a_match(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    if o.facts.place.is_none() || o.span.institution {
        return;
    }
    let (start, end) = (o.span.tokens.start, o.span.tokens.end);
    let sentence = doc.sentence_of[start];
    let same = |i: usize| i < doc.tokens.len() && doc.sentence_of[i] == sentence;
    // (the sentence is read for a score only at such a verb)
    let scored = || {
        doc.sentence_at(start)
            .tokens
            .clone()
            .any(|i| score_at(doc, i))
    };
    let is_match = |i: usize| {
        same(i) && {
            let w = doc.word(i);
            lex.lists.match_verbs.contains(w)
                && (!lex.lists.match_verbs_of_countries.contains(w) || scored())
        }
    };
    // a known place starting at `i` (capitalised, in this sentence)
    let place_at = |i: usize| {
        same(i)
            && doc.word(i).starts_with(char::is_uppercase)
            && (1..=3).any(|k| same(i + k - 1) && lex.place(doc.slice(&(i..i + k))).is_some())
    };
    // subject: `Sweden defeated (debutants) Panama`
    let subject = is_match(end) && (end + 1..end + 3).any(place_at);
    // object: `defeated (debutants) Panama`, a place before the verb
    let object = (start.saturating_sub(2)..start).any(|v| {
        is_match(v)
            && (v + 1..start).all(|i| doc.word(i).starts_with(char::is_lowercase))
            && (v.saturating_sub(4)..v).any(place_at)
    });
    // a score right after it (`Panama 0 – 3`, `Tunisia lost 1 – 2`) or
    // before `to` it (`lost 1 – 2 to England`)
    let with_score = score_at(doc, end)
        || (same(end) && doc.word(end) == "lost" && score_at(doc, end + 1))
        || (start >= 4
            && same(start - 4)
            && doc.word(start - 1) == "to"
            && score_at(doc, start - 4));
    if subject || object || with_score {
        b.cast(&rules::PLACE_IN_A_MATCH);
    }
}

/// A score at token `i`: `3 – 0`, `1-2`, `2–1` (numbers of one or two digits).
fn score_at(doc: &Doc, i: usize) -> bool {
    let small = |i: usize| {
        i < doc.tokens.len() && doc.tokens[i].kind == TokenKind::Number && doc.word(i).len() <= 2
    };
    let dash =
        |i: usize| i < doc.tokens.len() && matches!(doc.word(i), "-" | "\u{2013}" | "\u{2014}");
    if small(i) && dash(i + 1) && small(i + 2) {
        return true;
    }
    // one token: `3-0`
    let digits = |d: &str| (1..=2).contains(&d.len()) && d.chars().all(|c| c.is_ascii_digit());
    i < doc.tokens.len()
        && doc
            .word(i)
            .split_once(['-', '\u{2013}'])
            .is_some_and(|(a, b)| digits(a) && digits(b))
}

/// A capitalised word ending in `s` (`Celtics`), as the other side of a match.
fn is_capital_plural(w: &str) -> bool {
    w.len() >= 4 && w.ends_with('s') && w.chars().next().is_some_and(char::is_uppercase)
}

/// `News Corporation and Fairfax`: a single word joined by `and`/`or` to an
/// organisation's name that ends in its cue word is most often another
/// organisation of the same list, unless it is a well-known place.
pub fn coordinated(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    if o.words.len() == 1
        && !o.span.sentence_initial
        && coordinated_with_org(doc, lex, o.span)
        && !o.facts.place.is_some_and(|m| is_major_place(&m))
    {
        b.cast(&rules::COORDINATED_WITH_ORG);
    }
}

/// `in Kansas City`, `in Washington City`: a known place and `City` after a
/// preposition of place is the city, not a club (`Manchester City won`).
pub fn city_after_preposition(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let start = o.span.tokens.start;
    if o.words.len() == 2
        && o.words[1] == "City"
        && o.facts.place_first.is_some()
        && o.facts.organization.is_none()
        && start > 0
        && {
            let before = doc.word(start - 1);
            before == "of" || lex.lists.place_prepositions.contains(before)
        }
    {
        b.cast(&rules::CITY_AFTER_PREPOSITION);
    }
}

/// `Illyrian ancestry`, `a Localist group`, `the Paralympic movement`: one
/// word shaped like an adjective of a people, a faith or a creed, that no
/// list knows as a name (organisation, place, given or family name), right
/// before a lowercase word that is no function word and no noun of an
/// organisation, a place or a person (those have their own rules: `the
/// Socialist party`). Words in `-ic` only after a determiner (`Djokovic
/// beat` is someone).
fn adjective_before_noun(doc: &Doc, lex: &Lexicon, o: &Occurrence) -> bool {
    let f = &o.facts;
    let word = o.words[0];
    let (start, after) = (o.span.tokens.start, o.span.tokens.end);
    if f.organization.is_some()
        || f.place.is_some()
        || f.given_first.is_some()
        || f.surname_first.is_some()
        || o.all_caps
        || word.chars().count() < 5
        || after >= doc.tokens.len()
        || doc.sentence_of[after] != doc.sentence_of[start]
    {
        return false;
    }
    // (`in Tabennese while …`: after a preposition of place, or before a
    // preposition, the word is no adjective)
    if start > 0 && lex.lists.place_prepositions.contains(doc.word(start - 1)) {
        return false;
    }
    let next = doc.word(after);
    if !next.chars().all(char::is_lowercase)
        || lex.lists.function_words.contains(next)
        || lex.lists.prepositions.contains(next)
        || lex.lists.org_nouns.contains(next)
        || lex.lists.place_nouns.contains(next)
        || lex.lists.person_nouns.contains(next)
        || lex.lists.saying_verbs_after_name.contains(next)
    {
        return false;
    }
    let after_determiner = start > 0
        && lex
            .lists
            .determiners
            .contains(&doc.word(start - 1).to_lowercase());
    ["ian", "ean", "ese", "ist"]
        .iter()
        .any(|s| word.ends_with(s))
        || (word.ends_with("ic") && after_determiner)
}

/// The words after the name. Returns whether it is one of a list that a
/// plural place noun ends (which the capitals' rules then trust).
pub fn after(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) -> bool {
    let (f, span, n) = (&o.facts, o.span, o.words.len());
    let after = span.tokens.end;
    let sentence = doc.sentence_of[span.tokens.start];
    let word_at = |i: usize| (i < doc.tokens.len()).then(|| doc.word(i));
    // `Valentine's Day`, `St. Patrick's Day`: a calendar phrase that goes on
    // past the possessive
    if word_at(after).is_some_and(|w| matches!(w, "'s" | "\u{2019}s")) {
        let phrase = doc.words(span.tokens.start..(after + 3).min(doc.tokens.len()));
        if lex.calendar_at(&phrase).is_some_and(|(k, _)| k > n) {
            b.cast(&rules::CALENDAR_PAST_POSSESSIVE);
        }
    }
    if n == 1 && adjective_before_noun(doc, lex, o) {
        b.cast(&rules::ADJECTIVE_BEFORE_NOUN);
    }
    // `Brown v. Board`, `Biden versus Nebraska`: a party to a case that no
    // list knows is most often a person
    let versus = |w: &str| lex.lists.versus.contains(w);
    let party = (span.tokens.start > 0 && versus(doc.word(span.tokens.start - 1)))
        || word_at(after).is_some_and(versus);
    let party = party
        || (n == 1
            && (!f.only_common || f.surname_first.is_some())
            && parties_of_a_case(doc, lex, span.tokens.clone()));
    if party && f.place.is_none() && f.organization.is_none() && n <= 2 {
        b.cast(&rules::PARTY_TO_A_CASE);
    }
    // `Okafor & Lindqvist, 2010`, `Okafor et al. (2005)`: the authors of a
    // citation (not an organisation, an acronym, a major place (or one
    // first: `Boston Red Sox (2013)`) or a work's title
    // of ordinary words: `Childish Recollections (1806)`)
    if n <= 3
        && f.organization.is_none()
        && !f.place.is_some_and(|m| is_major_place(&m))
        && !f.place_first.is_some_and(|m| is_major_place(&m))
        && !f.demonym
        && (!f.only_common || (n == 1 && f.surname_first.is_some()))
        && !o.all_caps
        && lex.org_cue(o.words[n - 1]).is_none()
        && cited_author(doc, span)
    {
        b.cast(&rules::CITED_AUTHOR);
    }
    // `Constantine the Great`: an epithet names the person before it
    if n <= 2
        && word_at(after) == Some("the")
        && word_at(after + 1).is_some_and(|w| lex.lists.epithets.contains(w))
        && doc.sentence_of[after + 1] == sentence
    {
        b.cast(&rules::EPITHET_AFTER);
    }
    if word_at(after) == Some(",") {
        match word_at(after + 1).map(|w| with_lowercase(w, |w| (w == "who", w == "which"))) {
            Some((true, _)) => b.cast(&rules::COMMA_WHO),
            Some((_, true)) => {
                b.cast(&rules::COMMA_WHICH_ORG);
                b.cast(&rules::COMMA_WHICH_PLACE);
            }
            _ => {
                if n <= 3
                    && f.organization.is_none()
                    && !f.place.is_some_and(|m| is_major_place(&m))
                    && !f.demonym
                    && !f.last_cue
                    && apposed_person(doc, lex, after + 1)
                {
                    b.cast(&rules::APPOSED_PERSON_NOUN);
                }
            }
        }
    }
    if let Some(w) = word_at(after)
        && doc.sentence_of[after] == sentence
        && lex.lists.saying_verbs_after_name.contains(w)
    {
        b.cast(&rules::SAYS_AFTER_PERSON);
        if (2..=3).contains(&n)
            && o.words
                .iter()
                .all(|w| crate::analysis::names::name_shaped(w) && !super::is_common(lex, w))
            && f.organization.is_none()
            && f.place.is_none()
            && f.place_first.is_none()
            && !f.demonym
            && !f.last_cue
            && !f.first_cue
            && !f.geographic
            && !o.heading
        {
            b.cast(&rules::SAYS_AFTER_FULL_NAME);
        }
        b.cast(&rules::SAYS_AFTER_ORG);
    }
    // `Building 24`, `Apollo 11`, `Page A22`: a designation, not a name
    if let Some(w) = word_at(after)
        && doc.tokens[after].kind == TokenKind::Number
        && doc.sentence_of[after] == sentence
        && f.organization.is_none()
        && !w.contains(',')
    {
        b.cast(&rules::NUMBER_AFTER);
    }
    // `the Walkley journalism foundation`, `the Labor government`
    for k in after..(after + 3).min(doc.tokens.len()) {
        let w = doc.word(k);
        if doc.sentence_of[k] != sentence || !w.chars().all(|c| c.is_lowercase()) {
            break;
        }
        if lex.lists.org_nouns.contains(w) {
            b.cast(&rules::ORG_NOUN_AFTER);
            break;
        }
    }
    // `the Obama administration`, `the Thatcher era`
    if let Some(w) = word_at(after)
        && doc.sentence_of[after] == sentence
        && lex.lists.person_nouns.contains(w)
        && n <= 2
    {
        b.cast(&rules::PERSON_NOUN_AFTER);
    }
    // `the National Iodine Nutrition study`: what the study is of
    if let Some(w) = word_at(after)
        && doc.sentence_of[after] == sentence
        && n >= 3
        && lex.lists.study_nouns.contains(w)
        && f.organization.is_none()
        && !f.last_cue
        && !f.first_cue
    {
        b.cast(&rules::NAME_OF_A_STUDY);
    }
    // `the Punggye Ri nuclear test site`
    for k in after..(after + 4).min(doc.tokens.len()) {
        if doc.sentence_of[k] != sentence {
            break;
        }
        let w = doc.word(k);
        if !w.chars().all(|c| c.is_lowercase() || c == '-') {
            break;
        }
        if lex.lists.place_nouns.contains(w) {
            b.cast(&rules::PLACE_NOUN_AFTER);
            break;
        }
    }
    // `Barracuda and Kayangan lakes`, `Dupont (now Grant) streets`: the
    // plural says that each name of the list is one (the rules are sure of it)
    let listed_place = word_at(after).is_some_and(|w| matches!(w, "and" | "or" | "," | "("))
        && plural_place_noun_after_list(doc, lex, after);
    if listed_place {
        b.cast(&rules::LIST_BEFORE_PLURAL_PLACE_NOUN);
    }
    // `Seoul-based`
    if word_at(after) == Some("-")
        && word_at(after + 1).is_some_and(|w| lex.lists.place_compound_suffixes.contains(w))
        && doc.tokens[after].span().start == doc.tokens[after - 1].span().end
    {
        b.cast(&rules::PLACE_COMPOUND);
    }
    listed_place
}

/// `, an Australian woman`, `, a former actor`, `, the widow of`: from
/// token `k` (after the comma), a kind of person in apposition, after a
/// determiner and at most three modifiers (lowercase words or demonyms); a
/// job role only after `a`/`an`.
fn apposed_person(doc: &Doc, lex: &Lexicon, k: usize) -> bool {
    let sentence = doc.sentence_of[k - 1];
    let word_at =
        |i: usize| (i < doc.tokens.len() && doc.sentence_of[i] == sentence).then(|| doc.word(i));
    let Some(first) = word_at(k) else {
        return false;
    };
    let indefinite = matches!(first, "a" | "an");
    let from = if indefinite || first == "the" {
        k + 1
    } else {
        k
    };
    for i in from..from + 4 {
        let Some(w) = word_at(i) else { return false };
        if lex.lists.apposed_person_nouns.contains(w) {
            return true;
        }
        if indefinite
            && lex
                .title(w)
                .is_some_and(|t| t.is(crate::analysis::lexicon::TitleKind::Job))
            && w.chars().next().is_some_and(char::is_lowercase)
        {
            return true;
        }
        let modifier = (w.chars().all(|c| c.is_lowercase() || c == '-')
            && !matches!(w, "and" | "or" | "of" | "who" | "which" | "that"))
            || lex.demonym(w).is_some();
        if !modifier {
            return false;
        }
    }
    false
}

/// The word before the name (not after a title or role).
pub fn before(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let (f, span, n) = (&o.facts, o.span, o.words.len());
    let start = span.tokens.start;
    if start == 0 || span.role.is_some() {
        return;
    }
    let before = doc.word(start - 1);
    // `said Tasos Georgelis`
    if lex.lists.saying_verbs_before_name.contains(before) && n >= 2 {
        b.cast(&rules::SAYS_BEFORE);
    }
    if lex.lists.place_prepositions.contains(before) {
        b.cast(&rules::PREPOSITION_OF_PLACE);
    }
    // `landed back on Earth`, `a sample from the Sun`
    if n == 1 && lex.lists.celestial_bodies.contains(o.words[0]) {
        let k = if before == "the" {
            start.checked_sub(2)
        } else {
            Some(start - 1)
        };
        let prepositions = [&lex.lists.place_prepositions, &lex.lists.space_prepositions];
        if k.is_some_and(|k| prepositions.iter().any(|l| l.contains(doc.word(k)))) {
            b.cast(&rules::CELESTIAL_BODY);
        }
    }
    // `appointed Draco`, `married Ellen`: verbs whose object is a person
    if lex.lists.person_object_verbs.contains(before) {
        b.cast(&rules::OBJECT_OF_PERSON_VERB);
    }
    // `the King of Athens, Theseus`: a name in apposition to a title
    if before == "," && appositive_to_title(doc, lex, start - 1) {
        b.cast(&rules::APPOSITION_TO_TITLE);
    }
    // `the journal Current Biology`, `the airline Skyways`: a name in
    // apposition to the kind of organisation it names
    // (but not a person's name: `the company John Harlow founded`)
    if lex.lists.org_kinds.contains(before)
        && !(n >= 2 && f.given_first.is_some())
        && start >= 2
        && doc.sentence_of[start - 2] == doc.sentence_of[start]
    {
        b.cast(&rules::APPOSITION_TO_ORG_KIND);
    }
    // `a graduate of Mount Holyoke`, `graduated from Navarro College`: a school
    if matches!(before, "of" | "from")
        && start >= 2
        && lex.lists.alumni_words.contains(doc.word(start - 2))
    {
        b.cast(&rules::ALUMNI_OF_SCHOOL);
    }
    // `firms such as Let There Be Neon`, `airlines like Volaris`: one of
    // the kind of organisation named before
    if start >= 3
        && (before == "like" || (before == "as" && doc.word(start - 2) == "such"))
        && doc.sentence_of[start - 3] == doc.sentence_of[start]
        && is_org_kind(lex, doc.word(start - if before == "like" { 2 } else { 3 }))
    {
        b.cast(&rules::ORG_KIND_SUCH_AS);
    }
    // `the province of Palawan`, `the island of Busuanga`
    if before == "of"
        && start >= 2
        && with_lowercase(doc.word(start - 2), |w| {
            lex.lists.place_of_nouns.contains(w)
        })
    {
        b.cast(&rules::PLACE_NOUN_OF);
    }
    // `the Battle of Chudnov`, `the Siege of Savannah`: where it was fought
    if before == "of"
        && start >= 2
        && with_lowercase(doc.word(start - 2), |w| lex.lists.battle_nouns.contains(w))
    {
        b.cast(&rules::BATTLE_NOUN_OF);
    }
    // `the 2nd Earl of Clare`, `the Duke of Norland`: a peer's or a
    // monarch's title names the land, not its holder
    if before == "of" && start >= 2 && lex.lists.realm_titles.contains(doc.word(start - 2)) {
        b.cast(&rules::REALM_OF_TITLE);
        b.cast(&rules::REALM_NOT_HOLDER);
    }
    if before == "the" || before == "The" {
        b.cast(&rules::AFTER_THE);
        b.cast(&rules::AFTER_THE_ORG);
        // `the Areopagus`, `the Bundestag`: a single word no list knows,
        // after `the`, names an institution, not a person (but `the
        // Clintons` is a family)
        if n == 1 && !span.sentence_initial && f.first_unknown {
            b.cast(&rules::UNKNOWN_AFTER_THE);
            b.cast(&rules::UNKNOWN_AFTER_THE_INSTITUTION);
        }
    }
}

/// Whether `word` is a kind of organisation, or its plural (`firms`,
/// `companies`).
fn is_org_kind(lex: &Lexicon, word: &str) -> bool {
    let kinds = &lex.lists.org_kinds;
    kinds.contains(word)
        || word.strip_suffix('s').is_some_and(|w| kinds.contains(w))
        || word
            .strip_suffix("ies")
            .is_some_and(|w| kinds.contains(&format!("{w}y")))
}

/// `set out in Moran and Pyle`, `the decision in Ratych and Bloomer`: a
/// case named aloud by its parties, `in` and two single names joined by
/// `and`, neither an ordinary word (unless a family name too) nor a place
/// or an organisation the lists know, in a
/// text that speaks of the courts (a noun of the courts in the 300 words
/// before).
pub(super) fn parties_of_a_case(doc: &Doc, lex: &Lexicon, name: std::ops::Range<usize>) -> bool {
    let (start, end) = (name.start, name.end);
    let sentence = doc.sentence_of[start];
    let same = |i: usize| i < doc.tokens.len() && doc.sentence_of[i] == sentence;
    let capitalised =
        |i: usize| same(i) && doc.word(i).chars().next().is_some_and(char::is_uppercase);
    let party = |i: usize| {
        let w = doc.word(i);
        capitalised(i)
            && (!super::is_common(lex, w) || lex.surname(w).is_some())
            && lex.place(w).is_none()
            && lex.organization(w).is_none()
    };
    let word = |i: usize| if same(i) { doc.word(i) } else { "" };
    // `in NAME and Other`, `in Other and NAME`
    let first = start >= 1
        && word(start - 1) == "in"
        && word(end) == "and"
        && party(end + 1)
        && !capitalised(end + 2);
    let second = start >= 3
        && word(start - 1) == "and"
        && party(start - 2)
        && word(start - 3) == "in"
        && !capitalised(end);
    // (the courts named in the 300 words before: a bounded look)
    (first || second)
        && (start.saturating_sub(COURTS_WINDOW)..start).any(|i| {
            doc.tokens[i].kind == TokenKind::Word && lex.lists.case_nouns.contains(doc.word(i))
        })
}

/// How far before a case named by its parties a noun of the courts is looked for.
const COURTS_WINDOW: usize = 300;

/// `North Korea fired artillery`, `South Korea says`, `Beijing warned
/// Tokyo`: a country or a capital as the subject of a verb of a state's act
/// or word (`government_verbs`, or a verb of saying right after a name) is
/// its government acting, an organisation. The vote is cast per occurrence
/// and summed per name, so that a name that mostly acts is the
/// organisation and one that is mostly where things happen stays the place.
/// No subject: after a preposition (`in Seoul said`, `of Kentucky called`),
/// a capitalised word (`Universiteit Amsterdam concluded`), or another place
/// or name and a list's `,`/`and`/`or`; before `'s` or a comma; a name inside an
/// institution.
pub fn place_that_acts(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let Some(m) = o.facts.place else { return };
    if !matches!(m.place.feature, Feature::Country | Feature::Capital) || o.span.institution {
        return;
    }
    // (`Washington said` is the government; `Jim Jordan … Jordan said` is
    // the person, whom a family name named in full elsewhere goes to first)
    let (start, end) = (o.span.tokens.start, o.span.tokens.end);
    let sentence = doc.sentence_of[start];
    let same = |i: usize| i < doc.tokens.len() && doc.sentence_of[i] == sentence;
    // (the word before, past `the`: `France, Chile and the United States signed`)
    let mut first = start;
    if first > 0 && same(first - 1) && matches!(doc.word(first - 1), "the" | "The") {
        first -= 1;
    }
    if first > 0 && same(first - 1) {
        let before = doc.word(first - 1);
        // (one of a list of places: `Sweden, Belgium, England win`; not
        // `Yesterday, North Korea fired`, `and South Korea says`)
        let place_ends_at = |e: usize| {
            (1..=3).any(|k| {
                e >= k
                    && same(e - k)
                    && doc.word(e - k).starts_with(char::is_uppercase)
                    && lex.place(doc.slice(&(e - k..e))).is_some()
            })
        };
        // (or of a list of names: `Granite Holdings and Brazil signed`; a
        // sentence's first word or a day is no name: `On Monday, Seoul said`)
        let name_ends_at = |e: usize| {
            e >= 2
                && same(e - 2)
                && doc.sentence_at(e - 1).tokens.start < e - 1
                && doc.word(e - 1).starts_with(char::is_uppercase)
                && !with_lowercase(doc.word(e - 1), |w| lex.lists.time_words.contains(w))
        };
        let listed = matches!(before, "," | "and" | "or" | "&" | "/")
            && (place_ends_at(first - 1) || name_ends_at(first - 1));
        let list_or_name = listed || before.starts_with(char::is_uppercase);
        let preposition = with_lowercase(before, |w| {
            lex.lists.prepositions.contains(w) || lex.lists.place_prepositions.contains(w)
        });
        if list_or_name || preposition {
            return;
        }
    }
    // the verb, past `has`, `later`, `quickly` (two such words at most)
    let between = |w: &str| {
        lex.lists.between_subject_and_verb.contains(w)
            || (w.len() >= 6
                && w.ends_with("ly")
                && w.bytes().all(|c| c.is_ascii_lowercase())
                && !lex.lists.ly_nouns.contains(w))
    };
    let mut v = end;
    while v < end + 2 && same(v) && between(doc.word(v)) {
        v += 1;
    }
    let acts = |w: &str| {
        lex.lists.government_verbs.contains(w) || lex.lists.saying_verbs_after_name.contains(w)
    };
    if same(v) && acts(doc.word(v)) {
        b.cast(&rules::GOVERNMENT_ACTS);
    }
}

/// `Sweden had more ball possession in the game`, `a penalty the referee
/// awarded Sweden`, `24 games for Indianapolis`, `debuted for Boston`: a
/// known place in a sentence about a game (two words of a game,
/// `game_words` or `match_verbs`, one of them at least of a game, a word
/// and its plural one; or one and a score, or one and `for`/`against`/`with`
/// right before the place) is its team (not `Adam vs. Eve … she played`). Not after a preposition of place (`Fans
/// in Stockholm cheered the goal`), not before `-based` and the like, not
/// inside an institution.
pub fn place_in_a_game(doc: &Doc, lex: &Lexicon, o: &Occurrence, b: &mut Ballot) {
    let Some(m) = o.facts.place else { return };
    if o.span.institution {
        return;
    }
    // (`Holt batted .292`: a smaller town's one word that is a frequent
    // family name is as often the player)
    if o.words.len() == 1
        && !is_major_place(&m)
        && m.place.feature == Feature::City
        && m.place.population < 100_000
        && o.facts.surname_first.is_some_and(|s| s >= 0.01)
    {
        return;
    }
    let (start, end) = (o.span.tokens.start, o.span.tokens.end);
    let before = (start > 0 && doc.sentence_of[start - 1] == doc.sentence_of[start])
        .then(|| doc.word(start - 1));
    if before.is_some_and(|w| {
        with_lowercase(w, |w| lex.lists.place_prepositions.contains(w))
            || matches!(w, "of" | "around")
    }) {
        return;
    }
    if end < doc.tokens.len() && doc.word(end) == "-" {
        return;
    }
    let for_team = before.is_some_and(|w| matches!(w, "for" | "against" | "with"));
    let mut seen: [&str; 2] = ["", ""];
    let mut found = 0;
    let mut game = false;
    let mut scored = false;
    for i in doc.sentence_at(start).tokens.clone() {
        if i >= start && i < end {
            continue;
        }
        let w = doc.word(i);
        // (a word and its plural are one: `game`, `games`)
        let stem = w.strip_suffix('s').unwrap_or(w);
        if found < 2 && !seen.contains(&stem) {
            if lex.lists.game_words.contains(w) {
                game = true;
                seen[found] = stem;
                found += 1;
            } else if lex.lists.match_verbs.contains(w) {
                seen[found] = stem;
                found += 1;
            }
        }
        if !scored && doc.tokens[i].kind == TokenKind::Number {
            scored = score_at(doc, i);
        }
    }
    if game && (found >= 2 || scored || for_team) {
        b.cast(&rules::PLACE_IN_A_GAME);
    }
}
