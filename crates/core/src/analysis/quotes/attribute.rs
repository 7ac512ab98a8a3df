//! Who said it: each quotation goes to the subject of the verb of saying next
//! to it (`"…," said Pompeo`, `Pompeo said: "…"`, `"…," Trump said Sunday`,
//! `according to X`), a pronoun is resolved to the person it stands for
//! (`she said` → the last woman named), a role noun to the person it names
//! (`the spokeswoman said … Heather Nauert`), and a quotation without a verb
//! of saying continues the speaker before it (the next paragraph of a long
//! quotation, a second sentence after `"…," said Pompeo.`). Unnamed sources
//! (`a US official told reporters`) get no speaker.

use std::ops::Range;

use crate::analysis::EntityKind;
use crate::analysis::sentences::Sentence;
use crate::analysis::tokens::{Token, TokenKind};

/// Verbs (and verb forms) that introduce what someone said or wrote.
const SPEECH_VERBS: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "add",
    "adds",
    "added",
    "ask",
    "asks",
    "asked",
    "reply",
    "replies",
    "replied",
    "write",
    "writes",
    "wrote",
    "tweet",
    "tweets",
    "tweeted",
    "explain",
    "explains",
    "explained",
    "note",
    "notes",
    "noted",
    "recall",
    "recalls",
    "recalled",
    "continue",
    "continues",
    "continued",
    "argue",
    "argues",
    "argued",
    "insist",
    "insists",
    "insisted",
    "warn",
    "warns",
    "warned",
    "state",
    "states",
    "stated",
    "declare",
    "declares",
    "declared",
    "announce",
    "announces",
    "announced",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "observe",
    "observes",
    "observed",
    "remark",
    "remarks",
    "remarked",
    "respond",
    "responds",
    "responded",
    "answer",
    "answers",
    "answered",
    "joke",
    "jokes",
    "joked",
    "quip",
    "quips",
    "quipped",
    "conclude",
    "concludes",
    "concluded",
    "suggest",
    "suggests",
    "suggested",
    "urge",
    "urges",
    "urged",
    "caution",
    "cautions",
    "cautioned",
    "agree",
    "agrees",
    "agreed",
    "complain",
    "complains",
    "complained",
    "concede",
    "concedes",
    "conceded",
    "counter",
    "counters",
    "countered",
    "testify",
    "testifies",
    "testified",
    "post",
    "posts",
    "posted",
    "describe",
    "describes",
    "described",
    "instruct",
    "instructs",
    "instructed",
    "think",
    "thinks",
    "thinking",
    "thought",
    "email",
    "emails",
    "emailed",
    "predict",
    "predicts",
    "predicted",
    "promise",
    "promises",
    "promised",
    "vow",
    "vows",
    "vowed",
    "claim",
    "claims",
    "claimed",
    "cry",
    "cries",
    "cried",
    "shout",
    "shouts",
    "shouted",
    "whisper",
    "whispers",
    "whispered",
    "sigh",
    "sighs",
    "sighed",
    "laugh",
    "laughs",
    "laughed",
    "confirm",
    "confirms",
    "confirmed",
    "deny",
    "denies",
    "denied",
    "report",
    "reports",
    "reported",
    "comment",
    "comments",
    "commented",
    "muse",
    "muses",
    "mused",
    "boast",
    "boasts",
    "boasted",
    "exclaim",
    "exclaims",
    "exclaimed",
    "recount",
    "recounts",
    "recounted",
    "reflect",
    "reflects",
    "reflected",
    "emphasize",
    "emphasizes",
    "emphasized",
    "emphasise",
    "emphasises",
    "emphasised",
    "stress",
    "stresses",
    "stressed",
    "point",
    "points",
    "pointed",
    "call",
    "calls",
    "called",
    "put",
    "puts",
    "begin",
    "begins",
    "began",
    "offer",
    "offers",
    "offered",
    "marvel",
    "marvels",
    "marveled",
    "marvelled",
    "recalling",
    "adding",
    "noting",
    "explaining",
    "writing",
    "telling",
    "asking",
    "warning",
    "arguing",
    "written",
    "spoken",
    "summed",
];

