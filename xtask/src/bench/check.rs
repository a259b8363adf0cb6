//! `cargo xtask bench check` (only when named: it takes many minutes): `cargo check` and a debug
//! `cargo build` of the Rust crate generated for the whole SageMaker model (all operations, with its
//! client and default features), next to `aws-sdk-sagemaker` from crates.io with its default
//! features, in the same run. Wall time and peak memory (max RSS of the largest process, from
//! `/usr/bin/time` when present; wall time only otherwise), each both from clean (dependencies
//! included) and for the crate alone (dependencies already built). Then a clean debug build of a
//! small binary creating an endpoint configuration on each side (see `check_bin`). Everything lives
//! under `target/bench/check/`; dependencies are fetched before anything is timed, and the timed runs
//! are `--offline`.

use super::check_bin;
use crate::paths;
use anyhow::{bail, Context, Result};
use codegen::pipeline::{self, Settings, Target};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// The `aws-sdk-sagemaker` release compared against (SageMaker API 2017-07-24, as ours), with its
/// default features (HTTP client, TLS, tokio), as ours has its default transport (ureq + rustls).
pub(super) const AWS_SDK_VERSION: &str = "1.248.0";
pub(super) const TIME: &str = "/usr/bin/time";

/// One timed cargo run.
pub(super) struct Sample {
    pub(super) wall: f64,
    pub(super) max_rss_kb: Option<u64>,
}

/// A crate to measure: its directory (its own workspace), the package whose build is "the crate",
/// and which of its targets are built.
pub(super) struct Subject {
    pub(super) label: String,
    pub(super) dir: PathBuf,
    pub(super) package: String,
    pub(super) targets: Targets,
}

/// What `cargo check|build` builds of a subject: its library, or its binaries.
#[derive(Clone, Copy)]
pub(super) enum Targets {
    Lib,
    Bins,
}

pub fn run() -> Result<()> {
    let root = paths::root().join("target/bench/check");
    std::fs::create_dir_all(&root).with_context(|| format!("creating {}", root.display()))?;
    println!("bench check: {}", load_average());
    let subjects = [ours(&root)?, aws(&root)?];
    let bins = check_bin::subjects(&root)?;
    for s in subjects.iter().chain(&bins) {
        eprintln!("fetching dependencies of {}", s.label);
        cargo(s, &root, &["fetch"], "fetch")?;
    }
    if !Path::new(TIME).is_file() {
        println!("{TIME} is missing (Debian package `time`): wall time only, no peak memory");
    }
    let mut rows = Vec::new();
    for s in &subjects {
        for mode in ["check", "build"] {
            cargo(s, &root, &["clean"], "clean")?;
            let all = timed(s, &root, mode, "from clean")?;
            cargo(s, &root, &["clean", "-p", &s.package], "clean -p")?;
            let own = timed(s, &root, mode, "crate only")?;
            rows.push(row(s, format!("cargo {mode}, from clean"), all));
            rows.push(row(s, format!("cargo {mode}, crate only"), own));
        }
        free(s, &root)?;
    }
    let mut bin_rows = Vec::new();
    for s in &bins {
        cargo(s, &root, &["clean"], "clean")?;
        let all = timed(s, &root, "build", "from clean")?;
        bin_rows.push(row(s, "cargo build, from clean".into(), all));
        free(s, &root)?;
    }
    print!("\n{}", table(&rows));
    print!("\n{}", table(&bin_rows));
    println!("\nafter: {}", load_average());
    Ok(())
}

/// One result row, also printed at once (a later failure, e.g. a full disk, keeps what was measured).
fn row(s: &Subject, step: String, sample: Sample) -> (String, String, Sample) {
    let rss = sample.max_rss_kb.map_or("-".to_string(), |kb| {
        format!("{:.0} MB", kb as f64 / 1024.0)
    });
    eprintln!("  {step}: {:.1} s, peak RSS {rss}", sample.wall);
    (s.label.clone(), step, sample)
}

/// Removes a measured subject's target directory: the four together take several GB of disk.
fn free(s: &Subject, root: &Path) -> Result<()> {
    let dir = target_dir(s, root);
    std::fs::remove_dir_all(&dir).with_context(|| format!("removing {}", dir.display()))
}

