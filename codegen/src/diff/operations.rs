//! Operation changes: operations added to or removed from the service, input / output shapes, errors,
//! pagination and the operation's traits.

use super::{event, traits, Cx, Event, EventId, Severity};
use crate::ir::{Operation, Paginated};
use std::collections::BTreeSet;

/// Every operation change between the two models.
pub(crate) fn diff_operations(cx: &Cx, out: &mut Vec<Event>) {
    let names: BTreeSet<&String> = cx
        .old
        .operations
        .keys()
        .chain(cx.new.operations.keys())
        .collect();
    for name in names {
        match (cx.old.operations.get(name), cx.new.operations.get(name)) {
            (None, Some(_)) => out.push(event(
                EventId::OperationAdded,
                Severity::Note,
                name,
                "operation added",
            )),
            (Some(_), None) => out.push(event(
                EventId::OperationRemoved,
                Severity::Error,
                name,
                "operation removed",
            )),
            (Some(a), Some(b)) => operation_changes(cx, a, b, out),
            (None, None) => {}
        }
    }
}

fn operation_changes(cx: &Cx, old: &Operation, new: &Operation, out: &mut Vec<Event>) {
    let at = new.name.as_str();
    let unit = |s: &Option<String>| s.clone().unwrap_or_else(|| "smithy.api#Unit".into());
    if old.input != new.input {
        out.push(event(
            EventId::OperationInputChanged,
            Severity::Error,
            at,
            format!(
                "input changed from {} to {}",
                unit(&old.input),
                unit(&new.input)
            ),
        ));
    }
    if old.output != new.output {
        out.push(event(
            EventId::OperationOutputChanged,
            Severity::Error,
            at,
            format!(
                "output changed from {} to {}",
                unit(&old.output),
                unit(&new.output)
            ),
        ));
    }
    for e in &new.errors {
        if !old.errors.contains(e) {
            out.push(event(
                EventId::OperationErrorAdded,
                Severity::Warning,
                at,
                format!("error {e} added"),
            ));
        }
    }
    for e in &old.errors {
        if !new.errors.contains(e) {
            out.push(event(
                EventId::OperationErrorRemoved,
                Severity::Warning,
                at,
                format!("error {e} removed"),
            ));
        }
    }
    paginated_changes(cx, old.paginated.as_ref(), new.paginated.as_ref(), at, out);
    traits::diff_traits(cx, &old.traits, &new.traits, at, out);
}

/// Tokens changed or the trait removed: ERROR; page size or items changed, or the trait added: NOTE.
fn paginated_changes(
    cx: &Cx,
    old: Option<&Paginated>,
    new: Option<&Paginated>,
    at: &str,
    out: &mut Vec<Event>,
) {
    match (old, new) {
        // botocore's pagination is a separate, hand-kept file that lists fewer operations.
        (Some(_), None) | (None, Some(_)) if cx.cross() => {}
        (Some(_), None) => out.push(event(
            EventId::PaginatedChanged,
            Severity::Error,
            at,
            "`paginated` trait removed",
        )),
        (None, Some(_)) => out.push(event(
            EventId::TraitAdded,
            Severity::Note,
            at,
            "trait `paginated` added",
        )),
        (Some(a), Some(b)) => {
            let show = |t: &Option<String>| t.clone().unwrap_or_else(|| "none".into());
            for (what, x, y) in [
                ("input token", &a.input_token, &b.input_token),
                ("output token", &a.output_token, &b.output_token),
            ] {
                if x != y {
                    out.push(event(
                        EventId::PaginatedChanged,
                        Severity::Error,
                        at,
                        format!("pagination {what} changed from {} to {}", show(x), show(y)),
                    ));
                }
            }
            let items = |p: &Paginated| -> Vec<String> {
                if cx.cross() {
                    p.items.iter().take(1).cloned().collect()
                } else {
                    p.items.clone()
                }
            };
            // Across forms, page size and items are compared when both say: the Smithy models leave
            // out many that botocore's hand-kept paginators give.
            let page_size_differs = a.page_size != b.page_size
                && !(cx.cross() && (a.page_size.is_none() || b.page_size.is_none()));
            let items_differ =
                items(a) != items(b) && !(cx.cross() && (a.items.is_empty() || b.items.is_empty()));
            if page_size_differs || items_differ {
                out.push(event(
                    EventId::TraitChanged,
                    Severity::Note,
                    at,
                    "trait `paginated` changed (page size or items)",
                ));
            }
        }
        (None, None) => {}
    }
}
