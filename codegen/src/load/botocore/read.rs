//! Typed reading of botocore JSON values: every accessor records a diagnostic (file, shape, JSON
//! pointer) instead of failing, so that one pass reports every problem of a model.

use crate::diag::{pointer_token, Diagnostics};
use serde_json::{Map, Number, Value};

/// A JSON object as serde_json gives it (insertion order kept: the workspace enables `preserve_order`).
pub type Object = Map<String, Value>;

/// `parent` + `/token`, the token escaped per RFC 6901.
pub fn join(parent: &str, token: &str) -> String {
    let mut out = String::with_capacity(parent.len() + token.len() + 1);
    out.push_str(parent);
    out.push('/');
    if token.contains(['~', '/']) {
        out.push_str(&pointer_token(token));
    } else {
        out.push_str(token);
    }
    out
}

/// The JSON type name of a value, for messages.
pub fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The loader's state: the file name and the problems found so far. The typed accessors take the
/// parent's JSON pointer and the key, and build the key's pointer only when there is a problem.
pub struct Ctx<'a> {
    pub file: &'a str,
    pub diags: Diagnostics,
}

impl<'a> Ctx<'a> {
    pub fn new(file: &'a str) -> Self {
        Ctx {
            file,
            diags: Diagnostics::new(),
        }
    }

    /// Record a problem.
    pub fn err(&mut self, shape: Option<&str>, path: &str, message: impl Into<String>) {
        self.diags.push(self.file, shape, path, message);
    }

    /// `value` as an object, or a diagnostic naming what it is instead.
    pub fn object<'v>(
        &mut self,
        value: &'v Value,
        shape: Option<&str>,
        path: &str,
        what: &str,
    ) -> Option<&'v Object> {
        match value {
            Value::Object(o) => Some(o),
            other => {
                self.err(
                    shape,
                    path,
                    format!("{what} must be an object, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// A string value (`key` names it in the message).
    pub fn string(
        &mut self,
        v: &Value,
        shape: Option<&str>,
        parent: &str,
        key: &str,
    ) -> Option<String> {
        match v {
            Value::String(s) => Some(s.clone()),
            other => {
                self.err(
                    shape,
                    &join(parent, key),
                    format!("`{key}` must be a string, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// A boolean value; a wrong type is reported and read as `false`.
    pub fn boolean(&mut self, v: &Value, shape: Option<&str>, parent: &str, key: &str) -> bool {
        match v {
            Value::Bool(b) => *b,
            other => {
                self.err(
                    shape,
                    &join(parent, key),
                    format!("`{key}` must be a boolean, found {}", kind(other)),
                );
                false
            }
        }
    }

    /// A number value.
    pub fn number(
        &mut self,
        v: &Value,
        shape: Option<&str>,
        parent: &str,
        key: &str,
    ) -> Option<Number> {
        match v {
            Value::Number(n) => Some(n.clone()),
            other => {
                self.err(
                    shape,
                    &join(parent, key),
                    format!("`{key}` must be a number, found {}", kind(other)),
                );
                None
            }
        }
    }

    /// An integer that fits a `u16` (HTTP status codes).
    pub fn status(
        &mut self,
        v: &Value,
        shape: Option<&str>,
        parent: &str,
        key: &str,
    ) -> Option<u16> {
        let n = self.number(v, shape, parent, key)?;
        match n.as_u64().and_then(|n| u16::try_from(n).ok()) {
            Some(code) => Some(code),
            None => {
                self.err(
                    shape,
                    &join(parent, key),
                    format!("`{key}` must be an HTTP status code, found {n}"),
                );
                None
            }
        }
    }

    /// A list of strings; a wrong type (of the list or of any item) is reported and skipped.
    pub fn strings(
        &mut self,
        v: &Value,
        shape: Option<&str>,
        parent: &str,
        key: &str,
    ) -> Vec<String> {
        self.indexed_strings(v, shape, parent, key)
            .into_iter()
            .map(|(_, s)| s)
            .collect()
    }

    /// Like [`Ctx::strings`], each string with its index in the JSON list (for later messages).
    pub fn indexed_strings(
        &mut self,
        v: &Value,
        shape: Option<&str>,
        parent: &str,
        key: &str,
    ) -> Vec<(usize, String)> {
        let Value::Array(items) = v else {
            self.err(
                shape,
                &join(parent, key),
                format!("`{key}` must be a list of strings, found {}", kind(v)),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item {
                Value::String(s) => out.push((i, s.clone())),
                other => self.err(
                    shape,
                    &join(&join(parent, key), &i.to_string()),
                    format!(
                        "`{key}` must be a list of strings, found {} in it",
                        kind(other)
                    ),
                ),
            }
        }
        out
    }

    /// A string or a list of strings (botocore paginator tokens and result keys).
    pub fn one_or_many(
        &mut self,
        v: &Value,
        shape: Option<&str>,
        parent: &str,
        key: &str,
    ) -> Vec<String> {
        match v {
            Value::String(s) => vec![s.clone()],
            Value::Array(_) => self.strings(v, shape, parent, key),
            other => {
                self.err(
                    shape,
                    &join(parent, key),
                    format!(
                        "`{key}` must be a string or a list of strings, found {}",
                        kind(other)
                    ),
                );
                Vec::new()
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(join("/shapes", "Plain"), "/shapes/Plain");
        assert_eq!(join("/shapes", "a/b~c"), "/shapes/a~1b~0c");
        assert_eq!(join("", "metadata"), "/metadata");
    }

    #[test]
    fn accessors_report_at_the_key() {
        let mut ctx = Ctx::new("f.json");
        assert_eq!(
            ctx.string(&json!(1), Some("S"), "/shapes/S", "pattern"),
            None
        );
        assert!(!ctx.boolean(&json!("yes"), None, "/x", "box"));
        assert_eq!(ctx.status(&json!(-1), None, "/e", "httpStatusCode"), None);
        assert_eq!(ctx.one_or_many(&json!("a"), None, "/p", "k"), ["a"]);
        assert_eq!(
            ctx.strings(&json!(["a", 2, "b"]), None, "/r", "required"),
            ["a", "b"]
        );
        let paths: Vec<&str> = ctx.diags.0.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "/shapes/S/pattern",
                "/x/box",
                "/e/httpStatusCode",
                "/r/required/1"
            ]
        );
    }
}
