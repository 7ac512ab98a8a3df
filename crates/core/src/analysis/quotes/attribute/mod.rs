//! Who said it. Each quotation goes through these steps in turn, and the
//! first that names a speaker (or rules one out) decides:
//!
//! 0. [`carry::credit`]: a credit the quotation carries, a transcript's
//!    speaker label (`"PENCE: Well, …`) or a name after a dash (`"…" ―
//!    Sonya Herridge`).
//! 1. [`cues`]: a verb of saying (or `according to`) in the quotation's
//!    sentences, nearest first, and its subject ([`subject`]): `"…," said
//!    Pompeo`, `Pompeo said: "…"`, `"…," Trump said Sunday`, `according to X`.
//!    A pronoun is resolved to the person it stands for ([`pronouns`]: `she
//!    said` → the last woman named), a role noun to the person it names (`the
//!    spokeswoman said … Heather Nauert`); an unnamed source (`a US official
//!    told reporters`) leaves the quotation without a speaker.
//! 2. [`subject::possessive_source`]: `In Dr. Shadlen's words, "…"`.
//! 3. [`carry`]: the sentence after opening with the speaker, after a
//!    quotation that is a whole sentence (`"…?" Rothman recalls thinking.`), the quotation the paragraph before left open, a
//!    short attribution line after a pull quote, or the speaker of the
//!    sentence before (a second sentence after `"…," said Pompeo.`).
//!
//! Each step reports what it found through a [`Trace`] (`gloss annotate
//! --explain`); the trace is off in a plain run and records nothing.
//!
//! A new way of saying who spoke goes in the step it belongs to; a new verb
//! of saying in `assets/lexicon/lists/speech_verbs.txt`.

mod carry;
mod cues;
mod index;
mod pronouns;
mod subject;

use std::ops::Range;

use crate::analysis::EntityKind;
use crate::analysis::explain::Trace;
use crate::analysis::lexicon::lists::WordLists;
use crate::analysis::sentences::Sentence;
use crate::analysis::tokens::Token;
use index::Index;

/// The steps taken for one quotation, as `--explain` shows them.
type Steps = Trace<String>;

pub use crate::analysis::Gender;

/// A mention of a named entity, as attribution needs it.
#[derive(Clone, Debug)]
pub struct MentionRef {
    pub tokens: Range<usize>,
    pub entity: usize,
    pub kind: EntityKind,
}

/// A quotation to attribute: its tokens including the marks.
#[derive(Clone, Debug)]
pub struct QuoteRef {
    pub tokens: Range<usize>,
    /// Index of the block it is in.
    pub block: usize,
    /// Whether the block ended before a closing mark.
    pub unclosed: bool,
    /// Whether it is a partial quotation (a scare quote, a title): no
    /// speaker is carried on from it.
    pub partial: bool,
}

/// Everything attribution looks at.
pub struct Input<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    /// The sentence of each token.
    pub sentence_of: &'a [u32],
    /// Token ranges of the blocks.
    pub blocks: &'a [Range<usize>],
    pub quotes: &'a [QuoteRef],
    /// Mentions sorted by their first token.
    pub mentions: &'a [MentionRef],
    /// Gender per entity, when known.
    pub genders: &'a [Option<Gender>],
    /// Name per entity (for the explanation).
    pub names: &'a [&'a str],
    /// Whether a lowercase word is a role noun (`spokeswoman`, `official`).
    pub is_role: &'a dyn Fn(&str) -> bool,
    /// The word lists (verbs of saying, ...).
    pub lists: &'a WordLists,
}

/// What a sentence says about its speaker.
enum Found {
    /// A named speaker.
    Named(usize),
    /// A cue whose subject is unnamed (`a US official told reporters`).
    Unnamed,
    /// No verb of saying with a subject.
    Nothing,
}

/// The tokens of a quotation's sentence read on either side of it for a
/// verb of saying and its subject: a real sentence has fewer, and a
/// "sentence" with no end and a quotation every few words (a run of
/// quotation marks) would make each quotation read all of it, which grows
/// with the square of its length.
const CONTEXT_TOKENS: usize = 200;

/// Attribute every quotation: the speaker's entity index, or `None`. With
/// `steps`, also say how, one list of steps per quotation.
pub fn attribute(input: &Input, mut steps: Option<&mut Vec<Vec<String>>>) -> Vec<Option<usize>> {
    let index = Index::new(input);
    let mut speakers: Vec<Option<usize>> = Vec::with_capacity(input.quotes.len());
    for q in 0..input.quotes.len() {
        let mut trace = Steps::when(steps.is_some());
        let speaker = attribute_one(&index, q, &speakers, &mut trace);
        if let Some(steps) = steps.as_deref_mut() {
            steps.push(trace.into_events());
        }
        speakers.push(speaker);
    }
    speakers
}

