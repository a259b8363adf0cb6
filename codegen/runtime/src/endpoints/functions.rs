//! The rules engine's standard library: `parseURL`, `substring`, `uriEncode`,
//! `isValidHostLabel` (the comparisons, `isSet`, `not` and `getAttr` are in `eval`). Each takes
//! plain Rust values and returns `None` where the rules engine says "no value".

use super::value::Value;
use std::net::{Ipv4Addr, Ipv6Addr};

/// `parseURL(url)`: a record of `scheme`, `authority`, `path`, `normalizedPath` and `isIp`, or
/// `None` unless the URL is `http` or `https` with a host, and carries no query or fragment.
pub(crate) fn parse_url(url: &str) -> Value {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Value::None;
    };
    if scheme != "http" && scheme != "https" {
        return Value::None;
    }
    if rest.contains(['?', '#']) || rest.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Value::None;
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let Some(host) = host_of(authority) else {
        return Value::None;
    };
    let is_ip = host.parse::<Ipv4Addr>().is_ok()
        || host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .is_some_and(|h| h.parse::<Ipv6Addr>().is_ok());
    let mut normalized = String::with_capacity(path.len() + 2);
    if !path.starts_with('/') {
        normalized.push('/');
    }
    normalized.push_str(path);
    if !normalized.ends_with('/') {
        normalized.push('/');
    }
    Value::Object(vec![
        ("scheme".into(), scheme.into()),
        ("authority".into(), authority.into()),
        ("path".into(), path.into()),
        ("normalizedPath".into(), normalized.into()),
        ("isIp".into(), is_ip.into()),
    ])
}

/// The host of an authority (`host`, `host:port`, `[v6]:port`), if the authority is well formed.
fn host_of(authority: &str) -> Option<&str> {
    if authority.contains('@') {
        return None;
    }
    let (host, port) = if authority.starts_with('[') {
        let end = authority.find(']')? + 1;
        let (host, rest) = authority.split_at(end);
        match rest {
            "" => (host, None),
            _ => (host, Some(rest.strip_prefix(':')?)),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    if let Some(port) = port {
        port.parse::<u16>().ok()?;
    }
    (!host.is_empty()).then_some(host)
}

/// `substring(input, start, stop, reverse)`: the ASCII characters `start..stop` of the input
/// (counted from its end when `reverse`), or `None` for non-ASCII input or an out-of-range span.
pub(crate) fn substring(input: &str, start: i64, stop: i64, reverse: bool) -> Value {
    if !input.is_ascii() || start < 0 || start >= stop {
        return Value::None;
    }
    let (Ok(start), Ok(stop)) = (usize::try_from(start), usize::try_from(stop)) else {
        return Value::None;
    };
    let len = input.len();
    if stop > len {
        return Value::None;
    }
    let (from, to) = if reverse {
        (len - stop, len - start)
    } else {
        (start, stop)
    };
    Value::String(input[from..to].to_owned())
}

/// `uriEncode(value)`: percent-encodes every byte but the unreserved `A-Z a-z 0-9 - _ . ~`.
pub(crate) fn uri_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `isValidHostLabel(value, allowSubDomains)`: one DNS label (1 to 63 ASCII letters, digits and
/// hyphens, not starting with a hyphen), or with `allowSubDomains` several joined by dots.
pub(crate) fn is_valid_host_label(value: &str, allow_subdomains: bool) -> bool {
    if allow_subdomains {
        value
            .split('.')
            .all(|label| is_valid_host_label(label, false))
    } else {
        (1..=63).contains(&value.len())
            && !value.starts_with('-')
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(v: &Value, k: &str) -> Value {
        v.get(k).cloned().unwrap_or_default()
    }

    #[test]
    fn urls() {
        let u = parse_url("https://example.com:8443/a/b");
        assert_eq!(field(&u, "scheme"), "https".into());
        assert_eq!(field(&u, "authority"), "example.com:8443".into());
        assert_eq!(field(&u, "path"), "/a/b".into());
        assert_eq!(field(&u, "normalizedPath"), "/a/b/".into());
        assert_eq!(field(&u, "isIp"), false.into());
        let bare = parse_url("http://127.0.0.1");
        assert_eq!(field(&bare, "path"), "".into());
        assert_eq!(field(&bare, "normalizedPath"), "/".into());
        assert_eq!(field(&bare, "isIp"), true.into());
        assert_eq!(field(&parse_url("https://[::1]:80/"), "isIp"), true.into());
        for bad in [
            "ftp://x",
            "https://x?y=1",
            "https://",
            "example.com",
            "https://x:port",
            "https://a b",
        ] {
            assert_eq!(parse_url(bad), Value::None, "{bad}");
        }
    }

    #[test]
    fn substrings() {
        assert_eq!(substring("abcdef", 0, 4, false), "abcd".into());
        assert_eq!(substring("abcdef", 0, 4, true), "cdef".into());
        assert_eq!(substring("abc", 0, 4, false), Value::None);
        assert_eq!(substring("abc", 2, 2, false), Value::None);
        assert_eq!(substring("ab\u{e9}cd", 0, 2, false), Value::None);
    }

    #[test]
    fn encoding_and_labels() {
        assert_eq!(uri_encode("a b/c~ü"), "a%20b%2Fc~%C3%BC");
        assert!(is_valid_host_label("us-east-1", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b", true));
        assert!(!is_valid_host_label("-a", false));
        assert!(!is_valid_host_label("", false));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
    }
}
