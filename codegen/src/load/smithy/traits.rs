//! Traits: each trait application checked and turned into typed [`Traits`] fields; every trait the IR
//! does not type is kept raw in `Traits::other` under its absolute id. The `enum`, `enumValue` and
//! `paginated` traits are handed back to the caller, which knows what shape they sit on.

use super::cx::{json_kind, Cx, Field};
use super::index::TraitSrc;
use crate::ir::{Bound, Bounds, Deprecated, Http, HttpBinding, Pattern, TimestampFormat, Traits};
use serde_json::Value;

/// Traits whose meaning depends on the shape they are on.
#[derive(Debug, Default)]
pub(super) struct Special<'a> {
    /// `smithy.api#enum` (1.0-style enum on a string shape).
    pub enum_trait: Option<TraitSrc<'a>>,
    /// `smithy.api#enumValue` (on enum / intEnum members).
    pub enum_value: Option<TraitSrc<'a>>,
    /// `smithy.api#paginated` (operations and services).
    pub paginated: Option<TraitSrc<'a>>,
    /// `smithy.api#box` was applied (Smithy 1.0).
    pub boxed: bool,
}

/// Parse trait applications in order (later ones override earlier ones). `shape` names the shape
/// being loaded, for messages.
pub(super) fn parse<'a>(cx: &mut Cx, srcs: &[TraitSrc<'a>]) -> (Traits, Special<'a>) {
    let mut t = Traits::default();
    let mut sp = Special::default();
    for s in srcs {
        let mut p = P { cx, s };
        let Some(name) = s.id.strip_prefix("smithy.api#") else {
            t.other.insert(s.id.to_string(), s.value.clone());
            continue;
        };
        match name {
            "documentation" => t.documentation = p.string(),
            "required" => t.required = p.annotation(),
            "default" => t.default = Some(s.value.clone()),
            "clientOptional" => t.client_optional = p.annotation(),
            "addedDefault" => t.added_default = p.annotation(),
            "length" => t.length = p.bounds(),
            "range" => t.range = p.bounds(),
            "pattern" => t.pattern = p.string().map(Pattern::new),
            "sensitive" => t.sensitive = p.annotation(),
            "deprecated" => t.deprecated = p.deprecated(),
            "timestampFormat" => t.timestamp_format = p.timestamp_format(),
            "jsonName" => t.json_name = p.string(),
            "httpHeader" => t.http_binding = p.string().map(HttpBinding::Header),
            "httpPrefixHeaders" => t.http_binding = p.string().map(HttpBinding::PrefixHeaders),
            "httpQuery" => t.http_binding = p.string().map(HttpBinding::Query),
            "httpQueryParams" => t.http_binding = p.flag(HttpBinding::QueryParams),
            "httpLabel" => t.http_binding = p.flag(HttpBinding::Label),
            "httpPayload" => t.http_binding = p.flag(HttpBinding::Payload),
            "httpResponseCode" => t.http_binding = p.flag(HttpBinding::ResponseCode),
            "idempotencyToken" => t.idempotency_token = p.annotation(),
            "error" => t.error = p.error(),
            "httpError" => t.http_error = p.status_code(),
            "sparse" => t.sparse = p.annotation(),
            "uniqueItems" => t.unique_items = p.annotation(),
            "input" => t.input = p.annotation(),
            "output" => t.output = p.annotation(),
            "http" => t.http = p.http(),
            "endpoint" => t.host_prefix = p.endpoint(),
            "streaming" => t.streaming = p.annotation(),
            "box" => {
                t.boxed = p.annotation();
                sp.boxed = t.boxed;
            }
            "idempotent" => t.idempotent = p.annotation(),
            "examples" => t.examples = p.array().then(|| s.value.clone()),
            "enum" => sp.enum_trait = Some(s.clone()),
            "enumValue" => sp.enum_value = Some(s.clone()),
            "paginated" => sp.paginated = Some(s.clone()),
            _ => {
                t.other.insert(s.id.to_string(), s.value.clone());
            }
        }
    }
    (t, sp)
}

/// Checks one trait value, reporting type errors at the trait's path.
pub(super) struct P<'c, 'f, 's, 'a> {
    pub cx: &'c mut Cx<'f>,
    pub s: &'s TraitSrc<'a>,
}