/// Generates the whole-SageMaker crate into `root/ours` (its own workspace); times the generation.
fn ours(root: &Path) -> Result<Subject> {
    let model_path = paths::upstream()
        .join("api-models-aws/sagemaker/service/2017-07-24/sagemaker-2017-07-24.json");
    let t = Instant::now();
    let model = codegen::load::load_file(&model_path)
        .with_context(|| format!("loading {}", model_path.display()))?;
    let mut settings = Settings::for_model(&model);
    settings.rust.runtime_path = Some(paths::root().join("codegen/runtime").display().to_string());
    let files = pipeline::generate(&model, &[], &[Target::Rust], &settings)?;
    let elapsed = t.elapsed();
    let out = root.join("generated");
    files
        .write_atomic(&out)
        .with_context(|| format!("writing {}", out.display()))?;
    let name = settings.rust.crate_name.clone();
    let dir = out.join("rust").join(&name);
    let lines: usize = files
        .iter()
        .filter(|(p, _)| p.ends_with(".rs"))
        .map(|(_, b)| b.iter().filter(|&&c| c == b'\n').count())
        .sum();
    println!(
        "generated {name} ({} operations, {} files, {lines} lines of Rust) in {:.2} s (load + generate, one run)",
        model.operations.len(),
        files.len(),
        elapsed.as_secs_f64()
    );
    // Make the generated crate a workspace of its own, so the project's workspace does not claim it.
    let manifest = dir.join("Cargo.toml");
    let mut text = std::fs::read_to_string(&manifest)
        .with_context(|| format!("reading {}", manifest.display()))?;
    text.push_str("\n[workspace]\n");
    std::fs::write(&manifest, text)?;
    Ok(Subject {
        label: format!("{name} (generated here)"),
        dir,
        package: name,
        targets: Targets::Lib,
    })
}

/// A one-line crate depending on `aws-sdk-sagemaker`, in `root/aws-sdk`.
fn aws(root: &Path) -> Result<Subject> {
    let dir = root.join("aws-sdk");
    std::fs::create_dir_all(dir.join("src"))?;
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"bench-aws-sdk-sagemaker\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n\n[dependencies]\naws-sdk-sagemaker = \"={AWS_SDK_VERSION}\"\n\n\
             [workspace]\n"
        ),
    )?;
    std::fs::write(
        dir.join("src/lib.rs"),
        "//! Uses the SDK so it is really compiled.\npub use aws_sdk_sagemaker;\n",
    )?;
    Ok(Subject {
        label: format!("aws-sdk-sagemaker {AWS_SDK_VERSION} (default features)"),
        dir,
        package: "aws-sdk-sagemaker".into(),
        targets: Targets::Lib,
    })
}

/// A tiny crate in `root/<package>` (its own workspace) with these `[dependencies]` lines and one
/// source file: `src/lib.rs` for a library, `src/main.rs` for a binary.
pub(super) fn tiny_crate(
    root: &Path,
    package: &str,
    label: String,
    deps: &str,
    targets: Targets,
    source: &str,
) -> Result<Subject> {
    let dir = root.join(package);
    std::fs::create_dir_all(dir.join("src"))
        .with_context(|| format!("creating {}", dir.display()))?;
    std::fs::write(
        dir.join("Cargo.toml"),
        format!(
            "[package]\nname = \"{package}\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
             [dependencies]\n{deps}\n\n[workspace]\n"
        ),
    )?;
    let file = match targets {
        Targets::Lib => "src/lib.rs",
        Targets::Bins => "src/main.rs",
    };
    std::fs::write(dir.join(file), source)?;
    Ok(Subject {
        label,
        dir,
        package: package.to_string(),
        targets,
    })
}

fn cargo_bin() -> PathBuf {
    std::env::var_os("CARGO").map_or_else(|| PathBuf::from("cargo"), PathBuf::from)
}

fn target_dir(s: &Subject, root: &Path) -> PathBuf {
    root.join("target").join(&s.package)
}

fn log_file(s: &Subject, root: &Path, step: &str) -> PathBuf {
    root.join("logs")
        .join(format!("{}-{}.log", s.package, step.replace(' ', "-")))
}

/// `cargo <args>` in the subject's directory, untimed; its output goes to a log file.
pub(super) fn cargo(s: &Subject, root: &Path, args: &[&str], step: &str) -> Result<()> {
    let mut cmd = Command::new(cargo_bin());
    cmd.args(args);
    run_logged(s, root, cmd, step).map(|_| ())
}

