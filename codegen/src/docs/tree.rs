//! The small document tree that model documentation is parsed into, once, before rendering.
//!
//! Whitespace inside text is already collapsed to single spaces by the parser; renderers trim it
//! at block edges. Only the structure the renderers need is kept: unknown HTML tags disappear,
//! their content stays.

/// A block-level element.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph (`<p>`, `<dd>`, or loose text at the top level).
    Para(Vec<Inline>),
    /// Inline content directly inside a list item, without a `<p>` (a "tight" item).
    Plain(Vec<Inline>),
    /// A bulleted (`ordered == false`) or numbered list; each item is a sequence of blocks.
    List {
        ordered: bool,
        items: Vec<Vec<Block>>,
    },
    /// Preformatted text (`<pre>`), kept verbatim.
    Code(String),
}

/// An inline element.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Text with whitespace runs collapsed to one space.
    Text(String),
    /// Inline code; its text, whitespace collapsed.
    Code(String),
    Strong(Vec<Inline>),
    Emph(Vec<Inline>),
    /// A hyperlink; `url` may be empty when the `<a>` had no `href`.
    Link {
        url: String,
        content: Vec<Inline>,
    },
}

impl Block {
    /// The inline content of a paragraph-like block.
    pub fn inlines(&self) -> Option<&[Inline]> {
        match self {
            Block::Para(v) | Block::Plain(v) => Some(v),
            _ => None,
        }
    }
}

/// Append the text of `inlines` to `out` (tags dropped, whitespace not yet normalised).
pub fn push_inline_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emph(c) | Inline::Link { content: c, .. } => {
                push_inline_text(c, out)
            }
        }
    }
}

/// Append the text of `blocks` to `out`, blocks separated by a space.
pub fn push_block_text(blocks: &[Block], out: &mut String) {
    for block in blocks {
        match block {
            Block::Para(v) | Block::Plain(v) => push_inline_text(v, out),
            Block::List { items, .. } => {
                for item in items {
                    push_block_text(item, out);
                    out.push(' ');
                }
            }
            Block::Code(t) => out.push_str(t),
        }
        out.push(' ');
    }
}

/// Collapse every run of whitespace to one space and trim the ends.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(c);
        }
    }
    out
}
