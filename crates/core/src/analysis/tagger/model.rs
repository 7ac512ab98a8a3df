//! The compact binary model: a hash table from feature hash to a row of
//! quantised weights. The table is read in place from the embedded bytes;
//! the weights are copied once into aligned `i16`s (about 1 MB, a fraction
//! of a millisecond), which the processor adds up a row at a time.
//!
//! Layout (all integers little-endian):
//!
//! ```text
//! magic   b"GLTG"          version u32 = 2
//! classes u32              then per class: len u16, UTF-8 label
//! scale   f32              a weight is i16 * scale
//! cap     u32              slots in the table (a power of two)
//! rows    u32              rows of weights
//! slots   [(u32, u32); cap] per slot: the high 32 bits of the feature hash
//!                          | 1 (0 = empty slot), and the slot's row
//! weights [i16; rows * classes]
//! ```
//!
//! A feature hash `h` lives in slot `h & (cap - 1)` or the next free one
//! (linear probing); a slot's key and row share a cache line.

use std::fmt;

const MAGIC: &[u8; 4] = b"GLTG";
const VERSION: u32 = 2;

/// A model that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub &'static str);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid tagger model: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

pub(crate) struct Model<'a> {
    pub labels: Vec<&'a str>,
    pub scale: f32,
    mask: usize,
    slots: &'a [u8],
    /// Rows of [`Model::width`] weights: a row's classes, then zeros.
    weights: Vec<i16>,
    width: usize,
    /// A bit per value of a key's [`FILTER_BITS`] low bits (but the last,
    /// always 1) that some slot holds: most features looked up are in no
    /// slot, and the table is too full to find that out in one probe.
    filter: Vec<u64>,
}

/// Bits of the key that index [`Model::filter`] (128 KB).
const FILTER_BITS: u32 = 20;

fn filter_bit(key: u32) -> usize {
    ((key >> 1) & ((1 << FILTER_BITS) - 1)) as usize
}

/// Score vectors are cut into groups of this many classes, which the
/// processor adds up at once; a vector is padded with zeros to a whole
/// number of groups ([`Model::width`]).
pub(crate) const LANES: usize = 8;

