//! Generated output as an in-memory set of files, written atomically or compared for `--check`.
//!
//! Paths are relative, `/`-separated and checked so that nothing can land outside the output directory.
//! Writing builds the whole tree in a sibling temporary directory and swaps it in; unchanged files keep
//! their modification time so that cargo does not rebuild what did not change.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// Files by relative path, in sorted order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileSet {
    files: BTreeMap<String, Vec<u8>>,
}

/// Why a path cannot be part of the output.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("refusing output path {path:?}: {reason}")]
pub struct BadPath {
    pub path: String,
    pub reason: &'static str,
}

/// One difference between a [`FileSet`] and a directory.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stale {
    /// Would be created.
    Missing(String),
    /// Exists with other content.
    Changed(String),
    /// Exists but would be removed.
    Extra(String),
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stale::Missing(p) => write!(f, "missing: {p}"),
            Stale::Changed(p) => write!(f, "changed: {p}"),
            Stale::Extra(p) => write!(f, "no longer generated: {p}"),
        }
    }
}

/// Longest path component accepted (most file systems stop at 255 bytes).
const MAX_COMPONENT: usize = 255;

/// Check one relative output path.
pub fn check_path(path: &str) -> Result<(), BadPath> {
    let bad = |reason| {
        Err(BadPath {
            path: path.to_string(),
            reason,
        })
    };
    if path.is_empty() {
        return bad("empty path");
    }
    if path.starts_with('/') {
        return bad("absolute path");
    }
    if path.contains('\\') || path.contains('\0') || path.contains(':') {
        return bad("contains a backslash, NUL or colon");
    }
    for part in path.split('/') {
        if part.is_empty() || part == "." || part == ".." {
            return bad("empty, `.` or `..` component");
        }
        if part.len() > MAX_COMPONENT {
            return bad("component longer than 255 bytes");
        }
        if part.chars().any(char::is_control) {
            return bad("control character");
        }
    }
    Ok(())
}

impl FileSet {
    pub fn new() -> Self {
        Self::default()
    }

    /// Add a file; the path must pass [`check_path`] and not be added twice.
    pub fn insert(
        &mut self,
        path: impl Into<String>,
        content: impl Into<Vec<u8>>,
    ) -> Result<(), BadPath> {
        let path = path.into();
        check_path(&path)?;
        if self.files.contains_key(&path) {
            return Err(BadPath {
                path,
                reason: "produced twice",
            });
        }
        self.files.insert(path, content.into());
        Ok(())
    }

    /// Add every file of `other` under `prefix/`.
    pub fn extend_under(&mut self, prefix: &str, other: FileSet) -> Result<(), BadPath> {
        for (path, content) in other.files {
            self.insert(format!("{prefix}/{path}"), content)?;
        }
        Ok(())
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files.get(path).map(Vec::as_slice)
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Files in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.files.iter().map(|(p, c)| (p.as_str(), c.as_slice()))
    }

    /// How `dir` differs from this set (empty when up to date).
    pub fn compare(&self, dir: &Path) -> io::Result<Vec<Stale>> {
        let mut out = Vec::new();
        let existing = list_files(dir)?;
        for (path, content) in &self.files {
            match fs::read(dir.join(path)) {
                Ok(old) if &old == content => {}
                Ok(_) => out.push(Stale::Changed(path.clone())),
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    out.push(Stale::Missing(path.clone()))
                }
                Err(e) => return Err(e),
            }
        }
        for path in existing {
            if !self.files.contains_key(&path) {
                out.push(Stale::Extra(path));
            }
        }
        out.sort();
        Ok(out)
    }

    /// Replace `dir` with exactly these files. The new tree is built beside `dir` and swapped in; a
    /// failure at any point before the swap leaves `dir` as it was.
    pub fn write_atomic(&self, dir: &Path) -> io::Result<()> {
        let parent = dir
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent)?;
        recover_interrupted_swap(dir)?;
        remove_stale_staging(parent, dir)?;
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let staging = tempdir_in(parent, &format!(".{name}.new"))?;
        let result = self
            .fill(&staging, dir)
            .and_then(|()| swap_in(&staging, dir));
        if result.is_err() {
            let _ = fs::remove_dir_all(&staging);
        }
        result
    }

    /// Write every file under `staging`, keeping the modification time of files unchanged in `old`.
    fn fill(&self, staging: &Path, old: &Path) -> io::Result<()> {
        for (path, content) in &self.files {
            let target = staging.join(path);
            if let Some(p) = target.parent() {
                fs::create_dir_all(p)?;
            }
            fs::write(&target, content)?;
            let previous = old.join(path);
            if let Ok(meta) = fs::metadata(&previous) {
                if meta.is_file()
                    && meta.len() == content.len() as u64
                    && fs::read(&previous)? == *content
                {
                    fs::File::options()
                        .write(true)
                        .open(&target)?
                        .set_modified(meta.modified()?)?;
                }
            }
        }
        Ok(())
    }
}

