//! Trait changes on a shape, member or operation: each typed field of [`Traits`] has its rule from
//! `diff-rules.md`; everything not named there is "any other trait" (added or changed: NOTE, removed:
//! WARNING). Documentation is compared after whitespace normalisation.

use super::{docs, event, Cx, Event, EventId, Severity};
use crate::ir::{Bound, Bounds, Traits};
use crate::normalize;
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
        // Raw traits, and the typed ones the normalize stage lifted from them, as the model spelled them.
        let (o, n) = (
            normalize::raw_traits(cx.old.form, old),
            normalize::raw_traits(cx.new.form, new),
        );
        let keys: std::collections::BTreeSet<&String> = o.keys().chain(n.keys()).collect();
        for k in keys {
            generic_opt(k, &o.get(k), &n.get(k), &mut push);
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
        (None, Some(p)) => push(
            PatternAdded,
            Warning,
            format!("pattern {:?} added", p.source),
        ),
        (Some(a), Some(b)) if a.source != b.source && !(cross && a.key == b.key) => push(
            PatternChanged,
            Note,
            format!("pattern changed from {:?} to {:?}", a.source, b.source),
        ),
        (Some(p), None) => push(
            PatternRemoved,
            Note,
            format!("pattern {:?} removed", p.source),
        ),
        _ => {}
    }
    match (&old.deprecated, &new.deprecated) {
        (None, Some(_)) => push(DeprecatedAdded, Warning, "deprecated".into()),
        (Some(_), None) => push(TraitRemoved, Warning, "trait `deprecated` removed".into()),
        // botocore often leaves out `deprecatedSince`: across forms it is compared when both say.
        (Some(a), Some(b))
            if a.message != b.message
                || (a.since != b.since && !(cross && (a.since.is_none() || b.since.is_none()))) =>
        {
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
    // A member bound outside the body (header, query, label, ...) never uses its JSON name; botocore
    // spells such a member's `locationName` as the binding's name instead.
    let outside = |t: &Traits| {
        t.http_binding
            .as_ref()
            .is_some_and(|b| *b != crate::ir::HttpBinding::Payload)
    };
    if old.json_name != new.json_name && !(cross && (outside(old) || outside(new))) {
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
    let same_http = match (&old.http, &new.http) {
        // Across forms: one side may have none (awsJson), and 200 is the default status of both.
        (Some(a), Some(b)) if cross => {
            a.method == b.method && a.uri == b.uri && a.status() == b.status()
        }
        (None, _) | (_, None) if cross => true,
        (a, b) => a == b,
    };
    if !same_http {
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
    // botocore has no `sparse`.
    if old.sparse != new.sparse && !cross {
        let what = if new.sparse { "added" } else { "removed" };
        push(SparseChanged, Error, format!("`sparse` {what}"));
    }
    generic_bool("sensitive", old.sensitive, new.sensitive, &mut push);
    generic_bool("streaming", old.streaming, new.streaming, &mut push);
    generic_bool("idempotent", old.idempotent, new.idempotent, &mut push);
    // botocore's `error` object (with the status) is optional: compared across forms when both say.
    if !(cross && (old.http_error.is_none() || new.http_error.is_none())) {
        generic_opt("httpError", &old.http_error, &new.http_error, &mut push);
    }
    generic_opt("endpoint", &old.host_prefix, &new.host_prefix, &mut push);

    // botocore rewrites documentation: across forms it is compared only under `--strict`.
    if !cross {
        docs::diff_docs(
            old.documentation.as_deref(),
            new.documentation.as_deref(),
            at,
            out,
        );
    }
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
