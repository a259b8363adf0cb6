//! `cargo xtask conformance <suite>`: runs an official conformance suite and prints one line per
//! case (`PASS`, `FAIL` with what differs, `SKIP` with the reason; `endpoints`: one line per model
//! file, with its failing cases), then exactly `N passed, N failed, N skipped`; the exit status is 1
//! when any case failed.

mod botocore;
mod endpoints;
mod protocol;
mod sigv4;

use anyhow::Result;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    suite: Suite,
}

#[derive(clap::Subcommand)]
enum Suite {
    /// The SigV4 test vectors (../shared/sigv4-testsuite): canonical request, string to sign and
    /// Authorization header of every case.
    Sigv4(sigv4::Args),
    /// AWS's protocol tests for the JSON protocols (../shared/protocol-tests, botocore's form):
    /// each suite generated as a crate, every request and response case compared.
    Protocol(protocol::Args),
    /// Every `smithy.rules#endpointTests` case of every model (../shared/upstream/api-models-aws),
    /// against the model's own endpoint rule set.
    Endpoints(endpoints::Args),
    /// The differential against botocore: every operation of 22 JSON-protocol services, seeded
    /// random inputs serialized and random responses parsed by both botocore and the generated
    /// crate.
    Botocore(botocore::Args),
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.suite {
        Suite::Sigv4(a) => sigv4::run(a),
        Suite::Protocol(a) => protocol::run(a),
        Suite::Endpoints(a) => endpoints::run(a),
        Suite::Botocore(a) => botocore::run(a),
    }
}

/// What became of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Pass,
    Fail(String),
    Skip(String),
}

/// Counts outcomes and prints a line for each.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
}

impl Tally {
    /// Prints `PASS name`, `FAIL name: why` or `SKIP name: why`, and counts it.
    pub fn record(&mut self, name: &str, outcome: &Outcome) {
        match outcome {
            Outcome::Pass => {
                self.passed += 1;
                println!("PASS {name}");
            }
            Outcome::Fail(why) => {
                self.failed += 1;
                println!("FAIL {name}: {why}");
            }
            Outcome::Skip(why) => {
                self.skipped += 1;
                println!("SKIP {name}: {why}");
            }
        }
    }

    /// Adds another tally's counts (one file's, in a suite that runs files in parallel).
    pub fn add(&mut self, other: Tally) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }

    /// Prints the closing line; failure when any case failed.
    pub fn finish(&self) -> ExitCode {
        println!(
            "{} passed, {} failed, {} skipped",
            self.passed, self.failed, self.skipped
        );
        if self.failed == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}
