//! The JSON codec of awsJson1_0, awsJson1_1 and restJson1 bodies, walking schemas: member names
//! as the schema gives them, absent members omitted, timestamps per `timestampFormat` (epoch
//! seconds by default), blobs as base64, non-finite floats as `"NaN"`, `"Infinity"`,
//! `"-Infinity"`, unions as one-key objects whose unknown members keep their raw value, a dense
//! list's or map's `null`s dropped. Members bound elsewhere in the HTTP message are neither
//! written nor read.

use super::decode::{Builder, DecodeError, Decoder, FromWire, Result, UnionItem};
use super::value::{Struct, UnionValue, Value};
use super::{Binding, Kind, Member, Shape, TimestampFormat};
use crate::primitives::{DateTime, UnknownMember};
use serde_json::ser::{CompactFormatter, Formatter};

/// The member a top-level value is read as (structures ignore it).
pub static ROOT: Member = Member::new("", &super::prelude::UNIT);

/// A structure's body members as a JSON object.
pub fn to_vec(s: &dyn Struct) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    write_struct(&mut out, s, false);
    out
}

/// A structure's body members as a JSON object, unset idempotency tokens filled with fresh UUIDs
/// (an operation's input).
pub fn input_to_vec(s: &dyn Struct) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    write_struct(&mut out, s, true);
    out
}

/// One value as JSON, as member `m` says.
pub fn value_to_vec(v: Value<'_>, m: &Member) -> Vec<u8> {
    let mut out = Vec::new();
    write_value(&mut out, v, m);
    out
}

fn write_str(out: &mut Vec<u8>, s: &str) {
    // Writing to a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, s);
}

fn write_struct(out: &mut Vec<u8>, s: &dyn Struct, tokens: bool) {
    let members = s.schema().members();
    if let Some(i) = members.iter().position(|m| m.binding == Binding::Payload) {
        // A structure with a payload member is that member's value: an unset structure payload is
        // `{}` (as restJson1's protocol tests send), any other unset payload `null`.
        let m = &members[i];
        match s.get(i) {
            Value::Absent if matches!(m.target.kind, Kind::Structure(_)) => {
                out.extend_from_slice(b"{}")
            }
            v => write_value(out, v, m),
        }
        return;
    }
    out.push(b'{');
    let mut first = true;
    for (i, m) in s.schema().members().iter().enumerate() {
        if m.binding != Binding::Body {
            continue;
        }
        let v = s.get(i);
        let token;
        let v = match v {
            Value::Absent if tokens && m.idempotency_token => {
                token = crate::protocol::idempotency_token();
                Value::Str(&token)
            }
            Value::Absent => continue,
            v => v,
        };
        if !first {
            out.push(b',');
        }
        first = false;
        write_str(out, m.name);
        out.push(b':');
        write_value(out, v, m);
    }
    out.push(b'}');
}

fn write_float(out: &mut Vec<u8>, v: f64, narrow: Option<f32>) {
    if v.is_nan() {
        out.extend_from_slice(b"\"NaN\"");
    } else if v == f64::INFINITY {
        out.extend_from_slice(b"\"Infinity\"");
    } else if v == f64::NEG_INFINITY {
        out.extend_from_slice(b"\"-Infinity\"");
    } else {
        let _ = match narrow {
            Some(f) => CompactFormatter.write_f32(out, f),
            None => CompactFormatter.write_f64(out, v),
        };
    }
}

fn write_time(out: &mut Vec<u8>, t: &DateTime, m: &Member) {
    match m.timestamp_or(TimestampFormat::EpochSeconds) {
        TimestampFormat::EpochSeconds if t.subsec_nanos() == 0 => {
            let _ = CompactFormatter.write_i64(out, t.secs());
        }
        TimestampFormat::EpochSeconds => write_float(out, t.as_secs_f64(), None),
        TimestampFormat::DateTime => write_str(out, &t.to_rfc3339()),
        TimestampFormat::HttpDate => write_str(out, &t.to_http_date()),
    }
}

