//! sfn `DescribeMapRunOutput`: `maxConcurrency`, `toleratedFailurePercentage` (a float) and
//! `toleratedFailureCount` are required with `default: 0`.

use defaults_sfn::primitives::DateTime;
use defaults_sfn::{DescribeMapRunOutput, MapRunExecutionCounts, MapRunItemCounts, MapRunStatus};
use serde_json::json;

fn counts() -> (MapRunItemCounts, MapRunExecutionCounts) {
    let items: MapRunItemCounts = serde_json::from_value(json!({
        "pending": 0, "running": 0, "succeeded": 1, "failed": 0, "timedOut": 0, "aborted": 0,
        "total": 1, "resultsWritten": 1
    }))
    .expect("item counts");
    let executions: MapRunExecutionCounts = serde_json::from_value(json!({
        "pending": 0, "running": 0, "succeeded": 1, "failed": 0, "timedOut": 0, "aborted": 0,
        "total": 1, "resultsWritten": 1
    }))
    .expect("execution counts");
    (items, executions)
}

#[test]
fn build_fills_in_the_zero_defaults() {
    let (items, executions) = counts();
    let out = DescribeMapRunOutput::builder()
        .map_run_arn("arn:aws:states:us-east-1:123456789012:mapRun:m/1:2")
        .execution_arn("arn:aws:states:us-east-1:123456789012:execution:m:1")
        .status(MapRunStatus::Succeeded)
        .start_date(DateTime::from_secs(1_700_000_000))
        .item_counts(items)
        .execution_counts(executions)
        .build()
        .expect("every member without a default is set");
    assert_eq!(out.max_concurrency, 0);
    assert_eq!(out.tolerated_failure_percentage, 0.0);
    assert_eq!(out.tolerated_failure_count, 0);
    assert!(out.validate().is_ok());
    let set = DescribeMapRunOutput::builder().max_concurrency(7).build().unwrap_err();
    // Members with a default are never reported missing; the others all are.
    assert_eq!(
        set.missing(),
        ["mapRunArn", "executionArn", "status", "startDate", "itemCounts", "executionCounts"]
    );
}

#[test]
fn float_members_refuse_numbers_beyond_f32() {
    let err = serde_json::from_value::<DescribeMapRunOutput>(json!({"toleratedFailurePercentage": 3e39}))
        .unwrap_err();
    assert!(err.to_string().contains("out of range for a 32-bit float"), "{err}");
}
