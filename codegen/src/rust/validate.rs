//! `validate()` / `validate_at()`: code that checks every constraint of a value and its contents,
//! pushing one `Violation` (with its wire path) per failure. Runtime helpers live in the emitted
//! `validation.rs` / `patterns.rs`.

use super::ctx::{ident, member_constraints, Ctx, Field, PatternInfo};
use super::prelude::{NONE, RESULT, SOME, VEC};
use crate::ir::{Bound, Bounds, ShapeKind, Traits};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// Nested containers deeper than this are not checked element-wise (no AWS model comes close).
const MAX_DEPTH: usize = 8;

/// The `validate` / `validate_at` pair on a type; `body` pushes violations for `self` at `at`.
pub fn methods(body: TokenStream) -> TokenStream {
    let (at, out) = if body.is_empty() {
        (quote!(_at), quote!(_out))
    } else {
        (quote!(at), quote!(out))
    };
    quote! {
        /// Checks every constraint the model states on this value and everything it contains;
        /// returns all violations at once, each with its path in wire member names.
        pub fn validate(&self) -> #RESULT<(), crate::error::ValidationError> {
            let mut out = #VEC::new();
            self.validate_at("", &mut out);
            crate::error::ValidationError::check(out)
        }

        /// [`Self::validate`], appending to `out` with paths under `at`.
        #[doc(hidden)]
        pub fn validate_at(&self, #at: &str, #out: &mut #VEC<crate::error::Violation>) {
            #body
        }
    }
}

