//! What the cross-form comparison ([`Mode::CrossForm`](super::Mode)) normalises before comparing, so
//! that the Smithy and botocore forms of one API diff as nothing beyond real differences:
//!
//! - **Effective constraints.** A constraint on a member and the same constraint on the member's
//!   target say the same thing (Smithy puts `range` on a member targeting `smithy.api#Integer`,
//!   botocore on a synthesized `ListRegionsRequestMaxResultsInteger`). Across forms, `length`,
//!   `range`, `pattern` and `timestampFormat` are compared per member, as the resolved IR has them
//!   ([`crate::ir::Member::effective`], through [`effective`]), and not on the shapes themselves.
//! - **Renamed targets.** botocore names shapes of its own (`AccessActionsList` for Smithy's
//!   `ActionsList`, `boolean` for `Boolean2`, any simple shape for a prelude target). A member whose
//!   target differs only in name (one of the two ids is missing from the other model: a target both
//!   models have is a real change) is no change: the two targets are compared with each other instead
//!   (once per pair, from a work list, so no model can nest the walk deeply), and a shape that only
//!   such a pair reaches is not reported added or removed ([`Renames`]).
//! - **Patterns** are compared by their canonical key ([`crate::ir::Pattern::key`]: without
//!   anchoring (`^`, `$`, a leading or trailing `.*`, repeated anchors) and with a literal tab,
//!   newline or carriage return read as its escape).
//! - **Endpoint rule sets** are compared with the two arguments of `booleanEquals` and
//!   `stringEquals` in one order (the botocore files often write `[true, {getAttr ...}]` where the
//!   Smithy trait writes `[{getAttr ...}, true]`): [`commutative_args_sorted`].
//! - **Error members.** Many botocore models leave the members of error structures out (botocore
//!   reads an error's message from the response whatever the model says): a member of an error
//!   structure that only the Smithy form has is not compared, nor the shapes only such members reach
//!   ([`without_smithy_only_error_members`]).

use super::{Event, EventId};
use crate::ir::{Member, Model, ModelForm, ShapeKind, Traits};
use std::cell::RefCell;
use std::collections::BTreeSet;

/// Target pairs (old id, new id) found to differ only in name, and those still to compare.
#[derive(Default)]
pub(crate) struct Renames {
    seen: RefCell<BTreeSet<(String, String)>>,
    pending: RefCell<Vec<(String, String)>>,
}

impl Renames {
    /// Record a pair; `true` the first time it is seen (then it is queued for comparison).
    pub fn note(&self, old: &str, new: &str) -> bool {
        let pair = (old.to_string(), new.to_string());
        if self.seen.borrow().contains(&pair) {
            return false;
        }
        self.seen.borrow_mut().insert(pair.clone());
        self.pending.borrow_mut().push(pair);
        true
    }

    /// The next pair to compare.
    pub fn next(&self) -> Option<(String, String)> {
        self.pending.borrow_mut().pop()
    }

    /// Drop `ShapeAdded` / `ShapeRemoved` of shapes that a renamed pair accounts for.
    pub fn drop_accounted(&self, out: &mut Vec<Event>) {
        let seen = self.seen.borrow();
        let olds: BTreeSet<&str> = seen.iter().map(|(o, _)| o.as_str()).collect();
        let news: BTreeSet<&str> = seen.iter().map(|(_, n)| n.as_str()).collect();
        out.retain(|e| match e.id {
            EventId::ShapeAdded => !news.contains(e.shape.as_str()),
            EventId::ShapeRemoved => !olds.contains(e.shape.as_str()),
            _ => true,
        });
    }
}

/// A member's traits with its effective `length`, `range`, `pattern` and `timestampFormat`
/// ([`Member::effective`]) in place of its own.
pub(crate) fn effective(member: &Member) -> Traits {
    let e = &member.effective;
    Traits {
        length: e.length.clone(),
        range: e.range.clone(),
        pattern: e.pattern.clone(),
        timestamp_format: e.timestamp_format.clone(),
        ..member.traits.clone()
    }
}

/// A shape's traits without what [`effective`] compares per member.
pub(crate) fn without_member_facts(t: &Traits) -> Traits {
    Traits {
        length: None,
        range: None,
        pattern: None,
        timestamp_format: None,
        ..t.clone()
    }
}

/// Both models with the members of error structures that only the Smithy-form one has removed
/// (and the shapes only those members reached).
pub(crate) fn without_smithy_only_error_members(old: Model, new: Model) -> (Model, Model) {
    match (old.form, new.form) {
        (ModelForm::Smithy, ModelForm::Botocore) => (strip(old, &new), new),
        (ModelForm::Botocore, ModelForm::Smithy) => {
            let new = strip(new, &old);
            (old, new)
        }
        _ => (old, new),
    }
}

fn strip(mut smithy: Model, botocore: &Model) -> Model {
    let mut changed = false;
    for (id, shape) in smithy.shapes.iter_mut() {
        if shape.traits.error.is_none() {
            continue;
        }
        let Some(other) = botocore.shapes.get(id) else {
            continue;
        };
        if let ShapeKind::Structure(members) = &mut shape.kind {
            let before = members.len();
            members.retain(|m| other.kind.members().iter().any(|o| o.name == m.name));
            changed |= members.len() != before;
        }
    }
    if changed {
        super::reachable(&smithy)
    } else {
        smithy
    }
}

/// A rule set with the arguments of every `booleanEquals` / `stringEquals` call sorted (by their JSON
/// text): both functions are symmetric, so the order says nothing.
pub(crate) fn commutative_args_sorted(rules: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match rules {
        Value::Array(items) => Value::Array(items.iter().map(commutative_args_sorted).collect()),
        Value::Object(obj) => {
            let mut out: serde_json::Map<String, Value> = obj
                .iter()
                .map(|(k, v)| (k.clone(), commutative_args_sorted(v)))
                .collect();
            let symmetric = matches!(
                obj.get("fn").and_then(Value::as_str),
                Some("booleanEquals" | "stringEquals")
            );
            if let (true, Some(Value::Array(args))) = (symmetric, out.get_mut("argv")) {
                args.sort_by_key(|a| a.to_string());
            }
            Value::Object(out)
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symmetric_arguments_in_one_order() {
        use serde_json::json;
        let a = json!({"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]});
        let b = json!({"fn": "booleanEquals", "argv": [true, {"ref": "UseFIPS"}]});
        assert_eq!(commutative_args_sorted(&a), commutative_args_sorted(&b));
        let c = json!({"fn": "substring", "argv": [{"ref": "X"}, 0]});
        let d = json!({"fn": "substring", "argv": [0, {"ref": "X"}]});
        assert_ne!(commutative_args_sorted(&c), commutative_args_sorted(&d));
    }
}
