//! One synthetic edit per row of `diff-rules.md`: each gives exactly its event and severity.

use super::*;

#[test]
fn a_model_against_itself_is_no_change() {
    assert!(diff(&base(), &base()).is_empty());
}

#[test]
fn shapes_added_removed_and_retyped() {
    check(
        |m| {
            m.shapes.insert("New".into(), shape("New", ShapeKind::Blob));
        },
        &[(ShapeAdded, Note, "New")],
    );
    check(
        |m| {
            m.shapes.remove("Spare");
        },
        &[(ShapeRemoved, Error, "Spare")],
    );
    check(
        |m| {
            m.shapes.remove("Plain");
        },
        &[(ShapeRemoved, Warning, "Plain")],
    );
    check(
        |m| m.shapes.get_mut("Plain").unwrap().kind = ShapeKind::Integer,
        &[(ShapeTypeChanged, Error, "Plain")],
    );
}

#[test]
fn member_targets() {
    check(
        |m| member_mut(m, "Input", "Name").target = "Other".into(),
        &[(MemberTargetChanged, Error, "Input$Name")],
    );
    check(
        |m| member_mut(m, "Input", "Count").target = "Plain".into(),
        &[(MemberTargetChanged, Error, "Input$Count")],
    );
    // Same type, same constraints except the new target has none: loosened only.
    check(
        |m| member_mut(m, "Input", "Name").target = "Plain".into(),
        &[(MemberTargetChanged, Warning, "Input$Name")],
    );
    // Same type but the new target is tighter: raised to ERROR.
    check(
        |m| {
            traits_mut(m, "Name2").length = Some(bounds(Some(5), Some(64)));
            member_mut(m, "Input", "Name").target = "Name2".into();
        },
        &[
            (MemberTargetChanged, Error, "Input$Name"),
            (LengthTightened, Error, "Name2"),
        ],
    );
    check(
        |m| member_mut(m, "Input", "Kind").target = "Plain".into(),
        &[(MemberTargetChanged, Error, "Input$Kind")],
    );
}

#[test]
fn members_added_removed_reordered() {
    check(
        |m| structure(m, "Input").push(member("Extra", "Plain")),
        &[(MemberAdded, Note, "Input$Extra")],
    );
    check(
        |m| {
            let mut x = member("Extra", "Plain");
            x.traits.required = true;
            structure(m, "Input").push(x);
        },
        &[(RequiredMemberAdded, Error, "Input$Extra")],
    );
    check(
        |m| {
            let mut x = member("Extra", "Plain");
            x.traits.required = true;
            x.traits.default = Some(json!(""));
            structure(m, "Input").push(x);
        },
        &[(MemberAdded, Note, "Input$Extra")],
    );
    check(
        |m| {
            let mut x = member("Extra", "Plain");
            x.traits.required = true;
            x.traits.client_optional = true;
            structure(m, "Input").push(x);
        },
        &[(MemberAdded, Note, "Input$Extra")],
    );
    check(
        |m| structure(m, "Input").retain(|x| x.name != "Tags"),
        &[(MemberRemoved, Error, "Input$Tags")],
    );
    check(
        |m| structure(m, "Input").swap(0, 1),
        &[(MembersReordered, Danger, "Input")],
    );
}

#[test]
fn required_client_optional_input_default() {
    check(
        |m| member_mut(m, "Input", "Name").traits.required = true,
        &[(RequiredAdded, Error, "Input$Name")],
    );
    let mut old = base();
    member_mut(&mut old, "Input", "Name").traits.required = true;
    member_mut(&mut old, "Input", "Name").traits.client_optional = true;
    let mut new = old.clone();
    member_mut(&mut new, "Input", "Name").traits.required = false;
    let e = diff(&old, &new);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].id, e[0].severity), (RequiredRemoved, Error));
    let mut new = old.clone();
    member_mut(&mut new, "Input", "Name").traits.client_optional = false;
    let e = diff(&old, &new);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].id, e[0].severity), (ClientOptionalRemoved, Error));

    check(
        |m| traits_mut(m, "Input").input = false,
        &[(InputTraitRemoved, Error, "Input")],
    );
    check(
        |m| member_mut(m, "Input", "Count").traits.default = Some(json!(3)),
        &[(DefaultAdded, Error, "Input$Count")],
    );
    check(
        |m| {
            let t = &mut member_mut(m, "Input", "Count").traits;
            t.default = Some(json!(3));
            t.added_default = true;
        },
        &[
            (DefaultAdded, Note, "Input$Count"),
            (TraitAdded, Note, "Input$Count"),
        ],
    );
}

