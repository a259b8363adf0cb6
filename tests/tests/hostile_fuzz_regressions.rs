//! The fuzzing invariants inside `cargo test`: every kept fuzz input (`tests/fixtures/hostile/corpus/`:
//! seeds, and reproducers of anything the fuzzers found) and 300 structured models drawn from fixed
//! byte strings go through loading and every back-end without a panic; every Rust file they produce
//! parses (syn) and every R and Rd file parses (R, in one batch).

mod hostile_support;

use hostile_support::{harness, rparse};
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
fn smithy_corpus_replays() {
    for (p, data) in corpus("smithy_json") {
        eprintln!("{}", p.display());
        let _ = harness::smithy_bytes(&data);
    }
}

#[test]
fn botocore_corpus_replays() {
    for (p, data) in corpus("botocore_json") {
        eprintln!("{}", p.display());
        let _ = harness::botocore_bytes(&data);
    }
}

#[test]
fn docs_corpus_replays() {
    for (p, data) in corpus("docs_html") {
        eprintln!("{}", p.display());
        harness::docs_html(&data);
    }
}

/// Bytes for structured model `i`: a fixed pseudo-random sequence (no seed file needed).
fn bytes(i: u64) -> Vec<u8> {
    let mut x = i.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
    (0..2048)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn structured_models_generate_code_that_parses() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut generated = 0;
    let mut inputs: Vec<(String, Vec<u8>)> = (0..300u64)
        .map(|i| (format!("seed {i}"), bytes(i)))
        .collect();
    inputs.extend(
        corpus("structured_model")
            .into_iter()
            .map(|(p, d)| (p.display().to_string(), d)),
    );
    for (n, (name, data)) in inputs.iter().enumerate() {
        let Some(files) = harness::structured(data) else {
            continue;
        };
        generated += 1;
        let dir = tmp.path().join(n.to_string());
        files
            .write_atomic(&dir)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    assert!(
        generated >= 10,
        "only {generated} structured models generated: the generator no longer reaches the back-ends"
    );
    let failures = rparse::failures(&rparse::files_under(tmp.path()));
    assert!(
        failures.is_empty(),
        "{} R/Rd files do not parse, e.g. {:?}",
        failures.len(),
        &failures[..failures.len().min(5)]
    );
}
