//! `cargo xtask diff OLD NEW` (PLACEHOLDER: the sync issue fills this in).

use anyhow::{bail, Result};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    old: std::path::PathBuf,
    new: std::path::PathBuf,
}

pub fn run(_args: Args) -> Result<ExitCode> {
    bail!("diff is not implemented yet")
}
