//! One synthetic edit per row of `diff-rules.md`, on hand-built IR values: each gives exactly its event
//! and severity.

use super::*;
use crate::ir::*;
use serde_json::json;

fn member(name: &str, target: &str) -> Member {
    Member {
        name: name.into(),
        target: target.into(),
        traits: Traits::default(),
    }
}

fn shape(id: &str, kind: ShapeKind) -> Shape {
    Shape {
        id: id.into(),
        name: id.into(),
        kind,
        traits: Traits::default(),
    }
}

fn bounds(min: Option<i64>, max: Option<i64>) -> Bounds {
    Bounds {
        min: min.map(|n| Bound(n.into())),
        max: max.map(|n| Bound(n.into())),
    }
}

fn ev(value: &str, name: Option<&str>) -> EnumValue {
    EnumValue {
        name: name.map(str::to_string),
        value: value.into(),
        documentation: None,
        deprecated: false,
    }
}

/// A small service: `Op(Input) -> Output`, errors `Oops`, paginated, with strings, an enum, a list and
/// a structure.
fn base() -> Model {
    let mut shapes = Vec::new();
    let mut input = shape(
        "Input",
        ShapeKind::Structure(vec![
            member("Name", "Name"),
            member("Kind", "Kind"),
            member("Tags", "TagList"),
            member("Count", "Count"),
            member("Token", "Name"),
        ]),
    );
    input.traits.input = true;
    input.traits.documentation = Some("<p>The input.</p>".into());
    shapes.push(input);
    shapes.push(shape(
        "Output",
        ShapeKind::Structure(vec![member("Next", "Name")]),
    ));
    shapes.push(shape("Other", ShapeKind::Structure(vec![])));
    let mut oops = shape("Oops", ShapeKind::Structure(vec![]));
    oops.traits.error = Some("client".into());
    shapes.push(oops);
    shapes.push(shape("Spare", ShapeKind::Structure(vec![])));
    let mut name = shape("Name", ShapeKind::String);
    name.traits.length = Some(bounds(Some(1), Some(64)));
    shapes.push(name);
    shapes.push(shape("Name2", ShapeKind::String));
    shapes.push(shape("Plain", ShapeKind::String));
    let mut count = shape("Count", ShapeKind::Integer);
    count.traits.range = Some(bounds(Some(0), Some(10)));
    shapes.push(count);
    shapes.push(shape(
        "Kind",
        ShapeKind::Enum(vec![ev("a", Some("A")), ev("b", Some("B"))]),
    ));
    shapes.push(shape(
        "TagList",
        ShapeKind::List(Box::new(member("member", "Name"))),
    ));
    let op = Operation {
        name: "Op".into(),
        input: Some("Input".into()),
        output: Some("Output".into()),
        errors: vec!["Oops".into()],
        paginated: Some(Paginated {
            input_token: Some("Token".into()),
            output_token: Some("Next".into()),
            page_size: None,
            items: vec![],
        }),
        traits: Traits::default(),
    };
    Model {
        source: "test".into(),
        form: ModelForm::Smithy,
        service: Service {
            name: "Svc".into(),
            namespace: "example".into(),
            operations: vec!["Op".into()],
            ..Default::default()
        },
        shapes: shapes.into_iter().map(|s| (s.id.clone(), s)).collect(),
        operations: [("Op".to_string(), op)].into_iter().collect(),
        resource_count: 0,
    }
}

fn structure<'a>(m: &'a mut Model, id: &str) -> &'a mut Vec<Member> {
    match &mut m.shapes.get_mut(id).expect("shape").kind {
        ShapeKind::Structure(ms) => ms,
        _ => panic!("{id} is not a structure"),
    }
}

fn member_mut<'a>(m: &'a mut Model, id: &str, name: &str) -> &'a mut Member {
    structure(m, id)
        .iter_mut()
        .find(|x| x.name == name)
        .expect("member")
}

fn traits_mut<'a>(m: &'a mut Model, id: &str) -> &'a mut Traits {
    &mut m.shapes.get_mut(id).expect("shape").traits
}

