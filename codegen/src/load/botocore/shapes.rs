//! Shapes: one botocore shape object into an IR [`Shape`]. `min`/`max` become `length` or `range` by
//! type, an `enum` list makes an `Enum`, `union: true` a `Union`, `document: true` a `Document`, and
//! `exception` / `error` / `fault` the error traits. Keys the IR has no field for are kept raw in
//! `Traits::other` under their botocore name.

use super::members::{member, members, Wire};
use super::read::{join, Ctx};
use super::traits::Common;
use super::Types;
use crate::ir::{Bound, Bounds, EnumValue, HttpBinding, Member, Pattern, Shape, ShapeKind, Traits};
use serde_json::Value;

/// Which constraint `min`/`max` express for a shape type, if any.
fn bound_kind(ty: &str) -> Option<&'static str> {
    match ty {
        "string" | "blob" | "list" | "map" => Some("length"),
        "byte" | "short" | "integer" | "long" | "float" | "double" => Some("range"),
        _ => None,
    }
}

/// Keys that only make sense on some shape types, and those types.
fn allowed_on(key: &str) -> Option<&'static [&'static str]> {
    Some(match key {
        "members" | "required" | "union" | "document" | "payload" | "exception" | "fault"
        | "error" => &["structure"],
        "member" => &["list"],
        "key" | "value" => &["map"],
        "sparse" => &["list", "map"],
        "enum" | "pattern" => &["string"],
        _ => return None,
    })
}

/// The pieces of a shape object, gathered in one pass over its keys.
#[derive(Default)]
struct Parts {
    members: Vec<Member>,
    required: Option<Vec<(usize, String)>>,
    member: Option<Member>,
    key: Option<Member>,
    value: Option<Member>,
    enum_values: Option<Vec<String>>,
    union: bool,
    document: bool,
    payload: Option<String>,
    exception: bool,
    fault: bool,
    sender_fault: Option<bool>,
}

/// Read one shape; `None` (with diagnostics) when it has no usable type.
pub fn shape(
    ctx: &mut Ctx,
    types: &Types,
    wire: Wire,
    name: &str,
    value: &Value,
    path: &str,
) -> Option<Shape> {
    let s = Some(name);
    let obj = ctx.object(value, s, path, "a shape")?;
    let ty = match obj.get("type") {
        Some(t) => ctx.string(t, s, path, "type")?,
        None => {
            ctx.err(s, path, "shape has no `type`");
            return None;
        }
    };
    let mut traits = Traits::default();
    let mut common = Common::default();
    let mut parts = Parts::default();
    let mut bounds = Bounds::default();
    for (key, v) in obj {
        if key == "type" || common.read(ctx, &mut traits, key, v, s, path) {
            continue;
        }
        if let Some(types_ok) = allowed_on(key) {
            if !types_ok.contains(&ty.as_str()) {
                ctx.err(
                    s,
                    &join(path, key),
                    format!("`{key}` is not allowed on `{ty}` shapes"),
                );
                continue;
            }
        }
        match key.as_str() {
            "members" => parts.members = members(ctx, types, wire, name, v, &join(path, key)),
            "required" => parts.required = Some(ctx.indexed_strings(v, s, path, key)),
            "member" | "key" | "value" => {
                let m = member(ctx, types, wire, name, key, v, &join(path, key));
                match key.as_str() {
                    "member" => parts.member = m,
                    "key" => parts.key = m,
                    _ => parts.value = m,
                }
            }
            "enum" => parts.enum_values = Some(ctx.strings(v, s, path, key)),
            "union" => parts.union = ctx.boolean(v, s, path, key),
            "document" => parts.document = ctx.boolean(v, s, path, key),
            "payload" => parts.payload = ctx.string(v, s, path, key),
            "exception" => parts.exception = ctx.boolean(v, s, path, key),
            "fault" => parts.fault = ctx.boolean(v, s, path, key),
            "sparse" => traits.sparse = ctx.boolean(v, s, path, key),
            // An event stream: Smithy's `streaming` on a union.
            "eventstream" => traits.streaming = ctx.boolean(v, s, path, key),
            "pattern" => traits.pattern = ctx.string(v, s, path, key).map(Pattern::new),
            "min" | "max" => {
                if bound_kind(&ty).is_none() {
                    ctx.err(
                        s,
                        &join(path, key),
                        format!("`{key}` is not allowed on `{ty}` shapes"),
                    );
                } else if let Some(n) = ctx.number(v, s, path, key) {
                    if bound_kind(&ty) == Some("length") && n.as_u64().is_none() {
                        ctx.err(
                            s,
                            &join(path, key),
                            format!("`{key}` of a length must be a whole number >= 0, found {n}"),
                        );
                        continue;
                    }
                    let b = Some(Bound(n));
                    if key == "min" {
                        bounds.min = b;
                    } else {
                        bounds.max = b;
                    }
                }
            }
            "error" => {
                read_error(ctx, &mut traits, &mut parts, v, name, &join(path, key));
                // The error `code` has no IR field: the object is kept whole.
                traits.other.insert(key.clone(), v.clone());
            }
            _ => {
                traits.other.insert(key.clone(), v.clone());
            }
        }
    }
    common.finish(&mut traits);
    if bounds.min.is_some() || bounds.max.is_some() {
        match bound_kind(&ty) {
            Some("length") => traits.length = Some(bounds),
            _ => traits.range = Some(bounds),
        }
    }
    if parts.exception || parts.fault {
        traits.error = Some(error_kind(&parts, traits.http_error).to_string());
    }
    for (t, key) in [("list", "member"), ("map", "key"), ("map", "value")] {
        if ty == t && !obj.contains_key(key) {
            ctx.err(s, path, format!("{t} shape has no `{key}`"));
        }
    }
    let kind = shape_kind(ctx, types, name, &ty, parts, &mut traits, path)?;
    Some(Shape {
        id: name.to_string(),
        name: name.to_string(),
        kind,
        traits,
    })
}

