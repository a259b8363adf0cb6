//! String enums and intEnums: a variant per known value plus `Unknown` (keeps any other value),
//! `as_str()` / `value()`, `values()`, lenient `From`, strict `try_parse` / `FromStr`, `validate()`
//! (unknown values are violations) and serde as the plain string or integer.

use super::ctx::{ident, Ctx};
use super::docs;
use super::prelude::{ERR, FROM, OK, RESULT, STRING};
use crate::ir::{EnumValue, IntEnumValue, Shape};
use crate::naming::rust::{variant_name, Scope};
use proc_macro2::{Literal, TokenStream};
use quote::quote;
use std::collections::BTreeSet;

/// Values to generate: duplicates (by value) dropped, first one kept.
fn distinct<T, K: Ord>(values: &[T], key: impl Fn(&T) -> K) -> Vec<&T> {
    let mut seen = BTreeSet::new();
    values.iter().filter(|v| seen.insert(key(v))).collect()
}

/// Variant names: from the Smithy member name when there is one, else from the value.
fn variants<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut scope = Scope::with_reserved(&["Unknown"]);
    names.map(|n| scope.claim(&variant_name(n))).collect()
}

/// A string enum.
pub fn string_enum(ctx: &Ctx, shape: &Shape, type_name: &str, values: &[EnumValue]) -> TokenStream {
    let values = distinct(values, |v| v.value.clone());
    let names = variants(values.iter().map(|v| v.name.as_deref().unwrap_or(&v.value)));
    let ty = ident(type_name);
    let type_lit = Literal::string(type_name);
    let vars: Vec<_> = names.iter().map(|n| ident(n)).collect();
    let try_body = |lits: &[Literal]| {
        if lits.is_empty() {
            quote!(#ERR(crate::error::UnknownEnumValue::new(#type_lit, value)))
        } else {
            let ok = &OK;
            quote! {
                match value {
                    #(#lits => #ok(Self::#vars),)*
                    _ => #ERR(crate::error::UnknownEnumValue::new(#type_lit, value)),
                }
            }
        }
    };
    let lits: Vec<_> = values.iter().map(|v| Literal::string(&v.value)).collect();
    let try_body = try_body(&lits);
    let var_docs = values.iter().map(|v| {
        let mut parts = vec![format!("{}", docs::code(&v.value))];
        parts.push(docs::prose(v.documentation.as_deref()));
        if v.deprecated {
            parts.push("**Deprecated.**".into());
        }
        docs::attrs(&docs::join(&parts))
    });
    let doc = docs::attrs(&docs::shape_doc(
        ctx,
        shape,
        &[format!(
            "{} known values; any other value is kept as [`{type_name}::Unknown`]. \
             `From<&str>` is lenient, [`{type_name}::try_parse`] and `FromStr` are strict.",
            values.len()
        )],
    ));
    let dep = docs::deprecated_attr(&shape.traits);
    let accessors = super::schema::string_enum(type_name);
    quote! {
        #doc
        #dep
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #(#var_docs #vars,)*
            /// A value this version of the crate does not know, kept as received.
            Unknown(crate::primitives::UnknownValue),
        }

        impl #ty {
            /// Every known value, in model order.
            pub const VALUES: &'static [&'static str] = &[#(#lits),*];

            /// Every known value, in model order.
            pub fn values() -> &'static [&'static str] {
                Self::VALUES
            }

            /// The wire value.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#vars => #lits,)*
                    Self::Unknown(v) => v.as_str(),
                }
            }

            /// Strict parse: an unknown value is an error.
            pub fn try_parse(value: &str) -> #RESULT<Self, crate::error::UnknownEnumValue> {
                #try_body
            }

            /// True unless this is [`Self::Unknown`].
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }

        }

        impl #FROM<&str> for #ty {
            fn from(value: &str) -> Self {
                Self::try_parse(value).unwrap_or_else(|_| Self::Unknown(crate::primitives::UnknownValue::new(value.to_string())))
            }
        }

        impl #FROM<#STRING> for #ty {
            fn from(value: #STRING) -> Self {
                match Self::try_parse(&value) {
                    #OK(v) => v,
                    #ERR(_) => Self::Unknown(crate::primitives::UnknownValue::new(value)),
                }
            }
        }

        impl ::std::str::FromStr for #ty {
            type Err = crate::error::UnknownEnumValue;
            fn from_str(value: &str) -> #RESULT<Self, Self::Err> {
                Self::try_parse(value)
            }
        }

        impl ::std::fmt::Display for #ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #accessors
    }
}

/// An intEnum (values are `i32`, as Smithy's intEnum specializes `integer`). The Smithy loader
/// reports a value outside `i32` as a model error, so a loaded model never has one; an IR built
/// otherwise has such values skipped here rather than truncated.
pub fn int_enum(ctx: &Ctx, shape: &Shape, type_name: &str, values: &[IntEnumValue]) -> TokenStream {
    let values: Vec<&IntEnumValue> = distinct(values, |v| v.value)
        .into_iter()
        .filter(|v| i32::try_from(v.value).is_ok())
        .collect();
    let names = variants(values.iter().map(|v| v.name.as_str()));
    let ty = ident(type_name);
    let type_lit = Literal::string(type_name);
    let vars: Vec<_> = names.iter().map(|n| ident(n)).collect();
    let try_body = |lits: &[Literal]| {
        if lits.is_empty() {
            quote!(#ERR(crate::error::UnknownEnumValue::new(#type_lit, value)))
        } else {
            let ok = &OK;
            quote! {
                match value {
                    #(#lits => #ok(Self::#vars),)*
                    _ => #ERR(crate::error::UnknownEnumValue::new(#type_lit, value)),
                }
            }
        }
    };
    let lits: Vec<_> = values
        .iter()
        .map(|v| Literal::i32_unsuffixed(v.value as i32))
        .collect();
    let try_body = try_body(&lits);
    let var_docs = values.iter().map(|v| {
        let parts = vec![
            docs::code(&v.value.to_string()),
            docs::prose(v.documentation.as_deref()),
        ];
        docs::attrs(&docs::join(&parts))
    });
    let doc = docs::attrs(&docs::shape_doc(
        ctx,
        shape,
        &[format!(
            "{} known values; any other integer is kept as [`{type_name}::Unknown`].",
            values.len()
        )],
    ));
    let dep = docs::deprecated_attr(&shape.traits);
    let accessors = super::schema::int_enum(type_name);
    quote! {
        #doc
        #dep
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum #ty {
            #(#var_docs #vars,)*
            /// A value this version of the crate does not know, kept as received.
            Unknown(crate::primitives::UnknownInt),
        }

        impl #ty {
            /// Every known value, in model order.
            pub const VALUES: &'static [i32] = &[#(#lits),*];

            /// Every known value, in model order.
            pub fn values() -> &'static [i32] {
                Self::VALUES
            }

            /// The wire value.
            pub fn value(&self) -> i32 {
                match self {
                    #(Self::#vars => #lits,)*
                    Self::Unknown(v) => v.value(),
                }
            }

            /// Strict parse: an unknown value is an error.
            pub fn try_parse(value: i32) -> #RESULT<Self, crate::error::UnknownEnumValue> {
                #try_body
            }

            /// True unless this is [`Self::Unknown`].
            pub fn is_known(&self) -> bool {
                !matches!(self, Self::Unknown(_))
            }

        }

        impl #FROM<i32> for #ty {
            fn from(value: i32) -> Self {
                Self::try_parse(value).unwrap_or_else(|_| Self::Unknown(crate::primitives::UnknownInt::new(value)))
            }
        }

        #accessors
    }
}
