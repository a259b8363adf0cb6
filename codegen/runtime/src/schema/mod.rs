//! Shapes as data. A generated crate describes each of its shapes once, as a static [`Shape`]
//! (members with their wire names, targets, HTTP bindings, timestamp formats and effective
//! constraints), and gives its types thin, non-generic accessors ([`Struct`], [`Union`],
//! [`Builder`], [`FromWire`]). Everything that walks a value lives here, once: validation
//! ([`validate()`]), the JSON codec ([`json`]) and the HTTP bindings of the JSON protocols
//! ([`http`]), driven by an operation's schema ([`Operation`]).
//!
//! Generated code builds schemas with the `const fn` constructors ([`Member::new`] and its
//! chained setters), so a schema costs no code at run time: it is read-only data.

pub mod decode;
pub mod http;
pub mod json;
pub mod macros;
pub mod validate;
pub mod value;

#[cfg(test)]
mod tests;

#[doc(hidden)]
pub use crate::{enumeration, operation, operation_error, structure, union};
pub use decode::{Builder, DecodeError, Decoder, FromWire, Slot, UnionItem};
pub use http::{parse_output, serialize_request, Operation, Protocol};
pub use validate::validate;
pub use value::{AsValue, List, Map, Struct, Union, UnionValue, Value};

use crate::pattern::Pattern;

#[doc(hidden)]
pub use serde as __serde;

/// One shape of a model.
#[derive(Debug)]
pub struct Shape {
    /// The Rust type name (structures, unions, enums), or the model's shape name.
    pub name: &'static str,
    pub kind: Kind,
    /// A sparse list or map: its elements may be `null` (they are `Option`s).
    pub sparse: bool,
    /// Some value of this shape, or something it contains, has a constraint to check (validation
    /// does not descend into a value whose shape has none).
    pub checked: bool,
}

