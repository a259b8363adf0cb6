//! The runtime's pipeline and default transport (ureq) against a local test server on 127.0.0.1
//! that misbehaves on purpose: 500 then 200 (retried, succeeds); throttling three times (backs
//! off, gives up after max attempts with the last error response); throttling named only in the
//! JSON body (retried); a truncated body, a non-JSON body, a wrong or unparsable Content-Length, an
//! oversized body (clear errors, never a panic); a stall (the read timeout fires); a closed port
//! (connection refused, retried); an https:// endpoint answering plain HTTP (the rustls handshake
//! fails cleanly).

use awsgen_runtime::credentials::Credentials;
use awsgen_runtime::pipeline::{Attempts, Pipeline, SendError};
use awsgen_runtime::retry::RetryConfig;
use awsgen_runtime::transport::{TransportConfig, TransportErrorKind, UreqTransport};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// What the server does with one request.
enum Reply {
    /// A complete response: status, extra headers, body (with a correct Content-Length).
    Full(u16, Vec<(&'static str, String)>, Vec<u8>),
    /// These bytes exactly, then close.
    Raw(Vec<u8>),
    /// Say nothing for this long, then close.
    Stall(Duration),
}

/// A request the server received: when, its head (request line and headers) and body.
struct Seen {
    at: Instant,
    head: String,
    body: Vec<u8>,
}

struct Server {
    endpoint: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

impl Server {
    /// Serves one connection per reply, in order, then stops listening.
    fn start(replies: Vec<Reply>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let endpoint = format!("http://{}", listener.local_addr().unwrap());
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = seen.clone();
        std::thread::spawn(move || {
            for reply in replies {
                let Ok((mut stream, _)) = listener.accept() else {
                    return;
                };
                let Some(request) = read_request(&mut stream) else {
                    return;
                };
                log.lock().unwrap().push(request);
                let bytes = match reply {
                    Reply::Full(status, headers, body) => {
                        let mut head = format!(
                            "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                            body.len()
                        );
                        for (n, v) in headers {
                            head.push_str(&format!("{n}: {v}\r\n"));
                        }
                        head.push_str("\r\n");
                        [head.into_bytes(), body].concat()
                    }
                    Reply::Raw(bytes) => bytes,
                    Reply::Stall(d) => {
                        std::thread::sleep(d);
                        Vec::new()
                    }
                };
                let _ = stream.write_all(&bytes);
                let _ = stream.flush();
            }
        });
        Self { endpoint, seen }
    }

    fn count(&self) -> usize {
        self.seen.lock().unwrap().len()
    }
}

/// Reads a request head and its Content-Length body.
fn read_request(stream: &mut TcpStream) -> Option<Seen> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut data = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            return None;
        }
        data.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
    let len: usize = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_string())
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = data[head_end + 4..].to_vec();
    while body.len() < len {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&buf[..n]);
    }
    Some(Seen {
        at: Instant::now(),
        head,
        body,
    })
}

