//! `cargo xtask diff OLD NEW`: formats and `--fail-on` exit statuses, on the fixture model of
//! `tests/fixtures/diff` and on the real SageMaker botocore versions.

mod common;

use common::{project_root, stdout, upstream, xtask};
use std::path::Path;

fn run(args: &[&str]) -> std::process::Output {
    xtask(&project_root(), args)
}

/// The fixture model with one enum value appended (NOTE) and, when `breaking`, a member removed.
fn edited(dir: &Path, breaking: bool) -> String {
    let base = project_root().join("tests/fixtures/diff/base.json");
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(base).expect("fixture")).expect("json");
    v["shapes"]["example.diff#Kind"]["members"]["C"] = serde_json::json!(
        {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "c"}});
    if breaking {
        v["shapes"]["example.diff#OpInput"]["members"]
            .as_object_mut()
            .expect("members")
            .shift_remove("Kind");
    }
    let p = dir.join(if breaking {
        "breaking.json"
    } else {
        "note.json"
    });
    std::fs::write(&p, v.to_string()).expect("write");
    p.display().to_string()
}

#[test]
fn formats_and_exit_status() {
    let dir = tempfile::tempdir().expect("tmp");
    let base = project_root()
        .join("tests/fixtures/diff/base.json")
        .display()
        .to_string();
    let note = edited(dir.path(), false);
    let breaking = edited(dir.path(), true);

    let out = run(&["diff", &base, &breaking]);
    assert!(out.status.success(), "no --fail-on: success");
    let text = stdout(&out);
    assert!(text.starts_with("ERROR (1)\n"), "{text}");
    assert!(
        text.contains("MemberRemoved") && text.contains("OpInput$Kind"),
        "{text}"
    );

    assert_eq!(
        run(&["diff", &base, &breaking, "--fail-on", "breaking"])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        run(&["diff", &base, &note, "--fail-on", "breaking"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        run(&["diff", &base, &note, "--fail-on", "warning"])
            .status
            .code(),
        Some(0)
    );
    assert_eq!(
        run(&["diff", &base, &base, "--fail-on", "warning"])
            .status
            .code(),
        Some(0)
    );

    let json: serde_json::Value = serde_json::from_str(&stdout(&run(&[
        "diff", &base, &breaking, "--format", "json",
    ])))
    .expect("JSON");
    assert_eq!(json["breaking"], serde_json::json!(true));
    assert_eq!(json["counts"]["ERROR"], serde_json::json!(1));
    assert_eq!(json["counts"]["NOTE"], serde_json::json!(1));

    let md = stdout(&run(&[
        "diff",
        &base,
        &breaking,
        "--format",
        "changelog",
        "--title",
        "v2",
    ]));
    assert!(md.starts_with("## v2\n"), "{md}");
    let b = md.find("### Breaking changes").expect("breaking section");
    let e = md.find("### New enum values").expect("enum section");
    assert!(b < e, "{md}");
    assert!(md.contains("- `Kind`: `c`"), "{md}");

    // A model file that does not load is an error, not an empty diff.
    let out = run(&[
        "diff",
        &base,
        &dir.path().join("missing.json").display().to_string(),
    ]);
    assert!(!out.status.success());
}

#[test]
fn sagemaker_changelog_restricted_to_operations() {
    let old = upstream("botocore/1.35.0/sagemaker/2017-07-24/service-2.json")
        .display()
        .to_string();
    let new = upstream("botocore/1.44.8/sagemaker/2017-07-24/service-2.json")
        .display()
        .to_string();
    let out = run(&[
        "diff",
        &old,
        &new,
        "--format",
        "changelog",
        "--operations",
        "CreateEndpointConfig,DescribeEndpointConfig",
        "--fail-on",
        "breaking",
    ]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "new instance types are inserted before the end: breaking"
    );
    let md = stdout(&out);
    assert!(md.contains("- `ProductionVariant$InstancePools`"), "{md}");
    assert!(!md.contains("### New operations"), "{md}");
}

#[test]
fn strict_compares_what_one_form_cannot_carry() {
    let smithy = upstream("api-models-aws/sagemaker/service/2017-07-24/sagemaker-2017-07-24.json")
        .display()
        .to_string();
    let boto = upstream("botocore/1.37.23/sagemaker/2017-07-24/service-2.json")
        .display()
        .to_string();
    let ops = "CreateEndpointConfig";
    let lenient = run(&[
        "diff",
        &smithy,
        &boto,
        "--operations",
        ops,
        "--format",
        "json",
    ]);
    let strict = run(&[
        "diff",
        &smithy,
        &boto,
        "--operations",
        ops,
        "--format",
        "json",
        "--strict",
    ]);
    let count = |o: &std::process::Output| {
        let v: serde_json::Value = serde_json::from_str(&stdout(o)).expect("JSON");
        v["events"].as_array().expect("events").len()
    };
    assert_eq!(count(&lenient), 0, "{}", stdout(&lenient));
    // Enum member names, `input` / `output` traits, pattern anchoring: botocore has none of them.
    let strict_events = stdout(&strict);
    assert!(count(&strict) > 10, "{strict_events}");
    assert!(
        strict_events.contains("InputTraitRemoved"),
        "{strict_events}"
    );
    assert!(
        strict_events.contains("EnumValueRenamed") || strict_events.contains("EnumValueRemoved")
    );
}
