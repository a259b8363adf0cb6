//! Keys that botocore allows on shapes, members and operations alike (documentation, deprecation,
//! `box`, `jsonvalue`, `timestampFormat`, `sensitive`, `streaming`, `idempotencyToken`), read into
//! [`Traits`].

use super::read::{join, Ctx};
use crate::ir::{Deprecated, TimestampFormat, Traits};
use serde_json::Value;

/// Deprecation is spread over three keys; they are collected here and applied by [`Common::finish`].
#[derive(Default)]
pub struct Common {
    deprecated: bool,
    message: Option<String>,
    since: Option<String>,
}

impl Common {
    /// Read `key` into `traits` when it is one of the shared keys; `false` when it is not.
    pub fn read(
        &mut self,
        ctx: &mut Ctx,
        traits: &mut Traits,
        key: &str,
        value: &Value,
        shape: Option<&str>,
        path: &str,
    ) -> bool {
        match key {
            "documentation" => traits.documentation = ctx.string(value, shape, path, key),
            "deprecated" => self.deprecated = ctx.boolean(value, shape, path, key),
            "deprecatedMessage" => self.message = ctx.string(value, shape, path, key),
            "deprecatedSince" => self.since = ctx.string(value, shape, path, key),
            "box" => traits.boxed = ctx.boolean(value, shape, path, key),
            "jsonvalue" => traits.json_value = ctx.boolean(value, shape, path, key),
            "sensitive" => traits.sensitive = ctx.boolean(value, shape, path, key),
            "streaming" => traits.streaming = ctx.boolean(value, shape, path, key),
            "idempotencyToken" => traits.idempotency_token = ctx.boolean(value, shape, path, key),
            "timestampFormat" => {
                if let Some(s) = ctx.string(value, shape, path, key) {
                    traits.timestamp_format = timestamp_format(&s);
                    if traits.timestamp_format.is_none() {
                        ctx.err(
                            shape,
                            &join(path, key),
                            format!(
                                "unknown `timestampFormat` \"{s}\" (expected iso8601, rfc822 or \
                                 unixTimestamp)"
                            ),
                        );
                    }
                }
            }
            _ => return false,
        }
        true
    }

    /// Set `traits.deprecated` when `deprecated: true` (a message or date alone does not deprecate).
    pub fn finish(self, traits: &mut Traits) {
        if self.deprecated {
            traits.deprecated = Some(Deprecated {
                message: self.message,
                since: self.since,
            });
        } else {
            if let Some(m) = self.message {
                traits
                    .other
                    .insert("deprecatedMessage".into(), Value::String(m));
            }
            if let Some(s) = self.since {
                traits
                    .other
                    .insert("deprecatedSince".into(), Value::String(s));
            }
        }
    }
}

/// botocore's timestamp format names (compared ignoring case, as botocore does) in IR terms.
pub fn timestamp_format(s: &str) -> Option<TimestampFormat> {
    match s.to_ascii_lowercase().as_str() {
        "iso8601" => Some(TimestampFormat::DateTime),
        "rfc822" => Some(TimestampFormat::HttpDate),
        "unixtimestamp" => Some(TimestampFormat::EpochSeconds),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamp_formats_ignore_case() {
        assert_eq!(timestamp_format("iso8601"), Some(TimestampFormat::DateTime));
        assert_eq!(timestamp_format("ISO8601"), Some(TimestampFormat::DateTime));
        assert_eq!(timestamp_format("rfc822"), Some(TimestampFormat::HttpDate));
        assert_eq!(
            timestamp_format("unixTimestamp"),
            Some(TimestampFormat::EpochSeconds)
        );
        assert_eq!(
            timestamp_format("unixtimestamp"),
            Some(TimestampFormat::EpochSeconds)
        );
        assert_eq!(
            timestamp_format("date-time"),
            None,
            "Smithy spellings are not botocore's"
        );
        assert_eq!(timestamp_format(""), None);
    }

    #[test]
    fn deprecation_needs_the_flag() {
        let mut ctx = Ctx::new("f.json");
        let mut traits = Traits::default();
        let mut c = Common::default();
        assert!(c.read(
            &mut ctx,
            &mut traits,
            "deprecatedMessage",
            &Value::from("m"),
            None,
            ""
        ));
        c.finish(&mut traits);
        assert_eq!(traits.deprecated, None);
        assert_eq!(
            traits.other.get("deprecatedMessage"),
            Some(&Value::from("m"))
        );
        assert!(ctx.diags.is_empty());
    }
}
