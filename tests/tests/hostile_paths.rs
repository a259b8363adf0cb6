//! Paths: service, shape, operation, crate and package names such as `../../x`, `/etc/passwd`, `con`,
//! `a/b`, empty strings and 300-character names cannot make the generator write outside its output
//! directory: they are sanitised (the output stays inside) or refused with a clear error.

mod hostile_support;

use codegen::pipeline::{self, Settings, Target};
use std::path::Path;

fn hostile_names() -> Vec<String> {
    let mut v: Vec<String> = [
        "../../x",
        "/etc/passwd",
        "con",
        "a/b",
        "",
        "..",
        ".",
        "a\\b",
        "c:x",
        "x\0y",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push("N".repeat(300));
    v
}

/// A botocore model (names are free-form there) with `name` as service id, target prefix, operation
/// and shape names.
fn model(name: &str) -> serde_json::Value {
    serde_json::json!({
        "version": "2.0",
        "metadata": {
            "apiVersion": "2020-01-01", "endpointPrefix": name, "jsonVersion": "1.1",
            "protocol": "json", "serviceFullName": name, "serviceId": name,
            "signatureVersion": "v4", "targetPrefix": name, "uid": "x-2020-01-01"
        },
        "operations": {
            name: { "name": name, "http": { "method": "POST", "requestUri": "/" },
                    "input": { "shape": name }, "output": { "shape": "Out" } }
        },
        "shapes": {
            name: { "type": "structure", "members": { name: { "shape": "S" } } },
            "Out": { "type": "structure", "members": { "X": { "shape": name } } },
            "S": { "type": "string", "enum": [name] }
        }
    })
}

/// Everything under `root` (recursively), as sorted relative paths.
fn tree(root: &Path) -> Vec<String> {
    codegen::fileset::list_files(root).expect("list")
}

#[test]
fn hostile_model_names_never_write_outside_the_output_directory() {
    let mut written_any = Vec::new();
    for name in hostile_names() {
        let tmp = tempfile::tempdir().expect("tempdir");
        std::fs::write(tmp.path().join("bystander.txt"), "keep").expect("write");
        let out = tmp.path().join("a/b/out");
        let loaded = codegen::load::botocore::load("service-2.json", &model(&name), None);
        let model = match loaded {
            Ok(m) => m,
            Err(d) => {
                assert!(!d.is_empty());
                continue;
            }
        };
        match pipeline::generate(&model, &[], &Target::ALL, &Settings::for_model(&model)) {
            Ok(files) => {
                for (p, _) in files.iter() {
                    codegen::fileset::check_path(p)
                        .unwrap_or_else(|e| panic!("name {name:?}: {e}"));
                }
                files.write_atomic(&out).expect("write");
                let written: Vec<String> = tree(tmp.path())
                    .into_iter()
                    .filter(|p| p != "bystander.txt")
                    .collect();
                assert!(
                    written.iter().all(|p| p.starts_with("a/b/out/")),
                    "name {name:?} wrote outside the output: {written:?}"
                );
                assert_eq!(written.len(), files.len());
                written_any.push(name.clone());
            }
            Err(e) => assert!(!e.to_string().trim().is_empty()),
        }
        assert_eq!(
            std::fs::read_to_string(tmp.path().join("bystander.txt")).expect("read"),
            "keep"
        );
    }
    eprintln!("generated for {written_any:?}");
    assert!(
        written_any.len() >= 3,
        "too few hostile names reached the back-ends: {written_any:?}"
    );
}

/// A library caller passing hostile crate or package names straight to the pipeline (no manifest)
/// gets an error naming the path, or output inside the directory (`a/b` is a subdirectory).
#[test]
fn hostile_crate_and_package_names_are_refused_or_stay_inside() {
    let json = model("Svc");
    let model = codegen::load::botocore::load("service-2.json", &json, None).expect("loads");
    for name in hostile_names() {
        for which in ["rust", "r"] {
            let mut settings = Settings::for_model(&model);
            if which == "rust" {
                settings.rust.crate_name = name.clone();
            } else {
                settings.r.package = name.clone();
            }
            match pipeline::generate(&model, &[], &Target::ALL, &settings) {
                Ok(files) => {
                    let prefix = format!("{which}/");
                    for (p, _) in files.iter() {
                        codegen::fileset::check_path(p).expect("checked");
                        let inside = p.starts_with(&prefix)
                            || p.starts_with("docs/")
                            || p.starts_with("rust/")
                            || p.starts_with("r/");
                        assert!(inside, "{which} name {name:?} gave path {p}");
                    }
                    assert!(
                        ["con", "a/b"].contains(&name.as_str()),
                        "{which} name {name:?} was accepted"
                    );
                }
                Err(e) => {
                    let msg = e.to_string();
                    assert!(
                        msg.contains("refusing output path") || msg.contains("back-end"),
                        "{msg}"
                    );
                }
            }
        }
    }
}

/// Manifests refuse every such name with a message naming the key.
#[test]
fn manifests_refuse_hostile_names() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for name in hostile_names() {
        if name.contains('\0') {
            continue; // TOML strings cannot hold NUL unescaped; covered by the other tests.
        }
        for key in ["id", "projection", "crate_name", "package"] {
            let value = |k: &str, default: &str| {
                if k == key {
                    toml_string(&name)
                } else {
                    toml_string(default)
                }
            };
            let text = format!(
                "[service]\nid = {}\nprojection = {}\n\n[upstream]\nurl = \"https://example.com/m.json\"\nsha256 = \"{}\"\n\n[selection]\noperations = [\"Op\"]\n\n[rust]\ncrate_name = {}\nversion = \"0.1.0\"\ndescription = \"d\"\nlicense = \"Apache-2.0\"\n\n[r]\npackage = {}\nversion = \"0.1.0\"\ntitle = \"t\"\n",
                value("id", "svc"),
                value("projection", "svc.projection.json"),
                "0".repeat(64),
                value("crate_name", "svc-types"),
                value("package", "paws.svc"),
            );
            let path = tmp.path().join("svc.toml");
            std::fs::write(&path, text).expect("write");
            match codegen::manifest::Manifest::load(&path) {
                Ok(_) => assert_eq!(name, "con", "{key} = {name:?} accepted"),
                Err(e) => {
                    let msg = e.to_string();
                    assert!(msg.contains("svc.toml"), "{msg}");
                }
            }
        }
    }
}

fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
