//! The standard retry mode: which failures are retried (throttling errors, transient errors, 5xx,
//! connection failures and timeouts; nothing else), exponential backoff with full jitter, a maximum
//! number of attempts, and a token-bucket retry quota shared by a client's requests so that an
//! outage does not turn every call into `max_attempts` calls. All of it configurable.

use std::sync::Mutex;
use std::time::Duration;

/// Why a failed attempt may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryKind {
    /// The service asked us to slow down (`ThrottlingException`, HTTP 429, ...).
    Throttling,
    /// A transient error: a 5xx status, `RequestTimeout`, a dropped connection.
    Transient,
    /// The request timed out on our side (costs more of the retry quota).
    Timeout,
}

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

/// Decides whether a response is a failure worth retrying. The protocol layer supplies one that
/// reads its protocol's error code; [`HeaderClassifier`] reads `x-amzn-ErrorType` and the status.
pub trait ClassifyResponse: Send + Sync {
    /// None: hand the response back (a success, or an error not to retry).
    fn classify(&self, response: &http::Response<Vec<u8>>) -> Option<RetryKind>;
}

/// Classifies by the status and the `x-amzn-ErrorType` header (awsJson and restJson services send
/// it); a protocol that puts the code only in the body needs its own [`ClassifyResponse`].
#[derive(Debug, Clone, Copy, Default)]
pub struct HeaderClassifier;

impl ClassifyResponse for HeaderClassifier {
    fn classify(&self, response: &http::Response<Vec<u8>>) -> Option<RetryKind> {
        let code = response
            .headers()
            .get("x-amzn-errortype")
            .and_then(|v| v.to_str().ok());
        kind_of_response(response.status().as_u16(), code)
    }
}

/// The retry settings. `Default` is the standard mode: 3 attempts, backoff up to 1 s doubling to
/// at most 20 s, the default quota.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryConfig {
    /// Attempts in all, the first included (1: no retries).
    pub max_attempts: u32,
    /// The backoff ceiling before the first retry; it doubles for each retry after.
    pub initial_backoff: Duration,
    /// The largest backoff ceiling.
    pub max_backoff: Duration,
    /// The retry quota (None: unlimited retries, bounded by `max_attempts` only).
    pub quota: Option<QuotaConfig>,
}

impl Default for RetryConfig {
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
            quota: Some(QuotaConfig::default()),
        }
    }
}

impl RetryConfig {
    /// No retries at all.
    pub fn disabled() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The backoff before retry number `retry` (1 for the first retry) given a random number in
    /// `[0, 1)`: full jitter, `random * min(initial * 2^(retry-1), max)`.
    pub fn backoff(&self, retry: u32, random: f64) -> Duration {
        let factor = 2u32.saturating_pow(retry.saturating_sub(1));
        let ceiling = self
            .initial_backoff
            .saturating_mul(factor)
            .min(self.max_backoff);
        ceiling.mul_f64(random.clamp(0.0, 1.0))
    }
}

/// The token bucket's numbers (the standard mode's defaults).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotaConfig {
    /// Tokens in a full bucket (500).
    pub capacity: u32,
    /// Tokens a retry takes (5).
    pub retry_cost: u32,
    /// Tokens a retry after a timeout takes (10).
    pub timeout_retry_cost: u32,
    /// Tokens a success on the first attempt gives back (1).
    pub success_refill: u32,
}

impl Default for QuotaConfig {
    fn default() -> Self {
        Self {
            capacity: 500,
            retry_cost: 5,
            timeout_retry_cost: 10,
            success_refill: 1,
        }
    }
}

/// The retry token bucket a client's requests share. A retry takes tokens and is refused when the
/// bucket is short; a request that succeeds gives back what its last retry took (or a small
/// refill when it needed none).
#[derive(Debug)]
pub struct RetryQuota {
    config: Option<QuotaConfig>,
    tokens: Mutex<u32>,
}

