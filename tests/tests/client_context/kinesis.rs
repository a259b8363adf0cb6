//! Copied into the crate generated for Kinesis by `tests/tests/client_context.rs`: every endpoint test
//! case of the Smithy model (`$KINESIS_MODEL`) that an operation call can reproduce is made through
//! the generated `Client` with a recording transport, and the request must go to the URL the case
//! expects (or the call must fail with the rule set's error before anything is sent). The
//! `OperationType` comes from the operation's `staticContextParams`, the ARNs from its input members'
//! `contextParam`s; the client's config gives Region, UseFIPS, UseDualStack and Endpoint.

use awsgen_runtime::credentials::Credentials;
use awsgen_runtime::http;
use awsgen_runtime::transport::{HttpTransport, TransportError};
use ctx_kinesis::client::{Client, Config, OperationError};
use serde_json::Value;
use std::sync::{Arc, Mutex};

/// Records each request's URI and answers `{}`.
#[derive(Debug, Default, Clone)]
struct Recorder(Arc<Mutex<Vec<String>>>);

impl HttpTransport for Recorder {
    fn send(&self, request: http::Request<Vec<u8>>) -> Result<http::Response<Vec<u8>>, TransportError> {
        self.0.lock().unwrap().push(request.uri().to_string());
        Ok(http::Response::builder().status(200).body(b"{}".to_vec()).unwrap())
    }
}

/// What one call gave: the URL the request went to, or the endpoint error.
fn call(case: &Value) -> Result<Option<String>, String> {
    let p = &case["params"];
    let s = |k: &str| p[k].as_str().map(str::to_string);
    let recorder = Recorder::default();
    let mut config = Config::new()
        .region(s("Region").unwrap())
        .credentials(Credentials::new("AKID", "SECRET", None, "test"))
        .use_fips(p["UseFIPS"].as_bool().unwrap_or(false))
        .use_dual_stack(p["UseDualStack"].as_bool().unwrap_or(false))
        .transport(recorder.clone());
    if let Some(e) = s("Endpoint") {
        config = config.endpoint_url(e);
    }
    let client = Client::new(config).map_err(|e| e.to_string())?;
    let (op, stream, consumer, resource) = (
        s("OperationType"),
        s("StreamARN"),
        s("ConsumerARN"),
        s("ResourceARN"),
    );
    let outcome = match (op.as_deref(), stream, consumer, resource) {
        (None, None, None, None) => {
            let input = ctx_kinesis::ListStreamsInput::builder().build().unwrap();
            client.list_streams(&input).map(drop).or_else(endpoint_error)
        }
        (Some("control"), stream, consumer, None) if stream.is_some() || consumer.is_some() => {
            let mut b = ctx_kinesis::DescribeStreamConsumerInput::builder();
            if let Some(a) = stream {
                b = b.stream_arn(a);
            }
            if let Some(a) = consumer {
                b = b.consumer_arn(a);
            }
            client.describe_stream_consumer(&b.build().unwrap()).map(drop).or_else(endpoint_error)
        }
        (Some("data"), Some(a), None, None) => {
            let input = ctx_kinesis::GetRecordsInput::builder()
                .shard_iterator("AAAA")
                .stream_arn(a)
                .build()
                .unwrap();
            client.get_records(&input).map(drop).or_else(endpoint_error)
        }
        (Some("control"), None, None, Some(a)) => {
            let input = ctx_kinesis::GetResourcePolicyInput::builder()
                .resource_arn(a)
                .build()
                .unwrap();
            client.get_resource_policy(&input).map(drop).or_else(endpoint_error)
        }
        other => panic!("no operation for {other:?}"),
    };
    outcome?;
    let sent = recorder.0.lock().unwrap().clone();
    Ok(sent.first().cloned())
}

/// Only an endpoint error or a validation error fails the call (the recorder's `{}` may not be a
/// valid output); a validation error (an ARN the member's pattern refuses) is marked as such.
fn endpoint_error<E>(e: OperationError<E>) -> Result<(), String> {
    match e {
        OperationError::Endpoint(e) => Err(e.to_string()),
        OperationError::Validation(v) => Err(format!("{VALIDATION}{v}")),
        _ => Ok(()),
    }
}

