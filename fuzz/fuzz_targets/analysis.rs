//! The analysis (`analysis::analyze_with`) of any cleaned text, read in
//! whole lines and in small pieces (`Parts::line_bytes`), and in chunks
//! analysed apart and merged (`analysis::analyze_in_chunks`, as articles
//! larger than `CHUNK_BYTES` are): every span it gives lies inside the
//! text, on character boundaries; every speaker names an entity that exists.
#![no_main]

use gloss::analysis::{Analysis, Parts, analyze_in_chunks, analyze_with};
use gloss::article::{CleanOptions, clean};
use libfuzzer_sys::fuzz_target;
use std::sync::LazyLock;

static OPTIONS: LazyLock<CleanOptions> = LazyLock::new(CleanOptions::default);

fn check(text: &str, analysis: &Analysis) {
    let inside = |start: usize, end: usize| {
        start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
    };
    for s in &analysis.sentences {
        assert!(inside(s.start, s.end), "sentence {s:?}");
    }
    for e in &analysis.entities {
        for m in &e.mentions {
            assert!(inside(m.start, m.end), "mention {m:?} of {}", e.name);
        }
    }
    for q in &analysis.quotes {
        assert!(inside(q.span.start, q.span.end), "quote {:?}", q.span);
        for p in &q.parts {
            assert!(inside(p.start, p.end), "part {p:?} of quote {:?}", q.span);
        }
        if let Some(speaker) = q.speaker {
            assert!(speaker.0 < analysis.entities.len(), "speaker {speaker:?}");
        }
    }
}

fuzz_target!(|text: &str| {
    let article = clean(text, &OPTIONS);
    let text = article.text.as_str();
    for line_bytes in [gloss::analysis::LINE_BYTES, 16 + text.len() % 64] {
        let parts = Parts {
            line_bytes,
            ..Parts::default()
        };
        check(text, &analyze_with(&article, parts));
    }
    check(text, &analyze_in_chunks(&article, Parts::default(), 32 + text.len() % 200));
});
