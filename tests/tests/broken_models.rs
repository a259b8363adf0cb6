//! Broken models: each fixture in `tests/fixtures/broken/` must produce exactly the listed problems
//! (file, shape id, JSON pointer, message), all at once; and no input makes the loader panic.

use codegen::load::load_file;
use serde_json::Value;
use std::path::Path;

/// `(fixture under tests/fixtures, operations to select, expected problems)`; each problem is the
/// text after the file name. With no operations the file is loaded; with operations it must load and
/// `codegen::select::closure` is asked for them.
type Row = (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

const TABLE: &[Row] = &[
    (
        "broken/bad_json.json",
        &[],
        &[r#": invalid JSON at line 5, column 5: trailing comma at line 5 column 5"#],
    ),
    (
        "broken/not_an_object.json",
        &[],
        &[
            r#": not a model: expected a Smithy JSON AST (top-level "smithy") or a botocore service model (top-level "metadata" and "operations")"#,
        ],
    ),
    (
        "broken/unsupported_version.json",
        &[],
        &[r#" at /smithy: unsupported Smithy version "3.0" (supported: 1.0, 2.0)"#],
    ),
    (
        "broken/shapes_not_object.json",
        &[],
        &[r#" at /shapes: `shapes` must be an object, found an array"#],
    ),
    (
        "broken/no_service.json",
        &[],
        &[r#" at /shapes: the model has no service shape"#],
    ),
    (
        "broken/two_services.json",
        &[],
        &[
            r#" at /shapes: the model has 2 service shapes (example.bad#One, example.bad#Two); exactly one is supported"#,
        ],
    ),
    (
        "broken/unknown_type.json",
        &[],
        &[
            r#": shape `example.bad#Name` at /shapes/example.bad#Name/type: unknown shape type `strng`"#,
        ],
    ),
    (
        "broken/dangling_target.json",
        &[],
        &[
            r#": shape `example.bad#OpInput` at /shapes/example.bad#OpInput/members/name/target: target `example.bad#Missing` does not exist in the model or the prelude"#,
        ],
    ),
    (
        "broken/map_key_not_string.json",
        &[],
        &[
            r#": shape `example.bad#Counts` at /shapes/example.bad#Counts/key/target: map key must target a string or enum shape, but `smithy.api#Integer` is an integer shape"#,
        ],
    ),
    (
        "broken/duplicate_members.json",
        &[],
        &[
            r#": shape `example.bad#Person` at /shapes/example.bad#Person/members/name: member `name` conflicts with member `Name`: member names must be unique ignoring case"#,
        ],
    ),
    (
        "broken/wrong_trait_types.json",
        &[],
        &[
            r#": shape `example.bad#Name` at /shapes/example.bad#Name/traits/smithy.api#length/min: `smithy.api#length` property `min` must be a number, found a string"#,
            r#": shape `example.bad#Name` at /shapes/example.bad#Name/traits/smithy.api#pattern: trait `smithy.api#pattern` must be a string, found a number"#,
            r#": shape `example.bad#Person` at /shapes/example.bad#Person/members/name/traits/smithy.api#required: trait `smithy.api#required` must be an object, found a boolean"#,
            r#": shape `example.bad#Person` at /shapes/example.bad#Person/traits/smithy.api#error: `smithy.api#error` must be "client" or "server", found "user""#,
            r#": shape `example.bad#Person` at /shapes/example.bad#Person/traits/smithy.api#httpError: trait `smithy.api#httpError` must be an integer HTTP status code, found a string"#,
        ],
    ),
    (
        "broken/int_enum_out_of_range.json",
        &[],
        &[
            r#": shape `example.bad#Level` at /shapes/example.bad#Level/members/ENORMOUS/traits/smithy.api#enumValue: `smithy.api#enumValue` 18446744073709551615 of intEnum member `ENORMOUS` is outside the 32-bit integer range of an intEnum"#,
            r#": shape `example.bad#Level` at /shapes/example.bad#Level/members/HUGE/traits/smithy.api#enumValue: `smithy.api#enumValue` 2147483648 of intEnum member `HUGE` is outside the 32-bit integer range of an intEnum"#,
            r#": shape `example.bad#Level` at /shapes/example.bad#Level/members/TINY/traits/smithy.api#enumValue: `smithy.api#enumValue` -2147483649 of intEnum member `TINY` is outside the 32-bit integer range of an intEnum"#,
        ],
    ),
    (
        "broken/mixin_cycle.json",
        &[],
        &[
            r#": shape `example.bad#B` at /shapes/example.bad#B/mixins/0/target: mixin cycle: example.bad#A -> example.bad#B -> example.bad#A"#,
        ],
    ),
    (
        "broken/several_problems.json",
        &[],
        &[
            r#": shape `example.bad#Lookup` at /shapes/example.bad#Lookup/key/target: map key must target a string or enum shape, but `example.bad#Thing` is a structure shape"#,
            r#": shape `example.bad#Lookup` at /shapes/example.bad#Lookup/value/target: target `example.bad#Op` is an operation shape, not a data shape"#,
            r#": shape `example.bad#Name` at /shapes/example.bad#Name/traits/smithy.api#length/max: `smithy.api#length` property `max` must be a number, found a string"#,
            r#": shape `example.bad#Op` at /shapes/example.bad#Op/errors/0/target: target `example.bad#Oops` does not exist in the model or the prelude"#,
            r#": shape `example.bad#Op` at /shapes/example.bad#Op/input/target: target `example.bad#Name` is a string shape, expected a structure shape"#,
            r#": shape `example.bad#Svc` at /shapes/example.bad#Svc/operations/1/target: target `example.bad#Gone` does not exist in the model or the prelude"#,
            r#": shape `example.bad#Thing` at /shapes/example.bad#Thing/members/LIST: member `LIST` conflicts with member `list`: member names must be unique ignoring case"#,
            r#": shape `example.bad#Thing` at /shapes/example.bad#Thing/members/noTarget: member `noTarget` has no `target`"#,
            r#": shape `example.bad#Things` at /shapes/example.bad#Things: list shape has no `member`"#,
            r#": shape `example.bad#Weird` at /shapes/example.bad#Weird/type: `type` must be a string, found a number"#,
        ],
    ),
    (
        "broken/more_problems.json",
        &[],
        &[
            r#": shape `bad id` at /shapes/bad id: invalid shape id `bad id`: expected `namespace#Name`"#,
            r#": shape `example.bad#Base` at /shapes/example.bad#Base/members/when/traits/smithy.api#timestampFormat: unknown timestamp format `unix` (expected epoch-seconds, date-time or http-date)"#,
            r#": shape `example.bad#Base` at /shapes/example.bad#Base/mixins/0/target: `example.bad#NotMixin` is used as a mixin but has no `smithy.api#mixin` trait"#,
            r#": shape `example.bad#Color` at /shapes/example.bad#Color/members/RED/traits/smithy.api#enumValue: `smithy.api#enumValue` of a string enum must be a string, found a number"#,
            r#": shape `example.bad#Count` at /shapes/example.bad#Count/traits/smithy.api#enum: trait `smithy.api#enum` is only allowed on string shapes, not on an integer shape"#,
            r#": shape `example.bad#Legacy` at /shapes/example.bad#Legacy/traits/smithy.api#enum/0: enum definition has no `value`"#,
            r#": shape `example.bad#Legacy` at /shapes/example.bad#Legacy/traits/smithy.api#enum/1: an enum definition must be an object, found a string"#,
            r#": shape `example.bad#Legacy` at /shapes/example.bad#Legacy/traits/smithy.api#enum/2/deprecated: enum definition `deprecated` must be a boolean, found a string"#,
            r#": shape `example.bad#Level` at /shapes/example.bad#Level/members/HIGH/traits/smithy.api#enumValue: `smithy.api#enumValue` of an intEnum must be an integer, found a string"#,
            r#": shape `example.bad#Level` at /shapes/example.bad#Level/members/LOW: intEnum member `LOW` has no `smithy.api#enumValue`"#,
            r#": shape `example.bad#Nowhere$member` at /shapes/example.bad#Nowhere$member: `apply` targets `example.bad#Nowhere`, which is not a shape in the model"#,
            r#": shape `example.bad#Op` at /shapes/example.bad#Op/input/target: target `example.bad#Base` is a mixin; mixins cannot be targeted"#,
            r#": shape `example.bad#Op` at /shapes/example.bad#Op/traits/smithy.api#http: trait `smithy.api#http` has no `uri`"#,
            r#": shape `example.bad#Op` at /shapes/example.bad#Op/traits/smithy.api#paginated/items: `smithy.api#paginated` property `items` must be a string, found a number"#,
            r#": shape `example.bad#Refs` at /shapes/example.bad#Refs/members/mixin/target: target `example.bad#Base` is a mixin; mixins cannot be targeted"#,
            r#": shape `example.bad#Refs` at /shapes/example.bad#Refs/members/relative/target: target `Nope` does not exist in the model or the prelude"#,
            r#": shape `example.bad#Svc` at /shapes/example.bad#Svc/version: service `version` must be a string, found a number"#,
        ],
    ),
    (
        "broken/bad_apply.json",
        &[],
        &[
            r#": shape `example.bad#Names$key` at /shapes/example.bad#Names$key: `apply` targets member `key`, which `example.bad#Names` does not have"#,
            r#": shape `example.bad#Person$age` at /shapes/example.bad#Person$age: `apply` targets member `age`, which `example.bad#Person` does not have"#,
            r#": shape `example.bad#Person$name` at /shapes/example.bad#Person$name/traits/smithy.api#sensitive: trait `smithy.api#sensitive` must be an object, found a boolean"#,
        ],
    ),
    (
        "smithy/resources.json",
        &["GetCity", "DescribeCity", "Nope"],
        &[
            ": shape `DescribeCity`: operation `DescribeCity` does not exist in service `Cities`",
            ": shape `Nope`: operation `Nope` does not exist in service `Cities`",
        ],
    ),
];

#[test]
fn every_broken_fixture_reports_exactly_its_problems() {
    let mut mismatches = Vec::new();
    for (name, operations, expected) in TABLE {
        // A relative path (cargo runs integration tests in the crate directory) keeps messages stable.
        let file = format!("fixtures/{name}");
        let loaded = load_file(Path::new(&file));
        let result = if operations.is_empty() {
            loaded.map(|_| ())
        } else {
            let model = loaded.unwrap_or_else(|d| panic!("{file} must load:\n{d}"));
            let ops: Vec<String> = operations.iter().map(|o| o.to_string()).collect();
            codegen::select::closure(&model, &ops).map(|_| ())
        };
        let got: Vec<String> = match result {
            Ok(()) => vec!["<no problem reported>".to_string()],
            Err(d) => d.0.iter().map(|x| x.to_string()).collect(),
        };
        let want: Vec<String> = expected.iter().map(|e| format!("{file}{e}")).collect();
        if got != want {
            mismatches.push(format!(
                "{file}\n  got:\n    {}\n  want:\n    {}",
                got.join("\n    "),
                want.join("\n    ")
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn every_broken_fixture_is_in_the_table() {
    let mut files: Vec<String> = std::fs::read_dir("fixtures/broken")
        .expect("fixtures/broken")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let mut listed: Vec<String> = TABLE
        .iter()
        .filter_map(|(n, _, _)| n.strip_prefix("broken/").map(str::to_string))
        .collect();
    listed.sort();
    assert_eq!(files, listed);
}

#[test]
fn several_problems_in_one_file_are_reported_together() {
    let d = load_file(Path::new("fixtures/broken/several_problems.json")).unwrap_err();
    assert_eq!(d.len(), 10);
    let text = d.to_string();
    assert!(text.starts_with("10 problems found:\n"), "{text}");
}

/// Every JSON value of every fixture replaced, in turn, by values of other types: the loader must
/// answer (a model or problems) and never panic.
#[test]
fn mutated_models_never_panic() {
    let replacements = [
        Value::Null,
        Value::Bool(true),
        Value::from(-1),
        Value::from(1.5),
        Value::from("x"),
        Value::from("smithy.api#Unit"),
        Value::Array(vec![]),
        serde_json::json!([{ "target": 1 }]),
        serde_json::json!({}),
        serde_json::json!({ "target": "example.none#X" }),
    ];
    let mut runs = 0;
    for dir in ["fixtures/smithy", "fixtures/broken"] {
        for entry in std::fs::read_dir(dir).expect("fixture dir") {
            let path = entry.expect("entry").path();
            let Ok(json) = codegen::load::read_json(&path) else {
                continue;
            };
            let mut pointers = Vec::new();
            collect_pointers(&json, String::new(), &mut pointers);
            for p in &pointers {
                for r in &replacements {
                    let mut mutated = json.clone();
                    if let Some(slot) = mutated.pointer_mut(p) {
                        *slot = r.clone();
                    }
                    let _ = codegen::load::smithy::load("mutated.json", &mutated);
                    runs += 1;
                }
            }
        }
    }
    assert!(runs > 5000, "only {runs} mutations ran");
}

fn collect_pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                collect_pointers(x, format!("{at}/{}", codegen::diag::pointer_token(k)), out);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                collect_pointers(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A model with a service and the given extra shapes.
fn model_with(shapes: serde_json::Map<String, Value>) -> Value {
    let mut all = serde_json::Map::new();
    all.insert(
        "ex#Svc".into(),
        serde_json::json!({ "type": "service", "version": "1", "operations": [{ "target": "ex#Op" }],
                            "resources": [{ "target": "ex#R0" }] }),
    );
    all.insert("ex#Op".into(), serde_json::json!({ "type": "operation" }));
    all.insert("ex#R0".into(), serde_json::json!({ "type": "resource" }));
    all.extend(shapes);
    serde_json::json!({ "smithy": "2.0", "shapes": all })
}

fn messages(json: &Value) -> Vec<String> {
    match codegen::load::smithy::load("deep.json", json) {
        Ok(_) => Vec::new(),
        Err(d) => d.0.iter().map(|x| x.message.clone()).collect(),
    }
}

/// Long chains and cycles of mixins and resources are reported, never followed until the stack
/// runs out.
#[test]
fn deep_chains_and_long_cycles_do_not_exhaust_the_stack() {
    const N: usize = 3000;
    let mixin = |i: usize, next: Option<usize>| {
        let mut s = serde_json::json!({
            "type": "structure",
            "members": { format!("m{i}"): { "target": "smithy.api#String" } },
            "traits": { "smithy.api#mixin": {} }
        });
        if let Some(n) = next {
            s["mixins"] = serde_json::json!([{ "target": format!("ex#M{n}") }]);
        }
        s
    };

    // 64 levels (63 mixins under a structure) are fine: the structure gets every member.
    let mut shapes = serde_json::Map::new();
    for i in 0..63 {
        shapes.insert(format!("ex#M{i}"), mixin(i, (i + 1 < 63).then_some(i + 1)));
    }
    shapes.insert(
        "ex#S".into(),
        serde_json::json!({ "type": "structure", "mixins": [{ "target": "ex#M0" }], "members": {} }),
    );
    let m = codegen::load::smithy::load("ok.json", &model_with(shapes))
        .unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(m.shape("S").unwrap().kind.members().len(), 63);

    // Deeper chains are cut, with a report.
    let mut shapes = serde_json::Map::new();
    for i in 0..N {
        shapes.insert(format!("ex#M{i}"), mixin(i, (i + 1 < N).then_some(i + 1)));
    }
    let got = messages(&model_with(shapes));
    assert!(!got.is_empty());
    assert!(
        got.iter().all(|m| m == "mixins nest more than 64 deep"),
        "{got:?}"
    );

    // A long cycle is one problem (the chain it leaves once cut is then too deep, as above).
    let mut shapes = serde_json::Map::new();
    for i in 0..N {
        shapes.insert(format!("ex#M{i}"), mixin(i, Some((i + 1) % N)));
    }
    let got = messages(&model_with(shapes));
    let cycles: Vec<&String> = got
        .iter()
        .filter(|m| m.starts_with("mixin cycle"))
        .collect();
    assert_eq!(cycles.len(), 1);
    assert!(cycles[0].starts_with("mixin cycle: ex#M0 -> ex#M1 -> ex#M2"));
    assert!(cycles[0].ends_with("-> ex#M2999 -> ex#M0"));
    assert!(got
        .iter()
        .all(|m| m.starts_with("mixin cycle") || m == "mixins nest more than 64 deep"));

    // Resources nested N deep, and operations mixing each other N deep.
    let mut shapes = serde_json::Map::new();
    for i in 1..N {
        shapes.insert(
            format!("ex#R{i}"),
            serde_json::json!({ "type": "resource" }),
        );
    }
    let mut json = model_with(shapes);
    for i in 0..N - 1 {
        json["shapes"][format!("ex#R{i}")]["resources"] =
            serde_json::json!([{ "target": format!("ex#R{}", i + 1) }]);
    }
    json["shapes"]["ex#Op"]["mixins"] = serde_json::json!([{ "target": "ex#O0" }]);
    for i in 0..N {
        let mut o =
            serde_json::json!({ "type": "operation", "traits": { "smithy.api#mixin": {} } });
        if i + 1 < N {
            o["mixins"] = serde_json::json!([{ "target": format!("ex#O{}", i + 1) }]);
        }
        json["shapes"][format!("ex#O{i}")] = o;
    }
    let got = messages(&json);
    assert!(
        got.contains(&"resources nest more than 64 deep".to_string()),
        "{got:?}"
    );
    assert!(
        got.contains(&"mixins nest more than 64 deep".to_string()),
        "{got:?}"
    );
}
