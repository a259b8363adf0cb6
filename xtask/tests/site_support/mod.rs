//! Helpers for the site test: a link check over every HTML page of a built site, the headless
//! Chromium run (`tests/browser/check_site.mjs` through playwright-core), and the seed's Request syntax.

#![allow(dead_code)]

use scraper::{Html, Selector};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every internal link or anchor of the site that does not resolve, as `page: href (why)`; and the
/// number of internal links checked.
pub fn broken_links(site: &Path) -> (Vec<String>, usize) {
    let pages: Vec<String> = codegen::fileset::list_files(site)
        .expect("list the site")
        .into_iter()
        .filter(|p| p.ends_with(".html"))
        .collect();
    let mut ids: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut links: Vec<(String, String)> = Vec::new();
    let any_id = Selector::parse("[id], a[name]").expect("selector");
    let refs = Selector::parse("a[href], link[href], script[src], img[src]").expect("selector");
    for page in &pages {
        let text = std::fs::read_to_string(site.join(page)).expect("read page");
        let doc = Html::parse_document(&text);
        let set = doc
            .select(&any_id)
            .filter_map(|e| e.value().attr("id").or_else(|| e.value().attr("name")))
            .map(str::to_string)
            .collect();
        ids.insert(page.clone(), set);
        for e in doc.select(&refs) {
            let v = e.value();
            if let Some(h) = v.attr("href").or_else(|| v.attr("src")) {
                links.push((page.clone(), h.to_string()));
            }
        }
    }
    let mut broken = Vec::new();
    let mut checked = 0;
    for (page, href) in &links {
        if is_external(href) {
            continue;
        }
        checked += 1;
        let (path, fragment) = href.split_once('#').unwrap_or((href, ""));
        let path = path.split('?').next().unwrap_or("");
        let target = if path.is_empty() {
            page.clone()
        } else {
            match resolve(page, path) {
                Some(t) => t,
                None => {
                    broken.push(format!("{page}: {href} (leaves the site)"));
                    continue;
                }
            }
        };
        let target = if site.join(&target).is_dir() {
            format!("{}/index.html", target.trim_end_matches('/'))
        } else {
            target
        };
        if !site.join(&target).is_file() {
            broken.push(format!("{page}: {href} (no file {target})"));
            continue;
        }
        if !fragment.is_empty() && target.ends_with(".html") {
            // rustdoc's source pages give each line an id; a range `#10-20` is selected by its script.
            let fragment = match fragment.split_once('-') {
                Some((a, b)) if is_number(a) && is_number(b) => a,
                _ => fragment,
            };
            let known = ids.get(&target).is_some_and(|s| s.contains(fragment));
            if !known {
                broken.push(format!("{page}: {href} (no id {fragment:?} in {target})"));
            }
        }
    }
    (broken, checked)
}

fn is_number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_external(href: &str) -> bool {
    let scheme = href.split_once(':').map(|(s, _)| s);
    scheme.is_some_and(|s| {
        !s.is_empty()
            && !s.contains('/')
            && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '+')
    })
}

/// `rel` (relative to the directory of `page`) as a path from the site root; `None` above the root.
fn resolve(page: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = page.split('/').collect();
    parts.pop();
    for p in rel.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// What `check_site.mjs` reports.
pub struct Browser {
    pub json: serde_json::Value,
}

/// Run the Chromium check on `site`; panics (never skips) when Chromium, node or playwright-core is
/// missing, naming what to install.
pub fn browse(root: &Path, site: &Path, op_page: &str, query: &str, shot: &Path) -> Browser {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        Path::new(&chromium).is_file(),
        "Chromium is missing at {chromium} (Debian: apt-get install chromium; .ci/run installs it)"
    );
    let dir = root.join("tests/browser");
    assert!(
        dir.join("node_modules/playwright-core").is_dir(),
        "playwright-core is missing: run `npm ci --prefix tests/browser` (.ci/run does)"
    );
    let out = std::process::Command::new("node")
        .arg(dir.join("check_site.mjs"))
        .arg(site)
        .arg(op_page)
        .arg(query)
        .arg(shot)
        .env("CHROMIUM", &chromium)
        .output()
        .unwrap_or_else(|e| panic!("cannot run node (install nodejs): {e}"));
    assert!(
        out.status.success(),
        "check_site.mjs failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    let json = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "check_site.mjs printed no JSON ({e}): {}",
            String::from_utf8_lossy(&out.stdout)
        )
    });
    Browser { json }
}

/// The seed page's Request syntax lines (indentation was lost when it was copied).
pub fn seed_request_syntax(root: &Path) -> Vec<String> {
    let path: PathBuf = root.join("../shared/seed/sagemaker_create_endpoint_config.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the seed page is missing: {} ({e})", path.display()));
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == "Request syntax¶")
        .expect("the seed has a Request syntax heading");
    lines[start + 1..].iter().map(|l| l.to_string()).collect()
}

/// Each line indented two spaces per open parenthesis; panics naming the first line that is not.
pub fn assert_indented_by_nesting(lines: &[&str]) {
    let mut depth: usize = 0;
    for (i, line) in lines.iter().enumerate() {
        let body = line.trim_start();
        if body.starts_with(')') {
            depth = depth.checked_sub(1).expect("balanced parentheses");
        }
        assert_eq!(
            line.len() - body.len(),
            2 * depth,
            "line {}: {line:?}",
            i + 1
        );
        if body.ends_with('(') {
            depth += 1;
        }
    }
    assert_eq!(depth, 0, "unbalanced Request syntax");
}
