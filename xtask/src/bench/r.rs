//! R-target benchmarks: the paws-style package and the docs pages for the whole SageMaker model
//! (every operation), from botocore and from the Smithy model (target: under 0.5 s).

use super::measure;
use crate::paths;
use anyhow::{anyhow, Result};

pub fn run(iterations: usize) -> Result<()> {
    let up = paths::upstream();
    let models = [
        (
            "R package + docs pages, SageMaker botocore 1.37.23 (358 ops)",
            up.join("botocore/1.37.23/sagemaker/2017-07-24/service-2.json"),
        ),
        (
            "R package + docs pages, SageMaker Smithy (358 ops)",
            up.join("api-models-aws/sagemaker/service/2017-07-24/sagemaker-2017-07-24.json"),
        ),
    ];
    for (name, path) in models {
        let model = codegen::load::load_file(&path)?;
        let settings = codegen::pipeline::Settings::for_model(&model).r;
        let out = codegen::r::generate(&model, &settings).map_err(|e| anyhow!(e))?;
        let bytes: usize = out
            .package
            .iter()
            .chain(out.docs.iter())
            .map(|(_, c)| c.len())
            .sum();
        println!(
            "  ({} package files, {} pages, {:.1} MB)",
            out.package.len(),
            out.docs.len(),
            bytes as f64 / 1e6
        );
        measure(name, iterations, || codegen::r::generate(&model, &settings));
    }
    Ok(())
}
