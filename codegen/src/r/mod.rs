//! paws-style R back-end: IR -> R package + Rd pages + markdown documentation pages.
//! PLACEHOLDER: the R target issue replaces this.

use crate::fileset::FileSet;
use crate::ir::Model;

/// Settings from `models/<service>.toml` (`[r]`).
#[derive(Debug, Clone)]
pub struct Settings {
    /// R package name, e.g. `paws.sagemaker.endpointconfig`.
    pub package: String,
    pub version: String,
    pub title: String,
}

/// The R package (paths relative to the package root) and the docs pages (relative to the docs dir).
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub package: FileSet,
    pub docs: FileSet,
}

pub fn generate(_model: &Model, _settings: &Settings) -> Result<Output, String> {
    Err("R target not implemented yet".into())
}
