//! `validate()` for every generated type, once: walks a value through its schema and reports every
//! broken constraint (required, length, range, pattern, enum, uniqueItems, union) with its path in
//! wire member names (`ProductionVariants[0].InstanceType`). The path is kept as a stack of
//! borrowed segments and turned into text only for a violation, so a valid value costs no
//! allocation.

use super::value::{Struct, UnionValue, Value};
use super::{Kind, Member, Range};
use crate::error::{Bound, Detail, LengthUnit, RangeValue, ValidationError, Violation};

/// Check every constraint of `value` and everything it contains.
pub fn validate(value: &dyn Struct) -> Result<(), ValidationError> {
    let mut w = Walk {
        path: Vec::new(),
        out: Vec::new(),
    };
    w.structure(value);
    ValidationError::check(w.out)
}

/// Check a union value (a union type's own `validate()`).
pub fn validate_union(value: &dyn super::value::Union) -> Result<(), ValidationError> {
    let mut w = Walk {
        path: Vec::new(),
        out: Vec::new(),
    };
    w.union(value);
    ValidationError::check(w.out)
}

/// Check an enum value (an enum type's own `validate()`).
pub fn validate_enum(type_name: &'static str, value: Value<'_>) -> Result<(), ValidationError> {
    let mut w = Walk {
        path: Vec::new(),
        out: Vec::new(),
    };
    w.enum_value(type_name, value);
    ValidationError::check(w.out)
}

enum Seg<'a> {
    Name(&'static str),
    Index(usize),
    Key(&'a str),
}

struct Walk<'a> {
    path: Vec<Seg<'a>>,
    out: Vec<Violation>,
}

impl<'a> Walk<'a> {
    fn path_text(&self) -> String {
        let mut s = String::new();
        for seg in &self.path {
            match seg {
                Seg::Name(n) if s.is_empty() => s.push_str(n),
                Seg::Name(n) => {
                    s.push('.');
                    s.push_str(n);
                }
                Seg::Index(i) => s.push_str(&format!("[{i}]")),
                Seg::Key(k) => s.push_str(&format!("[{k:?}]")),
            }
        }
        s
    }

    fn push(&mut self, detail: Detail) {
        let at = self.path_text();
        self.out.push(Violation::new(at, detail));
    }

    fn structure(&mut self, s: &'a dyn Struct) {
        for (i, m) in s.schema().members().iter().enumerate() {
            let v = s.get(i);
            self.path.push(Seg::Name(m.name));
            if v.is_absent() {
                if m.required {
                    self.push(Detail::Required { member: m.name });
                }
            } else {
                self.value(v, m);
            }
            self.path.pop();
        }
    }

    fn union(&mut self, u: &'a dyn super::value::Union) {
        let shape = u.schema();
        match u.get() {
            UnionValue::Known(i, v) => {
                if let Some(m) = shape.members().get(i) {
                    self.path.push(Seg::Name(m.name));
                    if !v.is_absent() {
                        self.value(v, m);
                    }
                    self.path.pop();
                }
            }
            UnionValue::Unknown(u) => self.push(Detail::UnknownUnionMember {
                type_name: shape.name,
                member: u.name().to_string(),
            }),
        }
    }

    fn enum_value(&mut self, type_name: &'static str, v: Value<'_>) {
        let value = match v {
            Value::Enum(s, false) => s.to_string(),
            Value::IntEnum(i, false) => i.to_string(),
            _ => return,
        };
        self.push(Detail::Enum { type_name, value });
    }

    fn length(&mut self, n: usize, m: &Member, unit: LengthUnit) {
        let Some((min, max)) = m.length else {
            return;
        };
        let actual = n as u64;
        let bound = if min.is_some_and(|b| actual < b) {
            Bound::BelowMin
        } else if max.is_some_and(|b| actual > b) {
            Bound::AboveMax
        } else {
            return;
        };
        self.push(Detail::Length {
            bound,
            actual,
            min,
            max,
            unit,
        });
    }

