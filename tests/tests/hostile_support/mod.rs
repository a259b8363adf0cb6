//! Shared code of the `hostile_*` tests (not a test target itself): the structured-model generator
//! ([`spec`]), the fuzzing invariants ([`harness`], also compiled into `fuzz/`), limit models ([`big`])
//! and R parsing in batches ([`rparse`]).
#![allow(dead_code)]

pub mod big;
pub mod harness;
pub mod rparse;
pub mod spec;

/// Run `f` on a thread with a 2 MiB stack (the default of spawned and rayon threads), so a test
/// proves the code does not need a bigger stack than any caller can count on.
pub fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("spawn a thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e))
}
