//! Typed traits from the raw ones: each trait a back-end reads is moved out of `Traits::other` into
//! its typed field by [`lift`], under the spelling of the model's form (a Smithy trait id, a botocore
//! key), and only when its value has the shape the field can hold exactly (anything else stays raw,
//! untouched). [`raw_traits`] is the inverse: `other` plus the typed fields written back as the form
//! spells them, so that the projection and the same-form diff of raw traits see what they saw before
//! the fields were typed.
//!
//! botocore's `error` object (`code`, `httpStatusCode`, `senderFault`) is kept whole in `other` (its
//! status and fault are already [`Traits::http_error`] and [`Traits::error`]): its `code` is copied
//! into [`Traits::query_error`], not moved.

use crate::ir::{ContextValue, ModelForm, QueryError, Traits};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// The raw key of each typed trait in one form (`None`: the form has no such trait).
struct Keys {
    media_type: Option<&'static str>,
    xml_name: Option<&'static str>,
    xml_attribute: &'static str,
    xml_flattened: &'static str,
    query_name: &'static str,
    host_label: &'static str,
    context_param: &'static str,
    static_context_params: &'static str,
    aws_query_compatible: &'static str,
    /// Smithy's `awsQueryError` (moved); botocore's `error` is read, not moved.
    query_error: Option<&'static str>,
}

fn keys(form: ModelForm) -> Keys {
    match form {
        ModelForm::Smithy => Keys {
            media_type: Some("smithy.api#mediaType"),
            xml_name: Some("smithy.api#xmlName"),
            xml_attribute: "smithy.api#xmlAttribute",
            xml_flattened: "smithy.api#xmlFlattened",
            query_name: "aws.protocols#ec2QueryName",
            host_label: "smithy.api#hostLabel",
            context_param: "smithy.rules#contextParam",
            static_context_params: "smithy.rules#staticContextParams",
            aws_query_compatible: "aws.protocols#awsQueryCompatible",
            query_error: Some("aws.protocols#awsQueryError"),
        },
        ModelForm::Botocore => Keys {
            media_type: None,
            xml_name: None,
            xml_attribute: "xmlAttribute",
            xml_flattened: "flattened",
            query_name: "queryName",
            host_label: "hostLabel",
            context_param: "contextParam",
            static_context_params: "staticContextParams",
            aws_query_compatible: "awsQueryCompatible",
            query_error: None,
        },
    }
}

/// A marker trait's value: `{}` in Smithy, `true` in botocore.
fn marker(form: ModelForm) -> Value {
    match form {
        ModelForm::Smithy => json!({}),
        ModelForm::Botocore => json!(true),
    }
}

