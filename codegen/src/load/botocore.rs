//! botocore JSON front-end. PLACEHOLDER: the loader issue replaces this.

use crate::diag::Diagnostics;
use crate::ir::Model;

/// Load a parsed botocore `service-2.json`, with `paginators-1.json` when present.
pub fn load(
    file: &str,
    _service: &serde_json::Value,
    _paginators: Option<&serde_json::Value>,
) -> Result<Model, Diagnostics> {
    let mut d = Diagnostics::new();
    d.push(file, None, "", "botocore front-end not implemented yet");
    Err(d)
}
