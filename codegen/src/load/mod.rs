//! Front-ends: read a model file of either form into the IR.
//!
//! [`load_file`] reads the bytes (gunzipping `.gz`), parses JSON, detects the form (a top-level
//! `"smithy"` key means Smithy JSON AST; `"metadata"` with `"operations"` means botocore) and hands over
//! to [`smithy`] or [`botocore`]. For botocore, `paginators-1.json` (or `.json.gz`) beside the service
//! file is merged, and `endpoint-rule-set-1.json` (or `.json.gz`) becomes the service's endpoint rules.

pub mod botocore;
pub mod smithy;

use crate::diag::Diagnostics;
use crate::ir::Model;
use std::io::Read;
use std::path::Path;

/// Load a model file of either form. Every problem is reported at once.
pub fn load_file(path: &Path) -> Result<Model, Diagnostics> {
    let file = path.display().to_string();
    let json = read_json(path)?;
    if json.get("smithy").is_some() {
        smithy::load(&file, &json)
    } else if json.get("metadata").is_some() && json.get("operations").is_some() {
        let paginators =
            sibling(path, "paginators-1.json").or_else(|| sibling(path, "paginators-1.json.gz"));
        let paginators = match paginators {
            Some(p) => Some(read_json(&p)?),
            None => None,
        };
        let mut model = botocore::load(&file, &json, paginators.as_ref())?;
        model.service.endpoint_rules = botocore_endpoint_rules(path)?;
        Ok(model)
    } else {
        let mut d = Diagnostics::new();
        d.push(
            &file,
            None,
            "",
            "not a model: expected a Smithy JSON AST (top-level \"smithy\") or a botocore service \
             model (top-level \"metadata\" and \"operations\")",
        );
        d.into_result(unreachable_model())
    }
}

/// botocore's `endpoint-rule-set-1.json` beside `service-2.json`, when there is one; an error naming
/// the file when it is not a rule set the runtime can evaluate.
fn botocore_endpoint_rules(path: &Path) -> Result<Option<serde_json::Value>, Diagnostics> {
    let Some(p) = sibling(path, "endpoint-rule-set-1.json")
        .or_else(|| sibling(path, "endpoint-rule-set-1.json.gz"))
    else {
        return Ok(None);
    };
    let rules = read_json(&p)?;
    if let Err(e) = check_endpoint_rules(&rules) {
        let mut d = Diagnostics::new();
        d.push(
            &p.display().to_string(),
            None,
            "",
            format!("the endpoint rule set cannot be used: {e}"),
        );
        return Err(d);
    }
    Ok(Some(rules))
}

/// Whether a rule set parses with the runtime's evaluator (the message says where it does not).
pub fn check_endpoint_rules(rules: &serde_json::Value) -> Result<(), String> {
    awsgen_runtime::endpoints::RuleSet::from_value(rules)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// Read a file (gunzipped when it ends in `.gz`) and parse it as JSON, with a diagnostic on failure.
pub fn read_json(path: &Path) -> Result<serde_json::Value, Diagnostics> {
    let file = path.display().to_string();
    let mut d = Diagnostics::new();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            d.push(&file, None, "", format!("cannot read file: {e}"));
            return Err(d);
        }
    };
    let text = if file.ends_with(".gz") {
        let mut out = Vec::new();
        if let Err(e) = flate2::read::GzDecoder::new(&bytes[..]).read_to_end(&mut out) {
            d.push(&file, None, "", format!("cannot gunzip: {e}"));
            return Err(d);
        }
        out
    } else {
        bytes
    };
    parse_json(&file, &text)
}

/// Parse JSON bytes, reporting the line and column of a syntax error.
pub fn parse_json(file: &str, bytes: &[u8]) -> Result<serde_json::Value, Diagnostics> {
    serde_json::from_slice(bytes).map_err(|e| {
        let mut d = Diagnostics::new();
        d.push(
            file,
            None,
            "",
            format!(
                "invalid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            ),
        );
        d
    })
}

/// `service-2.json` -> `paginators-1.json` in the same directory, when it exists.
fn sibling(path: &Path, name: &str) -> Option<std::path::PathBuf> {
    let p = path.parent()?.join(name);
    p.is_file().then_some(p)
}

/// Placeholder value for `Diagnostics::into_result` when there are always diagnostics.
fn unreachable_model() -> Model {
    Model {
        source: String::new(),
        form: crate::ir::ModelForm::Smithy,
        service: Default::default(),
        shapes: Default::default(),
        operations: Default::default(),
        resource_count: 0,
    }
}