/// Checks of one structure's fields.
pub fn struct_body(ctx: &Ctx, fields: &[Field]) -> TokenStream {
    let mut out = TokenStream::new();
    for f in fields {
        let name = ident(&f.ident);
        let wire = Literal::string(&f.wire);
        let check = check_value(ctx, quote!(v), &f.member.target, Some(&f.member.traits), 0);
        // An unset required member with a default is not missing: the default applies.
        if f.required && !f.plain && super::builders::required_default(ctx, f.member).is_none() {
            let missing = quote!(crate::validation::required(at, #wire, out););
            out.extend(if check.is_empty() {
                quote!(if self.#name.is_none() { #missing })
            } else {
                quote! {
                    match &self.#name {
                        #NONE => { #missing }
                        #SOME(v) => {
                            let at = &crate::validation::join(at, #wire);
                            #check
                        }
                    }
                }
            });
            continue;
        }
        if check.is_empty() {
            continue;
        }
        let body = quote! {
            let at = &crate::validation::join(at, #wire);
            #check
        };
        out.extend(if f.plain {
            quote!({ let v = &self.#name; #body })
        } else {
            quote!(if let #SOME(v) = &self.#name { #body })
        });
    }
    out
}

/// Code checking `value` (an expression of type `&T`) at path `at`.
pub fn check_value(
    ctx: &Ctx,
    value: TokenStream,
    target: &str,
    member: Option<&Traits>,
    depth: usize,
) -> TokenStream {
    let Some(shape) = ctx.shape(target) else {
        return TokenStream::new();
    };
    let member_has = member.is_some_and(member_constraints);
    if !ctx.needs_check(target) && !member_has {
        return TokenStream::new();
    }
    let pick = |f: fn(&Traits) -> bool| -> Option<&Traits> {
        match member {
            Some(m) if f(m) => Some(m),
            _ => Some(&shape.traits).filter(|t| f(t)),
        }
    };
    let length = pick(|t| t.length.is_some()).and_then(|t| t.length.as_ref());
    let range = pick(|t| t.range.is_some()).and_then(|t| t.range.as_ref());
    let pattern = pick(|t| t.pattern.is_some()).and_then(|t| t.pattern.as_ref());
    let mut out = TokenStream::new();
    match &shape.kind {
        ShapeKind::String => {
            if let Some(b) = length {
                let (min, max) = count_bounds(b);
                out.extend(quote!(crate::validation::length_str(#value, #min, #max, at, out);));
            }
            if let Some(PatternInfo::Ok { index, .. }) = pattern.and_then(|p| ctx.patterns.get(p)) {
                let p = format_ident!("P{}", index);
                out.extend(quote!(crate::patterns::#p.check(#value, at, out);));
            }
        }
        ShapeKind::Enum(_)
        | ShapeKind::IntEnum(_)
        | ShapeKind::Structure(_)
        | ShapeKind::Union(_) => {
            if ctx.needs_check(target) {
                out.extend(quote!(#value.validate_at(at, out);));
            }
        }
        ShapeKind::Byte | ShapeKind::Short | ShapeKind::Integer | ShapeKind::Long => {
            if let Some(b) = range {
                let (min, max) = int_bounds(b);
                out.extend(
                    quote!(crate::validation::range_int(i128::from(*#value), #min, #max, at, out);),
                );
            }
        }
        ShapeKind::Float => {
            if let Some(b) = range {
                let (min, max) = f32_bounds(b);
                out.extend(quote!(crate::validation::range_f32(*#value, #min, #max, at, out);));
            }
        }
        ShapeKind::Double => {
            if let Some(b) = range {
                let (min, max) = float_bounds(b);
                out.extend(quote!(crate::validation::range_float(*#value, #min, #max, at, out);));
            }
        }
        ShapeKind::BigInteger | ShapeKind::BigDecimal => {
            if let Some(b) = range {
                let (min, max) = float_bounds(b);
                out.extend(quote! {
                    crate::validation::range_float(#value.as_f64().unwrap_or(f64::NAN), #min, #max, at, out);
                });
            }
        }
        ShapeKind::Blob => {
            if let Some(b) = length {
                let (min, max) = count_bounds(b);
                out.extend(
                    quote!(crate::validation::length(#value.len(), #min, #max, crate::error::LengthUnit::Bytes, at, out);),
                );
            }
        }
        ShapeKind::List(m) => {
            if let Some(b) = length {
                let (min, max) = count_bounds(b);
                out.extend(quote!(crate::validation::length(#value.len(), #min, #max, crate::error::LengthUnit::Elements, at, out);));
            }
            if pick(|t| t.unique_items).is_some() {
                out.extend(quote!(crate::validation::unique(#value, at, out);));
            }
            if depth < MAX_DEPTH {
                let item = format_ident!("item{}", depth);
                let inner = check_value(ctx, quote!(#item), &m.target, Some(&m.traits), depth + 1);
                if !inner.is_empty() {
                    let (bind, inner) = sparse(shape.traits.sparse, &item, inner);
                    out.extend(quote! {
                        for (i, #bind) in #value.iter().enumerate() {
                            let at = &crate::validation::index(at, i);
                            #inner
                        }
                    });
                }
            }
        }
        ShapeKind::Map { key, value: v } => {
            if let Some(b) = length {
                let (min, max) = count_bounds(b);
                out.extend(quote!(crate::validation::length(#value.len(), #min, #max, crate::error::LengthUnit::Entries, at, out);));
            }
            if depth < MAX_DEPTH {
                let k = format_ident!("key{}", depth);
                let item = format_ident!("item{}", depth);
                let key_check = key_check(ctx, &k, &key.target, &key.traits, depth);
                let inner = check_value(ctx, quote!(#item), &v.target, Some(&v.traits), depth + 1);
                let (bind, inner) = sparse(shape.traits.sparse, &item, inner);
                if !key_check.is_empty() || !inner.is_empty() {
                    out.extend(quote! {
                        for (#k, #bind) in #value.iter() {
                            let at = &crate::validation::key(at, #k);
                            #key_check
                            #inner
                        }
                    });
                }
            }
        }
        ShapeKind::Boolean | ShapeKind::Timestamp | ShapeKind::Document => {}
    }
    out
}

/// Do values of shape `target` hold floats (an `f32` or `f64`, or lists and maps of them at any
/// depth)? The wire reader reads such members through `crate::validation::Floats`, which reads the
/// non-finite strings and refuses a finite number that would overflow an `f32`.
pub fn holds_float(ctx: &Ctx, target: &str) -> bool {
    let mut id = target;
    for _ in 0..=MAX_DEPTH * 8 {
        match ctx.shape(id).map(|s| &s.kind) {
            Some(ShapeKind::Float | ShapeKind::Double) => return true,
            Some(ShapeKind::List(m)) => id = &m.target,
            Some(ShapeKind::Map { value, .. }) => id = &value.target,
            _ => return false,
        }
    }
    false
}

/// Map keys are `String`s: string constraints of the key shape, and known values of an enum key.
fn key_check(
    ctx: &Ctx,
    k: &proc_macro2::Ident,
    target: &str,
    traits: &Traits,
    depth: usize,
) -> TokenStream {
    match ctx.shape(target).map(|s| &s.kind) {
        Some(ShapeKind::Enum(_)) => {
            let t = ctx.type_path(target);
            let name = Literal::string(
                &ctx.types
                    .get(target)
                    .map(|n| n.type_name.clone())
                    .unwrap_or_default(),
            );
            quote! {
                if #t::try_parse(#k).is_err() {
                    crate::validation::unknown_enum(#name, #k, at, out);
                }
            }
        }
        Some(ShapeKind::String) => check_value(ctx, quote!(#k), target, Some(traits), depth + 1),
        _ => TokenStream::new(),
    }
}

/// Sparse containers hold `Option<T>`: check only present elements.
fn sparse(
    is_sparse: bool,
    item: &proc_macro2::Ident,
    inner: TokenStream,
) -> (TokenStream, TokenStream) {
    if is_sparse && !inner.is_empty() {
        (
            quote!(#item),
            quote!(if let #SOME(#item) = #item { #inner }),
        )
    } else if inner.is_empty() {
        (quote!(_), inner)
    } else {
        (quote!(#item), inner)
    }
}

fn opt(v: Option<TokenStream>) -> TokenStream {
    match v {
        Some(v) => quote!(#SOME(#v)),
        None => quote!(#NONE),
    }
}

/// Length bounds as `Option<u64>` tokens (fractional bounds rounded inward, negatives clamped).
fn count_bounds(b: &Bounds) -> (TokenStream, TokenStream) {
    let conv = |x: &Option<Bound>, up: bool| {
        x.as_ref().and_then(|b| {
            let v = match b.as_i128() {
                Some(i) => i as f64,
                None => b.as_f64(),
            };
            let v = if up { v.ceil() } else { v.floor() };
            v.is_finite()
                .then(|| Literal::u64_suffixed(v.max(0.0).min(u64::MAX as f64) as u64))
        })
    };
    (
        opt(conv(&b.min, true).map(|l| quote!(#l))),
        opt(conv(&b.max, false).map(|l| quote!(#l))),
    )
}

/// Integer range bounds as `Option<i128>` tokens.
fn int_bounds(b: &Bounds) -> (TokenStream, TokenStream) {
    let conv = |x: &Option<Bound>, up: bool| {
        x.as_ref().and_then(|b| {
            b.as_i128().or_else(|| {
                let v = b.as_f64();
                let v = if up { v.ceil() } else { v.floor() };
                (v.is_finite() && v.abs() < 1e38).then_some(v as i128)
            })
        })
    };
    let lit = |v: Option<i128>| {
        opt(v.map(|v| {
            let l = Literal::i128_suffixed(v);
            quote!(#l)
        }))
    };
    (lit(conv(&b.min, true)), lit(conv(&b.max, false)))
}

/// Floating-point range bounds as `Option<f64>` tokens.
fn float_bounds(b: &Bounds) -> (TokenStream, TokenStream) {
    let conv = |x: &Option<Bound>| {
        x.as_ref()
            .map(Bound::as_f64)
            .filter(|v| v.is_finite())
            .map(|v| {
                let l = Literal::f64_suffixed(v);
                quote!(#l)
            })
    };
    (opt(conv(&b.min)), opt(conv(&b.max)))
}

/// `f32` range bounds as `Option<f32>` tokens: the model's bound rounded to the nearest `f32`, a
/// bound beyond the `f32` range clamped to `±f32::MAX` (every finite `f32` is within it, infinity
/// is not), a non-finite bound dropped.
fn f32_bounds(b: &Bounds) -> (TokenStream, TokenStream) {
    let conv = |x: &Option<Bound>| {
        x.as_ref()
            .map(Bound::as_f64)
            .filter(|v| v.is_finite())
            .map(|v| {
                let l = Literal::f32_suffixed(round_f32(v));
                quote!(#l)
            })
    };
    (opt(conv(&b.min)), opt(conv(&b.max)))
}

/// The nearest `f32` to a finite `v`, clamped to `±f32::MAX`.
fn round_f32(v: f64) -> f32 {
    (v as f32).clamp(-f32::MAX, f32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds(min: Option<f64>, max: Option<f64>) -> Bounds {
        let b = |v: f64| Bound(serde_json::Number::from_f64(v).expect("finite"));
        Bounds {
            min: min.map(b),
            max: max.map(b),
        }
    }

    #[test]
    fn f32_bounds_round_to_the_nearest_f32_and_clamp() {
        assert_eq!(round_f32(0.1), 0.1_f32);
        assert_eq!(round_f32(1e39), f32::MAX);
        assert_eq!(round_f32(-1e39), -f32::MAX);
        let (min, max) = f32_bounds(&bounds(Some(0.1), Some(1e39)));
        assert_eq!(min.to_string(), quote!(#SOME(0.1f32)).to_string());
        let big = Literal::f32_suffixed(f32::MAX);
        assert_eq!(max.to_string(), quote!(#SOME(#big)).to_string());
        let (min, max) = f32_bounds(&bounds(None, Some(-1e39)));
        assert_eq!(min.to_string(), quote!(#NONE).to_string());
        let small = Literal::f32_suffixed(-f32::MAX);
        assert_eq!(max.to_string(), quote!(#SOME(#small)).to_string());
    }
}
