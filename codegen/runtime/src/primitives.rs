//! Value types the model's shapes are built from: timestamps, blobs, unknown enum values and unknown
//! union members.

use ::std::fmt;

/// A point in time: seconds since the Unix epoch (UTC) plus nanoseconds.
///
/// On the JSON wire it is written per the member's `timestampFormat` (epoch seconds by default, as a
/// number with a fraction when there is one); reading accepts epoch seconds (integer or fraction),
/// RFC 3339 date-times and HTTP dates. Epoch-seconds fractions travel as JSON numbers, so they keep
/// microsecond precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct DateTime {
    secs: i64,
    nanos: u32,
}

/// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of a day count from 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];

/// Why a timestamp could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateTimeParseError(::std::string::String);

impl fmt::Display for DateTimeParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid timestamp: {}", self.0)
    }
}

impl ::std::error::Error for DateTimeParseError {}

fn num(s: &str, what: &str) -> ::std::result::Result<u32, DateTimeParseError> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return ::std::result::Result::Err(DateTimeParseError(::std::format!("bad {what} `{s}`")));
    }
    s.parse()
        .map_err(|_| DateTimeParseError(::std::format!("bad {what} `{s}`")))
}

impl DateTime {
    /// From seconds and nanoseconds since the epoch (`nanos` above 999,999,999 carries into seconds).
    pub fn from_secs_nanos(secs: i64, nanos: u32) -> Self {
        DateTime {
            secs: secs.saturating_add(i64::from(nanos / 1_000_000_000)),
            nanos: nanos % 1_000_000_000,
        }
    }

    /// From whole seconds since the epoch.
    pub fn from_secs(secs: i64) -> Self {
        DateTime { secs, nanos: 0 }
    }

    /// From fractional seconds since the epoch, rounded to the microsecond.
    pub fn from_secs_f64(value: f64) -> Self {
        let secs = value.floor();
        let micros = ((value - secs) * 1e6).round() as u32;
        Self::from_secs_nanos(secs as i64, micros.min(1_000_000) * 1000)
    }

    /// Whole seconds since the epoch.
    pub fn secs(&self) -> i64 {
        self.secs
    }

    /// Nanoseconds past [`DateTime::secs`].
    pub fn subsec_nanos(&self) -> u32 {
        self.nanos
    }

    /// Fractional seconds since the epoch.
    pub fn as_secs_f64(&self) -> f64 {
        self.secs as f64 + f64::from(self.nanos) / 1e9
    }

    /// Epoch seconds as text (`1576540098`, or `1576540098.52` with a fraction), as headers and
    /// query strings carry `epoch-seconds` timestamps.
    pub fn to_epoch_text(&self) -> ::std::string::String {
        if self.nanos == 0 {
            self.secs.to_string()
        } else {
            self.as_secs_f64().to_string()
        }
    }

    /// Parse epoch seconds written as text (`1576540098`, `1576540098.52`).
    pub fn parse_epoch(s: &str) -> ::std::result::Result<Self, DateTimeParseError> {
        if let ::std::result::Result::Ok(secs) = s.parse::<i64>() {
            return ::std::result::Result::Ok(DateTime::from_secs(secs));
        }
        match s.parse::<f64>() {
            ::std::result::Result::Ok(v)
                if v.is_finite()
                    && s.bytes()
                        .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') =>
            {
                ::std::result::Result::Ok(DateTime::from_secs_f64(v))
            }
            _ => ::std::result::Result::Err(DateTimeParseError(::std::format!(
                "`{s}` is not epoch seconds"
            ))),
        }
    }

