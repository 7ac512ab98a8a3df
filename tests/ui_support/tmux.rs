//! The real binary in a tmux pane of its own: keys in with `send-keys`, the
//! screen back with `capture-pane`. Waits poll the screen until the expected
//! text is there (or a timeout), never a fixed sleep. Each pane gets its own
//! tmux server and its own empty config and data directories.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(20);

static SERVERS: AtomicUsize = AtomicUsize::new(0);

/// A tmux server with one pane running gloss. Dropping it ends the server.
pub struct Tmux {
    socket: String,
    /// Holds `config/` and `data/`, and `stty.txt` after gloss exits.
    pub dir: PathBuf,
}

impl Tmux {
    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .args(["-L", &self.socket, "-f", "/dev/null"])
            .args(args)
            .output()
            .expect("tmux runs (.ci/run installs it)")
    }

    /// Start `gloss ARGS` in a 120×40 pane with `dir/config` and `dir/data`
    /// as its config and data directories, and `env` (`NAME=value` words) in
    /// its environment. After gloss exits the shell prints its exit status,
    /// records the terminal's settings in `dir/stty.txt` and stays, so that
    /// the pane can still be read (a dead pane is redrawn by tmux).
    pub fn start(args: &str, dir: &Path, env: &str) -> Tmux {
        Tmux::start_in_pipe("", args, "", dir, env)
    }

    /// As [`Tmux::start`], with a shell pipe around gloss: `before` (a
    /// command and `|`, or nothing) and `after` (`| cat`, or nothing).
    pub fn start_in_pipe(before: &str, args: &str, after: &str, dir: &Path, env: &str) -> Tmux {
        for d in ["config", "data"] {
            std::fs::create_dir_all(dir.join(d)).expect("dir");
        }
        let n = SERVERS.fetch_add(1, Ordering::SeqCst);
        let t = Tmux {
            socket: format!("gloss-e2e-notes-{}-{n}", std::process::id()),
            dir: dir.to_path_buf(),
        };
        let script = format!(
            "{before} env -u VISUAL -u EDITOR -u GLOSS_LEXICON XDG_CONFIG_HOME='{config}' XDG_DATA_HOME='{data}' COLORTERM=truecolor {env} '{bin}' {args} {after}; \
             echo \"gloss exited $?\"; stty -a > '{stty}'; echo 'terminal recorded'; exec sleep 86400",
            config = dir.join("config").display(),
            data = dir.join("data").display(),
            bin = env!("CARGO_BIN_EXE_gloss"),
            stty = dir.join("stty.txt").display(),
        );
        let out = t.tmux(&[
            "new-session",
            "-d",
            "-x",
            "120",
            "-y",
            "40",
            "sh",
            "-c",
            &script,
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    pub fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p"]).stdout).into_owned()
    }

    /// Wait until the screen shows `text`; the screen when it does.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_until(&format!("{text:?} on screen"), |s| s.contains(text))
    }

    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ok(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < TIMEOUT,
                "timed out waiting for {what}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// Send keys by tmux's names (`Tab`, `Enter`, `Escape`, `C-s`, `n`).
    pub fn key(&self, key: &str) {
        self.tmux(&["send-keys", key]);
    }

    /// Resize the pane (the window) to `width` × `height` cells.
    pub fn resize(&self, width: u16, height: u16) {
        let (w, h) = (width.to_string(), height.to_string());
        self.tmux(&["resize-window", "-x", &w, "-y", &h]);
    }

    /// Let programs in the pane set tmux's clipboard (OSC 52), read back
    /// with [`Tmux::clipboard`].
    pub fn accept_clipboard(&self) {
        self.tmux(&["set-option", "-s", "set-clipboard", "on"]);
    }

    /// The newest paste buffer: what the program last copied.
    pub fn clipboard(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["show-buffer"]).stdout).into_owned()
    }

    /// Send text literally.
    pub fn text(&self, text: &str) {
        self.tmux(&["send-keys", "-l", text]);
    }

    /// A tmux format of the pane (`#{alternate_on}`, `#{pane_pid}`).
    pub fn format(&self, f: &str) -> String {
        String::from_utf8_lossy(&self.tmux(&["display-message", "-p", f]).stdout)
            .trim()
            .to_string()
    }

    /// After gloss exited: the terminal is back as it was (main screen, no
    /// mouse reporting, cursor shown, cooked mode).
    pub fn assert_terminal_restored(&self) {
        self.wait_for("terminal recorded");
        assert_eq!(self.format("#{alternate_on}"), "0", "alternate screen off");
        assert_eq!(self.format("#{mouse_any_flag}"), "0", "mouse reporting off");
        assert_eq!(self.format("#{cursor_flag}"), "1", "cursor shown");
        let stty = std::fs::read_to_string(self.dir.join("stty.txt")).expect("stty ran");
        let words: Vec<&str> = stty.split_whitespace().collect();
        assert!(
            words.contains(&"icanon") && words.contains(&"echo"),
            "raw mode is off again: {stty}"
        );
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// The status bar: the last line of a screen.
pub fn status(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}
