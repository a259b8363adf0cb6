//! `man/*.Rd`: one help page per operation and one for the client, as roxygen2 would write them from
//! the roxygen blocks (title, usage, arguments, value, description, request syntax).

use super::escape::{rd_text, rd_verbatim};
use super::service::{service_doc_html, service_syntax, service_title};
use super::{render, Ctx, OpView, NOTICE};
use crate::docs::parse_html;
use askama::Template;

#[derive(Template)]
#[template(path = "r/operation.Rd", escape = "none")]
struct OperationRd<'a> {
    notice: &'a str,
    function: &'a str,
    title: String,
    usage: String,
    /// (name, text), both Rd-escaped.
    args: Vec<(String, &'a str)>,
    value: Option<String>,
    description: &'a str,
    request: Option<String>,
}

#[derive(Template)]
#[template(path = "r/client.Rd", escape = "none")]
struct ClientRd<'a> {
    notice: &'a str,
    svc: &'a str,
    title: String,
    description: String,
    syntax: String,
    /// (function, r name, title), Rd-escaped.
    operations: Vec<(&'a str, &'a str, String)>,
}

/// Declare UTF-8 when the page holds anything else than ASCII.
fn with_encoding(mut page: String) -> String {
    if !page.is_ascii() {
        if let Some(end) = page.find('\n') {
            page.insert_str(end + 1, "\\encoding{UTF-8}\n");
        }
    }
    page
}

/// The help page of one operation.
pub fn operation_rd(o: &OpView) -> Result<String, String> {
    let d = &o.docs;
    let view = OperationRd {
        notice: NOTICE,
        function: &o.function,
        title: rd_text(&d.title),
        usage: rd_verbatim(&d.usage),
        args: d
            .args
            .iter()
            .map(|a| (rd_text(&a.name), a.rd.as_str()))
            .collect(),
        value: d.value.as_deref().map(rd_verbatim),
        description: &d.description_rd,
        request: d.request.as_deref().map(rd_verbatim),
    };
    render(&format!("Rd page of {}", o.op.name), &view).map(with_encoding)
}

/// The help page of the client constructor.
pub fn client_rd(ctx: &Ctx) -> Result<String, String> {
    let view = ClientRd {
        notice: NOTICE,
        svc: &ctx.svc,
        title: rd_text(&service_title(ctx)),
        description: parse_html(&service_doc_html(ctx)).to_rd(&ctx.links),
        syntax: rd_verbatim(&service_syntax(&ctx.svc)),
        operations: ctx
            .ops
            .iter()
            .map(|o| {
                (
                    o.function.as_str(),
                    o.r_name.as_str(),
                    rd_text(&o.docs.title),
                )
            })
            .collect(),
    };
    render("client Rd page", &view).map(with_encoding)
}
