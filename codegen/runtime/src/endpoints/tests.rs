//! Resolution end to end on small hand-written rule sets: parameters (defaults, required,
//! built-ins, types), scoping of `assign`, tree and error rules, endpoint headers and properties,
//! and rule sets that must be refused when parsed.

use super::*;
use serde_json::json;

fn rules(parameters: serde_json::Value, rules: serde_json::Value) -> RuleSet {
    RuleSet::from_value(&json!({"version": "1.0", "parameters": parameters, "rules": rules}))
        .unwrap()
}

fn regional() -> RuleSet {
    rules(
        json!({
            "Region": {"type": "String", "builtIn": "AWS::Region"},
            "UseFIPS": {"type": "Boolean", "builtIn": "AWS::UseFIPS", "required": true, "default": false},
            "Endpoint": {"type": "String", "builtIn": "SDK::Endpoint"}
        }),
        json!([
            {"type": "error", "conditions": [
                {"fn": "isSet", "argv": [{"ref": "Endpoint"}]},
                {"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
             "error": "Invalid Configuration: FIPS and custom endpoint are not supported"},
            {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}],
             "endpoint": {"url": {"ref": "Endpoint"}}},
            {"type": "tree", "conditions": [
                {"fn": "isSet", "argv": [{"ref": "Region"}]},
                {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "P"}],
             "rules": [
                {"type": "endpoint",
                 "conditions": [{"fn": "booleanEquals", "argv": [{"ref": "UseFIPS"}, true]}],
                 "endpoint": {"url": "https://svc-fips.{Region}.{P#dnsSuffix}",
                              "headers": {"x-fips": ["yes", "{P#name}"]}}},
                {"type": "endpoint", "conditions": [],
                 "endpoint": {"url": "https://svc.{Region}.{P#dnsSuffix}",
                              "properties": {"authSchemes": [{"name": "sigv4",
                                  "signingName": "svc", "signingRegion": "{Region}",
                                  "disableDoubleEncoding": true}]}}}
             ]},
            {"type": "error", "conditions": [], "error": "Invalid Configuration: Missing Region"}
        ]),
    )
}

#[test]
fn built_ins_defaults_and_partitions() {
    let r = regional();
    let e = r
        .resolve(&Params::new().built_in(built_in::REGION, "us-gov-west-1"))
        .unwrap();
    assert_eq!(e.url, "https://svc.us-gov-west-1.amazonaws.com");
    let schemes = e.auth_schemes();
    assert_eq!(schemes.len(), 1);
    assert_eq!(schemes[0].name, "sigv4");
    assert_eq!(schemes[0].signing_name.as_deref(), Some("svc"));
    assert_eq!(schemes[0].signing_region.as_deref(), Some("us-gov-west-1"));
    assert!(schemes[0].disable_double_encoding);

    // A parameter given by name wins over the built-in.
    let fips = Params::new()
        .built_in(built_in::REGION, "x")
        .set("Region", "cn-north-1")
        .set("UseFIPS", true);
    let e = r.resolve(&fips).unwrap();
    assert_eq!(e.url, "https://svc-fips.cn-north-1.amazonaws.com.cn");
    assert_eq!(
        e.headers,
        vec![(
            "x-fips".to_owned(),
            vec!["yes".to_owned(), "aws-cn".to_owned()]
        )]
    );
    assert!(e.properties.is_empty());
}

#[test]
fn error_rules_and_custom_endpoints() {
    let r = regional();
    assert_eq!(
        r.resolve(&Params::new()),
        Err(Error::Rule("Invalid Configuration: Missing Region".into()))
    );
    let local = Params::new().built_in(built_in::ENDPOINT, "http://127.0.0.1:1234");
    assert_eq!(r.resolve(&local).unwrap().url, "http://127.0.0.1:1234");
    let both = local.set("UseFIPS", true);
    let err = r.resolve(&both).unwrap_err();
    assert_eq!(
        err.to_string(),
        "Invalid Configuration: FIPS and custom endpoint are not supported"
    );
}

