//! The endpoint parameters an operation call adds to the client's own (Smithy's
//! `smithy.rules#staticContextParams` on the operation and `smithy.rules#contextParam` on its input
//! members; botocore's `staticContextParams` and `contextParam`): the client method passes them to the
//! rule set, after the built-ins, so that they win over them as the rules specification says.
//! `operationContextParams` (JMESPath paths into the input) are not read: no JSON-protocol model of
//! botocore 1.37.23 carries one, and the few Smithy models that do use them for account-scoped
//! endpoints that also work without them.

use super::ctx::Ctx;
use crate::ir::{ContextValue, Operation, ShapeKind};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The operation's static parameters, by name (`OperationType` = `"control"`).
fn static_params(op: &Operation) -> Vec<(String, TokenStream)> {
    let rt = quote!(::awsgen_runtime::endpoints::Value);
    op.traits
        .static_context_params
        .iter()
        .map(|(name, v)| {
            let value = match v {
                ContextValue::Bool(b) => quote!(#rt::Bool(#b)),
                ContextValue::String(s) => {
                    let s = Literal::string(s);
                    quote!(#rt::String(#s.to_string()))
                }
            };
            (name.clone(), value)
        })
        .collect()
}

/// The expression passed as the call's endpoint context: `&[]` when there is none, else a vector of
/// `(name, value)` built from the static values and the input members that are set.
pub fn context(ctx: &Ctx, op: &Operation) -> TokenStream {
    let rt = quote!(::awsgen_runtime::endpoints::Value);
    let statics = static_params(op);
    let members: Vec<TokenStream> = op
        .input
        .as_ref()
        .and_then(|id| ctx.shape(id))
        .map(|shape| ctx.fields(shape))
        .unwrap_or_default()
        .into_iter()
        .filter_map(|f| {
            let name = f.member.traits.context_param.as_deref()?;
            let name = Literal::string(name);
            let fi = super::ctx::ident(&f.ident);
            let value = match &ctx.shape(&f.member.target)?.kind {
                ShapeKind::String => quote!(#rt::String(v.clone())),
                ShapeKind::Enum(_) => quote!(#rt::String(v.as_str().to_string())),
                ShapeKind::Boolean => quote!(#rt::Bool(*v)),
                _ => return None,
            };
            Some(if f.plain {
                quote! { { let v = &input.#fi; context.push((#name, #value)); } }
            } else {
                quote! { if let Some(v) = &input.#fi { context.push((#name, #value)); } }
            })
        })
        .collect();
    if statics.is_empty() && members.is_empty() {
        return quote!(&[]);
    }
    let statics = statics.iter().map(|(n, v)| {
        let n = Literal::string(n);
        quote!((#n, #v))
    });
    quote! {
        &{
            #[allow(unused_mut)]
            let mut context: Vec<(&str, #rt)> = vec![#(#statics),*];
            #(#members)*
            context
        }
    }
}
