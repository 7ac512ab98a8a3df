//! The words around a name that the votes of `around.rs` and `own.rs` look
//! for past the next word: lists, appositions, credits, clock times.

use super::super::segment::NameSpan;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::{Lexicon, NameKind};
use crate::analysis::tokens::{TokenKind, with_lowercase};

/// Whether a plural place noun ends a list of names that goes on at `at`,
/// past parentheses: `[Barracuda] and Kayangan lakes`, `[Thissio], Plaka and
/// Anafiotika districts`, `[Dupont] (now Grant) streets`.
pub fn plural_place_noun_after_list(doc: &Doc, lex: &Lexicon, mut at: usize) -> bool {
    let Some(sentence) = doc.sentence_of.get(at).copied() else {
        return false;
    };
    let in_sentence = |k: usize| doc.word_in_sentence(k, sentence).is_some();
    for _ in 0..6 {
        // a parenthesis of a few words: `(now Grant)`
        if in_sentence(at) && doc.word(at) == "(" {
            match (at + 1..(at + 7).min(doc.tokens.len())).find(|&k| doc.word(k) == ")") {
                Some(close) if in_sentence(close) => at = close + 1,
                _ => return false,
            }
        }
        if !in_sentence(at) {
            return false;
        }
        match doc.word(at) {
            "," | "and" | "or" => {
                at += 1;
                if in_sentence(at) && matches!(doc.word(at), "and" | "or") {
                    at += 1;
                }
                // the next name of the list
                let end = doc.capitalised_run_end(at, sentence, 4);
                if end == at {
                    return false;
                }
                at = end;
            }
            w => {
                return w.ends_with('s')
                    && lex.lists.place_nouns.contains(w)
                    && w.chars().all(|c| c.is_lowercase());
            }
        }
    }
    false
}

/// Whether the comma at `comma` closes a title phrase (`the King of Athens,`,
/// `the company's chief executive,`).
pub fn appositive_to_title(doc: &Doc, lex: &Lexicon, comma: usize) -> bool {
    let sentence = doc.sentence_at(comma).tokens.clone();
    let from = sentence.start.max(comma.saturating_sub(6));
    let before = doc.words(from..comma);
    (from..comma).any(|k| {
        let words = &before[k - from..];
        lex.title_at(words).is_some_and(|(n, t)| {
            !t.is_only_honorific()
                && (n == words.len() || words.get(n).is_some_and(|w| *w == "of"))
                && (k == sentence.start
                    || with_lowercase(doc.word(k - 1), |w| {
                        w == "'s" || lex.lists.determiners.contains(w)
                    }))
        })
    })
}

/// Whether the name of `span` and a name of two to five capitalised words
/// ending in an organisation cue (`News Corporation`, `the Nine Network`) are
/// joined by `and`/`or` in one sentence, either way round.
pub fn coordinated_with_org(doc: &Doc, lex: &Lexicon, span: &NameSpan) -> bool {
    let sentence = doc.sentence_of[span.tokens.start];
    let word_in = |k: usize| doc.word_in_sentence(k, sentence);
    let capitalised = |k: usize| doc.capitalised_in_sentence(k, sentence);
    let conjunction = |k: usize| matches!(word_in(k), Some("and" | "or"));
    // `News Corporation and [Fairfax]`
    let start = span.tokens.start;
    if start >= 3
        && conjunction(start - 1)
        && capitalised(start - 2)
        && capitalised(start - 3)
        && lex.org_cue(doc.word(start - 2)).is_some()
    {
        return true;
    }
    // `[Fairfax] and the Nine Network`
    let end = span.tokens.end;
    if !conjunction(end) {
        return false;
    }
    let mut k = end + 1;
    if matches!(word_in(k), Some("the")) {
        k += 1;
    }
    let end = doc.capitalised_run_end(k, sentence, 5);
    end - k >= 2 && lex.org_cue(doc.word(end - 1)).is_some()
}

/// Whether a place that also names the organisation called after it (the
/// alias `Cambridge` of `University of Cambridge`) is used as the place,
/// after a preposition of being in or near it: `a company in Cambridge`
/// (but `studied at Cambridge` is the university).
pub fn in_place_named_by_org(
    doc: &Doc,
    lex: &Lexicon,
    span: &NameSpan,
    full: &str,
    org: &str,
) -> bool {
    span.tokens.start > 0
        && org != full
        && org.split(' ').any(|w| w == full)
        && lex.place(full).is_some_and(|m| m.how != NameKind::Variant)
        && lex
            .lists
            .located_in_prepositions
            .contains(doc.word(span.tokens.start - 1))
}

