//! The JSON wire format of crates generated from REAL upstream models (`api-models-aws`), compiled and
//! exercised by the behaviour tests in `tests/tests/rust_wire/<service>.rs`, all in one temporary
//! workspace (clippy with warnings denied, the tests, `cargo doc` with warnings denied):
//! - `apigatewaymanagementapi` (restJson1): `jsonName` body members, `date-time` timestamps, a blob
//!   `httpPayload` beside an `httpLabel`;
//! - `medical-imaging` (restJson1): structure and union `httpPayload`s beside labels and query
//!   parameters, an unknown union member kept through a round trip;
//! - `networkflowmonitor` (restJson1): a list of timestamps whose member says `date-time`;
//! - `cloudtrail` (awsJson1_1): a list of timestamps in the default epoch seconds;
//! - `cloudfront-keyvaluestore` (restJson1): a response with a required header beside required body
//!   members reads from its body alone.
//!
//! Run with `cargo test --release -p tests --test rust_wire_upstream`.

mod rust_support;

use codegen::FileSet;
use rust_support::{generate, Workspace};

/// (service directory, operations, behaviour test).
const CRATES: &[(&str, &[&str], &str)] = &[
    ("apigatewaymanagementapi", &[], "apigatewaymanagementapi.rs"),
    (
        "medical-imaging",
        &["CopyImageSet", "UpdateImageSetMetadata"],
        "medical_imaging.rs",
    ),
    (
        "networkflowmonitor",
        &["GetQueryResultsWorkloadInsightsTopContributorsData"],
        "networkflowmonitor.rs",
    ),
    ("cloudtrail", &["ListInsightsMetricData"], "cloudtrail.rs"),
    (
        "cloudfront-keyvaluestore",
        &["DescribeKeyValueStore", "PutKey"],
        "cloudfront_keyvaluestore.rs",
    ),
];

/// The generated crate of one service (named `wire-<service>`), with its behaviour test.
fn krate(service: &str, operations: &[&str], test: &str) -> (String, FileSet) {
    let name = format!("wire-{service}");
    let ops: Vec<String> = operations.iter().map(|s| s.to_string()).collect();
    let mut files = generate(&tests::smithy_model(service), &ops, &name);
    let path = tests::project_root()
        .join("tests/tests/rust_wire")
        .join(test);
    let text = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    files.insert("tests/wire.rs", text).expect("insert test");
    (name, files)
}

#[test]
fn upstream_crates_round_trip_their_wire_format() {
    let crates: Vec<(String, FileSet)> = CRATES
        .iter()
        .map(|(service, ops, test)| krate(service, ops, test))
        .collect();
    let ws = Workspace::new(&crates);
    ws.run(
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
    ws.run(&["test", "--workspace"], &[]);
    ws.run(
        &["doc", "--workspace", "--no-deps"],
        &[("RUSTDOCFLAGS", "-D warnings")],
    );
}
