//! The raw index of a Smithy JSON AST: every shape entry by absolute id with its parsed type, the
//! `apply` entries grouped by target, and shape-id resolution (absolute ids, relative ids against the
//! shape's namespace and then the prelude).

use super::cx::{json_kind, ptr, shape_ptr, Cx, Field};
use super::prelude;
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// The Smithy IDL version of the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Version {
    V1,
    V2,
}

/// A shape entry's `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ty {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    Enum,
    IntEnum,
    List,
    Set,
    Map,
    Structure,
    Union,
    Service,
    Operation,
    Resource,
    Apply,
}

impl Ty {
    pub fn parse(s: &str) -> Option<Ty> {
        Some(match s {
            "blob" => Ty::Blob,
            "boolean" => Ty::Boolean,
            "string" => Ty::String,
            "byte" => Ty::Byte,
            "short" => Ty::Short,
            "integer" => Ty::Integer,
            "long" => Ty::Long,
            "float" => Ty::Float,
            "double" => Ty::Double,
            "bigInteger" => Ty::BigInteger,
            "bigDecimal" => Ty::BigDecimal,
            "timestamp" => Ty::Timestamp,
            "document" => Ty::Document,
            "enum" => Ty::Enum,
            "intEnum" => Ty::IntEnum,
            "list" => Ty::List,
            "set" => Ty::Set,
            "map" => Ty::Map,
            "structure" => Ty::Structure,
            "union" => Ty::Union,
            "service" => Ty::Service,
            "operation" => Ty::Operation,
            "resource" => Ty::Resource,
            "apply" => Ty::Apply,
            _ => return None,
        })
    }
    /// Operations, services, resources and `apply` entries are not data shapes.
    pub fn is_data(self) -> bool {
        !matches!(self, Ty::Service | Ty::Operation | Ty::Resource | Ty::Apply)
    }
    /// The type name with its indefinite article (`a string`, `an integer`), for messages.
    pub fn with_article(self) -> String {
        let n = self.name();
        let article = if n.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {n}")
    }
    pub fn name(self) -> &'static str {
        match self {
            Ty::Blob => "blob",
            Ty::Boolean => "boolean",
            Ty::String => "string",
            Ty::Byte => "byte",
            Ty::Short => "short",
            Ty::Integer => "integer",
            Ty::Long => "long",
            Ty::Float => "float",
            Ty::Double => "double",
            Ty::BigInteger => "bigInteger",
            Ty::BigDecimal => "bigDecimal",
            Ty::Timestamp => "timestamp",
            Ty::Document => "document",
            Ty::Enum => "enum",
            Ty::IntEnum => "intEnum",
            Ty::List => "list",
            Ty::Set => "set",
            Ty::Map => "map",
            Ty::Structure => "structure",
            Ty::Union => "union",
            Ty::Service => "service",
            Ty::Operation => "operation",
            Ty::Resource => "resource",
            Ty::Apply => "apply",
        }
    }
}

/// One shape entry of the file.
#[derive(Debug, Clone, Copy)]
pub(super) struct Raw<'a> {
    /// The absolute id as written (`com.example#Foo`).
    pub id: &'a str,
    pub ns: &'a str,
    pub name: &'a str,
    pub ty: Ty,
    pub obj: &'a Map<String, Value>,
    /// Carries the `smithy.api#mixin` trait.
    pub is_mixin: bool,
}

/// Where a trait is written: on the shape, on a structure/union/enum member, or on a list/map member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum At<'a> {
    Shape,
    /// `members/<name>`.
    Member(&'a str),
    /// `member`, `key` or `value`.
    Named(&'static str),
}

impl At<'_> {
    /// The pointer tokens of this location below `/shapes/<id>`.
    pub fn tokens(&self) -> Vec<&str> {
        match self {
            At::Shape => vec![],
            At::Member(m) => vec!["members", m],
            At::Named(n) => vec![n],
        }
    }
}

/// One trait application, with enough to point at it in the file.
#[derive(Debug, Clone)]
pub(super) struct TraitSrc<'a> {
    /// The absolute trait id.
    pub id: Cow<'a, str>,
    /// The key as written.
    pub key: &'a str,
    pub value: &'a Value,
    /// The shape entry (or `apply` entry) the trait is written in.
    pub owner: &'a str,
    pub at: At<'a>,
}

impl TraitSrc<'_> {
    /// JSON pointer to the trait value (plus more tokens inside it).
    pub fn path(&self, inner: &[&str]) -> String {
        let mut t = self.at.tokens();
        t.push("traits");
        t.push(self.key);
        t.extend_from_slice(inner);
        shape_ptr(self.owner, &t)
    }
}

