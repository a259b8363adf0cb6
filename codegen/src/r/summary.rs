//! What the model says about a member when it has no prose: type, length / range, pattern, enum
//! values, default and deprecation, as a small HTML fragment that goes through the same documentation
//! converter as the model's own prose.

use super::escape::html_text as html;
use crate::docs::{parse_html, Doc};
use crate::ir::{Bounds, Member, Model, Shape, ShapeKind};

/// A short description of a shape kind: "string", "list of string", "structure", ...
fn kind_words(model: &Model, shape: &Shape, depth: usize) -> String {
    let inner = |id: &str| match model.shape(id) {
        Some(s) if depth < 3 => kind_words(model, s, depth + 1),
        _ => "values".to_string(),
    };
    match &shape.kind {
        ShapeKind::Enum(_) => "string (enum)".into(),
        ShapeKind::IntEnum(_) => "integer (enum)".into(),
        ShapeKind::List(m) => format!("list of {}", inner(&m.target)),
        ShapeKind::Map { key, value } => {
            format!(
                "map from {} to {}",
                inner(&key.target),
                inner(&value.target)
            )
        }
        ShapeKind::Structure(_) => "structure (see the request syntax)".into(),
        ShapeKind::Union(_) => "union: set exactly one member (see the request syntax)".into(),
        k => k.type_name().into(),
    }
}

fn bounds_text(b: &Bounds, unit: &str) -> Option<String> {
    let n = |x: &crate::ir::Bound| x.0.to_string();
    match (&b.min, &b.max) {
        (Some(lo), Some(hi)) => Some(format!("{} to {}{unit}", n(lo), n(hi))),
        (Some(lo), None) => Some(format!("at least {}{unit}", n(lo))),
        (None, Some(hi)) => Some(format!("at most {}{unit}", n(hi))),
        (None, None) => None,
    }
}

/// The summary of `member` (its effective constraints; its own default and deprecation first, then
/// its target's) as HTML.
pub fn member_summary(model: &Model, member: &Member) -> String {
    let Some(target) = model.shape(&member.target) else {
        return format!("<p>Type: <code>{}</code>.</p>", html(&member.target));
    };
    let (mt, tt) = (&member.traits, &target.traits);
    let mut parts = vec![format!("Type: {}.", kind_words(model, target, 0))];
    let unit = match target.kind {
        ShapeKind::String | ShapeKind::Enum(_) => " characters",
        ShapeKind::Blob => " bytes",
        ShapeKind::List(_) | ShapeKind::Map { .. } => " items",
        _ => "",
    };
    let e = &member.effective;
    if let Some(t) = e.length.as_ref().and_then(|b| bounds_text(b, unit)) {
        parts.push(format!("Length: {t}."));
    }
    if let Some(t) = e.range.as_ref().and_then(|b| bounds_text(b, "")) {
        parts.push(format!("Range: {t}."));
    }
    if let Some(p) = &e.pattern {
        parts.push(format!("Pattern: <code>{}</code>.", html(&p.source)));
    }
    if let Some(d) = mt.default.as_ref().or(tt.default.as_ref()) {
        if !d.is_null() {
            parts.push(format!("Default: <code>{}</code>.", html(&d.to_string())));
        }
    }
    let values: Vec<String> = match &target.kind {
        ShapeKind::Enum(v) => v.iter().map(|v| html(&v.value)).collect(),
        ShapeKind::IntEnum(v) => v.iter().map(|v| v.value.to_string()).collect(),
        _ => Vec::new(),
    };
    if !values.is_empty() {
        let list: Vec<String> = values.iter().map(|v| format!("<code>{v}</code>")).collect();
        parts.push(format!("One of: {}.", list.join(", ")));
    }
    if let Some(d) = mt.deprecated.as_ref().or(tt.deprecated.as_ref()) {
        match &d.message {
            Some(m) => parts.push(format!("Deprecated: {}.", html(m.trim_end_matches('.')))),
            None => parts.push("Deprecated.".into()),
        }
    }
    format!("<p>{}</p>", parts.join(" "))
}

/// `html` parsed, when it holds any text once converted (`<p></p>` and whitespace do not count).
pub fn parse_nonempty(html: &str) -> Option<Doc> {
    if html.trim().is_empty() {
        return None;
    }
    let doc = parse_html(html);
    (!doc.plain_text().trim().is_empty()).then_some(doc)
}

/// The documentation of a member: its own, else its target's, else the summary.
pub fn member_doc(model: &Model, member: &Member) -> Doc {
    let own = member
        .traits
        .documentation
        .as_deref()
        .and_then(parse_nonempty);
    own.or_else(|| {
        model
            .shape(&member.target)
            .and_then(|s| s.traits.documentation.as_deref())
            .and_then(parse_nonempty)
    })
    .unwrap_or_else(|| parse_html(&member_summary(model, member)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Bound, Bounds, Member};
    use crate::r::testmodel::*;

    #[test]
    fn summaries_say_what_the_model_knows() {
        let mut s = shape("Name", ShapeKind::String);
        s.traits.length = Some(Bounds {
            min: Some(Bound(1.into())),
            max: Some(Bound(63.into())),
        });
        s.traits.pattern = Some("^a<b&".into());
        let model = model_with(vec![
            s,
            enum_shape("Mode", &["A", "B"]),
            shape("L", ShapeKind::List(Box::new(member("member", "Mode")))),
            structure("S", vec![member("N", "Name")]),
        ]);
        // Effective constraints are resolved on the members the model holds.
        let n = &model.shapes["S"].kind.members()[0];
        assert_eq!(
            member_summary(&model, n),
            "<p>Type: string. Length: 1 to 63 characters. Pattern: <code>^a&lt;b&amp;</code>.</p>"
        );
        assert_eq!(
            member_summary(&model, &member("M", "Mode")),
            "<p>Type: string (enum). One of: <code>A</code>, <code>B</code>.</p>"
        );
        assert_eq!(
            member_summary(&model, &member("L", "L")),
            "<p>Type: list of string (enum).</p>"
        );
    }

    #[test]
    fn own_doc_then_target_doc_then_summary() {
        let mut t = shape("T", ShapeKind::Integer);
        t.traits.documentation = Some("<p>target</p>".into());
        let model = model_with(vec![t, shape("U", ShapeKind::Integer)]);
        let doc = |m: Member| member_doc(&model, &m).plain_text();
        assert_eq!(doc(documented(member("a", "T"), "<p>own</p>")), "own");
        assert_eq!(doc(member("a", "T")), "target");
        assert_eq!(doc(member("a", "U")), "Type: integer.");
        assert_eq!(doc(documented(member("a", "T"), "<p> </p>")), "target");
        assert_eq!(
            doc(documented(member("a", "U"), "<p></p>")),
            "Type: integer."
        );
    }
}
