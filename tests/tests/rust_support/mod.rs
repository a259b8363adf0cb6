//! Shared by the `rust_*` tests: generating crates in memory, comparing them with snapshots, and
//! checking many crates with ONE cargo invocation in a temporary workspace (dependencies come from the
//! project's `Cargo.lock`, builds go to `target/rust-check` so that they are reused between runs).

#![allow(dead_code)]

use codegen::pipeline::{self, Target};
use codegen::FileSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Generate the Rust crate for `operations` (all when empty) of a model file.
pub fn generate(model: &Path, operations: &[String], crate_name: &str) -> FileSet {
    let model = codegen::load::load_file(model)
        .unwrap_or_else(|e| panic!("loading {}: {e}", model.display()));
    generate_model(&model, operations, crate_name)
}

/// Generate the Rust crate of an already loaded model.
pub fn generate_model(model: &codegen::Model, operations: &[String], crate_name: &str) -> FileSet {
    let mut settings = pipeline::Settings::for_model(model);
    settings.rust.crate_name = crate_name.to_string();
    settings.rust.runtime_path = Some(runtime_path());
    let files = pipeline::generate(model, operations, &[Target::Rust], &settings)
        .unwrap_or_else(|e| panic!("generating {crate_name}: {e}"));
    let mut out = FileSet::new();
    let prefix = format!("rust/{crate_name}/");
    for (path, content) in files.iter() {
        let rel = path
            .strip_prefix(&prefix)
            .unwrap_or_else(|| panic!("unexpected output path {path}"));
        out.insert(rel.to_string(), content.to_vec()).expect("path");
    }
    out
}

/// The project's `awsgen-runtime` (absolute: crates built here live in temporary directories).
pub fn runtime_path() -> String {
    tests::project_root()
        .join("codegen/runtime")
        .display()
        .to_string()
}

/// A cargo command for the temporary workspace `dir`.
fn cargo(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(dir)
        .args(args)
        .env(
            "CARGO_TARGET_DIR",
            tests::project_root().join("target/rust-check"),
        )
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS");
    cmd
}

/// A temporary workspace holding `crates` (name -> files) plus `extra` files at its root.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new(crates: &[(String, FileSet)]) -> Workspace {
        let dir = tempfile::Builder::new()
            .prefix("rust-check-")
            .tempdir()
            .expect("temp dir");
        let members: Vec<String> = crates.iter().map(|(n, _)| format!("{n:?}")).collect();
        std::fs::write(
            dir.path().join("Cargo.toml"),
            format!(
                "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
                members.join(", ")
            ),
        )
        .expect("write workspace");
        std::fs::copy(
            tests::project_root().join("Cargo.lock"),
            dir.path().join("Cargo.lock"),
        )
        .expect("copy Cargo.lock");
        for (name, files) in crates {
            files
                .write_atomic(&dir.path().join(name))
                .expect("write crate");
        }
        Workspace { dir }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }

    /// Run cargo with `args` (offline); panic with its output when it fails.
    pub fn run(&self, args: &[&str], env: &[(&str, &str)]) {
        self.output(args, env);
    }

    /// Like [`Workspace::run`], returning what cargo and the programs it ran printed.
    pub fn output(&self, args: &[&str], env: &[(&str, &str)]) -> String {
        let mut all = vec![args[0], "--offline"];
        all.extend(&args[1..]);
        let mut cmd = cargo(self.dir.path(), &all);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.output().expect("run cargo");
        assert!(
            out.status.success(),
            "cargo {} failed:\n{}\n{}",
            args.join(" "),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    }

    /// Every crate passes clippy with warnings denied, its tests, and `cargo doc` with warnings denied.
    pub fn clippy_test_doc(&self) {
        self.run(
            &[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
            &[],
        );
        self.run(&["test", "--workspace"], &[]);
        self.run(
            &["doc", "--workspace", "--no-deps"],
            &[("RUSTDOCFLAGS", "-D warnings")],
        );
    }
}

/// The crate generated for some `operations` of an upstream Smithy model (`api-models-aws/<service>`),
/// named `<prefix>-<service>`, with the behaviour test `tests/tests/<dir>/<test>` copied in as
/// `tests/<dir>.rs`.
pub fn upstream_crate(
    prefix: &str,
    service: &str,
    operations: &[&str],
    dir: &str,
    test: &str,
) -> (String, FileSet) {
    let name = format!("{prefix}-{service}");
    let ops: Vec<String> = operations.iter().map(|s| s.to_string()).collect();
    let mut files = generate(&tests::smithy_model(service), &ops, &name);
    let path = tests::project_root()
        .join("tests/tests")
        .join(dir)
        .join(test);
    let text = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    files
        .insert(format!("tests/{dir}.rs"), text)
        .expect("insert test");
    (name, files)
}

/// Compare generated files with a snapshot directory; with `UPDATE_SNAPSHOTS=1`, rewrite it instead.
pub fn check_snapshot(files: &FileSet, dir: &Path, test: &str) {
    let portable = portable(files, dir);
    let files = &portable;
    if std::env::var("UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1") {
        files.write_atomic(dir).expect("write snapshot");
        return;
    }
    let stale = files.compare(dir).expect("compare snapshot");
    assert!(
        stale.is_empty(),
        "snapshot {} is out of date:\n  {}\nrun `UPDATE_SNAPSHOTS=1 cargo test -p tests --test {test}` and review the diff",
        dir.display(),
        stale.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n  ")
    );
}

/// `files` as committed under `dir`: a `Cargo.toml` naming the runtime by this checkout's absolute
/// path (see [`runtime_path`]) names it relative to `dir` instead, so that snapshots hold no path of
/// the machine they were made on.
fn portable(files: &FileSet, dir: &Path) -> FileSet {
    let abs = runtime_path();
    let root = tests::project_root();
    let up = dir
        .strip_prefix(&root)
        .map(|d| "../".repeat(d.components().count()))
        .unwrap_or_default();
    let rel = format!("{up}codegen/runtime");
    let mut out = FileSet::new();
    for (path, content) in files.iter() {
        let content = if path == "Cargo.toml" {
            String::from_utf8_lossy(content)
                .replace(&abs, &rel)
                .into_bytes()
        } else {
            content.to_vec()
        };
        out.insert(path.to_string(), content).expect("path");
    }
    out
}
