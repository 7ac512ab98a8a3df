//! The SQLite store of the library.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::query::Query;
use super::{ANALYSIS_VERSION, DB_FILE};
use crate::analysis::{Analysis, EntityKind};
use crate::article::Article;
use crate::article_id::ArticleId;

/// The schema this gloss writes. A database with a higher `user_version`
/// was made by a newer gloss and is refused.
pub const SCHEMA: i64 = 3;

/// The migrations: `MIGRATIONS[n]` takes a database from version `n` to `n + 1`.
const MIGRATIONS: &[&str] = &[
    r#"
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    origin TEXT NOT NULL,
    title TEXT NOT NULL,
    site TEXT,
    url TEXT,
    published TEXT,
    date INTEGER NOT NULL,
    added INTEGER NOT NULL,
    read_at INTEGER NOT NULL,
    unread INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    tags TEXT NOT NULL DEFAULT '',
    text_hash TEXT NOT NULL,
    article TEXT NOT NULL,
    analysis TEXT,
    analysis_version TEXT,
    size INTEGER NOT NULL
);
CREATE INDEX articles_date ON articles(date DESC, id DESC);
CREATE TABLE entities (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    mentions INTEGER NOT NULL,
    first INTEGER NOT NULL,
    PRIMARY KEY (article, entity)
) WITHOUT ROWID;
CREATE TABLE names (
    key TEXT NOT NULL,
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity INTEGER NOT NULL,
    PRIMARY KEY (key, article, entity)
) WITHOUT ROWID;
CREATE INDEX names_article ON names(article);
CREATE TABLE quotes (
    article INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity INTEGER NOT NULL,
    start INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes(article, entity);
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2');
"#,
    r#"
CREATE TABLE feed_items (
    feed TEXT NOT NULL,
    guid TEXT NOT NULL,
    link TEXT,
    key TEXT NOT NULL,
    full INTEGER NOT NULL,
    PRIMARY KEY (feed, guid)
);
CREATE INDEX feed_items_link ON feed_items(feed, link);
CREATE INDEX feed_items_key ON feed_items(key);
"#,
    r#"
CREATE TABLE searches (
    name TEXT NOT NULL PRIMARY KEY,
    query TEXT NOT NULL,
    added INTEGER NOT NULL
);
"#,
];

/// Why the library could not be used. Each message is one line.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("library {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("library {}: {source}", path.display())]
    Db {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "library {}: made by a newer gloss (schema {found}, this one knows up to {SCHEMA}); \
         upgrade gloss, or set another [library] dir",
        path.display()
    )]
    TooNew { path: PathBuf, found: i64 },
    #[error("library {}: {message}", path.display())]
    Data { path: PathBuf, message: String },
}

/// An article of the library, as its lists show it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Entry {
    pub key: String,
    pub id: ArticleId,
    pub title: String,
    pub site: Option<String>,
    pub url: Option<String>,
    pub published: Option<String>,
    /// The article's date (published, else first kept), seconds since the epoch.
    pub date: i64,
    /// When it was last opened, seconds since the epoch.
    pub read_at: i64,
    pub unread: bool,
    pub starred: bool,
    pub archived: bool,
    pub has_notes: bool,
    pub tags: Vec<String>,
}

/// A kept article: its clean text and, when the analysis that made it is
/// the one compiled in, its analysis.
#[derive(Clone, Debug)]
pub struct Kept {
    pub id: ArticleId,
    pub article: Article,
    pub analysis: Option<Analysis>,
}

/// An article that mentions someone ([`Library::who`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct WhoHit {
    pub entry: Entry,
    /// The name as this article gives it.
    pub name: String,
    pub kind: String,
    pub mentions: usize,
    /// The byte offset of the first mention in the article's text.
    pub first: usize,
    /// What they said there.
    pub quotes: Vec<String>,
}

/// An article's row as stored: origin, article, analysis and its version.
type StoredRow = (String, String, Option<String>, Option<String>);

/// The library's database.
pub struct Library {
    conn: Connection,
    path: PathBuf,
    /// The notes folder, to tell which articles have notes.
    notes_dir: Option<PathBuf>,
}

const ENTRY_COLUMNS: &str = "a.key, a.origin, a.title, a.site, a.url, a.published, a.date, a.read_at, a.unread, a.starred, a.archived, a.tags";

