//! `cargo xtask`: the command line of the code generator (regenerate, generate, project, diff, sync,
//! docs, bench). All real work is in the `codegen` library; this crate parses arguments and reports.

mod bench;
mod bump;
mod conformance;
mod diff;
mod docs;
mod generate;
mod paths;
mod project;
mod regenerate;
mod release;
mod sync;

use clap::{Parser, Subcommand};

/// mimalloc: code generation allocates and frees millions of small token trees; glibc's malloc was
/// about 40% of the Rust back-end's time (see README, "Benchmarks").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    about = "AWS model code generator: Rust crates, paws-style R, semantic diffs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate everything `models/` describes into `generated/` (offline, from the projections).
    Regenerate(regenerate::Args),
    /// Generate code from any model file (Smithy JSON AST or botocore JSON) into a directory.
    Generate(generate::Args),
    /// Write the closure of some operations as a Smithy JSON AST without documentation.
    Project(project::Args),
    /// Semantic diff of two model files (either form), with change severities.
    Diff(diff::Args),
    /// Fetch the pinned upstream model, show the diff, rewrite the projection and regenerate.
    Sync(sync::Args),
    /// Check versions and changelogs, package the crates and R packages, build the site, publish.
    Release(release::Args),
    /// Build the static documentation site (operation pages, search, changelog, Rust API docs).
    Docs(docs::Args),
    /// Benchmarks: print timings of loading, generating and diffing the real SageMaker models.
    Bench(bench::Args),
    /// Conformance suites (sigv4, endpoints): a line per case or file, then `N passed, N failed, N skipped`.
    Conformance(conformance::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Regenerate(a) => regenerate::run(a),
        Command::Generate(a) => generate::run(a),
        Command::Project(a) => project::run(a),
        Command::Diff(a) => diff::run(a),
        Command::Sync(a) => sync::run(a),
        Command::Docs(a) => docs::run(a),
        Command::Release(a) => release::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Conformance(a) => conformance::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
