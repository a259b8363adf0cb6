//! `cargo xtask release [--dry-run] [--out DIR]`: what `.github/workflows/release.yml` runs on a tag.
//! Checks that `generated/` is fresh and that every package's version is its changelog's newest entry,
//! packages the Rust crates (`cargo package`, which builds each from its `.crate`), builds the R
//! packages (`R CMD build`), builds the documentation site, and (without `--dry-run`) publishes the
//! crates with `cargo publish`. Artifacts go to `target/release-artifacts/` (`crates/`, `r/`, `site/`);
//! the workflow uploads the R tarballs and the site.

use crate::{bump, docs, paths, regenerate};
use anyhow::{bail, Context, Result};
use codegen::manifest::Manifest;
use codegen::release::latest_version;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

#[derive(clap::Args)]
pub struct Args {
    /// Do everything but publish (and accept uncommitted changes when packaging).
    #[arg(long)]
    dry_run: bool,
    /// Where the artifacts go.
    #[arg(long, default_value = "target/release-artifacts")]
    out: PathBuf,
}

fn step(name: &str) {
    eprintln!("== release: {name}");
}

pub fn run(args: Args) -> Result<ExitCode> {
    let out = if args.out.is_absolute() {
        args.out.clone()
    } else {
        paths::root().join(&args.out)
    };
    step("generated/ is fresh");
    let stale = regenerate::expected_output()?.compare(&paths::generated())?;
    if !stale.is_empty() {
        bail!(
            "generated/ is stale ({} files, e.g. {}): run `cargo xtask regenerate` and commit",
            stale.len(),
            stale[0]
        );
    }
    let manifests = Manifest::load_dir(&paths::models())?;
    step("versions match the changelogs");
    for (path, m) in &manifests {
        for (package, version) in [
            (&m.rust.crate_name, &m.rust.version),
            (&m.r.package, &m.r.version),
        ] {
            let log = bump::changelog_path(package);
            let text = std::fs::read_to_string(&log)
                .with_context(|| format!("{package} has no changelog at {}", log.display()))?;
            match latest_version(&text) {
                Some(v) if v == version => eprintln!("{package} {version}"),
                other => bail!(
                    "{}: {package} is at {version} but its changelog's newest entry is {other:?}",
                    path.display()
                ),
            }
        }
    }
    if out.exists() {
        std::fs::remove_dir_all(&out).with_context(|| format!("removing {}", out.display()))?;
    }
    drop_overlay_extractions("awsgen-runtime")?;
    // A target dir of its own, emptied first: cargo never rebuilds a registry package it has built
    // (their sources are taken as immutable), so a runtime built from an earlier overlay would be
    // reused by the verification build in the workspace's target dir.
    let package_target = paths::root().join("target/release-package");
    if package_target.exists() {
        std::fs::remove_dir_all(&package_target)
            .with_context(|| format!("removing {}", package_target.display()))?;
    }
    for (_, m) in &manifests {
        step(&format!("cargo package {}", m.rust.crate_name));
        let mut cmd = cargo();
        // With the runtime it depends on (unpublished, so cargo verifies both together).
        cmd.args([
            "package",
            "--quiet",
            "-p",
            "awsgen-runtime",
            "-p",
            &m.rust.crate_name,
        ]);
        if args.dry_run {
            cmd.arg("--allow-dirty");
        }
        cmd.env("CARGO_TARGET_DIR", &package_target);
        run_ok(&mut cmd, "cargo package")?;
        let file = format!("{}-{}.crate", m.rust.crate_name, m.rust.version);
        copy_into(
            &package_target.join("package").join(&file),
            &out.join("crates"),
        )?;
        step(&format!("R CMD build {}", m.r.package));
        let r_out = out.join("r");
        std::fs::create_dir_all(&r_out)?;
        let pkg = paths::generated().join("r").join(&m.r.package);
        run_ok(
            Command::new("R")
                .args(["CMD", "build", "--no-build-vignettes", "--no-manual"])
                .arg(&pkg)
                .current_dir(&r_out),
            "R CMD build (install R: Debian r-base-core)",
        )?;
        let tarball = r_out.join(format!("{}_{}.tar.gz", m.r.package, m.r.version));
        if !tarball.is_file() {
            bail!("R CMD build wrote no {}", tarball.display());
        }
    }
    step("documentation site");
    docs::build_models_site(out.join("site"))?;
    if args.dry_run {
        eprintln!("--dry-run: not published; artifacts in {}", out.display());
        return Ok(ExitCode::SUCCESS);
    }
    if std::env::var_os("CARGO_REGISTRY_TOKEN").is_none() {
        bail!("publishing needs CARGO_REGISTRY_TOKEN (the release workflow sets it from a secret)");
    }
    for (path, m) in &manifests {
        if m.rust.repository.is_none() {
            bail!(
                "{}: set `[rust] repository` (the crate's source URL) before publishing",
                path.display()
            );
        }
    }
    step("cargo publish awsgen-runtime (first: the generated crates depend on it)");
    run_ok(
        cargo().args(["publish", "-p", "awsgen-runtime"]),
        "cargo publish",
    )?;
    for (_, m) in &manifests {
        step(&format!("cargo publish {}", m.rust.crate_name));
        run_ok(
            cargo().args(["publish", "-p", &m.rust.crate_name]),
            "cargo publish",
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `cargo package` of several crates verifies each against a local overlay registry of the others'
/// fresh `.crate`s, which cargo extracts once per name and version under
/// `$CARGO_HOME/registry/src/-<hash>/` (the `-` is the empty host of a local registry; crates.io's are
/// `index.crates.io-<hash>`) and then reuses. After the runtime changes without a version bump, the
/// generated crate would be verified against the runtime as an earlier `cargo package` saw it, so
/// those extractions of `name` go first.
fn drop_overlay_extractions(name: &str) -> Result<()> {
    let home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    let Some(src) = home.map(|h| h.join("registry/src")) else {
        return Ok(());
    };
    let Ok(registries) = std::fs::read_dir(&src) else {
        return Ok(());
    };
    for registry in registries.flatten() {
        if !registry.file_name().to_string_lossy().starts_with('-') {
            continue;
        }
        for krate in std::fs::read_dir(registry.path())?.flatten() {
            let file = krate.file_name();
            let version = file
                .to_str()
                .and_then(|n| n.strip_prefix(name))
                .and_then(|r| r.strip_prefix('-'));
            if version.is_some_and(|v| v.starts_with(|c: char| c.is_ascii_digit())) {
                std::fs::remove_dir_all(krate.path())
                    .with_context(|| format!("removing {}", krate.path().display()))?;
            }
        }
    }
    Ok(())
}

fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.current_dir(paths::root());
    c
}

fn run_ok(cmd: &mut Command, what: &str) -> Result<()> {
    let status = cmd.status().with_context(|| format!("running {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

fn copy_into(file: &Path, dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    let name = file.file_name().context("a file name")?;
    std::fs::copy(file, dir.join(name))
        .with_context(|| format!("copying {} to {}", file.display(), dir.display()))?;
    Ok(())
}
