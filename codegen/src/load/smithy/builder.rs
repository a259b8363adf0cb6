//! The state shared while building the IR: the index, the mixin flattener, the service namespace
//! (which decides the IR's shape ids) and the prelude shapes referred to so far.

use super::cx::{json_kind, shape_ptr, Cx, Field, MAX_DEPTH};
use super::index::{Index, Raw, Ty};
use super::mixins::{FlatMember, Flattener};
use super::prelude;
use crate::ir::ShapeId;
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

pub(super) struct Builder<'a, 'i, 'f> {
    pub cx: Cx<'f>,
    pub ix: &'i Index<'a>,
    pub fl: Flattener<'a, 'i>,
    /// The service's namespace: shapes in it get bare-name ids.
    pub ns: &'a str,
    /// Prelude shapes that something refers to (added to the model at the end).
    pub prelude_used: BTreeSet<String>,
    /// The service's `rename` map: absolute shape id -> name used in the service.
    pub renames: HashMap<&'a str, &'a str>,
}

impl<'a, 'i, 'f> Builder<'a, 'i, 'f> {
    pub fn new(mut cx: Cx<'f>, ix: &'i Index<'a>, ns: &'a str) -> Self {
        let fl = Flattener::new(&mut cx, ix);
        Builder {
            cx,
            ix,
            fl,
            ns,
            prelude_used: BTreeSet::new(),
            renames: HashMap::new(),
        }
    }

    /// Read the service's `rename` property (shapes of other namespaces given another name).
    pub fn read_renames(&mut self, svc: Raw<'a>) {
        let Some(v) = svc.obj.field("rename") else {
            return;
        };
        let Some(map) = v.as_object() else {
            self.cx.err(
                Some(svc.id),
                shape_ptr(svc.id, &["rename"]),
                format!("`rename` must be an object, found {}", json_kind(v)),
            );
            return;
        };
        for (id, name) in map {
            let path = shape_ptr(svc.id, &["rename", id]);
            match (self.ix.shapes.get(id.as_str()), name.as_str()) {
                (Some(r), Some(name)) => {
                    self.renames.insert(r.id, name);
                }
                (None, _) => self.cx.err(
                    Some(svc.id),
                    path,
                    format!("`rename` names `{id}`, which is not a shape in the model"),
                ),
                (_, None) => self.cx.err(
                    Some(svc.id),
                    path,
                    format!("a new name must be a string, found {}", json_kind(name)),
                ),
            }
        }
    }

    /// The IR id of an absolute shape id: the bare name inside the service namespace.
    pub fn ir_id(&self, abs: &str) -> ShapeId {
        match abs.strip_prefix(self.ns).and_then(|r| r.strip_prefix('#')) {
            Some(name) => name.to_string(),
            None => abs.to_string(),
        }
    }

    /// Resolve a member's target: it must exist and be a data shape that is not a mixin. Returns the IR
    /// id and the absolute id.
    pub fn target(&mut self, m: &FlatMember<'a>) -> Option<(ShapeId, String)> {
        let owner = m.owner;
        let target = match m.obj.field("target") {
            None => {
                self.cx.err(
                    Some(owner),
                    m.path(&[]),
                    format!("member `{}` has no `target`", m.name),
                );
                return None;
            }
            Some(Value::String(t)) => t.as_str(),
            Some(v) => {
                self.cx.err(
                    Some(owner),
                    m.path(&["target"]),
                    format!("`target` must be a shape id string, found {}", json_kind(v)),
                );
                return None;
            }
        };
        let abs = self.reference(owner, m.ns, target, m.path(&["target"]))?;
        Some((self.ir_id(&abs), abs))
    }

