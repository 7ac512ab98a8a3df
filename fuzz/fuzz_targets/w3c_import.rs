//! The W3C Web Annotation import (`notes::import::import`): any JSON, onto
//! an article that is found (positions and quotes resolved against its
//! text) and into a fresh store. It imports or refuses; it never panics.
#![no_main]

use std::sync::{Arc, LazyLock};

use gloss::article::{Article, CleanOptions, clean};
use gloss::notes::clock::SystemClock;
use gloss::notes::store::Store;
use libfuzzer_sys::fuzz_target;

static ARTICLE: LazyLock<Article> = LazyLock::new(|| {
    clean(
        "Talks resume\n\nPresident Jane Holloway met Omar Castellanos in Lisbon on Monday. \
         “We will meet again,” Holloway said. Café Zürich – naïve 北京 😀 text.",
        &CleanOptions::default(),
    )
});

fuzz_target!(|json: &str| {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let store = Store::new(dir.path());
    let load = |_: &gloss::article_id::ArticleId| Some(ARTICLE.clone());
    let _ = gloss::notes::import::import(&store, json, &load, Arc::new(SystemClock));
    // what was stored reads back
    for file in store.all() {
        let _ = serde_json::to_vec(&file);
    }
});
