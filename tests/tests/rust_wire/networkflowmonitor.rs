//! networkflowmonitor (restJson1): `WorkloadInsightsTopContributorsTimestampsList`'s member says
//! `timestampFormat: date-time`, so every timestamp in the list is an RFC 3339 string.

use serde_json::json;
use wire_networkflowmonitor::primitives::DateTime;
use wire_networkflowmonitor::{
    GetQueryResultsWorkloadInsightsTopContributorsDataInput as Input,
    GetQueryResultsWorkloadInsightsTopContributorsDataOutput as Output,
};

#[test]
fn timestamps_in_a_list_follow_the_member_format() {
    let wire = json!({
        "unit": "Seconds",
        "datapoints": [{
            "timestamps": ["2024-05-06T07:08:09Z", "2024-05-06T07:08:10.25Z"],
            "values": [1.5, 2.0],
            "label": "a"
        }]
    });
    let v: Output = serde_json::from_value(wire.clone()).unwrap();
    assert_eq!(v.datapoints[0].timestamps[1], DateTime::from_secs_nanos(1_714_979_290, 250_000_000));
    assert_eq!(serde_json::to_value(&v).unwrap(), wire);
    // Epoch seconds are read too (leniently), and written back in the model's format.
    let epoch: Output = serde_json::from_value(json!({
        "unit": "Seconds", "datapoints": [{"timestamps": [0], "values": [], "label": "b"}]
    }))
    .unwrap();
    assert_eq!(
        serde_json::to_value(&epoch).unwrap()["datapoints"][0]["timestamps"],
        json!(["1970-01-01T00:00:00Z"])
    );
}

#[test]
fn labels_and_query_parameters_are_not_in_the_body() {
    let input = Input::builder().scope_id("s").query_id("q").max_results(5).next_token("t").build().unwrap();
    assert_eq!(serde_json::to_value(&input).unwrap(), json!({}));
}
