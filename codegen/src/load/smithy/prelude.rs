//! The Smithy prelude (`smithy.api#String`, `smithy.api#PrimitiveInteger`, `smithy.api#Unit`, ...):
//! shapes every model may target without defining them. The loader adds the ones a model refers to to
//! [`crate::ir::Model::shapes`] under their absolute id.

use super::index::Ty;
use crate::ir::{Shape, ShapeKind, Traits};
use serde_json::Value;

/// `(name, type, is a Primitive* shape with a zero default)`.
const PRELUDE: &[(&str, Ty, bool)] = &[
    ("String", Ty::String, false),
    ("Blob", Ty::Blob, false),
    ("BigInteger", Ty::BigInteger, false),
    ("BigDecimal", Ty::BigDecimal, false),
    ("Timestamp", Ty::Timestamp, false),
    ("Document", Ty::Document, false),
    ("Boolean", Ty::Boolean, false),
    ("PrimitiveBoolean", Ty::Boolean, true),
    ("Byte", Ty::Byte, false),
    ("PrimitiveByte", Ty::Byte, true),
    ("Short", Ty::Short, false),
    ("PrimitiveShort", Ty::Short, true),
    ("Integer", Ty::Integer, false),
    ("PrimitiveInteger", Ty::Integer, true),
    ("Long", Ty::Long, false),
    ("PrimitiveLong", Ty::Long, true),
    ("Float", Ty::Float, false),
    ("PrimitiveFloat", Ty::Float, true),
    ("Double", Ty::Double, false),
    ("PrimitiveDouble", Ty::Double, true),
    ("Unit", Ty::Structure, false),
];

pub(super) const UNIT: &str = "smithy.api#Unit";

fn find(id: &str) -> Option<&'static (&'static str, Ty, bool)> {
    let name = id.strip_prefix("smithy.api#")?;
    PRELUDE.iter().find(|(n, _, _)| *n == name)
}

/// True for a prelude shape id (`smithy.api#Integer`).
pub(super) fn is_prelude(id: &str) -> bool {
    find(id).is_some()
}

/// The type of a prelude shape.
pub(super) fn ty(id: &str) -> Option<Ty> {
    find(id).map(|p| p.1)
}

/// True for the prelude's `Primitive*` shapes (they carry a zero `default`).
pub(super) fn is_primitive(id: &str) -> bool {
    find(id).is_some_and(|p| p.2)
}

/// The zero default of a boolean or number type (Smithy 1.0 unboxed shapes, `Primitive*`).
pub(super) fn zero(ty: Ty) -> Option<Value> {
    match ty {
        Ty::Boolean => Some(Value::Bool(false)),
        Ty::Byte | Ty::Short | Ty::Integer | Ty::Long | Ty::Float | Ty::Double => {
            Some(Value::from(0))
        }
        _ => None,
    }
}

/// The IR shape of a prelude shape. `Unit` is an empty structure with the `smithy.api#unitType` trait.
pub(super) fn shape(id: &str) -> Option<Shape> {
    let (name, ty, primitive) = *find(id)?;
    let mut traits = Traits::default();
    let kind = match ty {
        Ty::String => ShapeKind::String,
        Ty::Blob => ShapeKind::Blob,
        Ty::BigInteger => ShapeKind::BigInteger,
        Ty::BigDecimal => ShapeKind::BigDecimal,
        Ty::Timestamp => ShapeKind::Timestamp,
        Ty::Document => ShapeKind::Document,
        Ty::Boolean => ShapeKind::Boolean,
        Ty::Byte => ShapeKind::Byte,
        Ty::Short => ShapeKind::Short,
        Ty::Integer => ShapeKind::Integer,
        Ty::Long => ShapeKind::Long,
        Ty::Float => ShapeKind::Float,
        Ty::Double => ShapeKind::Double,
        _ => {
            traits.other.insert(
                "smithy.api#unitType".into(),
                Value::Object(Default::default()),
            );
            ShapeKind::Structure(Vec::new())
        }
    };
    if primitive {
        traits.default = zero(ty);
    }
    Some(Shape {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        traits,
    })
}
