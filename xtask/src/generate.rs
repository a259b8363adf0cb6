//! `cargo xtask generate`: any model file -> chosen targets in an output directory.

use crate::paths;
use anyhow::{bail, Context, Result};
use codegen::pipeline::{self, Settings, Target};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Model file: Smithy JSON AST, or botocore `service-2.json` / `service-2.json.gz`.
    #[arg(long)]
    model: PathBuf,
    /// Operations to generate (their closure); all operations when omitted.
    #[arg(long, value_delimiter = ',')]
    operations: Vec<String>,
    /// Targets: rust, r, docs (all when omitted).
    #[arg(long, value_delimiter = ',')]
    targets: Vec<String>,
    /// Output directory; replaced atomically by exactly the generated files.
    #[arg(long)]
    out: PathBuf,
}

/// Parse `--targets` names (all targets when empty).
pub fn parse_targets(names: &[String]) -> Result<Vec<Target>> {
    if names.is_empty() {
        return Ok(Target::ALL.to_vec());
    }
    names
        .iter()
        .map(|n| {
            Target::parse(n)
                .with_context(|| format!("unknown target {n:?} (expected rust, r or docs)"))
        })
        .collect()
}

pub fn run(args: Args) -> Result<ExitCode> {
    let targets = parse_targets(&args.targets)?;
    let model = codegen::load::load_file(&args.model)?;
    let mut settings = Settings::for_model(&model);
    // awsgen-runtime is not on crates.io: the crate depends on this checkout's copy.
    settings.rust.runtime_path = Some(paths::root().join("codegen/runtime").display().to_string());
    if let Some(w) = pipeline::form_warning(&model) {
        eprintln!("{w}");
    }
    let files = pipeline::generate(&model, &args.operations, &targets, &settings)?;
    if files.is_empty() {
        bail!("nothing was generated");
    }
    files
        .write_atomic(&args.out)
        .with_context(|| format!("writing {}", args.out.display()))?;
    eprintln!("wrote {} files to {}", files.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}
