//! Shared by the `r_*` tests: generate a model's R package, write it to a temporary directory and check
//! it with ONE `Rscript` run (`tests/fixtures/r/check_package.R`): DESCRIPTION and NAMESPACE pass R's
//! own checks, every R file parses, every Rd file passes `tools::checkRd()` silently, every
//! interface's `shape` has the model's member names at every level, every operation function reaches
//! its operation. R is required: a missing `Rscript` fails.

#![allow(dead_code)]

use codegen::ir::{Model, ShapeKind};
use codegen::naming::r::operation_name;
use std::path::{Path, PathBuf};
use std::process::Command;

/// `Rscript`, or a panic saying how to install it.
pub fn rscript() -> &'static str {
    let ok = Command::new("Rscript")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "Rscript is required by the R-target tests and was not found: install R (Debian: \
         apt-get install -y --no-install-recommends r-base-core)"
    );
    "Rscript"
}

/// Settings for a test package.
pub fn settings() -> codegen::r::Settings {
    codegen::r::Settings {
        package: "paws.test".into(),
        version: "0.1.0".into(),
        title: "Test package".into(),
    }
}

/// Load a model file, with every diagnostic in the panic message.
pub fn load(path: &Path) -> Model {
    codegen::load::load_file(path).unwrap_or_else(|d| panic!("loading {}:\n{d}", path.display()))
}

/// What the R check expects, from the IR alone: a line per structure reached from each interface
/// and a line per operation.
pub fn expected_lines(model: &Model) -> Vec<String> {
    let mut out = Vec::new();
    for op in model.operations.values() {
        let r = operation_name(&op.name);
        out.push(format!("op\t{r}\t{}", op.name));
        for (suffix, id) in [("input", &op.input), ("output", &op.output)] {
            if let Some(id) = id {
                walk(
                    model,
                    id,
                    "",
                    &mut Vec::new(),
                    &format!("{r}_{suffix}"),
                    &mut out,
                );
            }
        }
    }
    out
}

fn walk(
    model: &Model,
    id: &str,
    path: &str,
    stack: &mut Vec<String>,
    iface: &str,
    out: &mut Vec<String>,
) {
    if stack.iter().any(|s| s == id) {
        return;
    }
    let shape = model
        .shape(id)
        .unwrap_or_else(|| panic!("shape {id} missing"));
    stack.push(id.to_string());
    match &shape.kind {
        ShapeKind::Structure(ms) | ShapeKind::Union(ms) => {
            let names: Vec<&str> = ms.iter().map(|m| m.name.as_str()).collect();
            out.push(format!("{iface}\t{path}\t{}", names.join(",")));
            for m in ms {
                walk(
                    model,
                    &m.target,
                    &format!("{path}/{}", m.name),
                    stack,
                    iface,
                    out,
                );
            }
        }
        ShapeKind::Document => out.push(format!("{iface}\t{path}\t")),
        ShapeKind::List(m) | ShapeKind::Map { value: m, .. } => {
            walk(model, &m.target, &format!("{path}/*"), stack, iface, out)
        }
        _ => {}
    }
    stack.pop();
}

/// The check script.
fn script() -> PathBuf {
    codegen_tests_root().join("fixtures/r/check_package.R")
}

fn codegen_tests_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the R checks on a package directory against the expected lines; `Ok(summary)` or
/// `Err(everything R printed)`.
pub fn run_checks(pkg: &Path, expected: &[String]) -> Result<String, String> {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("expected.txt");
    std::fs::write(&file, expected.join("\n") + "\n").expect("write expected");
    let run = Command::new(rscript())
        .arg("--vanilla")
        .arg(script())
        .arg(pkg)
        .arg(&file)
        .output()
        .expect("run Rscript");
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&run.stderr);
    if run.status.success() && stdout.starts_with("OK ") {
        Ok(stdout.trim().to_string())
    } else {
        Err(format!("{stdout}\n{stderr}"))
    }
}

/// Generate `model`'s package, write it under a temporary directory and run the R checks on it
/// (panicking with R's report on failure). Returns the generated output for further assertions.
pub fn check_in_r(model: &Model) -> codegen::r::Output {
    let out = codegen::r::generate(model, &settings())
        .unwrap_or_else(|e| panic!("generating R for {}: {e}", model.source));
    let tmp = tempfile::tempdir().expect("tempdir");
    let pkg = tmp.path().join("pkg");
    out.package.write_atomic(&pkg).expect("write package");
    match run_checks(&pkg, &expected_lines(model)) {
        Ok(summary) => eprintln!("{}: {summary}", model.source),
        Err(report) => panic!("R checks failed for {}:\n{report}", model.source),
    }
    out
}

/// Keep a copy of the last checked package for inspection when `R_TEST_KEEP` names a directory.
pub fn keep(out: &codegen::r::Output) {
    if let Ok(dir) = std::env::var("R_TEST_KEEP") {
        let dir = PathBuf::from(dir);
        out.package
            .write_atomic(&dir.join("pkg"))
            .expect("write kept package");
        out.docs
            .write_atomic(&dir.join("docs"))
            .expect("write kept docs");
    }
}

/// roxygen2 (markdown mode) run on the package's R files makes the same Rd pages as ours, up to
/// layout (`tests/fixtures/r/roxygen_crosscheck.R`); needs the roxygen2 R package.
pub fn roxygen_crosscheck(pkg: &Path) -> Result<String, String> {
    let has_roxygen = Command::new(rscript())
        .args([
            "-e",
            "quit(status = !requireNamespace('roxygen2', quietly = TRUE))",
        ])
        .status()
        .map(|s| s.success())
        .unwrap_or(false);
    assert!(
        has_roxygen,
        "the roxygen2 R package is required (Debian: apt-get install -y --no-install-recommends \
         r-cran-roxygen2)"
    );
    let run = Command::new(rscript())
        .arg("--vanilla")
        .arg(codegen_tests_root().join("fixtures/r/roxygen_crosscheck.R"))
        .arg(pkg)
        .output()
        .expect("run Rscript");
    let stdout = String::from_utf8_lossy(&run.stdout).into_owned();
    if run.status.success() && stdout.starts_with("OK ") {
        Ok(stdout.trim().to_string())
    } else {
        Err(format!(
            "{stdout}\n{}",
            String::from_utf8_lossy(&run.stderr)
        ))
    }
}
