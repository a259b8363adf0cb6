//! Hostile input to the endpoint rules engine never panics: every rule set of the corpus, mutated
//! one node at a time (a node replaced by a value of the wrong kind, a broken template, an unknown
//! reference, ...), either fails to parse with an error or resolves to an endpoint or an error, for
//! ordinary and for hostile parameter values. Deterministic (no randomness), so a failure repeats.

use awsgen_runtime::endpoints::{built_in, Params, RuleSet, Value};
use rayon::prelude::*;
use serde_json::{json, Value as Json};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Mutations tried per rule set (each replaces one node, chosen by stepping through all nodes).
const MUTATIONS: usize = 40;

fn replacements() -> Vec<Json> {
    vec![
        Json::Null,
        json!(0),
        json!(-1),
        json!(1e300),
        json!(""),
        json!("{"),
        json!("{Nope}"),
        json!("{Region#a[99999999999999999999]}"),
        json!("\u{1F600}{{}}\u{e9}"),
        json!([]),
        json!({}),
        json!({"fn": "not", "argv": []}),
        json!({"fn": "substring", "argv": [{"ref": "Region"}, 5, 1, true]}),
        json!({"fn": "getAttr", "argv": [{"ref": "Region"}, "[0].x"]}),
        json!({"ref": "Nope"}),
        json!(true),
        json!("x".repeat(10_000)),
    ]
}

/// Every JSON node's path (object keys and array indexes), in document order.
fn paths(v: &Json, here: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(here.clone());
    match v {
        Json::Object(o) => o.iter().for_each(|(k, c)| {
            here.push(Step::Key(k.clone()));
            paths(c, here, out);
            here.pop();
        }),
        Json::Array(a) => a.iter().enumerate().for_each(|(i, c)| {
            here.push(Step::Index(i));
            paths(c, here, out);
            here.pop();
        }),
        _ => {}
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn node_mut<'a>(v: &'a mut Json, path: &[Step]) -> &'a mut Json {
    path.iter().fold(v, |v, s| match s {
        Step::Key(k) => &mut v[k.as_str()],
        Step::Index(i) => &mut v[*i],
    })
}

fn hostile_params() -> Vec<Params> {
    let ordinary = Params::new()
        .built_in(built_in::REGION, "us-east-1")
        .built_in(built_in::USE_FIPS, true)
        .built_in(built_in::USE_DUAL_STACK, true);
    vec![
        Params::new(),
        ordinary.clone(),
        ordinary
            .clone()
            .built_in(built_in::ENDPOINT, "https://[::1]:99999/\u{e9}?x#y"),
        Params::new()
            .built_in(built_in::REGION, "")
            .built_in(built_in::ENDPOINT, "http://"),
        Params::new()
            .built_in(built_in::REGION, "a b\u{0}{}")
            .set("Bucket", "arn:aws:s3:::::/:/"),
        ordinary
            .set("Bucket", "a.b--x-s3")
            .set("Key", "\u{1F600}")
            .set("UseArnRegion", true),
    ]
}

fn resolve_all(rules: &RuleSet, params: &[Params]) {
    for p in params {
        let _ = rules.resolve(p);
    }
}

#[test]
fn mutated_corpus_rule_sets_never_panic() {
    let models = tests::all_smithy_models();
    assert_eq!(models.len(), 402, "the corpus changed");
    let params = hostile_params();
    let replacements = replacements();
    let (tried, parsed): (usize, usize) = models
        .par_iter()
        .map(|path| {
            let model: Json = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
            let shapes = model["shapes"].as_object().expect("shapes");
            let rules = shapes
                .values()
                .find_map(|s| s["traits"].get("smithy.rules#endpointRuleSet"))
                .unwrap_or_else(|| panic!("{}: no endpoint rule set", path.display()));
            let parsed = RuleSet::from_value(rules).expect("the upstream rule set parses");
            resolve_all(&parsed, &params);
            let mut all = Vec::new();
            paths(rules, &mut Vec::new(), &mut all);
            let (mut tried, mut parsed) = (0, 0);
            for m in 0..MUTATIONS {
                // Step through the nodes with a stride coprime to most sizes, so mutations spread out.
                let node = &all[(1 + m * 7919) % all.len()];
                let mut mutated = rules.clone();
                *node_mut(&mut mutated, node) = replacements[m % replacements.len()].clone();
                let outcome = catch_unwind(AssertUnwindSafe(|| {
                    let r = RuleSet::from_value(&mutated).ok()?;
                    resolve_all(&r, &params);
                    Some(())
                }));
                let outcome = outcome.unwrap_or_else(|_| {
                    panic!(
                        "{}: {}: mutation {m} panicked",
                        path.display(),
                        path_text(node)
                    )
                });
                tried += 1;
                parsed += usize::from(outcome.is_some());
            }
            (tried, parsed)
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    assert_eq!(tried, 402 * MUTATIONS);
    println!("{tried} mutated rule sets, {parsed} of them parsed and were resolved");
    // About a quarter of the mutations still parse (a string or a value of the right kind put
    // inside a rule): the test exercises resolution of mutated rules, not only the parser.
    assert!(
        parsed * 5 > tried,
        "only {parsed} of {tried} mutated rule sets parsed"
    );
}

fn path_text(path: &[Step]) -> String {
    path.iter()
        .map(|s| match s {
            Step::Key(k) => format!("/{k}"),
            Step::Index(i) => format!("/{i}"),
        })
        .collect()
}

#[test]
fn hostile_parameter_values_resolve_to_values() {
    // A parameter of the wrong type is an error, not a panic and not a silent coercion.
    let rules = RuleSet::from_json(
        r#"{"version":"1.0","parameters":{"Region":{"type":"String","builtIn":"AWS::Region"}},
            "rules":[{"type":"endpoint","conditions":[],"endpoint":{"url":"https://{Region}"}}]}"#,
    )
    .unwrap();
    for bad in [
        Value::Bool(true),
        Value::Integer(3),
        Value::Array(vec![Value::Bool(false)]),
    ] {
        assert!(rules.resolve(&Params::new().set("Region", bad)).is_err());
    }
    assert!(
        rules.resolve(&Params::new()).is_err(),
        "unset Region in a template"
    );
}
