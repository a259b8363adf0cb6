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

/// A modeled error's message member: a plain `String` or an `Option<String>`.
pub trait AsMessage {
    fn as_message(&self) -> Option<&str>;
}

impl AsMessage for String {
    fn as_message(&self) -> Option<&str> {
        Some(self)
    }
}

impl AsMessage for Option<String> {
    fn as_message(&self) -> Option<&str> {
        self.as_deref()
    }
}

/// An operation's `Error` enum (a variant per modeled error, plus `Unhandled`), its `code()`,
/// `message()`, `Display` and `std::error::Error`, and `parse_error`, which reads a non-2xx
/// response into it by the error code (`codes`: every code the shape answers to; `code`: the
/// one `code()` reports). Errors `with_message` name their message member; the others keep the
/// message the response carried beside the shape.
#[doc(hidden)]
#[macro_export]
macro_rules! operation_error {
    (
        $(#[$doc:meta])*
        operation: $op:path,
        query_compatible: $qc:literal,
        with_message: [$($(#[$vd:meta])* $v:ident($t:ty) codes [$($vc:literal),+] code $vcode:literal message $field:ident,)*],
        without_message: [$($(#[$wd:meta])* $w:ident($u:ty) codes [$($wc:literal),+] code $wcode:literal,)*] $(,)?
    ) => {
        $(#[$doc])*
        #[derive(Debug)]
        #[non_exhaustive]
        pub enum Error {
            $($(#[$vd])* $v($t),)*
            $($(#[$wd])* $w($u, ::std::option::Option<::std::string::String>),)*
            /// An error response the model does not list for this operation, or a response that
            /// could not be read (then `problem` says why): status, code, message and raw body.
            Unhandled($crate::protocol::Unhandled),
        }

        impl Error {
            /// The error code (the error shape's name for a modeled error).
            pub fn code(&self) -> ::std::option::Option<&str> {
                match self {
                    $(Self::$v(_) => ::std::option::Option::Some($vcode),)*
                    $(Self::$w(..) => ::std::option::Option::Some($wcode),)*
                    Self::Unhandled(u) => u.code.as_deref(),
                }
            }

            /// The error message, when the response carried one.
            pub fn message(&self) -> ::std::option::Option<&str> {
                match self {
                    $(Self::$v(e) => $crate::schema::macros::AsMessage::as_message(&e.$field),)*
                    $(Self::$w(_, m) => m.as_deref(),)*
                    Self::Unhandled(u) => u.message.as_deref(),
                }
            }
        }

        impl ::std::fmt::Display for Error {
            #[allow(irrefutable_let_patterns)]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                if let Self::Unhandled(u) = self {
                    return ::std::fmt::Display::fmt(u, f);
                }
                let code = self.code().unwrap_or_default();
                match self.message() {
                    ::std::option::Option::Some(m) => ::std::write!(f, "{code}: {m}"),
                    ::std::option::Option::None => f.write_str(code),
                }
            }
        }

        impl ::std::error::Error for Error {}

        /// The error of a non-2xx response, by its code.
        fn parse_error(response: &$crate::http::Response<::std::vec::Vec<u8>>) -> Error {
            let info = $crate::protocol::ErrorInfo::read(response, $qc);
            match info.code.as_deref() {
                $($(::std::option::Option::Some($vc))|+ => match $crate::schema::parse_output::<$t>(&$op, response) {
                    ::std::result::Result::Ok(e) => Error::$v(e),
                    ::std::result::Result::Err(p) => Error::Unhandled($crate::protocol::Unhandled::malformed(response, p)),
                },)*
                $($(::std::option::Option::Some($wc))|+ => match $crate::schema::parse_output::<$u>(&$op, response) {
                    ::std::result::Result::Ok(e) => Error::$w(e, info.message.clone()),
                    ::std::result::Result::Err(p) => Error::Unhandled($crate::protocol::Unhandled::malformed(response, p)),
                },)*
                _ => Error::Unhandled($crate::protocol::Unhandled::new(response, info)),
            }
        }
    };
}

/// An operation module's items: its [`Operation`](crate::schema::Operation) schema as `OPERATION`,
/// `serialize_request` (input, or none, to an HTTP request), `parse_response` (an HTTP response
/// to the output, or `()`, or the operation's `Error`), and the `Error` enum itself
/// ([`operation_error!`](crate::operation_error)).
#[doc(hidden)]
#[macro_export]
macro_rules! operation {
    (
        schema: { $($field:ident: $value:expr),* $(,)? },
        serialize_doc: $sdoc:literal,
        input: $input:tt,
        output: $output:tt,
        error_doc: $edoc:literal,
        $($errors:tt)*
    ) => {
        /// The operation's schema: what its request and response look like.
        pub static OPERATION: $crate::schema::Operation = $crate::schema::Operation { $($field: $value),* };
        $crate::__operation_serialize!($sdoc, $input);
        $crate::__operation_parse!($output);
        $crate::operation_error! { #[doc = $edoc] operation: OPERATION, $($errors)* }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __operation_serialize {
    ($sdoc:literal, none) => {
        #[doc = $sdoc]
        pub fn serialize_request() -> ::std::result::Result<
            $crate::http::Request<::std::vec::Vec<u8>>,
            $crate::protocol::SerializeError,
        > {
            $crate::schema::serialize_request(&OPERATION, ::std::option::Option::None)
        }
    };
    ($sdoc:literal, ($input:ty)) => {
        #[doc = $sdoc]
        pub fn serialize_request(
            input: &$input,
        ) -> ::std::result::Result<
            $crate::http::Request<::std::vec::Vec<u8>>,
            $crate::protocol::SerializeError,
        > {
            $crate::schema::serialize_request(&OPERATION, ::std::option::Option::Some(input))
        }
    };
}

#[doc(hidden)]
#[macro_export]
macro_rules! __operation_parse {
    (none) => {
        /// Read the HTTP response: `()` for a 2xx status, else the operation's [`Error`].
        pub fn parse_response(
            response: &$crate::http::Response<::std::vec::Vec<u8>>,
        ) -> ::std::result::Result<(), Error> {
            if !response.status().is_success() {
                return ::std::result::Result::Err(parse_error(response));
            }
            ::std::result::Result::Ok(())
        }
    };
    (($output:ty)) => {
        /// Read the HTTP response: the output for a 2xx status, else the operation's [`Error`] (an
        /// unreadable body or header gives [`Error::Unhandled`] with its `problem` set).
        pub fn parse_response(
            response: &$crate::http::Response<::std::vec::Vec<u8>>,
        ) -> ::std::result::Result<$output, Error> {
            if !response.status().is_success() {
                return ::std::result::Result::Err(parse_error(response));
            }
            $crate::schema::parse_output(&OPERATION, response).map_err(|problem| {
                Error::Unhandled($crate::protocol::Unhandled::malformed(response, problem))
            })
        }
    };
}
