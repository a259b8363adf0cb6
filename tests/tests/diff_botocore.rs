//! SageMaker botocore 1.35.0 -> 1.44.8: specific events, and the complete list of events checked
//! against an independent computation that walks the two raw JSON files (and their paginators) with
//! serde_json, applying `diff-rules.md` to botocore's own vocabulary, without the code under test.

#[path = "diff_botocore/walk.rs"]
mod walk;

use codegen::diff::{self, Event, EventId, Severity};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use walk::{doc, Ev, Raw, Walk};

fn load(version: &str) -> codegen::Model {
    codegen::load::load_file(&tests::sagemaker_botocore(version)).expect("botocore model loads")
}

/// A JSON value with every `documentation` key removed, at any depth.
fn without_docs(v: Value) -> Value {
    match v {
        Value::Object(o) => Value::Object(
            o.into_iter()
                .filter(|(k, _)| k != "documentation")
                .map(|(k, v)| (k, without_docs(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(without_docs).collect()),
        other => other,
    }
}

fn find<'a>(events: &'a [Event], id: EventId, shape: &str) -> &'a Event {
    events
        .iter()
        .find(|e| e.id == id && e.shape == shape)
        .unwrap_or_else(|| panic!("no {id} event on {shape}"))
}

#[test]
fn sagemaker_botocore_1_35_0_to_1_44_8() {
    let events = diff::diff(&load("1.35.0"), &load("1.44.8"));

    // Specific events.
    for m in ["InstancePools", "CapacityReservationConfig"] {
        let e = find(
            &events,
            EventId::MemberAdded,
            &format!("ProductionVariant${m}"),
        );
        assert_eq!(e.severity, Severity::Note);
    }
    let appended = find(
        &events,
        EventId::EnumValueAppended,
        "ProductionVariantInstanceType$ml.p5.4xlarge",
    );
    assert_eq!(appended.severity, Severity::Note);
    assert_eq!(appended.message, "enum value \"ml.p5.4xlarge\" appended");
    let inserted = find(
        &events,
        EventId::EnumValueInserted,
        "ProductionVariantInstanceType$ml.m6i.large",
    );
    assert_eq!(inserted.severity, Severity::Error);
    let instance_types: Vec<&Event> = events
        .iter()
        .filter(|e| e.shape.starts_with("ProductionVariantInstanceType$"))
        .collect();
    assert!(instance_types.iter().all(|e| matches!(
        e.id,
        EventId::EnumValueAppended | EventId::EnumValueInserted
    )));
    assert_eq!(
        instance_types.len(),
        277 - 185,
        "every new instance type, nothing removed"
    );

    // The new operations are exactly those in 1.44.8's operations and not in 1.35.0's.
    let (old, new) = (Raw::load("1.35.0"), Raw::load("1.44.8"));
    let raw_new_ops: BTreeSet<&String> = new
        .ops()
        .keys()
        .filter(|o| !old.ops().contains_key(*o))
        .collect();
    let added_ops: BTreeSet<&String> = events
        .iter()
        .filter(|e| e.id == EventId::OperationAdded)
        .map(|e| &e.shape)
        .collect();
    assert_eq!(added_ops, raw_new_ops);
    assert!(added_ops.len() >= 50, "{}", added_ops.len());

    // The complete list, against the independent walk.
    let mut walk = Walk {
        old: &old,
        new: &new,
        out: Vec::new(),
    };
    walk.shapes();
    walk.operations();
    if doc(&old.json["documentation"]) != doc(&new.json["documentation"]) {
        let svc = new.json["metadata"]["targetPrefix"]
            .as_str()
            .unwrap()
            .to_string();
        walk.out
            .push(("DocumentationChanged".into(), "NOTE".into(), svc));
    }
    // The endpoint rule sets beside the two models, compared without any `documentation` key.
    let rules = |v: &str| {
        without_docs(walk::read(
            &tests::sagemaker_botocore(v).with_file_name("endpoint-rule-set-1.json"),
        ))
    };
    let rules_changed = rules("1.35.0") != rules("1.44.8");
    assert!(rules_changed, "the two versions' endpoint rules differ");
    let svc = new.json["metadata"]["targetPrefix"].as_str().unwrap();
    walk.out
        .push(("EndpointRulesChanged".into(), "NOTE".into(), svc.into()));
    let mut expected = walk.out;
    expected.sort();
    let mut got: Vec<Ev> = events
        .iter()
        .map(|e| (e.id.to_string(), e.severity.to_string(), e.shape.clone()))
        .collect();
    got.sort();
    let count = |v: &[Ev]| -> BTreeMap<String, usize> {
        let mut m = BTreeMap::new();
        for e in v {
            *m.entry(e.1.clone()).or_insert(0) += 1;
        }
        m
    };
    let only_got: Vec<&Ev> = got
        .iter()
        .filter(|e| !expected.contains(e))
        .take(20)
        .collect();
    let only_expected: Vec<&Ev> = expected
        .iter()
        .filter(|e| !got.contains(e))
        .take(20)
        .collect();
    assert!(
        only_got.is_empty() && only_expected.is_empty(),
        "only in the diff: {only_got:#?}\nonly in the walk: {only_expected:#?}"
    );
    assert_eq!(count(&got), count(&expected), "events per severity");
    assert_eq!(got, expected);
    // The counts per severity, as the JSON report gives them.
    let report = diff::report::json(&events);
    for (sev, n) in count(&expected) {
        assert_eq!(report["counts"][&sev], Value::from(n), "{sev}");
    }
    assert_eq!(report["breaking"], Value::Bool(true));
}
