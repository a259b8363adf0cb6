//! Rust back-end: IR -> a crate (types, builders, enums, validation, serde, rustdoc).
//! PLACEHOLDER: the Rust target issue replaces this.

use crate::fileset::FileSet;
use crate::ir::Model;

/// Crate-level settings from `models/<service>.toml` (`[rust]`).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Cargo package name, e.g. `sagemaker-endpoint-config`.
    pub crate_name: String,
    pub version: String,
    pub description: String,
    pub license: String,
}

/// Generate the crate's files (paths relative to the crate root: `Cargo.toml`, `src/lib.rs`, ...).
pub fn generate(_model: &Model, _settings: &Settings) -> Result<FileSet, String> {
    Err("Rust target not implemented yet".into())
}
