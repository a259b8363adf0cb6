//! Members: a structure's `members`, a list's `member`, a map's `key` and `value`. Reads the target
//! (`shape`), the wire name and HTTP binding (`locationName`, `location`) and the shared keys.

use super::read::{join, kind, Ctx};
use super::traits::Common;
use super::Types;
use crate::ir::{HttpBinding, Member, Traits};
use serde_json::Value;
use std::collections::HashMap;

/// How `locationName` without `location` is read: as the JSON name (JSON protocols) or kept raw
/// (XML and query protocols, where it is the XML element / query key name).
#[derive(Clone, Copy)]
pub struct Wire {
    pub json: bool,
}

/// Read one member. `None` (with a diagnostic) when it is not an object or has no usable `shape`;
/// a dangling `shape` is reported but the member is kept so that the rest is still checked.
pub fn member(
    ctx: &mut Ctx,
    types: &Types,
    wire: Wire,
    owner: &str,
    name: &str,
    value: &Value,
    path: &str,
) -> Option<Member> {
    let obj = ctx.object(value, Some(owner), path, &format!("member `{name}`"))?;
    let mut traits = Traits::default();
    let mut common = Common::default();
    let mut target = None;
    let mut location = None;
    let mut location_name = None;
    for (key, v) in obj {
        if common.read(ctx, &mut traits, key, v, Some(owner), path) {
            continue;
        }
        match key.as_str() {
            "shape" => target = ctx.string(v, Some(owner), path, key),
            "location" => location = ctx.string(v, Some(owner), path, key),
            "locationName" => location_name = ctx.string(v, Some(owner), path, key),
            _ => {
                traits.other.insert(key.clone(), v.clone());
            }
        }
    }
    common.finish(&mut traits);
    match location {
        Some(loc) => {
            let wire_name = location_name.clone().unwrap_or_else(|| name.to_string());
            traits.http_binding = match loc.as_str() {
                "header" => Some(HttpBinding::Header(wire_name)),
                "headers" => Some(HttpBinding::PrefixHeaders(wire_name)),
                // A map in the query string is every parameter at once (Smithy's httpQueryParams).
                "querystring" if target.as_deref().and_then(|t| types.get(t)) == Some(&"map") => {
                    Some(HttpBinding::QueryParams)
                }
                "querystring" => Some(HttpBinding::Query(wire_name)),
                "uri" => {
                    // The URI label name (`{Bucket}` in `requestUri`) may differ from the member.
                    if let Some(l) = location_name {
                        traits.other.insert("locationName".into(), Value::String(l));
                    }
                    Some(HttpBinding::Label)
                }
                "statusCode" => Some(HttpBinding::ResponseCode),
                other => {
                    ctx.err(
                        Some(owner),
                        &join(path, "location"),
                        format!(
                            "unknown `location` \"{other}\" (expected header, headers, querystring, \
                             uri or statusCode)"
                        ),
                    );
                    None
                }
            };
        }
        None => {
            if let Some(l) = location_name {
                if wire.json {
                    traits.json_name = Some(l);
                } else {
                    traits.other.insert("locationName".into(), Value::String(l));
                }
            }
        }
    }
    let Some(target) = target else {
        if !obj.contains_key("shape") {
            ctx.err(Some(owner), path, format!("member `{name}` has no `shape`"));
        }
        return None;
    };
    if !types.contains_key(target.as_str()) {
        ctx.err(
            Some(owner),
            &join(path, "shape"),
            format!("member `{name}` refers to shape `{target}`, which does not exist"),
        );
    }
    Some(Member {
        name: name.to_string(),
        target,
        traits,
        effective: Default::default(),
    })
}

/// Read a structure's `members` object, in model order, checking names that differ only in case.
pub fn members(
    ctx: &mut Ctx,
    types: &Types,
    wire: Wire,
    owner: &str,
    value: &Value,
    path: &str,
) -> Vec<Member> {
    let Value::Object(obj) = value else {
        ctx.err(
            Some(owner),
            path,
            format!("`members` must be an object, found {}", kind(value)),
        );
        return Vec::new();
    };
    let mut out: Vec<Member> = Vec::with_capacity(obj.len());
    let mut seen: HashMap<String, &str> = HashMap::with_capacity(obj.len());
    for (name, v) in obj {
        let p = join(path, name);
        let lower = name.to_lowercase();
        if let Some(first) = seen.get(&lower) {
            ctx.err(
                Some(owner),
                &p,
                format!("member `{name}` conflicts with member `{first}` (names must differ ignoring case)"),
            );
        }
        seen.entry(lower).or_insert(name);
        if let Some(m) = member(ctx, types, wire, owner, name, v, &p) {
            out.push(m);
        }
    }
    out
}
