//! How timestamps and floats are written: timestamps per `timestampFormat` (the member's, else the
//! target timestamp shape's, as Smithy specifies), floats as numbers or the non-finite strings
//! (`"NaN"`, `"Infinity"`, `"-Infinity"`), also inside lists, maps and nested lists, as a format type
//! of the crate's `wire` module; epoch seconds (the JSON protocols' default) need no wrapper.

use super::ctx::Ctx;
use crate::ir::{Member, ShapeKind, TimestampFormat};
use proc_macro2::TokenStream;
use quote::quote;

/// The serialized form of a member value `v` (an expression of type `&T`), wrapped when it holds
/// floats or timestamps not written as epoch seconds.
pub fn ser_value(ctx: &Ctx, m: &Member, v: TokenStream) -> TokenStream {
    match timestamp_writer(ctx, m, 0) {
        Some(f) => quote!(&crate::wire::With::<#f, _>::new(#v)),
        None => v,
    }
}

/// How timestamps and floats in a value of member `m` are written, as a `crate::wire` format type
/// (`Each<Rfc3339>` for a list of date-times, `Float` for a float); `None` when there are no floats
/// and the timestamps are all epoch seconds (the JSON protocols' default, which `DateTime`'s own
/// `Serialize` writes). The format is
/// the member's `timestampFormat`, else the target timestamp shape's (Smithy's precedence); for lists
/// and maps it is that of their `member` / `value`, at any depth.
fn timestamp_writer(ctx: &Ctx, m: &Member, depth: usize) -> Option<TokenStream> {
    let target = ctx.shape(&m.target)?;
    if depth > 64 {
        return None;
    }
    let element = |inner: &Member| {
        let f = timestamp_writer(ctx, inner, depth + 1)?;
        let f = if target.traits.sparse {
            quote!(crate::wire::Sparse<#f>)
        } else {
            f
        };
        Some(quote!(crate::wire::Each<#f>))
    };
    match &target.kind {
        ShapeKind::Timestamp => {
            let format = m
                .traits
                .timestamp_format
                .as_ref()
                .or(target.traits.timestamp_format.as_ref());
            match format {
                Some(TimestampFormat::DateTime) => Some(quote!(crate::wire::Rfc3339)),
                Some(TimestampFormat::HttpDate) => Some(quote!(crate::wire::HttpDate)),
                Some(TimestampFormat::EpochSeconds) | None => None,
            }
        }
        ShapeKind::Float | ShapeKind::Double => Some(quote!(crate::wire::Float)),
        ShapeKind::List(inner) => element(inner),
        ShapeKind::Map { value, .. } => element(value),
        _ => None,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::ir::Model;
    use serde_json::{json, Value};

    /// A model under `protocol` with one operation whose input is `ex#In`, plus `shapes`.
    pub(crate) fn model(protocol: &str, shapes: Value) -> Model {
        let mut all = json!({
            "ex#Svc": {"type": "service", "version": "1", "operations": [{"target": "ex#Op"}],
                       "traits": {protocol: {}}},
            "ex#Op": {"type": "operation", "input": {"target": "ex#In"}}
        });
        for (k, v) in shapes.as_object().expect("object") {
            all[k] = v.clone();
        }
        let ast = json!({"smithy": "2.0", "shapes": all});
        crate::load::smithy::load("test.json", &ast).expect("test model loads")
    }

    /// The timestamp writer of each member of `In`, as compact text (`None` when epoch seconds).
    fn writers(m: &Model) -> Vec<(String, Option<String>)> {
        let ctx = Ctx::new(m);
        ctx.shape("In")
            .expect("In")
            .kind
            .members()
            .iter()
            .map(|mem| {
                let w = timestamp_writer(&ctx, mem, 0).map(|t| t.to_string().replace(' ', ""));
                (mem.name.clone(), w)
            })
            .collect()
    }

    fn ts(format: &str) -> Value {
        json!({"smithy.api#timestampFormat": format})
    }

    #[test]
    fn timestamp_formats_reach_into_lists_and_maps() {
        let m = model(
            "aws.protocols#awsJson1_1",
            json!({
                "ex#In": {"type": "structure", "members": {
                    "Plain": {"target": "smithy.api#Timestamp"},
                    "Member": {"target": "smithy.api#Timestamp", "traits": ts("date-time")},
                    "Shape": {"target": "ex#Http"},
                    "Override": {"target": "ex#Http", "traits": ts("epoch-seconds")},
                    "List": {"target": "ex#DtList"},
                    "Nested": {"target": "ex#Nested"},
                    "Sparse": {"target": "ex#SparseMap"},
                    "Epochs": {"target": "ex#EpochList"},
                    "Text": {"target": "smithy.api#String"},
                    "Num": {"target": "smithy.api#Double"},
                    "Nums": {"target": "ex#FloatMap"}
                }},
                "ex#FloatMap": {"type": "map", "key": {"target": "smithy.api#String"},
                                "value": {"target": "smithy.api#Float"}},
                "ex#Http": {"type": "timestamp", "traits": ts("http-date")},
                "ex#DtList": {"type": "list", "member": {"target": "smithy.api#Timestamp", "traits": ts("date-time")}},
                "ex#Nested": {"type": "list", "member": {"target": "ex#DtList"}},
                "ex#SparseMap": {"type": "map", "key": {"target": "smithy.api#String"},
                                 "value": {"target": "ex#Http"}, "traits": {"smithy.api#sparse": {}}},
                "ex#EpochList": {"type": "list", "member": {"target": "ex#Http", "traits": ts("epoch-seconds")}}
            }),
        );
        let w = |s: &str| Some(s.to_string());
        assert_eq!(
            writers(&m),
            [
                ("Plain".into(), None),
                ("Member".into(), w("crate::wire::Rfc3339")),
                ("Shape".into(), w("crate::wire::HttpDate")),
                ("Override".into(), None),
                ("List".into(), w("crate::wire::Each<crate::wire::Rfc3339>")),
                (
                    "Nested".into(),
                    w("crate::wire::Each<crate::wire::Each<crate::wire::Rfc3339>>")
                ),
                (
                    "Sparse".into(),
                    w("crate::wire::Each<crate::wire::Sparse<crate::wire::HttpDate>>")
                ),
                ("Epochs".into(), None),
                ("Text".into(), None),
                ("Num".into(), w("crate::wire::Float")),
                ("Nums".into(), w("crate::wire::Each<crate::wire::Float>")),
            ]
        );
    }

    #[test]
    fn a_list_that_contains_itself_does_not_recurse_forever() {
        let mut m = model(
            "aws.protocols#awsJson1_1",
            json!({
                "ex#In": {"type": "structure", "members": {"L": {"target": "ex#Loop"}}},
                "ex#Loop": {"type": "list", "member": {"target": "smithy.api#String"}}
            }),
        );
        // Front-ends reject such a model; the IR could still hold one.
        if let Some(s) = m.shapes.get_mut("Loop") {
            if let ShapeKind::List(inner) = &mut s.kind {
                inner.target = "Loop".into();
            }
        }
        assert_eq!(writers(&m), [("L".into(), None)]);
    }
}
