//! The docs page for `create_endpoint_config`, generated from botocore 1.35.0 (the model paws used),
//! against the published page in `../shared/seed/sagemaker_create_endpoint_config.txt` (text copied
//! from the rendered page: headings end in `¶`, code lost its indentation, inline code and links sit
//! on lines of their own).

mod r_common;

use codegen::ir::Model;

const SEED: &str = "seed/sagemaker_create_endpoint_config.txt";

fn seed() -> String {
    let path = tests::upstream().join("..").join(SEED);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn model() -> Model {
    r_common::load(&tests::sagemaker_botocore("1.35.0"))
}

fn page(model: &Model) -> String {
    let out = codegen::r::generate(model, &r_common::settings()).expect("generate");
    let bytes = out
        .docs
        .get("sagemaker_create_endpoint_config.md")
        .expect("page sagemaker_create_endpoint_config.md");
    String::from_utf8(bytes.to_vec()).expect("utf-8")
}

/// The lines of the seed section under `heading¶`, up to the next heading.
fn seed_section<'a>(seed: &'a str, heading: &str) -> Vec<&'a str> {
    let lines: Vec<&str> = seed.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == format!("{heading}¶"))
        .unwrap_or_else(|| panic!("seed has no {heading} section"));
    lines[start + 1..]
        .iter()
        .take_while(|l| !l.ends_with('¶'))
        .copied()
        .collect()
}

/// The text of the page section `### heading`, up to the next heading.
fn page_section<'a>(page: &'a str, heading: &str) -> &'a str {
    let marker = format!("\n### {heading}\n");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("page has no {heading} section"))
        + marker.len();
    let rest = &page[start..];
    let end = rest.find("\n### ").unwrap_or(rest.len());
    &rest[..end]
}

/// The lines of the first fenced code block in `text`.
fn code_block(text: &str) -> Vec<&str> {
    let mut lines = text.lines().skip_while(|l| !l.starts_with("```"));
    lines.next().expect("a code block");
    lines.take_while(|l| !l.starts_with("```")).collect()
}