    /// RFC 3339 in UTC (`2024-01-02T03:04:05Z`, with a fraction when there is one).
    pub fn to_rfc3339(&self) -> ::std::string::String {
        let (days, rem) = (self.secs.div_euclid(86_400), self.secs.rem_euclid(86_400));
        let (y, m, d) = civil_from_days(days);
        let mut out = ::std::format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}",
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        );
        if self.nanos != 0 {
            let frac = ::std::format!("{:09}", self.nanos);
            out.push('.');
            out.push_str(frac.trim_end_matches('0'));
        }
        out.push('Z');
        out
    }

    /// An HTTP date (`Tue, 02 Jan 2024 03:04:05 GMT`; fractions are dropped).
    pub fn to_http_date(&self) -> ::std::string::String {
        let (days, rem) = (self.secs.div_euclid(86_400), self.secs.rem_euclid(86_400));
        let (y, m, d) = civil_from_days(days);
        ::std::format!(
            "{}, {d:02} {} {y:04} {:02}:{:02}:{:02} GMT",
            WEEKDAYS[days.rem_euclid(7) as usize],
            MONTHS[(m - 1) as usize],
            rem / 3600,
            rem % 3600 / 60,
            rem % 60
        )
    }

    /// Parse RFC 3339 (`2024-01-02T03:04:05.5Z`, `2024-01-02T05:04:05+02:00`).
    pub fn parse_rfc3339(s: &str) -> ::std::result::Result<Self, DateTimeParseError> {
        let bad = || DateTimeParseError(::std::format!("`{s}` is not an RFC 3339 date-time"));
        if s.len() < 20 || !s.is_ascii() {
            return ::std::result::Result::Err(bad());
        }
        let b = s.as_bytes();
        if b[4] != b'-'
            || b[7] != b'-'
            || !matches!(b[10], b'T' | b't' | b' ')
            || b[13] != b':'
            || b[16] != b':'
        {
            return ::std::result::Result::Err(bad());
        }
        let (y, mo, d) = (
            num(&s[0..4], "year")?,
            num(&s[5..7], "month")?,
            num(&s[8..10], "day")?,
        );
        let (h, mi, se) = (
            num(&s[11..13], "hour")?,
            num(&s[14..16], "minute")?,
            num(&s[17..19], "second")?,
        );
        let mut rest = &s[19..];
        let mut nanos = 0u32;
        if let ::std::option::Option::Some(r) = rest.strip_prefix('.') {
            let end = r.find(|c: char| !c.is_ascii_digit()).unwrap_or(r.len());
            if end == 0 {
                return ::std::result::Result::Err(bad());
            }
            let digits = &r[..end.min(9)];
            nanos = num(digits, "fraction")? * 10u32.pow(9 - digits.len() as u32);
            rest = &r[end..];
        }
        let offset = match rest {
            "Z" | "z" => 0i64,
            _ if rest.len() == 6 && rest.as_bytes()[3] == b':' => {
                let sign = match rest.as_bytes()[0] {
                    b'+' => 1,
                    b'-' => -1,
                    _ => return ::std::result::Result::Err(bad()),
                };
                sign * (i64::from(num(&rest[1..3], "offset")?) * 3600
                    + i64::from(num(&rest[4..6], "offset")?) * 60)
            }
            _ => return ::std::result::Result::Err(bad()),
        };
        if !(1..=12).contains(&mo) || !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
            return ::std::result::Result::Err(bad());
        }
        let days = days_from_civil(i64::from(y), mo, d);
        let secs = days * 86_400 + i64::from(h * 3600 + mi * 60 + se) - offset;
        ::std::result::Result::Ok(DateTime { secs, nanos })
    }

    /// Parse an HTTP date in IMF-fixdate form (`Tue, 02 Jan 2024 03:04:05 GMT`).
    pub fn parse_http_date(s: &str) -> ::std::result::Result<Self, DateTimeParseError> {
        let bad = || DateTimeParseError(::std::format!("`{s}` is not an HTTP date"));
        let parts: ::std::vec::Vec<&str> = s.split_ascii_whitespace().collect();
        if parts.len() != 6 || parts[5] != "GMT" {
            return ::std::result::Result::Err(bad());
        }
        let d = num(parts[1], "day")?;
        let mo = MONTHS.iter().position(|m| *m == parts[2]).ok_or_else(bad)? as u32 + 1;
        let y = num(parts[3], "year")?;
        let t: ::std::vec::Vec<&str> = parts[4].split(':').collect();
        if t.len() != 3 {
            return ::std::result::Result::Err(bad());
        }
        let (h, mi) = (num(t[0], "hour")?, num(t[1], "minute")?);
        let (se, frac) = t[2].split_once('.').unwrap_or((t[2], ""));
        let se = num(se, "second")?;
        let nanos = if frac.is_empty() {
            0
        } else {
            let digits = &frac[..frac.len().min(9)];
            num(digits, "fraction")? * 10u32.pow(9 - digits.len() as u32)
        };
        if !(1..=31).contains(&d) || h > 23 || mi > 59 || se > 60 {
            return ::std::result::Result::Err(bad());
        }
        let days = days_from_civil(i64::from(y), mo, d);
        ::std::result::Result::Ok(DateTime {
            secs: days * 86_400 + i64::from(h * 3600 + mi * 60 + se),
            nanos,
        })
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_rfc3339())
    }
}

