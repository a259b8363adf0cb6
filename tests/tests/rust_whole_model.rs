//! Whole-model tests of the Rust back-end on the real upstream models (slow; kept apart, and run only
//! in optimised builds: `cargo test --release -p tests --test rust_whole_model`):
//! - every Smithy model in `api-models-aws` generates a crate whose every file parses (`syn`);
//! - the full SageMaker model (all operations) and a sample of ten services across the protocols
//!   upstream has (awsJson1_0, awsJson1_1, restJson1, restXml, awsQuery; there is no ec2Query model in
//!   the snapshot, the `ec2query` fixture covers it) pass `cargo check`, in ONE cargo invocation.

mod rust_support;

use codegen::FileSet;
use rayon::prelude::*;
use rust_support::{generate, Workspace};

/// The sample: two services per protocol present upstream.
const SAMPLE: &[&str] = &[
    "sqs",
    "sfn",
    "kinesis",
    "acm",
    "lambda",
    "eks-auth",
    "route-53",
    "cloudfront",
    "sts",
    "sns",
];

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "too slow unoptimised: run `cargo test --release -p tests --test rust_whole_model`"
)]
fn every_model_generates_rust_that_parses() {
    let models = tests::all_smithy_models();
    assert!(
        models.len() >= 400,
        "expected the 403 models, found {}",
        models.len()
    );
    let failures: Vec<String> = models
        .par_iter()
        .filter_map(|path| {
            let model = match codegen::load::load_file(path) {
                Ok(m) => m,
                Err(e) => return Some(format!("{}: load: {e}", path.display())),
            };
            let settings = codegen::pipeline::Settings::for_model(&model);
            // `generate` parses every file with syn before formatting it; re-parse to be explicit.
            match codegen::rust::generate(&model, &settings.rust) {
                Ok(files) => {
                    files
                        .iter()
                        .filter(|(p, _)| p.ends_with(".rs"))
                        .find_map(|(p, text)| {
                            let text = std::str::from_utf8(text).ok()?;
                            syn::parse_file(text)
                                .err()
                                .map(|e| format!("{}: {p}: {e}", path.display()))
                        })
                }
                Err(e) => Some(format!("{}: {e}", path.display())),
            }
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} models failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "too slow unoptimised: run `cargo test --release -p tests --test rust_whole_model`"
)]
fn full_sagemaker_and_sample_services_pass_cargo_check() {
    let mut crates: Vec<(String, FileSet)> = SAMPLE
        .par_iter()
        .map(|sdk| {
            (
                format!("check-{sdk}"),
                generate(&tests::smithy_model(sdk), &[], &format!("check-{sdk}")),
            )
        })
        .collect();
    let sagemaker = generate(&tests::sagemaker_smithy(), &[], "check-sagemaker");
    let types = sagemaker
        .iter()
        .filter(|(p, _)| p.starts_with("src/types/"))
        .count();
    assert!(
        types > 1500,
        "full SageMaker should give about 1,600 types, got {types}"
    );
    crates.push(("check-sagemaker".into(), sagemaker));
    let ws = Workspace::new(&crates);
    ws.run(&["check", "--workspace"], &[]);
}
