//! One operation call's HTTP message, from schemas: [`serialize_request`] builds the request of an
//! [`Operation`] from its input (awsJson: `POST /` with `X-Amz-Target` and the JSON body;
//! restJson1: the path with its labels percent-encoded, the query string, headers, prefix headers
//! and the body or payload), [`parse_output`] reads a response into an output or error structure
//! (its body or payload, then its bound headers, prefix headers and status code).

use super::decode::{Builder, DecodeError, Decoder, FromWire, Result};
use super::json::{self, JsonDecoder, ROOT};
use super::value::{Struct, Value};
use super::{Binding, Kind, Member, Shape, TimestampFormat};
use crate::primitives::DateTime;
use crate::protocol::{self as p, Query, RequestBuilder, SerializeError};

/// The JSON protocols.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Protocol {
    AwsJson1_0,
    AwsJson1_1,
    RestJson1,
}

/// An operation as data: what its request and response look like.
#[derive(Debug)]
pub struct Operation {
    pub name: &'static str,
    pub protocol: Protocol,
    /// awsJson's `X-Amz-Target` (`Service.Operation`).
    pub target: &'static str,
    /// The `http` trait's method and URI template (`POST` and `/` under awsJson).
    pub method: &'static str,
    pub uri: &'static str,
    /// The `endpoint` trait's host prefix, and the input member index filling each of its labels.
    pub host_prefix: Option<(&'static str, &'static [(&'static str, usize)])>,
    /// The service is `awsQueryCompatible` (requests say `x-amzn-query-mode: true`).
    pub query_compatible: bool,
}

/// The request of `op` for `input` (`None`: the operation takes no input). URI: path and query.
pub fn serialize_request(
    op: &Operation,
    input: Option<&dyn Struct>,
) -> std::result::Result<http::Request<Vec<u8>>, SerializeError> {
    let mut r = match op.protocol {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => {
            let mut r = RequestBuilder::new("POST", "/".to_string());
            r.header("X-Amz-Target", op.target)?;
            if op.query_compatible {
                r.header("x-amzn-query-mode", "true")?;
            }
            let content_type = if op.protocol == Protocol::AwsJson1_0 {
                "application/x-amz-json-1.0"
            } else {
                "application/x-amz-json-1.1"
            };
            let body = input.map_or_else(|| b"{}".to_vec(), json::input_to_vec);
            r.body(content_type, body)?;
            r
        }
        Protocol::RestJson1 => rest_request(op, input)?,
    };
    if let Some((template, labels)) = op.host_prefix {
        r.host_prefix(host_prefix(template, labels, input)?);
    }
    r.build()
}

/// A URI or host template split into literal text (`false`) and label names (`true`).
pub fn template_parts(template: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        if start > 0 {
            out.push((&rest[..start], false));
        }
        out.push((&rest[start + 1..start + len], true));
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        out.push((rest, false));
    }
    out
}

fn host_prefix(
    template: &str,
    labels: &[(&str, usize)],
    input: Option<&dyn Struct>,
) -> std::result::Result<String, SerializeError> {
    let mut host = String::new();
    for (text, label) in template_parts(template) {
        if !label {
            host.push_str(text);
            continue;
        }
        let value = labels
            .iter()
            .find(|(n, _)| *n == text)
            .and_then(|(_, i)| input.map(|s| s.get(*i)));
        match value {
            Some(Value::Str(v)) if !v.is_empty() => host.push_str(v),
            _ => return Err(SerializeError::missing_label(text)),
        }
    }
    Ok(host)
}

/// A fresh idempotency token for each unset token member of `input`, else the member's value.
struct Input<'a> {
    s: &'a dyn Struct,
    tokens: Vec<Option<String>>,
}

impl<'a> Input<'a> {
    fn new(s: &'a dyn Struct) -> Self {
        let tokens = s
            .schema()
            .members()
            .iter()
            .enumerate()
            .map(|(i, m)| {
                (m.idempotency_token && m.binding != Binding::Body && s.get(i).is_absent())
                    .then(p::idempotency_token)
            })
            .collect();
        Input { s, tokens }
    }
    fn get(&self, i: usize) -> Value<'_> {
        match &self.tokens[i] {
            Some(t) => Value::Str(t),
            None => self.s.get(i),
        }
    }
}

