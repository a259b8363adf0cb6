//! The documentation of one operation, computed once and shared by the roxygen block, the Rd page
//! and the docs page: title, description, usage, arguments, value and request syntax.

use super::escape::html_text;
use super::summary::{member_doc, parse_nonempty};
use super::syntax::{request_syntax, value_syntax};
use crate::docs::{escape_roxygen_text, parse_html, Doc, RenderOptions};
use crate::ir::{Model, Operation};
use crate::naming::r::{symbol, words};

/// One argument of an operation function.
#[derive(Debug, Clone)]
pub struct Arg {
    /// The member name as in the model.
    pub name: String,
    /// The member name as an R symbol (backtick-quoted when needed).
    pub sym: String,
    pub required: bool,
    /// Markdown wrapped at 72 columns (roxygen), `[required] ` prefixed when required.
    pub markdown: String,
    /// Markdown unwrapped (docs page), `[required] ` prefixed when required.
    pub page: String,
    /// Rd text, `[required] ` prefixed when required.
    pub rd: String,
}

/// Everything the three documentation forms say about one operation.
#[derive(Debug, Clone)]
pub struct OpDocs {
    /// Plain-text title (first sentence, no final period).
    pub title: String,
    /// Roxygen markdown.
    pub description_md: String,
    /// Docs-page markdown.
    pub description_page: String,
    pub description_rd: String,
    /// `<svc>_<op>(A, B, ...)`, wrapped.
    pub usage: String,
    pub args: Vec<Arg>,
    /// The output in the Value syntax; `None` when the output has no members.
    pub value: Option<String>,
    /// The Request syntax; `None` when the operation has no input.
    pub request: Option<String>,
}

/// Greedy wrap of a call at `width` columns (continuation lines indented two spaces, the indent not
/// counted), breaking only after the `, ` between arguments.
pub fn wrap_usage(function: &str, args: &[String], width: usize) -> String {
    let mut lines: Vec<String> = Vec::new();
    let mut line = format!("{function}(");
    for (i, a) in args.iter().enumerate() {
        let piece = if i + 1 < args.len() {
            format!("{a},")
        } else {
            format!("{a})")
        };
        let sep = if line.ends_with('(') { "" } else { " " };
        if !line.ends_with('(') && line.len() + sep.len() + piece.len() > width {
            lines.push(line);
            line = piece;
        } else {
            line.push_str(sep);
            line.push_str(&piece);
        }
    }
    if args.is_empty() {
        line.push(')');
    }
    lines.push(line);
    lines.join("\n  ")
}

/// The title: the documentation's first sentence without its final period, or the operation name
/// in words.
pub fn title(doc: Option<&Doc>, r_op: &str) -> String {
    let t = doc.map(Doc::first_sentence).unwrap_or_default();
    let t = t.trim();
    let t = t.strip_suffix('.').unwrap_or(t).trim();
    if t.is_empty() {
        words(r_op)
    } else {
        t.to_string()
    }
}

/// Compute the docs of `op` (R name `r_op`, function `function`).
pub fn op_docs(
    model: &Model,
    op: &Operation,
    r_op: &str,
    function: &str,
    links: &RenderOptions,
) -> Result<OpDocs, String> {
    let page_opts = RenderOptions {
        width: 0,
        operation_links: links.operation_links.clone(),
    };
    let doc = op.traits.documentation.as_deref().and_then(parse_nonempty);
    // Plain text, not `<code>`: that would become a link to this very page.
    let fallback = format!(
        "<p>Calls the {} API operation (the model has no documentation for it).</p>",
        html_text(&op.name)
    );
    let title = title(doc.as_ref(), r_op);
    let parsed = doc.unwrap_or_else(|| parse_html(&fallback));
    let members = match &op.input {
        Some(id) => model
            .shape(id)
            .ok_or_else(|| format!("input shape `{id}` is missing from the model"))?
            .kind
            .members(),
        None => &[],
    };
    let mut args = Vec::with_capacity(members.len());
    for m in members {
        let d = member_doc(model, m);
        let req = if m.traits.required { "[required] " } else { "" };
        args.push(Arg {
            name: m.name.clone(),
            sym: symbol(&m.name),
            required: m.traits.required,
            markdown: format!("{}{}", escape_roxygen_text(req), d.to_markdown(links)),
            page: format!("{req}{}", d.to_page_markdown(&page_opts)),
            rd: format!("{req}{}", d.to_rd(links)),
        });
    }
    let syms: Vec<String> = args.iter().map(|a| a.sym.clone()).collect();
    let value = match &op.output {
        Some(id) => {
            let shape = model
                .shape(id)
                .ok_or_else(|| format!("output shape `{id}` is missing from the model"))?;
            if shape.kind.members().is_empty() {
                None
            } else {
                Some(value_syntax(model, id)?)
            }
        }
        None => None,
    };
    let request = match &op.input {
        Some(id) => Some(request_syntax(model, id, &symbol(r_op))?),
        None => None,
    };
    Ok(OpDocs {
        title,
        description_md: parsed.to_markdown(links),
        description_page: parsed.to_page_markdown(links),
        description_rd: parsed.to_rd(links),
        usage: wrap_usage(function, &syms, super::WIDTH),
        args,
        value,
        request,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_wraps_like_paws() {
        let args: Vec<String> = [
            "EndpointConfigName",
            "ProductionVariants",
            "DataCaptureConfig",
            "Tags",
            "KmsKeyId",
            "AsyncInferenceConfig",
            "ExplainerConfig",
            "ShadowProductionVariants",
            "ExecutionRoleArn",
            "VpcConfig",
            "EnableNetworkIsolation",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            wrap_usage("sagemaker_create_endpoint_config", &args, 72),
            "sagemaker_create_endpoint_config(EndpointConfigName, ProductionVariants,\n  \
             DataCaptureConfig, Tags, KmsKeyId, AsyncInferenceConfig,\n  \
             ExplainerConfig, ShadowProductionVariants, ExecutionRoleArn, VpcConfig,\n  \
             EnableNetworkIsolation)"
        );
        assert_eq!(wrap_usage("f", &[], 72), "f()");
        assert_eq!(wrap_usage("f", &["a".into()], 72), "f(a)");
    }

    #[test]
    fn titles_drop_the_final_period_or_fall_back_to_words() {
        let doc = parse_html("<p>Deletes a thing.</p>");
        assert_eq!(title(Some(&doc), "delete_thing"), "Deletes a thing");
        assert_eq!(title(None, "delete_thing"), "Delete Thing");
        assert_eq!(
            title(Some(&parse_html("<p>.</p>")), "delete_thing"),
            "Delete Thing"
        );
    }
}
