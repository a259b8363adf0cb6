//! The binaries `cargo xtask bench check` builds from clean (debug), side by side: one that creates an
//! endpoint configuration (a client with explicit credentials and region, `CreateEndpointConfig` with
//! one production variant) on the committed `sagemaker-endpoint-config` crate (default features:
//! the ureq + rustls transport), and the same program on `aws-sdk-sagemaker` (default features:
//! hyper, rustls, tokio), with tokio's `#[tokio::main]` to drive its async call. They need not run,
//! only build.

use super::check::{tiny_crate, Subject, Targets, AWS_SDK_VERSION};
use anyhow::Result;
use std::path::Path;

/// Ours: the committed crate by path (its runtime comes with it, by its own relative path).
const OURS_MAIN: &str = r#"//! Creates an endpoint configuration with the generated crate.
use awsgen_runtime::credentials::Credentials;
use sagemaker_endpoint_config::client::{Client, Config};
use sagemaker_endpoint_config::{CreateEndpointConfigInput, ProductionVariant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::new()
        .region("us-east-1")
        .credentials(Credentials::new("AKIDEXAMPLE", "SECRET", None, "explicit"));
    let client = Client::new(config)?;
    let variant = ProductionVariant::builder()
        .variant_name("main")
        .model_name("my-model")
        .initial_instance_count(1)
        .instance_type("ml.m5.large")
        .build()?;
    let input = CreateEndpointConfigInput::builder()
        .endpoint_config_name("my-config")
        .production_variants(vec![variant])
        .build()?;
    let output = client.create_endpoint_config(&input)?;
    println!("{output:?}");
    Ok(())
}
"#;

/// Theirs: the same program on the SDK (no aws-config: the config is built by hand).
const AWS_MAIN: &str = r#"//! Creates an endpoint configuration with aws-sdk-sagemaker.
use aws_sdk_sagemaker::config::{BehaviorVersion, Credentials, Region};
use aws_sdk_sagemaker::types::{ProductionVariant, ProductionVariantInstanceType};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = aws_sdk_sagemaker::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new("us-east-1"))
        .credentials_provider(Credentials::new("AKIDEXAMPLE", "SECRET", None, None, "explicit"))
        .build();
    let client = aws_sdk_sagemaker::Client::from_conf(config);
    let variant = ProductionVariant::builder()
        .variant_name("main")
        .model_name("my-model")
        .initial_instance_count(1)
        .instance_type(ProductionVariantInstanceType::MlM5Large)
        .build();
    let output = client
        .create_endpoint_config()
        .endpoint_config_name("my-config")
        .production_variants(variant)
        .send()
        .await?;
    println!("{output:?}");
    Ok(())
}
"#;

/// The two binaries, ours first.
pub(super) fn subjects(root: &Path) -> Result<[Subject; 2]> {
    let project = crate::paths::root();
    let krate = project.join("generated/rust/sagemaker-endpoint-config");
    let runtime = project.join("codegen/runtime");
    Ok([
        tiny_crate(
            root,
            "bench-bin-ours",
            "binary on sagemaker-endpoint-config (committed)".into(),
            &format!(
                "sagemaker-endpoint-config = {{ path = {:?} }}\n\
                 awsgen-runtime = {{ path = {:?}, default-features = false }}",
                krate.to_string_lossy(),
                runtime.to_string_lossy()
            ),
            Targets::Bins,
            OURS_MAIN,
        )?,
        tiny_crate(
            root,
            "bench-bin-aws",
            format!("binary on aws-sdk-sagemaker {AWS_SDK_VERSION}"),
            &format!(
                "aws-sdk-sagemaker = \"={AWS_SDK_VERSION}\"\n\
                 tokio = {{ version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }}"
            ),
            Targets::Bins,
            AWS_MAIN,
        )?,
    ])
}
