//! Unit tests pinning each conversion and escaping rule on small HTML inputs, hostile ones included.

use super::*;

fn opts(width: usize) -> RenderOptions {
    let mut o = RenderOptions {
        width,
        ..Default::default()
    };
    o.operation_links
        .insert("CreateModel".into(), "sagemaker_create_model".into());
    o
}

fn md(html: &str) -> String {
    parse_html(html).to_markdown(&opts(0))
}
fn page(html: &str) -> String {
    parse_html(html).to_page_markdown(&opts(0))
}
fn rd(html: &str) -> String {
    parse_html(html).to_rd(&opts(0))
}
fn rustdoc(html: &str) -> String {
    parse_html(html).to_rustdoc()
}

// ---- structure -------------------------------------------------------------------------------

#[test]
fn paragraphs_are_separated_by_blank_lines_and_whitespace_collapses() {
    let html = "<p>One\n   two </p>  <p> Three</p>loose";
    assert_eq!(md(html), "One two\n\nThree\n\nloose");
    assert_eq!(rd(html), "One two\n\nThree\n\nloose");
    assert_eq!(rustdoc(html), "One two\n\nThree\n\nloose");
    assert_eq!(parse_html(html).plain_text(), "One two Three loose");
}

#[test]
fn bullets_use_dash_three_spaces_and_continuation_indent_four() {
    let html = "<ul><li>alpha beta gamma delta</li><li>epsilon</li></ul>";
    let out = parse_html(html).to_markdown(&opts(16));
    assert_eq!(out, "-   alpha beta\n    gamma delta\n-   epsilon");
    assert_eq!(
        rd(html),
        "\\itemize{\n\\item alpha beta gamma delta\n\\item epsilon\n}"
    );
}

#[test]
fn items_with_paragraphs_make_a_loose_list() {
    let html = "<ul><li><p>one</p></li><li><p>two</p><p>more</p></li></ul>";
    assert_eq!(md(html), "-   one\n\n-   two\n\n    more");
    assert_eq!(rd(html), "\\itemize{\n\\item one\n\\item two\n\nmore\n}");
}

#[test]
fn nested_lists_are_indented_further() {
    let html = "<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li></ul>";
    assert_eq!(md(html), "-   a\n    -   b\n        1.  c");
    assert_eq!(
        rd(html),
        "\\itemize{\n\\item a\n\\itemize{\n\\item b\n\\enumerate{\n\\item c\n}\n}\n}"
    );
}

#[test]
fn numbered_lists_pad_the_marker_to_four_columns() {
    let items: String = (1..=10).map(|i| format!("<li>x{i}</li>")).collect();
    let out = md(&format!("<ol>{items}</ol>"));
    assert!(out.starts_with("1.  x1\n2.  x2\n"), "{out}");
    assert!(out.ends_with("\n10. x10"), "{out}");
    assert!(rd("<ol><li>x</li></ol>").starts_with("\\enumerate{\n\\item x"));
}

#[test]
fn inline_markup_per_target() {
    let html = "<p><b>bold</b> <i>it</i> <code>c</code> <strong>s</strong> <em>e</em></p>";
    assert_eq!(md(html), "**bold** *it* `c` **s** *e*");
    assert_eq!(
        rd(html),
        "\\strong{bold} \\emph{it} \\code{c} \\strong{s} \\emph{e}"
    );
    assert_eq!(rustdoc(html), "**bold** *it* `c` **s** *e*");
}

#[test]
fn edge_spaces_move_outside_emphasis_and_links() {
    assert_eq!(md("a<b> b </b>c"), "a **b** c");
    assert_eq!(
        md("a<a href=\"https://x.org/\"> <code>t</code> </a>, b"),
        "a [`t`](https://x.org/) , b"
    );
    assert_eq!(md("<b> </b>x"), "x");
    // Emphasis that CommonMark could not open is dropped, its text kept.
    assert_eq!(md("a<b>(b)</b> c<b><code>d</code></b>"), "a(b) c`d`");
    assert_eq!(rustdoc("a <b>(b)</b>"), "a **(b)**");
}

