//! The Rust crate's version verdict (`codegen::release::rust_bump`) against `cargo-semver-checks` on
//! real pairs: the endpoint-config crate generated from botocore 1.35.0 and from 1.44.8, and synthetic
//! edits of the committed projection (a removed member, a new required member, a new enum value, a
//! new operation, a tightened constraint, a required member losing `clientOptional`).
//!
//! Agreement: our verdict is major exactly when `cargo semver-checks --release-type minor` fails (it
//! found an API break); otherwise semver-checks accepts our minor or patch release. (Additions are no
//! lint of semver-checks, so for them the test also checks that the new crate has the new item.)

mod common;

use codegen::diff::diff;
use codegen::manifest::Manifest;
use codegen::pipeline::{self, Settings, Target};
use codegen::release::{rust_bump, Bump};
use codegen::{FileSet, Model};
use common::project_root;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::process::Command;

const SVC: &str = "com.amazonaws.sagemaker#";

fn semver_checks() -> PathBuf {
    let local = project_root().join("target/tools/bin/cargo-semver-checks");
    if local.is_file() {
        return local;
    }
    let found = Command::new("cargo-semver-checks")
        .arg("--version")
        .output();
    assert!(
        found.is_ok_and(|o| o.status.success()),
        "cargo-semver-checks is missing: `cargo install --locked cargo-semver-checks --root target/tools` \
         (.ci/run does)"
    );
    PathBuf::from("cargo-semver-checks")
}

fn manifest() -> Manifest {
    Manifest::load(&project_root().join("models/sagemaker.toml")).expect("manifest")
}

/// Write the crate generated from `model` (selected `ops`) to `dir`, as its own workspace.
fn write_crate(model: &Model, ops: &[String], dir: &Path) {
    let mut settings = Settings::from_manifest(&manifest());
    // Written under target/: the runtime by its absolute path, not the manifest's relative one.
    settings.rust.runtime_path = Some(project_root().join("codegen/runtime").display().to_string());
    let files = pipeline::generate(model, ops, &[Target::Rust], &settings).expect("generate");
    let prefix = format!("rust/{}/", settings.rust.crate_name);
    let mut out = FileSet::new();
    for (p, content) in files.iter() {
        let mut content = content.to_vec();
        if p.ends_with("/Cargo.toml") {
            content.extend_from_slice(b"\n[workspace]\n");
        }
        out.insert(p.strip_prefix(&prefix).unwrap_or(p).to_string(), content)
            .expect("path");
    }
    let lock = std::fs::read(project_root().join("Cargo.lock")).expect("Cargo.lock");
    out.insert("Cargo.lock", lock).expect("path");
    out.write_atomic(dir).expect("write crate");
}

/// One `cargo semver-checks` at a time: every case is a crate of the same name and version, and they
/// share one target dir, so two at once overwrite each other's rustdoc JSON (the tests run in parallel).
static SEMVER_CHECKS: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Does `cargo semver-checks` accept `new` as a minor release of `old`?
fn semver_accepts_minor(case: &str, old: &Path, new: &Path) -> (bool, String) {
    let _one_at_a_time = SEMVER_CHECKS.lock().unwrap_or_else(|e| e.into_inner());
    let work = project_root().join("target/semver-work");
    let out = Command::new(semver_checks())
        .args([
            "semver-checks",
            "check-release",
            "--release-type",
            "minor",
            "--manifest-path",
        ])
        .arg(new.join("Cargo.toml"))
        .arg("--baseline-root")
        .arg(old)
        .env("CARGO_TARGET_DIR", work.join("target"))
        .output()
        .expect("run cargo-semver-checks");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!(
        "{case}: cargo semver-checks says {}",
        if out.status.success() {
            "minor is enough"
        } else {
            "major"
        }
    );
    (out.status.success(), text)
}

/// Generate both crates, compare the verdicts; returns our verdict.
fn agree(case: &str, old: &Model, new: &Model, ops: &[String]) -> Bump {
    let dir = project_root().join("target/semver-work").join(case);
    let (old_dir, new_dir) = (dir.join("old"), dir.join("new"));
    write_crate(old, ops, &old_dir);
    write_crate(new, ops, &new_dir);
    let (old_sel, new_sel) = (
        codegen::select::select(old, ops).expect("select"),
        codegen::select::select(new, ops).expect("select"),
    );
    let events = diff(&old_sel, &new_sel);
    let (ours, why) = rust_bump(&old_sel, &new_sel, &events);
    let (minor_ok, report) = semver_accepts_minor(case, &old_dir, &new_dir);
    assert_eq!(
        ours == Bump::Major,
        !minor_ok,
        "{case}: our verdict {ours} ({why}) disagrees with cargo-semver-checks:\n{report}"
    );
    ours
}

fn projection() -> Value {
    let text = std::fs::read_to_string(project_root().join("models/sagemaker.projection.json"))
        .expect("projection");
    serde_json::from_str(&text).expect("JSON")
}

fn load(v: &Value) -> Model {
    codegen::sync::load_bytes("projection.json", v.to_string().as_bytes()).expect("load")
}

fn shape<'a>(v: &'a mut Value, name: &str) -> &'a mut Value {
    &mut v["shapes"][format!("{SVC}{name}")]
}

fn edited(edit: impl FnOnce(&mut Value)) -> (Model, Model) {
    let old = projection();
    let mut new = old.clone();
    edit(&mut new);
    (load(&old), load(&new))
}

