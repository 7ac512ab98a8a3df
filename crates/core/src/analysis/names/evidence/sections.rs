//! A travel guide's lists of places: under a heading that names a kind of
//! place in the plural (`Islands`, `Cities`, `Other destinations`,
//! `Mosques`, `Squares and streets`), each block that opens with a name
//! (after a listing's number at most: `8 Hasht Behesht (…)`) lists one of
//! them: `Marie Galante: the biggest island …`, `Gosier: maybe one of …`.
//!
//! The section runs from its heading to the next heading of ordinary words
//! only (`Get in`, `See`, another kind of place); a heading that is itself
//! a name (`Grande Terre`, `Ali Qapu Palace`) is an entry of the section.

use crate::analysis::doc::Doc;
use crate::analysis::lexicon::Lexicon;
use crate::analysis::names::segment::NameSpan;
use crate::analysis::tokens::TokenKind;
use crate::article::BlockKind;

/// For each block of `doc`, whether it lies in a section whose heading
/// names a kind of place in the plural (the heading itself excluded).
/// Empty when the text has no such heading.
pub fn place_sections(doc: &Doc, lex: &Lexicon) -> Vec<bool> {
    let mut sections = Vec::new();
    let mut inside = false;
    for (b, block) in doc.blocks.iter().enumerate() {
        let tokens = doc.block_tokens[b].clone();
        match block.kind {
            BlockKind::Title => inside = false,
            BlockKind::Heading if places_heading(doc, lex, tokens.clone()) => {
                if sections.is_empty() {
                    sections.resize(doc.blocks.len(), false);
                }
                inside = true;
                continue;
            }
            // (a heading of ordinary words opens another section)
            BlockKind::Heading if ordinary_words(doc, lex, tokens) => inside = false,
            _ => {}
        }
        if inside {
            sections[b] = true;
        }
    }
    sections
}

/// Whether the name `s` opens its block, after a listing's number at most,
/// in a section of [`place_sections`].
pub fn listed_under_place_heading(doc: &Doc, sections: &[bool], s: &NameSpan) -> bool {
    if sections.is_empty() {
        return false;
    }
    let start = s.tokens.start;
    let b = doc.block_tokens.partition_point(|r| r.end <= start);
    let Some(block) = doc.block_tokens.get(b) else {
        return false;
    };
    let first = block.start;
    sections[b]
        && (start == first || (start == first + 1 && doc.tokens[first].kind == TokenKind::Number))
}

/// `Islands`, `Other destinations`, `Squares and streets`: at most four
/// words, each a plural of the list of place headings (the last one at
/// least) or `and`, `&`, `other`, `main`, `major`, `nearby`.
fn places_heading(doc: &Doc, lex: &Lexicon, tokens: std::ops::Range<usize>) -> bool {
    let words: Vec<String> = tokens
        .filter(|&i| doc.tokens[i].kind != TokenKind::Punct || doc.word(i) != ",")
        .map(|i| doc.word(i).to_lowercase())
        .collect();
    let heads = &lex.lists.place_heading_words;
    !words.is_empty()
        && words.len() <= 4
        && words.last().is_some_and(|w| heads.contains(w.as_str()))
        && words.iter().all(|w| {
            heads.contains(w.as_str())
                || matches!(
                    w.as_str(),
                    "and" | "&" | "other" | "main" | "major" | "nearby"
                )
        })
}

/// A heading of ordinary words only (`Get in`, `By plane`, `See`).
fn ordinary_words(doc: &Doc, lex: &Lexicon, tokens: std::ops::Range<usize>) -> bool {
    tokens.into_iter().all(|i| {
        doc.tokens[i].kind != TokenKind::Word
            || lex
                .common_word(&doc.word(i).to_lowercase())
                .is_some_and(|w| w.is_common())
    })
}
