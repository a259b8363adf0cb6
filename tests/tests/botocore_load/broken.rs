//! Broken models: every problem reported at once with its exact text (file, shape, JSON pointer),
//! and no panic whatever the JSON.

use super::{fixture, raw};
use codegen::load::botocore;
use serde_json::{json, Value};

/// Load `service` as if read from `file` and return every message, one per line.
fn problems(file: &str, service: &Value, paginators: Option<&Value>) -> Vec<String> {
    match botocore::load(file, service, paginators) {
        Ok(_) => Vec::new(),
        Err(d) => d.0.iter().map(ToString::to_string).collect(),
    }
}

#[test]
fn many_problems_reported_at_once() {
    let service = raw(&fixture("broken/many-problems.json"));
    let paginators = raw(&fixture("broken/paginators-1.json"));
    let got = problems("broken/many-problems.json", &service, Some(&paginators));
    let f = "broken/many-problems.json";
    let p = "broken/paginators-1.json";
    let expected = [
        format!("{f} at /metadata: `metadata` has no `apiVersion`"),
        format!("{f} at /metadata: `metadata` has no `serviceId`"),
        format!("{f} at /metadata/jsonVersion: unknown `jsonVersion` \"2.0\" (expected 1.0 or 1.1)"),
        format!("{f}: shape `Color` at /shapes/Color/enum: `enum` must be a list of strings, found a string"),
        format!("{f}: shape `DoThing` at /operations/DoThing/errors/1: `error` has no `shape`"),
        format!("{f}: shape `DoThing` at /operations/DoThing/http: `http` has no `requestUri`"),
        format!("{f}: shape `DoThing` at /operations/DoThing/input/shape: input refers to shape `Missing`, which does not exist"),
        format!("{f}: shape `Flag` at /shapes/Flag/max: `max` is not allowed on `boolean` shapes"),
        format!("{f}: shape `Name` at /shapes/Name/min: `min` must be a number, found a string"),
        format!("{f}: shape `Other` at /shapes/Other/required: `required` must be a list of strings, found a string"),
        format!("{f}: shape `Size` at /shapes/Size/enum: `enum` is not allowed on `integer` shapes"),
        format!("{f}: shape `TagMap` at /shapes/TagMap/key: map key must target a string shape, not `Size` (type `integer`)"),
        format!("{f}: shape `Thing` at /shapes/Thing/members/When/timestampFormat: unknown `timestampFormat` \"julian\" (expected iso8601, rfc822 or unixTimestamp)"),
        format!("{f}: shape `Thing` at /shapes/Thing/members/Where/location: unknown `location` \"body\" (expected header, headers, querystring, uri or statusCode)"),
        format!("{f}: shape `Thing` at /shapes/Thing/members/name: member `name` conflicts with member `Name` (names must differ ignoring case)"),
        format!("{f}: shape `Thing` at /shapes/Thing/required/1: `required` must be a list of strings, found a number in it"),
        format!("{f}: shape `Thing` at /shapes/Thing/required/2: required member `Ghost` is not a member of the structure"),
        format!("{f}: shape `When` at /shapes/When/type: unknown shape type \"datetime\""),
        format!("{p}: shape `DoThing` at /pagination/DoThing/input_token: `input_token` must be a string or a list of strings, found a number"),
        format!("{p}: shape `DoThing` at /pagination/DoThing/limit_key: `limit_key` must be a string, found an array"),
        format!("{p}: shape `ListThings` at /pagination/ListThings: paginator for operation `ListThings`, which does not exist"),
    ];
    assert_eq!(got, expected);
}

#[test]
fn wrong_top_level_types() {
    let service = raw(&fixture("broken/not-objects.json"));
    let f = "broken/not-objects.json";
    let expected = [
        format!("{f} at /documentation: `documentation` must be a string, found a number"),
        format!("{f} at /metadata/apiVersion: `apiVersion` must be a string, found a number"),
        format!("{f} at /operations: `operations` must be an object, found a string"),
        format!("{f} at /shapes: `shapes` must be an object, found an array"),
    ];
    assert_eq!(problems(f, &service, None), expected);
}

