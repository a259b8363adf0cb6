//! `paginators-1.json` merged into [`Operation::paginated`].
//!
//! botocore allows `input_token` / `output_token` / `result_key` to be lists (several tokens paging
//! together, several result lists). The IR keeps one input and one output token: the first of each.
//! Whenever the typed form loses something (more than one token, `more_results`,
//! `non_aggregate_keys`, any other key), the whole paginator object is also kept raw in the
//! operation's `Traits::other` under `"paginator"`. All result keys go to `Paginated::items`.

use super::read::{join, Ctx};
use crate::ir::{Operation, Paginated};
use serde_json::Value;
use std::collections::BTreeMap;

/// Merge `paginators` (the parsed `paginators-1.json`) into `operations`. `file` is the paginators
/// file for messages.
pub fn merge(ctx: &mut Ctx, paginators: &Value, operations: &mut BTreeMap<String, Operation>) {
    let Some(root) = ctx.object(paginators, None, "", "the paginators file") else {
        return;
    };
    let Some(pagination) = root.get("pagination") else {
        ctx.err(None, "", "the paginators file has no `pagination` object");
        return;
    };
    let Some(pagination) = ctx.object(pagination, None, "/pagination", "`pagination`") else {
        return;
    };
    for (name, config) in pagination {
        let path = join("/pagination", name);
        let s = Some(name.as_str());
        let Some(obj) = ctx.object(config, s, &path, "a paginator") else {
            continue;
        };
        let mut p = Paginated::default();
        let mut lossy = false;
        for (key, v) in obj {
            match key.as_str() {
                "input_token" | "output_token" => {
                    let tokens = ctx.one_or_many(v, s, &path, key);
                    lossy |= tokens.len() > 1;
                    let first = tokens.into_iter().next();
                    if key == "input_token" {
                        p.input_token = first;
                    } else {
                        p.output_token = first;
                    }
                }
                "limit_key" => p.page_size = ctx.string(v, s, &path, key),
                "result_key" => p.items = ctx.one_or_many(v, s, &path, key),
                _ => lossy = true,
            }
        }
        match operations.get_mut(name) {
            Some(op) => {
                if lossy {
                    op.traits.other.insert("paginator".into(), config.clone());
                }
                op.paginated = Some(p);
            }
            None => ctx.err(
                s,
                &path,
                format!("paginator for operation `{name}`, which does not exist"),
            ),
        }
    }
}
