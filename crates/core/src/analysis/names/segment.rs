//! From candidate runs to name spans: titles and roles come off the front
//! (`Secretary of State Michael Pompeo` → role `Secretary of State`, name
//! `Michael Pompeo`; `South Korean President Moon Jae-in`), a role noun just
//! before the run counts too (`spokeswoman Heather Nauert`, `North Korean
//! leader Kim Jong Un`), and a run joined by `of`/`and` stays one institution's
//! name only where an organisation or place word asks for it (`Department of
//! Defense`, `Gulf of Mexico`; but `Pompeo and Kim` are two names).

use std::ops::Range;

use super::candidates::Candidate;
use crate::analysis::doc::Doc;
use crate::analysis::lexicon::{Lexicon, NameKind, Title, TitleKind};

/// A name as written, without title or role, and what its surroundings say.
#[derive(Clone, Debug)]
pub struct NameSpan {
    pub tokens: Range<usize>,
    /// The title or role before the name, as written (`Secretary of State`).
    pub role: Option<String>,
    /// The kind of that title, when one was found.
    pub title: Option<Title>,
    pub sentence_initial: bool,
    /// Joined by connectors an organisation or place word asked for.
    pub institution: bool,
}

/// Whether a word heads a geographic name that takes `of` (`Gulf`, `Isle`).
pub fn is_place_head(lex: &Lexicon, word: &str) -> bool {
    lex.lists.place_heads.contains(word)
}

/// Whether `word` is a word an institution's or place's name continues after
/// with `of`: an organisation cue or a geographic head.
fn takes_connector(lex: &Lexicon, word: &str) -> bool {
    is_place_head(lex, word) || lex.org_cue(word).is_some()
}

/// What [`segment`] asks the lexicon about a run's own words, whatever is
/// around it: the same at every occurrence of the run.
#[derive(Clone, Debug, PartialEq)]
struct RunFacts {
    /// The whole run is a well-known organisation: whether of several words.
    organization: Option<bool>,
    /// The whole run is a title of several words (`Secretary of State`).
    title: bool,
    /// Titles at the front, possibly after demonyms or capitalised
    /// modifiers (`South Korean President`, `Japanese Prime Minister`): the
    /// words they take, the last title, and an organisation named inside a
    /// role (`Australian Federal Police Commissioner`), by word index.
    front: usize,
    front_title: Option<Title>,
    employer: Option<Range<usize>>,
    /// A well-known organisation at the front, and ordinary words after it
    /// (`UNESCO World Heritage Site`, `Google Science Fair`): its word count.
    org_front: Option<usize>,
}

impl RunFacts {
    fn new(lex: &Lexicon, words: &[&str]) -> RunFacts {
        let organization = lex
            .organization_at(words)
            .filter(|&(n, _)| n == words.len())
            .map(|(n, _)| n > 1);
        let title = lex.title_at(words).is_some_and(|(n, _)| n == words.len()) && words.len() > 1;
        let mut start = 0;
        let mut front_title = None;
        let mut employer = None;
        while start < words.len() {
            let Some((pre, n, t)) = title_in_front(lex, &words[start..]) else {
                break;
            };
            let after = start + pre + n;
            if after >= words.len() || !looks_like_name_word(words[after]) {
                break;
            }
            // a title that opens a place's name is part of it (`Queen
            // Creek`, `Madame Tussauds Museum`, `Sheikh Lotfollah Mosque`)
            if start + pre == 0 && titled_place(lex, &words[after..]) {
                break;
            }
            // a known organisation that takes the title in is no title:
            // `General Motors` (but `Reuters Correspondent` is one's employer
            // and one's role)
            if lex
                .organization_at(&words[start..])
                .is_some_and(|(k, _)| k > pre)
            {
                break;
            }
            if pre >= 1 {
                let modifiers = &words[start..start + pre];
                let org_like = (pre >= 2 && lex.org_cue(modifiers[pre - 1]).is_some())
                    || lex.organization(&modifiers.join(" ")).is_some();
                if org_like {
                    employer = Some(start..start + pre);
                }
            }
            front_title = Some(t);
            start = after;
        }
        let org_front = lex
            .organization_at(words)
            .map(|(n, _)| n)
            // (not a short acronym, which many firms start with: `ABC
            // Builders`)
            .filter(|&n| {
                n < words.len()
                    && words[..n].iter().map(|w| w.len()).sum::<usize>() >= 4
                    && ordinary_rest(lex, &words[n..])
            });
        RunFacts {
            organization,
            title,
            front: start,
            front_title,
            employer,
            org_front,
        }
    }
}

