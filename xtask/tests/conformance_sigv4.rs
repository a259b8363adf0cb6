//! `cargo xtask conformance sigv4`: every case of ../shared/sigv4-testsuite passes (none skipped),
//! a corrupted expectation fails with the case and line named and exit status 1, and a missing
//! suite is a clear error. Fails (does not skip) when ../shared is missing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn suite() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/sigv4-testsuite");
    assert!(
        dir.is_dir(),
        "the SigV4 test suite is missing: expected {} (../shared/sigv4-testsuite beside the project root)",
        dir.display()
    );
    dir
}

fn conformance(suite: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["conformance", "sigv4", "--suite"])
        .arg(suite)
        .output()
        .expect("running xtask")
}

/// Folders NAME holding NAME.req, counted the way the suite's README describes a case.
fn count_cases(dir: &Path) -> usize {
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            n += usize::from(p.join(format!("{name}.req")).is_file()) + count_cases(&p);
        }
    }
    n
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let dest = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &dest);
        } else {
            std::fs::copy(&p, &dest).unwrap();
        }
    }
}

#[test]
fn every_case_of_the_official_suite_passes() {
    let dir = suite();
    let cases = count_cases(&dir);
    assert!(cases >= 30, "only {cases} cases found in {}", dir.display());
    let out = conformance(&dir);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout.lines().last(),
        Some(format!("{cases} passed, 0 failed, 0 skipped").as_str()),
        "{stdout}"
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("PASS ")).count(),
        cases
    );
    // The session-token cases and the path normalisation cases are among them.
    for name in [
        "get-vanilla-with-session-token",
        "post-sts-token/post-sts-header-after",
        "post-sts-token/post-sts-header-before",
        "normalize-path/get-space",
        "get-header-value-multiline",
    ] {
        assert!(
            stdout.contains(&format!("PASS {name}\n")),
            "{name}: {stdout}"
        );
    }
}

#[test]
fn a_wrong_expectation_fails_naming_case_and_line() {
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("suite");
    copy_dir(&suite(), &copy);
    let authz = copy.join("get-vanilla/get-vanilla.authz");
    let text = std::fs::read_to_string(&authz).unwrap();
    std::fs::write(&authz, text.replace("Signature=5", "Signature=6")).unwrap();
    let sts = copy.join("get-utf8/get-utf8.sts");
    let text = std::fs::read_to_string(&sts).unwrap();
    std::fs::write(&sts, text.replace("us-east-1", "us-west-2")).unwrap();

    let out = conformance(&copy);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    let cases = count_cases(&copy);
    assert!(
        stdout.ends_with(&format!("{} passed, 2 failed, 0 skipped\n", cases - 2)),
        "{stdout}"
    );
    assert!(
        stdout.contains("FAIL get-vanilla: Authorization: line 1: ours"),
        "{stdout}"
    );
    assert!(
        stdout.contains("FAIL get-utf8: string to sign: line 3: ours"),
        "{stdout}"
    );
}

#[test]
fn a_missing_suite_is_a_clear_error() {
    let tmp = tempfile::tempdir().unwrap();
    let out = conformance(&tmp.path().join("nowhere"));
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the SigV4 test suite is missing"),
        "{stderr}"
    );
    let empty = conformance(tmp.path());
    assert!(String::from_utf8_lossy(&empty.stderr).contains("no SigV4 case"));
}
