//! How long the lexicon takes to load, and what a lookup costs.
//! `cargo bench --profile dist --bench lexicon`

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::analysis::lexicon::{self, Lexicon};
use std::hint::black_box;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(c: &mut Criterion) {
    c.bench_function("lexicon load", |b| b.iter(|| black_box(Lexicon::load())));
}

fn lookups(c: &mut Criterion) {
    let lex = lexicon::get();
    let words = [
        "Pyongyang",
        "said",
        "Moon",
        "Jae-in",
        "President",
        "State",
        "Department",
        "Paris",
        "the",
        "U.S.",
    ];
    c.bench_function("lexicon 10 tokens x all lookups", |b| {
        b.iter(|| {
            for w in words {
                black_box(lex.given_name(w));
                black_box(lex.surname(w));
                black_box(lex.family_first(w));
                black_box(lex.title(w));
                black_box(lex.org_cue(w));
                black_box(lex.place(w));
                black_box(lex.common_word(w));
                black_box(lex.calendar(w));
            }
        })
    });
}

criterion_group!(benches, load, lookups);
criterion_main!(benches);
