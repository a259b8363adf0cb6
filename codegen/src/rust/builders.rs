//! Builders: `Type::builder().member(..)...build()`, where `build()` names every missing required
//! member at once. A builder lives beside its type and is re-exported from `crate::builders`.

use super::ctx::{ident, Ctx, Field};
use super::prelude::{BOX, ERR, INTO, OK, OPTION, RESULT, SOME, VEC};
use crate::naming::rust::Scope;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// The builder's type name for a structure type name.
pub fn builder_name(type_name: &str) -> String {
    format!("{type_name}Builder")
}

/// The builder struct and its impl.
pub fn builder(ctx: &Ctx, type_name: &str, fields: &[Field], debug: bool) -> TokenStream {
    let ty = ident(type_name);
    let b = format_ident!("{}", builder_name(type_name));
    let mut setters = Scope::with_reserved(&["build"]);
    let decls = fields.iter().map(|f| {
        let name = ident(&f.ident);
        let t = ctx.rust_type(&f.member.target);
        quote!(#name: #OPTION<#t>,)
    });
    let methods = fields.iter().map(|f| {
        let name = ident(&f.ident);
        let setter = ident(&setters.claim(&f.ident));
        let t = ctx.rust_type(&f.member.target);
        let doc = Literal::string(&format!(" Sets `{}`.", f.wire.escape_debug()));
        let dep = super::docs::deprecated_attr(&f.member.traits);
        quote! {
            #[doc = #doc]
            #dep
            pub fn #setter(mut self, value: impl #INTO<#t>) -> Self {
                self.#name = #SOME(value.into());
                self
            }
        }
    });
    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    let inits = fields.iter().map(|f| {
        let name = ident(&f.ident);
        match (f.required, f.plain, f.boxed) {
            (true, true, true) => quote!(#name: #BOX::new(#name),),
            (true, true, false) => quote!(#name,),
            (true, false, true) => {
                quote!(#name: #SOME(#BOX::new(#name)),)
            }
            (true, false, false) => quote!(#name: #SOME(#name),),
            (false, _, true) => quote!(#name: self.#name.map(#BOX::new),),
            (false, _, false) => quote!(#name: self.#name,),
        }
    });
    let construct = quote!(crate::types::#ty { #(#inits)* });
    let type_lit = Literal::string(type_name);
    let build_body = if required.is_empty() {
        quote!(#OK(#construct))
    } else {
        let names: Vec<_> = required.iter().map(|f| ident(&f.ident)).collect();
        let wires = required.iter().map(|f| Literal::string(&f.wire));
        let some = &SOME;
        quote! {
            match (#(self.#names,)*) {
                (#(#some(#names),)*) => #OK(#construct),
                (#(#names,)*) => {
                    let mut missing = #VEC::new();
                    #(if #names.is_none() { missing.push(#wires); })*
                    #ERR(crate::error::BuildError::new(#type_lit, missing))
                }
            }
        }
    };
    let derive = if debug {
        quote!(#[derive(Debug, Clone, Default, PartialEq)])
    } else {
        quote!(#[derive(Clone, Default, PartialEq)])
    };
    let doc = Literal::string(&format!(
        " Builds a [`{type_name}`]; see [`{type_name}::builder`]."
    ));
    let build_doc = if required.is_empty() {
        " Builds the value (every member is optional, so this never fails).".to_string()
    } else {
        let list: Vec<String> = required
            .iter()
            .map(|f| format!("`{}`", f.wire.escape_debug()))
            .collect();
        format!(
            " Builds the value; fails naming every unset required member ({}).",
            list.join(", ")
        )
    };
    let build_doc = Literal::string(&build_doc);
    quote! {
        #[doc = #doc]
        #derive
        pub struct #b {
            #(#decls)*
        }

        impl #b {
            #(#methods)*

            #[doc = #build_doc]
            pub fn build(self) -> #RESULT<crate::types::#ty, crate::error::BuildError> {
                #build_body
            }
        }
    }
}