#[test]
fn unknown_tags_are_dropped_with_their_content_kept() {
    let html =
        "<p>before</p><note><p>noted <important>this</important></p></note><fullname>F</fullname>";
    assert_eq!(md(html), "before\n\nnoted this\n\nF");
    assert_eq!(
        md("<span class=\"x\">in</span> <weird>line</weird>"),
        "in line"
    );
}

#[test]
fn definition_lists_and_headings_become_bold_paragraphs() {
    assert_eq!(
        md("<dl><dt>Term</dt><dd>Meaning</dd></dl>"),
        "**Term**\n\nMeaning"
    );
    assert_eq!(md("<h3>Head</h3><p>x</p>"), "**Head**\n\nx");
}

#[test]
fn pre_blocks_are_fenced_and_verbatim() {
    let html = "<p>x</p><pre>\nfn a() {\n    100% \\ @b\n}\n</pre>";
    assert_eq!(md(html), "x\n\n```\nfn a() {\n    100% \\ @@b\n}\n```");
    assert_eq!(page(html), "x\n\n```\nfn a() {\n    100% \\ @b\n}\n```");
    assert_eq!(
        rustdoc(html),
        "x\n\n```text\nfn a() {\n    100% \\ @b\n}\n```"
    );
    assert_eq!(
        rd(html),
        "x\n\n\\if{html}{\\out{<div class=\"sourceCode\">}}\\preformatted{fn a() \\{\n    100\\% \\\\ @b\n\\}\n}\\if{html}{\\out{</div>}}"
    );
    assert_eq!(page("<pre>a<br>b\u{2028}c</pre>"), "```\na\nb\nc\n```");
    // A fence inside the code gets a longer fence around it.
    assert_eq!(
        rustdoc("<pre>```\nx\n```</pre>"),
        "````text\n```\nx\n```\n````"
    );
}

// ---- links -----------------------------------------------------------------------------------

#[test]
fn relative_links_become_absolute_on_docs_aws() {
    let html = "<a href=\"sagemaker/latest/dg/x.html\">X</a> <a href=\"/a/b.html\">Y</a>";
    let want = "[X](https://docs.aws.amazon.com/sagemaker/latest/dg/x.html) \
                [Y](https://docs.aws.amazon.com/a/b.html)";
    assert_eq!(md(html), want);
    assert_eq!(
        md("<a href=\" https://x.org/a \">t</a>"),
        "[t](https://x.org/a)"
    );
    assert_eq!(
        rd("<a href=\"https://x.org/a%20b\">t</a>"),
        "\\href{https://x.org/a\\%20b}{t}"
    );
}

#[test]
fn links_without_a_usable_href_keep_their_text() {
    for html in [
        "<a>no href</a>",
        "<a href=\"\">no href</a>",
        "<a href=\"#frag\">no href</a>",
    ] {
        assert_eq!(md(html), "no href", "{html}");
        assert_eq!(rd(html), "no href", "{html}");
        assert_eq!(rustdoc(html), "no href", "{html}");
    }
    assert_eq!(md("<a href=\"javascript:alert(1)\">x</a>"), "x");
}

#[test]
fn a_link_whose_text_is_its_address_is_a_url_in_rd() {
    assert_eq!(
        rd("<a href=\"https://x.org\">https://x.org</a>"),
        "\\url{https://x.org}"
    );
    assert_eq!(
        rd("x <a href=\"https://x.org\"></a>"),
        "x \\url{https://x.org}"
    );
}

#[test]
fn awkward_urls_are_percent_encoded() {
    assert_eq!(
        md("<a href=\"https://x.org/a b(c)\">t</a>"),
        "[t](https://x.org/a%20b%28c%29)"
    );
    assert_eq!(
        rd("<a href=\"https://x.org/{a}\\b\">t</a>"),
        "\\href{https://x.org/\\%7Ba\\%7D\\%5Cb}{t}"
    );
}

