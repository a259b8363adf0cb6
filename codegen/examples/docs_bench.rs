//! Prints how long the documentation module takes on every documentation string of a model:
//! parse, then markdown (roxygen), page markdown, Rd and rustdoc.
//!
//! `cargo run --release -p codegen --example docs_bench -- [service-2.json]` (default: SageMaker
//! from botocore 1.35.0 in `../shared/upstream`).

use codegen::docs::{parse_html, RenderOptions};
use std::time::{Duration, Instant};

fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v.as_str()) {
                    ("documentation", Some(s)) => out.push(s.to_string()),
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
        "{path}\n{} documentation strings, {bytes} bytes",
        docs.len()
    );
    let mut best = [Duration::MAX; 6];
    let mut best_cpu = u64::MAX;
    for _ in 0..5 {
        let cpu0 = cpu_ns();
        let mut t = [Duration::ZERO; 6];
        let mut out = 0usize;
        for html in &docs {
            let s = Instant::now();
            let doc = parse_html(html);
            t[0] += s.elapsed();
            let s = Instant::now();
            out += doc.to_markdown(&opts).len();
            t[1] += s.elapsed();
            let s = Instant::now();
            out += doc.to_page_markdown(&opts).len();
            t[2] += s.elapsed();
            let s = Instant::now();
            out += doc.to_rd(&opts).len();
            t[3] += s.elapsed();
            let s = Instant::now();
            out += doc.to_rustdoc().len() + doc.first_sentence().len();
            t[4] += s.elapsed();
        }
        t[5] = t[..5].iter().sum();
        if let (Some(a), Some(b)) = (cpu0, cpu_ns()) {
            best_cpu = best_cpu.min(b - a);
        }
        std::hint::black_box(out);
        for (b, x) in best.iter_mut().zip(t) {
            *b = (*b).min(x);
        }
    }
    let names = [
        "parse",
        "roxygen markdown",
        "page markdown",
        "Rd",
        "rustdoc + title",
        "total",
    ];
    for (name, d) in names.iter().zip(best) {
        println!(
            "{name:>18}: {:8.2} ms wall (best of 5)",
            d.as_secs_f64() * 1000.0
        );
    }
    if best_cpu != u64::MAX {
        println!(
            "{:>18}: {:8.2} ms CPU (best of 5)",
            "total",
            best_cpu as f64 / 1e6
        );
    }
    Ok(())
}
