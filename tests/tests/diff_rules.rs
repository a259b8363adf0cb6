//! One synthetic edit per row of `diff-rules.md`, applied to a small Smithy model written for this
//! test (`tests/fixtures/diff/base.json`) and loaded through the real front-end: each edit gives
//! exactly its event and severity.

use codegen::diff::{self, EventId, Severity};
use serde_json::{json, Map, Value};
use std::path::PathBuf;

const NS: &str = "example.diff#";

fn fixture(name: &str) -> PathBuf {
    tests::project_root().join("tests/fixtures/diff").join(name)
}

fn base_json() -> Value {
    let text = std::fs::read_to_string(fixture("base.json")).expect("fixture");
    serde_json::from_str(&text).expect("fixture is JSON")
}

fn load(v: &Value) -> codegen::Model {
    codegen::sync::load_bytes("fixture.json", v.to_string().as_bytes())
        .unwrap_or_else(|e| panic!("fixture does not load: {e}"))
}

/// The shape `name` (without namespace) inside the model JSON.
fn shape<'a>(v: &'a mut Value, name: &str) -> &'a mut Value {
    v["shapes"]
        .get_mut(format!("{NS}{name}"))
        .unwrap_or_else(|| panic!("no shape {name}"))
}

fn traits<'a>(v: &'a mut Value, name: &str) -> &'a mut Map<String, Value> {
    let s = shape(v, name);
    if s.get("traits").is_none() {
        s["traits"] = json!({});
    }
    s["traits"].as_object_mut().expect("traits")
}

fn member<'a>(v: &'a mut Value, name: &str, m: &str) -> &'a mut Value {
    &mut shape(v, name)["members"][m]
}

fn member_traits<'a>(v: &'a mut Value, name: &str, m: &str) -> &'a mut Map<String, Value> {
    let x = member(v, name, m);
    if x.get("traits").is_none() {
        x["traits"] = json!({});
    }
    x["traits"].as_object_mut().expect("traits")
}

fn members<'a>(v: &'a mut Value, name: &str) -> &'a mut Map<String, Value> {
    shape(v, name)["members"].as_object_mut().expect("members")
}

fn kind(v: &mut Value) -> &mut Map<String, Value> {
    members(v, "Kind")
}

fn op(v: &mut Value) -> &mut Value {
    shape(v, "Op")
}

