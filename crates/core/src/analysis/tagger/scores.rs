//! Scores added up ahead of time, so that tagging a token costs a few vector
//! additions and a handful of table lookups:
//!
//! - [`Tables`]: the weights of the features over small domains (bias,
//!   clause flag, lexicon bits, the classes before), per tagger, at load;
//! - [`word_scores`]: per distinct word of one call, the sum of the features
//!   it gives as the word itself and as each neighbour;
//! - [`Memo`]: per-token features whose keys repeat within a call.
//!
//! Both add exactly the weights that looking every feature up would
//! (`tests.rs` checks this against training's feature lists).

use super::FastMap;
use super::Prepared;
use super::features::{self, BITS, OFFSETS};
use super::model::{Model, add};

/// Score vectors ([`Model::width`] long each) of the small-domain features.
pub(crate) struct Tables {
    classes: usize,
    width: usize,
    rows: Vec<i32>,
}

const B: usize = BITS as usize;

/// Row numbers in [`Tables`].
mod row {
    use super::B;
    pub const BIAS: usize = 0;
    /// + first (0, 1)
    pub const CLAUSE_FLAG: usize = 1;
    /// + bit
    pub const OWN_BIT: usize = 3;
    /// + first * B + bit
    pub const CLAUSE_BIT: usize = OWN_BIT + B;
    /// + at * B + bit
    pub const NEIGHBOUR_BIT: usize = CLAUSE_BIT + 2 * B;
    /// + (prev + 1) * (classes + 1) + (prev2 + 1), then
    /// + (prev + 1) * B + bit for the history bits
    pub const HISTORY: usize = NEIGHBOUR_BIT + 4 * B;
}

/// `u32::MAX` (before the sentence) → 0, class `c` → `c + 1`.
pub(crate) fn slot(class: u32) -> usize {
    class.wrapping_add(1) as usize
}

impl Tables {
    pub(crate) fn new(model: &Model) -> Self {
        let classes = model.classes();
        let prevs = || std::iter::once(u32::MAX).chain(0..classes as u32);
        let mut feats: Vec<Vec<u64>> = vec![vec![features::bias()]];
        for first in [false, true] {
            feats.push(vec![features::clause_flag(first)]);
        }
        feats.extend((0..BITS).map(|b| vec![features::own_bit(b)]));
        for first in [false, true] {
            feats.extend((0..BITS).map(|b| vec![features::clause_bit(b, first)]));
        }
        for at in 0..OFFSETS.len() {
            feats.extend((0..BITS).map(|b| vec![features::neighbour_bit(at, b)]));
        }
        for prev in prevs() {
            for prev2 in prevs() {
                let mut f = Vec::new();
                features::history(prev, prev2, &mut f);
                feats.push(f);
            }
        }
        for prev in prevs() {
            feats.extend((0..BITS).map(|b| vec![features::history_bit(b, prev)]));
        }
        let width = model.width();
        let mut rows = vec![0i32; feats.len() * width];
        for (f, r) in feats.iter().zip(rows.chunks_exact_mut(width)) {
            model.add_all(f, r);
        }
        Tables {
            classes,
            width,
            rows,
        }
    }

    fn row(&self, r: usize) -> &[i32] {
        &self.rows[r * self.width..(r + 1) * self.width]
    }

    fn history_bits(&self) -> usize {
        row::HISTORY + (self.classes + 1) * (self.classes + 1)
    }

    /// Add the scores of the classes before.
    pub(crate) fn add_history(&self, prev: u32, prev2: u32, scores: &mut [i32]) {
        let n = self.classes + 1;
        add(
            scores,
            self.row(row::HISTORY + slot(prev) * n + slot(prev2)),
        );
    }

    /// Add the scores of the word's lexicon bits with the class before.
    fn add_history_bits(&self, lex: u32, prev: u32, scores: &mut [i32]) {
        for b in features::bits(lex) {
            add(
                scores,
                self.row(self.history_bits() + slot(prev) * B + b as usize),
            );
        }
    }
}