/// Every shape entry of the file by absolute id.
pub(super) struct Index<'a> {
    pub version: Version,
    pub shapes: HashMap<&'a str, Raw<'a>>,
    /// Shape ids in file order.
    pub order: Vec<&'a str>,
    /// `apply` traits by target (`ns#Shape` or `ns#Shape$member`), in file order.
    pub applies: HashMap<&'a str, Vec<TraitSrc<'a>>>,
    /// Ids of entries that were reported broken (references to them are not reported again).
    pub broken: HashSet<&'a str>,
}

/// Split `ns#Name` (no member part) into namespace and name.
pub(super) fn split_id(id: &str) -> Option<(&str, &str)> {
    let (ns, name) = id.split_once('#')?;
    let ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    };
    (ok(ns) && ok(name) && !name.contains('.')).then_some((ns, name))
}

impl<'a> Index<'a> {
    pub fn build(cx: &mut Cx, shapes: &'a Map<String, Value>, version: Version) -> Index<'a> {
        let mut ix = Index {
            version,
            shapes: HashMap::with_capacity(shapes.len()),
            order: Vec::with_capacity(shapes.len()),
            applies: HashMap::new(),
            broken: HashSet::new(),
        };
        let mut apply_entries = Vec::new();
        for (id, v) in shapes {
            let id = id.as_str();
            let here = || ptr(&["shapes", id]);
            let Some(obj) = v.as_object() else {
                cx.err(
                    Some(id),
                    here(),
                    format!("a shape must be an object, found {}", json_kind(v)),
                );
                ix.broken.insert(id);
                continue;
            };
            let ty = match obj.field("type") {
                None => {
                    cx.err(Some(id), here(), "shape has no `type`".into());
                    None
                }
                Some(Value::String(t)) => {
                    let ty = Ty::parse(t);
                    if ty.is_none() {
                        cx.err(
                            Some(id),
                            shape_ptr(id, &["type"]),
                            format!("unknown shape type `{t}`"),
                        );
                    }
                    ty
                }
                Some(other) => {
                    cx.err(
                        Some(id),
                        shape_ptr(id, &["type"]),
                        format!("`type` must be a string, found {}", json_kind(other)),
                    );
                    None
                }
            };
            let Some(ty) = ty else {
                ix.broken.insert(id);
                continue;
            };
            if ty == Ty::Apply {
                apply_entries.push((id, obj));
                continue;
            }
            let Some((ns, name)) = split_id(id) else {
                cx.err(
                    Some(id),
                    here(),
                    format!("invalid shape id `{id}`: expected `namespace#Name`"),
                );
                ix.broken.insert(id);
                continue;
            };
            let is_mixin = obj
                .field("traits")
                .and_then(Value::as_object)
                .is_some_and(|t| t.has("smithy.api#mixin") || t.has("mixin"));
            ix.order.push(id);
            ix.shapes.insert(
                id,
                Raw {
                    id,
                    ns,
                    name,
                    ty,
                    obj,
                    is_mixin,
                },
            );
        }
        for (id, obj) in apply_entries {
            ix.add_apply(cx, id, obj);
        }
        ix
    }

    fn add_apply(&mut self, cx: &mut Cx, id: &'a str, obj: &'a Map<String, Value>) {
        let (shape, member) = match id.split_once('$') {
            Some((s, m)) => (s, Some(m)),
            None => (id, None),
        };
        let Some(raw) = self.shapes.get(shape).copied() else {
            cx.err(
                Some(id),
                ptr(&["shapes", id]),
                format!("`apply` targets `{shape}`, which is not a shape in the model"),
            );
            return;
        };
        if let Some(m) = member {
            let known = match raw.ty {
                Ty::List | Ty::Set => m == "member",
                Ty::Map => m == "key" || m == "value",
                _ => {
                    raw.obj.has("mixins")
                        || raw
                            .obj
                            .get("members")
                            .and_then(Value::as_object)
                            .is_some_and(|ms| ms.contains_key(m))
                }
            };
            if !known {
                cx.err(
                    Some(id),
                    ptr(&["shapes", id]),
                    format!("`apply` targets member `{m}`, which `{shape}` does not have"),
                );
                return;
            }
        }
        // The traits sit directly in the apply entry, whatever it targets.
        let srcs = self.trait_srcs(cx, id, raw.ns, obj.field("traits"), At::Shape);
        // Member applies are keyed by `shape$member`, shape applies by the shape id.
        self.applies.entry(id).or_default().extend(srcs);
    }

    /// The traits written in `traits` of entry `owner` (namespace `ns`), ids made absolute.
    pub fn trait_srcs(
        &self,
        cx: &mut Cx,
        owner: &'a str,
        ns: &str,
        traits: Option<&'a Value>,
        at: At<'a>,
    ) -> Vec<TraitSrc<'a>> {
        let Some(traits) = traits else {
            return Vec::new();
        };
        let Some(map) = traits.as_object() else {
            let mut t = at.tokens();
            t.push("traits");
            cx.err(
                Some(owner),
                shape_ptr(owner, &t),
                format!("`traits` must be an object, found {}", json_kind(traits)),
            );
            return Vec::new();
        };
        map.iter()
            .map(|(key, value)| TraitSrc {
                id: self.trait_id(ns, key),
                key,
                value,
                owner,
                at,
            })
            .collect()
    }

