//! The synthetic fixtures `edge/` (rest-json, every key the loader maps) and `xml/` (rest-xml).

use super::{fixture, load};
use codegen::ir::{
    Bound, Bounds, HttpBinding, Member, Model, Protocol, ShapeKind, TimestampFormat,
};
use serde_json::json;

fn member<'m>(m: &'m Model, shape: &str, name: &str) -> &'m Member {
    m.shapes[shape]
        .kind
        .members()
        .iter()
        .find(|x| x.name == name)
        .unwrap_or_else(|| panic!("{shape}.{name}"))
}

fn bounds(min: Option<serde_json::Value>, max: Option<serde_json::Value>) -> Option<Bounds> {
    let b = |v: serde_json::Value| Bound(serde_json::from_value(v).expect("number"));
    Some(Bounds {
        min: min.map(b),
        max: max.map(b),
    })
}

#[test]
fn edge_metadata_and_operations() {
    let m = load(&fixture("edge/service-2.json"));
    let s = &m.service;
    assert_eq!(
        s.name, "WidgetStore",
        "no targetPrefix: serviceId without spaces"
    );
    assert_eq!(s.namespace, "com.amazonaws.widgetstore");
    assert_eq!(s.protocol, Protocol::RestJson1);
    assert_eq!(s.target_prefix, None);
    assert_eq!(s.operations, ["ListWidgets", "PutWidget", "StreamWidgets"]);
    assert_eq!(
        s.traits.other.get("uid"),
        Some(&json!("widgets-2024-01-01"))
    );

    let put = &m.operations["PutWidget"];
    let http = put.traits.http.as_ref().expect("http");
    assert_eq!(
        (http.method.as_str(), http.uri.as_str(), http.code),
        ("PUT", "/widgets/{WidgetId}", Some(201))
    );
    assert_eq!(put.errors, ["WidgetConflict", "InternalFailure"]);
    assert_eq!(put.traits.host_prefix.as_deref(), Some("data-"));
    assert!(put.traits.idempotent);
    assert_eq!(
        put.traits.other.get("authtype"),
        Some(&json!("v4-unsigned-body"))
    );
    let dep = put.traits.deprecated.as_ref().expect("deprecated");
    assert_eq!(dep.message.as_deref(), Some("Use PutWidgetV2."));
    assert_eq!(
        put.traits.documentation.as_deref(),
        Some("<p>Stores a widget.</p>")
    );
    assert_eq!(
        m.operations["ListWidgets"].traits.other.get("readonly"),
        Some(&json!(true))
    );
    // The key is the operation name; a different `name` is kept raw.
    let stream = &m.operations["StreamWidgets"];
    assert_eq!(
        stream.traits.other.get("name"),
        Some(&json!("StreamWidgets2024_01_01"))
    );
}

#[test]
fn edge_pagination() {
    let m = load(&fixture("edge/service-2.json"));
    let list = m.operations["ListWidgets"]
        .paginated
        .as_ref()
        .expect("ListWidgets");
    assert_eq!(list.input_token.as_deref(), Some("NextToken"));
    assert_eq!(list.output_token.as_deref(), Some("NextToken"));
    assert_eq!(list.page_size.as_deref(), Some("MaxResults"));
    assert_eq!(list.items, ["Widgets"]);
    assert!(!m.operations["ListWidgets"]
        .traits
        .other
        .contains_key("paginator"));
    // Several tokens: the first is typed, the whole paginator kept raw.
    let stream = &m.operations["StreamWidgets"];
    let p = stream.paginated.as_ref().expect("StreamWidgets");
    assert_eq!(p.input_token.as_deref(), Some("Cursor"));
    assert_eq!(p.output_token.as_deref(), Some("Cursor"));
    assert_eq!(p.page_size, None);
    assert_eq!(p.items, ["Widgets"]);
    let raw = stream.traits.other.get("paginator").expect("raw paginator");
    assert_eq!(raw["input_token"], json!(["Cursor", "Shard"]));
    assert_eq!(raw["more_results"], json!("Done"));
    assert!(m.operations["PutWidget"].paginated.is_none());
}