/// Six score vectors ([`Model::width`] long) per key: the key's share of a
/// word's own features where it does not / does start a clause, then of its
/// features as the neighbour at each of [`OFFSETS`].
pub(crate) struct Block {
    width: usize,
    scores: Vec<i32>,
}

const PARTS: usize = 6;

impl Block {
    /// One block per key, filled by `fill` (given a word of the key and
    /// its six zeroed vectors).
    fn build(width: usize, keys: &[u32], mut fill: impl FnMut(u32, &mut [i32])) -> Self {
        let mut scores = vec![0i32; keys.len() * PARTS * width];
        for (&w, chunk) in keys.iter().zip(scores.chunks_exact_mut(PARTS * width)) {
            fill(w, chunk);
        }
        Block { width, scores }
    }

    fn part(&self, key: u32, part: usize) -> &[i32] {
        let at = (key as usize * PARTS + part) * self.width;
        &self.scores[at..at + self.width]
    }

    /// The word's own scores, where it does or does not start a clause.
    pub(crate) fn own(&self, word: u32, first: bool) -> &[i32] {
        self.part(word, usize::from(first))
    }

    /// The scores the word gives as the neighbour at [`OFFSETS`]`[at]`.
    pub(crate) fn neighbour(&self, word: u32, at: usize) -> &[i32] {
        self.part(word, 2 + at)
    }
}

/// The scores of every distinct word of a call ([`Block`]), built from
/// those of every distinct shape and set of lexicon bits, so that each
/// feature is looked up once per key it depends on.
pub(crate) fn word_scores(model: &Model, tables: &Tables, prepared: &Prepared) -> Block {
    let classes = model.width();
    let words = &prepared.words;
    let mut feats = Vec::with_capacity(8);
    let mut base = vec![0i32; classes];
    let shapes = Block::build(classes, &prepared.shapes, |w, parts| {
        let w = &words[w as usize];
        let mut parts = parts.chunks_exact_mut(classes);
        base.iter_mut().for_each(|x| *x = 0);
        feats.clear();
        features::own_shape(w, &mut feats);
        model.add_all(&feats, &mut base);
        for (first, part) in [false, true].into_iter().zip(&mut parts) {
            part.copy_from_slice(&base);
            model.add_all(&[features::clause(w, first)], part);
        }
        for (at, part) in parts.enumerate() {
            model.add_all(&[features::neighbour_shape(w, at)], part);
        }
    });
    let lexes = Block::build(classes, &prepared.lexes, |w, parts| {
        let lex = words[w as usize].lex;
        let mut parts = parts.chunks_exact_mut(classes);
        base.copy_from_slice(tables.row(row::BIAS));
        for b in features::bits(lex) {
            add(&mut base, tables.row(row::OWN_BIT + b as usize));
        }
        model.add_all(&[features::own_lex(&words[w as usize])], &mut base);
        for (f, part) in (0..2).zip(&mut parts) {
            part.copy_from_slice(&base);
            add(part, tables.row(row::CLAUSE_FLAG + f));
            for b in features::bits(lex) {
                add(part, tables.row(row::CLAUSE_BIT + f * B + b as usize));
            }
        }
        for (at, part) in parts.enumerate() {
            for b in features::bits(lex) {
                add(part, tables.row(row::NEIGHBOUR_BIT + at * B + b as usize));
            }
        }
    });
    let all: Vec<u32> = (0..words.len() as u32).collect();
    Block::build(classes, &all, |w, parts| {
        let w = &words[w as usize];
        base.iter_mut().for_each(|x| *x = 0);
        feats.clear();
        features::own(w, &mut feats);
        model.add_all(&feats, &mut base);
        for (p, part) in parts.chunks_exact_mut(classes).enumerate() {
            if p < 2 {
                part.copy_from_slice(&base);
            } else {
                model.add_all(&[features::neighbour(w, p - 2)], part);
            }
            add(part, shapes.part(w.shape_id, p));
            add(part, lexes.part(w.lex_id, p));
        }
    })
}

