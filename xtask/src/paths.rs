//! Where things are: the project root, `models/`, `generated/`, `../shared/upstream`.

use std::path::PathBuf;

/// Environment variable that points every command at another project root (a directory holding
/// `models/` and `generated/`): tests run `sync` and `regenerate --check` on temporary copies with it.
pub const ROOT_ENV: &str = "XTASK_PROJECT_ROOT";

/// The workspace root (the parent of `xtask/`), or `$XTASK_PROJECT_ROOT` when set.
pub fn root() -> PathBuf {
    if let Some(dir) = std::env::var_os(ROOT_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
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
