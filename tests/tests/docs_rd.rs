//! Every documentation string of the full SageMaker model (botocore 1.35.0), rendered to Rd and
//! embedded in a minimal help page (title from its first sentence, text in `\description{}` and
//! in an `\item{}{}` of `\arguments{}`), passes R's `tools::checkRd()` with no output at all.
//! One `Rscript` run checks every page. R is required: without `Rscript` the test fails.

use codegen::docs::{escape_rd_text, parse_html, RenderOptions};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn collect_docs(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("documentation", Value::String(s)) => out.push(s.clone()),
                    _ => collect_docs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_docs(v, out)),
        _ => {}
    }
}

fn page(i: usize, html: &str, opts: &RenderOptions) -> String {
    let doc = parse_html(html);
    let title = doc.first_sentence();
    let title = if title.is_empty() {
        "Untitled".to_string()
    } else {
        escape_rd_text(&title)
    };
    let rd = doc.to_rd(opts);
    let rd = if rd.is_empty() {
        "No documentation.".to_string()
    } else {
        rd
    };
    format!(
        "\\name{{doc{i}}}\n\\alias{{doc{i}}}\n\\encoding{{UTF-8}}\n\\title{{{title}}}\n\\usage{{\ndoc{i}(x)\n}}\n\
         \\arguments{{\n\\item{{x}}{{{rd}}}\n}}\n\\description{{\n{rd}\n}}\n\\keyword{{internal}}\n"
    )
}

const CHECK: &str = r#"
files <- commandArgs(trailingOnly = TRUE)
dir <- files[1]
for (f in list.files(dir, pattern = "[.]Rd$", full.names = TRUE)) {
  msgs <- character()
  res <- withCallingHandlers(
    tryCatch(tools::checkRd(f), error = function(e) paste("ERROR:", conditionMessage(e))),
    warning = function(w) { msgs <<- c(msgs, conditionMessage(w)); invokeRestart("muffleWarning") },
    message = function(m) { msgs <<- c(msgs, conditionMessage(m)); invokeRestart("muffleMessage") }
  )
  out <- c(msgs, as.character(res))
  if (length(out) > 0) cat(basename(f), ": ", paste(out, collapse = " | "), "\n", sep = "")
}
cat("CHECKED", length(list.files(dir, pattern = "[.]Rd$")), "\n")
"#;

fn rscript() -> &'static str {
    let ok = Command::new("Rscript")
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        ok,
        "Rscript is required for the Rd checks and was not found: install R (Debian: \
         apt-get install -y --no-install-recommends r-base-core)"
    );
    "Rscript"
}

fn check_pages(dir: &Path, count: usize) {
    let script = dir.join("check.R");
    std::fs::write(&script, CHECK).expect("write check.R");
    let out = Command::new(rscript())
        .arg(&script)
        .arg(dir)
        .output()
        .expect("run Rscript");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "Rscript failed:\n{stderr}");
    let expected = format!("CHECKED {count} \n");
    assert!(
        stdout.ends_with(&expected),
        "checkRd reported problems:\n{stdout}\n{stderr}"
    );
    assert_eq!(stdout, expected, "checkRd reported problems:\n{stdout}");
}

#[test]
fn every_sagemaker_doc_string_passes_check_rd() {
    let path = tests::sagemaker_botocore("1.35.0");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let model: Value = serde_json::from_str(&text).expect("json");
    let mut docs = Vec::new();
    collect_docs(&model, &mut docs);
    docs.sort();
    docs.dedup();
    assert!(
        docs.len() > 3000,
        "only {} documentation strings",
        docs.len()
    );

    let mut opts = RenderOptions {
        width: 72,
        ..Default::default()
    };
    for op in model["operations"].as_object().expect("operations").keys() {
        opts.operation_links
            .insert(op.clone(), format!("sagemaker_{}", op.to_lowercase()));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, html) in docs.iter().enumerate() {
        std::fs::write(dir.path().join(format!("doc{i}.Rd")), page(i, html, &opts)).expect("write");
    }
    check_pages(dir.path(), docs.len());
}

#[test]
fn hostile_doc_strings_pass_check_rd() {
    let hostile = [
        "100% {unbalanced and \\ back\\slash \\u00e9 \\n} } {",
        "<code>a{b</code> <code>\"q</code> <code>'</code> <code>%</code> <code>\\</code> <code>`x`</code>",
        "<a>no href</a> <a href=\"\">empty</a> <a href=\"x{y}%z\\w\">odd url</a> <a href=\"#frag\">frag</a>",
        "<ul><li>one<ul><li>two<ol><li>three</li></ol></li></ul></li><li><p>p1</p><p>p2</p></li></ul>",
        "<p>unclosed <b>bold <i>both</p> after </code> stray </ul> </li>",
        "<pre>code {\n  x % 2 \\ y\n}</pre> #ifdef unix\n#ifdef windows",
        "*/ #[cfg(x)] @param x @@ [link](y) [[a]] \\item{x}{y} \\code{z}",
        "<p>\u{2028}line\u{7} separators\u{0} and controls</p>",
    ];
    let opts = RenderOptions {
        width: 72,
        ..Default::default()
    };
    let dir = tempfile::tempdir().expect("tempdir");
    for (i, html) in hostile.iter().enumerate() {
        std::fs::write(dir.path().join(format!("doc{i}.Rd")), page(i, html, &opts)).expect("write");
    }
    check_pages(dir.path(), hostile.len());
}
