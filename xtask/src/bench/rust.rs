//! Benchmarks of the rust area (PLACEHOLDER: filled in by the issue that builds it).

use anyhow::{bail, Result};

pub fn run(_iterations: usize) -> Result<()> {
    bail!("bench area rust is not implemented yet")
}
