//! Rust back-end benchmarks: generating the crate for the full SageMaker model (all operations) and
//! for the four endpoint-config operations, from a model already in memory (target: under 0.5 s).

use super::measure;
use crate::paths;
use anyhow::{anyhow, Result};
use codegen::pipeline::Settings;

pub fn run(iterations: usize) -> Result<()> {
    let path = paths::upstream()
        .join("api-models-aws/sagemaker/service/2017-07-24/sagemaker-2017-07-24.json");
    let model = codegen::load::load_file(&path)?;
    let settings = Settings::for_model(&model).rust;
    let full = codegen::select::select(&model, &[])?;
    let files = codegen::rust::generate(&full, &settings).map_err(|e| anyhow!(e))?;
    let bytes: usize = files.iter().map(|(_, c)| c.len()).sum();
    let lines: usize = files
        .iter()
        .map(|(_, c)| c.iter().filter(|b| **b == b'\n').count())
        .sum();
    println!(
        "full SageMaker crate: {} operations, {} data shapes -> {} files, {} lines, {:.1} MB",
        full.operations.len(),
        full.shapes.len(),
        files.len(),
        lines,
        bytes as f64 / 1e6
    );
    measure(
        "generate Rust crate, full SageMaker (in memory)",
        iterations,
        || codegen::rust::generate(&full, &settings),
    );
    let ops: Vec<String> = [
        "CreateEndpointConfig",
        "DescribeEndpointConfig",
        "ListEndpointConfigs",
        "DeleteEndpointConfig",
    ]
    .map(String::from)
    .to_vec();
    let small = codegen::select::select(&model, &ops)?;
    measure(
        "generate Rust crate, SageMaker endpoint-config (4 operations)",
        iterations,
        || codegen::rust::generate(&small, &settings),
    );
    Ok(())
}
