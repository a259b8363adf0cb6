//! Flattening: a shape's effective members and traits after mixins and `apply`.
//!
//! Members of mixins come first, in mixin order, then the shape's own members; a member redefined
//! locally keeps its mixin position and gets the mixin's traits overridden by its own. Traits of mixins
//! (except `smithy.api#mixin` itself) are inherited; the shape's own traits win, and `apply` traits are
//! applied last. Trait lists are kept in application order: later entries override earlier ones.

use super::cx::{json_kind, shape_ptr, Cx, Field, MAX_DEPTH};
use super::index::{At, Index, TraitSrc, Ty};
use serde_json::{Map, Value};
use std::collections::{HashMap, HashSet};

/// One effective member.
#[derive(Debug, Clone)]
pub(super) struct FlatMember<'a> {
    pub name: &'a str,
    pub at: At<'a>,
    /// The shape entry the member is written in (the shape itself or a mixin).
    pub owner: &'a str,
    /// The namespace of `owner` (relative targets resolve against it).
    pub ns: &'a str,
    pub obj: &'a Map<String, Value>,
    pub traits: Vec<TraitSrc<'a>>,
}

impl FlatMember<'_> {
    /// JSON pointer to this member (plus more tokens inside it).
    pub fn path(&self, inner: &[&str]) -> String {
        let mut t = self.at.tokens();
        t.extend_from_slice(inner);
        shape_ptr(self.owner, &t)
    }
}

/// A shape's effective traits and members.
#[derive(Debug, Clone, Default)]
pub(super) struct Flat<'a> {
    pub traits: Vec<TraitSrc<'a>>,
    pub members: Vec<FlatMember<'a>>,
}

/// A step of the mixin walk: the shape, its mixin references (with pointers), the next one to visit.
type Visit<'a> = (&'a str, Vec<(&'a str, String)>, usize);

/// Computes [`Flat`]s, remembering those of mixins.
pub(super) struct Flattener<'a, 'i> {
    ix: &'i Index<'a>,
    /// Flattened mixins with their nesting depth (1 for a mixin without mixins).
    memo: HashMap<&'a str, (Flat<'a>, usize)>,
    /// Mixin references that close a cycle (reported once, then ignored).
    cyclic: HashSet<(&'a str, &'a str)>,
}

impl<'a, 'i> Flattener<'a, 'i> {
    /// A flattener with every mixin already flattened, mixins of mixins first, so that flattening
    /// never recurses deeply whatever the model; mixin cycles are reported here.
    pub fn new(cx: &mut Cx, ix: &'i Index<'a>) -> Self {
        let mut fl = Flattener {
            ix,
            memo: HashMap::new(),
            cyclic: HashSet::new(),
        };
        fl.warm(cx);
        fl
    }

    /// Iterative depth-first walk of the mixin graph, flattening each mixin after its own mixins.
    fn warm(&mut self, cx: &mut Cx) {
        #[derive(Clone, Copy, PartialEq)]
        enum State {
            Open,
            Done,
        }
        let mut state: HashMap<&'a str, State> = HashMap::new();
        for &root in &self.ix.order {
            if !self.ix.shapes[root].is_mixin || state.contains_key(root) {
                continue;
            }
            let mut stack: Vec<Visit<'a>> = Vec::new();
            state.insert(root, State::Open);
            stack.push((root, self.refs(cx, root), 0));
            while let Some((id, refs, next)) = stack.last_mut() {
                let id = *id;
                if let Some((target, path)) = refs.get(*next).cloned() {
                    *next += 1;
                    match state.get(target) {
                        None => {
                            state.insert(target, State::Open);
                            let r = self.refs(cx, target);
                            stack.push((target, r, 0));
                        }
                        Some(State::Open) => {
                            let pos = stack.iter().position(|s| s.0 == target).unwrap_or(0);
                            let mut cycle: Vec<&str> = stack[pos..].iter().map(|s| s.0).collect();
                            cycle.push(target);
                            cx.err(
                                Some(id),
                                path,
                                format!("mixin cycle: {}", cycle.join(" -> ")),
                            );
                            self.cyclic.insert((id, target));
                        }
                        Some(State::Done) => {}
                    }
                } else {
                    stack.pop();
                    state.insert(id, State::Done);
                    self.flatten(cx, id);
                }
            }
        }
    }

    /// The valid mixin references of a shape.
    fn refs(&self, cx: &mut Cx, id: &'a str) -> Vec<(&'a str, String)> {
        match self.ix.shapes.get(id).and_then(|r| r.obj.field("mixins")) {
            Some(mixins) => self.mixin_targets(cx, id, mixins),
            None => Vec::new(),
        }
    }

