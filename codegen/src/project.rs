//! Projection: a model (usually the closure of a few operations) written back as a Smithy JSON AST 2.0
//! file, with documentation and prose-carrying traits removed. The committed projection in `models/`
//! is read back by the Smithy front-end, so writing then loading must give the same IR (less docs).

use crate::diag::Diagnostics;
use crate::ir::{Bounds, EnumValue, HttpBinding, Member, Model, Operation, ShapeKind, Traits};
use crate::select;
use serde_json::{json, Map, Value};

/// Traits left out of a projection: prose, examples and endpoint rule tests (large; the conformance
/// command reads them from the upstream models). The endpoint rule set itself is kept (from
/// `Service::endpoint_rules`, without its documentation strings).
const DROPPED_TRAITS: &[&str] = &[
    "smithy.api#documentation",
    "smithy.api#examples",
    "smithy.rules#endpointRuleSet",
    "smithy.rules#endpointTests",
];

/// The closure of `operations` as a pretty-printed Smithy JSON AST without documentation.
pub fn projection(model: &Model, operations: &[String]) -> Result<String, Diagnostics> {
    let selected = select::select(model, operations)?;
    let mut text = serde_json::to_string_pretty(&to_smithy_json(&selected, false))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    text.push('\n');
    Ok(text)
}

/// The whole model as a Smithy JSON AST value; documentation kept only when `keep_docs`.
pub fn to_smithy_json(model: &Model, keep_docs: bool) -> Value {
    let w = Writer {
        ns: &model.service.namespace,
        form: model.form,
        keep_docs,
    };
    let mut shapes = Map::new();
    shapes.insert(w.abs(&model.service.name), w.service(model));
    for op in model.operations.values() {
        shapes.insert(w.abs(&op.name), w.operation(op));
    }
    for shape in model.shapes.values() {
        if shape.id.starts_with("smithy.api#") {
            continue;
        }
        let mut v = w.kind(&shape.kind);
        w.put_traits(&mut v, &shape.traits);
        shapes.insert(w.abs(&shape.id), v);
    }
    let mut sorted: Vec<(String, Value)> = shapes.into_iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    json!({ "smithy": "2.0", "shapes": Map::from_iter(sorted) })
}

struct Writer<'a> {
    ns: &'a str,
    /// The model's form: raw traits (and the typed ones lifted from them) keep its spelling.
    form: crate::ir::ModelForm,
    keep_docs: bool,
}

