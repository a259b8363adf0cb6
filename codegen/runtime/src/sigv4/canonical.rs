//! The parts of a SigV4 canonical request: the URI path (normalised, URI-encoded), the query string
//! (decoded, re-encoded, sorted), the headers (lower-case names, trimmed values, sorted) and the
//! list of signed header names.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::collections::BTreeMap;

/// Everything but SigV4's unreserved characters (`A-Z a-z 0-9 - _ . ~`) is percent-encoded.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// As [`UNRESERVED`], keeping `/` (path segment separators).
const PATH: &AsciiSet = &UNRESERVED.remove(b'/');

/// Headers never signed: they are changed on the way (by proxies, by the client after signing) or
/// are the signature itself.
const UNSIGNED_HEADERS: &[&str] = &[
    "authorization",
    "user-agent",
    "x-amzn-trace-id",
    "expect",
    "transfer-encoding",
    "connection",
];

/// Removes `.` and `..` segments (RFC 3986 section 5.2.4) and empty segments (`//`); keeps a
/// trailing slash of the input (as botocore does: `/a/b/..` is `/a`, not RFC 3986's `/a/`). The
/// result starts with `/`.
pub fn normalize_path(path: &str) -> String {
    let mut kept: Vec<&str> = Vec::new();
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                kept.pop();
            }
            s => kept.push(s),
        }
    }
    let mut out = String::with_capacity(path.len() + 1);
    out.push('/');
    out.push_str(&kept.join("/"));
    if !kept.is_empty() && path.ends_with('/') {
        out.push('/');
    }
    out
}

/// The canonical URI: the path (normalised when `normalize`), each character outside the
/// unreserved set percent-encoded when `encode` (so a path already percent-encoded on the wire is
/// encoded a second time, as every service but S3 expects), else the path as it is.
pub fn canonical_uri(path: &str, normalize: bool, encode: bool) -> String {
    let path = if normalize {
        normalize_path(path)
    } else if path.is_empty() {
        "/".to_string()
    } else {
        path.to_string()
    };
    if encode {
        utf8_percent_encode(&path, PATH).to_string()
    } else {
        path
    }
}

/// The canonical query string: each `name=value` pair percent-decoded, re-encoded with the
/// unreserved set, sorted by name then value; a pair without `=` has an empty value.
pub fn canonical_query(query: &str) -> String {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            (reencode(name), reencode(value))
        })
        .collect();
    pairs.sort();
    let parts: Vec<String> = pairs.into_iter().map(|(n, v)| format!("{n}={v}")).collect();
    parts.join("&")
}

fn reencode(s: &str) -> String {
    let decoded = percent_decode_str(s).collect::<Vec<u8>>();
    percent_encoding::percent_encode(&decoded, UNRESERVED).to_string()
}

/// Percent-encodes a query name or value the way the canonical query string does.
pub fn encode_query_component(s: &str) -> String {
    utf8_percent_encode(s, UNRESERVED).to_string()
}

/// The signed headers: lower-case name -> value; the values of a repeated header joined with `,`
/// in their order; each value trimmed with inner runs of whitespace made one space.
pub fn canonical_headers<'a>(
    headers: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = BTreeMap::new();
    for (name, value) in headers {
        let name = name.trim().to_ascii_lowercase();
        if UNSIGNED_HEADERS.contains(&name.as_str()) {
            continue;
        }
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        out.entry(name)
            .and_modify(|v| {
                v.push(',');
                v.push_str(&value);
            })
            .or_insert(value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_normalise_like_rfc_3986() {
        for (input, expected) in [
            ("", "/"),
            ("/", "/"),
            ("//", "/"),
            ("/a/b/..", "/a"),
            ("/a/./b", "/a/b"),
            ("/a/../../b", "/b"),
            ("//example//", "/example/"),
            ("/example/..", "/"),
            ("/a/b/.", "/a/b"),
            ("/a/b/../", "/a/"),
        ] {
            assert_eq!(normalize_path(input), expected, "{input:?}");
        }
    }

    #[test]
    fn an_encoded_path_is_encoded_again_unless_told_not_to() {
        assert_eq!(canonical_uri("/a%20b/c d", true, true), "/a%2520b/c%20d");
        assert_eq!(canonical_uri("/a%20b//c", false, false), "/a%20b//c");
        assert_eq!(canonical_uri("", false, true), "/");
    }

    #[test]
    fn query_pairs_are_reencoded_and_sorted() {
        assert_eq!(canonical_query("b=2&a=1&a=0&c"), "a=0&a=1&b=2&c=");
        assert_eq!(
            canonical_query("x=a%20b&y=a+b&z=%7e"),
            "x=a%20b&y=a%2Bb&z=~"
        );
        assert_eq!(canonical_query(""), "");
    }

    #[test]
    fn headers_are_folded_trimmed_and_joined() {
        let h = canonical_headers([
            ("My-Header", "  a   b  "),
            ("my-header", "c"),
            ("User-Agent", "x"),
            ("Host", "h"),
        ]);
        let v: Vec<_> = h.iter().collect();
        assert_eq!(
            v,
            [
                (&"host".to_string(), &"h".to_string()),
                (&"my-header".to_string(), &"a b,c".to_string())
            ]
        );
    }
}
