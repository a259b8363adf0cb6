//! What every fuzz input must satisfy, as plain functions shared by the fuzz targets (`fuzz/`) and
//! the regression tests: no panic, and either a clean error or output whose every Rust file parses.
//! R files are returned so that callers outside the fuzzer can parse them in batches with R.

use codegen::pipeline::{self, Settings, Target};
use codegen::FileSet;

/// Load Smithy JSON AST bytes and, when they load, run everything after loading.
pub fn smithy_bytes(data: &[u8]) -> Option<FileSet> {
    let json = codegen::load::parse_json("fuzz.json", data).ok()?;
    let model = codegen::load::smithy::load("fuzz.json", &json);
    check_diagnostics(&model);
    after_load(&model.ok()?)
}

/// Load botocore bytes (a top-level `"__paginators"` key, if any, is used as `paginators-1.json`).
pub fn botocore_bytes(data: &[u8]) -> Option<FileSet> {
    let mut json = codegen::load::parse_json("service-2.json", data).ok()?;
    let pag = json.as_object_mut().and_then(|o| o.remove("__paginators"));
    let model = codegen::load::botocore::load("service-2.json", &json, pag.as_ref());
    check_diagnostics(&model);
    after_load(&model.ok()?)
}

/// A structured model drawn from bytes, in either form.
pub fn structured(data: &[u8]) -> Option<FileSet> {
    let spec = super::spec::Spec::from_bytes(data);
    let json = spec.to_json();
    let text = serde_json::to_vec(&json).expect("a serde_json::Value always serialises");
    if spec.botocore {
        botocore_bytes(&text)
    } else {
        smithy_bytes(&text)
    }
}

/// An error must say something.
fn check_diagnostics<T>(r: &Result<T, codegen::Diagnostics>) {
    if let Err(d) = r {
        assert!(!d.is_empty(), "an error without a diagnostic");
        for x in &d.0 {
            assert!(
                !x.message.trim().is_empty(),
                "empty diagnostic message: {x:?}"
            );
        }
    }
}

/// Projection, selection and every back-end on a loaded model; every Rust file must parse.
pub fn after_load(model: &codegen::Model) -> Option<FileSet> {
    let ops: Vec<String> = model.operations.keys().cloned().collect();
    if let Ok(text) = codegen::project::projection(model, &ops) {
        let json = serde_json::from_str(&text).expect("the projection writer wrote invalid JSON");
        let _ = codegen::load::smithy::load("projection.json", &json);
    }
    let settings = Settings::for_model(model);
    let files = pipeline::generate(model, &[], &Target::ALL, &settings).ok()?;
    check_rust(&files);
    Some(files)
}

/// Every `.rs` file parses as a Rust file.
pub fn check_rust(files: &FileSet) {
    for (path, content) in files.iter() {
        if path.ends_with(".rs") {
            let text =
                std::str::from_utf8(content).unwrap_or_else(|e| panic!("{path} is not UTF-8: {e}"));
            if let Err(e) = syn::parse_file(text) {
                panic!("{path} does not parse as Rust: {e}\n{text}");
            }
        }
    }
}

/// Documentation HTML through every renderer; the Rd output must keep its braces balanced and escape
/// every `%` so that no text can close a macro or start a comment.
pub fn docs_html(data: &[u8]) {
    let html = String::from_utf8_lossy(data);
    let doc = codegen::docs::parse_html(&html);
    let mut opts = codegen::docs::RenderOptions {
        width: 72,
        ..Default::default()
    };
    opts.operation_links
        .insert("CreateThing".into(), "svc_create_thing".into());
    let _ = doc.to_rustdoc();
    let _ = doc.to_markdown(&opts);
    let _ = doc.to_page_markdown(&opts);
    let _ = doc.first_sentence();
    let _ = doc.plain_text();
    let rd = doc.to_rd(&opts);
    check_rd(&rd);
    check_rd(&codegen::docs::escape_rd_text(&html));
    let _ = codegen::docs::escape_roxygen_text(&html);
    let _ = codegen::docs::escape_page_text(&html);
    let _ = codegen::docs::escape_rustdoc_text(&html);
    let _ = codegen::docs::wrap_words(&html, 72, "#' ", "#' ");
}

/// Rd text: unescaped braces balance and never close more than they opened; no unescaped `%`.
pub fn check_rd(rd: &str) {
    let mut depth: i64 = 0;
    let mut chars = rd.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                assert!(depth >= 0, "Rd closes a brace it did not open: {rd:?}");
            }
            '%' => panic!("unescaped % (an Rd comment) in {rd:?}"),
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced braces in Rd {rd:?}");
}
