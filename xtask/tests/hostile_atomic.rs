//! Atomic, exact output: the real `xtask generate` is killed with SIGKILL at random moments while it
//! replaces an output directory; after every kill the directory holds exactly the old output or exactly
//! the new one (never a mix, never a partial file), files outside it are untouched, and a complete run
//! leaves exactly the new files (those the new model no longer produces are gone).

mod common;

use common::snapshot;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A Smithy model with `ops` operations (each with an input structure and an enum), the service
/// documented with `tag` so that two models differ in every file that shows it.
fn model(ops: usize, tag: &str) -> String {
    let mut shapes = String::new();
    let mut refs = Vec::new();
    for i in 0..ops {
        refs.push(format!(r#"{{"target":"com.example#Op{i}"}}"#));
        shapes.push_str(&format!(
            r#","com.example#Op{i}":{{"type":"operation","input":{{"target":"com.example#In{i}"}},"traits":{{"smithy.api#documentation":"<p>Operation {i} ({tag}).</p>"}}}}"#
        ));
        shapes.push_str(&format!(
            r#","com.example#In{i}":{{"type":"structure","members":{{"Name":{{"target":"smithy.api#String","traits":{{"smithy.api#required":{{}},"smithy.api#documentation":"<p>The name ({tag}).</p>"}}}},"Kind":{{"target":"com.example#Kind{i}"}}}}}}"#
        ));
        shapes.push_str(&format!(
            r#","com.example#Kind{i}":{{"type":"enum","members":{{"A":{{"target":"smithy.api#Unit","traits":{{"smithy.api#enumValue":"a{i}"}}}}}}}}"#
        ));
    }
    format!(
        r#"{{"smithy":"2.0","shapes":{{"com.example#Svc":{{"type":"service","version":"1","operations":[{}],"traits":{{"aws.protocols#awsJson1_1":{{}},"aws.api#service":{{"sdkId":"Atomic"}},"smithy.api#documentation":"<p>{tag}</p>"}}}}{shapes}}}}}"#,
        refs.join(",")
    )
}

fn generate(model: &Path, out: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_xtask"));
    c.args(["generate", "--model"])
        .arg(model)
        .arg("--out")
        .arg(out)
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
}

fn run_to_end(model: &Path, out: &Path) -> Duration {
    let start = Instant::now();
    let o = generate(model, out).output().expect("run xtask");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    start.elapsed()
}

/// A small deterministic random sequence (no dependency needed for kill times).
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n.max(1)
    }
}

#[test]
fn a_killed_generate_leaves_the_old_output_whole_and_a_full_run_leaves_exactly_the_new() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let t = tmp.path();
    let (a, b) = (t.join("a.json"), t.join("b.json"));
    // B has fewer operations than A: files of A that B does not produce must disappear.
    std::fs::write(&a, model(40, "old")).expect("write");
    std::fs::write(&b, model(30, "new")).expect("write");
    let out = t.join("work").join("out");
    // Files outside the output directory: a neighbour file and a neighbour directory.
    std::fs::create_dir_all(t.join("work/keep")).expect("mkdir");
    std::fs::write(t.join("work/keep/file.txt"), "mine").expect("write");
    std::fs::write(t.join("work/outside.txt"), "also mine").expect("write");
    let outside_before = snapshot(&t.join("work/keep"));

    // The old and the new output, each produced once in full elsewhere.
    run_to_end(&a, &t.join("ref_a"));
    let took = run_to_end(&b, &t.join("ref_b"));
    let (old, new) = (snapshot(&t.join("ref_a")), snapshot(&t.join("ref_b")));
    assert_ne!(old, new);
    assert!(old.keys().any(|k| !new.contains_key(k)));

    run_to_end(&a, &out);
    assert_eq!(snapshot(&out), old);

    let mut rng = Lcg(0x5eed);
    let window = took.as_micros() as u64 + 1;
    let (mut killed, mut finished) = (0, 0);
    for round in 0..30 {
        // Alternate the model so that each round replaces one complete output with the other.
        let model = if round % 2 == 0 { &b } else { &a };
        let before = snapshot(&out);
        let mut child = generate(model, &out).spawn().expect("spawn xtask");
        // Most of a run is loading and generating; the writing is at the end: aim mostly there.
        let at = if round % 3 == 0 {
            rng.below(window)
        } else {
            window / 2 + rng.below(window * 3 / 5)
        };
        std::thread::sleep(Duration::from_micros(at));
        let _ = child.kill(); // SIGKILL
        let status = child.wait().expect("wait");
        if status.success() {
            finished += 1;
        } else {
            killed += 1;
        }
        let now = whole(&out, t);
        assert!(
            now == old || now == new,
            "round {round}: the output is neither the old nor the new one ({} files; old {}, new {})",
            now.len(),
            old.len(),
            new.len()
        );
        if !status.success() {
            // A kill that lands after the swap (before the process exits) leaves this round's
            // complete output; any earlier kill leaves the previous output untouched.
            let target = if round % 2 == 0 { &new } else { &old };
            assert!(
                now == before || now == *target,
                "round {round}: a killed run left neither the previous output nor its own whole output"
            );
        }
        assert_eq!(snapshot(&t.join("work/keep")), outside_before);
        assert_eq!(
            std::fs::read_to_string(t.join("work/outside.txt")).expect("read"),
            "also mine"
        );
    }
    assert!(killed > 0, "no run was killed ({finished} finished)");
    eprintln!("{killed} runs killed, {finished} finished");

    // A full run after all the kills: exactly the new files, nothing left over.
    run_to_end(&b, &out);
    assert_eq!(snapshot(&out), new);
    assert_eq!(snapshot(&t.join("work/keep")), outside_before);
    let mut left: Vec<String> = std::fs::read_dir(t.join("work"))
        .expect("read_dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["keep", "out", "outside.txt"],
        "debris beside the output"
    );
}

/// The output directory as it stands, or, when a run died between moving the old tree aside and
/// moving the new one in, the tree that the next run restores first (`.out.old`).
fn whole(out: &Path, _t: &Path) -> BTreeMap<std::path::PathBuf, Vec<u8>> {
    if out.is_dir() {
        return snapshot(out);
    }
    let aside = out.with_file_name(".out.old");
    assert!(
        aside.is_dir(),
        "the output directory is gone and nothing can restore it"
    );
    snapshot(&aside)
}
