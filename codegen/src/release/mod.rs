//! Versions and changelogs from the semantic diff. Each generated package gets its own verdict:
//!
//! - the **Rust crate** by what the change does to the crate's Rust API ([`rust_bump`]): every struct
//!   and enum is `#[non_exhaustive]`, so a new member, enum value or operation is a minor change, a
//!   removed one or a changed type is a major one, and a tightened constraint (checked by
//!   `validate()`, not by the type system) is a patch. `xtask/tests/release_semver.rs` checks these
//!   verdicts against `cargo-semver-checks`.
//! - the **R package** by the model diff's severity ([`r_bump`], smithy-diff's classes): its functions
//!   pass the service's API through unchanged, so what breaks a client of the service (an enum value
//!   inserted mid-list, a tightened constraint) is a major change for it.
//!
//! Version arithmetic follows Cargo's reading of semver: below 1.0.0 the minor number is the major
//! one (`0.3.1` -> `0.4.0` for a breaking change, `0.3.2` for anything else).

mod verdict;

pub use verdict::{r_bump, rust_bump};

use crate::diff::{report, Event};
use std::fmt;

/// How far a version moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// Nothing changed.
    None,
    /// Fixes, documentation, behaviour within the same API.
    Patch,
    /// Additions.
    Minor,
    /// Breaking changes.
    Major,
}

impl Bump {
    pub fn as_str(self) -> &'static str {
        match self {
            Bump::None => "none",
            Bump::Patch => "patch",
            Bump::Minor => "minor",
            Bump::Major => "major",
        }
    }
}

impl fmt::Display for Bump {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `version` moved by `bump` (`MAJOR.MINOR.PATCH`, no pre-release or build part).
pub fn bump_version(version: &str, bump: Bump) -> Result<String, String> {
    let parts: Vec<&str> = version.split('.').collect();
    let nums: Vec<u64> = parts
        .iter()
        .map(|p| p.parse::<u64>())
        .collect::<Result<_, _>>()
        .map_err(|_| format!("version {version:?} is not MAJOR.MINOR.PATCH"))?;
    let [major, minor, patch] = nums[..] else {
        return Err(format!("version {version:?} is not MAJOR.MINOR.PATCH"));
    };
    let next = match (bump, major) {
        (Bump::None, _) => (major, minor, patch),
        (Bump::Major, 0) => (0, minor + 1, 0),
        (Bump::Major, _) => (major + 1, 0, 0),
        (Bump::Minor, 0) | (Bump::Patch, _) => (major, minor, patch + 1),
        (Bump::Minor, _) => (major, minor + 1, 0),
    };
    Ok(format!("{}.{}.{}", next.0, next.1, next.2))
}

/// The changelog entry of one package: the new version and date as its title, the verdict and why,
/// then the model changes grouped as `cargo xtask diff --format changelog` groups them.
pub fn changelog_entry(
    version: &str,
    date: &str,
    bump: Bump,
    why: &str,
    events: &[Event],
) -> String {
    let body = report::changelog(events, &format!("{version} ({date})"));
    let (title, rest) = body.split_once("\n\n").unwrap_or((body.as_str(), ""));
    format!(
        "{title}\n\n{} release: {why}.\n\n{rest}",
        capitalised(bump.as_str())
    )
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// The changelog title line.
pub const CHANGELOG_TITLE: &str = "# Changelog";

/// `entry` placed above the previous entries of `changelog` (a new changelog when empty).
pub fn prepend_entry(changelog: &str, entry: &str) -> String {
    let rest = changelog
        .strip_prefix(CHANGELOG_TITLE)
        .unwrap_or(changelog)
        .trim_start_matches('\n');
    let mut out = format!("{CHANGELOG_TITLE}\n\n{}\n", entry.trim_end());
    if !rest.trim().is_empty() {
        out.push('\n');
        out.push_str(rest);
    }
    out
}

/// The version of the newest entry (`## 0.2.0 (2026-12-01)` -> `0.2.0`).
pub fn latest_version(changelog: &str) -> Option<&str> {
    changelog
        .lines()
        .find_map(|l| l.strip_prefix("## "))
        .and_then(|t| t.split_whitespace().next())
}

#[cfg(test)]
mod tests;
