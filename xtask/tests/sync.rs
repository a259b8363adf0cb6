//! `cargo xtask sync` against a local HTTP server on 127.0.0.1 started by the test, on a temporary
//! copy of `models/` + `generated/`: a good file updates the projection, the pin and the generated
//! output; a wrong sha256, a truncated body, an HTTP 500 and malformed JSON each leave every file
//! byte for byte as it was, with a clear error.

mod common;

use common::{snapshot, stderr, stdout, temp_root, upstream, xtask};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::Arc;

/// What the server answers on a path.
#[derive(Clone)]
enum Reply {
    Ok(Vec<u8>),
    /// Announce the full length, send only half, close.
    Truncated(Vec<u8>),
    Status(u16),
}

/// Serve `routes` on 127.0.0.1 (an ephemeral port) from a background thread; returns the base URL.
fn serve(routes: Vec<(&'static str, Reply)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let addr = listener.local_addr().expect("addr");
    let routes = Arc::new(routes);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let routes = Arc::clone(&routes);
            std::thread::spawn(move || answer(stream, &routes));
        }
    });
    format!("http://{addr}")
}

fn answer(mut stream: TcpStream, routes: &[(&'static str, Reply)]) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let reply = routes
        .iter()
        .find(|(p, _)| *p == path)
        .map_or(Reply::Status(404), |(_, r)| r.clone());
    let head = |status: &str, len: usize| {
        format!("HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n")
    };
    let _ = match reply {
        Reply::Ok(body) => stream
            .write_all(head("200 OK", body.len()).as_bytes())
            .and_then(|()| stream.write_all(&body)),
        Reply::Truncated(body) => stream
            .write_all(head("200 OK", body.len()).as_bytes())
            .and_then(|()| stream.write_all(&body[..body.len() / 2])),
        Reply::Status(code) => {
            let body = b"{\"message\": \"internal error\"}";
            stream
                .write_all(head(&format!("{code} Internal Server Error"), body.len()).as_bytes())
                .and_then(|()| stream.write_all(body))
        }
    };
    let _ = stream.flush();
}

fn good_body() -> Vec<u8> {
    std::fs::read(upstream(
        "botocore/1.44.8/sagemaker/2017-07-24/service-2.json",
    ))
    .expect("read")
}

#[test]
fn failed_downloads_change_nothing() {
    let body = good_body();
    let base = serve(vec![
        ("/model.json", Reply::Ok(body.clone())),
        ("/truncated.json", Reply::Truncated(body)),
        ("/error.json", Reply::Status(500)),
        (
            "/malformed.json",
            Reply::Ok(b"{\"metadata\": {\"protocol\": \"json\"".to_vec()),
        ),
    ]);
    let root = temp_root();
    let r = root.path();
    let before = snapshot(r);
    assert!(
        before.keys().any(|p| p.starts_with("models")),
        "no models/ copied"
    );

    let cases: [(&str, &[&str], &[&str]); 4] = [
        // A good file that is not the pinned one, without --update.
        (
            "/model.json",
            &[],
            &["sha256 mismatch", "--update", "nothing was changed"],
        ),
        // From here on --update accepts any sha256: the other checks must stop the sync.
        (
            "/truncated.json",
            &["--update"],
            &["truncated", "nothing was changed"],
        ),
        (
            "/error.json",
            &["--update"],
            &["HTTP 500", "nothing was changed"],
        ),
        (
            "/malformed.json",
            &["--update"],
            &["not a loadable model", "invalid JSON"],
        ),
    ];
    for (path, extra, expected) in cases {
        let url = format!("{base}{path}");
        let mut args = vec!["sync", "sagemaker", "--from", &url];
        args.extend_from_slice(extra);
        let out = xtask(r, &args);
        let err = stderr(&out);
        assert!(!out.status.success(), "{path}: sync succeeded\n{err}");
        for e in expected {
            assert!(
                err.contains(e),
                "{path}: expected {e:?} in the error:\n{err}"
            );
        }
        assert!(before == snapshot(r), "{path}: files changed");
    }
}

#[test]
fn a_good_file_updates_projection_pin_and_generated_output() {
    let body = good_body();
    let sha = codegen::digest::sha256_hex(&body);
    let base = serve(vec![("/service-2.json", Reply::Ok(body))]);
    let root = temp_root();
    let r = root.path();
    // Start from up-to-date output.
    let regen = xtask(r, &["regenerate"]);
    assert!(regen.status.success(), "{}", stderr(&regen));
    let before = snapshot(r);
    let manifest_before =
        std::fs::read_to_string(r.join("models/sagemaker.toml")).expect("manifest");
    assert!(!manifest_before.contains(&sha));

    let url = format!("{base}/service-2.json");
    // A dry run prints the same diff and writes nothing.
    let dry = xtask(
        r,
        &["sync", "sagemaker", "--from", &url, "--update", "--dry-run"],
    );
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("ProductionVariant$InstancePools"),
        "{}",
        stdout(&dry)
    );
    assert!(before == snapshot(r), "--dry-run wrote something");

    // From the Smithy projection to botocore, required members lose `clientOptional`: their fields
    // turn from `Option<T>` to `T`, a breaking change that sync refuses unless told otherwise.
    let refused = xtask(r, &["sync", "sagemaker", "--from", &url, "--update"]);
    assert!(!refused.status.success(), "a breaking change was accepted");
    assert!(
        stderr(&refused).contains("--allow-breaking"),
        "{}",
        stderr(&refused)
    );
    assert!(before == snapshot(r), "a refused sync wrote something");

    let body_file = r.join("pr-body.md");
    let out = xtask(
        r,
        &[
            "sync",
            "sagemaker",
            "--from",
            &url,
            "--update",
            "--allow-breaking",
            "--changelog-out",
            body_file.to_str().expect("utf-8"),
        ],
    );
    assert!(out.status.success(), "{}\n{}", stdout(&out), stderr(&out));
    // Both packages moved to 0.2.0 (major below 1.0), with a changelog entry each, in the package too.
    let manifest = std::fs::read_to_string(r.join("models/sagemaker.toml")).expect("manifest");
    assert_eq!(
        manifest.matches("version = \"0.2.0\"").count(),
        2,
        "{manifest}"
    );
    for (package, dir) in [
        ("sagemaker-endpoint-config", "rust"),
        ("paws.sagemaker.endpointconfig", "r"),
    ] {
        let log = std::fs::read_to_string(r.join(format!("models/changelog/{package}.md")))
            .expect("changelog");
        assert!(log.starts_with("# Changelog\n\n## 0.2.0 ("), "{log}");
        assert!(
            log.contains("Major release: ") && log.contains("## 0.1.0 ("),
            "{log}"
        );
        let copy =
            std::fs::read_to_string(r.join(format!("generated/{dir}/{package}/CHANGELOG.md")))
                .expect("the package's CHANGELOG.md");
        assert_eq!(copy, log);
    }
    let body = std::fs::read_to_string(&body_file).expect("pull request body");
    assert!(
        body.contains("sagemaker-endpoint-config 0.1.1 -> 0.2.0 (major)")
            || body.contains("sagemaker-endpoint-config 0.1.0 -> 0.2.0 (major)"),
        "{body}"
    );
    // The diff against the old projection is printed: the new members of ProductionVariant.
    let report = stdout(&out);
    assert!(
        report.contains("MemberAdded") && report.contains("ProductionVariant$InstancePools"),
        "{report}"
    );

    // The pin and the two versions changed, each on its line only.
    let manifest = std::fs::read_to_string(r.join("models/sagemaker.toml")).expect("manifest");
    let changed: Vec<(&str, &str)> = manifest_before
        .lines()
        .zip(manifest.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 3, "{changed:?}");
    assert_eq!(changed[0].1, format!("sha256 = \"{sha}\""));
    assert_eq!(changed[1].1, "version = \"0.2.0\"");
    assert_eq!(changed[2].1, "version = \"0.2.0\"");

    // The projection holds the new member, and generated/ changed to exactly what regenerate makes.
    let after = snapshot(r);
    let proj = std::path::Path::new("models/sagemaker.projection.json");
    assert_ne!(before[proj], after[proj]);
    assert!(String::from_utf8_lossy(&after[proj]).contains("\"InstancePools\""));
    let generated_changed = after
        .iter()
        .filter(|(p, b)| p.starts_with("generated") && before.get(*p) != Some(*b))
        .count();
    assert!(generated_changed > 0, "generated/ did not change");
    let check = xtask(r, &["regenerate", "--check"]);
    assert!(check.status.success(), "{}", stderr(&check));

    // Syncing the same file again (now pinned) changes nothing and reports no changes.
    let again = xtask(r, &["sync", "sagemaker", "--from", &url]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(stdout(&again).contains("no changes"), "{}", stdout(&again));
    assert!(after == snapshot(r));
}

#[test]
fn the_pinned_file_reproduces_the_committed_projection() {
    let root = temp_root();
    let r = root.path();
    let pinned = upstream("api-models-aws/sagemaker/service/2017-07-24/sagemaker-2017-07-24.json");
    let models_before = snapshot(&r.join("models"));
    let out = xtask(
        r,
        &["sync", "sagemaker", "--from", &pinned.display().to_string()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("sha256 matches the pin"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("no changes"), "{}", stdout(&out));
    assert!(
        models_before == snapshot(&r.join("models")),
        "the committed projection is not what sync makes"
    );
    let check = xtask(r, &["regenerate", "--check"]);
    assert!(check.status.success(), "{}", stderr(&check));
}

#[test]
fn a_failed_regeneration_puts_models_back() {
    let base = serve(vec![("/service-2.json", Reply::Ok(good_body()))]);
    let root = temp_root();
    let r = root.path();
    // A second service whose projection is missing: regenerating everything fails after sync has
    // written the new SageMaker projection and pin.
    let manifest = std::fs::read_to_string(r.join("models/sagemaker.toml")).expect("manifest");
    let broken = manifest
        .replace("id = \"sagemaker\"", "id = \"broken\"")
        .replace("sagemaker.projection.json", "broken.projection.json")
        .replace("crate_name = \"", "crate_name = \"broken-")
        .replace("package = \"", "package = \"broken.");
    std::fs::write(r.join("models/broken.toml"), broken).expect("write");
    let before = snapshot(r);
    let url = format!("{base}/service-2.json");
    let out = xtask(
        r,
        &[
            "sync",
            "sagemaker",
            "--from",
            &url,
            "--update",
            "--allow-breaking",
        ],
    );
    let err = stderr(&out);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("models/ was restored"), "{err}");
    assert!(err.contains("broken"), "{err}");
    assert!(before == snapshot(r), "files changed");
}
