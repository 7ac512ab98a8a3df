//! Corrections in the reader: the keys of the People, Places, Quotes and
//! article panes that fix what the analysis got wrong (rename, merge, split,
//! not a name, kind, speaker, not a quote, a new entity or mention from a
//! selection), the chooser they open in the status bar (type to filter,
//! `↑`/`↓` to pick, `Enter` to take), and the promotion of the last general
//! correction to the user lexicon.
//!
//! The reader never parses text: a correction is made of the spans on screen
//! (anchored by their words, [`crate::corrections::Anchor`]), kept through
//! the article's [`crate::notes::Notebook`] (saved at once, undone with `u`
//! like a note) and applied by [`crate::corrections::apply`] to the
//! analysis as it came ([`App::apply_corrections`]): every pane, the
//! highlighting and the jumps follow at once.

use crate::analysis::{EntityId, EntityKind};
use crate::corrections::{Anchor, Correction, kind_phrase};
use crate::notes::lexicon::{self, UserLexicon};
use crate::span::Span;

use super::action::{Action, Pane};
use super::app::App;

/// What the correction keys do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CorrectAction {
    /// People or places: give the entity another name.
    Rename,
    /// People or places: merge the entity into another (chosen).
    Merge,
    /// People or places: the mention under the cursor (or all from it on)
    /// is someone else.
    Split,
    /// People or places: not a name; Quotes: not a quote.
    NotA,
    /// People or places: another kind (chosen).
    Kind,
    /// Quotes: who said it (chosen), or nobody.
    Speaker,
    /// Article: the selection is a new entity (of a chosen kind) or a
    /// mention of one (chosen).
    Entity,
    /// Add the last general correction (not a name, a kind, a new entity,
    /// a name) to the user lexicon, for every article.
    Promote,
    /// In the chooser: take the highlighted choice (or the typed name).
    Choose,
    /// In the chooser: the next or previous choice.
    ChooseNext,
    ChoosePrevious,
    /// In the chooser: a key typed into the filter.
    Type(char),
    Backspace,
    /// In the chooser: close it, changing nothing.
    Close,
}

/// What is being chosen for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Purpose {
    Rename { entity: Anchor },
    Merge { entity: Anchor },
    Split { mention: Anchor },
    Kind { entity: Anchor },
    Speaker { quote: Anchor },
    Entity { mention: Anchor },
}

/// One choice of the chooser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Entity(EntityId),
    Kind(EntityKind),
    Nobody,
    OnlyThis,
    FromHereOn,
}

/// A question in the status bar: a title, a filter typed, the choices that
/// match it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chooser {
    pub purpose: Purpose,
    pub title: String,
    pub query: String,
    /// Every choice with its label; [`Chooser::matching`] filters them.
    pub choices: Vec<(Choice, String)>,
    /// Index into the matching choices.
    pub selected: usize,
}

impl Chooser {
    /// The choices whose label holds the filter (any case).
    pub fn matching(&self) -> Vec<&(Choice, String)> {
        let q = self.query.to_lowercase();
        self.choices
            .iter()
            .filter(|(_, label)| label.to_lowercase().contains(&q))
            .collect()
    }
}

/// Apply a correction action.
pub fn update(app: &mut App, action: CorrectAction) {
    match action {
        CorrectAction::Rename => open_for_entity(app, |entity| Purpose::Rename { entity }),
        CorrectAction::Merge => open_for_entity(app, |entity| Purpose::Merge { entity }),
        CorrectAction::Split => split(app),
        CorrectAction::Kind => open_for_entity(app, |entity| Purpose::Kind { entity }),
        CorrectAction::NotA => not_a(app),
        CorrectAction::Speaker => speaker(app),
        CorrectAction::Entity => entity_from_selection(app),
        CorrectAction::Promote => promote(app),
        CorrectAction::Choose => choose(app),
        CorrectAction::ChooseNext => move_choice(app, 1),
        CorrectAction::ChoosePrevious => move_choice(app, -1),
        CorrectAction::Type(c) => edit(app, |q| q.push(c)),
        CorrectAction::Backspace => edit(app, |q| {
            q.pop();
        }),
        CorrectAction::Close => {
            app.chooser = None;
            app.set_message("Nothing changed");
        }
    }
}

