//! HTML fragment -> [`Block`] tree, using `scraper` (html5ever's spec-compliant tree builder), so
//! unclosed, misnested and unknown tags are handled the way a browser handles them.
//!
//! Known block tags become blocks; `<b>`/`<strong>`, `<i>`/`<em>`, `<code>`, `<a>` become inlines;
//! every other tag (`<note>`, `<important>`, `<span>`, ...) is dropped and its content kept.
//! Nesting deeper than [`MAX_DEPTH`] is flattened to text, so hostile input cannot exhaust the stack.

use super::tree::{Block, Inline};
use scraper::node::Node;
use scraper::Html;

/// Elements nested deeper than this are flattened to their text.
const MAX_DEPTH: usize = 48;

type NodeRef<'a> = ego_tree::NodeRef<'a, Node>;

/// Parse an HTML fragment into blocks. Never fails.
pub fn parse(html: &str) -> Vec<Block> {
    if !html.contains('<') && !html.contains('&') {
        // Plain text: no need to run the HTML parser.
        let text = clean_text(html);
        let mut out = Vec::new();
        if !text.trim().is_empty() {
            out.push(Block::Para(vec![Inline::Text(text)]));
        }
        return out;
    }
    let doc = Html::parse_fragment(html);
    let mut walker = BlockWalker {
        out: Vec::new(),
        pending: Vec::new(),
        tight: false,
    };
    walker.children(*doc.root_element(), 0);
    walker.finish()
}

/// Collects blocks; inline content waits in `pending` until a block boundary.
struct BlockWalker {
    out: Vec<Block>,
    pending: Vec<Inline>,
    /// Inside a list item: loose inline content becomes [`Block::Plain`].
    tight: bool,
}

impl BlockWalker {
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let inlines = std::mem::take(&mut self.pending);
        if inlines_blank(&inlines) {
            return;
        }
        self.out.push(if self.tight {
            Block::Plain(inlines)
        } else {
            Block::Para(inlines)
        });
    }

    fn finish(mut self) -> Vec<Block> {
        self.flush();
        self.out
    }

    fn children(&mut self, node: NodeRef<'_>, depth: usize) {
        for child in node.children() {
            self.node(child, depth + 1);
        }
    }

    fn node(&mut self, node: NodeRef<'_>, depth: usize) {
        let el = match node.value() {
            Node::Text(t) => {
                self.pending.push(Inline::Text(clean_text(&t.text)));
                return;
            }
            Node::Element(el) => el,
            _ => return,
        };
        if depth > MAX_DEPTH {
            self.pending.push(Inline::Text(flat_text(node)));
            return;
        }
        match el.name() {
            "p" | "dd" | "div" | "blockquote" | "section" | "article" | "table" | "tr"
            | "caption" | "figure" | "header" | "footer" | "dl" | "fullname" => {
                self.flush();
                let mut inner = BlockWalker {
                    out: Vec::new(),
                    pending: Vec::new(),
                    tight: false,
                };
                inner.children(node, depth);
                self.out.extend(inner.finish());
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "dt" => {
                self.flush();
                let content = inline_children(node, depth);
                if !inlines_blank(&content) {
                    self.out.push(Block::Para(vec![Inline::Strong(content)]));
                }
            }
            "ul" | "ol" => {
                self.flush();
                let items = list_items(node, depth);
                if !items.is_empty() {
                    self.out.push(Block::List {
                        ordered: el.name() == "ol",
                        items,
                    });
                }
            }
            "li" => {
                // A list item outside any list: a one-item bullet list.
                self.flush();
                let item = item_blocks(node, depth);
                if !item.is_empty() {
                    self.out.push(Block::List {
                        ordered: false,
                        items: vec![item],
                    });
                }
            }
            "pre" => {
                self.flush();
                let text = pre_text(node);
                if !text.trim().is_empty() {
                    self.out.push(Block::Code(text));
                }
            }
            "script" | "style" | "head" | "title" => {}
            _ => {
                if let Some(inline) = inline_element(node, el.name(), depth) {
                    self.pending.push(inline);
                } else {
                    // Unknown or transparent tag: drop it, keep its content.
                    self.children(node, depth);
                }
            }
        }
    }
}