#[test]
fn parameter_types_and_required() {
    let r = regional();
    assert!(matches!(
        r.resolve(&Params::new().set("Region", true)),
        Err(Error::InvalidParameter { name, .. }) if name == "Region"
    ));
    let required = rules(
        json!({"Bucket": {"type": "String", "required": true}}),
        json!([{"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{Bucket}"}}]),
    );
    assert_eq!(
        required.resolve(&Params::new()),
        Err(Error::MissingParameter("Bucket".into()))
    );
    assert_eq!(
        required
            .resolve(&Params::new().set("Bucket", "b"))
            .unwrap()
            .url,
        "https://b"
    );
    assert_eq!(required.parameters()[0].kind, ParamType::String);
}

#[test]
fn assign_is_scoped_to_its_rule_and_trees_are_terminal() {
    let tree = json!({"type": "tree", "conditions": [
        {"fn": "isSet", "argv": [{"ref": "Arn"}]},
        {"fn": "aws.parseArn", "argv": [{"ref": "Arn"}], "assign": "a"}],
     "rules": [{"type": "endpoint", "conditions": [
        {"fn": "stringEquals", "argv": [{"fn": "getAttr", "argv": [{"ref": "a"}, "resourceId[1]"]}, "x"]}],
        "endpoint": {"url": "https://{a#accountId}.{a#resourceId[0]}.example.com"}}]});
    let params = json!({"Arn": {"type": "String"}});
    let r = rules(
        params.clone(),
        json!([tree, {"type": "error", "conditions": [], "error": "no ARN"}]),
    );
    let arn = |s: &str| Params::new().set("Arn", s);
    assert_eq!(
        r.resolve(&arn("arn:aws:s3:r:123:bucket/x")).unwrap().url,
        "https://123.bucket.example.com"
    );
    // The tree's conditions held but no rule in it matched: an error, not the next rule.
    assert_eq!(
        r.resolve(&arn("arn:aws:s3:r:123:bucket/y")),
        Err(Error::NoRuleMatched)
    );
    assert_eq!(
        r.resolve(&arn("not an arn")),
        Err(Error::Rule("no ARN".into()))
    );

    // `a` is assigned only inside the tree: a later rule referring to it is refused when parsed.
    let leak =
        json!({"type": "endpoint", "conditions": [], "endpoint": {"url": "https://{a#service}"}});
    let set = json!({"version": "1.0", "parameters": params, "rules": [tree, leak]});
    match RuleSet::from_value(&set) {
        Err(Error::InvalidRuleSet(m)) => assert!(
            m.contains("rules[1].endpoint.url") && m.contains("`a`"),
            "{m}"
        ),
        other => panic!("{other:?}"),
    }
    // So is a reference in a condition before the `assign`, and an `assign` shadowing a parameter.
    let early = json!({"version": "1.0", "parameters": {"X": {"type": "String"}}, "rules": [
        {"type": "endpoint", "conditions": [
            {"fn": "isSet", "argv": [{"ref": "p"}]},
            {"fn": "aws.partition", "argv": [{"ref": "X"}], "assign": "p"}],
         "endpoint": {"url": "https://x"}}]});
    assert!(
        matches!(RuleSet::from_value(&early), Err(Error::InvalidRuleSet(m)) if m.contains("conditions[0]"))
    );
    let shadow = json!({"version": "1.0", "parameters": {"X": {"type": "String"}}, "rules": [
        {"type": "endpoint", "conditions": [{"fn": "aws.partition", "argv": [{"ref": "X"}], "assign": "X"}],
         "endpoint": {"url": "https://x"}}]});
    assert!(
        matches!(RuleSet::from_value(&shadow), Err(Error::InvalidRuleSet(m)) if m.contains("rebinds `X`"))
    );
}

