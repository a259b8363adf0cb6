//! A small Smithy model for the back-end's unit tests.

use crate::ir::Model;
use serde_json::{json, Value};

/// A model under `protocol` with one operation whose input is `ex#In`, plus `shapes`.
pub fn model(protocol: &str, shapes: Value) -> Model {
    let mut all = json!({
        "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}],
                   "traits": {protocol: {}}},
        "ex#Op": {"type": "operation", "input": {"target": "ex#In"}}
    });
    for (k, v) in shapes.as_object().expect("object") {
        all[k] = v.clone();
    }
    let ast = json!({"smithy": "2.0", "shapes": all});
    crate::load::smithy::load("test.json", &ast).expect("test model loads")
}
