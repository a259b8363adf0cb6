//! paws-style R names: the service prefix (`sagemaker`), operation names (`create_endpoint_config`),
//! operation names in words (`Create Endpoint Config`) and R symbols that are safe to print whatever
//! the model calls things (backtick-quoted when not syntactic).

use crate::ir::Service;

/// The paws service prefix: the service abbreviation (else the SDK id, the full name, the shape name)
/// without a leading "Amazon"/"AWS", keeping only letters and digits, lower-cased. Never empty.
pub fn service_prefix(service: &Service) -> String {
    let candidates = [
        service.abbreviation.as_deref(),
        service.sdk_id.as_deref(),
        service.full_name.as_deref(),
        Some(service.name.as_str()),
    ];
    for name in candidates.into_iter().flatten() {
        let prefix = prefix_from(name);
        if !prefix.is_empty() {
            return prefix;
        }
    }
    "service".to_string()
}

/// One candidate name -> prefix (may be empty).
fn prefix_from(name: &str) -> String {
    let trimmed = name.trim();
    let rest = ["Amazon", "AWS"]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))
        .unwrap_or(trimmed);
    let mut out: String = rest
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    if out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "svc");
    }
    out
}

/// paws's operation name: each capitalised word run (`[A-Z][a-z]+`) set off by `_`, runs of `_`
/// collapsed, trimmed, lower-cased. Anything but ASCII letters, digits and `_` becomes `_`; a name
/// that would start with a digit or be empty gets an `op_` prefix.
pub fn operation_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut marked = String::with_capacity(name.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_uppercase() && chars.get(i + 1).is_some_and(char::is_ascii_lowercase) {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_ascii_lowercase() {
                j += 1;
            }
            marked.push('_');
            marked.extend(&chars[i..j]);
            marked.push('_');
            i = j;
        } else {
            marked.push(if c.is_ascii_alphanumeric() { c } else { '_' });
            i += 1;
        }
    }
    let mut out = String::with_capacity(marked.len());
    for c in marked.chars() {
        if c == '_' && (out.is_empty() || out.ends_with('_')) {
            continue;
        }
        out.push(c.to_ascii_lowercase());
    }
    while out.ends_with('_') {
        out.pop();
    }
    if out.is_empty() || out.starts_with(|c: char| c.is_ascii_digit()) {
        out.insert_str(0, "op_");
    }
    out
}

/// The operation name in words, as the docs page heading: `create_endpoint_config` ->
/// `Create Endpoint Config`.
pub fn words(snake: &str) -> String {
    snake
        .split('_')
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + cs.as_str(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// R's reserved words: never usable as bare symbols.
const RESERVED: &[&str] = &[
    "if",
    "else",
    "repeat",
    "while",
    "function",
    "for",
    "next",
    "break",
    "in",
    "TRUE",
    "FALSE",
    "NULL",
    "Inf",
    "NaN",
    "NA",
    "NA_integer_",
    "NA_real_",
    "NA_character_",
    "NA_complex_",
];

/// True when `name` can be written as a bare R symbol.
pub fn is_syntactic(name: &str) -> bool {
    let mut cs = name.chars();
    let ok_start = match cs.next() {
        Some(c) if c.is_ascii_alphabetic() => true,
        Some('.') => !name[1..].starts_with(|c: char| c.is_ascii_digit()),
        _ => false,
    };
    ok_start
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
        && !RESERVED.contains(&name)
        && !is_dots(name)
}

/// `...`, `..1`, `..2`, ...: reserved in R.
fn is_dots(name: &str) -> bool {
    name == "..."
        || name
            .strip_prefix("..")
            .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
}

/// An R symbol for `name`: bare when syntactic, else backtick-quoted with `\` and `` ` `` escaped and
/// control characters written as escapes (non-ASCII stays UTF-8: R has no `\u` inside backticks).
pub fn symbol(name: &str) -> String {
    if is_syntactic(name) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len() + 2);
    out.push('`');
    for c in name.chars() {
        match c {
            '`' => out.push_str("\\`"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push('\u{FFFD}'),
            c if c.is_control() => out.push_str(&format!("\\x{:02x}", c as u32 & 0xff)),
            c => out.push(c),
        }
    }
    out.push('`');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_names_follow_paws() {
        for (model, r) in [
            ("CreateEndpointConfig", "create_endpoint_config"),
            ("CreateAutoMLJobV2", "create_auto_ml_job_v2"),
            ("ListMLModels", "list_ml_models"),
            ("DescribeDBInstances", "describe_db_instances"),
            ("GetObjectACL", "get_object_acl"),
            ("PutBucketAcl", "put_bucket_acl"),
            ("ListTagsForResource", "list_tags_for_resource"),
            ("AssumeRoleWithSAML", "assume_role_with_saml"),
            ("CreateVPCEConfiguration", "create_vpce_configuration"),
            ("Get", "get"),
            ("X", "x"),
            ("already_snake", "already_snake"),
            ("With Space-Dash", "with_space_dash"),
            ("9Lives", "op_9_lives"),
            ("", "op_"),
            ("a\"); system(\"x", "a_system_x"),
        ] {
            assert_eq!(operation_name(model), r, "{model}");
        }
    }

    #[test]
    fn words_title_case_the_snake_name() {
        assert_eq!(words("create_endpoint_config"), "Create Endpoint Config");
        assert_eq!(words("create_auto_ml_job_v2"), "Create Auto Ml Job V2");
        assert_eq!(words(""), "");
    }

    #[test]
    fn service_prefix_from_abbreviation_sdk_id_or_full_name() {
        let svc = |abbr: Option<&str>, sdk: Option<&str>, full: Option<&str>| Service {
            name: "X".into(),
            abbreviation: abbr.map(Into::into),
            sdk_id: sdk.map(Into::into),
            full_name: full.map(Into::into),
            ..Service::default()
        };
        for (s, want) in [
            (
                svc(
                    Some("SageMaker"),
                    Some("SageMaker"),
                    Some("Amazon SageMaker Service"),
                ),
                "sagemaker",
            ),
            (
                svc(None, Some("SageMaker"), Some("Amazon SageMaker Service")),
                "sagemaker",
            ),
            (svc(Some("Amazon S3"), None, None), "s3"),
            (
                svc(None, None, Some("AWS Identity and Access Management")),
                "identityandaccessmanagement",
            ),
            (svc(Some("AWS Cost Explorer"), None, None), "costexplorer"),
            (svc(Some("Amazon Route 53"), None, None), "route53"),
            (
                svc(Some("Elastic Load Balancing v2"), None, None),
                "elasticloadbalancingv2",
            ),
            (svc(Some("Amazon"), None, None), "x"),
            (svc(Some("3D!"), None, None), "svc3d"),
        ] {
            assert_eq!(service_prefix(&s), want, "{s:?}");
        }
    }

    #[test]
    fn symbols_are_quoted_when_not_syntactic() {
        for (name, want) in [
            ("EndpointConfigName", "EndpointConfigName"),
            ("a.b_c", "a.b_c"),
            (".x", ".x"),
            (".1x", "`.1x`"),
            ("1x", "`1x`"),
            ("_x", "`_x`"),
            ("if", "`if`"),
            ("TRUE", "`TRUE`"),
            ("...", "`...`"),
            ("..2", "`..2`"),
            ("a b", "`a b`"),
            ("a`b\\c", "`a\\`b\\\\c`"),
            ("x\ny", "`x\\ny`"),
            ("é", "`é`"),
            ("", "``"),
        ] {
            assert_eq!(symbol(name), want, "{name:?}");
        }
    }
}
