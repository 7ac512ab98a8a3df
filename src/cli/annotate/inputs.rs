//! The inputs of a batch, listed lazily and in order: the arguments (a
//! folder's files in its place), then the lines of each `--jsonl` file.
//!
//! Nothing is read here but folder listings (one folder's names at a time
//! per level) and `--jsonl` lines (one at a time): files and URLs are loaded
//! by the worker that annotates them.

use std::ffi::OsString;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::{Format, Source};
use crate::source::MAX_BYTES;

/// One input of a batch: what names it in the output, and what to annotate.
#[derive(Debug, PartialEq)]
pub struct Item {
    /// A string (the path or URL) or, from `--jsonl`, the line's id as given
    /// (a string or a number; null when the line has none).
    pub id: Value,
    pub what: What,
}

#[derive(Debug, PartialEq)]
pub enum What {
    /// A file, standard input or a URL, to load.
    Load(Source),
    /// A `--jsonl` line's text or HTML, with its URL if it gave one.
    Given {
        text: String,
        format: Format,
        url: Option<String>,
    },
    /// An input that cannot be annotated, and why (one line).
    Failed(String),
}

impl Item {
    fn path(path: PathBuf) -> Item {
        Item {
            id: path_id(&path),
            what: What::Load(Source::Path(path)),
        }
    }

    fn failed(id: Value, reason: String) -> Item {
        Item {
            id,
            what: What::Failed(reason),
        }
    }
}

fn path_id(path: &Path) -> Value {
    Value::String(path.display().to_string())
}

/// The items of `args` (files, folders, URLs, `-`) then of the `--jsonl`
/// files, in that order. Standard input may be read once only.
pub fn items<'a>(
    args: &'a [PathBuf],
    jsonl: &'a [PathBuf],
    max_bytes: u64,
) -> anyhow::Result<impl Iterator<Item = Item> + 'a> {
    let is_stdin = |p: &&PathBuf| p.as_os_str() == "-";
    if args.iter().chain(jsonl).filter(is_stdin).count() > 1 {
        anyhow::bail!("standard input (-) can be read only once");
    }
    let from_args = args
        .iter()
        .flat_map(|arg| -> Box<dyn Iterator<Item = Item>> {
            match Source::from_arg(arg) {
                Source::Path(path) if path.is_dir() => Box::new(Walk::new(path)),
                source => Box::new(std::iter::once(Item {
                    id: Value::String(arg.display().to_string()),
                    what: What::Load(source),
                })),
            }
        });
    let from_jsonl = jsonl
        .iter()
        .flat_map(move |file| JsonLines::open(file).with_limit(max_bytes));
    Ok(from_args.chain(from_jsonl))
}

/// A folder's regular files, in byte order of their names, with each
/// subfolder's files in its place; names starting with `.` are skipped.
/// Symbolic links to files are taken, links to folders are not followed.
/// A folder that cannot be listed is an item that failed.
pub struct Walk {
    /// The folders being listed, outermost first, with the names left.
    stack: Vec<(PathBuf, std::vec::IntoIter<OsString>)>,
    /// The top folder's error, given once.
    failed: Option<Item>,
}

impl Walk {
    pub fn new(folder: PathBuf) -> Walk {
        let mut walk = Walk {
            stack: Vec::new(),
            failed: None,
        };
        match listing(&folder) {
            Ok(names) => walk.stack.push((folder, names.into_iter())),
            Err(item) => walk.failed = Some(item),
        }
        walk
    }
}

impl Iterator for Walk {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if let Some(item) = self.failed.take() {
            return Some(item);
        }
        loop {
            let (folder, names) = self.stack.last_mut()?;
            let Some(name) = names.next() else {
                self.stack.pop();
                continue;
            };
            let path = folder.join(name);
            let meta = match fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(e) => return Some(Item::failed(path_id(&path), io_message(&path, &e))),
            };
            if meta.is_dir() {
                match listing(&path) {
                    Ok(names) => self.stack.push((path, names.into_iter())),
                    Err(item) => return Some(item),
                }
            } else if meta.is_file() || (meta.is_symlink() && path.is_file()) {
                return Some(Item::path(path));
            }
        }
    }
}

