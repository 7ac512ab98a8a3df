//! Following the story: jumping to mentions, people, quotes and search
//! matches; copying and opening what the reader points at.

use super::text_layout::one_line;
use crate::analysis::EntityId;
use crate::span::Span;

use super::action::{Action, Effect, Pane};
use super::app::{App, Mode};
use super::areas::Areas;
use super::index::MentionMark;
use super::search::{TextSearch, find_all};
use super::shelf::plural;

/// Mark `span`, scroll it into view.
fn land(app: &mut App, span: Span) {
    app.mark = Some(span);
    app.reveal(span.start);
}

/// Go to mention `i` of entity `id` and say so.
fn go_to_mention(app: &mut App, id: EntityId, i: usize, note: &str) {
    let Some(&span) = app.index.mentions.get(id.0).and_then(|m| m.get(i)) else {
        return;
    };
    land(app, span);
    let total = app.index.count(id);
    let name = app.name(id).to_string();
    app.set_message(format!("{name} · mention {} of {total}{note}", i + 1));
}

/// `Enter`: in a list, go to the entity's first mention or to the quote; in
/// the article, select the entity of the marked mention.
pub fn jump(app: &mut App) {
    match app.focus {
        Pane::People | Pane::Places => {
            let Some(id) = app.entity_under_cursor(app.focus) else {
                return;
            };
            super::update::select_under_cursor(app, app.focus);
            if app.index.count(id) == 0 {
                let name = app.name(id).to_string();
                app.set_error(format!("{name} is not mentioned in the text"));
            } else {
                go_to_mention(app, id, 0, "");
            }
        }
        Pane::Quotes => show_quote(app),
        Pane::Notes => super::note_taking::show_selected(app),
        Pane::Map => {}
        Pane::Article => {
            let mention = app.mark.and_then(|m| mention_at(app, m.start));
            if let Some(id) = mention.map(|m| m.entity) {
                select(app, id);
            }
        }
    }
}

/// The mention at byte `offset`.
fn mention_at(app: &App, offset: usize) -> Option<MentionMark> {
    let marks = &app.index.marks;
    let i = marks.partition_point(|m| m.span.end <= offset);
    marks.get(i).filter(|m| m.span.contains(offset)).copied()
}

/// Make `id` the selection and put its list's cursor on it.
fn select(app: &mut App, id: EntityId) {
    app.selected = Some(id);
    app.quotes = Default::default();
    for pane in [Pane::People, Pane::Places] {
        if let Some(row) = app.entities(pane).iter().position(|&e| e == id)
            && let Some(c) = app.cursor_mut(pane)
        {
            c.selected = row;
        }
    }
    let name = app.name(id).to_string();
    let count = app.index.count(id);
    let k = mention_index(app, id);
    let what = match k {
        Some(k) => format!("mention {} of {count}", k + 1),
        None => plural(count, "mention"),
    };
    app.set_message(format!("{name} · {what}"));
}

/// Which of `id`'s mentions is marked.
fn mention_index(app: &App, id: EntityId) -> Option<usize> {
    let mark = app.mark?;
    app.index.mentions.get(id.0)?.binary_search(&mark).ok()
}

/// `n`/`N`: the next or previous search match, else mention of the selection.
pub fn step_mention(app: &mut App, forward: bool) {
    if app.search.is_some() {
        step_match(app, forward);
        return;
    }
    let Some(id) = app.selected else {
        let (people, down, next) = (
            app.key(Action::FocusPane(Pane::People)),
            app.key(Action::Down),
            app.key(Action::NextPerson),
        );
        app.set_message(format!(
            "Select a person or place first ({people}, then {down}), or {next} for the next person named"
        ));
        return;
    };
    let mentions = app.index.mentions.get(id.0).cloned().unwrap_or_default();
    if mentions.is_empty() {
        let name = app.name(id).to_string();
        app.set_error(format!("{name} is not mentioned in the text"));
        return;
    }
    let last = mentions.len() - 1;
    let (target, wrapped) =
        match mention_index(app, id).filter(|_| app.is_visible(app.mark.map_or(0, |m| m.start))) {
            Some(i) if forward => {
                if i == last {
                    (0, true)
                } else {
                    (i + 1, false)
                }
            }
            Some(i) => {
                if i == 0 {
                    (last, true)
                } else {
                    (i - 1, false)
                }
            }
            None => {
                let (pos, inclusive) = app.reading_position();
                if forward {
                    let i = mentions
                        .partition_point(|m| m.start < pos || (!inclusive && m.start == pos));
                    if i > last { (0, true) } else { (i, false) }
                } else {
                    let i = mentions.partition_point(|m| m.start < pos);
                    if i == 0 { (last, true) } else { (i - 1, false) }
                }
            }
        };
    let note = match (wrapped, forward) {
        (true, true) => " · from the top",
        (true, false) => " · from the end",
        _ => "",
    };
    go_to_mention(app, id, target, note);
}