/// Rename `staging` to `dir`, moving the previous `dir` aside first and deleting it afterwards.
fn swap_in(staging: &Path, dir: &Path) -> io::Result<()> {
    let backup = backup_path(dir);
    if dir.exists() {
        if backup.exists() {
            fs::remove_dir_all(&backup)?;
        }
        fs::rename(dir, &backup)?;
    }
    if let Err(e) = fs::rename(staging, dir) {
        if backup.exists() {
            fs::rename(&backup, dir)?;
        }
        return Err(e);
    }
    if backup.exists() {
        fs::remove_dir_all(&backup)?;
    }
    Ok(())
}

/// If a previous run died between its two renames, put the old tree back.
fn recover_interrupted_swap(dir: &Path) -> io::Result<()> {
    let backup = backup_path(dir);
    if backup.exists() {
        if dir.exists() {
            fs::remove_dir_all(&backup)?;
        } else {
            fs::rename(&backup, dir)?;
        }
    }
    Ok(())
}

/// Remove staging trees (`.<name>.new-<pid>-<n>`) left beside `dir` by runs that were killed before
/// they could swap or clean up. (Two runs writing the same directory at once are not supported: the
/// later one removes the earlier one's staging tree, which then fails cleanly.)
fn remove_stale_staging(parent: &Path, dir: &Path) -> io::Result<()> {
    let Some(name) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return Ok(());
    };
    let prefix = format!(".{name}.new-");
    for entry in fs::read_dir(parent)? {
        let entry = entry?;
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&prefix) && entry.file_type()?.is_dir() {
            fs::remove_dir_all(entry.path())?;
        }
    }
    Ok(())
}

fn backup_path(dir: &Path) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    dir.with_file_name(format!(".{name}.old"))
}

/// A fresh, uniquely named directory in `parent`.
fn tempdir_in(parent: &Path, prefix: &str) -> io::Result<PathBuf> {
    for n in 0..1000u32 {
        let p = parent.join(format!("{prefix}-{}-{n}", std::process::id()));
        match fs::create_dir(&p) {
            Ok(()) => return Ok(p),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("cannot create a staging directory"))
}

/// Every regular file under `dir`, as sorted `/`-separated relative paths; empty when `dir` is absent.
pub fn list_files(dir: &Path) -> io::Result<Vec<String>> {
    let mut out = Vec::new();
    if dir.is_dir() {
        walk(dir, "", &mut out)?;
    }
    out.sort();
    Ok(out)
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&entry.path(), &rel, out)?;
        } else {
            out.push(rel);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_escape_are_refused() {
        for bad in [
            "",
            "/etc/passwd",
            "../x",
            "a/../../x",
            "a//b",
            "./a",
            "a\\b",
            "c:x",
            "a/\0",
        ] {
            assert!(check_path(bad).is_err(), "{bad:?} accepted");
        }
        assert!(check_path(&"x".repeat(256)).is_err());
        for good in ["a", "a/b.rs", "man/sagemaker_x.Rd", "con", ".hidden"] {
            assert!(check_path(good).is_ok(), "{good:?} refused");
        }
    }

    #[test]
    fn write_replaces_exactly_and_compare_sees_changes() {
        let tmp = std::env::temp_dir().join(format!("fileset-test-{}", std::process::id()));
        let _ = fs::remove_dir_all(&tmp);
        let out = tmp.join("out");
        let mut a = FileSet::new();
        a.insert("x/one.txt", "1").unwrap();
        a.insert("two.txt", "2").unwrap();
        a.write_atomic(&out).unwrap();
        assert!(a.compare(&out).unwrap().is_empty());
        let mut b = FileSet::new();
        b.insert("two.txt", "22").unwrap();
        b.insert("three.txt", "3").unwrap();
        assert_eq!(
            b.compare(&out).unwrap(),
            vec![
                Stale::Missing("three.txt".into()),
                Stale::Changed("two.txt".into()),
                Stale::Extra("x/one.txt".into())
            ]
        );
        b.write_atomic(&out).unwrap();
        assert_eq!(list_files(&out).unwrap(), vec!["three.txt", "two.txt"]);
        assert!(b.compare(&out).unwrap().is_empty());
        fs::remove_dir_all(&tmp).unwrap();
    }
}
