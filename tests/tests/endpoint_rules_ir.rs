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
