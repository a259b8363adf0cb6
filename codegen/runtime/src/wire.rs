//! JSON wire support for the generated serde impls: map keys, missing members, timestamp formats
//! and non-finite floats (also inside lists and maps), blobs, and the generic structure visitor.

use crate::primitives::DateTime;
use ::std::fmt;

/// A map key, borrowed from the input when possible.
pub enum Key<'de> {
    Borrowed(&'de str),
    Owned(::std::string::String),
}

impl Key<'_> {
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

impl<'de> ::serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> ::serde::de::Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            fn visit_borrowed_str<E: ::serde::de::Error>(
                self,
                v: &'de str,
            ) -> ::std::result::Result<Key<'de>, E> {
                ::std::result::Result::Ok(Key::Borrowed(v))
            }
            fn visit_str<E: ::serde::de::Error>(
                self,
                v: &str,
            ) -> ::std::result::Result<Key<'de>, E> {
                ::std::result::Result::Ok(Key::Owned(v.to_string()))
            }
            fn visit_string<E: ::serde::de::Error>(
                self,
                v: ::std::string::String,
            ) -> ::std::result::Result<Key<'de>, E> {
                ::std::result::Result::Ok(Key::Owned(v))
            }
        }
        d.deserialize_str(V)
    }
}

/// The error for an object lacking required members (names every one).
pub fn missing<E: ::serde::de::Error>(type_name: &str, members: &[&str]) -> E {
    E::custom(::std::format_args!(
        "{type_name}: missing required member(s) {}",
        members.join(", ")
    ))
}

/// Writes a value of type `T` whose timestamps are not epoch seconds. The generated code names the
/// format as a type, e.g. `Each<Sparse<Rfc3339>>` for a sparse list of RFC 3339 date-times.
pub trait Format<T: ?Sized> {
    fn write<S: ::serde::Serializer>(v: &T, s: S) -> ::std::result::Result<S::Ok, S::Error>;
}

/// `timestampFormat: date-time`: an RFC 3339 string.
pub struct Rfc3339;

impl Format<DateTime> for Rfc3339 {
    fn write<S: ::serde::Serializer>(v: &DateTime, s: S) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_rfc3339())
    }
}

/// `timestampFormat: http-date`: an HTTP date string.
pub struct HttpDate;

impl Format<DateTime> for HttpDate {
    fn write<S: ::serde::Serializer>(v: &DateTime, s: S) -> ::std::result::Result<S::Ok, S::Error> {
        s.serialize_str(&v.to_http_date())
    }
}

/// A float: a JSON number when finite, else the string `"NaN"`, `"Infinity"` or `"-Infinity"`, as
/// the JSON protocols write non-finite numbers.
pub struct Float;

/// The JSON protocols' spelling of a non-finite float.
fn non_finite(v: f64) -> &'static str {
    if v.is_nan() {
        "NaN"
    } else if v > 0.0 {
        "Infinity"
    } else {
        "-Infinity"
    }
}

impl Format<f32> for Float {
    fn write<S: ::serde::Serializer>(v: &f32, s: S) -> ::std::result::Result<S::Ok, S::Error> {
        if v.is_finite() {
            s.serialize_f32(*v)
        } else {
            s.serialize_str(non_finite(f64::from(*v)))
        }
    }
}

impl Format<f64> for Float {
    fn write<S: ::serde::Serializer>(v: &f64, s: S) -> ::std::result::Result<S::Ok, S::Error> {
        if v.is_finite() {
            s.serialize_f64(*v)
        } else {
            s.serialize_str(non_finite(*v))
        }
    }
}

/// Every element of a list, or every value of a map, in format `F`.
pub struct Each<F>(::std::marker::PhantomData<F>);

impl<T, F: Format<T>> Format<::std::vec::Vec<T>> for Each<F> {
    fn write<S: ::serde::Serializer>(
        v: &::std::vec::Vec<T>,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        use ::serde::ser::SerializeSeq as _;
        let mut seq = s.serialize_seq(::std::option::Option::Some(v.len()))?;
        for e in v {
            seq.serialize_element(&With::<F, T>::new(e))?;
        }
        seq.end()
    }
}

impl<T, F: Format<T>> Format<::std::collections::BTreeMap<::std::string::String, T>> for Each<F> {
    fn write<S: ::serde::Serializer>(
        v: &::std::collections::BTreeMap<::std::string::String, T>,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        use ::serde::ser::SerializeMap as _;
        let mut m = s.serialize_map(::std::option::Option::Some(v.len()))?;
        for (k, e) in v {
            m.serialize_entry(k, &With::<F, T>::new(e))?;
        }
        m.end()
    }
}

/// An element of a sparse list or map: `null`, or the value in format `F`.
pub struct Sparse<F>(::std::marker::PhantomData<F>);

impl<T, F: Format<T>> Format<::std::option::Option<T>> for Sparse<F> {
    fn write<S: ::serde::Serializer>(
        v: &::std::option::Option<T>,
        s: S,
    ) -> ::std::result::Result<S::Ok, S::Error> {
        match v {
            ::std::option::Option::Some(e) => F::write(e, s),
            ::std::option::Option::None => s.serialize_none(),
        }
    }
}

/// A borrowed value that serializes in format `F`.
pub struct With<'a, F, T: ?Sized>(&'a T, ::std::marker::PhantomData<F>);

impl<'a, F, T: ?Sized> With<'a, F, T> {
    pub fn new(v: &'a T) -> Self {
        With(v, ::std::marker::PhantomData)
    }
}

