//! The standard retry mode: which failures are retried (throttling errors, transient errors, 5xx,
//! connection failures and timeouts; nothing else), exponential backoff with full jitter, a maximum
//! number of attempts, and a token-bucket retry quota shared by a client's requests so that an
//! outage does not turn every call into `max_attempts` calls. All of it configurable.

mod classify;

pub use classify::{
    error_code, kind_of_error_code, kind_of_response, ClassifyResponse, StandardClassifier,
    THROTTLING_CODES, TRANSIENT_CODES, TRANSIENT_STATUSES,
};

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
