//! Tagging speed and model load time. `cargo bench --bench tagger`
//! Throughput is reported in tokens per second (criterion "elements").

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::analysis::tagger::{self, Tagger};
use std::hint::black_box;

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

criterion_group!(benches, tagging);
criterion_main!(benches);