/// Verbs of saying that are common nouns too (`the state`, `a post`): cues
/// only right after a name, a pronoun, a quotation or a comma.
const NOUNS_TOO: &[&str] = &[
    "state", "states", "post", "posts", "call", "calls", "called", "note", "notes", "report",
    "reports", "counter", "counters", "offer", "offers", "begin", "begins", "began",
];

/// What a word may be as a cue, before its neighbours are looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CueWord {
    /// One of [`SPEECH_VERBS`] with no condition.
    Speech,
    /// `according` (`according to X`).
    According,
    /// `point`, `points`, `pointed` (`pointed out`).
    PointOut,
    /// `put`, `puts` (`put it`).
    PutIt,
    /// One of [`NOUNS_TOO`].
    NounToo,
}

/// The word up to 15 bytes, ASCII capitals lowercased, and its length,
/// packed in one number (eight bytes lowercased at a time): two words have
/// the same key exactly when they are equal after ASCII lowercasing. A byte
/// of the word from 0x80 up keeps its high bit ([`NOT_ASCII`]). Longer words
/// have none (no cue is that long).
fn cue_key(word: &[u8]) -> Option<u128> {
    if word.len() >= 16 {
        return None;
    }
    let mut buf = [0u8; 16];
    buf[..word.len()].copy_from_slice(word);
    buf[15] = word.len() as u8;
    let key = u128::from_le_bytes(buf);
    let [low, high] = [key as u64, (key >> 64) as u64].map(crate::ascii::lowercase);
    Some(u128::from(high) << 64 | u128::from(low))
}

/// The high bit of every byte of a [`cue_key`]: set where the word is not ASCII.
const NOT_ASCII: u128 = u128::from_le_bytes([0x80; 16]);

/// The [`CueWord`] class of a word (lowercase, [`cue_key`]): asked of every
/// word near a quotation, so one look-up of a number in a table.
fn cue_word(key: u128) -> Option<CueWord> {
    static TABLE: std::sync::LazyLock<crate::analysis::lexicon::FastMap<u128, CueWord>> =
        std::sync::LazyLock::new(|| {
            let mut table = crate::analysis::lexicon::FastMap::default();
            let classes = [
                (SPEECH_VERBS, CueWord::Speech),
                (NOUNS_TOO, CueWord::NounToo),
                (&["point", "points", "pointed"][..], CueWord::PointOut),
                (&["put", "puts"][..], CueWord::PutIt),
                (&["according"][..], CueWord::According),
            ];
            for (words, class) in classes {
                for w in words {
                    if let Some(key) = cue_key(w.as_bytes()) {
                        table.insert(key, class);
                    }
                }
            }
            table
        });
    TABLE.get(&key).copied()
}

/// Nouns for what someone said or wrote: `In Dr. Shadlen's words, "…"`,
/// `in his introduction: "…"`.
const SOURCE_NOUNS: &[&str] = &[
    "words",
    "statement",
    "letter",
    "introduction",
    "book",
    "essay",
    "paper",
    "email",
    "tweet",
    "post",
    "speech",
    "remarks",
    "account",
    "view",
    "opinion",
    "memoir",
    "article",
    "column",
    "testimony",
    "interview",
    "message",
    "note",
    "foreword",
    "preface",
    "blog",
    "op-ed",
    "report",
    "address",
];

/// Verbs of saying whose subject can follow them (`said Pompeo`); the others
/// take an object there (`described Trump as`, `told reporters`).
fn invertible(verb: &str) -> bool {
    !matches!(
        verb,
        "tell"
            | "tells"
            | "told"
            | "telling"
            | "describe"
            | "describes"
            | "described"
            | "call"
            | "calls"
            | "called"
            | "think"
            | "thinks"
            | "thought"
            | "thinking"
            | "urge"
            | "urges"
            | "urged"
            | "promise"
            | "promises"
            | "promised"
            | "claim"
            | "claims"
            | "claimed"
            | "deny"
            | "denies"
            | "denied"
            | "confirm"
            | "confirms"
            | "confirmed"
            | "report"
            | "reports"
            | "reported"
            | "post"
            | "posts"
            | "posted"
            | "offer"
            | "offers"
            | "offered"
            | "begin"
            | "begins"
            | "began"
            | "put"
            | "puts"
            | "point"
            | "points"
            | "pointed"
            | "email"
            | "emails"
            | "emailed"
            | "summed"
    )
}

