//! The codec fuzz targets' invariants (`fuzz/fuzz_targets/codec_*.rs`), shared with the replay test
//! `tests/tests/codec_fuzz_regressions.rs` so that both run exactly the same code paths: the
//! committed SageMaker crate (awsJson1_1) and the `restjson` fixture crate (restJson1 with label,
//! query, header, prefix-header, payload and status-code bindings and a modeled error).
//!
//! Invariant: no panic, every failure an `Err`; a request body that was written can be read back;
//! a response body is bounded by the input (it is the input's tail).

#![allow(dead_code)]

use arbitrary::Unstructured;
use awsgen_runtime::http;
use awsgen_runtime::primitives::DateTime;
use awsgen_runtime::schema::{json, FromWire};
use fixture_restjson as rj;
use sagemaker_endpoint_config as sm;
use std::collections::BTreeMap;

/// `data` as the JSON body of every input type of both crates; each one that reads is validated
/// and serialized as its operation's request.
pub fn json_request(data: &[u8]) {
    // awsJson1_1: the input is the body.
    macro_rules! aws_json {
        ($($t:ident => $op:ident),* $(,)?) => {$(
            if let Ok(input) = json::from_slice::<sm::$t>(data) {
                let _ = input.validate().map_err(|e| e.to_string());
                if let Ok(req) = sm::operations::$op::serialize_request(&input) {
                    reread::<sm::$t>(stringify!($t), req.body());
                }
            }
        )*};
    }
    aws_json!(
        CreateEndpointConfigInput => create_endpoint_config,
        CreateModelInput => create_model,
        DeleteEndpointConfigInput => delete_endpoint_config,
        DeleteModelInput => delete_model,
        DescribeEndpointConfigInput => describe_endpoint_config,
        DescribeModelInput => describe_model,
        ListEndpointConfigsInput => list_endpoint_configs,
    );

    // restJson1: the body (or payload) members come from the JSON, the members bound to the URI,
    // query and headers from the same object's keys by their wire names (labels fall back to a
    // fixed value so that serializing gets past them).
    let Ok(tree) = json::parse(data) else {
        return;
    };
    let label = |k: &str, default: &str| bound::<String>(&tree, k).or(Some(default.into()));
    if let Ok(mut input) = json::from_slice::<rj::PutItemInput>(data) {
        input.bucket = label("Bucket", "bucket");
        input.key = label("Key", "a/key");
        input.version = bound(&tree, "Version");
        input.extra = string_map(&tree, "Extra");
        input.token = bound(&tree, "Token");
        input.meta = string_map(&tree, "Meta");
        input.since = bound::<DateTime>(&tree, "Since");
        rest(
            &input,
            rj::PutItemInput::validate,
            rj::operations::put_item::serialize_request,
        );
        if let Ok(req) = rj::operations::put_item::serialize_request(&input) {
            reread::<rj::PutItemInput>("PutItemInput", req.body());
        }
    }
    macro_rules! rest_json {
        ($($t:ident => $op:ident),* $(,)?) => {$(
            if let Ok(mut input) = json::from_slice::<rj::$t>(data) {
                input.id = label("Id", "id");
                rest(&input, rj::$t::validate, rj::operations::$op::serialize_request);
            }
        )*};
    }
    rest_json!(
        GetDocInput => get_doc,
        PutChoiceInput => put_choice,
        PutMaybeInput => put_maybe,
        PutStructInput => put_struct,
        UploadInput => upload,
    );
}

fn rest<T, V, E: std::fmt::Display>(
    input: &T,
    validate: fn(&T) -> Result<(), V>,
    serialize: fn(&T) -> Result<http::Request<Vec<u8>>, E>,
) {
    let _ = validate(input);
    if let Err(e) = serialize(input) {
        let _ = e.to_string();
    }
}

/// A request body the codec wrote reads back as the same type (a writer that emits what its own
/// reader refuses is a bug, even without a panic).
fn reread<T: FromWire>(what: &str, body: &[u8]) {
    if let Err(e) = json::from_slice::<T>(body) {
        panic!(
            "{what}: the serialized body does not read back: {e}\nbody: {}",
            String::from_utf8_lossy(body)
        );
    }
}

/// Member `k` of a JSON object, read as `T` (unset when absent or unreadable).
fn bound<T: FromWire>(tree: &serde_json::Value, k: &str) -> Option<T> {
    let v = tree.get(k)?;
    json::from_slice::<T>(&serde_json::to_vec(v).ok()?).ok()
}

