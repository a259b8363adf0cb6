//! Smithy and botocore forms of one API give the same IR for everything both carry.
//!
//! SageMaker from `api-models-aws` (Smithy JSON AST) and from botocore 1.37.23 (same API version,
//! 2017-07-24) are loaded, both restricted to the same operations with `codegen::select::select`, and
//! compared by [`differences`], which lists every difference so that a failure shows them all.
//!
//! Compared: the shape ids; per shape its kind, enum values (in order), member names (in order),
//! targets, `required`, and on shapes and members `length`, `range`, `pattern`, `sensitive`,
//! `timestampFormat`, `idempotencyToken`, the error kind and HTTP status of error structures,
//! deprecation (with message), `streaming`, `jsonName`, HTTP bindings and documentation; per
//! operation its input, output, errors, pagination, deprecation, `idempotent`, host prefix and
//! documentation; and the service metadata both forms carry. [`comparison_finds_every_kind_of_change`]
//! checks that the comparison is not blind: each kind of change made to one side is reported.
//!
//! Known and accounted for, each documented where it is handled:
//! - the one shape renamed between the forms: botocore `HumanLoopActivationConditions` is Smithy
//!   `SynthesizedJsonHumanLoopActivationConditions` (botocore ids are renamed before comparing);
//! - `length` with `min: 0` (Smithy writes it, botocore leaves it out): the same constraint;
//! - patterns: the botocore files carry older spellings of the same patterns with the anchors
//!   rewritten (`^` or `$` dropped, `.*` added at either end); patterns are compared with a leading
//!   `^` / `.*` and a trailing `$` / `.*` removed, so any other difference still shows;
//! - operation errors: Smithy lists them sorted, botocore in its own order; compared as sets;
//! - documentation: botocore re-serialises the HTML (whitespace, `<p></p>` as `<p/>`, `<` in text
//!   as `&lt;`); compared after undoing that (see [`docs`]);
//! - pagination that Smithy declares without `items`: botocore's `paginators-1.json` cannot express
//!   a paginator without `result_key` and leaves such operations out;
//! - two differences of the upstream files themselves, listed in [`KNOWN`]: the test asserts that
//!   exactly these remain, so a fix upstream (or a new difference) makes it fail.
//!
//! Not compared, because the forms do not share them:
//! - enum value names and enum value documentation (botocore has neither);
//! - `default`, `clientOptional`, `addedDefault` (Smithy 2.0 only) and `box` (botocore only);
//! - `input` / `output` structure markers, `sparse`, `uniqueItems`, `examples` and every raw trait in
//!   `Traits::other` (each form has its own vocabulary there);
//! - operation `http` (botocore writes `POST /` for awsJson operations, which Smithy leaves out);
//! - `jsonvalue` (botocore only; Smithy has `mediaType` on the renamed shape instead).

use codegen::ir::{Bounds, Member, Model, Operation, Shape, ShapeKind, Traits};
use codegen::load::load_file;
use codegen::select::select;
use std::collections::BTreeSet;
use std::sync::OnceLock;
use tests::{sagemaker_botocore, sagemaker_smithy};

/// botocore shape name -> Smithy shape name, for the shapes the forms name differently.
const RENAMES: [(&str, &str); 1] = [(
    "HumanLoopActivationConditions",
    "SynthesizedJsonHumanLoopActivationConditions",
)];

/// Differences between the upstream files themselves (not loader artefacts), as [`differences`]
/// prints them: botocore 1.37.23 orders `MetricDatum`'s members differently, and does not mark
/// `TrialComponentParameterValue` as a union.
const KNOWN: [&str; 2] = [
    "shape MetricDatum: members [\"MetricName\", \"StandardMetricName\", \"Value\", \"Set\"] vs \
     [\"MetricName\", \"Value\", \"Set\", \"StandardMetricName\"]",
    "shape TrialComponentParameterValue: kind union vs structure",
];