/// Move `key` out of `other` into a typed value when `read` accepts its value.
fn take<T>(t: &mut Traits, key: &str, read: impl FnOnce(&Value) -> Option<T>) -> Option<T> {
    let v = read(t.other.get(key)?)?;
    t.other.remove(key);
    Some(v)
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// `{"name": "..."}` and nothing else.
fn context_param(v: &Value) -> Option<String> {
    let o = v.as_object()?;
    (o.len() == 1).then(|| o.get("name")?.as_str().map(str::to_string))?
}

/// `{"Param": {"value": true | "..."}, ...}`, each entry exactly so.
fn static_params(v: &Value) -> Option<Vec<(String, ContextValue)>> {
    v.as_object()?
        .iter()
        .map(|(name, p)| {
            let o = p.as_object().filter(|o| o.len() == 1)?;
            let value = match o.get("value")? {
                Value::Bool(b) => ContextValue::Bool(*b),
                Value::String(s) => ContextValue::String(s.clone()),
                _ => return None,
            };
            Some((name.clone(), value))
        })
        .collect()
}

/// `{"code": "...", "httpResponseCode": N}` (the status optional), nothing else.
fn query_error(v: &Value) -> Option<QueryError> {
    let o = v.as_object()?;
    let code = o.get("code")?.as_str()?.to_string();
    let http_response_code = match o.get("httpResponseCode") {
        None => None,
        Some(Value::Number(n)) => Some(n.clone()),
        Some(_) => return None,
    };
    (o.len() == 1 + usize::from(http_response_code.is_some())).then_some(QueryError {
        code,
        http_response_code,
    })
}

/// Move the raw traits of `t` that have typed fields into them.
pub(super) fn lift(form: ModelForm, t: &mut Traits) {
    let k = keys(form);
    let m = marker(form);
    let is_marker = |v: &Value| (*v == m).then_some(true);
    if let Some(key) = k.media_type {
        t.media_type = take(t, key, string).or(t.media_type.take());
    }
    if let Some(key) = k.xml_name {
        t.xml_name = take(t, key, string).or(t.xml_name.take());
    }
    t.xml_attribute |= take(t, k.xml_attribute, is_marker).is_some();
    t.xml_flattened |= take(t, k.xml_flattened, is_marker).is_some();
    t.host_label |= take(t, k.host_label, is_marker).is_some();
    t.aws_query_compatible |= take(t, k.aws_query_compatible, |v| {
        (v.as_object().is_some_and(Map::is_empty)).then_some(true)
    })
    .is_some();
    t.query_name = take(t, k.query_name, string).or(t.query_name.take());
    t.context_param = take(t, k.context_param, context_param).or(t.context_param.take());
    if let Some(p) = take(t, k.static_context_params, static_params) {
        t.static_context_params = p;
    }
    match k.query_error {
        Some(key) => t.query_error = take(t, key, query_error).or(t.query_error.take()),
        None => {
            let code = t.other.get("error").and_then(|e| e.get("code")?.as_str());
            if let Some(code) = code {
                t.query_error = Some(QueryError {
                    code: code.to_string(),
                    http_response_code: None,
                });
            }
        }
    }
}

/// `t.other` with the typed fields [`lift`] fills written back as the model's form spells them.
pub fn raw_traits(form: ModelForm, t: &Traits) -> BTreeMap<String, Value> {
    let k = keys(form);
    let mut out = t.other.clone();
    let mut put = |key: &str, v: Value| {
        out.insert(key.to_string(), v);
    };
    if let (Some(key), Some(v)) = (k.media_type, &t.media_type) {
        put(key, json!(v));
    }
    if let (Some(key), Some(v)) = (k.xml_name, &t.xml_name) {
        put(key, json!(v));
    }
    for (on, key) in [
        (t.xml_attribute, k.xml_attribute),
        (t.xml_flattened, k.xml_flattened),
        (t.host_label, k.host_label),
    ] {
        if on {
            put(key, marker(form));
        }
    }
    if t.aws_query_compatible {
        put(k.aws_query_compatible, json!({}));
    }
    if let Some(v) = &t.query_name {
        put(k.query_name, json!(v));
    }
    if let Some(v) = &t.context_param {
        put(k.context_param, json!({ "name": v }));
    }
    if !t.static_context_params.is_empty() {
        let params: Map<String, Value> = t
            .static_context_params
            .iter()
            .map(|(name, v)| {
                let v = match v {
                    ContextValue::Bool(b) => json!(b),
                    ContextValue::String(s) => json!(s),
                };
                (name.clone(), json!({ "value": v }))
            })
            .collect();
        put(k.static_context_params, Value::Object(params));
    }
    if let (Some(key), Some(e)) = (k.query_error, &t.query_error) {
        let mut o = json!({ "code": e.code });
        if let Some(n) = &e.http_response_code {
            o["httpResponseCode"] = Value::Number(n.clone());
        }
        put(key, o);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifted_traits_write_back_as_they_were() {
        for (form, raw) in [
            (
                ModelForm::Smithy,
                json!({
                    "smithy.api#mediaType": "text/plain",
                    "smithy.api#xmlName": "X",
                    "smithy.api#xmlAttribute": {},
                    "smithy.api#xmlFlattened": {},
                    "smithy.api#hostLabel": {},
                    "aws.protocols#ec2QueryName": "Q",
                    "smithy.rules#contextParam": {"name": "Bucket"},
                    "smithy.rules#staticContextParams": {"A": {"value": true}, "B": {"value": "x"}},
                    "aws.protocols#awsQueryCompatible": {},
                    "aws.protocols#awsQueryError": {"code": "C", "httpResponseCode": 400},
                    "aws.api#arn": {"template": "t"},
                }),
            ),
            (
                ModelForm::Botocore,
                json!({
                    "xmlAttribute": true,
                    "flattened": true,
                    "hostLabel": true,
                    "queryName": "Q",
                    "contextParam": {"name": "Bucket"},
                    "staticContextParams": {"A": {"value": false}},
                    "awsQueryCompatible": {},
                    "error": {"code": "C", "httpStatusCode": 400},
                }),
            ),
        ] {
            let other: BTreeMap<String, Value> = serde_json::from_value(raw).unwrap();
            let mut t = Traits {
                other: other.clone(),
                ..Default::default()
            };
            lift(form, &mut t);
            assert!(t.host_label && t.xml_flattened && t.xml_attribute);
            assert_eq!(t.context_param.as_deref(), Some("Bucket"));
            assert_eq!(t.query_error.as_ref().map(|e| e.code.as_str()), Some("C"));
            assert_eq!(raw_traits(form, &t), other, "{form:?}");
        }
    }

    #[test]
    fn values_a_field_cannot_hold_stay_raw() {
        let mut t = Traits::default();
        t.other.insert("hostLabel".into(), json!(false));
        t.other
            .insert("contextParam".into(), json!({"name": "B", "x": 1}));
        let before = t.clone();
        lift(ModelForm::Botocore, &mut t);
        assert_eq!(t, before);
    }
}
