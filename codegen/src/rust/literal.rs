//! Rust expressions that build a value of a generated crate from JSON in botocore's test form
//! (members by model name, blobs as raw strings, timestamps as epoch seconds, non-finite floats as
//! `"NaN"` / `"Infinity"` / `"-Infinity"`), through the crate's public API (builders, enum `From`,
//! union variants). The protocol conformance runner and the botocore differential emit such
//! expressions for every case; also the names of the crate's operation modules and error variants.

use super::ctx::{ident, Ctx, UNIT};
use crate::ir::{Model, ShapeKind};
use crate::naming::rust::Scope;
use proc_macro2::{Literal, TokenStream, TokenTree};
use quote::quote;
use serde_json::Value;

/// Expressions and names for one model's generated crate.
pub struct Literals<'a> {
    ctx: Ctx<'a>,
}

impl<'a> Literals<'a> {
    pub fn new(model: &'a Model) -> Self {
        Literals {
            ctx: Ctx::new(model),
        }
    }

    /// The module of operation `op` under `operations` (`create_endpoint_config`).
    pub fn operation_module(&self, op: &str) -> Option<String> {
        super::operations::modules(&self.ctx)
            .into_iter()
            .find(|(o, _)| o.name == op)
            .map(|(_, m)| m)
    }

    /// The variant of operation `op`'s `Error` enum for error shape `error` (by shape id).
    pub fn error_variant(&self, op: &str, error: &str) -> Option<String> {
        let op = self.ctx.model.operations.get(op)?;
        super::operations::error_variants(&self.ctx, op)
            .into_iter()
            .find(|(s, _)| s.id == error)
            .map(|(_, v)| v)
    }

    /// The Rust path of the type of shape `id`, under crate `root` (`my_crate::types::Tag`).
    pub fn type_path(&self, id: &str, root: &str) -> String {
        rebase(self.ctx.rust_type(id), root).to_string()
    }

