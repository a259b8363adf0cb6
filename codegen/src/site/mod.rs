//! The documentation site: static HTML (no server, no build tool) from what the generator knows.
//!
//! Layout, relative to the site root: `index.html` (every service), `search.html` with
//! `assets/search-index.js` (every operation) and `assets/search.js`, and per service `<id>/index.html`
//! (its operations with one-line summaries, links to the changelog and the Rust API docs),
//! `<id>/changelog.html` and `<id>/<function>.html` (the docs page of one operation in the seed's format,
//! headings with permalinks). The Rust API docs themselves (`cargo doc` output) are laid under
//! `<id>/api/` by the command that runs cargo; [`Service::api_docs`] names the page to link.

mod html;

pub use html::{render as markdown_to_html, slug, Heading};

use crate::fileset::FileSet;
use crate::r::OperationPage;
use askama::Template;

/// One service of the site.
#[derive(Debug, Clone)]
pub struct Service {
    /// Directory name under the site root (`sagemaker`); one path part.
    pub id: String,
    /// Display title (`Amazon SageMaker Service`).
    pub title: String,
    /// What the packages are, one line (shown on the landing page).
    pub about: String,
    pub pages: Vec<OperationPage>,
    /// (package, its CHANGELOG.md) for each generated package.
    pub changelogs: Vec<(String, String)>,
    /// The crate's API docs front page relative to `<id>/` (`api/<crate>/index.html`), when built.
    pub api_docs: Option<String>,
}

#[derive(Template)]
#[template(path = "site/layout.html", escape = "html")]
struct Layout<'a> {
    notice: &'a str,
    title: &'a str,
    site: &'a str,
    /// Prefix from the page to the site root (`""` or `"../"`).
    root: &'a str,
    crumbs: Vec<(String, String)>,
    body: &'a str,
    scripts: Vec<&'a str>,
}

const STYLE: &str = include_str!("../../templates/site/style.css");
const SEARCH_JS: &str = include_str!("../../templates/site/search.js");

/// HTML-escape text (for the few fragments built here rather than in templates).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

struct Shell<'a> {
    site: &'a str,
}

impl Shell<'_> {
    fn page(
        &self,
        title: &str,
        root: &str,
        crumbs: Vec<(String, String)>,
        body: &str,
        scripts: Vec<&str>,
    ) -> Result<String, String> {
        Layout {
            notice: crate::r::NOTICE,
            title,
            site: self.site,
            root,
            crumbs,
            body,
            scripts,
        }
        .render()
        .map_err(|e| format!("rendering the site page {title:?}: {e}"))
    }
}

/// The whole site for `services` under the title `site`.
pub fn build(site: &str, services: &[Service]) -> Result<FileSet, String> {
    let shell = Shell { site };
    let mut out = FileSet::new();
    let mut put = |path: String, text: String| out.insert(path, text).map_err(|e| e.to_string());
    put("assets/style.css".into(), STYLE.into())?;
    put("assets/search.js".into(), SEARCH_JS.into())?;
    put("assets/search-index.js".into(), search_index(services))?;
    put("index.html".into(), landing(&shell, services)?)?;
    let search = "<h1>Search</h1>\n<p id=\"status\"></p>\n<ol id=\"results\"></ol>\n";
    put(
        "search.html".into(),
        shell.page(
            &format!("Search: {site}"),
            "",
            vec![("search.html".into(), "Search".into())],
            search,
            vec!["assets/search-index.js", "assets/search.js"],
        )?,
    )?;
    for s in services {
        let crumb = vec![("index.html".to_string(), s.title.clone())];
        put(format!("{}/index.html", s.id), service_index(&shell, s)?)?;
        put(format!("{}/changelog.html", s.id), changelog(&shell, s)?)?;
        for p in &s.pages {
            let (body, _) = html::render(&p.markdown);
            let title = format!("{} ({})", p.function, s.title);
            put(
                format!("{}/{}.html", s.id, p.function),
                shell.page(&title, "../", crumb.clone(), &body, vec![])?,
            )?;
        }
    }
    Ok(out)
}