/// Words allowed between a speaker and the verb: `Trump has said`, `he later added`.
const BETWEEN_SUBJECT_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "once",
    "now",
    "recently",
    "previously",
    "again",
    "will",
    "would",
    "could",
    "might",
    "may",
    "did",
    "does",
    "do",
    "just",
    "often",
    "once",
    "further",
    "simply",
    "only",
    "still",
    "repeatedly",
    "quickly",
    "flatly",
    "publicly",
    "privately",
    "reportedly",
    "frequently",
    "cheerfully",
    "happily",
];

/// Pronouns that can stand for a speaker, with the gender they imply.
fn pronoun_gender(word: &str) -> Option<Option<Gender>> {
    match word.to_lowercase().as_str() {
        "he" | "him" => Some(Some(Gender::Male)),
        "she" | "her" => Some(Some(Gender::Female)),
        "they" | "i" | "we" => Some(None),
        _ => None,
    }
}

/// A person's gender as far as the text shows it (given name, honorific).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// A mention of a named entity, as attribution needs it.
#[derive(Clone, Debug)]
pub struct MentionRef {
    pub tokens: Range<usize>,
    pub entity: usize,
    pub kind: EntityKind,
}

/// A quotation to attribute: its tokens including the marks.
#[derive(Clone, Debug)]
pub struct QuoteRef {
    pub tokens: Range<usize>,
    /// Index of the block it is in.
    pub block: usize,
    /// Whether the block ended before a closing mark.
    pub unclosed: bool,
}

/// Everything attribution looks at.
pub struct Input<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Sentence],
    /// The sentence of each token.
    pub sentence_of: &'a [u32],
    /// Token ranges of the blocks.
    pub blocks: &'a [Range<usize>],
    pub quotes: &'a [QuoteRef],
    /// Mentions sorted by their first token.
    pub mentions: &'a [MentionRef],
    /// Gender per entity, when known.
    pub genders: &'a [Option<Gender>],
    /// Whether a lowercase word is a role noun (`spokeswoman`, `official`).
    pub is_role: &'a dyn Fn(&str) -> bool,
}

/// Per token, as narrow as it goes (a long article has tens of millions).
struct Index<'a> {
    input: &'a Input<'a>,
    /// Whether each token is in a quotation.
    in_quote: Vec<bool>,
    /// The mention ending at / covering each token ([`Index::mention_at`]).
    mention_at: Vec<Option<u32>>,
    /// [`Index::is_cue`] of each token, once asked: 0 not yet, 1 no, 2 yes.
    cue: Vec<std::cell::Cell<u8>>,
    /// Per entity: whether some mention names it as a person.
    person: Vec<bool>,
    /// Whether the quotations are in reading order (they are, as
    /// `find` gives them), so that the last one before a token can be
    /// found by bisection.
    quotes_in_order: bool,
}

impl<'a> Index<'a> {
    fn new(input: &'a Input<'a>) -> Self {
        let n = input.tokens.len();
        let mut in_quote = vec![false; n];
        for quote in input.quotes {
            in_quote[quote.tokens.clone()].fill(true);
        }
        // fewer mentions than tokens, so fewer than u32::MAX (see `Doc`)
        let mut mention_at = vec![None; n];
        let mut person = Vec::new();
        for (m, mention) in input.mentions.iter().enumerate() {
            mention_at[mention.tokens.clone()].fill(Some(m as u32));
            if mention.entity >= person.len() {
                person.resize(mention.entity + 1, false);
            }
            person[mention.entity] |= mention.kind == EntityKind::Person;
        }
        let quotes_in_order = input
            .quotes
            .windows(2)
            .all(|w| w[0].tokens.start <= w[1].tokens.start);
        Index {
            input,
            in_quote,
            mention_at,
            cue: vec![std::cell::Cell::new(0); n],
            person,
            quotes_in_order,
        }
    }