impl<F: Format<T>, T: ?Sized> ::serde::Serialize for With<'_, F, T> {
    fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
        F::write(self.0, s)
    }
}

impl ::serde::Serialize for DateTime {
    /// Epoch seconds: an integer, or a number with a fraction when there is one.
    fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
        if self.subsec_nanos() == 0 {
            s.serialize_i64(self.secs())
        } else {
            s.serialize_f64(self.as_secs_f64())
        }
    }
}

impl<'de> ::serde::Deserialize<'de> for DateTime {
    fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
        struct V;
        impl ::serde::de::Visitor<'_> for V {
            type Value = DateTime;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a timestamp (epoch seconds, RFC 3339 or HTTP date)")
            }
            fn visit_i64<E: ::serde::de::Error>(
                self,
                v: i64,
            ) -> ::std::result::Result<DateTime, E> {
                ::std::result::Result::Ok(DateTime::from_secs(v))
            }
            fn visit_u64<E: ::serde::de::Error>(
                self,
                v: u64,
            ) -> ::std::result::Result<DateTime, E> {
                i64::try_from(v)
                    .map(DateTime::from_secs)
                    .map_err(|_| E::custom("timestamp out of range"))
            }
            fn visit_f64<E: ::serde::de::Error>(
                self,
                v: f64,
            ) -> ::std::result::Result<DateTime, E> {
                if v.is_finite() && v.abs() < 1e17 {
                    ::std::result::Result::Ok(DateTime::from_secs_f64(v))
                } else {
                    ::std::result::Result::Err(E::custom("timestamp out of range"))
                }
            }
            fn visit_str<E: ::serde::de::Error>(
                self,
                v: &str,
            ) -> ::std::result::Result<DateTime, E> {
                DateTime::parse_rfc3339(v)
                    .or_else(|_| DateTime::parse_http_date(v))
                    .map_err(E::custom)
            }
        }
        d.deserialize_any(V)
    }
}

impl ::serde::Serialize for crate::primitives::Blob {
    fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
        use ::base64::Engine as _;
        s.serialize_str(&::base64::engine::general_purpose::STANDARD.encode(self.as_bytes()))
    }
}

impl<'de> ::serde::Deserialize<'de> for crate::primitives::Blob {
    fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
        use ::base64::Engine as _;
        let text = <Key<'de> as ::serde::Deserialize>::deserialize(d)?;
        ::base64::engine::general_purpose::STANDARD
            .decode(text.as_str())
            .map(crate::primitives::Blob::new)
            .map_err(<D::Error as ::serde::de::Error>::custom)
    }
}

/// A dense map read from JSON: entries whose value is `null` are skipped (a dense map holds no
/// nulls; the JSON protocols tell clients to drop them).
pub struct DenseMap<V>(pub ::std::collections::BTreeMap<::std::string::String, V>);

impl<'de, V: ::serde::Deserialize<'de>> ::serde::Deserialize<'de> for DenseMap<V> {
    fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
        struct Visit<V>(::std::marker::PhantomData<V>);
        impl<'de, V: ::serde::Deserialize<'de>> ::serde::de::Visitor<'de> for Visit<V> {
            type Value = DenseMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: ::serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> ::std::result::Result<Self::Value, A::Error> {
                let mut out = ::std::collections::BTreeMap::new();
                while let ::std::option::Option::Some((k, v)) =
                    map.next_entry::<::std::string::String, ::std::option::Option<V>>()?
                {
                    if let ::std::option::Option::Some(v) = v {
                        out.insert(k, v);
                    }
                }
                ::std::result::Result::Ok(DenseMap(out))
            }
        }
        d.deserialize_map(Visit(::std::marker::PhantomData))
    }
}

/// The value of a union member that targets `smithy.api#Unit`: an empty object.
pub struct Empty;

impl ::serde::Serialize for Empty {
    fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
        use ::serde::ser::SerializeMap as _;
        s.serialize_map(::std::option::Option::Some(0))?.end()
    }
}

/// A builder that deserialization fills member by member (generated for every structure).
pub trait Fields<'de>: ::std::default::Default {
    /// Read the value of member `key`; `false` when `key` is not a member (its value is then skipped).
    fn field<A: ::serde::de::MapAccess<'de>>(
        &mut self,
        key: &str,
        map: &mut A,
    ) -> ::std::result::Result<bool, A::Error>;
}

struct StructVisitor<B> {
    name: &'static str,
    builder: ::std::marker::PhantomData<B>,
}

impl<'de, B: Fields<'de>> ::serde::de::Visitor<'de> for StructVisitor<B> {
    type Value = B;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", self.name)
    }
    fn visit_map<A: ::serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> ::std::result::Result<B, A::Error> {
        let mut b = B::default();
        while let ::std::option::Option::Some(key) = map.next_key::<Key<'de>>()? {
            if !b.field(key.as_str(), &mut map)? {
                map.next_value::<::serde::de::IgnoredAny>()?;
            }
        }
        ::std::result::Result::Ok(b)
    }
}

/// Read a JSON object into the builder `B` (unknown members are skipped).
pub fn deserialize_struct<'de, D: ::serde::Deserializer<'de>, B: Fields<'de>>(
    d: D,
    name: &'static str,
) -> ::std::result::Result<B, D::Error> {
    d.deserialize_map(StructVisitor {
        name,
        builder: ::std::marker::PhantomData,
    })
}
