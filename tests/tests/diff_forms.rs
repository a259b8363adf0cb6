//! The same API in two forms: the SageMaker Smithy model against botocore 1.37.23 (same API version)
//! diffs as the known shape rename only; a model against itself diffs as nothing.

use codegen::diff::{self, EventId, Mode, Severity};
use codegen::Model;

fn smithy() -> Model {
    codegen::load::load_file(&tests::sagemaker_smithy()).expect("Smithy model loads")
}

fn botocore(v: &str) -> Model {
    codegen::load::load_file(&tests::sagemaker_botocore(v)).expect("botocore model loads")
}

#[test]
fn smithy_and_botocore_of_one_version_differ_in_nothing() {
    let (s, b) = (smithy(), botocore("1.37.23"));
    // botocore calls `SynthesizedJsonHumanLoopActivationConditions` `HumanLoopActivationConditions`:
    // across forms a target that only one model has is a rename, compared as a pair (no change).
    let events = diff::diff(&s, &b);
    assert!(events.is_empty(), "{}", diff::report::text(&events));
    assert!(diff::diff(&b, &s).is_empty());
    // Compared with every fact, the rename is a removal, an addition and the member targeting it.
    let strict = diff::diff_with_mode(&s, &b, Mode::SameForm);
    for (id, shape) in [
        (EventId::ShapeAdded, "HumanLoopActivationConditions"),
        (
            EventId::MemberTargetChanged,
            "HumanLoopActivationConditionsConfig$HumanLoopActivationConditions",
        ),
        (
            EventId::ShapeRemoved,
            "SynthesizedJsonHumanLoopActivationConditions",
        ),
    ] {
        assert!(
            strict.iter().any(|e| e.id == id && e.shape == shape),
            "{id} {shape}"
        );
    }
}

#[test]
fn the_comparison_is_not_vacuous() {
    let (s, b) = (smithy(), botocore("1.37.23"));
    // Documentation really differs in whitespace and escaping between the two files...
    let raw_differs = s
        .shapes
        .iter()
        .filter(|(id, shape)| {
            b.shapes.get(*id).is_some_and(|o| {
                o.traits.documentation.is_some()
                    && o.traits.documentation != shape.traits.documentation
            })
        })
        .count();
    assert!(raw_differs > 200, "{raw_differs}");
    // ...and compared field by field with every fact (same-form mode), the two files differ in what
    // the cross-form mode documents as form-only: enum member names, `input` / `output`, pattern
    // anchoring, pagination kept in botocore's separate paginators file, a union botocore keeps as a
    // structure, and member order.
    let strict = diff::diff_with_mode(&s, &b, Mode::SameForm);
    let has = |id: EventId, shape: &str| strict.iter().any(|e| e.id == id && e.shape == shape);
    assert!(has(
        EventId::ShapeTypeChanged,
        "TrialComponentParameterValue"
    ));
    assert!(has(EventId::MembersReordered, "MetricDatum"));
    assert!(has(EventId::PaginatedChanged, "ListProjects"));
    assert!(has(EventId::InputTraitRemoved, "CreateEndpointConfigInput"));
    assert!(strict.iter().any(|e| e.id == EventId::PatternChanged));
    assert!(strict.len() > 500, "{}", strict.len());
}

#[test]
fn a_model_against_itself_is_nothing() {
    let s = smithy();
    assert!(diff::diff(&s, &s).is_empty());
    assert!(diff::diff(&s, &smithy()).is_empty());
    for v in ["1.35.0", "1.37.23", "1.44.8"] {
        let b = botocore(v);
        assert!(diff::diff(&b, &botocore(v)).is_empty(), "{v}");
    }
}

#[test]
fn restricted_to_the_endpoint_config_operations() {
    let ops: Vec<String> = [
        "CreateEndpointConfig",
        "DescribeEndpointConfig",
        "ListEndpointConfigs",
        "DeleteEndpointConfig",
    ]
    .map(String::from)
    .to_vec();
    let events =
        diff::diff_operations(&botocore("1.35.0"), &botocore("1.44.8"), &ops).expect("diff");
    let full = diff::diff(&botocore("1.35.0"), &botocore("1.44.8"));
    assert!(!events.is_empty() && events.len() < full.len() / 4);
    // Everything kept is in the full diff too, and nothing outside the closure shows up.
    for e in &events {
        assert!(full.contains(e), "{e}");
    }
    assert!(events.iter().all(|e| e.id != EventId::OperationAdded));
    assert!(events
        .iter()
        .any(|e| e.shape == "ProductionVariant$InstancePools" && e.id == EventId::MemberAdded));
    assert!(diff::diff_operations(&smithy(), &smithy(), &["NoSuchOperation".into()]).is_err());
}

/// Smithy (same API as botocore 1.37.23) -> botocore 1.44.8 across forms finds the same real changes as
/// botocore 1.37.23 -> 1.44.8 within one form: the verdict does not depend on the old model's form.
#[test]
fn the_old_models_form_does_not_change_the_real_changes() {
    use std::collections::BTreeSet;
    let newest = botocore("1.44.8");
    // Across forms constraints are compared per member (the member's own or its target's), within
    // one form on the shape that carries them: those events are counted, not matched by place.
    let constraint = |id: EventId| {
        matches!(
            id,
            EventId::LengthTightened
                | EventId::LengthLoosened
                | EventId::RangeTightened
                | EventId::RangeLoosened
                | EventId::PatternAdded
                | EventId::PatternChanged
                | EventId::PatternRemoved
                | EventId::TimestampFormatChanged
        )
    };
    let cross_all = diff::diff(&smithy(), &newest);
    let same_all = diff::diff(&botocore("1.37.23"), &newest);
    let count = |e: &[diff::Event]| e.iter().filter(|e| constraint(e.id)).count();
    assert!(count(&cross_all) > 0 && count(&same_all) > 0);
    let key = |events: Vec<diff::Event>| -> BTreeSet<(EventId, String, Severity)> {
        events
            .into_iter()
            .filter(|e| !constraint(e.id))
            .map(|e| (e.id, e.shape, e.severity))
            .collect()
    };
    let cross = key(cross_all);
    let same = key(same_all);
    let shared = cross.intersection(&same).count();
    assert!(shared > 1500, "{shared}");
    // Only across forms: the rename, and ListProjects' pagination (botocore 1.37.23 has none).
    let only_cross: Vec<_> = cross.difference(&same).collect();
    for (id, shape, _) in &only_cross {
        assert!(
            shape.contains("HumanLoopActivationConditions") || shape == "ListProjects",
            "{id} {shape}"
        );
    }
    // Only within botocore: what cross-form mode leaves out (`box`, member order, pagination present
    // on one side, documentation), and a member retargeted to a shape the old model lacks, which
    // across forms is indistinguishable from botocore's renaming: the two targets are compared
    // instead (no name change is reported, a content change is).
    let mut retargeted = 0;
    for (id, shape, _) in same.difference(&cross) {
        if matches!(id, EventId::MemberTargetChanged | EventId::ShapeAdded) {
            retargeted += 1;
            continue;
        }
        assert!(
            matches!(
                id,
                EventId::TraitAdded
                    | EventId::TraitRemoved
                    | EventId::MembersReordered
                    | EventId::DocumentationChanged
            ),
            "{id} {shape}"
        );
    }
    assert!(retargeted < 20, "{retargeted}");
}