/// Small inline models, each with the exact messages it must produce.
#[test]
fn table_of_small_broken_models() {
    let meta = json!({"apiVersion": "1", "protocol": "rest-json", "serviceId": "T"});
    let with = |shapes: Value| json!({"metadata": meta, "operations": {}, "shapes": shapes});
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        ("not an object", json!([1, 2]), vec![
            "m.json: the model must be an object, found an array",
        ]),
        ("json without version or prefix",
         json!({"metadata": {"apiVersion": "1", "protocol": "json", "serviceId": "T"}, "operations": {}, "shapes": {}}),
         vec![
            "m.json at /metadata: `metadata` has no `jsonVersion` (required by the `json` protocol)",
            "m.json at /metadata: `metadata` has no `targetPrefix` (required by the `json` protocol)",
        ]),
        ("missing sections", json!({"metadata": meta}), vec![
            "m.json: the model has no `operations`",
            "m.json: the model has no `shapes`",
        ]),
        ("no type", with(json!({"A": {"min": 1}})), vec![
            "m.json: shape `A` at /shapes/A: shape has no `type`",
        ]),
        ("dangling list member", with(json!({"L": {"type": "list", "member": {"shape": "Nope"}}})), vec![
            "m.json: shape `L` at /shapes/L/member/shape: member `member` refers to shape `Nope`, which does not exist",
        ]),
        ("list without member", with(json!({"L": {"type": "list"}})), vec![
            "m.json: shape `L` at /shapes/L: list shape has no `member`",
        ]),
        ("map without value", with(json!({"S": {"type": "string"}, "M": {"type": "map", "key": {"shape": "S"}}})), vec![
            "m.json: shape `M` at /shapes/M: map shape has no `value`",
        ]),
        ("member without shape", with(json!({"A": {"type": "structure", "members": {"x": {"documentation": "d"}}}})), vec![
            "m.json: shape `A` at /shapes/A/members/x: member `x` has no `shape`",
        ]),
        ("payload names no member", with(json!({"A": {"type": "structure", "members": {}, "payload": "Body"}})), vec![
            "m.json: shape `A` at /shapes/A/payload: payload member `Body` is not a member of the structure",
        ]),
        ("members on a string", with(json!({"A": {"type": "string", "members": {}}})), vec![
            "m.json: shape `A` at /shapes/A/members: `members` is not allowed on `string` shapes",
        ]),
        ("wrong flag types", with(json!({"A": {"type": "structure", "members": {}, "exception": "yes", "sensitive": 1}})), vec![
            "m.json: shape `A` at /shapes/A/exception: `exception` must be a boolean, found a string",
            "m.json: shape `A` at /shapes/A/sensitive: `sensitive` must be a boolean, found a number",
        ]),
        ("negative length", with(json!({"S": {"type": "string", "min": -1, "max": 2.5}})), vec![
            "m.json: shape `S` at /shapes/S/max: `max` of a length must be a whole number >= 0, found 2.5",
            "m.json: shape `S` at /shapes/S/min: `min` of a length must be a whole number >= 0, found -1",
        ]),
        ("bad status code", with(json!({"A": {"type": "structure", "members": {}, "exception": true, "error": {"httpStatusCode": 70000}}})), vec![
            "m.json: shape `A` at /shapes/A/error/httpStatusCode: `httpStatusCode` must be an HTTP status code, found 70000",
        ]),
    ];
    for (name, model, expected) in cases {
        assert_eq!(problems("m.json", &model, None), expected, "case: {name}");
    }
}

/// Every JSON pointer of `v`, depth first.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            for (k, x) in o {
                pointers(
                    x,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

/// Replace every node of the edge fixture (and its paginators) with values of every JSON type, and
/// remove every key: the loader returns a model or diagnostics, never panics; broken results always
/// carry at least one diagnostic with the file name.
#[test]
fn no_panic_on_any_mutation() {
    let service = raw(&fixture("edge/service-2.json"));
    let paginators = raw(&fixture("edge/paginators-1.json"));
    let replacements = [
        json!(null),
        json!(true),
        json!(-1.5),
        json!(70000),
        json!("x"),
        json!([]),
        json!(["x", 1]),
        json!({}),
    ];
    let mut runs = 0;
    for (which, doc) in [("service", &service), ("paginators", &paginators)] {
        let mut ptrs = Vec::new();
        pointers(doc, String::new(), &mut ptrs);
        for ptr in ptrs.iter().filter(|p| !p.is_empty()) {
            let mut variants: Vec<Value> = replacements
                .iter()
                .map(|r| {
                    let mut d = doc.clone();
                    *d.pointer_mut(ptr).expect("pointer") = r.clone();
                    d
                })
                .collect();
            let (parent, key) = ptr.rsplit_once('/').expect("slash");
            let mut removed = doc.clone();
            if let Some(Value::Object(o)) = removed.pointer_mut(parent) {
                o.remove(&key.replace("~1", "/").replace("~0", "~"));
                variants.push(removed);
            }
            for v in variants {
                let (s, p) = if which == "service" {
                    (&v, &paginators)
                } else {
                    (&service, &v)
                };
                if let Err(d) = botocore::load("edge/service-2.json", s, Some(p)) {
                    assert!(!d.0.is_empty());
                    assert!(d.0.iter().all(|x| x.file.starts_with("edge/")), "{d}");
                }
                runs += 1;
            }
        }
    }
    assert!(runs > 2000, "{runs} mutations");
}
