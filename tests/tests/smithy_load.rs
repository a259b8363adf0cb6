//! The Smithy JSON AST front-end on the real upstream models and on small fixtures.

use codegen::ir::{HttpBinding, Member, Model, Protocol, ShapeKind};
use codegen::load::{load_file, read_json};
use rayon::prelude::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// Counts computed from the raw JSON with serde_json alone (not the IR): shape entries other than
/// `apply`, and the operations reachable from the service shape, directly or through resources.
fn raw_counts(path: &Path) -> (usize, usize) {
    raw_counts_of(&read_json(path).unwrap_or_else(|d| panic!("{d}")))
}

fn raw_counts_of(json: &Value) -> (usize, usize) {
    let shapes = json["shapes"].as_object().expect("shapes object");
    let total = shapes.values().filter(|s| s["type"] != "apply").count();
    let service = shapes
        .values()
        .find(|s| s["type"] == "service")
        .expect("a service shape");
    let mut ops = BTreeSet::new();
    let mut resources = BTreeSet::new();
    let mut todo = vec![service];
    while let Some(s) = todo.pop() {
        let targets = |key: &str| -> Vec<String> {
            match &s[key] {
                Value::Array(a) => a
                    .iter()
                    .map(|r| r["target"].as_str().unwrap().to_string())
                    .collect(),
                Value::Object(r) => vec![r["target"].as_str().unwrap().to_string()],
                _ => vec![],
            }
        };
        for key in [
            "operations",
            "collectionOperations",
            "create",
            "put",
            "read",
            "update",
            "delete",
            "list",
        ] {
            ops.extend(targets(key));
        }
        for r in targets("resources") {
            if resources.insert(r.clone()) {
                todo.push(&shapes[&r]);
            }
        }
    }
    (total, ops.len())
}

fn sagemaker() -> Model {
    let path = tests::sagemaker_smithy();
    load_file(&path).unwrap_or_else(|d| panic!("{d}"))
}