fn file_has(case: &str, rel: &str, needle: &str) -> bool {
    let p = project_root()
        .join("target/semver-work")
        .join(case)
        .join("new")
        .join(rel);
    std::fs::read_to_string(p).is_ok_and(|t| t.contains(needle))
}

#[test]
fn botocore_1_35_0_to_1_44_8() {
    let ops = manifest().selection.operations;
    let model = |v: &str| {
        let p = project_root()
            .join("../shared/upstream/botocore")
            .join(v)
            .join("sagemaker/2017-07-24/service-2.json");
        codegen::load::load_file(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
    };
    // New members and enum values (some inserted mid-list: a smithy-diff ERROR), nothing removed.
    assert_eq!(
        agree("botocore", &model("1.35.0"), &model("1.44.8"), &ops),
        Bump::Minor
    );
}

#[test]
fn synthetic_edits() {
    let ops = manifest().selection.operations;
    let (o, n) = edited(|v| {
        shape(v, "Tag")["members"]
            .as_object_mut()
            .unwrap()
            .remove("Value");
    });
    assert_eq!(agree("removed-member", &o, &n, &ops), Bump::Major);

    let (o, n) = edited(|v| {
        shape(v, "Tag")["members"]["Owner"] = json!({"target": format!("{SVC}TagValue"),
            "traits": {"smithy.api#required": {}, "smithy.api#clientOptional": {}}});
    });
    assert_eq!(agree("new-required-member", &o, &n, &ops), Bump::Minor);
    assert!(file_has(
        "new-required-member",
        "src/types/tag.rs",
        "pub owner:"
    ));

    let (o, n) = edited(|v| {
        shape(v, "RoutingStrategy")["members"]["ROUND_ROBIN"] = json!({"target": "smithy.api#Unit",
            "traits": {"smithy.api#enumValue": "ROUND_ROBIN"}});
    });
    assert_eq!(agree("new-enum-value", &o, &n, &ops), Bump::Minor);
    assert!(file_has(
        "new-enum-value",
        "src/types/routing_strategy.rs",
        "RoundRobin"
    ));

    let (o, n) = edited(|v| {
        v["shapes"][format!("{SVC}PingEndpointConfig")] = json!({"type": "operation",
            "input": {"target": format!("{SVC}PingEndpointConfigInput")}, "output": {"target": "smithy.api#Unit"}});
        v["shapes"][format!("{SVC}PingEndpointConfigInput")] = json!({"type": "structure", "members": {
            "EndpointConfigName": {"target": format!("{SVC}EndpointConfigName")}}});
        let svc = shape(v, "SageMaker");
        svc["operations"]
            .as_array_mut()
            .unwrap()
            .push(json!({"target": format!("{SVC}PingEndpointConfig")}));
    });
    let mut with_new = ops.clone();
    with_new.push("PingEndpointConfig".into());
    // The old model lacks the operation: select it only where it exists.
    let dir = project_root().join("target/semver-work/new-operation");
    write_crate(&o, &ops, &dir.join("old"));
    write_crate(&n, &with_new, &dir.join("new"));
    let (old_sel, new_sel) = (
        codegen::select::select(&o, &ops).unwrap(),
        codegen::select::select(&n, &with_new).unwrap(),
    );
    let (ours, _) = rust_bump(&old_sel, &new_sel, &diff(&old_sel, &new_sel));
    assert_eq!(ours, Bump::Minor);
    assert!(semver_accepts_minor("new-operation", &dir.join("old"), &dir.join("new")).0);
    assert!(file_has(
        "new-operation",
        "src/types.rs",
        "PingEndpointConfigInput"
    ));

    let (o, n) = edited(|v| {
        shape(v, "EndpointConfigName")["traits"]["smithy.api#length"]["max"] = json!(40);
    });
    assert_eq!(agree("tightened-constraint", &o, &n, &ops), Bump::Patch);

    // Known disagreement, kept visible: a required member losing `clientOptional` turns
    // `pub key: Option<String>` into `pub key: String`, which breaks every reader of the field, but
    // cargo-semver-checks 0.51 has no lint for a changed field type and accepts a minor release. Our
    // verdict stays major; the test checks both halves so a future semver-checks that catches it fails
    // here and the exception can go.
    let (o, n) = edited(|v| {
        shape(v, "Tag")["members"]["Key"]["traits"] = json!({"smithy.api#required": {}});
    });
    let case = "client-optional-removed";
    let dir = project_root().join("target/semver-work").join(case);
    write_crate(&o, &ops, &dir.join("old"));
    write_crate(&n, &ops, &dir.join("new"));
    let (old_sel, new_sel) = (
        codegen::select::select(&o, &ops).unwrap(),
        codegen::select::select(&n, &ops).unwrap(),
    );
    assert_eq!(
        rust_bump(&old_sel, &new_sel, &diff(&old_sel, &new_sel)).0,
        Bump::Major
    );
    assert!(file_has(case, "src/types/tag.rs", "pub key: String,"));
    assert!(
        semver_accepts_minor(case, &dir.join("old"), &dir.join("new")).0,
        "cargo-semver-checks now catches a changed field type: use agree() for this case"
    );
    eprintln!("1 known disagreement: {case} (cargo-semver-checks has no field-type-change lint)");
}