/// Apply `edit` to the base model: the diff must be exactly one event `(id, severity, shape)`.
#[track_caller]
fn check<R>(edit: impl FnOnce(&mut Value) -> R, id: EventId, severity: Severity, at: &str) {
    let old = base_json();
    let mut new = old.clone();
    edit(&mut new);
    let events = diff::diff(&load(&old), &load(&new));
    let got: Vec<(EventId, Severity, &str)> = events
        .iter()
        .map(|e| (e.id, e.severity, e.shape.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![(id, severity, at)],
        "{}",
        diff::report::text(&events)
    );
}

/// Apply `edit` to the base model, then `change` to a copy: the diff between the two is one event.
#[track_caller]
fn check_from<R, S>(
    edit: impl FnOnce(&mut Value) -> R,
    change: impl FnOnce(&mut Value) -> S,
    id: EventId,
    severity: Severity,
    at: &str,
) {
    let mut old = base_json();
    edit(&mut old);
    let mut new = old.clone();
    change(&mut new);
    let events = diff::diff(&load(&old), &load(&new));
    let got: Vec<(EventId, Severity, &str)> = events
        .iter()
        .map(|e| (e.id, e.severity, e.shape.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![(id, severity, at)],
        "{}",
        diff::report::text(&events)
    );
}

use EventId::*;
use Severity::{Danger, Error, Note, Warning};

#[path = "diff_rules/more.rs"]
mod more;

#[test]
fn the_base_against_itself_is_nothing() {
    let m = load(&base_json());
    assert!(diff::diff(&m, &m).is_empty());
}

#[test]
fn shapes_added_removed_retyped() {
    check(
        |v| v["shapes"][format!("{NS}New")] = json!({"type": "blob"}),
        ShapeAdded,
        Note,
        "New",
    );
    check(
        |v| {
            v["shapes"]
                .as_object_mut()
                .unwrap()
                .remove(&format!("{NS}Spare"));
        },
        ShapeRemoved,
        Error,
        "Spare",
    );
    check(
        |v| {
            v["shapes"]
                .as_object_mut()
                .unwrap()
                .remove(&format!("{NS}Loose"));
        },
        ShapeRemoved,
        Warning,
        "Loose",
    );
    check(
        |v| shape(v, "Loose")["type"] = json!("integer"),
        ShapeTypeChanged,
        Error,
        "Loose",
    );
}

#[test]
fn string_with_enum_trait_vs_enum_shape_and_set_vs_unique_list_are_no_change() {
    let old = codegen::load::load_file(&fixture("enum-trait-and-set.json")).expect("1.0 fixture");
    let new =
        codegen::load::load_file(&fixture("enum-shape-and-unique-list.json")).expect("2.0 fixture");
    let events = diff::diff(&old, &new);
    assert!(events.is_empty(), "{}", diff::report::text(&events));
}

#[test]
fn member_targets() {
    // integer -> string: the target type changes.
    check(
        |v| member(v, "OpInput", "Count")["target"] = json!(format!("{NS}Plain")),
        MemberTargetChanged,
        Error,
        "OpInput$Count",
    );
    // The target is a union.
    check(
        |v| member(v, "OpInput", "Tags")["target"] = json!(format!("{NS}Choice")),
        MemberTargetChanged,
        Error,
        "OpInput$Tags",
    );
    // string -> string with no constraints: a loosening only, so WARNING.
    check(
        |v| member(v, "OpInput", "Name")["target"] = json!(format!("{NS}Plain")),
        MemberTargetChanged,
        Warning,
        "OpInput$Name",
    );
    // (a same-type target with a tighter constraint: see the next test)
}

#[test]
fn member_target_raised_to_the_worst_change() {
    let mut old = base_json();
    traits(&mut old, "Loose").insert("smithy.api#length".into(), json!({"max": 10}));
    let mut new = old.clone();
    member(&mut new, "Oops", "Message")["target"] = json!(format!("{NS}Loose"));
    let e = diff::diff(&load(&old), &load(&new));
    assert_eq!(e.len(), 1, "{}", diff::report::text(&e));
    assert_eq!((e[0].id, e[0].severity), (MemberTargetChanged, Error));
}

#[test]
fn members_added_removed_reordered() {
    check(
        |v| members(v, "OpInput").insert("Extra".into(), json!({"target": format!("{NS}Plain")})),
        MemberAdded,
        Note,
        "OpInput$Extra",
    );
    check(
        |v| {
            members(v, "OpInput").insert(
                "Extra".into(),
                json!({"target": format!("{NS}Plain"), "traits": {"smithy.api#required": {}}}),
            )
        },
        RequiredMemberAdded,
        Error,
        "OpInput$Extra",
    );
    check(
        |v| {
            members(v, "OpInput").insert("Extra".into(), json!({"target": format!("{NS}Plain"), "traits": {"smithy.api#required": {}, "smithy.api#default": ""}}))
        },
        MemberAdded,
        Note,
        "OpInput$Extra",
    );
    check(
        |v| {
            members(v, "OpInput").insert("Extra".into(), json!({"target": format!("{NS}Plain"), "traits": {"smithy.api#required": {}, "smithy.api#clientOptional": {}}}))
        },
        MemberAdded,
        Note,
        "OpInput$Extra",
    );
    check(
        |v| {
            members(v, "OpInput").shift_remove("Kind");
        },
        MemberRemoved,
        Error,
        "OpInput$Kind",
    );
    check(
        |v| {
            let m = members(v, "OpOutput");
            let next = m.shift_remove("Next").unwrap();
            m.insert("Next".into(), next);
        },
        MembersReordered,
        Danger,
        "OpOutput",
    );
}

#[test]
fn required_client_optional_input_and_default() {
    check(
        |v| {
            member_traits(v, "OpInput", "Kind").insert("smithy.api#required".into(), json!({}));
        },
        RequiredAdded,
        Error,
        "OpInput$Kind",
    );
    check(
        |v| {
            member_traits(v, "OpInput", "Name").remove("smithy.api#required");
        },
        RequiredRemoved,
        Error,
        "OpInput$Name",
    );
    check(
        |v| {
            member_traits(v, "OpInput", "Opt").remove("smithy.api#clientOptional");
        },
        ClientOptionalRemoved,
        Error,
        "OpInput$Opt",
    );
    check(
        |v| {
            traits(v, "OpInput").remove("smithy.api#input");
        },
        InputTraitRemoved,
        Error,
        "OpInput",
    );
    check(
        |v| {
            member_traits(v, "OpInput", "Count").insert("smithy.api#default".into(), json!(1));
        },
        DefaultAdded,
        Error,
        "OpInput$Count",
    );
    check(
        |v| {
            member_traits(v, "OpInput", "Size").insert("smithy.api#default".into(), json!(7));
        },
        DefaultChanged,
        Danger,
        "OpInput$Size",
    );
    check(
        |v| {
            member_traits(v, "OpInput", "Size").insert("smithy.api#default".into(), json!(0));
        },
        DefaultChanged,
        Error,
        "OpInput$Size",
    );
}

#[test]
fn enum_value_changes() {
    let value =
        |s: &str| json!({"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": s}});
    check(
        |v| {
            kind(v).shift_remove("A");
        },
        EnumValueRemoved,
        Error,
        "Kind$A",
    );
    check(
        |v| {
            let b = kind(v).shift_remove("B").unwrap();
            kind(v).insert("BEE".into(), b);
        },
        EnumValueRenamed,
        Error,
        "Kind$BEE",
    );
    check(
        |v| {
            let b = kind(v).shift_remove("B").unwrap();
            kind(v).insert("C".into(), value("c"));
            kind(v).insert("B".into(), b);
        },
        EnumValueInserted,
        Error,
        "Kind$C",
    );
    check(
        |v| {
            kind(v).insert("C".into(), value("c"));
        },
        EnumValueAppended,
        Note,
        "Kind$C",
    );
}