fn edit(app: &mut App, f: impl FnOnce(&mut String)) {
    if let Some(chooser) = app.chooser.as_mut() {
        f(&mut chooser.query);
        chooser.selected = 0;
    }
}

fn move_choice(app: &mut App, delta: isize) {
    if let Some(chooser) = app.chooser.as_mut() {
        let n = chooser.matching().len();
        if n > 0 {
            chooser.selected = (chooser.selected as isize + delta).rem_euclid(n as isize) as usize;
        }
    }
}

/// The entity under the list's cursor and the mention that stands for it:
/// the marked one (reached with `n`/`N`) when it is the entity's, else its
/// first.
fn entity_at_cursor(app: &App) -> Result<(EntityId, Span), String> {
    if !matches!(app.focus, Pane::People | Pane::Places) {
        return Err("Corrections of names work in People or Places".into());
    }
    let id = app
        .entity_under_cursor(app.focus)
        .ok_or("Nothing is selected")?;
    let span = app
        .mention_for(id)
        .ok_or_else(|| format!("{} is not mentioned in the text", app.name(id)))?;
    Ok((id, span))
}

fn anchor(app: &App, span: Span) -> Result<Anchor, String> {
    Anchor::of_span(&app.doc.article.text, span).ok_or_else(|| "Not in the text".to_string())
}

fn has_notebook(app: &mut App) -> bool {
    if app.notes.notebook.is_none() {
        app.set_error("Corrections are kept with the notes, which are unavailable");
        return false;
    }
    true
}

fn open_for_entity(app: &mut App, purpose: impl FnOnce(Anchor) -> Purpose) {
    if !has_notebook(app) {
        return;
    }
    let found = entity_at_cursor(app).and_then(|(id, span)| Ok((id, anchor(app, span)?)));
    let (id, entity) = match found {
        Ok(found) => found,
        Err(e) => return app.set_error(e),
    };
    let name = app.name(id).to_string();
    let purpose = purpose(entity);
    let (title, choices) = match &purpose {
        Purpose::Rename { .. } => (format!("Rename “{name}” to: "), Vec::new()),
        Purpose::Merge { .. } => (
            format!("Merge “{name}” into: "),
            entity_choices(app, |other, _| other != id),
        ),
        Purpose::Kind { .. } => (
            format!("“{name}” is: "),
            [
                EntityKind::Person,
                EntityKind::Organization,
                EntityKind::Place,
            ]
            .into_iter()
            .map(|k| (Choice::Kind(k), kind_phrase(k).to_string()))
            .collect(),
        ),
        _ => return,
    };
    app.chooser = Some(Chooser {
        purpose,
        title,
        query: String::new(),
        choices,
        selected: 0,
    });
}

/// The entities as choices (people and organisations first, then places,
/// as the panes list them).
fn entity_choices(app: &App, keep: impl Fn(EntityId, EntityKind) -> bool) -> Vec<(Choice, String)> {
    app.index
        .people
        .iter()
        .chain(&app.index.places)
        .filter_map(|&id| {
            let e = app.doc.analysis.entities.get(id.0)?;
            keep(id, e.kind).then(|| (Choice::Entity(id), e.name.clone()))
        })
        .collect()
}

fn split(app: &mut App) {
    if !has_notebook(app) {
        return;
    }
    let found = entity_at_cursor(app).and_then(|(id, span)| Ok((id, anchor(app, span)?)));
    let (id, mention) = match found {
        Ok(found) => found,
        Err(e) => return app.set_error(e),
    };
    let name = app.name(id).to_string();
    app.chooser = Some(Chooser {
        title: format!("Split “{}” off “{name}”: ", mention.exact),
        purpose: Purpose::Split { mention },
        query: String::new(),
        choices: vec![
            (Choice::OnlyThis, "only this mention".into()),
            (Choice::FromHereOn, "this and every later mention".into()),
        ],
        selected: 0,
    });
}

