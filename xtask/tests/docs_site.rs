//! `cargo xtask docs`: the site built for the committed service (with the crate's `cargo doc` output)
//! and for whole SageMaker from upstream botocore models, checked by a link check over every page and
//! in Debian's headless Chromium (through playwright-core, `tests/browser/`): pages load without a
//! console error, the Request syntax of `create_endpoint_config` reads as the seed's, search finds
//! `CreateEndpointConfig`. Screenshots are kept under `target/site-test/`.

mod common;
mod site_support;

use common::{project_root, stderr, xtask};
use site_support::{assert_indented_by_nesting, broken_links, browse, seed_request_syntax};
use std::path::PathBuf;

const OP_PAGE: &str = "sagemaker/sagemaker_create_endpoint_config.html";

fn out_dir(name: &str) -> PathBuf {
    project_root().join("target/site-test").join(name)
}

/// Build a site with `cargo xtask docs ARGS --out target/site-test/NAME`.
fn build(name: &str, args: &[&str]) -> PathBuf {
    let out = out_dir(name);
    let mut all = vec!["docs", "--out", out.to_str().expect("utf-8 path")];
    all.extend_from_slice(args);
    let run = xtask(&project_root(), &all);
    assert!(run.status.success(), "xtask docs failed: {}", stderr(&run));
    out
}

fn botocore(version: &str) -> String {
    let p = project_root()
        .join("../shared/upstream/botocore")
        .join(version)
        .join("sagemaker/2017-07-24/service-2.json");
    assert!(p.is_file(), "missing upstream model {}", p.display());
    p.display().to_string()
}

fn operation_pages(site: &std::path::Path) -> usize {
    std::fs::read_dir(site.join("sagemaker"))
        .expect("service directory")
        .filter(|e| {
            let name = e.as_ref().expect("entry").file_name();
            let name = name.to_string_lossy();
            name.starts_with("sagemaker_") && name.ends_with(".html")
        })
        .count()
}

/// The link check, the browser run and the assertions every site shares; returns the Request
/// syntax lines as Chromium rendered them.
fn check_site(site: &std::path::Path, shot: &str) -> Vec<String> {
    let (broken, checked) = broken_links(site);
    assert!(
        broken.is_empty(),
        "{} broken links:\n{}",
        broken.len(),
        broken.join("\n")
    );
    assert!(checked > 10, "only {checked} internal links");
    eprintln!("{}: {checked} internal links resolve", site.display());
    let shot = out_dir(shot);
    let _ = std::fs::remove_file(&shot);
    let b = browse(
        &project_root(),
        site,
        OP_PAGE,
        "CreateEndpointConfig",
        &shot,
    )
    .json;
    for page in ["index.html", OP_PAGE, "search.html"] {
        let errors = &b["pages"][page]["errors"];
        assert_eq!(errors, &serde_json::json!([]), "{page}: {errors}");
    }
    assert!(shot.is_file(), "no screenshot at {}", shot.display());
    assert_eq!(b["permalink"], "#request-syntax");
    assert_eq!(
        b["search"]["hits"][0], "CreateEndpointConfig",
        "{}",
        b["search"]
    );
    let leads = b["search"]["first_leads_to"].as_str().unwrap_or_default();
    assert!(leads.ends_with(OP_PAGE), "the first hit leads to {leads}");
    let syntax = b["request_syntax"]
        .as_str()
        .expect("a Request syntax block");
    let lines: Vec<&str> = syntax.trim_end_matches('\n').lines().collect();
    assert_indented_by_nesting(&lines);
    lines.iter().map(|l| l.to_string()).collect()
}

/// Line for line as the seed once indentation is set aside, except that a line of enum values may
/// list values the seed's older model lacked (the seed's values are then a subsequence of ours).
fn assert_matches_seed(ours: &[String], exact: bool) {
    let seed = seed_request_syntax(&project_root());
    assert_eq!(ours.len(), seed.len(), "Request syntax line count");
    for (i, (a, b)) in ours.iter().zip(&seed).enumerate() {
        let a = a.trim_start();
        if a == b {
            continue;
        }
        let values = |s: &str| -> Option<(String, Vec<String>)> {
            let (name, rest) = s.split_once(" = ")?;
            let rest = rest.trim_end_matches(',');
            rest.starts_with('"').then(|| {
                (
                    name.to_string(),
                    rest.split('|').map(str::to_string).collect(),
                )
            })
        };
        let (Some((na, va)), Some((nb, vb)), false) = (values(a), values(b), exact) else {
            panic!("line {}: ours {a:?}\nseed {b:?}", i + 1);
        };
        assert_eq!(na, nb, "line {}", i + 1);
        let mut it = va.iter();
        assert!(
            vb.iter().all(|v| it.any(|x| x == v)),
            "line {}: the seed's values of {nb} are not a subsequence of ours",
            i + 1
        );
    }
}

#[test]
fn committed_service_site_with_api_docs() {
    let site = build("committed", &[]);
    let manifest = codegen::manifest::Manifest::load(&project_root().join("models/sagemaker.toml"))
        .expect("manifest");
    let selected = manifest.selection.operations.len();
    assert_eq!(
        operation_pages(&site),
        selected,
        "one page per selected operation"
    );
    let api = site.join("sagemaker/api/sagemaker_endpoint_config/index.html");
    assert!(
        api.is_file(),
        "no cargo doc front page at {}",
        api.display()
    );
    let index = std::fs::read_to_string(site.join("sagemaker/index.html")).expect("service index");
    assert!(index.contains("href=\"api/sagemaker_endpoint_config/index.html\""));
    let ours = check_site(&site, "committed-create_endpoint_config.png");
    assert_matches_seed(&ours, false);
}

#[test]
fn whole_sagemaker_site_from_botocore() {
    // 1.37.23: the 358 operations of SageMaker, with the Rust API docs of the whole crate.
    let site = build("sagemaker-1.37.23", &["--model", &botocore("1.37.23")]);
    assert_eq!(operation_pages(&site), 358);
    let ours = check_site(&site, "sagemaker-1.37.23-create_endpoint_config.png");
    assert_matches_seed(&ours, false);
    // 1.35.0 is the model the seed page was rendered from: there the block is the seed's exactly.
    let site = build(
        "sagemaker-1.35.0",
        &["--model", &botocore("1.35.0"), "--no-api-docs"],
    );
    let ours = check_site(&site, "sagemaker-1.35.0-create_endpoint_config.png");
    assert_matches_seed(&ours, true);
}
