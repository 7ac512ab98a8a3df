//! The facts about a pattern read off its syntax tree: the strings it can
//! match when there are few, how its matches start and end, which literals
//! they contain.

use regex_syntax::ast::{self, Ast};

use super::literals::{
    CharKind, Lit, Start, contains, dedup, ends_with, minimal, minimal_starts, product, strength,
};

/// Unions larger than this are given up.
const MAX_UNION: usize = 64;
/// A class with more characters than this is not listed.
const MAX_CLASS: u32 = 16;

/// The flags in force at a point of the pattern.
#[derive(Clone, Copy)]
pub(super) struct Flags {
    case_insensitive: bool,
    multi_line: bool,
    unicode: bool,
}

impl Default for Flags {
    /// The flags a pattern starts with: Unicode on, the others off.
    fn default() -> Flags {
        Flags {
            case_insensitive: false,
            multi_line: false,
            unicode: true,
        }
    }
}

impl Flags {
    fn apply(&mut self, flags: &ast::Flags) {
        let mut on = true;
        for item in &flags.items {
            match &item.kind {
                ast::FlagsItemKind::Negation => on = false,
                ast::FlagsItemKind::Flag(ast::Flag::CaseInsensitive) => self.case_insensitive = on,
                ast::FlagsItemKind::Flag(ast::Flag::MultiLine) => self.multi_line = on,
                ast::FlagsItemKind::Flag(ast::Flag::Unicode) => self.unicode = on,
                ast::FlagsItemKind::Flag(_) => {}
            }
        }
    }
}

/// A character that no case-insensitive comparison changes: neither a
/// letter nor a digit, nor cased (checked against the case folding tables
/// in the tests).
pub(super) fn caseless(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_lowercase() && !c.is_uppercase()
}

fn is_escape(lit: &ast::Literal) -> bool {
    matches!(
        lit.kind,
        ast::LiteralKind::HexFixed(_) | ast::LiteralKind::HexBrace(_) | ast::LiteralKind::Octal
    )
}

/// The character a literal stands for under `flags`, and whether it is
/// compared folded; `None` if it cannot be written as one (`escape`: written
/// as a number, which without Unicode is a byte).
fn lit_char(c: char, escape: bool, flags: Flags) -> Option<(char, bool)> {
    if !flags.unicode && escape && !c.is_ascii() {
        None
    } else if !flags.case_insensitive {
        Some((c, false))
    } else if c.is_ascii() {
        Some((c.to_ascii_lowercase(), true))
    } else {
        caseless(c).then_some((c, true))
    }
}

fn char_lit(c: char, escape: bool, flags: Flags) -> Option<Lit> {
    lit_char(c, escape, flags).map(|(c, folded)| Lit {
        text: c.to_string(),
        folded,
    })
}

pub(super) fn unicode_class(class: &ast::ClassUnicode, flags: Flags) -> Option<CharKind> {
    if class.negated || flags.case_insensitive {
        return None;
    }
    let name: String = match &class.kind {
        ast::ClassUnicodeKind::OneLetter(c) => c.to_string(),
        ast::ClassUnicodeKind::Named(name) => name.clone(),
        ast::ClassUnicodeKind::NamedValue { .. } => return None,
    };
    let name: String = name
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect();
    match name.as_str() {
        "lu" | "uppercaseletter" => Some(CharKind::Uppercase),
        "ll" | "lowercaseletter" => Some(CharKind::Lowercase),
        "l" | "letter" => Some(CharKind::Alphabetic),
        "n" | "number" => Some(CharKind::Numeric),
        "nd" | "decimalnumber" => Some(CharKind::Digit),
        _ => None,
    }
}

/// The characters of a small bracketed class, each as a literal.
fn class_lits(class: &ast::ClassBracketed, flags: Flags) -> Option<Vec<Lit>> {
    fn chars(set: &ast::ClassSet, out: &mut Vec<(char, bool)>) -> Option<()> {
        match set {
            ast::ClassSet::BinaryOp(_) => None,
            ast::ClassSet::Item(item) => item_chars(item, out),
        }
    }
    fn item_chars(item: &ast::ClassSetItem, out: &mut Vec<(char, bool)>) -> Option<()> {
        match item {
            ast::ClassSetItem::Empty(_) => {}
            ast::ClassSetItem::Literal(l) => out.push((l.c, is_escape(l))),
            ast::ClassSetItem::Range(r) => {
                let (low, high) = (u32::from(r.start.c), u32::from(r.end.c));
                if high.saturating_sub(low) >= MAX_CLASS {
                    return None;
                }
                let escaped = is_escape(&r.start) || is_escape(&r.end);
                for n in low..=high {
                    out.push((char::from_u32(n)?, escaped));
                }
            }
            ast::ClassSetItem::Union(u) => {
                for item in &u.items {
                    item_chars(item, out)?;
                }
            }
            ast::ClassSetItem::Bracketed(b) if !b.negated => chars(&b.kind, out)?,
            _ => return None,
        }
        (out.len() as u32 <= MAX_CLASS).then_some(())
    }
    if class.negated {
        return None;
    }
    let mut found = Vec::new();
    chars(&class.kind, &mut found)?;
    found
        .into_iter()
        .map(|(c, escaped)| char_lit(c, escaped, flags))
        .collect()
}

