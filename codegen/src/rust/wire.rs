//! Hand-written serde impls for structures and unions in the JSON wire shape (member names, or
//! `jsonName` under restJson1 only; absent optionals omitted; unions as one-key objects, unknown
//! members kept with their raw value; timestamps per `timestampFormat`, inside lists and maps too,
//! through `timestamps`). Under restJson1 the impls cover the HTTP body only: members bound to
//! headers, the query string, the URI or the status code are skipped, and an `httpPayload` member is
//! the whole body (see `http::Location`). Hand-written rather than derived: smaller code, no
//! proc-macro in the generated crate, and deserialization names every missing required member at
//! once, after filling in the model default of a required member the body omits (as `build()` does).

use super::ctx::{ident, Ctx, Field, Location, UNIT};
use super::prelude::{BOX, ERR, NONE, OK, OPTION, RESULT, SOME, VEC};
use super::timestamps::ser_value;
use crate::ir::ShapeKind;
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// The type a field is stored as (`Box<T>` when boxed, without the `Option`).
pub fn stored_type(ctx: &Ctx, f: &Field) -> TokenStream {
    let t = ctx.rust_type(&f.member.target);
    if f.boxed {
        quote!(#BOX<#t>)
    } else {
        t
    }
}

/// `Serialize` and `Deserialize` for a structure: its body members as a JSON object, or the value of
/// its `httpPayload` member alone. Members outside the body are neither written nor read
/// (deserialization leaves them `None`; see [`Location`]).
pub fn struct_serde(ctx: &Ctx, type_name: &str, fields: &[Field]) -> TokenStream {
    if let Some(payload) = fields.iter().find(|f| f.location == Location::Payload) {
        return payload_serde(ctx, type_name, fields, payload);
    }
    let ty = ident(type_name);
    let name_lit = Literal::string(type_name);
    let body: Vec<&Field> = fields
        .iter()
        .filter(|f| f.location == Location::Body)
        .collect();
    let ser_body = if body.is_empty() {
        quote!(s.serialize_map(#SOME(0))?.end())
    } else {
        let entries = body.iter().map(|f| {
            let name = ident(&f.ident);
            let wire = Literal::string(&f.wire);
            if f.plain {
                let v = ser_value(ctx, f.member, quote!(&self.#name));
                quote!(m.serialize_entry(#wire, #v)?;)
            } else {
                let v = ser_value(ctx, f.member, quote!(v));
                quote!(if let #SOME(v) = &self.#name { m.serialize_entry(#wire, #v)?; })
            }
        });
        quote! {
            let mut m = s.serialize_map(#NONE)?;
            #(#entries)*
            m.end()
        }
    };
    let builder = format_ident!("{}", super::builders::builder_name(type_name));
    let arms = body.iter().map(|f| {
        let name = ident(&f.ident);
        let wire = Literal::string(&f.wire);
        let dense_map = ctx
            .shape(&f.member.target)
            .is_some_and(|t| matches!(t.kind, ShapeKind::Map { .. }) && !t.traits.sparse);
        if super::validate::holds_float(ctx, &f.member.target) {
            quote!(#wire => self.#name = map.next_value::<#OPTION<crate::validation::Floats<_>>>()?.map(|v| v.0),)
        } else if dense_map {
            quote!(#wire => self.#name = map.next_value::<#OPTION<crate::wire::DenseMap<_>>>()?.map(|v| v.0),)
        } else {
            quote!(#wire => self.#name = map.next_value()?,)
        }
    });
    let field_body = if body.is_empty() {
        quote! {
            let _ = (key, map);
            #OK(false)
        }
    } else {
        quote! {
            match key {
                #(#arms)*
                _ => return #OK(false),
            }
            #OK(true)
        }
    };
    // A plain (required) member with a model default takes it when the body omits the member, as
    // `build()` does; the other plain members are reported missing, all at once.
    let defaults: Vec<Option<super::builders::Fill>> = fields
        .iter()
        .map(|f| {
            f.plain
                .then(|| super::builders::required_default(ctx, f.member))
                .flatten()
        })
        .collect();
    let inits = fields.iter().zip(&defaults).map(|(f, default)| {
        let name = ident(&f.ident);
        if f.location != Location::Body {
            return quote!(#name: #NONE,);
        }
        if let Some(fill) = default {
            let value = super::builders::filled(quote!(b.#name), fill);
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
        .filter(|(f, default)| f.location == Location::Body && f.plain && default.is_none())
        .map(|(f, _)| f)
        .collect();
    let finish = if plain.is_empty() {
        quote!(#OK(#construct))
    } else {
        let req: Vec<_> = plain.iter().map(|f| ident(&f.ident)).collect();
        let wires = plain.iter().map(|f| Literal::string(&f.wire));
        let some = &SOME;
        quote! {
            match (#(b.#req,)*) {
                (#(#some(#req),)*) => #OK(#construct),
                (#(#req,)*) => {
                    let mut missing = #VEC::new();
                    #(if #req.is_none() { missing.push(#wires); })*
                    #ERR(crate::wire::missing(#name_lit, &missing))
                }
            }
        }
    };
    let b = if body.is_empty() {
        quote!(_b)
    } else {
        quote!(b)
    };
    let de = quote! {
        impl<'de> crate::wire::Fields<'de> for #builder {
            fn field<A: ::serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> #RESULT<bool, A::Error> {
                #field_body
            }
        }

        impl<'de> ::serde::Deserialize<'de> for crate::types::#ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> #RESULT<Self, D::Error> {
                let #b: #builder = crate::wire::deserialize_struct(d, #name_lit)?;
                #finish
            }
        }
    };
    quote! {
        impl ::serde::Serialize for crate::types::#ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> #RESULT<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                #ser_body
            }
        }

        #de
    }
}

/// serde for a structure with an `httpPayload` member: the body is that member's value; when it is
/// unset, `{}` for a structure payload (as restJson1's protocol tests expect; it reads back as an empty
/// structure) and `null` (no body) for the others. Every other member travels outside the body and is
/// left `None` when reading.
fn payload_serde(ctx: &Ctx, type_name: &str, fields: &[Field], payload: &Field) -> TokenStream {
    let ty = ident(type_name);
    let name = ident(&payload.ident);
    let stored = stored_type(ctx, payload);
    let (ser, read) = if payload.plain {
        let v = ser_value(ctx, payload.member, quote!(&self.#name));
        (
            quote!(::serde::Serialize::serialize(#v, s)),
            quote!(<#stored as ::serde::Deserialize>::deserialize(d)?),
        )
    } else {
        let v = ser_value(ctx, payload.member, quote!(v));
        // restJson1's protocol tests send `{}` for an unset structure payload, no body otherwise.
        let structure = ctx
            .shape(&payload.member.target)
            .is_some_and(|t| matches!(t.kind, ShapeKind::Structure(_)));
        let unset = if structure {
            quote!(::serde::Serialize::serialize(&crate::wire::Empty, s))
        } else {
            quote!(s.serialize_none())
        };
        (
            quote! {
                match &self.#name {
                    #SOME(v) => ::serde::Serialize::serialize(#v, s),
                    #NONE => #unset,
                }
            },
            quote!(<#OPTION<#stored> as ::serde::Deserialize>::deserialize(d)?),
        )
    };
    let others = fields.iter().filter(|f| f.ident != payload.ident).map(|f| {
        let n = ident(&f.ident);
        quote!(#n: #NONE,)
    });
    quote! {
        impl ::serde::Serialize for crate::types::#ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> #RESULT<S::Ok, S::Error> {
                #ser
            }
        }

        impl<'de> ::serde::Deserialize<'de> for crate::types::#ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> #RESULT<Self, D::Error> {
                #OK(crate::types::#ty { #name: #read, #(#others)* })
            }
        }
    }
}

/// `Serialize` and `Deserialize` for a union: a one-key object. An unknown key becomes `Unknown`
/// holding its name and raw JSON value, which serializing writes back unchanged; a `null` value counts
/// as unset, for unknown members as for known ones; a `__type` key is ignored, as the JSON protocols
/// require of clients.
pub fn union_serde(ctx: &Ctx, type_name: &str, fields: &[Field]) -> TokenStream {
    let ty = ident(type_name);
    let ser_arms = fields.iter().map(|f| {
        let var = ident(&f.ident);
        let wire = Literal::string(&f.wire);
        if f.member.target == UNIT {
            quote!(Self::#var => { let mut m = s.serialize_map(#SOME(1))?; m.serialize_entry(#wire, &crate::wire::Empty)?; m.end() })
        } else {
            let v = ser_value(ctx, f.member, quote!(v));
            quote!(Self::#var(v) => { let mut m = s.serialize_map(#SOME(1))?; m.serialize_entry(#wire, #v)?; m.end() })
        }
    });
    let de_arms = fields.iter().map(|f| {
        let var = ident(&f.ident);
        let wire = Literal::string(&f.wire);
        if f.member.target == UNIT {
            quote!(#wire => map.next_value::<#OPTION<::serde::de::IgnoredAny>>()?.map(|_| crate::types::#ty::#var),)
        } else {
            let t = stored_type(ctx, f);
            if super::validate::holds_float(ctx, &f.member.target) {
                quote!(#wire => map.next_value::<#OPTION<crate::validation::Floats<#t>>>()?.map(|v| crate::types::#ty::#var(v.0)),)
            } else {
                quote!(#wire => map.next_value::<#OPTION<#t>>()?.map(crate::types::#ty::#var),)
            }
        }
    });
    // The JSON protocols tell clients to ignore a `__type` key in a union (unless it is a member).
    let ignore_type = (!fields.iter().any(|f| f.wire == "__type"))
        .then(|| quote!("__type" => { map.next_value::<::serde::de::IgnoredAny>()?; #NONE }));
    let expecting = Literal::string(&format!("a {type_name} union (an object with one member)"));
    let more = Literal::string(&format!("{type_name}: more than one union member set"));
    let none = Literal::string(&format!("{type_name}: no union member set"));
    quote! {
        impl ::serde::Serialize for crate::types::#ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> #RESULT<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                match self {
                    #(#ser_arms)*
                    Self::Unknown(u) => { let mut m = s.serialize_map(#SOME(1))?; m.serialize_entry(u.name(), u.value())?; m.end() }
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for crate::types::#ty {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> #RESULT<Self, D::Error> {
                struct V;
                impl<'de> ::serde::de::Visitor<'de> for V {
                    type Value = crate::types::#ty;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> #RESULT<Self::Value, A::Error> {
                        let mut found: #OPTION<crate::types::#ty> = #NONE;
                        while let #SOME(key) = map.next_key::<crate::wire::Key<'de>>()? {
                            let value = match key.as_str() {
                                #(#de_arms)*
                                #ignore_type
                                other => {
                                    let value: ::serde_json::Value = map.next_value()?;
                                    (!value.is_null()).then(|| crate::types::#ty::Unknown(
                                        crate::primitives::UnknownMember::new(other.to_string(), value),
                                    ))
                                }
                            };
                            if value.is_some() {
                                if found.is_some() {
                                    return #ERR(<A::Error as ::serde::de::Error>::custom(#more));
                                }
                                found = value;
                            }
                        }
                        found.ok_or_else(|| <A::Error as ::serde::de::Error>::custom(#none))
                    }
                }
                d.deserialize_map(V)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Model;
    use crate::rust::timestamps::tests::model;
    use serde_json::json;

    /// The serde impls of structure `id`, as text.
    fn serde_text(m: &Model, id: &str) -> String {
        let ctx = Ctx::new(m);
        let shape = ctx.shape(id).expect("shape");
        let name = ctx.types[id].type_name.clone();
        struct_serde(&ctx, &name, &ctx.fields(shape)).to_string()
    }

    #[test]
    fn rest_json_serde_skips_bound_members_and_uses_json_name() {
        let shapes = json!({
            "ex#In": {"type": "structure", "members": {
                "Id": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {}}},
                "Tok": {"target": "smithy.api#String", "traits": {"smithy.api#httpHeader": "X-Tok"}},
                "Code": {"target": "smithy.api#Integer", "traits": {"smithy.api#httpResponseCode": {}}},
                "Name": {"target": "smithy.api#String", "traits": {"smithy.api#jsonName": "nameJson"}}
            }}
        });
        let rest = serde_text(&model("aws.protocols#restJson1", shapes.clone()), "In");
        assert!(rest.contains("\"nameJson\""), "{rest}");
        for bound in ["\"Id\"", "\"Tok\"", "\"X-Tok\"", "\"Code\"", "\"Name\""] {
            assert!(!rest.contains(bound), "{bound} in restJson1 serde: {rest}");
        }
        // awsJson ignores both jsonName and the bindings.
        let aws = serde_text(&model("aws.protocols#awsJson1_0", shapes), "In");
        for name in ["\"Id\"", "\"Tok\"", "\"Code\"", "\"Name\""] {
            assert!(
                aws.contains(name),
                "{name} missing from awsJson1_0 serde: {aws}"
            );
        }
        assert!(!aws.contains("nameJson"), "{aws}");
    }

    #[test]
    fn a_payload_structure_serializes_its_payload_alone() {
        let m = model(
            "aws.protocols#restJson1",
            json!({
                "ex#In": {"type": "structure", "members": {
                    "Id": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}}},
                    "Doc": {"target": "smithy.api#Document", "traits": {"smithy.api#httpPayload": {}}}
                }}
            }),
        );
        let text = serde_text(&m, "In");
        assert!(!text.contains("serialize_map"), "{text}");
        assert!(
            !text.contains("\"Doc\""),
            "no member key for a payload: {text}"
        );
        assert!(text.contains("serialize_none"), "{text}");
        assert!(
            text.replace(' ', "")
                .contains("id:::std::option::Option::None"),
            "the label is left unset: {text}"
        );
    }

    /// The serde impls of union `id`, as text.
    fn union_text(m: &Model, id: &str) -> String {
        let ctx = Ctx::new(m);
        let shape = ctx.shape(id).expect("shape");
        let name = ctx.types[id].type_name.clone();
        union_serde(&ctx, &name, &ctx.fields(shape)).to_string()
    }

    #[test]
    fn unions_ignore_type_keys_unless_a_member_is_so_named() {
        let m = model(
            "aws.protocols#awsJson1_0",
            json!({
                "ex#In": {"type": "structure", "members": {
                    "A": {"target": "ex#U"}, "B": {"target": "ex#Typed"}
                }},
                "ex#U": {"type": "union", "members": {"X": {"target": "smithy.api#String"}}},
                "ex#Typed": {"type": "union", "members": {"__type": {"target": "smithy.api#String"}}}
            }),
        );
        let plain = union_text(&m, "U");
        assert!(
            plain.contains("\"__type\" => { map . next_value :: < :: serde :: de :: IgnoredAny >"),
            "{plain}"
        );
        // A member called `__type` is read as that member; a second arm would be unreachable.
        let typed = union_text(&m, "Typed");
        assert_eq!(typed.matches("\"__type\" =>").count(), 1, "{typed}");
        assert!(
            !typed.contains("IgnoredAny > () ? ; :: std :: option :: Option :: None"),
            "{typed}"
        );
    }
}
