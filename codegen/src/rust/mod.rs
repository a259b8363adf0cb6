//! Rust back-end: IR -> a crate (types, builders, enums, shape schemas, operations, client, rustdoc).
//!
//! Layout of the generated crate: `src/types/<type>.rs` (one file per structure, union, enum and
//! intEnum, each with its builder and thin schema accessors), `src/types.rs` (re-exports, also at
//! the crate root), `src/builders.rs`, `src/schema.rs` (a static `awsgen_runtime::schema::Shape` per
//! structure, union, enum, list and map), `src/operations/<op>.rs` (one `operation!` call each),
//! `src/client.rs`, and `src/patterns.rs` holding the model's regular expressions. What is not
//! model-specific lives in the `awsgen-runtime` crate, once: validation, the JSON codec, restJson1's
//! HTTP bindings, the operation call; `lib.rs` re-exports `error` and `primitives` as the crate's
//! own modules and imports `awsgen_runtime::schema` privately as `rt`. Lists are `Vec<T>`, maps
//! `BTreeMap<String, T>`.
//!
//! Decisions:
//! - A member is a plain field exactly when it is `required` and not `clientOptional`; every other
//!   member is an `Option` (a `default` does not change the type; it is documented). `build()` and
//!   `validate()` insist on every `required` member, `clientOptional` or not (SageMaker marks all its
//!   required members `clientOptional`, so they are `Option`s that `validate()` reports as `Required`
//!   when absent, e.g. after deserializing a request); deserialization fails only for missing plain
//!   members, naming all of them. A required member with a `default` (and no `clientOptional`, which
//!   tells clients to ignore the default) is not missing when unset: `build()` fills in the default.
//! - Types carry data, not behaviour: each structure implements `Struct::get` (member `i`'s value),
//!   its builder `Builder::slot` (member `i`'s field), and `FromWire` (fill the builder through a
//!   decoder, then the defaults and missing-member check); unions `Union::get`; enums `AsValue`.
//!   `validate()`, serde (the JSON wire form, through the schema) and the value view come from one
//!   runtime macro per kind. The member schemas carry the effective constraints (the member's own
//!   override its target's), wire names (`jsonName` under restJson1 only), HTTP bindings (restJson1
//!   inputs, outputs and errors only), timestamp formats and idempotency tokens.
//! - Every `Violation` carries a `Detail` (bound broken, limits, value found, pattern, unknown value,
//!   missing member) beside its message. `float` members are `f32`: reading refuses a finite number
//!   that would overflow to infinity, and `range` is checked in `f32` (bounds rounded at generation).
//! - Structures, unions and enums are `#[non_exhaustive]`: builders are the way to construct them.
//! - Patterns compile under `regress` in Unicode mode when they can (so `\p{L}` is a property class),
//!   else in Annex B mode; a pattern neither accepts is documented and left unchecked (found at
//!   generation time, never a runtime panic).
//! - Emitters write std prelude names through `prelude`, which prints them bare unless an item of the
//!   file shadows them (a shape called `Option` keeps `::std::option::Option` in its own file).
//! - Generated files carry `#[rustfmt::skip]` on their module declarations so that `cargo fmt --all`
//!   in the workspace leaves the committed (prettyplease-formatted) crate byte-identical.

mod builders;
mod cargo_toml;
mod client;
mod context_params;
mod ctx;
mod docs;
mod enums;
mod http;
pub mod literal;
mod operations;
mod prelude;
mod readme;
pub mod render;
mod runtime;
mod schema;
#[cfg(test)]
mod test_model;
mod types;
mod unions;
mod validate;

use crate::fileset::FileSet;
use crate::ir::{Model, ShapeKind};
use ctx::{Ctx, Named};
use proc_macro2::TokenStream;
use quote::quote;
use rayon::prelude::*;

/// Crate-level settings from `models/<service>.toml` (`[rust]`).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Cargo package name, e.g. `sagemaker-endpoint-config`.
    pub crate_name: String,
    pub version: String,
    pub description: String,
    pub license: String,
    /// The `repository` of the crate's Cargo.toml (the manifest's `[rust] repository`), if any.
    pub repository: Option<String>,
    /// The version requirement on `awsgen-runtime` (the shared runtime every crate depends on).
    pub runtime_version: String,
    /// A path to `awsgen-runtime`, relative to the crate (or absolute, for crates built in a
    /// temporary directory); `None` when the crate is published and takes it from crates.io.
    pub runtime_path: Option<String>,
}