/// The least and most times a repetition repeats.
fn bounds(rep: &ast::Repetition) -> (u32, Option<u32>) {
    match &rep.op.kind {
        ast::RepetitionKind::ZeroOrOne => (0, Some(1)),
        ast::RepetitionKind::ZeroOrMore => (0, None),
        ast::RepetitionKind::OneOrMore => (1, None),
        ast::RepetitionKind::Range(ast::RepetitionRange::Exactly(n)) => (*n, Some(*n)),
        ast::RepetitionKind::Range(ast::RepetitionRange::AtLeast(n)) => (*n, None),
        ast::RepetitionKind::Range(ast::RepetitionRange::Bounded(m, n)) => (*m, Some(*n)),
    }
}

/// The flags inside a group.
fn inside(group: &ast::Group, mut flags: Flags) -> Flags {
    if let ast::GroupKind::NonCapturing(f) = &group.kind {
        flags.apply(f);
    }
    flags
}

/// The flags after `node`: a flag set alone stays in force to the end of
/// its group, through later alternatives too (as in regex-syntax).
pub(super) fn after(node: &Ast, mut flags: Flags) -> Flags {
    match node {
        Ast::Flags(set) => {
            flags.apply(&set.flags);
            flags
        }
        Ast::Concat(c) => c.asts.iter().fold(flags, |f, n| after(n, f)),
        Ast::Alternation(a) => a.asts.iter().fold(flags, |f, n| after(n, f)),
        _ => flags,
    }
}

/// The flags before each of `nodes`.
pub(super) fn flags_before(nodes: &[Ast], mut flags: Flags) -> Vec<Flags> {
    nodes
        .iter()
        .map(|n| {
            let before = flags;
            flags = after(n, flags);
            before
        })
        .collect()
}

/// Whether `node` can match the empty string.
fn nullable(node: &Ast) -> bool {
    match node {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => true,
        Ast::Literal(_) | Ast::Dot(_) => false,
        Ast::ClassUnicode(_) | Ast::ClassPerl(_) | Ast::ClassBracketed(_) => false,
        Ast::Repetition(r) => bounds(r).0 == 0 || nullable(&r.ast),
        Ast::Group(g) => nullable(&g.ast),
        Ast::Alternation(a) => a.asts.iter().any(nullable),
        Ast::Concat(c) => c.asts.iter().all(nullable),
    }
}

/// Whether `node` matches a finite set of strings that can be listed
/// (whatever their number): cheap, so that [`exact`] need not build sets
/// only to find a part it cannot list.
fn finite(node: &Ast, flags: Flags) -> bool {
    match node {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => true,
        Ast::Literal(l) => lit_char(l.c, is_escape(l), flags).is_some(),
        Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) => false,
        Ast::ClassBracketed(c) => class_lits(c, flags).is_some(),
        Ast::Repetition(r) => match bounds(r) {
            (_, Some(0)) => true,
            (0 | 1, Some(1)) => finite(&r.ast, flags),
            _ => false,
        },
        Ast::Group(g) => finite(&g.ast, inside(g, flags)),
        Ast::Alternation(a) => {
            let mut flags = flags;
            a.asts.iter().all(|n| {
                let ok = finite(n, flags);
                flags = after(n, flags);
                ok
            })
        }
        Ast::Concat(c) => {
            let mut flags = flags;
            c.asts.iter().all(|n| {
                let ok = finite(n, flags);
                flags = after(n, flags);
                ok
            })
        }
    }
}

