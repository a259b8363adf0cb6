//! restJson1's HTTP bindings in the generated operations: the request's path (labels
//! percent-encoded, greedy ones keeping `/`), query string (`httpQuery`, lists, `httpQueryParams`,
//! the URI's literal query), headers (lists, timestamps as HTTP dates by default, base64 for
//! `mediaType` strings, `httpPrefixHeaders`) and body (the JSON body members, or the `httpPayload`
//! as raw bytes, text or JSON); and reading a response's bound headers, prefix headers, status code
//! and payload.

use super::ctx::{ident, Ctx, Field, Location};
use super::text::{from_text, to_text};
use crate::ir::{HttpBinding, Member, Operation, Shape, ShapeKind, TimestampFormat};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// A URI or host template split into literal text (`false`) and labels (`true`, name without
/// braces; a greedy label keeps its `+`).
pub fn template_parts(template: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        if start > 0 {
            out.push((rest[..start].to_string(), false));
        }
        out.push((rest[start + 1..start + len].to_string(), true));
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        out.push((rest.to_string(), false));
    }
    out
}

/// The name a label member fills in the URI (botocore's `locationName`, else the member name).
fn label_name(m: &Member) -> &str {
    m.traits
        .other
        .get("locationName")
        .and_then(|v| v.as_str())
        .unwrap_or(&m.name)
}

/// The element member and target of a list, or `None` for anything else.
fn list_element<'a>(ctx: &Ctx<'a>, target: &Shape) -> Option<(&'a Member, &'a Shape)> {
    let el: &'a Member = match &ctx.shape(&target.id)?.kind {
        ShapeKind::List(m) => m.as_ref(),
        _ => return None,
    };
    Some((el, ctx.shape(&el.target)?))
}