/// What a shape is.
#[derive(Debug)]
pub enum Kind {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    /// A string enum, with the values the crate knows.
    Enum(&'static [&'static str]),
    IntEnum,
    /// The list's element member.
    List(&'static Member),
    /// The map's key and value members.
    Map(&'static Member, &'static Member),
    Structure(&'static [Member]),
    Union(&'static [Member]),
    /// `smithy.api#Unit`: a union member without a value.
    Unit,
}

/// How a timestamp travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampFormat {
    EpochSeconds,
    DateTime,
    HttpDate,
}

/// Where a member of an operation's input or output travels (restJson1's HTTP bindings; every
/// other member, and every member under the other protocols, is [`Binding::Body`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Binding {
    Body,
    /// The whole body (`httpPayload`).
    Payload,
    Header(&'static str),
    /// Every header starting with the prefix (`httpPrefixHeaders`), a map.
    PrefixHeaders(&'static str),
    Query(&'static str),
    /// `httpQueryParams`: a map of parameters.
    QueryParams,
    /// A URI label, by the name the URI template gives it.
    Label(&'static str),
    /// The HTTP status code (`httpResponseCode`).
    ResponseCode,
    /// Bound to something this runtime does not send or read (left unset).
    Other,
}

/// A `range` constraint, in the member's own number type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Range {
    None,
    Int(Option<i128>, Option<i128>),
    F32(Option<f32>, Option<f32>),
    F64(Option<f64>, Option<f64>),
}

/// A member of a structure or union, a list's element or a map's key or value: its names, its
/// target and everything the model says about it, constraints already resolved (the member's own
/// override its target's).
#[derive(Debug)]
pub struct Member {
    /// The member's name on the wire and in validation paths.
    pub name: &'static str,
    pub target: &'static Shape,
    /// `build()` and `validate()` insist on it (required, and no default fills it in).
    pub required: bool,
    pub binding: Binding,
    pub timestamp: Option<TimestampFormat>,
    /// `length` as `(min, max)`, counted in characters, bytes, elements or entries.
    pub length: Option<(Option<u64>, Option<u64>)>,
    pub range: Range,
    pub pattern: Option<&'static Pattern>,
    pub unique: bool,
    /// Filled with a fresh UUID when unset (`idempotencyToken`).
    pub idempotency_token: bool,
    /// A string that travels base64-encoded in a header (`jsonvalue`, `mediaType`).
    pub base64_header: bool,
    /// A payload's `Content-Type` (`mediaType`), when the model names one.
    pub media_type: Option<&'static str>,
}

impl Member {
    /// A member with no traits.
    pub const fn new(name: &'static str, target: &'static Shape) -> Member {
        Member {
            name,
            target,
            required: false,
            binding: Binding::Body,
            timestamp: None,
            length: None,
            range: Range::None,
            pattern: None,
            unique: false,
            idempotency_token: false,
            base64_header: false,
            media_type: None,
        }
    }
    pub const fn required(mut self) -> Member {
        self.required = true;
        self
    }
    pub const fn bind(mut self, binding: Binding) -> Member {
        self.binding = binding;
        self
    }
    pub const fn timestamp(mut self, format: TimestampFormat) -> Member {
        self.timestamp = Some(format);
        self
    }
    pub const fn length(mut self, min: Option<u64>, max: Option<u64>) -> Member {
        self.length = Some((min, max));
        self
    }
    pub const fn range(mut self, range: Range) -> Member {
        self.range = range;
        self
    }
    pub const fn pattern(mut self, pattern: &'static Pattern) -> Member {
        self.pattern = Some(pattern);
        self
    }
    pub const fn unique(mut self) -> Member {
        self.unique = true;
        self
    }
    pub const fn idempotency_token(mut self) -> Member {
        self.idempotency_token = true;
        self
    }
    pub const fn base64_header(mut self) -> Member {
        self.base64_header = true;
        self
    }
    pub const fn media_type(mut self, media_type: &'static str) -> Member {
        self.media_type = Some(media_type);
        self
    }

    /// The list element or map value member, for a list or map target.
    pub fn element(&self) -> Option<&'static Member> {
        match self.target.kind {
            Kind::List(m) | Kind::Map(_, m) => Some(m),
            _ => None,
        }
    }

    /// The timestamp format here, or `default` when the model sets none.
    pub fn timestamp_or(&self, default: TimestampFormat) -> TimestampFormat {
        self.timestamp.unwrap_or(default)
    }
}

impl Shape {
    /// A shape of this name and kind.
    pub const fn new(name: &'static str, kind: Kind) -> Shape {
        Shape {
            name,
            kind,
            sparse: false,
            checked: true,
        }
    }
    /// The same shape, with nothing to check inside.
    pub const fn unchecked(mut self) -> Shape {
        self.checked = false;
        self
    }
    /// The same shape, sparse.
    pub const fn sparse(mut self) -> Shape {
        self.sparse = true;
        self
    }
    /// The members of a structure or union.
    pub fn members(&self) -> &'static [Member] {
        match self.kind {
            Kind::Structure(m) | Kind::Union(m) => m,
            _ => &[],
        }
    }
}

/// The known values of an enum shape.
pub fn enum_values(shape: &Shape) -> Option<&'static [&'static str]> {
    match shape.kind {
        Kind::Enum(values) => Some(values),
        _ => None,
    }
}

/// The simple shapes every model shares (a model's own simple shapes differ only in constraints,
/// which live on the members that target them).
pub mod prelude {
    use super::{Kind, Shape};
    pub static BLOB: Shape = Shape::new("Blob", Kind::Blob);
    pub static BOOLEAN: Shape = Shape::new("Boolean", Kind::Boolean);
    pub static STRING: Shape = Shape::new("String", Kind::String);
    pub static BYTE: Shape = Shape::new("Byte", Kind::Byte);
    pub static SHORT: Shape = Shape::new("Short", Kind::Short);
    pub static INTEGER: Shape = Shape::new("Integer", Kind::Integer);
    pub static LONG: Shape = Shape::new("Long", Kind::Long);
    pub static FLOAT: Shape = Shape::new("Float", Kind::Float);
    pub static DOUBLE: Shape = Shape::new("Double", Kind::Double);
    pub static BIG_INTEGER: Shape = Shape::new("BigInteger", Kind::BigInteger);
    pub static BIG_DECIMAL: Shape = Shape::new("BigDecimal", Kind::BigDecimal);
    pub static TIMESTAMP: Shape = Shape::new("Timestamp", Kind::Timestamp);
    pub static DOCUMENT: Shape = Shape::new("Document", Kind::Document);
    pub static UNIT: Shape = Shape::new("Unit", Kind::Unit);
}
