//! The terminal session and the event loop.
//!
//! Raw mode, the alternate screen and mouse capture are entered together and
//! always left together: on a normal exit, on an error (the guard's `Drop`)
//! and on a panic (a panic hook that restores the terminal before the panic
//! message is printed).

use std::io::{self, Stdout, Write};
use std::sync::Once;
use std::time::Duration;

use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::action::{Action, Effect};
use super::app::App;
use super::background::Pending;
use super::keymap::route;
use super::{draw, update};

type Term = Terminal<CrosstermBackend<Stdout>>;

/// How often the event loop looks for the analysis while it runs.
const ANALYSIS_POLL: Duration = Duration::from_millis(25);

/// Put the terminal back as it was. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // a panic in the analysis or the feeds' refresh thread is
            // reported in the reader, which goes on
            if super::background::reports_its_panics(std::thread::current().name()) {
                return;
            }
            restore();
            previous(info);
        }));
    });
}

/// The terminal in reader mode; restored when dropped.
pub struct Session {
    pub terminal: Term,
}

impl Session {
    pub fn enter() -> io::Result<Self> {
        install_panic_hook();
        enable_raw_mode()?;
        let entered = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
            .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())));
        match entered {
            Ok(terminal) => Ok(Session { terminal }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Session {
    /// Give the terminal back (cooked mode, main screen) while `f` runs, a
    /// program of the user's say, then take it again and redraw everything.
    pub fn suspend<T>(&mut self, f: impl FnOnce() -> T) -> io::Result<T> {
        restore();
        let out = f();
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        self.terminal.clear()?;
        Ok(out)
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        restore();
    }
}

/// The action an event stands for, if any.
pub fn action_for(app: &App, event: &Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => route(app, key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                down: m.kind == MouseEventKind::ScrollDown,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Resize(width, height) => Some(Action::Resize {
            width: *width,
            height: *height,
        }),
        _ => None,
    }
}

/// Run the reader until the user quits or opens another article. With `exit_after_first_frame`, return
/// right after the first frame is drawn (for start-up benchmarks).
pub fn event_loop(
    session: &mut Session,
    app: &mut App,
    mut pending: Option<Pending>,
    exit_after_first_frame: bool,
) -> io::Result<super::Exit> {
    loop {
        session.terminal.draw(|frame| draw(app, frame))?;
        if exit_after_first_frame {
            return Ok(super::Exit::Quit);
        }
        // While the analysis runs, or the feeds are refreshed (or due to
        // be), look for them between events.
        let wait = match (&pending, app.feeds.wake_in()) {
            (Some(_), feeds) => Some(feeds.map_or(ANALYSIS_POLL, |w| w.min(ANALYSIS_POLL))),
            (None, feeds) => feeds,
        };
        // changes to the notes a lock kept back are tried again
        let wait = match (wait, super::note_taking::retry_in(app)) {
            (Some(w), Some(r)) => Some(w.min(r)),
            (w, r) => w.or(r),
        };
        if let Some(wait) = wait
            && !event::poll(wait)?
        {
            if let Some(outcome) = pending.as_ref().and_then(Pending::poll) {
                super::analysis_done(app, outcome);
                pending = None;
            }
            super::feedlist::tick(app);
            super::note_taking::retry_save(app);
            continue;
        }
        // Wait for an event, then take every event already queued before
        // drawing again: many changes, one frame.
        let mut event = Some(event::read()?);
        while let Some(ev) = event.take() {
            if let Some(action) = action_for(app, &ev) {
                match update(app, action) {
                    Effect::None => {}
                    Effect::Quit => return Ok(super::Exit::Quit),
                    Effect::OpenArticle { key, at } => {
                        return Ok(super::Exit::Open { key, at });
                    }
                    Effect::OpenFile(path) => return Ok(super::Exit::OpenFile(path)),
                    Effect::Copy(text) => copy(session, app, &text),
                    Effect::OpenUrl(url) => open_url(app, &url),
                    Effect::EditExternally(text) => {
                        let edited =
                            session.suspend(|| super::note_taking::external::edit(&text))?;
                        super::note_taking::external_edit_done(app, edited);
                    }
                }
            }
            if event::poll(Duration::ZERO)? {
                event = Some(event::read()?);
            }
        }
        // Nothing is waiting: keep the note being typed on disk.
        super::note_taking::flush_draft(app);
        super::feedlist::tick(app);
    }
}

/// Copy over OSC 52: the terminal puts the text on the clipboard.
fn copy(session: &mut Session, app: &mut App, text: &str) {
    let backend = session.terminal.backend_mut();
    let written =
        execute!(backend, CopyToClipboard::to_clipboard_from(text)).and_then(|()| backend.flush());
    if let Err(e) = written {
        app.set_error(format!("Could not copy: {e}"));
    }
}

/// Open a URL in `$BROWSER`, else with the system's opener (`xdg-open`,
/// `open`), without waiting for it. The reader keeps the terminal: the
/// opener runs detached with no standard input or output, so nothing it
/// prints lands on the screen (a browser that needs the terminal, like
/// lynx, cannot be used this way).
fn open_url(app: &mut App, url: &str) {
    // An empty $BROWSER means none (opener would try to run a program "").
    let browser = std::env::var_os("BROWSER").is_some_and(|b| !b.is_empty());
    let opened = if browser {
        opener::open_browser(url)
    } else {
        opener::open(url)
    };
    if let Err(e) = opened {
        // opener's message leaves out why a program could not be started
        let why = match std::error::Error::source(&e) {
            Some(source) => format!("{e}: {source}"),
            None => e.to_string(),
        };
        app.set_error(format!(
            "Could not open the URL: {}",
            why.replace('\n', " ")
        ));
    }
}
