//! Training: a greedy left-to-right averaged perceptron (Collins 2002, with
//! the "averaging by timestamps" trick), deterministic for a given seed.
//! Used by `examples/train_tagger`; the runtime needs only [`super::Tagger`].

use super::Prepared;
use super::features;
use super::model;
use std::collections::HashMap;

/// One training sentence: tokens and the gold label of each.
pub struct Sentence {
    pub tokens: Vec<String>,
    pub labels: Vec<String>,
}

/// Training settings.
pub struct Settings {
    pub epochs: usize,
    pub seed: u64,
    /// Features whose averaged weights all stay below this are dropped.
    pub prune_below: f32,
    /// Label constraint for BIO tagging: `I-X` only after `B-X` or `I-X`.
    pub bio: bool,
}

struct Weights {
    w: Vec<f32>,
    /// sum of (update time × update), for averaging
    u: Vec<f32>,
}

/// Train a model and return its bytes (format: `model.rs`).
pub fn train(
    sentences: &[Sentence],
    settings: &Settings,
    mut progress: impl FnMut(usize, f32),
) -> Vec<u8> {
    let mut labels: Vec<String> = sentences
        .iter()
        .flat_map(|s| s.labels.iter().cloned())
        .collect();
    labels.sort();
    labels.dedup();
    let index: HashMap<&str, u32> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u32))
        .collect();
    let n = labels.len();
    let allowed = allowed_transitions(&labels, settings.bio);
    // every token's features but those of the classes before it, once
    let all_tokens: Vec<&str> = sentences
        .iter()
        .flat_map(|s| s.tokens.iter().map(String::as_str))
        .collect();
    let mut ranges = Vec::with_capacity(sentences.len());
    for s in sentences {
        let start = ranges.last().map_or(0, |r: &std::ops::Range<usize>| r.end);
        ranges.push(start..start + s.tokens.len());
    }
    let prepared = Prepared::new(&all_tokens, &ranges);
    let boundary = &prepared.words[0];
    let mut fixed: Vec<u64> = Vec::new();
    let mut fixed_at: Vec<usize> = vec![0];
    let mut gold: Vec<u32> = Vec::with_capacity(all_tokens.len());
    let mut sentence_of: Vec<std::ops::Range<usize>> = Vec::with_capacity(sentences.len());
    let mut feats = Vec::new();
    for (k, s) in sentences.iter().enumerate() {
        let words = prepared.sentence_words_in(&ranges[k]);
        sentence_of.push(gold.len()..gold.len() + words.len());
        for i in 0..words.len() {
            features::context(&words, boundary, i, &mut feats);
            fixed.extend_from_slice(&feats);
            fixed_at.push(fixed.len());
        }
        gold.extend(s.labels.iter().map(|l| index[l.as_str()]));
    }
    let mut weights: HashMap<u64, Weights> = HashMap::new();
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut rng = settings.seed.max(1);
    let mut time = 1f32;
    let mut scores = vec![0f32; n];
    for epoch in 0..settings.epochs {
        // Fisher-Yates with xorshift64: the same order for the same seed
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        let (mut right, mut total) = (0usize, 0usize);
        for &si in &order {
            let range = sentence_of[si].clone();
            let words = prepared.sentence_words_in(&ranges[si]);
            let (mut prev, mut prev2) = (u32::MAX, u32::MAX);
            for (i, t) in range.enumerate() {
                let truth = gold[t];
                feats.clear();
                feats.extend_from_slice(&fixed[fixed_at[t]..fixed_at[t + 1]]);
                features::given_history(words[i], prev, prev2, &mut feats);
                scores.iter_mut().for_each(|s| *s = 0.0);
                for f in &feats {
                    if let Some(w) = weights.get(f) {
                        scores.iter_mut().zip(&w.w).for_each(|(s, w)| *s += w);
                    }
                }
                let guess = best(&scores, |c| allowed(prev, c));
                if guess != truth {
                    for f in &feats {
                        let w = weights.entry(*f).or_insert_with(|| Weights {
                            w: vec![0.0; n],
                            u: vec![0.0; n],
                        });
                        w.w[truth as usize] += 1.0;
                        w.u[truth as usize] += time;
                        w.w[guess as usize] -= 1.0;
                        w.u[guess as usize] -= time;
                    }
                } else {
                    right += 1;
                }
                total += 1;
                time += 1.0;
                prev2 = prev;
                prev = guess;
            }
        }
        progress(epoch, right as f32 / total.max(1) as f32);
    }
    let mut kept: Vec<(u64, Vec<f32>)> = weights
        .into_iter()
        .map(|(h, w)| {
            let avg: Vec<f32> = w.w.iter().zip(&w.u).map(|(w, u)| w - u / time).collect();
            (h, avg)
        })
        .filter(|(_, w)| w.iter().any(|x| x.abs() >= settings.prune_below))
        .collect();
    kept.sort_by_key(|(h, _)| *h);
    model::write(&labels, &kept)
}

/// Which class may follow which: with `bio`, `I-X` only after `B-X`/`I-X`.
pub(crate) fn allowed_transitions(labels: &[String], bio: bool) -> impl Fn(u32, u32) -> bool + '_ {
    move |prev: u32, class: u32| {
        if !bio {
            return true;
        }
        let Some(ty) = labels[class as usize].strip_prefix("I-") else {
            return true;
        };
        labels
            .get(prev as usize)
            .is_some_and(|p| p.strip_prefix("B-").or_else(|| p.strip_prefix("I-")) == Some(ty))
    }
}

fn best(scores: &[f32], allowed: impl Fn(u32) -> bool) -> u32 {
    let mut best = (0u32, f32::NEG_INFINITY);
    for (c, s) in scores.iter().enumerate() {
        if allowed(c as u32) && *s > best.1 {
            best = (c as u32, *s);
        }
    }
    best.0
}
