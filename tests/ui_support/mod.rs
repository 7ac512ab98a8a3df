//! A small fixed article for the reader's tests, with its analysis written by
//! hand so that improvements of the real analysis never change these tests;
//! and helpers to press keys and draw frames without a terminal.
#![allow(dead_code)]

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gloss::Document;
use gloss::analysis::{Analysis, Entity, EntityId, EntityKind, Geo, Quote, QuoteKind};
use gloss::article::{Article, Block, BlockKind, Meta};
use gloss::span::Span;
use gloss::ui::keys::{Code, KeyChord};
use gloss::ui::settings::ReaderSettings;
use gloss::ui::theme::ColorEnv;
use gloss::ui::{App, Effect, draw, keymap, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

pub const TITLE: &str = "Harbour towns vote to share one ferry service";

/// The fixture's blocks: kind and text.
const BLOCKS: &[(BlockKind, &str)] = &[
    (BlockKind::Title, TITLE),
    (BlockKind::Dateline, "PORT WREN (Coastal Wire) –"),
    (
        BlockKind::Paragraph,
        "Mayor Elena Alvarez of Port Wren said on Tuesday that the three harbour towns had \
         agreed to run one ferry service between them. \"We will sail as one fleet from the \
         spring,\" Alvarez told reporters in Port Wren.",
    ),
    (
        BlockKind::Paragraph,
        "The Harbour Board, which owns the piers, welcomed the plan. Its chair, Tomas Reed, \
         called it \"a sensible first step\" and said the board would publish a timetable. \
         \"Nobody should wait an hour in the rain for a boat,\" Reed said.",
    ),
    (BlockKind::Heading, "Doubts in Kellby"),
    (
        BlockKind::Paragraph,
        "Not everyone is convinced. Councillor Mira Okafor of Kellby warned that fares could \
         rise. \"Kellby pays for the fuel and Port Wren gets the boats,\" Okafor said. Alvarez \
         replied that the costs would be shared by population.",
    ),
    (
        BlockKind::Caption,
        "The old ferry at the Port Wren pier. Photo: Coastal Wire",
    ),
    (
        BlockKind::Paragraph,
        "Ferries have linked the three towns since the 1890s, but the service has shrunk to \
         two boats, and crossings are often cancelled in winter storms. Reed said the board had \
         tried to buy a third boat last year and failed.",
    ),
    (
        BlockKind::Paragraph,
        "The towns will vote on the final plan in March. Alvarez said she expected it to pass, \
         and Okafor said Kellby would decide after the spring.",
    ),
];

/// Every occurrence of `needle` in `text`.
pub fn find(text: &str, needle: &str) -> Vec<Span> {
    text.match_indices(needle)
        .map(|(i, m)| Span::new(i, i + m.len()))
        .collect()
}

/// Occurrences of `needle` not inside a longer name (`Alvarez` but not in `Elena Alvarez`).
fn alone(text: &str, needle: &str, longer: &str) -> Vec<Span> {
    let long = find(text, longer);
    find(text, needle)
        .into_iter()
        .filter(|s| !long.iter().any(|l| l.covers(*s)))
        .collect()
}

fn person(kind: EntityKind, name: &str, role: &str, mentions: Vec<Span>) -> Entity {
    let mut mentions = mentions;
    mentions.sort();
    Entity {
        kind,
        name: name.to_string(),
        roles: if role.is_empty() {
            vec![]
        } else {
            vec![role.to_string()]
        },
        mentions,
        geo: None,
    }
}

fn place(name: &str, country: &str, mentions: Vec<Span>) -> Entity {
    Entity {
        geo: Some(Geo {
            lat: 0.0,
            lon: 0.0,
            country_code: Some(country.to_string()),
            feature: "city".to_string(),
            geonames_id: None,
            within: None,
        }),
        ..person(EntityKind::Place, name, "", mentions)
    }
}

/// The fixture article without any analysis.
pub fn article() -> Article {
    let mut text = String::new();
    let mut blocks = Vec::new();
    for (kind, block) in BLOCKS {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(block);
        blocks.push(Block {
            kind: *kind,
            span: Span::new(start, text.len()),
        });
    }
    Article {
        text,
        blocks,
        meta: Meta {
            url: Some("https://example.org/ferry".to_string()),
            source: Some("Coastal Wire".to_string()),
            published: Some("2026-03-03".to_string()),
            ..Meta::default()
        },
    }
}

/// Entity ids in the fixture.
pub const ALVAREZ: EntityId = EntityId(0);
pub const REED: EntityId = EntityId(1);
pub const OKAFOR: EntityId = EntityId(2);
pub const BOARD: EntityId = EntityId(3);
pub const WIRE: EntityId = EntityId(4);
pub const PORT_WREN: EntityId = EntityId(5);
pub const KELLBY: EntityId = EntityId(6);

fn quote(text: &str, words: &str, speaker: Option<EntityId>, kind: QuoteKind) -> Quote {
    Quote {
        span: find(text, words)[0],
        speaker,
        kind,
        parts: Vec::new(),
    }
}

/// The fixture article with a hand-written analysis.
pub fn document() -> Document {
    let article = article();
    let t = article.text.as_str();
    let with = |a: Vec<Span>, b: Vec<Span>| a.into_iter().chain(b).collect::<Vec<_>>();
    let entities = vec![
        person(
            EntityKind::Person,
            "Elena Alvarez",
            "Mayor",
            with(
                find(t, "Elena Alvarez"),
                alone(t, "Alvarez", "Elena Alvarez"),
            ),
        ),
        person(
            EntityKind::Person,
            "Tomas Reed",
            "chair",
            with(find(t, "Tomas Reed"), alone(t, "Reed", "Tomas Reed")),
        ),
        person(
            EntityKind::Person,
            "Mira Okafor",
            "Councillor",
            with(find(t, "Mira Okafor"), alone(t, "Okafor", "Mira Okafor")),
        ),
        person(
            EntityKind::Organization,
            "Harbour Board",
            "",
            find(t, "Harbour Board"),
        ),
        person(
            EntityKind::Organization,
            "Coastal Wire",
            "",
            find(t, "Coastal Wire"),
        ),
        place(
            "Port Wren",
            "GB",
            with(find(t, "Port Wren"), find(t, "PORT WREN")),
        ),
        place("Kellby", "GB", find(t, "Kellby")),
    ];
    let quotes = vec![
        quote(
            t,
            "We will sail as one fleet from the spring,",
            Some(ALVAREZ),
            QuoteKind::Full,
        ),
        quote(t, "a sensible first step", Some(REED), QuoteKind::Partial),
        quote(
            t,
            "Nobody should wait an hour in the rain for a boat,",
            Some(REED),
            QuoteKind::Full,
        ),
        quote(
            t,
            "Kellby pays for the fuel and Port Wren gets the boats,",
            Some(OKAFOR),
            QuoteKind::Full,
        ),
    ];
    let sentences = article
        .blocks
        .iter()
        .flat_map(|b| {
            let mut out = Vec::new();
            let mut start = b.span.start;
            for (i, _) in t[b.span.start..b.span.end].match_indices(". ") {
                out.push(Span::new(start, b.span.start + i + 1));
                start = b.span.start + i + 2;
            }
            out.push(Span::new(start, b.span.end));
            out
        })
        .collect();
    Document {
        article,
        analysis: Analysis {
            sentences,
            entities,
            quotes,
            language: "en".to_string(),
        },
    }
}

/// The fixture with an empty analysis, as gloss had on its first day.
pub fn unanalysed() -> Document {
    Document {
        article: article(),
        analysis: Analysis::default(),
    }
}

/// Colours as in a 24-bit terminal with a dark background.
pub fn env() -> ColorEnv {
    ColorEnv {
        no_color: false,
        truecolor: true,
        light_background: false,
    }
}

pub fn app_with(doc: Document, width: u16, height: u16) -> App {
    App::new(doc, &ReaderSettings::default(), env(), width, height).expect("default keys")
}

pub fn app(width: u16, height: u16) -> App {
    app_with(document(), width, height)
}

/// The key event a terminal sends for a key written as in config.toml.
pub fn event(key: &str) -> KeyEvent {
    let chord: KeyChord = key.parse().expect("key name");
    let mut modifiers = KeyModifiers::NONE;
    if chord.ctrl {
        modifiers |= KeyModifiers::CONTROL;
    }
    if chord.alt {
        modifiers |= KeyModifiers::ALT;
    }
    let code = match chord.code {
        Code::Char(c) => {
            if c.is_uppercase() {
                modifiers |= KeyModifiers::SHIFT;
            }
            KeyCode::Char(c)
        }
        Code::Enter => KeyCode::Enter,
        Code::Esc => KeyCode::Esc,
        Code::Tab => KeyCode::Tab,
        Code::BackTab => {
            modifiers |= KeyModifiers::SHIFT;
            KeyCode::BackTab
        }
        Code::Backspace => KeyCode::Backspace,
        Code::Delete => KeyCode::Delete,
        Code::Insert => KeyCode::Insert,
        Code::Up => KeyCode::Up,
        Code::Down => KeyCode::Down,
        Code::Left => KeyCode::Left,
        Code::Right => KeyCode::Right,
        Code::Home => KeyCode::Home,
        Code::End => KeyCode::End,
        Code::PageUp => KeyCode::PageUp,
        Code::PageDown => KeyCode::PageDown,
        Code::F(n) => KeyCode::F(n),
    };
    KeyEvent::new(code, modifiers)
}

/// Press keys, written as in config.toml and separated by spaces; the effect of the last.
pub fn press(app: &mut App, keys: &str) -> Effect {
    let mut effect = Effect::None;
    for key in keys.split(' ').filter(|k| !k.is_empty()) {
        effect = match keymap::route(app, &event(key)) {
            Some(action) => update(app, action),
            None => Effect::None,
        };
    }
    effect
}

/// Type text into the search prompt, character by character.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        if let Some(action) = keymap::route(app, &ev) {
            update(app, action);
        }
    }
}

