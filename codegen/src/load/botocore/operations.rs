//! Operations: `http`, `input`, `output`, `errors`, `endpoint.hostPrefix`, `idempotent` and the shared
//! keys; everything else (`authtype`, `readonly`, `httpChecksum`, ...) kept raw in `Traits::other`.

use super::read::{join, kind, Ctx};
use super::traits::Common;
use super::Types;
use crate::ir::{Http, Operation, ShapeId, Traits};
use serde_json::Value;

/// Read one operation (the key in `operations` is its name).
pub fn operation(
    ctx: &mut Ctx,
    types: &Types,
    name: &str,
    value: &Value,
    path: &str,
) -> Option<Operation> {
    let s = Some(name);
    let obj = ctx.object(value, s, path, "an operation")?;
    let mut traits = Traits::default();
    let mut common = Common::default();
    let (mut input, mut output, mut errors) = (None, None, Vec::new());
    for (key, v) in obj {
        if common.read(ctx, &mut traits, key, v, s, path) {
            continue;
        }
        match key.as_str() {
            "name" => {
                // CloudFront names operations `GetDistribution2020_05_31` under the key
                // `GetDistribution`: the key is the name, a different `name` is kept raw.
                if let Some(n) = ctx.string(v, s, path, key) {
                    if n != name {
                        traits.other.insert(key.clone(), Value::String(n));
                    }
                }
            }
            "http" => traits.http = http(ctx, name, v, &join(path, key)),
            "input" | "output" => {
                let target = reference(ctx, types, name, v, &join(path, key), key);
                // Extra keys (`locationName`, `xmlNamespace` in XML protocols) are kept raw.
                if v.as_object()
                    .is_some_and(|o| o.keys().any(|k| k != "shape"))
                {
                    traits.other.insert(key.clone(), v.clone());
                }
                if key == "input" {
                    input = target;
                } else {
                    output = target;
                }
            }
            "errors" => match v {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        let ip = join(&join(path, key), &i.to_string());
                        errors.extend(reference(ctx, types, name, item, &ip, "error"));
                    }
                }
                other => ctx.err(
                    s,
                    &join(path, key),
                    format!("`errors` must be a list, found {}", kind(other)),
                ),
            },
            "endpoint" => {
                let p = join(path, key);
                if let Some(e) = ctx.object(v, s, &p, "`endpoint`") {
                    if let Some(h) = e.get("hostPrefix") {
                        traits.host_prefix = ctx.string(h, s, &p, "hostPrefix");
                    }
                }
            }
            "idempotent" => traits.idempotent = ctx.boolean(v, s, path, key),
            _ => {
                traits.other.insert(key.clone(), v.clone());
            }
        }
    }
    common.finish(&mut traits);
    Some(Operation {
        name: name.to_string(),
        input,
        output,
        errors,
        paginated: None,
        traits,
    })
}

/// `{"shape": "X"}` naming an existing shape.
fn reference(
    ctx: &mut Ctx,
    types: &Types,
    name: &str,
    v: &Value,
    p: &str,
    what: &str,
) -> Option<ShapeId> {
    let s = Some(name);
    let obj = ctx.object(v, s, p, &format!("`{what}`"))?;
    let Some(shape) = obj.get("shape") else {
        ctx.err(s, p, format!("`{what}` has no `shape`"));
        return None;
    };
    let target = ctx.string(shape, s, p, "shape")?;
    if !types.contains_key(target.as_str()) {
        ctx.err(
            s,
            &join(p, "shape"),
            format!("{what} refers to shape `{target}`, which does not exist"),
        );
        return None;
    }
    Some(target)
}

/// `http: {method, requestUri, responseCode}`.
fn http(ctx: &mut Ctx, name: &str, v: &Value, p: &str) -> Option<Http> {
    let s = Some(name);
    let obj = ctx.object(v, s, p, "`http`")?;
    let get = |ctx: &mut Ctx, key: &str| match obj.get(key) {
        Some(v) => ctx.string(v, s, p, key),
        None => {
            ctx.err(s, p, format!("`http` has no `{key}`"));
            None
        }
    };
    let method = get(ctx, "method");
    let uri = get(ctx, "requestUri");
    let code = match obj.get("responseCode") {
        Some(c) => ctx.status(c, s, p, "responseCode"),
        None => None,
    };
    Some(Http {
        method: method?,
        uri: uri?,
        code,
    })
}
