//! `R/<svc>_service.R`: the client constructor with its roxygen block and the service metadata
//! (`.<svc>$metadata`, `.<svc>$service` with the paws protocol handler).

use super::escape::{html_text, r_string, roxygen_lines, roxygen_tag, roxygen_verbatim};
use super::summary::parse_nonempty;
use super::{render, Ctx, NOTICE};
use crate::docs::escape_roxygen_text;
use crate::docs::parse_html;
use crate::ir::Protocol;
use askama::Template;

#[derive(Template)]
#[template(path = "r/service.R", escape = "none")]
struct ServiceFile<'a> {
    notice: &'a str,
    svc: &'a str,
    roxygen: String,
    service_name: String,
    endpoints: String,
    service_id: String,
    api_version: String,
    signing_name: String,
    json_version: String,
    target_prefix: String,
    protocol: String,
    signer: String,
}

/// The paws protocol handler package name.
pub fn protocol_handler(p: &Protocol) -> String {
    match p {
        Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => "jsonrpc".into(),
        Protocol::RestJson1 => "restjson".into(),
        Protocol::RestXml => "restxml".into(),
        Protocol::AwsQuery => "query".into(),
        Protocol::Ec2Query => "ec2query".into(),
        Protocol::Other(s) => s.replace('-', ""),
    }
}

/// The client's title: the service's full name, else its SDK id or name.
pub fn service_title(ctx: &Ctx) -> String {
    let s = &ctx.model.service;
    s.full_name
        .clone()
        .or_else(|| s.sdk_id.clone())
        .unwrap_or_else(|| s.name.clone())
}

/// The service documentation as HTML (a sentence naming the service when the model has none).
pub fn service_doc_html(ctx: &Ctx) -> String {
    match ctx.model.service.traits.documentation.as_deref() {
        Some(d) if parse_nonempty(d).is_some() => d.to_string(),
        _ => format!("<p>{}</p>", html_text(&service_title(ctx))),
    }
}

/// The client call with every configuration option, as shown under Service syntax.
pub fn service_syntax(svc: &str) -> String {
    let creds = "list(\n    creds = list(\n      access_key_id = \"string\",\n      \
                 secret_access_key = \"string\",\n      session_token = \"string\"\n    ),\n    \
                 profile = \"string\",\n    anonymous = \"logical\"\n  )";
    let nested = creds.replace("\n", "\n  ");
    format!(
        "svc <- {svc}(\n  config = list(\n    credentials = {nested},\n    endpoint = \"string\",\n    \
         region = \"string\",\n    close_connection = \"logical\",\n    timeout = \"numeric\",\n    \
         s3_force_path_style = \"logical\",\n    sts_regional_endpoint = \"string\"\n  ),\n  \
         credentials = {creds},\n  endpoint = \"string\",\n  region = \"string\"\n)"
    )
}

/// Endpoint patterns by region pattern, from the endpoint prefix.
fn endpoints(prefix: &str) -> String {
    let parts: Vec<String> = [
        ("*", "amazonaws.com"),
        ("cn-*", "amazonaws.com.cn"),
        ("us-iso-*", "c2s.ic.gov"),
        ("us-isob-*", "sc2s.sgov.gov"),
    ]
    .iter()
    .map(|(region, domain)| {
        format!(
            "{} = list(endpoint = {}, global = FALSE)",
            r_string(region),
            r_string(&format!("{prefix}.{{region}}.{domain}"))
        )
    })
    .collect();
    format!("list({})", parts.join(", "))
}

fn roxygen(ctx: &Ctx) -> String {
    let mut out = String::with_capacity(4096);
    roxygen_lines(&escape_roxygen_text(&service_title(ctx)), &mut out);
    out.push_str("#'\n#' @description\n");
    roxygen_lines(
        &parse_html(&service_doc_html(ctx)).to_markdown(&ctx.links),
        &mut out,
    );
    for (name, text) in [
        ("config", "Optional configuration: credentials, endpoint, region and connection settings, as shown under Service syntax."),
        ("credentials", "Optional credentials, the same as `config$credentials`."),
        ("endpoint", "Optional endpoint URL, the same as `config$endpoint`."),
        ("region", "Optional AWS Region, the same as `config$region`."),
    ] {
        out.push_str("#'\n");
        roxygen_tag("param", &format!("{name} {text}"), &mut out);
    }
    out.push_str("#'\n#' @section Service syntax:\n#' ```\n");
    roxygen_verbatim(&service_syntax(&ctx.svc), &mut out);
    out.push_str("#' ```\n#'\n#' @section Operations:\n#' \\tabular{ll}{\n");
    for o in &ctx.ops {
        // Our Rd macros, then the title as roxygen markdown text.
        let link = format!(" \\link[={}]{{{}}} \\tab ", o.function, o.r_name);
        roxygen_lines(
            &format!("{link}{}\\cr", escape_roxygen_text(&o.docs.title)),
            &mut out,
        );
    }
    out.push_str("#' }\n#'\n#' @return\n");
    out.push_str(
        "#' A client for the service: a list of functions, one per operation, called as\n",
    );
    out.push_str("#' `svc$operation(...)`. The operations are listed under Operations.\n");
    out.push_str(&format!("#'\n#' @rdname {0}\n#' @export", ctx.svc));
    out
}

/// The whole `R/<svc>_service.R`.
pub fn service_file(ctx: &Ctx) -> Result<String, String> {
    let s = &ctx.model.service;
    let endpoint_prefix = s
        .endpoint_prefix
        .clone()
        .or_else(|| s.signing_name.clone())
        .unwrap_or_else(|| ctx.svc.clone());
    let view = ServiceFile {
        notice: NOTICE,
        svc: &ctx.svc,
        roxygen: roxygen(ctx),
        service_name: r_string(&endpoint_prefix),
        endpoints: endpoints(&endpoint_prefix),
        service_id: r_string(s.sdk_id.as_deref().unwrap_or(&s.name)),
        api_version: r_string(&s.api_version),
        signing_name: s
            .signing_name
            .as_deref()
            .map_or_else(|| "NULL".to_string(), r_string),
        json_version: r_string(s.json_version.as_deref().unwrap_or("")),
        target_prefix: r_string(s.target_prefix.as_deref().unwrap_or("")),
        protocol: r_string(&protocol_handler(&s.protocol)),
        signer: r_string("v4"),
    };
    render("service file", &view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protocols_map_the_paws_way() {
        assert_eq!(protocol_handler(&Protocol::AwsJson1_1), "jsonrpc");
        assert_eq!(protocol_handler(&Protocol::AwsJson1_0), "jsonrpc");
        assert_eq!(protocol_handler(&Protocol::RestJson1), "restjson");
        assert_eq!(protocol_handler(&Protocol::RestXml), "restxml");
        assert_eq!(protocol_handler(&Protocol::AwsQuery), "query");
        assert_eq!(protocol_handler(&Protocol::Ec2Query), "ec2query");
        assert_eq!(
            protocol_handler(&Protocol::Other("smithy-rpc-v2".into())),
            "smithyrpcv2"
        );
    }

    #[test]
    fn endpoints_from_the_prefix() {
        let e = endpoints("api.sagemaker");
        assert!(e.starts_with(
            "list(\"*\" = list(endpoint = \"api.sagemaker.{region}.amazonaws.com\", global = FALSE), "
        ));
        assert!(
            e.contains("\"cn-*\" = list(endpoint = \"api.sagemaker.{region}.amazonaws.com.cn\"")
        );
    }
}
