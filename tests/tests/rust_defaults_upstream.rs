//! Model defaults of required members on REAL upstream models (`api-models-aws`; SageMaker has no
//! `default` trait at all): crates generated from a few operations are compiled with the behaviour
//! tests in `tests/tests/rust_defaults/<service>.rs`, which check that `build()` fills in each default
//! and still names every required member without one; clippy and `cargo doc` with warnings denied.
//! - `sfn` (awsJson1_0): required integer, long and float members with `default: 0` (and a float
//!   `range`, which also exercises the f32 reader);
//! - `kafkaconnect` (restJson1): a required boolean with `default: false`, three structures deep in an
//!   operation input;
//! - `qapps` (restJson1): required enum members with a string default, inside union variants;
//! - `glue` (awsJson1_1): a required list with `default: []`.
//!
//! Run with `cargo test --release -p tests --test rust_defaults_upstream`.

mod rust_support;

use codegen::FileSet;
use rust_support::{upstream_crate, Workspace};

/// (service directory, operations, behaviour test).
const CRATES: &[(&str, &[&str], &str)] = &[
    ("sfn", &["DescribeMapRun"], "sfn.rs"),
    ("kafkaconnect", &["CreateConnector"], "kafkaconnect.rs"),
    ("qapps", &["CreateQApp"], "qapps.rs"),
    ("glue", &["DescribeConnectionType"], "glue.rs"),
];

#[test]
fn upstream_required_defaults_are_filled_in_by_build() {
    let crates: Vec<(String, FileSet)> = CRATES
        .iter()
        .map(|(service, ops, test)| upstream_crate("defaults", service, ops, "rust_defaults", test))
        .collect();
    let ws = Workspace::new(&crates);
    ws.clippy_test_doc();
}
