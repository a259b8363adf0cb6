//! cloudtrail (awsJson1_1): `Timestamps` is a list of timestamps with no `timestampFormat`, so the
//! JSON protocols' default applies: epoch seconds, with a fraction when there is one.

use serde_json::json;
use wire_cloudtrail::primitives::DateTime;
use wire_cloudtrail::ListInsightsMetricDataResponse;

#[test]
fn timestamps_in_a_list_default_to_epoch_seconds() {
    let wire = json!({"EventSource": "s", "Timestamps": [1_700_000_000, 1_700_000_000.5], "Values": [1.0]});
    let v: ListInsightsMetricDataResponse = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(
        v.timestamps.as_deref(),
        Some(&[DateTime::from_secs(1_700_000_000), DateTime::from_secs_nanos(1_700_000_000, 500_000_000)][..])
    );
    assert_eq!(serde_json::to_value(&v).unwrap(), wire);
    let from_text: ListInsightsMetricDataResponse =
        serde_json::from_value(json!({"Timestamps": ["2023-11-14T22:13:20Z"]})).unwrap();
    assert_eq!(serde_json::to_value(&from_text).unwrap(), json!({"Timestamps": [1_700_000_000]}));
}
