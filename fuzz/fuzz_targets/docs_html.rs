#![no_main]
//! Fuzz target: documentation HTML through every renderer (`codegen_fuzz::harness::docs_html`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    codegen_fuzz::harness::docs_html(data);
});
