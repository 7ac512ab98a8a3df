//! One pattern, its prefilter and its regexes, each made when first needed;
//! the engines it is compiled with.

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
    /// Whether [`Engine::from_tree`] can cut classes down to [`LATIN`].
    const RESTRICTS: bool = false;

    fn compile(source: &str) -> Result<Self, String>;

    /// Compiled from its syntax tree, with every class cut down to
    /// [`LATIN`] when `latin`; `None` for an engine that cannot.
    fn from_tree(_source: &str, _tree: &Ast, _latin: bool) -> Option<Self> {
        None
    }
}

impl Engine for Regex {
    fn compile(source: &str) -> Result<Regex, String> {
        Regex::new(source).map_err(|e| e.to_string())
    }
}

/// For short texts: the NFA engines only (see the module's documentation).
#[derive(Debug)]
pub(super) struct Short(pub(super) meta::Regex);

impl Short {
    fn builder() -> meta::Builder {
        let config = meta::Config::new()
            .match_kind(regex_automata::MatchKind::LeftmostFirst)
            .utf8_empty(true)
            .nfa_size_limit(Some(10 << 20))
            .hybrid(false)
            .onepass(false);
        let mut builder = meta::Builder::new();
        builder.configure(config);
        builder
    }
}

impl Engine for Short {
    const RESTRICTS: bool = true;

    fn compile(source: &str) -> Result<Short, String> {
        Short::builder()
            .build(source)
            .map(Short)
            .map_err(|e| e.to_string())
    }

    fn from_tree(source: &str, tree: &Ast, latin: bool) -> Option<Short> {
        let hir = Translator::new().translate(source, tree).ok()?;
        let hir = if latin {
            restrict(&hir, &LATIN_CLASS)
        } else {
            hir
        };
        Short::builder().build_from_hir(&hir).ok().map(Short)
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
    prefilter: OnceLock<Prefilter>,
    pub(super) regex: OnceLock<Option<E>>,
    /// Compiled for texts in [`LATIN`].
    pub(super) latin: OnceLock<Option<E>>,
}

impl<E: Engine> Lazy<E> {
    /// A pattern written as `written`, compiled as `source`; compiled at once
    /// unless `trusted`, so that an error shows while the configuration is read.
    pub(super) fn new(written: &str, source: String, trusted: bool) -> Result<Lazy<E>, String> {
        let lazy = Lazy {
            written: written.to_string(),
            source,
            tree: OnceLock::new(),
            prefilter: OnceLock::new(),
            regex: OnceLock::new(),
            latin: OnceLock::new(),
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

    pub(super) fn may_match(&self, hay: &Haystack) -> bool {
        self.prefilter
            .get_or_init(|| {
                self.tree()
                    .map_or_else(Prefilter::default, Prefilter::of_tree)
            })
            .may_match(hay)
    }

    /// The regex for `hay`: the one compiled for [`LATIN`] when the text
    /// lies there; `None` for a pattern too large to compile (only a
    /// trusted pattern is compiled this late, and the tests compile those).
    pub(super) fn regex(&self, hay: &Haystack) -> Option<&E> {
        if let Some(compiled) = self.regex.get() {
            return compiled.as_ref();
        }
        let latin = E::RESTRICTS && hay.is_latin();
        let cell = if latin { &self.latin } else { &self.regex };
        cell.get_or_init(|| {
            self.tree()
                .and_then(|tree| E::from_tree(&self.source, tree, latin))
                .or_else(|| E::compile(&self.source).ok())
        })
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
