//! A per-thread memo of the lookups that search the big tables (given
//! names, surnames, words, places): an article asks about the same few
//! thousand words again and again (`Trump` in every sentence), and a table
//! search costs a couple of cache misses where a memo hit costs a hash.
//!
//! Each memo is direct-mapped (a fixed number of slots, a new entry
//! replacing the old one in its slot), so memory stays bounded whatever the
//! input. [`forget`] empties them all at once; the analysis calls it when it
//! starts on a document, so that one document's answers are not carried to
//! the next (the answers would be the same; the timings would not). Results
//! never depend on the memo: a miss computes the same value.

use std::cell::{Cell, RefCell};
use std::hash::BuildHasher;
use std::thread::LocalKey;

const SLOTS: usize = 1 << 13;

struct Slot<V> {
    generation: u64,
    key: String,
    value: V,
}

/// One memo: `SLOTS` slots, filled on demand.
pub(crate) struct Memo<V> {
    slots: Vec<Option<Slot<V>>>,
}

impl<V> Memo<V> {
    pub(crate) fn new() -> Self {
        Memo { slots: Vec::new() }
    }
}

thread_local! {
    pub(crate) static GIVEN: RefCell<Memo<Option<super::GivenName>>> = RefCell::new(Memo::new());
    pub(crate) static SURNAME: RefCell<Memo<Option<f32>>> = RefCell::new(Memo::new());
    pub(crate) static WORD: RefCell<Memo<Option<super::Word>>> = RefCell::new(Memo::new());
    pub(crate) static PLACE: RefCell<Memo<Option<super::PlaceMatch>>> = RefCell::new(Memo::new());
    pub(crate) static PLACE_GOES_ON: RefCell<Memo<bool>> = RefCell::new(Memo::new());
    /// Entries of older generations are stale.
    static GENERATION: Cell<u64> = const { Cell::new(1) };
}

/// Forget everything memoised on this thread.
pub(crate) fn forget() {
    GENERATION.with(|g| g.set(g.get() + 1));
}

fn slot_of(key: &str) -> usize {
    foldhash::fast::FixedState::default().hash_one(key) as usize & (SLOTS - 1)
}

/// `compute()` for `key`, or what it gave before on this thread (since the
/// last [`forget`]).
pub(crate) fn cached<V: Copy + 'static>(
    memo: &'static LocalKey<RefCell<Memo<V>>>,
    key: &str,
    compute: impl FnOnce() -> V,
) -> V {
    let generation = GENERATION.with(Cell::get);
    let at = slot_of(key);
    let hit = memo.with_borrow(|m| match m.slots.get(at) {
        Some(Some(s)) if s.generation == generation && s.key == key => Some(s.value),
        _ => None,
    });
    if let Some(v) = hit {
        return v;
    }
    // computed outside the borrow: `compute` may use other memos
    let value = compute();
    memo.with_borrow_mut(|m| {
        if m.slots.is_empty() {
            m.slots.resize_with(SLOTS, || None);
        }
        match &mut m.slots[at] {
            Some(s) => {
                s.generation = generation;
                s.key.clear();
                s.key.push_str(key);
                s.value = value;
            }
            empty => {
                *empty = Some(Slot {
                    generation,
                    key: key.to_string(),
                    value,
                })
            }
        }
    });
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static SQUARES: RefCell<Memo<usize>> = RefCell::new(Memo::new());
    }

    #[test]
    fn a_memo_answers_as_the_computation_and_forgets() {
        let calls = Cell::new(0);
        let len = |k: &str| {
            cached(&SQUARES, k, || {
                calls.set(calls.get() + 1);
                k.len() * k.len()
            })
        };
        assert_eq!(len("abc"), 9);
        assert_eq!(len("abc"), 9);
        assert_eq!(calls.get(), 1);
        assert_eq!(len("abcd"), 16);
        forget();
        assert_eq!(len("abc"), 9);
        assert_eq!(calls.get(), 3);
        // many keys: slots are shared, answers stay right
        for i in 0..3 * SLOTS {
            let k = i.to_string();
            assert_eq!(len(&k), k.len() * k.len());
        }
    }
}