/// A scalar as URI, query or header text (`header`: strings marked so travel base64-encoded).
fn text(v: Value<'_>, m: &Member, default: TimestampFormat, header: bool) -> String {
    match v {
        Value::Str(s) if header && m.base64_header => p::base64_encode(s.as_bytes()),
        Value::Str(s) | Value::Enum(s, _) => s.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::IntEnum(i, _) => i.to_string(),
        Value::F32(f) => p::format_f32(f),
        Value::F64(f) => p::format_f64(f),
        Value::Number(n) => n.to_string(),
        Value::Blob(b) => p::base64_encode(b),
        Value::Time(t) => match m.timestamp_or(default) {
            TimestampFormat::DateTime => t.to_rfc3339(),
            TimestampFormat::HttpDate => t.to_http_date(),
            TimestampFormat::EpochSeconds => t.to_epoch_text(),
        },
        Value::Document(d) => d.to_string(),
        _ => String::new(),
    }
}

fn rest_request(
    op: &Operation,
    input: Option<&dyn Struct>,
) -> std::result::Result<RequestBuilder, SerializeError> {
    let (path_tpl, literal_query) = op.uri.split_once('?').unwrap_or((op.uri, ""));
    let input = input.map(Input::new);
    let members = input.as_ref().map_or(&[][..], |i| i.s.schema().members());
    let mut path = String::new();
    for (part, label) in template_parts(path_tpl) {
        if !label {
            path.push_str(part);
            continue;
        }
        let (name, greedy) = match part.strip_suffix('+') {
            Some(n) => (n, true),
            None => (part, false),
        };
        let found = members
            .iter()
            .position(|m| m.binding == Binding::Label(name));
        let t = match (found, &input) {
            (Some(i), Some(input)) => match input.get(i) {
                Value::Absent => String::new(),
                v => text(v, &members[i], TimestampFormat::DateTime, false),
            },
            _ => String::new(),
        };
        if t.is_empty() {
            return Err(SerializeError::missing_label(name));
        }
        path.push_str(&p::encode_label(&t, greedy));
    }
    let mut r = RequestBuilder::new(op.method, path);
    let mut q = Query::new(literal_query);
    let Some(input) = input else {
        r.query(q);
        return Ok(r);
    };
    let mut params = Vec::new();
    for (i, m) in members.iter().enumerate() {
        let v = input.get(i);
        match (m.binding, v) {
            (_, Value::Absent) => {}
            (Binding::QueryParams | Binding::Query(_), Value::Map(map)) => params.push((map, m)),
            (Binding::Query(name), Value::List(l)) => {
                let element = m.element().unwrap_or(&ROOT);
                for e in 0..l.len() {
                    q.push(
                        name,
                        &text(l.get(e), element, TimestampFormat::DateTime, false),
                    );
                }
            }
            (Binding::Query(name), v) => {
                q.push(name, &text(v, m, TimestampFormat::DateTime, false))
            }
            _ => {}
        }
    }
    for (map, m) in params {
        let value = m.element().unwrap_or(&ROOT);
        let taken: Vec<&str> = map.entries().map(|(k, _)| k).filter(|k| q.has(k)).collect();
        for (k, v) in map.entries() {
            if taken.contains(&k) {
                continue;
            }
            match v {
                Value::List(l) => {
                    let element = value.element().unwrap_or(&ROOT);
                    for e in 0..l.len() {
                        q.push(
                            k,
                            &text(l.get(e), element, TimestampFormat::DateTime, false),
                        );
                    }
                }
                v => q.push(k, &text(v, value, TimestampFormat::DateTime, false)),
            }
        }
    }
    r.query(q);
    for (i, m) in members.iter().enumerate() {
        let v = input.get(i);
        match (m.binding, v) {
            (_, Value::Absent) => {}
            (Binding::Header(name), Value::List(l)) => {
                let element = m.element().unwrap_or(&ROOT);
                let dates = matches!(element.target.kind, Kind::Timestamp)
                    && element.timestamp_or(TimestampFormat::HttpDate) == TimestampFormat::HttpDate;
                let items: Vec<String> = (0..l.len())
                    .map(|e| {
                        let t = text(l.get(e), element, TimestampFormat::HttpDate, true);
                        if dates {
                            t
                        } else {
                            p::header_list_item(&t).into_owned()
                        }
                    })
                    .collect();
                r.header(name, &items.join(", "))?;
            }
            (Binding::Header(name), v) => {
                r.header(name, &text(v, m, TimestampFormat::HttpDate, true))?;
            }
            (Binding::PrefixHeaders(prefix), Value::Map(map)) => {
                for (k, v) in map.entries() {
                    if let Value::Str(v) = v {
                        r.header(&format!("{prefix}{k}"), v)?;
                    }
                }
            }
            _ => {}
        }
    }
    rest_body(&mut r, &input, members)?;
    Ok(r)
}

