//! The service's endpoint rule set, compared without its documentation: added, removed or changed,
//! with the parameters added and removed named. The rule set is the same document in both forms
//! (the Smithy trait and botocore's `endpoint-rule-set-1.json`), so it is compared in both modes.

use super::{event, Event, EventId, Severity};
use crate::project::rule_set_without_docs;
use serde_json::Value;

pub(crate) fn diff_endpoint_rules(
    old: Option<&Value>,
    new: Option<&Value>,
    service: &str,
    out: &mut Vec<Event>,
) {
    let (id, severity, message) = match (old, new) {
        (None, None) => return,
        (None, Some(_)) => (
            EventId::EndpointRulesAdded,
            Severity::Note,
            "endpoint rule set added".to_string(),
        ),
        (Some(_), None) => (
            EventId::EndpointRulesRemoved,
            Severity::Warning,
            "endpoint rule set removed".to_string(),
        ),
        (Some(a), Some(b)) => {
            let (a, b) = (rule_set_without_docs(a), rule_set_without_docs(b));
            if a == b {
                return;
            }
            (
                EventId::EndpointRulesChanged,
                Severity::Note,
                changed(&a, &b),
            )
        }
    };
    out.push(event(id, severity, service, message));
}

/// `endpoint rule set changed`, with `(parameters added: A, B; removed: C)` when the parameters differ.
fn changed(old: &Value, new: &Value) -> String {
    let names = |v: &Value| -> Vec<String> {
        v.get("parameters")
            .and_then(Value::as_object)
            .map(|p| p.keys().cloned().collect())
            .unwrap_or_default()
    };
    let (a, b) = (names(old), names(new));
    let added: Vec<&str> = b
        .iter()
        .filter(|n| !a.contains(n))
        .map(String::as_str)
        .collect();
    let removed: Vec<&str> = a
        .iter()
        .filter(|n| !b.contains(n))
        .map(String::as_str)
        .collect();
    let mut parts = Vec::new();
    if !added.is_empty() {
        parts.push(format!("parameters added: {}", added.join(", ")));
    }
    if !removed.is_empty() {
        parts.push(format!("removed: {}", removed.join(", ")));
    }
    if parts.is_empty() {
        "endpoint rule set changed".to_string()
    } else {
        format!("endpoint rule set changed ({})", parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rules(params: &[&str], doc: &str, url: &str) -> Value {
        let parameters: serde_json::Map<String, Value> = params
            .iter()
            .map(|p| {
                (
                    p.to_string(),
                    json!({"type": "String", "documentation": doc}),
                )
            })
            .collect();
        json!({"version": "1.0", "parameters": parameters, "rules": [
            {"type": "endpoint", "documentation": doc, "conditions": [], "endpoint": {"url": url}}]})
    }

    fn run(old: Option<&Value>, new: Option<&Value>) -> Vec<(EventId, Severity, String)> {
        let mut out = Vec::new();
        diff_endpoint_rules(old, new, "Svc", &mut out);
        assert!(out.iter().all(|e| e.shape == "Svc"));
        out.into_iter()
            .map(|e| (e.id, e.severity, e.message))
            .collect()
    }

    #[test]
    fn added_removed_changed_and_documentation_only() {
        let a = rules(&["Region", "Endpoint"], "one", "https://a");
        assert!(run(None, None).is_empty());
        assert!(run(Some(&a), Some(&a)).is_empty());
        // Documentation alone is no change.
        assert!(run(
            Some(&a),
            Some(&rules(&["Region", "Endpoint"], "two", "https://a"))
        )
        .is_empty());
        assert_eq!(
            run(None, Some(&a)),
            [(
                EventId::EndpointRulesAdded,
                Severity::Note,
                "endpoint rule set added".into()
            )]
        );
        assert_eq!(
            run(Some(&a), None),
            [(
                EventId::EndpointRulesRemoved,
                Severity::Warning,
                "endpoint rule set removed".into()
            )]
        );
        let url = rules(&["Region", "Endpoint"], "one", "https://b");
        assert_eq!(
            run(Some(&a), Some(&url)),
            [(
                EventId::EndpointRulesChanged,
                Severity::Note,
                "endpoint rule set changed".into()
            )]
        );
        let params = rules(&["Region", "UseFIPS", "Bucket"], "one", "https://a");
        assert_eq!(
            run(Some(&a), Some(&params))[0].2,
            "endpoint rule set changed (parameters added: UseFIPS, Bucket; removed: Endpoint)"
        );
    }
}
