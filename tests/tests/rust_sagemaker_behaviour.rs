//! Behaviour of the committed generated crate `sagemaker-endpoint-config` (the four endpoint-config
//! operations): builders, enums, validation paths and the JSON wire form.

use sagemaker_endpoint_config::error::Rule;
use sagemaker_endpoint_config::primitives::DateTime;
use sagemaker_endpoint_config::{
    CaptureMode, CaptureOption, CreateEndpointConfigInput, DataCaptureConfig,
    DescribeEndpointConfigOutput, ProductionVariant, ProductionVariantInstanceType,
    ProductionVariantServerlessConfig, Tag,
};
use serde_json::json;

fn variant(name: &str) -> ProductionVariant {
    ProductionVariant::builder()
        .variant_name(name)
        .model_name("my-model")
        .instance_type(ProductionVariantInstanceType::MlT2Medium)
        .initial_instance_count(1)
        .initial_variant_weight(1.0)
        .build()
        .expect("variant")
}

fn request(name: &str, variants: Vec<ProductionVariant>) -> CreateEndpointConfigInput {
    CreateEndpointConfigInput::builder()
        .endpoint_config_name(name)
        .production_variants(variants)
        .build()
        .expect("request")
}

/// (path, rule) of every violation.
fn violations(r: &CreateEndpointConfigInput) -> Vec<(String, Rule)> {
    match r.validate() {
        Ok(()) => Vec::new(),
        Err(e) => e
            .violations()
            .iter()
            .map(|v| (v.path.clone(), v.rule))
            .collect(),
    }
}

#[test]
fn builder_names_every_missing_required_member() {
    let err = CreateEndpointConfigInput::builder()
        .kms_key_id("key")
        .build()
        .unwrap_err();
    assert_eq!(err.missing(), ["EndpointConfigName", "ProductionVariants"]);
    let text = err.to_string();
    assert!(
        text.contains("`EndpointConfigName`") && text.contains("`ProductionVariants`"),
        "{text}"
    );
    let err = CreateEndpointConfigInput::builder()
        .endpoint_config_name("x")
        .build()
        .unwrap_err();
    assert_eq!(err.missing(), ["ProductionVariants"]);
}

#[test]
fn instance_type_parses_to_its_variant_and_back() {
    let t = ProductionVariantInstanceType::try_parse("ml.t2.medium").unwrap();
    assert_eq!(t, ProductionVariantInstanceType::MlT2Medium);
    assert_eq!(t.as_str(), "ml.t2.medium");
    assert_eq!(t.to_string(), "ml.t2.medium");
    assert_eq!(
        "ml.t2.medium".parse::<ProductionVariantInstanceType>(),
        Ok(t.clone())
    );
    assert_eq!(ProductionVariantInstanceType::from("ml.t2.medium"), t);
    assert!(ProductionVariantInstanceType::values().contains(&"ml.t2.medium"));
    assert!(ProductionVariantInstanceType::values().len() > 100);
    // Strict parse rejects what lenient parse keeps.
    assert!(ProductionVariantInstanceType::try_parse("ml.t2.gigantic").is_err());
    let lenient = ProductionVariantInstanceType::from("ml.t2.gigantic");
    assert!(!lenient.is_known());
    assert_eq!(lenient.as_str(), "ml.t2.gigantic");
}

#[test]
fn unknown_instance_type_survives_json_and_is_reported() {
    let input = json!({
        "EndpointConfigName": "cfg",
        "ProductionVariants": [{"VariantName": "v1", "InstanceType": "ml.future.huge"}]
    });
    let r: CreateEndpointConfigInput = serde_json::from_value(input.clone()).unwrap();
    let t = r.production_variants.as_ref().unwrap()[0]
        .instance_type
        .clone()
        .unwrap();
    assert!(matches!(t, ProductionVariantInstanceType::Unknown(_)));
    assert_eq!(t.as_str(), "ml.future.huge");
    assert_eq!(serde_json::to_value(&r).unwrap(), input);
    let err = r.validate().unwrap_err();
    assert_eq!(err.violations().len(), 1, "{err}");
    let v = &err.violations()[0];
    assert_eq!(v.path, "ProductionVariants[0].InstanceType");
    assert_eq!(v.rule, Rule::Enum);
    assert!(v.message.contains("ml.future.huge"), "{}", v.message);
}

#[test]
fn constraint_violations_carry_their_paths() {
    assert_eq!(violations(&request("cfg-1", vec![variant("v1")])), []);
    // 64 characters: too long, and the pattern allows at most 63 as well.
    let long = "a".repeat(64);
    assert_eq!(
        violations(&request(&long, vec![variant("v1")])),
        [
            ("EndpointConfigName".to_string(), Rule::Length),
            ("EndpointConfigName".to_string(), Rule::Pattern)
        ]
    );
    assert_eq!(
        violations(&request(&"a".repeat(63), vec![variant("v1")])),
        []
    );
    assert_eq!(
        violations(&request("-bad-name", vec![variant("v1")])),
        [("EndpointConfigName".to_string(), Rule::Pattern)]
    );
    assert_eq!(
        violations(&request("cfg", vec![])),
        [("ProductionVariants".to_string(), Rule::Length)]
    );
    let mut light = variant("v2");
    light.initial_variant_weight = Some(-0.5);
    assert_eq!(
        violations(&request("cfg", vec![variant("v1"), light])),
        [(
            "ProductionVariants[1].InitialVariantWeight".to_string(),
            Rule::Range
        )]
    );
}

