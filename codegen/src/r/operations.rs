//! `R/<svc>_operations.R` (one function per operation, with its roxygen block) and
//! `R/<svc>_interfaces.R` (`.<svc>$<op>_input` / `_output`).

use super::escape::{r_string, roxygen_lines, roxygen_tag, roxygen_verbatim};
use super::interfaces::shape_expression;
use super::{render, Ctx, OpView, NOTICE};
use crate::docs::escape_roxygen_text;
use crate::ir::{Operation, ShapeKind};
use crate::naming::r::symbol;
use askama::Template;
use rayon::prelude::*;

#[derive(Template)]
#[template(path = "r/operation.R", escape = "none")]
struct OperationView<'a> {
    roxygen: String,
    function: &'a str,
    params: String,
    input_first: bool,
    svc: &'a str,
    op: &'a str,
    op_symbol: String,
    input_args: String,
    name: String,
    http_method: String,
    http_path: String,
    host_prefix: String,
    paginator: String,
    stream_api: &'static str,
}

#[derive(Template)]
#[template(path = "r/operations.R", escape = "none")]
struct OperationsFile<'a> {
    notice: &'a str,
    svc: &'a str,
    ops: Vec<String>,
}

#[derive(Template)]
#[template(path = "r/interface.R", escape = "none")]
struct InterfaceView<'a> {
    svc: &'a str,
    name: String,
    shape: Option<String>,
}

#[derive(Template)]
#[template(path = "r/interfaces.R", escape = "none")]
struct InterfacesFile<'a> {
    notice: &'a str,
    svc: &'a str,
    interfaces: Vec<String>,
}

/// Local variables of an operation function: an argument with one of these names must be read
/// before `op` is assigned.
const LOCALS: &[&str] = &[
    "op", "input", "output", "config", "svc", "request", "response",
];

/// The name in `@param`: roxygen2 matches the bare name (even `if` or `Café`) against the function's
/// formals; a name with whitespace cannot be written there and stays backtick-quoted.
fn roxygen_param_name(a: &super::opdoc::Arg) -> String {
    if a.name.is_empty() || a.name.chars().any(|c| c.is_whitespace() || c.is_control()) {
        a.sym.replace('@', "@@")
    } else {
        a.name.replace('@', "@@")
    }
}

/// The roxygen block of one operation (what the Rd page says, in roxygen markdown).
fn roxygen(o: &OpView) -> String {
    let d = &o.docs;
    let mut out = String::with_capacity(4096);
    roxygen_lines(&escape_roxygen_text(&d.title), &mut out);
    out.push_str("#'\n#' @description\n");
    roxygen_lines(&d.description_md, &mut out);
    out.push_str("#'\n#' @usage\n");
    roxygen_verbatim(&d.usage, &mut out);
    for a in &d.args {
        out.push_str("#'\n");
        roxygen_tag(
            "param",
            &format!("{} {}", roxygen_param_name(a), a.markdown),
            &mut out,
        );
    }
    out.push_str("#'\n#' @return\n");
    match &d.value {
        Some(v) => {
            out.push_str("#' A list with the following syntax:\n#' ```\n");
            roxygen_verbatim(v, &mut out);
            out.push_str("#' ```\n");
        }
        None => out.push_str("#' An empty list.\n"),
    }
    if let Some(r) = &d.request {
        out.push_str("#'\n#' @section Request syntax:\n#' ```\n");
        roxygen_verbatim(r, &mut out);
        out.push_str("#' ```\n");
    }
    out.push_str("#'\n#' @keywords internal\n#'\n");
    out.push_str(&format!("#' @rdname {}", o.function));
    out
}

/// `paginator = list(...)` for a paginated operation, `list()` otherwise.
fn paginator(op: &Operation) -> String {
    let Some(p) = &op.paginated else {
        return "list()".into();
    };
    let mut parts = Vec::new();
    for (key, value) in [
        ("input_token", &p.input_token),
        ("output_token", &p.output_token),
        ("limit_key", &p.page_size),
    ] {
        if let Some(v) = value {
            parts.push(format!("{key} = {}", r_string(v)));
        }
    }
    match p.items.as_slice() {
        [] => {}
        [one] => parts.push(format!("result_key = {}", r_string(one))),
        many => parts.push(format!(
            "result_key = list({})",
            many.iter()
                .map(|s| r_string(s))
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
    format!("list({})", parts.join(", "))
}

/// True when the output has an event-stream member.
fn stream_api(ctx: &Ctx, op: &Operation) -> bool {
    let Some(out) = op.output.as_deref().and_then(|id| ctx.model.shape(id)) else {
        return false;
    };
    out.kind.members().iter().any(|m| {
        ctx.model
            .shape(&m.target)
            .is_some_and(|t| t.traits.streaming && matches!(t.kind, ShapeKind::Union(_)))
    })
}

fn operation(ctx: &Ctx, o: &OpView) -> Result<String, String> {
    let args = &o.docs.args;
    let params = args
        .iter()
        .map(|a| {
            if a.required {
                a.sym.clone()
            } else {
                format!("{} = NULL", a.sym)
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    let input_args = args
        .iter()
        .map(|a| format!("{0} = {0}", a.sym))
        .collect::<Vec<_>>()
        .join(", ");
    let (method, path) = match &o.op.traits.http {
        Some(h) => (h.method.as_str(), h.uri.as_str()),
        None => ("POST", "/"),
    };
    let view = OperationView {
        roxygen: roxygen(o),
        function: &o.function,
        params,
        input_first: args.iter().any(|a| LOCALS.contains(&a.name.as_str())),
        svc: &ctx.svc,
        op: &o.r_name,
        op_symbol: symbol(&o.r_name),
        input_args,
        name: r_string(&o.op.name),
        http_method: r_string(method),
        http_path: r_string(path),
        host_prefix: r_string(o.op.traits.host_prefix.as_deref().unwrap_or("")),
        paginator: paginator(o.op),
        stream_api: if stream_api(ctx, o.op) {
            "TRUE"
        } else {
            "FALSE"
        },
    };
    render(&format!("operation {}", o.op.name), &view).map(|s| s.trim_end().to_string())
}

/// The whole `R/<svc>_operations.R`.
pub fn operations_file(ctx: &Ctx) -> Result<String, String> {
    let ops = ctx
        .ops
        .par_iter()
        .map(|o| operation(ctx, o))
        .collect::<Result<Vec<_>, _>>()?;
    render(
        "operations file",
        &OperationsFile {
            notice: NOTICE,
            svc: &ctx.svc,
            ops,
        },
    )
}

/// The whole `R/<svc>_interfaces.R`.
pub fn interfaces_file(ctx: &Ctx) -> Result<String, String> {
    let interfaces = ctx
        .ops
        .par_iter()
        .map(|o| {
            let mut pair = Vec::with_capacity(2);
            for (suffix, id) in [("input", &o.op.input), ("output", &o.op.output)] {
                let shape = match id {
                    Some(id) => Some(
                        shape_expression(ctx.model, id)
                            .map_err(|e| format!("operation `{}`: {e}", o.op.name))?,
                    ),
                    None => None,
                };
                let view = InterfaceView {
                    svc: &ctx.svc,
                    name: format!("{}_{suffix}", o.r_name),
                    shape,
                };
                pair.push(render("interface", &view)?.trim().to_string());
            }
            Ok(pair)
        })
        .collect::<Result<Vec<_>, String>>()?
        .concat();
    render(
        "interfaces file",
        &InterfacesFile {
            notice: NOTICE,
            svc: &ctx.svc,
            interfaces,
        },
    )
}
