//! The botocore front-end on the real SageMaker models (three botocore versions) and on small
//! synthetic fixtures: counts checked against an independent count of the raw JSON, specific shapes,
//! `.gz` input, every key the loader maps, broken models with their exact messages, and no panic on
//! any mutation of a model.

use codegen::ir::{Bound, Model, Protocol, ShapeKind};
use codegen::load::load_file;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use tests::{project_root, sagemaker_botocore};

const VERSIONS: [&str; 3] = ["1.35.0", "1.37.23", "1.44.8"];

fn raw(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn load(path: &Path) -> Model {
    load_file(path).unwrap_or_else(|e| panic!("{e}"))
}

fn fixture(rel: &str) -> PathBuf {
    project_root().join("tests/fixtures/botocore").join(rel)
}

/// Counts taken from the raw JSON with serde_json, independently of the loader.
#[derive(Debug, PartialEq, Default)]
struct Counts {
    shapes: usize,
    operations: usize,
    enums: usize,
    structures: usize,
    unions: usize,
    lists: usize,
    maps: usize,
    required: usize,
    members: usize,
    errors: usize,
    paginated: usize,
}

fn raw_counts(service: &Value, paginators: &Value) -> Counts {
    let mut c = Counts::default();
    let shapes = service["shapes"].as_object().expect("shapes");
    c.shapes = shapes.len();
    c.operations = service["operations"].as_object().expect("operations").len();
    for s in shapes.values() {
        match s["type"].as_str().expect("type") {
            "string" if s.get("enum").is_some() => c.enums += 1,
            "structure" if s.get("union") == Some(&json!(true)) => c.unions += 1,
            "structure" => c.structures += 1,
            "list" => c.lists += 1,
            "map" => c.maps += 1,
            _ => {}
        }
        c.required += s
            .get("required")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        c.members += s
            .get("members")
            .and_then(Value::as_object)
            .map_or(0, |m| m.len());
        c.errors += usize::from(s.get("exception") == Some(&json!(true)));
    }
    c.paginated = paginators["pagination"]
        .as_object()
        .expect("pagination")
        .len();
    c
}

fn model_counts(m: &Model) -> Counts {
    let mut c = Counts {
        shapes: m.shapes.len(),
        operations: m.operations.len(),
        ..Counts::default()
    };
    for s in m.shapes.values() {
        match &s.kind {
            ShapeKind::Enum(_) => c.enums += 1,
            ShapeKind::Union(_) => c.unions += 1,
            ShapeKind::Structure(_) => c.structures += 1,
            ShapeKind::List(_) => c.lists += 1,
            ShapeKind::Map { .. } => c.maps += 1,
            _ => {}
        }
        c.members += s.kind.members().len();
        c.required += s
            .kind
            .members()
            .iter()
            .filter(|m| m.traits.required)
            .count();
        c.errors += usize::from(s.traits.error.is_some());
    }
    c.paginated = m
        .operations
        .values()
        .filter(|o| o.paginated.is_some())
        .count();
    c
}

#[test]
fn sagemaker_models_load_with_independent_counts() {
    for v in VERSIONS {
        let path = sagemaker_botocore(v);
        let model = load(&path);
        let service = raw(&path);
        let paginators = raw(&path.with_file_name("paginators-1.json"));
        let expected = raw_counts(&service, &paginators);
        assert_eq!(model_counts(&model), expected, "botocore {v}");
        assert!(
            expected.shapes > 2000 && expected.operations > 300,
            "{v}: {expected:?}"
        );
        // Every target resolves.
        for s in model.shapes.values() {
            for t in s.kind.targets() {
                assert!(model.shapes.contains_key(t), "{v}: {} -> {t}", s.id);
            }
        }
        assert_eq!(model.service.operations.len(), expected.operations);
    }
    let m = load(&sagemaker_botocore("1.37.23"));
    assert_eq!((m.shapes.len(), m.operations.len()), (2511, 358));
}

#[test]
fn sagemaker_metadata() {
    let m = load(&sagemaker_botocore("1.37.23"));
    let s = &m.service;
    assert_eq!(s.name, "SageMaker");
    assert_eq!(s.namespace, "com.amazonaws.sagemaker");
    assert_eq!(s.api_version, "2017-07-24");
    assert_eq!(s.protocol, Protocol::AwsJson1_1);
    assert_eq!(s.json_version.as_deref(), Some("1.1"));
    assert_eq!(s.target_prefix.as_deref(), Some("SageMaker"));
    assert_eq!(s.signing_name.as_deref(), Some("sagemaker"));
    assert_eq!(s.endpoint_prefix.as_deref(), Some("api.sagemaker"));
    assert_eq!(s.sdk_id.as_deref(), Some("SageMaker"));
    assert_eq!(s.abbreviation.as_deref(), Some("SageMaker"));
    assert_eq!(s.full_name.as_deref(), Some("Amazon SageMaker Service"));
    assert!(s
        .traits
        .documentation
        .as_deref()
        .is_some_and(|d| d.len() > 20));
    assert_eq!(s.traits.other.get("signatureVersion"), Some(&json!("v4")));
    assert_eq!(m.form, codegen::ir::ModelForm::Botocore);
}

#[test]
fn sagemaker_create_endpoint_config() {
    let path = sagemaker_botocore("1.37.23");
    let m = load(&path);
    let service = raw(&path);
    let input = &m.shapes["CreateEndpointConfigInput"];
    let members = input.kind.members();
    let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
    let raw_names: Vec<&str> = service["shapes"]["CreateEndpointConfigInput"]["members"]
        .as_object()
        .expect("members")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(names, raw_names);
    assert_eq!(
        &names[..3],
        [
            "EndpointConfigName",
            "ProductionVariants",
            "DataCaptureConfig"
        ]
    );
    assert_eq!(names.last(), Some(&"EnableNetworkIsolation"));
    let required: Vec<&str> = members
        .iter()
        .filter(|m| m.traits.required)
        .map(|m| m.name.as_str())
        .collect();
    assert_eq!(required, ["EndpointConfigName", "ProductionVariants"]);
    assert_eq!(members[1].target, "ProductionVariantList");
    assert_eq!(members[7].name, "ShadowProductionVariants");
    assert_eq!(members[7].target, "ProductionVariantList");

    let op = &m.operations["CreateEndpointConfig"];
    assert_eq!(op.input.as_deref(), Some("CreateEndpointConfigInput"));
    assert_eq!(op.output.as_deref(), Some("CreateEndpointConfigOutput"));
    assert_eq!(op.errors, ["ResourceLimitExceeded"]);
    let http = op.traits.http.as_ref().expect("http");
    assert_eq!(
        (http.method.as_str(), http.uri.as_str(), http.code),
        ("POST", "/", None)
    );
    assert_eq!(
        m.shapes["ResourceLimitExceeded"].traits.error.as_deref(),
        Some("client")
    );

    let name = &m.shapes["EndpointConfigName"];
    assert_eq!(name.kind, ShapeKind::String);
    let len = name.traits.length.as_ref().expect("length");
    assert_eq!(len.min, None);
    assert_eq!(len.max.as_ref().and_then(Bound::as_i128), Some(63));
    assert_eq!(
        name.traits.pattern.as_deref(),
        Some("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}")
    );

    let ShapeKind::Enum(values) = &m.shapes["ProductionVariantInstanceType"].kind else {
        panic!("ProductionVariantInstanceType is not an enum");
    };
    assert!(values.iter().any(|v| v.value == "ml.t2.medium"));
    assert!(values.iter().all(|v| v.name.is_none()));
    let raw_values = service["shapes"]["ProductionVariantInstanceType"]["enum"]
        .as_array()
        .expect("enum")
        .len();
    assert_eq!(values.len(), raw_values);
}

#[test]
fn sagemaker_pagination_and_member_traits() {
    let m = load(&sagemaker_botocore("1.37.23"));
    let p = m.operations["ListEndpointConfigs"]
        .paginated
        .as_ref()
        .expect("paginated");
    assert_eq!(p.input_token.as_deref(), Some("NextToken"));
    assert_eq!(p.output_token.as_deref(), Some("NextToken"));
    assert_eq!(p.page_size.as_deref(), Some("MaxResults"));
    assert_eq!(p.items, ["EndpointConfigs"]);
    assert!(m.operations["CreateEndpointConfig"].paginated.is_none());

    let member = |shape: &str, name: &str| {
        m.shapes[shape]
            .kind
            .members()
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("{shape}.{name}"))
            .clone()
    };
    assert!(
        member("CreatePipelineRequest", "ClientRequestToken")
            .traits
            .idempotency_token
    );
    assert!(
        member(
            "HumanLoopActivationConditionsConfig",
            "HumanLoopActivationConditions"
        )
        .traits
        .json_value
    );
    let dep = member("CreateDomainRequest", "HomeEfsFileSystemKmsKeyId")
        .traits
        .deprecated;
    assert!(dep
        .and_then(|d| d.message)
        .is_some_and(|msg| msg.contains("KmsKeyId")));
    assert!(m.shapes["ClientSecret"].traits.sensitive);
    assert!(
        m.shapes
            .values()
            .filter(|s| matches!(s.kind, ShapeKind::Union(_)))
            .count()
            >= 9
    );
}

