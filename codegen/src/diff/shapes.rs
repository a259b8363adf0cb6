//! Shape-level changes: shapes added, removed or changing type, enum values, and the per-kind walk
//! into members (list member, map key / value, structure and union members) and traits.

use super::{docs, event, forms, members, traits, Cx, Event, EventId, Severity};
use crate::ir::{EnumValue, Shape, ShapeKind};
use std::collections::{BTreeMap, BTreeSet};

/// Changes between every pair of shapes with the same id, plus added and removed shapes.
pub(crate) fn diff_shapes(cx: &Cx, out: &mut Vec<Event>) {
    let ids: BTreeSet<&String> = cx.old.shapes.keys().chain(cx.new.shapes.keys()).collect();
    for id in ids {
        if cx.cross() && id.starts_with("smithy.api#") {
            continue;
        }
        match (cx.old.shapes.get(id), cx.new.shapes.get(id)) {
            (None, Some(s)) => out.push(event(
                EventId::ShapeAdded,
                Severity::Note,
                id,
                format!("{} shape added", s.kind.type_name()),
            )),
            (Some(s), None) => {
                let sev = if is_plain_scalar(&s.kind) {
                    Severity::Warning
                } else {
                    Severity::Error
                };
                out.push(event(
                    EventId::ShapeRemoved,
                    sev,
                    id,
                    format!("{} shape removed", s.kind.type_name()),
                ))
            }
            (Some(a), Some(b)) => shape_changes(cx, a, b, out),
            (None, None) => {}
        }
    }
    // Across forms: targets that differ only in name, compared pair by pair (the comparison of one
    // pair may queue more).
    while let Some((old, new)) = cx.renames.next() {
        if let (Some(a), Some(b)) = (cx.old.shapes.get(&old), cx.new.shapes.get(&new)) {
            shape_changes(cx, a, b, out);
        }
    }
}

/// Blob, boolean, string, numbers and timestamps (not enums, documents or aggregates).
fn is_plain_scalar(kind: &ShapeKind) -> bool {
    use ShapeKind::*;
    matches!(
        kind,
        Blob | Boolean
            | String
            | Byte
            | Short
            | Integer
            | Long
            | Float
            | Double
            | BigInteger
            | BigDecimal
            | Timestamp
    )
}

/// Every change from `old` to `new` (two versions of one shape id, reported under `new.id`).
pub(crate) fn shape_changes(cx: &Cx, old: &Shape, new: &Shape, out: &mut Vec<Event>) {
    let at = new.id.as_str();
    let aggregate_pair = matches!(
        (&old.kind, &new.kind),
        (ShapeKind::Structure(_), ShapeKind::Union(_))
            | (ShapeKind::Union(_), ShapeKind::Structure(_))
    );
    // botocore has no intEnum: Smithy's is a plain integer there.
    let int_enum_pair = matches!(
        (&old.kind, &new.kind),
        (ShapeKind::IntEnum(_), ShapeKind::Integer) | (ShapeKind::Integer, ShapeKind::IntEnum(_))
    );
    if cx.cross() && aggregate_pair {
        // botocore keeps some unions as plain structures (those older than its `union` flag).
        members::struct_changes(cx, at, old.kind.members(), new.kind.members(), out);
    } else if old.kind.type_name() != new.kind.type_name() && !(cx.cross() && int_enum_pair) {
        out.push(event(
            EventId::ShapeTypeChanged,
            Severity::Error,
            at,
            format!(
                "type changed from {} to {}",
                old.kind.type_name(),
                new.kind.type_name()
            ),
        ));
        return;
    }
    match (&old.kind, &new.kind) {
        (ShapeKind::Enum(a), ShapeKind::Enum(b)) => enum_changes(cx, at, a, b, out),
        (ShapeKind::IntEnum(a), ShapeKind::IntEnum(b)) => {
            let conv = |vs: &[crate::ir::IntEnumValue]| -> Vec<EnumValue> {
                vs.iter()
                    .map(|v| EnumValue {
                        name: Some(v.name.clone()),
                        value: v.value.to_string(),
                        documentation: v.documentation.clone(),
                        deprecated: false,
                    })
                    .collect()
            };
            enum_changes(cx, at, &conv(a), &conv(b), out)
        }
        (ShapeKind::List(a), ShapeKind::List(b)) => {
            members::member_changes(cx, a, b, &format!("{at}$member"), out)
        }
        (ShapeKind::Map { key: ka, value: va }, ShapeKind::Map { key: kb, value: vb }) => {
            members::member_changes(cx, ka, kb, &format!("{at}$key"), out);
            members::member_changes(cx, va, vb, &format!("{at}$value"), out);
        }
        (ShapeKind::Structure(a), ShapeKind::Structure(b))
        | (ShapeKind::Union(a), ShapeKind::Union(b)) => members::struct_changes(cx, at, a, b, out),
        _ => {}
    }
    if cx.cross() {
        let (a, b) = (
            forms::without_member_facts(&old.traits),
            forms::without_member_facts(&new.traits),
        );
        traits::diff_traits(cx, &a, &b, at, out);
    } else {
        traits::diff_traits(cx, &old.traits, &new.traits, at, out);
    }
}

