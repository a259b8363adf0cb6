//! apigatewaymanagementapi (restJson1): `jsonName` names body members, `date-time` timestamps are
//! RFC 3339 strings, the `ConnectionId` label stays out of the body and `Data` is the whole body.

use serde_json::json;
use wire_apigatewaymanagementapi::primitives::{Blob, DateTime};
use wire_apigatewaymanagementapi::{GetConnectionResponse, Identity, PostToConnectionRequest};

#[test]
fn json_names_and_date_times() {
    let wire = json!({
        "connectedAt": "2024-01-02T03:04:05.5Z",
        "identity": {"sourceIp": "192.0.2.1", "userAgent": "ua"},
        "lastActiveAt": "2024-01-02T03:04:06Z"
    });
    let v: GetConnectionResponse = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(v.connected_at, Some(DateTime::from_secs_nanos(1_704_164_645, 500_000_000)));
    assert_eq!(v.identity.as_ref().and_then(|i| i.source_ip.as_deref()), Some("192.0.2.1"));
    assert_eq!(serde_json::to_value(&v).unwrap(), wire);
    // The member names are not wire names under restJson1 when `jsonName` says otherwise.
    let by_member: GetConnectionResponse =
        serde_json::from_value(json!({"ConnectedAt": 1, "Identity": {"SourceIp": "x"}})).unwrap();
    assert_eq!((by_member.connected_at, by_member.identity), (None, None));
    let i = Identity::builder().source_ip("a").user_agent("b").build().unwrap();
    assert_eq!(serde_json::to_value(&i).unwrap(), json!({"sourceIp": "a", "userAgent": "b"}));
}

#[test]
fn label_outside_and_blob_payload_as_the_body() {
    let req = PostToConnectionRequest::builder()
        .connection_id("abc=")
        .data(Blob::new(b"hello".to_vec()))
        .build()
        .unwrap();
    // The HTTP body is the raw bytes of `Data`; the JSON form of the request is that blob alone.
    let wire = serde_json::to_value(&req).unwrap();
    assert_eq!(wire, json!("aGVsbG8="));
    let back: PostToConnectionRequest = serde_json::from_value(wire).unwrap();
    assert_eq!(back.data, req.data);
    assert_eq!(back.connection_id, None);
    // The label is required: the builder and validate() insist on it.
    let err = PostToConnectionRequest::builder().data(Blob::new(vec![1u8])).build().unwrap_err();
    assert!(err.to_string().contains("ConnectionId"), "{err}");
    let paths: Vec<String> =
        back.validate().unwrap_err().violations().iter().map(|v| v.path.clone()).collect();
    assert_eq!(paths, ["ConnectionId"]);
}
