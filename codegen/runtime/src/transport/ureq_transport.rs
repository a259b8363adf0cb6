//! The default transport: blocking HTTP/1.1 over rustls (webpki roots) with ureq 2. No redirects are
//! followed, error statuses come back as responses, the body is read up to the size limit.

use super::{HttpTransport, TransportConfig, TransportError, TransportErrorKind};
use std::io::Read;

/// Blocking HTTPS on ureq + rustls; keeps connections alive between requests.
#[derive(Debug, Clone)]
pub struct UreqTransport {
    agent: ureq::Agent,
    config: TransportConfig,
}

impl Default for UreqTransport {
    fn default() -> Self {
        Self::new(TransportConfig::default())
    }
}

impl UreqTransport {
    /// A transport with these timeouts and limit.
    pub fn new(config: TransportConfig) -> Self {
        let mut builder = ureq::AgentBuilder::new()
            .timeout_connect(config.connect_timeout)
            .redirects(0)
            .user_agent(concat!("awsgen-runtime/", env!("CARGO_PKG_VERSION")));
        if let Some(t) = config.read_timeout {
            builder = builder.timeout_read(t).timeout_write(t);
        }
        Self {
            agent: builder.build(),
            config,
        }
    }
}

fn invalid_request(message: String) -> TransportError {
    TransportError::new(TransportErrorKind::InvalidRequest, message)
}

impl HttpTransport for UreqTransport {
    fn send(
        &self,
        request: http::Request<Vec<u8>>,
    ) -> Result<http::Response<Vec<u8>>, TransportError> {
        let (parts, body) = request.into_parts();
        let url = parts.uri.to_string();
        let mut req = self.agent.request(parts.method.as_str(), &url);
        for name in parts.headers.keys() {
            // Repeated headers travel as one, joined with "," (the form SigV4 signs).
            let mut values = Vec::new();
            for v in parts.headers.get_all(name) {
                let v = v
                    .to_str()
                    .map_err(|_| invalid_request(format!("header {name} is not visible ASCII")))?;
                values.push(v);
            }
            req = req.set(name.as_str(), &values.join(","));
        }
        let response = match req.send_bytes(&body) {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(ureq::Error::Transport(t)) => return Err(transport_error(&t)),
        };
        self.read_response(response, &url)
    }
}

impl UreqTransport {
    fn read_response(
        &self,
        response: ureq::Response,
        url: &str,
    ) -> Result<http::Response<Vec<u8>>, TransportError> {
        let invalid = |m: String| TransportError::new(TransportErrorKind::InvalidResponse, m);
        let limit = self.config.max_response_bytes;
        let mut builder = http::Response::builder().status(response.status());
        for name in response.headers_names() {
            for value in response.all(&name) {
                builder = builder.header(name.as_str(), value);
            }
        }
        if let Some(len) = response.header("content-length") {
            match len.trim().parse::<u64>() {
                Ok(n) if n > limit => {
                    return Err(TransportError::new(
                        TransportErrorKind::BodyTooLarge,
                        format!("{url}: Content-Length {n} is over the limit of {limit} bytes"),
                    ))
                }
                Ok(_) => {}
                Err(_) => {
                    return Err(invalid(format!(
                        "{url}: Content-Length {len:?} is not a number"
                    )))
                }
            }
        }
        let mut body = Vec::new();
        response
            .into_reader()
            .take(limit.saturating_add(1))
            .read_to_end(&mut body)
            .map_err(|e| io_error(&e, url, "reading the response body"))?;
        if body.len() as u64 > limit {
            return Err(TransportError::new(
                TransportErrorKind::BodyTooLarge,
                format!("{url}: the response body is over the limit of {limit} bytes"),
            ));
        }
        builder
            .body(body)
            .map_err(|e| invalid(format!("{url}: {e}")))
    }
}

fn io_error(e: &std::io::Error, url: &str, what: &str) -> TransportError {
    use std::io::ErrorKind;
    let kind = match e.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => TransportErrorKind::Timeout,
        _ => TransportErrorKind::Io,
    };
    TransportError::new(kind, format!("{url}: {what}: {e}"))
}

/// ureq's message names the URL.
fn transport_error(t: &ureq::Transport) -> TransportError {
    use ureq::ErrorKind as K;
    // A timeout shows as an io::Error of kind TimedOut or WouldBlock somewhere in the chain.
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(t);
    while let Some(s) = source {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            if matches!(
                io.kind(),
                std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
            ) {
                return TransportError::new(TransportErrorKind::Timeout, t.to_string());
            }
        }
        source = s.source();
    }
    let kind = match t.kind() {
        K::Dns | K::ConnectionFailed | K::ProxyConnect => TransportErrorKind::Connect,
        K::Io => TransportErrorKind::Io,
        K::BadStatus | K::BadHeader | K::TooManyRedirects => TransportErrorKind::InvalidResponse,
        _ => TransportErrorKind::InvalidRequest,
    };
    TransportError::new(kind, t.to_string())
}
