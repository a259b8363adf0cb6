//! aws-sdk-sagemaker for `cargo xtask bench wire` (written into target/bench/wire/benches/aws.rs):
//! the bench request built with its builders, and a client over a canned in-memory `HttpClient`.

use super::*;
use aws_sdk_sagemaker::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_sagemaker::operation::create_endpoint_config::builders::CreateEndpointConfigFluentBuilder;
use aws_sdk_sagemaker::types::*;
use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;

/// Answers every request with `200` and this body; keeps the last request body when asked.
#[derive(Debug, Clone)]
pub struct Canned {
    pub body: Vec<u8>,
    pub seen: Option<Arc<Mutex<Vec<u8>>>>,
}

impl HttpConnector for Canned {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        if let Some(seen) = &self.seen {
            *seen.lock().unwrap() = request.body().bytes().unwrap_or_default().to_vec();
        }
        let mut response = HttpResponse::new(
            StatusCode::try_from(200u16).unwrap(),
            SdkBody::from(self.body.clone()),
        );
        response.headers_mut().insert("content-type", CONTENT_TYPE);
        HttpConnectorFuture::ready(Ok(response))
    }
}

impl HttpClient for Canned {
    fn http_connector(
        &self,
        _: &HttpConnectorSettings,
        _: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(self.clone())
    }
}

pub fn client(body: Vec<u8>, seen: Option<Arc<Mutex<Vec<u8>>>>) -> aws_sdk_sagemaker::Client {
    let config = aws_sdk_sagemaker::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new(
            "AKIDEXAMPLE",
            "SECRET",
            None,
            None,
            "explicit",
        ))
        .http_client(Canned { body, seen })
        .build();
    aws_sdk_sagemaker::Client::from_conf(config)
}

const KMS: &str = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

fn variant(i: i32, name: &str) -> ProductionVariant {
    ProductionVariant::builder()
        .variant_name(name)
        .model_name(format!("model-{i}"))
        .initial_instance_count(2 + i)
        .instance_type("ml.m5.xlarge".into())
        .initial_variant_weight(0.5)
        .accelerator_type("ml.eia2.medium".into())
        .core_dump_config(
            ProductionVariantCoreDumpConfig::builder()
                .destination_s3_uri(format!("s3://bench-bucket/core-dumps/{name}"))
                .kms_key_id(KMS)
                .build(),
        )
        .serverless_config(
            ProductionVariantServerlessConfig::builder()
                .memory_size_in_mb(2048)
                .max_concurrency(20)
                .provisioned_concurrency(5)
                .build(),
        )
        .volume_size_in_gb(128)
        .model_data_download_timeout_in_seconds(1200)
        .container_startup_health_check_timeout_in_seconds(600)
        .enable_ssm_access(true)
        .managed_instance_scaling(
            ProductionVariantManagedInstanceScaling::builder()
                .status("ENABLED".into())
                .min_instance_count(1)
                .max_instance_count(8)
                .build(),
        )
        .routing_config(
            ProductionVariantRoutingConfig::builder()
                .routing_strategy("LEAST_OUTSTANDING_REQUESTS".into())
                .build(),
        )
        .inference_ami_version("al2-ami-sagemaker-inference-gpu-2".into())
        .build()
}

fn explainer() -> ExplainerConfig {
    let inference = ClarifyInferenceConfig::builder()
        .features_attribute("features")
        .content_template("{\"features\":$features}")
        .max_record_count(100)
        .max_payload_in_mb(6)
        .probability_index(1)
        .label_index(0)
        .probability_attribute("probability")
        .label_attribute("label")
        .label_headers("cat")
        .label_headers("dog")
        .feature_headers("age")
        .feature_headers("height")
        .feature_headers("review")
        .feature_types("numerical".into())
        .feature_types("numerical".into())
        .feature_types("text".into())
        .build();
    let shap = ClarifyShapConfig::builder()
        .shap_baseline_config(
            ClarifyShapBaselineConfig::builder()
                .mime_type("text/csv")
                .shap_baseline("1,2,3")
                .shap_baseline_uri("s3://bench-bucket/shap/baseline.csv")
                .build(),
        )
        .number_of_samples(100)
        .use_logit(false)
        .seed(42)
        .text_config(
            ClarifyTextConfig::builder()
                .language("en".into())
                .granularity("token".into())
                .build(),
        )
        .build();
    ExplainerConfig::builder()
        .clarify_explainer_config(
            ClarifyExplainerConfig::builder()
                .enable_explanations("`true`")
                .inference_config(inference)
                .shap_config(shap)
                .build(),
        )
        .build()
}

/// The request of `create_endpoint_config.json`, as a fluent builder ready to send.
pub fn create(client: &aws_sdk_sagemaker::Client) -> CreateEndpointConfigFluentBuilder {
    let capture = DataCaptureConfig::builder()
        .enable_capture(true)
        .initial_sampling_percentage(50)
        .destination_s3_uri("s3://bench-bucket/data-capture")
        .kms_key_id(KMS)
        .capture_options(
            CaptureOption::builder()
                .capture_mode("Input".into())
                .build(),
        )
        .capture_options(
            CaptureOption::builder()
                .capture_mode("Output".into())
                .build(),
        )
        .capture_content_type_header(
            CaptureContentTypeHeader::builder()
                .csv_content_types("text/csv")
                .csv_content_types("application/csv")
                .json_content_types("application/json")
                .json_content_types("application/jsonlines")
                .build(),
        )
        .build();
    let notification = AsyncInferenceNotificationConfig::builder()
        .success_topic("arn:aws:sns:us-east-1:123456789012:bench-success")
        .error_topic("arn:aws:sns:us-east-1:123456789012:bench-error")
        .include_inference_response_in("SUCCESS_NOTIFICATION_TOPIC".into())
        .include_inference_response_in("ERROR_NOTIFICATION_TOPIC".into())
        .build();
    let asynchronous = AsyncInferenceConfig::builder()
        .client_config(
            AsyncInferenceClientConfig::builder()
                .max_concurrent_invocations_per_instance(4)
                .build(),
        )
        .output_config(
            AsyncInferenceOutputConfig::builder()
                .kms_key_id(KMS)
                .s3_output_path("s3://bench-bucket/async/output")
                .notification_config(notification)
                .s3_failure_path("s3://bench-bucket/async/failure")
                .build(),
        )
        .build();
    let tags = (0..5)
        .map(|i| {
            Tag::builder()
                .key(format!("key-{i}"))
                .value(format!("value-{i}"))
                .build()
        })
        .collect();
    client
        .create_endpoint_config()
        .endpoint_config_name("bench-endpoint-config")
        .set_production_variants(Some(vec![
            variant(0, "variant-a"),
            variant(1, "variant-b"),
            variant(2, "variant-c"),
        ]))
        .data_capture_config(capture)
        .set_tags(Some(tags))
        .kms_key_id(KMS)
        .async_inference_config(asynchronous)
        .explainer_config(explainer())
        .shadow_production_variants(variant(3, "shadow-a"))
        .execution_role_arn("arn:aws:iam::123456789012:role/bench-role")
        .vpc_config(
            VpcConfig::builder()
                .security_group_ids("sg-0123456789abcdef0")
                .security_group_ids("sg-0fedcba9876543210")
                .subnets("subnet-0123456789abcdef0")
                .subnets("subnet-0fedcba9876543210")
                .build(),
        )
        .enable_network_isolation(true)
}
