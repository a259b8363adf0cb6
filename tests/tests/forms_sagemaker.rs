//! SageMaker's Rust crate and R package generated from the Smithy model and from botocore 1.37.23
//! (same API version) are the same file for file, once documentation is set aside and the facts only
//! one form carries are carried over. Each such fact is named in [`smithy_only_facts`]; with them
//! carried over, every file is identical up to documentation lines, and without them the differences
//! are exactly what those facts explain.

mod rust_support;

use codegen::ir::{Model, ShapeKind};
use codegen::FileSet;
use std::collections::BTreeSet;
use std::sync::OnceLock;

fn models() -> &'static (Model, Model) {
    static M: OnceLock<(Model, Model)> = OnceLock::new();
    M.get_or_init(|| {
        let s = codegen::load::load_file(&tests::sagemaker_smithy()).expect("Smithy loads");
        let b = codegen::load::load_file(&tests::sagemaker_botocore("1.37.23"))
            .expect("botocore loads");
        (s, b)
    })
}

/// botocore's name for the one shape the forms name differently.
const RENAMED: (&str, &str) = (
    "HumanLoopActivationConditions",
    "SynthesizedJsonHumanLoopActivationConditions",
);

/// The botocore IR with what only the Smithy form carries copied in from the Smithy IR:
/// - `clientOptional` on members (Smithy 2.0; AWS marks every required SageMaker member with it),
///   which makes a required field an `Option` in Rust;
/// - `default` and `addedDefault` on members;
/// - enum value names (botocore has only the values), which name the Rust variants;
/// - the one shape botocore names differently ([`RENAMED`]) and its `mediaType` (botocore:
///   `jsonvalue`);
/// - `input` / `output` markers on structures;
/// - member order (botocore's JSON objects have none that means anything; two structures differ);
/// - `length` with `min: 0` (Smithy writes it, botocore mostly leaves it out: the same constraint,
///   but the crate reports the limits it was given).
/// - pattern spelling where the two say the same up to anchoring ([`codegen::normalize::pattern_key`]:
///   botocore writes `arn:.*` where Smithy writes `^arn:`; botocore spells 188 patterns 196 ways);
/// - `box` (botocore only) and `jsonvalue` on members (botocore only; Smithy says `mediaType` on the
///   shape), which R writes as tags;
/// - pagination that only Smithy declares (botocore's hand-kept `paginators-1.json` lacks some);
/// - `TrialComponentParameterValue` as a union (botocore 1.37.23 keeps it a plain structure).
fn smithy_only_facts(boto: &Model, smithy: &Model) -> Model {
    let mut b = boto.clone();
    if let Some(mut shape) = b.shapes.remove(RENAMED.0) {
        shape.id = RENAMED.1.into();
        shape.name = RENAMED.1.into();
        shape.traits = smithy.shapes[RENAMED.1].traits.clone();
        b.shapes.insert(RENAMED.1.into(), shape);
    }
    for (name, op) in b.operations.iter_mut() {
        if op.paginated.is_none() {
            op.paginated = smithy.operations[name].paginated.clone();
        }
        // The order of an operation's errors: the two upstream files list the same errors in
        // different orders (e.g. AddAssociation), and the error enum follows the model's order.
        let theirs = &smithy.operations[name].errors;
        let mut a = op.errors.clone();
        let mut c = theirs.clone();
        a.sort();
        c.sort();
        if a == c {
            op.errors = theirs.clone();
        }
    }
    for shape in b.shapes.values_mut() {
        let Some(s) = smithy.shapes.get(&shape.id) else {
            continue;
        };
        shape.traits.input = s.traits.input;
        shape.traits.output = s.traits.output;
        zero_min(&mut shape.traits, &s.traits);
        same_pattern(&mut shape.traits, &s.traits);
        shape.traits.boxed = false;
        if let (ShapeKind::Structure(m), ShapeKind::Union(_)) = (&shape.kind, &s.kind) {
            shape.kind = ShapeKind::Union(m.clone());
        }
        match (&mut shape.kind, &s.kind) {
            (ShapeKind::Structure(bm), ShapeKind::Structure(sm))
            | (ShapeKind::Union(bm), ShapeKind::Union(sm)) => {
                for m in bm.iter_mut() {
                    if m.target == RENAMED.0 {
                        m.target = RENAMED.1.into();
                    }
                    if let Some(o) = sm.iter().find(|o| o.name == m.name) {
                        m.traits.client_optional = o.traits.client_optional;
                        m.traits.default = o.traits.default.clone();
                        m.traits.added_default = o.traits.added_default;
                        zero_min(&mut m.traits, &o.traits);
                        same_pattern(&mut m.traits, &o.traits);
                        m.traits.boxed = false;
                        m.traits.json_value = false;
                    }
                }
                let order: Vec<&str> = sm.iter().map(|o| o.name.as_str()).collect();
                bm.sort_by_key(|m| order.iter().position(|n| *n == m.name));
            }
            (ShapeKind::List(bm), ShapeKind::List(sm)) => {
                zero_min(&mut bm.traits, &sm.traits);
                same_pattern(&mut bm.traits, &sm.traits);
                bm.traits.boxed = false;
            }
            (ShapeKind::Map { key: bk, value: bv }, ShapeKind::Map { key: sk, value: sv }) => {
                for (b, s) in [(bk, sk), (bv, sv)] {
                    zero_min(&mut b.traits, &s.traits);
                    same_pattern(&mut b.traits, &s.traits);
                    b.traits.boxed = false;
                }
            }
            (ShapeKind::Enum(bv), ShapeKind::Enum(sv)) => {
                for v in bv.iter_mut() {
                    if let Some(o) = sv.iter().find(|o| o.value == v.value) {
                        v.name = o.name.clone();
                    }
                }
            }
            _ => {}
        }
    }
    // The traits were edited after loading: resolve the effective constraints again.
    codegen::normalize::normalized(b)
}

