#![no_main]
//! Fuzz target: see `codegen_fuzz::harness::structured`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = codegen_fuzz::harness::structured(data);
});
