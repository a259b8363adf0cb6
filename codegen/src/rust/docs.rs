//! Rustdoc for generated items: model prose (HTML -> rustdoc markdown through `crate::docs`) plus the
//! facts the model states (required, constraints, default, enum values, deprecation), as `#[doc]`
//! attributes whose text only ever reaches the output as escaped string literals.

use super::ctx::{Ctx, Field, Location, PatternInfo};
use crate::docs;
use crate::ir::{Bounds, Constraints, HttpBinding, Shape, ShapeKind, Traits};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// How many enum values a member's docs list before abbreviating.
const MAX_VALUES: usize = 12;

/// `#[doc = " line"]` per line (a leading space so prettyplease prints `/// line`).
pub fn attrs(text: &str) -> TokenStream {
    let lines: Vec<&str> = text.trim_end().lines().collect();
    let mut out = TokenStream::new();
    for line in lines {
        let line = line.trim_end();
        let lit = if line.is_empty() {
            Literal::string("")
        } else {
            Literal::string(&format!(" {line}"))
        };
        out.extend(quote!(#[doc = #lit]));
    }
    out
}

/// Model HTML as rustdoc markdown (empty when there is none).
pub fn prose(html: Option<&str>) -> String {
    html.map(|h| docs::parse_html(h).to_rustdoc())
        .unwrap_or_default()
}

/// A markdown code span holding `s` verbatim on one line (backticks inside are fenced around).
pub fn code(s: &str) -> String {
    // Control characters are written as escapes (a code span cannot hold a line break); every
    // other character, backslashes included, stays as the model wrote it.
    let s: String = s
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    if longest > 0 || s.starts_with(' ') || s.ends_with(' ') {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

/// Paragraphs joined by blank lines, empty ones dropped.
pub fn join(parts: &[String]) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn bounds(b: &Bounds) -> String {
    let n = |x: &Option<crate::ir::Bound>| x.as_ref().map(|b| b.0.to_string());
    match (n(&b.min), n(&b.max)) {
        (Some(a), Some(z)) => format!("{a} to {z}"),
        (Some(a), None) => format!("at least {a}"),
        (None, Some(z)) => format!("at most {z}"),
        (None, None) => "unbounded".into(),
    }
}

/// The constraint facts of a value: the member's effective constraints.
pub fn constraint_facts(ctx: &Ctx, c: &Constraints, target: Option<&Shape>) -> Vec<String> {
    let mut out = Vec::new();
    let unit = match target.map(|s| &s.kind) {
        Some(ShapeKind::List(_)) => "elements",
        Some(ShapeKind::Map { .. }) => "entries",
        Some(ShapeKind::Blob) => "bytes",
        _ => "characters",
    };
    if let Some(b) = &c.length {
        out.push(format!("Length: {} {unit}.", bounds(b)));
    }
    if let Some(b) = &c.range {
        out.push(format!("Range: {} (inclusive).", bounds(b)));
    }
    if let Some(p) = c.pattern.as_ref().map(|p| &p.source) {
        match ctx.patterns.get(p) {
            Some(PatternInfo::Invalid(e)) => out.push(format!(
                "Pattern: {} (not checked by `validate()`: not an ECMAScript pattern `regress` accepts: {}).",
                code(p),
                code(e)
            )),
            _ => out.push(format!("Pattern: {}.", code(p))),
        }
    }
    if c.unique_items {
        out.push("Elements must be unique.".into());
    }
    out
}

/// Where a member outside the JSON body travels (restJson1 HTTP bindings).
fn location_fact(location: Location, target: Option<&Shape>) -> Option<String> {
    let place = match location {
        Location::Body => return None,
        Location::Payload => {
            let raw = target.is_some_and(|t| {
                matches!(
                    t.kind,
                    ShapeKind::Blob | ShapeKind::String | ShapeKind::Enum(_)
                )
            });
            return Some(if raw {
                "HTTP payload: the body is this value's raw bytes, not JSON (send and read them as \
                 they are); the structure's serde impls give only this member's JSON form (a \
                 string), so that values still round-trip through JSON."
                    .into()
            } else {
                "HTTP payload: this member's value is the whole JSON body; the structure's serde \
                 impls read and write it alone (when it is unset: `{}` for a structure, as restJson1 \
                 sends, else `null`, meaning no body)."
                    .into()
            });
        }
        Location::Outside(Some(HttpBinding::Header(h))) => format!("the HTTP header {}", code(h)),
        Location::Outside(Some(HttpBinding::PrefixHeaders(p))) => {
            format!("the HTTP headers starting with {}", code(p))
        }
        Location::Outside(Some(HttpBinding::Query(q))) => {
            format!("the query-string parameter {}", code(q))
        }
        Location::Outside(Some(HttpBinding::QueryParams)) => "query-string parameters".into(),
        Location::Outside(Some(HttpBinding::Label)) => "a label of the request URI".into(),
        Location::Outside(Some(HttpBinding::ResponseCode)) => "the HTTP status code".into(),
        Location::Outside(Some(HttpBinding::Payload) | None) => {
            return Some(
                "Bound to no part of the HTTP message although another member is the payload: the \
                 serde impls skip it and deserializing leaves it `None`."
                    .into(),
            )
        }
    };
    Some(format!(
        "Sent in {place}, not in the JSON body: the serde impls skip it and deserializing leaves it \
         `None`; set it from (or write it to) the HTTP message yourself."
    ))
}

/// Docs of a structure member: prose, then what the model says about it.
pub fn member_doc(ctx: &Ctx, f: &Field) -> String {
    let m = f.member;
    let target = ctx.shape(&m.target);
    let mut facts = Vec::new();
    if m.traits.required {
        facts.push(if f.plain {
            "**Required.**".to_string()
        } else if matches!(f.location, Location::Outside(_)) {
            "**Required** (outside the JSON body, so an `Option` that deserializing a body leaves \
             unset; `build()` and `validate()` insist on it)."
                .to_string()
        } else {
            "**Required** (`clientOptional`: an `Option` so that the service may relax it later; \
             `build()` and `validate()` insist on it)."
                .to_string()
        });
    }
    facts.push(format!("Wire name: {}.", code(&f.wire)));
    facts.extend(location_fact(f.location, target));
    facts.extend(constraint_facts(ctx, &m.effective, target));
    if let Some(t) = target {
        facts.extend(enum_facts(ctx, t));
    }
    if let Some(d) = m.traits.default.as_ref().filter(|d| !d.is_null()) {
        let applied = if super::builders::required_default(ctx, m).is_some() {
            " (`build()` fills it in when the member is not set)"
        } else {
            ""
        };
        facts.push(format!("Default: {}{applied}.", code(&d.to_string())));
    }
    if m.traits.sensitive || target.is_some_and(|t| t.traits.sensitive) {
        facts.push("Sensitive: redacted from `Debug` output.".into());
    }
    if let Some(d) = m.traits.deprecated.as_ref() {
        facts.push(deprecation_line(d));
    }
    let html = m
        .traits
        .documentation
        .as_deref()
        .or(target.and_then(|t| t.traits.documentation.as_deref()));
    join(&[prose(html), facts.join("\n\n")])
}

/// `Values: `a`, `b`, ... (N in all).` for a member targeting an enum.
fn enum_facts(ctx: &Ctx, target: &Shape) -> Vec<String> {
    let values: Vec<String> = match &target.kind {
        ShapeKind::Enum(v) => v.iter().map(|v| code(&v.value)).collect(),
        ShapeKind::IntEnum(v) => v.iter().map(|v| code(&v.value.to_string())).collect(),
        _ => return Vec::new(),
    };
    let name = ctx
        .types
        .get(target.id.as_str())
        .map(|n| n.type_name.clone())
        .unwrap_or_default();
    let shown: Vec<String> = values.iter().take(MAX_VALUES).cloned().collect();
    let more = if values.len() > MAX_VALUES {
        format!(
            ", ... ({} values in all; see [`{name}::values`](crate::types::{name}::values))",
            values.len()
        )
    } else {
        String::new()
    };
    vec![format!("Values: {}{more}.", shown.join(", "))]
}

/// `Deprecated (since X): message.`
pub fn deprecation_line(d: &crate::ir::Deprecated) -> String {
    let mut s = "**Deprecated**".to_string();
    if let Some(since) = &d.since {
        s.push_str(&format!(" since {}", code(since)));
    }
    if let Some(m) = &d.message {
        s.push_str(&format!(": {}", docs::parse_html(m).to_rustdoc()));
    }
    s.push('.');
    s
}

/// `#[deprecated(note = "...")]` when the traits say so.
pub fn deprecated_attr(t: &Traits) -> TokenStream {
    match &t.deprecated {
        Some(d) => {
            let note =
                Literal::string(&docs::parse_html(d.message.as_deref().unwrap_or("")).plain_text());
            quote!(#[deprecated(note = #note)])
        }
        None => TokenStream::new(),
    }
}

/// Docs of a shape: prose, then facts (its own constraints, deprecation).
pub fn shape_doc(ctx: &Ctx, shape: &Shape, extra: &[String]) -> String {
    let mut parts = vec![prose(shape.traits.documentation.as_deref())];
    if parts[0].trim().is_empty() {
        parts[0] = format!("The {} shape.", code(&shape.name));
    }
    parts.extend(extra.iter().cloned());
    if let Some(d) = &shape.traits.deprecated {
        parts.push(deprecation_line(d));
    }
    let _ = ctx;
    join(&parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_spans_survive_backticks_and_newlines() {
        assert_eq!(code("^[a-z]+$"), "`^[a-z]+$`");
        assert_eq!(code("a`b"), "`` a`b ``");
        assert_eq!(code("x\ny"), "`x\\ny`");
        assert_eq!(code("\"q\""), "`\"q\"`");
        assert_eq!(code(r"^([\p{L}\-@]*)$"), r"`^([\p{L}\-@]*)$`");
    }

    #[test]
    fn doc_attrs_escape_everything() {
        let t = attrs("line \"one\" */\n\nline two");
        let s = t.to_string();
        assert!(s.contains(r#"" line \"one\" */""#), "{s}");
        assert!(s.contains(r#"[doc = ""]"#), "{s}");
    }
}
