//! What the generated operations share for the JSON protocols (awsJson1_0, awsJson1_1, restJson1):
//! building a request ([`RequestBuilder`], [`Query`], label and header encoding), idempotency
//! tokens, floats and lists as header or query text, and reading an error response
//! ([`ErrorInfo`], [`Unhandled`]). Nothing here is model-specific.

mod errors;
mod request;
mod text;

pub use errors::{ErrorInfo, Unhandled};
pub use request::{encode_label, Query, RequestBuilder, SerializeError};
pub use text::{
    base64_decode, base64_encode, format_f32, format_f64, header_list_item, idempotency_token,
    parse_f32, parse_f64, split_header_list,
};

/// A response body read as JSON: an empty body counts as `{}` (services send none for an output
/// without members).
pub fn json_body(body: &[u8]) -> &[u8] {
    if body.iter().all(u8::is_ascii_whitespace) {
        b"{}"
    } else {
        body
    }
}
