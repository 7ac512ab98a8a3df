//! Analysis: pure functions from an [`Article`] to the people, organisations,
//! places and quotes in it, all as byte spans of the article's text.
//!
//! No I/O, no terminal, deterministic. The knowledge it uses (name lists,
//! titles, gazetteer, tagger weights) is compiled in from `assets/`.

pub mod doc;
pub mod explain;
pub mod lexicon;
pub mod names;
pub mod quotes;
pub mod sentences;
pub mod tagger;
pub mod taught;
pub mod tokens;

use serde::{Deserialize, Serialize};

use crate::article::{Article, Block};
use crate::span::Span;
pub use explain::Explanation;

/// The kind of a named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
}

/// A person's gender as far as the text shows it (given name, honorific):
/// the names tell it, the quotes' pronouns read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Index of an entity in [`Analysis::entities`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntityId(pub usize);

/// Where a place is, when the gazetteer knows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    pub lat: f64,
    pub lon: f64,
    pub country_code: Option<String>,
    /// `country`, `city`, `region`, `continent`, `feature`, ...
    pub feature: String,
    /// The place's GeoNames id; `None` for hand-listed places.
    #[serde(default)]
    pub geonames_id: Option<u32>,
    /// For a place the gazetteer does not know, put where a place it lies
    /// in is: that place's name (`Manhattan` for `Lower Manhattan`, `Queens`
    /// for `Flushing, Queens`); the other fields are that place's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<String>,
}

/// One real-world person, organisation or place, with all its mentions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    /// The fullest name the article uses ("Donald Trump").
    pub name: String,
    /// Titles and roles the article gives it ("President", "Secretary of State").
    pub roles: Vec<String>,
    /// Mentions in reading order: the name as written, without title or possessive.
    pub mentions: Vec<Span>,
    pub geo: Option<Geo>,
}

/// Whether a quotation is a full quote or a short scare quote / quoted title.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Full,
    Partial,
}

/// Quoted words (without the quotation marks) and who said them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words; for a quotation in parts, from the first part's
    /// start to the last one's end.
    pub span: Span,
    pub speaker: Option<EntityId>,
    pub kind: QuoteKind,
    /// The quoted stretches of a quotation its attribution splits (`"My
    /// hope," he said, "is …"`, see `quotes::join`); empty for one in one
    /// piece.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<Span>,
}

/// Everything the analysis found in an article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Sentences in reading order.
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    /// Quotes in reading order.
    pub quotes: Vec<Quote>,
    /// The language the analysis assumed, as an ISO 639-1 code (`en`).
    pub language: String,
}

impl Analysis {
    pub fn entity(&self, id: EntityId) -> &Entity {
        &self.entities[id.0]
    }
}

/// Which parts of the analysis find names (both by default; each can be
/// switched off to measure what the other does alone, `gloss annotate
/// --names`), and the longest line it reads in one piece.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Parts {
    /// Capitalised runs, name lists, titles, gazetteer and context cues.
    pub rules: bool,
    /// The learned named-entity tagger.
    pub tagger: bool,
    /// A block (a line of the text) longer than this many bytes is read in
    /// pieces of at most this size, cut after a sentence or at a space
    /// (`[limits] line-bytes`): quotations, sentences and names do not run
    /// across pieces. The text is not changed.
    pub line_bytes: usize,
}

/// The default of [`Parts::line_bytes`]: `[limits] line-bytes` of the
/// built-in configuration (a test holds them equal).
pub const LINE_BYTES: usize = 1 << 16;

impl Default for Parts {
    fn default() -> Self {
        Parts {
            rules: true,
            tagger: true,
            line_bytes: LINE_BYTES,
        }
    }
}

/// Analyse an article. Pure and deterministic.
pub fn analyze(article: &Article) -> Analysis {
    analyze_with(article, Parts::default())
}

/// Analyse an article with only some `parts` finding names (for measuring
/// them); at least one of the two is used.
pub fn analyze_with(article: &Article, parts: Parts) -> Analysis {
    run(article, parts, lexicon::get(), None)
}

