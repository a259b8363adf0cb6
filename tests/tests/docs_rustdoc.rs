//! Every documentation string of the full SageMaker model (botocore 1.35.0), plus hostile ones,
//! rendered to rustdoc markdown and put on an item as `#[doc = "..."]`: `rustdoc -D warnings`
//! accepts the crate (no broken intra-doc links, bare URLs or invalid HTML tags) and
//! `rustdoc --test` finds no doctest in it.

use codegen::docs::parse_html;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn collect_docs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("documentation", Value::String(s)) => out.push(s.clone()),
                    _ => collect_docs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_docs(v, out)),
        _ => {}
    }
}

const HOSTILE: &[&str] = &[
    "see [Foo] and [Bar](baz) and [[x]] <T> a<b>c</b> &lt;div&gt; <unknown>tag",
    "*/ /* #[cfg(x)] ```rust\nfn main() {}\n``` and ~~~",
    "<pre>fn main() { panic!() }\n    indented\n```\n</pre>",
    "go to https://example.com/x_y and http://a.b/c) now",
    "<ul><li>a<pre>fn x() {}</pre></li><li><code>`</code></li></ul>",
    "\\u0041 \\ \" \\\" } { % @ # - + 1. > |a|b|\n|-|-|",
];

fn rustdoc_bin() -> String {
    std::env::var("RUSTDOC").unwrap_or_else(|_| "rustdoc".to_string())
}

fn write_crate(dir: &Path, docs: &[String]) -> std::path::PathBuf {
    let mut src =
        String::from("//! Documentation rendered by the docs module.\n#![deny(warnings)]\n\n");
    for (i, html) in docs.iter().enumerate() {
        let doc = parse_html(html).to_rustdoc();
        // `{:?}` writes a valid Rust string literal for any string.
        src.push_str(&format!("#[doc = {doc:?}]\npub struct Doc{i};\n\n"));
    }
    let path = dir.join("lib.rs");
    std::fs::write(&path, src).expect("write lib.rs");
    path
}

fn check(docs: &[String]) {
    let dir = tempfile::tempdir().expect("tempdir");
    let lib = write_crate(dir.path(), docs);
    let out = Command::new(rustdoc_bin())
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "lib",
            "--crate-name",
            "docs_check",
            "-D",
            "warnings",
        ])
        .arg("-o")
        .arg(dir.path().join("doc"))
        .arg(&lib)
        .output()
        .expect("run rustdoc");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && stderr.trim().is_empty(),
        "rustdoc complained:\n{stderr}"
    );

    let out = Command::new(rustdoc_bin())
        .args([
            "--edition",
            "2021",
            "--crate-type",
            "lib",
            "--crate-name",
            "docs_check",
            "--test",
        ])
        .arg(&lib)
        .output()
        .expect("run rustdoc --test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "rustdoc --test failed:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("running 0 tests"),
        "doctests were found:\n{stdout}"
    );
}

#[test]
fn every_sagemaker_doc_string_is_clean_rustdoc() {
    let path = tests::sagemaker_botocore("1.35.0");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let model: Value = serde_json::from_str(&text).expect("json");
    let mut docs = Vec::new();
    collect_docs(&model, &mut docs);
    docs.sort();
    docs.dedup();
    assert!(
        docs.len() > 3000,
        "only {} documentation strings",
        docs.len()
    );
    check(&docs);
}

#[test]
fn hostile_doc_strings_are_clean_rustdoc() {
    check(&HOSTILE.iter().map(|s| s.to_string()).collect::<Vec<_>>());
}