#[test]
fn all_upstream_models_load_without_error() {
    let models = tests::all_smithy_models();
    // 402 service directories, one model file each (`.scripts/overrides.json` is not a model).
    assert_eq!(models.len(), 402, "expected the whole corpus");
    let failures: Vec<String> = models
        .par_iter()
        .filter_map(|p| {
            let json = match read_json(p) {
                Ok(j) => j,
                Err(d) => return Some(d.to_string()),
            };
            let m = match codegen::load::smithy::load(&p.display().to_string(), &json) {
                Ok(m) => m,
                Err(d) => return Some(d.to_string()),
            };
            {
                let (total, ops) = raw_counts_of(&json);
                let got = (m.total_shape_count(), m.operations.len());
                (got != (total, ops)).then(|| {
                    format!(
                        "{}: loaded {got:?} (shapes, operations), raw JSON has {:?}",
                        p.display(),
                        (total, ops)
                    )
                })
            }
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} models failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Shape and operation counts of several services, each checked against the raw JSON and against a
/// value known from the upstream file.
#[test]
fn counts_of_several_services() {
    for (sdk_id, shapes, ops, resources) in [
        ("sagemaker", 2870, 358, 0),
        ("s3", 724, 98, 0),
        ("dynamodb", 533, 57, 0),
        ("lambda", 444, 68, 0),
        ("iam", 685, 164, 0),
        ("qbusiness", 619, 75, 8),
        ("accessanalyzer", 334, 37, 2),
    ] {
        let path = tests::smithy_model(sdk_id);
        let m = load_file(&path).unwrap_or_else(|d| panic!("{d}"));
        assert_eq!(
            raw_counts(&path),
            (shapes, ops),
            "{sdk_id}: raw JSON counts"
        );
        assert_eq!(m.total_shape_count(), shapes, "{sdk_id}: shapes");
        assert_eq!(m.operations.len(), ops, "{sdk_id}: operations");
        assert_eq!(m.resource_count, resources, "{sdk_id}: resources");
        assert_eq!(
            m.service.operations.len(),
            ops,
            "{sdk_id}: service operation list"
        );
    }
}

#[test]
fn sagemaker_counts() {
    let m = sagemaker();
    assert_eq!(m.total_shape_count(), 2870);
    assert_eq!(m.operations.len(), 358);
    assert_eq!(m.service.operations.len(), 358);
}

#[test]
fn sagemaker_service_metadata() {
    let s = sagemaker().service;
    assert_eq!(s.name, "SageMaker");
    assert_eq!(s.namespace, "com.amazonaws.sagemaker");
    assert_eq!(s.api_version, "2017-07-24");
    assert_eq!(s.protocol, Protocol::AwsJson1_1);
    assert_eq!(s.json_version.as_deref(), Some("1.1"));
    assert_eq!(s.target_prefix.as_deref(), Some("SageMaker"));
    assert_eq!(s.signing_name.as_deref(), Some("sagemaker"));
    assert_eq!(s.endpoint_prefix.as_deref(), Some("api.sagemaker"));
    assert_eq!(s.sdk_id.as_deref(), Some("SageMaker"));
    assert_eq!(s.full_name.as_deref(), Some("Amazon SageMaker Service"));
}

#[test]
fn sagemaker_create_endpoint_config_input() {
    let m = sagemaker();
    let input = m.shape("CreateEndpointConfigInput").expect("input shape");
    let ShapeKind::Structure(members) = &input.kind else {
        panic!("not a structure: {:?}", input.kind)
    };
    let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "EndpointConfigName",
            "ProductionVariants",
            "DataCaptureConfig",
            "Tags",
            "KmsKeyId",
            "AsyncInferenceConfig",
            "ExplainerConfig",
            "ShadowProductionVariants",
            "ExecutionRoleArn",
            "VpcConfig",
            "EnableNetworkIsolation",
        ]
    );
    let required: Vec<&str> = members
        .iter()
        .filter(|m| m.traits.required)
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(required, ["EndpointConfigName", "ProductionVariants"]);
    assert!(members[0].traits.client_optional);
    assert_eq!(members[0].target, "EndpointConfigName");
    assert_eq!(members[1].target, "ProductionVariantList");
    assert_eq!(members[10].target, "Boolean");
    assert!(input.traits.input);
    assert!(input.traits.documentation.is_none());
    assert!(members[2].traits.documentation.is_none());
    assert!(members[3]
        .traits
        .documentation
        .as_deref()
        .is_some_and(|d| d.starts_with("<p>")));
}

#[test]
fn sagemaker_constraints_and_enums() {
    let m = sagemaker();
    let name = m.shape("EndpointConfigName").expect("EndpointConfigName");
    assert_eq!(name.kind, ShapeKind::String);
    let len = name.traits.length.as_ref().expect("length");
    assert_eq!(len.min.as_ref().and_then(|b| b.as_i128()), Some(0));
    assert_eq!(len.max.as_ref().and_then(|b| b.as_i128()), Some(63));
    assert_eq!(
        name.traits.pattern.as_deref(),
        Some("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$")
    );

    let weight = m.shape("VariantWeight").expect("VariantWeight");
    assert_eq!(weight.kind, ShapeKind::Float);
    let range = weight.traits.range.as_ref().expect("range");
    assert_eq!(range.min.as_ref().map(|b| b.as_f64()), Some(0.0));
    assert!(range.max.is_none());

    let it = m
        .shape("ProductionVariantInstanceType")
        .expect("instance type");
    let ShapeKind::Enum(values) = &it.kind else {
        panic!("not an enum: {:?}", it.kind)
    };
    let t2 = values
        .iter()
        .find(|v| v.value == "ml.t2.medium")
        .expect("ml.t2.medium");
    assert_eq!(t2.name.as_deref(), Some("ML_T2_MEDIUM"));
    assert_eq!(values[0].value, "ml.t2.medium");
    assert!(values.len() > 100);
}

