//! The committed SageMaker crate's `Client` against moto's server (`moto[server]` in the venv of
//! `$BOTOCORE_PYTHON`; this test fails when it is missing): a model, three endpoint configurations
//! created, described, listed page by page and through the paginators, one deleted and described
//! again for the service's error; an invalid name refused before anything is sent.

use awsgen_runtime::credentials::Credentials;
use awsgen_runtime::http;
use awsgen_runtime::transport::{HttpTransport, TransportError, UreqTransport};
use sagemaker_endpoint_config::client::{Client, Config, OperationError};
use sagemaker_endpoint_config::{
    ContainerDefinition, CreateEndpointConfigInput, CreateModelInput, DeleteEndpointConfigInput,
    DescribeEndpointConfigInput, DescribeModelInput, ListEndpointConfigsInput, ProductionVariant,
};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// moto's server, killed when dropped (also when the test fails).
struct Moto(Child);

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_moto() -> (Moto, u16) {
    let python = std::env::var("BOTOCORE_PYTHON").expect(
        "BOTOCORE_PYTHON is not set: make the venv with botocore and moto[server] (see .ci/run)",
    );
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(&python)
        .args([
            "-m",
            "moto.server",
            "-H",
            "127.0.0.1",
            "-p",
            &port.to_string(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {python} -m moto.server: {e}"));
    let mut moto = Moto(child);
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        if let Ok(Some(status)) = moto.0.try_wait() {
            panic!(
                "moto.server exited with {status}: is moto[server] installed in {python}'s venv?"
            );
        }
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "moto.server did not start in 60 s"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    (moto, port)
}

/// The default transport, counting what it sends.
#[derive(Debug, Default)]
struct Counting {
    inner: UreqTransport,
    sent: Arc<AtomicUsize>,
}

impl HttpTransport for Counting {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, TransportError> {
        self.sent.fetch_add(1, Ordering::SeqCst);
        self.inner.send(request)
    }
}

fn variant(name: &str) -> ProductionVariant {
    ProductionVariant::builder()
        .variant_name(name)
        .model_name("m1")
        .initial_instance_count(2)
        .instance_type("ml.m5.large")
        .initial_variant_weight(0.5)
        .build()
        .unwrap()
}

#[test]
fn endpoint_configuration_lifecycle_against_moto() {
    let (_moto, port) = start_moto();
    let sent = Arc::new(AtomicUsize::new(0));
    let config = Config::new()
        .region("us-east-1")
        .credentials(Credentials::new("AKIDTEST", "SECRETTEST", None, "explicit"))
        .endpoint_url(format!("http://127.0.0.1:{port}"))
        .transport(Counting {
            sent: sent.clone(),
            ..Counting::default()
        });
    let client = Client::new(config).expect("client");

    let model = CreateModelInput::builder()
        .model_name("m1")
        .execution_role_arn("arn:aws:iam::123456789012:role/sm")
        .primary_container(
            ContainerDefinition::builder()
                .image("123456789012.dkr.ecr.us-east-1.amazonaws.com/img:1")
                .build()
                .unwrap(),
        )
        .build()
        .unwrap();
    let created = client.create_model(&model).expect("CreateModel");
    assert!(
        created
            .model_arn
            .as_deref()
            .is_some_and(|a| a.ends_with("model/m1")),
        "{created:?}"
    );
    let described = client
        .describe_model(
            &DescribeModelInput::builder()
                .model_name("m1")
                .build()
                .unwrap(),
        )
        .expect("DescribeModel");
    assert_eq!(described.model_name.as_deref(), Some("m1"));
    assert_eq!(described.execution_role_arn, model.execution_role_arn);

    let names = ["ec-a", "ec-b", "ec-c"];
    for (i, name) in names.iter().enumerate() {
        let input = CreateEndpointConfigInput::builder()
            .endpoint_config_name(*name)
            .production_variants(vec![variant(&format!("v{i}")), variant("w")])
            .kms_key_id("key-1")
            .build()
            .unwrap();
        let out = client
            .create_endpoint_config(&input)
            .expect("CreateEndpointConfig");
        assert!(
            out.endpoint_config_arn
                .as_deref()
                .is_some_and(|a| a.ends_with(&format!("endpoint-config/{name}"))),
            "{out:?}"
        );
    }

    let describe = |name: &str| {
        client.describe_endpoint_config(
            &DescribeEndpointConfigInput::builder()
                .endpoint_config_name(name)
                .build()
                .unwrap(),
        )
    };
    let d = describe("ec-b").expect("DescribeEndpointConfig");
    assert_eq!(d.endpoint_config_name.as_deref(), Some("ec-b"));
    assert_eq!(d.kms_key_id.as_deref(), Some("key-1"));
    assert_eq!(
        d.production_variants,
        Some(vec![variant("v1"), variant("w")])
    );
    assert!(d.creation_time.is_some());

    let one_per_page = ListEndpointConfigsInput::builder()
        .max_results(1)
        .build()
        .unwrap();
    let first = client
        .list_endpoint_configs(&one_per_page)
        .expect("ListEndpointConfigs");
    let page: Vec<_> = first.endpoint_configs.clone().unwrap_or_default();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].endpoint_config_name.as_deref(), Some("ec-a"));
    assert!(
        first.next_token.is_some(),
        "MaxResults=1 of 3 gives a next token"
    );
    let pages: Vec<_> = client
        .list_endpoint_configs_pages(&one_per_page)
        .collect::<Result<_, _>>()
        .expect("pages");
    assert_eq!(pages.len(), 3);
    let listed: Vec<String> = client
        .list_endpoint_configs_items(&one_per_page)
        .map(|s| s.expect("item").endpoint_config_name.unwrap())
        .collect();
    assert_eq!(listed, names);

    client
        .delete_endpoint_config(
            &DeleteEndpointConfigInput::builder()
                .endpoint_config_name("ec-b")
                .build()
                .unwrap(),
        )
        .expect("DeleteEndpointConfig");
    match describe("ec-b") {
        Err(OperationError::Service(e)) => {
            assert_eq!(e.code(), Some("ValidationException"), "{e}");
            let m = e.message().unwrap_or_default();
            assert!(
                m.contains("Could not find endpoint configuration") && m.contains("ec-b"),
                "{m}"
            );
        }
        other => panic!("expected the service's error, got {other:?}"),
    }

    let before = sent.load(Ordering::SeqCst);
    match describe("not a valid name!") {
        Err(OperationError::Validation(v)) => {
            assert!(v.to_string().contains("EndpointConfigName"), "{v}");
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(
        sent.load(Ordering::SeqCst),
        before,
        "an invalid input sent a request"
    );
}
