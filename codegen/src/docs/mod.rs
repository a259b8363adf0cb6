//! Model documentation: HTML parsed once into a small document tree, rendered per target.
//!
//! CONTRACT (owned by the docs module; back-ends call only these):
//! - [`parse_html`]: HTML fragment -> [`Doc`]; never fails, whatever the input.
//! - [`Doc::to_rustdoc`]: markdown safe for rustdoc (no doctests, brackets escaped, code fenced `text`).
//! - [`Doc::to_markdown`]: roxygen markdown, wrapped at `width`.
//! - [`Doc::to_page_markdown`]: markdown for the docs pages (operation links shown as code).
//! - [`Doc::to_rd`]: Rd text (escaped), for `\description{}` and `\item{}{}`.
//! - [`Doc::first_sentence`]: plain-text title up to the real end of the first sentence.
//! - [`Doc::plain_text`]: all text, tags dropped, whitespace collapsed.
//! - `escape_*_text`: escaping of plain text (titles, summaries) for each target.
//!
//! Modules: [`tree`] (the types), `parse` (HTML -> tree), `markdown`, `rd`, `rustdoc` (renderers),
//! `escape` (per-target escaping), `wrap` (line filling), `sentence` (first sentence).
//!
//! Escaping, per target: roxygen markdown doubles `@`, writes `\`, `\{`, `\}` for backslash and
//! braces, `\[`/`\]` for brackets, character references (`&#42;`) for other markdown punctuation,
//! and leaves `%` alone (roxygen2 escapes it; `\%` would reach Rd as `\\%`). Rd escapes `\`, `%`,
//! `{`, `}`. rustdoc escapes brackets and emphasis characters, writes `<`/`>` as entities and bare
//! URLs as autolinks. Page markdown uses backslash escapes.

mod escape;
mod markdown;
mod parse;
mod rd;
mod rustdoc;
mod sentence;
pub mod tree;
mod wrap;

use escape::Flavor;
use tree::Block;

pub use markdown::display_name;

/// Options for rendering markdown and Rd.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Column at which prose wraps (72 for R); 0 = no wrapping.
    pub width: usize,
    /// Names of operations of this service (e.g. `CreateModel`) mapped to the link target for them
    /// (e.g. R function `sagemaker_create_model`); `<a>`/`<code>` holding such a name link there,
    /// shown as the target without its service prefix (`create_model`, see [`display_name`]).
    pub operation_links: std::collections::BTreeMap<String, String>,
}

/// A parsed documentation string.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    blocks: Vec<Block>,
}

/// Parse an HTML fragment (never fails; plain text is a paragraph).
pub fn parse_html(html: &str) -> Doc {
    Doc {
        blocks: parse::parse(html),
    }
}

impl Doc {
    /// No text at all.
    pub fn is_empty(&self) -> bool {
        self.blocks.is_empty()
    }

    /// The document tree.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// All text, tags dropped, whitespace collapsed to single spaces.
    pub fn plain_text(&self) -> String {
        let mut s = String::new();
        tree::push_block_text(&self.blocks, &mut s);
        tree::collapse_ws(&s)
    }

    /// The first sentence of the first paragraph, as plain text, without its final period
    /// (paws's titles have none). Not escaped: use an `escape_*_text` function for the target.
    pub fn first_sentence(&self) -> String {
        for block in &self.blocks {
            let mut s = String::new();
            tree::push_block_text(std::slice::from_ref(block), &mut s);
            let s = tree::collapse_ws(&s);
            if !s.is_empty() {
                return sentence::first_sentence(&s);
            }
        }
        String::new()
    }

    /// rustdoc markdown, lines joined with `\n` (the caller escapes it into a string literal).
    pub fn to_rustdoc(&self) -> String {
        rustdoc::render(&self.blocks, rustdoc::WIDTH)
    }

    /// [`Doc::to_rustdoc`] wrapped at `width` columns (0 = no wrapping) instead of 80.
    pub fn to_rustdoc_width(&self, width: usize) -> String {
        rustdoc::render(&self.blocks, width)
    }

    /// roxygen2 markdown, wrapped at `opts.width`; operation links as
    /// `` [`create_model`][sagemaker_create_model] ``.
    pub fn to_markdown(&self, opts: &RenderOptions) -> String {
        markdown::Markdown {
            flavor: Flavor::Roxygen,
            width: opts.width,
            links: &opts.operation_links,
        }
        .render(&self.blocks)
    }

    /// Markdown for the documentation pages (no roxygen escapes), wrapped at `opts.width`;
    /// operation links shown as `` `create_model` `` like the published pages.
    pub fn to_page_markdown(&self, opts: &RenderOptions) -> String {
        markdown::Markdown {
            flavor: Flavor::Page,
            width: opts.width,
            links: &opts.operation_links,
        }
        .render(&self.blocks)
    }

    /// Rd text for `\description{}`, `\item{}{}` and the like, wrapped at `opts.width`.
    pub fn to_rd(&self, opts: &RenderOptions) -> String {
        rd::Rd {
            width: opts.width,
            links: &opts.operation_links,
        }
        .render(&self.blocks)
    }
}

/// Escape plain text (e.g. a title from [`Doc::first_sentence`]) for roxygen markdown.
pub fn escape_roxygen_text(s: &str) -> String {
    escape::md_text(s, Flavor::Roxygen)
}

/// Escape plain text for the documentation pages' markdown.
pub fn escape_page_text(s: &str) -> String {
    escape::md_text(s, Flavor::Page)
}

/// Escape plain text for Rd (`\`, `%`, `{`, `}`).
pub fn escape_rd_text(s: &str) -> String {
    escape::rd_text(s)
}

/// Escape plain text for rustdoc markdown (brackets, `<`, `>`, emphasis characters, ...).
pub fn escape_rustdoc_text(s: &str) -> String {
    rustdoc::escape_text(s)
}

/// Wrap plain words at `width` columns (0 = no wrapping), the first line prefixed with `first`
/// and the others with `rest`; spaces are the only break points.
pub fn wrap_words(text: &str, width: usize, first: &str, rest: &str) -> Vec<String> {
    wrap::wrap(text, width, first, rest, &|_| None)
}

#[cfg(test)]
mod tests;