fn op_mut(m: &mut Model) -> &mut Operation {
    m.operations.get_mut("Op").expect("op")
}

fn enum_values(m: &mut Model) -> &mut Vec<EnumValue> {
    match &mut m.shapes.get_mut("Kind").expect("Kind").kind {
        ShapeKind::Enum(v) => v,
        _ => panic!("Kind is not an enum"),
    }
}

/// Apply `edit` to the base model; the diff must be exactly `expected` (id, severity, shape).
fn check(edit: impl FnOnce(&mut Model), expected: &[(EventId, Severity, &str)]) {
    let old = base();
    let mut new = base();
    edit(&mut new);
    let got: Vec<(EventId, Severity, String)> = diff(&old, &new)
        .into_iter()
        .map(|e| (e.id, e.severity, e.shape))
        .collect();
    let mut want: Vec<(EventId, Severity, String)> = expected
        .iter()
        .map(|(a, b, c)| (*a, *b, c.to_string()))
        .collect();
    want.sort_by(|a, b| a.2.cmp(&b.2).then(a.0.cmp(&b.0)));
    assert_eq!(got, want);
}

use EventId::*;
use Severity::{Danger, Error, Note, Warning};

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
fn cross_form_skips_what_one_form_cannot_carry() {
    let old = base();
    let mut new = base();
    new.form = ModelForm::Botocore;
    for v in enum_values(&mut new) {
        v.name = None;
    }
    traits_mut(&mut new, "Input").input = false;
    member_mut(&mut new, "Input", "Count").traits.default = Some(json!(3));
    traits_mut(&mut new, "Plain")
        .other
        .insert("box".into(), json!(true));
    assert!(diff(&old, &new).is_empty(), "{:?}", diff(&old, &new));
    // The same edits within one form are changes.
    new.form = ModelForm::Smithy;
    assert!(!diff(&old, &new).is_empty());
}

#[test]
fn restricted_to_operations() {
    let old = base();
    let mut new = base();
    new.shapes
        .insert("New".into(), shape("New", ShapeKind::Blob));
    traits_mut(&mut new, "Name").pattern = Some("x".into());
    let e = diff_operations(&old, &new, &["Op".into()]).unwrap();
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].id, PatternAdded);
    assert!(diff_operations(&old, &new, &["Nope".into()]).is_err());
}

#[test]
fn reports() {
    let mut new = base();
    structure(&mut new, "Input").retain(|x| x.name != "Tags");
    enum_values(&mut new).push(ev("c", Some("C")));
    let e = diff(&base(), &new);
    let t = report::text(&e);
    assert!(t.starts_with("ERROR (1)\n"), "{t}");
    assert!(
        t.contains("1 ERROR, 0 DANGER, 0 WARNING, 1 NOTE: breaking"),
        "{t}"
    );
    let j = report::json(&e);
    assert_eq!(j["breaking"], json!(true));
    assert_eq!(j["counts"]["NOTE"], json!(1));
    assert_eq!(j["events"][0]["id"], json!("MemberRemoved"));
    let c = report::changelog(&e, "v2");
    let breaking = c.find("### Breaking changes").unwrap();
    let values = c.find("### New enum values").unwrap();
    assert!(breaking < values, "{c}");
    assert!(c.contains("- `Kind`: `c`"), "{c}");
    assert_eq!(report::text(&[]), "no changes\n");
}

#[test]
fn documentation_normalisation() {
    use super::traits::normalise_doc as n;
    assert_eq!(n("  <p>a\n  b</p>\n <p/>  "), "<p>a b</p><p></p>");
    // References are decoded before whitespace is handled, so a decoded `<` counts as a tag edge.
    assert_eq!(n("x &gt;= 1 &amp; &#60;y&#x3E;"), "x >= 1 &<y>");
    assert_eq!(n("a <i /> b"), n("a <i></i> b"));
    assert_eq!(n("&bogus; & &#xZZ;"), "&bogus; & &#xZZ;");
    assert_ne!(n("<p>a b</p>"), n("<p>ab</p>"));
}