/// Every string `node` can match (a superset: look-arounds match the empty
/// string), when there are few.
pub(super) fn exact(node: &Ast, flags: Flags) -> Option<Vec<Lit>> {
    if matches!(
        node,
        Ast::Alternation(_) | Ast::Concat(_) | Ast::Group(_) | Ast::Repetition(_)
    ) && !finite(node, flags)
    {
        return None;
    }
    match node {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Some(vec![Lit::empty()]),
        Ast::Literal(l) => char_lit(l.c, is_escape(l), flags).map(|l| vec![l]),
        Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) => None,
        Ast::ClassBracketed(c) => class_lits(c, flags).map(dedup),
        Ast::Repetition(r) => match bounds(r) {
            (_, Some(0)) => Some(vec![Lit::empty()]),
            (1, Some(1)) => exact(&r.ast, flags),
            (0, Some(1)) => {
                let mut set = exact(&r.ast, flags)?;
                set.push(Lit::empty());
                Some(dedup(set))
            }
            _ => None,
        },
        Ast::Group(g) => exact(&g.ast, inside(g, flags)),
        Ast::Alternation(a) => {
            let mut all = Vec::new();
            let mut flags = flags;
            for branch in &a.asts {
                all.extend(exact(branch, flags)?);
                if all.len() > MAX_UNION {
                    return None;
                }
                flags = after(branch, flags);
            }
            Some(dedup(all))
        }
        Ast::Concat(c) => {
            let mut acc = vec![Lit::empty()];
            let mut flags = flags;
            for node in &c.asts {
                if !push_literal(&mut acc, node, flags) {
                    acc = product(&acc, &exact(node, flags)?)?;
                    flags = after(node, flags);
                }
            }
            Some(acc)
        }
    }
}

/// Append the literal `node` to the single literal `acc` in place (the
/// common case, which needs no new sets); false when that does not apply.
fn push_literal(acc: &mut [Lit], node: &Ast, flags: Flags) -> bool {
    let (Ast::Literal(l), [one]) = (node, acc) else {
        return false;
    };
    match lit_char(l.c, is_escape(l), flags) {
        Some((c, folded)) if one.folded == folded || one.is_empty() => {
            one.folded = folded;
            one.text.push(c);
            true
        }
        _ => false,
    }
}

/// How every non-empty match of `node` starts, if known.
fn first(node: &Ast, flags: Flags) -> Option<Vec<Start>> {
    match node {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Some(Vec::new()),
        Ast::Literal(_) | Ast::ClassBracketed(_) => exact(node, flags).map(|set| {
            set.into_iter()
                .filter(|l| !l.is_empty())
                .map(Start::Lit)
                .collect()
        }),
        Ast::Dot(_) => None,
        Ast::ClassUnicode(class) => unicode_class(class, flags).map(|k| vec![Start::Char(k)]),
        Ast::ClassPerl(class) => perl_class(class).map(|k| vec![Start::Char(k)]),
        Ast::Repetition(r) if bounds(r).1 == Some(0) => Some(Vec::new()),
        Ast::Repetition(r) => first(&r.ast, flags),
        Ast::Group(g) => first(&g.ast, inside(g, flags)),
        Ast::Alternation(a) => {
            let mut all = Vec::new();
            let mut flags = flags;
            for branch in &a.asts {
                all.extend(first(branch, flags)?);
                if all.len() > MAX_UNION {
                    return None;
                }
                flags = after(branch, flags);
            }
            Some(minimal_starts(all))
        }
        Ast::Concat(c) => Some(prefix(&c.asts, flags)).filter(|s| !s.iter().any(Start::is_empty)),
    }
}

/// How every match of the sequence `nodes` starts (an empty literal among
/// them: nothing is known).
pub(super) fn prefix(nodes: &[Ast], flags: Flags) -> Vec<Start> {
    let mut acc = vec![Lit::empty()];
    let known = |acc: Vec<Lit>| minimal_starts(acc.into_iter().map(Start::Lit).collect());
    let mut flags = flags;
    for (i, node) in nodes.iter().enumerate() {
        if push_literal(&mut acc, node, flags) {
            continue;
        }
        if let Some(set) = exact(node, flags) {
            match product(&acc, &set) {
                Some(next) => acc = next,
                None => return known(acc),
            }
            flags = after(node, flags);
            continue;
        }
        let Some(mut options) = first(node, flags) else {
            return known(acc);
        };
        if nullable(node) {
            options.extend(prefix(&nodes[i + 1..], after(node, flags)));
        }
        if acc.len() * options.len() > MAX_UNION {
            return known(acc);
        }
        let starts = acc.iter().flat_map(|a| {
            options.iter().map(move |o| match o {
                Start::Lit(l) => Start::Lit(a.then(l)),
                Start::Char(k) if a.is_empty() => Start::Char(*k),
                Start::Char(k) => Start::LitChar(a.clone(), *k),
                Start::LitChar(l, k) => Start::LitChar(a.then(l), *k),
            })
        });
        return minimal_starts(starts.collect());
    }
    known(acc)
}

