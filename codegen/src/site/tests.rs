//! The site's layout, links and search index on a hand-made service.

use super::*;

fn service() -> Service {
    let page = |name: &str, function: &str, title: &str| OperationPage {
        name: name.into(),
        function: function.into(),
        title: title.into(),
        markdown: format!(
            "# {title}\n\n### Request syntax\n\n```r\nsvc$x(\n  A = \"string\"\n)\n```\n"
        ),
    };
    Service {
        id: "thing".into(),
        title: "Thing <Service>".into(),
        about: "R & Rust".into(),
        pages: vec![
            page("CreateThing", "thing_create_thing", "Creates a thing"),
            page("ListThings", "thing_list_things", "Lists </script> things"),
        ],
        changelogs: vec![(
            "thing-crate".into(),
            "# Changelog\n\n## 0.1.0\n\n- First.\n".into(),
        )],
        api_docs: Some("api/thing/index.html".into()),
    }
}

fn text(fs: &FileSet, path: &str) -> String {
    String::from_utf8(fs.get(path).unwrap_or_else(|| panic!("no {path}")).to_vec()).unwrap()
}

#[test]
fn every_page_is_laid_out_and_linked() {
    let site = build("Docs", &[service()]).unwrap();
    let paths: Vec<&str> = site.iter().map(|(p, _)| p).collect();
    assert_eq!(
        paths,
        [
            "assets/search-index.js",
            "assets/search.js",
            "assets/style.css",
            "index.html",
            "search.html",
            "thing/changelog.html",
            "thing/index.html",
            "thing/thing_create_thing.html",
            "thing/thing_list_things.html",
        ]
    );
    let landing = text(&site, "index.html");
    assert!(landing.contains(
        "<a href=\"thing/index.html\">Thing &lt;Service&gt;</a>: R &amp; Rust (2 operations)"
    ));
    let index = text(&site, "thing/index.html");
    assert!(index.contains("<a href=\"api/thing/index.html\">Rust API documentation</a>"));
    assert!(index.contains("<tr><td><a href=\"thing_list_things.html\"><code>thing_list_things</code></a></td><td>Lists &lt;/script&gt; things</td></tr>"));
    assert!(index.contains("href=\"../assets/style.css\""));
    let op = text(&site, "thing/thing_create_thing.html");
    assert!(op.contains("<h3 id=\"request-syntax\">"));
    assert!(op.contains("svc$x(\n  A = \"string\"\n)"));
    let log = text(&site, "thing/changelog.html");
    assert!(log.contains("<h2 id=\"thing-crate\">thing-crate"));
    assert!(log.contains("<h3 id=\"0-1-0\">0.1.0"));
    let search = text(&site, "search.html");
    assert!(
        search.find("assets/search-index.js").unwrap() < search.find("assets/search.js").unwrap()
    );
}

#[test]
fn search_index_lists_every_operation_and_cannot_close_a_script() {
    let site = build("Docs", &[service()]).unwrap();
    let js = text(&site, "assets/search-index.js");
    let json = js
        .split_once("window.AWSGEN_SEARCH = ")
        .unwrap()
        .1
        .trim_end()
        .trim_end_matches(';');
    let entries: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(entries.as_array().unwrap().len(), 2);
    assert_eq!(entries[0]["u"], "thing/thing_create_thing.html");
    assert_eq!(entries[1]["t"], "Lists </script> things");
    assert!(!js.contains("</script>"));
}

#[test]
fn a_service_without_api_docs_or_changelog_says_so() {
    let mut s = service();
    s.api_docs = None;
    s.changelogs.clear();
    let site = build("Docs", &[s]).unwrap();
    assert!(!text(&site, "thing/index.html").contains("Rust API"));
    assert!(text(&site, "thing/changelog.html").contains("No changelog yet."));
}
