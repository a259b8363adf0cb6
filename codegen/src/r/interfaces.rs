//! The one-line `shape` expressions of `R/<svc>_interfaces.R`: a structure is a named `list(...)`, a
//! list `list(<element>)`, a map `list(<value>)`, a scalar `logical(0)`, each wrapped in
//! `structure(<value>, tags = list(...))`. Tags come from the member reference first, then from the
//! target shape (a key already present keeps its place); documentation and constraints never appear.

use super::escape::r_string;
use crate::ir::{HttpBinding, Member, Model, Shape, ShapeKind, TimestampFormat, Traits};
use crate::naming::r::symbol;

/// Ordered tag list with "first writer wins" semantics.
#[derive(Default)]
struct Tags(Vec<(&'static str, String)>);

impl Tags {
    fn add(&mut self, key: &'static str, value: String) {
        if !self.0.iter().any(|(k, _)| *k == key) {
            self.0.push((key, value));
        }
    }
    fn flag(&mut self, key: &'static str, on: bool) {
        if on {
            self.add(key, "TRUE".into());
        }
    }
    /// `deprecated = TRUE`, and `deprecatedMessage` when the model gives one (as paws writes them).
    fn deprecation(&mut self, t: &Traits) {
        if let Some(d) = &t.deprecated {
            self.add("deprecated", "TRUE".into());
            if let Some(m) = &d.message {
                self.add("deprecatedMessage", r_string(m));
            }
        }
    }
    fn render(&self, out: &mut String) {
        out.push_str("tags = list(");
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(k);
            out.push_str(" = ");
            out.push_str(v);
        }
        out.push(')');
    }
}

/// botocore's spelling of a timestamp format, as paws stores it.
pub fn timestamp_format(f: &TimestampFormat) -> &'static str {
    match f {
        TimestampFormat::EpochSeconds => "unixTimestamp",
        TimestampFormat::DateTime => "iso8601",
        TimestampFormat::HttpDate => "rfc822",
    }
}

/// The botocore type name paws tags a shape with.
fn type_name(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::Blob => "blob",
        ShapeKind::Boolean => "boolean",
        ShapeKind::String | ShapeKind::Enum(_) => "string",
        ShapeKind::Byte | ShapeKind::Short | ShapeKind::Integer | ShapeKind::IntEnum(_) => {
            "integer"
        }
        ShapeKind::Long | ShapeKind::BigInteger => "long",
        ShapeKind::Float => "float",
        ShapeKind::Double | ShapeKind::BigDecimal => "double",
        ShapeKind::Timestamp => "timestamp",
        ShapeKind::List(_) => "list",
        ShapeKind::Map { .. } => "map",
        ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Document => "structure",
    }
}

/// Tags a member reference contributes (before its target's).
fn member_tags(m: &Member, tags: &mut Tags) {
    let t = &m.traits;
    match &t.http_binding {
        Some(HttpBinding::Header(n)) => {
            tags.add("location", r_string("header"));
            tags.add("locationName", r_string(n));
        }
        Some(HttpBinding::PrefixHeaders(p)) => {
            tags.add("location", r_string("headers"));
            tags.add("locationName", r_string(p));
        }
        Some(HttpBinding::Query(n)) => {
            tags.add("location", r_string("querystring"));
            tags.add("locationName", r_string(n));
        }
        Some(HttpBinding::QueryParams) => tags.add("location", r_string("querystring")),
        Some(HttpBinding::Label) => {
            tags.add("location", r_string("uri"));
            tags.add("locationName", r_string(&m.name));
        }
        Some(HttpBinding::ResponseCode) => tags.add("location", r_string("statusCode")),
        Some(HttpBinding::Payload) | None => {}
    }
    if let Some(n) = &t.json_name {
        tags.add("locationName", r_string(n));
    }
    if let Some(n) = &t.xml_name {
        tags.add("locationName", r_string(n));
    }
    if let Some(n) = &t.query_name {
        tags.add("queryName", r_string(n));
    }
    tags.flag("hostLabel", t.host_label);
    tags.flag("xmlAttribute", t.xml_attribute);
    tags.flag("flattened", t.xml_flattened);
    tags.flag("box", t.boxed);
    tags.deprecation(t);
    tags.flag("idempotencyToken", t.idempotency_token);
    tags.flag("jsonvalue", t.json_value);
    if let Some(f) = &t.timestamp_format {
        tags.add("timestampFormat", r_string(timestamp_format(f)));
    }
}

/// Tags the target shape contributes.
fn shape_tags(shape: &Shape, tags: &mut Tags) {
    let t = &shape.traits;
    tags.add("type", r_string(type_name(&shape.kind)));
    match &shape.kind {
        ShapeKind::List(m) => {
            if let Some(n) = &m.traits.json_name {
                tags.add("locationNameList", r_string(n));
            }
        }
        ShapeKind::Map { key, value } => {
            if let Some(n) = &key.traits.json_name {
                tags.add("locationNameKey", r_string(n));
            }
            if let Some(n) = &value.traits.json_name {
                tags.add("locationNameValue", r_string(n));
            }
        }
        ShapeKind::Structure(members) => {
            if let Some(p) = members
                .iter()
                .find(|m| m.traits.http_binding == Some(HttpBinding::Payload))
            {
                tags.add("payload", r_string(&p.name));
            }
        }
        _ => {}
    }
    tags.flag("box", t.boxed);
    tags.flag("sensitive", t.sensitive);
    tags.flag("union", matches!(shape.kind, ShapeKind::Union(_)));
    tags.flag("document", matches!(shape.kind, ShapeKind::Document));
    tags.flag("streaming", t.streaming);
    tags.flag("flattened", t.xml_flattened);
    tags.deprecation(t);
    if let Some(f) = &t.timestamp_format {
        tags.add("timestampFormat", r_string(timestamp_format(f)));
    }
}

