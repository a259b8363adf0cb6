//! Hand-written serde impls for structures and unions in the JSON wire shape (member names, or
//! `jsonName` under restJson1; absent optionals omitted; unions as one-key objects; timestamps per
//! `timestampFormat`). Hand-written rather than derived: smaller code, no proc-macro in the generated
//! crate, and deserialization names every missing required member at once.

use super::ctx::{ident, Ctx, Field, UNIT};
use super::prelude::{BOX, ERR, NONE, OK, OPTION, RESULT, SOME, VEC};
use crate::ir::{Member, ShapeKind, TimestampFormat};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// The serialized form of a member value `v` (an expression of type `&T`), wrapped for its format.
fn ser_value(ctx: &Ctx, m: &Member, v: TokenStream) -> TokenStream {
    let target = ctx.shape(&m.target);
    if !target.is_some_and(|s| matches!(s.kind, ShapeKind::Timestamp)) {
        return v;
    }
    let format = m
        .traits
        .timestamp_format
        .as_ref()
        .or(target.and_then(|s| s.traits.timestamp_format.as_ref()));
    match format {
        Some(TimestampFormat::DateTime) => quote!(&crate::wire::AsDateTime(#v)),
        Some(TimestampFormat::HttpDate) => quote!(&crate::wire::AsHttpDate(#v)),
        _ => v,
    }
}

/// The type a field is stored as (`Box<T>` when boxed, without the `Option`).
pub fn stored_type(ctx: &Ctx, f: &Field) -> TokenStream {
    let t = ctx.rust_type(&f.member.target);
    if f.boxed {
        quote!(#BOX<#t>)
    } else {
        t
    }
}

/// `Serialize` and `Deserialize` for a structure.
pub fn struct_serde(ctx: &Ctx, type_name: &str, fields: &[Field]) -> TokenStream {
    let ty = ident(type_name);
    let name_lit = Literal::string(type_name);
    let ser_body = if fields.is_empty() {
        quote!(s.serialize_map(#SOME(0))?.end())
    } else {
        let entries = fields.iter().map(|f| {
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
    let arms = fields.iter().map(|f| {
        let name = ident(&f.ident);
        let wire = Literal::string(&f.wire);
        quote!(#wire => self.#name = map.next_value()?,)
    });
    let field_body = if fields.is_empty() {
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
    let inits = fields.iter().map(|f| {
        let name = ident(&f.ident);
        match (f.plain, f.boxed) {
            (true, true) => quote!(#name: #BOX::new(#name),),
            (true, false) => quote!(#name,),
            (false, true) => quote!(#name: b.#name.map(#BOX::new),),
            (false, false) => quote!(#name: b.#name,),
        }
    });
    let construct = quote!(crate::types::#ty { #(#inits)* });
    let plain: Vec<&Field> = fields.iter().filter(|f| f.plain).collect();
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
    let b = if fields.is_empty() {
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

/// `Serialize` and `Deserialize` for a union: a one-key object; an unknown key becomes `Unknown`.
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
            quote!(#wire => map.next_value::<#OPTION<#t>>()?.map(crate::types::#ty::#var),)
        }
    });
    let expecting = Literal::string(&format!("a {type_name} union (an object with one member)"));
    let more = Literal::string(&format!("{type_name}: more than one union member set"));
    let none = Literal::string(&format!("{type_name}: no union member set"));
    quote! {
        impl ::serde::Serialize for crate::types::#ty {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> #RESULT<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                match self {
                    #(#ser_arms)*
                    Self::Unknown(name) => #ERR(<S::Error as ::serde::ser::Error>::custom(
                        ::std::format_args!("cannot serialize the unknown union member `{}`", name.as_str()),
                    )),
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
                                other => {
                                    map.next_value::<::serde::de::IgnoredAny>()?;
                                    #SOME(crate::types::#ty::Unknown(
                                        crate::primitives::UnknownValue::new(other.to_string()),
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
