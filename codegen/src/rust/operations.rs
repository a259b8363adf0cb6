//! Operations of a JSON-protocol crate (awsJson1_0, awsJson1_1, restJson1): `src/operations.rs` and
//! one module per operation holding `serialize_request` (input -> `http::Request<Vec<u8>>`),
//! `parse_response` (`http::Response<Vec<u8>>` -> output or the operation's `Error`) and that
//! `Error` enum (a variant per modeled error, plus `Unhandled` keeping status, code, message and raw
//! body). restJson1's HTTP bindings are in `rest`; protocol helpers in the `awsgen-runtime` crate.

use super::ctx::{ident, Ctx, Field};
use super::{docs, rest};
use crate::ir::{Operation, Protocol, Shape, ShapeKind};
use crate::naming::rust as naming;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

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

/// The runtime's protocol module.
fn rt() -> TokenStream {
    quote!(::awsgen_runtime::protocol)
}

/// A structure shape of the model (operation input, output or error).
fn structure<'a>(ctx: &Ctx<'a>, id: &Option<String>) -> Option<&'a Shape> {
    let s = ctx.shape(id.as_deref()?)?;
    matches!(s.kind, ShapeKind::Structure(_)).then_some(s)
}

/// `src/operations/<module>.rs`.
pub fn operation(ctx: &Ctx, op: &Operation, module: &str) -> TokenStream {
    let input = structure(ctx, &op.input);
    let output = structure(ctx, &op.output);
    let serialize = serialize_fn(ctx, op, input);
    let parse = parse_fns(ctx, output);
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
        #serialize
        #parse
        #errors
    }
}

