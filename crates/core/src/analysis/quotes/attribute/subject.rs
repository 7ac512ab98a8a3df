//! Who the subject of a verb of saying is: the name before it (`Pompeo
//! said`, `Trump has said`, `Rep. Moore (D-Wis.) forcefully said`) before a
//! name after it (`Merkel said Putin's remarks …` is Merkel's), else the name
//! after it (`said Pompeo`, `"…," reported Reuters`, `was written by X`);
//! past appositives (`X, a fellow at Y, one of …, said`; `Y's spokeswoman,
//! X, said`), never the organisation of a role (`X, president of Acme,
//! said`); a pronoun ([`super::pronouns`]); a description with a name soon
//! after (`the spokeswoman said … Heather Nauert`) or without one (`a US
//! official told`: unnamed); a person from a place (`McConnell of Kentucky
//! said`); the source of `according to X`. A participle (`…, saying`) goes
//! to the subject of the clause it hangs from (`Okafor shared the post,
//! saying …`). Also the possessor of a source before the quotation (`In Dr.
//! Shadlen's words, "…"`).

use std::ops::Range;

use super::cues::quoted;
use super::index::Index;
use super::pronouns::{pronoun_gender, pronoun_subject, resolve_pronoun};
use super::{Found, Gender, Steps};
use crate::analysis::EntityKind;
use crate::analysis::tokens::{TokenKind, is_clitic};

