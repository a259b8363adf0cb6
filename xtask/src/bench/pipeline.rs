//! End-to-end benchmarks: load + select + every target, for the whole SageMaker model (target: well
//! under 1 s) and for every model in `api-models-aws` (target: under a minute).

use super::measure;
use crate::paths;
use anyhow::Result;
use codegen::pipeline::{self, Settings, Target};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Load a model and generate every target in memory; the number of files and bytes produced.
fn run_one(path: &Path) -> Result<(usize, usize)> {
    let model = codegen::load::load_file(path)?;
    let settings = Settings::for_model(&model);
    let files = pipeline::generate(&model, &[], &Target::ALL, &settings)?;
    Ok((files.len(), files.iter().map(|(_, c)| c.len()).sum()))
}

/// Every Smithy model file: `api-models-aws/<sdk-id>/service/<version>/<sdk-id>-<version>.json`.
fn corpus() -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(paths::upstream().join("api-models-aws"))? {
        let service = entry?.path().join("service");
        if !service.is_dir() {
            continue;
        }
        for version in std::fs::read_dir(&service)? {
            for file in std::fs::read_dir(version?.path())? {
                let file = file?.path();
                if file.extension().is_some_and(|x| x == "json") {
                    out.push(file);
                }
            }
        }
    }
    out.sort();
    Ok(out)
}

pub fn run(iterations: usize) -> Result<()> {
    let sagemaker = paths::upstream()
        .join("api-models-aws/sagemaker/service/2017-07-24/sagemaker-2017-07-24.json");
    let (files, bytes) = run_one(&sagemaker)?;
    println!(
        "  (SageMaker, every target: {files} files, {:.1} MB)",
        bytes as f64 / 1e6
    );
    measure(
        "load + rust + r + docs, whole SageMaker (358 ops)",
        iterations,
        || run_one(&sagemaker),
    );

    let models = corpus()?;
    let start = Instant::now();
    let results: Vec<(PathBuf, Result<(usize, usize)>)> =
        models.par_iter().map(|p| (p.clone(), run_one(p))).collect();
    let elapsed = start.elapsed();
    let failed: Vec<_> = results.iter().filter(|(_, r)| r.is_err()).collect();
    let (files, bytes) = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .fold((0, 0), |(f, b), (f2, b2)| (f + f2, b + b2));
    println!(
        "{:<60} {:>9.2} s     ({} models on {} threads, {files} files, {:.0} MB; {} failed)",
        "load + every target, all of api-models-aws (once)",
        elapsed.as_secs_f64(),
        models.len(),
        rayon::current_num_threads(),
        bytes as f64 / 1e6,
        failed.len()
    );
    for (path, r) in failed.iter().take(5) {
        if let Err(e) = r {
            println!(
                "  failed: {}: {}",
                path.display(),
                e.to_string().lines().next().unwrap_or("")
            );
        }
    }
    Ok(())
}
