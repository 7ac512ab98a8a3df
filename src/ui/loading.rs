//! The screen shown while the article is still on its way (a URL being
//! fetched and cleaned on another thread): the address, the time waited, and
//! how to cancel. The interface keeps answering meanwhile: a resize redraws,
//! `Esc` (or the quit key, or Ctrl-c) cancels.
//!
//! [`Loading`] is plain state; [`Loading::key`] says what a key does and
//! [`draw`] renders it, so both are tested without a terminal.

use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEvent, KeyEventKind};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

use super::action::Action;
use super::keymap::KeyMap;
use super::keys::{Code, KeyChord};
use super::sanitize::sanitize;
use super::settings::ReaderSettings;
use super::terminal::Session;
use super::theme::{ColorEnv, Theme};
use crate::article::Article;
use crate::article_id::ArticleId;

/// What the loading thread sends: the clean article and its id, or why it
/// could not be had (one line).
pub type Loaded = Result<(Article, ArticleId), String>;

/// How often the screen looks for the article and redraws the time waited.
const TICK: Duration = Duration::from_millis(100);

/// How the wait ended.
pub enum Outcome<T = (Article, ArticleId)> {
    Loaded(Box<T>),
    Failed(String),
    Cancelled,
}

/// The loading screen's state.
pub struct Loading {
    /// What is being fetched (the URL).
    pub label: String,
    pub theme: Theme,
    /// The keys that cancel: `Esc`, and those of `quit`.
    cancel: Vec<KeyChord>,
    /// Tenths of a second waited so far.
    pub waited: Duration,
    /// A yes/no question asked once the wait is over ([`ask`]).
    pub question: Option<String>,
}

impl Loading {
    pub fn new(
        label: &str,
        settings: &ReaderSettings,
        color_env: &ColorEnv,
    ) -> anyhow::Result<Self> {
        let keymap = KeyMap::new(&settings.keys)?;
        let mut cancel = vec![KeyChord::plain(Code::Esc)];
        cancel.extend_from_slice(keymap.keys_for(Action::Quit));
        let palette = Theme::initial_palette(&settings.theme, color_env);
        Ok(Loading {
            label: label.to_string(),
            theme: Theme::new(palette, &settings.theme.colors, color_env),
            cancel,
            waited: Duration::ZERO,
            question: None,
        })
    }

    /// Whether this key cancels the wait (Ctrl-c always does).
    pub fn cancels(&self, key: &KeyEvent) -> bool {
        if key.kind == KeyEventKind::Release {
            return false;
        }
        KeyChord::from_event(key).is_some_and(|chord| {
            self.cancel.contains(&chord) || (chord.ctrl && chord.code == Code::Char('c'))
        })
    }

    /// The answer a key gives to the question: `y` yes; `n`, `Esc`, the
    /// quit keys and Ctrl-c no; `None` for any other key.
    pub fn answer(&self, key: &KeyEvent) -> Option<bool> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let chord = KeyChord::from_event(key)?;
        match chord.code {
            Code::Char('y' | 'Y') if !chord.ctrl && !chord.alt => Some(true),
            Code::Char('n' | 'N') if !chord.ctrl && !chord.alt => Some(false),
            _ if self.cancels(key) => Some(false),
            _ => None,
        }
    }

    fn cancel_label(&self) -> String {
        self.cancel
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(" or ")
    }
}

/// Draw the loading screen: the address in the middle, "fetching…" with the
/// time waited in the status bar.
pub fn draw(loading: &Loading, frame: &mut Frame) {
    let theme = &loading.theme;
    let [header, body, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    frame.render_widget(Paragraph::new(Span::styled(" gloss", theme.title)), header);
    let [_, middle, _] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(4),
        Constraint::Fill(1),
    ])
    .areas(body);
    if let Some(question) = &loading.question {
        frame.render_widget(
            Paragraph::new(Line::from(Span::styled(
                sanitize(question).into_owned(),
                theme.text,
            )))
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
            middle,
        );
        let status_line = Line::from(vec![
            Span::styled(" ASK ", theme.badge),
            Span::raw(" "),
            Span::styled("y", theme.key),
            Span::styled(" yes · ", theme.dim),
            Span::styled("n", theme.key),
            Span::styled(" no", theme.dim),
        ]);
        frame.render_widget(Paragraph::new(status_line), status);
        return;
    }
    let text = vec![
        Line::from(Span::styled("Fetching", theme.dim)),
        Line::from(Span::styled(
            sanitize(&loading.label).into_owned(),
            theme.text,
        )),
    ];
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .block(Block::default().borders(Borders::NONE)),
        middle,
    );
    let status_line = Line::from(vec![
        Span::styled(" FETCH ", theme.badge),
        Span::raw(format!(
            " fetching… {:.1} s  ",
            loading.waited.as_secs_f64()
        )),
        Span::styled(loading.cancel_label(), theme.key),
        Span::styled(" cancel", theme.dim),
    ]);
    frame.render_widget(Paragraph::new(status_line), status);
}

