//! The diff over the whole Smithy corpus (`api-models-aws`, 402 services): every model against itself
//! is no change, and removing one operation and one shape is seen as exactly that.

use codegen::diff::{self, EventId};
use rayon::prelude::*;

#[test]
fn every_model_against_itself_and_against_a_small_edit() {
    let models = tests::all_smithy_models();
    assert!(
        models.len() > 400,
        "expected the whole corpus, found {}",
        models.len()
    );
    let failures: Vec<String> = models
        .par_iter()
        .filter_map(|p| {
            let m = match codegen::load::load_file(p) {
                Ok(m) => m,
                Err(e) => return Some(format!("{}: {e}", p.display())),
            };
            let same = diff::diff(&m, &m);
            if !same.is_empty() {
                return Some(format!("{}: self diff gives {}", p.display(), same[0]));
            }
            let mut edited = m.clone();
            let op = edited.operations.keys().next().cloned();
            if let Some(op) = &op {
                edited.operations.remove(op);
            }
            let shape = edited
                .shapes
                .keys()
                .find(|id| !id.starts_with("smithy.api#"))
                .cloned();
            if let Some(s) = &shape {
                edited.shapes.remove(s);
            }
            let events = diff::diff(&m, &edited);
            let removed_op = events
                .iter()
                .filter(|e| e.id == EventId::OperationRemoved)
                .count();
            let removed_shape = events
                .iter()
                .filter(|e| e.id == EventId::ShapeRemoved)
                .count();
            let expected = (usize::from(op.is_some()), usize::from(shape.is_some()));
            let others = events.len() - removed_op - removed_shape;
            ((removed_op, removed_shape) != expected || others != 0).then(|| {
                format!(
                    "{}: removing {op:?} and {shape:?} gave {events:?}",
                    p.display()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
