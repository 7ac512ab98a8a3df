//! Learned sequence taggers: named entities (BIO labels `PER`, `ORG`, `LOC`)
//! and parts of speech (Universal Dependencies UPOS), both greedy averaged
//! perceptrons over the same features (`features.rs`), trained by
//! `examples/train_tagger` on GUM (and WNUT-17 for entities) and embedded from
//! `assets/model/` (format: `model.rs`; provenance: `assets/README.md`).
//!
//! Tokens follow UD/PTB conventions: punctuation and quotation marks apart,
//! possessive `'s` split off, hyphenated words whole, abbreviations with their
//! periods.
//!
//! Tag a whole article in one call ([`Tagger::tag_article`], or
//! [`Prepared`] once and [`Tagger::tag_prepared`] per tagger): each distinct
//! word is then looked up in the lexicon, and its share of the scores summed,
//! once per call rather than once per token.

mod features;
mod model;
mod prepared;
mod scores;
pub mod train;

use std::ops::Range;
use std::sync::LazyLock;

use features::OFFSETS;

/// A hash map with a fast hasher and a fixed seed, for the per-call caches.
type FastMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;
pub use model::ModelError;
pub use prepared::Prepared;

/// The label given to one token, and how sure the tagger is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tag {
    /// `B-PER`, `I-ORG`, `O`, ... or a UPOS tag (`PROPN`, `VERB`, ...).
    pub label: &'static str,
    /// Softmax probability of the label over the tagger's scores (0..1).
    pub confidence: f32,
    /// Score of the label minus that of the runner-up (>= 0).
    pub margin: f32,
}

impl Tag {
    /// The entity type of a BIO label (`B-PER` → `PER`), `None` for `O`.
    pub fn entity_type(&self) -> Option<&'static str> {
        self.label.get(2..).filter(|_| self.label.len() > 2)
    }

    /// `O` with no confidence: what a switched-off tagger says.
    pub fn outside() -> Tag {
        Tag {
            label: "O",
            confidence: 0.0,
            margin: 0.0,
        }
    }

    /// Whether this token starts an entity (`B-`).
    pub fn begins(&self) -> bool {
        self.label.starts_with("B-")
    }
}

/// A trained tagger.
pub struct Tagger {
    model: model::Model<'static>,
    /// Whether class `c` may follow class `p`: `allowed[(p + 1) * classes + c]`
    /// (`p + 1 = 0`: the sentence start).
    allowed: Vec<bool>,
    tables: scores::Tables,
}

static NER: LazyLock<Tagger> = LazyLock::new(|| {
    Tagger::from_bytes(include_bytes!("../../../../../assets/model/ner.bin"))
        .expect("the embedded NER model is valid")
});
static POS: LazyLock<Tagger> = LazyLock::new(|| {
    Tagger::from_bytes(include_bytes!("../../../../../assets/model/pos.bin"))
        .expect("the embedded POS model is valid")
});

/// The named-entity tagger (labels `O`, `B-`/`I-` + `PER`, `ORG`, `LOC`).
pub fn ner() -> &'static Tagger {
    &NER
}

/// The part-of-speech tagger (UPOS labels).
pub fn pos() -> &'static Tagger {
    &POS
}

impl Tagger {
    /// Read a model (zero-copy). A model whose labels start with `B-` is a BIO tagger.
    pub fn from_bytes(bytes: &'static [u8]) -> Result<Self, ModelError> {
        let model = model::Model::parse(bytes)?;
        let bio = model.labels.iter().any(|l| l.starts_with("B-"));
        let labels: Vec<String> = model.labels.iter().map(|l| l.to_string()).collect();
        let may_follow = train::allowed_transitions(&labels, bio);
        let n = labels.len();
        let prevs = || std::iter::once(u32::MAX).chain(0..n as u32);
        let allowed = prevs()
            .flat_map(|p| (0..n as u32).map(move |c| (p, c)))
            .map(|(p, c)| may_follow(p, c))
            .collect();
        let tables = scores::Tables::new(&model);
        Ok(Tagger {
            model,
            allowed,
            tables,
        })
    }

