//! Unions as Rust enums: a variant per member (unit members become unit variants) plus `Unknown`
//! holding the name and raw JSON value of a member this crate does not know (so that it survives a
//! JSON round trip); exactly one member is always set.

use super::ctx::{ident, Ctx, UNIT};
use super::docs;
use crate::ir::Shape;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// Everything generated for one union shape.
pub fn union(ctx: &Ctx, shape: &Shape, type_name: &str) -> TokenStream {
    let fields = ctx.fields(shape);
    let ty = ident(type_name);
    let doc = docs::attrs(&docs::shape_doc(
        ctx,
        shape,
        &[
            "A union: exactly one member is set. On the JSON wire it is an object with one key."
                .into(),
        ],
    ));
    let dep = docs::deprecated_attr(&shape.traits);
    let variants = fields.iter().map(|f| {
        let var = ident(&f.ident);
        let doc = docs::attrs(&docs::member_doc(ctx, f));
        let dep = docs::deprecated_attr(&f.member.traits);
        if f.member.target == UNIT {
            quote!(#doc #dep #var,)
        } else {
            let t = super::types::stored_type(ctx, f);
            quote!(#doc #dep #var(#t),)
        }
    });
    let redact = shape.traits.sensitive || fields.iter().any(|f| ctx.sensitive(f.member));
    let derive = if redact {
        quote!(#[derive(Clone, PartialEq)])
    } else {
        quote!(#[derive(Debug, Clone, PartialEq)])
    };
    let debug = if redact {
        let arms = fields.iter().map(|f| {
            let var = ident(&f.ident);
            let label = Literal::string(&format!("{type_name}::{}", f.ident.trim_start_matches("r#")));
            if f.member.target == UNIT {
                quote!(Self::#var => f.write_str(#label),)
            } else if shape.traits.sensitive || ctx.sensitive(f.member) {
                quote!(Self::#var(_) => f.debug_tuple(#label).field(&"*** Sensitive Data Redacted ***").finish(),)
            } else {
                quote!(Self::#var(v) => f.debug_tuple(#label).field(v).finish(),)
            }
        });
        quote! {
            impl ::std::fmt::Debug for #ty {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    match self {
                        #(#arms)*
                        Self::Unknown(u) => f.debug_tuple("Unknown").field(&u.name()).finish(),
                    }
                }
            }
        }
    } else {
        TokenStream::new()
    };
    let accessors = super::schema::union(ctx, shape, type_name, &fields);
    quote! {
        #doc
        #dep
        #derive
        #[non_exhaustive]
        pub enum #ty {
            #(#variants)*
            /// A member this version of the crate does not know, kept as received (its wire name and raw
            /// JSON value) so that serializing writes it back unchanged; `validate()` reports it.
            Unknown(crate::primitives::UnknownMember),
        }

        #debug
        #accessors
    }
}
