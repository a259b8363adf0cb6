//! `cargo xtask sync [SERVICE] [--from PATH|URL] [--update]`: fetch the upstream model a manifest pins,
//! check its sha256 (or, with `--update`, record the new one), print the semantic diff between the
//! committed projection and the new model (limited to the selected operations), bump each package's
//! version by what the change does to its API and prepend its changelog entry (see `bump`), rewrite the
//! projection and regenerate `generated/`. A breaking change to the Rust crate stops it unless
//! `--allow-breaking` is given.
//!
//! Nothing is written until the download is complete (Content-Length checked), pinned (or accepted)
//! and loaded as a model: a failed, truncated or unparsable download leaves `models/` and `generated/`
//! byte for byte as they were. If regenerating fails after the projection was written, the previous
//! projection and manifest are put back.

use crate::{bump, paths, project::write_file_atomic, regenerate};
use anyhow::{bail, Context, Result};
use codegen::diff::{self, report};
use codegen::manifest::Manifest;
use codegen::release::Bump;
use codegen::sync::{self as pin, Pin};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

/// Largest model accepted (the biggest AWS models are tens of MB).
const MAX_BYTES: u64 = 512 * 1024 * 1024;

#[derive(clap::Args)]
pub struct Args {
    /// Service id (`models/<SERVICE>.toml`); every manifest when omitted.
    service: Option<String>,
    /// Fetch from this HTTP(S) URL or local path instead of the manifest's `upstream.url`.
    #[arg(long)]
    from: Option<String>,
    /// Use the manifest's `upstream.local` copy (offline; relative to the project root).
    #[arg(long, conflicts_with = "from")]
    local: bool,
    /// Accept a file whose sha256 differs from the pin, and record its sha256 in the manifest.
    #[arg(long)]
    update: bool,
    /// Fetch, check, load and print the diff, but write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Accept a breaking change to the Rust crate's API (otherwise sync stops and writes nothing).
    #[arg(long)]
    allow_breaking: bool,
    /// Also write the new changelog entries (both packages) to this file: the body of a pull request.
    #[arg(long)]
    changelog_out: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let models = paths::models();
    let mut manifests = Manifest::load_dir(&models)?;
    if let Some(s) = &args.service {
        manifests.retain(|(_, m)| &m.service.id == s);
        if manifests.is_empty() {
            bail!("no manifest for service {s:?} in {}", models.display());
        }
    }
    if manifests.is_empty() {
        bail!("no manifests in {}", models.display());
    }
    if args.from.is_some() && manifests.len() > 1 {
        bail!(
            "--from needs a single SERVICE (there are {} manifests)",
            manifests.len()
        );
    }
    for (path, manifest) in &manifests {
        sync_one(&args, path, manifest)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn sync_one(args: &Args, manifest_path: &Path, manifest: &Manifest) -> Result<()> {
    let source = match (&args.from, args.local) {
        (Some(s), _) => s.clone(),
        (None, true) => {
            let local =
                manifest.upstream.local.as_ref().with_context(|| {
                    format!("{} has no upstream.local", manifest_path.display())
                })?;
            paths::root().join(local).display().to_string()
        }
        (None, false) => manifest.upstream.url.clone(),
    };
    eprintln!("sync {}: fetching {source}", manifest.service.id);
    let bytes = fetch(&source)?;
    let old_manifest = std::fs::read_to_string(manifest_path)
        .with_context(|| format!("reading {}", manifest_path.display()))?;
    let mut manifest_text = old_manifest.clone();
    match pin::check_pin(&bytes, &manifest.upstream.sha256) {
        Pin::Matches => eprintln!("sha256 matches the pin"),
        Pin::Differs { pinned, actual } if args.update => {
            eprintln!("sha256 {actual} replaces the pin {pinned} (--update)");
            manifest_text = pin::set_pinned_sha256(&manifest_text, &actual)
                .map_err(anyhow::Error::msg)
                .with_context(|| format!("updating {}", manifest_path.display()))?;
        }
        Pin::Differs { pinned, actual } => bail!(
            "sha256 mismatch for {source}: the manifest {} pins {pinned}, the file is {actual}; \
             nothing was changed (run with --update to accept the new file)",
            manifest_path.display()
        ),
    }
    let model = load_source(&source, &bytes)?;
    let ops = &manifest.selection.operations;
    let text = codegen::project::projection(&model, ops)
        .with_context(|| format!("projecting {source} onto {}", ops.join(", ")))?;
    let new_projection = pin::load_bytes("new projection.json", text.as_bytes())
        .context("the new projection does not load back")?;
    let proj_path = paths::models().join(&manifest.service.projection);
    let old_bytes = read_if_exists(&proj_path)?;
    let mut changelogs = Vec::new();
    match &old_bytes {
        Some(_) => {
            let old = codegen::load::load_file(&proj_path)
                .with_context(|| format!("loading the current {}", proj_path.display()))?;
            let events = diff::diff(&old, &new_projection);
            println!("Changes to the projection of {}:", manifest.service.id);
            print!("{}", report::text(&events));
            let plan = bump::plan(manifest, &old, &new_projection, &events, &bump::today())?;
            for p in [&plan.rust, &plan.r] {
                println!(
                    "{} {} -> {} ({}: {})",
                    p.package, p.old_version, p.new_version, p.bump, p.why
                );
            }
            if plan.rust.bump == Bump::Major && !args.allow_breaking && !args.dry_run {
                bail!(
                    "the new model breaks the API of the crate {} ({}); nothing was changed \
                     (review the diff above; run with --allow-breaking to accept it)",
                    plan.rust.package,
                    plan.rust.why
                );
            }
            if let Some(out) = &args.changelog_out {
                write_file_atomic(out, plan.summary().as_bytes())
                    .with_context(|| format!("writing {}", out.display()))?;
            }
            manifest_text = plan.apply_to_manifest(&manifest_text)?;
            changelogs = plan.changelogs()?;
        }
        None => println!("no projection yet at {}", proj_path.display()),
    }
    if args.dry_run {
        eprintln!("--dry-run: nothing was written");
        return Ok(());
    }
    let new_manifest = (manifest_text != old_manifest).then_some(manifest_text);
    write_and_regenerate(
        manifest_path,
        new_manifest.as_deref(),
        &proj_path,
        old_bytes.as_deref(),
        &text,
        &changelogs,
    )
}

/// Write the projection (and the manifest and changelogs), then regenerate; undo the model writes if
/// that fails.
fn write_and_regenerate(
    manifest_path: &Path,
    new_manifest: Option<&str>,
    proj_path: &Path,
    old_projection: Option<&[u8]>,
    projection: &str,
    changelogs: &[(PathBuf, String)],
) -> Result<()> {
    let old_manifest = std::fs::read(manifest_path)?;
    let old_changelogs: Vec<Option<Vec<u8>>> = changelogs
        .iter()
        .map(|(p, _)| read_if_exists(p))
        .collect::<Result<_>>()?;
    let undo = || -> Result<()> {
        for ((path, _), old) in changelogs.iter().zip(&old_changelogs) {
            match old {
                Some(b) => write_file_atomic(path, b)?,
                None if path.exists() => std::fs::remove_file(path)?,
                None => {}
            }
        }
        match old_projection {
            Some(b) => write_file_atomic(proj_path, b)?,
            None if proj_path.exists() => std::fs::remove_file(proj_path)?,
            None => {}
        }
        write_file_atomic(manifest_path, &old_manifest)
    };
    let result = (|| -> Result<usize> {
        write_file_atomic(proj_path, projection.as_bytes())?;
        if let Some(m) = new_manifest {
            write_file_atomic(manifest_path, m.as_bytes())?;
        }
        for (path, text) in changelogs {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            write_file_atomic(path, text.as_bytes())?;
        }
        let files =
            regenerate::expected_output().context("regenerating from the new projection")?;
        let out = paths::generated();
        files
            .write_atomic(&out)
            .with_context(|| format!("writing {}", out.display()))?;
        Ok(files.len())
    })();
    match result {
        Ok(n) => {
            eprintln!("wrote {} and {n} files to generated/", proj_path.display());
            Ok(())
        }
        Err(e) => {
            let restored = match undo() {
                Ok(()) => "models/ was restored".to_string(),
                Err(u) => format!("restoring models/ failed too ({u:#}): check it with git"),
            };
            Err(e.context(format!("{restored}; generated/ is unchanged")))
        }
    }
}

fn read_if_exists(path: &Path) -> Result<Option<Vec<u8>>> {
    match std::fs::read(path) {
        Ok(b) => Ok(Some(b)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e).with_context(|| format!("reading {}", path.display())),
    }
}

fn is_url(source: &str) -> bool {
    source.starts_with("http://") || source.starts_with("https://")
}

/// A local file is loaded in place (so botocore's `paginators-1.json` beside it is merged); a
/// download is loaded from its bytes.
fn load_source(source: &str, bytes: &[u8]) -> Result<codegen::Model> {
    let loaded = if is_url(source) {
        pin::load_bytes(pin::file_name(source), bytes)
    } else {
        codegen::load::load_file(&PathBuf::from(source))
    };
    loaded.with_context(|| format!("{source} is not a loadable model; nothing was changed"))
}

/// The bytes at an HTTP(S) URL or a local path.
fn fetch(source: &str) -> Result<Vec<u8>> {
    if !is_url(source) {
        return std::fs::read(source).with_context(|| format!("reading {source}"));
    }
    let agent = ureq::AgentBuilder::new()
        .timeout_connect(Duration::from_secs(30))
        .timeout(Duration::from_secs(300))
        .build();
    let response = match agent.get(source).call() {
        Ok(r) => r,
        Err(ureq::Error::Status(code, r)) => bail!(
            "download of {source} failed: HTTP {code} {}; nothing was changed",
            r.status_text()
        ),
        Err(e) => bail!("download of {source} failed: {e}; nothing was changed"),
    };
    let encoded = response
        .header("content-encoding")
        .is_some_and(|e| !e.eq_ignore_ascii_case("identity"));
    let announced = response
        .header("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|_| !encoded);
    if announced.is_some_and(|n| n > MAX_BYTES) {
        bail!("{source} is larger than {MAX_BYTES} bytes; nothing was changed");
    }
    let mut bytes = Vec::new();
    let read = response
        .into_reader()
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes);
    if let Err(e) = read {
        let why = pin::check_length(bytes.len(), announced)
            .err()
            .unwrap_or_else(|| "the connection failed".into());
        bail!(
            "download of {source} failed after {} bytes: {why} ({e}); nothing was changed",
            bytes.len()
        );
    }
    pin::check_length(bytes.len(), announced)
        .map_err(|e| anyhow::anyhow!("download of {source}: {e}; nothing was changed"))?;
    Ok(bytes)
}
