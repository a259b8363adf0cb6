//! Data shapes: simple types, enums (shapes and the 1.0 `enum` trait), lists and sets, maps,
//! structures and unions, with member targets resolved and checked.

use super::builder::Builder;
use super::cx::{json_kind, shape_ptr, Field};
use super::index::{Raw, Ty, Version};
use super::mixins::FlatMember;
use super::prelude;
use super::traits::{self, Special, P};
use crate::ir::{EnumValue, IntEnumValue, Member, Shape, ShapeKind, Traits};
use serde_json::Value;
use std::collections::HashMap;

impl<'a> Builder<'a, '_, '_> {
    /// The IR shape of a data shape entry.
    pub fn data_shape(&mut self, raw: Raw<'a>) -> Shape {
        let flat = self.fl.flatten(&mut self.cx, raw.id);
        let (mut traits, sp) = traits::parse(&mut self.cx, &flat.traits);
        let members = &flat.members;
        let kind = match raw.ty {
            Ty::Blob => ShapeKind::Blob,
            Ty::Boolean => ShapeKind::Boolean,
            Ty::String => match &sp.enum_trait {
                Some(e) => ShapeKind::Enum(self.enum_trait_values(e)),
                None => ShapeKind::String,
            },
            Ty::Byte => ShapeKind::Byte,
            Ty::Short => ShapeKind::Short,
            Ty::Integer => ShapeKind::Integer,
            Ty::Long => ShapeKind::Long,
            Ty::Float => ShapeKind::Float,
            Ty::Double => ShapeKind::Double,
            Ty::BigInteger => ShapeKind::BigInteger,
            Ty::BigDecimal => ShapeKind::BigDecimal,
            Ty::Timestamp => ShapeKind::Timestamp,
            Ty::Document => ShapeKind::Document,
            Ty::Enum => {
                self.check_case(raw.id, members);
                ShapeKind::Enum(self.enum_members(members))
            }
            Ty::IntEnum => {
                self.check_case(raw.id, members);
                ShapeKind::IntEnum(self.int_enum_members(raw, members))
            }
            Ty::List | Ty::Set => {
                traits.unique_items |= raw.ty == Ty::Set;
                let member = self.named(raw, members, "member");
                ShapeKind::List(Box::new(member))
            }
            Ty::Map => {
                let key = self.named(raw, members, "key");
                self.check_map_key(raw, members);
                let value = self.named(raw, members, "value");
                ShapeKind::Map {
                    key: Box::new(key),
                    value: Box::new(value),
                }
            }
            Ty::Structure | Ty::Union => {
                self.check_case(raw.id, members);
                let ms = members.iter().map(|m| self.member(m)).collect();
                if raw.ty == Ty::Union {
                    ShapeKind::Union(ms)
                } else {
                    ShapeKind::Structure(ms)
                }
            }
            Ty::Service | Ty::Operation | Ty::Resource | Ty::Apply => ShapeKind::Structure(vec![]),
        };
        if let (Some(e), false) = (&sp.enum_trait, raw.ty == Ty::String) {
            let path = e.path(&[]);
            self.cx.err(
                Some(e.owner),
                path,
                format!(
                    "trait `smithy.api#enum` is only allowed on string shapes, not on {} shape",
                    raw.ty.with_article()
                ),
            );
        }
        keep_unused(&mut traits, &sp, false, true);
        if self.ix.version == Version::V1 && !sp.boxed && traits.default.is_none() {
            traits.default = prelude::zero(raw.ty);
        }
        if let Some(e) = &sp.enum_value {
            traits.other.insert(e.id.to_string(), e.value.clone());
        }
        Shape {
            id: self.ir_id(raw.id),
            name: self
                .renames
                .get(raw.id)
                .copied()
                .unwrap_or(raw.name)
                .to_string(),
            kind,
            traits,
        }
    }

    /// A structure, union, list or map member.
    fn member(&mut self, m: &FlatMember<'a>) -> Member {
        let target = self.target(m);
        let (mut traits, sp) = traits::parse(&mut self.cx, &m.traits);
        keep_unused(&mut traits, &sp, true, true);
        if let Some((_, abs)) = &target {
            if self.ix.version == Version::V1
                && !sp.boxed
                && !traits.required
                && traits.default.is_none()
                && self.unboxed_primitive(abs)
            {
                traits.default = self.ix.ty_of(abs).and_then(prelude::zero);
            }
        }
        Member {
            name: m.name.to_string(),
            target: target.map(|(id, _)| id).unwrap_or_default(),
            traits,
            effective: Default::default(),
        }
    }