/// `error: {code, httpStatusCode, senderFault}`.
fn read_error(
    ctx: &mut Ctx,
    traits: &mut Traits,
    parts: &mut Parts,
    v: &Value,
    name: &str,
    p: &str,
) {
    let s = Some(name);
    let Some(obj) = ctx.object(v, s, p, "`error`") else {
        return;
    };
    for (key, v) in obj {
        match key.as_str() {
            "httpStatusCode" => traits.http_error = ctx.status(v, s, p, key),
            "senderFault" => parts.sender_fault = Some(ctx.boolean(v, s, p, key)),
            "code" => {
                ctx.string(v, s, p, key);
            }
            _ => {}
        }
    }
}

/// `server` for `fault: true`, `senderFault: false` or a 5xx status; `client` otherwise (botocore
/// marks client errors with `senderFault: true`, or not at all).
fn error_kind(parts: &Parts, status: Option<u16>) -> &'static str {
    let server =
        parts.fault || parts.sender_fault == Some(false) || status.is_some_and(|c| c >= 500);
    if server {
        "server"
    } else {
        "client"
    }
}

/// The shape kind from its type and gathered parts; also applies `required` and `payload`.
fn shape_kind(
    ctx: &mut Ctx,
    types: &Types,
    name: &str,
    ty: &str,
    mut parts: Parts,
    traits: &mut Traits,
    path: &str,
) -> Option<ShapeKind> {
    let s = Some(name);
    Some(match ty {
        "structure" => {
            apply_required(ctx, name, &mut parts, path);
            apply_payload(ctx, name, &mut parts, path);
            if parts.document {
                ShapeKind::Document
            } else if parts.union {
                ShapeKind::Union(parts.members)
            } else {
                ShapeKind::Structure(parts.members)
            }
        }
        "list" => ShapeKind::List(Box::new(parts.member?)),
        "map" => {
            let (key, value) = (parts.key?, parts.value?);
            if let Some(t) = types.get(key.target.as_str()) {
                if *t != "string" {
                    ctx.err(
                        s,
                        &join(path, "key"),
                        format!(
                            "map key must target a string shape, not `{}` (type `{t}`)",
                            key.target
                        ),
                    );
                }
            }
            ShapeKind::Map {
                key: Box::new(key),
                value: Box::new(value),
            }
        }
        "string" => match parts.enum_values {
            Some(values) => ShapeKind::Enum(
                values
                    .into_iter()
                    .map(|value| EnumValue {
                        name: None,
                        value,
                        documentation: None,
                        deprecated: false,
                    })
                    .collect(),
            ),
            None => ShapeKind::String,
        },
        "character" => {
            traits.other.insert("type".into(), Value::String(ty.into()));
            ShapeKind::String
        }
        "blob" => ShapeKind::Blob,
        "boolean" => ShapeKind::Boolean,
        "byte" => ShapeKind::Byte,
        "short" => ShapeKind::Short,
        "integer" => ShapeKind::Integer,
        "long" => ShapeKind::Long,
        "float" => ShapeKind::Float,
        "double" => ShapeKind::Double,
        "timestamp" => ShapeKind::Timestamp,
        other => {
            ctx.err(
                s,
                &join(path, "type"),
                format!("unknown shape type \"{other}\""),
            );
            return None;
        }
    })
}

/// Mark the members named in `required`; names that are not members are errors.
fn apply_required(ctx: &mut Ctx, name: &str, parts: &mut Parts, path: &str) {
    let Some(required) = parts.required.take() else {
        return;
    };
    for (i, r) in &required {
        match parts.members.iter_mut().find(|m| &m.name == r) {
            Some(m) => m.traits.required = true,
            None => ctx.err(
                Some(name),
                &join(&join(path, "required"), &i.to_string()),
                format!("required member `{r}` is not a member of the structure"),
            ),
        }
    }
}

/// Bind the member named by `payload` as the HTTP payload.
fn apply_payload(ctx: &mut Ctx, name: &str, parts: &mut Parts, path: &str) {
    let Some(payload) = parts.payload.take() else {
        return;
    };
    match parts.members.iter_mut().find(|m| m.name == payload) {
        Some(m) => m.traits.http_binding = Some(HttpBinding::Payload),
        None => ctx.err(
            Some(name),
            &join(path, "payload"),
            format!("payload member `{payload}` is not a member of the structure"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_kind_from_flags_and_status() {
        let parts = |fault, sender_fault| Parts {
            fault,
            sender_fault,
            ..Parts::default()
        };
        assert_eq!(error_kind(&parts(false, None), None), "client");
        assert_eq!(error_kind(&parts(false, Some(true)), Some(400)), "client");
        assert_eq!(error_kind(&parts(true, None), None), "server");
        assert_eq!(error_kind(&parts(false, Some(false)), None), "server");
        assert_eq!(error_kind(&parts(false, None), Some(503)), "server");
        assert_eq!(error_kind(&parts(false, None), Some(499)), "client");
    }

    #[test]
    fn bounds_by_type() {
        for t in ["string", "blob", "list", "map"] {
            assert_eq!(bound_kind(t), Some("length"), "{t}");
        }
        for t in ["byte", "short", "integer", "long", "float", "double"] {
            assert_eq!(bound_kind(t), Some("range"), "{t}");
        }
        for t in ["boolean", "timestamp", "structure", "character"] {
            assert_eq!(bound_kind(t), None, "{t}");
        }
    }
}
