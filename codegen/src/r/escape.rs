//! Escaping of model strings for each place they can land: R string literals, roxygen comment lines,
//! Rd text and verbatim blocks, DESCRIPTION fields and markdown. Nothing from a model reaches a
//! generated file except through one of these.

/// An R string literal (with its double quotes). Pure ASCII: quotes, backslashes and control
/// characters are escaped, non-ASCII becomes `\uXXXX` / `\U{XXXXXX}`; NUL (not allowed in R strings)
/// becomes U+FFFD.
pub fn r_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\0' => out.push_str("\\uFFFD"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c if (c as u32) <= 0xFFFF => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{{{:X}}}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// A string as shown inside double quotes in the documentation syntax (`"ml.t2.medium"`): quotes and
/// backslashes escaped as R would need them, everything else kept.
pub fn shown_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text made safe for a comment line: control characters (line breaks included) become spaces.
pub fn comment_safe(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A block of roxygen markdown (already escaped for roxygen, `@` doubled) as comment lines
/// (`#' ...`), each line made comment-safe. Empty lines become `#'`.
pub fn roxygen_lines(text: &str, out: &mut String) {
    for line in text.split('\n') {
        let line = comment_safe(line);
        let line = line.trim_end();
        if line.is_empty() {
            out.push_str("#'\n");
        } else {
            out.push_str("#' ");
            out.push_str(line);
            out.push('\n');
        }
    }
}

/// Text of our own making (usage, syntax blocks, Rd macros) as roxygen comment lines: `@` doubled
/// so roxygen never reads a tag out of it.
pub fn roxygen_verbatim(text: &str, out: &mut String) {
    roxygen_lines(&text.replace('@', "@@"), out);
}

/// A roxygen tag (`#' @<tag> <text>`): the tag is ours, the text is roxygen markdown (see
/// [`roxygen_lines`]).
pub fn roxygen_tag(tag: &str, text: &str, out: &mut String) {
    let start = out.len();
    roxygen_lines(text, out);
    let first = &out[start..];
    let rest = first
        .strip_prefix("#' ")
        .or_else(|| first.strip_prefix("#'"))
        .unwrap_or(first);
    let rest = rest.to_string();
    out.truncate(start);
    out.push_str("#' @");
    out.push_str(tag);
    out.push(' ');
    out.push_str(&rest);
}

/// Plain text for Rd (LaTeX-like or R-like text): `\`, `%`, `{`, `}` escaped, control characters
/// other than line breaks dropped.
pub fn rd_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '%' => out.push_str("\\%"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '\n' => out.push('\n'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Plain text inside `\preformatted{}`: the same escapes as [`rd_text`] (Rd's verbatim escapes).
pub fn rd_verbatim(s: &str) -> String {
    rd_text(s)
}

/// One-line plain text for a DESCRIPTION field: control characters become spaces, runs of spaces
/// collapse.
pub fn dcf_value(s: &str) -> String {
    comment_safe(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text for inclusion in an HTML fragment handed to the documentation converter.
pub fn html_text(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A markdown code span holding `s` verbatim (a longer fence when `s` holds backticks).
pub fn markdown_code(s: &str) -> String {
    let s = comment_safe(s);
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    if longest > 0 || s.starts_with(' ') || s.ends_with(' ') {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

/// A markdown fenced code block body must not close the fence early: lines of three or more backticks
/// get a leading space.
pub fn markdown_fence_body(s: &str) -> String {
    s.split('\n')
        .map(|l| {
            if l.trim_start().starts_with("```") || l.trim_start().starts_with("~~~") {
                format!(" {l}")
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_strings_are_ascii_and_escaped() {
        assert_eq!(r_string("plain"), "\"plain\"");
        assert_eq!(r_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(r_string("x\ny\t\u{1}"), "\"x\\ny\\t\\u0001\"");
        assert_eq!(r_string("é€😀"), "\"\\u00E9\\u20AC\\U{1F600}\"");
        assert_eq!(r_string("a\0b"), "\"a\\uFFFDb\"");
    }

    #[test]
    fn roxygen_lines_cannot_escape_the_comment() {
        let mut out = String::new();
        roxygen_verbatim("one @param x\n\ntwo\rthree\u{2028}", &mut out);
        assert_eq!(out, "#' one @@param x\n#'\n#' two three\n");
        assert!(out.lines().all(|l| l.starts_with("#'")));
    }

    #[test]
    fn roxygen_tags_keep_only_our_tag() {
        let mut out = String::new();
        roxygen_tag("param", "x a @@b\n@@param y", &mut out);
        assert_eq!(out, "#' @param x a @@b\n#' @@param y\n");
    }

    #[test]
    fn rd_text_escapes_specials() {
        assert_eq!(rd_text("100% {a} \\b"), "100\\% \\{a\\} \\\\b");
    }

    #[test]
    fn markdown_escapes() {
        assert_eq!(markdown_code("x"), "`x`");
        assert_eq!(markdown_code("a`b"), "`` a`b ``");
        assert_eq!(markdown_fence_body("a\n```\nb"), "a\n ```\nb");
    }

    #[test]
    fn dcf_values_are_one_line() {
        assert_eq!(dcf_value("a\n  b:\tc"), "a b: c");
    }
}
