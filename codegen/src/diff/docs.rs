//! Documentation compared as text: character references decoded, whitespace collapsed (and dropped
//! next to tags), empty elements written one way, so that re-wrapped or re-escaped prose is no change.

use super::{event, Event, EventId, Severity};

/// A documentation change on `at` (after normalisation).
pub(crate) fn diff_docs(old: Option<&str>, new: Option<&str>, at: &str, out: &mut Vec<Event>) {
    if old == new {
        return;
    }
    let a = old.map(normalise_doc).filter(|s| !s.is_empty());
    let b = new.map(normalise_doc).filter(|s| !s.is_empty());
    let what = match (&a, &b) {
        (None, Some(_)) => "documentation added",
        (Some(_), None) => "documentation removed",
        (Some(x), Some(y)) if x != y => "documentation changed",
        _ => return,
    };
    out.push(event(
        EventId::DocumentationChanged,
        Severity::Note,
        at,
        what,
    ));
}

/// Documentation with character references decoded (`&gt;` and `>` are the same text), whitespace runs
/// collapsed to one space, whitespace next to a tag dropped, the ends trimmed, and empty elements
/// written one way (`<p/>` as `<p></p>`).
pub fn normalise_doc(doc: &str) -> String {
    expand_empty_elements(&collapse(doc))
}

/// `<name/>` or `<name />` -> `<name></name>`.
fn expand_empty_elements(s: &str) -> String {
    if !s.contains("/>") {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len() + 16);
    let mut rest = s;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let name_len = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - 1);
        let name = &rest[1..1 + name_len];
        let after = rest[1 + name_len..].trim_start_matches(' ');
        if !name.is_empty() && after.starts_with("/>") {
            out.push_str(&format!("<{name}></{name}>"));
            rest = &after[2..];
        } else {
            out.push('<');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// Decode character references and collapse whitespace.
fn collapse(doc: &str) -> String {
    let mut out = String::with_capacity(doc.len());
    let mut pending_space = false;
    for c in decode_entities(doc).chars() {
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() && c != '<' && !out.ends_with('>') {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
    }
    out
}

/// Decode HTML character references (`&lt;`, `&#62;`, `&#x3E;`, ...); anything else is kept as is.
fn decode_entities(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "lt" => Some('<'),
                "gt" => Some('>'),
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code)
                }
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}
