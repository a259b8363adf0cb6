//! The botocore form across the whole corpus: every model of the `BOTOCORE_PYTHON` venv's botocore
//! 1.37.23 (every service, every API version) loads and generates every target; a sample of 21
//! services across all five protocols passes `cargo check` (ONE cargo invocation) and their R
//! packages pass R's `parse()` and `tools::checkRd()` (`r_common::check_in_r`).
//!
//! Cost: about 20 s to generate everything on two cores, then the `cargo check` of 21 small crates
//! (dependencies shared in `target/rust-check`) and 21 `Rscript` runs.

#[path = "forms_corpus/pairs.rs"]
mod pairs;
mod r_common;
mod rust_support;

use codegen::pipeline::{self, Target};
use rayon::prelude::*;

/// The sample: (botocore service, operations; empty = all). EC2 is the only `ec2` service and has
/// 658 operations: a few are taken.
const SAMPLE: &[(&str, &[&str])] = &[
    // json
    ("freetier", &[]),
    ("marketplace-entitlement", &[]),
    ("qldb-session", &[]),
    ("ec2-instance-connect", &[]),
    ("forecastquery", &[]),
    ("migrationhub-config", &[]),
    // rest-json
    ("marketplace-reporting", &[]),
    ("inspector-scan", &[]),
    ("kinesis-video-media", &[]),
    ("eks-auth", &[]),
    ("cloudtrail-data", &[]),
    ("workmailmessageflow", &[]),
    ("kinesis-video-webrtc-storage", &[]),
    // rest-xml
    ("route53", &[]),
    ("s3control", &[]),
    // query
    ("importexport", &[]),
    ("sts", &[]),
    ("sdb", &[]),
    ("sns", &[]),
    ("cloudsearch", &[]),
    // ec2
    (
        "ec2",
        &[
            "DescribeRegions",
            "DescribeAvailabilityZones",
            "DescribeInstances",
            "CreateTags",
            "DeleteTags",
        ],
    ),
];

/// The newest API version of a botocore service.
fn newest(service: &str) -> std::path::PathBuf {
    pairs::botocore_files()
        .into_iter()
        .filter(|(s, _, _)| s == service)
        .map(|(_, _, f)| f)
        .next_back()
        .unwrap_or_else(|| panic!("botocore has no service {service}"))
}

fn ops(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[test]
fn every_botocore_model_generates_every_target() {
    let files = pairs::botocore_files();
    assert!(files.len() > 430, "{}", files.len());
    let failures: Vec<String> = files
        .par_iter()
        .filter_map(|(_, _, f)| {
            let model = match codegen::load::load_file(f) {
                Ok(m) => m,
                Err(d) => return Some(format!("{}: load: {d}", f.display())),
            };
            let settings = pipeline::Settings::for_model(&model);
            let targets = [Target::Rust, Target::R, Target::Docs];
            match pipeline::generate(&model, &[], &targets, &settings) {
                Ok(out) if out.len() > model.operations.len() => None,
                Ok(_) => Some(format!("{}: too few files", f.display())),
                Err(e) => Some(format!("{}: {e}", f.display())),
            }
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn the_sample_covers_every_protocol() {
    let protocols: std::collections::BTreeSet<String> = SAMPLE
        .iter()
        .map(|(s, _)| {
            let m = r_common::load(&newest(s));
            m.service.protocol.botocore_name().to_string()
        })
        .collect();
    assert_eq!(
        protocols.into_iter().collect::<Vec<_>>(),
        ["ec2", "json", "query", "rest-json", "rest-xml"]
    );
    assert!(SAMPLE.len() >= 20);
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "slow in a debug build: run with --release (as CI does)"
)]
fn a_sample_of_botocore_services_passes_cargo_check() {
    let crates: Vec<(String, codegen::FileSet)> = SAMPLE
        .par_iter()
        .map(|(service, operations)| {
            let name = format!("boto-{service}");
            let files = rust_support::generate(&newest(service), &ops(operations), &name);
            (name, files)
        })
        .collect();
    rust_support::Workspace::new(&crates).run(&["check", "--workspace"], &[]);
}

#[test]
fn a_sample_of_botocore_services_passes_the_r_checks() {
    for (service, operations) in SAMPLE {
        let model = r_common::load(&newest(service));
        let model = codegen::select::select(&model, &ops(operations))
            .unwrap_or_else(|e| panic!("{service}: {e}"));
        r_common::check_in_r(&model);
    }
}