/// How a validation error's message starts.
const VALIDATION: &str = "invalid input: ";

/// The cases no operation call can make, with the reason.
fn unreachable(p: &Value) -> Option<&'static str> {
    let has = |k: &str| p.get(k).is_some();
    if !has("Region") {
        return Some("the client needs a region to sign (SigV4)");
    }
    let arns = has("StreamARN") || has("ConsumerARN") || has("ResourceARN");
    if arns && !has("OperationType") {
        return Some("every operation taking an ARN has a static OperationType");
    }
    if p["OperationType"] == "data" && (has("ConsumerARN") || has("ResourceARN")) {
        return Some(
            "the only data operation with ConsumerARN (SubscribeToShard) is an event stream, and none takes ResourceARN",
        );
    }
    None
}

/// The rule tests write account `123`, which the ARN members' pattern (a 12-digit account) refuses
/// client-side: use `123456789012` in the ARNs and in the expected URL instead.
fn twelve_digit_account(mut p: Value, mut expect: Value) -> (Value, Value) {
    const LONG: &str = "123456789012";
    for k in ["StreamARN", "ConsumerARN", "ResourceARN"] {
        if let Some(a) = p[k].as_str().filter(|a| a.contains(":123:")) {
            p[k] = Value::String(a.replace(":123:", &format!(":{LONG}:")));
        }
    }
    if let Some(u) = expect["endpoint"]["url"].as_str().filter(|u| u.starts_with("https://123.")) {
        expect["endpoint"]["url"] = Value::String(u.replacen("https://123.", &format!("https://{LONG}."), 1));
    }
    (p, expect)
}

#[test]
fn endpoint_tests_through_operation_calls() {
    let path = std::env::var("KINESIS_MODEL").expect("KINESIS_MODEL");
    let model: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let service = model["shapes"]
        .as_object()
        .unwrap()
        .values()
        .find(|s| s["type"] == "service")
        .unwrap();
    let cases = service["traits"]["smithy.rules#endpointTests"]["testCases"]
        .as_array()
        .unwrap();
    let (mut passed, mut skipped, mut with_context, mut refused) = (0, 0, 0, 0);
    for case in cases {
        let p = case.get("params").cloned().unwrap_or_default();
        if let Some(why) = unreachable(&p) {
            eprintln!("skipped {:?}: {why}", case["documentation"]);
            skipped += 1;
            continue;
        }
        let (p, expect) = twelve_digit_account(p, case["expect"].clone());
        let case = serde_json::json!({"params": p, "expect": expect, "documentation": case["documentation"]});
        let got = call(&case);
        let doc = &case["documentation"];
        match (&case["expect"]["endpoint"]["url"], &case["expect"]["error"]) {
            (Value::String(url), _) => {
                let sent = got.unwrap_or_else(|e| panic!("{doc}: endpoint error {e}"));
                let sent = sent.unwrap_or_else(|| panic!("{doc}: nothing sent"));
                assert!(
                    sent.trim_end_matches('/') == url.trim_end_matches('/')
                        || sent.starts_with(&format!("{}/", url.trim_end_matches('/'))),
                    "{doc}: sent to {sent}, expected {url}"
                );
            }
            (_, Value::String(message)) => {
                let e = got.expect_err(&format!("{doc}: expected the error {message}"));
                if e.starts_with(VALIDATION) {
                    // Refused before the rule set runs: nothing is sent either way.
                    refused += 1;
                } else {
                    assert!(e.contains(message.as_str()), "{doc}: {e} is not {message}");
                }
            }
            other => panic!("{doc}: unexpected expectation {other:?}"),
        }
        if p.get("OperationType").is_some() {
            with_context += 1;
        }
        passed += 1;
    }
    eprintln!(
        "kinesis endpoint tests through calls: {passed} passed ({with_context} with context \
         parameters, {refused} of the expected errors refused earlier by input validation), {skipped} skipped"
    );
    assert!(with_context >= 50, "only {with_context} cases used context parameters");
}
