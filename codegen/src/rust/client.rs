//! `src/client.rs` of a crate with operations: `Client::new(Config)` (the runtime's
//! `awsgen_runtime::client` config and core), one method per operation (validate, serialize,
//! resolve the endpoint from the model's embedded rule set, sign, send, parse), and for paginated
//! operations `<op>_pages` (an iterator over outputs) and, when the model names one list of items,
//! `<op>_items` (an iterator over them). Emitted only when the model carries an endpoint rule set.

use super::ctx::{ident, Ctx, Field};
use super::docs;
use crate::ir::{Operation, ShapeKind};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// Whether the crate gets a client: it has operations and an endpoint rule set.
pub fn wanted(ctx: &Ctx, ops: &[(&Operation, String)]) -> bool {
    !ops.is_empty() && ctx.model.service.endpoint_rules.is_some()
}

/// `src/client.rs`.
pub fn client(ctx: &Ctx, ops: &[(&Operation, String)], crate_name: &str) -> TokenStream {
    let svc = &ctx.model.service;
    let rules = svc
        .endpoint_rules
        .as_ref()
        .map(|r| r.to_string())
        .unwrap_or_default();
    let rules = Literal::string(&rules);
    let signing = svc
        .signing_name
        .clone()
        .or_else(|| svc.endpoint_prefix.clone())
        .unwrap_or_else(|| svc.name.to_lowercase());
    let signing = Literal::string(&signing);
    let methods = ops.iter().map(|(op, m)| method(ctx, op, m));
    let example = example(ctx, ops, crate_name);
    quote! {
        //! The service client: [`Client::new`] takes a [`Config`] (region, credentials, an optional
        //! custom endpoint URL, FIPS and dual-stack, retries, timeouts, transport); each operation
        //! method validates its input (an invalid input is refused with every violation and nothing
        //! is sent), resolves the endpoint from the model's own rule set, signs with SigV4, sends
        //! with retries and reads the response.
        //!
        #(#example)*
        #![allow(clippy::type_complexity)]

        pub use ::awsgen_runtime::client::{Config, ConfigError};

        /// How an operation call failed: validation, serialization, endpoint, sending, or the
        /// service's own error (`E`, the operation's `Error`).
        pub type OperationError<E> = ::awsgen_runtime::client::OperationError<E, crate::error::ValidationError>;

        /// The service's endpoint rule set, as the model carries it.
        pub const ENDPOINT_RULES: &str = #rules;

        /// The SigV4 signing name (an endpoint's auth scheme may name another).
        pub const SIGNING_NAME: &str = #signing;

        /// A client of the service. Cheap to share by reference across threads.
        #[derive(Debug)]
        pub struct Client {
            core: ::awsgen_runtime::client::ClientCore,
        }

        impl Client {
            /// A client for this configuration: fails when it has no region or credentials (or
            /// no transport without the default one) or resolves to no endpoint.
            pub fn new(config: Config) -> Result<Self, ConfigError> {
                let core = ::awsgen_runtime::client::ClientCore::new(config, ENDPOINT_RULES, SIGNING_NAME)?;
                Ok(Self { core })
            }

            /// The shared pipeline (e.g. to read the retry quota).
            pub fn pipeline(&self) -> &::awsgen_runtime::pipeline::Pipeline {
                self.core.pipeline()
            }

            #(#methods)*
        }
    }
}

