//! General knowledge the analysis leans on: given names and surnames,
//! family-name-first traditions, titles and roles, organisation cue words and
//! well-known organisations, a gazetteer of places with aliases and demonyms,
//! calendar words and common English words.
//!
//! All of it is compiled in from `assets/lexicon/` (sources and licences in
//! `assets/README.md`) and loaded once, on first use, by [`get`] (about a
//! millisecond: `cargo bench --bench lexicon`). The big tables are not parsed
//! at all: they stay sorted text, searched through hash indexes that
//! `build.rs` makes at compile time (`index.rs`), so a lookup costs about a
//! hash and a probe.
//!
//! Case: name lookups ([`Lexicon::given_name`], [`Lexicon::surname`],
//! [`Lexicon::family_first`]), titles and common words ignore case; places,
//! organisations, organisation cues, demonyms and calendar words match as
//! written (or in all capitals, as in a headline), since `Nice`/`nice`,
//! `WHO`/`who` and `May`/`may` differ. Curly apostrophes count as straight ones.

mod index;
pub use crate::lists;
mod memo;
mod names;
mod organizations;
mod places;
mod table;
mod titles;
mod words;

use std::sync::LazyLock;

pub use names::{GivenName, Tradition};
pub use organizations::Organization;
pub use places::{Feature, NameKind, Place, PlaceMatch};
pub(crate) use table::{FastMap, FastSet};
pub use titles::{CuePosition, OrgCue, Title, TitleKind};
pub use words::{CalendarKind, CalendarWord, Word};

/// Forget the lookups memoised on this thread (see `memo.rs`): the
/// analysis calls this when it starts on a document. Answers never depend on
/// it; only the time they take.
pub fn forget_lookups() {
    memo::forget();
}

/// The lexicon, loaded on first use.
pub fn get() -> &'static Lexicon {
    static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);
    &LEXICON
}

/// All lookup tables. Get the shared instance with [`get`].
pub struct Lexicon {
    names: names::Names,
    places: places::Places,
    titles: titles::Titles,
    organizations: table::PhraseTable<Organization>,
    /// The last words of the titles, folded (see [`Lexicon::title_may_end`]).
    title_endings: FastSet<String>,
    words: words::Words,
    /// The word lists the rules read, one per meaning (`lists.rs`).
    /// The built-in ones unless a caller's overlay added to them (copied then).
    pub lists: std::borrow::Cow<'static, lists::WordLists>,
    /// Names a caller's overlay taught: never a name, or always of one kind
    /// (applied to the names found, `analysis::taught`). Empty when built in.
    pub taught: Vec<TaughtName>,
}

/// Entries a caller adds to the built-in lexicon: list name (a file of
/// `assets/lexicon/lists/`) → words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overlay {
    pub lists: Vec<(String, Vec<String>)>,
    /// Names as the reader knows them: "Sunday" is never a name, "Likud"
    /// is an organisation, "Uluru" a place (a user lexicon).
    pub names: Vec<TaughtName>,
}

impl Overlay {
    pub fn is_empty(&self) -> bool {
        self.lists.iter().all(|(_, words)| words.is_empty()) && self.names.is_empty()
    }
}

/// A name the reader taught: as written (case counts), and its kind, or
/// `None` for "never a name".
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TaughtName {
    pub name: String,
    pub kind: Option<crate::analysis::EntityKind>,
}

/// Why an overlay could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OverlayError {
    /// No list of the lexicon has this name.
    UnknownList(String),
}

impl std::fmt::Display for OverlayError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OverlayError::UnknownList(name) => write!(
                f,
                "no word list is called `{name}` (known: {})",
                lists::WordLists::NAMES.join(", ")
            ),
        }
    }
}

impl std::error::Error for OverlayError {}

/// How many entries each table holds (for tests and the README).
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    pub given_names: usize,
    pub surnames: usize,
    pub family_first: usize,
    pub places: usize,
    pub place_names: usize,
    pub demonyms: usize,
    pub titles: usize,
    pub org_cues: usize,
    pub organizations: usize,
    pub words: usize,
    pub calendar: usize,
}

