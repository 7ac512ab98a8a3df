//! Re-anchoring: finding a note's passage again after the article text changed.
//!
//! In order: at the recorded position if the quote is still there; else the
//! exact quote where its context (prefix, suffix) matches best, nearest to the
//! old position; else an approximate match (the fewest edits, at most one in
//! five characters) near the old position. A note found nowhere stays detached.

use super::model::{DetachedBy, Target};
use crate::span::Span;

/// How a target was found in the new text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchoring {
    /// The quote is still at its recorded position.
    AtPosition,
    /// The exact quote was found elsewhere.
    Moved,
    /// An approximate match was found (the passage was edited).
    Fuzzy,
    /// Nothing close enough was found.
    Detached,
}

/// Search this many bytes on each side of the old position for an
/// approximate match (more for long quotes).
const FUZZY_WINDOW: usize = 2_000;
/// Search the whole text for an approximate match when it costs at most this
/// many cells of the edit-distance table.
const FUZZY_WHOLE_TEXT_BUDGET: usize = 4_000_000;
/// Quotes shorter than this (in characters) are too ambiguous to match fuzzily.
const FUZZY_MIN_CHARS: usize = 5;

/// How much re-anchoring one article may cost: notes come from outside (a
/// shared file of a hundred thousand quotes, a quote of a million
/// characters), and each search that fails costs a pass over the text or
/// an edit-distance table. Past these bounds a note stays detached (kept,
/// shown apart) and [`Budget::limited`] counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Budget {
    /// The longest quote, in characters, matched approximately.
    pub quote_chars: usize,
    /// The work left: edit-distance cells, and a cell per eight bytes an
    /// exact search reads.
    pub work: usize,
    /// Notes left detached because a bound was reached, not because their
    /// passage was looked for everywhere.
    pub limited: usize,
    /// The work the budget started with (`[limits] reanchor-work`).
    pub total_work: usize,
}

impl Budget {
    /// The `[limits]` defaults of `config.toml`.
    pub const DEFAULT_QUOTE_CHARS: usize = 4_000;
    pub const DEFAULT_WORK: usize = 500_000_000;

    pub fn new(quote_chars: usize, work: usize) -> Budget {
        Budget {
            quote_chars,
            work,
            limited: 0,
            total_work: work,
        }
    }

    /// The limits this budget was made with, as a note left detached by
    /// them records them.
    pub fn limits(&self) -> DetachedBy {
        DetachedBy {
            reanchor_quote_chars: self.quote_chars,
            reanchor_work: self.total_work,
        }
    }

    /// Whether this budget's limits are larger than `by` in one bound at
    /// least: a note detached by `by` may be found now.
    pub fn raised_past(&self, by: &DetachedBy) -> bool {
        self.quote_chars > by.reanchor_quote_chars || self.total_work > by.reanchor_work
    }

    /// No bound (tests, and callers that anchored once already).
    pub fn unlimited() -> Budget {
        Budget::new(usize::MAX, usize::MAX)
    }

    /// Take `cost` units of work; false (and nothing taken) when too few are left.
    fn spend(&mut self, cost: usize) -> bool {
        if cost > self.work {
            return false;
        }
        self.work -= cost;
        true
    }
}

impl Default for Budget {
    fn default() -> Budget {
        Budget::new(Budget::DEFAULT_QUOTE_CHARS, Budget::DEFAULT_WORK)
    }
}

/// Find `target` in `text`. Returns the new target (its quote and context
/// taken from `text`) and how it was found, or `Detached` and `None`.
pub fn reanchor(target: &Target, text: &str) -> (Anchoring, Option<Target>) {
    reanchor_within(target, text, &mut Budget::unlimited())
}

