//! `cargo xtask bench sigv4` (only when named): what SigV4 signing, and the runtime crate as a whole,
//! cost a generated crate's build. A fresh debug `cargo build` of a one-line crate depending on the
//! official `aws-sigv4` (default features) next to one depending on what `awsgen-runtime`'s signer is
//! built on (`hmac`, `sha2`, `percent-encoding`), then on `awsgen-runtime` itself with and without
//! its default transport (ureq + rustls), in the same run, with peak memory from `/usr/bin/time`.
//! Everything lives under `target/bench/sigv4/`; dependencies are fetched before anything is timed.

use super::check::{self, Subject};
use anyhow::Result;
use std::path::Path;

/// One tiny library crate in `root/<package>` with these `[dependencies]` lines and this `lib.rs`.
fn subject(root: &Path, package: &str, label: &str, deps: &str, lib: &str) -> Result<Subject> {
    check::tiny_crate(
        root,
        package,
        label.to_string(),
        deps,
        check::Targets::Lib,
        lib,
    )
}

pub fn run() -> Result<()> {
    let root = crate::paths::root().join("target/bench/sigv4");
    println!("bench sigv4: {}", check::load_average());
    let runtime = crate::paths::root().join("codegen/runtime");
    let runtime = runtime.to_string_lossy();
    let subjects = [
        subject(
            &root,
            "bench-aws-sigv4",
            "aws-sigv4 1.x (default features)",
            "aws-sigv4 = \"1\"",
            "//! Uses the crate so it is really compiled.\npub use aws_sigv4;\n",
        )?,
        subject(
            &root,
            "bench-hmac-sha2",
            "hmac 0.12 + sha2 0.10 + percent-encoding 2",
            "hmac = \"0.12\"\nsha2 = \"0.10\"\npercent-encoding = \"2\"",
            "//! Uses the crates so they are really compiled.\npub use hmac;\npub use percent_encoding;\npub use sha2;\n",
        )?,
        subject(
            &root,
            "bench-runtime-default",
            "awsgen-runtime (default features: ureq + rustls)",
            &format!("awsgen-runtime = {{ path = {runtime:?} }}"),
            "//! Uses the crate so it is really compiled.\npub use awsgen_runtime;\n",
        )?,
        subject(
            &root,
            "bench-runtime-bare",
            "awsgen-runtime (no default features)",
            &format!("awsgen-runtime = {{ path = {runtime:?}, default-features = false }}"),
            "//! Uses the crate so it is really compiled.\npub use awsgen_runtime;\n",
        )?,
    ];
    for s in &subjects {
        eprintln!("fetching dependencies of {}", s.label);
        check::cargo(s, &root, &["fetch"], "fetch")?;
    }
    let mut rows = Vec::new();
    for s in &subjects {
        check::cargo(s, &root, &["clean"], "clean")?;
        let sample = check::timed(s, &root, "build", "from clean")?;
        let lock = std::fs::read_to_string(s.dir.join("Cargo.lock")).unwrap_or_default();
        let crates = lock.matches("[[package]]").count().saturating_sub(1);
        let version = lock
            .split("[[package]]")
            .find(|p| p.contains("name = \"aws-sigv4\""))
            .and_then(|p| p.split("version = \"").nth(1))
            .and_then(|v| v.split('"').next())
            .map_or(String::new(), |v| format!(" (aws-sigv4 {v})"));
        rows.push((format!("{}{version}", s.label), crates, sample));
    }
    println!(
        "\n{:<60} {:>7} {:>10} {:>14}",
        "crate", "deps", "wall (s)", "peak RSS (MB)"
    );
    for (label, crates, s) in &rows {
        let rss = s
            .max_rss_kb
            .map_or("-".to_string(), |kb| format!("{:.0}", kb as f64 / 1024.0));
        println!("{label:<60} {crates:>7} {:>10.1} {rss:>14}", s.wall);
    }
    if let [(_, _, official), (_, _, ours), ..] = &rows[..] {
        println!(
            "\naws-sigv4 / hmac+sha2: {:.1}x the wall time",
            official.wall / ours.wall
        );
    }
    println!("after: {}", check::load_average());
    Ok(())
}
