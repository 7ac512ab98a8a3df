//! The learned named-entity tagger's votes: with the rules, it decides
//! where they are unsure and only confirms where they are sure; alone
//! (`--names tagger`), its own entities and kinds.

use super::super::segment::NameSpan;
use crate::analysis::doc::Doc;
use crate::analysis::names::rules::{self, Ballot, Rule, STRONG, STRONG_MARGIN, Votes};

/// The tagger's reading of an occurrence's words in their sentence, cast
/// after the rules' votes.
pub fn confirm_or_decide(doc: &Doc, span: &NameSpan, b: &mut Ballot) {
    let tagged = tagger_votes(doc, span);
    let so_far = *b.votes;
    let kinds = [so_far.person, so_far.org, so_far.place];
    let best = kinds.iter().copied().fold(0.0, f32::max);
    let second = kinds
        .iter()
        .copied()
        .filter(|&k| k != best)
        .fold(so_far.none.min(best), f32::max);
    // (in the order person, organisation, place, none; a vote of 0 changes nothing)
    let mut cast = |rule: &'static Rule, weight: f32| {
        if weight != 0.0 {
            b.cast_weighing(rule, weight);
        }
    };
    if best < STRONG || best - second < STRONG_MARGIN {
        cast(&rules::TAGGER_PERSON, tagged.person);
        cast(&rules::TAGGER_ORG, tagged.org);
        cast(&rules::TAGGER_PLACE, tagged.place);
        cast(&rules::TAGGER_NONE, tagged.none);
        return;
    }
    // the rules are sure of a kind (an organisation word, a gazetteer place
    // in a place's context, a title before a name)
    if so_far.person == best {
        cast(&rules::TAGGER_CONFIRMS_PERSON, tagged.person);
    }
    if so_far.org == best {
        cast(&rules::TAGGER_CONFIRMS_ORG, tagged.org);
    }
    if so_far.place == best {
        cast(&rules::TAGGER_CONFIRMS_PLACE, tagged.place);
    }
}

/// The mean probability of each type over the span's tokens, times the
/// weights of [`rules::TAGGER_PERSON`] … (how far the tagger can be trusted
/// with each type, GUM dev F1: people 0.68, places 0.57, organisations 0.44;
/// places are better told by the gazetteer and context; tuned over the
/// development set).
fn tagger_votes(doc: &Doc, span: &NameSpan) -> Votes {
    let mut v = Votes::default();
    let n = span.tokens.len() as f32;
    for tag in &doc.ner[span.tokens.clone()] {
        let p = tag.confidence / n;
        match tag.entity_type() {
            Some("PER") => v.person += p * rules::TAGGER_PERSON.weight,
            Some("ORG") => v.org += p * rules::TAGGER_ORG.weight,
            Some("LOC") => v.place += p * rules::TAGGER_PLACE.weight,
            _ => v.none += p * rules::TAGGER_NONE.weight,
        }
    }
    v
}

/// The tagger's own entities (`B-X I-X …` runs), for measuring it without
/// the rules: every span it tags, with no role before it.
pub fn tagged_spans(doc: &Doc) -> Vec<NameSpan> {
    let mut spans = Vec::new();
    for sentence in &doc.sentences {
        let mut open: Option<(usize, &str)> = None;
        for i in sentence
            .tokens
            .clone()
            .chain(std::iter::once(sentence.tokens.end))
        {
            let tag = (i < sentence.tokens.end).then(|| doc.ner[i]);
            let kind = tag.and_then(|t| t.entity_type());
            let continues = matches!((open, kind, tag), (Some((_, k)), Some(t), Some(tag)) if k == t && !tag.begins());
            if continues {
                continue;
            }
            if let Some((start, _)) = open.take() {
                spans.push(NameSpan {
                    tokens: start..i,
                    role: None,
                    title: None,
                    sentence_initial: start == sentence.tokens.start,
                    institution: false,
                });
            }
            open = kind.map(|k| (i, k));
        }
    }
    spans
}

/// Votes for a span the tagger found: the kind it gave, decisively.
pub fn tagger_only_votes(doc: &Doc, span: &NameSpan, b: &mut Ballot) {
    b.cast(match doc.ner[span.tokens.start].entity_type() {
        Some("PER") => &rules::TAGGER_ONLY_PERSON,
        Some("ORG") => &rules::TAGGER_ONLY_ORG,
        Some("LOC") => &rules::TAGGER_ONLY_PLACE,
        _ => &rules::TAGGER_ONLY_NONE,
    });
}
