//! Endpoint resolution from a service's own Smithy endpoint rule set
//! (`smithy.rules#endpointRuleSet`; botocore's `endpoint-rule-set-1.json`).
//!
//! Parse the rule set once with [`RuleSet::from_json`], then call [`RuleSet::resolve`] with the
//! request's [`Params`] for an [`Endpoint`] (URL, headers, properties such as the auth schemes) or
//! an [`Error`] (an error rule's message, a missing required parameter, ...). Nothing a rule set
//! or a parameter holds makes resolution panic: every failure is an [`Error`].
//!
//! ```
//! use awsgen_runtime::endpoints::{built_in, Params, RuleSet};
//! let rules = RuleSet::from_json(r#"{
//!   "version": "1.0",
//!   "parameters": {
//!     "Region": {"type": "String", "builtIn": "AWS::Region", "required": true},
//!     "Endpoint": {"type": "String", "builtIn": "SDK::Endpoint"}
//!   },
//!   "rules": [
//!     {"type": "endpoint", "conditions": [{"fn": "isSet", "argv": [{"ref": "Endpoint"}]}],
//!      "endpoint": {"url": {"ref": "Endpoint"}}},
//!     {"type": "endpoint", "conditions": [
//!        {"fn": "aws.partition", "argv": [{"ref": "Region"}], "assign": "p"}],
//!      "endpoint": {"url": "https://svc.{Region}.{p#dnsSuffix}"}}
//!   ]
//! }"#).unwrap();
//! let params = Params::new().built_in(built_in::REGION, "cn-north-1");
//! assert_eq!(rules.resolve(&params).unwrap().url, "https://svc.cn-north-1.amazonaws.com.cn");
//! let local = params.built_in(built_in::ENDPOINT, "http://127.0.0.1:5000");
//! assert_eq!(rules.resolve(&local).unwrap().url, "http://127.0.0.1:5000");
//! ```

mod aws;
mod eval;
mod functions;
mod partitions;
mod ruleset;
mod scope;
mod template;
mod value;

#[cfg(test)]
mod tests;

pub use ruleset::{ParamType, Parameter, RuleSet};
pub use value::Value;

use std::fmt;

/// The names of the built-in parameters an SDK fills from its configuration.
pub mod built_in {
    /// The region the client is configured for.
    pub const REGION: &str = "AWS::Region";
    /// Use the FIPS endpoint.
    pub const USE_FIPS: &str = "AWS::UseFIPS";
    /// Use the dual-stack (IPv4 and IPv6) endpoint.
    pub const USE_DUAL_STACK: &str = "AWS::UseDualStack";
    /// A custom endpoint URL (how a client reaches a local server).
    pub const ENDPOINT: &str = "SDK::Endpoint";
    /// The caller's account id, for account-based endpoints.
    pub const ACCOUNT_ID: &str = "AWS::Auth::AccountId";
    /// `preferred`, `required` or `disabled`: how the account id shapes the endpoint.
    pub const ACCOUNT_ID_ENDPOINT_MODE: &str = "AWS::Auth::AccountIdEndpointMode";
    /// S3: put the bucket in the path, not the host.
    pub const S3_FORCE_PATH_STYLE: &str = "AWS::S3::ForcePathStyle";
    /// S3: use S3 Transfer Acceleration.
    pub const S3_ACCELERATE: &str = "AWS::S3::Accelerate";
    /// S3: send `us-east-1` requests to the global endpoint.
    pub const S3_USE_GLOBAL_ENDPOINT: &str = "AWS::S3::UseGlobalEndpoint";
    /// S3: refuse multi-region access points.
    pub const S3_DISABLE_MULTI_REGION_ACCESS_POINTS: &str =
        "AWS::S3::DisableMultiRegionAccessPoints";
    /// S3: use the region of an ARN given as the bucket.
    pub const S3_USE_ARN_REGION: &str = "AWS::S3::UseArnRegion";
    /// S3 Control: use the region of an ARN given as a parameter.
    pub const S3_CONTROL_USE_ARN_REGION: &str = "AWS::S3Control::UseArnRegion";
    /// STS: send `us-east-1` requests to the global endpoint.
    pub const STS_USE_GLOBAL_ENDPOINT: &str = "AWS::STS::UseGlobalEndpoint";
}

/// The values to resolve with: parameters by name (as the rule set declares them), and built-ins
/// by their `builtIn` name (used for a parameter that was not given by name).
#[derive(Debug, Clone, Default)]
pub struct Params {
    by_name: Vec<(String, Value)>,
    built_ins: Vec<(String, Value)>,
}

impl Params {
    pub fn new() -> Params {
        Params::default()
    }

