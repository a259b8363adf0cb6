//! `cargo xtask conformance sigv4 [--suite DIR]`: every case of the official SigV4 test suite
//! (`../shared/sigv4-testsuite` by default; one folder per case holding `NAME.req`, `.creq`, `.sts`,
//! `.authz`, `.sreq`), signed by `awsgen_runtime::sigv4` with the suite's keys, region, service and
//! time; the canonical request, string to sign and `Authorization` header must equal the files'.
//! Where the request line is a URI that needs no escaping, the case is signed a second time through
//! `sigv4::sign` on an `http::Request` and must give the same `Authorization`.
//!
//! The session token: a case whose `.creq` signs `x-amz-security-token` signs with that token; a
//! case whose `.sreq` adds the header that its `.req` lacks, unsigned, appends it after signing
//! (`post-sts-header-after`), and the signed request must carry it.

use super::{Outcome, Tally};
use anyhow::{bail, Context, Result};
use awsgen_runtime::credentials::Credentials;
use awsgen_runtime::sigv4::{self, SessionTokenMode, SignableRequest, SigningParams};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, UNIX_EPOCH};

/// Cases not run, with the reason (none today: every case of the suite passes).
const SKIPPED: &[(&str, &str)] = &[];

/// The suite's fixed inputs (its README).
const ACCESS_KEY: &str = "AKIDEXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
const REGION: &str = "us-east-1";
const SERVICE: &str = "service";
/// 2015-08-30T12:36:00Z.
const SIGNING_TIME_SECS: u64 = 1_440_938_160;

#[derive(clap::Args)]
pub struct Args {
    /// The suite directory (default: ../shared/sigv4-testsuite beside the project root).
    #[arg(long)]
    suite: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let dir = args
        .suite
        .unwrap_or_else(|| crate::paths::root().join("../shared/sigv4-testsuite"));
    if !dir.is_dir() {
        bail!(
            "the SigV4 test suite is missing: expected a directory at {} (../shared/sigv4-testsuite \
             beside the project root, or --suite DIR)",
            dir.display()
        );
    }
    let mut cases = Vec::new();
    find_cases(&dir, &dir, &mut cases)?;
    if cases.is_empty() {
        bail!(
            "no SigV4 case (a folder NAME holding NAME.req) under {}",
            dir.display()
        );
    }
    cases.sort();
    let mut tally = Tally::default();
    let mut via_http = 0;
    for (name, path) in &cases {
        let outcome = match SKIPPED.iter().find(|(n, _)| n == name) {
            Some((_, why)) => Outcome::Skip((*why).to_string()),
            None => match run_case(path) {
                Ok((o, http_checked)) => {
                    via_http += usize::from(http_checked);
                    o
                }
                Err(e) => Outcome::Fail(format!("{e:#}")),
            },
        };
        tally.record(name, &outcome);
    }
    println!(
        "({via_http} of {} cases also signed as an http::Request; {} skipped in code)",
        cases.len(),
        SKIPPED.len()
    );
    Ok(tally.finish())
}

/// Every folder `NAME` under `dir` holding `NAME.req`, as (path relative to the suite, file stem).
fn find_cases(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> Result<()> {
    let entries = std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if !path.is_dir() {
            continue;
        }
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let stem = path.join(name);
        if stem.with_extension("req").is_file() {
            let rel = path.strip_prefix(root).unwrap_or(&path);
            out.push((rel.to_string_lossy().replace('\\', "/"), stem));
        }
        find_cases(root, &path, out)?;
    }
    Ok(())
}

/// A request as the `.req` file has it.
#[derive(Debug)]
struct RawRequest {
    method: String,
    path: String,
    query: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

/// Parses `METHOD TARGET HTTP/1.1`, header lines (`Name:value`; a line starting with whitespace
/// continues the one above, joined with a space), an empty line, then the body.
fn parse_request(text: &str) -> Result<RawRequest> {
    let (head, body) = match text.find("\n\n") {
        Some(i) => (&text[..i], &text[i + 2..]),
        None => (text, ""),
    };
    let mut lines = head.lines().map(|l| l.strip_suffix('\r').unwrap_or(l));
    let request_line = lines.next().context("the request is empty")?;
    let (method, rest) = request_line
        .split_once(' ')
        .context("the request line has no target")?;
    let (target, version) = rest
        .rsplit_once(' ')
        .context("the request line has no HTTP version")?;
    if !version.starts_with("HTTP/") {
        bail!("the request line ends in {version:?}, not an HTTP version");
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let mut headers: Vec<(String, String)> = Vec::new();
    for line in lines {
        if line.starts_with([' ', '\t']) {
            let Some(last) = headers.last_mut() else {
                bail!("a continuation line before any header: {line:?}");
            };
            last.1.push(' ');
            last.1.push_str(line.trim());
            continue;
        }
        let (name, value) = line
            .split_once(':')
            .with_context(|| format!("a header line without ':': {line:?}"))?;
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    Ok(RawRequest {
        method: method.to_string(),
        path: path.to_string(),
        query: query.to_string(),
        headers,
        body: body.as_bytes().to_vec(),
    })
}

fn read(stem: &Path, ext: &str) -> Result<String> {
    let path = stem.with_extension(ext);
    std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))
}

/// The value of header `name` in a raw request text, if a line sets it.
fn header_in(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let (n, v) = l.split_once(':')?;
        n.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().to_string())
    })
}

