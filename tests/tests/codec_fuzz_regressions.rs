//! The codec fuzz targets inside `cargo test`: every kept input of `codec_json_request` and
//! `codec_response` (`tests/fixtures/hostile/corpus/<target>/`: seeds, and reproducers of anything
//! the fuzzers found) goes through the same code paths as the fuzz targets
//! (`codec_support`, shared with `fuzz/`) without a panic.

mod codec_support;

use std::path::PathBuf;

fn corpus(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/hostile/corpus")
        .join(target);
    let mut out: Vec<(PathBuf, Vec<u8>)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| {
            let p = e.expect("entry").path();
            let bytes = std::fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no inputs in {}", dir.display());
    out
}

#[test]
fn json_request_corpus_replays() {
    for (p, data) in corpus("codec_json_request") {
        eprintln!("{}", p.display());
        codec_support::json_request(&data);
    }
}

#[test]
fn response_corpus_replays() {
    for (p, data) in corpus("codec_response") {
        eprintln!("{}", p.display());
        eprintln!("  {:?}", codec_support::response(&data));
    }
}

/// The hand-written response seeds (`fuzz/seeds/codec_response.py`) still draw the operation and
/// outcome they are named for (a seed that no longer decodes, e.g. after a change to the drawing,
/// would silently test nothing).
#[test]
fn response_seeds_reach_their_operations() {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/hostile/corpus/codec_response");
    let read = |name: &str| {
        let data = std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        codec_support::response(&data).unwrap_or_else(|| panic!("{name}: draws no response"))
    };
    let (op, out) = read("describe_endpoint_config_200");
    assert!(
        op.ends_with("describe_endpoint_config") && out.starts_with("ok: "),
        "{op} {out}"
    );
    let (op, out) = read("put_item_200");
    assert!(
        op.ends_with("put_item") && out.starts_with("ok: "),
        "{op} {out}"
    );
    assert!(out.contains("abc") && out.contains("Some(200)"), "{out}");
    let (op, out) = read("put_item_not_found_404");
    assert!(
        op.ends_with("put_item") && out.contains("NotFound(NotFound"),
        "{op} {out}"
    );
    let (_, out) = read("create_endpoint_config_limit_400");
    assert!(out.contains("ResourceLimitExceeded: too many"), "{out}");
    let (_, out) = read("get_doc_200");
    assert!(out.starts_with("ok: ") && out.contains("three"), "{out}");
}