/// The id of an enum value: `Enum$NAME`, or `Enum$value` when the value has no name.
fn value_id(at: &str, v: &EnumValue) -> String {
    format!("{at}${}", v.name.as_deref().unwrap_or(&v.value))
}

/// Enum values matched by wire value: removed, renamed, inserted before the end, appended, and
/// per-value documentation and deprecation (same form only).
fn enum_changes(cx: &Cx, at: &str, old: &[EnumValue], new: &[EnumValue], out: &mut Vec<Event>) {
    let old_by: BTreeMap<&str, &EnumValue> = old.iter().map(|v| (v.value.as_str(), v)).collect();
    let new_by: BTreeMap<&str, &EnumValue> = new.iter().map(|v| (v.value.as_str(), v)).collect();
    for v in old {
        if !new_by.contains_key(v.value.as_str()) {
            out.push(event(
                EventId::EnumValueRemoved,
                Severity::Error,
                value_id(at, v),
                format!("enum value {:?} removed", v.value),
            ));
        }
    }
    // The last position, in the new list, of a value the old list has: new values after it are
    // appended, new values before it are inserted.
    let last_kept = new
        .iter()
        .rposition(|v| old_by.contains_key(v.value.as_str()));
    for (i, v) in new.iter().enumerate() {
        let Some(prev) = old_by.get(v.value.as_str()) else {
            let (id, sev, how) = match last_kept {
                Some(k) if i < k => (
                    EventId::EnumValueInserted,
                    Severity::Error,
                    "inserted before the end",
                ),
                _ => (EventId::EnumValueAppended, Severity::Note, "appended"),
            };
            out.push(event(
                id,
                sev,
                value_id(at, v),
                format!("enum value {:?} {how}", v.value),
            ));
            continue;
        };
        if cx.cross() {
            continue;
        }
        let vid = value_id(at, v);
        if prev.name != v.name {
            let name = |n: &Option<String>| n.clone().unwrap_or_else(|| "(no name)".into());
            out.push(event(
                EventId::EnumValueRenamed,
                Severity::Error,
                &vid,
                format!(
                    "enum value {:?} renamed from {} to {}",
                    v.value,
                    name(&prev.name),
                    name(&v.name)
                ),
            ));
        }
        match (prev.deprecated, v.deprecated) {
            (false, true) => out.push(event(
                EventId::DeprecatedAdded,
                Severity::Warning,
                &vid,
                "deprecated",
            )),
            (true, false) => out.push(event(
                EventId::TraitRemoved,
                Severity::Warning,
                &vid,
                "trait `deprecated` removed",
            )),
            _ => {}
        }
        docs::diff_docs(
            prev.documentation.as_deref(),
            v.documentation.as_deref(),
            &vid,
            out,
        );
    }
}