/// Whether `span` is an item of a list of capitalised words (`A, B and C`,
/// each of one to three words) that a singular unit noun (`program`) ends.
pub fn in_list_naming_a_unit(doc: &Doc, lex: &Lexicon, span: &NameSpan) -> bool {
    let sentence = doc.sentence_of[span.tokens.start];
    let word_in = |k: usize| doc.word_in_sentence(k, sentence);
    let capitalised = |k: usize| doc.capitalised_in_sentence(k, sentence);
    let joiner = |k: usize| matches!(word_in(k), Some("," | "and" | "&"));
    let mut items = 1;
    // an item before this one: `Technology and [Society]`
    if span.tokens.start >= 2 && joiner(span.tokens.start - 1) && capitalised(span.tokens.start - 2)
    {
        items += 1;
    }
    // the items after it, up to the word that ends the list
    let mut at = span.tokens.end;
    for _ in 0..6 {
        if !joiner(at) {
            break;
        }
        at += 1;
        if matches!(word_in(at), Some("and" | "&")) {
            at += 1;
        }
        let end = doc.capitalised_run_end(at, sentence, 3);
        if end == at {
            return false;
        }
        at = end;
        items += 1;
    }
    items >= 2 && word_in(at).is_some_and(|w| lex.lists.unit_nouns.contains(w))
}

/// Whether the name at `tokens` is a part of a title in quotation marks
/// (`“You Loved Me Like a Distant Star”`): from an opening mark before it
/// to a closing one after it, words that are capitalised or small words of
/// a title only, and at least one more than the name's own that is no
/// small word.
pub fn part_of_quoted_title(doc: &Doc, lex: &Lexicon, tokens: std::ops::Range<usize>) -> bool {
    const MOST: usize = 12;
    let marks = |w: &str, mark: char| {
        w.contains(mark)
            && w.chars()
                .all(|c| c == mark || matches!(c, ',' | '.' | '!' | '?'))
    };
    let opening = |w: &str| marks(w, '"') || marks(w, '\u{201c}');
    let closing = |w: &str| marks(w, '"') || marks(w, '\u{201d}');
    let small = |w: &str| with_lowercase(w, |l| lex.lists.title_small_words.contains(l));
    let title_word = |w: &str| w.chars().next().is_some_and(char::is_uppercase) || small(w);
    let mut before = 0;
    let mut i = tokens.start;
    loop {
        if i == 0 || before > MOST {
            return false;
        }
        i -= 1;
        let w = doc.word(i);
        if opening(w) {
            break;
        }
        if !title_word(w) {
            return false;
        }
        // (`“The Emperor Norton Bridge”`: a name's `the` is no more of a title)
        before += usize::from(!small(w));
    }
    let mut after = 0;
    let mut k = tokens.end;
    loop {
        if k >= doc.tokens.len() || after > MOST {
            return false;
        }
        let w = doc.word(k);
        if closing(w) {
            break;
        }
        let punctuation = matches!(w, "," | "." | "!" | "?")
            && k + 1 < doc.tokens.len()
            && closing(doc.word(k + 1));
        if !punctuation {
            if !title_word(w) {
                return false;
            }
            after += usize::from(!small(w));
        }
        k += 1;
    }
    before + after >= 1
}

/// Whether the word at `i` is an oath: it opens a quotation and an
/// exclamation mark or an ellipsis follows it.
pub fn is_oath(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    lex.lists.oaths.contains(doc.word(i))
        && i > 0
        && matches!(doc.word(i - 1), "\"" | "\u{201c}")
        && i + 1 < doc.tokens.len()
        && matches!(
            doc.word(i + 1),
            "!" | "\u{2026}" | "..." | "!\u{201d}" | "!\""
        )
}

