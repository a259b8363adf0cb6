//! Version arithmetic, changelog files, and the per-package verdicts on small Smithy models.

use super::*;
use crate::diff::diff;
use serde_json::{json, Value};

#[test]
fn versions_move_as_cargo_reads_semver() {
    let cases = [
        ("0.1.0", Bump::Major, "0.2.0"),
        ("0.1.3", Bump::Minor, "0.1.4"),
        ("0.1.3", Bump::Patch, "0.1.4"),
        ("0.1.3", Bump::None, "0.1.3"),
        ("1.2.3", Bump::Major, "2.0.0"),
        ("1.2.3", Bump::Minor, "1.3.0"),
        ("1.2.3", Bump::Patch, "1.2.4"),
    ];
    for (v, b, want) in cases {
        assert_eq!(bump_version(v, b).unwrap(), want, "{v} {b}");
    }
    for bad in ["1.2", "1.2.3-beta", "x.y.z", ""] {
        assert!(bump_version(bad, Bump::Patch).is_err(), "{bad}");
    }
}

#[test]
fn entries_are_prepended_and_the_latest_version_read_back() {
    let first = prepend_entry("", "## 0.1.0 (2026-11-01)\n\nFirst release.\n");
    assert_eq!(
        first,
        "# Changelog\n\n## 0.1.0 (2026-11-01)\n\nFirst release.\n"
    );
    let second = prepend_entry(&first, "## 0.2.0 (2026-12-01)\n\nMajor.\n");
    assert_eq!(
        second,
        "# Changelog\n\n## 0.2.0 (2026-12-01)\n\nMajor.\n\n## 0.1.0 (2026-11-01)\n\nFirst release.\n"
    );
    assert_eq!(latest_version(&second), Some("0.2.0"));
    assert_eq!(latest_version("# Changelog\n"), None);
}

fn model() -> Value {
    json!({
        "smithy": "2.0",
        "shapes": {
            "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Make"}],
                       "traits": {"aws.protocols#awsJson1_1": {}}},
            "ex#Make": {"type": "operation", "input": {"target": "ex#MakeInput"}},
            "ex#MakeInput": {"type": "structure", "members": {
                "Name": {"target": "ex#Name", "traits": {"smithy.api#required": {}, "smithy.api#clientOptional": {}}},
                "Size": {"target": "ex#Size"},
                "Mode": {"target": "ex#Mode"}
            }},
            "ex#Name": {"type": "string", "traits": {"smithy.api#length": {"max": 10}}},
            "ex#Size": {"type": "integer"},
            "ex#Mode": {"type": "enum", "members": {
                "A": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "a"}},
                "B": {"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "b"}}
            }}
        }
    })
}

fn verdicts(edit: impl FnOnce(&mut Value)) -> (Bump, Bump) {
    let load = |v: &Value| crate::sync::load_bytes("m.json", v.to_string().as_bytes()).unwrap();
    let old = model();
    let mut new = old.clone();
    edit(&mut new);
    let (old, new) = (load(&old), load(&new));
    let events = diff(&old, &new);
    (rust_bump(&old, &new, &events).0, r_bump(&events).0)
}

fn members(m: &mut Value) -> &mut Value {
    &mut m["shapes"]["ex#MakeInput"]["members"]
}

#[test]
fn each_package_gets_its_own_verdict() {
    assert_eq!(verdicts(|_| {}), (Bump::None, Bump::None));
    // Removed member: breaks both.
    assert_eq!(
        verdicts(|m| {
            members(m).as_object_mut().unwrap().remove("Size");
        }),
        (Bump::Major, Bump::Major)
    );
    // New required member (clientOptional, as AWS marks them): a new field for Rust, a new argument
    // without default (ERROR in the diff) for R.
    let (rust, _) = verdicts(|m| {
        members(m)["Extra"] = json!({"target": "ex#Name", "traits": {"smithy.api#required": {}, "smithy.api#clientOptional": {}}});
    });
    assert_eq!(rust, Bump::Minor);
    let (rust, r) = verdicts(|m| {
        members(m)["Extra"] = json!({"target": "ex#Name", "traits": {"smithy.api#required": {}}});
    });
    assert_eq!((rust, r), (Bump::Minor, Bump::Major));
    // Enum value appended: minor for both; inserted mid-list: still minor for Rust, ERROR for R.
    assert_eq!(
        verdicts(|m| {
            m["shapes"]["ex#Mode"]["members"]["C"] =
                json!({"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "c"}});
        }),
        (Bump::Minor, Bump::Minor)
    );
    assert_eq!(
        verdicts(|m| {
            let members = m["shapes"]["ex#Mode"]["members"].as_object_mut().unwrap();
            let b = members.remove("B").unwrap();
            members.insert(
                "C".into(),
                json!({"target": "smithy.api#Unit", "traits": {"smithy.api#enumValue": "c"}}),
            );
            members.insert("B".into(), b);
        }),
        (Bump::Minor, Bump::Major)
    );
    // Tightened constraint: validation only for Rust, ERROR for R.
    assert_eq!(
        verdicts(|m| m["shapes"]["ex#Name"]["traits"]["smithy.api#length"]["max"] = json!(5)),
        (Bump::Patch, Bump::Major)
    );
    // Required without clientOptional turns an `Option` field plain: major for Rust.
    let (rust, _) = verdicts(|m| {
        members(m)["Size"]["traits"] = json!({"smithy.api#required": {}});
    });
    assert_eq!(rust, Bump::Major);
}

#[test]
fn an_entry_names_version_verdict_and_changes() {
    let load = |v: &Value| crate::sync::load_bytes("m.json", v.to_string().as_bytes()).unwrap();
    let old = model();
    let mut new = old.clone();
    new["shapes"]["ex#MakeInput"]["members"]["Extra"] = json!({"target": "ex#Size"});
    let events = diff(&load(&old), &load(&new));
    let entry = changelog_entry("0.1.1", "2026-12-01", Bump::Minor, "new fields", &events);
    assert!(
        entry.starts_with("## 0.1.1 (2026-12-01)\n\nMinor release: new fields.\n\n"),
        "{entry}"
    );
    assert!(entry.contains("MakeInput$Extra"), "{entry}");
}