/// `cargo check|build --offline`, timed (wall, and max RSS under `/usr/bin/time`).
pub(super) fn timed(s: &Subject, root: &Path, mode: &str, what: &str) -> Result<Sample> {
    let stats = root.join("logs").join("time.txt");
    let use_time = Path::new(TIME).is_file();
    let mut cmd = if use_time {
        let mut c = Command::new(TIME);
        c.arg("-f")
            .arg("%e %M")
            .arg("-o")
            .arg(&stats)
            .arg(cargo_bin());
        c
    } else {
        Command::new(cargo_bin())
    };
    let targets = match s.targets {
        Targets::Lib => "--lib",
        Targets::Bins => "--bins",
    };
    cmd.args([mode, "--offline", targets]);
    eprintln!("{}: cargo {mode}, {what}", s.label);
    let wall = run_logged(s, root, cmd, &format!("{mode} {what}"))?;
    let max_rss_kb = if use_time {
        let text = std::fs::read_to_string(&stats)?;
        text.split_whitespace()
            .nth(1)
            .and_then(|kb| kb.parse().ok())
    } else {
        None
    };
    Ok(Sample { wall, max_rss_kb })
}

/// Runs `cmd` in the subject's directory with its own target directory; returns the wall time.
fn run_logged(s: &Subject, root: &Path, mut cmd: Command, step: &str) -> Result<f64> {
    let log = log_file(s, root, step);
    std::fs::create_dir_all(log.parent().unwrap_or(root))?;
    let file = std::fs::File::create(&log)?;
    cmd.current_dir(&s.dir)
        .env("CARGO_TARGET_DIR", target_dir(s, root))
        .stdin(Stdio::null())
        .stdout(file.try_clone()?)
        .stderr(file);
    let t = Instant::now();
    let status = cmd.status().with_context(|| format!("running {cmd:?}"))?;
    let wall = t.elapsed().as_secs_f64();
    if !status.success() {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let tail: Vec<&str> = text.lines().rev().take(30).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        bail!(
            "{}: {step} failed ({status}); log {}:\n{}",
            s.label,
            log.display(),
            tail.join("\n")
        );
    }
    Ok(wall)
}

/// `/proc/loadavg` and the number of CPUs, for the record (these numbers are noisy on a busy box).
pub(super) fn load_average() -> String {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("load average {} on {cpus} CPUs", load.join(" "))
}

/// The results table, then aws-sdk-sagemaker's numbers over ours per step. `rows` holds our crate's
/// rows first, then the SDK's, in the same step order.
fn table(rows: &[(String, String, Sample)]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<50} {:<28} {:>10} {:>14}",
        "crate", "step", "wall (s)", "peak RSS (MB)"
    );
    for (label, step, s) in rows {
        let rss = s
            .max_rss_kb
            .map_or("-".to_string(), |kb| format!("{:.0}", kb as f64 / 1024.0));
        let _ = writeln!(out, "{label:<50} {step:<28} {:>10.1} {rss:>14}", s.wall);
    }
    let _ = writeln!(
        out,
        "\n{:<28} {:>10} {:>10}",
        "aws-sdk / ours", "wall", "peak RSS"
    );
    let half = rows.len() / 2;
    for ((_, step, ours), (_, _, aws)) in rows[..half].iter().zip(&rows[half..]) {
        let rss = match (ours.max_rss_kb, aws.max_rss_kb) {
            (Some(o), Some(a)) if o > 0 => format!("{:.1}x", a as f64 / o as f64),
            _ => "-".into(),
        };
        let _ = writeln!(out, "{step:<28} {:>9.1}x {rss:>10}", aws.wall / ours.wall);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_lists_rows_and_ratios() {
        let row = |label: &str, step: &str, wall: f64, kb: Option<u64>| {
            (
                label.to_string(),
                step.to_string(),
                Sample {
                    wall,
                    max_rss_kb: kb,
                },
            )
        };
        let rows = [
            row("ours", "cargo check, crate only", 10.0, Some(1024 * 1000)),
            row("ours", "cargo build, crate only", 20.0, None),
            row("aws", "cargo check, crate only", 25.0, Some(1024 * 4000)),
            row("aws", "cargo build, crate only", 50.0, Some(1024 * 5000)),
        ];
        let t = table(&rows);
        assert!(t.contains("      25.0           4000"), "{t}");
        let ratios: Vec<&str> = t
            .lines()
            .skip_while(|l| !l.starts_with("aws-sdk / ours"))
            .collect();
        assert_eq!(ratios.len(), 3, "{t}");
        assert!(ratios[1].ends_with("2.5x       4.0x"), "{t}");
        assert!(ratios[2].ends_with("2.5x          -"), "{t}");
    }
}
