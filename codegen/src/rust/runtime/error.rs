//! Errors: a builder missing required members, a strict enum parse, and validation violations.

#![allow(dead_code)]

use ::std::fmt;

/// `build()` was called with required members unset; names every one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    type_name: &'static str,
    missing: ::std::vec::Vec<&'static str>,
}

impl BuildError {
    pub(crate) fn new(type_name: &'static str, missing: ::std::vec::Vec<&'static str>) -> Self {
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
        write!(f, "cannot build {}: missing required member", self.type_name)?;
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
    pub(crate) fn new(type_name: &'static str, value: impl fmt::Display) -> Self {
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
        write!(f, "`{}` is not a known {} value", self.value, self.type_name)
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
    /// An enum value this crate does not know.
    Enum,
    /// `uniqueItems`: a list holds equal elements.
    UniqueItems,
    /// A union does not have exactly one known member set.
    Union,
}

/// One broken constraint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Where, in wire member names: `ProductionVariants[0].InstanceType`.
    pub path: ::std::string::String,
    pub rule: Rule,
    pub message: ::std::string::String,
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    violations: ::std::vec::Vec<Violation>,
}

impl ValidationError {
    /// `Ok(())` when `violations` is empty.
    pub(crate) fn check(violations: ::std::vec::Vec<Violation>) -> ::std::result::Result<(), Self> {
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