#[test]
fn default_value_changes() {
    let mut old = base();
    member_mut(&mut old, "Input", "Count").traits.default = Some(json!(3));
    for (to, sev) in [(json!(4), Danger), (json!(0), Error)] {
        let mut new = old.clone();
        member_mut(&mut new, "Input", "Count").traits.default = Some(to);
        let e = diff(&old, &new);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].id, e[0].severity), (DefaultChanged, sev));
    }
    // From the zero value.
    let mut zero = base();
    member_mut(&mut zero, "Input", "Count").traits.default = Some(json!(0));
    let e = diff(&zero, &old);
    assert_eq!(
        (e[0].id, e[0].severity, e.len()),
        (DefaultChanged, Error, 1)
    );
}

#[test]
fn enum_value_changes() {
    check(
        |m| {
            enum_values(m).remove(0);
        },
        &[(EnumValueRemoved, Error, "Kind$A")],
    );
    check(
        |m| enum_values(m)[1].name = Some("BEE".into()),
        &[(EnumValueRenamed, Error, "Kind$BEE")],
    );
    check(
        |m| enum_values(m).insert(1, ev("c", Some("C"))),
        &[(EnumValueInserted, Error, "Kind$C")],
    );
    check(
        |m| enum_values(m).push(ev("c", Some("C"))),
        &[(EnumValueAppended, Note, "Kind$C")],
    );
}

#[test]
fn length_and_range() {
    for (min, max, id, sev) in [
        (Some(2), Some(64), LengthTightened, Error),
        (Some(1), Some(32), LengthTightened, Error),
        (Some(0), Some(64), LengthLoosened, Note),
        (Some(1), Some(100), LengthLoosened, Note),
        (Some(1), None, LengthLoosened, Note),
    ] {
        check(
            |m| traits_mut(m, "Name").length = Some(bounds(min, max)),
            &[(id, sev, "Name")],
        );
    }
    check(
        |m| traits_mut(m, "Plain").length = Some(bounds(None, Some(9))),
        &[(LengthTightened, Error, "Plain")],
    );
    check(
        |m| traits_mut(m, "Count").range = Some(bounds(Some(1), Some(10))),
        &[(RangeTightened, Error, "Count")],
    );
    check(
        |m| traits_mut(m, "Count").range = None,
        &[(RangeLoosened, Note, "Count")],
    );
}

#[test]
fn patterns() {
    check(
        |m| traits_mut(m, "Plain").pattern = Some("^a$".into()),
        &[(PatternAdded, Warning, "Plain")],
    );
    let mut old = base();
    traits_mut(&mut old, "Plain").pattern = Some("^a$".into());
    let mut new = old.clone();
    traits_mut(&mut new, "Plain").pattern = Some("^b$".into());
    let e = diff(&old, &new);
    assert_eq!((e[0].id, e[0].severity, e.len()), (PatternChanged, Note, 1));
}

#[test]
fn operations() {
    check(
        |m| op_mut(m).input = Some("Other".into()),
        &[(OperationInputChanged, Error, "Op")],
    );
    check(
        |m| op_mut(m).output = None,
        &[(OperationOutputChanged, Error, "Op")],
    );
    check(
        |m| {
            let mut op = m.operations["Op"].clone();
            op.name = "Op2".into();
            m.operations.insert("Op2".into(), op);
        },
        &[(OperationAdded, Note, "Op2")],
    );
    check(
        |m| {
            m.operations.remove("Op");
        },
        &[(OperationRemoved, Error, "Op")],
    );
    check(
        |m| op_mut(m).errors.push("Other".into()),
        &[(OperationErrorAdded, Warning, "Op")],
    );
    check(
        |m| op_mut(m).errors.clear(),
        &[(OperationErrorRemoved, Warning, "Op")],
    );
    check(
        |m| op_mut(m).paginated.as_mut().unwrap().output_token = Some("Other".into()),
        &[(PaginatedChanged, Error, "Op")],
    );
    check(
        |m| op_mut(m).paginated = None,
        &[(PaginatedChanged, Error, "Op")],
    );
}

