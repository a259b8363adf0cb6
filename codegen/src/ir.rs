//! The intermediate representation every back-end reads.
//!
//! Both front-ends (`load::smithy`, `load::botocore`) produce a [`Model`]; nothing after loading looks at
//! model JSON again. Shapes are keyed by a stable [`ShapeId`]: the bare shape name for shapes in the
//! service's own namespace (`CreateEndpointConfigInput`), the absolute id for anything else
//! (`smithy.api#String`). All maps are ordered (`BTreeMap`) so iteration never depends on hashing;
//! members keep model order.

use std::collections::BTreeMap;

/// A shape's key in [`Model::shapes`]: the bare name inside the service namespace, `ns#Name` otherwise.
pub type ShapeId = String;

/// A whole loaded service model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// The file the model was read from (for messages only).
    pub source: String,
    /// Which front-end produced this model.
    pub form: ModelForm,
    pub service: Service,
    /// Every data shape (not operations, services or resources), by id.
    pub shapes: BTreeMap<ShapeId, Shape>,
    /// Every operation bound to the service (directly or through resources), by name.
    pub operations: BTreeMap<String, Operation>,
    /// Number of resource shapes in the model (Smithy only; botocore has none).
    pub resource_count: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelForm {
    Smithy,
    Botocore,
}

/// Service-level metadata, normalised to botocore's vocabulary where the two forms overlap.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Service {
    /// The service shape's name (`SageMaker`); botocore: the `targetPrefix` or `serviceId`.
    pub name: String,
    /// The Smithy namespace (`com.amazonaws.sagemaker`); botocore: `com.amazonaws.` + lower-case
    /// `serviceId` without spaces.
    pub namespace: String,
    /// `apiVersion` / the service shape's `version`.
    pub api_version: String,
    /// `serviceId` / `aws.api#service.sdkId`.
    pub sdk_id: Option<String>,
    /// `serviceFullName` / `smithy.api#title`.
    pub full_name: Option<String>,
    /// `serviceAbbreviation` (botocore only).
    pub abbreviation: Option<String>,
    pub protocol: Protocol,
    /// `jsonVersion` (`1.0` / `1.1`), derived from the protocol trait in Smithy.
    pub json_version: Option<String>,
    /// `targetPrefix` for awsJson protocols (the service shape name in Smithy).
    pub target_prefix: Option<String>,
    /// SigV4 signing name (`signingName` / `aws.auth#sigv4.name`).
    pub signing_name: Option<String>,
    /// `endpointPrefix` / `aws.api#service.endpointPrefix`.
    pub endpoint_prefix: Option<String>,
    /// Operation names bound to the service, sorted.
    pub operations: Vec<String>,
    /// The endpoint rule set (`smithy.rules#endpointRuleSet` / botocore's `endpoint-rule-set-1.json`
    /// beside `service-2.json`) as raw JSON, checked at load time to parse with
    /// `awsgen_runtime::endpoints::RuleSet`. Not part of `traits.other`.
    pub endpoint_rules: Option<serde_json::Value>,
    pub traits: Traits,
}

/// The wire protocol, as a Smithy protocol trait or botocore `protocol` string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Protocol {
    AwsJson1_0,
    #[default]
    AwsJson1_1,
    RestJson1,
    RestXml,
    AwsQuery,
    Ec2Query,
    /// Anything else, kept verbatim.
    Other(String),
}

impl Protocol {
    /// botocore's name for the protocol (`json`, `rest-json`, `rest-xml`, `query`, `ec2`).
    pub fn botocore_name(&self) -> &str {
        match self {
            Protocol::AwsJson1_0 | Protocol::AwsJson1_1 => "json",
            Protocol::RestJson1 => "rest-json",
            Protocol::RestXml => "rest-xml",
            Protocol::AwsQuery => "query",
            Protocol::Ec2Query => "ec2",
            Protocol::Other(s) => s,
        }
    }
    /// True for the REST protocols (restJson1, restXml, and any protocol this IR does not know), whose
    /// members may travel in headers, the query string or the URI; the others send every request as
    /// `POST /` with the whole input in the body.
    pub fn uses_http_bindings(&self) -> bool {
        !matches!(
            self,
            Protocol::AwsJson1_0 | Protocol::AwsJson1_1 | Protocol::AwsQuery | Protocol::Ec2Query
        )
    }
    /// True for the JSON protocols whose bodies the Rust target serialises.
    pub fn is_json(&self) -> bool {
        matches!(
            self,
            Protocol::AwsJson1_0 | Protocol::AwsJson1_1 | Protocol::RestJson1
        )
    }
}

