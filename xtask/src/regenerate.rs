//! `cargo xtask regenerate [--check]`: everything `models/` describes, from the committed projections,
//! into `generated/`. With `--check`, nothing is written and stale files are named.

use crate::paths;
use anyhow::{Context, Result};
use codegen::manifest::Manifest;
use codegen::pipeline::{self, Settings, Target};
use codegen::FileSet;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Write nothing; exit non-zero and list the files that are out of date.
    #[arg(long)]
    check: bool,
}

/// Everything `generated/` should hold, from the manifests and projections in `models/`.
pub fn expected_output() -> Result<FileSet> {
    let mut all = FileSet::new();
    for (path, manifest) in Manifest::load_dir(&paths::models())? {
        let projection = paths::models().join(&manifest.service.projection);
        let model = codegen::load::load_file(&projection)
            .with_context(|| format!("loading the projection named in {}", path.display()))?;
        let settings = Settings::from_manifest(&manifest);
        if let Some(w) = pipeline::form_warning(&model) {
            eprintln!("{w}");
        }
        let files = pipeline::generate(
            &model,
            &manifest.selection.operations,
            &Target::ALL,
            &settings,
        )
        .with_context(|| format!("generating for {}", path.display()))?;
        for (p, content) in files.iter() {
            all.insert(p.to_string(), content.to_vec())?;
        }
        // Each package's changelog, kept in models/changelog/ (sync prepends to it).
        for (package, dir) in [
            (&settings.rust.crate_name, "rust"),
            (&settings.r.package, "r"),
        ] {
            let source = crate::bump::changelog_path(package);
            if source.is_file() {
                let text = std::fs::read(&source)
                    .with_context(|| format!("reading {}", source.display()))?;
                all.insert(format!("{dir}/{package}/CHANGELOG.md"), text)?;
            }
        }
    }
    Ok(all)
}

pub fn run(args: Args) -> Result<ExitCode> {
    let files = expected_output()?;
    let out = paths::generated();
    if args.check {
        let stale = files.compare(&out)?;
        if stale.is_empty() {
            eprintln!("generated/ is up to date ({} files)", files.len());
            return Ok(ExitCode::SUCCESS);
        }
        eprintln!(
            "generated/ is stale: {} file(s) differ from what models/ describes:",
            stale.len()
        );
        for s in &stale {
            eprintln!("  generated/{s}");
        }
        for s in stale.iter().take(3) {
            if let codegen::fileset::Stale::Changed(path) = s {
                print_change(&out.join(path), files.get(path).unwrap_or_default(), path);
            }
        }
        eprintln!("run `cargo xtask regenerate` and commit the result");
        return Ok(ExitCode::FAILURE);
    }
    files
        .write_atomic(&out)
        .with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {} files to generated/", files.len());
    Ok(ExitCode::SUCCESS)
}

/// Show the first lines of a unified diff between the file on disk and what would be written.
fn print_change(on_disk: &std::path::Path, expected: &[u8], path: &str) {
    let old = std::fs::read(on_disk).unwrap_or_default();
    let (old, new) = (
        String::from_utf8_lossy(&old),
        String::from_utf8_lossy(expected),
    );
    let diff = similar::TextDiff::from_lines(old.as_ref(), new.as_ref());
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header(&format!("generated/{path} (committed)"), "(regenerated)")
        .to_string();
    let lines: Vec<&str> = text.lines().collect();
    for line in lines.iter().take(30) {
        eprintln!("    {line}");
    }
    if lines.len() > 30 {
        eprintln!("    ... ({} more diff lines)", lines.len() - 30);
    }
}
