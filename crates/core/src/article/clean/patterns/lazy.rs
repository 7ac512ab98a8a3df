//! One pattern, its prefilter and its regexes, each made when first needed;
//! the engines it is compiled with.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

use regex::Regex;
use regex_automata::meta;
use regex_syntax::ast::Ast;
use regex_syntax::hir::translate::Translator;
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Repetition,
};

use super::prefilter::{self, Haystack, LATIN, Prefilter};
use super::regex_error;

/// A way of compiling a pattern.
pub(super) trait Engine: Sized {
    /// Whether the engine compiles from a pattern's [`Hir`] (whose classes
    /// can be cut down to [`LATIN`]): with [`Engine::from_hir`].
    const RESTRICTS: bool = false;

    fn compile(source: &str) -> Result<Self, String>;

    /// Compiled from the pattern's [`Hir`], with the lazy DFA when `dfa`;
    /// `None` for an engine that cannot.
    fn from_hir(_hir: &Hir, _dfa: bool) -> Option<Self> {
        None
    }
}

/// After a pattern has searched this many bytes with the NFA engines alone,
/// it is compiled again with the lazy DFA: a few kilobytes of text through
/// the PikeVM cost about what building the DFA's automata costs, and a
/// pattern that sees that much text (a long document, or many documents in
/// one process) will likely see more. Short articles never get there.
pub(super) const DFA_AFTER_BYTES: usize = 4 << 10;

impl Engine for Regex {
    fn compile(source: &str) -> Result<Regex, String> {
        Regex::new(source).map_err(|e| e.to_string())
    }
}

/// For short texts: the NFA engines only (see the module's documentation).
#[derive(Debug)]
pub(super) struct Short(pub(super) meta::Regex);

impl Short {
    fn builder(dfa: bool) -> meta::Builder {
        let config = meta::Config::new()
            .match_kind(regex_automata::MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .nfa_size_limit(Some(10 << 20))
            .hybrid(dfa)
            .onepass(false);
        let mut builder = meta::Builder::new();
        builder.configure(config);
        builder
    }
}

impl Engine for Short {
    const RESTRICTS: bool = true;

    fn compile(source: &str) -> Result<Short, String> {
        Short::builder(false)
            .build(source)
            .map(Short)
            .map_err(|e| e.to_string())
    }

    fn from_hir(hir: &Hir, dfa: bool) -> Option<Short> {
        Short::builder(dfa).build_from_hir(hir).ok().map(Short)
    }
}

/// [`LATIN`] as a class.
static LATIN_CLASS: LazyLock<ClassUnicode> = LazyLock::new(|| {
    ClassUnicode::new(
        LATIN
            .iter()
            .map(|&(low, high)| ClassUnicodeRange::new(low, high)),
    )
});

/// `hir` with every Unicode class cut down to `zone`: on a text whose
/// characters all lie in `zone`, it matches exactly where `hir` does.
fn restrict(hir: &Hir, zone: &ClassUnicode) -> Hir {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => {
            let mut class = class.clone();
            class.intersect(zone);
            Hir::class(Class::Unicode(class))
        }
        HirKind::Empty
        | HirKind::Literal(_)
        | HirKind::Class(Class::Bytes(_))
        | HirKind::Look(_) => hir.clone(),
        HirKind::Repetition(rep) => Hir::repetition(Repetition {
            sub: Box::new(restrict(&rep.sub, zone)),
            ..rep.clone()
        }),
        HirKind::Capture(cap) => Hir::capture(Capture {
            sub: Box::new(restrict(&cap.sub, zone)),
            ..cap.clone()
        }),
        HirKind::Concat(subs) => Hir::concat(subs.iter().map(|h| restrict(h, zone)).collect()),
        HirKind::Alternation(subs) => {
            Hir::alternation(subs.iter().map(|h| restrict(h, zone)).collect())
        }
    }
}

