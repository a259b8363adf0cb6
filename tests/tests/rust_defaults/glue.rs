//! glue `ComputeEnvironmentConfiguration.ConnectionPropertiesRequiredOverrides` is a required list
//! with `default: []`.

use defaults_glue::{ComputeEnvironment, ComputeEnvironmentConfiguration};
use std::collections::BTreeMap;

#[test]
fn build_fills_in_an_empty_list() {
    let c = ComputeEnvironmentConfiguration::builder()
        .name("spark")
        .description("d")
        .compute_environment(ComputeEnvironment::Spark)
        .supported_authentication_types(vec![])
        .connection_options(BTreeMap::new())
        .connection_property_name_overrides(BTreeMap::<String, String>::new())
        .connection_option_name_overrides(BTreeMap::<String, String>::new())
        .build()
        .expect("the list has a default");
    assert!(c.connection_properties_required_overrides.is_empty());
    let err = ComputeEnvironmentConfiguration::builder().build().unwrap_err();
    assert!(
        !err.missing().contains(&"ConnectionPropertiesRequiredOverrides"),
        "{err}"
    );
    assert_eq!(err.missing().len(), 7, "{err}");
}
