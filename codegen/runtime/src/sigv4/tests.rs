//! Signing an `http::Request` in place: the headers it adds, the token modes, unsigned payloads.
//! (Every case of the official test suite runs in `cargo xtask conformance sigv4`.)

use super::*;
use std::time::{Duration, UNIX_EPOCH};

/// The test suite's keys and time (2015-08-30T12:36:00Z).
fn creds(token: Option<&str>) -> Credentials {
    Credentials::new(
        "AKIDEXAMPLE",
        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        token.map(String::from),
        "explicit",
    )
}

fn time() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_440_938_160)
}

fn get() -> http::Request<Vec<u8>> {
    http::Request::get("/")
        .header("host", "example.amazonaws.com")
        .body(Vec::new())
        .unwrap()
}

fn header(r: &http::Request<Vec<u8>>, name: &str) -> Option<String> {
    r.headers()
        .get(name)
        .map(|v| v.to_str().unwrap().to_string())
}

/// Signs with the default settings for the suite's region and service.
fn sign_plain(r: &mut http::Request<Vec<u8>>, c: &Credentials) -> Result<Signature, SigningError> {
    sign(r, &SigningParams::new(c, "us-east-1", "service", time()))
}

#[test]
fn signs_an_http_request_like_the_suites_get_vanilla() {
    let c = creds(None);
    let mut r = get();
    let sig = sign_plain(&mut r, &c).unwrap();
    assert_eq!(header(&r, "x-amz-date").unwrap(), "20150830T123600Z");
    // get-vanilla.authz of the official suite.
    assert_eq!(
        header(&r, "authorization").unwrap(),
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, \
         SignedHeaders=host;x-amz-date, \
         Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31"
    );
    assert_eq!(sig.authorization, header(&r, "authorization").unwrap());
}

#[test]
fn a_session_token_is_signed_or_appended_after() {
    let c = creds(Some("TOKEN"));
    let mut r = get();
    let params = SigningParams::new(&c, "us-east-1", "service", time());
    let sig = sign(&mut r, &params).unwrap();
    assert_eq!(header(&r, "x-amz-security-token").unwrap(), "TOKEN");
    assert!(sig
        .authorization
        .contains("SignedHeaders=host;x-amz-date;x-amz-security-token,"));

    let mut r = get();
    let params = SigningParams {
        session_token: SessionTokenMode::AppendedAfterSigning,
        ..params
    };
    let sig = sign(&mut r, &params).unwrap();
    assert_eq!(header(&r, "x-amz-security-token").unwrap(), "TOKEN");
    assert!(sig.authorization.contains("SignedHeaders=host;x-amz-date,"));
    assert!(!sig.canonical_request.contains("TOKEN"));
}

#[test]
fn unsigned_and_precomputed_payloads() {
    let c = creds(None);
    let mut r = http::Request::put("/bucket/key")
        .header("host", "s3.amazonaws.com")
        .body(b"data".to_vec())
        .unwrap();
    let params = SigningParams {
        payload: PayloadSigning::Unsigned,
        content_sha256_header: true,
        normalize_path: false,
        double_uri_encode: false,
        ..SigningParams::new(&c, "us-east-1", "s3", time())
    };
    let sig = sign(&mut r, &params).unwrap();
    assert_eq!(
        header(&r, "x-amz-content-sha256").unwrap(),
        UNSIGNED_PAYLOAD
    );
    assert!(sig.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));
    assert!(sig
        .canonical_request
        .contains("x-amz-content-sha256:UNSIGNED-PAYLOAD\n"));

    let params = SigningParams {
        payload: PayloadSigning::Precomputed("abc".into()),
        ..params
    };
    let sig = sign(&mut r, &params).unwrap();
    assert!(sig.canonical_request.ends_with("\nabc"));
}

#[test]
fn a_signed_payload_is_the_bodys_sha256() {
    let c = creds(None);
    let mut r = get();
    *r.body_mut() = b"Param1=value1".to_vec();
    let sig = sign_plain(&mut r, &c).unwrap();
    // sha256("Param1=value1"), as in the suite's post-x-www-form-urlencoded.creq.
    assert!(sig
        .canonical_request
        .ends_with("\n9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"));
}

#[test]
fn a_request_without_host_is_refused() {
    let c = creds(None);
    let mut r = http::Request::get("/").body(Vec::new()).unwrap();
    let e = sign_plain(&mut r, &c).unwrap_err();
    assert!(e.to_string().contains("no host header"), "{e}");
}

#[test]
fn debug_of_params_and_signature_shows_no_secret() {
    let c = creds(Some("SESSIONTOKENVALUE"));
    let params = SigningParams::new(&c, "us-east-1", "service", time());
    let shown = format!("{params:?} {c:?}");
    assert!(!shown.contains("wJalrXUtnFEMI"), "{shown}");
    assert!(!shown.contains("SESSIONTOKENVALUE"), "{shown}");
    assert!(shown.contains("AKIDEXAMPLE"), "{shown}");
    assert!(shown.contains("** redacted **"), "{shown}");
}

#[test]
fn a_declared_content_sha256_is_the_payload_hash() {
    let c = creds(None);
    let mut r = get();
    r.headers_mut()
        .insert("x-amz-content-sha256", "UNSIGNED-PAYLOAD".parse().unwrap());
    *r.body_mut() = b"ignored".to_vec();
    let sig = sign_plain(&mut r, &c).unwrap();
    assert!(sig
        .canonical_request
        .ends_with(";x-amz-date\nUNSIGNED-PAYLOAD"));
}
