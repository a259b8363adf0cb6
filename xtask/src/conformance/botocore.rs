//! `cargo xtask conformance botocore [--services a,b] [--seed N] [--cases N]`: the differential
//! against botocore's own serializer and parser, for every operation of JSON-protocol services.
//!
//! `tests/oracle/botocore_diff.py` (run with `$BOTOCORE_PYTHON`) writes each service's botocore
//! model and, per operation, seeded random valid inputs with the request
//! `botocore.serialize.create_serializer(protocol)` makes of them, and random output and modeled
//! error responses with what `botocore.parsers.create_parser(protocol)` reads from them, all in the
//! form of AWS's protocol tests. From there the protocol conformance machinery takes over: each
//! model becomes its whole crate through the real generator, each case a function of one runner
//! crate (`protocol::cases::case_fn`), everything built with ONE cargo invocation in
//! `target/conformance/botocore`, and the request compared with botocore's (method, path, query,
//! every header botocore set and no other, body as JSON, host prefix), the parsed output or error
//! with botocore's.

use super::protocol::{self, cases, Case, SuiteCrate};
use super::{Outcome, Tally};
use anyhow::{bail, Context, Result};
use codegen::rust::literal::Literals;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The services compared by default: the ten issue 10 names, and small ones of each JSON protocol
/// (awsJson1_0, awsJson1_1, restJson1) to keep the build short.
pub const SERVICES: &[&str] = &[
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
    // awsJson1_0 / awsJson1_1
    "freetier",
    "marketplace-entitlement",
    "qldb-session",
    "ec2-instance-connect",
    "forecastquery",
    "migrationhub-config",
    // restJson1
    "marketplace-reporting",
    "inspector-scan",
    "eks-auth",
    "cloudtrail-data",
    "workmailmessageflow",
    "kinesis-video-webrtc-storage",
];

/// Random inputs per operation by default (each operation also gets one output and, when it has
/// modeled errors, one error response).
pub const CASES: usize = 2;
/// The default seed.
pub const SEED: u64 = 10;

#[derive(clap::Args)]
pub struct Args {
    /// botocore service names, comma-separated (default: the 22 of `SERVICES`).
    #[arg(long, value_delimiter = ',')]
    services: Vec<String>,
    /// The seed of the random inputs and responses.
    #[arg(long, default_value_t = SEED)]
    seed: u64,
    /// Random inputs per operation.
    #[arg(long, default_value_t = CASES)]
    cases: usize,
}

/// What the oracle wrote for one service.
struct Service {
    name: String,
    operations: usize,
    /// (operation, why) for each case or operation the oracle could not make.
    skipped: Vec<(String, String)>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let root = crate::paths::root();
    let services: Vec<String> = if args.services.is_empty() {
        SERVICES.iter().map(|s| s.to_string()).collect()
    } else {
        args.services
    };
    let work = root.join("target/conformance/botocore");
    let oracle_dir = work.join("oracle");
    run_oracle(&root, &oracle_dir, args.seed, args.cases, &services)?;
    let mut crates: Vec<SuiteCrate> = Vec::new();
    let mut cases: Vec<Case> = Vec::new();
    let mut found = Vec::new();
    for name in &services {
        found.push(prepare(&root, &oracle_dir, name, &mut crates, &mut cases)?);
    }
    let (results, built) = protocol::build_and_run(&work, &root, &crates, &cases)?;
    println!(
        "built {} crates and the runner ({} cases) in {built:.0} s",
        crates.len(),
        cases.len()
    );
    let mut tally = Tally::default();
    for service in &found {
        let mut own = Tally::default();
        let mut compared = std::collections::BTreeSet::new();
        for case in cases.iter().filter(|c| c.file == service.name) {
            let outcome = protocol::outcome(case, &results);
            if outcome == Outcome::Pass {
                own.passed += 1;
                compared.insert(operation_of(&case.name));
            } else {
                own.record(&case.name, &outcome);
            }
        }
        for (op, why) in &service.skipped {
            own.record(
                &format!("{}/{op}", service.name),
                &Outcome::Skip(why.clone()),
            );
        }
        println!(
            "{}: {} operations, {} compared, {} passed, {} failed, {} skipped",
            service.name,
            service.operations,
            compared.len(),
            own.passed,
            own.failed,
            own.skipped
        );
        tally.add(own);
    }
    Ok(tally.finish())
}

/// `<service>/<operation>/<case>` -> `<operation>`.
fn operation_of(name: &str) -> &str {
    name.split('/').nth(1).unwrap_or(name)
}

/// Runs `tests/oracle/botocore_diff.py` into `dir`.
fn run_oracle(root: &Path, dir: &Path, seed: u64, count: usize, services: &[String]) -> Result<()> {
    let python = match std::env::var_os("BOTOCORE_PYTHON") {
        Some(p) if !p.is_empty() => PathBuf::from(p),
        _ => bail!(
            "BOTOCORE_PYTHON is not set: it must name a Python with botocore==1.37.23 \
             (python3 -m venv target/ci-venv && target/ci-venv/bin/pip install botocore==1.37.23)"
        ),
    };
    let script = root.join("tests/oracle/botocore_diff.py");
    let out = Command::new(&python)
        .arg(&script)
        .arg(dir)
        .arg(seed.to_string())
        .arg(count.to_string())
        .args(services)
        .output()
        .with_context(|| format!("running {} (BOTOCORE_PYTHON)", python.display()))?;
    if !out.status.success() {
        bail!(
            "{} {} failed: {}\n{}",
            python.display(),
            script.display(),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let header: Value =
        serde_json::from_slice(out.stdout.split(|b| *b == b'\n').next().unwrap_or_default())
            .context("botocore_diff.py did not start with its JSON header")?;
    if header["botocore"] != "1.37.23" {
        bail!(
            "BOTOCORE_PYTHON has botocore {}, not 1.37.23",
            header["botocore"]
        );
    }
    Ok(())
}

/// Generates `name`'s crate and a runner function per case the oracle wrote.
fn prepare(
    root: &Path,
    dir: &Path,
    name: &str,
    crates: &mut Vec<SuiteCrate>,
    cases: &mut Vec<Case>,
) -> Result<Service> {
    let read = |file: String| -> Result<Value> {
        let path = dir.join(file);
        let text = std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
        serde_json::from_slice(&text).with_context(|| format!("{}: not JSON", path.display()))
    };
    let raw = read(format!("{name}.model.json"))?;
    let found = read(format!("{name}.cases.json"))?;
    let model = codegen::load::botocore::load(&format!("botocore {name}"), &raw, None)
        .map_err(|e| anyhow::anyhow!("loading botocore {name}: {e}"))?;
    let crate_name = format!("bd-{name}");
    let lib = crate_name.replace('-', "_");
    let files = protocol::rust_crate(&model, &crate_name, root)
        .map_err(|e| anyhow::anyhow!("generating {name}: {e}"))?;
    crates.push((crate_name, files));
    let lits = Literals::new(&model);
    for case in found["cases"].as_array().into_iter().flatten() {
        let id = case["id"].as_str().unwrap_or("?");
        let input = case.get("params").is_some();
        cases.push(Case {
            file: name.to_string(),
            name: format!("{name}/{id}"),
            body: cases::case_fn(&model, &lits, &lib, case, input),
        });
    }
    let skipped = found["skipped"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            (
                s[0].as_str().unwrap_or_default().to_string(),
                s[1].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    Ok(Service {
        name: name.to_string(),
        operations: found["operations"].as_u64().unwrap_or_default() as usize,
        skipped,
    })
}