/// Smithy's spelling of a pattern that says the same up to anchoring.
fn same_pattern(b: &mut codegen::ir::Traits, s: &codegen::ir::Traits) {
    if let (Some(bp), Some(sp)) = (b.pattern.as_mut(), s.pattern.as_ref()) {
        if bp.key == sp.key {
            *bp = sp.clone();
        }
    }
}

/// Smithy's `length` `min: 0` where botocore has no `min`.
fn zero_min(b: &mut codegen::ir::Traits, s: &codegen::ir::Traits) {
    if let (Some(bl), Some(sl)) = (b.length.as_mut(), s.length.as_ref()) {
        if bl.min.is_none() && sl.min.as_ref().is_some_and(|m| m.as_f64() == 0.0) {
            bl.min = sl.min.clone();
        }
    }
}

/// `src/patterns.rs` as the list of its patterns' [`codegen::normalize::pattern_key`]s, in order.
fn pattern_keys(text: &str) -> Vec<String> {
    text.split("Pattern::new(")
        .skip(1)
        .map(|rest| {
            let lit = rest.trim_start().strip_prefix('"').unwrap_or_default();
            let mut end = 0;
            let mut escaped = false;
            for (i, c) in lit.char_indices() {
                match c {
                    '\\' if !escaped => escaped = true,
                    '"' if !escaped => {
                        end = i;
                        break;
                    }
                    _ => escaped = false,
                }
            }
            codegen::normalize::pattern_key(&lit[..end])
        })
        .collect()
}