    /// The effective members and traits of shape `id` (which must be in the index).
    pub fn flatten(&mut self, cx: &mut Cx, id: &'a str) -> Flat<'a> {
        let mut stack = Vec::new();
        self.flatten_in(cx, id, &mut stack).0
    }

    /// The flattened shape and its mixin nesting depth. Mixins may nest at most [`MAX_DEPTH`] deep
    /// (deeper chains would make flattened members grow quadratically).
    fn flatten_in(
        &mut self,
        cx: &mut Cx,
        id: &'a str,
        stack: &mut Vec<&'a str>,
    ) -> (Flat<'a>, usize) {
        if let Some(f) = self.memo.get(id) {
            return f.clone();
        }
        let Some(raw) = self.ix.shapes.get(id).copied() else {
            return (Flat::default(), 0);
        };
        let mut flat = Flat::default();
        let mut depth = 1;
        if let Some(mixins) = raw.obj.field("mixins") {
            stack.push(id);
            for (target, path) in self.mixin_targets(cx, id, mixins) {
                if self.cyclic.contains(&(id, target)) {
                    continue;
                }
                // Not reached after `warm` (every mixin is remembered); kept as a safety net.
                if let Some(pos) = stack.iter().position(|s| *s == target) {
                    let mut cycle: Vec<&str> = stack[pos..].to_vec();
                    cycle.push(target);
                    cx.err(
                        Some(id),
                        path,
                        format!("mixin cycle: {}", cycle.join(" -> ")),
                    );
                    continue;
                }
                let (inherited, d) = self.flatten_in(cx, target, stack);
                if d >= MAX_DEPTH {
                    cx.err(
                        Some(id),
                        path,
                        format!("mixins nest more than {MAX_DEPTH} deep"),
                    );
                    continue;
                }
                depth = depth.max(d + 1);
                for t in inherited.traits {
                    if t.id != "smithy.api#mixin" {
                        flat.traits.push(t);
                    }
                }
                let mut names: HashSet<&'a str> = flat.members.iter().map(|x| x.name).collect();
                for m in inherited.members {
                    if names.insert(m.name) {
                        flat.members.push(m);
                    }
                }
            }
            stack.pop();
        }
        flat.traits.extend(
            self.ix
                .trait_srcs(cx, id, raw.ns, raw.obj.field("traits"), At::Shape),
        );
        // By name index, not by scanning: a structure may have 100,000 members.
        let mut index: HashMap<&'a str, usize> = flat
            .members
            .iter()
            .enumerate()
            .map(|(i, x)| (x.name, i))
            .collect();
        for m in self.local_members(cx, id, raw.ns, raw.ty, raw.obj) {
            match index.get(m.name).and_then(|&i| flat.members.get_mut(i)) {
                Some(existing) => {
                    existing.traits.extend(m.traits);
                    existing.obj = m.obj;
                    existing.owner = m.owner;
                    existing.ns = m.ns;
                }
                None => {
                    index.insert(m.name, flat.members.len());
                    flat.members.push(m);
                }
            }
        }
        if !self.ix.applies.is_empty() {
            if let Some(a) = self.ix.applies.get(id) {
                flat.traits.extend(a.iter().cloned());
            }
            for m in &mut flat.members {
                let key = format!("{id}${}", m.name);
                if let Some(a) = self.ix.applies.get(key.as_str()) {
                    m.traits.extend(a.iter().cloned());
                }
            }
        }
        if raw.is_mixin {
            self.memo.insert(id, (flat.clone(), depth));
        }
        (flat, depth)
    }

    /// The mixins a shape names, each with the pointer to its entry; bad entries are reported.
    fn mixin_targets(&self, cx: &mut Cx, id: &'a str, mixins: &'a Value) -> Vec<(&'a str, String)> {
        let Some(list) = mixins.as_array() else {
            cx.err(
                Some(id),
                shape_ptr(id, &["mixins"]),
                format!("`mixins` must be an array, found {}", json_kind(mixins)),
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, entry) in list.iter().enumerate() {
            let idx = i.to_string();
            let path = shape_ptr(id, &["mixins", &idx, "target"]);
            let Some(target) = entry.field("target").and_then(Value::as_str) else {
                cx.err(
                    Some(id),
                    shape_ptr(id, &["mixins", &idx]),
                    "a mixin reference must be an object with a string `target`".into(),
                );
                continue;
            };
            match self.ix.shapes.get(target) {
                None if self.ix.broken.contains(target) => {}
                None => cx.err(
                    Some(id),
                    path,
                    format!("mixin `{target}` does not exist in the model"),
                ),
                Some(r) if !r.is_mixin => cx.err(
                    Some(id),
                    path,
                    format!("`{target}` is used as a mixin but has no `smithy.api#mixin` trait"),
                ),
                Some(_) => out.push((target, path)),
            }
        }
        out
    }

    /// The members written in the shape entry itself.
    fn local_members(
        &self,
        cx: &mut Cx,
        id: &'a str,
        ns: &'a str,
        ty: Ty,
        obj: &'a Map<String, Value>,
    ) -> Vec<FlatMember<'a>> {
        let mut out = Vec::new();
        let mut one = |cx: &mut Cx, name: &'a str, at: At<'a>, v: &'a Value| {
            let Some(mobj) = v.as_object() else {
                cx.err(
                    Some(id),
                    shape_ptr(id, &at.tokens()),
                    format!("a member must be an object, found {}", json_kind(v)),
                );
                return;
            };
            let traits = self.ix.trait_srcs(cx, id, ns, mobj.field("traits"), at);
            out.push(FlatMember {
                name,
                at,
                owner: id,
                ns,
                obj: mobj,
                traits,
            });
        };
        match ty {
            Ty::Structure | Ty::Union | Ty::Enum | Ty::IntEnum => match obj.field("members") {
                None => {}
                Some(Value::Object(members)) => {
                    for (name, v) in members {
                        one(cx, name, At::Member(name), v);
                    }
                }
                Some(other) => cx.err(
                    Some(id),
                    shape_ptr(id, &["members"]),
                    format!("`members` must be an object, found {}", json_kind(other)),
                ),
            },
            Ty::List | Ty::Set => {
                if let Some(v) = obj.field("member") {
                    one(cx, "member", At::Named("member"), v);
                }
            }
            Ty::Map => {
                for name in ["key", "value"] {
                    if let Some(v) = obj.field(name) {
                        one(cx, name, At::Named(name), v);
                    }
                }
            }
            _ => {}
        }
        out
    }
}
