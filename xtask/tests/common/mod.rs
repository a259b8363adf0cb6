//! Helpers for the xtask command tests: a temporary project root holding copies of `models/` and
//! `generated/`, running the real `xtask` binary against it, and byte-for-byte snapshots.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The real project root (the parent of `xtask/`).
pub fn project_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask/ has a parent")
        .to_path_buf()
}

/// A temporary project root with copies of the committed `models/` and `generated/`.
pub fn temp_root() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for sub in ["models", "generated"] {
        let from = project_root().join(sub);
        if from.is_dir() {
            copy_dir(&from, &dir.path().join(sub));
        }
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Run `xtask ARGS` with the project root pointed at `root`.
pub fn xtask(root: &Path, args: &[&str]) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(args)
        .env("XTASK_PROJECT_ROOT", root)
        .output()
        .expect("run xtask")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Every file under `dir` with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let entry = entry.expect("entry");
        let p = entry.path();
        if entry.file_type().expect("file type").is_dir() {
            walk(root, &p, out);
        } else {
            let rel = p.strip_prefix(root).expect("under root").to_path_buf();
            out.insert(rel, std::fs::read(&p).expect("read"));
        }
    }
}

/// `../shared/upstream/<rel>`, or a panic saying it is missing.
pub fn upstream(rel: &str) -> PathBuf {
    let p = project_root().join("../shared/upstream").join(rel);
    assert!(p.is_file(), "missing upstream model {}", p.display());
    p
}

/// `(passed, failed, skipped)` of a conformance command's last line, `N passed, N failed, N skipped`.
pub fn totals(stdout: &str) -> (usize, usize, usize) {
    let last = stdout.lines().last().expect("some output");
    let n: Vec<usize> = last
        .split(", ")
        .map(|p| p.split(' ').next().unwrap().parse().unwrap())
        .collect();
    (n[0], n[1], n[2])
}