/// A folder's names, but hidden ones, sorted.
fn listing(folder: &Path) -> Result<Vec<OsString>, Item> {
    let failed = |e: std::io::Error| {
        let reason = format!(
            "{}: cannot list the folder: {}",
            folder.display(),
            io_reason(&e)
        );
        Item::failed(path_id(folder), reason)
    };
    let mut names = Vec::new();
    for entry in fs::read_dir(folder).map_err(failed)? {
        let name = entry.map_err(failed)?.file_name();
        if name.as_encoded_bytes().first() != Some(&b'.') {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// `path: reason`.
fn io_message(path: &Path, e: &std::io::Error) -> String {
    format!("{}: {}", path.display(), io_reason(e))
}

/// An io::Error's message in lower case, without its "(os error N)".
fn io_reason(e: &std::io::Error) -> String {
    let text = e.to_string();
    let reason = text.rfind(" (os error").map_or(&text[..], |i| &text[..i]);
    reason.to_lowercase()
}

/// The lines of a `--jsonl` file, each an item; a file that cannot be
/// opened is an item that failed, named by the file's path. Blank lines are
/// skipped.
pub struct JsonLines {
    /// How messages name the file: its path, or `stdin`.
    name: String,
    reader: Option<Box<dyn BufRead>>,
    /// The line last read, 1-based.
    line: usize,
    buf: Vec<u8>,
    /// The file's own error, given once.
    failed: Option<Item>,
    /// The longest line read (`[limits] article-mb`); a longer one is an
    /// error line.
    max_bytes: u64,
}

impl JsonLines {
    pub fn open(file: &Path) -> JsonLines {
        let name = if file.as_os_str() == "-" {
            "stdin".to_string()
        } else {
            file.display().to_string()
        };
        let (reader, failed): (Option<Box<dyn BufRead>>, _) = if file.as_os_str() == "-" {
            (Some(Box::new(std::io::stdin().lock())), None)
        } else {
            match fs::File::open(file) {
                Ok(f) => (Some(Box::new(BufReader::with_capacity(1 << 16, f))), None),
                Err(e) => (
                    None,
                    Some(Item::failed(path_id(file), io_message(file, &e))),
                ),
            }
        };
        JsonLines::new(name, reader, failed)
    }

    /// Lines from a reader; `name` is how messages call it.
    pub fn from_reader(name: &str, reader: impl BufRead + 'static) -> JsonLines {
        JsonLines::new(name.to_string(), Some(Box::new(reader)), None)
    }

    fn new(name: String, reader: Option<Box<dyn BufRead>>, failed: Option<Item>) -> JsonLines {
        JsonLines {
            name,
            reader,
            line: 0,
            buf: Vec::new(),
            failed,
            max_bytes: MAX_BYTES,
        }
    }

    /// The same lines, each of at most `max_bytes`.
    pub fn with_limit(mut self, max_bytes: u64) -> JsonLines {
        self.max_bytes = max_bytes;
        self
    }
}

impl Iterator for JsonLines {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if let Some(item) = self.failed.take() {
            return Some(item);
        }
        loop {
            let reader = self.reader.as_mut()?;
            self.line += 1;
            let at = format!("{} line {}", self.name, self.line);
            match read_line(reader, &mut self.buf, self.max_bytes) {
                Ok(Read::End) => {
                    self.reader = None;
                    return None;
                }
                Ok(Read::TooLong) => {
                    let reason = format!(
                        "{at}: too long: more than {} ([limits] article-mb); not read",
                        crate::source::size_of(self.max_bytes)
                    );
                    return Some(Item::failed(Value::Null, reason));
                }
                Ok(Read::Line) if self.buf.trim_ascii().is_empty() => continue,
                Ok(Read::Line) => return Some(parse_line(&self.buf, &at)),
                Err(e) => {
                    // a file that cannot be read further ends here
                    self.reader = None;
                    let reason = format!("{at}: cannot read: {}", io_reason(&e));
                    return Some(Item::failed(Value::Null, reason));
                }
            }
        }
    }
}

enum Read {
    Line,
    TooLong,
    End,
}

/// Read a line into `buf` (without its `\n` or `\r\n`), keeping at most
/// `max_bytes` of it: a longer line is skipped to its end.
fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max_bytes: u64) -> std::io::Result<Read> {
    use std::io::Read as _;
    buf.clear();
    let n = reader.take(max_bytes + 1).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(Read::End);
    }
    if buf.last() == Some(&b'\n') {
        buf.pop();
        if buf.last() == Some(&b'\r') {
            buf.pop();
        }
    } else if buf.len() as u64 > max_bytes {
        buf.clear();
        reader.skip_until(b'\n')?;
        return Ok(Read::TooLong);
    }
    Ok(Read::Line)
}

