//! Staying in sync with a pinned upstream model, without any I/O: checking a downloaded body against
//! its `Content-Length` and its sha256 pin, loading it from bytes, and rewriting the pin in a manifest
//! (only the `sha256` line of `[upstream]` changes). The command (`cargo xtask sync`) does the fetching
//! and the writing.

use crate::diag::Diagnostics;
use crate::digest::sha256_hex;
use crate::ir::Model;
use crate::manifest::Manifest;
use std::path::Path;

/// A body shorter or longer than the `Content-Length` the server announced.
pub fn check_length(got: usize, announced: Option<u64>) -> Result<(), String> {
    match announced {
        Some(n) if n != got as u64 => Err(format!(
            "truncated download: the server announced {n} bytes (Content-Length) but sent {got}"
        )),
        _ => Ok(()),
    }
}

/// The outcome of checking a file against its pin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pin {
    /// The file is the pinned one.
    Matches,
    /// The file differs from the pin; `actual` is its sha256.
    Differs { pinned: String, actual: String },
}

/// Compare `bytes` with the pinned hex sha256 (case-insensitive).
pub fn check_pin(bytes: &[u8], pinned: &str) -> Pin {
    let actual = sha256_hex(bytes);
    if actual.eq_ignore_ascii_case(pinned) {
        Pin::Matches
    } else {
        Pin::Differs {
            pinned: pinned.to_string(),
            actual,
        }
    }
}

/// Load a model of either form from bytes named `name` (its file name decides gunzipping: `.gz`).
/// The bytes go through a private temporary directory so that the front-ends see a normal file.
pub fn load_bytes(name: &str, bytes: &[u8]) -> Result<Model, Diagnostics> {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = if safe.trim_matches('.').is_empty() {
        "model.json".to_string()
    } else {
        safe
    };
    let io_err = |e: std::io::Error| {
        let mut d = Diagnostics::new();
        d.push(
            name,
            None,
            "",
            format!("cannot stage the downloaded file: {e}"),
        );
        d
    };
    let dir = tempfile::tempdir().map_err(io_err)?;
    let path = dir.path().join(&safe);
    std::fs::write(&path, bytes).map_err(io_err)?;
    let result = crate::load::load_file(&path);
    // Name the source, not the staging file, in messages.
    result.map_err(|mut d| {
        for x in &mut d.0 {
            if Path::new(&x.file) == path {
                x.file = name.to_string();
            }
        }
        d
    })
}

/// The manifest text with `[upstream] sha256` set to `sha256`; every other byte is kept. The result
/// must still parse as a manifest.
pub fn set_pinned_sha256(manifest: &str, sha256: &str) -> Result<String, String> {
    if sha256.len() != 64 || !sha256.chars().all(|c| c.is_ascii_hexdigit()) {
        return Err(format!("{sha256:?} is not a hex sha256"));
    }
    let out = set_string_key(manifest, "upstream", "sha256", sha256)?;
    let parsed: Manifest = toml::from_str(&out).map_err(|e| e.to_string())?;
    if !parsed.upstream.sha256.eq_ignore_ascii_case(sha256) {
        return Err("the rewritten manifest does not hold the new sha256".into());
    }
    Ok(out)
}

/// Rewrite the line `key = "..."` of `[section]` in a manifest's text to hold `value` (a plain string
/// without quotes or backslashes); every other line stays as it was.
pub fn set_string_key(
    manifest: &str,
    section: &str,
    key: &str,
    value: &str,
) -> Result<String, String> {
    if value.contains(['"', '\\', '\n', '\r']) {
        return Err(format!(
            "{value:?} cannot be written as a plain TOML string"
        ));
    }
    let header = format!("[{section}]");
    let mut current = String::new();
    let mut done = false;
    let mut out = String::with_capacity(manifest.len());
    for line in manifest.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            current = t.trim_end().to_string();
        }
        let k = t.split('=').next().unwrap_or("").trim();
        if !done && current == header && k == key && t.contains('=') {
            let indent = &line[..line.len() - t.len()];
            let ending = if line.ends_with("\r\n") {
                "\r\n"
            } else if line.ends_with('\n') {
                "\n"
            } else {
                ""
            };
            out.push_str(&format!("{indent}{key} = \"{value}\"{ending}"));
            done = true;
        } else {
            out.push_str(line);
        }
    }
    if !done {
        return Err(format!(
            "the manifest has no `{key} = ...` line in {header}"
        ));
    }
    Ok(out)
}

/// The last path segment of a URL or path (`service-2.json`), for messages and staging.
pub fn file_name(source: &str) -> &str {
    let no_query = source.split(['?', '#']).next().unwrap_or(source);
    no_query
        .rsplit(['/', '\\'])
        .find(|s| !s.is_empty())
        .unwrap_or("model.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = "# pinned\n[service]\nid = \"x\"\nprojection = \"x.projection.json\"\n\n\
        [upstream]\nurl = \"https://example.com/m.json\"\n# the pin\nsha256 = \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"\n\n\
        [selection]\noperations = [\"A\"]\n\n[rust]\ncrate_name = \"x\"\nversion = \"0.1.0\"\n\
        description = \"d\"\nlicense = \"MIT\"\n\n[r]\npackage = \"x\"\nversion = \"0.1.0\"\ntitle = \"t\"\n";

    #[test]
    fn pin_rewrite_touches_only_that_line() {
        let new = "b".repeat(64);
        let out = set_pinned_sha256(MANIFEST, &new).unwrap();
        let changed: Vec<(&str, &str)> = MANIFEST
            .lines()
            .zip(out.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(changed.len(), 1, "{changed:?}");
        assert_eq!(changed[0].1, format!("sha256 = \"{new}\""));
        assert_eq!(MANIFEST.lines().count(), out.lines().count());
        assert!(set_pinned_sha256(MANIFEST, "xyz").is_err());
        assert!(set_pinned_sha256("[upstream]\nurl = \"u\"\n", &new).is_err());
    }

    #[test]
    fn pins_and_lengths() {
        let sha = sha256_hex(b"abc");
        assert_eq!(check_pin(b"abc", &sha.to_uppercase()), Pin::Matches);
        assert!(matches!(check_pin(b"abd", &sha), Pin::Differs { .. }));
        assert!(check_length(10, Some(10)).is_ok());
        assert!(check_length(10, None).is_ok());
        let e = check_length(5, Some(10)).unwrap_err();
        assert!(
            e.contains("announced 10 bytes") && e.contains("sent 5"),
            "{e}"
        );
    }

    #[test]
    fn names_and_bad_bytes() {
        assert_eq!(
            file_name("https://h/a/b/service-2.json?x=1"),
            "service-2.json"
        );
        assert_eq!(file_name("dir/m.json.gz"), "m.json.gz");
        let err = load_bytes("https://h/m.json", b"{ not json").unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("https://h/m.json") && text.contains("invalid JSON"),
            "{text}"
        );
        let err = load_bytes("m.json", b"{\"neither\": 1}").unwrap_err();
        assert!(err.to_string().contains("not a model"), "{err}");
    }
}