#[test]
fn operation_names_link_to_their_r_functions() {
    let html = "See <code>CreateModel</code> and <a href=\"https://docs.aws/API_CreateModel.html\">CreateModel</a>.";
    assert_eq!(
        md(html),
        "See [`create_model`][sagemaker_create_model] and [`create_model`][sagemaker_create_model]."
    );
    assert_eq!(page(html), "See `create_model` and `create_model`.");
    assert_eq!(
        rd(html),
        "See \\code{\\link[=sagemaker_create_model]{create_model}} and \
         \\code{\\link[=sagemaker_create_model]{create_model}}."
    );
    // rustdoc has no R functions: the code and the link stay as they are.
    assert_eq!(
        rustdoc(html),
        "See `CreateModel` and [CreateModel](https://docs.aws/API_CreateModel.html)."
    );
    // Inside another link, an operation's code shows its R name without a second link.
    assert_eq!(
        md("<a href=\"https://x.org\">use <code>CreateModel</code></a>"),
        "[use `create_model`](https://x.org)"
    );
    // Not an operation: plain code.
    assert_eq!(md("<code>CreateModels</code>"), "`CreateModels`");
    assert_eq!(display_name("sagemaker_create_model"), "create_model");
    assert_eq!(display_name("plain"), "plain");
}

// ---- wrapping --------------------------------------------------------------------------------

#[test]
fn wrapping_never_breaks_code_spans_or_link_targets() {
    let html = "<p>aaa <code>b c d e f</code> ggg <a href=\"https://x.org/long/target\">link text</a> h</p>";
    let out = parse_html(html).to_markdown(&opts(12));
    assert_eq!(
        out,
        "aaa\n`b c d e f`\nggg [link\ntext](https://x.org/long/target)\nh"
    );
    let out = parse_html(html).to_rd(&opts(12));
    assert!(out.contains("\\code{b c d e f}"), "{out}");
    assert!(
        out.contains("\\href{https://x.org/long/target}{link\ntext}"),
        "{out}"
    );
}

#[test]
fn width_72_lines_stay_within_72_columns_when_they_can() {
    let words = "lorem ipsum dolor sit amet ".repeat(40);
    for out in [
        parse_html(&words).to_markdown(&opts(72)),
        parse_html(&words).to_rd(&opts(72)),
    ] {
        assert!(out.lines().count() > 5);
        assert!(out.lines().all(|l| l.chars().count() <= 72), "{out}");
    }
}

#[test]
fn line_starts_that_would_be_markdown_blocks_are_escaped() {
    let html = "aa - bb # cc 1. dd > ee + ff";
    let out = parse_html(html).to_markdown(&opts(1));
    assert_eq!(
        out,
        "aa\n&#45;\nbb\n&#35;\ncc\n1&#46;\ndd\n&gt;\nee\n&#43;\nff"
    );
    let out = parse_html(html).to_rustdoc_width(1);
    assert_eq!(out, "aa\n\\-\nbb\n\\#\ncc\n1\\.\ndd\n&gt;\nee\n\\+\nff");
}

#[test]
fn rd_lines_never_start_with_preprocessor_directives() {
    let out = parse_html("x #ifdef unix y #endif").to_rd(&opts(3));
    assert!(out.lines().all(|l| !l.starts_with('#')), "{out}");
    assert!(out.contains(" #ifdef"), "{out}");
}

// ---- escaping --------------------------------------------------------------------------------

#[test]
fn roxygen_escapes() {
    // `%` stays (roxygen escapes it), `@` doubles, backslash and braces are Rd-escaped,
    // markdown punctuation becomes character references, brackets are backslash-escaped.
    assert_eq!(md("100% @x a\\b {c}"), "100% @@x a\\\\b \\{c\\}");
    assert_eq!(
        md("*a* _b_ [c] `d` &lt;e&gt; &amp;f"),
        "&#42;a&#42; &#95;b&#95; \\[c\\] &#96;d&#96; &lt;e&gt; &amp;f"
    );
    assert_eq!(md("snake_case stays"), "snake_case stays");
    assert_eq!(md("<code>a@b %c \\d</code>"), "`a@@b %c \\d`");
    assert_eq!(escape_roxygen_text("[x] @y"), "\\[x\\] @@y");
    // roxygen2 would pair brackets across code spans: unbalanced ones go in \verb{}.
    assert_eq!(
        md("<code>a[0]</code> <code>x: [</code> <code>]</code>"),
        "`a[0]` \\verb{x: [} \\verb{]}"
    );
    assert_eq!(md("<code>{a% [</code>"), "\\verb{\\{a\\% [}");
}

#[test]
fn page_escapes() {
    assert_eq!(
        page("100% @x a\\b *a* [c] &lt;e&gt;"),
        "100% @x a\\\\b \\*a\\* \\[c\\] &lt;e&gt;"
    );
    assert_eq!(escape_page_text("[x]"), "\\[x\\]");
}