fn not_a(app: &mut App) {
    if !has_notebook(app) {
        return;
    }
    match app.focus {
        Pane::Quotes => {
            let Some((_, quote)) = app.selected_quote() else {
                return app.set_error("No quote is selected");
            };
            match anchor(app, quote.span) {
                Ok(quote) => correct(app, Correction::NotAQuote { quote }, None),
                Err(e) => app.set_error(e),
            }
        }
        _ => match entity_at_cursor(app).and_then(|(id, span)| Ok((id, anchor(app, span)?))) {
            Ok((id, entity)) => {
                let name = app.name(id).to_string();
                correct(app, Correction::NotAName { entity }, Some((None, name)));
            }
            Err(e) => app.set_error(e),
        },
    }
}

fn speaker(app: &mut App) {
    if !has_notebook(app) {
        return;
    }
    if app.focus != Pane::Quotes {
        return app.set_error("Speakers are set in Quotes");
    }
    let Some((_, quote)) = app.selected_quote() else {
        return app.set_error("No quote is selected");
    };
    let quote = match anchor(app, quote.span) {
        Ok(q) => q,
        Err(e) => return app.set_error(e),
    };
    let mut choices = vec![(Choice::Nobody, "nobody named".to_string())];
    choices.extend(entity_choices(app, |_, kind| kind != EntityKind::Place));
    app.chooser = Some(Chooser {
        title: "Said by: ".into(),
        purpose: Purpose::Speaker { quote },
        query: String::new(),
        choices,
        selected: 0,
    });
}

fn entity_from_selection(app: &mut App) {
    if !has_notebook(app) {
        return;
    }
    let Some(span) = app.reading.selection.and_then(|_| app.reading.passage()) else {
        let v = app.key(Action::Passage(super::action::PassageAction::Select));
        return app.set_error(format!("Select the name first ({v}, then move its end)"));
    };
    let span = trim(&app.doc.article.text, span);
    let mention = match anchor(app, span) {
        Ok(m) => m,
        Err(e) => return app.set_error(e),
    };
    let mut choices: Vec<(Choice, String)> = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
    ]
    .into_iter()
    .map(|k| (Choice::Kind(k), format!("new: {}", kind_phrase(k))))
    .collect();
    choices.extend(
        entity_choices(app, |_, _| true)
            .into_iter()
            .map(|(c, name)| (c, format!("a mention of {name}"))),
    );
    app.chooser = Some(Chooser {
        title: format!("“{}” is: ", mention.exact),
        purpose: Purpose::Entity { mention },
        query: String::new(),
        choices,
        selected: 0,
    });
}

/// A span without the whitespace and the punctuation at its ends.
fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let edge = |c: char| c.is_whitespace() || (c.is_ascii_punctuation() && c != '.');
    let start = span.start + (s.len() - s.trim_start_matches(edge).len());
    let end = span.end - (s.len() - s.trim_end_matches(edge).len());
    if start < end {
        Span::new(start, end)
    } else {
        span
    }
}

