//! Trait changes on a shape, member or operation: each typed field of [`Traits`] has its rule from
//! `diff-rules.md`; everything not named there is "any other trait" (added or changed: NOTE, removed:
//! WARNING). Documentation is compared after whitespace normalisation.

use super::{event, Cx, Event, EventId, Severity};
use crate::ir::{Bound, Bounds, Traits};
use serde_json::Value;
use std::cmp::Ordering;
use std::fmt::Debug;

/// Every trait change from `old` to `new` on the shape, member or operation `at`.
pub(crate) fn diff_traits(cx: &Cx, old: &Traits, new: &Traits, at: &str, out: &mut Vec<Event>) {
    let cross = cx.cross();
    let mut push = |id, sev, msg: String| out.push(event(id, sev, at, msg));
    use EventId::*;
    use Severity::*;

    match (old.required, new.required) {
        (false, true) => push(RequiredAdded, Error, "`required` added".into()),
        (true, false) => push(RequiredRemoved, Error, "`required` removed".into()),
        _ => {}
    }
    if !cross {
        default_changes(old, new, &mut push);
        match (old.client_optional, new.client_optional) {
            (true, false) => push(
                ClientOptionalRemoved,
                Error,
                "`clientOptional` removed".into(),
            ),
            (false, true) => push(TraitAdded, Note, "trait `clientOptional` added".into()),
            _ => {}
        }
        match (old.input, new.input) {
            (true, false) => push(InputTraitRemoved, Error, "`input` trait removed".into()),
            (false, true) => push(TraitAdded, Note, "trait `input` added".into()),
            _ => {}
        }
        generic_bool(
            "addedDefault",
            old.added_default,
            new.added_default,
            &mut push,
        );
        generic_bool("output", old.output, new.output, &mut push);
        generic_bool("uniqueItems", old.unique_items, new.unique_items, &mut push);
        generic_bool("box", old.boxed, new.boxed, &mut push);
        generic_bool("jsonvalue", old.json_value, new.json_value, &mut push);
        generic_opt("examples", &old.examples, &new.examples, &mut push);
        let keys: std::collections::BTreeSet<&String> =
            old.other.keys().chain(new.other.keys()).collect();
        for k in keys {
            generic_opt(k, &old.other.get(k), &new.other.get(k), &mut push);
        }
    }

    bounds_changes(
        "length",
        LengthTightened,
        LengthLoosened,
        length_of(old).as_ref(),
        length_of(new).as_ref(),
        &mut push,
    );
    bounds_changes(
        "range",
        RangeTightened,
        RangeLoosened,
        old.range.as_ref(),
        new.range.as_ref(),
        &mut push,
    );
    match (&old.pattern, &new.pattern) {
        (None, Some(p)) => push(PatternAdded, Warning, format!("pattern {p:?} added")),
        (Some(a), Some(b)) if a != b && !(cross && unanchored(a) == unanchored(b)) => push(
            PatternChanged,
            Note,
            format!("pattern changed from {a:?} to {b:?}"),
        ),
        (Some(p), None) => push(PatternRemoved, Note, format!("pattern {p:?} removed")),
        _ => {}
    }
    match (&old.deprecated, &new.deprecated) {
        (None, Some(_)) => push(DeprecatedAdded, Warning, "deprecated".into()),
        (Some(_), None) => push(TraitRemoved, Warning, "trait `deprecated` removed".into()),
        (Some(a), Some(b)) if a != b => {
            push(TraitChanged, Note, "trait `deprecated` changed".into())
        }
        _ => {}
    }
    let mut breaking = |name: &str, id, a: Option<String>, b: Option<String>| {
        if a != b {
            let show = |x: Option<String>| x.unwrap_or_else(|| "none".into());
            push(
                id,
                Error,
                format!("`{name}` changed from {} to {}", show(a), show(b)),
            );
        }
    };
    let text = |x: Option<&dyn Debug>| x.map(|v| shorten(format!("{v:?}")));
    if old.timestamp_format != new.timestamp_format {
        breaking(
            "timestampFormat",
            TimestampFormatChanged,
            old.timestamp_format
                .as_ref()
                .map(|f| f.as_str().to_string()),
            new.timestamp_format
                .as_ref()
                .map(|f| f.as_str().to_string()),
        );
    }
    if old.json_name != new.json_name {
        breaking(
            "jsonName",
            JsonNameChanged,
            text(old.json_name.as_ref().map(|x| x as &dyn Debug)),
            text(new.json_name.as_ref().map(|x| x as &dyn Debug)),
        );
    }
    if old.error != new.error {
        breaking(
            "error",
            ErrorTraitChanged,
            text(old.error.as_ref().map(|x| x as &dyn Debug)),
            text(new.error.as_ref().map(|x| x as &dyn Debug)),
        );
    }
    if old.http_binding != new.http_binding {
        breaking(
            "HTTP binding",
            HttpBindingChanged,
            text(old.http_binding.as_ref().map(|x| x as &dyn Debug)),
            text(new.http_binding.as_ref().map(|x| x as &dyn Debug)),
        );
    }
    if old.http != new.http && !(cross && (old.http.is_none() || new.http.is_none())) {
        breaking(
            "http",
            HttpBindingChanged,
            text(old.http.as_ref().map(|x| x as &dyn Debug)),
            text(new.http.as_ref().map(|x| x as &dyn Debug)),
        );
    }
    match (old.idempotency_token, new.idempotency_token) {
        (true, false) => push(
            IdempotencyTokenRemoved,
            Error,
            "`idempotencyToken` removed".into(),
        ),
        (false, true) => push(TraitAdded, Note, "trait `idempotencyToken` added".into()),
        _ => {}
    }
    if old.sparse != new.sparse {
        let what = if new.sparse { "added" } else { "removed" };
        push(SparseChanged, Error, format!("`sparse` {what}"));
    }
    generic_bool("sensitive", old.sensitive, new.sensitive, &mut push);
    generic_bool("streaming", old.streaming, new.streaming, &mut push);
    generic_bool("idempotent", old.idempotent, new.idempotent, &mut push);
    generic_opt("httpError", &old.http_error, &new.http_error, &mut push);
    generic_opt("endpoint", &old.host_prefix, &new.host_prefix, &mut push);

    diff_docs_into(
        old.documentation.as_deref(),
        new.documentation.as_deref(),
        at,
        out,
    );
}