#[test]
fn rd_escapes() {
    assert_eq!(rd("100% {x} a\\b"), "100\\% \\{x\\} a\\\\b");
    assert_eq!(escape_rd_text("50% {a} \\b"), "50\\% \\{a\\} \\\\b");
    // Code that is not plain R-like text goes in \verb, escaped.
    assert_eq!(rd("<code>f(x)</code>"), "\\code{f(x)}");
    assert_eq!(rd("<code>a\"b</code>"), "\\verb{a\"b}");
    assert_eq!(rd("<code>{x}% \\y</code>"), "\\verb{\\{x\\}\\% \\\\y}");
}

#[test]
fn unicode_escape_sequences_in_text_stay_literal() {
    let html = "Use \\u0041 or \\uXYZW.";
    assert_eq!(md(html), "Use \\\\u0041 or \\\\uXYZW.");
    assert_eq!(rd(html), "Use \\\\u0041 or \\\\uXYZW.");
    assert_eq!(rustdoc(html), "Use \\\\u0041 or \\\\uXYZW.");
    assert_eq!(parse_html(html).plain_text(), "Use \\u0041 or \\uXYZW.");
}

#[test]
fn rustdoc_escapes_brackets_html_and_bare_urls() {
    assert_eq!(
        rustdoc("see [Foo] and a&lt;b&gt; and <code>[x]</code>"),
        "see \\[Foo\\] and a&lt;b&gt; and `[x]`"
    );
    assert_eq!(rustdoc("a &lt;T&gt; b"), "a &lt;T&gt; b");
    assert_eq!(
        rustdoc("go to https://x.org/a_b. now"),
        "go to <https://x.org/a_b>. now"
    );
    assert_eq!(
        rustdoc("*/ #[cfg(x)] ~~s~~ | t"),
        "\\*/ #\\[cfg(x)\\] \\~\\~s\\~\\~ \\| t"
    );
    assert_eq!(escape_rustdoc_text("[a] <b>"), "\\[a\\] &lt;b&gt;");
}

#[test]
fn code_spans_holding_backticks_get_longer_fences() {
    assert_eq!(md("<code>a`b</code>"), "``a`b``");
    assert_eq!(rustdoc("<code>`</code>"), "`` ` ``");
    assert_eq!(rustdoc("<code> </code>x"), "x");
}

// ---- titles ----------------------------------------------------------------------------------

#[test]
fn first_sentence_comes_from_the_first_paragraph() {
    let d = parse_html(
        "<p>Creates a model, e.g. a <code>Model</code> v1.0 thing. More.</p><p>Other.</p>",
    );
    assert_eq!(
        d.first_sentence(),
        "Creates a model, e.g. a Model v1.0 thing"
    );
    assert_eq!(parse_html("").first_sentence(), "");
    assert_eq!(
        parse_html("<ul><li>Only. A list.</li></ul>").first_sentence(),
        "Only"
    );
}

// ---- hostile input ---------------------------------------------------------------------------

#[test]
fn unclosed_and_stray_tags_are_survived() {
    let html = "<p>open <b>bold <i>both</p> after </code> stray </ul></li><a href=\"x\">";
    let d = parse_html(html);
    assert_eq!(d.plain_text(), "open bold both after stray");
    for out in [md(html), rd(html), rustdoc(html), page(html)] {
        assert!(!out.contains("</"), "{out}");
        assert!(out.contains("stray"), "{out}");
    }
}

#[test]
fn placeholders_written_like_tags_stay_text() {
    let html = "<p>Use <code>arn:aws:kms:<region>:<account-id>:key/<key></code> in <replaceable>x</replaceable>.</p>";
    let d = parse_html(html);
    assert_eq!(
        d.plain_text(),
        "Use arn:aws:kms:<region>:<account-id>:key/<key> in x."
    );
    assert_eq!(
        rustdoc(html),
        "Use `arn:aws:kms:<region>:<account-id>:key/<key>` in x."
    );
    assert_eq!(rd("a <bucket> b"), "a <bucket> b");
    assert_eq!(md("a <bucket> b"), "a &lt;bucket&gt; b");
}