/// Write `v`, a value of member `m`.
pub fn write_value(out: &mut Vec<u8>, v: Value<'_>, m: &Member) {
    match v {
        Value::Absent => out.extend_from_slice(b"null"),
        Value::Bool(b) => out.extend_from_slice(if b { b"true" } else { b"false" }),
        Value::Int(i) => {
            let _ = CompactFormatter.write_i64(out, i);
        }
        Value::F32(f) => write_float(out, f64::from(f), Some(f)),
        Value::F64(f) => write_float(out, f, None),
        Value::Number(n) => out.extend_from_slice(n.to_string().as_bytes()),
        Value::Str(s) | Value::Enum(s, _) => write_str(out, s),
        Value::IntEnum(i, _) => {
            let _ = CompactFormatter.write_i32(out, i);
        }
        Value::Blob(b) => write_str(out, &crate::protocol::base64_encode(b)),
        Value::Time(t) => write_time(out, t, m),
        Value::Document(d) => {
            let _ = serde_json::to_writer(&mut *out, d);
        }
        Value::Struct(s) => write_struct(out, s, false),
        Value::Union(u) => {
            out.push(b'{');
            match u.get() {
                UnionValue::Known(i, v) => {
                    if let Some(um) = u.schema().members().get(i) {
                        write_str(out, um.name);
                        out.push(b':');
                        if matches!(um.target.kind, Kind::Unit) {
                            out.extend_from_slice(b"{}");
                        } else {
                            write_value(out, v, um);
                        }
                    }
                }
                UnionValue::Unknown(u) => {
                    write_str(out, u.name());
                    out.push(b':');
                    let _ = serde_json::to_writer(&mut *out, u.value());
                }
            }
            out.push(b'}');
        }
        Value::List(l) => {
            let element = m.element().unwrap_or(&ROOT);
            out.push(b'[');
            for i in 0..l.len() {
                if i > 0 {
                    out.push(b',');
                }
                write_value(out, l.get(i), element);
            }
            out.push(b']');
        }
        Value::Map(map) => {
            let value = m.element().unwrap_or(&ROOT);
            out.push(b'{');
            for (n, (k, v)) in map.entries().enumerate() {
                if n > 0 {
                    out.push(b',');
                }
                write_str(out, k);
                out.push(b':');
                write_value(out, v, value);
            }
            out.push(b'}');
        }
    }
}

/// A JSON body as a value of `T` (an empty body reads as `{}`).
pub fn from_slice<T: FromWire>(body: &[u8]) -> Result<T> {
    let mut v = parse(body)?;
    T::from_wire(&mut JsonDecoder::new(&mut v), &ROOT)
}

/// Parse a JSON body (an empty body is `{}`).
pub fn parse(body: &[u8]) -> Result<serde_json::Value> {
    serde_json::from_slice(crate::protocol::json_body(body))
        .map_err(|e| DecodeError::new(e.to_string()))
}

/// A [`Decoder`] over a parsed JSON value (strings and nested values are moved out of it).
pub struct JsonDecoder<'v> {
    v: &'v mut serde_json::Value,
}

impl<'v> JsonDecoder<'v> {
    pub fn new(v: &'v mut serde_json::Value) -> Self {
        JsonDecoder { v }
    }

    fn unexpected(&self, expected: &str) -> DecodeError {
        let found = match self.v {
            serde_json::Value::Null => "null",
            serde_json::Value::Bool(_) => "a boolean",
            serde_json::Value::Number(_) => "a number",
            serde_json::Value::String(_) => "a string",
            serde_json::Value::Array(_) => "an array",
            serde_json::Value::Object(_) => "an object",
        };
        DecodeError::new(format!("invalid type: {found}, expected {expected}"))
    }
}