/// A documentation change on `at` (after whitespace normalisation).
pub(crate) fn diff_docs(
    _cx: &Cx,
    old: Option<&str>,
    new: Option<&str>,
    at: &str,
    out: &mut Vec<Event>,
) {
    diff_docs_into(old, new, at, out);
}

fn diff_docs_into(old: Option<&str>, new: Option<&str>, at: &str, out: &mut Vec<Event>) {
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
        let end = rest[..rest.len().min(12)].find(';');
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

/// A pattern as compared across forms: without a leading `^` or `.*` and a trailing unescaped `$`
/// or `.*`. botocore patterns are written as whole-value matches and the Smithy conversion anchors
/// them (`arn:x/.*` becomes `^arn:x/`), so only the anchoring differs between the forms.
fn unanchored(p: &str) -> &str {
    let mut p = p.strip_prefix('^').unwrap_or(p);
    p = p.strip_prefix(".*").unwrap_or(p);
    let escaped = |s: &str| s.chars().rev().take_while(|c| *c == '\\').count() % 2 == 1;
    if let Some(q) = p.strip_suffix('$') {
        if !escaped(q) {
            p = q;
        }
    }
    if let Some(q) = p.strip_suffix(".*") {
        if !escaped(q) {
            p = q;
        }
    }
    p
}

/// A `length` with `min: 0` dropped (it says nothing), `None` when nothing is left.
fn length_of(t: &Traits) -> Option<Bounds> {
    let mut b = t.length.clone()?;
    if b.min.as_ref().is_some_and(|m| m.as_f64() == 0.0) {
        b.min = None;
    }
    (b.min.is_some() || b.max.is_some()).then_some(b)
}

/// `default` added / removed / changed.
fn default_changes(old: &Traits, new: &Traits, push: &mut impl FnMut(EventId, Severity, String)) {
    match (&old.default, &new.default) {
        (None, Some(v)) => {
            let sev = if new.added_default {
                Severity::Note
            } else {
                Severity::Error
            };
            push(
                EventId::DefaultAdded,
                sev,
                format!("default {} added", brief(v)),
            );
        }
        (Some(v), None) => push(
            EventId::DefaultRemoved,
            Severity::Error,
            format!("default {} removed", brief(v)),
        ),
        (Some(a), Some(b)) if a != b => {
            let sev = if is_zero(a) || is_zero(b) {
                Severity::Error
            } else {
                Severity::Danger
            };
            push(
                EventId::DefaultChanged,
                sev,
                format!("default changed from {} to {}", brief(a), brief(b)),
            );
        }
        _ => {}
    }
}

/// The zero value of a Smithy type: null, false, 0, "", [] or {}.
fn is_zero(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::Number(n) => n.as_f64() == Some(0.0),
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
    }
}

