//! The whole pipeline as one call: select operations, run the chosen back-ends, collect one [`FileSet`].
//!
//! Output layout (relative to the output directory): `rust/<crate>/...`, `r/<package>/...`, `docs/...`.

use crate::diag::Diagnostics;
use crate::fileset::{BadPath, FileSet};
use crate::ir::Model;
use crate::manifest::Manifest;
use crate::{r, rust, select};

/// A back-end to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// The Rust crate under `rust/<crate>/`.
    Rust,
    /// The R package under `r/<package>/`.
    R,
    /// The markdown documentation pages under `docs/`.
    Docs,
}

impl Target {
    pub const ALL: [Target; 3] = [Target::Rust, Target::R, Target::Docs];

    pub fn parse(s: &str) -> Option<Target> {
        match s {
            "rust" => Some(Target::Rust),
            "r" => Some(Target::R),
            "docs" => Some(Target::Docs),
            _ => None,
        }
    }
}

/// The `awsgen-runtime` version generated crates require unless a manifest says otherwise.
pub const RUNTIME_VERSION: &str = "0.1";

/// Settings for every back-end.
#[derive(Debug, Clone)]
pub struct Settings {
    pub rust: rust::Settings,
    pub r: r::Settings,
}

impl Settings {
    /// Settings from a manifest.
    pub fn from_manifest(m: &Manifest) -> Settings {
        Settings {
            rust: rust::Settings {
                crate_name: m.rust.crate_name.clone(),
                version: m.rust.version.clone(),
                description: m.rust.description.clone(),
                license: m.rust.license.clone(),
                repository: m.rust.repository.clone(),
                runtime_version: m.rust.runtime_version.clone(),
                runtime_path: m.rust.runtime_path.clone(),
            },
            r: r::Settings {
                package: m.r.package.clone(),
                version: m.r.version.clone(),
                title: m.r.title.clone(),
            },
        }
    }

    /// Defaults for a model with no manifest: names derived from the service's sdk id.
    pub fn for_model(model: &Model) -> Settings {
        let id = model
            .service
            .sdk_id
            .as_deref()
            .unwrap_or(&model.service.name);
        let slug: String = id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == ' ' || *c == '-')
            .collect::<String>()
            .split([' ', '-'])
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("-")
            .to_ascii_lowercase();
        let slug = if slug.is_empty() {
            "service".to_string()
        } else {
            slug
        };
        let title = model
            .service
            .full_name
            .clone()
            .unwrap_or_else(|| id.to_string());
        Settings {
            rust: rust::Settings {
                crate_name: format!("{slug}-types"),
                version: "0.1.0".into(),
                description: format!("Typed, validated requests and responses for {title}"),
                license: "Apache-2.0".into(),
                repository: None,
                runtime_version: RUNTIME_VERSION.into(),
                runtime_path: None,
            },
            r: r::Settings {
                package: format!("paws.{}", slug.replace('-', "")),
                version: "0.1.0".into(),
                title: format!("'{title}' bindings"),
            },
        }
    }
}

/// Everything that can go wrong after loading.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{0}")]
    Model(#[from] Diagnostics),
    #[error("{0}")]
    Path(#[from] BadPath),
    #[error("{target:?} back-end: {message}")]
    Backend { target: Target, message: String },
}

/// What a user should be told before generating from `model`: the botocore form carries no
/// `clientOptional`, so a required member is a plain field of the Rust crate where the Smithy form of
/// the same API may make it an `Option` (SageMaker's Smithy model marks all 1,606 so). `None` for
/// the Smithy form.
pub fn form_warning(model: &Model) -> Option<String> {
    (model.form == crate::ir::ModelForm::Botocore).then(|| {
        format!(
            "warning: {} is a botocore model, which cannot say `clientOptional`: required members \
             become plain (non-Option) fields of the Rust crate; the Smithy model of the same API may \
             make some of them Options, so moving between the two forms can change the crate's API",
            model.source
        )
    })
}

/// Select `operations` (all when empty) and run `targets`.
pub fn generate(
    model: &Model,
    operations: &[String],
    targets: &[Target],
    settings: &Settings,
) -> Result<FileSet, Error> {
    let model = select::select(model, operations)?;
    let mut out = FileSet::new();
    let backend = |target| move |message| Error::Backend { target, message };
    if targets.contains(&Target::Rust) {
        let files = rust::generate(&model, &settings.rust).map_err(backend(Target::Rust))?;
        out.extend_under(&format!("rust/{}", settings.rust.crate_name), files)?;
    }
    if targets.contains(&Target::R) || targets.contains(&Target::Docs) {
        let files = r::generate(&model, &settings.r).map_err(backend(Target::R))?;
        if targets.contains(&Target::R) {
            out.extend_under(&format!("r/{}", settings.r.package), files.package)?;
        }
        if targets.contains(&Target::Docs) {
            out.extend_under("docs", files.docs)?;
        }
    }
    Ok(out)
}
