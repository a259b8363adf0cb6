//! The request pipeline generated clients call: given an operation's request (URI path and query
//! only, an optional [`HostPrefix`] extension, an optional resolved [`Endpoint`] extension that
//! overrides the pipeline's endpoint, adds the endpoint's headers and, by its `sigv4` auth scheme,
//! the signing region and name and double-encoding), it joins the endpoint, the host prefix and the
//! path, adds `host`, `content-length` and `user-agent`, signs (SigV4, fresh for each attempt),
//! sends through the transport, classifies the outcome for retry (the [`ClassifyResponse`] hook:
//! the protocol layer tells throttling codes apart), backs off and retries within the attempt limit
//! and the retry quota, and returns the last response. An error status is a response, not an
//! error: the protocol layer reads the service's error from it.
//!
//! ```no_run
//! # #[cfg(feature = "ureq-transport")]
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use awsgen_runtime::credentials::{ChainProvider, Env};
//! use awsgen_runtime::pipeline::Pipeline;
//! use awsgen_runtime::transport::UreqTransport;
//! use std::sync::Arc;
//!
//! let pipeline = Pipeline::new(
//!     "https://api.sagemaker.us-east-1.amazonaws.com",
//!     "us-east-1",
//!     "sagemaker",
//!     Arc::new(ChainProvider::default_chain(Env::real())),
//!     Arc::new(UreqTransport::default()),
//! )?;
//! let request = awsgen_runtime::http::Request::post("/")
//!     .header("content-type", "application/x-amz-json-1.1")
//!     .header("x-amz-target", "SageMaker.ListEndpointConfigs")
//!     .body(b"{}".to_vec())?;
//! let response = pipeline.send(request)?;
//! println!("{} {}", response.status(), String::from_utf8_lossy(response.body()));
//! # Ok(())
//! # }
//! # #[cfg(not(feature = "ureq-transport"))]
//! # fn main() {}
//! ```

use crate::credentials::{CredentialsError, ProvideCredentials};
use crate::endpoints::Endpoint;
use crate::retry::{ClassifyResponse, RetryConfig, RetryKind, RetryQuota, StandardClassifier};
use crate::sigv4::{self, PayloadSigning, SigningError, SigningParams};
use crate::transport::{HttpTransport, TransportError};
use crate::HostPrefix;
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// How a send went, attached to the returned response as an extension (and carried by a
/// transport error): the attempts made and the backoff slept before each retry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attempts {
    /// Attempts made, the first included.
    pub count: u32,
    /// The backoff slept before each retry, in order.
    pub delays: Vec<Duration>,
    /// Why the pipeline stopped retrying a retryable failure (None when the last attempt was not
    /// one): `"max attempts reached"` or `"retry quota exhausted"`.
    pub gave_up: Option<&'static str>,
}

/// Why a request could not be sent.
#[derive(Debug)]
pub enum SendError {
    /// The endpoint URL, or the endpoint with the host prefix, is not a usable URL.
    Endpoint(String),
    /// The operation's request is malformed (its URI is not a path and query).
    Request(String),
    /// No credentials.
    Credentials(CredentialsError),
    /// The request could not be signed.
    Signing(SigningError),
    /// The last attempt failed in the transport (after the retries `attempts` shows).
    Transport {
        /// The last failure.
        error: TransportError,
        /// The attempts made.
        attempts: Attempts,
    },
}

impl fmt::Display for SendError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Endpoint(m) => write!(f, "invalid endpoint: {m}"),
            Self::Request(m) => write!(f, "invalid request: {m}"),
            Self::Credentials(e) => e.fmt(f),
            Self::Signing(e) => e.fmt(f),
            Self::Transport { error, attempts } => {
                write!(f, "{error} (after {} attempt", attempts.count)?;
                if attempts.count != 1 {
                    f.write_str("s")?;
                }
                if let Some(why) = attempts.gave_up {
                    write!(f, "; {why}")?;
                }
                f.write_str(")")
            }
        }
    }
}

impl std::error::Error for SendError {}

/// What every request of one client shares: where to send, how to sign, retry and send. Holds the
/// client's retry quota.
#[derive(Debug)]
pub struct Pipeline {
    endpoint: http::Uri,
    region: String,
    signing_name: String,
    credentials: Arc<dyn ProvideCredentials>,
    transport: Arc<dyn HttpTransport>,
    retry: RetryConfig,
    quota: RetryQuota,
    payload: PayloadSigning,
}

