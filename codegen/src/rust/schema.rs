//! Shapes as data: `src/schema.rs` holds one static `awsgen_runtime::schema::Shape` per
//! structure, union, enum, list and map of the model (members with their wire names, targets, HTTP
//! bindings, timestamp formats and effective constraints; simple shapes are the runtime's
//! `prelude`), and each type gets the thin, non-generic accessors the runtime's validation and
//! codecs call: `Struct::get` (member `i`'s value), `Builder::slot` (member `i`'s builder field),
//! `FromWire` (read through a decoder), `Union::get`, `AsValue`. `validate()`, serde and the
//! value view come from one runtime macro per kind.

use super::builders::{self, Fill};
use super::ctx::{ident, Ctx, Field, Location, PatternInfo, UNIT};
use super::prelude::{BOX, ERR, NONE, OK, SOME, VEC};
use super::validate::{count_bounds, f32_bounds, float_bounds, int_bounds};
use crate::ir::{HttpBinding, Member, Shape, ShapeKind, TimestampFormat};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// The runtime's schema module, as generated type files name it (`lib.rs` imports it as `rt`).
fn rt() -> TokenStream {
    quote!(crate::rt)
}

/// Static names for the shapes that get one (generated types, lists, maps), by shape id.
pub fn static_names(
    ctx_types: &BTreeMap<&str, super::ctx::Named>,
    model: &crate::ir::Model,
) -> BTreeMap<String, String> {
    let mut scope = crate::naming::rust::Scope::with_reserved(&[
        "BLOB",
        "BOOLEAN",
        "STRING",
        "BYTE",
        "SHORT",
        "INTEGER",
        "LONG",
        "FLOAT",
        "DOUBLE",
        "BIG_INTEGER",
        "BIG_DECIMAL",
        "TIMESTAMP",
        "DOCUMENT",
        "UNIT",
    ]);
    let mut out = BTreeMap::new();
    for (id, shape) in &model.shapes {
        let name = match (&shape.kind, ctx_types.get(id.as_str())) {
            (_, Some(n)) => &n.type_name,
            (ShapeKind::List(_) | ShapeKind::Map { .. }, None) => &shape.name,
            _ => continue,
        };
        let upper = heck::ToShoutySnakeCase::to_shouty_snake_case(name.as_str());
        let upper = if upper.is_empty() || upper.starts_with(|c: char| c.is_ascii_digit()) {
            format!("S_{upper}")
        } else {
            upper
        };
        out.insert(id.clone(), scope.claim(&upper));
    }
    out
}

