//! Cross-check of the two R renderings: roxygen2 turns our roxygen markdown into the same Rd as our
//! Rd renderer (up to layout), for the documentation of the SageMaker endpoint-config operations,
//! their input and output members, a sample of the rest of the model, and hostile strings.
//!
//! Needs R with roxygen2 (Debian: `apt-get install -y --no-install-recommends r-cran-roxygen2`);
//! it fails with that message when roxygen2 is missing (`.ci/run` installs it).

use codegen::docs::{escape_roxygen_text, parse_html, RenderOptions};
use serde_json::Value;
use std::process::Command;

const CONVERT: &str = r#"
args <- commandArgs(trailingOnly = TRUE)
suppressMessages(library(roxygen2))
txt <- paste(readLines(args[1], encoding = "UTF-8"), collapse = "\n")
res <- withCallingHandlers(
  roc_proc_text(rd_roclet(), txt),
  warning = function(w) { cat("WARNING:", conditionMessage(w), "\n"); invokeRestart("muffleWarning") }
)
out <- character()
for (n in names(res)) {
  d <- format(res[[n]])
  desc <- sub("(?s).*\\\\description\\{\n(.*)\n\\}\n?$", "\\1", d, perl = TRUE)
  out <- c(out, paste0("==", sub("[.]Rd$", "", n), "=="), desc)
}
writeLines(out, args[2], useBytes = TRUE)
"#;

const HOSTILE: &[&str] = &[
    "100% {braces} a\\b \\u0041 @user email@example.com [x](y) *a* _b_ `c` ~d~ |e| &amp;f &lt;g&gt;",
    "<p>- not a list # nor a heading 1. nor this</p><p>+ x > y</p>",
    "<code>a{b</code> <code>\"q</code> <code>100%</code> <code>a\\b</code> <code>x@y</code>",
    "<ul><li><p>one <b>bold</b></p></li><li><p>two <a href=\"a/b%20c\">link</a></p></li></ul>",
    "<ol><li>first<ul><li>nested <i>it</i></li></ul></li><li>second</li></ol>",
    "<pre>code {x}\n  100% \\d @e</pre>",
    "<p><code>\"Resource\": [</code></p><p><code>\"arn\"</code></p><p><code>]</code> and <code>a[0]</code></p>",
];

fn documentation_sample(model: &Value) -> Vec<String> {
    let mut out: Vec<String> = HOSTILE.iter().map(|s| s.to_string()).collect();
    let ops = [
        "CreateEndpointConfig",
        "DescribeEndpointConfig",
        "ListEndpointConfigs",
        "DeleteEndpointConfig",
    ];
    for op in ops {
        let o = &model["operations"][op];
        out.extend(o["documentation"].as_str().map(str::to_string));
        for io in ["input", "output"] {
            let Some(shape) = o[io]["shape"].as_str() else {
                continue;
            };
            if let Some(members) = model["shapes"][shape]["members"].as_object() {
                out.extend(
                    members
                        .values()
                        .filter_map(|m| m["documentation"].as_str())
                        .map(str::to_string),
                );
            }
        }
    }
    // Every 25th shape's documentation, for variety.
    if let Some(shapes) = model["shapes"].as_object() {
        out.extend(
            shapes
                .values()
                .step_by(25)
                .filter_map(|s| s["documentation"].as_str())
                .map(str::to_string),
        );
    }
    out
}

/// Whitespace collapsed; the layout differences between roxygen2 and us removed: `\verb{}` and
/// `\code{}` (roxygen2 picks by whether the code parses as R), brace escapes inside them, two
/// adjacent lists (CommonMark merges them).
fn normalise(rd: &str) -> String {
    let s = rd
        .replace("\\verb{", "\\code{")
        .replace("\\{", "{")
        .replace("\\}", "}");
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.replace("} \\itemize{", "").replace("} \\enumerate{", "")
}

#[test]
fn roxygen2_makes_our_rd_from_our_markdown() {
    let has_roxygen = Command::new("Rscript")
        .args(["-e", "library(roxygen2)"])
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    assert!(
        has_roxygen,
        "R with roxygen2 is required: apt-get install -y --no-install-recommends r-cran-roxygen2"
    );
    let path = tests::sagemaker_botocore("1.35.0");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let model: Value = serde_json::from_str(&text).expect("json");
    let mut opts = RenderOptions {
        width: 72,
        ..Default::default()
    };
    for op in model["operations"].as_object().expect("operations").keys() {
        opts.operation_links
            .insert(op.clone(), format!("sagemaker_{}", op.to_lowercase()));
    }
    let docs = documentation_sample(&model);

    let mut r = String::new();
    let mut ours = Vec::new();
    for (i, html) in docs.iter().enumerate() {
        let doc = parse_html(html);
        let title = escape_roxygen_text(&doc.first_sentence());
        let title = if title.is_empty() {
            "Untitled".to_string()
        } else {
            title
        };
        let md = doc.to_markdown(&opts);
        let body: Vec<String> = md.lines().map(|l| format!("#' {l}")).collect();
        r.push_str(&format!(
            "#' {title}\n#'\n#' @description\n{}\n#' @md\n#' @name doc{i}\nNULL\n\n",
            body.join("\n")
        ));
        ours.push(doc.to_rd(&opts));
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (input, output, script) = (
        dir.path().join("in.R"),
        dir.path().join("out.txt"),
        dir.path().join("c.R"),
    );
    std::fs::write(&input, r).expect("write");
    std::fs::write(&script, CONVERT).expect("write");
    let run = Command::new("Rscript")
        .arg(&script)
        .arg(&input)
        .arg(&output)
        .output()
        .expect("Rscript");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "roxygen2 failed:\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(!stdout.contains("WARNING"), "roxygen2 warned:\n{stdout}");

    let converted = std::fs::read_to_string(&output).expect("roxygen2 output");
    let mut theirs = vec![String::new(); docs.len()];
    let mut current = None;
    for line in converted.lines() {
        if let Some(n) = line
            .strip_prefix("==doc")
            .and_then(|l| l.strip_suffix("=="))
        {
            current = n.parse::<usize>().ok();
        } else if let Some(slot) = current.and_then(|i| theirs.get_mut(i)) {
            slot.push_str(line);
            slot.push('\n');
        }
    }
    for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        assert_eq!(normalise(a), normalise(b), "doc{i}: {:?}", docs[i]);
    }
}