fn models() -> &'static (Model, Model) {
    static MODELS: OnceLock<(Model, Model)> = OnceLock::new();
    MODELS.get_or_init(|| {
        let smithy = load_file(&sagemaker_smithy()).unwrap_or_else(|e| panic!("{e}"));
        let boto = load_file(&sagemaker_botocore("1.37.23")).unwrap_or_else(|e| panic!("{e}"));
        (smithy, rename(boto))
    })
}

/// Apply [`RENAMES`] to botocore shape ids and every reference to them.
fn rename(mut m: Model) -> Model {
    let map = |id: &mut String| {
        if let Some((_, to)) = RENAMES.iter().find(|(from, _)| id == from) {
            *id = to.to_string();
        }
    };
    let shapes = std::mem::take(&mut m.shapes);
    for (_, mut shape) in shapes {
        map(&mut shape.id);
        map(&mut shape.name);
        match &mut shape.kind {
            ShapeKind::Structure(ms) | ShapeKind::Union(ms) => {
                ms.iter_mut().for_each(|m| map(&mut m.target))
            }
            ShapeKind::List(m) => map(&mut m.target),
            ShapeKind::Map { key, value } => {
                map(&mut key.target);
                map(&mut value.target);
            }
            _ => {}
        }
        m.shapes.insert(shape.id.clone(), shape);
    }
    for op in m.operations.values_mut() {
        op.input
            .iter_mut()
            .chain(op.output.iter_mut())
            .chain(op.errors.iter_mut())
            .for_each(map);
    }
    m
}

/// Every difference between the two models, one line each (`smithy` first, `botocore` second).
fn differences(smithy: &Model, boto: &Model) -> Vec<String> {
    let mut out = Vec::new();
    let s_ids: BTreeSet<&String> = smithy.shapes.keys().collect();
    let b_ids: BTreeSet<&String> = boto.shapes.keys().collect();
    for id in s_ids.difference(&b_ids) {
        out.push(format!("shape {id}: only in Smithy"));
    }
    for id in b_ids.difference(&s_ids) {
        out.push(format!("shape {id}: only in botocore"));
    }
    for id in s_ids.intersection(&b_ids) {
        shape_differences(&smithy.shapes[*id], &boto.shapes[*id], &mut out);
    }
    let s_ops: BTreeSet<&String> = smithy.operations.keys().collect();
    let b_ops: BTreeSet<&String> = boto.operations.keys().collect();
    for name in s_ops.symmetric_difference(&b_ops) {
        out.push(format!("operation {name}: only in one form"));
    }
    for name in s_ops.intersection(&b_ops) {
        operation_differences(&smithy.operations[*name], &boto.operations[*name], &mut out);
    }
    out
}

fn shape_differences(s: &Shape, b: &Shape, out: &mut Vec<String>) {
    let at = &s.id;
    if s.kind.type_name() != b.kind.type_name() {
        out.push(format!(
            "shape {at}: kind {} vs {}",
            s.kind.type_name(),
            b.kind.type_name()
        ));
    }
    trait_differences(at, &s.traits, &b.traits, out);
    match (&s.kind, &b.kind) {
        (ShapeKind::Enum(sv), ShapeKind::Enum(bv)) => {
            let sv: Vec<&str> = sv.iter().map(|v| v.value.as_str()).collect();
            let bv: Vec<&str> = bv.iter().map(|v| v.value.as_str()).collect();
            if sv != bv {
                out.push(format!("shape {at}: enum values {sv:?} vs {bv:?}"));
            }
        }
        (
            ShapeKind::Structure(sm) | ShapeKind::Union(sm),
            ShapeKind::Structure(bm) | ShapeKind::Union(bm),
        ) => {
            let sn: Vec<&str> = sm.iter().map(|m| m.name.as_str()).collect();
            let bn: Vec<&str> = bm.iter().map(|m| m.name.as_str()).collect();
            if sn != bn {
                out.push(format!("shape {at}: members {sn:?} vs {bn:?}"));
            }
            for smember in sm {
                if let Some(bmember) = bm.iter().find(|m| m.name == smember.name) {
                    member_differences(at, smember, bmember, out);
                }
            }
        }
        (ShapeKind::List(sm), ShapeKind::List(bm)) => member_differences(at, sm, bm, out),
        (ShapeKind::Map { key: sk, value: sv }, ShapeKind::Map { key: bk, value: bv }) => {
            member_differences(at, sk, bk, out);
            member_differences(at, sv, bv, out);
        }
        _ => {}
    }
}

