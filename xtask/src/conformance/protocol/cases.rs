//! One suite of a protocol test file as a botocore model, and each of its cases as a Rust function
//! of the runner crate (building the input or the expected output through the generated crate's
//! public API, then comparing with what the case says).

use anyhow::{anyhow, Result};
use codegen::rust::literal::Literals;
use codegen::Model;
use serde_json::{json, Map, Value};

/// The botocore model of one suite: its metadata (with the keys the loader requires), its shapes,
/// and every operation its cases use (`given`).
pub fn suite_model(suite: &Value, service_id: &str) -> Result<Value> {
    let mut meta = suite["metadata"].as_object().cloned().unwrap_or_default();
    meta.entry("serviceId").or_insert_with(|| json!(service_id));
    meta.entry("apiVersion")
        .or_insert_with(|| json!("2020-01-01"));
    let mut ops = Map::new();
    for case in suite["cases"].as_array().into_iter().flatten() {
        let given = &case["given"];
        let name = given["name"]
            .as_str()
            .ok_or_else(|| anyhow!("a case's `given` has no name"))?;
        ops.insert(name.to_string(), given.clone());
    }
    Ok(json!({
        "version": "2.0",
        "metadata": meta,
        "operations": ops,
        "shapes": suite["shapes"],
    }))
}

/// A Rust string literal.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// The body of the runner function for one case (`Result<(), String>`), in crate `root`.
pub fn case_fn(
    model: &Model,
    lits: &Literals,
    root: &str,
    case: &Value,
    input: bool,
) -> Result<String, String> {
    let op_name = case["given"]["name"].as_str().unwrap_or_default();
    let op = model
        .operations
        .get(op_name)
        .ok_or_else(|| format!("operation `{op_name}` is not in the model"))?;
    let module = lits
        .operation_module(op_name)
        .ok_or_else(|| format!("no operations module for `{op_name}`"))?;
    let path = format!("{root}::operations::{module}");
    if input {
        let call = match &op.input {
            Some(id) => {
                let params = case.get("params").cloned().unwrap_or_else(|| json!({}));
                let value = lits.value(id, &params, root)?;
                format!("let input = {value}?;\n    let req = {path}::serialize_request(&input)")
            }
            None => format!("let req = {path}::serialize_request()"),
        };
        let mut expected = case["serialized"].clone();
        if let Some(host) = case.get("host").or_else(|| case["serialized"].get("host")) {
            expected["host"] = host.clone();
        }
        return Ok(format!(
            "{call}.map_err(|e| e.to_string())?;\n    check_request(&req, {})",
            lit(&expected.to_string())
        ));
    }
    let response = format!(
        "let response = response({})?;\n    let got = {path}::parse_response(&response);",
        lit(&case["response"].to_string())
    );
    if let Some(err) = case.get("error") {
        let code = case["errorCode"].as_str().unwrap_or_default();
        let shape = op
            .errors
            .iter()
            .find(|e| model.shapes.get(*e).is_some_and(|s| s.name == code))
            .or_else(|| (op.errors.len() == 1).then(|| &op.errors[0]))
            .ok_or_else(|| format!("which modeled error is `{code}`?"))?;
        let variant = lits
            .error_variant(op_name, shape)
            .ok_or_else(|| format!("no Error variant for `{shape}`"))?;
        let want = lits.value(shape, err, root)?;
        let message = match case.get("errorMessage").and_then(Value::as_str) {
            Some(m) => format!(
                "if err.message() != Some({m}) {{ return Err(format!(\"message {{:?}} != {{:?}}\", err.message(), {m})); }}",
                m = lit(m)
            ),
            None => String::new(),
        };
        return Ok(format!(
            "{response}\n    let want = {want}?;\n    let err = match got {{ Ok(v) => return Err(format!(\"parsed as success: {{v:?}}\")), Err(e) => e }};\n    \
             if err.code() != Some({code}) {{ return Err(format!(\"code {{:?}} != {{:?}}\", err.code(), {code})); }}\n    {message}\n    \
             match err {{ {path}::Error::{variant}(e, ..) => same(&e, &want), other => Err(format!(\"{{other:?}}\")) }}",
            code = lit(code)
        ));
    }
    let result = case.get("result").cloned().unwrap_or_else(|| json!({}));
    match &op.output {
        Some(id) => {
            let want = lits.value(id, &result, root)?;
            Ok(format!(
                "{response}\n    let want = {want}?;\n    match got {{ Ok(v) => same(&v, &want), Err(e) => Err(format!(\"error {{e}}: {{e:?}}\")) }}"
            ))
        }
        None => Ok(format!(
            "{response}\n    got.map_err(|e| format!(\"error {{e}}: {{e:?}}\"))"
        )),
    }
}
