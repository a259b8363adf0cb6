//! The shared `credentials` and `config` files: an INI-like format of `[profile]` sections and
//! `key = value` lines. In `config` a profile's section is `[profile NAME]` (or `[default]`); in
//! `credentials` it is `[NAME]`. Where both files set a key of one profile, `credentials` wins.
//! Comment lines start with `#` or `;`; an indented line continues the property above it (a nested
//! block when that property's value is empty). Sections of other kinds (`[sso-session x]`,
//! `[services x]`) are skipped.

use super::Env;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// Which of the two files a text is (they name sections differently).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// `~/.aws/config`: `[default]`, `[profile NAME]`.
    Config,
    /// `~/.aws/credentials`: `[NAME]`.
    Credentials,
}

/// A malformed or unreadable shared file: the file, the line (1-based; 0 when not about a line) and
/// what is wrong. Never holds a value from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileFileError {
    /// The file.
    pub path: PathBuf,
    /// The line, 1-based (0: the whole file).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ProfileFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path.display(), self.message)
        } else {
            write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
        }
    }
}

impl std::error::Error for ProfileFileError {}

/// Every profile of the shared files: profile name -> lower-case key -> value.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ProfileSet {
    profiles: BTreeMap<String, BTreeMap<String, String>>,
}

impl fmt::Debug for ProfileSet {
    /// Profile and key names only: values may be secrets.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for (name, keys) in &self.profiles {
            m.entry(name, &keys.keys().collect::<Vec<_>>());
        }
        m.finish()
    }
}

impl ProfileSet {
    /// Reads the config file (`AWS_CONFIG_FILE`, else `~/.aws/config`) and then the credentials file
    /// (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`); a missing file is empty.
    pub fn load(env: &Env) -> Result<Self, ProfileFileError> {
        let mut set = Self::default();
        for (kind, var, default) in [
            (FileKind::Config, "AWS_CONFIG_FILE", "config"),
            (
                FileKind::Credentials,
                "AWS_SHARED_CREDENTIALS_FILE",
                "credentials",
            ),
        ] {
            let path = match env.get(var) {
                Some(p) => PathBuf::from(p),
                None => match env.home() {
                    Some(home) => home.join(".aws").join(default),
                    None => continue,
                },
            };
            match std::fs::read_to_string(&path) {
                Ok(text) => set.merge(Self::parse(&text, kind, &path)?),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => {
                    return Err(ProfileFileError {
                        path,
                        line: 0,
                        message: format!("cannot be read: {e}"),
                    })
                }
            }
        }
        Ok(set)
    }

    /// Parses one file's text (`path` only names it in errors).
    pub fn parse(text: &str, kind: FileKind, path: &Path) -> Result<Self, ProfileFileError> {
        let err = |line: usize, message: String| ProfileFileError {
            path: path.to_path_buf(),
            line,
            message,
        };
        let mut set = Self::default();
        // The profile being filled (None inside a skipped section), and the last key set in it.
        let mut current: Option<String> = None;
        let mut in_section = false;
        let mut last_key: Option<String> = None;
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let trimmed = raw.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with(';') {
                continue;
            }
            if raw.starts_with([' ', '\t']) && !trimmed.starts_with('[') {
                if !in_section {
                    return Err(err(n, "an indented line before any [section]".into()));
                }
                let (Some(profile), Some(key)) = (&current, &last_key) else {
                    if current.is_some() {
                        return Err(err(n, "an indented line with no property above it".into()));
                    }
                    continue;
                };
                let props = set.profiles.entry(profile.clone()).or_default();
                let value = props.entry(key.clone()).or_default();
                if value.is_empty() {
                    // A nested block (`s3 =` then `  max_concurrent_requests = 10`): kept as
                    // `s3.max_concurrent_requests`.
                    let Some((k, v)) = trimmed.split_once('=') else {
                        return Err(err(n, "a nested line without `=`".into()));
                    };
                    let nested = format!("{key}.{}", k.trim().to_ascii_lowercase());
                    props.insert(nested, v.trim().to_string());
                } else {
                    value.push('\n');
                    value.push_str(trimmed);
                }
                continue;
            }
            if let Some(rest) = trimmed.strip_prefix('[') {
                let Some(end) = rest.find(']') else {
                    return Err(err(n, "a section header without `]`".into()));
                };
                let after = rest[end + 1..].trim();
                if !(after.is_empty() || after.starts_with('#') || after.starts_with(';')) {
                    return Err(err(n, "text after a section header's `]`".into()));
                }
                let header = rest[..end].trim();
                if header.is_empty() {
                    return Err(err(n, "an empty section name".into()));
                }
                in_section = true;
                last_key = None;
                current = section_profile(header, kind);
                if let Some(p) = &current {
                    set.profiles.entry(p.clone()).or_default();
                }
                continue;
            }
            let Some((key, value)) = trimmed.split_once('=') else {
                return Err(err(
                    n,
                    "a line that is neither `[section]` nor `key = value`".into(),
                ));
            };
            if !in_section {
                return Err(err(n, "a property before any [section]".into()));
            }
            let key = key.trim().to_ascii_lowercase();
            if key.is_empty() {
                return Err(err(n, "a property without a name".into()));
            }
            if let Some(p) = &current {
                let props = set.profiles.entry(p.clone()).or_default();
                props.insert(key.clone(), value.trim().to_string());
                last_key = Some(key);
            }
        }
        Ok(set)
    }

    /// Adds `other`'s profiles; where both set a key, `other`'s value wins.
    pub fn merge(&mut self, other: Self) {
        for (name, props) in other.profiles {
            self.profiles.entry(name).or_default().extend(props);
        }
    }

    /// A profile's properties (lower-case keys), if the files define it.
    pub fn profile(&self, name: &str) -> Option<&BTreeMap<String, String>> {
        self.profiles.get(name)
    }

    /// The profile names, sorted.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.profiles.keys().map(String::as_str)
    }
}

/// The profile a section header names, or None for a section that is not a profile.
fn section_profile(header: &str, kind: FileKind) -> Option<String> {
    match kind {
        FileKind::Credentials => Some(header.to_string()),
        FileKind::Config => {
            if header == "default" {
                return Some(header.to_string());
            }
            let rest = header.strip_prefix("profile")?;
            if !rest.starts_with([' ', '\t']) {
                return None;
            }
            Some(rest.trim().to_string()).filter(|n| !n.is_empty())
        }
    }
}