/// `serialize_request`: the input as an HTTP request (URI: path and query only).
fn serialize_fn(ctx: &Ctx, op: &Operation, input: Option<&Shape>) -> TokenStream {
    let p = rt();
    let fields = input.map(|s| ctx.fields(s)).unwrap_or_default();
    let (param, fill) = match input {
        Some(s) => {
            let t = ctx.type_path(&s.id);
            (quote!(input: &#t), fill_tokens(&fields))
        }
        None => (TokenStream::new(), TokenStream::new()),
    };
    let build = match &ctx.model.service.protocol {
        Protocol::RestJson1 => rest::request(ctx, op, input, &fields),
        other => {
            let version = if *other == Protocol::AwsJson1_0 {
                "1.0"
            } else {
                "1.1"
            };
            let content_type = Literal::string(&format!("application/x-amz-json-{version}"));
            let prefix = ctx
                .model
                .service
                .target_prefix
                .as_deref()
                .unwrap_or(&ctx.model.service.name);
            let target = Literal::string(&format!("{prefix}.{}", op.name));
            let body = if input.is_some() {
                quote!(::serde_json::to_vec(input).map_err(|e| #p::SerializeError::new(e.to_string()))?)
            } else {
                quote!(b"{}".to_vec())
            };
            let query_mode =
                query_compatible(ctx).then(|| quote!(r.header("x-amzn-query-mode", "true")?;));
            quote! {
                let mut r = #p::RequestBuilder::new("POST", "/".to_string());
                r.header("X-Amz-Target", #target)?;
                #query_mode
                r.body(#content_type, #body)?;
            }
        }
    };
    let host = host_prefix(op, &fields);
    let doc = Literal::string(&format!(
        " The HTTP request of {}: method, URI (path and query; the endpoint gives scheme and host), \
         headers and body.{}",
        docs::code(&op.name),
        if fields.iter().any(|f| f.member.traits.idempotency_token) {
            " An unset idempotency token is filled with a fresh UUID (version 4)."
        } else {
            ""
        }
    ));
    quote! {
        #[doc = #doc]
        ///
        /// Fails when a member bound to a URI or host label is unset or empty, or a header value
        /// cannot travel in HTTP.
        pub fn serialize_request(#param) -> Result<::awsgen_runtime::http::Request<Vec<u8>>, #p::SerializeError> {
            #fill
            #build
            #host
            r.build()
        }
    }
}

/// Fill unset `idempotencyToken` members (on a copy of the input) with a fresh UUID.
fn fill_tokens(fields: &[Field]) -> TokenStream {
    let tokens: Vec<_> = fields
        .iter()
        .filter(|f| f.member.traits.idempotency_token && !f.plain)
        .map(|f| ident(&f.ident))
        .collect();
    if tokens.is_empty() {
        return TokenStream::new();
    }
    quote! {
        let filled = if #(input.#tokens.is_none())||* {
            let mut f = input.clone();
            #(f.#tokens.get_or_insert_with(::awsgen_runtime::protocol::idempotency_token);)*
            Some(f)
        } else {
            None
        };
        let input = filled.as_ref().unwrap_or(input);
    }
}

/// The `endpoint` trait's host prefix, its `{Label}`s filled from input members.
fn host_prefix(op: &Operation, fields: &[Field]) -> TokenStream {
    let Some(template) = &op.traits.host_prefix else {
        return TokenStream::new();
    };
    let p = rt();
    let parts = rest::template_parts(template)
        .into_iter()
        .map(|(text, label)| {
            if !label {
                let lit = Literal::string(&text);
                return quote!(host.push_str(#lit););
            }
            let Some(f) = fields.iter().find(|f| f.member.name == text) else {
                let lit = Literal::string(&text);
                return quote!(return Err(#p::SerializeError::missing_label(#lit)););
            };
            let name = ident(&f.ident);
            let wire = Literal::string(&f.member.name);
            let value = if f.plain {
                quote!(input.#name.as_str())
            } else {
                quote!(input.#name.as_deref().unwrap_or_default())
            };
            quote! {
                let v: &str = #value;
                if v.is_empty() {
                    return Err(#p::SerializeError::missing_label(#wire));
                }
                host.push_str(v);
            }
        });
    quote! {
        let mut host = String::new();
        #(#parts)*
        r.host_prefix(host);
    }
}

/// `parse_response` and the readers of the output and error structures.
fn parse_fns(ctx: &Ctx, output: Option<&Shape>) -> TokenStream {
    let p = rt();
    let (ty, read, reader) = match output {
        Some(s) => {
            let t = ctx.type_path(&s.id);
            let reader = reader_fn(ctx, s, &format_ident!("read_output"));
            (
                t,
                quote!(read_output(response).map_err(|problem| Error::Unhandled(#p::Unhandled::malformed(response, problem)))),
                reader,
            )
        }
        None => (quote!(()), quote!(Ok(())), TokenStream::new()),
    };
    quote! {
        /// Read the HTTP response: the output for a 2xx status, else the operation's [`Error`] (an
        /// unreadable body or header gives [`Error::Unhandled`] with its `problem` set).
        pub fn parse_response(response: &::awsgen_runtime::http::Response<Vec<u8>>) -> Result<#ty, Error> {
            if !response.status().is_success() {
                return Err(parse_error(response));
            }
            #read
        }

        #reader
    }
}

/// `fn <name>(response) -> Result<T, String>`: a structure read from the body (and under restJson1
/// from its bound headers and status code).
fn reader_fn(ctx: &Ctx, s: &Shape, name: &proc_macro2::Ident) -> TokenStream {
    let t = ctx.type_path(&s.id);
    let body = match ctx.model.service.protocol {
        Protocol::RestJson1 => rest::read_structure(ctx, s),
        _ => quote! {
            ::serde_json::from_slice::<#t>(::awsgen_runtime::protocol::json_body(response.body())).map_err(|e| e.to_string())
        },
    };
    quote! {
        fn #name(response: &::awsgen_runtime::http::Response<Vec<u8>>) -> Result<#t, String> {
            #body
        }
    }
}

/// The codes an error shape answers to: its name, and under `awsQueryCompatible` its query code.
fn error_codes(ctx: &Ctx, s: &Shape) -> Vec<String> {
    let mut codes = vec![s.name.clone()];
    let query = [("error", "code"), ("aws.protocols#awsQueryError", "code")]
        .iter()
        .filter_map(|(t, k)| {
            s.traits
                .other
                .get(*t)?
                .get(*k)?
                .as_str()
                .map(str::to_string)
        });
    if query_compatible(ctx) {
        codes.extend(query);
    }
    codes.dedup();
    codes
}

/// Does the service carry `awsQueryCompatible` (botocore metadata or Smithy trait)?
fn query_compatible(ctx: &Ctx) -> bool {
    let t = &ctx.model.service.traits.other;
    t.contains_key("awsQueryCompatible") || t.contains_key("aws.protocols#awsQueryCompatible")
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

/// The operation's `Error` enum, its accessors, and `parse_error`.
fn error_enum(ctx: &Ctx, op: &Operation) -> TokenStream {
    let p = rt();
    // Each error's shape, variant and message member (looked up once: four places read it).
    let errors: Vec<_> = error_variants(ctx, op)
        .into_iter()
        .map(|(s, v)| (s, ident(&v), message_field(ctx, s)))
        .collect();
    let variants = errors.iter().map(|(s, v, msg)| {
        let t = ctx.type_path(&s.id);
        if msg.is_some() {
            let doc = Literal::string(&format!(" The modeled error {}.", docs::code(&s.name)));
            quote!(#[doc = #doc] #v(#t),)
        } else {
            let doc = Literal::string(&format!(
                " The modeled error {}, and the message the response carried (the shape models \
                 none).",
                docs::code(&s.name)
            ));
            quote!(#[doc = #doc] #v(#t, Option<String>),)
        }
    });
    let code_arms = errors.iter().map(|(s, v, msg)| {
        // Under awsQueryCompatible, the query code when the shape has one (as botocore reports it).
        let c = Literal::string(error_codes(ctx, s).last().unwrap_or(&s.name));
        match msg {
            Some(_) => quote!(Self::#v(_) => Some(#c),),
            None => quote!(Self::#v(..) => Some(#c),),
        }
    });
    let message_arms = errors.iter().map(|(_, v, msg)| match msg {
        Some(f) if f.plain => {
            let n = ident(&f.ident);
            quote!(Self::#v(e) => Some(e.#n.as_str()),)
        }
        Some(f) => {
            let n = ident(&f.ident);
            quote!(Self::#v(e) => e.#n.as_deref(),)
        }
        None => quote!(Self::#v(_, m) => m.as_deref(),),
    });
    let readers = errors
        .iter()
        .enumerate()
        .map(|(i, (s, _, _))| reader_fn(ctx, s, &format_ident!("read_error_{}", i)));
    let parse_arms = errors.iter().enumerate().map(|(i, (s, v, msg))| {
        let codes = error_codes(ctx, s).into_iter().map(|c| Literal::string(&c));
        let read = format_ident!("read_error_{}", i);
        let made = match msg {
            Some(_) => quote!(Error::#v(e)),
            None => quote!(Error::#v(e, info.message.clone())),
        };
        quote! {
            #(Some(#codes))|* => match #read(response) {
                Ok(e) => #made,
                Err(problem) => Error::Unhandled(#p::Unhandled::malformed(response, problem)),
            },
        }
    });
    let qc = query_compatible(ctx);
    let (display, parse) = if errors.is_empty() {
        (
            quote! {
                let Self::Unhandled(u) = self;
                ::std::fmt::Display::fmt(u, f)
            },
            quote!(Error::Unhandled(#p::Unhandled::new(response, #p::ErrorInfo::read(response, #qc)))),
        )
    } else {
        (
            quote! {
                match (self, self.message()) {
                    (Self::Unhandled(u), _) => ::std::fmt::Display::fmt(u, f),
                    (_, Some(m)) => write!(f, "{}: {m}", self.code().unwrap_or_default()),
                    (_, None) => f.write_str(self.code().unwrap_or_default()),
                }
            },
            quote! {
                let info = #p::ErrorInfo::read(response, #qc);
                match info.code.as_deref() {
                    #(#parse_arms)*
                    _ => Error::Unhandled(#p::Unhandled::new(response, info)),
                }
            },
        )
    };
    let doc = Literal::string(&format!(" What {} can fail with.", docs::code(&op.name)));
    quote! {
        #[doc = #doc]
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum Error {
            #(#variants)*
            /// An error response the model does not list for this operation, or a response that
            /// could not be read (then `problem` says why): status, code, message and raw body.
            Unhandled(#p::Unhandled),
        }

        impl Error {
            /// The error code (the error shape's name for a modeled error).
            pub fn code(&self) -> Option<&str> {
                match self {
                    #(#code_arms)*
                    Self::Unhandled(u) => u.code.as_deref(),
                }
            }

            /// The error message, when the response carried one.
            pub fn message(&self) -> Option<&str> {
                match self {
                    #(#message_arms)*
                    Self::Unhandled(u) => u.message.as_deref(),
                }
            }
        }

        impl ::std::fmt::Display for Error {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #display
            }
        }

        impl ::std::error::Error for Error {}

        /// The error of a non-2xx response, by its code.
        fn parse_error(response: &::awsgen_runtime::http::Response<Vec<u8>>) -> Error {
            #parse
        }

        #(#readers)*
    }
}
