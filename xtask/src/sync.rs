//! `cargo xtask sync` (PLACEHOLDER: the sync issue fills this in).

use anyhow::{bail, Result};
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    service: Option<String>,
}

pub fn run(_args: Args) -> Result<ExitCode> {
    bail!("sync is not implemented yet")
}
