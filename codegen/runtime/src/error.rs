//! Errors: a builder missing required members, a strict enum parse, and validation violations (each
//! with a machine-readable [`Detail`]: the bound broken, the limits, the value found).

use ::std::fmt;

/// `build()` was called with required members unset; names every one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    type_name: &'static str,
    missing: ::std::vec::Vec<&'static str>,
}

impl BuildError {
    /// For generated code (hidden from the docs).
    #[doc(hidden)]
    pub fn new(type_name: &'static str, missing: ::std::vec::Vec<&'static str>) -> Self {
        BuildError { type_name, missing }
    }
    /// The shape being built.
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }
    /// The model names of the missing required members, in model order.
    pub fn missing(&self) -> &[&'static str] {
        &self.missing
    }
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "cannot build {}: missing required member",
            self.type_name
        )?;
        if self.missing.len() > 1 {
            f.write_str("s")?;
        }
        for (i, m) in self.missing.iter().enumerate() {
            write!(f, "{}`{m}`", if i == 0 { " " } else { ", " })?;
        }
        ::std::result::Result::Ok(())
    }
}

impl ::std::error::Error for BuildError {}

/// A strict enum parse met a value that is not one of the known values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEnumValue {
    type_name: &'static str,
    value: ::std::string::String,
}

impl UnknownEnumValue {
    /// For generated code (hidden from the docs).
    #[doc(hidden)]
    pub fn new(type_name: &'static str, value: impl fmt::Display) -> Self {
        UnknownEnumValue {
            type_name,
            value: value.to_string(),
        }
    }
    pub fn type_name(&self) -> &'static str {
        self.type_name
    }
    /// The rejected value, as text.
    pub fn value(&self) -> &str {
        &self.value
    }
}

impl fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a known {} value",
            self.value, self.type_name
        )
    }
}

impl ::std::error::Error for UnknownEnumValue {}

/// Which constraint a [`Violation`] breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// A required member is missing.
    Required,
    /// `length`: characters (Unicode scalar values), elements, entries or bytes.
    Length,
    /// `range` (inclusive).
    Range,
    /// `pattern` (ECMAScript regular expression, not anchored).
    Pattern,
    /// An enum value the generated crate does not know.
    Enum,
    /// `uniqueItems`: a list holds equal elements.
    UniqueItems,
    /// A union does not have exactly one known member set.
    Union,
}

/// Which side of a `length` or `range` constraint a value is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Bound {
    /// Below the minimum.
    BelowMin,
    /// Above the maximum.
    AboveMax,
    /// Not a number (NaN): outside every range, on neither side.
    NotANumber,
}

/// What a `length` constraint counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum LengthUnit {
    /// Unicode scalar values of a string (not bytes, not UTF-16 units).
    Characters,
    /// Elements of a list.
    Elements,
    /// Entries of a map.
    Entries,
    /// Bytes of a blob.
    Bytes,
}

impl LengthUnit {
    /// `characters`, `elements`, `entries` or `bytes`.
    pub fn as_str(&self) -> &'static str {
        match self {
            LengthUnit::Characters => "characters",
            LengthUnit::Elements => "elements",
            LengthUnit::Entries => "entries",
            LengthUnit::Bytes => "bytes",
        }
    }
}

/// A number in a `range` check, in the type of the member (or the bound) it comes from.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
#[non_exhaustive]
pub enum RangeValue {
    /// `byte`, `short`, `integer`, `long` (and integral bounds of those).
    Integer(i128),
    /// `float` (32-bit): bounds are the model's, rounded to the nearest `f32`.
    Float32(f32),
    /// `double`, `bigInteger`, `bigDecimal` (the latter two as the nearest `f64`).
    Float(f64),
}

impl RangeValue {
    /// The value as an `f64` (exact for every `Float32`, and for `Integer`s up to 2^53).
    pub fn as_f64(&self) -> f64 {
        match *self {
            RangeValue::Integer(v) => v as f64,
            RangeValue::Float32(v) => f64::from(v),
            RangeValue::Float(v) => v,
        }
    }
}

impl fmt::Display for RangeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RangeValue::Integer(v) => write!(f, "{v}"),
            RangeValue::Float32(v) => write!(f, "{v}"),
            RangeValue::Float(v) => write!(f, "{v}"),
        }
    }
}

/// What exactly a [`Violation`] found, for programs (its `message` says the same for people).
///
/// One variant per [`Rule`]; [`Detail::rule`] gives it back. Bounds are inclusive, `None` where the
/// model sets none.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Detail {
    /// A required member is missing.
    Required {
        /// Its wire name (the last segment of the path).
        member: &'static str,
    },
    /// A `length` constraint is broken.
    Length {
        /// Which side of the limits `actual` is on ([`Bound::BelowMin`] or [`Bound::AboveMax`]).
        bound: Bound,
        /// The length found.
        actual: u64,
        /// The minimum, when the model sets one.
        min: ::std::option::Option<u64>,
        /// The maximum, when the model sets one.
        max: ::std::option::Option<u64>,
        /// What was counted.
        unit: LengthUnit,
    },
    /// A `range` constraint is broken.
    Range {
        /// Which side of the limits `actual` is on.
        bound: Bound,
        /// The value found.
        actual: RangeValue,
        /// The minimum, when the model sets one.
        min: ::std::option::Option<RangeValue>,
        /// The maximum, when the model sets one.
        max: ::std::option::Option<RangeValue>,
    },
    /// A string has no match of the `pattern`.
    Pattern {
        /// The ECMAScript regular expression, as in the model.
        pattern: &'static str,
    },
    /// An enum or intEnum value the generated crate does not know.
    Enum {
        /// The Rust type name of the enum.
        type_name: &'static str,
        /// The value found, as text.
        value: ::std::string::String,
    },
    /// `uniqueItems`: a list element equals an earlier one (the first repeat is reported).
    UniqueItems {
        /// The index of the repeat.
        index: usize,
        /// The index of the earlier, equal element.
        first: usize,
    },
    /// A union holds a member the generated crate does not know (it cannot be sent back).
    UnknownUnionMember {
        /// The Rust type name of the union.
        type_name: &'static str,
        /// The member's wire name.
        member: ::std::string::String,
    },
}