/// Analyse an article with a lexicon of the caller's: the built-in one with
/// an overlay ([`lexicon::Lexicon::with_overlay`]). The tagger keeps the
/// built-in lexicon it was trained with.
pub fn analyze_with_lexicon(article: &Article, parts: Parts, lex: &lexicon::Lexicon) -> Analysis {
    run(article, parts, lex, None)
}

/// Analyse an article as [`analyze_with`] does, and say why it decided what
/// it did: the same run, with its rules reporting to an [`Explanation`].
pub fn analyze_explained(article: &Article, parts: Parts) -> (Analysis, Explanation) {
    analyze_explained_with_lexicon(article, parts, lexicon::get())
}

/// [`analyze_explained`] with a lexicon of the caller's, as
/// [`analyze_with_lexicon`] takes it.
pub fn analyze_explained_with_lexicon(
    article: &Article,
    parts: Parts,
    lex: &lexicon::Lexicon,
) -> (Analysis, Explanation) {
    let mut explanation = Explanation::default();
    let analysis = run(article, parts, lex, Some(&mut explanation));
    (analysis, explanation)
}

/// An article longer than this many bytes is analysed in chunks of whole
/// blocks (paragraphs, or the pieces of a long line, cut after a sentence)
/// of at most this size, one after the other, and their results merged: the
/// memory the analysis takes beyond the text and its results stays that of
/// one chunk, however long the article.
///
/// Each chunk is analysed as a text of its own (its blocks' text, copied),
/// so nothing it finds reaches outside it: its mentions, sentences and
/// quotations are its own, and their spans are moved to the article's
/// offsets. Across chunks, entities of one kind and name are one entity, and
/// a person named by one word (`Okonkwo-Bello`) is the one person of the
/// other chunks whose full name ends with it, when there is exactly one
/// ([`Merged::finish`]). What does not cross a chunk's edge: a family name
/// alone choosing among people by prominence, a quotation left open in the
/// last paragraph of a chunk, a speaker carried over the edge.
///
/// 8 MB: some hundred times the longest article of the reference inputs, so
/// an article of normal size is analysed whole, exactly as before.
pub const CHUNK_BYTES: usize = 8 << 20;

/// The analysis; `explain`, when given, receives the reasons (for the whole
/// article at once).
fn run(
    article: &Article,
    parts: Parts,
    lex: &lexicon::Lexicon,
    explain: Option<&mut Explanation>,
) -> Analysis {
    match explain {
        Some(explain) => {
            let blocks = doc::pieces(&article.text, &article.blocks, parts.line_bytes);
            run_blocks(article, blocks, parts, lex, Some(explain))
        }
        None => run_chunked(article, parts, lex, CHUNK_BYTES),
    }
}

/// [`analyze_with`] in chunks of at most `chunk_bytes` (see [`CHUNK_BYTES`]):
/// for the tests, which cannot afford chunks of the real size.
pub fn analyze_in_chunks(article: &Article, parts: Parts, chunk_bytes: usize) -> Analysis {
    run_chunked(article, parts, lexicon::get(), chunk_bytes)
}

fn run_chunked(
    article: &Article,
    parts: Parts,
    lex: &lexicon::Lexicon,
    chunk_bytes: usize,
) -> Analysis {
    let blocks = doc::pieces(&article.text, &article.blocks, parts.line_bytes);
    if article.text.len() <= chunk_bytes {
        return run_blocks(article, blocks, parts, lex, None);
    }
    let mut merged = Merged::default();
    let mut start = 0;
    while start < blocks.len() {
        let from = blocks[start].span.start;
        let mut end = start + 1;
        while end < blocks.len() && blocks[end].span.end - from <= chunk_bytes {
            end += 1;
        }
        let to = blocks[end - 1].span.end;
        // the chunk as an article of its own: its text, its blocks
        let part = Article {
            text: article.text[from..to].to_string(),
            blocks: blocks[start..end]
                .iter()
                .map(|b| Block {
                    kind: b.kind,
                    span: Span::new(b.span.start - from, b.span.end - from),
                })
                .collect(),
            meta: Default::default(),
        };
        let analysis = run_blocks(
            &part,
            std::borrow::Cow::Borrowed(&part.blocks),
            parts,
            lex,
            None,
        );
        merged.add(analysis, from, to - from);
        start = end;
    }
    merged.finish()
}

