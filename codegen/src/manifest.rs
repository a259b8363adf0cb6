//! `models/<service>.toml`: the pinned upstream source, the selected operations and target settings.

use serde::Deserialize;
use std::path::{Path, PathBuf};

/// One service manifest.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub service: ServiceSection,
    pub upstream: Upstream,
    pub selection: Selection,
    pub rust: RustSection,
    pub r: RSection,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceSection {
    /// Short id (`sagemaker`): the manifest's file stem.
    pub id: String,
    /// The committed projection, relative to `models/`.
    pub projection: String,
}

/// Where the upstream model comes from, pinned by sha256.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Upstream {
    /// Public URL of the model file at a fixed commit.
    pub url: String,
    /// Hex sha256 of the file at `url`.
    pub sha256: String,
    /// Path of the same file in `../shared/upstream`, relative to the project root (offline use).
    pub local: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    pub operations: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RustSection {
    pub crate_name: String,
    pub version: String,
    pub description: String,
    pub license: String,
    /// The crate's source repository (Cargo.toml `repository`); publishing needs it.
    #[serde(default)]
    pub repository: Option<String>,
    /// The `awsgen-runtime` version requirement.
    #[serde(default = "runtime_version")]
    pub runtime_version: String,
    /// Path of `awsgen-runtime` relative to the generated crate (a crate of this workspace).
    #[serde(default)]
    pub runtime_path: Option<String>,
}

fn runtime_version() -> String {
    crate::pipeline::RUNTIME_VERSION.to_string()
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RSection {
    pub package: String,
    pub version: String,
    pub title: String,
}

/// A manifest that failed to load.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct ManifestError {
    pub file: String,
    pub message: String,
}

impl Manifest {
    /// Read and parse one manifest.
    pub fn load(path: &Path) -> Result<Manifest, ManifestError> {
        let file = path.display().to_string();
        let err = |message: String| ManifestError {
            file: file.clone(),
            message,
        };
        let text = std::fs::read_to_string(path).map_err(|e| err(format!("cannot read: {e}")))?;
        let m: Manifest = toml::from_str(&text).map_err(|e| err(e.to_string()))?;
        let safe = |s: &str| {
            !s.is_empty()
                && s.len() <= 100
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
                && !s.starts_with('.')
        };
        for (what, value) in [
            ("service.id", &m.service.id),
            ("service.projection", &m.service.projection),
            ("rust.crate_name", &m.rust.crate_name),
            ("r.package", &m.r.package),
        ] {
            if !safe(value) {
                return Err(err(format!(
                    "{what} = {value:?} must be 1-100 characters of A-Z a-z 0-9 - _ . not starting with `.`"
                )));
            }
        }
        if m.upstream.sha256.len() != 64
            || !m.upstream.sha256.chars().all(|c| c.is_ascii_hexdigit())
        {
            return Err(err("upstream.sha256 must be 64 hex digits".into()));
        }
        Ok(m)
    }

    /// Every `*.toml` manifest in `dir`, sorted by file name.
    pub fn load_dir(dir: &Path) -> Result<Vec<(PathBuf, Manifest)>, ManifestError> {
        let entries = std::fs::read_dir(dir).map_err(|e| ManifestError {
            file: dir.display().to_string(),
            message: format!("cannot read directory: {e}"),
        })?;
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        paths
            .into_iter()
            .map(|p| Manifest::load(&p).map(|m| (p, m)))
            .collect()
    }
}
