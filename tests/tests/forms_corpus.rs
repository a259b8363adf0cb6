//! One IR from both model forms across the whole AWS corpus.
//!
//! The pairs are found here, not listed: every botocore model of the `BOTOCORE_PYTHON` venv (botocore
//! 1.37.23) against every Smithy model of `../shared/upstream/api-models-aws` with the same
//! `serviceId` / `sdkId`, the same API version and the same operation set ([`pairs`]). For each pair:
//! - the non-strict cross-form diff (Smithy -> botocore) has no event that
//!   `forms_corpus/upstream_differences.tsv` does not name, and every line there still matches an
//!   event (a fix upstream, or a new difference, makes the test fail);
//! - an independent side-by-side walk of the two IRs ([`walk`]) finds no difference where the diff
//!   reported nothing.
//!
//! Cost: one release build of this file, then about 10 s on two cores (loading 842 models in
//! parallel, 398 diffs).

#[path = "forms_corpus/pairs.rs"]
mod pairs;
#[path = "forms_corpus/walk.rs"]
mod walk;

use codegen::diff;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

/// What the pairing finds today (botocore 1.37.23, the pinned api-models-aws).
const BOTOCORE_MODELS: usize = 437;
const PAIRS: usize = 398;
/// Same service and API version, different operations (each form has operations the other lacks).
const OPERATION_SETS_DIFFER: usize = 2;
/// Pairs whose cross-form diff is empty.
const CLEAN_PAIRS: usize = 352;

fn corpus() -> &'static pairs::Corpus {
    static C: OnceLock<pairs::Corpus> = OnceLock::new();
    C.get_or_init(pairs::corpus)
}

/// One line of `upstream_differences.tsv`.
struct Known {
    service: String,
    event: String,
    shape: String,
    line: usize,
}

fn known() -> Vec<Known> {
    let path = tests::project_root().join("tests/tests/forms_corpus/upstream_differences.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() == 4 && !cols[3].trim().is_empty(),
            "{}:{}: expected service, event, shape, evidence",
            path.display(),
            i + 1
        );
        out.push(Known {
            service: cols[0].into(),
            event: cols[1].into(),
            shape: cols[2].into(),
            line: i + 1,
        });
    }
    out
}

/// `*` matches any run of characters.
fn glob(pattern: &str, s: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == s;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !s.starts_with(first) || !s[first.len()..].ends_with(last) {
        return false;
    }
    let mut rest = &s[first.len()..s.len() - last.len()];
    for p in &parts[1..parts.len() - 1] {
        match rest.find(p) {
            Some(i) => rest = &rest[i + p.len()..],
            None => return false,
        }
    }
    true
}

#[test]
fn glob_matches() {
    assert!(glob("*$position", "ApiKeys$position"));
    assert!(glob("*", "x"));
    assert!(glob("*$Max*", "ListXRequest$MaxItems"));
    assert!(!glob("*$Max*", "ListXRequest$Items"));
    assert!(!glob("A", "AB"));
}

#[test]
fn the_pairing_finds_the_same_pairs() {
    let c = corpus();
    assert_eq!(c.botocore_models, BOTOCORE_MODELS);
    assert_eq!(c.pairs.len(), PAIRS);
    assert_eq!(
        c.operation_set_differs.len(),
        OPERATION_SETS_DIFFER,
        "{:?}",
        c.operation_set_differs
    );
}

#[test]
fn every_pair_differs_only_by_listed_upstream_differences() {
    let c = corpus();
    let known = known();
    let diffs: Vec<(&str, Vec<diff::Event>)> = c
        .pairs
        .par_iter()
        .map(|p| (p.service.as_str(), diff::diff(&p.smithy, &p.botocore)))
        .collect();
    let mut used = vec![0usize; known.len()];
    let mut unlisted = Vec::new();
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    for (service, events) in &diffs {
        for e in events {
            *by_id.entry(e.id.as_str()).or_default() += 1;
            match known.iter().position(|k| {
                k.service == *service && k.event == e.id.as_str() && glob(&k.shape, &e.shape)
            }) {
                Some(i) => used[i] += 1,
                None => unlisted.push(format!("{service}: {e}")),
            }
        }
    }
    let clean = diffs.iter().filter(|(_, e)| e.is_empty()).count();
    let total: usize = by_id.values().sum();
    eprintln!(
        "{PAIRS} pairs, {clean} with no event; {total} events, all listed upstream differences: {by_id:?}"
    );
    assert!(
        unlisted.is_empty(),
        "{} events not in upstream_differences.tsv:\n{}",
        unlisted.len(),
        unlisted.join("\n")
    );
    let stale: Vec<usize> = known
        .iter()
        .zip(&used)
        .filter(|(_, n)| **n == 0)
        .map(|(k, _)| k.line)
        .collect();
    assert!(
        stale.is_empty(),
        "upstream_differences.tsv lines matching no event: {stale:?}"
    );
    assert_eq!(clean, CLEAN_PAIRS);
}

#[test]
fn the_ir_walk_finds_nothing_the_diff_missed() {
    let c = corpus();
    let missed: Vec<String> = c
        .pairs
        .par_iter()
        .flat_map(|p| {
            let events = diff::diff(&p.smithy, &p.botocore);
            let places: BTreeSet<&str> = events.iter().map(|e| e.shape.as_str()).collect();
            walk::differences(&p.smithy, &p.botocore)
                .into_iter()
                .filter(|d| !places.contains(d.as_str()))
                .map(|d| format!("{}: {d}", p.service))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        missed.is_empty(),
        "{} IR differences without an event:\n{}",
        missed.len(),
        missed.join("\n")
    );
    // The walk is not blind: on the pairs with listed differences it finds some.
    let found: usize = c
        .pairs
        .iter()
        .map(|p| walk::differences(&p.smithy, &p.botocore).len())
        .sum();
    assert!(found > 50, "{found}");
}
