//! Member changes: structure and union members added, removed or reordered, and per member the
//! target and the member's own traits.

use super::{event, forms, shapes, traits, Cx, Event, EventId, Severity};
use crate::ir::{Member, ShapeKind};
use std::collections::BTreeSet;

/// How deep target comparisons may nest (lists of lists ...) before the change is called an ERROR.
const MAX_DEPTH: u32 = 32;

/// Members of a structure or union `at`, matched by name.
pub(crate) fn struct_changes(
    cx: &Cx,
    at: &str,
    old: &[Member],
    new: &[Member],
    out: &mut Vec<Event>,
) {
    let old_names: BTreeSet<&str> = old.iter().map(|m| m.name.as_str()).collect();
    let new_names: BTreeSet<&str> = new.iter().map(|m| m.name.as_str()).collect();
    for m in old {
        if !new_names.contains(m.name.as_str()) {
            out.push(event(
                EventId::MemberRemoved,
                Severity::Error,
                format!("{at}${}", m.name),
                format!("member removed (it targeted {})", m.target),
            ));
        }
    }
    for m in new {
        let id = format!("{at}${}", m.name);
        match old.iter().find(|o| o.name == m.name) {
            None => {
                let t = &m.traits;
                if t.required && t.default.is_none() && !t.client_optional {
                    out.push(event(
                        EventId::RequiredMemberAdded,
                        Severity::Error,
                        id,
                        format!("required member added (target {})", m.target),
                    ));
                } else {
                    out.push(event(
                        EventId::MemberAdded,
                        Severity::Note,
                        id,
                        format!("member added (target {})", m.target),
                    ));
                }
            }
            Some(o) => member_changes(cx, o, m, &id, out),
        }
    }
    let old_order: Vec<&str> = old
        .iter()
        .map(|m| m.name.as_str())
        .filter(|n| new_names.contains(n))
        .collect();
    let new_order: Vec<&str> = new
        .iter()
        .map(|m| m.name.as_str())
        .filter(|n| old_names.contains(n))
        .collect();
    // Member order means something in Smithy (generated constructors) but not in botocore JSON.
    if old_order != new_order && !cx.cross() {
        out.push(event(
            EventId::MembersReordered,
            Severity::Danger,
            at,
            "members reordered",
        ));
    }
}

/// One member present in both versions (`id` is `Shape$member`): its target and its traits.
pub(crate) fn member_changes(cx: &Cx, old: &Member, new: &Member, id: &str, out: &mut Vec<Event>) {
    if cx.cross() {
        return cross_member_changes(cx, old, new, id, out);
    }
    if old.target != new.target {
        let severity = target_change_severity(cx, &old.target, &new.target);
        out.push(event(
            EventId::MemberTargetChanged,
            severity,
            id,
            format!("target changed from {} to {}", old.target, new.target),
        ));
    }
    traits::diff_traits(cx, &old.traits, &new.traits, id, out);
}

/// Across forms: a target that differs only in name (one of the two ids is missing from the other
/// model) is compared with its counterpart (see
/// [`forms`]); the member's traits are compared with its target's constraints merged in.
fn cross_member_changes(cx: &Cx, old: &Member, new: &Member, id: &str, out: &mut Vec<Event>) {
    let (a, b) = (
        cx.old.shapes.get(&old.target),
        cx.new.shapes.get(&new.target),
    );
    if old.target != new.target {
        let same_kind = match (a, b) {
            (Some(a), Some(b)) => {
                a.kind.type_name() == b.kind.type_name()
                    || matches!(
                        (&a.kind, &b.kind),
                        (ShapeKind::IntEnum(_), ShapeKind::Integer)
                            | (ShapeKind::Integer, ShapeKind::IntEnum(_))
                    )
            }
            _ => false,
        };
        // A rename is a target one model lacks: a target both models have is a real change.
        let renamed =
            !cx.new.shapes.contains_key(&old.target) || !cx.old.shapes.contains_key(&new.target);
        if same_kind && renamed {
            cx.renames.note(&old.target, &new.target);
        } else {
            let severity = if same_kind {
                target_change_severity(cx, &old.target, &new.target)
            } else {
                Severity::Error
            };
            out.push(event(
                EventId::MemberTargetChanged,
                severity,
                id,
                format!("target changed from {} to {}", old.target, new.target),
            ));
        }
    }
    let old_traits = forms::effective(old);
    let new_traits = forms::effective(new);
    traits::diff_traits(cx, &old_traits, &new_traits, id, out);
}

/// ERROR when the target's type changes or it is a structure, union or enum; otherwise WARNING,
/// raised to the worst change between the two target shapes.
fn target_change_severity(cx: &Cx, old: &str, new: &str) -> Severity {
    let (Some(a), Some(b)) = (cx.old.shapes.get(old), cx.new.shapes.get(new)) else {
        return Severity::Error;
    };
    if a.kind.type_name() != b.kind.type_name() {
        return Severity::Error;
    }
    if matches!(
        b.kind,
        ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_)
    ) {
        return Severity::Error;
    }
    let depth = cx.depth.get();
    if depth >= MAX_DEPTH {
        return Severity::Error;
    }
    cx.depth.set(depth + 1);
    let mut events = Vec::new();
    shapes::shape_changes(cx, a, b, &mut events);
    cx.depth.set(depth);
    events
        .iter()
        .map(|e| e.severity)
        .fold(Severity::Warning, Severity::max)
}
