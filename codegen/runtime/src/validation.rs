//! Checks shared by the generated `validate_at` methods; each pushes a [`Violation`] (with its
//! [`Detail`]) per failure. Also the reader of floats: the strings `"NaN"`, `"Infinity"` and
//! `"-Infinity"` (how the JSON protocols write non-finite numbers), and for 32-bit floats a refusal of
//! finite input that would overflow to infinity.

use crate::error::{Bound, Detail, LengthUnit, RangeValue, Violation};
use ::std::option::Option::{self, None, Some};
use ::std::string::String;
use ::std::vec::Vec;

/// `at.Name` (or `Name` at the root).
pub fn join(at: &str, name: &str) -> String {
    if at.is_empty() {
        name.to_string()
    } else {
        ::std::format!("{at}.{name}")
    }
}

/// `at[i]`.
pub fn index(at: &str, i: usize) -> String {
    ::std::format!("{at}[{i}]")
}

/// `at["key"]`.
pub fn key(at: &str, k: &str) -> String {
    ::std::format!("{at}[{k:?}]")
}

pub fn push(out: &mut Vec<Violation>, at: &str, detail: Detail) {
    out.push(Violation::new(at, detail));
}

/// A required member is missing.
pub fn required(at: &str, member: &'static str, out: &mut Vec<Violation>) {
    push(out, &join(at, member), Detail::Required { member });
}

/// Which side of `min..=max` the value is on, if outside (`lt` / `gt` compare the value with a bound).
fn side<T>(
    min: Option<T>,
    max: Option<T>,
    lt: impl Fn(&T) -> bool,
    gt: impl Fn(&T) -> bool,
) -> Option<Bound> {
    if min.as_ref().is_some_and(&lt) {
        Some(Bound::BelowMin)
    } else if max.as_ref().is_some_and(&gt) {
        Some(Bound::AboveMax)
    } else {
        None
    }
}

/// `length`: `n` counted in `unit`.
pub fn length(
    n: usize,
    min: Option<u64>,
    max: Option<u64>,
    unit: LengthUnit,
    at: &str,
    out: &mut Vec<Violation>,
) {
    let actual = n as u64;
    if let Some(bound) = side(min, max, |m| actual < *m, |m| actual > *m) {
        push(
            out,
            at,
            Detail::Length {
                bound,
                actual,
                min,
                max,
                unit,
            },
        );
    }
}

/// `length` of a string, in Unicode scalar values.
pub fn length_str(s: &str, min: Option<u64>, max: Option<u64>, at: &str, out: &mut Vec<Violation>) {
    length(s.chars().count(), min, max, LengthUnit::Characters, at, out)
}

/// Integer `range` (inclusive).
pub fn range_int(
    v: i128,
    min: Option<i128>,
    max: Option<i128>,
    at: &str,
    out: &mut Vec<Violation>,
) {
    if let Some(bound) = side(min, max, |m| v < *m, |m| v > *m) {
        let int = RangeValue::Integer;
        push(
            out,
            at,
            Detail::Range {
                bound,
                actual: int(v),
                min: min.map(int),
                max: max.map(int),
            },
        );
    }
}

/// `range` of a 64-bit float (inclusive); NaN is outside every range.
pub fn range_float(v: f64, min: Option<f64>, max: Option<f64>, at: &str, out: &mut Vec<Violation>) {
    let bound = if v.is_nan() {
        Some(Bound::NotANumber)
    } else {
        side(min, max, |m| v < *m, |m| v > *m)
    };
    if let Some(bound) = bound {
        let float = RangeValue::Float;
        push(
            out,
            at,
            Detail::Range {
                bound,
                actual: float(v),
                min: min.map(float),
                max: max.map(float),
            },
        );
    }
}

/// `range` of a 32-bit float (inclusive), compared in `f32`: the generator rounds the model's bounds
/// to the nearest `f32` (a bound beyond `f32::MAX` becomes `±f32::MAX`), so a value equal to a
/// rounded bound passes (`0.1` is within `max: 0.1`) and only values an `f32` can tell apart from the
/// bound fail. NaN is outside every range. Precision edge: an input below the smallest `f32` reads
/// as (signed) zero, so `-1e-50` is `-0.0` here and passes `min: 0`, which an `f64` check rejects.
pub fn range_f32(v: f32, min: Option<f32>, max: Option<f32>, at: &str, out: &mut Vec<Violation>) {
    let bound = if v.is_nan() {
        Some(Bound::NotANumber)
    } else {
        side(min, max, |m| v < *m, |m| v > *m)
    };
    if let Some(bound) = bound {
        let float = RangeValue::Float32;
        push(
            out,
            at,
            Detail::Range {
                bound,
                actual: float(v),
                min: min.map(float),
                max: max.map(float),
            },
        );
    }
}

/// `uniqueItems`: reports the first index that repeats an earlier element.
pub fn unique<T: ::std::cmp::PartialEq>(items: &[T], at: &str, out: &mut Vec<Violation>) {
    for (index, item) in items.iter().enumerate() {
        if let Some(first) = items[..index].iter().position(|x| x == item) {
            push(out, at, Detail::UniqueItems { index, first });
            return;
        }
    }
}