fn member_differences(shape: &str, s: &Member, b: &Member, out: &mut Vec<String>) {
    let at = format!("{shape}.{}", s.name);
    if s.target != b.target {
        out.push(format!("member {at}: target {} vs {}", s.target, b.target));
    }
    if s.traits.required != b.traits.required {
        out.push(format!(
            "member {at}: required {} vs {}",
            s.traits.required, b.traits.required
        ));
    }
    trait_differences(&at, &s.traits, &b.traits, out);
}

/// Bounds as numbers (a bound written `0` in one form and `0.0` in the other is the same bound).
fn bounds(b: &Option<Bounds>) -> Option<(Option<f64>, Option<f64>)> {
    b.as_ref().map(|b| {
        (
            b.min.as_ref().map(|x| x.as_f64()),
            b.max.as_ref().map(|x| x.as_f64()),
        )
    })
}

/// A length constraint with `min: 0` dropped (no length is below 0): `{min: 0}` alone is no
/// constraint at all.
fn length(b: &Option<Bounds>) -> Option<(Option<f64>, Option<f64>)> {
    match bounds(b) {
        Some((Some(0.0), max)) => max.map(|max| (None, Some(max))),
        other => other,
    }
}

/// A pattern without a leading `^` or `.*` and a trailing `$` or `.*` (see the module docs).
fn pattern(p: &Option<codegen::ir::Pattern>) -> Option<&str> {
    p.as_deref().map(|p| {
        let p = p.strip_prefix('^').unwrap_or(p);
        let p = p.strip_prefix(".*").unwrap_or(p);
        let p = match p.strip_suffix('$') {
            Some(rest) if !rest.ends_with('\\') => rest,
            _ => p,
        };
        p.strip_suffix(".*").unwrap_or(p)
    })
}

/// Documentation with the serialisation differences of botocore's HTML undone: whitespace runs
/// collapsed, `&lt;` `&gt;` `&amp;` unescaped and empty elements `<p></p>` written `<p/>`.
fn docs(d: &Option<String>) -> Option<String> {
    d.as_ref().map(|d| {
        let text = d.split_whitespace().collect::<Vec<_>>().join(" ");
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        empty_elements(&text)
    })
}

/// `<tag></tag>` -> `<tag/>`.
fn empty_elements(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("></") {
        if let Some(open) = rest[..i].rfind('<') {
            let tag = &rest[open + 1..i];
            let close = format!("{tag}>");
            if !tag.is_empty()
                && tag.chars().all(|c| c.is_ascii_alphanumeric())
                && rest[i + 3..].starts_with(&close)
            {
                out.push_str(&rest[..open]);
                out.push_str(&format!("<{tag}/>"));
                rest = &rest[i + 3 + close.len()..];
                continue;
            }
        }
        out.push_str(&rest[..i + 1]);
        rest = &rest[i + 1..];
    }
    out.push_str(rest);
    out
}

