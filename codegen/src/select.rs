//! Selection: the closure of a list of operations (inputs, outputs, errors and every shape they reach,
//! recursion included) as a smaller [`Model`] that back-ends generate in full.

use crate::diag::Diagnostics;
use crate::ir::{Model, ShapeId};
use std::collections::{BTreeSet, VecDeque};

/// Every shape id reachable from the given operations, sorted.
pub fn closure(model: &Model, operations: &[String]) -> Result<BTreeSet<ShapeId>, Diagnostics> {
    let mut d = Diagnostics::new();
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<&ShapeId> = VecDeque::new();
    for name in operations {
        let Some(op) = model.operations.get(name) else {
            d.push(
                &model.source,
                Some(name),
                "",
                format!(
                    "operation `{name}` does not exist in service `{}`",
                    model.service.name
                ),
            );
            continue;
        };
        queue.extend(
            op.input
                .iter()
                .chain(op.output.iter())
                .chain(op.errors.iter()),
        );
    }
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id.clone()) {
            continue;
        }
        if let Some(shape) = model.shapes.get(id) {
            queue.extend(shape.kind.targets());
        }
    }
    d.into_result(seen)
}

/// The model restricted to `operations` and their closure. An empty list selects every operation.
pub fn select(model: &Model, operations: &[String]) -> Result<Model, Diagnostics> {
    let all: Vec<String>;
    let operations = if operations.is_empty() {
        all = model.operations.keys().cloned().collect();
        &all
    } else {
        operations
    };
    let keep = closure(model, operations)?;
    let chosen: BTreeSet<&String> = operations.iter().collect();
    let mut out = model.clone();
    out.shapes.retain(|id, _| keep.contains(id));
    out.operations.retain(|name, _| chosen.contains(name));
    out.service.operations.retain(|name| chosen.contains(name));
    Ok(out)
}
