//! Differential test of the generated validator against botocore's `ParamValidator` (the oracle), on
//! seeded pseudo-random `CreateEndpointConfig` requests, valid and invalid.
//!
//! botocore checks required members, JSON types, minimum length/value and unions; never maximums,
//! enums or patterns. Our side: the request is read into the generated `CreateEndpointConfigInput`
//! (a serde error is a type error, or a missing required member if the deserializer checks those),
//! then `validate()`; violations of rules botocore does not check are dropped, which each violation's
//! structured `Detail` tells (a `length` or `range` below its minimum is kept, above its maximum
//! dropped; no message is parsed). Agreement, per request:
//! - botocore reports a type error: our deserializer must fail, at one of botocore's type-error paths
//!   (serde stops at the first error, so nothing else can be compared);
//! - our deserializer fails without botocore reporting a type error: it must be a missing required
//!   member that botocore reports too;
//! - otherwise: the same multiset of (kind, path) on both sides.
//!
//! Not generated, on purpose: `null` (botocore calls it a type error, our wire format reads it as
//! absent), booleans for numbers (botocore takes Python's `bool` as an `int`), integers beyond `i32`
//! (botocore has no maximum; our `i32` members reject them while reading), unknown members are
//! generated but botocore's "unknown field" is not compared (our reader ignores them by design).
//!
//! botocore comes from `BOTOCORE_PYTHON` (`.ci/run` makes a venv with botocore 1.37.23); one
//! Python process validates every request.

#[path = "rust_oracle/generate.rs"]
mod generate;
#[path = "rust_oracle/schema.rs"]
mod schema;

use generate::{Generator, Rng};
use sagemaker_endpoint_config::error::{Bound, Detail, Violation};
use sagemaker_endpoint_config::CreateEndpointConfigInput;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

const BOTOCORE: &str = "1.37.23";
const OPERATION: &str = "CreateEndpointConfig";
const CASES: usize = 1500;
const SEED: u64 = 0x0AC1_E5EE_D202_6001;

fn python() -> PathBuf {
    match std::env::var_os("BOTOCORE_PYTHON") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => panic!(
            "BOTOCORE_PYTHON is not set: this test compares our validator with botocore's. Run the \
             tests via .ci/run (it creates target/ci-venv with botocore=={BOTOCORE} and sets \
             BOTOCORE_PYTHON), or set BOTOCORE_PYTHON to a python with botocore=={BOTOCORE}: \
             `python3 -m venv target/ci-venv && target/ci-venv/bin/pip install botocore=={BOTOCORE}`"
        ),
    }
}

