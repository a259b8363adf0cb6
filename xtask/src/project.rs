//! `cargo xtask project`: write the closure of some operations as a documentation-free Smithy model.

use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Model file of either form.
    #[arg(long)]
    model: PathBuf,
    /// Operations whose closure is kept.
    #[arg(long, value_delimiter = ',', required = true)]
    operations: Vec<String>,
    /// Output file (written atomically).
    #[arg(long)]
    out: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let model = codegen::load::load_file(&args.model)?;
    let text = codegen::project::projection(&model, &args.operations)?;
    write_file_atomic(&args.out, text.as_bytes())?;
    eprintln!("wrote {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}

/// Write a file through a temporary sibling and a rename, so readers never see half of it.
pub fn write_file_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let name = path
        .file_name()
        .context("output path has no file name")?
        .to_string_lossy();
    let tmp = path.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("renaming into {}", path.display()))?;
    Ok(())
}