    /// An expression of type `Result<T, String>` building `value` as shape `id`, in crate `root`.
    pub fn value(&self, id: &str, value: &Value, root: &str) -> Result<String, String> {
        let e = self.expr(id, value, 0)?;
        Ok(rebase(quote!((|| -> Result<_, String> { Ok(#e) })()), root).to_string())
    }

    fn expr(&self, id: &str, v: &Value, depth: usize) -> Result<TokenStream, String> {
        if depth > 64 {
            return Err("value nested too deeply".into());
        }
        let ctx = &self.ctx;
        let shape = ctx.shape(id).ok_or_else(|| format!("no shape `{id}`"))?;
        let bad = || {
            format!(
                "{} is not a {} value for `{}`",
                v,
                shape.kind.type_name(),
                shape.name
            )
        };
        Ok(match &shape.kind {
            ShapeKind::Structure(_) => {
                let obj = v.as_object().ok_or_else(bad)?;
                let t = ctx.type_path(id);
                let fields = ctx.fields(shape);
                let mut setters = Scope::with_reserved(&["build"]);
                let names: Vec<String> = fields.iter().map(|f| setters.claim(&f.ident)).collect();
                let mut calls = Vec::new();
                for (k, val) in obj {
                    let i = fields
                        .iter()
                        .position(|f| &f.member.name == k)
                        .ok_or_else(|| format!("`{}` has no member `{k}`", shape.name))?;
                    if val.is_null() {
                        continue;
                    }
                    let setter = ident(&names[i]);
                    let e = self.expr(&fields[i].member.target, val, depth + 1)?;
                    calls.push(quote!(.#setter(#e)));
                }
                quote!(#t::builder() #(#calls)* .build().map_err(|e| e.to_string())?)
            }
            ShapeKind::Union(_) => {
                let obj = v.as_object().ok_or_else(bad)?;
                let (k, val) = obj.iter().find(|(_, v)| !v.is_null()).ok_or_else(bad)?;
                let t = ctx.type_path(id);
                let fields = ctx.fields(shape);
                let f = fields
                    .iter()
                    .find(|f| &f.member.name == k)
                    .ok_or_else(|| format!("union `{}` has no member `{k}`", shape.name))?;
                let var = ident(&f.ident);
                if f.member.target == UNIT {
                    quote!(#t::#var)
                } else {
                    let e = self.expr(&f.member.target, val, depth + 1)?;
                    if f.boxed {
                        quote!(#t::#var(Box::new(#e)))
                    } else {
                        quote!(#t::#var(#e))
                    }
                }
            }
            ShapeKind::List(m) => {
                let items = v.as_array().ok_or_else(bad)?;
                let es = items
                    .iter()
                    .map(|x| self.element(&m.target, x, shape.traits.sparse, depth))
                    .collect::<Result<Vec<_>, _>>()?;
                quote!(vec![#(#es),*])
            }
            ShapeKind::Map { value, .. } => {
                let obj = v.as_object().ok_or_else(bad)?;
                let es = obj
                    .iter()
                    .map(|(k, x)| {
                        let e = self.element(&value.target, x, shape.traits.sparse, depth)?;
                        let k = Literal::string(k);
                        Ok(quote!((#k.to_string(), #e)))
                    })
                    .collect::<Result<Vec<_>, String>>()?;
                quote!(::std::collections::BTreeMap::from([#(#es),*]))
            }
            ShapeKind::String => {
                let s = match v {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                let l = Literal::string(&s);
                quote!(#l.to_string())
            }
            ShapeKind::Enum(_) => {
                let l = Literal::string(v.as_str().ok_or_else(bad)?);
                let t = ctx.type_path(id);
                quote!(#t::from(#l))
            }
            ShapeKind::IntEnum(_) => {
                let n = i32::try_from(v.as_i64().ok_or_else(bad)?).map_err(|_| bad())?;
                let t = ctx.type_path(id);
                let l = Literal::i32_suffixed(n);
                quote!(#t::from(#l))
            }
            ShapeKind::Boolean => {
                let b = v.as_bool().ok_or_else(bad)?;
                quote!(#b)
            }
            ShapeKind::Byte | ShapeKind::Short | ShapeKind::Integer | ShapeKind::Long => {
                let n = v.as_i64().ok_or_else(bad)?;
                let l = match shape.kind {
                    ShapeKind::Byte => Literal::i8_suffixed(i8::try_from(n).map_err(|_| bad())?),
                    ShapeKind::Short => Literal::i16_suffixed(i16::try_from(n).map_err(|_| bad())?),
                    ShapeKind::Integer => {
                        Literal::i32_suffixed(i32::try_from(n).map_err(|_| bad())?)
                    }
                    _ => Literal::i64_suffixed(n),
                };
                quote!(#l)
            }
            ShapeKind::Float | ShapeKind::Double => {
                let t = if matches!(shape.kind, ShapeKind::Float) {
                    quote!(f32)
                } else {
                    quote!(f64)
                };
                match v {
                    Value::String(s) if s == "NaN" => quote!(#t::NAN),
                    Value::String(s) if s == "Infinity" => quote!(#t::INFINITY),
                    Value::String(s) if s == "-Infinity" => quote!(#t::NEG_INFINITY),
                    Value::Number(n) => {
                        let f = n.as_f64().ok_or_else(bad)?;
                        if matches!(shape.kind, ShapeKind::Float) {
                            let l = Literal::f32_suffixed(f as f32);
                            quote!(#l)
                        } else {
                            let l = Literal::f64_suffixed(f);
                            quote!(#l)
                        }
                    }
                    _ => return Err(bad()),
                }
            }
            ShapeKind::BigInteger | ShapeKind::BigDecimal => {
                let l = Literal::string(&v.to_string());
                quote!(#l.parse::<::serde_json::Number>().map_err(|e| e.to_string())?)
            }
            ShapeKind::Timestamp => match v {
                Value::Number(n) if n.as_i64().is_some() => {
                    let l = Literal::i64_suffixed(n.as_i64().unwrap_or_default());
                    quote!(crate::primitives::DateTime::from_secs(#l))
                }
                Value::Number(n) => {
                    let l = Literal::f64_suffixed(n.as_f64().ok_or_else(bad)?);
                    quote!(crate::primitives::DateTime::from_secs_f64(#l))
                }
                _ => return Err(bad()),
            },
            ShapeKind::Blob => {
                let l = Literal::byte_string(v.as_str().ok_or_else(bad)?.as_bytes());
                quote!(crate::primitives::Blob::new(#l.to_vec()))
            }
            ShapeKind::Document => {
                let l = Literal::string(&v.to_string());
                quote!(::serde_json::from_str::<::serde_json::Value>(#l).map_err(|e| e.to_string())?)
            }
        })
    }

    /// A list element or map value: `Some(..)` / `None` in sparse collections.
    fn element(
        &self,
        target: &str,
        v: &Value,
        sparse: bool,
        depth: usize,
    ) -> Result<TokenStream, String> {
        if sparse {
            if v.is_null() {
                return Ok(quote!(None));
            }
            let e = self.expr(target, v, depth + 1)?;
            return Ok(quote!(Some(#e)));
        }
        self.expr(target, v, depth + 1)
    }
}

/// `tokens` with every `crate` path root replaced by `root`.
fn rebase(tokens: TokenStream, root: &str) -> TokenStream {
    tokens
        .into_iter()
        .map(|t| match t {
            TokenTree::Ident(i) if i == "crate" => TokenTree::Ident(ident(root)),
            TokenTree::Group(g) => {
                let mut n = proc_macro2::Group::new(g.delimiter(), rebase(g.stream(), root));
                n.set_span(g.span());
                TokenTree::Group(n)
            }
            other => other,
        })
        .collect()
}
