//! Which [`Bump`] a list of diff events asks of each generated package.

use super::Bump;
use crate::diff::{Event, EventId, Severity};
use crate::ir::Model;

/// A required member is a plain (non-`Option`) field of the Rust struct unless it is `clientOptional`
/// (the rule of `rust::ctx`); `None` when the member is not in the model.
fn plain_field(model: &Model, member: &str) -> Option<bool> {
    let (shape, name) = member.split_once('$')?;
    let id = model
        .shapes
        .keys()
        .find(|k| k.as_str() == shape || k.rsplit_once('#').is_some_and(|(_, s)| s == shape))?;
    let m = model
        .shape(id)?
        .kind
        .members()
        .iter()
        .find(|m| m.name == name)?;
    Some(m.traits.required && !m.traits.client_optional)
}

/// What one event does to the Rust crate's API.
fn rust_event(old: &Model, new: &Model, e: &Event) -> (Bump, &'static str) {
    use EventId::*;
    match e.id {
        ShapeRemoved if e.severity == Severity::Error => (Bump::Major, "a type was removed"),
        ShapeTypeChanged
        | MemberRemoved
        | EnumValueRemoved
        | EnumValueRenamed
        | OperationRemoved
        | OperationInputChanged
        | OperationOutputChanged
        | SparseChanged => (
            Bump::Major,
            "an item of the API was removed or changed its type",
        ),
        MemberTargetChanged if e.severity == Severity::Error => {
            (Bump::Major, "a field changed its type")
        }
        RequiredAdded | RequiredRemoved | ClientOptionalRemoved | DefaultAdded | DefaultRemoved => {
            if plain_field(old, &e.shape) != plain_field(new, &e.shape) {
                (Bump::Major, "a field changed between `Option<T>` and `T`")
            } else {
                (
                    Bump::Patch,
                    "what `build()` and `validate()` require changed",
                )
            }
        }
        MemberAdded | RequiredMemberAdded => (Bump::Minor, "new fields and builder methods"),
        EnumValueInserted | EnumValueAppended => (Bump::Minor, "new enum variants"),
        OperationAdded | ShapeAdded => (Bump::Minor, "new types"),
        DeprecatedAdded => (Bump::Minor, "items were deprecated"),
        _ => (
            Bump::Patch,
            "documentation, validation or wire details changed",
        ),
    }
}

/// The Rust crate's bump and the reason for the largest part of it.
pub fn rust_bump(old: &Model, new: &Model, events: &[Event]) -> (Bump, String) {
    let mut best = (Bump::None, "nothing changed");
    for e in events {
        let v = rust_event(old, new, e);
        if v.0 > best.0 {
            best = v;
        }
    }
    (best.0, best.1.to_string())
}

/// The R package's bump: ERROR or DANGER anywhere is major; WARNING or an addition (operation, member,
/// enum value) is minor; any other change is a patch.
pub fn r_bump(events: &[Event]) -> (Bump, String) {
    use EventId::*;
    let worst = events.iter().map(|e| e.severity).max();
    match worst {
        None => (Bump::None, "nothing changed".into()),
        Some(s) if s.is_breaking() => (
            Bump::Major,
            format!("the model diff has {s} changes (breaking for clients of the service)"),
        ),
        Some(Severity::Warning) => (Bump::Minor, "the model diff has WARNING changes".into()),
        _ if events.iter().any(|e| {
            matches!(
                e.id,
                OperationAdded | MemberAdded | EnumValueAppended | ShapeAdded
            )
        }) =>
        {
            (Bump::Minor, "new operations, arguments or values".into())
        }
        _ => (Bump::Patch, "only NOTE changes".into()),
    }
}
