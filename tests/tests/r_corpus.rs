//! The R target on every Smithy model in `../shared/upstream/api-models-aws`: generation never fails
//! or panics, names never collide; a few services of the other protocols (restXml, restJson1,
//! awsQuery, awsJson1_0; EC2 is not in the snapshot) also pass the R checks.

mod r_common;

use rayon::prelude::*;

#[test]
fn every_smithy_model_generates_r() {
    let models = tests::all_smithy_models();
    assert!(
        models.len() > 400,
        "expected the whole corpus, found {}",
        models.len()
    );
    let failures: Vec<String> = models
        .par_iter()
        .filter_map(|p| {
            let model = match codegen::load::load_file(p) {
                Ok(m) => m,
                Err(d) => return Some(format!("{}: load: {d}", p.display())),
            };
            let out = match codegen::r::generate(&model, &r_common::settings()) {
                Ok(out) => out,
                Err(e) => return Some(format!("{}: {e}", p.display())),
            };
            (out.docs.len() != model.operations.len()).then(|| {
                format!(
                    "{}: {} pages for {} operations",
                    p.display(),
                    out.docs.len(),
                    model.operations.len()
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn other_protocols_pass_r_checks() {
    for sdk_id in ["s3", "lambda", "sqs", "route-53", "sts"] {
        let model = r_common::load(&tests::smithy_model(sdk_id));
        r_common::check_in_r(&model);
    }
}
