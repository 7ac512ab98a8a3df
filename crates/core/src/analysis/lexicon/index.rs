//! A static hash index over a TSV table sorted by its first column: from each
//! distinct key to the byte offset of its first line.
//!
//! `build.rs` builds the indexes of the big tables at compile time (this file
//! is included there too, so both sides hash alike), and the lexicon reads
//! them in place: loading costs nothing, and a lookup is one hash, one slot
//! (a cache line) and, when a key's fingerprint matches, one comparison with
//! the line. Tests build theirs at run time with the same [`build`].
//!
//! (An `fst` map built by `build.rs` was tried instead: 40 % of the size and
//! half the code, loaded as fast, but its look-ups took 2 to 5 times as long:
//! 70-250 ns against 25-190 ns on the words of the GUM fixture.)
//!
//! Layout (little-endian `u32`s): `bits`, `count` (keys), `lines` (data
//! lines), then `2^bits` slots of two: the key's fingerprint (the hash's
//! high 32 bits, | 1; 0 is an empty slot) and the offset of its first line.
//! Key `k` lives in slot `key_hash(k) & (2^bits - 1)` or the next free one
//! (linear probing; the table is at most 70 % full).

use std::borrow::Cow;

/// A stable 64-bit hash of a key: FNV-1a, then the MurmurHash3 finaliser so
/// that both the slot (low bits) and the fingerprint (high bits) depend on
/// every byte. Stable across builds
/// and platforms, unlike the standard library's hashers.
pub fn key_hash(key: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Where the data lines start: after the leading `#` comment lines.
pub fn data_start(text: &str) -> usize {
    let mut at = 0;
    while text[at..].starts_with('#') {
        at = text[at..].find('\n').map_or(text.len(), |n| at + n + 1);
    }
    at
}

/// The first column of a line.
pub fn key_of(line: &str) -> &str {
    match line.bytes().position(|b| b == b'\t') {
        Some(tab) => &line[..tab],
        None => line,
    }
}

/// The proper prefixes of a phrase key that end between two of its tokens
/// (`people's daily` → `people`, `people's`, as the tokens `People` `'s`
/// `Daily` join): none for a one-word key.
pub fn prefixes(key: &str) -> impl Iterator<Item = &str> {
    key.char_indices()
        .skip(1)
        .filter(|&(_, c)| c == ' ' || c == '\'')
        .map(|(i, _)| &key[..i])
}

/// The distinct [`prefixes`] of the table's keys, one a line, sorted: a
/// table of its own (`build.rs` makes it for place names), so that a lookup
/// of a longer and longer phrase can stop as soon as no key goes on.
#[allow(dead_code)] // the library only reads what build.rs made with it
pub fn all_prefixes(text: &str) -> String {
    let mut all: Vec<&str> = text[data_start(text)..]
        .lines()
        .flat_map(|line| prefixes(key_of(line)))
        .collect();
    all.sort_unstable();
    all.dedup();
    all.iter().flat_map(|w| [*w, "\n"]).collect()
}

/// `u32`s before the slots.
const HEADER: usize = 3;

fn fingerprint(hash: u64) -> u32 {
    ((hash >> 32) as u32) | 1
}

/// Build the index of `text` (the whole TSV file, comment lines included).
pub fn build(text: &str) -> Vec<u8> {
    // the first line of each key, in file order
    let mut firsts: Vec<(u64, u32)> = Vec::new();
    let mut last: Option<&str> = None;
    let mut lines = 0u32;
    let mut at = data_start(text);
    for line in text[at..].split('\n') {
        let key = key_of(line);
        lines += u32::from(!line.is_empty());
        if !line.is_empty() && last != Some(key) {
            firsts.push((key_hash(key.as_bytes()), at as u32));
            last = Some(key);
        }
        at += line.len() + 1;
    }
    let cap = (firsts.len() * 10 / 7 + 1).next_power_of_two();
    let mut slots = vec![[0u32; 2]; cap];
    for &(h, offset) in &firsts {
        let mut slot = h as usize & (cap - 1);
        while slots[slot][0] != 0 {
            slot = (slot + 1) & (cap - 1);
        }
        slots[slot] = [fingerprint(h), offset];
    }
    let header = [cap.trailing_zeros(), firsts.len() as u32, lines];
    let mut out = Vec::with_capacity(4 * (HEADER + 2 * cap));
    for n in header.iter().chain(slots.iter().flatten()) {
        out.extend_from_slice(&n.to_le_bytes());
    }
    out
}

/// A built index: compiled in and read in place, or built at run time.
pub struct Index {
    bytes: Cow<'static, [u8]>,
    bits: u32,
}

fn u32_at(bytes: &[u8], i: usize) -> Option<u32> {
    let b = bytes.get(i * 4..i * 4 + 4)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

impl Index {
    /// Take an index written by [`build`]; `None` when the bytes are not one.
    pub fn new(bytes: Cow<'static, [u8]>) -> Option<Self> {
        let bits = u32_at(&bytes, 0)?;
        let count = u32_at(&bytes, 1)? as usize;
        if bits > 31 || count >= 1 << bits || bytes.len() != 4 * (HEADER + (2 << bits)) {
            return None;
        }
        Some(Index { bytes, bits })
    }

    /// Number of data lines in the table.
    pub fn lines(&self) -> usize {
        u32_at(&self.bytes, 2).unwrap_or(0) as usize
    }

    /// Offsets of the lines whose key may be `key` (the caller compares).
    pub fn candidates(&self, key: &str) -> impl Iterator<Item = usize> + '_ {
        let hash = key_hash(key.as_bytes());
        let (mask, fp) = ((1usize << self.bits) - 1, fingerprint(hash));
        let mut slot = hash as usize & mask;
        let mut done = false;
        std::iter::from_fn(move || {
            while !done {
                let k = u32_at(&self.bytes, HEADER + 2 * slot).unwrap_or(0);
                let offset = u32_at(&self.bytes, HEADER + 2 * slot + 1).unwrap_or(0);
                slot = (slot + 1) & mask;
                if k == 0 {
                    done = true; // an empty slot ends the probe
                } else if k == fp {
                    return Some(offset as usize);
                }
            }
            None
        })
    }
}
