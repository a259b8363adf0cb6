//! Reports of a diff: human text grouped by severity, JSON for machines, and a markdown changelog entry
//! (breaking changes first, then new operations, new members, new enum values, then the rest).

use super::{counts, is_breaking, Event, EventId, Severity};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write;

/// Text grouped by severity (worst first), one event per line, and a summary line.
pub fn text(events: &[Event]) -> String {
    let mut s = String::new();
    if events.is_empty() {
        s.push_str("no changes\n");
        return s;
    }
    for sev in Severity::ALL.iter().rev() {
        let group: Vec<&Event> = events.iter().filter(|e| e.severity == *sev).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(s, "{sev} ({})", group.len());
        for e in group {
            let _ = writeln!(s, "  {:<26} {}: {}", e.id.as_str(), e.shape, e.message);
        }
        s.push('\n');
    }
    s.push_str(&summary(events));
    s.push('\n');
    s
}

/// `3 ERROR, 0 DANGER, 1 WARNING, 5 NOTE: breaking` (or `not breaking`).
pub fn summary(events: &[Event]) -> String {
    let parts: Vec<String> = counts(events)
        .iter()
        .rev()
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    let verdict = if is_breaking(events) {
        "breaking"
    } else {
        "not breaking"
    };
    format!("{}: {verdict}", parts.join(", "))
}

/// `{"breaking": .., "counts": {"NOTE": ..}, "events": [{"id", "severity", "shape", "message"}]}`.
pub fn json(events: &[Event]) -> Value {
    let mut c = Map::new();
    for (s, n) in counts(events) {
        c.insert(s.as_str().into(), json!(n));
    }
    let list: Vec<Value> = events
        .iter()
        .map(|e| {
            json!({
                "id": e.id.as_str(),
                "severity": e.severity.as_str(),
                "shape": e.shape,
                "message": e.message,
            })
        })
        .collect();
    json!({ "breaking": is_breaking(events), "counts": c, "events": list })
}

/// A markdown changelog entry titled `title`.
pub fn changelog(events: &[Event], title: &str) -> String {
    let mut s = format!("## {title}\n\n");
    if events.is_empty() {
        s.push_str("No changes.\n");
        return s;
    }
    let section = |s: &mut String, head: &str, lines: Vec<String>| {
        if !lines.is_empty() {
            let _ = writeln!(s, "### {head}\n");
            for l in lines {
                let _ = writeln!(s, "- {l}");
            }
            s.push('\n');
        }
    };
    let mut breaking: Vec<&Event> = events.iter().filter(|e| e.severity.is_breaking()).collect();
    breaking.sort_by(|a, b| b.severity.cmp(&a.severity).then_with(|| a.cmp(b)));
    section(
        &mut s,
        "Breaking changes",
        breaking
            .iter()
            .map(|e| format!("**{}** `{}`: {} ({})", e.severity, e.shape, e.message, e.id))
            .collect(),
    );
    let of = |ids: &[EventId]| -> Vec<&Event> {
        events.iter().filter(|e| ids.contains(&e.id)).collect()
    };
    section(
        &mut s,
        "New operations",
        of(&[EventId::OperationAdded])
            .iter()
            .map(|e| format!("`{}`", e.shape))
            .collect(),
    );
    section(
        &mut s,
        "New members",
        of(&[EventId::MemberAdded, EventId::RequiredMemberAdded])
            .iter()
            .map(|e| format!("`{}`", e.shape))
            .collect(),
    );
    let mut values: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for e in of(&[EventId::EnumValueAppended, EventId::EnumValueInserted]) {
        let shape = e.shape.split_once('$').map_or(e.shape.as_str(), |(s, _)| s);
        // The message quotes the value: `enum value "ml.t2.medium" appended`.
        let value = match (e.message.find('"'), e.message.rfind('"')) {
            (Some(a), Some(b)) if a < b => &e.message[a + 1..b],
            _ => e.shape.as_str(),
        };
        values.entry(shape).or_default().push(format!("`{value}`"));
    }
    section(
        &mut s,
        "New enum values",
        values
            .iter()
            .map(|(shape, vs)| format!("`{shape}`: {}", vs.join(", ")))
            .collect(),
    );
    section(
        &mut s,
        "Warnings",
        events
            .iter()
            .filter(|e| e.severity == Severity::Warning)
            .map(|e| format!("`{}`: {} ({})", e.shape, e.message, e.id))
            .collect(),
    );
    let listed = [
        EventId::OperationAdded,
        EventId::MemberAdded,
        EventId::EnumValueAppended,
    ];
    let mut other: BTreeMap<&str, usize> = BTreeMap::new();
    for e in events
        .iter()
        .filter(|e| e.severity == Severity::Note && !listed.contains(&e.id))
    {
        *other.entry(e.id.as_str()).or_default() += 1;
    }
    section(
        &mut s,
        "Other changes",
        other.iter().map(|(id, n)| format!("{id}: {n}")).collect(),
    );
    s.push_str(&summary(events));
    s.push('\n');
    s
}
