//! The operations of the committed crate `sagemaker-endpoint-config` (awsJson1_1): the HTTP request
//! `serialize_request` builds, and what `parse_response` makes of success, modeled-error, unknown-error
//! and malformed responses.

use awsgen_runtime::http;
use sagemaker_endpoint_config::operations::{create_endpoint_config, describe_endpoint_config};
use sagemaker_endpoint_config::{
    CreateEndpointConfigInput, ProductionVariant, ProductionVariantInstanceType,
};
use serde_json::{json, Value};

fn input(weight: f32) -> CreateEndpointConfigInput {
    let variant = ProductionVariant::builder()
        .variant_name("v1")
        .model_name("m")
        .instance_type(ProductionVariantInstanceType::MlT2Medium)
        .initial_instance_count(1)
        .initial_variant_weight(weight)
        .build()
        .unwrap();
    CreateEndpointConfigInput::builder()
        .endpoint_config_name("cfg")
        .production_variants(vec![variant])
        .build()
        .unwrap()
}

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut b = http::Response::builder().status(status);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(body.as_bytes().to_vec()).unwrap()
}

#[test]
fn the_request_is_an_aws_json_1_1_post_with_target_and_body() {
    let req = create_endpoint_config::serialize_request(&input(f32::INFINITY)).unwrap();
    assert_eq!(req.method(), "POST");
    assert_eq!(req.uri(), "/");
    assert_eq!(
        req.headers()["x-amz-target"],
        "SageMaker.CreateEndpointConfig"
    );
    assert_eq!(req.headers()["content-type"], "application/x-amz-json-1.1");
    let body: Value = serde_json::from_slice(req.body()).unwrap();
    assert_eq!(
        body,
        json!({"EndpointConfigName": "cfg", "ProductionVariants": [{
            "VariantName": "v1", "ModelName": "m", "InstanceType": "ml.t2.medium",
            "InitialInstanceCount": 1, "InitialVariantWeight": "Infinity"}]})
    );
    assert!(req
        .extensions()
        .get::<awsgen_runtime::HostPrefix>()
        .is_none());
}

#[test]
fn responses_become_outputs_modeled_errors_or_unhandled() {
    let ok = response(
        200,
        &[],
        r#"{"EndpointConfigName": "cfg", "EndpointConfigArn": "arn:x", "CreationTime": 1.5,
            "ProductionVariants": [{"VariantName": "v1", "InitialVariantWeight": "NaN"}], "New": 1}"#,
    );
    let out = describe_endpoint_config::parse_response(&ok).unwrap();
    assert_eq!(out.endpoint_config_arn.as_deref(), Some("arn:x"));
    let w = out.production_variants.unwrap()[0]
        .initial_variant_weight
        .unwrap();
    assert!(w.is_nan());
    // A modeled error, its code from `__type` with the namespace stripped.
    let limit = response(
        400,
        &[],
        r#"{"__type": "com.amazonaws.sagemaker#ResourceLimitExceeded", "Message": "too many"}"#,
    );
    let err = create_endpoint_config::parse_response(&limit).unwrap_err();
    assert!(matches!(
        err,
        create_endpoint_config::Error::ResourceLimitExceeded(_)
    ));
    assert_eq!(
        (err.code(), err.message()),
        (Some("ResourceLimitExceeded"), Some("too many"))
    );
    assert_eq!(err.to_string(), "ResourceLimitExceeded: too many");
    // An error the operation does not model: everything kept, code from the header.
    let other = response(
        503,
        &[("x-amzn-errortype", "ThrottlingException:http://internal/")],
        r#"{"message": "slow down"}"#,
    );
    match create_endpoint_config::parse_response(&other).unwrap_err() {
        create_endpoint_config::Error::Unhandled(u) => {
            assert_eq!(
                (u.status, u.code.as_deref()),
                (503, Some("ThrottlingException"))
            );
            assert_eq!(u.message.as_deref(), Some("slow down"));
            assert_eq!(u.body, br#"{"message": "slow down"}"#);
            assert!(u.problem.is_none());
        }
        e => panic!("{e:?}"),
    }
    // A success body that is not the output: Unhandled with the reason, never a panic.
    for bad in [
        "[1,2]",
        "{\"CreationTime\": \"yesterday\"}",
        "\u{0}\u{ff}",
        "{",
    ] {
        match describe_endpoint_config::parse_response(&response(200, &[], bad)).unwrap_err() {
            describe_endpoint_config::Error::Unhandled(u) => {
                assert!(u.problem.is_some(), "{bad}");
            }
            e => panic!("{bad}: {e:?}"),
        }
    }
    // No body at all reads as `{}` (SageMaker's required output members are `clientOptional`).
    let empty = describe_endpoint_config::parse_response(&response(200, &[], "")).unwrap();
    assert!(empty.endpoint_config_name.is_none());
}
