//! The independent computation: `diff-rules.md` applied to two raw botocore JSON files (and their
//! paginators) with serde_json only. Any key that changes and that this walk does not know stops the
//! test, so nothing is skipped in silence.

use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::path::Path;

pub fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// One raw botocore model: shapes, operations and paginators.
pub struct Raw {
    pub json: Value,
    pub pag: Value,
}

impl Raw {
    pub fn load(version: &str) -> Raw {
        let path = tests::sagemaker_botocore(version);
        let pag = read(&path.with_file_name("paginators-1.json"));
        Raw {
            json: read(&path),
            pag,
        }
    }
    fn shapes(&self) -> &Map<String, Value> {
        self.json["shapes"].as_object().expect("shapes")
    }
    fn shape(&self, name: &str) -> &Value {
        &self.json["shapes"][name]
    }
    pub fn ops(&self) -> &Map<String, Value> {
        self.json["operations"].as_object().expect("operations")
    }
}

/// The type as the rules see it: a string with an enum list is an enum; a structure flagged `union`
/// is a union; a structure flagged `document` is a document.
fn kind(s: &Value) -> String {
    let t = s["type"].as_str().unwrap_or("?");
    match t {
        "string" if s.get("enum").is_some() => "enum".into(),
        "structure" if s["union"] == Value::Bool(true) => "union".into(),
        "structure" if s["document"] == Value::Bool(true) => "document".into(),
        _ => t.into(),
    }
}

/// Documentation compared as the rules say, done differently from the code under test: entities
/// decoded, all whitespace removed, `<x/>` written `<x></x>`.
pub fn doc(v: &Value) -> Option<String> {
    let s = v.as_str()?;
    let s = s
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    let mut s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    while let Some(end) = s.find("/>") {
        let start = s[..end].rfind('<').expect("tag start");
        let name = s[start + 1..end].to_string();
        s.replace_range(start..end + 2, &format!("<{name}></{name}>"));
    }
    (!s.is_empty()).then_some(s)
}

pub type Ev = (String, String, String); // (event id, severity, shape)

pub struct Walk<'a> {
    pub old: &'a Raw,
    pub new: &'a Raw,
    pub out: Vec<Ev>,
}

fn push(out: &mut Vec<Ev>, id: &str, sev: &str, at: &str) {
    out.push((id.into(), sev.into(), at.into()));
}

fn generic(out: &mut Vec<Ev>, name_at: &str, a: Option<&Value>, b: Option<&Value>) {
    match (a, b) {
        (None, Some(_)) => push(out, "TraitAdded", "NOTE", name_at),
        (Some(_), None) => push(out, "TraitRemoved", "WARNING", name_at),
        (Some(x), Some(y)) if x != y => push(out, "TraitChanged", "NOTE", name_at),
        _ => {}
    }
}

/// `box`, `sensitive`, `jsonvalue`, ... as flags: absent and `false` are the same.
fn flag(o: &Value, key: &str) -> Option<&'static Value> {
    static TRUE: Value = Value::Bool(true);
    (o[key] == Value::Bool(true)).then_some(&TRUE)
}

/// Deprecation, documentation and the marker traits shared by shapes, members and operations.
fn common(out: &mut Vec<Ev>, a: &Value, b: &Value, at: &str) {
    if doc(&a["documentation"]) != doc(&b["documentation"]) {
        push(out, "DocumentationChanged", "NOTE", at);
    }
    let dep = |o: &Value| {
        (o["deprecated"] == Value::Bool(true))
            .then(|| (o["deprecatedMessage"].clone(), o["deprecatedSince"].clone()))
    };
    match (dep(a), dep(b)) {
        (None, Some(_)) => push(out, "DeprecatedAdded", "WARNING", at),
        (Some(_), None) => push(out, "TraitRemoved", "WARNING", at),
        (Some(x), Some(y)) if x != y => push(out, "TraitChanged", "NOTE", at),
        _ => {}
    }
    for key in ["box", "sensitive", "jsonvalue", "streaming"] {
        generic(out, at, flag(a, key), flag(b, key));
    }
    match (flag(a, "idempotencyToken"), flag(b, "idempotencyToken")) {
        (Some(_), None) => push(out, "IdempotencyTokenRemoved", "ERROR", at),
        (None, Some(_)) => push(out, "TraitAdded", "NOTE", at),
        _ => {}
    }
    if a.get("timestampFormat") != b.get("timestampFormat") {
        push(out, "TimestampFormatChanged", "ERROR", at);
    }
}

/// Keys of a member, shape or operation object this walk understands.
const MEMBER_KEYS: &[&str] = &[
    "shape",
    "documentation",
    "deprecated",
    "deprecatedMessage",
    "deprecatedSince",
    "box",
    "sensitive",
    "jsonvalue",
    "streaming",
    "idempotencyToken",
    "timestampFormat",
    "locationName",
];
const SHAPE_KEYS: &[&str] = &[
    "type",
    "members",
    "required",
    "member",
    "key",
    "value",
    "enum",
    "min",
    "max",
    "pattern",
    "union",
    "documentation",
    "deprecated",
    "deprecatedMessage",
    "deprecatedSince",
    "box",
    "sensitive",
    "exception",
    "error",
    "fault",
    "document",
    "jsonvalue",
    "streaming",
];

