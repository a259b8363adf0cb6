//! Reading an error response: the error code (from `X-Amzn-Errortype`, the body's `__type` or
//! `code`, or for `awsQueryCompatible` services `x-amzn-query-error`), the message, and the
//! [`Unhandled`] value an operation returns for a code it does not model.

use std::fmt;

/// The code and message of an error response.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ErrorInfo {
    /// The error's shape name (namespace before `#` and anything after `:` stripped).
    pub code: Option<String>,
    /// `message`, `Message` or `errorMessage` of the body.
    pub message: Option<String>,
}

/// `aws.protocols#...#Name:http://...` -> `Name`.
fn sanitize(code: &str) -> String {
    let code = code.split(':').next().unwrap_or_default();
    let code = code.rsplit('#').next().unwrap_or_default();
    code.trim().to_string()
}

impl ErrorInfo {
    /// Read the code and message of an error response. `query_compatible`: the service has
    /// `awsQueryCompatible`, whose `x-amzn-query-error: Code;Sender` header gives the code.
    pub fn read(response: &http::Response<Vec<u8>>, query_compatible: bool) -> ErrorInfo {
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .filter(|v| !v.is_empty())
        };
        let body: Option<serde_json::Map<String, serde_json::Value>> =
            serde_json::from_slice(response.body()).ok();
        let field = |names: &[&str]| {
            names.iter().find_map(|n| {
                body.as_ref()
                    .and_then(|b| b.get(*n))
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            })
        };
        let query_code = query_compatible
            .then(|| header("x-amzn-query-error"))
            .flatten()
            .and_then(|v| v.split(';').next())
            .filter(|c| !c.is_empty())
            .map(str::to_string);
        let code = query_code.or_else(|| {
            header("x-amzn-errortype")
                .map(str::to_string)
                .or_else(|| field(&["__type", "code"]))
                .map(|c| sanitize(&c))
        });
        ErrorInfo {
            code: code.filter(|c| !c.is_empty()),
            message: field(&["message", "Message", "errorMessage"]),
        }
    }
}

/// An error response the operation does not model (or a response it could not read): what the
/// service sent, kept whole.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Unhandled {
    /// The HTTP status code.
    pub status: u16,
    /// The error code, when the response carried one.
    pub code: Option<String>,
    /// The error message, when the response carried one.
    pub message: Option<String>,
    /// The raw response body.
    pub body: Vec<u8>,
    /// Why the response could not be read as the operation's output or a modeled error, when that
    /// is what happened (a malformed body or header).
    pub problem: Option<String>,
}

impl Unhandled {
    /// From a response and what [`ErrorInfo::read`] found in it.
    pub fn new(response: &http::Response<Vec<u8>>, info: ErrorInfo) -> Self {
        Unhandled {
            status: response.status().as_u16(),
            code: info.code,
            message: info.message,
            body: response.body().clone(),
            problem: None,
        }
    }

    /// A response that could not be read: `problem` says why.
    pub fn malformed(response: &http::Response<Vec<u8>>, problem: impl fmt::Display) -> Self {
        let mut u = Unhandled::new(response, ErrorInfo::read(response, false));
        u.problem = Some(problem.to_string());
        u
    }
}

impl fmt::Display for Unhandled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HTTP {}", self.status)?;
        if let Some(c) = &self.code {
            write!(f, " {c}")?;
        }
        if let Some(m) = &self.message {
            write!(f, ": {m}")?;
        }
        if let Some(p) = &self.problem {
            write!(f, " (unreadable response: {p})")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
        let mut b = http::Response::builder().status(400);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(body.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn codes_come_from_the_header_then_the_body_sanitized() {
        let r = response(
            &[("X-Amzn-Errortype", "FooError:http://internal.amazon.com/")],
            r#"{"__type": "Other"}"#,
        );
        assert_eq!(ErrorInfo::read(&r, false).code.as_deref(), Some("FooError"));
        let r = response(
            &[],
            r#"{"__type": "aws.protocoltests#FooError", "Message": "hi"}"#,
        );
        let info = ErrorInfo::read(&r, false);
        assert_eq!(info.code.as_deref(), Some("FooError"));
        assert_eq!(info.message.as_deref(), Some("hi"));
        let r = response(&[], r#"{"code": "ns#Bar:extra", "errorMessage": "m"}"#);
        let info = ErrorInfo::read(&r, false);
        assert_eq!(
            (info.code.as_deref(), info.message.as_deref()),
            (Some("Bar"), Some("m"))
        );
        let r = response(
            &[("x-amzn-query-error", "AWS.Queue;Sender")],
            r#"{"__type": "Q"}"#,
        );
        assert_eq!(ErrorInfo::read(&r, true).code.as_deref(), Some("AWS.Queue"));
        assert_eq!(ErrorInfo::read(&r, false).code.as_deref(), Some("Q"));
        let u = Unhandled::new(&r, ErrorInfo::read(&r, false));
        assert_eq!((u.status, u.body.len()), (400, 15));
        assert_eq!(response(&[], "not json").status(), 400);
        assert_eq!(
            ErrorInfo::read(&response(&[], "<x/>"), false),
            ErrorInfo::default()
        );
    }
}