/// The inline element for a known inline tag, `None` for any other tag.
fn inline_element(node: NodeRef<'_>, name: &str, depth: usize) -> Option<Inline> {
    Some(match name {
        "code" | "tt" | "kbd" | "samp" => Inline::Code(clean_text(&flat_text(node))),
        "b" | "strong" => Inline::Strong(inline_children(node, depth)),
        "i" | "em" | "cite" | "dfn" => Inline::Emph(inline_children(node, depth)),
        "a" => {
            let url = match node.value() {
                Node::Element(el) => el.attr("href").unwrap_or("").trim().to_string(),
                _ => String::new(),
            };
            Inline::Link {
                url: clean_text(&url),
                content: inline_children(node, depth),
            }
        }
        "br" => Inline::Text(" ".to_string()),
        _ => return None,
    })
}

/// Inline content of an element; block tags inside it are flattened to spaced text.
fn inline_children(node: NodeRef<'_>, depth: usize) -> Vec<Inline> {
    let mut out = Vec::new();
    for child in node.children() {
        inline_node(child, depth + 1, &mut out);
    }
    out
}

fn inline_node(node: NodeRef<'_>, depth: usize, out: &mut Vec<Inline>) {
    match node.value() {
        Node::Text(t) => out.push(Inline::Text(clean_text(&t.text))),
        Node::Element(el) => {
            if depth > MAX_DEPTH {
                out.push(Inline::Text(flat_text(node)));
            } else if let Some(inline) = inline_element(node, el.name(), depth) {
                out.push(inline);
            } else {
                out.push(Inline::Text(" ".to_string()));
                for child in node.children() {
                    inline_node(child, depth + 1, out);
                }
                out.push(Inline::Text(" ".to_string()));
            }
        }
        _ => {}
    }
}

/// The items of a `<ul>`/`<ol>`: each `<li>` is an item; stray content becomes an item of its own.
fn list_items(node: NodeRef<'_>, depth: usize) -> Vec<Vec<Block>> {
    let mut items = Vec::new();
    for child in node.children() {
        let is_li = matches!(child.value(), Node::Element(el) if el.name() == "li");
        let item = if is_li {
            item_blocks(child, depth + 1)
        } else {
            let mut w = BlockWalker {
                out: Vec::new(),
                pending: Vec::new(),
                tight: true,
            };
            w.node(child, depth + 1);
            w.finish()
        };
        if !item.is_empty() {
            items.push(item);
        }
    }
    items
}

fn item_blocks(node: NodeRef<'_>, depth: usize) -> Vec<Block> {
    if depth > MAX_DEPTH {
        let text = flat_text(node);
        return if text.trim().is_empty() {
            vec![]
        } else {
            vec![Block::Plain(vec![Inline::Text(text)])]
        };
    }
    let mut w = BlockWalker {
        out: Vec::new(),
        pending: Vec::new(),
        tight: true,
    };
    w.children(node, depth);
    w.finish()
}

/// All text below `node`, in document order, without recursion (safe on any depth).
fn flat_text(node: NodeRef<'_>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        match d.value() {
            Node::Text(t) => out.push_str(&clean_text(&t.text)),
            Node::Element(el) if matches!(el.name(), "p" | "li" | "br" | "div" | "dd" | "dt") => {
                out.push(' ')
            }
            _ => {}
        }
    }
    out
}

/// Text of a `<pre>`: line breaks kept, control characters dropped, one leading newline and
/// trailing whitespace removed.
fn pre_text(node: NodeRef<'_>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            out.extend(
                t.text
                    .chars()
                    .filter(|c| !c.is_control() || *c == '\n' || *c == '\t'),
            );
        }
    }
    let out = out.replace('\t', "    ");
    let out = out.strip_prefix('\n').unwrap_or(&out);
    out.trim_end().to_string()
}

/// Text with whitespace runs collapsed to one space (ends kept as a space) and control characters
/// dropped.
pub(crate) fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
        } else if !c.is_control() && c != '\u{feff}' {
            out.push(c);
            last_space = false;
        }
    }
    out
}

fn inlines_blank(inlines: &[Inline]) -> bool {
    inlines.iter().all(|i| match i {
        Inline::Text(t) => t.trim().is_empty(),
        Inline::Code(t) => t.trim().is_empty(),
        Inline::Strong(c) | Inline::Emph(c) => inlines_blank(c),
        Inline::Link { content, .. } => inlines_blank(content),
    })
}