#[test]
fn list_items_outside_a_list_make_one_list() {
    assert_eq!(md("<li>one</li> <li>two</li>"), "-   one\n-   two");
    assert_eq!(
        md("<li>one</li> text <li>two</li>"),
        "-   one\n\ntext\n\n-   two"
    );
}

#[test]
fn control_characters_are_dropped() {
    assert_eq!(md("a\u{0}b\u{7}c\u{1}d"), "abcd");
}

#[test]
fn ten_megabytes_are_rendered_in_linear_time() {
    // Not a benchmark: a guard that would only trip on quadratic behaviour (seconds, not hours).
    let start = std::time::Instant::now();
    let chunk = format!(
        "<p>{}<code>x y</code> <b>b</b> <a href=\"a/b\">l</a>.</p> ",
        "word ".repeat(300)
    );
    let html = chunk.repeat(10 * 1024 * 1024 / chunk.len());
    let d = parse_html(&html);
    assert!(d.to_markdown(&opts(72)).len() > 10_000_000);
    assert!(d.to_rd(&opts(72)).len() > 10_000_000);
    assert!(d.to_rustdoc().len() > 10_000_000);
    let plain = parse_html(&"Word e.g. word. ".repeat(700 * 1024));
    assert_eq!(plain.first_sentence(), "Word e.g. word");
    let one = parse_html(&"word e.g. word ".repeat(700 * 1024));
    assert_eq!(one.first_sentence().len(), one.plain_text().len());
    assert!(plain.plain_text().len() > 10_000_000);
    let dense = "<p>a <code>b</code> <i>c</i></p>".repeat(1024 * 1024 / 30);
    assert!(parse_html(&dense).to_markdown(&opts(72)).len() > 200_000);
    assert!(
        start.elapsed().as_secs() < 300,
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn deep_nesting_does_not_exhaust_the_stack() {
    for tag in ["ul><li", "b", "i", "a href=\"x\"", "div", "note"] {
        let open: String = format!("<{tag}>x ").repeat(20_000);
        let d = parse_html(&open);
        assert!(d.plain_text().starts_with("x x"), "{tag}");
        let _ = (
            d.to_markdown(&opts(72)),
            d.to_rd(&opts(72)),
            d.to_rustdoc(),
            d.first_sentence(),
        );
    }
}

#[test]
fn random_fragments_never_panic() {
    const PIECES: &[&str] = &[
        "<p>",
        "</p>",
        "<ul>",
        "</ul>",
        "<li>",
        "</li>",
        "<ol>",
        "<code>",
        "</code>",
        "<a href=\"h\">",
        "<a>",
        "</a>",
        "<b>",
        "</b>",
        "<i>",
        "<pre>",
        "</pre>",
        "<note>",
        "text",
        " ",
        "\n",
        "%",
        "{",
        "}",
        "\\",
        "@",
        "[",
        "]",
        "*",
        "_",
        "`",
        "#",
        "-",
        "1.",
        "&amp;",
        "&",
        "<",
        ">",
        "é",
        "CreateModel",
        "https://x.org/a",
        "e.g.",
        "#ifdef",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..2_000 {
        let mut html = String::new();
        for _ in 0..30 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            html.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        let d = parse_html(&html);
        let _ = (
            d.to_rustdoc(),
            d.to_markdown(&opts(10)),
            d.to_page_markdown(&opts(10)),
            d.to_rd(&opts(10)),
        );
        let _ = (d.first_sentence(), d.plain_text());
    }
}

#[test]
fn pathological_nesting_is_read_as_text_but_real_structure_is_not() {
    let deep = "<div>a ".repeat(300);
    let d = parse_html(&deep);
    assert_eq!(d.blocks().len(), 1);
    assert!(d.plain_text().starts_with("a a a"));
    // Many unclosed siblings are not nesting: the list stays a list.
    let siblings = format!("<ul>{}</ul>", "<li>x ".repeat(400));
    match parse_html(&siblings).blocks() {
        [tree::Block::List { items, .. }] => assert_eq!(items.len(), 400),
        other => panic!("not one list: {other:?}"),
    }
    assert_eq!(
        parse_html("a &amp; b <div>".repeat(300).as_str())
            .plain_text()
            .matches('&')
            .count(),
        300
    );
}