    /// The mentions whose first token lies in `range`, in order (the
    /// mentions are sorted by their first token).
    fn mentions_starting_in(&self, range: Range<usize>) -> &'a [MentionRef] {
        let mentions = self.input.mentions;
        let from = mentions.partition_point(|m| m.tokens.start < range.start);
        let to = mentions.partition_point(|m| m.tokens.start < range.end);
        &mentions[from..to.max(from)]
    }

    /// The sentence of token `i`.
    fn sentence_of(&self, i: usize) -> usize {
        self.input.sentence_of[i] as usize
    }

    /// The mention ending at / covering token `i`, if any.
    fn mention_at(&self, i: usize) -> Option<usize> {
        self.mention_at[i].map(|m| m as usize)
    }

    fn word(&self, i: usize) -> &'a str {
        self.input.tokens[i].text(self.input.text)
    }

    fn lower(&self, i: usize) -> String {
        self.word(i).to_lowercase()
    }

    #[inline]
    fn is_cue(&self, i: usize) -> bool {
        match self.cue[i].get() {
            0 => {
                let cue = self.find_cue(i);
                self.cue[i].set(1 + u8::from(cue));
                cue
            }
            known => known == 2,
        }
    }

    #[inline(never)]
    fn find_cue(&self, i: usize) -> bool {
        if self.in_quote[i] || self.input.tokens[i].kind != TokenKind::Word {
            return false;
        }
        let word = self.word(i);
        let key = match cue_key(word.as_bytes()) {
            Some(key) if key & NOT_ASCII == 0 => Some(key),
            _ if word.is_ascii() => None,
            _ => cue_key(word.to_lowercase().as_bytes()),
        };
        match key.and_then(cue_word) {
            None => false,
            Some(CueWord::Speech) => true,
            Some(CueWord::According) => self.next_word_is(i, "to"),
            Some(CueWord::PointOut) => self.next_word_is(i, "out"),
            Some(CueWord::PutIt) => self.next_word_is(i, "it"),
            // common nouns too: only as verbs right after a name or a pronoun,
            // or right after a quotation
            Some(CueWord::NounToo) => {
                i > 0
                    && (self.mention_at(i - 1).is_some()
                        || pronoun_gender(self.word(i - 1)).is_some()
                        || self.in_quote[i - 1]
                        || self.word(i - 1) == ",")
            }
        }
    }

    fn next_word_is(&self, i: usize, want: &str) -> bool {
        self.input
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.text(self.input.text).eq_ignore_ascii_case(want))
    }

    /// A speaker mention (person or organisation) at token `i`.
    fn speaker_at(&self, i: usize) -> Option<usize> {
        let m = self.mention_at(i)?;
        let mention = &self.input.mentions[m];
        matches!(mention.kind, EntityKind::Person | EntityKind::Organization)
            .then_some(mention.entity)
    }
}

/// Attribute every quotation: the speaker's entity index, or `None`.
pub fn attribute(input: &Input) -> Vec<Option<usize>> {
    let index = Index::new(input);
    let mut speakers: Vec<Option<usize>> = Vec::with_capacity(input.quotes.len());
    for q in 0..input.quotes.len() {
        let speaker = attribute_one(&index, q, &speakers);
        speakers.push(speaker);
    }
    speakers
}

/// What the sentence says about its speaker.
enum Found {
    /// A named speaker.
    Named(usize),
    /// A cue whose subject is unnamed (`a US official told reporters`).
    Unnamed,
    /// No verb of saying.
    Nothing,
}

