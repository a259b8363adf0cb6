//! `aws.partition`: which AWS partition a region belongs to, and that partition's facts (DNS
//! suffixes, FIPS and dual-stack support).
//!
//! The facts table below restates botocore's `botocore/data/partitions.json` (format version 1.1)
//! from the botocore 1.37.23 package on PyPI, Apache-2.0 (Copyright Amazon.com, Inc. or its
//! affiliates). Its regions carry no per-region overrides of the partition's outputs, so the table
//! holds none. To update: compare with a newer botocore's `partitions.json` and edit the table.

use super::value::Value;
use std::sync::OnceLock;

/// One partition: its regions, the pattern of region names it claims, and its outputs.
struct PartitionFacts {
    id: &'static str,
    region_regex: &'static str,
    regions: &'static [&'static str],
    name: &'static str,
    dns_suffix: &'static str,
    dual_stack_dns_suffix: &'static str,
    supports_fips: bool,
    supports_dual_stack: bool,
    implicit_global_region: &'static str,
}

static PARTITIONS: &[PartitionFacts] = &[
    PartitionFacts {
        id: "aws",
        region_regex: r"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$",
        regions: &[
            "af-south-1",
            "ap-east-1",
            "ap-northeast-1",
            "ap-northeast-2",
            "ap-northeast-3",
            "ap-south-1",
            "ap-south-2",
            "ap-southeast-1",
            "ap-southeast-2",
            "ap-southeast-3",
            "ap-southeast-4",
            "ap-southeast-5",
            "ap-southeast-7",
            "aws-global",
            "ca-central-1",
            "ca-west-1",
            "eu-central-1",
            "eu-central-2",
            "eu-north-1",
            "eu-south-1",
            "eu-south-2",
            "eu-west-1",
            "eu-west-2",
            "eu-west-3",
            "il-central-1",
            "me-central-1",
            "me-south-1",
            "mx-central-1",
            "sa-east-1",
            "us-east-1",
            "us-east-2",
            "us-west-1",
            "us-west-2",
        ],
        name: "aws",
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "us-east-1",
    },
    PartitionFacts {
        id: "aws-cn",
        region_regex: r"^cn\-\w+\-\d+$",
        regions: &["aws-cn-global", "cn-north-1", "cn-northwest-1"],
        name: "aws-cn",
        dns_suffix: "amazonaws.com.cn",
        dual_stack_dns_suffix: "api.amazonwebservices.com.cn",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "cn-northwest-1",
    },
    PartitionFacts {
        id: "aws-us-gov",
        region_regex: r"^us\-gov\-\w+\-\d+$",
        regions: &["aws-us-gov-global", "us-gov-east-1", "us-gov-west-1"],
        name: "aws-us-gov",
        dns_suffix: "amazonaws.com",
        dual_stack_dns_suffix: "api.aws",
        supports_fips: true,
        supports_dual_stack: true,
        implicit_global_region: "us-gov-west-1",
    },
    PartitionFacts {
        id: "aws-iso",
        region_regex: r"^us\-iso\-\w+\-\d+$",
        regions: &["aws-iso-global", "us-iso-east-1", "us-iso-west-1"],
        name: "aws-iso",
        dns_suffix: "c2s.ic.gov",
        dual_stack_dns_suffix: "c2s.ic.gov",
        supports_fips: true,
        supports_dual_stack: false,
        implicit_global_region: "us-iso-east-1",
    },
    PartitionFacts {
        id: "aws-iso-b",
        region_regex: r"^us\-isob\-\w+\-\d+$",
        regions: &["aws-iso-b-global", "us-isob-east-1"],
        name: "aws-iso-b",
        dns_suffix: "sc2s.sgov.gov",
        dual_stack_dns_suffix: "sc2s.sgov.gov",
        supports_fips: true,
        supports_dual_stack: false,
        implicit_global_region: "us-isob-east-1",
    },
    PartitionFacts {
        id: "aws-iso-e",
        region_regex: r"^eu\-isoe\-\w+\-\d+$",
        regions: &["eu-isoe-west-1"],
        name: "aws-iso-e",
        dns_suffix: "cloud.adc-e.uk",
        dual_stack_dns_suffix: "cloud.adc-e.uk",
        supports_fips: true,
        supports_dual_stack: false,
        implicit_global_region: "eu-isoe-west-1",
    },
    PartitionFacts {
        id: "aws-iso-f",
        region_regex: r"^us\-isof\-\w+\-\d+$",
        regions: &["aws-iso-f-global", "us-isof-east-1", "us-isof-south-1"],
        name: "aws-iso-f",
        dns_suffix: "csp.hci.ic.gov",
        dual_stack_dns_suffix: "csp.hci.ic.gov",
        supports_fips: true,
        supports_dual_stack: false,
        implicit_global_region: "us-isof-south-1",
    },
];

/// The partitions' region patterns, compiled once. A pattern that does not compile matches
/// nothing (the table is fixed, and a unit test checks every pattern compiles).
fn patterns() -> &'static [Option<regress::Regex>] {
    static COMPILED: OnceLock<Vec<Option<regress::Regex>>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        PARTITIONS
            .iter()
            .map(|p| regress::Regex::new(p.region_regex).ok())
            .collect()
    })
}

/// `aws.partition(region)`: the partition listing the region, else the first whose pattern
/// matches it, else `aws` (as the rules engine specifies for unknown regions).
pub(crate) fn partition(region: &str) -> Value {
    let facts = PARTITIONS
        .iter()
        .find(|p| p.regions.contains(&region))
        .or_else(|| {
            PARTITIONS
                .iter()
                .zip(patterns())
                .find_map(|(p, re)| re.as_ref().and_then(|re| re.find(region)).map(|_| p))
        })
        .or_else(|| PARTITIONS.iter().find(|p| p.id == "aws"));
    let Some(p) = facts else { return Value::None };
    Value::Object(vec![
        ("name".into(), p.name.into()),
        ("dnsSuffix".into(), p.dns_suffix.into()),
        ("dualStackDnsSuffix".into(), p.dual_stack_dns_suffix.into()),
        ("supportsFIPS".into(), p.supports_fips.into()),
        ("supportsDualStack".into(), p.supports_dual_stack.into()),
        (
            "implicitGlobalRegion".into(),
            p.implicit_global_region.into(),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_compiles() {
        assert!(patterns().iter().all(Option::is_some));
    }

    fn name(region: &str) -> String {
        partition(region)
            .get("name")
            .and_then(Value::as_str)
            .unwrap()
            .to_owned()
    }

    #[test]
    fn listed_matched_and_unknown_regions() {
        assert_eq!(name("us-east-1"), "aws");
        assert_eq!(name("cn-north-1"), "aws-cn");
        assert_eq!(name("aws-us-gov-global"), "aws-us-gov");
        // Not listed, but matching a pattern.
        assert_eq!(name("us-gov-south-9"), "aws-us-gov");
        assert_eq!(name("us-isob-west-7"), "aws-iso-b");
        assert_eq!(name("eu-isoe-east-2"), "aws-iso-e");
        // Neither: the aws partition.
        assert_eq!(name("mars-east-1"), "aws");
        let cn = partition("cn-northwest-1");
        assert_eq!(
            cn.get("dnsSuffix").and_then(Value::as_str),
            Some("amazonaws.com.cn")
        );
        assert_eq!(cn.get("supportsFIPS"), Some(&Value::Bool(true)));
    }
}