/// `]`/`[`: the next or previous mention of any person.
pub fn person(app: &mut App, forward: bool) {
    let (pos, inclusive) = app.reading_position();
    let found = if forward {
        app.index
            .person_mentions()
            .find(|m| m.span.start > pos || (inclusive && m.span.start == pos))
    } else {
        app.index
            .person_mentions()
            .rev()
            .find(|m| m.span.start < pos)
    }
    .copied();
    match found {
        Some(m) => {
            land(app, m.span);
            let name = app.name(m.entity).to_string();
            let k = mention_index(app, m.entity).map_or(0, |k| k + 1);
            let total = app.index.count(m.entity);
            app.set_message(format!("{name} · mention {k} of {total}"));
        }
        None if app.analysing => app.set_message("Still analysing the article…"),
        None if app.index.person_mentions().next().is_none() => {
            app.set_message("The analysis found no person in this article");
        }
        None => app.set_message(if forward {
            "No person is named after this point"
        } else {
            "No person is named before this point"
        }),
    }
}

/// Show the quote under the Quotes cursor in the article.
pub fn show_quote(app: &mut App) {
    let Some((_, quote)) = app.selected_quote() else {
        return;
    };
    let (span, speaker) = (quote.span, quote.speaker);
    land(app, span);
    let total = app.list_len(Pane::Quotes);
    let who = speaker.map_or("unattributed".to_string(), |id| app.name(id).to_string());
    app.set_message(format!(
        "Quote {} of {total} · {who}",
        app.quotes.selected + 1
    ));
}

/// `f`: narrow the quotes to the selected person's, or show them all.
pub fn toggle_quote_filter(app: &mut App) {
    app.quote_filter = !app.quote_filter;
    app.quotes = Default::default();
    let f = app.key(Action::ToggleQuoteFilter);
    let text = match app.quote_speaker() {
        Some(id) => format!("Quotes by {} only · {f} shows all", app.name(id)),
        None if app.quote_filter => {
            "Quotes narrow to the person selected in People & organisations".to_string()
        }
        None => format!("All quotes · {f} narrows them to the selected person"),
    };
    app.set_message(text);
}

pub fn search_start(app: &mut App) {
    app.mode = Mode::SearchInput;
    app.search = Some(TextSearch {
        origin_scroll: app.scroll,
        origin_mark: app.mark,
        ..TextSearch::default()
    });
}

/// Change the query as typed; the view follows the first match after where the search began.
pub fn search_edit(app: &mut App, edit: impl FnOnce(&mut String)) {
    let Some(mut search) = app.search.take() else {
        return;
    };
    edit(&mut search.query);
    search.matches = find_all(&app.doc.article.text, &search.query, app.reader.matching());
    let origin = app
        .layout
        .lines
        .get(search.origin_scroll)
        .map_or(0, |l| l.start);
    search.current = search.first_from(origin);
    app.scroll = search.origin_scroll.min(app.max_scroll());
    if let Some(m) = search.current.map(|i| search.matches[i]) {
        app.reveal(m.start);
    }
    app.search = Some(search);
}

/// `Enter` in the search: keep the matches and step through them with `n`/`N`.
pub fn search_confirm(app: &mut App) {
    app.mode = Mode::Normal;
    let Some(search) = &app.search else { return };
    if search.matches.is_empty() {
        let query = search.query.clone();
        app.search = None;
        if !query.is_empty() {
            app.set_error(format!("No match for “{query}”"));
        }
        return;
    }
    app.mark = None;
    say_match(app);
}

/// `Esc` while typing: back to where the search began.
pub fn search_abort(app: &mut App) {
    app.mode = Mode::Normal;
    if let Some(search) = app.search.take() {
        app.scroll = search.origin_scroll.min(app.max_scroll());
        app.mark = search.origin_mark;
    }
}

fn step_match(app: &mut App, forward: bool) {
    let Some(search) = &mut app.search else {
        return;
    };
    let n = search.matches.len();
    if n == 0 {
        return;
    }
    let next = match search.current {
        Some(i) if forward => (i + 1) % n,
        Some(i) => (i + n - 1) % n,
        None => 0,
    };
    search.current = Some(next);
    let start = search.matches[next].start;
    app.reveal(start);
    say_match(app);
}