/// The [`RunFacts`] of the candidate runs of one document, asked of the
/// lexicon at each run's first occurrence.
#[derive(Default)]
pub struct Runs<'a>(super::PerRun<'a, RunFacts>);

impl<'a> Runs<'a> {
    fn of(&mut self, lex: &Lexicon, full: &'a str, words: &[&'a str]) -> RunFacts {
        self.0.get(full, words, || RunFacts::new(lex, words))
    }
}

/// Split a candidate run into name spans. `runs` keeps what the lexicon
/// says of each run of the document, asked at its first occurrence.
pub fn segment<'a>(
    doc: &Doc<'a>,
    lex: &Lexicon,
    cand: &Candidate,
    runs: &mut Runs<'a>,
) -> Vec<NameSpan> {
    let words = doc.words(cand.tokens.clone());
    let base = cand.tokens.start;
    let facts = runs.of(lex, doc.slice(&cand.tokens), &words);

    // a whole run that is a well-known organisation stays whole
    if let Some(institution) = facts.organization {
        return vec![NameSpan {
            tokens: cand.tokens.clone(),
            role: None,
            title: None,
            sentence_initial: cand.sentence_initial,
            institution,
        }];
    }

    // a title alone (`the Secretary of State left`) stays whole: it may refer
    // to the one person who holds it
    if facts.title {
        return vec![NameSpan {
            tokens: cand.tokens.clone(),
            role: None,
            title: None,
            sentence_initial: cand.sentence_initial,
            institution: false,
        }];
    }

    // a well-known organisation and ordinary words after it: the
    // organisation, then the rest (`UNESCO World Heritage Site`)
    if let Some(n) = facts.org_front {
        return vec![
            NameSpan {
                tokens: base..base + n,
                role: None,
                title: None,
                sentence_initial: cand.sentence_initial,
                institution: n > 1,
            },
            NameSpan {
                tokens: base + n..cand.tokens.end,
                role: None,
                title: None,
                sentence_initial: false,
                institution: false,
            },
        ];
    }

    // a role noun just before the run: `spokeswoman Heather Nauert`, unless
    // a title at the front says more
    let before = role_before(doc, lex, base);
    let title = facts.front_title.or(before.map(|(_, t)| t));
    let start = facts.front;
    let employer = facts
        .employer
        .map(|modifiers| base + modifiers.start..base + modifiers.end);

    // `a Virginia Democrat`, `an Oklahoma Republican`: the place, not the party
    let mut end = cand.tokens.end;
    if end - (base + start) >= 2 && lex.lists.party_affiliations.contains(doc.word(end - 1)) {
        end -= 1;
    }

    let role = if start > 0 {
        Some(doc.slice(&(base..base + start)).to_string())
    } else {
        before.map(|(r, _)| r.to_string())
    };
    let mut tokens = base + start..end;
    if tokens.is_empty() {
        return Vec::new();
    }
    // `Aner Shalev Wednesday, May 28`, `Yesterday Mohamed received`: a word
    // for when glued to a name is no part of it (but `Good Friday` is a day)
    trim_time_words(doc, lex, &mut tokens);
    let mut out = Vec::new();
    // `the Netherlands Lotte Wilms` (an affiliation line): a known place
    // glued to a person's full name is two names
    if let Some(n) = place_glued_to_name(doc, lex, cand, &tokens) {
        out.push(NameSpan {
            tokens: tokens.start..tokens.start + n,
            role: None,
            title: None,
            sentence_initial: cand.sentence_initial && tokens.start == cand.tokens.start,
            institution: false,
        });
        tokens.start += n;
    }

    // decide the joints of what is left
    let joints: Vec<Range<usize>> = cand
        .joints
        .iter()
        .filter(|j| j.start >= tokens.start && j.end < tokens.end)
        .cloned()
        .collect();
    let mut kept_any = false;
    let mut part_start = tokens.start;
    let mut institution = false;
    for j in &joints {
        let before = doc.word(j.start - 1);
        let connector = doc.word(j.start);
        // `Antigua and Barbuda`, `Bosnia and Herzegovina`: a place the
        // gazetteer knows by the whole name (no institution's)
        let next_end = joints
            .iter()
            .find(|k| k.start > j.start)
            .map_or(tokens.end, |k| k.start);
        if connector == "and"
            && !kept_any
            && lex
                .place(doc.slice(&(part_start..next_end)))
                .is_some_and(|m| m.how != NameKind::Variant)
        {
            continue;
        }
        let keep = match connector {
            // (but not the authors of a citation: `Okafor & Brandt, 2010`)
            "and" => kept_any,
            "&" => !year_follows(doc, tokens.clone()),
            // `the Halls of Congress`: a part of the building the
            // institution sits in, then the institution's own name
            "of" if j.start - part_start == 1 && lex.lists.building_parts.contains(before) => false,
            _ => {
                // the next joint (or the run's end) bounds the part after this one
                let next_end = joints
                    .iter()
                    .find(|k| k.start > j.start)
                    .map_or(tokens.end, |k| k.start);
                // `Tanya Okoro of the Civic Party`: a person's full name
                // before `of` is the person and then where they belong
                let person_of =
                    connector == "of" && person_full_name(lex, &doc.words(part_start..j.start));
                // `Hollin Bay on Monday`, `the Louvre Museum on Friday`: a
                // date after the connector is when, never part of the name
                !is_when(doc, lex, j.end)
                    && (takes_connector(lex, before)
                    || (j.start - part_start >= 2 && takes_connector(lex, doc.word(part_start)))
                    // `Pulitzer Prize for Breaking News`: the cue ends the name
                        || (!person_of
                            && next_end > j.end
                            && lex.org_cue(doc.word(next_end - 1)).is_some()))
            }
        };
        if keep {
            kept_any = true;
            institution = true;
        } else {
            push(
                &mut out,
                part_start..j.start,
                &role,
                title,
                cand,
                institution,
            );
            institution = false;
            kept_any = false;
            part_start = j.end;
        }
    }
    push(
        &mut out,
        part_start..tokens.end,
        &role,
        title,
        cand,
        institution,
    );
    if let Some(tokens) = employer {
        out.push(NameSpan {
            tokens,
            role: None,
            title: None,
            sentence_initial: false,
            institution: true,
        });
    }
    out
}

