//! ECMAScript `pattern` checks: each pattern is compiled once, on first use, with `regress`.

/// One model pattern (compiled lazily; a pattern `regress` rejects is never checked, never a panic).
pub struct Pattern {
    source: &'static str,
    flags: &'static str,
    regex: ::std::sync::OnceLock<::std::option::Option<::regress::Regex>>,
}

impl ::std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

impl Pattern {
    pub const fn new(source: &'static str, flags: &'static str) -> Self {
        Pattern {
            source,
            flags,
            regex: ::std::sync::OnceLock::new(),
        }
    }

    /// The ECMAScript source, as in the model.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// Does `s` contain a match? (A pattern `regress` rejects matches everything: it is never
    /// checked.)
    pub fn matches(&self, s: &str) -> bool {
        let regex = self
            .regex
            .get_or_init(|| ::regress::Regex::with_flags(self.source, self.flags).ok());
        regex.as_ref().map_or(true, |re| re.find(s).is_some())
    }
}
