//! Notes as a Markdown file: YAML front matter, each highlight as a block
//! quote with its note, then who and what places the article names. Written
//! for any Markdown viewer and for Obsidian (front matter properties, `#tags`).

use std::fmt::Write as _;

use super::{ExportContext, entity_summary, quote_speaker};
use crate::analysis::EntityKind;
use crate::notes::model::{Attachment, Note};

/// The Markdown export of an article's notes.
pub fn to_markdown(ctx: &ExportContext<'_>) -> String {
    let mut out = String::new();
    front_matter(&mut out, ctx);
    let title = ctx.title();
    let _ = writeln!(out, "# {}\n", escape_inline(title));
    if let Some(link) = source_link(ctx) {
        let _ = writeln!(out, "{link}\n");
    }

    let (anchored, detached): (Vec<&Note>, Vec<&Note>) =
        ctx.notes.iter().partition(|n| !n.detached);
    out.push_str("## Highlights and notes\n\n");
    if anchored.is_empty() {
        out.push_str("No highlights yet.\n\n");
    }
    for (i, note) in anchored.iter().enumerate() {
        if i > 0 {
            out.push_str("* * *\n\n");
        }
        note_block(&mut out, ctx, note);
    }
    if !detached.is_empty() {
        out.push_str("## Detached notes\n\n");
        out.push_str("These passages are no longer found in the article's text.\n\n");
        for (i, note) in detached.iter().enumerate() {
            if i > 0 {
                out.push_str("* * *\n\n");
            }
            note_block(&mut out, ctx, note);
        }
    }

    let summary = entity_summary(ctx.doc);
    out.push_str("## People and organisations\n\n");
    list_entities(
        &mut out,
        summary.iter().filter(|e| e.kind != EntityKind::Place),
        "No people or organisations found.",
    );
    out.push_str("## Places\n\n");
    list_entities(
        &mut out,
        summary.iter().filter(|e| e.kind == EntityKind::Place),
        "No places found.",
    );
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn front_matter(out: &mut String, ctx: &ExportContext<'_>) {
    out.push_str("---\n");
    let _ = writeln!(out, "title: {}", yaml_str(ctx.title()));
    if let Some(source) = ctx.source_uri() {
        let _ = writeln!(out, "source: {}", yaml_str(&source));
    }
    // two dates, each named: the article's, when it gives one, and the export's
    if let Some(published) = &ctx.doc.article.meta.published {
        let _ = writeln!(out, "published: {}", yaml_str(published));
    }
    let _ = writeln!(out, "{EXPORTED_KEY}{}", ctx.exported.format("%Y-%m-%d"));
    let summary = entity_summary(ctx.doc);
    let names = |kind: EntityKind| -> Vec<&str> {
        summary
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name)
            .collect()
    };
    yaml_list(out, "people", &names(EntityKind::Person));
    yaml_list(out, "organizations", &names(EntityKind::Organization));
    yaml_list(out, "places", &names(EntityKind::Place));
    let tags = ctx.tags();
    let tags: Vec<&str> = tags.iter().map(String::as_str).collect();
    yaml_list(out, "tags", &tags);
    out.push_str("---\n\n");
}

fn yaml_list(out: &mut String, key: &str, items: &[&str]) {
    if items.is_empty() {
        let _ = writeln!(out, "{key}: []");
        return;
    }
    let _ = writeln!(out, "{key}:");
    for item in items {
        let _ = writeln!(out, "  - {}", yaml_str(item));
    }
}