/// The traits both forms carry, on a shape or a member.
fn trait_differences(at: &str, s: &Traits, b: &Traits, out: &mut Vec<String>) {
    let mut diff = |what: &str, sv: String, bv: String| {
        if sv != bv {
            out.push(format!("{at}: {what} {sv} vs {bv}"));
        }
    };
    diff(
        "length",
        format!("{:?}", length(&s.length)),
        format!("{:?}", length(&b.length)),
    );
    diff(
        "range",
        format!("{:?}", bounds(&s.range)),
        format!("{:?}", bounds(&b.range)),
    );
    diff(
        "pattern",
        format!("{:?}", pattern(&s.pattern)),
        format!("{:?}", pattern(&b.pattern)),
    );
    diff(
        "sensitive",
        s.sensitive.to_string(),
        b.sensitive.to_string(),
    );
    diff(
        "timestampFormat",
        format!("{:?}", s.timestamp_format),
        format!("{:?}", b.timestamp_format),
    );
    diff(
        "idempotencyToken",
        s.idempotency_token.to_string(),
        b.idempotency_token.to_string(),
    );
    diff("error", format!("{:?}", s.error), format!("{:?}", b.error));
    diff(
        "httpError",
        format!("{:?}", s.http_error),
        format!("{:?}", b.http_error),
    );
    diff(
        "deprecated",
        format!("{:?}", s.deprecated),
        format!("{:?}", b.deprecated),
    );
    diff(
        "streaming",
        s.streaming.to_string(),
        b.streaming.to_string(),
    );
    diff(
        "jsonName",
        format!("{:?}", s.json_name),
        format!("{:?}", b.json_name),
    );
    diff(
        "documentation",
        format!("{:?}", docs(&s.documentation)),
        format!("{:?}", docs(&b.documentation)),
    );
    diff(
        "httpBinding",
        format!("{:?}", s.http_binding),
        format!("{:?}", b.http_binding),
    );
}

fn operation_differences(s: &Operation, b: &Operation, out: &mut Vec<String>) {
    let at = format!("operation {}", s.name);
    let mut diff = |what: &str, sv: String, bv: String| {
        if sv != bv {
            out.push(format!("{at}: {what} {sv} vs {bv}"));
        }
    };
    diff("input", format!("{:?}", s.input), format!("{:?}", b.input));
    diff(
        "output",
        format!("{:?}", s.output),
        format!("{:?}", b.output),
    );
    let sorted = |e: &[String]| e.iter().cloned().collect::<BTreeSet<_>>();
    diff(
        "errors",
        format!("{:?}", sorted(&s.errors)),
        format!("{:?}", sorted(&b.errors)),
    );
    // botocore cannot express a paginator without `result_key` (see the module docs).
    let smithy_pages = s.paginated.as_ref().filter(|p| !p.items.is_empty());
    diff(
        "paginated",
        format!("{:?}", smithy_pages),
        format!("{:?}", b.paginated),
    );
    diff(
        "deprecated",
        format!("{:?}", s.traits.deprecated),
        format!("{:?}", b.traits.deprecated),
    );
    diff(
        "idempotent",
        s.traits.idempotent.to_string(),
        b.traits.idempotent.to_string(),
    );
    diff(
        "hostPrefix",
        format!("{:?}", s.traits.host_prefix),
        format!("{:?}", b.traits.host_prefix),
    );
    diff(
        "documentation",
        format!("{:?}", docs(&s.traits.documentation)),
        format!("{:?}", docs(&b.traits.documentation)),
    );
}

/// Both models restricted to `operations` (all when empty), compared.
fn compare(operations: &[&str]) -> Vec<String> {
    let (smithy, boto) = models();
    let ops: Vec<String> = operations.iter().map(|s| s.to_string()).collect();
    let s = select(smithy, &ops).unwrap_or_else(|e| panic!("{e}"));
    let b = select(boto, &ops).unwrap_or_else(|e| panic!("{e}"));
    differences(&s, &b)
}

#[test]
fn create_endpoint_config_closure_is_the_same() {
    let diffs = compare(&["CreateEndpointConfig"]);
    assert!(
        diffs.is_empty(),
        "{} differences:\n{}",
        diffs.len(),
        diffs.join("\n")
    );
    // The comparison did cover something.
    let (smithy, _) = models();
    let closure = select(smithy, &["CreateEndpointConfig".to_string()]).expect("select");
    assert!(closure.shapes.len() > 50, "{} shapes", closure.shapes.len());
}

#[test]
fn all_operations_closure_is_the_same() {
    let diffs = compare(&[]);
    let unexpected: Vec<&String> = diffs
        .iter()
        .filter(|d| !KNOWN.contains(&d.as_str()))
        .collect();
    let missing: Vec<&&str> = KNOWN
        .iter()
        .filter(|k| !diffs.iter().any(|d| d == *k))
        .collect();
    assert!(
        unexpected.is_empty() && missing.is_empty(),
        "{} unexpected differences:\n{}\nknown differences no longer found: {missing:?}",
        unexpected.len(),
        unexpected
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    );
    let (smithy, boto) = models();
    assert_eq!(select(smithy, &[]).expect("select").operations.len(), 358);
    assert_eq!(select(boto, &[]).expect("select").operations.len(), 358);
}