    /// Sets the parameter `name` (replacing an earlier value).
    pub fn set(mut self, name: &str, value: impl Into<Value>) -> Params {
        upsert(&mut self.by_name, name, value.into());
        self
    }

    /// Sets the built-in `name` (for example [`built_in::REGION`]), replacing an earlier value.
    pub fn built_in(mut self, name: &str, value: impl Into<Value>) -> Params {
        upsert(&mut self.built_ins, name, value.into());
        self
    }

    /// The value given for the parameter `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        lookup(&self.by_name, name)
    }

    /// The value given for the built-in `name`.
    pub fn get_built_in(&self, name: &str) -> Option<&Value> {
        lookup(&self.built_ins, name)
    }
}

fn upsert(list: &mut Vec<(String, Value)>, name: &str, value: Value) {
    match list.iter_mut().find(|(n, _)| n == name) {
        Some(slot) => slot.1 = value,
        None => list.push((name.to_owned(), value)),
    }
}

fn lookup<'a>(list: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    list.iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

/// A resolved endpoint.
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    pub url: String,
    /// Headers to add to the request, in the rule set's order.
    pub headers: Vec<(String, Vec<String>)>,
    /// Properties such as `authSchemes`, as JSON.
    pub properties: serde_json::Map<String, serde_json::Value>,
}

/// One entry of an endpoint's `authSchemes` property: how to sign for this endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AuthScheme {
    /// `sigv4`, `sigv4a`, `sigv4-s3express`, ...
    pub name: String,
    pub signing_name: Option<String>,
    pub signing_region: Option<String>,
    /// SigV4a's region set.
    pub signing_region_set: Vec<String>,
    pub disable_double_encoding: bool,
}

impl Endpoint {
    /// The `authSchemes` property, in order of preference; entries without a `name` are left out.
    pub fn auth_schemes(&self) -> Vec<AuthScheme> {
        let Some(serde_json::Value::Array(schemes)) = self.properties.get("authSchemes") else {
            return Vec::new();
        };
        let text =
            |s: &serde_json::Value, k: &str| s.get(k).and_then(|v| v.as_str()).map(str::to_owned);
        schemes
            .iter()
            .filter_map(|s| {
                Some(AuthScheme {
                    name: text(s, "name")?,
                    signing_name: text(s, "signingName"),
                    signing_region: text(s, "signingRegion"),
                    signing_region_set: s
                        .get("signingRegionSet")
                        .and_then(|v| v.as_array())
                        .map(|a| {
                            a.iter()
                                .filter_map(|r| r.as_str().map(str::to_owned))
                                .collect()
                        })
                        .unwrap_or_default(),
                    disable_double_encoding: s
                        .get("disableDoubleEncoding")
                        .and_then(|v| v.as_bool())
                        .unwrap_or(false),
                })
            })
            .collect()
    }
}

/// Why a rule set could not be parsed, or could not resolve an endpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The rule set's JSON is not a valid rule set (the message says where and why).
    InvalidRuleSet(String),
    /// A required parameter has no value and no default.
    MissingParameter(String),
    /// A parameter's value does not have its declared type.
    InvalidParameter { name: String, message: String },
    /// An error rule matched; its message, as the rule set wrote it.
    Rule(String),
    /// No rule's conditions held.
    NoRuleMatched,
    /// The rule set computed something unusable (an endpoint URL that is not a string, ...).
    Evaluation(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidRuleSet(m) => write!(f, "invalid endpoint rule set: {m}"),
            Error::MissingParameter(p) => {
                write!(f, "endpoint parameter `{p}` is required but not set")
            }
            Error::InvalidParameter { name, message } => {
                write!(f, "endpoint parameter `{name}`: {message}")
            }
            Error::Rule(m) => f.write_str(m),
            Error::NoRuleMatched => f.write_str("no endpoint rule matched"),
            Error::Evaluation(m) => write!(f, "endpoint rule evaluation failed: {m}"),
        }
    }
}

impl std::error::Error for Error {}

impl RuleSet {
    /// Resolves the endpoint for these parameters.
    pub fn resolve(&self, params: &Params) -> Result<Endpoint, Error> {
        eval::resolve(self, params)
    }

    /// A parameter's value from a JSON test input (`"us-east-1"`, `true`, `["a"]`), checked
    /// against the parameter's declared type; `None` for an undeclared name or a wrong type.
    pub fn param_from_json(&self, name: &str, json: &serde_json::Value) -> Option<Value> {
        let p = self.parameters.iter().find(|p| p.name == name)?;
        ruleset::json_param_value(json, p.kind)
    }
}
