//! What every step asks of a token, worked out once per document: whether
//! it is inside a quotation, which mention covers it, whether it is a verb of
//! saying (asked lazily, then remembered), and the words as written and
//! lowercased.

use std::cell::{Cell, OnceCell};
use std::ops::Range;

use super::{Input, MentionRef};
use crate::analysis::EntityKind;
use crate::analysis::tokens::{TokenKind, with_lowercase};

/// Per token, as narrow as it goes (a long article has tens of millions).
pub(super) struct Index<'a> {
    pub input: &'a Input<'a>,
    /// Whether each token is in a quotation.
    pub in_quote: Vec<bool>,
    /// The mention ending at / covering each token ([`Index::mention_at`]).
    mention_at: Vec<Option<u32>>,
    /// [`Index::is_cue`] of each token, once asked: 0 not yet, 1 no, 2 yes.
    cue: Vec<Cell<u8>>,
    /// Per entity: whether some mention names it as a person.
    pub person: Vec<bool>,
    /// Per entity: whether some mention names it as an organisation.
    pub org: Vec<bool>,
    /// Whether the quotations are in reading order (they are, as
    /// `find` gives them), so that the last one before a token can be
    /// found by bisection.
    pub quotes_in_order: bool,
    /// [`Index::sentence`] of each sentence, once asked.
    sentence: Vec<OnceCell<Sentence>>,
    /// [`Index::line_speaker`] of each block, once asked.
    line_speaker: Vec<OnceCell<Option<(usize, usize)>>>,
}

/// What the quotations after a sentence ask of it, worked out once: a
/// sentence can hold thousands of quotations (a run of quotation marks
/// with no end), and each of the next sentence's would read it whole.
pub(super) struct Sentence {
    /// Its verbs of saying ([`Index::is_cue`]), in order.
    pub cues: Box<[u32]>,
    /// Whether a person or organisation is named in it.
    pub names_speaker: bool,
    /// Its last full quotation (by its first token; `None` when the
    /// quotations are not in reading order: then it is looked for).
    pub last_full_quote: Option<usize>,
}

impl<'a> Index<'a> {
    pub fn new(input: &'a Input<'a>) -> Self {
        let n = input.tokens.len();
        let mut in_quote = vec![false; n];
        for quote in input.quotes {
            in_quote[quote.tokens.clone()].fill(true);
        }
        // fewer mentions than tokens, so fewer than u32::MAX (see `Doc`)
        let mut mention_at = vec![None; n];
        let mut person = Vec::new();
        let mut org = Vec::new();
        for (m, mention) in input.mentions.iter().enumerate() {
            mention_at[mention.tokens.clone()].fill(Some(m as u32));
            if mention.entity >= person.len() {
                person.resize(mention.entity + 1, false);
                org.resize(mention.entity + 1, false);
            }
            person[mention.entity] |= mention.kind == EntityKind::Person;
            org[mention.entity] |= mention.kind == EntityKind::Organization;
        }
        let quotes_in_order = input
            .quotes
            .windows(2)
            .all(|w| w[0].tokens.start <= w[1].tokens.start);
        Index {
            input,
            in_quote,
            mention_at,
            cue: vec![Cell::new(0); n],
            person,
            org,
            quotes_in_order,
            sentence: (0..input.sentences.len())
                .map(|_| OnceCell::new())
                .collect(),
            line_speaker: (0..input.blocks.len()).map(|_| OnceCell::new()).collect(),
        }
    }

    /// What sentence `s` says to the quotations after it ([`Sentence`]).
    pub fn sentence(&self, s: usize) -> &Sentence {
        self.sentence[s].get_or_init(|| {
            let range = self.input.sentences[s].tokens.clone();
            let quotes = self.input.quotes;
            let last_full_quote = if self.quotes_in_order {
                let to = quotes.partition_point(|q| q.tokens.start < range.end);
                quotes[..to]
                    .iter()
                    .enumerate()
                    .rev()
                    .take_while(|(_, q)| q.tokens.start >= range.start)
                    .find(|(_, q)| !q.partial)
                    .map(|(p, _)| p)
            } else {
                None
            };
            Sentence {
                cues: range
                    .clone()
                    .filter(|&i| self.is_cue(i))
                    .map(|i| i as u32)
                    .collect(),
                names_speaker: range.clone().any(|i| self.speaker_at(i).is_some()),
                last_full_quote,
            }
        })
    }