/// One data shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    /// The key of this shape in [`Model::shapes`].
    pub id: ShapeId,
    /// The bare name (`String` for `smithy.api#String`).
    pub name: String,
    pub kind: ShapeKind,
    pub traits: Traits,
}

/// What a shape is. A Smithy `set` becomes `List` with `Traits::unique_items`; a string carrying the
/// `smithy.api#enum` trait, a Smithy `enum` shape and a botocore string with an `enum` list all become
/// `Enum`.
#[derive(Debug, Clone, PartialEq)]
pub enum ShapeKind {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    Enum(Vec<EnumValue>),
    IntEnum(Vec<IntEnumValue>),
    List(Box<Member>),
    Map {
        key: Box<Member>,
        value: Box<Member>,
    },
    Structure(Vec<Member>),
    Union(Vec<Member>),
}

impl ShapeKind {
    /// The Smithy type name (`string`, `enum`, `structure`, ...); `set`s report `list`.
    pub fn type_name(&self) -> &'static str {
        match self {
            ShapeKind::Blob => "blob",
            ShapeKind::Boolean => "boolean",
            ShapeKind::String => "string",
            ShapeKind::Byte => "byte",
            ShapeKind::Short => "short",
            ShapeKind::Integer => "integer",
            ShapeKind::Long => "long",
            ShapeKind::Float => "float",
            ShapeKind::Double => "double",
            ShapeKind::BigInteger => "bigInteger",
            ShapeKind::BigDecimal => "bigDecimal",
            ShapeKind::Timestamp => "timestamp",
            ShapeKind::Document => "document",
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::List(_) => "list",
            ShapeKind::Map { .. } => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
        }
    }

    /// Members of a structure or union, in model order; empty for everything else.
    pub fn members(&self) -> &[Member] {
        match self {
            ShapeKind::Structure(m) | ShapeKind::Union(m) => m,
            _ => &[],
        }
    }

    /// Every shape this shape refers to directly (members, list member, map key and value).
    pub fn targets(&self) -> Vec<&ShapeId> {
        match self {
            ShapeKind::Structure(m) | ShapeKind::Union(m) => m.iter().map(|m| &m.target).collect(),
            ShapeKind::List(m) => vec![&m.target],
            ShapeKind::Map { key, value } => vec![&key.target, &value.target],
            _ => Vec::new(),
        }
    }
}

/// One value of a string enum.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    /// The Smithy member name or enum-trait `name` (`ML_T2_MEDIUM`); `None` from botocore.
    pub name: Option<String>,
    /// The wire value (`ml.t2.medium`).
    pub value: String,
    pub documentation: Option<String>,
    pub deprecated: bool,
}

/// One value of an intEnum.
#[derive(Debug, Clone, PartialEq)]
pub struct IntEnumValue {
    pub name: String,
    pub value: i64,
    pub documentation: Option<String>,
}

/// A member of a structure, union, list (`member`) or map (`key`, `value`).
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The member name as in the model (also the default wire name).
    pub name: String,
    /// The target shape's id.
    pub target: ShapeId,
    /// Traits on the member itself (not the target's).
    pub traits: Traits,
    /// The constraints that apply to the member's values: its own where it has them, else its
    /// target's. Set by [`crate::normalize`]; read these, not `traits` or the target's, for
    /// `length`, `range`, `pattern`, `uniqueItems` and `timestampFormat`.
    pub effective: Constraints,
}

/// A member's effective constraints ([`Member::effective`]): each the member's own trait when it
/// has one, else its target's.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Constraints {
    pub length: Option<Bounds>,
    pub range: Option<Bounds>,
    pub pattern: Option<Pattern>,
    pub unique_items: bool,
    pub timestamp_format: Option<TimestampFormat>,
}