/// [`reanchor`] within a [`Budget`] shared by the notes of one article.
pub fn reanchor_within(
    target: &Target,
    text: &str,
    budget: &mut Budget,
) -> (Anchoring, Option<Target>) {
    if target.matches_at_position(text) {
        return (Anchoring::AtPosition, Some(target.clone()));
    }
    if target.exact.is_empty() {
        return (Anchoring::Detached, None);
    }
    if !budget.spend(text.len() / 8 + 1) {
        budget.limited += 1;
        return (Anchoring::Detached, None);
    }
    if let Some(start) = best_exact_match(target, text) {
        let span = Span::new(start, start + target.exact.len());
        return (Anchoring::Moved, Target::of_span(text, span));
    }
    if let Some(span) = fuzzy_match(target, text, budget) {
        return (Anchoring::Fuzzy, Target::of_span(text, span));
    }
    (Anchoring::Detached, None)
}

/// The start of the occurrence of the exact quote whose surroundings agree
/// most with the recorded prefix and suffix; ties go to the one nearest the
/// old position (the same search as a correction's anchor).
fn best_exact_match(target: &Target, text: &str) -> Option<usize> {
    crate::corrections::best_occurrence(
        text,
        &target.exact,
        &target.prefix,
        &target.suffix,
        target.start,
    )
}

/// The span of `text` closest in edit distance to the quote, if within one
/// edit per five characters: first in a window around the old position, then
/// (if affordable) anywhere.
fn fuzzy_match(target: &Target, text: &str, budget: &mut Budget) -> Option<Span> {
    let chars = target.exact.chars().count();
    if chars < FUZZY_MIN_CHARS {
        return None;
    }
    if chars > budget.quote_chars {
        budget.limited += 1;
        return None;
    }
    let pattern: Vec<char> = target.exact.chars().collect();
    let max_edits = pattern.len() / 5;
    let margin = FUZZY_WINDOW.max(4 * target.exact.len());
    let lo = floor_char_boundary(text, target.start.saturating_sub(margin));
    let hi = ceil_char_boundary(text, target.end.saturating_add(margin));
    let expected_end = target.end.min(text.len());
    if !budget.spend(pattern.len().saturating_mul(hi - lo)) {
        budget.limited += 1;
        return None;
    }
    if let Some(span) = approximate_search(&pattern, text, lo, hi, max_edits, expected_end) {
        return Some(span);
    }
    let whole_is_new_ground = lo > 0 || hi < text.len();
    let whole = pattern.len().saturating_mul(text.len());
    if whole_is_new_ground && whole <= FUZZY_WHOLE_TEXT_BUDGET && budget.spend(whole) {
        return approximate_search(&pattern, text, 0, text.len(), max_edits, expected_end);
    }
    None
}

/// Approximate substring search (Sellers' algorithm): the substring of
/// `text[lo..hi]` with the fewest edits from `pattern`, at most `max_edits`;
/// among equals, the one ending nearest `expected_end`. Each cell carries the
/// start of its path, so the span comes out of one pass.
fn approximate_search(
    pattern: &[char],
    text: &str,
    lo: usize,
    hi: usize,
    max_edits: usize,
    expected_end: usize,
) -> Option<Span> {
    let m = pattern.len();
    // Column for the text position before any character: cost i, start lo.
    let mut cost: Vec<usize> = (0..=m).collect();
    let mut start: Vec<usize> = vec![lo; m + 1];
    let mut next_cost = vec![0; m + 1];
    let mut next_start = vec![0; m + 1];
    let mut best: Option<(usize, usize, Span)> = None; // (edits, distance, span)
    for (offset, c) in text[lo..hi].char_indices() {
        let here = lo + offset;
        let after = here + c.len_utf8();
        // A match may begin at any position: row 0 costs nothing.
        next_cost[0] = 0;
        next_start[0] = after;
        for i in 1..=m {
            let substitute = cost[i - 1] + usize::from(pattern[i - 1] != c);
            let skip_text = cost[i] + 1; // a character of the text not in the quote
            let skip_pattern = next_cost[i - 1] + 1; // a character of the quote not in the text
            let (c_best, s_best) = if substitute <= skip_text && substitute <= skip_pattern {
                (substitute, if i == 1 { here } else { start[i - 1] })
            } else if skip_text <= skip_pattern {
                (skip_text, start[i])
            } else {
                (skip_pattern, next_start[i - 1])
            };
            next_cost[i] = c_best;
            next_start[i] = s_best;
        }
        std::mem::swap(&mut cost, &mut next_cost);
        std::mem::swap(&mut start, &mut next_start);
        let edits = cost[m];
        if edits <= max_edits && start[m] < after {
            let distance = after.abs_diff(expected_end);
            let better = match best {
                None => true,
                Some((e, d, _)) => edits < e || (edits == e && distance < d),
            };
            if better {
                best = Some((edits, distance, Span::new(start[m], after)));
            }
        }
    }
    best.map(|(_, _, span)| span)
}