/// The steps, in order; `earlier` holds the speakers of the quotations before.
fn attribute_one(
    ix: &Index,
    q: usize,
    earlier: &[Option<usize>],
    trace: &mut Steps,
) -> Option<usize> {
    let input = ix.input;
    let quote = &input.quotes[q];
    let first = quote.tokens.start;
    let last = quote.tokens.end.saturating_sub(1).max(first);
    let s0 = ix.sentence_of(first);
    let s1 = ix.sentence_of(last);
    // the quotation's sentences, but no more than CONTEXT_TOKENS on either
    // side of it
    let context = input.sentences[s0]
        .tokens
        .start
        .max(first.saturating_sub(CONTEXT_TOKENS))
        ..input.sentences[s1]
            .tokens
            .end
            .min(last + 1 + CONTEXT_TOKENS);
    if let Some(e) = carry::credit(ix, q, trace) {
        return e;
    }
    match cues::from_cues(ix, context.clone(), first, last, earlier, trace) {
        Found::Named(e) => return Some(e),
        Found::Unnamed => {
            trace.record(|| "unattributed: the nearest cue's subject is unnamed".to_string());
            return None;
        }
        Found::Nothing => {}
    }
    if let Some(e) = subject::possessive_source(ix, context.clone(), first, earlier, trace) {
        return Some(e);
    }
    // `"Jesus … who is Ellen Fetter?" Rothman recalls thinking.`: the next
    // sentence opens with the speaker and the verb.
    if let Some(next) = input.sentences.get(s1 + 1)
        && first == input.sentences[s0].tokens.start
        && !ix.in_quote[next.tokens.start]
        && same_block(input, last, next.tokens.start)
        && let Some(e) = carry::opening_attribution(ix, next.tokens.clone(), earlier, trace)
    {
        return Some(e);
    }
    if carry::continues_paragraph_before(ix, q) {
        trace.record(|| match earlier[q - 1] {
            Some(e) => format!(
                "continues the quotation left open in the paragraph before: {}",
                ix.name(e)
            ),
            None => "continues the quotation left open in the paragraph before, \
                     which has no speaker: unattributed"
                .to_string(),
        });
        return earlier[q - 1];
    }
    if let Some(e) = carry::attribution_line(ix, quote.block, trace) {
        return Some(e);
    }
    // (the verbs of saying are remembered: asking again costs nothing)
    let has_cue = context.clone().any(|i| ix.is_cue(i));
    carry::continued_speaker(ix, q, s0, has_cue, earlier, trace)
}

/// Whether tokens `a` and `b` are in the same block.
fn same_block(input: &Input, a: usize, b: usize) -> bool {
    // blocks are consecutive token ranges: the first that ends after `a`
    // is the only one that may hold it
    let at = input.blocks.partition_point(|r| r.end <= a);
    input
        .blocks
        .get(at)
        .is_some_and(|r| r.contains(&a) && r.contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::doc::Doc;
    use crate::analysis::lexicon;
    use crate::article::{CleanOptions, clean};

    /// Attribute the quotations of `raw` with no names known, with or
    /// without steps.
    fn attribute_text(raw: &str, explain: bool) -> (Vec<Option<usize>>, Vec<Vec<String>>) {
        let article = clean(raw, &CleanOptions::default());
        let rules = crate::analysis::Parts {
            rules: true,
            tagger: false,
            ..crate::analysis::Parts::default()
        };
        let doc = Doc::with_parts(&article, rules);
        let quotes: Vec<QuoteRef> = doc
            .quotes
            .iter()
            .zip(&doc.quote_tokens)
            .map(|(q, tokens)| QuoteRef {
                tokens: tokens.clone(),
                block: q.block,
                unclosed: q.close.is_none(),
                partial: false,
            })
            .collect();
        let input = Input {
            text: doc.text,
            tokens: &doc.tokens,
            sentences: &doc.sentences,
            sentence_of: &doc.sentence_of,
            blocks: &doc.block_tokens,
            quotes: &quotes,
            mentions: &[],
            genders: &[],
            names: &[],
            is_role: &|w| w == "official",
            lists: &lexicon::get().lists,
        };
        let mut steps = Vec::new();
        let speakers = attribute(&input, explain.then_some(&mut steps));
        (speakers, steps)
    }

    #[test]
    fn a_trace_that_is_off_records_nothing_and_builds_no_step() {
        let mut trace = Steps::off();
        trace.record(|| unreachable!("an off trace builds no step"));
        assert!(!trace.is_on());
        assert!(trace.into_events().is_empty());

        let text = "Talks\n\n\"Not yet,\" an official told reporters. \"Soon.\"\n";
        let (quiet, none) = attribute_text(text, false);
        assert!(none.is_empty(), "no steps asked, none given: {none:?}");
        let (explained, steps) = attribute_text(text, true);
        assert_eq!(quiet, explained, "the same speakers either way");
        assert_eq!(steps.len(), 2, "one list of steps per quotation");
        assert!(steps.iter().all(|s| !s.is_empty()), "{steps:?}");
    }

    #[test]
    fn every_cue_word_of_the_lists_is_a_cue_in_any_case() {
        let lists = &lexicon::get().lists;
        for verb in lists.speech_verbs.iter() {
            // `pointed out`, `put it`
            let next = match verb {
                "point" | "points" | "pointed" => "out",
                "put" | "puts" => "it",
                _ => "so",
            };
            for word in [verb.to_string(), verb.to_uppercase()] {
                // after a pronoun, as the verbs that are nouns too want
                let text = format!("Talks\n\nThey {word} {next}: \"Yes.\"\n");
                let (_, steps) = attribute_text(&text, true);
                assert!(
                    steps[0][0].contains(&format!("\u{201c}{word}\u{201d}")),
                    "{word}: {steps:?}"
                );
            }
        }
        for also in lists
            .speech_verbs_also_nouns
            .iter()
            .chain(lists.speech_verbs_taking_object.iter())
        {
            assert!(
                lists.speech_verbs.contains(also),
                "{also} is a verb of saying"
            );
        }
    }
}