/// The `shape` expression of an operation's input or output structure, on one line.
pub fn shape_expression(model: &Model, id: &str) -> Result<String, String> {
    let shape = model
        .shape(id)
        .ok_or_else(|| format!("shape `{id}` is missing from the model"))?;
    let mut out = String::with_capacity(256);
    let mut stack = Vec::new();
    write_shape(model, None, shape, &mut stack, &mut out)?;
    Ok(out)
}

fn write_shape<'m>(
    model: &'m Model,
    member: Option<&Member>,
    shape: &'m Shape,
    stack: &mut Vec<&'m str>,
    out: &mut String,
) -> Result<(), String> {
    let mut tags = Tags::default();
    if let Some(m) = member {
        member_tags(m, &mut tags);
    }
    shape_tags(shape, &mut tags);
    out.push_str("structure(");
    if stack.len() >= super::MAX_NESTING {
        return Err(super::syntax::too_deep(&shape.id));
    }
    let recursive = stack.contains(&shape.id.as_str());
    stack.push(&shape.id);
    match &shape.kind {
        _ if recursive => out.push_str("logical(0)"),
        ShapeKind::Structure(members) | ShapeKind::Union(members) => {
            out.push_str("list(");
            for (i, m) in members.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&symbol(&m.name));
                out.push_str(" = ");
                write_member(model, m, stack, out)?;
            }
            out.push(')');
        }
        ShapeKind::List(m) | ShapeKind::Map { value: m, .. } => {
            out.push_str("list(");
            write_member(model, m, stack, out)?;
            out.push(')');
        }
        ShapeKind::Document => out.push_str("list()"),
        _ => out.push_str("logical(0)"),
    }
    stack.pop();
    out.push_str(", ");
    tags.render(out);
    out.push(')');
    Ok(())
}

fn write_member<'m>(
    model: &'m Model,
    m: &Member,
    stack: &mut Vec<&'m str>,
    out: &mut String,
) -> Result<(), String> {
    let target = model.shape(&m.target).ok_or_else(|| {
        format!(
            "member `{}` targets `{}`, which is missing from the model",
            m.name, m.target
        )
    })?;
    write_shape(model, Some(m), target, stack, out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::r::testmodel::*;

    #[test]
    fn scalars_lists_maps_and_tags() {
        let model = model_with(vec![
            structure(
                "In",
                vec![
                    member("Name", "Str"),
                    boxed(member("Count", "Int")),
                    member("Items", "StrList"),
                    member("Attrs", "StrMap"),
                ],
            ),
            shape("Str", ShapeKind::String),
            shape("Int", ShapeKind::Integer),
            shape(
                "StrList",
                ShapeKind::List(Box::new(member("member", "Str"))),
            ),
            shape(
                "StrMap",
                ShapeKind::Map {
                    key: Box::new(member("key", "Str")),
                    value: Box::new(member("value", "Int")),
                },
            ),
        ]);
        assert_eq!(
            shape_expression(&model, "In").unwrap(),
            "structure(list(Name = structure(logical(0), tags = list(type = \"string\")), \
             Count = structure(logical(0), tags = list(box = TRUE, type = \"integer\")), \
             Items = structure(list(structure(logical(0), tags = list(type = \"string\"))), tags = list(type = \"list\")), \
             Attrs = structure(list(structure(logical(0), tags = list(type = \"integer\"))), tags = list(type = \"map\"))), \
             tags = list(type = \"structure\"))"
        );
    }

    #[test]
    fn recursion_stops_at_reentry() {
        let model = model_with(vec![
            structure(
                "Node",
                vec![member("Next", "Node"), member("Kids", "Nodes")],
            ),
            shape("Nodes", ShapeKind::List(Box::new(member("member", "Node")))),
        ]);
        let e = shape_expression(&model, "Node").unwrap();
        assert_eq!(
            e,
            "structure(list(Next = structure(logical(0), tags = list(type = \"structure\")), \
             Kids = structure(list(structure(logical(0), tags = list(type = \"structure\"))), tags = list(type = \"list\"))), \
             tags = list(type = \"structure\"))"
        );
    }

    #[test]
    fn hostile_names_stay_data() {
        let model = model_with(vec![
            structure(
                "In",
                vec![json_name(member("a = 1); system(\"x\"", "Str"), "x\"y")],
            ),
            shape("Str", ShapeKind::String),
        ]);
        let e = shape_expression(&model, "In").unwrap();
        assert!(e.contains("`a = 1); system(\"x\"` = structure(logical(0), tags = list(locationName = \"x\\\"y\", type = \"string\"))"), "{e}");
    }

    #[test]
    fn missing_target_is_an_error() {
        let model = model_with(vec![structure("In", vec![member("A", "Nope")])]);
        assert!(shape_expression(&model, "In")
            .unwrap_err()
            .contains("`Nope`"));
    }
}