/// Whether the word at `i` is a time zone written after a clock time:
/// two to four capitals (`ET`, `EST`, `GMT`, `UTC`) after `AM`/`PM`,
/// `a.m.`/`p.m.` or a time like `14:30`.
pub fn is_time_zone_after_time(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    let word = doc.word(i);
    let letters = word.chars().count();
    if !(2..=4).contains(&letters) || !word.chars().all(|c| c.is_ascii_uppercase()) || i == 0 {
        return false;
    }
    let before = doc.word(i - 1);
    let clock = |w: &str| {
        w.split_once(':').is_some_and(|(h, m)| {
            !h.is_empty()
                && h.len() <= 2
                && m.len() == 2
                && h.chars().chain(m.chars()).all(|c| c.is_ascii_digit())
        })
    };
    lex.lists.am_pm.contains(&before.to_ascii_lowercase())
        || clock(before)
        || (i >= 3 && doc.word(i - 2) == ":" && clock(&format!("{}:{}", doc.word(i - 3), before)))
}

/// Whether nothing but punctuation follows the span in its sentence: where
/// a picture's credit ends (`…, via Shutterstock`).
pub fn credit_ends(doc: &Doc, span: &NameSpan) -> bool {
    let end = doc.sentence_at(span.tokens.start).tokens.end;
    (span.tokens.end..end).all(|i| doc.tokens[i].kind != TokenKind::Word)
}

/// Whether the sentence around a span is written in capitals (a headline, a tagline).
pub fn all_caps_context(doc: &Doc, span: &NameSpan) -> bool {
    let (mut words, mut caps) = (0usize, 0usize);
    for i in doc.sentence_at(span.tokens.start).tokens.clone() {
        let w = doc.word(i);
        if w.chars().any(char::is_alphabetic) {
            words += 1;
            caps += usize::from(!w.chars().any(char::is_lowercase));
        }
    }
    words >= 3 && caps * 10 >= words * 7
}

/// Whether the name of `span` is one of the authors of a citation: a list of
/// names (joined by commas, `&` or `and`) that `et al.` or a year ends, the
/// year after a comma or in parentheses (`Okafor, Lindqvist, & Brandt,
/// 2010`, `Okafor et al., 2005`, `Okafor (2005)`), right after a list
/// (`Okafor and Brandt 2017`) or anywhere in a parenthesis (`(Okafor 2005:
/// 23)`).
pub fn cited_author(doc: &Doc, span: &NameSpan) -> bool {
    let n = doc.tokens.len();
    let start = span.tokens.start;
    // a work's title: `Book of Night Pacts (1898)`, `Review: Haunter (2013)`
    if start > 0 && matches!(doc.word(start - 1), "of" | ":") {
        return false;
    }
    let in_parenthesis = start > 0 && matches!(doc.word(start - 1), "(" | ";");
    // the last of a list of names (`Polio and [Gass] 1997`)
    let listed = start > 1
        && matches!(doc.word(start - 1), "&" | "and")
        && doc
            .word(start - 2)
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
    let is_year = |k: usize| {
        k < n && {
            let w = doc.word(k);
            let digits = w.bytes().take_while(u8::is_ascii_digit).count();
            digits == 4
                && w.len() <= 5
                && w[digits..].bytes().all(|c| c.is_ascii_lowercase())
                && matches!(w.as_bytes()[0], b'1' | b'2')
                // the citation ends there (not `Day Break, 2006 television series`)
                && (k + 1 == n || matches!(doc.word(k + 1), ")" | ";" | "," | "." | ":"))
        }
    };
    let mut at = span.tokens.end;
    let mut et_al = false;
    let mut after_comma = false;
    let mut joined = listed;
    for _ in 0..16 {
        if at >= n {
            return false;
        }
        let w = doc.word(at);
        if is_year(at) {
            return et_al || after_comma || in_parenthesis || joined;
        }
        // names joined by `and`, a year, and the sentence going on with a
        // function word (`Polio and Gass 1997 to very recent proposals`,
        // `Vandergrift and Cross 2017 and even`)
        if joined && year_then_function_word(doc, at) {
            return true;
        }
        match w {
            "," => {
                after_comma = true;
                at += 1;
                continue;
            }
            "&" | "and" => {
                joined = true;
                at += 1
            }
            "et" if at + 1 < n && matches!(doc.word(at + 1), "al" | "al.") => {
                et_al = true;
                at += 2;
                if at < n && doc.word(at) == "." {
                    at += 1;
                }
            }
            // `(2005)`, `(2005: 23)`, not `(2013 – present)`
            "(" => {
                return is_year(at + 1)
                    && at + 2 < n
                    && matches!(doc.word(at + 2), ")" | ":" | "," | ";");
            }
            _ if doc.tokens[at].kind == TokenKind::Word
                && w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().any(char::is_lowercase) =>
            {
                at += 1
            }
            _ => return false,
        }
        after_comma = false;
    }
    false
}

