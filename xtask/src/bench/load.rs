//! Loading benchmarks: the full SageMaker model in both forms.

use super::measure;
use crate::paths;
use anyhow::Result;

pub fn run(iterations: usize) -> Result<()> {
    let up = paths::upstream();
    let smithy = up.join("api-models-aws/sagemaker/service/2017-07-24/sagemaker-2017-07-24.json");
    let boto = up.join("botocore/1.37.23/sagemaker/2017-07-24/service-2.json");
    for (name, path) in [
        ("load SageMaker, Smithy JSON AST (3.3 MB)", &smithy),
        ("load SageMaker, botocore 1.37.23 (2.0 MB)", &boto),
    ] {
        codegen::load::load_file(path)?;
        measure(name, iterations, || codegen::load::load_file(path));
    }
    Ok(())
}