impl Writer<'_> {
    /// IR shape id -> absolute Smithy shape id.
    fn abs(&self, id: &str) -> String {
        if id.contains('#') {
            id.to_string()
        } else {
            format!("{}#{id}", self.ns)
        }
    }

    fn target(&self, id: &Option<String>) -> Value {
        json!({ "target": id.as_deref().map_or("smithy.api#Unit".to_string(), |t| self.abs(t)) })
    }

    fn service(&self, model: &Model) -> Value {
        let s = &model.service;
        let mut traits = Map::new();
        let mut aws = Map::new();
        if let Some(v) = &s.sdk_id {
            aws.insert("sdkId".into(), json!(v));
        }
        if let Some(v) = &s.endpoint_prefix {
            aws.insert("endpointPrefix".into(), json!(v));
        }
        if !aws.is_empty() {
            traits.insert("aws.api#service".into(), Value::Object(aws));
        }
        if let Some(v) = &s.signing_name {
            traits.insert("aws.auth#sigv4".into(), json!({ "name": v }));
        }
        let protocol = match &s.protocol {
            crate::ir::Protocol::AwsJson1_0 => "aws.protocols#awsJson1_0".to_string(),
            crate::ir::Protocol::AwsJson1_1 => "aws.protocols#awsJson1_1".to_string(),
            crate::ir::Protocol::RestJson1 => "aws.protocols#restJson1".to_string(),
            crate::ir::Protocol::RestXml => "aws.protocols#restXml".to_string(),
            crate::ir::Protocol::AwsQuery => "aws.protocols#awsQuery".to_string(),
            crate::ir::Protocol::Ec2Query => "aws.protocols#ec2Query".to_string(),
            crate::ir::Protocol::Other(p) => p.clone(),
        };
        traits.insert(protocol, json!({}));
        if let Some(v) = &s.full_name {
            traits.insert("smithy.api#title".into(), json!(v));
        }
        let mut v = json!({ "type": "service", "version": s.api_version });
        let ops: Vec<Value> = s
            .operations
            .iter()
            .map(|o| json!({ "target": self.abs(o) }))
            .collect();
        if !ops.is_empty() {
            v["operations"] = Value::Array(ops);
        }
        // Raw traits kept by the front-end are complete; the rebuilt ones only fill gaps (botocore).
        let raw = crate::normalize::raw_traits(self.form, &s.traits);
        traits.retain(|k, _| !raw.contains_key(k));
        self.put_traits(&mut v, &s.traits);
        if let Some(rules) = &s.endpoint_rules {
            let rules = if self.keep_docs {
                rules.clone()
            } else {
                rule_set_without_docs(rules)
            };
            traits.insert("smithy.rules#endpointRuleSet".into(), rules);
        }
        merge_traits(&mut v, traits);
        v
    }

    fn operation(&self, op: &Operation) -> Value {
        let mut v = json!({ "type": "operation", "input": self.target(&op.input), "output": self.target(&op.output) });
        if !op.errors.is_empty() {
            v["errors"] = op
                .errors
                .iter()
                .map(|e| json!({ "target": self.abs(e) }))
                .collect();
        }
        self.put_traits(&mut v, &op.traits);
        if let Some(p) = &op.paginated {
            let mut m = Map::new();
            let mut put = |k: &str, x: &Option<String>| {
                if let Some(x) = x {
                    m.insert(k.into(), json!(x));
                }
            };
            put("inputToken", &p.input_token);
            put("outputToken", &p.output_token);
            put("pageSize", &p.page_size);
            put("items", &p.items.first().cloned());
            merge_traits(
                &mut v,
                Map::from_iter([("smithy.api#paginated".to_string(), Value::Object(m))]),
            );
        }
        v
    }

    fn member(&self, m: &Member) -> Value {
        let mut v = json!({ "target": self.abs(&m.target) });
        self.put_traits(&mut v, &m.traits);
        v
    }

    fn members(&self, ms: &[Member]) -> Value {
        Value::Object(
            ms.iter()
                .map(|m| (m.name.clone(), self.member(m)))
                .collect(),
        )
    }

    fn kind(&self, kind: &ShapeKind) -> Value {
        match kind {
            ShapeKind::Enum(values) if values.iter().all(|v| v.name.is_some()) => {
                let members: Map<String, Value> =
                    values.iter().map(|e| self.enum_member(e)).collect();
                json!({ "type": "enum", "members": members })
            }
            ShapeKind::Enum(values) => {
                let list: Vec<Value> = values
                    .iter()
                    .map(|e| {
                        let mut o = json!({ "value": e.value });
                        if let Some(n) = &e.name {
                            o["name"] = json!(n);
                        }
                        if e.deprecated {
                            o["deprecated"] = json!(true);
                        }
                        o
                    })
                    .collect();
                json!({ "type": "string", "traits": { "smithy.api#enum": list } })
            }
            ShapeKind::IntEnum(values) => {
                let members: Map<String, Value> = values
                    .iter()
                    .map(|e| {
                        let traits = json!({ "smithy.api#enumValue": e.value });
                        (
                            e.name.clone(),
                            json!({ "target": "smithy.api#Unit", "traits": traits }),
                        )
                    })
                    .collect();
                json!({ "type": "intEnum", "members": members })
            }
            ShapeKind::List(m) => json!({ "type": "list", "member": self.member(m) }),
            ShapeKind::Map { key, value } => {
                json!({ "type": "map", "key": self.member(key), "value": self.member(value) })
            }
            ShapeKind::Structure(ms) => json!({ "type": "structure", "members": self.members(ms) }),
            ShapeKind::Union(ms) => json!({ "type": "union", "members": self.members(ms) }),
            simple => json!({ "type": simple.type_name() }),
        }
    }

    fn enum_member(&self, e: &EnumValue) -> (String, Value) {
        let mut traits = Map::new();
        traits.insert("smithy.api#enumValue".into(), json!(e.value));
        if e.deprecated {
            traits.insert("smithy.api#deprecated".into(), json!({}));
        }
        if let (true, Some(d)) = (self.keep_docs, &e.documentation) {
            traits.insert("smithy.api#documentation".into(), json!(d));
        }
        let name = e.name.clone().unwrap_or_default();
        (
            name,
            json!({ "target": "smithy.api#Unit", "traits": traits }),
        )
    }

    /// Add `traits` (typed and raw) to the shape value `v`.
    fn put_traits(&self, v: &mut Value, t: &Traits) {
        let mut m = Map::new();
        let flag = |m: &mut Map<String, Value>, on: bool, id: &str| {
            if on {
                m.insert(format!("smithy.api#{id}"), json!({}));
            }
        };
        if let (true, Some(d)) = (self.keep_docs, &t.documentation) {
            m.insert("smithy.api#documentation".into(), json!(d));
        }
        flag(&mut m, t.required, "required");
        if let Some(d) = &t.default {
            m.insert("smithy.api#default".into(), d.clone());
        }
        flag(&mut m, t.client_optional, "clientOptional");
        flag(&mut m, t.added_default, "addedDefault");
        if let Some(b) = &t.length {
            m.insert("smithy.api#length".into(), bounds(b));
        }
        if let Some(b) = &t.range {
            m.insert("smithy.api#range".into(), bounds(b));
        }
        if let Some(p) = &t.pattern {
            m.insert("smithy.api#pattern".into(), json!(p.source));
        }
        flag(&mut m, t.sensitive, "sensitive");
        if let Some(d) = &t.deprecated {
            let mut o = Map::new();
            if let Some(x) = &d.message {
                o.insert("message".into(), json!(x));
            }
            if let Some(x) = &d.since {
                o.insert("since".into(), json!(x));
            }
            m.insert("smithy.api#deprecated".into(), Value::Object(o));
        }
        if let Some(f) = &t.timestamp_format {
            m.insert("smithy.api#timestampFormat".into(), json!(f.as_str()));
        }
        if let Some(n) = &t.json_name {
            m.insert("smithy.api#jsonName".into(), json!(n));
        }
        if let Some(b) = &t.http_binding {
            let (id, val) = match b {
                HttpBinding::Header(n) => ("httpHeader", json!(n)),
                HttpBinding::PrefixHeaders(p) => ("httpPrefixHeaders", json!(p)),
                HttpBinding::Query(n) => ("httpQuery", json!(n)),
                HttpBinding::QueryParams => ("httpQueryParams", json!({})),
                HttpBinding::Label => ("httpLabel", json!({})),
                HttpBinding::Payload => ("httpPayload", json!({})),
                HttpBinding::ResponseCode => ("httpResponseCode", json!({})),
            };
            m.insert(format!("smithy.api#{id}"), val);
        }
        flag(&mut m, t.idempotency_token, "idempotencyToken");
        if let Some(e) = &t.error {
            m.insert("smithy.api#error".into(), json!(e));
        }
        if let Some(c) = t.http_error {
            m.insert("smithy.api#httpError".into(), json!(c));
        }
        flag(&mut m, t.sparse, "sparse");
        flag(&mut m, t.unique_items, "uniqueItems");
        flag(&mut m, t.input, "input");
        flag(&mut m, t.output, "output");
        if let Some(h) = &t.http {
            let mut o = json!({ "method": h.method, "uri": h.uri });
            if let Some(c) = h.code {
                o["code"] = json!(c);
            }
            m.insert("smithy.api#http".into(), o);
        }
        if let Some(p) = &t.host_prefix {
            m.insert("smithy.api#endpoint".into(), json!({ "hostPrefix": p }));
        }
        flag(&mut m, t.streaming, "streaming");
        flag(&mut m, t.boxed, "box");
        flag(&mut m, t.idempotent, "idempotent");
        if let (true, Some(x)) = (self.keep_docs, &t.examples) {
            m.insert("smithy.api#examples".into(), x.clone());
        }
        for (k, x) in crate::normalize::raw_traits(self.form, t) {
            if self.keep_docs || !DROPPED_TRAITS.contains(&k.as_str()) {
                let mut x = x;
                if !self.keep_docs {
                    strip_documentation(&mut x);
                }
                m.insert(k, x);
            }
        }
        merge_traits(v, m);
    }
}

