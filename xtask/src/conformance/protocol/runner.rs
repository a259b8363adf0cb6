// Support code of the protocol conformance runner: copied verbatim into the runner crate that
// `cargo xtask conformance protocol` builds (it is not part of xtask itself). The generated part of
// the runner (one function per case) follows this text.

#![allow(dead_code, clippy::all)]

use awsgen_runtime::http;
use serde_json::Value;

/// The token the suites expect where a client fills an idempotency token (they inject a fixed
/// generator); ours is random, so any version 4 UUID stands for it.
const FIXED_TOKEN: &str = "00000000-0000-4000-8000-000000000000";

fn is_v4_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 36
        && [8, 13, 18, 23].iter().all(|&i| b[i] == b'-')
        && b[14] == b'4'
        && s.chars().filter(|c| *c != '-').all(|c| c.is_ascii_hexdigit())
}

/// JSON equality where the fixed token matches any v4 UUID.
fn json_eq(want: &Value, got: &Value) -> bool {
    match (want, got) {
        (Value::String(w), Value::String(g)) if w == FIXED_TOKEN => is_v4_uuid(g),
        (Value::Object(w), Value::Object(g)) => {
            w.len() == g.len() && w.iter().all(|(k, v)| g.get(k).is_some_and(|x| json_eq(v, x)))
        }
        (Value::Array(w), Value::Array(g)) => {
            w.len() == g.len() && w.iter().zip(g).all(|(a, b)| json_eq(a, b))
        }
        (Value::Number(w), Value::Number(g)) => w.as_f64() == g.as_f64(),
        _ => want == got,
    }
}

fn decode(s: &str) -> String {
    percent_encoding::percent_decode_str(s).decode_utf8_lossy().into_owned()
}

/// Query parameters, decoded, sorted by name (order kept within a name).
fn query_pairs(q: &str) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = q
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

/// The request must match the case's `serialized` (method, path, query, headers, forbidden
/// headers, body as JSON or bytes, host prefix).
pub fn check_request(req: &http::Request<Vec<u8>>, expected: &str) -> Result<(), String> {
    let want: Value = serde_json::from_str(expected).map_err(|e| e.to_string())?;
    let mut problems = Vec::new();
    if let Some(m) = want["method"].as_str() {
        if req.method().as_str() != m {
            problems.push(format!("method {} != {m}", req.method()));
        }
    }
    if let Some(uri) = want["uri"].as_str() {
        let (wp, wq) = uri.split_once('?').unwrap_or((uri, ""));
        let got = req.uri();
        if got.path() != wp {
            problems.push(format!("path `{}` != `{wp}`", got.path()));
        }
        let (gq, wq) = (query_pairs(got.query().unwrap_or("")), query_pairs(wq));
        let token = |(gk, gv): &(String, String), (wk, wv): &(String, String)| {
            gk == wk && (gv == wv || (wv == FIXED_TOKEN && is_v4_uuid(gv)))
        };
        if gq.len() != wq.len() || !gq.iter().zip(&wq).all(|(g, w)| token(g, w)) {
            problems.push(format!("query {gq:?} != {wq:?}"));
        }
    }
    if let Some(h) = want["headers"].as_object() {
        for (k, v) in h {
            let got: Vec<&str> = req.headers().get_all(k.as_str()).iter().filter_map(|x| x.to_str().ok()).collect();
            let got = got.join(", ");
            let w = v.as_str().unwrap_or_default();
            if got != w && !(w == FIXED_TOKEN && is_v4_uuid(&got)) {
                problems.push(format!("header {k}: `{got}` != `{w}`"));
            }
        }
    }
    // The botocore differential lists every header botocore set: we set no other.
    // (`ignoreHeaders`: those it leaves to its HTTP layer where we set them, see botocore_diff.py.)
    if let (Some(true), Some(h)) = (want["onlyHeaders"].as_bool(), want["headers"].as_object()) {
        let ignored: Vec<&str> = want["ignoreHeaders"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
        for k in req.headers().keys() {
            if !h.keys().any(|w| w.eq_ignore_ascii_case(k.as_str())) && !ignored.contains(&k.as_str()) {
                problems.push(format!("header {k} set, botocore sets none"));
            }
        }
    }
    if let Some(f) = want["forbidHeaders"].as_array() {
        for k in f.iter().filter_map(Value::as_str) {
            if req.headers().contains_key(k) {
                problems.push(format!("forbidden header {k} present"));
            }
        }
    }
    if let Some(b) = want.get("body").and_then(Value::as_str) {
        let got = req.body();
        if b.is_empty() {
            if !got.is_empty() {
                problems.push(format!("body `{}` != empty", String::from_utf8_lossy(got)));
            }
        } else {
            match (serde_json::from_str::<Value>(b), serde_json::from_slice::<Value>(got)) {
                (Ok(w), Ok(g)) if json_eq(&w, &g) => {}
                (Ok(_), _) => problems.push(format!("body `{}` != `{b}`", String::from_utf8_lossy(got))),
                (Err(_), _) if got == b.as_bytes() => {}
                (Err(_), _) => problems.push(format!("body `{}` != `{b}`", String::from_utf8_lossy(got))),
            }
        }
    }
    if let Some(host) = want["host"].as_str() {
        let prefix = req.extensions().get::<awsgen_runtime::HostPrefix>().map(|p| p.0.clone()).unwrap_or_default();
        let got = format!("{prefix}example.com");
        if got != host {
            problems.push(format!("host `{got}` != `{host}`"));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("; ")) }
}

/// The case's `response` as an `http::Response`.
pub fn response(spec: &str) -> Result<http::Response<Vec<u8>>, String> {
    let v: Value = serde_json::from_str(spec).map_err(|e| e.to_string())?;
    let mut b = http::Response::builder().status(v["status_code"].as_u64().unwrap_or(200) as u16);
    if let Some(h) = v["headers"].as_object() {
        for (k, x) in h {
            b = b.header(k.as_str(), x.as_str().unwrap_or_default());
        }
    }
    let body = v["body"].as_str().unwrap_or_default().as_bytes().to_vec();
    b.body(body).map_err(|e| e.to_string())
}

/// Values are compared through `Debug` (floats: `NaN` equals `NaN`).
pub fn same<T: std::fmt::Debug>(got: &T, want: &T) -> Result<(), String> {
    let (g, w) = (format!("{got:?}"), format!("{want:?}"));
    if g == w { Ok(()) } else { Err(format!("parsed {g}\n    expected {w}")) }
}

fn main() {
    for (name, case) in CASES {
        let outcome = std::panic::catch_unwind(case).unwrap_or_else(|_| Err("panicked".to_string()));
        match outcome {
            Ok(()) => println!("PASS\t{name}"),
            Err(why) => println!("FAIL\t{name}\t{}", why.replace('\n', " ")),
        }
    }
}