#[test]
fn edge_http_bindings_and_member_traits() {
    let m = load(&fixture("edge/service-2.json"));
    let req = &m.shapes["PutWidgetRequest"];
    let names: Vec<&str> = req.kind.members().iter().map(|m| m.name.as_str()).collect();
    assert_eq!(
        names,
        ["WidgetId", "Version", "Labels", "DryRun", "Token", "Body"]
    );
    let binding = |n: &str| {
        member(&m, "PutWidgetRequest", n)
            .traits
            .http_binding
            .clone()
    };
    assert_eq!(binding("WidgetId"), Some(HttpBinding::Label));
    assert_eq!(
        binding("Version"),
        Some(HttpBinding::Header("x-widget-version".into()))
    );
    assert_eq!(
        binding("Labels"),
        Some(HttpBinding::PrefixHeaders("x-widget-label-".into()))
    );
    assert_eq!(binding("DryRun"), Some(HttpBinding::Query("dryRun".into())));
    assert_eq!(
        binding("Body"),
        Some(HttpBinding::Payload),
        "structure `payload`"
    );
    assert_eq!(binding("Token"), None);
    assert!(
        member(&m, "PutWidgetRequest", "Token")
            .traits
            .idempotency_token
    );
    assert!(member(&m, "PutWidgetRequest", "Body").traits.required);
    assert!(!member(&m, "PutWidgetRequest", "Version").traits.required);
    // A header's locationName is the header, not a JSON name.
    assert_eq!(
        member(&m, "PutWidgetRequest", "Version").traits.json_name,
        None
    );

    let resp = |n: &str| member(&m, "PutWidgetResponse", n).traits.clone();
    assert_eq!(resp("Status").http_binding, Some(HttpBinding::ResponseCode));
    assert_eq!(
        resp("CreatedAt").timestamp_format,
        Some(TimestampFormat::DateTime)
    );
    assert_eq!(resp("CreatedAt").json_name.as_deref(), Some("createdAt"));
    assert!(resp("Spec").json_value);
    let old = resp("OldField").deprecated.expect("deprecated");
    assert_eq!(
        (old.message.as_deref(), old.since.as_deref()),
        (Some("gone"), Some("2024-06-01"))
    );
    assert!(resp("Weight").boxed);
    assert!(resp("Region").host_label, "`hostLabel` is typed");
    assert_eq!(resp("Region").other.get("hostLabel"), None);
    assert_eq!(
        member(&m, "ListWidgetsResponse", "NextToken")
            .traits
            .json_name
            .as_deref(),
        Some("nextToken")
    );
}

