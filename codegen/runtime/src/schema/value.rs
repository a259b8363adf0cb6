//! Reading a value through its schema: [`Value`] is a borrowed view of any member's value, and
//! the object-safe traits [`Struct`], [`Union`], [`List`] and [`Map`] are what a generated type (or
//! a `Vec` / `BTreeMap` of them) implements so that validation and the codecs can walk it without
//! generic code in the generated crate.

use super::Shape;
use crate::primitives::{Blob, DateTime, UnknownMember};
use std::collections::BTreeMap;

/// A borrowed view of one value.
#[derive(Clone, Copy)]
pub enum Value<'a> {
    /// An unset optional member (or a `null` element of a sparse list or map).
    Absent,
    Bool(bool),
    /// Every integer kind (byte, short, integer, long).
    Int(i64),
    F32(f32),
    F64(f64),
    /// A bigInteger or bigDecimal.
    Number(&'a serde_json::Number),
    Str(&'a str),
    /// A string enum's value, and whether the crate knows it.
    Enum(&'a str, bool),
    /// An intEnum's value, and whether the crate knows it.
    IntEnum(i32, bool),
    Blob(&'a [u8]),
    Time(&'a DateTime),
    Document(&'a serde_json::Value),
    Struct(&'a dyn Struct),
    Union(&'a dyn Union),
    List(&'a dyn List),
    Map(&'a dyn Map),
}

impl Value<'_> {
    pub fn is_absent(&self) -> bool {
        matches!(self, Value::Absent)
    }
}

/// A structure: its schema and its members by index (in schema order).
pub trait Struct {
    fn schema(&self) -> &'static Shape;
    /// Member `i`'s value ([`Value::Absent`] when unset or out of range).
    fn get(&self, i: usize) -> Value<'_>;
}

/// Which member a union holds.
pub enum UnionValue<'a> {
    /// Member `i` (a unit member's value is [`Value::Absent`]).
    Known(usize, Value<'a>),
    /// A member this crate does not know, kept as received.
    Unknown(&'a UnknownMember),
}

/// A union: its schema and the member it holds.
pub trait Union {
    fn schema(&self) -> &'static Shape;
    fn get(&self) -> UnionValue<'_>;
}

/// A list.
pub trait List {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn get(&self, i: usize) -> Value<'_>;
    /// The first element equal to an earlier one, as `(index, earlier index)` (`uniqueItems`).
    fn first_repeat(&self) -> Option<(usize, usize)>;
}

/// A map with string keys.
pub trait Map {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn entries(&self) -> Box<dyn Iterator<Item = (&str, Value<'_>)> + '_>;
}

/// A value that can be viewed as a [`Value`].
pub trait AsValue {
    fn as_value(&self) -> Value<'_>;
}

macro_rules! as_value {
    ($($t:ty => |$v:ident| $e:expr),* $(,)?) => {
        $(impl AsValue for $t {
            fn as_value(&self) -> Value<'_> {
                let $v = self;
                $e
            }
        })*
    };
}

as_value! {
    bool => |v| Value::Bool(*v),
    i8 => |v| Value::Int(i64::from(*v)),
    i16 => |v| Value::Int(i64::from(*v)),
    i32 => |v| Value::Int(i64::from(*v)),
    i64 => |v| Value::Int(*v),
    f32 => |v| Value::F32(*v),
    f64 => |v| Value::F64(*v),
    serde_json::Number => |v| Value::Number(v),
    String => |v| Value::Str(v),
    Blob => |v| Value::Blob(v.as_bytes()),
    DateTime => |v| Value::Time(v),
    serde_json::Value => |v| Value::Document(v),
}

impl<T: AsValue> AsValue for Option<T> {
    fn as_value(&self) -> Value<'_> {
        match self {
            Some(v) => v.as_value(),
            None => Value::Absent,
        }
    }
}

impl<T: AsValue> AsValue for Box<T> {
    fn as_value(&self) -> Value<'_> {
        (**self).as_value()
    }
}

impl<T: AsValue + PartialEq> AsValue for Vec<T> {
    fn as_value(&self) -> Value<'_> {
        Value::List(self)
    }
}

impl<T: AsValue> AsValue for BTreeMap<String, T> {
    fn as_value(&self) -> Value<'_> {
        Value::Map(self)
    }
}

impl<T: AsValue + PartialEq> List for Vec<T> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn get(&self, i: usize) -> Value<'_> {
        self.as_slice().get(i).map_or(Value::Absent, T::as_value)
    }
    fn first_repeat(&self) -> Option<(usize, usize)> {
        self.iter().enumerate().find_map(|(index, item)| {
            self[..index]
                .iter()
                .position(|x| x == item)
                .map(|first| (index, first))
        })
    }
}

impl<T: AsValue> Map for BTreeMap<String, T> {
    fn len(&self) -> usize {
        BTreeMap::len(self)
    }
    fn entries(&self) -> Box<dyn Iterator<Item = (&str, Value<'_>)> + '_> {
        Box::new(self.iter().map(|(k, v)| (k.as_str(), v.as_value())))
    }
}
