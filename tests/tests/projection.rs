//! The projection written by `codegen::project` loads back (through the Smithy front-end) to the same IR
//! as the selection it came from, less documentation; and the committed projection in `models/` is
//! exactly what the pinned upstream model projects to.

use codegen::ir::{Model, Traits};
use codegen::manifest::Manifest;
use std::path::Path;

/// Remove what a projection leaves out on purpose: prose (the endpoint rule set's too), examples,
/// endpoint rule tests.
fn strip(model: &mut Model) {
    fn t(traits: &mut Traits) {
        traits.documentation = None;
        traits.examples = None;
        traits
            .other
            .retain(|k, _| !k.starts_with("smithy.rules#") && k != "smithy.api#documentation");
    }
    model.source.clear();
    if let Some(rules) = &model.service.endpoint_rules {
        model.service.endpoint_rules = Some(codegen::project::rule_set_without_docs(rules));
    }
    t(&mut model.service.traits);
    for op in model.operations.values_mut() {
        t(&mut op.traits);
    }
    for shape in model.shapes.values_mut() {
        t(&mut shape.traits);
        match &mut shape.kind {
            codegen::ir::ShapeKind::Structure(ms) | codegen::ir::ShapeKind::Union(ms) => {
                ms.iter_mut().for_each(|m| t(&mut m.traits))
            }
            codegen::ir::ShapeKind::List(m) => t(&mut m.traits),
            codegen::ir::ShapeKind::Map { key, value } => {
                t(&mut key.traits);
                t(&mut value.traits);
            }
            codegen::ir::ShapeKind::Enum(vs) => vs.iter_mut().for_each(|v| v.documentation = None),
            codegen::ir::ShapeKind::IntEnum(vs) => {
                vs.iter_mut().for_each(|v| v.documentation = None)
            }
            _ => {}
        }
    }
}

fn round_trip(model: &Model, operations: &[String]) {
    let text = codegen::project::projection(model, operations).expect("projection");
    assert!(
        !text.contains("smithy.api#documentation"),
        "documentation left in the projection"
    );
    assert!(
        !text.contains("\"documentation\""),
        "endpoint rule set documentation left in the projection"
    );
    if model.service.endpoint_rules.is_some() {
        assert!(
            text.contains("smithy.rules#endpointRuleSet"),
            "the endpoint rule set is lost"
        );
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("projection.json");
    std::fs::write(&path, &text).expect("write projection");
    let mut back = codegen::load::load_file(&path)
        .unwrap_or_else(|e| panic!("projection does not load:\n{e}"));
    let mut expected = codegen::select::select(model, operations).expect("select");
    strip(&mut back);
    strip(&mut expected);
    assert_eq!(back.service, expected.service);
    assert_eq!(back.operations, expected.operations);
    let (a, b): (Vec<_>, Vec<_>) = (
        back.shapes.keys().collect(),
        expected.shapes.keys().collect(),
    );
    assert_eq!(a, b, "shape ids differ");
    for (id, shape) in &expected.shapes {
        assert_eq!(
            &back.shapes[id], shape,
            "shape {id} differs after the round trip"
        );
    }
}

#[test]
fn sagemaker_endpoint_config_projection_round_trips() {
    let model = codegen::load::load_file(&tests::sagemaker_smithy()).expect("load SageMaker");
    let manifest =
        Manifest::load(&tests::project_root().join("models/sagemaker.toml")).expect("manifest");
    round_trip(&model, &manifest.selection.operations);
}

#[test]
fn whole_sagemaker_projection_round_trips() {
    let model = codegen::load::load_file(&tests::sagemaker_smithy()).expect("load SageMaker");
    let all: Vec<String> = model.operations.keys().cloned().collect();
    round_trip(&model, &all);
}

#[test]
fn committed_projection_matches_the_pinned_upstream_model() {
    let root = tests::project_root();
    let manifest = Manifest::load(&root.join("models/sagemaker.toml")).expect("manifest");
    let local = manifest
        .upstream
        .local
        .as_deref()
        .expect("upstream.local is set");
    let upstream = root.join(local);
    let bytes = std::fs::read(&upstream).unwrap_or_else(|e| panic!("{}: {e}", upstream.display()));
    let digest = codegen::digest::sha256_hex(&bytes);
    assert_eq!(
        digest,
        manifest.upstream.sha256,
        "the pinned sha256 does not match {}",
        upstream.display()
    );
    let model = codegen::load::load_file(&upstream).expect("load upstream");
    let expected =
        codegen::project::projection(&model, &manifest.selection.operations).expect("projection");
    let committed = std::fs::read_to_string(root.join("models").join(&manifest.service.projection))
        .expect("read the committed projection");
    assert!(
        committed == expected,
        "models/{} is not the projection of the pinned model: run `cargo xtask sync sagemaker --from {}`",
        manifest.service.projection,
        Path::new(local).display()
    );
}
