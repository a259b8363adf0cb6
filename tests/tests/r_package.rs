//! The whole SageMaker model (every operation), in each botocore version and in Smithy form, through
//! the R target: every R file parses, every Rd page passes `tools::checkRd()` silently, every
//! interface's `shape` has the model's member names at every level (one `Rscript` run per model).

mod r_common;

use r_common::{check_in_r, load};

#[test]
fn sagemaker_botocore_1_35_0_passes_r_checks() {
    let out = check_in_r(&load(&tests::sagemaker_botocore("1.35.0")));
    r_common::keep(&out);
}

#[test]
fn sagemaker_botocore_1_37_23_passes_r_checks() {
    check_in_r(&load(&tests::sagemaker_botocore("1.37.23")));
}

#[test]
fn sagemaker_botocore_1_44_8_passes_r_checks() {
    check_in_r(&load(&tests::sagemaker_botocore("1.44.8")));
}

#[test]
fn sagemaker_smithy_passes_r_checks() {
    check_in_r(&load(&tests::sagemaker_smithy()));
}

/// The four endpoint-config operations (the manifest's selection): links to operations outside the
/// selection are not made.
#[test]
fn endpoint_config_selection_passes_r_checks() {
    let full = load(&tests::sagemaker_botocore("1.35.0"));
    let ops: Vec<String> = [
        "CreateEndpointConfig",
        "DescribeEndpointConfig",
        "ListEndpointConfigs",
        "DeleteEndpointConfig",
    ]
    .map(String::from)
    .to_vec();
    let model = codegen::select::select(&full, &ops).expect("select");
    let out = check_in_r(&model);
    let rd = String::from_utf8(
        out.package
            .get("man/sagemaker_create_endpoint_config.Rd")
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    assert!(
        rd.contains("\\link[=sagemaker_describe_endpoint_config]"),
        "link to a selected operation"
    );
    assert!(
        !rd.contains("\\link[=sagemaker_create_model]"),
        "no link outside the selection"
    );
    let ops_r = String::from_utf8(
        out.package
            .get("R/sagemaker_operations.R")
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    assert!(ops_r.contains(
        "paginator = list(input_token = \"NextToken\", output_token = \"NextToken\", limit_key = \"MaxResults\", result_key = \"EndpointConfigs\")"
    ));
    assert_eq!(out.docs.len(), 4);
}

/// A synthetic model whose names and prose try to break every target (keywords, quotes, `%`,
/// braces, backslashes, `@`, non-ASCII, recursion, unions, maps, HTTP bindings).
#[test]
fn hostile_fixture_passes_r_checks_and_stays_data() {
    let path = tests::project_root().join("tests/fixtures/r/hostile/service-2.json");
    let model = load(&path);
    let out = check_in_r(&model);
    r_common::keep(&out);
    let text = |p: &str| {
        String::from_utf8(out.package.get(p).unwrap_or_else(|| panic!("{p}")).to_vec()).unwrap()
    };
    let ops = text("R/hostiletest_operations.R");
    assert!(
        ops.contains("hostiletest_put_thing <- function(Id, `if`, `a b` = NULL, op = NULL,"),
        "{ops}"
    );
    assert!(ops.contains("http_method = \"PUT\""));
    assert!(ops.contains("http_path = \"/things/{Id}\""));
    // `op` is an argument: the input is built before `op` is reassigned.
    let put = &ops[ops.find("hostiletest_put_thing <- function").unwrap()..];
    assert!(
        put.find("input <- .hostiletest$put_thing_input(").unwrap()
            < put.find("op <- new_operation(").unwrap()
    );
    let ifaces = text("R/hostiletest_interfaces.R");
    assert!(ifaces.contains("`if` = structure(logical(0), tags = list(location = \"header\", locationName = \"x-amz-\\\"if\\\"\", type = \"string\"))"), "{ifaces}");
    assert!(ifaces.contains("`Caf\u{e9}` = "));
    assert!(ifaces.contains("tags = list(type = \"structure\", payload = \"Payload\")"));
    assert!(ifaces.is_ascii() || ifaces.contains("Caf\u{e9}"));
    let service = text("R/hostiletest_service.R");
    assert!(service.contains("new_handlers(\"restjson\", \"v4\")"));
    assert!(text("man/hostiletest_put_thing.Rd").contains("100\\% of \\{places\\}"));
}

/// The checker itself finds broken output: a parse error, a bad Rd page, a missing member name.
#[test]
fn r_checks_catch_broken_packages() {
    let path = tests::project_root().join("tests/fixtures/r/hostile/service-2.json");
    let model = load(&path);
    let out = codegen::r::generate(&model, &r_common::settings()).expect("generate");
    let expected = r_common::expected_lines(&model);
    let tmp = tempfile::tempdir().expect("tempdir");
    let fresh = |name: &str| {
        let dir = tmp.path().join(name);
        out.package.write_atomic(&dir).expect("write");
        dir
    };
    let ok = fresh("ok");
    r_common::run_checks(&ok, &expected).expect("the intact package passes");

    let dir = fresh("parse");
    let f = dir.join("R/hostiletest_interfaces.R");
    let body = std::fs::read_to_string(&f).unwrap();
    std::fs::write(&f, body.replacen("list(", "list((", 1)).unwrap();
    let e = r_common::run_checks(&dir, &expected).unwrap_err();
    assert!(e.contains("parse(hostiletest_interfaces.R)"), "{e}");

    let dir = fresh("rd");
    let f = dir.join("man/hostiletest_ping.Rd");
    let body = std::fs::read_to_string(&f).unwrap();
    std::fs::write(
        &f,
        body.replace(
            "\\keyword{internal}",
            "\\keyword{internal}\n\\unknownmacro{x}",
        ),
    )
    .unwrap();
    let e = r_common::run_checks(&dir, &expected).unwrap_err();
    assert!(e.contains("checkRd(hostiletest_ping.Rd)"), "{e}");

    let mut wrong = expected.clone();
    let i = wrong
        .iter()
        .position(|l| l.starts_with("put_thing_input\t\t"))
        .expect("put_thing_input line");
    wrong[i] = wrong[i].replace("Id,", "Identifier,");
    let e = r_common::run_checks(&ok, &wrong).unwrap_err();
    assert!(
        e.contains("expected but not found") && e.contains("Identifier"),
        "{e}"
    );
}