/// An enum value the generated crate does not know.
pub fn unknown_enum(
    type_name: &'static str,
    value: &dyn ::std::fmt::Display,
    at: &str,
    out: &mut Vec<Violation>,
) {
    push(
        out,
        at,
        Detail::Enum {
            type_name,
            value: value.to_string(),
        },
    );
}

/// A union member the generated crate does not know.
pub fn unknown_union(type_name: &'static str, member: &str, at: &str, out: &mut Vec<Violation>) {
    push(
        out,
        at,
        Detail::UnknownUnionMember {
            type_name,
            member: member.to_string(),
        },
    );
}

/// Reads a value holding floats (`f32`, `f64`, or `Option`s, `Vec`s and `BTreeMap`s of them): JSON
/// numbers, and the strings `"NaN"`, `"Infinity"` and `"-Infinity"` the JSON protocols write for
/// non-finite values. For `f32` it refuses a finite number that does not fit (`3e39` would otherwise
/// become infinity); numbers are rounded to the nearest `f32`, and below the smallest `f32` they
/// become (signed) zero, as in every JSON reader (see [`range_f32`] for what that means for `range`).
pub struct Floats<T>(pub T);

/// The types [`Floats`] reads.
pub trait ReadFloats<'de>: Sized {
    fn read<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error>;
}

impl<'de, T: ReadFloats<'de>> ::serde::Deserialize<'de> for Floats<T> {
    fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
        T::read(d).map(Floats)
    }
}

/// The value of a non-finite float string, as the JSON protocols spell them.
fn non_finite<E: ::serde::de::Error>(v: &str) -> ::std::result::Result<f64, E> {
    match v {
        "NaN" => ::std::result::Result::Ok(f64::NAN),
        "Infinity" => ::std::result::Result::Ok(f64::INFINITY),
        "-Infinity" => ::std::result::Result::Ok(f64::NEG_INFINITY),
        _ => ::std::result::Result::Err(E::invalid_value(
            ::serde::de::Unexpected::Str(v),
            &"a number, \"NaN\", \"Infinity\" or \"-Infinity\"",
        )),
    }
}

struct F32Visitor;

impl ::serde::de::Visitor<'_> for F32Visitor {
    type Value = f32;
    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str("a 32-bit float")
    }
    fn visit_f32<E: ::serde::de::Error>(self, v: f32) -> ::std::result::Result<f32, E> {
        ::std::result::Result::Ok(v)
    }
    fn visit_f64<E: ::serde::de::Error>(self, v: f64) -> ::std::result::Result<f32, E> {
        let narrow = v as f32;
        if v.is_finite() && narrow.is_infinite() {
            ::std::result::Result::Err(E::custom(::std::format_args!(
                "{v} is out of range for a 32-bit float (largest magnitude {})",
                f32::MAX
            )))
        } else {
            ::std::result::Result::Ok(narrow)
        }
    }
    fn visit_i64<E: ::serde::de::Error>(self, v: i64) -> ::std::result::Result<f32, E> {
        ::std::result::Result::Ok(v as f32)
    }
    fn visit_u64<E: ::serde::de::Error>(self, v: u64) -> ::std::result::Result<f32, E> {
        ::std::result::Result::Ok(v as f32)
    }
    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> ::std::result::Result<f32, E> {
        non_finite(v).map(|v| v as f32)
    }
}

struct F64Visitor;

impl ::serde::de::Visitor<'_> for F64Visitor {
    type Value = f64;
    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.write_str("a 64-bit float")
    }
    fn visit_f64<E: ::serde::de::Error>(self, v: f64) -> ::std::result::Result<f64, E> {
        ::std::result::Result::Ok(v)
    }
    fn visit_i64<E: ::serde::de::Error>(self, v: i64) -> ::std::result::Result<f64, E> {
        ::std::result::Result::Ok(v as f64)
    }
    fn visit_u64<E: ::serde::de::Error>(self, v: u64) -> ::std::result::Result<f64, E> {
        ::std::result::Result::Ok(v as f64)
    }
    fn visit_str<E: ::serde::de::Error>(self, v: &str) -> ::std::result::Result<f64, E> {
        non_finite(v)
    }
}

impl<'de> ReadFloats<'de> for f32 {
    fn read<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
        d.deserialize_any(F32Visitor)
    }
}

impl<'de> ReadFloats<'de> for f64 {
    fn read<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
        d.deserialize_any(F64Visitor)
    }
}

impl<'de, T: ReadFloats<'de>> ReadFloats<'de> for Option<T> {
    fn read<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
        <Option<Floats<T>> as ::serde::Deserialize<'de>>::deserialize(d).map(|v| v.map(|v| v.0))
    }
}

impl<'de, T: ReadFloats<'de>> ReadFloats<'de> for Vec<T> {
    fn read<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
        <Vec<Floats<T>> as ::serde::Deserialize<'de>>::deserialize(d)
            .map(|v| v.into_iter().map(|v| v.0).collect())
    }
}

impl<'de, T: ReadFloats<'de>> ReadFloats<'de> for ::std::collections::BTreeMap<String, T> {
    fn read<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
        <::std::collections::BTreeMap<String, Floats<T>> as ::serde::Deserialize<'de>>::deserialize(
            d,
        )
        .map(|m| m.into_iter().map(|(k, v)| (k, v.0)).collect())
    }
}
