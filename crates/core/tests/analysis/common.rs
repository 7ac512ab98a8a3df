//! Helpers for analysis tests: annotate a text and look entities up by name.
#![allow(dead_code)]

use gloss_core::Document;
use gloss_core::analysis::{Entity, EntityKind, Quote, QuoteKind};
use gloss_core::article::CleanOptions;

pub struct Annotated {
    pub doc: Document,
}

impl Annotated {
    pub fn new(raw: &str) -> Self {
        Annotated {
            doc: Document::from_text(raw, &CleanOptions::default()),
        }
    }

    pub fn text(&self) -> &str {
        &self.doc.article.text
    }

    /// The entity of that kind and name; panics with what there is instead.
    pub fn entity(&self, kind: EntityKind, name: &str) -> &Entity {
        self.doc
            .analysis
            .entities
            .iter()
            .find(|e| e.kind == kind && e.name == name)
            .unwrap_or_else(|| {
                panic!(
                    "no {kind:?} named {name:?}; entities: {:?}",
                    self.all_names()
                )
            })
    }

    pub fn find(&self, kind: EntityKind, name: &str) -> Option<&Entity> {
        self.doc
            .analysis
            .entities
            .iter()
            .find(|e| e.kind == kind && e.name == name)
    }

    pub fn all_names(&self) -> Vec<(EntityKind, String)> {
        self.doc
            .analysis
            .entities
            .iter()
            .map(|e| (e.kind, e.name.clone()))
            .collect()
    }

    pub fn names(&self, kind: EntityKind) -> Vec<String> {
        self.doc
            .analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.clone())
            .collect()
    }

    pub fn count(&self, kind: EntityKind) -> usize {
        self.names(kind).len()
    }

    pub fn mention_texts(&self, e: &Entity) -> Vec<&str> {
        e.mentions.iter().map(|m| m.slice(self.text())).collect()
    }

    pub fn roles<'a>(&self, e: &'a Entity) -> &'a [String] {
        &e.roles
    }

    /// Full quotes: (text, speaker name or None).
    pub fn quotes(&self) -> Vec<(&str, Option<&str>)> {
        self.quotes_of(QuoteKind::Full)
    }

    pub fn quotes_of(&self, kind: QuoteKind) -> Vec<(&str, Option<&str>)> {
        self.doc
            .analysis
            .quotes
            .iter()
            .filter(|q| q.kind == kind)
            .map(|q| (q.span.slice(self.text()), self.speaker(q)))
            .collect()
    }

    pub fn speaker(&self, q: &Quote) -> Option<&str> {
        q.speaker
            .map(|id| self.doc.analysis.entity(id).name.as_str())
    }
}
