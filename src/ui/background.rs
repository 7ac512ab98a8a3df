//! The analysis runs on its own thread while the reader opens: a long
//! article shows its text at once and its people, places and quotes when
//! they are ready. A short one is analysed within a few milliseconds, before
//! the first frame, so that it opens complete rather than flickering.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::thread;
use std::time::Duration;

use crate::analysis::lexicon::{Lexicon, Overlay};
use crate::analysis::{Analysis, Parts, analyze_with, analyze_with_lexicon};
use crate::article::Article;

/// The analysis thread's name; the panic hook leaves the terminal alone for it.
pub const THREAD_NAME: &str = "gloss-analysis";

/// The feeds' refresh thread's name ([`spawn_caught`]).
pub const REFRESH_THREAD: &str = "gloss-feeds";

/// The threads whose panic the reader reports itself (in its status line):
/// the panic hook leaves the terminal alone and prints nothing for them,
/// since the reader goes on.
pub fn reports_its_panics(thread: Option<&str>) -> bool {
    matches!(thread, Some(THREAD_NAME | REFRESH_THREAD))
}

/// What a panic said.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Run `work` on a thread named `name` (one of [`reports_its_panics`]'s)
/// and send what it gives; a panic in it is caught and sent as an error
/// (`"panicked: MESSAGE"`), the terminal left to the reader.
pub fn spawn_caught<T: Send + 'static>(
    name: &'static str,
    work: impl FnOnce() -> Result<T, String> + Send + 'static,
) -> std::io::Result<Receiver<Result<T, String>>> {
    let (tx, rx) = mpsc::sync_channel(1);
    thread::Builder::new()
        .name(name.to_string())
        .spawn(move || {
            let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                .unwrap_or_else(|payload| Err(format!("panicked: {}", panic_message(&*payload))));
            // the reader may have quit already
            let _ = tx.send(outcome);
        })?;
    Ok(rx)
}

/// How long opening waits for the analysis before showing the text alone.
pub const GRACE: Duration = Duration::from_millis(30);

/// What the analysis thread sends: the analysis, or why it failed.
pub type Outcome = Result<Analysis, String>;

/// An analysis under way.
pub struct Pending {
    rx: Receiver<Outcome>,
}

/// Analyse a copy of `article` on a new thread.
pub fn start(article: &Article) -> Pending {
    start_with(article, None, Parts::default())
}

/// Analyse a copy of `article` on a new thread, with a user lexicon's
/// `overlay` over the built-in lexicon when one is given, with `parts` (the
/// configuration's `[limits] line-bytes`).
pub fn start_with(article: &Article, overlay: Option<Overlay>, parts: Parts) -> Pending {
    let (tx, rx) = mpsc::channel();
    let article = article.clone();
    let spawned = thread::Builder::new()
        .name(THREAD_NAME.to_string())
        .spawn(move || {
            let run = || match overlay.as_ref().map(Lexicon::with_overlay) {
                Some(Ok(lex)) => analyze_with_lexicon(&article, parts, &lex),
                _ => analyze_with(&article, parts),
            };
            // the panic hook stays quiet for this thread: the reader says it
            let outcome = std::panic::catch_unwind(run).map_err(|payload| panic_message(&*payload));
            // the reader may have quit already
            let _ = tx.send(outcome);
        });
    if let Err(e) = spawned {
        // no thread: say so in the reader rather than failing to open
        let (tx, rx_now) = mpsc::channel();
        let _ = tx.send(Err(format!("could not start: {e}")));
        return Pending { rx: rx_now };
    }
    Pending { rx }
}

impl Pending {
    /// Wait up to `timeout` for the outcome.
    pub fn wait(&self, timeout: Duration) -> Option<Outcome> {
        match self.rx.recv_timeout(timeout) {
            Ok(outcome) => Some(outcome),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Err("the analysis stopped".to_string())),
        }
    }

    /// The outcome if it is there.
    pub fn poll(&self) -> Option<Outcome> {
        match self.rx.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err("the analysis stopped".to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;
    use crate::article::{CleanOptions, clean};

    #[test]
    fn the_outcome_is_the_analysis_of_the_article() {
        let article = clean(
            "Talks resume\n\nPresident Jane Holloway met Omar Castellanos in Lisbon on Monday.",
            &CleanOptions::default(),
        );
        let pending = start(&article);
        let outcome = pending
            .wait(Duration::from_secs(30))
            .expect("analysed within the timeout");
        assert_eq!(outcome, Ok(analyze(&article)));
    }

    #[test]
    fn a_panic_on_a_worker_thread_is_sent_as_an_error_and_the_hook_stays_quiet() {
        assert!(reports_its_panics(Some(REFRESH_THREAD)));
        assert!(reports_its_panics(Some(THREAD_NAME)));
        assert!(!reports_its_panics(Some("main")));
        assert!(!reports_its_panics(None));
        let rx = spawn_caught(REFRESH_THREAD, || -> Result<(), String> {
            panic!("a feed went wrong")
        })
        .expect("spawns");
        let got = rx.recv_timeout(Duration::from_secs(10)).expect("sent");
        assert_eq!(got, Err("panicked: a feed went wrong".to_string()));
        let rx = spawn_caught(REFRESH_THREAD, || Ok(7)).expect("spawns");
        assert_eq!(rx.recv_timeout(Duration::from_secs(10)), Ok(Ok(7)));
    }
}
