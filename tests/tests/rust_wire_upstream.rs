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
use rust_support::{upstream_crate, Workspace};

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

#[test]
fn upstream_crates_round_trip_their_wire_format() {
    let crates: Vec<(String, FileSet)> = CRATES
        .iter()
        .map(|(service, ops, test)| upstream_crate("wire", service, ops, "rust_wire", test))
        .collect();
    let ws = Workspace::new(&crates);
    ws.clippy_test_doc();
}
