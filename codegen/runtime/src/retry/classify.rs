//! Which failures the standard retry mode retries: throttling error codes (and HTTP 429), transient
//! codes and statuses (500, 502, 503, 504); the error code read from `x-amzn-ErrorType`, a JSON
//! body's `__type` / `code`, or an XML body's `<Code>`. The protocol layer may plug in its own
//! [`ClassifyResponse`].

use super::RetryKind;

/// Error codes the standard retry mode treats as throttling.
pub const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes the standard retry mode treats as transient.
pub const TRANSIENT_CODES: &[&str] = &["RequestTimeout", "RequestTimeoutException"];

/// HTTP statuses retried whatever the error code.
pub const TRANSIENT_STATUSES: &[u16] = &[500, 502, 503, 504];

/// The retry kind of a modeled error code (the protocol layer reads it from the response), if any.
/// `code` may carry a namespace or a suffix, as `x-amzn-ErrorType` does
/// (`aws.protocoltests#ThrottlingException`, `ThrottlingException:http://...`).
pub fn kind_of_error_code(code: &str) -> Option<RetryKind> {
    let code = code.split(':').next().unwrap_or(code);
    let code = code.rsplit('#').next().unwrap_or(code).trim();
    if THROTTLING_CODES.contains(&code) {
        Some(RetryKind::Throttling)
    } else if TRANSIENT_CODES.contains(&code) {
        Some(RetryKind::Transient)
    } else {
        None
    }
}

/// The retry kind of a response by its status and error code (None: success, or an error not to
/// retry). 429 is throttling; 500, 502, 503 and 504 are transient.
pub fn kind_of_response(status: u16, error_code: Option<&str>) -> Option<RetryKind> {
    if status < 300 {
        return None;
    }
    if let Some(kind) = error_code.and_then(kind_of_error_code) {
        return Some(kind);
    }
    if status == 429 {
        Some(RetryKind::Throttling)
    } else if TRANSIENT_STATUSES.contains(&status) {
        Some(RetryKind::Transient)
    } else {
        None
    }
}

/// Decides whether a response is a failure worth retrying. [`StandardClassifier`] reads the error
/// code the common ways; a protocol layer that knows better supplies its own.
pub trait ClassifyResponse: Send + Sync {
    /// None: hand the response back (a success, or an error not to retry).
    fn classify(&self, response: &http::Response<Vec<u8>>) -> Option<RetryKind>;
}

/// The error code of an error response, looked for in the `x-amzn-ErrorType` header (awsJson,
/// restJson), then a JSON body's `__type`, `code` or `Code`, then an XML body's first
/// `<Code>...</Code>` (awsQuery, ec2Query, restXml). None for a success or when there is none.
pub fn error_code(response: &http::Response<Vec<u8>>) -> Option<String> {
    if response.status().as_u16() < 300 {
        return None;
    }
    if let Some(code) = response
        .headers()
        .get("x-amzn-errortype")
        .and_then(|v| v.to_str().ok())
        .filter(|c| !c.is_empty())
    {
        return Some(code.to_string());
    }
    let body = response.body();
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice(body) {
        return ["__type", "code", "Code"]
            .iter()
            .find_map(|k| map.get(*k).and_then(|v| v.as_str()))
            .map(str::to_string);
    }
    let text = std::str::from_utf8(body).ok()?;
    let start = text.find("<Code>")? + "<Code>".len();
    let len = text[start..].find("</Code>")?;
    Some(text[start..start + len].trim().to_string())
}

/// Classifies by [`error_code`] and the status ([`kind_of_response`]).
#[derive(Debug, Clone, Copy, Default)]
pub struct StandardClassifier;

impl ClassifyResponse for StandardClassifier {
    fn classify(&self, response: &http::Response<Vec<u8>>) -> Option<RetryKind> {
        kind_of_response(response.status().as_u16(), error_code(response).as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn throttling_transient_and_other_errors() {
        assert_eq!(
            kind_of_error_code("ThrottlingException"),
            Some(RetryKind::Throttling)
        );
        assert_eq!(
            kind_of_error_code("aws.protocoltests#ThrottlingException"),
            Some(RetryKind::Throttling)
        );
        assert_eq!(
            kind_of_error_code("SlowDown:http://internal.amazon.com/"),
            Some(RetryKind::Throttling)
        );
        assert_eq!(
            kind_of_error_code("RequestTimeout"),
            Some(RetryKind::Transient)
        );
        assert_eq!(kind_of_error_code("ValidationException"), None);
        assert_eq!(kind_of_response(200, None), None);
        assert_eq!(kind_of_response(400, Some("ValidationException")), None);
        assert_eq!(
            kind_of_response(400, Some("ThrottlingException")),
            Some(RetryKind::Throttling)
        );
        assert_eq!(kind_of_response(429, None), Some(RetryKind::Throttling));
        for s in [500, 502, 503, 504] {
            assert_eq!(kind_of_response(s, None), Some(RetryKind::Transient), "{s}");
        }
        assert_eq!(kind_of_response(501, None), None);
        assert_eq!(kind_of_response(404, None), None);
    }

    #[test]
    fn the_standard_classifier_reads_header_json_and_xml_codes() {
        let resp = |status: u16, code: Option<&str>| {
            let mut b = http::Response::builder().status(status);
            if let Some(c) = code {
                b = b.header("X-Amzn-ErrorType", c);
            }
            b.body(Vec::new()).unwrap()
        };
        let c = StandardClassifier;
        assert_eq!(
            c.classify(&resp(400, Some("ThrottlingException"))),
            Some(RetryKind::Throttling)
        );
        assert_eq!(c.classify(&resp(400, Some("ResourceNotFound"))), None);
        assert_eq!(c.classify(&resp(503, None)), Some(RetryKind::Transient));
        assert_eq!(c.classify(&resp(200, None)), None);
        let body = |status: u16, text: &str| {
            http::Response::builder()
                .status(status)
                .body(text.as_bytes().to_vec())
                .unwrap()
        };
        let json = body(
            400,
            r#"{"__type":"com.amazonaws.sagemaker#ThrottlingException","message":"x"}"#,
        );
        assert_eq!(c.classify(&json), Some(RetryKind::Throttling));
        let rest = body(400, r#"{"code":"TooManyRequestsException"}"#);
        assert_eq!(c.classify(&rest), Some(RetryKind::Throttling));
        let xml = body(
            503,
            "<ErrorResponse><Error><Type>Sender</Type><Code>SlowDown</Code></Error></ErrorResponse>",
        );
        assert_eq!(error_code(&xml).as_deref(), Some("SlowDown"));
        assert_eq!(
            c.classify(&body(400, "<Error><Code>AccessDenied</Code></Error>")),
            None
        );
        assert_eq!(c.classify(&body(400, "not json <Code>unterminated")), None);
        assert_eq!(
            error_code(&body(200, r#"{"__type":"ThrottlingException"}"#)),
            None
        );
    }
}