/// Show the loading screen until `poll` brings the article or says why it
/// could not be had, or the user cancels. Nothing blocks: keys and resizes
/// are answered between looks.
pub fn wait<T>(
    session: &mut Session,
    loading: &mut Loading,
    poll: &mut dyn FnMut() -> Option<Result<T, String>>,
) -> std::io::Result<Outcome<T>> {
    let started = Instant::now();
    loop {
        match poll() {
            Some(Ok(loaded)) => return Ok(Outcome::Loaded(Box::new(loaded))),
            Some(Err(reason)) => return Ok(Outcome::Failed(reason)),
            None => {}
        }
        loading.waited = started.elapsed();
        session.terminal.draw(|frame| draw(loading, frame))?;
        if event::poll(TICK)? {
            match event::read()? {
                Event::Key(key) if loading.cancels(&key) => return Ok(Outcome::Cancelled),
                // a resize is drawn on the next round
                _ => {}
            }
        }
    }
}

/// Ask a yes/no question on the loading screen until it is answered.
pub fn ask(session: &mut Session, loading: &mut Loading, question: &str) -> std::io::Result<bool> {
    loading.question = Some(question.to_string());
    loop {
        session.terminal.draw(|frame| draw(loading, frame))?;
        if let Event::Key(key) = event::read()?
            && let Some(yes) = loading.answer(&key)
        {
            loading.question = None;
            return Ok(yes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyCode, KeyModifiers};
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn loading() -> Loading {
        Loading::new(
            "https://news.example/2026/story",
            &ReaderSettings::default(),
            &ColorEnv::default(),
        )
        .expect("default keys")
    }

    fn screen(loading: &Loading, width: u16, height: u16) -> String {
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
        terminal.draw(|f| draw(loading, f)).expect("draws");
        let buffer = terminal.backend().buffer();
        (0..height)
            .map(|y| {
                (0..width)
                    .map(|x| buffer[(x, y)].symbol())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn esc_quit_and_ctrl_c_cancel_other_keys_do_not() {
        let l = loading();
        let key = |code, modifiers| KeyEvent::new(code, modifiers);
        assert!(l.cancels(&key(KeyCode::Esc, KeyModifiers::NONE)));
        assert!(l.cancels(&key(KeyCode::Char('q'), KeyModifiers::NONE)));
        assert!(l.cancels(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)));
        assert!(!l.cancels(&key(KeyCode::Char('j'), KeyModifiers::NONE)));
        assert!(!l.cancels(&key(KeyCode::Enter, KeyModifiers::NONE)));
    }

    #[test]
    fn the_screen_names_the_address_the_wait_and_the_cancel_key() {
        let mut l = loading();
        l.waited = Duration::from_millis(1234);
        insta::assert_snapshot!(screen(&l, 60, 10));
    }

    #[test]
    fn a_long_address_wraps_on_a_narrow_terminal() {
        let mut l = loading();
        l.label = format!("https://news.example/{}", "long-path/".repeat(8));
        let s = screen(&l, 30, 12);
        assert!(s.contains("https://news.example/"), "{s}");
        assert!(s.contains("fetching…"), "{s}");
    }

    #[test]
    fn a_question_is_asked_and_answered_by_y_or_n_esc_and_quit_say_no() {
        let mut l = loading();
        l.question = Some("https://news.example/feed is a feed. Subscribe to it?".to_string());
        let s = screen(&l, 60, 10);
        assert!(s.contains("is a feed. Subscribe to it?"), "{s}");
        assert!(s.contains("ASK  y yes · n no"), "{s}");
        assert!(!s.contains("fetching"), "{s}");
        let key = |code, modifiers| KeyEvent::new(code, modifiers);
        assert_eq!(
            l.answer(&key(KeyCode::Char('y'), KeyModifiers::NONE)),
            Some(true)
        );
        assert_eq!(
            l.answer(&key(KeyCode::Char('Y'), KeyModifiers::SHIFT)),
            Some(true)
        );
        assert_eq!(
            l.answer(&key(KeyCode::Char('n'), KeyModifiers::NONE)),
            Some(false)
        );
        assert_eq!(
            l.answer(&key(KeyCode::Esc, KeyModifiers::NONE)),
            Some(false)
        );
        assert_eq!(
            l.answer(&key(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(false)
        );
        assert_eq!(
            l.answer(&key(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(false)
        );
        assert_eq!(l.answer(&key(KeyCode::Char('j'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn escape_sequences_in_the_address_are_not_drawn() {
        let mut l = loading();
        l.label = "https://x.example/\u{1b}[31mred".to_string();
        let s = screen(&l, 60, 10);
        assert!(!s.contains('\u{1b}'), "{s}");
    }
}