fn attribute_one(ix: &Index, q: usize, earlier: &[Option<usize>]) -> Option<usize> {
    let input = ix.input;
    let quote = &input.quotes[q];
    let first = quote.tokens.start;
    let last = quote.tokens.end.saturating_sub(1).max(first);
    let s0 = ix.sentence_of(first);
    let s1 = ix.sentence_of(last);
    let context = input.sentences[s0].tokens.start..input.sentences[s1].tokens.end;
    match from_cues(ix, context.clone(), first, last, earlier) {
        Found::Named(e) => return Some(e),
        Found::Unnamed => return None,
        Found::Nothing => {}
    }
    if let Some(e) = possessive_source(ix, context.clone(), first, earlier) {
        return Some(e);
    }
    // `"Jesus … who is Ellen Fetter?" Rothman recalls thinking.`: the next
    // sentence opens with the speaker and the verb.
    if let Some(next) = input.sentences.get(s1 + 1)
        && !ix.in_quote[next.tokens.start]
        && same_block(input, last, next.tokens.start)
        && let Some(e) = opening_attribution(ix, next.tokens.clone(), earlier)
    {
        return Some(e);
    }
    // a quotation continued from the paragraph before
    if first == input.blocks[quote.block].start
        && q > 0
        && input.quotes[q - 1].unclosed
        && input.quotes[q - 1].block + 1 == quote.block
    {
        return earlier[q - 1];
    }
    // a pull quote attributed by a short line after it
    if let Some(e) = attribution_line(ix, quote.block) {
        return Some(e);
    }
    // the speaker of the sentence before continues
    continued_speaker(ix, q, s0, earlier)
}

fn same_block(input: &Input, a: usize, b: usize) -> bool {
    // blocks are consecutive token ranges: the first that ends after `a`
    // is the only one that may hold it
    let at = input.blocks.partition_point(|r| r.end <= a);
    input
        .blocks
        .get(at)
        .is_some_and(|r| r.contains(&a) && r.contains(&b))
}

/// Look for verbs of saying in the sentences around the quotation, nearest first.
fn from_cues(
    ix: &Index,
    context: Range<usize>,
    first: usize,
    last: usize,
    earlier: &[Option<usize>],
) -> Found {
    let mut cues: Vec<usize> = context.clone().filter(|&i| ix.is_cue(i)).collect();
    // A verb right after the closing mark (`"…," said X`, `"…," Trump said`)
    // comes first; then the nearest verb before the quotation, whose object
    // the quotation is (`Trump said he hopes … "…" after his diplomat
    // announced …`); verbs further on come last.
    cues.sort_by_key(|&i| {
        if i > last {
            if right_after(ix, last, i) {
                i - last
            } else {
                (i - last) * 3 + 20
            }
        } else {
            (first - i) * 2 + 1
        }
    });
    let mut unnamed = false;
    for cue in cues {
        match subject_of(ix, cue, context.clone(), earlier) {
            Found::Named(e) => return Found::Named(e),
            Found::Unnamed => unnamed = true,
            Found::Nothing => {}
        }
        // only the nearest cue with a subject counts
        if unnamed {
            return Found::Unnamed;
        }
    }
    Found::Nothing
}

