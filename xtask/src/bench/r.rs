//! Benchmarks of the r area (PLACEHOLDER: filled in by the issue that builds it).

use anyhow::{bail, Result};

pub fn run(_iterations: usize) -> Result<()> {
    bail!("bench area r is not implemented yet")
}
