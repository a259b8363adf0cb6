//! `cargo xtask bench [AREA...]`: benchmarks that print numbers (median and min of N runs) on the real
//! upstream models. Areas: load, rust, r, diff, pipeline (all when none is named). Build in release (the
//! `cargo xtask` alias does). `check` (cargo check/build of the whole-SageMaker crate next to
//! `aws-sdk-sagemaker`, many minutes) runs only when named: `cargo xtask bench check`, and so do
//! `sigv4` (a fresh build of `aws-sigv4` next to `hmac` + `sha2`) and `wire` (requests and responses
//! per second, ours next to `aws-sdk-sagemaker`'s, with criterion).

mod check;
mod check_bin;
mod diff;
mod load;
mod pipeline;
mod r;
mod rust;
mod sigv4_deps;
mod wire;

use anyhow::{bail, Result};
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(clap::Args)]
pub struct Args {
    /// Areas to run: load, rust, r, diff, pipeline (the default: all of them); check, sigv4, wire (only
    /// when named).
    areas: Vec<String>,
    /// Runs per measurement.
    #[arg(long, default_value_t = 10)]
    iterations: usize,
}

/// Run `f` `iterations` times (after one warm-up run) and print median and min wall time.
pub fn measure<T>(name: &str, iterations: usize, mut f: impl FnMut() -> T) -> Duration {
    std::hint::black_box(f());
    let mut times: Vec<Duration> = (0..iterations.max(1))
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "{name:<60} median {:>9.2} ms   min {:>9.2} ms   ({} runs)",
        median.as_secs_f64() * 1e3,
        times[0].as_secs_f64() * 1e3,
        times.len()
    );
    median
}

pub fn run(args: Args) -> Result<ExitCode> {
    let all = args.areas.is_empty();
    let wants = |a: &str| all || args.areas.iter().any(|x| x == a);
    for a in &args.areas {
        if ![
            "load", "rust", "r", "diff", "pipeline", "check", "sigv4", "wire",
        ]
        .contains(&a.as_str())
        {
            bail!(
                "unknown bench area {a:?} (expected load, rust, r, diff, pipeline, check, sigv4, wire)"
            );
        }
    }
    if wants("load") {
        load::run(args.iterations)?;
    }
    if wants("rust") {
        rust::run(args.iterations)?;
    }
    if wants("r") {
        r::run(args.iterations)?;
    }
    if wants("diff") {
        diff::run(args.iterations)?;
    }
    if wants("pipeline") {
        pipeline::run(args.iterations)?;
    }
    // Not part of "all": it builds two big crates from clean, for many minutes.
    if args.areas.iter().any(|x| x == "check") {
        check::run()?;
    }
    if args.areas.iter().any(|x| x == "sigv4") {
        sigv4_deps::run()?;
    }
    if args.areas.iter().any(|x| x == "wire") {
        wire::run()?;
    }
    Ok(ExitCode::SUCCESS)
}
