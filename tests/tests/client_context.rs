//! Endpoint context parameters through the generated `Client`: the crate generated from the real
//! Kinesis Smithy model (whose operations carry `staticContextParams` `OperationType` and whose inputs
//! mark `StreamARN`, `ConsumerARN` and `ResourceARN` as `contextParam`s) runs the model's own endpoint
//! test cases as operation calls (`tests/tests/client_context/kinesis.rs`, copied into the crate): the
//! account-scoped `https://<account>.control-kinesis.<region>...` endpoints appear only when the call
//! passes those parameters to the rule set. The crate also passes clippy with warnings denied.
//!
//! Run with `cargo test --release -p tests --test client_context`.

mod rust_support;

use rust_support::{upstream_crate, Workspace};

#[test]
fn kinesis_calls_resolve_the_endpoints_its_rule_tests_expect() {
    let ops = [
        "ListStreams",
        "DescribeStreamConsumer",
        "GetRecords",
        "GetResourcePolicy",
    ];
    let krate = upstream_crate("ctx", "kinesis", &ops, "client_context", "kinesis.rs");
    let ws = Workspace::new(&[krate]);
    let model = tests::smithy_model("kinesis");
    ws.run(
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--no-default-features",
            "--",
            "-D",
            "warnings",
        ],
        &[],
    );
    let out = ws.output(
        &[
            "test",
            "--workspace",
            "--no-default-features",
            "--",
            "--nocapture",
        ],
        &[("KINESIS_MODEL", model.to_str().expect("UTF-8 path"))],
    );
    let summary = out
        .lines()
        .find(|l| l.starts_with("kinesis endpoint tests through calls:"))
        .unwrap_or_else(|| panic!("no summary line in:\n{out}"));
    println!("{summary}");
}
