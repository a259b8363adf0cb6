//! URI labels named by member, as Smithy names them. botocore writes a label as the member's
//! `locationName` (`/backend/{appId}` for member `AppId` with `locationName: appId`); Smithy's
//! `httpLabel` label is always the member name (`/backend/{AppId}`). The URI is rewritten to the
//! member names so that both forms give one IR (and the label binding needs no second name); the
//! URI as written is kept raw as `requestUri` in the operation's `Traits::other`.

use crate::ir::{HttpBinding, Operation, Shape};
use serde_json::Value;
use std::collections::BTreeMap;

/// Rewrite every operation's URI labels to its input's member names.
pub fn to_member_names(
    shapes: &BTreeMap<String, Shape>,
    operations: &mut BTreeMap<String, Operation>,
) {
    for op in operations.values_mut() {
        let Some(input) = op.input.as_deref().and_then(|id| shapes.get(id)) else {
            continue;
        };
        let Some(http) = op.traits.http.as_mut() else {
            continue;
        };
        let mut uri = http.uri.clone();
        for m in input.kind.members() {
            if m.traits.http_binding != Some(HttpBinding::Label) {
                continue;
            }
            let Some(Value::String(label)) = m.traits.other.get("locationName") else {
                continue;
            };
            if label == &m.name {
                continue;
            }
            for plus in ["", "+"] {
                uri = uri.replace(
                    &format!("{{{label}{plus}}}"),
                    &format!("{{{}{plus}}}", m.name),
                );
            }
        }
        if uri != http.uri {
            let written = std::mem::replace(&mut http.uri, uri);
            op.traits
                .other
                .insert("requestUri".into(), Value::String(written));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::load::botocore::load;
    use serde_json::json;

    #[test]
    fn labels_take_the_member_name() {
        let model = json!({
            "metadata": {"apiVersion": "1", "protocol": "rest-json", "serviceId": "X"},
            "operations": {"Get": {
                "http": {"method": "GET", "requestUri": "/a/{appId}/b/{Key+}"},
                "input": {"shape": "In"}
            }},
            "shapes": {
                "In": {"type": "structure", "members": {
                    "AppId": {"shape": "S", "location": "uri", "locationName": "appId"},
                    "Key": {"shape": "S", "location": "uri", "locationName": "Key"}
                }},
                "S": {"type": "string"}
            }
        });
        let m = load("x.json", &model, None).unwrap();
        let op = &m.operations["Get"];
        assert_eq!(op.traits.http.as_ref().unwrap().uri, "/a/{AppId}/b/{Key+}");
        assert_eq!(op.traits.other["requestUri"], json!("/a/{appId}/b/{Key+}"));
    }
}