/// How every non-empty match of `node` ends, if known.
fn last(node: &Ast, flags: Flags) -> Option<Vec<Lit>> {
    match node {
        Ast::Empty(_) | Ast::Flags(_) | Ast::Assertion(_) => Some(Vec::new()),
        Ast::Literal(_) | Ast::ClassBracketed(_) => {
            exact(node, flags).map(|set| set.into_iter().filter(|l| !l.is_empty()).collect())
        }
        Ast::Dot(_) | Ast::ClassUnicode(_) | Ast::ClassPerl(_) => None,
        Ast::Repetition(r) if bounds(r).1 == Some(0) => Some(Vec::new()),
        Ast::Repetition(r) => last(&r.ast, flags),
        Ast::Group(g) => last(&g.ast, inside(g, flags)),
        Ast::Alternation(a) => {
            let mut all = Vec::new();
            let mut flags = flags;
            for branch in &a.asts {
                all.extend(last(branch, flags)?);
                if all.len() > MAX_UNION {
                    return None;
                }
                flags = after(branch, flags);
            }
            Some(minimal(dedup(all), ends_with))
        }
        Ast::Concat(c) => Some(suffix(&c.asts, flags)).filter(|s| !s.iter().any(Lit::is_empty)),
    }
}

/// How every match of the sequence `nodes` ends (an empty literal among
/// them: nothing is known).
pub(super) fn suffix(nodes: &[Ast], flags: Flags) -> Vec<Lit> {
    let before = flags_before(nodes, flags);
    let mut acc = vec![Lit::empty()];
    for (i, node) in nodes.iter().enumerate().rev() {
        if let Some(set) = exact(node, before[i]) {
            match product(&set, &acc) {
                Some(next) => acc = next,
                None => return minimal(acc, ends_with),
            }
            continue;
        }
        let Some(mut options) = last(node, before[i]) else {
            return minimal(acc, ends_with);
        };
        if nullable(node) {
            options.extend(suffix(&nodes[..i], flags));
        }
        return match product(&options, &acc) {
            Some(ends) => minimal(ends, ends_with),
            None => minimal(acc, ends_with),
        };
    }
    minimal(acc, ends_with)
}

/// The sets of literals every match of `node` contains one of, strongest first.
fn required(node: &Ast, flags: Flags) -> Vec<Vec<Lit>> {
    match node {
        Ast::Repetition(r) if bounds(r).0 == 0 => Vec::new(),
        Ast::Repetition(r) => required(&r.ast, flags),
        Ast::Group(g) => required(&g.ast, inside(g, flags)),
        Ast::Concat(c) => required_seq(&c.asts, flags),
        Ast::Alternation(a) => {
            let mut all = Vec::new();
            let mut flags = flags;
            for branch in &a.asts {
                match required(branch, flags).into_iter().next() {
                    Some(set) if all.len() + set.len() <= MAX_UNION => all.extend(set),
                    _ => return Vec::new(),
                }
                flags = after(branch, flags);
            }
            vec![minimal(dedup(all), contains)]
        }
        _ => match exact(node, flags) {
            Some(set) if !set.iter().any(Lit::is_empty) => vec![minimal(set, contains)],
            _ => Vec::new(),
        },
    }
}

/// The required sets of the sequence `nodes`: those of its parts, and each
/// run of parts with known strings taken together ("source" "link").
pub(super) fn required_seq(nodes: &[Ast], flags: Flags) -> Vec<Vec<Lit>> {
    let mut found: Vec<Vec<Lit>> = Vec::new();
    let mut push = |set: Vec<Lit>| {
        if !set.is_empty() && !set.iter().any(Lit::is_empty) {
            found.push(minimal(set, contains));
        }
    };
    let mut run: Option<Vec<Lit>> = None;
    let mut flags = flags;
    for node in nodes {
        if let Some(r) = run.as_mut()
            && push_literal(r, node, flags)
        {
            continue;
        }
        match (exact(node, flags), run.take()) {
            (Some(set), None) => run = Some(set),
            (Some(set), Some(r)) => match product(&r, &set) {
                Some(longer) => run = Some(longer),
                None => {
                    push(r);
                    run = Some(set);
                }
            },
            (None, r) => {
                if let Some(r) = r {
                    push(r);
                }
                required(node, flags).into_iter().for_each(&mut push);
            }
        }
        flags = after(node, flags);
    }
    if let Some(r) = run {
        push(r);
    }
    let mut found = dedup(found);
    found.sort_by_key(|set| std::cmp::Reverse(strength(set)));
    found
}

pub(super) fn perl_class(class: &ast::ClassPerl) -> Option<CharKind> {
    match (&class.kind, class.negated) {
        (ast::ClassPerlKind::Digit, false) => Some(CharKind::Digit),
        (ast::ClassPerlKind::Space, false) => Some(CharKind::Whitespace),
        _ => None,
    }
}

/// Whether `node` pins a match to the start (or the end) of the text.
pub(super) fn anchors(node: &Ast, flags: Flags, end: bool) -> bool {
    use ast::AssertionKind::*;
    match node {
        Ast::Assertion(a) => match a.kind {
            StartText => !end,
            EndText => end,
            StartLine => !end && !flags.multi_line,
            EndLine => end && !flags.multi_line,
            _ => false,
        },
        _ => false,
    }
}