#[test]
fn unicode_property_patterns_use_unicode_mode() {
    let tag = |k: &str| Tag::builder().key(k).value("v").build().unwrap();
    let mut r = request("cfg", vec![variant("v1")]);
    r.tags = Some(vec![tag("équipe-ü 1"), tag("bad!")]);
    assert_eq!(violations(&r), [("Tags[1].Key".to_string(), Rule::Pattern)]);
}

#[test]
fn every_violation_is_reported_at_once() {
    let mut bad = variant("v1");
    bad.initial_instance_count = Some(0);
    bad.variant_name = None;
    let r = request(&"b".repeat(70), vec![bad]);
    let mut got = violations(&r);
    got.sort();
    assert_eq!(
        got,
        [
            ("EndpointConfigName".to_string(), Rule::Length),
            ("EndpointConfigName".to_string(), Rule::Pattern),
            (
                "ProductionVariants[0].InitialInstanceCount".to_string(),
                Rule::Range
            ),
            (
                "ProductionVariants[0].VariantName".to_string(),
                Rule::Required
            ),
        ]
    );
}

#[test]
fn deserialized_values_report_missing_required_members() {
    let r: CreateEndpointConfigInput = serde_json::from_value(json!({"KmsKeyId": "k"})).unwrap();
    let got = violations(&r);
    assert_eq!(
        got,
        [
            ("EndpointConfigName".to_string(), Rule::Required),
            ("ProductionVariants".to_string(), Rule::Required),
        ]
    );
    // A type mismatch is a serde error naming the expected type.
    let err = serde_json::from_value::<CreateEndpointConfigInput>(json!({
        "ProductionVariants": [{"InitialInstanceCount": "one"}]
    }))
    .unwrap_err();
    assert!(err.to_string().contains("invalid type"), "{err}");
}

#[test]
fn full_request_round_trips_through_json_with_wire_names() {
    let capture = DataCaptureConfig::builder()
        .enable_capture(true)
        .initial_sampling_percentage(50)
        .destination_s3_uri("s3://bucket/prefix")
        .capture_options(vec![
            CaptureOption::builder()
                .capture_mode(CaptureMode::Input)
                .build()
                .unwrap(),
            CaptureOption::builder()
                .capture_mode("Output")
                .build()
                .unwrap(),
        ])
        .build()
        .unwrap();
    let serverless = ProductionVariantServerlessConfig::builder()
        .memory_size_in_mb(2048)
        .max_concurrency(5)
        .build()
        .unwrap();
    let mut second = variant("v2");
    second.serverless_config = Some(serverless);
    second.instance_type = None;
    let r = CreateEndpointConfigInput::builder()
        .endpoint_config_name("my-config")
        .production_variants(vec![variant("v1"), second])
        .data_capture_config(capture)
        .tags(vec![Tag::builder()
            .key("team")
            .value("ml")
            .build()
            .unwrap()])
        .kms_key_id("alias/key")
        .enable_network_isolation(false)
        .build()
        .unwrap();
    r.validate().unwrap();
    let wire = serde_json::to_value(&r).unwrap();
    assert_eq!(
        wire,
        json!({
            "EndpointConfigName": "my-config",
            "ProductionVariants": [
                {"VariantName": "v1", "ModelName": "my-model", "InitialInstanceCount": 1,
                 "InstanceType": "ml.t2.medium", "InitialVariantWeight": 1.0},
                {"VariantName": "v2", "ModelName": "my-model", "InitialInstanceCount": 1,
                 "InitialVariantWeight": 1.0,
                 "ServerlessConfig": {"MemorySizeInMB": 2048, "MaxConcurrency": 5}}
            ],
            "DataCaptureConfig": {
                "EnableCapture": true, "InitialSamplingPercentage": 50,
                "DestinationS3Uri": "s3://bucket/prefix",
                "CaptureOptions": [{"CaptureMode": "Input"}, {"CaptureMode": "Output"}]
            },
            "Tags": [{"Key": "team", "Value": "ml"}],
            "KmsKeyId": "alias/key",
            "EnableNetworkIsolation": false
        })
    );
    let text = serde_json::to_string(&r).unwrap();
    let back: CreateEndpointConfigInput = serde_json::from_str(&text).unwrap();
    assert_eq!(back, r);
}

#[test]
fn timestamps_read_epoch_seconds_and_write_them_back() {
    let out: DescribeEndpointConfigOutput = serde_json::from_value(json!({
        "EndpointConfigName": "c",
        "EndpointConfigArn": "arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/c",
        "ProductionVariants": [],
        "CreationTime": 1700000000.5
    }))
    .unwrap();
    let t = out.creation_time.unwrap();
    assert_eq!(t, DateTime::from_secs_nanos(1_700_000_000, 500_000_000));
    assert_eq!(t.to_rfc3339(), "2023-11-14T22:13:20.5Z");
    assert_eq!(
        serde_json::to_value(&out).unwrap()["CreationTime"],
        json!(1700000000.5)
    );
}