/// Member `k` of a JSON object, read as a map of strings.
fn string_map(tree: &serde_json::Value, k: &str) -> Option<BTreeMap<String, String>> {
    serde_json::from_value(tree.get(k)?.clone()).ok()
}

/// Header names the operations read (drawn often), beside arbitrary ones.
const HEADER_NAMES: &[&str] = &[
    "content-type",
    "etag",
    "x-meta-",
    "x-meta-a",
    "X-Meta-Color",
    "x-token",
    "x-amzn-errortype",
    "x-amzn-query-error",
    "x-amzn-requestid",
    "x-amz-request-id",
];

/// Status codes the operations distinguish (drawn often), beside arbitrary ones.
const STATUSES: &[u16] = &[200, 201, 204, 206, 299, 300, 400, 404, 409, 500, 503];

/// A response drawn from fuzz input: which operation reads it, and the response (status and
/// headers that `http` accepts; the body is the input's tail, so bounded by the input).
///
/// The layout, so that seeds are easy to write (`fuzz/README.md`): an operation byte; a status (a
/// byte whose low bit picks a common status by the next byte, else two big-endian bytes give
/// 100..=999); a header count byte (mod 9); per header a byte whose low bit picks a known name by
/// the next byte (a name ending in `-` then takes a suffix: a length byte and that many bytes),
/// else a length byte and the name's bytes; then a length byte and the value's bytes; then the
/// body (the rest). A header that `http` refuses is left out.
pub fn decode_response(data: &[u8]) -> Option<(u8, http::Response<Vec<u8>>)> {
    fn short<'a>(u: &mut Unstructured<'a>) -> Option<&'a [u8]> {
        let len = usize::from(u.arbitrary::<u8>().ok()?);
        u.bytes(len.min(u.len())).ok()
    }
    let mut u = Unstructured::new(data);
    let op: u8 = u.arbitrary().ok()?;
    let status = if u.arbitrary::<bool>().ok()? {
        *u.choose(STATUSES).ok()?
    } else {
        u.int_in_range(100..=999).ok()?
    };
    let mut b = http::Response::builder().status(status);
    let n = u.int_in_range(0..=8u8).ok()?;
    for _ in 0..n {
        let name: Vec<u8> = if u.arbitrary::<bool>().ok()? {
            let known = *u.choose(HEADER_NAMES).ok()?;
            let suffix = if known.ends_with('-') {
                short(&mut u)?
            } else {
                &[]
            };
            [known.as_bytes(), suffix].concat()
        } else {
            short(&mut u)?.to_vec()
        };
        let value = short(&mut u)?;
        if let (Ok(k), Ok(v)) = (
            http::HeaderName::from_bytes(&name),
            http::HeaderValue::from_bytes(value),
        ) {
            b = b.header(k, v);
        }
    }
    let body = u.take_rest().to_vec();
    Some((op, b.body(body).ok()?))
}

/// `data` drawn as a response (see [`decode_response`]) and read by one operation of either crate
/// (every 2xx output and modeled error, and `Display`, `code()` and `message()` of every error).
/// Returns the operation's name and what it read (`ok: <output>` or `err: <error>`), or `None`
/// when the input draws no response.
pub fn response(data: &[u8]) -> Option<(&'static str, String)> {
    let (op, response) = decode_response(data)?;
    macro_rules! parse {
        ($($m:path),* $(,)?) => {{
            type Parse = fn(&http::Response<Vec<u8>>) -> String;
            let ops: &[(&str, Parse)] = &[$((stringify!($m), |r| {
                use $m as m;
                match m::parse_response(r) {
                    Ok(out) => format!("ok: {out:?}"),
                    Err(e) => format!("err: {e} {:?} {:?} {e:?}", e.code(), e.message()),
                }
            })),*];
            let (name, parse) = ops[usize::from(op) % ops.len()];
            Some((name, parse(&response)))
        }};
    }
    parse!(
        sm::operations::create_endpoint_config,
        sm::operations::create_model,
        sm::operations::delete_endpoint_config,
        sm::operations::delete_model,
        sm::operations::describe_endpoint_config,
        sm::operations::describe_model,
        sm::operations::list_endpoint_configs,
        rj::operations::get_doc,
        rj::operations::put_choice,
        rj::operations::put_item,
        rj::operations::put_maybe,
        rj::operations::put_struct,
        rj::operations::upload,
    )
}
