//! `cargo xtask conformance protocol [--suites DIR]`: AWS's protocol tests in botocore's JSON form
//! (`../shared/protocol-tests` by default) for the JSON protocols: `input/` and `output/` of
//! `json` (awsJson1_1), `json_1_0`, `json_1_0-query-compatible` and `rest-json` (restJson1).
//!
//! Each suite becomes a botocore model; the real generator turns it into a crate; every case becomes
//! a function of one runner crate (its input or expected output built through the crate's public
//! API, see `codegen::rust::literal`), and the suites' crates and the runner are built with ONE
//! cargo invocation in `target/conformance/protocol`. A request must equal `serialized` (method,
//! path, query parameters, the listed headers, no forbidden header, body as JSON when it is JSON,
//! host prefix); parsing `response` must give `result`, or the modeled `error` with its
//! `errorCode` and `errorMessage`. Values are compared through `Debug`.

pub(super) mod cases;

use super::{Outcome, Tally};
use anyhow::{bail, Context, Result};
use codegen::pipeline::{self, Target};
use codegen::rust::literal::Literals;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// The in-scope files, under `input/` and `output/`.
pub const FILES: &[&str] = &["json", "json_1_0", "json_1_0-query-compatible", "rest-json"];

/// Cases not run, by `<dir>/<file>/<case id>`, with the reason.
const SKIPPED: &[(&str, &str)] = &[
    ("input/json/SDKAppliedContentEncoding_awsJson1_1", GZIP),
    (
        "input/json/SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_1",
        GZIP,
    ),
    ("input/json_1_0/SDKAppliedContentEncoding_awsJson1_0", GZIP),
    (
        "input/json_1_0/SDKAppendsGzipAndIgnoresHttpProvidedEncoding_awsJson1_0",
        GZIP,
    ),
    ("input/rest-json/SDKAppliedContentEncoding_restJson1", GZIP),
    (
        "input/rest-json/SDKAppendedGzipAfterProvidedEncoding_restJson1",
        GZIP,
    ),
    (
        "input/rest-json/RestJsonHttpChecksumRequired",
        "`httpChecksumRequired` (a Content-MD5 header) is a checksum feature outside issue 10",
    ),
    ("input/json/AwsJson11HostWithPath", HOST_PATH),
    ("input/json_1_0/AwsJson10HostWithPath", HOST_PATH),
    ("input/rest-json/RestJsonHostWithPath", HOST_PATH),
];

/// Why the request-compression cases are skipped.
const GZIP: &str = "request compression (`requestCompression`, gzip) is outside issue 10";
/// Why the custom-endpoint-path cases are skipped.
const HOST_PATH: &str =
    "a custom endpoint's path (`https://example.com/custom`) is joined to the request path by \
                         awsgen_runtime::pipeline when sending, not by serialize_request";

/// The runner's support code (comparison, response building, `main`).
const RUNNER: &str = include_str!("runner.rs");

#[derive(clap::Args)]
pub struct Args {
    /// The protocol tests directory (default: ../shared/protocol-tests beside the project root).
    #[arg(long)]
    suites: Option<PathBuf>,
}

/// A generated crate: its name and files.
pub(super) type SuiteCrate = (String, codegen::FileSet);

