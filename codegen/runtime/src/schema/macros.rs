//! What every generated type of one kind has alike, written once as macros the generated code
//! invokes with its type: `validate()`, the [`AsValue`](super::AsValue) view, and serde impls
//! that go through the schema (so `serde_json::to_value(&input)` gives the JSON wire form).

/// Serialize a value through its schema (the JSON wire form, for any serde serializer).
pub fn serialize<S: serde::Serializer>(v: super::Value<'_>, s: S) -> Result<S::Ok, S::Error> {
    let bytes = super::json::value_to_vec(v, &super::json::ROOT);
    let tree: serde_json::Value =
        serde_json::from_slice(&bytes).map_err(<S::Error as serde::ser::Error>::custom)?;
    serde::Serialize::serialize(&tree, s)
}

/// Deserialize a value through its schema (from its JSON wire form).
pub fn deserialize<'de, D: serde::Deserializer<'de>, T: super::FromWire>(
    d: D,
) -> Result<T, D::Error> {
    let mut tree = <serde_json::Value as serde::Deserialize>::deserialize(d)?;
    T::from_wire(
        &mut super::json::JsonDecoder::new(&mut tree),
        &super::json::ROOT,
    )
    .map_err(<D::Error as serde::de::Error>::custom)
}

/// `Serialize` and `Deserialize` for a generated type, through its schema.
#[doc(hidden)]
#[macro_export]
macro_rules! __serde_via_schema {
    ($t:ty) => {
        impl $crate::schema::__serde::Serialize for $t {
            fn serialize<S: $crate::schema::__serde::Serializer>(
                &self,
                s: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                $crate::schema::macros::serialize($crate::schema::AsValue::as_value(self), s)
            }
        }
        impl<'de> $crate::schema::__serde::Deserialize<'de> for $t {
            fn deserialize<D: $crate::schema::__serde::Deserializer<'de>>(
                d: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::schema::macros::deserialize(d)
            }
        }
    };
}

/// What a generated structure has beside its own accessors: `validate()`, its value view, serde.
#[doc(hidden)]
#[macro_export]
macro_rules! structure {
    ($t:ty) => {
        impl $t {
            /// Checks every constraint the model states on this value and everything it contains;
            /// returns all violations at once, each with its path in wire member names.
            pub fn validate(&self) -> ::std::result::Result<(), $crate::error::ValidationError> {
                $crate::schema::validate(self)
            }
        }
        impl $crate::schema::AsValue for $t {
            fn as_value(&self) -> $crate::schema::Value<'_> {
                $crate::schema::Value::Struct(self)
            }
        }
        $crate::__serde_via_schema!($t);
    };
}

/// What a generated union has beside its own accessors: `validate()`, its value view, serde.
#[doc(hidden)]
#[macro_export]
macro_rules! union {
    ($t:ty) => {
        impl $t {
            /// Checks every constraint the model states on this value and everything it contains
            /// (a member this crate does not know is a violation: it cannot be sent back).
            pub fn validate(&self) -> ::std::result::Result<(), $crate::error::ValidationError> {
                $crate::schema::validate::validate_union(self)
            }
        }
        impl $crate::schema::AsValue for $t {
            fn as_value(&self) -> $crate::schema::Value<'_> {
                $crate::schema::Value::Union(self)
            }
        }
        $crate::__serde_via_schema!($t);
    };
}

/// What a generated string or int enum has beside its value view: `validate()` and serde.
#[doc(hidden)]
#[macro_export]
macro_rules! enumeration {
    ($t:ty, $name:literal) => {
        impl $t {
            /// Fails for a value this crate does not know (`Unknown`).
            pub fn validate(&self) -> ::std::result::Result<(), $crate::error::ValidationError> {
                $crate::schema::validate::validate_enum(
                    $name,
                    $crate::schema::AsValue::as_value(self),
                )
            }
        }
        $crate::__serde_via_schema!($t);
    };
}
