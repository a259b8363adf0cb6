//! Models at the limits (10,000-deep reference, mixin and resource chains, a member cycle of 10,000
//! shapes, 100,000 members, a 10 MB documentation string, a 50 MB model) either work or fail with a
//! clear error, on a 2 MiB stack: nothing in loading, selection, projection or the back-ends may
//! recurse as deep as the model. Peak memory is measured outside the tests (see the report).

mod hostile_support;

use codegen::pipeline::{self, Settings, Target};
use hostile_support::{big, harness, on_small_stack};

/// Write `text` to a temporary file, load it, select and project everything, run every back-end.
/// The model is valid, so loading must succeed; generation must succeed or fail with a message.
fn run(name: &'static str, text: String) -> usize {
    run_ops(name, text, &[], &Target::ALL)
}

/// [`run`] with the Rust back-end only. The R back-end writes each operation's input as one nested
/// R expression as deep as the chain, and recurses as deep (see the report of the hostile-input
/// issue): it is not run on 10,000-deep chains here.
fn run_rust(name: &'static str, text: String) -> usize {
    run_ops(name, text, &[], &[Target::Rust])
}

/// [`run`], generating only `chosen` operations (all when empty).
fn run_ops(
    name: &'static str,
    text: String,
    chosen: &'static [&'static str],
    targets: &'static [Target],
) -> usize {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write model");
    on_small_stack(move || {
        let model = codegen::load::load_file(&path)
            .unwrap_or_else(|d| panic!("the {name} model does not load:\n{d}"));
        let ops: Vec<String> = if chosen.is_empty() {
            model.operations.keys().cloned().collect()
        } else {
            chosen.iter().map(|s| s.to_string()).collect()
        };
        let closure = codegen::select::closure(&model, &ops).expect("closure");
        let projection = codegen::project::projection(&model, &ops).expect("projection");
        let reloaded = codegen::load::parse_json("projection.json", projection.as_bytes())
            .and_then(|j| codegen::load::smithy::load("projection.json", &j))
            .unwrap_or_else(|d| panic!("the projection of the {name} model does not load:\n{d}"));
        assert_eq!(reloaded.shapes.len(), closure.len());
        match pipeline::generate(&model, &ops, targets, &Settings::for_model(&model)) {
            Ok(files) => {
                assert!(!files.is_empty());
                harness::check_rust(&files);
            }
            Err(e) => assert!(!e.to_string().trim().is_empty()),
        }
        closure.len()
    })
}

#[test]
fn a_10000_deep_reference_chain_loads_and_generates() {
    assert_eq!(
        run_rust("chain.json", big::deep_chain(10_000, false)),
        10_001
    );
}

#[test]
fn a_member_cycle_through_10000_shapes_loads_and_generates() {
    assert_eq!(
        run_rust("cycle.json", big::deep_chain(10_000, true)),
        10_000
    );
}

#[test]
fn a_10000_deep_botocore_chain_loads_and_generates() {
    assert_eq!(
        run_rust("service-2.json", big::deep_chain_botocore(10_000, true)),
        10_000
    );
}

/// Load a model that must be refused; the message must name the file and say why.
fn refused(name: &'static str, text: String, why: &'static str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    let err = on_small_stack(move || codegen::load::load_file(&path).expect_err("refused"));
    let msg = err.to_string();
    assert!(msg.contains(name) && msg.contains(why), "{msg}");
}

/// Mixins may nest 64 deep: a chain of 10,000 is refused with a report (whether each link adds a
/// member, which would flatten to 50 million members, or not).
#[test]
fn a_10000_deep_mixin_chain_is_refused_with_a_clear_error() {
    refused(
        "mixins.json",
        big::deep_mixins(10_000, false),
        "mixins nest more than 64 deep",
    );
    refused(
        "mixins.json",
        big::deep_mixins(10_000, true),
        "mixins nest more than 64 deep",
    );
}

/// A chain of 60 mixins is fine and flattens to the members of every link.
#[test]
fn a_60_deep_mixin_chain_is_flattened() {
    let text = big::deep_mixins(60, true);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("mixins.json");
    std::fs::write(&path, text).expect("write");
    let n = on_small_stack(move || {
        let model = codegen::load::load_file(&path).unwrap_or_else(|d| panic!("{d}"));
        model.shapes["M1"].kind.members().len()
    });
    assert_eq!(n, 60);
    run("mixins.json", big::deep_mixins(60, true));
}

/// Resources may nest 64 deep: a chain of 10,000 is refused with a report.
#[test]
fn a_10000_deep_resource_chain_is_refused_with_a_clear_error() {
    refused(
        "resources.json",
        big::deep_resources(10_000),
        "resources nest more than 64 deep",
    );
}

#[test]
fn a_structure_with_100000_members_loads_and_generates() {
    assert_eq!(run("wide.json", big::many_members(100_000)), 2);
}

#[test]
fn a_10_mb_documentation_string_loads_and_generates() {
    run("doc.json", big::huge_doc(10 << 20));
}

/// Loaded whole; generated for two operations, as a service is used (the whole model through every
/// back-end is measured with the release binary instead: too slow for a debug test).
#[test]
fn a_50_mb_model_loads_and_generates() {
    let text = big::big_model(50 << 20);
    assert!(text.len() >= 50 << 20);
    assert_eq!(run_ops("big.json", text, &["Op0", "Op1"], &Target::ALL), 6);
}

/// JSON nested deeper than serde_json's limit is a clean error naming the position, not a crash.
#[test]
fn json_nested_100000_deep_is_a_clean_error() {
    let text = format!(
        "{{\"smithy\":\"2.0\",\"shapes\":{}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let err = on_small_stack(move || {
        codegen::load::parse_json("deep.json", text.as_bytes()).expect_err("must be refused")
    });
    let msg = err.to_string();
    assert!(
        msg.contains("deep.json") && msg.contains("recursion limit"),
        "{msg}"
    );
}

/// Not a check: with `HOSTILE_LIMIT_MODELS=<dir>` set, writes the limit models to `<dir>` so that the
/// real binary can be measured on them (`/usr/bin/time -v target/xtask/xtask generate --model ...`).
#[test]
fn write_limit_models_when_asked() {
    let Some(dir) = std::env::var_os("HOSTILE_LIMIT_MODELS") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).expect("create the directory");
    for (name, text) in [
        ("chain.json", big::deep_chain(10_000, false)),
        ("cycle.json", big::deep_chain(10_000, true)),
        ("mixins.json", big::deep_mixins(10_000, false)),
        ("resources.json", big::deep_resources(10_000)),
        ("wide.json", big::many_members(100_000)),
        ("doc.json", big::huge_doc(10 << 20)),
        ("big.json", big::big_model(50 << 20)),
    ] {
        std::fs::write(dir.join(name), text).expect("write a model");
    }
    let boto = dir.join("botocore");
    std::fs::create_dir_all(&boto).expect("create the directory");
    std::fs::write(
        boto.join("service-2.json"),
        big::deep_chain_botocore(10_000, true),
    )
    .expect("write a model");
}