/// One pattern: `source` is the regex as compiled (anchored as its list
/// requires); its analysis and regexes are made when first needed.
#[derive(Debug)]
pub(super) struct Lazy<E> {
    pub(super) written: String,
    pub(super) source: String,
    /// The syntax tree, parsed when first needed.
    tree: OnceLock<Option<Ast>>,
    /// Its high-level form, and that form with its classes cut down to
    /// [`LATIN`]: kept, as the lazy DFA may compile it a second time.
    hir: OnceLock<Option<Hir>>,
    hir_latin: OnceLock<Option<Hir>>,
    prefilter: OnceLock<Prefilter>,
    pub(super) regex: OnceLock<Option<E>>,
    /// Compiled for texts in [`LATIN`].
    pub(super) latin: OnceLock<Option<E>>,
    /// Bytes searched so far with `regex` or `latin` (see [`DFA_AFTER_BYTES`]).
    pub(super) searched: AtomicUsize,
    /// The two again, with the lazy DFA.
    pub(super) dfa: OnceLock<Option<E>>,
    pub(super) dfa_latin: OnceLock<Option<E>>,
}

impl<E: Engine> Lazy<E> {
    /// A pattern written as `written`, compiled as `source`; compiled at once
    /// unless `trusted`, so that an error shows while the configuration is read.
    pub(super) fn new(written: &str, source: String, trusted: bool) -> Result<Lazy<E>, String> {
        let lazy = Lazy {
            written: written.to_string(),
            source,
            tree: OnceLock::new(),
            hir: OnceLock::new(),
            hir_latin: OnceLock::new(),
            prefilter: OnceLock::new(),
            regex: OnceLock::new(),
            latin: OnceLock::new(),
            searched: AtomicUsize::new(0),
            dfa: OnceLock::new(),
            dfa_latin: OnceLock::new(),
        };
        if !trusted {
            let regex = E::compile(&lazy.source).map_err(|e| regex_error(written, &e))?;
            let _ = lazy.regex.set(Some(regex));
        }
        Ok(lazy)
    }

    pub(super) fn tree(&self) -> Option<&Ast> {
        self.tree
            .get_or_init(|| prefilter::parse(&self.source))
            .as_ref()
    }

    /// The pattern's [`Hir`], its classes cut down to [`LATIN`] when `latin`.
    pub(super) fn hir(&self, latin: bool) -> Option<&Hir> {
        if latin {
            self.hir_latin
                .get_or_init(|| self.hir(false).map(|hir| restrict(hir, &LATIN_CLASS)))
                .as_ref()
        } else {
            self.hir
                .get_or_init(|| {
                    let tree = self.tree()?;
                    Translator::new().translate(&self.source, tree).ok()
                })
                .as_ref()
        }
    }

    pub(super) fn may_match(&self, hay: &Haystack) -> bool {
        self.prefilter
            .get_or_init(|| {
                self.tree()
                    .map_or_else(Prefilter::default, Prefilter::of_tree)
            })
            .may_match(hay)
    }

    /// The regex to search `hay` with: the one compiled for [`LATIN`] when
    /// the text lies there, with the lazy DFA once the pattern has searched
    /// enough text ([`DFA_AFTER_BYTES`]); `None` for a pattern too large to
    /// compile (only a trusted pattern is compiled this late, and the tests
    /// compile those). Every one of them matches the same.
    pub(super) fn regex(&self, hay: &Haystack) -> Option<&E> {
        if E::RESTRICTS {
            let len = hay.text().len();
            if self.searched.fetch_add(len, Ordering::Relaxed) >= DFA_AFTER_BYTES
                && let Some(fast) = self.with_dfa(hay)
            {
                return Some(fast);
            }
        }
        if let Some(compiled) = self.regex.get() {
            return compiled.as_ref();
        }
        let latin = E::RESTRICTS && hay.is_latin();
        let cell = if latin { &self.latin } else { &self.regex };
        cell.get_or_init(|| {
            E::RESTRICTS
                .then(|| self.hir(latin).and_then(|hir| E::from_hir(hir, false)))
                .flatten()
                .or_else(|| E::compile(&self.source).ok())
        })
        .as_ref()
    }

    /// The regex with the lazy DFA for `hay`, if it compiles.
    fn with_dfa(&self, hay: &Haystack) -> Option<&E> {
        let latin = hay.is_latin();
        let cell = if latin { &self.dfa_latin } else { &self.dfa };
        cell.get_or_init(|| self.hir(latin).and_then(|hir| E::from_hir(hir, true)))
            .as_ref()
    }

    /// The regex, when `hay` may match it.
    pub(super) fn for_text(&self, hay: &Haystack) -> Option<&E> {
        if self.may_match(hay) {
            self.regex(hay)
        } else {
            None
        }
    }
}
