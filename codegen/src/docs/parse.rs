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

/// Input whose tags may nest deeper than this is not given to the HTML parser (see
/// [`nesting_exceeds`]).
const MAX_NESTING: usize = 256;

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
    if nesting_exceeds(html, MAX_NESTING) {
        // html5ever's tree building is quadratic in nesting depth: such input (never real
        // documentation) is read as text.
        let text = clean_text(&decode_text(&strip_tags(html)));
        return if text.trim().is_empty() {
            vec![]
        } else {
            vec![Block::Para(vec![Inline::Text(text)])]
        };
    }
    let html = keep_placeholders(html);
    let doc = Html::parse_fragment(&html);
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
                // A list item outside any list: a bullet list, continued by the items after it.
                let joins = inlines_blank(&self.pending);
                self.flush();
                let item = item_blocks(node, depth);
                if item.is_empty() {
                    return;
                }
                match self.out.last_mut() {
                    Some(Block::List {
                        ordered: false,
                        items,
                    }) if joins => items.push(item),
                    _ => self.out.push(Block::List {
                        ordered: false,
                        items: vec![item],
                    }),
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
        match d.value() {
            Node::Text(t) => {
                let keep = |c: &char| !c.is_control() || *c == '\n' || *c == '\t';
                out.extend(t.text.chars().filter(keep));
            }
            Node::Element(el) if el.name() == "br" => out.push('\n'),
            _ => {}
        }
    }
    let out = out
        .replace('\t', "    ")
        .replace(['\u{2028}', '\u{2029}'], "\n");
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

/// A linear over-estimate of how deep the tags of `html` nest: start tags push their name, end
/// tags pop back to the matching name when it is open (stray ones are ignored), void elements
/// push nothing. True as soon as the depth passes `limit`.
fn nesting_exceeds(html: &str, limit: usize) -> bool {
    const VOID: &[&str] = &[
        "br", "hr", "img", "input", "meta", "link", "wbr", "area", "col", "source",
    ];
    let bytes = html.as_bytes();
    let mut stack: Vec<&str> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr_lt(&bytes[i..]) {
        i += off + 1;
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let len = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if len == 0 || !bytes[start].is_ascii_alphabetic() {
            continue;
        }
        let name = &html[start..start + len];
        if closing {
            if let Some(pos) = stack.iter().rposition(|n| n.eq_ignore_ascii_case(name)) {
                stack.truncate(pos);
            }
        } else if !VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
            let self_closing = html[start + len..]
                .split('>')
                .next()
                .is_some_and(|t| t.ends_with('/'));
            if !self_closing {
                // `<p>a<p>b`, `<li>a<li>b`: the second closes the first.
                let auto_closes = ["p", "li", "dt", "dd"]
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(name));
                if auto_closes
                    && stack
                        .last()
                        .is_some_and(|top| top.eq_ignore_ascii_case(name))
                {
                    stack.pop();
                }
                stack.push(name);
                if stack.len() > limit {
                    return true;
                }
            }
        }
        i = start + len;
    }
    false
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// `html` with every tag (`<` followed by a letter, `/` or `!`, up to `>`) replaced by a space.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!');
        match after.find('>') {
            Some(gt) if is_tag => {
                out.push(' ');
                rest = &after[gt + 1..];
            }
            _ => {
                out.push('<');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Character references of tag-free text decoded by the HTML parser (linear without tags).
fn decode_text(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let escaped = text.replace('<', "&lt;");
    let doc = Html::parse_fragment(&escaped);
    flat_text(*doc.root_element())
}

/// HTML elements (and AWS's own paired tags) that are markup even when never closed.
const KNOWN_TAGS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "big",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "font",
    "footer",
    "fullname",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "important",
    "ins",
    "kbd",
    "li",
    "mark",
    "note",
    "ol",
    "p",
    "pre",
    "q",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Placeholders written like tags (`arn:aws:s3:::<bucket>`, `<region>`): a start tag that is
/// neither a known element nor closed anywhere in the string is text, so its `<` is escaped.
fn keep_placeholders(html: &str) -> std::borrow::Cow<'_, str> {
    let name_at = |i: usize| -> &str {
        let len = html.as_bytes()[i..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        &html[i..i + len]
    };
    let mut closed = std::collections::BTreeSet::new();
    for (i, _) in html.match_indices("</") {
        let name = name_at(i + 2);
        if !name.is_empty() {
            closed.insert(name.to_ascii_lowercase());
        }
    }
    let mut out = String::new();
    let mut copied = 0;
    for (i, _) in html.match_indices('<') {
        let name = name_at(i + 1);
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let lower = name.to_ascii_lowercase();
        if KNOWN_TAGS.contains(&lower.as_str()) || closed.contains(&lower) {
            continue;
        }
        out.push_str(&html[copied..i]);
        out.push_str("&lt;");
        copied = i + 1;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}
