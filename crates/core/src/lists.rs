//! The word lists the rules read: one file per meaning in
//! `assets/lexicon/lists/` (`NAME.txt`: comment lines starting with `#` say
//! what the list means, how it is matched and its source; then one word or
//! phrase a line), each loaded once and used by every rule that needs it.
//!
//! A list matches as written; a rule that wants another case lowercases the
//! word first, and the list's header says so. Adding a list: write the file,
//! add a line to the [`word_lists!`] invocation below, and read it as
//! `lex.lists.NAME.contains(word)`.

use std::borrow::Cow;

/// A set with a fast fixed-seed hasher, as the lexicon's tables use.
type FastSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;

/// One list of words or phrases.
#[derive(Clone, Debug, Default)]
pub struct WordList {
    /// In file order (rules that try each entry in turn read them so).
    words: Vec<Cow<'static, str>>,
    set: FastSet<Cow<'static, str>>,
    /// The length in bytes of the longest entry (a word longer than it is
    /// told apart without a look-up).
    longest: usize,
    /// One bit per [`filter_bit`] of the entries: a word whose bit is clear
    /// is no entry, told without hashing it (most words asked are none).
    filter: [u64; 4],
}

/// A word's bit of [`WordList::filter`], from its length and its first and
/// last bytes.
#[inline]
fn filter_bit(word: &[u8]) -> usize {
    let first = u32::from(word.first().copied().unwrap_or(0));
    let last = u32::from(word.last().copied().unwrap_or(0));
    let x = first | last << 8 | (word.len() as u32) << 16;
    (x.wrapping_mul(0x9e37_79b1) >> 24) as usize
}

impl WordList {
    /// A list from its file: `#` lines and blank lines are skipped, the
    /// others trimmed.
    pub fn parse(text: &'static str) -> WordList {
        // at most a line an entry: sized once, never grown
        let n = text.bytes().filter(|&b| b == b'\n').count() + 1;
        let entries = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'));
        let mut list = WordList {
            words: Vec::with_capacity(n),
            set: FastSet::with_capacity_and_hasher(n, Default::default()),
            ..WordList::default()
        };
        list.extend(entries.map(Cow::Borrowed));
        list
    }

    /// Add entries (a caller's overlay); ones already listed are skipped.
    pub fn extend(&mut self, words: impl IntoIterator<Item = Cow<'static, str>>) {
        for w in words {
            if self.set.insert(w.clone()) {
                self.longest = self.longest.max(w.len());
                let bit = filter_bit(w.as_bytes());
                self.filter[bit >> 6] |= 1 << (bit & 63);
                self.words.push(w);
            }
        }
    }

