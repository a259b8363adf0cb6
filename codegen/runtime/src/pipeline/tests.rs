//! The pipeline against a scripted transport: what it sends, when it retries, when it stops.
//! (Against a real local server, through the default transport: tests/tests/runtime_faults.rs.)

use super::*;
use crate::credentials::Credentials;
use crate::retry::QuotaConfig;
use crate::transport::TransportErrorKind;
use std::sync::Mutex;

/// Answers each request with the next scripted outcome and records the requests.
#[derive(Debug, Default)]
struct Script {
    outcomes: Mutex<Vec<Result<(u16, &'static str), TransportErrorKind>>>,
    seen: Mutex<Vec<http::Request<Vec<u8>>>>,
}

impl Script {
    fn new(outcomes: Vec<Result<(u16, &'static str), TransportErrorKind>>) -> Arc<Self> {
        Arc::new(Self {
            outcomes: Mutex::new(outcomes.into_iter().rev().collect()),
            seen: Mutex::default(),
        })
    }
    fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

impl HttpTransport for Script {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, TransportError> {
        self.seen.lock().unwrap().push(request);
        match self.outcomes.lock().unwrap().pop() {
            Some(Ok((status, code))) => {
                let mut b = http::Response::builder().status(status);
                if !code.is_empty() {
                    b = b.header("x-amzn-errortype", code);
                }
                Ok(b.body(code.as_bytes().to_vec()).unwrap())
            }
            Some(Err(kind)) => Err(TransportError::new(kind, "scripted")),
            None => Err(TransportError::new(
                TransportErrorKind::Io,
                "script exhausted",
            )),
        }
    }
}

fn creds() -> Arc<dyn ProvideCredentials> {
    Arc::new(Credentials::new(
        "AKID",
        "SECRETKEY",
        Some("TOKEN".into()),
        "explicit",
    ))
}

fn fast_retry(max_attempts: u32) -> RetryConfig {
    RetryConfig {
        max_attempts,
        initial_backoff: Duration::from_millis(2),
        max_backoff: Duration::from_millis(5),
        ..RetryConfig::default()
    }
}

fn pipeline(endpoint: &str, script: &Arc<Script>) -> Pipeline {
    Pipeline::new(endpoint, "us-east-1", "sagemaker", creds(), script.clone())
        .unwrap()
        .with_retry(fast_retry(3))
}

fn post(path: &str) -> http::Request<Vec<u8>> {
    http::Request::post(path)
        .header("content-type", "application/x-amz-json-1.1")
        .body(b"{}".to_vec())
        .unwrap()
}

#[test]
fn joins_endpoint_prefix_and_path_and_signs() {
    let script = Script::new(vec![Ok((200, ""))]);
    let p = pipeline("http://127.0.0.1:9/base/", &script);
    let mut req = post("/op?x=1");
    req.extensions_mut().insert(HostPrefix("data-".into()));
    let resp = p.send(req).unwrap();
    assert_eq!(resp.extensions().get::<Attempts>().unwrap().count, 1);
    let seen = script.seen.lock().unwrap();
    let r = &seen[0];
    assert_eq!(r.uri().to_string(), "http://data-127.0.0.1:9/base/op?x=1");
    let h = |n: &str| r.headers().get(n).unwrap().to_str().unwrap().to_string();
    assert_eq!(h("host"), "data-127.0.0.1:9");
    assert_eq!(h("content-length"), "2");
    assert!(h("user-agent").starts_with("awsgen-runtime/"));
    assert_eq!(h("x-amz-security-token"), "TOKEN");
    let auth = h("authorization");
    assert!(
        auth.starts_with("AWS4-HMAC-SHA256 Credential=AKID/"),
        "{auth}"
    );
    assert!(auth.contains("/us-east-1/sagemaker/aws4_request, SignedHeaders=content-length;content-type;host;x-amz-date;x-amz-security-token, "), "{auth}");
}

#[test]
fn retries_5xx_and_throttling_then_succeeds() {
    let script = Script::new(vec![
        Ok((500, "")),
        Ok((400, "ThrottlingException")),
        Ok((200, "")),
    ]);
    let p = pipeline("https://example.com", &script);
    let before = p.quota_available();
    let resp = p.send(post("/")).unwrap();
    assert_eq!(resp.status(), 200);
    let a = resp.extensions().get::<Attempts>().unwrap();
    assert_eq!((a.count, a.delays.len(), a.gave_up), (3, 2, None));
    assert!(a.delays[0] <= Duration::from_millis(2) && a.delays[1] <= Duration::from_millis(4));
    assert_eq!(script.count(), 3);
    // Two retries took 10 tokens; the success gave back the last retry's 5.
    assert_eq!(p.quota_available(), before - 5);
    // Each attempt is signed afresh (the date may differ) and carries one authorization.
    for r in script.seen.lock().unwrap().iter() {
        assert_eq!(r.headers().get_all("authorization").iter().count(), 1);
    }
}

#[test]
fn gives_up_after_max_attempts_with_the_last_response() {
    let script = Script::new(vec![
        Ok((503, "A")),
        Ok((503, "B")),
        Ok((503, "C")),
        Ok((200, "")),
    ]);
    let resp = pipeline("https://example.com", &script)
        .send(post("/"))
        .unwrap();
    assert_eq!(
        (resp.status().as_u16(), resp.body().as_slice()),
        (503, b"C".as_slice())
    );
    let a = resp.extensions().get::<Attempts>().unwrap();
    assert_eq!((a.count, a.gave_up), (3, Some("max attempts reached")));
    assert_eq!(script.count(), 3);
}

#[test]
fn client_errors_and_fatal_transport_errors_are_not_retried() {
    let script = Script::new(vec![Ok((400, "ValidationException"))]);
    let resp = pipeline("https://example.com", &script)
        .send(post("/"))
        .unwrap();
    assert_eq!(resp.status(), 400);
    assert_eq!(script.count(), 1);

    let script = Script::new(vec![Err(TransportErrorKind::BodyTooLarge)]);
    let e = pipeline("https://example.com", &script)
        .send(post("/"))
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "response body too large: scripted (after 1 attempt)"
    );
    assert_eq!(script.count(), 1);
}

#[test]
fn transport_failures_are_retried_and_reported_with_attempts() {
    let script = Script::new(vec![
        Err(TransportErrorKind::Connect),
        Err(TransportErrorKind::Timeout),
        Err(TransportErrorKind::Io),
    ]);
    let e = pipeline("https://example.com", &script)
        .send(post("/"))
        .unwrap_err();
    let SendError::Transport { error, attempts } = &e else {
        panic!("{e}")
    };
    assert_eq!((error.kind, attempts.count), (TransportErrorKind::Io, 3));
    assert_eq!(
        e.to_string(),
        "connection broken: scripted (after 3 attempts; max attempts reached)"
    );
}

#[test]
fn the_quota_stops_retries_across_requests() {
    let quota = QuotaConfig {
        capacity: 10,
        ..QuotaConfig::default()
    };
    let script = Script::new(vec![Ok((500, "")); 12]);
    let p = pipeline("https://example.com", &script).with_retry(RetryConfig {
        quota: Some(quota),
        ..fast_retry(5)
    });
    // First request: two retries (10 tokens), then the quota refuses a third.
    let resp = p.send(post("/")).unwrap();
    let a = resp.extensions().get::<Attempts>().unwrap();
    assert_eq!((a.count, a.gave_up), (3, Some("retry quota exhausted")));
    // Second request: no tokens left, so no retry at all.
    let resp = p.send(post("/")).unwrap();
    let a = resp.extensions().get::<Attempts>().unwrap();
    assert_eq!((a.count, a.gave_up), (1, Some("retry quota exhausted")));
    assert_eq!(script.count(), 4);
}

#[test]
fn bad_endpoints_requests_and_credentials_are_clear_errors() {
    let script = Script::new(vec![]);
    for (endpoint, expected) in [
        ("not a url", "invalid endpoint: \"not a url\""),
        ("ftp://example.com", "is not an http:// or https:// URL"),
        ("/path/only", "is not an http:// or https:// URL"),
        ("https://example.com/?a=1", "has a query string"),
    ] {
        let e = Pipeline::new(endpoint, "r", "s", creds(), script.clone()).unwrap_err();
        assert!(e.to_string().contains(expected), "{endpoint}: {e}");
    }
    let p = pipeline("https://example.com", &script);
    let e = p.send(post("https://other.example.com/")).unwrap_err();
    assert!(
        e.to_string().contains("must be a path and query only"),
        "{e}"
    );
    let mut req = post("/");
    req.extensions_mut()
        .insert(HostPrefix("bad prefix.".into()));
    assert!(matches!(p.send(req), Err(SendError::Endpoint(_))));

    let none: Arc<dyn ProvideCredentials> = Arc::new(crate::credentials::EnvironmentProvider::new(
        crate::credentials::Env::from_vars::<&str, &str>([]),
    ));
    let p = Pipeline::new("https://example.com", "r", "s", none, script.clone()).unwrap();
    let e = p.send(post("/")).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("no credentials from the environment"),
        "{e}"
    );
    assert_eq!(script.count(), 0);
    // Debug of a pipeline shows no secret.
    let shown = format!("{:?}", pipeline("https://example.com", &script));
    assert!(
        !shown.contains("SECRETKEY") && !shown.contains("TOKEN\""),
        "{shown}"
    );
}

#[test]
fn a_resolved_endpoint_on_the_request_sets_url_headers_and_signing_scope() {
    let script = Script::new(vec![Ok((200, ""))]);
    let p = pipeline("https://default.example.com", &script);
    let schemes = serde_json::json!({"authSchemes": [
        {"name": "sigv4a", "signingName": "s3", "signingRegionSet": ["*"]},
        {"name": "sigv4", "signingName": "s3", "signingRegion": "us-west-2", "disableDoubleEncoding": true}
    ]});
    let endpoint = Endpoint {
        url: "https://bucket.s3.us-west-2.amazonaws.com/base".into(),
        headers: vec![("x-amz-endpoint-header".into(), vec!["a".into(), "b".into()])],
        properties: schemes.as_object().unwrap().clone(),
    };
    let mut req = post("/key%20name");
    req.extensions_mut().insert(endpoint.clone());
    p.send(req).unwrap();
    let seen = script.seen.lock().unwrap();
    let r = &seen[0];
    assert_eq!(
        r.uri().to_string(),
        "https://bucket.s3.us-west-2.amazonaws.com/base/key%20name"
    );
    let values: Vec<_> = r
        .headers()
        .get_all("x-amz-endpoint-header")
        .iter()
        .collect();
    assert_eq!(values, ["a", "b"]);
    let auth = r.headers()["authorization"].to_str().unwrap();
    assert!(auth.contains("/us-west-2/s3/aws4_request, "), "{auth}");
    assert!(auth.contains(";x-amz-endpoint-header;"), "{auth}");
    drop(seen);

    // Without authSchemes: the pipeline's own region and signing name.
    let plain = Endpoint {
        properties: serde_json::Map::new(),
        ..endpoint.clone()
    };
    let mut req = post("/");
    req.extensions_mut().insert(plain);
    let script = Script::new(vec![Ok((200, ""))]);
    pipeline("https://default.example.com", &script)
        .send(req)
        .unwrap();
    let auth = script.seen.lock().unwrap()[0].headers()["authorization"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        auth.contains("/us-east-1/sagemaker/aws4_request, "),
        "{auth}"
    );

    // Only schemes this runtime cannot sign with: refused, nothing sent.
    let only_v4a = serde_json::json!({"authSchemes": [{"name": "sigv4a", "signingName": "s3"}]});
    let mut req = post("/");
    req.extensions_mut().insert(Endpoint {
        properties: only_v4a.as_object().unwrap().clone(),
        ..endpoint
    });
    let script = Script::new(vec![]);
    let e = pipeline("https://default.example.com", &script)
        .send(req)
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("asks for auth scheme sigv4a, and only sigv4 is supported"),
        "{e}"
    );
    assert_eq!(script.count(), 0);
}
