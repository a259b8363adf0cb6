//! The Rd pages are what roxygen2 makes of the roxygen blocks in `R/<svc>_operations.R` and
//! `R/<svc>_service.R` (markdown mode, as the generated DESCRIPTION asks), up to layout: checked on
//! the committed package, the hostile fixture and the whole SageMaker model (botocore 1.35.0).

mod r_common;

use r_common::{load, roxygen_crosscheck};

fn check_model(model: &codegen::ir::Model) {
    let out = codegen::r::generate(model, &r_common::settings()).expect("generate");
    let tmp = tempfile::tempdir().expect("tempdir");
    let pkg = tmp.path().join("pkg");
    out.package.write_atomic(&pkg).expect("write");
    match roxygen_crosscheck(&pkg) {
        Ok(summary) => eprintln!("{}: {summary}", model.source),
        Err(report) => panic!("roxygen2 disagrees for {}:\n{report}", model.source),
    }
}

#[test]
fn committed_package_matches_roxygen2() {
    let pkg = tests::project_root().join("generated/r/paws.sagemaker.endpointconfig");
    roxygen_crosscheck(&pkg).unwrap_or_else(|r| panic!("roxygen2 disagrees:\n{r}"));
}

#[test]
fn hostile_fixture_matches_roxygen2() {
    check_model(&load(
        &tests::project_root().join("tests/fixtures/r/hostile/service-2.json"),
    ));
}

#[test]
fn sagemaker_matches_roxygen2() {
    check_model(&load(&tests::sagemaker_botocore("1.35.0")));
}
