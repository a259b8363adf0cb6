//! The endpoint rule set in the IR: read from the Smithy trait and from botocore's
//! `endpoint-rule-set-1.json`, kept (without documentation) in the committed projection, usable by
//! the runtime's evaluator; a rule set the evaluator refuses is a load error naming where it is.

use awsgen_runtime::endpoints::{built_in, Params, RuleSet};
use codegen::load::load_file;
use serde_json::{json, Value};
use std::path::Path;

fn resolve(rules: &Value, region: &str) -> String {
    let rules = RuleSet::from_value(rules).expect("rule set parses");
    let params = Params::new().built_in(built_in::REGION, region);
    rules.resolve(&params).expect("resolves").url
}

#[test]
fn both_forms_and_the_projection_carry_sagemaker_rules() {
    let smithy = load_file(&tests::sagemaker_smithy()).expect("Smithy SageMaker");
    let boto = load_file(&tests::sagemaker_botocore("1.37.23")).expect("botocore SageMaker");
    let projection = load_file(&tests::project_root().join("models/sagemaker.projection.json"))
        .expect("committed projection");
    for (what, model) in [
        ("smithy", &smithy),
        ("botocore", &boto),
        ("projection", &projection),
    ] {
        let rules = model
            .service
            .endpoint_rules
            .as_ref()
            .unwrap_or_else(|| panic!("{what}: no rules"));
        assert_eq!(
            resolve(rules, "eu-west-1"),
            "https://api.sagemaker.eu-west-1.amazonaws.com",
            "{what}"
        );
        assert_eq!(
            resolve(rules, "cn-north-1"),
            "https://api.sagemaker.cn-north-1.amazonaws.com.cn",
            "{what}"
        );
        assert!(
            !model
                .service
                .traits
                .other
                .contains_key("smithy.rules#endpointRuleSet"),
            "{what}: the rule set is also left in the raw traits"
        );
    }
    let committed = projection.service.endpoint_rules.unwrap();
    assert!(
        !committed.to_string().contains("\"documentation\""),
        "prose in the projection"
    );
    let original = smithy.service.endpoint_rules.unwrap();
    assert!(original.to_string().contains("\"documentation\""));
    assert_eq!(
        committed,
        codegen::project::rule_set_without_docs(&original)
    );
}

#[test]
fn botocore_without_a_rule_set_file_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let from = tests::sagemaker_botocore("1.37.23");
    let to = dir.path().join("service-2.json");
    std::fs::copy(&from, &to).unwrap();
    assert_eq!(load_file(&to).expect("loads").service.endpoint_rules, None);
}

#[test]
fn a_broken_botocore_rule_set_is_an_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join("service-2.json");
    std::fs::copy(tests::sagemaker_botocore("1.37.23"), &to).unwrap();
    let rules = json!({"version": "1.0", "parameters": {}, "rules": [
        {"type": "endpoint", "conditions": [{"fn": "aws.noSuchFunction", "argv": []}],
         "endpoint": {"url": "https://x"}}]});
    std::fs::write(
        dir.path().join("endpoint-rule-set-1.json"),
        rules.to_string(),
    )
    .unwrap();
    let err = load_file(&to)
        .expect_err("a broken rule set must not load")
        .to_string();
    assert!(err.contains("endpoint-rule-set-1.json"), "{err}");
    assert!(
        err.contains("unknown function `aws.noSuchFunction`"),
        "{err}"
    );
}

#[test]
fn a_broken_smithy_rule_set_is_an_error_naming_the_service() {
    let model = json!({"smithy": "2.0", "shapes": {"example#Svc": {"type": "service", "version": "1",
        "traits": {"aws.protocols#awsJson1_1": {}, "aws.api#service": {"sdkId": "Svc"},
            "smithy.rules#endpointRuleSet": {"version": "1.0", "parameters": {},
                "rules": [{"type": "endpoint", "endpoint": {"url": "https://{Region"}}]}}}}});
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("svc.json");
    std::fs::write(&path, model.to_string()).unwrap();
    let err = load_file(Path::new(&path))
        .expect_err("must not load")
        .to_string();
    assert!(err.contains("example#Svc"), "{err}");
    assert!(err.contains("smithy.rules#endpointRuleSet"), "{err}");
    assert!(err.contains("unclosed"), "{err}");
}

/// S3's real rule set through the built-ins a client configures (not parameter names): virtual-host
/// and path-style addressing, a custom endpoint (a local server), and the signing scheme.
#[test]
fn s3_through_built_ins() {
    let path = tests::smithy_model("s3");
    let model: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let rules = model["shapes"]["com.amazonaws.s3#AmazonS3"]["traits"]
        ["smithy.rules#endpointRuleSet"]
        .clone();
    let rules = RuleSet::from_value(&rules).expect("S3 rule set parses");
    let base = Params::new()
        .built_in(built_in::REGION, "us-west-2")
        .set("Bucket", "my-bucket");
    let virtual_host = rules.resolve(&base).expect("virtual host");
    assert_eq!(
        virtual_host.url,
        "https://my-bucket.s3.us-west-2.amazonaws.com"
    );
    let schemes = virtual_host.auth_schemes();
    assert_eq!(schemes[0].name, "sigv4");
    assert_eq!(schemes[0].signing_name.as_deref(), Some("s3"));
    assert_eq!(schemes[0].signing_region.as_deref(), Some("us-west-2"));
    assert!(schemes[0].disable_double_encoding);
    let path_style = base.clone().built_in(built_in::S3_FORCE_PATH_STYLE, true);
    assert_eq!(
        rules.resolve(&path_style).unwrap().url,
        "https://s3.us-west-2.amazonaws.com/my-bucket"
    );
    let local = path_style.built_in(built_in::ENDPOINT, "http://127.0.0.1:9000");
    assert_eq!(
        rules.resolve(&local).unwrap().url,
        "http://127.0.0.1:9000/my-bucket"
    );
    let fips_accelerate = base
        .built_in(built_in::USE_FIPS, true)
        .built_in(built_in::S3_ACCELERATE, true);
    let err = rules
        .resolve(&fips_accelerate)
        .expect_err("S3 refuses FIPS with acceleration");
    assert!(
        err.to_string()
            .contains("Accelerate cannot be used with FIPS"),
        "{err}"
    );
}
