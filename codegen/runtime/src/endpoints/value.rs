//! The values a rule set computes with: strings, booleans, integers, arrays and records, plus
//! "unset" (an optional parameter with no value, or a function such as `parseURL` that found
//! nothing). Records keep their keys in insertion order, as the model wrote them.

use std::fmt;

/// A value during endpoint resolution. `Value::None` is "not set": a condition whose value is
/// `None` or `false` does not hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    None,
    Bool(bool),
    String(String),
    Integer(i64),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

impl Value {
    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The boolean, when this is one.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A record's field, when this is a record holding it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Whether this value makes a condition hold: anything but unset and `false`.
    pub fn is_truthy(&self) -> bool {
        !matches!(self, Value::None | Value::Bool(false))
    }

    /// The rule-language name of this value's type, for error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::None => "unset",
            Value::Bool(_) => "boolean",
            Value::String(_) => "string",
            Value::Integer(_) => "integer",
            Value::Array(_) => "array",
            Value::Object(_) => "record",
        }
    }

    /// This value as JSON (unset becomes `null`), the form a resolved endpoint's properties take.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Value::None => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Integer(i) => serde_json::Value::from(*i),
            Value::Array(items) => items.iter().map(Value::to_json).collect(),
            Value::Object(fields) => serde_json::Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<Vec<String>> for Value {
    fn from(items: Vec<String>) -> Self {
        Value::Array(items.into_iter().map(Value::String).collect())
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::None => f.write_str("<unset>"),
            Value::Bool(b) => write!(f, "{b}"),
            Value::String(s) => f.write_str(s),
            Value::Integer(i) => write!(f, "{i}"),
            other => f.write_str(&other.to_json().to_string()),
        }
    }
}