    /// Smithy 1.0: a boolean or number shape without `box` (or a prelude `Primitive*` shape).
    fn unboxed_primitive(&self, abs: &str) -> bool {
        match self.ix.shapes.get(abs) {
            Some(r) => {
                prelude::zero(r.ty).is_some()
                    && !r
                        .obj
                        .field("traits")
                        .and_then(Value::as_object)
                        .is_some_and(|t| t.has("smithy.api#box") || t.has("box"))
            }
            None => prelude::is_primitive(abs),
        }
    }

    /// The list `member` or map `key` / `value`, reported when missing.
    fn named(&mut self, raw: Raw<'a>, members: &[FlatMember<'a>], name: &str) -> Member {
        match members.iter().find(|m| m.name == name) {
            Some(m) => self.member(m),
            None => {
                self.cx.err(
                    Some(raw.id),
                    shape_ptr(raw.id, &[]),
                    format!("{} shape has no `{name}`", raw.ty.name()),
                );
                Member {
                    name: name.to_string(),
                    target: String::new(),
                    traits: Traits::default(),
                    effective: Default::default(),
                }
            }
        }
    }

    fn check_map_key(&mut self, raw: Raw<'a>, members: &[FlatMember<'a>]) {
        let Some(key) = members.iter().find(|m| m.name == "key") else {
            return;
        };
        let Some(Value::String(t)) = key.obj.field("target") else {
            return;
        };
        let Some(abs) = self.ix.resolve(key.ns, t) else {
            return;
        };
        match self.ix.ty_of(&abs) {
            Some(Ty::String | Ty::Enum) | None => {}
            Some(ty) => self.cx.err(
                Some(raw.id),
                key.path(&["target"]),
                format!(
                    "map key must target a string or enum shape, but `{abs}` is {} shape",
                    ty.with_article()
                ),
            ),
        }
    }

    /// Member names must be unique ignoring case.
    fn check_case(&mut self, id: &str, members: &[FlatMember<'a>]) {
        let report = |cx: &mut super::cx::Cx, m: &FlatMember, first: &str| {
            cx.err(
                Some(id),
                m.path(&[]),
                format!(
                    "member `{}` conflicts with member `{first}`: member names must be unique \
                     ignoring case",
                    m.name
                ),
            );
        };
        if members.len() <= 16 {
            // Small shapes (nearly all): compare pairwise, no allocation for ASCII names.
            for (i, m) in members.iter().enumerate() {
                if let Some(first) = members[..i]
                    .iter()
                    .find(|x| same_ignoring_case(x.name, m.name))
                {
                    report(&mut self.cx, m, first.name);
                }
            }
            return;
        }
        let mut seen: HashMap<String, &str> = HashMap::with_capacity(members.len());
        for m in members {
            if let Some(first) = seen.insert(m.name.to_lowercase(), m.name) {
                report(&mut self.cx, m, first);
            }
        }
    }

    /// Values of the 1.0-style `smithy.api#enum` trait.
    fn enum_trait_values(&mut self, e: &super::index::TraitSrc<'a>) -> Vec<EnumValue> {
        let mut p = P {
            cx: &mut self.cx,
            s: e,
        };
        let Some(list) = e.value.as_array() else {
            p.bad(
                &[],
                format!(
                    "trait `smithy.api#enum` must be an array, found {}",
                    json_kind(e.value)
                ),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(list.len());
        for (i, def) in list.iter().enumerate() {
            let idx = i.to_string();
            let Some(obj) = def.as_object() else {
                p.bad(
                    &[&idx],
                    format!(
                        "an enum definition must be an object, found {}",
                        json_kind(def)
                    ),
                );
                continue;
            };
            let field = |p: &mut P, key: &str| match obj.field(key) {
                None => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(v) => {
                    p.bad(
                        &[&idx, key],
                        format!(
                            "enum definition `{key}` must be a string, found {}",
                            json_kind(v)
                        ),
                    );
                    None
                }
            };
            let value = field(&mut p, "value");
            let name = field(&mut p, "name");
            let documentation = field(&mut p, "documentation");
            let deprecated = match obj.field("deprecated") {
                None => false,
                Some(Value::Bool(b)) => *b,
                Some(v) => {
                    p.bad(
                        &[&idx, "deprecated"],
                        format!(
                            "enum definition `deprecated` must be a boolean, found {}",
                            json_kind(v)
                        ),
                    );
                    false
                }
            };
            let Some(value) = value else {
                if !obj.has("value") {
                    p.bad(&[&idx], "enum definition has no `value`".into());
                }
                continue;
            };
            out.push(EnumValue {
                name,
                value,
                documentation,
                deprecated,
            });
        }
        out
    }

    /// Members of an `enum` shape: name, `enumValue` (default: the name), documentation, deprecated.
    fn enum_members(&mut self, members: &[FlatMember<'a>]) -> Vec<EnumValue> {
        let mut out = Vec::with_capacity(members.len());
        for m in members {
            let (traits, sp) = traits::parse(&mut self.cx, &m.traits);
            let value = match &sp.enum_value {
                None => m.name.to_string(),
                Some(ev) => match ev.value {
                    Value::String(s) => s.clone(),
                    v => {
                        let path = ev.path(&[]);
                        self.cx.err(
                            Some(ev.owner),
                            path,
                            format!("`smithy.api#enumValue` of a string enum must be a string, found {}", json_kind(v)),
                        );
                        continue;
                    }
                },
            };
            out.push(EnumValue {
                name: Some(m.name.to_string()),
                value,
                documentation: traits.documentation,
                deprecated: traits.deprecated.is_some(),
            });
        }
        out
    }

    /// Members of an `intEnum` shape: each needs an integer `enumValue`.
    fn int_enum_members(&mut self, raw: Raw<'a>, members: &[FlatMember<'a>]) -> Vec<IntEnumValue> {
        let mut out = Vec::with_capacity(members.len());
        for m in members {
            let (traits, sp) = traits::parse(&mut self.cx, &m.traits);
            let value = match &sp.enum_value {
                None => {
                    self.cx.err(
                        Some(raw.id),
                        m.path(&[]),
                        format!("intEnum member `{}` has no `smithy.api#enumValue`", m.name),
                    );
                    continue;
                }
                Some(ev) => {
                    let int = ev
                        .value
                        .as_i64()
                        .map(i128::from)
                        .or_else(|| ev.value.as_u64().map(i128::from));
                    match int {
                        // An intEnum is a specialization of `integer`: 32-bit values only.
                        Some(i) if i32::try_from(i).is_err() => {
                            self.cx.err(
                                Some(ev.owner),
                                ev.path(&[]),
                                format!(
                                    "`smithy.api#enumValue` {i} of intEnum member `{}` is outside the 32-bit integer range of an intEnum",
                                    m.name
                                ),
                            );
                            continue;
                        }
                        Some(i) => i as i64,
                        None => {
                            let path = ev.path(&[]);
                            self.cx.err(
                            Some(ev.owner),
                            path,
                            format!("`smithy.api#enumValue` of an intEnum must be an integer, found {}", json_kind(ev.value)),
                        );
                            continue;
                        }
                    }
                }
            };
            out.push(IntEnumValue {
                name: m.name.to_string(),
                value,
                documentation: traits.documentation,
            });
        }
        out
    }
}

fn same_ignoring_case(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        a.eq_ignore_ascii_case(b)
    } else {
        a.to_lowercase() == b.to_lowercase()
    }
}

/// Put shape-dependent traits that do not apply here back into `other`, raw.
pub(super) fn keep_unused(t: &mut Traits, sp: &Special, enum_trait: bool, paginated: bool) {
    let mut keep = |s: &Option<super::index::TraitSrc>| {
        if let Some(s) = s {
            t.other.insert(s.id.to_string(), s.value.clone());
        }
    };
    if enum_trait {
        keep(&sp.enum_trait);
        keep(&sp.enum_value);
    }
    if paginated {
        keep(&sp.paginated);
    }
}