#[test]
fn service_metadata_is_the_same() {
    let (smithy, boto) = models();
    let (s, b) = (&smithy.service, &boto.service);
    assert_eq!(s.name, b.name);
    assert_eq!(s.namespace, b.namespace);
    assert_eq!(s.api_version, b.api_version);
    assert_eq!(s.sdk_id, b.sdk_id);
    assert_eq!(s.full_name, b.full_name);
    assert_eq!(s.protocol, b.protocol);
    assert_eq!(s.json_version, b.json_version);
    assert_eq!(s.target_prefix, b.target_prefix);
    assert_eq!(s.signing_name, b.signing_name);
    assert_eq!(s.endpoint_prefix, b.endpoint_prefix);
    assert_eq!(s.operations, b.operations);
    assert_eq!(docs(&s.traits.documentation), docs(&b.traits.documentation));
    // The trait and botocore's endpoint-rule-set-1.json are the same document.
    assert!(
        s.endpoint_rules.is_some(),
        "no endpoint rule set from Smithy"
    );
    assert_eq!(s.endpoint_rules, b.endpoint_rules);
}

/// Changes of every kind made to the botocore side are each reported, once.
#[test]
fn comparison_finds_every_kind_of_change() {
    let (smithy, boto) = models();
    let ops = [
        "CreateEndpointConfig".to_string(),
        "ListEndpointConfigs".to_string(),
    ];
    let s = select(smithy, &ops).expect("select");
    let mut b = select(boto, &ops).expect("select");
    assert!(differences(&s, &b).is_empty());

    let members = |b: &mut Model, id: &str| match &mut b.shapes.get_mut(id).expect(id).kind {
        ShapeKind::Structure(ms) => std::mem::take(ms),
        _ => panic!("{id} is not a structure"),
    };
    let mut input = members(&mut b, "CreateEndpointConfigInput");
    input[0].traits.required = false;
    input.swap(2, 3);
    input[4].target = "String".into();
    b.shapes
        .get_mut("CreateEndpointConfigInput")
        .expect("input")
        .kind = ShapeKind::Structure(input);
    if let ShapeKind::Enum(values) = &mut b
        .shapes
        .get_mut("ProductionVariantInstanceType")
        .expect("enum")
        .kind
    {
        values[0].value = "ml.t9.huge".into();
    }
    let name = &mut b.shapes.get_mut("EndpointConfigName").expect("name").traits;
    name.pattern = Some("^x$".into());
    name.sensitive = true;
    b.shapes.remove("KmsKeyId");
    let op = b.operations.get_mut("CreateEndpointConfig").expect("op");
    op.output = None;
    op.errors.clear();
    let list = b.operations.get_mut("ListEndpointConfigs").expect("op");
    list.paginated.as_mut().expect("paginated").page_size = Some("Limit".into());

    let diffs = differences(&s, &b);
    let expected = [
        "member CreateEndpointConfigInput.EndpointConfigName: required true vs false",
        "shape CreateEndpointConfigInput: members [",
        "member CreateEndpointConfigInput.KmsKeyId: target KmsKeyId vs String",
        "shape ProductionVariantInstanceType: enum values [",
        "EndpointConfigName: pattern ",
        "EndpointConfigName: sensitive false vs true",
        "shape KmsKeyId: only in Smithy",
        "operation CreateEndpointConfig: output ",
        "operation CreateEndpointConfig: errors ",
        "operation ListEndpointConfigs: paginated ",
    ];
    for e in expected {
        assert_eq!(
            diffs.iter().filter(|d| d.starts_with(e)).count(),
            1,
            "{e}\n{}",
            diffs.join("\n")
        );
    }
    assert_eq!(diffs.len(), expected.len(), "{}", diffs.join("\n"));
}
