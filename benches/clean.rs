//! Cleaning speed: a 5 MB scraped article (the sample article, repeated with
//! scraper junk, entities, escapes and captions mixed in) and 5 MB of plain
//! Chinese text. Run: `cargo bench --bench clean`.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gloss::article::{CleanOptions, clean};
use gloss::source::SAMPLE;

const TARGET_BYTES: usize = 5 * 1024 * 1024;

/// The sample article with junk of every kind between its repetitions.
fn scraped_article() -> String {
    let junk = "\n\nImage\n\nA crew at work in Queens.CreditCreditJane Roe/The Ledger\n\nAdvertisement\n\n\
                Sign up for the Daily newsletter.\n\nThe news you need, every morning.\n\n\
                \x1b[1mBold\x1b[0m text with &amp;#39;entities&#39; and caf&eacute;s, don&#146;t.\n\n\
                Share this article\n\n[ad_2]Source link\n\n";
    let mut text = String::with_capacity(TARGET_BYTES + SAMPLE.len());
    while text.len() < TARGET_BYTES {
        text.push_str(SAMPLE);
        text.push_str(junk);
    }
    text
}

fn chinese_article() -> String {
    let paragraph = "市长周一表示，工程师完成最后一次检查后，隧道将在第一个温暖的日子之前开通。居民对此表示欢迎。\n\n市场反应\n\n";
    paragraph.repeat(TARGET_BYTES / paragraph.len() + 1)
}

fn bench_clean(c: &mut Criterion) {
    let options = CleanOptions::default();
    let mut group = c.benchmark_group("clean");
    group.sample_size(20);
    for (name, text) in [
        ("scraped-5MB", scraped_article()),
        ("chinese-5MB", chinese_article()),
    ] {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| b.iter(|| clean(black_box(&text), &options)));
    }
    group.finish();
}

criterion_group!(benches, bench_clean);
criterion_main!(benches);
