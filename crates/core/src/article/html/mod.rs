//! Saved web pages (HTML) to an [`Article`]: the body extracted, its blocks'
//! kinds taken from the markup, the metadata from the page's head.
//!
//! The steps:
//! 1. [`prepare`]: script and style contents out, nesting bounded (one scan
//!    of the page, before the parser sees it);
//! 2. the page is parsed (html5ever, through `dom_query`); elements still
//!    deeper than [`MAX_DEPTH`] are flattened into their text, so that
//!    nothing later recurses without bound;
//! 3. what the head declares is read: language, canonical address, site
//!    ([`meta`]);
//! 4. Readability (`dom_smoothie`, a port of Mozilla's) finds the article's
//!    element and cleans it, and reads the title, byline, site and date;
//!    with nothing found, the page's body is taken without its navigation,
//!    header, footer, asides and forms;
//! 5. the element tree becomes blocks of known kinds ([`walk`]): headings,
//!    paragraphs, block quotes, list items, captions, after the title
//!    (navigation and asides left out);
//! 6. the blocks are cleaned as text lines are ([`clean_blocks`]): characters,
//!    rewrites, junk markers, junk and promo lines, NFC.

mod meta;
mod prepare;
mod sniff;
mod walk;

use dom_query::{Document, NodeRef};
use dom_smoothie::Readability;

use super::clean::{CleanOptions, clean, clean_blocks};
use super::{Article, BlockKind, Meta};

pub use sniff::sniff;

/// What an input is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: a scraped article, an e-mail, a note.
    Text,
    /// An HTML page (or a fragment of one).
    Html,
}

/// Deeper elements are flattened into their text before extraction.
pub const MAX_DEPTH: usize = 256;

/// Read an input as an article: text is cleaned ([`clean`]), HTML extracted
/// ([`from_html`]). `format` is what the caller knows (an HTTP
/// `Content-Type`, say); None: told from the content ([`sniff`]). `url` is
/// where the input came from, if known.
pub fn read(text: &str, format: Option<Format>, url: Option<&str>, opts: &CleanOptions) -> Article {
    match format.unwrap_or_else(|| sniff(text)) {
        Format::Text => {
            let mut article = clean(text, opts);
            if article.meta.url.is_none() {
                article.meta.url = url.map(str::to_string);
            }
            article
        }
        Format::Html => from_html(text, url, opts),
    }
}

/// Extract the article of an HTML page: the title as the first block, then
/// the body's headings, paragraphs, block quotes, list items and captions,
/// cleaned as text is; the metadata from the page. A page without an
/// article gives an empty one (no text, no blocks), with what its head says.
pub fn from_html(html: &str, url: Option<&str>, opts: &CleanOptions) -> Article {
    let html = prepare::prepare(html);
    let doc = Document::from(&*html);
    flatten_deep(&doc, MAX_DEPTH);
    let declared = meta::Declared::read(&doc, url);
    let (found, body) = match extract(doc) {
        Extracted::Article(found, body) => (Some(found), body),
        Extracted::Body(body) => (None, body),
    };
    let found = found.as_deref();
    let meta = Meta {
        url: declared.url,
        site: declared
            .site
            .or_else(|| found?.site_name.as_deref().and_then(non_empty))
            .or(declared.application),
        byline: found
            .and_then(|f| f.byline.as_deref())
            .and_then(meta::byline),
        published: found
            .and_then(|f| f.published_time.as_deref())
            .and_then(meta::published),
        source: None,
        language: declared.language,
    };
    let title = found.map_or("", |f| f.title.as_str());
    assemble(title, body, opts, meta)
}

/// The blocks of a page's body as the walk reads them, raw, with no
/// extraction and no cleaning: for measuring what the cleaner takes out of
/// an article known to be all text (Readability's expected output, say).
pub fn body_blocks(html: &str) -> Vec<(BlockKind, String)> {
    let html = prepare::prepare(html);
    let doc = Document::from(&*html);
    flatten_deep(&doc, MAX_DEPTH);
    doc.body()
        .map_or_else(Vec::new, |body| walk::blocks(body, &|_| false))
}

/// What extraction found.
enum Extracted {
    /// Readability's article and metadata, and the article's blocks.
    Article(Box<dom_smoothie::Article>, Vec<(BlockKind, String)>),
    /// No article: the page's body without its furniture.
    Body(Vec<(BlockKind, String)>),
}