    /// Whether `word` is listed, exactly as written.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        let bit = filter_bit(word.as_bytes());
        word.len() <= self.longest
            && self.filter[bit >> 6] >> (bit & 63) & 1 != 0
            && self.set.contains(word)
    }

    /// The length in bytes of the longest entry.
    pub fn longest(&self) -> usize {
        self.longest
    }

    /// The entries, in file order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.words.iter().map(|w| w.as_ref())
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Declares [`WordLists`], one field per file of `assets/lexicon/lists/`.
macro_rules! word_lists {
    ($($(#[$doc:meta])* $name:ident,)*) => {
        /// Every word list, by meaning.
        #[derive(Clone, Debug)]
        pub struct WordLists {
            $($(#[$doc])* pub $name: WordList,)*
        }

        impl WordLists {
            pub fn load() -> WordLists {
                WordLists {
                    $($name: WordList::parse(include_str!(concat!(
                        "../../../assets/lexicon/lists/",
                        stringify!($name),
                        ".txt"
                    ))),)*
                }
            }

            /// A list by its file name (for a caller's overlay, and tests).
            pub fn by_name_mut(&mut self, name: &str) -> Option<&mut WordList> {
                match name {
                    $(stringify!($name) => Some(&mut self.$name),)*
                    _ => None,
                }
            }

            /// Every list's file name.
            pub const NAMES: &[&str] = &[$(stringify!($name),)*];
        }
    };
}

/// The built-in lists, loaded once. The tokenizer and the sentence splitter
/// read them here: they run before, and without, a caller's lexicon (so an
/// overlay of their lists changes nothing); the [`crate::analysis::lexicon::Lexicon`]
/// borrows them, and copies them only to lay a caller's overlay over them.
pub fn builtin() -> &'static WordLists {
    static LISTS: std::sync::LazyLock<WordLists> = std::sync::LazyLock::new(WordLists::load);
    &LISTS
}

word_lists! {
    // ---- names: what kind a name is ----
    /// Legal forms of companies (`Inc.`, `GmbH`), which name nothing alone.
    legal_forms,
    /// Nouns after a name that make it a place (`the … test site`).
    place_nouns,
    /// Nouns right after a name that make it a person's (`the Obama administration`).
    person_nouns,
    /// Kinds of person in apposition after a name (`, an Australian woman`).
    apposed_person_nouns,
    /// Nouns after a name that make it an organisation's (`the Labor government`).
    org_nouns,
    /// Kinds of organisation a name follows (`the journal Current Biology`).
    org_kinds,
    /// Verbs whose object is a person (`appointed Draco`).
    person_object_verbs,
    /// Words for those who went to a school, before `of`/`from` and its name (`a graduate of`).
    alumni_words,
    /// Nouns before `of X` that make X a place (`the province of Palawan`).
    place_of_nouns,
    /// Nouns of a fight whose `of X` is where it was fought (`the Battle of Chudnov`).
    battle_nouns,
    /// Peers' and monarchs' titles whose `of X` is a land (`Earl of Clare`).
    realm_titles,
    /// Last words of place names (`Coron Island`).
    place_last_words,
    /// Heads of natural features a place's name may end in, in lowercase (`Bohai sea`).
    lowercase_place_last_words,
    /// First words of place names (`Mount Holyoke`).
    place_first_words,
    /// Words after a place and a hyphen (`Seoul-based`).
    place_compound_suffixes,
    /// US states' postal abbreviations after a town and a comma (`Vinita, OK`).
    state_abbreviations,
    /// Directions that make a district of a place (`Lower Manhattan`).
    directions,
    /// Sides of a place after a direction (`West End`).
    district_last_words,
    /// Administrative divisions named with `of` (`Municipality of Culion`).
    divisions,
    /// Nouns after a list of fields naming one unit (`… and Society program`).
    unit_nouns,
    /// Names said as oaths (`Jesus`).
    oaths,
    /// Function words that end a headline's run, never a name (`Than`).
    headline_function_words,
    /// Last words of events' names (`Games`, `War`).
    event_last_words,
    /// Kinds of storm before a storm's name (`Hurricane`, `Tropical Storm`).
    storm_kinds,
    /// Verbs of saying after a name (`Kim said`).
    saying_verbs_after_name,
    /// Verbs of saying before a full name (`said Tasos Georgelis`).
    saying_verbs_before_name,
    /// Determiners (`the`, `its`).
    determiners,
    /// Prepositions before a place (`in`, `near`).
    place_prepositions,
    /// Prepositions of being in or near a place, no `at` (`a company in Cambridge`).
    located_in_prepositions,
    /// `a.m.`, `pm` before a time zone.
    am_pm,
    /// `v.`, `versus` between the parties to a case.
    versus,
    /// Nouns of the courts a few words before `in X` that make X a case (`the decision in Ratych`).
    case_nouns,
    /// Party affiliations after a state (`a Virginia Democrat`).
    party_affiliations,
    /// Members of a faith or a political camp (`Christian`, `Buddhists`): groups.
    group_words,
    /// Acronyms that are terms, never organisations (`DNA`, `CEO`, `DKK`).
    acronym_terms,
    /// Words between the sides of a match (`beat`, `vs`): a plural name by one is a team.
    match_verbs,
    /// Words of a match said of countries too (`China faces Japan`): a place by one is a team only with a score.
    match_verbs_of_countries,
    /// Verbs of a state's act or word (`fired`, `warned`): a country or a capital their subject is its government.
    government_verbs,
    /// Words of a game (`penalty`, `goalkeeper`, `innings`): a known place in a sentence with two is its team.
    game_words,
    /// Words before a picture's credited name (`Photo:`, `Credit`).
    credit_words,
    /// Words of geography that take `of` (`Gulf of Mexico`).
    place_heads,
    /// Head nouns of facilities and landmarks (`Fisht Stadium`, `Museum of …`).
    facility_heads,
    /// Parts of a building before `of` and the institution in it (`the Halls of Congress`).
    building_parts,
    /// Words before an organisation word that make it a country's own body (`National Congress`).
    national_words,
    /// Last words of a school's name after its town (`Harrow School`): the town alone is then the school.
    schools_named_after_towns,
    /// Nouns of a study after a name of three words or more (`the National Iodine Nutrition study`).
    study_nouns,
    /// Particles inside personal names (`de`, `y`, `al-`).
    name_particles,
    /// Words joining the parts of an institution's name (`of`, `and`).
    name_connectors,
    /// Function words that open a sentence or a name but are no part of one.
    function_words,
    /// Suffixes after a family name (`Jr.`).
    name_suffixes,
    /// Particles that belong to the family name (`de Blasio`).
    family_particles,
    /// Place words after a name that leave the name a place (`Coron Island`).
    place_words_after_name,
    /// Words near a road's number that make it a road (`the M1 northbound`).
    road_words,
    /// Plural nouns of a heading that opens a section listing places (`Islands`, `Other destinations`).
    place_heading_words,
    /// Kinds of road before a road's number (`Route 66`, `Interstate 35`).
    road_kinds,
    /// Parts of a facility before their number (`Terminal 2`, `Pier 39`).
    numbered_places,
    /// The Sun, the Moon and the planets (`on Earth`, `to Mars`).
    celestial_bodies,
    /// Epithets after a name and `the` (`Constantine the Great`).
    epithets,
    /// Prepositions before one of those besides the place prepositions (`on`, `orbiting`).
    space_prepositions,
    // ---- quotes: who said it ----
    /// Verbs of saying: `said`, `told`, `tweeted` (lowercase).
    speech_verbs,
    /// Verbs of saying that are common nouns too (`state`, `post`): cues only
    /// after a name, a pronoun, a quotation or a comma.
    speech_verbs_also_nouns,
    /// Verbs of saying whose subject cannot follow them (`told reporters`).
    speech_verbs_taking_object,
    /// Nouns for what someone said or wrote (`In X's words`).
    source_nouns,
    /// Words between a speaker and the verb (`has`, `later`).
    between_subject_and_verb,
    /// Days and `today`, `yesterday`, `tonight` (`Trump said Sunday`).
    time_words,
    /// Words that may open a description of the speaker (`the`, `his`).
    speaker_determiners,
    /// Words between a verb of saying and the name after it (`the`, `former`).
    before_a_name,
    /// Words after which a name is an object (`with`, `to`, `and`).
    before_an_object,
    /// Prepositions: a name after one is no subject of its clause (`with`, `during`).
    prepositions,
    /// Words in `-ly` that are no adverbs (`family`), between a speaker and the verb.
    ly_nouns,
    /// Small words that stay lowercase in titles (`of`, `the`).
    title_small_words,
    /// Words naming a work or its performance (`song`, `commentary`,
    /// `titled`, `sang`): a quotation right after one is its title.
    work_nouns,
    // ---- sentences, tokens, cleaning (the tokenizer and the splitter read `builtin()`) ----
    /// Abbreviations that keep their period (`Mr`, `Calif`; as written).
    abbreviations,
    /// Abbreviations bound to the next word (`Dr`, `No`): no sentence ends after them.
    binding_abbreviations,
    /// Words that start sentences (`The`, `However`; as written).
    sentence_starters,
    /// Second parts of compounds whose first part is a name (`based`, `led`).
    name_compound_suffixes,
    /// The commonest English words (`the`, `of`): is the text English.
    common_english_words,
    /// Abbreviations of four letters or more that a period does not end a
    /// sentence after, as the title check of cleaning reads them (`Prof.`).
    long_abbreviations,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_skips_comments_and_blank_lines_and_keeps_file_order() {
        let list = WordList::parse("# what it means\n# source\n\nsaid\n  told \nsaid\n");
        assert_eq!(list.iter().collect::<Vec<_>>(), ["said", "told"]);
        assert!(list.contains("told"));
        assert!(!list.contains("# what it means"));
        assert!(!list.contains("Said"), "as written");
        assert!(!list.contains("tolder") && !list.contains("") && !list.contains("sai"));
    }

    #[test]
    fn every_list_file_is_declared_has_a_header_and_entries() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../assets/lexicon/lists");
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("lists folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        files.sort();
        let mut declared: Vec<&str> = WordLists::NAMES.to_vec();
        declared.sort();
        assert_eq!(
            files, declared,
            "a file in {dir} without a line in word_lists! or the reverse"
        );
        let mut lists = WordLists::load();
        for name in WordLists::NAMES {
            let text = std::fs::read_to_string(format!("{dir}/{name}.txt")).expect("readable");
            assert!(
                text.lines()
                    .take_while(|l| l.starts_with('#'))
                    .any(|l| l.contains("Source")),
                "{name}.txt: the header names no source"
            );
            assert!(
                !lists.by_name_mut(name).expect("declared").is_empty(),
                "{name}.txt is empty"
            );
        }
        assert!(lists.legal_forms.contains("GmbH"));
    }

    #[test]
    fn an_overlay_adds_to_a_list() {
        let mut lists = WordLists::load();
        let forms = lists.by_name_mut("legal_forms").expect("declared");
        assert!(!forms.contains("KGaA"));
        forms.extend([Cow::Owned("KGaA".to_string())]);
        assert!(forms.contains("KGaA"));
    }

    proptest::proptest! {
        /// The filter in front of the set is a speed trick: it must answer
        /// exactly as the plain set does, for every list and any word.
        #[test]
        fn the_filter_answers_as_the_plain_set_does(
            entries in proptest::collection::vec("[A-Za-z.'-]{1,12}", 0..40),
            probes in proptest::collection::vec("[A-Za-z.'-]{0,14}", 0..40),
        ) {
            let mut list = WordList::default();
            list.extend(entries.iter().cloned().map(Cow::Owned));
            for word in entries.iter().chain(&probes) {
                proptest::prop_assert_eq!(list.contains(word), list.set.contains(word.as_str()), "{}", word);
            }
        }
    }

    #[test]
    fn the_filter_answers_as_the_plain_set_does_on_every_shipped_list() {
        let mut lists = WordLists::load();
        let all: Vec<String> = WordLists::NAMES
            .iter()
            .flat_map(|n| {
                lists
                    .by_name_mut(n)
                    .unwrap()
                    .iter()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect();
        for name in WordLists::NAMES {
            let list = lists.by_name_mut(name).unwrap();
            for word in &all {
                assert_eq!(
                    list.contains(word),
                    list.set.contains(word.as_str()),
                    "{name}: {word}"
                );
            }
        }
    }
}