impl Detail {
    /// The rule this detail belongs to.
    pub fn rule(&self) -> Rule {
        match self {
            Detail::Required { .. } => Rule::Required,
            Detail::Length { .. } => Rule::Length,
            Detail::Range { .. } => Rule::Range,
            Detail::Pattern { .. } => Rule::Pattern,
            Detail::Enum { .. } => Rule::Enum,
            Detail::UniqueItems { .. } => Rule::UniqueItems,
            Detail::UnknownUnionMember { .. } => Rule::Union,
        }
    }

    /// The side of the limits a `length` or `range` violation is on; `None` for other rules.
    pub fn bound(&self) -> ::std::option::Option<Bound> {
        match self {
            Detail::Length { bound, .. } | Detail::Range { bound, .. } => {
                ::std::option::Option::Some(*bound)
            }
            _ => ::std::option::Option::None,
        }
    }
}

/// `between a and b`, `at least a`, `at most b`.
fn limits<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    min: &::std::option::Option<T>,
    max: &::std::option::Option<T>,
    unit: &str,
) -> fmt::Result {
    match (min, max) {
        (::std::option::Option::Some(a), ::std::option::Option::Some(b)) => {
            write!(f, "between {a} and {b}{unit}")
        }
        (::std::option::Option::Some(a), ::std::option::Option::None) => {
            write!(f, "at least {a}{unit}")
        }
        (::std::option::Option::None, ::std::option::Option::Some(b)) => {
            write!(f, "at most {b}{unit}")
        }
        (::std::option::Option::None, ::std::option::Option::None) => f.write_str("no limits"),
    }
}

/// The human-readable message (what [`Violation::message`] holds).
impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Detail::Required { member } => write!(f, "missing required member `{member}`"),
            Detail::Length {
                bound,
                actual,
                min,
                max,
                unit,
            } => {
                let unit = unit.as_str();
                let side = if *bound == Bound::AboveMax {
                    "too long"
                } else {
                    "too short"
                };
                write!(f, "{side}: length {actual} {unit}, expected ")?;
                limits(f, min, max, &::std::format!(" {unit}"))
            }
            Detail::Range {
                bound,
                actual,
                min,
                max,
            } => {
                let side = match bound {
                    Bound::BelowMin => "too small",
                    Bound::AboveMax => "too large",
                    Bound::NotANumber => "not a number",
                };
                write!(f, "{side}: value {actual}, expected ")?;
                limits(f, min, max, "")
            }
            Detail::Pattern { pattern } => write!(f, "does not match the pattern `{pattern}`"),
            Detail::Enum { type_name, value } => {
                write!(f, "`{value}` is not a known {type_name} value")
            }
            Detail::UniqueItems { index, first } => {
                write!(
                    f,
                    "element {index} repeats element {first}; elements must be unique"
                )
            }
            Detail::UnknownUnionMember { type_name, member } => {
                write!(f, "`{member}` is not a known member of union {type_name}")
            }
        }
    }
}

/// One broken constraint.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Violation {
    /// Where, in wire member names: `ProductionVariants[0].InstanceType`.
    pub path: ::std::string::String,
    /// The constraint broken (the same as `detail.rule()`).
    pub rule: Rule,
    /// What was found, with the limits, for programs.
    pub detail: Detail,
    /// The same, for people: `too long: length 64 characters, expected between 1 and 63 characters`.
    pub message: ::std::string::String,
}

impl Violation {
    /// A violation at `path`; its rule and message follow from `detail`.
    pub fn new(path: impl ::std::convert::Into<::std::string::String>, detail: Detail) -> Self {
        Violation {
            path: path.into(),
            rule: detail.rule(),
            message: detail.to_string(),
            detail,
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// Every violation `validate()` found (never empty).
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationError {
    violations: ::std::vec::Vec<Violation>,
}

impl ValidationError {
    /// `Ok(())` when `violations` is empty (for generated code; hidden from the docs).
    #[doc(hidden)]
    pub fn check(violations: ::std::vec::Vec<Violation>) -> ::std::result::Result<(), Self> {
        if violations.is_empty() {
            ::std::result::Result::Ok(())
        } else {
            ::std::result::Result::Err(ValidationError { violations })
        }
    }
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }
    pub fn into_violations(self) -> ::std::vec::Vec<Violation> {
        self.violations
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} constraint violation(s):", self.violations.len())?;
        for v in &self.violations {
            write!(f, "\n  {v}")?;
        }
        ::std::result::Result::Ok(())
    }
}

impl ::std::error::Error for ValidationError {}
