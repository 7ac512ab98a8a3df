//! Continuing a note in the user's own editor (`$VISUAL`, else `$EDITOR`,
//! else `vi`), the way git runs it: through the shell, so that a setting
//! such as `code --wait` works. The caller leaves the alternate screen and
//! raw mode first and comes back after.

use std::io::{self, Write};
use std::process::Command;

/// The editor command to run, from the environment.
pub fn editor_command() -> String {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Let the user edit `text` in their editor and return what they saved.
/// The text goes through a private temporary file (0600), removed after.
pub fn edit(text: &str) -> io::Result<String> {
    edit_with(&editor_command(), text)
}

/// [`edit`] with this editor command.
pub fn edit_with(editor: &str, text: &str) -> io::Result<String> {
    let mut file = tempfile::Builder::new()
        .prefix("gloss-note-")
        .suffix(".md")
        .tempfile()?;
    file.write_all(text.as_bytes())?;
    if !text.is_empty() && !text.ends_with('\n') {
        file.write_all(b"\n")?;
    }
    file.flush()?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .arg(file.path())
        .status()
        .map_err(|e| io::Error::new(e.kind(), format!("cannot start {editor}: {e}")))?;
    if !status.success() {
        return Err(io::Error::other(format!(
            "{editor} ended with {status}; the note is as it was"
        )));
    }
    std::fs::read_to_string(file.path())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_comes_back_as_the_editor_left_it() {
        // An "editor" that appends a line, run through the shell like $EDITOR.
        let script = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(script.path(), "printf 'and more #later\\n' >> \"$1\"\n").unwrap();
        let cmd = format!("sh {}", script.path().display());
        let got = edit_with(&cmd, "First thought").unwrap();
        assert_eq!(got, "First thought\nand more #later\n");
    }

    #[test]
    fn an_editor_that_fails_is_an_error_not_an_empty_note() {
        let err = edit_with("false", "Keep me").unwrap_err();
        assert!(err.to_string().contains("false"), "{err}");
    }
}