fn landing(shell: &Shell, services: &[Service]) -> Result<String, String> {
    let mut body = format!("<h1>{}</h1>\n<ul class=\"services\">\n", esc(shell.site));
    for s in services {
        body.push_str(&format!(
            "<li><a href=\"{}/index.html\">{}</a>: {} ({} operations)</li>\n",
            esc(&s.id),
            esc(&s.title),
            esc(&s.about),
            s.pages.len()
        ));
    }
    body.push_str("</ul>\n");
    shell.page(shell.site, "", vec![], &body, vec![])
}

fn service_index(shell: &Shell, s: &Service) -> Result<String, String> {
    let mut body = format!(
        "<h1>{}</h1>\n<p>{}</p>\n<ul class=\"links\">\n",
        esc(&s.title),
        esc(&s.about)
    );
    if let Some(api) = &s.api_docs {
        body.push_str(&format!(
            "<li><a href=\"{}\">Rust API documentation</a> (<code>cargo doc</code>)</li>\n",
            esc(api)
        ));
    }
    body.push_str("<li><a href=\"changelog.html\">Changelog</a></li>\n</ul>\n");
    body.push_str("<h2 id=\"operations\">Operations<a class=\"headerlink\" href=\"#operations\" title=\"Permanent link\">¶</a></h2>\n<table class=\"operations\">\n");
    for p in &s.pages {
        body.push_str(&format!(
            "<tr><td><a href=\"{}.html\"><code>{}</code></a></td><td>{}</td></tr>\n",
            esc(&p.function),
            esc(&p.function),
            esc(&p.title)
        ));
    }
    body.push_str("</table>\n");
    shell.page(
        &s.title,
        "../",
        vec![("index.html".into(), s.title.clone())],
        &body,
        vec![],
    )
}

fn changelog(shell: &Shell, s: &Service) -> Result<String, String> {
    let mut body = format!("<h1>Changelog: {}</h1>\n", esc(&s.title));
    if s.changelogs.is_empty() {
        body.push_str("<p>No changelog yet.</p>\n");
    }
    let mut md = String::new();
    for (package, text) in &s.changelogs {
        // Each package's changelog under the package's name: its own title dropped, the rest one
        // heading level down.
        md.push_str(&format!("## {package}\n\n"));
        for line in text.lines() {
            if line.starts_with("# ") {
                continue;
            }
            if line.starts_with('#') {
                md.push('#');
            }
            md.push_str(line);
            md.push('\n');
        }
        md.push('\n');
    }
    body.push_str(&html::render(&md).0);
    shell.page(
        &format!("Changelog: {}", s.title),
        "../",
        vec![
            ("index.html".into(), s.title.clone()),
            ("changelog.html".into(), "Changelog".into()),
        ],
        &body,
        vec![],
    )
}

/// `window.AWSGEN_SEARCH = [...]`: one entry per operation (name, function, title, service, url).
fn search_index(services: &[Service]) -> String {
    let entries: Vec<serde_json::Value> = services
        .iter()
        .flat_map(|s| {
            s.pages.iter().map(move |p| {
                serde_json::json!({
                    "n": p.name,
                    "f": p.function,
                    "t": p.title,
                    "s": s.title,
                    "u": format!("{}/{}.html", s.id, p.function),
                })
            })
        })
        .collect();
    let json = serde_json::to_string(&entries).unwrap_or_else(|_| "[]".into());
    // `</` would end a script element if the file were ever inlined; keep it out.
    format!(
        "// Generated by codegen: do not edit by hand.\nwindow.AWSGEN_SEARCH = {};\n",
        json.replace("</", "<\\/")
    )
}

#[cfg(test)]
mod tests;