    /// Make a trait id absolute: relative names resolve against the shape's namespace when a shape of
    /// that name exists there, else against the prelude (`smithy.api#`).
    fn trait_id(&self, ns: &str, key: &'a str) -> Cow<'a, str> {
        if key.contains('#') {
            return Cow::Borrowed(key);
        }
        let local = format!("{ns}#{key}");
        if self.shapes.contains_key(local.as_str()) {
            Cow::Owned(local)
        } else {
            Cow::Owned(format!("smithy.api#{key}"))
        }
    }

    /// Resolve a shape reference written in namespace `ns` to an absolute id: a shape of the file, or a
    /// prelude shape. `None` when nothing of that name exists.
    pub fn resolve(&self, ns: &str, reference: &'a str) -> Option<Cow<'a, str>> {
        if reference.contains('#') {
            if self.shapes.contains_key(reference) || prelude::is_prelude(reference) {
                return Some(Cow::Borrowed(reference));
            }
            return None;
        }
        let local = format!("{ns}#{reference}");
        if self.shapes.contains_key(local.as_str()) {
            return Some(Cow::Owned(local));
        }
        let pre = format!("smithy.api#{reference}");
        prelude::is_prelude(&pre).then_some(Cow::Owned(pre))
    }

    /// The type of the shape `id` (a file shape or a prelude shape).
    pub fn ty_of(&self, id: &str) -> Option<Ty> {
        match self.shapes.get(id) {
            Some(r) => Some(r.ty),
            None => prelude::ty(id),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shape_ids() {
        assert_eq!(split_id("com.example#Foo"), Some(("com.example", "Foo")));
        assert_eq!(split_id("a#B_2"), Some(("a", "B_2")));
        for bad in ["Foo", "#Foo", "a#", "a#B#C", "a#B$c", "a b#C", "a#B.C"] {
            assert_eq!(split_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn every_type_name_parses_back() {
        for name in [
            "blob",
            "boolean",
            "string",
            "byte",
            "short",
            "integer",
            "long",
            "float",
            "double",
            "bigInteger",
            "bigDecimal",
            "timestamp",
            "document",
            "enum",
            "intEnum",
            "list",
            "set",
            "map",
            "structure",
            "union",
            "service",
            "operation",
            "resource",
            "apply",
        ] {
            assert_eq!(Ty::parse(name).map(Ty::name), Some(name));
        }
        assert_eq!(Ty::parse("Structure"), None);
        assert_eq!(Ty::Integer.with_article(), "an integer");
        assert_eq!(Ty::String.with_article(), "a string");
    }

    #[test]
    fn relative_ids_resolve_against_the_namespace_then_the_prelude() {
        let shapes = json!({
            "ex#note": { "type": "string", "traits": { "smithy.api#trait": {} } },
            "ex#Name": { "type": "string" }
        });
        let mut cx = Cx::new("t.json");
        let ix = Index::build(&mut cx, shapes.as_object().unwrap(), Version::V2);
        assert!(cx.diags.is_empty());
        assert_eq!(ix.trait_id("ex", "note"), "ex#note");
        assert_eq!(ix.trait_id("ex", "required"), "smithy.api#required");
        assert_eq!(ix.trait_id("ex", "aws.api#arn"), "aws.api#arn");
        assert_eq!(ix.resolve("ex", "Name").as_deref(), Some("ex#Name"));
        assert_eq!(
            ix.resolve("ex", "String").as_deref(),
            Some("smithy.api#String")
        );
        assert_eq!(ix.resolve("ex", "smithy.api#Nope"), None);
        assert_eq!(ix.resolve("ex", "Missing"), None);
        assert_eq!(ix.ty_of("smithy.api#Unit"), Some(Ty::Structure));
    }
}
