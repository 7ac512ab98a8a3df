//! The reader under hostile input: articles full of terminal escape
//! sequences, very long articles, any analysis, any sequence of actions at
//! any terminal size.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

use crate::ui_support::*;
use gloss::Document;
use gloss::analysis::{Analysis, Entity, EntityKind, Quote, QuoteKind};
use gloss::article::{Article, Block, BlockKind, Meta};
use gloss::span::Span;
use gloss::ui::{Action, Pane, draw, update};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// An article whose text still holds control sequences, as if the cleaner had missed them.
fn hostile() -> Document {
    let paragraphs = [
        "Title \u{1b}]0;pwned\u{7} here",
        "Red \u{1b}[31mtext\u{1b}[0m and a clear \u{1b}[2J screen, a C1 \u{9b}6n query, \
         a bell \u{7}, a tab\tand a DEL \u{7f}.",
        "Mallory \u{1b}[1m said \"\u{1b}[5mhello\u{1b}[0m\" to \u{1b}P+q\u{1b}\\ everyone.",
    ];
    let mut text = String::new();
    let mut blocks = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(p);
        let kind = if i == 0 {
            BlockKind::Title
        } else {
            BlockKind::Paragraph
        };
        blocks.push(Block {
            kind,
            span: Span::new(start, text.len()),
        });
    }
    let mallory = find(&text, "Mallory \u{1b}[1m")[0];
    let hello = find(&text, "\u{1b}[5mhello\u{1b}[0m")[0];
    Document {
        analysis: Analysis {
            entities: vec![Entity {
                kind: EntityKind::Person,
                name: "Mallory \u{1b}[1m".into(),
                roles: vec!["\u{1b}]52;c;ZXZpbA==\u{7}".into()],
                mentions: vec![mallory],
                geo: None,
            }],
            quotes: vec![Quote {
                span: hello,
                speaker: Some(gloss::analysis::EntityId(0)),
                kind: QuoteKind::Full,
                parts: Vec::new(),
            }],
            ..Analysis::default()
        },
        article: Article {
            text,
            blocks,
            meta: Meta {
                source: Some("\u{1b}[8mhidden".into()),
                ..Meta::default()
            },
        },
    }
}

/// A writer that keeps what it is given.
#[derive(Clone, Default)]
struct Capture(Rc<RefCell<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes a real terminal would receive for one frame.
fn terminal_bytes(app: &gloss::ui::App) -> Vec<u8> {
    let capture = Capture::default();
    let backend = CrosstermBackend::new(capture.clone());
    let viewport = Viewport::Fixed(Rect::new(0, 0, app.width, app.height));
    let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport }).unwrap();
    terminal.draw(|f| draw(app, f)).unwrap();
    capture.0.borrow().clone()
}

#[test]
fn no_character_of_an_article_reaches_the_terminal_as_a_control_sequence() {
    let mut app = app_with(hostile(), 100, 30);
    for keys in ["", "1", "3", "/ Mallory enter", "?"] {
        if keys.starts_with('/') {
            press(&mut app, "esc /");
            type_text(&mut app, "Mallory");
            press(&mut app, "enter");
        } else {
            press(&mut app, keys);
        }
        let bytes = terminal_bytes(&app);
        let out = String::from_utf8_lossy(&bytes);
        for evil in [
            "\u{1b}]0;",
            "\u{1b}[2J",
            "\u{1b}[5m",
            "\u{1b}P",
            "\u{1b}]52",
            "\u{1b}[8m",
            "\u{9b}",
            "\u{7}",
            "\u{7f}",
        ] {
            assert!(
                !out.contains(evil),
                "after {keys:?}: {evil:?} reached the terminal"
            );
        }
        // Every escape in the output is one ratatui wrote: a CSI that positions
        // the cursor or sets a style, never one carrying the article's text.
        assert!(!out.contains("pwned\u{7}"));
        let cells = screen(&app);
        assert!(
            cells.contains('\u{fffd}'),
            "control characters are shown, not hidden"
        );
        assert!(!cells.chars().any(|c| c.is_control() && c != '\n'));
    }
}

