//! botocore JSON front-end: a parsed `service-2.json` (and `paginators-1.json`) into the IR.
//!
//! Shape ids are the botocore shape names (botocore has no namespaces). Every problem is collected
//! with its file, shape and JSON pointer and reported at once; no input makes the loader panic.
//! Module map: [`metadata`] (service), [`shapes`] and [`members`] (data shapes), [`operations`],
//! [`paginators`], [`labels`] (URI labels by member name), [`traits`] (keys shared by all), [`read`]
//! (typed JSON access with diagnostics).

mod labels;
mod members;
mod metadata;
mod operations;
mod paginators;
mod read;
mod shapes;
mod traits;

use crate::diag::Diagnostics;
use crate::ir::{Model, ModelForm};
use read::{join, Ctx};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// Shape name -> botocore type name (`""` when missing), for reference checks. Only looked up,
/// never iterated, so a `HashMap` keeps the output deterministic.
pub(crate) type Types<'a> = HashMap<&'a str, &'a str>;

/// Load a parsed botocore `service-2.json`, with `paginators-1.json` when present. Problems in the
/// paginators are reported against `paginators-1.json` beside `file`.
pub fn load(file: &str, service: &Value, paginators: Option<&Value>) -> Result<Model, Diagnostics> {
    let mut ctx = Ctx::new(file);
    let empty = serde_json::Map::new();
    let Some(root) = ctx.object(service, None, "", "the model") else {
        return Err(ctx.diags);
    };
    let mut svc = metadata::service(&mut ctx, root);
    let wire = members::Wire {
        json: svc.protocol.is_json(),
    };

    let shapes_obj = section(&mut ctx, root, "shapes").unwrap_or(&empty);
    let types: Types = shapes_obj
        .iter()
        .map(|(n, v)| {
            let ty = v.get("type").and_then(Value::as_str).unwrap_or("");
            (n.as_str(), ty)
        })
        .collect();
    let mut shapes = BTreeMap::new();
    for (name, v) in shapes_obj {
        let path = join("/shapes", name);
        if let Some(s) = shapes::shape(&mut ctx, &types, wire, name, v, &path) {
            shapes.insert(name.clone(), s);
        }
    }

    let ops_obj = section(&mut ctx, root, "operations").unwrap_or(&empty);
    let mut operations = BTreeMap::new();
    for (name, v) in ops_obj {
        let path = join("/operations", name);
        if let Some(op) = operations::operation(&mut ctx, &types, name, v, &path) {
            operations.insert(name.clone(), op);
        }
    }

    labels::to_member_names(&shapes, &mut operations);

    if let Some(pag) = paginators {
        let pag_file = std::path::Path::new(file)
            .with_file_name("paginators-1.json")
            .display()
            .to_string();
        let mut pctx = Ctx::new(&pag_file);
        paginators::merge(&mut pctx, pag, &mut operations);
        ctx.diags.0.extend(pctx.diags.0);
    }

    svc.operations = operations.keys().cloned().collect();
    let mut model = Model {
        source: file.to_string(),
        form: ModelForm::Botocore,
        service: svc,
        shapes,
        operations,
        resource_count: 0,
    };
    crate::normalize::normalize(&mut model);
    ctx.diags.into_result(model)
}

/// A required top-level object (`shapes`, `operations`).
fn section<'v>(
    ctx: &mut Ctx,
    root: &'v serde_json::Map<String, Value>,
    key: &str,
) -> Option<&'v serde_json::Map<String, Value>> {
    match root.get(key) {
        Some(v) => ctx.object(v, None, &join("", key), &format!("`{key}`")),
        None => {
            ctx.err(None, "", format!("the model has no `{key}`"));
            None
        }
    }
}