/// Runs `tests/oracle/validate.py` with `args`; returns its output lines after the version header.
fn oracle(args: &[&str]) -> Vec<String> {
    let script = tests::project_root().join("tests/oracle/validate.py");
    let py = python();
    let out = Command::new(&py)
        .arg(&script)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {} (BOTOCORE_PYTHON): {e}", py.display()));
    assert!(
        out.status.success(),
        "{} {} failed: {}\n{}",
        py.display(),
        script.display(),
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("validate.py prints UTF-8");
    let mut lines = text.lines().map(String::from);
    let header: Value = serde_json::from_str(&lines.next().unwrap_or_default())
        .expect("validate.py starts with a JSON header");
    assert_eq!(
        header["botocore"], BOTOCORE,
        "BOTOCORE_PYTHON has another botocore: {header}"
    );
    assert_eq!(header["api_version"], "2017-07-24", "{header}");
    lines.collect()
}

/// The Smithy IR and botocore's closure of the operation input, compared.
fn schema() -> (schema::Schema, schema::ClosureDiff) {
    let model = codegen::load::load_file(&tests::sagemaker_smithy()).expect("SageMaker loads");
    let root = model.operations[OPERATION]
        .input
        .clone()
        .expect("operation has an input");
    let closure_line = oracle(&["closure", "sagemaker", OPERATION]);
    let closure: Value = serde_json::from_str(&closure_line.concat()).expect("closure is JSON");
    schema::compare(model, &root, &closure)
}

#[test]
fn input_closures_agree_on_what_botocore_checks() {
    let (schema, diff) = schema();
    assert!(
        schema.common.len() >= 15,
        "closure too small: {:?}",
        schema.common.keys()
    );
    assert!(
        diff.mismatches.is_empty(),
        "Smithy and botocore {BOTOCORE} disagree on what botocore checks:\n{}",
        diff.mismatches.join("\n")
    );
    // Members on one side only are left out of the generated requests; none are expected, since
    // both carry API version 2017-07-24 of the same snapshot.
    assert!(
        diff.one_sided.is_empty(),
        "members on one side only:\n{}",
        diff.one_sided.join("\n")
    );
}

/// (kind, path) in botocore's words: `required`, `type`, `length`, `range`, `union`.
type Finding = (String, String);

/// What our side says about one request.
#[derive(Debug)]
enum Ours {
    /// The JSON reader stopped: (path, message).
    Unreadable(String, String),
    /// `validate()` findings of the kinds botocore checks, and how many others were dropped.
    Checked(Vec<Finding>, usize),
}

fn ours(line: &str) -> Ours {
    let read =
        awsgen_runtime::schema::json::from_slice::<CreateEndpointConfigInput>(line.as_bytes());
    let input = match read {
        Ok(v) => v,
        Err(e) => return Ours::Unreadable(e.path(), e.message().to_string()),
    };
    let Err(err) = input.validate() else {
        return Ours::Checked(Vec::new(), 0);
    };
    let mut kept = Vec::new();
    let mut dropped = 0;
    for v in err.violations() {
        match botocore_kind(v) {
            Some(kind) => kept.push((kind.to_string(), v.path.clone())),
            None => dropped += 1,
        }
    }
    kept.sort();
    Ours::Checked(kept, dropped)
}

/// The kind botocore would report for one of our violations, from its structured detail; `None`
/// for what botocore never checks (maximums, patterns, enums, uniqueness, unknown union members).
fn botocore_kind(v: &Violation) -> Option<&'static str> {
    match &v.detail {
        Detail::Required { .. } => Some("required"),
        Detail::Length {
            bound: Bound::BelowMin,
            ..
        } => Some("length"),
        Detail::Range {
            bound: Bound::BelowMin,
            ..
        } => Some("range"),
        _ => None,
    }
}

/// botocore's errors for one request, in our kinds; "unknown field" is not compared.
fn theirs(line: &str) -> Vec<Finding> {
    let errors: Vec<(String, String)> =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("bad oracle line {line:?}: {e}"));
    let mut out: Vec<Finding> = errors
        .into_iter()
        .filter(|(kind, _)| kind != "unknown field")
        .map(|(kind, path)| {
            let kind = match kind.as_str() {
                "missing required field" => "required",
                "invalid type" => "type",
                "invalid length" => "length",
                "invalid range" => "range",
                "empty input" | "more than one input" => "union",
                other => other,
            };
            (kind.to_string(), path)
        })
        .collect();
    out.sort();
    out
}

/// `None` when both sides agree, else why not.
fn disagreement(ours: &Ours, theirs: &[Finding]) -> Option<String> {
    let type_paths: Vec<&str> = theirs
        .iter()
        .filter(|(k, _)| k == "type")
        .map(|(_, p)| p.as_str())
        .collect();
    match ours {
        Ours::Unreadable(path, message) if !type_paths.is_empty() => (!type_paths
            .contains(&path.as_str()))
        .then(|| format!("our reader failed at `{path}` ({message}); botocore's type errors are at {type_paths:?}")),
        Ours::Unreadable(path, message) if message.contains("missing required member") => {
            let reported = theirs.iter().any(|(k, p)| {
                k == "required" && p.rsplit_once('.').map_or("", |(parent, _)| parent) == path
            });
            (!reported).then(|| format!("our reader: missing required at `{path}` ({message}); botocore does not say so"))
        }
        Ours::Unreadable(path, message) => Some(format!(
            "our reader failed at `{path}` ({message}); botocore reports no type error"
        )),
        Ours::Checked(_, _) if !type_paths.is_empty() => Some(format!(
            "botocore reports type errors at {type_paths:?}; our reader accepted the request"
        )),
        Ours::Checked(kept, _) => (kept.as_slice() != theirs)
            .then(|| format!("ours:     {kept:?}\nbotocore: {theirs:?}")),
    }
}