/// Whether the word at `i` is a capitalised word for when
/// (`lists/time_words.txt`: `Wednesday`, `Yesterday`).
fn time_word(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    let w = doc.word(i);
    w.chars().next().is_some_and(char::is_uppercase)
        && crate::analysis::tokens::with_lowercase(w, |l| lex.lists.time_words.contains(l))
}

/// Whether a date starts at word `i`: a word for when, or a weekday, a
/// month or a holiday (`Monday`, `May 5`, `Christmas Day`).
fn is_when(doc: &Doc, lex: &Lexicon, i: usize) -> bool {
    i < doc.tokens.len() && (time_word(doc, lex, i) || lex.calendar(doc.word(i)).is_some())
}

/// Cut a word for when (`lists/time_words.txt`: `Wednesday`, `Yesterday`)
/// off either end of a run of two words or more, unless the whole run is a
/// calendar phrase (`Good Friday`). At the front only a word that is no
/// weekday (`Sunday Times` names a paper).
fn trim_time_words(doc: &Doc, lex: &Lexicon, tokens: &mut Range<usize>) {
    let time_word = |i: usize| time_word(doc, lex, i);
    if tokens.len() < 2 {
        return;
    }
    let words = doc.words(tokens.clone());
    if lex
        .calendar_at(&words)
        .is_some_and(|(k, _)| k == words.len())
    {
        return;
    }
    // (glued to the name: after a connector, `Shinzo Abe on Wednesday`, the
    // joint splits it off as a date of its own)
    let capital = |i: usize| doc.word(i).chars().next().is_some_and(char::is_uppercase);
    if time_word(tokens.end - 1) && capital(tokens.end - 2) {
        tokens.end -= 1;
    }
    if tokens.len() >= 2
        && time_word(tokens.start)
        && lex.calendar(doc.word(tokens.start)).is_none()
    {
        tokens.start += 1;
    }
}

/// Whether the words after an organisation's name are ordinary ones that
/// name a thing of it (`World Heritage Site`, `Science Fair`), not its unit
/// or another name: ordinary words, no organisation word, title or place,
/// and not ending in a plural (`Builders Interiors` names a firm).
fn ordinary_rest(lex: &Lexicon, words: &[&str]) -> bool {
    let last = words.last().copied().unwrap_or("");
    let plural = last.ends_with('s') && !last.ends_with("ss");
    !plural
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && lex.common_word(w).is_some_and(|c| c.is_common())
                && lex.org_cue(w).is_none()
                && lex.title(w).is_none()
                && lex.place(w).is_none()
        })
}