/// One `--jsonl` line to an item: `{"id", "text"}` or `{"id", "html"}`, with
/// an optional `"url"`, or `{"id", "url"}` to fetch. Other members are
/// ignored. A line that is not one of these is an item that failed, with its
/// id when it has a usable one; `at` names the file and line.
pub fn parse_line(line: &[u8], at: &str) -> Item {
    let mut object = match serde_json::from_slice::<Value>(line) {
        Ok(Value::Object(object)) => object,
        Ok(_) => return Item::failed(Value::Null, format!("{at}: not a JSON object")),
        Err(e) => return Item::failed(Value::Null, format!("{at}: not JSON: {e}")),
    };
    let id = match object.remove("id") {
        Some(id @ (Value::String(_) | Value::Number(_))) => id,
        Some(_) => {
            let reason = format!("{at}: \"id\" must be a string or a number");
            return Item::failed(Value::Null, reason);
        }
        None => return Item::failed(Value::Null, format!("{at}: no \"id\"")),
    };
    match what_of(&mut object) {
        Ok(what) => Item { id, what },
        Err(reason) => Item::failed(id, format!("{at}: {reason}")),
    }
}

fn what_of(object: &mut Map<String, Value>) -> Result<What, String> {
    let url = string_member(object, "url")?;
    let text = string_member(object, "text")?;
    let html = string_member(object, "html")?;
    let (text, format) = match (text, html) {
        (Some(_), Some(_)) => return Err("both \"text\" and \"html\"; give one".into()),
        (Some(text), None) => (text, Format::Text),
        (None, Some(html)) => (html, Format::Html),
        (None, None) => {
            return match url {
                Some(url) => Ok(What::Load(Source::Url(url))),
                None => Err("no \"text\", \"html\" or \"url\"".into()),
            };
        }
    };
    // an empty text is an empty article, as an empty file is
    Ok(What::Given { text, format, url })
}