fn unhandled(a: &Value, b: &Value, known: &[&str], at: &str) {
    let keys: BTreeSet<&String> = a
        .as_object()
        .into_iter()
        .chain(b.as_object())
        .flat_map(|o| o.keys())
        .collect();
    for k in keys {
        assert!(
            known.contains(&k.as_str()) || a.get(k) == b.get(k),
            "the independent walk does not handle a change of `{k}` on {at}"
        );
    }
}

impl Walk<'_> {
    pub fn shapes(&mut self) {
        let names: BTreeSet<&String> = self
            .old
            .shapes()
            .keys()
            .chain(self.new.shapes().keys())
            .collect();
        for name in names {
            match (self.old.shapes().get(name), self.new.shapes().get(name)) {
                (None, Some(_)) => push(&mut self.out, "ShapeAdded", "NOTE", name),
                (Some(s), None) => {
                    let scalar = [
                        "blob",
                        "boolean",
                        "string",
                        "byte",
                        "short",
                        "integer",
                        "long",
                        "float",
                        "double",
                        "timestamp",
                    ]
                    .contains(&kind(s).as_str());
                    push(
                        &mut self.out,
                        "ShapeRemoved",
                        if scalar { "WARNING" } else { "ERROR" },
                        name,
                    );
                }
                (Some(a), Some(b)) => {
                    let mut out = Vec::new();
                    self.shape(a, b, name, &mut out);
                    self.out.extend(out);
                }
                (None, None) => {}
            }
        }
    }

    fn shape(&self, a: &Value, b: &Value, at: &str, out: &mut Vec<Ev>) {
        if kind(a) != kind(b) {
            push(out, "ShapeTypeChanged", "ERROR", at);
            return;
        }
        unhandled(a, b, SHAPE_KEYS, at);
        let k = kind(a);
        if k == "enum" {
            let (old, new) = (a["enum"].as_array().unwrap(), b["enum"].as_array().unwrap());
            for v in old.iter().filter(|v| !new.contains(v)) {
                push(
                    out,
                    "EnumValueRemoved",
                    "ERROR",
                    &format!("{at}${}", v.as_str().unwrap()),
                );
            }
            let last_kept = new.iter().rposition(|v| old.contains(v));
            for (i, v) in new.iter().enumerate().filter(|(_, v)| !old.contains(v)) {
                let id = format!("{at}${}", v.as_str().unwrap());
                if last_kept.is_some_and(|k| i < k) {
                    push(out, "EnumValueInserted", "ERROR", &id);
                } else {
                    push(out, "EnumValueAppended", "NOTE", &id);
                }
            }
        }
        if k == "structure" || k == "union" {
            let empty = Map::new();
            let ma = a["members"].as_object().unwrap_or(&empty);
            let mb = b["members"].as_object().unwrap_or(&empty);
            let req = |s: &Value, m: &str| {
                s["required"]
                    .as_array()
                    .is_some_and(|r| r.iter().any(|x| x == m))
            };
            for m in ma.keys().filter(|m| !mb.contains_key(*m)) {
                push(out, "MemberRemoved", "ERROR", &format!("{at}${m}"));
            }
            for (m, mv) in mb {
                let id = format!("{at}${m}");
                match ma.get(m) {
                    None if req(b, m) => push(out, "RequiredMemberAdded", "ERROR", &id),
                    None => push(out, "MemberAdded", "NOTE", &id),
                    Some(old) => {
                        match (req(a, m), req(b, m)) {
                            (false, true) => push(out, "RequiredAdded", "ERROR", &id),
                            (true, false) => push(out, "RequiredRemoved", "ERROR", &id),
                            _ => {}
                        }
                        self.member(old, mv, &id, out);
                    }
                }
            }
            let order = |x: &Map<String, Value>, y: &Map<String, Value>| -> Vec<String> {
                x.keys().filter(|k| y.contains_key(*k)).cloned().collect()
            };
            if order(ma, mb) != order(mb, ma) {
                push(out, "MembersReordered", "DANGER", at);
            }
        }
        for part in ["member", "key", "value"] {
            if let (Some(x), Some(y)) = (a.get(part), b.get(part)) {
                self.member(x, y, &format!("{at}${part}"), out);
            }
        }
        // Constraints: min / max are a length on strings, blobs, lists and maps, a range on numbers.
        let length = ["string", "enum", "blob", "list", "map"].contains(&k.as_str());
        let bound = |s: &Value, key: &str| -> Option<f64> {
            let v = s.get(key)?.as_f64()?;
            (!(length && key == "min" && v == 0.0)).then_some(v)
        };
        let (mut tight, mut loose) = (false, false);
        for key in ["min", "max"] {
            match (bound(a, key), bound(b, key)) {
                (None, Some(_)) => tight = true,
                (Some(_), None) => loose = true,
                (Some(x), Some(y)) if x != y => {
                    if (key == "min") == (y > x) {
                        tight = true
                    } else {
                        loose = true
                    }
                }
                _ => {}
            }
        }
        let name = if length { "Length" } else { "Range" };
        if tight {
            push(out, &format!("{name}Tightened"), "ERROR", at);
        }
        if loose {
            push(out, &format!("{name}Loosened"), "NOTE", at);
        }
        match (a.get("pattern"), b.get("pattern")) {
            (None, Some(_)) => push(out, "PatternAdded", "WARNING", at),
            (Some(_), None) => push(out, "PatternRemoved", "NOTE", at),
            (Some(x), Some(y)) if x != y => push(out, "PatternChanged", "NOTE", at),
            _ => {}
        }
        let error = |s: &Value| {
            (
                s.get("exception").cloned(),
                s.get("fault").cloned(),
                s["error"].get("senderFault").cloned(),
            )
        };
        if error(a) != error(b) {
            push(out, "ErrorTraitChanged", "ERROR", at);
        }
        generic(
            out,
            at,
            a["error"].get("httpStatusCode"),
            b["error"].get("httpStatusCode"),
        );
        common(out, a, b, at);
    }

    fn member(&self, a: &Value, b: &Value, at: &str, out: &mut Vec<Ev>) {
        unhandled(a, b, MEMBER_KEYS, at);
        let (ta, tb) = (a["shape"].as_str().unwrap(), b["shape"].as_str().unwrap());
        if ta != tb {
            let (sa, sb) = (self.old.shape(ta), self.new.shape(tb));
            let sev = if kind(sa) != kind(sb)
                || ["structure", "union", "enum"].contains(&kind(sb).as_str())
            {
                "ERROR".to_string()
            } else {
                let mut inner = Vec::new();
                self.shape(sa, sb, tb, &mut inner);
                let rank = |s: &str| {
                    ["NOTE", "WARNING", "DANGER", "ERROR"]
                        .iter()
                        .position(|x| *x == s)
                        .unwrap()
                };
                inner
                    .iter()
                    .map(|e| e.1.clone())
                    .chain(["WARNING".to_string()])
                    .max_by_key(|s| rank(s))
                    .unwrap()
            };
            push(out, "MemberTargetChanged", &sev, at);
        }
        if a.get("locationName") != b.get("locationName") {
            push(out, "JsonNameChanged", "ERROR", at);
        }
        common(out, a, b, at);
    }

    pub fn operations(&mut self) {
        let names: BTreeSet<&String> = self.old.ops().keys().chain(self.new.ops().keys()).collect();
        let out = &mut self.out;
        for name in names {
            let (Some(a), Some(b)) = (self.old.ops().get(name), self.new.ops().get(name)) else {
                if self.new.ops().contains_key(name) {
                    push(out, "OperationAdded", "NOTE", name);
                } else {
                    push(out, "OperationRemoved", "ERROR", name);
                }
                continue;
            };
            unhandled(
                a,
                b,
                &[
                    "name",
                    "http",
                    "input",
                    "output",
                    "errors",
                    "documentation",
                    "deprecated",
                    "deprecatedMessage",
                    "idempotent",
                    "endpoint",
                ],
                name,
            );
            if a["input"]["shape"] != b["input"]["shape"] {
                push(out, "OperationInputChanged", "ERROR", name);
            }
            if a["output"]["shape"] != b["output"]["shape"] {
                push(out, "OperationOutputChanged", "ERROR", name);
            }
            let errs =
                |o: &Value| -> Vec<Value> { o["errors"].as_array().cloned().unwrap_or_default() };
            for e in errs(b).iter().filter(|e| !errs(a).contains(e)) {
                let _ = e;
                push(out, "OperationErrorAdded", "WARNING", name);
            }
            for e in errs(a).iter().filter(|e| !errs(b).contains(e)) {
                let _ = e;
                push(out, "OperationErrorRemoved", "WARNING", name);
            }
            if a.get("http") != b.get("http") {
                push(out, "HttpBindingChanged", "ERROR", name);
            }
            generic(out, name, flag(a, "idempotent"), flag(b, "idempotent"));
            generic(
                out,
                name,
                a["endpoint"].get("hostPrefix"),
                b["endpoint"].get("hostPrefix"),
            );
            common(out, a, b, name);
            // Pagination from paginators-1.json.
            let (pa, pb) = (
                self.old.pag["pagination"].get(name),
                self.new.pag["pagination"].get(name),
            );
            match (pa, pb) {
                (Some(_), None) => push(out, "PaginatedChanged", "ERROR", name),
                (None, Some(_)) => push(out, "TraitAdded", "NOTE", name),
                (Some(x), Some(y)) => {
                    for key in ["input_token", "output_token"] {
                        if x.get(key) != y.get(key) {
                            push(out, "PaginatedChanged", "ERROR", name);
                        }
                    }
                    if x.get("limit_key") != y.get("limit_key")
                        || x.get("result_key") != y.get("result_key")
                    {
                        push(out, "TraitChanged", "NOTE", name);
                    }
                    unhandled(
                        x,
                        y,
                        &["input_token", "output_token", "limit_key", "result_key"],
                        name,
                    );
                }
                (None, None) => {}
            }
        }
    }
}
