//! Builders: `Type::builder().member(..)...build()`, where `build()` names every missing required
//! member at once and fills in the model's `default` for a required member left unset (Smithy: a
//! client may omit a member with a default). A builder lives beside its type and is re-exported from
//! `crate::builders`.
//!
//! Which defaults apply: a member's non-null `default`, unless the member is `clientOptional` (Smithy
//! tells non-authoritative generators to ignore the default then). Every kind Smithy allows is
//! handled: booleans, integers (if the value fits the Rust type), floats (numbers, `"NaN"`,
//! `"Infinity"`, `"-Infinity"`), `bigInteger` / `bigDecimal` with integral values, strings, enum
//! values (known or not), intEnum values, empty lists and maps, documents (`true`, `false`, strings,
//! numbers, `[]`, `{}`), blobs (base64, decoded here) and timestamps given as epoch seconds. A default
//! the member's type cannot hold (a string for a timestamp, a fractional `bigDecimal`, a non-empty
//! list, an out-of-range integer, invalid base64) is not applied: `build()` keeps requiring the
//! member, so nothing is invented. Optional members keep `None` when unset (their docs give the
//! default the service applies).

use super::ctx::{ident, Ctx, Field};
use super::prelude::{BOX, ERR, INTO, OK, OPTION, RESULT, SOME, STRING, VEC};
use crate::ir::{Member, ShapeKind};
use crate::naming::rust::Scope;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

/// The builder's type name for a structure type name.
pub fn builder_name(type_name: &str) -> String {
    format!("{type_name}Builder")
}

/// How `build()` fills in an unset member's default.
pub enum Fill {
    /// `.unwrap_or(expr)`: a literal or constant.
    Eager(TokenStream),
    /// `.unwrap_or_default()`: an empty list or map.
    Empty,
    /// `.unwrap_or_else(|| expr)`.
    Lazy(TokenStream),
}

/// The default `build()` fills in when required member `m` is unset, if one applies (see the module
/// docs); `None` for members that are not required.
pub fn required_default(ctx: &Ctx, m: &Member) -> Option<Fill> {
    if !m.traits.required || m.traits.client_optional {
        return None;
    }
    let value = m.traits.default.as_ref().filter(|d| !d.is_null())?;
    default_fill(ctx, &m.target, value)
}