/// A `pattern` as the model wrote it, with its canonical key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The ECMA-262 regex as written (not implicitly anchored): what is compiled, checked and
    /// documented.
    pub source: String,
    /// [`crate::normalize::pattern_key`] of `source`: what both model forms spell alike, used to
    /// compare patterns across forms and to number them in the Rust crate.
    pub key: String,
}

impl Pattern {
    pub fn new(source: impl Into<String>) -> Pattern {
        let source = source.into();
        let key = crate::normalize::pattern_key(&source);
        Pattern { source, key }
    }
}

/// A pattern reads as its source.
impl std::ops::Deref for Pattern {
    type Target = str;
    fn deref(&self) -> &str {
        &self.source
    }
}

impl From<&str> for Pattern {
    fn from(s: &str) -> Pattern {
        Pattern::new(s)
    }
}

impl From<String> for Pattern {
    fn from(s: String) -> Pattern {
        Pattern::new(s)
    }
}

/// An operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    pub name: String,
    /// Input structure id; `None` for `smithy.api#Unit` / no input.
    pub input: Option<ShapeId>,
    /// Output structure id; `None` for `smithy.api#Unit` / no output.
    pub output: Option<ShapeId>,
    /// Error structure ids, in model order.
    pub errors: Vec<ShapeId>,
    /// Pagination, merged with the service default (Smithy) or from `paginators-1.json` (botocore).
    pub paginated: Option<Paginated>,
    pub traits: Traits,
}

/// Pagination of one operation. Tokens are member names or dotted paths into the output.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Paginated {
    pub input_token: Option<String>,
    pub output_token: Option<String>,
    /// `pageSize` / `limit_key`.
    pub page_size: Option<String>,
    /// `items` / `result_key` (botocore may list several).
    pub items: Vec<String>,
}

/// A numeric bound (`range`, `length`), kept as written so that large longs and decimals survive.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound(pub serde_json::Number);

impl Bound {
    pub fn as_f64(&self) -> f64 {
        self.0.as_f64().unwrap_or(f64::NAN)
    }
    pub fn as_i128(&self) -> Option<i128> {
        self.0
            .as_i64()
            .map(i128::from)
            .or_else(|| self.0.as_u64().map(i128::from))
    }
}

/// `min` / `max` of a `length` or `range` constraint (both inclusive).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Bounds {
    pub min: Option<Bound>,
    pub max: Option<Bound>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TimestampFormat {
    EpochSeconds,
    DateTime,
    HttpDate,
}

impl TimestampFormat {
    /// The Smithy / botocore spelling (`epoch-seconds`, `date-time`, `http-date`).
    pub fn as_str(&self) -> &'static str {
        match self {
            TimestampFormat::EpochSeconds => "epoch-seconds",
            TimestampFormat::DateTime => "date-time",
            TimestampFormat::HttpDate => "http-date",
        }
    }
}

/// `smithy.api#deprecated` / botocore `deprecated` (+ `deprecatedMessage`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deprecated {
    pub message: Option<String>,
    pub since: Option<String>,
}

/// `smithy.api#http` / botocore `http`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Http {
    pub method: String,
    pub uri: String,
    pub code: Option<u16>,
}

impl Http {
    /// The success status: `code`, or 200 (the default of both forms) when the model says none.
    pub fn status(&self) -> u16 {
        self.code.unwrap_or(200)
    }
}

/// Where an HTTP binding puts a member (restJson1 / restXml).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HttpBinding {
    /// `httpHeader` / `location: header`, with the header name.
    Header(String),
    /// `httpPrefixHeaders` / `location: headers`, with the prefix.
    PrefixHeaders(String),
    /// `httpQuery` / `location: querystring`, with the parameter name.
    Query(String),
    /// `httpQueryParams` (Smithy only).
    QueryParams,
    /// `httpLabel` / `location: uri`.
    Label,
    /// `httpPayload` / botocore `payload`.
    Payload,
    /// `httpResponseCode` / `location: statusCode`.
    ResponseCode,
}