/// The largest character boundary of `text` at or before `i` (the end of
/// the text past it): an offset from outside made safe to slice at.
pub fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The code point offsets of byte offsets into `text`, in one pass over the
/// text. An offset inside a character counts as that character's start, one
/// past the end as the end.
pub fn code_point_offsets(text: &str, byte_offsets: &[usize]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..byte_offsets.len()).collect();
    order.sort_by_key(|&i| byte_offsets[i]);
    let mut out = vec![0; byte_offsets.len()];
    let (mut byte, mut chars) = (0, 0);
    for i in order {
        let target = floor_char_boundary(text, byte_offsets[i]).max(byte);
        chars += text[byte..target].chars().count();
        byte = target;
        out[i] = chars;
    }
    out
}

/// The byte offsets of code point offsets into `text` (`None` past the
/// end), in one pass over the text however many there are.
pub fn byte_offsets_of_code_points(text: &str, cps: &[usize]) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..cps.len()).collect();
    order.sort_by_key(|&i| cps[i]);
    let mut out = vec![None; cps.len()];
    let mut chars = text.char_indices().map(|(i, _)| i).chain([text.len()]);
    let (mut at_cp, mut at_byte) = (0, chars.next());
    for i in order {
        while at_cp < cps[i] && at_byte.is_some() {
            at_byte = chars.next();
            at_cp += 1;
        }
        out[i] = at_byte.filter(|_| at_cp == cps[i]);
    }
    out
}

