//! The rest of the rows: length and range, patterns, operations, wire traits, documentation,
//! deprecation and other traits.

use super::*;

#[test]
fn length_and_range() {
    let length = |v: &mut Value, b: Value| {
        traits(v, "Name").insert("smithy.api#length".into(), b);
    };
    check(
        |v| length(v, json!({"min": 2, "max": 64})),
        LengthTightened,
        Error,
        "Name",
    );
    check(
        |v| length(v, json!({"min": 1, "max": 63})),
        LengthTightened,
        Error,
        "Name",
    );
    check(
        |v| {
            traits(v, "Loose").insert("smithy.api#length".into(), json!({"max": 9}));
        },
        LengthTightened,
        Error,
        "Loose",
    );
    check(
        |v| length(v, json!({"min": 1, "max": 65})),
        LengthLoosened,
        Note,
        "Name",
    );
    check(
        |v| length(v, json!({"max": 64})),
        LengthLoosened,
        Note,
        "Name",
    );
    check(
        |v| {
            traits(v, "Count").insert("smithy.api#range".into(), json!({"min": 1, "max": 100}));
        },
        RangeTightened,
        Error,
        "Count",
    );
    check(
        |v| {
            traits(v, "Count").insert("smithy.api#range".into(), json!({"min": 0, "max": 1000}));
        },
        RangeLoosened,
        Note,
        "Count",
    );
}

#[test]
fn patterns() {
    check(
        |v| {
            traits(v, "Loose").insert("smithy.api#pattern".into(), json!("^x$"));
        },
        PatternAdded,
        Warning,
        "Loose",
    );
    check(
        |v| {
            traits(v, "Name").insert("smithy.api#pattern".into(), json!("^[a-z0-9]+$"));
        },
        PatternChanged,
        Note,
        "Name",
    );
}

#[test]
fn operation_changes() {
    check(
        |v| op(v)["input"] = json!({"target": format!("{NS}Spare")}),
        OperationInputChanged,
        Error,
        "Op",
    );
    check(
        |v| op(v)["output"] = json!({"target": format!("{NS}Spare")}),
        OperationOutputChanged,
        Error,
        "Op",
    );
    check(
        |v| {
            v["shapes"][format!("{NS}Op2")] = json!({"type": "operation", "input": {"target": "smithy.api#Unit"}, "output": {"target": "smithy.api#Unit"}});
            v["shapes"][format!("{NS}Svc")]["operations"]
                .as_array_mut()
                .unwrap()
                .push(json!({"target": format!("{NS}Op2")}));
        },
        OperationAdded,
        Note,
        "Op2",
    );
    check_from(
        |v| {
            v["shapes"][format!("{NS}Op2")] = json!({"type": "operation"});
            v["shapes"][format!("{NS}Svc")]["operations"]
                .as_array_mut()
                .unwrap()
                .push(json!({"target": format!("{NS}Op2")}));
        },
        |v| {
            v["shapes"][format!("{NS}Svc")]["operations"]
                .as_array_mut()
                .unwrap()
                .pop();
            v["shapes"]
                .as_object_mut()
                .unwrap()
                .remove(&format!("{NS}Op2"));
        },
        OperationRemoved,
        Error,
        "Op2",
    );
    check_from(
        |v| traits(v, "Spare").insert("smithy.api#error".into(), json!("server")),
        |v| {
            op(v)["errors"]
                .as_array_mut()
                .unwrap()
                .push(json!({"target": format!("{NS}Spare")}))
        },
        OperationErrorAdded,
        Warning,
        "Op",
    );
    check_from(
        |v| {
            traits(v, "Spare").insert("smithy.api#error".into(), json!("server"));
            op(v)["errors"]
                .as_array_mut()
                .unwrap()
                .push(json!({"target": format!("{NS}Spare")}));
        },
        |v| {
            op(v)["errors"].as_array_mut().unwrap().pop();
        },
        OperationErrorRemoved,
        Warning,
        "Op",
    );
    check(
        |v| op(v)["traits"]["smithy.api#paginated"]["outputToken"] = json!("Items"),
        PaginatedChanged,
        Error,
        "Op",
    );
    check(
        |v| {
            op(v)["traits"]
                .as_object_mut()
                .unwrap()
                .remove("smithy.api#paginated");
        },
        PaginatedChanged,
        Error,
        "Op",
    );
}

#[test]
fn wire_traits() {
    check(
        |v| {
            member_traits(v, "OpInput", "Kind").insert("smithy.api#jsonName".into(), json!("kind"));
        },
        JsonNameChanged,
        Error,
        "OpInput$Kind",
    );
    check(
        |v| {
            member_traits(v, "OpInput", "When")
                .insert("smithy.api#timestampFormat".into(), json!("date-time"));
        },
        TimestampFormatChanged,
        Error,
        "OpInput$When",
    );
    check(
        |v| {
            member_traits(v, "OpInput", "Token").remove("smithy.api#idempotencyToken");
        },
        IdempotencyTokenRemoved,
        Error,
        "OpInput$Token",
    );
    check(
        |v| {
            traits(v, "Oops").insert("smithy.api#error".into(), json!("server"));
        },
        ErrorTraitChanged,
        Error,
        "Oops",
    );
    check(
        |v| {
            traits(v, "TagList").insert("smithy.api#sparse".into(), json!({}));
        },
        SparseChanged,
        Error,
        "TagList",
    );
}

#[test]
fn documentation_deprecation_and_other_traits() {
    check(
        |v| {
            traits(v, "OpInput").insert(
                "smithy.api#documentation".into(),
                json!("<p>Something else.</p>"),
            );
        },
        DocumentationChanged,
        Note,
        "OpInput",
    );
    // Re-wrapped prose is no change.
    let mut old = base_json();
    let mut new = old.clone();
    traits(&mut new, "OpInput").insert(
        "smithy.api#documentation".into(),
        json!("<p>The input of <code>Op</code>.</p>\n"),
    );
    assert!(diff::diff(&load(&old), &load(&new)).is_empty());
    check(
        |v| {
            traits(v, "Plain").insert("smithy.api#deprecated".into(), json!({}));
        },
        DeprecatedAdded,
        Warning,
        "Plain",
    );
    check(
        |v| {
            traits(v, "Plain").insert("smithy.api#tags".into(), json!(["a"]));
        },
        TraitAdded,
        Note,
        "Plain",
    );
    traits(&mut old, "Plain").insert("smithy.api#tags".into(), json!(["a"]));
    let mut changed = old.clone();
    traits(&mut changed, "Plain").insert("smithy.api#tags".into(), json!(["b"]));
    let e = diff::diff(&load(&old), &load(&changed));
    assert_eq!((e.len(), e[0].id, e[0].severity), (1, TraitChanged, Note));
    let e = diff::diff(&load(&old), &load(&base_json()));
    assert_eq!(
        (e.len(), e[0].id, e[0].severity),
        (1, TraitRemoved, Warning)
    );
}