/// The number a JSON protocol writes as a string: `NaN`, `Infinity`, `-Infinity`.
fn non_finite(s: &str) -> Option<f64> {
    match s {
        "NaN" => Some(f64::NAN),
        "Infinity" => Some(f64::INFINITY),
        "-Infinity" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

impl Decoder for JsonDecoder<'_> {
    fn is_null(&self) -> bool {
        self.v.is_null()
    }
    fn boolean(&mut self) -> Result<bool> {
        self.v.as_bool().ok_or_else(|| self.unexpected("a boolean"))
    }
    fn integer(&mut self) -> Result<i64> {
        self.v.as_i64().ok_or_else(|| self.unexpected("an integer"))
    }
    fn float(&mut self) -> Result<f64> {
        match &*self.v {
            serde_json::Value::Number(n) => n.as_f64().ok_or_else(|| self.unexpected("a number")),
            serde_json::Value::String(s) => non_finite(s).ok_or_else(|| {
                DecodeError::new(format!(
                    "invalid value: string {s:?}, expected a number, \"NaN\", \"Infinity\" or \"-Infinity\""
                ))
            }),
            _ => Err(self.unexpected("a number")),
        }
    }
    fn number(&mut self) -> Result<serde_json::Number> {
        match &*self.v {
            serde_json::Value::Number(n) => Ok(n.clone()),
            _ => Err(self.unexpected("a number")),
        }
    }
    fn string(&mut self, _: &Member) -> Result<String> {
        match self.v {
            serde_json::Value::String(s) => Ok(std::mem::take(s)),
            _ => Err(self.unexpected("a string")),
        }
    }
    fn blob(&mut self) -> Result<Vec<u8>> {
        match &*self.v {
            serde_json::Value::String(s) => {
                crate::protocol::base64_decode(s).map_err(DecodeError::new)
            }
            _ => Err(self.unexpected("a base64 string")),
        }
    }
    fn timestamp(&mut self, _: &Member) -> Result<DateTime> {
        let out_of_range = || DecodeError::new("timestamp out of range");
        match &*self.v {
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Ok(DateTime::from_secs(i))
                } else if n.is_u64() {
                    Err(out_of_range())
                } else {
                    let f = n.as_f64().unwrap_or(f64::NAN);
                    if f.is_finite() && f.abs() < 1e17 {
                        Ok(DateTime::from_secs_f64(f))
                    } else {
                        Err(out_of_range())
                    }
                }
            }
            serde_json::Value::String(s) => DateTime::parse_rfc3339(s)
                .or_else(|_| DateTime::parse_http_date(s))
                .map_err(|e| DecodeError::new(e.to_string())),
            _ => Err(self.unexpected("a timestamp (epoch seconds, RFC 3339 or HTTP date)")),
        }
    }
    fn document(&mut self) -> Result<serde_json::Value> {
        Ok(std::mem::take(self.v))
    }
    fn structure(&mut self, shape: &'static Shape, builder: &mut dyn Builder) -> Result<()> {
        let members = shape.members();
        if let Some(i) = members.iter().position(|m| m.binding == Binding::Payload) {
            // The value is the payload member's (`null`: unset).
            if let (false, Some(slot)) = (self.v.is_null(), builder.slot(i)) {
                slot.fill(self, &members[i])?;
            }
            return Ok(());
        }
        let serde_json::Value::Object(map) = &mut *self.v else {
            return Err(self.unexpected(&format!("a {} object", shape.name)));
        };
        for (k, v) in map.iter_mut() {
            if v.is_null() {
                continue;
            }
            let found = members
                .iter()
                .position(|m| m.name == k && m.binding == Binding::Body);
            let Some(i) = found else {
                continue;
            };
            if let Some(slot) = builder.slot(i) {
                slot.fill(&mut JsonDecoder::new(v), &members[i])
                    .map_err(|e| e.in_member(k))?;
            }
        }
        Ok(())
    }
    fn union(
        &mut self,
        shape: &'static Shape,
        f: &mut dyn FnMut(UnionItem<'_>) -> Result<()>,
    ) -> Result<bool> {
        let serde_json::Value::Object(map) = &mut *self.v else {
            return Err(self.unexpected(&format!(
                "a {} union (an object with one member)",
                shape.name
            )));
        };
        let members = shape.members();
        let typed = members.iter().any(|m| m.name == "__type");
        let mut any = false;
        for (k, v) in map.iter_mut() {
            if v.is_null() || (k == "__type" && !typed) {
                continue;
            }
            any = true;
            match members.iter().position(|m| m.name == k) {
                Some(i) => {
                    f(UnionItem::Known(i, &mut JsonDecoder::new(v))).map_err(|e| e.in_member(k))?
                }
                None => f(UnionItem::Unknown(UnknownMember::new(
                    k.clone(),
                    std::mem::take(v),
                )))?,
            }
        }
        Ok(any)
    }
    fn list(
        &mut self,
        list: &'static Shape,
        f: &mut dyn FnMut(&mut dyn Decoder) -> Result<()>,
    ) -> Result<()> {
        let serde_json::Value::Array(items) = &mut *self.v else {
            return Err(self.unexpected("a list"));
        };
        for (i, item) in items.iter_mut().enumerate() {
            if item.is_null() && !list.sparse {
                continue;
            }
            f(&mut JsonDecoder::new(item)).map_err(|e| e.at_index(i))?;
        }
        Ok(())
    }
    fn map(
        &mut self,
        map: &'static Shape,
        f: &mut dyn FnMut(String, &mut dyn Decoder) -> Result<()>,
    ) -> Result<()> {
        let serde_json::Value::Object(entries) = &mut *self.v else {
            return Err(self.unexpected("a map"));
        };
        for (k, v) in entries.iter_mut() {
            if v.is_null() && !map.sparse {
                continue;
            }
            f(k.clone(), &mut JsonDecoder::new(v)).map_err(|e| e.at_key(k))?;
        }
        Ok(())
    }
}
