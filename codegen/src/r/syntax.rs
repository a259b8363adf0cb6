//! The syntax shown in the Value and Request syntax sections: a shape as an R-like call tree
//! (`list(Name = "string", ...)`), laid out with every open `(` ending its line, two more spaces per
//! level, every `,` ending its line and every `)` on its own line.

use super::escape::shown_string;
use crate::ir::{Member, Model, Shape, ShapeKind};
use crate::naming::r::symbol;

/// A node of the syntax tree.
#[derive(Debug, Clone, PartialEq)]
enum Node {
    /// Printed as is (`"string"`, `123`, `list()`).
    Atom(String),
    /// `head(` children `)`, each child optionally named.
    Call(String, Vec<(Option<String>, Node)>),
}

/// The Request syntax of an operation: `svc$<op>(...)` over the input structure's members.
pub fn request_syntax(model: &Model, input: &str, r_op: &str) -> Result<String, String> {
    let node = shape_node(model, input, &mut Vec::new())?;
    let node = match node {
        Node::Call(_, children) => Node::Call(format!("svc${r_op}"), children),
        Node::Atom(_) => Node::Call(format!("svc${r_op}"), Vec::new()),
    };
    Ok(layout(&node))
}

/// The Value syntax of an output structure: `list(...)`.
pub fn value_syntax(model: &Model, output: &str) -> Result<String, String> {
    let node = shape_node(model, output, &mut Vec::new())?;
    Ok(layout(&node))
}

fn find<'m>(model: &'m Model, id: &str) -> Result<&'m Shape, String> {
    model
        .shape(id)
        .ok_or_else(|| format!("shape `{id}` is missing from the model"))
}

fn shape_node<'m>(model: &'m Model, id: &str, stack: &mut Vec<&'m str>) -> Result<Node, String> {
    let shape = find(model, id)?;
    if stack.len() >= super::MAX_NESTING {
        return Err(too_deep(id));
    }
    if stack.contains(&shape.id.as_str()) {
        return Ok(Node::Atom("list()".into()));
    }
    let atom = |s: &str| Ok(Node::Atom(s.to_string()));
    match &shape.kind {
        ShapeKind::String => atom("\"string\""),
        ShapeKind::Enum(values) if values.is_empty() => atom("\"string\""),
        ShapeKind::Enum(values) => Ok(Node::Atom(
            values
                .iter()
                .map(|v| shown_string(&v.value))
                .collect::<Vec<_>>()
                .join("|"),
        )),
        ShapeKind::Byte
        | ShapeKind::Short
        | ShapeKind::Integer
        | ShapeKind::Long
        | ShapeKind::BigInteger
        | ShapeKind::IntEnum(_) => atom("123"),
        ShapeKind::Float | ShapeKind::Double | ShapeKind::BigDecimal => atom("123.0"),
        ShapeKind::Boolean => atom("TRUE|FALSE"),
        ShapeKind::Blob => atom("raw"),
        ShapeKind::Timestamp => Ok(Node::Call(
            "as.POSIXct".into(),
            vec![(None, Node::Atom("\"2015-01-01\"".into()))],
        )),
        ShapeKind::Document => atom("list()"),
        ShapeKind::Structure(members) | ShapeKind::Union(members) => {
            stack.push(&shape.id);
            let children = members
                .iter()
                .map(|m| Ok((Some(symbol(&m.name)), member_node(model, m, stack)?)))
                .collect::<Result<Vec<_>, String>>();
            stack.pop();
            Ok(Node::Call("list".into(), children?))
        }
        ShapeKind::List(m) | ShapeKind::Map { value: m, .. } => {
            stack.push(&shape.id);
            let child = member_node(model, m, stack);
            stack.pop();
            Ok(Node::Call("list".into(), vec![(None, child?)]))
        }
    }
}

/// The error for a shape tree nested deeper than [`super::MAX_NESTING`].
pub(super) fn too_deep(id: &str) -> String {
    format!(
        "shape `{id}` is nested more than {} levels deep: the R target refuses it (R's parser could not \
         read the result, and generating it would exhaust the stack)",
        super::MAX_NESTING
    )
}

fn member_node<'m>(model: &'m Model, m: &Member, stack: &mut Vec<&'m str>) -> Result<Node, String> {
    shape_node(model, &m.target, stack).map_err(|e| format!("member `{}`: {e}", m.name))
}

fn layout(node: &Node) -> String {
    let mut out = String::with_capacity(1024);
    write(node, 0, &mut out);
    out
}

fn write(node: &Node, indent: usize, out: &mut String) {
    match node {
        Node::Atom(s) => out.push_str(s),
        Node::Call(head, children) if children.is_empty() => {
            out.push_str(head);
            out.push_str("()");
        }
        Node::Call(head, children) => {
            out.push_str(head);
            out.push_str("(\n");
            for (i, (name, child)) in children.iter().enumerate() {
                push_indent(out, indent + 2);
                if let Some(name) = name {
                    out.push_str(name);
                    out.push_str(" = ");
                }
                write(child, indent + 2, out);
                out.push_str(if i + 1 < children.len() { ",\n" } else { "\n" });
            }
            push_indent(out, indent);
            out.push(')');
        }
    }
}

fn push_indent(out: &mut String, n: usize) {
    out.extend(std::iter::repeat_n(' ', n));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::r::testmodel::*;

    fn model() -> Model {
        model_with(vec![
            structure(
                "In",
                vec![
                    member("Name", "Str"),
                    member("Kind", "Kind"),
                    member("When", "Time"),
                    member("Tags", "TagList"),
                    member("Empty", "Empty"),
                    member("Self", "In"),
                    member("Ratio", "Dbl"),
                    member("On", "Bool"),
                    member("Data", "Blob"),
                ],
            ),
            shape("Str", ShapeKind::String),
            enum_shape("Kind", &["a", "b\"c"]),
            shape("Time", ShapeKind::Timestamp),
            shape(
                "TagList",
                ShapeKind::List(Box::new(member("member", "Tag"))),
            ),
            structure("Tag", vec![member("Key", "Str")]),
            structure("Empty", vec![]),
            shape("Dbl", ShapeKind::Double),
            shape("Bool", ShapeKind::Boolean),
            shape("Blob", ShapeKind::Blob),
        ])
    }

    #[test]
    fn request_syntax_layout() {
        let got = request_syntax(&model(), "In", "do_it").unwrap();
        let want = r#"svc$do_it(
  Name = "string",
  Kind = "a"|"b\"c",
  When = as.POSIXct(
    "2015-01-01"
  ),
  Tags = list(
    list(
      Key = "string"
    )
  ),
  Empty = list(),
  Self = list(),
  Ratio = 123.0,
  On = TRUE|FALSE,
  Data = raw
)"#;
        assert_eq!(got, want);
    }

    #[test]
    fn empty_input_and_value() {
        let m = model();
        assert_eq!(request_syntax(&m, "Empty", "x").unwrap(), "svc$x()");
        assert_eq!(
            value_syntax(&m, "Tag").unwrap(),
            "list(\n  Key = \"string\"\n)"
        );
    }
}
