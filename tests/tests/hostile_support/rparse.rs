//! R parsing in batches: many generated `.R` and `.Rd` files checked by one `Rscript` call (starting
//! R costs a quarter of a second, so one call per file would be far too slow).

use std::path::Path;
use std::process::Command;

/// The R script: for every path on stdin, parse it (`parse()` for `.R`, `tools::parse_Rd()` with
/// warnings as errors for `.Rd`) and print `FAIL<TAB>path<TAB>message` when that fails.
const CHECK: &str = r#"
paths <- readLines(file("stdin"))
for (p in paths) {
  msg <- tryCatch({
    if (grepl("\\.Rd$", p)) {
      withCallingHandlers(tools::parse_Rd(p), warning = function(w) stop(conditionMessage(w)))
    } else {
      parse(p, keep.source = FALSE, encoding = "UTF-8")
    }
    NULL
  }, error = function(e) conditionMessage(e))
  if (!is.null(msg)) cat("FAIL\t", p, "\t", gsub("[\r\n]+", " ", msg), "\n", sep = "")
}
cat("DONE\n")
"#;

/// Parse every `.R` / `.Rd` file among `paths` (absolute); returns `(path, message)` per failure.
/// Panics when R cannot be run at all: the tests need it.
pub fn failures(paths: &[std::path::PathBuf]) -> Vec<(String, String)> {
    use std::io::Write;
    let wanted: Vec<String> = paths
        .iter()
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("R" | "Rd")))
        .map(|p| p.display().to_string())
        .collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut child = Command::new("Rscript")
        .args(["--vanilla", "-e", CHECK])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("Rscript must be installed for the R checks");
    {
        let mut stdin = child.stdin.take().expect("stdin");
        for p in &wanted {
            writeln!(stdin, "{p}").expect("write to Rscript");
        }
    }
    let out = child.wait_with_output().expect("run Rscript");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("DONE"),
        "Rscript did not finish: {}\n{}",
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("FAIL\t"))
        .map(|l| {
            let (p, m) = l.split_once('\t').unwrap_or((l, ""));
            (p.to_string(), m.to_string())
        })
        .collect()
}

/// Every file of `dir` (recursively) as absolute paths.
pub fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    codegen::fileset::list_files(dir)
        .expect("list output files")
        .into_iter()
        .map(|p| dir.join(p))
        .collect()
}

/// For an R file, every parse token (type, text) whose text contains `needle`, from `getParseData`.
pub fn tokens_containing(file: &Path, needles: &[&str]) -> Vec<(String, String, String)> {
    let script = r#"
args <- commandArgs(trailingOnly = TRUE)
needles <- readLines(args[2], encoding = "UTF-8")
needles <- gsub("\\\\n", "\n", gsub("\\\\\\\\", "\\\\", needles, fixed = TRUE), fixed = TRUE)
pd <- getParseData(parse(args[1], keep.source = TRUE, encoding = "UTF-8"), includeText = TRUE)
pd <- pd[pd$terminal, ]
for (i in seq_len(nrow(pd))) for (n in needles) if (grepl(n, pd$text[i], fixed = TRUE))
  cat(pd$token[i], "\t", n, "\t", gsub("\n", "\\n", pd$text[i], fixed = TRUE), "\n", sep = "")
"#;
    let tmp = tempfile::NamedTempFile::new().expect("temp file");
    let encoded: Vec<String> = needles
        .iter()
        .map(|n| n.replace('\\', "\\\\").replace('\n', "\\n"))
        .collect();
    std::fs::write(tmp.path(), encoded.join("\n") + "\n").expect("write needles");
    let out = Command::new("Rscript")
        .args(["--vanilla", "-e", script])
        .arg(file)
        .arg(tmp.path())
        .output()
        .expect("run Rscript");
    assert!(
        out.status.success(),
        "getParseData failed on {}: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| {
            let mut it = l.splitn(3, '\t');
            Some((
                it.next()?.to_string(),
                it.next()?.to_string(),
                it.next()?.to_string(),
            ))
        })
        .collect()
}