/// One case: its display name, and the runner function body or why there is none.
pub(super) struct Case {
    pub file: String,
    pub name: String,
    pub body: Result<String, String>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let root = crate::paths::root();
    let dir = args
        .suites
        .unwrap_or_else(|| root.join("../shared/protocol-tests"));
    if !dir.is_dir() {
        bail!(
            "the protocol tests are missing: expected a directory at {} (../shared/protocol-tests \
             beside the project root, or --suites DIR)",
            dir.display()
        );
    }
    let work = root.join("target/conformance/protocol");
    let (crates, cases) = prepare(&dir, &root)?;
    let (results, _) = build_and_run(&work, &root, &crates, &cases)?;
    let mut tally = Tally::default();
    let mut per_file: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
    for case in &cases {
        let outcome = match SKIPPED.iter().find(|(n, _)| *n == case.name) {
            Some((_, why)) => Outcome::Skip(why.to_string()),
            None => outcome(case, &results),
        };
        let e = per_file.entry(case.file.as_str()).or_default();
        match &outcome {
            Outcome::Pass => e.0 += 1,
            Outcome::Fail(_) => e.1 += 1,
            Outcome::Skip(_) => e.2 += 1,
        }
        if outcome != Outcome::Pass {
            tally.record(&case.name, &outcome);
        } else {
            tally.passed += 1;
        }
    }
    for (file, (p, f, s)) in &per_file {
        println!("{file}: {p} passed, {f} failed, {s} skipped");
    }
    Ok(tally.finish())
}

/// What the runner said of `case` (a failure when its function could not be made).
pub(super) fn outcome(case: &Case, results: &BTreeMap<String, Outcome>) -> Outcome {
    match &case.body {
        Err(why) => Outcome::Fail(why.clone()),
        Ok(_) => results
            .get(&case.name)
            .cloned()
            .unwrap_or_else(|| Outcome::Fail("the runner did not report this case".into())),
    }
}

/// Every in-scope suite as a generated crate (name -> files), and every case.
fn prepare(dir: &Path, root: &Path) -> Result<(Vec<SuiteCrate>, Vec<Case>)> {
    let mut crates = Vec::new();
    let mut cases = Vec::new();
    for kind in ["input", "output"] {
        for file in FILES {
            let path = dir.join(kind).join(format!("{file}.json"));
            let text =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            let suites: Vec<Value> = serde_json::from_slice(&text)
                .with_context(|| format!("{}: not a list of suites", path.display()))?;
            let file_name = format!("{kind}/{file}");
            for (i, suite) in suites.iter().enumerate() {
                let crate_name = format!("pt-{}-{}-{i}", kind, file.replace('_', "-"));
                let lib = crate_name.replace('-', "_");
                let made = cases::suite_model(suite, &format!("Suite {i}"))
                    .map_err(|e| e.to_string())
                    .and_then(|m| {
                        codegen::load::botocore::load(&format!("{file_name}#{i}"), &m, None)
                            .map_err(|e| e.to_string())
                    });
                let model = made.and_then(|model| {
                    crates.push((crate_name.clone(), rust_crate(&model, &crate_name, root)?));
                    Ok(model)
                });
                let lits_model = model.as_ref().ok();
                let lits = lits_model.map(Literals::new);
                for case in suite["cases"].as_array().into_iter().flatten() {
                    let id = case["id"].as_str().unwrap_or("?");
                    let body = match (&model, &lits) {
                        (Ok(m), Some(l)) => cases::case_fn(m, l, &lib, case, kind == "input"),
                        (Err(e), _) => Err(format!("generation failed: {e}")),
                        _ => Err("generation failed".into()),
                    };
                    cases.push(Case {
                        file: file_name.clone(),
                        name: format!("{file_name}/{id}"),
                        body,
                    });
                }
            }
        }
    }
    Ok((crates, cases))
}

/// The files of `model`'s Rust crate named `crate_name` (depending on the runtime by path).
pub(super) fn rust_crate(
    model: &codegen::Model,
    crate_name: &str,
    root: &Path,
) -> Result<codegen::FileSet, String> {
    let mut settings = pipeline::Settings::for_model(model);
    settings.rust.crate_name = crate_name.to_string();
    settings.rust.runtime_path = Some(root.join("codegen/runtime").display().to_string());
    let files =
        pipeline::generate(model, &[], &[Target::Rust], &settings).map_err(|e| e.to_string())?;
    let mut out = codegen::FileSet::new();
    let prefix = format!("rust/{crate_name}/");
    for (p, content) in files.iter() {
        if let Some(rel) = p.strip_prefix(&prefix) {
            out.insert(rel.to_string(), content.to_vec())
                .map_err(|e| e.to_string())?;
        }
    }
    Ok(out)
}

