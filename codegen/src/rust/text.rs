//! Scalar values as HTTP text and back (URI labels, query parameters, headers): the expression
//! that turns a `&T` into a `String`, and the one that reads a `&str` into a `Result<T, String>`.
//! Timestamps use the member's (or target's) `timestampFormat`, else the location's default
//! (`date-time` in labels and the query string, `http-date` in headers); strings with
//! `jsonvalue` or `mediaType` travel base64-encoded in headers, as do blobs.

use super::ctx::Ctx;
use crate::ir::{Member, Shape, ShapeKind, TimestampFormat};
use proc_macro2::TokenStream;
use quote::quote;

/// The format of a timestamp member: its own `timestampFormat`, the target's, else `default`.
pub fn timestamp_format(ctx: &Ctx, m: &Member, default: TimestampFormat) -> TimestampFormat {
    m.traits
        .timestamp_format
        .clone()
        .or_else(|| ctx.shape(&m.target)?.traits.timestamp_format.clone())
        .unwrap_or(default)
}

/// Is this string shape carried base64-encoded in a header (`jsonvalue`, `mediaType`)?
fn encoded_string(m: &Member, target: &Shape) -> bool {
    matches!(target.kind, ShapeKind::String)
        && (m.traits.json_value
            || target.traits.json_value
            || target.traits.other.contains_key("smithy.api#mediaType"))
}

/// `v` (an expression of type `&T` for member `m`'s scalar target `target`) as a `String`.
pub fn to_text(
    ctx: &Ctx,
    m: &Member,
    target: &Shape,
    v: TokenStream,
    ts: TimestampFormat,
    header: bool,
) -> TokenStream {
    match &target.kind {
        ShapeKind::String if header && encoded_string(m, target) => {
            quote!(::awsgen_runtime::protocol::base64_encode(#v.as_bytes()))
        }
        ShapeKind::Blob => {
            quote!(::awsgen_runtime::protocol::base64_encode(#v.as_bytes()))
        }
        ShapeKind::String => quote!(#v.to_string()),
        ShapeKind::Enum(_) => quote!(#v.as_str().to_string()),
        ShapeKind::IntEnum(_) => quote!(#v.value().to_string()),
        ShapeKind::Float => quote!(::awsgen_runtime::protocol::format_f32(*#v)),
        ShapeKind::Double => quote!(::awsgen_runtime::protocol::format_f64(*#v)),
        ShapeKind::Timestamp => match timestamp_format(ctx, m, ts) {
            TimestampFormat::DateTime => quote!(#v.to_rfc3339()),
            TimestampFormat::HttpDate => quote!(#v.to_http_date()),
            TimestampFormat::EpochSeconds => quote!(#v.to_epoch_text()),
        },
        ShapeKind::Document => quote!(#v.to_string()),
        ShapeKind::Structure(_)
        | ShapeKind::Union(_)
        | ShapeKind::List(_)
        | ShapeKind::Map { .. } => {
            quote!(::std::string::String::new())
        }
        _ => quote!(#v.to_string()),
    }
}

/// `s` (an expression of type `&str`) read as a value of member `m`'s scalar target: an expression
/// of type `Result<T, String>`.
pub fn from_text(
    ctx: &Ctx,
    m: &Member,
    target: &Shape,
    s: TokenStream,
    ts: TimestampFormat,
) -> TokenStream {
    let decode = quote!(::awsgen_runtime::protocol::base64_decode(#s));
    let parse = |t: TokenStream| quote!(#s.trim().parse::<#t>().map_err(|e| e.to_string()));
    match &target.kind {
        ShapeKind::String if encoded_string(m, target) => {
            quote!(#decode.and_then(|b| String::from_utf8(b).map_err(|e| e.to_string())))
        }
        ShapeKind::Blob => quote!(#decode.map(crate::primitives::Blob::new)),
        ShapeKind::String => quote!(Ok::<String, String>(#s.to_string())),
        ShapeKind::Enum(_) => {
            let t = ctx.type_path(&target.id);
            quote!(Ok::<#t, String>(#t::from(#s.trim())))
        }
        ShapeKind::IntEnum(_) => {
            let t = ctx.type_path(&target.id);
            let p = parse(quote!(i32));
            quote!(#p.map(#t::from))
        }
        ShapeKind::Boolean => parse(quote!(bool)),
        ShapeKind::Byte => parse(quote!(i8)),
        ShapeKind::Short => parse(quote!(i16)),
        ShapeKind::Integer => parse(quote!(i32)),
        ShapeKind::Long => parse(quote!(i64)),
        ShapeKind::Float => quote!(::awsgen_runtime::protocol::parse_f32(#s)),
        ShapeKind::Double => quote!(::awsgen_runtime::protocol::parse_f64(#s)),
        ShapeKind::BigInteger | ShapeKind::BigDecimal => parse(quote!(::serde_json::Number)),
        ShapeKind::Timestamp => {
            let dt = quote!(crate::primitives::DateTime);
            let f = match timestamp_format(ctx, m, ts) {
                TimestampFormat::DateTime => quote!(parse_rfc3339),
                TimestampFormat::HttpDate => quote!(parse_http_date),
                TimestampFormat::EpochSeconds => quote!(parse_epoch),
            };
            quote!(#dt::#f(#s.trim()).map_err(|e| e.to_string()))
        }
        ShapeKind::Document => {
            quote!(::serde_json::from_str::<::serde_json::Value>(#s).map_err(|e| e.to_string()))
        }
        _ => {
            let t = ctx.rust_type(&target.id);
            quote!(Err::<#t, String>("not a scalar".to_string()))
        }
    }
}
