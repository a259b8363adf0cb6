//! Filling values from a wire format through their schema. A codec implements the object-safe
//! [`Decoder`] (one per format: a JSON value, an HTTP header's text, a raw body); a generated
//! builder exposes its members as [`Slot`]s by index ([`Builder`]); [`FromWire`] (implemented
//! here for the primitives and containers, and by generated structures, unions and enums) reads
//! one value of a member from a decoder.

use super::{Kind, Member, Shape};
use crate::primitives::{Blob, DateTime, UnknownMember};
use std::collections::BTreeMap;
use std::fmt;

/// Why a value could not be read, and where: the path of the value in wire member names, as
/// validation writes it (`ProductionVariants[1].RoutingConfig`; empty at the top).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    message: String,
    /// Path segments, innermost first (they are added as the error leaves each value).
    rev_path: Vec<String>,
}

impl DecodeError {
    pub fn new(message: impl Into<String>) -> Self {
        DecodeError {
            message: message.into(),
            rev_path: Vec::new(),
        }
    }
    /// A structure lacking members it cannot do without (names every one).
    pub fn missing(type_name: &str, members: &[&str]) -> Self {
        DecodeError::new(format!(
            "{type_name}: missing required member(s) {}",
            members.join(", ")
        ))
    }
    /// The same error, inside member `name` of a structure or union.
    pub fn in_member(mut self, name: &str) -> Self {
        self.rev_path.push(format!(".{name}"));
        self
    }
    /// The same error, inside element `i` of a list.
    pub fn at_index(mut self, i: usize) -> Self {
        self.rev_path.push(format!("[{i}]"));
        self
    }
    /// The same error, inside the value of key `k` of a map.
    pub fn at_key(mut self, k: &str) -> Self {
        self.rev_path.push(format!("[{k:?}]"));
        self
    }
    /// What went wrong, without the path.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// Where it went wrong (empty: the top-level value).
    pub fn path(&self) -> String {
        let p: String = self.rev_path.iter().rev().map(String::as_str).collect();
        p.strip_prefix('.').map(str::to_string).unwrap_or(p)
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path() {
            p if p.is_empty() => f.write_str(&self.message),
            p => write!(f, "{p}: {}", self.message),
        }
    }
}

impl std::error::Error for DecodeError {}

pub type Result<T> = std::result::Result<T, DecodeError>;

/// What a union decoder found: member `i` (read it from the decoder), or an unknown member.
pub enum UnionItem<'d> {
    Known(usize, &'d mut dyn Decoder),
    Unknown(UnknownMember),
}

