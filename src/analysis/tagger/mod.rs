//! Learned sequence taggers: named entities (BIO labels `PER`, `ORG`, `LOC`)
//! and parts of speech (Universal Dependencies UPOS), both greedy averaged
//! perceptrons over the same features (`features.rs`), trained by
//! `examples/train_tagger` on GUM (and WNUT-17 for entities) and embedded from
//! `assets/model/` (format: `model.rs`; provenance: `assets/README.md`).
//!
//! Tokens follow UD/PTB conventions: punctuation and quotation marks apart,
//! possessive `'s` split off, hyphenated words whole, abbreviations with their
//! periods. One call tags one sentence.

mod features;
mod model;
pub mod train;

use std::sync::LazyLock;

pub use model::ModelError;

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

    /// Whether this token starts an entity (`B-`).
    pub fn begins(&self) -> bool {
        self.label.starts_with("B-")
    }
}

/// A trained tagger.
pub struct Tagger {
    model: model::Model<'static>,
    bio: bool,
}

static NER: LazyLock<Tagger> = LazyLock::new(|| {
    Tagger::from_bytes(include_bytes!("../../../assets/model/ner.bin"))
        .expect("the embedded NER model is valid")
});
static POS: LazyLock<Tagger> = LazyLock::new(|| {
    Tagger::from_bytes(include_bytes!("../../../assets/model/pos.bin"))
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
        Ok(Tagger { model, bio })
    }

    /// The labels this tagger gives.
    pub fn labels(&self) -> &[&'static str] {
        &self.model.labels
    }

    /// Tag one sentence's tokens.
    pub fn tag(&self, tokens: &[&str]) -> Vec<Tag> {
        let infos = features::token_infos(tokens);
        let labels: Vec<String> = self.model.labels.iter().map(|l| l.to_string()).collect();
        let allowed = train::allowed_transitions(&labels, self.bio);
        let n = self.model.classes();
        let mut feats = Vec::with_capacity(128);
        let mut scores = vec![0i32; n];
        let mut out = Vec::with_capacity(tokens.len());
        let (mut prev, mut prev2) = (u32::MAX, u32::MAX);
        for i in 0..infos.len() {
            features::features(&infos, i, prev, prev2, &mut feats);
            scores.iter_mut().for_each(|s| *s = 0);
            for f in &feats {
                self.model.add(*f, &mut scores);
            }
            let (mut best, mut second) = (None::<(u32, i32)>, i32::MIN);
            for (c, s) in scores.iter().enumerate() {
                if !allowed(prev, c as u32) {
                    continue;
                }
                match best {
                    Some((_, b)) if *s <= b => second = second.max(*s),
                    _ => {
                        if let Some((_, b)) = best {
                            second = second.max(b);
                        }
                        best = Some((c as u32, *s));
                    }
                }
            }
            let (class, top) = best.unwrap_or((0, 0));
            let scale = self.model.scale;
            let z: f32 = scores
                .iter()
                .enumerate()
                .filter(|(c, _)| allowed(prev, *c as u32))
                .map(|(_, s)| ((s - top) as f32 * scale).exp())
                .sum();
            out.push(Tag {
                label: self.model.labels[class as usize],
                confidence: 1.0 / z.max(1.0),
                margin: if second == i32::MIN {
                    0.0
                } else {
                    (top - second) as f32 * scale
                },
            });
            prev2 = prev;
            prev = class;
        }
        let _ = prev2;
        out
    }
}

#[cfg(test)]
mod tests;
