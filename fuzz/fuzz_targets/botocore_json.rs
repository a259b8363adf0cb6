#![no_main]
//! Fuzz target: see `codegen_fuzz::harness::botocore_bytes`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = codegen_fuzz::harness::botocore_bytes(data);
});