/// The payload member (raw bytes, text, or JSON), else the JSON body members (`{}` when all are
/// unset), else no body.
fn rest_body(
    r: &mut RequestBuilder,
    input: &Input<'_>,
    members: &[Member],
) -> std::result::Result<(), SerializeError> {
    if let Some(i) = members.iter().position(|m| m.binding == Binding::Payload) {
        let m = &members[i];
        let v = input.get(i);
        return match (&m.target.kind, v) {
            (Kind::Blob, Value::Blob(b)) => r.body(
                m.media_type.unwrap_or("application/octet-stream"),
                b.to_vec(),
            ),
            (Kind::String | Kind::Enum(_), Value::Str(s) | Value::Enum(s, _)) => {
                r.body(m.media_type.unwrap_or("text/plain"), s.as_bytes().to_vec())
            }
            (Kind::Structure(_), Value::Absent) => r.body("application/json", b"{}".to_vec()),
            (_, Value::Absent) => Ok(()),
            (_, v) => r.body("application/json", json::value_to_vec(v, m)),
        };
    }
    if members.iter().any(|m| m.binding == Binding::Body) {
        r.body("application/json", json::input_to_vec(input.s))?;
    }
    Ok(())
}

/// Read an output or error structure `T` from `response` as `op`'s protocol says.
pub fn parse_output<T: FromWire>(
    op: &Operation,
    response: &http::Response<Vec<u8>>,
) -> std::result::Result<T, String> {
    let read = match op.protocol {
        Protocol::RestJson1 => T::from_wire(&mut ResponseDecoder { response }, &ROOT),
        _ => json::from_slice(response.body()),
    };
    read.map_err(|e| e.to_string())
}

/// A decoder whose only value is a restJson1 response read as a structure.
struct ResponseDecoder<'r> {
    response: &'r http::Response<Vec<u8>>,
}

impl Decoder for ResponseDecoder<'_> {
    fn is_null(&self) -> bool {
        false
    }
    fn structure(&mut self, shape: &'static Shape, b: &mut dyn Builder) -> Result<()> {
        let response = self.response;
        let body = response.body();
        let members = shape.members();
        match members.iter().position(|m| m.binding == Binding::Payload) {
            Some(i) => {
                let m = &members[i];
                if let Some(slot) = b.slot(i) {
                    match m.target.kind {
                        Kind::Blob | Kind::String | Kind::Enum(_) => {
                            if !body.is_empty() {
                                slot.fill(&mut Text::Raw(body), m)?;
                            }
                        }
                        _ => {
                            if !body.iter().all(u8::is_ascii_whitespace) {
                                let mut v = json::parse(body)?;
                                slot.fill(&mut JsonDecoder::new(&mut v), m)?;
                            }
                        }
                    }
                }
            }
            None => {
                let mut v = json::parse(body)?;
                JsonDecoder::new(&mut v).structure(shape, b)?;
            }
        }
        for (i, m) in members.iter().enumerate() {
            let Some(slot) = b.slot(i) else {
                continue;
            };
            match m.binding {
                Binding::Header(name) => {
                    let in_header = |e: String| DecodeError::new(format!("header `{name}`: {e}"));
                    let values: Vec<&str> = response
                        .headers()
                        .get_all(name)
                        .iter()
                        .map(|v| v.to_str().map_err(|e| in_header(e.to_string())))
                        .collect::<Result<_>>()?;
                    if !values.is_empty() {
                        let joined = values.join(", ");
                        slot.fill(&mut Text::Header(&joined), m)
                            .map_err(|e| in_header(e.to_string()))?;
                    }
                }
                Binding::PrefixHeaders(prefix) => {
                    let prefix = prefix.to_ascii_lowercase();
                    let mut found = Vec::new();
                    for (k, v) in response.headers() {
                        if let Some(key) = k.as_str().strip_prefix(prefix.as_str()) {
                            let v = v
                                .to_str()
                                .map_err(|e| DecodeError::new(format!("header `{k}`: {e}")))?;
                            found.push((key.to_string(), v.to_string()));
                        }
                    }
                    if !found.is_empty() {
                        slot.fill(&mut Prefixed(found), m)?;
                    }
                }
                Binding::ResponseCode => {
                    let status = response.status().as_u16().to_string();
                    slot.fill(&mut Text::Header(&status), m)?;
                }
                _ => {}
            }
        }
        Ok(())
    }
}

