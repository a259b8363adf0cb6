//! What the emitters share: names of every generated type, field layout (including where each member
//! travels, from `http`), boxing of recursive members, which shapes need validation code, and the
//! patterns to compile.

use super::http;
pub use super::http::Location;
use super::prelude::{OPTION, STRING, VEC};
use crate::ir::{Member, Model, Protocol, Shape, ShapeKind, Traits};
use crate::naming::rust as naming;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::collections::{BTreeMap, BTreeSet};

/// The Smithy unit shape (a union member with no value).
pub const UNIT: &str = "smithy.api#Unit";

/// Names of one generated type.
#[derive(Debug, Clone)]
pub struct Named {
    /// The Rust type name (`CreateEndpointConfigInput`).
    pub type_name: String,
    /// The module (and file stem) under `src/types/`.
    pub module: String,
}

/// One field of a generated struct (or variant of a union).
#[derive(Debug, Clone)]
pub struct Field<'a> {
    pub member: &'a Member,
    /// The Rust identifier (`endpoint_config_name`, `r#type`) or variant name for unions.
    pub ident: String,
    /// The name on the JSON wire and in validation paths.
    pub wire: String,
    /// Plain field (required, not `clientOptional`) rather than `Option<T>`.
    pub plain: bool,
    /// Required by the model (`build()` and `validate()` insist on it, even when it is an `Option`).
    pub required: bool,
    /// Stored as `Box<T>` because it closes a cycle.
    pub boxed: bool,
    /// Where the member travels: in the JSON body, as the whole body, or elsewhere in the HTTP message.
    pub location: Location<'a>,
}

/// How one pattern is compiled at run time.
#[derive(Debug, Clone)]
pub enum PatternInfo {
    /// Index into `src/patterns.rs` (`P0`, `P1`, ...) and the regress flags that compiled it.
    Ok { index: usize, flags: &'static str },
    /// `regress` rejects it: not checked; the docs say so.
    Invalid(String),
}

/// Shared analysis of one model.
pub struct Ctx<'a> {
    pub model: &'a Model,
    /// Every generated type (structures, unions, enums, intEnums), by shape id.
    pub types: BTreeMap<&'a str, Named>,
    /// (container shape id, member name) pairs stored boxed.
    boxed: BTreeSet<(&'a str, &'a str)>,
    /// Shapes whose values need validation code.
    checked: BTreeSet<&'a str>,
    /// Structures whose HTTP bindings apply (restJson1 only; see [`Location`]).
    http_bound: BTreeSet<&'a str>,
    pub patterns: BTreeMap<String, PatternInfo>,
    /// The static in `src/schema.rs` of each structure, union, enum, list and map, by shape id.
    pub schema_names: BTreeMap<String, String>,
}

/// An identifier token from a name the naming module produced (`r#type` becomes a raw identifier).
pub fn ident(name: &str) -> Ident {
    let valid = |s: &str| {
        !s.is_empty()
            && !s.starts_with(|c: char| c.is_ascii_digit())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && s != "_"
    };
    match name.strip_prefix("r#") {
        Some(raw) if valid(raw) => Ident::new_raw(raw, Span::call_site()),
        None if valid(name) => Ident::new(name, Span::call_site()),
        _ => Ident::new("invalid_name", Span::call_site()),
    }
}

impl<'a> Ctx<'a> {
    pub fn new(model: &'a Model) -> Ctx<'a> {
        let mut type_scope = naming::Scope::new();
        let mut module_scope = naming::Scope::with_reserved(&["mod"]);
        let mut types = BTreeMap::new();
        for (id, shape) in &model.shapes {
            if !generates_type(id, shape) {
                continue;
            }
            let type_name = type_scope.claim(&naming::type_name(&shape.name));
            let module = module_scope.claim(&naming::module_name(&type_name));
            types.insert(id.as_str(), Named { type_name, module });
        }
        let mut ctx = Ctx {
            model,
            types,
            boxed: BTreeSet::new(),
            checked: BTreeSet::new(),
            http_bound: BTreeSet::new(),
            patterns: BTreeMap::new(),
            schema_names: BTreeMap::new(),
        };
        ctx.schema_names = super::schema::static_names(&ctx.types, model);
        ctx.http_bound = http::bound_structures(model);
        ctx.boxed = cycles(model);
        ctx.checked = checked_shapes(model);
        ctx.patterns = collect_patterns(model);
        ctx
    }

    pub fn shape(&self, id: &str) -> Option<&'a Shape> {
        self.model.shapes.get(id)
    }