/// The operation's method, and its paginators.
fn method(ctx: &Ctx, op: &Operation, module: &str) -> TokenStream {
    let m = ident(module);
    let name = format_ident!("{}", module.trim_start_matches("r#"));
    let input = op
        .input
        .as_ref()
        .and_then(|i| ctx.types.get(i.as_str()).map(|_| ctx.type_path(i)));
    let output = match op
        .output
        .as_ref()
        .filter(|o| ctx.types.contains_key(o.as_str()))
    {
        Some(o) => ctx.type_path(o),
        None => quote!(()),
    };
    let err = quote!(OperationError<crate::operations::#m::Error>);
    let doc = Literal::string(&format!(
        " Calls {}: see [`{}::serialize_request`](crate::operations::{}::serialize_request).",
        docs::code(&op.name),
        module,
        module
    ));
    let (param, arg) = match &input {
        Some(t) => (quote!(input: &#t), quote!(Some(input))),
        None => (TokenStream::new(), quote!(None)),
    };
    let pages = input
        .as_ref()
        .and_then(|t| paginators(ctx, op, &name, t, &output, &err));
    let context = super::context_params::context(ctx, op);
    quote! {
        #[doc = #doc]
        pub fn #name(&self, #param) -> Result<#output, #err> {
            let op = &crate::operations::#m::OPERATION;
            self.core.call(op, #arg, crate::operations::#m::parse_response, #context)
        }
        #pages
    }
}

/// A top-level member of the structure `id` by its model name.
fn field<'a>(ctx: &Ctx<'a>, id: Option<&String>, member: &str) -> Option<Field<'a>> {
    let shape = ctx.shape(id?)?;
    ctx.fields(shape)
        .into_iter()
        .find(|f| f.member.name == member)
}

/// Whether a member targets a string shape.
fn is_string(ctx: &Ctx, f: &Field) -> bool {
    matches!(
        ctx.shape(&f.member.target).map(|s| &s.kind),
        Some(ShapeKind::String)
    )
}

/// `<op>_pages` and `<op>_items` when the operation is paginated by top-level string tokens
/// (nested token paths are not supported: no paginator then).
fn paginators(
    ctx: &Ctx,
    op: &Operation,
    name: &proc_macro2::Ident,
    input: &TokenStream,
    output: &TokenStream,
    err: &TokenStream,
) -> Option<TokenStream> {
    let p = op.paginated.as_ref()?;
    let in_tok = field(ctx, op.input.as_ref(), p.input_token.as_deref()?)?;
    let out_tok = field(ctx, op.output.as_ref(), p.output_token.as_deref()?)?;
    if in_tok.plain || !is_string(ctx, &in_tok) || !is_string(ctx, &out_tok) {
        return None;
    }
    let rt = quote!(::awsgen_runtime::client::paginate);
    let (it, ot) = (ident(&in_tok.ident), ident(&out_tok.ident));
    let get = if out_tok.plain {
        quote!(Some(&o.#ot))
    } else {
        quote!(o.#ot.as_ref())
    };
    let pages_name = format_ident!("{}_pages", name);
    let closure = quote!(impl FnMut(&#input) -> Result<#output, #err> + '_);
    let pages_doc = Literal::string(&format!(
        " Every page of {}, from `input` on: each call sends the previous page's `{}` as `{}`.",
        docs::code(&op.name),
        out_tok.member.name,
        in_tok.member.name
    ));
    let items = items_fn(ctx, op, name, &pages_name, input, output, err, &closure);
    Some(quote! {
        #[doc = #pages_doc]
        pub fn #pages_name(&self, input: &#input) -> #rt::Pages<#input, #output, #err, #closure> {
            #rt::Pages::new(
                input.clone(),
                move |i: &#input| self.#name(i),
                |o: &#output| #get,
                |i: &mut #input, t| i.#it = t,
            )
        }
        #items
    })
}

/// `<op>_items`, when the model names exactly one top-level list of items.
#[allow(clippy::too_many_arguments)]
fn items_fn(
    ctx: &Ctx,
    op: &Operation,
    name: &proc_macro2::Ident,
    pages_name: &proc_macro2::Ident,
    input: &TokenStream,
    output: &TokenStream,
    err: &TokenStream,
    closure: &TokenStream,
) -> Option<TokenStream> {
    let p = op.paginated.as_ref()?;
    let [items] = p.items.as_slice() else {
        return None;
    };
    let f = field(ctx, op.output.as_ref(), items)?;
    let Some(ShapeKind::List(element)) = ctx.shape(&f.member.target).map(|s| &s.kind) else {
        return None;
    };
    let sparse = ctx.shape(&f.member.target).is_some_and(|s| s.traits.sparse);
    let mut t = ctx.rust_type(&element.target);
    if sparse {
        t = quote!(Option<#t>);
    }
    let fi = ident(&f.ident);
    let take = if f.plain {
        quote!(o.#fi)
    } else {
        quote!(o.#fi.unwrap_or_default())
    };
    let rt = quote!(::awsgen_runtime::client::paginate);
    let items_name = format_ident!("{}_items", name);
    let doc = Literal::string(&format!(
        " Every item of `{}` on every page of {} (see [`Client::{}`]).",
        f.member.name,
        docs::code(&op.name),
        pages_name
    ));
    Some(quote! {
        #[doc = #doc]
        pub fn #items_name(&self, input: &#input) -> #rt::Items<#rt::Pages<#input, #output, #err, #closure>, #output, #t, #err> {
            self.#pages_name(input).items(|o: #output| #take)
        }
    })
}

/// The module doc's example: a client from the environment and a call of the first operation
/// whose input has no required member (else only the client).
fn example(ctx: &Ctx, ops: &[(&Operation, String)], crate_name: &str) -> Vec<TokenStream> {
    let krate = crate_name.replace('-', "_");
    let call = ops.iter().find_map(|(op, m)| {
        let id = op.input.as_ref()?;
        let n = ctx.types.get(id.as_str())?;
        let shape = ctx.shape(id)?;
        if ctx.fields(shape).iter().any(|f| f.required) {
            return None;
        }
        let name = m.trim_start_matches("r#");
        Some(format!(
            "let input = {krate}::{}::builder().build()?;\nlet output = client.{name}(&input)?;\nprintln!(\"{{output:?}}\");",
            n.type_name
        ))
    });
    let mut lines = vec![
        "```no_run".to_string(),
        "# #[cfg(feature = \"ureq-transport\")]".to_string(),
        "# fn main() -> Result<(), Box<dyn std::error::Error>> {".to_string(),
        format!("use {krate}::client::{{Client, Config}};"),
        "// Region and credentials from AWS_REGION, AWS_ACCESS_KEY_ID, ... or ~/.aws.".to_string(),
        "let client = Client::new(Config::from_env())?;".to_string(),
    ];
    lines.extend(call.iter().flat_map(|c| c.lines().map(String::from)));
    lines.extend([
        "# Ok(())".to_string(),
        "# }".to_string(),
        "# #[cfg(not(feature = \"ureq-transport\"))]".to_string(),
        "# fn main() {}".to_string(),
        "```".to_string(),
    ]);
    lines
        .iter()
        .map(|l| {
            let lit = Literal::string(&format!(" {l}"));
            quote!(#![doc = #lit])
        })
        .collect()
}
