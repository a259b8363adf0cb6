//! Structures: the struct (a field per member, required ones plain, optional ones `Option<T>`,
//! recursive ones boxed), `Debug` (sensitive members redacted), `builder()`, and its schema accessors.

use super::builders;
use super::ctx::Field;
use super::ctx::{ident, Ctx};
use super::docs;
use super::prelude::BOX;
use super::prelude::{DEFAULT, OPTION};
use crate::ir::Shape;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// The type a field is stored as (`Box<T>` when boxed, without the `Option`).
pub fn stored_type(ctx: &Ctx, f: &Field) -> TokenStream {
    let t = ctx.rust_type(&f.member.target);
    if f.boxed {
        quote!(#BOX<#t>)
    } else {
        t
    }
}

/// Everything generated for one structure shape.
pub fn structure(ctx: &Ctx, shape: &Shape, type_name: &str) -> TokenStream {
    let fields = ctx.fields(shape);
    let ty = ident(type_name);
    let builder_ty = format_ident!("{}", builders::builder_name(type_name));
    let mut extra = Vec::new();
    if shape.traits.error.is_some() {
        let code = shape
            .traits
            .http_error
            .map(|c| format!(" (HTTP {c})"))
            .unwrap_or_default();
        extra.push(format!(
            "An error the service returns ({} fault{code}).",
            docs::code(shape.traits.error.as_deref().unwrap_or_default())
        ));
    }
    extra.push(format!(
        "Construct with [`{type_name}::builder`]; check constraints with [`{type_name}::validate`]."
    ));
    let doc = docs::attrs(&docs::shape_doc(ctx, shape, &extra));
    let dep = docs::deprecated_attr(&shape.traits);
    let members = fields.iter().map(|f| {
        let name = ident(&f.ident);
        let t = stored_type(ctx, f);
        let t = if f.plain { t } else { quote!(#OPTION<#t>) };
        let doc = docs::attrs(&docs::member_doc(ctx, f));
        let dep = docs::deprecated_attr(&f.member.traits);
        quote! {
            #doc
            #dep
            pub #name: #t,
        }
    });
    let redact = shape.traits.sensitive || fields.iter().any(|f| ctx.sensitive(f.member));
    let derive = if redact {
        quote!(#[derive(Clone, PartialEq)])
    } else {
        quote!(#[derive(Debug, Clone, PartialEq)])
    };
    let debug = if redact {
        debug_impl(ctx, shape, type_name, &fields)
    } else {
        TokenStream::new()
    };
    let builder = builders::builder(ctx, type_name, &fields, !redact);
    let accessors = super::schema::structure(ctx, shape, type_name, &fields);
    quote! {
        #doc
        #dep
        #derive
        #[non_exhaustive]
        pub struct #ty {
            #(#members)*
        }

        impl #ty {
            /// A builder for this type.
            pub fn builder() -> #builder_ty {
                #DEFAULT::default()
            }
        }

        #debug
        #builder
        #accessors
    }
}

/// `Debug` that prints `*** Sensitive Data Redacted ***` for sensitive members (or the whole value).
fn debug_impl(
    ctx: &Ctx,
    shape: &Shape,
    type_name: &str,
    fields: &[super::ctx::Field],
) -> TokenStream {
    let ty = ident(type_name);
    let name = Literal::string(type_name);
    let body = if shape.traits.sensitive {
        quote!(f.write_str("*** Sensitive Data Redacted ***"))
    } else {
        let entries = fields.iter().map(|fl| {
            let field = ident(&fl.ident);
            let label = Literal::string(super::super::naming::rust::unraw(&fl.ident));
            if ctx.sensitive(fl.member) {
                quote!(.field(#label, &"*** Sensitive Data Redacted ***"))
            } else {
                quote!(.field(#label, &self.#field))
            }
        });
        quote!(f.debug_struct(#name) #(#entries)* .finish())
    };
    quote! {
        impl ::std::fmt::Debug for #ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                #body
            }
        }
    }
}
