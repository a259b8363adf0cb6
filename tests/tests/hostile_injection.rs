//! Injection: `tests/fixtures/hostile/injection.json` puts strings built to break out of Rust string
//! literals, doc comments, R strings, roxygen comments and Rd text (`"`, `\`, `*/`, `}`, `#'`, `%`,
//! backticks, newlines, `</code>`, `#[cfg(..)]`, `"); std::process::exit(1); ("`, `r` code, R
//! `system()` calls, Rd macros) into documentation, enum values, a pattern, a `jsonName`, a
//! deprecation message and the service title. Each carries a marker `PWNED<n>`. The generated Rust
//! parses and holds every marker only inside string literals (doc comments are `#[doc = "..."]`
//! literals to syn); each enum value is an `as_str()` literal verbatim; the R parses and holds every
//! marker only in string constants or comments; the Rd parses.

mod hostile_support;

use codegen::pipeline::{self, Settings, Target};
use hostile_support::{harness, rparse};
use proc_macro2::{TokenStream, TokenTree};

fn generate() -> (tempfile::TempDir, codegen::FileSet, codegen::Model) {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/hostile/injection.json");
    let model = codegen::load::load_file(&path).unwrap_or_else(|d| panic!("{d}"));
    let files = pipeline::generate(&model, &[], &Target::ALL, &Settings::for_model(&model))
        .unwrap_or_else(|e| panic!("{e}"));
    let tmp = tempfile::tempdir().expect("tempdir");
    files.write_atomic(tmp.path()).expect("write");
    (tmp, files, model)
}

/// Every token outside literals, as text.
fn code_outside_literals(ts: TokenStream, out: &mut String) {
    for tt in ts {
        match tt {
            TokenTree::Group(g) => code_outside_literals(g.stream(), out),
            TokenTree::Literal(_) => out.push_str(" <lit> "),
            other => {
                out.push_str(&other.to_string());
                out.push(' ');
            }
        }
    }
}

#[test]
fn rust_output_holds_hostile_strings_only_as_data() {
    let (_tmp, files, model) = generate();
    harness::check_rust(&files);
    let mut all_literals = String::new();
    let mut rust_files = 0;
    for (path, content) in files.iter() {
        if !path.ends_with(".rs") {
            continue;
        }
        rust_files += 1;
        let text = std::str::from_utf8(content).expect("utf-8");
        let ts: TokenStream = text.parse().expect("tokenises");
        let mut code = String::new();
        code_outside_literals(ts.clone(), &mut code);
        assert!(
            !code.contains("PWNED"),
            "{path}: a marker outside string literals:\n{}",
            code.lines()
                .filter(|l| l.contains("PWNED"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        // Collect the values of every string literal.
        fn lits(ts: TokenStream, out: &mut String) {
            for tt in ts {
                match tt {
                    TokenTree::Group(g) => lits(g.stream(), out),
                    TokenTree::Literal(l) => {
                        if let Ok(s) = syn::parse_str::<syn::LitStr>(&l.to_string()) {
                            out.push_str(&s.value());
                            out.push('\u{1}');
                        }
                    }
                    _ => {}
                }
            }
        }
        lits(ts, &mut all_literals);
    }
    assert!(rust_files > 0);
    // Every enum value arrives verbatim as a literal (what `as_str()` returns).
    let kind = model.shapes.get("Kind").expect("Kind");
    let codegen::ir::ShapeKind::Enum(values) = &kind.kind else {
        panic!("Kind is an enum")
    };
    assert_eq!(values.len(), 15);
    for v in values {
        assert!(
            all_literals.contains(&format!("\u{1}{}\u{1}", v.value)),
            "enum value {:?} is not a string literal of its own",
            v.value
        );
    }
    for n in 0..=18 {
        if n == 15 || n == 16 {
            continue; // the title and jsonName are not necessarily in the Rust crate
        }
        assert!(
            all_literals.contains(&format!("PWNED{n}")),
            "marker PWNED{n} lost from the Rust output"
        );
    }
}

#[test]
fn r_output_holds_hostile_strings_only_in_string_constants_or_comments() {
    let (tmp, files, _) = generate();
    let paths = rparse::files_under(tmp.path());
    let failures = rparse::failures(&paths);
    assert!(failures.is_empty(), "R/Rd files do not parse: {failures:?}");
    let mut r_files = 0;
    let mut seen = 0;
    for p in &paths {
        if p.extension().and_then(|e| e.to_str()) != Some("R") {
            continue;
        }
        r_files += 1;
        for (token, _needle, text) in rparse::tokens_containing(p, &["PWNED"]) {
            seen += 1;
            assert!(
                token == "STR_CONST" || token == "COMMENT",
                "{}: marker in a {token} token: {text}",
                p.display()
            );
        }
    }
    assert!(r_files > 0 && files.len() > r_files);
    assert!(
        seen > 10,
        "only {seen} R tokens hold a marker: the fixture no longer reaches the R output"
    );
}