/// The analyses of an article's chunks, merged in reading order.
#[derive(Default)]
struct Merged {
    analysis: Analysis,
    /// Each entity's index by kind and name.
    by_name: std::collections::HashMap<(EntityKind, String), usize>,
    /// Bytes analysed per language, the language of most bytes wins.
    languages: Vec<(String, usize)>,
}

impl Merged {
    /// Add the analysis of the chunk at byte `offset` of the article,
    /// `bytes` long.
    fn add(&mut self, part: Analysis, offset: usize, bytes: usize) {
        use std::collections::hash_map::Entry;
        let shift = |s: Span| Span::new(s.start + offset, s.end + offset);
        match self.languages.iter_mut().find(|(l, _)| *l == part.language) {
            Some((_, n)) => *n += bytes,
            None => self.languages.push((part.language, bytes)),
        }
        let entities = &mut self.analysis.entities;
        let ids: Vec<usize> = part
            .entities
            .into_iter()
            .map(|mut e| {
                for m in &mut e.mentions {
                    *m = shift(*m);
                }
                match self.by_name.entry((e.kind, e.name.clone())) {
                    Entry::Occupied(found) => {
                        let id = *found.get();
                        let known = &mut entities[id];
                        known.mentions.extend(e.mentions);
                        for role in e.roles {
                            if !known.roles.contains(&role) {
                                known.roles.push(role);
                            }
                        }
                        known.geo = known.geo.take().or(e.geo);
                        id
                    }
                    Entry::Vacant(new) => {
                        new.insert(entities.len());
                        entities.push(e);
                        entities.len() - 1
                    }
                }
            })
            .collect();
        self.analysis
            .sentences
            .extend(part.sentences.into_iter().map(shift));
        self.analysis
            .quotes
            .extend(part.quotes.into_iter().map(|q| Quote {
                span: shift(q.span),
                speaker: q.speaker.map(|s| EntityId(ids[s.0])),
                kind: q.kind,
                parts: q.parts.into_iter().map(shift).collect(),
            }));
    }

    /// The merged analysis: a person named by one word in some chunk is the
    /// one person of the article whose fuller name ends with that word, if
    /// there is exactly one.
    fn finish(self) -> Analysis {
        let mut analysis = self.analysis;
        analysis.language = self
            .languages
            .into_iter()
            .max_by_key(|(_, n)| *n)
            .map(|(l, _)| l)
            .unwrap_or_default();
        let entities = &analysis.entities;
        // the person each family name alone stands for, where it is one
        let mut family: std::collections::HashMap<&str, Option<usize>> = Default::default();
        for (i, e) in entities.iter().enumerate() {
            if e.kind == EntityKind::Person
                && let Some((_, last)) = e.name.rsplit_once(' ')
            {
                family
                    .entry(last)
                    .and_modify(|one| *one = None)
                    .or_insert(Some(i));
            }
        }
        let into: Vec<Option<usize>> = entities
            .iter()
            .map(|e| {
                (e.kind == EntityKind::Person && !e.name.contains(' '))
                    .then(|| family.get(e.name.as_str()).copied().flatten())
                    .flatten()
            })
            .collect();
        if into.iter().all(Option::is_none) {
            return analysis;
        }
        // the entities kept, renumbered; the others' mentions and roles go
        // to the person they name
        let mut new_id = vec![0; into.len()];
        let mut kept = 0;
        for (i, target) in into.iter().enumerate() {
            if target.is_none() {
                new_id[i] = kept;
                kept += 1;
            }
        }
        for (i, target) in into.iter().enumerate() {
            if let Some(t) = target {
                new_id[i] = new_id[*t];
            }
        }
        let mut merged: Vec<Entity> = Vec::with_capacity(kept);
        let mut folded: Vec<Entity> = Vec::new();
        let mut folded_into: Vec<usize> = Vec::new();
        for (e, target) in analysis.entities.into_iter().zip(&into) {
            match target {
                None => merged.push(e),
                Some(t) => {
                    folded_into.push(new_id[*t]);
                    folded.push(e);
                }
            }
        }
        for (e, to) in folded.into_iter().zip(folded_into) {
            let person = &mut merged[to];
            person.mentions.extend(e.mentions);
            for role in e.roles {
                if !person.roles.contains(&role) {
                    person.roles.push(role);
                }
            }
        }
        for e in &mut merged {
            e.mentions.sort_by_key(|m| m.start);
            e.mentions.dedup();
        }
        analysis.entities = merged;
        for q in &mut analysis.quotes {
            q.speaker = q.speaker.map(|s| EntityId(new_id[s.0]));
        }
        analysis
    }
}

