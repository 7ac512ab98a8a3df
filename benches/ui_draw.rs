//! Drawing the reader on a 5 MB article: one frame at 160×48 (TestBackend),
//! a scroll step plus its frame, and wrapping the whole text once (what a
//! resize costs); the reader's own share of start-up on the sample; the map
//! of the sample's places, fitted (the world) and zoomed in.
//!
//!     cargo bench --profile dist --bench ui_draw
//!
//! `GLOSS_DRAW_MB=100` makes the article that many megabytes (issue 20: the
//! reader on a 100 MB article); the benchmarks keep their names.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use gloss::Document;
use gloss::analysis::{Analysis, Entity, EntityId, EntityKind, Quote, QuoteKind};
use gloss::article::{Article, Block, BlockKind, Meta};
use gloss::span::Span;
use gloss::ui::settings::ReaderSettings;
use gloss::ui::text_layout::TextLayout;
use gloss::ui::theme::ColorEnv;
use gloss::ui::{Action, App, draw, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The allocator the binary runs with (`src/main.rs`), so that timings match it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// About 5 MB (or `GLOSS_DRAW_MB`) of news-like text with people, places
/// and quotes every few lines.
fn big_document() -> Document {
    let size = std::env::var("GLOSS_DRAW_MB")
        .ok()
        .and_then(|mb| mb.parse::<usize>().ok())
        .map_or(5_000_000, |mb| mb * 1_000_000);
    let paragraph = "Secretary of State Michael Pompeo told South Korean President Moon Jae-in \
        when he arrived in Seoul that Kim had agreed to meet \"as soon as possible,\" according \
        to a statement from Moon's office. Officials in Pyongyang said the talks would go on. ";
    let mut text = String::new();
    let mut blocks = Vec::new();
    while text.len() < size {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&paragraph.repeat(3));
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            span: Span::new(start, text.len()),
        });
    }
    let find = |needle: &str| {
        text.match_indices(needle)
            .map(|(i, m)| Span::new(i, i + m.len()))
            .collect::<Vec<_>>()
    };
    let person = |name: &str, mentions| Entity {
        kind: EntityKind::Person,
        name: name.into(),
        roles: vec![],
        mentions,
        geo: None,
    };
    let entities = vec![
        person("Michael Pompeo", find("Michael Pompeo")),
        person("Moon Jae-in", find("Moon Jae-in")),
        person("Kim Jong Un", find("Kim had")),
        Entity {
            kind: EntityKind::Place,
            ..person("Seoul", find("Seoul"))
        },
        Entity {
            kind: EntityKind::Place,
            ..person("Pyongyang", find("Pyongyang"))
        },
    ];
    let quotes = find("as soon as possible,")
        .into_iter()
        .map(|span| Quote {
            span,
            speaker: Some(EntityId(2)),
            kind: QuoteKind::Full,
            parts: Vec::new(),
        })
        .collect();
    Document {
        article: Article {
            text,
            blocks,
            meta: Meta::default(),
        },
        analysis: Analysis {
            entities,
            quotes,
            ..Analysis::default()
        },
    }
}

fn env() -> ColorEnv {
    ColorEnv {
        no_color: false,
        truecolor: true,
        light_background: false,
    }
}

fn benches(c: &mut Criterion) {
    let doc = big_document();
    let mut app = App::new(doc.clone(), &ReaderSettings::default(), env(), 160, 48).expect("keys");
    // In the middle of the article, a person selected, a search running.
    app.scroll = app.layout.len() / 2;
    update(&mut app, Action::FocusPane(gloss::ui::Pane::People));
    update(&mut app, Action::SearchStart);
    for ch in "talks".chars() {
        update(&mut app, Action::SearchInput(ch));
    }
    update(&mut app, Action::SearchConfirm);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("backend");

    c.bench_function("draw a frame of a 5 MB article at 160x48", |b| {
        b.iter(|| {
            terminal.draw(|f| draw(black_box(&app), f)).expect("draw");
        })
    });

    c.bench_function("scroll a line and draw (5 MB, 160x48)", |b| {
        let mut down = true;
        b.iter(|| {
            update(&mut app, if down { Action::Down } else { Action::Up });
            down = !down;
            terminal.draw(|f| draw(&app, f)).expect("draw");
        })
    });

    // The reader's own share of start-up: index, wrap and first frame of the
    // sample, once it is analysed (the start-up bench times the whole binary).
    let config = gloss::config::Config::defaults();
    let sample = Document::from_text(gloss::source::SAMPLE, &config.clean);
    let settings = config.reader_settings();
    c.bench_function(
        "reader start on the sample: App::new and first frame (160x48)",
        |b| {
            b.iter(|| {
                let app = App::new(sample.clone(), &settings, env(), 160, 48).expect("keys");
                let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("backend");
                terminal.draw(|f| draw(&app, f)).expect("draw");
            })
        },
    );

    // The map at 160x48: the sample's places (Korea to Washington: the
    // world, 1:110m lines), then zoomed in on Korea (1:50m lines).
    let mut app = App::new(sample.clone(), &settings, env(), 160, 48).expect("keys");
    update(&mut app, Action::FocusPane(gloss::ui::Pane::Map));
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("backend");
    c.bench_function("draw the map of the sample's places (160x48)", |b| {
        b.iter(|| {
            terminal.draw(|f| draw(black_box(&app), f)).expect("draw");
        })
    });
    app.map.view = Some(gloss::ui::map::View {
        lon: 127.0,
        lat: 38.0,
        span: 20.0,
    });
    c.bench_function("draw the map zoomed in on Korea (160x48, 1:50m)", |b| {
        b.iter(|| {
            terminal.draw(|f| draw(black_box(&app), f)).expect("draw");
        })
    });

    let mut group = c.benchmark_group("wrap");
    group.sample_size(10);
    group.bench_function("wrap a 5 MB article to 80 columns (a resize)", |b| {
        b.iter(|| TextLayout::new(black_box(&doc.article), 80))
    });
    group.finish();
}

criterion_group!(ui_draw, benches);
criterion_main!(ui_draw);
