//! cloudfront-keyvaluestore (restJson1): `DescribeKeyValueStore`'s output has a required `ETag` header
//! beside required body members. The body alone deserializes (the header member is an `Option` left
//! unset, that `validate()` names until the caller fills it in from the response headers); the
//! required body members stay plain fields and are still required by the deserializer.

use serde_json::json;
use wire_cloudfront_keyvaluestore::primitives::DateTime;
use wire_cloudfront_keyvaluestore::{DescribeKeyValueStoreResponse, PutKeyRequest};

#[test]
fn a_response_body_without_its_required_header() {
    let body = json!({
        "ItemCount": 2,
        "TotalSizeInBytes": 64,
        "KvsARN": "arn:aws:cloudfront::123456789012:key-value-store/k",
        "Created": 1_700_000_000
    });
    let mut v: DescribeKeyValueStoreResponse = serde_json::from_value(body.clone()).unwrap();
    assert_eq!((v.item_count, v.created), (2, DateTime::from_secs(1_700_000_000)));
    assert_eq!(v.e_tag, None);
    let paths: Vec<String> = v.validate().unwrap_err().violations().iter().map(|x| x.path.clone()).collect();
    assert_eq!(paths, ["ETag"]);
    v.e_tag = Some("\"etag-1\"".into());
    assert!(v.validate().is_ok());
    assert_eq!(serde_json::to_value(&v).unwrap(), body, "the header never reaches the body");
    // A required body member is still required when reading.
    let err = serde_json::from_value::<DescribeKeyValueStoreResponse>(json!({"ItemCount": 2})).unwrap_err();
    for name in ["TotalSizeInBytes", "KvsARN", "Created"] {
        assert!(err.to_string().contains(name), "{err}");
    }
    assert!(!err.to_string().contains("ETag"), "{err}");
}

#[test]
fn a_request_with_labels_and_a_header() {
    let req = PutKeyRequest::builder()
        .kvs_arn("arn:aws:cloudfront::123456789012:key-value-store/k")
        .key("k")
        .if_match("\"etag-1\"")
        .value("v")
        .build()
        .unwrap();
    assert_eq!(serde_json::to_value(&req).unwrap(), json!({"Value": "v"}));
    let err = PutKeyRequest::builder().value("v").build().unwrap_err().to_string();
    for name in ["Key", "KvsARN", "IfMatch"] {
        assert!(err.contains(name), "{err}");
    }
}