/// The analysis of some blocks of `article` (all of them, or a chunk).
fn run_blocks(
    article: &Article,
    blocks: std::borrow::Cow<'_, [Block]>,
    parts: Parts,
    lex: &lexicon::Lexicon,
    mut explain: Option<&mut Explanation>,
) -> Analysis {
    let mut doc = doc::Doc::with_blocks(article, blocks, parts);
    let mut drafts = names::resolve(&doc, lex, explain.as_deref_mut().map(|e| &mut e.names));
    if !lex.taught.is_empty() {
        taught::apply(&doc, &lex.taught, &mut drafts);
    }
    // the tagger's labels (one per token) only serve the names: freed before
    // the quotations build their own per-token indexes
    doc.ner = Vec::new();

    // quotations: kind, then speaker
    let mut mention_refs: Vec<quotes::attribute::MentionRef> = drafts
        .iter()
        .enumerate()
        .flat_map(|(e, d)| {
            d.mentions
                .iter()
                .map(move |m| quotes::attribute::MentionRef {
                    tokens: m.tokens.clone(),
                    entity: e,
                    kind: d.kind,
                })
        })
        .collect();
    mention_refs.sort_by_key(|m| m.tokens.start);
    // the kind of each quotation first: attribution carries a speaker on
    // from full quotations only
    let mut kinds: Vec<QuoteKind> = Vec::with_capacity(doc.quotes.len());
    for (q, found) in doc.quotes.iter().enumerate() {
        let inner = &doc.quote_tokens[q];
        let inner_tokens: Vec<tokens::Token> = doc.tokens[inner.clone()]
            .iter()
            .copied()
            .filter(|t| found.span.covers(t.span()))
            .collect();
        let mut kind = quotes::kind::classify(
            doc.text,
            found,
            &inner_tokens,
            starts_clause(&doc, inner.start),
            doc.blocks[found.block].kind,
            &lex.lists,
        );
        // the second half of a split quotation (`"A," said Kim, "B."`) is as
        // full as the first
        if q > 0
            && kinds[q - 1] == QuoteKind::Full
            && inner.start > 0
            && doc.sentence_of[inner.start] == doc.sentence_of[doc.quote_tokens[q - 1].start]
            && doc.word(inner.start - 1) == ","
            && inner.start - doc.quote_tokens[q - 1].end <= 10
        {
            kind = QuoteKind::Full;
        }
        kinds.push(kind);
    }
    let quote_refs: Vec<quotes::attribute::QuoteRef> = doc
        .quotes
        .iter()
        .zip(&doc.quote_tokens)
        .zip(&kinds)
        .map(|((q, tokens), kind)| quotes::attribute::QuoteRef {
            tokens: tokens.clone(),
            block: q.block,
            unclosed: q.close.is_none(),
            partial: *kind == QuoteKind::Partial,
        })
        .collect();
    let genders: Vec<_> = drafts.iter().map(|d| d.gender).collect();
    let entity_names: Vec<&str> = drafts.iter().map(|d| d.name.as_str()).collect();
    let is_role = |w: &str| lex.title(w).is_some();
    let input = quotes::attribute::Input {
        text: doc.text,
        tokens: &doc.tokens,
        sentences: &doc.sentences,
        sentence_of: &doc.sentence_of,
        blocks: &doc.block_tokens,
        quotes: &quote_refs,
        mentions: &mention_refs,
        genders: &genders,
        names: &entity_names,
        is_role: &is_role,
        lists: &lex.lists,
    };
    // how each speaker was chosen, when asked
    let mut steps = explain.is_some().then(Vec::new);
    let speakers = quotes::attribute::attribute(&input, steps.as_mut());
    let quotes: Vec<Quote> = doc
        .quotes
        .iter()
        .zip(&kinds)
        .enumerate()
        .map(|(q, (found, &kind))| Quote {
            span: found.span,
            speaker: speakers[q].map(EntityId),
            kind,
            parts: Vec::new(),
        })
        .collect();
    let quotes = quotes::join::join_split(doc.text, &doc.quotes, quotes, steps.as_mut());

    let entities = drafts
        .into_iter()
        .map(|d| Entity {
            kind: d.kind,
            name: d.name,
            roles: d.roles,
            mentions: d.mentions.into_iter().map(|m| m.span).collect(),
            geo: d.geo,
        })
        .collect();
    let analysis = Analysis {
        sentences: doc.sentences.iter().map(|s| s.span).collect(),
        entities,
        quotes,
        language: detect_language(&doc, &lex.lists),
    };
    if let Some(explain) = explain {
        explain.quotes = analysis
            .quotes
            .iter()
            .zip(steps.unwrap_or_default())
            .map(|(q, steps)| explain::QuoteExplanation {
                quote: q.span,
                speaker: q.speaker.map(|id| analysis.entity(id).name.clone()),
                steps,
            })
            .collect();
    }
    analysis
}

