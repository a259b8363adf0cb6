//! Hand-built IR for the unit tests of the R back-end.

use crate::ir::*;

pub fn shape(id: &str, kind: ShapeKind) -> Shape {
    Shape {
        id: id.into(),
        name: id.into(),
        kind,
        traits: Traits::default(),
    }
}

pub fn structure(id: &str, members: Vec<Member>) -> Shape {
    shape(id, ShapeKind::Structure(members))
}

pub fn member(name: &str, target: &str) -> Member {
    Member {
        name: name.into(),
        target: target.into(),
        traits: Traits::default(),
        effective: Constraints::default(),
    }
}

pub fn boxed(mut m: Member) -> Member {
    m.traits.boxed = true;
    m
}

pub fn required(mut m: Member) -> Member {
    m.traits.required = true;
    m
}

pub fn documented(mut m: Member, doc: &str) -> Member {
    m.traits.documentation = Some(doc.into());
    m
}

pub fn json_name(mut m: Member, n: &str) -> Member {
    m.traits.json_name = Some(n.into());
    m
}

pub fn enum_shape(id: &str, values: &[&str]) -> Shape {
    shape(
        id,
        ShapeKind::Enum(
            values
                .iter()
                .map(|v| EnumValue {
                    name: None,
                    value: (*v).into(),
                    documentation: None,
                    deprecated: false,
                })
                .collect(),
        ),
    )
}

/// A resolved model of `shapes` (no operations).
pub fn model_with(shapes: Vec<Shape>) -> Model {
    crate::normalize::normalized(Model {
        source: "test.json".into(),
        form: ModelForm::Botocore,
        service: Service {
            name: "Test".into(),
            namespace: "com.example".into(),
            api_version: "2020-01-01".into(),
            sdk_id: Some("Test Service".into()),
            full_name: Some("Amazon Test Service".into()),
            abbreviation: Some("Test".into()),
            protocol: Protocol::AwsJson1_1,
            json_version: Some("1.1".into()),
            target_prefix: Some("TestService".into()),
            signing_name: Some("test".into()),
            endpoint_prefix: Some("api.test".into()),
            operations: Vec::new(),
            endpoint_rules: None,
            traits: Traits::default(),
        },
        shapes: shapes.into_iter().map(|s| (s.id.clone(), s)).collect(),
        operations: Default::default(),
        resource_count: 0,
    })
}

pub fn operation(name: &str, input: Option<&str>, output: Option<&str>) -> Operation {
    Operation {
        name: name.into(),
        input: input.map(Into::into),
        output: output.map(Into::into),
        errors: Vec::new(),
        paginated: None,
        traits: Traits::default(),
    }
}

pub fn add_operation(model: &mut Model, op: Operation) {
    model.service.operations.push(op.name.clone());
    model.service.operations.sort();
    model.operations.insert(op.name.clone(), op);
}
