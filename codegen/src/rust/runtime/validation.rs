//! Checks shared by the generated `validate_at` methods; each pushes a [`Violation`] per failure.

#![allow(dead_code)]

use crate::error::{Rule, Violation};
use ::std::string::String;
use ::std::vec::Vec;

/// `at.Name` (or `Name` at the root).
pub(crate) fn join(at: &str, name: &str) -> String {
    if at.is_empty() {
        name.to_string()
    } else {
        ::std::format!("{at}.{name}")
    }
}

/// `at[i]`.
pub(crate) fn index(at: &str, i: usize) -> String {
    ::std::format!("{at}[{i}]")
}

/// `at["key"]`.
pub(crate) fn key(at: &str, k: &str) -> String {
    ::std::format!("{at}[{k:?}]")
}

pub(crate) fn push(out: &mut Vec<Violation>, at: &str, rule: Rule, message: String) {
    out.push(Violation {
        path: at.to_string(),
        rule,
        message,
    });
}

/// A required member is missing.
pub(crate) fn required(at: &str, member: &str, out: &mut Vec<Violation>) {
    push(
        out,
        &join(at, member),
        Rule::Required,
        ::std::format!("missing required member `{member}`"),
    );
}

fn bounds<T: ::std::fmt::Display>(min: ::std::option::Option<T>, max: ::std::option::Option<T>) -> String {
    match (min, max) {
        (::std::option::Option::Some(a), ::std::option::Option::Some(b)) => ::std::format!("between {a} and {b}"),
        (::std::option::Option::Some(a), ::std::option::Option::None) => ::std::format!("at least {a}"),
        (::std::option::Option::None, ::std::option::Option::Some(b)) => ::std::format!("at most {b}"),
        (::std::option::Option::None, ::std::option::Option::None) => String::new(),
    }
}

/// `length`: `n` counted in `unit` (characters, elements, entries, bytes).
pub(crate) fn length(
    n: usize,
    min: ::std::option::Option<u64>,
    max: ::std::option::Option<u64>,
    unit: &str,
    at: &str,
    out: &mut Vec<Violation>,
) {
    let n64 = n as u64;
    if min.is_some_and(|m| n64 < m) || max.is_some_and(|m| n64 > m) {
        push(
            out,
            at,
            Rule::Length,
            ::std::format!("length {n} {unit}, expected {} {unit}", bounds(min, max)),
        );
    }
}

/// `length` of a string, in Unicode scalar values.
pub(crate) fn length_str(
    s: &str,
    min: ::std::option::Option<u64>,
    max: ::std::option::Option<u64>,
    at: &str,
    out: &mut Vec<Violation>,
) {
    length(s.chars().count(), min, max, "characters", at, out)
}

/// Integer `range` (inclusive).
pub(crate) fn range_int(
    v: i128,
    min: ::std::option::Option<i128>,
    max: ::std::option::Option<i128>,
    at: &str,
    out: &mut Vec<Violation>,
) {
    if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
        push(out, at, Rule::Range, ::std::format!("value {v}, expected {}", bounds(min, max)));
    }
}

/// Floating-point `range` (inclusive); NaN is outside every range.
pub(crate) fn range_float(
    v: f64,
    min: ::std::option::Option<f64>,
    max: ::std::option::Option<f64>,
    at: &str,
    out: &mut Vec<Violation>,
) {
    if v.is_nan() || min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
        push(out, at, Rule::Range, ::std::format!("value {v}, expected {}", bounds(min, max)));
    }
}

/// `uniqueItems`: reports the first index that repeats an earlier element.
pub(crate) fn unique<T: ::std::cmp::PartialEq>(items: &[T], at: &str, out: &mut Vec<Violation>) {
    for (i, item) in items.iter().enumerate() {
        if let ::std::option::Option::Some(j) = items[..i].iter().position(|x| x == item) {
            push(
                out,
                at,
                Rule::UniqueItems,
                ::std::format!("element {i} repeats element {j}; elements must be unique"),
            );
            return;
        }
    }
}

/// An enum value this crate does not know.
pub(crate) fn unknown_enum(type_name: &str, value: &dyn ::std::fmt::Display, at: &str, out: &mut Vec<Violation>) {
    push(
        out,
        at,
        Rule::Enum,
        ::std::format!("`{value}` is not a known {type_name} value"),
    );
}

/// A union member this crate does not know.
pub(crate) fn unknown_union(type_name: &str, member: &str, at: &str, out: &mut Vec<Violation>) {
    push(
        out,
        at,
        Rule::Union,
        ::std::format!("`{member}` is not a known member of union {type_name}"),
    );
}