/// The byte offset of code point offset `cp` in `text`; `None` past the end.
pub fn byte_offset_of_code_point(text: &str, cp: usize) -> Option<usize> {
    if cp == 0 {
        return Some(0);
    }
    match text.char_indices().nth(cp) {
        Some((i, _)) => Some(i),
        None => (text.chars().count() == cp).then_some(text.len()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Talks resumed on Monday. The envoy said progress was slow but real. \
                        Officials in both capitals declined to comment on the timetable.";

    fn target_of(text: &str, quote: &str) -> Target {
        let start = text.find(quote).unwrap();
        Target::of_span(text, Span::new(start, start + quote.len())).unwrap()
    }

    #[test]
    fn a_quote_still_in_place_stays() {
        let t = target_of(TEXT, "progress was slow but real");
        assert_eq!(reanchor(&t, TEXT), (Anchoring::AtPosition, Some(t.clone())));
    }

    #[test]
    fn text_inserted_before_the_passage_moves_it() {
        let t = target_of(TEXT, "progress was slow but real");
        let new = format!("UPDATED: a new lead paragraph.\n\n{TEXT}");
        let (how, found) = reanchor(&t, &new);
        assert_eq!(how, Anchoring::Moved);
        let found = found.unwrap();
        assert_eq!(&new[found.start..found.end], "progress was slow but real");
    }

    #[test]
    fn of_two_occurrences_the_one_with_matching_context_wins() {
        let text = "He said yes. Then the minister said yes. Later, a crowd said yes.";
        let t = target_of(text, "minister said yes");
        // Shift everything so that the position is stale, then search.
        let shifted = format!("Note: {text}");
        let t = Target {
            exact: "said yes".into(),
            prefix: "Then the minister ".into(),
            suffix: ". Later, a crowd".into(),
            start: t.start + "minister ".len(),
            end: t.end,
        };
        let (how, found) = reanchor(&t, &shifted);
        assert_eq!(how, Anchoring::Moved);
        let found = found.unwrap();
        assert!(
            found.prefix.ends_with(". Then the minister "),
            "{:?}",
            found.prefix
        );
        assert_eq!(
            found.start,
            shifted.find("minister said yes").unwrap() + "minister ".len()
        );
    }

    #[test]
    fn an_edit_inside_the_passage_is_matched_approximately() {
        let t = target_of(TEXT, "The envoy said progress was slow but real.");
        let edited = TEXT.replace("was slow but real", "was slow, but real");
        let (how, found) = reanchor(&t, &edited);
        assert_eq!(how, Anchoring::Fuzzy);
        let found = found.unwrap();
        assert_eq!(
            &edited[found.start..found.end],
            "The envoy said progress was slow, but real."
        );
    }

    #[test]
    fn a_passage_that_was_rewritten_entirely_is_detached() {
        let t = target_of(TEXT, "The envoy said progress was slow but real.");
        let edited = TEXT.replace(
            "The envoy said progress was slow but real.",
            "Nobody would say anything at all.",
        );
        assert_eq!(reanchor(&t, &edited), (Anchoring::Detached, None));
    }

    #[test]
    fn fuzzy_spans_land_on_character_boundaries() {
        let text = "Die Gespräche über Zölle wurden fortgesetzt, sagte die Ministerin.";
        let t = target_of(text, "Gespräche über Zölle wurden fortgesetzt");
        let edited = text.replace("Zölle", "Zöllé");
        let (how, found) = reanchor(&t, &edited);
        assert_eq!(how, Anchoring::Fuzzy);
        let found = found.unwrap();
        assert!(edited.is_char_boundary(found.start) && edited.is_char_boundary(found.end));
        assert_eq!(found.exact, "Gespräche über Zöllé wurden fortgesetzt");
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_do_not_panic() {
        let text = "é東京";
        // 1 is inside é, 4 inside 東, 99 past the end
        assert_eq!(code_point_offsets(text, &[1, 4, 99, 2]), vec![0, 1, 3, 1]);
    }

    #[test]
    fn many_code_points_convert_in_one_pass() {
        let text = "naïve café — 東京";
        let n = text.chars().count();
        let cps: Vec<usize> = (0..=n + 1).rev().collect();
        let bytes = byte_offsets_of_code_points(text, &cps);
        for (cp, b) in cps.iter().zip(bytes) {
            assert_eq!(b, byte_offset_of_code_point(text, *cp), "{cp}");
        }
    }

    #[test]
    fn a_spent_budget_leaves_notes_detached_and_counts_them() {
        let t = target_of(TEXT, "The envoy said progress was slow but real.");
        let edited = TEXT.replace("was slow but real", "was slow, but real");
        let mut budget = Budget::new(usize::MAX, 10);
        assert_eq!(
            reanchor_within(&t, &edited, &mut budget),
            (Anchoring::Detached, None)
        );
        assert_eq!(budget.limited, 1);
        let mut budget = Budget::new(10, usize::MAX);
        assert_eq!(
            reanchor_within(&t, &edited, &mut budget),
            (Anchoring::Detached, None)
        );
        assert_eq!(budget.limited, 1, "a quote too long to match approximately");
        let mut budget = Budget::default();
        assert_eq!(
            reanchor_within(&t, &edited, &mut budget).0,
            Anchoring::Fuzzy
        );
        assert_eq!(budget.limited, 0);
    }

    #[test]
    fn code_points_and_bytes_convert_both_ways() {
        let text = "naïve café — 東京";
        let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let cps = code_point_offsets(text, &bytes);
        assert_eq!(cps, (0..bytes.len()).collect::<Vec<_>>());
        for (cp, b) in cps.iter().zip(&bytes) {
            assert_eq!(byte_offset_of_code_point(text, *cp), Some(*b));
        }
        let n = text.chars().count();
        assert_eq!(byte_offset_of_code_point(text, n), Some(text.len()));
        assert_eq!(byte_offset_of_code_point(text, n + 1), None);
    }
}
