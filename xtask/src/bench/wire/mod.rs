//! `cargo xtask bench wire` (only when named; a few minutes, most of it building `aws-sdk-sagemaker`
//! in release): requests and responses per second. Writes a criterion bench crate into
//! `target/bench/wire/` (its own workspace and lock file) that depends on the committed
//! `sagemaker-endpoint-config` by path and on `aws-sdk-sagemaker` (the release `bench check` uses),
//! and runs it once with `cargo bench`: both crates in the same (`bench`, i.e. release) profile. It
//! serializes a full CreateEndpointConfig request (`create_endpoint_config.json`: every member both
//! crates know, three production variants and a shadow one, tags, data capture, async inference,
//! explainer, VPC) and parses a full DescribeEndpointConfig response (`describe_endpoint_config.json`)
//! through our `serialize_request` / `parse_response`, through our `Client` over an in-memory
//! transport, and through the SDK's `Client` over an in-memory `HttpClient` (its serializers are
//! `pub(crate)`); see `bench_main.rs` for exactly what each number includes.

use super::check::{load_average, AWS_SDK_VERSION};
use anyhow::{bail, Context, Result};
use std::process::Command;

const BENCH: &str = include_str!("bench_main.rs");
const BENCH_SDK: &str = include_str!("bench_sdk.rs");
const CREATE: &str = include_str!("create_endpoint_config.json");
const DESCRIBE: &str = include_str!("describe_endpoint_config.json");

/// The bench crate's manifest. The SDK goes without its HTTPS client (the bench gives it an
/// in-memory one) but with tokio, whose sleep its retry layer needs.
fn manifest(krate: &str, runtime: &str) -> String {
    format!(
        "[package]\nname = \"bench-wire\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\nautobenches = false\n\n\
         [dependencies]\n\
         sagemaker-endpoint-config = {{ path = {krate:?}, default-features = false }}\n\
         awsgen-runtime = {{ path = {runtime:?}, default-features = false }}\n\
         aws-sdk-sagemaker = {{ version = \"={AWS_SDK_VERSION}\", default-features = false, \
         features = [\"rt-tokio\"] }}\n\
         aws-smithy-runtime-api = {{ version = \"1\", features = [\"client\", \"http-1x\"] }}\n\
         aws-smithy-types = \"1\"\n\
         http = \"1\"\n\
         serde_json = \"1\"\n\
         tokio = {{ version = \"1\", features = [\"rt\", \"time\"] }}\n\
         criterion = {{ version = \"0.5\", default-features = false }}\n\n\
         [[bench]]\nname = \"wire\"\nharness = false\n\n[workspace]\n"
    )
}

pub fn run() -> Result<()> {
    let project = crate::paths::root();
    let dir = project.join("target/bench/wire");
    std::fs::create_dir_all(dir.join("benches"))
        .with_context(|| format!("creating {}", dir.display()))?;
    std::fs::create_dir_all(dir.join("src"))?;
    let krate = project.join("generated/rust/sagemaker-endpoint-config");
    let runtime = project.join("codegen/runtime");
    let files = [
        (
            "Cargo.toml",
            manifest(&krate.to_string_lossy(), &runtime.to_string_lossy()),
        ),
        (
            "src/lib.rs",
            "//! The bench is in benches/wire.rs.\n".into(),
        ),
        ("benches/wire.rs", BENCH.into()),
        ("benches/aws.rs", BENCH_SDK.into()),
        ("create_endpoint_config.json", CREATE.into()),
        ("describe_endpoint_config.json", DESCRIBE.into()),
    ];
    for (path, text) in files {
        std::fs::write(dir.join(path), text).with_context(|| format!("writing {path}"))?;
    }
    // Build first (untimed), so the load averages printed are those of the measuring run.
    cargo_bench(&dir, &["--no-run"])?;
    println!("bench wire: {}", load_average());
    cargo_bench(&dir, &[])?;
    println!("after: {}", load_average());
    Ok(())
}

/// `cargo bench --bench wire <extra>` in the bench crate, with its own target directory.
fn cargo_bench(dir: &std::path::Path, extra: &[&str]) -> Result<()> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .args(["bench", "--bench", "wire"])
        .args(extra)
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .status()
        .with_context(|| format!("running cargo bench in {}", dir.display()))?;
    if !status.success() {
        bail!(
            "cargo bench {extra:?} in {} failed ({status})",
            dir.display()
        );
    }
    Ok(())
}
