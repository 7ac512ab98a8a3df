//! For development: time each phase of annotate on one file.
//! `cargo run --release --example phases -- FILE`
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: phases FILE");
    let raw = std::fs::read_to_string(&path).expect("read");
    let opts = gloss::config::Config::defaults().clean;
    let _ = gloss::analysis::lexicon::get();
    let _ = gloss::analysis::tagger::ner();
    let t = Instant::now();
    let article = gloss::article::clean(&raw, &opts);
    let t_clean = t.elapsed();
    let t = Instant::now();
    let doc = gloss::analysis::doc::Doc::new(&article);
    let t_doc = t.elapsed();
    let words: Vec<&str> = doc.tokens.iter().map(|tk| tk.text(doc.text)).collect();
    let ranges: Vec<_> = doc.sentences.iter().map(|s| s.tokens.clone()).collect();
    let t = Instant::now();
    let _ = gloss::analysis::tagger::ner().tag_article(&words, &ranges);
    let t_ner = t.elapsed();
    let t = Instant::now();
    let drafts = gloss::analysis::names::resolve(&doc, gloss::analysis::lexicon::get());
    let t_names = t.elapsed();
    let t = Instant::now();
    let analysis = gloss::analysis::analyze(&article);
    let t_all = t.elapsed();
    let mb = raw.len() as f64 / 1e6;
    println!(
        "{:.2} MB, {} tokens, {} entities: clean {:?}, doc {:?} (ner {:?}), names {:?}, analyze {:?}; clean+analyze {:.2} MB/s",
        mb,
        doc.tokens.len(),
        drafts.len(),
        t_clean,
        t_doc,
        t_ner,
        t_names,
        t_all,
        mb / (t_clean + t_all).as_secs_f64()
    );
    drop(analysis);
}