    /// Resolve a reference to a data shape written in shape `owner` (namespace `ns`) at `path`.
    pub fn reference(
        &mut self,
        owner: &str,
        ns: &str,
        target: &'a str,
        path: String,
    ) -> Option<String> {
        let Some(abs) = self.ix.resolve(ns, target) else {
            if !self.ix.broken.contains(target) {
                self.cx.err(
                    Some(owner),
                    path,
                    format!("target `{target}` does not exist in the model or the prelude"),
                );
            }
            return None;
        };
        match self.ix.shapes.get(abs.as_ref()) {
            Some(r) if !r.ty.is_data() => {
                self.cx.err(
                    Some(owner),
                    path,
                    format!(
                        "target `{abs}` is {} shape, not a data shape",
                        r.ty.with_article()
                    ),
                );
                return None;
            }
            Some(r) if r.is_mixin => {
                self.cx.err(
                    Some(owner),
                    path,
                    format!("target `{abs}` is a mixin; mixins cannot be targeted"),
                );
                return None;
            }
            Some(_) => {}
            None => {
                self.prelude_used.insert(abs.to_string());
            }
        }
        Some(abs.into_owned())
    }

    /// Resolve a `{"target": ...}` reference to a shape of type `want` (operations, resources, input,
    /// output, errors); reports wrong JSON, dangling ids and wrong types.
    pub fn typed_ref(
        &mut self,
        owner: &'a str,
        ns: &str,
        v: &'a Value,
        path: String,
        want: &[Ty],
    ) -> Option<String> {
        let Some(target) = v.field("target").and_then(Value::as_str) else {
            self.cx.err(
                Some(owner),
                path,
                format!(
                    "expected an object with a string `target`, found {}",
                    json_kind(v)
                ),
            );
            return None;
        };
        let tpath = format!("{path}/target");
        let Some(abs) = self.ix.resolve(ns, target) else {
            if !self.ix.broken.contains(target) {
                self.cx.err(
                    Some(owner),
                    tpath,
                    format!("target `{target}` does not exist in the model or the prelude"),
                );
            }
            return None;
        };
        let ty = self.ix.ty_of(&abs);
        if !ty.is_some_and(|t| want.contains(&t)) {
            let names: Vec<String> = want.iter().map(|t| t.with_article()).collect();
            self.cx.err(
                Some(owner),
                tpath,
                format!(
                    "target `{abs}` is {} shape, expected {} shape",
                    ty.map_or("an unknown".to_string(), Ty::with_article),
                    names.join(" or ")
                ),
            );
            return None;
        }
        if self.ix.shapes.get(abs.as_ref()).is_some_and(|r| r.is_mixin) {
            self.cx.err(
                Some(owner),
                tpath,
                format!("target `{abs}` is a mixin; mixins cannot be targeted"),
            );
            return None;
        }
        if prelude::is_prelude(&abs) && !self.ix.shapes.contains_key(abs.as_ref()) {
            self.prelude_used.insert(abs.to_string());
        }
        Some(abs.into_owned())
    }

    /// A shape entry preceded by its mixins (a mixin's own mixins first), each once. Operations,
    /// resources and services take their properties from these: lists are concatenated, and for a
    /// single value the last one wins.
    pub fn lineage(&mut self, raw: Raw<'a>) -> Vec<Raw<'a>> {
        let mut out = Vec::new();
        if raw.obj.has("mixins") {
            lineage_into(self.ix, &mut self.cx, raw, &mut out, &mut Vec::new());
        } else {
            out.push(raw);
        }
        out
    }
}

fn lineage_into<'a>(
    ix: &Index<'a>,
    cx: &mut Cx,
    raw: Raw<'a>,
    out: &mut Vec<Raw<'a>>,
    stack: &mut Vec<&'a str>,
) {
    if stack.contains(&raw.id) || out.iter().any(|r| r.id == raw.id) {
        return;
    }
    if stack.len() >= MAX_DEPTH {
        cx.err(
            Some(raw.id),
            shape_ptr(raw.id, &["mixins"]),
            format!("mixins nest more than {MAX_DEPTH} deep"),
        );
        return;
    }
    stack.push(raw.id);
    if let Some(Value::Array(mixins)) = raw.obj.field("mixins") {
        for m in mixins {
            let target = m.field("target").and_then(Value::as_str);
            if let Some(r) = target.and_then(|t| ix.shapes.get(t)) {
                if r.is_mixin {
                    lineage_into(ix, cx, *r, out, stack);
                }
            }
        }
    }
    stack.pop();
    out.push(raw);
}
