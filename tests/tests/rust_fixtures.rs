//! Edge-case models (`tests/fixtures/rust/*.json`, the injection model of the hostile tests included:
//! recursion, names such as `Option` / `Self` /
//! `type`, colliding and digit-leading enum values, empty shapes, every constraint): the generated crates
//! match the checked-in snapshots (`tests/fixtures/rust/snapshots/<name>/`) and pass
//! `cargo clippy -D warnings`, their behaviour tests (`tests/fixtures/rust/behaviour/`) and `cargo doc`
//! with warnings denied, all in one temporary workspace.

mod rust_support;

use codegen::FileSet;
use rust_support::{check_snapshot, generate, Workspace};
use std::path::PathBuf;

fn fixtures_dir() -> PathBuf {
    tests::project_root().join("tests/fixtures/rust")
}

/// (fixture stem, crate name, generated files) for every fixture, sorted.
fn fixtures() -> Vec<(String, String, FileSet)> {
    let mut out = Vec::new();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("read fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    for path in paths {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let name = format!("fixture-{stem}");
        let files = generate(&path, &[], &name);
        out.push((stem, name, files));
    }
    assert!(
        out.len() >= 5,
        "expected the edge-case fixtures in {}",
        fixtures_dir().display()
    );
    out
}

#[test]
fn generated_fixture_crates_match_snapshots() {
    for (stem, _, files) in fixtures() {
        check_snapshot(
            &files,
            &fixtures_dir().join("snapshots").join(&stem),
            "rust_fixtures",
        );
    }
}

#[test]
fn generation_is_deterministic_across_thread_counts() {
    let path = fixtures_dir().join("names.json");
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| generate(&path, &[], "x"));
    let many = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .unwrap()
        .install(|| generate(&path, &[], "x"));
    assert_eq!(one, many);
}

/// Each fixture crate plus its behaviour test (`tests/fixtures/rust/behaviour/<name>.rs`, copied in as
/// `tests/behaviour.rs`) passes clippy with warnings denied, its tests, and `cargo doc` (warnings denied).
#[test]
fn fixture_crates_pass_clippy_tests_and_doc() {
    let mut behaviours = 0;
    let crates: Vec<(String, FileSet)> = fixtures()
        .into_iter()
        .map(|(stem, name, mut files)| {
            let test = fixtures_dir().join("behaviour").join(format!("{stem}.rs"));
            if let Ok(text) = std::fs::read(&test) {
                behaviours += 1;
                files
                    .insert("tests/behaviour.rs", text)
                    .expect("insert test");
            }
            (name, files)
        })
        .collect();
    assert!(behaviours >= 4, "behaviour tests missing");
    let ws = Workspace::new(&crates);
    ws.clippy_test_doc();
}
