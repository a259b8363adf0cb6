//! Release CI: the workflow files validate against GitHub's workflow schema (`check-jsonschema` from
//! PyPI, its built-in `vendor.github-workflows`) and run only `cargo xtask` commands, `.ci/run` or an
//! install line; `cargo xtask release --dry-run` (what release.yml runs, publishing aside) packages the
//! crate with `cargo package`, builds the R package with `R CMD build` into a tarball whose DESCRIPTION,
//! R files and Rd pages pass R's own checks, and builds the site.

mod common;

use common::{project_root, stderr, xtask};
use std::path::PathBuf;
use std::process::Command;

const WORKFLOWS: [&str; 3] = ["ci.yml", "regen.yml", "release.yml"];

/// `check-jsonschema` beside `$BOTOCORE_PYTHON` (the test venv), or on PATH; panics when missing.
fn check_jsonschema() -> PathBuf {
    if let Some(py) = std::env::var_os("BOTOCORE_PYTHON") {
        let p = PathBuf::from(py).with_file_name("check-jsonschema");
        if p.is_file() {
            return p;
        }
    }
    let on_path = Command::new("check-jsonschema").arg("--version").output();
    assert!(
        on_path.is_ok_and(|o| o.status.success()),
        "check-jsonschema is missing: pip install check-jsonschema in the venv of $BOTOCORE_PYTHON (.ci/run does)"
    );
    PathBuf::from("check-jsonschema")
}

fn validate(files: &[PathBuf]) -> std::process::Output {
    Command::new(check_jsonschema())
        .args(["--builtin-schema", "vendor.github-workflows"])
        .args(files)
        .output()
        .expect("run check-jsonschema")
}

#[test]
fn workflows_match_githubs_schema() {
    let dir = project_root().join(".github/workflows");
    let files: Vec<PathBuf> = WORKFLOWS.iter().map(|f| dir.join(f)).collect();
    let out = validate(&files);
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // The check can fail: a job without `runs-on` or `steps` is refused.
    let tmp = tempfile::tempdir().expect("tempdir");
    let bad = tmp.path().join("bad.yml");
    std::fs::write(
        &bad,
        "name: bad\non: push\njobs:\n  x:\n    timeout-minutes: 5\n",
    )
    .expect("write");
    assert!(
        !validate(&[bad]).status.success(),
        "a broken workflow passed"
    );
}

#[test]
fn every_workflow_step_is_an_xtask_command() {
    let dir = project_root().join(".github/workflows");
    let mut commands = Vec::new();
    for f in WORKFLOWS {
        let text = std::fs::read_to_string(dir.join(f)).expect("workflow");
        for line in text.lines() {
            if let Some(cmd) = line.trim_start().strip_prefix("run: ") {
                let ok = cmd.starts_with("cargo xtask ")
                    || cmd == "bash .ci/run"
                    || cmd.starts_with("sudo apt-get update && sudo apt-get install ");
                assert!(ok, "{f}: step `{cmd}` is not a cargo xtask command");
                commands.push(format!("{f}: {cmd}"));
            }
        }
    }
    let release = std::fs::read_to_string(dir.join("release.yml")).expect("release.yml");
    assert!(
        release.contains("run: cargo xtask release\n"),
        "release.yml runs `cargo xtask release`"
    );
    let regen = std::fs::read_to_string(dir.join("regen.yml")).expect("regen.yml");
    assert!(
        regen.contains("cargo xtask sync --update --changelog-out target/regen/pull-request.md")
    );
    assert!(regen.contains("body-path: target/regen/pull-request.md"));
    assert!(
        !regen.contains("--allow-breaking\n"),
        "regen.yml must stop on a breaking change"
    );
    assert!(commands.len() >= 6, "{commands:?}");
}

#[test]
fn release_dry_run_packages_the_crate_and_the_r_package_and_builds_the_site() {
    let root = project_root();
    let out = root.join("target/release-test");
    let run = xtask(
        &root,
        &[
            "release",
            "--dry-run",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    assert!(
        run.status.success(),
        "release --dry-run failed: {}",
        stderr(&run)
    );
    let manifest =
        codegen::manifest::Manifest::load(&root.join("models/sagemaker.toml")).expect("manifest");
    let krate = out.join(format!(
        "crates/{}-{}.crate",
        manifest.rust.crate_name, manifest.rust.version
    ));
    assert!(krate.is_file(), "no {}", krate.display());
    assert!(out.join("site/index.html").is_file());
    assert!(out.join("site/sagemaker/changelog.html").is_file());
    let tarball = out.join(format!(
        "r/{}_{}.tar.gz",
        manifest.r.package, manifest.r.version
    ));
    assert!(tarball.is_file(), "no {}", tarball.display());
    // R's own checks of what the tarball holds: DESCRIPTION fields, NAMESPACE, every R file parses,
    // every Rd page passes tools::checkRd.
    let unpacked = tempfile::tempdir().expect("tempdir");
    let tar = Command::new("tar")
        .arg("xzf")
        .arg(&tarball)
        .arg("-C")
        .arg(unpacked.path())
        .status()
        .expect("tar");
    assert!(tar.success());
    let pkg = unpacked.path().join(&manifest.r.package);
    let script = r#"
        dir <- tail(commandArgs(TRUE), 1)
        d <- tools:::.check_package_description(file.path(dir, "DESCRIPTION"))
        if (length(d)) { print(d); quit(status = 1) }
        ns <- parseNamespaceFile(basename(dir), dirname(dir))
        if (!length(ns$exports)) quit(status = 2)
        for (f in list.files(file.path(dir, "R"), full.names = TRUE)) parse(f)
        rd <- list.files(file.path(dir, "man"), full.names = TRUE)
        for (f in rd) { r <- tools::checkRd(f); if (length(r)) { print(r); quit(status = 3) } }
        cat(length(rd), "Rd pages,", length(ns$exports), "exports\n")
    "#;
    let r = Command::new("Rscript")
        .args(["-e", script, "--args"])
        .arg(&pkg)
        .output()
        .unwrap_or_else(|e| panic!("Rscript is missing (Debian r-base-core): {e}"));
    assert!(
        r.status.success(),
        "R's checks failed: {}{}",
        String::from_utf8_lossy(&r.stdout),
        String::from_utf8_lossy(&r.stderr)
    );
    eprintln!("{}", String::from_utf8_lossy(&r.stdout));
}
