//! Building an operation's HTTP request: method, path (labels percent-encoded), query string,
//! headers, body, and the `endpoint` trait's host prefix.

use crate::HostPrefix;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::fmt;

/// Everything but RFC 3986's unreserved characters (`A-Z a-z 0-9 - . _ ~`) is percent-encoded.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The same, keeping `/` (greedy labels, `{Key+}`).
const GREEDY: &AsciiSet = &UNRESERVED.remove(b'/');

/// Why a request could not be built from an input (a required label or host label unset or
/// empty, a header value HTTP cannot carry, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SerializeError {
    message: String,
}

impl SerializeError {
    pub fn new(message: impl Into<String>) -> Self {
        SerializeError {
            message: message.into(),
        }
    }

    /// A required URI or host label that is unset or empty.
    pub fn missing_label(member: &str) -> Self {
        SerializeError::new(format!(
            "member `{member}` is bound to a label and must be set (and not empty)"
        ))
    }
}

impl fmt::Display for SerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot serialize the request: {}", self.message)
    }
}

impl std::error::Error for SerializeError {}

/// A URI label's text, percent-encoded; `greedy` (`{Key+}`) keeps `/`.
pub fn encode_label(value: &str, greedy: bool) -> String {
    let set = if greedy { GREEDY } else { UNRESERVED };
    utf8_percent_encode(value, set).to_string()
}

/// A query string: the literal part of the URI template first, then parameters in the order pushed,
/// names and values percent-encoded.
#[derive(Debug, Clone, Default)]
pub struct Query {
    text: String,
    names: Vec<String>,
}

impl Query {
    /// Start from the literal query of the URI template (`a=b&c` of `/path?a=b&c`).
    pub fn new(literal: &str) -> Self {
        Query {
            text: literal.to_string(),
            names: Vec::new(),
        }
    }

    /// Add `name=value`.
    pub fn push(&mut self, name: &str, value: &str) {
        if !self.text.is_empty() {
            self.text.push('&');
        }
        self.text
            .extend(utf8_percent_encode(name, UNRESERVED).map(|s| s.to_string()));
        self.text.push('=');
        self.text
            .extend(utf8_percent_encode(value, UNRESERVED).map(|s| s.to_string()));
        self.names.push(name.to_string());
    }

    /// Was `name` pushed already? (`httpQueryParams` entries give way to `httpQuery` members.)
    pub fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// The query string without `?` (empty when there are no parameters).
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

/// An HTTP request under construction; [`RequestBuilder::build`] gives the `http::Request`.
#[derive(Debug)]
pub struct RequestBuilder {
    method: &'static str,
    path: String,
    query: Query,
    headers: http::HeaderMap,
    body: Vec<u8>,
    host_prefix: Option<String>,
}

impl RequestBuilder {
    /// A request with this method and (already encoded) path.
    pub fn new(method: &'static str, path: String) -> Self {
        RequestBuilder {
            method,
            path,
            query: Query::default(),
            headers: http::HeaderMap::new(),
            body: Vec::new(),
            host_prefix: None,
        }
    }

    /// Set the query string.
    pub fn query(&mut self, query: Query) {
        self.query = query;
    }

    /// Add a header (a list header is added once with its items joined by the caller).
    pub fn header(&mut self, name: &str, value: &str) -> Result<(), SerializeError> {
        let n = http::HeaderName::try_from(name)
            .map_err(|_| SerializeError::new(format!("`{name}` is not a valid header name")))?;
        let v = http::HeaderValue::try_from(value).map_err(|_| {
            SerializeError::new(format!("header `{name}`: the value cannot travel in HTTP"))
        })?;
        self.headers.append(n, v);
        Ok(())
    }

    /// Set the body and its `Content-Type`.
    pub fn body(&mut self, content_type: &str, body: Vec<u8>) -> Result<(), SerializeError> {
        if !self.headers.contains_key(http::header::CONTENT_TYPE) {
            self.header("Content-Type", content_type)?;
        }
        self.body = body;
        Ok(())
    }

    /// The `endpoint` trait's host prefix, labels filled in.
    pub fn host_prefix(&mut self, prefix: String) {
        self.host_prefix = Some(prefix);
    }

    /// The finished request: URI is path and query only.
    pub fn build(self) -> Result<http::Request<Vec<u8>>, SerializeError> {
        let uri = if self.query.as_str().is_empty() {
            self.path
        } else {
            format!("{}?{}", self.path, self.query.as_str())
        };
        let mut builder = http::Request::builder().method(self.method).uri(&uri);
        if let Some(h) = builder.headers_mut() {
            h.extend(self.headers);
        }
        if let Some(p) = self.host_prefix {
            builder = builder.extension(HostPrefix(p));
        }
        builder
            .body(self.body)
            .map_err(|e| SerializeError::new(format!("URI `{uri}`: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_queries_keep_only_unreserved_characters() {
        assert_eq!(encode_label("a b/c%~-._", false), "a%20b%2Fc%25~-._");
        assert_eq!(encode_label("a b/c", true), "a%20b/c");
        assert_eq!(encode_label("ü", false), "%C3%BC");
        let mut q = Query::new("Hi=There");
        q.push("k ey", "v&=/");
        assert!(q.has("k ey") && !q.has("k"));
        assert_eq!(q.as_str(), "Hi=There&k%20ey=v%26%3D%2F");
    }

    #[test]
    fn a_request_carries_its_parts() {
        let mut b = RequestBuilder::new("PUT", "/x".into());
        let mut q = Query::default();
        q.push("a", "1");
        b.query(q);
        b.header("X-A", "1").unwrap();
        b.header("X-A", "2").unwrap();
        b.body("application/json", b"{}".to_vec()).unwrap();
        b.host_prefix("data-".into());
        let r = b.build().unwrap();
        assert_eq!(r.method(), "PUT");
        assert_eq!(r.uri(), "/x?a=1");
        assert_eq!(r.headers().get_all("x-a").iter().count(), 2);
        assert_eq!(r.headers()["content-type"], "application/json");
        assert_eq!(r.extensions().get::<HostPrefix>().unwrap().0, "data-");
        let mut bad = RequestBuilder::new("GET", "/".into());
        assert!(bad.header("X-B", "a\nb").is_err());
        assert!(bad.header("bad name", "x").is_err());
    }
}