#[test]
fn generated_validator_agrees_with_botocore() {
    let (schema, _) = schema();
    let generator = Generator { schema: &schema };
    let mut rng = Rng::new(SEED);
    let mut cases: Vec<(String, Vec<String>)> = Vec::with_capacity(CASES);
    for i in 0..CASES {
        let mut req = generator.valid(&mut rng);
        let mutations = if i % 5 == 0 { 0 } else { 1 + rng.below(3) };
        let what = (0..mutations)
            .map(|_| generator.mutate(&mut rng, &mut req))
            .collect();
        cases.push((req.to_string(), what));
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("requests.jsonl");
    let body: String = cases.iter().map(|(line, _)| format!("{line}\n")).collect();
    std::fs::write(&file, body).expect("write requests");
    let answers = oracle(&["requests", "sagemaker", OPERATION, &file.to_string_lossy()]);
    assert_eq!(answers.len(), cases.len(), "one oracle answer per request");

    let mut stats: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for (i, ((line, what), answer)) in cases.iter().zip(&answers).enumerate() {
        let ours = ours(line);
        let theirs = theirs(answer);
        let mut bump = |k: &'static str| *stats.entry(k).or_default() += 1;
        if theirs.is_empty() {
            bump("botocore: no error");
        }
        for (k, label) in [
            ("required", "botocore: required"),
            ("type", "botocore: type"),
            ("length", "botocore: min length"),
            ("range", "botocore: min range"),
        ] {
            if theirs.iter().any(|(t, _)| t == k) {
                bump(label);
            }
        }
        match &ours {
            Ours::Checked(_, dropped) if *dropped > 0 => bump("ours: unchecked by botocore"),
            Ours::Unreadable(..) => bump("ours: unreadable"),
            _ => {}
        }
        if let Some(why) = disagreement(&ours, &theirs) {
            failures.push(format!(
                "case {i} (mutations: {what:?})\n{why}\nrequest: {line}"
            ));
        }
    }
    eprintln!("{CASES} requests (seed {SEED:#x}): {stats:#?}");
    assert!(
        failures.is_empty(),
        "{} of {CASES} requests: our validator and botocore {BOTOCORE} disagree; first ones:\n\n{}",
        failures.len(),
        failures
            .iter()
            .take(12)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    );
    // The generator must really reach every kind botocore checks (no union is reachable here).
    for key in [
        "botocore: no error",
        "botocore: required",
        "botocore: type",
        "botocore: min length",
        "botocore: min range",
        "ours: unchecked by botocore",
        "ours: unreadable",
    ] {
        let n = stats.get(key).copied().unwrap_or(0);
        assert!(n >= 40, "only {n} requests with `{key}`: {stats:#?}");
    }
}

/// The classification reads the detail of real violations of the generated crate: a list below its
/// minimum and a name above its maximum, a weight below its minimum, a missing member, an enum.
#[test]
fn violations_are_classified_by_their_detail() {
    let input: CreateEndpointConfigInput = serde_json::from_value(serde_json::json!({
        "EndpointConfigName": "a".repeat(64),
        "ProductionVariants": [],
    }))
    .expect("readable");
    let err = input.validate().expect_err("invalid");
    let kinds: Vec<(&str, Option<&str>)> = err
        .violations()
        .iter()
        .map(|v| (v.path.as_str(), botocore_kind(v)))
        .collect();
    assert_eq!(
        kinds,
        [
            ("EndpointConfigName", None),
            ("EndpointConfigName", None),
            ("ProductionVariants", Some("length")),
        ],
        "{err}"
    );
    let input: CreateEndpointConfigInput = serde_json::from_value(serde_json::json!({
        "EndpointConfigName": "cfg",
        "ProductionVariants": [{"VariantName": "v", "InitialVariantWeight": -0.25, "InstanceType": "ml.nope"}],
    }))
    .expect("readable");
    let err = input.validate().expect_err("invalid");
    let kinds: Vec<(&str, Option<&str>)> = err
        .violations()
        .iter()
        .map(|v| (v.path.as_str(), botocore_kind(v)))
        .collect();
    assert_eq!(
        kinds,
        [
            ("ProductionVariants[0].InstanceType", None),
            ("ProductionVariants[0].InitialVariantWeight", Some("range")),
        ],
        "{err}"
    );
    let input: CreateEndpointConfigInput =
        serde_json::from_value(serde_json::json!({"ProductionVariants": [{"VariantName": "v"}]}))
            .expect("readable");
    let err = input.validate().expect_err("invalid");
    assert_eq!(
        botocore_kind(&err.violations()[0]),
        Some("required"),
        "{err}"
    );
}
