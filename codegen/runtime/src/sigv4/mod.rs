//! AWS Signature Version 4 (header signing), built on `hmac` and `sha2` (see the README for why not
//! the official `aws-sigv4`): the canonical request, the string to sign, the signing key and the
//! `Authorization` header; signed or unsigned payloads; session tokens signed or appended after
//! signing. [`sign`] signs an `http::Request` in place; [`compute`] works on a
//! [`SignableRequest`] (any method, path and headers, as a test vector gives them).

mod canonical;
mod date;

pub use canonical::{canonical_query, canonical_uri, encode_query_component, normalize_path};
pub use date::amz_date;

use crate::credentials::Credentials;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;
use std::time::SystemTime;

const ALGORITHM: &str = "AWS4-HMAC-SHA256";
/// The payload hash of an unsigned payload.
pub const UNSIGNED_PAYLOAD: &str = "UNSIGNED-PAYLOAD";

/// How the payload enters the signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayloadSigning {
    /// The SHA-256 of the body (the default).
    Signed,
    /// `UNSIGNED-PAYLOAD` (S3 over HTTPS, streaming bodies).
    Unsigned,
    /// A hash the caller computed.
    Precomputed(String),
}

/// Where a session token goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionTokenMode {
    /// `X-Amz-Security-Token` is added before signing and signed (what almost every service wants).
    Signed,
    /// `X-Amz-Security-Token` is added after signing, unsigned (a few older services).
    AppendedAfterSigning,
}

/// What to sign for, and how.
#[derive(Debug, Clone)]
pub struct SigningParams<'a> {
    /// The keys.
    pub credentials: &'a Credentials,
    /// The region, e.g. `us-east-1`.
    pub region: &'a str,
    /// The service's signing name, e.g. `sagemaker`.
    pub service: &'a str,
    /// The signing time.
    pub time: SystemTime,
    /// How the payload is hashed.
    pub payload: PayloadSigning,
    /// Also send the payload hash as `X-Amz-Content-SHA256` (S3 requires it).
    pub content_sha256_header: bool,
    /// Normalise the path (`.`, `..`, `//`); every service but S3.
    pub normalize_path: bool,
    /// Percent-encode the (already encoded) path once more; every service but S3.
    pub double_uri_encode: bool,
    /// Where the session token goes.
    pub session_token: SessionTokenMode,
}

impl<'a> SigningParams<'a> {
    /// The settings every service but S3 uses: signed payload, normalised and double-encoded
    /// path, session token signed.
    pub fn new(
        credentials: &'a Credentials,
        region: &'a str,
        service: &'a str,
        time: SystemTime,
    ) -> Self {
        Self {
            credentials,
            region,
            service,
            time,
            payload: PayloadSigning::Signed,
            content_sha256_header: false,
            normalize_path: true,
            double_uri_encode: true,
            session_token: SessionTokenMode::Signed,
        }
    }
}

/// A request as the signer sees it. `path` and `query` are as sent (percent-encoded on the wire);
/// `headers` are every header to consider for signing, names in any case.
#[derive(Debug, Clone)]
pub struct SignableRequest<'a> {
    /// `GET`, `POST`, ...
    pub method: &'a str,
    /// The path, e.g. `/` or `/2015-03-31/functions`.
    pub path: &'a str,
    /// The query string without `?` (empty when none).
    pub query: &'a str,
    /// The headers, in order (repeats allowed).
    pub headers: Vec<(&'a str, &'a str)>,
    /// The body.
    pub body: &'a [u8],
}

/// The intermediate and final results of signing (the test suite checks each).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// The canonical request.
    pub canonical_request: String,
    /// The string to sign.
    pub string_to_sign: String,
    /// The hex signature.
    pub signature: String,
    /// The `Authorization` header value.
    pub authorization: String,
}

/// The headers signing adds before the signature is computed, for these params and body:
/// `x-amz-date`, `x-amz-security-token` (when signed), `x-amz-content-sha256` (when asked for).
pub fn headers_to_add(params: &SigningParams<'_>, body: &[u8]) -> Vec<(&'static str, String)> {
    let mut out = vec![("x-amz-date", amz_date(params.time).1)];
    if let (Some(token), SessionTokenMode::Signed) =
        (params.credentials.session_token(), params.session_token)
    {
        out.push(("x-amz-security-token", token.expose().to_string()));
    }
    if params.content_sha256_header {
        out.push(("x-amz-content-sha256", payload_hash(&params.payload, body)));
    }
    out
}

