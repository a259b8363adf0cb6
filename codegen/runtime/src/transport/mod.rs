//! Sending a request: the [`HttpTransport`] trait (an `http::Request<Vec<u8>>` with an absolute URI
//! in, an `http::Response<Vec<u8>>` out), its errors, and its settings (connect and read timeouts, a
//! response size limit). The default transport, [`UreqTransport`], is blocking HTTPS on ureq with
//! rustls, behind the `ureq-transport` feature (on by default); turn the feature off to bring your
//! own HTTP stack by implementing the trait.

#[cfg(feature = "ureq-transport")]
mod ureq_transport;

#[cfg(feature = "ureq-transport")]
pub use ureq_transport::UreqTransport;

use crate::retry::RetryKind;
use std::fmt;
use std::time::Duration;

/// Sends one request and reads the whole response. Implementations must not follow redirects
/// (the request is signed for one host), must hand back error statuses as responses, and should
/// refuse a body larger than their limit with [`TransportErrorKind::BodyTooLarge`].
pub trait HttpTransport: Send + Sync + fmt::Debug {
    /// One attempt: the request's URI is absolute (`https://host/path?query`).
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, TransportError>;
}

/// What went wrong sending a request or reading its response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransportErrorKind {
    /// No connection could be made (refused, DNS, TLS handshake).
    Connect,
    /// A connect or read timeout fired.
    Timeout,
    /// The connection broke while sending or reading (including a body shorter than its
    /// `Content-Length`).
    Io,
    /// The response body is over the size limit.
    BodyTooLarge,
    /// The request cannot be sent as it is (a bad URI or header).
    InvalidRequest,
    /// The response is not valid HTTP.
    InvalidResponse,
}

/// A transport failure: its kind and a message (which names the URL, never a header value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportError {
    /// What kind of failure.
    pub kind: TransportErrorKind,
    /// What happened.
    pub message: String,
}

impl TransportError {
    /// A failure of this kind.
    pub fn new(kind: TransportErrorKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }

    /// Whether (and how) this failure may be retried: connection failures, broken connections and
    /// timeouts are; an oversized body or a malformed request or response is not.
    pub fn retry_kind(&self) -> Option<RetryKind> {
        match self.kind {
            TransportErrorKind::Connect | TransportErrorKind::Io => Some(RetryKind::Transient),
            TransportErrorKind::Timeout => Some(RetryKind::Timeout),
            TransportErrorKind::BodyTooLarge
            | TransportErrorKind::InvalidRequest
            | TransportErrorKind::InvalidResponse => None,
        }
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match self.kind {
            TransportErrorKind::Connect => "connection failed",
            TransportErrorKind::Timeout => "timed out",
            TransportErrorKind::Io => "connection broken",
            TransportErrorKind::BodyTooLarge => "response body too large",
            TransportErrorKind::InvalidRequest => "invalid request",
            TransportErrorKind::InvalidResponse => "invalid response",
        };
        write!(f, "{what}: {}", self.message)
    }
}

impl std::error::Error for TransportError {}

/// Transport settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransportConfig {
    /// How long to wait for a connection (3.1 s, as the AWS SDKs).
    pub connect_timeout: Duration,
    /// How long any one read may wait for data (None: forever). 60 s by default.
    pub read_timeout: Option<Duration>,
    /// The largest response body accepted, in bytes (64 MiB by default).
    pub max_response_bytes: u64,
}

impl Default for TransportConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_millis(3100),
            read_timeout: Some(Duration::from_secs(60)),
            max_response_bytes: 64 << 20,
        }
    }
}
