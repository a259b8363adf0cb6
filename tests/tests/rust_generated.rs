//! The committed crate `generated/rust/sagemaker-endpoint-config` is exactly what the Rust back-end
//! makes from `models/sagemaker.projection.json` with the settings of `models/sagemaker.toml`
//! (`UPDATE_SNAPSHOTS=1` rewrites it; `cargo xtask regenerate` produces the same bytes).

mod rust_support;

use codegen::manifest::Manifest;
use codegen::pipeline::{self, Settings, Target};
use codegen::FileSet;

#[test]
fn committed_sagemaker_crate_is_up_to_date() {
    let root = tests::project_root();
    let manifest = Manifest::load(&root.join("models/sagemaker.toml")).expect("manifest");
    let model = codegen::load::load_file(&root.join("models").join(&manifest.service.projection))
        .expect("projection loads");
    let settings = Settings::from_manifest(&manifest);
    let files = pipeline::generate(
        &model,
        &manifest.selection.operations,
        &[Target::Rust],
        &settings,
    )
    .expect("generate");
    let prefix = format!("rust/{}/", settings.rust.crate_name);
    let mut krate = FileSet::new();
    for (path, content) in files.iter() {
        krate
            .insert(
                path.strip_prefix(&prefix).expect("crate path"),
                content.to_vec(),
            )
            .expect("insert");
    }
    assert!(krate
        .get("src/types/create_endpoint_config_input.rs")
        .is_some());
    // `cargo xtask regenerate` also copies the crate's changelog (models/changelog/<crate>.md,
    // which `sync` prepends to) into the crate.
    let changelog = root
        .join("models/changelog")
        .join(format!("{}.md", settings.rust.crate_name));
    let text = std::fs::read(&changelog)
        .unwrap_or_else(|e| panic!("reading {}: {e}", changelog.display()));
    krate.insert("CHANGELOG.md", text).expect("insert");
    rust_support::check_snapshot(
        &krate,
        &root.join("generated/rust").join(&settings.rust.crate_name),
        "rust_generated",
    );
}
