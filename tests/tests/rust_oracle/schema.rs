//! The input closure of one operation as the request generator sees it: shapes from the Smithy IR,
//! restricted to the members botocore's model also has, checked against the closure botocore reports.

use codegen::ir::{Bounds, Model, Shape, ShapeKind, Traits};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

/// Inclusive bounds of a value (length or range), as `f64`.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Limits {
    pub min: Option<f64>,
    pub max: Option<f64>,
}

impl Limits {
    fn of(b: Option<&Bounds>) -> Limits {
        Limits {
            min: b.and_then(|b| b.min.as_ref()).map(|m| m.as_f64()),
            max: b.and_then(|b| b.max.as_ref()).map(|m| m.as_f64()),
        }
    }
}

/// The model, the root input shape and, per structure id, the members both models have.
pub struct Schema {
    pub model: Model,
    pub root: String,
    pub common: BTreeMap<String, BTreeSet<String>>,
}

impl Schema {
    pub fn shape(&self, id: &str) -> &Shape {
        self.model
            .shape(id)
            .unwrap_or_else(|| panic!("shape `{id}` is not in the model"))
    }

    /// The members of a structure that the generator may use (those botocore also has).
    pub fn members<'a>(
        &'a self,
        shape: &'a Shape,
    ) -> impl Iterator<Item = &'a codegen::ir::Member> {
        let common = self.common.get(&shape.id);
        shape
            .kind
            .members()
            .iter()
            .filter(move |m| common.is_some_and(|c| c.contains(&m.name)))
    }
}

/// `length` of a value: the member's trait, else the target's.
pub fn length(member: Option<&Traits>, shape: &Shape) -> Limits {
    Limits::of(
        member
            .and_then(|t| t.length.as_ref())
            .or(shape.traits.length.as_ref()),
    )
}

/// `range` of a value: the member's trait, else the target's.
pub fn range(member: Option<&Traits>, shape: &Shape) -> Limits {
    Limits::of(
        member
            .and_then(|t| t.range.as_ref())
            .or(shape.traits.range.as_ref()),
    )
}

/// botocore's type name for an IR shape kind.
fn botocore_type(kind: &ShapeKind) -> &'static str {
    match kind {
        ShapeKind::Enum(_) => "string",
        ShapeKind::IntEnum(_) => "integer",
        ShapeKind::Union(_) => "structure",
        other => other.type_name(),
    }
}

/// What the two closures disagree on.
#[derive(Default)]
pub struct ClosureDiff {
    /// Members one side has and the other lacks (`Shape.Member: only in ...`).
    pub one_sided: Vec<String>,
    /// Differences in what botocore checks (type, required, minimum, union) on common members.
    pub mismatches: Vec<String>,
}

/// Walks the IR closure of `root` and botocore's (`closure`: the `validate.py closure` output) in
/// parallel, member by member; fills `schema.common` and returns the differences.
pub fn compare(model: Model, root: &str, closure: &Value) -> (Schema, ClosureDiff) {
    let mut schema = Schema {
        model,
        root: root.to_string(),
        common: BTreeMap::new(),
    };
    let mut diff = ClosureDiff::default();
    let mut seen = BTreeSet::new();
    let mut stack: Vec<(String, Option<Traits>, String, String)> =
        vec![(root.to_string(), None, root.to_string(), root.to_string())];
    while let Some((id, member, boto_name, at)) = stack.pop() {
        let shape = schema.shape(&id).clone();
        let Some(boto) = closure.get(&boto_name) else {
            diff.mismatches
                .push(format!("{at}: botocore has no shape `{boto_name}`"));
            continue;
        };
        let boto_type = boto["type"].as_str().unwrap_or("?");
        if boto_type != botocore_type(&shape.kind) {
            diff.mismatches.push(format!(
                "{at}: type {} here, {boto_type} in botocore",
                botocore_type(&shape.kind)
            ));
            continue;
        }
        let ours_min = match &shape.kind {
            ShapeKind::String
            | ShapeKind::Enum(_)
            | ShapeKind::List(_)
            | ShapeKind::Map { .. }
            | ShapeKind::Blob => length(member.as_ref(), &shape).min.filter(|m| *m > 0.0),
            ShapeKind::Structure(_) | ShapeKind::Union(_) => None,
            _ => range(member.as_ref(), &shape).min,
        };
        let boto_min = boto.get("min").and_then(Value::as_f64);
        let boto_min = if matches!(boto_type, "string" | "list" | "map" | "blob") {
            boto_min.filter(|m| *m > 0.0)
        } else {
            boto_min
        };
        if ours_min != boto_min {
            diff.mismatches.push(format!(
                "{at}: minimum {ours_min:?} here, {boto_min:?} in botocore"
            ));
        }
        if !seen.insert((id.clone(), boto_name.clone())) {
            continue;
        }
        match &shape.kind {
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                let is_union = matches!(shape.kind, ShapeKind::Union(_));
                if boto["union"].as_bool() != Some(is_union) {
                    diff.mismatches
                        .push(format!("{at}: union {is_union} here, not in botocore"));
                }
                let boto_members = boto["members"].as_object().cloned().unwrap_or_default();
                let boto_required: BTreeSet<String> = boto["required"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
                let mut common = BTreeSet::new();
                for m in members {
                    let Some(target) = boto_members.get(&m.name).and_then(Value::as_str) else {
                        diff.one_sided
                            .push(format!("{at}.{}: only in the Smithy model", m.name));
                        continue;
                    };
                    common.insert(m.name.clone());
                    if m.traits.required != boto_required.contains(&m.name) {
                        diff.mismatches.push(format!(
                            "{at}.{}: required {} here, {} in botocore",
                            m.name, m.traits.required, !m.traits.required
                        ));
                    }
                    stack.push((
                        m.target.clone(),
                        Some(m.traits.clone()),
                        target.to_string(),
                        format!("{at}.{}", m.name),
                    ));
                }
                for name in boto_members.keys() {
                    if !members.iter().any(|m| &m.name == name) {
                        diff.one_sided
                            .push(format!("{at}.{name}: only in botocore"));
                    }
                }
                schema.common.insert(id.clone(), common);
            }
            ShapeKind::List(m) => {
                let target = boto["member"].as_str().unwrap_or("?").to_string();
                stack.push((
                    m.target.clone(),
                    Some(m.traits.clone()),
                    target,
                    format!("{at}[]"),
                ));
            }
            ShapeKind::Map { key, value } => {
                let k = boto["key"].as_str().unwrap_or("?").to_string();
                let v = boto["value"].as_str().unwrap_or("?").to_string();
                stack.push((
                    key.target.clone(),
                    Some(key.traits.clone()),
                    k,
                    format!("{at}{{key}}"),
                ));
                stack.push((
                    value.target.clone(),
                    Some(value.traits.clone()),
                    v,
                    format!("{at}{{}}"),
                ));
            }
            _ => {}
        }
    }
    diff.one_sided.sort();
    diff.mismatches.sort();
    (schema, diff)
}
