//! kafkaconnect `CloudWatchLogsLogDelivery.enabled` (and its Firehose and S3 siblings) are required
//! booleans with `default: false`.

use defaults_kafkaconnect::{
    CloudWatchLogsLogDelivery, FirehoseLogDelivery, S3LogDelivery, WorkerLogDelivery,
};

#[test]
fn build_fills_in_false() {
    let cw = CloudWatchLogsLogDelivery::builder().log_group("g").build().expect("defaulted");
    assert!(!cw.enabled);
    assert_eq!(cw.log_group.as_deref(), Some("g"));
    assert!(!FirehoseLogDelivery::builder().build().expect("defaulted").enabled);
    assert!(!S3LogDelivery::builder().build().expect("defaulted").enabled);
    let on = CloudWatchLogsLogDelivery::builder().enabled(true).build().unwrap();
    assert!(on.enabled);
    let worker = WorkerLogDelivery::builder().cloud_watch_logs(cw).build().unwrap();
    assert!(worker.validate().is_ok());
}