/// `scores += more`, both [`Model::width`] long.
pub(crate) fn add(scores: &mut [i32], more: &[i32]) {
    for (s, m) in scores.chunks_exact_mut(LANES).zip(more.chunks_exact(LANES)) {
        for (s, m) in s.iter_mut().zip(m) {
            *s += m;
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.at.checked_add(n).ok_or(ModelError("size overflow"))?;
        let s = self
            .bytes
            .get(self.at..end)
            .ok_or(ModelError("truncated"))?;
        self.at = end;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    let b = &bytes[i * 4..i * 4 + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

impl<'a> Model<'a> {
    pub(crate) fn parse(bytes: &'a [u8]) -> Result<Self, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(4)? != MAGIC {
            return Err(ModelError("not a gloss tagger model"));
        }
        if r.u32()? != VERSION {
            return Err(ModelError("unknown version"));
        }
        let classes = r.u32()? as usize;
        if classes == 0 || classes > 256 {
            return Err(ModelError("bad number of classes"));
        }
        let mut labels = Vec::with_capacity(classes);
        for _ in 0..classes {
            let len = r.take(2)?;
            let len = u16::from_le_bytes([len[0], len[1]]) as usize;
            labels.push(
                std::str::from_utf8(r.take(len)?).map_err(|_| ModelError("label not UTF-8"))?,
            );
        }
        let scale = f32::from_bits(r.u32()?);
        let cap = r.u32()? as usize;
        if !cap.is_power_of_two() {
            return Err(ModelError("table size not a power of two"));
        }
        let n_rows = r.u32()? as usize;
        let slots = r.take(cap * 8)?;
        let width = classes.div_ceil(LANES) * LANES;
        let mut weights = Vec::with_capacity(n_rows * width);
        for row in r.take(n_rows * classes * 2)?.chunks_exact(classes * 2) {
            weights.extend(
                row.chunks_exact(2)
                    .map(|c| i16::from_le_bytes([c[0], c[1]])),
            );
            weights.resize(weights.len() + width - classes, 0);
        }
        if r.at != bytes.len() {
            return Err(ModelError("trailing bytes"));
        }
        let mut filter = vec![0u64; (1 << FILTER_BITS) / 64];
        for slot in 0..cap {
            let key = u32_at(slots, 2 * slot);
            if key != 0 {
                let bit = filter_bit(key);
                filter[bit / 64] |= 1 << (bit % 64);
            }
        }
        Ok(Model {
            labels,
            scale,
            mask: cap - 1,
            slots,
            weights,
            width,
            filter,
        })
    }

    pub(crate) fn classes(&self) -> usize {
        self.labels.len()
    }

    /// Length of a score vector: [`Model::classes`] rounded up to whole
    /// [`LANES`].
    pub(crate) fn width(&self) -> usize {
        self.width
    }

    /// The row of feature `h`, probing from its home slot (whose key and
    /// row the caller may already have read).
    fn row(&self, h: u64, home: (u32, u32)) -> Option<usize> {
        let key = key_of(h);
        let (mut k, mut row) = home;
        let mut slot = h as usize & self.mask;
        loop {
            if k == 0 {
                return None;
            }
            if k == key {
                return Some(row as usize);
            }
            slot = (slot + 1) & self.mask;
            (k, row) = self.slot(slot);
        }
    }

    fn slot(&self, slot: usize) -> (u32, u32) {
        (
            u32_at(self.slots, 2 * slot),
            u32_at(self.slots, 2 * slot + 1),
        )
    }

    /// Add the weights of row `row` to `scores` (in quantised units):
    /// [`Model::width`] of them, or the first classes of a shorter vector.
    fn add_row(&self, row: usize, scores: &mut [i32]) {
        let n = self.width;
        // a damaged row index gives no weights rather than a panic
        let Some(w) = self.weights.get(row * n..(row + 1) * n) else {
            return;
        };
        if scores.len() == n {
            for (s, w) in scores.chunks_exact_mut(LANES).zip(w.chunks_exact(LANES)) {
                for (s, w) in s.iter_mut().zip(w) {
                    *s += i32::from(*w);
                }
            }
        } else {
            for (s, w) in scores.iter_mut().zip(w) {
                *s += i32::from(*w);
            }
        }
    }

    /// Add the weights of feature `h` to `scores` (in quantised units).
    #[cfg(test)]
    pub(crate) fn add(&self, h: u64, scores: &mut [i32]) {
        if let Some(row) = self.row(h, self.slot(h as usize & self.mask)) {
            self.add_row(row, scores);
        }
    }

    /// Add the weights of every feature in `hs`. The table is larger than
    /// the processor's caches, so this reads every feature's home slot
    /// first, then every row: loads that do not wait for one another.
    pub(crate) fn add_all(&self, hs: &[u64], scores: &mut [i32]) {
        // most calls (a token's bigrams) bring two features: small arrays
        // for them, cheap to set up
        if hs.len() <= 4 {
            self.add_batch::<4>(hs, scores);
        } else {
            for batch in hs.chunks(32) {
                self.add_batch::<32>(batch, scores);
            }
        }
    }

    /// Whether some slot may hold the feature of key `key`.
    fn may_hold(&self, key: u32) -> bool {
        let bit = filter_bit(key);
        self.filter[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// [`Model::add_all`] for at most `N` features.
    fn add_batch<const N: usize>(&self, batch: &[u64], scores: &mut [i32]) {
        let mut home = [(0u32, 0u32); N];
        for (slot, &h) in home.iter_mut().zip(batch) {
            if self.may_hold(key_of(h)) {
                *slot = self.slot(h as usize & self.mask);
            }
        }
        let mut rows = [0usize; N];
        let mut found = 0;
        for (&h, &slot) in batch.iter().zip(&home) {
            if let Some(row) = self.row(h, slot) {
                rows[found] = row;
                found += 1;
            }
        }
        for &row in &rows[..found] {
            self.add_row(row, scores);
        }
    }
}

/// The part of a feature hash a slot keeps (never 0: 0 is an empty slot).
fn key_of(h: u64) -> u32 {
    ((h >> 32) as u32) | 1
}

/// Write a model from float weights per feature hash (see the layout above).
/// Weights are quantised to i16 against the largest magnitude.
pub(crate) fn write(labels: &[String], features: &[(u64, Vec<f32>)]) -> Vec<u8> {
    let classes = labels.len();
    let max = features
        .iter()
        .flat_map(|(_, w)| w.iter())
        .fold(0f32, |m, w| m.max(w.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    // at most 3/4 full
    let cap = (features.len() * 4 / 3 + 1).next_power_of_two().max(16);
    let mut keys = vec![0u32; cap];
    let mut rows = vec![0u32; cap];
    let mut weights: Vec<i16> = Vec::with_capacity(features.len() * classes);
    for (h, w) in features {
        let key = key_of(*h);
        let mut slot = *h as usize & (cap - 1);
        while keys[slot] != 0 && keys[slot] != key {
            slot = (slot + 1) & (cap - 1);
        }
        if keys[slot] == key {
            continue; // a 64-bit hash collision in the kept bits: keep the first
        }
        keys[slot] = key;
        rows[slot] = (weights.len() / classes) as u32;
        weights.extend(
            w.iter()
                .map(|x| (x / scale).round().clamp(-32767.0, 32767.0) as i16),
        );
    }
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&(classes as u32).to_le_bytes());
    for l in labels {
        out.extend_from_slice(&(l.len() as u16).to_le_bytes());
        out.extend_from_slice(l.as_bytes());
    }
    out.extend_from_slice(&scale.to_bits().to_le_bytes());
    out.extend_from_slice(&(cap as u32).to_le_bytes());
    out.extend_from_slice(&((weights.len() / classes) as u32).to_le_bytes());
    for (k, r) in keys.iter().zip(&rows) {
        out.extend_from_slice(&k.to_le_bytes());
        out.extend_from_slice(&r.to_le_bytes());
    }
    weights
        .iter()
        .for_each(|w| out.extend_from_slice(&w.to_le_bytes()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_model_reads_back() {
        let labels = vec!["A".to_string(), "B".to_string()];
        let bytes = write(
            &labels,
            &[
                (0x1234_5678_9abc_def0, vec![1.0, -2.0]),
                (42, vec![0.5, 0.0]),
            ],
        );
        let m = Model::parse(&bytes).expect("valid");
        assert_eq!(m.labels, ["A", "B"]);
        let mut s = [0i32; 2];
        m.add(0x1234_5678_9abc_def0, &mut s);
        assert!(
            (s[0] as f32 * m.scale - 1.0).abs() < 1e-3
                && (s[1] as f32 * m.scale + 2.0).abs() < 1e-3
        );
        let mut none = [0i32; 2];
        m.add(7, &mut none);
        assert_eq!(none, [0, 0]);
    }

    #[test]
    fn looking_up_many_at_once_finds_what_one_by_one_finds() {
        let labels: Vec<String> = (0..3).map(|c| c.to_string()).collect();
        let stored: Vec<(u64, Vec<f32>)> = (1..200u64)
            .map(|i| {
                (
                    i.wrapping_mul(0x9e37_79b9_7f4a_7c15),
                    vec![i as f32, -1.0, 0.5],
                )
            })
            .collect();
        let bytes = write(&labels, &stored);
        let m = Model::parse(&bytes).expect("valid");
        // stored features and absent ones, in batches small and large
        let asked: Vec<u64> = (0..400u64)
            .map(|i| i.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ (i % 3 == 0) as u64)
            .collect();
        for n in [1, 2, 4, 5, 40, 400] {
            let mut one_by_one = vec![0i32; m.width()];
            for &h in &asked[..n] {
                m.add(h, &mut one_by_one);
            }
            let mut all = vec![0i32; m.width()];
            m.add_all(&asked[..n], &mut all);
            assert_eq!(all, one_by_one, "{n} features");
        }
        assert!(stored.iter().any(|(h, _)| m.may_hold(key_of(*h))));
    }

    #[test]
    fn damaged_models_are_refused() {
        let bytes = write(&["A".to_string()], &[(1, vec![1.0])]);
        assert!(Model::parse(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::parse(b"nope").is_err());
        let mut extra = bytes.clone();
        extra.push(0);
        assert!(Model::parse(&extra).is_err());
    }
}