#[test]
fn functions_in_rules() {
    let r = rules(
        json!({"Endpoint": {"type": "String"}, "Key": {"type": "String", "default": "a b/c"},
               "Names": {"type": "stringArray", "default": ["n0", "n1"]}}),
        json!([
            {"type": "endpoint", "conditions": [
                {"fn": "parseURL", "argv": [{"ref": "Endpoint"}], "assign": "u"},
                {"fn": "not", "argv": [{"fn": "getAttr", "argv": [{"ref": "u"}, "isIp"]}]},
                {"fn": "substring", "argv": [{"ref": "Endpoint"}, 0, 5, false], "assign": "s"},
                {"fn": "uriEncode", "argv": [{"ref": "Key"}], "assign": "k"},
                {"fn": "getAttr", "argv": [{"ref": "Names"}, "[1]"], "assign": "n"}],
             "endpoint": {"url": "{u#scheme}://{u#authority}{u#normalizedPath}{k}",
                          "properties": {"s": "{s}", "n": "{n}", "flag": true, "list": ["{{x}}"]}}},
            {"type": "error", "conditions": [], "error": "no: {Key}"}
        ]),
    );
    let e = r
        .resolve(&Params::new().set("Endpoint", "https://h.example:8443/p"))
        .unwrap();
    assert_eq!(e.url, "https://h.example:8443/p/a%20b%2Fc");
    assert_eq!(
        serde_json::Value::Object(e.properties),
        json!({"s": "https", "n": "n1", "flag": true, "list": ["{x}"]})
    );
    let ip = Params::new().set("Endpoint", "http://10.0.0.1");
    assert_eq!(r.resolve(&ip), Err(Error::Rule("no: a b/c".into())));
}

#[test]
fn malformed_rule_sets_are_refused() {
    let cases = [
        (json!({"rules": []}), "no `parameters`"),
        (
            json!({"parameters": {"X": {"type": "Integer"}}, "rules": []}),
            "unknown type",
        ),
        (
            json!({"parameters": {"X": {"type": "String", "default": true}}, "rules": []}),
            "default",
        ),
        (
            json!({"parameters": {}, "rules": [{"type": "endpoint", "conditions": [{"fn": "nope", "argv": []}],
            "endpoint": {"url": "x"}}]}),
            "unknown function `nope`",
        ),
        (
            json!({"parameters": {}, "rules": [{"type": "endpoint", "conditions": [{"fn": "not", "argv": [true, false]}],
            "endpoint": {"url": "x"}}]}),
            "takes 1 arguments",
        ),
        (
            json!({"parameters": {}, "rules": [{"type": "endpoint", "endpoint": {"url": "{oops"}}]}),
            "unclosed",
        ),
        (
            json!({"parameters": {}, "rules": [{"type": "weird"}]}),
            "unknown rule type",
        ),
        (
            json!({"parameters": {}, "rules": [{"type": "error"}]}),
            "no `error`",
        ),
        (
            json!({"parameters": {}, "rules": [{"type": "endpoint", "conditions": [{"ref": "x"}],
            "endpoint": {"url": "x"}}]}),
            "must be a function call",
        ),
    ];
    for (json, needle) in cases {
        match RuleSet::from_value(&json) {
            Err(Error::InvalidRuleSet(m)) => assert!(m.contains(needle), "{m:?} lacks {needle:?}"),
            other => panic!("{json} gave {other:?}"),
        }
    }
    assert!(matches!(
        RuleSet::from_json("{"),
        Err(Error::InvalidRuleSet(_))
    ));
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let mut tree = json!({"type": "endpoint", "conditions": [], "endpoint": {"url": "https://x"}});
    for _ in 0..200 {
        tree = json!({"type": "tree", "conditions": [], "rules": [tree]});
    }
    let set = json!({"parameters": {}, "rules": [tree]});
    assert!(
        matches!(RuleSet::from_value(&set), Err(Error::InvalidRuleSet(m)) if m.contains("deeper"))
    );
    let mut expr = json!({"ref": "X"});
    for _ in 0..200 {
        expr = json!({"fn": "not", "argv": [expr]});
    }
    let set = json!({"parameters": {"X": {"type": "Boolean"}},
        "rules": [{"type": "endpoint", "conditions": [expr], "endpoint": {"url": "https://x"}}]});
    assert!(
        matches!(RuleSet::from_value(&set), Err(Error::InvalidRuleSet(m)) if m.contains("deeper"))
    );
}

#[test]
fn unusable_results_are_errors() {
    let r = rules(
        json!({"Flag": {"type": "Boolean"}}),
        json!([{"type": "endpoint", "conditions": [], "endpoint": {"url": {"ref": "Flag"}}}]),
    );
    assert!(matches!(
        r.resolve(&Params::new()),
        Err(Error::Evaluation(_))
    ));
    let none = rules(json!({}), json!([]));
    assert_eq!(none.resolve(&Params::new()), Err(Error::NoRuleMatched));
}
