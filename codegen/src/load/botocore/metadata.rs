//! Service metadata: `metadata` and the top-level `documentation` into [`Service`].
//!
//! - protocol: `json` is `AwsJson1_0` or `AwsJson1_1` by `jsonVersion` (which it then requires);
//!   `rest-json`, `rest-xml`, `query`, `ec2` map to their IR protocol; anything else is kept verbatim
//!   (`Protocol::Other`). The `protocols` list is not consulted (kept raw).
//! - name: the `targetPrefix` when present, else `serviceId` without spaces.
//! - namespace: `com.amazonaws.` + `serviceId` without spaces, lowercased (`SageMaker` ->
//!   `com.amazonaws.sagemaker`, `API Gateway` -> `com.amazonaws.apigateway`), the convention of
//!   AWS's Smithy models.
//! - required: `apiVersion`, `protocol`, `serviceId` (and `jsonVersion` + `targetPrefix` for `json`).
//!   Other keys (`signatureVersion`, `uid`, `auth`, `protocols`, ...) are kept raw in the traits.

use super::read::Ctx;
use crate::ir::{Protocol, Service, Traits};
use serde_json::Value;

/// Read the service metadata; the operation list is filled in later.
pub fn service(ctx: &mut Ctx, root: &serde_json::Map<String, Value>) -> Service {
    let mut svc = Service::default();
    let mut traits = Traits::default();
    if let Some(doc) = root.get("documentation") {
        traits.documentation = ctx.string(doc, None, "", "documentation");
    }
    let Some(meta) = root.get("metadata") else {
        ctx.err(None, "", "the model has no `metadata`");
        return svc;
    };
    let Some(meta) = ctx.object(meta, None, "/metadata", "`metadata`") else {
        return svc;
    };
    let mut protocol = None;
    for (key, v) in meta {
        match key.as_str() {
            "apiVersion" => {
                svc.api_version = ctx.string(v, None, "/metadata", key).unwrap_or_default()
            }
            "protocol" => protocol = ctx.string(v, None, "/metadata", key),
            "jsonVersion" => svc.json_version = ctx.string(v, None, "/metadata", key),
            "targetPrefix" => svc.target_prefix = ctx.string(v, None, "/metadata", key),
            "signingName" => svc.signing_name = ctx.string(v, None, "/metadata", key),
            "endpointPrefix" => svc.endpoint_prefix = ctx.string(v, None, "/metadata", key),
            "serviceId" => svc.sdk_id = ctx.string(v, None, "/metadata", key),
            "serviceAbbreviation" => svc.abbreviation = ctx.string(v, None, "/metadata", key),
            "serviceFullName" => svc.full_name = ctx.string(v, None, "/metadata", key),
            _ => {
                traits.other.insert(key.clone(), v.clone());
            }
        }
    }
    for key in ["apiVersion", "protocol", "serviceId"] {
        if !meta.contains_key(key) {
            ctx.err(None, "/metadata", format!("`metadata` has no `{key}`"));
        }
    }
    if let Some(p) = protocol {
        svc.protocol = match p.as_str() {
            "json" => json_protocol(ctx, &svc, meta),
            "rest-json" => Protocol::RestJson1,
            "rest-xml" => Protocol::RestXml,
            "query" => Protocol::AwsQuery,
            "ec2" => Protocol::Ec2Query,
            _ => Protocol::Other(p),
        };
    }
    if let Some(id) = &svc.sdk_id {
        let compact: String = id.chars().filter(|c| !c.is_whitespace()).collect();
        svc.namespace = format!("com.amazonaws.{}", compact.to_lowercase());
        svc.name = svc.target_prefix.clone().unwrap_or(compact);
    }
    svc.traits = traits;
    svc
}

/// `json` + `jsonVersion` 1.0 / 1.1; the target prefix is required by these protocols.
fn json_protocol(ctx: &mut Ctx, svc: &Service, meta: &serde_json::Map<String, Value>) -> Protocol {
    if !meta.contains_key("targetPrefix") {
        ctx.err(
            None,
            "/metadata",
            "`metadata` has no `targetPrefix` (required by the `json` protocol)",
        );
    }
    match svc.json_version.as_deref() {
        Some("1.0") => Protocol::AwsJson1_0,
        Some("1.1") => Protocol::AwsJson1_1,
        Some(other) => {
            ctx.err(
                None,
                "/metadata/jsonVersion",
                format!("unknown `jsonVersion` \"{other}\" (expected 1.0 or 1.1)"),
            );
            Protocol::AwsJson1_1
        }
        None => {
            if !meta.contains_key("jsonVersion") {
                ctx.err(
                    None,
                    "/metadata",
                    "`metadata` has no `jsonVersion` (required by the `json` protocol)",
                );
            }
            Protocol::AwsJson1_1
        }
    }
}