/// Traits as typed data where generators need them; everything else raw in `other`.
/// The same struct is used on shapes, members, operations and the service.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Traits {
    /// HTML documentation.
    pub documentation: Option<String>,
    pub required: bool,
    /// `smithy.api#default` value (Smithy only).
    pub default: Option<serde_json::Value>,
    pub client_optional: bool,
    pub added_default: bool,
    pub length: Option<Bounds>,
    pub range: Option<Bounds>,
    /// ECMA-262 regex, not implicitly anchored.
    pub pattern: Option<Pattern>,
    pub sensitive: bool,
    pub deprecated: Option<Deprecated>,
    pub timestamp_format: Option<TimestampFormat>,
    /// `jsonName` / botocore member `locationName` without a `location`.
    pub json_name: Option<String>,
    pub http_binding: Option<HttpBinding>,
    pub idempotency_token: bool,
    /// `client` / `server` for error structures.
    pub error: Option<String>,
    /// HTTP status code of an error (`smithy.api#httpError` / botocore `error.httpStatusCode`).
    pub http_error: Option<u16>,
    pub sparse: bool,
    pub unique_items: bool,
    /// `smithy.api#input` / `smithy.api#output` on structures.
    pub input: bool,
    pub output: bool,
    /// On operations.
    pub http: Option<Http>,
    /// `smithy.api#endpoint` host prefix / botocore `endpoint.hostPrefix`.
    pub host_prefix: Option<String>,
    pub streaming: bool,
    /// Smithy 1.0 `box` / botocore `box`.
    pub boxed: bool,
    /// botocore `jsonvalue` (a string holding JSON).
    pub json_value: bool,
    /// `smithy.api#idempotent` / botocore `idempotent`.
    pub idempotent: bool,
    /// `smithy.api#examples` (raw) on operations.
    pub examples: Option<serde_json::Value>,
    /// `smithy.api#mediaType` (Smithy only) on strings and blobs.
    pub media_type: Option<String>,
    /// `smithy.api#xmlName` (Smithy only; botocore's XML `locationName` stays raw).
    pub xml_name: Option<String>,
    /// `smithy.api#xmlAttribute` / botocore `xmlAttribute`.
    pub xml_attribute: bool,
    /// `smithy.api#xmlFlattened` / botocore `flattened`.
    pub xml_flattened: bool,
    /// `aws.protocols#ec2QueryName` / botocore `queryName`.
    pub query_name: Option<String>,
    /// `smithy.api#hostLabel` / botocore `hostLabel`: the member fills a label of the host prefix.
    pub host_label: bool,
    /// The endpoint parameter a member sets (`smithy.rules#contextParam` / botocore
    /// `contextParam`, its `name`).
    pub context_param: Option<String>,
    /// An operation's fixed endpoint parameters (`smithy.rules#staticContextParams` / botocore
    /// `staticContextParams`), in model order.
    pub static_context_params: Vec<(String, ContextValue)>,
    /// `aws.protocols#awsQueryCompatible` / botocore metadata `awsQueryCompatible` (service).
    pub aws_query_compatible: bool,
    /// An error's awsQuery error code (`aws.protocols#awsQueryError` / botocore `error.code`).
    pub query_error: Option<QueryError>,
    /// Every other trait, by absolute trait id (`aws.api#arn`) or botocore key, as raw JSON.
    pub other: BTreeMap<String, serde_json::Value>,
}

/// The value of a static endpoint parameter (the rules specification allows only these two).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContextValue {
    Bool(bool),
    String(String),
}

/// `aws.protocols#awsQueryError` / the `code` of botocore's `error` object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub code: String,
    /// `httpResponseCode` (Smithy only; botocore's status is [`Traits::http_error`]).
    pub http_response_code: Option<serde_json::Number>,
}

impl Model {
    /// The shape with this id (front-ends guarantee every target resolves).
    pub fn shape(&self, id: &str) -> Option<&Shape> {
        self.shapes.get(id)
    }

    /// Total number of shapes as the model file counts them: data shapes outside the Smithy prelude,
    /// operations, resources and the service.
    pub fn total_shape_count(&self) -> usize {
        let data = self
            .shapes
            .keys()
            .filter(|id| !id.starts_with("smithy.api#"))
            .count();
        data + self.operations.len() + self.resource_count + 1
    }
}
