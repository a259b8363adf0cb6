//! rustdoc rendering: the markdown renderer in its rustdoc flavor, wrapped at [`WIDTH`].
//!
//! Guarantees: square brackets escaped (no intra-doc links), `<`/`>` as entities (no HTML tags
//! for `rustdoc::invalid_html_tags`), bare URLs as `<autolinks>` (`rustdoc::bare_urls`), code
//! blocks fenced as `text` (never a doctest), no line indented into an accidental code block.

use super::escape::{md_text, Flavor};
use super::markdown::Markdown;
use super::tree::Block;
use std::collections::BTreeMap;

/// Line width of rustdoc text.
pub const WIDTH: usize = 80;

static NO_LINKS: BTreeMap<String, String> = BTreeMap::new();

/// Render blocks as rustdoc markdown wrapped at `width` (0 = no wrapping).
pub fn render(blocks: &[Block], width: usize) -> String {
    Markdown {
        flavor: Flavor::Rustdoc,
        width,
        links: &NO_LINKS,
    }
    .render(blocks)
}

/// Escape plain text (a title, a summary the caller builds) for rustdoc markdown.
pub fn escape_text(s: &str) -> String {
    md_text(s, Flavor::Rustdoc)
}