#[test]
fn edge_shape_kinds_and_constraints() {
    let m = load(&fixture("edge/service-2.json"));
    let kind = |n: &str| m.shapes[n].kind.clone();
    let traits = |n: &str| m.shapes[n].traits.clone();
    assert_eq!(kind("Byte"), ShapeKind::Byte);
    assert_eq!(kind("Short"), ShapeKind::Short);
    assert_eq!(kind("Initial"), ShapeKind::String);
    assert_eq!(
        traits("Initial").other.get("type"),
        Some(&json!("character"))
    );
    assert_eq!(kind("Anything"), ShapeKind::Document);
    assert!(matches!(kind("Choice"), ShapeKind::Union(ref ms) if ms.len() == 2));
    let ShapeKind::Enum(values) = kind("Color") else {
        panic!("Color")
    };
    let values: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["red", "green", "BLUE"]);
    assert!(traits("Color").deprecated.is_some());

    assert_eq!(
        traits("WidgetId").length,
        bounds(Some(json!(1)), Some(json!(64)))
    );
    assert_eq!(traits("WidgetId").pattern.as_deref(), Some("^[a-z0-9-]+$"));
    assert_eq!(traits("WidgetId").range, None);
    assert_eq!(
        traits("Short").range,
        bounds(Some(json!(-5)), Some(json!(5)))
    );
    assert_eq!(
        traits("Weight").range,
        bounds(Some(json!(0.5)), Some(json!(99.5)))
    );
    let big = traits("BigCount").range.and_then(|b| b.max).expect("max");
    assert_eq!(big.as_i128(), Some(i128::from(i64::MAX)));
    assert_eq!(traits("WidgetList").length, bounds(None, Some(json!(100))));
    assert_eq!(
        traits("LabelMap").length,
        bounds(Some(json!(0)), Some(json!(10)))
    );
    assert!(traits("LabelMap").sparse);
    let body = traits("WidgetBody");
    assert!(body.streaming && body.sensitive);
    assert_eq!(body.length, bounds(Some(json!(1)), Some(json!(1048576))));
    assert_eq!(body.other.get("requiresLength"), Some(&json!(true)));
    assert_eq!(
        traits("Timestamp").timestamp_format,
        Some(TimestampFormat::EpochSeconds)
    );
    // An event stream is the IR's `streaming` (Smithy's `streaming` on a union).
    assert!(traits("WidgetEvents").streaming);
    assert_eq!(
        traits("WidgetCreated").other.get("event"),
        Some(&json!(true))
    );
    assert_eq!(
        member(&m, "StreamWidgetsResponse", "Events")
            .traits
            .http_binding,
        Some(HttpBinding::Payload)
    );
    let ShapeKind::List(item) = kind("WidgetList") else {
        panic!("WidgetList")
    };
    assert_eq!(
        (item.name.as_str(), item.target.as_str()),
        ("member", "Widget")
    );
    let ShapeKind::Map { key, value } = kind("LabelMap") else {
        panic!("LabelMap")
    };
    assert_eq!((key.name.as_str(), value.name.as_str()), ("key", "value"));
}

#[test]
fn edge_errors() {
    let m = load(&fixture("edge/service-2.json"));
    let conflict = &m.shapes["WidgetConflict"].traits;
    assert_eq!(
        (conflict.error.as_deref(), conflict.http_error),
        (Some("client"), Some(409))
    );
    assert_eq!(conflict.other["error"]["code"], json!("Conflict"));
    assert_eq!(
        conflict.other.get("retryable"),
        Some(&json!({"throttling": false}))
    );
    let internal = &m.shapes["InternalFailure"].traits;
    assert_eq!(
        (internal.error.as_deref(), internal.http_error),
        (Some("server"), Some(500))
    );
    assert_eq!(m.shapes["Widget"].traits.error, None);
}

#[test]
fn xml_location_names_stay_raw() {
    let m = load(&fixture("xml/service-2.json"));
    assert_eq!(m.service.protocol, Protocol::RestXml);
    assert_eq!(m.service.name, "Boxes");
    assert_eq!(
        m.service.traits.other.get("xmlNamespace"),
        Some(&json!("https://boxes.example.com/doc/2024-02-02/"))
    );
    let items = member(&m, "GetBoxOutput", "Items");
    assert_eq!(items.traits.json_name, None, "XML names are not JSON names");
    assert_eq!(items.traits.other.get("locationName"), Some(&json!("Item")));
    assert!(items.traits.xml_flattened, "`flattened` is typed");
    let ShapeKind::List(item) = &m.shapes["Items"].kind else {
        panic!("Items")
    };
    assert_eq!(item.traits.other.get("locationName"), Some(&json!("Item")));
    assert!(m.shapes["Items"].traits.xml_flattened);
    let label = member(&m, "GetBoxRequest", "Box");
    assert_eq!(label.traits.http_binding, Some(HttpBinding::Label));
    assert_eq!(
        label.traits.other.get("locationName"),
        Some(&json!("Bucket")),
        "URI label name kept"
    );
    let op = &m.operations["GetBox"];
    assert_eq!(op.input.as_deref(), Some("GetBoxRequest"));
    assert_eq!(
        op.traits.other["input"]["locationName"],
        json!("GetBoxRequest")
    );
    assert!(!op.traits.other.contains_key("output"));
    assert!(op.paginated.is_none(), "no paginators-1.json beside it");
}
