//! Integration tests live in `tests/tests/`; this crate holds shared helpers.