/// Markdown to plain text: links to their text, code spans and emphasis to their content.
fn plain(md: &str) -> String {
    let mut out = String::new();
    let mut chars = md.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' | '*' => {}
            '\\' => {
                if let Some(n) = chars.next() {
                    out.push(n);
                }
            }
            ']' if chars.peek() == Some(&'(') => {
                for n in chars.by_ref() {
                    if n == ')' {
                        break;
                    }
                }
            }
            '[' => {
                // Keep `[required]`; drop a link's opening bracket.
                let rest: String = chars.clone().take(9).collect();
                if rest == "required]" {
                    out.push('[');
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// Whitespace collapsed, no space before punctuation (the seed breaks lines around inline code).
fn normalize(s: &str) -> String {
    let joined = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(joined.len());
    for c in joined.chars() {
        if matches!(c, '.' | ',' | ';' | ':' | ')') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out
}

#[test]
fn heading_function_row_and_title_match_the_seed() {
    let (seed, page) = (seed(), page(&model()));
    let seed_lines: Vec<&str> = seed.lines().collect();
    let body: Vec<&str> = page.lines().skip(1).filter(|l| !l.is_empty()).collect();
    assert_eq!(body[0], format!("# {}", seed_lines[0]));
    assert_eq!(
        seed_lines[1],
        "sagemaker_create_endpoint_config | R Documentation |"
    );
    assert_eq!(
        body[1],
        "| sagemaker_create_endpoint_config | R Documentation |"
    );
    let title = seed_lines[2].strip_suffix('¶').expect("title heading");
    assert_eq!(body[3], format!("## {title}"));
}

#[test]
fn description_paragraphs_match_the_seed() {
    let (seed, page) = (seed(), page(&model()));
    let seed_desc = seed_section(&seed, "Description");
    let ours = page_section(&page, "Description");
    assert_eq!(normalize(&plain(ours)), normalize(&seed_desc.join(" ")));
    // Each of our paragraphs starts a line of the seed, in order.
    let paragraphs: Vec<String> = ours
        .split("\n\n")
        .map(|p| normalize(&plain(p)))
        .filter(|p| !p.is_empty())
        .collect();
    assert_eq!(paragraphs.len(), 5, "{paragraphs:#?}");
    let mut from = 0;
    for p in &paragraphs {
        let start: String = p.split(' ').take(3).collect::<Vec<_>>().join(" ");
        let at = seed_desc[from..]
            .iter()
            .position(|l| l.starts_with(&start))
            .unwrap_or_else(|| {
                panic!("paragraph {start:?} does not start a seed line after line {from}")
            });
        from += at + 1;
    }
}

#[test]
fn usage_matches_the_seed() {
    let (seed, page) = (seed(), page(&model()));
    let ours = code_block(page_section(&page, "Usage"));
    let trimmed: Vec<&str> = ours.iter().map(|l| l.trim_start()).collect();
    assert_eq!(trimmed, seed_section(&seed, "Usage"));
    assert!(ours[1..]
        .iter()
        .all(|l| l.starts_with("  ") && !l.starts_with("   ")));
    assert!(ours.iter().all(|l| l.trim_start().len() <= 72));
}

/// The page's arguments: (name, text as plain text).
fn page_arguments(page: &str) -> Vec<(String, String)> {
    let section = page_section(page, "Arguments");
    let blocks: Vec<&str> = section
        .split("\n\n")
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .collect();
    let mut out: Vec<(String, String)> = Vec::new();
    for b in blocks {
        if b.starts_with('`') && b.ends_with('`') && !b.contains(' ') {
            out.push((b.trim_matches('`').to_string(), String::new()));
        } else if let Some(last) = out.last_mut() {
            last.1 = normalize(&format!("{} {}", last.1, plain(b)));
        }
    }
    out
}

#[test]
fn arguments_match_the_seed() {
    let (model, seed) = (model(), seed());
    let page = page(&model);
    let ours = page_arguments(&page);
    let input = model
        .shape("CreateEndpointConfigInput")
        .expect("input shape");
    let members: Vec<&str> = input
        .kind
        .members()
        .iter()
        .map(|m| m.name.as_str())
        .collect();
    let names: Vec<&str> = ours.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, members, "every member, in model order");
    // An argument is in the seed when a line is its name (or ends in `.Name`, glued to the text
    // before) and the next line begins its text.
    let seed_args = seed_section(&seed, "Arguments");
    let mut found = Vec::new();
    for (name, text) in &ours {
        let hit = seed_args.windows(2).any(|w| {
            let named = w[0] == name || w[0].ends_with(&format!(".{name}"));
            let next = normalize(w[1]);
            named && next.len() >= 10 && text.starts_with(&next)
        });
        if hit {
            found.push(name.as_str());
        }
    }
    assert!(found.len() >= 9, "only {found:?} found in the seed");
    // The seed (paws) dropped the members without documentation of their own; we document them
    // from their target shape instead.
    for m in input.kind.members() {
        if !found.contains(&m.name.as_str()) {
            assert!(
                m.traits.documentation.is_none(),
                "{} is documented in the model but missing from our page or differs from the seed",
                m.name
            );
            let text = &ours.iter().find(|(n, _)| n == &m.name).expect("argument").1;
            assert!(!text.is_empty(), "{} has no text", m.name);
        }
    }
    let required: Vec<&str> = ours
        .iter()
        .filter(|(_, t)| t.starts_with("[required] "))
        .map(|(n, _)| n.as_str())
        .collect();
    assert_eq!(required, ["EndpointConfigName", "ProductionVariants"]);
    let seed_required = seed_args
        .iter()
        .filter(|l| l.starts_with("[required] "))
        .count();
    assert_eq!(seed_required, 2);
}

#[test]
fn value_and_request_syntax_match_the_seed() {
    let (seed, page) = (seed(), page(&model()));
    let value = page_section(&page, "Value");
    assert!(value
        .trim_start()
        .starts_with(seed_section(&seed, "Value")[0]));
    assert_eq!(
        code_block(value),
        ["list(", "  EndpointConfigArn = \"string\"", ")"]
    );
    let ours = code_block(page_section(&page, "Request syntax"));
    let trimmed: Vec<&str> = ours.iter().map(|l| l.trim_start()).collect();
    let seed_syntax = seed_section(&seed, "Request syntax");
    assert_eq!(trimmed.len(), seed_syntax.len());
    for (i, (a, b)) in trimmed.iter().zip(&seed_syntax).enumerate() {
        assert_eq!(a, b, "line {}", i + 1);
    }
}

#[test]
fn request_syntax_indents_two_spaces_per_level() {
    let page = page(&model());
    let ours = code_block(page_section(&page, "Request syntax"));
    let mut depth: usize = 0;
    for (i, line) in ours.iter().enumerate() {
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
    assert_eq!(depth, 0);
    assert_eq!(
        ours.iter()
            .filter(|l| l.trim_start() == "as.POSIXct(")
            .count(),
        0
    );
}