/// A file with its documentation lines dropped (`///`, `//!`, `#[doc`, roxygen `#'`, and for
/// `.Rd` and `.md` files everything but the lines starting with a macro or heading name).
fn without_docs(path: &str, text: &str) -> String {
    if path == "src/patterns.rs" {
        return pattern_keys(text).join("\n");
    }
    let keep = |l: &str| {
        let t = l.trim_start();
        if path.ends_with(".Rd") {
            return t.starts_with("\\name{")
                || t.starts_with("\\alias{")
                || t.starts_with("\\usage{");
        }
        if path.ends_with(".md") {
            return false;
        }
        !(t.starts_with("///")
            || t.starts_with("//!")
            || t.starts_with("#[doc")
            || t.starts_with("#'"))
    };
    text.lines()
        .filter(|l| keep(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Paths whose content differs (documentation aside), and paths only one side has.
fn differing(a: &FileSet, b: &FileSet) -> Vec<String> {
    let pa: BTreeSet<&str> = a.iter().map(|(p, _)| p).collect();
    let pb: BTreeSet<&str> = b.iter().map(|(p, _)| p).collect();
    let mut out: Vec<String> = pa
        .symmetric_difference(&pb)
        .map(|p| format!("only one side: {p}"))
        .collect();
    for p in pa.intersection(&pb) {
        let x = String::from_utf8_lossy(a.get(p).unwrap());
        let y = String::from_utf8_lossy(b.get(p).unwrap());
        if without_docs(p, &x) != without_docs(p, &y) {
            out.push(p.to_string());
        }
    }
    out
}

fn rust(m: &Model) -> FileSet {
    rust_support::generate_model(m, &[], "sagemaker-forms")
}

fn r(m: &Model) -> FileSet {
    let settings = codegen::r::Settings {
        package: "paws.sagemaker".into(),
        version: "0.1.0".into(),
        title: "SageMaker".into(),
    };
    let out = codegen::r::generate(m, &settings).expect("R generates");
    let mut all = out.package;
    all.extend_under("docs", out.docs).expect("paths");
    all
}

#[test]
fn rust_crates_are_identical_but_for_docs_and_smithy_only_facts() {
    let (s, b) = models();
    let from_smithy = rust(s);
    let carried = rust(&smithy_only_facts(b, s));
    let diff = differing(&from_smithy, &carried);
    keep("rust", &from_smithy, &carried, &diff);
    assert!(
        diff.is_empty(),
        "{} files differ:\n{}",
        diff.len(),
        diff.join("\n")
    );
    assert!(from_smithy.len() > 1500, "{}", from_smithy.len());
    // Without the facts carried over, they are what makes files differ.
    let plain = differing(&from_smithy, &rust(b));
    assert!(plain.len() > 100, "{}", plain.len());
}

#[test]
fn r_packages_are_identical_but_for_docs_and_smithy_only_facts() {
    let (s, b) = models();
    let from_smithy = r(s);
    let carried = r(&smithy_only_facts(b, s));
    let diff = differing(&from_smithy, &carried);
    keep("r", &from_smithy, &carried, &diff);
    assert!(
        diff.is_empty(),
        "{} files differ:\n{}",
        diff.len(),
        diff.join("\n")
    );
    assert!(from_smithy.len() > 300, "{}", from_smithy.len());
}

/// With `FORMS_KEEP=DIR`, the first differing files of both sides (documentation dropped) are
/// written under DIR for inspection.
fn keep(what: &str, a: &FileSet, b: &FileSet, diff: &[String]) {
    let Ok(dir) = std::env::var("FORMS_KEEP") else {
        return;
    };
    for p in diff.iter().filter(|p| !p.starts_with("only")).take(5) {
        for (side, set) in [("smithy", a), ("botocore", b)] {
            let text = without_docs(p, &String::from_utf8_lossy(set.get(p).unwrap_or_default()));
            let f = std::path::Path::new(&dir).join(what).join(side).join(p);
            std::fs::create_dir_all(f.parent().unwrap()).unwrap();
            std::fs::write(f, text).unwrap();
        }
    }
}

/// The R interfaces keep every tag paws writes, `deprecatedMessage` included, from either form.
#[test]
fn r_interfaces_keep_the_deprecation_message() {
    let (s, b) = models();
    for m in [s, b] {
        let out = r(m);
        let text =
            String::from_utf8_lossy(out.get("R/sagemaker_interfaces.R").expect("interfaces"))
                .into_owned();
        let tag =
            "HomeEfsFileSystemKmsKeyId = structure(logical(0), tags = list(deprecated = TRUE, \
                   deprecatedMessage = \"This property is deprecated, use KmsKeyId instead.\"";
        for op in ["create_domain_input", "describe_domain_output"] {
            let start = text
                .find(&format!("${op} <- function"))
                .unwrap_or_else(|| panic!("{op} missing"));
            let body = &text[start..text[start..].find("\n}").map_or(text.len(), |e| start + e)];
            assert!(
                body.contains(tag),
                "{op} from {:?} lacks the message",
                m.form
            );
        }
    }
}

/// Generating from the botocore form says that `clientOptional` is lost (see the README).
#[test]
fn botocore_form_warns_about_client_optional() {
    let (s, b) = models();
    assert_eq!(codegen::pipeline::form_warning(s), None);
    let w = codegen::pipeline::form_warning(b).expect("a warning");
    assert!(w.contains("clientOptional") && w.contains("Option"), "{w}");
    // The fact behind it: the Smithy form makes required SageMaker members `Option`s.
    let required_optional = s
        .shapes
        .values()
        .flat_map(|sh| sh.kind.members())
        .filter(|m| m.traits.required && m.traits.client_optional)
        .count();
    assert!(required_optional > 1500, "{required_optional}");
}
