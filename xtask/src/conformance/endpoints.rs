//! `cargo xtask conformance endpoints [--models DIR]`: for every Smithy model under DIR (default
//! `../shared/upstream/api-models-aws`), parses the service's `smithy.rules#endpointRuleSet` with
//! `awsgen_runtime::endpoints` and resolves every case of its `smithy.rules#endpointTests`,
//! comparing the URL, headers and properties, or the error message, with the case's expectation.
//! A case's `operationInputs` (how an SDK fills the parameters from an operation's input) are not
//! compared: the `params` beside them are what reaches the rules.

use super::Tally;
use anyhow::{bail, Context};
use awsgen_runtime::endpoints::{Endpoint, Error, Params, RuleSet};
use rayon::prelude::*;
use serde::Deserialize;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// The directory of Smithy JSON AST models (searched recursively for `*.json`).
    #[arg(long)]
    models: Option<PathBuf>,
    /// Print every failing case (by default, the first three of each file).
    #[arg(long)]
    verbose: bool,
}

/// Cases skipped on purpose, each with its reason: (model file stem, case documentation, reason).
/// Empty: every case of the corpus passes.
const SKIPS: &[(&str, &str, &str)] = &[];

/// Only the two traits this command reads; serde skips everything else of each shape.
#[derive(Deserialize)]
struct Model {
    #[serde(default)]
    shapes: BTreeMap<String, Shape>,
}

#[derive(Deserialize)]
struct Shape {
    #[serde(default)]
    traits: Traits,
}

#[derive(Deserialize, Default)]
struct Traits {
    #[serde(rename = "smithy.rules#endpointRuleSet")]
    rule_set: Option<Json>,
    #[serde(rename = "smithy.rules#endpointTests")]
    tests: Option<TestSuite>,
}

#[derive(Deserialize)]
struct TestSuite {
    #[serde(rename = "testCases", default)]
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    #[serde(default)]
    documentation: String,
    #[serde(default)]
    params: serde_json::Map<String, Json>,
    expect: Expect,
}

#[derive(Deserialize)]
struct Expect {
    endpoint: Option<ExpectedEndpoint>,
    error: Option<String>,
}

#[derive(Deserialize)]
struct ExpectedEndpoint {
    url: String,
    #[serde(default)]
    headers: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    properties: serde_json::Map<String, Json>,
}

/// What one model file gave.
struct FileResult {
    name: String,
    tally: Tally,
    failures: Vec<String>,
    /// Time spent reading and parsing the model file, parsing its rule set, and resolving and
    /// checking its cases.
    phases: [Duration; 3],
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let dir = args
        .models
        .unwrap_or_else(|| crate::paths::upstream().join("api-models-aws"));
    let files = model_files(&dir)?;
    if files.is_empty() {
        bail!("no model files (*.json) under {}", dir.display());
    }
    let start = Instant::now();
    let results: Vec<FileResult> = files.par_iter().map(|f| run_file(f, &dir)).collect();
    let elapsed = start.elapsed();
    let mut total = Tally::default();
    let mut models = 0;
    let mut phases = [Duration::ZERO; 3];
    for r in &results {
        for (sum, d) in phases.iter_mut().zip(r.phases) {
            *sum += d;
        }
        if r.tally == Tally::default() && r.failures.is_empty() {
            continue; // not a model with endpoint tests (e.g. an overrides file)
        }
        models += 1;
        total.add(r.tally);
        let status = if r.tally.failed == 0 { "ok  " } else { "FAIL" };
        println!(
            "{status} {} ({} passed, {} failed, {} skipped)",
            r.name, r.tally.passed, r.tally.failed, r.tally.skipped
        );
        let shown = if args.verbose { r.failures.len() } else { 3 };
        for f in r.failures.iter().take(shown) {
            println!("       {f}");
        }
    }
    let cases = total.passed + total.failed + total.skipped;
    println!(
        "endpoints: {models} models, {cases} cases, {} skipped on purpose, in {:.2} s",
        SKIPS.len(),
        elapsed.as_secs_f64()
    );
    let per_case = phases[2].as_secs_f64() * 1e6 / cases.max(1) as f64;
    println!(
        "endpoints: time summed over threads: reading models {:.2} s, parsing rule sets {:.0} ms, \
         resolving and checking cases {:.0} ms ({per_case:.1} µs a case)",
        phases[0].as_secs_f64(),
        phases[1].as_secs_f64() * 1e3,
        phases[2].as_secs_f64() * 1e3,
    );
    Ok(total.finish())
}

