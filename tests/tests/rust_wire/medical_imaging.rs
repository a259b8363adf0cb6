//! medical-imaging (restJson1): a structure payload and a union payload are the whole body; labels
//! and query parameters stay out of it; an unknown union member is kept through a round trip.

use serde_json::json;
use wire_medical_imaging::{
    CopyImageSetInformation, CopyImageSetRequest, MetadataUpdates, UpdateImageSetMetadataRequest,
};

#[test]
fn structure_payload_is_the_body() {
    let body = json!({
        "sourceImageSet": {"latestVersionId": "1", "DICOMCopies": {"copiableAttributes": "{}"}},
        "destinationImageSet": {"imageSetId": "0123456789abcdef0123456789abcdef", "latestVersionId": "2"}
    });
    let info: CopyImageSetInformation = serde_json::from_value(body.clone()).unwrap();
    let req = CopyImageSetRequest::builder()
        .datastore_id("d")
        .source_image_set_id("s")
        .force(true)
        .copy_image_set_information(info.clone())
        .build()
        .unwrap();
    assert_eq!(serde_json::to_value(&req).unwrap(), body);
    let back: CopyImageSetRequest = serde_json::from_value(body).unwrap();
    assert_eq!(back.copy_image_set_information, info);
    assert_eq!((back.datastore_id, back.source_image_set_id, back.force), (None, None, None));
    // The payload is required and plain: a missing body is an error.
    assert!(serde_json::from_value::<CopyImageSetRequest>(json!(null)).is_err());
}

#[test]
fn union_payload_is_the_body_and_keeps_unknown_members() {
    let body = json!({"DICOMUpdates": {"updatableAttributes": "e30="}});
    let req: UpdateImageSetMetadataRequest = serde_json::from_value(body.clone()).unwrap();
    let MetadataUpdates::DicomUpdates(u) = &req.update_image_set_metadata_updates else {
        panic!("{req:?}")
    };
    assert_eq!(u.updatable_attributes.as_ref().map(|b| b.as_bytes()), Some(&b"{}"[..]));
    assert_eq!((&req.latest_version_id, &req.image_set_id), (&None, &None));
    assert_eq!(serde_json::to_value(&req).unwrap(), body);

    // `__type` in a union is ignored (the JSON protocols require it of clients).
    let typed: UpdateImageSetMetadataRequest =
        serde_json::from_value(json!({"__type": "MetadataUpdates", "revertToVersionId": "3"})).unwrap();
    assert_eq!(
        typed.update_image_set_metadata_updates,
        MetadataUpdates::RevertToVersionId("3".into())
    );

    let newer = json!({"futureUpdates": {"ops": [{"op": "add", "path": "/x"}]}});
    let req: UpdateImageSetMetadataRequest = serde_json::from_value(newer.clone()).unwrap();
    let MetadataUpdates::Unknown(u) = &req.update_image_set_metadata_updates else {
        panic!("{req:?}")
    };
    assert_eq!(u.name(), "futureUpdates");
    assert_eq!(serde_json::to_value(&req).unwrap(), newer);
    let mut filled = req;
    filled.datastore_id = Some("0123456789abcdef0123456789abcdef".into());
    filled.image_set_id = Some("fedcba9876543210fedcba9876543210".into());
    filled.latest_version_id = Some("1".into());
    let paths: Vec<String> =
        filled.validate().unwrap_err().violations().iter().map(|v| v.path.clone()).collect();
    assert_eq!(paths, ["updateImageSetMetadataUpdates"], "only the unknown union member is reported");
}