/// Code for `value` as a value of shape `target`, if it can hold it.
fn default_fill(ctx: &Ctx, target: &str, value: &Value) -> Option<Fill> {
    let shape = ctx.shape(target)?;
    let int = |lit: fn(i64) -> Option<Literal>| {
        value
            .as_i64()
            .and_then(lit)
            .map(|l| Fill::Eager(quote!(#l)))
    };
    Some(match (&shape.kind, value) {
        (ShapeKind::Boolean, Value::Bool(b)) => Fill::Eager(quote!(#b)),
        (ShapeKind::Byte, _) => int(|v| i8::try_from(v).ok().map(Literal::i8_suffixed))?,
        (ShapeKind::Short, _) => int(|v| i16::try_from(v).ok().map(Literal::i16_suffixed))?,
        (ShapeKind::Integer, _) => int(|v| i32::try_from(v).ok().map(Literal::i32_suffixed))?,
        (ShapeKind::Long, _) => int(|v| Some(Literal::i64_suffixed(v)))?,
        (ShapeKind::Float, _) => Fill::Eager(float(value, "f32")?),
        (ShapeKind::Double, _) => Fill::Eager(float(value, "f64")?),
        (ShapeKind::BigInteger | ShapeKind::BigDecimal, Value::Number(n)) => {
            let lit = match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Literal::i64_suffixed(i),
                (None, Some(u)) => Literal::u64_suffixed(u),
                _ => return None,
            };
            Fill::Lazy(quote!(::serde_json::Number::from(#lit)))
        }
        (ShapeKind::String, Value::String(s)) => {
            let lit = Literal::string(s);
            Fill::Lazy(quote!(#STRING::from(#lit)))
        }
        (ShapeKind::Enum(_), Value::String(s)) => {
            let t = ctx.type_path(target);
            let lit = Literal::string(s);
            Fill::Lazy(quote!(#t::from(#lit)))
        }
        (ShapeKind::IntEnum(_), _) => {
            let t = ctx.type_path(target);
            let lit = Literal::i32_suffixed(i32::try_from(value.as_i64()?).ok()?);
            Fill::Lazy(quote!(#t::from(#lit)))
        }
        (ShapeKind::List(_), Value::Array(a)) if a.is_empty() => Fill::Empty,
        (ShapeKind::Map { .. }, Value::Object(o)) if o.is_empty() => Fill::Empty,
        (ShapeKind::Timestamp, Value::Number(n)) => match n.as_i64() {
            Some(secs) => {
                let lit = Literal::i64_suffixed(secs);
                Fill::Lazy(quote!(crate::primitives::DateTime::from_secs(#lit)))
            }
            None => {
                let secs = n.as_f64().filter(|v| v.is_finite() && v.abs() < 1e17)?;
                let lit = Literal::f64_suffixed(secs);
                Fill::Lazy(quote!(crate::primitives::DateTime::from_secs_f64(#lit)))
            }
        },
        (ShapeKind::Blob, Value::String(s)) => {
            use base64::Engine as _;
            let bytes = base64::engine::general_purpose::STANDARD.decode(s).ok()?;
            let lit = Literal::byte_string(&bytes);
            Fill::Lazy(quote!(crate::primitives::Blob::new(#lit.to_vec())))
        }
        (ShapeKind::Document, Value::Bool(b)) => Fill::Eager(quote!(::serde_json::Value::Bool(#b))),
        (ShapeKind::Document, v) => Fill::Lazy(document(v)?),
        _ => return None,
    })
}

/// A float default: a number (finite in the type), or Smithy's `"NaN"`, `"Infinity"`, `"-Infinity"`.
fn float(value: &Value, ty: &str) -> Option<TokenStream> {
    let t = format_ident!("{}", ty);
    match value {
        Value::String(s) => match s.as_str() {
            "NaN" => Some(quote!(#t::NAN)),
            "Infinity" => Some(quote!(#t::INFINITY)),
            "-Infinity" => Some(quote!(#t::NEG_INFINITY)),
            _ => None,
        },
        Value::Number(n) => {
            let v = n.as_f64()?;
            if ty == "f32" {
                let narrow = v as f32;
                narrow.is_finite().then(|| {
                    let l = Literal::f32_suffixed(narrow);
                    quote!(#l)
                })
            } else {
                v.is_finite().then(|| {
                    let l = Literal::f64_suffixed(v);
                    quote!(#l)
                })
            }
        }
        _ => None,
    }
}

/// A document default: a string, a number, `[]` or `{}` (booleans are eager, above).
fn document(value: &Value) -> Option<TokenStream> {
    Some(match value {
        Value::String(s) => {
            let lit = Literal::string(s);
            quote!(::serde_json::Value::String(#STRING::from(#lit)))
        }
        Value::Number(n) => {
            let lit = match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => Literal::i64_suffixed(i),
                (None, Some(u), _) => Literal::u64_suffixed(u),
                (None, None, Some(f)) if f.is_finite() => Literal::f64_suffixed(f),
                _ => return None,
            };
            quote!(::serde_json::Value::from(#lit))
        }
        Value::Array(a) if a.is_empty() => quote!(::serde_json::Value::Array(#VEC::new())),
        Value::Object(o) if o.is_empty() => {
            quote!(::serde_json::Value::Object(::serde_json::Map::new()))
        }
        _ => return None,
    })
}

/// `option_expr` with the default filled in.
pub fn filled(option_expr: TokenStream, fill: &Fill) -> TokenStream {
    match fill {
        Fill::Eager(v) => quote!(#option_expr.unwrap_or(#v)),
        Fill::Empty => quote!(#option_expr.unwrap_or_default()),
        Fill::Lazy(v) => quote!(#option_expr.unwrap_or_else(|| #v)),
    }
}

/// The builder struct and its impl.
pub fn builder(ctx: &Ctx, type_name: &str, fields: &[Field], debug: bool) -> TokenStream {
    let ty = ident(type_name);
    let b = format_ident!("{}", builder_name(type_name));
    let mut setters = Scope::with_reserved(&["build"]);
    let defaults: Vec<Option<Fill>> = fields
        .iter()
        .map(|f| {
            if f.required {
                required_default(ctx, f.member)
            } else {
                None
            }
        })
        .collect();
    let decls = fields.iter().map(|f| {
        let name = ident(&f.ident);
        let t = ctx.rust_type(&f.member.target);
        quote!(#name: #OPTION<#t>,)
    });
    let methods = fields.iter().zip(&defaults).map(|(f, default)| {
        let name = ident(&f.ident);
        let setter = ident(&setters.claim(&f.ident));
        let t = ctx.rust_type(&f.member.target);
        let mut doc = format!(" Sets `{}`.", f.wire.escape_debug());
        if default.is_some() {
            doc.push_str(&format!(
                " Required, with a default: unset, `build()` uses the model's default ({}).",
                default_text(f.member)
            ));
        }
        let doc = Literal::string(&doc);
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
    let required: Vec<&Field> = fields
        .iter()
        .zip(&defaults)
        .filter(|(f, d)| f.required && d.is_none())
        .map(|(f, _)| f)
        .collect();
    let inits = fields.iter().zip(&defaults).map(|(f, default)| {
        let name = ident(&f.ident);
        let value = match default {
            Some(fill) => filled(quote!(self.#name), fill),
            None if f.required => quote!(#name),
            None if f.boxed => quote!(self.#name.map(#BOX::new)),
            None => quote!(self.#name),
        };
        let value = match (f.required, f.boxed) {
            (true, true) => quote!(#BOX::new(#value)),
            _ => value,
        };
        match (
            f.required && !f.plain,
            default.is_none() && f.required && !f.boxed,
        ) {
            (true, _) => quote!(#name: #SOME(#value),),
            // `name: name` would be redundant.
            (false, true) => quote!(#name,),
            (false, false) => quote!(#name: #value,),
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
    let list = |fs: &mut dyn Iterator<Item = &Field>| -> String {
        fs.map(|f| format!("`{}`", f.wire.escape_debug()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut build_doc = if !fields.iter().any(|f| f.required) {
        " Builds the value (every member is optional, so this never fails).".to_string()
    } else if required.is_empty() {
        " Builds the value (every required member has a default, so this never fails).".to_string()
    } else {
        format!(
            " Builds the value; fails naming every unset required member ({}).",
            list(&mut required.iter().copied())
        )
    };
    let mut with_default = fields
        .iter()
        .zip(&defaults)
        .filter(|(_, d)| d.is_some())
        .map(|(f, _)| f)
        .peekable();
    if with_default.peek().is_some() {
        build_doc.push_str(&format!(
            " Required members with a model default take it when unset ({}).",
            list(&mut with_default)
        ));
    }
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

/// The default as the model writes it, for docs (`0`, `"en"`), inside backticks, escaped for a doc line.
fn default_text(m: &Member) -> String {
    let text = m
        .traits
        .default
        .as_ref()
        .map(Value::to_string)
        .unwrap_or_default();
    super::docs::code(&text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rust::test_model::model;
    use serde_json::json;

    /// The fill of each member of `In` (members named after what they test), as compact text.
    fn fills(members: Value) -> Vec<(String, Option<String>)> {
        let m = model(
            "aws.protocols#awsJson1_0",
            json!({
                "ex#In": {"type": "structure", "members": members},
                "ex#Size": {"type": "enum", "members": {
                    "S": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "s"}}}},
                "ex#Strings": {"type": "list", "member": {"target": "smithy.api#String"}}
            }),
        );
        let ctx = Ctx::new(&m);
        ctx.shape("In")
            .expect("In")
            .kind
            .members()
            .iter()
            .map(|mem| {
                let text = required_default(&ctx, mem).map(|f| match f {
                    Fill::Eager(t) => format!("eager {t}"),
                    Fill::Empty => "empty".to_string(),
                    Fill::Lazy(t) => format!("lazy {t}"),
                });
                (mem.name.clone(), text.map(|t| t.replace(' ', "")))
            })
            .collect()
    }

    fn req(target: &str, default: Value) -> Value {
        json!({"target": target, "traits": {"smithy.api#required": {}, "smithy.api#default": default}})
    }

    #[test]
    fn defaults_that_apply() {
        let got = fills(json!({
            "bool": req("smithy.api#Boolean", json!(true)),
            "byte": req("smithy.api#Byte", json!(-128)),
            "float": req("smithy.api#Float", json!(0.1)),
            "nan": req("smithy.api#Double", json!("NaN")),
            "ninf": req("smithy.api#Float", json!("-Infinity")),
            "big": req("smithy.api#BigInteger", json!(u64::MAX)),
            "enum": req("ex#Size", json!("s")),
            "list": req("ex#Strings", json!([])),
            "epoch": req("smithy.api#Timestamp", json!(1.5)),
            "blob": req("smithy.api#Blob", json!("AAE=")),
            "doc": req("smithy.api#Document", json!("x"))
        }));
        let want = [
            ("bool", "eagertrue"),
            ("byte", "eager-128i8"),
            ("float", "eager0.1f32"),
            ("nan", "eagerf64::NAN"),
            ("ninf", "eagerf32::NEG_INFINITY"),
            (
                "big",
                "lazy::serde_json::Number::from(18446744073709551615u64)",
            ),
            ("enum", "lazycrate::types::Size::from(\"s\")"),
            ("list", "empty"),
            (
                "epoch",
                "lazycrate::primitives::DateTime::from_secs_f64(1.5f64)",
            ),
            (
                "blob",
                "lazycrate::primitives::Blob::new(b\"\\0\\x01\".to_vec())",
            ),
            (
                "doc",
                "lazy::serde_json::Value::String(::std::string::String::from(\"x\"))",
            ),
        ];
        let want: Vec<(String, Option<String>)> = want
            .iter()
            .map(|(n, t)| (n.to_string(), Some(t.to_string())))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn defaults_that_do_not_apply_leave_the_member_required() {
        let got = fills(json!({
            "null": req("smithy.api#Integer", Value::Null),
            "clientOptional": {"target": "smithy.api#Integer", "traits": {"smithy.api#required": {},
                "smithy.api#clientOptional": {}, "smithy.api#default": 1}},
            "optional": {"target": "smithy.api#Integer", "traits": {"smithy.api#default": 1}},
            "byteTooBig": req("smithy.api#Byte", json!(300)),
            "intNotInteger": req("smithy.api#Integer", json!(1.5)),
            "floatTooBig": req("smithy.api#Float", json!(1e39)),
            "fraction": req("smithy.api#BigDecimal", json!(0.5)),
            "nonEmptyList": req("ex#Strings", json!(["a"])),
            "dateString": req("smithy.api#Timestamp", json!("2024-01-01T00:00:00Z")),
            "badBase64": req("smithy.api#Blob", json!("not base64!")),
            "docList": req("smithy.api#Document", json!([1])),
            "wrongType": req("smithy.api#String", json!(5))
        }));
        for (name, fill) in &got {
            assert_eq!(fill, &None, "{name}");
        }
        assert_eq!(got.len(), 12);
    }
}
