//! The fuzz targets' shared code: the invariants and the structured-model generator live beside the
//! regression tests (`tests/tests/hostile_support/`) so that both run exactly the same checks.

#[path = "../../tests/tests/hostile_support/spec.rs"]
pub mod spec;

#[path = "../../tests/tests/hostile_support/harness.rs"]
pub mod harness;