/// Compare two bounds numerically (exactly for integers).
fn cmp_bound(a: &Bound, b: &Bound) -> Ordering {
    match (a.as_i128(), b.as_i128()) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => a.as_f64().total_cmp(&b.as_f64()),
    }
}

/// Tightened (min raised, max lowered, bound added) and loosened changes of a `length` / `range`.
fn bounds_changes(
    name: &str,
    tightened: EventId,
    loosened: EventId,
    old: Option<&Bounds>,
    new: Option<&Bounds>,
    push: &mut impl FnMut(EventId, Severity, String),
) {
    let empty = Bounds::default();
    let (o, n) = (old.unwrap_or(&empty), new.unwrap_or(&empty));
    let mut tight = Vec::new();
    let mut loose = Vec::new();
    for (which, a, b, raise_is_tight) in [
        ("min", &o.min, &n.min, true),
        ("max", &o.max, &n.max, false),
    ] {
        let text = |x: &Option<Bound>| x.as_ref().map_or("none".to_string(), |x| x.0.to_string());
        let change = || format!("{which} {} -> {}", text(a), text(b));
        match (a, b) {
            (None, Some(_)) => tight.push(change()),
            (Some(_), None) => loose.push(change()),
            (Some(x), Some(y)) => match (cmp_bound(x, y), raise_is_tight) {
                (Ordering::Equal, _) => {}
                (Ordering::Less, true) | (Ordering::Greater, false) => tight.push(change()),
                _ => loose.push(change()),
            },
            (None, None) => {}
        }
    }
    if !tight.is_empty() {
        push(
            tightened,
            Severity::Error,
            format!("{name} tightened: {}", tight.join(", ")),
        );
    }
    if !loose.is_empty() {
        push(
            loosened,
            Severity::Note,
            format!("{name} loosened: {}", loose.join(", ")),
        );
    }
}

/// A marker trait with no value.
fn generic_bool(
    name: &str,
    old: bool,
    new: bool,
    push: &mut impl FnMut(EventId, Severity, String),
) {
    match (old, new) {
        (false, true) => push(
            EventId::TraitAdded,
            Severity::Note,
            format!("trait `{name}` added"),
        ),
        (true, false) => push(
            EventId::TraitRemoved,
            Severity::Warning,
            format!("trait `{name}` removed"),
        ),
        _ => {}
    }
}

/// A trait with a value: added / changed NOTE, removed WARNING.
fn generic_opt<T: PartialEq + Debug>(
    name: &str,
    old: &Option<T>,
    new: &Option<T>,
    push: &mut impl FnMut(EventId, Severity, String),
) {
    match (old, new) {
        (None, Some(_)) => push(
            EventId::TraitAdded,
            Severity::Note,
            format!("trait `{name}` added"),
        ),
        (Some(_), None) => push(
            EventId::TraitRemoved,
            Severity::Warning,
            format!("trait `{name}` removed"),
        ),
        (Some(a), Some(b)) if a != b => push(
            EventId::TraitChanged,
            Severity::Note,
            format!("trait `{name}` changed"),
        ),
        _ => {}
    }
}

/// A JSON value in at most 60 characters.
fn brief(v: &Value) -> String {
    shorten(v.to_string())
}

fn shorten(s: String) -> String {
    if s.chars().count() <= 60 {
        s
    } else {
        let mut t: String = s.chars().take(57).collect();
        t.push_str("...");
        t
    }
}