/// Whether the quotation opening at token `open` starts a clause: the first
/// token of its sentence, or after a colon or dash.
fn starts_clause(doc: &doc::Doc, open: usize) -> bool {
    let Some(sentence) = doc
        .sentences
        .get(doc.sentence_of.get(open).map_or(0, |&s| s as usize))
    else {
        return false;
    };
    open == sentence.tokens.start
        || (open > 0 && matches!(doc.word(open - 1), ":" | "\u{2014}" | "\u{2013}" | "-"))
}

/// The language the analysis assumes: English unless most letters are of
/// another script, or the common English words (`common_english_words`)
/// are missing.
fn detect_language(doc: &doc::Doc, lists: &lexicon::lists::WordLists) -> String {
    let mut latin = 0usize;
    let mut other = 0usize;
    // ASCII letters eight bytes at a time where all eight are ASCII, else
    // byte by byte; other letters decoded where they start
    let bytes = doc.text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(x) = crate::ascii::eight_ascii(&bytes[i..]) {
            latin += crate::ascii::letters(x).count_ones() as usize;
            i += 8;
            continue;
        }
        let b = bytes[i];
        if b < 0x80 {
            latin += usize::from(b.is_ascii_alphabetic());
        } else if b >= 0xc0
            && let Some(c) = doc.text[i..].chars().next().filter(|c| c.is_alphabetic())
        {
            if ('\u{00c0}'..='\u{024f}').contains(&c) {
                latin += 1;
            } else {
                other += 1;
            }
        }
        i += 1;
    }
    if other > latin {
        return "und".to_string();
    }
    let words = doc
        .tokens
        .iter()
        .filter(|t| t.kind == tokens::TokenKind::Word)
        .count();
    // the commonest words, in any ASCII case: by length, and with their
    // first letters, which rule most words out before any is compared
    let mut by_length: Vec<Vec<&str>> = Vec::new();
    let mut first_letter = [false; 256];
    for w in lists.common_english_words.iter() {
        if by_length.len() <= w.len() {
            by_length.resize(w.len() + 1, Vec::new());
        }
        by_length[w.len()].push(w);
        if let Some(&b) = w.as_bytes().first() {
            first_letter[usize::from(b.to_ascii_lowercase())] = true;
            first_letter[usize::from(b.to_ascii_uppercase())] = true;
        }
    }
    let english = doc
        .tokens
        .iter()
        .filter(|t| {
            let w = t.text(doc.text);
            w.as_bytes()
                .first()
                .is_some_and(|&b| first_letter[usize::from(b)])
                && by_length
                    .get(w.len())
                    .is_some_and(|listed| listed.iter().any(|c| w.eq_ignore_ascii_case(c)))
        })
        .count();
    if words >= 20 && english * 100 < words * 4 {
        return "und".to_string();
    }
    "en".to_string()
}