/// The subject of the verb of saying at `cue`.
fn subject_of(ix: &Index, cue: usize, context: Range<usize>, earlier: &[Option<usize>]) -> Found {
    let input = ix.input;
    // `according to X`
    if ix.lower(cue) == "according" {
        let mut i = cue + 2;
        while i < context.end && skippable_before_name(ix, i) {
            i += 1;
        }
        return match (i < context.end).then(|| ix.speaker_at(i)).flatten() {
            Some(e) => Found::Named(e),
            None => Found::Unnamed,
        };
    }
    // inverted: `said Pompeo`, `says president David Weisbrot`, `explains Dr. Shadlen`
    let mut i = cue + 1;
    if matches!(ix.lower(cue).as_str(), "pointed" | "points" | "point") {
        i += 1; // `pointed out`
    }
    while i < context.end && i < cue + 8 && skippable_before_name(ix, i) {
        i += 1;
    }
    if i < context.end && !ix.in_quote[i] && invertible(&ix.lower(cue)) {
        if let Some(e) = ix.speaker_at(i) {
            return Found::Named(e);
        }
        if i == cue + 1
            && let Some(g) = pronoun_gender(ix.word(i))
        {
            return resolve_pronoun(ix, cue, g, earlier).map_or(Found::Nothing, Found::Named);
        }
    }
    // normal order: `Pompeo said`, `Trump has said`, `Kim Song Hye, who …, described`
    let mut j = cue;
    while j > context.start {
        let w = ix.lower(j - 1);
        if BETWEEN_SUBJECT_AND_VERB.contains(&w.as_str()) || is_time_word(&w) {
            j -= 1;
        } else {
            break;
        }
    }
    if j == context.start || ix.in_quote[j - 1] {
        return Found::Nothing;
    }
    let k = j - 1;
    if let Some(e) = ix.speaker_at(k) {
        return Found::Named(e);
    }
    if let Some(g) = pronoun_gender(ix.word(k)) {
        return resolve_pronoun(ix, cue, g, earlier).map_or(Found::Nothing, Found::Named);
    }
    // an appositive or relative clause between subject and verb: `X, a fellow at Y, said`
    if ix.word(k) == "," {
        let mut c = k;
        while c > context.start && ix.word(c - 1) != "," && !ix.in_quote[c - 1] {
            c -= 1;
        }
        if c > context.start + 1
            && ix.word(c - 1) == ","
            && let Some(e) = ix.speaker_at(c - 2)
        {
            return Found::Named(e);
        }
        return Found::Nothing;
    }
    // a description as subject: `the spokeswoman said … Heather Nauert`, `a US official told`
    if input.tokens[k].kind == TokenKind::Word && (input.is_role)(&ix.lower(k)) {
        // a name soon after, outside quotations and not the object of a
        // preposition, gives the description a name
        for i in cue + 1..context.end.min(cue + 9) {
            if !ix.in_quote[i]
                && let Some(m) = ix.mention_at(i)
                && input.mentions[m].kind == EntityKind::Person
                && input.mentions[m].tokens.start == i
                && !matches!(
                    ix.lower(i - 1).as_str(),
                    "with"
                        | "to"
                        | "at"
                        | "for"
                        | "by"
                        | "from"
                        | "about"
                        | "against"
                        | "on"
                        | "and"
                )
            {
                return Found::Named(input.mentions[m].entity);
            }
        }
        return Found::Unnamed;
    }
    // `McConnell of Kentucky called …`: a person from a place
    if let Some(m) = ix.mention_at(k) {
        let m = &input.mentions[m];
        let before = m.tokens.start;
        if m.kind == EntityKind::Place
            && before >= 2
            && matches!(ix.lower(before - 1).as_str(), "of" | "from")
            && let Some(e) = ix.speaker_at(before - 2)
        {
            return Found::Named(e);
        }
    }
    Found::Nothing
}

/// `In Dr. Shadlen's words,` / `in his introduction:` before the quotation,
/// in the same sentence: the possessor.
fn possessive_source(
    ix: &Index,
    context: Range<usize>,
    first: usize,
    earlier: &[Option<usize>],
) -> Option<usize> {
    let start = context.start.max(first.saturating_sub(12));
    for i in (start..first).rev() {
        if i == 0 || ix.in_quote[i] || !SOURCE_NOUNS.contains(&ix.lower(i).as_str()) {
            continue;
        }
        let p = i - 1;
        let w = ix.lower(p);
        if matches!(w.as_str(), "his" | "her" | "their") {
            let g = match w.as_str() {
                "his" => Some(Gender::Male),
                "her" => Some(Gender::Female),
                _ => None,
            };
            return resolve_pronoun(ix, p, g, earlier);
        }
        if crate::analysis::tokens::is_clitic(ix.word(p)) && p > 0 {
            return ix.speaker_at(p - 1);
        }
    }
    None
}

/// Whether the verb at `cue` follows the closing mark at `last` with only
/// punctuation, a name, a pronoun or a short description between:
/// `"…," said`, `"…," Trump said`, `"…," the spokeswoman said`.
fn right_after(ix: &Index, last: usize, cue: usize) -> bool {
    (last + 1..cue).all(|i| {
        let w = ix.lower(i);
        ix.input.tokens[i].kind == TokenKind::Punct
            || ix.mention_at(i).is_some()
            || pronoun_gender(&w).is_some()
            || matches!(
                w.as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their"
            )
            || (ix.input.is_role)(&w)
            || BETWEEN_SUBJECT_AND_VERB.contains(&w.as_str())
    })
}

