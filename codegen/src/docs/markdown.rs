//! Markdown rendering of the tree, in the paws/pandoc layout, for three flavors (roxygen, docs
//! page, rustdoc): blank-line separated paragraphs, `-   ` bullets and `1.  ` numbers with
//! continuation lines indented four, fenced code, prose wrapped at the width.

use super::escape::{self, Flavor};
use super::tree::{push_inline_text, Block, Inline};
use super::wrap::{self, NBSP};
use std::collections::BTreeMap;

/// A markdown renderer: flavor, wrap width and operation links.
pub struct Markdown<'a> {
    pub flavor: Flavor,
    /// Total line width (0 = no wrapping).
    pub width: usize,
    /// Operation name -> link target (R function), for roxygen and page flavors.
    pub links: &'a BTreeMap<String, String>,
}

impl Markdown<'_> {
    /// Render blocks to markdown lines joined with `\n` (no trailing newline).
    pub fn render(&self, blocks: &[Block]) -> String {
        self.blocks(blocks, self.width).join("\n")
    }

    fn blocks(&self, blocks: &[Block], width: usize) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut prev_plain = false;
        for block in blocks {
            let lines = match block {
                Block::Para(v) | Block::Plain(v) => self.para(v, width),
                Block::List { ordered, items } => self.list(*ordered, items, width),
                Block::Code(text) => self.code_block(text),
            };
            if lines.is_empty() {
                continue;
            }
            // A tight item's nested list follows its text directly; everything else is separated
            // by a blank line.
            let tight_nested = prev_plain && matches!(block, Block::List { .. });
            if !out.is_empty() && !tight_nested {
                out.push(String::new());
            }
            out.extend(lines);
            prev_plain = matches!(block, Block::Plain(_));
        }
        out
    }

    fn para(&self, inlines: &[Inline], width: usize) -> Vec<String> {
        let mut s = String::new();
        self.inlines(inlines, false, &mut s);
        let flavor = self.flavor;
        wrap::wrap(&s, width, "", "", &|w| escape::md_line_start(w, flavor))
    }

    fn list(&self, ordered: bool, items: &[Vec<Block>], width: usize) -> Vec<String> {
        let loose = items
            .iter()
            .flatten()
            .any(|b| matches!(b, Block::Para(_) | Block::Code(_)));
        let mut out = Vec::new();
        for (n, item) in items.iter().enumerate() {
            let marker = if ordered {
                format!("{:<4}", format!("{}.", n + 1))
            } else {
                "-   ".to_string()
            };
            let indent = " ".repeat(marker.len());
            let inner_width = if width == 0 {
                0
            } else {
                width.saturating_sub(marker.len()).max(1)
            };
            let lines = self.blocks(item, inner_width);
            if lines.is_empty() {
                continue;
            }
            if loose && !out.is_empty() {
                out.push(String::new());
            }
            for (i, line) in lines.into_iter().enumerate() {
                if i == 0 {
                    out.push(format!("{marker}{line}"));
                } else if line.is_empty() {
                    out.push(line);
                } else {
                    out.push(format!("{indent}{line}"));
                }
            }
        }
        out
    }

    fn code_block(&self, text: &str) -> Vec<String> {
        let fence = "`".repeat(escape::longest_run(text, '`').max(2) + 1);
        let info = if self.flavor == Flavor::Rustdoc {
            "text"
        } else {
            ""
        };
        let mut out = vec![format!("{fence}{info}")];
        for line in text.lines() {
            let line = line.trim_end();
            out.push(if self.flavor == Flavor::Roxygen {
                line.replace('@', "@@")
            } else {
                line.to_string()
            });
        }
        out.push(fence);
        out
    }

    /// Render inlines into `out`; ordinary spaces are break points, [`NBSP`] is not.
    fn inlines(&self, inlines: &[Inline], in_link: bool, out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => self.text(t, out),
                Inline::Code(code) => {
                    let code = code.trim();
                    if code.is_empty() {
                        continue;
                    }
                    match self.op_link(code) {
                        Some((name, _)) if in_link => {
                            out.push_str(&escape::md_code_span(name, self.flavor))
                        }
                        Some((name, target)) => out.push_str(&self.op_link_md(name, target)),
                        None => out.push_str(&escape::md_code_span(code, self.flavor)),
                    }
                }
                Inline::Strong(c) => self.delimited("**", c, in_link, out),
                Inline::Emph(c) => self.delimited("*", c, in_link, out),
                Inline::Link { url, content } => self.link(url, content, in_link, out),
            }
        }
    }

    fn text(&self, t: &str, out: &mut String) {
        if self.flavor != Flavor::Rustdoc || !t.contains("://") {
            out.push_str(&escape::md_text(t, self.flavor));
            return;
        }
        // rustdoc warns about bare URLs: make them autolinks.
        for (i, word) in t.split(' ').enumerate() {
            if i > 0 {
                out.push(' ');
            }
            match bare_url(word) {
                Some((before, url, after)) => {
                    out.push_str(&escape::md_text(before, self.flavor));
                    out.push('<');
                    out.push_str(url);
                    out.push('>');
                    out.push_str(&escape::md_text(after, self.flavor));
                }
                None => out.push_str(&escape::md_text(word, self.flavor)),
            }
        }
    }

    /// `**x**` / `*x*` with the content's edge spaces moved outside the delimiters.
    fn delimited(&self, delim: &str, content: &[Inline], in_link: bool, out: &mut String) {
        let mut inner = String::new();
        self.inlines(content, in_link, &mut inner);
        let (lead, body, trail) = split_edges(&inner);
        out.push_str(lead);
        // CommonMark: an opening delimiter right after a letter or digit and right before
        // punctuation opens nothing; the text is then kept without emphasis.
        let after_word = out.chars().last().is_some_and(char::is_alphanumeric);
        let before_punct = body
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_punctuation());
        if after_word && before_punct {
            out.push_str(body);
        } else if !body.is_empty() {
            out.push_str(delim);
            out.push_str(body);
            out.push_str(delim);
        }
        out.push_str(trail);
    }

    fn link(&self, url: &str, content: &[Inline], in_link: bool, out: &mut String) {
        let mut text = String::new();
        push_inline_text(content, &mut text);
        if !in_link {
            if let Some((name, target)) = self.op_link(text.trim()) {
                let (lead, _, trail) = split_edges(&text);
                out.push_str(if lead.is_empty() { "" } else { " " });
                out.push_str(&self.op_link_md(name, target));
                out.push_str(if trail.is_empty() { "" } else { " " });
                return;
            }
        }
        let mut inner = String::new();
        self.inlines(content, true, &mut inner);
        let resolved = if in_link {
            None
        } else {
            escape::resolve_url(url)
        };
        let Some(resolved) = resolved else {
            out.push_str(&inner);
            return;
        };
        let (lead, body, trail) = split_edges(&inner);
        out.push_str(lead);
        if body.is_empty() {
            // `<a href="...">` without text: show the address itself.
            self.text(&resolved, out);
        } else {
            out.push('[');
            out.push_str(body);
            out.push_str("](");
            out.push_str(&escape::md_url(&resolved, self.flavor));
            out.push(')');
        }
        out.push_str(trail);
    }

    /// `(display name, target)` when `name` is an operation of this service.
    fn op_link<'b>(&'b self, name: &str) -> Option<(&'b str, &'b str)> {
        if self.flavor == Flavor::Rustdoc {
            return None;
        }
        let target = self.links.get(name)?;
        Some((display_name(target), target.as_str()))
    }

    fn op_link_md(&self, name: &str, target: &str) -> String {
        let code = escape::md_code_span(name, self.flavor);
        match self.flavor {
            Flavor::Roxygen => format!("[{code}][{target}]"),
            _ => code,
        }
    }
}