fn json_error(status: u16, code: &str, message: &str) -> Reply {
    Reply::Full(
        status,
        vec![
            ("Content-Type", "application/x-amz-json-1.1".into()),
            ("x-amzn-ErrorType", code.into()),
        ],
        format!(r#"{{"__type":"{code}","message":"{message}"}}"#).into_bytes(),
    )
}

fn ok_json(body: &str) -> Reply {
    Reply::Full(
        200,
        vec![("Content-Type", "application/x-amz-json-1.1".into())],
        body.as_bytes().to_vec(),
    )
}

fn pipeline(server: &Server, max_attempts: u32, transport: TransportConfig) -> Pipeline {
    let creds = Arc::new(Credentials::new(
        "AKIDTEST",
        "test-secret-key",
        None,
        "explicit",
    ));
    Pipeline::new(
        &server.endpoint,
        "us-east-1",
        "sagemaker",
        creds,
        Arc::new(UreqTransport::new(transport)),
    )
    .unwrap()
    .with_retry(RetryConfig {
        max_attempts,
        initial_backoff: Duration::from_millis(40),
        max_backoff: Duration::from_millis(200),
        ..RetryConfig::default()
    })
}

fn quick() -> TransportConfig {
    TransportConfig {
        connect_timeout: Duration::from_secs(2),
        read_timeout: Some(Duration::from_secs(5)),
        ..TransportConfig::default()
    }
}

/// A DescribeEndpointConfig-style JSON request.
fn request() -> awsgen_runtime::http::Request<Vec<u8>> {
    awsgen_runtime::http::Request::post("/")
        .header("content-type", "application/x-amz-json-1.1")
        .header("x-amz-target", "SageMaker.DescribeEndpointConfig")
        .body(br#"{"EndpointConfigName":"ec-1"}"#.to_vec())
        .unwrap()
}

fn attempts(r: &awsgen_runtime::http::Response<Vec<u8>>) -> Attempts {
    r.extensions().get::<Attempts>().cloned().unwrap()
}

/// The transport error of a failed send.
fn transport_error(e: &SendError) -> (TransportErrorKind, u32) {
    match e {
        SendError::Transport { error, attempts } => (error.kind, attempts.count),
        other => panic!("expected a transport error, got {other}"),
    }
}

type Output = sagemaker_endpoint_config::types::DescribeEndpointConfigOutput;

#[test]
fn a_500_then_200_is_retried_and_succeeds() {
    let body = r#"{"EndpointConfigName":"ec-1","EndpointConfigArn":"arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/ec-1","ProductionVariants":[],"CreationTime":1700000000}"#;
    let server = Server::start(vec![
        json_error(500, "InternalFailure", "boom"),
        ok_json(body),
    ]);
    let resp = pipeline(&server, 3, quick()).send(request()).unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(attempts(&resp).count, 2);
    let out: Output = serde_json::from_slice(resp.body()).unwrap();
    assert_eq!(out.endpoint_config_name.as_deref(), Some("ec-1"));
    let seen = server.seen.lock().unwrap();
    assert_eq!(seen.len(), 2);
    for s in seen.iter() {
        let head = s.head.to_ascii_lowercase();
        assert!(head.starts_with("post / http/1.1"), "{head}");
        assert!(
            head.contains("\r\nauthorization: aws4-hmac-sha256 credential=akidtest/"),
            "{head}"
        );
        assert!(head.contains("\r\nx-amz-date: "), "{head}");
        assert!(!head.contains("test-secret-key"), "{head}");
        assert_eq!(s.body, br#"{"EndpointConfigName":"ec-1"}"#);
    }
}

#[test]
fn throttling_backs_off_and_gives_up_after_max_attempts_with_the_last_error() {
    let server = Server::start(
        (1..=4)
            .map(|i| json_error(400, "ThrottlingException", &format!("Rate exceeded ({i})")))
            .collect(),
    );
    let start = Instant::now();
    let resp = pipeline(&server, 3, quick()).send(request()).unwrap();
    let elapsed = start.elapsed();
    assert_eq!(resp.status(), 400);
    assert!(String::from_utf8_lossy(resp.body()).contains("Rate exceeded (3)"));
    let a = attempts(&resp);
    assert_eq!((a.count, a.gave_up), (3, Some("max attempts reached")));
    // Full jitter under a doubling ceiling: at most 40 ms, then at most 80 ms.
    assert_eq!(a.delays.len(), 2);
    assert!(
        a.delays[0] <= Duration::from_millis(40) && a.delays[1] <= Duration::from_millis(80),
        "{a:?}"
    );
    assert!(elapsed >= a.delays.iter().sum::<Duration>());
    let seen = server.seen.lock().unwrap();
    assert_eq!(seen.len(), 3, "the fourth reply is never asked for");
    for (gap, delay) in seen.windows(2).map(|w| w[1].at - w[0].at).zip(&a.delays) {
        assert!(gap >= *delay, "requests {gap:?} apart, backoff {delay:?}");
    }
}

#[test]
fn throttling_named_only_in_the_json_body_is_retried() {
    let throttled = Reply::Full(
        400,
        vec![("Content-Type", "application/x-amz-json-1.1".into())],
        br#"{"__type":"com.amazonaws.sagemaker#ThrottlingException","message":"slow down"}"#
            .to_vec(),
    );
    let server = Server::start(vec![throttled, ok_json("{}")]);
    let resp = pipeline(&server, 3, quick()).send(request()).unwrap();
    assert_eq!((resp.status().as_u16(), attempts(&resp).count), (200, 2));
    assert_eq!(server.count(), 2);
}

#[test]
fn a_truncated_body_is_a_clear_error_after_retries() {
    let truncated = b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"EndpointConfigName\":".to_vec();
    let server = Server::start(vec![Reply::Raw(truncated.clone()), Reply::Raw(truncated)]);
    let e = pipeline(&server, 2, quick()).send(request()).unwrap_err();
    assert_eq!(transport_error(&e), (TransportErrorKind::Io, 2));
    let msg = e.to_string();
    assert!(msg.starts_with("connection broken: "), "{msg}");
    assert!(msg.contains("reading the response body"), "{msg}");
    assert!(
        msg.ends_with("(after 2 attempts; max attempts reached)"),
        "{msg}"
    );
    assert_eq!(server.count(), 2);
}

#[test]
fn a_non_json_body_reaches_the_caller_whose_parse_error_is_clear() {
    let server = Server::start(vec![Reply::Full(
        200,
        vec![("Content-Type", "text/html".into())],
        b"<html><body>Service Unavailable</body></html>".to_vec(),
    )]);
    let resp = pipeline(&server, 3, quick()).send(request()).unwrap();
    assert_eq!(attempts(&resp).count, 1);
    let e = serde_json::from_slice::<Output>(resp.body()).unwrap_err();
    assert_eq!(e.to_string(), "expected value at line 1 column 1");
}

#[test]
fn a_short_content_length_cuts_the_body_and_the_parse_fails_clearly() {
    let body = br#"{"EndpointConfigName":"ec-1"}"#;
    let mut raw = b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\nConnection: close\r\n\r\n".to_vec();
    raw.extend_from_slice(body);
    let server = Server::start(vec![Reply::Raw(raw)]);
    let resp = pipeline(&server, 3, quick()).send(request()).unwrap();
    assert_eq!(resp.body().as_slice(), &body[..10]);
    let e = serde_json::from_slice::<Output>(resp.body()).unwrap_err();
    assert!(e.to_string().starts_with("EOF while parsing"), "{e}");
}

#[test]
fn an_unparsable_content_length_is_refused() {
    let raw = b"HTTP/1.1 200 OK\r\nContent-Length: ten\r\nConnection: close\r\n\r\n{}".to_vec();
    let server = Server::start(vec![Reply::Raw(raw)]);
    let e = pipeline(&server, 3, quick()).send(request()).unwrap_err();
    assert_eq!(
        transport_error(&e),
        (TransportErrorKind::InvalidResponse, 1),
        "{e}"
    );
    assert!(
        e.to_string()
            .contains("Content-Length \"ten\" is not a number"),
        "{e}"
    );
}

#[test]
fn a_body_over_the_limit_is_refused_with_or_without_content_length() {
    let limit = TransportConfig {
        max_response_bytes: 1000,
        ..quick()
    };
    let server = Server::start(vec![ok_json(&"x".repeat(5000))]);
    let e = pipeline(&server, 3, limit.clone())
        .send(request())
        .unwrap_err();
    assert_eq!(transport_error(&e), (TransportErrorKind::BodyTooLarge, 1));
    assert!(
        e.to_string()
            .contains("Content-Length 5000 is over the limit of 1000 bytes"),
        "{e}"
    );

    // No Content-Length: the body runs to the end of the connection, and is cut at the limit.
    let mut raw = b"HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".to_vec();
    raw.extend_from_slice(&[b'x'; 5000]);
    let server = Server::start(vec![Reply::Raw(raw)]);
    let e = pipeline(&server, 3, limit).send(request()).unwrap_err();
    assert_eq!(transport_error(&e), (TransportErrorKind::BodyTooLarge, 1));
    assert!(
        e.to_string().contains("over the limit of 1000 bytes"),
        "{e}"
    );
}

#[test]
fn a_stalled_server_trips_the_read_timeout() {
    let server = Server::start(vec![
        Reply::Stall(Duration::from_secs(3)),
        Reply::Stall(Duration::from_secs(3)),
    ]);
    let timeouts = TransportConfig {
        read_timeout: Some(Duration::from_millis(300)),
        ..quick()
    };
    let start = Instant::now();
    let e = pipeline(&server, 2, timeouts).send(request()).unwrap_err();
    let elapsed = start.elapsed();
    assert_eq!(transport_error(&e), (TransportErrorKind::Timeout, 2), "{e}");
    assert!(e.to_string().starts_with("timed out: "), "{e}");
    assert!(
        elapsed >= Duration::from_millis(600) && elapsed < Duration::from_millis(2500),
        "{elapsed:?}"
    );
}

#[test]
fn a_closed_port_is_a_connection_error_after_retries() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = Server {
        endpoint: format!("http://127.0.0.1:{port}"),
        seen: Arc::default(),
    };
    let e = pipeline(&server, 2, quick()).send(request()).unwrap_err();
    assert_eq!(transport_error(&e), (TransportErrorKind::Connect, 2), "{e}");
    assert!(e.to_string().starts_with("connection failed: "), "{e}");
}

#[test]
fn https_to_a_plain_http_server_fails_cleanly() {
    // Answers every connection at once with plain HTTP, where TLS expects a ServerHello.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let endpoint = format!("https://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(2) {
            let Ok(mut stream) = stream else { return };
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}");
        }
    });
    let tls = Server {
        endpoint,
        seen: Arc::default(),
    };
    let start = Instant::now();
    let e = pipeline(&tls, 2, quick()).send(request()).unwrap_err();
    let (kind, attempts) = transport_error(&e);
    assert!(
        matches!(kind, TransportErrorKind::Connect | TransportErrorKind::Io),
        "{kind:?}: {e}"
    );
    assert_eq!(attempts, 2, "{e}");
    assert!(e.to_string().contains("127.0.0.1"), "{e}");
    assert!(
        start.elapsed() < Duration::from_secs(4),
        "{:?}",
        start.elapsed()
    );
}
