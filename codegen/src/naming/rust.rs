//! Rust identifiers for the Rust back-end: type, field, variant, module and setter names.
//!
//! Every name goes through heck for its case, then [`sanitize`]: only ASCII letters, digits and `_` are
//! kept, a leading digit gets a `_` prefix, an empty result becomes a fallback word, and keywords are
//! escaped for edition 2021 (raw `r#type` where Rust allows it; `self_`, `crate_`, `super_`,
//! `SelfShape` / `SelfValue` where it does not). Collisions inside one scope are resolved by
//! [`Scope`]: the first name in model order keeps its name, later ones get `2`, `3`, ... (CamelCase)
//! or `_2`, `_3`, ... (snake_case, or after a digit), so the result only depends on the input order.

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::BTreeSet;

/// Strict and reserved keywords of Rust 2021 (plus `gen`, reserved in 2024).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "extern", "_"];

/// Is `s` a Rust keyword (strict or reserved)?
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s) || s == "_"
}

/// Keep ASCII alphanumerics and `_`, turning everything else into `_` separators (heck then drops them).
fn ascii_words(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// Escape a cased name: leading digit -> `_` prefix, empty -> `fallback`, keyword -> raw or suffixed.
fn sanitize(name: String, fallback: &str, camel: bool) -> String {
    let mut name = if name.is_empty() {
        fallback.to_string()
    } else {
        name
    };
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    if is_keyword(&name) {
        if NOT_RAW.contains(&name.as_str()) {
            if camel {
                name.push_str(fallback);
            } else {
                name.push('_');
            }
        } else {
            name.insert_str(0, "r#");
        }
    }
    name
}

/// A type name (`CreateEndpointConfigInput`, `Self` -> `SelfShape`).
pub fn type_name(shape_name: &str) -> String {
    sanitize(ascii_words(shape_name).to_upper_camel_case(), "Shape", true)
}

/// An enum or union variant name (`ml.t2.medium` -> `MlT2Medium`, `Self` -> `SelfValue`).
pub fn variant_name(name: &str) -> String {
    sanitize(ascii_words(name).to_upper_camel_case(), "Value", true)
}

/// A field, setter or local name (`EndpointConfigName` -> `endpoint_config_name`, `type` -> `r#type`).
pub fn field_name(member: &str) -> String {
    sanitize(ascii_words(member).to_snake_case(), "value", false)
}

/// A module name: like a field name but never raw (`type` -> `type_`), so it is also a file stem.
pub fn module_name(shape_name: &str) -> String {
    let n = field_name(shape_name);
    match n.strip_prefix("r#") {
        Some(k) => format!("{k}_"),
        None => n,
    }
}

/// The identifier text without a raw prefix (`r#type` -> `type`), e.g. for file names.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// A naming scope: hands out unique names, in call order.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    pub fn new() -> Self {
        Self::default()
    }

    /// A scope in which `reserved` names are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Scope {
            taken: reserved.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// `candidate` if free, else the first free `candidate2`, `candidate3`, ... (`_2` for snake_case and
    /// for names ending in a digit).
    pub fn claim(&mut self, candidate: &str) -> String {
        let key = |s: &str| unraw(s).to_string();
        if self.taken.insert(key(candidate)) {
            return candidate.to_string();
        }
        let base = unraw(candidate);
        let snake = base.chars().any(|c| c.is_ascii_lowercase())
            && !base.chars().any(|c| c.is_ascii_uppercase());
        let sep = if snake || base.ends_with(|c: char| c.is_ascii_digit()) {
            "_"
        } else {
            ""
        };
        let mut n = 2;
        loop {
            let next = format!("{base}{sep}{n}");
            if self.taken.insert(next.clone()) {
                return next;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_names() {
        for (input, want) in [
            ("CreateEndpointConfigInput", "CreateEndpointConfigInput"),
            ("endpointConfig", "EndpointConfig"),
            ("Option", "Option"),
            ("String", "String"),
            ("Self", "SelfShape"),
            ("self", "SelfShape"),
            ("2Fast", "_2fast"),
            ("ml.t2.medium", "MlT2Medium"),
            ("", "Shape"),
            ("__", "Shape"),
            ("Ünïcode", "NCode"),
        ] {
            assert_eq!(type_name(input), want, "type_name({input:?})");
        }
    }

    #[test]
    fn variant_names() {
        for (input, want) in [
            ("ml.t2.medium", "MlT2Medium"),
            ("ML_T2_MEDIUM", "MlT2Medium"),
            ("InService", "InService"),
            ("1.0", "_10"),
            ("10", "_10"),
            ("*", "Value"),
            ("Self", "SelfValue"),
            ("us-east-1", "UsEast1"),
            ("application/json", "ApplicationJson"),
        ] {
            assert_eq!(variant_name(input), want, "variant_name({input:?})");
        }
    }

    #[test]
    fn field_names() {
        for (input, want) in [
            ("EndpointConfigName", "endpoint_config_name"),
            ("SSEKMSKeyId", "ssekms_key_id"),
            ("type", "r#type"),
            ("Type", "r#type"),
            ("match", "r#match"),
            ("async", "r#async"),
            ("gen", "r#gen"),
            ("self", "self_"),
            ("Self", "self_"),
            ("super", "super_"),
            ("crate", "crate_"),
            ("extern", "extern_"),
            ("_", "value"),
            ("3d", "_3d"),
            ("a-b.c", "a_b_c"),
            ("", "value"),
        ] {
            assert_eq!(field_name(input), want, "field_name({input:?})");
        }
    }

    #[test]
    fn module_names_are_never_raw() {
        assert_eq!(module_name("Type"), "type_");
        assert_eq!(module_name("Mod"), "mod_");
        assert_eq!(module_name("Self"), "self_");
        assert_eq!(module_name("EndpointConfig"), "endpoint_config");
    }

    #[test]
    fn scopes_resolve_collisions_in_order() {
        let mut s = Scope::new();
        assert_eq!(s.claim("FooBar"), "FooBar");
        assert_eq!(s.claim("FooBar"), "FooBar2");
        assert_eq!(s.claim("FooBar2"), "FooBar2_2");
        assert_eq!(s.claim("FooBar"), "FooBar3");
        let mut f = Scope::with_reserved(&["build"]);
        assert_eq!(f.claim("build"), "build_2");
        assert_eq!(f.claim("r#type"), "r#type");
        assert_eq!(f.claim("r#type"), "type_2");
        let mut v = Scope::with_reserved(&["Unknown"]);
        assert_eq!(v.claim("Unknown"), "Unknown2");
        assert_eq!(v.claim("_10"), "_10");
        assert_eq!(v.claim("_10"), "_10_2");
        assert_eq!(v.claim("Ec2"), "Ec2");
        assert_eq!(v.claim("Ec2"), "Ec2_2");
    }
}