fn payload_hash(payload: &PayloadSigning, body: &[u8]) -> String {
    match payload {
        PayloadSigning::Signed => hex(&Sha256::digest(body)),
        PayloadSigning::Unsigned => UNSIGNED_PAYLOAD.to_string(),
        PayloadSigning::Precomputed(h) => h.clone(),
    }
}

/// Signs `req` (whose headers must already hold what [`headers_to_add`] gives). When the request
/// carries `x-amz-content-sha256`, its value is the payload hash.
pub fn compute(req: &SignableRequest<'_>, params: &SigningParams<'_>) -> Signature {
    let (date, datetime) = amz_date(params.time);
    let headers = canonical::canonical_headers(req.headers.iter().copied());
    let signed_headers = headers.keys().cloned().collect::<Vec<_>>().join(";");
    let mut creq = String::new();
    let _ = writeln!(creq, "{}", req.method);
    let _ = writeln!(
        creq,
        "{}",
        canonical_uri(req.path, params.normalize_path, params.double_uri_encode)
    );
    let _ = writeln!(creq, "{}", canonical_query(req.query));
    for (name, value) in &headers {
        let _ = writeln!(creq, "{name}:{value}");
    }
    let _ = writeln!(creq);
    let _ = writeln!(creq, "{signed_headers}");
    // A payload hash the request already declares is the one the service checks (botocore agrees).
    match headers.get("x-amz-content-sha256") {
        Some(declared) => creq.push_str(declared),
        None => creq.push_str(&payload_hash(&params.payload, req.body)),
    }

    let scope = format!("{date}/{}/{}/aws4_request", params.region, params.service);
    let string_to_sign = format!(
        "{ALGORITHM}\n{datetime}\n{scope}\n{}",
        hex(&Sha256::digest(creq.as_bytes()))
    );
    let secret = params.credentials.secret_access_key().expose();
    let mut key = hmac(format!("AWS4{secret}").as_bytes(), date.as_bytes());
    for part in [params.region, params.service, "aws4_request"] {
        key = hmac(&key, part.as_bytes());
    }
    let signature = hex(&hmac(&key, string_to_sign.as_bytes()));
    let authorization = format!(
        "{ALGORITHM} Credential={}/{scope}, SignedHeaders={signed_headers}, Signature={signature}",
        params.credentials.access_key_id()
    );
    Signature {
        canonical_request: creq,
        string_to_sign,
        signature,
        authorization,
    }
}

/// Why a request could not be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SigningError(pub String);

impl std::fmt::Display for SigningError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "cannot sign the request: {}", self.0)
    }
}

impl std::error::Error for SigningError {}

/// Signs `request` in place: adds `x-amz-date` (and the token and content hash as `params` say),
/// then `authorization`. The request's `host` header must be set: it is signed. Returns what was
/// computed.
pub fn sign(
    request: &mut http::Request<Vec<u8>>,
    params: &SigningParams<'_>,
) -> Result<Signature, SigningError> {
    if !request.headers().contains_key(http::header::HOST) {
        return Err(SigningError("it has no host header".into()));
    }
    let value = |v: String, name: &str| {
        http::HeaderValue::from_str(&v)
            .map_err(|_| SigningError(format!("the {name} value is not a valid header value")))
    };
    for (name, v) in headers_to_add(params, request.body()) {
        let v = value(v, name)?;
        request.headers_mut().insert(name, v);
    }
    let mut headers = Vec::with_capacity(request.headers().len());
    for (name, v) in request.headers() {
        let v = v.to_str().map_err(|_| {
            SigningError(format!(
                "header {name} is not visible ASCII and cannot be signed"
            ))
        })?;
        headers.push((name.as_str(), v));
    }
    let uri = request.uri();
    let signable = SignableRequest {
        method: request.method().as_str(),
        path: uri.path(),
        query: uri.query().unwrap_or(""),
        headers,
        body: request.body(),
    };
    let signature = compute(&signable, params);
    let auth = value(signature.authorization.clone(), "authorization")?;
    request
        .headers_mut()
        .insert(http::header::AUTHORIZATION, auth);
    if let (Some(token), SessionTokenMode::AppendedAfterSigning) =
        (params.credentials.session_token(), params.session_token)
    {
        let token = value(token.expose().to_string(), "x-amz-security-token")?;
        request.headers_mut().insert("x-amz-security-token", token);
    }
    Ok(signature)
}

fn hmac(key: &[u8], data: &[u8]) -> Vec<u8> {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail.
    let mut mac = match Hmac::<Sha256>::new_from_slice(key) {
        Ok(m) => m,
        Err(_) => unreachable!("HMAC takes keys of any length"),
    };
    mac.update(data);
    mac.finalize().into_bytes().to_vec()
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests;
