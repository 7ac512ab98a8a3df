//! The notes store's file (`notes::store::parse`) and the corrections kept
//! in it, applied to an article's analysis (`corrections::apply`): any bytes
//! are a file or a reason; any stored corrections apply or are orphaned.
#![no_main]

use std::sync::LazyLock;

use gloss::Document;
use gloss::article::CleanOptions;
use libfuzzer_sys::fuzz_target;

static DOC: LazyLock<Document> = LazyLock::new(|| {
    Document::from_text(
        "Talks resume\n\nPresident Jane Holloway met Omar Castellanos in Lisbon on Monday. \
         “We will meet again,” Holloway said. Castellanos left for Porto – naïve 北京 😀.",
        &CleanOptions::default(),
    )
});

fuzz_target!(|bytes: &[u8]| {
    let Ok(file) = gloss::notes::store::parse(bytes) else {
        return;
    };
    let corrections: Vec<_> = file.corrections.iter().map(|c| c.correction.clone()).collect();
    let applied = gloss::corrections::apply(&DOC.analysis, &DOC.article.text, &corrections);
    for e in &applied.analysis.entities {
        for m in &e.mentions {
            assert!(DOC.article.text.get(m.start..m.end).is_some(), "mention {m:?}");
        }
    }
});
