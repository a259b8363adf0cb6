//! `cargo xtask bench wire`'s criterion bench (written into target/bench/wire/benches/wire.rs): a
//! full CreateEndpointConfig request and a full DescribeEndpointConfig response, through the
//! generated crate (its `serialize_request` / `parse_response`, and its `Client` over an in-memory
//! transport) and through `aws-sdk-sagemaker`'s `Client` over an in-memory `HttpClient`, in one run
//! and one profile. No network anywhere: both in-memory transports hand back a canned response.

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::sync::{Arc, Mutex};

const CREATE_JSON: &str = include_str!("../create_endpoint_config.json");
const DESCRIBE_JSON: &str = include_str!("../describe_endpoint_config.json");
const CREATE_RESPONSE: &str = r#"{"EndpointConfigArn":"arn:aws:sagemaker:us-east-1:123456789012:endpoint-config/bench-endpoint-config"}"#;
const CONTENT_TYPE: &str = "application/x-amz-json-1.1";

/// The JSON text without its indentation (what a service sends).
fn compact(json: &str) -> Vec<u8> {
    let value: serde_json::Value = serde_json::from_str(json).expect("bench JSON");
    serde_json::to_vec(&value).expect("bench JSON")
}

mod ours {
    //! The generated crate: its input parsed from the bench JSON, a client over a canned transport.
    use super::*;
    use awsgen_runtime::credentials::Credentials;
    use awsgen_runtime::transport::{HttpTransport, TransportError};
    use sagemaker_endpoint_config::client::{Client, Config};

    /// Answers every request with `200` and this body; keeps the last request body when asked.
    #[derive(Debug)]
    pub struct Canned {
        pub body: Vec<u8>,
        pub seen: Option<Arc<Mutex<Vec<u8>>>>,
    }

    impl HttpTransport for Canned {
        fn send(
            &self,
            request: http::Request<Vec<u8>>,
        ) -> Result<http::Response<Vec<u8>>, TransportError> {
            if let Some(seen) = &self.seen {
                *seen.lock().unwrap() = request.body().clone();
            }
            Ok(http::Response::builder()
                .status(200)
                .header("content-type", CONTENT_TYPE)
                .body(self.body.clone())
                .expect("response"))
        }
    }

    pub fn client(body: Vec<u8>, seen: Option<Arc<Mutex<Vec<u8>>>>) -> Client {
        let config = Config::new()
            .region("us-east-1")
            .credentials(Credentials::new("AKIDEXAMPLE", "SECRET", None, "explicit"))
            .transport(Canned { body, seen });
        Client::new(config).expect("client")
    }
}

mod aws;

/// Before anything is timed: both sides send the same document for the bench request, and read the
/// whole bench response (so no number below measures an error path).
fn check_same_work(
    rt: &tokio::runtime::Runtime,
    input: &sagemaker_endpoint_config::CreateEndpointConfigInput,
) {
    let ours_seen = Arc::new(Mutex::new(Vec::new()));
    let aws_seen = Arc::new(Mutex::new(Vec::new()));
    let body = compact(CREATE_RESPONSE);
    ours::client(body.clone(), Some(ours_seen.clone()))
        .create_endpoint_config(input)
        .expect("ours: CreateEndpointConfig");
    rt.block_on(aws::create(&aws::client(body, Some(aws_seen.clone()))).send())
        .expect("aws-sdk: CreateEndpointConfig");
    let parse = |b: &[u8]| serde_json::from_slice::<serde_json::Value>(b).expect("request body");
    let (ours_body, aws_body) = (
        parse(&ours_seen.lock().unwrap()),
        parse(&aws_seen.lock().unwrap()),
    );
    assert_eq!(
        ours_body,
        parse(&compact(CREATE_JSON)),
        "ours sends the bench request"
    );
    assert_eq!(
        aws_body, ours_body,
        "both send the same CreateEndpointConfig document"
    );
    let ours_out = ours::client(compact(DESCRIBE_JSON), None)
        .describe_endpoint_config(&describe_input())
        .expect("ours: DescribeEndpointConfig");
    let aws_out = rt
        .block_on(
            aws::client(compact(DESCRIBE_JSON), None)
                .describe_endpoint_config()
                .endpoint_config_name("bench-endpoint-config")
                .send(),
        )
        .expect("aws-sdk: DescribeEndpointConfig");
    let ours_variants = ours_out.production_variants.as_deref().unwrap_or_default();
    assert_eq!(ours_variants.len(), 3);
    assert_eq!(aws_out.production_variants().len(), 3);
    assert_eq!(
        ours_variants[2].routing_config,
        input.production_variants.as_ref().unwrap()[2].routing_config
    );
    assert_eq!(
        aws_out
            .explainer_config()
            .and_then(|e| e.clarify_explainer_config())
            .and_then(|c| c.shap_config())
            .and_then(|s| s.seed()),
        Some(42)
    );
    assert!(ours_out.explainer_config.is_some() && ours_out.creation_time.is_some());
    assert!(aws_out.creation_time().is_some() && aws_out.vpc_config().is_some());
}

