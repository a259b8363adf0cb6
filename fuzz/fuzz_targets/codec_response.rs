#![no_main]
//! Fuzz target: bytes drawn as an HTTP response (status, headers, body) and read by one
//! operation's `parse_response` (`codegen_fuzz::codec::response`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    codegen_fuzz::codec::response(data);
});