/// Whether `words` are shaped like a person's full name: two or three
/// capitalised words, the first a given name that is no ordinary word (or a
/// family name written first, `Wu Chi-wai`), none an organisation word or a
/// known place, the whole no known organisation.
fn person_full_name(lex: &Lexicon, words: &[&str]) -> bool {
    let first = words.first().copied().unwrap_or("");
    // (a given name no list knows is shaped like one and no ordinary
    // word: `Jann Wenner of Rolling Stone`)
    let unknown_given = || {
        crate::analysis::names::name_shaped(first)
            && lex.common_word(first).is_none()
            && lex.place(first).is_none()
            && lex.organization(first).is_none()
    };
    (2..=3).contains(&words.len())
        && (lex.given_name(first).is_some_and(|f| f > 0.001)
            || !lex.family_first(first).is_empty()
            || unknown_given())
        && lex.common_word(first).is_none_or(|w| !w.is_common())
        && lex.demonym(first).is_none()
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && lex.org_cue(w).is_none()
                && lex.title(w).is_none()
                && lex.place(w).is_none_or(|m| m.place.population < 100_000)
        })
        && lex.organization(&words.join(" ")).is_none()
}

/// Whether a citation's year follows the run `tokens`: `, 2010`, `(2010)`,
/// `et al.` (`Okafor & Brandt, 2010`), or right after it in a parenthesis
/// (`(Okafor & Brandt 2010)`).
fn year_follows(doc: &Doc, tokens: Range<usize>) -> bool {
    let end = tokens.end;
    let in_parenthesis = tokens.start > 0 && matches!(doc.word(tokens.start - 1), "(" | ";");
    let year = |k: usize| {
        k < doc.tokens.len() && {
            let w = doc.word(k);
            w.len() == 4
                && w.bytes().all(|c| c.is_ascii_digit())
                && matches!(w.as_bytes()[0], b'1' | b'2')
        }
    };
    end + 1 < doc.tokens.len()
        && match doc.word(end) {
            "," | "(" => year(end + 1),
            "et" => matches!(doc.word(end + 1), "al" | "al."),
            _ => in_parenthesis && year(end),
        }
}

fn push(
    out: &mut Vec<NameSpan>,
    tokens: Range<usize>,
    role: &Option<String>,
    title: Option<Title>,
    cand: &Candidate,
    institution: bool,
) {
    if tokens.is_empty() {
        return;
    }
    let first = out.is_empty();
    out.push(NameSpan {
        sentence_initial: first && cand.sentence_initial && role.is_none(),
        // the role goes with the first name of the run only
        role: if first { role.clone() } else { None },
        title: if first { title } else { None },
        tokens,
        institution,
    });
}

/// A title in front of a name, after at most three modifiers (demonyms or
/// capitalised words): returns (modifier count, title length, title).
fn title_in_front(lex: &Lexicon, words: &[&str]) -> Option<(usize, usize, Title)> {
    for pre in 0..words.len().min(4) {
        if let Some((n, t)) = lex.title_at(&words[pre..])
            && title_is_capitalised(&words[pre..pre + n])
        {
            // modifiers must not themselves look like a person's name
            if pre > 0
                && words[..pre].iter().any(|w| {
                    lex.given_name(w).is_some_and(|f| f > 0.05)
                        && lex.demonym(w).is_none()
                        && lex.common_word(w).is_none()
                })
            {
                return None;
            }
            return Some((pre, n, t));
        }
    }
    None
}

/// Whether the words after a title (`Creek`, `Tussauds Museum`) end in a
/// place's or a facility's head word and are no person's name with it: one
/// word that is no given name and a rare family name at most (`President
/// Park`, `Mr. Hall` are people), or several, all capitalised, whose first
/// is no given name (`Professor Jerry Hall`, `Del. Tomas Kerrigan of the
/// Virgin Islands` are someone).
fn titled_place(lex: &Lexicon, rest: &[&str]) -> bool {
    let Some(&last) = rest.last() else {
        return false;
    };
    let head = lex.lists.place_last_words.contains(last)
        || super::evidence::is_facility_head(lex, last)
        || super::evidence::ends_in_facility_head(lex, rest);
    let capitalised = rest
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    head && capitalised
        && match rest {
            [one] => lex.given_name(one).is_none() && lex.surname(one).is_none_or(|f| f < 0.01),
            [first, ..] => lex.given_name(first).is_none(),
            [] => false,
        }
}

fn title_is_capitalised(words: &[&str]) -> bool {
    words
        .iter()
        .filter(|w| !matches!(**w, "of" | "the" | "for" | "and"))
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn looks_like_name_word(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) || word.contains('-')
}

