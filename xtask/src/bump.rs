//! Version bumps and changelog entries for one service's packages, from the semantic diff between the
//! old and the new projection (see `codegen::release` for the verdicts). `sync` applies them with the
//! new projection; nothing here writes.
//!
//! Changelogs live in `models/changelog/<package>.md` (the source `regenerate` copies into each
//! package as `CHANGELOG.md`); versions in the manifest's `[rust]` and `[r]` sections.

use crate::paths;
use anyhow::{Context, Result};
use codegen::diff::Event;
use codegen::manifest::Manifest;
use codegen::release::{self, Bump};
use codegen::Model;
use std::path::PathBuf;

/// `models/changelog/<package>.md`.
pub fn changelog_path(package: &str) -> PathBuf {
    paths::models()
        .join("changelog")
        .join(format!("{package}.md"))
}

/// One package's verdict.
pub struct PackageBump {
    pub package: String,
    pub old_version: String,
    pub new_version: String,
    pub bump: Bump,
    pub why: String,
    /// The new changelog entry (markdown, `## version (date)` first).
    pub entry: String,
}

/// What a change of projection does to a service's packages.
pub struct Plan {
    pub rust: PackageBump,
    pub r: PackageBump,
}

impl Plan {
    /// The manifest text with both new versions.
    pub fn apply_to_manifest(&self, text: &str) -> Result<String> {
        let t = codegen::sync::set_string_key(text, "rust", "version", &self.rust.new_version)
            .map_err(anyhow::Error::msg)?;
        codegen::sync::set_string_key(&t, "r", "version", &self.r.new_version)
            .map_err(anyhow::Error::msg)
    }

    /// (changelog file, its new text) for each package that moves.
    pub fn changelogs(&self) -> Result<Vec<(PathBuf, String)>> {
        let mut out = Vec::new();
        for p in [&self.rust, &self.r] {
            if p.bump == Bump::None {
                continue;
            }
            let path = changelog_path(&p.package);
            let old = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
                Err(e) => return Err(e).with_context(|| format!("reading {}", path.display())),
            };
            out.push((path, release::prepend_entry(&old, &p.entry)));
        }
        Ok(out)
    }

    /// Both entries under the packages' names: the body of the regeneration pull request.
    pub fn summary(&self) -> String {
        let mut s = String::new();
        for p in [&self.rust, &self.r] {
            s.push_str(&format!(
                "# {} {} -> {} ({})\n\n{}\n",
                p.package,
                p.old_version,
                p.new_version,
                p.bump,
                p.entry.trim_end()
            ));
            s.push('\n');
        }
        s
    }
}

/// The bumps `events` (from `old` to `new`) ask of the manifest's packages, dated `date`.
pub fn plan(
    manifest: &Manifest,
    old: &Model,
    new: &Model,
    events: &[Event],
    date: &str,
) -> Result<Plan> {
    let (rb, rwhy) = release::rust_bump(old, new, events);
    let (pb, pwhy) = release::r_bump(events);
    let package = |name: &str, version: &str, bump: Bump, why: String| -> Result<PackageBump> {
        let new_version = release::bump_version(version, bump)
            .map_err(anyhow::Error::msg)
            .with_context(|| format!("the version of {name}"))?;
        let entry = release::changelog_entry(&new_version, date, bump, &why, events);
        Ok(PackageBump {
            package: name.to_string(),
            old_version: version.to_string(),
            new_version,
            bump,
            why,
            entry,
        })
    };
    Ok(Plan {
        rust: package(&manifest.rust.crate_name, &manifest.rust.version, rb, rwhy)?,
        r: package(&manifest.r.package, &manifest.r.version, pb, pwhy)?,
    })
}

/// Today's date (UTC) as `YYYY-MM-DD`, or `$AWSGEN_RELEASE_DATE` when set (reproducible runs).
pub fn today() -> String {
    if let Ok(d) = std::env::var("AWSGEN_RELEASE_DATE") {
        if !d.is_empty() {
            return d;
        }
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian (year, month, day).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil_from_days(0), (1970, 1, 1));
        assert_eq!(super::civil_from_days(20_423), (2025, 12, 1));
        assert_eq!(super::civil_from_days(11_016), (2000, 2, 29));
    }
}
