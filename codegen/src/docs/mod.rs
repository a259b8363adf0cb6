//! Model documentation: HTML parsed once into a small document tree, rendered per target.
//!
//! CONTRACT (owned by the docs module; back-ends call only these):
//! - [`parse_html`]: HTML fragment -> [`Doc`]; never fails, whatever the input.
//! - [`Doc::to_rustdoc`]: markdown safe for rustdoc (no doctests, brackets escaped, code fenced `text`).
//! - [`Doc::to_markdown`]: roxygen / docs-page markdown, wrapped at `width`.
//! - [`Doc::to_rd`]: Rd text (escaped), for `\description{}` and `\item{}{}`.
//! - [`Doc::first_sentence`]: plain-text title up to the real end of the first sentence.
//! - [`Doc::plain_text`]: all text, tags dropped, whitespace collapsed.
//!
//! This first version is a placeholder that strips tags; the docs issue replaces the internals.

/// Options for rendering markdown and Rd.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Column at which prose wraps (72 for R); 0 = no wrapping.
    pub width: usize,
    /// Names of operations of this service (e.g. `CreateModel`) mapped to the link target for them
    /// (e.g. R function `sagemaker_create_model`); `<a>`/`<code>` holding such a name link there.
    pub operation_links: std::collections::BTreeMap<String, String>,
}

/// A parsed documentation string.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Doc {
    text: String,
}

/// Parse an HTML fragment (never fails).
pub fn parse_html(html: &str) -> Doc {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    Doc {
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

impl Doc {
    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
    pub fn plain_text(&self) -> String {
        self.text.clone()
    }
    pub fn first_sentence(&self) -> String {
        match self.text.find(". ") {
            Some(i) => self.text[..=i].to_string(),
            None => self.text.clone(),
        }
    }
    pub fn to_rustdoc(&self) -> String {
        self.text.replace('[', "\\[").replace(']', "\\]")
    }
    pub fn to_markdown(&self, _opts: &RenderOptions) -> String {
        self.text.clone()
    }
    pub fn to_rd(&self, _opts: &RenderOptions) -> String {
        self.text
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('{', "\\{")
            .replace('}', "\\}")
    }
}
