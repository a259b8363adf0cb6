//! Template strings (`"https://{Region}.{PartitionResult#dnsSuffix}"`): literal text with
//! `{name}` and `{name#path}` holes, `{{` and `}}` for literal braces; and `getAttr` paths
//! (`name`, `resourceId[1]`, `a.b[0]`).

use super::ruleset::PathPart;

/// A parsed template: text and holes, in order.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Template {
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Part {
    Text(String),
    /// `{name}` (empty path) or `{name#path}`.
    Hole(String, Vec<PathPart>),
}

impl Template {
    pub fn parse(s: &str) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chars = s.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().map(|&(_, n)| n) == Some('{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek().map(|&(_, n)| n) == Some('}') => {
                    chars.next();
                    text.push('}');
                }
                '{' => {
                    let rest = &s[i + 1..];
                    let end = rest
                        .find('}')
                        .ok_or_else(|| format!("unclosed `{{` in template `{s}`"))?;
                    let hole = &rest[..end];
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(parse_hole(hole).map_err(|e| format!("{e} in template `{s}`"))?);
                    // Skip the hole's characters and its closing brace.
                    for _ in 0..=hole.chars().count() {
                        chars.next();
                    }
                }
                c => text.push(c),
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(Template { parts })
    }

    /// The text, when the template has no holes.
    pub fn as_literal(&self) -> Option<String> {
        match self.parts.as_slice() {
            [] => Some(String::new()),
            [Part::Text(t)] => Some(t.clone()),
            _ => None,
        }
    }
}

fn parse_hole(hole: &str) -> Result<Part, String> {
    let (name, path) = match hole.split_once('#') {
        Some((name, path)) => (name, parse_path(path)?),
        None => (hole, Vec::new()),
    };
    if name.is_empty() || name.contains(['{', ' ']) {
        return Err(format!("bad reference `{{{hole}}}`"));
    }
    Ok(Part::Hole(name.to_owned(), path))
}

/// Parses a `getAttr` path: `.`-separated field names, each optionally followed by `[index]`.
pub(crate) fn parse_path(path: &str) -> Result<Vec<PathPart>, String> {
    let mut parts = Vec::new();
    for segment in path.split('.') {
        let (key, index) = match segment.split_once('[') {
            Some((key, rest)) => {
                let digits = rest
                    .strip_suffix(']')
                    .ok_or_else(|| format!("bad attribute path `{path}`"))?;
                let index: usize = digits
                    .parse()
                    .map_err(|_| format!("bad index in attribute path `{path}`"))?;
                (key, Some(index))
            }
            None => (segment, None),
        };
        if key.is_empty() && index.is_none() {
            return Err(format!("empty segment in attribute path `{path}`"));
        }
        if !key.is_empty() {
            parts.push(PathPart::Key(key.to_owned()));
        }
        if let Some(index) = index {
            parts.push(PathPart::Index(index));
        }
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holes_text_and_escapes() {
        let t = Template::parse("https://{Region}.{P#dnsSuffix}/{{x}}").unwrap();
        assert_eq!(
            t.parts,
            vec![
                Part::Text("https://".into()),
                Part::Hole("Region".into(), vec![]),
                Part::Text(".".into()),
                Part::Hole("P".into(), vec![PathPart::Key("dnsSuffix".into())]),
                Part::Text("/{x}".into()),
            ]
        );
        assert_eq!(
            Template::parse("a{{b}}").unwrap().as_literal().as_deref(),
            Some("a{b}")
        );
        assert!(Template::parse("x{Region").is_err());
        assert!(Template::parse("x{}").is_err());
    }

    #[test]
    fn paths() {
        assert_eq!(
            parse_path("resourceId[2]").unwrap(),
            vec![PathPart::Key("resourceId".into()), PathPart::Index(2)]
        );
        assert_eq!(
            parse_path("a.b").unwrap(),
            vec![PathPart::Key("a".into()), PathPart::Key("b".into())]
        );
        assert!(parse_path("a[x]").is_err());
        assert!(parse_path("a..b").is_err());
        assert!(parse_path("a[1").is_err());
    }
}