    fn range(&mut self, v: Value<'_>, m: &Member) {
        fn side<T: PartialOrd>(v: T, min: Option<T>, max: Option<T>) -> Option<Bound> {
            if min.is_some_and(|b| v < b) {
                Some(Bound::BelowMin)
            } else if max.is_some_and(|b| v > b) {
                Some(Bound::AboveMax)
            } else {
                None
            }
        }
        let (bound, actual, min, max) = match (m.range, v) {
            (Range::None, _) => return,
            (Range::Int(min, max), Value::Int(i)) => {
                let i = i128::from(i);
                let int = RangeValue::Integer;
                (side(i, min, max), int(i), min.map(int), max.map(int))
            }
            (Range::F32(min, max), Value::F32(f)) => {
                let float = RangeValue::Float32;
                let b = if f.is_nan() {
                    Some(Bound::NotANumber)
                } else {
                    side(f, min, max)
                };
                (b, float(f), min.map(float), max.map(float))
            }
            (Range::F64(min, max), v) => {
                let f = match v {
                    Value::F64(f) => f,
                    Value::Number(n) => n.as_f64().unwrap_or(f64::NAN),
                    _ => return,
                };
                let float = RangeValue::Float;
                let b = if f.is_nan() {
                    Some(Bound::NotANumber)
                } else {
                    side(f, min, max)
                };
                (b, float(f), min.map(float), max.map(float))
            }
            _ => return,
        };
        if let Some(bound) = bound {
            self.push(Detail::Range {
                bound,
                actual,
                min,
                max,
            });
        }
    }

    fn string(&mut self, s: &str, m: &Member) {
        if m.length.is_some() {
            self.length(s.chars().count(), m, LengthUnit::Characters);
        }
        if let Some(p) = m.pattern {
            if !p.matches(s) {
                self.push(Detail::Pattern {
                    pattern: p.source(),
                });
            }
        }
    }

    fn value(&mut self, v: Value<'a>, m: &'static Member) {
        match v {
            Value::Str(s) => self.string(s, m),
            Value::Blob(b) => self.length(b.len(), m, LengthUnit::Bytes),
            Value::Int(_) | Value::F32(_) | Value::F64(_) | Value::Number(_) => self.range(v, m),
            Value::Enum(..) | Value::IntEnum(..) => self.enum_value(m.target.name, v),
            Value::Struct(s) if m.target.checked => self.structure(s),
            Value::Union(u) if m.target.checked => self.union(u),
            Value::Struct(_) | Value::Union(_) => {}
            Value::List(l) => {
                self.length(l.len(), m, LengthUnit::Elements);
                if m.unique {
                    if let Some((index, first)) = l.first_repeat() {
                        self.push(Detail::UniqueItems { index, first });
                    }
                }
                let Kind::List(element) = m.target.kind else {
                    return;
                };
                if !m.target.checked {
                    return;
                }
                for i in 0..l.len() {
                    let item = l.get(i);
                    if item.is_absent() {
                        continue;
                    }
                    self.path.push(Seg::Index(i));
                    self.value(item, element);
                    self.path.pop();
                }
            }
            Value::Map(map) => {
                self.length(map.len(), m, LengthUnit::Entries);
                let Kind::Map(key, value) = m.target.kind else {
                    return;
                };
                if !m.target.checked {
                    return;
                }
                for (k, item) in map.entries() {
                    self.path.push(Seg::Key(k));
                    match key.target.kind {
                        Kind::Enum(_) => self.map_key_enum(k, key),
                        _ => self.string(k, key),
                    }
                    if !item.is_absent() {
                        self.value(item, value);
                    }
                    self.path.pop();
                }
            }
            Value::Absent | Value::Bool(_) | Value::Time(_) | Value::Document(_) => {}
        }
    }

    /// A map key whose shape is an enum: the generated enum's known values are in its schema's
    /// `known` list (see [`super::Shape`]); without one the key is not checked.
    fn map_key_enum(&mut self, k: &str, key: &Member) {
        if let Some(known) = super::enum_values(key.target) {
            if !known.contains(&k) {
                self.push(Detail::Enum {
                    type_name: key.target.name,
                    value: k.to_string(),
                });
            }
        }
    }
}