fn say_match(app: &mut App) {
    let Some(search) = &app.search else { return };
    let (i, n) = (search.current.unwrap_or(0) + 1, search.matches.len());
    let (next, esc) = (app.key(Action::NextMention), app.key(Action::Cancel));
    let text = format!(
        "“{}”: match {i} of {n} · {next} next · {esc} ends the search",
        search.query
    );
    app.set_message(text);
}

/// A click in the text: a mention selects its entity.
pub fn click_text(app: &mut App, areas: &Areas, column: u16, row: u16) {
    let text = areas.text;
    if row < text.y || row >= text.bottom() || column < text.x {
        return;
    }
    let line = app.scroll + usize::from(row - text.y);
    let Some(visual) = app.layout.lines.get(line) else {
        return;
    };
    let indent = visual
        .block
        .and_then(|b| app.doc.article.blocks.get(b))
        .map_or(0, |b| super::text_layout::indent(b.kind));
    let Some(column) = usize::from(column - text.x).checked_sub(indent) else {
        return;
    };
    let offset = super::text_layout::offset_at(&app.doc.article.text, visual, column);
    if let Some(m) = offset.and_then(|o| mention_at(app, o)) {
        app.mark = Some(m.span);
        select(app, m.entity);
    }
}

/// `o`: open the article's URL in the browser.
pub fn open_url(app: &mut App) -> Effect {
    match app.doc.article.meta.url.clone() {
        None => {
            app.set_error("This article has no URL: it was opened from a file, not fetched");
            Effect::None
        }
        Some(url) if url.starts_with("https://") || url.starts_with("http://") => {
            app.set_message(format!("Opening {url}"));
            Effect::OpenUrl(url)
        }
        Some(url) => {
            app.set_error(format!(
                "Not opening {url}: only http and https links are opened"
            ));
            Effect::None
        }
    }
}

/// `y`: copy what is marked, with its citation: in the Quotes pane the
/// selected quote; elsewhere the selection, else the reading cursor's
/// sentence (the passage `h` and `a` take), credited to its speaker when it
/// lies inside a quote. The citation names the article: title, site or
/// source, date, and its URL or file.
pub fn copy(app: &mut App) -> Effect {
    let article = &app.doc.article;
    let meta = &article.meta;
    let mut source = Vec::new();
    if let Some(title) = article.title() {
        source.push(format!("“{}”", one_line(title)));
    }
    if let Some(s) = meta.site.as_ref().or(meta.source.as_ref()) {
        source.push(s.clone());
    }
    if let Some(date) = &meta.published {
        source.push(date.clone());
    }
    if let Some(address) = meta.url.as_ref().or(app.address.as_ref()) {
        source.push(address.clone());
    }
    let (passage, quote) = match app.focus {
        Pane::Quotes => match app.selected_quote() {
            Some((i, q)) => (q.span, Some(i)),
            None => {
                app.set_error("No quote is selected");
                return Effect::None;
            }
        },
        _ => {
            let Some(passage) = app.reading.passage() else {
                app.set_error("Nothing to copy here");
                return Effect::None;
            };
            // a quote the passage lies in, else one it holds whole (a
            // scare quote credits nobody)
            let quotes = &app.doc.analysis.quotes;
            let full = |q: &&crate::analysis::Quote| q.kind == crate::analysis::QuoteKind::Full;
            let quote = quotes
                .iter()
                .position(|q| full(&q) && q.span.covers(passage))
                .or_else(|| {
                    quotes
                        .iter()
                        .position(|q| full(&q) && passage.covers(q.span) && q.speaker.is_some())
                });
            (passage, quote)
        }
    };
    let who = quote
        .and_then(|i| app.doc.analysis.quotes[i].speaker)
        .map(|id| app.name(id).to_string());
    let what = match (quote, &who) {
        (Some(_), Some(w)) => format!("the quote by {w}"),
        (Some(_), None) => "the quote".to_string(),
        (None, _) => "the passage".to_string(),
    };
    let mut citation: Vec<String> = who.into_iter().collect();
    if !source.is_empty() {
        citation.push(source.join(", "));
    }
    let mut text = format!("“{}”", one_line(app.doc.article.slice(passage)));
    if !citation.is_empty() {
        text.push_str("\n— ");
        text.push_str(&citation.join(", in "));
    }
    app.set_message(format!("Copied {what} with its citation"));
    Effect::Copy(text)
}
