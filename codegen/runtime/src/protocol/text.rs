//! Values as header and query text: floats (`NaN`, `Infinity`, `-Infinity` for non-finite ones),
//! list headers (comma-separated, items quoted when they hold a comma or a quote), base64 (blobs,
//! `jsonvalue` / `mediaType` strings in headers), and fresh idempotency tokens.

use std::borrow::Cow;

fn non_finite(v: f64) -> Option<&'static str> {
    if v.is_nan() {
        Some("NaN")
    } else if v == f64::INFINITY {
        Some("Infinity")
    } else if v == f64::NEG_INFINITY {
        Some("-Infinity")
    } else {
        None
    }
}

/// `bytes` in standard base64 (blobs and `jsonvalue` / `mediaType` strings in headers).
pub fn base64_encode(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// Standard base64 text (surrounding whitespace ignored) as bytes.
pub fn base64_decode(text: &str) -> Result<Vec<u8>, String> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD
        .decode(text.trim())
        .map_err(|e| e.to_string())
}

/// A 32-bit float as text: its shortest decimal form, or `NaN`, `Infinity`, `-Infinity`.
pub fn format_f32(v: f32) -> String {
    non_finite(f64::from(v)).map_or_else(|| v.to_string(), str::to_string)
}

/// A 64-bit float as text: its shortest decimal form, or `NaN`, `Infinity`, `-Infinity`.
pub fn format_f64(v: f64) -> String {
    non_finite(v).map_or_else(|| v.to_string(), str::to_string)
}

/// A 64-bit float from text (also `NaN`, `Infinity`, `-Infinity`).
pub fn parse_f64(s: &str) -> Result<f64, String> {
    match s.trim() {
        "NaN" => Ok(f64::NAN),
        "Infinity" => Ok(f64::INFINITY),
        "-Infinity" => Ok(f64::NEG_INFINITY),
        t => t
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("`{s}` is not a number")),
    }
}

/// A 32-bit float from text, refusing a finite number too large for it.
pub fn parse_f32(s: &str) -> Result<f32, String> {
    let v = parse_f64(s)?;
    let narrow = v as f32;
    if v.is_finite() && narrow.is_infinite() {
        return Err(format!("`{s}` is out of range for a 32-bit float"));
    }
    Ok(narrow)
}

/// One item of a list header: quoted (with `"` and `\` escaped) when it holds a comma or a quote.
pub fn header_list_item(s: &str) -> Cow<'_, str> {
    if s.contains([',', '"']) {
        let escaped = s.replace('\\', "\\\\").replace('"', "\\\"");
        Cow::Owned(format!("\"{escaped}\""))
    } else {
        Cow::Borrowed(s)
    }
}

/// The items of a list header: split at commas outside quotes, trimmed, quoted items unquoted.
/// `http_dates`: the items are HTTP dates, whose own comma (`Mon, 16 Dec 2019 ...`) is not a
/// separator.
pub fn split_header_list(value: &str, http_dates: bool) -> Vec<String> {
    let mut items = Vec::new();
    let (mut cur, mut quoted, mut escaped, mut was_quoted) = (String::new(), false, false, false);
    for c in value.chars() {
        match c {
            _ if escaped => {
                cur.push(c);
                escaped = false;
            }
            '\\' if quoted => escaped = true,
            '"' => {
                quoted = !quoted;
                was_quoted = true;
            }
            ',' if !quoted => {
                items.push(finish(&cur, was_quoted));
                cur.clear();
                was_quoted = false;
            }
            _ => cur.push(c),
        }
    }
    items.push(finish(&cur, was_quoted));
    if http_dates {
        return items.chunks(2).map(|pair| pair.join(", ")).collect();
    }
    if items.len() == 1 && items[0].is_empty() {
        return Vec::new();
    }
    items
}

fn finish(item: &str, quoted: bool) -> String {
    if quoted {
        item.trim_start().trim_end().to_string()
    } else {
        item.trim().to_string()
    }
}

/// A fresh idempotency token: a random (version 4) UUID, as Smithy's `idempotencyToken` asks.
pub fn idempotency_token() -> String {
    uuid::Uuid::new_v4().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_as_text() {
        assert_eq!(format_f32(1.1), "1.1");
        assert_eq!(format_f64(f64::NAN), "NaN");
        assert_eq!(format_f32(f32::NEG_INFINITY), "-Infinity");
        assert_eq!(parse_f64("Infinity"), Ok(f64::INFINITY));
        assert_eq!(parse_f32(" 2.5 "), Ok(2.5));
        assert!(parse_f32("1e39").is_err());
        assert!(parse_f64("inf").is_err());
    }

    #[test]
    fn list_headers_split_and_quote() {
        assert_eq!(header_list_item("a,b"), "\"a,b\"");
        assert_eq!(header_list_item("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(header_list_item("plain"), "plain");
        assert_eq!(
            split_header_list("a, \"b,c\" ,\"say \\\"hi\\\"\"", false),
            ["a", "b,c", "say \"hi\""]
        );
        assert_eq!(
            split_header_list(
                "Mon, 16 Dec 2019 23:48:18 GMT, Tue, 17 Dec 2019 23:48:18 GMT",
                true
            ),
            [
                "Mon, 16 Dec 2019 23:48:18 GMT",
                "Tue, 17 Dec 2019 23:48:18 GMT"
            ]
        );
        assert!(split_header_list("", false).is_empty());
    }

    #[test]
    fn tokens_are_fresh_v4_uuids() {
        let (a, b) = (idempotency_token(), idempotency_token());
        assert_ne!(a, b);
        let u = uuid::Uuid::parse_str(&a).unwrap();
        assert_eq!(u.get_version_num(), 4);
    }
}
