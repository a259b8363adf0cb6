//! Rust identifiers (PLACEHOLDER: the Rust target issue fills this in).