/// The outcome, and whether the case was also signed as an `http::Request`.
fn run_case(stem: &Path) -> Result<(Outcome, bool)> {
    let req_text = read(stem, "req")?;
    let (creq, sts, authz) = (
        read(stem, "creq")?,
        read(stem, "sts")?,
        read(stem, "authz")?,
    );
    let sreq = read(stem, "sreq")?;
    let raw = parse_request(&req_text)?;

    // The session token, and whether it is signed (see the module docs).
    let signed_token = creq
        .lines()
        .find_map(|l| l.strip_prefix("x-amz-security-token:"))
        .map(str::to_string);
    let appended_token = match (&signed_token, header_in(&req_text, "x-amz-security-token")) {
        (None, None) => header_in(&sreq, "x-amz-security-token"),
        _ => None,
    };
    let token = signed_token.clone().or_else(|| appended_token.clone());
    let credentials = Credentials::new(ACCESS_KEY, SECRET_KEY, token, "explicit");
    let mut params = SigningParams::new(
        &credentials,
        REGION,
        SERVICE,
        UNIX_EPOCH + Duration::from_secs(SIGNING_TIME_SECS),
    );
    if appended_token.is_some() {
        params.session_token = SessionTokenMode::AppendedAfterSigning;
    }

    // The headers signing adds replace any of the same name the request already has.
    let added = sigv4::headers_to_add(&params, &raw.body);
    let mut headers: Vec<(&str, &str)> = raw
        .headers
        .iter()
        .filter(|(n, _)| !added.iter().any(|(a, _)| n.eq_ignore_ascii_case(a)))
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    headers.extend(added.iter().map(|(n, v)| (*n, v.as_str())));
    let signature = sigv4::compute(
        &SignableRequest {
            method: &raw.method,
            path: &raw.path,
            query: &raw.query,
            headers,
            body: &raw.body,
        },
        &params,
    );
    let mut problems = Vec::new();
    for (what, ours, expected) in [
        ("canonical request", &signature.canonical_request, &creq),
        ("string to sign", &signature.string_to_sign, &sts),
        ("Authorization", &signature.authorization, &authz),
    ] {
        if let Some(d) = difference(ours, expected) {
            problems.push(format!("{what}: {d}"));
        }
    }
    let via_http = check_via_http(&raw, &params, &signature.authorization, &appended_token);
    if let Some(Err(problem)) = &via_http {
        problems.push(problem.clone());
    }
    let outcome = if problems.is_empty() {
        Outcome::Pass
    } else {
        Outcome::Fail(problems.join("; "))
    };
    Ok((outcome, via_http.is_some()))
}

/// Signs the request again as an `http::Request` when its target is a URI that needs no escaping
/// (so that the wire path is the suite's path): None when not applicable, else whether the result
/// is the same.
fn check_via_http(
    raw: &RawRequest,
    params: &SigningParams<'_>,
    authorization: &str,
    appended_token: &Option<String>,
) -> Option<Result<(), String>> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_.~/".contains(c);
    if !raw.path.chars().all(plain) {
        return None;
    }
    let target = if raw.query.is_empty() {
        raw.path.clone()
    } else {
        format!("{}?{}", raw.path, raw.query)
    };
    let mut builder = http::Request::builder()
        .method(raw.method.as_str())
        .uri(&target);
    for (n, v) in &raw.headers {
        builder = builder.header(n.as_str(), v.as_str());
    }
    let mut request = match builder.body(raw.body.clone()) {
        Ok(r) => r,
        Err(_) => return None, // not expressible as an http::Request (checked above otherwise)
    };
    let got = match sigv4::sign(&mut request, params) {
        Ok(s) => s.authorization,
        Err(e) => return Some(Err(format!("via http::Request: {e}"))),
    };
    if got != authorization {
        return Some(Err(format!(
            "via http::Request the Authorization is {got:?}"
        )));
    }
    let sent_token = request
        .headers()
        .get("x-amz-security-token")
        .and_then(|v| v.to_str().ok());
    if let Some(token) = appended_token {
        if sent_token != Some(token.as_str()) {
            return Some(Err(
                "via http::Request the appended X-Amz-Security-Token is missing".into(),
            ));
        }
    }
    Some(Ok(()))
}

/// None when equal; else the first line that differs.
fn difference(ours: &str, expected: &str) -> Option<String> {
    if ours == expected {
        return None;
    }
    let (a, b): (Vec<&str>, Vec<&str>) = (ours.lines().collect(), expected.lines().collect());
    for i in 0..a.len().max(b.len()) {
        let (x, y) = (a.get(i).copied(), b.get(i).copied());
        if x != y {
            return Some(format!(
                "line {}: ours {:?}, expected {:?}",
                i + 1,
                x.unwrap_or("<none>"),
                y.unwrap_or("<none>")
            ));
        }
    }
    Some("differs in line endings".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_folded_headers_and_a_body() {
        let r = parse_request("POST /a b/?x=1 HTTP/1.1\nH:v1\n  v2\nK: w \n\nbody").unwrap();
        assert_eq!(
            (r.method.as_str(), r.path.as_str(), r.query.as_str()),
            ("POST", "/a b/", "x=1")
        );
        assert_eq!(
            r.headers,
            [("H".into(), "v1 v2".into()), ("K".into(), "w".into())]
        );
        assert_eq!(r.body, b"body");
        assert!(parse_request("GET /").is_err());
        assert!(parse_request("GET / HTTP/1.1\n  continued").is_err());
    }

    #[test]
    fn difference_names_the_first_differing_line() {
        assert_eq!(difference("a\nb", "a\nb"), None);
        assert_eq!(
            difference("a\nb", "a\nc").unwrap(),
            "line 2: ours \"b\", expected \"c\""
        );
    }
}
