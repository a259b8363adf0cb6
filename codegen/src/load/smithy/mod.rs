//! Smithy JSON AST (IDL 1.0 and 2.0) front-end.
//!
//! Decisions worth knowing:
//! - The model must hold exactly one service shape; its namespace decides the IR ids (bare names inside
//!   it, absolute ids outside).
//! - Every data shape of the file is in [`Model::shapes`], reachable or not. Mixin shapes (trait
//!   `smithy.api#mixin`) are kept too, flattened, with the `smithy.api#mixin` trait in
//!   `traits.other`: members cannot target a mixin, so a selection never contains one, and
//!   [`Model::total_shape_count`] matches the number of shape entries in the file. Exceptions, where
//!   the count is lower than the file's: `apply` entries (not shapes: their traits are merged onto
//!   their targets), operations and resources not bound to the service, and mixin operations,
//!   resources and services (their `input`, `output`, `errors`, `operations` and `resources` are
//!   inherited by the shapes that use them). None of these occur in the AWS models.
//! - Prelude shapes are added under their absolute id when something refers to them;
//!   `smithy.api#Unit` as operation input/output means `None`, as a member target (union unit variant)
//!   it is an empty structure.
//! - Smithy 1.0 boxing: a boolean or number shape without `box` gets a zero `default`, and so does a
//!   member (not `required`, not `box`) that targets one.
//! - A service's `rename` gives a shape of another namespace its name (`Shape::name`); its id stays
//!   absolute.
//! - `smithy.api#default: null` on a member is kept as `Some(Value::Null)`: it explicitly removes the
//!   target's default.
//! - Mixins and resources may nest at most 64 deep (a reported problem beyond): flattening walks the
//!   mixin graph iteratively and remembers each mixin, so no model can exhaust the stack, and a chain
//!   cannot make flattened members grow without bound.
//! - A service's common `errors` are appended to every operation's errors.
//! - `endpoint_prefix` is `aws.api#service` `endpointPrefix`, else its `arnNamespace`, else the
//!   lowercase service name (Smithy's documented defaults).
//! - Under a protocol without HTTP bindings (awsJson 1.0 / 1.1, awsQuery, ec2Query) the HTTP binding
//!   traits mean nothing (every request is `POST /`), so members keep no `http_binding` and
//!   operations no `http`: some AWS models carry them anyway (lightsail, b2bi), botocore never does.

mod builder;
mod cx;
mod index;
mod mixins;
mod prelude;
mod service;
mod shapes;
mod traits;

use crate::diag::Diagnostics;
use crate::ir::{Model, ModelForm, ShapeKind};
use cx::{json_kind, ptr, Cx};
use index::{Index, Ty, Version};
use serde_json::Value;
use std::collections::BTreeMap;

/// Load a parsed Smithy JSON AST document. Every problem is reported at once.
pub fn load(file: &str, json: &Value) -> Result<Model, Diagnostics> {
    let mut cx = Cx::new(file);
    let Some(root) = json.as_object() else {
        cx.err(
            None,
            String::new(),
            format!(
                "a Smithy JSON AST must be an object, found {}",
                json_kind(json)
            ),
        );
        return Err(cx.diags);
    };
    let version = match root.get("smithy") {
        Some(Value::String(v)) if v == "1" || v == "1.0" => Version::V1,
        Some(Value::String(v)) if v == "2" || v == "2.0" => Version::V2,
        Some(Value::String(v)) => {
            cx.err(
                None,
                ptr(&["smithy"]),
                format!("unsupported Smithy version \"{v}\" (supported: 1.0, 2.0)"),
            );
            return Err(cx.diags);
        }
        other => {
            let found = other.map_or("nothing", json_kind);
            cx.err(
                None,
                ptr(&["smithy"]),
                format!("`smithy` must be a version string, found {found}"),
            );
            return Err(cx.diags);
        }
    };
    let empty = serde_json::Map::new();
    let shapes = match root.get("shapes") {
        None => &empty,
        Some(Value::Object(s)) => s,
        Some(v) => {
            cx.err(
                None,
                ptr(&["shapes"]),
                format!("`shapes` must be an object, found {}", json_kind(v)),
            );
            return Err(cx.diags);
        }
    };
    let ix = Index::build(&mut cx, shapes, version);
    let services: Vec<&str> = ix
        .order
        .iter()
        .copied()
        .filter(|id| ix.shapes[id].ty == Ty::Service && !ix.shapes[id].is_mixin)
        .collect();
    let svc = match services.as_slice() {
        [one] => ix.shapes[one],
        [] => {
            cx.err(
                None,
                ptr(&["shapes"]),
                "the model has no service shape".into(),
            );
            return Err(cx.diags);
        }
        many => {
            cx.err(
                None,
                ptr(&["shapes"]),
                format!(
                    "the model has {} service shapes ({}); exactly one is supported",
                    many.len(),
                    many.join(", ")
                ),
            );
            return Err(cx.diags);
        }
    };

    let mut b = builder::Builder::new(cx, &ix, svc.ns);
    b.read_renames(svc);
    let mut data = BTreeMap::new();
    for id in &ix.order {
        let raw = ix.shapes[id];
        if raw.ty.is_data() {
            let shape = b.data_shape(raw);
            data.insert(shape.id.clone(), shape);
        }
    }
    let (service, operations, resource_count) = b.service(svc);
    for id in std::mem::take(&mut b.prelude_used) {
        if let Some(shape) = prelude::shape(&id) {
            data.insert(id, shape);
        }
    }
    let mut model = Model {
        source: file.to_string(),
        form: ModelForm::Smithy,
        service,
        shapes: data,
        operations,
        resource_count,
    };
    drop_unused_http_bindings(&mut model);
    crate::normalize::normalize(&mut model);
    b.cx.diags.into_result(model)
}

/// Clear the HTTP binding traits a protocol without HTTP bindings ignores (see the module docs).
fn drop_unused_http_bindings(model: &mut Model) {
    if model.service.protocol.uses_http_bindings() {
        return;
    }
    for shape in model.shapes.values_mut() {
        match &mut shape.kind {
            ShapeKind::Structure(ms) | ShapeKind::Union(ms) => {
                for m in ms {
                    m.traits.http_binding = None;
                }
            }
            _ => {}
        }
    }
    for op in model.operations.values_mut() {
        op.traits.http = None;
    }
}
