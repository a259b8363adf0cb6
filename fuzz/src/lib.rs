//! The fuzz targets' shared code: the invariants and the structured-model generator live beside the
//! regression tests (`tests/tests/hostile_support/`) so that both run exactly the same checks.

#[path = "../../tests/tests/hostile_support/spec.rs"]
pub mod spec;

#[path = "../../tests/tests/hostile_support/harness.rs"]
pub mod harness;

/// The codec targets' invariants, shared with `tests/tests/codec_fuzz_regressions.rs`.
#[path = "../../tests/tests/codec_support/mod.rs"]
pub mod codec;