/// One value in some wire format, read as what its schema says it is. A format implements what it
/// can carry; every other read fails by default, naming what was asked for.
pub trait Decoder {
    /// Is the value `null` (or absent)?
    fn is_null(&self) -> bool;
    fn boolean(&mut self) -> Result<bool> {
        cannot("boolean")
    }
    fn integer(&mut self) -> Result<i64> {
        cannot("integer")
    }
    /// A float (also `NaN`, `Infinity`, `-Infinity`).
    fn float(&mut self) -> Result<f64> {
        cannot("float")
    }
    fn number(&mut self) -> Result<serde_json::Number> {
        cannot("number")
    }
    fn string(&mut self, _member: &Member) -> Result<String> {
        cannot("string")
    }
    /// An enum's value (header text is trimmed first).
    fn enum_string(&mut self, member: &Member) -> Result<String> {
        self.string(member)
    }
    fn blob(&mut self) -> Result<Vec<u8>> {
        cannot("blob")
    }
    fn timestamp(&mut self, _member: &Member) -> Result<DateTime> {
        cannot("timestamp")
    }
    fn document(&mut self) -> Result<serde_json::Value> {
        cannot("document")
    }
    /// Fill `builder`'s members (unknown members are skipped).
    fn structure(&mut self, _shape: &'static Shape, _builder: &mut dyn Builder) -> Result<()> {
        cannot("structure")
    }
    /// Call `f` with the member a union holds; `Ok(false)` when it holds none.
    fn union(
        &mut self,
        _shape: &'static Shape,
        _f: &mut dyn FnMut(UnionItem<'_>) -> Result<()>,
    ) -> Result<bool> {
        cannot("union")
    }
    /// Call `f` for each element (a dense list's `null`s are skipped).
    fn list(
        &mut self,
        _list: &'static Shape,
        _f: &mut dyn FnMut(&mut dyn Decoder) -> Result<()>,
    ) -> Result<()> {
        cannot("list")
    }
    /// Call `f` for each entry (a dense map's `null` values are skipped).
    fn map(
        &mut self,
        _map: &'static Shape,
        _f: &mut dyn FnMut(String, &mut dyn Decoder) -> Result<()>,
    ) -> Result<()> {
        cannot("map")
    }
}

/// The default of a read a format cannot carry.
fn cannot<T>(what: &str) -> Result<T> {
    Err(DecodeError::new(format!(
        "a {what} cannot be read from this part of the message"
    )))
}

/// A builder (or any value with members) whose members a decoder fills by index.
pub trait Builder {
    /// Member `i` of the schema, or `None` when it is out of range.
    fn slot(&mut self, i: usize) -> Option<&mut dyn Slot>;
}

/// One member of a builder: an `Option<T>` filled from a decoder.
pub trait Slot {
    fn fill(&mut self, d: &mut dyn Decoder, member: &'static Member) -> Result<()>;
}

impl<T: FromWire> Slot for Option<T> {
    fn fill(&mut self, d: &mut dyn Decoder, member: &'static Member) -> Result<()> {
        *self = if d.is_null() {
            None
        } else {
            Some(T::from_wire(d, member)?)
        };
        Ok(())
    }
}

/// A value read from a decoder as member `member` says.
pub trait FromWire: Sized {
    fn from_wire(d: &mut dyn Decoder, member: &'static Member) -> Result<Self>;
}

fn int<T: TryFrom<i64>>(d: &mut dyn Decoder, member: &Member) -> Result<T> {
    let v = d.integer()?;
    T::try_from(v).map_err(|_| {
        DecodeError::new(format!(
            "`{}`: {v} is out of range for a {}",
            member.name, member.target.name
        ))
    })
}

impl FromWire for bool {
    fn from_wire(d: &mut dyn Decoder, _: &'static Member) -> Result<Self> {
        d.boolean()
    }
}
impl FromWire for i8 {
    fn from_wire(d: &mut dyn Decoder, member: &'static Member) -> Result<Self> {
        int(d, member)
    }
}
impl FromWire for i16 {
    fn from_wire(d: &mut dyn Decoder, member: &'static Member) -> Result<Self> {
        int(d, member)
    }
}
impl FromWire for i32 {
    fn from_wire(d: &mut dyn Decoder, member: &'static Member) -> Result<Self> {
        int(d, member)
    }
}
impl FromWire for i64 {
    fn from_wire(d: &mut dyn Decoder, _: &'static Member) -> Result<Self> {
        d.integer()
    }
}
impl FromWire for f64 {
    fn from_wire(d: &mut dyn Decoder, _: &'static Member) -> Result<Self> {
        d.float()
    }
}
impl FromWire for f32 {
    /// Refuses a finite number too large for an `f32` (it would become infinity).
    fn from_wire(d: &mut dyn Decoder, _: &'static Member) -> Result<Self> {
        let v = d.float()?;
        let narrow = v as f32;
        if v.is_finite() && narrow.is_infinite() {
            return Err(DecodeError::new(format!(
                "{v} is out of range for a 32-bit float (largest magnitude {})",
                f32::MAX
            )));
        }
        Ok(narrow)
    }
}
impl FromWire for serde_json::Number {
    fn from_wire(d: &mut dyn Decoder, _: &'static Member) -> Result<Self> {
        d.number()
    }
}
impl FromWire for String {
    fn from_wire(d: &mut dyn Decoder, member: &'static Member) -> Result<Self> {
        d.string(member)
    }
}
impl FromWire for Blob {
    fn from_wire(d: &mut dyn Decoder, _: &'static Member) -> Result<Self> {
        d.blob().map(Blob::new)
    }
}
impl FromWire for DateTime {
    fn from_wire(d: &mut dyn Decoder, member: &'static Member) -> Result<Self> {
        d.timestamp(member)
    }
}
impl FromWire for serde_json::Value {
    fn from_wire(d: &mut dyn Decoder, _: &'static Member) -> Result<Self> {
        d.document()
    }
}
impl<T: FromWire> FromWire for Box<T> {
    fn from_wire(d: &mut dyn Decoder, member: &'static Member) -> Result<Self> {
        T::from_wire(d, member).map(Box::new)
    }
}
/// An element of a sparse list or map.
impl<T: FromWire> FromWire for Option<T> {
    fn from_wire(d: &mut dyn Decoder, member: &'static Member) -> Result<Self> {
        if d.is_null() {
            Ok(None)
        } else {
            T::from_wire(d, member).map(Some)
        }
    }
}
impl<T: FromWire> FromWire for Vec<T> {
    fn from_wire(d: &mut dyn Decoder, member: &'static Member) -> Result<Self> {
        let Kind::List(element) = member.target.kind else {
            return Err(not_a(member, "list"));
        };
        let mut out = Vec::new();
        d.list(member.target, &mut |d| {
            out.push(T::from_wire(d, element)?);
            Ok(())
        })?;
        Ok(out)
    }
}
impl<T: FromWire> FromWire for BTreeMap<String, T> {
    fn from_wire(d: &mut dyn Decoder, member: &'static Member) -> Result<Self> {
        let Kind::Map(_, value) = member.target.kind else {
            return Err(not_a(member, "map"));
        };
        let mut out = BTreeMap::new();
        d.map(member.target, &mut |k, d| {
            out.insert(k, T::from_wire(d, value)?);
            Ok(())
        })?;
        Ok(out)
    }
}

fn not_a(member: &Member, what: &str) -> DecodeError {
    DecodeError::new(format!(
        "`{}`: the schema of {} is not a {what}",
        member.name, member.target.name
    ))
}

/// Read a union through its decoder: `variant(i, d)` builds member `i`'s variant; an unknown
/// member becomes `unknown(member)`. Fails when the value holds no member.
pub fn read_union<T>(
    d: &mut dyn Decoder,
    shape: &'static Shape,
    variant: fn(usize, &mut dyn Decoder) -> Result<Option<T>>,
    unknown: fn(UnknownMember) -> T,
) -> Result<T> {
    let mut found: Option<T> = None;
    let mut more = false;
    let any = d.union(shape, &mut |item| {
        let v = match item {
            UnionItem::Known(i, d) => variant(i, d)?,
            UnionItem::Unknown(u) => Some(unknown(u)),
        };
        if v.is_some() {
            more |= found.is_some();
            found = v;
        }
        Ok(())
    })?;
    if more {
        return Err(DecodeError::new(format!(
            "{}: more than one union member set",
            shape.name
        )));
    }
    match found {
        Some(v) if any => Ok(v),
        _ => Err(DecodeError::new(format!(
            "{}: no union member set",
            shape.name
        ))),
    }
}
