//! Operations of a JSON-protocol crate (awsJson1_0, awsJson1_1, restJson1): `src/operations.rs` and
//! one module per operation holding `serialize_request` (input -> `http::Request<Vec<u8>>`),
//! `parse_response` (`http::Response<Vec<u8>>` -> output or the operation's `Error`) and that
//! `Error` enum (a variant per modeled error, plus `Unhandled` keeping status, code, message and raw
//! body). restJson1's HTTP bindings are in `rest`; protocol helpers in the `awsgen-runtime` crate.

use super::ctx::{ident, Ctx};
use super::docs;
use crate::ir::{Operation, Protocol, Shape, ShapeKind};
use crate::naming::rust as naming;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The operations' module names, in model order (by operation name), claimed in one scope.
pub fn modules<'a>(ctx: &Ctx<'a>) -> Vec<(&'a Operation, String)> {
    if !ctx.model.service.protocol.is_json() {
        return Vec::new();
    }
    let mut scope = naming::Scope::with_reserved(&["mod"]);
    ctx.model
        .operations
        .values()
        .map(|op| (op, scope.claim(&naming::module_name(&op.name))))
        .collect()
}

/// `src/operations.rs`: a module per operation.
pub fn root(ops: &[(&Operation, String)]) -> TokenStream {
    let items = ops.iter().map(|(op, m)| {
        let m = ident(m);
        let doc = Literal::string(&format!(" The {} operation.", docs::code(&op.name)));
        quote! {
            #[doc = #doc]
            #[rustfmt::skip]
            pub mod #m;
        }
    });
    quote! {
        //! One module per operation: `serialize_request` builds its HTTP request from the input,
        //! `parse_response` reads its HTTP response into the output or the operation's `Error`.
        #(#items)*
    }
}

/// A structure shape of the model (operation input, output or error).
fn structure<'a>(ctx: &Ctx<'a>, id: &Option<String>) -> Option<&'a Shape> {
    let s = ctx.shape(id.as_deref()?)?;
    matches!(s.kind, ShapeKind::Structure(_)).then_some(s)
}

