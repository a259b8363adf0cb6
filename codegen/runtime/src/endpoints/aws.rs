//! The AWS library of the rules engine: `aws.parseArn` and `aws.isVirtualHostableS3Bucket`
//! (`aws.partition` is in `partitions`).

use super::functions::is_valid_host_label;
use super::value::Value;
use std::net::Ipv4Addr;

/// `aws.parseArn(value)`: `arn:partition:service:region:accountId:resource` as a record whose
/// `resourceId` is the resource split at `:` and `/`; `None` unless it starts with `arn` and has
/// a partition, a service and a resource.
pub(crate) fn parse_arn(value: &str) -> Value {
    let mut parts = value.splitn(6, ':');
    let (Some("arn"), Some(partition), Some(service), Some(region), Some(account), Some(resource)) = (
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
        parts.next(),
    ) else {
        return Value::None;
    };
    if partition.is_empty() || service.is_empty() || resource.is_empty() {
        return Value::None;
    }
    let resource_id = resource.split([':', '/']).map(Value::from).collect();
    Value::Object(vec![
        ("partition".into(), partition.into()),
        ("service".into(), service.into()),
        ("region".into(), region.into()),
        ("accountId".into(), account.into()),
        ("resourceId".into(), Value::Array(resource_id)),
    ])
}

/// `aws.isVirtualHostableS3Bucket(value, allowSubDomains)`: whether the bucket name can be the
/// first label(s) of a host: 3 to 63 characters, lower-case letters, digits and hyphens (dots
/// between labels with `allowSubDomains`), each label a valid host label, and not an IPv4 address.
pub(crate) fn is_virtual_hostable_s3_bucket(value: &str, allow_subdomains: bool) -> bool {
    (3..=63).contains(&value.len())
        && !value.bytes().any(|b| b.is_ascii_uppercase())
        && !value.ends_with('-')
        && value.parse::<Ipv4Addr>().is_err()
        && is_valid_host_label(value, allow_subdomains)
        && (!allow_subdomains || value.split('.').all(|l| !l.ends_with('-')))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arns() {
        let arn = parse_arn("arn:aws:s3:us-west-2:123456789012:accesspoint:myendpoint");
        assert_eq!(arn.get("service"), Some(&"s3".into()));
        assert_eq!(arn.get("accountId"), Some(&"123456789012".into()));
        assert_eq!(
            arn.get("resourceId"),
            Some(&Value::Array(vec![
                "accesspoint".into(),
                "myendpoint".into()
            ]))
        );
        let trailing = parse_arn("arn:aws:s3:::accesspoint:");
        assert_eq!(trailing.get("region"), Some(&"".into()));
        assert_eq!(
            trailing.get("resourceId"),
            Some(&Value::Array(vec!["accesspoint".into(), "".into()]))
        );
        for bad in [
            "arn:aws:s3:::",
            "arn::s3:r:a:x",
            "arn:aws::r:a:x",
            "nope:aws:s3:r:a:x",
            "arn:aws",
        ] {
            assert_eq!(parse_arn(bad), Value::None, "{bad}");
        }
    }

    #[test]
    fn buckets() {
        assert!(is_virtual_hostable_s3_bucket("my-bucket", false));
        assert!(is_virtual_hostable_s3_bucket("my.bucket", true));
        assert!(!is_virtual_hostable_s3_bucket("my.bucket", false));
        assert!(!is_virtual_hostable_s3_bucket("ab", false));
        assert!(!is_virtual_hostable_s3_bucket("MyBucket", false));
        assert!(!is_virtual_hostable_s3_bucket("192.168.1.1", true));
        assert!(!is_virtual_hostable_s3_bucket("a..b", true));
    }
}
