//! Diff benchmarks: the two full SageMaker botocore versions (1.35.0 -> 1.44.8, about 2,700 events),
//! and the Smithy model against botocore 1.37.23 (cross-form). Loading is measured by `bench load`;
//! these numbers are the comparison alone (target: under 200 ms).

use super::measure;
use crate::paths;
use anyhow::{Context, Result};

pub fn run(iterations: usize) -> Result<()> {
    let up = paths::upstream();
    let boto = |v: &str| up.join(format!("botocore/{v}/sagemaker/2017-07-24/service-2.json"));
    let load = |p: std::path::PathBuf| {
        codegen::load::load_file(&p).with_context(|| format!("loading {}", p.display()))
    };
    let old = load(boto("1.35.0"))?;
    let new = load(boto("1.44.8"))?;
    let smithy =
        load(up.join("api-models-aws/sagemaker/service/2017-07-24/sagemaker-2017-07-24.json"))?;
    let same = load(boto("1.37.23"))?;
    let n = codegen::diff::diff(&old, &new).len();
    measure(
        &format!("diff SageMaker botocore 1.35.0 -> 1.44.8 ({n} events)"),
        iterations,
        || codegen::diff::diff(&old, &new),
    );
    let n = codegen::diff::diff(&smithy, &same).len();
    measure(
        &format!("diff SageMaker Smithy vs botocore 1.37.23 ({n} events)"),
        iterations,
        || codegen::diff::diff(&smithy, &same),
    );
    measure(
        "diff + JSON report, botocore 1.35.0 -> 1.44.8",
        iterations,
        || codegen::diff::report::json(&codegen::diff::diff(&old, &new)).to_string(),
    );
    Ok(())
}
