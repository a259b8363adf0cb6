//! Where each structure member travels under restJson1's HTTP bindings: in the JSON body, as the
//! whole body (`httpPayload`), or outside it (headers, query string, URI labels, status code). The
//! schema (`schema`) binds the others elsewhere; the docs (`docs`) say where they go.

use crate::ir::{HttpBinding, Member, Model, Protocol, Shape, ShapeKind};
use std::collections::BTreeSet;

/// Where a member's value travels on the wire.
///
/// Only restJson1 separates them: a structure that no other shape refers to (an operation's input,
/// output or error, where Smithy applies HTTP bindings) keeps its `httpHeader`, `httpPrefixHeaders`,
/// `httpQuery`, `httpQueryParams`, `httpLabel` and `httpResponseCode` members out of the JSON body,
/// and a structure with an `httpPayload` member sends that member's value alone as the body. Under
/// every other protocol, and for structures used inside other shapes, every member is `Body`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location<'a> {
    /// A member of the JSON body object.
    Body,
    /// The whole body (`httpPayload`).
    Payload,
    /// Not in the body: bound to a header, the query string, the URI or the status code (`None`: a
    /// member a payload structure leaves unbound, which Smithy forbids but a botocore model may have).
    Outside(Option<&'a HttpBinding>),
}

/// Where member `m` travels, given whether its structure's bindings apply (`bound`, from
/// [`bound_structures`]) and whether that structure has an `httpPayload` member ([`has_payload`]).
pub fn location(bound: bool, payload: bool, m: &Member) -> Location<'_> {
    if !bound {
        return Location::Body;
    }
    match &m.traits.http_binding {
        Some(HttpBinding::Payload) => Location::Payload,
        Some(b) => Location::Outside(Some(b)),
        None if payload => Location::Outside(None),
        None => Location::Body,
    }
}

/// Does this structure have an `httpPayload` member?
pub fn has_payload(shape: &Shape) -> bool {
    shape
        .kind
        .members()
        .iter()
        .any(|m| m.traits.http_binding == Some(HttpBinding::Payload))
}

/// Structures whose HTTP bindings apply: under restJson1, those with a bound member that no member,
/// list or map of the model targets. Smithy ignores bindings on a structure used inside another
/// shape; a structure used both ways (no AWS model has one) keeps every member in the body.
pub fn bound_structures(model: &Model) -> BTreeSet<&str> {
    if model.service.protocol != Protocol::RestJson1 {
        return BTreeSet::new();
    }
    let nested: BTreeSet<&str> = model
        .shapes
        .values()
        .flat_map(|s| s.kind.targets())
        .map(String::as_str)
        .collect();
    model
        .shapes
        .iter()
        .filter(|(id, s)| {
            matches!(s.kind, ShapeKind::Structure(_))
                && !nested.contains(id.as_str())
                && s.kind
                    .members()
                    .iter()
                    .any(|m| m.traits.http_binding.is_some())
        })
        .map(|(id, _)| id.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Location;
    use crate::ir::{HttpBinding, Model};
    use crate::rust::ctx::Ctx;
    use serde_json::{json, Value};

    /// A one-operation model under `protocol` whose input is `members` (and whose `Inner` structure,
    /// used inside the input, has an `httpHeader` member).
    fn model(protocol: &str, members: Value) -> Model {
        crate::rust::test_model::model(
            protocol,
            json!({
                "ex#In": {"type": "structure", "members": members},
                "ex#Inner": {"type": "structure", "members": {
                    "H": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X-H",
                                                                     "smithy.api#required": {}}}
                }}
            }),
        )
    }

    /// (member name, location, plain) of a structure's fields.
    fn layout(model: &Model, id: &str) -> Vec<(String, Location<'static>, bool)> {
        let ctx = Ctx::new(model);
        let shape = ctx.shape(id).expect("shape");
        ctx.fields(shape)
            .iter()
            .map(|f| {
                let loc = match f.location {
                    Location::Body => Location::Body,
                    Location::Payload => Location::Payload,
                    Location::Outside(None) => Location::Outside(None),
                    Location::Outside(Some(_)) => Location::Outside(Some(&HttpBinding::Label)),
                };
                (f.member.name.clone(), loc, f.plain)
            })
            .collect()
    }

    fn members() -> Value {
        json!({
            "Id": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {}}},
            "Q": {"target": "smithy.api#Integer", "traits": {"smithy.api#httpQuery": "q"}},
            "Name": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
            "Inner": {"target": "ex#Inner"}
        })
    }

    #[test]
    fn rest_json_keeps_bound_members_out_of_the_body_of_top_level_structures() {
        let m = model("aws.protocols#restJson1", members());
        let label = Location::Outside(Some(&HttpBinding::Label));
        assert_eq!(
            layout(&m, "In"),
            [
                ("Id".into(), label, false),
                ("Q".into(), label, false),
                ("Name".into(), Location::Body, true),
                ("Inner".into(), Location::Body, false),
            ]
        );
        // `Inner` is used inside `In`: Smithy ignores its binding, so the header member is a plain
        // body member.
        assert_eq!(layout(&m, "Inner"), [("H".into(), Location::Body, true)]);
    }

    #[test]
    fn other_protocols_ignore_bindings() {
        for protocol in [
            "aws.protocols#awsJson1_0",
            "aws.protocols#awsJson1_1",
            "aws.protocols#restXml",
        ] {
            let m = model(protocol, members());
            assert!(
                layout(&m, "In")
                    .iter()
                    .all(|(_, l, _)| *l == Location::Body),
                "{protocol}"
            );
            assert!(
                layout(&m, "In")[0].2,
                "{protocol}: a required label stays plain"
            );
        }
    }

    #[test]
    fn a_payload_structure_has_only_its_payload_in_the_body() {
        let m = model(
            "aws.protocols#restJson1",
            json!({
                "Id": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {}}},
                "Stray": {"target": "smithy.api#String", "traits": {"smithy.api#required": {}}},
                "Body": {"target": "ex#Inner", "traits": {"smithy.api#httpPayload": {}, "smithy.api#required": {}}}
            }),
        );
        assert_eq!(
            layout(&m, "In"),
            [
                (
                    "Id".into(),
                    Location::Outside(Some(&HttpBinding::Label)),
                    false
                ),
                ("Stray".into(), Location::Outside(None), false),
                ("Body".into(), Location::Payload, true),
            ]
        );
    }
}