impl Library {
    /// Open (creating it, 0700/0600) the library in `dir`.
    pub fn open(dir: &Path) -> Result<Library, LibraryError> {
        let io = |source| LibraryError::Io {
            path: dir.to_path_buf(),
            source,
        };
        crate::notes::atomic::private_dir(dir).map_err(io)?;
        let path = dir.join(DB_FILE);
        #[cfg(unix)]
        if let Ok(meta) = std::fs::metadata(&path) {
            // one made looser (by hand, by an older gloss) is tightened
            use std::os::unix::fs::PermissionsExt;
            if meta.is_file() && meta.permissions().mode() & 0o077 != 0 {
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).map_err(
                    |source| LibraryError::Io {
                        path: path.clone(),
                        source,
                    },
                )?;
            }
        }
        if !path.exists() {
            // created private before SQLite opens it (its -wal and -shm
            // files take the same permissions)
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create(true).truncate(false);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            options.open(&path).map_err(|source| LibraryError::Io {
                path: path.clone(),
                source,
            })?;
        }
        let conn = Connection::open(&path).map_err(|source| LibraryError::Db {
            path: path.clone(),
            source,
        })?;
        let mut library = Library {
            conn,
            path,
            notes_dir: None,
        };
        library.setup()?;
        Ok(library)
    }

    /// Open the library the settings name; `None` when keeping is off or no
    /// folder is known.
    pub fn from_settings(
        settings: &super::LibrarySettings,
    ) -> Option<Result<Library, LibraryError>> {
        if !settings.keep {
            return None;
        }
        settings.dir().map(|dir| Library::open(&dir))
    }

    /// Tell which articles have notes from the notes in `dir`.
    pub fn with_notes_dir(mut self, dir: Option<PathBuf>) -> Library {
        self.notes_dir = dir;
        self
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn db<T>(&self, r: rusqlite::Result<T>) -> Result<T, LibraryError> {
        r.map_err(|source| LibraryError::Db {
            path: self.path.clone(),
            source,
        })
    }

    fn setup(&mut self) -> Result<(), LibraryError> {
        let r = self.conn.busy_timeout(Duration::from_secs(10));
        self.db(r)?;
        let mode: rusqlite::Result<String> =
            self.conn
                .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0));
        self.db(mode)?;
        let r = self
            .conn
            .execute_batch("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
        self.db(r)?;
        let version: rusqlite::Result<i64> =
            self.conn
                .query_row("PRAGMA user_version", [], |row| row.get(0));
        let version = self.db(version)?;
        if version > SCHEMA {
            return Err(LibraryError::TooNew {
                path: self.path.clone(),
                found: version,
            });
        }
        for (from, sql) in MIGRATIONS.iter().enumerate().skip(version.max(0) as usize) {
            let path = self.path.clone();
            let db = |source| LibraryError::Db {
                path: path.clone(),
                source,
            };
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(db)?;
            // another process may have migrated it meanwhile
            let now: i64 = tx
                .query_row("PRAGMA user_version", [], |row| row.get(0))
                .map_err(db)?;
            if now > from as i64 {
                continue;
            }
            tx.execute_batch(sql).map_err(db)?;
            tx.pragma_update(None, "user_version", from as i64 + 1)
                .map_err(db)?;
            tx.commit().map_err(db)?;
        }
        Ok(())
    }

    /// Keep an article just opened (or update it): its text, metadata and,
    /// when given, its analysis and the index of its names and quotes.
    /// `now` is when it was read.
    pub fn keep(
        &mut self,
        id: &ArticleId,
        article: &Article,
        analysis: Option<&Analysis>,
        now: i64,
    ) -> Result<(), LibraryError> {
        self.keep_all(std::iter::once((id, article, analysis)), now)
    }

    /// Keep many articles in one transaction (an import).
    pub fn keep_all<'a>(
        &mut self,
        items: impl IntoIterator<Item = (&'a ArticleId, &'a Article, Option<&'a Analysis>)>,
        now: i64,
    ) -> Result<(), LibraryError> {
        let path = self.path.clone();
        let db = |source| LibraryError::Db {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(db)?;
        for (id, article, analysis) in items {
            keep_in(&tx, id, article, analysis, now).map_err(db)?;
        }
        tx.commit().map_err(db)
    }

    /// A kept article by its key; its analysis only when the version that
    /// made it is the one compiled in.
    pub fn get(&self, key: &str) -> Result<Option<Kept>, LibraryError> {
        let row: rusqlite::Result<Option<StoredRow>> = self
            .conn
            .query_row(
                "SELECT origin, article, analysis, analysis_version FROM articles WHERE key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional();
        let Some((origin, article, analysis, version)) = self.db(row)? else {
            return Ok(None);
        };
        let data = |message: String| LibraryError::Data {
            path: self.path.clone(),
            message,
        };
        let id: ArticleId = serde_json::from_str(&origin)
            .map_err(|e| data(format!("article {key}: bad origin: {e}")))?;
        let article: Article = serde_json::from_str(&article)
            .map_err(|e| data(format!("article {key}: bad text: {e}")))?;
        let analysis = match (analysis, version) {
            (Some(json), Some(v)) if v == ANALYSIS_VERSION => serde_json::from_str(&json).ok(),
            _ => None,
        };
        Ok(Some(Kept {
            id,
            article,
            analysis,
        }))
    }

    /// A kept article by its id, when its text is `text` (the same article).
    pub fn get_same(&self, id: &ArticleId, text: &str) -> Result<Option<Kept>, LibraryError> {
        Ok(self
            .get(&id.key())?
            .filter(|kept| kept.article.text == text))
    }

    /// How many articles are kept.
    pub fn len(&self) -> Result<usize, LibraryError> {
        let n: rusqlite::Result<i64> =
            self.conn
                .query_row("SELECT count(*) FROM articles", [], |r| r.get(0));
        Ok(self.db(n)? as usize)
    }

    pub fn is_empty(&self) -> Result<bool, LibraryError> {
        Ok(self.len()? == 0)
    }

    /// The articles a query picks (all for an empty one), newest first;
    /// archived ones only when the query asks for them.
    pub fn search(&self, query: &Query) -> Result<Vec<Entry>, LibraryError> {
        let noted = self.notes_tags(&query.tags);
        let (sql, args) = query.to_sql_noted(ENTRY_COLUMNS, &|tag| {
            noted.get(tag).cloned().unwrap_or_default()
        });
        let notes = self.notes_keys();
        let rows = self.conn.prepare_cached(&sql).and_then(|mut stmt| {
            stmt.query_map(params_from_iter(args.iter()), |r| entry_from_row(r, &notes))?
                .collect::<rusqlite::Result<Vec<Entry>>>()
        });
        let entries = self.db(rows)?;
        Ok(match &query.has_notes {
            Some(want) => entries
                .into_iter()
                .filter(|e| e.has_notes == *want)
                .collect(),
            None => entries,
        })
    }

    /// Every article, newest first (archived ones too).
    pub fn list(&self) -> Result<Vec<Entry>, LibraryError> {
        self.search(&Query {
            archived: None,
            ..Query::default()
        })
    }

    /// For each of `tags` (lowercase, no `#`), the keys of the articles
    /// whose notes carry it as a `#tag` (the notes files are read only when
    /// a search asks for a tag).
    fn notes_tags(&self, tags: &[String]) -> BTreeMap<String, Vec<String>> {
        let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
        let Some(dir) = self.notes_dir.as_deref().filter(|_| !tags.is_empty()) else {
            return out;
        };
        for file in crate::notes::Store::new(dir).all() {
            let key = file.article.id.key();
            for tag in file.notes.iter().flat_map(crate::notes::Note::tags) {
                let tag = tag.to_lowercase();
                if tags.contains(&tag) {
                    let keys = out.entry(tag).or_default();
                    if !keys.contains(&key) {
                        keys.push(key.clone());
                    }
                }
            }
        }
        out
    }

    /// The keys of the articles with notes.
    fn notes_keys(&self) -> HashSet<String> {
        let Some(entries) = self
            .notes_dir
            .as_deref()
            .and_then(|d| std::fs::read_dir(d).ok())
        else {
            return HashSet::new();
        };
        entries
            .flatten()
            .filter_map(|e| {
                e.file_name()
                    .to_str()
                    .and_then(|n| n.strip_suffix(".notes.json"))
                    .map(str::to_string)
            })
            .collect()
    }

    /// The articles that mention someone known by any of `keys` (see
    /// [`name_keys`]), newest first, but the article `except`.
    pub fn who_keys(
        &self,
        keys: &[String],
        except: Option<&str>,
    ) -> Result<Vec<WhoHit>, LibraryError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        // three queries whatever the number of articles: the entities, the
        // articles, the quotes
        let marks = vec!["?"; keys.len()].join(",");
        let matched = format!("SELECT DISTINCT article, entity FROM names WHERE key IN ({marks})");
        let entities_sql = format!(
            "SELECT e.article, e.kind, e.name, e.mentions, e.first FROM entities e \
             JOIN ({matched}) m ON m.article = e.article AND m.entity = e.entity"
        );
        let entries_sql = format!(
            "SELECT a.id, {ENTRY_COLUMNS} FROM articles a WHERE a.id IN (SELECT article FROM ({matched}))"
        );
        let quotes_sql = format!(
            "SELECT q.article, q.text FROM quotes q \
             JOIN ({matched}) m ON m.article = q.article AND m.entity = q.entity ORDER BY q.article, q.start"
        );
        let notes = self.notes_keys();
        let entries = self.conn.prepare_cached(&entries_sql).and_then(|mut stmt| {
            stmt.query_map(params_from_iter(keys.iter()), |r| {
                let id: i64 = r.get(0)?;
                Ok((id, entry_from_row_at(r, 1, &notes)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        });
        let mut hits: BTreeMap<i64, WhoHit> = self
            .db(entries)?
            .into_iter()
            .filter(|(_, e)| Some(e.key.as_str()) != except)
            .map(|(id, entry)| {
                (
                    id,
                    WhoHit {
                        entry,
                        name: String::new(),
                        kind: String::new(),
                        mentions: 0,
                        first: usize::MAX,
                        quotes: Vec::new(),
                    },
                )
            })
            .collect();
        let entities = self
            .conn
            .prepare_cached(&entities_sql)
            .and_then(|mut stmt| {
                stmt.query_map(params_from_iter(keys.iter()), |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, i64>(4)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            });
        for (article, kind, name, mentions, first) in self.db(entities)? {
            let Some(hit) = hits.get_mut(&article) else {
                continue;
            };
            if hit.name.is_empty() || name.len() > hit.name.len() {
                hit.name = name;
                hit.kind = kind;
            }
            hit.mentions += mentions as usize;
            hit.first = hit.first.min(first as usize);
        }
        let quotes = self.conn.prepare_cached(&quotes_sql).and_then(|mut stmt| {
            stmt.query_map(params_from_iter(keys.iter()), |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()
        });
        for (article, text) in self.db(quotes)? {
            if let Some(hit) = hits.get_mut(&article) {
                hit.quotes.push(text);
            }
        }
        let mut hits: Vec<WhoHit> = hits.into_values().collect();
        hits.sort_by(|a, b| {
            b.entry
                .date
                .cmp(&a.entry.date)
                .then_with(|| b.entry.read_at.cmp(&a.entry.read_at))
        });
        Ok(hits)
    }

    /// The articles that mention `name` ("Pompeo", "Mike Pompeo"), newest first.
    pub fn who(&self, name: &str) -> Result<Vec<WhoHit>, LibraryError> {
        let key = normalise(name);
        let hits = self.who_keys(std::slice::from_ref(&key), None)?;
        if !hits.is_empty() {
            return Ok(hits);
        }
        // "Secretary of State Michael Pompeo": the surname
        match key.rsplit_once(' ') {
            Some((_, last)) => self.who_keys(&[last.to_string()], None),
            None => Ok(hits),
        }
    }

    /// Mark an article read or unread, starred or not, archived or not.
    pub fn set_flag(&self, key: &str, flag: Flag, on: bool) -> Result<bool, LibraryError> {
        let column = match flag {
            Flag::Unread => "unread",
            Flag::Starred => "starred",
            Flag::Archived => "archived",
        };
        let n = self.conn.execute(
            &format!("UPDATE articles SET {column} = ?2 WHERE key = ?1"),
            params![key, on],
        );
        Ok(self.db(n)? > 0)
    }

    /// An article's tags (none when it is not kept).
    pub fn tags(&self, key: &str) -> Result<Vec<String>, LibraryError> {
        let tags: rusqlite::Result<Option<String>> = self
            .conn
            .query_row("SELECT tags FROM articles WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional();
        Ok(self.db(tags)?.map(|t| split_tags(&t)).unwrap_or_default())
    }

    /// Add a tag to an article, or take it off if it has it; whether it has it now.
    pub fn toggle_tag(&self, key: &str, tag: &str) -> Result<bool, LibraryError> {
        let tags: rusqlite::Result<Option<String>> = self
            .conn
            .query_row("SELECT tags FROM articles WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional();
        let Some(tags) = self.db(tags)? else {
            return Ok(false);
        };
        let mut list: Vec<String> = split_tags(&tags);
        let tag = tag.trim().trim_start_matches('#').to_lowercase();
        let had = list.contains(&tag);
        if had {
            list.retain(|t| *t != tag);
        } else {
            list.push(tag);
        }
        let joined = join_tags(&list);
        let r = self.conn.execute(
            "UPDATE articles SET tags = ?2 WHERE key = ?1",
            params![key, joined],
        );
        self.db(r)?;
        Ok(!had)
    }

    /// Forget these articles; how many were kept.
    pub fn forget(&mut self, keys: &[String]) -> Result<usize, LibraryError> {
        let path = self.path.clone();
        let db = |source| LibraryError::Db {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(db)?;
        let mut n = 0;
        for key in keys {
            let id: Option<i64> = tx
                .query_row("SELECT id FROM articles WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()
                .map_err(db)?;
            if let Some(id) = id {
                delete_row(&tx, id).map_err(db)?;
                n += 1;
            }
        }
        tx.commit().map_err(db)?;
        Ok(n)
    }

    /// Forget every article; how many there were.
    pub fn forget_all(&mut self) -> Result<usize, LibraryError> {
        let n = self.len()?;
        let r = self.conn.execute_batch(
            "BEGIN IMMEDIATE; DELETE FROM quotes; DELETE FROM names; DELETE FROM entities;
             DELETE FROM fts; DELETE FROM articles; COMMIT; VACUUM;",
        );
        self.db(r)?;
        Ok(n)
    }

    /// Keep the library within `max_bytes`: the articles read longest ago
    /// go first, never one with notes or a star. How many went.
    pub fn evict(&mut self, max_bytes: u64) -> Result<usize, LibraryError> {
        let total: rusqlite::Result<i64> =
            self.conn
                .query_row("SELECT coalesce(sum(size), 0) FROM articles", [], |r| {
                    r.get(0)
                });
        let mut total = self.db(total)? as u64;
        if total <= max_bytes {
            return Ok(0);
        }
        let notes = self.notes_keys();
        let candidates = self
            .conn
            .prepare("SELECT id, key, size FROM articles WHERE starred = 0 ORDER BY read_at, id")
            .and_then(|mut stmt| {
                stmt.query_map([], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            });
        let candidates = self.db(candidates)?;
        let path = self.path.clone();
        let db = |source| LibraryError::Db {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(db)?;
        let mut n = 0;
        for (id, key, size) in candidates {
            if total <= max_bytes {
                break;
            }
            if notes.contains(&key) {
                continue;
            }
            delete_row(&tx, id).map_err(db)?;
            total = total.saturating_sub(size as u64);
            n += 1;
        }
        tx.commit().map_err(db)?;
        Ok(n)
    }

    /// The people of the articles dated since `since` (seconds since the
    /// epoch): the `limit` most mentioned, and the `limit` most quoted.
    /// One person is one name across articles ([`normalise`]d: case,
    /// accents and a possessive aside), shown as its longest form.
    pub fn people(&self, since: i64, limit: usize) -> Result<People, LibraryError> {
        // grouped by SQLite first (its lower() folds ASCII only), then the
        // groups by the normalised name: few rows cross into Rust
        let grouped = |sql: &str| -> rusqlite::Result<Vec<(String, i64, i64)>> {
            let mut stmt = self.conn.prepare_cached(sql)?;
            stmt.query_map([since], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        };
        let rows = grouped(
            "SELECT max(e.name), sum(e.mentions), count(*)
             FROM entities e JOIN articles a ON a.id = e.article
             WHERE a.date >= ?1 AND e.kind = 'person' GROUP BY lower(e.name)",
        )
        .and_then(|mentioned| {
            let quoted = grouped(
                "SELECT max(e.name), count(*), 0
                 FROM quotes q JOIN entities e ON e.article = q.article AND e.entity = q.entity
                 JOIN articles a ON a.id = q.article
                 WHERE a.date >= ?1 AND e.kind = 'person' GROUP BY lower(e.name)",
            )?;
            let mut all: std::collections::HashMap<String, PersonCount> =
                std::collections::HashMap::new();
            fn person(
                all: &mut std::collections::HashMap<String, PersonCount>,
                name: String,
            ) -> &mut PersonCount {
                let p = all.entry(normalise(&name)).or_insert_with(|| PersonCount {
                    name: String::new(),
                    mentions: 0,
                    articles: 0,
                    quotes: 0,
                });
                if name.len() > p.name.len() {
                    p.name = name;
                }
                p
            }
            for (name, mentions, articles) in mentioned {
                let p = person(&mut all, name);
                p.mentions += mentions.max(0) as usize;
                p.articles += articles.max(0) as usize;
            }
            for (name, quotes, _) in quoted {
                person(&mut all, name).quotes += quotes.max(0) as usize;
            }
            Ok(all)
        });
        let all: Vec<PersonCount> = self.db(rows)?.into_values().collect();
        let top = |key: fn(&PersonCount) -> (usize, usize)| {
            let mut ranked: Vec<PersonCount> =
                all.iter().filter(|p| key(p).0 > 0).cloned().collect();
            ranked.sort_by(|a, b| key(b).cmp(&key(a)).then_with(|| a.name.cmp(&b.name)));
            ranked.truncate(limit);
            ranked
        };
        Ok(People {
            mentioned: top(|p| (p.mentions, p.quotes)),
            quoted: top(|p| (p.quotes, p.mentions)),
        })
    }
}

/// A person across the library's articles ([`Library::people`]).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct PersonCount {
    /// The longest form of the name.
    pub name: String,
    /// Mentions in all.
    pub mentions: usize,
    /// The articles that mention them.
    pub articles: usize,
    /// Their quotes in all.
    pub quotes: usize,
}

/// Who is mentioned most, and who is quoted most ([`Library::people`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct People {
    pub mentioned: Vec<PersonCount>,
    pub quoted: Vec<PersonCount>,
}

/// A saved search ([`Library::searches`]), with how many articles it
/// picks now and how many of them are unread.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct SavedSearch {
    pub name: String,
    pub query: String,
    pub count: usize,
    pub unread: usize,
}

impl Library {
    /// Save a search under a name (one of that name is replaced); a query
    /// that does not parse is refused.
    pub fn save_search(&self, name: &str, query: &str) -> Result<(), LibraryError> {
        let name = name.trim();
        let data = |message: String| LibraryError::Data {
            path: self.path.clone(),
            message,
        };
        if name.is_empty() {
            return Err(data("a saved search needs a name".to_string()));
        }
        Query::parse(query).map_err(|e| data(format!("search {name:?}: {e}")))?;
        let r = self.conn.execute(
            "INSERT INTO searches (name, query, added) VALUES (?1, ?2, ?3)
             ON CONFLICT(name) DO UPDATE SET query = excluded.query",
            params![name, query.trim(), super::now()],
        );
        self.db(r).map(|_| ())
    }

    /// Forget a saved search; whether there was one of that name.
    pub fn remove_search(&self, name: &str) -> Result<bool, LibraryError> {
        let r = self
            .conn
            .execute("DELETE FROM searches WHERE name = ?1", [name.trim()]);
        Ok(self.db(r)? > 0)
    }

    /// The query saved under `name`.
    pub fn saved_query(&self, name: &str) -> Result<Option<String>, LibraryError> {
        let r = self
            .conn
            .query_row(
                "SELECT query FROM searches WHERE name = ?1",
                [name.trim()],
                |r| r.get(0),
            )
            .optional();
        self.db(r)
    }

    /// The saved searches, in the order they were saved, each with its
    /// counts now (a query that no longer parses counts nothing).
    pub fn searches(&self) -> Result<Vec<SavedSearch>, LibraryError> {
        let rows = self
            .conn
            .prepare_cached("SELECT name, query FROM searches ORDER BY rowid")
            .and_then(|mut stmt| {
                stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()
            });
        let mut out = Vec::new();
        for (name, query) in self.db(rows)? {
            let entries = match Query::parse(&query) {
                Ok(q) => self.search(&q)?,
                Err(_) => Vec::new(),
            };
            out.push(SavedSearch {
                name,
                query,
                count: entries.len(),
                unread: entries.iter().filter(|e| e.unread).count(),
            });
        }
        Ok(out)
    }
}

/// An item of a feed, as a refresh found it.
#[derive(Clone, Debug)]
pub struct FeedItem {
    pub guid: String,
    pub link: Option<String>,
    pub id: ArticleId,
    pub article: Article,
    /// The feed carries the whole article (else a summary of the linked page).
    pub full: bool,
}

impl Library {
    /// Keep a feed's items that are new (by GUID, or link, in that feed)
    /// as unread articles tagged with the feed's tags; how many were new.
    pub fn add_feed_items(
        &mut self,
        feed: &str,
        _label: &str,
        tags: &[String],
        items: &[FeedItem],
        now: i64,
    ) -> Result<usize, LibraryError> {
        let path = self.path.clone();
        let db = |source| LibraryError::Db {
            path: path.clone(),
            source,
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(db)?;
        let mut new = 0;
        let tags = join_tags(
            &tags
                .iter()
                .map(|t| t.trim().trim_start_matches('#').to_lowercase())
                .collect::<Vec<_>>(),
        );
        for item in items {
            let seen: bool = tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM feed_items WHERE feed = ?1 AND (guid = ?2 OR (?3 IS NOT NULL AND link = ?3)))",
                    params![feed, item.guid, item.link],
                    |r| r.get(0),
                )
                .map_err(db)?;
            if seen {
                continue;
            }
            let key = item.id.key();
            let kept: bool = tx
                .query_row(
                    "SELECT EXISTS (SELECT 1 FROM articles WHERE key = ?1)",
                    [&key],
                    |r| r.get(0),
                )
                .map_err(db)?;
            if !kept {
                keep_in(&tx, &item.id, &item.article, None, now).map_err(db)?;
                tx.execute(
                    "UPDATE articles SET unread = 1, tags = ?2 WHERE key = ?1",
                    params![key, tags],
                )
                .map_err(db)?;
                new += 1;
            }
            tx.execute(
                "INSERT OR IGNORE INTO feed_items (feed, guid, link, key, full) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![feed, item.guid, item.link, key, item.full],
            )
            .map_err(db)?;
        }
        tx.commit().map_err(db)?;
        Ok(new)
    }

    /// Each feed's items, and how many are unread.
    pub fn feed_counts(&self) -> Result<BTreeMap<String, (usize, usize)>, LibraryError> {
        let rows = self
            .conn
            .prepare_cached(
                "SELECT f.feed, count(*), sum(a.unread) FROM feed_items f JOIN articles a ON a.key = f.key GROUP BY f.feed",
            )
            .and_then(|mut stmt| {
                stmt.query_map([], |r| {
                    Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?, r.get::<_, i64>(2)?))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            });
        Ok(self
            .db(rows)?
            .into_iter()
            .map(|(f, n, u)| (f, (n as usize, u as usize)))
            .collect())
    }

    /// A feed's items, newest first.
    pub fn feed_entries(&self, feed: &str) -> Result<Vec<Entry>, LibraryError> {
        let notes = self.notes_keys();
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM articles a JOIN feed_items f ON f.key = a.key WHERE f.feed = ?1 ORDER BY a.date DESC, a.id DESC"
        );
        let rows = self.conn.prepare_cached(&sql).and_then(|mut stmt| {
            stmt.query_map([feed], |r| entry_from_row(r, &notes))?
                .collect::<rusqlite::Result<Vec<_>>>()
        });
        self.db(rows)
    }

    /// Whether the article is a feed's summary of a page not fetched yet.
    pub fn is_summary(&self, key: &str) -> Result<bool, LibraryError> {
        let r = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM feed_items WHERE key = ?1 AND full = 0)",
            [key],
            |r| r.get(0),
        );
        self.db(r)
    }

    /// Mark every item of a feed read; how many were unread.
    pub fn mark_feed_read(&self, feed: &str) -> Result<usize, LibraryError> {
        let n = self.conn.execute(
            "UPDATE articles SET unread = 0 WHERE unread = 1 AND key IN (SELECT key FROM feed_items WHERE feed = ?1)",
            [feed],
        );
        self.db(n)
    }

    /// The feed an article came from, if it came from one.
    pub fn feed_of(&self, key: &str) -> Result<Option<String>, LibraryError> {
        let r = self
            .conn
            .query_row(
                "SELECT feed FROM feed_items WHERE key = ?1 ORDER BY rowid LIMIT 1",
                [key],
                |r| r.get(0),
            )
            .optional();
        self.db(r)
    }

    /// The next unread feed item, newest first: of the feed `prefer` if it
    /// has one, else of any feed; never `except`.
    pub fn next_unread(
        &self,
        prefer: Option<&str>,
        except: Option<&str>,
    ) -> Result<Option<String>, LibraryError> {
        let r = self
            .conn
            .query_row(
                "SELECT a.key FROM articles a JOIN feed_items f ON f.key = a.key
                 WHERE a.unread = 1 AND a.archived = 0 AND (?2 IS NULL OR a.key != ?2)
                 ORDER BY (f.feed IS ?1) DESC, a.date DESC, a.id DESC LIMIT 1",
                params![prefer, except],
                |r| r.get(0),
            )
            .optional();
        self.db(r)
    }

    /// The page of a feed's summary was fetched: it is the article now.
    pub fn mark_full(&self, key: &str) -> Result<(), LibraryError> {
        let r = self
            .conn
            .execute("UPDATE feed_items SET full = 1 WHERE key = ?1", [key]);
        self.db(r).map(|_| ())
    }
}

/// The flags of an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Unread,
    Starred,
    Archived,
}

/// Keep one article inside a transaction.
fn keep_in(
    tx: &rusqlite::Transaction<'_>,
    id: &ArticleId,
    article: &Article,
    analysis: Option<&Analysis>,
    now: i64,
) -> rusqlite::Result<()> {
    let key = id.key();
    let origin = serde_json::to_string(id).unwrap_or_default();
    let article_json = serde_json::to_string(article).unwrap_or_default();
    let analysis_json = analysis.map(|a| serde_json::to_string(a).unwrap_or_default());
    let title = title_of(article, id);
    let text_hash = crate::notes::notebook::text_hash(&article.text);
    let date = article
        .meta
        .published
        .as_deref()
        .and_then(parse_date)
        .unwrap_or(now);
    let size = (article_json.len() + analysis_json.as_ref().map_or(0, String::len)) as i64;
    let existing: Option<(i64, String, Option<String>)> = tx
        .query_row(
            "SELECT id, text_hash, analysis_version FROM articles WHERE key = ?1",
            [&key],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?;
    let new_text = match existing {
        Some((rowid, old_hash, old_version)) => {
            let same_text = old_hash == text_hash;
            // an analysis of the same text by the same version is kept as it is
            let new_analysis = analysis_json.is_some()
                && !(same_text && old_version.as_deref() == Some(ANALYSIS_VERSION));
            if same_text && !new_analysis {
                tx.execute(
                    "UPDATE articles SET read_at = ?2, unread = 0 WHERE id = ?1",
                    params![rowid, now],
                )?;
                return Ok(());
            }
            !same_text
        }
        None => true,
    };
    // one statement keeps a new article and updates a kept one (whose
    // `added`, flags and tags stay)
    let rowid: i64 = tx.query_row(
        "INSERT INTO articles (key, origin, title, site, url, published, date, added,
             read_at, text_hash, article, analysis, analysis_version, size)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT(key) DO UPDATE SET origin = excluded.origin, title = excluded.title,
             site = excluded.site, url = excluded.url, published = excluded.published,
             date = excluded.date, read_at = excluded.read_at, unread = 0,
             text_hash = excluded.text_hash, article = excluded.article,
             analysis = excluded.analysis, analysis_version = excluded.analysis_version,
             size = excluded.size
         RETURNING id",
        params![
            key,
            origin,
            title,
            article.meta.site,
            article.meta.url,
            article.meta.published,
            date,
            now,
            text_hash,
            article_json,
            analysis_json,
            analysis.map(|_| ANALYSIS_VERSION),
            size
        ],
        |r| r.get(0),
    )?;
    if new_text {
        tx.execute("DELETE FROM fts WHERE rowid = ?1", [rowid])?;
        tx.execute(
            "INSERT INTO fts(rowid, title, body) VALUES (?1, ?2, ?3)",
            params![rowid, title, article.text],
        )?;
    }
    // the index follows the analysis kept (none: no index)
    for table in ["entities", "names", "quotes"] {
        tx.execute(&format!("DELETE FROM {table} WHERE article = ?1"), [rowid])?;
    }
    if let Some(analysis) = analysis {
        index_analysis(tx, rowid, article, analysis)?;
    }
    Ok(())
}

fn delete_row(tx: &rusqlite::Transaction<'_>, id: i64) -> rusqlite::Result<()> {
    for table in ["quotes", "names", "entities"] {
        tx.execute(&format!("DELETE FROM {table} WHERE article = ?1"), [id])?;
    }
    tx.execute("DELETE FROM fts WHERE rowid = ?1", [id])?;
    tx.execute("DELETE FROM articles WHERE id = ?1", [id])?;
    Ok(())
}

fn kind_name(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        EntityKind::Place => "place",
    }
}

/// Index an article's entities, the names they go by and their quotes.
fn index_analysis(
    tx: &rusqlite::Transaction<'_>,
    rowid: i64,
    article: &Article,
    analysis: &Analysis,
) -> rusqlite::Result<()> {
    let text = article.text.as_str();
    let mut entity_stmt = tx.prepare_cached(
        "INSERT INTO entities (article, entity, kind, name, mentions, first) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    let mut name_stmt = tx
        .prepare_cached("INSERT OR IGNORE INTO names (key, article, entity) VALUES (?1, ?2, ?3)")?;
    for (i, entity) in analysis.entities.iter().enumerate() {
        let first = entity.mentions.iter().map(|s| s.start).min().unwrap_or(0);
        entity_stmt.execute(params![
            rowid,
            i as i64,
            kind_name(entity.kind),
            entity.name,
            entity.mentions.len() as i64,
            first as i64
        ])?;
        let surfaces = entity
            .mentions
            .iter()
            .filter_map(|s| text.get(s.start..s.end));
        for key in name_keys(entity.kind, &entity.name, surfaces) {
            name_stmt.execute(params![key, rowid, i as i64])?;
        }
    }
    let mut quote_stmt = tx.prepare_cached(
        "INSERT INTO quotes (article, entity, start, text) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for quote in &analysis.quotes {
        let (Some(speaker), Some(words)) =
            (quote.speaker, text.get(quote.span.start..quote.span.end))
        else {
            continue;
        };
        quote_stmt.execute(params![
            rowid,
            speaker.0 as i64,
            quote.span.start as i64,
            words
        ])?;
    }
    Ok(())
}

/// The keys an entity is found by: its name, each way the article writes
/// it, and a person's surname, all [`normalise`]d ("Mike Pompeo" →
/// `mike pompeo`, `pompeo`).
pub fn name_keys<'a>(
    kind: EntityKind,
    name: &str,
    surfaces: impl Iterator<Item = &'a str>,
) -> Vec<String> {
    let mut keys: Vec<String> = surfaces.map(normalise).collect();
    keys.push(normalise(name));
    if kind == EntityKind::Person
        && let Some((_, last)) = normalise(name).rsplit_once(' ')
    {
        keys.push(last.to_string());
    }
    keys.retain(|k| !k.is_empty());
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A name as a key: lowercase, accents and possessive off, one space between words.
pub fn normalise(name: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect();
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = words.join(" ");
    if let Some(stripped) = out.strip_suffix("'s") {
        out = stripped.to_string();
    }
    out.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

pub(super) fn split_tags(tags: &str) -> Vec<String> {
    tags.split(',')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// Tags stored as `,a,b,` so that `LIKE '%,a,%'` finds one.
fn join_tags(tags: &[String]) -> String {
    if tags.is_empty() {
        String::new()
    } else {
        format!(",{},", tags.join(","))
    }
}

fn entry_from_row(r: &rusqlite::Row<'_>, notes: &HashSet<String>) -> rusqlite::Result<Entry> {
    entry_from_row_at(r, 0, notes)
}

/// An entry from [`ENTRY_COLUMNS`] starting at column `at`.
fn entry_from_row_at(
    r: &rusqlite::Row<'_>,
    at: usize,
    notes: &HashSet<String>,
) -> rusqlite::Result<Entry> {
    let key: String = r.get(at)?;
    let origin: String = r.get(at + 1)?;
    let id = serde_json::from_str(&origin).unwrap_or(ArticleId::Content(String::new()));
    let tags: String = r.get(at + 11)?;
    Ok(Entry {
        has_notes: notes.contains(&key),
        key,
        id,
        title: r.get(at + 2)?,
        site: r.get(at + 3)?,
        url: r.get(at + 4)?,
        published: r.get(at + 5)?,
        date: r.get(at + 6)?,
        read_at: r.get(at + 7)?,
        unread: r.get(at + 8)?,
        starred: r.get(at + 9)?,
        archived: r.get(at + 10)?,
        tags: split_tags(&tags),
    })
}

/// The title a list shows: the article's, else the start of its first
/// line, else where it came from.
pub(super) fn title_of(article: &Article, id: &ArticleId) -> String {
    if let Some(title) = article.title() {
        return title.to_string();
    }
    let first = article.text.lines().next().unwrap_or("").trim();
    if first.is_empty() {
        return id.to_string();
    }
    let mut end = first.len().min(80);
    while !first.is_char_boundary(end) {
        end -= 1;
    }
    first[..end].to_string()
}

/// A published date (RFC 3339 or RFC 2822, or `YYYY-MM-DD`) as seconds since the epoch.
pub(super) fn parse_date(s: &str) -> Option<i64> {
    let s = s.trim();
    chrono::DateTime::parse_from_rfc3339(s)
        .or_else(|_| chrono::DateTime::parse_from_rfc2822(s))
        .map(|d| d.timestamp())
        .ok()
        .or_else(|| {
            let day = s.get(..10)?;
            chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
                .ok()?
                .and_hms_opt(0, 0, 0)
                .map(|d| d.and_utc().timestamp())
        })
}

#[cfg(test)]
impl Library {
    pub(super) fn conn_for_tests(&self) -> &Connection {
        &self.conn
    }
}