impl Pipeline {
    /// A pipeline for `endpoint` (`https://host[:port][/base]`), signing for `region` and the
    /// service's `signing_name`, with the standard retry mode.
    pub fn new(
        endpoint: &str,
        region: &str,
        signing_name: &str,
        credentials: Arc<dyn ProvideCredentials>,
        transport: Arc<dyn HttpTransport>,
    ) -> Result<Self, SendError> {
        let uri = parse_endpoint(endpoint)?;
        let retry = RetryConfig::default();
        Ok(Self {
            endpoint: uri,
            region: region.to_string(),
            signing_name: signing_name.to_string(),
            credentials,
            transport,
            quota: RetryQuota::new(retry.quota),
            retry,
            payload: PayloadSigning::Signed,
        })
    }

    /// These retry settings (and a fresh quota of their size).
    pub fn with_retry(mut self, retry: RetryConfig) -> Self {
        self.quota = RetryQuota::new(retry.quota);
        self.retry = retry;
        self
    }

    /// Sign payloads this way (signed by default).
    pub fn with_payload_signing(mut self, payload: PayloadSigning) -> Self {
        self.payload = payload;
        self
    }

    /// The retry quota's tokens left.
    pub fn quota_available(&self) -> u32 {
        self.quota.available()
    }

    /// Sends with the [`StandardClassifier`] (the status and the error code in the header or body).
    pub fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, SendError> {
        self.send_with(request, &StandardClassifier)
    }

    /// Sends `request`, retrying what `classifier` (for responses) and the transport error's
    /// [`TransportError::retry_kind`] (for failures) call retryable. The response carries an
    /// [`Attempts`] extension.
    pub fn send_with(
        &self,
        request: http::Request<Vec<u8>>,
        classifier: &dyn ClassifyResponse,
    ) -> Result<http::Response<Vec<u8>>, SendError> {
        let credentials = self
            .credentials
            .provide_credentials()
            .map_err(SendError::Credentials)?;
        let (mut parts, body) = request.into_parts();
        let host_prefix = parts.extensions.remove::<HostPrefix>();
        let resolved = parts.extensions.remove::<Endpoint>();
        let route = self.route(resolved.as_ref())?;
        if let Some(ep) = &resolved {
            for (name, values) in &ep.headers {
                let name = http::HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                    SendError::Endpoint(format!("the endpoint's header name {name:?} is invalid"))
                })?;
                for v in values {
                    let v = http::HeaderValue::from_str(v).map_err(|_| {
                        SendError::Endpoint(format!("the endpoint's {name} value is invalid"))
                    })?;
                    parts.headers.append(name.clone(), v);
                }
            }
        }
        let (uri, host) = target(&route.endpoint, &parts.uri, host_prefix.as_ref())?;
        let host = http::HeaderValue::from_str(&host)
            .map_err(|_| SendError::Endpoint(format!("{host:?} is not a valid host header")))?;
        parts.uri = uri;
        parts.headers.insert(http::header::HOST, host);
        parts
            .headers
            .insert(http::header::CONTENT_LENGTH, body.len().into());
        parts
            .headers
            .entry(http::header::USER_AGENT)
            .or_insert(http::HeaderValue::from_static(concat!(
                "awsgen-runtime/",
                env!("CARGO_PKG_VERSION")
            )));

        let mut attempts = Attempts::default();
        let mut last_cost: Option<u32> = None;
        loop {
            attempts.count += 1;
            let mut attempt = http::Request::from_parts(clone_parts(&parts), body.clone());
            let params = SigningParams {
                payload: self.payload.clone(),
                normalize_path: route.normalize,
                double_uri_encode: route.normalize,
                ..SigningParams::new(
                    &credentials,
                    &route.region,
                    &route.signing_name,
                    SystemTime::now(),
                )
            };
            sigv4::sign(&mut attempt, &params).map_err(SendError::Signing)?;
            let outcome = self.transport.send(attempt);
            let kind: Option<RetryKind> = match &outcome {
                Ok(response) => classifier.classify(response),
                Err(e) => e.retry_kind(),
            };
            let retry = match kind {
                None => None,
                Some(_) if attempts.count >= self.retry.max_attempts => {
                    attempts.gave_up = Some("max attempts reached");
                    None
                }
                Some(kind) => match self.quota.acquire(kind) {
                    Some(cost) => Some(cost),
                    None => {
                        attempts.gave_up = Some("retry quota exhausted");
                        None
                    }
                },
            };
            let Some(cost) = retry else {
                if kind.is_none() && outcome.is_ok() {
                    self.quota.success(last_cost);
                }
                return match outcome {
                    Ok(mut response) => {
                        response.extensions_mut().insert(attempts);
                        Ok(response)
                    }
                    Err(error) => Err(SendError::Transport { error, attempts }),
                };
            };
            last_cost = Some(cost);
            let delay = self.retry.backoff(attempts.count, fastrand::f64());
            attempts.delays.push(delay);
            std::thread::sleep(delay);
        }
    }

    /// The route of a request: its resolved endpoint's, else the pipeline's.
    fn route(&self, resolved: Option<&Endpoint>) -> Result<Route, SendError> {
        let Some(ep) = resolved else {
            return Ok(Route {
                endpoint: self.endpoint.clone(),
                region: self.region.clone(),
                signing_name: self.signing_name.clone(),
                normalize: true,
            });
        };
        let endpoint = parse_endpoint(&ep.url)?;
        let schemes = ep.auth_schemes();
        let sigv4 = schemes.iter().find(|s| s.name == "sigv4");
        if sigv4.is_none() && !schemes.is_empty() {
            let names: Vec<&str> = schemes.iter().map(|s| s.name.as_str()).collect();
            return Err(SendError::Signing(SigningError(format!(
                "the endpoint {} asks for auth scheme {}, and only sigv4 is supported",
                ep.url,
                names.join(" or ")
            ))));
        }
        Ok(Route {
            endpoint,
            region: sigv4
                .and_then(|s| s.signing_region.clone())
                .unwrap_or_else(|| self.region.clone()),
            signing_name: sigv4
                .and_then(|s| s.signing_name.clone())
                .unwrap_or_else(|| self.signing_name.clone()),
            normalize: !sigv4.is_some_and(|s| s.disable_double_encoding),
        })
    }
}

