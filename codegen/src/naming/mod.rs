//! All naming: model names -> identifiers of each target, with table tests per target.
//!
//! `rust` owns Rust identifiers (types, fields, variants, keyword escaping); `r` owns paws-style names
//! (service prefix, snake_case operation names).

pub mod r;
pub mod rust;
