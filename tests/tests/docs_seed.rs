//! The documentation converter against the seed page (paws's published page for
//! `sagemaker_create_endpoint_config`, made from botocore 1.35.0): title, Description paragraphs
//! (text and line breaks) and argument texts. The doc strings are read from the upstream model.
//!
//! The seed is a copy of the rendered page: markup is gone, indentation is lost, every inline
//! code element is followed by a line break, and table cells (the arguments) are unwrapped. The
//! comparisons undo exactly that and nothing more.

use codegen::docs::{parse_html, RenderOptions};
use serde_json::Value;

const SEED: &str = "../shared/seed/sagemaker_create_endpoint_config.txt";

fn model() -> Value {
    let path = tests::sagemaker_botocore("1.35.0");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn seed() -> String {
    let path = tests::project_root().join(SEED);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the seed page is missing: {} ({e})", path.display()))
}

/// `CreateModel` -> `create_model` (enough for the operations these docs mention).
fn snake(op: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = op.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        if c.is_uppercase()
            && i > 0
            && (chars[i - 1].is_lowercase() || chars[i - 1].is_ascii_digit())
        {
            out.push('_');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn options(model: &Value) -> RenderOptions {
    let mut opts = RenderOptions {
        width: 72,
        ..Default::default()
    };
    for op in model["operations"].as_object().expect("operations").keys() {
        opts.operation_links
            .insert(op.clone(), format!("sagemaker_{}", snake(op)));
    }
    opts
}

/// The lines of the seed between two headings (the `¶` the copy kept after each heading).
fn seed_section(seed: &str, heading: &str, next: &str) -> Vec<String> {
    let lines: Vec<&str> = seed.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == format!("{heading}\u{b6}"))
        .expect("heading in seed");
    let end = lines
        .iter()
        .position(|l| *l == format!("{next}\u{b6}"))
        .expect("next heading in seed");
    lines[start + 1..end]
        .iter()
        .map(|l| l.trim_start().to_string())
        .collect()
}

/// Page markdown as the copied page shows it: markup removed, a line break after every code
/// span (the space after it dropped), blank lines and empty pieces gone.
fn as_copied(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in markdown.lines() {
        let line = line.trim_start();
        let line = line.strip_prefix("-   ").unwrap_or(line);
        let mut piece = String::new();
        let mut chars = line.chars().peekable();
        let mut in_code = false;
        while let Some(c) = chars.next() {
            match c {
                '`' if in_code => {
                    in_code = false;
                    // The link around a code span ends right after it.
                    if chars.peek() == Some(&']') {
                        chars.next();
                        if chars.peek() == Some(&'(') {
                            for c in chars.by_ref() {
                                if c == ')' {
                                    break;
                                }
                            }
                        }
                    }
                    out.push(std::mem::take(&mut piece));
                    if chars.peek() == Some(&' ') {
                        chars.next();
                    }
                }
                '`' => in_code = true,
                '[' if !in_code => {}
                ']' if !in_code && chars.peek() == Some(&'(') => {
                    for c in chars.by_ref() {
                        if c == ')' {
                            break;
                        }
                    }
                }
                '\\' if !in_code => piece.extend(chars.next()),
                _ => piece.push(c),
            }
        }
        out.push(piece);
    }
    out.into_iter()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn title_is_the_seed_title() {
    let model = model();
    let html = model["operations"]["CreateEndpointConfig"]["documentation"]
        .as_str()
        .expect("docs");
    let seed = seed();
    let seed_title = seed
        .lines()
        .nth(2)
        .expect("title line")
        .trim_end_matches('\u{b6}');
    assert_eq!(parse_html(html).first_sentence(), seed_title);
}

#[test]
fn description_matches_the_seed_line_for_line() {
    let model = model();
    let html = model["operations"]["CreateEndpointConfig"]["documentation"]
        .as_str()
        .expect("docs");
    let doc = parse_html(html);
    let opts = options(&model);
    let ours = as_copied(&doc.to_page_markdown(&opts));
    let theirs = seed_section(&seed(), "Description", "Usage");

    // Same text.
    assert_eq!(squash(&ours.join("")), squash(&theirs.join("")));

    // Same line breaks. One seed paragraph (the first `<note>`) is a single unwrapped line in the
    // published page; it must equal our wrapped lines joined, and it is the only such line.
    let mut i = 0;
    for line in &theirs {
        let mut joined = ours.get(i).cloned().unwrap_or_default();
        i += 1;
        while joined.len() < line.len() && i < ours.len() {
            joined = format!("{joined} {}", ours[i]);
            i += 1;
            assert!(
                line.starts_with("Use this API"),
                "our line breaks differ at: {line:?}"
            );
        }
        assert_eq!(&joined, line);
    }
    assert_eq!(
        i,
        ours.len(),
        "we have lines the seed lacks: {:?}",
        &ours[i.min(ours.len())..]
    );
}

#[test]
fn roxygen_markdown_links_operations_like_paws() {
    let model = model();
    let html = model["operations"]["CreateEndpointConfig"]["documentation"]
        .as_str()
        .expect("docs");
    let md = parse_html(html).to_markdown(&options(&model));
    assert!(
        md.contains("[`create_model`][sagemaker_create_model]"),
        "{md}"
    );
    assert!(
        md.contains("[`describe_endpoint_config`][sagemaker_describe_endpoint_config]"),
        "{md}"
    );
    assert!(md.lines().all(|l| !l.starts_with(' ')), "{md}");
    assert_eq!(md.split("\n\n").count(), 5, "five paragraphs:\n{md}");
}

#[test]
fn argument_texts_match_the_seed() {
    let model = model();
    let opts = options(&model);
    let input = &model["shapes"]["CreateEndpointConfigInput"];
    let required: Vec<&str> = input["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let section = squash(&seed_section(&seed(), "Arguments", "Value").join("\n"));
    let mut checked = 0;
    for (name, member) in input["members"].as_object().expect("members") {
        let Some(html) = member["documentation"].as_str() else {
            continue;
        };
        let text = as_copied(&parse_html(html).to_page_markdown(&opts)).join(" ");
        let tag = if required.contains(&name.as_str()) {
            "[required]"
        } else {
            ""
        };
        let expected = squash(&format!("{name}{tag}{text}"));
        assert!(
            section.contains(&expected),
            "argument {name}: {expected}\nnot in the seed's Arguments"
        );
        checked += 1;
    }
    assert!(checked >= 9, "only {checked} documented members checked");
}
