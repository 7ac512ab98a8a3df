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

use super::table::FastSet;

/// One list of words or phrases.
#[derive(Clone, Debug, Default)]
pub struct WordList {
    /// In file order (rules that try each entry in turn read them so).
    words: Vec<Cow<'static, str>>,
    set: FastSet<Cow<'static, str>>,
}

impl WordList {
    /// A list from its file: `#` lines and blank lines are skipped, the
    /// others trimmed.
    pub fn parse(text: &'static str) -> WordList {
        let mut list = WordList::default();
        list.extend(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(Cow::Borrowed),
        );
        list
    }

    /// Add entries (a caller's overlay); ones already listed are skipped.
    pub fn extend(&mut self, words: impl IntoIterator<Item = Cow<'static, str>>) {
        for w in words {
            if self.set.insert(w.clone()) {
                self.words.push(w);
            }
        }
    }

    /// Whether `word` is listed, exactly as written.
    pub fn contains(&self, word: &str) -> bool {
        self.set.contains(word)
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
                        "../../../../../assets/lexicon/lists/",
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
/// overlay of their lists changes nothing); the [`super::Lexicon`] starts
/// from a copy.
pub fn builtin() -> &'static WordLists {
    static LISTS: std::sync::LazyLock<WordLists> = std::sync::LazyLock::new(WordLists::load);
    &LISTS
}

word_lists! {
    // ---- names: what kind a name is ----
    /// Legal forms of companies (`Inc.`, `GmbH`), which name nothing alone.
    legal_forms,
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
    /// Small words that stay lowercase in titles (`of`, `the`).
    title_small_words,
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
}
