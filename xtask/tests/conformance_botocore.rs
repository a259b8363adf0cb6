//! `cargo xtask conformance botocore`: the differential against botocore's serializer and parser
//! over its default 22 JSON-protocol services passes with no failure, and every operation of
//! every service is compared (or skipped, operation by operation, with the reason printed).
//! Fails (does not skip) when `BOTOCORE_PYTHON` is not set.

mod common;

use common::totals;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// The services issue 10 names; the run must include them.
const NAMED: &[&str] = &[
    "sagemaker",
    "dynamodb",
    "lambda",
    "apigateway",
    "kinesis",
    "glue",
    "ecs",
    "logs",
    "stepfunctions",
    "bedrock",
];

/// The number before `word` in `line` (`358 operations` -> 358).
fn count(line: &str, word: &str) -> usize {
    let words: Vec<&str> = line.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    let i = words.iter().position(|w| *w == word).unwrap();
    words[i - 1].parse().unwrap()
}

#[test]
fn every_operation_of_22_services_agrees_with_botocore() {
    assert!(
        std::env::var_os("BOTOCORE_PYTHON").is_some_and(|p| !p.is_empty()),
        "BOTOCORE_PYTHON is not set: it must name a Python with botocore==1.37.23 (python3 -m venv \
         target/ci-venv && target/ci-venv/bin/pip install botocore==1.37.23)"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_xtask"))
        .args(["conformance", "botocore"])
        .output()
        .expect("running xtask");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        !stdout.is_empty(),
        "no output; stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (passed, failed, skipped) = totals(&stdout);
    assert!(out.status.success() && failed == 0, "{stdout}");
    assert_eq!(
        stdout.lines().filter(|l| l.starts_with("SKIP ")).count(),
        skipped,
        "{stdout}"
    );
    // Operations skipped as a whole (`SKIP <service>/<operation>: ...`, no case id after it).
    let mut skipped_ops: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for line in stdout.lines().filter_map(|l| l.strip_prefix("SKIP ")) {
        let (name, _) = line.split_once(": ").unwrap();
        let parts: Vec<&str> = name.split('/').collect();
        if parts.len() == 2 {
            skipped_ops.entry(parts[0]).or_default().insert(parts[1]);
        }
    }
    let services: Vec<&str> = stdout
        .lines()
        .filter(|l| l.contains(" operations, ") && l.contains(" compared, "))
        .collect();
    assert!(services.len() >= 20, "fewer than 20 services:\n{stdout}");
    for name in NAMED {
        assert!(
            services.iter().any(|l| l.starts_with(&format!("{name}: "))),
            "{name} is not compared:\n{stdout}"
        );
    }
    let mut operations = 0;
    for line in &services {
        let service = line.split(':').next().unwrap();
        let ops = count(line, "operations");
        let compared = count(line, "compared");
        let whole = skipped_ops.get(service).map_or(0, BTreeSet::len);
        assert_eq!(
            compared + whole,
            ops,
            "{service}: not every operation compared or skipped with a reason:\n{stdout}"
        );
        assert!(
            compared * 20 >= ops * 19,
            "{service}: over 5% skipped\n{stdout}"
        );
        operations += ops;
    }
    assert!(operations >= 1000, "{operations} operations:\n{stdout}");
    // Every compared operation has at least its inputs and its output case.
    assert!(
        passed >= operations * 3,
        "{passed} cases for {operations} operations"
    );
}