#[test]
fn wire_traits() {
    check(
        |m| member_mut(m, "Input", "Name").traits.json_name = Some("name".into()),
        &[(JsonNameChanged, Error, "Input$Name")],
    );
    check(
        |m| {
            member_mut(m, "Input", "Name").traits.timestamp_format = Some(TimestampFormat::DateTime)
        },
        &[(TimestampFormatChanged, Error, "Input$Name")],
    );
    let mut old = base();
    member_mut(&mut old, "Input", "Token")
        .traits
        .idempotency_token = true;
    let e = diff(&old, &base());
    assert_eq!(
        (e[0].id, e[0].severity, e.len()),
        (IdempotencyTokenRemoved, Error, 1)
    );
    check(
        |m| traits_mut(m, "Oops").error = Some("server".into()),
        &[(ErrorTraitChanged, Error, "Oops")],
    );
    check(
        |m| traits_mut(m, "TagList").sparse = true,
        &[(SparseChanged, Error, "TagList")],
    );
}

#[test]
fn documentation_deprecation_and_other_traits() {
    check(
        |m| traits_mut(m, "Input").documentation = Some("<p>Changed.</p>".into()),
        &[(DocumentationChanged, Note, "Input")],
    );
    check(
        |m| traits_mut(m, "Input").documentation = Some("\n  <p>The\n   input.</p>\n".into()),
        &[],
    );
    check(
        |m| traits_mut(m, "Plain").deprecated = Some(Deprecated::default()),
        &[(DeprecatedAdded, Warning, "Plain")],
    );
    check(
        |m| {
            traits_mut(m, "Plain")
                .other
                .insert("aws.api#arn".into(), json!({"template": "x"}));
        },
        &[(TraitAdded, Note, "Plain")],
    );
    let mut old = base();
    traits_mut(&mut old, "Plain")
        .other
        .insert("aws.api#arn".into(), json!({"template": "x"}));
    let mut changed = old.clone();
    traits_mut(&mut changed, "Plain")
        .other
        .insert("aws.api#arn".into(), json!({"template": "y"}));
    let e = diff(&old, &changed);
    assert_eq!((e[0].id, e[0].severity, e.len()), (TraitChanged, Note, 1));
    let e = diff(&old, &base());
    assert_eq!(
        (e[0].id, e[0].severity, e.len()),
        (TraitRemoved, Warning, 1)
    );
}

#[test]
fn int_enum_values() {
    let iv = |name: &str, value: i64| IntEnumValue {
        name: name.into(),
        value,
        documentation: None,
    };
    let with = |values: Vec<IntEnumValue>| {
        let mut m = base();
        m.shapes
            .insert("Level".into(), shape("Level", ShapeKind::IntEnum(values)));
        m
    };
    let old = with(vec![iv("LOW", 1), iv("HIGH", 2)]);
    let cases = [
        (
            vec![iv("LOW", 1), iv("HIGH", 2), iv("TOP", 3)],
            EnumValueAppended,
            Note,
            "Level$TOP",
        ),
        (
            vec![iv("LOW", 1), iv("MID", 5), iv("HIGH", 2)],
            EnumValueInserted,
            Error,
            "Level$MID",
        ),
        (vec![iv("LOW", 1)], EnumValueRemoved, Error, "Level$HIGH"),
        (
            vec![iv("LOW", 1), iv("UPPER", 2)],
            EnumValueRenamed,
            Error,
            "Level$UPPER",
        ),
    ];
    for (values, id, sev, at) in cases {
        let e = diff(&old, &with(values));
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!((e[0].id, e[0].severity, e[0].shape.as_str()), (id, sev, at));
    }
}