#[test]
fn sagemaker_operations() {
    let m = sagemaker();
    let list = &m.operations["ListEndpointConfigs"];
    let p = list.paginated.as_ref().expect("paginated");
    assert_eq!(p.input_token.as_deref(), Some("NextToken"));
    assert_eq!(p.output_token.as_deref(), Some("NextToken"));
    assert_eq!(p.page_size.as_deref(), Some("MaxResults"));
    assert_eq!(p.items, ["EndpointConfigs"]);
    assert_eq!(list.input.as_deref(), Some("ListEndpointConfigsInput"));
    assert_eq!(list.output.as_deref(), Some("ListEndpointConfigsOutput"));

    let create = &m.operations["CreateEndpointConfig"];
    assert_eq!(create.errors, ["ResourceLimitExceeded"]);
    assert!(create.paginated.is_none());
    // DeleteEndpointConfig has no output: `smithy.api#Unit` means None.
    assert_eq!(m.operations["DeleteEndpointConfig"].output, None);
    let err = m.shape("ResourceLimitExceeded").expect("error shape");
    assert_eq!(err.traits.error.as_deref(), Some("client"));
}

// ---- small fixtures (tests/fixtures/smithy) ----

fn fixture(name: &str) -> Model {
    let path = tests::project_root()
        .join("tests/fixtures/smithy")
        .join(name);
    load_file(&path).unwrap_or_else(|d| panic!("{d}"))
}

fn members<'m>(m: &'m Model, id: &str) -> &'m [Member] {
    m.shape(id)
        .unwrap_or_else(|| panic!("no shape {id}"))
        .kind
        .members()
}

fn member<'m>(m: &'m Model, id: &str, name: &str) -> &'m Member {
    members(m, id)
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("no member {id}${name}"))
}

#[test]
fn smithy_1_0_set_enum_trait_and_box() {
    let m = fixture("v1_set_enum_box.json");
    assert_eq!(m.service.protocol, Protocol::AwsJson1_0);
    assert_eq!(m.service.json_version.as_deref(), Some("1.0"));
    assert_eq!(m.service.target_prefix.as_deref(), Some("Weather"));
    // No endpointPrefix: falls back to arnNamespace.
    assert_eq!(m.service.endpoint_prefix.as_deref(), Some("weather"));
    assert_eq!(m.service.api_version, "2006-03-01");

    let set = m.shape("CityIds").unwrap();
    let ShapeKind::List(item) = &set.kind else {
        panic!("{:?}", set.kind)
    };
    assert_eq!(item.target, "smithy.api#String");
    assert!(set.traits.unique_items);

    let ShapeKind::Enum(values) = &m.shape("Color").unwrap().kind else {
        panic!()
    };
    let got: Vec<_> = values
        .iter()
        .map(|v| {
            (
                v.name.as_deref(),
                v.value.as_str(),
                v.documentation.as_deref(),
                v.deprecated,
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("RED"), "red", Some("Warm."), false),
            (Some("LIGHT_BLUE"), "light-blue", None, true),
            (None, "green", None, false),
        ]
    );
    assert!(!m
        .shape("Color")
        .unwrap()
        .traits
        .other
        .contains_key("smithy.api#enum"));

    // 1.0 boxing: an integer shape without `box` is a primitive with a zero default.
    assert_eq!(m.shape("Count").unwrap().traits.default, Some(0.into()));
    assert_eq!(m.shape("BoxedCount").unwrap().traits.default, None);
    assert!(m.shape("BoxedCount").unwrap().traits.boxed);
    let d = |name: &str| member(&m, "GetCityInput", name).traits.default.clone();
    assert_eq!(d("count"), Some(0.into()));
    assert_eq!(d("boxedCount"), None);
    assert_eq!(d("memberBoxed"), None);
    assert!(member(&m, "GetCityInput", "memberBoxed").traits.boxed);
    assert_eq!(d("requiredCount"), None);
    assert_eq!(d("primitive"), Some(0.into()));
    assert_eq!(d("flag"), None);
    assert_eq!(
        m.shape("smithy.api#PrimitiveInteger")
            .unwrap()
            .traits
            .default,
        Some(0.into())
    );
    assert!(member(&m, "GetCityInput", "cityIds").traits.required);
    assert_eq!(
        m.operations["GetCity"]
            .traits
            .other
            .get("smithy.api#readonly"),
        Some(&serde_json::json!({}))
    );
}

