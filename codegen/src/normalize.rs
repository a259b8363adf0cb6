//! The normalize stage, run at the end of both front-ends (`load::smithy::load`,
//! `load::botocore::load`), before selection, the back-ends and the diff. What the two model forms
//! spell differently is settled here, once:
//!
//! - **Effective constraints.** A member's `length`, `range`, `pattern`, `uniqueItems` and
//!   `timestampFormat` replace its target's (as Smithy resolves them and as botocore's synthesized
//!   shapes show): [`Member::effective`] holds the result, and every back-end and the diff read it.
//! - **Canonical patterns.** [`pattern_key`] is the one canonical spelling of a pattern; every
//!   [`Pattern`](crate::ir::Pattern) carries it from construction.
//! - **Typed traits.** The raw traits back-ends read are lifted out of `Traits::other` into typed
//!   fields under the spelling of the model's form ([`traits`]); [`raw_traits`] gives them back as
//!   the model spelled them, for the projection and the same-form diff of raw traits.
//!
//! [`normalize`] is idempotent: a model edited after loading (tests do) is resolved again by another
//! call.

mod traits;

pub use traits::raw_traits;

use crate::ir::{Constraints, Member, Model, Shape, ShapeId, ShapeKind, Traits};
use std::collections::BTreeMap;

/// Resolve `model` in place: typed traits lifted, every member's effective constraints set.
pub fn normalize(model: &mut Model) {
    let form = model.form;
    traits::lift(form, &mut model.service.traits);
    for op in model.operations.values_mut() {
        traits::lift(form, &mut op.traits);
    }
    for shape in model.shapes.values_mut() {
        traits::lift(form, &mut shape.traits);
        for m in members_mut(shape) {
            traits::lift(form, &mut m.traits);
        }
    }
    let own: BTreeMap<ShapeId, Constraints> = model
        .shapes
        .iter()
        .map(|(id, s)| (id.clone(), constraints(&s.traits)))
        .collect();
    for shape in model.shapes.values_mut() {
        for m in members_mut(shape) {
            m.effective = effective(&m.traits, own.get(&m.target));
        }
    }
}

/// `model`, resolved.
pub fn normalized(mut model: Model) -> Model {
    normalize(&mut model);
    model
}

/// The members of a structure, union, list or map.
fn members_mut(shape: &mut Shape) -> Vec<&mut Member> {
    match &mut shape.kind {
        ShapeKind::Structure(m) | ShapeKind::Union(m) => m.iter_mut().collect(),
        ShapeKind::List(m) => vec![m.as_mut()],
        ShapeKind::Map { key, value } => vec![key.as_mut(), value.as_mut()],
        _ => Vec::new(),
    }
}

/// The constraint traits a shape or member carries itself.
fn constraints(t: &Traits) -> Constraints {
    Constraints {
        length: t.length.clone(),
        range: t.range.clone(),
        pattern: t.pattern.clone(),
        unique_items: t.unique_items,
        timestamp_format: t.timestamp_format.clone(),
    }
}

/// The rule, once: a constraint on the member replaces the same constraint of its target.
fn effective(member: &Traits, target: Option<&Constraints>) -> Constraints {
    let own = constraints(member);
    let Some(t) = target else {
        return own;
    };
    Constraints {
        length: own.length.or_else(|| t.length.clone()),
        range: own.range.or_else(|| t.range.clone()),
        pattern: own.pattern.or_else(|| t.pattern.clone()),
        unique_items: own.unique_items || t.unique_items,
        timestamp_format: own.timestamp_format.or_else(|| t.timestamp_format.clone()),
    }
}

/// A pattern as both model forms can spell it: anchors stripped (any number of leading `^` / one leading
/// `.*`, any number of trailing unescaped `$` / one trailing `.*`), and literal tab, newline and
/// carriage-return characters written as `\t`, `\n`, `\r`. botocore writes whole-value matches, the
/// Smithy conversion anchors them (`arn:x/.*` is `^arn:x/`): the key is what both spell alike, used to
/// compare patterns across forms and to number them in the Rust crate.
pub fn pattern_key(p: &str) -> String {
    let mut p = p.trim_start_matches('^');
    p = p.strip_prefix(".*").unwrap_or(p);
    let escaped = |s: &str| s.chars().rev().take_while(|c| *c == '\\').count() % 2 == 1;
    while let Some(q) = p.strip_suffix('$') {
        if escaped(q) {
            break;
        }
        p = q;
    }
    if let Some(q) = p.strip_suffix(".*") {
        if !escaped(q) {
            p = q;
        }
    }
    p.replace('\t', "\\t")
        .replace('\n', "\\n")
        .replace('\r', "\\r")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Bound, Bounds};

    #[test]
    fn patterns_compare_without_anchors_and_with_escapes() {
        assert_eq!(pattern_key("^^$|^a$$"), pattern_key("^$|^a$"));
        assert_eq!(pattern_key("^[ \t]*$"), pattern_key("[ \\t]*"));
        assert_eq!(pattern_key(".*x.*"), "x");
        assert_eq!(pattern_key("a\\$"), "a\\$", "an escaped dollar stays");
        assert_ne!(pattern_key("[a-z]+"), pattern_key("[a-z]*"));
    }

    #[test]
    fn a_member_constraint_replaces_its_targets() {
        let b = |n: i64| Bounds {
            min: Some(Bound(n.into())),
            max: None,
        };
        let target = Constraints {
            length: Some(b(1)),
            range: Some(b(2)),
            pattern: Some("^t$".into()),
            ..Default::default()
        };
        let member = Traits {
            length: Some(b(3)),
            ..Default::default()
        };
        let e = effective(&member, Some(&target));
        assert_eq!(e.length, Some(b(3)));
        assert_eq!(e.range, Some(b(2)));
        assert_eq!(e.pattern.map(|p| p.key), Some("t".to_string()));
        assert_eq!(effective(&member, None).range, None);
    }
}