/// The absolute URI (endpoint, host prefix, endpoint path + request path, request query) and the
/// host header.
fn target(
    endpoint: &http::Uri,
    request_uri: &http::Uri,
    host_prefix: Option<&HostPrefix>,
) -> Result<(http::Uri, String), SendError> {
    if request_uri.scheme().is_some() || request_uri.authority().is_some() {
        return Err(SendError::Request(format!(
            "the URI {request_uri} must be a path and query only (the endpoint gives the host)"
        )));
    }
    let authority = endpoint.authority().map(|a| a.as_str()).unwrap_or_default();
    let host = match host_prefix {
        Some(HostPrefix(p)) => format!("{p}{authority}"),
        None => authority.to_string(),
    };
    let base = endpoint.path().trim_end_matches('/');
    let path = request_uri.path();
    let mut target = format!("{base}{}", if path.is_empty() { "/" } else { path });
    if let Some(q) = request_uri.query() {
        target.push('?');
        target.push_str(q);
    }
    let scheme = endpoint.scheme_str().unwrap_or("https");
    let uri = http::Uri::builder()
        .scheme(scheme)
        .authority(host.as_str())
        .path_and_query(target.as_str())
        .build()
        .map_err(|e| SendError::Endpoint(format!("{scheme}://{host}{target}: {e}")))?;
    Ok((uri, host))
}

/// An endpoint URL: `http(s)://host[:port][/base]`, no query.
fn parse_endpoint(endpoint: &str) -> Result<http::Uri, SendError> {
    let uri: http::Uri = endpoint
        .parse()
        .map_err(|e| SendError::Endpoint(format!("{endpoint:?}: {e}")))?;
    if !matches!(uri.scheme_str(), Some("https" | "http")) {
        return Err(SendError::Endpoint(format!(
            "{endpoint:?} is not an http:// or https:// URL"
        )));
    }
    if uri.host().map_or(true, str::is_empty) {
        return Err(SendError::Endpoint(format!("{endpoint:?} has no host")));
    }
    if uri.query().is_some() {
        return Err(SendError::Endpoint(format!(
            "{endpoint:?} has a query string"
        )));
    }
    Ok(uri)
}

/// Where one request goes and how it is signed: the pipeline's own settings, or those of an
/// [`Endpoint`] the request carries.
struct Route {
    endpoint: http::Uri,
    region: String,
    signing_name: String,
    /// Double URI-encoding and path normalisation (off when the endpoint's auth scheme says
    /// `disableDoubleEncoding`, as S3's does).
    normalize: bool,
}

/// Method, URI, version and headers (`Parts` is not `Clone`: extensions may not be).
fn clone_parts(parts: &http::request::Parts) -> http::request::Parts {
    let (mut copy, ()) = http::Request::new(()).into_parts();
    copy.method = parts.method.clone();
    copy.uri = parts.uri.clone();
    copy.version = parts.version;
    copy.headers = parts.headers.clone();
    copy
}

#[cfg(test)]
mod tests;
