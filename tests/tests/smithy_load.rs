//! The Smithy JSON AST front-end on the real upstream models and on small fixtures.

use codegen::ir::{Model, Protocol, ShapeKind};
use codegen::load::load_file;
use rayon::prelude::*;

fn sagemaker() -> Model {
    let path = tests::sagemaker_smithy();
    load_file(&path).unwrap_or_else(|d| panic!("{d}"))
}

#[test]
fn all_upstream_models_load_without_error() {
    let models = tests::all_smithy_models();
    assert!(
        models.len() >= 400,
        "expected the whole corpus, found {} models",
        models.len()
    );
    let failures: Vec<String> = models
        .par_iter()
        .filter_map(|p| load_file(p).err().map(|d| d.to_string()))
        .collect();
    assert!(
        failures.is_empty(),
        "{} models failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
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