fn describe_input() -> sagemaker_endpoint_config::DescribeEndpointConfigInput {
    sagemaker_endpoint_config::DescribeEndpointConfigInput::builder()
        .endpoint_config_name("bench-endpoint-config")
        .build()
        .expect("input")
}

fn bench(c: &mut Criterion) {
    use sagemaker_endpoint_config::operations::{create_endpoint_config, describe_endpoint_config};
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let input: sagemaker_endpoint_config::CreateEndpointConfigInput =
        serde_json::from_str(CREATE_JSON).expect("bench request");
    input.validate().expect("the bench request is valid");
    check_same_work(&rt, &input);

    let mut g = c.benchmark_group("CreateEndpointConfig");
    g.throughput(Throughput::Elements(1));
    g.bench_function("awsgen serialize_request", |b| {
        b.iter(|| create_endpoint_config::serialize_request(black_box(&input)).unwrap())
    });
    let client = ours::client(compact(CREATE_RESPONSE), None);
    g.bench_function(
        "awsgen Client (validate, serialize, endpoint, sign, parse)",
        |b| b.iter(|| client.create_endpoint_config(black_box(&input)).unwrap()),
    );
    let sdk = aws::client(compact(CREATE_RESPONSE), None);
    let call = aws::create(&sdk);
    g.bench_function(
        "aws-sdk Client (clone input, serialize, endpoint, sign, parse)",
        |b| b.iter(|| rt.block_on(black_box(&call).clone().send()).unwrap()),
    );
    g.bench_function("aws-sdk clone of the fluent builder alone", |b| {
        b.iter(|| black_box(&call).clone())
    });
    g.finish();

    let mut g = c.benchmark_group("DescribeEndpointConfig");
    g.throughput(Throughput::Elements(1));
    let response = http::Response::builder()
        .status(200)
        .header("content-type", CONTENT_TYPE)
        .body(compact(DESCRIBE_JSON))
        .unwrap();
    g.bench_function("awsgen parse_response", |b| {
        b.iter(|| describe_endpoint_config::parse_response(black_box(&response)).unwrap())
    });
    let client = ours::client(compact(DESCRIBE_JSON), None);
    let describe = describe_input();
    g.bench_function(
        "awsgen Client (validate, serialize, endpoint, sign, parse)",
        |b| {
            b.iter(|| {
                client
                    .describe_endpoint_config(black_box(&describe))
                    .unwrap()
            })
        },
    );
    let sdk = aws::client(compact(DESCRIBE_JSON), None);
    g.bench_function("aws-sdk Client (serialize, endpoint, sign, parse)", |b| {
        b.iter(|| {
            rt.block_on(
                sdk.describe_endpoint_config()
                    .endpoint_config_name("bench-endpoint-config")
                    .send(),
            )
            .unwrap()
        })
    });
    g.finish();

    // The fixed cost of one call on each side: a one-member request, an empty response.
    let mut g = c.benchmark_group("DeleteEndpointConfig");
    g.throughput(Throughput::Elements(1));
    let client = ours::client(b"{}".to_vec(), None);
    let delete = sagemaker_endpoint_config::DeleteEndpointConfigInput::builder()
        .endpoint_config_name("bench-endpoint-config")
        .build()
        .expect("input");
    g.bench_function(
        "awsgen Client (validate, serialize, endpoint, sign, parse)",
        |b| b.iter(|| client.delete_endpoint_config(black_box(&delete)).unwrap()),
    );
    let sdk = aws::client(b"{}".to_vec(), None);
    g.bench_function("aws-sdk Client (serialize, endpoint, sign, parse)", |b| {
        b.iter(|| {
            rt.block_on(
                sdk.delete_endpoint_config()
                    .endpoint_config_name("bench-endpoint-config")
                    .send(),
            )
            .unwrap()
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .sample_size(50)
        .warm_up_time(std::time::Duration::from_secs(1))
        .measurement_time(std::time::Duration::from_secs(4));
    targets = bench
}
criterion_main!(benches);