/// A value read from text: a header's (or the status code's), or a raw payload's bytes.
enum Text<'a> {
    Header(&'a str),
    Raw(&'a [u8]),
}

impl Text<'_> {
    fn str(&self) -> Result<&str> {
        match self {
            Text::Header(s) => Ok(s),
            Text::Raw(b) => std::str::from_utf8(b).map_err(|e| DecodeError::new(e.to_string())),
        }
    }
    fn parse<T: std::str::FromStr>(&self) -> Result<T>
    where
        T::Err: std::fmt::Display,
    {
        self.str()?
            .trim()
            .parse()
            .map_err(|e: T::Err| DecodeError::new(e.to_string()))
    }
}

impl Decoder for Text<'_> {
    fn is_null(&self) -> bool {
        false
    }
    fn boolean(&mut self) -> Result<bool> {
        self.parse()
    }
    fn integer(&mut self) -> Result<i64> {
        self.parse()
    }
    fn float(&mut self) -> Result<f64> {
        p::parse_f64(self.str()?).map_err(DecodeError::new)
    }
    fn number(&mut self) -> Result<serde_json::Number> {
        self.parse()
    }
    fn string(&mut self, m: &Member) -> Result<String> {
        match self {
            Text::Header(s) if m.base64_header => p::base64_decode(s)
                .and_then(|b| String::from_utf8(b).map_err(|e| e.to_string()))
                .map_err(DecodeError::new),
            Text::Header(s) => Ok(s.to_string()),
            Text::Raw(b) => {
                String::from_utf8(b.to_vec()).map_err(|e| DecodeError::new(e.to_string()))
            }
        }
    }
    fn enum_string(&mut self, m: &Member) -> Result<String> {
        match self {
            Text::Header(s) => Ok(s.trim().to_string()),
            Text::Raw(_) => self.string(m),
        }
    }
    fn blob(&mut self) -> Result<Vec<u8>> {
        match self {
            Text::Header(s) => p::base64_decode(s).map_err(DecodeError::new),
            Text::Raw(b) => Ok(b.to_vec()),
        }
    }
    fn timestamp(&mut self, m: &Member) -> Result<DateTime> {
        let s = self.str()?.trim();
        match m.timestamp_or(TimestampFormat::HttpDate) {
            TimestampFormat::DateTime => DateTime::parse_rfc3339(s),
            TimestampFormat::HttpDate => DateTime::parse_http_date(s),
            TimestampFormat::EpochSeconds => DateTime::parse_epoch(s),
        }
        .map_err(|e| DecodeError::new(e.to_string()))
    }
    fn document(&mut self) -> Result<serde_json::Value> {
        serde_json::from_str(self.str()?).map_err(|e| DecodeError::new(e.to_string()))
    }
    fn list(
        &mut self,
        list: &'static Shape,
        f: &mut dyn FnMut(&mut dyn Decoder) -> Result<()>,
    ) -> Result<()> {
        let Kind::List(element) = list.kind else {
            return Err(DecodeError::new("a header list read as something else"));
        };
        let dates = matches!(element.target.kind, Kind::Timestamp)
            && element.timestamp_or(TimestampFormat::HttpDate) == TimestampFormat::HttpDate;
        for item in p::split_header_list(self.str()?, dates) {
            f(&mut Text::Header(&item))?;
        }
        Ok(())
    }
}

/// The headers a prefix matched, read as a map.
struct Prefixed(Vec<(String, String)>);

impl Decoder for Prefixed {
    fn is_null(&self) -> bool {
        false
    }
    fn map(
        &mut self,
        _: &'static Shape,
        f: &mut dyn FnMut(String, &mut dyn Decoder) -> Result<()>,
    ) -> Result<()> {
        for (k, v) in std::mem::take(&mut self.0) {
            f(k, &mut Text::Header(&v))?;
        }
        Ok(())
    }
}