#[test]
fn mixins_are_flattened() {
    let m = fixture("mixins.json");
    let names: Vec<&str> = members(&m, "Thing")
        .iter()
        .map(|x| x.name.as_str())
        .collect();
    assert_eq!(names, ["root", "a", "b", "c", "d"]);
    let thing = m.shape("Thing").unwrap();
    assert_eq!(thing.traits.documentation.as_deref(), Some("Thing docs"));
    assert!(thing.traits.sensitive, "inherited from Base");
    assert_eq!(
        thing
            .traits
            .deprecated
            .as_ref()
            .and_then(|d| d.message.as_deref()),
        Some("old")
    );
    assert!(thing.traits.input);
    assert!(!thing.traits.other.contains_key("smithy.api#mixin"));
    // A redefined member keeps the mixin's traits and adds its own.
    let b = member(&m, "Thing", "b");
    assert_eq!(b.traits.documentation.as_deref(), Some("b from Base"));
    assert_eq!(
        b.traits.http_binding,
        Some(HttpBinding::Header("x-b".into()))
    );
    let a = member(&m, "Thing", "a");
    assert!(a.traits.required);
    assert_eq!(a.traits.http_binding, Some(HttpBinding::Label));
    // Mixins stay in the model, flattened and marked, and count as shapes of the file.
    let base = m.shape("Base").unwrap();
    assert!(base.traits.other.contains_key("smithy.api#mixin"));
    assert_eq!(base.kind.members().len(), 3);
    // The file has 13 entries; the mixin service and the mixin operation are not counted.
    assert_eq!(m.total_shape_count(), 11);
    // Simple shapes take traits from mixins; local ones win.
    let name = m.shape("Name").unwrap();
    assert_eq!(name.traits.pattern.as_deref(), Some("^[a-z]+$"));
    assert_eq!(
        name.traits
            .length
            .as_ref()
            .and_then(|l| l.max.as_ref()?.as_i128()),
        Some(10)
    );
    // Operation details.
    let op = &m.operations["PutThing"];
    assert_eq!(op.output, None);
    let http = op.traits.http.as_ref().unwrap();
    assert_eq!(
        (http.method.as_str(), http.uri.as_str(), http.code),
        ("PUT", "/things/{a}", Some(201))
    );
    assert_eq!(m.service.protocol, Protocol::RestJson1);
    assert_eq!(m.service.json_version, None);
    // Operations, resources and service properties come through mixins too.
    assert_eq!(m.service.operations, ["GetThing", "PutThing"]);
    let get = &m.operations["GetThing"];
    assert_eq!(get.input.as_deref(), Some("Thing"));
    assert_eq!(get.errors, ["Denied", "Boom"]);
    assert!(get.traits.other.contains_key("smithy.api#readonly"));
    assert!(!get.traits.other.contains_key("smithy.api#mixin"));
    assert_eq!(m.operations["PutThing"].errors, ["Boom"]);
    assert_eq!(m.service.target_prefix, None);
}

#[test]
fn apply_merges_traits_onto_members() {
    let m = fixture("apply.json");
    let id = member(&m, "OpInput", "id");
    assert!(id.traits.required);
    assert_eq!(id.traits.documentation.as_deref(), Some("applied"));
    assert!(member(&m, "OpInput", "token").traits.idempotency_token);
    let ShapeKind::List(item) = &m.shape("Tags").unwrap().kind else {
        panic!()
    };
    assert_eq!(
        item.traits
            .length
            .as_ref()
            .and_then(|l| l.max.as_ref()?.as_i128()),
        Some(5)
    );
    // The mixin itself is untouched by an apply on the shape that uses it.
    assert!(!member(&m, "Common", "token").traits.idempotency_token);
    // `apply` entries are not shapes.
    assert_eq!(m.total_shape_count(), 6);
}