    /// The labels this tagger gives.
    pub fn labels(&self) -> &[&'static str] {
        &self.model.labels
    }

    /// Tag one sentence's tokens.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        self.tag_prepared(&Prepared::sentence(tokens))
    }

    /// Tag an article's tokens, split into sentences (token ranges; see
    /// [`Prepared::new`]): one tag per token. To run both taggers, prepare
    /// once and call [`Tagger::tag_prepared`] on each.
    pub fn tag_article(&self, tokens: &[&str], sentences: &[Range<usize>]) -> Vec<Tag> {
        self.tag_prepared(&Prepared::new(tokens, sentences))
    }

    /// Tag prepared tokens: one tag per token.
    pub fn tag_prepared(&self, prepared: &Prepared) -> Vec<Tag> {
        let cache = scores::word_scores(&self.model, &self.tables, prepared);
        let mut memo = scores::Memo::new(&self.model, &self.tables, prepared);
        let mut feats = Vec::with_capacity(4);
        let mut scores = vec![0i32; self.model.width()];
        let mut out = Vec::with_capacity(prepared.len());
        let info = |w: u32| &prepared.words[w as usize];
        for range in &prepared.sentences {
            let words = &prepared.tokens[range.clone()];
            let word_at = |i: usize, d: isize| {
                i.checked_add_signed(d)
                    .and_then(|j| words.get(j).copied())
                    .unwrap_or(0)
            };
            let (mut prev, mut prev2) = (u32::MAX, u32::MAX);
            for (i, &w) in words.iter().enumerate() {
                let first = i == 0 || info(words[i - 1]).opener;
                let (left, right) = (word_at(i, -1), word_at(i, 1));
                scores.copy_from_slice(cache.own(w, first));
                for (at, d) in OFFSETS.iter().enumerate() {
                    model::add(&mut scores, cache.neighbour(word_at(i, *d), at));
                }
                self.tables.add_history(prev, prev2, &mut scores);
                memo.add_lex_pair(w, left, false, &mut scores);
                memo.add_lex_pair(w, right, true, &mut scores);
                memo.add_history_word(w, prev, &mut scores);
                feats.clear();
                features::bigrams(info(left), info(w), info(right), &mut feats);
                self.model.add_all(&feats, &mut scores);
                let (tag, class) = self.choose(&scores, prev);
                out.push(tag);
                (prev2, prev) = (prev, class);
            }
        }
        out
    }

    /// The best class allowed after `prev`, as a [`Tag`] and a class number.
    fn choose(&self, scores: &[i32], prev: u32) -> (Tag, u32) {
        let n = self.model.classes();
        let scores = &scores[..n];
        let allowed = &self.allowed[scores::slot(prev) * n..(scores::slot(prev) + 1) * n];
        let (mut best, mut top, mut second) = (None, i32::MIN, i32::MIN);
        for (c, (&s, &ok)) in scores.iter().zip(allowed).enumerate() {
            if !ok {
                continue;
            }
            if best.is_none() || s > top {
                second = top;
                (best, top) = (Some(c), s);
            } else {
                second = second.max(s);
            }
        }
        let class = best.unwrap_or(0);
        let scale = self.model.scale;
        // classes this far below the best add less than e^-20 to the sum
        let cutoff = top.saturating_sub((20.0 / scale) as i32);
        let z: f32 = scores
            .iter()
            .zip(allowed)
            .filter(|&(&s, &ok)| ok && s > cutoff)
            .map(|(s, _)| ((s - top) as f32 * scale).exp())
            .sum();
        let tag = Tag {
            label: self.model.labels[class],
            confidence: 1.0 / z.max(1.0),
            margin: if second == i32::MIN {
                0.0
            } else {
                (top - second) as f32 * scale
            },
        };
        (tag, class as u32)
    }
}

#[cfg(test)]
mod tests;
