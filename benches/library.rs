//! The library at 10,000 articles: `gloss` with no argument from `exec` to
//! the library's first frame (a 160×48 pseudo-terminal), a full-text search,
//! `W` (the other articles that mention someone), the library's people
//! (most mentioned and most quoted this week) and the list itself; and
//! refreshing 100 feeds served on 127.0.0.1 (20 items each) into a library;
//! the reader's feed pane over 100 feeds and 10,000 items: from `F` to its
//! first frame (160×48), and from `Enter` on a feed to the frame of its items.
//!
//! The library is built once per run from the news documents of the GUM
//! fixture, each kept many times under other addresses and with a line of
//! its own (so that the full-text index and the names index hold 10,000
//! articles), analysed on every core and kept in one transaction.
//!
//!     cargo bench --profile dist --bench library

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use gloss::analysis::{EntityKind, analyze};
use gloss::article::{CleanOptions, clean};
use gloss::article_id::ArticleId;
use gloss::feeds::{FeedSettings, Subscriptions, refresh};
use gloss::library::query::Query;
use gloss::library::{Library, name_keys};
use rayon::prelude::*;

#[path = "support/pty.rs"]
mod pty;
#[path = "../tests/web_support/mod.rs"]
mod web_support;
use pty::first_frame;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const ARTICLES: usize = 10_000;

/// The news documents of the GUM fixture.
fn documents() -> Vec<String> {
    let text = include_str!("fixtures/gum-cc-by.txt");
    include_str!("fixtures/gum-cc-by-docs.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let name = cols.next()?;
            let start: usize = cols.next()?.parse().ok()?;
            let len: usize = cols.next()?.parse().ok()?;
            name.starts_with("GUM_news")
                .then(|| text.get(start..start + len))
                .flatten()
                .map(str::to_string)
        })
        .collect()
}

/// A library of [`ARTICLES`] articles in `dir/data/gloss/library`.
fn build(dir: &std::path::Path) -> Library {
    let docs = documents();
    let options = CleanOptions::default();
    let items: Vec<_> = (0..ARTICLES)
        .into_par_iter()
        .map(|i| {
            let doc = &docs[i % docs.len()];
            let text = format!("{doc}\n\nFiled as item {i} of the archive.");
            let article = clean(&text, &options);
            let analysis = analyze(&article);
            let id = ArticleId::Url(format!("https://news.test/{i}"));
            (id, article, analysis)
        })
        .collect();
    let mut lib = Library::open(&dir.join("data/gloss/library")).expect("opens");
    lib.keep_all(
        items.iter().map(|(id, a, an)| (id, a, Some(an))),
        1_700_000_000,
    )
    .expect("kept");
    lib
}

fn benches(c: &mut Criterion) {
    let dirs = tempfile::tempdir().expect("temp dir");
    let lib = build(dirs.path());
    assert_eq!(lib.len().expect("counts"), ARTICLES);
    // someone most articles mention: the first person of the first document
    let first = clean(&documents()[0], &CleanOptions::default());
    let analysis = analyze(&first);
    let person = analysis
        .entities
        .iter()
        .find(|e| e.kind == EntityKind::Person)
        .expect("a person");
    let keys = name_keys(person.kind, &person.name, std::iter::empty());
    let hits = lib.who_keys(&keys, None).expect("who");
    assert!(hits.len() >= ARTICLES / 50, "{} hits", hits.len());
    let query = Query::parse("police said").expect("parses");
    let found = lib.search(&query).expect("searches").len();
    assert!(found > 0);
    eprintln!(
        "library: {ARTICLES} articles; `W` on {} finds {}; \"police said\" finds {found}",
        person.name,
        hits.len()
    );

    let mut group = c.benchmark_group("library");
    group.sample_size(20);
    group.bench_function(
        "gloss alone: exec to the library's first frame (10,000 articles, 160x48 pty)",
        |b| b.iter(|| first_frame(dirs.path())),
    );
    group.bench_function("list 10,000 articles, newest first", |b| {
        b.iter(|| lib.list().expect("lists").len())
    });
    group.bench_function("full-text search over 10,000 articles", |b| {
        b.iter(|| lib.search(&query).expect("searches").len())
    });
    group.bench_function("W over 10,000 articles", |b| {
        b.iter(|| lib.who_keys(&keys, None).expect("who").len())
    });
    // every article is of the same week: the whole library is counted
    let week_ago = 1_700_000_000 - 7 * 86_400;
    let people = lib.people(week_ago, 100).expect("people");
    assert!(!people.mentioned.is_empty() && !people.quoted.is_empty());
    group.bench_function(
        "people of 10,000 articles: most mentioned and most quoted this week",
        |b| b.iter(|| lib.people(week_ago, 100).expect("people").mentioned.len()),
    );
    group.finish();

    // 100 feeds of 20 items each, from one local server
    let server = web_support::Server::start(|path| {
        let n = path.trim_start_matches("/feed/").trim_end_matches(".rss");
        let mut body =
            format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed {n}</title>");
        for i in 0..20 {
            body.push_str(&format!(
                "<item><guid>{n}-{i}</guid><title>Story {i} of feed {n}</title><link>https://feeds.test/{n}/{i}</link>\
                 <description>The council of town {n} met on Tuesday about item {i}. Mayor Jane Holloway said the ferry would run.</description></item>"
            ));
        }
        body.push_str("</channel></rss>");
        web_support::Reply::ok("application/rss+xml", body)
    });
    let mut subs = Subscriptions::default();
    for n in 0..100 {
        subs.add(&server.url(&format!("/feed/{n}.rss")), None, vec![]);
    }
    let settings = FeedSettings::default();
    let clean = CleanOptions::default();
    let mut group = c.benchmark_group("feeds");
    group.sample_size(10);
    group.bench_function(
        "refresh 100 local feeds (2,000 new items) into an empty library",
        |b| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().expect("temp dir");
                    let lib = Library::open(dir.path()).expect("opens");
                    (dir, lib, subs.feeds.clone())
                },
                |(dir, mut lib, mut feeds)| {
                    let outcomes = refresh::refresh(&mut feeds, &mut lib, &settings, &clean);
                    assert!(outcomes.iter().all(|o| o.error.is_none() && o.new == 20));
                    drop(lib);
                    drop(dir);
                },
                BatchSize::PerIteration,
            )
        },
    );
    let feeds_dir = tempfile::tempdir().expect("temp dir");
    let mut feeds_lib = Library::open(feeds_dir.path()).expect("opens");
    let mut feeds = subs.feeds.clone();
    refresh::refresh(&mut feeds, &mut feeds_lib, &settings, &clean);
    group.bench_function("refresh 100 local feeds again (nothing new)", |b| {
        b.iter(|| {
            let outcomes = refresh::refresh(&mut feeds, &mut feeds_lib, &settings, &clean);
            assert!(outcomes.iter().all(|o| o.error.is_none() && o.new == 0));
        })
    });
    group.finish();
}

