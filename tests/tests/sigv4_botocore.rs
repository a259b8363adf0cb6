//! Differential test of the SigV4 signer against botocore's (`botocore.auth.SigV4Auth`, the
//! reference the project pins): 400 requests as a generated client sends them (path already
//! percent-encoded on the wire, a canonically encoded query, repeated and untrimmed headers, session
//! tokens, UTF-8 bodies, several methods, regions and services), each signed by
//! `awsgen_runtime::sigv4::sign` on an `http::Request` and by botocore at the same instant; the
//! canonical request, string to sign and `Authorization` header must be equal. The official vectors
//! cover the raw-request side (`cargo xtask conformance sigv4`); this covers double URI-encoding of
//! encoded paths, which the vectors do not.
//!
//! botocore comes from `BOTOCORE_PYTHON` (`.ci/run` makes the venv); the test fails without it. One
//! Python process signs every request (`tests/oracle/sigv4_sign.py`).

use awsgen_runtime::credentials::Credentials;
use awsgen_runtime::http;
use awsgen_runtime::sigv4::{self, SigningParams};
use serde_json::{json, Value};
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, UNIX_EPOCH};

const BOTOCORE: &str = "1.37.23";
const CASES: usize = 400;
/// 2015-08-30T12:36:00Z.
const TIME: u64 = 1_440_938_160;

const PATHS: &[&str] = &[
    "/",
    "/2015-03-31/functions/my%20fn/invocations",
    "/a%2Fb/c",
    "/%E1%88%B4/x",
    "/x/./y/../z",
    "//double//slash",
    "/trailing/",
    "/~user/x_y-z.w",
    "/a/b/..",
    "/labels/%24delete%3F%26",
    "/caf%C3%A9",
];
const QUERIES: &[&str] = &[
    "",
    "b=2&a=1",
    "list=b&list=a&list=A",
    "empty=&k=v",
    "enc=%20%2B%2A%3D",
    "key%20x=val",
    "flag",
    "Action=DescribeThings&Version=2015-01-01",
    "x=%E1%88%B4",
];
const HEADERS: &[&[(&str, &str)]] = &[
    &[],
    &[
        ("Content-Type", "application/x-amz-json-1.1"),
        ("X-Amz-Target", "SageMaker.CreateModel"),
    ],
    &[("My-Header", "a   b"), ("my-header", " c ")],
    &[("x-amz-meta-k", "v1,v2"), ("Accept", "*/*")],
    &[
        ("User-Agent", "test/1.0"),
        ("X-Amzn-Trace-Id", "Root=1-abc"),
    ],
    &[
        ("Content-Type", "application/json"),
        ("X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"),
    ],
];
const BODIES: &[&str] = &["", "{}", "{\"Name\":\"ä\"}", "Param1=value1"];
const METHODS: &[&str] = &["GET", "POST", "PUT", "DELETE"];
const SCOPES: &[(&str, &str, &str)] = &[
    (
        "us-east-1",
        "sagemaker",
        "api.sagemaker.us-east-1.amazonaws.com",
    ),
    (
        "eu-west-3",
        "execute-api",
        "abc123.execute-api.eu-west-3.amazonaws.com",
    ),
    ("cn-north-1", "lambda", "lambda.cn-north-1.amazonaws.com.cn"),
];
const TOKENS: &[Option<&str>] = &[None, Some("AQoDYXdzEJr//////////wEa+token/=")];

fn python() -> std::path::PathBuf {
    match std::env::var_os("BOTOCORE_PYTHON") {
        Some(p) if !p.is_empty() => p.into(),
        _ => panic!(
            "BOTOCORE_PYTHON is not set: this test compares the SigV4 signer with botocore's. Run the \
             tests via .ci/run, or set BOTOCORE_PYTHON to a python with botocore=={BOTOCORE} \
             (`python3 -m venv target/ci-venv && target/ci-venv/bin/pip install botocore=={BOTOCORE}`)"
        ),
    }
}

/// A small deterministic generator (64-bit LCG) picking one element of each list per case.
struct Pick(u64);