/// Score rows computed on demand and kept in one arena: `slots[key]` is
/// 0 while key `key` has none, else its row number + 1.
struct Rows {
    width: usize,
    slots: Vec<u32>,
    arena: Vec<i32>,
}

impl Rows {
    fn new(width: usize, keys: usize) -> Self {
        Rows {
            width,
            slots: vec![0; keys],
            arena: Vec::new(),
        }
    }

    /// The row of `key`, made by `fill` (given a zeroed row) the first time.
    fn get(&mut self, key: usize, fill: impl FnOnce(&mut [i32])) -> &[i32] {
        let n = self.width;
        let row = match self.slots[key] {
            0 => {
                let row = self.arena.len() / n;
                self.arena.resize(self.arena.len() + n, 0);
                fill(&mut self.arena[row * n..]);
                self.slots[key] = row as u32 + 1;
                row
            }
            r => r as usize - 1,
        };
        &self.arena[row * n..(row + 1) * n]
    }
}

/// Sets of lexicon bits up to which the pairs of them are indexed directly
/// (`LEX_DENSE`² × 2 slots); beyond, a hash map numbers the pairs.
const LEX_DENSE: usize = 512;

/// Scores of the per-token features whose keys repeat within a call (the
/// class before with the word, its shape and its lexicon bits; the word's
/// lexicon bits with a neighbour's), looked up the first time each key comes.
pub(crate) struct Memo<'a> {
    model: &'a Model<'a>,
    tables: &'a Tables,
    prepared: &'a Prepared,
    classes: usize,
    /// Per word and class before (`slot`).
    history: Rows,
    /// Per (lexicon bits, neighbour's, right-hand neighbour or not): the
    /// key in `lex_pairs`, directly or through `lex_pair_keys`.
    lex_pairs: Rows,
    lex_pair_keys: FastMap<(u32, u32, bool), u32>,
}

impl<'a> Memo<'a> {
    pub(crate) fn new(model: &'a Model<'a>, tables: &'a Tables, prepared: &'a Prepared) -> Self {
        let classes = model.classes();
        let lexes = prepared.lexes.len();
        Memo {
            model,
            tables,
            prepared,
            classes,
            history: Rows::new(model.width(), prepared.words.len() * (classes + 1)),
            lex_pairs: Rows::new(
                model.width(),
                if lexes <= LEX_DENSE {
                    lexes * lexes * 2
                } else {
                    0
                },
            ),
            lex_pair_keys: FastMap::default(),
        }
    }

    /// Add the scores of the class before with word `w`: with the word
    /// itself, its shape and each of its lexicon bits.
    pub(crate) fn add_history_word(&mut self, w: u32, prev: u32, scores: &mut [i32]) {
        let info = &self.prepared.words[w as usize];
        let key = w as usize * (self.classes + 1) + slot(prev);
        let (model, tables) = (self.model, self.tables);
        let row = self.history.get(key, |row| {
            model.add_all(
                &[
                    features::history_word(prev, info),
                    features::history_shape(prev, info),
                ],
                row,
            );
            tables.add_history_bits(info.lex, prev, row);
        });
        add(scores, row);
    }

    /// Add the scores of word `w`'s lexicon bits with those of its
    /// neighbour `n` (on the right or not).
    pub(crate) fn add_lex_pair(&mut self, w: u32, n: u32, right: bool, scores: &mut [i32]) {
        let words = &self.prepared.words;
        let (w, n) = (&words[w as usize], &words[n as usize]);
        let lexes = self.prepared.lexes.len();
        let key = if lexes <= LEX_DENSE {
            (w.lex_id as usize * lexes + n.lex_id as usize) * 2 + usize::from(right)
        } else {
            let next = self.lex_pair_keys.len() as u32;
            let key = *self
                .lex_pair_keys
                .entry((w.lex_id, n.lex_id, right))
                .or_insert(next);
            if key == next {
                self.lex_pairs.slots.push(0);
            }
            key as usize
        };
        let model = self.model;
        let row = self.lex_pairs.get(key, |row| {
            model.add_all(&[features::lex_pair(w, n, right)], row);
        });
        add(scores, row);
    }
}