/// A YAML double-quoted scalar. A JSON string is one (YAML 1.2 is a superset
/// of JSON), so serde_json does the escaping.
fn yaml_str(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

fn source_link(ctx: &ExportContext<'_>) -> Option<String> {
    let uri = ctx.source_uri()?;
    Some(format!("Source: <{}>", uri.replace('>', "%3E")))
}

fn note_block(out: &mut String, ctx: &ExportContext<'_>, note: &Note) {
    let exact: Vec<String> = note
        .target
        .exact
        .lines()
        .map(|line| escape_inline(line.trim_end()))
        .collect();
    for line in hard_breaks(&exact.join("\n")).lines() {
        if line.is_empty() {
            out.push_str(">\n");
        } else {
            let _ = writeln!(out, "> {line}");
        }
    }
    if let Some(speaker) = quote_speaker(ctx.doc, note) {
        let _ = writeln!(out, ">\n> — {}", escape_inline(speaker));
    }
    out.push('\n');
    if let Some(Attachment::Entity { kind, name }) = &note.attachment {
        let _ = writeln!(
            out,
            "On **{}** ({}).\n",
            escape_inline(name),
            kind_label(*kind)
        );
    }
    let body = note.body.trim();
    if !body.is_empty() {
        let _ = writeln!(out, "{}\n", hard_breaks(body));
    }
    let tags = note.tags();
    if !tags.is_empty() {
        let tags: Vec<String> = tags.iter().map(|t| format!("#{t}")).collect();
        let _ = writeln!(out, "Tags: {}\n", tags.join(" "));
    }
}

/// The front matter key of the export date, which alone may differ between
/// two exports of the same notes ([`super::same_but_for_export_date`]).
pub(crate) const EXPORTED_KEY: &str = "exported: ";

/// Text whose line breaks stay line breaks in Markdown, which joins the
/// lines of a paragraph: a line followed by another in the same paragraph
/// ends in two spaces (a hard break). Blank lines (paragraph breaks) and
/// fenced code blocks stay as they are; lines of only spaces become blank.
fn hard_breaks(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let is_fence = |line: &str| {
        let line = line.trim_start();
        line.starts_with("```") || line.starts_with("~~~")
    };
    let mut out = String::with_capacity(text.len() + 2 * lines.len());
    let mut in_code = false;
    for (i, line) in lines.iter().enumerate() {
        if is_fence(line) {
            in_code = !in_code;
            out.push_str(line);
        } else if in_code {
            // code keeps its lines (and its trailing spaces) as written
            out.push_str(text.lines().nth(i).unwrap_or(line));
        } else {
            out.push_str(line);
            let next = lines.get(i + 1);
            if !line.is_empty() && next.is_some_and(|n| !n.is_empty() && !is_fence(n)) {
                out.push_str("  ");
            }
        }
        if i + 1 < lines.len() {
            out.push('\n');
        }
    }
    out
}

fn list_entities<'a>(
    out: &mut String,
    entities: impl Iterator<Item = &'a super::EntitySummary<'a>>,
    none: &str,
) {
    let mut any = false;
    for e in entities {
        any = true;
        let mentions = if e.mentions == 1 {
            "mention"
        } else {
            "mentions"
        };
        let _ = writeln!(
            out,
            "- {} ({}): {} {mentions}",
            escape_inline(e.name),
            kind_label(e.kind),
            e.mentions
        );
    }
    if !any {
        out.push_str(none);
        out.push('\n');
    }
    out.push('\n');
}

fn kind_label(kind: EntityKind) -> &'static str {
    match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organisation",
        EntityKind::Place => "place",
    }
}

/// Escape what Markdown would read as formatting in article text: emphasis,
/// links, HTML, code, and a heading, list or quote marker at a line's start.
pub(crate) fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    let first = out.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=')) {
        out.insert(0, '\\');
    } else if let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out[..dot].bytes().all(|b| b.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_does_not_turn_into_formatting() {
        assert_eq!(escape_inline("a *b* [c](d) <e>"), r"a \*b\* \[c\](d) \<e\>");
        assert_eq!(escape_inline("# not a heading"), r"\# not a heading");
        assert_eq!(escape_inline("1. not a list"), r"1\. not a list");
        assert_eq!(escape_inline("2019. A year"), r"2019\. A year");
        assert_eq!(escape_inline("Plain, with 3.5 %"), "Plain, with 3.5 %");
    }

    #[test]
    fn lines_of_a_paragraph_end_in_a_hard_break() {
        assert_eq!(hard_breaks("one line"), "one line");
        assert_eq!(hard_breaks("first\nsecond"), "first  \nsecond");
        assert_eq!(
            hard_breaks("a\nb   \n\nc\n \nd"),
            "a  \nb\n\nc\n\nd",
            "blank lines stay paragraph breaks, trailing spaces are not doubled"
        );
        assert_eq!(
            hard_breaks("see:\n```\nfn x() {}  \nlet y;\n```\nafter\nend"),
            "see:\n```\nfn x() {}  \nlet y;\n```\nafter  \nend",
            "code in a fence keeps its lines"
        );
    }

    #[test]
    fn yaml_strings_are_quoted_and_escaped() {
        assert_eq!(yaml_str(r#"Kim: "soon""#), r#""Kim: \"soon\"""#);
        assert_eq!(yaml_str("a\nb"), r#""a\nb""#);
    }
}
