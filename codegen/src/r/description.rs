//! `DESCRIPTION` and `NAMESPACE` of the generated package.

use super::escape::dcf_value;
use super::service::service_title;
use super::{render, Ctx, NOTICE};
use askama::Template;

#[derive(Template)]
#[template(path = "r/DESCRIPTION", escape = "none")]
struct Description<'a> {
    notice: &'a str,
    package: String,
    title: String,
    version: String,
    description: String,
    svc: &'a str,
}

#[derive(Template)]
#[template(path = "r/NAMESPACE", escape = "none")]
struct Namespace<'a> {
    notice: &'a str,
    svc: &'a str,
}

/// `DESCRIPTION` (DCF has no comment syntax: the notice is its first field, `Generated`).
pub fn description(ctx: &Ctx, settings: &super::Settings) -> Result<String, String> {
    let package = dcf_value(&settings.package);
    let valid = package.len() >= 2
        && package.starts_with(|c: char| c.is_ascii_alphabetic())
        && !package.ends_with('.')
        && package
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.');
    if !valid {
        return Err(format!(
            "invalid R package name {package:?}: letters, digits and `.`, starting with a letter"
        ));
    }
    let view = Description {
        notice: NOTICE,
        package,
        title: dcf_value(&settings.title),
        version: dcf_value(&settings.version),
        description: dcf_value(&format!(
            "Interface to '{}' ({} operations), generated from its service model in the layout of \
             the 'paws' packages.",
            service_title(ctx),
            ctx.ops.len()
        )),
        svc: &ctx.svc,
    };
    render("DESCRIPTION", &view)
}

/// `NAMESPACE`.
pub fn namespace(ctx: &Ctx) -> Result<String, String> {
    render(
        "NAMESPACE",
        &Namespace {
            notice: NOTICE,
            svc: &ctx.svc,
        },
    )
}