/// `src/operations/<module>.rs`: one runtime macro call with the operation's schema, its input
/// and output types, and its modeled errors.
pub fn operation(ctx: &Ctx, op: &Operation, module: &str) -> TokenStream {
    let input = structure(ctx, &op.input);
    let output = structure(ctx, &op.output);
    let (schema, serialize_doc) = schema_fields(ctx, op, input);
    let input = match input {
        Some(s) => {
            let t = ctx.type_path(&s.id);
            quote!((#t))
        }
        None => quote!(none),
    };
    let output = match output {
        Some(s) => {
            let t = ctx.type_path(&s.id);
            quote!((#t))
        }
        None => quote!(none),
    };
    let errors = error_enum(ctx, op);
    let m = format!("crate::operations::{module}");
    let doc = Literal::string(&format!(
        " The {} operation: [`serialize_request`]({m}::serialize_request) turns its input into an \
         HTTP request, [`parse_response`]({m}::parse_response) reads its HTTP response into the \
         output or an [`Error`]({m}::Error).",
        docs::code(&op.name)
    ));
    quote! {
        #![doc = #doc]
        ::awsgen_runtime::schema::operation! {
            schema: { #schema },
            serialize_doc: #serialize_doc,
            input: #input,
            output: #output,
            #errors
        }
    }
}

/// The fields of the operation's `Operation` schema, and the doc of its `serialize_request`.
fn schema_fields(ctx: &Ctx, op: &Operation, input: Option<&Shape>) -> (TokenStream, Literal) {
    let s = schema();
    let fields = input.map(|s| ctx.fields(s)).unwrap_or_default();
    let protocol = ident(match ctx.model.service.protocol {
        Protocol::AwsJson1_0 => "AwsJson1_0",
        Protocol::RestJson1 => "RestJson1",
        _ => "AwsJson1_1",
    });
    let prefix = ctx
        .model
        .service
        .target_prefix
        .as_deref()
        .unwrap_or(&ctx.model.service.name);
    let target = Literal::string(&format!("{prefix}.{}", op.name));
    let (method, uri) = match (&ctx.model.service.protocol, &op.traits.http) {
        (Protocol::RestJson1, Some(h)) => (h.method.as_str(), h.uri.as_str()),
        _ => ("POST", "/"),
    };
    let (method, uri) = (Literal::string(method), Literal::string(uri));
    let name = Literal::string(&op.name);
    let host = match &op.traits.host_prefix {
        Some(template) => {
            let labels = ::awsgen_runtime::schema::http::template_parts(template)
                .into_iter()
                .filter(|(_, label)| *label)
                .filter_map(|(text, _)| {
                    let i = fields.iter().position(|f| f.member.name == text)?;
                    let text = Literal::string(text);
                    Some(quote!((#text, #i)))
                });
            let t = Literal::string(template);
            quote!(Some((#t, &[#(#labels),*])))
        }
        None => quote!(None),
    };
    let qc = query_compatible(ctx);
    let doc = Literal::string(&format!(
        " The HTTP request of {}: method, URI (path and query; the endpoint gives scheme and host), \
         headers and body.{}\n\n Fails when a member bound to a URI or host label is unset or \
         empty, or a header value cannot travel in HTTP.",
        docs::code(&op.name),
        if fields.iter().any(|f| f.member.traits.idempotency_token) {
            " An unset idempotency token is filled with a fresh UUID (version 4)."
        } else {
            ""
        }
    ));
    let fields = quote! {
        name: #name,
        protocol: #s::Protocol::#protocol,
        target: #target,
        method: #method,
        uri: #uri,
        host_prefix: #host,
        query_compatible: #qc,
    };
    (fields, doc)
}

/// The runtime's schema module.
fn schema() -> TokenStream {
    quote!(::awsgen_runtime::schema)
}

/// The codes an error shape answers to: its name, and under `awsQueryCompatible` its query code.
fn error_codes(ctx: &Ctx, s: &Shape) -> Vec<String> {
    let mut codes = vec![s.name.clone()];
    if query_compatible(ctx) {
        codes.extend(s.traits.query_error.as_ref().map(|e| e.code.clone()));
    }
    codes.dedup();
    codes
}

/// Does the service carry `awsQueryCompatible` (botocore metadata or Smithy trait)?
fn query_compatible(ctx: &Ctx) -> bool {
    ctx.model.service.traits.aws_query_compatible
}

/// The modeled errors of an operation and their variant names in its `Error` enum.
pub fn error_variants<'a>(ctx: &Ctx<'a>, op: &Operation) -> Vec<(&'a Shape, String)> {
    let mut scope = naming::Scope::with_reserved(&["Unhandled"]);
    let mut seen = std::collections::BTreeSet::new();
    op.errors
        .iter()
        .filter(|id| seen.insert(id.as_str()))
        .filter_map(|id| ctx.shape(id))
        .filter(|s| {
            matches!(s.kind, ShapeKind::Structure(_)) && ctx.types.contains_key(s.id.as_str())
        })
        .map(|s| (s, scope.claim(&naming::variant_name(&s.name))))
        .collect()
}

/// The member of error shape `s` that holds its message (`message`, `Message`, `errorMessage`,
/// a string); without one, the `Error` variant keeps the message the response carried beside it.
fn message_field<'a>(ctx: &Ctx<'a>, s: &'a Shape) -> Option<super::ctx::Field<'a>> {
    ctx.fields(s).into_iter().find(|f| {
        matches!(
            f.member.name.to_ascii_lowercase().as_str(),
            "message" | "errormessage"
        ) && ctx
            .shape(&f.member.target)
            .is_some_and(|t| matches!(t.kind, ShapeKind::String))
    })
}

/// The operation's `Error` enum, its accessors, and `parse_error`: one runtime macro call
/// listing the modeled errors, their codes and message members.
fn error_enum(ctx: &Ctx, op: &Operation) -> TokenStream {
    let errors = error_variants(ctx, op);
    let mut with = Vec::new();
    let mut without = Vec::new();
    for (s, v) in &errors {
        let t = ctx.type_path(&s.id);
        let v = ident(v);
        let codes: Vec<String> = error_codes(ctx, s);
        // Under awsQueryCompatible, `code()` reports the query code when the shape has one.
        let code = Literal::string(codes.last().unwrap_or(&s.name));
        let codes = codes.iter().map(|c| Literal::string(c));
        match message_field(ctx, s) {
            Some(f) => {
                let doc = Literal::string(&format!(" The modeled error {}.", docs::code(&s.name)));
                let m = ident(&f.ident);
                with.push(quote!(#[doc = #doc] #v(#t) codes [#(#codes),*] code #code message #m,));
            }
            None => {
                let doc = Literal::string(&format!(
                    " The modeled error {}, and the message the response carried (the shape \
                     models none).",
                    docs::code(&s.name)
                ));
                without.push(quote!(#[doc = #doc] #v(#t) codes [#(#codes),*] code #code,));
            }
        }
    }
    let qc = query_compatible(ctx);
    let doc = Literal::string(&format!(" What {} can fail with.", docs::code(&op.name)));
    quote! {
        error_doc: #doc,
        query_compatible: #qc,
        with_message: [#(#with)*],
        without_message: [#(#without)*],
    }
}
