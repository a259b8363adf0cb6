//! An independent check of the cross-form diff: both models of a pair walked side by side from every
//! operation (input, output, errors), member by member, comparing what both forms carry: the target's
//! kind (intEnum and integer are one), `required`, the effective `length` / `range` (the member's own,
//! else its target's), enum values, the HTTP binding (jsonName only in the body), the error kind and
//! status, and pagination tokens. Each difference is named by the shape or member it is found at, so
//! the test can require that the diff reported an event there.

use codegen::ir::{Bounds, Member, Model, Shape, ShapeKind, Traits};
use std::collections::BTreeSet;

/// Places (shape or `Shape$member` ids of the Smithy model, operations by name) where the two differ.
pub fn differences(s: &Model, b: &Model) -> BTreeSet<String> {
    let mut w = Walk {
        s,
        b,
        seen: BTreeSet::new(),
        out: BTreeSet::new(),
    };
    for (name, so) in &s.operations {
        let Some(bo) = b.operations.get(name) else {
            w.out.insert(name.clone());
            continue;
        };
        for (x, y) in [(&so.input, &bo.input), (&so.output, &bo.output)] {
            match (x, y) {
                (Some(x), Some(y)) => w.shapes(x, y),
                (None, None) => {}
                _ => {
                    w.out.insert(name.clone());
                }
            }
        }
        let se: BTreeSet<&String> = so.errors.iter().collect();
        let be: BTreeSet<&String> = bo.errors.iter().collect();
        if se != be {
            w.out.insert(name.clone());
        }
        for e in se.intersection(&be) {
            w.shapes(e, e);
        }
        let tokens = |o: &codegen::ir::Operation| {
            o.paginated
                .as_ref()
                .map(|p| (p.input_token.clone(), p.output_token.clone()))
        };
        if let (Some(x), Some(y)) = (tokens(so), tokens(bo)) {
            if x != y {
                w.out.insert(name.clone());
            }
        }
    }
    w.out
}

struct Walk<'a> {
    s: &'a Model,
    b: &'a Model,
    seen: BTreeSet<(String, String)>,
    out: BTreeSet<String>,
}

impl Walk<'_> {
    fn shapes(&mut self, sid: &str, bid: &str) {
        if !self.seen.insert((sid.to_string(), bid.to_string())) {
            return;
        }
        let (Some(x), Some(y)) = (self.s.shapes.get(sid), self.b.shapes.get(bid)) else {
            self.out.insert(sid.to_string());
            return;
        };
        if !same_kind(x, y) {
            self.out.insert(sid.to_string());
            return;
        }
        if x.traits.error.is_some() || y.traits.error.is_some() {
            let status = x.traits.http_error.zip(y.traits.http_error);
            if x.traits.error != y.traits.error || status.is_some_and(|(p, q)| p != q) {
                self.out.insert(sid.to_string());
            }
        }
        match (&x.kind, &y.kind) {
            (ShapeKind::Enum(p), ShapeKind::Enum(q)) => {
                let p: BTreeSet<&str> = p.iter().map(|v| v.value.as_str()).collect();
                let q: BTreeSet<&str> = q.iter().map(|v| v.value.as_str()).collect();
                if p != q {
                    self.out.insert(sid.to_string());
                }
            }
            (ShapeKind::List(p), ShapeKind::List(q)) => self.member(sid, p, q),
            (ShapeKind::Map { key: k1, value: v1 }, ShapeKind::Map { key: k2, value: v2 }) => {
                self.member(sid, k1, k2);
                self.member(sid, v1, v2);
            }
            _ => {
                let error = x.traits.error.is_some();
                for m in x.kind.members() {
                    match y.kind.members().iter().find(|o| o.name == m.name) {
                        Some(o) => self.member(sid, m, o),
                        // Error members botocore leaves out are no difference (see codegen's diff).
                        None if error => {}
                        None => {
                            self.out.insert(format!("{sid}${}", m.name));
                        }
                    }
                }
                for o in y.kind.members() {
                    if !x.kind.members().iter().any(|m| m.name == o.name) {
                        self.out.insert(format!("{sid}${}", o.name));
                    }
                }
            }
        }
    }

    fn member(&mut self, owner: &str, m: &Member, o: &Member) {
        let at = format!("{owner}${}", m.name);
        let (Some(x), Some(y)) = (self.s.shapes.get(&m.target), self.b.shapes.get(&o.target))
        else {
            self.out.insert(at);
            return;
        };
        if !same_kind(x, y) {
            self.out.insert(at);
            return;
        }
        let (p, q) = (&m.traits, &o.traits);
        let outside = |t: &Traits| {
            t.http_binding
                .as_ref()
                .is_some_and(|b| *b != codegen::ir::HttpBinding::Payload)
        };
        let differs = p.required != q.required
            || bounds(&p.length, &x.traits.length, true)
                != bounds(&q.length, &y.traits.length, true)
            || bounds(&p.range, &x.traits.range, false) != bounds(&q.range, &y.traits.range, false)
            || p.http_binding != q.http_binding
            || (!outside(p) && p.json_name != q.json_name)
            || p.timestamp_format
                .as_ref()
                .or(x.traits.timestamp_format.as_ref())
                != q.timestamp_format
                    .as_ref()
                    .or(y.traits.timestamp_format.as_ref());
        if differs {
            self.out.insert(at);
        }
        self.shapes(&m.target, &o.target);
    }
}

fn same_kind(x: &Shape, y: &Shape) -> bool {
    x.kind.type_name() == y.kind.type_name()
        || matches!(
            (&x.kind, &y.kind),
            (ShapeKind::IntEnum(_), ShapeKind::Integer)
                | (ShapeKind::Structure(_), ShapeKind::Union(_))
                | (ShapeKind::Union(_), ShapeKind::Structure(_))
        )
}

/// The effective bounds (member's, else target's) as numbers; a `length` `min: 0` as none.
fn bounds(
    member: &Option<Bounds>,
    target: &Option<Bounds>,
    length: bool,
) -> (Option<String>, Option<String>) {
    let b = member.as_ref().or(target.as_ref());
    let text = |x: &Option<codegen::ir::Bound>| x.as_ref().map(|v| v.as_f64().to_string());
    match b {
        None => (None, None),
        Some(b) => {
            let min = text(&b.min).filter(|m| !(length && m == "0"));
            (min, text(&b.max))
        }
    }
}