/// Tokens that may stand between a verb of saying and the name after it:
/// titles and roles (`Secretary of State`, `president`), determiners, `Dr.`.
fn skippable_before_name(ix: &Index, i: usize) -> bool {
    if ix.mention_at(i).is_some() || ix.in_quote[i] {
        return false;
    }
    let w = ix.word(i);
    let lower = w.to_lowercase();
    (ix.input.is_role)(&lower)
        || matches!(
            lower.as_str(),
            "the" | "of" | "its" | "their" | "his" | "her" | "former" | "then" | "now"
        )
        || (w.chars().next().is_some_and(char::is_uppercase) && (ix.input.is_role)(&lower))
        || (w.ends_with('.') && w.len() <= 5 && w.chars().next().is_some_and(char::is_uppercase))
}

fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "today"
            | "yesterday"
            | "tonight"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
    )
}

/// `Rothman recalls thinking …` at the start of a sentence: its subject.
fn opening_attribution(
    ix: &Index,
    range: Range<usize>,
    earlier: &[Option<usize>],
) -> Option<usize> {
    let end = range.end.min(range.start + 6);
    let cue = (range.start..end).find(|&i| ix.is_cue(i))?;
    match subject_of(ix, cue, range, earlier) {
        Found::Named(e) => Some(e),
        _ => None,
    }
}

/// A short line after a pull quote that names its speaker: `Michael Shadlen, Ph.D.`
fn attribution_line(ix: &Index, block: usize) -> Option<usize> {
    let input = ix.input;
    let next = input.blocks.get(block + 1)?;
    let words = next
        .clone()
        .filter(|&i| input.tokens[i].kind == TokenKind::Word)
        .count();
    if words == 0 || words > 8 || next.clone().any(|i| ix.in_quote[i]) {
        return None;
    }
    let first = next
        .clone()
        .find(|&i| input.tokens[i].kind != TokenKind::Punct)?;
    let e = ix.speaker_at(first)?;
    (input.mentions[ix.mention_at(first)?].kind == EntityKind::Person).then_some(e)
}

/// No verb of saying near the quotation: the speaker of the sentence before
/// (a quotation in it, or a verb of saying with a named subject), looking back
/// at most two sentences.
fn continued_speaker(ix: &Index, q: usize, s0: usize, earlier: &[Option<usize>]) -> Option<usize> {
    let input = ix.input;
    let first = input.quotes[q].tokens.start;
    for back in 1..=2 {
        let Some(s) = s0.checked_sub(back) else { break };
        let range = input.sentences[s].tokens.clone();
        // an earlier quotation in that sentence
        if let Some(pq) = (0..q)
            .rev()
            .find(|&p| range.contains(&input.quotes[p].tokens.start))
        {
            return earlier[pq];
        }
        // a verb of saying with a subject: `…, explains Dr. Shadlen.`
        for i in range.clone() {
            if ix.is_cue(i)
                && let Found::Named(e) = subject_of(ix, i, range.clone(), earlier)
            {
                return Some(e);
            }
        }
        // `Charles Schultze, chairman of …, once summed up the danger. "…"`:
        // a standalone quotation after a sentence about someone is theirs
        if back == 1 && first > 0 && ix.sentence_of(first) != ix.sentence_of(first - 1) {
            let opener = range
                .clone()
                .find(|&i| input.tokens[i].kind != TokenKind::Punct);
            if let Some(o) = opener
                && let Some(m) = ix.mention_at(o)
                && input.mentions[m].kind == EntityKind::Person
                && same_block(input, o, first)
            {
                return Some(input.mentions[m].entity);
            }
        }
        // a person named in between breaks the chain
        if range
            .clone()
            .any(|i| i < first && ix.speaker_at(i).is_some())
        {
            break;
        }
    }
    None
}