impl RetryQuota {
    /// A full bucket (or no quota when `config` is None).
    pub fn new(config: Option<QuotaConfig>) -> Self {
        Self {
            config,
            tokens: Mutex::new(config.map_or(0, |c| c.capacity)),
        }
    }

    fn tokens(&self) -> std::sync::MutexGuard<'_, u32> {
        // A poisoned lock still holds a valid count.
        self.tokens.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes the cost of a retry of this kind: Some(tokens taken), or None when the bucket is short.
    pub fn acquire(&self, kind: RetryKind) -> Option<u32> {
        let Some(c) = self.config else {
            return Some(0);
        };
        let cost = if kind == RetryKind::Timeout {
            c.timeout_retry_cost
        } else {
            c.retry_cost
        };
        let mut tokens = self.tokens();
        if *tokens < cost {
            return None;
        }
        *tokens -= cost;
        Some(cost)
    }

    /// A request succeeded; `last_cost` is what its last retry took (None: it needed no retry).
    pub fn success(&self, last_cost: Option<u32>) {
        let Some(c) = self.config else {
            return;
        };
        let mut tokens = self.tokens();
        let back = last_cost.unwrap_or(c.success_refill);
        *tokens = tokens.saturating_add(back).min(c.capacity);
    }

    /// Tokens left.
    pub fn available(&self) -> u32 {
        *self.tokens()
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
    fn the_header_classifier_reads_x_amzn_errortype() {
        let resp = |status: u16, code: Option<&str>| {
            let mut b = http::Response::builder().status(status);
            if let Some(c) = code {
                b = b.header("X-Amzn-ErrorType", c);
            }
            b.body(Vec::new()).unwrap()
        };
        let c = HeaderClassifier;
        assert_eq!(
            c.classify(&resp(400, Some("ThrottlingException"))),
            Some(RetryKind::Throttling)
        );
        assert_eq!(c.classify(&resp(400, Some("ResourceNotFound"))), None);
        assert_eq!(c.classify(&resp(503, None)), Some(RetryKind::Transient));
        assert_eq!(c.classify(&resp(200, None)), None);
    }

    #[test]
    fn backoff_is_full_jitter_under_a_doubling_capped_ceiling() {
        let c = RetryConfig::default();
        assert_eq!(c.backoff(1, 0.0), Duration::ZERO);
        assert_eq!(c.backoff(1, 0.5), Duration::from_millis(500));
        assert_eq!(c.backoff(2, 0.5), Duration::from_secs(1));
        assert_eq!(c.backoff(3, 1.0), Duration::from_secs(4));
        assert_eq!(c.backoff(6, 1.0), Duration::from_secs(20));
        assert_eq!(c.backoff(u32::MAX, 1.0), Duration::from_secs(20));
        assert_eq!(
            c.backoff(2, 7.0),
            Duration::from_secs(2),
            "random is clamped to [0, 1]"
        );
    }

    #[test]
    fn the_quota_refuses_retries_when_short_and_refills_on_success() {
        let q = RetryQuota::new(Some(QuotaConfig {
            capacity: 12,
            ..QuotaConfig::default()
        }));
        assert_eq!(q.acquire(RetryKind::Throttling), Some(5));
        assert_eq!(q.acquire(RetryKind::Transient), Some(5));
        assert_eq!(q.available(), 2);
        assert_eq!(q.acquire(RetryKind::Transient), None);
        q.success(Some(5));
        assert_eq!(q.available(), 7);
        assert_eq!(
            q.acquire(RetryKind::Timeout),
            None,
            "a timeout retry costs 10"
        );
        q.success(None);
        q.success(Some(5));
        assert_eq!(q.available(), 12, "{q:?}");
        q.success(Some(5));
        assert_eq!(q.available(), 12, "never above capacity");
        let unlimited = RetryQuota::new(None);
        for _ in 0..1000 {
            assert_eq!(unlimited.acquire(RetryKind::Timeout), Some(0));
        }
    }
}
