//! The crate root `lib.rs` (its docs, and the `awsgen-runtime` modules it re-exports) and
//! `patterns.rs` (one lazily compiled `Pattern` per model pattern).

use super::ctx::{Ctx, PatternInfo};
use super::docs;
use super::Settings;
use crate::ir::Protocol;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// `src/patterns.rs`.
pub fn patterns(ctx: &Ctx) -> TokenStream {
    let items = ctx.patterns.iter().filter_map(|(src, info)| match info {
        PatternInfo::Ok { index, flags } => {
            let name = format_ident!("P{}", index);
            let src = Literal::string(src);
            let flags = Literal::string(flags);
            Some(quote!(pub(crate) static #name: ::awsgen_runtime::pattern::Pattern = ::awsgen_runtime::pattern::Pattern::new(#src, #flags);))
        }
        PatternInfo::Invalid(_) => None,
    });
    quote! {
        //! The model's `pattern` constraints, each compiled on first use.
        #![allow(dead_code)]
        #(#items)*
    }
}

/// What the crate's serde impls mean for this protocol.
fn protocol_note(p: &Protocol) -> String {
    match p {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 | Protocol::RestJson1 => format!(
            "The service speaks `{}`: the serde impls produce and read its JSON bodies (member names{}, \
             timestamps per `timestampFormat`, blobs as base64, unions as one-key objects, absent \
             optional members omitted, unknown enum values and union members kept).",
            p.botocore_name(),
            if *p == Protocol::RestJson1 { " or `jsonName`" } else { "" }
        ) + if *p == Protocol::RestJson1 {
            " They cover the HTTP body only: members bound to a header, the query string, a URI \
             label or the status code stay `Option` fields that the impls skip (set them from the \
             HTTP message), and a structure with an `httpPayload` member reads and writes that \
             member's value alone."
        } else {
            ""
        } + " Every operation has a module under [`operations`]: `serialize_request` builds its \
             `http::Request<Vec<u8>>` (method, path and query, headers, body; the endpoint, signing \
             and sending are the caller's, e.g. `awsgen_runtime::pipeline`), `parse_response` reads an \
             `http::Response<Vec<u8>>` into the output or the operation's `Error` (a variant per \
             modeled error, and `Unhandled` keeping status, code, message and raw body).",
        other => format!(
            "The service speaks `{}`, which is not JSON: this crate gives types, builders and validation; \
             its serde impls are a JSON form of the types (member names as keys), not the service's wire format.",
            other.botocore_name()
        ),
    }
}

/// `src/lib.rs`.
pub fn lib_rs(ctx: &Ctx, settings: &Settings, patterns: bool, operations: bool) -> TokenStream {
    let svc = &ctx.model.service;
    let title = svc.full_name.clone().unwrap_or_else(|| svc.name.clone());
    let mut text = vec![
        docs::code(&settings.crate_name).replace('`', "") + ": " + &settings.description,
        format!(
            "Types for {} (API version {}), generated from the service model.",
            docs::code(&title),
            docs::code(&svc.api_version)
        ),
        "Every structure has a builder (`Type::builder()...build()`, which names every missing \
         required member) and `validate()` (every `length`, `range`, `pattern`, enum, `uniqueItems` \
         and union constraint, with paths such as `Items[0].Name`). Enums keep values this crate does \
         not know as `Unknown`."
            .to_string(),
        protocol_note(&svc.protocol),
    ];
    let mut ops = Vec::new();
    for op in ctx.model.operations.values() {
        let link = |id: &Option<String>| {
            id.as_ref()
                .and_then(|i| ctx.types.get(i.as_str()))
                .map(|n| format!("[`{}`]", n.type_name))
                .unwrap_or_else(|| "nothing".into())
        };
        ops.push(format!(
            "- {}: {} -> {}",
            docs::code(&op.name),
            link(&op.input),
            link(&op.output)
        ));
    }
    if !ops.is_empty() {
        text.push(format!(
            "Operations (input -> output):\n\n{}",
            ops.join("\n")
        ));
    }
    let doc: Vec<TokenStream> = docs::join(&text)
        .lines()
        .map(|l| {
            let lit = if l.is_empty() {
                Literal::string("")
            } else {
                Literal::string(&format!(" {l}"))
            };
            quote!(#![doc = #lit])
        })
        .collect();
    let skip = quote!(#[rustfmt::skip]);
    let pattern_mods = if patterns {
        quote! {
            #skip mod patterns;
        }
    } else {
        TokenStream::new()
    };
    let operations = if operations {
        let client = ctx
            .model
            .service
            .endpoint_rules
            .is_some()
            .then(|| quote!(#skip pub mod client;));
        quote! {
            #client
            #skip pub mod operations;
        }
    } else {
        TokenStream::new()
    };
    quote! {
        #(#doc)*
        #![allow(
            deprecated,
            clippy::large_enum_variant,
            clippy::module_inception,
            clippy::enum_variant_names,
            clippy::upper_case_acronyms,
            clippy::doc_lazy_continuation,
            clippy::too_long_first_doc_paragraph,
            clippy::doc_overindented_list_items
        )]

        #![cfg_attr(rustfmt, rustfmt::skip)]

        #[rustfmt::skip]
        pub mod builders;
        #[doc(inline)]
        pub use ::awsgen_runtime::error;
        #operations
        #[doc(inline)]
        pub use ::awsgen_runtime::primitives;
        #[rustfmt::skip]
        pub mod types;
        #skip mod schema;
        use ::awsgen_runtime::schema as rt;
        #pattern_mods

        pub use types::*;
    }
}