/// Write the workspace (the crates + the runner) under `work`, build it once, run the runner;
/// outcome by case, and the seconds the build took.
pub(super) fn build_and_run(
    work: &Path,
    root: &Path,
    crates: &[SuiteCrate],
    cases: &[Case],
) -> Result<(BTreeMap<String, Outcome>, f64)> {
    // Files are rewritten only when they change, so that cargo rebuilds only what did.
    let ws = work.join("ws");
    std::fs::create_dir_all(ws.join("runner/src"))?;
    let mut members: Vec<String> = crates.iter().map(|(n, _)| format!("{n:?}")).collect();
    members.push("\"runner\"".into());
    write_if_changed(
        &ws.join("Cargo.toml"),
        format!(
            // No debug info: the crates are large and only run once.
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n\n[profile.dev]\ndebug = 0\n",
            members.join(", ")
        )
        .as_bytes(),
    )?;
    write_if_changed(
        &ws.join("Cargo.lock"),
        &std::fs::read(root.join("Cargo.lock"))?,
    )?;
    for (name, files) in crates {
        for (path, content) in files.iter() {
            write_if_changed(&ws.join(name).join(path), content)?;
        }
    }
    let runtime = root.join("codegen/runtime");
    let mut deps = format!(
        "awsgen-runtime = {{ path = {:?} }}\nserde_json = \"1\"\npercent-encoding = \"2\"\n",
        runtime.display().to_string()
    );
    for (name, _) in crates {
        deps.push_str(&format!(
            "{} = {{ path = \"../{name}\", package = \"{name}\" }}\n",
            name.replace('-', "_")
        ));
    }
    write_if_changed(
        &ws.join("runner/Cargo.toml"),
        format!("[package]\nname = \"runner\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n[dependencies]\n{deps}").as_bytes(),
    )?;
    let mut main = String::from(RUNNER);
    let mut table = String::new();
    for (i, case) in cases.iter().enumerate() {
        if let Ok(body) = &case.body {
            main.push_str(&format!(
                "\nfn case_{i}() -> Result<(), String> {{\n    {body}\n}}\n"
            ));
            table.push_str(&format!("    ({:?}, case_{i}),\n", case.name));
        }
    }
    main.push_str(&format!(
        "\nconst CASES: &[(&str, fn() -> Result<(), String>)] = &[\n{table}];\n"
    ));
    write_if_changed(&ws.join("runner/src/main.rs"), main.as_bytes())?;
    let target = work.join("target");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let started = std::time::Instant::now();
    let out = Command::new(&cargo)
        .current_dir(&ws)
        .args(["build", "--offline", "-q", "-p", "runner"])
        .env("CARGO_TARGET_DIR", &target)
        .env_remove("RUSTFLAGS")
        .output()
        .context("running cargo build")?;
    if !out.status.success() {
        bail!(
            "building the suites' crates and the runner failed (workspace {}):\n{}",
            ws.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let built = started.elapsed().as_secs_f64();
    let run = Command::new(target.join("debug/runner"))
        .output()
        .context("running the runner")?;
    let mut results = BTreeMap::new();
    for line in String::from_utf8_lossy(&run.stdout).lines() {
        let mut parts = line.splitn(3, '\t');
        match (parts.next(), parts.next(), parts.next()) {
            (Some("PASS"), Some(n), _) => {
                results.insert(n.to_string(), Outcome::Pass);
            }
            (Some("FAIL"), Some(n), why) => {
                results.insert(n.to_string(), Outcome::Fail(why.unwrap_or("").to_string()));
            }
            _ => {}
        }
    }
    Ok((results, built))
}

/// Write `content` to `path` (creating its directory) unless the file already holds exactly that.
fn write_if_changed(path: &Path, content: &[u8]) -> Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
    std::fs::write(path, content).with_context(|| format!("writing {}", path.display()))
}
