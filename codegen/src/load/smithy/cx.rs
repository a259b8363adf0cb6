//! The loading context: the file name, the collected diagnostics (each problem reported once), and
//! JSON-pointer helpers.

use crate::diag::{pointer_token, Diagnostics};
use std::collections::HashSet;

/// Collects problems for one file. A problem found twice (a mixin's bad trait seen through every shape
/// that uses the mixin) is reported once.
pub(super) struct Cx<'f> {
    pub file: &'f str,
    pub diags: Diagnostics,
    seen: HashSet<(String, String)>,
}

impl<'f> Cx<'f> {
    pub fn new(file: &'f str) -> Self {
        Cx {
            file,
            diags: Diagnostics::new(),
            seen: HashSet::new(),
        }
    }

    /// Record a problem about `shape` at JSON pointer `path`.
    pub fn err(&mut self, shape: Option<&str>, path: String, message: String) {
        if self.seen.insert((path.clone(), message.clone())) {
            self.diags.push(self.file, shape, path, message);
        }
    }
}

/// How deep mixins and resources may nest: the loader recurses along them, and a model must not be
/// able to exhaust the stack.
pub(super) const MAX_DEPTH: usize = 64;

/// A JSON pointer from unescaped reference tokens.
pub(super) fn ptr(tokens: &[&str]) -> String {
    let mut out = String::new();
    for t in tokens {
        out.push('/');
        out.push_str(&pointer_token(t));
    }
    out
}

/// `/shapes/<id>` followed by more tokens.
pub(super) fn shape_ptr(id: &str, rest: &[&str]) -> String {
    let mut out = ptr(&["shapes", id]);
    out.push_str(&ptr(rest));
    out
}

/// A short description of a JSON value's type, for messages (`a string`, `an object`, ...).
pub(super) fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Field lookup on JSON objects. Shape, member and trait objects hold a handful of keys: a linear scan
/// beats hashing the key (serde_json's ordered map hashes with SipHash).
pub(super) trait Field {
    fn field(&self, key: &str) -> Option<&serde_json::Value>;
    fn has(&self, key: &str) -> bool {
        self.field(key).is_some()
    }
}

impl Field for serde_json::Map<String, serde_json::Value> {
    fn field(&self, key: &str) -> Option<&serde_json::Value> {
        if self.len() <= 8 {
            self.iter().find_map(|(k, v)| (k == key).then_some(v))
        } else {
            self.get(key)
        }
    }
}

impl Field for serde_json::Value {
    fn field(&self, key: &str) -> Option<&serde_json::Value> {
        self.as_object()?.field(key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_slash_and_tilde() {
        assert_eq!(ptr(&["shapes", "a#B"]), "/shapes/a#B");
        assert_eq!(
            shape_ptr("ns#X", &["members", "a/b~c"]),
            "/shapes/ns#X/members/a~1b~0c"
        );
        assert_eq!(ptr(&[]), "");
    }

    #[test]
    fn a_problem_is_reported_once() {
        let mut cx = Cx::new("f.json");
        cx.err(Some("a"), "/x".into(), "m".into());
        cx.err(Some("b"), "/x".into(), "m".into());
        cx.err(Some("a"), "/x".into(), "other".into());
        assert_eq!(cx.diags.len(), 2);
    }
}