/// The person a pronoun before `cue` stands for: the last speaker if the
/// gender fits, else the last person named outside quotations whose gender fits.
fn resolve_pronoun(
    ix: &Index,
    cue: usize,
    gender: Option<Gender>,
    earlier: &[Option<usize>],
) -> Option<usize> {
    let input = ix.input;
    let fits = |e: usize| match (gender, input.genders.get(e).copied().flatten()) {
        (Some(want), Some(have)) => want == have,
        _ => true,
    };
    let person = |e: usize| ix.person.get(e).copied().unwrap_or(false);
    let sentence = ix.sentence_of(cue);
    let window_start = input.sentences[sentence.saturating_sub(4)].tokens.start;
    // the last named speaker, if recent
    let recent = |p: &usize| {
        input.quotes[*p].tokens.start < cue && input.quotes[*p].tokens.start >= window_start
    };
    let last_quote_before = if ix.quotes_in_order {
        // the last quotation that starts before the cue, if in the window
        let before = input.quotes[..earlier.len()].partition_point(|q| q.tokens.start < cue);
        before.checked_sub(1).filter(recent)
    } else {
        (0..earlier.len()).rev().find(recent)
    };
    let last_speaker = last_quote_before.and_then(|p| earlier[p]);
    // the person named outside quotations in the nearest sentence that has
    // one whose gender fits; within a sentence, the first (the subject)
    let mut last_named = None;
    for s in (sentence.saturating_sub(4)..=sentence).rev() {
        let range = input.sentences[s].tokens.clone();
        let found = ix.mentions_starting_in(range).iter().find(|m| {
            m.tokens.start < cue
                && m.kind == EntityKind::Person
                && !ix.in_quote[m.tokens.start]
                && fits(m.entity)
        });
        if let Some(m) = found {
            last_named = Some((m.entity, m.tokens.start));
            break;
        }
    }
    match (last_speaker, last_named) {
        (Some(s), Some((n, at))) => {
            // the speaker holds unless someone else was named after their quotation
            let quote_at = last_quote_before.map_or(0, |p| input.quotes[p].tokens.start);
            if fits(s) && person(s) && (at < quote_at || n == s) {
                Some(s)
            } else {
                Some(n)
            }
        }
        (Some(s), None) if fits(s) => Some(s),
        (_, Some((n, _))) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn every_listed_verb_is_a_cue_word_in_any_case() {
        for verb in SPEECH_VERBS {
            for word in [verb.to_string(), verb.to_uppercase()] {
                assert!(
                    cue_word(cue_key(word.as_bytes()).unwrap()).is_some(),
                    "{word}"
                );
            }
        }
        let class = |w: &str| cue_key(w.as_bytes()).and_then(cue_word);
        assert_eq!(class("Said"), Some(CueWord::Speech));
        assert_eq!(class("According"), Some(CueWord::According));
        assert_eq!(class("pointed"), Some(CueWord::PointOut));
        assert_eq!(class("puts"), Some(CueWord::PutIt));
        assert_eq!(class("Calls"), Some(CueWord::NounToo));
        assert_eq!(class("sai"), None);
        assert_eq!(class("saids"), None);
        assert_eq!(class("said\0"), None);
    }

    proptest! {
        /// Two words share a key exactly when they are equal after ASCII
        /// lowercasing, and the key tells whether the word is ASCII.
        #[test]
        fn keys_are_equal_exactly_for_words_equal_in_lowercase(
            a in "[a-zA-Z\\x00-\\x7f\u{80}-\u{10ffff}]{0,9}",
            b in "[a-zA-Z\\x00-\\x7f\u{80}-\u{10ffff}]{0,9}",
        ) {
            for w in [&a, &b] {
                if let Some(key) = cue_key(w.as_bytes()) {
                    prop_assert_eq!(key & NOT_ASCII == 0, w.is_ascii());
                } else {
                    prop_assert!(w.len() >= 16);
                }
            }
            let (ka, kb) = (cue_key(a.as_bytes()), cue_key(b.as_bytes()));
            if ka.is_some() && kb.is_some() {
                prop_assert_eq!(ka == kb, a.eq_ignore_ascii_case(&b));
                let upper = a.to_ascii_uppercase();
                prop_assert_eq!(cue_key(upper.as_bytes()), ka);
            }
        }
    }
}
