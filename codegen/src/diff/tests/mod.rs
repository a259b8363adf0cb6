//! Unit tests of the diff engine on hand-built IR values: a small base model and helpers to edit it.

use super::*;
use crate::ir::*;
use serde_json::json;

fn member(name: &str, target: &str) -> Member {
    Member {
        name: name.into(),
        target: target.into(),
        traits: Traits::default(),
        effective: Constraints::default(),
    }
}

/// [`super::diff`] of the two models resolved (the tests edit them after building them).
fn diff(old: &Model, new: &Model) -> Vec<Event> {
    let r = |m: &Model| crate::normalize::normalized(m.clone());
    super::diff(&r(old), &r(new))
}

/// [`super::diff_operations`] of the two models resolved.
fn diff_operations(old: &Model, new: &Model, ops: &[String]) -> Result<Vec<Event>, String> {
    let r = |m: &Model| crate::normalize::normalized(m.clone());
    super::diff_operations(&r(old), &r(new), ops)
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

mod misc;
mod rules;
