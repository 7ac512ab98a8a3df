//! The library's search language: words and `"phrases"` over titles and
//! text, and filters: `tag:T` (the article's tags, or a `#T` in its
//! notes), `site:S`, `is:unread`, `is:read`,
//! `is:starred`, `is:archived`, `has:notes`, `person:"Jane Holloway"`,
//! `place:Lisbon`, `after:2024-01-31`, `before:2024-02-01`. Everything
//! given must hold.

use rusqlite::types::Value;

use super::store::{normalise, parse_date};

/// A parsed search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    /// Words and phrases for the full-text index.
    pub terms: Vec<String>,
    pub tags: Vec<String>,
    pub sites: Vec<String>,
    pub unread: Option<bool>,
    pub starred: Option<bool>,
    /// `Some(false)` (the default): archived articles are left out.
    pub archived: Option<bool>,
    pub has_notes: Option<bool>,
    pub people: Vec<String>,
    pub places: Vec<String>,
    pub after: Option<i64>,
    pub before: Option<i64>,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            terms: Vec::new(),
            tags: Vec::new(),
            sites: Vec::new(),
            unread: None,
            starred: None,
            archived: Some(false),
            has_notes: None,
            people: Vec::new(),
            places: Vec::new(),
            after: None,
            before: None,
        }
    }
}

impl Query {
    /// Parse a search. A filter that makes no sense (`is:blue`, a date that
    /// is not one) is an error naming it.
    pub fn parse(input: &str) -> Result<Query, String> {
        let mut q = Query::default();
        for token in tokens(input) {
            let (field, value) = match token.split_once(':') {
                Some((f, v)) if !token.starts_with('"') && !f.is_empty() => (f, unquote(v)),
                _ => {
                    let t = unquote(&token);
                    if !t.trim().is_empty() {
                        q.terms.push(t);
                    }
                    continue;
                }
            };
            match (
                field.to_ascii_lowercase().as_str(),
                value.to_ascii_lowercase().as_str(),
            ) {
                ("is", "unread") => q.unread = Some(true),
                ("is", "read") => q.unread = Some(false),
                ("is", "starred") => q.starred = Some(true),
                ("is", "archived") => q.archived = Some(true),
                ("has", "notes") => q.has_notes = Some(true),
                ("is" | "has", _) => return Err(format!("unknown filter `{token}`")),
                ("tag", _) => q.tags.push(value.trim_start_matches('#').to_lowercase()),
                ("site", _) => q.sites.push(value.to_lowercase()),
                ("person" | "org" | "who", _) => q.people.push(normalise(&value)),
                ("place", _) => q.places.push(normalise(&value)),
                ("after" | "before", _) => {
                    let date = parse_date(&value)
                        .ok_or_else(|| format!("`{token}`: not a date (YYYY-MM-DD)"))?;
                    if field.eq_ignore_ascii_case("after") {
                        q.after = Some(date);
                    } else {
                        q.before = Some(date);
                    }
                }
                // `word:` that is no filter: words
                _ => q.terms.push(token.clone()),
            }
        }
        Ok(q)
    }

    /// The SQL that picks the query's articles (`columns` of `articles a`),
    /// newest first, and its arguments.
    pub fn to_sql(&self, columns: &str) -> (String, Vec<Value>) {
        self.to_sql_noted(columns, &|_| Vec::new())
    }

    /// As [`Query::to_sql`], `tag:T` also picking the articles whose notes
    /// carry `#T`: `noted(T)` gives their keys.
    pub fn to_sql_noted(
        &self,
        columns: &str,
        noted: &dyn Fn(&str) -> Vec<String>,
    ) -> (String, Vec<Value>) {
        let mut wheres: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        let arg = |args: &mut Vec<Value>, v: Value| {
            args.push(v);
            format!("?{}", args.len())
        };
        if !self.terms.is_empty() {
            let a = arg(&mut args, Value::Text(fts_query(&self.terms)));
            wheres.push(format!(
                "a.id IN (SELECT rowid FROM fts WHERE fts MATCH {a})"
            ));
        }
        for tag in &self.tags {
            let a = arg(&mut args, Value::Text(format!("%,{tag},%")));
            let keys: Vec<String> = noted(tag)
                .into_iter()
                .map(|k| arg(&mut args, Value::Text(k)))
                .collect();
            if keys.is_empty() {
                wheres.push(format!("a.tags LIKE {a}"));
            } else {
                wheres.push(format!(
                    "(a.tags LIKE {a} OR a.key IN ({}))",
                    keys.join(", ")
                ));
            }
        }
        for site in &self.sites {
            let a = arg(&mut args, Value::Text(format!("%{site}%")));
            wheres.push(format!(
                "(lower(coalesce(a.site, '')) LIKE {a} OR lower(coalesce(a.url, '')) LIKE {a} \
                 OR lower(a.origin) LIKE {a})"
            ));
        }
        for (flag, column) in [
            (self.unread, "unread"),
            (self.starred, "starred"),
            (self.archived, "archived"),
        ] {
            if let Some(on) = flag {
                wheres.push(format!("a.{column} = {}", i32::from(on)));
            }
        }
        for (names, kinds) in [
            (&self.people, "('person', 'organization')"),
            (&self.places, "('place')"),
        ] {
            for name in names {
                let a = arg(&mut args, Value::Text(name.clone()));
                wheres.push(format!(
                    "a.id IN (SELECT n.article FROM names n JOIN entities e
                     ON e.article = n.article AND e.entity = n.entity
                     WHERE n.key = {a} AND e.kind IN {kinds})"
                ));
            }
        }
        if let Some(after) = self.after {
            let a = arg(&mut args, Value::Integer(after));
            wheres.push(format!("a.date >= {a}"));
        }
        if let Some(before) = self.before {
            let a = arg(&mut args, Value::Integer(before));
            wheres.push(format!("a.date < {a}"));
        }
        let filter = if wheres.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", wheres.join(" AND "))
        };
        (
            format!("SELECT {columns} FROM articles a{filter} ORDER BY a.date DESC, a.id DESC"),
            args,
        )
    }
}

/// An FTS5 query in which every word or phrase must occur: each quoted
/// (so that nothing the user types is FTS syntax), the last one also as a
/// prefix (search as you type).
fn fts_query(terms: &[String]) -> String {
    let last = terms.len() - 1;
    terms
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let quoted = format!("\"{}\"", t.replace('"', "\"\""));
            if i == last && !t.contains(' ') {
                format!("{quoted}*")
            } else {
                quoted
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Split at spaces outside double quotes; quotes are kept.
fn tokens(input: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in input.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                current.push(c);
            }
            c if c.is_whitespace() && !quoted => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

fn unquote(s: &str) -> String {
    s.trim_matches('"').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_and_words_are_told_apart() {
        let q = Query::parse(
            r#"harbour "tidal power" tag:Energy is:unread person:"Jane Holloway" after:2024-01-02"#,
        )
        .expect("parses");
        assert_eq!(q.terms, vec!["harbour", "tidal power"]);
        assert_eq!(q.tags, vec!["energy"]);
        assert_eq!(q.unread, Some(true));
        assert_eq!(q.people, vec!["jane holloway"]);
        assert_eq!(q.after, Some(1_704_153_600));
        assert!(Query::parse("is:blue").is_err());
        assert!(Query::parse("after:yesterdayish").is_err());
    }

    #[test]
    fn fts_syntax_typed_by_the_user_is_only_words() {
        assert_eq!(
            fts_query(&["a\"b".to_string(), "NEAR(x".to_string()]),
            "\"a\"\"b\" \"NEAR(x\"*"
        );
    }
}
