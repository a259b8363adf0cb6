//! The service shape: its operations (bound directly or through resources, recursively), the
//! operations themselves (input, output, errors, pagination merged with the service default) and the
//! service metadata in botocore's vocabulary.

use super::builder::Builder;
use super::cx::{json_kind, shape_ptr, Field, MAX_DEPTH};
use super::index::{Raw, Ty};
use super::prelude::UNIT;
use super::shapes::keep_unused;
use super::traits::{self, P};
use crate::ir::{Operation, Paginated, Protocol, Service};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

/// The service trait holding the endpoint rule set (moved to `Service::endpoint_rules`).
const RULE_SET_TRAIT: &str = "smithy.rules#endpointRuleSet";

/// Lifecycle operations of a resource, in the order Smithy lists them.
const LIFECYCLE: [&str; 6] = ["create", "put", "read", "update", "delete", "list"];

/// What the service binds: operation ids in discovery order, and the number of resources.
struct Bound<'a> {
    ops: Vec<&'a str>,
    seen_ops: HashSet<&'a str>,
    resources: HashSet<&'a str>,
    /// Current resource nesting depth.
    depth: usize,
}

impl<'a> Builder<'a, '_, '_> {
    /// The service metadata, every bound operation by name, and the number of bound resources.
    pub fn service(&mut self, svc: Raw<'a>) -> (Service, BTreeMap<String, Operation>, usize) {
        let mut bound = Bound {
            ops: Vec::new(),
            seen_ops: HashSet::new(),
            resources: HashSet::new(),
            depth: 0,
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
        let endpoint_rules = straits.other.remove(RULE_SET_TRAIT);
        if let Some(Err(e)) = endpoint_rules
            .as_ref()
            .map(crate::load::check_endpoint_rules)
        {
            self.cx.err(
                Some(svc.id),
                shape_ptr(svc.id, &["traits", RULE_SET_TRAIT]),
                format!("the endpoint rule set cannot be used: {e}"),
            );
        }
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

        let version = match svc.obj.field("version") {
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
            endpoint_rules,
            traits: straits,
        };
        (service, operations, bound.resources.len())
    }

    /// Collect the operations and resources bound to a service or resource (or to its mixins),
    /// recursively.
    fn bind(&mut self, raw: Raw<'a>, bound: &mut Bound<'a>) {
        // (owner, reference, pointer, is a resource)
        let mut refs: Vec<(Raw<'a>, &'a Value, String, bool)> = Vec::new();
        for r in self.lineage(raw) {
            if raw.ty == Ty::Resource {
                for key in LIFECYCLE {
                    if let Some(v) = r.obj.field(key) {
                        refs.push((r, v, shape_ptr(r.id, &[key]), false));
                    }
                }
            }
            let mut lists = vec!["operations", "resources"];
            if raw.ty == Ty::Resource {
                lists.push("collectionOperations");
            }
            for key in lists {
                let Some(v) = r.obj.field(key) else { continue };
                let Some(items) = v.as_array() else {
                    self.cx.err(
                        Some(r.id),
                        shape_ptr(r.id, &[key]),
                        format!("`{key}` must be an array, found {}", json_kind(v)),
                    );
                    continue;
                };
                for (i, item) in items.iter().enumerate() {
                    let path = shape_ptr(r.id, &[key, &i.to_string()]);
                    refs.push((r, item, path, key == "resources"));
                }
            }
        }
        for (owner, v, path, is_resource) in refs {
            let want = if is_resource {
                Ty::Resource
            } else {
                Ty::Operation
            };
            let Some(abs) = self.typed_ref(owner.id, owner.ns, v, path.clone(), &[want]) else {
                continue;
            };
            let Some(target) = self.ix.shapes.get(abs.as_str()).copied() else {
                continue;
            };
            if is_resource {
                if bound.depth >= MAX_DEPTH {
                    self.cx.err(
                        Some(owner.id),
                        format!("{path}/target"),
                        format!("resources nest more than {MAX_DEPTH} deep"),
                    );
                } else if bound.resources.insert(target.id) {
                    bound.depth += 1;
                    self.bind(target, bound);
                    bound.depth -= 1;
                }
            } else if bound.seen_ops.insert(target.id) {
                bound.ops.push(target.id);
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

    /// `input` / `output` of an operation (the last one along its mixins): a structure, or `None`
    /// for none or `smithy.api#Unit`.
    fn io(&mut self, raw: Raw<'a>, key: &str) -> Option<String> {
        let lineage = self.lineage(raw);
        let (owner, v) = lineage
            .iter()
            .rev()
            .find_map(|r| r.obj.field(key).map(|v| (*r, v)))?;
        let t = v.field("target").and_then(Value::as_str);
        let local_unit = format!("{}#Unit", owner.ns);
        if t == Some(UNIT)
            || (t == Some("Unit") && !self.ix.shapes.contains_key(local_unit.as_str()))
        {
            return None;
        }
        let path = shape_ptr(owner.id, &[key]);
        let abs = self.typed_ref(owner.id, owner.ns, v, path, &[Ty::Structure])?;
        Some(self.ir_id(&abs))
    }

    /// `errors` of an operation or service (its mixins' first): structure ids in model order.
    fn errors(&mut self, raw: Raw<'a>) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in self.lineage(raw) {
            let Some(v) = r.obj.field("errors") else {
                continue;
            };
            let Some(items) = v.as_array() else {
                self.cx.err(
                    Some(r.id),
                    shape_ptr(r.id, &["errors"]),
                    format!("`errors` must be an array, found {}", json_kind(v)),
                );
                continue;
            };
            for (i, item) in items.iter().enumerate() {
                let path = shape_ptr(r.id, &["errors", &i.to_string()]);
                if let Some(abs) = self.typed_ref(r.id, r.ns, item, path, &[Ty::Structure]) {
                    let id = self.ir_id(&abs);
                    if !out.contains(&id) {
                        out.push(id);
                    }
                }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn traits(ids: &[&str]) -> BTreeMap<String, Value> {
        ids.iter()
            .map(|id| (id.to_string(), Value::Object(Default::default())))
            .collect()
    }

    #[test]
    fn known_protocols_win_over_other_protocol_traits() {
        let p = protocol(&traits(&[
            "aws.protocols#awsQueryCompatible",
            "smithy.protocols#rpcv2Cbor",
            "aws.protocols#awsJson1_0",
        ]));
        assert_eq!(p, Protocol::AwsJson1_0);
        assert_eq!(
            protocol(&traits(&["aws.protocols#ec2Query"])),
            Protocol::Ec2Query
        );
        assert_eq!(
            protocol(&traits(&["smithy.protocols#rpcv2Cbor"])),
            Protocol::Other("smithy.protocols#rpcv2Cbor".into())
        );
        assert_eq!(
            protocol(&traits(&["aws.protocols#awsQueryCompatible"])),
            Protocol::Other(String::new())
        );
    }
}