/// A lowercase role noun (with a demonym or adjectives before it) directly
/// before the run: `spokeswoman`, `North Korean leader`, `geophysicist`.
fn role_before<'a>(doc: &Doc<'a>, lex: &Lexicon, first: usize) -> Option<(&'a str, Title)> {
    if first == 0 || doc.sentence_of[first - 1] != doc.sentence_of[first] {
        return None;
    }
    let k = first - 1;
    let w = doc.word(k);
    // (most words before a name end no title: told without a look-up)
    if !w.chars().next().is_some_and(char::is_lowercase) || !lex.title_may_end(w) {
        return None;
    }
    // the longest role phrase ending at k (up to three words)
    let mut buf = [""; 3];
    for n in (1..=3.min(k + 1)).rev() {
        let words = &mut buf[..n];
        for (w, i) in words.iter_mut().zip(k + 1 - n..=k) {
            *w = doc.word(i);
        }
        if let Some((len, t)) = lex.title_at(words)
            && len == n
            && !t.is(TitleKind::Honorific)
        {
            let mut from = k + 1 - n;
            // `North Korean leader`, `top North Korean leader`: take the demonym
            while from > 0 && doc.sentence_of[from - 1] == doc.sentence_of[first] {
                let d = doc.word(from - 1);
                let pair = from >= 2
                    && lex
                        .demonym(&format!("{} {}", doc.word(from - 2), d))
                        .is_some();
                if pair {
                    from -= 2;
                } else if lex.demonym(d).is_some() {
                    from -= 1;
                } else {
                    break;
                }
            }
            return Some((doc.slice(&(from..k + 1)), t));
        }
    }
    None
}

/// The length of a known place at the front of `tokens` that is followed by
/// a person's full name (`Netherlands Lotte Wilms`, `Kenya Mary Otieno`): the
/// place not itself a given name, the rest a given name and one or
/// two more capitalised words, no connector between them.
fn place_glued_to_name(
    doc: &Doc,
    lex: &Lexicon,
    cand: &Candidate,
    tokens: &Range<usize>,
) -> Option<usize> {
    if tokens.len() < 3
        || cand
            .joints
            .iter()
            .any(|j| j.start < tokens.end && j.end > tokens.start)
    {
        return None;
    }
    let words = doc.words(tokens.clone());
    (1..=2).rev().find(|&n| {
        let rest = &words[n..];
        let place = doc.slice(&(tokens.start..tokens.start + n));
        (2..=3).contains(&rest.len())
            && lex.given_name(words[0]).is_none()
            && lex.demonym(place).is_none()
            && lex
                .place(place)
                .is_some_and(|m| m.how != crate::analysis::lexicon::NameKind::Variant)
            && lex.given_name(rest[0]).is_some()
            && lex.common_word(rest[0]).is_none_or(|w| !w.is_common())
            && rest.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && lex.org_cue(w).is_none()
                    && lex.place(w).is_none()
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_title_opening_a_places_name_stays_in_it() {
        let lex = crate::analysis::lexicon::get();
        for words in [
            &["Queen", "Creek"][..],
            &["Madame", "Orlaine", "Museum"],
            &["Admiral", "Blvd."],
        ] {
            assert_eq!(RunFacts::new(lex, words).front, 0, "{words:?}");
        }
        // a person's name, or a family name that is also a place's word
        for words in [
            &["President", "Park"][..],
            &["Professor", "Jerry", "Hall"],
            &["Queen", "Elizabeth"],
            &[
                "Del.", "Tomas", "Kerrigan", "of", "the", "Virgin", "Islands",
            ],
        ] {
            assert_eq!(RunFacts::new(lex, words).front, 1, "{words:?}");
        }
    }

    #[test]
    fn run_facts_are_kept_per_run_and_its_words() {
        let lex = crate::analysis::lexicon::get();
        let mut runs = Runs::default();
        let words = ["South", "Korean", "President", "Moon", "Jae-in"];
        let text = "South Korean President Moon Jae-in";
        let facts = runs.of(lex, text, &words);
        // the title and its modifiers come off the front
        assert_eq!((facts.front, facts.front_title.is_some()), (3, true));
        assert_eq!(facts, RunFacts::new(lex, &words));
        assert_eq!(runs.of(lex, text, &words), facts);
        // the same text cut into other words is asked again
        let other = ["South Korean", "President", "Moon", "Jae-in"];
        assert_eq!(runs.of(lex, text, &other), RunFacts::new(lex, &other));
        let whole = ["State", "Department"];
        assert_eq!(
            runs.of(lex, "State Department", &whole).organization,
            Some(true)
        );
    }
}