impl Pick {
    fn one<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        &items[((self.0 >> 33) as usize) % items.len()]
    }
}

struct Case {
    json: Value,
    ours: sigv4::Signature,
}

fn case(pick: &mut Pick) -> Case {
    let (path, query, headers) = (*pick.one(PATHS), *pick.one(QUERIES), *pick.one(HEADERS));
    let (body, method, token) = (*pick.one(BODIES), *pick.one(METHODS), *pick.one(TOKENS));
    let (region, service, host) = *pick.one(SCOPES);
    let target = if query.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{query}")
    };
    let len = body.len().to_string();
    let mut all: Vec<(&str, &str)> = vec![("Host", host), ("Content-Length", &len)];
    all.extend_from_slice(headers);

    let mut builder = http::Request::builder().method(method).uri(&target);
    for (n, v) in &all {
        builder = builder.header(*n, *v);
    }
    let mut request = builder.body(body.as_bytes().to_vec()).unwrap();
    let creds = Credentials::new(
        "AKIDEXAMPLE",
        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        token.map(String::from),
        "explicit",
    );
    let params = SigningParams::new(
        &creds,
        region,
        service,
        UNIX_EPOCH + Duration::from_secs(TIME),
    );
    let ours = sigv4::sign(&mut request, &params).unwrap();
    let json = json!({
        "method": method,
        "url": format!("https://{host}{target}"),
        "headers": all.iter().map(|(n, v)| json!([n, v])).collect::<Vec<_>>(),
        "body": body,
        "access_key": "AKIDEXAMPLE",
        "secret_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        "token": token,
        "region": region,
        "service": service,
        "timestamp": "20150830T123600Z",
    });
    Case { json, ours }
}

#[test]
fn the_signer_agrees_with_botocore() {
    let mut pick = Pick(0x5164_0004_2026_1201);
    let cases: Vec<Case> = (0..CASES).map(|_| case(&mut pick)).collect();
    let input: String = cases.iter().map(|c| format!("{}\n", c.json)).collect();

    let script = tests::project_root().join("tests/oracle/sigv4_sign.py");
    let py = python();
    let mut child = Command::new(&py)
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {} (BOTOCORE_PYTHON): {e}", py.display()));
    // Written from another thread: botocore answers while we write, and a full pipe would block both.
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "{} failed: {}",
        script.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    let header: Value = serde_json::from_str(lines.next().unwrap_or_default()).unwrap();
    assert_eq!(
        header["botocore"], BOTOCORE,
        "BOTOCORE_PYTHON has another botocore: {header}"
    );
    let theirs: Vec<Value> = lines.map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(theirs.len(), CASES);

    let mut mismatches = Vec::new();
    for (c, t) in cases.iter().zip(&theirs) {
        for (what, ours) in [
            ("canonical_request", &c.ours.canonical_request),
            ("string_to_sign", &c.ours.string_to_sign),
            ("authorization", &c.ours.authorization),
        ] {
            if t[what].as_str() != Some(ours.as_str()) {
                mismatches.push(format!(
                    "{} {}: {what}\n  ours:     {ours:?}\n  botocore: {}",
                    c.json["method"], c.json["url"], t[what]
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {CASES} requests differ:\n{}",
        mismatches.len(),
        mismatches
            .iter()
            .take(5)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The mix really covers what it claims: encoded paths, tokens, repeated headers.
    let urls: Vec<&str> = cases
        .iter()
        .filter_map(|c| c.json["url"].as_str())
        .collect();
    assert!(
        urls.iter().any(|u| u.contains("%20fn")) && urls.iter().any(|u| u.contains("%E1%88%B4/x"))
    );
    assert!(cases
        .iter()
        .any(|c| c.ours.canonical_request.contains("x-amz-security-token:")));
    assert!(cases
        .iter()
        .any(|c| c.ours.canonical_request.contains("my-header:a b,c\n")));
    println!("{CASES} requests signed alike by awsgen-runtime and botocore {BOTOCORE}");
}