fn model_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .with_context(|| format!("reading the models directory {}", d.display()))?;
        for entry in entries {
            let path = entry?.path();
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn run_file(path: &Path, dir: &Path) -> FileResult {
    let name = path.strip_prefix(dir).unwrap_or(path).display().to_string();
    let mut result = FileResult {
        name,
        tally: Tally::default(),
        failures: Vec::new(),
        phases: [Duration::ZERO; 3],
    };
    let failed = |result: &mut FileResult, message: String| {
        result.tally.failed += 1;
        result.failures.push(message);
    };
    let start = Instant::now();
    let model: Model = match std::fs::read(path)
        .map_err(|e| e.to_string())
        .and_then(|bytes| serde_json::from_slice(&bytes).map_err(|e| e.to_string()))
    {
        Ok(m) => m,
        Err(e) => {
            failed(&mut result, format!("cannot read the model: {e}"));
            return result;
        }
    };
    result.phases[0] = start.elapsed();
    for (shape, s) in model.shapes {
        let Some(suite) = s.traits.tests else {
            continue;
        };
        let start = Instant::now();
        let parsed = s.traits.rule_set.as_ref().map(RuleSet::from_value);
        result.phases[1] += start.elapsed();
        let rules = match parsed {
            Some(Ok(rules)) => rules,
            Some(Err(e)) => {
                failed(&mut result, format!("{shape}: {e}"));
                continue;
            }
            None => {
                failed(
                    &mut result,
                    format!("{shape}: endpoint tests but no endpoint rule set"),
                );
                continue;
            }
        };
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let start = Instant::now();
        for case in &suite.cases {
            if SKIPS
                .iter()
                .any(|(m, doc, _)| stem.starts_with(m) && *doc == case.documentation)
            {
                result.tally.skipped += 1;
                continue;
            }
            match check_case(&rules, case) {
                Ok(()) => result.tally.passed += 1,
                Err(why) => failed(&mut result, format!("{}: {why}", case.documentation)),
            }
        }
        result.phases[2] += start.elapsed();
    }
    result
}

fn check_case(rules: &RuleSet, case: &Case) -> Result<(), String> {
    let mut params = Params::new();
    for (name, json) in &case.params {
        let value = rules.param_from_json(name, json).ok_or_else(|| {
            format!("parameter `{name}` = {json} is undeclared or of the wrong type")
        })?;
        params = params.set(name, value);
    }
    let got = rules.resolve(&params);
    match (&case.expect.endpoint, &case.expect.error, got) {
        (Some(want), None, Ok(got)) => compare_endpoint(want, &got),
        (None, Some(want), Err(Error::Rule(got))) if *want == got => Ok(()),
        (None, Some(want), Err(got)) => Err(format!(
            "expected error {want:?}, got error {:?}",
            got.to_string()
        )),
        (None, Some(want), Ok(got)) => {
            Err(format!("expected error {want:?}, got endpoint {}", got.url))
        }
        (Some(want), None, Err(got)) => Err(format!(
            "expected endpoint {}, got error {:?}",
            want.url,
            got.to_string()
        )),
        _ => Err("the case expects neither exactly one endpoint nor one error".into()),
    }
}

fn compare_endpoint(want: &ExpectedEndpoint, got: &Endpoint) -> Result<(), String> {
    if want.url != got.url {
        return Err(format!("URL: expected {}, got {}", want.url, got.url));
    }
    let headers: BTreeMap<String, Vec<String>> = got.headers.iter().cloned().collect();
    if want.headers != headers {
        return Err(format!(
            "headers: expected {:?}, got {headers:?}",
            want.headers
        ));
    }
    if want.properties != got.properties {
        return Err(format!(
            "properties: expected {}, got {}",
            Json::Object(want.properties.clone()),
            Json::Object(got.properties.clone())
        ));
    }
    Ok(())
}
