//! `cargo xtask conformance protocol`: every in-scope case of ../shared/protocol-tests passes or is
//! skipped with a reason (at most 5% skipped), and a corrupted expectation fails with the case
//! named and exit status 1. Fails (does not skip) when ../shared is missing.

mod common;

use common::totals;
use std::path::{Path, PathBuf};
use std::process::Command;

const FILES: &[&str] = &["json", "json_1_0", "json_1_0-query-compatible", "rest-json"];

fn suites() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/protocol-tests");
    assert!(
        dir.is_dir(),
        "the protocol tests are missing: expected {} (../shared/protocol-tests beside the project root)",
        dir.display()
    );
    dir
}

/// Cases in the in-scope files.
fn count_cases(dir: &Path) -> usize {
    let mut n = 0;
    for kind in ["input", "output"] {
        for f in FILES {
            let text = std::fs::read(dir.join(kind).join(format!("{f}.json"))).unwrap();
            let suites: Vec<serde_json::Value> = serde_json::from_slice(&text).unwrap();
            n += suites
                .iter()
                .map(|s| s["cases"].as_array().unwrap().len())
                .sum::<usize>();
        }
    }
    n
}

/// (exit success, stdout) of a run over `dir`.
fn run(dir: &Path) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["conformance", "protocol", "--suites"])
        .arg(dir)
        .output()
        .expect("running xtask");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        !stdout.is_empty(),
        "no output; stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), stdout)
}

/// One test, so that the two runs share the build directory one after the other.
#[test]
fn every_in_scope_case_passes_and_a_broken_expectation_fails() {
    let dir = suites();
    let total = count_cases(&dir);
    assert_eq!(
        total, 372,
        "the in-scope files hold 189 input and 183 output cases"
    );
    let (ok, stdout) = run(&dir);
    let (passed, failed, skipped) = totals(&stdout);
    assert!(ok && failed == 0, "{stdout}");
    assert_eq!(passed + skipped, total, "{stdout}");
    assert!(skipped * 20 <= total, "more than 5% skipped:\n{stdout}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("SKIP ")).count(),
        skipped
    );
    // A wrong expected value in one output case (`foo` read, `bar` expected): that case fails,
    // named, and the run exits 1.
    let copy = tempfile::tempdir().unwrap();
    for kind in ["input", "output"] {
        std::fs::create_dir_all(copy.path().join(kind)).unwrap();
        for f in FILES {
            let name = format!("{f}.json");
            std::fs::copy(
                dir.join(kind).join(&name),
                copy.path().join(kind).join(&name),
            )
            .unwrap();
        }
    }
    let path = copy.path().join("output/json.json");
    let mut suites: Vec<serde_json::Value> =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let case = suites
        .iter_mut()
        .flat_map(|s| s["cases"].as_array_mut().unwrap().iter_mut())
        .find(|c| c["id"] == "AwsJson11DeserializeStringUnionValue")
        .expect("the case AwsJson11DeserializeStringUnionValue");
    case["result"]["contents"]["stringValue"] = "bar".into();
    let id = case["id"].as_str().unwrap().to_string();
    std::fs::write(&path, serde_json::to_vec(&suites).unwrap()).unwrap();
    let (ok, stdout) = run(copy.path());
    assert!(!ok, "{stdout}");
    assert_eq!(totals(&stdout).1, 1, "{stdout}");
    let fail = format!("FAIL output/json/{id}: ");
    assert!(stdout.lines().any(|l| l.starts_with(&fail)), "{stdout}");
}