/// The subject of the verb of saying at `cue`, looked for in `context`.
pub(super) fn subject_of(
    ix: &Index,
    cue: usize,
    context: Range<usize>,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Found {
    let input = ix.input;
    let lists = input.lists;
    let verb = || quoted(ix.word(cue));
    let named = |e: usize, trace: &mut Steps, how: &dyn Fn() -> String| {
        trace.record(|| format!("{} \u{2192} {}", how(), ix.name(e)));
        Found::Named(e)
    };
    // `according to X`
    if ix.with_lower(cue, |w| w == "according") {
        let mut i = cue + 2;
        while i < context.end && skippable_before_name(ix, i) {
            i += 1;
        }
        return match (i < context.end).then(|| ix.speaker_at(i)).flatten() {
            Some(e) => named(e, trace, &|| {
                format!("\u{201c}according to\u{201d} {}", ix.mention_text(i))
            }),
            None => {
                trace.record(|| "\u{201c}according to\u{201d} names no one".to_string());
                Found::Unnamed
            }
        };
    }
    // a participle (`…, saying`, `issued a statement calling`): the subject
    // of the clause it hangs from, never a name after it
    if is_participle(ix, cue) {
        // `banning migrants from claiming asylum`: a gerund whose subject
        // is not the clause's
        if cue > context.start && ix.with_lower(cue - 1, |w| matches!(w, "from" | "of")) {
            trace.record(|| format!("{} after {}: no subject", verb(), quoted(ix.word(cue - 1))));
            return Found::Nothing;
        }
        return clause_subject(ix, cue, context, earlier, trace);
    }
    // normal order first where the word before the verb is a name or a
    // pronoun: `Park said Kim's state is …`, `he said Smith would …`
    let k = subject_slot(ix, cue, context.start);
    if let Some(k) = k {
        // `McConnell of Kentucky said`, `Gov. Tomblin of West Virginia lauded`
        if let Some(p) = person_from(ix, k) {
            let e = ix.speaker_at(p).expect("a person");
            return named(e, trace, &|| {
                format!(
                    "subject before {}, a person from a place or a body: {}",
                    verb(),
                    ix.mention_text(p)
                )
            });
        }
        if let Some(e) = ix.speaker_at(k) {
            return named(e, trace, &|| {
                format!("subject before {}: {}", verb(), ix.mention_text(k))
            });
        }
        // `Russia insisted that …`: a place whose government speaks, the
        // subject opening its clause
        if let Some(e) = place_subject(ix, k, context.start) {
            return named(e, trace, &|| {
                format!(
                    "subject before {}, a place speaking for its government: {}",
                    verb(),
                    ix.mention_text(k)
                )
            });
        }
        if let Some(g) = pronoun_gender(ix.word(k)) {
            return pronoun_subject(ix, k, cue, g, earlier, trace);
        }
        // `"…," it said`, `what it called "…"`: an organisation
        if ix.with_lower(k, |w| w == "it") {
            return pronoun_subject(ix, k, cue, None, earlier, trace);
        }
        // `Scott beamed and asked the crowd …`: the subject of the clause,
        // where no quotation stands before the verb (`X "…" and have agreed`)
        let clause = input.sentences[ix.sentence_of(cue)].tokens.start..cue;
        if ix.with_lower(k, |w| matches!(w, "and" | "but"))
            && !clause.clone().any(|t| ix.in_quote[t])
        {
            return clause_subject(ix, cue, context, earlier, trace);
        }
    }
    // inverted: `said Pompeo`, `says president David Weisbrot`, `explains Dr. Shadlen`
    let mut i = cue + 1;
    if ix.with_lower(cue, |w| matches!(w, "pointed" | "points" | "point")) {
        i += 1; // `pointed out`
    }
    // whether a role was passed (`said a spokesman`, `says president X`)
    let mut described = false;
    while i < context.end && i < cue + 8 && skippable_before_name(ix, i) {
        described |= ix.with_lower(i, |w| (input.is_role)(w));
        i += 1;
    }
    // `said a senior official`: a role a few words after a determiner
    if !described
        && i > cue + 1
        && ix.with_lower(i - 1, |w| lists.speaker_determiners.contains(w))
        && let Some(r) = (i..context.end.min(i + 3))
            .find(|&j| ix.mention_at(j).is_none() && ix.with_lower(j, |w| (input.is_role)(w)))
        && (i..r).all(|j| input.tokens[j].kind == TokenKind::Word && ix.mention_at(j).is_none())
    {
        described = true;
        i = r + 1;
    }
    // `was written by Springsteen`
    if cue + 2 < context.end
        && ix.with_lower(cue + 1, |w| w == "by")
        && let Some(e) = ix.speaker_at(cue + 2)
    {
        return named(e, trace, &|| {
            format!("{} by {}", verb(), ix.mention_text(cue + 2))
        });
    }
    // `"…," reported Reuters`: right after a quotation even a verb that
    // takes an object has its subject after it
    let after_quote = cue > 0
        && (ix.in_quote[cue - 1] || (cue > 1 && ix.word(cue - 1) == "," && ix.in_quote[cue - 2]));
    if i < context.end
        && !ix.in_quote[i]
        && (after_quote || !ix.with_lower(cue, |w| lists.speech_verbs_taking_object.contains(w)))
    {
        // not `said Kim's state is …`: a possessor is no subject
        let possessor = ix.mention_at(i).is_some_and(|m| {
            let end = ix.input.mentions[m].tokens.end;
            end < context.end && is_clitic(ix.word(end))
        });
        // `said MSNBC host Chris Matthews`, `said Trump's spokesman Sean
        // Spicer`: the person after a body and a role
        if let Some(p) = person_after_body(ix, i, context.end) {
            let e = ix.speaker_at(p).expect("a person");
            return named(e, trace, &|| {
                format!(
                    "subject after {}, a person after a body and a role: {}",
                    verb(),
                    ix.mention_text(p)
                )
            });
        }
        if let Some(e) = ix.speaker_at(i).filter(|_| !possessor) {
            return named(e, trace, &|| {
                format!("subject after {}: {}", verb(), ix.mention_text(i))
            });
        }
        // `said a spokesman for Acme Bank, Tom Reyes`: a description after
        // the verb, named between commas after it, or an unnamed source
        if described && !possessor {
            if let Some(p) = appositive_name(ix, i, context.end) {
                let e = ix.speaker_at(p).expect("a person");
                return named(e, trace, &|| {
                    format!(
                        "subject after {} is a description, named after it: {}",
                        verb(),
                        ix.mention_text(p)
                    )
                });
            }
            if let Some(p) = description_antecedent(ix, i - 1, cue) {
                let e = ix.speaker_at(p).expect("a speaker");
                return named(e, trace, &|| {
                    format!(
                        "subject after {} is the description {}, the title of {} nearby",
                        verb(),
                        quoted(ix.word(i - 1)),
                        ix.mention_text(p)
                    )
                });
            }
            trace.record(|| {
                format!(
                    "subject after {} is a description with no name: an unnamed source",
                    verb()
                )
            });
            return Found::Unnamed;
        }
        // `"…," said he.`, `said he mildly`; not `said he would`, where
        // `he` opens what was said
        if i == cue + 1
            && let Some(g) = pronoun_gender(ix.word(i))
            && ix.input.tokens.get(i + 1).is_none_or(|t| {
                t.kind == TokenKind::Punct || is_adverb_in_ly(ix.word(i + 1), lists)
            })
        {
            return pronoun_subject(ix, i, cue, g, earlier, trace);
        }
    }
    // normal order: `Trump has said`, `Kim Song Hye, who …, described`
    let Some(k) = k else {
        trace.record(|| format!("{}: no subject after it or before it", verb()));
        return Found::Nothing;
    };
    // appositives or relative clauses between subject and verb: `X, a
    // fellow at Y, said`, `Y's spokeswoman, X, said`: the nearest part
    // between commas that is a name and no more
    if ix.word(k) == "," {
        let mut end = k;
        for _ in 0..4 {
            let mut start = end;
            while start > context.start && ix.word(start - 1) != "," && !ix.in_quote[start - 1] {
                start -= 1;
            }
            if let Some(at) = bare_name(ix, start..end) {
                let e = ix.speaker_at(at).expect("a speaker");
                return named(e, trace, &|| {
                    format!(
                        "subject before {}, past the words between commas: {}",
                        verb(),
                        ix.mention_text(at)
                    )
                });
            }
            if start == context.start || ix.word(start - 1) != "," {
                break;
            }
            end = start - 1;
        }
        // `Last week X, a fellow at Y, said`: the name before the clause
        let mut c = k;
        while c > context.start && ix.word(c - 1) != "," && !ix.in_quote[c - 1] {
            c -= 1;
        }
        if c > context.start + 1
            && ix.word(c - 1) == ","
            && let Some(e) = ix.speaker_at(c - 2)
        {
            return named(e, trace, &|| {
                format!(
                    "subject before {}, past the clause between commas: {}",
                    verb(),
                    ix.mention_text(c - 2)
                )
            });
        }
        trace.record(|| format!("{}: no name before the clause before it", verb()));
        return Found::Nothing;
    }
    // a description as subject: `the spokeswoman said … Heather Nauert`, `a US official told`
    if input.tokens[k].kind == TokenKind::Word && ix.with_lower(k, |w| (input.is_role)(w)) {
        // a name soon after, outside quotations and not the object of a
        // preposition, gives the description a name
        for i in cue + 1..context.end.min(cue + 9) {
            if !ix.in_quote[i]
                && let Some(m) = ix.mention_at(i)
                && input.mentions[m].kind == EntityKind::Person
                && input.mentions[m].tokens.start == i
                && !ix.with_lower(i - 1, |w| lists.before_an_object.contains(w))
            {
                return named(input.mentions[m].entity, trace, &|| {
                    format!(
                        "subject of {} is the description {}, named after it: {}",
                        verb(),
                        quoted(ix.word(k)),
                        ix.mention_text(i)
                    )
                });
            }
        }
        // `the city's police chief said …` and `Chief Smith` around it
        if let Some(p) = description_antecedent(ix, k, cue) {
            let e = ix.speaker_at(p).expect("a speaker");
            return named(e, trace, &|| {
                format!(
                    "subject of {} is the description {}, the title of {} nearby",
                    verb(),
                    quoted(ix.word(k)),
                    ix.mention_text(p)
                )
            });
        }
        trace.record(|| {
            format!(
                "subject of {} is the description {}, with no name after it: an unnamed source",
                verb(),
                quoted(ix.word(k))
            )
        });
        return Found::Unnamed;
    }
    // `the commission said` after `the European Commission`
    if input.tokens[k].kind == TokenKind::Word
        && let Some(p) = description_antecedent(ix, k, cue)
    {
        let e = ix.speaker_at(p).expect("a speaker");
        return named(e, trace, &|| {
            format!(
                "subject of {} is {}, the last word of {} nearby",
                verb(),
                quoted(ix.word(k)),
                ix.mention_text(p)
            )
        });
    }
    trace.record(|| {
        format!(
            "{}: {} before it names no speaker",
            verb(),
            quoted(ix.word(k))
        )
    });
    Found::Nothing
}

/// `In Dr. Shadlen's words,` / `in his introduction:` before the quotation
/// at token `first`, in the same sentence: the possessor.
pub(super) fn possessive_source(
    ix: &Index,
    context: Range<usize>,
    first: usize,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Option<usize> {
    let lists = ix.input.lists;
    let start = context.start.max(first.saturating_sub(12));
    for i in (start..first).rev() {
        if i == 0 || ix.in_quote[i] || !ix.with_lower(i, |w| lists.source_nouns.contains(w)) {
            continue;
        }
        let p = i - 1;
        let source = || format!("source noun {}", quoted(ix.word(i)));
        let gender = ix.with_lower(p, |w| match w {
            "his" => Some(Some(Gender::Male)),
            "her" => Some(Some(Gender::Female)),
            "their" => Some(None),
            _ => None,
        });
        if let Some(g) = gender {
            trace.record(|| format!("{} before the quotation", source()));
            return resolve_pronoun(ix, p, p, g, earlier, trace);
        }
        if is_clitic(ix.word(p)) && p > 0 {
            let e = ix.speaker_at(p - 1);
            trace.record(|| match e {
                Some(e) => format!("{} before the quotation \u{2192} {}", source(), ix.name(e)),
                None => format!(
                    "{} before the quotation: its possessor is no speaker",
                    source()
                ),
            });
            return e;
        }
    }
    None
}

/// The token where the subject of the verb at `cue` ends in normal order
/// (`Pompeo said`): the one before it, past the words that may stand between
/// (`has`, `later`, `Sunday`, `forcefully`) and a parenthesis (`Moore (D-Wis.)
/// said`); `None` at the start of `lo..` or after a quotation.
fn subject_slot(ix: &Index, cue: usize, lo: usize) -> Option<usize> {
    let lists = ix.input.lists;
    let mut j = cue;
    while j > lo
        && ix.with_lower(j - 1, |w| {
            lists.between_subject_and_verb.contains(w)
                || lists.time_words.contains(w)
                || is_adverb_in_ly(ix.word(j - 1), lists)
        })
    {
        j -= 1;
    }
    if j == lo || ix.in_quote[j - 1] {
        return None;
    }
    let k = j - 1;
    if ix.word(k) == ")" {
        let open = (k.saturating_sub(10).max(lo)..k)
            .rev()
            .find(|&p| ix.word(p) == "(")?;
        if open > lo && !ix.in_quote[open - 1] {
            return Some(open - 1);
        }
    }
    Some(k)
}

/// `forcefully`, `angrily`: a lowercase word in `-ly` (not `family`, listed
/// in `ly_nouns`).
fn is_adverb_in_ly(word: &str, lists: &crate::analysis::lexicon::lists::WordLists) -> bool {
    word.len() >= 6
        && word.ends_with("ly")
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !lists.ly_nouns.contains(word)
}

/// Whether the verb of saying at `cue` is a participle (`saying`, `adding`),
/// whose subject is that of the clause it hangs from.
fn is_participle(ix: &Index, cue: usize) -> bool {
    ix.with_lower(cue, |w| w.ends_with("ing") && w != "according")
}

/// The subject of the clause a participle hangs from: `Trump attacked
/// Clinton, saying …`, `During a speech, Trump …, adding …`, `the Council
/// issued a statement calling …`. The first name (of a person or an
/// organisation) or pronoun of the sentence before the participle, outside
/// quotations, opening its clause (after a comma or at the start, past
/// titles, determiners and capitalised words); one after a preposition
/// (`In an interview with X, …`) is passed over, any other ends the search.
fn clause_subject(
    ix: &Index,
    cue: usize,
    context: Range<usize>,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Found {
    let input = ix.input;
    let start = input.sentences[ix.sentence_of(cue)]
        .tokens
        .start
        .max(context.start);
    let verb = || quoted(ix.word(cue));
    // `footage of Trump saying`: the name right before it
    if let Some(k) = subject_slot(ix, cue, start)
        && let Some(e) = ix.speaker_at(k)
    {
        trace.record(|| {
            format!(
                "subject before {}: {} \u{2192} {}",
                verb(),
                ix.mention_text(k),
                ix.name(e)
            )
        });
        return Found::Named(e);
    }
    match opening_subject(ix, start, cue) {
        Some(i) if ix.speaker_at(i).is_none() => {
            let g = pronoun_gender(ix.word(i)).expect("a pronoun");
            trace.record(|| {
                format!(
                    "{} shares the subject that opens its clause: {}",
                    verb(),
                    quoted(ix.word(i))
                )
            });
            pronoun_subject(ix, i, cue, g, earlier, trace)
        }
        Some(i) => {
            let e = ix.speaker_at(i).expect("a speaker");
            trace.record(|| {
                format!(
                    "{} shares the subject that opens its clause: {} \u{2192} {}",
                    verb(),
                    ix.mention_text(i),
                    ix.name(e)
                )
            });
            Found::Named(e)
        }
        None => {
            trace.record(|| format!("{}: no subject opens its clause", verb()));
            Found::Nothing
        }
    }
}

/// The subject that opens a clause of the tokens `start..end` (a sentence
/// up to a verb): the first token of the first name (of a person or an
/// organisation) or subject pronoun outside quotations, opening its clause
/// (after a comma or at the start, past titles, determiners and capitalised
/// words); past a possessor (`Clinton's campaign manager Robby Mook`); one
/// after a preposition (`In an interview with X, …`) is passed over, any
/// other ends the search.
pub(super) fn opening_subject(ix: &Index, start: usize, end: usize) -> Option<usize> {
    let input = ix.input;
    let lists = input.lists;
    let mut i = start;
    while i < end {
        let mention = ix
            .mention_at(i)
            .filter(|&m| input.mentions[m].tokens.start == i);
        let pronoun = mention.is_none()
            && ix.with_lower(i, |w| matches!(w, "he" | "she" | "they" | "we" | "i"));
        if ix.in_quote[i] || (mention.is_none() && !pronoun) {
            i += 1;
            continue;
        }
        // what stands before it in its clause
        let mut b = i;
        while b > start && !ix.in_quote[b - 1] && opens_a_name(ix, b - 1) {
            b -= 1;
        }
        let opens_clause =
            b == start || ix.in_quote[b - 1] || matches!(ix.word(b - 1), "," | ";" | ":");
        if opens_clause {
            if pronoun {
                return Some(i);
            }
            // the possessor opens the subject, the name after it is the subject
            if let Some(m) = mention
                && let after = input.mentions[m].tokens.end
                && after < end
                && is_clitic(ix.word(after))
            {
                let owned = (after + 1..end.min(after + 5)).find(|&j| ix.mention_at(j).is_some());
                match owned {
                    Some(j)
                        if (after + 1..j).all(|t| {
                            opens_a_name(ix, t) || input.tokens[t].kind == TokenKind::Word
                        }) && ix.speaker_at(j).is_some() =>
                    {
                        return Some(j);
                    }
                    _ => return None,
                }
            }
            if ix.speaker_at(i).is_some() {
                return Some(i);
            }
        }
        let after_preposition =
            b > start && ix.with_lower(b - 1, |w| lists.prepositions.contains(w));
        if !opens_clause && !after_preposition {
            return None;
        }
        i = mention.map_or(i + 1, |m| input.mentions[m].tokens.end);
    }
    None
}

/// The place whose mention ends at token `k`, where it opens its clause
/// (at the start of the sentence, after a comma or a quotation, past a
/// determiner): `Japan branded …`, not `people in Ohio said`.
fn place_subject(ix: &Index, k: usize, lo: usize) -> Option<usize> {
    let input = ix.input;
    let m = &input.mentions[ix.mention_at(k)?];
    if m.kind != EntityKind::Place {
        return None;
    }
    let mut b = m.tokens.start;
    while b > lo
        && !ix.in_quote[b - 1]
        && ix.with_lower(b - 1, |w| input.lists.speaker_determiners.contains(w))
    {
        b -= 1;
    }
    (b == lo || ix.in_quote[b - 1] || matches!(ix.word(b - 1), "," | ";" | ":")).then_some(m.entity)
}

/// `MSNBC host Chris Matthews`, `Clinton campaign spokesman Brian Fallon`:
/// where the mention starting at token `i` is of a body or a person, and
/// a role (a title or a role word, after capitalised words at most) comes
/// before a person's name within `..end`, the first token of that name.
fn person_after_body(ix: &Index, i: usize, end: usize) -> Option<usize> {
    let input = ix.input;
    let m = &input.mentions[ix.mention_at(i)?];
    let mut j = m.tokens.end;
    let mut role = false;
    while j < end && j < m.tokens.end + 4 && ix.mention_at(j).is_none() {
        if !opens_a_name(ix, j) || ix.in_quote[j] {
            return None;
        }
        role |= ix.with_lower(j, |w| (input.is_role)(w));
        j += 1;
    }
    let p = &input.mentions[ix.mention_at(j.min(end.saturating_sub(1)))?];
    (role && j < end && p.tokens.start == j && p.kind == EntityKind::Person).then_some(j)
}

/// The entity a definite description ending at token `k` (`the chief`,
/// `the city's police chief`, `the commission`) stands for: a person titled
/// with its word (`Chief Smith`, `Police Chief John Smith`) or an
/// organisation whose name ends with it (`the European Commission`), named
/// outside quotations in the sentence of the verb at `cue`, the four before
/// it (nearest first) or the one after it. The first token of that mention.
/// An indefinite one (`a US official`) stands for no one.
fn description_antecedent(ix: &Index, k: usize, cue: usize) -> Option<usize> {
    let input = ix.input;
    let definite = (k.saturating_sub(4)..k).rev().find_map(|j| {
        ix.with_lower(j, |w| match w {
            "the" => Some(true),
            "a" | "an" | "one" | "some" => Some(false),
            _ if is_clitic(w) => Some(true),
            _ => None,
        })
    });
    if definite != Some(true) || ix.word(k).chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let s = ix.sentence_of(cue);
    let last = input.sentences.len() - 1;
    let order = (s.saturating_sub(4)..=s)
        .rev()
        .chain((s < last).then_some(s + 1));
    for t in order {
        let range = input.sentences[t].tokens.clone();
        let mut found = None;
        for m in ix.mentions_starting_in(range) {
            let (start, end) = (m.tokens.start, m.tokens.end);
            if ix.in_quote[start] || (start <= k && k < end) {
                continue;
            }
            let titled = m.kind == EntityKind::Person
                && (start > 0 && ix.word(start - 1).eq_ignore_ascii_case(ix.word(k))
                    || described(ix, start, end, ix.word(k)));
            let ends_with = m.kind == EntityKind::Organization
                && ix.word(end - 1).eq_ignore_ascii_case(ix.word(k));
            if titled || ends_with {
                // before the description, the last one; after it, the first
                if start < k {
                    found = Some(start);
                } else {
                    found = found.or(Some(start));
                    break;
                }
            }
        }
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Whether the person named at `start..end` is described in apposition with
/// the noun `word`, before the name (`the city's police chief, Robert
/// Smith,`) or after it (`Robert Smith, the police chief,`), within a few
/// words: `the chief said` later stands for them.
fn described(ix: &Index, start: usize, end: usize, word: &str) -> bool {
    let n = ix.input.tokens.len();
    let before =
        start >= 2 && ix.word(start - 1) == "," && ix.word(start - 2).eq_ignore_ascii_case(word);
    // `, the police chief,`: a determiner opens it, no verb is in it
    let after = end + 1 < n
        && ix.word(end) == ","
        && ix.with_lower(end + 1, |w| {
            matches!(w, "the" | "a" | "an" | "his" | "her" | "their" | "its")
        })
        && (end + 2..n.min(end + 6))
            .take_while(|&i| !matches!(ix.word(i), "," | "." | ";" | ":") && !ix.is_cue(i))
            .any(|i| ix.word(i).eq_ignore_ascii_case(word));
    before || after
}

/// `a spokesman for Acme Bank, Tom Reyes`: a person's name after a comma
/// in the description starting at token `i` (before `end`, a quotation or
/// the end of the clause), ending the description.
fn appositive_name(ix: &Index, i: usize, end: usize) -> Option<usize> {
    let input = ix.input;
    let end = end.min(i + 12);
    let mut j = i;
    while j + 1 < end && !ix.in_quote[j] && !matches!(ix.word(j), "." | ";" | ":") {
        if ix.word(j) == ","
            && let Some(m) = ix.mention_at(j + 1).map(|m| &input.mentions[m])
            && m.tokens.start == j + 1
            && m.kind == EntityKind::Person
            && input
                .tokens
                .get(m.tokens.end)
                .is_none_or(|t| t.kind == TokenKind::Punct)
        {
            return Some(j + 1);
        }
        j += 1;
    }
    None
}

/// `McConnell of Kentucky`, `Tomblin of West Virginia` ending at token `k`:
/// the first token of the person's mention.
fn person_from(ix: &Index, k: usize) -> Option<usize> {
    let input = ix.input;
    let m = &input.mentions[ix.mention_at(k)?];
    let before = m.tokens.start;
    (before >= 2 && ix.with_lower(before - 1, |w| matches!(w, "of" | "from")))
        .then(|| ix.mention_at(before - 2))
        .flatten()
        .filter(|&p| input.mentions[p].kind == EntityKind::Person)
        .map(|p| input.mentions[p].tokens.start)
}

/// A name standing alone between commas (`Scott Pruitt`, `Rep. John Mica
/// (R-Fla.)`, `Acme's Tom Reyes`, `Ray Smith of Ohio`): the first token of
/// the speaker's mention that ends `range`, past what may open a name.
fn bare_name(ix: &Index, range: Range<usize>) -> Option<usize> {
    let input = ix.input;
    let mut i = range.start;
    // not the object of `of` (`president of the Acme Bank`, `secretary of
    // State`); `Secretary of State Mike Pompeo` is a name
    let mut of = false;
    while i < range.end {
        if let Some(m) = ix.mention_at(i) {
            let mention = &input.mentions[m];
            if mention.tokens.start != i {
                return None;
            }
            let after = mention.tokens.end;
            if name_tail_end(ix, after, range.end) == range.end {
                return ix.speaker_at(i).filter(|_| !of).map(|_| i);
            }
            if after < range.end && is_clitic(ix.word(after)) {
                i = after + 1;
                continue;
            }
            if let Some(p) = person_after_body(ix, i, range.end) {
                i = p;
                continue;
            }
            return None;
        }
        if !opens_a_name(ix, i) {
            return None;
        }
        of = ix.with_lower(i, |w| {
            matches!(w, "of" | "for") || (of && ix.input.lists.speaker_determiners.contains(w))
        });
        i += 1;
    }
    None
}

/// Past what may follow a name in its phrase, from token `i` up to `end`: a
/// parenthesis (`(D-Wis.)`), a place (`of Kentucky`).
fn name_tail_end(ix: &Index, mut i: usize, end: usize) -> usize {
    if i < end
        && ix.word(i) == "("
        && let Some(close) = (i + 1..end.min(i + 10)).find(|&c| ix.word(c) == ")")
    {
        i = close + 1;
    }
    if i + 1 < end
        && ix.with_lower(i, |w| matches!(w, "of" | "from"))
        && let Some(m) = ix.mention_at(i + 1)
        && ix.input.mentions[m].kind == EntityKind::Place
        && ix.input.mentions[m].tokens.start == i + 1
    {
        i = ix.input.mentions[m].tokens.end;
    }
    i
}

/// Whether token `i` may stand before a name in its phrase: a determiner,
/// a title or role, an abbreviation (`Rep.`), a capitalised word
/// (`Oversight Chairman`), a possessive (`'s`).
fn opens_a_name(ix: &Index, i: usize) -> bool {
    let w = ix.word(i);
    if ix.input.tokens[i].kind == TokenKind::Word
        && w.chars().next().is_some_and(char::is_uppercase)
    {
        return true;
    }
    is_clitic(w)
        || ix.with_lower(i, |lower| {
            (ix.input.is_role)(lower)
                || ix.input.lists.speaker_determiners.contains(lower)
                || ix.input.lists.before_a_name.contains(lower)
        })
}

/// Tokens that may stand between a verb of saying and the name after it:
/// titles and roles (`Secretary of State`, `president`), determiners (`a`,
/// `the`), `Dr.`.
fn skippable_before_name(ix: &Index, i: usize) -> bool {
    if ix.mention_at(i).is_some() || ix.in_quote[i] {
        return false;
    }
    let w = ix.word(i);
    let capital = w.chars().next().is_some_and(char::is_uppercase);
    ix.with_lower(i, |lower| {
        (ix.input.is_role)(lower)
            || ix.input.lists.before_a_name.contains(lower)
            || ix.input.lists.speaker_determiners.contains(lower)
    }) || (w.ends_with('.') && w.len() <= 5 && capital)
}
