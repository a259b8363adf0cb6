//! Behaviour of the committed generated crate `sagemaker-endpoint-config` (the four endpoint-config
//! operations): builders, enums, validation paths and the JSON wire form.

use sagemaker_endpoint_config::error::{Bound, Detail, LengthUnit, RangeValue, Rule, Violation};
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

/// Every violation of `r`, in order.
fn all(r: &CreateEndpointConfigInput) -> Vec<Violation> {
    r.validate()
        .map_or_else(|e| e.into_violations(), |()| Vec::new())
}

#[test]
fn violation_details_carry_the_bound_limits_and_value() {
    let v = all(&request(&"a".repeat(64), vec![variant("v1")]));
    assert_eq!(
        v[0].detail,
        Detail::Length {
            bound: Bound::AboveMax,
            actual: 64,
            min: Some(0),
            max: Some(63),
            unit: LengthUnit::Characters
        }
    );
    assert_eq!(
        v[0].message,
        "too long: length 64 characters, expected between 0 and 63 characters"
    );
    assert_eq!(v[0].detail.bound(), Some(Bound::AboveMax));
    assert_eq!(
        v[1].detail,
        Detail::Pattern {
            pattern: "^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$"
        }
    );
    // Characters are Unicode scalar values: 63 of them (126 bytes) fit.
    let v = all(&request(&"é".repeat(64), vec![variant("v1")]));
    assert!(
        matches!(v[0].detail, Detail::Length { actual: 64, .. }),
        "{v:?}"
    );

    let v = all(&request("cfg", vec![]));
    assert_eq!(
        v[0].detail,
        Detail::Length {
            bound: Bound::BelowMin,
            actual: 0,
            min: Some(1),
            max: Some(10),
            unit: LengthUnit::Elements
        }
    );
    let v = all(&request(
        "cfg",
        (0..11).map(|i| variant(&format!("v{i}"))).collect(),
    ));
    assert_eq!(v[0].detail.bound(), Some(Bound::AboveMax));

    // `InitialVariantWeight` is a 32-bit float with `min: 0`; `InitialInstanceCount` an integer with `min: 1`.
    let mut light = variant("v1");
    light.initial_variant_weight = Some(-0.5);
    light.initial_instance_count = Some(0);
    light.instance_type = Some("ml.future.huge".into());
    light.variant_name = None;
    let v = all(&request("cfg", vec![light]));
    let details: Vec<(&str, &Detail)> = v.iter().map(|v| (v.path.as_str(), &v.detail)).collect();
    assert_eq!(
        details,
        [
            (
                "ProductionVariants[0].VariantName",
                &Detail::Required {
                    member: "VariantName"
                }
            ),
            (
                "ProductionVariants[0].InitialInstanceCount",
                &Detail::Range {
                    bound: Bound::BelowMin,
                    actual: RangeValue::Integer(0),
                    min: Some(RangeValue::Integer(1)),
                    max: None
                }
            ),
            (
                "ProductionVariants[0].InstanceType",
                &Detail::Enum {
                    type_name: "ProductionVariantInstanceType",
                    value: "ml.future.huge".into()
                }
            ),
            (
                "ProductionVariants[0].InitialVariantWeight",
                &Detail::Range {
                    bound: Bound::BelowMin,
                    actual: RangeValue::Float32(-0.5),
                    min: Some(RangeValue::Float32(0.0)),
                    max: None
                }
            ),
        ]
    );
    for v in &v {
        assert_eq!(v.rule, v.detail.rule(), "{v}");
        assert_eq!(v.message, v.detail.to_string());
    }
    assert_eq!(v[1].message, "too small: value 0, expected at least 1");
    assert_eq!(v[3].message, "too small: value -0.5, expected at least 0");
    // NaN is outside every range, on neither side.
    let mut nan = variant("v1");
    nan.initial_variant_weight = Some(f32::NAN);
    let v = all(&request("cfg", vec![nan]));
    assert_eq!(v[0].detail.bound(), Some(Bound::NotANumber), "{v:?}");
}

/// `InitialVariantWeight` is an `f32`: a finite number beyond its range is refused while reading
/// (it would otherwise become infinity and pass `min: 0`), the largest `f32` is read, and a number
/// below the smallest `f32` reads as zero (the documented precision edge: `-1e-50` is `-0.0`, which
/// `min: 0` accepts).
#[test]
fn f32_members_refuse_finite_numbers_that_would_overflow() {
    let read = |weight: serde_json::Value| {
        serde_json::from_value::<CreateEndpointConfigInput>(json!({
            "EndpointConfigName": "cfg",
            "ProductionVariants": [{"VariantName": "v", "InitialVariantWeight": weight}]
        }))
    };
    for big in [json!(3e39), json!(-3e39), json!(1e300)] {
        let err = read(big.clone()).unwrap_err().to_string();
        assert!(
            err.contains("is out of range for a 32-bit float"),
            "{big}: {err}"
        );
    }
    let weight = |r: &CreateEndpointConfigInput| {
        r.production_variants.as_ref().unwrap()[0].initial_variant_weight
    };
    let max = read(json!(f64::from(f32::MAX))).unwrap();
    assert_eq!(weight(&max), Some(f32::MAX));
    // Rounds to f32::MAX rather than overflowing.
    assert_eq!(weight(&read(json!(3.4028235e38)).unwrap()), Some(f32::MAX));
    assert_eq!(weight(&read(json!(7)).unwrap()), Some(7.0));
    let tiny = read(json!(-1e-50)).unwrap();
    assert!(weight(&tiny).is_some_and(|w| w == 0.0 && w.is_sign_negative()));
    assert!(tiny.validate().is_ok());
    // A value equal to its bound after rounding to f32 passes; the next f32 below fails.
    let mut r = request("cfg", vec![variant("v1")]);
    r.production_variants.as_mut().unwrap()[0].initial_variant_weight = Some(-f32::MIN_POSITIVE);
    assert_eq!(
        violations(&r),
        [(
            "ProductionVariants[0].InitialVariantWeight".to_string(),
            Rule::Range
        )]
    );
}

/// Non-finite floats travel as the strings `"NaN"`, `"Infinity"` and `"-Infinity"` (the JSON
/// protocols' rule), both ways; any other string is refused, naming what a float may be.
#[test]
fn non_finite_floats_are_written_and_read_as_strings() {
    for (value, text) in [
        (f32::NAN, "NaN"),
        (f32::INFINITY, "Infinity"),
        (f32::NEG_INFINITY, "-Infinity"),
    ] {
        let mut v = variant("v1");
        v.initial_variant_weight = Some(value);
        let wire = serde_json::to_value(request("cfg", vec![v])).unwrap();
        assert_eq!(
            wire["ProductionVariants"][0]["InitialVariantWeight"],
            json!(text)
        );
        let back: CreateEndpointConfigInput = serde_json::from_value(wire).unwrap();
        let w = back.production_variants.unwrap()[0]
            .initial_variant_weight
            .unwrap();
        assert_eq!(w.to_string(), value.to_string(), "{text}");
    }
    let err = serde_json::from_value::<CreateEndpointConfigInput>(json!({
        "EndpointConfigName": "cfg",
        "ProductionVariants": [{"VariantName": "v", "InitialVariantWeight": "nan"}]
    }))
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("\"NaN\", \"Infinity\" or \"-Infinity\""),
        "{err}"
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