/// The statements that build `r`, a `RequestBuilder`, from `input` (path, query, headers, body).
pub fn request(ctx: &Ctx, op: &Operation, input: Option<&Shape>, fields: &[Field]) -> TokenStream {
    let p = quote!(::awsgen_runtime::protocol);
    let (method, uri) = op
        .traits
        .http
        .as_ref()
        .map_or(("POST", "/"), |h| (h.method.as_str(), h.uri.as_str()));
    let method = Literal::string(method);
    let (path_tpl, literal_query) = uri.split_once('?').unwrap_or((uri, ""));
    let parts = template_parts(path_tpl);
    let labels = parts.iter().any(|(_, label)| *label);
    let path = parts.into_iter().map(|(text, label)| {
        if !label {
            let mut chars = text.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) => quote!(path.push(#c);),
                _ => {
                    let lit = Literal::string(&text);
                    quote!(path.push_str(#lit);)
                }
            };
        }
        let (name, greedy) = match text.strip_suffix('+') {
            Some(n) => (n.to_string(), true),
            None => (text.clone(), false),
        };
        let wire = Literal::string(&name);
        // The loaders write labels by member name (botocore's `locationName` labels are rewritten
        // by `load::botocore::labels`); a label still written by `locationName` is found too.
        let is_label =
            |f: &&Field| matches!(f.location, Location::Outside(Some(HttpBinding::Label)));
        let field = fields
            .iter()
            .filter(is_label)
            .find(|f| f.member.name == name)
            .or_else(|| {
                fields
                    .iter()
                    .filter(is_label)
                    .find(|f| label_name(f.member) == name)
            });
        let (Some(f), Some(target)) = (field, field.and_then(|f| ctx.shape(&f.member.target)))
        else {
            return quote!(return Err(#p::SerializeError::missing_label(#wire)););
        };
        let n = ident(&f.ident);
        let text = to_text(
            ctx,
            f.member,
            target,
            quote!(v),
            TimestampFormat::DateTime,
            false,
        );
        quote! {
            let v = input.#n.as_ref().ok_or_else(|| #p::SerializeError::missing_label(#wire))?;
            let t: String = #text;
            if t.is_empty() {
                return Err(#p::SerializeError::missing_label(#wire));
            }
            path.push_str(&#p::encode_label(&t, #greedy));
        }
    });
    let query_lit = Literal::string(literal_query);
    let mut query = Vec::new();
    let mut params = Vec::new();
    let mut headers = Vec::new();
    for f in fields {
        let Location::Outside(Some(b)) = f.location else {
            continue;
        };
        let Some(target) = ctx.shape(&f.member.target) else {
            continue;
        };
        let n = ident(&f.ident);
        match b {
            HttpBinding::Query(_) | HttpBinding::QueryParams
                if matches!(target.kind, ShapeKind::Map { .. }) =>
            {
                params.push(query_params(ctx, &n, target));
            }
            HttpBinding::Query(name) => {
                let name = Literal::string(name);
                let push = match list_element(ctx, target) {
                    Some((el, et)) => {
                        let t = to_text(ctx, el, et, quote!(v), TimestampFormat::DateTime, false);
                        quote!(for v in vs { q.push(#name, &#t); })
                    }
                    None => {
                        let t = to_text(
                            ctx,
                            f.member,
                            target,
                            quote!(vs),
                            TimestampFormat::DateTime,
                            false,
                        );
                        quote!(q.push(#name, &#t);)
                    }
                };
                query.push(quote!(if let Some(vs) = &input.#n { #push }));
            }
            HttpBinding::Header(name) => {
                let name = Literal::string(name);
                let value = match list_element(ctx, target) {
                    Some((el, et)) => {
                        let t = to_text(ctx, el, et, quote!(v), TimestampFormat::HttpDate, true);
                        let dates = matches!(et.kind, ShapeKind::Timestamp)
                            && super::text::timestamp_format(ctx, el, TimestampFormat::HttpDate)
                                == TimestampFormat::HttpDate;
                        let item = if dates {
                            quote!(#t)
                        } else {
                            quote!(#p::header_list_item(&#t).into_owned())
                        };
                        quote!(vs.iter().map(|v| #item).collect::<Vec<String>>().join(", "))
                    }
                    None => to_text(
                        ctx,
                        f.member,
                        target,
                        quote!(vs),
                        TimestampFormat::HttpDate,
                        true,
                    ),
                };
                headers.push(quote!(if let Some(vs) = &input.#n { r.header(#name, &#value)?; }));
            }
            HttpBinding::PrefixHeaders(prefix) => {
                let prefix = Literal::string(prefix);
                headers.push(quote! {
                    if let Some(m) = &input.#n {
                        for (k, v) in m {
                            r.header(&format!("{}{k}", #prefix), v)?;
                        }
                    }
                });
            }
            _ => {}
        }
    }
    let body = input.map(|_| body(ctx, fields)).unwrap_or_default();
    let path = if labels {
        quote! {
            let mut path = String::new();
            #(#path)*
        }
    } else {
        let lit = Literal::string(path_tpl);
        quote!(let path = #lit.to_string();)
    };
    let query = if query.is_empty() && params.is_empty() {
        quote!(r.query(#p::Query::new(#query_lit));)
    } else {
        quote! {
            let mut q = #p::Query::new(#query_lit);
            #(#query)*
            #(#params)*
            r.query(q);
        }
    };
    quote! {
        #path
        let mut r = #p::RequestBuilder::new(#method, path);
        #query
        #(#headers)*
        #body
    }
}

/// `httpQueryParams` (botocore: a `querystring` map): every entry whose name no `httpQuery` member
/// took, string values or lists of them.
fn query_params(ctx: &Ctx, n: &proc_macro2::Ident, target: &Shape) -> TokenStream {
    let ShapeKind::Map { value, .. } = &target.kind else {
        return TokenStream::new();
    };
    let push = match ctx
        .shape(&value.target)
        .and_then(|vt| list_element(ctx, vt))
    {
        Some((el, et)) => {
            let t = to_text(ctx, el, et, quote!(e), TimestampFormat::DateTime, false);
            quote!(for e in v { q.push(k, &#t); })
        }
        None => match ctx.shape(&value.target) {
            Some(vt) => {
                let t = to_text(ctx, value, vt, quote!(v), TimestampFormat::DateTime, false);
                quote!(q.push(k, &#t);)
            }
            None => TokenStream::new(),
        },
    };
    quote! {
        if let Some(m) = &input.#n {
            let taken: Vec<&String> = m.keys().filter(|k| q.has(k)).collect();
            for (k, v) in m {
                if !taken.contains(&k) {
                    #push
                }
            }
        }
    }
}

/// The `Content-Type` of a payload: the target's `mediaType`, else the default for its kind.
fn media_type(target: &Shape, default: &str) -> Literal {
    let t = target
        .traits
        .other
        .get("smithy.api#mediaType")
        .and_then(|v| v.as_str())
        .unwrap_or(default);
    Literal::string(t)
}

/// The request body: the payload member (raw bytes, text, or JSON), else the JSON body members
/// (`{}` when all are unset), else none.
fn body(ctx: &Ctx, fields: &[Field]) -> TokenStream {
    let p = quote!(::awsgen_runtime::protocol);
    let json =
        quote!(::serde_json::to_vec(input).map_err(|e| #p::SerializeError::new(e.to_string()))?);
    if let Some(f) = fields.iter().find(|f| f.location == Location::Payload) {
        let n = ident(&f.ident);
        let Some(target) = ctx.shape(&f.member.target) else {
            return TokenStream::new();
        };
        let raw = |ct: Literal| {
            if f.plain {
                quote!(r.body(#ct, input.#n.as_bytes().to_vec())?;)
            } else {
                quote!(if let Some(v) = &input.#n { r.body(#ct, v.as_bytes().to_vec())?; })
            }
        };
        return match target.kind {
            ShapeKind::Blob => raw(media_type(target, "application/octet-stream")),
            ShapeKind::String | ShapeKind::Enum(_) => {
                let ct = media_type(target, "text/plain");
                if f.plain {
                    quote!(r.body(#ct, input.#n.as_str().as_bytes().to_vec())?;)
                } else {
                    quote!(if let Some(v) = &input.#n { r.body(#ct, v.as_str().as_bytes().to_vec())?; })
                }
            }
            ShapeKind::Structure(_) => quote!(r.body("application/json", #json)?;),
            _ if f.plain => quote!(r.body("application/json", #json)?;),
            _ => quote!(if input.#n.is_some() { r.body("application/json", #json)?; }),
        };
    }
    if fields.iter().any(|f| f.location == Location::Body) {
        quote!(r.body("application/json", #json)?;)
    } else {
        TokenStream::new()
    }
}

/// The body of a reader fn: structure `s` from `response` (its body or payload, then its bound
/// headers, prefix headers and status code).
pub fn read_structure(ctx: &Ctx, s: &Shape) -> TokenStream {
    let t = ctx.type_path(&s.id);
    let fields = ctx.fields(s);
    let from_json = |bytes: TokenStream| quote!(::serde_json::from_slice::<#t>(#bytes).map_err(|e| e.to_string())?);
    let init = match fields.iter().find(|f| f.location == Location::Payload) {
        Some(f) => {
            let target = ctx.shape(&f.member.target);
            let raw = match target.map(|t| &t.kind) {
                Some(ShapeKind::Blob) => Some(quote!(crate::primitives::Blob::new(body.clone()))),
                Some(ShapeKind::String) => Some(quote!(
                    String::from_utf8(body.clone()).map_err(|e| e.to_string())?
                )),
                Some(ShapeKind::Enum(_)) => {
                    let et = ctx.type_path(&f.member.target);
                    Some(quote!(#et::from(::std::str::from_utf8(body).map_err(|e| e.to_string())?)))
                }
                _ => None,
            };
            match raw {
                Some(v) => {
                    let v = if f.plain {
                        v
                    } else {
                        quote!(if body.is_empty() { None } else { Some(#v) })
                    };
                    let inits = fields.iter().map(|g| {
                        let n = ident(&g.ident);
                        if g.ident == f.ident {
                            quote!(#n: #v,)
                        } else {
                            quote!(#n: None,)
                        }
                    });
                    quote!(#t { #(#inits)* })
                }
                None => from_json(quote!(if body.iter().all(u8::is_ascii_whitespace) {
                    b"null"
                } else {
                    body
                })),
            }
        }
        None => from_json(quote!(::awsgen_runtime::protocol::json_body(body))),
    };
    let bindings = fields.iter().filter_map(|f| {
        let Location::Outside(Some(b)) = f.location else {
            return None;
        };
        let target = ctx.shape(&f.member.target)?;
        let n = ident(&f.ident);
        Some(match b {
            HttpBinding::Header(name) => read_header(ctx, f, &n, target, name),
            HttpBinding::PrefixHeaders(prefix) => {
                let prefix = Literal::string(&prefix.to_ascii_lowercase());
                quote! {
                    let mut m = ::std::collections::BTreeMap::new();
                    for (k, v) in response.headers() {
                        if let Some(key) = k.as_str().strip_prefix(#prefix) {
                            let v = v.to_str().map_err(|e| format!("header `{k}`: {e}"))?;
                            m.insert(key.to_string(), v.to_string());
                        }
                    }
                    if !m.is_empty() {
                        out.#n = Some(m);
                    }
                }
            }
            HttpBinding::ResponseCode => {
                quote!(out.#n = Some(i32::from(response.status().as_u16()));)
            }
            _ => return None,
        })
    });
    quote! {
        let body = response.body();
        #[allow(unused_mut)]
        let mut out: #t = #init;
        #(#bindings)*
        Ok(out)
    }
}

/// Read one bound header (a list header: its items, split at commas outside quotes).
fn read_header(
    ctx: &Ctx,
    f: &Field,
    n: &proc_macro2::Ident,
    target: &Shape,
    name: &str,
) -> TokenStream {
    let p = quote!(::awsgen_runtime::protocol);
    let lit = Literal::string(name);
    let value = match list_element(ctx, target) {
        Some((el, et)) => {
            let dates = matches!(et.kind, ShapeKind::Timestamp)
                && super::text::timestamp_format(ctx, el, TimestampFormat::HttpDate)
                    == TimestampFormat::HttpDate;
            let item = from_text(ctx, el, et, quote!(s.as_str()), TimestampFormat::HttpDate);
            quote! {
                #p::split_header_list(&joined, #dates).iter().map(|s| #item).collect::<Result<Vec<_>, String>>()
            }
        }
        None => from_text(
            ctx,
            f.member,
            target,
            quote!(joined.as_str()),
            TimestampFormat::HttpDate,
        ),
    };
    quote! {
        let values: Vec<&str> = response
            .headers()
            .get_all(#lit)
            .iter()
            .map(|v| v.to_str().map_err(|e| format!("header `{}`: {e}", #lit)))
            .collect::<Result<_, _>>()?;
        if !values.is_empty() {
            let joined = values.join(", ");
            out.#n = Some(#value.map_err(|e| format!("header `{}`: {e}", #lit))?);
        }
    }
}
