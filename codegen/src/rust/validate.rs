//! Constraint bounds as schema literals: `length` as `Option<u64>` (fractional bounds rounded
//! inward, negatives clamped), integer `range` as `Option<i128>`, float `range` as `Option<f64>`,
//! and `float` ranges rounded to the nearest `f32`. The checks themselves are the runtime's
//! (`awsgen_runtime::schema::validate`), walking the schema.

use super::prelude::{NONE, SOME};
use crate::ir::{Bound, Bounds};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

fn opt(v: Option<TokenStream>) -> TokenStream {
    match v {
        Some(v) => quote!(#SOME(#v)),
        None => quote!(#NONE),
    }
}

/// Length bounds as `Option<u64>` tokens (fractional bounds rounded inward, negatives clamped).
pub fn count_bounds(b: &Bounds) -> (TokenStream, TokenStream) {
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
pub fn int_bounds(b: &Bounds) -> (TokenStream, TokenStream) {
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
pub fn float_bounds(b: &Bounds) -> (TokenStream, TokenStream) {
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
pub fn f32_bounds(b: &Bounds) -> (TokenStream, TokenStream) {
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
    pub fn f32_bounds_round_to_the_nearest_f32_and_clamp() {
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
