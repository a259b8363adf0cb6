//! `cargo xtask regenerate --check` on a temporary copy of `models/` + `generated/`: up to date right
//! after `regenerate`, stale (naming the files and the command to run) once the projection changes.

mod common;

use common::{snapshot, stderr, temp_root, xtask};

#[test]
fn check_fails_after_a_projection_edit_and_names_files_and_command() {
    let root = temp_root();
    let r = root.path();
    let regen = xtask(r, &["regenerate"]);
    assert!(regen.status.success(), "{}", stderr(&regen));
    let ok = xtask(r, &["regenerate", "--check"]);
    assert!(
        ok.status.success(),
        "fresh output reported stale: {}",
        stderr(&ok)
    );
    assert!(stderr(&ok).contains("up to date"), "{}", stderr(&ok));

    // Edit a fact in the committed projection: the maximum length of an endpoint configuration name.
    let proj = r.join("models/sagemaker.projection.json");
    let text = std::fs::read_to_string(&proj).expect("projection");
    let mut json: serde_json::Value = serde_json::from_str(&text).expect("projection is JSON");
    let length = &mut json["shapes"]["com.amazonaws.sagemaker#EndpointConfigName"]["traits"]
        ["smithy.api#length"]["max"];
    assert_eq!(
        *length,
        serde_json::json!(63),
        "the projection changed: pick another fact"
    );
    *length = serde_json::json!(40);
    std::fs::write(&proj, serde_json::to_string_pretty(&json).expect("json")).expect("write");

    let before = snapshot(&r.join("generated"));
    let stale = xtask(r, &["regenerate", "--check"]);
    let err = stderr(&stale);
    assert!(
        !stale.status.success(),
        "edited projection not reported: {err}"
    );
    assert!(err.contains("generated/ is stale"), "{err}");
    assert!(err.contains("run `cargo xtask regenerate`"), "{err}");
    // Each named file exists and is one that really differs.
    let named: Vec<&str> = err
        .lines()
        .filter_map(|l| l.trim().strip_prefix("generated/changed: "))
        .collect();
    assert!(!named.is_empty(), "{err}");
    for n in &named {
        assert!(
            before.contains_key(std::path::Path::new(n)),
            "{n} is not in generated/"
        );
    }
    // --check wrote nothing.
    assert_eq!(before, snapshot(&r.join("generated")));

    // Regenerating fixes it, and the new limit reaches the output.
    let regen = xtask(r, &["regenerate"]);
    assert!(regen.status.success(), "{}", stderr(&regen));
    let after = snapshot(&r.join("generated"));
    let changed: Vec<_> = after
        .iter()
        .filter(|(p, b)| before.get(*p) != Some(*b))
        .map(|(p, _)| p.display().to_string())
        .collect();
    let mut named_sorted: Vec<String> = named.iter().map(|s| s.to_string()).collect();
    named_sorted.sort();
    assert_eq!(changed, named_sorted);
    assert!(xtask(r, &["regenerate", "--check"]).status.success());
}
