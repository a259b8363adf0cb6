//! Escaping of text, code and URLs for each markdown flavor and for Rd, and link resolution.
//!
//! Roxygen markdown (checked against roxygen2 7.2.3): roxygen doubles every backslash before
//! CommonMark sees the text (except `\[` and `\]`), so markdown backslash escapes do not work
//! there; markdown punctuation is written as numeric character references (`&#42;`), a literal
//! backslash as `\\` and braces as `\{` `\}` (Rd escapes roxygen passes through), `@` as `@@`.
//! `%` stays as it is: roxygen escapes it itself, and `\%` would come out as `\\%` (broken Rd).

use super::wrap::NBSP;

/// The markdown dialects rendered from one tree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// roxygen2 markdown (R source comments).
    Roxygen,
    /// Markdown for the static documentation pages.
    Page,
    /// rustdoc (pulldown-cmark).
    Rustdoc,
}

/// Escape prose text for a markdown flavor. Spaces are kept as they are (break points).
pub fn md_text(s: &str, flavor: Flavor) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut prev = ' ';
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let next = chars.peek().copied().unwrap_or(' ');
        let plain = c.is_alphanumeric() || c == ' ' || c == '.' || c == ',';
        if plain {
            out.push(c);
            prev = c;
            continue;
        }
        match (flavor, c) {
            (Flavor::Roxygen, '\\') => out.push_str("\\\\"),
            (Flavor::Roxygen, '{') => out.push_str("\\{"),
            (Flavor::Roxygen, '}') => out.push_str("\\}"),
            (Flavor::Roxygen, '@') => out.push_str("@@"),
            (Flavor::Roxygen, '*') => out.push_str("&#42;"),
            (Flavor::Roxygen, '`') => out.push_str("&#96;"),
            (Flavor::Roxygen, '_') if !(prev.is_alphanumeric() && next.is_alphanumeric()) => {
                out.push_str("&#95;")
            }
            (Flavor::Roxygen, '~') => out.push_str("&#126;"),
            (Flavor::Roxygen, '|') => out.push_str("&#124;"),
            (_, '\\' | '*' | '`') | (Flavor::Rustdoc, '~' | '|') => {
                out.push('\\');
                out.push(c);
            }
            (_, '_') if !(prev.is_alphanumeric() && next.is_alphanumeric()) => out.push_str("\\_"),
            (_, '[' | ']') => {
                out.push('\\');
                out.push(c);
            }
            (_, '<') => out.push_str("&lt;"),
            (_, '>') => out.push_str("&gt;"),
            (_, '&') if next.is_ascii_alphanumeric() || next == '#' => out.push_str("&amp;"),
            _ => out.push(c),
        }
        prev = c;
    }
    out
}

/// What to put before a word that would otherwise start a block construct at the beginning of a
/// markdown line (`#`, `-`, `+`, `*`, `=`, `>`, `1.`, fences, ...). `None` when it is harmless.
pub fn md_line_start(word: &str, flavor: Flavor) -> Option<String> {
    let first = word.chars().next()?;
    let esc = |c: char| -> String {
        match flavor {
            Flavor::Roxygen => format!("&#{};", c as u32),
            _ => format!("\\{c}"),
        }
    };
    let all_same = word.chars().all(|c| c == first);
    let risky = match first {
        '#' | '>' => true,
        '-' | '+' | '=' => all_same,
        '~' => word.starts_with("~~~"),
        _ => false,
    };
    if risky {
        return Some(format!("{}{}", esc(first), &word[first.len_utf8()..]));
    }
    // Ordered-list marker: 1-9 digits then `.` or `)`.
    let digits = word.chars().take_while(|c| c.is_ascii_digit()).count();
    if (1..=9).contains(&digits) {
        let rest = &word[digits..];
        if rest.len() == 1 && (rest == "." || rest == ")") {
            let mark = rest.chars().next().unwrap_or('.');
            return Some(format!("{}{}", &word[..digits], esc(mark)));
        }
    }
    None
}

/// A code span holding `code` (spaces unbreakable), with a backtick fence longer than any run of
/// backticks inside. In roxygen, code with unbalanced square brackets is written as Rd's
/// `\verb{}` instead: roxygen2 pairs a `[` in one code span with a `]` in a later one as a link.
pub fn md_code_span(code: &str, flavor: Flavor) -> String {
    if flavor == Flavor::Roxygen && !brackets_balanced(code) {
        return format!(
            "\\verb{{{}}}",
            rd_text(&code.replace('@', "@@")).replace(' ', &NBSP.to_string())
        );
    }
    let code = if flavor == Flavor::Roxygen {
        code.replace('@', "@@")
    } else {
        code.to_string()
    };
    let fence = "`".repeat(longest_run(&code, '`') + 1);
    let pad = if code.starts_with('`') || code.ends_with('`') {
        " "
    } else {
        ""
    };
    format!(
        "{fence}{pad}{}{pad}{fence}",
        code.replace(' ', &NBSP.to_string())
    )
}

/// Whether every `]` closes an earlier `[` and every `[` is closed.
fn brackets_balanced(s: &str) -> bool {
    let mut depth = 0usize;
    for c in s.chars() {
        match c {
            '[' => depth += 1,
            ']' if depth == 0 => return false,
            ']' => depth -= 1,
            _ => {}
        }
    }
    depth == 0
}

/// The length of the longest run of `c` in `s`.
pub fn longest_run(s: &str, c: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for x in s.chars() {
        if x == c {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// A link destination for markdown: characters that would end or break it percent-encoded.
pub fn md_url(url: &str, flavor: Flavor) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '(' => out.push_str("%28"),
            ')' => out.push_str("%29"),
            '\\' => out.push_str("%5C"),
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '`' => out.push_str("%60"),
            '"' => out.push_str("%22"),
            '@' if flavor == Flavor::Roxygen => out.push_str("%40"),
            _ if c.is_whitespace() || c.is_control() => {}
            _ => out.push(c),
        }
    }
    out
}

/// Resolve an `href`: absolute URLs kept, relative ones made absolute on
/// `https://docs.aws.amazon.com/`; `None` when there is nothing to link to (empty, fragment only,
/// `javascript:`).
pub fn resolve_url(href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    if let Some(rest) = href.strip_prefix("//") {
        return Some(format!("https://{rest}"));
    }
    if let Some(rest) = href.strip_prefix('/') {
        return Some(format!("https://docs.aws.amazon.com/{rest}"));
    }
    if let Some(colon) = href.find(':') {
        let scheme = &href[..colon];
        let is_scheme = !scheme.is_empty()
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
        if is_scheme {
            let lower = scheme.to_ascii_lowercase();
            return match lower.as_str() {
                "http" | "https" | "mailto" | "ftp" => Some(href.to_string()),
                _ => None,
            };
        }
    }
    if href.starts_with("www.") {
        return Some(format!("https://{href}"));
    }
    Some(format!("https://docs.aws.amazon.com/{href}"))
}

/// Escape text for Rd (LaTeX-like text and the inside of `\code{}`/`\href{}{}`): `\`, `%`, `{`, `}`.
pub fn rd_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '%' => out.push_str("\\%"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            _ => out.push(c),
        }
    }
    out
}
