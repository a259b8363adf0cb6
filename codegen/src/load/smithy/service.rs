//! The service shape: its operations (bound directly or through resources, recursively), the
//! operations themselves (input, output, errors, pagination merged with the service default) and the
//! service metadata in botocore's vocabulary.

use super::builder::Builder;
use super::cx::{json_kind, shape_ptr};
use super::index::{Raw, Ty};
use super::prelude::UNIT;
use super::shapes::keep_unused;
use super::traits::{self, P};
use crate::ir::{Operation, Paginated, Protocol, Service};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// Lifecycle operations of a resource, in the order Smithy lists them.
const LIFECYCLE: [&str; 6] = ["create", "put", "read", "update", "delete", "list"];

/// What the service binds: operation ids in discovery order, and the number of resources.
struct Bound<'a> {
    ops: Vec<&'a str>,
    seen_ops: HashSet<&'a str>,
    resources: HashSet<&'a str>,
}

impl<'a> Builder<'a, '_, '_> {
    /// The service metadata, every bound operation by name, and the number of bound resources.
    pub fn service(&mut self, svc: Raw<'a>) -> (Service, BTreeMap<String, Operation>, usize) {
        let mut bound = Bound {
            ops: Vec::new(),
            seen_ops: HashSet::new(),
            resources: HashSet::new(),
        };
        self.bind(svc, &mut bound);
        let flat = self.fl.flatten(&mut self.cx, svc.id);
        let (mut straits, sp) = traits::parse(&mut self.cx, &flat.traits);
        let default_pages = sp.paginated.as_ref().and_then(|p| {
            let mut p = P {
                cx: &mut self.cx,
                s: p,
            };
            paginated(&mut p)
        });
        keep_unused(&mut straits, &sp, true, true);
        let common_errors = self.errors(svc);

        let mut operations = BTreeMap::new();
        for id in &bound.ops {
            let Some(raw) = self.ix.shapes.get(id).copied() else {
                continue;
            };
            let mut op = self.operation(raw, default_pages.as_ref());
            for e in &common_errors {
                if !op.errors.contains(e) {
                    op.errors.push(e.clone());
                }
            }
            if let Some(prev) = operations.insert(op.name.clone(), op) {
                self.cx.err(
                    Some(raw.id),
                    shape_ptr(raw.id, &[]),
                    format!(
                        "two operations bound to the service are named `{}`",
                        prev.name
                    ),
                );
            }
        }

        let version = match svc.obj.get("version") {
            None => String::new(),
            Some(Value::String(v)) => v.clone(),
            Some(v) => {
                self.cx.err(
                    Some(svc.id),
                    shape_ptr(svc.id, &["version"]),
                    format!("service `version` must be a string, found {}", json_kind(v)),
                );
                String::new()
            }
        };
        let aws = straits.other.get("aws.api#service");
        let aws_str = |k: &str| {
            aws.and_then(|a| a.get(k))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let protocol = protocol(&straits.other);
        let json_version = match protocol {
            Protocol::AwsJson1_0 => Some("1.0".to_string()),
            Protocol::AwsJson1_1 => Some("1.1".to_string()),
            _ => None,
        };
        let target_prefix = matches!(protocol, Protocol::AwsJson1_0 | Protocol::AwsJson1_1)
            .then(|| svc.name.to_string());
        let endpoint_prefix = aws_str("endpointPrefix")
            .or_else(|| aws_str("arnNamespace"))
            .or_else(|| aws.map(|_| svc.name.to_lowercase()));
        let service = Service {
            name: svc.name.to_string(),
            namespace: svc.ns.to_string(),
            api_version: version,
            sdk_id: aws_str("sdkId"),
            full_name: straits
                .other
                .get("smithy.api#title")
                .and_then(Value::as_str)
                .map(str::to_string),
            abbreviation: None,
            protocol,
            json_version,
            target_prefix,
            signing_name: straits
                .other
                .get("aws.auth#sigv4")
                .and_then(|s| s.get("name"))
                .and_then(Value::as_str)
                .map(str::to_string),
            endpoint_prefix,
            operations: operations.keys().cloned().collect(),
            traits: straits,
        };
        (service, operations, bound.resources.len())
    }

    /// Collect the operations and resources bound to a service or resource, recursively.
    fn bind(&mut self, raw: Raw<'a>, bound: &mut Bound<'a>) {
        let mut op_refs: Vec<(&'a Value, String)> = Vec::new();
        let mut res_refs: Vec<(&'a Value, String)> = Vec::new();
        if raw.ty == Ty::Resource {
            for key in LIFECYCLE {
                if let Some(v) = raw.obj.get(key) {
                    op_refs.push((v, shape_ptr(raw.id, &[key])));
                }
            }
        }
        let mut lists = vec!["operations", "resources"];
        if raw.ty == Ty::Resource {
            lists.push("collectionOperations");
        }
        for key in lists {
            let Some(v) = raw.obj.get(key) else { continue };
            let Some(items) = v.as_array() else {
                self.cx.err(
                    Some(raw.id),
                    shape_ptr(raw.id, &[key]),
                    format!("`{key}` must be an array, found {}", json_kind(v)),
                );
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                let path = shape_ptr(raw.id, &[key, &i.to_string()]);
                if key == "resources" {
                    res_refs.push((item, path));
                } else {
                    op_refs.push((item, path));
                }
            }
        }
        for (v, path) in op_refs {
            if let Some(abs) = self.typed_ref(raw.id, raw.ns, v, path, &[Ty::Operation]) {
                if let Some((k, _)) = self.ix.shapes.get_key_value(abs.as_str()) {
                    if bound.seen_ops.insert(k) {
                        bound.ops.push(k);
                    }
                }
            }
        }
        for (v, path) in res_refs {
            if let Some(abs) = self.typed_ref(raw.id, raw.ns, v, path, &[Ty::Resource]) {
                if let Some(r) = self.ix.shapes.get(abs.as_str()).copied() {
                    if bound.resources.insert(r.id) {
                        self.bind(r, bound);
                    }
                }
            }
        }
    }

    /// An operation shape.
    fn operation(&mut self, raw: Raw<'a>, default_pages: Option<&Paginated>) -> Operation {
        let flat = self.fl.flatten(&mut self.cx, raw.id);
        let (mut traits, sp) = traits::parse(&mut self.cx, &flat.traits);
        let paginated = sp.paginated.as_ref().and_then(|p| {
            let mut p = P {
                cx: &mut self.cx,
                s: p,
            };
            let mut pages = paginated(&mut p)?;
            if let Some(d) = default_pages {
                pages.input_token = pages.input_token.or_else(|| d.input_token.clone());
                pages.output_token = pages.output_token.or_else(|| d.output_token.clone());
                pages.page_size = pages.page_size.or_else(|| d.page_size.clone());
                if pages.items.is_empty() {
                    pages.items = d.items.clone();
                }
            }
            Some(pages)
        });
        keep_unused(&mut traits, &sp, true, false);
        let input = self.io(raw, "input");
        let output = self.io(raw, "output");
        let errors = self.errors(raw);
        Operation {
            name: raw.name.to_string(),
            input,
            output,
            errors,
            paginated,
            traits,
        }
    }

    /// `input` / `output` of an operation: a structure, or `None` for none or `smithy.api#Unit`.
    fn io(&mut self, raw: Raw<'a>, key: &str) -> Option<String> {
        let v = raw.obj.get(key)?;
        let t = v.get("target").and_then(Value::as_str);
        if t == Some(UNIT)
            || (t == Some("Unit")
                && !self
                    .ix
                    .shapes
                    .contains_key(format!("{}#Unit", raw.ns).as_str()))
        {
            return None;
        }
        let path = shape_ptr(raw.id, &[key]);
        let abs = self.typed_ref(raw.id, raw.ns, v, path, &[Ty::Structure])?;
        Some(self.ir_id(&abs))
    }

    /// `errors` of an operation or service: structure ids in model order.
    fn errors(&mut self, raw: Raw<'a>) -> Vec<String> {
        let Some(v) = raw.obj.get("errors") else {
            return Vec::new();
        };
        let Some(items) = v.as_array() else {
            self.cx.err(
                Some(raw.id),
                shape_ptr(raw.id, &["errors"]),
                format!("`errors` must be an array, found {}", json_kind(v)),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let path = shape_ptr(raw.id, &["errors", &i.to_string()]);
            if let Some(abs) = self.typed_ref(raw.id, raw.ns, item, path, &[Ty::Structure]) {
                out.push(self.ir_id(&abs));
            }
        }
        out
    }
}

/// The `smithy.api#paginated` trait value.
fn paginated(p: &mut P) -> Option<Paginated> {
    p.object()?;
    let items = p.opt_str("items");
    Some(Paginated {
        input_token: p.opt_str("inputToken"),
        output_token: p.opt_str("outputToken"),
        page_size: p.opt_str("pageSize"),
        items: items.into_iter().collect(),
    })
}

/// The protocol from the service's traits: a known AWS protocol first, else any other protocol trait
/// (`aws.protocols#...`, `smithy.protocols#...`) verbatim, else `Other("")`.
fn protocol(other: &BTreeMap<String, Value>) -> Protocol {
    const KNOWN: [(&str, Protocol); 6] = [
        ("aws.protocols#awsJson1_0", Protocol::AwsJson1_0),
        ("aws.protocols#awsJson1_1", Protocol::AwsJson1_1),
        ("aws.protocols#restJson1", Protocol::RestJson1),
        ("aws.protocols#restXml", Protocol::RestXml),
        ("aws.protocols#awsQuery", Protocol::AwsQuery),
        ("aws.protocols#ec2Query", Protocol::Ec2Query),
    ];
    for (id, p) in KNOWN {
        if other.contains_key(id) {
            return p;
        }
    }
    let other_protocol = other.keys().find(|k| {
        (k.starts_with("aws.protocols#") || k.starts_with("smithy.protocols#"))
            && !k.ends_with("Compatible")
            && !k.ends_with("Error")
            && !k.ends_with("httpChecksum")
    });
    Protocol::Other(other_protocol.cloned().unwrap_or_default())
}
