//! HTTP bindings across EVERY restJson1 model in `api-models-aws` (slow; run only in optimised builds:
//! `cargo test --release -p tests --test rust_wire_corpus`): in the generated crate of each, every
//! structure no other shape refers to (operation inputs, outputs, errors) keeps its header, prefix-
//! header, query, query-params, label and status-code members out of the JSON body (its schema
//! binds them elsewhere); its other members are body members under their wire names (`jsonName`
//! when set); a structure with an `httpPayload` member binds it as the payload and its other members
//! elsewhere. The check reads each structure's static in the generated `src/schema.rs`, after removing
//! whitespace: every member's `Member::new(wire, ..)` and the `.bind(..)` it carries, if any.

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

/// Each structure's schema static in `src/schema.rs`, whitespace removed, by its type name.
fn schemas_by_type(files: &codegen::FileSet) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let Some(bytes) = files.get("src/schema.rs") else {
        return out;
    };
    let squeezed: String = String::from_utf8_lossy(bytes)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for item in squeezed.split("pub(crate)static").skip(1) {
        if let Some(name) = item
            .split("Shape::new(\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
        {
            out.insert(name.to_string(), item.to_string());
        }
    }
    out
}

/// The Rust type name of every structure, by shape name (from each type file's module doc line).
fn types_by_shape(files: &codegen::FileSet) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (path, bytes) in files.iter() {
        if !path.starts_with("src/types/") {
            continue;
        }
        let text = String::from_utf8_lossy(bytes);
        let shape = text
            .split("//! The structure shape `")
            .nth(1)
            .and_then(|r| r.split('`').next());
        let ty = text
            .split("pub struct ")
            .nth(1)
            .and_then(|r| r.split([' ', '{']).next());
        if let (Some(shape), Some(ty)) = (shape, ty) {
            out.insert(shape.to_string(), ty.to_string());
        }
    }
    out
}

/// The setters a member's schema carries (`.required().bind(Binding::Header("X"))`), or `None`
/// when the schema has no member of this wire name.
fn member_chain<'a>(schema: &'a str, lit: &str) -> Option<&'a str> {
    let rest = schema.split(&format!("Member::new({lit},")).nth(1)?;
    Some(rest.split("Member::new(").next().unwrap_or(rest))
}

fn check_model(model: &Model) -> Tally {
    let mut t = Tally::default();
    let files = rust_support::generate_model(model, &[], "corpus");
    let schemas = schemas_by_type(&files);
    let types = types_by_shape(&files);
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
        let Some(text) = types.get(&shape.name).and_then(|t| schemas.get(t)) else {
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
            if !text.contains(".bind(Binding::Payload)") {
                t.failures.push(format!(
                    "{id}: the payload member is not bound as the payload"
                ));
            }
        }
        for m in members {
            let wire = m.traits.json_name.as_deref().unwrap_or(&m.name);
            let lit = format!("{wire:?}");
            let chain = member_chain(text, &lit);
            // A body member has no binding; the runtime's JSON codec writes and reads exactly those.
            let written = chain.is_some_and(|c| !c.contains(".bind("));
            let read = written;
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
                            "{id}.{}: not a body member of the schema as {lit} (written {written}, read {read})",
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