impl Lexicon {
    /// Build the tables. Prefer [`get`], which does this once.
    pub fn load() -> Self {
        let t = titles::Titles::load();
        let organizations = organizations::load();
        Lexicon {
            names: names::Names::load(),
            places: places::Places::load(),
            title_endings: t.endings(),
            titles: t,
            organizations,
            words: words::Words::load(),
            lists: std::borrow::Cow::Borrowed(lists::builtin()),
            taught: Vec::new(),
        }
    }

    /// The built-in tables with a caller's `overlay` added (a user lexicon:
    /// words the reader taught gloss). The analysis stays pure: the overlay
    /// is handed in, never read from anywhere.
    pub fn with_overlay(overlay: &Overlay) -> Result<Self, OverlayError> {
        let mut lexicon = Lexicon::load();
        for (name, words) in &overlay.lists {
            let list = lexicon
                .lists
                .to_mut()
                .by_name_mut(name)
                .ok_or_else(|| OverlayError::UnknownList(name.clone()))?;
            list.extend(
                words
                    .iter()
                    .map(|w| std::borrow::Cow::Owned(w.trim().to_string())),
            );
        }
        lexicon.taught = overlay
            .names
            .iter()
            .map(|t| TaughtName {
                name: t.name.trim().to_string(),
                kind: t.kind,
            })
            .filter(|t| !t.name.is_empty())
            .collect();
        Ok(lexicon)
    }

    pub fn sizes(&self) -> Sizes {
        let (given_names, surnames, family_first) = self.names.sizes();
        let (places, place_names, demonyms) = self.places.sizes();
        let (words, calendar) = self.words.sizes();
        Sizes {
            given_names,
            surnames,
            family_first,
            places,
            place_names,
            demonyms,
            titles: self.titles.titles.len(),
            org_cues: self.titles.org_cues.len(),
            organizations: self.organizations.len(),
            words,
            calendar,
        }
    }

    // ---- people -------------------------------------------------------

    /// How common `name` is as a given name (percent of people bearing it), any case.
    pub fn given_name(&self, name: &str) -> Option<f32> {
        self.names.given(name).map(|g| g.frequency())
    }

    /// A given name's frequency among men and women, any case.
    pub fn given_name_sexes(&self, name: &str) -> Option<GivenName> {
        self.names.given(name)
    }

    /// How common `name` is as a surname (percent of the US population), any case.
    pub fn surname(&self, name: &str) -> Option<f32> {
        self.names.surname(name)
    }

    /// The family-name-first traditions `name` is a family name in (`Kim` →
    /// Korean; `Yang` → Korean and Chinese), any case; empty when none.
    pub fn family_first(&self, name: &str) -> &[Tradition] {
        self.names.family_first(name)
    }

    /// `phrase` as a title or role (`President`, `Secretary of State`), any case.
    pub fn title(&self, phrase: &str) -> Option<Title> {
        self.titles.titles.get(phrase).copied()
    }

    /// Whether `word` may be the last word of a title (`leader` of `North
    /// Korean leader`), in any case: where `false`, [`Lexicon::title_at`]
    /// finds no title of words that end with it. (Cheaper than asking it.)
    pub fn title_may_end(&self, word: &str) -> bool {
        table::with_folded(word, |w| self.title_endings.contains(w))
    }

    /// The longest title the tokens start with (`["Secretary", "of", "State",
    /// "Mike"]` → 3 tokens), any case.
    pub fn title_at(&self, tokens: &[&str]) -> Option<(usize, Title)> {
        self.titles.titles.longest_at(tokens).map(|(n, t)| (n, *t))
    }

    // ---- organisations --------------------------------------------------

    /// `word` as an organisation cue (`Department`, `Inc.`, `Party`), as written.
    pub fn org_cue(&self, word: &str) -> Option<OrgCue> {
        self.titles.org_cues.get(word).copied()
    }

    /// The longest organisation cue the tokens start with (`Supreme Court`).
    pub fn org_cue_at(&self, tokens: &[&str]) -> Option<(usize, OrgCue)> {
        self.titles
            .org_cues
            .longest_at(tokens)
            .map(|(n, c)| (n, *c))
    }