fn choose(app: &mut App) {
    let Some(chooser) = app.chooser.take() else {
        return;
    };
    let picked = chooser
        .matching()
        .get(chooser.selected)
        .map(|(c, _)| c.clone());
    let entity_anchor = |app: &App, id: EntityId| -> Option<Anchor> {
        let span = *app.index.mentions.get(id.0)?.first()?;
        Anchor::of_span(&app.doc.article.text, span)
    };
    match (chooser.purpose, picked) {
        (Purpose::Rename { entity }, _) => {
            let name = chooser.query.trim().to_string();
            if name.is_empty() {
                return app.set_message("Nothing changed: no name was typed");
            }
            let kind = app
                .doc
                .analysis
                .entities
                .iter()
                .find(|e| {
                    e.mentions
                        .iter()
                        .any(|m| m.slice(&app.doc.article.text) == entity.exact)
                })
                .map(|e| e.kind);
            correct(
                app,
                Correction::Rename {
                    entity,
                    name: name.clone(),
                },
                kind.map(|k| (Some(k), name)),
            );
        }
        (Purpose::Merge { entity }, Some(Choice::Entity(id))) => {
            if let Some(into) = entity_anchor(app, id) {
                correct(app, Correction::Merge { entity, into }, None);
            }
        }
        (Purpose::Split { mention }, Some(c @ (Choice::OnlyThis | Choice::FromHereOn))) => {
            let onward = c == Choice::FromHereOn;
            correct(app, Correction::Split { mention, onward }, None);
        }
        (Purpose::Kind { entity }, Some(Choice::Kind(kind))) => {
            let name = entity.exact.clone();
            correct(
                app,
                Correction::Kind { entity, kind },
                Some((Some(kind), name)),
            );
        }
        (Purpose::Speaker { quote }, Some(Choice::Nobody)) => {
            correct(
                app,
                Correction::Speaker {
                    quote,
                    speaker: None,
                },
                None,
            );
        }
        (Purpose::Speaker { quote }, Some(Choice::Entity(id))) => {
            if let Some(s) = entity_anchor(app, id) {
                correct(
                    app,
                    Correction::Speaker {
                        quote,
                        speaker: Some(s),
                    },
                    None,
                );
            }
        }
        (Purpose::Entity { mention }, Some(Choice::Kind(kind))) => {
            let name = mention.exact.clone();
            app.reading.selection = None;
            correct(
                app,
                Correction::NewEntity { mention, kind },
                Some((Some(kind), name)),
            );
        }
        (Purpose::Entity { mention }, Some(Choice::Entity(id))) => {
            if let Some(entity) = entity_anchor(app, id) {
                app.reading.selection = None;
                correct(app, Correction::AddMention { mention, entity }, None);
            }
        }
        _ => app.set_message("Nothing changed: nothing matches"),
    }
}

/// Keep a correction and show it everywhere; `general` is what the user
/// lexicon would say of it (kind, name), offered for promotion.
fn correct(app: &mut App, correction: Correction, general: Option<(lexicon::Kind, String)>) {
    let said = correction.describe();
    let Some(nb) = app.notes.notebook.as_mut() else {
        return;
    };
    if let Err(e) = nb.correct(correction) {
        return app.set_error(format!("Could not keep the correction: {e}"));
    }
    app.apply_corrections();
    let undo = app.key(Action::Notes(super::action::NoteAction::Undo));
    let promote = general.as_ref().map_or(String::new(), |_| {
        format!(
            " · {} for every article",
            app.key(Action::Correct(CorrectAction::Promote))
        )
    });
    app.last_general = general;
    app.set_message(format!("Corrected: {said} · {undo} undoes{promote}"));
}

fn promote(app: &mut App) {
    let Some((kind, name)) = app.last_general.take() else {
        return app.set_error(
            "Nothing to keep for every article: not a name, a kind or a new name comes first",
        );
    };
    let result = (|| -> Result<std::path::PathBuf, String> {
        let path = UserLexicon::default_path().ok_or("no data directory is known")?;
        let mut lex = UserLexicon::load(&path).map_err(|e| e.to_string())?;
        if lex.add(kind, &name) {
            lex.save(&path).map_err(|e| e.to_string())?;
        }
        Ok(path)
    })();
    match result {
        Ok(path) => app.set_message(format!(
            "For every article from now on: {name} is {} ({})",
            match kind {
                Some(k) => kind_phrase(k),
                None => "never a name",
            },
            path.display()
        )),
        Err(e) => app.set_error(format!("Could not add to the user lexicon: {e}")),
    }
}
