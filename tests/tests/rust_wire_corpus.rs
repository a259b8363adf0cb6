//! HTTP bindings across EVERY restJson1 model in `api-models-aws` (slow; run only in optimised builds:
//! `cargo test --release -p tests --test rust_wire_corpus`): in the generated crate of each, every
//! structure no other shape refers to (operation inputs, outputs, errors) keeps its header, prefix-
//! header, query, query-params, label and status-code members out of the serde impls; its other
//! members are read and written under their wire names (`jsonName` when set); a structure with an
//! `httpPayload` member writes no JSON object of its own. The check reads the generated source, after
//! removing whitespace, for the key literals of the serde impls.

mod rust_support;

use codegen::ir::{HttpBinding, Model, Protocol, ShapeKind};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

/// What one model's check found: counts, and failures as messages.
#[derive(Default)]
struct Tally {
    structures: usize,
    bound: usize,
    body: usize,
    payloads: usize,
    failures: Vec<String>,
}

/// The generated file of every structure, by shape name (from its module doc line).
fn files_by_shape(files: &codegen::FileSet) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (path, bytes) in files.iter() {
        if !path.starts_with("src/types/") {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        if let Some(rest) = text.split("//! The structure shape `").nth(1) {
            if let Some(name) = rest.split('`').next() {
                let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
                out.insert(name.to_string(), squeezed);
            }
        }
    }
    out
}

fn check_model(model: &Model) -> Tally {
    let mut t = Tally::default();
    let files = rust_support::generate_model(model, &[], "corpus");
    let by_shape = files_by_shape(&files);
    let nested: BTreeSet<&str> = model
        .shapes
        .values()
        .flat_map(|s| s.kind.targets())
        .map(String::as_str)
        .collect();
    for (id, shape) in &model.shapes {
        let ShapeKind::Structure(members) = &shape.kind else {
            continue;
        };
        if nested.contains(id.as_str()) || members.iter().all(|m| m.traits.http_binding.is_none()) {
            continue;
        }
        let Some(text) = by_shape.get(&shape.name) else {
            t.failures
                .push(format!("{}: no generated file for {id}", model.source));
            continue;
        };
        t.structures += 1;
        let payload = members
            .iter()
            .any(|m| m.traits.http_binding == Some(HttpBinding::Payload));
        if payload {
            t.payloads += 1;
            if text.contains("serialize_map(") {
                t.failures.push(format!(
                    "{id}: a payload structure writes an object of its own"
                ));
            }
        }
        for m in members {
            let wire = m.traits.json_name.as_deref().unwrap_or(&m.name);
            let lit = format!("{wire:?}");
            let written = text.contains(&format!("serialize_entry({lit},"));
            // Long arms are braced by the formatter.
            let read = text.contains(&format!("{lit}=>self."))
                || text.contains(&format!("{lit}=>{{self."));
            match &m.traits.http_binding {
                Some(HttpBinding::Payload) => {}
                Some(_) => {
                    t.bound += 1;
                    if written || read {
                        t.failures.push(format!(
                            "{id}.{}: bound to the HTTP message but in the body (written {written}, read {read})",
                            m.name
                        ));
                    }
                }
                None if payload => {}
                None => {
                    t.body += 1;
                    if !(written && read) {
                        t.failures.push(format!(
                            "{id}.{}: a body member not in the serde impls as {lit} (written {written}, read {read})",
                            m.name
                        ));
                    }
                }
            }
        }
    }
    t
}

#[test]
#[cfg_attr(
    debug_assertions,
    ignore = "too slow unoptimised: run `cargo test --release -p tests --test rust_wire_corpus`"
)]
fn rest_json_bindings_stay_out_of_every_body() {
    let tallies: Vec<Tally> = tests::all_smithy_models()
        .par_iter()
        .filter_map(|path| {
            let model = codegen::load::load_file(path)
                .unwrap_or_else(|e| panic!("loading {}: {e}", path.display()));
            (model.service.protocol == Protocol::RestJson1).then(|| check_model(&model))
        })
        .collect();
    let models = tallies.len();
    let sum = |f: fn(&Tally) -> usize| tallies.iter().map(f).sum::<usize>();
    let (structures, bound, body, payloads) = (
        sum(|t| t.structures),
        sum(|t| t.bound),
        sum(|t| t.body),
        sum(|t| t.payloads),
    );
    let failures: Vec<&String> = tallies.iter().flat_map(|t| &t.failures).collect();
    assert!(
        failures.is_empty(),
        "{} failures, first ones:\n{}",
        failures.len(),
        failures
            .iter()
            .take(30)
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The snapshot has 200-odd restJson1 models: about 6,800 such structures with 13,300 bound
    // members, 7,700 body members beside them and 340 payload structures. Much smaller counts mean the
    // check looked at nothing.
    println!(
        "{models} models: {structures} structures, {bound} bound, {body} body, {payloads} payload"
    );
    assert!(models > 150, "only {models} restJson1 models");
    assert!(
        bound > 10_000 && body > 5_000 && payloads > 250 && structures > 5_000,
        "too little checked: {structures} structures, {bound} bound, {body} body, {payloads} payload structures"
    );
}
