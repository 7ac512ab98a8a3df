//! Tagging speed and model load time. `cargo bench --profile dist --bench tagger`
//!
//! `tagger/article` tags a 10 KB news article (the bundled sample followed by
//! `fixtures/harbour.txt`, tokenised and split as the analysis does) with
//! both taggers; `tagger/ner` and `tagger/pos` tag four short sentences
//! (throughput in tokens per second, criterion "elements").

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::analysis::doc::Doc;
use gloss::analysis::tagger::{self, Prepared, Tagger};
use gloss::article::{CleanOptions, clean};
use gloss::source::SAMPLE;
use std::hint::black_box;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const SENTENCES: &[&str] = &[
    "North Korean leader Kim Jong Un told South Korean President Moon Jae-in on Sunday that he was ready to meet Donald Trump again .",
    "Secretary of State Michael Pompeo said the State Department would send a team to Pyongyang next week .",
    "The World Health Organization warned that the outbreak in Lagos , Nigeria 's largest city , could spread .",
    "\" We are making progress , \" Ngozi Okonjo-Iweala told reporters in Geneva on Dec. 3 .",
];

fn tagging(c: &mut Criterion) {
    let sents: Vec<Vec<&str>> = SENTENCES.iter().map(|s| s.split(' ').collect()).collect();
    let tokens: usize = sents.iter().map(Vec::len).sum();
    let (ner, pos) = (tagger::ner(), tagger::pos());
    let mut g = c.benchmark_group("tagger");
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("ner", |b| {
        b.iter(|| sents.iter().for_each(|s| drop(black_box(ner.tag(s)))))
    });
    g.bench_function("pos", |b| {
        b.iter(|| sents.iter().for_each(|s| drop(black_box(pos.tag(s)))))
    });
    g.finish();
    c.bench_function("tagger load ner+pos", |b| {
        b.iter(|| {
            black_box(Tagger::from_bytes(include_bytes!("../assets/model/ner.bin")).is_ok());
            black_box(Tagger::from_bytes(include_bytes!("../assets/model/pos.bin")).is_ok());
        })
    });
}

fn article(c: &mut Criterion) {
    let raw = format!("{SAMPLE}\n\n{}", include_str!("fixtures/harbour.txt"));
    let article = clean(&raw, &CleanOptions::default());
    let doc = Doc::new(&article);
    let words: Vec<&str> = doc.tokens.iter().map(|t| t.text(doc.text)).collect();
    let sentences: Vec<_> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
    let (ner, pos) = (tagger::ner(), tagger::pos());
    let mut g = c.benchmark_group("tagger/article");
    g.throughput(Throughput::Bytes(article.text.len() as u64));
    g.bench_function("ner+pos, per sentence", |b| {
        b.iter(|| {
            for s in &doc.sentences {
                black_box(ner.tag(&words[s.tokens.clone()]));
                black_box(pos.tag(&words[s.tokens.clone()]));
            }
        })
    });
    g.bench_function("ner+pos", |b| {
        b.iter(|| {
            let prepared = Prepared::new(&words, &sentences);
            black_box(ner.tag_prepared(&prepared));
            black_box(pos.tag_prepared(&prepared));
        })
    });
    let prepared = Prepared::new(&words, &sentences);
    g.bench_function("prepare", |b| {
        b.iter(|| black_box(Prepared::new(&words, &sentences)))
    });
    g.bench_function("ner, prepared", |b| {
        b.iter(|| black_box(ner.tag_prepared(&prepared)))
    });
    g.bench_function("pos, prepared", |b| {
        b.iter(|| black_box(pos.tag_prepared(&prepared)))
    });
    g.finish();
}

criterion_group!(benches, tagging, article);
criterion_main!(benches);