    /// The well-known organisation `name` names (`WHO`, `State Department`), as written.
    pub fn organization(&self, name: &str) -> Option<Organization> {
        self.organizations.get(name).copied()
    }

    /// Whether some well-known organisation's name of several words starts
    /// with `phrase` (as written): `State` for `State Department`.
    pub fn organization_goes_on(&self, phrase: &str) -> bool {
        self.organizations.goes_on(phrase)
    }

    /// [`Lexicon::organization`] and [`Lexicon::organization_goes_on`] of
    /// `phrase` in one look-up.
    pub fn organization_and_goes_on(&self, phrase: &str) -> (Option<Organization>, bool) {
        let (org, goes_on) = self.organizations.get_and_goes_on(phrase);
        (org.copied(), goes_on)
    }

    /// The longest well-known organisation name the tokens start with.
    pub fn organization_at(&self, tokens: &[&str]) -> Option<(usize, Organization)> {
        self.organizations.longest_at(tokens).map(|(n, o)| (n, *o))
    }

    // ---- places -----------------------------------------------------------

    /// The place `name` most likely means, written with the gazetteer's case:
    /// a country before a capital before a region before other cities, then
    /// the most populous. See [`Lexicon::places`] for all candidates.
    pub fn place(&self, name: &str) -> Option<PlaceMatch> {
        self.places.best(name)
    }

    /// Every place `name` can mean when written with the gazetteer's case
    /// (`Paris`: France's capital, then Paris, Texas), best first.
    pub fn places(&self, name: &str) -> Vec<PlaceMatch> {
        self.places.matches(name)
    }

    /// Every place `name` can mean in any case (`us` finds `US`): callers
    /// that use this must judge the case themselves.
    pub fn places_any_case(&self, name: &str) -> Vec<PlaceMatch> {
        self.places.candidates(name)
    }

    /// Whether an organisation or place name of several words starts with
    /// `word`: where not, [`Lexicon::organization_at`] and
    /// [`Lexicon::place_at`] find at most `word` itself.
    pub fn may_start_phrase(&self, word: &str) -> bool {
        let word = table::straighten(word);
        self.organizations.goes_on(&word) || self.places.goes_on(&word)
    }

    /// The longest place name the tokens start with (`New`, `York`, `City`).
    pub fn place_at(&self, tokens: &[&str]) -> Option<(usize, PlaceMatch)> {
        table::longest_phrase(tokens, 6, |joined| {
            (self.place(joined), self.places.goes_on(joined))
        })
    }

    /// The place a demonym or place adjective refers to (`French` → France,
    /// `North Korean`/`North Koreans` → North Korea), as written.
    pub fn demonym(&self, word: &str) -> Option<Place> {
        let name = self.places.demonym(word)?;
        self.place(name).map(|m| m.place)
    }

    /// Whether the lowercase form of a place name is a common English word
    /// (`Nice`, `Split`, `Bath`, `Mobile`, `Of`): treat such a name with care.
    pub fn place_is_common_word(&self, name: &str) -> bool {
        self.common_word(name).is_some_and(|w| w.is_common())
    }

    // ---- words --------------------------------------------------------------

    /// `word` as an ordinary English word (looked up in lowercase).
    pub fn common_word(&self, word: &str) -> Option<Word> {
        self.words.word(word)
    }

    /// `word` as a weekday, month or holiday (`Monday`, `Dec.`, `Christmas`),
    /// as written or in capitals.
    pub fn calendar(&self, word: &str) -> Option<CalendarWord> {
        self.words.calendar().get(word).copied()
    }

    /// The longest calendar phrase the tokens start with (`New Year's`, `Labor Day`).
    pub fn calendar_at(&self, tokens: &[&str]) -> Option<(usize, CalendarWord)> {
        self.words
            .calendar()
            .longest_at(tokens)
            .map(|(n, c)| (n, *c))
    }
}

#[cfg(test)]
mod tests;