/// A member that must be a string when present (null counts as absent).
fn string_member(object: &mut Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match object.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(format!("\"{key}\" must be a string")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Item> {
        JsonLines::from_reader("in.jsonl", std::io::Cursor::new(text.to_string())).collect()
    }

    fn error(item: &Item) -> &str {
        match &item.what {
            What::Failed(reason) => reason,
            other => panic!("not an error: {other:?}"),
        }
    }

    #[test]
    fn a_jsonl_line_gives_its_text_or_html_with_the_url_as_metadata() {
        let items = lines(concat!(
            r#"{"id": "a", "text": "Some words.", "url": "https://example.org/a"}"#,
            "\n",
            r#"{"id": 7, "html": "<p>Words.</p>", "source": "ignored"}"#,
            "\r\n\n",
            r#"{"id": "c", "url": "https://example.org/c"}"#,
        ));
        assert_eq!(
            items,
            [
                Item {
                    id: "a".into(),
                    what: What::Given {
                        text: "Some words.".into(),
                        format: Format::Text,
                        url: Some("https://example.org/a".into()),
                    },
                },
                Item {
                    id: 7.into(),
                    what: What::Given {
                        text: "<p>Words.</p>".into(),
                        format: Format::Html,
                        url: None,
                    },
                },
                Item {
                    id: "c".into(),
                    what: What::Load(Source::Url("https://example.org/c".into())),
                },
            ]
        );
    }

    #[test]
    fn a_bad_jsonl_line_is_an_error_naming_the_line_and_the_rest_come() {
        let items = lines(concat!(
            "{not json\n",
            "[1, 2]\n",
            r#"{"text": "no id"}"#,
            "\n",
            r#"{"id": ["x"], "text": "t"}"#,
            "\n",
            r#"{"id": "both", "text": "t", "html": "<p>h</p>"}"#,
            "\n",
            r#"{"id": "none"}"#,
            "\n",
            r#"{"id": "blank", "text": "  \n "}"#,
            "\n",
            r#"{"id": "typed", "text": 3}"#,
            "\n",
            r#"{"id": "ok", "text": "Fine."}"#,
            "\n",
        ));
        assert_eq!(items.len(), 9);
        let ids: Vec<&Value> = items.iter().map(|i| &i.id).collect();
        assert_eq!(
            ids,
            [
                &Value::Null,
                &Value::Null,
                &Value::Null,
                &Value::Null,
                &"both".into(),
                &"none".into(),
                &"blank".into(),
                &"typed".into(),
                &"ok".into()
            ]
        );
        assert!(error(&items[0]).starts_with("in.jsonl line 1: not JSON: "));
        assert_eq!(error(&items[1]), "in.jsonl line 2: not a JSON object");
        assert_eq!(error(&items[2]), "in.jsonl line 3: no \"id\"");
        assert_eq!(
            error(&items[3]),
            "in.jsonl line 4: \"id\" must be a string or a number"
        );
        assert_eq!(
            error(&items[4]),
            "in.jsonl line 5: both \"text\" and \"html\"; give one"
        );
        assert_eq!(
            error(&items[5]),
            "in.jsonl line 6: no \"text\", \"html\" or \"url\""
        );
        // a blank text is an empty article, as an empty file is
        assert!(matches!(items[6].what, What::Given { .. }));
        assert_eq!(
            error(&items[7]),
            "in.jsonl line 8: \"text\" must be a string"
        );
        assert!(matches!(items[8].what, What::Given { .. }));
    }

    #[test]
    fn a_missing_jsonl_file_is_one_failed_item() {
        let items: Vec<Item> = JsonLines::open(Path::new("/no/such/file.jsonl")).collect();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0].id, "/no/such/file.jsonl");
        assert_eq!(
            error(&items[0]),
            "/no/such/file.jsonl: no such file or directory"
        );
    }

    #[test]
    fn a_folder_gives_its_files_in_name_order_without_hidden_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for rel in [
            "b.txt",
            "a.html",
            "c/z.txt",
            "c/a.txt",
            ".hidden",
            ".git/x.txt",
            "B.txt",
        ] {
            let path = root.join(rel);
            fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            fs::write(&path, "text").expect("write");
        }
        fs::create_dir(root.join("empty")).expect("mkdir");
        let ids: Vec<String> = Walk::new(root.to_path_buf())
            .map(|item| {
                assert!(matches!(item.what, What::Load(Source::Path(_))));
                item.id.as_str().expect("string id").to_string()
            })
            .collect();
        let expected: Vec<String> = ["B.txt", "a.html", "b.txt", "c/a.txt", "c/z.txt"]
            .iter()
            .map(|rel| root.join(rel).display().to_string())
            .collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn standard_input_can_be_read_once() {
        let dash = PathBuf::from("-");
        let err = items(
            std::slice::from_ref(&dash),
            std::slice::from_ref(&dash),
            MAX_BYTES,
        )
        .err()
        .expect("refused");
        assert_eq!(err.to_string(), "standard input (-) can be read only once");
    }
}