/// Binary data; base64 text on the JSON wire.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Blob(::std::vec::Vec<u8>);

impl Blob {
    pub fn new(bytes: impl ::std::convert::Into<::std::vec::Vec<u8>>) -> Self {
        Blob(bytes.into())
    }
    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }
    pub fn into_inner(self) -> ::std::vec::Vec<u8> {
        self.0
    }
    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.0.len()
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl ::std::convert::From<::std::vec::Vec<u8>> for Blob {
    fn from(v: ::std::vec::Vec<u8>) -> Self {
        Blob(v)
    }
}

impl ::std::convert::From<&[u8]> for Blob {
    fn from(v: &[u8]) -> Self {
        Blob(v.to_vec())
    }
}

/// A string enum value this version of the generated crate does not know (kept as received).
///
/// Only generated crates create these, and only for values that match no known variant, so a known
/// value is always its own variant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownValue(::std::string::String);

impl UnknownValue {
    /// For generated code (hidden from the docs): the crate generated from a model decides what is unknown.
    #[doc(hidden)]
    pub fn new(s: ::std::string::String) -> Self {
        UnknownValue(s)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A union member this version of the generated crate does not know, kept as received: its wire name and its
/// raw JSON value (a [`serde_json::Value`], the type generated crates use for Smithy documents).
///
/// Serializing the union writes the member back unchanged, so a value read from a newer service
/// survives a round trip; `validate()` still reports it. Only generated crates create these.
#[derive(Debug, Clone, PartialEq)]
pub struct UnknownMember {
    name: ::std::string::String,
    value: ::serde_json::Value,
}

impl UnknownMember {
    /// For generated code (hidden from the docs): the crate generated from a model decides what is unknown.
    #[doc(hidden)]
    pub fn new(name: ::std::string::String, value: ::serde_json::Value) -> Self {
        UnknownMember { name, value }
    }
    /// The member's name on the wire.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// The member's value as received.
    pub fn value(&self) -> &::serde_json::Value {
        &self.value
    }
}

/// An intEnum value this version of the generated crate does not know (kept as received).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct UnknownInt(i32);

impl UnknownInt {
    /// For generated code (hidden from the docs): the crate generated from a model decides what is unknown.
    #[doc(hidden)]
    pub fn new(v: i32) -> Self {
        UnknownInt(v)
    }
    pub fn value(&self) -> i32 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::DateTime;

    #[test]
    fn timestamps_round_trip() {
        for (text, secs) in [
            ("1970-01-01T00:00:00Z", 0),
            ("2024-02-29T23:59:59Z", 1_709_251_199),
            ("1969-12-31T23:59:59Z", -1),
        ] {
            let t = DateTime::parse_rfc3339(text).unwrap();
            assert_eq!(t.secs(), secs);
            assert_eq!(t.to_rfc3339(), text);
            assert_eq!(DateTime::parse_http_date(&t.to_http_date()).unwrap(), t);
        }
        assert_eq!(
            DateTime::from_secs(784_111_777).to_http_date(),
            "Sun, 06 Nov 1994 08:49:37 GMT"
        );
        let t = DateTime::parse_rfc3339("2024-01-02T05:04:05.125+02:00").unwrap();
        assert_eq!(t.to_rfc3339(), "2024-01-02T03:04:05.125Z");
        assert_eq!(DateTime::from_secs_f64(t.as_secs_f64()), t);
        assert!(DateTime::parse_rfc3339("2024-13-02T03:04:05Z").is_err());
        assert_eq!(
            DateTime::parse_epoch("1576540098").unwrap().to_epoch_text(),
            "1576540098"
        );
        assert_eq!(
            DateTime::parse_epoch("1576540098.52")
                .unwrap()
                .to_epoch_text(),
            "1576540098.52"
        );
        assert!(DateTime::parse_epoch("1e3").is_err() && DateTime::parse_epoch("x").is_err());
    }
}