/// `&STATIC` for a shape's schema (a prelude shape for simple kinds).
pub fn shape_ref(ctx: &Ctx, id: &str) -> TokenStream {
    if let Some(n) = ctx.schema_names.get(id) {
        let n = ident(n);
        return quote!(&crate::schema::#n);
    }
    let p = match ctx.shape(id).map(|s| &s.kind) {
        Some(ShapeKind::Blob) => "BLOB",
        Some(ShapeKind::Boolean) => "BOOLEAN",
        Some(ShapeKind::String) => "STRING",
        Some(ShapeKind::Byte) => "BYTE",
        Some(ShapeKind::Short) => "SHORT",
        Some(ShapeKind::Integer) => "INTEGER",
        Some(ShapeKind::Long) => "LONG",
        Some(ShapeKind::Float) => "FLOAT",
        Some(ShapeKind::Double) => "DOUBLE",
        Some(ShapeKind::BigInteger) => "BIG_INTEGER",
        Some(ShapeKind::BigDecimal) => "BIG_DECIMAL",
        Some(ShapeKind::Timestamp) => "TIMESTAMP",
        _ if id == UNIT => "UNIT",
        _ => "DOCUMENT",
    };
    let p = ident(p);
    quote!(&#p)
}

/// `M::new(wire, &TARGET)` and the setters for everything the model says about member `m`.
fn member(ctx: &Ctx, m: &Member, wire: &str, required: bool, binding: TokenStream) -> TokenStream {
    let target = ctx.shape(&m.target);
    let tt = target.map(|t| &t.traits);
    let mut chain = vec![];
    if required {
        chain.push(quote!(.required()));
    }
    chain.push(binding);
    let kind = target.map(|t| &t.kind);
    let e = &m.effective;
    if let Some(b) = &e.length {
        if matches!(
            kind,
            Some(ShapeKind::String | ShapeKind::Blob | ShapeKind::List(_) | ShapeKind::Map { .. })
        ) {
            let (min, max) = count_bounds(b);
            chain.push(quote!(.length(#min, #max)));
        }
    }
    if let Some(b) = &e.range {
        let range = match kind {
            Some(ShapeKind::Byte | ShapeKind::Short | ShapeKind::Integer | ShapeKind::Long) => {
                let (min, max) = int_bounds(b);
                Some(quote!(Range::Int(#min, #max)))
            }
            Some(ShapeKind::Float) => {
                let (min, max) = f32_bounds(b);
                Some(quote!(Range::F32(#min, #max)))
            }
            Some(ShapeKind::Double | ShapeKind::BigInteger | ShapeKind::BigDecimal) => {
                let (min, max) = float_bounds(b);
                Some(quote!(Range::F64(#min, #max)))
            }
            _ => None,
        };
        if let Some(r) = range {
            chain.push(quote!(.range(#r)));
        }
    }
    if matches!(kind, Some(ShapeKind::String)) {
        let pattern = e.pattern.as_ref();
        if let Some(PatternInfo::Ok { index, .. }) =
            pattern.and_then(|p| ctx.patterns.get(&p.source))
        {
            let p = format_ident!("P{}", index);
            chain.push(quote!(.pattern(&crate::patterns::#p)));
        }
        if m.traits.json_value || tt.is_some_and(|t| t.json_value || t.media_type.is_some()) {
            chain.push(quote!(.base64_header()));
        }
    }
    if matches!(kind, Some(ShapeKind::List(_))) && e.unique_items {
        chain.push(quote!(.unique()));
    }
    if let Some(mt) = tt.and_then(|t| t.media_type.as_deref()) {
        let mt = Literal::string(mt);
        chain.push(quote!(.media_type(#mt)));
    }
    if matches!(kind, Some(ShapeKind::Timestamp)) {
        if let Some(f) = &e.timestamp_format {
            let f = ident(match f {
                TimestampFormat::EpochSeconds => "EpochSeconds",
                TimestampFormat::DateTime => "DateTime",
                TimestampFormat::HttpDate => "HttpDate",
            });
            chain.push(quote!(.timestamp(TimestampFormat::#f)));
        }
    }
    if m.traits.idempotency_token {
        chain.push(quote!(.idempotency_token()));
    }
    let wire = Literal::string(wire);
    let t = shape_ref(ctx, &m.target);
    quote!(Member::new(#wire, #t) #(#chain)*)
}

/// Where a field travels, as a `.bind(..)` setter (nothing for the body).
fn binding(f: &Field) -> TokenStream {
    let b = match f.location {
        Location::Body => return TokenStream::new(),
        Location::Payload => quote!(Payload),
        Location::Outside(None) => quote!(Other),
        Location::Outside(Some(b)) => match b {
            HttpBinding::Header(n) => {
                let n = Literal::string(n);
                quote!(Header(#n))
            }
            HttpBinding::PrefixHeaders(n) => {
                let n = Literal::string(n);
                quote!(PrefixHeaders(#n))
            }
            HttpBinding::Query(n) => {
                let n = Literal::string(n);
                quote!(Query(#n))
            }
            HttpBinding::QueryParams => quote!(QueryParams),
            HttpBinding::Label => {
                let n = Literal::string(&f.member.name);
                quote!(Label(#n))
            }
            HttpBinding::Payload => quote!(Payload),
            HttpBinding::ResponseCode => quote!(ResponseCode),
        },
    };
    quote!(.bind(Binding::#b))
}

/// Does `build()` / `validate()` insist on this field (required, not filled by a default)?
fn insists(ctx: &Ctx, f: &Field) -> bool {
    f.required && !f.plain && builders::required_default(ctx, f.member).is_none()
}

/// `src/schema.rs`: every shape's static.
pub fn file(ctx: &Ctx) -> TokenStream {
    let items = ctx.schema_names.iter().filter_map(|(id, name)| {
        let shape = ctx.shape(id)?;
        let n = ident(name);
        let type_name = ctx
            .types
            .get(id.as_str())
            .map_or(shape.name.as_str(), |t| t.type_name.as_str());
        let lit = Literal::string(type_name);
        let kind = match &shape.kind {
            ShapeKind::Structure(_) | ShapeKind::Union(_) => {
                let fields = ctx.fields(shape);
                let members = fields
                    .iter()
                    .map(|f| member(ctx, f.member, &f.wire, insists(ctx, f), binding(f)));
                let k = if matches!(shape.kind, ShapeKind::Union(_)) {
                    quote!(Union)
                } else {
                    quote!(Structure)
                };
                quote!(Kind::#k(&[#(#members),*]))
            }
            ShapeKind::Enum(_) => {
                // The enum type's own list of known values.
                let t = ctx.type_path(id);
                quote!(Kind::Enum(#t::VALUES))
            }
            ShapeKind::IntEnum(_) => quote!(Kind::IntEnum),
            ShapeKind::List(m) => {
                let m = member(ctx, m, &m.name, false, TokenStream::new());
                quote!(Kind::List(&#m))
            }
            ShapeKind::Map { key, value } => {
                let k = member(ctx, key, &key.name, false, TokenStream::new());
                let v = member(ctx, value, &value.name, false, TokenStream::new());
                quote!(Kind::Map(&#k, &#v))
            }
            _ => return None,
        };
        let sparse = shape.traits.sparse.then(|| quote!(.sparse()));
        let unchecked = (!ctx.needs_check(id)).then(|| quote!(.unchecked()));
        Some(quote!(pub(crate) static #n: Shape = Shape::new(#lit, #kind) #sparse #unchecked;))
    });
    quote! {
        //! The schema of every structure, union, enum, list and map of the model: what the
        //! runtime's validation and codecs walk.
        #[allow(unused_imports)]
        use ::awsgen_runtime::schema::{prelude::*, Binding, Kind, Member, Range, Shape, TimestampFormat};
        #(#items)*
    }
}

/// The static of a generated shape, as a path.
fn static_path(ctx: &Ctx, id: &str) -> TokenStream {
    let n = ident(ctx.schema_names.get(id).map_or("UNKNOWN", String::as_str));
    quote!(crate::schema::#n)
}

/// A structure's accessors: `Struct`, its builder's `Builder`, `FromWire`, and the runtime macro.
pub fn structure(ctx: &Ctx, shape: &Shape, type_name: &str, fields: &[Field]) -> TokenStream {
    let rt = rt();
    let ty = ident(type_name);
    let b = format_ident!("{}", builders::builder_name(type_name));
    let s = static_path(ctx, &shape.id);
    let gets = fields.iter().enumerate().map(|(i, f)| {
        let n = ident(&f.ident);
        let i = Literal::usize_unsuffixed(i);
        quote!(#i => #rt::AsValue::as_value(&self.#n),)
    });
    let slots = fields.iter().enumerate().map(|(i, f)| {
        let n = ident(&f.ident);
        let i = Literal::usize_unsuffixed(i);
        quote!(#i => #SOME(&mut self.#n),)
    });
    let (i, bb) = if fields.is_empty() {
        (quote!(_i), quote!(_b))
    } else {
        (quote!(i), quote!(b))
    };
    let finish = finish(ctx, type_name, fields);
    let (get_body, slot_body) = if fields.is_empty() {
        (quote!(#rt::Value::Absent), quote!(#NONE))
    } else {
        (
            quote!(match i { #(#gets)* _ => #rt::Value::Absent }),
            quote!(match i { #(#slots)* _ => #NONE }),
        )
    };
    quote! {
        impl #rt::Struct for #ty {
            fn schema(&self) -> &'static #rt::Shape { &#s }
            fn get(&self, #i: usize) -> #rt::Value<'_> {
                #get_body
            }
        }
        impl #rt::Builder for #b {
            fn slot(&mut self, #i: usize) -> ::std::option::Option<&mut dyn #rt::Slot> {
                #slot_body
            }
        }
        impl #rt::FromWire for #ty {
            fn from_wire(d: &mut dyn #rt::Decoder, _: &'static #rt::Member) -> ::std::result::Result<Self, #rt::DecodeError> {
                let mut #bb = #b::default();
                d.structure(&#s, &mut #bb)?;
                #finish
            }
        }
        #rt::structure!(#ty);
    }
}

/// The value from a filled builder: defaults of required members filled in, every other plain
/// member that is unset named in one error.
fn finish(ctx: &Ctx, type_name: &str, fields: &[Field]) -> TokenStream {
    let rt = rt();
    let ty = ident(type_name);
    let defaults: Vec<Option<Fill>> = fields
        .iter()
        .map(|f| {
            f.plain
                .then(|| builders::required_default(ctx, f.member))
                .flatten()
        })
        .collect();
    let inits = fields.iter().zip(&defaults).map(|(f, default)| {
        let name = ident(&f.ident);
        if let Some(fill) = default {
            let value = builders::filled(quote!(b.#name), fill);
            return if f.boxed {
                quote!(#name: #BOX::new(#value),)
            } else {
                quote!(#name: #value,)
            };
        }
        match (f.plain, f.boxed) {
            (true, true) => quote!(#name: #BOX::new(#name),),
            (true, false) => quote!(#name,),
            (false, true) => quote!(#name: b.#name.map(#BOX::new),),
            (false, false) => quote!(#name: b.#name,),
        }
    });
    let construct = quote!(crate::types::#ty { #(#inits)* });
    let plain: Vec<&Field> = fields
        .iter()
        .zip(&defaults)
        .filter(|(f, d)| f.plain && d.is_none())
        .map(|(f, _)| f)
        .collect();
    if plain.is_empty() {
        return quote!(#OK(#construct));
    }
    let req: Vec<_> = plain.iter().map(|f| ident(&f.ident)).collect();
    let wires = plain.iter().map(|f| Literal::string(&f.wire));
    let name = Literal::string(type_name);
    let some = &SOME;
    quote! {
        match (#(b.#req,)*) {
            (#(#some(#req),)*) => #OK(#construct),
            (#(#req,)*) => {
                let mut missing = #VEC::new();
                #(if #req.is_none() { missing.push(#wires); })*
                #ERR(#rt::DecodeError::missing(#name, &missing))
            }
        }
    }
}

/// A union's accessors: `Union`, `FromWire`, and the runtime macro.
pub fn union(ctx: &Ctx, shape: &Shape, type_name: &str, fields: &[Field]) -> TokenStream {
    let rt = rt();
    let ty = ident(type_name);
    let s = static_path(ctx, &shape.id);
    let gets = fields.iter().enumerate().map(|(i, f)| {
        let v = ident(&f.ident);
        let i = Literal::usize_unsuffixed(i);
        if f.member.target == UNIT {
            quote!(Self::#v => #rt::UnionValue::Known(#i, #rt::Value::Absent),)
        } else {
            quote!(Self::#v(v) => #rt::UnionValue::Known(#i, #rt::AsValue::as_value(v)),)
        }
    });
    let reads = fields.iter().enumerate().map(|(i, f)| {
        let v = ident(&f.ident);
        let i = Literal::usize_unsuffixed(i);
        if f.member.target == UNIT {
            quote!(#i => #SOME(Self::#v),)
        } else {
            quote!(#i => #SOME(Self::#v(#rt::FromWire::from_wire(d, &#s.members()[#i])?)),)
        }
    });
    let d = if fields.iter().all(|f| f.member.target == UNIT) {
        quote!(_d)
    } else {
        quote!(d)
    };
    quote! {
        impl #rt::Union for #ty {
            fn schema(&self) -> &'static #rt::Shape { &#s }
            fn get(&self) -> #rt::UnionValue<'_> {
                match self { #(#gets)* Self::Unknown(u) => #rt::UnionValue::Unknown(u) }
            }
        }
        impl #rt::FromWire for #ty {
            fn from_wire(d: &mut dyn #rt::Decoder, _: &'static #rt::Member) -> ::std::result::Result<Self, #rt::DecodeError> {
                #rt::decode::read_union(d, &#s, |i, #d| #OK(match i { #(#reads)* _ => #NONE }), Self::Unknown)
            }
        }
        #rt::union!(#ty);
    }
}

/// A string enum's value view, `FromWire`, and the runtime macro.
pub fn string_enum(type_name: &str) -> TokenStream {
    let rt = rt();
    let ty = ident(type_name);
    let lit = Literal::string(type_name);
    quote! {
        impl #rt::AsValue for #ty {
            fn as_value(&self) -> #rt::Value<'_> { #rt::Value::Enum(self.as_str(), self.is_known()) }
        }
        impl #rt::FromWire for #ty {
            fn from_wire(d: &mut dyn #rt::Decoder, m: &'static #rt::Member) -> ::std::result::Result<Self, #rt::DecodeError> {
                d.enum_string(m).map(Self::from)
            }
        }
        #rt::enumeration!(#ty, #lit);
    }
}

/// An intEnum's value view, `FromWire`, and the runtime macro.
pub fn int_enum(type_name: &str) -> TokenStream {
    let rt = rt();
    let ty = ident(type_name);
    let lit = Literal::string(type_name);
    quote! {
        impl #rt::AsValue for #ty {
            fn as_value(&self) -> #rt::Value<'_> { #rt::Value::IntEnum(self.value(), self.is_known()) }
        }
        impl #rt::FromWire for #ty {
            fn from_wire(d: &mut dyn #rt::Decoder, m: &'static #rt::Member) -> ::std::result::Result<Self, #rt::DecodeError> {
                <i32 as #rt::FromWire>::from_wire(d, m).map(Self::from)
            }
        }
        #rt::enumeration!(#ty, #lit);
    }
}