/// A year at `at` (four digits, 1000–2999) followed by `to`, `and`, `or`,
/// `in`, `for` or `on`.
fn year_then_function_word(doc: &Doc, at: usize) -> bool {
    let w = doc.word(at);
    at + 1 < doc.tokens.len()
        && w.len() == 4
        && w.bytes().all(|c| c.is_ascii_digit())
        && matches!(w.as_bytes()[0], b'1' | b'2')
        && matches!(doc.word(at + 1), "to" | "and" | "or" | "in" | "for" | "on")
}

/// Whether the acronym of `span`, written in parentheses, stands for the
/// lowercase words before them (`sea surface salinity (SSS)`, `a segmented
/// compact light-emitting diode (SCLED)`): a term, not an organisation's
/// name. The words' initials (each part of a hyphenated word counting)
/// spell it from its end, function words skipped.
pub fn acronym_of_lowercase_words(doc: &Doc, lex: &Lexicon, span: &NameSpan) -> bool {
    acronym_expanded(doc, lex, span, false)
}

/// Whether the acronym of `span`, written in parentheses, stands for the
/// capitalised ordinary words before them, none an organisation's word and
/// the whole no known organisation (`Compact Fluorescent Light (CFL)`,
/// `Interview of the Month (IOTM)`): a term, not an organisation's name
/// (`European Space Agency (ESA)` is one).
pub fn acronym_of_ordinary_words(doc: &Doc, lex: &Lexicon, span: &NameSpan) -> bool {
    acronym_expanded(doc, lex, span, true)
}

/// [`acronym_of_lowercase_words`] (`capitalised` false) and
/// [`acronym_of_ordinary_words`] (true).
fn acronym_expanded(doc: &Doc, lex: &Lexicon, span: &NameSpan, capitalised: bool) -> bool {
    let (start, end) = (span.tokens.start, span.tokens.end);
    if end - start != 1
        || start == 0
        || end >= doc.tokens.len()
        || doc.word(start - 1) != "("
        || doc.word(end) != ")"
    {
        return false;
    }
    let acronym = doc.word(start);
    let letters: Vec<char> = acronym
        .strip_suffix('s')
        .unwrap_or(acronym)
        .chars()
        .collect();
    if !(2..=6).contains(&letters.len()) || !letters.iter().all(char::is_ascii_uppercase) {
        return false;
    }
    let from = doc.sentence_at(start).span.start;
    let open = doc.tokens[start - 1].span().start;
    let before = &doc.text[from..open];
    let mut words = before
        .split_whitespace()
        .rev()
        .flat_map(|w| w.rsplit(['-', '/']))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let mut wanted = letters.iter().rev().peekable();
    let mut skipped = 0;
    // (where the expansion starts, for the capitalised words' whole)
    let mut first_word = "";
    while let Some(&&letter) = wanted.peek() {
        let Some(word) = words.next() else {
            return false;
        };
        let Some(first) = word.chars().next() else {
            return false;
        };
        let function = lex.lists.function_words.contains(word);
        let fits = first.to_ascii_uppercase() == letter;
        let shaped = if capitalised {
            (first.is_uppercase()
                && super::is_common(lex, word)
                && lex.org_cue(word).is_none()
                && lex.place(word).is_none())
                || (function && first.is_lowercase())
        } else {
            first.is_lowercase()
        };
        if fits && shaped {
            wanted.next();
            first_word = word;
        } else if function && skipped < 2 {
            skipped += 1;
        } else {
            return false;
        }
    }
    if capitalised {
        // the expansion as written: no organisation the lexicon knows, and
        // at least one capital (all lowercase is the other rule's)
        let at = before.rfind(first_word).unwrap_or(0);
        let phrase = before[at..].trim_end();
        if lex.organization(phrase).is_some() || !phrase.chars().any(char::is_uppercase) {
            return false;
        }
    }
    true
}