impl<'a> P<'_, '_, '_, 'a> {
    pub fn bad(&mut self, inner: &[&str], msg: String) {
        let path = self.s.path(inner);
        self.cx.err(Some(self.s.owner), path, msg);
    }

    fn wrong(&mut self, inner: &[&str], expected: &str, found: &Value) {
        let what = match inner.last() {
            Some(k) => format!("`{}` property `{k}`", self.s.id),
            None => format!("trait `{}`", self.s.id),
        };
        self.bad(
            inner,
            format!("{what} must be {expected}, found {}", json_kind(found)),
        );
    }

    /// An annotation trait: its value must be an object (usually `{}`).
    fn annotation(&mut self) -> bool {
        if self.s.value.is_object() {
            true
        } else {
            self.wrong(&[], "an object", self.s.value);
            false
        }
    }

    fn flag(&mut self, binding: HttpBinding) -> Option<HttpBinding> {
        self.annotation().then_some(binding)
    }

    pub fn string(&mut self) -> Option<String> {
        match self.s.value {
            Value::String(s) => Some(s.clone()),
            v => {
                self.wrong(&[], "a string", v);
                None
            }
        }
    }

    fn array(&mut self) -> bool {
        if self.s.value.is_array() {
            true
        } else {
            self.wrong(&[], "an array", self.s.value);
            false
        }
    }

    /// The value as an object, or a report.
    pub fn object(&mut self) -> Option<&'a serde_json::Map<String, Value>> {
        let v: &'a Value = self.s.value;
        match v {
            Value::Object(o) => Some(o),
            _ => {
                self.wrong(&[], "an object", v);
                None
            }
        }
    }

    /// An optional string property of an object-valued trait.
    pub fn opt_str(&mut self, key: &str) -> Option<String> {
        let v = self.s.value.field(key)?;
        match v {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.wrong(&[key], "a string", v);
                None
            }
        }
    }

    fn bounds(&mut self) -> Option<Bounds> {
        self.object()?;
        let mut b = Bounds::default();
        for key in ["min", "max"] {
            let bound = match self.s.value.field(key) {
                None => None,
                Some(Value::Number(n)) => Some(Bound(n.clone())),
                Some(v) => {
                    self.wrong(&[key], "a number", v);
                    None
                }
            };
            if key == "min" {
                b.min = bound;
            } else {
                b.max = bound;
            }
        }
        Some(b)
    }

    fn deprecated(&mut self) -> Option<Deprecated> {
        self.object()?;
        Some(Deprecated {
            message: self.opt_str("message"),
            since: self.opt_str("since"),
        })
    }

    fn timestamp_format(&mut self) -> Option<TimestampFormat> {
        let f = self.string()?;
        let out = match f.as_str() {
            "epoch-seconds" => TimestampFormat::EpochSeconds,
            "date-time" => TimestampFormat::DateTime,
            "http-date" => TimestampFormat::HttpDate,
            _ => {
                self.bad(
                    &[],
                    format!(
                        "unknown timestamp format `{f}` (expected epoch-seconds, date-time or \
                         http-date)"
                    ),
                );
                return None;
            }
        };
        Some(out)
    }

    fn error(&mut self) -> Option<String> {
        let e = self.string()?;
        if e != "client" && e != "server" {
            self.bad(
                &[],
                format!("`smithy.api#error` must be \"client\" or \"server\", found \"{e}\""),
            );
            return None;
        }
        Some(e)
    }

    /// An HTTP status code (100..=999) at `inner`.
    fn code_at(&mut self, inner: &[&str], v: &Value) -> Option<u16> {
        match v.as_u64() {
            Some(c) if (100..=999).contains(&c) => u16::try_from(c).ok(),
            _ => {
                if v.is_number() {
                    self.bad(
                        inner,
                        format!("HTTP status code {v} is out of range 100..=999"),
                    );
                } else {
                    self.wrong(inner, "an integer HTTP status code", v);
                }
                None
            }
        }
    }

    fn status_code(&mut self) -> Option<u16> {
        self.code_at(&[], self.s.value)
    }

    fn http(&mut self) -> Option<Http> {
        let o = self.object()?;
        let (method, uri, code) = (o.field("method"), o.field("uri"), o.field("code"));
        let method = self.required_str("method", method);
        let uri = self.required_str("uri", uri);
        let code = match code {
            Some(c) => Some(self.code_at(&["code"], c)?),
            None => None,
        };
        Some(Http {
            method: method?,
            uri: uri?,
            code,
        })
    }

    fn required_str(&mut self, key: &str, v: Option<&Value>) -> Option<String> {
        match v {
            Some(Value::String(s)) => Some(s.clone()),
            Some(v) => {
                self.wrong(&[key], "a string", v);
                None
            }
            None => {
                self.bad(&[], format!("trait `{}` has no `{key}`", self.s.id));
                None
            }
        }
    }

    fn endpoint(&mut self) -> Option<String> {
        let o = self.object()?;
        let host = o.field("hostPrefix");
        self.required_str("hostPrefix", host)
    }
}