/// Readability on the page (its attempts with ever looser policies until
/// one finds enough text); without an article, the page's body. It is not
/// given the page's address, which it would only use to make the links
/// absolute (and which it refuses when not absolute): nothing here shows them.
fn extract(doc: Document) -> Extracted {
    let config = dom_smoothie::Config::default();
    let Ok(mut readability) = Readability::with_document(doc, None, Some(config)) else {
        return Extracted::Body(Vec::new());
    };
    match readability.parse() {
        Ok(found) => {
            let body = article_root(&readability.doc)
                .map_or_else(Vec::new, |root| walk::blocks(root, &is_navigation));
            Extracted::Article(Box::new(found), body)
        }
        Err(_) => Extracted::Body(
            readability
                .doc
                .body()
                .map_or_else(Vec::new, |body| walk::blocks(body, &is_page_furniture)),
        ),
    }
}

/// The element Readability put the article in.
fn article_root(doc: &Document) -> Option<NodeRef<'_>> {
    doc.select_single("#readability-page-1")
        .nodes()
        .first()
        .copied()
}

/// The title block, then the body's blocks (a first heading that repeats
/// the title left out, a first heading taken as the title when there is
/// none), cleaned.
fn assemble(
    title: &str,
    mut body: Vec<(BlockKind, String)>,
    opts: &CleanOptions,
    mut meta: Meta,
) -> Article {
    let mut title = title.trim().to_string();
    // a heading element holding a paragraph's worth of words is a paragraph
    for (kind, text) in &mut body {
        if *kind == BlockKind::Heading
            && text.split_whitespace().nth(opts.title_max_words).is_some()
        {
            *kind = BlockKind::Paragraph;
        }
    }
    if let Some((BlockKind::Heading, heading)) = body.first() {
        if title.is_empty() {
            title = heading.trim().to_string();
            body.remove(0);
        } else if same_words(heading, &title) {
            body.remove(0);
        }
    }
    // a title longer than a title may be (`[limits] title-chars`) is the
    // first paragraph
    let title_kind = if title.chars().nth(opts.title_max_chars).is_some() {
        BlockKind::Paragraph
    } else {
        BlockKind::Title
    };
    let blocks = std::iter::once((title_kind, title.as_str()))
        .filter(|(_, t)| !t.is_empty())
        .chain(body.iter().map(|(kind, text)| (*kind, text.as_str())));
    let (text, blocks) = clean_blocks(blocks, opts, &mut meta);
    // only a body makes an article
    if !blocks.iter().any(|b| b.kind != BlockKind::Title) {
        return Article {
            meta,
            ..Article::default()
        };
    }
    Article { text, blocks, meta }
}

/// The same words, in any case, punctuation aside.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    words(a) == words(b)
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// Navigation and asides (related links, pull-outs), which an article's
/// own text never is: left out of what Readability keeps too.
fn is_navigation(node: &NodeRef) -> bool {
    let name = node.qual_name_ref();
    let role = node.attr("role");
    matches!(
        name.as_deref().map(|n| &*n.local),
        Some("nav" | "aside" | "menu")
    ) || matches!(
        role.as_deref(),
        Some("navigation" | "complementary" | "menu" | "menubar")
    )
}

/// Navigation, the page's header and footer, asides and forms: what a page
/// has around an article (the fallback when no article was found).
fn is_page_furniture(node: &NodeRef) -> bool {
    let name = node.qual_name_ref();
    let role = node.attr("role");
    matches!(
        name.as_deref().map(|n| &*n.local),
        Some("nav" | "header" | "footer" | "aside" | "form" | "menu")
    ) || matches!(
        role.as_deref(),
        Some("navigation" | "banner" | "contentinfo" | "complementary" | "search")
    )
}

/// Replace the children of each element at `max` levels deep that has
/// elements below it with their text, so that no element is deeper than
/// `max + 1`.
fn flatten_deep(doc: &Document, max: usize) {
    let root = doc.root();
    let mut deep = Vec::new();
    let mut stack = vec![(root, 0usize)];
    while let Some((node, depth)) = stack.pop() {
        if depth == max {
            if node.children_it(false).any(|c| c.is_element()) {
                deep.push(node);
            }
            continue;
        }
        stack.extend(
            node.children_it(false)
                .filter(|c| c.is_element())
                .map(|c| (c, depth + 1)),
        );
    }
    for node in deep {
        let text = node.text();
        node.set_text(text);
    }
}

#[cfg(test)]
mod tests;
