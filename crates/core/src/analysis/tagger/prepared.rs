//! An article's tokens made ready for tagging: each distinct word looked up
//! in the lexicon and hashed once ([`WordInfo`]), each token pointing at its
//! word, and the sentences as token ranges. Both taggers can use the same
//! [`Prepared`].

use std::ops::Range;

use super::FastMap;
use super::features::{WordInfo, lex};
use crate::analysis::lexicon;

/// Tokens ready for tagging. Make one with [`Prepared::new`] and pass it to
/// [`super::Tagger::tag_prepared`] (once per tagger).
pub struct Prepared {
    /// Distinct words; `words[0]` is the pseudo-word outside a sentence.
    pub(crate) words: Vec<WordInfo>,
    /// The word of each token.
    pub(crate) tokens: Vec<u32>,
    /// Sentences: consecutive, non-empty, covering every token.
    pub(crate) sentences: Vec<Range<usize>>,
    /// A word of each distinct shape (`WordInfo::shape_id` numbers them).
    pub(crate) shapes: Vec<u32>,
    /// A word of each distinct set of lexicon bits (`WordInfo::lex_id`).
    pub(crate) lexes: Vec<u32>,
}

impl Prepared {
    /// Prepare `tokens`, split into `sentences` (token ranges). Tokens that
    /// no range covers are tagged as sentences of their own; ranges that
    /// overlap or lie outside the tokens are cut to fit.
    pub fn new(tokens: &[&str], sentences: &[Range<usize>]) -> Self {
        // new tokens: the lexicon's memo starts afresh (as for a new `Doc`)
        lexicon::forget_lookups();
        let sentences = cut(tokens.len(), sentences);
        let mut words = vec![WordInfo::boundary()];
        let mut ids: FastMap<&str, u32> = FastMap::default();
        let mut token_words: Vec<u32> = tokens
            .iter()
            .map(|t| {
                *ids.entry(t).or_insert_with(|| {
                    words.push(WordInfo::new(t));
                    (words.len() - 1) as u32
                })
            })
            .collect();
        // words inside a multi-word name are words of their own: `New` in
        // `New York` is not `New` elsewhere
        let mut variants: FastMap<(u32, u32), u32> = FastMap::default();
        let mut starts = Starts::new(words.len());
        for s in &sentences {
            for (i, bit) in phrases(&tokens[s.clone()], &token_words[s.clone()], &mut starts) {
                let base = token_words[s.start + i];
                if words[base as usize].lex & bit != 0 {
                    continue;
                }
                token_words[s.start + i] = *variants.entry((base, bit)).or_insert_with(|| {
                    let mut w = words[base as usize].clone();
                    w.lex |= bit;
                    words.push(w);
                    (words.len() - 1) as u32
                });
            }
        }
        // number the distinct shapes and sets of lexicon bits
        let (mut shapes, mut lexes) = (Vec::new(), Vec::new());
        let mut shape_ids: FastMap<(u64, u64), u32> = FastMap::default();
        let mut lex_ids: FastMap<u32, u32> = FastMap::default();
        for (i, w) in words.iter_mut().enumerate() {
            w.shape_id = *shape_ids.entry(w.shape_key()).or_insert_with(|| {
                shapes.push(i as u32);
                (shapes.len() - 1) as u32
            });
            w.lex_id = *lex_ids.entry(w.lex).or_insert_with(|| {
                lexes.push(i as u32);
                (lexes.len() - 1) as u32
            });
        }
        Prepared {
            words,
            tokens: token_words,
            sentences,
            shapes,
            lexes,
        }
    }

    /// Prepare one sentence.
    pub fn sentence(tokens: &[&str]) -> Self {
        Self::new(tokens, std::slice::from_ref(&(0..tokens.len())))
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The words of the tokens `range`, in order.
    pub(crate) fn sentence_words_in(&self, range: &Range<usize>) -> Vec<&WordInfo> {
        self.tokens[range.clone()]
            .iter()
            .map(|&w| &self.words[w as usize])
            .collect()
    }
}

/// Consecutive non-empty ranges covering `0..len`, cut at every start and end
/// of `sentences` that lies inside.
fn cut(len: usize, sentences: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut cuts: Vec<usize> = sentences
        .iter()
        .flat_map(|r| [r.start, r.end])
        .filter(|&c| c > 0 && c < len)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for c in cuts.into_iter().chain((len > 0).then_some(len)) {
        out.push(start..c);
        start = c;
    }
    out
}

/// Per distinct word: whether a name of several words may start with it
/// ([`lexicon::Lexicon::may_start_phrase`]), asked the first time.
struct Starts(Vec<Option<bool>>);

impl Starts {
    fn new(words: usize) -> Self {
        Starts(vec![None; words])
    }

    fn get(&mut self, word: u32, token: &str) -> bool {
        *self.0[word as usize].get_or_insert_with(|| {
            token.chars().next().is_some_and(char::is_uppercase)
                && lexicon::get().may_start_phrase(token)
        })
    }
}

/// Tokens of a sentence inside a known multi-word organisation or place name
/// (`World` `Bank`, `New` `York`), with the bit the name gives them.
/// `words`: the tokens' word numbers, for `starts`.
fn phrases(tokens: &[&str], words: &[u32], starts: &mut Starts) -> Vec<(usize, u32)> {
    let lx = lexicon::get();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        if !starts.get(words[i], tokens[i]) {
            i += 1;
            continue;
        }
        let org = lx
            .organization_at(&tokens[i..])
            .map(|(n, _)| (n, lex::ORG_KNOWN));
        let place = || lx.place_at(&tokens[i..]).map(|(n, _)| (n, lex::PLACE));
        match org
            .filter(|(n, _)| *n > 1)
            .or_else(|| place().filter(|(n, _)| *n > 1))
        {
            Some((n, bit)) => {
                out.extend((i..i + n).map(|j| (j, bit)));
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // lists of one sentence
mod tests {
    use super::*;

    #[test]
    fn sentences_are_cut_to_cover_every_token() {
        assert_eq!(cut(5, &[0..2, 2..5]), [0..2, 2..5]);
        assert_eq!(cut(5, &[1..3]), [0..1, 1..3, 3..5]);
        assert_eq!(cut(4, &[0..3, 2..9]), [0..2, 2..3, 3..4]);
        assert_eq!(cut(3, &[]), [0..3]);
        assert!(cut(0, &[0..2]).is_empty());
    }

    #[test]
    fn a_word_is_looked_up_once_and_a_phrase_word_apart() {
        let p = Prepared::sentence(&["New", "York", "is", "new", "to", "New", "Yorkers"]);
        assert_eq!(p.len(), 7);
        let lexes: Vec<u32> = p.tokens.iter().map(|&w| p.words[w as usize].lex).collect();
        assert!(lexes[0] & lex::PLACE != 0 && lexes[1] & lex::PLACE != 0);
        assert_eq!(lexes[5] & lex::PLACE, 0, "New alone is no place");
        assert_ne!(p.tokens[0], p.tokens[5]);
        // the boundary, New (twice), York (a place anyway), is, new, to, Yorkers
        assert_eq!(p.words.len(), 8);
    }
}
