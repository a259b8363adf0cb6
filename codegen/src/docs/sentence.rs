//! The first sentence of a text, for titles: cut at the real end of the sentence, not at the
//! first `.` (paws's rule, which breaks "e.g.", "1.0" and "U.S.").
//!
//! A `.` ends the sentence when it is followed by the end of the text or by whitespace and then
//! a character that is not a lowercase letter, and the word it ends is not an abbreviation
//! (`e.g.`, `i.e.`, `U.S.`, `vs.`, `Mr.`, ...). `?` and `!` followed by whitespace end it too.
//! The final `.` itself is dropped, as in paws's titles.

/// Words (without their final `.`) after which a `.` does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "approx", "cf", "dr", "e.g", "eg", "i.e", "ie", "jr", "mr", "mrs", "ms", "sr", "vs", "viz",
];

/// The first sentence of `text` (whitespace collapsed), without its final period.
pub fn first_sentence(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut end = chars.len();
    for i in 0..chars.len() {
        let c = chars[i];
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        // Closing quotes and brackets right after the mark belong to the sentence.
        let mut j = i + 1;
        while j < chars.len() && matches!(chars[j], ')' | '"' | '\'' | '\u{2019}' | '\u{201d}') {
            j += 1;
        }
        if j < chars.len() && !chars[j].is_whitespace() {
            continue; // "1.0", "e.g.,", "amazonaws.com", "S3.Bucket"
        }
        let next = chars[j..].iter().find(|c| !c.is_whitespace());
        if c == '.' {
            if next.is_some_and(|n| n.is_lowercase()) {
                continue; // "e.g. the", "etc. and"
            }
            if is_abbreviation(&chars[..i]) {
                continue;
            }
        }
        end = if c == '.' && j == i + 1 { i } else { j };
        break;
    }
    let s: String = chars[..end].iter().collect();
    s.trim().to_string()
}

/// Whether the word ending just before a `.` (the `.` not included) is an abbreviation.
fn is_abbreviation(before: &[char]) -> bool {
    let start = before
        .iter()
        .rposition(|c| c.is_whitespace() || *c == '(')
        .map_or(0, |p| p + 1);
    let word: String = before[start..].iter().collect();
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // Single letters separated by dots: "U.S", "e.g", "a.m", and a lone initial like "J".
    let parts: Vec<&str> = word.split('.').collect();
    parts
        .iter()
        .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
        && (parts.len() > 1 || word.chars().all(char::is_uppercase))
}

#[cfg(test)]
mod tests {
    use super::first_sentence as fs;

    #[test]
    fn cuts_at_a_plain_sentence_end_and_drops_the_period() {
        assert_eq!(fs("Creates a thing. Then more."), "Creates a thing");
        assert_eq!(fs("One sentence only."), "One sentence only");
        assert_eq!(fs("No period at all"), "No period at all");
        assert_eq!(fs(""), "");
    }

    #[test]
    fn abbreviations_do_not_cut() {
        assert_eq!(
            fs("Use a type, e.g. a string. Next."),
            "Use a type, e.g. a string"
        );
        assert_eq!(
            fs("Use a type (e.g., string). Next."),
            "Use a type (e.g., string)"
        );
        assert_eq!(fs("That is, i.e. this. Next."), "That is, i.e. this");
        assert_eq!(
            fs("Regions, etc. are listed. Next."),
            "Regions, etc. are listed"
        );
        assert_eq!(
            fs("Only in the U.S. Government regions. Next."),
            "Only in the U.S. Government regions"
        );
        assert_eq!(fs("Compare A vs. B here. Next."), "Compare A vs. B here");
        assert_eq!(
            fs("Use e.g. Amazon S3 buckets. Next."),
            "Use e.g. Amazon S3 buckets"
        );
    }

    #[test]
    fn numbers_and_names_with_dots_do_not_cut() {
        assert_eq!(
            fs("Supports TLS 1.2 and 1.3 only. Next."),
            "Supports TLS 1.2 and 1.3 only"
        );
        assert_eq!(fs("Costs 0.5 dollars. Next."), "Costs 0.5 dollars");
        assert_eq!(
            fs("Calls s3.amazonaws.com now. Next."),
            "Calls s3.amazonaws.com now"
        );
        assert_eq!(fs("Version 2.0 is out."), "Version 2.0 is out");
    }

    #[test]
    fn amazon_s3_at_the_end_of_a_sentence_cuts() {
        assert_eq!(
            fs("Stores data in Amazon S3. The data is kept."),
            "Stores data in Amazon S3"
        );
        assert_eq!(fs("Ends in etc. The next one."), "Ends in etc");
    }

    #[test]
    fn question_and_exclamation_marks_are_kept() {
        assert_eq!(fs("Is it on? Yes."), "Is it on?");
        assert_eq!(fs("Stop! Now."), "Stop!");
    }

    #[test]
    fn closing_brackets_and_quotes_stay_with_the_sentence() {
        assert_eq!(fs("Call it (once.) Then stop."), "Call it (once.)");
    }
}