/// Generate the crate's files (paths relative to the crate root: `Cargo.toml`, `src/lib.rs`, ...).
///
/// Every file is rendered on the rayon pool: one task per type, and the crate-level files beside them.
pub fn generate(model: &Model, settings: &Settings) -> Result<FileSet, String> {
    let ctx = Ctx::new(model);
    let named: Vec<(&str, &Named)> = ctx.types.iter().map(|(id, n)| (*id, n)).collect();
    let ops = operations::modules(&ctx);
    let per_op: Vec<Rendered> = ops
        .par_iter()
        .map(|(op, m)| {
            let path = format!("src/operations/{m}.rs");
            let tokens = prelude::in_file(&["Error"], || operations::operation(&ctx, op, m));
            render::render(&path, tokens).map(|text| (path, text))
        })
        .collect();
    let (per_type, crate_level): (Vec<Rendered>, Vec<Rendered>) = rayon::join(
        || {
            named
                .par_iter()
                .map(|(id, n)| {
                    let path = format!("src/types/{}.rs", n.module);
                    let builder = builders::builder_name(&n.type_name);
                    let local = [n.type_name.as_str(), builder.as_str()];
                    let tokens = prelude::in_file(&local, || shape_tokens(&ctx, id, n));
                    render::render(&path, tokens).map(|text| (path, text))
                })
                .collect()
        },
        || crate_files(&ctx, settings, &ops),
    );
    let mut files = FileSet::new();
    let mut errors = Vec::new();
    for r in per_type.into_iter().chain(crate_level).chain(per_op) {
        match r {
            Ok((path, text)) => files.insert(path, text).map_err(|e| e.to_string())?,
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    Ok(files)
}

/// One rendered file (its path and text) or why it could not be rendered.
type Rendered = Result<(String, String), String>;

/// The files outside `src/types/`: crate root, re-exports, runtime support, patterns, `Cargo.toml`.
fn crate_files(
    ctx: &Ctx,
    settings: &Settings,
    ops: &[(&crate::ir::Operation, String)],
) -> Vec<Rendered> {
    let has_patterns = ctx
        .patterns
        .values()
        .any(|p| matches!(p, ctx::PatternInfo::Ok { .. }));
    let with_path = |path: &str, text: Result<String, String>| text.map(|t| (path.to_string(), t));
    let mut out = vec![
        with_path(
            "src/types.rs",
            render::render("src/types.rs", types_root(ctx)),
        ),
        with_path(
            "src/builders.rs",
            render::render("src/builders.rs", builders_root(ctx)),
        ),
        with_path(
            "src/lib.rs",
            render::render(
                "src/lib.rs",
                runtime::lib_rs(ctx, settings, has_patterns, !ops.is_empty()),
            ),
        ),
    ];
    if client::wanted(ctx, ops) {
        let tokens = prelude::in_file(&["Client", "Config"], || {
            client::client(ctx, ops, &settings.crate_name)
        });
        out.push(with_path(
            "src/client.rs",
            render::render("src/client.rs", tokens),
        ));
    }
    if !ops.is_empty() {
        out.push(with_path(
            "src/operations.rs",
            render::render("src/operations.rs", operations::root(ops)),
        ));
    }
    out.push(with_path(
        "src/schema.rs",
        render::render("src/schema.rs", prelude::in_file(&[], || schema::file(ctx))),
    ));
    if has_patterns {
        out.push(with_path(
            "src/patterns.rs",
            render::render("src/patterns.rs", runtime::patterns(ctx)),
        ));
    }
    out.push(Ok((
        "Cargo.toml".to_string(),
        cargo_toml::cargo_toml(settings),
    )));
    let (readme, example) = readme::readme(ctx, settings);
    out.push(Ok(("README.md".to_string(), readme)));
    if let Some(example) = example {
        out.push(Ok(("examples/usage.rs".to_string(), example)));
    }
    out
}

/// The items of one generated type.
fn shape_tokens(ctx: &Ctx, id: &str, n: &Named) -> TokenStream {
    let Some(shape) = ctx.shape(id) else {
        return TokenStream::new();
    };
    let body = match &shape.kind {
        ShapeKind::Structure(_) => types::structure(ctx, shape, &n.type_name),
        ShapeKind::Union(_) => unions::union(ctx, shape, &n.type_name),
        ShapeKind::Enum(values) => enums::string_enum(ctx, shape, &n.type_name, values),
        ShapeKind::IntEnum(values) => enums::int_enum(ctx, shape, &n.type_name, values),
        _ => TokenStream::new(),
    };
    let module_doc = proc_macro2::Literal::string(&format!(
        " The {} shape {} of the model.",
        shape.kind.type_name(),
        docs::code(&shape.name)
    ));
    quote! {
        #![doc = #module_doc]
        #body
    }
}

/// `src/types.rs`: a module per type, its type re-exported.
fn types_root(ctx: &Ctx) -> TokenStream {
    let items = ctx.types.values().map(|n| {
        let m = ctx::ident(&n.module);
        let t = ctx::ident(&n.type_name);
        quote! {
            #[rustfmt::skip]
            pub(crate) mod #m;
            pub use #m::#t;
        }
    });
    quote! {
        //! Every structure, union and enum of the model, one module each.
        #(#items)*
    }
}

/// `src/builders.rs`: every structure's builder.
fn builders_root(ctx: &Ctx) -> TokenStream {
    let items = ctx.types.iter().filter_map(|(id, n)| {
        let shape = ctx.shape(id)?;
        matches!(shape.kind, ShapeKind::Structure(_)).then(|| {
            let m = ctx::ident(&n.module);
            let b = ctx::ident(&builders::builder_name(&n.type_name));
            quote!(pub use crate::types::#m::#b;)
        })
    });
    quote! {
        //! The builder of every structure (`Type::builder()` returns one).
        #(#items)*
    }
}
