//! The markdown documentation page of one operation, in the seed's format: heading, the
//! `function | R Documentation` row, title, Description, Usage, Arguments, Value, Request syntax.

use super::escape::{markdown_code, markdown_fence_body};
use super::{render, OpView, NOTICE};
use crate::docs::escape_page_text;
use crate::naming::r::words;
use askama::Template;

#[derive(Template)]
#[template(path = "r/page.md", escape = "none")]
struct Page<'a> {
    notice: &'a str,
    heading: String,
    function: &'a str,
    title: String,
    description: &'a str,
    usage: String,
    /// (name as a code span, text).
    args: Vec<(String, &'a str)>,
    value: Option<String>,
    request: Option<String>,
}

/// The docs page of one operation.
pub fn page(o: &OpView) -> Result<String, String> {
    let d = &o.docs;
    let view = Page {
        notice: NOTICE,
        heading: words(&o.r_name),
        function: &o.function,
        title: escape_page_text(&d.title),
        description: &d.description_page,
        usage: markdown_fence_body(&d.usage),
        args: d
            .args
            .iter()
            .map(|a| (markdown_code(&a.name), a.page.as_str()))
            .collect(),
        value: d.value.as_deref().map(markdown_fence_body),
        request: d.request.as_deref().map(markdown_fence_body),
    };
    render(&format!("docs page of {}", o.op.name), &view)
}
