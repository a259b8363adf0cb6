//! Greedy word wrapping of rendered prose.
//!
//! Renderers produce a line of text in which an ordinary space is a place where the line may
//! break and [`NBSP`] is a space that must not break (inside code spans, link targets, Rd
//! macros). Wrapping splits on spaces, fills lines up to the width (counted in characters), and
//! turns every [`NBSP`] back into a space. Linear in the input.

/// A space that must not become a line break. Never present in parsed text (the parser drops
/// control characters).
pub const NBSP: char = '\u{1}';

/// Replace the spaces of `s` with [`NBSP`].
pub fn unbreakable(s: &str) -> String {
    s.replace(' ', "\u{1}")
}

/// Wrap `text` into lines of at most `width` characters (a single word longer than the width
/// gets a line of its own), `first` prefixed to the first line and `rest` to the others. `width`
/// includes the prefixes; 0 means no wrapping. `fix_start` may rewrite the first word of each
/// line (to escape what would otherwise start a block construct at the beginning of a line).
pub fn wrap(
    text: &str,
    width: usize,
    first: &str,
    rest: &str,
    fix_start: &dyn Fn(&str) -> Option<String>,
) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_len = 0usize;
    let mut at_start = true;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let fixed = if at_start || (width > 0 && line_len + 1 + char_len(word) > width) {
            fix_start(word)
        } else {
            None
        };
        let w = fixed.as_deref().unwrap_or(word);
        let wlen = char_len(w);
        if at_start {
            line.push_str(first);
            line_len = char_len(first);
            at_start = false;
        } else if width > 0 && line_len + 1 + wlen > width {
            lines.push(finish(&line));
            line.clear();
            line.push_str(rest);
            line_len = char_len(rest);
        } else {
            line.push(' ');
            line_len += 1;
            // The word is not at a line start after all: use it unchanged.
            let w = word;
            line.push_str(w);
            line_len += char_len(w);
            continue;
        }
        line.push_str(w);
        line_len += wlen;
    }
    if !at_start {
        lines.push(finish(&line));
    }
    lines
}

fn finish(line: &str) -> String {
    line.trim_end().replace(NBSP, " ")
}

fn char_len(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &str) -> Option<String> {
        None
    }

    #[test]
    fn wraps_greedily_at_width() {
        let lines = wrap("aaa bbb ccc ddd", 7, "", "", &none);
        assert_eq!(lines, ["aaa bbb", "ccc ddd"]);
    }

    #[test]
    fn prefixes_count_in_width() {
        let lines = wrap("aaa bbb ccc", 8, "-   ", "    ", &none);
        assert_eq!(lines, ["-   aaa", "    bbb", "    ccc"]);
    }

    #[test]
    fn never_breaks_at_nbsp_and_long_words_stand_alone() {
        let t = format!("a {} b", unbreakable("x y z"));
        assert_eq!(wrap(&t, 3, "", "", &none), ["a", "x y z", "b"]);
    }

    #[test]
    fn zero_width_means_one_line_and_spaces_collapse() {
        assert_eq!(wrap("  a   b  ", 0, "", "", &none), ["a b"]);
        assert!(wrap("   ", 10, "", "", &none).is_empty());
    }

    #[test]
    fn fix_start_applies_only_at_line_starts() {
        let fix = |w: &str| {
            if w == "-" {
                Some("\\-".to_string())
            } else {
                None
            }
        };
        assert_eq!(wrap("- a - b", 5, "", "", &fix), ["\\- a", "\\- b"]);
        assert_eq!(wrap("a - b", 0, "", "", &fix), ["a - b"]);
    }
}