#[test]
fn resources_contribute_their_operations() {
    let m = fixture("resources.json");
    assert_eq!(
        m.service.operations,
        [
            "CountCities",
            "GetCity",
            "GetForecast",
            "ListCities",
            "Ping",
            "RenameCity"
        ]
    );
    assert!(!m.operations.contains_key("Unbound"));
    assert_eq!(m.resource_count, 2);
    assert_eq!(m.service.endpoint_prefix.as_deref(), Some("cities-api"));
    // Service errors are common to every operation; no duplicates.
    assert_eq!(m.operations["GetCity"].errors, ["NotFound", "Throttled"]);
    assert_eq!(m.operations["Ping"].errors, ["Throttled"]);
    assert_eq!(m.operations["Ping"].input, None);
    // Operation pagination values override the service defaults.
    let p = m.operations["ListCities"].paginated.clone().unwrap();
    assert_eq!(p.input_token.as_deref(), Some("next"));
    assert_eq!(p.output_token.as_deref(), Some("next"));
    assert_eq!(p.page_size.as_deref(), Some("limit"));
    assert_eq!(p.items, ["cities"]);
    assert!(m.operations["GetCity"].paginated.is_none());
    // Shapes outside the service namespace keep their absolute id.
    assert_eq!(
        member(&m, "ListCitiesOutput", "cities").target,
        "example.other#CityList"
    );
    // ... and the service's `rename` gives it its name.
    assert_eq!(
        m.shape("example.other#CityList").unwrap().name,
        "OtherCityList"
    );
    let nf = m.shape("NotFound").unwrap();
    assert_eq!(
        (nf.traits.error.as_deref(), nf.traits.http_error),
        (Some("client"), Some(404))
    );
    assert!(m
        .shape("Throttled")
        .unwrap()
        .traits
        .other
        .contains_key("smithy.api#retryable"));
}

#[test]
fn prelude_targets_and_unit() {
    let m = fixture("prelude.json");
    assert_eq!(
        m.service.protocol,
        Protocol::Other("smithy.protocols#rpcv2Cbor".into())
    );
    assert_eq!(m.operations["Do"].input, None);
    assert_eq!(m.operations["Do"].output.as_deref(), Some("DoOutput"));
    let prelude: Vec<&str> = m
        .shapes
        .keys()
        .filter(|k| k.starts_with("smithy.api#"))
        .map(String::as_str)
        .collect();
    assert_eq!(
        prelude,
        [
            "smithy.api#Document",
            "smithy.api#PrimitiveBoolean",
            "smithy.api#String",
            "smithy.api#Timestamp",
            "smithy.api#Unit"
        ]
    );
    assert_eq!(
        m.shape("smithy.api#PrimitiveBoolean")
            .unwrap()
            .traits
            .default,
        Some(false.into())
    );
    let unit = m.shape("smithy.api#Unit").unwrap();
    assert_eq!(unit.kind, ShapeKind::Structure(vec![]));
    let ShapeKind::Union(variants) = &m.shape("Choice").unwrap().kind else {
        panic!()
    };
    assert_eq!(variants[0].target, "smithy.api#Unit");
    assert_eq!(variants[1].target, "Text");
    // Relative trait ids: the prelude, or the shape's own namespace when the trait is defined there.
    let text = member(&m, "DoOutput", "text");
    assert_eq!(
        text.traits.documentation.as_deref(),
        Some("relative trait id")
    );
    assert!(text.traits.required);
    let custom = member(&m, "DoOutput", "custom");
    assert_eq!(custom.traits.other["example.pre#note"], "kept raw");
    assert_eq!(custom.traits.other["aws.api#data"], "content");
    assert_eq!(
        member(&m, "DoOutput", "on").traits.default,
        Some(false.into())
    );
    assert_eq!(
        member(&m, "DoOutput", "when").traits.timestamp_format,
        Some(codegen::ir::TimestampFormat::DateTime)
    );
    let ShapeKind::IntEnum(levels) = &m.shape("Level").unwrap().kind else {
        panic!()
    };
    let got: Vec<_> = levels
        .iter()
        .map(|l| (l.name.as_str(), l.value, l.documentation.as_deref()))
        .collect();
    assert_eq!(got, [("LOW", 1, None), ("HIGH", 10, Some("High."))]);
    let ShapeKind::Enum(colors) = &m.shape("Color").unwrap().kind else {
        panic!()
    };
    let got: Vec<_> = colors
        .iter()
        .map(|c| (c.name.as_deref(), c.value.as_str(), c.deprecated))
        .collect();
    assert_eq!(
        got,
        [
            (Some("RED"), "RED", false),
            (Some("DARK_BLUE"), "dark-blue", true)
        ]
    );
}

