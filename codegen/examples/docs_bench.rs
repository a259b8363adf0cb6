//! Prints how long the documentation module takes on every documentation string of a model:
//! parse, then roxygen markdown, page markdown, Rd, rustdoc and titles, each phase over all
//! strings, best of five runs, wall time and (on Linux) this thread's CPU time.
//!
//! `cargo run --release -p codegen --example docs_bench -- [service-2.json]` (default: SageMaker
//! from botocore 1.35.0 in `../shared/upstream`).

use codegen::docs::{parse_html, Doc, RenderOptions};
use std::time::{Duration, Instant};

fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v.as_str()) {
                    ("documentation" | "smithy.api#documentation", Some(s)) => {
                        out.push(s.to_string())
                    }
                    _ => collect(v, out),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
        _ => {}
    }
}

/// CPU time of this thread in nanoseconds (Linux), to read through a busy machine's noise.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Best wall and CPU time of five runs of `f`.
fn best_of_5(mut f: impl FnMut() -> usize) -> (Duration, Option<u64>) {
    let mut wall = Duration::MAX;
    let mut cpu: Option<u64> = None;
    for _ in 0..5 {
        let c0 = cpu_ns();
        let t0 = Instant::now();
        std::hint::black_box(f());
        wall = wall.min(t0.elapsed());
        if let (Some(a), Some(b)) = (c0, cpu_ns()) {
            cpu = Some(cpu.map_or(b - a, |c| c.min(b - a)));
        }
    }
    (wall, cpu)
}

fn print_row(name: &str, wall: Duration, cpu: Option<u64>) {
    let cpu = cpu.map_or("n/a".to_string(), |c| format!("{:8.2} ms", c as f64 / 1e6));
    println!(
        "{name:>18}: {:8.2} ms wall, {cpu} CPU",
        wall.as_secs_f64() * 1e3
    );
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let default = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/upstream/botocore/1.35.0/sagemaker/2017-07-24/service-2.json"
    );
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| default.to_string());
    let model: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let mut docs = Vec::new();
    collect(&model, &mut docs);
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut opts = RenderOptions {
        width: 72,
        ..Default::default()
    };
    if let Some(ops) = model["operations"].as_object() {
        for op in ops.keys() {
            opts.operation_links
                .insert(op.clone(), format!("svc_{}", op.to_lowercase()));
        }
    }
    println!(
        "{path}\n{} documentation strings, {bytes} bytes; best of 5 runs",
        docs.len()
    );

    let mut parsed: Vec<Doc> = Vec::new();
    let mut rows = vec![(
        "parse",
        best_of_5(|| {
            parsed = docs.iter().map(|h| parse_html(h)).collect();
            parsed.len()
        }),
    )];
    let p = &parsed;
    let o = &opts;
    rows.push((
        "roxygen markdown",
        best_of_5(|| p.iter().map(|d| d.to_markdown(o).len()).sum()),
    ));
    rows.push((
        "page markdown",
        best_of_5(|| p.iter().map(|d| d.to_page_markdown(o).len()).sum()),
    ));
    rows.push(("Rd", best_of_5(|| p.iter().map(|d| d.to_rd(o).len()).sum())));
    rows.push((
        "rustdoc",
        best_of_5(|| p.iter().map(|d| d.to_rustdoc().len()).sum()),
    ));
    rows.push((
        "title",
        best_of_5(|| p.iter().map(|d| d.first_sentence().len()).sum()),
    ));

    let wall: Duration = rows.iter().map(|r| r.1 .0).sum();
    let cpu: Option<u64> = rows.iter().map(|r| r.1 .1).sum();
    for (name, (w, c)) in &rows {
        print_row(name, *w, *c);
    }
    print_row("total", wall, cpu);
    Ok(())
}