/// The feed pane over a library of 100 feeds of 100 items each.
fn feed_pane(c: &mut Criterion) {
    use gloss::library::{FeedItem, Keeper, LibrarySettings};
    use gloss::ui::feedlist::FeedAction;
    use gloss::ui::{Action, App, draw, update};
    let dir = tempfile::tempdir().expect("temp dir");
    let settings = LibrarySettings {
        keep: true,
        dir: dir.path().join("library").display().to_string(),
        max_size_mb: 0,
    };
    let keeper = Keeper::new(&settings, None).expect("keeping");
    let mut lib = keeper.open().expect("opens");
    let options = CleanOptions::default();
    let mut subs = Subscriptions::default();
    for n in 0..100 {
        let url = format!("https://feeds.test/{n}.rss");
        let items: Vec<FeedItem> = (0..100)
            .into_par_iter()
            .map(|i| {
                let text = format!(
                    "Story {i} of feed {n}\n\nThe council of town {n} met on Tuesday about item {i}. Mayor Jane Holloway said the ferry would run."
                );
                let mut article = clean(&text, &options);
                article.meta.published = Some(format!("2026-03-{:02}T08:00:00Z", 1 + i % 28));
                let link = format!("https://feeds.test/{n}/{i}");
                FeedItem {
                    guid: format!("{n}-{i}"),
                    link: Some(link.clone()),
                    id: ArticleId::Url(link),
                    article,
                    full: true,
                }
            })
            .collect();
        lib.add_feed_items(&url, &url, &[], &items, 1_700_000_000)
            .expect("adds");
        subs.add(&url, Some(format!("Feed {n}")), vec![]);
    }
    assert_eq!(lib.len().expect("counts"), 10_000);
    let path = dir.path().join("feeds.json");
    subs.save(&path).expect("saves");
    let empty = gloss::Document {
        article: Default::default(),
        analysis: Default::default(),
    };
    let env = gloss::ui::theme::ColorEnv {
        no_color: false,
        truecolor: true,
        light_background: false,
    };
    let mut app = App::new(
        empty,
        &gloss::ui::settings::ReaderSettings::default(),
        env,
        160,
        48,
    )
    .expect("keys");
    app.keeper = Some(keeper);
    app.article_key = Some("reading".to_string());
    app.feeds.subscriptions = Some(path);
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(160, 48)).expect("backend");
    let mut group = c.benchmark_group("feed pane");
    group.sample_size(20);
    group.bench_function(
        "F to the first frame (100 feeds, 10,000 items, 160x48)",
        |b| {
            b.iter(|| {
                app.feeds.pane = None;
                update(&mut app, Action::Feeds(FeedAction::Open));
                terminal.draw(|f| draw(&app, f)).expect("draws");
                assert_eq!(app.feeds.pane.as_ref().expect("open").feeds.len(), 100);
            })
        },
    );
    update(&mut app, Action::Feeds(FeedAction::Open));
    let list = app.feeds.pane.clone();
    group.bench_function("Enter on a feed to the frame of its 100 items", |b| {
        b.iter(|| {
            app.feeds.pane = list.clone();
            update(&mut app, Action::Feeds(FeedAction::Enter));
            terminal.draw(|f| draw(&app, f)).expect("draws");
        })
    });
    group.finish();
}

criterion_group!(library, benches, feed_pane);
criterion_main!(library);