/// The status bar's message.
pub fn message(app: &App) -> String {
    app.message
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default()
}

/// Draw a frame at the app's size.
pub fn render(app: &App) -> Terminal<TestBackend> {
    let mut terminal =
        Terminal::new(TestBackend::new(app.width, app.height)).expect("test backend");
    terminal.draw(|f| draw(app, f)).expect("draw");
    terminal
}

/// The screen as text, one line per row.
pub fn screen(app: &App) -> String {
    let terminal = render(app);
    let buffer = terminal.backend().buffer();
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut skip = 0;
        for x in 0..buffer.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buffer[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            out.push_str(symbol);
        }
        out.push('\n');
    }
    out
}

/// The text of the article lines on screen.
pub fn visible_text(app: &App) -> String {
    let end = (app.scroll + app.text_height()).min(app.layout.len());
    app.layout.lines[app.scroll..end]
        .iter()
        .map(|l| &app.doc.article.text[l.start..l.end])
        .collect::<Vec<_>>()
        .join("\n")
}

pub mod notes;
pub mod tmux;

/// The rows inside the help's box on a screen, trimmed, top to bottom:
/// between the columns of its corners, from the row under "╭ Keys" to the
/// one above its bottom border. None when no help is shown.
pub fn help_box_rows(screen: &str) -> Vec<String> {
    let grid: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let Some(top) = grid
        .iter()
        .position(|r| r.iter().collect::<String>().contains("╭ Keys"))
    else {
        return Vec::new();
    };
    let left = grid[top].iter().position(|&c| c == '╭').unwrap_or(0);
    let right = grid[top][left..]
        .iter()
        .position(|&c| c == '╮')
        .map_or(grid[top].len(), |r| left + r);
    grid[top + 1..]
        .iter()
        .take_while(|r| r.get(left) != Some(&'╰'))
        .map(|r| {
            r.get(left + 1..right.min(r.len()))
                .unwrap_or(&[])
                .iter()
                .collect::<String>()
                .trim()
                .to_string()
        })
        .collect()
}

/// A library kept in `dir/library` (no size cap), for the library and feed
/// list tests.
pub fn library_in(dir: &std::path::Path) -> gloss::library::Keeper {
    let settings = gloss::library::LibrarySettings {
        keep: true,
        dir: dir.join("library").display().to_string(),
        max_size_mb: 0,
    };
    gloss::library::Keeper::new(&settings, None).expect("keeping")
}

/// The reader on the fixture article, keeping to `keeper` and subscribed
/// through the `subscriptions` file.
pub fn reader_on(
    keeper: &gloss::library::Keeper,
    subscriptions: &std::path::Path,
    width: u16,
    height: u16,
) -> App {
    let mut app = app(width, height);
    app.keeper = Some(keeper.clone());
    app.article_key = Some("fixture".to_string());
    app.feeds.subscriptions = Some(subscriptions.to_path_buf());
    app
}
