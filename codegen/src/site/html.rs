//! Markdown to HTML for the site: CommonMark with tables, every heading given an `id` (a slug of its
//! text, unique in the page) and a `¶` permalink, and links to `X.md` pages rewritten to `X.html`.

use pulldown_cmark::{html, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use std::collections::BTreeSet;

/// A slug of heading text: lowercase ASCII letters and digits, runs of anything else as one `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

/// Ids already used in one page; `take` returns a fresh one (`x`, `x-1`, `x-2`, ...).
#[derive(Default)]
struct Ids(BTreeSet<String>);

impl Ids {
    fn take(&mut self, base: &str) -> String {
        let mut id = base.to_string();
        let mut n = 1;
        while self.0.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        self.0.insert(id.clone());
        id
    }
}

fn level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `X.md` (no scheme, no path separator) becomes `X.html`, keeping any `#fragment`.
fn rewrite_link(url: CowStr) -> CowStr {
    let (path, frag) = url.split_once('#').unwrap_or((&url, ""));
    if path.contains(':') || path.contains('/') || !path.ends_with(".md") {
        return url;
    }
    let stem = &path[..path.len() - 3];
    let frag = if frag.is_empty() {
        String::new()
    } else {
        format!("#{frag}")
    };
    CowStr::from(format!("{stem}.html{frag}"))
}

/// A heading of the rendered page: level, id and plain text (for a table of contents or tests).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// Render `markdown` to HTML; also return its headings in order.
pub fn render(markdown: &str) -> (String, Vec<Heading>) {
    let parser = Parser::new_ext(markdown, Options::ENABLE_TABLES);
    let mut ids = Ids::default();
    let mut headings = Vec::new();
    let mut out = String::new();
    let mut pending: Vec<Event> = Vec::new();
    // Inside a heading: its level and the events of its content.
    let mut heading: Option<(u8, Vec<Event>)> = None;
    for event in parser {
        let event = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: rewrite_link(dest_url),
                title,
                id,
            }),
            e => e,
        };
        match (&mut heading, event) {
            (None, Event::Start(Tag::Heading { level: l, .. })) => {
                html::push_html(&mut out, pending.drain(..));
                heading = Some((level(l), Vec::new()));
            }
            (Some(_), Event::End(TagEnd::Heading(_))) => {
                let Some((n, inner)) = heading.take() else {
                    continue;
                };
                let text = plain_text(&inner);
                let id = ids.take(&slug(&text));
                let mut body = String::new();
                html::push_html(&mut body, inner.into_iter());
                out.push_str(&format!(
                    "<h{n} id=\"{id}\">{body}<a class=\"headerlink\" href=\"#{id}\" \
                     title=\"Permanent link\">¶</a></h{n}>\n"
                ));
                headings.push(Heading { level: n, id, text });
            }
            (Some((_, inner)), e) => inner.push(e),
            (None, e) => pending.push(e),
        }
    }
    html::push_html(&mut out, pending.into_iter());
    (out, headings)
}

fn plain_text(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events {
        match e {
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            Event::SoftBreak | Event::HardBreak => s.push(' '),
            _ => {}
        }
    }
    s.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_get_unique_ids_and_permalinks() {
        let (html, heads) =
            render("# Create Endpoint Config\n\n## Create Endpoint Config\n\n### Request syntax\n");
        assert_eq!(
            heads.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(),
            [
                "create-endpoint-config",
                "create-endpoint-config-1",
                "request-syntax"
            ]
        );
        assert!(html.contains(
            "<h3 id=\"request-syntax\">Request syntax<a class=\"headerlink\" href=\"#request-syntax\""
        ));
    }

    #[test]
    fn code_blocks_keep_indentation_and_text_is_escaped() {
        let (html, _) = render("```r\nlist(\n  A = \"<x>\"\n)\n```\n\nSee [p](other.md#usage) & [w](https://e.com/a.md).\n");
        assert!(html.contains("list(\n  A = \"&lt;x&gt;\"\n)"), "{html}");
        assert!(html.contains("href=\"other.html#usage\""), "{html}");
        assert!(html.contains("href=\"https://e.com/a.md\""), "{html}");
        assert!(html.contains("&amp;"));
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Request syntax"), "request-syntax");
        assert_eq!(slug("  ¶ "), "section");
        assert_eq!(slug("0.2.0 (2026-12-01)"), "0-2-0-2026-12-01");
    }
}
