//! Shared helpers for the integration tests in `tests/tests/`: where the upstream models are.
//!
//! Upstream models are read where they lie, in `../shared/upstream` beside the project root. A test
//! that needs them panics with a clear message when they are missing: it never skips in silence.

use std::path::PathBuf;

/// The project root (the workspace directory).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// `../shared/upstream`, or a panic saying it is missing.
pub fn upstream() -> PathBuf {
    let dir = project_root().join("../shared/upstream");
    assert!(
        dir.is_dir(),
        "the upstream models are missing: expected {} (../shared/upstream beside the project root)",
        dir.display()
    );
    dir
}

/// The Smithy JSON AST of one service in `api-models-aws`, e.g. `smithy_model("sagemaker")`.
pub fn smithy_model(sdk_id: &str) -> PathBuf {
    let dir = upstream()
        .join("api-models-aws")
        .join(sdk_id)
        .join("service");
    let version = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .max()
        .unwrap_or_else(|| panic!("no version under {}", dir.display()));
    dir.join(&version).join(format!("{sdk_id}-{version}.json"))
}

/// The SageMaker Smithy model (API version 2017-07-24).
pub fn sagemaker_smithy() -> PathBuf {
    smithy_model("sagemaker")
}

/// botocore's SageMaker `service-2.json` for one botocore version (`1.35.0`, `1.37.23`, `1.44.8`).
pub fn sagemaker_botocore(version: &str) -> PathBuf {
    let p = upstream()
        .join("botocore")
        .join(version)
        .join("sagemaker/2017-07-24/service-2.json");
    assert!(p.is_file(), "missing upstream model {}", p.display());
    p
}

/// Every Smithy model file under `api-models-aws`, sorted.
pub fn all_smithy_models() -> Vec<PathBuf> {
    let root = upstream().join("api-models-aws");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&root).expect("read api-models-aws") {
        let entry = entry.expect("dir entry");
        if entry.path().join("service").is_dir() {
            out.push(smithy_model(&entry.file_name().to_string_lossy()));
        }
    }
    out.sort();
    out
}
