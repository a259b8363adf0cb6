//! Where things are: the project root, `models/`, `generated/`, `../shared/upstream`.

use std::path::PathBuf;

/// The workspace root (the parent of `xtask/`).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(PathBuf::from)
        .unwrap_or_default()
}

pub fn models() -> PathBuf {
    root().join("models")
}

pub fn generated() -> PathBuf {
    root().join("generated")
}

/// `../shared/upstream` beside the project root.
pub fn upstream() -> PathBuf {
    root().join("../shared/upstream")
}