#[test]
fn gz_copy_loads_identically() {
    let path = sagemaker_botocore("1.37.23");
    let dir = tempfile::tempdir().expect("tempdir");
    let gz = dir.path().join("service-2.json.gz");
    let bytes = std::fs::read(&path).expect("read");
    let mut enc = flate2_write(&gz);
    std::io::Write::write_all(&mut enc, &bytes).expect("write gz");
    enc.finish().expect("finish gz");
    for sibling in ["paginators-1.json", "endpoint-rule-set-1.json"] {
        std::fs::copy(path.with_file_name(sibling), dir.path().join(sibling))
            .unwrap_or_else(|e| panic!("copy {sibling}: {e}"));
    }
    let mut from_gz = load(&gz);
    let plain = load(&path);
    assert_eq!(from_gz.source, gz.display().to_string());
    from_gz.source = plain.source.clone();
    assert!(from_gz == plain, "the .gz model differs from the plain one");
    assert!(from_gz.operations["ListEndpointConfigs"]
        .paginated
        .is_some());
}

/// A gzip writer (flate2 comes with codegen; the test writes the `.gz` itself).
fn flate2_write(path: &Path) -> flate2::write::GzEncoder<std::fs::File> {
    let file = std::fs::File::create(path).expect("create");
    flate2::write::GzEncoder::new(file, flate2::Compression::default())
}

#[path = "botocore_load/broken.rs"]
mod broken;
#[path = "botocore_load/edge.rs"]
mod edge;
