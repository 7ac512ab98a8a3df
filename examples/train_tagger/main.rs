//! Train gloss's taggers and report their accuracy on GUM dev.
//!
//!     cargo run --release --example train_tagger -- /work/shared/data [assets/model] [--no-wnut]
//!         [--ner-epochs=12] [--pos-epochs=10] [--ner-prune=1.0] [--pos-prune=1.0]
//!
//! DATA holds gum/train, gum/dev and wnut17/wnut17train.conll. Trains on GUM
//! train (+ WNUT-17 for entities); GUM dev is only scored, never trained on.
//! Writes ner.bin and pos.bin. Deterministic: the same data gives the same bytes.

mod gum;
mod wnut;

use gloss::analysis::tagger::{Prepared, Tagger, train};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn read_dir(dir: &Path) -> Result<Vec<gum::Sentence>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        out.extend(gum::parse(&text));
    }
    Ok(out)
}

fn spans(labels: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    for (i, l) in labels.iter().chain(std::iter::once(&"O")).enumerate() {
        let inside = l.strip_prefix("I-");
        if let Some((start, ty)) = cur.take_if(|(_, ty)| inside != Some(ty.as_str())) {
            out.push((start, i, ty));
        }
        if let Some(ty) = l.strip_prefix("B-") {
            cur = Some((i, ty.to_string()));
        }
    }
    out
}

fn main() {
    if let Err(e) = run() {
        eprintln!("train_tagger: {e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let no_wnut = args.iter().any(|a| a == "--no-wnut");
    let option = |name: &str, default: f32| -> Result<f32, String> {
        args.iter()
            .find_map(|a| a.strip_prefix(name)?.strip_prefix('='))
            .map_or(Ok(default), |v| {
                v.parse().map_err(|_| format!("{name}: not a number: {v}"))
            })
    };
    let ner_epochs = option("--ner-epochs", 12.0)? as usize;
    let pos_epochs = option("--pos-epochs", 10.0)? as usize;
    let ner_prune = option("--ner-prune", 1.0)?;
    let pos_prune = option("--pos-prune", 1.0)?;
    let pos_args: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    let data = PathBuf::from(pos_args.first().map_or("/work/shared/data", |s| s.as_str()));
    let out = PathBuf::from(pos_args.get(1).map_or("assets/model", |s| s.as_str()));
    let train_s = read_dir(&data.join("gum/train"))?;
    let dev_s = read_dir(&data.join("gum/dev"))?;
    let sent = |s: &gum::Sentence, labels: Vec<String>| train::Sentence {
        tokens: s.tokens.iter().map(|t| t.form.clone()).collect(),
        labels,
    };
    let pos_train: Vec<_> = train_s
        .iter()
        .map(|s| sent(s, s.tokens.iter().map(|t| t.upos.clone()).collect()))
        .collect();
    let mut ner_train: Vec<_> = train_s
        .iter()
        .map(|s| sent(s, gum::ner_labels(s)))
        .collect();
    if !no_wnut {
        let path = data.join("wnut17/wnut17train.conll");
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        for (tokens, labels) in wnut::parse(&text) {
            ner_train.push(train::Sentence { tokens, labels });
        }
    }
    eprintln!(
        "{} GUM train sentences, {} NER training sentences",
        pos_train.len(),
        ner_train.len()
    );
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let report = |name: &'static str| {
        move |epoch: usize, acc: f32| eprintln!("{name} epoch {epoch}: train accuracy {acc:.4}")
    };

    let pos_bytes = train::train(
        &pos_train,
        &train::Settings {
            epochs: pos_epochs,
            seed: 7,
            prune_below: pos_prune,
            bio: false,
        },
        report("pos"),
    );
    let ner_bytes = train::train(
        &ner_train,
        &train::Settings {
            epochs: ner_epochs,
            seed: 11,
            prune_below: ner_prune,
            bio: true,
        },
        report("ner"),
    );
    for (name, bytes) in [("pos.bin", &pos_bytes), ("ner.bin", &ner_bytes)] {
        std::fs::write(out.join(name), bytes).map_err(|e| format!("{name}: {e}"))?;
        eprintln!("{name}: {} bytes", bytes.len());
    }
    let pos =
        Tagger::from_bytes(Box::leak(pos_bytes.into_boxed_slice())).map_err(|e| e.to_string())?;
    let ner =
        Tagger::from_bytes(Box::leak(ner_bytes.into_boxed_slice())).map_err(|e| e.to_string())?;

    // GUM dev: POS accuracy, NER precision / recall / F1 per type (exact
    // spans); the whole dev set prepared once, as an article would be
    let words: Vec<&str> = dev_s
        .iter()
        .flat_map(|s| s.tokens.iter().map(|t| t.form.as_str()))
        .collect();
    let mut ranges = Vec::with_capacity(dev_s.len());
    for s in &dev_s {
        let start = ranges.last().map_or(0, |r: &std::ops::Range<usize>| r.end);
        ranges.push(start..start + s.tokens.len());
    }
    let prepared = Prepared::new(&words, &ranges);
    let pos_tags = pos.tag_prepared(&prepared);
    let ner_tags = ner.tag_prepared(&prepared);
    let (mut right, mut total) = (0usize, 0usize);
    let mut counts: BTreeMap<String, [usize; 3]> = BTreeMap::new(); // tp, sys, gold
    for (s, range) in dev_s.iter().zip(&ranges) {
        for (t, tag) in s.tokens.iter().zip(&pos_tags[range.clone()]) {
            right += usize::from(t.upos == tag.label);
            total += 1;
        }
        let gold_labels = gum::ner_labels(s);
        let gold = spans(&gold_labels.iter().map(String::as_str).collect::<Vec<_>>());
        let sys = spans(
            &ner_tags[range.clone()]
                .iter()
                .map(|t| t.label)
                .collect::<Vec<_>>(),
        );
        for g in &gold {
            counts.entry(g.2.clone()).or_default()[2] += 1;
        }
        for p in &sys {
            let c = counts.entry(p.2.clone()).or_default();
            c[1] += 1;
            c[0] += usize::from(gold.contains(p));
        }
    }
    println!(
        "GUM dev POS accuracy: {:.4} ({right}/{total})",
        right as f64 / total as f64
    );
    let mut all = [0usize; 3];
    for (ty, c) in &counts {
        all.iter_mut().zip(c).for_each(|(a, c)| *a += c);
        print_prf(ty, c);
    }
    print_prf("all", &all);
    Ok(())
}

fn print_prf(ty: &str, c: &[usize; 3]) {
    let p = c[0] as f64 / c[1].max(1) as f64;
    let r = c[0] as f64 / c[2].max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!(
        "GUM dev NER {ty:4} P {p:.3} R {r:.3} F1 {f:.3} (gold {}, system {})",
        c[2], c[1]
    );
}
