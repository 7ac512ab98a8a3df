//! An element tree to text blocks of known kinds: headings, paragraphs, block
//! quotes, list items, captions. Walked with a stack of its own, so that no
//! nesting depth can overflow the call stack.

use dom_query::{NodeData, NodeId, NodeRef};

use crate::article::BlockKind;

/// What an element is to the walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// Holds no text a reader sees (scripts, forms' controls, media).
    Hidden,
    /// Ends the block before it and starts another (`div`, `p`, `ul`, ...).
    Block,
    /// A block that gives its text a kind: headings, block quotes, list
    /// items, captions (the innermost such ancestor wins).
    Kinded(BlockKind),
    /// Preformatted: each line a block.
    Pre,
    /// A line break: the next text starts a new block of the same kind.
    Break,
    /// A table cell: cells of a row are joined on one line.
    Cell,
    /// Text-level (`a`, `em`, `span`, unknown elements).
    Inline,
    /// MathML: inline, its tokens (`mi`, `mo`, `mn`, ...) set apart by spaces.
    Math,
}

fn role(name: &str) -> Role {
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "head" | "title" | "iframe"
        | "object" | "embed" | "canvas" | "select" | "option" | "button" | "input" | "textarea"
        | "audio" | "video" | "img" | "picture" | "source" | "map" | "meta" | "link" | "base"
        | "track" | "param" | "datalist" | "output" | "progress" | "meter" | "dialog"
        | "annotation" | "annotation-xml" => Role::Hidden,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Role::Kinded(BlockKind::Heading),
        "blockquote" => Role::Kinded(BlockKind::Quote),
        "li" => Role::Kinded(BlockKind::Item),
        "figcaption" | "caption" => Role::Kinded(BlockKind::Caption),
        "pre" | "listing" | "plaintext" | "xmp" => Role::Pre,
        "br" => Role::Break,
        "math" => Role::Math,
        "td" | "th" => Role::Cell,
        "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "aside" | "nav"
        | "address" | "body" | "html" | "center" | "dd" | "dt" | "dl" | "details" | "summary"
        | "fieldset" | "legend" | "figure" | "form" | "hgroup" | "hr" | "menu" | "dir" | "ol"
        | "ul" | "table" | "tbody" | "thead" | "tfoot" | "tr" | "frameset" | "frame"
        | "noframes" | "search" => Role::Block,
        _ => Role::Inline,
    }
}

/// What separates the cells of a table row on its line.
const CELL_SEPARATOR: &str = " · ";

/// The text blocks under `root`, in reading order, each with its kind; a
/// block's text is raw (runs of white space, perhaps empty): the cleaner
/// tidies it. `skip` is asked of each element: true leaves it out with all
/// it holds.
pub fn blocks(root: NodeRef, skip: &dyn Fn(&NodeRef) -> bool) -> Vec<(BlockKind, String)> {
    let mut walk = Walk::default();
    enum Step {
        Enter(NodeId),
        Leave(Role),
    }
    let tree = root.tree;
    let mut stack = vec![Step::Enter(root.id)];
    while let Some(step) = stack.pop() {
        let id = match step {
            Step::Enter(id) => id,
            Step::Leave(role) => {
                walk.leave(role);
                continue;
            }
        };
        let node = NodeRef::new(id, tree);
        let Some(role) = node.query(|n| match &n.data {
            NodeData::Text { contents } => {
                walk.text(contents);
                None
            }
            NodeData::Element(el) => Some(role(&el.name.local)),
            NodeData::Document | NodeData::Fragment => Some(Role::Block),
            _ => None,
        }) else {
            continue;
        };
        let Some(role) = role else { continue };
        if role == Role::Hidden || (node.is_element() && skip(&node)) {
            continue;
        }
        walk.enter(role);
        stack.push(Step::Leave(role));
        let first = stack.len();
        let mut child = node.first_child();
        while let Some(c) = child {
            stack.push(Step::Enter(c.id));
            child = c.next_sibling();
        }
        stack[first..].reverse();
    }
    walk.flush();
    walk.out
}

#[derive(Default)]
struct Walk {
    out: Vec<(BlockKind, String)>,
    buf: String,
    /// The kinds of the kinded blocks the walk is in, outermost first.
    kinds: Vec<BlockKind>,
    /// Inside this many `pre` elements.
    pre: usize,
    /// Inside this many `math` elements.
    math: usize,
    /// The buffer ends with a cell separator.
    after_cell: bool,
}

impl Walk {
    fn kind(&self) -> BlockKind {
        self.kinds.last().copied().unwrap_or(BlockKind::Paragraph)
    }

    fn flush(&mut self) {
        if self.after_cell {
            // the separator after the row's last cell, and the spaces after it
            let len = self.buf.trim_end().len();
            self.buf.truncate(len);
            let len = self.buf.len() - CELL_SEPARATOR.trim_end().len();
            self.buf.truncate(len);
            self.after_cell = false;
        }
        if self.buf.trim().is_empty() {
            self.buf.clear();
            return;
        }
        let kind = self.kind();
        self.out.push((kind, std::mem::take(&mut self.buf)));
    }

    fn enter(&mut self, role: Role) {
        match role {
            Role::Block | Role::Cell => self.flush_unless_cell(role),
            Role::Kinded(kind) => {
                self.flush();
                self.kinds.push(kind);
            }
            Role::Pre => {
                self.flush();
                self.pre += 1;
            }
            Role::Break => self.flush(),
            Role::Math => {
                self.math += 1;
                self.buf.push(' ');
            }
            Role::Inline if self.math > 0 => self.buf.push(' '),
            Role::Hidden | Role::Inline => {}
        }
    }

    /// A cell continues its row's line; any other block ends it.
    fn flush_unless_cell(&mut self, role: Role) {
        if role != Role::Cell {
            self.flush();
        }
    }

    fn leave(&mut self, role: Role) {
        match role {
            Role::Block => self.flush(),
            Role::Kinded(_) => {
                self.flush();
                self.kinds.pop();
            }
            Role::Pre => {
                self.flush();
                self.pre -= 1;
            }
            Role::Cell => {
                if !self.buf.trim().is_empty() && !self.after_cell {
                    self.buf.push_str(CELL_SEPARATOR);
                    self.after_cell = true;
                }
            }
            Role::Math => {
                self.math -= 1;
                self.buf.push(' ');
            }
            Role::Break | Role::Hidden | Role::Inline => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.pre > 0 {
            let mut lines = text.split('\n');
            if let Some(first) = lines.next() {
                self.push(first);
            }
            for line in lines {
                self.flush();
                self.push(line);
            }
        } else {
            self.push(text);
        }
    }

    /// Append text, its runs of ASCII white space (line breaks included)
    /// made one space, none at the start of a block.
    fn push(&mut self, text: &str) {
        let mut rest = text;
        while !rest.is_empty() {
            let space = rest.bytes().take_while(u8::is_ascii_whitespace).count();
            if space > 0 {
                if !self.buf.is_empty() && !self.buf.ends_with(' ') {
                    self.buf.push(' ');
                }
                // ASCII white space ends on a character boundary
                rest = &rest[space..];
                continue;
            }
            let word = rest
                .bytes()
                .take_while(|b| !b.is_ascii_whitespace())
                .count();
            self.buf.push_str(&rest[..word]);
            self.after_cell = false;
            rest = &rest[word..];
        }
    }
}