/// Add traits to a shape value's `traits` object, creating it when needed.
/// An endpoint rule set without its prose: the `documentation` of each parameter and each rule
/// (in trees too). A parameter that happens to be called `documentation` is kept.
pub fn rule_set_without_docs(rules: &Value) -> Value {
    fn rule_list(rules: &mut Value) {
        for rule in rules.as_array_mut().into_iter().flatten() {
            if let Some(r) = rule.as_object_mut() {
                r.remove("documentation");
                if let Some(sub) = r.get_mut("rules") {
                    rule_list(sub);
                }
            }
        }
    }
    let mut out = rules.clone();
    if let Some(params) = out.get_mut("parameters").and_then(Value::as_object_mut) {
        for p in params.values_mut().filter_map(Value::as_object_mut) {
            p.remove("documentation");
        }
    }
    if let Some(r) = out.get_mut("rules") {
        rule_list(r);
    }
    out
}

fn merge_traits(v: &mut Value, traits: Map<String, Value>) {
    if traits.is_empty() {
        return;
    }
    if let Some(obj) = v.as_object_mut() {
        let entry = obj
            .entry("traits")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Some(t) = entry.as_object_mut() {
            t.extend(traits);
        }
    }
}

fn bounds(b: &Bounds) -> Value {
    let mut o = Map::new();
    if let Some(x) = &b.min {
        o.insert("min".into(), Value::Number(x.0.clone()));
    }
    if let Some(x) = &b.max {
        o.insert("max".into(), Value::Number(x.0.clone()));
    }
    Value::Object(o)
}

/// Remove every `documentation` key inside a raw trait value.
fn strip_documentation(v: &mut Value) {
    match v {
        Value::Object(o) => {
            o.remove("documentation");
            o.values_mut().for_each(strip_documentation);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_documentation),
        _ => {}
    }
}
