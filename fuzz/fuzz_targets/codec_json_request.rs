#![no_main]
//! Fuzz target: bytes as the JSON body of every input type of the SageMaker and restjson crates,
//! then `validate()` and `serialize_request` (`codegen_fuzz::codec::json_request`).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    codegen_fuzz::codec::json_request(data);
});
