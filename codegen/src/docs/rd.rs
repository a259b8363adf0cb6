//! Rd rendering of the tree, as roxygen2 writes it: `\code{}` (or `\verb{}` for text that is not
//! plain R-like code), `\href{url}{text}`, `\code{\link[=fn]{name}}` for operation links,
//! `\itemize{\item ...}`, `\enumerate{}`, `\strong{}`, `\emph{}`, `\preformatted{}`, paragraphs
//! separated by blank lines; `\`, `%`, `{`, `}` escaped. The output passes `tools::checkRd()`.

use super::escape::{rd_text, resolve_url};
use super::markdown::display_name;
use super::tree::{push_inline_text, Block, Inline};
use super::wrap::{self, unbreakable, NBSP};
use std::collections::BTreeMap;

/// An Rd renderer.
pub struct Rd<'a> {
    /// Line width (0 = no wrapping).
    pub width: usize,
    pub links: &'a BTreeMap<String, String>,
}

impl Rd<'_> {
    /// Render blocks as Rd text lines joined with `\n`.
    pub fn render(&self, blocks: &[Block]) -> String {
        self.blocks(blocks).join("\n")
    }

    fn blocks(&self, blocks: &[Block]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut prev_plain = false;
        for block in blocks {
            let lines = match block {
                Block::Para(v) | Block::Plain(v) => self.para(v),
                Block::List { ordered, items } => self.list(*ordered, items),
                Block::Code(text) => vec![format!(
                    "\\if{{html}}{{\\out{{<div class=\"sourceCode\">}}}}\\preformatted{{{}\n}}\
                     \\if{{html}}{{\\out{{</div>}}}}",
                    verb(text)
                )],
            };
            if lines.is_empty() {
                continue;
            }
            let tight_nested = prev_plain && matches!(block, Block::List { .. });
            if !out.is_empty() && !tight_nested {
                out.push(String::new());
            }
            out.extend(lines);
            prev_plain = matches!(block, Block::Plain(_));
        }
        out
    }

    fn para(&self, inlines: &[Inline]) -> Vec<String> {
        let mut s = String::new();
        self.inlines(inlines, false, &mut s);
        wrap::wrap(&s, self.width, "", "", &fix_line_start)
    }

    fn list(&self, ordered: bool, items: &[Vec<Block>]) -> Vec<String> {
        let mut out = vec![if ordered {
            "\\enumerate{"
        } else {
            "\\itemize{"
        }
        .to_string()];
        for item in items {
            let lines = self.blocks(item);
            let mut lines = lines.into_iter();
            match lines.next() {
                Some(first) => out.push(format!("\\item {first}")),
                None => continue,
            }
            out.extend(lines);
        }
        out.push("}".to_string());
        out
    }

    fn inlines(&self, inlines: &[Inline], in_link: bool, out: &mut String) {
        for inline in inlines {
            match inline {
                Inline::Text(t) => out.push_str(&rd_text(t)),
                Inline::Code(code) => {
                    let code = code.trim();
                    if code.is_empty() {
                        continue;
                    }
                    match self.links.get(code) {
                        Some(target) if !in_link => out.push_str(&op_link(target)),
                        Some(target) => out.push_str(&code_macro(display_name(target))),
                        None => out.push_str(&code_macro(code)),
                    }
                }
                Inline::Strong(c) => self.macro_around("\\strong", c, in_link, out),
                Inline::Emph(c) => self.macro_around("\\emph", c, in_link, out),
                Inline::Link { url, content } => self.link(url, content, in_link, out),
            }
        }
    }

    fn macro_around(&self, name: &str, content: &[Inline], in_link: bool, out: &mut String) {
        let mut inner = String::new();
        self.inlines(content, in_link, &mut inner);
        let (lead, body, trail) = split_edges(&inner);
        out.push_str(lead);
        if !body.is_empty() {
            out.push_str(name);
            out.push('{');
            out.push_str(body);
            out.push('}');
        }
        out.push_str(trail);
    }

    fn link(&self, url: &str, content: &[Inline], in_link: bool, out: &mut String) {
        let mut text = String::new();
        push_inline_text(content, &mut text);
        if !in_link {
            if let Some(target) = self.links.get(text.trim()) {
                let (lead, _, trail) = split_edges(&text);
                out.push_str(lead);
                out.push_str(&op_link(target));
                out.push_str(trail);
                return;
            }
        }
        let mut inner = String::new();
        self.inlines(content, true, &mut inner);
        let resolved = if in_link { None } else { resolve_url(url) };
        let Some(resolved) = resolved else {
            out.push_str(&inner);
            return;
        };
        let (lead, body, trail) = split_edges(&inner);
        out.push_str(lead);
        if body.is_empty() || text.trim() == resolved {
            out.push_str(&format!("\\url{{{}}}", unbreakable(&rd_url(&resolved))));
        } else {
            out.push_str(&format!(
                "\\href{{{}}}{{{body}}}",
                unbreakable(&rd_url(&resolved))
            ));
        }
        out.push_str(trail);
    }
}

/// `\code{\link[=target]{name}}` for an operation link.
fn op_link(target: &str) -> String {
    let safe = |s: &str| {
        s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    };
    let name = display_name(target);
    if safe(target) && safe(name) {
        format!("\\code{{\\link[={target}]{{{name}}}}}")
    } else {
        code_macro(name)
    }
}

/// `\code{x}` for R-like text without quotes, braces, backslashes or `%`; `\verb{x}` otherwise.
fn code_macro(code: &str) -> String {
    let plain = code
        .chars()
        .all(|c| !matches!(c, '"' | '\'' | '`' | '\\' | '{' | '}' | '%' | '#'));
    if plain {
        format!("\\code{{{}}}", unbreakable(code))
    } else {
        format!("\\verb{{{}}}", unbreakable(&verb(code)))
    }
}

/// Escape verbatim text (`\verb`, `\preformatted`, URLs): `\`, `%`, `{`, `}`.
fn verb(s: &str) -> String {
    rd_text(s)
}

/// A URL for `\href{}`/`\url{}`: braces and backslashes percent-encoded, `%` escaped.
fn rd_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            ' ' => out.push_str("%20"),
            _ if c.is_whitespace() || c.is_control() => {}
            _ => out.push(c),
        }
    }
    out.replace('%', "\\%")
}

/// Rd's preprocessor reads `#ifdef`, `#ifndef` and `#endif` at the start of a line: indent them.
fn fix_line_start(word: &str) -> Option<String> {
    if word.starts_with("#if") || word.starts_with("#endif") {
        Some(format!("{NBSP}{word}"))
    } else {
        None
    }
}

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
