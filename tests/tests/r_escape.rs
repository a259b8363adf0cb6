//! Model strings reach R code only as data: every R string literal and every backtick-quoted name we
//! write reads back in R as exactly the original text (one `Rscript` run for all cases).

mod r_common;

use codegen::naming::r::symbol;
use codegen::r::escape::r_string;
use std::process::Command;

const CASES: &[&str] = &[
    "plain",
    "",
    "with \"quotes\" and 'single'",
    "back\\slash \\n not a newline",
    "line\nbreak\rreturn\ttab",
    "control \u{1}\u{7f}",
    "percent % braces {} brackets []",
    "café naïve",
    "€ 😀 \u{2028}",
    "`backticks`",
    "a\"); system(\"echo pwned\"); x <- (\"",
    "if",
    "function",
    "TRUE",
    "...",
    "..1",
    "1starts_with_digit",
    "_underscore",
    ".hidden",
    "#comment",
];

#[test]
fn r_strings_and_symbols_read_back_as_the_original() {
    let rscript = r_common::rscript();
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut script = String::from("strings <- c(\n");
    script.push_str(
        &CASES
            .iter()
            .map(|s| format!("  {}", r_string(s)))
            .collect::<Vec<_>>()
            .join(",\n"),
    );
    script.push_str("\n)\nnames <- names(list(\n");
    let named: Vec<&&str> = CASES.iter().filter(|s| !s.is_empty()).collect();
    script.push_str(
        &named
            .iter()
            .map(|s| format!("  {} = 1", symbol(s)))
            .collect::<Vec<_>>()
            .join(",\n"),
    );
    script.push_str("\n))\n");
    script.push_str(
        "out <- file(commandArgs(trailingOnly = TRUE)[[1]], open = \"wb\")\n\
         for (s in c(strings, names)) { writeBin(charToRaw(enc2utf8(s)), out); writeBin(as.raw(0), out) }\n\
         close(out)\n",
    );
    let file = tmp.path().join("cases.R");
    std::fs::write(&file, &script).expect("write script");
    let result = tmp.path().join("out.bin");
    let run = Command::new(rscript)
        .arg("--vanilla")
        .arg("--encoding=UTF-8")
        .arg(&file)
        .arg(&result)
        .output()
        .expect("run Rscript");
    assert!(
        run.status.success(),
        "R failed on:\n{script}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&result).expect("read result");
    let got: Vec<String> = bytes
        .split(|b| *b == 0)
        .map(|b| String::from_utf8(b.to_vec()).expect("utf-8"))
        .collect();
    let want: Vec<String> = CASES
        .iter()
        .chain(named.iter().copied())
        .map(|s| s.to_string())
        .chain(std::iter::once(String::new()))
        .collect();
    assert_eq!(got, want);
}