#[test]
fn recursive_shapes_load_and_close() {
    let m = fixture("recursion.json");
    let closure = codegen::select::closure(&m, &["GetTree".to_string()]).unwrap();
    let got: Vec<&str> = closure.iter().map(String::as_str).collect();
    assert_eq!(
        got,
        ["Attrs", "Expr", "ExprList", "Key", "Node", "NodeList"]
    );
    assert_eq!(member(&m, "Orphan", "self").target, "Orphan");
    assert!(m.shape("Attrs").unwrap().traits.sparse);
}

/// The closure of operations computed from the raw JSON with serde_json (not the IR): input, output
/// and errors, then every member target of structures, unions, lists and maps (enum members point at
/// `smithy.api#Unit` but carry no data, so they are not followed).
fn raw_closure(json: &Value, ns: &str, ops: &[&str]) -> BTreeSet<String> {
    let shapes = json["shapes"].as_object().expect("shapes");
    let mut todo: Vec<String> = Vec::new();
    for op in ops {
        let o = &shapes[&format!("{ns}#{op}")];
        for key in ["input", "output"] {
            if let Some(t) = o[key]["target"].as_str() {
                if t != "smithy.api#Unit" {
                    todo.push(t.to_string());
                }
            }
        }
        for e in o["errors"].as_array().into_iter().flatten() {
            todo.push(e["target"].as_str().expect("error target").to_string());
        }
    }
    let mut seen = BTreeSet::new();
    while let Some(id) = todo.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(s) = shapes.get(&id) else { continue };
        let mut push = |m: &Value| todo.push(m["target"].as_str().expect("target").to_string());
        match s["type"].as_str() {
            Some("structure" | "union") => s["members"]
                .as_object()
                .expect("members")
                .values()
                .for_each(&mut push),
            Some("list" | "set") => push(&s["member"]),
            Some("map") => {
                push(&s["key"]);
                push(&s["value"]);
            }
            _ => {}
        }
    }
    // IR ids: bare names inside the service namespace.
    let prefix = format!("{ns}#");
    seen.into_iter()
        .map(|id| id.strip_prefix(&prefix).map(str::to_string).unwrap_or(id))
        .collect()
}

#[test]
fn closure_of_create_endpoint_config_matches_an_independent_walk() {
    let path = tests::sagemaker_smithy();
    let json = read_json(&path).unwrap_or_else(|d| panic!("{d}"));
    let m = codegen::load::smithy::load("sagemaker.json", &json).unwrap_or_else(|d| panic!("{d}"));
    let ns = "com.amazonaws.sagemaker";
    for (ops, known) in [
        (&["CreateEndpointConfig"][..], 90),
        (&["DescribeEndpointConfig"][..], 85),
        (&["ListEndpointConfigs"][..], 12),
        (&["DeleteEndpointConfig"][..], 2),
        (
            &[
                "CreateEndpointConfig",
                "DescribeEndpointConfig",
                "ListEndpointConfigs",
                "DeleteEndpointConfig",
            ][..],
            103,
        ),
    ] {
        let names: Vec<String> = ops.iter().map(|s| s.to_string()).collect();
        let got = codegen::select::closure(&m, &names).unwrap_or_else(|d| panic!("{d}"));
        let want = raw_closure(&json, ns, ops);
        assert_eq!(got, want, "{ops:?}");
        assert_eq!(got.len(), known, "{ops:?}");
    }
    let all: Vec<String> = m.operations.keys().cloned().collect();
    let all_refs: Vec<&str> = all.iter().map(String::as_str).collect();
    let got = codegen::select::closure(&m, &all).unwrap_or_else(|d| panic!("{d}"));
    assert_eq!(got, raw_closure(&json, ns, &all_refs));
}