    /// The first token of block `b` and the person it names, when the block
    /// is a short line of at most eight words, none quoted, that opens with
    /// a person's name (the credit after a pull quote).
    pub fn line_speaker(&self, b: usize) -> Option<(usize, usize)> {
        *self.line_speaker[b].get_or_init(|| {
            let input = self.input;
            let line = input.blocks[b].clone();
            let words = line
                .clone()
                .filter(|&i| input.tokens[i].kind == TokenKind::Word)
                .take(9)
                .count();
            if words == 0 || words > 8 || line.clone().any(|i| self.in_quote[i]) {
                return None;
            }
            let first = line
                .clone()
                .find(|&i| input.tokens[i].kind != TokenKind::Punct)?;
            let e = self.speaker_at(first)?;
            let person = input.mentions[self.mention_at(first)?].kind == EntityKind::Person;
            person.then_some((first, e))
        })
    }

    /// The mentions whose first token lies in `range`, in order (the
    /// mentions are sorted by their first token).
    pub fn mentions_starting_in(&self, range: Range<usize>) -> &'a [MentionRef] {
        let mentions = self.input.mentions;
        let from = mentions.partition_point(|m| m.tokens.start < range.start);
        let to = mentions.partition_point(|m| m.tokens.start < range.end);
        &mentions[from..to.max(from)]
    }

    /// The sentence of token `i`.
    pub fn sentence_of(&self, i: usize) -> usize {
        self.input.sentence_of[i] as usize
    }

    /// The mention ending at / covering token `i`, if any.
    pub fn mention_at(&self, i: usize) -> Option<usize> {
        self.mention_at[i].map(|m| m as usize)
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.input.tokens[i].text(self.input.text)
    }

    /// `f` of token `i` lowercased (on the stack for short ASCII words).
    pub fn with_lower<R>(&self, i: usize, f: impl FnOnce(&str) -> R) -> R {
        with_lowercase(self.word(i), f)
    }

    /// Whether token `i` is a verb of saying, outside quotations
    /// ([`super::cues::is_cue_at`], remembered).
    #[inline]
    pub fn is_cue(&self, i: usize) -> bool {
        match self.cue[i].get() {
            0 => {
                let cue = super::cues::is_cue_at(self, i);
                self.cue[i].set(1 + u8::from(cue));
                cue
            }
            known => known == 2,
        }
    }

    /// Whether the token after `i` is `want`, in any case.
    pub fn next_word_is(&self, i: usize, want: &str) -> bool {
        self.input
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.text(self.input.text).eq_ignore_ascii_case(want))
    }

    /// A speaker mention (person or organisation) at token `i`.
    pub fn speaker_at(&self, i: usize) -> Option<usize> {
        let m = self.mention_at(i)?;
        let mention = &self.input.mentions[m];
        matches!(mention.kind, EntityKind::Person | EntityKind::Organization)
            .then_some(mention.entity)
    }

    // ---- for the explanation ----

    /// The words of the mention at token `i`, as written (`"Pompeo"`), or
    /// the token itself.
    pub fn mention_text(&self, i: usize) -> String {
        let input = self.input;
        let text = match self.mention_at(i) {
            Some(m) => {
                let tokens = &input.mentions[m].tokens;
                let (start, end) = (input.tokens[tokens.start], input.tokens[tokens.end - 1]);
                &input.text[start.span().start..end.span().end]
            }
            None => self.word(i),
        };
        format!("\u{201c}{text}\u{201d}")
    }

    /// The name of entity `e`, as listed.
    pub fn name(&self, e: usize) -> &'a str {
        self.input.names.get(e).copied().unwrap_or("?")
    }
}