/// The name an operation link shows: the link target without its service prefix
/// (`sagemaker_create_model` -> `create_model`; paws prefixes never hold `_`).
pub fn display_name(target: &str) -> &str {
    match target.split_once('_') {
        Some((_, rest)) if !rest.is_empty() => rest,
        _ => target,
    }
}

/// Split `s` into (leading space, trimmed body, trailing space); spaces are single after wrap's
/// collapsing, so one space each side at most matters.
fn split_edges(s: &str) -> (&'static str, &str, &'static str) {
    let body = s.trim_matches(|c| c == ' ' || c == NBSP);
    let lead = if body.len() < s.len() && s.starts_with([' ', NBSP]) {
        " "
    } else {
        ""
    };
    let trail = if body.len() < s.len() && s.ends_with([' ', NBSP]) {
        " "
    } else {
        ""
    };
    (lead, body, trail)
}

/// A bare `http(s)://` URL inside a word: (text before, url, text after).
fn bare_url(word: &str) -> Option<(&str, &str, &str)> {
    let start = word.find("https://").or_else(|| word.find("http://"))?;
    let rest = &word[start..];
    let end = rest
        .find(['<', '>', '"', '\'', '`', NBSP])
        .unwrap_or(rest.len());
    let url = rest[..end].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '}']);
    if url.len() <= "https://".len() {
        return None;
    }
    Some((&word[..start], url, &word[start + url.len()..]))
}
