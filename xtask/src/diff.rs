//! `cargo xtask diff OLD NEW`: the semantic diff of two model files (either form, or one of each) as
//! text grouped by severity, JSON, or a markdown changelog entry. `--fail-on` sets the exit status.

use anyhow::{Context, Result};
use codegen::diff::{self, report, Event, Mode, Severity};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// Human text grouped by severity, worst first.
    Text,
    /// `{"breaking", "counts", "events": [{"id", "severity", "shape", "message"}]}`.
    Json,
    /// A markdown changelog entry: breaking changes first, then new operations, members, enum values.
    Changelog,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum FailOn {
    /// Exit 1 when any DANGER or ERROR event is found.
    Breaking,
    /// Exit 1 when any WARNING, DANGER or ERROR event is found.
    Warning,
}

#[derive(clap::Args)]
pub struct Args {
    /// The old model file (Smithy JSON AST, or botocore `service-2.json[.gz]`).
    old: PathBuf,
    /// The new model file.
    new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Exit with status 1 when the diff holds a change this bad.
    #[arg(long, value_enum)]
    fail_on: Option<FailOn>,
    /// Only the changes reaching these operations (their closure in either model).
    #[arg(long, value_delimiter = ',')]
    operations: Vec<String>,
    /// Title of the changelog entry (default: the two file names).
    #[arg(long)]
    title: Option<String>,
    /// Compare every fact even when the two files are of different forms (by default, facts only
    /// one form can carry are skipped across forms).
    #[arg(long)]
    strict: bool,
}

/// Load both models and compute the (optionally restricted) diff.
pub fn compute(
    old: &std::path::Path,
    new: &std::path::Path,
    ops: &[String],
    strict: bool,
) -> Result<Vec<Event>> {
    let a = codegen::load::load_file(old).with_context(|| format!("loading {}", old.display()))?;
    let b = codegen::load::load_file(new).with_context(|| format!("loading {}", new.display()))?;
    let mode = if strict {
        Mode::SameForm
    } else {
        Mode::for_models(&a, &b)
    };
    if ops.is_empty() {
        Ok(diff::diff_with_mode(&a, &b, mode))
    } else {
        diff::diff_operations_with_mode(&a, &b, ops, mode).map_err(anyhow::Error::msg)
    }
}

pub fn run(args: Args) -> Result<ExitCode> {
    let events = compute(&args.old, &args.new, &args.operations, args.strict)?;
    match args.format {
        Format::Text => print!("{}", report::text(&events)),
        Format::Json => println!("{:#}", report::json(&events)),
        Format::Changelog => {
            let title = args
                .title
                .clone()
                .unwrap_or_else(|| format!("{} -> {}", args.old.display(), args.new.display()));
            print!("{}", report::changelog(&events, &title));
        }
    }
    let threshold = match args.fail_on {
        None => return Ok(ExitCode::SUCCESS),
        Some(FailOn::Breaking) => Severity::Danger,
        Some(FailOn::Warning) => Severity::Warning,
    };
    if diff::reaches(&events, threshold) {
        eprintln!("diff reaches {threshold}: failing as asked (--fail-on)");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