#[test]
fn a_long_article_scrolls_to_its_end_and_draws_only_what_is_visible() {
    let paragraph = "Ferries have linked the three towns since the 1890s, and Alvarez \
                     said the board would publish a timetable. 東京 — 🇰🇷 naïve café. ";
    let mut text = String::new();
    let mut blocks = Vec::new();
    while text.len() < 1_000_000 {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        text.push_str(&paragraph.repeat(5));
        blocks.push(Block {
            kind: BlockKind::Paragraph,
            span: Span::new(start, text.len()),
        });
    }
    let mentions = find(&text, "Alvarez");
    let doc = Document {
        analysis: Analysis {
            entities: vec![Entity {
                kind: EntityKind::Person,
                name: "Alvarez".into(),
                roles: vec![],
                mentions,
                geo: None,
            }],
            ..Analysis::default()
        },
        article: Article {
            text,
            blocks,
            meta: Meta::default(),
        },
    };
    let mut app = app_with(doc, 160, 48);
    press(&mut app, "G");
    assert_eq!(app.percent(), 100);
    assert!(screen(&app).contains("naïve café"));
    press(&mut app, "1 N");
    assert!(app.is_visible(app.mark.unwrap().start), "{}", message(&app));
    press(&mut app, "0 g 1 N");
    assert!(message(&app).contains("from the end"), "{}", message(&app));
    assert!(app.is_visible(app.mark.unwrap().start));
}

fn action() -> impl Strategy<Value = Action> {
    let pane = prop_oneof![
        Just(Pane::Article),
        Just(Pane::People),
        Just(Pane::Places),
        Just(Pane::Quotes)
    ];
    prop_oneof![
        Just(Action::Down),
        Just(Action::Up),
        Just(Action::PageDown),
        Just(Action::HalfPageUp),
        Just(Action::Top),
        Just(Action::Bottom),
        Just(Action::NextPane),
        Just(Action::PreviousPane),
        pane.prop_map(Action::FocusPane),
        Just(Action::Jump),
        Just(Action::NextMention),
        Just(Action::PreviousMention),
        Just(Action::NextPerson),
        Just(Action::PreviousPerson),
        Just(Action::ToggleQuoteFilter),
        Just(Action::SearchStart),
        prop::sample::select(vec!['a', 'e', 'K', ' ', '東']).prop_map(Action::SearchInput),
        Just(Action::SearchBackspace),
        Just(Action::SearchConfirm),
        Just(Action::Cancel),
        Just(Action::ToggleFullWidth),
        Just(Action::ToggleTheme),
        Just(Action::Copy),
        Just(Action::ToggleHelp),
        (1u16..200, 1u16..60).prop_map(|(width, height)| Action::Resize { width, height }),
        (0u16..200, 0u16..60).prop_map(|(column, row)| Action::Click { column, row }),
        (0u16..200, 0u16..60, any::<bool>()).prop_map(|(column, row, down)| Action::Wheel {
            column,
            row,
            down
        }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        // failed cases are saved and re-run from `robustness.proptest-regressions`
        // next to this file (proptest's default would be a folder beside
        // the test binary's main.rs)
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::with_cases(64)
    })]

    #[test]
    fn any_sequence_of_actions_keeps_the_state_consistent(
        actions in prop::collection::vec(action(), 1..60),
        analysed in any::<bool>(),
    ) {
        let doc = if analysed { document() } else { unanalysed() };
        let mut app = app_with(doc, 80, 24);
        for a in actions {
            update(&mut app, a);
            prop_assert!(app.scroll <= app.max_scroll());
            for pane in [Pane::People, Pane::Places, Pane::Quotes] {
                let len = app.list_len(pane);
                prop_assert!(len == 0 || app.cursor(pane).selected < len);
            }
            if let Some(m) = app.mark {
                prop_assert!(m.end <= app.doc.article.text.len());
            }
        }
        screen(&app);
    }
}

#[test]
fn an_empty_article_opens_on_a_screen_that_says_so() {
    let empty = Document::from_text("", &gloss::article::CleanOptions::default());
    assert!(empty.article.blocks.is_empty());
    let mut app = app_with(empty, 100, 20);
    let shown = screen(&app);
    assert!(shown.contains("This article is empty"), "{shown}");
    // keys that move through the text do nothing, and say why
    press(&mut app, "j G n");
    assert!(screen(&app).contains("This article is empty"));
}
