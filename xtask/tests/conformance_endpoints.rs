//! `cargo xtask conformance endpoints`: every endpoint test case of the real model corpus in
//! `../shared/upstream/api-models-aws` passes (402 models, 15,320 cases, counted independently of
//! the command by reading the models here), and a wrong expectation is reported as a failure.

mod common;

use serde_json::{json, Value};
use std::path::Path;
use std::process::{Command, Output};

fn conformance(models: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["conformance", "endpoints", "--models"])
        .arg(models)
        .output()
        .expect("run xtask")
}

fn last_line(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .unwrap_or_default()
        .to_owned()
}

/// Counts models with endpoint tests, and their cases, straight from the JSON.
fn count_cases(dir: &Path) -> (usize, usize) {
    let (mut models, mut cases) = (0, 0);
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                continue; // `.scripts/overrides.json` is not a model
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let model: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                for shape in model["shapes"]
                    .as_object()
                    .into_iter()
                    .flat_map(|s| s.values())
                {
                    if let Some(t) =
                        shape["traits"]["smithy.rules#endpointTests"]["testCases"].as_array()
                    {
                        models += 1;
                        cases += t.len();
                    }
                }
            }
        }
    }
    (models, cases)
}

#[test]
fn every_case_of_the_corpus_passes() {
    let corpus = common::project_root().join("../shared/upstream/api-models-aws");
    assert!(
        corpus.is_dir(),
        "the model corpus is missing: {}",
        corpus.display()
    );
    assert_eq!(count_cases(&corpus), (402, 15_320), "the corpus changed");
    let out = conformance(&corpus);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(last_line(&out), "15320 passed, 0 failed, 0 skipped");
    assert!(
        stdout.contains("endpoints: 402 models, 15320 cases"),
        "{stdout}"
    );
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("ok   ")).count(),
        402
    );
}

#[test]
fn a_wrong_expectation_fails_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let rule_set = json!({
        "version": "1.0",
        "parameters": {"Region": {"type": "String", "builtIn": "AWS::Region", "required": true}},
        "rules": [{"type": "endpoint", "conditions": [
            {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}],
            "endpoint": {"url": "https://svc.{Region}.{p#dnsSuffix}"}}]
    });
    let case = |doc: &str, region: &str, url: &str| json!({"documentation": doc, "params": {"Region": region}, "expect": {"endpoint": {"url": url}}});
    let model = json!({"smithy": "2.0", "shapes": {"example#Svc": {"type": "service", "traits": {
        "smithy.rules#endpointRuleSet": rule_set,
        "smithy.rules#endpointTests": {"version": "1.0", "testCases": [
            case("right", "cn-north-1", "https://svc.cn-north-1.amazonaws.com.cn"),
            case("wrong", "us-east-1", "https://svc.us-east-1.example.com"),
            {"documentation": "missing", "params": {}, "expect": {"error": "Region is required"}}
        ]}
    }}}});
    std::fs::write(dir.path().join("svc.json"), model.to_string()).unwrap();
    let out = conformance(dir.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert_eq!(last_line(&out), "1 passed, 2 failed, 0 skipped");
    assert!(stdout.contains("FAIL svc.json"), "{stdout}");
    assert!(
        stdout.contains("wrong: URL: expected https://svc.us-east-1.example.com"),
        "{stdout}"
    );
    assert!(stdout.contains("missing: expected error"), "{stdout}");
}

#[test]
fn a_missing_corpus_is_an_error() {
    let out = conformance(Path::new("no/such/dir"));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/dir"));
}
