//! AWS service model code generator.
//!
//! Pipeline: `load` (Smithy JSON AST | botocore JSON) -> [`ir::Model`] -> `select` (closure of chosen
//! operations) -> back-ends (`rust`, `r`) -> [`fileset::FileSet`] (in memory, deterministic) -> written
//! atomically or compared for `--check`. `diff` compares two models semantically.

// Module docs link to the private submodules they describe; `cargo doc --document-private-items`
// resolves them.
#![allow(rustdoc::private_intra_doc_links)]

pub mod diag;
pub mod digest;
pub mod docs;
pub mod fileset;
pub mod ir;
pub mod load;
pub mod normalize;
pub mod select;

pub use diag::{Diagnostic, Diagnostics};
pub use fileset::FileSet;
pub use ir::Model;
pub mod diff;
pub mod manifest;
pub mod naming;
pub mod pipeline;
pub mod project;
pub mod r;
pub mod release;
pub mod rust;
pub mod site;
pub mod sync;