    /// The Rust type of a generated shape, by absolute path.
    pub fn type_path(&self, id: &str) -> TokenStream {
        match self.types.get(id) {
            Some(n) => {
                let t = ident(&n.type_name);
                quote!(crate::types::#t)
            }
            None => quote!(::serde_json::Value),
        }
    }

    /// The Rust type holding a value of shape `id`.
    pub fn rust_type(&self, id: &str) -> TokenStream {
        let Some(shape) = self.shape(id) else {
            return quote!(::serde_json::Value);
        };
        match &shape.kind {
            ShapeKind::Blob => quote!(crate::primitives::Blob),
            ShapeKind::Boolean => quote!(bool),
            ShapeKind::String => quote!(#STRING),
            ShapeKind::Byte => quote!(i8),
            ShapeKind::Short => quote!(i16),
            ShapeKind::Integer => quote!(i32),
            ShapeKind::Long => quote!(i64),
            ShapeKind::Float => quote!(f32),
            ShapeKind::Double => quote!(f64),
            ShapeKind::BigInteger | ShapeKind::BigDecimal => quote!(::serde_json::Number),
            ShapeKind::Timestamp => quote!(crate::primitives::DateTime),
            ShapeKind::Document => quote!(::serde_json::Value),
            ShapeKind::Enum(_)
            | ShapeKind::IntEnum(_)
            | ShapeKind::Structure(_)
            | ShapeKind::Union(_) => self.type_path(id),
            ShapeKind::List(m) => {
                let inner = self.element_type(m, shape.traits.sparse);
                quote!(#VEC<#inner>)
            }
            ShapeKind::Map { value, .. } => {
                let inner = self.element_type(value, shape.traits.sparse);
                quote!(::std::collections::BTreeMap<#STRING, #inner>)
            }
        }
    }

    fn element_type(&self, m: &Member, sparse: bool) -> TokenStream {
        let t = self.rust_type(&m.target);
        if sparse {
            quote!(#OPTION<#t>)
        } else {
            t
        }
    }

    /// The fields of a structure (or variants of a union), names resolved in model order.
    pub fn fields(&self, shape: &'a Shape) -> Vec<Field<'a>> {
        let union = matches!(shape.kind, ShapeKind::Union(_));
        let mut scope = if union {
            naming::Scope::with_reserved(&["Unknown"])
        } else {
            naming::Scope::new()
        };
        let bound = self.http_bound.contains(shape.id.as_str());
        let payload = bound && http::has_payload(shape);
        shape
            .kind
            .members()
            .iter()
            .map(|m| {
                let location = http::location(bound, payload, m);
                let name = if union {
                    naming::variant_name(&m.name)
                } else {
                    naming::field_name(&m.name)
                };
                Field {
                    member: m,
                    ident: scope.claim(&name),
                    wire: self.wire_name(m),
                    plain: !union
                        && m.traits.required
                        && !m.traits.client_optional
                        && !matches!(location, Location::Outside(_)),
                    required: !union && m.traits.required,
                    boxed: self.boxed.contains(&(shape.id.as_str(), m.name.as_str())),
                    location,
                }
            })
            .collect()
    }

    /// The JSON member name: `jsonName` under restJson1, else the member name.
    pub fn wire_name(&self, m: &Member) -> String {
        match (&self.model.service.protocol, &m.traits.json_name) {
            (Protocol::RestJson1, Some(j)) => j.clone(),
            _ => m.name.clone(),
        }
    }

    /// Does a value of this shape need any validation code?
    pub fn needs_check(&self, id: &str) -> bool {
        self.checked.contains(id)
    }

    /// Is this member (or its target) marked `sensitive`?
    pub fn sensitive(&self, m: &Member) -> bool {
        m.traits.sensitive || self.shape(&m.target).is_some_and(|s| s.traits.sensitive)
    }
}

/// Shapes that become a named Rust type.
fn generates_type(id: &str, shape: &Shape) -> bool {
    id != UNIT
        && matches!(
            shape.kind,
            ShapeKind::Structure(_)
                | ShapeKind::Union(_)
                | ShapeKind::Enum(_)
                | ShapeKind::IntEnum(_)
        )
}

/// Members to box: a member of a structure or union that targets a structure or union in the same
/// strongly connected component of the "contains directly" graph (lists and maps already allocate).
fn cycles(model: &Model) -> BTreeSet<(&str, &str)> {
    fn direct<'m>(model: &'m Model, s: &'m Shape) -> Vec<&'m str> {
        s.kind
            .members()
            .iter()
            .map(|m| m.target.as_str())
            .filter(|t| {
                model.shapes.get(*t).is_some_and(|t| {
                    matches!(t.kind, ShapeKind::Structure(_) | ShapeKind::Union(_))
                })
            })
            .collect()
    }
    let ids: Vec<&str> = model.shapes.keys().map(String::as_str).collect();
    let index: BTreeMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let edges: Vec<Vec<usize>> = ids
        .iter()
        .map(|id| {
            model.shapes.get(*id).map_or(Vec::new(), |s| {
                direct(model, s)
                    .iter()
                    .filter_map(|t| index.get(t).copied())
                    .collect()
            })
        })
        .collect();
    let comp = scc(&edges);
    let mut out = BTreeSet::new();
    for (i, id) in ids.iter().enumerate() {
        let Some(shape) = model.shapes.get(*id) else {
            continue;
        };
        for m in shape.kind.members() {
            if let Some(&j) = index.get(m.target.as_str()) {
                if comp[i] == comp[j] && edges[i].contains(&j) {
                    out.insert((*id, m.name.as_str()));
                }
            }
        }
    }
    out
}

/// Strongly connected components (iterative Tarjan): a component number per node.
fn scc(edges: &[Vec<usize>]) -> Vec<usize> {
    let n = edges.len();
    let (mut index, mut low, mut comp) = (vec![usize::MAX; n], vec![0; n], vec![usize::MAX; n]);
    let (mut on_stack, mut stack) = (vec![false; n], Vec::new());
    let (mut next, mut ncomp) = (0, 0);
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        while let Some(&mut (v, ref mut ei)) = work.last_mut() {
            if *ei == 0 && index[v] == usize::MAX {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*ei) {
                *ei += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = ncomp;
                    if w == v {
                        break;
                    }
                }
                ncomp += 1;
            }
        }
    }
    comp
}

/// Does a value of this shape carry constraints of its own (not counting what it contains)?
pub fn own_constraints(shape: &Shape) -> bool {
    let t = &shape.traits;
    match &shape.kind {
        ShapeKind::Enum(_) | ShapeKind::IntEnum(_) | ShapeKind::Union(_) => true,
        ShapeKind::Structure(m)
            if m.iter()
                .any(|m| m.traits.required && m.traits.client_optional) =>
        {
            true
        }
        _ => t.length.is_some() || t.range.is_some() || t.pattern.is_some() || t.unique_items,
    }
}

/// Member-level constraint traits (beyond those of the target).
pub fn member_constraints(t: &Traits) -> bool {
    t.length.is_some() || t.range.is_some() || t.pattern.is_some()
}

/// Every shape whose values need validation code: own constraints, or reaching such a shape (fixpoint).
fn checked_shapes(model: &Model) -> BTreeSet<&str> {
    let mut out: BTreeSet<&str> = model
        .shapes
        .iter()
        .filter(|(_, s)| own_constraints(s))
        .map(|(id, _)| id.as_str())
        .collect();
    loop {
        let before = out.len();
        for (id, shape) in &model.shapes {
            if out.contains(id.as_str()) {
                continue;
            }
            let members: Vec<&Member> = match &shape.kind {
                ShapeKind::Structure(m) => m.iter().collect(),
                ShapeKind::List(m) => vec![m.as_ref()],
                ShapeKind::Map { key, value } => vec![key.as_ref(), value.as_ref()],
                _ => Vec::new(),
            };
            if members
                .iter()
                .any(|m| member_constraints(&m.traits) || out.contains(m.target.as_str()))
            {
                out.insert(id.as_str());
            }
        }
        if out.len() == before {
            return out;
        }
    }
}

/// Every pattern on a shape or member, compiled once here so that a pattern `regress` rejects is
/// known at generation time (it is then left unchecked and documented as such).
fn collect_patterns(model: &Model) -> BTreeMap<String, PatternInfo> {
    let mut sources = BTreeMap::new();
    let mut add = |p: &Option<crate::ir::Pattern>| {
        if let Some(p) = p {
            sources.insert(p.source.clone(), p.key.clone());
        }
    };
    for shape in model.shapes.values() {
        add(&shape.traits.pattern);
        let members: Vec<&Member> = match &shape.kind {
            ShapeKind::Structure(m) | ShapeKind::Union(m) => m.iter().collect(),
            ShapeKind::List(m) => vec![m.as_ref()],
            ShapeKind::Map { key, value } => vec![key.as_ref(), value.as_ref()],
            _ => Vec::new(),
        };
        for m in members {
            add(&m.traits.pattern);
        }
    }
    // Numbered in the order of the pattern as both model forms spell it (its canonical key), so that
    // the Smithy and botocore forms of one API number their patterns alike.
    let mut sources: Vec<(String, String)> = sources.into_iter().collect();
    sources.sort_by(|(a, ka), (b, kb)| (ka, a).cmp(&(kb, b)));
    let mut next = 0;
    sources
        .into_iter()
        .map(|(src, _)| {
            let info = compile_pattern(&src).map_or_else(PatternInfo::Invalid, |flags| {
                next += 1;
                PatternInfo::Ok {
                    index: next - 1,
                    flags,
                }
            });
            (src, info)
        })
        .collect()
}

/// The flags under which `regress` accepts a pattern: `u` first (Unicode mode, where `\p{L}` is a
/// property class as in the Java regexes AWS validates with), else none (Annex B mode, which accepts
/// escapes such as `\/` or `\-` outside classes); the Unicode-mode error when neither works.
pub fn compile_pattern(src: &str) -> Result<&'static str, String> {
    match regress::Regex::with_flags(src, "u") {
        Ok(_) => Ok("u"),
        Err(e) => match regress::Regex::with_flags(src, "") {
            Ok(_) => Ok(""),
            Err(_) => Err(e.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::scc;

    #[test]
    fn patterns_prefer_unicode_mode() {
        assert_eq!(super::compile_pattern(r"^[\p{L}\p{N}]+$"), Ok("u"));
        assert_eq!(super::compile_pattern(r"^a\-b\_$"), Ok(""));
        assert!(super::compile_pattern(r"(unclosed").is_err());
    }

    #[test]
    fn scc_finds_cycles_and_self_loops() {
        // 0 -> 1 -> 2 -> 0, 3 -> 3, 4 -> 0
        let comp = scc(&[vec![1], vec![2], vec![0], vec![3], vec![0]]);
        assert_eq!(comp[0], comp[1]);
        assert_eq!(comp[1], comp[2]);
        assert_ne!(comp[3], comp[0]);
        assert_ne!(comp[4], comp[0]);
    }
}
